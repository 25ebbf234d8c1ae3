/* test-pay-stream.c — company-bookings pay shared by the people of a role
 * (gs-pay-stream.h): every person's year from gs_pay_company, whose company
 * events are runs of a shared stream, equals the year computed alone
 * (gs_pay_year) deal by deal and line by line, and people add up to roles
 * and roles to the company to the cent.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny pay plan (test-pay-util.h) with the AE role paid 60 % on own
 * bookings (quarterly, year to date, a band table: retroactive, with a
 * component cap) and 40 % on company bookings (flat, gated on own bookings
 * at 50 %, with a discount table), Bob on a quota of his own (so his gate
 * opens at another point); the manager paid on company bookings too, with a
 * plan cap (not shared: the cap acts on the sum); the marketer's role
 * starting with company bookings (each listed person's stream is their
 * own).  150 generated deals: owners, splits, discounts and refunds.
 */
#include "gs-expense.h"
#include "gs-ledger-pay.h"
#include "gs-payment-schedule.h"
#include "gs-pay-months.h"
#include "gs-statement.h"
#include "test-pay-util.h"

#include <string.h>

static const char *ae_role
    = "{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"80000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 0.6,"
      "  \"quota\": \"400000.00\", \"period\": \"quarterly\", \"attainment\": \"ytd\","
      "  \"table\": {\"type\": \"band\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      "  {\"from\": 1, \"rate\": 1.5}]}, \"cap\": {\"of_target\": 2}},"
      " {\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.4,"
      "  \"quota\": \"2000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1},"
      "  \"gate\": {\"measure\": \"own_bookings\", \"min_attainment\": 0.5},"
      "  \"discount_modifier\": [{\"from\": 0, \"to\": 0.1, \"multiplier\": 1},"
      "   {\"from\": 0.1, \"multiplier\": 0.8}]}],"
      " \"people\": [{\"name\": \"Bob Ray\", \"quota\": \"250000.00\"}],"
      " \"clawback\": {\"days\": 90}}";

static const char *mgr_role
    = "{\"id\": \"mgr\", \"kind\": \"manager\", \"ote\": \"100000.00\", \"pay_mix\": 0.2,"
      " \"components\": [{\"id\": \"team\", \"measure\": \"team_bookings\", \"weight\": 0.5,"
      "  \"quota\": \"1000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}},"
      " {\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.5,"
      "  \"quota\": \"2000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}}],"
      " \"cap\": {\"of_target\": 1.2}}";

static const char *mkt_role
    = "{\"id\": \"mkt\", \"kind\": \"marketing\", \"ote\": \"50000.00\", \"pay_mix\": 0.2,"
      " \"components\": [{\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.5,"
      "  \"quota\": \"2000000.00\", \"period\": \"quarterly\", \"table\": {\"type\": \"marginal\","
      "  \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1}, {\"from\": 1, \"rate\": 2}]}},"
      " {\"id\": \"src\", \"measure\": \"marketing_sourced_bookings\", \"weight\": 0.5,"
      "  \"quota\": \"1000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}}],"
      " \"people\": [{\"name\": \"Mia Wong\", \"quota\": \"1500000.00\"}]}";

static GsModel *
generated (GsCompModel **comp, guint32 seed, guint n)
{
  const char *const patches[] = { "compensation.roles[0]",
                                  ae_role,
                                  "compensation.roles[2]",
                                  mgr_role,
                                  "compensation.roles[3]",
                                  mkt_role,
                                  NULL };
  const char *owners[] = { "ann", "bob", "omar", "ann", "bob" };
  GString *json = g_string_new ("[");
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GsModel *m;

  for (guint i = 0; i < n; i++)
    {
      guint kind = (guint) g_rand_int_range (rand, 0, 10);
      g_string_append_printf (
          json,
          "%s{\"id\": \"G%u\", \"owner\": \"%s\", \"amount\": \"%d.%02d\", \"stage\": \"won\","
          " \"status\": \"won\"%s, \"created\": \"2027-01-01\", \"closed\":"
          " \"2027-%02d-%02d\"",
          i ? "," : "", i, owners[i % 5], g_rand_int_range (rand, 1000, 90000),
          g_rand_int_range (rand, 0, 100), kind < 4 ? ", \"source\": \"inbound\"" : "",
          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 20));
      if (kind == 1)
        g_string_append (json, ", \"refunded\": \"2027-12-20\"");
      if (kind == 2 || kind == 5)
        g_string_append_printf (json, ", \"discount\": %.2f", g_rand_double_range (rand, 0, 0.3));
      if (kind == 3)
        g_string_append (json, ", \"splits\": [{\"person\": \"ann\", \"share\": 0.6},"
                               " {\"person\": \"bob\", \"share\": 0.4}]");
      g_string_append (json, "}");
    }
  g_string_append (json, "]");
  m = pay_model (json->str, patches, comp);
  g_string_free (json, TRUE);
  return m;
}

