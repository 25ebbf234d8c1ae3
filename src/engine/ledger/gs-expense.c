/* gs-expense.c — commission expense: capitalised, amortised, reversed.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-expense.h"

#include "gs-error.h"

#include <glib/gi18n.h>

GsMoney
gs_expense_part (GsMoney amount, guint life, guint k)
{
  GsMoney a = amount < 0 ? -amount : amount;
  GsMoney part;
  if (life == 0 || k >= life)
    return 0;
  part = a / life + ((GsMoney) k < a % life ? 1 : 0);
  return amount < 0 ? -part : part;
}

void
gs_expense_free (GsExpense *e)
{
  if (e == NULL)
    return;
  g_clear_pointer (&e->texts, g_string_chunk_free);
  g_free (e->row_months);
  for (guint i = 0; i < e->n_deals; i++)
    {
      g_free (e->deals[i].deal);
      g_free (e->deals[i].expense);
      g_free (e->deals[i].balance);
    }
  g_free (e->rows);
  g_free (e->spans);
  g_free (e->deals);
  g_free (e->months);
  g_free (e);
}

/* Incremental: a commission, true-up or SPIF for a deal (gs-expense.h).  A
 * negative one (a true-up down) reduces the month's expense instead of
 * making a negative asset, so balances never go below zero. */
static gboolean
incremental (const GsLedgerLine *l)
{
  return l->deal != NULL && l->amount > 0
         && (l->kind == GS_PAY_COMMISSION || l->kind == GS_PAY_TRUE_UP || l->kind == GS_PAY_SPIF);
}

static GsExpenseKind
kind_of (const GsLedgerLine *l, gboolean expedient)
{
  if (l->kind == GS_PAY_CLAWBACK)
    return GS_EXPENSE_RECOVERY;
  return incremental (l) && !expedient ? GS_EXPENSE_CAPITALISED : GS_EXPENSE_AT_ONCE;
}

/* The clawback lines by deal: each deal's clawbacks, so a row's reversal
 * reads those alone, not every line (lines × rows at 100,000 deals). */
static GHashTable *
clawbacks_by_deal (const GsLedgerLine *lines, guint n)
{
  GHashTable *by_deal
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    if (lines[i].kind == GS_PAY_CLAWBACK && lines[i].deal != NULL && lines[i].person != NULL)
      {
        GArray *at = g_hash_table_lookup (by_deal, lines[i].deal);
        if (at == NULL)
          {
            at = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (by_deal, (gpointer) lines[i].deal, at);
          }
        g_array_append_val (at, i);
      }
  return by_deal;
}

/* The first clawback of the same person and deal in or after month (row's
 * person: the person it is booked for). */
static gint
reversal_month (const GsLedgerLine *lines, GHashTable *by_deal, const GsLedgerLine *row)
{
  gint best = G_MAXINT;
  const GArray *at = row->deal ? g_hash_table_lookup (by_deal, row->deal) : NULL;
  for (guint j = 0; at && j < at->len; j++)
    {
      const GsLedgerLine *l = &lines[g_array_index (at, guint, j)];
      if (l->month >= row->month && l->month < best && g_strcmp0 (l->person, row->person) == 0)
        best = l->month;
    }
  return best;
}

static void
fill_row (GsExpenseRow *r, GsMoney *months, gint first, guint n_months)
{
  GsMoney done = 0;
  r->expense = months;
  for (guint m = (guint) (r->month - first); m < n_months; m++)
    {
      gint t = first + (gint) m;
      GsMoney v;
      if (t < r->reversed_in)
        v = gs_expense_part (r->amount, r->life, (guint) (t - r->month));
      else if (t == r->reversed_in)
        v = r->amount - done;
      else
        break;
      r->expense[m] = v;
      done += v;
    }
}

static gboolean
add (GsMoney *to, GsMoney amount, GError **error)
{
  return gs_money_add_checked (*to, amount, to, error);
}

/* count × amount added: a shared row's figure for every person it is
 * booked for. */
static gboolean
add_times (GsMoney *to, GsMoney amount, guint count, GError **error)
{
  gint64 v;
  if (__builtin_mul_overflow (amount, (gint64) count, &v))
    return add (to, amount < 0 ? G_MININT64 / 2 : G_MAXINT64 / 2, error);
  return add (to, v, error);
}

