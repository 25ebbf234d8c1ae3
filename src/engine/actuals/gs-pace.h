/* gs-pace.h — red, amber or green: an actual against its plan to date.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule for every figure the app colours (docs/actuals.md, "Pace"):
 * on pace (green) at or above the plan to date; near (amber) from 90 % of it;
 * behind (red) below that.  Nothing planned to date is on pace.  The leak
 * (gs-tracking.h) is the first stage below its plan, so it is never green.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GS_PACE_ON,     /* actual ≥ planned to date */
  GS_PACE_NEAR,   /* 90 % ≤ actual ÷ planned < 100 % */
  GS_PACE_BEHIND, /* actual ÷ planned < 90 % */
} GsPace;

#define GS_PACE_NEAR_SHARE 0.9

GsPace
gs_pace_of (double planned, double actual);

/* actual ÷ planned; 1 when nothing was planned. */
double
gs_pace_share (double planned, double actual);

G_END_DECLS
