/* gs-arena.h — one block of memory for the many small pieces of a result.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compute builds a few thousand derivation parts (gs-result.h), each a few
 * hundred bytes; allocating and freeing them one by one was a third of
 * gs_compute's time at 36 months.  The arena hands out pieces from large
 * blocks and frees them all at once with the result.  Nothing in it is ever
 * freed on its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GsArena GsArena;

GsArena *
gs_arena_new (void);
void
gs_arena_free (GsArena *arena);

/* size bytes, aligned for any of the result's types, not zeroed. */
gpointer
gs_arena_alloc (GsArena *arena, gsize size);

/* mem (old_size bytes from this arena, or NULL) grown to new_size: in place
 * when mem is the last piece handed out and its block has room, else a new
 * piece with the old bytes copied (the old piece stays until the arena goes). */
gpointer
gs_arena_grow (GsArena *arena, gpointer mem, gsize old_size, gsize new_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsArena, gs_arena_free)

G_END_DECLS
