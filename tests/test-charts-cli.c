/* test-charts-cli.c — goalsheet-cli scenarios, compute --scenario, simulate,
 * chart and report, end to end.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-cli-run.h"
#include "test-util.h"

#include <glib/gstdio.h>

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
}

static JsonObject *
parse_object (const char *text, JsonNode **keep)
{
  g_autoptr (GError) error = NULL;
  *keep = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (*keep);
}

static void
test_scenarios (void)
{
  g_autofree char *plan = example ();
  g_auto (CliRun) run = { 0 };
  g_autoptr (JsonNode) base = NULL, worst = NULL;

  cli_run (&run, "scenarios", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "worst"));
  g_assert_nonnull (strstr (run.out, "Gap to target"));
  /* Money in the plan's currency, each scenario's difference against base:
   * MQL→SQL 30 % → 20 % costs 506,250 of plan. */
  g_assert_nonnull (strstr (run.out, "vs base"));
  g_assert_nonnull (strstr (run.out, "$2,376,250"));
  g_assert_nonnull (strstr (run.out, "−$506,250"));

  cli_run (&run, "compute", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  parse_object (run.out, &base);
  cli_run (&run, "compute", plan, "--scenario", "worst", NULL);
  g_assert_cmpint (run.status, ==, 0);
  parse_object (run.out, &worst);
  /* MQL→SQL 30 % → 20 % needs more leads: the two outputs differ. */
  g_assert_false (gs_json_equal (base, worst));

  cli_run (&run, "compute", plan, "--scenario", "nope", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no scenario named “nope”"));
}

static void
test_simulate (void)
{
  g_autofree char *plan = example ();
  g_auto (CliRun) run = { 0 };
  g_autoptr (JsonNode) a = NULL, b = NULL;
  g_autofree char *first = NULL;
  JsonObject *o;

  cli_run (&run, "simulate", plan, "--trials", "20000", "--seed", "5", "--threads", "1", "--json",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  first = g_strdup (run.out);
  o = parse_object (run.out, &a);
  g_assert_cmpint (json_object_get_int_member (o, "trials"), ==, 20000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "months")), ==, 12);
  g_assert_cmpfloat (json_object_get_double_member (o, "p_hit"), >=, 0);
  g_assert_cmpfloat (json_object_get_double_member (o, "p_hit"), <=, 1);
  /* The payout risk: the pay plans over the simulated years, P10 ≤ P50 ≤
   * P90 around the pay at plan as staffed (653,032.35, goalsheet-cli
   * payout); each role listed, the SDRs paid on measures the simulation does
   * not vary. */
  {
    JsonObject *risk = json_object_get_object_member (o, "payout_risk");
    JsonObject *pay = json_object_get_object_member (risk, "variable_pay");
    JsonArray *roles = json_object_get_array_member (risk, "roles");
    double p10 = g_ascii_strtod (json_object_get_string_member (pay, "p10"), NULL);
    double p50 = g_ascii_strtod (json_object_get_string_member (pay, "p50"), NULL);
    double p90 = g_ascii_strtod (json_object_get_string_member (pay, "p90"), NULL);
    g_assert_cmpstr (json_object_get_string_member (risk, "variable_pay_at_plan"), ==, "653032.35");
    g_assert_cmpfloat (p10, <=, p50);
    g_assert_cmpfloat (p50, <=, p90);
    g_assert_cmpfloat (p10, <, 653032.35);
    g_assert_cmpfloat (p90, >, 653032.35 * 0.9);
    g_assert_cmpuint (json_array_get_length (roles), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (roles, 1), "id"),
                     ==, "sdr");
    g_assert_false (
        json_object_get_boolean_member (json_array_get_object_element (roles, 1), "simulated"));
    g_assert_true (
        json_object_get_boolean_member (json_array_get_object_element (roles, 0), "simulated"));
  }

  /* Same seed, two threads: the same figures (only "threads" differs). */
  cli_run (&run, "simulate", plan, "--trials", "20000", "--seed", "5", "--threads", "2", "--json",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (run.out, &b);
  json_object_set_int_member (o, "threads", 1);
  g_assert_true (gs_json_equal (a, b));

  cli_run (&run, "simulate", plan, "--trials", "0", NULL);
  g_assert_cmpint (run.status, ==, 0); /* 0 = the plan's own count */
  cli_run (&run, "simulate", plan, "--trials", "-5", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--trials: “-5” is not a whole number"));
}

static void
assert_magic (const char *path, const char *magic)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, strlen (magic));
  g_assert_true (memcmp (bytes, magic, strlen (magic)) == 0);
}

static void
test_chart (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = g_dir_make_tmp ("gs-charts-cli-XXXXXX", NULL);
  const char *kinds[] = { "funnel", "waterfall", "capacity", "fan", "contribution", "payout" };
  const char *ext[] = { "png", "svg", "pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  g_auto (CliRun) run = { 0 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], ext[k % 3]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cli_run (&run, "chart", plan, "--kind", kinds[k], "-o", path, "--trials", "5000", NULL);
      if (run.status != 0)
        g_error ("chart --kind %s: %s", kinds[k], run.err);
      assert_magic (path, magic[k % 3]);
      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, "chart.jpg", NULL);
    cli_run (&run, "chart", plan, "--kind", "funnel", "-o", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "must end in .png, .svg or .pdf"));
  }
  cli_run (&run, "chart", plan, "--kind", "pie", "-o", "x.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--kind must be one of"));
  cli_run (&run, "chart", plan, "--kind", "funnel", NULL);
  g_assert_cmpint (run.status, ==, 2);
  {
    /* A folder that does not exist is an I/O failure. */
    cli_run (&run, "chart", plan, "--kind", "funnel", "-o", "/nonexistent/dir/f.png", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  g_rmdir (dir);
}

static void
test_report (void)
{
  g_autofree char *plan = example ();
  g_autofree char *dir = g_dir_make_tmp ("gs-charts-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_auto (CliRun) run = { 0 };

  cli_run (&run, "report", plan, "-o", pdf, "--trials", "5000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_magic (pdf, "%PDF");
  cli_run (&run, "report", plan, "-o", "sheet.txt", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts-cli/scenarios", test_scenarios);
  g_test_add_func ("/charts-cli/simulate", test_simulate);
  g_test_add_func ("/charts-cli/chart", test_chart);
  g_test_add_func ("/charts-cli/report", test_report);
  return g_test_run ();
}
