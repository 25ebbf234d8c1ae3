/* gs-ledger-csv.c — commission lines from CSV.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-csv.h"

#include "gs-csv.h"
#include "gs-error.h"

#include <glib/gi18n.h>
#include <stdlib.h>

enum
{
  COL_PERSON,
  COL_DEAL,
  COL_MONTH,
  COL_AMOUNT,
  COL_KIND,
  N_COLS
};
static const char *const col_names[N_COLS] = { "person", "deal", "month", "amount", "kind" };

static gboolean
parse_month (const char *text, gint *out)
{
  char *end;
  gint64 y, m;
  if (strlen (text) != 7 || text[4] != '-')
    return FALSE;
  y = g_ascii_strtoll (text, &end, 10);
  if (end != text + 4 || y < 1900 || y > 9999)
    return FALSE;
  m = g_ascii_strtoll (text + 5, &end, 10);
  if (*end != '\0' || m < 1 || m > 12 || !g_ascii_isdigit (text[5]))
    return FALSE;
  *out = gs_ledger_month ((gint) y, (gint) m);
  return TRUE;
}

static gboolean
find_columns (const GsCsv *csv, guint *col, GError **error)
{
  GStrv header = g_ptr_array_index (csv->rows, 0);
  for (guint k = 0; k < N_COLS; k++)
    {
      col[k] = G_MAXUINT;
      for (guint c = 0; header[c] != NULL; c++)
        if (g_ascii_strcasecmp (g_strstrip (header[c]), col_names[k]) == 0)
          col[k] = c;
      if (col[k] == G_MAXUINT && k != COL_DEAL)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("no column “%s” in the header"),
                       col_names[k]);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
cell (GStrv row, guint col)
{
  if (col == G_MAXUINT || col >= g_strv_length (row))
    return "";
  return g_strstrip (row[col]);
}

static gboolean
read_row (GStrv row, const guint *col, guint digits, GsLedgerLine *l, GError **error)
{
  const char *person = cell (row, col[COL_PERSON]);
  const char *deal = cell (row, col[COL_DEAL]);
  const char *month = cell (row, col[COL_MONTH]);
  const char *kind = cell (row, col[COL_KIND]);
  g_autoptr (GError) inner = NULL;
  if (*person == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("the person is empty"));
      return FALSE;
    }
  if (!parse_month (month, &l->month))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("month “%s” is not YYYY-MM"), month);
      return FALSE;
    }
  if (!gs_pay_kind_from_id (kind, &l->kind))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("kind “%s” is not commission, true_up, spif, draw, draw_recovery or "
                      "clawback"),
                   kind);
      return FALSE;
    }
  if (!gs_money_parse (cell (row, col[COL_AMOUNT]), digits, &l->amount, &inner))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("amount: %s"), inner->message);
      return FALSE;
    }
  if (l->amount > 0 && (l->kind == GS_PAY_CLAWBACK || l->kind == GS_PAY_DRAW_RECOVERY))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a %s is taken back: its amount must not be positive"), kind);
      return FALSE;
    }
  /* Borrowed from the row; gs_ledger_lines_append copies them. */
  l->person = person;
  l->deal = *deal ? deal : NULL;
  return TRUE;
}

GsLedgerLines *
gs_ledger_lines_read_csv (const char *bytes, gsize length, guint digits, GError **error)
{
  g_autoptr (GsCsv) csv = gs_csv_read (bytes, length, error);
  g_autoptr (GsLedgerLines) out = NULL;
  guint col[N_COLS];
  if (csv == NULL || !find_columns (csv, col, error))
    return NULL;
  out = gs_ledger_lines_new ();
  for (guint i = 1; i < csv->rows->len; i++)
    {
      g_autoptr (GError) inner = NULL;
      GsLedgerLine line;
      if (read_row (g_ptr_array_index (csv->rows, i), col, digits, &line, &inner))
        gs_ledger_lines_append (out, &line);
      else
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("row %u: %s"),
                       g_array_index (csv->row_numbers, guint, i), inner->message);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}
