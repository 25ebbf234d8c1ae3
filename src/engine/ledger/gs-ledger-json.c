/* gs-ledger-json.c — payments and expense as JSON.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-json.h"

#include "gs-result-json.h"

static void
set_money (JsonObject *o, const char *name, GsMoney v, guint digits)
{
  json_object_set_member (o, name, gs_result_json_money (v, digits));
}

/* Nodes that take the object or array (json_node_init_* would add a reference). */
static JsonNode *
take_object (JsonObject *o)
{
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (n, o);
  return n;
}

static JsonNode *
take_array (JsonArray *a)
{
  JsonNode *n = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (n, a);
  return n;
}

static JsonNode *
payment_months (const GsPaymentSchedule *s, const GsPaymentMonth *row, guint digits)
{
  JsonArray *a = json_array_new ();
  for (guint m = 0; m < s->n_months; m++)
    {
      JsonObject *o = json_object_new ();
      g_autofree char *month = gs_ledger_month_text (s->first_month + (gint) m);
      json_object_set_string_member (o, "month", month);
      set_money (o, "earned", row[m].earned, digits);
      set_money (o, "clawed_back", row[m].clawed_back, digits);
      set_money (o, "paid", row[m].paid, digits);
      set_money (o, "payable", row[m].payable_close, digits);
      json_array_add_object_element (a, o);
    }
  return take_array (a);
}

static JsonNode *
payments_json (const GsPaymentSchedule *s, guint digits)
{
  JsonObject *o = json_object_new ();
  JsonArray *people = json_array_new ();
  json_object_set_int_member (o, "lag_months", s->lag);
  for (guint p = 0; p < s->n_people; p++)
    {
      JsonObject *po = json_object_new ();
      json_object_set_string_member (po, "person", s->people[p]);
      json_object_set_member (po, "months",
                              payment_months (s, &s->cells[(gsize) p * s->n_months], digits));
      json_array_add_object_element (people, po);
    }
  json_object_set_array_member (o, "people", people);
  json_object_set_member (o, "total", payment_months (s, s->total, digits));
  return take_object (o);
}

static JsonNode *
expense_months (const GsExpense *e, guint digits)
{
  JsonArray *a = json_array_new ();
  for (guint m = 0; m < e->n_months; m++)
    {
      const GsExpenseMonth *x = &e->months[m];
      JsonObject *o = json_object_new ();
      g_autofree char *month = gs_ledger_month_text (e->first_month + (gint) m);
      json_object_set_string_member (o, "month", month);
      set_money (o, "capitalised", x->capitalised, digits);
      set_money (o, "amortised", x->amortised, digits);
      set_money (o, "reversed", x->reversed, digits);
      set_money (o, "at_once", x->at_once, digits);
      set_money (o, "recovered", x->recovered, digits);
      set_money (o, "expense", x->expense, digits);
      set_money (o, "balance_open", x->open, digits);
      set_money (o, "balance_close", x->close, digits);
      json_array_add_object_element (a, o);
    }
  return take_array (a);
}

static const char *const row_kinds[] = { "capitalised", "at_once", "recovery" };

static JsonArray *
rows_json (const GsExpense *e, guint digits)
{
  JsonArray *a = json_array_new ();
  GsLedgerSpanIter it;
  GsExpenseRow row;
  gs_ledger_span_iter_init (&it, e->spans, e->n_spans);
  while (gs_expense_next_row (e, &it, &row))
    {
      const GsExpenseRow *r = &row;
      JsonObject *o = json_object_new ();
      g_autofree char *month = gs_ledger_month_text (r->month);
      json_object_set_string_member (o, "person", r->person);
      if (r->deal)
        json_object_set_string_member (o, "deal", r->deal);
      else
        json_object_set_null_member (o, "deal");
      json_object_set_string_member (o, "line", gs_pay_kind_ids[r->line_kind]);
      json_object_set_string_member (o, "treatment", row_kinds[r->kind]);
      json_object_set_string_member (o, "month", month);
      set_money (o, "amount", r->amount, digits);
      json_object_set_int_member (o, "life_months", r->life);
      if (r->reversed_in != G_MAXINT)
        {
          g_autofree char *rev = gs_ledger_month_text (r->reversed_in);
          json_object_set_string_member (o, "reversed_in", rev);
        }
      else
        json_object_set_null_member (o, "reversed_in");
      json_object_set_member (o, "expense",
                              gs_result_json_money_array (r->expense, e->n_months, digits));
      json_array_add_object_element (a, o);
    }
  return a;
}

static JsonArray *
deals_json (const GsExpense *e, guint digits)
{
  JsonArray *a = json_array_new ();
  for (guint i = 0; i < e->n_deals; i++)
    {
      const GsExpenseDeal *d = &e->deals[i];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "deal", d->deal);
      set_money (o, "commission", d->commission, digits);
      set_money (o, "clawed_back", d->clawed_back, digits);
      json_object_set_member (o, "expense",
                              gs_result_json_money_array (d->expense, e->n_months, digits));
      json_object_set_member (o, "balance",
                              gs_result_json_money_array (d->balance, e->n_months, digits));
      json_array_add_object_element (a, o);
    }
  return a;
}

JsonNode *
gs_ledger_to_json (const GsPaymentSchedule *payments, const GsExpense *expense,
                   const char *currency, guint digits, gboolean deals)
{
  JsonObject *root = json_object_new ();
  JsonObject *x = json_object_new ();
  json_object_set_string_member (root, "format", GS_EXPENSE_FORMAT_NAME);
  json_object_set_string_member (root, "version", GS_EXPENSE_FORMAT_VERSION);
  json_object_set_string_member (root, "currency", currency);
  json_object_set_member (root, "payments", payments_json (payments, digits));
  json_object_set_int_member (x, "customer_life_months", expense->life_months);
  json_object_set_boolean_member (x, "expedient", expense->expedient);
  if (expense->n_months > 0)
    {
      g_autofree char *first = gs_ledger_month_text (expense->first_month);
      json_object_set_string_member (x, "first_month", first);
    }
  else
    json_object_set_null_member (x, "first_month");
  json_object_set_member (x, "months", expense_months (expense, digits));
  if (deals)
    {
      json_object_set_array_member (x, "deals", deals_json (expense, digits));
      json_object_set_array_member (x, "rows", rows_json (expense, digits));
    }
  json_object_set_object_member (root, "expense", x);
  return take_object (root);
}
