/* gs-evidence.h — P(hit) updated from the actuals (beta-binomial).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Monte Carlo draws each conversion rate from Beta(κ·r, κ·(1 − r))
 * around the plan's rate r (κ = simulation.rate_concentration).  Observing
 * k conversions of n records makes it Beta(κ·r + k, κ·(1 − r) + n − k), whose
 * mean (κ·r + k) ÷ (κ + n) moves from the plan towards what happened as the
 * evidence grows.  The simulation run on the posterior means gives the
 * chance of hitting the target the evidence supports; run with one step's
 * evidence at a time it says which stage's actuals moved it most.
 * Each source's rate is drawn from its posterior, not only around its mean:
 * the concentration is α + β = κ + n, so the more records were seen the
 * narrower the draws.  When the actuals hold deals, the months that have
 * begun are the new business booked in them (the as-of month's rest drawn);
 * only the rest of the year is simulated (GsSimEvidence).
 * The counts are the tracking's per-step counts (gs-tracking.h), so a
 * young cohort that has not had the lag yet reads low (docs/actuals.md).
 */
#pragma once

#include "gs-montecarlo.h"
#include "gs-tracking.h"

G_BEGIN_DECLS

typedef struct
{
  double prior_rate;     /* the plan's rate */
  guint n;               /* records that reached the stage */
  guint k;               /* of them, those that reached the next */
  double alpha, beta;    /* the posterior Beta(α, β) */
  double posterior_rate; /* α ÷ (α + β) */
} GsPosterior;

/* Beta(κ·rate, κ·(1 − rate)) updated with k of n. */
GsPosterior
gs_posterior_update (double rate, double kappa, guint n, guint k);

typedef struct
{
  guint n_sources;
  guint n_steps;
  GsPosterior *rates;  /* [source][step]; steps above a source's entry stage are unchanged */
  double p_hit_plan;   /* the simulation on the plan's rates */
  double p_hit;        /* on the posterior rates, after the bookings to date */
  double p_hit_booked; /* on the plan's rates after the bookings to date: what the steps move */
  int moved_most;      /* the step whose evidence alone moved P(hit) most, -1 when none did */
  double moved_by;     /* P(hit) with that step's evidence alone − p_hit_booked */
  GsSimResult *sim;    /* the run on the posterior: the spread of the year's bookings */
} GsEvidence;

/* The simulation's evidence from a tracking: every step's posterior when
 * step < 0, else that step's alone (none when step is past the last); the
 * bookings to date when the actuals hold deals; the plan result's entry
 * volumes, so a worse rate means fewer wins rather than more volume needed.
 * result must outlive it.  Free with gs_sim_evidence_free. */
GsSimEvidence *
gs_sim_evidence_new (const GsModel *model, const GsResult *result, const GsTracking *tracking,
                     double kappa, int step);
void
gs_sim_evidence_free (GsSimEvidence *evidence);

/* The plan with every source's rates replaced by their posterior means
 * (only step's when step >= 0). */
GsModel *
gs_evidence_model (const GsModel *model, const GsTracking *tracking, double kappa, int step);

/* Runs the simulation on the plan, on the posterior, on the plan's rates
 * after the bookings to date, and once per step with that step's evidence
 * alone after them (the same seed throughout, so the differences are the
 * evidence's, not the draws'). */
GsEvidence *
gs_evidence_compute (const GsModel *model, const GsTracking *tracking,
                     const GsSimSettings *settings, GError **error);
/* The same, stopping with G_IO_ERROR_CANCELLED when cancellable is
 * cancelled (the app's worker thread, after an edit). */
GsEvidence *
gs_evidence_compute_cancellable (const GsModel *model, const GsTracking *tracking,
                                 const GsSimSettings *settings, GCancellable *cancellable,
                                 GError **error);
void
gs_evidence_free (GsEvidence *evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsEvidence, gs_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSimEvidence, gs_sim_evidence_free)

G_END_DECLS
