/* gs-workbook-module.c — the goalsheet-workbook module's table: the Excel
 * export, with libxlsxwriter, for the window (gs-workbook.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with the export floor's objects only: the engine they call is the
 * executable's own (linked whole and exported, src/gui/meson.build).
 */
#include "gs-workbook.h"
#include "gs-export.h"
#include "config.h"

#include <gmodule.h>

G_MODULE_EXPORT const GsWorkbookModule gs_workbook_module_table = {
  PACKAGE_VERSION,
  gs_export_xlsx_as_of,
};
