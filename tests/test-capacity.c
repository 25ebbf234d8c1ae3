/* test-capacity.c — AE and SDR capacity and the gap levers, worked by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

/* 1 AE at start, 1 hired in month 2 (Mar 27), ramp [0, 50 %], 10 % monthly
 * attrition, 80 % attainment, quota 120,000 → 10,000 a month at full ramp.
 *   m0: 1                            × 10,000 × 0.8 =  8,000.00
 *   m1: 0.9                          → 7,200.00
 *   m2: 0.81 + 1 × 0 (first month)   → 6,480.00
 *   m3: 0.729 + 0.9 × 0.5 = 1.179    → 9,432.00
 *   m4: 0.6561 + 0.81 × 1 = 1.4661   → 11,728.80 */
static void
test_ae_capacity (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  const GsMoney expected[] = { 800000, 720000, 648000, 943200, 1172880 };

  patch (tree, "capacity.ae",
         "{\"start_headcount\": 1, \"hires\": [{\"month\": \"2027-03\", \"count\": 1}],"
         " \"quota\": \"120000.00\", \"ramp\": [0, 0.5], \"attainment\": 0.8,"
         " \"monthly_attrition\": 0.1}");
  r = compute_ok (tree);
  for (guint mo = 0; mo < G_N_ELEMENTS (expected); mo++)
    g_assert_cmpint (r->ae_capacity[mo], ==, expected[mo]);
  g_assert_cmpint (r->ae_hired[1], ==, 1);
  g_assert_cmpint (r->ae_hired[2], ==, 2);
  g_assert_cmpfloat_with_epsilon (r->ae_headcount[3], 0.729 + 0.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (r->ae_ramped[3], 1.179, 1e-12);
  /* Plan = min(funnel, capacity): the funnel delivers the target (100,000 a
   * month), so capacity binds: plan month 0 = 8,000.00. */
  g_assert_cmpint (r->plan_month[0], ==, 800000);
}

/* The capacity backlog (docs/derivations.md, "Plan and gap"): the funnel
 * brings the target, 100,000.00 a month; 1 AE carries 50,000.00 a month and 2
 * more join in April (no ramp), 150,000.00 a month from then.
 *   Jan: 100,000 waiting, books 50,000, 50,000 carried
 *   Feb: 150,000 waiting, books 50,000, 100,000 carried
 *   Mar: 200,000 waiting, books 50,000, 150,000 carried
 *   Apr: 250,000 waiting, books 150,000, 100,000 carried
 *   May: 200,000 waiting, books 150,000, 50,000 carried
 *   Jun: 150,000 waiting, books 150,000, nothing carried; then 100,000 a month
 * Year: 3 × 50,000 + 3 × 150,000 + 6 × 100,000 = 1,200,000.00, the target
 * (clipping each month instead gave 150,000 + 9 × 100,000 = 1,050,000.00).
 * With a decay of 50 % a month:
 *   Jan: books 50,000, 50,000 × 0.5 = 25,000 carried
 *   Feb: 125,000 waiting, books 50,000, 75,000 × 0.5 = 37,500 carried
 *   Mar: 137,500 waiting, books 50,000, 87,500 × 0.5 = 43,750 carried
 *   Apr: 143,750 waiting, books all of it; then 100,000 a month
 * Year: 150,000 + 143,750 + 8 × 100,000 = 1,093,750.00.
 * With 1 AE all year the backlog grows by 50,000 a month and the 600,000.00
 * still waiting after December falls past the horizon. */
static void
test_backlog (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL, decayed = NULL, alone = NULL;
  const GsMoney carried[] = { 5000000, 10000000, 15000000, 10000000, 5000000, 0 };
  const GsGoalLine *plan;
  const GsDerivation *d;

  patch (tree, "capacity.ae",
         "{\"start_headcount\": 1, \"hires\": [{\"month\": \"2027-04\", \"count\": 2}],"
         " \"quota\": \"600000.00\", \"ramp\": [], \"attainment\": 1}");
  r = compute_ok (tree);
  g_assert_cmpint (r->ae_capacity[0], ==, 5000000);
  g_assert_cmpint (r->ae_capacity[3], ==, 15000000);
  for (guint mo = 0; mo < G_N_ELEMENTS (carried); mo++)
    g_assert_cmpint (r->backlog_month[mo], ==, carried[mo]);
  g_assert_cmpint (r->plan_month[3], ==, 15000000);
  g_assert_cmpint (r->plan_month[6], ==, 10000000);
  g_assert_cmpint (r->plan_total, ==, 120000000);
  g_assert_cmpint (r->gap, ==, 0);
  /* April's derivation names what came in and what went on. */
  plan = line_ok (r, "shared.plan");
  d = &plan->months[r->n_pre + 3].derivation;
  g_assert_nonnull (d);
  g_assert_cmpint (gs_derivation_figure (d, "backlog_in")->amount, ==, 15000000);
  g_assert_cmpint (gs_derivation_figure (d, "backlog_out")->amount, ==, 10000000);

  patch (tree, "capacity.ae.backlog_decay", "0.5");
  decayed = compute_ok (tree);
  g_assert_cmpint (decayed->backlog_month[0], ==, 2500000);
  g_assert_cmpint (decayed->backlog_month[1], ==, 3750000);
  g_assert_cmpint (decayed->backlog_month[2], ==, 4375000);
  g_assert_cmpint (decayed->backlog_month[3], ==, 0);
  g_assert_cmpint (decayed->plan_month[3], ==, 14375000);
  g_assert_cmpint (decayed->plan_total, ==, 109375000);

  patch (tree, "capacity.ae.backlog_decay", "0");
  patch (tree, "capacity.ae.hires", "[]");
  alone = compute_ok (tree);
  g_assert_cmpint (alone->plan_total, ==, 60000000);
  g_assert_cmpint (alone->backlog_month[11], ==, 60000000);
}

/* SDRs: 2 at start, 1 hired in month 1 with a 2-month ramp, 10 meetings each. */
static void
test_sdr_capacity (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  patch (tree, "capacity.sdr",
         "{\"start_headcount\": 2, \"hires\": [{\"month\": \"2027-02\", \"count\": 1}],"
         " \"sqls_per_month\": 10, \"ramp_months\": 2}");
  r = compute_ok (tree);
  g_assert_cmpfloat (r->sdr_capacity[0], ==, 20);
  g_assert_cmpfloat (r->sdr_capacity[2], ==, 20);
  g_assert_cmpfloat (r->sdr_capacity[3], ==, 30); /* hired month 1 + 2 months ramp */
  /* The stage after hand-off here is Won: 10 a month. */
  g_assert_cmpint (r->sqls_needed[0], ==, 10);
}

static const GsLever *
lever (const GsResult *r, GsLeverKind kind, guint step)
{
  for (guint i = 0; i < r->n_levers; i++)
    if (r->levers[i].kind == kind
        && (kind == GS_LEVER_LEADS || kind == GS_LEVER_DEAL || r->levers[i].step == step))
      return &r->levers[i];
  g_error ("no lever %d/%u", kind, step);
  return NULL;
}

/* 90 planned leads a month deliver 90,000 of a 100,000 monthly target (gap
 * −120,000 over the year; capacity 100,000 a month does not bind):
 *  - leads: × 10/9 → 1,080 planned leads + 120;
 *  - Lead→MQL: 50 % × 10/9 = 55.56 % → shown rounded up to 55.6 %;
 *  - deal: 10,000 × 10/9 = 11,111.11 → rounded up to whole currency units 11,112.00;
 *  - more AEs cannot help: the funnel, not capacity, is short. */
static void
test_levers (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  const GsLever *l;

  patch (tree, "sources[0].planned_volume", "[90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90]");
  r = compute_ok (tree);
  g_assert_cmpint (r->gap, ==, -12000000);

  l = lever (r, GS_LEVER_LEADS, 0);
  g_assert_true (l->feasible);
  g_assert_cmpfloat (l->shown, ==, 120); /* 1,080 × (10/9 − 1), whole leads */
  g_assert_cmpint (l->stage, ==, 0);
  l = lever (r, GS_LEVER_RATE, 0);
  g_assert_true (l->feasible);
  g_assert_cmpfloat_with_epsilon (l->shown, 0.556, 1e-12);
  g_assert_cmpfloat_with_epsilon (l->scale, 10.0 / 9.0, 1e-6);
  l = lever (r, GS_LEVER_RATE, 1);
  g_assert_cmpfloat_with_epsilon (l->shown, 0.223, 1e-12); /* 22.22 % rounded up */
  l = lever (r, GS_LEVER_DEAL, 0);
  g_assert_true (l->feasible);
  g_assert_cmpfloat (l->shown, ==, 1111200);
  l = lever (r, GS_LEVER_AES, 0);
  g_assert_false (l->feasible);
}

/* Capacity short instead: 1 AE (50,000 a month) against 100,000: the funnel
 * levers cannot help, one more AE from month 0 closes it exactly. */
static void
test_levers_capacity_bound (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  const GsLever *l;

  patch (tree, "capacity.ae.start_headcount", "1");
  r = compute_ok (tree);
  g_assert_cmpint (r->gap, ==, -60000000);
  g_assert_false (lever (r, GS_LEVER_LEADS, 0)->feasible);
  g_assert_false (lever (r, GS_LEVER_DEAL, 0)->feasible);
  l = lever (r, GS_LEVER_AES, 0);
  g_assert_true (l->feasible);
  g_assert_cmpfloat (l->to, ==, 1);
  g_assert_cmpfloat (l->shown, ==, 1);
  g_assert_cmpuint (l->step, ==, 0); /* hired in the plan's first month, Jan 27 */
  g_assert_cmpint (l->reach, >=, r->target_total);
  /* Hired in April (month 3): January to March book 50,000 each and leave
   * 150,000 waiting (the backlog).  One more AE from April carries 100,000
   * a month, only the funnel's own; two more carry 150,000 and clear the
   * backlog by June (test_backlog's arithmetic): 1,200,000.00, the target. */
  l = lever (r, GS_LEVER_AES, 3);
  g_assert_true (l->feasible);
  g_assert_cmpfloat (l->to, ==, 2);
  g_assert_cmpint (l->reach, >=, r->target_total);
}

/* An AEs lever's reach is the plan with its extra AEs hired: mid-market
 * (6 AEs hired over the year, ramp, 1.5 % monthly attrition, capacity short
 * of its funnel) computed again with a last hire batch of `to` AEs in the
 * lever's month books `reach` to the minor unit, at or over the target; one
 * AE fewer falls short of it.  The levers take that capacity from the
 * plan's own ramped AEs and bookings, so this pins them to a full compute. */
static void
test_levers_aes_reach (void)
{
  g_autoptr (JsonNode) tree = example_tree ("mid-market.goalsheet");
  g_autoptr (GsResult) r = compute_ok (tree);
  guint checked = 0;

  for (guint i = 0; i < r->n_levers; i++)
    {
      const GsLever *l = &r->levers[i];
      if (l->kind != GS_LEVER_AES || !l->feasible)
        continue;
      for (guint fewer = 0; fewer <= 1 && l->to - fewer >= 1; fewer++)
        {
          g_autoptr (JsonNode) hired = gs_json_deep_copy (tree);
          JsonArray *hires = json_object_get_array_member (
              json_object_get_object_member (
                  json_object_get_object_member (json_node_get_object (hired), "capacity"), "ae"),
              "hires");
          JsonObject *batch = json_object_new ();
          g_autoptr (GsResult) more = NULL;
          g_autofree char *month = g_strdup_printf ("%04d-%02d", r->months[r->n_pre + l->step].year,
                                                    r->months[r->n_pre + l->step].month);
          json_object_set_string_member (batch, "month", month);
          json_object_set_int_member (batch, "count", (gint64) l->to - fewer);
          json_array_add_object_element (hires, batch);
          more = compute_ok (hired);
          if (fewer == 0)
            {
              g_assert_cmpint (more->plan_total, ==, l->reach);
              g_assert_cmpint (more->plan_total, >=, r->target_total);
            }
          else
            g_assert_cmpint (more->plan_total, <, r->target_total);
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2); /* hired in January and in April */
}

/* No gap, no gap levers (the goals' levers follow: test_goal_levers). */
static void
test_no_gap (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = compute_ok (tree);
  g_assert_cmpint (r->gap, ==, 0);
  for (guint i = 0; i < r->n_levers; i++)
    g_assert_cmpint (r->levers[i].kind, >, GS_LEVER_AES);
}

static const GsLever *
goal_lever (const GsResult *r, GsLeverKind kind)
{
  for (guint i = 0; i < r->n_levers; i++)
    if (r->levers[i].kind == kind)
      return &r->levers[i];
  return NULL;
}

/* The goals the VPs negotiate beside the gap, worked by hand on the tiny
 * plan (2 AEs, quota 600,000.00, no ramp; target 1,200,000.00, all new
 * business; MQL →(20 %, 31 d)→ Won, deal 10,000.00).
 *
 * Quota over-assignment: 2 × 600,000 = 1,200,000 assigned ÷ 1,200,000 =
 * 100 %, under 110 %: a quota of 600,000 × 110 % ÷ 100 % = 660,000.00
 * assigns 110 %.  With a quota of 800,000.00: 1,600,000 ÷ 1,200,000 =
 * 133.3 %, over 120 %: 800,000 × 120 % ÷ 133.3 % = 720,000.00 (720,000.02
 * with the cents the months round away, down to whole dollars).
 *
 * Pipeline coverage: 10 wins a month need 10 ÷ 20 % = 50 MQLs, 500,000.00
 * of pipeline, reached a month (31 days) before they close; so each quarter
 * starts with one month's, 500,000.00, against its new-business target of
 * 300,000.00: 1.7×, under 1 ÷ 20 % = 5×.  The first quarter needs 5 ×
 * 300,000 = 1,500,000.00, 1,000,000.00 more; all 4 quarters start short. */
static void
test_goal_levers (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = compute_ok (tree);
  g_autoptr (GsResult) high = NULL;
  g_autoptr (GsResult) fixed = NULL;
  const GsLever *l = goal_lever (r, GS_LEVER_QUOTA_ASSIGNMENT);
  const GsLever *c = goal_lever (r, GS_LEVER_PIPELINE_COVERAGE);
  g_autofree char *quota = NULL;

  g_assert_nonnull (l);
  g_assert_cmpfloat_with_epsilon (l->scale, 1.0, 1e-12);
  g_assert_cmpfloat (l->from, ==, 60000000);
  g_assert_cmpfloat (l->shown, ==, 66000000);
  g_assert_cmpstr (l->input_path, ==, "capacity.ae.quota");

  g_assert_nonnull (c);
  g_assert_cmpuint (c->step, ==, 0);
  g_assert_cmpint (c->stage, ==, 4);
  g_assert_cmpfloat (c->from, ==, 50000000);
  g_assert_cmpint (c->reach, ==, 30000000);
  g_assert_cmpfloat (c->to, ==, 150000000);
  g_assert_cmpfloat (c->shown, ==, 100000000);
  g_assert_cmpfloat_with_epsilon (c->scale, 5.0 / 3.0, 1e-9);

  patch (tree, "capacity.ae.quota", "\"800000.00\"");
  high = compute_ok (tree);
  l = goal_lever (high, GS_LEVER_QUOTA_ASSIGNMENT);
  g_assert_nonnull (l);
  /* 2 × 800,000 ÷ 12 = 133,333.33 assigned a month (cents rounded):
   * 1,599,999.96 ÷ 1,200,000 = 133.33333 %. */
  g_assert_cmpfloat_with_epsilon (l->scale, 4.0 / 3.0, 1e-6);
  g_assert_cmpfloat (l->shown, ==, 72000000);

  /* Invariant: the quota the lever shows brings the over-assignment into
   * 110–120 %, and then there is no such lever. */
  quota = g_strdup_printf ("\"%.2f\"", l->shown / 100.0);
  patch (tree, "capacity.ae.quota", quota);
  fixed = compute_ok (tree);
  g_assert_cmpfloat (line_ok (fixed, "sales.quota_assignment")->total.value, >=, 1.10 - 1e-9);
  g_assert_cmpfloat (line_ok (fixed, "sales.quota_assignment")->total.value, <=, 1.20 + 1e-9);
  g_assert_null (goal_lever (fixed, GS_LEVER_QUOTA_ASSIGNMENT));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/capacity/ae", test_ae_capacity);
  g_test_add_func ("/capacity/backlog", test_backlog);
  g_test_add_func ("/capacity/sdr", test_sdr_capacity);
  g_test_add_func ("/levers/funnel-bound", test_levers);
  g_test_add_func ("/levers/capacity-bound", test_levers_capacity_bound);
  g_test_add_func ("/levers/aes-reach", test_levers_aes_reach);
  g_test_add_func ("/levers/no-gap", test_no_gap);
  g_test_add_func ("/levers/goals", test_goal_levers);
  return g_test_run ();
}
