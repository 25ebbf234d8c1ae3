/* gs-export.h — the plan as an Excel workbook or as CSV tables.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is a working model: derived cells are formulas over the named
 * inputs on the Inputs sheet, each written with the engine's value as its
 * cached result (docs/export.md).  Both writers are atomic: the file appears
 * complete under its name or not at all.
 */
#pragma once

#include "gs-export-book.h"

G_BEGIN_DECLS

/* TRUE when this build can write .xlsx (libxlsxwriter was found). */
gboolean
gs_export_xlsx_available (void);

/* Writes the workbook to filename.  people (may be NULL) fills the People
 * sheet. */
gboolean
gs_export_xlsx (const GsModel *model, const GsResult *result, const GsExportPerson *people,
                guint n_people, const char *filename, GError **error);

/* Writes each table as DIR/NAME.csv with the engine's numbers (money as plain
 * decimals in major units, rates as fractions).  DIR is created if needed. */
gboolean
gs_export_csv (const GsModel *model, const GsResult *result, const GsExportPerson *people,
               guint n_people, const char *directory, GError **error);

/* One table as CSV text (for tests and the writers). */
char *
gs_export_csv_table (const GsExportBook *book, const GsXTable *table);

G_END_DECLS
