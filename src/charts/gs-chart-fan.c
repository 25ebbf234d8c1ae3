/* gs-chart-fan.c — the scenario fan: simulated running total of bookings,
 * P10–P90 band, P50 line, the deterministic plan and the dashed target, with
 * the chance of reaching the target in the subtitle.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-format.h"
#include "gs-explain.h"

#include <glib/gi18n-lib.h>

#include <math.h>

static void
polyline (GsChartCtx *ctx, const GsPlotArea *area, const double *v, guint n, gboolean reverse)
{
  double col = area->w / n;
  for (guint k = 0; k < n; k++)
    {
      guint i = reverse ? n - 1 - k : k;
      cairo_line_to (ctx->cr, area->x + (i + 0.5) * col, gs_chart_y (area, v[i]));
    }
}

/* The labels at the end of a fan: "P90 1.9M", "P50 …", "P10 …", "Target …",
 * "Plan …" (money compact). */
void
gs_chart_fan_labels (GsChartCtx *ctx, double p90, double p50, double p10, double target,
                     double plan, char **l90, char **l50, char **l10, char **lt, char **lp)
{
  g_autofree char *a = gs_chart_money_compact (ctx, p90);
  g_autofree char *b = gs_chart_money_compact (ctx, p50);
  g_autofree char *c = gs_chart_money_compact (ctx, p10);
  g_autofree char *d = gs_chart_money_compact (ctx, target);
  g_autofree char *e = gs_chart_money_compact (ctx, plan);
  *l90 = g_strdup_printf ("P90 %s", a);
  *l50 = g_strdup_printf ("P50 %s", b);
  *l10 = g_strdup_printf ("P10 %s", c);
  /* Translators: a line's label at the end of the fan chart; %s money. */
  *lt = g_strdup_printf (_ ("Target %s"), d);
  /* Translators: a line's label at the end of the fan chart; %s money. */
  *lp = g_strdup_printf (_ ("Plan %s"), e);
}

void
gs_chart_fan_draw (GsChartCtx *ctx, const GsResult *r, const GsSimResult *sim)
{
  guint H = MIN (sim->horizon, r->horizon), last = H - 1;
  double top, vmax = 0, col, label_w = 0, end_y[5];
  g_autofree char *trials = gs_format_count ((gint64) sim->trials);
  g_autofree char *hit = gs_format_percent (sim->p_hit);
  g_autofree char *subtitle = NULL;
  g_autofree char *l90 = NULL, *l50 = NULL, *l10 = NULL, *lt = NULL, *lp = NULL;
  GsPlotArea area;

  for (guint mo = 0; mo < H; mo++)
    vmax = MAX (vmax, MAX (sim->cum_p90[mo], MAX (sim->target_cum[mo], sim->plan_cum[mo])));
  gs_chart_fan_labels (ctx, sim->cum_p90[last], sim->cum_p50[last], sim->cum_p10[last],
                       sim->target_cum[last], sim->plan_cum[last], &l90, &l50, &l10, &lt, &lp);
  {
    const char *labels[] = { l90, l50, l10, lt, lp };
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        double w;
        gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, labels[i], &w, NULL);
        label_w = MAX (label_w, w);
      }
  }
  /* Translators: %s the number of trials. */
  subtitle = g_strdup_printf (_ ("Running total of bookings over %s simulated trials"), trials);
  top = gs_chart_title (ctx, C_ ("chart", "Simulated bookings"), subtitle);
  gs_chart_plot_area (ctx, top + 10, label_w + 20, &area);
  gs_chart_value_axis (ctx, &area, 0, vmax * 1.05, gs_chart_axis_money);
  col = area.w / H;

  /* P10–P90 band. */
  gs_chart_set_color (ctx, &ctx->style->shared, 0.22);
  cairo_new_path (ctx->cr);
  polyline (ctx, &area, sim->cum_p90, H, FALSE);
  polyline (ctx, &area, sim->cum_p10, H, TRUE);
  cairo_close_path (ctx->cr);
  cairo_fill (ctx->cr);

  /* Deterministic plan: thin, for reference. */
  gs_chart_set_color (ctx, &ctx->style->marketing, 1);
  cairo_set_line_width (ctx->cr, 1.5);
  cairo_new_path (ctx->cr);
  polyline (ctx, &area, sim->plan_cum, H, FALSE);
  cairo_stroke (ctx->cr);

  /* P50. */
  gs_chart_set_color (ctx, &ctx->style->shared, 1);
  cairo_set_line_width (ctx->cr, 2.5);
  cairo_new_path (ctx->cr);
  polyline (ctx, &area, sim->cum_p50, H, FALSE);
  cairo_stroke (ctx->cr);

  /* Target, dashed. */
  gs_chart_set_color (ctx, &ctx->style->target, 1);
  cairo_set_line_width (ctx->cr, 2);
  gs_chart_dashed (ctx);
  cairo_new_path (ctx->cr);
  polyline (ctx, &area, sim->target_cum, H, FALSE);
  cairo_stroke (ctx->cr);
  gs_chart_solid (ctx);

  /* The headline: the chance of reaching the target, inside the empty upper left. */
  {
    /* Translators: %s a percentage. */
    g_autofree char *headline = g_strdup_printf (_ ("%s chance of reaching the target"), hit);
    gs_chart_text (ctx, area.x + 10, area.y + 4, 0, 0, GS_TEXT_TITLE, &ctx->style->shared,
                   headline);
  }

  for (guint mo = 0; mo < H; mo++)
    {
      g_autofree char *a = gs_chart_money_full (ctx, sim->cum_p10[mo]);
      g_autofree char *b = gs_chart_money_full (ctx, sim->cum_p50[mo]);
      g_autofree char *c = gs_chart_money_full (ctx, sim->cum_p90[mo]);
      g_autofree char *d = gs_chart_money_full (ctx, sim->target_cum[mo]);
      g_autofree char *e = gs_chart_money_full (ctx, sim->plan_cum[mo]);
      g_autofree char *when = gs_explain_month_label (&r->months[r->n_pre + mo]);
      g_autofree char *value = g_strdup_printf (
          /* Translators: a month of the fan chart; every %s is money. */
          _ ("Bookings to date: P10 %1$s, P50 %2$s, P90 %3$s\nTarget to date %4$s\nPlan to date "
             "%5$s"),
          a, b, c, d, e);
      gs_chart_hit (ctx, area.x + mo * col, area.y, col, area.h, when, value);
    }

  end_y[0] = gs_chart_y (&area, sim->cum_p90[last]);
  end_y[1] = gs_chart_y (&area, sim->cum_p50[last]);
  end_y[2] = gs_chart_y (&area, sim->cum_p10[last]);
  end_y[3] = gs_chart_y (&area, sim->target_cum[last]);
  end_y[4] = gs_chart_y (&area, sim->plan_cum[last]);
  {
    const char *labels[] = { l90, l50, l10, lt, lp };
    const GsRgba *colors[] = { &ctx->style->shared, &ctx->style->shared, &ctx->style->shared,
                               &ctx->style->target, &ctx->style->marketing };
    gs_chart_end_labels (ctx, &area, 5, end_y, labels, colors);
  }
  gs_chart_month_axis (ctx, &area, H, 0);
}
