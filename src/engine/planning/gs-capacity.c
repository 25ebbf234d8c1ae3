/* gs-capacity.c — what the sales team can carry: AEs with ramp, attainment
 * and attrition, and the SQLs (meetings) the SDRs can produce.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-compute-private.h"

#include <math.h>

static double
ramp_at (const GsAeCapacity *ae, guint months_since_hire)
{
  return months_since_hire < ae->n_ramp ? ae->ramp[months_since_hire] : 1.0;
}

/* The share of a cohort still on staff d months after it started,
 * (1 − attrition)^d, for d < n: one pow per month instead of one per
 * cohort and month (the same values, so the same figures). */
void
gs_compute_survival (const GsModel *m, guint n, double *survive)
{
  for (guint d = 0; d < n; d++)
    survive[d] = pow (1 - m->ae.attrition, d);
}

/* What ramped fully-ramped equivalents carry in a month: money rounded once. */
static GsMoney
carried (const GsAeCapacity *ae, double ramped)
{
  double monthly_quota = (double) ae->quota / 12.0;
  return gs_money_round (ramped * monthly_quota * ae->attainment);
}

/* Expected values: a cohort of n hired in month h still has n × (1 − a)^(m − h)
 * people in month m, each producing quota / 12 × ramp × attainment.  The
 * start headcount counts as fully ramped.  Money is rounded once per month. */
void
gs_compute_capacity (const GsModel *m, GsResult *r)
{
  const GsAeCapacity *ae = &m->ae;
  const GsSdrCapacity *sdr = &m->sdr;
  guint H = r->horizon;
  g_autofree double *survive = g_new (double, MAX (H, 1));

  gs_compute_survival (m, H, survive);
  r->ae_headcount = g_new0 (double, H);
  r->ae_ramped = g_new0 (double, H);
  r->ae_hired = g_new0 (gint64, H);
  r->ae_capacity = g_new0 (GsMoney, H);
  r->sdr_capacity = g_new0 (double, H);
  r->sdr_productive = g_new0 (double, H);
  r->sqls_needed = g_new0 (gint64, H);
  for (guint mo = 0; mo < H; mo++)
    {
      double present = ae->start_headcount * survive[mo];
      double ramped = present;
      gint64 hired = ae->start_headcount;

      for (guint h = 0; h < ae->n_hires; h++)
        {
          guint count = ae->hires[h].count;
          guint month = ae->hires[h].month;
          double n;
          if (count == 0 || month > mo)
            continue;
          n = count * survive[mo - month];
          present += n;
          ramped += n * ramp_at (ae, mo - month);
          hired += count;
        }
      r->ae_headcount[mo] = present;
      r->ae_ramped[mo] = ramped;
      r->ae_hired[mo] = hired;
      r->ae_capacity[mo] = carried (ae, ramped);

      {
        double sdrs = sdr->start_headcount; /* on staff before the plan: productive */
        for (guint h = 0; h < sdr->n_hires; h++)
          if (sdr->hires[h].month + sdr->ramp_months <= mo)
            sdrs += sdr->hires[h].count;
        r->sdr_productive[mo] = sdrs;
        r->sdr_capacity[mo] = sdrs * sdr->sqls_per_month;
      }
      r->sqls_needed[mo] = gs_result_needed_total (r, m->handoff + 1, r->n_pre + mo);
    }
}

/* The plan's hires are r->ae_ramped; the extra cohort is added last, as a
 * last hire batch would be, so the sums are the same to the bit. */
void
gs_compute_capacity_extra (const GsModel *m, const GsResult *r, const double *survive,
                           guint extra_aes, guint extra_month, GsMoney *capacity)
{
  const GsAeCapacity *ae = &m->ae;
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      double ramped = r->ae_ramped[mo];
      if (extra_aes > 0 && extra_month <= mo)
        {
          double n = extra_aes * survive[mo - extra_month];
          ramped += n * ramp_at (ae, mo - extra_month);
        }
      capacity[mo] = carried (ae, ramped);
    }
}
