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

G_BEGIN_DECLS

GtkWidget *
gs_staffing_inputs_new (GsPlan *plan);
/* What the group's rows depend on: it is made again when this changes. */
void
gs_staffing_inputs_update (GtkWidget *group);

G_END_DECLS
