/* gs-montecarlo.h — the chance of hitting the target: Monte Carlo over the
 * funnel's uncertain inputs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each trial draws the conversion rates (beta around the plan's rate), the
 * stage lags (uniform ± jitter) and the deal sizes (lognormal), pushes the
 * planned entry volumes through the funnel as binomial draws, and delivers
 * what the AEs can carry (wins above capacity wait in a backlog) plus
 * existing-customer bookings like the deterministic engine.  Trials run in fixed blocks, each with
 * its own xoshiro256** stream seeded from (seed, block) by splitmix64, and every accumulator is an
 * integer, so a seed gives the same figures whatever the number of threads.  See
 * docs/simulation.md.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gs-model.h"
#include "gs-result.h"

G_BEGIN_DECLS

/* What has happened, for a run from the evidence (docs/actuals.md, "P(hit)
 * from the evidence"): each source's own rates drawn with a concentration
 * of their own (the posterior's α + β, tighter the more records were seen),
 * and the new business already booked standing in for the plan months that
 * have begun.  The caller's; it must outlive the run. */
typedef struct
{
  const double *kappa; /* [source × step]: κ of the source's own rate; ≤ 0 or NULL: the settings' */
  guint n_known;       /* plan months from the first whose bookings are known */
  const GsMoney *booked; /* [n_known]: new business booked in each, minor units */
  double last_part;      /* the part of the last known month that has passed; the rest is drawn */
  /* [source][month index] of the plan's own result (NULL: the model's): the
   * volume the plan puts in stays what it was when the rates change, rather
   * than the reverse funnel asking for more of it. */
  const double *entry_volumes;
  guint n_months; /* the month indices entry_volumes holds (GsResult.n_months) */
} GsSimEvidence;

typedef struct
{
  double rate_concentration; /* κ: beta(κ·rate, κ·(1 − rate)); 0 = rates exact */
  double deal_size_sigma;    /* σ of one deal's log size; 0 = every deal at plan size */
  double lag_jitter_days;    /* each step's lag uniform within ± this; 0 = exact */
  double capacity_sigma;     /* log-sd of the AE team's productivity factor per trial; 0 = exact */
  guint64 trials;
  guint64 seed;
  guint threads;                 /* 0 = one per processor */
  const GsSimEvidence *evidence; /* NULL: the plan alone */
  /* gs_compute (model) when the caller has it already (a command that printed
   * the plan first): borrowed, it must outlive the run; NULL: the run computes
   * it.  gs_montecarlo_run_async copies the model, and computes its own. */
  const GsResult *result;
} GsSimSettings;

void
gs_sim_settings_init (GsSimSettings *settings); /* the documented defaults */
/* Reads root["simulation"] over the defaults; errors name "simulation.FIELD". */
gboolean
gs_sim_settings_read (JsonNode *root, GsSimSettings *settings, GError **error);
/* The same from the "simulation" section itself (NULL: absent), e.g.
 * gs_plan_lookup (plan, "simulation"), which leaves the actuals' deferred
 * lists unbuilt where the whole root would build them. */
gboolean
gs_sim_settings_read_section (JsonNode *simulation, GsSimSettings *settings, GError **error);

typedef struct
{
  GsSimSettings settings;
  guint64 trials; /* trials run */
  guint horizon;
  /* Per plan month, in minor units: the month's delivered bookings
   * (existing + min(funnel + backlog, capacity)) and the running total from month 0. */
  double *p10, *p50, *p90, *mean;
  double *cum_p10, *cum_p50, *cum_p90, *cum_mean;
  double *target_cum; /* running total of the target */
  double *plan_cum;   /* running total of the deterministic plan */
  GsMoney target_total;
  GsMoney plan_total; /* deterministic, for reference */
  double p_hit;       /* share of trials whose total reached the target */
  /* The new business the AEs carry over the comp year (the first
   * year_months plan months): year_counts[b] trials in [b, b + 1) × year_hi ÷
   * (year_bins − 1) minor units, the last bin at or above year_hi.  What the
   * payout risk (comp/gs-comp-risk.h) runs the pay plans over. */
  guint64 *year_counts;
  guint year_bins;
  double year_hi;
  guint year_months;
  double backlog_mean; /* won but still waiting for an AE after the last month (lost past the
                        * horizon), mean over the trials, minor units */
} GsSimResult;

void
gs_sim_result_free (GsSimResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSimResult, gs_sim_result_free)

/* Called with the share of trials done, in the thread that called
 * gs_montecarlo_run (for the async API: in the caller's main context). */
typedef void (*GsSimProgress) (double fraction, gpointer user_data);

GsSimResult *
gs_montecarlo_run (const GsModel *model, const GsSimSettings *settings, GCancellable *cancellable,
                   GsSimProgress progress, gpointer progress_data, GError **error);

/* Runs in a worker thread; progress and callback arrive in the thread-default
 * main context of the caller.  The model is copied. */
void
gs_montecarlo_run_async (const GsModel *model, const GsSimSettings *settings,
                         GCancellable *cancellable, GsSimProgress progress, gpointer progress_data,
                         GAsyncReadyCallback callback, gpointer user_data);
GsSimResult *
gs_montecarlo_run_finish (GAsyncResult *result, GError **error);

G_END_DECLS
