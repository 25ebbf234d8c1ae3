/* gs-actuals-json.h — the actuals written back as the plan's section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inverse of gs_actuals_decode_into_model (docs/plan-format.md,
 * "actuals"): what an import puts into the plan with gs_plan_set.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

JsonNode *
gs_actuals_to_json (const GsActualsData *data, const GsModel *model);
/* The section with null for its deals and leads, which a store holds
 * (gs-actuals-store.h, gs_plan_set_store). */
JsonNode *
gs_actuals_to_json_held (const GsActualsData *data, const GsModel *model);

/* actuals.mapping alone: what "Save Mapping" stores without importing. */
JsonNode *
gs_actuals_mapping_to_json (const GsActualsMapping *mapping);

/* One dispute note, and the whole actuals.disputes list. */
JsonNode *
gs_dispute_to_json (const GsActualsData *data, const GsDispute *note);
JsonNode *
gs_disputes_to_json (const GsActualsData *data);

/* A node that owns object (array): the builders of the floor's JSON. */
JsonNode *
gs_actuals_json_take_object (JsonObject *object);
JsonNode *
gs_actuals_json_take_array (JsonArray *array);

G_END_DECLS
