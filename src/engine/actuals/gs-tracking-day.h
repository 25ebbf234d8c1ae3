/* gs-tracking-day.h — the day the app tracks to when nobody picks one.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CRM export is a snapshot: nothing after the day it was taken is in it.
 * Tracking it to a later today would count the days since as days of no
 * business and paint every stage red, so the default is the latest day on
 * which something happened in the actuals: a record created, a stage
 * reached, a deal won or lost.  An open deal's close date is the CRM's
 * expected close, a day that has not happened, and is not counted.  Nor is
 * a stage reached or a deal won or lost more than a week after the last
 * record was created: an export taken that much later would hold records
 * created since, so such a date was entered ahead (HubSpot lets a deal be
 * marked Closed Won with its close date to come).  The seed-saas export's
 * last record was created on 29 April 2027 but its stage dates and wins run
 * to 11 June; tracked to 11 June, six weeks without a record made every
 * stage fall further behind.  It now tracks to 6 May.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

/* Sets *out to the default day; today when nothing has happened yet. */
void
gs_tracking_default_day (const GsActualsData *data, const GDate *today, GDate *out);

G_END_DECLS
