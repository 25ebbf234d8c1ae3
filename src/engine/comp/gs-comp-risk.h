/* gs-comp-risk.h — payout risk: what the pay plans cost over the simulated
 * years, not only at plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Monte Carlo (engine/sim) gives the distribution of the new business the
 * AEs carry over the comp year; for each slice of it the pay plans are run as
 * at plan (gs_comp_role_staffed_at) with the bookings measures at that year's
 * attainment: own and team bookings and marketing-sourced bookings scaled by
 * the year's new business ÷ the plan's, company bookings = (existing + the
 * year's new business) ÷ the target; every other measure (MQLs, SQLs,
 * meetings, pipeline, the SLA, margin) stays at the plan's own figure, as the
 * simulation does not follow them.  docs/compensation.md, "Payout risk".
 */
#pragma once

#include "gs-comp-payout.h"

G_BEGIN_DECLS

/* The comp year's new business as the simulation counted it: counts[b] for
 * b < n_bins − 1 holds the trials in [b, b + 1) × hi ÷ (n_bins − 1) minor
 * units, the last bin those at or above hi. */
typedef struct
{
  const guint64 *counts;
  guint n_bins;
  double hi;
} GsCompYearSpread;

typedef struct
{
  guint64 trials;
  GsMoney pay[3]; /* P10, P50, P90 of total variable pay as staffed */
  GsMoney pay_mean;
  double cost_new[3]; /* P10, P50, P90 of pay ÷ the year's new business */
  double cost_all[3]; /* the same ÷ all the year's bookings (existing customers too) */
  guint n_roles;
  gboolean *moves;     /* per role: its first measure is one the simulation moves (bookings) */
  double *reach_quota; /* per role: chance its typical rep reaches 100 % of the first measure */
  double *accelerated; /* per role: chance an accelerator pays; −1: the role has none */
  double *accel_above; /* per role: the lowest attainment an accelerator starts above */
} GsCompRisk;

gboolean
gs_comp_risk (const GsCompModel *comp, const GsCompYearSpread *spread, GsCompRisk *out,
              GError **error);
void
gs_comp_risk_clear (GsCompRisk *risk);

/* The attainment of a component's measure above which it pays more than its
 * table's on-target rate (the lowest accelerator tier with a multiplier
 * above 1, or the first band at or above 100 % whose rate is higher than the
 * band before and, on the attainment basis, above 1); 0: none. */
double
gs_comp_accelerator_above (const GsCompComponent *component);

G_END_DECLS
