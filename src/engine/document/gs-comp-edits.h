/* gs-comp-edits.h — edits of a plan's compensation section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a role's pay, its components, rate tables and modifiers, and
 * the structural edits (bands, tiers, gates, caps added or removed), beside
 * the funnel's in gs-plan-edits.h.  Each is one undoable gs_plan_set of the
 * role: checked by decoding the edited plan, refused with a message that names
 * the field (the plan is then unchanged), and undone exactly.  Roles and
 * components are addressed by index, as in the plan file.
 *
 * Units are the model's (gs-comp.h): money in minor units, attainment and
 * shares as fractions (1.15 = 115 %), a quota in its measure's units.
 */
#pragma once

#include "gs-comp.h"
#include "gs-plan.h"

G_BEGIN_DECLS

/* As a component index: the gate or cap on the whole role. */
#define GS_COMP_WHOLE_ROLE G_MAXUINT

/* What the decoded model does not say: whether a figure is the plan's own
 * or derived (the goal sheets' quota, the capacity plan's headcount). */
gboolean
gs_comp_quota_is_set (GsPlan *plan, guint role, guint component);
gboolean
gs_comp_headcount_is_set (GsPlan *plan, guint role);

/* The whole section. */
gboolean
gs_comp_set_boundary_rule (GsPlan *plan, GsBoundary boundary, GError **error);

/* A role's pay. */
gboolean
gs_comp_set_role_name (GsPlan *plan, guint role, const char *name, GError **error);
gboolean
gs_comp_set_ote (GsPlan *plan, guint role, GsMoney ote, GError **error);
gboolean
gs_comp_set_pay_mix (GsPlan *plan, guint role, double pay_mix, GError **error);
gboolean
gs_comp_set_headcount (GsPlan *plan, guint role, guint headcount, GError **error);
/* Back to the headcount the plan derives (capacity plan, people listed, one). */
gboolean
gs_comp_clear_headcount (GsPlan *plan, guint role, GError **error);
/* An annual quota per person in the measure's units, overriding the goal sheets'. */
gboolean
gs_comp_set_quota (GsPlan *plan, guint role, guint component, double quota, GError **error);
gboolean
gs_comp_clear_quota (GsPlan *plan, guint role, guint component, GError **error);

/* Components. */
gboolean
gs_comp_set_component_name (GsPlan *plan, guint role, guint component, const char *name,
                            GError **error);
/* A new measure drops the component's quota override (a quota belongs to its
 * measure; the goal sheets' quota for the new one applies). */
gboolean
gs_comp_set_measure (GsPlan *plan, guint role, guint component, GsMeasure measure, GError **error);
/* The other components give or take the difference in proportion to their
 * weights, so the weights still add up to 100 %. */
gboolean
gs_comp_set_weight (GsPlan *plan, guint role, guint component, double weight, GError **error);
gboolean
gs_comp_set_period (GsPlan *plan, guint role, guint component, GsPeriod period, GError **error);
gboolean
gs_comp_set_attain_mode (GsPlan *plan, guint role, guint component, GsAttainMode mode,
                         GError **error);

/* Rate tables.  Flat keeps the first band's rate; from flat, one open band at
 * the flat rate: both pay the same. */
gboolean
gs_comp_set_table_kind (GsPlan *plan, guint role, guint component, GsTableKind kind,
                        GError **error);
/* Converts boundaries and rates so the table pays the standard person the
 * same: an attainment boundary a becomes a × quota, an attainment rate r a
 * commission r × target incentive ÷ quota (and back). */
gboolean
gs_comp_set_table_basis (GsPlan *plan, guint role, guint component, GsTableBasis basis,
                         GError **error);
/* Band k's rate (a flat table's only rate is band 0's). */
gboolean
gs_comp_set_band_rate (GsPlan *plan, guint role, guint component, guint band, double rate,
                       GError **error);
/* Moves edge k — the start of band k, or the end of the last band for k =
 * n_bands — in basis units; band k − 1 ends where band k starts, so both move. */
gboolean
gs_comp_set_band_edge (GsPlan *plan, guint role, guint component, guint edge, double value,
                       GError **error);
/* A band above the last, at the last band's rate so payouts do not move: an
 * open last band is closed half a quota (or its start again) above its start. */
gboolean
gs_comp_add_band (GsPlan *plan, guint role, guint component, GError **error);
/* The neighbour below takes over the band's range (the one above, for the first). */
gboolean
gs_comp_remove_band (GsPlan *plan, guint role, guint component, guint band, GError **error);

/* Accelerators: a new tier a quarter of quota above the last (at 100 % when
 * there is none), multiplying the rate by 1.5. */
gboolean
gs_comp_add_accelerator (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_remove_accelerator (GsPlan *plan, guint role, guint component, guint tier, GError **error);
gboolean
gs_comp_set_accelerator (GsPlan *plan, guint role, guint component, guint tier, double above,
                         double multiplier, GError **error);

/* The decelerator: added below 50 % at × 0.5, not retroactive. */
gboolean
gs_comp_add_decelerator (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_remove_decelerator (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_set_decelerator (GsPlan *plan, guint role, guint component, double below, double multiplier,
                         gboolean retroactive, GError **error);

/* Gates and caps, on a component or (GS_COMP_WHOLE_ROLE) the whole role.  A
 * gate is added on the component's measure (the role's first component's) at
 * 50 %; a cap at twice the target incentive. */
gboolean
gs_comp_add_gate (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_remove_gate (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_set_gate (GsPlan *plan, guint role, guint component, GsMeasure measure,
                  double min_attainment, GError **error);
gboolean
gs_comp_add_cap (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_remove_cap (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_set_cap_of_target (GsPlan *plan, guint role, guint component, double multiple,
                           GError **error);
gboolean
gs_comp_set_cap_amount (GsPlan *plan, guint role, guint component, GsMoney amount, GError **error);

G_END_DECLS
