/* gs-funnel-source-row.c — a row of the Funnel page's planned volumes: one
 * source, one field per month.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per source and kept through edits (see gs-funnel-stage-row.c):
 * a source moving or renamed updates its fields' paths and titles in place.
 */
#include "gs-funnel-source-row.h"
#include "gs-field.h"

#include <glib/gi18n.h>

struct _GsFunnelSourceRow
{
  GtkListBoxRow parent_instance;
  GsPlan *plan;
  GsFunnelSource *source;
  char **months;
  GPtrArray *columns; /* GtkSizeGroup: name, then one per month */
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *none;   /* "no volume planned" */
  GPtrArray *fields; /* GsField per month while the source has planned volume */
  gboolean planned;
};

G_DEFINE_FINAL_TYPE (GsFunnelSourceRow, gs_funnel_source_row, GTK_TYPE_LIST_BOX_ROW)

static void
build (GsFunnelSourceRow *self)
{
  self->planned = gs_funnel_source_get_planned (self->source);
  for (guint i = 0; i < self->fields->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->fields, i));
  g_ptr_array_set_size (self->fields, 0);
  gtk_widget_set_visible (self->none, !self->planned);
  if (!self->planned)
    return;
  for (guint mo = 0; self->months[mo]; mo++)
    {
      GtkWidget *field = gs_field_new (self->plan, "", GS_FIELD_KIND_NUMBER, NULL, NULL);
      gs_field_set_width (GS_FIELD (field), 5);
      gtk_size_group_add_widget (g_ptr_array_index (self->columns, mo + 1), field);
      gtk_box_append (GTK_BOX (self->box), field);
      g_ptr_array_add (self->fields, field);
    }
}

static void
update (GsFunnelSourceRow *self)
{
  GsFunnelSource *src = self->source;
  guint i = gs_funnel_source_get_position (src);
  const char *name = gs_funnel_source_get_name (src);
  g_autofree char *text = g_strdup_printf ("%s (%s)", name, gs_funnel_source_get_entry_name (src));

  if (self->planned != gs_funnel_source_get_planned (src))
    build (self);
  gtk_label_set_text (GTK_LABEL (self->name), text);
  for (guint mo = 0; mo < self->fields->len; mo++)
    {
      g_autofree char *path = g_strdup_printf ("sources[%u].planned_volume[%u]", i, mo);
      g_autofree char *title
          = g_strdup_printf (_ ("%s: volume planned in %s"), name, self->months[mo]);
      gs_field_set_path (g_ptr_array_index (self->fields, mo), path);
      gs_field_set_label (g_ptr_array_index (self->fields, mo), title);
    }
}

static void
gs_funnel_source_row_dispose (GObject *object)
{
  GsFunnelSourceRow *self = GS_FUNNEL_SOURCE_ROW (object);
  g_clear_object (&self->source);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_funnel_source_row_parent_class)->dispose (object);
}

static void
gs_funnel_source_row_finalize (GObject *object)
{
  g_strfreev (GS_FUNNEL_SOURCE_ROW (object)->months);
  G_OBJECT_CLASS (gs_funnel_source_row_parent_class)->finalize (object);
}

static void
gs_funnel_source_row_class_init (GsFunnelSourceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_funnel_source_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_funnel_source_row_finalize;
}

static void
gs_funnel_source_row_init (GsFunnelSourceRow *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  self->fields = g_ptr_array_new ();
}

GtkWidget *
gs_funnel_source_row_new (GsPlan *plan, GsFunnelSource *source, const char *const *months,
                          GPtrArray *columns)
{
  GsFunnelSourceRow *self = g_object_new (GS_TYPE_FUNNEL_SOURCE_ROW, NULL);

  self->plan = g_object_ref (plan);
  self->source = g_object_ref (source);
  self->months = g_strdupv ((char **) months);
  self->columns = g_ptr_array_ref (columns);
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_margin_start (self->box, 8);
  gtk_widget_set_margin_end (self->box, 8);
  gtk_widget_set_margin_top (self->box, 4);
  gtk_widget_set_margin_bottom (self->box, 4);
  self->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_size_group_add_widget (g_ptr_array_index (columns, 0), self->name);
  gtk_box_append (GTK_BOX (self->box), self->name);
  self->none = gtk_label_new (_ ("no volume planned"));
  gtk_widget_add_css_class (self->none, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->none), 0);
  gtk_box_append (GTK_BOX (self->box), self->none);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
  build (self);
  update (self);
  g_signal_connect_object (source, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
