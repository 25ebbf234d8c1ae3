/* gs-evidence.c — the beta-binomial update and the simulations on it.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-evidence.h"

#include <math.h>

GsPosterior
gs_posterior_update (double rate, double kappa, guint n, guint k)
{
  GsPosterior p = { rate, n, k, kappa * rate + k, kappa * (1 - rate) + (n - k), rate };
  if (p.alpha + p.beta > 0)
    p.posterior_rate = p.alpha / (p.alpha + p.beta);
  return p;
}

static GsPosterior
posterior_of (const GsModel *m, const GsTracking *t, double kappa, guint source, guint step)
{
  const GsStepTrack *st = gs_tracking_step (t, source, step);
  double rate = m->sources[source].rates[step];
  if (step < m->sources[source].entry_stage)
    return gs_posterior_update (rate, kappa, 0, 0);
  return gs_posterior_update (rate, kappa, st->entered, st->converted);
}

GsModel *
gs_evidence_model (const GsModel *model, const GsTracking *t, double kappa, int step)
{
  GsModel *m = gs_model_copy (model);
  guint n_steps = m->n_stages - 1;
  for (guint s = 0; s < m->n_sources; s++)
    for (guint k = 0; k < n_steps; k++)
      {
        GsPosterior p;
        if (step >= 0 && (guint) step != k)
          continue;
        p = posterior_of (model, t, kappa, s, k);
        /* A rate the plan takes from the funnel becomes the source's own. */
        if (p.n > 0 && p.posterior_rate > 0)
          {
            m->sources[s].rates[k] = MIN (1.0, p.posterior_rate);
            m->sources[s].rate_is_own[k] = TRUE;
          }
      }
  return m;
}

static gboolean
p_hit_of (const GsModel *m, const GsSimSettings *settings, double *out, GError **error)
{
  g_autoptr (GsSimResult) r = gs_montecarlo_run (m, settings, NULL, NULL, NULL, error);
  if (r == NULL)
    return FALSE;
  *out = r->p_hit;
  return TRUE;
}

GsEvidence *
gs_evidence_compute (const GsModel *model, const GsTracking *t, const GsSimSettings *settings,
                     GError **error)
{
  g_autoptr (GsEvidence) e = g_new0 (GsEvidence, 1);
  g_autoptr (GsModel) updated = NULL;
  double kappa = settings->rate_concentration;

  e->n_sources = model->n_sources;
  e->n_steps = model->n_stages - 1;
  e->rates = g_new0 (GsPosterior, (gsize) e->n_sources * e->n_steps);
  for (guint s = 0; s < e->n_sources; s++)
    for (guint k = 0; k < e->n_steps; k++)
      e->rates[s * e->n_steps + k] = posterior_of (model, t, kappa, s, k);
  updated = gs_evidence_model (model, t, kappa, -1);
  if (!p_hit_of (model, settings, &e->p_hit_plan, error)
      || !p_hit_of (updated, settings, &e->p_hit, error))
    return NULL;
  e->moved_most = -1;
  for (guint k = 0; k < e->n_steps; k++)
    {
      g_autoptr (GsModel) one = gs_evidence_model (model, t, kappa, (int) k);
      double p;
      if (!p_hit_of (one, settings, &p, error))
        return NULL;
      if (fabs (p - e->p_hit_plan) > fabs (e->moved_by) && p != e->p_hit_plan)
        {
          e->moved_most = (int) k;
          e->moved_by = p - e->p_hit_plan;
        }
    }
  return g_steal_pointer (&e);
}

void
gs_evidence_free (GsEvidence *e)
{
  if (e == NULL)
    return;
  g_free (e->rates);
  g_free (e);
}
