/* test-statement-cli.c — goalsheet-cli statement and payout --deals on the
 * hand-worked year of test-statement.c (docs/statements.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI is found through $GOALSHEET_CLI (set by tests/meson.build).
 */
#include "config.h"
#include "test-cli-run.h"
#include "test-pay-util.h"

#include <glib/gstdio.h>

static char *dir, *plan_path;

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("output lacks “%s”:\n%s", needle, text);
}

static void
test_statement (void)
{
  g_auto (CliRun) run = { 0 };
  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "2027-03", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "Statement for Ann Lee (ae), 2027-03");
  assert_has (run.out, "Paid in the period: $28,000.00; year to date: $32,000.00");
  assert_has (run.out, "draw recovered");
  /* Q1: draws 2,000 + 2,000, then March's 28,000. */
  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "FY27 Q1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "D2           Feb 10, 2027   owner 100 %");
  assert_has (run.out, "D1           Jan 20, 2027   split 80 %");
  assert_has (run.out, "Paid in the period: $32,000.00; year to date: $32,000.00");
  cli_run (&run, "statement", plan_path, "--person", "ann", "--period", "FY27 Q2", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "\"paid\": \"7000.00\"");
  assert_has (run.out, "\"paid_year_to_date\": \"39000.00\"");
  assert_has (run.out, "\"kind\": \"true_up\"");
  assert_has (run.out, "\"amount\": \"20000.00\"");
  assert_has (run.out, "\"amount\": \"-31500.00\"");
  /* The note written on February's statement, open: shown again in March. */
  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "2027-03", NULL);
  assert_has (run.out, "Dispute notes (on this period, then open ones from earlier periods):");
  assert_has (run.out, "From 2027-02: Deal D2, credit — open — Ann Lee, Apr 2, 2027: “D2 was "
                       "250,000”");
  cli_run (&run, "statement", plan_path, "--person", "ann", "--period", "2027-03", "--json", NULL);
  assert_has (run.out, "\"line\": \"credit\"");
  assert_has (run.out, "\"text\": \"D2 was 250,000\"");
  assert_has (run.out, "\"earlier\": true");
  cli_run (&run, "statement", plan_path, "--person", "Zed", "--period", "2027-03", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "actuals.people: no person “Zed”");
  cli_run (&run, "statement", plan_path, "--person", "ann", "--period", "2027-13", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "“2027-13” is not a month (2027-03)");
}

/* The statement as a PDF, read back with pdftotext: every line of March's
 * statement and the year's trace, the footer's version, and page numbers. */
static void
test_statement_pdf (void)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *pdf = g_build_filename (dir, "ann.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
  int wait_status = 0;

  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "2027-03", "-o", pdf,
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "2027-03", "-o",
           "ann.txt", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "-o FILE.pdf");
  cli_run (&run, "statement", plan_path, "--person", "Ann Lee", "--period", "2027-03", "-o",
           "/nonexistent/ann.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext not found (install poppler-utils)");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait_status, ==, 0);
  assert_has (text, "Commission statement");
  assert_has (text, "Ann Lee · ");
  assert_has (text, "Paid in the period: $28,000.00; year to date: $32,000.00");
  /* March's lines: D1 8,000.00, D2 24,000.00 and the draw recovered. */
  assert_has (text, "8,000.00");
  assert_has (text, "24,000.00");
  assert_has (text, "−4,000.00");
  assert_has (text, "draw recovered");
  assert_has (text, "Measures against the annual quota");
  assert_has (text, "320,000.00");
  assert_has (text, "400,000.00");
  /* Every deal to the period with its trace, and the year's calculation. */
  assert_has (text, "Deals paid at the rates in force");
  assert_has (text, "D2: Own bookings +$240,000.00");
  assert_has (text, "The year's calculation");
  assert_has (text, "Variable pay for the year: 39,000.00");
  /* February's open dispute note, shown on March's statement. */
  assert_has (text, "Dispute notes (on this period, then open ones from earlier periods):");
  assert_has (text, "D2 was 250,000");
  assert_has (text, "by Goalsheet " PACKAGE_VERSION " · Ann Lee, 2027-03 · figures");
  assert_has (text, "statement · page 1 of");
  g_assert_cmpint (g_unlink (pdf), ==, 0);
}

/* The AE's deals in order: 80,000 (20 %) → 8,000.00; 240,000 (80 %) →
 * 24,000.00; 150,000 (117.5 %) → commission 18,500.00 and true-up 20,000.00. */
