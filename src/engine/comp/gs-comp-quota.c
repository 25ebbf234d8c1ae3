/* gs-comp-quota.c — default quotas for compensation plans, read from the
 * plan's goal sheets so pay and goals are the same numbers.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp.h"

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

static guint
hired (guint start, const GsHire *hires, guint n)
{
  for (guint i = 0; i < n; i++)
    start += hires[i].count;
  return start;
}

gboolean
gs_comp_default_quota (const GsModel *m, const GsResult *r, GsRoleKind kind, GsMeasure measure,
                       double *quota, char **source)
{
  guint sdrs = MAX (1, hired (m->sdr.start_headcount, m->sdr.hires, m->sdr.n_hires));
  guint aes = hired (m->ae.start_headcount, m->ae.hires, m->ae.n_hires);
  double q = -1;
  const char *why = NULL;
  g_autofree char *owned = NULL;

  switch (measure)
    {
    case GS_MEASURE_OWN_BOOKINGS:
      if (kind == GS_ROLE_AE)
        q = (double) m->ae.quota, why = "capacity.ae.quota";
      break;
    case GS_MEASURE_TEAM_BOOKINGS:
      q = (double) m->ae.quota * aes;
      why = owned = g_strdup_printf ("capacity.ae.quota × %u AEs on the plan", aes);
      break;
    case GS_MEASURE_COMPANY_BOOKINGS:
      q = line_year (r, "shared.target"), why = "goal line shared.target (the company target)";
      break;
    case GS_MEASURE_SOURCED_PIPELINE:
      if (kind == GS_ROLE_MARKETING)
        q = line_year (r, "marketing.sourced_pipeline"),
        why = "goal line marketing.sourced_pipeline";
      else if (kind == GS_ROLE_SDR && m->n_stages >= 2)
        {
          q = owned_volume (m, r, GS_OWNER_SALES, m->n_stages - 2) * (double) m->deal_size / sdrs;
          why = owned = g_strdup_printf ("sales-sourced pipeline needed ÷ %u SDRs", sdrs);
        }
      break;
    case GS_MEASURE_MARKETING_SOURCED_BOOKINGS:
      q = line_year (r, "marketing.sourced_bookings"), why = "goal line marketing.sourced_bookings";
      break;
    case GS_MEASURE_MQLS_DELIVERED:
      {
        g_autofree char *id = g_strdup_printf ("marketing.stage.%s", m->stages[m->handoff].id);
        q = line_year (r, id);
        why = owned = g_strdup_printf ("goal line %s", id);
      }
      break;
    case GS_MEASURE_SQLS_ACCEPTED:
      if (kind == GS_ROLE_MARKETING && m->handoff + 1 < m->n_stages)
        {
          q = owned_volume (m, r, GS_OWNER_MARKETING, m->handoff + 1);
          why = "marketing-sourced SQLs needed (reverse funnel)";
        }
      else if (kind == GS_ROLE_SDR)
        q = m->sdr.sqls_per_month * GS_COMP_MONTHS, why = "capacity.sdr.sqls_per_month × 12";
      break;
    case GS_MEASURE_MEETINGS_HELD:
      if (kind == GS_ROLE_SDR)
        q = m->sdr.sqls_per_month * GS_COMP_MONTHS, why = "capacity.sdr.sqls_per_month × 12";
      break;
    case GS_MEASURE_MQL_FOLLOWUP_SLA:
      q = m->agreements.acceptance_rate, why = "agreements.acceptance_rate";
      break;
    case GS_MEASURE_GROSS_MARGIN:
    case GS_N_MEASURES:
    default:
      break;
    }
  /* No such figure for this role; a figure of zero (no sales-owned source,
   * say) is a quota of zero, which pays nothing rather than refusing the plan. */
  if (why == NULL)
    return FALSE;
  q = MAX (q, 0);
  if (gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY)
    q = (double) gs_money_round (q);
  *quota = q;
  if (source)
    *source = g_strdup (why);
  return TRUE;
}
