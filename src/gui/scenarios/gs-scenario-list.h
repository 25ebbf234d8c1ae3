/* gs-scenario-list.h — the plan's scenarios, made and changed in the window
 * (Scenarios page).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of GsScenarioItem bound to a boxed list: each scenario a row
 * with its name, description, P(hit) against base and, expanded, its
 * overrides as fields edited in place, Rename, Apply to Plan and Delete.
 * "Save Changes as Scenario" keeps the unsaved edits as a new scenario.
 * Every change is an engine edit (gs-scenario-edits.h), so it undoes; a
 * refusal is shown under the heading in the engine's words.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"
#include "gs-scenario-odds.h"

G_BEGIN_DECLS

#define GS_TYPE_SCENARIO_LIST (gs_scenario_list_get_type ())
G_DECLARE_FINAL_TYPE (GsScenarioList, gs_scenario_list, GS, SCENARIO_LIST, GtkWidget)

GtkWidget *
gs_scenario_list_new (void);
/* After every edit: cheap (reads the plan's scenarios list, no compute). */
void
gs_scenario_list_update (GsScenarioList *self, GsPlan *plan);
/* Each scenario's P(hit) from one run (NULL: none, or stale after an edit). */
void
gs_scenario_list_set_odds (GsScenarioList *self, const GsScenarioOdds *odds);
GListModel *
gs_scenario_list_get_scenarios (GsScenarioList *self);

/* The dialogs and edits behind the buttons (also the window's actions). */
void
gs_scenario_list_save_changes (GsScenarioList *self);
void
gs_scenario_list_rename (GsScenarioList *self, const char *name);
void
gs_scenario_list_delete (GsScenarioList *self, const char *name);
void
gs_scenario_list_apply (GsScenarioList *self, const char *name);
/* The last refusal shown, or NULL (tests). */
const char *
gs_scenario_list_get_message (GsScenarioList *self);

G_END_DECLS
