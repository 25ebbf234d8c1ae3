/* gs-ledger-json.c — payments and expense as JSON, written as they are
 * read: the rows of every line as booked (--deals) are never held at once.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-json.h"

/* {"minor": 123456, "amount": "1234.56"}, as gs_result_json_money. */
static void
money (GsJsonWriter *w, const char *name, GsMoney v, guint digits)
{
  g_autofree char *plain = gs_money_to_plain (v, digits);
  if (name)
    gs_json_writer_member (w, name);
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "minor");
  gs_json_writer_int (w, v);
  gs_json_writer_member (w, "amount");
  gs_json_writer_string (w, plain);
  gs_json_writer_end_object (w);
}

static void
money_array (GsJsonWriter *w, const char *name, const GsMoney *v, guint n, guint digits)
{
  gs_json_writer_member (w, name);
  gs_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < n; i++)
    money (w, NULL, v[i], digits);
  gs_json_writer_end_array (w);
}

static void
month_member (GsJsonWriter *w, const char *name, gint month)
{
  g_autofree char *text = gs_ledger_month_text (month);
  gs_json_writer_member (w, name);
  gs_json_writer_string (w, text);
}

static void
payment_months (GsJsonWriter *w, const char *name, const GsPaymentSchedule *s,
                const GsPaymentMonth *row, guint digits)
{
  gs_json_writer_member (w, name);
  gs_json_writer_begin_array (w, FALSE);
  for (guint m = 0; m < s->n_months; m++)
    {
      gs_json_writer_begin_object (w);
      month_member (w, "month", s->first_month + (gint) m);
      money (w, "earned", row[m].earned, digits);
      money (w, "clawed_back", row[m].clawed_back, digits);
      money (w, "paid", row[m].paid, digits);
      money (w, "payable", row[m].payable_close, digits);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
}

static void
payments_json (GsJsonWriter *w, const GsPaymentSchedule *s, guint digits)
{
  gs_json_writer_member (w, "payments");
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "lag_months");
  gs_json_writer_int (w, s->lag);
  gs_json_writer_member (w, "people");
  gs_json_writer_begin_array (w, FALSE);
  for (guint p = 0; p < s->n_people && gs_json_writer_ok (w); p++)
    {
      gs_json_writer_begin_object (w);
      gs_json_writer_member (w, "person");
      gs_json_writer_string (w, s->people[p]);
      payment_months (w, "months", s, &s->cells[(gsize) p * s->n_months], digits);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
  payment_months (w, "total", s, s->total, digits);
  gs_json_writer_end_object (w);
}

static void
expense_months (GsJsonWriter *w, const GsExpense *e, guint digits)
{
  gs_json_writer_member (w, "months");
  gs_json_writer_begin_array (w, FALSE);
  for (guint m = 0; m < e->n_months; m++)
    {
      const GsExpenseMonth *x = &e->months[m];
      gs_json_writer_begin_object (w);
      month_member (w, "month", e->first_month + (gint) m);
      money (w, "capitalised", x->capitalised, digits);
      money (w, "amortised", x->amortised, digits);
      money (w, "reversed", x->reversed, digits);
      money (w, "at_once", x->at_once, digits);
      money (w, "recovered", x->recovered, digits);
      money (w, "expense", x->expense, digits);
      money (w, "balance_open", x->open, digits);
      money (w, "balance_close", x->close, digits);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
}

static const char *const row_kinds[] = { "capitalised", "at_once", "recovery" };

/* One row at a time, as gs_expense_next_row expands them. */
static void
rows_json (GsJsonWriter *w, const GsExpense *e, guint digits)
{
  GsLedgerSpanIter it;
  GsExpenseRow r;
  gs_json_writer_member (w, "rows");
  gs_json_writer_begin_array (w, FALSE);
  gs_ledger_span_iter_init (&it, e->spans, e->n_spans);
  while (gs_json_writer_ok (w) && gs_expense_next_row (e, &it, &r))
    {
      gs_json_writer_begin_object (w);
      gs_json_writer_member (w, "person");
      gs_json_writer_string (w, r.person);
      gs_json_writer_member (w, "deal");
      gs_json_writer_string (w, r.deal); /* NULL: null */
      gs_json_writer_member (w, "line");
      gs_json_writer_string (w, gs_pay_kind_ids[r.line_kind]);
      gs_json_writer_member (w, "treatment");
      gs_json_writer_string (w, row_kinds[r.kind]);
      month_member (w, "month", r.month);
      money (w, "amount", r.amount, digits);
      gs_json_writer_member (w, "life_months");
      gs_json_writer_int (w, r.life);
      if (r.reversed_in != G_MAXINT)
        month_member (w, "reversed_in", r.reversed_in);
      else
        {
          gs_json_writer_member (w, "reversed_in");
          gs_json_writer_null (w);
        }
      money_array (w, "expense", r.expense, e->n_months, digits);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
}

static void
deals_json (GsJsonWriter *w, const GsExpense *e, guint digits)
{
  gs_json_writer_member (w, "deals");
  gs_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < e->n_deals && gs_json_writer_ok (w); i++)
    {
      const GsExpenseDeal *d = &e->deals[i];
      gs_json_writer_begin_object (w);
      gs_json_writer_member (w, "deal");
      gs_json_writer_string (w, d->deal);
      money (w, "commission", d->commission, digits);
      money (w, "clawed_back", d->clawed_back, digits);
      money_array (w, "expense", d->expense, e->n_months, digits);
      money_array (w, "balance", d->balance, e->n_months, digits);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
}

gboolean
gs_ledger_write_json (GsJsonWriter *w, const GsPaymentSchedule *payments, const GsExpense *expense,
                      const char *currency, guint digits, gboolean deals, GError **error)
{
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "format");
  gs_json_writer_string (w, GS_EXPENSE_FORMAT_NAME);
  gs_json_writer_member (w, "version");
  gs_json_writer_string (w, GS_EXPENSE_FORMAT_VERSION);
  gs_json_writer_member (w, "currency");
  gs_json_writer_string (w, currency);
  payments_json (w, payments, digits);
  gs_json_writer_member (w, "expense");
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "customer_life_months");
  gs_json_writer_int (w, expense->life_months);
  gs_json_writer_member (w, "expedient");
  gs_json_writer_boolean (w, expense->expedient);
  if (expense->n_months > 0)
    month_member (w, "first_month", expense->first_month);
  else
    {
      gs_json_writer_member (w, "first_month");
      gs_json_writer_null (w);
    }
  expense_months (w, expense, digits);
  if (deals)
    {
      deals_json (w, expense, digits);
      rows_json (w, expense, digits);
    }
  gs_json_writer_end_object (w);
  gs_json_writer_end_object (w);
  return gs_json_writer_finish (w, error);
}
