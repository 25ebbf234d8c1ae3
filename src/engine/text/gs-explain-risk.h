/* gs-explain-risk.h — the payout risk (comp/gs-comp-risk.h) in words, for the
 * app's Scenarios page and the printed goal sheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp-risk.h"

G_BEGIN_DECLS

/* Translated lines (a NULL-terminated vector): variable pay P10/P50/P90
 * against the pay at plan, cost of sales on both bases, then one line per
 * role (chance of quota, of an accelerator).  Money whole, in the plan's
 * currency. */
char **
gs_explain_payout_risk (const GsCompModel *comp, const GsCompRisk *risk, GsMoney at_plan);

G_END_DECLS
