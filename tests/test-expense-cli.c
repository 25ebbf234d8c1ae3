/* test-expense-cli.c — goalsheet-cli expense end to end: the hand-worked
 * lines of test-expense.c (tests/data/ledger/lines.csv) on the seed plan
 * with compensation.payment.lag_months 1 and a customer life of 36 months.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expense (test-expense.c): January 2,037.78 with 1,322.22 capitalised at
 * close; April 27.78 + 330.00 − 360.00 = −2.22, balance 888.88; 3,600.00 in
 * all.  Payments a month after: Ana earned 1,000.00 + 2,000.00 in January,
 * paid 3,000.00 in February; Ben's 360.00 paid in February, his −360.00
 * clawback in April carried: payable −360.00 from April on.
 */
#include "gs-json.h"
#include "test-cli-run.h"

#include <glib/gstdio.h>

static char *
lines_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ledger", "lines.csv", NULL);
}

/* The seed plan with the ledger's settings, written to a temporary folder. */
static char *
make_plan (const char *dir)
{
  g_autofree char *seed
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  char *path = g_build_filename (dir, "ledger.goalsheet", NULL);
  g_autofree char *out = NULL;
  g_assert_true (g_file_get_contents (seed, &text, NULL, &error));
  root = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_json_replace (root, "compensation.payment",
                                  gs_json_parse ("{\"lag_months\": 1}", -1, NULL), &error));
  g_assert_true (gs_json_replace (root, "compensation.expense",
                                  gs_json_parse ("{\"customer_life_months\": 36}", -1, NULL),
                                  &error));
  g_assert_no_error (error);
  out = gs_json_to_text (root);
  g_assert_true (g_file_set_contents (path, out, -1, &error));
  return path;
}

static gint64
minor (JsonObject *o, const char *member)
{
  return json_object_get_int_member (json_object_get_object_member (o, member), "minor");
}

static JsonObject *
at (JsonArray *a, guint i)
{
  return json_array_get_object_element (a, i);
}

static void
test_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-expense-XXXXXX", NULL);
  g_autofree char *plan = make_plan (dir);
  g_autofree char *lines = lines_path ();
  g_auto (CliRun) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *o, *x, *p;
  JsonArray *months, *ana, *ben, *deals;

  cli_run (&run, "expense", plan, "--lines", lines, "--json", "--deals", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = gs_json_parse (run.out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "goalsheet-expense");
  x = json_object_get_object_member (o, "expense");
  g_assert_cmpint (json_object_get_int_member (x, "customer_life_months"), ==, 36);
  g_assert_false (json_object_get_boolean_member (x, "expedient"));
  g_assert_cmpstr (json_object_get_string_member (x, "first_month"), ==, "2027-01");
  months = json_object_get_array_member (x, "months");
  g_assert_cmpuint (json_array_get_length (months), ==, 42);
  g_assert_cmpint (minor (at (months, 0), "expense"), ==, 203778);
  g_assert_cmpint (minor (at (months, 0), "balance_close"), ==, 132222);
  g_assert_cmpint (minor (at (months, 3), "expense"), ==, -222);
  g_assert_cmpint (minor (at (months, 3), "reversed"), ==, 33000);
  g_assert_cmpint (minor (at (months, 3), "balance_close"), ==, 88888);
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (at (months, 3), "balance_close"), "amount"),
                   ==, "888.88");
  deals = json_object_get_array_member (x, "deals");
  g_assert_cmpuint (json_array_get_length (deals), ==, 2);
  g_assert_cmpint (minor (at (deals, 0), "commission"), ==, 110000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (x, "rows")), ==, 6);
  p = json_object_get_object_member (o, "payments");
  g_assert_cmpint (json_object_get_int_member (p, "lag_months"), ==, 1);
  ana = json_object_get_array_member (at (json_object_get_array_member (p, "people"), 0), "months");
  ben = json_object_get_array_member (at (json_object_get_array_member (p, "people"), 1), "months");
  g_assert_cmpint (minor (at (ana, 0), "earned"), ==, 300000);
  g_assert_cmpint (minor (at (ana, 0), "paid"), ==, 0);
  g_assert_cmpint (minor (at (ana, 1), "paid"), ==, 300000);
  g_assert_cmpint (minor (at (ben, 1), "paid"), ==, 36000);
  g_assert_cmpint (minor (at (ben, 3), "payable"), ==, -36000);
  g_assert_cmpint (minor (at (ben, 7), "payable"), ==, -36000);
  g_assert_cmpuint (json_array_get_length (ben), ==, 8);
  g_assert_cmpint (g_unlink (plan), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The text: the rounding visible in a deal's schedule, the totals. */
static void
test_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-expense-XXXXXX", NULL);
  g_autofree char *plan = make_plan (dir);
  g_autofree char *lines = lines_path ();
  g_auto (CliRun) run = { 0 };
  cli_run (&run, "expense", plan, "--lines", lines, "--deals", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "amortised over a customer life of 36 months"));
  g_assert_nonnull (strstr (run.out, "Deal D2: commission 360.00, clawed back −360.00"));
  /* D1 in July 2027: 27.78 + the true-up's 2.78, balance 1,100.00 − 6 × 27.78
   * − 30.56 = 902.76; its last month, June 2030, the true-up's 2.77. */
  g_assert_nonnull (strstr (run.out, "2027-07           30.56         902.76"));
  g_assert_nonnull (strstr (run.out, "2030-06            2.77           0.00"));
  g_assert_nonnull (strstr (run.out, "3,600.00"));
  g_assert_nonnull (strstr (run.out, "Payments, 1 months after the month earned"));
  g_assert_cmpint (g_unlink (plan), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Runs expense on a lines file holding text; it must exit 2 with expected. */
static void
refuses (const char *seed, const char *path, const char *text, const char *expected)
{
  g_auto (CliRun) run = { 0 };
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  cli_run (&run, "expense", seed, "--lines", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, expected));
}

