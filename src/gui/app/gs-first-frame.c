/* gs-first-frame.c — the start-up bench's probe: when the first frame is painted.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bench (bench/run-startup.sh) starts the real application and needs the
 * moment its window has painted, which nothing outside the process can see:
 * the frame clock's "after-paint" is that moment.  The bare GTK peer
 * (bench/peers/gtk-window.c) reports the same way.
 */
#include "gs-first-frame.h"

static void
after_paint (GdkFrameClock *clock, GtkWindow *window)
{
  const char *path = g_getenv ("GOALSHEET_FIRST_FRAME_FILE");
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_autoptr (GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  if (!g_file_set_contents (path, text, -1, &error))
    g_printerr ("%s\n", error->message);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint), widget, 0);
}

void
gs_first_frame_probe (GtkWindow *window)
{
  const char *path = g_getenv ("GOALSHEET_FIRST_FRAME_FILE");
  if (path == NULL || *path == '\0' || g_object_get_data (G_OBJECT (window), "gs-first-frame"))
    return;
  g_object_set_data (G_OBJECT (window), "gs-first-frame", GINT_TO_POINTER (1));
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
