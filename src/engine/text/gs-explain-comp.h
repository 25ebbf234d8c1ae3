/* gs-explain-comp.h — compensation in words: the payout trace, measure and
 * periods.  Translated through gettext; the figures come from
 * the engine's structured trace (gs-comp-payout.h), unchanged.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp-payout.h"

G_BEGIN_DECLS

/* One trace line as a sentence a person can check with a calculator:
 * "150,000.00 ÷ 520,000.00 × 70,000.00 × 1 = 20,192.31". */
char *
gs_explain_comp_line (const GsCompModel *comp, const GsTraceLine *line);

/* A measure's name: "Own bookings". */
const char *
gs_explain_measure (GsMeasure measure);

/* Where a component's quota comes from: "the company target",
 * "the AE quota × 8 AEs on the plan", "set in the plan". */
char *
gs_explain_quota_source (const GsModel *model, const GsCompComponent *component);

/* Where a role's headcount comes from: "the people listed". */
const char *
gs_explain_headcount_from (const GsCompRole *role);

/* Period p of n from the comp plan's start: "Year", "Q2", "Mar 2027". */
char *
gs_explain_period (const GsCompModel *comp, guint n, guint p);

G_END_DECLS
