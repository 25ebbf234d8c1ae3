/* gs-export-csv.c — each export table as a CSV file of the engine's numbers.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 quoting, UTF-8, one file per table.  Money is a plain decimal in
 * major units (exact, from the minor units), rates are fractions.  Text that
 * a spreadsheet would take for a formula (=, +, -, @ first) is prefixed with an
 * apostrophe, the usual CSV-injection guard: such a CSV is usually opened in a
 * spreadsheet, where the apostrophe is not shown.
 */
#include "gs-export.h"
#include "gs-atomic.h"
#include "gs-csv.h"
#include "gs-error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

static void
append_text (GString *out, const char *text)
{
  gboolean risky = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'
                   || text[0] == '\t' || text[0] == '\r';
  gboolean quote = risky || strpbrk (text, ",\"\r\n") != NULL || text[0] == ' ';
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  if (risky)
    {
      g_autofree char *escaped = g_strconcat ("'", text, NULL);
      gs_csv_append_quoted (out, escaped);
    }
  else
    gs_csv_append_quoted (out, text);
}

static void
append_cell (GString *out, const GsExportBook *book, const GsXCell *cell)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  switch (cell->kind)
    {
    case GS_XCELL_TEXT:
      append_text (out, cell->text);
      break;
    case GS_XCELL_DATE:
      g_string_append (out, cell->text); /* ISO: digits and '-' only */
      break;
    case GS_XCELL_MONEY:
      {
        g_autofree char *v = gs_money_to_plain (cell->amount, book->digits);
        g_string_append (out, v);
      }
      break;
    case GS_XCELL_COUNT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->amount);
      break;
    case GS_XCELL_NUMBER:
    case GS_XCELL_PERCENT:
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", cell->value));
      break;
    case GS_XCELL_EMPTY:
    default:
      break;
    }
}

typedef struct
{
  GString *out;
  const GsExportBook *book;
} CsvJob;

static void
append_row (const GsXRow *row, guint r, gpointer data)
{
  CsvJob *job = data;
  (void) r;
  for (guint col = 0; col < row->cells->len; col++)
    {
      if (col)
        g_string_append_c (job->out, ',');
      append_cell (job->out, job->book, &g_array_index (row->cells, GsXCell, col));
    }
  g_string_append (job->out, "\r\n");
}

char *
gs_export_csv_table (const GsExportBook *book, const GsXTable *t)
{
  CsvJob job = { g_string_new (NULL), book };
  gs_xtable_foreach_row (t, append_row, &job);
  return g_string_free (job.out, FALSE);
}

/* A table's CSV in pieces of about 64 KiB, made row by row as the file is
 * written: a streamed table of millions of rows (Expense at 100,000 deals)
 * costs one piece, not the whole text. */
typedef struct
{
  CsvJob job;
  const GsXTable *t;
  GsXRow *scratch;
  guint next, n;
} CsvPieces;

static const void *
csv_piece (gpointer data, gsize *length)
{
  CsvPieces *p = data;
  g_string_truncate (p->job.out, 0);
  while (p->next < p->n && p->job.out->len < 64 * 1024)
    {
      append_row (gs_xtable_row (p->t, p->next, p->scratch), p->next, &p->job);
      p->next++;
    }
  *length = p->job.out->len;
  return p->job.out->len ? p->job.out->str : NULL;
}

static gboolean
write_table (GsAtomicFolder *folder, const GsExportBook *book, const GsXTable *t, GError **error)
{
  g_autofree char *name = g_strconcat (t->csv_name, ".csv", NULL);
  CsvPieces p = { { g_string_new (NULL), book }, t, gs_xrow_new (), 0, gs_xtable_n_rows (t) };
  gboolean ok = gs_atomic_folder_write_pieces (folder, name, csv_piece, &p, error);
  g_string_free (p.job.out, TRUE);
  gs_xrow_free (p.scratch);
  return ok;
}

/* The folder lands whole or not at all (gs_atomic_folder): the tables are
 * written into a new folder beside it, which then takes its place; a failed
 * export leaves the previous tables as they were. */
gboolean
gs_export_csv (GsPlan *plan, const char *directory, GError **error)
{
  return gs_export_csv_as_of (plan, NULL, directory, error);
}

gboolean
gs_export_csv_as_of (GsPlan *plan, const GDate *as_of, const char *directory, GError **error)
{
  g_autoptr (GsExportBook) book = gs_export_book_new_full (plan, NULL, as_of, error);
  g_autoptr (GsAtomicFolder) folder = NULL;

  if (book == NULL)
    return FALSE;
  folder = gs_atomic_folder_begin (directory, ".csv", error);
  if (folder == NULL)
    return FALSE;
  for (guint i = 0; i < book->tables->len; i++)
    if (!write_table (folder, book, g_ptr_array_index (book->tables, i), error))
      return FALSE;
  return gs_atomic_folder_commit (folder, error);
}
