/* gs-paint-warm-up.h — the memory a window's first edits paint with, touched at idle.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Watches window's frames: once it has been quiet for a moment after its
 * first frame, touches the memory the frames of its next edits paint into
 * (see the .c file), so its first edits paint as fast as later ones. */
void
gs_paint_warm_up_watch (GtkWindow *window);

/* Touches the heap part again once the window is quiet: after a page is
 * shown (made the first time, it took the heap the warm-up had touched). */
void
gs_paint_warm_up_again (GtkWindow *window);

/* For tests and the bench: how many times the warm-up ran, and the bytes of
 * X shared memory and of heap it touched (0 where it does not apply: not
 * X11, or a window larger than 1,920 × 1,080). */
guint
gs_paint_warm_up_get_runs (GtkWindow *window, gsize *shm_bytes, gsize *heap_bytes);

G_END_DECLS
