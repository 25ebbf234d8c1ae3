/* gs-funnel-source.h — one lead source as an item of the Funnel page's
 * planned-volume list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "gs-model.h"

G_BEGIN_DECLS

#define GS_TYPE_FUNNEL_SOURCE (gs_funnel_source_get_type ())
G_DECLARE_FINAL_TYPE (GsFunnelSource, gs_funnel_source, GS, FUNNEL_SOURCE, GObject)

GsFunnelSource *
gs_funnel_source_new (const GsModel *m, guint position);
void
gs_funnel_source_sync (GsFunnelSource *self, const GsModel *m, guint position);
guint
gs_funnel_source_get_position (GsFunnelSource *self);
const char *
gs_funnel_source_get_id (GsFunnelSource *self);
const char *
gs_funnel_source_get_name (GsFunnelSource *self);
const char *
gs_funnel_source_get_entry_name (GsFunnelSource *self);
gboolean
gs_funnel_source_get_planned (GsFunnelSource *self);

G_END_DECLS
