/* test-scenario.c — named scenarios: reading, applying, errors, comparison.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-actuals-data.h"
#include "gs-scenario.h"

#include <math.h>
#include <string.h>

/* Replaces the plan's scenarios with one built from JSON text. */
static void
set_scenarios (JsonNode *root, const char *json)
{
  g_assert_true (gs_json_replace (root, "scenarios", gs_json_parse (json, -1, NULL), NULL));
}

static void
test_read (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, NULL);
  const GsScenario *worst;

  g_assert_nonnull (all);
  g_assert_cmpuint (all->len, ==, 4); /* base + best, worst, hire-may */
  g_assert_cmpstr (((GsScenario *) all->pdata[0])->name, ==, "base");
  g_assert_cmpuint (((GsScenario *) all->pdata[0])->n_overrides, ==, 0);
  worst = gs_scenarios_find (all, "worst");
  g_assert_nonnull (worst);
  g_assert_cmpuint (worst->n_overrides, ==, 2);
  g_assert_cmpstr (worst->overrides[0].path, ==, "funnel.steps[1].rate");
  g_assert_null (gs_scenarios_find (all, "nope"));
}

static void
test_apply (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (GsModel) base = gs_scenario_apply (root, "base", NULL);
  g_autoptr (GsModel) worst = gs_scenario_apply (root, "worst", NULL);
  g_autoptr (JsonNode) before = gs_json_deep_copy (root);

  g_assert_nonnull (base);
  g_assert_nonnull (worst);
  g_assert_cmpfloat (base->steps[1].rate, ==, 0.3);
  g_assert_cmpfloat (worst->steps[1].rate, ==, 0.2);
  /* "2027-09" in a plan starting 2027-02 is plan month 7. */
  g_assert_cmpuint (worst->ae.hires[1].month, ==, 7);
  /* Applying works on a copy: the plan itself is untouched. */
  g_assert_true (gs_json_equal (root, before));
}

/* A scenario's copy copies only the members its overrides change and
 * shares the rest with the plan; applying never changes the plan. */
static void
test_apply_shares (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (JsonNode) before = gs_json_deep_copy (root);
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, NULL);
  const GsScenario *worst = gs_scenarios_find (all, "worst");
  JsonObject *plan = json_node_get_object (root), *copy;
  g_autoptr (JsonNode) applied = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr (JsonNode) each = gs_scenario_apply_json (root, all->pdata[i], NULL);
      g_assert_nonnull (each);
    }
  applied = gs_scenario_apply_json (root, worst, NULL);
  copy = json_node_get_object (applied);
  g_assert_true (gs_json_equal (root, before));
  /* worst overrides funnel.steps[1].rate: funnel is its own, company the plan's. */
  g_assert_true (json_object_get_member (copy, "funnel")
                 != json_object_get_member (plan, "funnel"));
  g_assert_true (json_object_get_member (copy, "company")
                 == json_object_get_member (plan, "company"));
  g_assert_false (json_object_has_member (copy, "scenarios"));
  g_assert_cmpfloat (json_node_get_double (gs_json_lookup (applied, "funnel.steps[1].rate")), ==,
                     0.2);
  g_assert_cmpfloat (json_node_get_double (gs_json_lookup (root, "funnel.steps[1].rate")), ==, 0.3);
}

static void
assert_error (JsonNode *root, const char *json, const char *name, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) model = NULL;
  set_scenarios (root, json);
  model = gs_scenario_apply (root, name, &error);
  g_assert_null (model);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
}

static void
test_errors (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");

  assert_error (
      root, "[{\"name\":\"x\",\"overrides\":[{\"path\":\"funnel.steps[9].rate\",\"value\":0.2}]}]",
      "x", "scenario “x”: funnel.steps[9].rate: no such field");
  assert_error (
      root, "[{\"name\":\"x\",\"overrides\":[{\"path\":\"funnel.dealsize\",\"value\":\"1.00\"}]}]",
      "x", "scenario “x”: funnel.dealsize: no such field");
  /* The value is checked by the same decoder as the plan's own. */
  assert_error (
      root, "[{\"name\":\"x\",\"overrides\":[{\"path\":\"funnel.steps[1].rate\",\"value\":1.4}]}]",
      "x", "scenario “x”: funnel.steps[1].rate");
  assert_error (root, "[{\"name\":\"x\",\"overrides\":[{\"path\":\"funnel.steps[1].rate\"}]}]", "x",
                "scenarios[0].overrides[0].value: an override needs a value");
  assert_error (root, "[{\"name\":\"base\",\"overrides\":[]}]", "base",
                "scenarios[0].name: “base” is the plan itself");
  assert_error (root, "[{\"name\":\"a\",\"overrides\":[]},{\"name\":\"a\",\"overrides\":[]}]", "a",
                "scenarios[1].name: there is already a scenario named “a”");
  assert_error (root, "[{\"name\":\"a\",\"overrides\":[]}]", "b",
                "no scenario named “b” (the plan has: base, a)");
}

