/* test-meeting.c — baseline, deltas, locks and sign-offs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-meeting.h"
#include "gs-meeting-input.h"
#include "gs-plan-edits.h"
#include "gs-scenario-edits.h"

static GsPlan *
tiny (void)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static void
test_baseline_and_deltas (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) base = NULL;
  const GsResult *now;
  const GsGoalLine *mql_now, *mql_base, *pipe_now, *pipe_base;
  g_autofree char *d_mql = NULL, *d_pipe = NULL, *d_none = NULL;

  g_assert_false (gs_meeting_has_baseline (plan));
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  g_assert_true (gs_meeting_has_baseline (plan));

  /* MQL→Won 20 % → 25 %: 10 wins ÷ 25 % = 40 MQLs, 10 fewer than the 50 agreed.
   * Leads 100 → 80. Pipeline is MQLs here (the stage before Won) × 10,000:
   * 500,000 → 400,000 a month = ↓ 20 %. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  base = gs_meeting_baseline_result (plan, &error);
  g_assert_no_error (error);
  now = gs_plan_get_result (plan, NULL);
  mql_now = gs_result_line (now, "marketing.stage.mql");
  mql_base = gs_result_line (base, "marketing.stage.mql");
  pipe_now = gs_result_line (now, "shared.pipeline");
  pipe_base = gs_result_line (base, "shared.pipeline");
  d_mql = gs_meeting_delta_text (gs_plan_get_model (plan), mql_now, &mql_now->months[0],
                                 &mql_base->months[0]);
  d_pipe = gs_meeting_delta_text (gs_plan_get_model (plan), pipe_now, &pipe_now->months[0],
                                  &pipe_base->months[0]);
  d_none = gs_meeting_delta_text (gs_plan_get_model (plan), gs_result_line (now, "shared.target"),
                                  &gs_result_line (now, "shared.target")->total,
                                  &gs_result_line (base, "shared.target")->total);
  g_assert_cmpstr (d_mql, ==, "↓ 10");
  g_assert_cmpstr (d_pipe, ==, "↓ 20 %");
  g_assert_null (d_none);

  /* Colour by meaning, not by arrow: fewer MQLs and less pipeline needed
   * are neither good nor bad; a smaller budget (80 leads instead of 100) is
   * good; the unchanged target has no verdict. */
  g_assert_cmpint (gs_meeting_delta_verdict (mql_now, &mql_now->months[0], &mql_base->months[0]),
                   ==, GS_VERDICT_NEUTRAL);
  g_assert_cmpint (gs_meeting_delta_verdict (pipe_now, &pipe_now->months[0], &pipe_base->months[0]),
                   ==, GS_VERDICT_NEUTRAL);
  {
    const GsGoalLine *budget_now = gs_result_line (now, "marketing.budget");
    const GsGoalLine *budget_base = gs_result_line (base, "marketing.budget");
    const GsGoalLine *target_now = gs_result_line (now, "shared.target");
    const GsGoalLine *target_base = gs_result_line (base, "shared.target");
    g_assert_cmpint (budget_now->total.amount, <, budget_base->total.amount);
    g_assert_cmpint (gs_meeting_delta_verdict (budget_now, &budget_now->total, &budget_base->total),
                     ==, GS_VERDICT_GOOD);
    g_assert_cmpint (gs_meeting_delta_verdict (target_now, &target_now->total, &target_base->total),
                     ==, GS_VERDICT_SAME);
    /* The plan's own line says more is good; the rule itself. */
    g_assert_cmpint (gs_result_line (now, "shared.plan")->direction, ==, GS_DIRECTION_UP_GOOD);
    g_assert_cmpint (gs_direction_verdict (GS_DIRECTION_UP_GOOD, 1), ==, GS_VERDICT_GOOD);
    g_assert_cmpint (gs_direction_verdict (GS_DIRECTION_UP_BAD, 1), ==, GS_VERDICT_BAD);
    g_assert_cmpint (gs_direction_verdict (GS_DIRECTION_UP_BAD, -0.5), ==, GS_VERDICT_GOOD);
    g_assert_cmpint (gs_direction_verdict (GS_DIRECTION_NEUTRAL, 3), ==, GS_VERDICT_NEUTRAL);
    g_assert_cmpint (gs_direction_verdict (GS_DIRECTION_UP_GOOD, 0), ==, GS_VERDICT_SAME);
    /* The same change read the other way round flips good and bad only. */
    g_assert_cmpint (gs_meeting_delta_verdict (budget_now, &budget_base->total, &budget_now->total),
                     ==, GS_VERDICT_BAD);
    g_assert_cmpint (gs_meeting_delta_verdict (mql_now, &mql_base->months[0], &mql_now->months[0]),
                     ==, GS_VERDICT_NEUTRAL);
  }

  /* The baseline is saved with the plan and does not count as part of itself. */
  g_assert_null (gs_plan_lookup (plan, "meeting.baseline.meeting"));

  /* Discarding brings the agreed plan back. */
  g_assert_true (gs_meeting_end (plan, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[1].rate, ==, 0.2);
  g_assert_false (gs_meeting_has_baseline (plan));
}

