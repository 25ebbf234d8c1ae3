/* gs-comp-plan-editor.h — one role's compensation plan, edited.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role's pay (name, OTE, pay mix, headcount), its components — a
 * GListModel of GsCompComponentItem, one GsCompComponentEditor each — and the
 * whole role's gate, cap, SPIFs, draw and clawback.  Every edit is the
 * engine's (gs-comp-edits.h); a refused one shows the engine's message at the
 * top ("comp.error").  After an edit only the parts whose shape changed are
 * rebuilt, so a value edit keeps the keyboard focus where it is.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_PLAN_EDITOR (gs_comp_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsCompPlanEditor, gs_comp_plan_editor, GS, COMP_PLAN_EDITOR, GtkWidget)

/* Shows role of plan (plan NULL: nothing), or follows an edit of it. */
void
gs_comp_plan_editor_show (GsCompPlanEditor *self, GsPlan *plan, guint role);
GListModel *
gs_comp_plan_editor_get_components (GsCompPlanEditor *self);
/* The role's SPIFs (GtkStringObjects: their ids), one block each in the
 * "Whole role" group. */
GListModel *
gs_comp_plan_editor_get_spifs (GsCompPlanEditor *self);
void
gs_comp_plan_editor_show_error (GsCompPlanEditor *self, const char *message);
GtkWidget *
gs_comp_plan_editor_find_field (GsCompPlanEditor *self, const char *path);

G_END_DECLS
