/* gs-payment-schedule.c — payments per person and month from commission lines.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-payment-schedule.h"

#include "gs-error.h"

#include <glib/gi18n.h>

void
gs_payment_schedule_free (GsPaymentSchedule *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < s->n_people; i++)
    g_free (s->people[i]);
  g_free (s->people);
  g_free (s->cells);
  g_free (s->total);
  g_free (s->sums);
  g_free (s);
}

static guint
person_index (GHashTable *index, GPtrArray *people, const char *person)
{
  gpointer v;
  if (g_hash_table_lookup_extended (index, person, NULL, &v))
    return GPOINTER_TO_UINT (v);
  g_ptr_array_add (people, g_strdup (person));
  g_hash_table_insert (index, (gpointer) person, GUINT_TO_POINTER (people->len - 1));
  return people->len - 1;
}

static gboolean
add (GsMoney *to, GsMoney amount, GError **error)
{
  return gs_money_add_checked (*to, amount, to, error);
}

/* A month's flows (not its balances) added to a sum over months. */
static gboolean
add_flows (GsPaymentMonth *sum, const GsPaymentMonth *month, GError **error)
{
  return add (&sum->earned, month->earned, error)
         && add (&sum->clawed_back, month->clawed_back, error)
         && add (&sum->paid, month->paid, error);
}

/* One person's months: due in m is what was earned and clawed back in
 * m − lag; a negative running amount is carried, never paid back. */
static gboolean
pay_person (GsPaymentMonth *row, guint n_months, guint lag, GError **error)
{
  GsMoney carried = 0, payable = 0;
  for (guint m = 0; m < n_months; m++)
    {
      GsMoney due = carried;
      if (m >= lag && !add (&due, row[m - lag].earned, error))
        return FALSE;
      if (m >= lag && !add (&due, row[m - lag].clawed_back, error))
        return FALSE;
      row[m].paid = MAX (due, 0);
      carried = MIN (due, 0);
      row[m].payable_open = payable;
      if (!add (&payable, row[m].earned, error) || !add (&payable, row[m].clawed_back, error)
          || !add (&payable, -row[m].paid, error))
        return FALSE;
      row[m].payable_close = payable;
    }
  return TRUE;
}

GsPaymentSchedule *
gs_payment_schedule_new (const GsLedgerLine *lines, guint n_lines, guint lag, GError **error)
{
  g_autoptr (GsLedgerLines) set = gs_ledger_lines_of (lines, n_lines);
  return gs_payment_schedule_new_for (set, lag, error);
}

