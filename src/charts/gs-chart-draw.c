/* gs-chart-draw.c — text, axes, ticks and hit regions for the charts.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"
#include "gs-format.h"
#include "gs-explain.h"

#include <math.h>

#define SMALL_PX 11.0 /* the smallest text on a chart (docs/charts.md) */

void
gs_chart_ctx_init (GsChartCtx *ctx, cairo_t *cr, double width, double height,
                   const GsChartStyle *style, const GsModel *model, GPtrArray *hits)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  ctx->cr = cr;
  ctx->width = width;
  ctx->height = height;
  ctx->style = style;
  ctx->model = model;
  ctx->hits = hits;
  ctx->layout = pango_cairo_create_layout (cr);
  /* Unhinted metrics: the same layout at every scale factor and in PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (ctx->layout), options);
  pango_layout_context_changed (ctx->layout);
  cairo_font_options_destroy (options);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

void
gs_chart_ctx_clear (GsChartCtx *ctx)
{
  cairo_restore (ctx->cr);
  g_clear_object (&ctx->layout);
}

void
gs_chart_set_color (GsChartCtx *ctx, const GsRgba *c, double alpha)
{
  cairo_set_source_rgba (ctx->cr, c->r, c->g, c->b, c->a * alpha);
}

void
gs_chart_background (GsChartCtx *ctx)
{
  if (ctx->style->background.a <= 0)
    return;
  gs_chart_set_color (ctx, &ctx->style->background, 1);
  cairo_rectangle (ctx->cr, 0, 0, ctx->width, ctx->height);
  cairo_fill (ctx->cr);
}

double
gs_chart_font_px (const GsChartCtx *ctx, GsTextFlags flags)
{
  double body = MAX (SMALL_PX, ctx->style->font_size);
  if (flags & GS_TEXT_SMALL)
    return SMALL_PX;
  if (flags & GS_TEXT_TITLE)
    return round (body * 1.25);
  return body;
}

static void
set_text (GsChartCtx *ctx, GsTextFlags flags, const char *text)
{
  PangoFontDescription *font = pango_font_description_new ();
  pango_font_description_set_family (font, ctx->style->font_family);
  pango_font_description_set_absolute_size (font, gs_chart_font_px (ctx, flags) * PANGO_SCALE);
  if (flags & (GS_TEXT_BOLD | GS_TEXT_TITLE))
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (ctx->layout, font);
  pango_layout_set_text (ctx->layout, text, -1);
  pango_font_description_free (font);
}

void
gs_chart_text_size (GsChartCtx *ctx, GsTextFlags flags, const char *text, double *width,
                    double *height)
{
  PangoRectangle logical;
  set_text (ctx, flags, text);
  pango_layout_get_extents (ctx->layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
gs_chart_text (GsChartCtx *ctx, double x, double y, double xalign, double yalign, GsTextFlags flags,
               const GsRgba *color, const char *text)
{
  double w, h;
  gs_chart_text_size (ctx, flags, text, &w, &h);
  gs_chart_set_color (ctx, color ? color : &ctx->style->foreground, 1);
  cairo_move_to (ctx->cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (ctx->cr, ctx->layout);
  return w;
}

double
gs_chart_title (GsChartCtx *ctx, const char *title, const char *subtitle)
{
  double h, y = 8;
  gs_chart_text_size (ctx, GS_TEXT_TITLE, title, NULL, &h);
  gs_chart_text (ctx, 12, y, 0, 0, GS_TEXT_TITLE, NULL, title);
  y += h;
  if (subtitle)
    {
      gs_chart_text_size (ctx, GS_TEXT_NORMAL, subtitle, NULL, &h);
      gs_chart_text (ctx, 12, y, 0, 0, GS_TEXT_NORMAL, &ctx->style->muted, subtitle);
      y += h;
    }
  return y + 8;
}

char *
gs_chart_money_compact (const GsChartCtx *ctx, double minor)
{
  return gs_format_money (gs_money_round (minor), ctx->model->company.digits,
                          ctx->model->company.currency, GS_MONEY_FORMAT_COMPACT);
}

char *
gs_chart_money_full (const GsChartCtx *ctx, double minor)
{
  return gs_format_money (gs_money_round (minor), ctx->model->company.digits,
                          ctx->model->company.currency, GS_MONEY_FORMAT_FULL);
}

char *
gs_chart_axis_money (const GsChartCtx *ctx, double minor)
{
  return gs_chart_money_compact (ctx, minor);
}

double
gs_chart_nice_ticks (double lo, double hi, guint max_ticks, double *first, double *last)
{
  static const double nice[] = { 1, 2, 5 };
  double mag, step = 1;

  if (!(hi > lo))
    hi = lo + (lo != 0 ? fabs (lo) : 1);
  max_ticks = MAX (max_ticks, 2);
  /* The smallest 1-2-5 step whose ticks, rounded outwards to cover
   * [lo, hi], number at most max_ticks. */
  mag = pow (10, floor (log10 ((hi - lo) / (max_ticks - 1))));
  for (gboolean found = FALSE; !found; mag *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (nice) && !found; i++)
      {
        step = nice[i] * mag;
        found = ceil (hi / step - 1e-9) - floor (lo / step + 1e-9) + 1 <= max_ticks;
      }
  *first = floor (lo / step + 1e-9) * step;
  *last = ceil (hi / step - 1e-9) * step;
  return step;
}

