/* gs-tracking-json.h — plan versus actual as JSON (goalsheet-cli track --json).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout in docs/actuals.md ("goalsheet-track" 1.0).  Money as
 * {"minor", "amount"} like goalsheet-compute.
 */
#pragma once

#include "gs-evidence.h"
#include "gs-sla.h"
#include "gs-tracking.h"

G_BEGIN_DECLS

#define GS_TRACK_FORMAT_NAME "goalsheet-track"
#define GS_TRACK_FORMAT_VERSION "1.0"

JsonNode *
gs_tracking_to_json (const GsModel *model, const GsResult *result, const GsTracking *tracking);
/* The "p_hit" member: the chance on the plan's rates and on the posterior,
 * the step that moved it most, and every source's posterior per step. */
JsonNode *
gs_evidence_to_json (const GsModel *model, const GsEvidence *evidence);

/* The "sla" member: the counts and share over every source, per source and
 * per plan month of the MQLs (docs/actuals.md). */
JsonNode *
gs_sla_to_json (const GsModel *model, const GsResult *result, const GsSla *sla);

G_END_DECLS
