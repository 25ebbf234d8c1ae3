/* test-validate.c — one validator (gs-validate.h) and the limits checked
 * while a plan is read: what validate accepts, every verb accepts; what
 * some verb refuses, validate refuses with the same message.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-payout.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-model.h"
#include "gs-montecarlo.h"
#include "gs-plan.h"
#include "gs-scenario.h"
#include "gs-validate.h"

#include <string.h>

static JsonNode *
example_tree (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return root;
}

/* Sets path to a JSON literal. */
static void
set (JsonNode *root, const char *path, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_json_replace (root, path, gs_json_parse (json, -1, NULL), &error));
  g_assert_no_error (error);
}

static GsPlan *
load (JsonNode *root, GError **error)
{
  g_autofree char *text = gs_json_to_text (root);
  return gs_plan_new_from_text (text, -1, error);
}

/* Loads (must succeed), validates (must fail with what in the message). */
static void
expect_invalid (JsonNode *root, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = load (root, &error);
  g_assert_no_error (error);
  g_assert_false (gs_plan_validate (plan, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, what) == NULL)
    g_error ("expected “%s” in “%s”", what, error->message);
}

/* Loading must fail with what in the message. */
static void
expect_refused (JsonNode *root, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = load (root, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, what) == NULL)
    g_error ("expected “%s” in “%s”", what, error->message);
}

static void
test_examples_valid (void)
{
  const char *names[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (JsonNode) root = example_tree (names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPlan) plan = load (root, &error);
      g_assert_no_error (error);
      g_assert_true (gs_plan_validate (plan, &error));
      g_assert_no_error (error);
    }
}

/* Finding 7: each was "valid" while another verb refused it.  Edits as
 * path = JSON literal pairs on a copy of the example; what: in the error. */
typedef struct
{
  const char *example;
  const char *edits[4];
  const char *what;
} Case;

static void
test_every_check (void)
{
  const Case cases[] = {
    /* A scenario override that breaks a rule (scenarios, compute -s). */
    { "seed-saas.goalsheet",
      { "scenarios[0].overrides[0].value", "-3" },
      "scenario “best”: capacity.ae.start_headcount" },
    /* An override of a field the plan does not have. */
    { "seed-saas.goalsheet",
      { "scenarios[0].overrides[0].path", "\"funnel.nonsense\"" },
      "scenario “best”: funnel.nonsense: no such field" },
    /* A scenario whose simulation settings are wrong (simulate -s). */
    { "seed-saas.goalsheet",
      { "scenarios[0].overrides[0]", "{\"path\": \"simulation.trials\", \"value\": 0}" },
      "scenario “best”: simulation.trials" },
    /* The simulation section (simulate, report, chart --kind fan). */
    { "seed-saas.goalsheet", { "simulation.trials", "0" }, "simulation.trials" },
    { "seed-saas.goalsheet", { "simulation.seed", "-1" }, "simulation.seed" },
    /* Compensation that overflows when computed (payout). */
    { "mid-market.goalsheet",
      { "compensation.roles[0].ote", "\"9000000000000.00\"", "capacity.ae.start_headcount",
        "100000" },
      "role “ae”" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) root = example_tree (cases[i].example);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].edits) && cases[i].edits[k]; k += 2)
        set (root, cases[i].edits[k], cases[i].edits[k + 1]);
      expect_invalid (root, cases[i].what);
    }
}

