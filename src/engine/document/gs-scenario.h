/* gs-scenario.h — named what-if scenarios stored in the plan file.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario is a name and a list of overrides {path, value}, each path a
 * plan field path ("funnel.steps[1].rate").  Scenarios live in the plan's
 * top-level "scenarios" array; "base" is the plan itself and needs no entry.
 * Applying one replaces each path in a deep copy of the plan's JSON, then
 * decodes and computes it like any plan, so a scenario can never hold a value
 * the plan could not.  See docs/scenarios.md.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gs-model.h"
#include "gs-plan.h"
#include "gs-result.h"

G_BEGIN_DECLS

#define GS_SCENARIO_BASE "base"

typedef struct
{
  char *path;
  JsonNode *value;
} GsOverride;

typedef struct
{
  char *name;
  char *description; /* may be NULL */
  GsOverride *overrides;
  guint n_overrides;
} GsScenario;

void
gs_scenario_free (GsScenario *scenario);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsScenario, gs_scenario_free)

/* Reads root["scenarios"] (absent = none).  Returns a GPtrArray of
 * GsScenario*, "base" first (no overrides) followed by the file's scenarios
 * in file order.  Errors name the path: "scenarios[2].overrides[0].path: …". */
GPtrArray *
gs_scenarios_read (JsonNode *root, GError **error);

/* Finds a scenario by name in the array from gs_scenarios_read. */
const GsScenario *
gs_scenarios_find (GPtrArray *scenarios, const char *name);

/* A copy of root with the scenario's overrides applied.  Every path must
 * exist in the plan; errors say “scenario “worst”: PATH: …”.  The top-level
 * members no override changes are shared with root, not copied: read the
 * result (decode it, write it out), never change it. */
JsonNode *
gs_scenario_apply_json (JsonNode *root, const GsScenario *scenario, GError **error);

/* Element `removed` of the array at array_path ("sources",
 * "capacity.ae.hires") is going: the scenarios in tree follow it, paths into
 * later elements move down by one and overrides of the removed one are
 * dropped, so a scenario keeps meaning what it meant.  Changes tree. */
void
gs_scenarios_shift_paths (JsonNode *tree, const char *array_path, guint removed);

/* The elements of the array at array_path were rearranged: element i is now
 * element map[i] (G_MAXUINT: gone, its overrides dropped); the scenarios in
 * tree follow, as for a removal.  map has n entries; paths past it are kept.
 * Changes tree. */
void
gs_scenarios_remap_paths (JsonNode *tree, const char *array_path, const guint *map, guint n);

/* Applies, decodes and checks the scenario named name; the decoded model. */
GsModel *
gs_scenario_apply (JsonNode *root, const char *name, GError **error);

/* The same for an open plan: decoded against the plan's model, so what
 * the scenario's copy shares with the plan (the people, the actuals) is
 * not read again, and the plan's deferred lists and store of deals stay
 * unbuilt unless an override reaches into the member holding them (as
 * gs_comparison_new_for_plan).  For a worker, give it a copy of the plan
 * (gs_plan_copy). */
GsModel *
gs_scenario_apply_for_plan (GsPlan *plan, const char *name, GError **error);
/* The same, with the scenario's tree in *tree (new; read only: a list the
 * plan holds apart is null in it, as in gs_plan_peek_root's tree). */
GsModel *
gs_scenario_apply_for_plan_tree (GsPlan *plan, const char *name, JsonNode **tree, GError **error);

/* A new plan document holding the scenario applied to plan (for commands
 * that take a GsPlan: compute --scenario, chart --scenario, report). */
GsPlan *
gs_scenario_plan (GsPlan *plan, const char *name, GError **error);

/* Comparison of every derived figure across scenarios. */
typedef struct
{
  char *id; /* "shared.plan", "marketing.stage.mql", … */
  char *label;
  GsUnit unit;
  GsSide side;
  double *values;    /* n_scenarios; money in minor units, percents as fractions */
  gboolean *present; /* FALSE where that scenario has no such figure (stages differ) */
  double *vs_base; /* n_scenarios: values[s] − values[0] (0 for base, or where either lacks it) */
  /* A money or count row's figures typed (unit GS_UNIT_MONEY or
   * GS_UNIT_COUNT; all 0 for other units): n_scenarios, minor units or a
   * whole count, exact, and their differences against base as vs_base. */
  gint64 *amounts;
  gint64 *amounts_vs_base;
  GsDirection direction; /* the goal line's (gs-direction.h) */
} GsComparisonRow;

typedef struct
{
  guint n_scenarios;
  char **names;       /* n_scenarios, base first */
  GsModel **models;   /* n_scenarios */
  GsResult **results; /* n_scenarios */
  GPtrArray *rows;    /* of GsComparisonRow*: headline figures, then every goal line total */
} GsComparison;

/* Computes every scenario of the plan (names = NULL: all of them, base
 * first).  Fails on the first scenario that does not apply or compute. */
GsComparison *
gs_comparison_new (JsonNode *root, const char *const *names, GError **error);
/* The same for an open plan: each scenario is decoded against the plan's
 * model, so what its copy shares with the plan (the people, the actuals) is
 * not read again, and the plan's deferred lists stay unbuilt unless an
 * override reaches into the member holding them. */
GsComparison *
gs_comparison_new_for_plan (GsPlan *plan, const char *const *names, GError **error);
void
gs_comparison_free (GsComparison *comparison);
const GsComparisonRow *
gs_comparison_row (const GsComparison *comparison, const char *id);

/* Scenario s's value of row for a table: whole money in the plan's
 * currency, grouped counts, "−8.6 %"; "—" where the scenario lacks the figure. */
char *
gs_comparison_format (const GsComparison *comparison, const GsComparisonRow *row, guint s);

/* Scenario s's difference against base: "+$40,000", "−240", "+2.5 pts";
 * "" for base itself and where nothing differs, "—" where either lacks it. */
char *
gs_comparison_format_vs_base (const GsComparison *comparison, const GsComparisonRow *row, guint s);
/* A change of a fraction in percentage points: 0.025 → "+2.5 pts". */
char *
gs_scenario_format_points (double change);
GsVerdict
gs_comparison_verdict (const GsComparisonRow *row, guint s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsComparison, gs_comparison_free)

G_END_DECLS
