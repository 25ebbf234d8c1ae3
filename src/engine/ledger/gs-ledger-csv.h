/* gs-ledger-csv.h — commission lines read from a CSV file, for finance to
 * run the ledger on lines from elsewhere (goalsheet-cli expense --lines).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header row names the columns, in any order and case: person, deal (may
 * be empty), month (YYYY-MM), amount (decimal text in the plan's currency,
 * no more decimals than it has) and kind (gs_pay_kind_ids, or the older
 * "true-up" and "draw-recovery").  Clawbacks
 * and draw recoveries must not be positive.
 */
#pragma once

#include "gs-ledger-line.h"

G_BEGIN_DECLS

/* NULL with GS_ERROR_PARSE or GS_ERROR_INVALID, the message naming the row
 * and column. */
GsLedgerLines *
gs_ledger_lines_read_csv (const char *bytes, gsize length, guint digits, GError **error);

G_END_DECLS
