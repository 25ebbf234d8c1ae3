/* gs-comp-resolve.c — the decoded compensation plans with their default
 * quotas filled from the computed goal sheets.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-resolve.h"

/* The quota of a measure for a role: a component measuring it, else the
 * plan's default (0 when neither; decoding refused such a gate). */
static double
measure_quota (const GsModel *m, const GsResult *r, const GsCompRole *role, GsMeasure measure)
{
  double q = 0;
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].measure == measure && role->components[i].quota > 0)
      return role->components[i].quota;
  if (!gs_comp_default_quota (m, r, role->kind, measure, &q))
    return 0;
  return q;
}

static void
resolve_role (const GsModel *m, const GsResult *r, GsCompRole *role)
{
  for (guint i = 0; i < role->n_components; i++)
    {
      GsCompComponent *c = &role->components[i];
      if (c->quota_default == GS_QUOTA_SET)
        continue;
      /* FALSE leaves 0: decoding refused a component with no default. */
      gs_comp_default_quota (m, r, role->kind, c->measure, &c->quota);
    }
  /* Gates read the role's quotas once every component has its own. */
  for (guint i = 0; i < role->n_components; i++)
    {
      GsGate *g = &role->components[i].gate;
      if (g->present && !g->quota_set)
        g->quota = measure_quota (m, r, role, g->measure);
    }
  if (role->gate.present && !role->gate.quota_set)
    role->gate.quota = measure_quota (m, r, role, role->gate.measure);
  for (guint i = 0; i < role->n_people; i++)
    {
      GsCompPerson *p = &role->people[i];
      p->quota_scale = p->quota > 0 && role->components[0].quota > 0
                           ? p->quota / role->components[0].quota
                           : 1.0;
    }
}

/* Pay that matches the plan (docs/compensation.md, "At plan"): who is paid
 * for how long, and the attainment the plan's own figures imply.  A plan
 * shorter than the comp year lets its last month stand for the rest. */
static void
resolve_at_plan (const GsModel *m, const GsResult *r, GsCompModel *comp)
{
  guint Y = MIN (GS_COMP_MONTHS, r->horizon);
  GsMoney quota_months[12], carried = 0, marketing = 0, marketing_goal = 0;
  double ramped_quota = 0, ae_years = 0, sdr_years = 0;
  const GsGoalLine *sourced = gs_result_line (r, "marketing.sourced_bookings");

  gs_money_split_year (m->ae.quota, NULL, quota_months);
  for (guint mo = 0; mo < GS_COMP_MONTHS; mo++)
    {
      guint k = MIN (mo, r->horizon - 1);
      double sdrs = m->sdr.start_headcount;
      for (guint h = 0; h < m->sdr.n_hires; h++)
        if (m->sdr.hires[h].month <= k)
          sdrs += m->sdr.hires[h].count;
      ae_years += r->ae_headcount[k];
      sdr_years += sdrs;
    }
  /* Months added first, then years: 30 person-months are exactly 2.5. */
  ae_years /= GS_COMP_MONTHS;
  sdr_years /= GS_COMP_MONTHS;
  for (guint mo = 0; mo < Y; mo++)
    {
      comp->plan_new_business += r->new_business_month[mo];
      comp->plan_delivered += r->plan_month[mo];
      carried += r->plan_month[mo] - r->existing_month[mo];
      /* Each AE's quota ramps with them: the ramped quota the team carries. */
      ramped_quota += r->ae_ramped[mo] * (double) quota_months[mo % 12];
      marketing += r->owner_bookings[(gsize) GS_OWNER_MARKETING * r->horizon + mo];
      if (sourced)
        marketing_goal += sourced->months[r->n_pre + mo].amount;
    }
  comp->plan_carried = carried;
  comp->plan_ramped_quota = ramped_quota;
  comp->plan_marketing = marketing;
  comp->plan_marketing_goal = marketing_goal;
  for (guint i = 0; i < GS_N_MEASURES; i++)
    comp->plan_attainment[i] = 1.0;
  if (ramped_quota > 0)
    comp->plan_attainment[GS_MEASURE_OWN_BOOKINGS] = comp->plan_attainment[GS_MEASURE_TEAM_BOOKINGS]
        = (double) carried / ramped_quota;
  if (comp->plan_bookings > 0)
    comp->plan_attainment[GS_MEASURE_COMPANY_BOOKINGS]
        = (double) comp->plan_delivered / (double) comp->plan_bookings;
  if (marketing_goal > 0)
    comp->plan_attainment[GS_MEASURE_MARKETING_SOURCED_BOOKINGS]
        = (double) marketing / (double) marketing_goal;
  for (guint i = 0; i < comp->n_roles; i++)
    {
      GsCompRole *role = &comp->roles[i];
      role->paid_years = role->headcount;
      if (role->headcount_from == GS_HEADCOUNT_CAPACITY)
        role->paid_years = role->kind == GS_ROLE_AE ? ae_years : sdr_years;
    }
}

GsCompModel *
gs_comp_resolve (const GsModel *model, const GsResult *result)
{
  GsCompModel *comp;
  double q;

  g_return_val_if_fail (model != NULL && result != NULL, NULL);
  if (model->comp == NULL)
    return NULL;
  comp = gs_comp_model_dup (model->comp);
  for (guint i = 0; i < comp->n_roles; i++)
    resolve_role (model, result, &comp->roles[i]);
  if (gs_comp_default_quota (model, result, GS_ROLE_MANAGER, GS_MEASURE_COMPANY_BOOKINGS, &q))
    comp->plan_bookings = gs_money_round (q);
  resolve_at_plan (model, result, comp);
  comp->resolved = TRUE;
  return comp;
}