static void
collect_deal (const GsDealPay *pay, gpointer data)
{
  g_array_append_val ((GArray *) data, *pay);
}

static void
collect_line (const GsCommissionLine *line, gpointer data)
{
  g_array_append_val ((GArray *) data, *line);
}

static void
assert_same_deal (const GsDealPay *x, const GsDealPay *y)
{
  g_assert_cmpint (x->event.measure, ==, y->event.measure);
  g_assert_cmpint (x->event.month, ==, y->event.month);
  g_assert_cmpfloat (x->event.amount, ==, y->event.amount);
  g_assert_cmpuint (x->event.deal, ==, y->event.deal);
  g_assert_cmpint (x->event.order, ==, y->event.order);
  g_assert_cmpfloat (x->ytd, ==, y->ytd);
  g_assert_cmpfloat (x->attainment, ==, y->attainment);
  g_assert_cmpint (x->commission, ==, y->commission);
  g_assert_cmpint (x->true_up, ==, y->true_up);
  g_assert_cmpint (x->earned, ==, y->earned);
  g_assert_cmpfloat (x->multiplier, ==, y->multiplier);
  g_assert_cmpint (x->discount_cut, ==, y->discount_cut);
  g_assert_cmpmem (x->month_commission, sizeof x->month_commission, y->month_commission,
                   sizeof y->month_commission);
  g_assert_cmpmem (x->month_true_up, sizeof x->month_true_up, y->month_true_up,
                   sizeof y->month_true_up);
  g_assert_cmpmem (x->month_discount, sizeof x->month_discount, y->month_discount,
                   sizeof y->month_discount);
}

static void
assert_same_row (const GsExpenseRow *x, const GsExpenseRow *z, guint n_months)
{
  g_assert_cmpstr (x->person, ==, z->person);
  g_assert_cmpstr (x->deal, ==, z->deal);
  g_assert_cmpint (x->line_kind, ==, z->line_kind);
  g_assert_cmpint (x->kind, ==, z->kind);
  g_assert_cmpint (x->month, ==, z->month);
  g_assert_cmpint (x->amount, ==, z->amount);
  g_assert_cmpuint (x->life, ==, z->life);
  g_assert_cmpint (x->reversed_in, ==, z->reversed_in);
  g_assert_cmpmem (x->expense, n_months * sizeof (GsMoney), z->expense,
                   n_months * sizeof (GsMoney));
}

/* The ledger of the company's years (shared lines stored once, booked per
 * person as spans) read line by line equals every person's year computed
 * alone, person after person in the actuals' order, each line as the
 * ledger books it; and so do the payment schedule and the expense (a life
 * of 36 months, a lag of 1) of a plain array of those lines.  A span
 * skipped, booked twice or for another person, or people out of order, and
 * the lines differ. */
