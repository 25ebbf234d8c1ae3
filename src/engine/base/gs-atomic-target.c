/* gs-atomic-target.c — where an output really goes, its temporary names,
 * and removing the temporaries of killed writers.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-atomic.h"
#include "gs-atomic-private.h"
#include "gs-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#define MAX_LINKS 40

/* What is at a path that cannot be replaced, in words. */
static gboolean
refuse_kind (const struct stat *st, gboolean folder, const char *display, const char *target,
             GError **error)
{
  const char *what;

  if (folder ? S_ISDIR (st->st_mode) : S_ISREG (st->st_mode))
    return TRUE;
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: it is a folder"), display);
      return FALSE;
    }
  if (S_ISREG (st->st_mode))
    what = _ ("a file, not a folder");
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    what = _ ("a device, not a regular file");
  else if (S_ISFIFO (st->st_mode))
    what = _ ("a named pipe, not a regular file");
  else if (S_ISSOCK (st->st_mode))
    what = _ ("a socket, not a regular file");
  else
    what = _ ("not a regular file");
  if (g_strcmp0 (display, target) == 0)
    /* Translators: could not save FILE: it is a device, not a regular file. */
    g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: it is %s"), display, what);
  else
    /* Translators: could not save FILE: PATH is a device, not a regular file. */
    g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s is %s"), display, target,
                 what);
  return FALSE;
}

/* Follows symbolic links one by one, so a dangling link leads to the file it
 * names (created there) instead of being replaced by a regular file. */
static char *
follow_links (const char *filename, const char *display, GError **error)
{
  g_autofree char *path = g_strdup (filename);

  for (guint hops = 0; hops <= MAX_LINKS; hops++)
    {
      struct stat st;
      g_autofree char *link = NULL;
      g_autoptr (GError) local = NULL;

      if (lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&path);
      link = g_file_read_link (path, &local);
      if (link == NULL)
        break;
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_free (path);
          path = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (path);
          path = g_steal_pointer (&link);
        }
    }
  g_set_error (error, GS_ERROR, GS_ERROR_IO,
               _ ("could not save %s: its symbolic links lead nowhere (too many or unreadable)"),
               display);
  return NULL;
}

gboolean
gs_atomic_target_init (GsAtomicTarget *t, const char *filename, gboolean folder, GError **error)
{
  struct stat st;

  memset (t, 0, sizeof *t);
  t->display = g_strdup (filename);
  if (g_stat (filename, &st) == 0)
    {
      char *real;
      /* stat() follows every link, also /proc's (/dev/stdout → a pipe). */
      if (!refuse_kind (&st, folder, filename, filename, error))
        return FALSE;
      real = realpath (filename, NULL);
      t->target = g_strdup (real ? real : filename);
      free (real);
    }
  else
    {
      /* "new-folder/" names new-folder, not a file in it. */
      g_autofree char *name = g_strdup (filename);
      gsize n = strlen (name);
      while (n > 1 && name[n - 1] == '/')
        name[--n] = '\0';
      t->target = follow_links (name, filename, error);
      if (t->target == NULL)
        return FALSE;
      if (lstat (t->target, &st) == 0 && !refuse_kind (&st, folder, filename, t->target, error))
        return FALSE;
    }
  t->dir = g_path_get_dirname (t->target);
  t->base = g_path_get_basename (t->target);

  if (g_stat (t->dir, &st) != 0)
    {
      int errsv = errno;
      g_autofree char *what = g_strdup_printf (errsv == ENOENT ? _ ("the folder %s does not exist")
                                                               : _ ("the folder %s cannot be read"),
                                               t->dir);
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s"), filename, what);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s is not a folder"),
                   filename, t->dir);
      return FALSE;
    }
  return TRUE;
}

void
gs_atomic_target_clear (GsAtomicTarget *t)
{
  g_clear_pointer (&t->display, g_free);
  g_clear_pointer (&t->target, g_free);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->base, g_free);
}

/* Same file at path as behind fd: a cleaner may have removed the path. */
static gboolean
still_there (int fd, const char *path)
{
  struct stat held, now;
  return fstat (fd, &held) == 0 && lstat (path, &now) == 0 && held.st_dev == now.st_dev
         && held.st_ino == now.st_ino;
}

