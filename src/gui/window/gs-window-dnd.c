/* gs-window-dnd.c — .goalsheet files dropped on a window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first file goes into this window while it holds an untouched new
 * plan; every other one opens in a window of its own, like File ▸ Open.
 */
#include "config.h"

#include "gs-window-private.h"

#include <glib/gi18n.h>

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GsWindow *self)
{
  GSList *files;
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    {
      GFile *file = l->data;
      g_autoptr (GError) error = NULL;
      GsWindow *target_window = self;
      if (!gs_window_is_pristine (self) || l != files)
        {
          target_window = g_object_new (GS_TYPE_WINDOW, "application",
                                        gtk_window_get_application (GTK_WINDOW (self)), NULL);
        }
      if (!gs_window_load (target_window, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
          gs_window_report_error (GTK_WINDOW (self), heading, error->message);
          if (target_window != self)
            gtk_window_destroy (GTK_WINDOW (target_window));
          continue;
        }
      gtk_window_present (GTK_WINDOW (target_window));
    }
  return TRUE;
}

void
_gs_window_dnd_init (GsWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