static void
assert_ledger_equals_alone (const GsModel *m, const GsCompModel *comp, const GsPayCompany *c,
                            const GsCredits *credits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsLedgerLines) ledger = gs_ledger_lines_from_pay (m, c);
  g_autoptr (GArray) alone = g_array_new (FALSE, FALSE, sizeof (GsLedgerLine));
  g_autoptr (GsExpense) e = NULL, ea = NULL;
  g_autoptr (GsPaymentSchedule) s = NULL, sa = NULL;
  GsLedgerSpanIter it;
  GsLedgerLine x;
  GsExpenseRow row;
  const char *who;
  guint i = 0, at;

  for (guint p = 0; p < c->years->len; p++)
    {
      g_autoptr (GsPayYear) y = gs_pay_year (m, comp, credits, p, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < y->lines->len; j++)
        {
          const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, j);
          GsMonth mo = gs_model_month (m, (int) l->month);
          GsLedgerLine z
              = { m->actuals->people[p].name, l->deal,
                  gs_ledger_month ((gint) mo.year, (gint) mo.month), l->amount, l->kind };
          g_array_append_val (alone, z);
        }
    }
  g_assert_cmpuint (ledger->n_lines, ==, alone->len);
  gs_ledger_span_iter_init (&it, ledger->spans, ledger->n_spans);
  while (gs_ledger_span_iter_next (&it, &who, &at))
    {
      const GsLedgerLine *z = &g_array_index (alone, GsLedgerLine, i++);
      x = ledger->stored[at];
      /* A person's own line is stored with them; a shared one with no one. */
      if (x.person != NULL)
        g_assert_true (x.person == who);
      g_assert_cmpstr (who, ==, z->person);
      g_assert_cmpstr (x.deal, ==, z->deal);
      g_assert_cmpint (x.month, ==, z->month);
      g_assert_cmpint (x.amount, ==, z->amount);
      g_assert_cmpint (x.kind, ==, z->kind);
    }
  g_assert_cmpuint (i, ==, alone->len);

  /* The schedules of the shared lines, person by person. */
  s = gs_payment_schedule_new_for (ledger, 1, &error);
  g_assert_no_error (error);
  sa = gs_payment_schedule_new ((GsLedgerLine *) alone->data, alone->len, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_people, ==, sa->n_people);
  g_assert_cmpuint (s->n_months, ==, sa->n_months);
  for (guint p = 0; p < s->n_people; p++)
    g_assert_cmpstr (s->people[p], ==, sa->people[p]);
  g_assert_cmpmem (s->cells, sizeof (GsPaymentMonth) * s->n_people * s->n_months, sa->cells,
                   sizeof (GsPaymentMonth) * sa->n_people * sa->n_months);
  e = gs_expense_new_for (ledger, 36, &error);
  g_assert_no_error (error);
  g_assert_true (gs_expense_check (e, &error));
  ea = gs_expense_new ((GsLedgerLine *) alone->data, alone->len, 36, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (e->n_lines, ==, ea->n_rows);
  g_assert_cmpuint (e->n_months, ==, ea->n_months);
  g_assert_cmpint (e->first_month, ==, ea->first_month);
  i = 0;
  gs_ledger_span_iter_init (&it, e->spans, e->n_spans);
  while (gs_expense_next_row (e, &it, &row))
    assert_same_row (&row, &ea->rows[i++], e->n_months);
  g_assert_cmpmem (e->months, sizeof (GsExpenseMonth) * e->n_months, ea->months,
                   sizeof (GsExpenseMonth) * ea->n_months);
  g_assert_cmpuint (e->n_deals, ==, ea->n_deals);
  for (guint d = 0; d < e->n_deals; d++)
    {
      g_assert_cmpstr (e->deals[d].deal, ==, ea->deals[d].deal);
      g_assert_cmpint (e->deals[d].commission, ==, ea->deals[d].commission);
      g_assert_cmpint (e->deals[d].clawed_back, ==, ea->deals[d].clawed_back);
      g_assert_cmpmem (e->deals[d].expense, sizeof (GsMoney) * e->n_months, ea->deals[d].expense,
                       sizeof (GsMoney) * ea->n_months);
      g_assert_cmpmem (e->deals[d].balance, sizeof (GsMoney) * e->n_months, ea->deals[d].balance,
                       sizeof (GsMoney) * ea->n_months);
    }
}

/* Every person of the company equals their year computed alone; returns how
 * many years had shared runs. */
