/* gs-comp-payout.c — what a compensation plan pays, to the cent.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-private.h"
#include "gs-error.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  const GsCompModel *comp;
  const GsCompRole *role;
  guint person;
  gboolean overflow;
} Ctx;

/* Input ----------------------------------------------------------------- */

void
gs_comp_input_init (GsCompInput *input)
{
  memset (input, 0, sizeof *input);
}

double
gs_comp_deal_multiplier (const GsCompModel *comp, const GsCompRole *role, GsMeasure measure,
                         double discount, const GsCompComponent **component)
{
  if (component)
    *component = NULL;
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].measure == measure && role->components[i].n_discount > 0)
      {
        if (component)
          *component = &role->components[i];
        return gs_comp_discount_multiplier (&role->components[i], comp->boundary, discount);
      }
  return 1;
}

void
gs_comp_input_clear (GsCompInput *input)
{
  g_clear_pointer (&input->refunds, g_array_unref);
  g_clear_pointer (&input->events, g_array_unref);
  g_clear_pointer (&input->deal_discounts, g_array_unref);
}

void
gs_comp_input_set_year (GsCompInput *input, GsMeasure measure, double value)
{
  input->given[measure] = TRUE;
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      {
        /* The months rule: the quarters of the year are then its quarterly
         * quota's shares too (no 130,000.02 against a 130,000.00 quota). */
        GsMoney parts[GS_COMP_MONTHS];
        gs_money_split_year (gs_money_round (value), NULL, parts);
        for (guint i = 0; i < GS_COMP_MONTHS; i++)
          input->actual[measure][i] = (double) parts[i];
      }
      break;
    case GS_MEASURE_UNIT_SHARE:
      for (guint i = 0; i < GS_COMP_MONTHS; i++)
        input->actual[measure][i] = value;
      break;
    case GS_MEASURE_UNIT_COUNT:
    default:
      for (guint i = 0; i < GS_COMP_MONTHS; i++)
        input->actual[measure][i] = value / GS_COMP_MONTHS;
    }
}

static double
person_scale (const GsCompRole *role, guint person)
{
  if (role->people == NULL || person >= role->n_people)
    return 1.0;
  return role->people[person].quota_scale;
}

double
gs_comp_person_quota (const GsCompRole *role, guint person, GsMeasure measure, double role_quota)
{
  double scale = person_scale (role, person);
  double q;
  if (scale == 1.0 || measure != role->components[0].measure)
    return role_quota;
  q = role_quota * scale;
  return gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY ? (double) gs_money_round (q) : q;
}

static void
set_at (GsCompInput *input, const GsCompRole *role, guint person, GsMeasure measure,
        double role_quota, double attainment)
{
  double q = gs_comp_person_quota (role, person, measure, role_quota);
  if (input->given[measure])
    return;
  gs_comp_input_set_year (input, measure, attainment * q);
}

void
gs_comp_input_at_attainments (GsCompInput *input, const GsCompRole *role, guint person,
                              const double attainment[GS_N_MEASURES])
{
  for (guint i = 0; i < role->n_components; i++)
    set_at (input, role, person, role->components[i].measure, role->components[i].quota,
            attainment[role->components[i].measure]);
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].gate.present)
      set_at (input, role, person, role->components[i].gate.measure, role->components[i].gate.quota,
              attainment[role->components[i].gate.measure]);
  if (role->gate.present)
    set_at (input, role, person, role->gate.measure, role->gate.quota,
            attainment[role->gate.measure]);
}

void
gs_comp_input_at_attainment (GsCompInput *input, const GsCompRole *role, guint person,
                             double attainment)
{
  double at[GS_N_MEASURES];
  for (guint m = 0; m < GS_N_MEASURES; m++)
    at[m] = attainment;
  gs_comp_input_at_attainments (input, role, person, at);
}

/* A measure over months [first, last): summed, or averaged for a share. */
static double
value_over (const GsCompInput *in, GsMeasure m, guint first, guint last)
{
  double sum = 0;
  for (guint i = first; i < last; i++)
    sum += in->actual[m][i];
  if (gs_measure_unit (m) == GS_MEASURE_UNIT_SHARE)
    return last > first ? sum / (last - first) : 0;
  return sum;
}

/* Annual quota split into periods: money to the cent, counts evenly, a
 * share target is the same every period. */
static void
split_quota (GsMeasure m, double year, guint n, double *out)
{
  if (gs_measure_unit (m) == GS_MEASURE_UNIT_MONEY)
    {
      GsMoney parts[GS_COMP_MONTHS];
      gs_money_split_periods (gs_money_round (year), n, parts);
      for (guint i = 0; i < n; i++)
        out[i] = (double) parts[i];
      return;
    }
  for (guint i = 0; i < n; i++)
    out[i] = gs_measure_unit (m) == GS_MEASURE_UNIT_SHARE ? year : year / n;
}

/* Components ------------------------------------------------------------ */

/* Whether a component's gate passes in period p: the gate's measure over the
 * period (or the year to date) against its quota for it. */
static gboolean
gate_passes (const GsCompModel *cm, const GsCompComponent *comp, const GsCompInput *in, guint p,
             double gq_year, const double *gate_p, double *gx_out, double *gatt_out)
{
  guint n = gs_period_count (comp->period), len = GS_COMP_MONTHS / n;
  guint first = p * len, last = first + len;
  gboolean ytd = comp->attain == GS_ATTAIN_YTD;
  double gx = ytd ? value_over (in, comp->gate.measure, 0, last)
                  : value_over (in, comp->gate.measure, first, last);
  double gq = ytd ? gq_year : gate_p[p];
  double gatt = gq > 0 ? gx / gq : 0;
  *gx_out = gx;
  *gatt_out = gatt;
  return gs_comp_reached (cm->boundary, gatt, comp->gate.min_attainment);
}

