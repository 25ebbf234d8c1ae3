/* test-comp-payout.c — periods, year-to-date attainment, draws, clawbacks,
 * SPIFs, people, bad plans, and invariants on the bundled examples.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan starts in January 2027.  Amounts in the asserts are cents.
 */
#include "test-comp-util.h"

#define K(x) ((gint64) (x) *100)

/* Quota 400,000.00 (100,000.00 a quarter), TI 40,000.00 (10,000.00 a
 * quarter), marginal: rate 1 to 100 %, 2 above. */
static char *
quarterly (const char *mode, const char *role_extra)
{
  g_autofree char *fields = g_strdup_printf (
      ", \"period\": \"quarterly\", \"attainment\": \"%s\", \"table\": {\"type\": \"marginal\","
      " \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1}, {\"from\": 1, \"rate\": 2}]}",
      mode);
  g_autofree char *json = one_component (fields, role_extra);
  /* quota 400,000.00 and OTE 80,000.00 at 50 %: TI 40,000.00 */
  char *p = strstr (json, "500000.00");
  memcpy (p, "400000.00", 9);
  p = strstr (json, "100000.00");
  memcpy (p, "080000.00", 9);
  return g_steal_pointer (&json);
}

static GsCompPayout *
pay_q3_q4 (const GsCompModel *m)
{
  /* 200,000 booked in September (end of Q3), 300,000 in December. */
  GsCompInput in;
  GsCompPayout *p;
  gs_comp_input_init (&in);
  in.given[GS_MEASURE_OWN_BOOKINGS] = TRUE;
  in.actual[GS_MEASURE_OWN_BOOKINGS][8] = K (200000);
  in.actual[GS_MEASURE_OWN_BOOKINGS][11] = K (300000);
  p = pay (m, 0, &in);
  gs_comp_input_clear (&in);
  return p;
}

