/* gs-payout-curve.h — one role's payout curve (the engine's chart) with the
 * chosen attainment marked.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curve and its figures are drawn by gs_chart_draw (GS_CHART_PAYOUT);
 * the marker is placed on the chart's own hit region for that attainment,
 * so the widget never works out a position or a figure itself.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_PAYOUT_CURVE (gs_payout_curve_get_type ())
G_DECLARE_FINAL_TYPE (GsPayoutCurve, gs_payout_curve, GS, PAYOUT_CURVE, GtkWidget)

GtkWidget *
gs_payout_curve_new (void);
void
gs_payout_curve_set_data (GsPayoutCurve *self, GsPlan *plan, const char *role_id, double attainment,
                          const char *description);

G_END_DECLS
