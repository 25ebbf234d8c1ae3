/* test-plan-edits.c — adding, removing and renaming stages and sources.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-plan-edits.h"
#include "gs-meeting.h"

static GsPlan *
tiny (void)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static gint64
total (GsPlan *plan, const char *id)
{
  return line_ok (gs_plan_get_result (plan, NULL), id)->total.amount;
}

/* Insert SAL between MQL and Won with MQL→SAL 80 %, 10 days: SAL→Won becomes
 * 20 % ÷ 80 % = 25 % and 31 − 10 = 21 days, so the goals do not move:
 * 10 wins ÷ 25 % = 40 SALs ÷ 80 % = 50 MQLs a month, as before. */
static void
test_insert_stage_keeps_goals (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autofree char *original = gs_plan_to_text (plan);
  gint64 mqls = total (plan, "marketing.stage.mql"), leads = total (plan, "marketing.stage.lead");
  const GsModel *m;
  const GsResult *r;

  g_assert_true (gs_plan_insert_stage (plan, 2, "SAL", 0.8, 10, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_stages, ==, 4);
  g_assert_cmpstr (m->stages[2].id, ==, "sal");
  g_assert_cmpfloat_with_epsilon (m->steps[1].rate, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->steps[2].rate, 0.25, 1e-12);
  g_assert_cmpfloat (m->steps[2].lag_days, ==, 21);
  r = gs_plan_get_result (plan, NULL);
  g_assert_cmpint (line_ok (r, "sales.stage.sal")->months[r->n_pre].amount, ==, 40);
  g_assert_cmpint (total (plan, "marketing.stage.mql"), ==, mqls);
  g_assert_cmpint (total (plan, "marketing.stage.lead"), ==, leads);

  /* One undo step takes it back exactly. */
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *back = gs_plan_to_text (plan);
    g_assert_cmpstr (back, ==, original);
  }

  /* A rate below the split step's would need more than 100 % after it. */
  g_assert_false (gs_plan_insert_stage (plan, 2, "SAL", 0.1, 0, &error));
  g_assert_nonnull (strstr (error->message, "funnel.steps[1].rate"));
  g_clear_error (&error);
  g_assert_false (gs_plan_insert_stage (plan, 0, "Before all", 0.5, 0, &error));
  g_clear_error (&error);
  g_assert_false (gs_plan_insert_stage (plan, 1, "MQL", 0.9, 0, &error)); /* duplicate name */
  g_assert_nonnull (strstr (error->message, "unique"));
}

/* Removing the stage again merges its steps: 80 % × 25 % = 20 %, 10 + 21 = 31 days. */
static void
test_remove_stage_merges (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  gint64 leads = total (plan, "marketing.stage.lead");
  const GsModel *m;

  g_assert_true (gs_plan_insert_stage (plan, 2, "SAL", 0.8, 10, NULL));
  g_assert_true (gs_plan_remove_stage (plan, 2, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_stages, ==, 3);
  g_assert_cmpfloat_with_epsilon (m->steps[1].rate, 0.2, 1e-12);
  g_assert_cmpfloat (m->steps[1].lag_days, ==, 31);
  g_assert_cmpint (total (plan, "marketing.stage.lead"), ==, leads);

  g_assert_false (gs_plan_remove_stage (plan, 0, &error));
  g_assert_nonnull (strstr (error->message, "first"));
  g_clear_error (&error);
  g_assert_false (gs_plan_remove_stage (plan, 2, &error));
  g_clear_error (&error);
}

/* A source's own rate across a split step survives: inbound converts MQL→Won
 * at 40 % of its own; with MQL→SAL 80 % for the funnel, its SAL→Won becomes 50 %. */
static void
test_insert_keeps_source_rates (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  const GsModel *m;
  g_assert_true (gs_plan_set (plan, "sources[0].rates", gs_json_parse ("{\"mql\": 0.4}", -1, NULL), NULL));
  g_assert_true (gs_plan_insert_stage (plan, 2, "SAL", 0.8, 10, NULL));
  m = gs_plan_get_model (plan);
  g_assert_cmpfloat_with_epsilon (m->sources[0].rates[1], 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->sources[0].rates[2], 0.5, 1e-12);
}

static void
test_rename (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_plan_rename_stage (plan, 1, "Marketing qualified", &error));
  g_assert_cmpstr (gs_plan_get_model (plan)->stages[1].name, ==, "Marketing qualified");
  g_assert_cmpstr (gs_plan_get_model (plan)->stages[1].id, ==, "mql"); /* references keep working */
  g_assert_false (gs_plan_rename_stage (plan, 1, "", &error));
  g_assert_nonnull (strstr (error->message, "empty"));
}

