/* gs-atomic-folder.c — a folder of files that lands whole or not at all.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new folder is built beside the target as ".NAME.XXXXXX.tmp" (locked
 * with flock() while it is written, like a temporary file), every file
 * written, checked and fsynced; then renameat2(RENAME_EXCHANGE) swaps it
 * with the old folder in one step and the old one is removed.  Where the
 * file system cannot exchange, the old folder is first renamed aside: the
 * target is then missing for the moment between two renames, never mixed.
 */
#define _GNU_SOURCE /* renameat2 */
#include "gs-atomic.h"
#include "gs-atomic-private.h"
#include "gs-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

struct _GsAtomicFolder
{
  GsAtomicTarget t;
  char *temp; /* the new folder, until it is in place; then the old one */
  int lock_fd;
  gboolean exists; /* there is an old folder to replace */
  mode_t mode;
};

/* The old folder may go only if it holds nothing but files ending in suffix
 * (an earlier export): no other file of the user's is ever removed. */
static gboolean
replaceable (GsAtomicFolder *f, const char *suffix, GError **error)
{
  g_autoptr (GDir) d = g_dir_open (f->t.target, 0, NULL);
  const char *name;

  if (d == NULL)
    {
      gs_atomic_fail (error, f->t.display, errno, _ ("cannot read the folder"));
      return FALSE;
    }
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (f->t.target, name, NULL);
      struct stat st;
      if (!g_str_has_suffix (name, suffix) || lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_IO,
                       _ ("could not save %s: the folder holds %s, which this export did not "
                          "write; choose a new or empty folder"),
                       f->t.display, name);
          return FALSE;
        }
    }
  return TRUE;
}

GsAtomicFolder *
gs_atomic_folder_begin (const char *dirname, const char *suffix, GError **error)
{
  g_autoptr (GsAtomicFolder) f = NULL;
  struct stat st;
  mode_t mask;

  g_return_val_if_fail (dirname != NULL && suffix != NULL, NULL);
  f = g_new0 (GsAtomicFolder, 1);
  f->lock_fd = -1;
  if (!gs_atomic_target_init (&f->t, dirname, TRUE, error))
    return NULL;
  mask = umask (0);
  umask (mask);
  f->mode = 0777 & ~mask;
  if (g_stat (f->t.target, &st) == 0)
    {
      f->exists = TRUE;
      f->mode = st.st_mode & 07777;
      if (!replaceable (f, suffix, error))
        return NULL;
    }
  gs_atomic_clean_stale (f->t.dir, f->t.base);
  f->temp = g_strdup_printf ("%s/.%s.XXXXXX.tmp", f->t.dir, f->t.base);
  if (g_mkdtemp_full (f->temp, 0700) == NULL)
    {
      int errsv = errno;
      g_autofree char *doing
          = g_strdup_printf (_ ("cannot create a folder in the folder %s"), f->t.dir);
      g_clear_pointer (&f->temp, g_free);
      gs_atomic_fail (error, f->t.display, errsv, doing);
      return NULL;
    }
  f->lock_fd = open (f->temp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (f->lock_fd < 0 || flock (f->lock_fd, LOCK_EX) != 0)
    {
      gs_atomic_fail (error, f->t.display, errno, _ ("cannot lock the new folder"));
      return NULL;
    }
  return g_steal_pointer (&f);
}

typedef struct
{
  const void *data;
  gsize length;
} Whole;

static const void *
whole_piece (gpointer data, gsize *length)
{
  Whole *w = data;
  const void *piece = w->data;
  *length = w->length;
  w->data = NULL;
  return piece;
}

gboolean
gs_atomic_folder_write (GsAtomicFolder *f, const char *name, const void *data, gsize length,
                        GError **error)
{
  Whole whole = { data ? data : "", length };
  return gs_atomic_folder_write_pieces (f, name, whole_piece, &whole, error);
}

gboolean
gs_atomic_folder_write_pieces (GsAtomicFolder *f, const char *name, GsAtomicPieceFunc next,
                               gpointer data, GError **error)
{
  g_autofree char *path = NULL;
  int fd, errsv = 0;
  gboolean ok = TRUE;
  const void *piece;
  gsize length;

  g_return_val_if_fail (f != NULL && f->temp != NULL && name != NULL, FALSE);
  path = g_build_filename (f->temp, name, NULL);
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      gs_atomic_fail (error, f->t.display, errno, name);
      return FALSE;
    }
  while (ok && (piece = next (data, &length)) != NULL)
    ok = gs_atomic_write_all (fd, piece, length, &errsv);
  ok = ok && fsync (fd) == 0;
  if (!ok && errsv == 0)
    errsv = errno;
  if (close (fd) != 0 && ok)
    ok = FALSE, errsv = errno;
  if (!ok)
    {
      /* Translators: what failed, e.g. "the disk is full (writing funnel.csv)". */
      g_autofree char *doing = g_strdup_printf (_ ("writing %s"), name);
      gs_atomic_fail (error, f->t.display, errsv, doing);
    }
  return ok;
}

