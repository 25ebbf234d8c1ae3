/* gs-ledger-line.c — ledger months as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-line.h"

char *
gs_ledger_month_text (gint month)
{
  /* Floor division, so a month before year 0 cannot print a negative month. */
  gint year = month >= 0 ? month / 12 : -((-month + 11) / 12);
  return g_strdup_printf ("%04d-%02d", year, month - year * 12 + 1);
}

GsLedgerLines *
gs_ledger_lines_new (void)
{
  GsLedgerLines *l = g_new0 (GsLedgerLines, 1);
  l->chunk = g_string_chunk_new (1024);
  return l;
}

void
gs_ledger_lines_free (GsLedgerLines *l)
{
  if (l == NULL)
    return;
  g_free (l->stored);
  g_free (l->spans);
  if (l->chunk)
    g_string_chunk_free (l->chunk);
  g_free (l);
}

const char *
gs_ledger_lines_text (GsLedgerLines *l, const char *text)
{
  return text ? g_string_chunk_insert_const (l->chunk, text) : NULL;
}

guint
gs_ledger_lines_store (GsLedgerLines *l, const GsLedgerLine *line)
{
  GsLedgerLine *to;
  if (l->n_stored == l->stored_alloc)
    {
      l->stored_alloc = MAX (64, l->stored_alloc * 2);
      l->stored = g_renew (GsLedgerLine, l->stored, l->stored_alloc);
    }
  to = &l->stored[l->n_stored];
  *to = *line;
  to->person = gs_ledger_lines_text (l, line->person);
  to->deal = gs_ledger_lines_text (l, line->deal);
  return l->n_stored++;
}

void
gs_ledger_lines_book (GsLedgerLines *l, const char *person, guint first, guint n)
{
  GsLedgerSpan *last = l->n_spans ? &l->spans[l->n_spans - 1] : NULL;
  g_return_if_fail ((guint64) first + n <= l->n_stored);
  g_return_if_fail ((guint64) l->n_lines + n <= G_MAXUINT);
  if (n == 0)
    return;
  l->n_lines += n;
  /* Lines of one person stored one after another are one span. */
  if (last && last->person == person && last->first + last->n == first)
    {
      last->n += n;
      return;
    }
  if (l->n_spans == l->spans_alloc)
    {
      l->spans_alloc = MAX (64, l->spans_alloc * 2);
      l->spans = g_renew (GsLedgerSpan, l->spans, l->spans_alloc);
    }
  l->spans[l->n_spans++] = (GsLedgerSpan){ person, first, n };
}

void
gs_ledger_lines_append (GsLedgerLines *l, const GsLedgerLine *line)
{
  guint i = gs_ledger_lines_store (l, line);
  gs_ledger_lines_book (l, l->stored[i].person, i, 1);
}

GsLedgerLines *
gs_ledger_lines_of (const GsLedgerLine *lines, guint n)
{
  GsLedgerLines *l = gs_ledger_lines_new ();
  for (guint i = 0; i < n; i++)
    gs_ledger_lines_append (l, &lines[i]);
  return l;
}

void
gs_ledger_span_iter_init (GsLedgerSpanIter *it, const GsLedgerSpan *spans, guint n_spans)
{
  *it = (GsLedgerSpanIter){ spans, n_spans, 0, 0, 0 };
}

gboolean
gs_ledger_span_iter_next (GsLedgerSpanIter *it, const char **person, guint *stored)
{
  while (it->span < it->n_spans && it->k >= it->spans[it->span].n)
    {
      it->span++;
      it->k = 0;
    }
  if (it->span >= it->n_spans)
    return FALSE;
  *person = it->spans[it->span].person;
  *stored = it->spans[it->span].first + it->k++;
  it->line++;
  return TRUE;
}