gboolean
gs_comp_gate_passes (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompComponent *component, const GsCompInput *input, guint period)
{
  guint n = gs_period_count (component->period);
  double gate_p[GS_COMP_MONTHS], gq_year, gx, gatt;
  if (!component->gate.present)
    return TRUE;
  g_return_val_if_fail (period < n, FALSE);
  gq_year = gs_comp_person_quota (role, person, component->gate.measure, component->gate.quota);
  split_quota (component->gate.measure, gq_year, n, gate_p);
  return gate_passes (comp, component, input, period, gq_year, gate_p, &gx, &gatt);
}

static GsMoney
component (Ctx *c, const GsCompComponent *comp, const GsCompInput *in, GsCompComponentPayout *out,
           GPtrArray *trace)
{
  const GsCompModel *cm = c->comp;
  guint n = gs_period_count (comp->period), len = GS_COMP_MONTHS / n;
  double q_year = gs_comp_person_quota (c->role, c->person, comp->measure, comp->quota);
  double gq_year = comp->gate.present ? gs_comp_person_quota (c->role, c->person,
                                                              comp->gate.measure, comp->gate.quota)
                                      : 0;
  double quota_p[GS_COMP_MONTHS], gate_p[GS_COMP_MONTHS];
  GsMoney ti_p[GS_COMP_MONTHS];
  double discount = gs_comp_discount_multiplier (comp, cm->boundary, in->discount);
  GsMoney paid = 0;
  guint depth = n > 1 ? 2 : 1;
  GsTraceLine *line;

  gs_money_split_periods (comp->target_incentive, n, ti_p);
  split_quota (comp->measure, q_year, n, quota_p);
  if (comp->gate.present)
    split_quota (comp->gate.measure, gq_year, n, gate_p);

  memset (out, 0, sizeof *out);
  out->component = comp;
  out->actual = value_over (in, comp->measure, 0, GS_COMP_MONTHS);
  out->quota = q_year;
  out->attainment = q_year > 0 ? out->actual / q_year : 0;
  out->target_incentive = comp->target_incentive;

  if ((line = gs_trace_add (trace, GS_TRACE_MEASURE, 0, FALSE, 0, comp)))
    {
      line->measure = comp->measure;
      line->figure[0] = comp->target_incentive;
      line->actual = out->actual;
      line->quota = q_year;
      line->attainment = out->attainment;
    }
  if (discount != 1.0 && (line = gs_trace_add (trace, GS_TRACE_DISCOUNT, 1, FALSE, 0, comp)))
    {
      line->attainment = in->discount;
      line->threshold = discount;
    }

  for (guint p = 0; p < n; p++)
    {
      guint first = p * len, last = first + len;
      gboolean ytd = comp->attain == GS_ATTAIN_YTD;
      double x = ytd ? value_over (in, comp->measure, 0, last)
                     : value_over (in, comp->measure, first, last);
      double q = ytd ? q_year : quota_p[p];
      GsMoney ti = ytd ? comp->target_incentive : ti_p[p];
      GsMoney earned = 0, pay;
      gboolean pass = TRUE;

      if (n > 1 && (line = gs_trace_add (trace, GS_TRACE_PERIOD, 1, FALSE, 0, comp)))
        {
          line->measure = comp->measure;
          line->period = p;
          line->n_periods = n;
          line->reached = ytd;
          line->actual = x;
          line->quota = q;
          line->attainment = q > 0 ? x / q : 0;
        }
      if (comp->gate.present)
        {
          double gx, gatt;
          pass = gate_passes (cm, comp, in, p, gq_year, gate_p, &gx, &gatt);
          if ((line = gs_trace_add (trace, GS_TRACE_GATE, depth, FALSE, 0, comp)))
            {
              line->measure = comp->gate.measure;
              line->actual = gx;
              line->attainment = gatt;
              line->threshold = comp->gate.min_attainment;
              line->reached = pass;
            }
        }
      if (pass)
        {
          /* Slices are kept only for the trace's lines. */
          g_autoptr (GArray) slices = trace ? g_array_new (FALSE, FALSE, sizeof (GsSlice)) : NULL;
          earned
              = gs_comp_table_eval (comp, cm->boundary, x, q, ti, discount, slices, &c->overflow);
          for (guint k = 0; slices && k < slices->len; k++)
            {
              const GsSlice *s = &g_array_index (slices, GsSlice, k);
              line = gs_trace_add (trace, GS_TRACE_SLICE, depth, TRUE, s->amount, comp);
              line->slice = *s;
              line->quota = q;
              line->figure[0] = ti;
            }
        }
      pay = earned;
      if (ytd && paid != 0)
        {
          gs_trace_add (trace, GS_TRACE_EARLIER_PAID, depth, TRUE, -paid, comp);
          pay -= paid;
        }
      if (comp->cap.present && paid + pay > comp->cap.amount)
        {
          GsMoney cut = comp->cap.amount - paid - pay;
          if ((line = gs_trace_add (trace, GS_TRACE_COMPONENT_CAP, depth, TRUE, cut, comp)))
            line->figure[0] = comp->cap.amount;
          pay += cut;
        }
      out->periods[p] = pay;
      out->period_attainment[p] = q > 0 ? x / q : 0;
      paid += pay;
    }
  out->earned = paid;
  if ((line = gs_trace_add (trace, GS_TRACE_COMPONENT_PAID, 1, FALSE, 0, comp)))
    line->amount = paid;
  return paid;
}

/* Commission: components, plan gate and plan cap, landed by month.  keep
 * (NULL: none) marks the components whose payout out already holds for in. */
