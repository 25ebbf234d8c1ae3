/* gs-chart-view.c — one engine chart (gs_chart_draw) in a drawing area.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _GsChartView
{
  GtkWidget parent_instance;
  GtkWidget *area;
  GsChartKind kind;
  GsChartData data; /* borrowed: the window sets it again after every edit */
  char *role_id;
};

G_DEFINE_FINAL_TYPE (GsChartView, gs_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static void
style_for (GsChartView *self, GsChartStyle *style)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gs_chart_style_init (style, dark);
  style->background.a = 0; /* the card behind shows through */
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  GsChartView *self = data;
  GsChartStyle style;
  g_autoptr (GError) error = NULL;

  if (self->data.model == NULL || self->data.result == NULL)
    return;
  style_for (self, &style);
  if (!gs_chart_draw (self->kind, cr, width, height, &style, &self->data, NULL, &error))
    {
      /* e.g. the fan chart before a simulation ran: say so in the area. */
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), error->message);
      int w, h;
      pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, style.muted.r, style.muted.g, style.muted.b, 1);
      cairo_move_to (cr, 12, (height - h) / 2.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  GsChartView *self)
{
  GsChartStyle style;
  GsChartHit *hit;
  g_autofree char *text = NULL;

  if (self->data.model == NULL || keyboard)
    return FALSE;
  style_for (self, &style);
  hit = gs_chart_hit_test (self->kind, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), &style, &self->data, x, y);
  if (hit == NULL)
    return FALSE;
  text = g_strdup_printf ("%s: %s", hit->label, hit->value);
  gtk_tooltip_set_text (tooltip, text);
  gs_chart_hit_free (hit);
  return TRUE;
}

static void
gs_chart_view_dispose (GObject *object)
{
  GsChartView *self = GS_CHART_VIEW (object);
  g_clear_pointer (&self->area, gtk_widget_unparent);
  g_clear_pointer (&self->role_id, g_free);
  G_OBJECT_CLASS (gs_chart_view_parent_class)->dispose (object);
}

static void
gs_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GsChartView *self = GS_CHART_VIEW (object);
  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gs_chart_kind_title (self->kind), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_chart_view_class_init (GsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_chart_view_dispose;
  object_class->set_property = gs_chart_view_set_property;
  g_object_class_install_property (
      object_class, PROP_KIND,
      g_param_spec_int ("kind", NULL, NULL, 0, GS_N_CHARTS - 1, 0,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gschartview");
}

static void
gs_chart_view_init (GsChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 280, 220);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION, _ ("chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
}

GtkWidget *
gs_chart_view_new (GsChartKind kind)
{
  return g_object_new (GS_TYPE_CHART_VIEW, "kind", kind, NULL);
}

void
gs_chart_view_set_data (GsChartView *self, const GsModel *model, const GsResult *result,
                        const GsSimResult *sim)
{
  self->data.model = model;
  self->data.result = result;
  self->data.sim = sim;
  gtk_widget_queue_draw (self->area);
}

/* The payout chart shows one role's curve (NULL: every role). */
void
gs_chart_view_set_role (GsChartView *self, const char *role_id)
{
  if (g_strcmp0 (self->role_id, role_id) == 0)
    return;
  g_free (self->role_id);
  self->role_id = g_strdup (role_id);
  self->data.role_id = self->role_id;
  gtk_widget_queue_draw (self->area);
}
