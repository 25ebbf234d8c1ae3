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
#include "gs-plan.h"
#include "gs-statement.h"
#include "test-cli-run.h"
#include "test-util.h"

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
  g_assert_nonnull (strstr (run.out, "Deal D2: commission $360.00, clawed back −$360.00"));
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

/* Each line of a year by deal: what its commission, true-up and clawback
 * lines add up to, and whether it has a clawback line. */
typedef struct
{
  GHashTable *net, *clawed; /* deal id → GsMoney*, deal id → itself */
} DealNet;

static void
add_to_net (const GsCommissionLine *l, gpointer data)
{
  DealNet *n = data;
  GsMoney *v;
  if (l->deal == NULL
      || (l->kind != GS_PAY_COMMISSION && l->kind != GS_PAY_TRUE_UP && l->kind != GS_PAY_CLAWBACK))
    return;
  if ((v = g_hash_table_lookup (n->net, l->deal)) == NULL)
    {
      v = g_new0 (GsMoney, 1);
      g_hash_table_insert (n->net, (gpointer) l->deal, v);
    }
  *v += l->amount;
  if (l->kind == GS_PAY_CLAWBACK)
    g_hash_table_add (n->clawed, (gpointer) l->deal);
}

/* Every deal clawed back in the year nets to 0.00: the clawback takes back
 * exactly what it was paid (docs/statements.md).  Returns how many. */
static guint
assert_clawed_back_net_zero (const GsPayYear *year)
{
  DealNet n = { g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free),
                g_hash_table_new (g_str_hash, g_str_equal) };
  GHashTableIter it;
  gpointer deal;
  guint count = 0;
  gs_pay_year_foreach_line (year, add_to_net, &n);
  g_hash_table_iter_init (&it, n.clawed);
  while (g_hash_table_iter_next (&it, &deal, NULL))
    {
      const GsMoney *v = g_hash_table_lookup (n.net, deal);
      g_test_message ("deal %s clawed back, nets %" G_GINT64_FORMAT, (const char *) deal, *v);
      g_assert_cmpint (*v, ==, 0);
      count++;
    }
  g_hash_table_unref (n.net);
  g_hash_table_unref (n.clawed);
  return count;
}

static gint64
sum_months (JsonArray *months, const char *a, const char *b)
{
  gint64 sum = 0;
  for (guint k = 0; k < json_array_get_length (months); k++)
    sum += minor (at (months, k), a) + (b ? minor (at (months, k), b) : 0);
  return sum;
}

/* Month by month, per person and in total: payable at close = payable at
 * open + earned + clawed back − paid, nothing paid is negative, and paid +
 * the last payable = earned + clawed back (docs/ledger.md). */
static void
assert_payments_reconcile (JsonArray *months)
{
  gint64 open = 0, paid = 0, due = 0;
  for (guint k = 0; k < json_array_get_length (months); k++)
    {
      JsonObject *mo = at (months, k);
      gint64 close = minor (mo, "payable");
      g_assert_cmpint (minor (mo, "paid"), >=, 0);
      g_assert_cmpint (
          close, ==, open + minor (mo, "earned") + minor (mo, "clawed_back") - minor (mo, "paid"));
      paid += minor (mo, "paid");
      due += minor (mo, "earned") + minor (mo, "clawed_back");
      open = close;
    }
  g_assert_cmpint (paid + open, ==, due);
}

/* "2027-05" as a comp month of the plan starting on start (may be outside
 * 0..11 once the payment lag runs past the year). */
static int
comp_month (const GDate *start, const char *text)
{
  int y = 0, mo = 0;
  g_assert_cmpint (sscanf (text, "%d-%d", &y, &mo), ==, 2);
  return (y - (int) g_date_get_year (start)) * 12 + mo - (int) g_date_get_month (start);
}

/* Σ the amounts of a statement's lines in its period of one kind. */
static gint64
lines_of_kind (JsonNode *statement, const char *kind)
{
  JsonArray *lines = json_node_get_array (gs_json_lookup (statement, "lines"));
  gint64 sum = 0, v;
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *l = at (lines, i);
      if (json_object_get_boolean_member (l, "in_period")
          && g_strcmp0 (json_object_get_string_member (l, "kind"), kind) == 0)
        {
          g_assert_true (gs_money_parse (json_object_get_string_member (l, "amount"), 2, &v, NULL));
          sum += v;
        }
    }
  return sum;
}

