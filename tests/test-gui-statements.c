/* test-gui-statements.c — the Statements view on the seed example with its
 * HubSpot export (docs/statements.md, "In the app").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tom Becker's FY28 Q1 statement in the page must show what `goalsheet-cli
 * statement --json` prints (what the period pays, each credited deal); a
 * dispute note goes on its line, into the next quarter as an open note of an
 * earlier period, and away with Undo; a note on a deal not in the period is
 * refused in words; an edit to the pay plan (the AE's OTE doubled) changes
 * the page as it changes the CLI's statement.
 */
#include <locale.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "gs-format.h"
#include "gs-json.h"
#include "gs-statement-item.h"
#include "gs-statements-page.h"
#include "test-cli-run.h"
#include "test-gui-util.h"

static char *dir, *plan_path;

static char *
source_file (const char *folder, const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", folder, name, NULL);
}

/* The seed example with its HubSpot deals and splits imported by the CLI. */
static GsPlan *
imported_plan (void)
{
  g_autofree char *seed = source_file ("seed-saas.goalsheet", NULL);
  g_autofree char *deals = source_file ("crm", "seed-saas-hubspot-deals.csv");
  g_autofree char *splits = source_file ("crm", "seed-saas-hubspot-splits.csv");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (CliRun) run = { 0 };
  GsPlan *plan;

  g_assert_true (g_file_get_contents (seed, &text, NULL, &error));
  g_assert_true (g_file_set_contents (plan_path, text, -1, &error));
  cli_run (&run, "import", plan_path, "--deals", deals, "--splits", splits, NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = gs_plan_new_from_file (plan_path, &error);
  g_assert_no_error (error);
  return plan;
}

/* goalsheet-cli statement --json of the plan as it stands. */
static JsonNode *
cli_statement (GsPlan *plan, const char *period)
{
  g_autoptr (GError) error = NULL;
  g_auto (CliRun) run = { 0 };
  JsonNode *root;
  g_assert_true (gs_plan_save_to_file (plan, plan_path, &error));
  cli_run (&run, "statement", plan_path, "--person", "Tom Becker", "--period", period, "--json",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return root;
}

/* "13510.00" → "$13,510.00", as the page writes it. */
static char *
money (GsPlan *plan, const char *plain)
{
  const GsModel *m = gs_plan_get_model (plan);
  GsMoney minor = (GsMoney) llround (g_ascii_strtod (plain, NULL) * 100);
  return gs_format_money (minor, 2, m->company.currency, GS_MONEY_FORMAT_FULL);
}

static GsStatementItem *
item (GsStatementsPage *page, GsStatementsList list, guint i)
{
  GListModel *model = gs_statements_page_get_list (page, list);
  GsStatementItem *it;
  g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
  it = g_list_model_get_item (model, i);
  g_object_unref (it); /* the store keeps it */
  return it;
}

static guint
n_items (GsStatementsPage *page, GsStatementsList list)
{
  return g_list_model_get_n_items (gs_statements_page_get_list (page, list));
}

/* The page's "Paid in the period" line (the last total) against the CLI. */
static void
assert_paid (GsStatementsPage *page, GsPlan *plan, const char *period)
{
  g_autoptr (JsonNode) cli = cli_statement (plan, period);
  JsonObject *o = json_node_get_object (cli);
  g_autofree char *paid = money (plan, json_object_get_string_member (o, "paid"));
  GsStatementItem *last
      = item (page, GS_STATEMENTS_LIST_TOTALS, n_items (page, GS_STATEMENTS_LIST_TOTALS) - 1);
  g_assert_cmpstr (gs_statement_item_get_title (last), ==, "Paid in the period");
  g_assert_cmpstr (gs_statement_item_get_value (last), ==, paid);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_CREDITS), ==,
                    json_array_get_length (json_object_get_array_member (o, "credits")));
}

