/* test-result-floors.c — figures the engine's results carry for the floors
 * above (charts, export, the Monte Carlo), so none of them derives a business
 * number: bookings by owner, productive SDRs, existing-customer bookings by
 * month, stage offsets, entry volumes and each stage's whole need; and the
 * target-mode switch.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-plan-edits.h"
#include "test-util.h"

#define K(x) ((GsMoney) (x) *100)

/* The tiny plan with two sources entering at Lead, no lags: inbound
 * (marketing, 75 %) and outbound (sales, 25 %).  New business 100,000.00 a
 * month → 75,000.00 and 25,000.00 → 7.5 and 2.5 wins a month, rounded up on
 * the running total: inbound 8, 7, 8, 7, … (90 a year), outbound 3, 2, 3, 2, …
 * (30 a year); Lead → MQL 50 %, MQL → Won 20 %: 10 leads a win. */
static JsonNode *
two_sources (void)
{
  JsonNode *tree = tiny_tree ();
  patch (tree, "funnel.steps[1].lag_days", "0");
  patch (tree, "sources",
         "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": \"marketing\", \"share\": 0.75,"
         "  \"cost_per_lead\": \"20.00\"},"
         " {\"id\": \"outbound\", \"name\": \"Outbound\", \"owner\": \"sales\", \"share\": 0.25,"
         "  \"cost_per_lead\": \"0.00\"}]");
  return tree;
}

static void
test_owner_bookings (void)
{
  g_autoptr (JsonNode) tree = two_sources ();
  g_autoptr (GsResult) r = compute_ok (tree);
  const GsMoney *mkt = r->owner_bookings + GS_OWNER_MARKETING * r->horizon;
  const GsMoney *sales = r->owner_bookings + GS_OWNER_SALES * r->horizon;
  const GsMoney *partner = r->owner_bookings + GS_OWNER_PARTNER * r->horizon;

  g_assert_cmpuint (r->n_pre, ==, 0);
  g_assert_cmpint (mkt[0], ==, K (80000));
  g_assert_cmpint (mkt[1], ==, K (70000));
  g_assert_cmpint (sales[0], ==, K (30000));
  g_assert_cmpint (sales[1], ==, K (20000));
  g_assert_cmpint (partner[0], ==, 0);
  g_assert_cmpint (r->owner_total[GS_OWNER_MARKETING], ==, K (900000));
  g_assert_cmpint (r->owner_total[GS_OWNER_SALES], ==, K (300000));
  g_assert_cmpint (r->owner_total[GS_OWNER_PARTNER], ==, 0);
  g_assert_cmpfloat (r->owner_share[GS_OWNER_MARKETING], ==, 0.75);
  g_assert_cmpfloat (r->owner_share[GS_OWNER_SALES], ==, 0.25);
  /* Entry volumes are the leads the reverse funnel needs: 10 a win. */
  g_assert_cmpfloat (r->entry_volumes[0], ==, 80);
  g_assert_cmpfloat (r->entry_volumes[1], ==, 70);
  g_assert_cmpfloat (r->entry_volumes[r->n_months + 0], ==, 30);
  g_assert_cmpfloat (r->entry_volumes[r->n_months + 1], ==, 20);
  /* Over the year: 120 wins, 600 MQLs, 1,200 leads. */
  g_assert_cmpint (r->stage_needed[2], ==, 120);
  g_assert_cmpint (r->stage_needed[1], ==, 600);
  g_assert_cmpint (r->stage_needed[0], ==, 1200);
}

/* Σ owners = projected bookings, month by month, on both examples. */
static void
test_owner_invariant (void)
{
  const char *examples[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (JsonNode) tree = example_tree (examples[e]);
      g_autoptr (GsResult) r = compute_ok (tree);
      GsMoney all = 0, projected = 0;
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          GsMoney sum = 0;
          for (guint o = 0; o < GS_N_OWNERS; o++)
            sum += r->owner_bookings[o * r->horizon + mo];
          g_assert_cmpint (sum, ==, r->projected_bookings[mo]);
          projected += r->projected_bookings[mo];
        }
      for (guint o = 0; o < GS_N_OWNERS; o++)
        all += r->owner_total[o];
      g_assert_cmpint (all, ==, projected);
      g_assert_cmpfloat_with_epsilon (r->owner_share[0] + r->owner_share[1] + r->owner_share[2],
                                      1.0, 1e-12);
    }
}

/* The totals the workbook's total columns cache, by hand on the two sources
 * (no lags: nothing before the plan): inbound's share of the year's target is
 * 900,000.00 and 90 wins, outbound's 300,000.00 and 30; 600 MQLs in all; the
 * 2 AEs carry 2 × 600,000.00.  On the tiny plan (MQL → Won 31 days) the 50
 * MQLs for January's wins come a month before the plan: 50 before, 600 in it
 * (the last month's for the next January after the plan), 650 in all. */
