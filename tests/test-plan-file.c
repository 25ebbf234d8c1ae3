/* test-plan-file.c — the .goalsheet file: canonical examples, unknown fields
 * kept where they were, money exact to the minor unit through save and load,
 * and every plan of the bad-input catalogue refused by the engine itself (so
 * the sanitizer build sees each one).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-actuals-data.h"
#include "gs-actuals-json.h"
#include "gs-comp.h"
#include "gs-comp-edit-private.h"
#include "gs-comp-edits.h"
#include "gs-montecarlo.h"
#include "gs-scenario.h"

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

/* Actuals with every kind of deal and lead field, an unknown field inside a
 * deal, an amount written as a number and members in an order of their own:
 * what the deferred reading (gs_json_parse_deferring) must read and give
 * back exactly as the tree does. */
static const char *rich_actuals
    = "{\"mapping\": {\"stages\": {\"Closed Won\": \"won\"}, \"date_order\": \"dmy\"},"
      " \"people\": [{\"id\": \"ann\", \"name\": \"Ann\"}, {\"id\": \"bo\", \"name\": \"Bo\","
      "   \"role\": \"ae\", \"quota\": \"500000.00\"}],"
      " \"deals\": [{\"id\": \"D1\", \"name\": \"Acme \\u00e9\", \"amount\": \"25000.00\","
      "   \"stage\": \"won\", \"crm_stage\": \"Closed Won\", \"status\": \"won\","
      "   \"created\": \"2027-01-03\", \"closed\": \"2027-02-10\", \"owner\": \"ann\","
      "   \"source\": \"inbound\", \"crm_source\": \"Web\","
      "   \"splits\": [{\"person\": \"ann\", \"share\": 0.85}, {\"person\": \"bo\", \"share\": "
      "0.15}],"
      "   \"overlays\": [{\"person\": \"bo\", \"share\": 0.1}], \"paid\": \"2027-03-01\","
      "   \"refunded\": \"2027-04-01\", \"discount\": 0.15, \"term_months\": 36,"
      "   \"type\": \"new\", \"spifs\": [\"multi-year\"]},"
      "  {\"amount\": 1200, \"id\": \"D2\", \"stage\": \"mql\", \"created\": \"2027-01-04\","
      "   \"x_note\": {\"kept\": [1, true, null]}},"
      "  {\"id\": \"D3\", \"amount\": \"0.00\", \"stage\": \"lead\", \"status\": \"lost\","
      "   \"created\": \"2027-01-05\", \"closed\": \"2027-01-06\", \"owner\": \"bo\"}],"
      " \"leads\": [{\"id\": \"L1\", \"owner\": \"ann\", \"source\": \"inbound\","
      "   \"reached\": {\"lead\": \"2027-01-02\", \"mql\": \"2027-01-09\"}},"
      "  {\"id\": \"L2\", \"reached\": {\"won\": \"2027-02-02\"}}],"
      " \"x_after\": 1}";

static char *
rich_text (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  patch (tree, "version", "\"1.3\"");
  patch (tree, "actuals", rich_actuals);
  return gs_json_to_text (tree);
}

/* The actuals of a model as the writer gives them: equal texts, equal
 * decoded records. */
static char *
actuals_text (const GsModel *m)
{
  g_autoptr (JsonNode) node = gs_actuals_to_json (m->actuals, m);
  return gs_json_to_text (node);
}

/* Reading the deals and leads from the text element by element decodes the
 * same actuals as the whole tree did, and saving (which builds the lists
 * into the tree) gives the same bytes; an edit after it, undone, too. */
