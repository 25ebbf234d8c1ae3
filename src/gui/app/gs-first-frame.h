/* gs-first-frame.h — the start-up bench's probe: when the first frame is painted.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With GOALSHEET_FIRST_FRAME_FILE set (bench/run-startup.sh), writes the
 * monotonic clock (µs, CLOCK_MONOTONIC) at the end of window's first paint
 * to that file and quits the application; otherwise does nothing. */
void
gs_first_frame_probe (GtkWindow *window);

G_END_DECLS
