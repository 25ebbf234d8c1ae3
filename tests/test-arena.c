/* test-arena.c — the result's arena: pieces handed out, grown in place
 * while last, copied when not, and large pieces beyond a block.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-arena.h"

#include <string.h>

static void
test_grow (void)
{
  g_autoptr (GsArena) arena = gs_arena_new ();
  guint64 *list = NULL, *moved, *other;
  guint n = 0;

  /* Grown one element at a time while it is the last piece: it never moves. */
  for (; n < 100; n++)
    {
      guint64 *grown = gs_arena_grow (arena, list, sizeof *list * n, sizeof *list * (n + 1));
      g_assert_true (list == NULL || grown == list);
      list = grown;
      list[n] = n * 7;
    }
  g_assert_cmpuint ((guintptr) list % 16, ==, 0);
  /* Another piece after it: growing the list again copies it whole. */
  other = gs_arena_alloc (arena, 3);
  memset (other, 0xff, 3);
  moved = gs_arena_grow (arena, list, sizeof *list * n, sizeof *list * (n + 1));
  g_assert_true (moved != list);
  g_assert_true ((guint8 *) moved >= (guint8 *) other + 3
                 || (guint8 *) moved + 101 * 8 <= (guint8 *) other);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (moved[i], ==, i * 7);
  g_assert_cmpuint (list[99], ==, 99 * 7); /* the old piece stays */
}

/* Pieces larger than a block, and past the first block's 64 KiB. */
static void
test_blocks (void)
{
  g_autoptr (GsArena) arena = gs_arena_new ();
  guint8 *big = gs_arena_alloc (arena, 1 << 20), *small;
  guint8 *first[2000];

  memset (big, 1, 1 << 20);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      first[i] = gs_arena_alloc (arena, 100);
      memset (first[i], (int) (i & 0xff), 100);
    }
  small = gs_arena_alloc (arena, 1);
  *small = 42;
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_assert_cmpuint (first[i][99], ==, i & 0xff);
  g_assert_cmpuint (big[(1 << 20) - 1], ==, 1);
  g_assert_cmpuint (*small, ==, 42);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arena/grow", test_grow);
  g_test_add_func ("/arena/blocks", test_blocks);
  return g_test_run ();
}
