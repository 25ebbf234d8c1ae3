/* gs-chart-contribution.c — funnel bookings each month by who sourced them:
 * marketing, sales (SDR outbound) and partners, stacked.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-explain.h"
#include "gs-format.h"
#include "gs-result.h"

#include <glib/gi18n-lib.h>

#include <math.h>

/* Who sourced the bookings, by GsOwner. */
static const char *
owner_name (guint owner)
{
  switch (owner)
    {
    case GS_OWNER_MARKETING:
      return C_ ("sourced by", "Marketing");
    case GS_OWNER_SALES:
      return C_ ("sourced by", "Sales");
    default:
      return C_ ("sourced by", "Partners");
    }
}

/* A stack's hover text: who sourced it and the month. */
static char *
stack_label (guint owner, const char *when)
{
  switch (owner)
    {
    case GS_OWNER_MARKETING:
      /* Translators: %s a month ("FY27 Q1 / Feb"). */
      return g_strdup_printf (_ ("Marketing-sourced bookings, %s"), when);
    case GS_OWNER_SALES:
      /* Translators: %s a month ("FY27 Q1 / Feb"). */
      return g_strdup_printf (_ ("Sales-sourced bookings, %s"), when);
    default:
      /* Translators: %s a month ("FY27 Q1 / Feb"). */
      return g_strdup_printf (_ ("Partner-sourced bookings, %s"), when);
    }
}

void
gs_chart_contribution_draw (GsChartCtx *ctx, const GsResult *r)
{
  guint H = r->horizon;
  const GsMoney *by_owner = r->owner_bookings; /* [owner][month], the engine's split */
  double vmax = 0, top, col, label_w = 0, end_y[3];
  const GsRgba *colors[3] = { &ctx->style->marketing, &ctx->style->sales, &ctx->style->partner };
  char *labels[3];
  guint n_labels = 0;
  const char *label_text[3];
  const GsRgba *label_color[3];
  GsPlotArea area;

  /* A month's stack is its projected bookings: the owners add up to it. */
  for (guint mo = 0; mo < H; mo++)
    vmax = MAX (vmax, (double) r->projected_bookings[mo]);
  for (guint o = 0; o < 3; o++)
    {
      g_autofree char *money = gs_chart_money_compact (ctx, (double) r->owner_total[o]);
      double w;
      labels[o] = g_strdup_printf ("%s %s", owner_name (o), money);
      gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, labels[o], &w, NULL);
      label_w = MAX (label_w, w + 50); /* room for " · 62 %" */
    }
  for (guint o = 0; o < 3; o++)
    {
      g_autofree char *share = gs_format_percent (r->owner_share[o]);
      char *with = g_strdup_printf ("%s · %s", labels[o], share);
      g_free (labels[o]);
      labels[o] = with;
    }

  top = gs_chart_title (ctx, C_ ("chart", "Bookings by source"),
                        _ ("Funnel bookings each month by who sourced them"));
  gs_chart_plot_area (ctx, top + 10, label_w + 20, &area);
  gs_chart_value_axis (ctx, &area, 0, vmax * 1.05, gs_chart_axis_money);
  col = area.w / H;

  for (guint mo = 0; mo < H; mo++)
    {
      double base = 0;
      for (guint o = 0; o < 3; o++)
        {
          double v = (double) by_owner[o * H + mo];
          double y1 = gs_chart_y (&area, base), y2 = gs_chart_y (&area, base + v);
          g_autofree char *value = gs_chart_money_full (ctx, v);
          g_autofree char *when = gs_explain_month_label (&r->months[r->n_pre + mo]);
          g_autofree char *label = stack_label (o, when);
          if (v <= 0)
            continue;
          gs_chart_set_color (ctx, colors[o], 1);
          cairo_rectangle (ctx->cr, area.x + mo * col + col * 0.18, y2, col * 0.64, y1 - y2);
          cairo_fill (ctx->cr);
          gs_chart_hit (ctx, area.x + mo * col, y2, col, y1 - y2, label, value);
          base += v;
        }
    }
  /* Direct labels beside the last month's stack, owners with bookings only. */
  {
    double base = 0;
    for (guint o = 0; o < 3; o++)
      {
        double v = (double) by_owner[o * H + H - 1];
        if (r->owner_total[o] <= 0)
          continue;
        end_y[n_labels] = gs_chart_y (&area, base + v / 2);
        label_text[n_labels] = labels[o];
        label_color[n_labels] = colors[o];
        n_labels++;
        base += v;
      }
  }
  gs_chart_end_labels (ctx, &area, n_labels, end_y, label_text, label_color);
  gs_chart_month_axis (ctx, &area, H, 0);
  for (guint o = 0; o < 3; o++)
    g_free (labels[o]);
}
