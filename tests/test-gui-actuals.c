/* test-gui-actuals.c — the Actuals page and the import dialog on the
 * bundled HubSpot export of data/examples/seed-saas.goalsheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contacts (600 rows) and deals (70 rows) are imported through the
 * dialog, each as one undoable step; the page tracked to 15 April 2027 must
 * show what `goalsheet-cli track --json` prints for the saved plan (to-date
 * counts per stage, bookings per person, the leak's stage, the re-forecast
 * and the chance of the target from the evidence).  Two undos leave the plan
 * without actuals and the page empty.  A malformed export lists each refused
 * row, and mapping its unknown stage in the dialog imports that row too.
 */
#include <locale.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "gs-actuals-line.h"
#include "gs-actuals-page.h"
#include "gs-actuals-row.h"
#include "gs-chart-view.h"
#include "gs-field.h"
#include "gs-format.h"
#include "gs-import-dialog.h"
#include "gs-json.h"
#include "gs-meeting-tracking.h"
#include "gs-meeting.h"
#include "gs-person-dialog.h"
#include "test-cli-run.h"
#include "test-gui-util.h"

/* data/examples/name, or data/examples/crm/name. */
static char *
source_file (const char *folder, const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", folder, name, NULL);
}

static GsPlan *
seed_plan (void)
{
  g_autofree char *path = source_file ("seed-saas.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

static void
import_file (GsPlan *plan, const char *path, GsCrmKind kind, guint imported)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GsImportDialog *dialog = gs_import_dialog_new (NULL, plan);
  const GsImportReport *report;

  g_assert_true (gs_import_dialog_load (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gs_import_dialog_get_kind (dialog), ==, kind);
  report = gs_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->imported, ==, imported);
  g_assert_cmpuint (report->refused, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gs_import_dialog_get_problems (dialog)), ==, 0);
  g_assert_true (gs_import_dialog_commit (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GsActualsLine *
line (GsActualsPage *page, GsActualsList list, guint i)
{
  GListModel *model = gs_actuals_page_get_list (page, list);
  GsActualsLine *l;
  g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
  l = g_list_model_get_item (model, i);
  g_object_unref (l); /* the store keeps it */
  return l;
}

static char *
money_of (const GsModel *m, JsonNode *root, const char *path)
{
  g_autofree char *minor_path = g_strconcat (path, ".minor", NULL);
  gint64 minor = json_node_get_int (gs_json_lookup (root, minor_path));
  return gs_format_money (minor, m->company.digits, m->company.currency, GS_MONEY_FORMAT_WHOLE);
}

static JsonNode *
track_json (GsPlan *plan, gboolean p_hit)
{
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-actuals-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (CliRun) run = { 0 };
  JsonNode *root;

  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  cli_run (&run, "track", path, "--as-of", "2027-04-15", "--json", p_hit ? NULL : "--no-p-hit",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return root;
}

static void
test_import_and_track (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_actuals_page_new ());
  GsActualsPage *page = GS_ACTUALS_PAGE (widget);
  g_autofree char *contacts = source_file ("crm", "seed-saas-hubspot-contacts.csv");
  g_autofree char *deals = source_file ("crm", "seed-saas-hubspot-deals.csv");
  g_autoptr (JsonNode) root = NULL;
  const GsModel *m;
  GDate day;
  gint64 end;

  gs_actuals_page_update (page, plan);
  g_assert_null (gs_actuals_page_get_heading (page)); /* no actuals yet: the empty state */

  import_file (plan, contacts, GS_CRM_LEADS, 600);
  import_file (plan, deals, GS_CRM_DEALS, 70);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->actuals->n_deals, ==, 70);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 4, 2027);
  gs_actuals_page_update (page, plan);
  gs_actuals_page_set_day (page, &day);
  g_assert_cmpstr (gs_actuals_page_get_heading (page), ==,
                   "Plan versus actual to Apr 15, 2027 (2.5 months of the plan)");

  root = track_json (plan, TRUE);
  /* Goals to date: one line per stage, then the bookings. */
  for (guint k = 0; k < m->n_stages; k++)
    {
      g_autofree char *pp = g_strdup_printf ("to_date.stages[%u].planned", k);
      g_autofree char *ap = g_strdup_printf ("to_date.stages[%u].actual", k);
      g_autofree char *planned
          = gs_format_count ((gint64) (json_node_get_double (gs_json_lookup (root, pp)) + 0.5));
      g_autofree char *actual = gs_format_count (json_node_get_int (gs_json_lookup (root, ap)));
      GsActualsLine *l = line (page, GS_ACTUALS_LIST_GOALS, k);
      g_assert_cmpstr (gs_actuals_line_get_title (l), ==, m->stages[k].name);
      g_assert_cmpstr (gs_actuals_line_get_planned (l), ==, planned);
      g_assert_cmpstr (gs_actuals_line_get_actual (l), ==, actual);
    }
  {
    g_autofree char *won = NULL;
    g_autofree char *path = g_strdup_printf ("to_date.stages[%u].actual_amount", m->n_stages - 1);
    won = money_of (m, root, path);
    g_assert_cmpstr (gs_actuals_line_get_actual (line (page, GS_ACTUALS_LIST_GOALS, m->n_stages)),
                     ==, won);
  }
  /* The leak: each source's sentence names the stage the CLI names. */
  for (guint s = 0; s < m->n_sources; s++)
    {
      g_autofree char *sp = g_strdup_printf ("leak[%u].stage", s);
      JsonNode *stage = gs_json_lookup (root, sp);
      const char *text = gs_actuals_line_get_title (line (page, GS_ACTUALS_LIST_LEAKS, s));
      g_assert_true (g_str_has_prefix (text, m->sources[s].name));
      if (stage && !JSON_NODE_HOLDS_NULL (stage))
        {
          const char *id = json_node_get_string (stage);
          for (guint k = 0; k < m->n_stages; k++)
            if (g_strcmp0 (m->stages[k].id, id) == 0)
              g_assert_nonnull (strstr (text, m->stages[k].name));
          g_assert_cmpint (gs_actuals_line_get_pace (line (page, GS_ACTUALS_LIST_LEAKS, s)), !=,
                           GS_PACE_ON);
        }
    }
  /* People: bookings won to date, in the CLI's order. */
  {
    JsonArray *people = json_node_get_array (gs_json_lookup (root, "people"));
    g_assert_cmpuint (
        json_array_get_length (people), ==,
        g_list_model_get_n_items (gs_actuals_page_get_list (page, GS_ACTUALS_LIST_PEOPLE)));
    for (guint i = 0; i < json_array_get_length (people); i++)
      {
        g_autofree char *np = g_strdup_printf ("people[%u].name", i);
        g_autofree char *bp = g_strdup_printf ("people[%u].bookings", i);
        g_autofree char *bookings = money_of (m, root, bp);
        GsActualsLine *l = line (page, GS_ACTUALS_LIST_PEOPLE, i);
        g_assert_cmpstr (gs_actuals_line_get_title (l), ==,
                         json_node_get_string (gs_json_lookup (root, np)));
        g_assert_cmpstr (gs_actuals_line_get_actual (l), ==, bookings);
      }
  }
  /* The re-forecast, then the chance of the target once the worker is back. */
  {
    g_autofree char *fc = money_of (m, root, "forecast.forecast");
    g_assert_cmpstr (gs_actuals_line_get_actual (line (page, GS_ACTUALS_LIST_FORECAST, 0)), ==, fc);
  }
  /* Pipeline coverage has no planned figure; behind the coverage needed it
   * says its pace beside the figure, and is not drawn as a leak (it was,
   * red, with the warning icon); a leak's sentence is. */
  {
    GsActualsLine *cov = line (page, GS_ACTUALS_LIST_FORECAST, 1);
    GsActualsRows *rows = gs_actuals_rows_new ();
    GtkWidget *row, *leak;
    guint n = 0;
    g_assert_cmpstr (gs_actuals_line_get_title (cov), ==, "Pipeline coverage");
    g_assert_null (gs_actuals_line_get_planned (cov));
    g_assert_cmpint (gs_actuals_line_get_pace (cov), !=, GS_PACE_ON);
    row = g_object_ref_sink (gs_actuals_row_new (cov, rows));
    g_assert_false (gtk_widget_has_css_class (row, "leak"));
    g_assert_nonnull (find_label (row, gs_pace_label (gs_actuals_line_get_pace (cov)), &n));
    leak = g_object_ref_sink (gs_actuals_row_new (line (page, GS_ACTUALS_LIST_LEAKS, 0), rows));
    if (gs_actuals_line_get_pace (line (page, GS_ACTUALS_LIST_LEAKS, 0)) != GS_PACE_ON)
      g_assert_true (gtk_widget_has_css_class (leak, "leak"));
    g_object_unref (row);
    g_object_unref (leak);
    gs_actuals_rows_free (rows);
  }
  end = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  while (!gs_actuals_page_get_evidence_ready (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gs_actuals_page_get_evidence_ready (page));
  {
    g_autofree char *p_hit
        = gs_format_percent (json_node_get_double (gs_json_lookup (root, "p_hit.evidence")));
    GsActualsLine *l = line (page, GS_ACTUALS_LIST_FORECAST, 2);
    g_assert_cmpstr (gs_actuals_line_get_actual (l), ==, p_hit);
    g_assert_nonnull (strstr (gs_actuals_line_get_subtitle (l), "actuals moved it most"));
  }
  /* The re-forecast fan from the same run: the engine's P(hit) and the
   * bookings won to date the CLI prints, drawn and current. */
  {
    const GsRefan *f = gs_actuals_page_get_refan (page);
    GtkWidget *chart = gs_actuals_page_get_refan_chart (page);
    g_autofree char *p_hit = NULL;
    g_assert_nonnull (f);
    g_assert_true (GS_IS_CHART_VIEW (chart));
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (chart)));
    g_assert_null (gs_chart_view_get_stale (GS_CHART_VIEW (chart)));
    g_assert_true (f->booked);
    g_assert_true (gs_actuals_page_get_current_refan (page) == f); /* what Print draws */
    g_assert_cmpfloat (f->p_hit, ==,
                       json_node_get_double (gs_json_lookup (root, "p_hit.evidence")));
    p_hit = gs_format_percent (f->p_hit);
    g_assert_cmpstr (gs_actuals_line_get_actual (line (page, GS_ACTUALS_LIST_FORECAST, 2)), ==,
                     p_hit);
    g_assert_cmpint (f->actual_to_date, ==,
                     json_node_get_int (gs_json_lookup (root, "forecast.won.minor")));
    /* Another day: the old chart stays, stale, until the new run is back. */
    g_date_set_dmy (&day, 30, 4, 2027);
    gs_actuals_page_set_day (page, &day);
    g_assert_true (gs_actuals_page_get_refan (page) == f);
    g_assert_null (gs_actuals_page_get_current_refan (page)); /* not for Print */
    g_assert_cmpstr (gs_chart_view_get_stale (GS_CHART_VIEW (chart)), ==, "Updating…");
    end = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
    while (!gs_actuals_page_get_evidence_ready (page) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gs_actuals_page_get_evidence_ready (page));
    g_assert_null (gs_chart_view_get_stale (GS_CHART_VIEW (chart)));
    g_assert_cmpint (g_date_get_day (&gs_actuals_page_get_refan (page)->as_of), ==, 30);
  }

  /* Each import was one step: two undos and the plan has no actuals. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 0);
  g_assert_true (gs_plan_undo (plan));
  g_assert_null (gs_plan_get_model (plan)->actuals);
  gs_actuals_page_update (page, plan);
  g_assert_null (gs_actuals_page_get_heading (page));
  g_assert_cmpuint (
      g_list_model_get_n_items (gs_actuals_page_get_list (page, GS_ACTUALS_LIST_GOALS)), ==, 0);
  g_object_unref (widget);
}

#define MALFORMED                                                                                  \
  "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"                      \
  "1,Good,Tom Becker,100,Closed Won,2027-03-05,2027-03-20\n"                                       \
  "2,Bad amount,Tom Becker,lots,Closed Won,2027-03-05,2027-03-20\n"                                \
  "3,Backwards,Tom Becker,100,Closed Won,2027-03-05,2027-02-20\n"                                  \
  "4,Odd stage,Tom Becker,100,Verbally Agreed,2027-03-05,\n"

static void
test_malformed (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-actuals-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deals.csv", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (GError) error = NULL;
  GsImportDialog *dialog = gs_import_dialog_new (NULL, plan);
  GListModel *problems = gs_import_dialog_get_problems (dialog);
  const char *expected[] = {
    "Row 3, Amount “lots”: not a number",
    "Row 4, Close Date “2027-02-20”: the close date is before the create date",
    "Row 5, Deal Stage “Verbally Agreed”: an unknown stage: map it to a stage of the plan (or "
    "“lost”) in the mapping's stages",
  };

  g_assert_true (g_file_set_contents (path, MALFORMED, -1, NULL));
  g_assert_true (gs_import_dialog_load (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->imported, ==, 1);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->refused, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (problems), i), ==, expected[i]);

  /* Mapped in the dialog, the unknown stage imports its row. */
  g_assert_true (gs_import_dialog_map (dialog, "stages", "Verbally Agreed", "opportunity", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->imported, ==, 2);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->refused, ==, 2);
  /* A mapping to a stage the plan lacks is refused and changes nothing. */
  g_assert_false (gs_import_dialog_map (dialog, "stages", "Verbally Agreed", "nowhere", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->imported, ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);

  /* Committed: the plan holds the two rows and the mapping, in one step. */
  g_assert_true (gs_import_dialog_commit (dialog, &error));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 2);
  g_assert_cmpstr (gs_actuals_map_lookup (gs_plan_get_model (plan)->actuals->mapping.stages,
                                          gs_plan_get_model (plan)->actuals->mapping.n_stages,
                                          "Verbally Agreed"),
                   ==, "opportunity");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A file that is not CSV is refused whole, with the reason. */
  g_assert_true (g_file_set_contents (broken, "Record ID,Amount\n\"1,100\n", -1, NULL));
  dialog = gs_import_dialog_new (NULL, plan);
  g_assert_false (gs_import_dialog_load (dialog, broken_file, &error));
  g_assert_nonnull (error);
  g_test_message ("not CSV: %s", error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_unlink (broken);
  g_rmdir (dir);
}

/* Save Mapping in the dialog stores the corrected mapping — the stage mapped
 * by hand and the names resolved from the file — and no rows, as one step;
 * the next dialog on the same file finds it in the plan. */
static void
test_save_mapping (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-actuals-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deals.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GsImportDialog *dialog = gs_import_dialog_new (NULL, plan);
  const GsActualsData *a;

  g_assert_true (g_file_set_contents (path, MALFORMED, -1, NULL));
  g_assert_true (gs_import_dialog_load (dialog, file, &error));
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->refused, ==, 3);
  g_assert_true (gs_import_dialog_map (dialog, "stages", "Verbally Agreed", "opportunity", &error));
  g_assert_true (gs_import_dialog_map (dialog, "columns", "name", "Deal owner", &error));
  g_assert_no_error (error);
  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_true (gs_import_dialog_save_mapping (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  a = gs_plan_get_model (plan)->actuals;
  g_assert_nonnull (a);
  g_assert_cmpuint (a->n_deals, ==, 0); /* no rows */
  g_assert_cmpuint (a->n_people, ==, 0);
  g_assert_cmpstr (
      gs_actuals_map_lookup (a->mapping.stages, a->mapping.n_stages, "Verbally Agreed"), ==,
      "opportunity");
  g_assert_cmpstr (gs_actuals_map_lookup (a->mapping.stages, a->mapping.n_stages, "Closed Won"), ==,
                   "won");
  g_assert_cmpstr (gs_actuals_map_lookup (a->mapping.columns, a->mapping.n_columns, "name"), ==,
                   "Deal owner");
  /* The actuals section is format 1.1; the seed plan, 1.3 already (its SPIF
   * has a rule), is never written at a lower version. */
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.3");

  /* The next dialog on the file: the stage is mapped already. */
  dialog = gs_import_dialog_new (NULL, plan);
  g_assert_true (gs_import_dialog_load (dialog, file, &error));
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->refused, ==, 2);
  g_assert_cmpuint (gs_import_dialog_get_report (dialog)->imported, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* One Undo takes the mapping, and the section made for it, back. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_false (gs_plan_can_undo (plan));
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_changed (GsPlan *plan, const char *path, GsActualsPage *page)
{
  gs_actuals_page_update (page, plan); /* as the window does for the visible page */
}

/* The roster on the page: Tom Becker's quota typed into his row is one
 * engine edit (actuals.people[i].quota), his attainment follows, and Undo
 * takes it back.  Quota to date on 15 April 2027 = 260,000 × 2.5 ÷ 12 =
 * 54,166.67; his 117,000 booked is 216 % of it. */
static void
test_roster (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_actuals_page_new ());
  GsActualsPage *page = GS_ACTUALS_PAGE (widget);
  g_autofree char *deals = source_file ("crm", "seed-saas-hubspot-deals.csv");
  g_autofree char *path = NULL;
  GListModel *people;
  GtkWidget *field;
  int tom = -1;
  guint row = 0;
  GDate day;

  import_file (plan, deals, GS_CRM_DEALS, 70);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 4, 2027);
  gs_actuals_page_set_day (page, &day);
  gs_actuals_page_update (page, plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_changed), page, 0);
  people = gs_actuals_page_get_list (page, GS_ACTUALS_LIST_PEOPLE);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_strcmp0 (gs_actuals_line_get_title (line (page, GS_ACTUALS_LIST_PEOPLE, i)), "Tom Becker")
        == 0)
      {
        tom = gs_actuals_line_get_person (line (page, GS_ACTUALS_LIST_PEOPLE, i));
        row = i;
      }
  g_assert_cmpint (tom, >=, 0);
  g_assert_cmpstr (gs_actuals_line_get_actual (line (page, GS_ACTUALS_LIST_PEOPLE, row)), ==,
                   "$117,000");

  path = g_strdup_printf ("actuals.people[%d].quota", tom);
  field = (GtkWidget *) gs_field_find (widget, path, FALSE);
  g_assert_nonnull (field);
  gs_field_set_text (GS_FIELD (field), "260000");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->people[tom].quota, ==, 26000000);
  g_assert_cmpstr (gs_actuals_line_get_planned (line (page, GS_ACTUALS_LIST_PEOPLE, row)), ==,
                   "$54,167");
  g_assert_cmpstr (gs_actuals_line_get_share (line (page, GS_ACTUALS_LIST_PEOPLE, row)), ==,
                   "216 %");
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->people[tom].quota, ==, 0);
  g_object_unref (widget);
}

