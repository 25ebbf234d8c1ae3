/* test-expense.c — commission expense under ASC 340-40 / IFRS 15, worked by
 * hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rounding rule: ⌊|A| ÷ L⌋ a month, the remainder cents one each in the
 * first months.  €1,000.00 over 36 months: 100,000 ÷ 36 = 2,777 rest 28, so
 * 27.78 × 28 + 27.77 × 8 = 777.84 + 222.16 = 1,000.00.  100.00 over 36:
 * 10,000 ÷ 36 = 277 rest 28: 2.78 × 28 + 2.77 × 8 = 100.00.
 *
 * The lines (customer life 36 months, so no expedient):
 *   Ana D1 commission 1,000.00, January 2027      capitalised
 *   Ana D1 true-up      100.00, July 2027         capitalised
 *   Ana    draw       2,000.00, January 2027      expensed at once (not incremental)
 *   Ana    SPIF         500.00, February 2027     at once (no deal)
 *   Ben D2 commission   360.00, January 2027      capitalised: 10.00 a month
 *   Ben D2 clawback    −360.00, April 2027        reverses D2's balance
 * January: capitalised 1,360.00; amortised 27.78 + 10.00 = 37.78; at once
 * 2,000.00; expense 2,037.78; balance 1,360.00 − 37.78 = 1,322.22.
 * April: open 1,360.00 − 3 × 37.78 = 1,246.66; D1 27.78 amortised; D2's
 * 360.00 − 30.00 = 330.00 reversed; 360.00 recovered: expense 27.78 + 330.00
 * − 360.00 = −2.22; close 1,246.66 − 27.78 − 330.00 = 888.88 (D1: 1,000.00 −
 * 4 × 27.78).  July: 100.00 capitalised, 27.78 + 2.78 = 30.56 amortised.
 * The schedule runs to June 2030 (the true-up's 36th month): 42 months, and
 * expenses 1,000 + 100 + 2,000 + 500 + 360 − 360 = 3,600.00 in all.  D2 costs
 * nothing over its life.
 */
#include "gs-error.h"
#include "gs-expense.h"
#include "test-comp-util.h"

#define M(y, m) gs_ledger_month (y, m)
#define E(x) ((GsMoney) ((x) *100 + ((x) < 0 ? -0.5 : 0.5)))

static const GsLedgerLine lines[] = {
  { "Ana", "D1", 2027 * 12 + 0, 100000, GS_PAY_COMMISSION },
  { "Ana", "D1", 2027 * 12 + 6, 10000, GS_PAY_TRUE_UP },
  { "Ana", NULL, 2027 * 12 + 0, 200000, GS_PAY_DRAW },
  { "Ana", NULL, 2027 * 12 + 1, 50000, GS_PAY_SPIF },
  { "Ben", "D2", 2027 * 12 + 0, 36000, GS_PAY_COMMISSION },
  { "Ben", "D2", 2027 * 12 + 3, -36000, GS_PAY_CLAWBACK },
};

static void
test_part (void)
{
  GsMoney sum = 0;
  for (guint k = 0; k < 36; k++)
    {
      g_assert_cmpint (gs_expense_part (100000, 36, k), ==, k < 28 ? 2778 : 2777);
      sum += gs_expense_part (100000, 36, k);
    }
  g_assert_cmpint (sum, ==, 100000);
  g_assert_cmpint (gs_expense_part (100000, 36, 36), ==, 0);
  g_assert_cmpint (gs_expense_part (-100000, 36, 0), ==, -2778);
  g_assert_cmpint (gs_expense_part (-100000, 36, 35), ==, -2777);
  g_assert_cmpint (gs_expense_part (5, 36, 4), ==, 1);
  g_assert_cmpint (gs_expense_part (5, 36, 5), ==, 0);
  g_assert_cmpint (gs_expense_part (700, 1, 0), ==, 700);
}

