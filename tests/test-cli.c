/* test-cli.c — goalsheet-cli end to end: new, validate, show and compute on
 * both bundled examples, checked against figures worked out by hand from the
 * example files; usage errors, I/O errors and --help on every verb.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI is found through $GOALSHEET_CLI (set by tests/meson.build).
 */
#include "test-util.h"
#include "test-cli-run.h"
#include "gs-meeting.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

static char *
example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return root;
}

static gint64
int_at (JsonNode *root, const char *path)
{
  JsonNode *node = gs_json_lookup (root, path);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    g_error ("no number at %s", path);
  return json_node_get_int (node);
}

static const char *
string_at (JsonNode *root, const char *path)
{
  JsonNode *node = gs_json_lookup (root, path);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    g_error ("no text at %s", path);
  return json_node_get_string (node);
}

static JsonNode *
line_at (JsonNode *root, const char *id)
{
  JsonArray *lines = json_node_get_array (gs_json_lookup (root, "lines"));
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *line = json_array_get_element (lines, i);
      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (line), "id"), id) == 0)
        return line;
    }
  g_error ("no line %s", id);
}

/* Sum of a per-month integer array of one source and stage, all months. */
static gint64
needed_sum (JsonNode *root, guint source, const char *stage)
{
  g_autofree char *path = g_strdup_printf ("funnel.sources[%u].needed.%s", source, stage);
  JsonNode *node = gs_json_lookup (root, path);
  JsonArray *array;
  gint64 sum = 0;
  if (node == NULL)
    g_error ("no %s", path);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    sum += json_array_get_int_element (array, i);
  return sum;
}

/* A goal line's count over every month: before the plan plus the plan. */
static gint64
line_count_all (JsonNode *root, const char *id)
{
  JsonNode *line = line_at (root, id);
  return int_at (line, "before.count") + int_at (line, "total.count");
}

static JsonNode *
cli_compute_ok (const char *name)
{
  g_autofree char *path = example (name);
  g_auto (CliRun) run = { 0 };
  cli_run (&run, "compute", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return parse_ok (run.out);
}

/* Invariants of every goal line: summable lines add up (months to quarters
 * to the total), every money cell's minor units and decimal text agree, and
 * every plan month explains itself. */
static void
check_lines (JsonNode *root)
{
  JsonArray *lines = json_node_get_array (gs_json_lookup (root, "lines"));
  gint64 n_pre = int_at (root, "n_pre");
  guint digits = (guint) int_at (root, "company.currency_digits");

  g_assert_cmpuint (json_array_get_length (lines), >=, 15);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *line = json_array_get_element (lines, i);
      const char *unit = string_at (line, "unit");
      const char *id = string_at (line, "id");
      gboolean money = g_str_equal (unit, "money");
      const char *key = money ? "minor" : "count";
      JsonArray *months = json_node_get_array (gs_json_lookup (line, "months"));
      JsonArray *quarters = json_node_get_array (gs_json_lookup (line, "quarters"));
      gint64 before = 0, total = 0, qsum = 0;
      gboolean summable = (money || g_str_equal (unit, "count"))
                          && !g_str_equal (id, "marketing.cost_per_handoff")
                          && !g_str_equal (id, "sales.quota");

      g_assert_cmpuint (json_array_get_length (months), ==, n_pre + int_at (root, "horizon"));
      for (guint m = 0; m < json_array_get_length (months); m++)
        {
          JsonNode *cell = json_array_get_element (months, m);
          if (money)
            {
              g_autofree char *plain = gs_money_to_plain (int_at (cell, "minor"), digits);
              g_assert_cmpstr (string_at (cell, "amount"), ==, plain);
            }
          if (m >= n_pre)
            g_assert_cmpstr (string_at (cell, "derivation.kind"), !=, "none");
          if (!summable)
            continue;
          if (m < n_pre)
            before += int_at (cell, key);
          else
            total += int_at (cell, key);
        }
      if (!summable)
        continue;
      for (guint q = 0; q < json_array_get_length (quarters); q++)
        qsum += int_at (json_array_get_element (quarters, q), key);
      g_assert_cmpint (total, ==, int_at (line, money ? "total.minor" : "total.count"));
      g_assert_cmpint (qsum, ==, total);
      g_assert_cmpint (before, ==, int_at (line, money ? "before.minor" : "before.count"));
    }
}

