/* gs-funnel-page.h — the funnel's stages, rates and lags, edited in a list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_FUNNEL_PAGE (gs_funnel_page_get_type ())
G_DECLARE_FINAL_TYPE (GsFunnelPage, gs_funnel_page, GS, FUNNEL_PAGE, GtkWidget)

GtkWidget *
gs_funnel_page_new (void);
void
gs_funnel_page_set_plan (GsFunnelPage *self, GsPlan *plan);
void
gs_funnel_page_update (GsFunnelPage *self);
gboolean
gs_funnel_page_add_stage (GsFunnelPage *self, GError **error);
gboolean
gs_funnel_page_remove_stage (GsFunnelPage *self, guint stage, GError **error);
GListModel *
gs_funnel_page_get_stages (GsFunnelPage *self);
GListModel *
gs_funnel_page_get_sources (GsFunnelPage *self);

void
gs_funnel_page_set_result (GsFunnelPage *self, const GsResult *result);

G_END_DECLS
