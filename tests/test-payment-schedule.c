/* test-payment-schedule.c — payments per person and month, worked by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ana: commission 1,000.00 earned in January 2027, a SPIF 500.00 in
 * February, a clawback −1,200.00 in March, commission 400.00 in April.
 * Ben: commission 300.00 in February.  Paid one month after (lag 1):
 *   Ana   earned  claw    paid    payable at close
 *   Jan   1000.00         0       1000.00
 *   Feb    500.00         1000.00  500.00
 *   Mar          −1200.00  500.00 −1200.00   (the person owes)
 *   Apr    400.00            0    −800.00   (due −1200.00: carried)
 *   May                      0    −800.00   (due −1200 + 400 = −800: carried)
 * Ben: Feb earned 300.00, Mar paid 300.00; the schedule runs Jan to May.
 * With lag 0 Ana is paid 1,000.00 in January, 500.00 in February, nothing
 * from March (−1,200.00 carried, then −800.00 after April’s 400.00).
 */
#include "gs-error.h"
#include "gs-payment-schedule.h"

#define M(y, m) gs_ledger_month (y, m)
#define E(x) ((GsMoney) ((x) *100))

static const GsLedgerLine lines[] = {
  { "Ana", "D1", 2027 * 12 + 0, 100000, GS_PAY_COMMISSION },
  { "Ana", NULL, 2027 * 12 + 1, 50000, GS_PAY_SPIF },
  { "Ben", "D2", 2027 * 12 + 1, 30000, GS_PAY_COMMISSION },
  { "Ana", "D1", 2027 * 12 + 2, -120000, GS_PAY_CLAWBACK },
  { "Ana", "D3", 2027 * 12 + 3, 40000, GS_PAY_COMMISSION },
};

static void
test_month_text (void)
{
  g_autofree char *a = gs_ledger_month_text (M (2027, 3));
  g_autofree char *b = gs_ledger_month_text (M (2027, 12));
  GsPayKind k;
  g_assert_cmpstr (a, ==, "2027-03");
  g_assert_cmpstr (b, ==, "2027-12");
  /* One set of ids for pay and ledger; the older spellings still read. */
  g_assert_cmpstr (gs_pay_kind_ids[GS_PAY_TRUE_UP], ==, "true_up");
  g_assert_true (gs_pay_kind_from_id ("draw_recovery", &k));
  g_assert_cmpint (k, ==, GS_PAY_DRAW_RECOVERY);
  g_assert_true (gs_pay_kind_from_id ("draw-recovery", &k));
  g_assert_cmpint (k, ==, GS_PAY_DRAW_RECOVERY);
  g_assert_true (gs_pay_kind_from_id ("true-up", &k));
  g_assert_cmpint (k, ==, GS_PAY_TRUE_UP);
  g_assert_false (gs_pay_kind_from_id ("bonus", &k));
}

static void
test_lag_one (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPaymentSchedule) s
      = gs_payment_schedule_new (lines, G_N_ELEMENTS (lines), 1, &error);
  const GsMoney paid[5] = { 0, E (1000), E (500), 0, 0 };
  const GsMoney payable[5] = { E (1000), E (500), E (-1200), E (-800), E (-800) };
  g_assert_no_error (error);
  g_assert_cmpint (s->first_month, ==, M (2027, 1));
  g_assert_cmpuint (s->n_months, ==, 5);
  g_assert_cmpuint (s->n_people, ==, 2);
  g_assert_cmpstr (s->people[0], ==, "Ana");
  g_assert_cmpstr (s->people[1], ==, "Ben");
  for (guint m = 0; m < 5; m++)
    {
      g_assert_cmpint (gs_payment_cell (s, 0, m)->paid, ==, paid[m]);
      g_assert_cmpint (gs_payment_cell (s, 0, m)->payable_close, ==, payable[m]);
    }
  g_assert_cmpint (gs_payment_cell (s, 0, 2)->clawed_back, ==, E (-1200));
  g_assert_cmpint (gs_payment_cell (s, 1, 2)->paid, ==, E (300));
  g_assert_cmpint (gs_payment_cell (s, 1, 4)->payable_close, ==, 0);
  g_assert_cmpint (s->total[2].paid, ==, E (800));
  g_assert_cmpint (s->total[1].earned, ==, E (800));
  /* Over the months: Ana earned 1,900.00, clawed back −1,200.00, was paid
   * 1,500.00; Ben 300.00 earned and paid; everyone 2,200.00, −1,200.00 and
   * 1,800.00. */
  g_assert_cmpint (s->sums[0].earned, ==, E (1900));
  g_assert_cmpint (s->sums[0].clawed_back, ==, E (-1200));
  g_assert_cmpint (s->sums[0].paid, ==, E (1500));
  g_assert_cmpint (s->sums[1].earned, ==, E (300));
  g_assert_cmpint (s->sums[1].paid, ==, E (300));
  g_assert_cmpint (s->sums[2].earned, ==, E (2200));
  g_assert_cmpint (s->sums[2].clawed_back, ==, E (-1200));
  g_assert_cmpint (s->sums[2].paid, ==, E (1800));
  g_assert_true (gs_payment_schedule_reconcile (s, &error));
  g_assert_no_error (error);
}

