/* test-read.c — gs_read_file: only regular files, never more than the
 * limit, refusals before reading (a FIFO would block, /dev/zero never ends).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"
#include "gs-read.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static char *dir;

static char *
write_file (const char *name, gsize size)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = g_strnfill (size, 'p');
  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
  return path;
}

static void
test_regular (void)
{
  g_autofree char *path = write_file ("ok", 1000);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_true (gs_read_file (path, 1000, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 1000);
  g_assert_cmpuint (strlen (text), ==, 1000); /* NUL-terminated */
  g_clear_pointer (&text, g_free);
  /* An empty file is read (and refused later as "the file is empty"). */
  g_clear_pointer (&path, g_free);
  path = write_file ("empty", 0);
  g_assert_true (gs_read_file (path, 1000, &text, &length, &error));
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (text, ==, "");
}

static void
test_too_large (void)
{
  g_autofree char *path = write_file ("big", 1001);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_false (gs_read_file (path, 1000, &text, &length, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_assert_null (text);
}

static void
expect_refused (const char *path, const char *what)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (gs_read_file (path, 64 * 1024 * 1024, &text, &length, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  if (strstr (error->message, what) == NULL)
    g_error ("%s: expected “%s” in “%s”", path, what, error->message);
  g_assert_nonnull (strstr (error->message, path));
  /* Refused before reading: no waiting for a writer, no reading forever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_not_regular (void)
{
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);

  expect_refused (dir, "folder");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expect_refused (fifo, "pipe (FIFO)");
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    expect_refused ("/dev/zero", "device");
  expect_refused (missing, "No such file");
  g_unlink (fifo);
}

int
main (int argc, char **argv)
{
  int status;
  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("gs-read-XXXXXX", NULL);
  g_test_add_func ("/read/regular", test_regular);
  g_test_add_func ("/read/too-large", test_too_large);
  g_test_add_func ("/read/not-regular", test_not_regular);
  status = g_test_run ();
  {
    const char *names[] = { "ok", "empty", "big" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
  g_free (dir);
  return status;
}
