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
#include "gs-ledger.h"

G_BEGIN_DECLS

/* TRUE when this build can write .xlsx (libxlsxwriter was found). */
gboolean
gs_export_xlsx_available (void);

/* Writes the plan's workbook to filename. */
gboolean
gs_export_xlsx (GsPlan *plan, const char *filename, GError **error);

/* The same with the Expense and Payments sheets of ledger (NULL: none),
 * the commission lines' schedules (docs/ledger.md). */
gboolean
gs_export_xlsx_with_ledger (GsPlan *plan, const GsLedger *ledger, const char *filename,
                            GError **error);

/* The workbook with the Tracking sheet tracked to as_of (NULL: the default
 * day, as the app's Actuals page; docs/export.md). */
gboolean
gs_export_xlsx_as_of (GsPlan *plan, const GDate *as_of, const char *filename, GError **error);

/* Writes each table as DIR/NAME.csv with the engine's numbers (money as plain
 * decimals in major units, rates as fractions).  DIR is created if needed. */
gboolean
gs_export_csv (GsPlan *plan, const char *directory, GError **error);
/* The same tracked to as_of (NULL: the default day). */
gboolean
gs_export_csv_as_of (GsPlan *plan, const GDate *as_of, const char *directory, GError **error);

/* One table as CSV text (for tests and the writers). */
char *
gs_export_csv_table (const GsExportBook *book, const GsXTable *table);

G_END_DECLS
