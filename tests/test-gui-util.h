/* test-gui-util.h — what the C widget tests share: finding things in a
 * widget tree (a button, a label) and the message dialog a click opened.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

/* A button under widget whose label is label or whose icon is icon (the
 * n-th such; either may be NULL), or NULL. */
/* The first widget under widget (widget included, depth first) that
 * match accepts. */
static inline GtkWidget *
find_widget (GtkWidget *widget, gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
find_button_with (GtkWidget *widget, const char *label, const char *icon, guint *n)
{
  if (GTK_IS_BUTTON (widget)
      && ((label && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
          || (icon && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0))
      && (*n)-- == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_with (c, label, icon, n);
      if (found)
        return found;
    }
  return NULL;
}

/* A button whose label is text under widget (the n-th such), or NULL. */
static inline GtkWidget *
find_button (GtkWidget *widget, const char *text, guint *n)
{
  return find_button_with (widget, text, NULL, n);
}

/* The first widget of type under widget (itself included), or NULL. */
static inline GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* A label whose text is text under widget (the n-th such), or NULL. */
static inline GtkWidget *
find_label (GtkWidget *widget, const char *text, guint *n)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && (*n)-- == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text, n);
      if (found)
        return found;
    }
  return NULL;
}

/* The message dialog now open (the newest toplevel that is one). */
static inline AdwMessageDialog *
open_message_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels (); /* transfer none */
  for (guint i = g_list_model_get_n_items (tops); i-- > 0;)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}
