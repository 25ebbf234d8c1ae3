/* gs-refused-csv.c — the refused rows written back as CSV.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-refused-csv.h"
#include "gs-csv.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* RFC 4180: quoted when it holds the separator, a quote or a line break, or
 * begins or ends with a space (the import trims unquoted fields). */
static void
append_field (GString *out, const char *text, char delimiter)
{
  gsize n = strlen (text);
  gboolean quote = strchr (text, delimiter) || strpbrk (text, "\"\r\n")
                   || (n && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[n - 1])));
  if (quote)
    gs_csv_append_quoted (out, text);
  else
    g_string_append (out, text);
}

static void
append_row (GString *out, char **cells, guint n_columns, const char *last, char delimiter)
{
  guint have = cells ? g_strv_length (cells) : 0;
  for (guint c = 0; c < n_columns; c++)
    {
      append_field (out, c < have ? cells[c] : "", delimiter);
      g_string_append_c (out, delimiter);
    }
  append_field (out, last, delimiter);
  g_string_append (out, "\r\n");
}

char *
gs_refused_csv (const GsImportReport *report, gsize *length)
{
  char delimiter = report->delimiter ? report->delimiter : ',';
  GString *out = g_string_new ("\xef\xbb\xbf");
  guint n_columns = report->header ? g_strv_length (report->header) : 0;

  /* Translators: the header of the column the refused rows' CSV adds. */
  append_row (out, report->header, n_columns, _ ("Reason"), delimiter);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const GsImportProblem *p = g_ptr_array_index (report->problems, i);
      g_autofree char *why
          = p->column ? g_strdup_printf ("%s: %s", p->column, p->reason) : g_strdup (p->reason);
      append_row (out, p->cells, n_columns, why, delimiter);
    }
  *length = out->len;
  return g_string_free (out, FALSE);
}
