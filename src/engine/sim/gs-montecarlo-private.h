/* gs-montecarlo-private.h — for the tests only.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether runs started from now on draw each month's wins a month ahead and
 * set the next trial up before a trial's last month is tallied (the default,
 * TRUE), or go month by month and trial by trial: the figures must be the
 * same, and /montecarlo/ahead checks that they are. */
void
gs_montecarlo_set_draw_ahead (gboolean ahead);

G_END_DECLS
