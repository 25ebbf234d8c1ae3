/* gs-comp-extras.h — the modifiers beside a role's components: SPIFs, the
 * draw, the clawback, and a component's discount modifier table.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is one undoable change of the role (gs-comp-edits.h), refused in
 * words with the plan unchanged.  What is added first pays as documented in
 * docs/compensation.md ("Designing a plan in the window"): a SPIF of 500.00
 * per event over the plan's first quarter, one event expected; a recoverable
 * draw of a twelfth of the target incentive a month for 3 months; a clawback
 * over 90 days; a discount row that pays what the table paid before.
 */
#pragma once

#include "gs-comp.h"
#include "gs-plan.h"

G_BEGIN_DECLS

/* SPIFs (index: the role's SPIF). */
gboolean
gs_comp_add_spif (GsPlan *plan, guint role, GError **error);
gboolean
gs_comp_remove_spif (GsPlan *plan, guint role, guint spif, GError **error);
gboolean
gs_comp_set_spif_name (GsPlan *plan, guint role, guint spif, const char *name, GError **error);
gboolean
gs_comp_set_spif_amount (GsPlan *plan, guint role, guint spif, GsMoney amount, GError **error);
/* Inclusive; to not before from. */
gboolean
gs_comp_set_spif_dates (GsPlan *plan, guint role, guint spif, const GDate *from, const GDate *to,
                        GError **error);
gboolean
gs_comp_set_spif_events (GsPlan *plan, guint role, guint spif, double expected_events,
                         GError **error);

/* The draw: an amount a month for the plan's first months (1 to 12). */
gboolean
gs_comp_add_draw (GsPlan *plan, guint role, GError **error);
gboolean
gs_comp_remove_draw (GsPlan *plan, guint role, GError **error);
gboolean
gs_comp_set_draw (GsPlan *plan, guint role, GsMoney amount, guint months, gboolean recoverable,
                  GError **error);

/* Which won deals are the SPIF's events (its "qualifies", format 1.3):
 * rule->present FALSE (or rule NULL) removes the rule, so deals the CRM tags
 * with the SPIF's id qualify; otherwise the rule is written whole (sources
 * as indices into the plan's sources).  Raises the plan to 1.3 in the same
 * undo step when it is older. */
gboolean
gs_comp_set_spif_rule (GsPlan *plan, guint role, guint spif, const GsSpifRule *rule,
                       GError **error);

/* One of the plan's sources (an index) included in or left out of the
 * sources a SPIF's rule is limited to (none left: deals from any source
 * qualify), kept in the plan's order of sources; one undoable edit through
 * gs_comp_set_spif_rule, nothing when it is already so.  The SPIF must have
 * a rule. */
gboolean
gs_comp_set_spif_rule_source (GsPlan *plan, guint role, guint spif, guint source, gboolean included,
                              GError **error);

/* The clawback's share taken back, above 0 and at most 1 (format 1.3 when
 * below 1: the plan's version is raised in the same undo step). */
gboolean
gs_comp_set_clawback_share (GsPlan *plan, guint role, double share, GError **error);

/* The clawback window, 1 to 3,650 days. */
gboolean
gs_comp_add_clawback (GsPlan *plan, guint role, GError **error);
gboolean
gs_comp_remove_clawback (GsPlan *plan, guint role, GError **error);
gboolean
gs_comp_set_clawback_days (GsPlan *plan, guint role, guint days, GError **error);

/* The discount modifier of a component: rows from a discount (a fraction of
 * list price) with a multiplier.  The first row added is 0 % × 1 (pays the
 * same); each further row starts 10 points above the last row's start (at
 * most 100 %), at the last row's multiplier, so payouts do not move until it
 * is set.  Removing the last row removes the table. */
gboolean
gs_comp_add_discount_row (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_remove_discount_row (GsPlan *plan, guint role, guint component, guint row, GError **error);
/* Row k from `from` (row 0 starts at 0 %), at `multiplier` (0 to 1); the row
 * before ends where it starts. */
gboolean
gs_comp_set_discount_row (GsPlan *plan, guint role, guint component, guint row, double from,
                          double multiplier, GError **error);

G_END_DECLS
