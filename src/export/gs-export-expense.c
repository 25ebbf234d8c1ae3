/* gs-export-expense.c — the Expense and Payments sheets: the ledger floor's
 * schedules, with the amortisation as formulas (docs/export.md, "Expense and
 * Payments").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every commission line is a row: its amount, start month and life are
 * cells, and each month's expense is a formula that reproduces
 * gs_expense_part — ⌊|A| ÷ L⌋ minor units, one more in the first |A| mod L
 * months, with A's sign — and a clawback's reversal (what is left of the row
 * in the clawback's month), so Calc and Excel agree with the engine to the
 * cent.  Months are numbered from the schedule's first (row "Month no."), so
 * the formulas need no dates.  A deal's commission, true-up or SPIF has the
 * life IF(CustomerLife<=12,1,CustomerLife): the practical expedient.  The
 * payments are the engine's values; the payable is a running formula over
 * them, and the totals are sums, so the sheet reconciles month by month.
 */
#include "gs-export-expense.h"

#include "gs-export-payfx.h"

enum
{
  E_PERSON,
  E_DEAL,
  E_LINE,
  E_TREATMENT,
  E_EARNED,
  E_START,
  E_AMOUNT,
  E_LIFE,
  E_REVERSED,
  E_MONTH0, /* the schedule's first month */
};

#define MONTH_NO_ROW 4 /* the row of month numbers on both sheets */

static const char *const treatments[] = { "capitalised", "at once", "recovery" };

/* Month headings, then a row of month numbers (0, 1, …) for the formulas. */
static void
month_rows (GsXTable *t, guint col0, gint first, guint n_months, const char *const *labels,
            guint n_labels)
{
  GsXRow *row = gs_xrow_add (t);
  for (guint i = 0; i < n_labels; i++)
    gs_xput_text (row, i, labels[i], GS_XSTYLE_HEADER);
  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *text = gs_ledger_month_text (first + (gint) m);
      gs_xput_text (row, col0 + m, text, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, col0 + n_months, "Total", GS_XSTYLE_HEADER);
  row = gs_xrow_add (t);
  g_assert (gs_xrow_index (t) == MONTH_NO_ROW);
  gs_xput_text (row, 0, "Month no.", GS_XSTYLE_LABEL);
  for (guint m = 0; m < n_months; m++)
    gs_xput_count (row, col0 + m, m, NULL);
}

static char *
ref (guint row, guint col)
{
  return gs_xref (row, col, FALSE);
}

/* A capitalisable row's month: the straight-line part before a clawback,
 * what is left of the row in the clawback's month, nothing after. */
static char *
amortise_fx (guint digits, guint r, guint col)
{
  const char *s = gs_payfx_scale (digits);
  g_autofree char *m = ref (MONTH_NO_ROW, col), *start = ref (r, E_START);
  g_autofree char *a = ref (r, E_AMOUNT), *life = ref (r, E_LIFE), *rev = ref (r, E_REVERSED);
  g_autofree char *k = g_strdup_printf ("(%s-%s)", m, start);
  g_autofree char *cents = g_strdup_printf ("ROUND(ABS(%s)*%s,0)", a, s);
  g_autofree char *part
      = g_strdup_printf ("IF(%s<%s,SIGN(%s)*(INT(%s/%s)+IF(%s<MOD(%s,%s),1,0))/%s,0)", k, life, a,
                         cents, life, k, cents, life, s);
  g_autofree char *before = col == E_MONTH0 ? NULL : gs_xsum (r, E_MONTH0, r, col - 1);
  g_autofree char *rest = before ? g_strdup_printf ("%s-%s", a, before) : g_strdup (a);
  return g_strdup_printf ("IF(%s<%s,0,IF(OR(%s=\"\",%s<%s),%s,IF(%s=%s,%s,0)))", m, start, rev, m,
                          rev, part, m, rev, rest);
}

