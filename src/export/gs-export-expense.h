/* gs-export-expense.h — the Expense and Payments sheets (private to the
 * export).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-export-private.h"
#include "gs-ledger.h"

G_BEGIN_DECLS

/* Appends the Expense sheet (the amortisation of every commission line as
 * formulas, the monthly totals and each deal) and the Payments sheet. */
void
gs_export_book_add_ledger (GsExportBook *book, const GsLedger *ledger);

G_END_DECLS
