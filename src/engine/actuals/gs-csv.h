/* gs-csv.h — a CRM export read into rows of UTF-8 text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real exports come as UTF-8 with or without a byte-order mark, or as
 * UTF-16 with one (Excel's "Unicode text"); separated by commas, semicolons
 * (European Excel) or tabs; quoted by RFC 4180 with separators and newlines
 * inside quotes; with blank lines.  libcsv does the quoting; this file does
 * the rest.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char delimiter;      /* ',', ';' or '\t' */
  char *encoding;      /* "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" */
  GPtrArray *rows;     /* of NULL-terminated char** (the GsCsv's: not freed alone);
                        * rows[0] is the header; blank rows are dropped */
  GArray *row_numbers; /* guint per row: the row a spreadsheet shows it on, blank lines
                        * counted, a quoted line break not (the header is 1) */
  /* The fields' text, each ended by NUL, in one buffer of text_size
   * bytes (g_free'd); rows point into it.  Whoever takes it (a deal's
   * texts point there, gs-crm-import.c) sets text to NULL. */
  char *text;
  gsize text_size;
  /* private: every row's field pointers (each row ended by NULL). */
  char **cells;
} GsCsv;

/* Reads bytes (not NUL-terminated) as a CSV table with a header row.  Fails
 * (GS_ERROR_PARSE, naming what is wrong) when the text is not in a known
 * encoding, the quoting is broken, or there is no header. */
GsCsv *
gs_csv_read (const char *bytes, gsize length, GError **error);
/* The same, taking bytes (g_malloc'd, with a NUL after length, as
 * g_file_get_contents gives them; freed whether it succeeds or not): UTF-8
 * text is read in its own buffer instead of a copy. */
GsCsv *
gs_csv_read_taking (char *bytes, gsize length, GError **error);
void
gs_csv_free (GsCsv *csv);
guint
gs_csv_n_columns (const GsCsv *csv, guint row);

/* Appends text in double quotes, each quote in it doubled (RFC 4180). */
void
gs_csv_append_quoted (GString *out, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCsv, gs_csv_free)

G_END_DECLS
