/* gs-recovery-offer.c — the restore dialog at start.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-recovery-offer.h"
#include "gs-welcome-window.h"
#include "gs-recovery.h"
#include "gs-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define ENTRIES_KEY "gs-recovery-entries"
#define DIALOG_KEY "gs-recovery-dialog"
#define PARENT_KEY "gs-recovery-parent"

static void
forget (const char *key, GtkWidget *widget)
{
  GApplication *app = g_application_get_default ();
  if (app && g_object_get_data (G_OBJECT (app), key) == widget)
    g_object_set_data (G_OBJECT (app), key, NULL);
}

static void
finish (GtkApplication *app)
{
  GtkWindow *dialog = g_object_get_data (G_OBJECT (app), DIALOG_KEY);
  g_action_map_remove_action (G_ACTION_MAP (app), "recovery-restore");
  g_action_map_remove_action (G_ACTION_MAP (app), "recovery-discard");
  g_object_set_data (G_OBJECT (app), ENTRIES_KEY, NULL);
  g_object_set_data (G_OBJECT (app), PARENT_KEY, NULL);
  g_object_set_data (G_OBJECT (app), DIALOG_KEY, NULL);
  if (dialog)
    gtk_window_destroy (dialog);
}

static void
action_restore (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  GPtrArray *entries = g_object_get_data (G_OBJECT (app), ENTRIES_KEY);
  GtkWindow *parent = g_object_get_data (G_OBJECT (app), PARENT_KEY);
  GtkWindow *last = NULL;

  for (guint i = 0; entries && i < entries->len; i++)
    {
      GsRecoveryEntry *e = g_ptr_array_index (entries, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPlan) plan = NULL;
      g_autoptr (GsRecovery) recovery = gs_recovery_adopt (e, &plan, &error);
      g_autoptr (GFile) file = NULL;
      GsWindow *window;

      if (recovery == NULL)
        {
          gs_window_report_error (parent, _ ("Could Not Restore a Plan"), error->message);
          continue;
        }
      file = e->document_path ? g_file_new_for_path (e->document_path) : NULL;
      window = gs_window_new (app, plan, file);
      gs_window_set_recovery (window, recovery);
      gtk_window_present (GTK_WINDOW (window));
      last = GTK_WINDOW (window);
    }
  /* Close the dialog before its parent (it would go with it). */
  finish (app);
  /* The empty window the app opened at start is not needed any more. */
  if (last && parent
      && ((GS_IS_WINDOW (parent) && gs_window_is_pristine (GS_WINDOW (parent)))
          || GS_IS_WELCOME_WINDOW (parent)))
    gtk_window_destroy (parent);
}

static void
action_discard (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  GPtrArray *entries = g_object_get_data (G_OBJECT (app), ENTRIES_KEY);
  for (guint i = 0; entries && i < entries->len; i++)
    gs_recovery_entry_remove (g_ptr_array_index (entries, i), NULL);
  finish (app);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, GtkApplication *app)
{
  /* Destroyed by itself after the response. */
  g_object_set_data (G_OBJECT (app), DIALOG_KEY, NULL);
  if (g_strcmp0 (response, "restore") == 0 || g_strcmp0 (response, "discard") == 0)
    {
      g_autofree char *name = g_strconcat ("recovery-", response, NULL);
      g_action_group_activate_action (G_ACTION_GROUP (app), name, NULL);
    }
  else
    finish (app); /* dismissed: the files wait for the next start */
}

static char *
describe (GPtrArray *entries)
{
  GString *body = g_string_new (
      ngettext ("Goalsheet stopped while this plan had unsaved changes:",
                "Goalsheet stopped while these plans had unsaved changes:", entries->len));
  for (guint i = 0; i < entries->len; i++)
    {
      GsRecoveryEntry *e = g_ptr_array_index (entries, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (e->written_at);
      g_autofree char *when = g_date_time_format (local, "%x %X");
      g_autofree char *where = e->document_path ? g_path_get_basename (e->document_path)
                                                : g_strdup (_ ("never saved"));
      g_string_append_printf (body, "\n• %s (%s), %s", *e->title ? e->title : _ ("Untitled plan"),
                              where, when);
    }
  return g_string_free (body, FALSE);
}

void
gs_recovery_offer (GtkApplication *app, GtkWindow *parent)
{
  static const GActionEntry actions[] = {
    { "recovery-restore", action_restore },
    { "recovery-discard", action_discard },
  };
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_object_get_data (G_OBJECT (app), "gs-recovery-offered"))
    return;
  g_object_set_data (G_OBJECT (app), "gs-recovery-offered", GINT_TO_POINTER (1));
  entries = gs_recovery_list ();
  if (entries->len == 0)
    return;
  g_debug ("offering to restore %u plan(s)", entries->len);
  body = describe (entries);
  dialog = adw_message_dialog_new (
      parent, ngettext ("Restore Unsaved Changes?", "Restore Unsaved Changes?", entries->len),
      body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _ ("_Discard"),
                                    "restore", _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  g_object_set_data_full (G_OBJECT (app), ENTRIES_KEY, g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (app), PARENT_KEY, parent);
  g_object_set_data (G_OBJECT (app), DIALOG_KEY, dialog);
  /* Either may go first (closed by the user): forget them when they do. */
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (forget), (gpointer) DIALOG_KEY);
  if (parent)
    g_signal_connect_swapped (parent, "destroy", G_CALLBACK (forget), (gpointer) PARENT_KEY);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), app);
  gtk_window_present (GTK_WINDOW (dialog));
}

int
gs_recovery_print_list (void)
{
  g_autoptr (GPtrArray) entries = gs_recovery_list ();
  for (guint i = 0; i < entries->len; i++)
    {
      GsRecoveryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = g_date_time_format_iso8601 (e->written_at);
      g_print ("%s\t%s\t%s\t%s\n", e->id, e->title, e->document_path ? e->document_path : "-",
               when);
    }
  return 0;
}