static void
test_plan_totals (void)
{
  g_autoptr (JsonNode) tree = two_sources ();
  g_autoptr (GsResult) r = compute_ok (tree);
  g_autoptr (JsonNode) tiny = tiny_tree ();
  g_autoptr (GsResult) t = compute_ok (tiny);

  g_assert_cmpint (r->source_target_total[0], ==, K (900000));
  g_assert_cmpint (r->source_target_total[1], ==, K (300000));
  g_assert_cmpint (r->ae_capacity_total, ==, K (1200000));
  g_assert_cmpint (r->projected_total, ==, K (1200000));
  g_assert_cmpint (gs_result_needed_over (r, 0, 2, GS_SPAN_PLAN), ==, 90);
  g_assert_cmpint (gs_result_needed_over (r, 1, 2, GS_SPAN_PLAN), ==, 30);
  g_assert_cmpint (gs_result_needed_over (r, G_MAXUINT, 1, GS_SPAN_ALL), ==, 600);
  g_assert_cmpint (gs_result_needed_over (r, G_MAXUINT, 1, GS_SPAN_BEFORE), ==, 0);
  g_assert_cmpfloat (gs_result_projected_over (r, 0, 2, GS_SPAN_PLAN), ==, 90);

  g_assert_cmpuint (t->n_pre, ==, 1);
  g_assert_cmpint (gs_result_needed_over (t, 0, 1, GS_SPAN_BEFORE), ==, 50);
  g_assert_cmpint (gs_result_needed_over (t, 0, 1, GS_SPAN_PLAN), ==, 600);
  g_assert_cmpint (gs_result_needed_over (t, G_MAXUINT, 1, GS_SPAN_ALL), ==, 650);
}

/* Each total is its months' sum, on both examples; the goal sheet's totals
 * (target, its parts, plan, gap) are the months' sums too. */
static void
test_plan_totals_invariant (void)
{
  const char *examples[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (JsonNode) tree = example_tree (examples[e]);
      g_autoptr (GsResult) r = compute_ok (tree);
      GsMoney cap = 0, proj = 0, gap = 0, nb = 0, ex = 0, target = 0, plan = 0;
      double sdr = 0;
      gint64 sqls = 0;
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          g_assert_cmpint (r->gap_month[mo], ==, r->plan_month[mo] - r->target_month[mo]);
          cap += r->ae_capacity[mo], proj += r->projected_bookings[mo], gap += r->gap_month[mo];
          nb += r->new_business_month[mo], ex += r->existing_month[mo];
          target += r->target_month[mo], plan += r->plan_month[mo];
          sdr += r->sdr_capacity[mo], sqls += r->sqls_needed[mo];
        }
      g_assert_cmpint (r->ae_capacity_total, ==, cap);
      g_assert_cmpint (r->projected_total, ==, proj);
      g_assert_cmpint (r->gap, ==, gap);
      g_assert_cmpint (r->target_new_business, ==, nb);
      g_assert_cmpint (r->target_existing, ==, ex);
      g_assert_cmpint (r->target_total, ==, target);
      g_assert_cmpint (r->plan_total, ==, plan);
      g_assert_cmpfloat (r->sdr_capacity_total, ==, sdr);
      g_assert_cmpint (r->sqls_needed_total, ==, sqls);
      for (guint k = 0; k < r->n_stages; k++)
        {
          g_assert_cmpint (gs_result_needed_over (r, G_MAXUINT, k, GS_SPAN_ALL), ==,
                           r->stage_needed[k]);
          for (guint j = 0; j < r->n_sources; j++)
            g_assert_cmpint (gs_result_needed_over (r, j, k, GS_SPAN_ALL), ==,
                             gs_result_needed_over (r, j, k, GS_SPAN_BEFORE)
                                 + gs_result_needed_over (r, j, k, GS_SPAN_PLAN));
        }
    }
}

/* 2 SDRs on staff, 3 hired in March (plan month 2) with 2 months of ramp:
 * productive from month 4.  10 meetings a month each. */
static void
test_sdr_productive (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  patch (tree, "capacity.sdr",
         "{\"start_headcount\": 2, \"hires\": [{\"month\": \"2027-03\", \"count\": 3}],"
         " \"sqls_per_month\": 10, \"ramp_months\": 2}");
  r = compute_ok (tree);
  g_assert_cmpfloat (r->sdr_productive[0], ==, 2);
  g_assert_cmpfloat (r->sdr_productive[3], ==, 2);
  g_assert_cmpfloat (r->sdr_productive[4], ==, 5);
  g_assert_cmpfloat (r->sdr_productive[11], ==, 5);
  g_assert_cmpfloat (r->sdr_capacity[4], ==, 50);
}

/* Existing customers 100,000.00 a year over 12 flat months: 8,333.33 each
 * and the 4 cents left go to the first four months (largest remainder,
 * earliest first on ties); the new-business months are the rest. */
static void
test_existing_month (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  GsMoney sum = 0;
  patch (tree, "company.existing_customer_bookings", "\"100000.00\"");
  r = compute_ok (tree);
  g_assert_cmpint (r->existing_month[0], ==, 833334);
  g_assert_cmpint (r->existing_month[3], ==, 833334);
  g_assert_cmpint (r->existing_month[4], ==, 833333);
  g_assert_cmpint (r->existing_month[11], ==, 833333);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      g_assert_cmpint (r->existing_month[mo] + r->new_business_month[mo], ==, r->target_month[mo]);
      sum += r->existing_month[mo];
    }
  g_assert_cmpint (sum, ==, r->target_existing);
  g_assert_cmpint (sum, ==, K (100000));
}

