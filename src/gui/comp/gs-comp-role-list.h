/* gs-comp-role-list.h — the Compensation page's list of roles.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar list box bound to a GListStore of GsCompRoleItem.  Setting the
 * roles from a newer decode updates the items in place (rows follow their
 * properties) and replaces only the items whose role changed identity.  The
 * selected role is the "selected" property.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-comp.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_ROLE_LIST (gs_comp_role_list_get_type ())
G_DECLARE_FINAL_TYPE (GsCompRoleList, gs_comp_role_list, GS, COMP_ROLE_LIST, GtkWidget)

void
gs_comp_role_list_set_roles (GsCompRoleList *self, const GsCompModel *comp);
GListModel *
gs_comp_role_list_get_model (GsCompRoleList *self);
guint
gs_comp_role_list_get_selected (GsCompRoleList *self);
void
gs_comp_role_list_set_selected (GsCompRoleList *self, guint index);
/* The buttons under the list (actions "roles.add", "roles.duplicate",
 * "roles.up", "roles.down", "roles.remove" of the page) say which role they
 * act on. */
void
gs_comp_role_list_name_actions (GsCompRoleList *self, const char *role);

G_END_DECLS
