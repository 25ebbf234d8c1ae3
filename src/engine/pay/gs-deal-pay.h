/* gs-deal-pay.h — deals paid one after another at the rates in force.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of credits (deals) is paid in order through gs_comp_payout: after
 * each deal the year to date holds every deal so far, and what the deal
 * adds to the commission (components, plan gate and plan cap; no draw,
 * clawback or SPIF) is the deal's pay, in the months gs_comp_payout pays it
 * (a period's pay in its last month).  The lines telescope: their sum is the
 * commission of the whole list, to the cent.
 *
 * A deal's pay is split into its own commission and a true-up
 * (docs/statements.md, "True-ups"): its own commission is what it adds
 * under the plan without retroactive rules (no gates, band tables read as
 * marginal, decelerators not retroactive), at most what it adds in fact;
 * the rest — earlier credit re-rated because this deal reached a gate, a
 * higher band or left a retroactive decelerator — is the true-up.
 *
 * A deal whose discount is known and counts on a measure of a component
 * with a discount table has its pay (own commission and the true-up it
 * triggers) scaled by its band's
 * multiplier (gs_comp_deal_multiplier), month by month; gs_deal_pay_discounts
 * lists those lines for gs_comp_payout, so the year's payout holds them.
 */
#pragma once

#include "gs-comp-payout.h"

G_BEGIN_DECLS

typedef struct
{
  GsMeasure measure;
  int month;             /* comp month, 0..11 */
  double amount;         /* measure units (money: minor units) */
  guint deal;            /* the caller's deal index, or G_MAXUINT */
  gint64 order;          /* the caller's key; events are paid in the order given */
  gboolean has_discount; /* the deal's discount beyond list is known */
  double discount;       /* then: a fraction, 0.15 = 15 % */
} GsPayEvent;

typedef struct
{
  GsPayEvent event;
  double ytd;        /* the measure year to date after the deal (measure units) */
  double attainment; /* ytd ÷ the person's annual quota for the measure (0 without one) */
  GsMoney commission;
  GsMoney true_up;
  GsMoney earned;                           /* commission to date after the deal */
  GsMoney month_commission[GS_COMP_MONTHS]; /* the deal's commission by month paid */
  GsMoney month_true_up[GS_COMP_MONTHS];
  /* The discount modifier per deal: the deal's pay — its own commission and
   * the true-up it triggers — × the multiplier of its discount band, the cut
   * rounded once per month (the true-up's part rounded on its own, the
   * commission's the rest); commission, true_up and their months include
   * it. */
  double multiplier;                      /* 1 when no discount table applies */
  GsMoney discount_cut;                   /* Σ month_discount, ≤ 0 */
  GsMoney month_discount[GS_COMP_MONTHS]; /* base × (multiplier − 1) */
} GsDealPay;

/* Pays n events in order for person (an index of role->people, or
 * GS_COMP_STANDARD_PERSON); every measure not in the events is 0.  Events
 * outside the comp year (month < 0 or ≥ 12) are refused.  Returns a GArray
 * of GsDealPay, one per event. */
GArray *
gs_deal_pay (const GsCompModel *comp, const GsCompRole *role, guint person,
             const GsPayEvent *events, guint n, GError **error);

/* The same, one event at a time: a payer holds a person's year so far.
 * totals: the commission to date (components, plan gate and cap) before the
 * per-deal discounts, the same without retroactive rules, by month landed,
 * and the discounts' cuts so far. */
typedef struct
{
  GsMoney earned;
  GsMoney plain;
  GsMoney month[GS_COMP_MONTHS];
  GsMoney cuts;
} GsDealPayerTotals;

typedef struct _GsDealPayer GsDealPayer;

GsDealPayer *
gs_deal_payer_new (const GsCompModel *comp, const GsCompRole *role, guint person);
void
gs_deal_payer_free (GsDealPayer *payer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsDealPayer, gs_deal_payer_free)

/* Pays the next event into *out (as gs_deal_pay would). */
gboolean
gs_deal_payer_pay (GsDealPayer *payer, const GsPayEvent *event, GsDealPay *out, GError **error);

/* Events on measure paid elsewhere (gs-pay-stream.h): the measure's months
 * become actual (the year so far, every event included), totals move by
 * delta, and the components those events change are paid again at the next
 * event. */
void
gs_deal_payer_skip (GsDealPayer *payer, GsMeasure measure, const double actual[GS_COMP_MONTHS],
                    const GsDealPayerTotals *delta);

const GsCompInput *
gs_deal_payer_input (const GsDealPayer *payer);
const GsDealPayerTotals *
gs_deal_payer_totals (const GsDealPayer *payer);

/* Appends to out (of GsCompDealDiscount) the discount lines of one paid
 * deal named deal (owned by the caller): each month its modifier took
 * something, with its commission and true-up that month before it. */
void
gs_deal_pay_append_discounts (GArray *out, const GsDealPay *pay, const char *deal);

/* The discount lines of paid deals (GsCompDealDiscount, each month a deal's
 * modifier took something), for GsCompInput.deal_discounts.  deal_id maps a
 * GsPayEvent.deal to its id (owned by the caller), may be NULL. */
GArray *
gs_deal_pay_discounts (const GArray *paid, const char *(*deal_id) (guint deal, gpointer data),
                       gpointer data);

G_END_DECLS
