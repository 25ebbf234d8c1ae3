/* gs-a11y.h — accessible names GTK 4.8 does not pass on.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown or GtkMenuButton is a toggle button inside a container; GTK
 * 4.8 gives the container the label set on it, but screen readers (and
 * AT-SPI tests) land on the inner button, which it names "GtkToggleButton"
 * or "GtkMenuButton".  This labels both.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets widget's accessible label, and its inner button's when widget is a
 * GtkDropDown or GtkMenuButton; description may be NULL. */
void
gs_a11y_set_label (GtkWidget *widget, const char *label, const char *description);

/* gtk_widget_set_tooltip_text, without its cost where it is useless.  GTK
 * 4.8 asks the display where the pointer is after every tooltip set on a
 * visible widget (gtk_tooltip_trigger_tooltip_query: two X round trips),
 * even when the text is the same or the widget is not on screen, so a page
 * that sets tooltips on its rows spent about 10 ms of its start waiting on
 * the X server.  The same text is not set again; a widget not mapped, under
 * no pointer, gets its text without the query. */
void
gs_widget_set_tooltip (GtkWidget *widget, const char *text);

G_END_DECLS