static gboolean
check_lines (const GsLedgerLines *l, const guint *count, guint life, gint *first, gint *last,
             GError **error)
{
  guint at = 0;
  if (life == 0 || life > GS_EXPENSE_MAX_LIFE)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("The customer life is %u months; it must be 1 to %u"), life,
                   GS_EXPENSE_MAX_LIFE);
      return FALSE;
    }
  *first = G_MAXINT;
  *last = G_MININT;
  for (guint i = 0; i < l->n_spans; i++)
    {
      if (l->spans[i].person == NULL || *l->spans[i].person == '\0')
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Commission line %u has no person"),
                       at + 1);
          return FALSE;
        }
      at += l->spans[i].n;
    }
  for (guint i = 0; i < l->n_stored; i++)
    if (count[i] > 0)
      {
        *first = MIN (*first, l->stored[i].month);
        *last = MAX (*last, l->stored[i].month);
      }
  if (l->n_lines > 0 && (gint64) *last - *first + life >= GS_LEDGER_MAX_MONTHS)
    {
      g_autofree char *a = gs_ledger_month_text (*first);
      g_autofree char *b = gs_ledger_month_text (*last);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("Commission lines from %s to %s, amortised over %u months, span more than "
                      "%u months"),
                   a, b, life, GS_LEDGER_MAX_MONTHS);
      return FALSE;
    }
  return TRUE;
}

/* A capitalised row's balance at the close of month m: its amount from its
 * month on, less what has been expensed so far. */
static GsMoney
row_balance (const GsExpenseRow *r, gint first, guint m, GsMoney *expensed)
{
  *expensed += r->expense[m];
  return first + (gint) m >= r->month ? r->amount - *expensed : 0;
}

