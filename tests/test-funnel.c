/* test-funnel.c — targets, reverse and forward funnel, worked by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

/* Target 1,200,000.00 flat over 12 months = 100,000.00 a month.
 * Wins: 100,000 ÷ 10,000 = 10 a month.  MQLs: 10 ÷ 20 % = 50, needed
 * round(31 d ÷ 30.4375) = 1 month before the wins.  Leads: 50 ÷ 50 % = 100,
 * lag 0 d but the cumulative lag to the win is still 31 d → also 1 month
 * before.  So one month before the plan needs 100 leads and 50 MQLs.  The
 * plan's last month needs the same for January after the plan: the absolute
 * target continues at 0 % growth (company.target.after_plan_growth's
 * default), 1,200,000.00 ÷ 12 = 100,000.00 → 10 wins → 50 MQLs → 100 leads,
 * reported as the line's "after the plan" part. */
static void
test_reverse_hand_worked (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = compute_ok (tree);

  g_assert_cmpuint (r->n_pre, ==, 1);
  g_assert_cmpint (r->target_total, ==, 120000000);
  g_assert_cmpint (r->target_new_business, ==, 120000000);
  for (guint mo = 0; mo < 12; mo++)
    g_assert_cmpint (r->target_month[mo], ==, 10000000);

  for (guint i = 0; i < r->n_months; i++)
    {
      gint64 leads = gs_result_needed (r, 0, 0, i);
      gint64 mqls = gs_result_needed (r, 0, 1, i);
      gint64 wins = gs_result_needed (r, 0, 2, i);
      g_assert_cmpint (leads, ==, 100);
      g_assert_cmpint (mqls, ==, 50);
      g_assert_cmpint (wins, ==, i >= 1 ? 10 : 0);
    }
  {
    const GsGoalLine *leads = line_ok (r, "marketing.stage.lead");
    g_assert_cmpint (leads->before.amount, ==, 100);
    g_assert_cmpint (leads->total.amount, ==, 1200);
    g_assert_cmpint (leads->after.amount, ==, 100);
    g_assert_cmpint (line_ok (r, "marketing.stage.mql")->after.amount, ==, 50);
    g_assert_cmpint (line_ok (r, "sales.stage.won")->total.amount, ==, 120);
    g_assert_cmpint (line_ok (r, "sales.stage.won")->after.amount, ==, 0);
    /* Budget: 100 leads × 20.00 = 2,000.00 a month; 13 × 2,000 with the month
     * before the plan, of which Dec's 2,000.00 is for January after it. */
    g_assert_cmpint (line_ok (r, "marketing.budget")->months[0].amount, ==, 200000);
    g_assert_cmpint (line_ok (r, "marketing.budget")->after.amount, ==, 200000);
    g_assert_cmpint (r->budget_total, ==, 2600000);
    /* Cost per MQL: 2,000.00 ÷ 50 = 40.00. */
    g_assert_cmpint (line_ok (r, "marketing.cost_per_handoff")->months[0].amount, ==, 4000);
  }
  g_assert_cmpfloat (r->cycle_days, ==, 31);
}

/* The continuation, by hand.  Growth target: prior 1,000,000.00 × 1.2 =
 * 1,200,000.00 in the plan year.  With seasonality 2 in January and 1 in the
 * other months (Σ 13), the plan's Jan target is 1,200,000 × 2 ÷ 13 =
 * 184,615.3846… → 184,615.39 (its remainder, .46 of a cent, is the largest).
 * January after the plan is the same source's January a year earlier at the
 * same growth (company.target.after_plan_growth's default in growth mode):
 * 184,615.39 × 1.2 = 221,538.468 → 221,538.47.  The running new-business
 * total over the plan and that month is 1,421,538.47; ÷ 10,000 per deal =
 * 142.15… → 143 wins on the running total, of which 120 are the plan's, so
 * January after the plan needs 23 wins → 23 ÷ 20 % = 115 MQLs → 115 ÷ 50 % =
 * 230 leads, all in December, the plan's last month (a month of lag).
 * after_plan_growth 0.5 instead: 184,615.39 × 1.5 = 276,923.085 → 276,923.09;
 * 1,476,923.09 ÷ 10,000 → 148 − 120 = 28 wins → 140 MQLs → 280 leads.
 * after_plan_growth −1 asks for nothing after the plan: December's 0. */
