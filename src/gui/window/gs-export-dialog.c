/* gs-export-dialog.c — File ▸ Export to Excel.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-dialog.h"
#include "gs-atomic.h"
#include "gs-workbook.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  GsWindow *window;
  void (*done) (GsWindow *window, const char *text);
} Request;

/* The Tracking sheet is tracked to the day the Actuals page tracks to: the
 * one picked there, else the same default day (gs_tracking_default_day). */
gboolean
gs_export_dialog_write (GsWindow *window, const char *path, GError **error)
{
  GFile *plan_file = gs_window_get_file (window);
  GDate day;
  gboolean tracked = gs_window_get_tracking_day (window, &day);
  if (plan_file)
    {
      g_autofree char *plan = g_file_get_path (plan_file);
      if (plan && !gs_atomic_check_not_input (path, plan, error))
        return FALSE;
    }
  return gs_workbook_write_xlsx (gs_window_get_plan (window), tracked ? &day : NULL, path, error);
}

static void
on_response (GtkNativeDialog *chooser, int response, Request *req)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file)
    path = g_file_get_path (file);
  if (path && !gs_export_dialog_write (req->window, path, &error))
    gs_window_report_error (GTK_WINDOW (req->window), _ ("Could Not Export the Plan"),
                            error->message);
  else if (path)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_ ("Exported to %s"), name);
      req->done (req->window, text);
    }
  g_object_unref (req->window);
  g_free (req);
  g_object_unref (chooser);
}

/* The plan's file name with .xlsx, or the company name. */
static char *
suggested_name (GsWindow *window)
{
  GFile *file = gs_window_get_file (window);
  g_autofree char *base = NULL;
  char *dot;

  if (file == NULL)
    {
      const GsModel *m = gs_plan_get_model (gs_window_get_plan (window));
      g_autofree char *safe = g_strdelimit (g_strdup (m->company.name), "/\\:", '-');
      return g_strconcat (safe, ".xlsx", NULL);
    }
  base = g_file_get_basename (file);
  dot = strrchr (base, '.');
  if (dot)
    *dot = '\0';
  return g_strconcat (base, ".xlsx", NULL);
}

void
gs_export_dialog_run (GsWindow *window, void (*done) (GsWindow *window, const char *text))
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (window);
  GFile *file = gs_window_get_file (window);
  Request *req = g_new0 (Request, 1);

  req->window = g_object_ref (window);
  req->done = done;
  chooser
      = gtk_file_chooser_native_new (_ ("Export to Excel"), GTK_WINDOW (window),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (
      filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (file)
    {
      g_autoptr (GFile) dir = g_file_get_parent (file);
      if (dir)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), req);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