/* Tom Becker's FY28 Q1 on the seed example, by hand (AE: own bookings 70 %
 * of an 80,000.00 target incentive = 56,000.00 on a 520,000.00 quota,
 * marginal at 1 up to quota, quarterly, year to date; discount bands
 * 0–10 % × 1, 10–20 % × 0.9, from 20 % × 0.7; the multi-year SPIF, 1,000.00
 * for a deal of 24 months or more won 1 Feb – 30 Apr 2027; a 2,000.00
 * recoverable draw for 3 months).  His credit in order, the year to date's
 * commission (ytd ÷ 520,000 × 56,000, to the cent) and what each deal adds:
 *   9019  25,000 (15 % off, 12 months)    25,000 →  2,692.31: +2,692.31 × 0.9 = 2,423.08
 *   9049  25,000 (18 % off, 12 months)    50,000 →  5,384.62: +2,692.31 × 0.9 = 2,423.08
 *   9007  42,000 (30 % off, 24 months)    92,000 →  9,907.69: +4,523.07 × 0.7 = 3,166.15
 *   9059  25,000 (30 % off, 36 months)   117,000 → 12,600.00: +2,692.31 × 0.7 = 1,884.62
 *   9006   2,250 (10 % overlay, 18 % off) 119,250 → 12,842.31:   +242.31 × 0.9 =   218.08
 *   9033   6,200 (20 % split, 15 % off)  125,450 → 13,510.00:   +667.69 × 0.9 =   600.92
 * Commission 10,715.93 (13,510.00 before the discount modifier), paid with
 * Q1 in April.  SPIFs: 9007 (24 months, 3 Apr) and 9059 (36 months, 5 Apr),
 * 2 × 1,000.00 = 2,000.00 (9019 and 9049 are 12-month deals; the overlay
 * earns none).  Draw: February and March 2,000.00 each, recovered in April
 * −4,000.00.  The quarter pays 10,715.93 + 2,000.00 + 4,000.00 − 4,000.00
 * = 12,715.93. */
