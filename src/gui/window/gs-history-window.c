/* gs-history-window.c — the plan's change log, newest first.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each save that changed an input is a row (when, who, how many changes)
 * that opens to the changes in words, named as on the goal sheets.  The
 * rows are a GListModel of the entries; the engine reads and words them.
 */
#include "gs-history-window.h"
#include "gs-explain-input.h"
#include "gs-format.h"
#include "gs-history.h"

#include <glib/gi18n.h>

struct _GsHistoryWindow
{
  AdwWindow parent_instance;
  GsPlan *plan;
  GPtrArray *entries;  /* GsHistoryEntry*, oldest first */
  GtkStringList *rows; /* one item per entry, newest first; its entry in qdata */
};

G_DEFINE_FINAL_TYPE (GsHistoryWindow, gs_history_window, ADW_TYPE_WINDOW)

static GQuark entry_quark;

static void
gs_history_window_dispose (GObject *object)
{
  GsHistoryWindow *self = GS_HISTORY_WINDOW (object);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_history_window_parent_class)->dispose (object);
}

static void
gs_history_window_class_init (GsHistoryWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_history_window_dispose;
  entry_quark = g_quark_from_static_string ("gs-history-entry");
}

static void
gs_history_window_init (GsHistoryWindow *self)
{
}

static GtkWidget *
entry_row (gpointer item, gpointer data)
{
  GsHistoryWindow *self = data;
  const GsHistoryEntry *entry = g_object_get_qdata (item, entry_quark);
  const GsModel *model = gs_plan_get_model (self->plan);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *count = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_string_object_get_string (item));
  count = g_strdup_printf (
      g_dngettext (NULL, "%u change", "%u changes", entry->changes->len + entry->more),
      entry->changes->len + entry->more);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const GsInputChange *c = g_ptr_array_index (entry->changes, i);
      /* Inputs are named as the plan has them now. */
      g_autofree char *text = gs_explain_input_change (model, model, c->path, c->from, c->to);
      GtkWidget *change = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (change), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (change), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change);
    }
  if (entry->more > 0)
    {
      g_autofree char *more = g_strdup_printf (
          g_dngettext (NULL, "and %u more change", "and %u more changes", entry->more),
          entry->more);
      GtkWidget *change = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change), more);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change);
    }
  return row;
}

/* "Dec 2, 2026, 09:30 — Dana Whitfield" in the user's time zone. */
static char *
entry_title (const GsHistoryEntry *entry)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->when);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  GDate day;
  g_autofree char *date = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  date = gs_format_date (&day);
  /* Translators: %1$s a date, %2$s a time, %3$s who saved. */
  return g_strdup_printf (_ ("%1$s, %2$s — %3$s"), date, time,
                          *entry->who ? entry->who : _ ("someone"));
}

GtkWidget *
gs_history_window_new (GtkWindow *parent, GsPlan *plan)
{
  GsHistoryWindow *self
      = g_object_new (GS_TYPE_HISTORY_WINDOW, "transient-for", parent, "modal", TRUE, "title",
                      _ ("Change History"), "default-width", 640, "default-height", 560, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content;

  self->plan = g_object_ref (plan);
  self->entries = gs_history_read (gs_plan_get_root (plan), &error);
  gtk_box_append (GTK_BOX (box), header);
  if (self->entries == NULL || self->entries->len == 0)
    {
      content = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (content), "document-open-recent-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (content),
                                 self->entries == NULL ? _ ("The Change History Cannot Be Read")
                                                       : _ ("No Changes Recorded Yet"));
      adw_status_page_set_description (
          ADW_STATUS_PAGE (content),
          self->entries == NULL
              ? error->message
              : _ ("Each save that changes an input records who changed it, when, and from what "
                   "to what, in the plan file itself."));
      gtk_widget_set_vexpand (content, TRUE);
    }
  else
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *clamp = adw_clamp_new ();
      content = gtk_scrolled_window_new ();
      self->rows = gtk_string_list_new (NULL);
      for (guint i = self->entries->len; i-- > 0;)
        {
          GsHistoryEntry *entry = g_ptr_array_index (self->entries, i);
          g_autofree char *title = entry_title (entry);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
          g_autoptr (GObject) item = NULL;
          gtk_string_list_append (self->rows, title);
          item = g_list_model_get_item (G_LIST_MODEL (self->rows), n);
          g_object_set_qdata (item, entry_quark, entry);
        }
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->rows), entry_row, self,
                               NULL);
      gtk_widget_set_margin_top (list, 18);
      gtk_widget_set_margin_bottom (list, 18);
      gtk_widget_set_margin_start (list, 12);
      gtk_widget_set_margin_end (list, 12);
      adw_clamp_set_child (ADW_CLAMP (clamp), list);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (content), clamp);
      gtk_widget_set_vexpand (content, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Change history, newest first"), -1);
    }
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  return GTK_WIDGET (self);
}