static void
test_payout_deals (void)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *csv = g_build_filename (dir, "deals.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "Deal,Date,Amount\nD1,2027-01-20,80000.00\n"
                                      "D2,2027-02-10,240000.00\nD3,2027-05-05,150000.00\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad, "id,amount,date\nD1,80000.00,2027-02-30\n", -1, NULL));
  cli_run (&run, "payout", plan_path, "--role", "ae", "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "D1 Jan 20, 2027: Own bookings +$80,000.00, year to date $80,000.00 (20 % "
                       "of quota): commission $8,000.00");
  assert_has (run.out, "commission $18,500.00, true-up $20,000.00 (earlier credit re-rated)");
  assert_has (run.out, "Total: $70,500.00");
  cli_run (&run, "payout", plan_path, "--role", "ae", "--deals", csv, "--json", NULL);
  assert_has (run.out, "\"true_up\": \"20000.00\"");
  assert_has (run.out, "\"total\": \"70500.00\"");
  cli_run (&run, "payout", plan_path, "--role", "ae", "--deals", bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "row 2, column “date”: “2027-02-30” is not a date YYYY-MM-DD");
}

/* Per-deal discount and SPIF columns on the role of /statement/spif-discount:
 * E1 100,000 at 15 % off → 10,000.00 × 0.9 = 9,000.00 and the multi-year and
 * partner SPIFs 750.00; E3 60,000 at 25 % off → 6,000.00 × 0.7 = 4,200.00;
 * total 13,950.00. */
static void
test_payout_deals_terms (void)
{
  g_auto (CliRun) run = { 0 };
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *plan = g_build_filename (dir, "spif.goalsheet", NULL);
  g_autofree char *csv = g_build_filename (dir, "terms.csv", NULL);
  g_autofree char *text = NULL;
  patch (tree, "compensation", pay_comp);
  patch (tree, "compensation.roles[0]", spif_role);
  patch (tree, "version", "\"1.3\"");
  text = gs_json_to_text (tree);
  g_assert_true (g_file_set_contents (plan, text, -1, NULL));
  g_assert_true (g_file_set_contents (csv,
                                      "id,amount,date,discount,spif\n"
                                      "E1,100000.00,2027-01-20,15%,multi-year; partner\n"
                                      "E3,60000.00,2027-03-05,0.25,\n",
                                      -1, NULL));
  cli_run (&run, "payout", plan, "--role", "ae", "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "commission $9,000.00 (15 % off list: $10,000.00 × 0.9 discount modifier)");
  assert_has (run.out, "SPIFs: $750.00");
  assert_has (run.out, "commission $4,200.00 (25 % off list: $6,000.00 × 0.7 discount modifier)");
  assert_has (run.out, "Total: $13,950.00");
  cli_run (&run, "payout", plan, "--role", "ae", "--deals", csv, "--json", NULL);
  assert_has (run.out, "\"multiplier\": 0.9");
  assert_has (run.out, "\"spif\": \"750.00\"");
  g_assert_true (
      g_file_set_contents (csv, "id,amount,date,spif\nE1,1.00,2027-01-20,nope\n", -1, NULL));
  cli_run (&run, "payout", plan, "--role", "ae", "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "row 2, column “spif”: “nope” is not a SPIF of the role");
  g_remove (csv);
  g_remove (plan);
}

int
main (int argc, char **argv)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *actuals
      = g_strdup_printf ("{\"people\": %s, \"deals\": %s}", pay_people, pay_year_deals);
  g_autofree char *text = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  patch (tree, "version", "\"1.1\"");
  patch (tree, "compensation", pay_comp);
  patch (tree, "compensation.roles[0]", pay_ae_role);
  patch (tree, "actuals", actuals);
  patch (tree, "version", "\"1.2\"");
  patch (tree, "actuals.disputes",
         "[{\"person\": \"ann\", \"period\": \"2027-02\", \"deal\": \"D2\", \"line\": "
         "\"credit\", \"text\": \"D2 was 250,000\", \"date\": \"2027-04-02\"}]");
  text = gs_json_to_text (tree);
  dir = g_dir_make_tmp ("goalsheet-statement-XXXXXX", NULL);
  plan_path = g_build_filename (dir, "pay.goalsheet", NULL);
  g_assert_true (g_file_set_contents (plan_path, text, -1, NULL));
  g_test_add_func ("/statement-cli/statement", test_statement);
  g_test_add_func ("/statement-cli/statement-pdf", test_statement_pdf);
  g_test_add_func ("/statement-cli/payout-deals", test_payout_deals);
  g_test_add_func ("/statement-cli/payout-deals-terms", test_payout_deals_terms);
  status = g_test_run ();
  {
    g_autofree char *csv = g_build_filename (dir, "deals.csv", NULL);
    g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
    g_remove (csv);
    g_remove (bad);
    g_remove (plan_path);
    g_rmdir (dir);
  }
  g_free (plan_path);
  g_free (dir);
  return status;
}
