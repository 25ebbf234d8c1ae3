/* gs-chart-capacity.c — capacity vs target: what the AEs can carry each
 * month (bars, with the hires marked), what the funnel brings (line) and the
 * new-business target (dashed).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-explain.h"
#include "gs-format.h"

#include <glib/gi18n-lib.h>

#include <math.h>

/* Series name labels at the right end of the plot, kept apart. */
void
gs_chart_end_labels (GsChartCtx *ctx, const GsPlotArea *area, guint n, double *y,
                     const char *const *text, const GsRgba *const *color)
{
  double h;
  gs_chart_text_size (ctx, GS_TEXT_SMALL, "Ag", NULL, &h);
  gs_chart_spread_labels (y, n, h + 1, area->y, area->y + area->h);
  for (guint i = 0; i < n; i++)
    gs_chart_text (ctx, area->x + area->w + 8, y[i], 0, 0.5, GS_TEXT_BOLD | GS_TEXT_SMALL, color[i],
                   text[i]);
}

void
gs_chart_capacity_draw (GsChartCtx *ctx, const GsResult *r)
{
  const GsModel *m = ctx->model;
  guint H = r->horizon;
  double top, vmax = 0, col, label_w = 0, w;
  GsPlotArea area;
  const char *names[] = { _ ("AE capacity"), _ ("Funnel bookings"), C_ ("chart", "Target") };
  const GsRgba *colors[] = { &ctx->style->sales, &ctx->style->marketing, &ctx->style->target };
  double end_y[3];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, names[i], &w, NULL);
      label_w = MAX (label_w, w);
    }
  for (guint mo = 0; mo < H; mo++)
    vmax = MAX (vmax, MAX ((double) r->ae_capacity[mo], MAX ((double) r->projected_bookings[mo],
                                                             (double) r->new_business_month[mo])));
  top = gs_chart_title (ctx, C_ ("chart", "Capacity vs target"),
                        _ ("What the AEs can carry each month (ramp, attainment, attrition)"));
  gs_chart_plot_area (ctx, top + 18, label_w + 20, &area);
  gs_chart_value_axis (ctx, &area, 0, vmax * 1.08, gs_chart_axis_money);
  col = area.w / H;

  for (guint mo = 0; mo < H; mo++)
    {
      double x = area.x + mo * col, y = gs_chart_y (&area, (double) r->ae_capacity[mo]);
      g_autofree char *cap = gs_chart_money_full (ctx, (double) r->ae_capacity[mo]);
      g_autofree char *fun = gs_chart_money_full (ctx, (double) r->projected_bookings[mo]);
      g_autofree char *tgt = gs_chart_money_full (ctx, (double) r->new_business_month[mo]);
      g_autofree char *ramped = gs_format_number (r->ae_ramped[mo], 1);
      g_autofree char *when = gs_explain_month_label (&r->months[r->n_pre + mo]);
      /* Translators: a month of the capacity chart, money except %2$s (AEs). */
      g_autofree char *value = g_strdup_printf (_ ("AE capacity %1$s (%2$s AEs ramped)\nFunnel "
                                                   "bookings %3$s\nNew-business target %4$s"),
                                                cap, ramped, fun, tgt);
      gs_chart_set_color (ctx, &ctx->style->sales, 0.85);
      cairo_rectangle (ctx->cr, x + col * 0.18, y, col * 0.64, area.y + area.h - y);
      cairo_fill (ctx->cr);
      gs_chart_hit (ctx, x, area.y, col, area.h, when, value);
    }
  /* Hires: where capacity steps up (after the ramp). */
  for (guint h = 0; h < m->ae.n_hires; h++)
    {
      guint mo = m->ae.hires[h].month;
      g_autofree char *text = g_strdup_printf (
          /* Translators: hires marked on the capacity chart. */
          g_dngettext (GETTEXT_PACKAGE, "+%u AE", "+%u AEs", m->ae.hires[h].count),
          m->ae.hires[h].count);
      if (mo >= H)
        continue;
      gs_chart_text (ctx, area.x + (mo + 0.5) * col,
                     gs_chart_y (&area, (double) r->ae_capacity[mo]) - 3, 0.5, 1,
                     GS_TEXT_SMALL | GS_TEXT_BOLD, &ctx->style->sales, text);
    }

  /* Target: a dashed step line over each month's column. */
  gs_chart_set_color (ctx, &ctx->style->target, 1);
  cairo_set_line_width (ctx->cr, 2);
  gs_chart_dashed (ctx);
  for (guint mo = 0; mo < H; mo++)
    {
      double y = gs_chart_y (&area, (double) r->new_business_month[mo]);
      if (mo == 0)
        cairo_move_to (ctx->cr, area.x, y);
      else
        cairo_line_to (ctx->cr, area.x + mo * col, y);
      cairo_line_to (ctx->cr, area.x + (mo + 1) * col, y);
    }
  cairo_stroke (ctx->cr);
  gs_chart_solid (ctx);

  /* Funnel bookings: a line through the month centres. */
  gs_chart_set_color (ctx, &ctx->style->marketing, 1);
  cairo_set_line_width (ctx->cr, 2.5);
  for (guint mo = 0; mo < H; mo++)
    cairo_line_to (ctx->cr, area.x + (mo + 0.5) * col,
                   gs_chart_y (&area, (double) r->projected_bookings[mo]));
  cairo_stroke (ctx->cr);
  for (guint mo = 0; mo < H; mo++)
    {
      cairo_arc (ctx->cr, area.x + (mo + 0.5) * col,
                 gs_chart_y (&area, (double) r->projected_bookings[mo]), 3.5, 0, 2 * G_PI);
      cairo_fill (ctx->cr);
    }

  end_y[0] = gs_chart_y (&area, (double) r->ae_capacity[H - 1]);
  end_y[1] = gs_chart_y (&area, (double) r->projected_bookings[H - 1]);
  end_y[2] = gs_chart_y (&area, (double) r->new_business_month[H - 1]);
  gs_chart_end_labels (ctx, &area, 3, end_y, names, colors);
  gs_chart_month_axis (ctx, &area, H, 0);
}
