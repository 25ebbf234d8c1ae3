/* gtk-window.c — the start-up bench's floor: a bare libadwaita window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What any GTK 4 application pays to reach its first painted frame on this
 * machine: an AdwApplication, a window with a header bar and a label.  It
 * reports the end of its first paint the way Goalsheet's probe does
 * (src/gui/app/gs-first-frame.c): the monotonic clock into
 * $GOALSHEET_FIRST_FRAME_FILE, then quits.
 */
#include <adwaita.h>

static void
after_paint (GdkFrameClock *clock, GApplication *app)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint, app);
  g_file_set_contents (g_getenv ("GOALSHEET_FIRST_FRAME_FILE"), text, -1, NULL);
  g_application_quit (app);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Goal sheet"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                    app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app
      = adw_application_new ("org.goalsheet.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
