/* gs-pay-months.c — a person's year month by month (gs-pay-months.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-pay-months.h"

void
gs_pay_months_free (GsPayMonths *months)
{
  if (months == NULL)
    return;
  g_free (months->component);
  g_free (months);
}

GsPayMonths *
gs_pay_months (const GsPayYear *y)
{
  GsPayMonths *out = g_new0 (GsPayMonths, 1);
  const GsCompRole *role = y->role;

  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *c = &g_array_index (y->credits, GsCreditLine, i);
      if (c->month < 0 || c->month >= GS_COMP_MONTHS)
        continue;
      out->months[c->month].n_credits++;
      out->months[c->month].credit += c->amount;
    }
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsPayEvent *e = &g_array_index (y->deals, GsDealPay, i).event;
      out->months[e->month].measure[e->measure] += e->amount;
    }
  for (guint i = 0; role && i < role->n_components; i++)
    {
      const GsCompComponent *c = &role->components[i];
      out->quota[c->measure] = gs_comp_person_quota (role, y->role_person, c->measure, c->quota);
    }
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    for (guint k = 0; k < GS_N_MEASURES; k++)
      {
        GsPayMonth *x = &out->months[m];
        x->measure_ytd[k] = (m > 0 ? out->months[m - 1].measure_ytd[k] : 0) + x->measure[k];
        x->attainment[k] = out->quota[k] > 0 ? x->measure_ytd[k] / out->quota[k] : 0;
      }
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      out->months[l->month].by_kind[l->kind] += l->amount;
      out->months[l->month].paid += l->amount;
      out->total += l->amount;
    }
  if (role && y->payout)
    {
      out->n_components = y->payout->n_components;
      out->component = g_new0 (GsMoney, (gsize) MAX (out->n_components, 1) * GS_COMP_MONTHS);
      for (guint i = 0; i < out->n_components; i++)
        {
          const GsCompComponentPayout *c = &y->payout->components[i];
          guint n = gs_period_count (c->component->period), len = GS_COMP_MONTHS / n;
          /* A period is paid in its last month. */
          for (guint p = 0; p < n; p++)
            out->component[i * GS_COMP_MONTHS + (p + 1) * len - 1] = c->periods[p];
        }
    }
  return out;
}