static void
test_periods (void)
{
  /* Each quarter against its own quota:
   *  Q3 200 %: 100,000 ÷ 100,000 × 10,000 × 1 = 10,000 + 100,000 ÷ 100,000 × 10,000 × 2 = 20,000 →
   * 30,000.00 Q4 300 %: 10,000 + 200,000 ÷ 100,000 × 10,000 × 2 = 40,000 → 50,000.00;  year
   * 80,000.00 */
  g_autofree char *json = quarterly ("period", NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  g_autoptr (GsCompPayout) p = pay_q3_q4 (m);
  g_assert_cmpint (p->components[0].periods[0], ==, 0);
  g_assert_cmpint (p->components[0].periods[1], ==, 0);
  g_assert_cmpint (p->components[0].periods[2], ==, K (30000));
  g_assert_cmpint (p->components[0].periods[3], ==, K (50000));
  g_assert_cmpint (p->total, ==, K (80000));
  g_assert_cmpint (p->month_paid[8], ==, K (30000));
}

static void
test_ytd (void)
{
  /* Year to date against the annual quota: the accelerator starts only once
   * the year's 400,000 is reached.
   *  Q3 YTD 200,000 (50 %): 200,000 ÷ 400,000 × 40,000 × 1 = 20,000.00
   *  Q4 YTD 500,000 (125 %): 40,000 + 100,000 ÷ 400,000 × 40,000 × 2 = 20,000 → 60,000 − 20,000
   * paid = 40,000.00 year 60,000.00 (not 80,000.00 as quarter by quarter) */
  g_autofree char *json = quarterly ("ytd", NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  g_autoptr (GsCompPayout) p = pay_q3_q4 (m);
  g_assert_cmpint (p->components[0].periods[2], ==, K (20000));
  g_assert_cmpint (p->components[0].periods[3], ==, K (40000));
  g_assert_cmpint (p->total, ==, K (60000));
  g_assert_true (trace_has (m, p, "Less paid in earlier periods: −20,000.00"));
}

static void
test_draw (void)
{
  /* Quarterly, quota 400,000, TI 40,000, flat 1 (period); 40,000 booked in
   * March (end of Q1): Q1 earns 40,000 ÷ 100,000 × 10,000 = 4,000.00.
   * Draw 2,000.00 for 3 months:
   *  Jan earned 0 → top-up 2,000; Feb → top-up 2,000; Mar earned 4,000, keeps
   *  the 2,000 draw, 2,000 recovered; 2,000 still owed at year end.
   *  Recoverable: 4,000 + 4,000 − 2,000 = 6,000.00.  Not: 4,000 + 4,000 = 8,000.00 */
  for (int recoverable = 0; recoverable < 2; recoverable++)
    {
      g_autofree char *extra = g_strdup_printf (
          ", \"draw\": {\"amount\": \"2000.00\", \"months\": 3, \"recoverable\": %s}",
          recoverable ? "true" : "false");
      g_autofree char *json = quarterly ("period", extra);
      g_autoptr (GsCompModel) m = comp_model (json);
      GsCompInput in;
      g_autoptr (GsCompPayout) p = NULL;
      gs_comp_input_init (&in);
      in.given[GS_MEASURE_OWN_BOOKINGS] = TRUE;
      in.actual[GS_MEASURE_OWN_BOOKINGS][2] = K (40000);
      p = pay (m, 0, &in);
      g_assert_cmpint (p->earned, ==, K (4000));
      g_assert_cmpint (p->draw_topup, ==, K (4000));
      /* Not recoverable: all 4,000 stays; recoverable: 2,000 (below). */
      if (!recoverable)
        g_assert_cmpint (p->draw_net, ==, K (4000));
      g_assert_cmpint (p->month_paid[0], ==, K (2000));
      g_assert_cmpint (p->month_paid[1], ==, K (2000));
      /* Month by month (the workbook's draw rows): the commission lands in
       * March; January and February are topped up 2,000 each. */
      g_assert_cmpint (p->month_commission[0], ==, 0);
      g_assert_cmpint (p->month_commission[2], ==, K (4000));
      g_assert_cmpint (p->month_draw_topup[0], ==, K (2000));
      g_assert_cmpint (p->month_draw_topup[1], ==, K (2000));
      g_assert_cmpint (p->month_draw_topup[2], ==, 0);
      /* 40,000 ÷ 100,000 */
      g_assert_cmpfloat_with_epsilon (p->components[0].period_attainment[0], 0.4, 1e-12);
      {
        /* Invariant: the months add up to the year's figures. */
        GsMoney top = 0, rec = 0;
        for (guint mo = 0; mo < GS_COMP_MONTHS; mo++)
          {
            top += p->month_draw_topup[mo];
            rec += p->month_draw_recovered[mo];
          }
        g_assert_cmpint (top, ==, p->draw_topup);
        g_assert_cmpint (rec, ==, p->draw_recovered);
        g_assert_cmpint (p->month_draw_balance[GS_COMP_MONTHS - 1], ==, p->draw_balance);
      }
      if (recoverable)
        {
          /* Owed: 2,000 after January, 4,000 after February, 2,000 from March on. */
          g_assert_cmpint (p->month_draw_balance[1], ==, K (4000));
          g_assert_cmpint (p->month_draw_recovered[2], ==, -K (2000));
          g_assert_cmpint (p->month_draw_balance[2], ==, K (2000));
          g_assert_cmpint (p->draw_recovered, ==, -K (2000));
          g_assert_cmpint (p->draw_balance, ==, K (2000));
          /* The draw's effect on the year: 4,000 topped up − 2,000 recovered. */
          g_assert_cmpint (p->draw_net, ==, K (2000));
          g_assert_cmpint (p->month_paid[2], ==, K (2000));
          g_assert_cmpint (p->total, ==, K (6000));
        }
      else
        {
          g_assert_cmpint (p->draw_recovered, ==, 0);
          g_assert_cmpint (p->total, ==, K (8000));
        }
    }
}

static void
test_clawback (void)
{
  /* Marginal: 1 to 100 %, 2 above; quota 500,000, TI 50,000; clawback 90 days.
   * At 550,000: 50,000 + 50,000 ÷ 500,000 × 50,000 × 2 = 10,000 → 60,000.00.
   * A 25,000 deal refunded after 30 days: without it 525,000 → 55,000.00, so
   * −5,000.00 (the deal was paid at the accelerated rate).  A refund after
   * 120 days is kept. */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      " {\"from\": 1, \"rate\": 2}]}",
      ", \"clawback\": {\"days\": 90}");
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  GsCompRefund refunds[] = { { K (25000), 30 }, { K (25000), 120 } };
  g_autoptr (GsCompPayout) p = NULL;
  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (550000));
  in.refunds = g_array_new (FALSE, FALSE, sizeof (GsCompRefund));
  g_array_append_vals (in.refunds, refunds, 2);
  p = pay (m, 0, &in);
  g_assert_cmpint (p->earned, ==, K (60000));
  g_assert_cmpint (p->clawback, ==, -K (5000));
  g_assert_cmpint (p->total, ==, K (55000));
  g_assert_true (trace_has (m, p, "outside the 90-day clawback window"));
  gs_comp_input_clear (&in);
}

static void
test_spif (void)
{
  /* 500.00 per multi-year deal from 1 Feb to 30 Apr 2027: 3 on 15 Mar pay
   * 3 × 500.00 = 1,500.00; 2 on 2 May are outside the dates. */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}",
      ", \"spifs\": [{\"id\": \"multi-year\", \"name\": \"Multi-year deal\", \"amount\": "
      "\"500.00\", \"from\": \"2027-02-01\", \"to\": \"2027-04-30\", \"expected_events\": 2}]");
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  GsCompEvent events[2] = { { 0 } };
  g_autoptr (GsCompPayout) p = NULL;
  g_date_set_dmy (&events[0].date, 15, 3, 2027);
  events[0].count = 3;
  g_date_set_dmy (&events[1].date, 2, 5, 2027);
  events[1].count = 2;
  gs_comp_input_init (&in);
  in.events = g_array_new (FALSE, FALSE, sizeof (GsCompEvent));
  g_array_append_vals (in.events, events, 2);
  p = pay (m, 0, &in);
  g_assert_cmpint (p->spifs, ==, K (1500));
  g_assert_cmpint (p->month_paid[2], ==, K (1500));
  g_assert_true (trace_has (m, p, "3 × 500.00 on 2027-03-15 = 1,500.00"));
  gs_comp_input_clear (&in);
}

