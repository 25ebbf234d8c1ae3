/* gs-scenario-edits.h — making and changing the plan's scenarios in the
 * window: save the current edits as a scenario, rename, describe, edit or
 * remove an override, delete, apply one to the plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is one undoable gs_plan_set (one undo step, even when it changes the
 * plan's inputs and its scenarios together), and each checks the scenario it
 * leaves by applying it to the plan, so a scenario can never hold a value the
 * plan could not (docs/scenarios.md, "In the app").  Scenarios are named
 * as in the file; refusals are in words, naming the scenario.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

/* How many inputs differ from the plan as opened or last saved and would
 * become overrides (0: nothing to save as a scenario). */
guint
gs_scenario_pending_changes (GsPlan *plan);

/* "Save these changes as a scenario": the inputs that differ from the plan as
 * opened or last saved become the overrides of a new scenario called name
 * (after the others), and the plan's inputs go back to what was saved.
 * Refused when nothing changed, or when a change added or removed something
 * (a stage, a source, a hire batch: a scenario only changes values the plan
 * has).  description may be NULL. */
gboolean
gs_scenario_save_changes (GsPlan *plan, const char *name, const char *description, GError **error);

/* A name no scenario has yet: "Scenario 1", "Scenario 2", … */
char *
gs_scenario_free_name (GsPlan *plan);

gboolean
gs_scenario_rename (GsPlan *plan, const char *name, const char *new_name, GError **error);
/* An empty or NULL description removes it. */
gboolean
gs_scenario_set_description (GsPlan *plan, const char *name, const char *description,
                             GError **error);
/* Sets (or adds) the override of path in scenario name to value (taken). */
gboolean
gs_scenario_set_override (GsPlan *plan, const char *name, const char *path, JsonNode *value,
                          GError **error);
gboolean
gs_scenario_remove_override (GsPlan *plan, const char *name, const char *path, GError **error);
gboolean
gs_scenario_delete (GsPlan *plan, const char *name, GError **error);
/* The plan's inputs take the scenario's overrides (the scenario stays). */
gboolean
gs_scenario_apply_to_plan (GsPlan *plan, const char *name, GError **error);

/* The plan path of scenario name's override index ("scenarios[1].overrides[0]
 * .value"), for a field that shows it; NULL when there is none. */
char *
gs_scenario_override_value_path (GsPlan *plan, const char *name, guint index);

G_END_DECLS