static GsMoney
commission_keeping (Ctx *c, const GsCompInput *in, GsCompPayout *out, GPtrArray *trace,
                    GsMoney month[GS_COMP_MONTHS], const gboolean *keep)
{
  const GsCompRole *role = c->role;
  GsMoney total = 0, gate_cut = 0, cap_cut = 0;

  memset (month, 0, sizeof (GsMoney) * GS_COMP_MONTHS);
  for (guint i = 0; i < role->n_components; i++)
    {
      GsCompComponentPayout local, *cp = out ? &out->components[i] : &local;
      const GsCompComponent *comp = &role->components[i];
      guint n = gs_period_count (comp->period), len = GS_COMP_MONTHS / n;
      total += out && keep && keep[i] ? cp->earned : component (c, comp, in, cp, trace);
      for (guint p = 0; p < n; p++)
        month[(p + 1) * len - 1] += cp->periods[p];
    }
  if (role->gate.present)
    {
      double gx = value_over (in, role->gate.measure, 0, GS_COMP_MONTHS);
      double gq = gs_comp_person_quota (role, c->person, role->gate.measure, role->gate.quota);
      double att = gq > 0 ? gx / gq : 0;
      gboolean pass = gs_comp_reached (c->comp->boundary, att, role->gate.min_attainment);
      GsTraceLine *line;
      if (!pass)
        {
          gate_cut = -total;
          memset (month, 0, sizeof (GsMoney) * GS_COMP_MONTHS);
        }
      if ((line = gs_trace_add (trace, GS_TRACE_PLAN_GATE, 0, !pass, gate_cut, NULL)))
        {
          line->measure = role->gate.measure;
          line->actual = gx;
          line->attainment = att;
          line->threshold = role->gate.min_attainment;
          line->reached = pass;
        }
    }
  if (role->cap.present && total + gate_cut > role->cap.amount)
    {
      GsMoney raw = 0, capped_before = 0;
      GsTraceLine *line;
      cap_cut = role->cap.amount - (total + gate_cut);
      if ((line = gs_trace_add (trace, GS_TRACE_PLAN_CAP, 0, TRUE, cap_cut, NULL)))
        line->figure[0] = role->cap.amount;
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        {
          GsMoney capped;
          raw += month[m];
          capped = MIN (raw, role->cap.amount);
          month[m] = capped - capped_before;
          capped_before = capped;
        }
    }
  if (out)
    {
      out->components_total = total;
      out->gate_cut = gate_cut;
      out->cap_cut = cap_cut;
      out->earned = total + gate_cut + cap_cut;
    }
  return total + gate_cut + cap_cut;
}

static GsMoney
commission (Ctx *c, const GsCompInput *in, GsCompPayout *out, GPtrArray *trace,
            GsMoney month[GS_COMP_MONTHS])
{
  return commission_keeping (c, in, out, trace, month, NULL);
}

static void
set_overflow (GError **error, const GsCompRole *role)
{
  g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
               _ ("role “%s”: the payout is beyond the largest amount Goalsheet handles "
                  "(10^15 minor units)"),
               role->id);
}

gboolean
gs_comp_commission_step (const GsCompModel *comp, const GsCompRole *role, guint person,
                         const GsCompInput *in, GsCompComponentPayout *components,
                         const gboolean *keep, GsMoney *earned, GsMoney month[GS_COMP_MONTHS],
                         GError **error)
{
  Ctx c = { comp, role, person, FALSE };
  GsCompPayout out = { 0 };

  g_return_val_if_fail (comp->resolved, FALSE);
  g_return_val_if_fail (!role->draw.present && role->n_spifs == 0 && in->refunds == NULL
                            && in->events == NULL,
                        FALSE);
  out.components = components;
  out.n_components = role->n_components;
  commission_keeping (&c, in, &out, NULL, month, keep);
  /* As pay_into: no clawback, SPIF or draw, so the total is the commission. */
  if (c.overflow || !gs_money_in_range (out.earned))
    {
      set_overflow (error, role);
      return FALSE;
    }
  *earned = out.earned;
  return TRUE;
}

/* Adjustments ----------------------------------------------------------- */

static gboolean
pays_on_bookings (const GsCompRole *role)
{
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].measure == GS_MEASURE_OWN_BOOKINGS)
      return TRUE;
  return FALSE;
}

/* Each deal's discount line (statements): its commission in a month × its
 * own discount band's multiplier, less the commission; landed in the
 * month and added to the commission. */
static void
deal_discounts (const GsCompInput *in, GsCompPayout *out, GsMoney month[GS_COMP_MONTHS],
                GPtrArray *trace)
{
  for (guint i = 0; in->deal_discounts && i < in->deal_discounts->len; i++)
    {
      const GsCompDealDiscount *d = &g_array_index (in->deal_discounts, GsCompDealDiscount, i);
      GsTraceLine *line = gs_trace_add (trace, GS_TRACE_DEAL_DISCOUNT, 0, TRUE, d->amount, NULL);
      if (line)
        {
          line->deal = d->deal;
          line->figure[0] = d->base;
          line->attainment = d->discount;
          line->threshold = d->multiplier;
          line->period = d->month;
          line->n_periods = GS_COMP_MONTHS;
        }
      month[MIN (d->month, GS_COMP_MONTHS - 1)] += d->amount;
      out->deal_discount += d->amount;
    }
  out->earned += out->deal_discount;
}

/* The components paid on own bookings: each rounds its figures once, so
 * with − without and the deal's own pay (each a difference of two rounded
 * year-to-date figures of one component) can differ by a cent per
 * component from rounding alone. */
static guint
own_components (const GsCompRole *role)
{
  guint n = 0;
  for (guint i = 0; i < role->n_components; i++)
    n += role->components[i].measure == GS_MEASURE_OWN_BOOKINGS;
  return n;
}

/* What each refund within the window took.  Given what the deal was paid
 * (statements): exactly that; and when the year without the deal earns
 * more than that less than with it (a gate, band or tier the rest of the
 * year no longer reaches), that re-rating too, × the deal's discount
 * multiplier, rounded once — a difference of a cent per own-bookings
 * component is the rounding of the year-to-date figures, not a re-rating;
 * the sum × the clawback's share, rounded once.  Without it (a payout
 * given refunds): the commission with the deal minus the commission
 * without it, times the deal's multiplier and the share, rounded once. */
