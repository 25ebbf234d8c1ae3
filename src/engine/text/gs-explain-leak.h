/* gs-explain-leak.h — where a source's funnel falls behind, in words.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tracking (gs-tracking.h) names the first stage where each source's
 * actual to date is below its plan to date; this says it the way the VPs
 * argue about it: behind at the stage the source enters ("too few come in",
 * marketing's conversation), or behind at a later stage, told as the step
 * into it with its actual and planned conversion ("you never follow up").
 */
#pragma once

#include "gs-evidence.h"
#include "gs-tracking.h"

G_BEGIN_DECLS

/* "Inbound: SQL → Opportunity is behind plan: 31 % against 40 % (12 to date,
 * 20 planned)"; "Inbound: on plan at every stage to date". */
char *
gs_explain_leak (const GsModel *model, const GsTracking *tracking, guint source);

/* "The SQL → Opportunity actuals moved it most: −8 %", or NULL when no
 * step's evidence moved the chance of the target. */
char *
gs_explain_evidence_moved (const GsModel *model, const GsEvidence *evidence);

G_END_DECLS
