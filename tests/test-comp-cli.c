/* test-comp-cli.c — goalsheet-cli payout reproduces the hand-worked cases of
 * test-comp-table.c and docs/compensation.md.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI is found through $GOALSHEET_CLI (set by tests/meson.build).
 */
#include "test-util.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

/* Roles, all with OTE 100,000.00 at pay mix 50 % (TI 50,000.00) and own
 * bookings quota 500,000.00 unless said otherwise:
 *  flat      flat rate 1
 *  marginal  1 to 100 %, 1.5 to 150 %, 2 above
 *  tiers     flat 1, ×1.5 above 100 %, ×2 above 125 %
 *  retro     flat 1, ×0.5 below 50 %, retroactive
 *  comm      commission on the amount: 1 % to 1,000, 2 % to 1,500, 3 % above
 *  team      three people with quotas 600,000 / 400,000 / 500,000, 10 % commission
 *  extras    rate 1 to 100 %, 2 above; discount modifier × 0.9 from 10 % off, × 0.7 from
 *            20 %; clawback 90 days; SPIF 500.00 per multi-year deal, Feb–Apr 2027 */
static const char *comp_json
    = "{\"roles\": ["
      "{\"id\": \"flat\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}}]},"
      "{\"id\": \"marginal\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1,"
      " \"rate\": 1}, {\"from\": 1, \"to\": 1.5, \"rate\": 1.5}, {\"from\": 1.5, \"rate\": 2}]}}]},"
      "{\"id\": \"tiers\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"accelerators\": [{\"above\":"
      " 1, \"multiplier\": 1.5}, {\"above\": 1.25, \"multiplier\": 2}]}]},"
      "{\"id\": \"retro\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"decelerator\": {\"below\":"
      " 0.5, \"multiplier\": 0.5, \"retroactive\": true}}]},"
      "{\"id\": \"comm\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"2000.00\", \"table\": {\"type\": \"marginal\", \"basis\": \"amount\", \"bands\": ["
      "{\"from\": \"0.00\", \"to\": \"1000.00\", \"rate\": 0.01}, {\"from\": \"1000.00\", \"to\":"
      " \"1500.00\", \"rate\": 0.02}, {\"from\": \"1500.00\", \"rate\": 0.03}]}}]},"
      "{\"id\": \"team\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"people\": [{\"name\": \"Ana\", \"quota\": \"600000.00\"}, {\"name\": \"Ben\", \"quota\":"
      " \"400000.00\"}, {\"name\": \"Cy\"}],"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"flat\", \"basis\": \"amount\", \"rate\": 0.1}}]},"
      "{\"id\": \"extras\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"c\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\":"
      " \"500000.00\", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1,"
      " \"rate\": 1}, {\"from\": 1, \"rate\": 2}]}, \"discount_modifier\": [{\"from\": 0, \"to\":"
      " 0.1, \"multiplier\": 1}, {\"from\": 0.1, \"to\": 0.2, \"multiplier\": 0.9}, {\"from\": 0.2,"
      " \"multiplier\": 0.7}]}], \"clawback\": {\"days\": 90}, \"spifs\": [{\"id\":"
      " \"multi-year\", \"amount\": \"500.00\", \"from\": \"2027-02-01\", \"to\":"
      " \"2027-04-30\"}]}"
      "]}";

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *plan_path;

static void
run_cli (Run *run, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("GOALSHEET_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "payout");
  g_ptr_array_add (argv, plan_path);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("output lacks “%s”:\n%s", needle, text);
}

static void
test_attainment (void)
{
  static const struct
  {
    const char *role, *attainment, *expected;
  } cases[] = {
    /* 400,000 ÷ 500,000 × 50,000 × 1 */
    { "flat", "0.8", "Variable pay for the year: 40,000.00" },
    /* 50,000 + 37,500 + 10,000 */
    { "marginal", "1.6", "250,000.00 ÷ 500,000.00 × 50,000.00 × 1.5 = 37,500.00" },
    { "marginal", "1.6", "Variable pay for the year: 97,500.00" },
    /* 50,000 + 18,750 + 15,000 */
    { "tiers", "1.4", "Variable pay for the year: 83,750.00" },
    /* below 50 %: all at half; exactly 50 % re-rates it all */
    { "retro", "0.4", "× 0.5 decelerator = 10,000.00" },
    { "retro", "0.5", "Variable pay for the year: 25,000.00" },
    { "retro", "0.8", "Variable pay for the year: 40,000.00" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };
      run_cli (&run, "--role", cases[i].role, "--attainment", cases[i].attainment, NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_has (run.out, cases[i].expected);
    }
}

static void
test_amount (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) team = { 0 };
  /* 1,000.00 × 1 % = 10.00; 500.00 × 2 % = 10.00; 500.00 × 3 % = 15.00 */
  run_cli (&run, "--role", "comm", "--amount", "2000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "1,000.00 × 1 % = 10.00");
  assert_has (run.out, "500.00 × 2 % = 10.00");
  assert_has (run.out, "500.00 × 3 % = 15.00");
  assert_has (run.out, "Variable pay for the year: 35.00");
  /* 1,500,000.01 split 600 : 400 : 500 by largest remainder: Ana gets the cent. */
  run_cli (&team, "--role", "team", "--amount", "1500000.01", "--json", NULL);
  g_assert_cmpint (team.status, ==, 0);
  {
    g_autoptr (JsonNode) root = gs_json_parse (team.out, -1, NULL);
    g_assert_nonnull (root);
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "total")), ==, "150000.00");
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "people[0].components[0].actual")),
                     ==, "600000.01");
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "people[0].total")), ==,
                     "60000.00");
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "people[1].total")), ==,
                     "40000.00");
  }
}