/* Sources: a new one starts at 0 %; removing one hands its share to the rest
 * in proportion: 0.5 / 0.3 / 0.2, remove the first → 0.6 / 0.4. */
static void
test_sources (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  const GsModel *m;
  g_assert_true (gs_plan_set (plan, "sources",
                              gs_json_parse ("[{\"id\": \"a\", \"name\": \"A\", \"share\": 0.5},"
                                             " {\"id\": \"b\", \"name\": \"B\", \"share\": 0.3},"
                                             " {\"id\": \"c\", \"name\": \"C\", \"share\": 0.2}]", -1, NULL),
                              &error));
  g_assert_true (gs_plan_add_source (plan, "Events", GS_OWNER_MARKETING, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_sources, ==, 4);
  g_assert_cmpstr (m->sources[3].id, ==, "events");
  g_assert_cmpfloat (m->sources[3].share, ==, 0);
  g_assert_true (gs_plan_remove_source (plan, 0, &error));
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_sources, ==, 3);
  g_assert_cmpfloat_with_epsilon (m->sources[0].share, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->sources[1].share, 0.4, 1e-12);
  g_assert_cmpfloat (m->sources[2].share, ==, 0);
  g_assert_true (gs_plan_remove_source (plan, 2, NULL));
  g_assert_true (gs_plan_remove_source (plan, 1, NULL));
  g_assert_false (gs_plan_remove_source (plan, 0, &error));
  g_assert_nonnull (strstr (error->message, "last lead source"));
}


/* Partner referrals (seed-saas) enter at SQL with 4, 4, 5 … a month at
 * 150.00 a lead; SQL → Opportunity is the funnel's 60 %.  Entering at
 * Opportunity instead, they bring 4 × 60 % = 2.4 opportunities at
 * 150.00 ÷ 60 % = 250.00 each: the same spend (600.00 in month 1), and back
 * again exactly.  One undo step each; refusals name the source and stages. */
static void
test_source_entry (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autofree char *original = gs_plan_to_text (plan);
  g_autofree char *signed_print = NULL;
  const GsSource *src;

  signed_print = g_strdup (gs_model_fingerprint (gs_plan_get_model (plan)));
  g_assert_true (gs_plan_set_source_entry (plan, 2, 3, &error));
  g_assert_no_error (error);
  src = &gs_plan_get_model (plan)->sources[2];
  g_assert_cmpuint (src->entry_stage, ==, 3);
  g_assert_cmpfloat_with_epsilon (src->planned[0], 2.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (src->planned[2], 3.0, 1e-9);
  g_assert_cmpint (src->cost_per_lead, ==, 25000);
  g_assert_cmpfloat_with_epsilon (src->rates[3], 0.3, 1e-12); /* its own Opportunity → Won */
  g_assert_true (src->rate_is_own[3]);
  /* A signature made before would say "changed since signed". */
  g_assert_cmpstr (gs_model_fingerprint (gs_plan_get_model (plan)), !=, signed_print);

  g_assert_true (gs_plan_set_source_entry (plan, 2, 2, &error));
  src = &gs_plan_get_model (plan)->sources[2];
  g_assert_cmpfloat_with_epsilon (src->planned[0], 4, 1e-9);
  g_assert_cmpint (src->cost_per_lead, ==, 15000);
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *back = gs_plan_to_text (plan);
    g_assert_cmpstr (back, ==, original);
  }

  g_assert_true (refused_saying (gs_plan_set_source_entry (plan, 2, 4, &error), &error,
                                 "Partner referrals cannot enter at Won"));
  g_assert_true (refused_saying (gs_plan_set_source_entry (plan, 7, 1, &error), &error,
                                 "no lead source 8"));
  {
    g_autofree char *same = gs_plan_to_text (plan);
    g_assert_cmpstr (same, ==, original);
  }
}

/* SDR outbound (seed-saas) enters at SQL and converts SQL → Opportunity at
 * its own 50 %.  Its own 45 % replaces that; dropping it follows the funnel's
 * 60 %.  Lead → MQL is no step of it, said in words. */
static void
test_source_rates (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  const GsSource *src;

  g_assert_true (gs_plan_set_source_rate (plan, 1, 2, 0.45, &error));
  g_assert_no_error (error);
  src = &gs_plan_get_model (plan)->sources[1];
  g_assert_cmpfloat (src->rates[2], ==, 0.45);
  g_assert_true (gs_plan_set_source_rate (plan, 1, 2, -1, &error));
  src = &gs_plan_get_model (plan)->sources[1];
  g_assert_cmpfloat (src->rates[2], ==, 0.6);
  g_assert_false (src->rate_is_own[2]);
  g_assert_null (gs_plan_lookup (plan, "sources[1].rates"));
  g_assert_true (refused_saying (gs_plan_set_source_rate (plan, 1, 0, 0.5, &error), &error,
                                 "SDR outbound enters at SQL; it has no Lead → MQL step"));
  g_assert_true (refused_saying (gs_plan_set_source_rate (plan, 1, 2, 1.5, &error), &error,
                                 "SDR outbound, SQL → Opportunity: 150 %"));
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpfloat (gs_plan_get_model (plan)->sources[1].rates[2], ==, 0.45);
}

