/* gs-direction.c — which way is good news, per goal line.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-direction.h"

GsVerdict
gs_direction_verdict (GsDirection direction, double change)
{
  if (change == 0)
    return GS_VERDICT_SAME;
  switch (direction)
    {
    case GS_DIRECTION_UP_GOOD:
      return change > 0 ? GS_VERDICT_GOOD : GS_VERDICT_BAD;
    case GS_DIRECTION_UP_BAD:
      return change > 0 ? GS_VERDICT_BAD : GS_VERDICT_GOOD;
    case GS_DIRECTION_NEUTRAL:
    default:
      return GS_VERDICT_NEUTRAL;
    }
}

const char *
gs_direction_id (GsDirection direction)
{
  switch (direction)
    {
    case GS_DIRECTION_UP_GOOD:
      return "up_good";
    case GS_DIRECTION_UP_BAD:
      return "up_bad";
    case GS_DIRECTION_NEUTRAL:
    default:
      return "neutral";
    }
}
