/* test-comp-risk.c — the payout risk: the pay plans run over a simulated
 * spread of the comp year's new business, worked by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-comp-util.h"
#include "gs-comp-risk.h"

#include <math.h>

#define K(x) ((gint64) (x) *100)

/* The tiny plan of test-comp-payout's "at-plan-staffed": 2 AEs from the
 * start and 1 hired in July (2.5 paid person-years), quota 600,000.00, TI
 * 50,000.00 on own bookings at a flat rate 1, target 1,200,000.00 of which
 * 200,000.00 from existing customers.  At plan the AEs carry 1,000,000.00 of
 * new business against 1,500,000.00 of ramped quota: 66.67 %.
 *
 * A spread of ten simulated years over hi = 3,000,000.00 in two bins and the
 * bin at or above hi: two years in [0, 1.5 M) (taken at 750,000.00), seven in
 * [1.5 M, 3 M) (at 2,250,000.00), one at 3,000,000.00.  The AEs' attainment
 * is 66.67 % × the year's new business ÷ 1,000,000:
 *   750,000   → 50 %  → 25,000.00 a person-year × 2.5 =  62,500.00
 *   2,250,000 → 150 % → 75,000.00 × 2.5               = 187,500.00
 *   3,000,000 → 200 % → 100,000.00 × 2.5              = 250,000.00
 * P10 (the 1st of 10) 62,500.00; P50 (the 5th) and P90 (the 9th) 187,500.00;
 * mean (2 × 62,500 + 7 × 187,500 + 250,000) ÷ 10 = 168,750.00.  A flat rate
 * costs the same share of any year's new business, 62,500 ÷ 750,000 =
 * 8.33 %; of all bookings 187,500 ÷ (200,000 + 2,250,000) = 7.65 % at P50.
 * Quota (100 %) is reached in the 8 years at 150 % and 200 %. */
static const char *const patches[]
    = { "capacity.ae.hires", "[{\"month\": \"2027-07\", \"count\": 1}]",
        "company.existing_customer_bookings", "\"200000.00\"", NULL };

static GsCompModel *
one_ae (const char *tiers)
{
  g_autofree char *json = g_strdup_printf (
      "{\"roles\": [{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\","
      " \"pay_mix\": 0.5, \"components\": [{\"id\": \"own\", \"measure\":"
      " \"own_bookings\", \"weight\": 1, \"table\": {\"type\": \"flat\", \"rate\": 1}%s}]}]}",
      tiers);
  return comp_model_patched (json, patches);
}

/* The payout risk of a spread of three bins (the last: at or above hi). */
static void
risk_over (const GsCompModel *comp, const guint64 counts[3], double hi, GsCompRisk *risk)
{
  g_autoptr (GError) error = NULL;
  GsCompYearSpread spread = { counts, 3, hi };
  g_assert_true (gs_comp_risk (comp, &spread, risk, &error));
  g_assert_no_error (error);
}

