/* gs-chart-refan.c — the re-forecast fan: the new business won to the as-of
 * day as a solid line, a marker at the day, and from there the P10–P90 band
 * and the P50 of the rest of the year drawn from the evidence, with the
 * plan's own line and the dashed target; the chance of reaching the target
 * from the evidence as the headline.  Every figure is the prepared series
 * (gs-refan.h); time runs in plan months, a month's running total at its end.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-explain.h"
#include "gs-format.h"
#include "gs-refan.h"

#include <glib/gi18n-lib.h>

#include <math.h>

/* x of a time in plan months from the plan's start. */
static double
x_at (const GsPlotArea *area, guint H, double t)
{
  return area->x + CLAMP (t, 0, H) * area->w / H;
}

/* The band's (or P50's) points: from the as-of day's actual to each drawn
 * month's end; reverse walks back. */
static void
band_line (GsChartCtx *ctx, const GsPlotArea *area, const GsRefan *f, const double *v,
           gboolean reverse)
{
  guint H = f->horizon, n = H - f->first_band;
  double t0 = f->booked ? f->as_of_position : 0;
  if (!reverse)
    cairo_line_to (ctx->cr, x_at (area, H, t0), gs_chart_y (area, (double) f->actual_to_date));
  for (guint k = 0; k < n; k++)
    {
      guint mo = reverse ? H - 1 - k : f->first_band + k;
      cairo_line_to (ctx->cr, x_at (area, H, mo + 1), gs_chart_y (area, v[mo]));
    }
  if (reverse)
    cairo_line_to (ctx->cr, x_at (area, H, t0), gs_chart_y (area, (double) f->actual_to_date));
}

/* A running total from the plan's start (nothing) to each month's end. */
static void
cum_line (GsChartCtx *ctx, const GsPlotArea *area, guint H, const double *v)
{
  cairo_move_to (ctx->cr, area->x, gs_chart_y (area, 0));
  for (guint mo = 0; mo < H; mo++)
    cairo_line_to (ctx->cr, x_at (area, H, mo + 1), gs_chart_y (area, v[mo]));
}

typedef enum
{
  KEY_LINE,
  KEY_DASHED,
  KEY_BAND
} KeyKind;

/* One legend entry at x, y (its top); returns the x after it. */
static double
key (GsChartCtx *ctx, double x, double y, double h, KeyKind kind, const GsRgba *color, double width,
     const char *text)
{
  double mid = y + h / 2;
  if (kind == KEY_BAND)
    {
      gs_chart_set_color (ctx, color, 0.22);
      cairo_rectangle (ctx->cr, x, y + 2, 18, h - 4);
      cairo_fill (ctx->cr);
    }
  else
    {
      gs_chart_set_color (ctx, color, 1);
      cairo_set_line_width (ctx->cr, width);
      if (kind == KEY_DASHED)
        gs_chart_dashed (ctx);
      cairo_move_to (ctx->cr, x, mid);
      cairo_line_to (ctx->cr, x + 18, mid);
      cairo_stroke (ctx->cr);
      gs_chart_solid (ctx);
    }
  return x + 24 + gs_chart_text (ctx, x + 24, mid, 0, 0.5, GS_TEXT_SMALL, NULL, text) + 14;
}