/* A line's row, sheet row r. */
static void
line_row (GsExportBook *book, GsXRow *row, guint r, const GsExpense *e, const GsExpenseRow *x)
{
  g_autofree char *earned = gs_ledger_month_text (x->month);
  gs_xput_text (row, E_PERSON, x->person, GS_XSTYLE_PLAIN);
  gs_xput_text (row, E_DEAL, x->deal ? x->deal : "", GS_XSTYLE_PLAIN);
  gs_xput_text (row, E_LINE, gs_pay_kind_ids[x->line_kind], GS_XSTYLE_PLAIN);
  gs_xput_text (row, E_TREATMENT, treatments[x->kind], GS_XSTYLE_PLAIN);
  gs_xput_text (row, E_EARNED, earned, GS_XSTYLE_PLAIN);
  gs_xput_count (row, E_START, x->month - e->first_month, NULL);
  gs_xput_money (book->digits, row, E_AMOUNT, x->amount, NULL);
  gs_xput_count (row, E_LIFE, x->life,
                 x->incremental ? g_strdup ("IF(CustomerLife<=12,1,CustomerLife)") : NULL);
  if (x->incremental && x->reversed_in != G_MAXINT)
    gs_xput_count (row, E_REVERSED, x->reversed_in - e->first_month, NULL);
  for (guint m = 0; m < e->n_months; m++)
    {
      g_autofree char *mno = ref (MONTH_NO_ROW, E_MONTH0 + m);
      g_autofree char *start = ref (r, E_START), *a = ref (r, E_AMOUNT);
      char *fx = x->incremental ? amortise_fx (book->digits, r, E_MONTH0 + m)
                                : g_strdup_printf ("IF(%s=%s,%s,0)", mno, start, a);
      gs_xput_money (book->digits, row, E_MONTH0 + m, x->expense[m], fx);
    }
  gs_xput_money (book->digits, row, E_MONTH0 + e->n_months, x->amount,
                 gs_xsum (r, E_MONTH0, r, E_MONTH0 + e->n_months - 1));
}

/* The line rows, made as the writer reaches them (a row per person and
 * line: a shared line's row for each person it is booked for), read in
 * order; a read from before the cursor starts over. */
typedef struct
{
  GsExportBook *book;
  const GsExpense *e;
  guint first; /* the sheet row of line 0 */
  GsLedgerSpanIter it;
} LineStream;

static void
line_stream_row (gpointer data, guint i, GsXRow *row)
{
  LineStream *ls = data;
  GsExpenseRow x;
  if (i < ls->it.line)
    gs_ledger_span_iter_init (&ls->it, ls->e->spans, ls->e->n_spans);
  /* Whole spans before line i skipped, then line by line. */
  while (ls->it.span < ls->it.n_spans
         && ls->it.line + (ls->it.spans[ls->it.span].n - ls->it.k) <= i)
    {
      ls->it.line += ls->it.spans[ls->it.span].n - ls->it.k;
      ls->it.span++;
      ls->it.k = 0;
    }
  while (ls->it.line < i && gs_expense_next_row (ls->e, &ls->it, &x))
    ;
  if (gs_expense_next_row (ls->e, &ls->it, &x))
    line_row (ls->book, row, ls->first + i, ls->e, &x);
}

/* The monthly totals over the line rows first..last. */
static void
total_rows (GsExportBook *book, GsXTable *t, const GsExpense *e, guint first, guint last)
{
  const char *labels[]
      = { "Expense", "Capitalised", "Amortised and reversed", "Capitalised balance at close" };
  guint r0 = gs_xtable_n_rows (t);
  g_autofree char *amounts = gs_xrange (first, E_AMOUNT, last, E_AMOUNT);
  g_autofree char *starts = gs_xrange (first, E_START, last, E_START);
  g_autofree char *lives = gs_xrange (first, E_LIFE, last, E_LIFE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GsXRow *row = gs_xrow_add (t);
      GsMoney sum[] = { e->total.expense, e->total.capitalised, e->total.released };
      gs_xput_text (row, 0, labels[i], GS_XSTYLE_TOTAL);
      for (guint m = 0; m < e->n_months; m++)
        {
          const GsExpenseMonth *x = &e->months[m];
          guint col = E_MONTH0 + m;
          g_autofree char *mno = ref (MONTH_NO_ROW, col);
          g_autofree char *months = gs_xrange (first, col, last, col);
          GsMoney v[] = { x->expense, x->capitalised, x->released, x->close };
          char *fx;
          if (i == 0)
            fx = g_strdup_printf ("SUM(%s)", months);
          else if (i == 1)
            fx = g_strdup_printf ("SUMIFS(%s,%s,%s,%s,\">1\")", amounts, starts, mno, lives);
          else if (i == 2)
            fx = g_strdup_printf ("SUMPRODUCT((%s>1)*%s)", lives, months);
          else
            {
              g_autofree char *cap = ref (r0 + 1, col), *out = ref (r0 + 2, col);
              g_autofree char *prev = m == 0 ? NULL : ref (r0 + 3, col - 1);
              fx = prev ? g_strdup_printf ("%s+%s-%s", prev, cap, out)
                        : g_strdup_printf ("%s-%s", cap, out);
            }
          gs_xput_money (book->digits, row, col, v[i], fx);
        }
      if (i < 3)
        gs_xput_money (book->digits, row, E_MONTH0 + e->n_months, sum[i],
                       gs_xsum (r0 + i, E_MONTH0, r0 + i, E_MONTH0 + e->n_months - 1));
    }
}

