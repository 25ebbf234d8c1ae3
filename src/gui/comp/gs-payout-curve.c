/* gs-payout-curve.c — one role's payout curve with the chosen attainment.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine's curve is computed once per plan or role change
 * (gs_payout_chart_new), not per frame; the chart's background (title,
 * axes, gridlines, the quota line) is a texture drawn again only when the
 * size, scale, style or the value axis's ticks change, so an edit draws the
 * curves and the marker only; a point's tooltip is worded when the pointer
 * asks for it.
 */
#include "gs-payout-curve.h"
#include "gs-chart.h"
#include "gs-comp.h"
#include "gs-format.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

/* The engine's payout chart has one point per 1 % of attainment, 0–200 %. */
#define CURVE_STEP 0.01

struct _GsPayoutCurve
{
  GtkWidget parent_instance;
  GsCompModel *comp; /* a reference: the model the chart is of */
  char *currency;    /* the money format it was made with */
  guint digits;
  char *role_id;
  double attainment;
  GsPayoutChart *chart; /* the role's curves, or NULL with error */
  char *error;
  /* The background and the chart it was drawn for (owned, unless it is
   * chart), at this size, scale and style. */
  GdkTexture *background;
  GsPayoutChart *drawn;
  GsChartFrame frame;
  int bg_width, bg_height, bg_scale;
  gboolean bg_dark;
  guint charts_made; /* for tests */
  guint backgrounds_drawn;
  guint snapshots;
};

G_DEFINE_FINAL_TYPE (GsPayoutCurve, gs_payout_curve, GTK_TYPE_WIDGET)

static gboolean
dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
style_for (GsChartStyle *style)
{
  gs_chart_style_init (style, dark ());
  style->background.a = 0;
}

static void
drop_background (GsPayoutCurve *self)
{
  g_clear_object (&self->background);
  if (self->drawn != self->chart)
    gs_payout_chart_free (self->drawn);
  self->drawn = NULL;
}

static void
set_chart (GsPayoutCurve *self, GsPayoutChart *chart)
{
  if (self->chart != self->drawn)
    gs_payout_chart_free (self->chart);
  self->chart = chart;
}

/* The background at width × height and the widget's scale, as a texture. */
static void
draw_background (GsPayoutCurve *self, int width, int height, int scale, gboolean is_dark)
{
  GsChartStyle style;
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;

  drop_background (self);
  style_for (&style);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  gs_payout_chart_draw_background (self->chart, cr, width, height, &style, &self->frame);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface)
                                          * (gsize) (height * scale),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* ARGB32 is premultiplied B, G, R, A in memory on little-endian hosts
   * and A, R, G, B on big-endian ones: GDK_MEMORY_DEFAULT either way. */
  self->background = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                             bytes, cairo_image_surface_get_stride (surface));
  self->drawn = self->chart;
  self->bg_width = width;
  self->bg_height = height;
  self->bg_scale = scale;
  self->bg_dark = is_dark;
  self->backgrounds_drawn++;
}

static void
snapshot_error (GsPayoutCurve *self, GtkSnapshot *snapshot, int width)
{
  GsChartStyle style;
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->error);
  GdkRGBA color;
  style_for (&style);
  color = (GdkRGBA){ style.muted.r, style.muted.g, style.muted.b, 1 };
  pango_layout_set_width (layout, MAX (width - 24, 1) * PANGO_SCALE);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, 12));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* The marker on the chart's own strip for the chosen attainment, with its
 * percentage inside the plot on the side with room. */
static void
draw_marker (GsPayoutCurve *self, cairo_t *cr, int width, const GsChartStyle *style)
{
  guint index = (guint) lround (self->attainment / CURVE_STEP);
  double sx, sy, sw, sh, x;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoAttrList *attrs;
  int w, h;

  if (index >= gs_payout_chart_n_points (self->chart))
    return;
  gs_payout_chart_point_rect (self->chart, &self->frame, index, &sx, &sy, &sw, &sh);
  x = floor (sx + sw / 2) + 0.5;
  text = gs_format_percent (self->attainment);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  cairo_set_source_rgba (cr, style->foreground.r, style->foreground.g, style->foreground.b, 0.85);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, sy);
  cairo_line_to (cr, x, sy + sh);
  cairo_stroke (cr);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x + w + 8 < width ? x + 4 : x - w - 4, sy + sh - h - 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
gs_payout_curve_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GsPayoutCurve *self = GS_PAYOUT_CURVE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean is_dark = dark ();
  GsChartStyle style;
  cairo_t *cr;

  self->snapshots++;
  if (width <= 0 || height <= 0)
    return;
  if (self->chart == NULL)
    {
      if (self->error)
        snapshot_error (self, snapshot, width);
      return;
    }
  if (self->background == NULL || self->bg_width != width || self->bg_height != height
      || self->bg_scale != scale || self->bg_dark != is_dark
      || (self->drawn != self->chart
          && !gs_payout_chart_same_background (self->chart, self->drawn, &self->frame)))
    draw_background (self, width, height, scale, is_dark);
  gtk_snapshot_append_texture (snapshot, self->background,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The curves and the marker: what an edit changes. */
  style_for (&style);
  cr = gtk_snapshot_append_cairo (
      snapshot, &GRAPHENE_RECT_INIT (self->frame.x - 12, self->frame.y - 12,
                                     width - self->frame.x + 12, self->frame.height + 24));
  gs_payout_chart_draw_curves (self->chart, cr, width, height, &style, &self->frame);
  draw_marker (self, cr, width, &style);
  cairo_destroy (cr);
}