static void
test_keep_changes (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_assert_true (gs_meeting_set_baseline (plan, NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, NULL));
  g_assert_true (gs_meeting_end (plan, TRUE, NULL));
  g_assert_false (gs_meeting_has_baseline (plan));
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[1].rate, ==, 0.25);
}

static void
test_locks (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_meeting_set_locked (plan, "marketing.stage.mql", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (gs_meeting_is_locked (plan, "marketing.stage.mql"));
  g_assert_false (gs_meeting_set_locked (plan, "no.such.line", TRUE, &error));
  g_clear_error (&error);

  /* Changing MQL→Won changes the MQLs needed: refused. */
  g_assert_false (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_assert_nonnull (strstr (error->message, "MQLs"));
  g_clear_error (&error);
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[1].rate, ==, 0.2);

  /* Lead→MQL changes leads but not MQLs: allowed. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_no_error (error);

  /* Undo is history and always works. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_meeting_set_locked (plan, "marketing.stage.mql", FALSE, NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, NULL));
}

static void
test_sign (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  const GsAgreements *a;
  g_assert_true (gs_meeting_sign (plan, "vp_sales", "Sam Ortiz", "2026-11-25", NULL));
  g_assert_true (gs_meeting_sign (plan, "vp_marketing", "Dana Whitfield", "2026-11-24", NULL));
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_cmpuint (a->n_signoffs, ==, 2);
  g_assert_cmpstr (a->signoffs[0].role, ==, "vp_sales");
  g_assert_true (a->signoffs[0].signed_off);
  g_assert_cmpint (g_date_get_day (&a->signoffs[0].date), ==, 25);
  /* Clearing a sign-off. */
  g_assert_true (gs_meeting_sign (plan, "vp_sales", "", NULL, NULL));
  g_assert_false (gs_plan_get_model (plan)->agreements.signoffs[0].signed_off);
}

/* A sign-off agrees to the inputs it saw: Lead→MQL 50 % → 55 % marks it
 * changed, undo clears the mark, a save and reopen keeps both, signing again
 * agrees to the new inputs; the meeting, scenarios and other sign-offs are
 * not what was signed. */
static void
test_sign_fingerprint (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GsPlan) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *signed_print = NULL;
  const GsAgreements *a;

  g_assert_true (gs_meeting_sign (plan, "vp_marketing", "Dana Whitfield", "2026-11-24", NULL));
  g_assert_true (gs_meeting_sign (plan, "vp_sales", "Sam Ortiz", "2026-11-25", NULL));
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_true (g_str_has_prefix (a->fingerprint, "sha256:"));
  g_assert_cmpuint (strlen (a->fingerprint), ==, 7 + 64);
  g_assert_cmpstr (a->signoffs[0].fingerprint, ==, a->fingerprint);
  g_assert_false (a->signoffs[0].changed);
  g_assert_false (a->signoffs[1].changed);
  signed_print = g_strdup (a->fingerprint);

  /* Neither a meeting baseline nor a lock is an input. */
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  g_assert_true (gs_meeting_set_locked (plan, "marketing.stage.mql", TRUE, &error));
  g_assert_no_error (error);
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_cmpstr (a->fingerprint, ==, signed_print);
  g_assert_false (a->signoffs[0].changed);
  g_assert_true (gs_meeting_set_locked (plan, "marketing.stage.mql", FALSE, &error));

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.55, &error));
  g_assert_no_error (error);
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_cmpstr (a->fingerprint, !=, signed_print);
  g_assert_true (a->signoffs[0].changed);
  g_assert_true (a->signoffs[1].changed);

  /* The mark travels with the file. */
  text = gs_plan_to_text (plan);
  reopened = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_get_model (reopened)->agreements.signoffs[0].changed);
  g_assert_cmpstr (gs_plan_get_model (reopened)->agreements.fingerprint, ==, a->fingerprint);

  g_assert_true (gs_plan_undo (plan));
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_cmpstr (a->fingerprint, ==, signed_print);
  g_assert_false (a->signoffs[0].changed);

  /* 50 % typed again is the same input as the 0.5 the file held. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.55, NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.5, NULL));
  g_assert_false (gs_plan_get_model (plan)->agreements.signoffs[0].changed);

  /* Signing again agrees to the changed plan; the other side stays marked. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.55, NULL));
  g_assert_true (gs_meeting_sign (plan, "vp_sales", "Sam Ortiz", "2026-11-26", NULL));
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_true (a->signoffs[0].changed);
  g_assert_false (a->signoffs[1].changed);

  /* Withdrawn: no fingerprint, nothing to be changed against. */
  g_assert_true (gs_meeting_sign (plan, "vp_marketing", "", NULL, NULL));
  a = &gs_plan_get_model (plan)->agreements;
  g_assert_null (a->signoffs[0].fingerprint);
  g_assert_false (a->signoffs[0].changed);
}

