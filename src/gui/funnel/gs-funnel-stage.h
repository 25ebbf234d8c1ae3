/* gs-funnel-stage.h — one stage of the funnel as an item of the Funnel
 * page's list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "gs-model.h"

G_BEGIN_DECLS

#define GS_TYPE_FUNNEL_STAGE (gs_funnel_stage_get_type ())
G_DECLARE_FINAL_TYPE (GsFunnelStage, gs_funnel_stage, GS, FUNNEL_STAGE, GObject)

GsFunnelStage *
gs_funnel_stage_new (const GsModel *m, guint position);
gboolean
gs_funnel_stage_sync (GsFunnelStage *self, const GsModel *m, guint position);
guint
gs_funnel_stage_get_position (GsFunnelStage *self);
const char *
gs_funnel_stage_get_id (GsFunnelStage *self);
const char *
gs_funnel_stage_get_name (GsFunnelStage *self);
const char *
gs_funnel_stage_get_next_name (GsFunnelStage *self);
gboolean
gs_funnel_stage_get_marketing (GsFunnelStage *self);
gboolean
gs_funnel_stage_get_removable (GsFunnelStage *self);

G_END_DECLS
