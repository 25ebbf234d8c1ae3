/* gs-validate.h — one validator: every check any goalsheet-cli verb or the
 * app runs on a plan, so a plan that passes is accepted by all of them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

/* Checks, for the plan and for each of its scenarios applied: the figures
 * compute, the compensation plans resolve and pay at plan and at 100 % for
 * every role (no overflow), and the simulation settings read and prepare
 * (one trial).  Decoding, which gs_plan_new_from_*() already did, covers
 * the fields, the list and text limits and duplicate keys.  The error is
 * the first problem, prefixed “scenario “NAME”: ” for a scenario. */
gboolean
gs_plan_validate (GsPlan *plan, GError **error);

G_END_DECLS
