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
  const GsPayYear *year;
  const char *person;
  GHashTable *shared;    /* GsPayStream* → guint[GS_COMP_MONTHS]: where its month's lines are
                          * stored (G_MAXUINT: not yet) */
  GHashTable *clawbacks; /* the deal ids the person has a clawback line of, or NULL */
} Copy;

static void
to_ledger (const Copy *c, const GsCommissionLine *l, const char *person, GsLedgerLine *to)
{
  GsMonth month = gs_model_month (c->model, (int) l->month);
  to->person = person;
  to->deal = l->deal;
  to->month = gs_ledger_month ((gint) month.year, (gint) month.month);
  to->amount = l->amount;
  to->kind = l->kind;
}

static void
copy_line (const GsCommissionLine *l, gpointer data)
{
  Copy *c = data;
  GsLedgerLine to;
  to_ledger (c, l, c->person, &to);
  gs_ledger_lines_append (c->out, &to);
}

/* A run's lines: the stream's lines of the month stored once for everyone
 * (person NULL), booked for this person.  A reversal by a clawback is the
 * person's own (gs-expense.h), so a person with a clawback of one of the
 * run's deals has the run's lines as their own (by how a year is made, a
 * person's clawbacks are of deals of theirs, which are never in a run). */
static void
copy_run (const GsPayStream *stream, guint m, guint first, guint end, gpointer data)
{
  Copy *c = data;
  guint *base = g_hash_table_lookup (c->shared, stream);
  if (c->clawbacks)
    for (guint j = first; j < end; j++)
      {
        GsCommissionLine l;
        gs_pay_stream_line (c->year, stream, m, j, &l);
        if (g_hash_table_contains (c->clawbacks, l.deal))
          {
            for (j = first; j < end; j++)
              {
                gs_pay_stream_line (c->year, stream, m, j, &l);
                copy_line (&l, c);
              }
            return;
          }
      }
  if (base == NULL)
    {
      base = g_new (guint, GS_COMP_MONTHS);
      for (guint k = 0; k < GS_COMP_MONTHS; k++)
        base[k] = G_MAXUINT;
      g_hash_table_insert (c->shared, (gpointer) stream, base);
    }
  if (base[m] == G_MAXUINT)
    {
      base[m] = c->out->n_stored;
      for (guint j = 0; j < stream->month_lines[m]->len; j++)
        {
          GsCommissionLine l;
          GsLedgerLine to;
          gs_pay_stream_line (c->year, stream, m, j, &l);
          to_ledger (c, &l, NULL, &to);
          gs_ledger_lines_store (c->out, &to);
        }
    }
  gs_ledger_lines_book (c->out, c->person, base[m] + first, end - first);
}

GsLedgerLines *
gs_ledger_lines_from_pay (const GsModel *model, const GsPayCompany *company)
{
  GsLedgerLines *out = gs_ledger_lines_new ();
  g_autoptr (GHashTable) shared = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Copy c = { model, out, NULL, NULL, shared, NULL };

  for (guint p = 0; p < company->years->len; p++)
    {
      const GsPayYear *y = g_ptr_array_index (company->years, p);
      c.year = y;
      /* Copied, so the lines outlive the plan they came from. */
      c.person = gs_ledger_lines_text (out, model->actuals->people[y->person].name);
      c.clawbacks = NULL;
      for (guint i = 0; i < y->lines->len; i++)
        {
          const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
          if (l->kind != GS_PAY_CLAWBACK || l->deal == NULL)
            continue;
          if (c.clawbacks == NULL)
            c.clawbacks = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_add (c.clawbacks, (gpointer) l->deal);
        }
      gs_pay_year_foreach_part (y, copy_line, copy_run, &c);
      g_clear_pointer (&c.clawbacks, g_hash_table_unref);
    }
  return out;
}
