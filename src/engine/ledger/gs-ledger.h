/* gs-ledger.h — a plan's payment schedule and commission expense from one
 * set of commission lines, with the plan's settings, both checked.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goalsheet-cli expense prints and the workbook's Expense and Payments
 * sheets show (docs/ledger.md).
 */
#pragma once

#include "gs-expense.h"
#include "gs-ledger-csv.h"
#include "gs-model.h"
#include "gs-payment-schedule.h"
#include "gs-statement.h"

G_BEGIN_DECLS

typedef struct
{
  GsLedgerLines *lines;
  GsPayCompany *company;       /* the statements the lines come from; NULL when read from CSV */
  GsPaymentSchedule *payments; /* compensation.payment.lag_months (0 without a comp section) */
  GsExpense *expense;          /* compensation.expense.customer_life_months (12 without) */
} GsLedger;

/* Reads the lines from a CSV file (gs-ledger-csv.h) in the plan's currency,
 * builds both schedules and reconciles them. */
GsLedger *
gs_ledger_from_csv_file (const GsModel *model, const char *filename, GError **error);
/* Every person's statements from the plan's actuals (gs_pay_company; comp
 * resolved, gs_plan_get_comp), their commission lines booked and
 * reconciled: the statements' company total is the expense's and the
 * payments' total, to the cent. */
GsLedger *
gs_ledger_from_pay (const GsModel *model, const GsCompModel *comp, GError **error);
void
gs_ledger_free (GsLedger *ledger);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsLedger, gs_ledger_free)

G_END_DECLS