static void
test_by_hand (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsExpense) e = gs_expense_new (lines, G_N_ELEMENTS (lines), 36, &error);
  const GsExpenseMonth *jan, *apr, *jul;
  GsMoney total = 0;
  g_assert_no_error (error);
  g_assert_false (e->expedient);
  g_assert_cmpint (e->first_month, ==, M (2027, 1));
  g_assert_cmpuint (e->n_months, ==, 42);
  jan = &e->months[0];
  apr = &e->months[3];
  jul = &e->months[6];
  g_assert_cmpint (jan->capitalised, ==, E (1360));
  g_assert_cmpint (jan->amortised, ==, E (37.78));
  g_assert_cmpint (jan->at_once, ==, E (2000));
  g_assert_cmpint (jan->expense, ==, E (2037.78));
  g_assert_cmpint (jan->close, ==, E (1322.22));
  g_assert_cmpint (e->months[1].expense, ==, E (537.78));
  g_assert_cmpint (apr->open, ==, E (1246.66));
  g_assert_cmpint (apr->amortised, ==, E (27.78));
  g_assert_cmpint (apr->reversed, ==, E (330));
  g_assert_cmpint (apr->recovered, ==, E (-360));
  g_assert_cmpint (apr->expense, ==, E (-2.22));
  g_assert_cmpint (apr->close, ==, E (888.88));
  /* Left the asset in April: 27.78 amortised + 330.00 reversed. */
  g_assert_cmpint (apr->released, ==, E (357.78));
  g_assert_cmpint (jul->capitalised, ==, E (100));
  g_assert_cmpint (jul->amortised, ==, E (30.56));
  /* D1's 28th month (April 2029) is the last at 27.78; the 29th is 27.77. */
  g_assert_cmpint (e->rows[0].expense[27], ==, E (27.78));
  g_assert_cmpint (e->rows[0].expense[28], ==, E (27.77));
  g_assert_cmpint (e->rows[0].expense[36], ==, 0);
  g_assert_cmpint (e->rows[1].expense[41], ==, E (2.77));
  g_assert_cmpint (e->rows[4].reversed_in, ==, M (2027, 4));
  g_assert_cmpint (e->rows[4].expense[3], ==, E (330));
  g_assert_cmpint (e->rows[4].expense[4], ==, 0);
  g_assert_cmpint (e->rows[2].kind, ==, GS_EXPENSE_AT_ONCE);
  g_assert_cmpint (e->rows[3].kind, ==, GS_EXPENSE_AT_ONCE);
  g_assert_cmpint (e->rows[5].kind, ==, GS_EXPENSE_RECOVERY);
  g_assert_cmpuint (e->n_deals, ==, 2);
  g_assert_cmpstr (e->deals[0].deal, ==, "D1");
  g_assert_cmpint (e->deals[0].commission, ==, E (1100));
  g_assert_cmpint (e->deals[0].expense_total, ==, E (1100));
  g_assert_cmpint (e->deals[1].expense_total, ==, e->deals[1].commission + e->deals[1].clawed_back);
  g_assert_cmpint (e->deals[0].balance[3], ==, E (888.88));
  g_assert_cmpint (e->deals[1].clawed_back, ==, E (-360));
  g_assert_cmpint (e->deals[1].balance[2], ==, E (330));
  g_assert_cmpint (e->deals[1].balance[3], ==, 0);
  for (guint m = 0; m < e->n_months; m++)
    total += e->months[m].expense;
  g_assert_cmpint (total, ==, E (3600));
  g_assert_cmpint (e->months[41].close, ==, 0);
  /* The totals: capitalised 1,360.00 + 100.00 = 1,460.00, of it 330.00
   * reversed and 1,460.00 − 330.00 = 1,130.00 amortised; at once 2,000.00 +
   * 500.00; recovered −360.00; expense 1,130.00 + 330.00 + 2,500.00 − 360.00
   * = 3,600.00, the months' sum; the balance closes at 0. */
  g_assert_cmpint (e->total.capitalised, ==, E (1460));
  g_assert_cmpint (e->total.reversed, ==, E (330));
  g_assert_cmpint (e->total.amortised, ==, E (1130));
  g_assert_cmpint (e->total.released, ==, E (1460));
  g_assert_cmpint (e->total.at_once, ==, E (2500));
  g_assert_cmpint (e->total.recovered, ==, E (-360));
  g_assert_cmpint (e->total.expense, ==, total);
  g_assert_cmpint (e->total.close, ==, 0);
  g_assert_true (gs_expense_check (e, &error));
  g_assert_no_error (error);
}

