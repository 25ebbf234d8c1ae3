/* gs-refan.h — the re-forecast fan: the bookings to date and the rest of the
 * year drawn from the evidence, prepared for a chart.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is new business (the won deals tracking counts; the target
 * and the plan less their existing-customer part), so the actual line, the
 * bands and the target meet on one scale, and P(hit) — the share of trials
 * whose new business reaches the new-business target — reads off it.
 * - The actual line: the running total of the deals won in each plan month
 *   (gs_tracking_month at the win, every row), from the plan's start to the
 *   end of each month, the as-of month to the day.  Absent when the actuals
 *   hold no deals (leads say nothing of money).
 * - The bands: the simulation on the posterior (gs_evidence_compute), its
 *   running P10/P50/P90 less the existing-customer part, from the as-of day
 *   on; months wholly before it are the actual exactly, and no band lies
 *   below the actual to date (the histogram's bins could put it a fraction
 *   of a bin below what is certain) or below the month before.
 * Time runs in plan months from the plan's start: the end of month m is
 * m + 1, the as-of day as_of_position.  See docs/actuals.md, "The
 * re-forecast fan".
 */
#pragma once

#include "gs-evidence.h"

G_BEGIN_DECLS

typedef struct
{
  GDate as_of;
  guint horizon;           /* plan months */
  gboolean booked;         /* the actuals hold deals: the actual line is drawn */
  guint n_actual;          /* months with actual_cum: those begun by the day (0 without deals) */
  GsMoney *actual_cum;     /* [n_actual]: won from the plan's start to each month's end, the last
                              to the day */
  GsMoney actual_to_date;  /* the line's last point; 0 without deals */
  double as_of_position;   /* plan months from the start to the end of the as-of day */
  guint first_band;        /* the first month not wholly known (horizon: none) */
  double *p10, *p50, *p90; /* [horizon]: running new business at each month's end */
  double *target_cum;      /* [horizon]: running new-business target */
  double *plan_cum;        /* [horizon]: running new business of the plan itself */
  GsMoney target_total;    /* the new-business target */
  double p_hit;            /* from the evidence */
  double p_hit_plan;       /* on the plan's rates, no evidence */
  guint64 trials;
} GsRefan;

/* From a tracking and the evidence computed on it (evidence->sim must still
 * be there); result is the model's own (the tracking's). */
GsRefan *
gs_refan_new (const GsModel *model, const GsResult *result, const GsTracking *tracking,
              const GsEvidence *evidence);

/* Tracks model to as_of, runs the evidence with settings and prepares the
 * series.  Fails when the plan has no actuals, or when cancelled. */
GsRefan *
gs_refan_compute (const GsModel *model, const GDate *as_of, const GsSimSettings *settings,
                  GCancellable *cancellable, GError **error);

void
gs_refan_free (GsRefan *refan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsRefan, gs_refan_free)

G_END_DECLS
