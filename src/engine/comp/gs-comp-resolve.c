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
  comp->resolved = TRUE;
  return comp;
}
