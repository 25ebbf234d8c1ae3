/* gs-chart-funnel.c — the funnel: each stage's volume over the plan as a
 * centred bar proportional to it, the step rates and lags between them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-format.h"
#include "gs-explain.h"

#include <glib/gi18n-lib.h>

#include <math.h>

const GsRgba *
gs_chart_stage_color (const GsChartCtx *ctx, guint stage)
{
  if (stage + 1 == ctx->model->n_stages)
    return &ctx->style->shared; /* wins are everyone's */
  return stage <= ctx->model->handoff ? &ctx->style->marketing : &ctx->style->sales;
}

void
gs_chart_funnel_draw (GsChartCtx *ctx, const GsResult *r)
{
  const GsModel *m = ctx->model;
  guint n = m->n_stages;
  g_autofree double *volume = g_new0 (double, n);
  g_autofree char **names = g_new0 (char *, n + 1);
  double vmax = 0, label_w = 0, value_w = 0, top, row_h, bar_h, bar_x, bar_w, cx;

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *v = NULL;
      double w;
      /* Everything the plan's wins need, including before the plan starts. */
      volume[k] = (double) r->stage_needed[k];
      vmax = MAX (vmax, volume[k]);
      names[k] = gs_explain_stage_count (m->stages[k].name);
      gs_chart_text_size (ctx, GS_TEXT_BOLD, names[k], &w, NULL);
      label_w = MAX (label_w, w);
      v = gs_format_count ((gint64) volume[k]);
      gs_chart_text_size (ctx, GS_TEXT_NORMAL, v, &w, NULL);
      value_w = MAX (value_w, w);
    }
  top = gs_chart_title (ctx, C_ ("chart", "Funnel"),
                        _ ("Volume each stage needs for the plan's wins"));
  /* n bars and n − 1 gaps fill the height: row = bar + gap, bar = 62 %. */
  row_h = (ctx->height - top - 12) / (n - 0.38);
  bar_h = MIN (row_h * 0.62, 48);
  bar_x = 12 + label_w + 16;
  bar_w = MAX (10, ctx->width - bar_x - 2 * (value_w + 20));
  cx = bar_x + bar_w / 2;

  for (guint k = 0; k < n; k++)
    {
      double y = top + k * row_h, w = vmax > 0 ? volume[k] / vmax * bar_w : 0;
      double mid = y + bar_h / 2;
      g_autofree char *value = gs_format_count ((gint64) volume[k]);
      /* Translators: a funnel bar: %s a stage as a number of them ("Leads"). */
      g_autofree char *label = g_strdup_printf (_ ("%s needed for the plan"), names[k]);

      gs_chart_set_color (ctx, gs_chart_stage_color (ctx, k), 1);
      cairo_rectangle (ctx->cr, cx - w / 2, y, w, bar_h);
      cairo_fill (ctx->cr);
      gs_chart_text (ctx, bar_x - 16, mid, 1, 0.5, GS_TEXT_BOLD, NULL, names[k]);
      gs_chart_text (ctx, cx + w / 2 + 10, mid, 0, 0.5, GS_TEXT_NORMAL, NULL, value);
      gs_chart_hit (ctx, 0, y, ctx->width, bar_h, label, value);

      if (k + 1 < n)
        {
          g_autofree char *rate = gs_format_percent (m->steps[k].rate);
          /* The step's own rate, said as one: where a source enters below
           * the top, the bars' ratio is not this rate. */
          /* Translators: a funnel step: "↓ 30 % of MQLs convert · 14 d" (the
           * conversion rate, the stage it leaves, the lag in days). */
          g_autofree char *lag = gs_format_number (m->steps[k].lag_days, 0);
          g_autofree char *step
              = g_strdup_printf (_ ("↓ %s of %s convert · %s d"), rate, names[k], lag);
          /* Translators: the hover text's name of a funnel step: two stage
           * names ("MQL → SQL: rate, lag"). */
          g_autofree char *what = g_strdup_printf (_ ("%s → %s: rate, lag"), m->stages[k].name,
                                                   m->stages[k + 1].name);
          double gap_mid = y + bar_h + (row_h - bar_h) / 2;
          gs_chart_text (ctx, cx, gap_mid, 0.5, 0.5, GS_TEXT_SMALL, &ctx->style->muted, step);
          gs_chart_hit (ctx, 0, y + bar_h, ctx->width, row_h - bar_h, what, step);
        }
    }
  for (guint k = 0; k < n; k++)
    g_free (names[k]);
}