int
gs_atomic_make_temp (const GsAtomicTarget *t, gboolean backup, char **temp, GError **error)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *path
          = g_strdup_printf ("%s/.%s%s.XXXXXX.tmp", t->dir, t->base, backup ? "~" : "");
      /* 0666: the process umask applies, as for any new file. */
      int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          int errsv = errno;
          g_autofree char *doing
              = g_strdup_printf (_ ("cannot create a file in the folder %s"), t->dir);
          gs_atomic_fail (error, t->display, errsv, doing);
          return -1;
        }
      /* Held until the rename: a cleaner that can take it knows the writer
       * is gone.  One that took it between mkstemp and here removed the
       * file: start again. */
      if (flock (fd, LOCK_EX) == 0 && still_there (fd, path))
        {
          *temp = g_steal_pointer (&path);
          return fd;
        }
      close (fd);
    }
  g_set_error (error, GS_ERROR, GS_ERROR_IO,
               _ ("could not save %s: its temporary file kept disappearing"), t->display);
  return -1;
}

gboolean
gs_atomic_link_as (const GsAtomicTarget *t, const char *src, const char *dest, int *errsv)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  /* A shared lock on src keeps a cleaner off the temporary link (it is the
   * same file) while it exists. */
  int lock_fd = open (src, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  gboolean ok = FALSE;

  if (lock_fd < 0 && errno == ENOENT)
    {
      *errsv = ENOENT;
      return FALSE;
    }
  if (lock_fd >= 0)
    flock (lock_fd, LOCK_SH);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      char rnd[7];
      g_autofree char *temp = NULL;
      for (guint i = 0; i < 6; i++)
        rnd[i] = chars[g_random_int_range (0, sizeof chars - 1)];
      rnd[6] = '\0';
      temp = g_strdup_printf ("%s/.%s~.%s.tmp", t->dir, t->base, rnd);
      if (link (src, temp) != 0)
        {
          *errsv = errno;
          if (errno == EEXIST)
            continue;
          break;
        }
      if (g_rename (temp, dest) == 0)
        {
          /* Already the same file (a kill between this rename and the next
           * left NAME~ a link to NAME): rename() then does nothing and
           * leaves temp. */
          g_unlink (temp);
          ok = TRUE;
        }
      else
        {
          *errsv = errno;
          g_unlink (temp);
        }
      break;
    }
  if (lock_fd >= 0)
    close (lock_fd);
  return ok;
}

/* ".BASE.XXXXXX.tmp" or ".BASE~.XXXXXX.tmp": ours, for this target. */
static gboolean
is_our_temp (const char *name, const char *base)
{
  gsize n = strlen (base);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, base, n) != 0)
    return FALSE;
  rest = name + 1 + n;
  if (rest[0] == '~')
    rest++;
  if (rest[0] != '.' || strlen (rest) != strlen (".XXXXXX.tmp") || strcmp (rest + 7, ".tmp") != 0)
    return FALSE;
  for (guint i = 1; i <= 6; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  return TRUE;
}

/* A stale temporary folder of a folder export holds only the files it wrote. */
static void
remove_flat_folder (const char *path)
{
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (path, name, NULL);
      g_unlink (p);
    }
  g_rmdir (path);
}

void
gs_atomic_clean_stale (const char *dir, const char *base)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_our_temp (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && (S_ISREG (st.st_mode) || S_ISDIR (st.st_mode))
          && flock (fd, LOCK_EX | LOCK_NB) == 0 && still_there (fd, path))
        {
          if (S_ISDIR (st.st_mode))
            remove_flat_folder (path);
          else
            g_unlink (path);
        }
      close (fd);
    }
}

gboolean
gs_atomic_check_not_input (const char *output, const char *input, GError **error)
{
  struct stat out, in, in_dir;
  g_autofree char *dir = g_path_get_dirname (input);

  if (g_stat (output, &out) != 0 || g_stat (input, &in) != 0)
    return TRUE; /* nothing there yet, or no input file: nothing to overwrite */
  if (out.st_dev == in.st_dev && out.st_ino == in.st_ino)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO,
                   _ ("could not save %s: it is the plan being read (%s); choose another file"),
                   output, input);
      return FALSE;
    }
  if (S_ISDIR (out.st_mode) && g_stat (dir, &in_dir) == 0 && out.st_dev == in_dir.st_dev
      && out.st_ino == in_dir.st_ino)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO,
                   _ ("could not save %s: the plan being read (%s) is in that folder; choose "
                      "another folder"),
                   output, input);
      return FALSE;
    }
  return TRUE;
}
