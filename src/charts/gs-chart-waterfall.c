/* gs-chart-waterfall.c — the monthly waterfall: one row per stage, a bar per
 * month for the volume that stage needs then.  Rows higher up the funnel
 * start earlier, so the lags show as the rows' shift to the left.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-format.h"
#include "gs-explain.h"

#include <glib/gi18n-lib.h>

#include <math.h>

/* Under a stage's name: how long before the next stage it is needed. */
static char *
lag_text (const GsModel *m, guint k)
{
  g_autofree char *next = NULL;
  g_autofree char *days = NULL;
  if (k + 1 >= m->n_stages)
    return g_strdup (_ ("in the month booked"));
  next = gs_explain_stage_count (m->stages[k + 1].name);
  days = gs_format_number (m->steps[k].lag_days, 0);
  /* Translators: under a stage in the waterfall: %1$s days ("d" is the day's
     sign), %2$s the next stage as a number of them ("MQLs"). */
  return g_strdup_printf (_ ("%1$s d before %2$s"), days, next);
}

void
gs_chart_waterfall_draw (GsChartCtx *ctx, const GsResult *r)
{
  const GsModel *m = ctx->model;
  guint n = m->n_stages, cols = r->n_months;
  double top, label_w = 0, small_h, row_h, col_w;
  GsPlotArea area;

  gs_chart_text_size (ctx, GS_TEXT_SMALL, "0", NULL, &small_h);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = gs_explain_stage_count (m->stages[k].name);
      g_autofree char *lag = lag_text (m, k);
      double w1, w2;
      gs_chart_text_size (ctx, GS_TEXT_BOLD, name, &w1, NULL);
      gs_chart_text_size (ctx, GS_TEXT_SMALL, lag, &w2, NULL);
      label_w = MAX (label_w, MAX (w1, w2));
    }
  top = gs_chart_title (
      ctx, C_ ("chart", "Monthly waterfall"),
      _ ("What each stage needs each month; earlier stages start earlier by the lags"));
  area.x = 12 + label_w + 12;
  area.y = top + small_h + 6;
  area.w = ctx->width - area.x - 12;
  area.h = ctx->height - area.y - small_h - 14;
  row_h = area.h / n;
  col_w = area.w / cols;

  /* Months before the plan: shaded, so "needed before we start" stands out. */
  if (r->n_pre > 0)
    {
      double pre_w;
      gs_chart_set_color (ctx, &ctx->style->grid, 0.5);
      cairo_rectangle (ctx->cr, area.x, area.y - small_h - 4, r->n_pre * col_w,
                       area.h + small_h + 4);
      cairo_fill (ctx->cr);
      gs_chart_text_size (ctx, GS_TEXT_SMALL, _ ("before the plan"), &pre_w, NULL);
      /* Named only where the name fits; the shading says it anyway. */
      if (pre_w + 8 <= r->n_pre * col_w)
        gs_chart_text (ctx, area.x + 4, area.y - small_h - 2, 0, 0, GS_TEXT_SMALL,
                       &ctx->style->muted, _ ("before the plan"));
    }
  gs_chart_text (ctx, area.x + r->n_pre * col_w + 4, area.y - small_h - 2, 0, 0, GS_TEXT_SMALL,
                 &ctx->style->muted, r->horizon > 12 ? C_ ("waterfall", "plan") : _ ("plan year"));

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = gs_explain_stage_count (m->stages[k].name);
      g_autofree char *lag = lag_text (m, k);
      double y0 = area.y + k * row_h, bar_room = row_h - small_h - 10, vmax = 0;
      g_autofree gint64 *v = g_new0 (gint64, cols);

      for (guint i = 0; i < cols; i++)
        {
          v[i] = gs_result_needed_total (r, k, i);
          vmax = MAX (vmax, (double) v[i]);
        }
      gs_chart_text (ctx, area.x - 12, y0 + row_h / 2, 1, 1, GS_TEXT_BOLD, NULL, name);
      gs_chart_text (ctx, area.x - 12, y0 + row_h / 2, 1, 0, GS_TEXT_SMALL, &ctx->style->muted,
                     lag);
      /* Baseline of the row. */
      gs_chart_set_color (ctx, &ctx->style->grid, 1.5);
      cairo_set_line_width (ctx->cr, 1);
      cairo_move_to (ctx->cr, area.x, floor (y0 + row_h - 4) + 0.5);
      cairo_line_to (ctx->cr, area.x + area.w, floor (y0 + row_h - 4) + 0.5);
      cairo_stroke (ctx->cr);
      for (guint i = 0; i < cols; i++)
        {
          double h = vmax > 0 ? v[i] / vmax * bar_room : 0;
          double x = area.x + i * col_w + col_w * 0.15, w = col_w * 0.7;
          double base = y0 + row_h - 4;
          g_autofree char *value = gs_format_count (v[i]);
          g_autofree char *when = gs_explain_month_label (&r->months[i]);
          /* Translators: a waterfall bar: %1$s a stage as a number of them
             ("Leads"), %2$s the month ("FY27 Q1 / Feb"). */
          g_autofree char *label = g_strdup_printf (_ ("%1$s needed, %2$s"), name, when);
          double tw;

          if (v[i] == 0)
            continue;
          gs_chart_set_color (ctx, gs_chart_stage_color (ctx, k), 1);
          cairo_rectangle (ctx->cr, x, base - h, w, h);
          cairo_fill (ctx->cr);
          gs_chart_text_size (ctx, GS_TEXT_SMALL, value, &tw, NULL);
          if (tw <= col_w - 2)
            gs_chart_text (ctx, x + w / 2, base - h - 1, 0.5, 1, GS_TEXT_SMALL, &ctx->style->muted,
                           value);
          gs_chart_hit (ctx, area.x + i * col_w, y0, col_w, row_h, label, value);
        }
    }
  /* Where the plan starts. */
  gs_chart_set_color (ctx, &ctx->style->target, 0.6);
  gs_chart_dashed (ctx);
  cairo_move_to (ctx->cr, floor (area.x + r->n_pre * col_w) + 0.5, area.y - small_h - 4);
  cairo_line_to (ctx->cr, floor (area.x + r->n_pre * col_w) + 0.5, area.y + area.h);
  cairo_stroke (ctx->cr);
  gs_chart_solid (ctx);
  gs_chart_month_axis (ctx, &area, cols, -(int) r->n_pre);
}
