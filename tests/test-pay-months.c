/* test-pay-months.c — a person's year month by month (gs-pay-months.h), on
 * the year test-statement.c works by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann (AE, quota 400,000.00, quarterly, year to date, band table): credit
 * D1 80,000 (her 80 % split) in January, D2 240,000 in February, D3 150,000
 * in May.  Own bookings to date: 80,000 (20 %) in January, 320,000 (80 %)
 * from February, 470,000 (117.5 %) from May.  The component pays Q1 32,000.00
 * in March and Q2 70,500 − 32,000 = 38,500.00 in June (the clawback is a line
 * of its own).  Lines: January and February the draw +2,000.00; March 8,000 +
 * 24,000 − 4,000 = 28,000.00; April −31,500.00; June 18,500 + 20,000 =
 * 38,500.00; the year 39,000.00.  The year's row: 3 deals credited,
 * 470,000.00 credit and own bookings, component pay 32,000 + 38,500 =
 * 70,500.00, draws 4,000.00, clawbacks −31,500.00.
 */
#include "gs-pay-months.h"
#include "test-pay-util.h"

#define K(x) ((gint64) (x) *100)

static void
test_ann (void)
{
  const char *const patches[] = { "compensation.roles[0]", pay_ae_role, NULL };
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = pay_model (pay_year_deals, patches, &comp);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCredits) credits = gs_credit_deals (m, comp, &error);
  g_autoptr (GsPayYear) y = gs_pay_year (m, comp, credits, 0, &error);
  g_autoptr (GsPayMonths) x = NULL;
  const GsMeasure own = GS_MEASURE_OWN_BOOKINGS;
  GsMoney sum = 0;

  g_assert_no_error (error);
  x = gs_pay_months (y);
  g_assert_cmpuint (x->months[0].n_credits, ==, 1);
  g_assert_cmpint (x->months[0].credit, ==, K (80000));
  g_assert_cmpint (x->months[1].credit, ==, K (240000));
  g_assert_cmpuint (x->months[2].n_credits, ==, 0);
  g_assert_cmpfloat (x->quota[own], ==, (double) K (400000));
  g_assert_cmpfloat (x->months[0].measure[own], ==, (double) K (80000));
  g_assert_cmpfloat (x->months[3].measure_ytd[own], ==, (double) K (320000));
  g_assert_cmpfloat_with_epsilon (x->months[0].attainment[own], 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->months[1].attainment[own], 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->months[11].attainment[own], 1.175, 1e-12);
  g_assert_cmpuint (x->n_components, ==, 1);
  g_assert_cmpint (x->component[2], ==, K (32000));
  g_assert_cmpint (x->component[5], ==, K (38500));
  g_assert_cmpint (x->component[0] + x->component[8] + x->component[11], ==, 0);
  g_assert_cmpint (x->months[0].by_kind[GS_PAY_DRAW], ==, K (2000));
  g_assert_cmpint (x->months[2].paid, ==, K (28000));
  g_assert_cmpint (x->months[2].by_kind[GS_PAY_DRAW_RECOVERY], ==, K (-4000));
  g_assert_cmpint (x->months[3].by_kind[GS_PAY_CLAWBACK], ==, K (-31500));
  g_assert_cmpint (x->months[5].by_kind[GS_PAY_TRUE_UP], ==, K (20000));
  g_assert_cmpint (x->months[5].paid, ==, K (38500));
  for (guint k = 0; k < GS_COMP_MONTHS; k++)
    sum += x->months[k].paid;
  g_assert_cmpint (sum, ==, K (39000));
  g_assert_cmpint (x->total, ==, y->total);

  /* The year's row, which the Statements sheet caches beside its SUMs. */
  g_assert_cmpuint (x->year.n_credits, ==, 3);
  g_assert_cmpint (x->year.credit, ==, K (470000));
  g_assert_cmpfloat (x->year.measure[own], ==, (double) K (470000));
  g_assert_cmpfloat (x->year.measure[own], ==, x->months[11].measure_ytd[own]);
  g_assert_cmpfloat_with_epsilon (x->year.attainment[own], 1.175, 1e-12);
  g_assert_cmpint (x->component_total[0], ==, K (70500));
  g_assert_cmpint (x->year.by_kind[GS_PAY_DRAW], ==, K (4000));
  g_assert_cmpint (x->year.by_kind[GS_PAY_CLAWBACK], ==, K (-31500));
  g_assert_cmpint (x->year.paid, ==, K (39000));
  for (guint k = 0; k < GS_PAY_N_KINDS; k++)
    {
      GsMoney kind = 0;
      for (guint mo = 0; mo < GS_COMP_MONTHS; mo++)
        kind += x->months[mo].by_kind[k];
      g_assert_cmpint (x->year.by_kind[k], ==, kind);
    }
}

/* A person whose role is not the pay plan's: credit, no pay, no components. */
static void
test_no_role (void)
{
  const char *const patches[]
      = { "compensation.roles[0]", pay_ae_role, "actuals.people[0].role", "\"nobody\"", NULL };
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = pay_model (pay_year_deals, patches, &comp);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCredits) credits = gs_credit_deals (m, comp, &error);
  g_autoptr (GsPayYear) y = gs_pay_year (m, comp, credits, 0, &error);
  g_autoptr (GsPayMonths) x = gs_pay_months (y);
  g_assert_no_error (error);
  g_assert_cmpuint (x->n_components, ==, 0);
  g_assert_cmpint (x->total, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pay-months/ann", test_ann);
  g_test_add_func ("/pay-months/no-role", test_no_role);
  return g_test_run ();
}
