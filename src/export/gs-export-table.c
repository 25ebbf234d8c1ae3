/* gs-export-table.c — export tables, rows and cells, and A1 references.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-private.h"

#include <math.h>
#include <string.h>

static void
append_col (GString *s, guint col)
{
  char buf[8];
  int n = 0;
  col++;
  while (col > 0)
    {
      buf[n++] = (char) ('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (s, buf[--n]);
}

char *
gs_xref (guint row, guint col, gboolean abs)
{
  GString *s = g_string_new (NULL);
  if (abs)
    g_string_append_c (s, '$');
  append_col (s, col);
  g_string_append_printf (s, abs ? "$%u" : "%u", row + 1);
  return g_string_free (s, FALSE);
}

static char *
quoted_sheet (const char *sheet)
{
  g_autofree char *escaped = NULL;
  char **parts = g_strsplit (sheet, "'", -1);
  escaped = g_strjoinv ("''", parts);
  g_strfreev (parts);
  return g_strdup_printf ("'%s'", escaped);
}

char *
gs_xref_sheet (const char *sheet, guint row, guint col)
{
  g_autofree char *q = quoted_sheet (sheet);
  g_autofree char *a = gs_xref (row, col, FALSE);
  return g_strdup_printf ("%s!%s", q, a);
}

char *
gs_xrange_sheet (const char *sheet, guint row1, guint col1, guint row2, guint col2)
{
  g_autofree char *q = quoted_sheet (sheet);
  g_autofree char *a = gs_xref (row1, col1, TRUE);
  g_autofree char *b = gs_xref (row2, col2, TRUE);
  return g_strdup_printf ("=%s!%s:%s", q, a, b);
}

char *
gs_xrange (guint row1, guint col1, guint row2, guint col2)
{
  g_autofree char *a = gs_xref (row1, col1, FALSE);
  g_autofree char *b = gs_xref (row2, col2, FALSE);
  return g_strdup_printf ("%s:%s", a, b);
}

char *
gs_xsum (guint row1, guint col1, guint row2, guint col2)
{
  g_autofree char *range = gs_xrange (row1, col1, row2, col2);
  return g_strdup_printf ("SUM(%s)", range);
}

/* Two cells of one row added. */
char *
gs_xplus (guint row, guint col_a, guint col_b)
{
  g_autofree char *a = gs_xref (row, col_a, FALSE);
  g_autofree char *b = gs_xref (row, col_b, FALSE);
  return g_strdup_printf ("%s+%s", a, b);
}

/* ---- tables and cells ------------------------------------------------- */

static void
cell_clear (gpointer data)
{
  GsXCell *cell = data;
  g_free (cell->text);
  g_free (cell->formula);
  g_free (cell->note);
  g_free (cell->name);
}

void
gs_xrow_free (GsXRow *row)
{
  g_array_unref (row->cells);
  g_free (row);
}

GsXRow *
gs_xrow_new (void)
{
  GsXRow *row = g_new0 (GsXRow, 1);
  row->cells = g_array_new (FALSE, TRUE, sizeof (GsXCell));
  g_array_set_clear_func (row->cells, cell_clear);
  return row;
}

static void
chart_free (GsXChart *chart)
{
  g_free (chart->title);
  g_free (chart->x_title);
  g_free (chart->y_title);
  g_free (chart->categories);
  g_ptr_array_unref (chart->values);
  g_ptr_array_unref (chart->names);
  g_free (chart);
}

void
gs_xtable_free (GsXTable *t)
{
  g_free (t->name);
  g_free (t->csv_name);
  g_ptr_array_unref (t->rows);
  g_ptr_array_unref (t->charts);
  if (t->stream_free)
    t->stream_free (t->stream_data);
  g_free (t);
}

GsXTable *
gs_xtable_new (GsExportBook *book, const char *name, const char *csv_name)
{
  GsXTable *t = g_new0 (GsXTable, 1);
  t->name = g_strdup (name);
  t->csv_name = g_strdup (csv_name);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_xrow_free);
  t->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_free);
  g_ptr_array_add (book->tables, t);
  return t;
}

GsXRow *
gs_xrow_add (GsXTable *t)
{
  GsXRow *row = gs_xrow_new ();
  g_ptr_array_add (t->rows, row);
  return row;
}

