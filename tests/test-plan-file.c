/* test-plan-file.c — the .goalsheet file: canonical examples, unknown fields
 * kept where they were, money exact to the minor unit through save and load,
 * and every plan of the bad-input catalogue refused by the engine itself (so
 * the sanitizer build sees each one).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

#include <glib/gstdio.h>

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* The bundled examples are stored exactly as the engine writes them, so
 * opening and saving one never shows a change. */
static void
test_examples_canonical (void)
{
  const char *names[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = example_path (names[i]);
      g_autofree char *text = NULL, *written = NULL, *again = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPlan) plan = NULL, reloaded = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      plan = gs_plan_new_from_text (text, -1, &error);
      g_assert_no_error (error);
      written = gs_plan_to_text (plan);
      g_assert_cmpstr (written, ==, text);
      reloaded = gs_plan_new_from_text (written, -1, &error);
      g_assert_no_error (error);
      again = gs_plan_to_text (reloaded);
      g_assert_cmpstr (again, ==, written);
    }
}

/* Fields this version does not know, at several depths, come back in the
 * same place with the same values (a newer minor version's additions). */
static void
test_unknown_fields_kept (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL, loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "unknown.goalsheet", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *text = NULL, *first = NULL, *second = NULL;

  patch (tree, "x_future", "{\"nested\": [1, 2.5, \"three\", {\"deep\": null}], \"flag\": true}");
  patch (tree, "company.x_region", "\"EMEA\"");
  /* Escapes are decoded once and written back as UTF-8 that reads the same. */
  patch (tree, "company.x_motto", "\"Grüße \\ud83d\\ude00\\t\\\"q\\\" \\/ \\u00e9\"");
  patch (tree, "sources[0].x_utm", "[\"cpc\", \"newsletter\"]");
  patch (tree, "funnel.steps[1].x_note", "\"MQL to win, measured 2026\"");
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_cmpstr (first, ==, text); /* lossless: the same bytes as the tree we built */

  loaded = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (loaded, "company.x_region")), ==, "EMEA");
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (loaded, "company.x_motto")), ==,
                   "Grüße \xf0\x9f\x98\x80\t\"q\" / é");
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (loaded, "x_future.nested[1]")), ==, 2.5);
  g_assert_true (JSON_NODE_HOLDS_NULL (gs_plan_lookup (loaded, "x_future.nested[3].deep")));
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (loaded, "sources[0].x_utm[1]")), ==,
                   "newsletter");
  /* An edit elsewhere keeps them too. */
  g_assert_true (gs_plan_set_string (loaded, "company.name", "Tiny Renamed", &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_save_to_file (loaded, path, &error));
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_nonnull (strstr (second, "\"x_note\": \"MQL to win, measured 2026\""));
  g_assert_nonnull (strstr (second, "\"x_region\": \"EMEA\""));

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

/* Amounts written as text in the file come back to the exact minor unit,
 * however often the plan is saved and loaded, in currencies with 0, 2 and 3
 * minor-unit digits, up to the ±10^15 limit. */
static void
test_money_no_drift (void)
{
  static const struct
  {
    const char *currency;
    const char *text; /* as written in the file */
    gint64 minor;     /* what it means: worked out by hand */
  } cases[] = {
    { "USD", "0.01", 1 },
    { "USD", "0.10", 10 },
    { "USD", "0.29", 29 }, /* 0.29 is 0.28999… as a double: the classic lost cent */
    { "USD", "1234567.89", 123456789 },
    { "USD", "25000.00", 2500000 },
    { "USD", "9999999999999.99", G_GINT64_CONSTANT (999999999999999) },
    { "USD", "10000000000000.00", G_GINT64_CONSTANT (1000000000000000) }, /* exactly the limit */
    { "EUR", "60000.00", 6000000 },
    { "JPY", "2500001", 2500001 },  /* no minor unit */
    { "KWD", "1234.567", 1234567 }, /* three digits */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) tree = tiny_tree ();
      g_autoptr (GError) error = NULL;
      g_autofree char *currency = g_strdup_printf ("\"%s\"", cases[i].currency);
      g_autofree char *amount = g_strdup_printf ("\"%s\"", cases[i].text);
      g_autofree char *text = NULL;
      g_autoptr (GsPlan) plan = NULL;

      patch (tree, "company.currency", currency);
      /* The other amounts as whole JSON numbers (major units), valid in
       * every currency whatever its digits. */
      patch (tree, "company.target.amount", "1200000");
      patch (tree, "funnel.deal_size", "10000");
      patch (tree, "sources[0].cost_per_lead", "20");
      patch (tree, "company.prior_year_bookings", amount);
      patch (tree, "capacity.ae.quota", amount);
      text = gs_json_to_text (tree);
      plan = gs_plan_new_from_text (text, -1, &error);
      g_assert_no_error (error);
      for (guint round = 0; round < 5; round++)
        {
          g_autofree char *saved = gs_plan_to_text (plan);
          g_autoptr (GsPlan) next = gs_plan_new_from_text (saved, -1, &error);
          const GsModel *m;
          g_assert_no_error (error);
          m = gs_plan_get_model (next);
          g_assert_cmpint (m->company.prior_bookings, ==, cases[i].minor);
          g_assert_cmpint (m->ae.quota, ==, cases[i].minor);
          g_assert_nonnull (strstr (saved, amount)); /* written back as the same text */
          g_set_object (&plan, next);
        }
      /* Set through the API and saved: the same exact amount. */
      g_assert_true (gs_plan_set_money (plan, "funnel.deal_size", cases[i].minor / 2 + 1, &error));
      g_assert_no_error (error);
      {
        g_autofree char *saved = gs_plan_to_text (plan);
        g_autoptr (GsPlan) next = gs_plan_new_from_text (saved, -1, &error);
        g_assert_no_error (error);
        g_assert_cmpint (gs_plan_get_model (next)->deal_size, ==, cases[i].minor / 2 + 1);
      }
    }
}

/* Every plan of the catalogue is refused by the engine with its message and
 * a GError (never a crash, never a warning: G_DEBUG=fatal-warnings). */
static void
test_bad_inputs_refused (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "bad-inputs", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL, *expected_path = NULL, *expected = NULL;
      g_autoptr (GsPlan) plan = NULL;
      g_autoptr (GError) error = NULL;
      if (!g_str_has_suffix (name, ".goalsheet"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      {
        g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".goalsheet"));
        g_autofree char *file = g_strconcat (stem, ".expected", NULL);
        expected_path = g_build_filename (dir_path, file, NULL);
      }
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_strchomp (expected);
      plan = gs_plan_new_from_file (path, &error);
      if (plan != NULL)
        gs_plan_get_result (plan, &error);
      if (error == NULL)
        g_error ("%s was accepted", name);
      g_assert_true (error->domain == GS_ERROR);
      /* goalsheet-cli prints a newline in plan text as \n; the engine's
       * message holds the newline itself. */
      if (strstr (expected, "\\n"))
        {
          g_auto (GStrv) parts = g_strsplit (expected, "\\n", -1);
          g_free (expected);
          expected = g_strjoinv ("\n", parts);
        }
      if (strstr (error->message, expected) == NULL)
        g_error ("%s: expected “%s” in “%s”", name, expected, error->message);
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-file/examples-canonical", test_examples_canonical);
  g_test_add_func ("/plan-file/unknown-fields-kept", test_unknown_fields_kept);
  g_test_add_func ("/plan-file/money-no-drift", test_money_no_drift);
  g_test_add_func ("/plan-file/bad-inputs-refused", test_bad_inputs_refused);
  return g_test_run ();
}
