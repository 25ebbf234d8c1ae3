/* gs-comp.c — placeholder until the compensation engine lands.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp.h"

gboolean
gs_comp_decode_into_model (GsModel *model, JsonObject *root, GError **error)
{
  model->comp = NULL;
  return TRUE;
}

void
gs_comp_model_free (GsCompModel *comp)
{
}

GsCompModel *
gs_comp_model_copy (const GsCompModel *comp)
{
  return NULL;
}
