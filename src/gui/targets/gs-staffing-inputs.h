/* gs-staffing-inputs.h — the Targets page's capacity: AEs and SDRs at
 * start, hire batches (add, remove, month, count), the AE ramp month by
 * month, quota, attainment, attrition, meetings per SDR and the SDR ramp.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Batches and the ramp's length are engine edits (gs-staffing-edits.h); the
 * rest are fields at their paths.  One undo step each.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"
#include "gs-staffing-edits.h"

G_BEGIN_DECLS

GtkWidget *
gs_staffing_inputs_new (GsPlan *plan);
/* Follows the plan: the hire batches and the ramp's months are spliced
 * where they came or went; a typed value makes no row again. */
void
gs_staffing_inputs_update (GtkWidget *group);
/* The lists, for tests: a GtkStringObject per hire batch of role, and per
 * month of the AE ramp (none while the ramp is the default, not in the file). */
GListModel *
gs_staffing_inputs_get_batches (GtkWidget *group, GsStaffRole role);
GListModel *
gs_staffing_inputs_get_ramp (GtkWidget *group);

G_END_DECLS