static void
test_people (void)
{
  /* Three AEs with quotas 600,000, 400,000 and the role's 500,000; 10 %
   * commission (amount basis).  The role books 1,500,000.01: split by quota
   * 600 : 400 : 500 → 600,000.004 / 400,000.0027 / 500,000.0033; floors give
   * 1,500,000.00 and the last cent goes to the largest remainder (the first):
   * 600,000.01, 400,000.00, 500,000.00.  Pay: 60,000.001 → 60,000.00;
   * 40,000.00; 50,000.00; role 150,000.00 = Σ people. */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"basis\": \"amount\", \"rate\": 0.1}",
      ", \"people\": [{\"name\": \"Ana\", \"quota\": \"600000.00\"}, {\"name\": \"Ben\", \"quota\":"
      " \"400000.00\"}, {\"name\": \"Cy\"}]");
  g_autoptr (GsCompModel) m = comp_model (json);
  const GsCompRole *role = &m->roles[0];
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_amount (m, role, K (1500000) + 1, &error);
  g_autoptr (GsCompRolePayout) at = NULL;
  GsMoney sum = 0;
  g_assert_no_error (error);
  g_assert_cmpuint (role->headcount, ==, 3);
  g_assert_cmpuint (rp->n_people, ==, 3);
  g_assert_cmpfloat (rp->people[0]->components[0].actual, ==, (double) (K (600000) + 1));
  g_assert_cmpfloat (rp->people[1]->components[0].actual, ==, (double) K (400000));
  g_assert_cmpint (rp->people[0]->total, ==, K (60000));
  g_assert_cmpint (rp->people[1]->total, ==, K (40000));
  g_assert_cmpint (rp->people[2]->total, ==, K (50000));
  for (guint i = 0; i < rp->n_people; i++)
    sum += rp->people[i]->total;
  g_assert_cmpint (sum, ==, rp->total);
  g_assert_cmpint (rp->total, ==, K (150000));
  /* At 110 %: Ana 660,000 × 10 % = 66,000.00, Ben 44,000.00, Cy 55,000.00 */
  at = gs_comp_role_at_attainment (m, role, 1.1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at->total, ==, K (165000));
  {
    GsMoney total = 0;
    g_assert_true (gs_comp_role_total_at_attainment (m, role, 1.1, &total, &error));
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, K (165000));
    g_assert_false (gs_comp_role_total_at_attainment (m, role, -1, &total, &error));
    g_assert_error (error, GS_ERROR, GS_ERROR_USAGE);
    g_clear_error (&error);
  }
}