void
gs_chart_refan_draw (GsChartCtx *ctx, const GsResult *r, const GsRefan *f)
{
  const GsChartStyle *st = ctx->style;
  guint H = f->horizon, last = H - 1, n_labels = 0;
  gboolean bands = f->first_band < H;
  double top, vmax = (double) f->actual_to_date, label_w = 0, key_h, x, as_of_x, col, rule_top;
  g_autofree char *trials = gs_format_count ((gint64) f->trials);
  g_autofree char *hit = gs_format_percent (f->p_hit);
  g_autofree char *hit_plan = gs_format_percent (f->p_hit_plan);
  g_autofree char *day = gs_format_date (&f->as_of);
  g_autofree char *subtitle = NULL, *l90 = NULL, *l50 = NULL, *l10 = NULL, *lt = NULL, *lp = NULL,
                  *la = NULL;
  const char *labels[6];
  const GsRgba *colors[6];
  double end_y[6];
  GsPlotArea area;

  for (guint mo = 0; mo < H; mo++)
    vmax = MAX (vmax, MAX (f->p90[mo], MAX (f->target_cum[mo], f->plan_cum[mo])));
  gs_chart_fan_labels (ctx, f->p90[last], f->p50[last], f->p10[last], f->target_cum[last],
                       f->plan_cum[last], &l90, &l50, &l10, &lt, &lp);
  {
    g_autofree char *w = gs_chart_money_compact (ctx, (double) f->actual_to_date);
    /* Translators: the label of the line of bookings won to date; %s money. */
    la = g_strdup_printf (_ ("Actual %s"), w);
  }
  if (bands)
    {
      labels[n_labels] = l90, colors[n_labels++] = &st->shared;
      labels[n_labels] = l50, colors[n_labels++] = &st->shared;
      labels[n_labels] = l10, colors[n_labels++] = &st->shared;
    }
  labels[n_labels] = lt, colors[n_labels++] = &st->target;
  labels[n_labels] = lp, colors[n_labels++] = &st->marketing;
  if (f->booked && !bands)
    labels[n_labels] = la, colors[n_labels++] = &st->actual;
  for (guint i = 0; i < n_labels; i++)
    {
      double w;
      gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, labels[i], &w, NULL);
      label_w = MAX (label_w, w);
    }

  subtitle = f->booked
                 /* Translators: %1$s a date, %2$s the number of trials. */
                 ? g_strdup_printf (_ ("New business won to %1$s, the rest drawn from the "
                                       "evidence (%2$s trials)"),
                                    day, trials)
                 /* Translators: %1$s a date, %2$s the number of trials. */
                 : g_strdup_printf (_ ("No deals in the actuals: every month drawn from the "
                                       "evidence to %1$s (%2$s trials)"),
                                    day, trials);
  top = gs_chart_title (ctx, C_ ("chart", "Re-forecast from the actuals"), subtitle);

  /* The legend: what each mark is. */
  gs_chart_text_size (ctx, GS_TEXT_SMALL, "Ag", NULL, &key_h);
  x = 12;
  if (f->booked)
    x = key (ctx, x, top - 4, key_h, KEY_LINE, &st->actual, 3, C_ ("chart", "Actual"));
  x = key (ctx, x, top - 4, key_h, KEY_BAND, &st->shared, 0, "P10–P90");
  x = key (ctx, x, top - 4, key_h, KEY_LINE, &st->shared, 2.5, "P50");
  x = key (ctx, x, top - 4, key_h, KEY_LINE, &st->marketing, 1.5, C_ ("chart", "Plan"));
  key (ctx, x, top - 4, key_h, KEY_DASHED, &st->target, 2, C_ ("chart", "Target"));
  top += key_h + 6;

  gs_chart_plot_area (ctx, top, label_w + 20, &area);
  gs_chart_value_axis (ctx, &area, 0, vmax * 1.05, gs_chart_axis_money);
  col = area.w / H;
  as_of_x = x_at (&area, H, f->as_of_position);
  rule_top = area.y;

  if (bands)
    {
      gs_chart_set_color (ctx, &st->shared, 0.22);
      cairo_new_path (ctx->cr);
      band_line (ctx, &area, f, f->p90, FALSE);
      band_line (ctx, &area, f, f->p10, TRUE);
      cairo_close_path (ctx->cr);
      cairo_fill (ctx->cr);
    }

  /* The plan's own line, thin, for reference. */
  gs_chart_set_color (ctx, &st->marketing, 1);
  cairo_set_line_width (ctx->cr, 1.5);
  cairo_new_path (ctx->cr);
  cum_line (ctx, &area, H, f->plan_cum);
  cairo_stroke (ctx->cr);

  if (bands)
    {
      gs_chart_set_color (ctx, &st->shared, 1);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_new_path (ctx->cr);
      band_line (ctx, &area, f, f->p50, FALSE);
      cairo_stroke (ctx->cr);
    }

  gs_chart_set_color (ctx, &st->target, 1);
  cairo_set_line_width (ctx->cr, 2);
  gs_chart_dashed (ctx);
  cairo_new_path (ctx->cr);
  cum_line (ctx, &area, H, f->target_cum);
  cairo_stroke (ctx->cr);
  gs_chart_solid (ctx);

  {
    /* Translators: %s a percentage. */
    g_autofree char *headline = g_strdup_printf (_ ("%s chance of reaching the target"), hit);
    /* Translators: under the re-forecast's headline; %s a percentage. */
    g_autofree char *against
        = g_strdup_printf (_ ("from the evidence; %s on the plan's rates"), hit_plan);
    double h, h2, w, w2;
    gs_chart_text_size (ctx, GS_TEXT_TITLE, headline, &w, &h);
    gs_chart_text_size (ctx, GS_TEXT_SMALL, against, &w2, &h2);
    gs_chart_text (ctx, area.x + 10, area.y + 4, 0, 0, GS_TEXT_TITLE, &st->shared, headline);
    gs_chart_text (ctx, area.x + 10, area.y + 4 + h, 0, 0, GS_TEXT_SMALL, &st->muted, against);
    /* The as-of rule passes under the headline, not through it. */
    if (as_of_x >= area.x + 6 && as_of_x <= area.x + 14 + MAX (w, w2))
      rule_top = area.y + 8 + h + h2;
  }

  /* The as-of day: a thin rule across the plot, named at its foot. */
  gs_chart_set_color (ctx, &st->muted, 0.8);
  cairo_set_line_width (ctx->cr, 1);
  cairo_move_to (ctx->cr, floor (as_of_x) + 0.5, rule_top);
  cairo_line_to (ctx->cr, floor (as_of_x) + 0.5, area.y + area.h);
  cairo_stroke (ctx->cr);
  {
    /* Translators: the as-of marker of the re-forecast fan; %s a date. */
    g_autofree char *mark = g_strdup_printf (_ ("As of %s"), day);
    double w;
    gs_chart_text_size (ctx, GS_TEXT_SMALL, mark, &w, NULL);
    /* Right of the rule when there is room, else left of it. */
    if (as_of_x + 4 + w <= area.x + area.w)
      gs_chart_text (ctx, as_of_x + 4, area.y + area.h - 4, 0, 1, GS_TEXT_SMALL, &st->muted, mark);
    else
      gs_chart_text (ctx, as_of_x - 4, area.y + area.h - 4, 1, 1, GS_TEXT_SMALL, &st->muted, mark);
  }

  /* What was won: solid, on top, ending in a dot at the day. */
  if (f->booked)
    {
      gs_chart_set_color (ctx, &st->actual, 1);
      cairo_set_line_width (ctx->cr, 3);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (ctx->cr);
      cairo_move_to (ctx->cr, area.x, gs_chart_y (&area, 0));
      for (guint mo = 0; mo < f->n_actual; mo++)
        cairo_line_to (ctx->cr, x_at (&area, H, MIN (mo + 1, f->as_of_position)),
                       gs_chart_y (&area, (double) f->actual_cum[mo]));
      cairo_stroke (ctx->cr);
      cairo_arc (ctx->cr, as_of_x, gs_chart_y (&area, (double) f->actual_to_date), 4.5, 0,
                 2 * G_PI);
      cairo_fill (ctx->cr);
    }

  for (guint mo = 0; mo < H; mo++)
    {
      g_autofree char *d = gs_chart_money_full (ctx, f->target_cum[mo]);
      g_autofree char *e = gs_chart_money_full (ctx, f->plan_cum[mo]);
      g_autofree char *when = gs_explain_month_label (&r->months[r->n_pre + mo]);
      g_autofree char *value = NULL;
      if (mo < f->first_band)
        {
          g_autofree char *a = gs_chart_money_full (ctx, (double) f->actual_cum[mo]);
          /* Translators: a month of the re-forecast fan that has passed; every %s is money. */
          value = g_strdup_printf (_ ("Won to date %1$s\nTarget to date %2$s\nPlan to date %3$s"),
                                   a, d, e);
        }
      else
        {
          g_autofree char *a = gs_chart_money_full (ctx, f->p10[mo]);
          g_autofree char *b = gs_chart_money_full (ctx, f->p50[mo]);
          g_autofree char *c = gs_chart_money_full (ctx, f->p90[mo]);
          value = g_strdup_printf (
              _ ("Bookings to date: P10 %1$s, P50 %2$s, P90 %3$s\nTarget to date %4$s\nPlan to "
                 "date %5$s"),
              a, b, c, d, e);
          if (f->booked && mo < f->n_actual)
            {
              g_autofree char *w = gs_chart_money_full (ctx, (double) f->actual_to_date);
              g_autofree char *more = NULL;
              /* Translators: %1$s a month's figures (the lines above), %2$s a date, %3$s money. */
              more = g_strdup_printf (_ ("%1$s\nWon to %2$s: %3$s"), value, day, w);
              g_free (value);
              value = g_steal_pointer (&more);
            }
        }
      gs_chart_hit (ctx, area.x + mo * col, area.y, col, area.h, when, value);
    }

  {
    guint i = 0;
    if (bands)
      {
        end_y[i++] = gs_chart_y (&area, f->p90[last]);
        end_y[i++] = gs_chart_y (&area, f->p50[last]);
        end_y[i++] = gs_chart_y (&area, f->p10[last]);
      }
    end_y[i++] = gs_chart_y (&area, f->target_cum[last]);
    end_y[i++] = gs_chart_y (&area, f->plan_cum[last]);
    if (f->booked && !bands)
      end_y[i++] = gs_chart_y (&area, (double) f->actual_to_date);
    gs_chart_end_labels (ctx, &area, n_labels, end_y, labels, colors);
  }
  gs_chart_month_axis (ctx, &area, H, 0);
}
