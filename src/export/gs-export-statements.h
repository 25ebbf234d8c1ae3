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
 * month by month, then the role and company totals (docs/export.md).  The
 * people's rows are made as the sheet is read, from company, which must
 * outlive the book: owner (may be NULL) is what holds it, freed with the
 * book by owner_free. */
void
gs_export_book_add_statements (GsExportBook *book, const GsModel *model, const GsCompModel *comp,
                               const GsPayCompany *company, gpointer owner,
                               GDestroyNotify owner_free);

G_END_DECLS
