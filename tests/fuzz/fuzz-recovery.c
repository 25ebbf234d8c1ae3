/* fuzz-recovery.c — the recovery file reader: any bytes in a recovery file
 * are listed or skipped, and a listed one restores or is refused with a
 * message.  The next start after a crash must never crash on what the crash
 * left behind.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "gs-recovery.h"

#include <glib/gstdio.h>

static char *file;

static void
remove_dir (void)
{
  g_rmdir (gs_recovery_dir ());
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) entries = NULL;

  if (file == NULL)
    {
      /* One folder for the whole run: gs_recovery_dir() reads the variable once. */
      char *dir = g_dir_make_tmp ("gs-fuzz-recovery-XXXXXX", NULL);
      g_assert_nonnull (dir);
      g_setenv ("GOALSHEET_RECOVERY_DIR", dir, TRUE);
      g_assert_cmpstr (gs_recovery_dir (), ==, dir);
      file = g_build_filename (dir, "fuzz.goalsheet-recovery", NULL);
      atexit (remove_dir);
      g_free (dir);
    }
  g_assert_true (g_file_set_contents (file, (const char *) data, (gssize) size, NULL));
  entries = gs_recovery_list ();
  for (guint i = 0; i < entries->len; i++)
    {
      GsRecoveryEntry *e = g_ptr_array_index (entries, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPlan) plan = gs_recovery_entry_load (e, &error);
      g_assert_nonnull (e->written_at);
      g_assert_nonnull (e->title);
      if (plan == NULL)
        fuzz_check_error (error);
      else
        g_assert_true (gs_plan_get_dirty (plan));
    }
  g_unlink (file);
  return 0;
}
