/* gs-direction.h — which way is good news, per goal line.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colour says good or bad, not up or down (docs/meeting.md): each goal line
 * declares whether more of it is good (wins, pipeline, the plan), bad
 * (budget, cost per hand-off, a longer cycle) or neither (the volume the plan
 * needs, the target itself).  Meeting deltas and scenario differences are
 * judged by the same rule.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GS_DIRECTION_NEUTRAL,
  GS_DIRECTION_UP_GOOD,
  GS_DIRECTION_UP_BAD,
} GsDirection;

/* How a change reads: what a table or a delta colours. */
typedef enum
{
  GS_VERDICT_SAME, /* no change, or a figure one side lacks */
  GS_VERDICT_GOOD,
  GS_VERDICT_BAD,
  GS_VERDICT_NEUTRAL, /* it moved, on a line that is neither */
} GsVerdict;

/* The verdict on a change of `change` (now − before, any unit) on a line of
 * that direction; 0 is SAME. */
GsVerdict
gs_direction_verdict (GsDirection direction, double change);

/* The stable id of a direction for JSON: "up_good", "up_bad", "neutral". */
const char *
gs_direction_id (GsDirection direction);

G_END_DECLS
