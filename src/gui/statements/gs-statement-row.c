/* gs-statement-row.c — the rows of the Statements page (gs-statement-row.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-statement-row.h"
#include "gs-a11y.h"
#include "gs-statement-item.h"

#include <glib/gi18n.h>

typedef struct
{
  GsStatementsPage *page;
  GsStatementItem *item;
  GtkWidget *button; /* the Dispute menu button */
  GtkWidget *entry;
  GtkWidget *error;
} NoteForm;

static void
note_form_free (gpointer data)
{
  NoteForm *f = data;
  g_object_unref (f->item);
  g_free (f);
}

static void
on_add_note (GtkWidget *widget, NoteForm *f)
{
  const char *deal;
  GsDisputeLine line;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->entry)));

  gs_statement_item_get_line (f->item, &deal, &line);
  /* The edit rebuilds the page's rows, this one too: the popover is closed
   * first, and opened again only to show a refusal. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (f->button));
  if (gs_statements_page_add_note (f->page, deal, line, text, &error))
    return;
  gtk_menu_button_popup (GTK_MENU_BUTTON (f->button));
  gtk_label_set_text (GTK_LABEL (f->error), error->message);
  gtk_widget_set_visible (f->error, TRUE);
}

/* A refusal stays until the text is changed. */
static void
on_text_changed (GtkEditable *entry, NoteForm *f)
{
  gtk_widget_set_visible (f->error, FALSE);
}

/* The Dispute button: a popover with the note's text and Add Note. */
static GtkWidget *
dispute_button (GsStatementsPage *page, GsStatementItem *item)
{
  NoteForm *f = g_new0 (NoteForm, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_ ("Dispute Note"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_ ("_Add Note"));
  /* Translators: the accessible name of a statement line's dispute button. */
  g_autofree char *name = g_strdup_printf (_ ("Dispute %s"), gs_statement_item_get_title (item));

  f->page = page;
  f->item = g_object_ref (item);
  f->button = gtk_menu_button_new ();
  f->entry = gtk_entry_new ();
  f->error = gtk_label_new (NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (f->button), "mail-message-new-symbolic");
  gtk_widget_set_tooltip_text (f->button, _ ("Add a dispute note to this line"));
  gs_a11y_set_label (f->button, name, NULL);
  gtk_widget_set_valign (f->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (f->button, "flat");
  gtk_widget_add_css_class (heading, "heading");
  gtk_entry_set_placeholder_text (GTK_ENTRY (f->entry), _ ("What is wrong with this line?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Dispute note"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (f->entry), FALSE);
  gtk_widget_set_size_request (f->entry, 320, -1);
  gtk_label_set_wrap (GTK_LABEL (f->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (f->error), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (f->error), 40);
  gtk_widget_add_css_class (f->error, "error");
  gtk_widget_set_visible (f->error, FALSE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), f->entry);
  gtk_box_append (GTK_BOX (box), f->error);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (f->button), popover);
  g_signal_connect (f->entry, "activate", G_CALLBACK (on_add_note), f);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_note), f);
  g_signal_connect (f->entry, "changed", G_CALLBACK (on_text_changed), f);
  g_object_set_data_full (G_OBJECT (f->button), "form", f, note_form_free);
  return f->button;
}

static void
on_resolve (GtkButton *button, GsStatementsPage *page)
{
  GsStatementItem *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean resolved;
  int index = gs_statement_item_get_note (item, &resolved);
  g_autoptr (GError) error = NULL;
  if (!gs_statements_page_resolve_note (page, (guint) index, !resolved, &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
resolve_button (GsStatementsPage *page, GsStatementItem *item, gboolean resolved)
{
  GtkWidget *button = gtk_button_new_with_label (resolved ? _ ("Reopen") : _ ("Resolve"));
  /* Translators: the accessible name of a note's button ("Resolve Deal D2, credit…"). */
  g_autofree char *name = g_strdup_printf (resolved ? _ ("Reopen %s") : _ ("Resolve %s"),
                                           gs_statement_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_resolve), page, 0);
  return button;
}

static void
on_edit_note (GtkButton *button, GsStatementsPage *page)
{
  GsStatementItem *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean resolved;
  gs_statements_page_present_edit (page, (guint) gs_statement_item_get_note (item, &resolved));
}

static void
on_delete_note (GtkButton *button, GsStatementsPage *page)
{
  GsStatementItem *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean resolved;
  gs_statements_page_present_delete (page, (guint) gs_statement_item_get_note (item, &resolved));
}

/* Edit… or Delete… on a note's row; the accessible name names the note. */
static GtkWidget *
note_button (GsStatementsPage *page, GsStatementItem *item, const char *mnemonic, char *name,
             GCallback clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);
  g_autofree char *owned = name;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, owned,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", clicked, page, 0);
  return button;
}

GtkWidget *
gs_statement_row_new (gpointer data, gpointer page)
{
  GsStatementItem *item = data;
  GtkWidget *row = adw_action_row_new ();
  const char *subtitle = gs_statement_item_get_subtitle (item);
  const char *value = gs_statement_item_get_value (item);
  const char *deal;
  GsDisputeLine line;
  gboolean resolved;
  int note = gs_statement_item_get_note (item, &resolved);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gs_statement_item_get_title (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (gs_statement_item_get_depth (item) > 0)
    gtk_widget_set_margin_start (row, 24 * (int) gs_statement_item_get_depth (item));
  if (value)
    {
      GtkWidget *label = gtk_label_new (value);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (gs_statement_item_get_line (item, &deal, &line))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), dispute_button (page, item));
  if (note >= 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolve_button (page, item, resolved));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          note_button (page, item, _ ("_Edit…"),
                       /* Translators: the accessible name of a note's Edit… button. */
                       g_strdup_printf (_ ("Edit %s"), gs_statement_item_get_title (item)),
                       G_CALLBACK (on_edit_note)));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          note_button (page, item, _ ("_Delete…"),
                       /* Translators: the accessible name of a note's Delete… button. */
                       g_strdup_printf (_ ("Delete %s"), gs_statement_item_get_title (item)),
                       G_CALLBACK (on_delete_note)));
    }
  return row;
}
