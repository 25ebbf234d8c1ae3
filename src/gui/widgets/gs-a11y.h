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

G_END_DECLS