static void
test_deferred_actuals_same (void)
{
  g_autofree char *text = rich_text ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) tree = gs_json_parse (text, -1, &error);
  g_autoptr (GsModel) from_tree = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) partial = NULL;
  g_autofree char *a = NULL, *b = NULL, *saved = NULL, *undone = NULL;
  const GsActualsData *d;

  g_assert_no_error (error);
  from_tree = decode_ok (tree);
  /* The lists really are left out of the tree: null in their place. */
  partial = gs_json_parse_deferring (bytes, gs_model_deferred_lists, &deferred, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deferred);
  g_assert_cmpint (gs_json_deferred_length (deferred, "actuals.deals"), ==, 3);
  g_assert_cmpint (gs_json_deferred_length (deferred, "actuals.leads"), ==, 2);
  g_assert_true (JSON_NODE_HOLDS_NULL (gs_json_lookup (partial, "actuals.deals")));

  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  d = gs_plan_get_model (plan)->actuals;
  g_assert_cmpuint (d->n_deals, ==, 3);
  g_assert_cmpuint (d->n_leads, ==, 2);
  /* Hand-read from rich_actuals: D1's second split is Bo's 15 %, D2's
   * amount 1200 is 1,200.00 = 120,000 cents, L2 reached stage 2 (won). */
  g_assert_cmpstr (d->deals[0].name, ==, "Acme é");
  g_assert_cmpint (d->deals[0].splits[1].person, ==, 1);
  g_assert_cmpfloat (d->deals[0].splits[1].share, ==, 0.15);
  g_assert_cmpint (d->deals[1].amount, ==, 120000);
  g_assert_true (g_date_valid (&d->leads[1].reached[2]));
  a = actuals_text (from_tree);
  b = actuals_text (gs_plan_get_model (plan));
  g_assert_cmpstr (a, ==, b);

  saved = gs_plan_to_text (plan);
  g_assert_cmpstr (saved, ==, text);
  g_assert_true (gs_plan_set_string (plan, "actuals.deals[1].name", "Renamed", &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_undo (plan));
  undone = gs_plan_to_text (plan);
  g_assert_cmpstr (undone, ==, text);
}

/* A lookup outside the deferred lists reads the partial tree and leaves the
 * lists in the text; the root, "actuals" and a path into the deals or leads
 * build them (and find what the file says). */
static void
test_deferred_actuals_lookup (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  GsSimSettings settings;
  const char *const outside[]
      = { "version",         "simulation",           "actuals.mapping.date_order",
          "actuals.x_after", "actuals.people[1].id", "actualsx",
          "actuals.dealsx" };
  const char *const inside[] = { "", "actuals", "actuals.deals", "actuals.leads[1].id" };

  patch (tree, "version", "\"1.3\"");
  patch (tree, "actuals", rich_actuals);
  patch (tree, "simulation", "{\"trials\": 7, \"seed\": 3}");
  text = gs_json_to_text (tree);

  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan));
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.3");
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "actuals.mapping.date_order")), ==,
                   "dmy");
  g_assert_cmpint (json_node_get_int (gs_plan_lookup (plan, "actuals.x_after")), ==, 1);
  g_assert_null (gs_plan_lookup (plan, "actualsx"));
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    gs_plan_lookup (plan, outside[i]);
  /* What track reads: trials 7 and seed 3 from the file, the rest defaults. */
  g_assert_true (
      gs_sim_settings_read_section (gs_plan_lookup (plan, "simulation"), &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.trials, ==, 7);
  g_assert_cmpuint (settings.seed, ==, 3);
  g_assert_cmpfloat (settings.deal_size_sigma, ==, 0.5);
  g_assert_true (gs_plan_lists_deferred (plan));

  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    {
      g_autoptr (GsPlan) fresh = gs_plan_new_from_text (text, -1, &error);
      JsonNode *node;
      g_assert_no_error (error);
      g_assert_true (gs_plan_lists_deferred (fresh));
      node = gs_plan_lookup (fresh, inside[i]);
      g_assert_false (gs_plan_lists_deferred (fresh));
      g_assert_nonnull (node);
      if (i == 2)
        g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 3);
      if (i == 3)
        g_assert_cmpstr (json_node_get_string (node), ==, "L2");
    }
}