/* A sign-off from before fingerprints (the examples') shows as signed, never
 * as changed: there is nothing to compare it with. */
static void
test_sign_without_fingerprint (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (JsonNode) entry = json_from_string (
      "{\"signoffs\": [{\"role\": \"vp_sales\", \"name\": \"Sam\", \"date\": \"2026-11-25\"}]}",
      NULL);
  g_assert_true (gs_plan_set (plan, "agreements", g_steal_pointer (&entry), NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.55, NULL));
  g_assert_true (gs_plan_get_model (plan)->agreements.signoffs[0].signed_off);
  g_assert_false (gs_plan_get_model (plan)->agreements.signoffs[0].changed);
}

/* The delta an input at path shows against the baseline; FALSE when none. */
static gboolean
field_delta (GsPlan *plan, const char *path, GsVerdict verdict, const char *was, const char *change)
{
  GsInputDelta d = { 0 };
  gboolean shown = gs_meeting_field_delta (plan, path, &d);
  g_test_message ("%s: %s · %s (%d)", path, d.was, d.change, d.verdict);
  if (shown)
    {
      g_assert_cmpint (d.verdict, ==, verdict);
      g_assert_cmpstr (d.was, ==, was);
      g_assert_cmpstr (d.change, ==, change);
    }
  else
    {
      g_assert_cmpint (d.verdict, ==, GS_VERDICT_SAME);
      g_assert_null (d.was);
      g_assert_null (d.change);
    }
  gs_input_delta_clear (&d);
  return shown;
}

static void
set_json (GsPlan *plan, const char *path, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_plan_set (plan, path, json_from_string (json, NULL), &error));
  g_assert_no_error (error);
}

/* Inputs changed in the meeting, worked out by hand on the tiny plan
 * (MQL → Won 20 %, lag 31 days, cost per lead 20.00, deal 10,000.00) with
 * one AE hire in April 2027 and a scenario "best" at a 12,000.00 deal. */