static void
test_statement (void)
{
  g_autoptr (GsPlan) plan = imported_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_statements_page_new ());
  GsStatementsPage *page = GS_STATEMENTS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  const char *deal;
  GsDisputeLine line;
  GsStatementItem *first;

  gs_statements_page_update (page, plan);
  g_assert_true (gs_statements_page_choose (page, 2, "FY28 Q1"));
  g_assert_false (gs_statements_page_choose (page, 2, "FY27 Q1")); /* not of the plan year */
  assert_paid (page, plan, "FY28 Q1");
  /* The commission, by hand: his own-bookings credit 125,450.00 of a
   * 520,000.00 quota pays 125,450 ÷ 520,000 × 56,000.00 = 13,510.00 before
   * the discount modifier; each deal's part × its band's multiplier
   * (test-expense-cli.c works it deal by deal): 9019 2,692.31 × 0.9 (15 %
   * off) = 2,423.08, 9049 2,692.31 × 0.9 = 2,423.08, 9007 4,523.07 × 0.7
   * (30 % off) = 3,166.15, 9059 2,692.31 × 0.7 = 1,884.62, 9006 242.31 ×
   * 0.9 = 218.08, 9033 667.69 × 0.9 = 600.92 → 10,715.93. */
  g_assert_cmpstr (gs_statement_item_get_value (item (page, GS_STATEMENTS_LIST_TOTALS, 0)), ==,
                   "$10,715.93");
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_MEASURES), >, 0);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_TRACE), >, 0);

  /* A note on the first credited deal, 9019 (8 March). */
  first = item (page, GS_STATEMENTS_LIST_CREDITS, 0);
  g_assert_true (gs_statement_item_get_line (first, &deal, &line));
  g_assert_cmpstr (deal, ==, "9019");
  g_assert_cmpint (line, ==, GS_DISPUTE_CREDIT);
  g_assert_true (
      gs_statements_page_add_note (page, "9019", GS_DISPUTE_CREDIT, " Split was 90 % ", &error));
  g_assert_no_error (error);
  gs_statements_page_update (page, plan); /* the window does this on ::changed */
  g_assert_nonnull (
      strstr (gs_statement_item_get_subtitle (item (page, GS_STATEMENTS_LIST_CREDITS, 0)),
              "Note (open): Split was 90 %"));
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 1);

  /* The next quarter carries it; 9019 is not on that statement. */
  g_assert_true (gs_statements_page_choose (page, 2, "FY28 Q2"));
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 1);
  g_assert_true (
      g_str_has_prefix (gs_statement_item_get_title (item (page, GS_STATEMENTS_LIST_NOTES, 0)),
                        "From FY28 Q1: Deal 9019, credit — open"));
  g_assert_false (gs_statements_page_add_note (page, "9019", GS_DISPUTE_CREDIT, "x", &error));
  g_assert_nonnull (strstr (error->message, "deal “9019” is not on Tom Becker's statement for "
                                            "FY28 Q2: it is not credited to them in that period"));
  g_clear_error (&error);
  assert_paid (page, plan, "FY28 Q2");

  /* Resolved, it is no longer carried; undone, open again; undone, gone. */
  g_assert_true (gs_statements_page_resolve_note (page, 0, TRUE, &error));
  gs_statements_page_update (page, plan);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 0);
  g_assert_true (gs_plan_undo (plan));
  gs_statements_page_update (page, plan);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 1);
  g_assert_true (gs_plan_undo (plan));
  gs_statements_page_update (page, plan);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 0);

  /* The pay plan edited: the page follows the engine. */
  g_assert_true (gs_statements_page_choose (page, 2, "FY28 Q1"));
  g_assert_true (gs_plan_set_money (plan, "compensation.roles[0].ote", 32000000, &error));
  g_assert_no_error (error);
  gs_statements_page_update (page, plan);
  g_assert_cmpstr (gs_statement_item_get_value (item (page, GS_STATEMENTS_LIST_TOTALS, 0)), !=,
                   "$10,715.93");
  assert_paid (page, plan, "FY28 Q1");
  g_object_unref (widget);
}