/* The offset of the first needle in text as "line L, column C" (from 1). */
static char *
where (const char *text, const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;
  const char *start = text;
  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        line++;
        start = p + 1;
      }
  return g_strdup_printf ("line %u, column %u", line, (guint) (at - start) + 1);
}

static void
refused (const char *text, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) tree_error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  g_autoptr (JsonNode) tree = gs_json_parse (text, -1, &tree_error);
  g_autoptr (GsModel) model = tree ? gs_model_decode (tree, &tree_error) : NULL;

  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
  /* The same words as reading the whole tree. */
  g_assert_nonnull (tree_error);
  g_assert_cmpstr (tree_error->message, ==, expected);
}

/* Errors inside the deferred lists: JSON errors with their line and column
 * as before, field errors with the record's path. */
static void
test_deferred_actuals_errors (void)
{
  g_autofree char *text = rich_text ();
  struct
  {
    const char *from, *to, *at, *message;
  } cases[] = {
    /* A number written 0120 in the second deal: the column of its 0. */
    { "\"amount\": 1200", "\"amount\": 0120", "0120",
      "a number must not begin with 0 followed by digits (07 is written 7)" },
    /* A comma missing between two members of the third deal. */
    { "\"stage\": \"lead\",", "\"stage\": \"lead\"", "\"status\": \"lost\"",
      "unexpected character “\"”, expected “,” or “}”" },
    /* A field twice in a lead's reached. */
    { "\"mql\": \"2027-01-09\"", "\"mql\": \"2027-01-09\", \"mql\": \"2027-01-10\"", NULL,
      "the field “mql” appears twice in the same object; keep one" },
    { "\"amount\": \"0.00\"", "\"amount\": \"-1.00\"", NULL,
      "actuals.deals[2].amount: an amount cannot be negative" },
    { "\"id\": \"D3\"", "\"id\": \"D1\"", NULL,
      "actuals.deals[2].id: “D1” is used by an earlier record" },
    { "\"id\": \"L2\"", "\"id\": \"L2\", \"owner\": \"zed\"", NULL,
      "actuals.leads[1].owner: “zed” is not a person of actuals.people" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) parts = g_strsplit (text, cases[i].from, 2);
      g_autofree char *bad = NULL, *expected = NULL;
      g_assert_nonnull (parts[1]);
      bad = g_strjoin (cases[i].to, parts[0], parts[1], NULL);
      if (cases[i].at)
        {
          g_autofree char *pos = where (bad, cases[i].at);
          expected = g_strdup_printf ("not valid JSON: %s: %s", pos, cases[i].message);
        }
      else if (g_str_has_prefix (cases[i].message, "the field"))
        {
          g_autofree char *pos = where (bad, "\"mql\": \"2027-01-10\"");
          /* "line L, column C" → "line L" */
          *strchr (pos, ',') = '\0';
          expected = g_strdup_printf ("%s: %s", pos, cases[i].message);
        }
      else
        expected = g_strdup (cases[i].message);
      refused (bad, expected);
    }
  {
    /* A deal's name over the limit, named by its path. */
    g_autofree char *long_name = g_strnfill (201, 'x');
    g_autofree char *to = g_strdup_printf ("\"name\": \"%s\"", long_name);
    /* The writer wrote \u00e9 as é. */
    g_auto (GStrv) parts = g_strsplit (text, "\"name\": \"Acme é\"", 2);
    g_autofree char *bad = NULL;
    g_assert_nonnull (parts[1]);
    bad = g_strjoin (to, parts[0], parts[1], NULL);
    refused (bad, "actuals.deals[0].name: a name of 201 characters; at most 200 are allowed");
  }
}

/* mid-market with people on every role, as the file writes them and in the
 * unusual ways a hand-edited file may: a whole-number quota, an escaped
 * name, a member that is not text, a quota on a role whose first measure is
 * not money.  The sign-off holds a fingerprint, so decoding computes it. */
