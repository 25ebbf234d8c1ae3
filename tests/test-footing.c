/* test-footing.c — every total foots by construction: months add up to
 * quarters and to the year to the cent, on generated plans.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-payout.h"
#include "gs-comp-resolve.h"
#include "test-util.h"

/* Σ of a money line's plan months in each fiscal quarter is the quarter's
 * cell, and Σ of the quarters is the line's total. */
static void
check_line_foots (const GsModel *m, const GsResult *r, const char *id)
{
  const GsGoalLine *line = line_ok (r, id);
  GsMoney quarters = 0;
  for (guint q = 0; q < r->n_quarters; q++)
    {
      GsMoney months = 0;
      for (guint mo = 0; mo < r->horizon; mo++)
        if ((guint) gs_model_fiscal_quarter (m, (int) mo) == q)
          months += line->months[r->n_pre + mo].amount;
      if (months != line->quarters[q].amount)
        g_error ("%s: quarter %u is %" G_GINT64_FORMAT
                 " but its months add up to %" G_GINT64_FORMAT,
                 id, q, line->quarters[q].amount, months);
      quarters += line->quarters[q].amount;
    }
  g_assert_cmpint (quarters, ==, line->total.amount);
}

/* An AE plan calibrated like the mid-market SDR's: below 50 % rate 1 at a
 * × 0.5 decelerator (0.25 of the target), 50–100 % rate 1.5 (0.75), so 100 %
 * of quota pays the target incentive exactly, which only the slices rounded
 * together guarantee. */
static char *
comp_json (GRand *rand)
{
  return g_strdup_printf (
      "{\"roles\": [{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"%d.%02d\", \"pay_mix\": 0.%02d,"
      " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 0.7,"
      "   \"period\": \"%s\", \"table\": {\"type\": \"marginal\", \"bands\": ["
      "     {\"from\": 0, \"to\": 0.5, \"rate\": 1}, {\"from\": 0.5, \"to\": 1, \"rate\": 1.5},"
      "     {\"from\": 1, \"rate\": 2}]},"
      "   \"decelerator\": {\"below\": 0.5, \"multiplier\": 0.5, \"retroactive\": false},"
      "   \"accelerators\": [{\"above\": 1, \"multiplier\": 1.5}]},"
      "  {\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.3,"
      "   \"period\": \"monthly\", \"table\": {\"type\": \"flat\", \"rate\": 1}}]}]}",
      g_rand_int_range (rand, 50000, 300000), g_rand_int_range (rand, 0, 100),
      g_rand_int_range (rand, 10, 90), g_rand_boolean (rand) ? "quarterly" : "monthly");
}

static void
test_random_plans (void)
{
  /* A fixed seed: the same 200 plans every run, so a failure reproduces. */
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);

  for (guint trial = 0; trial < 200; trial++)
    {
      g_autoptr (JsonNode) tree = tiny_tree ();
      g_autoptr (GsModel) m = NULL;
      g_autoptr (GsResult) r = NULL;
      g_autoptr (GsCompModel) comp = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *target
          = g_strdup_printf ("\"%d%03d.%02d\"", g_rand_int_range (rand, 500, 50000),
                             g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 100));
      g_autofree char *quota = g_strdup_printf (
          "\"%d.%02d\"", g_rand_int_range (rand, 100000, 999999), g_rand_int_range (rand, 0, 100));
      guint horizon = (guint) g_rand_int_range (rand, 1, 37);
      GString *season = g_string_new ("[");
      g_autofree char *comp_text = comp_json (rand);
      g_autofree char *season_text = NULL;
      g_autofree char *horizon_text = g_strdup_printf ("%u", horizon);
      g_autofree char *fiscal_text = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 13));

      for (guint i = 0; i < 12; i++)
        g_string_append_printf (season, "%s%.3f", i ? ", " : "",
                                g_rand_double_range (rand, 0.2, 2));
      g_string_append (season, "]");
      season_text = g_string_free (season, FALSE);
      patch (tree, "company.target.amount", target);
      patch (tree, "company.seasonality", season_text);
      patch (tree, "company.horizon_months", horizon_text);
      patch (tree, "company.fiscal_year_start_month", fiscal_text);
      patch (tree, "capacity.ae.quota", quota);
      patch (tree, "compensation", comp_text);
      m = decode_ok (tree);
      r = gs_compute (m, &error);
      g_assert_no_error (error);

      /* Goals: every money line foots; each whole plan year of the target
       * is the target, and of the quota line the annual quota. */
      check_line_foots (m, r, "shared.target");
      check_line_foots (m, r, "sales.quota");
      check_line_foots (m, r, "sales.ae_capacity");
      check_line_foots (m, r, "marketing.budget");
      for (guint y = 0; (y + 1) * 12 <= horizon; y++)
        {
          GsMoney t = 0, q = 0;
          for (guint i = 0; i < 12; i++)
            {
              t += r->target_month[y * 12 + i];
              q += line_ok (r, "sales.quota")->months[r->n_pre + y * 12 + i].amount;
            }
          g_assert_cmpint (t, ==, m->company.target_amount);
          g_assert_cmpint (q, ==, m->ae.quota);
        }

      /* Pay: at 100 % of every quota the plan pays its target incentive, to
       * the cent, and each period its share of it. */
      comp = gs_comp_resolve (m, r);
      {
        const GsCompRole *role = &comp->roles[0];
        g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_attainment (comp, role, 1.0, &error);
        g_assert_no_error (error);
        g_assert_cmpint (rp->people[0]->earned, ==, role->target_incentive);
        for (guint k = 0; k < role->n_components; k++)
          {
            const GsCompComponentPayout *cp = &rp->people[0]->components[k];
            guint n = gs_period_count (role->components[k].period);
            GsMoney share[12];
            gs_money_split_periods (role->components[k].target_incentive, n, share);
            for (guint p = 0; p < n; p++)
              g_assert_cmpint (cp->periods[p], ==, share[p]);
          }
      }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/footing/random-plans", test_random_plans);
  return g_test_run ();
}
