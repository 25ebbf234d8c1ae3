/* gs-import-dialog.h — File ▸ Import CRM Export…: preview, mapping, commit.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is imported into a copy of the plan's actuals (gs-crm-import.h)
 * and nothing is written until Import: the first rows, the columns, CRM
 * stages and sources as the engine mapped them (each correctable, which
 * imports the copy again), the rows that will be refused with their row,
 * column, value and reason, and the owners who join the roster.  Import puts
 * the copy into the plan as one undoable step (gs-actuals-edits.h).
 */
#pragma once

#include <adwaita.h>
#include "gs-crm-import.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_IMPORT_DIALOG (gs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GsImportDialog, gs_import_dialog, GS, IMPORT_DIALOG, AdwWindow)

GsImportDialog *
gs_import_dialog_new (GtkWindow *parent, GsPlan *plan);
/* Reads the file and previews its import.  FALSE (error set) when it cannot
 * be read or is not a CRM export of either kind. */
gboolean
gs_import_dialog_load (GsImportDialog *self, GFile *file, GError **error);
/* The preview's report; NULL before a file is loaded. */
const GsImportReport *
gs_import_dialog_get_report (GsImportDialog *self);
GsCrmKind
gs_import_dialog_get_kind (GsImportDialog *self);
/* Problems as the dialog shows them ("Row 3, Amount “lots”: not a number"). */
GListModel *
gs_import_dialog_get_problems (GsImportDialog *self);
/* A correction of the mapping, as the dropdowns make it: what ("stages",
 * "sources" or "columns") maps crm to plan.  Imports the preview again. */
gboolean
gs_import_dialog_map (GsImportDialog *self, const char *what, const char *crm, const char *plan,
                      GError **error);
/* Puts the preview into the plan (one undoable step) and emits ::imported
 * with the summary; FALSE (plan unchanged) on error. */
gboolean
gs_import_dialog_commit (GsImportDialog *self, GError **error);

/* Save Mapping: stores the preview's mapping (the columns, stages and
 * sources as corrected, and the names resolved from the file) in the plan
 * without importing any rows (gs_plan_set_actuals_mapping, one undoable
 * step); the dialog stays open and says so. */
gboolean
gs_import_dialog_save_mapping (GsImportDialog *self, GError **error);

G_END_DECLS