static char *
people_text (void)
{
  g_autofree char *path = example_path ("mid-market.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  JsonNode *root;
  g_assert_no_error (error);
  root = gs_plan_get_root (plan);
  patch (root, "compensation.roles[0].people",
         "[{\"name\": \"AE 1\", \"quota\": \"700000.00\"}, {\"name\": \"AE 2\"},"
         " {\"quota\": 650000, \"name\": \"AE \\u00e9 3\"},"
         " {\"name\": \"AE 4\", \"email\": \"ae4@example.com\", \"quota\": \"812345.67\"},"
         " {\"name\": \"AE 5\", \"start\": 3}]");
  patch (root, "compensation.roles[1].people",
         "[{\"name\": \"Pat\", \"quota\": 90}, {\"name\": \"Sam\"}]");
  patch (root, "agreements.signoffs[0].fingerprint", "\"sha256:0\"");
  return gs_json_to_text (root);
}

/* The people as one text: name, quota and scale of each, every role. */
static char *
people_rows (const GsModel *m)
{
  GString *out = g_string_new (NULL);
  for (guint r = 0; r < m->comp->n_roles; r++)
    for (guint p = 0; p < m->comp->roles[r].n_people; p++)
      g_string_append_printf (out, "%u %s %.2f %.3f\n", r, m->comp->roles[r].people[p].name,
                              m->comp->roles[r].people[p].quota,
                              m->comp->roles[r].people[p].quota_scale);
  return g_string_free (out, FALSE);
}

/* The roles' people read from the text (each plain person without a tree)
 * give the model a whole tree gives: the same people, the same fingerprint
 * (computed while decoding, as the sign-off holds one), the same scenario
 * figures from a comparison that leaves them unbuilt, and the same saved
 * bytes. */
/* The plan opened from text (its lists deferred) and, to compare with, the
 * model a whole tree of the same text gives. */
static GsPlan *
open_deferred (const char *text, JsonNode **tree, GsModel **from_tree)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan;
  *tree = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  *from_tree = decode_ok (*tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan));
  return plan;
}

