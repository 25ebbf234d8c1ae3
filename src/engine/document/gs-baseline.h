/* gs-baseline.h — the meeting's agreed figures, computed once.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gs_meeting_baseline_result() computes the baseline afresh; the window
 * needs it on every edit, so this keeps it until the stored baseline changes.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

typedef struct _GsBaseline GsBaseline;

GsBaseline *
gs_baseline_new (void);
void
gs_baseline_free (GsBaseline *self);
const GsResult *
gs_baseline_get_result (GsBaseline *self, GsPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsBaseline, gs_baseline_free)

G_END_DECLS
