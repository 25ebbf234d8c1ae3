/* gs-staffing-edits.h — structural edits of the plan's staffing: hire
 * batches of AEs and SDRs, and the AE ramp.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is one undoable edit of the plan (gs_plan_set or gs_plan_replace_root),
 * so the meeting's deltas and the signatures' fingerprints see it like any
 * other; a batch's month and count, attrition and the SDR ramp are plain
 * fields edited at their paths.  Refusals say what is wrong in a VP's words.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  GS_STAFF_AE,
  GS_STAFF_SDR,
} GsStaffRole;

/* Adds a batch of count hires starting in plan month (0-based), after the
 * existing batches (so scenarios naming a batch keep naming it). */
gboolean
gs_plan_add_hires (GsPlan *plan, GsStaffRole role, guint month, guint count, GError **error);
/* Removes batch index; scenario overrides of later batches follow them. */
gboolean
gs_plan_remove_hires (GsPlan *plan, GsStaffRole role, guint index, GError **error);
/* Makes the AE ramp n months long (0 to 24): the months kept keep their
 * productivity, new months step evenly from the last kept one towards full
 * (a ramp of 0, 25, 50, 75 % made 5 months long adds 87.5 %). */
gboolean
gs_plan_set_ramp_months (GsPlan *plan, guint n, GError **error);

G_END_DECLS
