/* gs-cli-workbook.c — the goalsheet-cli-workbook module's table: the verbs
 * that write workbooks and CSV tables (gs-cli-module.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli-module.h"
#include "gs-export.h"
#include "config.h"

#include <gmodule.h>

G_MODULE_EXPORT const GsCliWorkbook gs_cli_module_table = {
  PACKAGE_VERSION,
  gs_cli_export,
  gs_export_xlsx_with_ledger,
};