/* The weights each plan year's split ran over: 18 months with February
 * weighted 2 and December 0 (the plan starts in January, the fiscal year
 * too): year 1 has all twelve, 2 + 10 × 1 + 0 = 12; year 2 January to June,
 * 2 + 5 × 1 = 7.  Its target is 1,200,000.00 × (7 ÷ 12) = 700,000.00. */
static void
test_year_weights (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  patch (tree, "company.horizon_months", "18");
  patch (tree, "company.seasonality", "[1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]");
  r = compute_ok (tree);
  g_assert_cmpfloat (r->weight_year[0], ==, 12);
  g_assert_cmpfloat (r->weight_year[1], ==, 7);
  g_assert_cmpint (r->target_year[1], ==, K (700000));
}

/* Days are summed along the funnel before rounding to months: Lead → MQL 15
 * days, MQL → Won 31: Lead is 46 days = 1.51 months → 2 before the win
 * (rounding each step first would give 0 + 1 = 1), MQL 31 days → 1. */
static void
test_stage_offsets (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  patch (tree, "funnel.steps[0].lag_days", "15");
  r = compute_ok (tree);
  g_assert_cmpuint (r->stage_offsets[0], ==, 2);
  g_assert_cmpuint (r->stage_offsets[1], ==, 1);
  g_assert_cmpuint (r->stage_offsets[2], ==, 0);
  g_assert_cmpuint (r->n_pre, ==, 2);
}

static GsPlan *
plan_of (JsonNode *tree)
{
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

/* docs/rounding.md, "Switching the target mode". */
static void
test_target_mode (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  const GsModel *m;

  /* Growth 10 % on 1,000,000.00 over 18 flat months: 1,100,000.00 the first
   * year, 1,210,000.00 × 6/12 = 605,000.00 the half year, 1,705,000.00 in all;
   * per 12 months 1,136,666.666… → 1,136,666.67 (truncating gave .66). */
  patch (tree, "company.horizon_months", "18");
  patch (tree, "company.target", "{\"mode\": \"growth\", \"growth\": 0.1}");
  plan = plan_of (tree);
  g_assert_cmpint (gs_plan_get_result (plan, NULL)->target_total, ==, K (1705000));
  g_assert_true (gs_plan_set_target_mode (plan, GS_TARGET_ABSOLUTE, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpint (m->company.target_mode, ==, GS_TARGET_ABSOLUTE);
  g_assert_cmpint (m->company.target_amount, ==, 113666667);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpint (gs_plan_get_model (plan)->company.target_mode, ==, GS_TARGET_GROWTH);
  /* Already in that mode: nothing to undo added. */
  g_assert_true (gs_plan_set_target_mode (plan, GS_TARGET_GROWTH, &error));
  g_assert_false (gs_plan_can_undo (plan));
}

static void
test_target_growth (void)
{
  struct
  {
    const char *prior, *amount;
    double growth;
  } cases[] = {
    { "\"2000000.00\"", "\"2600000.00\"", 0.3 },
    { "\"3000000.00\"", "\"1000000.00\"", -0.666666667 },
    { "\"1000000.00\"", "\"1200000.00\"", 0.2 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) tree = tiny_tree ();
      g_autoptr (GsPlan) plan = NULL;
      g_autoptr (GError) error = NULL;
      const GsModel *m;
      patch (tree, "company.prior_year_bookings", cases[i].prior);
      patch (tree, "company.target.amount", cases[i].amount);
      plan = plan_of (tree);
      g_assert_true (gs_plan_set_target_mode (plan, GS_TARGET_GROWTH, &error));
      g_assert_no_error (error);
      m = gs_plan_get_model (plan);
      g_assert_cmpint (m->company.target_mode, ==, GS_TARGET_GROWTH);
      g_assert_cmpfloat (m->company.growth, ==, cases[i].growth);
      /* The target did not move: the first year is the amount to the cent. */
      g_assert_cmpint (gs_plan_get_result (plan, NULL)->target_total, ==,
                       gs_money_round ((double) m->company.prior_bookings * (1 + cases[i].growth)));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/result-floors/owner-bookings", test_owner_bookings);
  g_test_add_func ("/result-floors/owner-invariant", test_owner_invariant);
  g_test_add_func ("/result-floors/plan-totals", test_plan_totals);
  g_test_add_func ("/result-floors/plan-totals-invariant", test_plan_totals_invariant);
  g_test_add_func ("/result-floors/sdr-productive", test_sdr_productive);
  g_test_add_func ("/result-floors/existing-month", test_existing_month);
  g_test_add_func ("/result-floors/stage-offsets", test_stage_offsets);
  g_test_add_func ("/result-floors/year-weights", test_year_weights);
  g_test_add_func ("/result-floors/target-mode", test_target_mode);
  g_test_add_func ("/result-floors/target-growth", test_target_growth);
  return g_test_run ();
}