static void
test_spread (void)
{
  g_autoptr (GsCompModel) comp = one_ae ("");
  const guint64 counts[] = { 2, 7, 1 };
  GsCompRisk risk;

  risk_over (comp, counts, (double) K (3000000), &risk);
  g_assert_cmpuint (risk.trials, ==, 10);
  g_assert_cmpint (risk.pay[0], ==, K (62500));
  g_assert_cmpint (risk.pay[1], ==, K (187500));
  g_assert_cmpint (risk.pay[2], ==, K (187500));
  g_assert_cmpint (risk.pay_mean, ==, K (168750));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (risk.cost_new[i], 1.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (risk.cost_all[1], 187500.0 / 2450000.0, 1e-9);
  g_assert_true (risk.moves[0]);
  g_assert_cmpfloat_with_epsilon (risk.reach_quota[0], 0.8, 1e-12);
  g_assert_cmpfloat (risk.accelerated[0], ==, -1); /* a flat rate has no accelerator */
  gs_comp_risk_clear (&risk);
}

/* Every simulated year exactly at the plan's new business (1,000,000.00, in
 * the last bin): the payout risk is the pay at plan, 83,333.33, and the AEs
 * at 66.67 % never reach quota. */
static void
test_at_plan (void)
{
  g_autoptr (GsCompModel) comp = one_ae ("");
  g_autoptr (GError) error = NULL;
  const guint64 counts[] = { 0, 0, 4 };
  GsCompRisk risk;
  GsCompAtPlan at;

  g_assert_true (gs_comp_at_plan (comp, &at, &error));
  g_assert_no_error (error);
  risk_over (comp, counts, (double) K (1000000), &risk);
  g_assert_cmpint (at.at_plan, ==, 8333333);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (risk.pay[i], ==, at.at_plan);
  g_assert_cmpfloat (risk.reach_quota[0], ==, 0);
  gs_comp_risk_clear (&risk);
  gs_comp_at_plan_clear (&at);
}

/* The same spread with an accelerator (× 1.5 above 120 %): the 8 years at
 * 150 % and 200 % pay it.  Above 120 % the rate is 1.5, so at 150 %:
 * (1.2 + 0.3 × 1.5) × 50,000 = 82,500.00 a person-year, × 2.5 = 206,250.00 —
 * P50. */
static void
test_accelerator (void)
{
  g_autoptr (GsCompModel) comp
      = one_ae (", \"accelerators\": [{\"above\": 1.2, \"multiplier\": 1.5}]");
  const guint64 counts[] = { 2, 7, 1 };
  GsCompRisk risk;

  g_assert_cmpfloat (gs_comp_accelerator_above (&comp->roles[0].components[0]), ==, 1.2);
  risk_over (comp, counts, (double) K (3000000), &risk);
  g_assert_cmpint (risk.pay[1], ==, K (206250));
  g_assert_cmpfloat (risk.accel_above[0], ==, 1.2);
  g_assert_cmpfloat_with_epsilon (risk.accelerated[0], 0.8, 1e-12);
  gs_comp_risk_clear (&risk);
}

/* A spread as fine as a simulation's: one year in each of 200 bins over hi =
 * 3,000,000.00 (each its own slice, taken at its centre, (b + ½) × 15,000.00:
 * attainment (b + ½) %), so the pay plans run on two threads (from 64
 * slices), each over half of them.  With the accelerator (× 1.5 above
 * 120 %) a year at attainment a pays 125,000.00 × a up to 1.2 and 125,000.00
 * × (1.2 + 1.5 (a − 1.2)) above.  P10 is the 20th year (19.5 %: 24,375.00),
 * P50 the 100th (99.5 %: 124,375.00), P90 the 180th (179.5 %: 1.2 + 1.5 ×
 * 0.595 = 2.0925, 261,562.50); quota is reached from bin 100 (half the
 * years), the accelerator pays from bin 120 (80 of 200).  Both halves'
 * figures must be there, in order. */
static void
test_many_slices (void)
{
  g_autoptr (GsCompModel) comp
      = one_ae (", \"accelerators\": [{\"above\": 1.2, \"multiplier\": 1.5}]");
  g_autoptr (GError) error = NULL;
  guint64 counts[201] = { 0 };
  GsCompYearSpread spread = { counts, G_N_ELEMENTS (counts), (double) K (3000000) };
  GsCompRisk risk;
  double mean = 0;

  for (guint b = 0; b < 200; b++)
    {
      double a = (b + 0.5) / 100;
      counts[b] = 1;
      mean += 12500000 * (a <= 1.2 ? a : 1.2 + 1.5 * (a - 1.2)) / 200;
    }
  g_assert_true (gs_comp_risk (comp, &spread, &risk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (risk.trials, ==, 200);
  g_assert_cmpint (risk.pay[0], ==, K (24375));
  g_assert_cmpint (risk.pay[1], ==, K (124375));
  g_assert_cmpint (risk.pay[2], ==, 26156250);
  g_assert_cmpfloat (fabs ((double) risk.pay_mean - mean), <=, 1);
  g_assert_cmpfloat_with_epsilon (risk.reach_quota[0], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (risk.accelerated[0], 0.4, 1e-12);
  gs_comp_risk_clear (&risk);
}

/* Tables: a marginal table paying 1.5 above 100 % accelerates from 100 %; a
 * band table reaching a rate of 1 at 100 % only pays on target. */
static void
test_accelerator_tables (void)
{
  GsBand marginal[] = { { 0, 1, 1 }, { 1, INFINITY, 1.5 } };
  GsBand band[] = { { 0, 0.9, 0 }, { 0.9, 1, 0.8 }, { 1, INFINITY, 1 } };
  GsCompComponent c = { 0 };
  c.table.basis = GS_BASIS_ATTAINMENT;
  c.table.kind = GS_TABLE_MARGINAL;
  c.table.bands = marginal;
  c.table.n_bands = G_N_ELEMENTS (marginal);
  g_assert_cmpfloat (gs_comp_accelerator_above (&c), ==, 1);
  c.table.kind = GS_TABLE_BAND;
  c.table.bands = band;
  c.table.n_bands = G_N_ELEMENTS (band);
  g_assert_cmpfloat (gs_comp_accelerator_above (&c), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp-risk/spread", test_spread);
  g_test_add_func ("/comp-risk/at-plan", test_at_plan);
  g_test_add_func ("/comp-risk/accelerator", test_accelerator);
  g_test_add_func ("/comp-risk/accelerator-tables", test_accelerator_tables);
  g_test_add_func ("/comp-risk/many-slices", test_many_slices);
  return g_test_run ();
}
