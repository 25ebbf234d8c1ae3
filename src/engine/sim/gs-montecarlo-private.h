/* gs-montecarlo-private.h — for the tests only.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether runs started from now on draw each month's wins a month ahead
 * (the default, TRUE) or month by month: the figures must be the same, and
 * /montecarlo/ahead checks that they are. */
void
gs_montecarlo_set_draw_ahead (gboolean ahead);

G_END_DECLS
