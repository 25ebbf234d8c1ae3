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

/* The words compute --json carries beside the figures (line labels, lever
 * summaries, month names).  Planning computes figures, not text: the text
 * floor supplies these (gs_explain_result_words, gs-explain.h).  Each returns
 * a new string. */
typedef struct
{
  char *(*line_name) (const GsModel *model, const GsGoalLine *line);
  char *(*lever_summary) (const GsModel *model, const GsResult *result, const GsLever *lever);
  char *(*lever_why) (const GsModel *model, const GsResult *result, const GsLever *lever);
  char *(*month_label) (const GsMonth *month);
  char *(*month_short) (const GsMonth *month);
  char *(*quarter_label) (const GsMonth *month);
} GsResultWords;

/* The whole result: header, targets, funnel, capacity, plan, levers, lines. */
JsonNode *
gs_result_to_json (const GsModel *model, const GsResult *result, const GsResultWords *words);

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
