/* gs-export-statements.c — the Statements sheet: each person's statements
 * from the actuals, month by month, with the role and company totals
 * (docs/export.md, "The Statements sheet").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine's figures are values — credit, the measures credited, each
 * component's pay for the period, the commission lines by kind — and what
 * follows from them is a formula with the engine's figure cached: the
 * measure to date (a running sum), attainment (to date ÷ the quota), paid
 * (the sum of the kinds), every total across the months, the role rows
 * (SUMIFS of their people's paid rows) and the company (the sum of the
 * roles).  So the sheet adds up in a spreadsheet exactly as the statements
 * do, and LibreOffice checks it against the engine (tests/export-check.py).
 *
 * The people's blocks are streamed (gs_xtable_stream): each person's rows
 * are made when the writer reaches them, so the sheet holds one block at a
 * time whatever the number of people.
 */
#include "gs-export-statements.h"

#include "gs-ledger-line.h"
#include "gs-pay-months.h"

#include <math.h>

enum
{
  S_PERSON,
  S_ROLE,
  S_FIGURE,
  S_QUOTA,
  S_MONTH0,
  S_TOTAL = S_MONTH0 + GS_COMP_MONTHS,
};

static const char *const kind_labels[GS_PAY_N_KINDS]
    = { "Commission", "True-up", "SPIF", "Draw", "Draw recovered", "Clawback" };

typedef struct
{
  GsExportBook *book;
  GPtrArray *rows; /* of GsXRow*: the block's rows */
  guint base;      /* the sheet row of rows[0] */
  const char *person, *role;
} Block;

/* A row of the person's block: who, whose role, what. */
static GsXRow *
figure_row (Block *b, const char *figure, guint *r)
{
  GsXRow *row = gs_xrow_new ();
  g_ptr_array_add (b->rows, row);
  *r = b->base + b->rows->len - 1;
  gs_xput_text (row, S_PERSON, b->person, GS_XSTYLE_LABEL);
  gs_xput_text (row, S_ROLE, b->role, GS_XSTYLE_PLAIN);
  gs_xput_text (row, S_FIGURE, figure, GS_XSTYLE_PLAIN);
  return row;
}

static void
money_total (Block *b, GsXRow *row, guint r, GsMoney total)
{
  gs_xput_money (b->book->digits, row, S_TOTAL, total,
                 gs_xsum (r, S_MONTH0, r, S_MONTH0 + GS_COMP_MONTHS - 1));
}

/* One row of money by month, values, with their sum (the engine's). */
static void
money_row (Block *b, const char *figure, const GsMoney *v, GsMoney total)
{
  guint r;
  GsXRow *row = figure_row (b, figure, &r);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    gs_xput_money (b->book->digits, row, S_MONTH0 + m, v[m], NULL);
  money_total (b, row, r, total);
}

/* A measure's cell: money measures in minor units, others as numbers. */
static void
put_measure (Block *b, GsXRow *row, guint col, GsMeasure me, double v, char *fx)
{
  if (gs_measure_unit (me) == GS_MEASURE_UNIT_MONEY)
    gs_xput_money (b->book->digits, row, col, gs_money_round (v), fx);
  else
    gs_xput_number (row, col, v, 2, fx);
}

/* Credited in the month (values), to date (running sums) against the
 * person's quota, and attainment (to date ÷ quota). */
static void
measure_rows (Block *b, const GsPayMonths *x, const GsCompComponent *c)
{
  GsMeasure me = c->measure;
  const char *label = gs_measure_label (me);
  g_autofree char *credited = g_strdup_printf ("%s credited", label);
  g_autofree char *to_date = g_strdup_printf ("%s to date (quota in column D)", label);
  g_autofree char *attained = g_strdup_printf ("Attainment to date: %s", label);
  guint r0, r1, r2;
  GsXRow *row = figure_row (b, credited, &r0);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    put_measure (b, row, S_MONTH0 + m, me, x->months[m].measure[me], NULL);
  put_measure (b, row, S_TOTAL, me, x->year.measure[me], gs_xsum (r0, S_MONTH0, r0, S_TOTAL - 1));

  row = figure_row (b, to_date, &r1);
  /* The quota as a plain number in the measure's units: a money quota need
   * not be whole minor units, and attainment divides by it exactly. */
  gs_xput_number (row, S_QUOTA,
                  gs_measure_unit (me) == GS_MEASURE_UNIT_MONEY
                      ? gs_money_to_major (x->quota[me], b->book->digits)
                      : x->quota[me],
                  gs_measure_unit (me) == GS_MEASURE_UNIT_MONEY ? b->book->digits : 2, NULL);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *here = gs_xref (r0, S_MONTH0 + m, FALSE);
      g_autofree char *prev = m ? gs_xref (r1, S_MONTH0 + m - 1, FALSE) : NULL;
      char *fx = prev ? g_strdup_printf ("%s+%s", prev, here) : g_strdup (here);
      put_measure (b, row, S_MONTH0 + m, me, x->months[m].measure_ytd[me], fx);
    }

  row = figure_row (b, attained, &r2);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *ytd = gs_xref (r1, S_MONTH0 + m, FALSE);
      g_autofree char *quota = gs_xref (r1, S_QUOTA, TRUE);
      gs_xput_percent (row, S_MONTH0 + m, x->months[m].attainment[me],
                       g_strdup_printf ("IF(%s>0,%s/%s,0)", quota, ytd, quota));
    }
}

