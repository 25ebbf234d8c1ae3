/* test-limits.c — extreme plans: every overflow of the ±10^15 minor-unit
 * range is a clear GS_ERROR_OVERFLOW naming the input, never a crash or a
 * wrapped number; hostile files are refused, not crashed on.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-payout.h"
#include "gs-comp.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-plan.h"

#include <math.h>
#include <string.h>

#define LIMIT_TEXT "10000000000000.00" /* 10^13 major units = 10^15 cents, USD */

/* The seed plan (USD) with edits applied to its JSON tree directly, so that
 * the plan is only checked when loaded, as a file from disk would be. */
static GsPlan *
load_edited (const char *const *paths, JsonNode **values, guint n, GError **error)
{
  g_autoptr (GsPlan) seed = gs_plan_new_default ("Extreme");
  g_autoptr (JsonNode) root = gs_json_deep_copy (gs_plan_get_root (seed));
  g_autofree char *text = NULL;
  for (guint i = 0; i < n; i++)
    g_assert_true (gs_json_replace (root, paths[i], values[i], NULL));
  text = gs_json_to_text (root);
  return gs_plan_new_from_text (text, -1, error);
}

static JsonNode *
str (const char *s)
{
  return json_node_init_string (json_node_alloc (), s);
}

static JsonNode *
num (double v)
{
  return json_node_init_double (json_node_alloc (), v);
}

static JsonNode *
array_of (double v, guint n)
{
  JsonArray *a = json_array_new ();
  for (guint i = 0; i < n; i++)
    json_array_add_double_element (a, v);
  return json_node_init_array (json_node_alloc (), a);
}

/* Loads the edited plan and computes it: must fail with OVERFLOW naming
 * `names` in the message. */
