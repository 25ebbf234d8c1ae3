/* gs-chart.h — the charts, drawn with cairo from engine figures only.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart draws into any cairo_t (a widget's snapshot, a PNG, SVG or PDF
 * surface, a printed page) within width × height user units, in the style
 * of docs/charts.md: GNOME palette (blue marketing, orange sales, purple
 * shared), thin gridlines, direct labels, the target dashed, no text under
 * 11 units.  Nothing here computes a plan figure: every value comes from
 * GsResult, GsSimResult or the compensation engine.
 */
#pragma once

#include <cairo.h>

#include "gs-model.h"
#include "gs-montecarlo.h"
#include "gs-refan.h"
#include "gs-result.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} GsRgba;

typedef struct
{
  gboolean dark;
  double font_size; /* body text in user units (px at scale 1), ≥ 11 */
  const char *font_family;
  GsRgba background; /* alpha 0: leave the surface as it is */
  GsRgba foreground; /* titles, values */
  GsRgba muted;      /* axis labels, secondary text */
  GsRgba grid;
  GsRgba marketing; /* blue */
  GsRgba sales;     /* orange */
  GsRgba shared;    /* purple */
  GsRgba partner;   /* green */
  GsRgba target;    /* the dashed target line */
  GsRgba actual;    /* what happened: the re-forecast's bookings to date */
} GsChartStyle;

void
gs_chart_style_init (GsChartStyle *style, gboolean dark);

typedef enum
{
  GS_CHART_FUNNEL,       /* stage volumes over the plan and the step rates */
  GS_CHART_WATERFALL,    /* volume each stage needs each month, lags visible */
  GS_CHART_CAPACITY,     /* AE capacity with ramp and hires against the monthly target */
  GS_CHART_FAN,          /* simulated running bookings: P10–P90 band, P50, target */
  GS_CHART_CONTRIBUTION, /* funnel bookings by who sourced them */
  GS_CHART_PAYOUT,       /* payout curves per role, 0–200 % attainment */
  GS_N_CHARTS
} GsChartKind;

const char *
gs_chart_kind_id (GsChartKind kind); /* "funnel" */
const char *
gs_chart_kind_title (GsChartKind kind);
gboolean
gs_chart_kind_from_id (const char *id, GsChartKind *out);

/* What a chart draws from.  sim is needed by FAN only; comp (the resolved
 * compensation plans, gs_plan_get_comp) and role_id (NULL: every role) by
 * PAYOUT only.  With refan (the re-forecast from the actuals, gs-refan.h),
 * FAN draws the bookings to date and the rest of the year from the evidence
 * instead of sim. */
typedef struct
{
  const GsModel *model;
  const GsResult *result;
  const GsSimResult *sim;
  const char *role_id;
  const GsCompModel *comp;
  const GsRefan *refan;
} GsChartData;

/* A region of the drawing and the exact figure it shows (for tooltips). */
typedef struct
{
  double x, y, width, height;
  char *label; /* "MQLs, FY28 Q1 / Mar" */
  char *value; /* "212" — full precision, the plan's money format */
} GsChartHit;

void
gs_chart_hit_free (GsChartHit *hit);

/* Draws kind; hits (may be NULL) receives a GsChartHit* per value shown.
 * FALSE, with error, when the data lack what the chart needs (no
 * simulation for FAN, no compensation for PAYOUT). */
gboolean
gs_chart_draw (GsChartKind kind, cairo_t *cr, double width, double height,
               const GsChartStyle *style, const GsChartData *data, GPtrArray *hits, GError **error);

/* The figure under point (x, y) of a chart drawn at width × height: a new
 * hit, or NULL when the point shows no value. */
GsChartHit *
gs_chart_hit_test (GsChartKind kind, double width, double height, const GsChartStyle *style,
                   const GsChartData *data, double x, double y);

/* The individual charts. */
void
gs_chart_funnel (cairo_t *cr, double width, double height, const GsChartStyle *style,
                 const GsModel *model, const GsResult *result);
void
gs_chart_waterfall (cairo_t *cr, double width, double height, const GsChartStyle *style,
                    const GsModel *model, const GsResult *result);
void
gs_chart_capacity (cairo_t *cr, double width, double height, const GsChartStyle *style,
                   const GsModel *model, const GsResult *result);
void
gs_chart_fan (cairo_t *cr, double width, double height, const GsChartStyle *style,
              const GsModel *model, const GsResult *result, const GsSimResult *sim);
void
gs_chart_contribution (cairo_t *cr, double width, double height, const GsChartStyle *style,
                       const GsModel *model, const GsResult *result);
gboolean
gs_chart_payout (cairo_t *cr, double width, double height, const GsChartStyle *style,
                 const GsModel *model, const GsCompModel *comp, const char *role_id,
                 GError **error);

/* The payout chart prepared once per plan (or role) change: the engine's
 * curves (gs_comp_curve) for the roles drawn, so that a window draws it
 * without computing a payout and words a point's figures only when the
 * pointer asks.  GS_CHART_PAYOUT draws through it: background, then
 * curves, the same drawing. */
typedef struct _GsPayoutChart GsPayoutChart;

/* The plot rectangle the background placed (in the chart's units) and its
 * value axis's range and step: where the curves and the points go. */
typedef struct
{
  double x, y, width, height;
  double lo, hi, step;
} GsChartFrame;

/* model gives the money format; role_id NULL: every role.  NULL with error
 * as gs_chart_draw's. */
GsPayoutChart *
gs_payout_chart_new (const GsModel *model, const GsCompModel *comp, const char *role_id,
                     GError **error);
void
gs_payout_chart_free (GsPayoutChart *chart);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPayoutChart, gs_payout_chart_free)

/* The title, value axis with gridlines, attainment axis and the dashed
 * quota line; frame receives where the curves go. */
void
gs_payout_chart_draw_background (const GsPayoutChart *chart, cairo_t *cr, double width,
                                 double height, const GsChartStyle *style, GsChartFrame *frame);
/* The curves, their 100 % dots and end labels, on a background's frame. */
void
gs_payout_chart_draw_curves (const GsPayoutChart *chart, cairo_t *cr, double width, double height,
                             const GsChartStyle *style, const GsChartFrame *frame);
/* TRUE when chart's background is the one drawn for drawn into frame (same
 * size and style assumed): the same roles, money format and value axis. */
gboolean
gs_payout_chart_same_background (const GsPayoutChart *chart, const GsPayoutChart *drawn,
                                 const GsChartFrame *frame);
guint
gs_payout_chart_n_points (const GsPayoutChart *chart); /* 0–200 % by 1 %: 201 */
/* Point i's hit strip: the plot's height, one step wide, centred on it. */
void
gs_payout_chart_point_rect (const GsPayoutChart *chart, const GsChartFrame *frame, guint i,
                            double *x, double *y, double *width, double *height);
/* The point under (x, y) with its texts, as gs_chart_hit_test gives; NULL
 * outside the plot. */
GsChartHit *
gs_payout_chart_hit (const GsPayoutChart *chart, const GsChartFrame *frame, double x, double y);

/* Writes a chart to filename; the format comes from the extension (.png,
 * .svg, .pdf).  PNG is rendered at scale × the size in pixels. */
gboolean
gs_chart_export (GsChartKind kind, const GsChartStyle *style, const GsChartData *data, double width,
                 double height, double scale, const char *filename, GError **error);

/* Axis ticks on 1-2-5 "nice" numbers: at most max_ticks ticks covering
 * [lo, hi]; returns the step and writes the first and last tick. */
double
gs_chart_nice_ticks (double lo, double hi, guint max_ticks, double *first, double *last);

G_END_DECLS
