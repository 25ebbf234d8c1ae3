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

/* The deal's pay — its own commission and the true-up it triggers — × its
 * discount band's multiplier, month by month, each month's cut rounded once
 * (half away from zero); the true-up's part of it rounded on its own, the
 * commission's the rest. */
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
      GsMoney cut = gs_money_round ((double) (pay->month_commission[m] + pay->month_true_up[m])
                                    * (pay->multiplier - 1));
      GsMoney true_up = gs_money_round ((double) pay->month_true_up[m] * (pay->multiplier - 1));
      pay->month_discount[m] = cut;
      pay->month_commission[m] += cut - true_up;
      pay->month_true_up[m] += true_up;
      pay->commission += cut - true_up;
      pay->true_up += true_up;
      pay->discount_cut += cut;
    }
}

void
gs_deal_pay_append_discounts (GArray *out, const GsDealPay *p, const char *deal)
{
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    if (p->month_discount[m] != 0)
      {
        GsCompDealDiscount d
            = { deal,
                m,
                p->month_commission[m] + p->month_true_up[m] - p->month_discount[m],
                p->event.discount,
                p->multiplier,
                p->month_discount[m] };
        g_array_append_val (out, d);
      }
}

GArray *
gs_deal_pay_discounts (const GArray *paid, const char *(*deal_id) (guint deal, gpointer data),
                       gpointer data)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (GsCompDealDiscount));
  for (guint i = 0; i < paid->len; i++)
    {
      const GsDealPay *p = &g_array_index (paid, GsDealPay, i);
      gs_deal_pay_append_discounts (out, p, deal_id ? deal_id (p->event.deal, data) : NULL);
    }
  return out;
}

struct _GsDealPayer
{
  const GsCompModel *comp;
  const GsCompRole *role;
  guint person;
  GsCompComponent *components; /* the plain role's */
  GsCompRole real, plain;
  /* Each component's payout so far, for the role as it is and without
   * retroactive rules: an event changes only the components on its measure
   * (and those gated on it), so only those are paid again. */
  GsCompComponentPayout *paid, *paid_plain;
  gboolean *keep, *keep_plain;
  gboolean *dirty; /* components to pay again at the next event whatever its measure */
  GsCompInput in;
  GsDealPayerTotals totals;
  double ytd[GS_N_MEASURES];
  guint steps;
};

GsDealPayer *
gs_deal_payer_new (const GsCompModel *comp, const GsCompRole *role, guint person)
{
  GsDealPayer *p = g_new0 (GsDealPayer, 1);
  guint n = MAX (role->n_components, 1);
  p->comp = comp;
  p->role = role;
  p->person = person;
  p->components = g_new0 (GsCompComponent, n);
  p->real = commission_only (role);
  p->plain = without_retro (role, p->components);
  p->paid = g_new0 (GsCompComponentPayout, n);
  p->paid_plain = g_new0 (GsCompComponentPayout, n);
  p->keep = g_new0 (gboolean, n);
  p->keep_plain = g_new0 (gboolean, n);
  p->dirty = g_new0 (gboolean, n);
  gs_comp_input_init (&p->in);
  return p;
}

void
gs_deal_payer_free (GsDealPayer *p)
{
  if (p == NULL)
    return;
  gs_comp_input_clear (&p->in);
  g_free (p->components);
  g_free (p->paid);
  g_free (p->paid_plain);
  g_free (p->keep);
  g_free (p->keep_plain);
  g_free (p->dirty);
  g_free (p);
}

const GsCompInput *
gs_deal_payer_input (const GsDealPayer *p)
{
  return &p->in;
}

const GsDealPayerTotals *
gs_deal_payer_totals (const GsDealPayer *p)
{
  return &p->totals;
}