/* seed-saas.goalsheet, worked by hand:
 *  target = 2,000,000.00 × (1 + 30 %) = 2,600,000.00, nothing from existing
 *  customers.  February's target = 2,600,000 × 0.8 ÷ 11.9 (sum of the 12
 *  seasonality weights) = 174,789.9159… → 174,789.92.
 *  Wins per source (share × 2.6 M ÷ 25,000, rounded up on the running total):
 *    inbound 0.65 → 67.6 → 68, outbound 0.25 → 26, partner 0.10 → 10.4 → 11;
 *    105 wins, 105 × 25,000 = 2,625,000.00 of bookings needed.
 *  Inbound up the funnel: 68 ÷ 25 % = 272 opportunities; ÷ 60 % = 453.3 → 454
 *    SQLs; ÷ 30 % = 1,513.3 → 1,514 MQLs; ÷ 25 % = 6,056 leads.
 *  Outbound enters at SQL with its own SQL→Opp rate 50 %: 26 ÷ 25 % = 104
 *    opportunities, ÷ 50 % = 208 SQLs.  Partner: its own Opp→Won 30 %:
 *    11 ÷ 30 % = 36.7 → 37 opportunities, ÷ 60 % = 61.7 → 62 SQLs.
 *  Totals: 272 + 104 + 37 = 413 opportunities, 454 + 208 + 62 = 724 SQLs.
 *  Budget: only inbound is marketing's: 6,056 leads × 45.00 = 272,520.00.
 *  Marketing-sourced bookings: 68 × 25,000 = 1,700,000.00.
 *  Sales cycle 7 + 14 + 14 + 61 = 96 days = 3.15 months → leads are needed
 *  from 3 months before the plan (n_pre = 3): Nov 26 for a Feb 27 start.
 *  After the plan (the continuation: each source's month a year earlier ×
 *  1.3, the same 30 % growth; all sources together Feb 28 ≈ 174,789.92 × 1.3
 *  = 227,226.89, Mar 28 ≈ 255,630.25, Apr 28 ≈ 312,436.97): opportunities and SQLs
 *  sit 2 months before their wins (61 d; 75 d = 2.46 months), MQLs and leads
 *  3, so the plan's last months also hold Feb–Mar 28's opportunities and
 *  SQLs and Feb–Apr 28's MQLs and leads.  Inbound wins on the running total:
 *  (2,600,000 + 227,226.89 + 255,630.25) × 65 % ÷ 25,000 = 80.15 → 81 by
 *  Mar 28, → 324 opportunities (81 ÷ 25 %), 540 SQLs; by Apr 28
 *  + 312,436.97 → 88.28 → 89 wins → 356 opp. → 593.3 → 594 SQLs → 1,980
 *  MQLs → 7,920 leads (466 MQLs and 1,864 leads more than the plan's own).
 *  Outbound by Mar 28: × 25 % → 30.83 → 31 wins → 124 opp. → 248 SQLs.
 *  Partner: × 10 % → 12.33 → 13 wins → 43.3 → 44 opp. → 73.3 → 74 SQLs.
 *  Totals: 324 + 124 + 44 = 492 opportunities, 540 + 248 + 74 = 862 SQLs.
 *  Budget: 7,920 leads × 45.00 = 356,400.00. */
