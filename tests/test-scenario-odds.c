/* test-scenario-odds.c — P(hit) under each scenario, one seed for all.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-actuals-data.h"
#include "gs-json.h"
#include "gs-montecarlo.h"
#include "gs-scenario.h"
#include "gs-scenario-edits.h"
#include "gs-scenario-odds.h"

/* The tiny plan exactly at its target: 2 AEs carry 1,200,000.00, the
 * funnel plans just the volume the target needs.  A third AE lets the lucky
 * years through, one AE caps the year at half the target; a small run.
 * (A better rate would not do: the planned volume follows the rates.) */
static JsonNode *
tree_with_scenarios (void)
{
  JsonNode *root = tiny_tree ();
  patch (root, "simulation",
         "{\"trials\": 4000, \"seed\": 7, \"rate_concentration\": 50, \"deal_size_sigma\": 0.3,"
         " \"lag_jitter_days\": 0, \"capacity_sigma\": 0}");
  patch (root, "scenarios",
         "[{\"name\": \"better\", \"overrides\": [{\"path\": \"capacity.ae.start_headcount\","
         " \"value\": 3}]},"
         " {\"name\": \"worse\", \"overrides\": [{\"path\": \"capacity.ae.start_headcount\","
         " \"value\": 1}]}]");
  return root;
}

/* Each scenario's P(hit) is the Monte Carlo of its own plan with the plan's
 * settings; a third AE hits more often, one AE never. */
static void
test_each_scenario (void)
{
  g_autoptr (JsonNode) root = tree_with_scenarios ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenarioOdds) odds = gs_scenario_odds_run (root, NULL, NULL, &error);
  GsSimSettings settings;

  g_assert_no_error (error);
  g_assert_cmpuint (odds->n_scenarios, ==, 3);
  g_assert_cmpstr (odds->names[0], ==, "base");
  g_assert_true (gs_sim_settings_read (root, &settings, NULL));
  g_assert_cmpuint (settings.seed, ==, 7);
  for (guint s = 0; s < odds->n_scenarios; s++)
    {
      g_autoptr (GsModel) model = gs_scenario_apply (root, odds->names[s], NULL);
      g_autoptr (GsSimResult) sim = gs_montecarlo_run (model, &settings, NULL, NULL, NULL, NULL);
      g_assert_cmpfloat (odds->p_hit[s], ==, sim->p_hit);
    }
  g_assert_cmpfloat (odds->p_hit[1], >, odds->p_hit[0]);
  g_assert_cmpfloat (odds->p_hit[2], ==, 0);
  g_assert_cmpint (gs_scenario_odds_find (odds, "worse"), ==, 2);
  g_assert_cmpint (gs_scenario_odds_find (odds, "nope"), ==, -1);
  {
    g_autofree char *base = gs_scenario_odds_format_vs_base (odds, 0);
    g_autofree char *better = gs_scenario_odds_format_vs_base (odds, 1);
    g_autofree char *worse = gs_scenario_odds_format_vs_base (odds, 2);
    g_assert_cmpstr (base, ==, "");
    g_assert_true (g_str_has_prefix (better, "+") && g_str_has_suffix (better, " pts"));
    g_assert_true (g_str_has_prefix (worse, "−"));
    g_assert_cmpint (gs_scenario_odds_verdict (odds, 0), ==, GS_VERDICT_SAME);
    g_assert_cmpint (gs_scenario_odds_verdict (odds, 1), ==, GS_VERDICT_GOOD);
    g_assert_cmpint (gs_scenario_odds_verdict (odds, 2), ==, GS_VERDICT_BAD);
  }
}

/* Named scenarios only, in the order asked; an unknown name fails naming it;
 * a cancelled run stops. */