void
gs_deal_payer_skip (GsDealPayer *p, GsMeasure measure, const double actual[GS_COMP_MONTHS],
                    const GsDealPayerTotals *delta)
{
  double ytd = 0;
  p->in.given[measure] = TRUE;
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      p->in.actual[measure][m] = actual[m];
      ytd += actual[m];
      p->totals.month[m] += delta->month[m];
    }
  p->ytd[measure] = ytd;
  p->totals.earned += delta->earned;
  p->totals.plain += delta->plain;
  p->totals.cuts += delta->cuts;
  /* What the events skipped changed is paid again at the next event. */
  unchanged_by (p->role, measure, p->keep);
  for (guint i = 0; i < p->role->n_components; i++)
    p->dirty[i] = p->dirty[i] || !p->keep[i];
}

gboolean
gs_deal_payer_pay (GsDealPayer *p, const GsPayEvent *e, GsDealPay *out, GError **error)
{
  GsDealPay pay = { 0 };
  GsMoney after, after_plain, month[GS_COMP_MONTHS], month_plain[GS_COMP_MONTHS], inc, own;
  GsDealPayerTotals *t = &p->totals;
  gboolean first = p->steps == 0;
  double f;

  if (e->month < 0 || e->month >= GS_COMP_MONTHS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a deal dated outside the pay plan's twelve months cannot be paid"));
      return FALSE;
    }
  p->in.given[e->measure] = TRUE;
  p->in.actual[e->measure][e->month] += e->amount;
  p->ytd[e->measure] += e->amount;
  unchanged_by (&p->real, e->measure, p->keep);
  unchanged_by (&p->plain, e->measure, p->keep_plain);
  for (guint i = 0; i < p->role->n_components; i++)
    if (p->dirty[i])
      p->keep[i] = p->keep_plain[i] = p->dirty[i] = FALSE;
  if (!gs_comp_commission_step (p->comp, &p->real, p->person, &p->in, p->paid,
                                first ? NULL : p->keep, &after, month, error)
      || !gs_comp_commission_step (p->comp, &p->plain, p->person, &p->in, p->paid_plain,
                                   first ? NULL : p->keep_plain, &after_plain, month_plain, error))
    return FALSE;
  p->steps++;
  pay.event = *e;
  pay.ytd = p->ytd[e->measure];
  f = quota_of (p->role, p->person, e->measure);
  pay.attainment = f > 0 ? pay.ytd / f : 0;
  inc = after - t->earned;
  own = inc > 0 ? CLAMP (after_plain - t->plain, 0, inc) : inc;
  pay.commission = own;
  pay.true_up = inc - own;
  /* By month: the true-up's share of each month's change, rounded once;
   * the commission is the rest, so each month adds up. */
  f = inc != 0 ? (double) pay.true_up / (double) inc : 0;
  {
    GsMoney rest = pay.true_up;
    int last = -1;
    for (guint m = 0; m < GS_COMP_MONTHS; m++)
      if (month[m] != t->month[m])
        {
          pay.month_true_up[m] = gs_money_round ((double) (month[m] - t->month[m]) * f);
          rest -= pay.month_true_up[m];
          last = (int) m;
        }
    /* The rounding's cent, if any, in the last month paid. */
    if (last >= 0)
      pay.month_true_up[last] += rest;
    for (guint m = 0; m < GS_COMP_MONTHS; m++)
      pay.month_commission[m] = month[m] - t->month[m] - pay.month_true_up[m];
  }
  apply_discount (p->comp, p->role, e, &pay);
  t->cuts += pay.discount_cut;
  pay.earned = after + t->cuts;
  t->earned = after;
  t->plain = after_plain;
  memcpy (t->month, month, sizeof month);
  *out = pay;
  return TRUE;
}

GArray *
gs_deal_pay (const GsCompModel *comp, const GsCompRole *role, guint person,
             const GsPayEvent *events, guint n, GError **error)
{
  g_autoptr (GArray) out = g_array_sized_new (FALSE, TRUE, sizeof (GsDealPay), n);
  g_autoptr (GsDealPayer) payer = gs_deal_payer_new (comp, role, person);

  for (guint i = 0; i < n; i++)
    {
      GsDealPay pay;
      if (!gs_deal_payer_pay (payer, &events[i], &pay, error))
        return NULL;
      g_array_append_val (out, pay);
    }
  return g_steal_pointer (&out);
}
