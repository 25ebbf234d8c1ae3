/* gs-scenario-column.h — one scenario of the plan as an item of the
 * Scenarios page's comparison: its name and its headline figures as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GS_TYPE_SCENARIO_COLUMN (gs_scenario_column_get_type ())
G_DECLARE_FINAL_TYPE (GsScenarioColumn, gs_scenario_column, GS, SCENARIO_COLUMN, GObject)

GsScenarioColumn *
gs_scenario_column_new (const char *name, const char *const *values);
const char *
gs_scenario_column_get_name (GsScenarioColumn *self);
const char *const *
gs_scenario_column_get_values (GsScenarioColumn *self);
void
gs_scenario_column_set_values (GsScenarioColumn *self, const char *const *values);

void
gs_scenario_column_set_texts (GsScenarioColumn *self, const char *const *values,
                              const char *const *diffs, const char *const *styles);
const char *const *
gs_scenario_column_get_diffs (GsScenarioColumn *self);
const char *const *
gs_scenario_column_get_styles (GsScenarioColumn *self);

G_END_DECLS