static GsMoney
clawbacks (Ctx *c, const GsCompInput *in, GsMoney earned, GPtrArray *trace)
{
  const GsCompRole *role = c->role;
  GsCompInput without = *in;
  GsMoney current = earned, total = 0;

  if (in->refunds == NULL || in->refunds->len == 0)
    return 0;
  if (!role->clawback.present || !pays_on_bookings (role))
    {
      gs_trace_add (trace, GS_TRACE_NO_CLAWBACK, 0, FALSE, 0, NULL);
      return 0;
    }
  for (guint r = 0; r < in->refunds->len; r++)
    {
      const GsCompRefund *refund = &g_array_index (in->refunds, GsCompRefund, r);
      GsMoney month[GS_COMP_MONTHS], after, delta, taken = 0;
      double left = (double) refund->amount;
      GsTraceLine *line;
      if (refund->days > role->clawback.days)
        {
          if ((line = gs_trace_add (trace, GS_TRACE_REFUND_KEPT, 0, FALSE, 0, NULL)))
            {
              line->figure[0] = refund->amount;
              line->count = refund->days;
              line->window = role->clawback.days;
            }
          continue;
        }
      /* The deal leaves the bookings from the latest month back. */
      for (int m = GS_COMP_MONTHS - 1; m >= 0 && left > 0; m--)
        {
          double take = MIN (left, without.actual[GS_MEASURE_OWN_BOOKINGS][m]);
          if (take <= 0)
            continue;
          without.actual[GS_MEASURE_OWN_BOOKINGS][m] -= take;
          left -= take;
        }
      after = commission (c, &without, NULL, NULL, month);
      delta = after - current;
      if (refund->has_paid)
        {
          GsMoney rerate = current - after - refund->paid_base;
          if (rerate >= -(GsMoney) own_components (role)
              && rerate <= (GsMoney) own_components (role))
            rerate = 0;
          rerate = gs_money_round ((double) rerate * (1 - refund->cut));
          delta = -gs_money_round ((double) (refund->paid + rerate) * role->clawback.share);
          taken = -rerate;
        }
      else if (refund->cut != 0 || role->clawback.share != 1)
        delta = gs_money_round ((double) delta * (1 - refund->cut) * role->clawback.share);
      if ((line = gs_trace_add (trace, GS_TRACE_CLAWBACK, 0, TRUE, delta, NULL)))
        {
          line->figure[0] = refund->amount;
          line->figure[1] = after;
          line->figure[2] = current;
          line->count = refund->days;
          line->window = role->clawback.days;
          line->threshold = role->clawback.share;
          line->attainment = 1 - refund->cut;
          line->reached = refund->has_paid;
          line->figure[3] = refund->paid;
          line->actual = (double) refund->paid_base;
          line->quota = (double) taken;
        }
      total += delta;
      current = after;
    }
  return total;
}

static int
month_of (const GsCompModel *comp, const GDate *date)
{
  return ((int) g_date_get_year (date) - (int) g_date_get_year (&comp->start)) * 12
         + (int) g_date_get_month (date) - (int) g_date_get_month (&comp->start);
}

static gboolean
spifs (Ctx *c, const GsCompInput *in, GsMoney month[GS_COMP_MONTHS], GsMoney *total,
       GPtrArray *trace, GError **error)
{
  const GsCompRole *role = c->role;
  *total = 0;
  for (guint e = 0; in->events && e < in->events->len; e++)
    {
      const GsCompEvent *ev = &g_array_index (in->events, GsCompEvent, e);
      const GsSpif *s;
      GsTraceLine *line;
      if (ev->spif >= role->n_spifs)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_USAGE, _ ("role “%s” has no SPIF number %u"),
                       role->id, ev->spif + 1);
          return FALSE;
        }
      s = &role->spifs[ev->spif];
      if (g_date_compare (&ev->date, &s->from) < 0 || g_date_compare (&ev->date, &s->to) > 0)
        line = gs_trace_add (trace, GS_TRACE_SPIF_OUTSIDE, 0, FALSE, 0, NULL);
      else
        {
          GsMoney amount;
          int m = CLAMP (month_of (c->comp, &ev->date), 0, GS_COMP_MONTHS - 1);
          if (!gs_money_mul_checked (s->amount, (double) ev->count, &amount, error))
            return FALSE;
          line = gs_trace_add (trace, GS_TRACE_SPIF, 0, TRUE, amount, NULL);
          month[m] += amount;
          *total += amount;
        }
      if (line)
        {
          line->name = s->name;
          line->deal = ev->deal;
          line->count = ev->count;
          line->figure[0] = s->amount;
          line->date = ev->date;
        }
    }
  return TRUE;
}

/* Draw: each of the first months pays at least the draw; a recoverable draw's
 * top-ups come back out of later earnings above it. */
static void
draw (Ctx *c, GsCompPayout *out, GsMoney commission_month[GS_COMP_MONTHS], GPtrArray *trace)
{
  const GsDraw *d = &c->role->draw;
  GsMoney balance = 0;
  if (!d->present)
    return;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      GsMoney e = commission_month[m];
      GsTraceLine *line;
      if (m < d->months && e < d->amount)
        {
          GsMoney topup = d->amount - e;
          if ((line = gs_trace_add (trace, GS_TRACE_DRAW_TOPUP, 0, TRUE, topup, NULL)))
            {
              line->period = m;
              line->n_periods = GS_COMP_MONTHS;
              line->figure[0] = e;
              line->figure[1] = d->amount;
              line->reached = d->recoverable;
            }
          out->draw_topup += topup;
          out->month_draw_topup[m] = topup;
          out->month_paid[m] += topup;
          if (d->recoverable)
            balance += topup;
        }
      else if (balance > 0)
        {
          GsMoney floor_ = m < d->months ? d->amount : 0;
          GsMoney take = MIN (balance, e - floor_);
          if (take > 0)
            {
              if ((line = gs_trace_add (trace, GS_TRACE_DRAW_RECOVERED, 0, TRUE, -take, NULL)))
                {
                  line->period = m;
                  line->n_periods = GS_COMP_MONTHS;
                  line->figure[0] = e;
                }
              out->draw_recovered -= take;
              out->month_draw_recovered[m] = -take;
              out->month_paid[m] -= take;
              balance -= take;
            }
        }
      out->month_draw_balance[m] = balance;
    }
  out->draw_balance = balance;
  if (balance > 0)
    {
      GsTraceLine *line = gs_trace_add (trace, GS_TRACE_DRAW_BALANCE, 0, FALSE, 0, NULL);
      if (line)
        line->figure[0] = balance;
    }
}

