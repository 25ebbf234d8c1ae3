/* gs-ledger-json.h — the payment schedule and commission expense as JSON
 * (goalsheet-cli expense --json).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout in docs/ledger.md ("goalsheet-expense" 1.0).  Money as
 * {"minor", "amount"} like goalsheet-compute; months as "YYYY-MM".
 */
#pragma once

#include "gs-expense.h"
#include "gs-payment-schedule.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GS_EXPENSE_FORMAT_NAME "goalsheet-expense"
#define GS_EXPENSE_FORMAT_VERSION "1.0"

/* With deals, the schedule of every deal and every line ("deals", "rows"). */
JsonNode *
gs_ledger_to_json (const GsPaymentSchedule *payments, const GsExpense *expense,
                   const char *currency, guint digits, gboolean deals);

G_END_DECLS
