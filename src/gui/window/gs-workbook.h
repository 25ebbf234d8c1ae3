/* gs-workbook.h — the Excel workbook writer, loaded when first used.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's process does not link libxlsxwriter (nor the minizip and
 * libcrypto it stands on): they would be loaded and relocated before the
 * first frame, for an export few starts make.  The workbook writer lives in
 * the goalsheet-workbook module (gs-workbook-module.c), loaded on the first
 * export, as goalsheet-cli loads its own (docs/architecture.md).
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

/* The module's table; its version is PACKAGE_VERSION. */
typedef struct
{
  const char *version;
  gboolean (*xlsx_as_of) (GsPlan *plan, const GDate *as_of, const char *filename, GError **error);
} GsWorkbookModule;

/* gs_export_xlsx_as_of (gs-export.h) through the module; GS_ERROR_IO when the
 * module is missing or not this version's, or the build has no Excel export. */
gboolean
gs_workbook_write_xlsx (GsPlan *plan, const GDate *as_of, const char *filename, GError **error);

G_END_DECLS
