/* gs-scenario-table.h — the plan's scenarios side by side (Scenarios page).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the engine's comparison (gs_comparison_new) of the headline figures
 * and the main goal lines for "base" and every scenario in the plan file;
 * the widget only lays the engine's formatted figures out, one column per
 * scenario (a GListModel of GsScenarioColumn).
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"
#include "gs-scenario-odds.h"

G_BEGIN_DECLS

/* Columns shown at most, base included (the rest: Excel export, CLI). */
#define GS_SCENARIO_TABLE_MAX_COLUMNS 50

#define GS_TYPE_SCENARIO_TABLE (gs_scenario_table_get_type ())
G_DECLARE_FINAL_TYPE (GsScenarioTable, gs_scenario_table, GS, SCENARIO_TABLE, GtkWidget)

GtkWidget *
gs_scenario_table_new (void);
/* After each edit: the scenarios are computed again, in a worker thread,
 * when the table is (or next comes) on screen. */
void
gs_scenario_table_update (GsScenarioTable *self, GsPlan *plan);
gboolean
gs_scenario_table_is_busy (GsScenarioTable *self);
GListModel *
gs_scenario_table_get_scenarios (GsScenarioTable *self);
/* Adds each scenario's P(hit) as the last row (NULL: takes it away). */
void
gs_scenario_table_set_odds (GsScenarioTable *self, const GsScenarioOdds *odds);

G_END_DECLS
