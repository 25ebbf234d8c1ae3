/* test-ledger-pay.c — the statements' commission lines booked by the ledger
 * (gs-ledger-pay.h, gs_ledger_from_pay), on the year test-statement.c works
 * by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan from January 2027 with the AE role of test-statement.c.  Ann's
 * lines: D1 8,000.00 and D2 24,000.00 in March, D3 18,500.00 + a true-up of
 * 20,000.00 in June, D1's clawback −31,500.00 in April, draws +2,000.00 in
 * January and February and −4,000.00 recovered in March: 39,000.00.  The
 * company: 52,400.00 (Ann 39,000, Bob 1,000, Omar 2,000, Sam 9,400, Mia
 * 1,000).  With no payment lag and a customer life of 12 months (the
 * expedient), every month's expense is what the statements pay in it; paid +
 * payable at the end is the company total.  With a life of 24 months D3's
 * 18,500.00 commission is capitalised from June: 770.84 a month for 8 months and
 * 770.83 for 16 (1,850,000 minor units ÷ 24 = 77,083 remainder 8; 6,166.72 +
 * 12,333.28 = 18,500.00).
 */
#include "gs-ledger.h"
#include "test-pay-util.h"

#define K(x) ((gint64) (x) *100)

static GsModel *
model (GsCompModel **comp, const char *expense)
{
  const char *const patches[]
      = { "compensation.roles[0]", pay_ae_role, "compensation.expense", expense, NULL };
  return pay_model (pay_year_deals, patches, comp);
}

static GsLedgerLine
find (const GsLedger *l, const char *person, const char *deal, gint month, GsPayKind kind)
{
  GsLedgerSpanIter it;
  GsLedgerLine x = { 0 };
  const char *who;
  guint i;
  gs_ledger_span_iter_init (&it, l->lines->spans, l->lines->n_spans);
  while (gs_ledger_span_iter_next (&it, &who, &i))
    {
      x = l->lines->stored[i];
      if (g_strcmp0 (who, person) == 0 && g_strcmp0 (x.deal, deal) == 0 && x.month == month
          && x.kind == kind)
        return x;
    }
  g_error ("no %s line of %s for %s", gs_pay_kind_ids[kind], person, deal ? deal : "-");
  return x;
}

#define M(y, m) gs_ledger_month (y, m)

static void
test_lines (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = model (&comp, "{\"customer_life_months\": 12}");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsLedger) l = gs_ledger_from_pay (m, comp, &error);
  GsMoney sum = 0, paid = 0, expense = 0;

  g_assert_no_error (error);
  g_assert_nonnull (l->company);
  g_assert_cmpint (find (l, "Ann Lee", "D1", M (2027, 3), GS_PAY_COMMISSION).amount, ==, K (8000));
  g_assert_cmpint (find (l, "Ann Lee", "D3", M (2027, 6), GS_PAY_TRUE_UP).amount, ==, K (20000));
  g_assert_cmpint (find (l, "Ann Lee", "D1", M (2027, 4), GS_PAY_CLAWBACK).amount, ==, K (-31500));
  g_assert_cmpint (find (l, "Ann Lee", NULL, M (2027, 2), GS_PAY_DRAW).amount, ==, K (2000));
  g_assert_cmpint (find (l, "Ann Lee", NULL, M (2027, 3), GS_PAY_DRAW_RECOVERY).amount, ==,
                   K (-4000));
  g_assert_cmpint (find (l, "Omar Ali", "D1", M (2027, 12), GS_PAY_COMMISSION).amount, ==,
                   K (2000));
  /* A span's lines count for its person. */
  for (guint i = 0; i < l->lines->n_spans; i++)
    for (guint k = 0; k < l->lines->spans[i].n; k++)
      sum += l->lines->stored[l->lines->spans[i].first + k].amount;
  g_assert_cmpint (sum, ==, K (52400));
  g_assert_cmpint (l->company->total, ==, K (52400));

  /* The expedient: the expense of a month is what the statements pay in it. */
  g_assert_true (l->expense->expedient);
  g_assert_cmpint (l->expense->first_month, ==, M (2027, 1));
  g_assert_cmpint (l->expense->months[0].expense, ==, K (2000 + 2000)); /* Ann's and Bob's draws */
  g_assert_cmpint (l->expense->months[2].expense, ==,
                   K (28000 + 2000)); /* Ann 28,000; Bob 5,000 − 3,000 */
  for (guint k = 0; k < l->expense->n_months; k++)
    expense += l->expense->months[k].expense;
  g_assert_cmpint (expense, ==, K (52400));

  /* Paid and still payable at the end: the statements' total. */
  for (guint k = 0; k < l->payments->n_months; k++)
    paid += l->payments->total[k].paid;
  g_assert_cmpint (paid + l->payments->total[l->payments->n_months - 1].payable_close, ==,
                   K (52400));
  g_assert_cmpuint (l->payments->n_people, ==, 5);
}

static void
test_amortised (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = model (&comp, "{\"customer_life_months\": 24}");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsLedger) l = gs_ledger_from_pay (m, comp, &error);
  const GsExpenseRow *d3 = NULL;
  GsMoney expense = 0;

  g_assert_no_error (error);
  g_assert_false (l->expense->expedient);
  for (guint i = 0; i < l->expense->n_rows; i++)
    if (g_strcmp0 (l->expense->rows[i].deal, "D3") == 0
        && l->expense->rows[i].line_kind == GS_PAY_COMMISSION
        && g_strcmp0 (l->expense->rows[i].person, "Ann Lee") == 0)
      d3 = &l->expense->rows[i];
  g_assert_nonnull (d3);
  g_assert_cmpuint (d3->life, ==, 24);
  g_assert_cmpint (d3->expense[5], ==, 77084);
  g_assert_cmpint (d3->expense[5 + 7], ==, 77084);
  g_assert_cmpint (d3->expense[5 + 8], ==, 77083);
  g_assert_cmpint (d3->expense[5 + 23], ==, 77083);
  for (guint k = 0; k < l->expense->n_months; k++)
    expense += l->expense->months[k].expense;
  g_assert_cmpint (expense, ==, l->company->total);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger-pay/lines", test_lines);
  g_test_add_func ("/ledger-pay/amortised", test_amortised);
  return g_test_run ();
}