static void
test_bad_plans (void)
{
  static const struct
  {
    const char *fields;
    const char *role_extra;
    const char *expected;
  } cases[] = {
    { ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      " {\"from\": 1.2, \"rate\": 2}]}",
      NULL,
      "compensation.roles[0].components[0].table.bands[1]: starts at 1.2 but the previous band "
      "ends at 1 (gap)" },
    { ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      " {\"from\": 0.9, \"rate\": 2}]}",
      NULL, "bands[1]: starts at 0.9 but the previous band ends at 1 (overlap)" },
    { ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0.1, \"rate\": 1}]}", NULL,
      "bands[0]: starts at 0.1; the first band must start at 0" },
    { ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"rate\": 1},"
      " {\"from\": 1, \"rate\": 2}]}",
      NULL, "bands[0]: has no end" },
    { ", \"table\": {\"type\": \"marginal\", \"basis\": \"amount\", \"bands\": [{\"from\": "
      "\"0.00\", \"to\": \"1000.00\", \"rate\": 0.01}, {\"from\": \"1500.00\", \"rate\": 0.02}]}",
      NULL, "bands[1]: starts at 1,500.00 but the previous band ends at 1,000.00 (gap)" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": -0.5}", NULL,
      "compensation.roles[0].components[0].table.rate: -0.5 is negative; rates are 0 or more" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"cap\": {\"amount\": \"40000.00\"}", NULL,
      "components[0].cap: $40,000.00 is below the component's target incentive $50,000.00" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}", ", \"cap\": {\"of_target\": 0.9}",
      "compensation.roles[0].cap: $45,000.00 is below the target incentive $50,000.00" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"gate\": {\"measure\": \"revenue\","
      " \"min_attainment\": 0.5}",
      NULL, "components[0].gate.measure: “revenue” is not one of: own_bookings" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"gate\": {\"measure\": \"gross_margin\","
      " \"min_attainment\": 0.5}",
      NULL, "components[0].gate.measure: gates on “gross_margin”, but no component" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"decelerator\": {\"below\": 0.5,"
      " \"multiplier\": 1.5}",
      NULL, "decelerator.multiplier: a decelerator pays less" },
    { ", \"table\": {\"type\": \"flat\", \"rate\": 1}",
      ", \"headcount\": 3, \"people\": [{\"name\": \"Ana\"}]",
      "compensation.roles[0].headcount: is 3 but 1 people are listed" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = one_component (cases[i].fields, cases[i].role_extra);
      g_autofree char *message = comp_error (json);
      if (strstr (message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, message, cases[i].expected);
    }
  {
    /* Weights 70 % + 20 % */
    g_autofree char *message = comp_error (
        "{\"roles\": [{\"id\": \"r\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"components\": ["
        "{\"id\": \"a\", \"measure\": \"own_bookings\", \"weight\": 0.7, \"table\": {\"type\":"
        " \"flat\", \"rate\": 1}}, {\"id\": \"b\", \"measure\": \"company_bookings\", \"weight\":"
        " 0.2, \"table\": {\"type\": \"flat\", \"rate\": 1}}]}]}");
    g_assert_cmpstr (message, ==,
                     "compensation.roles[0].components: weights add up to 90 %; they must add up "
                     "to 100 % of the target incentive");
  }
  {
    /* Gross margin has no figure in the goal sheets: its quota must be set. */
    g_autofree char *message = comp_error (
        "{\"roles\": [{\"id\": \"r\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"components\": ["
        "{\"id\": \"gm\", \"measure\": \"gross_margin\", \"weight\": 1, \"table\": {\"type\":"
        " \"flat\", \"rate\": 1}}]}]}");
    g_assert_nonnull (strstr (message, "compensation.roles[0].components[0].quota: is missing"));
  }
}

static void
test_default_quotas (void)
{
  /* The tiny plan: AE quota 600,000.00, 2 AEs, company target 1,200,000.00. */
  g_autoptr (GsCompModel) m = comp_model (
      "{\"roles\": [{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"components\": ["
      "{\"id\": \"a\", \"measure\": \"own_bookings\", \"weight\": 0.8, \"table\": {\"type\":"
      " \"flat\", \"rate\": 1}}, {\"id\": \"b\", \"measure\": \"company_bookings\", \"weight\":"
      " 0.2, \"table\": {\"type\": \"flat\", \"rate\": 1}}]},"
      " {\"id\": \"mgr\", \"kind\": \"manager\", \"ote\": \"150000.00\", \"components\": ["
      "{\"id\": \"t\", \"measure\": \"team_bookings\", \"weight\": 1, \"table\": {\"type\":"
      " \"flat\", \"rate\": 1}}]}]}");
  const GsCompRole *ae = &m->roles[0], *mgr = &m->roles[1];
  g_assert_cmpuint (ae->headcount, ==, 2);
  g_assert_cmpfloat (ae->components[0].quota, ==, (double) K (600000));
  g_assert_cmpfloat (ae->components[1].quota, ==, (double) K (1200000));
  g_assert_cmpfloat (mgr->components[0].quota, ==, (double) K (1200000)); /* 600,000 × 2 AEs */
  /* Pay mix defaults: AE 50 % of 100,000 → 50,000.00, split 80/20 to the cent */
  g_assert_cmpint (ae->target_incentive, ==, K (50000));
  g_assert_cmpint (ae->components[0].target_incentive, ==, K (40000));
  g_assert_cmpint (ae->components[1].target_incentive, ==, K (10000));
  g_assert_cmpint (mgr->target_incentive, ==, K (60000)); /* manager 40 % */
}

/* Invariants on every role of both examples. */
/* Invariant: everyone's totals are the sums of the People rows (each row
 * × its multiplier: 1 for a listed person, the headcount for a role's
 * standard person), and the rows at the plan's attainment are the people
 * the role's pay as staffed is made of. */
static void
assert_people_sums (const GsCompModel *comp, const GsCompAtPlan *at)
{
  gint64 people = 0;
  GsMoney at_100 = 0, at_plan = 0;
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      guint n = role->n_people ? role->n_people : 1;
      guint multiplier = role->n_people ? 1 : role->headcount;
      people += role->n_people ? role->n_people : role->headcount;
      for (guint p = 0; p < n; p++)
        {
          at_100 += at->role_person_at_100[r][p] * multiplier;
          at_plan += at->role_person_at_plan[r][p] * multiplier;
        }
    }
  g_assert_null (at->role_person_at_plan[comp->n_roles]);
  g_assert_cmpint (at->people, ==, people);
  g_assert_cmpint (at->people_at_100, ==, at_100);
  g_assert_cmpint (at->people_at_plan, ==, at_plan);
}