static void
test_continuation_hand_worked (void)
{
  static const struct
  {
    const char *growth; /* company.target.after_plan_growth, NULL: the default */
    gint64 leads, mqls;
  } cases[] = { { NULL, 230, 115 }, { "0.5", 280, 140 }, { "-1", 0, 0 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (JsonNode) tree = tiny_tree ();
      g_autoptr (GsResult) r = NULL;
      patch (tree, "company.target", "{\"mode\": \"growth\", \"growth\": 0.2}");
      patch (tree, "company.seasonality", "[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
      if (cases[c].growth)
        patch (tree, "company.target.after_plan_growth", cases[c].growth);
      r = compute_ok (tree);
      g_assert_cmpuint (r->n_post, ==, 1);
      g_assert_cmpint (r->target_month[0], ==, 18461539);
      g_assert_cmpint (r->new_business_after[0], ==, c == 0 ? 22153847 : c == 1 ? 27692309 : 0);
      /* December is the plan's last month, index n_pre + 11. */
      g_assert_cmpint (gs_result_needed (r, 0, 0, r->n_pre + 11), ==, cases[c].leads);
      g_assert_cmpint (gs_result_needed (r, 0, 1, r->n_pre + 11), ==, cases[c].mqls);
      g_assert_cmpint (line_ok (r, "marketing.stage.lead")->after.amount, ==, cases[c].leads);
      g_assert_cmpint (line_ok (r, "marketing.budget")->after.amount, ==, cases[c].leads * 2000);
      /* The plan's own bookings do not move: 120 wins in the plan months. */
      g_assert_cmpint (line_ok (r, "sales.stage.won")->total.amount, ==, 120);
    }
}

/* No cliff: in both bundled examples every plan month of every volume line,
 * the pipeline and the budget asks for something (both examples have a
 * target in every month and after the plan). */
static void
test_no_cliff_examples (void)
{
  const char *names[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    {
      g_autoptr (JsonNode) tree = example_tree (names[e]);
      g_autoptr (GsResult) r = compute_ok (tree);
      for (guint l = 0; l < r->lines->len; l++)
        {
          const GsGoalLine *line = g_ptr_array_index (r->lines, l);
          if (line->kind != GS_LINE_STAGE && line->kind != GS_LINE_FOLLOWUP
              && line->kind != GS_LINE_BUDGET && line->kind != GS_LINE_SOURCED_PIPELINE
              && line->kind != GS_LINE_PIPELINE && line->kind != GS_LINE_COST_PER_HANDOFF)
            continue;
          for (guint mo = 0; mo < r->horizon; mo++)
            if (line->months[r->n_pre + mo].amount <= 0)
              g_error ("%s: %s is 0 in %s", names[e], line->id, r->month_labels[r->n_pre + mo]);
        }
    }
}

/* Deal 30,000: 100,000 ÷ 30,000 = 3.33 wins a month.  Rounding each month up
 * would give 48 wins (1.44 M); the running total rounds up instead:
 * 3.33→4, 6.67→7, 10→10, 13.33→14 … so months get 4,3,3,4,3,3,… = 40 wins,
 * exactly ⌈1,200,000 ÷ 30,000⌉.  MQLs = wins ÷ 20 % = 20,15,15,… (whole). */
static void
test_cumulative_ceiling (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  const gint64 expected[12] = { 4, 3, 3, 4, 3, 3, 4, 3, 3, 4, 3, 3 };
  gint64 sum = 0;

  patch (tree, "funnel.deal_size", "\"30000.00\"");
  r = compute_ok (tree);
  for (guint mo = 0; mo < 12; mo++)
    {
      g_assert_cmpint (gs_result_needed (r, 0, 2, r->n_pre + mo), ==, expected[mo]);
      g_assert_cmpint (gs_result_needed (r, 0, 1, r->n_pre + mo - 1), ==, expected[mo] * 5);
      sum += expected[mo];
    }
  g_assert_cmpint (line_ok (r, "sales.stage.won")->total.amount, ==, sum);
  g_assert_cmpint (sum, ==, 40);
}

/* Growth target: prior 1,000,000 × 1.25 = 1,250,000; existing customers
 * 50,000 a year leave 1,200,000 of new business.  Seasonality weights 2 for
 * the last month, 1 otherwise (Σ 13): the last month's target is
 * 1,250,000 × 2/13 = 192,307.69…; the split is to the cent and sums exactly. */
static void
test_targets_growth_seasonality (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  GsMoney sum = 0, nb = 0;

  patch (tree, "company.target", "{\"mode\": \"growth\", \"growth\": 0.25}");
  patch (tree, "company.existing_customer_bookings", "\"50000.00\"");
  patch (tree, "company.seasonality", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]");
  r = compute_ok (tree);
  g_assert_cmpint (r->target_total, ==, 125000000);
  g_assert_cmpint (r->target_new_business, ==, 120000000);
  g_assert_cmpint (r->target_existing, ==, 5000000);
  /* 125,000,000 cents × 2/13 = 19,230,769.23 → 19,230,769 (+1 if it has the largest remainder). */
  g_assert_cmpint (r->target_month[11] / 100, ==, 192307);
  for (guint mo = 0; mo < 12; mo++)
    {
      sum += r->target_month[mo];
      nb += r->new_business_month[mo];
    }
  g_assert_cmpint (sum, ==, 125000000);
  g_assert_cmpint (nb, ==, 120000000);
}

/* Forward: 100 leads a month × 50 % × 20 % = 10 wins × 10,000 = 100,000 a
 * month, a month later; the month before the plan is assumed to run at the
 * first planned month's volume. */
static void
test_forward_hand_worked (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;

  patch (tree, "sources[0].planned_volume", "[90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90]");
  r = compute_ok (tree);
  /* 90 × 0.5 × 0.2 = 9 wins → 90,000.00 a month; capacity 2 × 50,000 = 100,000. */
  for (guint mo = 0; mo < 12; mo++)
    {
      g_assert_cmpint (r->projected_bookings[mo], ==, 9000000);
      g_assert_cmpint (r->ae_capacity[mo], ==, 10000000);
      g_assert_cmpint (r->plan_month[mo], ==, 9000000);
    }
  g_assert_cmpint (r->plan_total, ==, 108000000);
  g_assert_cmpint (r->gap, ==, -12000000);
  g_assert_cmpfloat_with_epsilon (r->gap_fraction, -0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (gs_result_projected (r, 0, 1, 1), 45.0, 1e-9);
}

/* An SDR source entering at SQL: only stages from its entry onwards exist for it. */
static void
test_entry_stage (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  patch (tree, "sources",
         "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"share\": 0.5},"
         " {\"id\": \"sdr\", \"name\": \"SDR\", \"owner\": \"sales\", \"share\": 0.5,"
         "  \"entry_stage\": \"mql\", \"rates\": {\"mql\": 0.25}}]");
  r = compute_ok (tree);
  /* SDR: 50,000 a month ÷ 10,000 = 5 wins ÷ 25 % = 20 MQLs, no leads. */
  for (guint i = 0; i < r->n_months; i++)
    g_assert_cmpint (gs_result_needed (r, 1, 0, i), ==, 0);
  g_assert_cmpint (gs_result_needed (r, 1, 1, 0), ==, 20);
  /* Inbound: 5 wins ÷ 20 % = 25 MQLs ÷ 50 % = 50 leads. */
  g_assert_cmpint (gs_result_needed (r, 0, 1, 0), ==, 25);
  g_assert_cmpint (gs_result_needed (r, 0, 0, 0), ==, 50);
  /* Marketing's sheet counts marketing sources only: 25 MQLs; sales follows up all 45. */
  g_assert_cmpint (line_ok (r, "marketing.stage.mql")->months[0].amount, ==, 25);
  g_assert_cmpint (line_ok (r, "sales.followup.mql")->months[0].amount, ==, 45);
}

/* Random plans for the invariants. */
static JsonNode *
random_tree (GRand *rand)
{
  JsonNode *tree = tiny_tree ();
  g_autofree char *deal = g_strdup_printf ("\"%d.%02d\"", g_rand_int_range (rand, 500, 200000),
                                           g_rand_int_range (rand, 0, 100));
  g_autofree char *steps
      = g_strdup_printf ("[{\"rate\": %.3f, \"lag_days\": %d}, {\"rate\": %.3f, \"lag_days\": %d}]",
                         g_rand_double_range (rand, 0.02, 1), g_rand_int_range (rand, 0, 120),
                         g_rand_double_range (rand, 0.02, 1), g_rand_int_range (rand, 0, 120));
  g_autofree char *season = g_strdup_printf (
      "[%.2f, 1, %.2f, 1, 1, %.2f, 1, 1, %.2f, 1, 1, %.2f]", g_rand_double_range (rand, 0, 3),
      g_rand_double_range (rand, 0, 3), g_rand_double_range (rand, 0, 3),
      g_rand_double_range (rand, 0, 3), g_rand_double_range (rand, 0.1, 3));
  double share = g_rand_double_range (rand, 0, 1);
  g_autofree char *sources
      = g_strdup_printf ("[{\"id\": \"a\", \"name\": \"A\", \"share\": %.17g},"
                         " {\"id\": \"b\", \"name\": \"B\", \"owner\": \"sales\", \"share\": "
                         "%.17g, \"entry_stage\": \"mql\","
                         "  \"rates\": {\"mql\": %.3f}}]",
                         share, 1 - share, g_rand_double_range (rand, 0.02, 1));
  g_autofree char *target = g_strdup_printf ("{\"mode\": \"absolute\", \"amount\": \"%d.00\"}",
                                             g_rand_int_range (rand, 10000, 50000000));
  patch (tree, "funnel.deal_size", deal);
  patch (tree, "funnel.steps", steps);
  patch (tree, "company.seasonality", season);
  patch (tree, "sources", sources);
  patch (tree, "company.target", target);
  return tree;
}

/* forward(reverse(target)) reaches the target: without planned volume the
 * forward funnel runs on the volume the reverse funnel asked for. */
static void
test_invariant_forward_of_reverse (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  for (int trial = 0; trial < 300; trial++)
    {
      g_autoptr (JsonNode) tree = random_tree (rand);
      g_autoptr (GsResult) r = compute_ok (tree);
      GsMoney projected = 0;
      g_autoptr (GsModel) m = decode_ok (tree);
      for (guint mo = 0; mo < r->horizon; mo++)
        projected += r->projected_bookings[mo];
      g_assert_cmpint (projected, >=, r->target_new_business - 12); /* cent rounding per month */
      /* … and not by more than the whole counts' rounding: under 2 deals per stage and source. */
      g_assert_cmpint (projected, <=, r->target_new_business + 2 * 3 * 2 * m->deal_size + 12);
    }
}

/* Raising any conversion rate never raises the leads (or any volume) needed. */
static void
test_invariant_rates_monotone (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  for (int trial = 0; trial < 200; trial++)
    {
      g_autoptr (JsonNode) tree = random_tree (rand);
      g_autoptr (GsResult) before = compute_ok (tree);
      g_autoptr (GsResult) after = NULL;
      JsonNode *rate = gs_json_lookup (tree, "funnel.steps[0].rate");
      double v = json_node_get_double (rate);
      double bump = g_rand_double_range (rand, 0.001, 0.3);
      g_autofree char *raised = g_strdup_printf ("%.17g", MIN (1.0, v + bump));
      patch (tree, "funnel.steps[0].rate", raised);
      after = compute_ok (tree);
      for (guint k = 0; k < before->n_stages; k++)
        {
          gint64 a = 0, b = 0;
          for (guint i = 0; i < before->n_months; i++)
            b += gs_result_needed_total (before, k, i);
          for (guint i = 0; i < after->n_months; i++)
            a += gs_result_needed_total (after, k, i);
          g_assert_cmpint (a, <=, b);
        }
    }
}

/* Monthly goals sum to the quarterly and annual ones, for every line that adds up. */
static void
test_invariant_sums (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (99);
  for (int trial = 0; trial < 100; trial++)
    {
      g_autoptr (JsonNode) tree = random_tree (rand);
      g_autoptr (GsResult) r = compute_ok (tree);
      for (guint l = 0; l < r->lines->len; l++)
        {
          const GsGoalLine *line = g_ptr_array_index (r->lines, l);
          gint64 months = 0, quarters = 0, before = 0;
          if (line->unit != GS_UNIT_COUNT && line->unit != GS_UNIT_MONEY)
            continue;
          if (g_str_equal (line->id, "marketing.cost_per_handoff")
              || g_str_equal (line->id, "sales.quota"))
            continue; /* ratios and rates, not sums */
          for (guint i = 0; i < r->n_pre; i++)
            before += line->months[i].amount;
          for (guint i = r->n_pre; i < r->n_months; i++)
            months += line->months[i].amount;
          for (guint q = 0; q < r->n_quarters; q++)
            quarters += line->quarters[q].amount;
          g_assert_cmpint (months, ==, line->total.amount);
          g_assert_cmpint (quarters, ==, line->total.amount);
          g_assert_cmpint (before, ==, line->before.amount);
          for (guint i = 0; i < r->n_months; i++)
            g_assert_cmpint (line->months[i].derivation.kind, !=, GS_DERIVATION_NONE);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/funnel/reverse-hand-worked", test_reverse_hand_worked);
  g_test_add_func ("/funnel/cumulative-ceiling", test_cumulative_ceiling);
  g_test_add_func ("/funnel/continuation-hand-worked", test_continuation_hand_worked);
  g_test_add_func ("/funnel/no-cliff-examples", test_no_cliff_examples);
  g_test_add_func ("/funnel/targets-growth-seasonality", test_targets_growth_seasonality);
  g_test_add_func ("/funnel/forward-hand-worked", test_forward_hand_worked);
  g_test_add_func ("/funnel/entry-stage", test_entry_stage);
  g_test_add_func ("/funnel/invariant/forward-of-reverse", test_invariant_forward_of_reverse);
  g_test_add_func ("/funnel/invariant/rates-monotone", test_invariant_rates_monotone);
  g_test_add_func ("/funnel/invariant/sums", test_invariant_sums);
  return g_test_run ();
}
