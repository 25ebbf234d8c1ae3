/* test-export.c — export layout, CSV, atomic workbook writing and its errors.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recalculation checks (every formula against LibreOffice Calc) are in
 * export-check.py, suite "export"; this covers what needs no spreadsheet.
 */
#include "gs-error.h"
#include "gs-export.h"
#include "gs-export-private.h"
#include "gs-plan.h"

#include <glib/gstdio.h>
#include <string.h>

static GsPlan *
load (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  GsPlan *plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

static const GsXTable *
table (const GsExportBook *book, const char *name)
{
  for (guint i = 0; i < book->tables->len; i++)
    {
      const GsXTable *t = g_ptr_array_index (book->tables, i);
      if (g_str_equal (t->name, name))
        return t;
    }
  g_assert_not_reached ();
}

/* Streamed rows (People) are made into one scratch row: a cell is read
 * before the next is asked for. */
static const GsXCell *
cell (const GsXTable *t, guint row, guint col)
{
  static GsXRow *scratch;
  const GsXRow *r;
  if (scratch == NULL)
    scratch = gs_xrow_new ();
  r = gs_xtable_row (t, row, scratch);
  g_assert_cmpuint (col, <, r->cells->len);
  return &g_array_index (r->cells, GsXCell, col);
}

/* Seed plan, marketing inbound, wins in the first plan month (Feb 27):
 * the FY target is 2,000,000 × 1.3 = 2,600,000; Feb's seasonality weight is
 * 0.8 of 11.9, so 2,600,000 × 0.8 / 11.9 = 174,789.92; the inbound share of
 * 65 % is 113,613.45; ÷ 25,000 deal size = 4.54 → 5 wins.  The cell's formula
 * is the engine's cumulative ceiling over the target row. */
static void
test_funnel_cell (void)
{
  g_autoptr (GsPlan) plan = load ("seed-saas.goalsheet");
  const GsResult *r = gs_plan_get_result (plan, NULL);
  g_autoptr (GsExportBook) book = gs_export_book_new (plan, NULL);
  const GsXTable *t = table (book, "Funnel");
  guint col = 2 + r->n_pre; /* Source, Stage, then the months */
  guint target_row = 4, won_row = 4 + 5;
  const GsXCell *target = cell (t, target_row, col);
  const GsXCell *won = cell (t, won_row, col);

  /* Three months before the plan (Nov 26 – Jan 27): Feb 27 is column F. */
  g_assert_cmpuint (r->n_pre, ==, 3);
  g_assert_cmpstr (cell (t, won_row, 1)->text, ==, "Won");
  g_assert_cmpint (target->kind, ==, GS_XCELL_MONEY);
  g_assert_cmpint (target->amount, ==, 11361345);
  /* The split across sources is on the Targets sheet. */
  g_assert_true (g_str_has_prefix (target->formula, "'Targets'!"));
  g_assert_cmpint (won->amount, ==, 5);
  /* The running total starts at the first month: SUM($F$5:F5). */
  g_assert_cmpstr (won->formula, ==, "MAX(0,ROUNDUP(SUM($F$5:F5)/DealSize-1E-9,0))");
}

/* Cell references, written out by hand: columns A–Z, then AA, AB, … */
static void
test_xref (void)
{
  const struct
  {
    guint row, col;
    gboolean abs;
    const char *want;
  } cases[] = {
    { 0, 0, FALSE, "A1" },      { 4, 5, TRUE, "$F$5" },  { 4, 5, FALSE, "F5" },
    { 0, 25, FALSE, "Z1" },     { 0, 26, FALSE, "AA1" }, { 9, 27, TRUE, "$AB$10" },
    { 99, 51, FALSE, "AZ100" }, { 0, 52, FALSE, "BA1" }, { 0, 701, FALSE, "ZZ1" },
    { 0, 702, FALSE, "AAA1" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ref = gs_xref (cases[i].row, cases[i].col, cases[i].abs);
      g_assert_cmpstr (ref, ==, cases[i].want);
    }
}

static void
test_csv_injection (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "injection.goalsheet", NULL);
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  g_autoptr (GsExportBook) book = NULL;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  book = gs_export_book_new (plan, NULL);
  /* User text is a TEXT cell, never a formula, in the book… */
  g_assert_cmpint (cell (table (book, "Inputs"), 0, 0)->kind, ==, GS_XCELL_TEXT);
  g_assert_null (cell (table (book, "Inputs"), 0, 0)->formula);
  /* …and quoted with an apostrophe in CSV. */
  csv = gs_export_csv_table (book, table (book, "Inputs"));
  g_assert_true (
      g_str_has_prefix (csv, "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Acme\"\")\"\r\n"));
}

static char **
leftovers (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
test_atomic (void)
{
  g_autoptr (GsPlan) plan = load ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.xlsx", NULL);
  g_autofree char *huge = g_strnfill (40000, 'x');
  g_auto (GStrv) files = NULL;
  g_autofree char *old = NULL;
  gsize len = 0;

  if (!gs_export_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  g_assert_true (gs_export_xlsx (plan, out, &error));
  g_assert_no_error (error);
  files = leftovers (dir);
  g_assert_cmpuint (g_strv_length (files), ==, 1); /* plan.xlsx and no temporary file */
  g_assert_true (g_file_get_contents (out, &old, &len, NULL));
  g_assert_true (len > 1000 && memcmp (old, "PK", 2) == 0);

  /* A folder that does not exist: an I/O error naming the file. */
  g_assert_false (gs_export_xlsx (plan, missing, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A definition longer than a cell can hold never reaches the workbook: the
   * plan refuses any text over 10,000 characters, naming the field
   * (GS_MAX_TEXT), so validate and every verb agree; plan.xlsx is untouched. */
  g_assert_false (gs_plan_set_string (plan, "agreements.mql_definition", huge, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agreements.mql_definition: a text of 40000"));
  g_clear_error (&error);
  g_strfreev (files);
  files = leftovers (dir);
  g_assert_cmpuint (g_strv_length (files), ==, 1);
  {
    g_autofree char *now = NULL;
    gsize now_len = 0;
    g_assert_true (g_file_get_contents (out, &now, &now_len, NULL));
    g_assert_cmpmem (now, now_len, old, len);
  }
  g_unlink (out);
  g_rmdir (dir);
}

/* tests/data/people.goalsheet: AEs on OTE 160,000.00 at a 50 % mix, so a
 * target incentive of 80,000.00 on one flat component (rate 1 per 100 %):
 * each AE earns 80,000.00 at plan, whatever their quota (@Ana's own quota
 * is 600,000.00).  SDRs: 90,000.00 × 30 % = 27,000.00 each, unnamed, 3 of
 * them (2 at the start + 1 hire).  Everyone: 3 × 80,000 + 3 × 27,000 =
 * 321,000.00. */
static void
test_people (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "people.goalsheet", NULL);
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  g_autoptr (GsExportBook) book = NULL;
  const GsXTable *t;
  guint last;

  g_assert_no_error (error);
  book = gs_export_book_new (plan, &error);
  g_assert_no_error (error);
  t = table (book, "People");
  g_assert_cmpuint (gs_xtable_n_rows (t), ==, 2 + 3 + 1 + 1);
  g_assert_cmpuint (t->n_streamed, ==, 3 + 1); /* one row a person, streamed */
  g_assert_cmpstr (cell (t, 2, 0)->text, ==, "@Ana");
  g_assert_cmpint (cell (t, 2, 0)->kind, ==, GS_XCELL_TEXT);
  g_assert_cmpint (cell (t, 2, 3)->amount, ==, 60000000);
  g_assert_cmpint (cell (t, 2, 6)->amount, ==, 8000000);
  g_assert_cmpint (cell (t, 4, 6)->amount, ==, 8000000);
  g_assert_cmpint (cell (t, 5, 2)->amount, ==, 3);
  g_assert_cmpint (cell (t, 5, 6)->amount, ==, 2700000);
  last = gs_xtable_n_rows (t) - 1;
  g_assert_cmpint (cell (t, last, 2)->amount, ==, 6);
  g_assert_cmpint (cell (t, last, 6)->amount, ==, 32100000);
  g_assert_cmpstr (cell (t, last, 6)->formula, ==, "ROUND(SUMPRODUCT(C3:C6,G3:G6),2)");
  g_assert_nonnull (table (book, "Compensation"));
}

/* A sheet longer than a worksheet is refused before anything is written,
 * naming the sheet, its rows and the limit (docs/export.md, "Sheets past
 * the row limit"); a test limit stands for Excel's 1,048,576 rows.  The
 * lines: 600 commissions, each its own deal, in January to June 2027, so the
 * Expense sheet holds 600 streamed line rows + 600 deal rows + its heading
 * and total rows, more than any other sheet of the seed plan. */
static void
test_row_limit (void)
{
  g_autoptr (GsPlan) plan = load ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsLedger) ledger = NULL;
  g_autoptr (GsExportBook) book = NULL;
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-rows-XXXXXX", NULL);
  g_autofree char *lines = g_build_filename (dir, "lines.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *want = NULL;
  g_autoptr (GString) csv = g_string_new ("person,deal,month,amount,kind\n");
  const GsXTable *expense;
  g_auto (GStrv) files = NULL;
  guint rows, largest_other = 0;

  if (!gs_export_xlsx_available ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (csv, "Rep %u,D%u,2027-0%u,100.00,commission\n", i % 7, i, 1 + i % 6);
  g_assert_true (g_file_set_contents (lines, csv->str, -1, NULL));
  ledger = gs_ledger_from_csv_file (gs_plan_get_model (plan), lines, &error);
  g_assert_no_error (error);
  book = gs_export_book_new_with_ledger (plan, ledger, &error);
  g_assert_no_error (error);
  expense = table (book, "Expense");
  rows = gs_xtable_n_rows (expense);
  g_assert_cmpuint (expense->n_streamed, ==, 600);
  for (guint i = 0; i < book->tables->len; i++)
    {
      const GsXTable *t = g_ptr_array_index (book->tables, i);
      if (t != expense)
        largest_other = MAX (largest_other, gs_xtable_n_rows (t));
    }
  g_assert_cmpuint (rows, >, 1200);
  g_assert_cmpuint (largest_other, <, rows - 1);

  /* One row short: refused, and no file (not even a temporary one) left. */
  gs_export_xlsx_set_row_limit (rows - 1);
  g_assert_false (gs_export_xlsx_with_ledger (plan, ledger, out, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  want = g_strdup_printf ("%s: could not write the workbook: the Expense sheet needs %u rows, more "
                          "than the %u a worksheet can hold, so nothing was written. Export the "
                          "tables as CSV instead, which has no row limit (goalsheet-cli export "
                          "PLAN -o FOLDER --csv)",
                          out, rows, rows - 1);
  {
    /* The counts are grouped in the locale (1,048,576); compare without. */
    g_autofree char *got = g_strdup (error->message);
    char *w = got;
    for (const char *r = got; *r; r++)
      if (!(*r == ',' && g_ascii_isdigit (r[1]) && r > got && g_ascii_isdigit (r[-1])))
        *w++ = *r;
    *w = '\0';
    g_assert_cmpstr (got, ==, want);
  }
  g_clear_error (&error);
  files = leftovers (dir);
  g_assert_cmpuint (g_strv_length (files), ==, 1); /* lines.csv alone */

  /* Exactly as many rows as the sheet holds: written. */
  gs_export_xlsx_set_row_limit (rows);
  g_assert_true (gs_export_xlsx_with_ledger (plan, ledger, out, &error));
  g_assert_no_error (error);
  gs_export_xlsx_set_row_limit (0);
  g_unlink (out);
  g_unlink (lines);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/xref", test_xref);
  g_test_add_func ("/export/funnel-cell", test_funnel_cell);
  g_test_add_func ("/export/csv-injection", test_csv_injection);
  g_test_add_func ("/export/atomic", test_atomic);
  g_test_add_func ("/export/people", test_people);
  g_test_add_func ("/export/row-limit", test_row_limit);
  return g_test_run ();
}
