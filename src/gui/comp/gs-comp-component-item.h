/* gs-comp-component-item.h — one component of a role, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan editor's components model holds one per component of the role it
 * shows.  An item records the component's shape — what the editor's rows are
 * built from (measure, table kind and bands, modifiers present, quota set) —
 * so that after an edit only a component whose shape changed is replaced in
 * the model (and its editor rebuilt); a value edit keeps the keyboard focus.
 */
#pragma once

#include <glib-object.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_COMPONENT_ITEM (gs_comp_component_item_get_type ())
G_DECLARE_FINAL_TYPE (GsCompComponentItem, gs_comp_component_item, GS, COMP_COMPONENT_ITEM, GObject)

GsCompComponentItem *
gs_comp_component_item_new (GsPlan *plan, guint role, guint component);
guint
gs_comp_component_item_get_role (GsCompComponentItem *self);
guint
gs_comp_component_item_get_component (GsCompComponentItem *self);
gboolean
gs_comp_component_item_same_shape (GsCompComponentItem *a, GsCompComponentItem *b);

G_END_DECLS