/* The kinds of pay by month, then paid: their sum. */
static guint
pay_rows (Block *b, const GsPayMonths *x)
{
  guint first = 0, r;
  GsXRow *row;
  for (guint k = 0; k < GS_PAY_N_KINDS; k++)
    {
      {
        GsMoney v[GS_COMP_MONTHS];
        for (guint m = 0; m < GS_COMP_MONTHS; m++)
          v[m] = x->months[m].by_kind[k];
        money_row (b, kind_labels[k], v, x->year.by_kind[k]);
      }
      if (k == 0)
        first = b->base + b->rows->len - 1;
    }
  row = figure_row (b, "Paid", &r);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    gs_xput_money (b->book->digits, row, S_MONTH0 + m, x->months[m].paid,
                   gs_xsum (first, S_MONTH0 + m, r - 1, S_MONTH0 + m));
  money_total (b, row, r, x->total);
  return r;
}

static void
person_block (Block *b, const GsPayYear *y)
{
  g_autoptr (GsPayMonths) x = gs_pay_months (y);
  g_autofree GsMoney *credit = g_new0 (GsMoney, GS_COMP_MONTHS);
  guint r;
  GsXRow *row = figure_row (b, "Deals credited", &r);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      gs_xput_count (row, S_MONTH0 + m, x->months[m].n_credits, NULL);
      credit[m] = x->months[m].credit;
    }
  gs_xput_count (row, S_TOTAL, x->year.n_credits, gs_xsum (r, S_MONTH0, r, S_TOTAL - 1));
  money_row (b, "Credit (the person's share)", credit, x->year.credit);
  for (guint i = 0; y->role && i < y->role->n_components; i++)
    {
      g_autofree char *paid = g_strdup_printf ("Pay: %s (the period's, in its last month)",
                                               y->role->components[i].name);
      measure_rows (b, x, &y->role->components[i]);
      money_row (b, paid, &x->component[i * GS_COMP_MONTHS], x->component_total[i]);
    }
  pay_rows (b, x);
}

/* The rows of a person's block (person_block makes them). */
static guint
block_rows (const GsPayYear *y)
{
  return 2 + (y->role ? y->role->n_components * 4 : 0) + GS_PAY_N_KINDS + 1;
}

typedef struct
{
  GsExportBook *book;
  const GsModel *model;
  const GsPayCompany *company;
  guint first;   /* the sheet row of the first person's first row */
  guint *offset; /* n_people + 1: each block's first row, counted from the stream's */
  guint cached;  /* the person whose block rows holds, or G_MAXUINT */
  GPtrArray *rows;
  gboolean *served; /* rows[k] handed over already */
  gpointer owner;   /* holds company */
  GDestroyNotify owner_free;
} Stream;

static void
stream_free (Stream *st)
{
  g_free (st->offset);
  g_free (st->served);
  g_clear_pointer (&st->rows, g_ptr_array_unref);
  if (st->owner_free)
    st->owner_free (st->owner);
  g_free (st);
}

static void
make_block (Stream *st, guint p)
{
  const GsPayYear *y = g_ptr_array_index (st->company->years, p);
  Block b = { st->book, NULL, st->first + st->offset[p], NULL, NULL };
  g_clear_pointer (&st->rows, g_ptr_array_unref);
  st->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_xrow_free);
  b.rows = st->rows;
  b.person = st->model->actuals->people[y->person].name;
  b.role = y->role ? y->role->id : "";
  person_block (&b, y);
  g_assert (st->rows->len == block_rows (y));
  g_free (st->served);
  st->served = g_new0 (gboolean, st->rows->len);
  st->cached = p;
}

/* Row i of the stream: its person's block is made once and its rows handed
 * over one by one (a row read twice makes the block again). */
static void
stream_row (gpointer data, guint i, GsXRow *row)
{
  Stream *st = data;
  guint lo = 0, hi = st->company->years->len, k;
  GsXRow *made;
  GArray *cells;

  while (hi - lo > 1) /* the last p with offset[p] ≤ i */
    {
      guint mid = (lo + hi) / 2;
      if (st->offset[mid] <= i)
        lo = mid;
      else
        hi = mid;
    }
  k = i - st->offset[lo];
  if (st->cached != lo || st->served[k])
    make_block (st, lo);
  made = g_ptr_array_index (st->rows, k);
  cells = row->cells;
  row->cells = made->cells;
  made->cells = cells;
  st->served[k] = TRUE;
}