static void
check_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  const GsCompModel *comp;
  GsCompAtPlan at;
  g_autoptr (GArray) shared = NULL;
  gboolean any_shared = FALSE;

  g_assert_no_error (error);
  comp = gs_plan_get_comp (plan, &error);
  g_assert_nonnull (comp);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      g_autoptr (GArray) curve = gs_comp_curve (comp, role, 0.01, 2.0, &error);
      GsMoney cap = role->cap.present ? role->cap.amount : G_MAXINT64;
      g_assert_no_error (error);
      /* The pay mix both ways (the printed sheet's "base/variable"). */
      g_assert_cmpfloat (role->base_share, ==, 1 - role->pay_mix);
      g_assert_cmpint (role->base + role->target_incentive, ==, role->ote);
      g_assert_cmpuint (curve->len, ==, 201);
      for (guint i = 0; i < curve->len; i++)
        {
          const GsCurvePoint *pt = &g_array_index (curve, GsCurvePoint, i);
          /* Never decreasing (the examples' decelerators are retroactive or
           * marginal, which only ever add), never above a cap. */
          if (i > 0)
            g_assert_cmpint (pt->earned, >=, g_array_index (curve, GsCurvePoint, i - 1).earned);
          g_assert_cmpint (pt->earned, <=, cap);
        }
      /* The examples are calibrated: 100 % of every quota pays the target
       * incentive to the cent (periods split by the months rule, and a
       * period's slices rounded together: docs/rounding.md). */
      {
        g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_attainment (comp, role, 1.0, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < rp->n_people; i++)
          g_assert_cmpint (rp->people[i]->earned, ==, role->target_incentive);
      }
      /* Every attainment: traces add up, caps hold, people add up to the role. */
      for (double a = 0; a <= 2.0; a += 0.25)
        {
          g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_attainment (comp, role, a, &error);
          GsMoney sum = 0;
          g_assert_no_error (error);
          for (guint i = 0; i < rp->n_people; i++)
            {
              assert_trace_adds_up (rp->people[i]);
              for (guint k = 0; k < rp->people[i]->n_components; k++)
                {
                  const GsCompComponent *c = rp->people[i]->components[k].component;
                  if (c->cap.present)
                    g_assert_cmpint (rp->people[i]->components[k].earned, <=, c->cap.amount);
                }
              sum += rp->people[i]->total * rp->multiplier;
            }
          g_assert_cmpint (sum, ==, rp->total);
          /* The role's total without traces (the payout view's) is the same. */
          {
            GsMoney untraced = -1;
            g_assert_true (gs_comp_role_total_at_attainment (comp, role, a, &untraced, &error));
            g_assert_no_error (error);
            g_assert_cmpint (untraced, ==, rp->total);
          }
        }
    }
  g_assert_true (gs_comp_at_plan (comp, &at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (at.variable_pay, >, 0);
  g_assert_cmpfloat (at.cost_of_sales, >, 0.01);
  g_assert_cmpfloat (at.cost_of_sales, <, 0.5);
  assert_people_sums (comp, &at);
  gs_comp_at_plan_clear (&at);
  shared = gs_comp_shared_measures (comp);
  for (guint i = 0; i < shared->len; i++)
    {
      const GsSharedMeasure *sm = &g_array_index (shared, GsSharedMeasure, i);
      any_shared |= sm->marketing && sm->sales;
    }
  g_assert_true (any_shared);
  gs_comp_shared_measures_free (g_steal_pointer (&shared));
  /* Every role kind is present. */
  for (GsRoleKind k = GS_ROLE_AE; k <= GS_ROLE_MARKETING; k++)
    {
      gboolean found = FALSE;
      for (guint r = 0; r < comp->n_roles; r++)
        found |= comp->roles[r].kind == k;
      g_assert_true (found);
    }
}

static void
test_examples (void)
{
  check_example ("seed-saas.goalsheet");
  check_example ("mid-market.goalsheet");
}

/* Random marginal tables with rising tiers and decelerators never pay less
 * for more. */
static void
test_monotone_random (void)
{
  GRand *rand = g_rand_new_with_seed (20261125);
  for (guint t = 0; t < 40; t++)
    {
      GString *bands = g_string_new (NULL);
      double from = 0;
      guint n = g_rand_int_range (rand, 1, 5);
      g_autofree char *fields = NULL, *json = NULL;
      g_autoptr (GsCompModel) m = NULL;
      GsMoney last = -1;
      for (guint i = 0; i < n; i++)
        {
          double to = from + g_rand_int_range (rand, 1, 8) * 0.25;
          double rate = g_rand_int_range (rand, 0, 30) / 10.0;
          g_string_append_printf (bands, "%s{\"from\": %g, ", i ? ", " : "", from);
          if (i + 1 < n)
            g_string_append_printf (bands, "\"to\": %g, ", to);
          g_string_append_printf (bands, "\"rate\": %g}", rate);
          from = to;
        }
      fields = g_strdup_printf (
          ", \"table\": {\"type\": \"%s\", \"bands\": [%s]}, \"accelerators\": [{\"above\": 1,"
          " \"multiplier\": %g}], \"decelerator\": {\"below\": 0.%d, \"multiplier\": 0.5,"
          " \"retroactive\": %s}",
          "marginal", bands->str, 1 + g_rand_int_range (rand, 0, 10) / 10.0,
          g_rand_int_range (rand, 1, 9), g_rand_boolean (rand) ? "true" : "false");
      json = one_component (fields, NULL);
      m = comp_model (json);
      for (double a = 0; a <= 3.0; a += 0.01)
        {
          GsMoney v = pay_own (m, gs_money_round (a * K (500000)));
          g_assert_cmpint (v, >=, last);
          last = v;
        }
      g_string_free (bands, TRUE);
    }
  g_rand_free (rand);
}

/* A random rate table: contiguous bands from 0 (flat: one rate). */
static char *
random_table (GRand *rand)
{
  static const char *const kinds[] = { "flat", "marginal", "band" };
  const char *kind = kinds[g_rand_int_range (rand, 0, 3)];
  GString *s = g_string_new (NULL);
  double from = 0;
  guint n = g_rand_int_range (rand, 1, 4);
  if (g_str_equal (kind, "flat"))
    {
      g_string_printf (s, "{\"type\": \"flat\", \"rate\": %g}",
                       g_rand_int_range (rand, 0, 30) / 10.0);
      return g_string_free (s, FALSE);
    }
  g_string_printf (s, "{\"type\": \"%s\", \"bands\": [", kind);
  for (guint i = 0; i < n; i++)
    {
      double to = from + g_rand_int_range (rand, 1, 6) * 0.25;
      g_string_append_printf (s, "%s{\"from\": %g, ", i ? ", " : "", from);
      if (i + 1 < n)
        g_string_append_printf (s, "\"to\": %g, ", to);
      g_string_append_printf (s, "\"rate\": %g}", g_rand_int_range (rand, 0, 30) / 10.0);
      from = to;
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

/* One component on `measure` with random period, attainment, table and
 * modifiers; `gate_on` (may be NULL) another measure it may be gated on. */
static void
random_component (GRand *rand, GString *out, guint k, const char *measure, const char *quota,
                  double weight, const char *gate_on)
{
  static const char *const periods[] = { "monthly", "quarterly", "annual" };
  g_autofree char *table = random_table (rand);
  g_string_append_printf (out,
                          "%s{\"id\": \"c%u\", \"measure\": \"%s\", \"weight\": %g, \"quota\": "
                          "\"%s\", \"period\": \"%s\", \"attainment\": \"%s\", \"table\": %s",
                          k ? ", " : "", k, measure, weight, quota,
                          periods[g_rand_int_range (rand, 0, 3)],
                          g_rand_boolean (rand) ? "ytd" : "period", table);
  if (g_rand_boolean (rand))
    g_string_append_printf (out, ", \"accelerators\": [{\"above\": 1, \"multiplier\": %g}]",
                            1 + g_rand_int_range (rand, 0, 10) / 10.0);
  if (g_rand_boolean (rand))
    g_string_append_printf (out,
                            ", \"decelerator\": {\"below\": 0.%d, \"multiplier\": 0.5, "
                            "\"retroactive\": %s}",
                            g_rand_int_range (rand, 1, 9),
                            g_rand_boolean (rand) ? "true" : "false");
  if (g_rand_boolean (rand))
    g_string_append (out, ", \"discount_modifier\": [{\"from\": 0, \"to\": 0.1, \"multiplier\": 1},"
                          " {\"from\": 0.1, \"multiplier\": 0.8}]");
  if (gate_on && g_rand_boolean (rand))
    g_string_append_printf (out, ", \"gate\": {\"measure\": \"%s\", \"min_attainment\": 0.%d}",
                            gate_on, g_rand_int_range (rand, 1, 9));
  if (g_rand_boolean (rand))
    g_string_append_printf (out, ", \"cap\": {\"of_target\": %g}",
                            1 + g_rand_int_range (rand, 0, 10) / 10.0);
  g_string_append (out, "}");
}

/* Payouts without a trace have every figure of the traced ones (pay_person
 * compares them), over random plans, people and inputs: tables, periods,
 * modifiers, gates, caps, draws, clawbacks and SPIFs. */
static void
test_untraced_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261202);
  for (guint t = 0; t < 150; t++)
    {
      g_autoptr (GString) json = g_string_new (
          "{\"roles\": [{\"id\": \"r\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": "
          "0.5, \"components\": [");
      g_autoptr (GsCompModel) m = NULL;
      gboolean two = g_rand_boolean (rand);
      guint n_people = g_rand_boolean (rand) ? 3 : 0;
      random_component (rand, json, 0, "own_bookings", "500000.00", two ? 0.6 : 1,
                        two ? "company_bookings" : NULL);
      if (two)
        random_component (rand, json, 1, "company_bookings", "1000000.00", 0.4, "own_bookings");
      g_string_append (json, "]");
      if (g_rand_boolean (rand))
        g_string_append_printf (json,
                                ", \"gate\": {\"measure\": \"own_bookings\", "
                                "\"min_attainment\": 0.%d}",
                                g_rand_int_range (rand, 1, 9));
      if (g_rand_boolean (rand))
        g_string_append_printf (json, ", \"cap\": {\"of_target\": %g}",
                                1 + g_rand_int_range (rand, 0, 10) / 10.0);
      if (g_rand_boolean (rand))
        g_string_append_printf (json,
                                ", \"draw\": {\"amount\": \"%d.00\", \"months\": %d, "
                                "\"recoverable\": %s}",
                                g_rand_int_range (rand, 500, 5000), g_rand_int_range (rand, 1, 12),
                                g_rand_boolean (rand) ? "true" : "false");
      if (g_rand_boolean (rand))
        g_string_append_printf (json, ", \"clawback\": {\"days\": %d}",
                                g_rand_int_range (rand, 30, 180));
      g_string_append (json, ", \"spifs\": [{\"id\": \"s\", \"name\": \"Multi-year\", \"amount\": "
                             "\"500.00\", \"from\": \"2027-02-01\", \"to\": \"2027-06-30\"}]");
      if (n_people)
        g_string_append (json, ", \"headcount\": 3, \"people\": [{\"name\": \"Ana\", \"quota\": "
                               "\"600000.00\"}, {\"name\": \"Ben\"}, {\"name\": \"Cy\", "
                               "\"quota\": \"350000.00\"}]");
      g_string_append (json, "}]}");
      m = comp_model (json->str);
      for (guint trial = 0; trial < 4; trial++)
        {
          GsCompInput in;
          GsCompRefund refund = { K (g_rand_int_range (rand, 1000, 60000)),
                                  (guint) g_rand_int_range (rand, 1, 200) };
          GsCompEvent event = { 0, { 0 }, (guint) g_rand_int_range (rand, 1, 4) };
          guint person = n_people ? (guint) g_rand_int_range (rand, 0, 3) : GS_COMP_STANDARD_PERSON;
          g_autoptr (GsCompPayout) p = NULL;
          gs_comp_input_init (&in);
          for (guint mo = 0; mo < GS_COMP_MONTHS; mo++)
            {
              in.actual[GS_MEASURE_OWN_BOOKINGS][mo] = K (g_rand_int_range (rand, 0, 90000));
              in.actual[GS_MEASURE_COMPANY_BOOKINGS][mo] = K (g_rand_int_range (rand, 0, 170000));
            }
          in.given[GS_MEASURE_OWN_BOOKINGS] = in.given[GS_MEASURE_COMPANY_BOOKINGS] = TRUE;
          in.discount = g_rand_int_range (rand, 0, 30) / 100.0;
          in.refunds = g_array_new (FALSE, FALSE, sizeof (GsCompRefund));
          g_array_append_val (in.refunds, refund);
          g_date_clear (&event.date, 1);
          g_date_set_dmy (&event.date, (GDateDay) g_rand_int_range (rand, 1, 28),
                          (GDateMonth) g_rand_int_range (rand, 1, 13), 2027);
          in.events = g_array_new (FALSE, FALSE, sizeof (GsCompEvent));
          g_array_append_val (in.events, event);
          p = pay_person (m, 0, person, &in);
          gs_comp_input_clear (&in);
        }
      /* The roles' payouts too, as at_plan and the People sheet make them. */
      for (double a = 0; a <= 2.0; a += 0.5)
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (GsCompRolePayout) traced
              = gs_comp_role_at_attainment (m, &m->roles[0], a, &error);
          g_autoptr (GsCompRolePayout) bare = gs_comp_role_payout_with (
              m, &m->roles[0], GS_COMP_AT_ATTAINMENT, a, NULL, GS_COMP_PAYOUT_FIGURES, &error);
          g_assert_no_error (error);
          g_assert_cmpint (traced->total, ==, bare->total);
          for (guint i = 0; i < traced->n_people; i++)
            assert_same_figures (traced->people[i], bare->people[i]);
        }
    }
}

