/* gs-arena.c — one block of memory for the many small pieces of a result.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-arena.h"

#include <string.h>

#define GS_ARENA_ALIGN 16
#define GS_ARENA_FIRST_BLOCK (64 * 1024)

typedef struct _GsArenaBlock GsArenaBlock;
struct _GsArenaBlock
{
  GsArenaBlock *next;
  gsize size; /* usable bytes after the header */
  gsize used;
};

struct _GsArena
{
  GsArenaBlock *blocks; /* the current block first */
  gpointer last;        /* the last piece handed out, for gs_arena_grow */
};

/* The header rounded up, so every piece is aligned. */
#define HEADER ((sizeof (GsArenaBlock) + GS_ARENA_ALIGN - 1) & ~(gsize) (GS_ARENA_ALIGN - 1))
#define BLOCK_DATA(b) ((guint8 *) (b) + HEADER)

static gsize
round_up (gsize size)
{
  return (size + GS_ARENA_ALIGN - 1) & ~(gsize) (GS_ARENA_ALIGN - 1);
}

GsArena *
gs_arena_new (void)
{
  return g_new0 (GsArena, 1);
}

void
gs_arena_free (GsArena *arena)
{
  if (arena == NULL)
    return;
  while (arena->blocks)
    {
      GsArenaBlock *next = arena->blocks->next;
      g_free (arena->blocks);
      arena->blocks = next;
    }
  g_free (arena);
}

gpointer
gs_arena_alloc (GsArena *arena, gsize size)
{
  GsArenaBlock *b = arena->blocks;
  gpointer mem;

  size = round_up (MAX (size, 1));
  if (b == NULL || b->size - b->used < size)
    {
      /* Each new block doubles the last, so a compute takes a few blocks. */
      gsize want = MAX (b ? b->size * 2 : GS_ARENA_FIRST_BLOCK, size);
      GsArenaBlock *fresh = g_malloc (HEADER + want);
      fresh->next = b;
      fresh->size = want;
      fresh->used = 0;
      arena->blocks = b = fresh;
    }
  mem = BLOCK_DATA (b) + b->used;
  b->used += size;
  arena->last = mem;
  return mem;
}

gpointer
gs_arena_grow (GsArena *arena, gpointer mem, gsize old_size, gsize new_size)
{
  GsArenaBlock *b = arena->blocks;
  gpointer fresh;

  if (mem == NULL)
    return gs_arena_alloc (arena, new_size);
  if (mem == arena->last && b != NULL)
    {
      gsize start = (gsize) ((guint8 *) mem - BLOCK_DATA (b));
      if (round_up (new_size) <= b->size - start)
        {
          b->used = start + round_up (new_size);
          return mem;
        }
    }
  fresh = gs_arena_alloc (arena, new_size);
  memcpy (fresh, mem, MIN (old_size, new_size));
  return fresh;
}
