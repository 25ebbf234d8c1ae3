/* gs-track-period.c — plan versus actual over a run of plan months.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-track-period.h"

static void
add_row (const GsTracking *t, guint row, guint stage, guint first, guint last, GsTrackPeriod *out)
{
  for (guint mo = first; mo <= last && mo < t->horizon; mo++)
    {
      const GsTrackCell *c = gs_tracking_month (t, row, stage, mo);
      double part = gs_tracking_month_part (t, mo);
      out->planned += c->planned;
      out->planned_to_date += c->planned * part;
      out->actual += c->actual;
      out->planned_amount += c->planned_amount;
      /* Rounded per month, as the to-date figures are (gs-tracking.c). */
      out->planned_amount_to_date += gs_money_round ((double) c->planned_amount * part);
      out->actual_amount += c->actual_amount;
    }
}

void
gs_track_period (const GsTracking *t, guint row, guint stage, guint first, guint last,
                 GsTrackPeriod *out)
{
  *out = (GsTrackPeriod){ 0 };
  for (guint r = 0; r < t->n_rows; r++)
    if (r == row || row >= t->n_rows)
      add_row (t, r, stage, first, last, out);
  out->variance = (double) out->actual - out->planned_to_date;
  out->share = out->planned_to_date > 0 ? (double) out->actual / out->planned_to_date : 0.0;
  out->amount_variance = out->actual_amount - out->planned_amount_to_date;
  out->amount_share = out->planned_amount_to_date > 0
                          ? (double) out->actual_amount / (double) out->planned_amount_to_date
                          : 0.0;
}
