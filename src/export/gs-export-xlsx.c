/* gs-export-xlsx.c — writes the export book as an .xlsx workbook with
 * libxlsxwriter.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is always written in constant_memory mode, and every table is
 * written strictly row by row, left to right: a 10,000-person People sheet then
 * costs no more memory than a 10-person one, and small plans are written the
 * same way as large ones (constant_memory is workbook-wide in libxlsxwriter,
 * so a mode switched on only for big teams would change every sheet).
 */
#include "gs-export.h"
#include "gs-export-expense.h"
#include "gs-atomic.h"
#include "gs-error.h"
#include "gs-export-private.h"
#include "gs-format.h"
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <math.h>

/* The rows a worksheet holds (Excel's 1,048,576, libxlsxwriter's
 * LXW_ROW_MAX); a test sets fewer (gs_export_xlsx_set_row_limit). */
#define EXCEL_ROWS 1048576u
static guint row_limit = EXCEL_ROWS;

void
gs_export_xlsx_set_row_limit (guint rows)
{
  row_limit = rows ? MIN (rows, EXCEL_ROWS) : EXCEL_ROWS;
}

#ifdef GS_HAVE_XLSX
#include <xlsxwriter.h>
#include <sys/statvfs.h>
#include <unistd.h>

G_STATIC_ASSERT (EXCEL_ROWS == LXW_ROW_MAX);

/* A sheet with more rows than a worksheet holds is refused before anything
 * is written (docs/export.md, "Sheets past the row limit"): libxlsxwriter
 * would refuse each cell past the last row, and the export would fail only
 * after writing every row, naming no sheet; a workbook whose sheet stopped
 * short is never an option. */
static gboolean
check_rows (const GsExportBook *book, const char *filename, GError **error)
{
  for (guint i = 0; i < book->tables->len; i++)
    {
      const GsXTable *t = g_ptr_array_index (book->tables, i);
      guint n = gs_xtable_n_rows (t);
      if (n > row_limit)
        {
          g_autofree char *rows = gs_format_count (n);
          g_autofree char *limit = gs_format_count (row_limit);
          g_set_error (error, GS_ERROR, GS_ERROR_IO,
                       /* Translators: %s the file; %s a sheet's name ("Expense"); %s its
                        * rows, %s the rows a worksheet holds (1,048,576).  Keep the
                        * command as it is. */
                       _ ("%s: could not write the workbook: the %s sheet needs %s rows, more "
                          "than the %s a worksheet can hold, so nothing was written. Export the "
                          "tables as CSV instead, which has no row limit (goalsheet-cli export "
                          "PLAN -o FOLDER --csv)"),
                       filename, t->name, rows, limit);
          return FALSE;
        }
    }
  return TRUE;
}

/* GNOME palette: blue for inputs, light grey for headers. */
#define INPUT_FILL 0xDCE8F8
#define INPUT_FONT 0x1A5FB4
#define HEADER_FILL 0xEEEEEC
#define EXCEL_FORMULA_MAX 8192
#define MIN_PRINT_POINTS 8.0 /* the smallest text a printed sheet may shrink to */

typedef struct
{
  lxw_workbook *wb;
  const GsExportBook *book;
  GHashTable *formats; /* key → lxw_format* (owned by the workbook) */
  lxw_error err;       /* the first error */
} Writer;

static void
check (Writer *w, lxw_error e)
{
  if (e != LXW_NO_ERROR && w->err == LXW_NO_ERROR)
    w->err = e;
}

static char *
money_format (const GsExportBook *book)
{
  GString *f = g_string_new ("#,##0");
  if (book->digits)
    {
      g_string_append_c (f, '.');
      for (guint d = 0; d < book->digits; d++)
        g_string_append_c (f, '0');
    }
  g_string_append_printf (f, "\" %s\"", book->currency);
  return g_string_free (f, FALSE);
}