static void
test_deferred_people_same (void)
{
  g_autofree char *text = people_text ();
  g_autoptr (JsonNode) tree = NULL;
  g_autoptr (GsModel) from_tree = NULL;
  g_autoptr (GsPlan) plan = open_deferred (text, &tree, &from_tree);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsComparison) a = NULL, b = NULL;
  g_autofree char *rows_tree = NULL, *rows_text = NULL, *saved = NULL;
  const GsModel *m;

  g_assert_true (JSON_NODE_HOLDS_NULL (
      gs_json_lookup (gs_plan_peek_root (plan), "compensation.roles[0].people")));
  m = gs_plan_get_model (plan);
  /* Hand-read: AE 3's 650000 is 650,000.00, Pat's "90" on the second
   * role (its first measure a count) is 90. */
  g_assert_cmpuint (m->comp->roles[0].n_people, ==, 5);
  g_assert_cmpstr (m->comp->roles[0].people[2].name, ==, "AE é 3");
  g_assert_cmpfloat (m->comp->roles[0].people[2].quota, ==, 65000000);
  g_assert_cmpfloat (m->comp->roles[0].people[3].quota, ==, 81234567);
  g_assert_cmpfloat (m->comp->roles[0].people[1].quota, ==, 0);
  rows_tree = people_rows (from_tree);
  rows_text = people_rows (m);
  g_assert_cmpstr (rows_text, ==, rows_tree);
  g_assert_nonnull (from_tree->agreements.fingerprint);
  g_assert_cmpstr (m->agreements.fingerprint, ==, from_tree->agreements.fingerprint);

  b = gs_comparison_new_for_plan (plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan));
  a = gs_comparison_new (tree, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->n_scenarios, ==, b->n_scenarios);
  for (guint s = 0; s < a->n_scenarios; s++)
    {
      g_autofree char *ra = people_rows (a->models[s]);
      g_autofree char *rb = people_rows (b->models[s]);
      g_assert_cmpstr (ra, ==, rb);
    }
  g_assert_cmpuint (a->rows->len, ==, b->rows->len);
  for (guint i = 0; i < a->rows->len; i++)
    for (guint s = 0; s < a->n_scenarios; s++)
      g_assert_cmpfloat (((GsComparisonRow *) a->rows->pdata[i])->values[s], ==,
                         ((GsComparisonRow *) b->rows->pdata[i])->values[s]);

  /* A fingerprint asked for later, before and after the tree is built. */
  {
    g_autoptr (GsPlan) fresh = gs_plan_new_from_text (text, -1, &error);
    g_autoptr (GsModel) copy = NULL;
    g_autofree char *before = NULL;
    g_assert_no_error (error);
    copy = gs_model_copy (gs_plan_get_model (fresh));
    g_clear_pointer (&copy->agreements.fingerprint, g_free);
    before = g_strdup (gs_model_fingerprint (copy));
    g_assert_cmpstr (before, ==, from_tree->agreements.fingerprint);
    saved = gs_plan_to_text (fresh); /* written from the text, nothing built */
    g_assert_true (gs_plan_lists_deferred (fresh));
    g_assert_cmpstr (saved, ==, text);
    g_clear_pointer (&saved, g_free);
    gs_plan_get_root (fresh); /* builds the lists */
    g_assert_false (gs_plan_lists_deferred (fresh));
    saved = gs_plan_to_text (fresh);
    g_clear_pointer (&copy->agreements.fingerprint, g_free);
    g_assert_cmpstr (gs_model_fingerprint (copy), ==, before);
  }
  g_assert_cmpstr (saved, ==, text);
}

/* text (taken) with its log's times left out: two plans saved a moment
 * apart, perhaps across a second, log the same changes at different times. */
static char *
without_times (char *text)
{
  g_autofree char *taken = text;
  g_autoptr (GRegex) when = g_regex_new ("\"when\": \"[^\"]*\"", 0, 0, NULL);
  return g_regex_replace_literal (when, taken, -1, 0, "\"when\": \"-\"", 0, NULL);
}

/* The text of plan as saved to a file in dir under name, its log's times
 * left out. */
static char *
saved_text (GsPlan *plan, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;
  g_autoptr (GError) error = NULL;
  gs_plan_set_author (plan, "Test");
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return without_times (text);
}

/* Both plans' texts (but their log's times) and people the same. */
static void
assert_same_plans (GsPlan *kept, GsPlan *built)
{
  g_autofree char *a = without_times (gs_plan_to_text (kept));
  g_autofree char *b = without_times (gs_plan_to_text (built));
  g_autofree char *ra = people_rows (gs_plan_get_model (kept));
  g_autofree char *rb = people_rows (gs_plan_get_model (built));
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (ra, ==, rb);
}

/* An edit that does not reach the roles' people leaves them in the file's
 * text (the first edit of a plan of 50,000 people costs what it changes,
 * not their tree), and every step gives what the same steps give on the
 * plan with its tree built first: the model's people, the text, undo and
 * redo, the saved file and its log; an edit that reaches the people builds
 * them into the tree as edited and into the saved tree as it was. */
