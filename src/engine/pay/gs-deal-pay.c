/* gs-deal-pay.c — deals paid in order at the rates in force (gs-deal-pay.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-deal-pay.h"
#include "gs-error.h"
#include "gs-money.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The role paying only commission: no draw (its top-ups are not a deal's),
 * no SPIFs, no clawback (no refunds are given). */
static GsCompRole
commission_only (const GsCompRole *role)
{
  GsCompRole r = *role;
  r.draw.present = FALSE;
  r.n_spifs = 0;
  r.clawback.present = FALSE;
  return r;
}

/* The same role without retroactive rules: what a deal earns on its own. */
static GsCompRole
without_retro (const GsCompRole *role, GsCompComponent *components)
{
  GsCompRole r = commission_only (role);
  r.gate.present = FALSE;
  for (guint i = 0; i < role->n_components; i++)
    {
      components[i] = role->components[i];
      components[i].gate.present = FALSE;
      components[i].decel.retroactive = FALSE;
      if (components[i].table.kind == GS_TABLE_BAND)
        components[i].table.kind = GS_TABLE_MARGINAL;
    }
  r.components = components;
  return r;
}

/* The components whose payout an event of measure m cannot change: those
 * neither on m nor gated on it. */
static void
unchanged_by (const GsCompRole *role, GsMeasure m, gboolean *keep)
{
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *c = &role->components[i];
      keep[i] = c->measure != m && !(c->gate.present && c->gate.measure == m);
    }
}

static double
quota_of (const GsCompRole *role, guint person, GsMeasure measure)
{
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].measure == measure)
      return gs_comp_person_quota (role, person, measure, role->components[i].quota);
  return 0;
}

/* The deal's own commission × its discount band's multiplier, month by
 * month, each month rounded once (half away from zero). */
static void
apply_discount (const GsCompModel *comp, const GsCompRole *role, const GsPayEvent *e,
                GsDealPay *pay)
{
  pay->multiplier = 1;
  if (!e->has_discount)
    return;
  pay->multiplier = gs_comp_deal_multiplier (comp, role, e->measure, e->discount, NULL);
  if (pay->multiplier == 1)
    return;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      GsMoney cut = gs_money_round ((double) pay->month_commission[m] * (pay->multiplier - 1));
      pay->month_discount[m] = cut;
      pay->month_commission[m] += cut;
      pay->discount_cut += cut;
    }
  pay->commission += pay->discount_cut;
}

GArray *
gs_deal_pay_discounts (const GArray *paid, const char *(*deal_id) (guint deal, gpointer data),
                       gpointer data)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (GsCompDealDiscount));
  for (guint i = 0; i < paid->len; i++)
    {
      const GsDealPay *p = &g_array_index (paid, GsDealPay, i);
      for (guint m = 0; m < GS_COMP_MONTHS; m++)
        if (p->month_discount[m] != 0)
          {
            GsCompDealDiscount d = { deal_id ? deal_id (p->event.deal, data) : NULL,
                                     m,
                                     p->month_commission[m] - p->month_discount[m],
                                     p->event.discount,
                                     p->multiplier,
                                     p->month_discount[m] };
            g_array_append_val (out, d);
          }
    }
  return out;
}

GArray *
gs_deal_pay (const GsCompModel *comp, const GsCompRole *role, guint person,
             const GsPayEvent *events, guint n, GError **error)
{
  g_autoptr (GArray) out = g_array_sized_new (FALSE, TRUE, sizeof (GsDealPay), n);
  g_autofree GsCompComponent *components = g_new0 (GsCompComponent, role->n_components);
  GsCompRole real = commission_only (role), plain = without_retro (role, components);
  /* Each component's payout so far, for the role as it is and without
   * retroactive rules: an event changes only the components on its measure
   * (and those gated on it), so only those are paid again. */
  g_autofree GsCompComponentPayout *paid = g_new0 (GsCompComponentPayout, role->n_components);
  g_autofree GsCompComponentPayout *paid_plain = g_new0 (GsCompComponentPayout, role->n_components);
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (role->n_components, 1));
  g_autofree gboolean *keep_plain = g_new0 (gboolean, MAX (role->n_components, 1));
  GsCompInput in;
  GsMoney before = 0, before_plain = 0, month_before[GS_COMP_MONTHS] = { 0 }, cuts = 0;
  double ytd[GS_N_MEASURES] = { 0 };

  gs_comp_input_init (&in);
  for (guint i = 0; i < n; i++)
    {
      const GsPayEvent *e = &events[i];
      GsDealPay pay = { 0 };
      GsMoney after, after_plain, month[GS_COMP_MONTHS], month_plain[GS_COMP_MONTHS], inc, own;
      double f;

      if (e->month < 0 || e->month >= GS_COMP_MONTHS)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("a deal dated outside the pay plan's twelve months cannot be paid"));
          gs_comp_input_clear (&in);
          return NULL;
        }
      in.given[e->measure] = TRUE;
      in.actual[e->measure][e->month] += e->amount;
      ytd[e->measure] += e->amount;
      unchanged_by (&real, e->measure, keep);
      unchanged_by (&plain, e->measure, keep_plain);
      if (!gs_comp_commission_step (comp, &real, person, &in, paid, i ? keep : NULL, &after, month,
                                    error)
          || !gs_comp_commission_step (comp, &plain, person, &in, paid_plain, i ? keep_plain : NULL,
                                       &after_plain, month_plain, error))
        {
          gs_comp_input_clear (&in);
          return NULL;
        }
      pay.event = *e;
      pay.ytd = ytd[e->measure];
      f = quota_of (role, person, e->measure);
      pay.attainment = f > 0 ? pay.ytd / f : 0;
      inc = after - before;
      own = inc > 0 ? CLAMP (after_plain - before_plain, 0, inc) : inc;
      pay.commission = own;
      pay.true_up = inc - own;
      pay.earned = after;
      /* By month: the true-up's share of each month's change, rounded
       * once; the commission is the rest, so each month adds up. */
      f = inc != 0 ? (double) pay.true_up / (double) inc : 0;
      {
        GsMoney rest = pay.true_up;
        int last = -1;
        for (guint m = 0; m < GS_COMP_MONTHS; m++)
          if (month[m] != month_before[m])
            {
              pay.month_true_up[m] = gs_money_round ((double) (month[m] - month_before[m]) * f);
              rest -= pay.month_true_up[m];
              last = (int) m;
            }
        /* The rounding's cent, if any, in the last month paid. */
        if (last >= 0)
          pay.month_true_up[last] += rest;
        for (guint m = 0; m < GS_COMP_MONTHS; m++)
          pay.month_commission[m] = month[m] - month_before[m] - pay.month_true_up[m];
      }
      apply_discount (comp, role, e, &pay);
      cuts += pay.discount_cut;
      pay.earned = after + cuts;
      g_array_append_val (out, pay);
      before = after;
      before_plain = after_plain;
      memcpy (month_before, month, sizeof month);
    }
  gs_comp_input_clear (&in);
  return g_steal_pointer (&out);
}
