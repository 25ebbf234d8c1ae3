/* gs-ledger-json.h — the payment schedule and commission expense as JSON
 * (goalsheet-cli expense --json).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout in docs/ledger.md ("goalsheet-expense" 1.0).  Money as
 * {"minor", "amount"} like goalsheet-compute; months as "YYYY-MM".
 * Written value by value through a GsJsonWriter, never built as a tree:
 * with --deals there is a row per line as booked (about 24 million at
 * 100,000 deals and 1,000 people).
 */
#pragma once

#include "gs-expense.h"
#include "gs-payment-schedule.h"

#include "gs-json-writer.h"

G_BEGIN_DECLS

#define GS_EXPENSE_FORMAT_NAME "goalsheet-expense"
#define GS_EXPENSE_FORMAT_VERSION "1.0"

/* The whole document to w, then gs_json_writer_finish (w): FALSE with the
 * writer's sink's first error.  With deals, the schedule of every deal and
 * every line as booked ("deals", "rows"). */
gboolean
gs_ledger_write_json (GsJsonWriter *w, const GsPaymentSchedule *payments, const GsExpense *expense,
                      const char *currency, guint digits, gboolean deals, GError **error);

G_END_DECLS