static void
test_extras (void)
{
  g_auto (Run) claw = { 0 };
  g_auto (Run) spif = { 0 };
  g_auto (Run) disc = { 0 };
  g_auto (Run) bad = { 0 };
  /* 550,000: 50,000 + 50,000 ÷ 500,000 × 50,000 × 2 = 60,000; a 25,000 deal
   * refunded after 30 days leaves 525,000 → 55,000: −5,000.00; after 120 days it is kept. */
  run_cli (&claw, "--role", "extras", "--amount", "550000", "--refund", "25000:30", "--refund",
           "25000:120", NULL);
  g_assert_cmpint (claw.status, ==, 0);
  assert_has (claw.out, "without the deal 55,000.00 − with it 60,000.00 = −5,000.00");
  assert_has (claw.out, "Variable pay for the year: 55,000.00");
  /* 3 × 500.00 on 15 March = 1,500.00; 2 May is outside the dates: 50,000 + 1,500 */
  run_cli (&spif, "--role", "extras", "--attainment", "1", "--spif", "multi-year:2027-03-15:3",
           "--spif", "multi-year:2027-05-02:2", NULL);
  g_assert_cmpint (spif.status, ==, 0);
  assert_has (spif.out, "3 × 500.00 on 2027-03-15 = 1,500.00");
  assert_has (spif.out, "Variable pay for the year: 51,500.00");
  /* 15 % off list: 50,000 × 0.9 = 45,000.00 */
  run_cli (&disc, "--role", "extras", "--attainment", "1", "--discount", "0.15", NULL);
  g_assert_cmpint (disc.status, ==, 0);
  assert_has (disc.out, "× 0.9 discount modifier = 45,000.00");
  run_cli (&bad, "--role", "extras", "--spif", "nope:2027-03-01", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  assert_has (bad.err, "--spif “nope:2027-03-01”");
}

static void
test_curve (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) json = { 0 };
  run_cli (&run, "--role", "marginal", "--curve", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* 200 %: 50,000 + 37,500 + 250,000 ÷ 500,000 × 50,000 × 2 = 50,000 → 137,500.00 */
  assert_has (run.out, "200 %");
  assert_has (run.out, "137,500.00");
  run_cli (&json, "--role", "marginal", "--curve", "--step", "0.5", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  {
    g_autoptr (JsonNode) root = gs_json_parse (json.out, -1, NULL);
    g_assert_nonnull (root);
    /* 0, 50, 100, 150, 200 %: 0; 25,000; 50,000; 87,500; 137,500 */
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "curve[1].earned")), ==,
                     "25000.00");
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "curve[3].earned")), ==,
                     "87500.00");
    g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "curve[4].earned")), ==,
                     "137500.00");
  }
}

static void
test_usage (void)
{
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  run_cli (&a, "--role", "nobody", "--attainment", "1", NULL);
  g_assert_cmpint (a.status, ==, 2);
  assert_has (a.err, "no role “nobody”");
  run_cli (&b, "--attainment", "1", NULL);
  g_assert_cmpint (b.status, ==, 2);
  run_cli (&c, NULL);
  g_assert_cmpint (c.status, ==, 0);
  assert_has (c.out, "cost of sales");
}

static void
test_examples (void)
{
  const char *names[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *saved = plan_path;
      g_auto (Run) run = { 0 };
      plan_path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", names[i], NULL);
      run_cli (&run, NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_has (run.out, "SHARED");
      g_free (plan_path);
      plan_path = g_steal_pointer (&saved);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (JsonNode) tree = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tree = tiny_tree ();
  patch (tree, "compensation", comp_json);
  text = gs_json_to_text (tree);
  dir = g_dir_make_tmp ("goalsheet-comp-XXXXXX", NULL);
  g_assert_nonnull (dir);
  plan_path = g_build_filename (dir, "comp.goalsheet", NULL);
  g_assert_true (g_file_set_contents (plan_path, text, -1, NULL));

  g_test_add_func ("/comp-cli/attainment", test_attainment);
  g_test_add_func ("/comp-cli/amount", test_amount);
  g_test_add_func ("/comp-cli/extras", test_extras);
  g_test_add_func ("/comp-cli/curve", test_curve);
  g_test_add_func ("/comp-cli/usage", test_usage);
  g_test_add_func ("/comp-cli/examples", test_examples);
  status = g_test_run ();
  g_unlink (plan_path);
  g_rmdir (dir);
  g_free (plan_path);
  return status;
}
