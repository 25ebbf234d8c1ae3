/* gs-targets-page.h — the Targets page: the shared sheet, levers,
 * agreements and the assumptions that drive them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_TARGETS_PAGE (gs_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (GsTargetsPage, gs_targets_page, GS, TARGETS_PAGE, GtkWidget)

GtkWidget *
gs_targets_page_new (void);
void
gs_targets_page_set_plan (GsTargetsPage *self, GsPlan *plan);
void
gs_targets_page_update (GsTargetsPage *self, const GsResult *result, const GsResult *baseline);
GtkWidget *
gs_targets_page_get_sheet (GsTargetsPage *self);
GtkWidget *
gs_targets_page_get_sources (GsTargetsPage *self);
/* The agreements and the assumptions (below the fold) are made after the
 * page's first painted frame, in a low-priority idle; this makes them at
 * once (Go to Input, the focus walk, get_sources). */
void
gs_targets_page_make_below (GsTargetsPage *self);
gboolean
gs_targets_page_get_below_made (GsTargetsPage *self);

G_END_DECLS
