/* gs-window-files.c — the window's plan on disk: open, save, save as, the
 * recent plans menu, and closing with unsaved changes.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The file chooser records every file picked, including ones that then
 * failed to open; only files in this group (added after a successful open
 * or save) are offered under Open Recent. */
#define RECENT_GROUP "goalsheet-opened"

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  const char *groups[] = { RECENT_GROUP, NULL };
  GtkRecentData data = { 0 };
  data.groups = (char **) groups;
  data.mime_type = (char *) "application/x-goalsheet";
  data.app_name = (char *) "Goalsheet";
  data.app_exec = (char *) "goalsheet %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

gboolean
gs_window_load (GsWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GsPlan) plan = NULL;
  GsFileStamp stamp;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("Only local files can be opened"));
      return FALSE;
    }
  /* Stamped before reading, so a change in between is seen as a change.
   * The stamp refuses a FIFO, device or folder without reading from it: a
   * read from a FIFO would block the window. */
  if (!gs_file_stamp_read (path, &stamp, error))
    return FALSE;
  if (!stamp.exists)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("%s: no such file"), name);
      return FALSE;
    }
  plan = gs_plan_new_from_file (path, error);
  if (plan == NULL)
    return FALSE;
  /* A plan whose figures cannot be computed (existing bookings over the
   * target, an overflow) is refused like the CLI refuses it: every edit would
   * be refused too, so the window would be a dead end. */
  if (gs_plan_get_result (plan, error) == NULL)
    return FALSE;
  _gs_window_set_plan (self, plan, file);
  _gs_window_watch_file (self, &stamp);
  add_recent (file);
  return TRUE;
}

gboolean
gs_window_save_to (GsWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  if (path == NULL || !gs_plan_save_to_file (self->plan, path, error))
    return FALSE;
  g_set_object (&self->file, file);
  text = gs_plan_to_text (self->plan);
  _gs_window_watch_file (self, NULL);
  gs_file_stamp_expect (&self->disk, text, strlen (text));
  if (self->recovery)
    gs_recovery_set_document_path (self->recovery, path);
  add_recent (file);
  _gs_window_update_title (self);
  return TRUE;
}

static GtkFileFilter *
goalsheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Goalsheet plans"));
  gtk_file_filter_add_pattern (filter, "*.goalsheet");
  gtk_file_filter_add_mime_type (filter, "application/x-goalsheet");
  return filter;
}

static void
on_save_as_response (GtkNativeDialog *native, int response, GsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      if (!g_str_has_suffix (name, ".goalsheet"))
        {
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autofree char *named = g_strconcat (name, ".goalsheet", NULL);
          g_set_object (&file, g_file_get_child (parent, named));
        }
      if (!gs_window_save_to (self, file, &error))
        gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Save the Plan"), error->message);
      else if (self->close_after_save)
        {
          self->closing = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  self->close_after_save = FALSE;
  g_object_unref (native);
}

void
_gs_window_save_as (GsWindow *self)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      _ ("Save Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  g_autofree char *name = _gs_window_display_name (self);
  g_autofree char *suggested = self->file ? g_steal_pointer (&name) : g_strdup ("plan.goalsheet");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), goalsheet_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Saves to the window's file without asking. */
gboolean
_gs_window_save_now (GsWindow *self)
{
  g_autoptr (GError) error = NULL;
  if (!gs_window_save_to (self, self->file, &error))
    {
      gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Save the Plan"), error->message);
      return FALSE;
    }
  _gs_window_toast (self, _ ("Saved"));
  return TRUE;
}

/* Saves to the window's file, or asks for one, or asks first because the
 * file changed on disk (then FALSE: not saved yet). */
gboolean
_gs_window_save (GsWindow *self)
{
  if (self->file == NULL)
    {
      _gs_window_save_as (self);
      return FALSE;
    }
  if (!_gs_window_watch_may_save (self))
    return FALSE;
  return _gs_window_save_now (self);
}

/* Closing ---------------------------------------------------------------- */

static void
on_close_response (AdwMessageDialog *dialog, const char *response, GsWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file == NULL)
        {
          self->close_after_save = TRUE;
          _gs_window_save_as (self);
        }
      else
        {
          /* Also when the save first asks about a newer file on disk. */
          self->close_after_save = TRUE;
          if (_gs_window_save (self))
            {
              self->closing = TRUE;
              gtk_window_destroy (GTK_WINDOW (self));
            }
          else if (self->disk_dialog == NULL)
            self->close_after_save = FALSE; /* the save failed */
        }
    }
}

/* Returns TRUE (keep the window) while "Save Changes?" is asked. */
gboolean
_gs_window_close_request (GtkWindow *window)
{
  GsWindow *self = GS_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->closing || self->plan == NULL || !gs_plan_get_dirty (self->plan))
    return FALSE;

  name = _gs_window_display_name (self);
  body = g_strdup_printf (_ ("“%s” has changes that are not saved. Unsaved changes are lost."),
                          name);
  dialog = adw_message_dialog_new (window, _ ("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Recent plans ----------------------------------------------------------- */

static void
update_recent_menu (GsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;
  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      if (!gtk_recent_info_has_group (info, RECENT_GROUP) || !gtk_recent_info_exists (info))
        continue;
      {
        g_autoptr (GMenuItem) item
            = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
        g_menu_item_set_action_and_target_value (item, "app.open-uri", g_variant_new_string (uri));
        g_menu_append_item (self->recent_menu, item);
      }
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  if (n == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No recent plans"), "app.none");
      g_menu_append_item (self->recent_menu, item);
    }
}

void
_gs_window_files_init (GsWindow *self)
{
  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
}