static gboolean
sum_deals (GsExpense *e, GError **error)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *deal_of = g_new (guint, MAX (e->n_rows, 1));
  g_autofree guint8 *seen = g_new0 (guint8, MAX (e->n_rows, 1));
  GsLedgerSpanIter it;
  const char *person;
  guint i;

  /* Deals in order of their first line as booked. */
  e->deals = g_new0 (GsExpenseDeal, MAX (e->n_rows, 1));
  gs_ledger_span_iter_init (&it, e->spans, e->n_spans);
  while (gs_ledger_span_iter_next (&it, &person, &i))
    {
      const GsExpenseRow *r = &e->rows[i];
      gpointer v;
      if (seen[i])
        continue;
      seen[i] = 1;
      deal_of[i] = G_MAXUINT;
      if (r->deal == NULL)
        continue;
      if (!g_hash_table_lookup_extended (index, r->deal, NULL, &v))
        {
          GsExpenseDeal *d = &e->deals[e->n_deals];
          v = GUINT_TO_POINTER (e->n_deals++);
          d->deal = g_strdup (r->deal);
          d->expense = g_new0 (GsMoney, e->n_months);
          d->balance = g_new0 (GsMoney, e->n_months);
          g_hash_table_insert (index, d->deal, v);
        }
      deal_of[i] = GPOINTER_TO_UINT (v);
    }
  for (i = 0; i < e->n_rows; i++)
    {
      const GsExpenseRow *r = &e->rows[i];
      GsExpenseDeal *d;
      GsMoney expensed = 0;
      if (r->count == 0 || deal_of[i] == G_MAXUINT)
        continue;
      d = &e->deals[deal_of[i]];
      if (!add_times (r->kind == GS_EXPENSE_RECOVERY ? &d->clawed_back : &d->commission, r->amount,
                      r->count, error)
          || !add_times (&d->expense_total, r->amount, r->count, error))
        return FALSE;
      for (guint m = 0; m < e->n_months; m++)
        {
          if (!add_times (&d->expense[m], r->expense[m], r->count, error))
            return FALSE;
          if (r->kind == GS_EXPENSE_CAPITALISED
              && !add_times (&d->balance[m], row_balance (r, e->first_month, m, &expensed),
                             r->count, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
sum_months (GsExpense *e, GError **error)
{
  GsMoney balance = 0;
  e->months = g_new0 (GsExpenseMonth, MAX (e->n_months, 1));
  for (guint i = 0; i < e->n_rows; i++)
    {
      const GsExpenseRow *r = &e->rows[i];
      guint start = (guint) (r->month - e->first_month), n = r->count;
      for (guint m = start; n > 0 && m < e->n_months; m++)
        {
          GsExpenseMonth *o = &e->months[m];
          GsMoney v = r->expense[m];
          gboolean ok = add_times (&o->expense, v, n, error);
          if (r->kind == GS_EXPENSE_AT_ONCE)
            ok = ok && add_times (&o->at_once, v, n, error);
          else if (r->kind == GS_EXPENSE_RECOVERY)
            ok = ok && add_times (&o->recovered, v, n, error);
          else if (e->first_month + (gint) m == r->reversed_in)
            ok = ok && add_times (&o->reversed, v, n, error);
          else
            ok = ok && add_times (&o->amortised, v, n, error);
          if (r->kind == GS_EXPENSE_CAPITALISED && m == start)
            ok = ok && add_times (&o->capitalised, r->amount, n, error);
          if (!ok)
            return FALSE;
        }
    }
  for (guint m = 0; m < e->n_months; m++)
    {
      GsExpenseMonth *o = &e->months[m];
      o->open = balance;
      if (!add (&balance, o->capitalised, error) || !add (&balance, -o->amortised, error)
          || !add (&balance, -o->reversed, error))
        return FALSE;
      o->released = o->amortised;
      if (!add (&o->released, o->reversed, error))
        return FALSE;
      o->close = balance;
      if (!add (&e->total.capitalised, o->capitalised, error)
          || !add (&e->total.amortised, o->amortised, error)
          || !add (&e->total.reversed, o->reversed, error)
          || !add (&e->total.released, o->released, error)
          || !add (&e->total.at_once, o->at_once, error)
          || !add (&e->total.recovered, o->recovered, error)
          || !add (&e->total.expense, o->expense, error))
        return FALSE;
    }
  e->total.close = balance;
  return TRUE;
}

GsExpense *
gs_expense_new (const GsLedgerLine *lines, guint n_lines, guint life_months, GError **error)
{
  g_autoptr (GsLedgerLines) set = gs_ledger_lines_of (lines, n_lines);
  return gs_expense_new_for (set, life_months, error);
}

/* The people with a clawback line: only their shared rows can be reversed. */
static GHashTable *
people_with_clawbacks (const GsLedgerLines *l)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < l->n_stored; i++)
    if (l->stored[i].kind == GS_PAY_CLAWBACK && l->stored[i].deal && l->stored[i].person)
      g_hash_table_add (set, (gpointer) l->stored[i].person);
  return set;
}

/* A shared row is the same for everyone it is booked for: no clawback of
 * theirs reverses it. */
static gboolean
check_shared (const GsLedgerLines *l, GHashTable *by_deal, GError **error)
{
  g_autoptr (GHashTable) clawing = people_with_clawbacks (l);
  for (guint i = 0; g_hash_table_size (clawing) > 0 && i < l->n_spans; i++)
    {
      const GsLedgerSpan *sp = &l->spans[i];
      if (!g_hash_table_contains (clawing, sp->person))
        continue;
      for (guint k = 0; k < sp->n; k++)
        {
          GsLedgerLine x = l->stored[sp->first + k];
          if (x.person != NULL)
            continue;
          x.person = sp->person;
          if (incremental (&x) && reversal_month (l->stored, by_deal, &x) != G_MAXINT)
            {
              g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                           _ ("Commission expense, %s, %s: a clawback reverses a line shared "
                              "with other people"),
                           sp->person, x.deal);
              return FALSE;
            }
        }
    }
  return TRUE;
}

GsExpense *
gs_expense_new_for (const GsLedgerLines *l, guint life_months, GError **error)
{
  g_autoptr (GsExpense) e = g_new0 (GsExpense, 1);
  g_autoptr (GHashTable) by_deal = NULL;
  g_autofree guint *count = g_new0 (guint, MAX (l->n_stored, 1));
  guint n = l->n_stored;
  gint first, last;

  for (guint i = 0; i < l->n_spans; i++)
    for (guint k = 0; k < l->spans[i].n; k++)
      count[l->spans[i].first + k]++;
  if (!check_lines (l, count, life_months, &first, &last, error))
    return NULL;
  e->life_months = life_months;
  e->expedient = life_months <= 12;
  e->rows = g_new0 (GsExpenseRow, MAX (n, 1));
  e->n_rows = n;
  e->n_lines = l->n_lines;
  e->texts = g_string_chunk_new (4096);
  e->spans = g_new0 (GsLedgerSpan, MAX (l->n_spans, 1));
  e->n_spans = l->n_spans;
  for (guint i = 0; i < l->n_spans; i++)
    {
      e->spans[i] = l->spans[i];
      e->spans[i].person = g_string_chunk_insert_const (e->texts, l->spans[i].person);
    }
  if (l->n_lines == 0)
    {
      e->deals = g_new0 (GsExpenseDeal, 1);
      e->months = g_new0 (GsExpenseMonth, 1);
      return g_steal_pointer (&e);
    }
  e->first_month = first;
  e->n_months = (guint) (last - first) + 1;
  by_deal = clawbacks_by_deal (l->stored, n);
  if (!check_shared (l, by_deal, error))
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const GsLedgerLine *x = &l->stored[i];
      GsExpenseRow *r = &e->rows[i];
      r->person = x->person ? g_string_chunk_insert_const (e->texts, x->person) : NULL;
      r->deal = x->deal ? g_string_chunk_insert_const (e->texts, x->deal) : NULL;
      r->line_kind = x->kind;
      r->kind = kind_of (x, e->expedient);
      r->incremental = incremental (x);
      r->month = x->month;
      r->amount = x->amount;
      r->count = count[i];
      r->life = r->kind == GS_EXPENSE_CAPITALISED ? life_months : 1;
      /* A shared row: no clawback reverses it (check_shared). */
      r->reversed_in
          = r->incremental && x->person ? reversal_month (l->stored, by_deal, x) : G_MAXINT;
      if (r->count > 0 && r->kind == GS_EXPENSE_CAPITALISED && r->reversed_in == G_MAXINT)
        e->n_months = MAX (e->n_months, (guint) (r->month - first) + r->life);
    }
  e->row_months = g_new0 (GsMoney, (gsize) MAX (n, 1) * e->n_months);
  for (guint i = 0; i < n; i++)
    {
      e->rows[i].expense = e->row_months + (gsize) i * e->n_months;
      if (e->rows[i].count > 0)
        fill_row (&e->rows[i], e->rows[i].expense, first, e->n_months);
    }
  if (!sum_deals (e, error) || !sum_months (e, error))
    return NULL;
  return g_steal_pointer (&e);
}