static void
gs_payout_curve_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 260;
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer unused)
{
  GsPayoutCurve *self = GS_PAYOUT_CURVE (widget);
  GsChartHit *hit;
  if (self->chart == NULL || self->background == NULL || keyboard)
    return FALSE;
  /* Worded now, for this point only. */
  hit = gs_payout_chart_hit (self->chart, &self->frame, x, y);
  if (hit == NULL)
    return FALSE;
  {
    g_autofree char *text = g_strdup_printf ("%s\n%s", hit->label, hit->value);
    gtk_tooltip_set_text (tooltip, text);
  }
  gs_chart_hit_free (hit);
  return TRUE;
}

static void
gs_payout_curve_dispose (GObject *object)
{
  GsPayoutCurve *self = GS_PAYOUT_CURVE (object);
  drop_background (self);
  set_chart (self, NULL);
  g_clear_pointer (&self->comp, gs_comp_model_free);
  G_OBJECT_CLASS (gs_payout_curve_parent_class)->dispose (object);
}

static void
gs_payout_curve_finalize (GObject *object)
{
  GsPayoutCurve *self = GS_PAYOUT_CURVE (object);
  g_free (self->role_id);
  g_free (self->currency);
  g_free (self->error);
  G_OBJECT_CLASS (gs_payout_curve_parent_class)->finalize (object);
}

static void
gs_payout_curve_class_init (GsPayoutCurveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_payout_curve_dispose;
  object_class->finalize = gs_payout_curve_finalize;
  widget_class->snapshot = gs_payout_curve_snapshot;
  widget_class->measure = gs_payout_curve_measure;
  gtk_widget_class_set_css_name (widget_class, "gspayoutcurve");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_dark (GsPayoutCurve *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gs_payout_curve_init (GsPayoutCurve *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Payout curve"), GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION,
                                  _ ("chart"), -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
gs_payout_curve_new (void)
{
  return g_object_new (GS_TYPE_PAYOUT_CURVE, NULL);
}

void
gs_payout_curve_set_data (GsPayoutCurve *self, GsPlan *plan, const char *role_id, double attainment,
                          const char *description)
{
  const GsCompModel *comp = plan ? gs_plan_get_comp (plan, NULL) : NULL;
  const GsModel *model = plan ? gs_plan_get_model (plan) : NULL;
  const char *currency = model ? model->company.currency : NULL;
  guint digits = model ? model->company.digits : 0;

  /* The curves are the engine's for this comp model (held, so another
   * cannot take its address) and role: made again only when either, or
   * the money format, changed; the attainment only moves the marker. */
  if (comp != self->comp || g_strcmp0 (role_id, self->role_id) != 0
      || g_strcmp0 (currency, self->currency) != 0 || digits != self->digits)
    {
      g_autoptr (GError) error = NULL;
      GsPayoutChart *chart = NULL;
      g_clear_pointer (&self->comp, gs_comp_model_free);
      self->comp = comp ? gs_comp_model_copy (comp) : NULL;
      g_free (self->role_id);
      self->role_id = g_strdup (role_id);
      g_free (self->currency);
      self->currency = g_strdup (currency);
      self->digits = digits;
      if (model)
        chart = gs_payout_chart_new (model, comp, role_id, &error);
      set_chart (self, chart);
      g_free (self->error);
      self->error = error ? g_strdup (error->message) : NULL;
      self->charts_made++;
    }
  self->attainment = attainment;
  if (description)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gs_payout_curve_get_charts_made (GsPayoutCurve *self)
{
  return self->charts_made;
}

guint
gs_payout_curve_get_backgrounds_drawn (GsPayoutCurve *self)
{
  return self->backgrounds_drawn;
}

guint
gs_payout_curve_get_snapshots (GsPayoutCurve *self)
{
  return self->snapshots;
}

char *
gs_payout_curve_get_tooltip_at (GsPayoutCurve *self, double x, double y)
{
  GsChartHit *hit;
  char *text;
  if (self->chart == NULL || self->background == NULL)
    return NULL;
  hit = gs_payout_chart_hit (self->chart, &self->frame, x, y);
  if (hit == NULL)
    return NULL;
  text = g_strdup_printf ("%s\n%s", hit->label, hit->value);
  gs_chart_hit_free (hit);
  return text;
}

gboolean
gs_payout_curve_get_point (GsPayoutCurve *self, guint index, double *x, double *y)
{
  double sx, sy, sw, sh;
  if (self->chart == NULL || self->background == NULL
      || index >= gs_payout_chart_n_points (self->chart))
    return FALSE;
  gs_payout_chart_point_rect (self->chart, &self->frame, index, &sx, &sy, &sw, &sh);
  *x = sx + sw / 2;
  *y = sy + sh / 2;
  return TRUE;
}