static double
value_of (const GsComparison *c, const char *id, guint s)
{
  const GsComparisonRow *row = gs_comparison_row (c, id);
  g_assert_nonnull (row);
  g_assert_true (row->present[s]);
  return row->values[s];
}

static void
test_compare (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) model = gs_model_decode (root, NULL);
  g_autoptr (GsResult) direct = gs_compute (model, NULL);
  g_autoptr (GsComparison) c = NULL;
  double base_leads, worst_leads;

  set_scenarios (
      root,
      "[{\"name\":\"same\",\"overrides\":[{\"path\":\"funnel.steps[1].rate\",\"value\":0.3}]},"
      " {\"name\":\"worse\",\"overrides\":[{\"path\":\"funnel.steps[1].rate\",\"value\":0.2}]},"
      " {\"name\":\"double\",\"overrides\":[{\"path\":\"company.target.growth\",\"value\":0.6}]}]");
  c = gs_comparison_new (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->n_scenarios, ==, 4);

  /* Base is the plan itself. */
  g_assert_cmpfloat (value_of (c, "plan", 0), ==, (double) direct->plan_total);
  g_assert_cmpfloat (value_of (c, "gap", 0), ==, (double) direct->gap);
  /* Overriding a field with its own value changes nothing, figure by figure. */
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      g_assert_cmpfloat (row->values[0], ==, row->values[1]);
    }
  /* MQL→SQL 30 % → 20 %: every stage above SQL needs 0.3 / 0.2 = 1.5× the
   * inbound volume.  Counts are rounded up per month, so allow one lead per
   * month (12) of rounding either way. */
  base_leads = value_of (c, "marketing.stage.lead", 0);
  worst_leads = value_of (c, "marketing.stage.lead", 2);
  g_assert_cmpfloat (fabs (worst_leads - 1.5 * base_leads), <=, 12 + 1.5 * 12);
  /* The stages below SQL do not depend on that rate. */
  g_assert_cmpfloat (value_of (c, "sales.stage.won", 2), ==, value_of (c, "sales.stage.won", 0));
  /* Growth 30 % → 60 % on prior bookings of 2,000,000: the target goes from
   * 2,600,000 to 3,200,000 (in cents). */
  g_assert_cmpfloat (value_of (c, "target", 0), ==, 260000000.0);
  g_assert_cmpfloat (value_of (c, "target", 3), ==, 320000000.0);
  /* Invariant in every scenario: gap = plan - target. */
  for (guint s = 0; s < c->n_scenarios; s++)
    g_assert_cmpfloat (value_of (c, "gap", s), ==,
                       value_of (c, "plan", s) - value_of (c, "target", s));

  /* Money and counts typed, for the workbook and the JSON: the target
   * 2,600,000.00 → 3,200,000.00 is 260,000,000 → 320,000,000 minor units,
   * +60,000,000 against base; the plan is the engine's own total. */
  g_assert_cmpint (gs_comparison_row (c, "target")->amounts[0], ==, 260000000);
  g_assert_cmpint (gs_comparison_row (c, "target")->amounts[3], ==, 320000000);
  g_assert_cmpint (gs_comparison_row (c, "target")->amounts_vs_base[3], ==, 60000000);
  g_assert_cmpint (gs_comparison_row (c, "plan")->amounts[0], ==, direct->plan_total);
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      gboolean whole = row->unit == GS_UNIT_MONEY || row->unit == GS_UNIT_COUNT;
      for (guint s = 0; s < c->n_scenarios; s++)
        {
          /* The same figure as values, exactly; nothing for other units. */
          if (!whole || !row->present[s])
            g_assert_cmpint (row->amounts[s], ==, 0);
          else
            g_assert_cmpfloat ((double) row->amounts[s], ==, row->values[s]);
          if (whole && row->present[s] && row->present[0])
            g_assert_cmpint (row->amounts_vs_base[s], ==, row->amounts[s] - row->amounts[0]);
          else
            g_assert_cmpint (row->amounts_vs_base[s], ==, 0);
        }
    }
  for (guint s = 0; s < c->n_scenarios; s++)
    g_assert_cmpint (gs_comparison_row (c, "gap")->amounts[s], ==,
                     gs_comparison_row (c, "plan")->amounts[s]
                         - gs_comparison_row (c, "target")->amounts[s]);
}

