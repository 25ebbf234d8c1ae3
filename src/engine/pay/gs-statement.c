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
  for (guint i = 0; year->runs && i < year->runs->len; i++)
    gs_pay_stream_unref (g_array_index (year->runs, GsPayRun, i).stream);
  g_clear_pointer (&year->runs, g_array_unref);
  g_clear_pointer (&year->line_order, g_array_unref);
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
  g_autoptr (GArray) sorted = g_array_new (FALSE, TRUE, sizeof (GsPaySortable));
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
      GsPaySortable s;
      if (!in_year)
        continue;
      s = gs_pay_sortable_of_credit (a, l);
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
  g_array_sort (sorted, gs_pay_sortable_compare);
  for (guint i = 0; i < sorted->len; i++)
    {
      GsPayEvent e = g_array_index (sorted, GsPaySortable, i).event;
      e.order = i;
      g_array_append_val (events, e);
    }
  g_array_sort (y->credits, by_date);
  return events;
}

static void
add_line_at (GsPayYear *y, const char *deal, guint month, GsMoney amount, GsPayKind kind,
             guint order)
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
  if (y->line_order)
    g_array_append_val (y->line_order, order);
}

static void
add_line (GsPayYear *y, const char *deal, guint month, GsMoney amount, GsPayKind kind)
{
  add_line_at (y, deal, month, amount, kind, G_MAXUINT);
}

/* What the person's own-bookings event of credit line l was paid (its
 * commission and true-up, after its discount modifier and before it), so
 * its clawback takes back exactly that.  Each event is matched once (used:
 * one flag per y->deals). */
static void
paid_for (const GsPayYear *y, const GsCreditLine *l, gboolean *used, GsCompRefund *r)
{
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsDealPay *p = &g_array_index (y->deals, GsDealPay, i);
      if (used[i] || p->event.deal != l->deal || p->event.measure != GS_MEASURE_OWN_BOOKINGS
          || p->event.amount != (double) l->amount)
        continue;
      used[i] = TRUE;
      r->has_paid = TRUE;
      r->paid = p->commission + p->true_up;
      r->paid_base = r->paid - p->discount_cut;
      return;
    }
}

/* The person's refunded deals as refunds for gs_comp_payout: their own
 * bookings credit on each, with what it was paid, in the order of the
 * refund dates. */
