/* gs-validate.c — every check any verb runs, in one place.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-validate.h"
#include "gs-comp-payout.h"
#include "gs-error.h"
#include "gs-history.h"
#include "gs-montecarlo.h"
#include "gs-scenario.h"

#include <glib/gi18n-lib.h>

/* What `payout` (summary and --role at 100 %), `simulate`, `chart --kind
 * fan` and `report` need beyond the figures. */
static gboolean
check_one (GsPlan *plan, GError **error)
{
  const GsCompModel *comp;
  GsSimSettings settings;
  g_autoptr (GsSimResult) sim = NULL;

  if (gs_plan_get_result (plan, error) == NULL)
    return FALSE;
  if (gs_plan_get_model (plan)->comp != NULL)
    {
      GsCompAtPlan at;
      gboolean ok;
      comp = gs_plan_get_comp (plan, error);
      if (comp == NULL)
        return FALSE;
      ok = gs_comp_at_plan (comp, &at, error);
      gs_comp_at_plan_clear (&at);
      if (!ok)
        return FALSE;
      for (guint i = 0; i < comp->n_roles; i++)
        {
          g_autoptr (GsCompRolePayout) rp
              = gs_comp_role_payout_with (comp, &comp->roles[i], GS_COMP_AT_ATTAINMENT, 1.0, NULL,
                                          GS_COMP_PAYOUT_FIGURES, error);
          if (rp == NULL)
            return FALSE;
        }
    }
  if (!gs_sim_settings_read (gs_plan_get_root (plan), &settings, error))
    return FALSE;
  /* One trial runs every check the simulation makes before its trials. */
  settings.trials = 1;
  settings.threads = 1;
  sim = gs_montecarlo_run (gs_plan_get_model (plan), &settings, NULL, NULL, NULL, error);
  return sim != NULL;
}

gboolean
gs_plan_validate (GsPlan *plan, GError **error)
{
  g_autoptr (GPtrArray) scenarios = NULL;

  g_autoptr (GPtrArray) history = NULL;

  if (!check_one (plan, error))
    return FALSE;
  /* `history` and the window's Change History read the log. */
  history = gs_history_read (gs_plan_get_root (plan), error);
  if (history == NULL)
    return FALSE;
  scenarios = gs_scenarios_read (gs_plan_get_root (plan), error);
  if (scenarios == NULL)
    return FALSE;
  /* Index 0 is the plan itself, checked above. */
  for (guint i = 1; i < scenarios->len; i++)
    {
      const GsScenario *s = g_ptr_array_index (scenarios, i);
      g_autoptr (GError) local = NULL;
      g_autoptr (GsPlan) applied = gs_scenario_plan (plan, s->name, error);
      if (applied == NULL)
        return FALSE;
      if (!check_one (applied, &local))
        {
          /* Translators: a scenario's name, then what is wrong with it. */
          g_set_error (error, local->domain, local->code, _ ("scenario “%s”: %s"), s->name,
                       local->message);
          return FALSE;
        }
    }
  return TRUE;
}