static void
test_plan (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = gs_json_to_text (root);
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, NULL);
  g_autoptr (GsPlan) worst = gs_scenario_plan (plan, "worst", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) none = gs_scenario_plan (plan, "nope", &error);

  g_assert_nonnull (worst);
  g_assert_cmpfloat (gs_plan_get_model (worst)->steps[1].rate, ==, 0.2);
  g_assert_false (gs_plan_can_undo (worst));
  g_assert_null (none);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

/* A scenario's plan shares the plan's actuals: read once where the stages,
 * sources and currency are the plan's, read again (and refused with the
 * field) where an override renames a source the deals name. */
static void
test_plan_actuals (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsPlan) rates = NULL;
  g_autoptr (GsPlan) renamed = NULL;
  g_autoptr (GError) error = NULL;
  const GsActualsData *a, *b;

  g_assert_true (gs_json_replace (root, "version", gs_json_parse ("\"1.1\"", -1, NULL), NULL));
  json_object_set_member (
      json_node_get_object (root), "actuals",
      gs_json_parse (
          "{\"people\": [{\"id\": \"ann\", \"name\": \"Ann\"}],"
          " \"deals\": [{\"id\": \"9001\", \"amount\": \"25000.00\", \"stage\": \"won\","
          " \"status\": \"won\", \"created\": \"2027-02-03\", \"closed\": \"2027-03-10\","
          " \"owner\": \"ann\", \"source\": \"inbound\"}]}",
          -1, NULL));
  set_scenarios (root, "[{\"name\": \"rates\", \"overrides\": [{\"path\": \"funnel.steps[1].rate\","
                       " \"value\": 0.2}]}, {\"name\": \"renamed\", \"overrides\": [{\"path\":"
                       " \"sources[0].id\", \"value\": \"web\"}]}]");
  text = gs_json_to_text (root);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  rates = gs_scenario_plan (plan, "rates", &error);
  g_assert_no_error (error);
  a = gs_plan_get_model (plan)->actuals;
  b = gs_plan_get_model (rates)->actuals;
  /* A copy of the plan's records, not the same ones (each model frees its own). */
  g_assert_true (a != b);
  g_assert_cmpuint (b->n_deals, ==, 1);
  g_assert_cmpstr (b->deals[0].id, ==, "9001");
  g_assert_cmpint (b->deals[0].amount, ==, 2500000);
  g_assert_cmpint (b->deals[0].owner, ==, 0);
  g_assert_cmpint (b->deals[0].source, ==, 0);
  g_assert_cmpfloat (gs_plan_get_model (rates)->steps[1].rate, ==, 0.2);
  /* Edited, the scenario's plan leaves the plan's tree as it was. */
  g_assert_true (gs_plan_set_double (rates, "funnel.steps[1].rate", 0.25, NULL));
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[1].rate, ==, 0.3);
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, "funnel.steps[1].rate")), ==, 0.3);

  renamed = gs_scenario_plan (plan, "renamed", &error);
  g_assert_null (renamed);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "scenario “renamed”: actuals.deals[0].source: “inbound” is not a source of "
                   "the plan");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/read", test_read);
  g_test_add_func ("/scenario/apply", test_apply);
  g_test_add_func ("/scenario/apply-shares", test_apply_shares);
  g_test_add_func ("/scenario/errors", test_errors);
  g_test_add_func ("/scenario/compare", test_compare);
  g_test_add_func ("/scenario/plan", test_plan);
  g_test_add_func ("/scenario/plan-actuals", test_plan_actuals);
  return g_test_run ();
}
