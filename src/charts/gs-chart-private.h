/* gs-chart-private.h — drawing helpers shared by the chart files.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "gs-chart.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t *cr;
  double width, height;
  const GsChartStyle *style;
  const GsModel *model;
  GPtrArray *hits; /* may be NULL */
  PangoLayout *layout;
} GsChartCtx;

/* A plot rectangle and its value range. */
typedef struct
{
  double x, y, w, h;
  double lo, hi;
} GsPlotArea;

typedef enum
{
  GS_TEXT_NORMAL = 0,
  GS_TEXT_BOLD = 1 << 0,
  GS_TEXT_SMALL = 1 << 1, /* 11 units: the smallest text a chart shows */
  GS_TEXT_TITLE = 1 << 2,
} GsTextFlags;

void
gs_chart_ctx_init (GsChartCtx *ctx, cairo_t *cr, double width, double height,
                   const GsChartStyle *style, const GsModel *model, GPtrArray *hits);
void
gs_chart_ctx_clear (GsChartCtx *ctx);

void
gs_chart_set_color (GsChartCtx *ctx, const GsRgba *color, double alpha);
void
gs_chart_background (GsChartCtx *ctx);

/* Text at (x, y): xalign 0 left … 1 right of x, yalign 0 top … 1 bottom of y.
 * Returns the text's width. */
double
gs_chart_text (GsChartCtx *ctx, double x, double y, double xalign, double yalign, GsTextFlags flags,
               const GsRgba *color, const char *text);
void
gs_chart_text_size (GsChartCtx *ctx, GsTextFlags flags, const char *text, double *width,
                    double *height);
double
gs_chart_font_px (const GsChartCtx *ctx, GsTextFlags flags);

/* Title at the top left; returns the y below it. */
double
gs_chart_title (GsChartCtx *ctx, const char *title, const char *subtitle);

/* Labels for figures. */
char *
gs_chart_money_compact (const GsChartCtx *ctx, double minor_units);
char *
gs_chart_money_full (const GsChartCtx *ctx, double minor_units);
char *
gs_chart_axis_money (const GsChartCtx *ctx, double minor); /* a GsChartFormat */

/* Horizontal gridlines and value labels on the left of area (values via
 * format); fills area->lo/hi with the tick range and returns its step. */
typedef char *(*GsChartFormat) (const GsChartCtx *ctx, double value);
double
gs_chart_value_axis (GsChartCtx *ctx, GsPlotArea *area, double lo, double hi, GsChartFormat format);
/* Month labels under area for n columns, thinned to fit; first_month is the
 * plan month of column 0 (negative before the plan). */
void
gs_chart_month_axis (GsChartCtx *ctx, const GsPlotArea *area, guint n, int first_month);

/* The plot rectangle below top, leaving right for end labels and the
 * bottom for the x axis. */
void
gs_chart_plot_area (GsChartCtx *ctx, double top, double right, GsPlotArea *area);
double
gs_chart_y (const GsPlotArea *area, double value);

void
gs_chart_dashed (GsChartCtx *ctx);
void
gs_chart_solid (GsChartCtx *ctx);

/* Records a hit region (copies the strings). */
void
gs_chart_hit (GsChartCtx *ctx, double x, double y, double w, double h, const char *label,
              const char *value);

/* Lays labels (right of the plot, at wanted y) apart by at least gap; y
 * holds wanted positions in and placed positions out. */
void
gs_chart_spread_labels (double *y, guint n, double gap, double top, double bottom);

/* The chart files' entry points (gs-chart-KIND.c). */
void
gs_chart_funnel_draw (GsChartCtx *ctx, const GsResult *r);
void
gs_chart_waterfall_draw (GsChartCtx *ctx, const GsResult *r);
void
gs_chart_capacity_draw (GsChartCtx *ctx, const GsResult *r);
void
gs_chart_fan_draw (GsChartCtx *ctx, const GsResult *r, const GsSimResult *sim);
/* The end labels of a fan chart (gs-chart-fan.c): P90, P50, P10, target, plan. */
void
gs_chart_fan_labels (GsChartCtx *ctx, double p90, double p50, double p10, double target,
                     double plan, char **l90, char **l50, char **l10, char **lt, char **lp);
void
gs_chart_refan_draw (GsChartCtx *ctx, const GsResult *r, const GsRefan *refan);
void
gs_chart_contribution_draw (GsChartCtx *ctx, const GsResult *r);
gboolean
gs_chart_payout_draw (GsChartCtx *ctx, const GsCompModel *comp, const char *role_id,
                      GError **error);

/* Bold series names right of area at y (spread apart; y is updated). */
void
gs_chart_end_labels (GsChartCtx *ctx, const GsPlotArea *area, guint n, double *y,
                     const char *const *text, const GsRgba *const *color);

/* Blue up to the hand-off stage, orange after it, purple for the wins. */
const GsRgba *
gs_chart_stage_color (const GsChartCtx *ctx, guint stage);

G_END_DECLS
