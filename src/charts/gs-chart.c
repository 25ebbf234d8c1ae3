/* gs-chart.c — styles, chart kinds, dispatch and hit testing.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-private.h"

#include <glib/gi18n-lib.h>
#include "gs-error.h"

#include <string.h>

static GsRgba
hex (guint32 rgb)
{
  GsRgba c = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1 };
  return c;
}

/* GNOME HIG palette: the 3rd shade on light backgrounds, the 2nd on dark
 * ones (libadwaita's own choice for accents). */
void
gs_chart_style_init (GsChartStyle *s, gboolean dark)
{
  memset (s, 0, sizeof *s);
  s->dark = dark;
  s->font_size = 13;
  s->font_family = "Cantarell, DejaVu Sans, sans-serif";
  if (dark)
    {
      s->background = hex (0x242424);
      s->foreground = hex (0xffffff);
      s->muted = hex (0xc0bfbc); /* Light 4 */
      s->grid = hex (0xffffff);
      s->grid.a = 0.12;
      s->marketing = hex (0x62a0ea); /* Blue 2 */
      s->sales = hex (0xffa348);     /* Orange 2 */
      s->shared = hex (0xc061cb);    /* Purple 2 */
      s->partner = hex (0x57e389);   /* Green 2 */
      s->target = hex (0xffffff);
      s->actual = hex (0xffa348); /* Orange 2 */
    }
  else
    {
      s->background = hex (0xffffff);
      s->foreground = hex (0x241f31); /* Dark 4 */
      s->muted = hex (0x5e5c64);      /* Dark 2 */
      s->grid = hex (0x241f31);
      s->grid.a = 0.12;
      s->marketing = hex (0x3584e4); /* Blue 3 */
      s->sales = hex (0xe66100);     /* Orange 4: Orange 3 is too light for thin lines */
      s->shared = hex (0x9141ac);    /* Purple 3 */
      s->partner = hex (0x26a269);   /* Green 5 */
      s->target = hex (0x241f31);
      s->actual = hex (0xe66100); /* Orange 4 */
    }
}

static const struct
{
  const char *id;
  const char *title;
} kinds[GS_N_CHARTS] = {
  [GS_CHART_FUNNEL] = { "funnel", NC_ ("chart", "Funnel") },
  [GS_CHART_WATERFALL] = { "waterfall", NC_ ("chart", "Monthly waterfall") },
  [GS_CHART_CAPACITY] = { "capacity", NC_ ("chart", "Capacity vs target") },
  [GS_CHART_FAN] = { "fan", NC_ ("chart", "Simulated bookings") },
  [GS_CHART_CONTRIBUTION] = { "contribution", NC_ ("chart", "Bookings by source") },
  [GS_CHART_PAYOUT] = { "payout", NC_ ("chart", "Payout curves") },
};

const char *
gs_chart_kind_id (GsChartKind kind)
{
  return kind < GS_N_CHARTS ? kinds[kind].id : NULL;
}

const char *
gs_chart_kind_title (GsChartKind kind)
{
  /* In the user's language. */
  return kind < GS_N_CHARTS ? g_dpgettext2 (GETTEXT_PACKAGE, "chart", kinds[kind].title) : NULL;
}

gboolean
gs_chart_kind_from_id (const char *id, GsChartKind *out)
{
  for (guint k = 0; k < GS_N_CHARTS; k++)
    if (g_strcmp0 (id, kinds[k].id) == 0)
      {
        *out = (GsChartKind) k;
        return TRUE;
      }
  return FALSE;
}