guint
gs_xrow_index (GsXTable *t)
{
  return gs_xtable_n_rows (t) - 1;
}

void
gs_xtable_stream (GsXTable *t, guint n, GsXStreamFunc fill, gpointer data, GDestroyNotify free)
{
  g_return_if_fail (t->stream == NULL);
  t->stream_at = t->rows->len;
  t->n_streamed = n;
  t->stream = fill;
  t->stream_data = data;
  t->stream_free = free;
}

guint
gs_xtable_n_rows (const GsXTable *t)
{
  return t->rows->len + t->n_streamed;
}

const GsXRow *
gs_xtable_row (const GsXTable *t, guint i, GsXRow *scratch)
{
  if (t->stream == NULL || i < t->stream_at)
    return g_ptr_array_index (t->rows, i);
  if (i >= t->stream_at + t->n_streamed)
    return g_ptr_array_index (t->rows, i - t->n_streamed);
  g_array_set_size (scratch->cells, 0);
  t->stream (t->stream_data, i - t->stream_at, scratch);
  return scratch;
}

void
gs_xtable_foreach_row (const GsXTable *t, GsXRowFunc func, gpointer data)
{
  g_autoptr (GsXRow) scratch = gs_xrow_new ();
  guint n = gs_xtable_n_rows (t);
  for (guint i = 0; i < n; i++)
    func (gs_xtable_row (t, i, scratch), i, data);
}

GsXCell *
gs_xput (GsXRow *row, guint col)
{
  if (row->cells->len <= col)
    g_array_set_size (row->cells, col + 1);
  return &g_array_index (row->cells, GsXCell, col);
}

GsXCell *
gs_xput_text (GsXRow *row, guint col, const char *text, GsXStyle style)
{
  GsXCell *cell = gs_xput (row, col);
  cell->kind = GS_XCELL_TEXT;
  cell->style = style;
  g_free (cell->text);
  cell->text = g_strdup (text ? text : "");
  return cell;
}

GsXCell *
gs_xput_money (guint digits, GsXRow *row, guint col, GsMoney amount, char *formula)
{
  GsXCell *cell = gs_xput (row, col);
  cell->kind = GS_XCELL_MONEY;
  cell->amount = amount;
  cell->value = gs_money_to_major (amount, digits);
  cell->formula = formula;
  return cell;
}

GsXCell *
gs_xput_count (GsXRow *row, guint col, gint64 n, char *formula)
{
  GsXCell *cell = gs_xput (row, col);
  cell->kind = GS_XCELL_COUNT;
  cell->amount = n;
  cell->value = (double) n;
  cell->formula = formula;
  return cell;
}

GsXCell *
gs_xput_number (GsXRow *row, guint col, double v, guint8 decimals, char *formula)
{
  GsXCell *cell = gs_xput (row, col);
  cell->kind = GS_XCELL_NUMBER;
  cell->value = v;
  cell->decimals = decimals;
  cell->formula = formula;
  return cell;
}

GsXCell *
gs_xput_percent (GsXRow *row, guint col, double v, char *formula)
{
  GsXCell *cell = gs_xput (row, col);
  cell->kind = GS_XCELL_PERCENT;
  cell->value = v;
  cell->formula = formula;
  return cell;
}

GsXCell *
gs_xput_date (GsXRow *row, guint col, const GDate *date)
{
  GsXCell *cell;
  GDate epoch;
  char iso[16];
  if (date == NULL || !g_date_valid (date))
    return NULL;
  /* Spreadsheets count days from 30 December 1899 (day 1 is 31 December, and
   * the 1900 leap-year bug only touches dates before March 1900). */
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  cell = gs_xput (row, col);
  cell->kind = GS_XCELL_DATE;
  cell->value = (double) g_date_days_between (&epoch, date);
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  g_free (cell->text);
  cell->text = g_strdup (iso);
  return cell;
}

GsXChart *
gs_xchart_add (GsXTable *t, GsXChartKind kind, const char *title)
{
  GsXChart *chart = g_new0 (GsXChart, 1);
  chart->kind = kind;
  chart->title = g_strdup (title);
  chart->values = g_ptr_array_new_with_free_func (g_free);
  chart->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (t->charts, chart);
  return chart;
}
