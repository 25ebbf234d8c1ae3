/* gs-window-watch.c — the window's plan file as others change it: a file
 * monitor and a content check (gs-file-stamp.h) notice another program's or
 * another window's save; the window offers Reload or Keep Mine, and a Save
 * over a newer version on disk asks first.  Nothing is overwritten silently
 * (docs/reliability.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs' answers are the window actions win.disk-reload, win.disk-keep,
 * win.disk-replace and win.disk-cancel, so the GUI tests answer them over
 * D-Bus the way a click does.
 */
#include "config.h"

#include "gs-window-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* A save by rename raises several events within a few milliseconds: one
 * check after they settle. */
#define WATCH_SETTLE_MS 150

static void
close_dialog (GsWindow *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->disk_dialog);
  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_dialog_response (AdwMessageDialog *dialog, const char *response, GsWindow *self)
{
  g_autofree char *action = g_strconcat ("disk-", response, NULL);
  /* The dialog destroys itself after its response. */
  if (self->disk_dialog == GTK_WIDGET (dialog))
    self->disk_dialog = NULL;
  g_action_group_activate_action (G_ACTION_GROUP (self), action, NULL);
}

static GtkWidget *
new_dialog (GsWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), self);
  close_dialog (self);
  self->disk_dialog = dialog;
  return dialog;
}

