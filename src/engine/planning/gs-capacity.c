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

/* Expected values: a cohort of n hired in month h still has n × (1 − a)^(m − h)
 * people in month m, each producing quota / 12 × ramp × attainment.  The
 * start headcount counts as fully ramped.  Money is rounded once per month. */
void
gs_compute_capacity (const GsModel *m, GsResult *r, guint extra_aes, guint extra_month)
{
  const GsAeCapacity *ae = &m->ae;
  const GsSdrCapacity *sdr = &m->sdr;
  guint H = r->horizon;
  double monthly_quota = (double) ae->quota / 12.0;

  if (r->ae_capacity == NULL)
    {
      r->ae_headcount = g_new0 (double, H);
      r->ae_ramped = g_new0 (double, H);
      r->ae_hired = g_new0 (gint64, H);
      r->ae_capacity = g_new0 (GsMoney, H);
      r->sdr_capacity = g_new0 (double, H);
      r->sdr_productive = g_new0 (double, H);
      r->sqls_needed = g_new0 (gint64, H);
    }
  for (guint mo = 0; mo < H; mo++)
    {
      double survive0 = pow (1 - ae->attrition, mo);
      double present = ae->start_headcount * survive0;
      double ramped = present;
      gint64 hired = ae->start_headcount;

      for (guint h = 0; h <= ae->n_hires; h++)
        {
          guint count = h < ae->n_hires ? ae->hires[h].count : extra_aes;
          guint month = h < ae->n_hires ? ae->hires[h].month : extra_month;
          double n;
          if (count == 0 || month > mo)
            continue;
          n = count * pow (1 - ae->attrition, mo - month);
          present += n;
          ramped += n * ramp_at (ae, mo - month);
          hired += count;
        }
      r->ae_headcount[mo] = present;
      r->ae_ramped[mo] = ramped;
      r->ae_hired[mo] = hired;
      r->ae_capacity[mo] = gs_money_round (ramped * monthly_quota * ae->attainment);

      {
        double sdrs = sdr->start_headcount; /* on staff before the plan: productive */
        for (guint h = 0; h < sdr->n_hires; h++)
          if (sdr->hires[h].month + sdr->ramp_months <= mo)
            sdrs += sdr->hires[h].count;
        r->sdr_productive[mo] = sdrs;
        r->sdr_capacity[mo] = sdrs * sdr->sqls_per_month;
      }
      r->sqls_needed[mo] = r->needed ? gs_result_needed_total (r, m->handoff + 1, r->n_pre + mo) : 0;
    }
}
