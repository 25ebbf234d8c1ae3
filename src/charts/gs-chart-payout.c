/* gs-chart-payout.c — payout curves: one standard person's commission per
 * role from 0 to 200 % attainment, from the compensation engine's curve, so
 * gates, accelerators, decelerators and caps show as the curve's kinks.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-format.h"

#include <glib/gi18n-lib.h>
#include "gs-comp-payout.h"
#include "gs-error.h"

#include <math.h>

#define STEP 0.01
#define MAX_ATTAINMENT 2.0

/* The curves of the roles drawn, computed once (gs_comp_curve), with what
 * drawing them needs of the roles and the plan's money format, so the
 * chart is drawn again, split or asked about without the comp model. */
struct _GsPayoutChart
{
  GsModel money; /* only company.digits and company.currency: the labels' money */
  guint n;
  GArray **curves; /* of GsCurvePoint, one per role drawn, the first role's points first */
  char **names;
  GsRoleKind *kinds;
  double vmax; /* the highest payout of any curve */
};

static const GsRgba *
role_color (const GsChartCtx *ctx, GsRoleKind kind)
{
  if (gs_role_kind_is_marketing (kind))
    return &ctx->style->marketing;
  if (kind == GS_ROLE_MANAGER)
    return &ctx->style->shared;
  if (kind == GS_ROLE_SDR)
    return &ctx->style->partner;
  return &ctx->style->sales;
}

void
gs_payout_chart_free (GsPayoutChart *chart)
{
  if (chart == NULL)
    return;
  for (guint i = 0; i < chart->n; i++)
    {
      g_array_unref (chart->curves[i]);
      g_free (chart->names[i]);
    }
  g_free (chart->curves);
  g_free (chart->names);
  g_free (chart->kinds);
  g_free (chart->money.company.currency);
  g_free (chart);
}

GsPayoutChart *
gs_payout_chart_new (const GsModel *model, const GsCompModel *comp, const char *role_id,
                     GError **error)
{
  g_autoptr (GsPayoutChart) chart = g_new0 (GsPayoutChart, 1);
  guint n = 0;

  if (model)
    {
      chart->money.company.digits = model->company.digits;
      chart->money.company.currency = g_strdup (model->company.currency);
    }
  if (comp == NULL || comp->n_roles == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   "compensation: the plan has no compensation plans to draw");
      return NULL;
    }
  chart->curves = g_new0 (GArray *, comp->n_roles);
  chart->names = g_new0 (char *, comp->n_roles);
  chart->kinds = g_new0 (GsRoleKind, comp->n_roles);
  for (guint i = 0; i < comp->n_roles; i++)
    if (role_id == NULL || g_strcmp0 (comp->roles[i].id, role_id) == 0)
      {
        GArray *curve = gs_comp_curve (comp, &comp->roles[i], STEP, MAX_ATTAINMENT, error);
        if (curve == NULL)
          return NULL;
        chart->curves[n] = curve;
        chart->names[n] = g_strdup (comp->roles[i].name);
        chart->kinds[n] = comp->roles[i].kind;
        chart->n = ++n;
        for (guint p = 0; p < curve->len; p++)
          chart->vmax = MAX (chart->vmax, (double) g_array_index (curve, GsCurvePoint, p).earned);
      }
  if (n == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "compensation: there is no role “%s”",
                   role_id);
      return NULL;
    }
  return g_steal_pointer (&chart);
}

/* Title, the value axis and its gridlines, the attainment axis and the
 * dashed 100 % line: what only the roles' names and the value axis's range
 * change.  area receives the plot rectangle and the axis's range. */
static void
draw_background (GsChartCtx *ctx, const GsPayoutChart *chart, GsPlotArea *area, double *step_out)
{
  double top, label_w = 0, h, step;

  for (guint c = 0; c < chart->n; c++)
    {
      double w;
      gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, chart->names[c], &w, NULL);
      label_w = MAX (label_w, w);
    }
  top = gs_chart_title (ctx, C_ ("chart", "Payout curves"),
                        _ ("One person's commission by attainment of quota, per role"));
  gs_chart_plot_area (ctx, top + 10, label_w + 20, area);
  *step_out = gs_chart_value_axis (ctx, area, 0, MAX (chart->vmax, 1) * 1.05, gs_chart_axis_money);

  /* Attainment axis: 0–200 % on nice ticks, the 100 % line dashed. */
  gs_chart_text_size (ctx, GS_TEXT_SMALL, "0", NULL, &h);
  /* Every 25 % where the labels fit side by side, else every 50 % or 100 %. */
  {
    double label_w200;
    gs_chart_text_size (ctx, GS_TEXT_SMALL, "200 %", &label_w200, NULL);
    step = 0.25;
    while (step < 1 && step / MAX_ATTAINMENT * area->w < label_w200 + 8)
      step *= 2;
  }
  for (double a = 0; a <= MAX_ATTAINMENT + 1e-9; a += step)
    {
      g_autofree char *text = gs_format_percent (a);
      double x = area->x + a / MAX_ATTAINMENT * area->w;
      gs_chart_text (ctx, x, area->y + area->h + 6, 0.5, 0, GS_TEXT_SMALL, &ctx->style->muted,
                     text);
    }
  {
    double x = floor (area->x + area->w / 2) + 0.5;
    gs_chart_set_color (ctx, &ctx->style->target, 0.8);
    cairo_set_line_width (ctx->cr, 1.5);
    gs_chart_dashed (ctx);
    cairo_move_to (ctx->cr, x, area->y);
    cairo_line_to (ctx->cr, x, area->y + area->h);
    cairo_stroke (ctx->cr);
    gs_chart_solid (ctx);
    gs_chart_text (ctx, x + 4, area->y + 2, 0, 0, GS_TEXT_SMALL, &ctx->style->muted,
                   _ ("quota (100 %)"));
  }
}

