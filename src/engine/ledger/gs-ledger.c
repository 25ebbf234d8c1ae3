/* gs-ledger.c — both schedules from one file of commission lines.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger.h"

#include "gs-comp.h"
#include "gs-ledger-pay.h"
#include "gs-read.h"
#include "gs-error.h"

#include <glib/gi18n-lib.h>

void
gs_ledger_free (GsLedger *l)
{
  if (l == NULL)
    return;
  gs_ledger_lines_free (l->lines);
  gs_pay_company_free (l->company);
  gs_payment_schedule_free (l->payments);
  gs_expense_free (l->expense);
  g_free (l);
}

/* Both schedules from l->lines with the plan's settings, each checked. */
static gboolean
book (GsLedger *l, const GsModel *model, GError **error)
{
  guint lag = model->comp ? model->comp->payment_lag_months : 0;
  guint life = model->comp ? model->comp->customer_life_months : 12;
  l->payments = gs_payment_schedule_new_for (l->lines, lag, error);
  if (l->payments == NULL || !gs_payment_schedule_reconcile (l->payments, error))
    return FALSE;
  l->expense = gs_expense_new_for (l->lines, life, error);
  return l->expense != NULL && gs_expense_check (l->expense, error);
}

GsLedger *
gs_ledger_from_csv_file (const GsModel *model, const char *filename, GError **error)
{
  g_autoptr (GsLedger) l = g_new0 (GsLedger, 1);
  g_autofree char *bytes = NULL;
  gsize length;
  if (!gs_read_file (filename, GS_MAX_FILE_SIZE, &bytes, &length, error))
    return NULL;
  l->lines = gs_ledger_lines_read_csv (bytes, length, model->company.digits, error);
  if (l->lines == NULL || !book (l, model, error))
    return NULL;
  return g_steal_pointer (&l);
}

/* The statements' company total is what both schedules book. */
static gboolean
reconcile (const GsLedger *l, const GsModel *model, GError **error)
{
  GsMoney paid = 0, expensed = 0;
  for (guint k = 0; k < l->payments->n_months; k++)
    paid += l->payments->total[k].earned + l->payments->total[k].clawed_back;
  for (guint k = 0; k < l->expense->n_months; k++)
    expensed += l->expense->months[k].expense;
  if (paid == l->company->total && expensed == l->company->total)
    return TRUE;
  {
    guint d = model->company.digits;
    g_autofree char *t = gs_money_to_plain (l->company->total, d);
    g_autofree char *p = gs_money_to_plain (paid, d), *e = gs_money_to_plain (expensed, d);
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 /* Translators: three amounts that should be equal. */
                 _ ("The statements total %s but the payments book %s and the expense %s"), t, p,
                 e);
  }
  return FALSE;
}

GsLedger *
gs_ledger_from_pay (const GsModel *model, const GsCompModel *comp, GError **error)
{
  g_autoptr (GsLedger) l = g_new0 (GsLedger, 1);
  l->company = gs_pay_company (model, comp, error);
  if (l->company == NULL)
    return NULL;
  l->lines = gs_ledger_lines_from_pay (model, l->company);
  if (!book (l, model, error) || !reconcile (l, model, error))
    return NULL;
  return g_steal_pointer (&l);
}
