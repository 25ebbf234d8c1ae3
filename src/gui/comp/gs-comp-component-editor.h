/* gs-comp-component-editor.h — one component of a role's plan, edited.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, measure, weight, quota, period, the rate table and the modifiers
 * (accelerators, decelerator, gate, cap) of one component, as a preferences
 * group.  Built for the component's shape (gs-comp-component-item.h); figures
 * derived from values (target incentive, default quota) follow refresh().
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_COMPONENT_EDITOR (gs_comp_component_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsCompComponentEditor, gs_comp_component_editor, GS, COMP_COMPONENT_EDITOR,
                      GtkWidget)

GtkWidget *
gs_comp_component_editor_new (GsPlan *plan, guint role, guint component);
void
gs_comp_component_editor_refresh (GsCompComponentEditor *self);

G_END_DECLS