gboolean
gs_chart_draw (GsChartKind kind, cairo_t *cr, double width, double height,
               const GsChartStyle *style, const GsChartData *data, GPtrArray *hits, GError **error)
{
  GsChartCtx ctx;
  gboolean ok = TRUE;

  if (kind == GS_CHART_FAN && data->sim == NULL && data->refan == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the fan chart needs a simulation: run one first"));
      return FALSE;
    }
  if ((kind != GS_CHART_PAYOUT && data->result == NULL) || kind >= GS_N_CHARTS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the plan has no computed figures to draw"));
      return FALSE;
    }
  gs_chart_ctx_init (&ctx, cr, width, height, style, data->model, hits);
  gs_chart_background (&ctx);
  switch (kind)
    {
    case GS_CHART_FUNNEL:
      gs_chart_funnel_draw (&ctx, data->result);
      break;
    case GS_CHART_WATERFALL:
      gs_chart_waterfall_draw (&ctx, data->result);
      break;
    case GS_CHART_CAPACITY:
      gs_chart_capacity_draw (&ctx, data->result);
      break;
    case GS_CHART_FAN:
      if (data->refan)
        gs_chart_refan_draw (&ctx, data->result, data->refan);
      else
        gs_chart_fan_draw (&ctx, data->result, data->sim);
      break;
    case GS_CHART_CONTRIBUTION:
      gs_chart_contribution_draw (&ctx, data->result);
      break;
    case GS_CHART_PAYOUT:
      ok = gs_chart_payout_draw (&ctx, data->comp, data->role_id, error);
      break;
    case GS_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
  gs_chart_ctx_clear (&ctx);
  return ok;
}

GsChartHit *
gs_chart_hit_test (GsChartKind kind, double width, double height, const GsChartStyle *style,
                   const GsChartData *data, double x, double y)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_chart_hit_free);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  GsChartHit *best = NULL;
  gboolean ok = gs_chart_draw (kind, cr, width, height, style, data, hits, NULL);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;
  /* The smallest region wins: a point on a bar is that bar, not its column. */
  for (guint i = 0; i < hits->len; i++)
    {
      GsChartHit *h = hits->pdata[i];
      if (x >= h->x && x < h->x + h->width && y >= h->y && y < h->y + h->height
          && (best == NULL || h->width * h->height < best->width * best->height))
        best = h;
    }
  if (best == NULL)
    return NULL;
  {
    GsChartHit *copy = g_new0 (GsChartHit, 1);
    *copy = *best;
    copy->label = g_strdup (best->label);
    copy->value = g_strdup (best->value);
    return copy;
  }
}

void
gs_chart_funnel (cairo_t *cr, double width, double height, const GsChartStyle *style,
                 const GsModel *model, const GsResult *result)
{
  GsChartData data = { model, result, NULL, NULL };
  gs_chart_draw (GS_CHART_FUNNEL, cr, width, height, style, &data, NULL, NULL);
}

void
gs_chart_waterfall (cairo_t *cr, double width, double height, const GsChartStyle *style,
                    const GsModel *model, const GsResult *result)
{
  GsChartData data = { model, result, NULL, NULL };
  gs_chart_draw (GS_CHART_WATERFALL, cr, width, height, style, &data, NULL, NULL);
}

void
gs_chart_capacity (cairo_t *cr, double width, double height, const GsChartStyle *style,
                   const GsModel *model, const GsResult *result)
{
  GsChartData data = { model, result, NULL, NULL };
  gs_chart_draw (GS_CHART_CAPACITY, cr, width, height, style, &data, NULL, NULL);
}

void
gs_chart_fan (cairo_t *cr, double width, double height, const GsChartStyle *style,
              const GsModel *model, const GsResult *result, const GsSimResult *sim)
{
  GsChartData data = { model, result, sim, NULL };
  gs_chart_draw (GS_CHART_FAN, cr, width, height, style, &data, NULL, NULL);
}

void
gs_chart_contribution (cairo_t *cr, double width, double height, const GsChartStyle *style,
                       const GsModel *model, const GsResult *result)
{
  GsChartData data = { model, result, NULL, NULL };
  gs_chart_draw (GS_CHART_CONTRIBUTION, cr, width, height, style, &data, NULL, NULL);
}

gboolean
gs_chart_payout (cairo_t *cr, double width, double height, const GsChartStyle *style,
                 const GsModel *model, const GsCompModel *comp, const char *role_id, GError **error)
{
  GsChartData data = { model, NULL, NULL, role_id, comp };
  return gs_chart_draw (GS_CHART_PAYOUT, cr, width, height, style, &data, NULL, error);
}
