/* gs-export-statements.h — the Statements sheet (private to the export).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-export-private.h"
#include "gs-statement.h"

G_BEGIN_DECLS

/* Appends the Statements sheet: every person's year of pay from the actuals
 * month by month, then the role and company totals (docs/export.md). */
void
gs_export_book_add_statements (GsExportBook *book, const GsModel *model, const GsCompModel *comp,
                               const GsPayCompany *company);

G_END_DECLS