/* A rename keeps the id (CRM mappings, scenarios); an empty name is refused. */
static void
test_source_rename (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_plan_rename_source (plan, 1, " Outbound ", &error));
  g_assert_cmpstr (gs_plan_get_model (plan)->sources[1].name, ==, "Outbound");
  g_assert_cmpstr (gs_plan_get_model (plan)->sources[1].id, ==, "outbound");
  g_assert_true (refused_saying (gs_plan_rename_source (plan, 1, "  ", &error), &error,
                                 "A lead source needs a name (it was “Outbound”)"));
}

/* Removing a source in a meeting: scenarios that override a later source
 * follow it (sources[2] → sources[1]), those of the removed one go; the
 * baseline's shares differ from the plan's, so the meeting shows a delta. */
static void
test_source_remove_scenarios (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) before = NULL;
  const GsResult *after;
  JsonNode *o;

  g_assert_true (gs_plan_set (plan, "scenarios",
                              gs_json_parse ("[{\"name\": \"s\", \"overrides\": ["
                                             "{\"path\": \"sources[1].cost_per_lead\", \"value\": \"9.00\"},"
                                             "{\"path\": \"sources[2].share\", \"value\": 0.2},"
                                             "{\"path\": \"sources[0].share\", \"value\": 0.6}]}]",
                                             -1, NULL),
                              &error));
  g_assert_no_error (error);
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_true (gs_plan_remove_source (plan, 1, &error));
  g_assert_no_error (error);
  o = gs_plan_lookup (plan, "scenarios[0].overrides");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (o)), ==, 2);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[0].overrides[0].path")),
                   ==, "sources[1].share");
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[0].overrides[1].path")),
                   ==, "sources[0].share");
  /* 0.65 + 0.25 × 0.65 / 0.75 = 0.8667 for inbound. */
  g_assert_cmpfloat_with_epsilon (gs_plan_get_model (plan)->sources[0].share, 0.65 + 0.25 * 0.65 / 0.75,
                                  1e-12);
  before = gs_meeting_baseline_result (plan, &error);
  g_assert_no_error (error);
  after = gs_plan_get_result (plan, &error);
  g_assert_cmpint (line_ok (after, "marketing.stage.lead")->total.amount, !=,
                   line_ok (before, "marketing.stage.lead")->total.amount);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->n_sources, ==, 3);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[0].overrides[1].path")),
                   ==, "sources[2].share");
}

/* A stage a source enters at, just before the win, cannot go: the refusal
 * names the source and the stage, never sources[0].entry_stage.  Mid-market's
 * SAL can go: SDR outbound then enters at SQL. */
static void
test_remove_entry_stage (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GsPlan) mid = example_plan ("mid-market.goalsheet");
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_plan_insert_stage (plan, 2, "SAL", 0.8, 10, NULL));
  g_assert_true (gs_plan_set_source_entry (plan, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_true (refused_saying (gs_plan_remove_stage (plan, 2, &error), &error,
                                 "Inbound enters at SAL; choose an earlier entry stage for it "
                                 "before removing SAL"));
  g_assert_true (gs_plan_remove_stage (mid, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gs_plan_get_model (mid)->stages[gs_plan_get_model (mid)->sources[1].entry_stage].name,
                   ==, "SQL");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-edits/insert-stage-keeps-goals", test_insert_stage_keeps_goals);
  g_test_add_func ("/plan-edits/remove-stage-merges", test_remove_stage_merges);
  g_test_add_func ("/plan-edits/insert-keeps-source-rates", test_insert_keeps_source_rates);
  g_test_add_func ("/plan-edits/rename", test_rename);
  g_test_add_func ("/plan-edits/sources", test_sources);
  g_test_add_func ("/plan-edits/source-entry", test_source_entry);
  g_test_add_func ("/plan-edits/source-rates", test_source_rates);
  g_test_add_func ("/plan-edits/source-rename", test_source_rename);
  g_test_add_func ("/plan-edits/source-remove-scenarios", test_source_remove_scenarios);
  g_test_add_func ("/plan-edits/remove-entry-stage", test_remove_entry_stage);
  return g_test_run ();
}