/* Life 12: the practical expedient, everything in the month earned; the
 * clawback is −360.00 in April and nothing is reversed. */
static void
test_expedient (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsExpense) e = gs_expense_new (lines, G_N_ELEMENTS (lines), 12, &error);
  g_assert_no_error (error);
  g_assert_true (e->expedient);
  g_assert_cmpuint (e->n_months, ==, 7);
  g_assert_cmpint (e->months[0].expense, ==, E (3360));
  g_assert_cmpint (e->months[1].expense, ==, E (500));
  g_assert_cmpint (e->months[3].expense, ==, E (-360));
  g_assert_cmpint (e->months[6].expense, ==, E (100));
  for (guint m = 0; m < e->n_months; m++)
    {
      g_assert_cmpint (e->months[m].capitalised, ==, 0);
      g_assert_cmpint (e->months[m].close, ==, 0);
    }
  g_assert_true (gs_expense_check (e, &error));
  /* 13 months is past the expedient: capitalised. */
  {
    g_autoptr (GsExpense) e13 = gs_expense_new (lines, 1, 13, &error);
    g_assert_false (e13->expedient);
    g_assert_cmpint (e13->months[0].capitalised, ==, E (1000));
    g_assert_cmpint (e13->months[0].expense, ==, E (76.93)); /* 100,000 ÷ 13 = 7,692 rest 4 */
    g_assert_cmpint (e13->months[12].expense, ==, E (76.92));
  }
}

/* A partial clawback: D2 360.00, −100.00 in April: 330.00 reversed, 100.00
 * recovered, so D2 costs 260.00.  A true-up down is a reduction at once. */
static void
test_partial (void)
{
  g_autoptr (GError) error = NULL;
  GsLedgerLine l[] = {
    { "Ben", "D2", M (2027, 1), 36000, GS_PAY_COMMISSION },
    { "Ben", "D2", M (2027, 4), -10000, GS_PAY_CLAWBACK },
    { "Ben", "D3", M (2027, 2), -5000, GS_PAY_TRUE_UP },
    { "Cy", "D2", M (2027, 1), 7200, GS_PAY_COMMISSION }, /* another person's share: not reversed */
  };
  g_autoptr (GsExpense) e = gs_expense_new (l, G_N_ELEMENTS (l), 36, &error);
  GsMoney d2 = 0;
  g_assert_no_error (error);
  g_assert_cmpint (e->months[3].reversed, ==, E (330));
  g_assert_cmpint (e->months[3].recovered, ==, E (-100));
  g_assert_cmpint (e->months[1].at_once, ==, E (-50));
  g_assert_cmpint (e->rows[2].kind, ==, GS_EXPENSE_AT_ONCE);
  g_assert_cmpint (e->rows[3].expense[3], ==, E (2));
  g_assert_cmpint (e->rows[3].reversed_in, ==, G_MAXINT);
  g_assert_cmpstr (e->deals[0].deal, ==, "D2");
  for (guint m = 0; m < e->n_months; m++)
    d2 += e->deals[0].expense[m];
  g_assert_cmpint (d2, ==, E (260 + 72));
  g_assert_true (gs_expense_check (e, &error));
  g_assert_no_error (error);
}