static void
test_deferred_people_edits (void)
{
  g_autofree char *text = people_text ();
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-test-XXXXXX", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) kept = gs_plan_new_from_text (text, -1, &error);
  g_autoptr (GsPlan) built = gs_plan_new_from_text (text, -1, &error);
  g_autofree char *saved_kept = NULL, *saved_built = NULL, *undone = NULL;
  GsPlan *plans[] = { kept, built };
  JsonNode *people;

  g_assert_no_error (error);
  gs_plan_get_root (built);
  g_assert_false (gs_plan_lists_deferred (built));
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      /* On the role holding people (its object copied), and elsewhere. */
      g_assert_true (gs_plan_set_money (plans[i], "compensation.roles[0].ote", 21000000, &error));
      g_assert_true (gs_plan_set_double (plans[i], "compensation.roles[1].pay_mix", 0.6, &error));
      g_assert_true (gs_plan_set_double (plans[i], "funnel.steps[1].rate", 0.31, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gs_plan_lists_deferred (kept));
  g_assert_true (JSON_NODE_HOLDS_NULL (
      gs_json_lookup (gs_plan_peek_root (kept), "compensation.roles[0].people")));
  g_assert_cmpuint (gs_plan_get_model (kept)->comp->roles[0].n_people, ==, 5);
  g_assert_cmpfloat (gs_plan_get_model (kept)->comp->roles[0].ote, ==, 21000000);
  assert_same_plans (kept, built);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    for (guint k = 0; k < 3; k++)
      g_assert_true (gs_plan_undo (plans[i]));
  undone = gs_plan_to_text (kept);
  g_assert_cmpstr (undone, ==, text);
  assert_same_plans (kept, built);
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    for (guint k = 0; k < 3; k++)
      g_assert_true (gs_plan_redo (plans[i]));
  g_assert_true (gs_plan_lists_deferred (kept));
  assert_same_plans (kept, built);

  saved_kept = saved_text (kept, dir, "kept.goalsheet");
  saved_built = saved_text (built, dir, "built.goalsheet");
  g_assert_cmpstr (saved_kept, ==, saved_built);
  g_assert_nonnull (strstr (saved_kept, "\"name\": \"AE \u00e9 3\""));
  g_assert_true (gs_plan_lists_deferred (kept));

  /* Edited again after the save, then an edit that reaches the people. */
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_assert_true (gs_plan_set_money (plans[i], "compensation.roles[0].ote", 22000000, &error));
      g_assert_true (gs_plan_set_string (plans[i], "compensation.roles[1].people[0].name",
                                         "Patricia", &error));
      g_assert_no_error (error);
    }
  g_assert_false (gs_plan_lists_deferred (kept));
  assert_same_plans (kept, built);
  g_assert_cmpstr (gs_plan_get_model (kept)->comp->roles[1].people[0].name, ==, "Patricia");
  /* The saved tree has its own role objects (the edits copied root's):
   * the people were built into both. */
  people = gs_json_lookup (gs_plan_get_saved_root (kept), "compensation.roles[0].people");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (people));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (people)), ==, 5);
  g_assert_true (gs_json_lookup (gs_plan_get_saved_root (kept), "compensation.roles[0]")
                 != gs_json_lookup (gs_plan_peek_root (kept), "compensation.roles[0]"));
  g_clear_pointer (&saved_kept, g_free);
  g_clear_pointer (&saved_built, g_free);
  saved_kept = saved_text (kept, dir, "kept.goalsheet");
  saved_built = saved_text (built, dir, "built.goalsheet");
  g_assert_cmpstr (saved_kept, ==, saved_built);
  g_assert_nonnull (strstr (saved_kept, "Patricia"));
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    for (guint k = 0; k < 2; k++)
      g_assert_true (gs_plan_undo (plans[i]));
  assert_same_plans (kept, built);
  g_assert_cmpstr (gs_plan_get_model (kept)->comp->roles[1].people[0].name, ==, "Pat");
}

/* A role edit that changes two members sets the whole role back: the
 * people still held in the file's text are built into it first, not set
 * back as the null that stood for them (the copy shared it). */
