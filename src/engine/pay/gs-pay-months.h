/* gs-pay-months.h — a person's year of pay month by month: what the
 * Statements sheet shows, one column per month.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is the year's (gs-statement.h) cut by month: the credit
 * lines dated in the month, the measures credited in it and to its end, the
 * attainment to date against the person's annual quota (as a statement of
 * that month has it), each component's pay for a period placed in the
 * period's last month (as gs_comp_payout pays it), and the commission lines
 * by kind.  Σ months of paid = the year's total.
 */
#pragma once

#include "gs-statement.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_credits;                   /* the person's credit lines dated in the month */
  GsMoney credit;                    /* Σ their amounts */
  double measure[GS_N_MEASURES];     /* credited in the month (measure units) */
  double measure_ytd[GS_N_MEASURES]; /* to the month's end */
  double attainment[GS_N_MEASURES];  /* measure_ytd ÷ quota; 0 without a quota */
  GsMoney by_kind[GS_PAY_N_KINDS];   /* the month's commission lines by kind */
  GsMoney paid;                      /* Σ the month's lines */
} GsPayMonth;

typedef struct
{
  GsPayMonth months[GS_COMP_MONTHS];
  double quota[GS_N_MEASURES]; /* the person's annual quota, 0 where the role has none */
  guint n_components;          /* the role's; 0 without a role */
  GsMoney *component;          /* [c × GS_COMP_MONTHS + month]: component c's pay of the period
                                * ending in the month (payout->components[c].periods) */
  GsMoney *component_total;    /* [c]: Σ component c's months */
  GsPayMonth year;             /* the year's sums of the months: n_credits, credit, measure,
                                * by_kind, paid; measure_ytd and attainment are December's */
  GsMoney total;               /* Σ paid = year->total */
} GsPayMonths;

GsPayMonths *
gs_pay_months (const GsPayYear *year);
void
gs_pay_months_free (GsPayMonths *months);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPayMonths, gs_pay_months_free)

G_END_DECLS