/* Payout ---------------------------------------------------------------- */

void
gs_comp_payout_free (GsCompPayout *payout)
{
  if (payout == NULL)
    return;
  g_free (payout->person);
  g_free (payout->components);
  g_clear_pointer (&payout->trace, g_ptr_array_unref);
  g_free (payout);
}

GsCompPayout *
gs_comp_payout (const GsCompModel *comp, const GsCompRole *role, guint person,
                const GsCompInput *input, GError **error)
{
  return gs_comp_payout_with (comp, role, person, input, GS_COMP_PAYOUT_TRACE, error);
}

/* The figures into out, whose components (n_components of them) and trace
 * (may be NULL) the caller made.  Every step computes the same figures with
 * the trace NULL: gs_trace_add then records nothing, and nothing else reads
 * the trace. */
static gboolean
pay_into (Ctx *cx, const GsCompInput *input, GsCompPayout *out, GError **error)
{
  Ctx c = *cx; /* its overflow flag is this payout's */
  const GsCompRole *role = c.role;
  GsMoney month[GS_COMP_MONTHS];
  GsMoney spif_month[GS_COMP_MONTHS] = { 0 };

  GsMoney raw = commission (&c, input, out, out->trace, month);

  deal_discounts (input, out, month, out->trace);
  out->clawback = clawbacks (&c, input, raw, out->trace);
  if (!spifs (&c, input, spif_month, &out->spifs, out->trace, error))
    return FALSE;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    out->month_paid[m] = month[m] + spif_month[m];
  memcpy (out->month_commission, month, sizeof month);
  out->month_paid[GS_COMP_MONTHS - 1] += out->clawback;
  draw (&c, out, month, out->trace);
  out->draw_net = out->draw_topup + out->draw_recovered;
  out->total = out->earned + out->clawback + out->spifs + out->draw_net;
  if (c.overflow || !gs_money_in_range (out->total))
    {
      set_overflow (error, role);
      return FALSE;
    }
  {
    GsTraceLine *line = gs_trace_add (out->trace, GS_TRACE_TOTAL, 0, FALSE, 0, NULL);
    if (line)
      line->amount = out->total;
  }
  return TRUE;
}

GsCompPayout *
gs_comp_payout_with (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompInput *input, GsCompPayoutFlags flags, GError **error)
{
  g_autoptr (GsCompPayout) out = NULL;
  Ctx c = { comp, role, person, FALSE };

  /* Quotas are read from the goal sheets first (gs_comp_resolve). */
  g_return_val_if_fail (comp->resolved, NULL);
  out = g_new0 (GsCompPayout, 1);
  out->person = g_strdup (role->people && person < role->n_people ? role->people[person].name
                                                                  : _ ("Per person"));
  out->quota_scale = person_scale (role, person);
  out->n_components = role->n_components;
  out->components = g_new0 (GsCompComponentPayout, role->n_components);
  if (flags & GS_COMP_PAYOUT_TRACE)
    out->trace = g_ptr_array_new_with_free_func (g_free);
  if (!pay_into (&c, input, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

/* Roles ----------------------------------------------------------------- */

void
gs_comp_role_payout_free (GsCompRolePayout *rp)
{
  if (rp == NULL)
    return;
  for (guint i = 0; i < rp->n_people; i++)
    gs_comp_payout_free (rp->people[i]);
  g_free (rp->people);
  g_free (rp);
}

static GsCompRolePayout *
role_new (const GsCompRole *role)
{
  GsCompRolePayout *rp = g_new0 (GsCompRolePayout, 1);
  rp->role = role;
  rp->n_people = role->n_people ? role->n_people : 1;
  rp->multiplier = role->n_people ? 1 : role->headcount;
  rp->people = g_new0 (GsCompPayout *, rp->n_people);
  return rp;
}

/* sum += total × multiplier, checked. */
static gboolean
add_person (GsMoney *sum, GsMoney total, guint multiplier, const GsCompRole *role, GError **error)
{
  GsMoney part;
  /* One standard payout × the headcount can leave the range (100,000 AEs). */
  if (__builtin_mul_overflow (total, (GsMoney) multiplier, &part) || !gs_money_in_range (part))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
                   _ ("role “%s”: %u people × the payout is beyond the largest amount Goalsheet "
                      "handles (10^15 minor units)"),
                   role->id, multiplier);
      return FALSE;
    }
  return gs_money_add_checked (*sum, part, sum, error);
}

static gboolean
role_add (GsCompRolePayout *rp, guint i, GsCompPayout *payout, GError **error)
{
  rp->people[i] = payout;
  if (payout == NULL)
    return FALSE;
  return add_person (&rp->total, payout->total, rp->multiplier, rp->role, error);
}

static gboolean
check_attainment (double attainment, GError **error)
{
  if (!isfinite (attainment) || attainment < 0 || attainment > 100)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_USAGE,
                   _ ("attainment %g is not between 0 and 100 (1.15 means 115 %%)"), attainment);
      return FALSE;
    }
  return TRUE;
}

/* A person's input: the role's measures, and the extras (discount, refunds,
 * SPIF events) given for everyone. */