static GArray *
refunds_of (GsPayYear *y, const GsActualsData *a, const GsCompModel *comp, GArray *deal_of)
{
  GArray *refunds = g_array_new (FALSE, TRUE, sizeof (GsCompRefund));
  g_autofree gboolean *used = g_new0 (gboolean, y->deals->len + 1);
  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *l = &g_array_index (y->credits, GsCreditLine, i);
      const GsActualDeal *d = &a->deals[l->deal];
      GsCompRefund r = { 0 };
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
      paid_for (y, l, used, &r);
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
whole_year (GsPayYear *y, const GsActualsData *a, const GsCompModel *comp, GsCompInput *in,
            GError **error)
{
  g_autoptr (GArray) deal_of = g_array_new (FALSE, FALSE, sizeof (guint));
  guint refund = 0;

  in->refunds = refunds_of (y, a, comp, deal_of);
  in->events = gs_spif_events (a, y->role, y->credits);
  y->payout = gs_comp_payout (comp, y->role, y->role_person, in, error);
  gs_comp_input_clear (in);
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

/* Stable by month: each month's lines keep the order they were made in;
 * then the totals by kind. */
static void
finish_lines (GsPayYear *y)
{
  GArray *sorted = g_array_sized_new (FALSE, TRUE, sizeof (GsCommissionLine), y->lines->len);
  GArray *order
      = y->line_order ? g_array_sized_new (FALSE, FALSE, sizeof (guint), y->lines->len) : NULL;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    for (guint i = 0; i < y->lines->len; i++)
      if (g_array_index (y->lines, GsCommissionLine, i).month == m)
        {
          g_array_append_val (sorted, g_array_index (y->lines, GsCommissionLine, i));
          if (order)
            g_array_append_val (order, g_array_index (y->line_order, guint, i));
        }
  g_array_unref (y->lines);
  y->lines = sorted;
  if (order)
    {
      g_array_unref (y->line_order);
      y->line_order = order;
    }
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      y->by_kind[l->kind] += l->amount;
      y->total += l->amount;
    }
}

GsPayYear *
gs_pay_year (const GsModel *model, const GsCompModel *comp, const GsCredits *credits, guint person,
             GError **error)
{
  const GsActualsData *a = model->actuals;
  g_autoptr (GsPayYear) y = g_new0 (GsPayYear, 1);
  g_autoptr (GArray) events = NULL;
  GsCompInput in;

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
  gs_comp_input_init (&in);
  for (guint i = 0; i < events->len; i++)
    {
      const GsPayEvent *e = &g_array_index (events, GsPayEvent, i);
      in.given[e->measure] = TRUE;
      in.actual[e->measure][e->month] += e->amount;
    }
  in.deal_discounts = gs_deal_pay_discounts (y->deals, deal_id, (gpointer) a);
  if (!whole_year (y, a, comp, &in, error))
    return NULL;
  finish_lines (y);
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
  for (guint k = 0; k < GS_N_MEASURES; k++)
    s->attainment[k] = s->quota[k] > 0 ? s->measure_ytd[k] / s->quota[k] : 0;
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
  gs_company_events_free (company->events);
  g_free (company->role_total);
  g_free (company->role_month);
  g_free (company);
}

/* Shared company-bookings pay (gs-pay-stream.h) ---------------------------- */

typedef struct
{
  const GsCompModel *comp;
  GsCompanyEvents *events; /* made at the first year that needs them */
  GPtrArray *streams;      /* of GsPayStream*: each (role, person, state) made once */
} Shared;

static GsPayStream *
stream_for (Shared *sh, const GsActualsData *a, const GsCredits *credits, const GsCompRole *role,
            guint person, guint state, GError **error)
{
  GsPayStream *s;
  if (sh->events == NULL)
    sh->events = gs_company_events_new (a, credits);
  for (guint i = 0; i < sh->streams->len; i++)
    {
      s = g_ptr_array_index (sh->streams, i);
      if (s->role == role && s->person == person && s->state == state)
        return s;
    }
  s = gs_pay_stream_new (sh->comp, role, person, state, sh->events, error);
  if (s)
    g_ptr_array_add (sh->streams, s);
  return s;
}

static void
totals_sub (GsDealPayerTotals *out, const GsDealPayerTotals *x, const GsDealPayerTotals *y)
{
  out->earned = x->earned - y->earned;
  out->plain = x->plain - y->plain;
  out->cuts = x->cuts - y->cuts;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    out->month[m] = x->month[m] - y->month[m];
}

/* The company events first..end − 1 paid from the stream of the person's
 * gate state: recorded as a run — or, with one, the single event first
 * given in *one as the person's own — and the payer moved past them. */
static gboolean
add_run (GsPayYear *y, Shared *sh, const GsActualsData *a, const GsCredits *credits,
         GsDealPayer *payer, guint first, guint end, guint *order, GsDealPay *one, GError **error)
{
  const GsDealPayerTotals *t = gs_deal_payer_totals (payer);
  guint state
      = gs_pay_stream_state (sh->comp, y->role, y->role_person, gs_deal_payer_input (payer));
  GsPayStream *s = stream_for (sh, a, credits, y->role,
                               gs_pay_stream_person (y->role, y->role_person), state, error);
  GsDealPayerTotals delta;
  GsPayRun run;
  if (s == NULL)
    return FALSE;
  if (one)
    {
      *one = s->pay[first];
      one->earned += t->earned + t->cuts - (s->totals[first].earned + s->totals[first].cuts);
      one->event.order = *order;
    }
  else
    {
      run.at = y->deals->len;
      run.stream = gs_pay_stream_ref (s);
      run.first = first;
      run.end = end;
      run.earned_base = t->earned + t->cuts - (s->totals[first].earned + s->totals[first].cuts);
      run.order = *order;
      g_array_append_val (y->runs, run);
    }
  totals_sub (&delta, &s->totals[end], &s->totals[first]);
  gs_deal_payer_skip (payer, GS_MEASURE_COMPANY_BOOKINGS, sh->events->actual[end], &delta);
  *order += end - first;
  return TRUE;
}

/* The first of a stream's sorted event indices (or lines) at or after
 * event first. */
static guint
first_discounted (const GArray *events, guint first)
{
  guint lo = 0, hi = events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (events, guint, mid) < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
first_line (const GArray *lines, guint first)
{
  guint lo = 0, hi = lines->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (lines, GsPayStreamLine, mid).event < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A person's year as gs_pay_year makes it, the company events no credit of
 * theirs puts among their own paid from shared streams. */
static GsPayYear *
pay_year_shared (const GsModel *model, const GsCompModel *comp, const GsCredits *credits,
                 guint person, Shared *sh, GError **error)
{
  const GsActualsData *a = model->actuals;
  const GsCompRole *role = gs_credit_role_of (comp, &a->people[person]);
  g_autoptr (GsPayYear) y = NULL;
  g_autoptr (GArray) sorted = NULL;
  g_autoptr (GsDealPayer) payer = NULL;
  gboolean used[GS_N_MEASURES];
  guint n_gates, last_deal = G_MAXUINT, k = 0, order = 0, n;
  GsCompInput in;

  if (role == NULL || !gs_pay_stream_shareable (role, &n_gates) || person >= credits->n_people)
    return gs_pay_year (model, comp, credits, person, error);
  if (sh->events == NULL)
    sh->events = gs_company_events_new (a, credits);
  y = g_new0 (GsPayYear, 1);
  y->person = person;
  y->role = role;
  y->role_person = role_person (role, &a->people[person]);
  y->actuals = a;
  y->credits = g_array_new (FALSE, TRUE, sizeof (GsCreditLine));
  y->lines = g_array_new (FALSE, TRUE, sizeof (GsCommissionLine));
  y->line_order = g_array_new (FALSE, FALSE, sizeof (guint));
  y->deals = g_array_new (FALSE, TRUE, sizeof (GsDealPay));
  y->runs = g_array_new (FALSE, FALSE, sizeof (GsPayRun));

  /* The person's own events, and the company event of each deal they have
   * credit on, as events_of makes them. */
  measures_used (role, used);
  sorted = g_array_new (FALSE, TRUE, sizeof (GsPaySortable));
  n = credits->person_first[person + 1] - credits->person_first[person];
  for (guint j = 0; j < n; j++)
    {
      const GsCreditLine *l = &g_array_index (
          credits->lines, GsCreditLine, credits->by_person[credits->person_first[person] + j]);
      GsPaySortable s;
      if (l->month < 0 || l->month >= GS_COMP_MONTHS)
        continue;
      g_array_append_val (y->credits, *l);
      s = gs_pay_sortable_of_credit (a, l);
      if (used[l->measure])
        {
          s.event.measure = l->measure;
          s.event.amount = (double) l->amount;
          g_array_append_val (sorted, s);
        }
      if (l->deal != last_deal)
        {
          s.event.measure = GS_MEASURE_COMPANY_BOOKINGS;
          s.event.amount = (double) a->deals[l->deal].amount;
          s.rank = 1;
          g_array_append_val (sorted, s);
        }
      last_deal = l->deal;
    }
  g_array_sort (sorted, gs_pay_sortable_compare);
  g_array_sort (y->credits, by_date);

  payer = gs_deal_payer_new (comp, role, y->role_person);
  for (guint i = 0; i < sorted->len; i++)
    {
      const GsPaySortable *o = &g_array_index (sorted, GsPaySortable, i);
      guint bound = gs_company_events_lower_bound (sh->events, o->julian, o->event.deal);
      const char *id = a->deals[o->event.deal].id;
      GsDealPay p;
      if (bound > k)
        {
          if (!add_run (y, sh, a, credits, payer, k, bound, &order, NULL, error))
            return NULL;
          k = bound;
        }
      if (o->rank == 1)
        {
          /* The company event of a deal of theirs: from the stream too, a
           * deal of its own so its lines join the deal's. */
          g_assert (sh->events->index_of[o->event.deal] == k);
          if (!add_run (y, sh, a, credits, payer, k, k + 1, &order, &p, error))
            return NULL;
          k++;
        }
      else
        {
          if (!gs_deal_payer_pay (payer, &o->event, &p, error))
            return NULL;
          p.event.order = order++;
        }
      g_array_append_val (y->deals, p);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          add_line_at (y, id, m, p.month_commission[m], GS_PAY_COMMISSION, p.event.order);
          add_line_at (y, id, m, p.month_true_up[m], GS_PAY_TRUE_UP, p.event.order);
        }
    }
  if (k < sh->events->events->len
      && !add_run (y, sh, a, credits, payer, k, sh->events->events->len, &order, NULL, error))
    return NULL;

  /* The whole year: the person's own measures, company bookings as the
   * company booked them, the discount lines in the order of the deals. */
  gs_comp_input_init (&in);
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsPayEvent *e = &g_array_index (y->deals, GsDealPay, i).event;
      in.given[e->measure] = TRUE;
      if (e->measure != GS_MEASURE_COMPANY_BOOKINGS)
        in.actual[e->measure][e->month] += e->amount;
    }
  if (sh->events->events->len > 0)
    {
      in.given[GS_MEASURE_COMPANY_BOOKINGS] = TRUE;
      memcpy (in.actual[GS_MEASURE_COMPANY_BOOKINGS], sh->events->actual[sh->events->events->len],
              sizeof in.actual[GS_MEASURE_COMPANY_BOOKINGS]);
    }
  in.deal_discounts = g_array_new (FALSE, TRUE, sizeof (GsCompDealDiscount));
  {
    guint r = 0;
    for (guint i = 0; i <= y->deals->len; i++)
      {
        for (; r < y->runs->len && g_array_index (y->runs, GsPayRun, r).at == i; r++)
          {
            const GsPayRun *run = &g_array_index (y->runs, GsPayRun, r);
            const GArray *d = run->stream->discounted;
            for (guint j = first_discounted (d, run->first);
                 j < d->len && g_array_index (d, guint, j) < run->end; j++)
              {
                const GsDealPay *p = &run->stream->pay[g_array_index (d, guint, j)];
                gs_deal_pay_append_discounts (in.deal_discounts, p, a->deals[p->event.deal].id);
              }
          }
        if (i < y->deals->len)
          gs_deal_pay_append_discounts (
              in.deal_discounts, &g_array_index (y->deals, GsDealPay, i),
              a->deals[g_array_index (y->deals, GsDealPay, i).event.deal].id);
      }
  }
  if (!whole_year (y, a, comp, &in, error))
    return NULL;
  finish_lines (y);
  for (guint r = 0; r < y->runs->len; r++)
    {
      const GsPayRun *run = &g_array_index (y->runs, GsPayRun, r);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        for (guint kind = 0; kind < 2; kind++)
          {
            GsMoney v = run->stream->kind_month[run->end][kind][m]
                        - run->stream->kind_month[run->first][kind][m];
            y->by_kind[kind ? GS_PAY_TRUE_UP : GS_PAY_COMMISSION] += v;
            y->total += v;
          }
    }
  return g_steal_pointer (&y);
}

/* Reading a year ------------------------------------------------------------ */

static void
run_deals (const GsPayRun *run, GsPayDealFunc func, gpointer data)
{
  for (guint k = run->first; k < run->end; k++)
    {
      GsDealPay p = run->stream->pay[k];
      p.earned += run->earned_base;
      p.event.order = run->order + (k - run->first);
      func (&p, data);
    }
}

void
gs_pay_year_foreach_deal (const GsPayYear *y, GsPayDealFunc func, gpointer data)
{
  guint r = 0;
  for (guint i = 0; i < y->deals->len; i++)
    {
      for (; y->runs && r < y->runs->len && g_array_index (y->runs, GsPayRun, r).at == i; r++)
        run_deals (&g_array_index (y->runs, GsPayRun, r), func, data);
      func (&g_array_index (y->deals, GsDealPay, i), data);
    }
  for (; y->runs && r < y->runs->len; r++)
    run_deals (&g_array_index (y->runs, GsPayRun, r), func, data);
}

/* The line of a stream's month_lines[m][j] in a person's year. */
void
gs_pay_stream_line (const GsPayYear *y, const GsPayStream *stream, guint m, guint j,
                    GsCommissionLine *out)
{
  const GsPayStreamLine *s = &g_array_index (stream->month_lines[m], GsPayStreamLine, j);
  const GsPayEvent *e = &g_array_index (stream->events->events, GsPayEvent, s->event);
  out->person = y->person;
  out->deal = y->actuals->deals[e->deal].id;
  out->month = m;
  out->amount = s->amount;
  out->kind = s->kind;
}

static void
run_part (const GsPayRun *run, guint m, GsPayRunLinesFunc func, gpointer data)
{
  const GArray *lines = run->stream->month_lines[m];
  guint first = first_line (lines, run->first), end = first_line (lines, run->end);
  if (end > first)
    func (run->stream, m, first, end, data);
}

void
gs_pay_year_foreach_part (const GsPayYear *y, GsPayLineFunc func, GsPayRunLinesFunc run,
                          gpointer data)
{
  guint i = 0;
  if (y->runs == NULL)
    {
      for (guint j = 0; j < y->lines->len; j++)
        func (&g_array_index (y->lines, GsCommissionLine, j), data);
      return;
    }
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      guint r = 0;
      for (; i < y->lines->len && g_array_index (y->lines, GsCommissionLine, i).month == m; i++)
        {
          guint at = g_array_index (y->line_order, guint, i);
          for (; r < y->runs->len && g_array_index (y->runs, GsPayRun, r).order < at; r++)
            run_part (&g_array_index (y->runs, GsPayRun, r), m, run, data);
          func (&g_array_index (y->lines, GsCommissionLine, i), data);
        }
      for (; r < y->runs->len; r++)
        run_part (&g_array_index (y->runs, GsPayRun, r), m, run, data);
    }
}