/* Each deal's expense by month: the sum of its rows. */
static void
deal_rows (GsExportBook *book, GsXTable *t, const GsExpense *e, guint first, guint last)
{
  const char *labels[] = { "Deal" };
  g_autofree char *deals = gs_xrange (first, E_DEAL, last, E_DEAL);
  GsXRow *row;
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "By deal: expense per month (the sum of the deal's lines)",
                GS_XSTYLE_SECTION);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, labels[0], GS_XSTYLE_HEADER);
  for (guint i = 0; i < e->n_deals; i++)
    {
      const GsExpenseDeal *d = &e->deals[i];
      guint r;
      row = gs_xrow_add (t);
      r = gs_xrow_index (t);
      gs_xput_text (row, E_PERSON, "", GS_XSTYLE_PLAIN);
      gs_xput_text (row, E_DEAL, d->deal, GS_XSTYLE_LABEL);
      for (guint m = 0; m < e->n_months; m++)
        {
          guint col = E_MONTH0 + m;
          g_autofree char *key = ref (r, E_DEAL);
          g_autofree char *months = gs_xrange (first, col, last, col);
          gs_xput_money (book->digits, row, col, d->expense[m],
                         g_strdup_printf ("SUMIF(%s,%s,%s)", deals, key, months));
        }
      gs_xput_money (book->digits, row, E_MONTH0 + e->n_months, d->expense_total,
                     gs_xsum (r, E_MONTH0, r, E_MONTH0 + e->n_months - 1));
    }
}

static void
add_expense (GsExportBook *book, const GsExpense *e)
{
  static const char *const head[] = { "Person",    "Deal",          "Line",
                                      "Treatment", "Earned",        "Start (month no.)",
                                      "Amount",    "Life (months)", "Reversed in (month no.)" };
  GsXTable *t = gs_xtable_new (book, "Expense", "expense");
  GsXRow *row;
  GsXCell *life;
  guint first;

  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0,
                "Commission expense (ASC 340-40 / IFRS 15): capitalised, amortised, reversed",
                GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Customer life (months)", GS_XSTYLE_LABEL);
  life = gs_xput_count (row, 1, e->life_months, NULL);
  life->input = TRUE;
  life->name = g_strdup ("CustomerLife");
  life->validate = 2;
  life->vmin = 1;
  life->vmax = GS_EXPENSE_MAX_LIFE;
  life->note = g_strdup ("compensation.expense.customer_life_months. 12 or less: every commission "
                         "is expensed in the month earned (the practical expedient). A longer "
                         "life than the months shown is cut off at the last column.");
  gs_xput_text (gs_xrow_add (t), 0,
                "Each month: the amount's minor units ÷ the life, rounded down; the remainder "
                "one minor unit each in the first months. A deal's commission, true-up or SPIF "
                "is capitalised; draws and lines without a deal are expensed when earned; a "
                "clawback reverses what is left of that person's lines of the deal.",
                GS_XSTYLE_PLAIN);
  month_rows (t, E_MONTH0, e->first_month, e->n_months, head, G_N_ELEMENTS (head));
  t->freeze_rows = MONTH_NO_ROW + 1;
  t->freeze_cols = E_MONTH0;
  first = t->rows->len;
  if (e->n_lines > 0)
    {
      LineStream *ls = g_new0 (LineStream, 1);
      ls->book = book;
      ls->e = e;
      ls->first = first;
      gs_ledger_span_iter_init (&ls->it, e->spans, e->n_spans);
      gs_xtable_stream (t, e->n_lines, line_stream_row, ls, g_free);
      gs_xrow_add (t);
      total_rows (book, t, e, first, first + e->n_lines - 1);
      deal_rows (book, t, e, first, first + e->n_lines - 1);
    }
  t->widths[E_PERSON] = 18;
  t->widths[E_TREATMENT] = 12;
}

