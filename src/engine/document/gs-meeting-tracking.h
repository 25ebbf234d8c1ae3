/* gs-meeting-tracking.h — meeting mode on the Actuals page: plan versus
 * actual as it stood when the meeting's baseline was agreed.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline (meeting.baseline, gs-meeting.h) is the whole plan as it was
 * agreed, its actuals included.  Tracked to the same day as the plan now,
 * it gives every figure of the Actuals page "before": an import or a roster
 * edit during the meeting then shows as a delta on each line (docs/meeting.md,
 * "On the Actuals page").  A baseline agreed before any import tracks as an
 * empty roster with no records, so everything imported since is new.
 */
#pragma once

#include "gs-direction.h"
#include "gs-evidence.h"
#include "gs-plan.h"
#include "gs-tracking.h"

G_BEGIN_DECLS

typedef struct
{
  GsModel *model;       /* the baseline's plan, its actuals (or an empty section) */
  GsResult *result;     /* computed from it */
  GsTracking *tracking; /* to the day asked for */
} GsMeetingTracking;

/* The baseline tracked to day; NULL with error when the plan has no
 * baseline or it cannot be computed. */
GsMeetingTracking *
gs_meeting_tracking_new (GsPlan *plan, const GDate *day, GError **error);
void
gs_meeting_tracking_free (GsMeetingTracking *before);

/* The baseline's chance of the target from its evidence, with the plan's
 * simulation settings as the baseline has them (a worker thread's job). */
GsEvidence *
gs_meeting_tracking_evidence (GsPlan *plan, const GsMeetingTracking *before, GError **error);

/* The baseline's track of the person with this id, or NULL when the
 * baseline's roster lacks them (a person added in the meeting). */
const GsPersonTrack *
gs_meeting_tracking_person (const GsMeetingTracking *before, const char *person_id);

typedef enum
{
  GS_TRACK_UNIT_COUNT,    /* records: "↑ 12" */
  GS_TRACK_UNIT_MONEY,    /* minor units: "↑ 8 %" of the agreed, or "↑ $12K" from 0 */
  GS_TRACK_UNIT_SHARE,    /* a fraction (attainment, P(hit)): "↓ 3.5 pts" */
  GS_TRACK_UNIT_MULTIPLE, /* pipeline coverage: "↑ 0.4×" */
} GsTrackUnit;

/* The change from before to now in the unit's words, or NULL when it would
 * show as no change (counts rounded to whole records, shares to 0.1 pt,
 * multiples to 0.1); *verdict (may be NULL) is the engine's reading of it
 * by direction: actuals, bookings, forecast, coverage and the chance of the
 * target are UP_GOOD, what the plan asks for to date NEUTRAL. */
char *
gs_meeting_track_delta (const GsModel *model, GsTrackUnit unit, GsDirection direction, double now,
                        double before, GsVerdict *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsMeetingTracking, gs_meeting_tracking_free)

G_END_DECLS