typedef struct
{
  const GsPayYear *y;
  GsPayLineFunc func;
  gpointer data;
} Expand;

static void
expand_line (const GsCommissionLine *l, gpointer data)
{
  Expand *x = data;
  x->func (l, x->data);
}

static void
expand_run (const GsPayStream *stream, guint m, guint first, guint end, gpointer data)
{
  Expand *x = data;
  for (guint j = first; j < end; j++)
    {
      GsCommissionLine l;
      gs_pay_stream_line (x->y, stream, m, j, &l);
      x->func (&l, x->data);
    }
}

void
gs_pay_year_foreach_line (const GsPayYear *y, GsPayLineFunc func, gpointer data)
{
  Expand x = { y, func, data };
  gs_pay_year_foreach_part (y, expand_line, expand_run, &x);
}

guint
gs_pay_year_n_lines (const GsPayYear *y)
{
  guint n = y->lines->len;
  for (guint r = 0; y->runs && r < y->runs->len; r++)
    {
      const GsPayRun *run = &g_array_index (y->runs, GsPayRun, r);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        n += first_line (run->stream->month_lines[m], run->end)
             - first_line (run->stream->month_lines[m], run->first);
    }
  return n;
}

void
gs_pay_year_sums (const GsPayYear *y, GsMoney by_month[GS_COMP_MONTHS][GS_PAY_N_KINDS],
                  double measure[GS_COMP_MONTHS][GS_N_MEASURES])
{
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      by_month[l->month][l->kind] += l->amount;
    }
  for (guint i = 0; measure && i < y->deals->len; i++)
    {
      const GsPayEvent *e = &g_array_index (y->deals, GsDealPay, i).event;
      measure[e->month][e->measure] += e->amount;
    }
  for (guint r = 0; y->runs && r < y->runs->len; r++)
    {
      const GsPayRun *run = &g_array_index (y->runs, GsPayRun, r);
      const GsPayStream *s = run->stream;
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          by_month[m][GS_PAY_COMMISSION]
              += s->kind_month[run->end][0][m] - s->kind_month[run->first][0][m];
          by_month[m][GS_PAY_TRUE_UP]
              += s->kind_month[run->end][1][m] - s->kind_month[run->first][1][m];
          if (measure)
            measure[m][GS_MEASURE_COMPANY_BOOKINGS]
                += s->events->actual[run->end][m] - s->events->actual[run->first][m];
        }
    }
}