static void
test_names_and_cancel (void)
{
  g_autoptr (JsonNode) root = tree_with_scenarios ();
  g_autoptr (GError) error = NULL;
  const char *names[] = { "worse", "base", NULL };
  const char *unknown[] = { "nope", NULL };
  g_autoptr (GsScenarioOdds) odds = gs_scenario_odds_run (root, names, NULL, &error);
  g_autoptr (GsScenarioOdds) none = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (odds->n_scenarios, ==, 2);
  g_assert_cmpstr (odds->names[0], ==, "worse");
  none = gs_scenario_odds_run (root, unknown, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "“nope”"));
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  none = gs_scenario_odds_run (root, NULL, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The scenarios' plan with actuals: 300 deals and 300 leads, as a file
 * Goalsheet writes (both lists read apart, so the opened plan holds them
 * as a store, docs/plan-format.md "A plan opened from its file"). */
static char *
text_with_actuals (void)
{
  g_autoptr (JsonNode) root = tree_with_scenarios ();
  g_autoptr (GString) act
      = g_string_new ("{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}], \"deals\": [");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (act,
                            "%s{\"id\": \"D%u\", \"name\": \"Deal %u\", \"amount\": \"%u.00\", "
                            "\"stage\": \"%s\", \"status\": \"%s\", \"created\": \"2027-0%u-10\", "
                            "%s\"owner\": \"ann\", \"source\": \"inbound\", \"crm_source\": "
                            "\"Organic\"}",
                            i ? ", " : "", i, i, 1000 + 10 * i, i % 3 ? "mql" : "won",
                            i % 3 ? "open" : "won", 1 + i % 6,
                            i % 3 ? "" : "\"closed\": \"2027-07-01\", ");
  g_string_append (act, "], \"leads\": [");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (act,
                            "%s{\"id\": \"L%u\", \"source\": \"inbound\", \"reached\": "
                            "{\"lead\": \"2027-0%u-05\"}}",
                            i ? ", " : "", i, 1 + i % 6);
  g_string_append (act, "]}");
  patch (root, "version", "\"1.3\"");
  patch (root, "actuals", act->str);
  return gs_json_to_text (root);
}

/* The simulation page's worker on a plan whose deals are a store: a copy
 * of the plan (gs_plan_copy) gives every scenario's P(hit) without building
 * the deals and leads into a tree — the store is still held, the tree
 * still has null in their place — and the same figures as the whole tree. */
static void
test_plan_keeps_store (void)
{
  g_autofree char *text = text_with_actuals ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  g_autoptr (GsPlan) fresh = gs_plan_new_from_text (text, -1, &error);
  g_autoptr (GsPlan) copy = NULL;
  g_autoptr (GsScenarioOdds) odds = NULL;
  g_autoptr (GsScenarioOdds) by_tree = NULL;

  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 300);
  copy = gs_plan_copy (plan);
  odds = gs_scenario_odds_run_for_plan (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Nothing built: not in the copy, not in the plan. */
  g_assert_true (gs_plan_has_store (copy));
  g_assert_true (gs_plan_has_store (plan));
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *deals = gs_json_lookup (gs_plan_peek_root (i ? plan : copy), "actuals.deals");
      g_assert_true (deals != NULL && JSON_NODE_HOLDS_NULL (deals));
    }
  /* The same figures as the whole tree's (its lists built). */
  by_tree = gs_scenario_odds_run (gs_plan_get_root (fresh), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gs_plan_has_store (fresh));
  g_assert_cmpuint (odds->n_scenarios, ==, 3);
  g_assert_cmpuint (by_tree->n_scenarios, ==, 3);
  for (guint s = 0; s < 3; s++)
    {
      g_assert_cmpstr (odds->names[s], ==, by_tree->names[s]);
      g_assert_cmpfloat (odds->p_hit[s], ==, by_tree->p_hit[s]);
    }
  g_assert_cmpfloat (odds->p_hit[1], >, odds->p_hit[0]);
  g_assert_cmpfloat (odds->p_hit[2], ==, 0);
  /* Named ones, and an unknown name, as for a tree. */
  {
    const char *names[] = { "worse", "base", NULL };
    const char *unknown[] = { "nope", NULL };
    g_autoptr (GsScenarioOdds) two = gs_scenario_odds_run_for_plan (copy, names, NULL, &error);
    g_autoptr (GsScenarioOdds) none = NULL;
    g_assert_no_error (error);
    g_assert_cmpuint (two->n_scenarios, ==, 2);
    g_assert_cmpfloat (two->p_hit[0], ==, odds->p_hit[2]);
    g_assert_cmpfloat (two->p_hit[1], ==, odds->p_hit[0]);
    none = gs_scenario_odds_run_for_plan (copy, unknown, NULL, &error);
    g_assert_null (none);
    g_assert_nonnull (strstr (error->message, "“nope”"));
    g_clear_error (&error);
  }
  g_assert_true (gs_plan_has_store (copy));
  /* The Scenarios page's count of changes that would become a scenario,
   * asked after every edit: counted without building the lists. */
  g_assert_cmpuint (gs_scenario_pending_changes (plan), ==, 0);
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.6, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_scenario_pending_changes (plan), ==, 1);
  g_assert_true (gs_plan_has_store (plan));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-odds/each-scenario", test_each_scenario);
  g_test_add_func ("/scenario-odds/names-and-cancel", test_names_and_cancel);
  g_test_add_func ("/scenario-odds/plan-keeps-store", test_plan_keeps_store);
  return g_test_run ();
}
