/* gs-result-json.h — every derived figure of a plan as a JSON tree.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is documented in docs/compute-json.md ("goalsheet-compute"
 * 2.0).  Money is written twice, as an integer count of minor units and as a
 * plain decimal string ({"minor": 260000000, "amount": "2600000.00"}), so a
 * script never has to trust a binary floating-point number with a cent.
 * Write the tree with gs_json_to_text() for stable, diffable output.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-result.h"

G_BEGIN_DECLS

#define GS_COMPUTE_FORMAT_NAME "goalsheet-compute"
#define GS_COMPUTE_FORMAT_VERSION "2.0"

/* The whole result: header, targets, funnel, capacity, plan, levers, lines. */
JsonNode *
gs_result_to_json (const GsModel *model, const GsResult *result);

/* Building blocks, for other writers that embed parts of a result. */
JsonNode *
gs_result_json_money (GsMoney value, guint digits); /* {"minor", "amount"} */
JsonNode *
gs_result_json_money_array (const GsMoney *values, guint n, guint digits);
JsonNode *
gs_result_json_derivation (const GsModel *model, const GsResult *result,
                           const GsDerivation *derivation);
JsonNode *
gs_result_json_cell (const GsModel *model, const GsResult *result, const GsCell *cell, GsUnit unit);
JsonNode *
gs_result_json_line (const GsModel *model, const GsResult *result, const GsGoalLine *line);
JsonNode *
gs_result_json_lever (const GsModel *model, const GsResult *result, const GsLever *lever);

const char *
gs_side_name (GsSide side); /* "marketing", "shared", "sales" */
const char *
gs_unit_name (GsUnit unit); /* "count", "money", "percent", … */
const char *
gs_lever_kind_name (GsLeverKind kind); /* "leads", "rate", "deal", "aes" */
const char *
gs_line_kind_name (GsLineKind kind); /* "stage", "budget", … */
const char *
gs_derivation_kind_name (GsDerivationKind kind); /* "divide_by_rate", … */

G_END_DECLS
