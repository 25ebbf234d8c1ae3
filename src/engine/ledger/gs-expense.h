/* gs-expense.h — the commission expense finance books under ASC 340-40 and
 * IFRS 15: incremental costs of obtaining a contract capitalised and
 * amortised straight-line over the expected customer life.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Incremental ("costs that an entity would not have incurred if the contract
 * had not been obtained", ASC 340-40-25-2, IFRS 15.92): the commission,
 * true-up and SPIF lines that name a deal.  Draws (paid whether or not a
 * contract is won), draw recoveries and lines naming no deal are expensed in
 * the month earned.  With a customer life of 12 months or less the practical
 * expedient (ASC 340-40-25-4, IFRS 15.94) applies: everything is expensed
 * in the month earned and nothing is capitalised.
 *
 * The one rounding rule (docs/rounding.md, "Amortisation"): a capitalised
 * amount A over L months pays ⌊|A| ÷ L⌋ minor units a month, and the
 * remainder |A| mod L minor units one each in the first months, with A's
 * sign: €1,000.00 over 36 months is 27.78 × 28 + 27.77 × 8.  Each row sums
 * to its amount exactly.
 *
 * A clawback of a deal reverses the person's unamortised balance of that
 * deal: in the clawback's month the balance not yet amortised is expensed and
 * the row stops; the clawback itself is a negative expense (the recovery), so
 * a deal clawed back in full costs nothing over its life.
 */
#pragma once

#include "gs-ledger-line.h"

G_BEGIN_DECLS

typedef enum
{
  GS_EXPENSE_CAPITALISED, /* incremental, amortised over the customer life */
  GS_EXPENSE_AT_ONCE,     /* expensed in the month earned */
  GS_EXPENSE_RECOVERY,    /* a clawback: a negative expense in its month */
} GsExpenseKind;

typedef struct
{
  char *person; /* NULL: a shared line's row, booked for the people of its spans */
  char *deal;   /* NULL: no deal */
  GsPayKind line_kind;
  GsExpenseKind kind;
  gboolean incremental; /* a deal's commission, true-up or SPIF above zero: capitalised
                         * unless the expedient applies */
  gint month;           /* absolute month earned */
  GsMoney amount;       /* the line's amount */
  guint life;           /* months amortised over; 1 unless capitalised */
  gint reversed_in;     /* absolute month a clawback reversed the rest; G_MAXINT: never */
  guint count;          /* the lines it stands for: 1 for a person's own line, the people
                         * booked for a shared one (0: none, and then it counts nowhere) */
  GsMoney *expense;     /* [n_months of the schedule]; sums to amount */
} GsExpenseRow;

typedef struct
{
  char *deal;
  GsMoney commission;    /* its lines but clawbacks */
  GsMoney clawed_back;   /* its clawbacks (0 or negative) */
  GsMoney *expense;      /* [n_months]; sums to commission + clawed_back */
  GsMoney expense_total; /* Σ expense: commission + clawed_back */
  GsMoney *balance;      /* [n_months]: capitalised balance at the month's close */
} GsExpenseDeal;

typedef struct
{
  GsMoney capitalised; /* added to the asset */
  GsMoney amortised;   /* the month's straight-line parts */
  GsMoney reversed;    /* unamortised balances reversed by clawbacks */
  GsMoney released;    /* what left the asset: amortised + reversed */
  GsMoney at_once;     /* expensed in the month earned */
  GsMoney recovered;   /* clawbacks (0 or negative) */
  GsMoney expense;     /* amortised + reversed + at_once + recovered */
  GsMoney open,
      close; /* the capitalised balance: close = open + capitalised − amortised − reversed */
} GsExpenseMonth;

typedef struct
{
  guint life_months;  /* compensation.expense.customer_life_months */
  gboolean expedient; /* life ≤ 12: nothing capitalised */
  gint first_month;   /* absolute month of index 0 */
  guint n_months;     /* to the last month anything is expensed */
  guint n_rows, n_deals;
  GsExpenseRow *rows;  /* one per stored line (gs-ledger-line.h), in their order: a shared
                        * line's row once, whoever it is booked for */
  GsLedgerSpan *spans; /* the rows as booked, one per line, in the lines' order: span by
                        * span, each row with the span's person (gs_expense_next_row) */
  guint n_spans;
  guint n_lines;        /* Σ spans' n */
  GsExpenseDeal *deals; /* in order of their first line */
  GsExpenseMonth *months;
  GsExpenseMonth total; /* the months summed; open is the first month's, close the last's */
  /* Owned, for gs_expense_free: the rows' person and deal texts (each once)
   * and their expense months (one block), not two strings and an array per
   * row (24 million rows at 100,000 deals). */
  GStringChunk *texts;
  GsMoney *row_months;
} GsExpense;

/* The largest customer life: 50 years. */
#define GS_EXPENSE_MAX_LIFE 600

/* The part of amount for month k (0-based) of life months: the rule above;
 * 0 outside 0 ≤ k < life. */
GsMoney
gs_expense_part (GsMoney amount, guint life, guint k);

/* NULL with GS_ERROR_INVALID (a life of 0 or above GS_EXPENSE_MAX_LIFE, a
 * line without person, a span too long) or GS_ERROR_OVERFLOW.  Every line
 * its own row. */
GsExpense *
gs_expense_new (const GsLedgerLine *lines, guint n_lines, guint life_months, GError **error);
/* The same from a set of lines: a row per stored line, its expense months
 * computed once, counted for every person it is booked for.  A clawback
 * reverses the person's own lines only: GS_ERROR_INVALID if it would reverse
 * a shared one (gs_ledger_lines_from_pay never shares such a line). */
GsExpense *
gs_expense_new_for (const GsLedgerLines *lines, guint life_months, GError **error);

/* The next row as booked into *out, its person the span's; FALSE at the
 * end.  iter from gs_ledger_span_iter_init (expense->spans, expense->n_spans). */
gboolean
gs_expense_next_row (const GsExpense *expense, GsLedgerSpanIter *iter, GsExpenseRow *out);
void
gs_expense_free (GsExpense *expense);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsExpense, gs_expense_free)

/* The invariants, for tests and the CLI: each row and deal sums to its
 * amounts, months sum over rows, balances carry and never go negative, the
 * total expense is the total of the lines, and under the expedient nothing
 * is capitalised.  The error says which. */
gboolean
gs_expense_check (const GsExpense *expense, GError **error);

G_END_DECLS