gboolean
gs_atomic_folder_commit (GsAtomicFolder *f, GError **error)
{
  g_return_val_if_fail (f != NULL && f->temp != NULL, FALSE);
  if (chmod (f->temp, f->mode) != 0)
    {
      gs_atomic_fail (error, f->t.display, errno, _ ("cannot set the folder's permissions"));
      return FALSE;
    }
  if (fsync (f->lock_fd) != 0)
    {
      gs_atomic_fail (error, f->t.display, errno, _ ("cannot flush the folder to disk"));
      return FALSE;
    }
  if (!f->exists)
    {
      if (g_rename (f->temp, f->t.target) != 0)
        {
          gs_atomic_fail (error, f->t.display, errno, _ ("cannot put the new folder in place"));
          return FALSE;
        }
      g_clear_pointer (&f->temp, g_free);
    }
  else if (renameat2 (AT_FDCWD, f->temp, AT_FDCWD, f->t.target, RENAME_EXCHANGE) != 0)
    {
      /* No exchange here (EINVAL): the old folder aside, the new one in. */
      g_autofree char *aside = g_strdup_printf ("%s/.%s.XXXXXX.tmp", f->t.dir, f->t.base);
      int errsv = errno;

      if (errsv != EINVAL && errsv != ENOSYS)
        {
          gs_atomic_fail (error, f->t.display, errsv, _ ("cannot put the new folder in place"));
          return FALSE;
        }
      if (g_mkdtemp_full (aside, 0700) == NULL || g_rename (f->t.target, aside) != 0)
        {
          errsv = errno;
          g_rmdir (aside);
          gs_atomic_fail (error, f->t.display, errsv, _ ("cannot put the new folder in place"));
          return FALSE;
        }
      if (g_rename (f->temp, f->t.target) != 0)
        {
          errsv = errno;
          g_rename (aside, f->t.target); /* the old folder back */
          gs_atomic_fail (error, f->t.display, errsv, _ ("cannot put the new folder in place"));
          return FALSE;
        }
      g_free (f->temp);
      f->temp = g_steal_pointer (&aside);
    }
  /* f->temp, if still set, now names the old folder: it goes with free. */
  gs_atomic_fsync_dir (f->t.dir);
  return TRUE;
}

void
gs_atomic_folder_free (GsAtomicFolder *f)
{
  if (f == NULL)
    return;
  if (f->temp)
    {
      /* The new folder of a failed export, or the old one after the swap:
       * either way only files this export (or an earlier one) wrote. */
      g_autoptr (GDir) d = g_dir_open (f->temp, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *p = g_build_filename (f->temp, name, NULL);
          g_unlink (p);
        }
      g_rmdir (f->temp);
    }
  if (f->lock_fd >= 0)
    close (f->lock_fd);
  g_free (f->temp);
  gs_atomic_target_clear (&f->t);
  g_free (f);
}
