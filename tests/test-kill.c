/* test-kill.c — a plan being saved survives SIGKILL at any moment: after
 * each kill the file on disk is exactly one of the two plans being saved,
 * never a mixture, never empty, and it loads.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kill-saver alternates two plans over one file; this test starts it, waits
 * a random 0–15 ms, kills it with SIGKILL, and checks the file, its backup
 * FILE~ (always there, always one of the plans: it is replaced by a rename,
 * never removed first) and the temporary files (at most the interrupted
 * save's own: the next save removes those of killed writers).  The number
 * of kills is GOALSHEET_KILLS (default 300).  The counts are printed as a TAP
 * comment for docs/reliability.md.
 */
#include "gs-error.h"
#include "gs-plan.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

static const char *saver;

static char *
example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* The text the saver writes for a plan: what gs_plan_save_to_file writes. */
static char *
saved_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  return gs_plan_to_text (plan);
}

static guint
count_temps (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;
  while (d && (name = g_dir_read_name (d)))
    n += name[0] == '.' && g_str_has_suffix (name, ".tmp");
  return n;
}

static void
test_kill_during_save (void)
{
  g_autofree char *path_a = example ("seed-saas.goalsheet");
  g_autofree char *path_b = example ("mid-market.goalsheet");
  g_autofree char *text_a = saved_text (path_a);
  g_autofree char *text_b = saved_text (path_b);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-kill-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "plan.goalsheet", NULL);
  const char *kills_env = g_getenv ("GOALSHEET_KILLS");
  guint kills = kills_env ? (guint) g_ascii_strtoull (kills_env, NULL, 10) : 300;
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  guint survived = 0, lost = 0, as_a = 0, as_b = 0, changed = 0, no_backup = 0, max_temps = 0,
        interrupted = 0;
  g_autofree char *last = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261125);

  g_assert_no_error (error);
  g_assert_cmpstr (text_a, !=, text_b);
  for (guint k = 0; k < kills; k++)
    {
      const char *argv[] = { saver, path_a, path_b, target, NULL };
      GPid pid;
      int out_fd, status;
      char ready[6] = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *kept = NULL;
      g_autoptr (GsPlan) plan = NULL;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* Kill only once the saver is in its loop, so every kill lands among
       * saves rather than in process start-up. */
      g_assert_cmpint (read (out_fd, ready, 5), ==, 5);
      g_assert_cmpstr (ready, ==, "ready");
      close (out_fd);
      g_usleep (g_rand_int_range (rand, 0, 15000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      if (!g_file_get_contents (backup, &kept, NULL, NULL)
          || (g_strcmp0 (kept, text_a) != 0 && g_strcmp0 (kept, text_b) != 0))
        {
          no_backup++;
          g_test_message ("kill %u: the backup is missing or neither plan", k);
        }
      max_temps = MAX (max_temps, count_temps (dir));
      interrupted += count_temps (dir) > 0;
      if (!g_file_get_contents (target, &text, NULL, NULL))
        text = g_strdup ("");
      plan = gs_plan_new_from_text (text, -1, NULL);
      if (plan && g_strcmp0 (text, text_a) == 0)
        as_a++;
      else if (plan && g_strcmp0 (text, text_b) == 0)
        as_b++;
      else
        {
          lost++;
          g_test_message ("kill %u: the file is neither plan (%" G_GSIZE_FORMAT " bytes)", k,
                          strlen (text));
          continue;
        }
      survived++;
      if (last && g_strcmp0 (last, text) != 0)
        changed++;
      g_free (last);
      last = g_steal_pointer (&text);
    }
  g_test_message ("%u kills: %u survived (%u as plan A, %u as plan B), %u lost; the file "
                  "changed between kills %u times; %u saves were interrupted mid-write "
                  "(temporary file left behind until the next save)",
                  kills, survived, as_a, as_b, lost, changed, interrupted);
  g_test_message ("backup missing or damaged after %u kills; at most %u temporary files after a "
                  "kill",
                  no_backup, max_temps);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (survived, ==, kills);
  g_assert_cmpuint (no_backup, ==, 0);
  /* The interrupted save's temporary file and backup link at most. */
  g_assert_cmpuint (max_temps, <=, 2);
  /* One more save removes what the killed writers left. */
  {
    g_autoptr (GsPlan) plan = gs_plan_new_from_text (text_a, -1, &error);
    g_assert_no_error (error);
    g_assert_true (gs_plan_save_to_file (plan, target, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_temps (dir), ==, 0);
  }
  /* The kills did land among saves: both plans were seen, the file changed. */
  g_assert_cmpuint (as_a, >, 0);
  g_assert_cmpuint (as_b, >, 0);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  saver = g_getenv ("GOALSHEET_KILL_SAVER");
  g_assert_nonnull (saver);
  g_test_add_func ("/reliability/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
