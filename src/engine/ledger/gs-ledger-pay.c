/* gs-ledger-pay.c — the statements' commission lines for the ledger
 * (gs-ledger-pay.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-pay.h"

typedef struct
{
  const GsModel *model;
  GsLedgerLines *out;
  const char *person;
  guint k;
} Copy;

static void
copy_line (const GsCommissionLine *l, gpointer data)
{
  Copy *c = data;
  GsMonth month = gs_model_month (c->model, (int) l->month);
  GsLedgerLine *to = &c->out->lines[c->k++];
  to->person = c->person;
  to->deal = l->deal ? g_string_chunk_insert_const (c->out->chunk, l->deal) : NULL;
  to->month = gs_ledger_month ((gint) month.year, (gint) month.month);
  to->amount = l->amount;
  to->kind = l->kind;
}

GsLedgerLines *
gs_ledger_lines_from_pay (const GsModel *model, const GsPayCompany *company)
{
  GsLedgerLines *out = g_new0 (GsLedgerLines, 1);
  Copy c = { model, out, NULL, 0 };
  guint n = 0;

  for (guint p = 0; p < company->years->len; p++)
    n += gs_pay_year_n_lines (g_ptr_array_index (company->years, p));
  out->chunk = g_string_chunk_new (1024);
  out->n_lines = n;
  out->lines = g_new0 (GsLedgerLine, MAX (n, 1));
  for (guint p = 0; p < company->years->len; p++)
    {
      const GsPayYear *y = g_ptr_array_index (company->years, p);
      /* Copied, so the lines outlive the plan they came from. */
      c.person = g_string_chunk_insert_const (out->chunk, model->actuals->people[y->person].name);
      gs_pay_year_foreach_line (y, copy_line, &c);
    }
  g_assert (c.k == n);
  return out;
}