void
gs_chart_plot_area (GsChartCtx *ctx, double top, double right, GsPlotArea *area)
{
  area->x = 12;
  area->y = top;
  area->w = ctx->width - 12 - right;
  area->h = ctx->height - top - 30; /* room for the month or attainment axis */
  area->lo = 0;
  area->hi = 1;
}

double
gs_chart_y (const GsPlotArea *a, double value)
{
  if (a->hi <= a->lo)
    return a->y + a->h;
  return a->y + a->h - (value - a->lo) / (a->hi - a->lo) * a->h;
}

/* A crisp 1-unit horizontal line. */
static void
hline (GsChartCtx *ctx, double x0, double x1, double y)
{
  y = floor (y) + 0.5;
  cairo_move_to (ctx->cr, x0, y);
  cairo_line_to (ctx->cr, x1, y);
  cairo_stroke (ctx->cr);
}

double
gs_chart_value_axis (GsChartCtx *ctx, GsPlotArea *area, double lo, double hi, GsChartFormat format)
{
  double first, last, step, label_w = 0, h;
  guint max_ticks = (guint) CLAMP (area->h / 40, 2, 8);

  step = gs_chart_nice_ticks (lo, hi, max_ticks, &first, &last);
  for (double v = first; v <= last + step / 2; v += step)
    {
      g_autofree char *text = format (ctx, fabs (v) < step / 1e6 ? 0 : v);
      double w;
      gs_chart_text_size (ctx, GS_TEXT_SMALL, text, &w, &h);
      label_w = MAX (label_w, w);
    }
  area->x += label_w + 8;
  area->w -= label_w + 8;
  area->lo = first;
  area->hi = last;
  cairo_set_line_width (ctx->cr, 1);
  for (double v = first; v <= last + step / 2; v += step)
    {
      g_autofree char *text = format (ctx, fabs (v) < step / 1e6 ? 0 : v);
      double y = gs_chart_y (area, v);
      gs_chart_set_color (ctx, &ctx->style->grid, fabs (v) < step / 1e6 ? 2.5 : 1);
      hline (ctx, area->x, area->x + area->w, y);
      gs_chart_text (ctx, area->x - 8, y, 1, 0.5, GS_TEXT_SMALL, &ctx->style->muted, text);
    }
  return step;
}

void
gs_chart_month_axis (GsChartCtx *ctx, const GsPlotArea *area, guint n, int first_month)
{
  double col = area->w / MAX (n, 1), label_w = 0;
  guint every;

  for (guint i = 0; i < n; i++)
    {
      GsMonth month = gs_model_month (ctx->model, first_month + (int) i);
      g_autofree char *text = gs_explain_month_short (&month);
      double w;
      gs_chart_text_size (ctx, GS_TEXT_SMALL, text, &w, NULL);
      label_w = MAX (label_w, w);
    }
  every = (guint) MAX (1, ceil ((label_w + 10) / col));
  for (guint i = 0; i < n; i += every)
    {
      GsMonth month = gs_model_month (ctx->model, first_month + (int) i);
      g_autofree char *text = gs_explain_month_short (&month);
      gs_chart_text (ctx, area->x + (i + 0.5) * col, area->y + area->h + 6, 0.5, 0, GS_TEXT_SMALL,
                     &ctx->style->muted, text);
    }
}

void
gs_chart_dashed (GsChartCtx *ctx)
{
  static const double dash[] = { 6, 4 };
  cairo_set_dash (ctx->cr, dash, 2, 0);
}

void
gs_chart_solid (GsChartCtx *ctx)
{
  cairo_set_dash (ctx->cr, NULL, 0, 0);
}

void
gs_chart_hit (GsChartCtx *ctx, double x, double y, double w, double h, const char *label,
              const char *value)
{
  GsChartHit *hit;
  double ux = x, uy = y, uw = w, uh = h;
  if (ctx->hits == NULL)
    return;
  /* Regions are kept in the caller's coordinates (before our transforms). */
  cairo_user_to_device (ctx->cr, &ux, &uy);
  cairo_user_to_device_distance (ctx->cr, &uw, &uh);
  hit = g_new0 (GsChartHit, 1);
  hit->x = ux;
  hit->y = uy;
  hit->width = uw;
  hit->height = uh;
  hit->label = g_strdup (label);
  hit->value = g_strdup (value);
  g_ptr_array_add (ctx->hits, hit);
}

void
gs_chart_hit_free (GsChartHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->label);
  g_free (hit->value);
  g_free (hit);
}

void
gs_chart_spread_labels (double *y, guint n, double gap, double top, double bottom)
{
  g_autofree guint *order = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* Sort by wanted position (n is small). */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && y[order[j]] < y[order[j - 1]]; j--)
      {
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint i = 0; i < n; i++)
    {
      double min = i ? y[order[i - 1]] + gap : top;
      y[order[i]] = MAX (y[order[i]], min);
    }
  /* Push back up from the bottom if the last ones overflowed. */
  for (int i = (int) n - 1; i >= 0; i--)
    {
      double max = i == (int) n - 1 ? bottom : y[order[i + 1]] - gap;
      y[order[i]] = MIN (y[order[i]], max);
    }
}
