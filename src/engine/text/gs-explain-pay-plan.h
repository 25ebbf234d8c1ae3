/* gs-explain-pay-plan.h — a role's whole pay plan in words, for a page
 * finance signs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of the plan, as decoded and resolved: pay and mix, each
 * component's measure, weight, quota and where it comes from, period,
 * attainment, every band of its rate table, accelerator tiers, decelerator,
 * gate, cap and discount modifier; then the role's own gate and cap, SPIFs,
 * draw and clawback.  Rows of a label and a sentence, in the plan's order;
 * the printed goal sheet lays them out as a table (gs-report.c).  Figures are
 * the model's; money is in the plan's currency.
 */
#pragma once

#include "gs-comp.h"

G_BEGIN_DECLS

typedef struct
{
  char *label;      /* "Pay", a component's name, "SPIF", "Draw", … */
  char *text;       /* one or more sentences */
  gboolean heading; /* a component's first row: printed as a sub-heading */
} GsPayPlanRow;

/* A GPtrArray of GsPayPlanRow* (freed with the array).  comp must be
 * resolved (quotas filled). */
GPtrArray *
gs_explain_pay_plan (const GsModel *model, const GsCompModel *comp, const GsCompRole *role);

G_END_DECLS
