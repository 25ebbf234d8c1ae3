/* gs-chart-view.h — one engine chart (gs_chart_draw) in a drawing area.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart code draws on any cairo_t; this widget only picks the light or
 * dark style, passes the current figures and shows a hovered mark's full
 * value as a tooltip.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-chart.h"

G_BEGIN_DECLS

#define GS_TYPE_CHART_VIEW (gs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GsChartView, gs_chart_view, GS, CHART_VIEW, GtkWidget)

GtkWidget *
gs_chart_view_new (GsChartKind kind);
void
gs_chart_view_set_data (GsChartView *self, const GsModel *model, const GsResult *result,
                        const GsSimResult *sim);

void
gs_chart_view_set_role (GsChartView *self, const char *role_id);

/* The fan chart draws the re-forecast from the actuals (gs-refan.h) instead
 * of the simulation; borrowed like the rest of the data, NULL: the
 * simulation again. */
void
gs_chart_view_set_refan (GsChartView *self, const GsRefan *refan);

/* A chart whose figures an edit made out of date stays drawn, dimmed, under
 * note ("From before your edit…"); NULL draws it plainly again. */
void
gs_chart_view_set_stale (GsChartView *self, const char *note);
const char *
gs_chart_view_get_stale (GsChartView *self);

G_END_DECLS
