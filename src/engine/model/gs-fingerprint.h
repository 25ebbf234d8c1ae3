/* gs-fingerprint.h — what a sign-off agrees to, as one short text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fingerprint is a SHA-256 of the plan's inputs written canonically
 * (object members sorted, every number as the double it reads as), so it
 * does not move when a save reorders members or writes 1 as 1.0, and it
 * moves on any change of an input.  The figures follow from the inputs, so
 * it covers the agreed figures too.  Left out are what a sign-off does not
 * agree to: the sign-offs themselves, the meeting's baseline and locks, the
 * scenarios (alternatives, not the plan), the actuals (what happened) and the
 * history of changes (gs-history.h).
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-json.h"

G_BEGIN_DECLS

/* "sha256:" and 64 hex digits; root is a plan's JSON object. */
char *
gs_fingerprint_plan (JsonNode *root);
/* The same for a tree read with lists deferred (gs_json_parse_deferring;
 * NULL: none): each is read from the text where the tree holds its null. */
char *
gs_fingerprint_plan_deferred (JsonNode *root, const GsJsonDeferred *deferred);

G_END_DECLS
