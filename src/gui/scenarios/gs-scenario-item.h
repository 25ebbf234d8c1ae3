/* gs-scenario-item.h — one scenario of the plan as an item of the Scenarios
 * page's list: its name, description, overrides and P(hit), as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyed by name; each property notifies only when its text changes, so an
 * edit of one override leaves the other rows (and the field being typed in)
 * alone.  "layout" names the scenario's place in the plan and its override
 * paths: a row rebuilds its override fields only when that changes.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GS_TYPE_SCENARIO_ITEM (gs_scenario_item_get_type ())
G_DECLARE_FINAL_TYPE (GsScenarioItem, gs_scenario_item, GS, SCENARIO_ITEM, GObject)

GsScenarioItem *
gs_scenario_item_new (const char *name);
const char *
gs_scenario_item_get_name (GsScenarioItem *self);
const char *
gs_scenario_item_get_description (GsScenarioItem *self);
const char *
gs_scenario_item_get_layout (GsScenarioItem *self);
const char *
gs_scenario_item_get_odds (GsScenarioItem *self);
void
gs_scenario_item_set_description (GsScenarioItem *self, const char *description);
void
gs_scenario_item_set_layout (GsScenarioItem *self, const char *layout);
void
gs_scenario_item_set_odds (GsScenarioItem *self, const char *odds);
/* How many of its overrides changed since the meeting's baseline, in words
 * ("1 change in the meeting"), so a collapsed row says it; "" otherwise. */
const char *
gs_scenario_item_get_meeting (GsScenarioItem *self);
void
gs_scenario_item_set_meeting (GsScenarioItem *self, const char *meeting);

G_END_DECLS