/* Usage errors exit 2, a file that cannot be read 1, a bad line 2 naming
 * the file, row and value. */
static void
test_errors (void)
{
  g_autofree char *seed
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-expense-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_auto (CliRun) run = { 0 };
  cli_run (&run, "expense", seed, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--lines"));
  cli_run (&run, "expense", seed, "--lines", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  refuses (seed, bad,
           "person,deal,month,amount,kind\nAna,D1,2027-01,10.00,commission\n"
           "Ana,D1,2027-13,10.00,commission\n",
           "bad.csv: row 3: month “2027-13” is not YYYY-MM");
  refuses (seed, bad, "person,month,amount,kind\nAna,2027-01,10.005,commission\n",
           "row 2: amount:");
  refuses (seed, bad, "person,month,amount,kind\nAna,2027-01,10.00,clawback\n",
           "must not be positive");
  refuses (seed, bad, "person,month,amount,kind\nAna,2027-01,10.00,bonus\n", "kind “bonus” is not");
  refuses (seed, bad, "person,deal,month,kind\n", "no column “amount”");
  g_assert_cmpint (g_unlink (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static char *
example_file (const char *a, const char *b)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", a, b, NULL);
}

/* The folder and the files the import saved next to the plan. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gint64
sum_months (JsonArray *months, const char *a, const char *b)
{
  gint64 sum = 0;
  for (guint k = 0; k < json_array_get_length (months); k++)
    sum += minor (at (months, k), a) + (b ? minor (at (months, k), b) : 0);
  return sum;
}

/* Without --lines the lines are the statements of every person from the
 * plan's actuals: on each bundled example with its CRM export, the
 * statements of every person over the four quarters add up to the expense
 * schedule's total and to what the payment schedule books, to the cent. */
static void
test_examples (gconstpointer data)
{
  const char *name = data;
  gboolean seed = g_str_has_prefix (name, "seed");
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-expense-XXXXXX", NULL);
  g_autofree char *file = g_strconcat (name, ".goalsheet", NULL);
  g_autofree char *example = example_file (file, NULL);
  g_autofree char *plan = g_build_filename (dir, file, NULL);
  g_autofree char *deals = example_file ("crm", seed ? "seed-saas-hubspot-deals.csv"
                                                     : "mid-market-salesforce-opportunities.csv");
  g_autofree char *splits = example_file ("crm", "seed-saas-hubspot-splits.csv");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL, saved = NULL;
  g_auto (CliRun) run = { 0 };
  JsonArray *people, *payers;
  gint64 statements = 0, expense, payments, paid;

  g_assert_true (g_file_get_contents (example, &text, NULL, &error));
  g_assert_true (g_file_set_contents (plan, text, -1, &error));
  cli_run (&run, "import", plan, "--deals", deals, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (seed)
    {
      cli_run (&run, "import", plan, "--splits", splits, NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (plan, &text, NULL, &error));
  saved = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  people = json_node_get_array (gs_json_lookup (saved, "actuals.people"));
  g_assert_cmpuint (json_array_get_length (people), >=, 4);
  for (guint p = 0; p < json_array_get_length (people); p++)
    {
      const char *who = json_object_get_string_member (at (people, p), "name");
      for (guint q = 1; q <= 4; q++)
        {
          /* The seed plan's fiscal year starts in February 2027: FY28. */
          g_autofree char *period = g_strdup_printf ("%s Q%u", seed ? "FY28" : "FY27", q);
          g_autoptr (JsonNode) s = NULL;
          gint64 v;
          cli_run (&run, "statement", plan, "--person", who, "--period", period, "--json", NULL);
          g_assert_cmpint (run.status, ==, 0);
          s = gs_json_parse (run.out, -1, &error);
          g_assert_no_error (error);
          g_assert_true (
              gs_money_parse (json_node_get_string (gs_json_lookup (s, "paid")), 2, &v, &error));
          statements += v;
        }
    }
  g_assert_cmpint (statements, >, 0);

  cli_run (&run, "expense", plan, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = gs_json_parse (run.out, -1, &error);
  g_assert_no_error (error);
  expense
      = sum_months (json_node_get_array (gs_json_lookup (root, "expense.months")), "expense", NULL);
  payments = sum_months (json_node_get_array (gs_json_lookup (root, "payments.total")), "earned",
                         "clawed_back");
  paid = sum_months (json_node_get_array (gs_json_lookup (root, "payments.total")), "paid", NULL);
  g_assert_cmpint (expense, ==, statements);
  g_assert_cmpint (payments, ==, statements);
  /* Every person's payments add up to the total's. */
  payers = json_node_get_array (gs_json_lookup (root, "payments.people"));
  {
    gint64 each = 0;
    for (guint p = 0; p < json_array_get_length (payers); p++)
      each += sum_months (json_object_get_array_member (at (payers, p), "months"), "paid", NULL);
    g_assert_cmpint (each, ==, paid);
  }
  g_test_message ("%s: statements %" G_GINT64_FORMAT " = expense = payments (minor units)", name,
                  statements);
  cli_run (&run, "expense", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Commission expense"));
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/expense-cli/json", test_json);
  g_test_add_func ("/expense-cli/text", test_text);
  g_test_add_func ("/expense-cli/errors", test_errors);
  g_test_add_data_func ("/expense-cli/examples/seed-saas", "seed-saas", test_examples);
  g_test_add_data_func ("/expense-cli/examples/mid-market", "mid-market", test_examples);
  return g_test_run ();
}
