/* gs-tracking.h — plan versus actual: where the funnel leaks, the re-forecast.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function of the model (with its actuals), the plan's result and a
 * day.  What counts where (docs/actuals.md, "Tracking"):
 * - a lead counts at a stage in the month it reached it; a deal counts at
 *   the deal stage (the plan's "opportunity", else the one before the win)
 *   in the month it was created and at the win in the month it was won.
 *   Once the actuals hold deals, the deal stage and the win are counted from
 *   deals only, so a contact's "Became an Opportunity Date" and its deal are
 *   not counted twice.
 * - planned is the reverse funnel's volume needed (gs_result_needed); the
 *   win's money is each source's share of the month's new-business target,
 *   the deal stage's is its volume × deal size.
 * - "to date" is the plan months before the as-of month plus the as-of
 *   month's part (day of month ÷ days in it) of its plan.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-result.h"

G_BEGIN_DECLS

typedef struct
{
  double planned; /* volume (a month's is whole; to date may be part of one) */
  gint64 actual;
  GsMoney planned_amount; /* the deal stage and the win; 0 above */
  GsMoney actual_amount;
} GsTrackCell;

/* The first stage where a source falls behind its plan to date. */
typedef struct
{
  guint stage; /* G_MAXUINT: no stage is behind */
  double planned;
  gint64 actual;
} GsLeak;

/* One step of the funnel for one source: what became of the records that
 * reached the stage, against the plan's rate and lag. */
typedef struct
{
  guint entered;   /* records that reached stage `step` by the as-of day */
  guint converted; /* of them, those that reached the next stage by then */
  double rate;     /* converted ÷ entered, 0 when nobody entered */
  double planned_rate;
  double lag_days; /* mean days to the next stage of those converted */
  double planned_lag_days;
} GsStepTrack;

typedef struct
{
  int person; /* index into the actuals' people */
  guint wins;
  GsMoney bookings; /* won to date, within the plan */
  GsMoney quota;    /* annual; 0 when neither the person nor the role has one */
  GsMoney quota_to_date;
  double attainment; /* bookings ÷ quota to date; 0 without a quota */
} GsPersonTrack;

typedef struct
{
  GsMoney won;               /* new-business bookings to date */
  GsMoney open_pipeline;     /* open deals' amounts */
  GsMoney weighted_pipeline; /* each open deal × the plan's rates from its stage to the win */
  GsMoney run_rate;          /* won ÷ months to date, per month */
  double months_after_cycle; /* remaining months beyond the deal stage's cycle, at run rate */
  GsMoney forecast;          /* won + weighted pipeline + run rate × months_after_cycle */
  GsMoney target;            /* the new-business target over the horizon */
  GsMoney remaining_target;  /* target − won, not below 0 */
  double coverage;           /* open pipeline ÷ remaining target (0 when nothing remains) */
  double coverage_needed;    /* 1 ÷ the plan's win rate from the deal stage */
} GsForecast;

typedef struct
{
  GDate as_of;
  guint horizon;
  guint n_stages;
  guint n_rows; /* plan sources + 1: the last row holds records of no plan source */
  guint deal_stage;
  double months_to_date; /* whole plan months before the as-of month + its elapsed part */
  guint n_months_begun;  /* plan months that have begun by the as-of day */
  double *month_parts; /* [plan month]: the part of it up to the as-of day (1, 0, or day ÷ days) */
  GsTrackCell *months; /* [row][stage][plan month] */
  GsTrackCell *to_date;       /* [row][stage] */
  GsTrackCell *total_to_date; /* [stage]: every row */
  GsLeak *leaks;              /* [plan source] */
  GsStepTrack *steps;         /* [row][step] */
  GsStepTrack *cohorts;       /* [row][step][plan month]: the records that reached the step's
                                 stage in that month (the MQLs of March), and what became of them */
  GsPersonTrack *people;      /* n_people */
  guint n_people;
  GsForecast forecast;
} GsTracking;

/* Fails when the plan has no actuals (GS_ERROR_INVALID). */
GsTracking *
gs_tracking_compute (const GsModel *model, const GsResult *result, const GDate *as_of,
                     GError **error);
void
gs_tracking_free (GsTracking *tracking);

const GsTrackCell *
gs_tracking_month (const GsTracking *t, guint row, guint stage, guint month);
const GsTrackCell *
gs_tracking_to_date (const GsTracking *t, guint row, guint stage);
const GsStepTrack *
gs_tracking_step (const GsTracking *t, guint row, guint step);
/* The step for the records that reached its stage in one plan month. */
const GsStepTrack *
gs_tracking_cohort (const GsTracking *t, guint row, guint step, guint month);

/* The part of a plan month that lies up to the end of the as-of day. */
double
gs_tracking_month_part (const GsTracking *t, guint month);

/* The plan month a day falls in, or -1 outside the horizon. */
int
gs_tracking_month_of (const GsModel *model, const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsTracking, gs_tracking_free)

G_END_DECLS