static lxw_format *
format_for (Writer *w, const GsXCell *cell)
{
  guint key = cell->kind | (cell->style << 4) | ((cell->input ? 1u : 0u) << 8)
              | ((guint) cell->decimals << 12);
  lxw_format *f = g_hash_table_lookup (w->formats, GUINT_TO_POINTER (key + 1));
  if (f)
    return f;

  f = workbook_add_format (w->wb);
  switch (cell->kind)
    {
    case GS_XCELL_MONEY:
      {
        g_autofree char *nf = money_format (w->book);
        format_set_num_format (f, nf);
      }
      break;
    case GS_XCELL_COUNT:
      format_set_num_format (f, "#,##0");
      break;
    case GS_XCELL_PERCENT:
      format_set_num_format (f, cell->input ? "0.00%" : "0.0%");
      break;
    case GS_XCELL_NUMBER:
      format_set_num_format (f, cell->decimals == 0   ? "#,##0"
                                : cell->decimals == 4 ? "0.0000"
                                                      : "#,##0.00");
      break;
    case GS_XCELL_TEXT:
      format_set_num_format (f, "@");
      break;
    case GS_XCELL_DATE:
      format_set_num_format (f, "yyyy-mm-dd");
      break;
    case GS_XCELL_EMPTY:
    default:
      break;
    }
  switch (cell->style)
    {
    case GS_XSTYLE_TITLE:
      format_set_bold (f);
      format_set_font_size (f, 14);
      break;
    case GS_XSTYLE_HEADER:
      format_set_bold (f);
      format_set_bg_color (f, HEADER_FILL);
      format_set_bottom (f, LXW_BORDER_THIN);
      format_set_text_wrap (f);
      format_set_align (f, LXW_ALIGN_CENTER);
      break;
    case GS_XSTYLE_SECTION:
    case GS_XSTYLE_TOTAL:
      format_set_bold (f);
      break;
    case GS_XSTYLE_LABEL:
    case GS_XSTYLE_PLAIN:
    default:
      break;
    }
  if (cell->input)
    {
      format_set_bg_color (f, INPUT_FILL);
      format_set_font_color (f, INPUT_FONT);
      format_set_border (f, LXW_BORDER_THIN);
      format_set_border_color (f, 0x99C1F1);
      format_set_unlocked (f);
    }
  g_hash_table_insert (w->formats, GUINT_TO_POINTER (key + 1), f);
  return f;
}

static void
write_validation (Writer *w, lxw_worksheet *ws, guint row, guint col, const GsXCell *cell)
{
  lxw_data_validation dv = { 0 };
  const char *message;

  dv.validate = cell->validate == 2 ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
  dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  dv.minimum_number = cell->vmin;
  dv.maximum_number = cell->vmax;
  if (cell->kind == GS_XCELL_PERCENT)
    message = cell->vmin == 0 && cell->vmax == 1 ? "Enter a rate from 0 % to 100 %."
                                                 : "Enter a rate in the allowed range.";
  else if (cell->vmin > 0)
    message = "Enter an amount above zero.";
  else
    message = cell->validate == 2 ? "Enter a whole number, zero or more."
                                  : "Enter a number, zero or more.";
  /* libxlsxwriter's fields are not const but only read. */
  dv.error_title = (char *) "Goalsheet";
  dv.error_message = (char *) message;
  check (w, worksheet_data_validation_cell (ws, row, col, &dv));
}

