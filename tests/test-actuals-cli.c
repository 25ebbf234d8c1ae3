/* test-actuals-cli.c — goalsheet-cli import and track end to end: exit
 * statuses, per-row errors on stderr, idempotent re-import into the plan
 * file, the bundled example exports, and track's JSON.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI is found through $GOALSHEET_CLI (set by tests/meson.build).
 */
#include "test-cli-run.h"
#include "test-util.h"

#include <cairo.h>
#include <glib/gstdio.h>

typedef struct
{
  char *dir;
  char *plan;
} Tmp;

static void
tmp_setup (Tmp *t, gconstpointer example)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  t->dir = g_dir_make_tmp ("goalsheet-actuals-XXXXXX", &error);
  g_assert_no_error (error);
  t->plan = g_build_filename (t->dir, "plan.goalsheet", NULL);
  if (example)
    {
      g_autofree char *src
          = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", example, NULL);
      g_assert_true (g_file_get_contents (src, &text, NULL, &error));
    }
  g_assert_true (g_file_set_contents (t->plan, example ? text : tiny_plan, -1, &error));
}

static void
tmp_teardown (Tmp *t, gconstpointer unused)
{
  (void) unused;
  g_remove (t->plan);
  g_rmdir (t->dir);
  g_free (t->plan);
  g_free (t->dir);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "actuals", name, NULL);
}

static char *
crm_example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "crm", name, NULL);
}

static char *
write_tmp (Tmp *t, const char *name, const char *text)
{
  char *path = g_build_filename (t->dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_import_and_reimport (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *deals = fixture ("hubspot-deals.csv");
  g_autofree char *first = NULL, *second = NULL;
  (void) unused;

  cli_run (&run, "import", t->plan, "--deals", deals, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "4 rows: 4 imported, 0 updated, 0 refused"));
  g_assert_nonnull (strstr (run.out, "new people on the roster: Ann Lee, Bob Ray"));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (t->plan, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "\"version\": \"1.1\""));
  /* The same export again changes nothing, byte for byte. */
  cli_run (&run, "import", t->plan, "--deals", deals, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "4 rows: 0 imported, 0 updated, 0 refused, 4 unchanged"));
  g_assert_true (g_file_get_contents (t->plan, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  cli_run (&run, "validate", t->plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_refused_rows (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *csv = write_tmp (t, "bad.csv",
                                    "Record ID,Amount,Deal Stage,Create Date,Close Date\n"
                                    "1,100,Closed Won,2027-01-05,2027-01-20\n"
                                    "2,lots,Closed Won,2027-01-05,2027-01-20\n"
                                    ",100,Closed Won,2027-01-05,2027-01-20\n"
                                    "4,100,Closed Won,2027-01-05,2026-12-20\n");
  g_autofree char *before = NULL, *after = NULL;
  (void) unused;

  /* Refused rows go to stderr; the rest import; the status is 0. */
  cli_run (&run, "import", t->plan, "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "4 rows: 1 imported, 0 updated, 3 refused"));
  g_assert_nonnull (strstr (run.err, "bad.csv: row 3, Amount “lots”: not a number\n"));
  g_assert_nonnull (strstr (run.err, "bad.csv: row 4, Record ID “”: the record has no id\n"));
  g_assert_nonnull (strstr (run.err,
                            "bad.csv: row 5, Close Date “2026-12-20”: the close date is before the "
                            "create date\n"));
  /* --dry-run reports the same and leaves the plan alone. */
  g_assert_true (g_file_get_contents (t->plan, &before, NULL, NULL));
  cli_run (&run, "import", t->plan, "--deals", csv, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (t->plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* --save-mapping stores the mapping the import would use — with --mapping's
 * corrections and the stage names resolved from the file — and no rows; the
 * next import without --mapping reads it from the plan. */
static void
test_save_mapping (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *csv = write_tmp (t, "deals.csv",
                                    "Record ID,Deal owner,Deal Value,Deal Stage,Create Date,Close "
                                    "Date\n"
                                    "1,Ann Lee,100,Closed Won,2027-01-05,2027-01-20\n"
                                    "2,Bob Ray,250,Negotiating,2027-01-07,\n");
  g_autofree char *map = write_tmp (t, "map.json",
                                    "{\"columns\": {\"amount\": \"Deal Value\"},"
                                    " \"stages\": {\"Negotiating\": \"mql\"}}");
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *act, *mapping;
  (void) unused;

  /* Without the mapping no column holds the amount: exit 2, plan as it was. */
  cli_run (&run, "import", t->plan, "--deals", csv, "--save-mapping", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no column holds the amount field"));
  cli_run (&run, "import", t->plan, "--deals", csv, "--save-mapping", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--save-mapping stores the mapping alone"));
  cli_run (&run, "import", t->plan, "--save-mapping", NULL);
  g_assert_cmpint (run.status, ==, 2);

  cli_run (&run, "import", t->plan, "--deals", csv, "--mapping", map, "--save-mapping", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "the mapping is saved; no rows were imported"));
  g_assert_true (g_file_get_contents (t->plan, &text, NULL, NULL));
  root = gs_json_parse (text, -1, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "version"), ==,
                   "1.1");
  act = json_object_get_object_member (json_node_get_object (root), "actuals");
  mapping = json_object_get_object_member (act, "mapping");
  /* The correction and the name resolved from the file ("Closed Won" → the
   * win) are both kept; no records and no people. */
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (mapping, "columns"), "amount"),
      ==, "Deal Value");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (mapping, "stages"),
                                                  "Negotiating"),
                   ==, "mql");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (mapping, "stages"),
                                                  "Closed Won"),
                   ==, "won");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (act, "deals")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (act, "people")), ==, 0);
  cli_run (&run, "validate", t->plan, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The saved mapping does the work the next time: both rows import. */
  cli_run (&run, "import", t->plan, "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 rows: 2 imported, 0 updated, 0 refused"));
  g_assert_cmpstr (run.err, ==, "");
}

