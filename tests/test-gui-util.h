/* test-gui-util.h — what the C widget tests share: finding things in a
 * widget tree (a button, a label), the message dialog a click opened, and
 * counting the measures of a widget (a new layout asked for below it).
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

/* A custom layout (gtk_custom_layout_new (NULL, count_measure, fill_child))
 * for a widget with one child: it counts in its "measures" data (a guint *)
 * how often it is measured, i.e. how often a widget under it asked for a new
 * layout up to the window. */
static inline void
count_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
               int *natural, int *minimum_baseline, int *natural_baseline)
{
  guint *measures = g_object_get_data (G_OBJECT (widget), "measures");
  GtkWidget *child = gtk_widget_get_first_child (widget);
  (*measures)++;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static inline void
fill_child (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static inline void
on_painted_flag (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until widget's window has painted a frame. */
static inline void
wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_flag), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}
