/* gs-comp-structure.h — roles and components added, removed, duplicated and
 * reordered.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is one undoable change of the plan, checked by decoding it and
 * refused in words (the plan is then unchanged).  Scenarios follow: an
 * override of a moved role or component moves with it, one of a removed one
 * goes (gs_scenarios_remap_paths).  Weights of a role's components always add
 * up to 100 % (the plan refuses anything else), so a structural edit keeps
 * them there: a new component comes in at 0 %, a duplicate takes half of its
 * original's weight, a removed component's weight goes to the others in
 * proportion to theirs (docs/compensation.md, "Designing a plan in the
 * window").
 */
#pragma once

#include "gs-comp.h"
#include "gs-plan.h"

G_BEGIN_DECLS

/* A new role at the end: "New role", kind ae, OTE 100,000 in the plan's
 * currency at a 50 % mix, headcount 1 (set, so it does not take the capacity
 * plan's AEs), one component on own bookings paying flat 1 quarterly.  Its
 * index in *index when not NULL. */
gboolean
gs_comp_add_role (GsPlan *plan, guint *index, GError **error);
/* Refused for the plan's last role and for a role the roster or the CRM
 * import puts people on (naming them). */
gboolean
gs_comp_remove_role (GsPlan *plan, guint role, GError **error);
/* A copy right after it: "AE (copy)", id "ae-copy". */
gboolean
gs_comp_duplicate_role (GsPlan *plan, guint role, GError **error);
/* Role `role` to position `to` (the others keep their order). */
gboolean
gs_comp_move_role (GsPlan *plan, guint role, guint to, GError **error);

/* A component at the end of the role, at weight 0 %, paying flat 1 quarterly
 * on the first measure the role does not pay on yet that has a quota for it
 * (company bookings when every one is taken). */
gboolean
gs_comp_add_component (GsPlan *plan, guint role, guint *index, GError **error);
/* Refused for the role's last component, and when the role's people have
 * their own quotas and the first component would change measure. */
gboolean
gs_comp_remove_component (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_duplicate_component (GsPlan *plan, guint role, guint component, GError **error);
gboolean
gs_comp_move_component (GsPlan *plan, guint role, guint component, guint to, GError **error);

G_END_DECLS
