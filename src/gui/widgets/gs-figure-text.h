/* gs-figure-text.h — a figure whose text changes without a relayout.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *
gs_figure_text_new (const char *text);
gboolean
gs_figure_text_set (GtkWidget *figure, const char *text);
const char *
gs_figure_text_get (GtkWidget *figure);

G_END_DECLS