static void
assert_tom_becker_q1 (const char *plan)
{
  g_auto (CliRun) run = { 0 };
  g_autoptr (JsonNode) s = NULL;
  g_autoptr (GError) error = NULL;
  cli_run (&run, "statement", plan, "--person", "Tom Becker", "--period", "FY28 Q1", "--json",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  s = gs_json_parse (run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lines_of_kind (s, "commission"), ==, 1071593);
  g_assert_cmpint (lines_of_kind (s, "true_up"), ==, 0);
  g_assert_cmpint (lines_of_kind (s, "spif"), ==, 200000);
  g_assert_cmpint (lines_of_kind (s, "draw"), ==, 400000);
  g_assert_cmpint (lines_of_kind (s, "draw_recovery"), ==, -400000);
  g_assert_cmpstr (json_node_get_string (gs_json_lookup (s, "paid")), ==, "12715.93");
}

/* Without --lines the lines are the statements of every person from the
 * plan's actuals.  On each bundled example with its CRM export (deals with
 * discounts, terms, deal types and, in mid-market, the SPIF the CRM flags):
 * the statements of every person over the four quarters add up to the
 * person's year, summed by role to the engine's role totals
 * (gs_pay_company) and over roles to the company total, which is the
 * expense schedule's total and what the payment schedule books, to the
 * cent; month by month the payment schedule's earned and clawed back are
 * the company's lines of the month, and paid and payable reconcile per
 * person and in total.  The examples pay SPIFs, discount modifiers and draw
 * recoveries, and the seed a clawback; every deal clawed back nets to 0.00. */
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
  g_autofree gint64 *role_sum = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GsPlan) saved = NULL;
  g_autoptr (GsPayCompany) company = NULL;
  g_auto (CliRun) run = { 0 };
  const GsModel *m;
  const GsCompModel *comp;
  JsonArray *payers, *total;
  gint64 statements = 0, roles = 0, expense, payments, paid;
  guint spifs = 0, discounted = 0, clawbacks = 0, recoveries = 0, clawed_deals = 0;

  g_assert_true (g_file_get_contents (example, &text, NULL, &error));
  g_assert_true (g_file_set_contents (plan, text, -1, &error));
  cli_run (&run, "import", plan, "--deals", deals, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 refused"));
  if (seed)
    {
      cli_run (&run, "import", plan, "--splits", splits, NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
  saved = gs_plan_new_from_file (plan, &error);
  g_assert_no_error (error);
  m = gs_plan_get_model (saved);
  comp = gs_plan_get_comp (saved, &error);
  g_assert_no_error (error);
  company = gs_pay_company (m, comp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->actuals->n_people, >=, 4);
  role_sum = g_new0 (gint64, comp->n_roles);
  for (guint p = 0; p < m->actuals->n_people; p++)
    {
      const char *who = m->actuals->people[p].name;
      const GsPayYear *year = g_ptr_array_index (company->years, p);
      gint64 person = 0;
      int role = -1;
      for (guint q = 1; q <= 4; q++)
        {
          /* The seed plan's fiscal year starts in February 2027: FY28. */
          g_autofree char *period = g_strdup_printf ("%s Q%u", seed ? "FY28" : "FY27", q);
          g_autoptr (JsonNode) s = NULL;
          const char *role_id;
          gint64 v;
          cli_run (&run, "statement", plan, "--person", who, "--period", period, "--json", NULL);
          g_assert_cmpint (run.status, ==, 0);
          s = gs_json_parse (run.out, -1, &error);
          g_assert_no_error (error);
          g_assert_true (
              gs_money_parse (json_node_get_string (gs_json_lookup (s, "paid")), 2, &v, &error));
          role_id = json_node_get_string (gs_json_lookup (s, "role"));
          for (guint r = 0; r < comp->n_roles; r++)
            if (g_strcmp0 (comp->roles[r].id, role_id) == 0)
              role = (int) r;
          g_assert_cmpint (role, >=, 0);
          g_assert_true (year->role == &comp->roles[role]);
          person += v;
        }
      g_assert_cmpint (person, ==, year->total);
      role_sum[role] += person;
      statements += person;
      spifs += year->by_kind[GS_PAY_SPIF] != 0;
      clawbacks += year->by_kind[GS_PAY_CLAWBACK] != 0;
      clawed_deals += assert_clawed_back_net_zero (year);
      recoveries += year->by_kind[GS_PAY_DRAW_RECOVERY] != 0;
      for (guint i = 0; i < year->deals->len; i++)
        {
          const GsDealPay *d = &g_array_index (year->deals, GsDealPay, i);
          discounted += d->multiplier < 1 && d->commission != 0;
        }
    }
  g_assert_cmpint (statements, >, 0);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      g_assert_cmpint (role_sum[r], ==, company->role_total[r]);
      roles += company->role_total[r];
    }
  g_assert_cmpint (roles, ==, company->total);
  g_assert_cmpint (statements, ==, company->total);
  g_test_message ("%s: %u people paid a SPIF, %u deals paid at a discount multiplier, %u people "
                  "clawed back, %u with a draw recovered",
                  name, spifs, discounted, clawbacks, recoveries);
  g_assert_cmpuint (spifs, >, 0);
  g_assert_cmpuint (discounted, >, 0);
  g_assert_cmpuint (recoveries, >, 0);
  if (seed)
    {
      g_assert_cmpuint (clawbacks, >, 0);
      g_assert_cmpuint (clawed_deals, >, 0);
      assert_tom_becker_q1 (plan);
    }

  cli_run (&run, "expense", plan, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = gs_json_parse (run.out, -1, &error);
  g_assert_no_error (error);
  expense
      = sum_months (json_node_get_array (gs_json_lookup (root, "expense.months")), "expense", NULL);
  total = json_node_get_array (gs_json_lookup (root, "payments.total"));
  payments = sum_months (total, "earned", "clawed_back");
  paid = sum_months (total, "paid", NULL);
  g_assert_cmpint (expense, ==, statements);
  g_assert_cmpint (payments, ==, statements);
  /* The plan pays in the month earned (no lag): each month's earned and
   * clawed back are the company's lines of that month. */
  g_assert_cmpint (json_node_get_int (gs_json_lookup (root, "payments.lag_months")), ==, 0);
  for (guint k = 0; k < json_array_get_length (total); k++)
    {
      JsonObject *mo = at (total, k);
      int c = comp_month (&comp->start, json_object_get_string_member (mo, "month"));
      g_assert_cmpint (c, >=, 0);
      g_assert_cmpint (c, <, GS_COMP_MONTHS);
      g_assert_cmpint (minor (mo, "earned") + minor (mo, "clawed_back"), ==, company->month[c]);
    }
  assert_payments_reconcile (total);
  /* Every person's payments reconcile and add up to the total's. */
  payers = json_node_get_array (gs_json_lookup (root, "payments.people"));
  {
    gint64 each = 0;
    for (guint p = 0; p < json_array_get_length (payers); p++)
      {
        JsonArray *months = json_object_get_array_member (at (payers, p), "months");
        assert_payments_reconcile (months);
        each += sum_months (months, "paid", NULL);
      }
    g_assert_cmpint (each, ==, paid);
  }
  g_test_message ("%s: statements %" G_GINT64_FORMAT " = roles = company = expense = payments "
                  "(minor units)",
                  name, statements);
  cli_run (&run, "expense", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Commission expense"));
  g_clear_object (&saved);
  test_remove_dir (dir);
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
