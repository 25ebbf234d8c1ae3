/* gs-actuals-edits.h — the plan's actuals replaced in one undoable step.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app imports a CRM export into a copy of the actuals (gs-crm-import.h)
 * and, once the user has seen the preview, puts the copy into the plan:
 * records, mapping and roster together, with the format's minor version
 * raised to the one that holds actuals — one edit, so one Undo takes the
 * whole import back.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-plan.h"

G_BEGIN_DECLS

gboolean
gs_plan_set_actuals (GsPlan *plan, const GsActualsData *data, GError **error);
/* The same, but data's deals and leads become the plan's store without a
 * copy: data keeps none once the store is made (an import about to end). */
gboolean
gs_plan_take_actuals (GsPlan *plan, GsActualsData *data, GError **error);

/* Stores mapping as actuals.mapping and nothing else: the records stay as
 * they are (a plan without actuals gets the section, empty but for the
 * mapping, at format 1.1).  One undoable step; the next import reads it. */
gboolean
gs_plan_set_actuals_mapping (GsPlan *plan, const GsActualsMapping *mapping, GError **error);

/* One person of the roster: name, role id and annual quota (0 = the
 * role's), each one undoable edit of actuals.people[index]. */
gboolean
gs_plan_set_person_name (GsPlan *plan, guint index, const char *name, GError **error);
gboolean
gs_plan_set_person_role (GsPlan *plan, guint index, const char *role, GError **error);
gboolean
gs_plan_set_person_quota (GsPlan *plan, guint index, GsMoney quota, GError **error);

G_END_DECLS
