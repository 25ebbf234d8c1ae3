/* gs-large-alloc.h — large buffers on huge pages.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a plan with 100,000 deals touches some 30 MiB of fresh memory
 * at once: the file's text, the deals and their texts.  Each 4 KiB page is
 * a page fault the first time it is written, and on the virtual machines
 * Goalsheet is measured on a fault costs about 12 µs: 15 MiB of deals cost
 * 47 ms of faults before a byte of them is decoded.  A buffer of at least
 * 2 MiB is asked for 2 MiB-aligned and advised MADV_HUGEPAGE, so the kernel
 * maps it in 2 MiB pages where transparent huge pages are allowed on
 * request ("madvise", Debian's default): the same 15 MiB cost about 1 ms
 * (bench/RESULTS.md, "track at 100,000 deals").  What they return is
 * freed with g_free and may be resized with g_realloc (a resized buffer
 * keeps 4 KiB pages where it moves). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* size bytes (NULL for 0, never NULL otherwise: as g_malloc). */
gpointer
gs_large_alloc (gsize size);
/* size bytes, zeroed (NULL for 0). */
gpointer
gs_large_alloc0 (gsize size);
/* As gs_large_alloc, for a buffer the caller fills from its start at once
 * (a file's text, the deals decoded from it): from 4 MiB, a thread of its
 * own has the kernel provide its pages from the end backwards
 * (MADV_POPULATE_WRITE, which never changes what they hold) while the
 * caller writes from the start, so each clears about half: the same CPU
 * time, half of it beside the caller's (bench/RESULTS.md, "h11h").  The
 * thread ends by itself; the buffer may be freed before it has. */
gpointer
gs_large_alloc_populated (gsize size);
/* Has the kernel provide the whole 4 KiB pages within [p, p + size) now,
 * in one call, where they would have cost a page fault each as they were
 * first written (for a buffer that is not a gs_large_alloc one, such as a
 * GArray's reserved room about to be filled).  Advice only: nothing it
 * holds changes. */
void
gs_large_populate (gpointer p, gsize size);

G_END_DECLS
