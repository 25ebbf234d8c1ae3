/* gs-comp-page.h — the Compensation page: roles in a sidebar; the selected
 * role's pay, components, rate tables and modifiers, edited in place; what
 * it pays at plan and at a chosen attainment, its payout curve and the
 * calculation trace; the whole plan's variable pay and cost of sales.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-payout-view.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_PAGE (gs_comp_page_get_type ())
G_DECLARE_FINAL_TYPE (GsCompPage, gs_comp_page, GS, COMP_PAGE, GtkWidget)

GtkWidget *
gs_comp_page_new (void);
void
gs_comp_page_update (GsCompPage *self, GsPlan *plan);
/* Selects a role by id; FALSE when the plan has no such role. */
gboolean
gs_comp_page_select_role (GsCompPage *self, const char *role_id);
GsPayoutView *
gs_comp_page_get_payout_view (GsCompPage *self);
/* The input at a plan path on the page (a GsField), or NULL. */
GtkWidget *
gs_comp_page_find_field (GsCompPage *self, const char *path);
/* The text shown for a whole-plan figure: "variable-pay", "bookings",
 * "cost-of-sales". */
const char *
gs_comp_page_get_plan_figure (GsCompPage *self, const char *key);
/* FALSE while figures of the last update (the whole plan's, the role's
 * totals) are being computed in a worker thread, the last ones shown
 * meanwhile; tests wait for TRUE before reading them. */
gboolean
gs_comp_page_get_figures_ready (GsCompPage *self);

G_END_DECLS