/* gs_comp_at_plan keeps each person's year at 100 %: the People sheet's
 * figures, the same as the role's payouts with their traces. */
static void
test_at_plan_people (void)
{
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "people.goalsheet", NULL);
  const GsCompModel *comp;
  GsCompAtPlan at;

  plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  comp = gs_plan_get_comp (plan, &error);
  g_assert_no_error (error);
  g_assert_true (gs_comp_at_plan (comp, &at, &error));
  for (guint r = 0; r < comp->n_roles; r++)
    {
      g_autoptr (GsCompRolePayout) rp
          = gs_comp_role_at_attainment (comp, &comp->roles[r], 1.0, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < rp->n_people; p++)
        g_assert_cmpint (at.role_person_at_100[r][p], ==, rp->people[p]->total);
    }
  g_assert_null (at.role_person_at_100[comp->n_roles]);
  /* tests/data/people.goalsheet: each AE 80,000.00 at 100 %, each SDR 27,000.00. */
  g_assert_cmpint (at.role_person_at_100[0][0], ==, K (80000));
  g_assert_cmpint (at.role_person_at_100[1][0], ==, K (27000));
  /* The People sheet's Everyone row, by hand: three AEs listed (Ana, Bo,
   * Cy) and the SDRs' standard person × 3 (2 at the start + 1 hired in
   * May): 6 people; at 100 % 3 × 80,000.00 + 3 × 27,000.00 = 321,000.00. */
  g_assert_cmpint (at.people, ==, 6);
  g_assert_cmpint (at.people_at_100, ==, K (321000));
  assert_people_sums (comp, &at);
  gs_comp_at_plan_clear (&at);
  g_assert_null (at.role_person_at_100);
  g_assert_null (at.role_person_at_plan);
}