static void
write_cell (Writer *w, lxw_worksheet *ws, const char *sheet, guint row, guint col,
            const GsXCell *cell)
{
  lxw_format *f;
  const char *note = cell->note;

  if (cell->kind == GS_XCELL_EMPTY)
    return;
  f = format_for (w, cell);
  if (cell->kind == GS_XCELL_TEXT)
    {
      /* Always a string cell: a name like "=HYPERLINK(…)" stays text. */
      if (cell->text[0])
        check (w, worksheet_write_string (ws, row, col, cell->text, f));
      else
        check (w, worksheet_write_blank (ws, row, col, f));
    }
  else if (cell->formula && strlen (cell->formula) >= EXCEL_FORMULA_MAX)
    {
      /* Excel refuses longer formulas (a plan with very many hires, say):
       * the engine's value stands, and the note says why. */
      check (w, worksheet_write_number (ws, row, col, cell->value, f));
      note = "A value: the formula for this figure would be longer than Excel's 8,192 "
             "characters.";
    }
  else if (cell->formula && cell->formula[0] != '=')
    /* libxlsxwriter takes a formula with or without its "=". */
    check (w, worksheet_write_formula_num (ws, row, col, cell->formula, f, cell->value));
  else if (cell->formula)
    {
      g_autofree char *formula = g_strconcat ("=", cell->formula, NULL);
      check (w, worksheet_write_formula_num (ws, row, col, formula, f, cell->value));
    }
  else
    check (w, worksheet_write_number (ws, row, col, cell->value, f));

  if (note)
    check (w, worksheet_write_comment (ws, row, col, note));
  if (cell->input && cell->validate)
    write_validation (w, ws, row, col, cell);
  if (cell->name)
    {
      g_autofree char *ref = gs_xrange_sheet (sheet, row, col, row, col);
      /* A single cell: "='Inputs'!$B$5:$B$5" → "='Inputs'!$B$5". */
      char *colon = strrchr (ref, ':');
      if (colon)
        *colon = '\0';
      check (w, workbook_define_name (w->wb, cell->name, ref));
    }
}

typedef struct
{
  Writer *w;
  lxw_worksheet *ws;
  const char *sheet;
  double *widths;
} RowJob;

static void
write_row (const GsXRow *row, guint r, gpointer data)
{
  RowJob *job = data;
  gs_xtable_fit_row (job->widths, row, job->w->book);
  for (guint col = 0; col < row->cells->len; col++)
    write_cell (job->w, job->ws, job->sheet, r, col, &g_array_index (row->cells, GsXCell, col));
}

static void
write_chart (Writer *w, lxw_worksheet *ws, const GsXChart *spec)
{
  lxw_chart *chart
      = workbook_add_chart (w->wb, spec->kind == GS_XCHART_BAR ? LXW_CHART_BAR : LXW_CHART_LINE);
  lxw_chart_options opts = { .x_scale = spec->kind == GS_XCHART_BAR ? 1.5 : 2.2, .y_scale = 1.5 };

  if (chart == NULL)
    {
      check (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint s = 0; s < spec->values->len; s++)
    {
      lxw_chart_series *series
          = chart_add_series (chart, spec->categories, g_ptr_array_index (spec->values, s));
      chart_series_set_name (series, g_ptr_array_index (spec->names, s));
    }
  chart_title_set_name (chart, spec->title);
  if (spec->values->len == 1)
    chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  else
    chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  if (spec->kind == GS_XCHART_BAR)
    chart_axis_set_reverse (chart->y_axis); /* top of the funnel at the top */
  {
    /* A bar chart's values run along its x axis: the funnel's counts; the
     * line charts plot money. */
    lxw_chart_axis *values = spec->kind == GS_XCHART_BAR ? chart->x_axis : chart->y_axis;
    lxw_chart_axis *categories = spec->kind == GS_XCHART_BAR ? chart->y_axis : chart->x_axis;
    g_autofree char *money = g_strdup_printf ("#,##0 \"%s\"", w->book->currency);
    chart_axis_set_num_format (values, spec->kind == GS_XCHART_BAR ? "#,##0" : money);
    if (spec->y_title)
      chart_axis_set_name (values, spec->y_title);
    if (spec->x_title)
      chart_axis_set_name (categories, spec->x_title);
  }
  check (w, worksheet_insert_chart_opt (ws, spec->at_row, spec->at_col, chart, &opts));
}

static void
write_table (Writer *w, const GsXTable *t)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, t->name);
  gboolean letter = gs_export_paper_letter (w->book);
  double widths[GS_XTABLE_COLUMNS];

  if (ws == NULL)
    {
      /* The names are unique, so it is the sheet's temporary file (beside
       * the target, constant_memory) that could not be made. */
      check (w, LXW_ERROR_CREATING_TMPFILE);
      return;
    }
  /* constant_memory: strictly row by row, left to right.  The columns are
   * fitted to the rows as they are written (a streamed row is made once)
   * and set after them: libxlsxwriter writes the columns and the page
   * setup ahead of the rows when it closes the sheet. */
  {
    RowJob job = { w, ws, t->name, widths };
    memcpy (widths, t->widths, sizeof widths);
    gs_xtable_foreach_row (t, write_row, &job);
  }
  for (guint col = 0; col < GS_XTABLE_COLUMNS; col++)
    if (widths[col] > 0)
      check (w, worksheet_set_column (ws, col, col, widths[col], NULL));
  if (t->freeze_rows || t->freeze_cols)
    worksheet_freeze_panes (ws, t->freeze_rows, t->freeze_cols);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, letter ? 1 : 9);
  /* One page wide only where that leaves readable text; a wider sheet prints
   * at full size over pages, its header rows and label columns on each. */
  if (gs_xtable_fit_font (t, widths, letter) >= MIN_PRINT_POINTS)
    worksheet_fit_to_pages (ws, 1, 0);
  else
    check (w, worksheet_repeat_columns (ws, 0, MAX (t->freeze_cols, 1) - 1));
  if (t->freeze_rows)
    check (w, worksheet_repeat_rows (ws, t->freeze_rows - 1, t->freeze_rows - 1));
  {
    g_autofree char *footer = g_strdup_printf ("&L%s&R&P / &N", t->name);
    check (w, worksheet_set_footer (ws, footer));
  }
  if (t->protect)
    worksheet_protect (ws, NULL, NULL);
  for (guint i = 0; i < t->charts->len; i++)
    write_chart (w, ws, g_ptr_array_index (t->charts, i));
}

