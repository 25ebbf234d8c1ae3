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
  g_free (months->component_total);
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
  {
    GsMoney by_month[GS_COMP_MONTHS][GS_PAY_N_KINDS] = { { 0 } };
    double measure[GS_COMP_MONTHS][GS_N_MEASURES] = { { 0 } };
    /* A shared run's deals and lines are summed without reading them one
     * by one (gs-statement.h). */
    gs_pay_year_sums (y, by_month, measure);
    for (guint m = 0; m < GS_COMP_MONTHS; m++)
      {
        for (guint k = 0; k < GS_N_MEASURES; k++)
          out->months[m].measure[k] += measure[m][k];
        for (guint k = 0; k < GS_PAY_N_KINDS; k++)
          {
            out->months[m].by_kind[k] += by_month[m][k];
            out->months[m].paid += by_month[m][k];
            out->total += by_month[m][k];
          }
      }
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
  /* The year's row: the months added in order (so a measure's sum is the
   * same double as December's measure_ytd). */
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      const GsPayMonth *x = &out->months[m];
      out->year.n_credits += x->n_credits;
      out->year.credit += x->credit;
      out->year.paid += x->paid;
      for (guint k = 0; k < GS_N_MEASURES; k++)
        out->year.measure[k] += x->measure[k];
      for (guint k = 0; k < GS_PAY_N_KINDS; k++)
        out->year.by_kind[k] += x->by_kind[k];
    }
  for (guint k = 0; k < GS_N_MEASURES; k++)
    {
      out->year.measure_ytd[k] = out->months[GS_COMP_MONTHS - 1].measure_ytd[k];
      out->year.attainment[k] = out->months[GS_COMP_MONTHS - 1].attainment[k];
    }
  if (role && y->payout)
    {
      out->n_components = y->payout->n_components;
      out->component = g_new0 (GsMoney, (gsize) MAX (out->n_components, 1) * GS_COMP_MONTHS);
      out->component_total = g_new0 (GsMoney, MAX (out->n_components, 1));
      for (guint i = 0; i < out->n_components; i++)
        {
          const GsCompComponentPayout *c = &y->payout->components[i];
          guint n = gs_period_count (c->component->period), len = GS_COMP_MONTHS / n;
          /* A period is paid in its last month. */
          for (guint p = 0; p < n; p++)
            {
              out->component[i * GS_COMP_MONTHS + (p + 1) * len - 1] = c->periods[p];
              out->component_total[i] += c->periods[p];
            }
        }
    }
  return out;
}
