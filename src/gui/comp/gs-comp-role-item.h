/* gs-comp-role-item.h — one role of the compensation plan, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role list's model holds one per role, made from the engine's decoded
 * role; updating it from a newer decode notifies only what changed, so rows
 * bound to its properties follow edits without being rebuilt.
 */
#pragma once

#include <glib-object.h>
#include "gs-comp.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_ROLE_ITEM (gs_comp_role_item_get_type ())
G_DECLARE_FINAL_TYPE (GsCompRoleItem, gs_comp_role_item, GS, COMP_ROLE_ITEM, GObject)

GsCompRoleItem *
gs_comp_role_item_new (const GsCompRole *role);
void
gs_comp_role_item_update (GsCompRoleItem *self, const GsCompRole *role);
const char *
gs_comp_role_item_get_id (GsCompRoleItem *self);
const char *
gs_comp_role_item_get_name (GsCompRoleItem *self);
/* "Sales · 8 people" */
const char *
gs_comp_role_item_get_detail (GsCompRoleItem *self);
gboolean
gs_comp_role_item_get_marketing (GsCompRoleItem *self);

G_END_DECLS
