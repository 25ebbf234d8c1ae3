/* gs-ledger-line.h — a commission line, what the ledger floor is fed: one
 * amount owed to one person in one month, of one kind, for one deal or none.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pay floor's statements produce these lines; the ledger floor turns them
 * into the payments per person and month (gs-payment-schedule.h) and the
 * commission expense finance books (gs-expense.h).  Months are absolute —
 * year × 12 + (month − 1) — so schedules can run past the plan's months.
 *
 * A set of lines (GsLedgerLines) stores a line that several people are owed
 * alike once: the company-bookings pay of a shared stream's run
 * (gs-pay-stream.h) is the same line for every person whose year reads that
 * run.  The lines as booked, one per person, are spans — a person and a
 * range of stored lines — read in order (gs_ledger_span_iter_next), so memory
 * grows with the stored lines and spans, not with people × deals.
 */
#pragma once

#include "gs-money.h"
#include "gs-pay-kind.h"

G_BEGIN_DECLS

typedef struct
{
  const char *person; /* borrowed: the caller keeps it alive */
  const char *deal;   /* borrowed; NULL when the line belongs to no deal */
  gint month;         /* absolute: year × 12 + (month − 1) */
  GsMoney amount;     /* minor units */
  GsPayKind kind;     /* the engine's kinds (gs-pay-kind.h) */
} GsLedgerLine;

/* A run of the lines as booked: the stored lines first..first + n − 1,
 * each owed to person. */
typedef struct
{
  const char *person; /* NULL or "": a line without person (the schedules refuse it) */
  guint first, n;
} GsLedgerSpan;

typedef struct
{
  GsLedgerLine *stored; /* a person's own lines with their person; a shared line once,
                         * with person NULL; texts point into chunk */
  guint n_stored;
  GsLedgerSpan *spans; /* the lines as booked, in order: span after span */
  guint n_spans;
  guint n_lines; /* Σ spans' n: the lines as booked */
  GStringChunk *chunk;
  guint stored_alloc, spans_alloc;
} GsLedgerLines;

GsLedgerLines *
gs_ledger_lines_new (void);
void
gs_ledger_lines_free (GsLedgerLines *lines);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsLedgerLines, gs_ledger_lines_free)

/* text kept in the set's chunk (once per text); NULL stays NULL. */
const char *
gs_ledger_lines_text (GsLedgerLines *lines, const char *text);

/* Stores line (its texts copied; person as given, NULL for a shared line)
 * and returns its index among the stored lines. */
guint
gs_ledger_lines_store (GsLedgerLines *lines, const GsLedgerLine *line);

/* Books the stored lines first..first + n − 1 for person (a text of
 * gs_ledger_lines_text) after the lines booked so far. */
void
gs_ledger_lines_book (GsLedgerLines *lines, const char *person, guint first, guint n);

/* Stores line and books it for its own person. */
void
gs_ledger_lines_append (GsLedgerLines *lines, const GsLedgerLine *line);

/* The n lines of an array, each stored and booked for its own person. */
GsLedgerLines *
gs_ledger_lines_of (const GsLedgerLine *lines, guint n);

/* Reading spans in order, line by line. */
typedef struct
{
  const GsLedgerSpan *spans;
  guint n_spans, span, k;
  guint line; /* how many lines were read before */
} GsLedgerSpanIter;

void
gs_ledger_span_iter_init (GsLedgerSpanIter *iter, const GsLedgerSpan *spans, guint n_spans);
/* The next line as booked: its person and stored index (the line is
 * stored[*stored] owed to *person); FALSE at the end. */
gboolean
gs_ledger_span_iter_next (GsLedgerSpanIter *iter, const char **person, guint *stored);

/* The longest schedule built: 100 years of months. */
#define GS_LEDGER_MAX_MONTHS 1200

/* Absolute months: 2027-03 is 2027 × 12 + 2. */
static inline gint
gs_ledger_month (gint year, gint month)
{
  return year * 12 + (month - 1);
}

/* "2027-03". */
char *
gs_ledger_month_text (gint month);

G_END_DECLS
