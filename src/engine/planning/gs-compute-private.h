/* gs-compute-private.h — helpers shared by the derivation files.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-result.h"

G_BEGIN_DECLS

/* Index of [source][stage][month] in the needed/projected arrays. */
#define GS_IDX(r, j, k, i) (((gsize) (j) * (r)->n_stages + (k)) * (r)->n_months + (i))

/* Months between stage k and the win: the stage lags from k to the end,
 * added in days and only then rounded to whole months (half up), so rounding
 * never compounds along the funnel. */
void gs_funnel_offsets (const GsModel *model, guint *offsets);

/* Cumulative ceiling: whole counts whose running total is the running total
 * of frac rounded up, so a year's count is never inflated by per-month rounding. */
void gs_cumulative_ceil (const double *frac, gint64 *out, guint n);

/* Targets by month: total and new business (plan months). */
gboolean gs_compute_targets (const GsModel *model, GsResult *r, GError **error);

/* Reverse funnel into r->needed; frac (same shape, may be NULL) gets the
 * unrounded values for the derivations.  Runs the continuation too. */
gboolean gs_compute_reverse (const GsModel *model, GsResult *r, double *frac, GError **error);

/* The new business of the months after the plan, by source (needs
 * r->source_target). */
gboolean gs_compute_continuation (const GsModel *model, GsResult *r, GError **error);

/* Entry volume per source in placed months: planned where given (the first
 * planned month stands for the months before the plan), else what the
 * reverse funnel needs.  volumes is [source][month index]. */
void gs_compute_entry_volumes (const GsModel *model, const GsResult *r, double *volumes);

/* Forward funnel from entry volumes; fills projected (may be NULL) and
 * returns bookings per plan month in bookings. */
void gs_compute_forward (const GsModel *model, const GsResult *r, const double *volumes,
                         double *projected, GsMoney *bookings);

/* AE and SDR capacity by plan month (needs r->needed). */
void gs_compute_capacity (const GsModel *model, GsResult *r);

/* (1 − capacity.ae.monthly_attrition)^d for d < n. */
void gs_compute_survival (const GsModel *model, guint n, double *survive);

/* AE capacity by plan month, as gs_compute_capacity gives it with extra_aes
 * more hired in extra_month (a lever), from the plan's r->ae_ramped and
 * survive (gs_compute_survival over the horizon). */
void gs_compute_capacity_extra (const GsModel *model, const GsResult *r, const double *survive,
                                guint extra_aes, guint extra_month, GsMoney *capacity);

/* What the plan delivers: existing + what the AEs book of the funnel's
 * bookings and the backlog (gs-backlog.h), month by month; per_month and
 * backlog_month (carried out of each month) may be NULL. */
GsMoney gs_compute_delivery (const GsResult *r, const GsMoney *bookings, const GsMoney *capacity,
                             double decay, GsMoney *per_month, GsMoney *backlog_month);

void gs_compute_levers (const GsModel *model, GsResult *r, const double *volumes);
void gs_compute_lines (const GsModel *model, GsResult *r, const double *frac);
void gs_compute_goal_levers (const GsModel *model, GsResult *r);


G_END_DECLS