/* Another program or window changed the file: Reload or Keep Mine. */
static void
ask_changed (GsWindow *self)
{
  g_autofree char *name = _gs_window_display_name (self);
  gboolean dirty = gs_plan_get_dirty (self->plan);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *d;

  if (dirty)
    body = g_strdup_printf (_ ("“%s” was changed on disk by another program or window. Reload it "
                               "and discard the unsaved changes in this window, or keep this "
                               "window’s version?"),
                            name);
  else
    body = g_strdup_printf (_ ("“%s” was changed on disk by another program or window. Reload it, "
                               "or keep this window’s version?"),
                            name);
  dialog = new_dialog (self, _ ("Plan Changed on Disk"), body);
  d = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (d, "keep", _ ("_Keep Mine"), "reload", _ ("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (
      d, "reload", dirty ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (d, dirty ? "keep" : "reload");
  adw_message_dialog_set_close_response (d, "keep");
  g_debug ("the plan changed on disk: asking to reload or keep (%s)", name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_event (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
               GsWindow *self);

static void
stop_monitor (GFileMonitor **monitor, GsWindow *self)
{
  if (*monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

/* A plan opened through a symlink: the monitor on the link's name sees the
 * link replaced, but not a save to the file it points at made through
 * another path (the events are in the target's folder).  The target is
 * watched too, and found again after every change, so a retargeted link's
 * new file is the one watched. */
static void
watch_target (GsWindow *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  g_autofree char *real = path ? realpath (path, NULL) : NULL;
  g_autofree char *plain = path ? g_canonicalize_filename (path, NULL) : NULL;
  g_autoptr (GFile) target = NULL;

  if (real && g_strcmp0 (real, plain) == 0)
    g_clear_pointer (&real, g_free); /* no link on the way */
  if (g_strcmp0 (real, self->target_path) == 0)
    return;
  stop_monitor (&self->target_monitor, self);
  g_free (self->target_path);
  self->target_path = g_steal_pointer (&real);
  if (self->target_path == NULL)
    return;
  target = g_file_new_for_path (self->target_path);
  self->target_monitor = g_file_monitor_file (target, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->target_monitor)
    g_signal_connect (self->target_monitor, "changed", G_CALLBACK (on_file_event), self);
  g_debug ("watching the plan's link target too: %s", self->target_path);
}

static void
check_disk (GsWindow *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  g_autoptr (GError) error = NULL;
  GsFileStamp now;

  if (path == NULL || self->plan == NULL || self->disk_dialog)
    return;
  if (!gs_file_stamp_changed (&self->disk, path, &now, &error))
    return;
  if (!now.exists && error == NULL)
    {
      /* Deleted or moved away: nothing to reload; Save writes it again. */
      g_autofree char *name = _gs_window_display_name (self);
      g_autofree char *text
          = g_strdup_printf (_ ("“%s” was deleted or moved on disk; Save writes it again"), name);
      self->disk = now;
      gs_plan_mark_unsaved (self->plan);
      g_debug ("the plan was deleted on disk (%s)", name);
      _gs_window_toast (self, text);
      return;
    }
  ask_changed (self);
}

static gboolean
on_settled (gpointer data)
{
  GsWindow *self = data;
  self->watch_timeout = 0;
  watch_target (self);
  check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_event (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
               GsWindow *self)
{
  g_clear_handle_id (&self->watch_timeout, g_source_remove);
  self->watch_timeout = g_timeout_add (WATCH_SETTLE_MS, on_settled, self);
}

void
_gs_window_watch_file (GsWindow *self, const GsFileStamp *stamp)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  g_clear_handle_id (&self->watch_timeout, g_source_remove);
  stop_monitor (&self->monitor, self);
  stop_monitor (&self->target_monitor, self);
  g_clear_pointer (&self->target_path, g_free);
  memset (&self->disk, 0, sizeof self->disk);
  if (path == NULL)
    return;
  if (stamp)
    self->disk = *stamp;
  else if (!gs_file_stamp_read (path, &self->disk, NULL))
    memset (&self->disk, 0, sizeof self->disk); /* compared as missing: any file is news */
  /* Only this file's events: the recovery files live elsewhere and the
   * backup and temporary files beside it have other names. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_event), self);
  watch_target (self);
}

void
_gs_window_watch_dispose (GsWindow *self)
{
  g_clear_handle_id (&self->watch_timeout, g_source_remove);
  stop_monitor (&self->monitor, self);
  stop_monitor (&self->target_monitor, self);
  g_clear_pointer (&self->target_path, g_free);
  close_dialog (self);
}

/* Before a save: TRUE when the file is still the one loaded or saved (or
 * the one the user chose to keep over); otherwise asks and returns FALSE —
 * "Replace" saves (and closes the window if a close was waiting). */
gboolean
_gs_window_watch_may_save (GsWindow *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *d;

  if (path == NULL || !gs_file_stamp_changed (&self->disk, path, NULL, NULL))
    return TRUE;
  name = _gs_window_display_name (self);
  body = g_strdup_printf (_ ("“%s” was changed on disk by another program or window since this "
                             "window opened or saved it. Saving replaces that version with "
                             "this window’s."),
                          name);
  dialog = new_dialog (self, _ ("Replace the Newer Plan on Disk?"), body);
  d = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_add_responses (d, "cancel", _ ("_Cancel"), "reload", _ ("_Reload"), "replace",
                                    _ ("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (d, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (d, "cancel");
  adw_message_dialog_set_close_response (d, "cancel");
  g_debug ("saving over a plan changed on disk: asking first (%s)", name);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* Answers ------------------------------------------------------------------ */

static void
action_reload (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  g_autoptr (GFile) file = self->file ? g_object_ref (self->file) : NULL;
  g_autoptr (GError) error = NULL;

  close_dialog (self);
  self->close_after_save = FALSE;
  if (file == NULL)
    return;
  if (!gs_window_load (self, file, &error))
    {
      /* This window keeps its version; the file stays news until saved. */
      gs_plan_mark_unsaved (self->plan);
      gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Reload the Plan"), error->message);
      return;
    }
  g_debug ("reloaded the plan from disk");
  _gs_window_toast (self, _ ("Reloaded from disk"));
}

static void
action_keep (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  close_dialog (self);
  if (path == NULL || self->plan == NULL)
    return;
  /* The user has seen this version: the next Save replaces it without
   * asking again (a later change asks again). */
  gs_file_stamp_changed (&self->disk, path, &self->disk, NULL);
  gs_plan_mark_unsaved (self->plan);
  g_debug ("kept this window's plan over the one on disk");
}

static void
action_replace (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  close_dialog (self);
  if (_gs_window_save_now (self) && self->close_after_save)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->close_after_save = FALSE;
}

static void
action_cancel (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  close_dialog (self);
  self->close_after_save = FALSE;
}

void
_gs_window_watch_init (GsWindow *self)
{
  static const GActionEntry actions[] = {
    { "disk-reload", action_reload },
    { "disk-keep", action_keep },
    { "disk-replace", action_replace },
    { "disk-cancel", action_cancel },
  };
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
