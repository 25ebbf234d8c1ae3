/* gs-comp.h — compensation plans (placeholder until the compensation engine lands).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-model.h"

G_BEGIN_DECLS

/* Decodes root["compensation"] (optional) into model->comp.  Called by
 * gs_model_decode after everything else is decoded, so it may read the funnel
 * and capacity. */
gboolean     gs_comp_decode_into_model (GsModel *model, JsonObject *root, GError **error);
void         gs_comp_model_free (GsCompModel *comp);
GsCompModel *gs_comp_model_copy (const GsCompModel *comp);

G_END_DECLS
