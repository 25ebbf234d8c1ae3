/* gs-strip.h — target, plan and gap, always in view.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-result.h"

G_BEGIN_DECLS

#define GS_TYPE_STRIP (gs_strip_get_type ())
G_DECLARE_FINAL_TYPE (GsStrip, gs_strip, GS, STRIP, GtkWidget)

GtkWidget *
gs_strip_new (void);
void
gs_strip_update (GsStrip *self, const GsModel *model, const GsResult *result,
                 const GsResult *baseline);
void
gs_strip_set_error (GsStrip *self, const char *message);
const char *
gs_strip_get_gap_text (GsStrip *self);

void
gs_strip_set_p_hit (GsStrip *self, double p, gboolean stale);

void
gs_strip_set_preview (GsStrip *self, gboolean preview);

G_END_DECLS
