/* gs-statement.c — a person's year of pay and their statements (gs-statement.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-statement.h"
#include "gs-dispute.h"
#include "gs-spif-events.h"
#include "gs-error.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

void
gs_pay_year_free (GsPayYear *year)
{
  if (year == NULL)
    return;
  g_clear_pointer (&year->credits, g_array_unref);
  g_clear_pointer (&year->deals, g_array_unref);
  g_clear_pointer (&year->lines, g_array_unref);
  g_clear_pointer (&year->payout, gs_comp_payout_free);
  g_free (year);
}

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1), *y = g_utf8_casefold (b, -1);
  return g_utf8_collate (x, y) == 0;
}

static guint
role_person (const GsCompRole *role, const GsPerson *person)
{
  for (guint i = 0; role->people && i < role->n_people; i++)
    if (same_name (role->people[i].name, person->name))
      return i;
  return GS_COMP_STANDARD_PERSON;
}

static void
measures_used (const GsCompRole *role, gboolean used[GS_N_MEASURES])
{
  memset (used, 0, sizeof (gboolean) * GS_N_MEASURES);
  for (guint i = 0; i < role->n_components; i++)
    used[role->components[i].measure] = TRUE;
}

typedef struct
{
  GsPayEvent event;
  guint32 julian;
  guint rank; /* the person's own credit before the company's on one deal */
} Sortable;

static int
by_credit_order (gconstpointer a, gconstpointer b)
{
  const Sortable *x = a, *y = b;
  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  if (x->event.deal != y->event.deal)
    return x->event.deal < y->event.deal ? -1 : 1;
  return (int) x->rank - (int) y->rank;
}

static int
by_date (gconstpointer a, gconstpointer b)
{
  const GsCreditLine *x = a, *y = b;
  int c = g_date_compare (&x->date, &y->date);
  if (c)
    return c;
  return x->deal < y->deal ? -1 : x->deal > y->deal;
}

/* The person's credit lines in the comp year, and the events they pay on:
 * their own credit on the measures the role uses, and every credited deal
 * when it pays on company bookings.  A role not paid on company bookings
 * reads only the person's own lines (the credits' index), not everyone's. */
static GArray *
events_of (GsPayYear *y, const GsActualsData *a, const GsCredits *credits)
{
  gboolean used[GS_N_MEASURES];
  g_autoptr (GArray) sorted = g_array_new (FALSE, TRUE, sizeof (Sortable));
  GArray *events = g_array_new (FALSE, TRUE, sizeof (GsPayEvent));
  guint last_deal = G_MAXUINT;
  gboolean all, own_only;
  guint n;

  measures_used (y->role, used);
  all = used[GS_MEASURE_COMPANY_BOOKINGS];
  own_only = !all && y->person < credits->n_people;
  n = own_only ? credits->person_first[y->person + 1] - credits->person_first[y->person]
               : credits->lines->len;
  for (guint j = 0; j < n; j++)
    {
      guint i = own_only ? credits->by_person[credits->person_first[y->person] + j] : j;
      const GsCreditLine *l = &g_array_index (credits->lines, GsCreditLine, i);
      gboolean in_year = l->month >= 0 && l->month < GS_COMP_MONTHS;
      Sortable s = { { 0 }, g_date_get_julian (&l->date), 0 };
      if (!in_year)
        continue;
      s.event.month = l->month;
      s.event.deal = l->deal;
      /* The discount modifier applies per deal (gs-deal-pay.h). */
      s.event.has_discount = a->deals[l->deal].discount >= 0;
      s.event.discount = MAX (a->deals[l->deal].discount, 0);
      if (l->person == y->person)
        {
          g_array_append_val (y->credits, *l);
          if (used[l->measure])
            {
              s.event.measure = l->measure;
              s.event.amount = (double) l->amount;
              g_array_append_val (sorted, s);
            }
        }
      if (all && l->deal != last_deal)
        {
          s.event.measure = GS_MEASURE_COMPANY_BOOKINGS;
          s.event.amount = (double) a->deals[l->deal].amount;
          s.rank = 1;
          g_array_append_val (sorted, s);
        }
      last_deal = l->deal;
    }
  g_array_sort (sorted, by_credit_order);
  for (guint i = 0; i < sorted->len; i++)
    {
      GsPayEvent e = g_array_index (sorted, Sortable, i).event;
      e.order = i;
      g_array_append_val (events, e);
    }
  g_array_sort (y->credits, by_date);
  return events;
}