/* --refused writes the refused rows as the file held them, with a Reason,
 * through the atomic writer; never over the plan or the file read. */
static void
test_refused_csv (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *csv
      = write_tmp (t, "bad.csv",
                   "Record ID\tDeal Name\tAmount\tDeal Stage\tCreate Date\tClose Date\n"
                   "1\tGood\t100\tClosed Won\t2027-01-05\t2027-01-09\n"
                   "2\t\"Tab\there\"\tlots\tClosed Won\t2027-01-05\t2027-01-09\n");
  g_autofree char *out = g_build_filename (t->dir, "refused.csv", NULL);
  g_autofree char *text = NULL, *before = NULL, *after = NULL;
  (void) unused;

  cli_run (&run, "import", t->plan, "--deals", csv, "--refused", out, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "\xef\xbb\xbfRecord ID\tDeal Name\tAmount\tDeal Stage\tCreate Date\tClose "
                   "Date\tReason\r\n"
                   "2\t\"Tab\there\"\tlots\tClosed Won\t2027-01-05\t2027-01-09\tAmount: not a "
                   "number\r\n");
  /* Over the plan: refused, the plan untouched. */
  g_assert_true (g_file_get_contents (t->plan, &before, NULL, NULL));
  cli_run (&run, "import", t->plan, "--deals", csv, "--refused", t->plan, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "it is the plan being read"));
  g_assert_true (g_file_get_contents (t->plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  /* Deals and leads have different columns: one file's rows only. */
  cli_run (&run, "import", t->plan, "--deals", csv, "--leads", csv, "--refused", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--refused takes the rows of one file"));
  g_remove (out);
  g_remove (csv);
}

static void
test_file_refused (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *broken = write_tmp (t, "broken.csv", "Record ID,Amount\n1,\"12\n");
  g_autofree char *no_amount
      = write_tmp (t, "nostage.csv", "Record ID,Amount,Create Date\n1,5,2027-01-01\n");
  g_autofree char *ambiguous = fixture ("salesforce-leads-ambiguous.csv");
  g_autofree char *map = write_tmp (t, "map.json", "{\"date_order\": \"mdy\"}");
  g_autofree char *before = NULL, *after = NULL;
  (void) unused;

  g_assert_true (g_file_get_contents (t->plan, &before, NULL, NULL));
  cli_run (&run, "import", t->plan, "--deals", broken, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "broken.csv: the file is not CSV"));
  cli_run (&run, "import", t->plan, "--deals", no_amount, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no column holds the stage field"));
  cli_run (&run, "import", t->plan, "--leads", ambiguous, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "date_order"));
  g_assert_true (g_file_get_contents (t->plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  /* The mapping decides; it is kept in the plan. */
  cli_run (&run, "import", t->plan, "--leads", ambiguous, "--mapping", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (t->plan, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"date_order\": \"mdy\""));
  cli_run (&run, "import", t->plan, "--deals", "/nonexistent/deals.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  cli_run (&run, "import", t->plan, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* The bundled exports import cleanly into their plans and track. */
/* The re-forecast fan: a PNG, SVG and PDF of some size, the actual line
 * (Orange 4, #e66100, solid in the middle of its 3-pixel stroke) drawn, and
 * only left of the as-of day, which lies in the first third of the year. */
static void
refan_chart (Tmp *t, const char *day)
{
  g_auto (CliRun) run = { 0 };
  const char *ext[] = { "png", "svg", "pdf" };
  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *name = g_strdup_printf ("fan.%s", ext[i]);
      g_autofree char *out = g_build_filename (t->dir, name, NULL);
      GStatBuf st;
      cli_run (&run, "chart", t->plan, "--kind", "fan", "--use-actuals", "--as-of", day, "--trials",
               "2000", "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 10000);
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (out);
          int w = cairo_image_surface_get_width (png), h = cairo_image_surface_get_height (png);
          int stride = cairo_image_surface_get_stride (png), left = 0, right = 0;
          const guint8 *data = cairo_image_surface_get_data (png);
          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (w, ==, 800);
          for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
              {
                guint32 px = *(const guint32 *) (data + y * stride + x * 4);
                if ((px & 0xffffff) == 0xe66100)
                  *(x < w * 0.4 ? &left : &right) += 1;
              }
          cairo_surface_destroy (png);
          g_assert_cmpint (left, >, 100);
          g_assert_cmpint (right, ==, 0);
        }
      g_remove (out);
    }
}

static void
test_examples (Tmp *t, gconstpointer example)
{
  g_auto (CliRun) run = { 0 };
  gboolean seed = g_str_has_prefix (example, "seed");
  g_autofree char *deals = crm_example (seed ? "seed-saas-hubspot-deals.csv"
                                             : "mid-market-salesforce-opportunities.csv");
  g_autofree char *leads
      = crm_example (seed ? "seed-saas-hubspot-contacts.csv" : "mid-market-salesforce-leads.csv");
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *forecast;

  cli_run (&run, "import", t->plan, "--deals", deals, "--leads", leads, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, seed ? "600 rows: 600 imported" : "400 rows: 400 imported"));
  g_assert_nonnull (strstr (run.out, seed ? "70 rows: 70 imported" : "60 rows: 60 imported"));
  cli_run (&run, "track", t->plan, "--as-of", seed ? "2027-04-15" : "2027-03-31", "--json",
           "--trials", "2000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = gs_json_parse (run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "format")), ==, "goalsheet-track");
  g_assert_nonnull (gs_json_lookup (root, "months[0].stages[0].sources[0].planned"));
  g_assert_nonnull (gs_json_lookup (root, "leak[0].source"));
  forecast = gs_json_lookup (root, "forecast.forecast.minor");
  g_assert_nonnull (forecast);
  g_assert_cmpint (json_node_get_int (forecast), >=,
                   json_node_get_int (gs_json_lookup (root, "forecast.won.minor")));
  /* P(hit): on the plan's rates and on the posterior, in [0, 1]. */
  g_assert_cmpfloat (json_node_get_double (gs_json_lookup (root, "p_hit.plan")), >=, 0);
  g_assert_cmpfloat (json_node_get_double (gs_json_lookup (root, "p_hit.evidence")), <=, 1);
  g_assert_nonnull (gs_json_lookup (root, "p_hit.rates[0].posterior_rate"));
  cli_run (&run, "track", t->plan, "--as-of", "2027-04-15", "--no-p-hit", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Where the funnel falls behind:"));
  g_assert_nonnull (strstr (run.out, "Re-forecast:"));
  g_assert_null (strstr (run.out, "Chance of the target"));
  cli_run (&run, "simulate", t->plan, "--use-actuals", "--as-of", "2027-04-15", "--trials", "2000",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Chance of reaching the target"));
  refan_chart (t, seed ? "2027-04-15" : "2027-03-31");
  /* The printed goal sheet draws the re-forecast as its fan (read back
   * with pdftotext when it is there). */
  {
    g_autofree char *pdf = g_build_filename (t->dir, "sheet.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    GStatBuf st;
    cli_run (&run, "report", t->plan, "-o", pdf, "--trials", "2000", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 20000);
    if (pdftotext)
      {
        const char *argv[] = { pdftotext, pdf, "-", NULL };
        g_autofree char *text = NULL;
        int wait_status = 0;
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                     NULL, &text, NULL, &wait_status, NULL));
        g_assert_cmpint (wait_status, ==, 0);
        g_assert_nonnull (strstr (text, "Re-forecast from the actuals"));
        g_assert_null (strstr (text, "Simulated bookings"));
      }
    g_remove (pdf);
  }
}

static void
test_track_without_actuals (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  (void) unused;
  cli_run (&run, "track", t->plan, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "holds no actuals"));
  cli_run (&run, "track", t->plan, "--as-of", "tomorrow", NULL);
  g_assert_cmpint (run.status, ==, 2);
  /* The re-forecast fan needs actuals, and is the fan only. */
  cli_run (&run, "chart", t->plan, "--kind", "fan", "--use-actuals", "-o", "/dev/null/x.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "holds no actuals"));
  cli_run (&run, "chart", t->plan, "--kind", "funnel", "--use-actuals", "-o", "x.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--use-actuals draws the fan chart only"));
  cli_run (&run, "chart", t->plan, "--kind", "fan", "--as-of", "2027-04-15", "-o", "x.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--as-of goes with --use-actuals"));
}

/* track's tables count characters, not bytes: a name with "ë" lines up
 * with the others (printf's %-24s padded it one column short). */
static void
test_track_aligns (Tmp *t, gconstpointer unused)
{
  g_auto (CliRun) run = { 0 };
  g_autofree char *csv
      = write_tmp (t, "owners.csv",
                   "Record ID,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"
                   "1,Zoë Adams,1000,Closed Won,2027-01-05,2027-01-20\n"
                   "2,Bob Ray,2000,Closed Won,2027-01-05,2027-01-21\n");
  g_auto (GStrv) lines = NULL;
  glong zoe = -1, bob = -1;
  (void) unused;

  cli_run (&run, "import", t->plan, "--deals", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run (&run, "track", t->plan, "--as-of", "2027-02-01", "--no-p-hit", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Zoë Adams "))
      zoe = g_utf8_strlen (lines[i], -1);
    else if (g_str_has_prefix (lines[i], "Bob Ray "))
      bob = g_utf8_strlen (lines[i], -1);
  g_assert_cmpint (zoe, >, 24);
  g_assert_cmpint (zoe, ==, bob);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/actuals-cli/import-and-reimport", Tmp, NULL, tmp_setup, test_import_and_reimport,
              tmp_teardown);
  g_test_add ("/actuals-cli/refused-rows", Tmp, NULL, tmp_setup, test_refused_rows, tmp_teardown);
  g_test_add ("/actuals-cli/save-mapping", Tmp, NULL, tmp_setup, test_save_mapping, tmp_teardown);
  g_test_add ("/actuals-cli/track-aligns", Tmp, NULL, tmp_setup, test_track_aligns, tmp_teardown);
  g_test_add ("/actuals-cli/refused-csv", Tmp, NULL, tmp_setup, test_refused_csv, tmp_teardown);
  g_test_add ("/actuals-cli/file-refused", Tmp, NULL, tmp_setup, test_file_refused, tmp_teardown);
  g_test_add ("/actuals-cli/track-without-actuals", Tmp, NULL, tmp_setup,
              test_track_without_actuals, tmp_teardown);
  g_test_add ("/actuals-cli/example-seed-saas", Tmp, "seed-saas.goalsheet", tmp_setup,
              test_examples, tmp_teardown);
  g_test_add ("/actuals-cli/example-mid-market", Tmp, "mid-market.goalsheet", tmp_setup,
              test_examples, tmp_teardown);
  return g_test_run ();
}
