/* gs-explain-input.h — a plan input named the way the VPs name it.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan file addresses an input by its path ("funnel.steps[1].rate",
 * docs/plan-format.md); people call it "MQL → SQL rate".  These turn a path
 * and its JSON value into words and figures in the user's locale, for
 * `goalsheet-cli diff` and anything else that reports an input.  A path this
 * does not know is shown as it is, so nothing is ever hidden.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gs-model.h"
#include "gs-result.h"

G_BEGIN_DECLS

/* "MQL → SQL rate", "Marketing inbound: cost per lead", "AE hires, 2nd batch".
 * model is the plan the path belongs to. */
char *
gs_explain_input_path (const GsModel *model, const char *path);

/* The unit an input at path is entered in: GS_UNIT_PERCENT for the
 * fractions people read as percents (rates, shares, growth), GS_UNIT_MONEY
 * for amounts, else GS_UNIT_NUMBER (a month or a name is text: look at
 * the value). */
GsUnit
gs_explain_input_unit (const char *path);

/* The value at path in words: "25 %", "$25,000.00", "“Partner referrals”",
 * "12 entries", "—" for NULL (an input that is not there). */
char *
gs_explain_input_value (const GsModel *model, const char *path, JsonNode *value);

/* One change of an input in a line: "MQL → SQL rate: 30 % → 35 %",
 * "Source “Partners”: added, “Partners”", "AE hires, batch 2: removed (was
 * 1 from 2027-07)".  from is NULL when the input was added, to when it was
 * removed; a removed input is named as old_model had it. */
char *
gs_explain_input_change (const GsModel *old_model, const GsModel *new_model, const char *path,
                         JsonNode *from, JsonNode *to);

G_END_DECLS
