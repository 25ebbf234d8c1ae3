/* gs-row-subtitle.c — a row's subtitle that changes without a relayout.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwActionRow shows its subtitle in a wrapping GtkLabel, and a label
 * given another text asks for a new layout of every widget above it up to
 * the window: on the Compensation page each OTE edit changed six of them
 * (each component's target incentive, the pay mix, the caps), and the window
 * was measured again for every edit (~4–5 ms of the main thread, more than
 * a quarter of an edit).  A subtitle that follows edits is shown instead by
 * a GtkInscription in the row's title box, under the title where the label
 * was, with the label's style class: its natural width is its text's
 * characters (as gs-figure-text.c's figures), so a new text of the same
 * length is drawn, not laid out.  Its minimum width is GTK's three
 * characters, as the wrapping label's was next to nothing, so the row asks
 * for no more room than before (where the payout panel folds away stays
 * where it was); narrower than its text it ends in "…" on one line where
 * the label wrapped.  The row's own subtitle stays empty and the row is
 * described by the inscription (named after its text), as it was by the
 * label.  If the row is not built as libadwaita 1.2 builds it (a header box
 * holding a "title" box), the row's own subtitle is set.
 */
#include "gs-row-subtitle.h"

#define KEY "gs-row-subtitle"

/* The vertical box of the title and subtitle labels, NULL if not found. */
static GtkWidget *
title_box (AdwActionRow *row)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  if (!GTK_IS_BOX (header))
    return NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (header); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BOX (c) && gtk_widget_has_css_class (c, "title")
        && gtk_orientable_get_orientation (GTK_ORIENTABLE (c)) == GTK_ORIENTATION_VERTICAL)
      return c;
  return NULL;
}

static GtkWidget *
make (AdwActionRow *row)
{
  GtkWidget *box = title_box (row);
  GtkWidget *text;
  if (box == NULL)
    return NULL;
  text = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (text, "subtitle");
  gtk_widget_set_visible (text, FALSE);
  gtk_box_append (GTK_BOX (box), text);
  adw_action_row_set_subtitle (row, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, text,
                                  NULL, -1);
  g_object_set_data (G_OBJECT (row), KEY, text);
  return text;
}

/* TRUE when the text changed. */
gboolean
gs_row_subtitle_set (AdwActionRow *row, const char *text)
{
  GtkWidget *shown = g_object_get_data (G_OBJECT (row), KEY);
  gboolean some = text && *text;
  guint chars = text ? (guint) g_utf8_strlen (text, -1) : 0;
  if (shown == NULL && (shown = make (row)) == NULL)
    {
      gboolean changed = g_strcmp0 (adw_action_row_get_subtitle (row), text) != 0;
      adw_action_row_set_subtitle (row, text);
      return changed;
    }
  if (gtk_widget_get_visible (shown) != some)
    gtk_widget_set_visible (shown, some);
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), text) == 0)
    return FALSE;
  /* As wide as the text's characters when there is room (a digit is the
   * widest character of a figure, and GTK counts the wider of a digit and an
   * average character), so a text of the same length keeps the layout. */
  if (gtk_inscription_get_nat_chars (GTK_INSCRIPTION (shown)) != chars)
    gtk_inscription_set_nat_chars (GTK_INSCRIPTION (shown), chars);
  gtk_inscription_set_text (GTK_INSCRIPTION (shown), text);
  /* What the row's description says (GTK 4.8's inscription does not name
   * itself after its text, as a label does). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text ? text : "", -1);
  return TRUE;
}

const char *
gs_row_subtitle_get (AdwActionRow *row)
{
  GtkWidget *shown = g_object_get_data (G_OBJECT (row), KEY);
  return shown ? gtk_inscription_get_text (GTK_INSCRIPTION (shown))
               : adw_action_row_get_subtitle (row);
}