static const char *const figures[] = { "Earned", "Clawed back", "Paid", "Payable at close" };

static void
payment_rows (GsExportBook *book, GsXTable *t, const GsPaymentSchedule *s, const char *who,
              const GsPaymentMonth *cells, const GsPaymentMonth *sums, guint people_first,
              guint people_last)
{
  guint r0 = t->rows->len;
  const GsMoney sum[] = { sums->earned, sums->clawed_back, sums->paid };
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      GsXRow *row = gs_xrow_add (t);
      guint r = gs_xrow_index (t);
      gs_xput_text (row, 0, who, f == 0 ? GS_XSTYLE_LABEL : GS_XSTYLE_PLAIN);
      gs_xput_text (row, 1, figures[f], GS_XSTYLE_PLAIN);
      for (guint m = 0; m < s->n_months; m++)
        {
          const GsPaymentMonth *c = &cells[m];
          GsMoney v[] = { c->earned, c->clawed_back, c->paid, c->payable_close };
          guint col = 2 + m;
          char *fx = NULL;
          if (people_last >= people_first)
            {
              g_autofree char *labels = gs_xrange (people_first, 1, people_last, 1);
              g_autofree char *key = ref (r, 1);
              g_autofree char *months = gs_xrange (people_first, col, people_last, col);
              fx = g_strdup_printf ("SUMIF(%s,%s,%s)", labels, key, months);
            }
          else if (f == 3)
            {
              g_autofree char *prev = m == 0 ? g_strdup ("0") : ref (r, col - 1);
              g_autofree char *earned = ref (r0, col), *claw = ref (r0 + 1, col);
              g_autofree char *paid = ref (r0 + 2, col);
              fx = g_strdup_printf ("%s+%s+%s-%s", prev, earned, claw, paid);
            }
          gs_xput_money (book->digits, row, col, v[f], fx);
        }
      /* The flows' sums over the months are the engine's; the payable is a
       * balance, with no sum. */
      if (f < 3)
        gs_xput_money (book->digits, row, 2 + s->n_months, sum[f],
                       gs_xsum (r, 2, r, 1 + s->n_months));
    }
}

static void
add_payments (GsExportBook *book, const GsPaymentSchedule *s)
{
  static const char *const head[] = { "Person", "Figure" };
  g_autofree char *lag = g_strdup_printf (
      "Paid %u month(s) after the month earned (compensation.payment.lag_months). A month whose "
      "amount due is negative pays nothing and carries it: the payable is then negative (the "
      "person owes).",
      s->lag);
  GsXTable *t = gs_xtable_new (book, "Payments", "payments");
  guint first;

  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "Payments per person and month", GS_XSTYLE_TITLE);
  gs_xput_text (gs_xrow_add (t), 0, lag, GS_XSTYLE_PLAIN);
  gs_xput_text (gs_xrow_add (t), 0,
                "Earned, clawed back and paid are Goalsheet's figures; the payable is open + "
                "earned + clawed back − paid, and Everyone is the sum of the people.",
                GS_XSTYLE_PLAIN);
  month_rows (t, 2, s->first_month, s->n_months, head, G_N_ELEMENTS (head));
  t->freeze_rows = MONTH_NO_ROW + 1;
  t->freeze_cols = 2;
  first = t->rows->len;
  for (guint p = 0; p < s->n_people; p++)
    payment_rows (book, t, s, s->people[p], gs_payment_cell (s, p, 0), &s->sums[p], 1, 0);
  if (s->n_people > 0)
    payment_rows (book, t, s, "Everyone", s->total, &s->sums[s->n_people], first, t->rows->len - 1);
  t->widths[0] = 18;
  t->widths[1] = 16;
}

void
gs_export_book_add_ledger (GsExportBook *book, const GsLedger *ledger)
{
  /* gs_export_book_new_with_ledger fits the widths of every sheet. */
  add_expense (book, ledger->expense);
  add_payments (book, ledger->payments);
}
