/* gs-pay-stream.c — the pay on company bookings, shared (gs-pay-stream.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-pay-stream.h"

#include <string.h>

#define MAX_GATES 16

void
gs_company_events_free (GsCompanyEvents *e)
{
  if (e == NULL)
    return;
  g_clear_pointer (&e->events, g_array_unref);
  g_free (e->julian);
  g_free (e->index_of);
  g_free (e->actual);
  g_free (e);
}

GsPaySortable
gs_pay_sortable_of_credit (const GsActualsData *a, const GsCreditLine *l)
{
  GsPaySortable s = { { 0 }, g_date_get_julian (&l->date), 0 };
  s.event.month = l->month;
  s.event.deal = l->deal;
  /* The discount modifier applies per deal (gs-deal-pay.h). */
  s.event.has_discount = a->deals[l->deal].discount >= 0;
  s.event.discount = MAX (a->deals[l->deal].discount, 0);
  return s;
}

int
gs_pay_sortable_compare (gconstpointer a, gconstpointer b)
{
  const GsPaySortable *x = a, *y = b;
  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  if (x->event.deal != y->event.deal)
    return x->event.deal < y->event.deal ? -1 : 1;
  return (int) x->rank - (int) y->rank;
}

GsCompanyEvents *
gs_company_events_new (const GsActualsData *a, const GsCredits *credits)
{
  GsCompanyEvents *out = g_new0 (GsCompanyEvents, 1);
  g_autoptr (GArray) sorted = g_array_new (FALSE, TRUE, sizeof (GsPaySortable));
  guint last_deal = G_MAXUINT, n;

  /* As a person's year makes them (gs-statement.c): one per deal with a
   * credit line in the comp year, dated by that line. */
  for (guint i = 0; i < credits->lines->len; i++)
    {
      const GsCreditLine *l = &g_array_index (credits->lines, GsCreditLine, i);
      GsPaySortable s;
      if (l->month < 0 || l->month >= GS_COMP_MONTHS || l->deal == last_deal)
        continue;
      last_deal = l->deal;
      s = gs_pay_sortable_of_credit (a, l);
      s.event.measure = GS_MEASURE_COMPANY_BOOKINGS;
      s.event.amount = (double) a->deals[l->deal].amount;
      g_array_append_val (sorted, s);
    }
  g_array_sort (sorted, gs_pay_sortable_compare);
  n = sorted->len;
  out->events = g_array_sized_new (FALSE, TRUE, sizeof (GsPayEvent), n);
  out->julian = g_new (guint32, MAX (n, 1));
  out->index_of = g_new (guint, MAX (a->n_deals, 1));
  out->actual = g_malloc0_n (n + 1, sizeof (double[GS_COMP_MONTHS]));
  for (guint d = 0; d < a->n_deals; d++)
    out->index_of[d] = G_MAXUINT;
  for (guint k = 0; k < n; k++)
    {
      const GsPaySortable *s = &g_array_index (sorted, GsPaySortable, k);
      GsPayEvent e = s->event;
      e.order = k;
      g_array_append_val (out->events, e);
      out->julian[k] = s->julian;
      out->index_of[e.deal] = k;
      memcpy (out->actual[k + 1], out->actual[k], sizeof out->actual[k]);
      out->actual[k + 1][e.month] += e.amount;
    }
  return out;
}

guint
gs_company_events_lower_bound (const GsCompanyEvents *e, guint32 julian, guint deal)
{
  guint lo = 0, hi = e->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint md = g_array_index (e->events, GsPayEvent, mid).deal;
      if (e->julian[mid] < julian || (e->julian[mid] == julian && md < deal))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

GsPayStream *
gs_pay_stream_ref (GsPayStream *s)
{
  g_atomic_int_inc (&s->ref);
  return s;
}

void
gs_pay_stream_unref (GsPayStream *s)
{
  if (s == NULL || !g_atomic_int_dec_and_test (&s->ref))
    return;
  g_free (s->pay);
  g_free (s->totals);
  g_free (s->kind_month);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    g_clear_pointer (&s->month_lines[m], g_array_unref);
  g_clear_pointer (&s->discounted, g_array_unref);
  g_free (s);
}

/* A company component whose gate reads another measure: a bit of the state. */
static gboolean
state_gate (const GsCompComponent *c)
{
  return c->measure == GS_MEASURE_COMPANY_BOOKINGS && c->gate.present
         && c->gate.measure != GS_MEASURE_COMPANY_BOOKINGS;
}

gboolean
gs_pay_stream_shareable (const GsCompRole *role, guint *n_gates)
{
  guint n = 0;
  gboolean any = FALSE;
  *n_gates = 0;
  if (role->gate.present || role->cap.present)
    return FALSE;
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *c = &role->components[i];
      if (c->measure != GS_MEASURE_COMPANY_BOOKINGS)
        {
          if (c->gate.present && c->gate.measure == GS_MEASURE_COMPANY_BOOKINGS)
            return FALSE;
          continue;
        }
      any = TRUE;
      if (state_gate (c))
        {
          if (gs_period_count (c->period) != 1)
            return FALSE;
          n++;
        }
    }
  if (!any || n > MAX_GATES)
    return FALSE;
  *n_gates = n;
  return TRUE;
}

