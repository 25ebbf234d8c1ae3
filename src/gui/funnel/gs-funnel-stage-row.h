/* gs-funnel-stage-row.h — a row of the Funnel page's stage list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-funnel-stage.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_FUNNEL_STAGE_ROW (gs_funnel_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (GsFunnelStageRow, gs_funnel_stage_row, GS, FUNNEL_STAGE_ROW, GtkListBoxRow)

GtkWidget *
gs_funnel_stage_row_new (GsPlan *plan, GsFunnelStage *stage);
GsFunnelStage *
gs_funnel_stage_row_get_stage (GsFunnelStageRow *self);

G_END_DECLS