static void
on_changed (GsPlan *plan, const char *path, GsStatementsPage *page)
{
  gs_statements_page_update (page, plan); /* as the window does */
}

/* The n-th button labelled text on the page, clicked; the dialog it opened. */
static AdwMessageDialog *
click (GtkWidget *page, const char *text, guint n)
{
  GtkWidget *button = find_button (page, text, &n);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  return open_message_dialog ();
}

/* A note's text edited and a note deleted from the notes list's Edit… and
 * Delete… (confirmed), one undoable edit each; the statement's line and the
 * next quarter follow. */
static void
test_edit_and_delete_notes (void)
{
  g_autoptr (GsPlan) plan = imported_plan ();
  GtkWidget *widget = g_object_ref_sink (gs_statements_page_new ());
  GsStatementsPage *page = GS_STATEMENTS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  gs_statements_page_update (page, plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_changed), page, 0);
  g_assert_true (gs_statements_page_choose (page, 2, "FY28 Q1"));
  g_assert_true (
      gs_statements_page_add_note (page, "9019", GS_DISPUTE_CREDIT, "Split was 90 %", &error));
  g_assert_true (gs_statements_page_add_note (page, "9019", GS_DISPUTE_COMMISSION,
                                              "Paid at the old rate", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 2);

  /* Edit… on the first note: blank text cannot be saved; new text can. */
  dialog = click (widget, "_Edit…", 0);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Dispute Note");
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Split was 90 %");
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " Split was 85/15, not 100 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->disputes[0].text, ==,
                   "Split was 85/15, not 100");
  g_assert_nonnull (
      strstr (gs_statement_item_get_subtitle (item (page, GS_STATEMENTS_LIST_CREDITS, 0)),
              "Note (open): Split was 85/15, not 100"));
  /* The engine refuses blank text in its words too. */
  g_assert_false (gs_statements_page_edit_note (page, 0, " ", &error));
  g_assert_cmpstr (error->message, ==, "a dispute note needs some text");
  g_clear_error (&error);

  /* Delete… asks first; Cancel keeps the note. */
  dialog = click (widget, "_Delete…", 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete the Dispute Note?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Split was 85/15, not 100”"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 2);
  dialog = click (widget, "_Delete…", 0);
  adw_message_dialog_response (dialog, "delete");
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 1);
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 1);
  g_assert_null (strstr (
      gs_statement_item_get_subtitle (item (page, GS_STATEMENTS_LIST_CREDITS, 0)), "Note ("));
  /* The note left is carried to FY28 Q2 as before. */
  g_assert_true (gs_statements_page_choose (page, 2, "FY28 Q2"));
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 1);
  g_assert_nonnull (strstr (gs_statement_item_get_title (item (page, GS_STATEMENTS_LIST_NOTES, 0)),
                            "Paid at the old rate"));

  /* Undo the delete, then the edit: one step each. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (n_items (page, GS_STATEMENTS_LIST_NOTES), ==, 2);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->disputes[0].text, ==, "Split was 90 %");
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->disputes[0].text, ==,
                   "Split was 85/15, not 100");
  g_object_unref (widget);
}

int
main (int argc, char **argv)
{
  int status;
  gtk_test_init (&argc, &argv, NULL);
  /* As in gui-widgets: the figures are written for the C locale. */
  setlocale (LC_NUMERIC, "C.UTF-8");
  setlocale (LC_MONETARY, "C.UTF-8");
  adw_init ();
  dir = g_dir_make_tmp ("goalsheet-statements-XXXXXX", NULL);
  plan_path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_test_add_func ("/statements/statement", test_statement);
  g_test_add_func ("/statements/edit-and-delete-notes", test_edit_and_delete_notes);
  status = g_test_run ();
  g_unlink (plan_path);
  g_rmdir (dir);
  g_free (plan_path);
  g_free (dir);
  return status;
}
