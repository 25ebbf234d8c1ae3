/* gs-plan-edits.h — structural edits of a plan: funnel stages and sources,
 * the target mode.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is one undoable gs_plan_set of the changed subtree, and each keeps the
 * plan's meaning where it can: inserting a stage keeps the conversion and lag
 * across the step it splits, removing one merges its two steps, so the goals
 * only move when someone changes a rate.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

/* Inserts a stage at position (1 .. n_stages-1: between two stages).  rate and
 * lag_days are the new step *into* the new stage; the step out of it gets the
 * rest, so the conversion across the old step is unchanged. */
gboolean
gs_plan_insert_stage (GsPlan *plan, guint position, const char *name, double rate, double lag_days,
                      GError **error);
gboolean
gs_plan_remove_stage (GsPlan *plan, guint index, GError **error);
gboolean
gs_plan_rename_stage (GsPlan *plan, guint index, const char *name, GError **error);

/* A new source with share 0 (give it a share by editing shares). */
gboolean
gs_plan_add_source (GsPlan *plan, const char *name, GsOwner owner, GError **error);
/* Removes a source; its share goes to the others in proportion to theirs.
 * Scenario overrides of later sources follow them to their new index; those
 * of the removed source go (gs_scenarios_shift_paths). */
gboolean
gs_plan_remove_source (GsPlan *plan, guint index, GError **error);
/* Renames a source; its id stays, so CRM mappings and scenarios keep it. */
gboolean
gs_plan_rename_source (GsPlan *plan, guint index, const char *name, GError **error);
/* Moves where a source's volume enters (any stage before the last).  Its
 * planned volumes and cost per lead are carried across the steps between the
 * old stage and the new at the source's rates, so what it brings and what it
 * spends stay; its own rates on steps before the new stage are dropped. */
gboolean
gs_plan_set_source_entry (GsPlan *plan, guint index, guint stage, GError **error);
/* The source's own conversion on step (stage step to step + 1), a fraction in
 * (0, 1]; rate < 0 drops it, so the source follows the funnel's rate.  A step
 * before the source's entry stage is refused in words ("SDR outbound enters
 * at SAL; it has no MQL → SAL step"). */
gboolean
gs_plan_set_source_rate (GsPlan *plan, guint index, guint step, double rate, GError **error);

/* Switches company.target between growth and absolute, keeping the target
 * where it is (docs/rounding.md, "Switching the target mode"): to absolute,
 * the amount is the plan's target per 12 months, rounded once half away from
 * zero (prior-year bookings when the plan does not compute); to growth, the
 * shortest decimal growth (at most 10 places) whose target is the amount to
 * the minor unit.  Nothing changes when the plan is in that mode already. */
gboolean
gs_plan_set_target_mode (GsPlan *plan, GsTargetMode mode, GError **error);

G_END_DECLS
