/* gs-ledger-pay.c — the statements' commission lines for the ledger
 * (gs-ledger-pay.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-pay.h"

GsLedgerLines *
gs_ledger_lines_from_pay (const GsModel *model, const GsPayCompany *company)
{
  GsLedgerLines *out = g_new0 (GsLedgerLines, 1);
  guint n = 0, k = 0;

  for (guint p = 0; p < company->years->len; p++)
    n += ((const GsPayYear *) g_ptr_array_index (company->years, p))->lines->len;
  out->chunk = g_string_chunk_new (1024);
  out->n_lines = n;
  out->lines = g_new0 (GsLedgerLine, MAX (n, 1));
  for (guint p = 0; p < company->years->len; p++)
    {
      const GsPayYear *y = g_ptr_array_index (company->years, p);
      /* Copied, so the lines outlive the plan they came from. */
      const char *person
          = g_string_chunk_insert_const (out->chunk, model->actuals->people[y->person].name);
      for (guint i = 0; i < y->lines->len; i++)
        {
          const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
          GsMonth month = gs_model_month (model, (int) l->month);
          GsLedgerLine *to = &out->lines[k++];
          to->person = person;
          to->deal = l->deal ? g_string_chunk_insert_const (out->chunk, l->deal) : NULL;
          to->month = gs_ledger_month ((gint) month.year, (gint) month.month);
          to->amount = l->amount;
          to->kind = l->kind;
        }
    }
  return out;
}
