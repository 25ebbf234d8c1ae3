/* gs-csv.c — encodings, the separator, and libcsv's quoting.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-csv.h"
#include "gs-error.h"
#include "gs-large-alloc.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* The fields are written back into the text being read, each ended by a
 * NUL: a field's text (unquoted, trimmed) is never longer than it was in
 * the file, and libcsv calls on_field only once it has read past the
 * field's separator, so what is written is always text already read.
 * No field is allocated on its own. */
typedef struct
{
  GsCsv *csv;
  char *out;       /* where the next field's text goes, in csv->text */
  char *row_out;   /* where the row being read began */
  char **cells;    /* every row's fields, each row ended by NULL */
  gsize n_cells;   /* in cells */
  gsize room;      /* cells' length: what record_starts counted */
  guint row_first; /* the index in cells of the row being read */
  gboolean blank;  /* every field of the row being read is empty */
  GArray *firsts;  /* guint per row kept: its first field in cells */
  guint record;    /* records libcsv reported */
  GArray *starts;  /* guint per record: the row a spreadsheet shows it on */
} Reader;

static void
on_field (void *data, size_t len, void *ctx)
{
  Reader *r = ctx;
  const char *text = data ? data : "";
  /* Exports pad fields with spaces; none of ours means anything by them
   * (trimmed as g_strstrip does). */
  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  if (len > 0)
    r->blank = FALSE;
  memmove (r->out, text, len);
  r->out[len] = '\0';
  g_assert (r->n_cells < r->room);
  r->cells[r->n_cells++] = r->out;
  r->out += len + 1;
}

static void
on_row (int terminator, void *ctx)
{
  Reader *r = ctx;
  guint row;
  (void) terminator;
  row = r->record < r->starts->len ? g_array_index (r->starts, guint, r->record) : r->record + 1;
  r->record++;
  /* A line of only separators (";;;" from Excel) is as blank as an empty one. */
  if (r->blank)
    {
      r->n_cells = r->row_first;
      r->out = r->row_out;
      return;
    }
  g_assert (r->n_cells < r->room);
  r->cells[r->n_cells++] = NULL;
  g_array_append_val (r->firsts, r->row_first);
  g_array_append_val (r->csv->row_numbers, row);
  r->row_first = r->n_cells;
  r->row_out = r->out;
  r->blank = TRUE;
}

static int
is_space_not_tab (unsigned char c)
{
  return c == ' ';
}

/* libcsv skips empty lines without a word, yet a spreadsheet shows them as
 * rows; so the row each record starts on is counted here: every line that
 * starts outside quotes is a row, and one that is not empty starts a record.
 * *n_cells is at least the fields and row ends there can be (a field per
 * separator and a row per line break, quoted or not, and one more). */
static GArray *
record_starts (const char *text, char delimiter, gsize *n_cells)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean quoted = FALSE, line_start = TRUE;
  guint row = 0;
  gsize cells = 2;
  guchar special[256] = { 0 };
  special[0] = special[(guchar) delimiter] = special['\n'] = special['\r'] = special['"'] = 1;
  for (const char *p = text; *p; p++)
    {
      if (*p == delimiter)
        cells++;
      else if (*p == '\n' || *p == '\r')
        cells += 2;
      if (line_start && !quoted)
        {
          row++;
          if (*p != '\n' && *p != '\r')
            g_array_append_val (starts, row);
        }
      line_start = FALSE;
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        line_start = TRUE;
      /* Past a line's start, text but separators, line breaks and quotes
       * changes nothing: skipped in one tight loop (a 12 MiB export). */
      if (!line_start)
        while (!special[(guchar) p[1]])
          p++;
    }
  *n_cells = cells;
  return starts;
}

/* The separator is the most frequent of , ; and tab outside quotes in the
 * header line (the header names never contain them unquoted). */
static char
detect_delimiter (const char *text)
{
  guint n_comma = 0, n_semi = 0, n_tab = 0;
  gboolean quoted = FALSE;
  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        n_comma++;
      else if (!quoted && *p == ';')
        n_semi++;
      else if (!quoted && *p == '\t')
        n_tab++;
    }
  if (n_tab > n_comma && n_tab > n_semi)
    return '\t';
  if (n_semi > n_comma)
    return ';';
  return ',';
}

/* The text as UTF-8 without a byte-order mark, or NULL with an error.
 * owned (NULL or bytes, with a NUL after length) is UTF-8 text's own
 * buffer: returned, the mark moved out, instead of a copy. */
