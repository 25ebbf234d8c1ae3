/* gs-scenario-odds.c — P(hit) under each scenario, one seed for all.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario-odds.h"
#include "gs-format.h"
#include "gs-montecarlo.h"
#include "gs-scenario.h"

#include <math.h>

void
gs_scenario_odds_free (GsScenarioOdds *odds)
{
  if (odds == NULL)
    return;
  g_strfreev (odds->names);
  g_free (odds->p_hit);
  g_free (odds);
}

/* root's scenarios, each applied to plan when given (root is then its
 * tree as it stands), else to root. */
static GsScenarioOdds *
odds_run (JsonNode *root, GsPlan *plan, const char *const *names, GCancellable *cancellable,
          GError **error)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, error);
  g_autoptr (GsScenarioOdds) odds = NULL;
  GsSimSettings settings;

  if (all == NULL || !gs_sim_settings_read (root, &settings, error))
    return NULL;
  odds = g_new0 (GsScenarioOdds, 1);
  odds->n_scenarios = names ? g_strv_length ((char **) names) : all->len;
  odds->names = g_new0 (char *, odds->n_scenarios + 1);
  odds->p_hit = g_new0 (double, odds->n_scenarios);
  for (guint s = 0; s < odds->n_scenarios; s++)
    {
      const char *name = names ? names[s] : ((const GsScenario *) all->pdata[s])->name;
      g_autoptr (GsModel) model = plan ? gs_scenario_apply_for_plan (plan, name, error)
                                       : gs_scenario_apply (root, name, error);
      g_autoptr (GsSimResult) sim = NULL;

      if (model == NULL)
        return NULL;
      /* The settings, seed included, are the plan's: a scenario that
       * overrides them is not compared on equal terms, so they stay. */
      sim = gs_montecarlo_run (model, &settings, cancellable, NULL, NULL, error);
      if (sim == NULL)
        return NULL;
      odds->names[s] = g_strdup (name);
      odds->p_hit[s] = sim->p_hit;
    }
  return g_steal_pointer (&odds);
}

GsScenarioOdds *
gs_scenario_odds_run (JsonNode *root, const char *const *names, GCancellable *cancellable,
                      GError **error)
{
  return odds_run (root, NULL, names, cancellable, error);
}

GsScenarioOdds *
gs_scenario_odds_run_for_plan (GsPlan *plan, const char *const *names, GCancellable *cancellable,
                               GError **error)
{
  /* The settings and the scenarios are read from the plan's tree as it
   * stands: neither is in a deferred list or the store. */
  return odds_run (gs_plan_peek_root (plan), plan, names, cancellable, error);
}

int
gs_scenario_odds_find (const GsScenarioOdds *odds, const char *name)
{
  for (guint s = 0; odds && s < odds->n_scenarios; s++)
    if (g_strcmp0 (odds->names[s], name) == 0)
      return (int) s;
  return -1;
}

char *
gs_scenario_odds_format (const GsScenarioOdds *odds, guint s)
{
  return gs_format_percent (odds->p_hit[s]);
}

char *
gs_scenario_odds_format_vs_base (const GsScenarioOdds *odds, guint s)
{
  double d = odds->p_hit[s] - odds->p_hit[0];

  /* Shown to one decimal of a point: a smaller change reads as none. */
  if (s == 0 || fabs (d) < 0.0005)
    return g_strdup ("");
  return gs_scenario_format_points (d);
}

GsVerdict
gs_scenario_odds_verdict (const GsScenarioOdds *odds, guint s)
{
  double d = odds->p_hit[s] - odds->p_hit[0];
  if (s == 0 || fabs (d) < 0.0005)
    return GS_VERDICT_SAME;
  return d > 0 ? GS_VERDICT_GOOD : GS_VERDICT_BAD;
}
