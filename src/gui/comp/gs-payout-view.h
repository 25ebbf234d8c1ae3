/* gs-payout-view.h — what one role's plan pays: at plan and at a chosen
 * attainment, per component and in total, the payout curve and the
 * calculation trace.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure and every trace line comes from the compensation engine
 * (gs_comp_payout_with for the person shown, gs_comp_role_total_at_attainment
 * for the role, in a worker thread after an edit, the payout chart's curves); the view
 * only lays them out, keeping its labels from one update to the next while
 * its rows stay the same.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_PAYOUT_VIEW (gs_payout_view_get_type ())
G_DECLARE_FINAL_TYPE (GsPayoutView, gs_payout_view, GS, PAYOUT_VIEW, GtkWidget)

GtkWidget *
gs_payout_view_new (void);
/* Shows role role_index of the plan's compensation section. */
void
gs_payout_view_update (GsPayoutView *self, GsPlan *plan, guint role_index);
/* Attainment as a fraction of quota (1.15 = 115 %), 0 to 2. */
void
gs_payout_view_set_attainment (GsPayoutView *self, double attainment);
double
gs_payout_view_get_attainment (GsPayoutView *self);
/* The text shown for a figure: "total", "role-total", "plan-total",
 * "component:ID", "plan:ID"; NULL when not shown. */
const char *
gs_payout_view_get_figure (GsPayoutView *self, const char *key);
/* The trace lines shown, one per line ("" while the trace is collapsed). */
char *
gs_payout_view_get_trace (GsPayoutView *self);
/* The trace is collapsed until shown (an expander; the choice is kept in
 * the setting show-calculation-trace). */
void
gs_payout_view_set_trace_shown (GsPayoutView *self, gboolean shown);
gboolean
gs_payout_view_get_trace_shown (GsPayoutView *self);
/* FALSE while the role's totals of the last update are being computed in
 * a worker thread (the last ones stay shown meanwhile); tests wait for
 * TRUE before reading "role-total". */
gboolean
gs_payout_view_get_totals_ready (GsPayoutView *self);
/* How many payouts of the person shown it has computed so far (tests). */
guint
gs_payout_view_get_computed (GsPayoutView *self);
/* How many texts and accessible names its grid's labels were given: a
 * label is set only when its figure or name changes (tests). */
guint
gs_payout_view_get_label_updates (GsPayoutView *self);
/* Its payout curve (a GsPayoutCurve; tests). */
GtkWidget *
gs_payout_view_get_curve (GsPayoutView *self);

G_END_DECLS
