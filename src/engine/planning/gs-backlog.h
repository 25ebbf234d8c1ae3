/* gs-backlog.h — one month of AE delivery with a capacity backlog.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wins the AEs cannot carry in their month are not lost: they wait in a
 * backlog and are booked in the next month with room, less a stated decay
 * per month (deals that go cold).  What is still waiting after the plan's
 * last month falls past the horizon.  The deterministic plan and every Monte
 * Carlo trial take the same step, so a trial at the plan's own figures books
 * the plan (docs/derivations.md, "Plan and gap").
 */
#pragma once

#include "gs-money.h"

/* bookings: the month's new business from the funnel; capacity: what the AEs
 * can carry; decay: share of the backlog lost per month, [0, 1]; *backlog:
 * carried in, on return carried out (after the decay).  Returns what the
 * AEs book this month.  Every amount stays within ±GS_MONEY_LIMIT, so lever
 * searches with inputs far out of range cannot wrap. */
static inline GsMoney
gs_backlog_step (GsMoney bookings, GsMoney capacity, double decay, GsMoney *backlog)
{
  GsMoney waiting = CLAMP (bookings, -GS_MONEY_LIMIT, GS_MONEY_LIMIT) + *backlog;
  GsMoney booked = CLAMP (MIN (waiting, capacity), -GS_MONEY_LIMIT, GS_MONEY_LIMIT);
  GsMoney left = waiting > booked ? waiting - booked : 0;
  if (decay > 0)
    left -= gs_money_round ((double) left * decay);
  *backlog = MIN (left, GS_MONEY_LIMIT);
  return booked;
}