static void
input_with (GsCompInput *in, const GsCompInput *extras)
{
  gs_comp_input_init (in);
  if (extras == NULL)
    return;
  in->discount = extras->discount;
  if (extras->refunds)
    in->refunds = g_array_ref (extras->refunds);
  if (extras->events)
    in->events = g_array_ref (extras->events);
}

GsCompRolePayout *
gs_comp_role_payout (const GsCompModel *comp, const GsCompRole *role, GsCompAt at, double value,
                     const GsCompInput *extras, GError **error)
{
  return gs_comp_role_payout_with (comp, role, at, value, extras, GS_COMP_PAYOUT_TRACE, error);
}

GsCompRolePayout *
gs_comp_role_payout_with (const GsCompModel *comp, const GsCompRole *role, GsCompAt at,
                          double value, const GsCompInput *extras, GsCompPayoutFlags flags,
                          GError **error)
{
  const GsCompComponent *primary = &role->components[0];
  gboolean money = gs_measure_unit (primary->measure) == GS_MEASURE_UNIT_MONEY;
  g_autoptr (GsCompRolePayout) rp = NULL;
  g_autofree double *quotas = NULL;
  g_autofree GsMoney *parts = NULL;
  double qsum = 0;

  if (at == GS_COMP_AT_ATTAINMENT && !check_attainment (value, error))
    return NULL;
  if (at == GS_COMP_AT_AMOUNT
      && (!isfinite (value) || value < 0 || fabs (value) > (double) GS_MONEY_LIMIT))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_USAGE, _ ("the amount must be 0 or more"));
      return NULL;
    }
  rp = role_new (role);
  quotas = g_new0 (double, rp->n_people);
  parts = g_new0 (GsMoney, rp->n_people);
  for (guint i = 0; i < rp->n_people; i++)
    {
      guint person = role->n_people ? i : GS_COMP_STANDARD_PERSON;
      quotas[i] = gs_comp_person_quota (role, person, primary->measure, primary->quota);
      qsum += quotas[i];
    }
  /* The role's amount split over its people by quota, to the minor unit. */
  if (at == GS_COMP_AT_AMOUNT && money)
    gs_money_split (gs_money_round (value), quotas, rp->n_people, parts);
  for (guint i = 0; i < rp->n_people; i++)
    {
      GsCompInput in;
      guint person = role->n_people ? i : GS_COMP_STANDARD_PERSON;
      gboolean ok;
      input_with (&in, extras);
      if (at == GS_COMP_AT_AMOUNT)
        {
          double mine = money                            ? (double) parts[i]
                        : rp->n_people == 1 || qsum <= 0 ? value
                                                         : value * quotas[i] / qsum;
          gs_comp_input_set_year (&in, primary->measure, mine);
          gs_comp_input_at_attainment (&in, role, person, quotas[i] > 0 ? mine / quotas[i] : 0);
        }
      else
        gs_comp_input_at_attainment (&in, role, person, value);
      ok = role_add (rp, i, gs_comp_payout_with (comp, role, person, &in, flags, error), error);
      gs_comp_input_clear (&in);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&rp);
}

GsCompRolePayout *
gs_comp_role_at_attainment (const GsCompModel *comp, const GsCompRole *role, double attainment,
                            GError **error)
{
  return gs_comp_role_payout (comp, role, GS_COMP_AT_ATTAINMENT, attainment, NULL, error);
}

GsCompRolePayout *
gs_comp_role_at_amount (const GsCompModel *comp, const GsCompRole *role, double amount,
                        GError **error)
{
  return gs_comp_role_payout (comp, role, GS_COMP_AT_AMOUNT, amount, NULL, error);
}

GArray *
gs_comp_curve (const GsCompModel *comp, const GsCompRole *role, double step, double max,
               GError **error)
{
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (GsCurvePoint));
  guint n;
  if (!(step > 0) || !check_attainment (max, error))
    {
      if (error && *error == NULL)
        g_set_error (error, GS_ERROR, GS_ERROR_USAGE, _ ("the curve's step must be above zero"));
      return NULL;
    }
  n = (guint) floor (max / step + 1e-9);
  for (guint i = 0; i <= n; i++)
    {
      GsCompInput in;
      GsCurvePoint pt = { i * step, 0 };
      g_autoptr (GsCompPayout) payout = NULL;
      gs_comp_input_init (&in);
      gs_comp_input_at_attainment (&in, role, GS_COMP_STANDARD_PERSON, pt.attainment);
      payout = gs_comp_payout_with (comp, role, GS_COMP_STANDARD_PERSON, &in,
                                    GS_COMP_PAYOUT_FIGURES, error);
      gs_comp_input_clear (&in);
      if (payout == NULL)
        return NULL;
      pt.earned = payout->earned;
      pt.of_target
          = role->target_incentive > 0 ? (double) pt.earned / (double) role->target_incentive : 0;
      g_array_append_val (points, pt);
    }
  return g_steal_pointer (&points);
}

/* One person's (or the standard one's) total with every measure at the
 * attainment given for it (the plan's, or a simulated year's): the figures
 * only, nothing allocated. */
static gboolean
person_total (const GsCompModel *comp, const GsCompRole *role, guint person,
              const double *attainment, GsMoney *total, GError **error)
{
  Ctx c = { comp, role, person, FALSE };
  GsCompPayout out = { 0 };
  GsCompInput in;
  gboolean ok;
  gs_comp_input_init (&in);
  gs_comp_input_at_attainments (&in, role, person, attainment);
  out.n_components = role->n_components;
  out.components = g_newa (GsCompComponentPayout, MAX (role->n_components, 1));
  ok = pay_into (&c, &in, &out, error);
  gs_comp_input_clear (&in);
  *total = out.total;
  return ok;
}

/* A quota scale's hash from all its bits: g_double_hash keeps only the
 * whole part, and scales lie around 1, so 10,000 people on their own quotas
 * fell into two buckets (a hundred million comparisons per role). */