GsPayCompany *
gs_pay_company (const GsModel *model, const GsCompModel *comp, GError **error)
{
  g_autoptr (GsCredits) credits = gs_credit_deals (model, comp, error);
  g_autoptr (GsPayCompany) c = NULL;
  guint n = model->actuals ? model->actuals->n_people : 0;
  Shared sh = { comp, NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) gs_pay_stream_unref) };
  gboolean ok = TRUE;

  if (credits == NULL)
    {
      g_ptr_array_unref (sh.streams);
      return NULL;
    }
  c = g_new0 (GsPayCompany, 1);
  c->years = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_pay_year_free);
  c->role_total = g_new0 (GsMoney, comp->n_roles);
  c->role_month = g_new0 (GsMoney, (gsize) MAX (comp->n_roles, 1) * GS_COMP_MONTHS);
  for (guint p = 0; p < n && ok; p++)
    {
      GsPayYear *y = pay_year_shared (model, comp, credits, p, &sh, error);
      GsMoney by_month[GS_COMP_MONTHS][GS_PAY_N_KINDS] = { { 0 } };
      if (y == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (c->years, y);
      if (y->role == NULL)
        continue;
      c->role_total[y->role - comp->roles] += y->total;
      gs_pay_year_sums (y, by_month, NULL);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        for (guint k = 0; k < GS_PAY_N_KINDS; k++)
          c->role_month[(gsize) (y->role - comp->roles) * GS_COMP_MONTHS + m] += by_month[m][k];
    }
  /* The streams live on in the years that read them; the events with them. */
  if (sh.events)
    {
      c->events = sh.events;
      sh.events = NULL;
    }
  g_ptr_array_unref (sh.streams);
  if (!ok)
    return NULL;
  for (guint r = 0; r < comp->n_roles; r++)
    {
      c->total += c->role_total[r];
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        c->month[m] += c->role_month[(gsize) r * GS_COMP_MONTHS + m];
    }
  return g_steal_pointer (&c);
}