static void
test_compute_seed (void)
{
  g_autoptr (JsonNode) root = cli_compute_ok ("seed-saas.goalsheet");

  g_assert_cmpstr (string_at (root, "format"), ==, "goalsheet-compute");
  g_assert_cmpint (int_at (root, "targets.total.minor"), ==, 260000000);
  g_assert_cmpstr (string_at (root, "targets.total.amount"), ==, "2600000.00");
  g_assert_cmpint (int_at (root, "targets.existing.minor"), ==, 0);
  g_assert_cmpint (int_at (root, "targets.by_month[0].minor"), ==, 17478992);
  g_assert_cmpint (int_at (root, "n_pre"), ==, 3);
  g_assert_cmpstr (string_at (root, "months[0].short"), ==, "Nov 26");
  g_assert_cmpstr (string_at (root, "months[3].short"), ==, "Feb 27");

  g_assert_cmpint (needed_sum (root, 0, "won"), ==, 68);
  g_assert_cmpint (needed_sum (root, 1, "won"), ==, 26);
  g_assert_cmpint (needed_sum (root, 2, "won"), ==, 11);
  g_assert_cmpint (needed_sum (root, 0, "opportunity"), ==, 324);
  g_assert_cmpint (needed_sum (root, 0, "sql"), ==, 540);
  g_assert_cmpint (needed_sum (root, 0, "mql"), ==, 1980);
  g_assert_cmpint (needed_sum (root, 0, "lead"), ==, 7920);
  g_assert_cmpint (needed_sum (root, 1, "opportunity"), ==, 124);
  g_assert_cmpint (needed_sum (root, 1, "sql"), ==, 248);
  g_assert_null (gs_json_lookup (root, "funnel.sources[1].needed.mql")); /* enters at SQL */
  g_assert_cmpint (needed_sum (root, 2, "opportunity"), ==, 44);
  g_assert_cmpint (needed_sum (root, 2, "sql"), ==, 74);

  g_assert_cmpint (line_count_all (root, "sales.stage.won"), ==, 105);
  g_assert_cmpint (int_at (line_at (root, "sales.stage.won"), "before.count"), ==, 0);
  g_assert_cmpint (int_at (line_at (root, "sales.stage.won"), "after.count"), ==, 0);
  g_assert_cmpint (line_count_all (root, "sales.stage.opportunity"), ==, 492);
  g_assert_cmpint (line_count_all (root, "sales.stage.sql"), ==, 862);
  g_assert_cmpint (line_count_all (root, "marketing.stage.mql"), ==, 1980);
  g_assert_cmpint (int_at (line_at (root, "marketing.stage.mql"), "after.count"), ==, 466);
  g_assert_cmpint (line_count_all (root, "marketing.stage.lead"), ==, 7920);
  g_assert_cmpint (int_at (line_at (root, "marketing.stage.lead"), "after.count"), ==, 1864);
  g_assert_cmpint (int_at (line_at (root, "shared.bookings"), "total.minor"), ==, 262500000);
  g_assert_cmpint (int_at (line_at (root, "marketing.sourced_bookings"), "total.minor"), ==,
                   170000000);
  g_assert_cmpint (int_at (root, "plan.budget_total.minor"), ==, 35640000);
  g_assert_cmpstr (string_at (root, "plan.budget_total.amount"), ==, "356400.00");
  g_assert_cmpfloat (json_node_get_double (gs_json_lookup (root, "funnel.cycle_days")), ==, 96);
  /* The gap is what the plan delivers minus the target. */
  g_assert_cmpint (int_at (root, "plan.gap.minor"), ==,
                   int_at (root, "plan.total.minor") - int_at (root, "targets.total.minor"));
  check_lines (root);
}

/* mid-market.goalsheet, worked by hand:
 *  target = 30,000,000.00 × 1.2 = 36,000,000.00, of which 6,000,000.00 from
 *  existing customers, so new business = 30,000,000.00.
 *  Wins: inbound 50 % = 15 M ÷ 60,000 = 250; outbound 30 % = 9 M → 150;
 *  partner 20 % = 6 M → 100; 500 wins.
 *  Inbound: 250 ÷ 22 % = 1,136.4 → 1,137 opportunities; ÷ 60 % = 1,895 SQLs;
 *    ÷ 50 % = 3,790 SALs; ÷ 80 % = 4,737.5 → 4,738 MQLs; ÷ 20 % = 23,690 leads.
 *  Outbound enters at SAL with its own SAL→SQL 40 %: 150 ÷ 22 % = 681.8 → 682;
 *    ÷ 60 % = 1,136.7 → 1,137 SQLs; ÷ 40 % = 2,842.5 → 2,843 SALs.
 *  Partner enters at SQL, own Opp→Won 30 %: 100 ÷ 30 % = 333.3 → 334;
 *    ÷ 60 % = 556.7 → 557 SQLs.
 *  Totals: 1,137 + 682 + 334 = 2,153 opportunities; 1,895 + 1,137 + 557 =
 *  3,589 SQLs; budget 23,690 leads × 80.00 = 1,895,200.00 (the partner's cost
 *  is not marketing's budget).
 *  After the plan (each source's month a year earlier × 1.2, the same 20 %
 *  growth; the plan's new business by seasonality Σ 11.9: Jan ≈
 *  1,764,705.88, Feb ≈ 2,268,907.56, Mar ≈ 3,025,210.08, Apr ≈ 2,268,907.56):
 *  opportunities sit 3 months before their wins (90 d), the earlier stages 4
 *  (111–134 d), so the plan's last months hold Jan–Mar 28's opportunities and
 *  Jan–Apr 28's SQLs, SALs, MQLs and leads.
 *  Inbound (50 %): by Mar 28 15 M + 7,058,823.52 × 50 % × 1.2 = 19,235,294.12
 *    ÷ 60,000 = 320.6 → 321 wins → 1,459.1 → 1,460 opportunities; by Apr 28
 *    + 1,361,344.54 → 343.3 → 344 → 1,563.6 → 1,564 opp. → 2,606.7 → 2,607
 *    SQLs → 5,214 SALs → 6,517.5 → 6,518 MQLs → 32,590 leads.
 *  Outbound (30 %): by Mar 28 192.4 → 193 → 877.3 → 878 opp.; by Apr 28
 *    206.0 → 206 → 936.4 → 937 opp. → 1,561.7 → 1,562 SQLs → 3,905 SALs.
 *    Partner (20 %): by Mar 28 128.2 → 129 → 430 opp.; by Apr 28 137.3 → 138
 *    → 460 opp. → 766.7 → 767 SQLs.
 *  Totals: 1,460 + 878 + 430 = 2,768 opportunities; 2,607 + 1,562 + 767 =
 *  4,936 SQLs; budget 32,590 × 80.00 = 2,607,200.00. */
