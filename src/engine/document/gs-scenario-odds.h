/* gs-scenario-odds.h — the chance of hitting the target under each scenario.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Monte Carlo (gs-montecarlo.h) run on every scenario's plan with the
 * plan's own simulation settings, the same seed for all: the trials draw the
 * same random numbers, so two scenarios differ by what they change and not
 * by luck.  Runs in the caller's thread (the window calls it from a worker)
 * and stops when cancellable is cancelled.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gs-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_scenarios;
  char **names;  /* base first */
  double *p_hit; /* n_scenarios: share of the trials that reach the target */
} GsScenarioOdds;

/* names NULL: every scenario of the plan, base first. */
GsScenarioOdds *
gs_scenario_odds_run (JsonNode *root, const char *const *names, GCancellable *cancellable,
                      GError **error);
/* The same for an open plan (in a worker: a copy of it, gs_plan_copy):
 * each scenario decoded against the plan's model (gs_scenario_apply_for_plan),
 * so a plan whose deals and leads are a store, imported or opened from its
 * file, does not build them into a tree; the same figures. */
GsScenarioOdds *
gs_scenario_odds_run_for_plan (GsPlan *plan, const char *const *names, GCancellable *cancellable,
                               GError **error);
void
gs_scenario_odds_free (GsScenarioOdds *odds);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsScenarioOdds, gs_scenario_odds_free)

/* The index of the scenario called name, or -1. */
int
gs_scenario_odds_find (const GsScenarioOdds *odds, const char *name);
/* "64.2 %" */
char *
gs_scenario_odds_format (const GsScenarioOdds *odds, guint s);
/* Against base in points: "+4.1 pts", "−12 pts"; "" for base and no change. */
char *
gs_scenario_odds_format_vs_base (const GsScenarioOdds *odds, guint s);

/* A higher P(hit) than base is good news, a lower one bad. */
GsVerdict
gs_scenario_odds_verdict (const GsScenarioOdds *odds, guint s);

G_END_DECLS