/* libxlsxwriter's own write errors can go unreported (its zip writer's
 * buffered fclose is not checked): a complete .xlsx ends with the zip's
 * end-of-central-directory record, so a file without one is refused. */
static gboolean
zip_complete (const char *path)
{
  char tail[4] = { 0 };
  FILE *f = fopen (path, "rb");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  /* The record is 22 bytes plus a comment; libxlsxwriter writes none. */
  ok = fseek (f, -22, SEEK_END) == 0 && fread (tail, 1, 4, f) == 4
       && memcmp (tail, "PK\005\006", 4) == 0;
  fclose (f);
  return ok;
}

/* libxlsxwriter 1.1.4 prints "[ERROR] …" lines on stderr when a write
 * fails, with no hook to stop it (LXW_ERROR is fprintf in common.h), and
 * redirecting our own stderr around it would hide other messages too.  A
 * disk with no free block is found here, before it starts, so that case
 * has only our message; a disk that fills up while writing still gets its
 * lines before ours (docs/export.md). */
static gboolean
disk_full (const char *dir)
{
  struct statvfs st;
  if (statvfs (dir, &st) != 0)
    return FALSE;
  /* root may use the blocks reserved for it. */
  return (geteuid () == 0 ? st.f_bfree : st.f_bavail) == 0;
}

