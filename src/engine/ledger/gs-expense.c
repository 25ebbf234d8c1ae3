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
    if (lines[i].kind == GS_PAY_CLAWBACK && lines[i].deal != NULL)
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

/* The first clawback of the same person and deal in or after month. */
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

static gboolean
check_lines (const GsLedgerLine *lines, guint n, guint life, gint *first, gint *last,
             GError **error)
{
  if (life == 0 || life > GS_EXPENSE_MAX_LIFE)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("The customer life is %u months; it must be 1 to %u"), life,
                   GS_EXPENSE_MAX_LIFE);
      return FALSE;
    }
  *first = G_MAXINT;
  *last = G_MININT;
  for (guint i = 0; i < n; i++)
    {
      if (lines[i].person == NULL || *lines[i].person == '\0')
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Commission line %u has no person"),
                       i + 1);
          return FALSE;
        }
      *first = MIN (*first, lines[i].month);
      *last = MAX (*last, lines[i].month);
    }
  if (n > 0 && (gint64) *last - *first + life >= GS_LEDGER_MAX_MONTHS)
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
  e->deals = g_new0 (GsExpenseDeal, MAX (e->n_rows, 1));
  for (guint i = 0; i < e->n_rows; i++)
    {
      const GsExpenseRow *r = &e->rows[i];
      GsExpenseDeal *d;
      gpointer v;
      GsMoney expensed = 0;
      if (r->deal == NULL)
        continue;
      if (!g_hash_table_lookup_extended (index, r->deal, NULL, &v))
        {
          v = GUINT_TO_POINTER (e->n_deals);
          d = &e->deals[e->n_deals++];
          d->deal = g_strdup (r->deal);
          d->expense = g_new0 (GsMoney, e->n_months);
          d->balance = g_new0 (GsMoney, e->n_months);
          g_hash_table_insert (index, d->deal, v);
        }
      d = &e->deals[GPOINTER_TO_UINT (v)];
      if (!add (r->kind == GS_EXPENSE_RECOVERY ? &d->clawed_back : &d->commission, r->amount, error)
          || !add (&d->expense_total, r->amount, error))
        return FALSE;
      for (guint m = 0; m < e->n_months; m++)
        {
          if (!add (&d->expense[m], r->expense[m], error))
            return FALSE;
          if (r->kind == GS_EXPENSE_CAPITALISED
              && !add (&d->balance[m], row_balance (r, e->first_month, m, &expensed), error))
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
      guint start = (guint) (r->month - e->first_month);
      for (guint m = start; m < e->n_months; m++)
        {
          GsExpenseMonth *o = &e->months[m];
          GsMoney v = r->expense[m];
          gboolean ok = add (&o->expense, v, error);
          if (r->kind == GS_EXPENSE_AT_ONCE)
            ok = ok && add (&o->at_once, v, error);
          else if (r->kind == GS_EXPENSE_RECOVERY)
            ok = ok && add (&o->recovered, v, error);
          else if (e->first_month + (gint) m == r->reversed_in)
            ok = ok && add (&o->reversed, v, error);
          else
            ok = ok && add (&o->amortised, v, error);
          if (r->kind == GS_EXPENSE_CAPITALISED && m == start)
            ok = ok && add (&o->capitalised, r->amount, error);
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
  g_autoptr (GsExpense) e = g_new0 (GsExpense, 1);
  g_autoptr (GHashTable) by_deal = NULL;
  gint first, last;

  if (!check_lines (lines, n_lines, life_months, &first, &last, error))
    return NULL;
  e->life_months = life_months;
  e->expedient = life_months <= 12;
  e->rows = g_new0 (GsExpenseRow, MAX (n_lines, 1));
  e->n_rows = n_lines;
  if (n_lines == 0)
    {
      e->deals = g_new0 (GsExpenseDeal, 1);
      e->months = g_new0 (GsExpenseMonth, 1);
      return g_steal_pointer (&e);
    }
  e->first_month = first;
  e->n_months = (guint) (last - first) + 1;
  e->texts = g_string_chunk_new (4096);
  by_deal = clawbacks_by_deal (lines, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      GsExpenseRow *r = &e->rows[i];
      r->person = g_string_chunk_insert_const (e->texts, lines[i].person);
      r->deal = lines[i].deal ? g_string_chunk_insert_const (e->texts, lines[i].deal) : NULL;
      r->line_kind = lines[i].kind;
      r->kind = kind_of (&lines[i], e->expedient);
      r->incremental = incremental (&lines[i]);
      r->month = lines[i].month;
      r->amount = lines[i].amount;
      r->life = r->kind == GS_EXPENSE_CAPITALISED ? life_months : 1;
      r->reversed_in = r->incremental ? reversal_month (lines, by_deal, &lines[i]) : G_MAXINT;
      if (r->kind == GS_EXPENSE_CAPITALISED && r->reversed_in == G_MAXINT)
        e->n_months = MAX (e->n_months, (guint) (r->month - first) + r->life);
    }
  e->row_months = g_new0 (GsMoney, (gsize) n_lines * e->n_months);
  for (guint i = 0; i < n_lines; i++)
    fill_row (&e->rows[i], e->row_months + (gsize) i * e->n_months, first, e->n_months);
  if (!sum_deals (e, error) || !sum_months (e, error))
    return NULL;
  return g_steal_pointer (&e);
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
      for (guint m = 0; m < e->n_months; m++)
        sum += r->expense[m];
      lines += r->amount;
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
        rows += e->rows[i].expense[m];
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
