/* gs-source-inputs.h — the Targets page's lead sources: add, remove, rename,
 * entry stage, share, cost per unit and the source's own conversion rates.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control applies an engine edit (gs-plan-edits.h): one undo step
 * each, seen by the meeting's deltas and the signatures' fingerprints.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

GtkWidget *
gs_source_inputs_new (GsPlan *plan);
/* What the group's rows depend on: it is made again when this changes. */
void
gs_source_inputs_update (GtkWidget *group);
GListModel *
gs_source_inputs_get_sources (GtkWidget *group);

G_END_DECLS