GsPaymentSchedule *
gs_payment_schedule_new_for (const GsLedgerLines *lines, guint lag, GError **error)
{
  g_autoptr (GsPaymentSchedule) s = g_new0 (GsPaymentSchedule, 1);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) people = g_ptr_array_new ();
  g_autofree guint *who = NULL;
  gint first = G_MAXINT, last = G_MININT;
  guint at = 0;

  s->lag = lag;
  /* Span by span: a span is one person's. */
  for (guint i = 0; i < lines->n_spans; i++)
    {
      const GsLedgerSpan *sp = &lines->spans[i];
      if (sp->person == NULL || *sp->person == '\0')
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Commission line %u has no person"),
                       at + 1);
          return NULL;
        }
      at += sp->n;
      for (guint k = 0; k < sp->n; k++)
        {
          first = MIN (first, lines->stored[sp->first + k].month);
          last = MAX (last, lines->stored[sp->first + k].month);
        }
    }
  if (lines->n_lines == 0)
    return g_steal_pointer (&s);
  if (lag > GS_LEDGER_MAX_MONTHS || (gint64) last - first + lag >= GS_LEDGER_MAX_MONTHS)
    {
      g_autofree char *a = gs_ledger_month_text (first);
      g_autofree char *b = gs_ledger_month_text (last);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("Commission lines from %s to %s, paid %u months later, span more than %u "
                      "months"),
                   a, b, lag, GS_LEDGER_MAX_MONTHS);
      return NULL;
    }
  s->first_month = first;
  s->n_months = (guint) (last - first) + lag + 1;
  who = g_new (guint, MAX (lines->n_spans, 1));
  for (guint i = 0; i < lines->n_spans; i++)
    who[i] = lines->spans[i].n ? person_index (index, people, lines->spans[i].person) : 0;
  s->n_people = people->len;
  s->people = g_new (char *, s->n_people);
  memcpy (s->people, people->pdata, sizeof (char *) * s->n_people);
  g_ptr_array_set_size (people, 0);
  s->cells = g_new0 (GsPaymentMonth, (gsize) s->n_people * s->n_months);
  s->total = g_new0 (GsPaymentMonth, s->n_months);
  s->sums = g_new0 (GsPaymentMonth, s->n_people + 1);
  for (guint i = 0; i < lines->n_spans; i++)
    {
      const GsLedgerSpan *sp = &lines->spans[i];
      GsPaymentMonth *row = &s->cells[(gsize) who[i] * s->n_months];
      for (guint k = 0; k < sp->n; k++)
        {
          const GsLedgerLine *l = &lines->stored[sp->first + k];
          GsPaymentMonth *c = &row[l->month - first];
          if (!add (l->kind == GS_PAY_CLAWBACK ? &c->clawed_back : &c->earned, l->amount, error))
            return NULL;
        }
    }
  for (guint p = 0; p < s->n_people; p++)
    {
      GsPaymentMonth *row = &s->cells[(gsize) p * s->n_months];
      if (!pay_person (row, s->n_months, lag, error))
        return NULL;
      for (guint m = 0; m < s->n_months; m++)
        if (!add (&s->total[m].earned, row[m].earned, error)
            || !add (&s->total[m].clawed_back, row[m].clawed_back, error)
            || !add (&s->total[m].paid, row[m].paid, error)
            || !add (&s->total[m].payable_open, row[m].payable_open, error)
            || !add (&s->total[m].payable_close, row[m].payable_close, error)
            || !add_flows (&s->sums[p], &row[m], error))
          return NULL;
    }
  for (guint m = 0; m < s->n_months; m++)
    if (!add_flows (&s->sums[s->n_people], &s->total[m], error))
      return NULL;
  return g_steal_pointer (&s);
}

static gboolean
check_row (const GsPaymentMonth *row, guint n_months, const char *who, gint first, GError **error)
{
  GsMoney net = 0, paid = 0;
  for (guint m = 0; m < n_months; m++)
    {
      const GsPaymentMonth *c = &row[m];
      GsMoney before = m == 0 ? 0 : row[m - 1].payable_close;
      const char *what = NULL;
      net += c->earned + c->clawed_back;
      paid += c->paid;
      if (c->payable_open != before)
        what = _ ("the payable at the month's open is not the last month's close");
      else if (c->payable_close != c->payable_open + c->earned + c->clawed_back - c->paid)
        what = _ ("open + earned + clawed back − paid is not the payable at close");
      else if (c->paid < 0)
        what = _ ("the payment is negative");
      else if (c->clawed_back > 0)
        what = _ ("the clawback is positive");
      else if (paid + c->payable_close != net)
        what = _ ("paid + payable is not what was earned less clawbacks");
      if (what != NULL)
        {
          g_autofree char *month = gs_ledger_month_text (first + (gint) m);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s, %s: %s"), who, month, what);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gs_payment_schedule_reconcile (const GsPaymentSchedule *s, GError **error)
{
  for (guint p = 0; p < s->n_people; p++)
    if (!check_row (&s->cells[(gsize) p * s->n_months], s->n_months, s->people[p], s->first_month,
                    error))
      return FALSE;
  if (!check_row (s->total, s->n_months, _ ("Everyone"), s->first_month, error))
    return FALSE;
  for (guint m = 0; m < s->n_months; m++)
    {
      GsPaymentMonth sum = { 0 };
      for (guint p = 0; p < s->n_people; p++)
        {
          const GsPaymentMonth *c = gs_payment_cell (s, p, m);
          sum.earned += c->earned;
          sum.clawed_back += c->clawed_back;
          sum.paid += c->paid;
          sum.payable_close += c->payable_close;
        }
      if (sum.earned != s->total[m].earned || sum.clawed_back != s->total[m].clawed_back
          || sum.paid != s->total[m].paid || sum.payable_close != s->total[m].payable_close)
        {
          g_autofree char *month = gs_ledger_month_text (s->first_month + (gint) m);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s: the total is not the sum of the people"), month);
          return FALSE;
        }
    }
  return TRUE;
}