/* The curves, each role's target incentive as a dot at 100 %, the roles'
 * names at the curves' ends. */
static void
draw_curves (GsChartCtx *ctx, const GsPayoutChart *chart, const GsPlotArea *area)
{
  g_autofree double *end_y = g_new0 (double, chart->n);
  g_autofree const char **end_text = g_new0 (const char *, chart->n);
  g_autofree const GsRgba **end_color = g_new0 (const GsRgba *, chart->n);

  for (guint c = 0; c < chart->n; c++)
    {
      GArray *curve = chart->curves[c];
      double alpha = 1;
      /* A second role of the same side is drawn lighter, not dashed (dashes
       * mean "target"). */
      for (guint d = 0; d < c; d++)
        if (role_color (ctx, chart->kinds[d]) == role_color (ctx, chart->kinds[c]))
          alpha = 0.55;
      gs_chart_set_color (ctx, role_color (ctx, chart->kinds[c]), alpha);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_new_path (ctx->cr);
      for (guint i = 0; i < curve->len; i++)
        {
          const GsCurvePoint *p = &g_array_index (curve, GsCurvePoint, i);
          cairo_line_to (ctx->cr, area->x + p->attainment / MAX_ATTAINMENT * area->w,
                         gs_chart_y (area, (double) p->earned));
        }
      cairo_stroke (ctx->cr);
      /* The target incentive: what 100 % pays. */
      for (guint i = 0; i < curve->len; i++)
        {
          const GsCurvePoint *p = &g_array_index (curve, GsCurvePoint, i);
          if (fabs (p->attainment - 1) < STEP / 2)
            {
              cairo_arc (ctx->cr, area->x + area->w / 2, gs_chart_y (area, (double) p->earned), 4,
                         0, 2 * G_PI);
              cairo_fill (ctx->cr);
            }
        }
      end_y[c]
          = gs_chart_y (area, (double) g_array_index (curve, GsCurvePoint, curve->len - 1).earned);
      end_text[c] = chart->names[c];
      end_color[c] = role_color (ctx, chart->kinds[c]);
    }
  gs_chart_end_labels (ctx, area, chart->n, end_y, end_text, end_color);
}

/* Point i's strip: the plot's height, centred on its attainment. */
static void
point_strip (const GsPayoutChart *chart, const GsPlotArea *area, guint i, double *x, double *w)
{
  double a = g_array_index (chart->curves[0], GsCurvePoint, i).attainment;
  *w = STEP / MAX_ATTAINMENT * area->w;
  *x = area->x + a / MAX_ATTAINMENT * area->w - *w / 2;
}

/* What point i's tooltip says: the attainment, every role's payout there. */
static void
point_texts (const GsPayoutChart *chart, guint i, char **label, char **value)
{
  GsChartCtx money = { .model = &chart->money };
  GString *text = g_string_new (NULL);
  double a = g_array_index (chart->curves[0], GsCurvePoint, i).attainment;
  g_autofree char *pct = gs_format_percent (a);
  for (guint c = 0; c < chart->n; c++)
    {
      GArray *curve = chart->curves[c];
      g_autofree char *amount = NULL;
      if (i >= curve->len)
        continue;
      amount = gs_chart_money_full (&money, (double) g_array_index (curve, GsCurvePoint, i).earned);
      g_string_append_printf (text, "%s%s: %s", c ? "\n" : "", chart->names[c], amount);
    }
  /* Translators: %s a percentage of quota ("80 %"). */
  *label = g_strdup_printf (_ ("At %s of quota"), pct);
  *value = g_string_free (text, FALSE);
}

