/* replay-main.c — runs a harness over files and folders without libFuzzer,
 * so the committed corpus (every past crash included) is replayed by
 * `meson test` in every build, sanitized or not.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv);
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint n_inputs;

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
replay (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      while (dir && (name = g_dir_read_name (dir)))
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        replay (g_ptr_array_index (names, i));
      return;
    }
  {
    g_autofree char *data = NULL;
    gsize size = 0;
    if (!g_file_get_contents (path, &data, &size, NULL))
      return;
    LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
    n_inputs++;
  }
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  printf ("1..1\n");
  for (int i = 1; i < argc; i++)
    replay (argv[i]);
  printf ("ok 1 - %u inputs replayed without a crash\n", n_inputs);
  return 0;
}
