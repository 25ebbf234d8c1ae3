/* gs-figure.h — one derived figure that explains itself.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain text (derived numbers are not inputs) in a flat button; clicking it
 * opens a popover with the engine's derivation and a "Go to input" link
 * that activates win.goto-input with the driving input's path.  In meeting
 * mode a coloured delta against the baseline sits beside the value.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GS_TYPE_FIGURE (gs_figure_get_type ())
G_DECLARE_FINAL_TYPE (GsFigure, gs_figure, GS, FIGURE, GtkWidget)

GtkWidget *
gs_figure_new (void);
void
gs_figure_set (GsFigure *self, const char *text, const char *why, const char *input_path,
               const char *name);
void
gs_figure_set_delta (GsFigure *self, const char *delta, const char *css_class);
const char *
gs_figure_get_text (GsFigure *self);
const char *
gs_figure_get_delta (GsFigure *self);
/* The delta's style class ("success", "error") or NULL when plain. */
const char *
gs_figure_get_delta_class (GsFigure *self);
const char *
gs_figure_get_why (GsFigure *self);
void
gs_figure_popup (GsFigure *self);
/* A figure that is a sentence (a lever) wraps at words instead of widening
 * the page past a narrow window. */
void
gs_figure_set_wrap (GsFigure *self, gboolean wrap);

G_END_DECLS
