/* gs-window-import.c — win.import-crm: File ▸ Import CRM Export….
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for the CSV, previews it in the import dialog (gs-import-dialog.h)
 * and, once imported, shows the Actuals page with the summary as a toast.
 * A file that is no CRM export is reported at once, naming what is wrong.
 */
#include "gs-window-private.h"
#include "gs-import-dialog.h"

#include <glib/gi18n.h>

static void
on_imported (GsImportDialog *dialog, GsWindow *self)
{
  const GsImportReport *report = gs_import_dialog_get_report (dialog);
  g_autofree char *summary = gs_import_report_summary (report);
  gs_window_show_page (self, "actuals");
  _gs_window_toast (self, summary);
}

static void
on_file (GtkNativeDialog *native, int response, GsWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  if (response != GTK_RESPONSE_ACCEPT || self->plan == NULL)
    {
      g_object_unref (native);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  gs_window_import_file (self, file, &error);
  if (error)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name. */
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Import %s"), name);
      gs_window_report_error (GTK_WINDOW (self), heading, error->message);
    }
}

/* Opens the import dialog on file; FALSE (error set) when the file is not a
 * CRM export the dialog can preview. */
gboolean
gs_window_import_file (GsWindow *self, GFile *file, GError **error)
{
  GsImportDialog *dialog = gs_import_dialog_new (GTK_WINDOW (self), self->plan);
  if (!gs_import_dialog_load (dialog, file, error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return FALSE;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
action_import_crm (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  GtkFileChooserNative *native
      = gtk_file_chooser_native_new (_ ("Import CRM Export"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("CRM exports (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_file), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_gs_window_import_init (GsWindow *self)
{
  static const GActionEntry entries[] = {
    { "import-crm", action_import_crm },
  };
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