guint
gs_pay_stream_state (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompInput *input)
{
  guint state = 0, bit = 0;
  for (guint i = 0; i < role->n_components; i++)
    if (state_gate (&role->components[i]))
      {
        if (gs_comp_gate_passes (comp, role, person, &role->components[i], input, 0))
          state |= 1u << bit;
        bit++;
      }
  return state;
}

guint
gs_pay_stream_person (const GsCompRole *role, guint role_person)
{
  return role->n_components > 0 && role->components[0].measure == GS_MEASURE_COMPANY_BOOKINGS
             ? role_person
             : GS_COMP_STANDARD_PERSON;
}

GsPayStream *
gs_pay_stream_new (const GsCompModel *comp, const GsCompRole *role, guint person, guint state,
                   const GsCompanyEvents *events, GError **error)
{
  g_autoptr (GsPayStream) s = g_new0 (GsPayStream, 1);
  g_autofree GsCompComponent *components = g_new0 (GsCompComponent, MAX (role->n_components, 1));
  g_autoptr (GsDealPayer) payer = NULL;
  GsCompRole only = *role;
  guint n = events->events->len, bit = 0;

  s->ref = 1;
  s->events = events;
  s->role = role;
  s->person = person;
  s->state = state;
  /* The role's company components alone, in their order, each gate that
   * reads another measure open (no gate) or shut (one no value passes);
   * the plain role the payer derives opens them all, as a person's does. */
  only.n_components = 0;
  for (guint i = 0; i < role->n_components; i++)
    {
      GsCompComponent c = role->components[i];
      if (c.measure != GS_MEASURE_COMPANY_BOOKINGS)
        continue;
      if (state_gate (&c))
        {
          if (state & (1u << bit))
            c.gate.present = FALSE;
          else
            c.gate.min_attainment = G_MAXDOUBLE;
          bit++;
        }
      components[only.n_components++] = c;
    }
  only.components = components;
  if (person == GS_COMP_STANDARD_PERSON)
    {
      only.people = NULL;
      only.n_people = 0;
    }
  payer = gs_deal_payer_new (comp, &only, person);
  s->pay = g_new (GsDealPay, MAX (n, 1));
  s->totals = g_new0 (GsDealPayerTotals, n + 1);
  s->kind_month = g_malloc0_n (n + 1, sizeof (GsMoney[2][GS_COMP_MONTHS]));
  s->discounted = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    s->month_lines[m] = g_array_new (FALSE, FALSE, sizeof (GsPayStreamLine));
  for (guint k = 0; k < n; k++)
    {
      GsDealPay *p = &s->pay[k];
      if (!gs_deal_payer_pay (payer, &g_array_index (events->events, GsPayEvent, k), p, error))
        return NULL;
      /* The payer's figures name the stream's role; the event is the
       * person's. */
      s->totals[k + 1] = *gs_deal_payer_totals (payer);
      memcpy (s->kind_month[k + 1], s->kind_month[k], sizeof s->kind_month[k]);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          GsPayStreamLine c = { k, GS_PAY_COMMISSION, p->month_commission[m] };
          GsPayStreamLine t = { k, GS_PAY_TRUE_UP, p->month_true_up[m] };
          s->kind_month[k + 1][0][m] += c.amount;
          s->kind_month[k + 1][1][m] += t.amount;
          if (c.amount != 0)
            g_array_append_val (s->month_lines[m], c);
          if (t.amount != 0)
            g_array_append_val (s->month_lines[m], t);
          if (p->month_discount[m] != 0
              && (s->discounted->len == 0
                  || g_array_index (s->discounted, guint, s->discounted->len - 1) != k))
            g_array_append_val (s->discounted, k);
        }
    }
  return g_steal_pointer (&s);
}