static void
test_refused (void)
{
  g_autoptr (GError) error = NULL;
  GsLedgerLine l[] = { { "Ana", "D1", M (2027, 1), 100, GS_PAY_COMMISSION },
                       { "Ana", "D1", M (2100, 1), 100, GS_PAY_COMMISSION } };
  g_assert_null (gs_expense_new (l, 1, 0, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gs_expense_new (l, 1, GS_EXPENSE_MAX_LIFE + 1, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gs_expense_new (l, 2, 600, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (GsExpense) none = gs_expense_new (NULL, 0, 36, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->n_months, ==, 0);
    g_assert_true (gs_expense_check (none, &error));
  }
  {
    g_autoptr (GsExpense) e = gs_expense_new (lines, G_N_ELEMENTS (lines), 36, &error);
    e->rows[0].expense[5] += 1;
    g_assert_false (gs_expense_check (e, &error));
    g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "D1"));
  }
}

/* Invariants on random lines and lives: every row and deal sums exactly,
 * balances never go negative, the expedient expenses in the month earned. */
static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (340);
  const char *people[] = { "Ana", "Ben" };
  const char *deals[] = { "D1", "D2", "D3", NULL };
  for (guint round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 1, 30);
      guint life = g_rand_int_range (rand, 1, 61);
      g_autofree GsLedgerLine *l = g_new0 (GsLedgerLine, n);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsExpense) e = NULL;
      for (guint i = 0; i < n; i++)
        {
          l[i].person = people[g_rand_int_range (rand, 0, 2)];
          l[i].deal = deals[g_rand_int_range (rand, 0, 4)];
          l[i].month = M (2027, 1) + g_rand_int_range (rand, 0, 24);
          l[i].kind = g_rand_int_range (rand, 0, GS_PAY_N_KINDS);
          l[i].amount = g_rand_int_range (rand, -1000, 10000000);
          if (l[i].kind == GS_PAY_CLAWBACK)
            l[i].amount = -(l[i].amount < 0 ? -l[i].amount : l[i].amount);
        }
      e = gs_expense_new (l, n, life, &error);
      g_assert_no_error (error);
      g_assert_true (gs_expense_check (e, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < e->n_rows; i++)
        if (e->expedient)
          g_assert_cmpint (e->rows[i].expense[e->rows[i].month - e->first_month], ==,
                           e->rows[i].amount);
    }
  g_rand_free (rand);
}

/* The plan's settings: compensation.payment.lag_months (0 by default) and
 * compensation.expense.customer_life_months (12 by default: the expedient). */
static void
test_plan_settings (void)
{
  g_autofree char *plain = one_component (", \"table\": {\"type\": \"flat\", \"rate\": 0.1}", NULL);
  g_autoptr (GsCompModel) defaults = comp_model_patched (plain, NULL);
  g_autofree char *set = g_strdup_printf ("{\"payment\": {\"lag_months\": 1},"
                                          " \"expense\": {\"customer_life_months\": 36},%s",
                                          plain + 1);
  g_autoptr (GsCompModel) comp = comp_model_patched (set, NULL);
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_assert_cmpuint (defaults->payment_lag_months, ==, 0);
  g_assert_cmpuint (defaults->customer_life_months, ==, 12);
  g_assert_cmpuint (comp->payment_lag_months, ==, 1);
  g_assert_cmpuint (comp->customer_life_months, ==, 36);
  patch (tree, "compensation", plain);
  patch (tree, "compensation.expense", "{\"customer_life_months\": 0}");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "compensation.expense.customer_life_months"));
}

/* A shared line: D9's commission of 360.00 in January, stored once and
 * booked for Ana and Ben (10.00 a month each over 36 months), between their
 * own lines.  The rows as booked are those of the same lines one per person:
 * Ana D1, Ana D9, Ben D9, Ben D2 …; D9's row counts twice (720.00 in the
 * deal, 20.00 a month).  Ben's clawback of D9 would reverse his share of the
 * shared row alone: refused. */
