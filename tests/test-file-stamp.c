/* test-file-stamp.c — a plan file's stamp, and "changed since load": content
 * changes count, touches and identical rewrites do not, deletion does, and a
 * FIFO or folder is refused without blocking.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"
#include "gs-file-stamp.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>

/* SHA-256 of "abc" (FIPS 180-2, appendix B.1) and of the empty string. */
#define SHA_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static char *dir;

static char *
path_of (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Writes like another program's atomic save: a new file renamed over. */
static void
replace (const char *path, const char *text)
{
  g_autofree char *tmp = g_strconcat (path, ".other", NULL);
  g_assert_true (g_file_set_contents (tmp, text, -1, NULL));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

static void
test_read (void)
{
  g_autofree char *p = path_of ("read.goalsheet");
  g_autoptr (GError) error = NULL;
  GsFileStamp s;

  g_assert_true (gs_file_stamp_read (p, &s, &error));
  g_assert_no_error (error);
  g_assert_false (s.exists);
  g_assert_cmpstr (s.sha256, ==, "");

  replace (p, "abc");
  g_assert_true (gs_file_stamp_read (p, &s, &error));
  g_assert_true (s.exists);
  g_assert_cmpuint (s.size, ==, 3);
  g_assert_cmpstr (s.sha256, ==, SHA_ABC);

  replace (p, "");
  g_assert_true (gs_file_stamp_read (p, &s, &error));
  g_assert_true (s.exists);
  g_assert_cmpuint (s.size, ==, 0);
  g_assert_cmpstr (s.sha256, ==, SHA_EMPTY);
}

static void
test_changed (void)
{
  g_autofree char *p = path_of ("plan.goalsheet");
  g_autofree char *backup = path_of ("plan.goalsheet~");
  g_autoptr (GError) error = NULL;
  GsFileStamp loaded, now;
  struct timeval times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  replace (p, "abc");
  g_assert_true (gs_file_stamp_read (p, &loaded, &error));

  /* Nothing happened; files beside it (the backup) do not count. */
  g_assert_true (g_file_set_contents (backup, "old", -1, NULL));
  g_assert_false (gs_file_stamp_changed (&loaded, p, &now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (now.sha256, ==, SHA_ABC);

  /* Touched: a new mtime, the same bytes: not a change. */
  g_assert_cmpint (utimes (p, times), ==, 0);
  g_assert_false (gs_file_stamp_changed (&loaded, p, &now, &error));
  g_assert_cmpint (now.mtime_ns, ==, (gint64) 1000000000 * 1000000000);
  g_assert_cmpint (now.mtime_ns, !=, loaded.mtime_ns);

  /* Rewritten by another program with the same bytes: not a change. */
  replace (p, "abc");
  g_assert_false (gs_file_stamp_changed (&loaded, p, NULL, &error));

  /* Other bytes of the same length, written atomically or in place. */
  replace (p, "abd");
  g_assert_true (gs_file_stamp_changed (&loaded, p, &now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (now.sha256, !=, SHA_ABC);
  replace (p, "abc");
  g_assert_true (gs_file_stamp_read (p, &loaded, &error));
  {
    FILE *f = fopen (p, "r+");
    g_assert_nonnull (f);
    fputs ("xyz", f);
    fclose (f);
  }
  g_assert_true (gs_file_stamp_changed (&loaded, p, &now, &error));

  /* Once the user has seen it, the new stamp is the one compared with. */
  loaded = now;
  g_assert_false (gs_file_stamp_changed (&loaded, p, NULL, &error));

  /* Deleted (or moved away): a change; the current stamp says missing. */
  g_assert_cmpint (g_unlink (p), ==, 0);
  g_assert_true (gs_file_stamp_changed (&loaded, p, &now, &error));
  g_assert_no_error (error);
  g_assert_false (now.exists);

  /* Still missing since the user saw it: no change; created again: one. */
  loaded = now;
  g_assert_false (gs_file_stamp_changed (&loaded, p, NULL, &error));
  replace (p, "abc");
  g_assert_true (gs_file_stamp_changed (&loaded, p, NULL, &error));
  g_unlink (backup);
}

/* A FIFO put where the plan was is refused at once (no writer needed), and
 * counts as changed; so does a folder. */
static void
test_not_regular (void)
{
  g_autofree char *p = path_of ("fifo.goalsheet");
  g_autofree char *d = path_of ("folder.goalsheet");
  g_autoptr (GError) error = NULL;
  GsFileStamp loaded, s;

  replace (p, "abc");
  g_assert_true (gs_file_stamp_read (p, &loaded, &error));
  g_assert_cmpint (g_unlink (p), ==, 0);
  g_assert_cmpint (mkfifo (p, 0600), ==, 0);
  g_assert_false (gs_file_stamp_read (p, &s, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "fifo.goalsheet"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_assert_true (gs_file_stamp_changed (&loaded, p, &s, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_false (s.exists);
  g_clear_error (&error);
  g_unlink (p);

  g_assert_cmpint (g_mkdir (d, 0700), ==, 0);
  g_assert_false (gs_file_stamp_read (d, &s, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_rmdir (d);
}

/* After a save, the stamp read back is kept only if it is what was saved. */
static void
test_expect (void)
{
  g_autofree char *p = path_of ("saved.goalsheet");
  g_autoptr (GError) error = NULL;
  GsFileStamp s;

  replace (p, "abc");
  g_assert_true (gs_file_stamp_read (p, &s, &error));
  gs_file_stamp_expect (&s, "abc", 3);
  g_assert_cmpuint (s.inode, !=, 0);
  g_assert_false (gs_file_stamp_changed (&s, p, NULL, &error));

  /* Another program wrote "xyz" right after this save of "abc". */
  replace (p, "xyz");
  g_assert_true (gs_file_stamp_read (p, &s, &error));
  gs_file_stamp_expect (&s, "abc", 3);
  g_assert_cmpstr (s.sha256, ==, SHA_ABC);
  g_assert_cmpuint (s.inode, ==, 0);
  g_assert_true (gs_file_stamp_changed (&s, p, NULL, &error));
  /* ...and a later write back to "abc" is no news. */
  replace (p, "abc");
  g_assert_false (gs_file_stamp_changed (&s, p, NULL, &error));
  g_unlink (p);
}

int
main (int argc, char **argv)
{
  int status;
  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("gs-file-stamp-XXXXXX", NULL);
  g_test_add_func ("/file-stamp/read", test_read);
  g_test_add_func ("/file-stamp/changed", test_changed);
  g_test_add_func ("/file-stamp/not-regular", test_not_regular);
  g_test_add_func ("/file-stamp/expect", test_expect);
  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return status;
}