void
gs_export_book_add_statements (GsExportBook *book, const GsModel *model, const GsCompModel *comp,
                               const GsPayCompany *company, gpointer owner,
                               GDestroyNotify owner_free)
{
  GsXTable *t = gs_xtable_new (book, "Statements", "statements");
  Stream *st = g_new0 (Stream, 1);
  GsXRow *row;
  guint first, last, r0, n = company->years->len;

  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "Commission statements from the actuals, per person and month",
                GS_XSTYLE_TITLE);
  gs_xput_text (gs_xrow_add (t), 0,
                "Goalsheet's figures (credit by the plan's crediting rules, pay through its rate "
                "tables, true-ups, clawbacks and draws); to date, attainment, paid and every "
                "total are formulas over them. A period's pay is paid in its last month.",
                GS_XSTYLE_PLAIN);
  row = gs_xrow_add (t);
  gs_xput_text (row, S_PERSON, "Person", GS_XSTYLE_HEADER);
  gs_xput_text (row, S_ROLE, "Role", GS_XSTYLE_HEADER);
  gs_xput_text (row, S_FIGURE, "Figure", GS_XSTYLE_HEADER);
  gs_xput_text (row, S_QUOTA, "Quota", GS_XSTYLE_HEADER);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      GsMonth mm = gs_model_month (model, (int) m);
      g_autofree char *text
          = gs_ledger_month_text (gs_ledger_month ((gint) mm.year, (gint) mm.month));
      gs_xput_text (row, S_MONTH0 + m, text, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, S_TOTAL, "Total", GS_XSTYLE_HEADER);
  t->freeze_rows = 3;
  t->freeze_cols = S_MONTH0;
  first = gs_xtable_n_rows (t);
  st->book = book;
  st->model = model;
  st->company = company;
  st->first = first;
  st->cached = G_MAXUINT;
  st->owner = owner;
  st->owner_free = owner_free;
  st->offset = g_new0 (guint, n + 1);
  for (guint p = 0; p < n; p++)
    st->offset[p + 1] = st->offset[p] + block_rows (g_ptr_array_index (company->years, p));
  gs_xtable_stream (t, st->offset[n], stream_row, st, (GDestroyNotify) stream_free);
  last = first + st->offset[n] - 1;

  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, "By role: the paid rows of its people", GS_XSTYLE_SECTION);
  r0 = gs_xtable_n_rows (t);
  for (guint i = 0; i < comp->n_roles; i++)
    {
      guint r;
      g_autofree char *roles = gs_xrange (first, S_ROLE, last, S_ROLE);
      g_autofree char *figures = gs_xrange (first, S_FIGURE, last, S_FIGURE);
      row = gs_xrow_add (t);
      r = gs_xrow_index (t);
      gs_xput_text (row, S_PERSON, comp->roles[i].name, GS_XSTYLE_LABEL);
      gs_xput_text (row, S_ROLE, comp->roles[i].id, GS_XSTYLE_PLAIN);
      gs_xput_text (row, S_FIGURE, "Paid", GS_XSTYLE_PLAIN);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          g_autofree char *months = gs_xrange (first, S_MONTH0 + m, last, S_MONTH0 + m);
          g_autofree char *key = gs_xref (r, S_ROLE, FALSE);
          gs_xput_money (
              book->digits, row, S_MONTH0 + m, company->role_month[(gsize) i * GS_COMP_MONTHS + m],
              g_strdup_printf ("SUMIFS(%s,%s,%s,%s,\"Paid\")", months, roles, key, figures));
        }
      gs_xput_money (book->digits, row, S_TOTAL, company->role_total[i],
                     gs_xsum (r, S_MONTH0, r, S_TOTAL - 1));
    }
  row = gs_xrow_add (t);
  gs_xput_text (row, S_PERSON, "Company", GS_XSTYLE_TOTAL);
  gs_xput_text (row, S_FIGURE, "Paid", GS_XSTYLE_TOTAL);
  for (guint m = 0; m <= GS_COMP_MONTHS; m++)
    {
      guint col = S_MONTH0 + m;
      GsMoney v = m < GS_COMP_MONTHS ? company->month[m] : company->total;
      char *fx = comp->n_roles ? gs_xsum (r0, col, r0 + comp->n_roles - 1, col) : g_strdup ("0");
      gs_xput_money (book->digits, row, col, v, fx);
    }
  t->widths[S_PERSON] = 18;
  t->widths[S_FIGURE] = 44;
}