static guint
scale_hash (gconstpointer v)
{
  double d = *(const double *) v;
  guint64 bits;
  if (d == 0)
    d = 0; /* -0 equals 0: one hash */
  memcpy (&bits, &d, sizeof bits);
  return (guint) (bits ^ (bits >> 32));
}

/* Every person's total (one, the standard person's, when the role lists
 * nobody) with every measure at the attainment given.  A person enters the
 * arithmetic only through their quota scale (gs_comp_person_quota), so the
 * people on the same quota (most of a large team) are paid the same: each
 * scale is computed once. */
static gboolean
people_totals (const GsCompModel *comp, const GsCompRole *role, const double *attainment,
               GsMoney *totals, GError **error)
{
  static const double one = 1.0;
  g_autoptr (GHashTable) done = g_hash_table_new (scale_hash, g_double_equal);
  guint n = role->n_people ? role->n_people : 1;
  for (guint p = 0; p < n; p++)
    {
      const double *scale = role->n_people ? &role->people[p].quota_scale : &one;
      gpointer first = g_hash_table_lookup (done, scale);
      if (first)
        {
          totals[p] = totals[GPOINTER_TO_UINT (first) - 1];
          continue;
        }
      if (!person_total (comp, role, role->n_people ? p : GS_COMP_STANDARD_PERSON, attainment,
                         &totals[p], error))
        return FALSE;
      g_hash_table_insert (done, (gpointer) scale, GUINT_TO_POINTER (p + 1));
    }
  return TRUE;
}

gboolean
gs_comp_role_total_at_attainment (const GsCompModel *comp, const GsCompRole *role,
                                  double attainment, GsMoney *total, GError **error)
{
  double at[GS_N_MEASURES];
  guint n = role->n_people ? role->n_people : 1;
  guint multiplier = role->n_people ? 1 : role->headcount;
  g_autofree GsMoney *totals = g_new (GsMoney, n);
  GsMoney sum = 0;

  g_return_val_if_fail (comp->resolved, FALSE);
  if (!check_attainment (attainment, error))
    return FALSE;
  for (guint m = 0; m < GS_N_MEASURES; m++)
    at[m] = attainment;
  if (!people_totals (comp, role, at, totals, error))
    return FALSE;
  for (guint p = 0; p < n; p++)
    if (!add_person (&sum, totals[p], multiplier, role, error))
      return FALSE;
  *total = sum;
  return TRUE;
}

/* A role's full-year amount for its paid person-years, rounded once. */
static gboolean
prorate (GsMoney full_year, const GsCompRole *role, GsMoney *out, GError **error)
{
  double v = role->headcount > 0 ? (double) full_year * role->paid_years / role->headcount : 0;
  return gs_money_from_double_checked (v, out, error);
}

/* A role's variable pay for its paid person-years with every measure at the
 * attainment given, plus the SPIFs its people are expected to earn. */
static gboolean
role_staffed (const GsCompModel *comp, const GsCompRole *role, const double *attainment,
              GsMoney *totals, GsMoney *out, GError **error)
{
  GsMoney spifs = 0, full = 0;
  guint n = role->n_people ? role->n_people : 1;
  g_autofree GsMoney *own = totals ? NULL : g_new (GsMoney, n);
  if (totals == NULL)
    totals = own;
  if (!people_totals (comp, role, attainment, totals, error))
    return FALSE;
  for (guint p = 0; p < n; p++)
    {
      GsMoney part;
      if (__builtin_mul_overflow (totals[p], (GsMoney) (role->n_people ? 1 : role->headcount),
                                  &part))
        part = GS_MONEY_LIMIT + 1; /* refused by the checked addition below */
      if (!gs_money_add_checked (full, part, &full, error))
        return FALSE;
    }
  for (guint s = 0; s < role->n_spifs; s++)
    spifs += gs_money_round ((double) role->spifs[s].amount * role->spifs[s].expected_events
                             * role->paid_years);
  return prorate (full, role, out, error) && gs_money_add_checked (*out, spifs, out, error);
}

gboolean
gs_comp_role_staffed_at (const GsCompModel *comp, const GsCompRole *role,
                         const double attainment[GS_N_MEASURES], GsMoney *pay, GError **error)
{
  g_return_val_if_fail (comp->resolved, FALSE);
  return role_staffed (comp, role, attainment, NULL, pay, error);
}

/* full[i]: role i's payout at 100 % for a full year (at_plan_fill's). */
static gboolean
at_plan_staffed (const GsCompModel *comp, const GsMoney *full, GsCompAtPlan *out, GError **error)
{
  out->role_paid_years = g_new0 (double, comp->n_roles);
  out->role_at_quota = g_new0 (GsMoney, comp->n_roles);
  out->role_at_plan = g_new0 (GsMoney, comp->n_roles);
  out->role_cost_new_business = g_new0 (double, comp->n_roles);
  out->role_person_at_plan = g_new0 (GsMoney *, comp->n_roles + 1); /* NULL-terminated */
  out->new_business = comp->plan_new_business;
  out->delivered = comp->plan_delivered;
  out->ae_attainment = comp->plan_attainment[GS_MEASURE_OWN_BOOKINGS];
  for (guint i = 0; i < comp->n_roles; i++)
    {
      const GsCompRole *role = &comp->roles[i];
      GsMoney spifs = 0, at_quota, at_plan;
      guint n = role->n_people ? role->n_people : 1;
      for (guint s = 0; s < role->n_spifs; s++)
        spifs += gs_money_round ((double) role->spifs[s].amount * role->spifs[s].expected_events
                                 * role->paid_years);
      out->role_person_at_plan[i] = g_new (GsMoney, n);
      if (!prorate (full[i], role, &at_quota, error)
          || !gs_money_add_checked (at_quota, spifs, &at_quota, error)
          || !role_staffed (comp, role, comp->plan_attainment, out->role_person_at_plan[i],
                            &at_plan, error)
          || !gs_money_add_checked (out->at_quota, at_quota, &out->at_quota, error)
          || !gs_money_add_checked (out->at_plan, at_plan, &out->at_plan, error))
        return FALSE;
      for (guint p = 0; p < n; p++)
        if (!add_person (&out->people_at_plan, out->role_person_at_plan[i][p],
                         role->n_people ? 1 : role->headcount, role, error))
          return FALSE;
      out->role_paid_years[i] = role->paid_years;
      out->role_at_quota[i] = at_quota;
      out->role_at_plan[i] = at_plan;
      out->role_cost_new_business[i]
          = out->new_business > 0 ? (double) at_plan / (double) out->new_business : 0;
    }
  out->cost_new_business
      = out->new_business > 0 ? (double) out->at_plan / (double) out->new_business : 0;
  out->cost_all = out->bookings > 0 ? (double) out->at_plan / (double) out->bookings : 0;
  return TRUE;
}