static void
add_line (GsPayYear *y, const char *deal, guint month, GsMoney amount, GsPayKind kind)
{
  GsCommissionLine line = { y->person, deal, month, amount, kind };
  if (amount == 0)
    return;
  /* One line per deal, month and kind: a deal paid on two measures (own and
   * company bookings) is one commission line. */
  for (guint i = y->lines->len; deal && i-- > 0;)
    {
      GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      if (l->deal != deal)
        break;
      if (l->month == month && l->kind == kind)
        {
          l->amount += amount;
          return;
        }
    }
  g_array_append_val (y->lines, line);
}

/* The person's refunded deals as refunds for gs_comp_payout: their own
 * bookings credit on each, in the order of the refund dates. */
static GArray *
refunds_of (GsPayYear *y, const GsActualsData *a, const GsCompModel *comp, GArray *deal_of)
{
  GArray *refunds = g_array_new (FALSE, TRUE, sizeof (GsCompRefund));
  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *l = &g_array_index (y->credits, GsCreditLine, i);
      const GsActualDeal *d = &a->deals[l->deal];
      GsCompRefund r;
      int month;
      if (l->measure != GS_MEASURE_OWN_BOOKINGS || !g_date_valid (&d->refunded))
        continue;
      month = gs_credit_month (comp, &d->refunded);
      if (month >= GS_COMP_MONTHS)
        continue;
      r.amount = l->amount;
      r.days = (guint) MAX (0, g_date_days_between (&d->closed, &d->refunded));
      /* A discounted deal paid its commission × its band's multiplier, and
       * gives back that much. */
      r.cut = d->discount >= 0 ? 1
                                     - gs_comp_deal_multiplier (
                                         comp, y->role, GS_MEASURE_OWN_BOOKINGS, d->discount, NULL)
                               : 0;
      g_array_append_val (refunds, r);
      g_array_append_val (deal_of, l->deal);
    }
  /* The refunds of the year in the order they came. */
  for (guint i = 1; i < refunds->len; i++)
    for (guint k = i; k > 0; k--)
      {
        const GDate *p = &a->deals[g_array_index (deal_of, guint, k - 1)].refunded;
        const GDate *q = &a->deals[g_array_index (deal_of, guint, k)].refunded;
        GsCompRefund t;
        guint td;
        if (g_date_compare (p, q) <= 0)
          break;
        t = g_array_index (refunds, GsCompRefund, k);
        g_array_index (refunds, GsCompRefund, k) = g_array_index (refunds, GsCompRefund, k - 1);
        g_array_index (refunds, GsCompRefund, k - 1) = t;
        td = g_array_index (deal_of, guint, k);
        g_array_index (deal_of, guint, k) = g_array_index (deal_of, guint, k - 1);
        g_array_index (deal_of, guint, k - 1) = td;
      }
  return refunds;
}

static const char *
deal_id (guint deal, gpointer data)
{
  const GsActualsData *a = data;
  return a->deals[deal].id;
}

/* The year through gs_comp_payout, with refunds, SPIF events and the
 * deals' discount lines; its clawback, SPIF and draw lines become
 * commission lines. */