/* The person's line on the page's roster, or NULL. */
static GsActualsLine *
person_line (GsActualsPage *page, const char *name)
{
  GListModel *people = gs_actuals_page_get_list (page, GS_ACTUALS_LIST_PEOPLE);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_strcmp0 (gs_actuals_line_get_title (line (page, GS_ACTUALS_LIST_PEOPLE, i)), name) == 0)
      return line (page, GS_ACTUALS_LIST_PEOPLE, i);
  return NULL;
}

/* Add Person…: the dialog checks each keystroke with the engine (blank, a
 * name the roster has after folding case and accents, over 200 characters,
 * a bad e-mail or quota), Add is one undoable edit, and the new person is
 * on the page with the quota typed: 300,000 a year, so 62,500 to date on 15
 * April 2027 (300,000 × 2.5 ÷ 12).  A person no record names can be
 * removed (confirmed), one with deals cannot. */
static void
test_add_person (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_actuals_page_new ());
  GsActualsPage *page = GS_ACTUALS_PAGE (widget);
  g_autofree char *deals = source_file ("crm", "seed-saas-hubspot-deals.csv");
  g_autofree char *long_name = g_strnfill (201, 'n');
  AdwMessageDialog *dialog;
  GsActualsLine *nia;
  GtkWidget *add, *remove;
  guint n_people, nth;
  GDate day;

  import_file (plan, deals, GS_CRM_DEALS, 70);
  n_people = gs_plan_get_model (plan)->actuals->n_people;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 4, 2027);
  gs_actuals_page_set_day (page, &day);
  gs_actuals_page_update (page, plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_changed), page, 0);

  /* The button on the roster opens the dialog. */
  nth = 0;
  add = find_button (widget, "Add _Person…", &nth);
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add")); /* nothing typed */
  gs_person_dialog_fill (dialog, "   ", NULL, NULL, NULL);
  g_assert_cmpstr (gs_person_dialog_get_message (dialog), ==, "A person needs a name.");
  gs_person_dialog_fill (dialog, "TOM  becker", NULL, NULL, NULL);
  g_assert_cmpstr (gs_person_dialog_get_message (dialog), ==,
                   "There is already a person named “Tom Becker” on the roster; choose another "
                   "name.");
  gs_person_dialog_fill (dialog, long_name, NULL, NULL, NULL);
  g_assert_cmpstr (gs_person_dialog_get_message (dialog), ==,
                   "a name of 201 characters; at most 200 are allowed");
  gs_person_dialog_fill (dialog, "Nia Okafor", "nia", NULL, NULL);
  g_assert_cmpstr (gs_person_dialog_get_message (dialog), ==,
                   "“nia” is not an e-mail address (like ann@example.com)");
  gs_person_dialog_fill (dialog, NULL, "nia@example.com", "ae", "lots");
  g_assert_cmpstr (gs_person_dialog_get_message (dialog), ==, "“lots” is not an amount");
  gs_person_dialog_fill (dialog, NULL, NULL, NULL, "$300,000");
  g_assert_null (gs_person_dialog_get_message (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add"); /* which closes it */

  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, n_people + 1);
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->people[n_people].email, ==,
                   "nia@example.com");
  nia = person_line (page, "Nia Okafor");
  g_assert_nonnull (nia);
  g_assert_cmpstr (gs_actuals_line_get_planned (nia), ==, "$62,500");
  g_assert_cmpstr (gs_actuals_line_get_actual (nia), ==, "$0");

  /* Remove…: Nia's is offered (the last row's), Tom's is not. */
  {
    guint people
        = g_list_model_get_n_items (gs_actuals_page_get_list (page, GS_ACTUALS_LIST_PEOPLE));
    GsActualsLine *tom = person_line (page, "Tom Becker");
    GListModel *list = gs_actuals_page_get_list (page, GS_ACTUALS_LIST_PEOPLE);
    guint tom_at = 0, nia_at = 0;
    for (guint i = 0; i < people; i++)
      {
        g_autoptr (GsActualsLine) l = g_list_model_get_item (list, i);
        if (l == tom)
          tom_at = i;
        if (l == person_line (page, "Nia Okafor"))
          nia_at = i;
      }
    nth = tom_at;
    remove = find_button (widget, "_Remove…", &nth);
    g_assert_nonnull (remove);
    g_assert_false (gtk_widget_get_sensitive (remove));
    nth = nia_at;
    remove = find_button (widget, "_Remove…", &nth);
    g_assert_nonnull (remove);
    g_assert_true (gtk_widget_get_sensitive (remove));
  }
  g_signal_emit_by_name (remove, "clicked");
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Remove Nia Okafor from the Roster?");
  adw_message_dialog_response (dialog, "remove");
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, n_people);
  g_assert_null (person_line (page, "Nia Okafor"));

  /* Undo the removal, then the addition: one step each. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_nonnull (person_line (page, "Nia Okafor"));
  g_assert_true (gs_plan_undo (plan));
  g_assert_null (person_line (page, "Nia Okafor"));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, n_people);
  g_object_unref (widget);
}

/* The delta the page shows on a count line: the CLI's actual to date now
 * against the baseline's ("↑ 412"), or NULL when unchanged. */