static void
test_input_deltas (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;

  set_json (plan, "capacity.ae.hires", "[{\"month\": \"2027-04\", \"count\": 1}]");
  set_json (plan, "scenarios",
            "[{\"name\": \"best\", \"overrides\": [{\"path\": \"funnel.deal_size\", "
            "\"value\": \"12000.00\"}]}]");
  /* Outside meeting mode there is nothing to compare with. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.22, NULL));
  g_assert_false (field_delta (plan, "funnel.steps[1].rate", 0, NULL, NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.2, NULL));
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  g_assert_false (field_delta (plan, "funnel.steps[1].rate", 0, NULL, NULL));

  /* A better conversion rate: 22 − 20 = 2.0 points, good news. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.22, NULL));
  g_assert_true (field_delta (plan, "funnel.steps[1].rate", GS_VERDICT_GOOD, "20 %", "↑ 2.0 pts"));
  /* Dearer leads: 25.00 − 20.00 = 5.00, bad news, whole so without cents. */
  g_assert_true (gs_plan_set_string (plan, "sources[0].cost_per_lead", "25.00", NULL));
  g_assert_true (field_delta (plan, "sources[0].cost_per_lead", GS_VERDICT_BAD, "$20", "↑ $5"));
  /* A smaller deal: 10,000.00 − 9,000.50 = 999.50 less each win, bad news. */
  g_assert_true (gs_plan_set_string (plan, "funnel.deal_size", "9000.50", NULL));
  g_assert_true (field_delta (plan, "funnel.deal_size", GS_VERDICT_BAD, "$10,000", "↓ $999.50"));
  /* A longer cycle: 45 − 31 = 14 days, bad news. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].lag_days", 45, NULL));
  g_assert_true (field_delta (plan, "funnel.steps[1].lag_days", GS_VERDICT_BAD, "31", "↑ 14 d"));
  /* More attrition: 0 → 2 % a month, 2.0 points, bad news. */
  g_assert_true (gs_plan_set_double (plan, "capacity.ae.monthly_attrition", 0.02, NULL));
  g_assert_true (
      field_delta (plan, "capacity.ae.monthly_attrition", GS_VERDICT_BAD, "0 %", "↑ 2.0 pts"));
  /* One more hire is a choice, neither good nor bad; the batch two months
   * later is capacity lost. */
  set_json (plan, "capacity.ae.hires", "[{\"month\": \"2027-06\", \"count\": 2}]");
  g_assert_true (
      field_delta (plan, "capacity.ae.hires[0].count", GS_VERDICT_NEUTRAL, "1", "↑ 1 hire"));
  g_assert_true (field_delta (plan, "capacity.ae.hires[0].month", GS_VERDICT_BAD, "“2027-04”",
                              "2 months later"));
  /* A quota is a choice: 600,000.00 → 500,000.00 is neutral. */
  g_assert_true (gs_plan_set_string (plan, "capacity.ae.quota", "500000.00", NULL));
  g_assert_true (
      field_delta (plan, "capacity.ae.quota", GS_VERDICT_NEUTRAL, "$600,000", "↓ $100,000"));
  /* A name reads as what it was. */
  g_assert_true (gs_plan_set_string (plan, "company.name", "Tiny Co", NULL));
  g_assert_true (field_delta (plan, "company.name", GS_VERDICT_NEUTRAL, "“Tiny”", NULL));

  /* The scenario's override: 12,000.00 agreed, 15,000.00 now, as the deal
   * size it overrides: 3,000.00 more each win, good news. */
  {
    JsonNode *v = json_node_init_string (json_node_alloc (), "15000.00");
    g_assert_true (gs_scenario_set_override (plan, "best", "funnel.deal_size", v, &error));
    g_assert_no_error (error);
  }
  g_assert_true (field_delta (plan, "scenarios[0].overrides[0].value", GS_VERDICT_GOOD, "$12,000",
                              "↑ $3,000"));
  /* An override added in the meeting is compared with the agreed plan:
   * Lead → MQL 50 % there, 60 % in the scenario, 10.0 points better. */
  {
    JsonNode *v = json_node_init_double (json_node_alloc (), 0.6);
    g_assert_true (gs_scenario_set_override (plan, "best", "funnel.steps[0].rate", v, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[0].overrides[1].path")),
                   ==, "funnel.steps[0].rate");
  g_assert_true (
      field_delta (plan, "scenarios[0].overrides[1].value", GS_VERDICT_GOOD, "50 %", "↑ 10.0 pts"));

  /* Back to the agreed value: the delta goes. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.2, NULL));
  g_assert_false (field_delta (plan, "funnel.steps[1].rate", 0, NULL, NULL));

  /* A stage inserted after Lead: steps are matched by the stage they leave,
   * so MQL → Won (now steps[2]) is still compared with its agreed 20 %, and
   * the new stage's step, agreed nowhere, shows nothing (by position it
   * would have been compared with MQL → Won's 20 %). */
  g_assert_true (gs_plan_insert_stage (plan, 1, "Engaged", 0.5, 0, &error));
  g_assert_no_error (error);
  g_assert_false (field_delta (plan, "funnel.steps[1].rate", 0, NULL, NULL));
  g_assert_false (field_delta (plan, "funnel.steps[2].rate", 0, NULL, NULL));
  g_assert_true (field_delta (plan, "funnel.steps[2].lag_days", GS_VERDICT_BAD, "31", "↑ 14 d"));

  /* The meeting ends: no deltas. */
  g_assert_true (gs_meeting_end (plan, TRUE, &error));
  g_assert_false (field_delta (plan, "funnel.deal_size", 0, NULL, NULL));
}

/* The rule, input by input (docs/meeting.md, "Inputs"). */
static void
test_input_directions (void)
{
  static const struct
  {
    const char *path;
    GsDirection direction;
  } rule[] = {
    { "funnel.steps[0].rate", GS_DIRECTION_UP_GOOD },
    { "sources[1].rates.mql", GS_DIRECTION_UP_GOOD },
    { "funnel.deal_size", GS_DIRECTION_UP_GOOD },
    { "capacity.ae.attainment", GS_DIRECTION_UP_GOOD },
    { "capacity.ae.ramp[2]", GS_DIRECTION_UP_GOOD },
    { "capacity.sdr.sqls_per_month", GS_DIRECTION_UP_GOOD },
    { "sources[0].cost_per_lead", GS_DIRECTION_UP_BAD },
    { "funnel.steps[2].lag_days", GS_DIRECTION_UP_BAD },
    { "capacity.ae.monthly_attrition", GS_DIRECTION_UP_BAD },
    { "capacity.sdr.ramp_months", GS_DIRECTION_UP_BAD },
    { "capacity.ae.hires[0].month", GS_DIRECTION_UP_BAD },
    { "compensation.roles[0].ote", GS_DIRECTION_UP_BAD },
    { "company.target.growth", GS_DIRECTION_NEUTRAL },
    { "company.target.amount", GS_DIRECTION_NEUTRAL },
    { "company.plan_start", GS_DIRECTION_NEUTRAL },
    { "capacity.ae.quota", GS_DIRECTION_NEUTRAL },
    { "capacity.ae.hires[0].count", GS_DIRECTION_NEUTRAL },
    { "capacity.ae.start_headcount", GS_DIRECTION_NEUTRAL },
    { "sources[0].share", GS_DIRECTION_NEUTRAL },
    { "company.seasonality[3]", GS_DIRECTION_NEUTRAL },
    { "compensation.roles[0].components[0].weight", GS_DIRECTION_NEUTRAL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (rule); i++)
    {
      g_test_message ("%s", rule[i].path);
      g_assert_cmpint (gs_meeting_input_direction (rule[i].path), ==, rule[i].direction);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meeting/baseline-and-deltas", test_baseline_and_deltas);
  g_test_add_func ("/meeting/keep-changes", test_keep_changes);
  g_test_add_func ("/meeting/locks", test_locks);
  g_test_add_func ("/meeting/sign", test_sign);
  g_test_add_func ("/meeting/sign-fingerprint", test_sign_fingerprint);
  g_test_add_func ("/meeting/sign-without-fingerprint", test_sign_without_fingerprint);
  g_test_add_func ("/meeting/input-deltas", test_input_deltas);
  g_test_add_func ("/meeting/input-directions", test_input_directions);
  return g_test_run ();
}
