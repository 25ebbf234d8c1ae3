/* gs-refused-csv.h — the rows an import refused, as a CSV to fix and import
 * again.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file's own header and separator, each refused row's cells as the file
 * held them, and a last column "Reason" (the column and why), so the rows
 * can be corrected in a spreadsheet and imported again: the added column
 * maps to no field.  UTF-8 with a byte-order mark, which Excel needs to read
 * it as UTF-8 and the import skips.
 */
#pragma once

#include "gs-crm-import.h"

G_BEGIN_DECLS

/* The text of the CSV (NUL-terminated; *length without the NUL). */
char *
gs_refused_csv (const GsImportReport *report, gsize *length);

G_END_DECLS
