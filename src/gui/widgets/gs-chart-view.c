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
  char *stale_note; /* non-NULL: the figures are from before an edit */
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

/* A line of text centred across the area, in colour. */
static void
show_centred (GtkWidget *area, cairo_t *cr, int width, int height, const char *text,
              const GsRgba *colour)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (area, text);
  int w, h;
  pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 1);
  cairo_move_to (cr, 12, (height - h) / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
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
  if (self->stale_note)
    cairo_push_group (cr);
  /* e.g. the fan chart before a simulation ran: say so in the area. */
  if (!gs_chart_draw (self->kind, cr, width, height, &style, &self->data, NULL, &error))
    show_centred (GTK_WIDGET (area), cr, width, height, error->message, &style.muted);
  if (self->stale_note)
    {
      /* The old picture, faded, and what it is in words over it. */
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.35);
      show_centred (GTK_WIDGET (area), cr, width, height, self->stale_note, &style.foreground);
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
  g_clear_pointer (&self->stale_note, g_free);
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

void
gs_chart_view_set_stale (GsChartView *self, const char *note)
{
  g_return_if_fail (GS_IS_CHART_VIEW (self));
  if (g_strcmp0 (self->stale_note, note) == 0)
    return;
  g_free (self->stale_note);
  self->stale_note = g_strdup (note);
  /* Screen readers hear the chart's name and that it is out of date. */
  if (note)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->area),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (self->area);
}

const char *
gs_chart_view_get_stale (GsChartView *self)
{
  g_return_val_if_fail (GS_IS_CHART_VIEW (self), NULL);
  return self->stale_note;
}

void
gs_chart_view_set_refan (GsChartView *self, const GsRefan *refan)
{
  g_return_if_fail (GS_IS_CHART_VIEW (self));
  self->data.refan = refan;
  gtk_widget_queue_draw (self->area);
}