static void
test_shared (void)
{
  const GsLedgerLine d9 = { NULL, "D9", M (2027, 1), 36000, GS_PAY_COMMISSION };
  const GsLedgerLine flat[] = {
    lines[0],
    { "Ana", "D9", M (2027, 1), 36000, GS_PAY_COMMISSION },
    { "Ben", "D9", M (2027, 1), 36000, GS_PAY_COMMISSION },
    lines[4],
    lines[5],
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GsLedgerLines) set = gs_ledger_lines_new ();
  g_autoptr (GsLedgerLines) bad = NULL;
  g_autoptr (GsExpense) e = NULL, alone = NULL;
  GsLedgerSpanIter it;
  GsExpenseRow row;
  guint shared, i = 0;

  gs_ledger_lines_append (set, &lines[0]);
  shared = gs_ledger_lines_store (set, &d9);
  gs_ledger_lines_book (set, gs_ledger_lines_text (set, "Ana"), shared, 1);
  gs_ledger_lines_book (set, gs_ledger_lines_text (set, "Ben"), shared, 1);
  gs_ledger_lines_append (set, &lines[4]);
  gs_ledger_lines_append (set, &lines[5]);
  g_assert_cmpuint (set->n_stored, ==, 4);
  g_assert_cmpuint (set->n_lines, ==, 5);
  e = gs_expense_new_for (set, 36, &error);
  g_assert_no_error (error);
  g_assert_true (gs_expense_check (e, &error));
  alone = gs_expense_new (flat, G_N_ELEMENTS (flat), 36, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (e->rows[shared].count, ==, 2);
  g_assert_null (e->rows[shared].person);
  g_assert_cmpuint (e->n_lines, ==, alone->n_rows);
  gs_ledger_span_iter_init (&it, e->spans, e->n_spans);
  while (gs_expense_next_row (e, &it, &row))
    {
      const GsExpenseRow *z = &alone->rows[i++];
      g_assert_cmpstr (row.person, ==, z->person);
      g_assert_cmpstr (row.deal, ==, z->deal);
      g_assert_cmpint (row.amount, ==, z->amount);
      g_assert_cmpint (row.reversed_in, ==, z->reversed_in);
      g_assert_cmpmem (row.expense, sizeof (GsMoney) * e->n_months, z->expense,
                       sizeof (GsMoney) * alone->n_months);
    }
  g_assert_cmpuint (i, ==, 5);
  g_assert_cmpmem (e->months, sizeof (GsExpenseMonth) * e->n_months, alone->months,
                   sizeof (GsExpenseMonth) * alone->n_months);
  g_assert_cmpstr (e->deals[1].deal, ==, "D9");
  g_assert_cmpint (e->deals[1].commission, ==, E (720));
  g_assert_cmpint (e->deals[1].expense[0], ==, E (20));
  g_assert_cmpint (e->months[0].amortised, ==, E (27.78 + 20 + 10));

  bad = gs_ledger_lines_new ();
  shared = gs_ledger_lines_store (bad, &d9);
  gs_ledger_lines_book (bad, gs_ledger_lines_text (bad, "Ben"), shared, 1);
  gs_ledger_lines_append (bad,
                          &(GsLedgerLine){ "Ben", "D9", M (2027, 4), -36000, GS_PAY_CLAWBACK });
  g_assert_null (gs_expense_new_for (bad, 36, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/expense/part", test_part);
  g_test_add_func ("/expense/by-hand", test_by_hand);
  g_test_add_func ("/expense/expedient", test_expedient);
  g_test_add_func ("/expense/partial", test_partial);
  g_test_add_func ("/expense/refused", test_refused);
  g_test_add_func ("/expense/random", test_random);
  g_test_add_func ("/expense/shared", test_shared);
  g_test_add_func ("/expense/plan-settings", test_plan_settings);
  return g_test_run ();
}