static void
test_compute_mid_market (void)
{
  g_autoptr (JsonNode) root = cli_compute_ok ("mid-market.goalsheet");

  g_assert_cmpstr (string_at (root, "company.currency"), ==, "EUR");
  g_assert_cmpint (int_at (root, "targets.total.minor"), ==, 3600000000);
  g_assert_cmpint (int_at (root, "targets.existing.minor"), ==, 600000000);
  g_assert_cmpint (int_at (root, "targets.new_business.minor"), ==, 3000000000);
  g_assert_cmpint (needed_sum (root, 0, "won"), ==, 250);
  g_assert_cmpint (needed_sum (root, 1, "won"), ==, 150);
  g_assert_cmpint (needed_sum (root, 2, "won"), ==, 100);
  g_assert_cmpint (needed_sum (root, 0, "lead"), ==, 32590);
  g_assert_cmpint (needed_sum (root, 0, "mql"), ==, 6518);
  g_assert_cmpint (needed_sum (root, 0, "sal"), ==, 5214);
  g_assert_cmpint (needed_sum (root, 1, "sal"), ==, 3905);
  g_assert_cmpint (line_count_all (root, "sales.stage.won"), ==, 500);
  g_assert_cmpint (line_count_all (root, "sales.stage.opportunity"), ==, 2768);
  g_assert_cmpint (line_count_all (root, "sales.stage.sql"), ==, 4936);
  g_assert_cmpint (int_at (root, "plan.budget_total.minor"), ==, 260720000);
  check_lines (root);
}