static guint
assert_company_equals_alone (const GsModel *m, const GsCompModel *comp)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPayCompany) c = gs_pay_company (m, comp, &error);
  g_autoptr (GsCredits) credits = gs_credit_deals (m, comp, &error);
  g_autofree GsMoney *roles = g_new0 (GsMoney, comp->n_roles);
  g_autoptr (GsLedgerLines) ledger = NULL;
  GsMoney month[GS_COMP_MONTHS] = { 0 }, people = 0;
  guint shared = 0, n_lines = 0;

  g_assert_no_error (error);
  for (guint p = 0; p < c->years->len; p++)
    {
      const GsPayYear *y = g_ptr_array_index (c->years, p);
      g_autoptr (GsPayYear) alone = gs_pay_year (m, comp, credits, p, &error);
      g_autoptr (GArray) deals = g_array_new (FALSE, FALSE, sizeof (GsDealPay));
      g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (GsCommissionLine));
      g_autoptr (GsPayMonths) a = NULL, b = NULL;
      GsMoney sum = 0;

      g_assert_no_error (error);
      g_assert_null (alone->runs);
      shared += y->runs != NULL && y->runs->len > 0;
      gs_pay_year_foreach_deal (y, collect_deal, deals);
      gs_pay_year_foreach_line (y, collect_line, lines);
      g_assert_cmpuint (deals->len, ==, alone->deals->len);
      for (guint i = 0; i < deals->len; i++)
        assert_same_deal (&g_array_index (deals, GsDealPay, i),
                          &g_array_index (alone->deals, GsDealPay, i));
      g_assert_cmpuint (lines->len, ==, alone->lines->len);
      g_assert_cmpuint (gs_pay_year_n_lines (y), ==, lines->len);
      for (guint i = 0; i < lines->len; i++)
        {
          const GsCommissionLine *x = &g_array_index (lines, GsCommissionLine, i);
          const GsCommissionLine *z = &g_array_index (alone->lines, GsCommissionLine, i);
          g_assert_cmpuint (x->person, ==, z->person);
          g_assert_cmpstr (x->deal, ==, z->deal);
          g_assert_cmpuint (x->month, ==, z->month);
          g_assert_cmpint (x->amount, ==, z->amount);
          g_assert_cmpint (x->kind, ==, z->kind);
          sum += x->amount;
          if (y->role)
            month[x->month] += x->amount;
        }
      /* Σ lines = the year's total = its payout's, as computed alone. */
      g_assert_cmpint (sum, ==, y->total);
      g_assert_cmpint (y->total, ==, alone->total);
      g_assert_cmpmem (y->by_kind, sizeof y->by_kind, alone->by_kind, sizeof alone->by_kind);
      if (y->role)
        {
          g_assert_cmpint (y->payout->total, ==, alone->payout->total);
          g_assert_cmpint (y->payout->earned, ==, alone->payout->earned);
          roles[y->role - comp->roles] += y->total;
        }
      a = gs_pay_months (y);
      b = gs_pay_months (alone);
      g_assert_cmpmem (a->months, sizeof a->months, b->months, sizeof b->months);
      g_assert_cmpint (a->total, ==, b->total);
      people += y->total;
      n_lines += lines->len;
    }
  /* People add up to roles, roles to the company, month by month. */
  for (guint r = 0; r < comp->n_roles; r++)
    g_assert_cmpint (roles[r], ==, c->role_total[r]);
  g_assert_cmpint (people, ==, c->total);
  g_assert_cmpmem (month, sizeof month, c->month, sizeof c->month);
  /* The ledger reads every line, as the years computed alone give them. */
  assert_ledger_equals_alone (m, comp, c, credits);
  ledger = gs_ledger_lines_from_pay (m, c);
  g_assert_cmpuint (ledger->n_lines, ==, n_lines);
  return shared;
}

static void
test_generated (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr (GsCompModel) comp = NULL;
      g_autoptr (GsModel) m = generated (&comp, seed, 150);
      guint n_gates;
      /* Ann and Bob (AE) and Mia (marketing) read shared streams; Sam's
       * plan cap keeps his year his own. */
      g_assert_true (gs_pay_stream_shareable (&comp->roles[0], &n_gates));
      g_assert_cmpuint (n_gates, ==, 1);
      g_assert_false (gs_pay_stream_shareable (&comp->roles[2], &n_gates));
      g_assert_true (gs_pay_stream_shareable (&comp->roles[3], &n_gates));
      g_assert_cmpuint (n_gates, ==, 0);
      g_assert_cmpuint (assert_company_equals_alone (m, comp), ==, 3);
    }
}

/* The hand-worked year of test-statement.c (no company bookings: nothing
 * shared) and the same year with the AE role paid on company bookings. */
static void
test_hand_worked (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  const char *const patches[] = { "compensation.roles[0]", pay_ae_role, NULL };
  g_autoptr (GsModel) m = pay_model (pay_year_deals, patches, &comp);
  g_autoptr (GsCompModel) comp2 = NULL;
  const char *const patches2[] = { "compensation.roles[0]", ae_role, NULL };
  g_autoptr (GsModel) m2 = pay_model (pay_year_deals, patches2, &comp2);

  g_assert_cmpuint (assert_company_equals_alone (m, comp), ==, 0);
  /* Ann, Bob: D1, D2, D3 are company bookings; Ann has credit on all of
   * them, Bob only on D1 (overlay): D2 and D3 are a run of his. */
  g_assert_cmpuint (assert_company_equals_alone (m2, comp2), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pay-stream/hand-worked", test_hand_worked);
  g_test_add_func ("/pay-stream/generated", test_generated);
  return g_test_run ();
}