/* Each person is paid once at 100 % here (figures only, no trace), and
 * once more at the plan's attainment by at_plan_staffed. */
static gboolean
at_plan_fill (const GsCompModel *comp, GsCompAtPlan *out, GError **error)
{
  g_autofree GsMoney *full = g_new0 (GsMoney, MAX (comp->n_roles, 1));
  g_return_val_if_fail (comp->resolved, FALSE);
  out->role_variable = g_new0 (GsMoney, comp->n_roles);
  out->role_person_at_100 = g_new0 (GsMoney *, comp->n_roles + 1); /* NULL-terminated */
  out->bookings = comp->plan_bookings;
  double at_100[GS_N_MEASURES];
  for (guint m = 0; m < GS_N_MEASURES; m++)
    at_100[m] = 1.0;
  for (guint i = 0; i < comp->n_roles; i++)
    {
      const GsCompRole *role = &comp->roles[i];
      guint n = role->n_people ? role->n_people : 1;
      GsMoney v = 0;
      out->role_person_at_100[i] = g_new (GsMoney, n);
      if (!people_totals (comp, role, at_100, out->role_person_at_100[i], error))
        return FALSE;
      for (guint p = 0; p < n; p++)
        if (!add_person (&v, out->role_person_at_100[i][p], role->n_people ? 1 : role->headcount,
                         role, error))
          return FALSE;
      full[i] = v;
      out->people += role->n_people ? role->n_people : role->headcount;
      if (!gs_money_add_checked (out->people_at_100, v, &out->people_at_100, error))
        return FALSE;
      for (guint s = 0; s < role->n_spifs; s++)
        v += gs_money_round ((double) role->spifs[s].amount * role->spifs[s].expected_events
                             * role->headcount);
      out->role_variable[i] = v;
      if (!gs_money_add_checked (out->variable_pay, v, &out->variable_pay, error))
        return FALSE;
    }
  out->cost_of_sales = out->bookings > 0 ? (double) out->variable_pay / (double) out->bookings : 0;
  return at_plan_staffed (comp, full, out, error);
}

/* On failure nothing is left to free: callers return early on FALSE. */
gboolean
gs_comp_at_plan (const GsCompModel *comp, GsCompAtPlan *out, GError **error)
{
  memset (out, 0, sizeof *out);
  if (at_plan_fill (comp, out, error))
    return TRUE;
  gs_comp_at_plan_clear (out);
  return FALSE;
}

void
gs_comp_at_plan_clear (GsCompAtPlan *out)
{
  g_clear_pointer (&out->role_variable, g_free);
  g_clear_pointer (&out->role_paid_years, g_free);
  g_clear_pointer (&out->role_at_quota, g_free);
  g_clear_pointer (&out->role_at_plan, g_free);
  g_clear_pointer (&out->role_cost_new_business, g_free);
  /* n_roles is not kept here: the array ends where the roles do, and an
   * entry not filled (a failure midway) is NULL, as g_new0 left it. */
  for (guint w = 0; w < 2; w++)
    {
      GsMoney ***people = w ? &out->role_person_at_plan : &out->role_person_at_100;
      if (*people)
        for (GsMoney **p = *people; *p; p++)
          g_free (*p);
      g_clear_pointer (people, g_free);
    }
}

/* Joint components ------------------------------------------------------ */

GArray *
gs_comp_shared_measures (const GsCompModel *comp)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (GsSharedMeasure));
  for (int pass = 0; pass < 2; pass++)
    for (guint m = 0; m < GS_N_MEASURES; m++)
      {
        GsSharedMeasure sm = { m, NULL, FALSE, FALSE };
        sm.roles = g_ptr_array_new ();
        for (guint r = 0; r < comp->n_roles; r++)
          for (guint k = 0; k < comp->roles[r].n_components; k++)
            if (comp->roles[r].components[k].measure == m)
              {
                g_ptr_array_add (sm.roles, &comp->roles[r]);
                if (gs_role_kind_is_marketing (comp->roles[r].kind))
                  sm.marketing = TRUE;
                else
                  sm.sales = TRUE;
                break;
              }
        /* Shared measures first, then the rest. */
        if (sm.roles->len > 0 && (pass == 0) == (sm.marketing && sm.sales))
          g_array_append_val (out, sm);
        else
          g_ptr_array_unref (sm.roles);
      }
  return out;
}

gboolean
gs_comp_measure_is_shared (const GsCompModel *comp, GsMeasure measure)
{
  gboolean marketing = FALSE, sales = FALSE;
  for (guint r = 0; r < comp->n_roles; r++)
    for (guint k = 0; k < comp->roles[r].n_components; k++)
      if (comp->roles[r].components[k].measure == measure)
        {
          if (gs_role_kind_is_marketing (comp->roles[r].kind))
            marketing = TRUE;
          else
            sales = TRUE;
        }
  return marketing && sales;
}

void
gs_comp_shared_measures_free (GArray *shared)
{
  if (shared == NULL)
    return;
  for (guint i = 0; i < shared->len; i++)
    g_ptr_array_unref (g_array_index (shared, GsSharedMeasure, i).roles);
  g_array_unref (shared);
}
