/* gs-payout-curve.c — one role's payout curve with the chosen attainment.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-payout-curve.h"
#include "gs-chart.h"
#include "gs-format.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

/* The engine's payout chart has one hit strip per 1 % of attainment, 0–200 %. */
#define CURVE_STEP 0.01

struct _GsPayoutCurve
{
  GtkWidget parent_instance;
  GtkWidget *area;
  GsPlan *plan; /* the model is read at draw time: it changes with every edit */
  char *role_id;
  double attainment;
  GPtrArray *hits; /* of GsChartHit*, from the last drawing */
};

G_DEFINE_FINAL_TYPE (GsPayoutCurve, gs_payout_curve, GTK_TYPE_WIDGET)

static void
style_for (GsChartStyle *style)
{
  gs_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style->background.a = 0;
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  GsPayoutCurve *self = data;
  GsChartStyle style;
  GsChartData chart = { 0 };
  g_autoptr (GError) error = NULL;
  guint index;

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  if (self->plan == NULL)
    return;
  style_for (&style);
  chart.model = gs_plan_get_model (self->plan);
  chart.role_id = self->role_id;
  chart.comp = gs_plan_get_comp (self->plan, NULL);
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_chart_hit_free);
  if (!gs_chart_draw (GS_CHART_PAYOUT, cr, width, height, &style, &chart, self->hits, &error))
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), error->message);
      pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
      cairo_set_source_rgba (cr, style.muted.r, style.muted.g, style.muted.b, 1);
      cairo_move_to (cr, 12, 12);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      return;
    }
  /* The marker sits on the chart's own strip for the chosen attainment. */
  index = (guint) lround (self->attainment / CURVE_STEP);
  if (index < self->hits->len)
    {
      const GsChartHit *hit = g_ptr_array_index (self->hits, index);
      double x = floor (hit->x + hit->width / 2) + 0.5;
      g_autofree char *text = gs_format_percent (self->attainment);
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
      PangoAttrList *attrs = pango_attr_list_new ();
      int w, h;
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      cairo_set_source_rgba (cr, style.foreground.r, style.foreground.g, style.foreground.b, 0.85);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x, hit->y);
      cairo_line_to (cr, x, hit->y + hit->height);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* Label inside the plot, on the side with room. */
      cairo_move_to (cr, x + w + 8 < width ? x + 4 : x - w - 4, hit->y + hit->height - h - 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  GsPayoutCurve *self)
{
  if (self->hits == NULL || keyboard)
    return FALSE;
  for (guint i = 0; i < self->hits->len; i++)
    {
      const GsChartHit *hit = g_ptr_array_index (self->hits, i);
      if (x >= hit->x && x < hit->x + hit->width && y >= hit->y && y < hit->y + hit->height)
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", hit->label, hit->value);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  return FALSE;
}

static void
gs_payout_curve_dispose (GObject *object)
{
  GsPayoutCurve *self = GS_PAYOUT_CURVE (object);
  g_clear_pointer (&self->area, gtk_widget_unparent);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_payout_curve_parent_class)->dispose (object);
}

static void
gs_payout_curve_finalize (GObject *object)
{
  g_free (GS_PAYOUT_CURVE (object)->role_id);
  G_OBJECT_CLASS (gs_payout_curve_parent_class)->finalize (object);
}

static void
gs_payout_curve_class_init (GsPayoutCurveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_payout_curve_dispose;
  object_class->finalize = gs_payout_curve_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gspayoutcurve");
}

static void
gs_payout_curve_init (GsPayoutCurve *self)
{
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 300, 260);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Payout curve"), GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION,
                                  _ ("chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
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
  g_set_object (&self->plan, plan);
  g_free (self->role_id);
  self->role_id = g_strdup (role_id);
  self->attainment = attainment;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
  gtk_widget_queue_draw (self->area);
}
