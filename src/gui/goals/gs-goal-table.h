/* gs-goal-table.h — one side's goals by month and by quarter.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the goal lines of one side (marketing or sales) and the shared lines
 * both sides own, each cell a GsFigure with its derivation.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_GOAL_TABLE (gs_goal_table_get_type ())
G_DECLARE_FINAL_TYPE (GsGoalTable, gs_goal_table, GS, GOAL_TABLE, GtkWidget)

GtkWidget *
gs_goal_table_new (GsSide side);
void
gs_goal_table_update (GsGoalTable *self, GsPlan *plan, const GsResult *result,
                      const GsResult *baseline);
GtkWidget *
gs_goal_table_get_figure (GsGoalTable *self, const char *line_id, int month);
GListModel *
gs_goal_table_get_lines (GsGoalTable *self);

G_END_DECLS