static gboolean
write_workbook (const GsExportBook *book, const char *path, GError **error)
{
  /* Its temporary files (one per sheet in constant_memory mode) go beside
   * the target, not in /tmp: a full /tmp cannot spoil the workbook, and a
   * full disk here fails the export (below) rather than emptying sheets. */
  g_autofree char *tmpdir = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
  Writer w = { 0 };
  lxw_error closed;
  int errsv;
  lxw_doc_properties props = { 0 };
  g_autofree char *comments = g_strdup_printf (
      "Exported by Goalsheet %s. Derived cells are formulas over the named inputs on the Inputs "
      "sheet, cached with Goalsheet's own results.",
      PACKAGE_VERSION);

  if (disk_full (tmpdir))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write the workbook: the disk is full");
      return FALSE;
    }
  w.wb = workbook_new_opt (path, &options);
  if (w.wb == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not start the workbook %s", path);
      return FALSE;
    }
  w.book = book;
  w.formats = g_hash_table_new (NULL, NULL);

  props.title = book->title;
  props.subject = (char *) "Marketing and sales goals, capacity and plan";
  props.company = book->company;
  props.author = book->author;
  props.comments = comments;
  check (&w, workbook_set_properties (w.wb, &props));

  for (guint i = 0; i < book->tables->len; i++)
    write_table (&w, g_ptr_array_index (book->tables, i));
  for (guint i = 0; i + 1 < book->names->len; i += 2)
    check (&w, workbook_define_name (w.wb, g_ptr_array_index (book->names, i),
                                     g_ptr_array_index (book->names, i + 1)));

  /* Always closed, even after an error, so libxlsxwriter frees everything. */
  errno = 0;
  closed = workbook_close (w.wb);
  errsv = errno;
  g_hash_table_unref (w.formats);
  if (w.err == LXW_NO_ERROR)
    w.err = closed;
  if (w.err != LXW_NO_ERROR)
    {
      /* libxlsxwriter names only the zip step; errno still says why. */
      gboolean full = (errsv == ENOSPC || errsv == EDQUOT || errsv == EFBIG)
                      && (w.err == LXW_ERROR_ZIP_FILE_OPERATION || w.err == LXW_ERROR_ZIP_FILE_ADD
                          || w.err == LXW_ERROR_ZIP_CLOSE || w.err == LXW_ERROR_CREATING_XLSX_FILE
                          || w.err == LXW_ERROR_CREATING_TMPFILE);
      g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write the workbook: %s",
                   full ? "the disk is full" : lxw_strerror (w.err));
      return FALSE;
    }
  if (!zip_complete (path))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO,
                   "could not write the workbook: it came out incomplete (is the disk full?)");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const GsExportBook *book;
  const char *filename;
} AtomicJob;

/* Writes the temporary file gs_atomic_write_via_path made; errors name the
 * file the user chose, not the temporary one. */
static gboolean
write_workbook_at (const char *temp_path, gpointer data, GError **error)
{
  AtomicJob *job = data;
  if (write_workbook (job->book, temp_path, error))
    return TRUE;
  g_prefix_error (error, "%s: ", job->filename);
  return FALSE;
}
#endif

gboolean
gs_export_xlsx_available (void)
{
#ifdef GS_HAVE_XLSX
  return TRUE;
#else
  return FALSE;
#endif
}

static gboolean
write_xlsx (GsPlan *plan, const GsLedger *ledger, const GDate *as_of, const char *filename,
            GError **error);

/* Written to a temporary file next to the target and renamed over it only
 * when complete: a failed export leaves no partial file and the old one
 * intact. */
gboolean
gs_export_xlsx (GsPlan *plan, const char *filename, GError **error)
{
  return gs_export_xlsx_with_ledger (plan, NULL, filename, error);
}

gboolean
gs_export_xlsx_with_ledger (GsPlan *plan, const GsLedger *ledger, const char *filename,
                            GError **error)
{
  return write_xlsx (plan, ledger, NULL, filename, error);
}

gboolean
gs_export_xlsx_as_of (GsPlan *plan, const GDate *as_of, const char *filename, GError **error)
{
  return write_xlsx (plan, NULL, as_of, filename, error);
}

static gboolean
write_xlsx (GsPlan *plan, const GsLedger *ledger, const GDate *as_of, const char *filename,
            GError **error)
{
#ifdef GS_HAVE_XLSX
  g_autoptr (GsExportBook) book = gs_export_book_new_full (plan, ledger, as_of, error);

  AtomicJob job = { NULL, filename };

  if (book == NULL || !check_rows (book, filename, error))
    return FALSE;
  job.book = book;
  /* libxlsxwriter writes the temporary file; gs_atomic flushes and renames it. */
  return gs_atomic_write_via_path (filename, write_workbook_at, &job, GS_ATOMIC_NONE, error);
#else
  (void) ledger;
  (void) as_of;
  g_set_error (error, GS_ERROR, GS_ERROR_IO,
               "this build of Goalsheet has no Excel export (built without libxlsxwriter); "
               "export CSV instead");
  return FALSE;
#endif
}