/* Pay that matches the plan, by hand, on the tiny plan: 2 AEs from the start
 * and 1 hired in July 2027 (plan month 7), no ramp, no attrition, quota
 * 600,000.00, target 1,200,000.00 of which 200,000.00 from existing
 * customers.  The AE plan: OTE 100,000.00 at 50 % → TI 50,000.00, flat rate
 * 1 on own bookings.
 *  - Paid person-years: 2 × 12 months + 1 × 6 months = 30 months = 2.5.
 *  - At 100 % of quota: 50,000.00 × 2.5 = 125,000.00 (the full-year figure
 *    pays all 3 for the year: 150,000.00).
 *  - The plan's attainment: the funnel delivers the 1,000,000.00 of new
 *    business (100 wins of 10,000.00, capacity 100,000.00 a month and
 *    150,000.00 from July never binds); the ramped quotas the AEs carry are
 *    2 × 600,000.00 + 1 × 600,000.00 × 6 ÷ 12 = 1,500,000.00, so the AEs are
 *    at 1,000,000 ÷ 1,500,000 = 66.67 %: 400,000.00 of 600,000.00 pays
 *    400,000 ÷ 600,000 × 50,000.00 = 33,333.33 a year, × 2.5 = 83,333.325 →
 *    83,333.33 (rounded once).
 *  - Cost of sales at plan: 83,333.33 ÷ new business 1,000,000.00 = 8.33 %;
 *    ÷ all bookings 1,200,000.00 = 6.94 %. */
/* One AE role, flat rate 1 on own bookings, on the tiny plan after
 * @patches. */
static GsCompModel *
one_ae (const char *ote, const char *const *patches)
{
  g_autofree char *json = g_strdup_printf (
      "{\"roles\": [{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"%s\","
      " \"pay_mix\": 0.5, \"components\": [{\"id\": \"own\", \"measure\":"
      " \"own_bookings\", \"weight\": 1, \"table\": {\"type\": \"flat\", \"rate\": 1}}]}]}",
      ote);
  return comp_model_patched (json, patches);
}