static void
test_duplicate_keys (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node
      = gs_json_parse ("{\"a\": 1,\n \"b\": {\"rate\": 0.5,\n \"rate\": 0.9}}", -1, &error);
  g_assert_null (node);
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 3: the field “rate” appears twice"));
  g_clear_error (&error);
  /* The same key in two objects is fine. */
  node = gs_json_parse ("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

/* 3,100,000 empty objects (9.3 MB): refused by counting, before json-glib
 * builds them. */
static void
test_value_limit (void)
{
  GString *text = g_string_new ("[");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 start;
  for (guint i = 0; i < GS_JSON_MAX_VALUES + 100000; i++)
    g_string_append (text, i ? ",{}" : "{}");
  g_string_append (text, "]");
  start = g_get_monotonic_time ();
  node = gs_json_parse (text->str, (gssize) text->len, &error);
  g_assert_null (node);
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more than 3000000 values"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_string_free (text, TRUE);
  /* The count a save checks: lists, objects and commas outside text. */
  {
    /* [1, {"a": "x,{y\",[", "b": 2}, []]: the text's comma, brace and bracket do not count. */
    const char *t = "[1, {\"a\": \"x,{y\\\",[\", \"b\": 2}, []]";
    g_assert_cmpuint (gs_json_count_values (t, strlen (t)), ==, 6);
  }
}

static char *
repeat (const char *piece, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

static void
test_list_and_text_limits (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (JsonNode) copy = NULL;
  g_autofree char *people = NULL, *name = NULL, *long_name = NULL, *text = NULL;
  g_autofree char *more_people = repeat (",{}", GS_MAX_PEOPLE);
  g_autofree char *marks = repeat ("\xcc\x81", GS_MAX_NAME - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;

  /* A list one over its limit, named with the limit. */
  people = g_strconcat ("[{}", more_people, "]", NULL);
  copy = gs_json_deep_copy (root);
  set (copy, "compensation.roles[0].people", people);
  expect_refused (copy, "compensation.roles[0].people: has 10001 entries; at most 10000");
  g_clear_pointer (&copy, json_node_unref);
  /* A name of 200 characters (combining marks count) is read; 201 is not. */
  name = g_strconcat ("A", marks, NULL);
  long_name = g_strconcat (name, "\xcc\x81", NULL);
  copy = gs_json_deep_copy (root);
  json_object_set_string_member (
      json_object_get_object_member (json_node_get_object (copy), "company"), "name", name);
  plan = load (copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  json_object_set_string_member (
      json_object_get_object_member (json_node_get_object (copy), "company"), "name", long_name);
  expect_refused (copy, "company.name: a name of 201 characters; at most 200");
  /* Any other text: at most 10,000 characters, so it fits an Excel cell. */
  text = g_strnfill (GS_MAX_TEXT + 1, 'x');
  g_clear_pointer (&copy, json_node_unref);
  copy = gs_json_deep_copy (root);
  json_object_set_string_member (
      json_object_get_object_member (json_node_get_object (copy), "agreements"), "sql_definition",
      text);
  expect_refused (copy, "agreements.sql_definition: a text of 10001 characters");
  /* An edit is refused the same way. */
  g_clear_object (&plan);
  plan = load (root, &error);
  g_assert_false (gs_plan_set_string (plan, "company.name", long_name, &error));
  g_assert_nonnull (strstr (error->message, "company.name: a name of 201"));
}

/* The actuals' lists have limits of their own (issue 15): deals, leads and
 * the roster, each refused one over, before any record is decoded. */
static void
test_actuals_limits (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  struct
  {
    const char *list;
    guint max;
  } lists[] = { { "deals", GS_MAX_DEALS }, { "leads", GS_MAX_LEADS }, { "people", GS_MAX_ROSTER } };

  set (root, "version", "\"1.1\"");
  json_object_set_object_member (json_node_get_object (root), "actuals", json_object_new ());
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *more = repeat (",{}", lists[i].max);
      g_autofree char *list = g_strconcat ("[{}", more, "]", NULL);
      g_autofree char *path = g_strconcat ("actuals.", lists[i].list, NULL);
      g_autofree char *what = g_strdup_printf ("%s: has %u entries; at most %u are allowed", path,
                                               lists[i].max + 1, lists[i].max);
      g_autoptr (JsonNode) copy = gs_json_deep_copy (root);
      json_object_set_array_member (
          json_object_get_object_member (json_node_get_object (copy), "actuals"), lists[i].list,
          json_array_new ());
      set (copy, path, list);
      expect_refused (copy, what);
    }
}

/* Finding 13: hire month, a rate a rounding error above 1, currency digits. */
static void
test_decoding (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  guint digits = 99;

  copy = gs_json_deep_copy (root);
  set (copy, "capacity.ae.hires[0].month", "\"2027-4\"");
  expect_refused (copy, "capacity.ae.hires[0].month: “2027-4” is not a month like 2026-02");
  set (copy, "capacity.ae.hires[0].month", "\"2027-04-01\"");
  expect_refused (copy, "“2027-04-01” is not a month");
  set (copy, "capacity.ae.hires[0].month", "\"2027-04\"");
  plan = load (copy, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  /* Within 1e-9 of 1 is 1 (0.1 + 0.2 + 0.7 from a spreadsheet). */
  set (copy, "funnel.steps[0].rate", "1.0000000000000002");
  plan = load (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[0].rate, ==, 1.0);
  g_clear_object (&plan);
  /* Beyond it, the message shows the value as written, not "1". */
  set (copy, "funnel.steps[0].rate", "1.0000001");
  expect_refused (copy, "funnel.steps[0].rate: 1.0000001 is not a rate between 0 and 1");

  g_clear_pointer (&copy, json_node_unref);
  copy = gs_json_deep_copy (root);
  set (copy, "company.currency_digits", "0");
  expect_refused (copy, "company.currency_digits: 0 does not match USD, which has 2");
  set (copy, "company.currency_digits", "2");
  plan = load (copy, &error);
  g_assert_no_error (error);
  /* ICU's ISO 4217 table. */
  g_assert_true (gs_format_currency_digits ("USD", &digits));
  g_assert_cmpuint (digits, ==, 2);
  g_assert_true (gs_format_currency_digits ("JPY", &digits));
  g_assert_cmpuint (digits, ==, 0);
  g_assert_true (gs_format_currency_digits ("KWD", &digits));
  g_assert_cmpuint (digits, ==, 3);
  g_assert_false (gs_format_currency_digits ("XYZ", &digits));
  g_assert_false (gs_format_currency_digits ("US", &digits));
}

/* 100 scenarios (the limit) compare in a bounded time: each scenario copies
 * the plan without the other scenarios (it copied all of them: n²). */
static void
test_many_scenarios (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  JsonArray *list = json_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsComparison) comparison = NULL;
  gint64 start;

  for (guint i = 0; i < GS_MAX_SCENARIOS; i++)
    {
      g_autofree char *json = g_strdup_printf (
          "{\"name\": \"s%u\", \"overrides\": [{\"path\": \"funnel.deal_size\", \"value\": "
          "\"%u.00\"}]}",
          i, 20000 + i);
      json_array_add_element (list, gs_json_parse (json, -1, NULL));
    }
  json_object_set_array_member (json_node_get_object (root), "scenarios", list);
  start = g_get_monotonic_time ();
  comparison = gs_comparison_new (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comparison->n_scenarios, ==, GS_MAX_SCENARIOS + 1);
  g_test_message ("%u scenarios compared in %.2f s", GS_MAX_SCENARIOS,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  /* One over the limit is refused on loading. */
  json_array_add_element (list,
                          gs_json_parse ("{\"name\": \"one-more\", \"overrides\": []}", -1, NULL));
  expect_refused (root, "scenarios: has 101 entries; at most 100 are allowed");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/examples", test_examples_valid);
  g_test_add_func ("/validate/every-check", test_every_check);
  g_test_add_func ("/validate/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/validate/value-limit", test_value_limit);
  g_test_add_func ("/validate/list-and-text-limits", test_list_and_text_limits);
  g_test_add_func ("/validate/actuals-limits", test_actuals_limits);
  g_test_add_func ("/validate/decoding", test_decoding);
  g_test_add_func ("/validate/many-scenarios", test_many_scenarios);
  return g_test_run ();
}