static void
expect_overflow (const char *const *paths, JsonNode **values, guint n, const char *names)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = load_edited (paths, values, n, &error);
  g_assert_no_error (error);
  g_assert_null (gs_plan_get_result (plan, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  if (strstr (error->message, names) == NULL)
    g_error ("“%s” does not name %s", error->message, names);
}

/* Deal size at the limit: 10^13 dollars.  The seed's planned volumes (420
 * leads in the first month × 25 % × 30 % × 60 % × 25 % ≈ 4.7 wins) book
 * ≈ 4.7 × 10^15 cents in a month: beyond the range. */
static void
test_deal_at_limit (void)
{
  const char *paths[] = { "funnel.deal_size" };
  JsonNode *values[] = { str (LIMIT_TEXT) };
  expect_overflow (paths, values, 1, "funnel.deal_size");
}

/* 10^12 leads a month in every source: 10^12 × 0.25 × 0.3 × 0.6 × 0.25
 * = 1.1 × 10^10 wins × 2.5 × 10^6 cents = 2.8 × 10^16 cents. */
static void
test_huge_volume (void)
{
  const char *paths[]
      = { "sources[0].planned_volume", "sources[1].planned_volume", "sources[2].planned_volume" };
  JsonNode *values[] = { array_of (1e12, 12), array_of (1e12, 12), array_of (1e12, 12) };
  expect_overflow (paths, values, 3, "sources[].planned_volume");
}

/* Rates of 10^-300: the reverse funnel needs 10^300 leads — a count out of
 * range (the double would be undefined behaviour as a gint64). */
static void
test_tiny_rates (void)
{
  const char *paths[] = { "funnel.steps[0].rate", "funnel.steps[1].rate", "funnel.steps[2].rate" };
  JsonNode *values[] = { num (1e-300), num (1e-300), num (1e-300) };
  expect_overflow (paths, values, 3, "sources[0]");
}

/* 100,000 AEs with a 10^13-dollar quota: 10^5 × 10^15 / 12 cents a month. */
static void
test_huge_team (void)
{
  const char *paths[] = { "capacity.ae.start_headcount", "capacity.ae.quota" };
  JsonNode *values[] = { num (100000), str (LIMIT_TEXT) };
  expect_overflow (paths, values, 2, "capacity.ae");
}

/* Prior bookings at the limit growing 30 %: year 1 is 1.3 × 10^15 cents. */
static void
test_growth_past_limit (void)
{
  const char *paths[] = { "company.prior_year_bookings" };
  JsonNode *values[] = { str (LIMIT_TEXT) };
  expect_overflow (paths, values, 1, "company.target.growth");
}

/* An absolute target at the limit held for 36 months: 3 × 10^15 cents. */
static void
test_target_over_horizon (void)
{
  g_autoptr (GsPlan) seed = gs_plan_new_default ("Extreme");
  g_autoptr (JsonNode) root = gs_json_deep_copy (gs_plan_get_root (seed));
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autofree char *text = NULL;
  JsonObject *target = json_object_new ();
  JsonArray *sources = json_node_get_array (gs_json_lookup (root, "sources"));

  json_object_set_string_member (target, "mode", "absolute");
  json_object_set_string_member (target, "amount", LIMIT_TEXT);
  gs_json_replace (root, "company.target", json_node_init_object (json_node_alloc (), target),
                   NULL);
  json_object_unref (target);
  gs_json_replace (root, "company.horizon_months", num (36), NULL);
  for (guint j = 0; j < json_array_get_length (sources); j++)
    json_object_remove_member (json_array_get_object_element (sources, j), "planned_volume");
  text = gs_json_to_text (root);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_null (gs_plan_get_result (plan, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "company.target"));
}

/* A cost per lead at the limit: the first month's leads × 10^15 cents. */
static void
test_budget_overflow (void)
{
  const char *paths[] = { "sources[0].cost_per_lead" };
  JsonNode *values[] = { str (LIMIT_TEXT) };
  expect_overflow (paths, values, 1, "sources[0].cost_per_lead");
}

/* In the app an edit that overflows is refused and the plan is unchanged. */
static void
test_edit_refused (void)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Extreme");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *after = NULL;

  g_assert_false (gs_plan_set_string (plan, "funnel.deal_size", LIMIT_TEXT, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  after = gs_plan_to_text (plan);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (gs_plan_get_dirty (plan));
  g_assert_false (gs_plan_can_undo (plan));
}

/* Near the limit but inside it, the plan computes and every amount stays in
 * range: a $1 deal with 5,000,000 leads planned a month (5 × 10^6 × 0.0113
 * ≈ 5.6 × 10^4 wins × 100 cents: small), only the counts are large. */
static void
test_in_range_results (void)
{
  const char *paths[] = { "funnel.deal_size", "sources[0].planned_volume" };
  JsonNode *values[] = { str ("1.00"), array_of (5e6, 12) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = load_edited (paths, values, 2, &error);
  const GsResult *r;
  g_assert_no_error (error);
  r = gs_plan_get_result (plan, &error);
  g_assert_no_error (error);
  g_assert_true (gs_money_in_range (r->target_total));
  g_assert_true (gs_money_in_range (r->plan_total));
  g_assert_true (gs_money_in_range (r->budget_total));
  for (guint m = 0; m < r->horizon; m++)
    g_assert_true (gs_money_in_range (r->plan_month[m]));
}

/* Regression (found by hand while fuzzing): json-glib parses recursively and
 * a file of 10^6 "[" overflowed the stack. */
static void
test_deep_nesting (void)
{
  g_autoptr (GError) error = NULL;
  gsize depth = 1000000;
  g_autofree char *text = g_malloc (2 * depth + 1);
  g_autoptr (GsPlan) plan = NULL;
  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[2 * depth] = '\0';
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_null (plan);
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);
  /* Brackets inside strings do not count. */
  g_assert_nonnull (gs_json_parse ("[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]",
                                   -1, &error));
  g_assert_no_error (error);
}

/* Regression (fuzz-money): more decimals than 18 used to compute 10^extra,
 * overflowing a gint64. */
static void
test_money_long_fraction (void)
{
  g_autoptr (GError) error = NULL;
  GsMoney v = 0;
  g_assert_false (gs_money_parse ("1.0000000000000000000000000000000000000000", 2, &v, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  /* Values no gint64 can hold are pinned far outside the range, not wrapped. */
  g_assert_false (gs_money_in_range (gs_money_round (1e300)));
  g_assert_false (gs_money_in_range (gs_money_round (-INFINITY)));
  g_assert_false (gs_money_in_range (gs_money_round (NAN)));
  g_assert_cmpint (gs_count_ceil (1e300), >, 0);
}

/* Regression (fuzz-plan): a plan without capacity.ae.ramp got a default ramp
 * one entry shorter than gs_model_copy reads (heap-buffer-overflow when the
 * levers copy the model). */
static void
test_default_ramp_copy (void)
{
  g_autoptr (GsPlan) seed = gs_plan_new_default ("Extreme");
  g_autoptr (JsonNode) root = gs_json_deep_copy (gs_plan_get_root (seed));
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsModel) copy = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gs_json_remove (root, "capacity.ae.ramp"));
  text = gs_json_to_text (root);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  copy = gs_model_copy (gs_plan_get_model (plan));
  /* The default ramp is 0, 25 %, 50 %, 75 %, then fully productive. */
  g_assert_cmpuint (copy->ae.n_ramp, ==, 4);
  g_assert_cmpfloat (copy->ae.ramp[3], ==, 0.75);
  g_assert_nonnull (gs_plan_get_result (plan, &error));
  g_assert_no_error (error);
}

/* Regressions (fuzz-json-path): "steps[2]rate" was read as "steps[2].rate",
 * so undo (which split the path at the last dot) left the added member in;
 * an index past G_MAXUINT wrapped onto element 0; "-1" was accepted. */
static void
test_strict_paths_and_undo (void)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Paths");
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) hire = gs_json_parse ("{\"month\": \"2027-05\", \"count\": 1}", -1, NULL);
  JsonNode *root = gs_plan_get_root (plan);

  g_assert_null (gs_json_lookup (root, "funnel.steps[2]rate"));
  g_assert_nonnull (gs_json_lookup (root, "funnel.steps[2].rate"));
  g_assert_null (gs_json_lookup (root, "sources[4294967296]"));
  g_assert_null (gs_json_lookup (root, "sources[-1]"));
  g_assert_null (gs_json_lookup (root, "sources[ 1]"));
  g_assert_false (gs_plan_set_double (plan, "funnel.steps[2]nrate", 1.4, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);

  /* Appending a hire (the seed has two) and undoing removes it again. */
  g_assert_true (gs_plan_set (plan, "capacity.ae.hires[2]", gs_json_deep_copy (hire), &error));
  g_assert_no_error (error);
  g_assert_nonnull (gs_plan_lookup (plan, "capacity.ae.hires[2]"));
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *after = gs_plan_to_text (plan);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (gs_plan_redo (plan));
  g_assert_nonnull (gs_plan_lookup (plan, "capacity.ae.hires[2]"));
}

/* Regression (review of the comp engine): a role's total was one person's
 * payout × the headcount, unchecked.  Mid-market's AE plan with an OTE of
 * $9 × 10^12 (target incentive 50 % = 4.5 × 10^14 cents) and 100,000 AEs
 * (+ 6 hires) is 4.5 × 10^19 cents: past even a gint64. */
static void
test_comp_headcount_overflow (void)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GsPlan) example = gs_plan_new_from_file (path, NULL);
  g_autoptr (JsonNode) root = gs_json_deep_copy (gs_plan_get_root (example));
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autofree char *text = NULL;
  const GsModel *m;
  GsCompAtPlan at;

  g_assert_true (
      gs_json_replace (root, "compensation.roles[0].ote", str ("9000000000000.00"), NULL));
  g_assert_true (gs_json_replace (root, "capacity.ae.start_headcount", num (100000), NULL));
  text = gs_json_to_text (root);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gs_plan_get_result (plan, &error));
  m = gs_plan_get_model (plan);
  g_assert_nonnull (m->comp);
  g_assert_false (gs_comp_at_plan (gs_plan_get_comp (plan, NULL), &at, &error));
  gs_comp_at_plan_clear (&at);
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "role “ae”"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/deal-at-limit", test_deal_at_limit);
  g_test_add_func ("/limits/huge-volume", test_huge_volume);
  g_test_add_func ("/limits/tiny-rates", test_tiny_rates);
  g_test_add_func ("/limits/huge-team", test_huge_team);
  g_test_add_func ("/limits/growth-past-limit", test_growth_past_limit);
  g_test_add_func ("/limits/target-over-horizon", test_target_over_horizon);
  g_test_add_func ("/limits/budget-overflow", test_budget_overflow);
  g_test_add_func ("/limits/edit-refused", test_edit_refused);
  g_test_add_func ("/limits/in-range-results", test_in_range_results);
  g_test_add_func ("/limits/deep-nesting", test_deep_nesting);
  g_test_add_func ("/limits/money-long-fraction", test_money_long_fraction);
  g_test_add_func ("/limits/default-ramp-copy", test_default_ramp_copy);
  g_test_add_func ("/limits/strict-paths-and-undo", test_strict_paths_and_undo);
  g_test_add_func ("/limits/comp-headcount-overflow", test_comp_headcount_overflow);
  return g_test_run ();
}
