/* test-atomic.c — atomic writes: the old file survives every failure.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* unshare */
#include "gs-atomic.h"
#include "gs-error.h"
#include "gs-plan.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

static char *
make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("gs-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  g_chmod (dir, 0700);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        remove_dir (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

/* Temporary files left behind: ".NAME.XXXXXX.tmp". */
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
assert_contents (const char *path, const char *expected)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_write_and_backup (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr (GError) error = NULL;
  struct stat st;
  mode_t old_mask = umask (022);

  g_assert_true (gs_atomic_write (path, "one", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_no_error (error);
  assert_contents (path, "one");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS)); /* nothing to back up yet */
  /* A new file gets 0666 minus the umask, like any file the user creates. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* The mode of an existing file is kept. */
  g_chmod (path, 0600);
  g_assert_true (gs_atomic_write (path, "two", 3, GS_ATOMIC_BACKUP, &error));
  assert_contents (path, "two");
  assert_contents (backup, "one");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Without the flag the backup is left alone; empty content is allowed. */
  g_assert_true (gs_atomic_write (path, "", 0, GS_ATOMIC_NONE, &error));
  assert_contents (path, "");
  assert_contents (backup, "one");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  umask (old_mask);
  remove_dir (dir);
}

/* A kill between the backup's rename and the file's leaves NAME~ a hard
 * link to NAME; the next save must still leave no temporary link. */
static void
test_backup_already_linked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_atomic_write (path, "one", 3, GS_ATOMIC_NONE, &error));
  g_assert_cmpint (link (path, backup), ==, 0);
  g_assert_true (gs_atomic_write (path, "two", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_no_error (error);
  assert_contents (path, "two");
  assert_contents (backup, "one");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "nope", "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (gs_atomic_write (path, "x", 1, GS_ATOMIC_BACKUP, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_not_a_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *path = g_build_filename (file, "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (gs_atomic_write (path, "x", 1, GS_ATOMIC_NONE, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is not a folder"));
  g_clear_error (&error);

  /* The target itself is a folder: refused, the folder untouched. */
  g_assert_false (gs_atomic_write (dir, "x", 1, GS_ATOMIC_NONE, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "it is a folder"));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  remove_dir (dir);
}

/* A folder the user may not write to: the save is refused, the old file and
 * no temporary file are left. */
static void
read_only_folder_case (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_atomic_write (path, "old", 3, GS_ATOMIC_NONE, &error));
  g_chmod (dir, 0555);
  g_assert_false (gs_atomic_write (path, "new", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "permission denied"));
  g_chmod (dir, 0700);
  assert_contents (path, "old");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

/* root writes anywhere (and CI runs as root), so there the case runs in a
 * child process that has become nobody first, where permissions apply. */
static void
test_read_only_folder (void)
{
  if (geteuid () != 0)
    {
      read_only_folder_case ();
      return;
    }
  if (g_test_subprocess ())
    {
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
        g_error ("could not become nobody: %s", g_strerror (errno));
      read_only_folder_case ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
own_mounts (void)
{
  return unshare (CLONE_NEWNS) == 0 || unshare (CLONE_NEWUSER | CLONE_NEWNS) == 0;
}

/* Runs the current test again in a child process with a mount namespace of
 * its own (as root, or as root of a new user namespace), so the mounts it
 * makes vanish with it.  TRUE in that child; in the parent FALSE, the
 * child's result asserted, or the test skipped where the kernel or the
 * container allows no mount namespace (a first child tries). */
static gboolean
in_own_mounts (void)
{
  if (!g_test_subprocess ())
    {
      pid_t pid = fork ();
      int status = 0;
      if (pid == 0)
        _exit (own_mounts () ? 0 : 1);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          g_test_skip ("no mount namespace here (unshare refused)");
          return FALSE;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }
  if (!own_mounts ())
    g_error ("no mount namespace: %s", g_strerror (errno));
  /* Mounts made here must not reach the rest of the system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    g_error ("could not make the mounts private: %s", g_strerror (errno));
  return TRUE;
}

/* A folder on a file system mounted read-only (a read-only bind mount of the
 * test folder): EROFS, reported as such; the old file stays. */
static void
test_read_only_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (!in_own_mounts ())
    return;
  dir = make_dir ();
  path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_assert_true (gs_atomic_write (path, "old", 3, GS_ATOMIC_NONE, &error));
  g_assert_cmpint (mount (dir, dir, NULL, MS_BIND, NULL), ==, 0);
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);

  g_assert_false (gs_atomic_write (path, "new", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is read-only"));
  assert_contents (path, "old");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  g_assert_cmpint (umount (dir), ==, 0);
  remove_dir (dir);
}

/* A really full disk: a 16 KiB tmpfs over the test folder, so writing a
 * 64 KiB plan fails with ENOSPC; the old file stays, no temporary file. */
static void
test_disk_full_tmpfs (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'n');
  g_autoptr (GError) error = NULL;

  if (!in_own_mounts ())
    return;
  dir = make_dir ();
  path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=16k"), ==, 0);
  g_assert_true (gs_atomic_write (path, "old", 3, GS_ATOMIC_NONE, &error));

  g_assert_false (gs_atomic_write (path, big, 64 * 1024, GS_ATOMIC_BACKUP, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  assert_contents (path, "old");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  g_assert_cmpint (umount (dir), ==, 0);
  remove_dir (dir);
}

/* A full disk, simulated: files may not grow past 64 bytes (write() fails
 * with EFBIG, SIGXFSZ ignored) until full_disk_end. */
typedef struct
{
  struct rlimit saved;
  void (*old_handler) (int);
} FullDisk;

static void
full_disk_begin (FullDisk *fd)
{
  struct rlimit small;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &fd->saved), ==, 0);
  fd->old_handler = signal (SIGXFSZ, SIG_IGN);
  small = fd->saved;
  small.rlim_cur = 64;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
}

static void
full_disk_end (FullDisk *fd)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &fd->saved), ==, 0);
  signal (SIGXFSZ, fd->old_handler);
}

/* A full disk, simulated with the file size limit: write() fails with EFBIG
 * once the temporary file would pass 64 bytes (SIGXFSZ ignored). */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_strnfill (4096, 'n');
  FullDisk full;

  g_assert_true (gs_atomic_write (path, "old", 3, GS_ATOMIC_NONE, &error));
  full_disk_begin (&full);

  g_assert_false (gs_atomic_write (path, big, 4096, GS_ATOMIC_BACKUP, &error));

  full_disk_end (&full);
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  assert_contents (path, "old");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

static gboolean
write_then_fail (const char *temp_path, gpointer user_data, GError **error)
{
  g_assert_true (g_file_set_contents (temp_path, "partial", -1, NULL));
  g_set_error (error, GS_ERROR, GS_ERROR_IO, "the exporter gave up");
  return FALSE;
}

static gboolean
write_by_path (const char *temp_path, gpointer user_data, GError **error)
{
  /* Like libxlsxwriter: opens the path itself and truncates it. */
  FILE *f = fopen (temp_path, "wb");
  g_assert_nonnull (f);
  fputs (user_data, f);
  fclose (f);
  return TRUE;
}

static gboolean
write_stream (GOutputStream *out, gpointer user_data, GError **error)
{
  return g_output_stream_write_all (out, user_data, strlen (user_data), NULL, NULL, error);
}

static void
test_writers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (
      gs_atomic_write_via_path (path, write_by_path, (gpointer) "by path", GS_ATOMIC_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "by path");
  g_assert_false (gs_atomic_write_via_path (path, write_then_fail, NULL, GS_ATOMIC_NONE, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "the exporter gave up");
  g_clear_error (&error);
  assert_contents (path, "by path");
  g_assert_true (
      gs_atomic_write_stream (path, write_stream, (gpointer) "streamed", GS_ATOMIC_NONE, &error));
  g_assert_no_error (error);
  assert_contents (path, "streamed");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

static void
test_symlink_kept (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.goalsheet", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.goalsheet", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.goalsheet", link_path), ==, 0);
  g_assert_true (gs_atomic_write (link_path, "new", 3, GS_ATOMIC_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "new");
  remove_dir (dir);
}

/* A failed plan save keeps the old file and the unsaved edit (still dirty). */
static void
test_plan_save_failure (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", "plan.goalsheet", NULL);
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Acme");
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_false (gs_plan_get_dirty (plan));
  g_file_get_contents (path, &saved, NULL, NULL);

  g_assert_true (gs_plan_set_string (plan, "company.name", "Acme Two", &error));
  g_assert_true (gs_plan_get_dirty (plan));
  g_assert_false (gs_plan_save_to_file (plan, gone, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_true (gs_plan_get_dirty (plan));
  assert_contents (path, saved);

  /* The successful save keeps the first version as FILE~. */
  g_clear_error (&error);
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    assert_contents (backup, saved);
  }
  remove_dir (dir);
}

/* Only regular files are replaced: devices, named pipes (also through a
 * link) are refused and stay what they were.  The devices are made in the
 * test folder (the null and full devices): a regressed writer running as
 * root must not replace the machine's /dev/null. */
static void
test_not_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *null_dev = g_build_filename (dir, "null", NULL);
  g_autofree char *full_dev = g_build_filename (dir, "full", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.pdf", NULL);
  g_autofree char *link_path = g_build_filename (dir, "full.xlsx", NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  struct stat st;

  if (mknod (null_dev, S_IFCHR | 0666, makedev (1, 3)) == 0
      && mknod (full_dev, S_IFCHR | 0666, makedev (1, 7)) == 0)
    {
      g_assert_false (gs_atomic_write (null_dev, "x", 1, GS_ATOMIC_NONE, &error));
      g_assert_error (error, GS_ERROR, GS_ERROR_IO);
      expected
          = g_strdup_printf ("could not save %s: it is a device, not a regular file", null_dev);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_cmpint (lstat (null_dev, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));

      g_assert_cmpint (symlink ("full", link_path), ==, 0);
      g_assert_false (gs_atomic_write (link_path, "x", 1, GS_ATOMIC_NONE, &error));
      g_assert_nonnull (strstr (error->message, "is a device, not a regular file"));
      g_clear_error (&error);
      g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
      g_assert_cmpint (lstat (full_dev, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
  else
    g_test_message ("mknod refused (not root): the device cases are left out");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (gs_atomic_write (fifo, "x", 1, GS_ATOMIC_NONE, &error));
  g_assert_nonnull (strstr (error->message, "it is a named pipe, not a regular file"));
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

/* A dangling link: the file it names is created, the link stays. */
static void
test_dangling_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *link_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.pdf", NULL);
  g_autofree char *real = g_build_filename (dir, "made.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (symlink ("made.pdf", link_path), ==, 0);
  g_assert_cmpint (symlink ("report.pdf", chain), ==, 0); /* a link to the link */
  g_assert_true (gs_atomic_write (chain, "new", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "new");
  remove_dir (dir);
}

static int
make_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, "stale", -1, NULL));
  return open (path, O_RDONLY | O_CLOEXEC);
}

/* Temporaries whose lock nobody holds (their writer was killed) go at the
 * next write of the same file; a held one and other files stay. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  int held;
  const char *gone[] = { ".plan.goalsheet.AbC123.tmp", ".plan.goalsheet~.Zz9Zz9.tmp" };
  const char *kept[] = { ".plan.goalsheet.Held00.tmp", ".other.goalsheet.AbC123.tmp",
                         ".plan.goalsheet.AbC1234.tmp", "plan.goalsheet.AbC123.tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    close (make_file (dir, gone[i]));
  for (guint i = 1; i < G_N_ELEMENTS (kept); i++)
    close (make_file (dir, kept[i]));
  /* A live writer's lock (flock belongs to the open file, so this process
   * holding it is the same as another process holding it). */
  held = make_file (dir, kept[0]);
  g_assert_cmpint (flock (held, LOCK_EX), ==, 0);

  g_assert_true (gs_atomic_write (path, "new", 3, GS_ATOMIC_BACKUP, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_autofree char *p = g_build_filename (dir, gone[i], NULL);
      g_assert_false (g_file_test (p, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *p = g_build_filename (dir, kept[i], NULL);
      g_assert_true (g_file_test (p, G_FILE_TEST_EXISTS));
    }
  close (held);
  remove_dir (dir);
}

/* A failed write is remembered: later writes fail, commit reports the first
 * failure with its reason, the old file stays. */
static void
test_file_steps (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsAtomicFile) file = NULL;
  g_autofree char *big = g_strnfill (4096, 'n');
  FullDisk full;

  g_assert_true (gs_atomic_write (path, "old", 3, GS_ATOMIC_NONE, &error));
  file = gs_atomic_file_begin (path, GS_ATOMIC_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (gs_atomic_file_write (file, "ab", 2, &error));
  g_assert_true (gs_atomic_file_write (file, "c", 1, &error));
  g_assert_true (gs_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  assert_contents (path, "abc");
  g_clear_pointer (&file, gs_atomic_file_free);

  file = gs_atomic_file_begin (path, GS_ATOMIC_NONE, &error);
  full_disk_begin (&full);
  g_assert_false (gs_atomic_file_write (file, big, 4096, NULL));
  full_disk_end (&full);
  g_assert_true (gs_atomic_file_has_failed (file));
  g_assert_false (gs_atomic_file_write (file, "x", 1, NULL)); /* sticky */
  g_assert_false (gs_atomic_file_commit (file, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is full (writing)"));
  g_clear_pointer (&file, gs_atomic_file_free);
  assert_contents (path, "abc");
  g_assert_cmpuint (count_temps (dir), ==, 0);

  /* Abandoned (freed without commit): the target is untouched. */
  file = gs_atomic_file_begin (path, GS_ATOMIC_NONE, &error);
  g_assert_true (gs_atomic_file_write (file, "zzz", 3, NULL));
  g_clear_pointer (&file, gs_atomic_file_free);
  assert_contents (path, "abc");
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_dir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* Three pieces, then the end. */
static const void *
three_pieces (gpointer data, gsize *length)
{
  static const char *const pieces[] = { "id,amount\r\n", "D1,1.00\r\n", "D2,2.50\r\n" };
  guint *i = data;
  if (*i >= G_N_ELEMENTS (pieces))
    return NULL;
  *length = strlen (pieces[*i]);
  return pieces[(*i)++];
}

/* A folder lands whole: new, replaced (old files gone), refused over
 * foreign files, and a failure midway keeps the old folder as it was; a
 * file may come in pieces (a streamed table's CSV). */
static void
test_folder (void)
{
  guint piece = 0;
  g_autofree char *dir = make_dir ();
  g_autofree char *out = g_build_filename (dir, "tables", NULL);
  g_autofree char *a = g_build_filename (out, "a.csv", NULL);
  g_autofree char *b = g_build_filename (out, "b.csv", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link", NULL);
  g_autofree char *notes = g_build_filename (out, "notes.txt", NULL);
  g_autofree char *big = g_strnfill (4096, 'n');
  g_autoptr (GError) error = NULL;
  g_autoptr (GsAtomicFolder) f = NULL;
  FullDisk full;

  f = gs_atomic_folder_begin (out, ".csv", &error);
  g_assert_no_error (error);
  g_assert_true (gs_atomic_folder_write (f, "a.csv", "1", 1, &error));
  g_assert_true (gs_atomic_folder_write (f, "b.csv", "2", 1, &error));
  g_assert_true (gs_atomic_folder_write_pieces (f, "c.csv", three_pieces, &piece, &error));
  g_assert_cmpuint (piece, ==, 3);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS)); /* not before commit */
  g_assert_true (gs_atomic_folder_commit (f, &error));
  g_assert_no_error (error);
  g_clear_pointer (&f, gs_atomic_folder_free);
  assert_contents (a, "1");
  assert_contents (b, "2");
  {
    g_autofree char *c = g_build_filename (out, "c.csv", NULL);
    assert_contents (c, "id,amount\r\nD1,1.00\r\nD2,2.50\r\n");
    g_unlink (c);
  }

  /* Replaced whole, through a link to it (the link stays). */
  g_assert_cmpint (symlink ("tables", link_path), ==, 0);
  f = gs_atomic_folder_begin (link_path, ".csv", &error);
  g_assert_no_error (error);
  g_assert_true (gs_atomic_folder_write (f, "a.csv", "one", 3, &error));
  g_assert_true (gs_atomic_folder_commit (f, &error));
  g_clear_pointer (&f, gs_atomic_folder_free);
  assert_contents (a, "one");
  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_entries (dir), ==, 2); /* tables and link: no temporary */

  /* A failure midway: the old folder is kept whole, nothing left over. */
  f = gs_atomic_folder_begin (out, ".csv", &error);
  g_assert_true (gs_atomic_folder_write (f, "a.csv", "new", 3, &error));
  full_disk_begin (&full);
  g_assert_false (gs_atomic_folder_write (f, "b.csv", big, 4096, &error));
  full_disk_end (&full);
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the disk is full (writing b.csv)"));
  g_clear_error (&error);
  g_clear_pointer (&f, gs_atomic_folder_free);
  assert_contents (a, "one");
  g_assert_cmpuint (count_entries (out), ==, 1);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* A file the export did not write: the folder is not replaced. */
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  g_assert_null (gs_atomic_folder_begin (out, ".csv", &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the folder holds notes.txt"));
  g_clear_error (&error);
  assert_contents (notes, "mine");

  /* A regular file where the folder should be. */
  g_assert_null (gs_atomic_folder_begin (a, ".csv", &error));
  g_assert_nonnull (strstr (error->message, "it is a file, not a folder"));
  remove_dir (dir);
}

/* The output is never the file being read, nor (for a folder) its folder. */
static void
test_not_input (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *link_path = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *other = g_build_filename (dir, "other.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (plan, "{}", -1, NULL));
  g_assert_cmpint (symlink ("plan.goalsheet", link_path), ==, 0);
  g_assert_false (gs_atomic_check_not_input (plan, plan, &error));
  g_assert_nonnull (strstr (error->message, "it is the plan being read"));
  g_clear_error (&error);
  g_assert_false (gs_atomic_check_not_input (link_path, plan, &error));
  g_assert_nonnull (strstr (error->message, "it is the plan being read"));
  g_clear_error (&error);
  g_assert_false (gs_atomic_check_not_input (dir, plan, &error));
  g_assert_nonnull (strstr (error->message, "is in that folder"));
  g_clear_error (&error);
  g_assert_true (gs_atomic_check_not_input (other, plan, &error));
  g_assert_no_error (error);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic/write-and-backup", test_write_and_backup);
  g_test_add_func ("/atomic/backup-already-linked", test_backup_already_linked);
  g_test_add_func ("/atomic/missing-folder", test_missing_folder);
  g_test_add_func ("/atomic/not-a-folder", test_not_a_folder);
  g_test_add_func ("/atomic/read-only-folder", test_read_only_folder);
  g_test_add_func ("/atomic/read-only-disk", test_read_only_disk);
  g_test_add_func ("/atomic/disk-full", test_disk_full);
  g_test_add_func ("/atomic/disk-full-tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/atomic/writers", test_writers);
  g_test_add_func ("/atomic/symlink-kept", test_symlink_kept);
  g_test_add_func ("/atomic/plan-save-failure", test_plan_save_failure);
  g_test_add_func ("/atomic/not-regular", test_not_regular);
  g_test_add_func ("/atomic/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/atomic/stale-temps", test_stale_temps);
  g_test_add_func ("/atomic/file-steps", test_file_steps);
  g_test_add_func ("/atomic/folder", test_folder);
  g_test_add_func ("/atomic/not-input", test_not_input);
  return g_test_run ();
}
