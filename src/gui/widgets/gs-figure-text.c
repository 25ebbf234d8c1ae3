/* gs-figure-text.c — a figure whose text changes without a relayout.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A right-aligned numeric figure of a grid (a payout, a total) is a
 * GtkInscription, not a GtkLabel: a label given another text asks for a new
 * layout of every widget above it up to the window (on the Compensation
 * page, the whole page at each edit and again when the worker's figures
 * arrive), an inscription only for a new drawing.  Its width is asked in
 * characters, as many as the text has (a digit is the widest character of
 * a figure, and GTK counts the wider of a digit and an average character),
 * so it changes, with a relayout, only when the text's length does.
 */
#include "gs-figure-text.h"

static void
fit (GtkInscription *figure, const char *text)
{
  guint chars = text ? (guint) g_utf8_strlen (text, -1) : 0;
  if (gtk_inscription_get_min_chars (figure) == chars)
    return;
  gtk_inscription_set_nat_chars (figure, chars);
  gtk_inscription_set_min_chars (figure, chars);
}

GtkWidget *
gs_figure_text_new (const char *text)
{
  GtkWidget *figure = gtk_inscription_new (text);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (figure), 1);
  gtk_widget_add_css_class (figure, "numeric");
  fit (GTK_INSCRIPTION (figure), text);
  return figure;
}

/* TRUE when the text changed (and the figure is drawn again). */
gboolean
gs_figure_text_set (GtkWidget *figure, const char *text)
{
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (figure)), text) == 0)
    return FALSE;
  fit (GTK_INSCRIPTION (figure), text);
  gtk_inscription_set_text (GTK_INSCRIPTION (figure), text);
  return TRUE;
}

const char *
gs_figure_text_get (GtkWidget *figure)
{
  return gtk_inscription_get_text (GTK_INSCRIPTION (figure));
}