static void
test_lag_zero (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPaymentSchedule) s
      = gs_payment_schedule_new (lines, G_N_ELEMENTS (lines), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_months, ==, 4);
  g_assert_cmpint (gs_payment_cell (s, 0, 0)->paid, ==, E (1000));
  g_assert_cmpint (gs_payment_cell (s, 0, 1)->paid, ==, E (500));
  g_assert_cmpint (gs_payment_cell (s, 0, 2)->paid, ==, 0);
  g_assert_cmpint (gs_payment_cell (s, 0, 3)->paid, ==, 0);
  g_assert_cmpint (gs_payment_cell (s, 0, 3)->payable_close, ==, E (-800));
  g_assert_cmpint (gs_payment_cell (s, 1, 1)->paid, ==, E (300));
  g_assert_true (gs_payment_schedule_reconcile (s, &error));
}

/* A tampered schedule is refused, naming the person and month. */
static void
test_reconcile_fails (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPaymentSchedule) s
      = gs_payment_schedule_new (lines, G_N_ELEMENTS (lines), 1, &error);
  s->cells[1].paid += 1;
  g_assert_false (gs_payment_schedule_reconcile (s, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ana, 2027-02"));
}

static void
test_bad_lines (void)
{
  g_autoptr (GError) error = NULL;
  GsLedgerLine bad[2] = { { "Ana", NULL, M (2027, 1), 1, GS_PAY_SPIF },
                          { "Ana", NULL, M (2227, 1), 1, GS_PAY_SPIF } };
  GsLedgerLine huge[2] = { { "Ana", NULL, M (2027, 1), GS_MONEY_LIMIT, GS_PAY_SPIF },
                           { "Ana", NULL, M (2027, 1), GS_MONEY_LIMIT, GS_PAY_SPIF } };
  GsPaymentSchedule *s = gs_payment_schedule_new (bad, 2, 0, &error);
  g_assert_null (s);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gs_payment_schedule_new (huge, 2, 0, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  g_clear_error (&error);
  bad[1].person = "";
  g_assert_null (gs_payment_schedule_new (bad, 2, 0, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  s = gs_payment_schedule_new (NULL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_months, ==, 0);
  g_assert_true (gs_payment_schedule_reconcile (s, &error));
  gs_payment_schedule_free (s);
}

/* Invariants on random lines: reconciles every month, for every lag. */
static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (12);
  const char *people[] = { "Ana", "Ben", "Cy" };
  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 1, 40);
      g_autofree GsLedgerLine *l = g_new0 (GsLedgerLine, n);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPaymentSchedule) s = NULL;
      GsMoney net = 0, paid = 0, payable = 0;
      for (guint i = 0; i < n; i++)
        {
          l[i].person = people[g_rand_int_range (rand, 0, 3)];
          l[i].month = M (2027, 1) + g_rand_int_range (rand, 0, 18);
          l[i].kind = g_rand_int_range (rand, 0, GS_PAY_N_KINDS);
          l[i].amount = g_rand_int_range (rand, 0, 500000);
          if (l[i].kind == GS_PAY_CLAWBACK || l[i].kind == GS_PAY_DRAW_RECOVERY)
            l[i].amount = -l[i].amount;
          net += l[i].amount;
        }
      s = gs_payment_schedule_new (l, n, g_rand_int_range (rand, 0, 3), &error);
      g_assert_no_error (error);
      g_assert_true (gs_payment_schedule_reconcile (s, &error));
      g_assert_no_error (error);
      for (guint m = 0; m < s->n_months; m++)
        paid += s->total[m].paid;
      payable = s->total[s->n_months - 1].payable_close;
      g_assert_cmpint (paid + payable, ==, net);
      g_assert_cmpint (s->sums[s->n_people].paid, ==, paid);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/payment-schedule/month-text", test_month_text);
  g_test_add_func ("/payment-schedule/lag-one", test_lag_one);
  g_test_add_func ("/payment-schedule/lag-zero", test_lag_zero);
  g_test_add_func ("/payment-schedule/reconcile-fails", test_reconcile_fails);
  g_test_add_func ("/payment-schedule/bad-lines", test_bad_lines);
  g_test_add_func ("/payment-schedule/random", test_random);
  return g_test_run ();
}