static void
test_deferred_people_role_edit (void)
{
  g_autofree char *text = people_text ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  g_autoptr (GsPlan) reopened = NULL;
  g_autofree char *edited = NULL, *undone = NULL, *rows = NULL, *rows_reopened = NULL;
  g_auto (GsCompEdit) e = { 0 };

  g_assert_no_error (error);
  g_assert_true (gs_comp_set_ote (plan, 0, 21000000, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan)); /* one member: the people stay in the text */
  g_assert_true (gs_comp_edit_begin (plan, 0, GS_COMP_WHOLE_ROLE, &e, &error));
  json_object_set_double_member (e.obj, "pay_mix", 0.55);
  json_object_set_string_member (e.obj, "name", "Account executive (field)");
  g_assert_true (gs_comp_edit_commit (&e, &error));
  g_assert_no_error (error);
  g_assert_false (gs_plan_lists_deferred (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->comp->roles[0].n_people, ==, 5);
  g_assert_cmpstr (gs_plan_get_model (plan)->comp->roles[0].people[2].name, ==, "AE \u00e9 3");
  edited = gs_plan_to_text (plan);
  g_assert_nonnull (strstr (edited, "\"name\": \"AE \u00e9 3\""));
  reopened = gs_plan_new_from_text (edited, -1, &error);
  g_assert_no_error (error);
  rows = people_rows (gs_plan_get_model (plan));
  rows_reopened = people_rows (gs_plan_get_model (reopened));
  g_assert_cmpstr (rows, ==, rows_reopened);
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  undone = gs_plan_to_text (plan);
  g_assert_cmpstr (undone, ==, text);
}

/* A person the text reader cannot take is read as a tree, with the words a
 * whole tree gives. */
static void
test_deferred_people_errors (void)
{
  g_autofree char *text = people_text ();
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autofree char *long_to = g_strdup_printf ("\"name\": \"%s\"", long_name);
  struct
  {
    const char *from, *to, *message;
  } cases[] = {
    { "\"name\": \"AE 2\"", long_to,
      "compensation.roles[0].people[1].name: a name of 201 characters; at most 200 are allowed" },
    { "\"quota\": \"812345.67\"", "\"quota\": \"-5.00\"", NULL },
    { "\"quota\": \"812345.67\"", "\"quota\": \"0.00\"",
      "compensation.roles[0].people[3].quota: must be more than zero" },
    { "\"quota\": \"812345.67\"", "\"quota\": \"12,5\"", NULL },
    { "\"name\": \"Sam\"", "\"nom\": \"Sam\"", NULL },
    { "\"name\": \"AE 5\"", "\"name\": 5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) parts = g_strsplit (text, cases[i].from, 2);
      g_autofree char *bad = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) tree = NULL;
      g_autoptr (GsModel) model = NULL;
      g_assert_nonnull (parts[1]);
      bad = g_strjoin (cases[i].to, parts[0], parts[1], NULL);
      tree = gs_json_parse (bad, -1, &error);
      g_assert_no_error (error);
      model = gs_model_decode (tree, &error);
      g_assert_null (model);
      g_assert_nonnull (error);
      if (cases[i].message)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      refused (bad, error->message);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-file/examples-canonical", test_examples_canonical);
  g_test_add_func ("/plan-file/unknown-fields-kept", test_unknown_fields_kept);
  g_test_add_func ("/plan-file/money-no-drift", test_money_no_drift);
  g_test_add_func ("/plan-file/bad-inputs-refused", test_bad_inputs_refused);
  g_test_add_func ("/plan-file/deferred-actuals-same", test_deferred_actuals_same);
  g_test_add_func ("/plan-file/deferred-actuals-errors", test_deferred_actuals_errors);
  g_test_add_func ("/plan-file/deferred-actuals-lookup", test_deferred_actuals_lookup);
  g_test_add_func ("/plan-file/deferred-people-same", test_deferred_people_same);
  g_test_add_func ("/plan-file/deferred-people-errors", test_deferred_people_errors);
  g_test_add_func ("/plan-file/deferred-people-edits", test_deferred_people_edits);
  g_test_add_func ("/plan-file/deferred-people-role-edit", test_deferred_people_role_edit);
  return g_test_run ();
}