static void
test_at_plan_staffed (void)
{
  static const char *const patches[]
      = { "capacity.ae.hires", "[{\"month\": \"2027-07\", \"count\": 1}]",
          "company.existing_customer_bookings", "\"200000.00\"", NULL };
  g_autoptr (GsCompModel) comp = one_ae ("100000.00", patches);
  g_autoptr (GError) error = NULL;
  GsCompAtPlan at;

  g_assert_true (gs_comp_at_plan (comp, &at, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comp->roles[0].headcount, ==, 3);
  g_assert_cmpfloat_with_epsilon (at.role_paid_years[0], 2.5, 1e-12);
  g_assert_cmpint (at.variable_pay, ==, K (150000));
  g_assert_cmpint (at.at_quota, ==, K (125000));
  g_assert_cmpfloat_with_epsilon (at.ae_attainment, 2.0 / 3.0, 1e-12);
  g_assert_cmpint (at.at_plan, ==, 8333333);
  g_assert_cmpint (at.new_business, ==, K (1000000));
  g_assert_cmpint (at.bookings, ==, K (1200000));
  g_assert_cmpfloat_with_epsilon (at.cost_new_business, 0.08333333, 1e-8);
  g_assert_cmpfloat_with_epsilon (at.cost_all, 0.06944444, 1e-8);
  /* One role: its cost on new business is the plan's, 83,333.33 ÷ 1,000,000. */
  g_assert_cmpfloat_with_epsilon (at.role_cost_new_business[0], 0.08333333, 1e-8);
  /* The People sheet's Everyone row (full years, not prorated): the
   * standard AE × 3; at 100 % 50,000.00 × 3 = 150,000.00 (the full-year
   * variable pay, no SPIFs); at the plan's 66.67 % one AE earns
   * 400,000 ÷ 600,000 × 50,000.00 = 33,333.333… → 33,333.33, × 3 =
   * 99,999.99 (each person rounded once, the sum exact). */
  g_assert_cmpint (at.people, ==, 3);
  g_assert_cmpint (at.role_person_at_plan[0][0], ==, 3333333);
  g_assert_cmpint (at.people_at_100, ==, K (150000));
  g_assert_cmpint (at.people_at_plan, ==, 9999999);
  assert_people_sums (comp, &at);
  /* The figures the attainments are made of (the workbook caches them):
   * the AEs book 1,000,000.00 of new business against 1,500,000.00 of
   * ramped quota.  Invariant: each attainment is its two figures' ratio,
   * 100 % where there is no goal to measure against. */
  g_assert_cmpint (comp->plan_carried, ==, K (1000000));
  g_assert_cmpfloat_with_epsilon (comp->plan_ramped_quota, (double) K (1500000), 1e-3);
  g_assert_cmpfloat_with_epsilon (comp->plan_attainment[GS_MEASURE_OWN_BOOKINGS],
                                  (double) comp->plan_carried / comp->plan_ramped_quota, 1e-15);
  if (comp->plan_marketing_goal > 0)
    g_assert_cmpfloat_with_epsilon (
        comp->plan_attainment[GS_MEASURE_MARKETING_SOURCED_BOOKINGS],
        (double) comp->plan_marketing / (double) comp->plan_marketing_goal, 1e-15);
  else
    g_assert_cmpfloat (comp->plan_attainment[GS_MEASURE_MARKETING_SOURCED_BOOKINGS], ==, 1.0);
  gs_comp_at_plan_clear (&at);
}

/* A plan whose pay overflows is refused with nothing left to free: the
 * callers (export, payout, the page) return early on FALSE.  Found by
 * fuzz-plan as a leak in the Compensation sheet. */
static void
test_at_plan_overflow (void)
{
  static const char *const patches[] = { "capacity.ae.start_headcount", "100000", NULL };
  g_autoptr (GsCompModel) comp = one_ae ("9000000000000.00", patches);
  g_autoptr (GError) error = NULL;
  GsCompAtPlan at;

  g_assert_false (gs_comp_at_plan (comp, &at, &error));
  g_assert_nonnull (error);
  g_assert_null (at.role_variable);
  g_assert_null (at.role_paid_years);
  g_assert_null (at.role_at_quota);
  g_assert_null (at.role_at_plan);
  g_assert_null (at.role_cost_new_business);
  g_assert_null (at.role_person_at_100);
  g_assert_null (at.role_person_at_plan);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp/period/quarterly", test_periods);
  g_test_add_func ("/comp/period/ytd", test_ytd);
  g_test_add_func ("/comp/adjust/draw", test_draw);
  g_test_add_func ("/comp/adjust/clawback", test_clawback);
  g_test_add_func ("/comp/adjust/spif", test_spif);
  g_test_add_func ("/comp/people", test_people);
  g_test_add_func ("/comp/decode/bad-plans", test_bad_plans);
  g_test_add_func ("/comp/decode/default-quotas", test_default_quotas);
  g_test_add_func ("/comp/invariants/examples", test_examples);
  g_test_add_func ("/comp/at-plan-staffed", test_at_plan_staffed);
  g_test_add_func ("/comp/at-plan-overflow", test_at_plan_overflow);
  g_test_add_func ("/comp/invariants/monotone", test_monotone_random);
  g_test_add_func ("/comp/invariants/untraced", test_untraced_random);
  g_test_add_func ("/comp/at-plan-people", test_at_plan_people);
  return g_test_run ();
}
