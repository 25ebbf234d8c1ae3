/* gs-track-period.h — plan versus actual over a run of plan months, with
 * the variances (the workbook's Tracking sheet reads these).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is plan months first..last (a month, a fiscal quarter, the year):
 * its whole plan, its plan up to the as-of day (each month's plan × the part
 * of it that has passed, money rounded per month as in the to-date figures),
 * what happened, and actual − plan to date and actual ÷ plan to date.  The
 * row is a tracking row (a plan source, or n_rows − 1: no plan source) or
 * n_rows: every row together.
 */
#pragma once

#include "gs-tracking.h"

G_BEGIN_DECLS

typedef struct
{
  double planned;         /* the period's whole plan */
  double planned_to_date; /* Σ month plan × month part */
  gint64 actual;
  double variance; /* actual − planned to date */
  double share;    /* actual ÷ planned to date; 0 when nothing is planned to date */
  GsMoney planned_amount;
  GsMoney planned_amount_to_date; /* Σ round (month plan × month part) */
  GsMoney actual_amount;
  GsMoney amount_variance; /* actual − planned to date */
  double amount_share;     /* actual ÷ planned to date; 0 when nothing is planned to date */
} GsTrackPeriod;

void
gs_track_period (const GsTracking *t, guint row, guint stage, guint first, guint last,
                 GsTrackPeriod *out);

G_END_DECLS