static gboolean
whole_year (GsPayYear *y, const GsActualsData *a, const GsCompModel *comp, GArray *events,
            GError **error)
{
  g_autoptr (GArray) deal_of = g_array_new (FALSE, FALSE, sizeof (guint));
  GsCompInput in;
  guint refund = 0;

  gs_comp_input_init (&in);
  for (guint i = 0; i < events->len; i++)
    {
      const GsPayEvent *e = &g_array_index (events, GsPayEvent, i);
      in.given[e->measure] = TRUE;
      in.actual[e->measure][e->month] += e->amount;
    }
  in.refunds = refunds_of (y, a, comp, deal_of);
  in.events = gs_spif_events (a, y->role, y->credits);
  in.deal_discounts = gs_deal_pay_discounts (y->deals, deal_id, (gpointer) a);
  y->payout = gs_comp_payout (comp, y->role, y->role_person, &in, error);
  gs_comp_input_clear (&in);
  if (y->payout == NULL)
    return FALSE;
  for (guint i = 0; i < y->payout->trace->len; i++)
    {
      const GsTraceLine *t = g_ptr_array_index (y->payout->trace, i);
      const GsActualDeal *d;
      switch (t->kind)
        {
        case GS_TRACE_REFUND_KEPT:
          refund++;
          break;
        case GS_TRACE_CLAWBACK:
          d = &a->deals[g_array_index (deal_of, guint, refund++)];
          add_line (y, d->id, (guint) gs_credit_month (comp, &d->refunded), t->amount,
                    GS_PAY_CLAWBACK);
          break;
        case GS_TRACE_SPIF:
          add_line (y, t->deal,
                    (guint) CLAMP (gs_credit_month (comp, &t->date), 0, GS_COMP_MONTHS - 1),
                    t->amount, GS_PAY_SPIF);
          break;
        case GS_TRACE_DRAW_TOPUP:
          add_line (y, NULL, t->period, t->amount, GS_PAY_DRAW);
          break;
        case GS_TRACE_DRAW_RECOVERED:
          add_line (y, NULL, t->period, t->amount, GS_PAY_DRAW_RECOVERY);
          break;
        default:
          break;
        }
    }
  return TRUE;
}

GsPayYear *
gs_pay_year (const GsModel *model, const GsCompModel *comp, const GsCredits *credits, guint person,
             GError **error)
{
  const GsActualsData *a = model->actuals;
  g_autoptr (GsPayYear) y = g_new0 (GsPayYear, 1);
  g_autoptr (GArray) events = NULL;
  g_autoptr (GArray) sorted = NULL;

  y->person = person;
  y->credits = g_array_new (FALSE, TRUE, sizeof (GsCreditLine));
  y->lines = g_array_new (FALSE, TRUE, sizeof (GsCommissionLine));
  y->role = gs_credit_role_of (comp, &a->people[person]);
  if (y->role == NULL)
    {
      y->deals = g_array_new (FALSE, TRUE, sizeof (GsDealPay));
      return g_steal_pointer (&y);
    }
  y->role_person = role_person (y->role, &a->people[person]);
  events = events_of (y, a, credits);
  y->deals = gs_deal_pay (comp, y->role, y->role_person, (const GsPayEvent *) events->data,
                          events->len, error);
  if (y->deals == NULL)
    return NULL;
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsDealPay *p = &g_array_index (y->deals, GsDealPay, i);
      const char *id = a->deals[p->event.deal].id;
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          add_line (y, id, m, p->month_commission[m], GS_PAY_COMMISSION);
          add_line (y, id, m, p->month_true_up[m], GS_PAY_TRUE_UP);
        }
    }
  if (!whole_year (y, a, comp, events, error))
    return NULL;
  /* Stable by month: each month's lines keep the order they were made in. */
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (GsCommissionLine), y->lines->len);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    for (guint i = 0; i < y->lines->len; i++)
      if (g_array_index (y->lines, GsCommissionLine, i).month == m)
        g_array_append_val (sorted, g_array_index (y->lines, GsCommissionLine, i));
  g_array_unref (y->lines);
  y->lines = g_steal_pointer (&sorted);
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      y->by_kind[l->kind] += l->amount;
      y->total += l->amount;
    }
  return g_steal_pointer (&y);
}

/* Periods ------------------------------------------------------------------ */

gboolean
gs_pay_period_parse (const GsModel *model, const char *text, GsPayPeriod *out, GError **error)
{
  guint year, month, fy, q;
  char tail;
  gboolean found = FALSE;

  memset (out, 0, sizeof *out);
  if (sscanf (text, "%4u-%2u%c", &year, &month, &tail) == 2)
    {
      for (guint i = 0; i < GS_COMP_MONTHS; i++)
        {
          GsMonth mm = gs_model_month (model, (int) i);
          if (mm.year == year && mm.month == month)
            {
              out->first = out->last = i;
              return TRUE;
            }
        }
    }
  else if ((sscanf (text, "FY%2u Q%1u%c", &fy, &q, &tail) == 2
            || sscanf (text, "fy%2u q%1u%c", &fy, &q, &tail) == 2)
           && q >= 1 && q <= 4)
    {
      for (guint i = 0; i < GS_COMP_MONTHS; i++)
        {
          GsMonth mm = gs_model_month (model, (int) i);
          if (mm.fiscal_year % 100 == fy && mm.fiscal_quarter == q)
            {
              if (!found)
                out->first = i;
              out->last = i;
              found = TRUE;
            }
        }
      out->quarter = TRUE;
      if (found)
        return TRUE;
    }
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
               _ ("“%s” is not a month (2027-03) or a fiscal quarter (FY27 Q1) of the pay plan's "
                  "year"),
               text);
  return FALSE;
}

