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

static const GsRgba *
role_color (const GsChartCtx *ctx, const GsCompRole *role)
{
  if (gs_role_kind_is_marketing (role->kind))
    return &ctx->style->marketing;
  if (role->kind == GS_ROLE_MANAGER)
    return &ctx->style->shared;
  if (role->kind == GS_ROLE_SDR)
    return &ctx->style->partner;
  return &ctx->style->sales;
}

gboolean
gs_chart_payout_draw (GsChartCtx *ctx, const GsCompModel *comp, const char *role_id, GError **error)
{
  g_autoptr (GPtrArray) curves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) roles = g_ptr_array_new ();
  double vmax = 0, top, label_w = 0, h, step;
  g_autofree double *end_y = NULL;
  g_autofree const char **end_text = NULL;
  g_autofree const GsRgba **end_color = NULL;
  GsPlotArea area;
  guint n_points;

  if (comp == NULL || comp->n_roles == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   "compensation: the plan has no compensation plans to draw");
      return FALSE;
    }
  for (guint i = 0; i < comp->n_roles; i++)
    if (role_id == NULL || g_strcmp0 (comp->roles[i].id, role_id) == 0)
      {
        GArray *curve = gs_comp_curve (comp, &comp->roles[i], STEP, MAX_ATTAINMENT, error);
        if (curve == NULL)
          return FALSE;
        g_ptr_array_add (curves, curve);
        g_ptr_array_add (roles, &comp->roles[i]);
      }
  if (roles->len == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "compensation: there is no role “%s”",
                   role_id);
      return FALSE;
    }
  for (guint c = 0; c < curves->len; c++)
    {
      GArray *curve = curves->pdata[c];
      const GsCompRole *role = roles->pdata[c];
      double w;
      for (guint i = 0; i < curve->len; i++)
        vmax = MAX (vmax, (double) g_array_index (curve, GsCurvePoint, i).earned);
      gs_chart_text_size (ctx, GS_TEXT_SMALL | GS_TEXT_BOLD, role->name, &w, NULL);
      label_w = MAX (label_w, w);
    }

  top = gs_chart_title (ctx, C_ ("chart", "Payout curves"),
                        _ ("One person's commission by attainment of quota, per role"));
  gs_chart_plot_area (ctx, top + 10, label_w + 20, &area);
  gs_chart_value_axis (ctx, &area, 0, MAX (vmax, 1) * 1.05, gs_chart_axis_money);

  /* Attainment axis: 0–200 % on nice ticks, the 100 % line dashed. */
  gs_chart_text_size (ctx, GS_TEXT_SMALL, "0", NULL, &h);
  /* Every 25 % where the labels fit side by side, else every 50 % or 100 %. */
  {
    double label_w200;
    gs_chart_text_size (ctx, GS_TEXT_SMALL, "200 %", &label_w200, NULL);
    step = 0.25;
    while (step < 1 && step / MAX_ATTAINMENT * area.w < label_w200 + 8)
      step *= 2;
  }
  for (double a = 0; a <= MAX_ATTAINMENT + 1e-9; a += step)
    {
      g_autofree char *text = gs_format_percent (a);
      double x = area.x + a / MAX_ATTAINMENT * area.w;
      gs_chart_text (ctx, x, area.y + area.h + 6, 0.5, 0, GS_TEXT_SMALL, &ctx->style->muted, text);
    }
  {
    double x = floor (area.x + area.w / 2) + 0.5;
    gs_chart_set_color (ctx, &ctx->style->target, 0.8);
    cairo_set_line_width (ctx->cr, 1.5);
    gs_chart_dashed (ctx);
    cairo_move_to (ctx->cr, x, area.y);
    cairo_line_to (ctx->cr, x, area.y + area.h);
    cairo_stroke (ctx->cr);
    gs_chart_solid (ctx);
    gs_chart_text (ctx, x + 4, area.y + 2, 0, 0, GS_TEXT_SMALL, &ctx->style->muted,
                   _ ("quota (100 %)"));
  }

  end_y = g_new0 (double, curves->len);
  end_text = g_new0 (const char *, curves->len);
  end_color = g_new0 (const GsRgba *, curves->len);
  for (guint c = 0; c < curves->len; c++)
    {
      GArray *curve = curves->pdata[c];
      const GsCompRole *role = roles->pdata[c];
      double alpha = 1;
      /* A second role of the same side is drawn lighter, not dashed (dashes
       * mean "target"). */
      for (guint d = 0; d < c; d++)
        if (role_color (ctx, roles->pdata[d]) == role_color (ctx, role))
          alpha = 0.55;
      gs_chart_set_color (ctx, role_color (ctx, role), alpha);
      cairo_set_line_width (ctx->cr, 2.5);
      cairo_new_path (ctx->cr);
      for (guint i = 0; i < curve->len; i++)
        {
          const GsCurvePoint *p = &g_array_index (curve, GsCurvePoint, i);
          cairo_line_to (ctx->cr, area.x + p->attainment / MAX_ATTAINMENT * area.w,
                         gs_chart_y (&area, (double) p->earned));
        }
      cairo_stroke (ctx->cr);
      /* The target incentive: what 100 % pays. */
      for (guint i = 0; i < curve->len; i++)
        {
          const GsCurvePoint *p = &g_array_index (curve, GsCurvePoint, i);
          if (fabs (p->attainment - 1) < STEP / 2)
            {
              cairo_arc (ctx->cr, area.x + area.w / 2, gs_chart_y (&area, (double) p->earned), 4, 0,
                         2 * G_PI);
              cairo_fill (ctx->cr);
            }
        }
      end_y[c]
          = gs_chart_y (&area, (double) g_array_index (curve, GsCurvePoint, curve->len - 1).earned);
      end_text[c] = role->name;
      end_color[c] = role_color (ctx, role);
    }
  gs_chart_end_labels (ctx, &area, curves->len, end_y, end_text, end_color);

  /* Hits: one strip per curve point, every role's payout at that attainment. */
  n_points = ((GArray *) curves->pdata[0])->len;
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr (GString) value = g_string_new (NULL);
      g_autofree char *label = NULL;
      double a = g_array_index ((GArray *) curves->pdata[0], GsCurvePoint, i).attainment;
      double x = area.x + a / MAX_ATTAINMENT * area.w, w = STEP / MAX_ATTAINMENT * area.w;
      for (guint c = 0; c < curves->len; c++)
        {
          GArray *curve = curves->pdata[c];
          g_autofree char *money = NULL;
          if (i >= curve->len)
            continue;
          money = gs_chart_money_full (ctx, (double) g_array_index (curve, GsCurvePoint, i).earned);
          g_string_append_printf (value, "%s%s: %s", c ? "\n" : "",
                                  ((const GsCompRole *) roles->pdata[c])->name, money);
        }
      g_autofree char *pct = gs_format_percent (a);
      /* Translators: %s a percentage of quota ("80 %"). */
      label = g_strdup_printf (_ ("At %s of quota"), pct);
      gs_chart_hit (ctx, x - w / 2, area.y, w, area.h, label, value->str);
    }
  return TRUE;
}
