/* gs-input-group.c — the Targets page's assumption groups.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-input-group.h"
#include "gs-a11y.h"

#define KEY "gs-input-group-key"

GtkWidget *
gs_input_group_new (const char *title, GtkWidget **grid)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "input-group");
  *grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (*grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (*grid), 8);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), *grid);
  /* Wraps within the group's width: a long refusal never widens the window. */
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 30);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), message);
  g_object_set_data (G_OBJECT (box), "gs-input-group-message", message);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  return box;
}

GtkWidget *
gs_input_group_add_field (GsPlan *plan, GtkWidget *grid, int row, const char *title,
                          const char *path, GsFieldKind kind, const char *unit)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *field = gs_field_new (plan, path, kind, unit, title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 8);
  /* Short texts here ("2027-02"): a wide entry would make every group a row. */
  if (kind == GS_FIELD_KIND_TEXT)
    gs_field_set_width (GS_FIELD (field), 9);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  gs_input_group_set_key (field, title);
  return field;
}

GtkWidget *
gs_input_group_add_button (GtkWidget *grid, int row, int column, const char *label,
                           const char *accessible, GCallback clicked, gpointer data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gs_widget_set_tooltip (button, accessible);
  g_signal_connect (button, "clicked", clicked, data);
  gs_input_group_set_key (button, accessible);
  gtk_grid_attach (GTK_GRID (grid), button, column, row, 1, 1);
  return button;
}

void
gs_input_group_show_error (GtkWidget *inside, const GError *error)
{
  GtkWidget *group = inside;
  GtkWidget *message = NULL;
  while (group && !(message = g_object_get_data (G_OBJECT (group), "gs-input-group-message")))
    group = gtk_widget_get_parent (group);
  if (message == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (message), error ? error->message : "");
  gtk_widget_set_visible (message, error != NULL);
}

void
gs_input_group_set_key (GtkWidget *widget, const char *key)
{
  g_object_set_data_full (G_OBJECT (widget), KEY, g_strdup (key), g_free);
}

char *
gs_input_group_focus_key (GtkWidget *container)
{
  GtkRoot *root = gtk_widget_get_root (container);
  GtkWidget *w = root ? gtk_root_get_focus (root) : NULL;
  if (w == NULL || !gtk_widget_is_ancestor (w, container))
    return NULL;
  for (; w && w != container; w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), KEY))
      return g_strdup (g_object_get_data (G_OBJECT (w), KEY));
  return NULL;
}

static GtkWidget *
find_key (GtkWidget *widget, const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), KEY), key) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_key (c, key);
      if (found)
        return found;
    }
  return NULL;
}

void
gs_input_group_refocus (GtkWidget *container, const char *key)
{
  GtkWidget *found = key ? find_key (container, key) : NULL;
  if (found)
    gtk_widget_grab_focus (found);
}
