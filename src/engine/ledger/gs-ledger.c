/* gs-ledger.c — both schedules from one file of commission lines.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger.h"

#include "gs-comp.h"
#include "gs-read.h"

void
gs_ledger_free (GsLedger *l)
{
  if (l == NULL)
    return;
  gs_ledger_lines_free (l->lines);
  gs_payment_schedule_free (l->payments);
  gs_expense_free (l->expense);
  g_free (l);
}

GsLedger *
gs_ledger_from_csv_file (const GsModel *model, const char *filename, GError **error)
{
  g_autoptr (GsLedger) l = g_new0 (GsLedger, 1);
  g_autofree char *bytes = NULL;
  guint lag = model->comp ? model->comp->payment_lag_months : 0;
  guint life = model->comp ? model->comp->customer_life_months : 12;
  gsize length;
  if (!gs_read_file (filename, GS_MAX_FILE_SIZE, &bytes, &length, error))
    return NULL;
  l->lines = gs_ledger_lines_read_csv (bytes, length, model->company.digits, error);
  if (l->lines == NULL)
    return NULL;
  l->payments = gs_payment_schedule_new (l->lines->lines, l->lines->n_lines, lag, error);
  if (l->payments == NULL || !gs_payment_schedule_reconcile (l->payments, error))
    return NULL;
  l->expense = gs_expense_new (l->lines->lines, l->lines->n_lines, life, error);
  if (l->expense == NULL || !gs_expense_check (l->expense, error))
    return NULL;
  return g_steal_pointer (&l);
}