static char *
count_delta (JsonNode *now, JsonNode *before, const char *path)
{
  gint64 a = json_node_get_int (gs_json_lookup (now, path));
  gint64 b = json_node_get_int (gs_json_lookup (before, path));
  g_autofree char *n = gs_format_count (a > b ? a - b : b - a);
  return a == b ? NULL : g_strdup_printf ("%s %s", a > b ? "↑" : "↓", n);
}

static void
wait_for_evidence (GsActualsPage *page)
{
  gint64 end = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  while (!gs_actuals_page_get_evidence_ready (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gs_actuals_page_get_evidence_ready (page));
}

/* Meeting mode on the page: the deals are imported and agreed as the
 * baseline; the contacts imported in the meeting move the Lead, MQL and SQL
 * lines by what `goalsheet-cli track --json` says changed (the deal stage
 * and the win are counted from deals, so they show no delta), then one more
 * won deal of Tom Becker's (12,000.00 on 2 April 2027) moves the wins by
 * ↑ 1, his bookings by 12,000 ÷ 117,000 = ↑ 10.3 %, the bookings line and
 * the re-forecast; the chance of the target's delta is the CLI's P(hit)
 * after less before, in points.  Undo takes the deltas away. */
static void
test_meeting (void)
{
  g_autoptr (GsPlan) plan = seed_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_actuals_page_new ());
  GsActualsPage *page = GS_ACTUALS_PAGE (widget);
  g_autofree char *contacts = source_file ("crm", "seed-saas-hubspot-contacts.csv");
  g_autofree char *deals = source_file ("crm", "seed-saas-hubspot-deals.csv");
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-actuals-XXXXXX", NULL);
  g_autofree char *extra = g_build_filename (dir, "one-more.csv", NULL);
  g_autoptr (JsonNode) agreed = NULL, mid = NULL, after = NULL;
  g_autoptr (GError) error = NULL;
  const char *css = NULL;
  GsActualsLine *tom;
  const GsModel *m;
  GDate day;

  import_file (plan, deals, GS_CRM_DEALS, 70);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 4, 2027);
  gs_actuals_page_set_day (page, &day);
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  agreed = track_json (plan, TRUE);
  gs_actuals_page_update (page, plan);
  /* Nothing changed since the baseline: no line has a delta. */
  for (guint k = 0;
       k < g_list_model_get_n_items (gs_actuals_page_get_list (page, GS_ACTUALS_LIST_GOALS)); k++)
    g_assert_null (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, k), NULL));

  import_file (plan, contacts, GS_CRM_LEADS, 600);
  m = gs_plan_get_model (plan);
  gs_actuals_page_update (page, plan);
  mid = track_json (plan, FALSE);
  for (guint k = 0; k < m->n_stages; k++)
    {
      g_autofree char *path = g_strdup_printf ("to_date.stages[%u].actual", k);
      g_autofree char *want = count_delta (mid, agreed, path);
      GsActualsLine *l = line (page, GS_ACTUALS_LIST_GOALS, k);
      g_test_message ("%s: %s", m->stages[k].name, want ? want : "(none)");
      g_assert_cmpstr (gs_actuals_line_get_delta (l, &css), ==, want);
      if (want)
        g_assert_cmpstr (css, ==, "success"); /* more actual is good */
    }
  g_assert_nonnull (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, 0), NULL));
  g_assert_null (
      gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, m->n_stages - 1), NULL));

  /* One more won deal, imported in the meeting. */
  g_assert_true (g_file_set_contents (
      extra,
      "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"
      "9999,One more,Tom Becker,12000,Closed Won,2027-03-01,2027-04-02\n",
      -1, NULL));
  import_file (plan, extra, GS_CRM_DEALS, 1);
  m = gs_plan_get_model (plan); /* each edit makes a new model */
  gs_actuals_page_update (page, plan);
  after = track_json (plan, TRUE);
  g_assert_cmpstr (
      gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, m->n_stages - 1), &css), ==,
      "↑ 1");
  g_assert_cmpstr (css, ==, "success");
  tom = person_line (page, "Tom Becker");
  g_assert_cmpstr (gs_actuals_line_get_actual (tom), ==, "$129,000");
  g_assert_cmpstr (gs_actuals_line_get_delta (tom, NULL), ==, "↑ 10.3 %");
  g_assert_nonnull (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, m->n_stages),
                                               NULL)); /* the bookings */
  {
    /* The re-forecast moved by what the CLI says, as a share of before. */
    gint64 a = json_node_get_int (gs_json_lookup (after, "forecast.forecast.minor"));
    gint64 b = json_node_get_int (gs_json_lookup (agreed, "forecast.forecast.minor"));
    g_autofree char *pct = gs_format_percent (fabs ((double) (a - b) / (double) b));
    g_autofree char *want = g_strdup_printf ("%s %s", a > b ? "↑" : "↓", pct);
    g_assert_cmpint (a, !=, b);
    g_assert_cmpstr (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_FORECAST, 0), NULL), ==,
                     want);
  }
  wait_for_evidence (page);
  {
    double a = json_node_get_double (gs_json_lookup (after, "p_hit.evidence"));
    double b = json_node_get_double (gs_json_lookup (agreed, "p_hit.evidence"));
    g_autofree char *want
        = gs_meeting_track_delta (m, GS_TRACK_UNIT_SHARE, GS_DIRECTION_UP_GOOD, a, b, NULL);
    g_test_message ("P(hit) %g → %g: %s", b, a, want ? want : "(none)");
    g_assert_cmpstr (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_FORECAST, 2), NULL), ==,
                     want);
  }

  /* Undo both imports: back to the baseline, no deltas. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  gs_actuals_page_update (page, plan);
  g_assert_null (gs_actuals_line_get_delta (line (page, GS_ACTUALS_LIST_GOALS, 0), NULL));
  g_assert_null (gs_actuals_line_get_delta (person_line (page, "Tom Becker"), NULL));
  g_unlink (extra);
  g_rmdir (dir);
  g_object_unref (widget);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  /* As in gui-widgets: the figures are written for the C locale. */
  setlocale (LC_NUMERIC, "C.UTF-8");
  setlocale (LC_MONETARY, "C.UTF-8");
  adw_init ();
  g_test_add_func ("/actuals/import-and-track", test_import_and_track);
  g_test_add_func ("/actuals/malformed", test_malformed);
  g_test_add_func ("/actuals/roster", test_roster);
  g_test_add_func ("/actuals/add-person", test_add_person);
  g_test_add_func ("/actuals/save-mapping", test_save_mapping);
  g_test_add_func ("/actuals/meeting", test_meeting);
  return g_test_run ();
}