static char *
to_utf8 (const char *bytes, gsize length, char *owned, char **encoding, GError **error)
{
  const guchar *b = (const guchar *) bytes;
  const char *from = NULL;
  char *text;
  gsize skip = 0;

  if (length >= 2 && b[0] == 0xff && b[1] == 0xfe)
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && b[0] == 0xfe && b[1] == 0xff)
    from = "UTF-16BE", skip = 2;
  if (from)
    {
      g_autoptr (GError) conv = NULL;
      gsize written = 0;
      text = g_convert (bytes + skip, length - skip, "UTF-8", from, NULL, &written, &conv);
      if (text == NULL)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                       _ ("the file starts as %s text but is not: %s"), from, conv->message);
          return NULL;
        }
      *encoding = g_strdup (from);
      if (memchr (text, '\0', written))
        {
          g_free (text);
          g_set_error (error, GS_ERROR, GS_ERROR_PARSE, _ ("the file holds a NUL character"));
          return NULL;
        }
      return text;
    }
  if (length >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
    skip = 3;
  if (!g_utf8_validate_len (bytes + skip, length - skip, NULL))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("the file is not UTF-8 or UTF-16 text (save the export as CSV UTF-8)"));
      return NULL;
    }
  *encoding = g_strdup (skip ? "UTF-8 with BOM" : "UTF-8");
  if (owned)
    {
      memmove (owned, owned + skip, length - skip);
      owned[length - skip] = '\0';
      return owned;
    }
  text = g_malloc (length - skip + 1);
  memcpy (text, bytes + skip, length - skip);
  text[length - skip] = '\0';
  return text;
}

static GsCsv *
csv_read (const char *bytes, gsize length, char *owned, GError **error)
{
  g_autofree char *take = owned; /* unless it becomes the text */
  g_autoptr (GsCsv) csv = g_new0 (GsCsv, 1);
  g_autoptr (GArray) firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  struct csv_parser parser;
  g_autoptr (GArray) starts = NULL;
  Reader r = { csv, NULL, NULL, NULL, 0, 0, 0, TRUE, firsts, 0, NULL };
  gsize len, n_cells;

  csv->rows = g_ptr_array_new ();
  csv->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  csv->text = to_utf8 (bytes, length, owned, &csv->encoding, error);
  if (csv->text == NULL)
    return NULL;
  if (csv->text == take)
    take = NULL;
  len = strlen (csv->text);
  csv->text_size = len + 1;
  csv->delimiter = detect_delimiter (csv->text);
  starts = record_starts (csv->text, csv->delimiter, &n_cells);
  /* Room for every field at once: the array does not grow as it is read
   * (10 MiB for 100,000 deals: on huge pages, gs-large-alloc.h). */
  csv->cells = r.cells = gs_large_alloc (n_cells * sizeof (char *));
  r.room = n_cells;
  r.starts = starts;
  r.out = r.row_out = csv->text;
  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv: out of memory");
  csv_set_delim (&parser, (unsigned char) csv->delimiter);
  /* libcsv trims spaces and tabs around fields; a tab is a separator here. */
  if (csv->delimiter == '\t')
    csv_set_space_func (&parser, is_space_not_tab);
  if (csv_parse (&parser, csv->text, len, on_field, on_row, &r) != len
      || csv_fini (&parser, on_field, on_row, &r) != 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("the file is not CSV: %s after row %u (a quote not closed or text after "
                      "a closing quote)"),
                   csv_strerror (csv_error (&parser)),
                   r.record > 0 && r.record <= starts->len
                       ? g_array_index (starts, guint, r.record - 1)
                       : r.record);
      csv_free (&parser);
      return NULL;
    }
  csv_free (&parser);
  if (firsts->len == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE, _ ("the file is empty: no header row"));
      return NULL;
    }
  /* cells is complete: its rows can point into it now. */
  g_ptr_array_set_size (csv->rows, firsts->len);
  for (guint i = 0; i < firsts->len; i++)
    csv->rows->pdata[i] = csv->cells + g_array_index (firsts, guint, i);
  return g_steal_pointer (&csv);
}

GsCsv *
gs_csv_read (const char *bytes, gsize length, GError **error)
{
  return csv_read (bytes, length, NULL, error);
}

GsCsv *
gs_csv_read_taking (char *bytes, gsize length, GError **error)
{
  return csv_read (bytes, length, bytes, error);
}

guint
gs_csv_n_columns (const GsCsv *csv, guint row)
{
  return g_strv_length (g_ptr_array_index (csv->rows, row));
}

void
gs_csv_free (GsCsv *csv)
{
  if (csv == NULL)
    return;
  g_free (csv->encoding);
  g_free (csv->text);
  g_free (csv->cells);
  if (csv->rows)
    g_ptr_array_unref (csv->rows);
  if (csv->row_numbers)
    g_array_unref (csv->row_numbers);
  g_free (csv);
}

void
gs_csv_append_quoted (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
