/* gs-comp-quota.c — default quotas for compensation plans, read from the
 * plan's goal sheets so pay and goals are the same numbers.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-resolve.h"

/* The comp year: the first 12 months of the plan (fewer if the horizon is). */
static guint
year_months (const GsResult *r)
{
  return MIN (GS_COMP_MONTHS, r->horizon);
}

static double
line_year (const GsResult *r, const char *id)
{
  const GsGoalLine *line = gs_result_line (r, id);
  double sum = 0;
  if (line == NULL)
    return 0;
  for (guint i = 0; i < year_months (r); i++)
    sum += (double) line->months[r->n_pre + i].amount;
  return sum;
}

/* Volume at stage k over the comp year from sources of one owner. */
static double
owned_volume (const GsModel *m, const GsResult *r, GsOwner owner, guint k)
{
  double sum = 0;
  for (guint j = 0; j < m->n_sources; j++)
    if (m->sources[j].owner == owner && m->sources[j].entry_stage <= k)
      for (guint i = 0; i < year_months (r); i++)
        sum += (double) gs_result_needed (r, j, k, r->n_pre + i);
  return sum;
}

gboolean
gs_comp_default_quota (const GsModel *m, const GsResult *r, GsRoleKind kind, GsMeasure measure,
                       double *quota)
{
  guint sdrs = MAX (1, gs_comp_plan_headcount (m, GS_ROLE_SDR));
  guint aes = gs_comp_plan_headcount (m, GS_ROLE_AE);
  double q = 0;

  switch (gs_comp_quota_default (m, kind, measure))
    {
    case GS_QUOTA_AE_QUOTA:
      q = (double) m->ae.quota;
      break;
    case GS_QUOTA_TEAM:
      q = (double) m->ae.quota * aes;
      break;
    case GS_QUOTA_COMPANY_TARGET:
      q = line_year (r, "shared.target");
      break;
    case GS_QUOTA_MARKETING_PIPELINE:
      q = line_year (r, "marketing.sourced_pipeline");
      break;
    case GS_QUOTA_SDR_PIPELINE:
      q = owned_volume (m, r, GS_OWNER_SALES, m->n_stages - 2) * (double) m->deal_size / sdrs;
      break;
    case GS_QUOTA_MARKETING_BOOKINGS:
      q = line_year (r, "marketing.sourced_bookings");
      break;
    case GS_QUOTA_MQLS:
      {
        g_autofree char *id = g_strdup_printf ("marketing.stage.%s", m->stages[m->handoff].id);
        q = line_year (r, id);
      }
      break;
    case GS_QUOTA_MARKETING_SQLS:
      q = owned_volume (m, r, GS_OWNER_MARKETING, m->handoff + 1);
      break;
    case GS_QUOTA_SDR_CAPACITY:
      q = m->sdr.sqls_per_month * GS_COMP_MONTHS;
      break;
    case GS_QUOTA_SLA:
      q = m->agreements.acceptance_rate;
      break;
    case GS_QUOTA_SET:
    case GS_QUOTA_NONE:
    default:
      return FALSE;
    }
  /* A figure of zero (no sales-owned source, say) is a quota of zero, which
   * pays nothing rather than refusing the plan. */
  q = MAX (q, 0);
  if (gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY)
    q = (double) gs_money_round (q);
  *quota = q;
  return TRUE;
}