/* Statements --------------------------------------------------------------- */

void
gs_statement_free (GsStatement *statement)
{
  if (statement == NULL)
    return;
  gs_pay_year_free (statement->year);
  g_clear_pointer (&statement->notes, g_array_unref);
  g_free (statement);
}

GsStatement *
gs_statement_new (const GsModel *model, const GsCompModel *comp, guint person,
                  const GsPayPeriod *period, GError **error)
{
  g_autoptr (GsCredits) credits = gs_credit_deals (model, comp, error);
  g_autoptr (GsStatement) s = NULL;

  if (credits == NULL)
    return NULL;
  s = g_new0 (GsStatement, 1);
  s->period = *period;
  s->year = gs_pay_year (model, comp, credits, person, error);
  if (s->year == NULL)
    return NULL;
  for (guint i = 0; i < s->year->deals->len; i++)
    {
      const GsPayEvent *e = &g_array_index (s->year->deals, GsDealPay, i).event;
      if ((guint) e->month <= period->last)
        s->measure_ytd[e->measure] += e->amount;
      if ((guint) e->month >= period->first && (guint) e->month <= period->last)
        s->measure[e->measure] += e->amount;
    }
  for (guint i = 0; s->year->role && i < s->year->role->n_components; i++)
    {
      const GsCompComponent *c = &s->year->role->components[i];
      s->quota[c->measure]
          = gs_comp_person_quota (s->year->role, s->year->role_person, c->measure, c->quota);
    }
  for (guint i = 0; i < s->year->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (s->year->lines, GsCommissionLine, i);
      if (l->month > period->last)
        continue;
      s->by_kind_ytd[l->kind] += l->amount;
      s->paid_ytd += l->amount;
      if (l->month >= period->first)
        {
          s->by_kind[l->kind] += l->amount;
          s->paid += l->amount;
        }
    }
  s->notes = gs_dispute_notes (model, person, period);
  return g_steal_pointer (&s);
}

int
gs_pay_find_person (const GsModel *model, const char *name)
{
  const GsActualsData *a = model->actuals;
  for (guint i = 0; a && i < a->n_people; i++)
    if (same_name (a->people[i].name, name) || g_strcmp0 (a->people[i].id, name) == 0)
      return (int) i;
  return -1;
}

/* The company ---------------------------------------------------------------- */

void
gs_pay_company_free (GsPayCompany *company)
{
  if (company == NULL)
    return;
  g_ptr_array_unref (company->years);
  g_free (company->role_total);
  g_free (company->role_month);
  g_free (company);
}

GsPayCompany *
gs_pay_company (const GsModel *model, const GsCompModel *comp, GError **error)
{
  g_autoptr (GsCredits) credits = gs_credit_deals (model, comp, error);
  g_autoptr (GsPayCompany) c = NULL;
  guint n = model->actuals ? model->actuals->n_people : 0;

  if (credits == NULL)
    return NULL;
  c = g_new0 (GsPayCompany, 1);
  c->years = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_pay_year_free);
  c->role_total = g_new0 (GsMoney, comp->n_roles);
  c->role_month = g_new0 (GsMoney, (gsize) MAX (comp->n_roles, 1) * GS_COMP_MONTHS);
  for (guint p = 0; p < n; p++)
    {
      GsPayYear *y = gs_pay_year (model, comp, credits, p, error);
      if (y == NULL)
        return NULL;
      g_ptr_array_add (c->years, y);
      if (y->role == NULL)
        continue;
      c->role_total[y->role - comp->roles] += y->total;
      for (guint i = 0; i < y->lines->len; i++)
        {
          const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
          c->role_month[(gsize) (y->role - comp->roles) * GS_COMP_MONTHS + l->month] += l->amount;
        }
    }
  for (guint r = 0; r < comp->n_roles; r++)
    {
      c->total += c->role_total[r];
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        c->month[m] += c->role_month[(gsize) r * GS_COMP_MONTHS + m];
    }
  return g_steal_pointer (&c);
}
