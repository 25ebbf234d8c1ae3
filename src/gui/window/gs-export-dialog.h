/* gs-export-dialog.h — File ▸ Export to Excel: pick a file, write the workbook.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-window.h"

G_BEGIN_DECLS

/* Asks where to save, then writes the window's plan as .xlsx (gs-export.h).
 * Success is reported through done (a toast); failure in an error dialog
 * with the exporter's message. */
void
gs_export_dialog_run (GsWindow *window, void (*done) (GsWindow *window, const char *text));

/* Writes the window's plan as .xlsx at path, refusing the plan's own file
 * (chosen over the open plan, the workbook would replace it). */
gboolean
gs_export_dialog_write (GsWindow *window, const char *path, GError **error);

G_END_DECLS
