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

GsSimEvidence *
gs_sim_evidence_new (const GsModel *m, const GsResult *r, const GsTracking *t, double kappa,
                     int step)
{
  GsSimEvidence *ev = g_new0 (GsSimEvidence, 1);
  ev->entry_volumes = r->entry_volumes;
  ev->n_months = r->n_months;
  guint n_steps = m->n_stages - 1;
  double *k = g_new0 (double, (gsize) m->n_sources *n_steps);
  for (guint s = 0; s < m->n_sources; s++)
    for (guint j = 0; j < n_steps; j++)
      if (step < 0 || (guint) step == j)
        {
          GsPosterior p = posterior_of (m, t, kappa, s, j);
          k[s * n_steps + j] = p.n > 0 ? p.alpha + p.beta : 0;
        }
  ev->kappa = k;
  /* Leads alone say nothing of the money booked: the months stay drawn. */
  if (m->actuals != NULL && m->actuals->n_deals > 0 && t->n_months_begun > 0)
    {
      GsMoney *booked = g_new0 (GsMoney, t->n_months_begun);
      guint win = t->n_stages - 1;
      for (guint mo = 0; mo < t->n_months_begun; mo++)
        for (guint row = 0; row < t->n_rows; row++)
          booked[mo] += gs_tracking_month (t, row, win, mo)->actual_amount;
      ev->n_known = t->n_months_begun;
      ev->booked = booked;
      ev->last_part = gs_tracking_month_part (t, t->n_months_begun - 1);
    }
  return ev;
}

void
gs_sim_evidence_free (GsSimEvidence *ev)
{
  if (ev == NULL)
    return;
  g_free ((gpointer) ev->kappa);
  g_free ((gpointer) ev->booked);
  g_free (ev);
}

/* The simulation of model with evidence (NULL: none); *out its P(hit), and
 * the run itself when keep is given. */
static gboolean
p_hit_of (const GsModel *m, const GsSimSettings *settings, const GsSimEvidence *ev, double *out,
          GsSimResult **keep, GCancellable *cancellable, GError **error)
{
  GsSimSettings with = *settings;
  g_autoptr (GsSimResult) r = NULL;
  with.evidence = ev;
  with.result = NULL; /* m may be the model with the evidence's rates, not the caller's */
  r = gs_montecarlo_run (m, &with, cancellable, NULL, NULL, error);
  if (r == NULL)
    return FALSE;
  *out = r->p_hit;
  if (keep)
    *keep = g_steal_pointer (&r);
  return TRUE;
}

GsEvidence *
gs_evidence_compute (const GsModel *model, const GsTracking *t, const GsSimSettings *settings,
                     GError **error)
{
  return gs_evidence_compute_cancellable (model, t, settings, NULL, error);
}

GsEvidence *
gs_evidence_compute_cancellable (const GsModel *model, const GsTracking *t,
                                 const GsSimSettings *settings, GCancellable *cancellable,
                                 GError **error)
{
  g_autoptr (GsEvidence) e = g_new0 (GsEvidence, 1);
  g_autoptr (GsModel) updated = NULL;
  g_autoptr (GsSimEvidence) all = NULL, booked = NULL;
  g_autoptr (GsResult) r = gs_compute (model, error);
  double kappa = settings->rate_concentration;

  if (r == NULL)
    return NULL;
  e->n_sources = model->n_sources;
  e->n_steps = model->n_stages - 1;
  e->rates = g_new0 (GsPosterior, (gsize) e->n_sources * e->n_steps);
  for (guint s = 0; s < e->n_sources; s++)
    for (guint k = 0; k < e->n_steps; k++)
      e->rates[s * e->n_steps + k] = posterior_of (model, t, kappa, s, k);
  updated = gs_evidence_model (model, t, kappa, -1);
  all = gs_sim_evidence_new (model, r, t, kappa, -1);
  /* The bookings to date with no step's evidence: what each step is measured against. */
  booked = gs_sim_evidence_new (model, r, t, kappa, (int) e->n_steps);
  if (!p_hit_of (model, settings, NULL, &e->p_hit_plan, NULL, cancellable, error)
      || !p_hit_of (updated, settings, all, &e->p_hit, &e->sim, cancellable, error)
      || !p_hit_of (model, settings, booked, &e->p_hit_booked, NULL, cancellable, error))
    return NULL;
  e->moved_most = -1;
  for (guint k = 0; k < e->n_steps; k++)
    {
      g_autoptr (GsModel) one = gs_evidence_model (model, t, kappa, (int) k);
      g_autoptr (GsSimEvidence) ev = gs_sim_evidence_new (model, r, t, kappa, (int) k);
      double p;
      if (!p_hit_of (one, settings, ev, &p, NULL, cancellable, error))
        return NULL;
      if (fabs (p - e->p_hit_booked) > fabs (e->moved_by) && p != e->p_hit_booked)
        {
          e->moved_most = (int) k;
          e->moved_by = p - e->p_hit_booked;
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
  g_clear_pointer (&e->sim, gs_sim_result_free);
  g_free (e);
}
