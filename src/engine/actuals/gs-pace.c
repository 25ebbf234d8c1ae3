/* gs-pace.c — red, amber or green against the plan to date.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-pace.h"

double
gs_pace_share (double planned, double actual)
{
  if (planned <= 0)
    return 1;
  return actual / planned;
}

GsPace
gs_pace_of (double planned, double actual)
{
  /* Compared as actual against planned, not through the share, so an actual
   * exactly at 90 % of a fractional plan is not lost to rounding. */
  if (planned <= 0 || actual >= planned)
    return GS_PACE_ON;
  if (actual >= GS_PACE_NEAR_SHARE * planned)
    return GS_PACE_NEAR;
  return GS_PACE_BEHIND;
}