gboolean
gs_chart_payout_draw (GsChartCtx *ctx, const GsCompModel *comp, const char *role_id, GError **error)
{
  g_autoptr (GsPayoutChart) chart = gs_payout_chart_new (ctx->model, comp, role_id, error);
  GsPlotArea area;
  double step;

  if (chart == NULL)
    return FALSE;
  draw_background (ctx, chart, &area, &step);
  draw_curves (ctx, chart, &area);
  /* Hits: one strip per curve point, every role's payout at that attainment. */
  for (guint i = 0; ctx->hits && i < chart->curves[0]->len; i++)
    {
      g_autofree char *label = NULL, *value = NULL;
      double x, w;
      point_strip (chart, &area, i, &x, &w);
      point_texts (chart, i, &label, &value);
      gs_chart_hit (ctx, x, area.y, w, area.h, label, value);
    }
  return TRUE;
}

/* The plot area of a frame: where the background put the plot. */
#define AREA_OF(frame)                                                                             \
  {                                                                                                \
    (frame)->x, (frame)->y, (frame)->width, (frame)->height, (frame)->lo, (frame)->hi              \
  }

static void
frame_of (const GsPlotArea *area, double step, GsChartFrame *frame)
{
  frame->x = area->x;
  frame->y = area->y;
  frame->width = area->w;
  frame->height = area->h;
  frame->lo = area->lo;
  frame->hi = area->hi;
  frame->step = step;
}

void
gs_payout_chart_draw_background (const GsPayoutChart *chart, cairo_t *cr, double width,
                                 double height, const GsChartStyle *style, GsChartFrame *frame)
{
  GsChartCtx ctx;
  GsPlotArea area;
  double step;
  gs_chart_ctx_init (&ctx, cr, width, height, style, &chart->money, NULL);
  gs_chart_background (&ctx);
  draw_background (&ctx, chart, &area, &step);
  gs_chart_ctx_clear (&ctx);
  frame_of (&area, step, frame);
}

void
gs_payout_chart_draw_curves (const GsPayoutChart *chart, cairo_t *cr, double width, double height,
                             const GsChartStyle *style, const GsChartFrame *frame)
{
  GsChartCtx ctx;
  GsPlotArea area = AREA_OF (frame);
  gs_chart_ctx_init (&ctx, cr, width, height, style, &chart->money, NULL);
  draw_curves (&ctx, chart, &area);
  gs_chart_ctx_clear (&ctx);
}

gboolean
gs_payout_chart_same_background (const GsPayoutChart *chart, const GsPayoutChart *drawn,
                                 const GsChartFrame *frame)
{
  double first, last, step;
  guint max_ticks = (guint) CLAMP (frame->height / 40, 2, 8);
  if (chart->n != drawn->n || chart->money.company.digits != drawn->money.company.digits
      || g_strcmp0 (chart->money.company.currency, drawn->money.company.currency) != 0)
    return FALSE;
  for (guint c = 0; c < chart->n; c++)
    if (chart->kinds[c] != drawn->kinds[c] || g_strcmp0 (chart->names[c], drawn->names[c]) != 0)
      return FALSE;
  /* The value axis's ticks, as gs_chart_value_axis would place them. */
  step = gs_chart_nice_ticks (0, MAX (chart->vmax, 1) * 1.05, max_ticks, &first, &last);
  return first == frame->lo && last == frame->hi && step == frame->step;
}

guint
gs_payout_chart_n_points (const GsPayoutChart *chart)
{
  return chart->curves[0]->len;
}

void
gs_payout_chart_point_rect (const GsPayoutChart *chart, const GsChartFrame *frame, guint i,
                            double *x, double *y, double *width, double *height)
{
  GsPlotArea area = AREA_OF (frame);
  point_strip (chart, &area, i, x, width);
  *y = area.y;
  *height = area.h;
}

GsChartHit *
gs_payout_chart_hit (const GsPayoutChart *chart, const GsChartFrame *frame, double x, double y)
{
  GsChartHit *hit;
  double w = STEP / MAX_ATTAINMENT * frame->width;
  double at = floor ((x - frame->x) / w + 0.5);
  guint i;
  if (!(w > 0) || at < 0 || at >= chart->curves[0]->len || y < frame->y
      || y >= frame->y + frame->height)
    return NULL;
  i = (guint) at;
  hit = g_new0 (GsChartHit, 1);
  gs_payout_chart_point_rect (chart, frame, i, &hit->x, &hit->y, &hit->width, &hit->height);
  /* The strip's own edges decide, as the drawn hits' do. */
  if (x < hit->x && i > 0)
    i--;
  else if (x >= hit->x + hit->width && i + 1 < chart->curves[0]->len)
    i++;
  gs_payout_chart_point_rect (chart, frame, i, &hit->x, &hit->y, &hit->width, &hit->height);
  point_texts (chart, i, &hit->label, &hit->value);
  return hit;
}
