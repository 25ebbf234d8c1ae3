/* gs-payout-curve.h — one role's payout curve (the engine's chart) with the
 * chosen attainment marked.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curve and its figures are the engine chart's (GsPayoutChart, made
 * once per plan or role change, its background kept as a texture while the
 * value axis stays); the marker is placed on the chart's own point strip for
 * that attainment, so the widget never works out a position or a figure
 * itself.
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

/* For tests: the charts made (one per plan or role change), the
 * backgrounds drawn, the frames it was drawn in, the tooltip the point under (x, y) gives (NULL:
 * none) and the centre of point index's strip (0–200 %: 0–200), once drawn. */
guint
gs_payout_curve_get_charts_made (GsPayoutCurve *self);
guint
gs_payout_curve_get_backgrounds_drawn (GsPayoutCurve *self);
guint
gs_payout_curve_get_snapshots (GsPayoutCurve *self);
char *
gs_payout_curve_get_tooltip_at (GsPayoutCurve *self, double x, double y);
gboolean
gs_payout_curve_get_point (GsPayoutCurve *self, guint index, double *x, double *y);

G_END_DECLS
