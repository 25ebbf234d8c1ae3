/* gs-comp-resolve.h — default quotas, resolved after the goal sheets compute.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decoded compensation section (model->comp) leaves the quotas the plan
 * does not set unresolved.  gs_comp_resolve reads them from the computed
 * GsResult — the same numbers as the goal sheets — into a resolved copy,
 * with everything derived from them: gate quotas taken from the role's
 * quotas, people's quota scales, the plan's bookings target.  Only a
 * resolved GsCompModel pays (gs-comp-payout.h).  GsPlan keeps one next to
 * its result (gs_plan_get_comp).
 */
#pragma once

#include "gs-comp.h"
#include "gs-result.h"

G_BEGIN_DECLS

/* The resolved compensation plans of model, whose goal sheets are result; a
 * new reference, NULL when the plan has no compensation section. */
GsCompModel *
gs_comp_resolve (const GsModel *model, const GsResult *result);

/* Default quota (per person, annual) for a measure on a role, from the plan's
 * goal sheets; FALSE when the plan has no such figure for the role
 * (gs_comp_quota_default is GS_QUOTA_NONE).  The quota may be 0 (the figure
 * exists but the plan needs none).  Money is rounded to the minor unit.
 * Where it comes from, in words: gs_explain_quota_source (gs-explain-comp.h). */
gboolean
gs_comp_default_quota (const GsModel *model, const GsResult *result, GsRoleKind kind,
                       GsMeasure measure, double *quota);

G_END_DECLS