static void
test_show (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *mid = example ("mid-market.goalsheet");
  g_auto (CliRun) run = { 0 };
  g_auto (CliRun) months = { 0 };
  g_auto (CliRun) other = { 0 };
  g_auto (GStrv) lines = NULL;
  gboolean wins_seen = FALSE;

  cli_run (&run, "show", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Acme Analytics"));
  g_assert_nonnull (strstr (run.out, "Target    $2,600,000.00"));
  g_assert_nonnull (strstr (run.out, "Budget    $356,400.00"));
  for (const char *s = "MARKETING\0SHARED\0SALES\0GAP LEVERS\0AGREEMENTS\0"; *s;
       s += strlen (s) + 1)
    g_assert_nonnull (strstr (run.out, s));
  g_assert_nonnull (strstr (run.out, "VP Marketing: signed by Dana Whitfield on Nov 12, 2026"));
  g_assert_nonnull (strstr (run.out, "VP Sales: not signed"));
  /* The Wins row: nothing before the plan, 105 in total, none of them after
   * the plan (worked above). */
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Wins "))
      {
        g_assert_true (g_regex_match_simple (" 105 +0$", lines[i], 0, 0));
        wins_seen = TRUE;
      }
  g_assert_true (wins_seen);

  cli_run (&months, "show", "--months", seed, NULL);
  g_assert_cmpint (months.status, ==, 0);
  g_assert_nonnull (strstr (months.out, "Feb 27"));
  g_assert_nonnull (strstr (months.out, "Jan 28"));
  g_assert_null (strstr (months.out, "FY28 Q1  "));

  cli_run (&other, "show", mid, NULL);
  g_assert_cmpint (other.status, ==, 0);
  g_assert_nonnull (strstr (other.out, "€36,000,000.00"));
  g_assert_nonnull (strstr (other.out, "existing customers €6,000,000.00"));
}

static void
test_new_and_validate (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *mid = example ("mid-market.goalsheet");
  g_autofree char *seed_text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fresh.goalsheet", NULL);
  g_autofree char *expected = g_strconcat (path, ": valid\n", NULL);
  g_autoptr (JsonNode) named = NULL;
  g_auto (CliRun) plain = { 0 };
  g_auto (CliRun) with_name = { 0 };
  g_auto (CliRun) valid = { 0 };
  g_auto (CliRun) blank = { 0 };

  /* `new --example` prints the bundled seed plan, byte for byte. */
  cli_run (&plain, "new", "--example", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_file_get_contents (seed, &seed_text, NULL, NULL));
  g_assert_cmpstr (plain.out, ==, seed_text);

  cli_run (&with_name, "new", "--example", "Zoë & Partners \"GmbH\"", NULL);
  g_assert_cmpint (with_name.status, ==, 0);
  named = parse_ok (with_name.out);
  g_assert_cmpstr (string_at (named, "company.name"), ==, "Zoë & Partners \"GmbH\"");
  g_assert_true (g_file_set_contents (path, with_name.out, -1, NULL));
  cli_run (&valid, "validate", path, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_cmpstr (valid.out, ==, expected);

  cli_run (&blank, "new", "   ", NULL);
  g_assert_cmpint (blank.status, ==, 2);
  g_assert_cmpstr (blank.out, ==, "");

  for (guint i = 0; i < 2; i++)
    {
      g_auto (CliRun) run = { 0 };
      cli_run (&run, "validate", i ? mid : seed, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, ": valid"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Every verb the top-level help lists has its own --help, which succeeds. */
static void
test_help (void)
{
  g_auto (CliRun) top = { 0 };
  g_auto (GStrv) lines = NULL;
  gboolean in_verbs = FALSE;
  guint n_verbs = 0;

  cli_run (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  lines = g_strsplit (top.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) words = NULL;
      g_auto (CliRun) run = { 0 };
      if (g_str_equal (lines[i], "Verbs:"))
        {
          in_verbs = TRUE;
          continue;
        }
      if (!in_verbs || !g_str_has_prefix (lines[i], "  "))
        {
          in_verbs = in_verbs && lines[i][0] == ' ';
          continue;
        }
      words = g_strsplit_set (g_strstrip (lines[i]), " ", 2);
      cli_run (&run, words[0], "--help", NULL);
      if (run.status != 0 || strstr (run.out, "Usage:") == NULL)
        g_error ("goalsheet-cli %s --help: status %d, %s", words[0], run.status, run.out);
      n_verbs++;
    }
  g_assert_cmpuint (n_verbs, >=, 4);
  for (const char *v = "new\0validate\0show\0compute\0"; *v; v += strlen (v) + 1)
    g_assert_nonnull (strstr (top.out, v));
}

/* Exit status 2 for usage, 1 for I/O, and the message on stderr names the file. */
static void
test_exit_codes (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *bad
      = g_test_build_filename (G_TEST_DIST, "bad-inputs", "rate-above-one.goalsheet", NULL);
  g_autofree char *bad_prefix
      = g_strconcat (bad, ": funnel.steps[2].rate: 1.4 is not a rate between 0 and 1", NULL);
  struct
  {
    const char *args[4];
    int status;
    const char *err; /* substring of stderr */
  } cases[] = {
    { { NULL }, 2, "Usage:" },
    { { "frobnicate", NULL }, 2, "“frobnicate” is not a verb" },
    { { "show", NULL }, 2, "give one plan file" },
    { { "show", seed, seed, NULL }, 2, "give one plan file" },
    { { "compute", "--no-such-option", seed, NULL }, 2, "no-such-option" },
    { { "validate", NULL }, 2, "give one plan file" },
    { { "new", "a", "b", NULL }, 2, "at most one" },
    { { "compute", "/nonexistent/plan.goalsheet", NULL }, 1, "/nonexistent/plan.goalsheet: " },
    { { "show", "/nonexistent/plan.goalsheet", NULL }, 1, "/nonexistent/plan.goalsheet: " },
    { { "validate", bad, NULL }, 2, bad_prefix },
    { { "compute", bad, "--json", NULL }, 2, bad_prefix },
    { { "show", bad, NULL }, 2, bad_prefix },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (CliRun) run = { 0 };
      cli_run (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL);
      if (run.status != cases[i].status || strstr (run.err, cases[i].err) == NULL)
        g_error ("case %u (%s): status %d, stderr “%s”; expected %d and “%s”", i, cases[i].args[0],
                 run.status, run.err, cases[i].status, cases[i].err);
      if (cases[i].status != 0)
        g_assert_cmpstr (run.out, ==, "");
    }
}

/* A one-month plan in yen that reaches its target, without SDRs or
 * agreements: 1,200,000 a year, flat seasonality, one month = 100,000;
 * 100,000 ÷ 10,000 deal = 10 wins = 10 leads at a 100 % rate; 200 AEs ×
 * 600,000 ÷ 12 = 10,000,000 of capacity, so nothing is short. */
static void
test_show_minimal (void)
{
  const char *text
      = "{\"format\": \"goalsheet\", \"version\": \"1.0\", \"company\": {\"name\": \"Tiny\", "
        "\"currency\": \"JPY\", \"plan_start\": \"2027-01\", \"horizon_months\": 1, "
        "\"prior_year_bookings\": \"1000000\", \"target\": {\"mode\": \"absolute\", \"amount\": "
        "\"1200000\"}}, \"funnel\": {\"stages\": [{\"name\": \"Lead\"}, {\"name\": \"Won\"}], "
        "\"steps\": [{\"rate\": 1}], \"deal_size\": \"10000\"}, \"sources\": [{\"name\": "
        "\"Inbound\", \"share\": 1}], \"capacity\": {\"ae\": {\"start_headcount\": 200, "
        "\"quota\": \"600000\"}}}";
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tiny.goalsheet", NULL);
  g_autoptr (JsonNode) root = NULL;
  g_auto (CliRun) show = { 0 };
  g_auto (CliRun) compute = { 0 };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  cli_run (&show, "show", path, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Jan 27 to Jan 27 (1 month), JPY"));
  g_assert_nonnull (strstr (show.out, "Target    ¥100,000 (absolute target)"));
  g_assert_nonnull (strstr (show.out, "none needed: the plan reaches the target"));
  g_assert_nonnull (strstr (show.out, "nobody has signed yet"));

  cli_run (&compute, "compute", path, NULL);
  g_assert_cmpint (compute.status, ==, 0);
  root = parse_ok (compute.out);
  g_assert_cmpint (int_at (root, "targets.total.minor"), ==, 100000);
  g_assert_cmpstr (string_at (root, "targets.total.amount"), ==, "100000");
  g_assert_cmpint (needed_sum (root, 0, "won"), ==, 10);
  g_assert_cmpint (needed_sum (root, 0, "lead"), ==, 10);
  g_assert_cmpint (int_at (root, "capacity.ae_capacity[0].minor"), ==, 10000000);
  g_assert_cmpint (int_at (root, "plan.gap.minor"), ==, 0);
  /* No gap lever; the goals outside their range (test-capacity /levers/goals):
   * 100 % over-assignment and 1.7× coverage against 5×. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (gs_json_lookup (root, "levers"))),
                    ==, 2);
  g_assert_cmpstr (string_at (root, "levers[0].kind"), ==, "quota_assignment");
  g_assert_cmpstr (string_at (root, "levers[1].kind"), ==, "pipeline_coverage");
  check_lines (root);
  g_unlink (path);
  g_rmdir (dir);
}

/* Signed, then Lead→MQL 20 % → 22 %: show and validate say the sign-off is
 * for other inputs (validate still exits 0: the plan is valid); signed
 * again, neither says it. */
static void
test_signed_then_changed (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "signed.goalsheet", NULL);
  g_autofree char *changed_line = g_strconcat (
      path,
      ": changed since signed: VP Sales (Sam Ortiz, Nov 25, 2026) signed other inputs; "
      "sign again to agree to these\n",
      NULL);
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (seed, NULL);
  g_auto (CliRun) show = { 0 };
  g_auto (CliRun) valid = { 0 };
  g_auto (CliRun) show_again = { 0 };
  g_auto (CliRun) valid_again = { 0 };

  g_assert_nonnull (plan);
  g_assert_true (gs_meeting_sign (plan, "vp_sales", "Sam Ortiz", "2026-11-25", NULL));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.22, NULL));
  g_assert_true (gs_plan_save_to_file (plan, path, NULL));
  cli_run (&show, "show", path, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (
      strstr (show.out, "VP Sales: signed by Sam Ortiz on Nov 25, 2026 — changed since signed"));
  /* Dana's sign-off in the example carries no fingerprint: nothing to compare. */
  g_assert_nonnull (strstr (show.out, "VP Marketing: signed by Dana Whitfield on Nov 12, 2026\n"));
  cli_run (&valid, "validate", path, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_true (g_str_has_suffix (valid.out, changed_line));

  g_assert_true (gs_meeting_sign (plan, "vp_sales", "Sam Ortiz", "2026-11-26", NULL));
  g_assert_true (gs_plan_save_to_file (plan, path, NULL));
  cli_run (&show_again, "show", path, NULL);
  g_assert_null (strstr (show_again.out, "changed since signed"));
  cli_run (&valid_again, "validate", path, NULL);
  g_assert_null (strstr (valid_again.out, "changed since signed"));
  g_unlink (path);
  g_rmdir (dir);
}

/* `new NAME` from a target, as the window's New Plan from a Target: last
 * year's 2,000,000.00 + 30 % = a 2,600,000.00 target; no example's
 * signatures, definitions or scenarios. */
static void
test_new_from_target (void)
{
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "acme.goalsheet", NULL);
  g_autoptr (JsonNode) plan = NULL;
  g_auto (CliRun) run = { 0 };
  g_auto (CliRun) show = { 0 };
  static const char *const bad[][12] = {
    { "new", NULL },
    { "new", "Acme", NULL },
    { "new", "Acme", "--prior", "1000", "--deal-size", "10", NULL },
    { "new", "Acme", "--prior", "1000", "--growth", "5", "--target", "9", "--deal-size", "10",
      NULL },
    { "new", "Acme", "--prior", "zero", "--growth", "5", "--deal-size", "10", NULL },
    { "new", "Acme", "--prior", "1000", "--growth", "5", "--deal-size", "10", "--currency", "XYZ",
      NULL },
    { "new", "Acme", "--prior", "1000", "--growth", "5", "--deal-size", "10", "--start", "2027-13",
      NULL },
    { "new", "Acme", "--prior", "1000", "--growth", "5", "--deal-size", "10", "--motion", "b2c",
      NULL },
  };

  cli_run (&run, "new", "Acme Inc", "--prior", "2,000,000", "--growth", "30", "--deal-size",
           "25000", "--currency", "USD", "--start", "2027-02", "--fiscal-start", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_ok (run.out);
  g_assert_cmpstr (string_at (plan, "company.name"), ==, "Acme Inc");
  g_assert_cmpstr (string_at (plan, "company.currency"), ==, "USD");
  g_assert_cmpstr (string_at (plan, "company.plan_start"), ==, "2027-02");
  g_assert_cmpstr (string_at (plan, "company.prior_year_bookings"), ==, "2000000.00");
  g_assert_cmpstr (string_at (plan, "company.target.mode"), ==, "growth");
  g_assert_cmpstr (string_at (plan, "funnel.deal_size"), ==, "25000.00");
  g_assert_cmpstr (string_at (plan, "agreements.signoffs[0].name"), ==, "");
  g_assert_cmpstr (string_at (plan, "agreements.mql_definition"), ==, "");
  g_assert_null (strstr (run.out, "Dana Whitfield"));
  g_assert_null (strstr (run.out, "\"scenarios\""));
  g_assert_true (g_file_set_contents (path, run.out, -1, NULL));
  cli_run (&show, "show", path, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out,
                            "Target    $2,600,000.00 (prior-year bookings $2,000,000.00 + "
                            "30 % growth)"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto (CliRun) refused = { 0 };
      cli_run_argv (&refused, (const char *const *) bad[i]);
      g_assert_cmpint (refused.status, ==, 2);
      g_assert_cmpstr (refused.out, ==, "");
      g_assert_nonnull (strstr (refused.err, "goalsheet-cli new: "));
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Runs program with args in env (NULL: the test's), returning the exit
 * status with its output in *out and *err. */
static int
spawn (const char *const *argv, char **env, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* The verbs that draw or write workbooks are modules loaded on use
 * (src/cli/gs-cli-module.h): the executable itself loads neither cairo,
 * pango nor libxlsxwriter, and a copy of it without its modules prints
 * every other verb and says plainly which module is missing. */
static void
test_modules (void)
{
  const char *cli = g_getenv ("GOALSHEET_CLI");
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *dir = g_dir_make_tmp ("gs-cli-modules-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "goalsheet-cli", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *png = g_build_filename (dir, "funnel.png", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *out = NULL, *err = NULL;
  gsize len = 0;
  int status;

  /* What the dynamic loader maps at start (ldd's way: nothing runs). */
  {
    g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
    const char *argv[] = { cli, NULL };
    g_assert_cmpint (spawn (argv, env, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "libglib-2.0"));
    g_assert_null (strstr (out, "libcairo"));
    g_assert_null (strstr (out, "libpango"));
    g_assert_null (strstr (out, "libxlsxwriter"));
    /* Nor ICU, loaded by the first figure formatted (/cli/icu-on-use). */
    g_assert_null (strstr (out, "libicu"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  g_assert_nonnull (dir);
  g_assert_true (g_file_get_contents (cli, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (copy, bytes, (gssize) len, NULL));
  g_assert_cmpint (g_chmod (copy, 0755), ==, 0);
  {
    const char *argv[] = { copy, "payout", seed, NULL };
    g_assert_cmpint (spawn (argv, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "OTE"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { copy, "export", seed, "-o", xlsx, NULL };
    status = spawn (argv, NULL, &out, &err);
    if (status == 0)
      {
        /* Installed in the folder the build installs to: found there. */
        g_test_skip ("the modules are installed; a copy finds them");
        g_unlink (xlsx);
      }
    else
      {
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_nonnull (strstr (err, "goalsheet-cli: goalsheet-cli-workbook.so is missing: it "
                                       "belongs beside goalsheet-cli ("));
        g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
      }
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { copy, "chart", seed, "--kind", "funnel", "-o", png, NULL };
    status = spawn (argv, NULL, &out, &err);
    if (status != 0)
      {
        g_assert_cmpint (status, ==, 1);
        g_assert_nonnull (strstr (err, "goalsheet-cli-draw.so is missing"));
      }
    g_unlink (png);
  }
  g_unlink (copy);
  g_rmdir (dir);
}

/* ICU is loaded by the first figure a verb formats (gs-format.c), so the
 * executable does not map it at start (/cli/modules) and a verb that prints
 * JSON or nothing but a verdict never loads it; a verb that prints text does. */
static void
test_icu_on_use (void)
{
  const char *cli = g_getenv ("GOALSHEET_CLI");
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *deals = example ("crm/seed-saas-hubspot-deals.csv");
  g_autofree char *dir = g_dir_make_tmp ("gs-cli-icu-XXXXXX", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *bytes = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LD_DEBUG", "files", TRUE);
  g_autofree char *out = NULL, *err = NULL;
  gsize len = 0;

  /* A plan with actuals, for track and expense. */
  g_assert_nonnull (dir);
  g_assert_true (g_file_get_contents (seed, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (plan, bytes, (gssize) len, NULL));
  {
    const char *argv[] = { cli, "import", plan, "--deals", deals, NULL };
    g_assert_cmpint (spawn (argv, NULL, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *quiet[][7] = {
      { "validate", plan, NULL },
      { "track", "--json", "--as-of", "2027-08-15", plan, NULL },
      { "track", "--json", "--as-of", "2027-08-15", "-n", "200", plan },
      { "payout", "--json", plan, NULL },
      { "simulate", "--json", "-n", "200", plan, NULL },
      { "expense", "--json", plan, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
      {
        const char *argv[9] = { cli };
        for (guint j = 0; j < G_N_ELEMENTS (quiet[i]) && quiet[i][j]; j++)
          argv[j + 1] = quiet[i][j];
        g_test_message ("goalsheet-cli %s %s", quiet[i][0], quiet[i][1]);
        g_assert_cmpint (spawn (argv, env, &out, &err), ==, 0);
        g_assert_cmpuint (strlen (out), >, 2);
        /* The dynamic loader's trace names every file it loads. */
        g_assert_nonnull (strstr (err, "file=libglib-2.0"));
        g_assert_null (strstr (err, "libicu"));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
  {
    const char *texts[][6] = {
      { "show", plan, NULL },
      { "track", "--no-p-hit", "--as-of", "2027-08-15", plan, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        const char *argv[8] = { cli };
        for (guint j = 0; texts[i][j]; j++)
          argv[j + 1] = texts[i][j];
        g_assert_cmpint (spawn (argv, env, &out, &err), ==, 0);
        g_assert_nonnull (strstr (err, "file=libicui18n.so"));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
  g_unlink (plan);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/exit-codes", test_exit_codes);
  g_test_add_func ("/cli/new-and-validate", test_new_and_validate);
  g_test_add_func ("/cli/new-from-target", test_new_from_target);
  g_test_add_func ("/cli/compute-seed", test_compute_seed);
  g_test_add_func ("/cli/compute-mid-market", test_compute_mid_market);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/show-minimal", test_show_minimal);
  g_test_add_func ("/cli/signed-then-changed", test_signed_then_changed);
  g_test_add_func ("/cli/modules", test_modules);
  g_test_add_func ("/cli/icu-on-use", test_icu_on_use);
  return g_test_run ();
}