gboolean
gs_expense_next_row (const GsExpense *e, GsLedgerSpanIter *it, GsExpenseRow *out)
{
  const char *person;
  guint i;
  if (!gs_ledger_span_iter_next (it, &person, &i))
    return FALSE;
  *out = e->rows[i];
  out->person = (char *) person;
  return TRUE;
}

static gboolean
fail (GError **error, const char *what, const char *who, gint month)
{
  g_autofree char *m = gs_ledger_month_text (month);
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Commission expense, %s, %s: %s"), who, m,
               what);
  return FALSE;
}

gboolean
gs_expense_check (const GsExpense *e, GError **error)
{
  GsMoney lines = 0, expensed = 0;
  for (guint i = 0; i < e->n_rows; i++)
    {
      const GsExpenseRow *r = &e->rows[i];
      GsMoney sum = 0;
      const char *who = r->deal ? r->deal : r->person;
      if (r->count == 0)
        continue;
      for (guint m = 0; m < e->n_months; m++)
        sum += r->expense[m];
      lines += r->amount * (GsMoney) r->count;
      if (sum != r->amount)
        return fail (error, _ ("the row's months do not add up to its amount"), who, r->month);
      if (r->kind != GS_EXPENSE_CAPITALISED && r->expense[r->month - e->first_month] != r->amount)
        return fail (error, _ ("an amount expensed at once is not all in its month"), who,
                     r->month);
      if (e->expedient && r->kind == GS_EXPENSE_CAPITALISED)
        return fail (error, _ ("a life of 12 months or less capitalises nothing"), who, r->month);
    }
  for (guint i = 0; i < e->n_deals; i++)
    {
      const GsExpenseDeal *d = &e->deals[i];
      GsMoney sum = 0;
      for (guint m = 0; m < e->n_months; m++)
        {
          sum += d->expense[m];
          if (d->balance[m] < 0)
            return fail (error, _ ("the deal's balance is negative"), d->deal,
                         e->first_month + (gint) m);
        }
      if (sum != d->commission + d->clawed_back)
        return fail (error, _ ("the deal's months do not add up to its commission less clawbacks"),
                     d->deal, e->first_month);
    }
  for (guint m = 0; m < e->n_months; m++)
    {
      const GsExpenseMonth *o = &e->months[m];
      GsMoney rows = 0;
      const char *what = NULL;
      for (guint i = 0; i < e->n_rows; i++)
        rows += e->rows[i].expense[m] * (GsMoney) e->rows[i].count;
      expensed += o->expense;
      if (o->open != (m == 0 ? 0 : e->months[m - 1].close))
        what = _ ("the balance at open is not the last month's close");
      else if (o->close != o->open + o->capitalised - o->amortised - o->reversed)
        what = _ ("open + capitalised − amortised − reversed is not the balance at close");
      else if (o->close < 0)
        what = _ ("the capitalised balance is negative");
      else if (o->expense != o->amortised + o->reversed + o->at_once + o->recovered
               || o->expense != rows)
        what = _ ("the month's expense is not the sum of its parts");
      if (what != NULL)
        return fail (error, what, _ ("Everyone"), e->first_month + (gint) m);
    }
  if (expensed != lines || (e->n_months > 0 && e->months[e->n_months - 1].close != 0))
    return fail (error, _ ("the expense over the schedule is not the total of the lines"),
                 _ ("Everyone"), e->first_month + (gint) e->n_months - 1);
  return TRUE;
}
