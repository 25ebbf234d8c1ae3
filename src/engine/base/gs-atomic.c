/* gs-atomic.c — temporary file in the target's folder, checked writes, fsync,
 * rename, fsync folder.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not g_file_replace_contents(): for local files it falls back to rewriting
 * the target in place when it cannot create the temporary file (a folder
 * without write permission, a file with hard links), and it only fsyncs when
 * the old file was non-empty; a kill or power cut then leaves a truncated
 * plan.  Here the target is never opened for writing.
 *
 * Stale temporary files: a writer holds flock() on its temporary file from
 * creation to rename; the kernel drops the lock when the process dies, so a
 * temporary file of ours whose lock can be taken belongs to no live writer
 * and is removed (gs-atomic-target.c).
 */
#include "gs-atomic.h"
#include "gs-atomic-private.h"
#include "gs-error.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

struct _GsAtomicFile
{
  GsAtomicTarget t;
  char *temp;
  int fd;
  GsAtomicFlags flags;
  GError *failed; /* the first failed write */
};

void
gs_atomic_fail (GError **error, const char *display, int errsv, const char *doing)
{
  const char *why;
  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      why = _ ("the disk is full");
      break;
    case EROFS:
      why = _ ("the disk is read-only");
      break;
    case EACCES:
    case EPERM:
      why = _ ("permission denied");
      break;
    default:
      why = g_strerror (errsv);
      break;
    }
  g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s (%s)"), display, why, doing);
}

gboolean
gs_atomic_write_all (int fd, const guint8 *data, gsize length, int *errsv)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

void
gs_atomic_fsync_dir (const char *dir)
{
  /* The rename is only durable once the folder is flushed; a failure here
   * (some file systems refuse fsync on folders) does not undo the save. */
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
}

GsAtomicFile *
gs_atomic_file_begin (const char *filename, GsAtomicFlags flags, GError **error)
{
  g_autoptr (GsAtomicFile) file = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  file = g_new0 (GsAtomicFile, 1);
  file->fd = -1;
  file->flags = flags;
  if (!gs_atomic_target_init (&file->t, filename, FALSE, error))
    return NULL;
  gs_atomic_clean_stale (file->t.dir, file->t.base);
  file->fd = gs_atomic_make_temp (&file->t, FALSE, &file->temp, error);
  if (file->fd < 0)
    return NULL;
  return g_steal_pointer (&file);
}

gboolean
gs_atomic_file_write (GsAtomicFile *file, const void *data, gsize length, GError **error)
{
  int errsv = 0;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  if (file->failed == NULL && !gs_atomic_write_all (file->fd, data, length, &errsv))
    gs_atomic_fail (&file->failed, file->t.display, errsv, _ ("writing"));
  if (file->failed == NULL)
    return TRUE;
  if (error)
    *error = g_error_copy (file->failed);
  return FALSE;
}

gboolean
gs_atomic_file_has_failed (GsAtomicFile *file)
{
  return file->failed != NULL;
}

/* The previous version becomes NAME~ by a hard link under a temporary name,
 * renamed over the old backup: NAME~ is at every moment the old backup or
 * the new one, and NAME is never missing.  Where links are not supported it
 * is copied (to a temporary file, then renamed). */
static gboolean
keep_backup (GsAtomicFile *file, GError **error)
{
  g_autofree char *backup = g_strconcat (file->t.target, "~", NULL);
  g_autofree char *temp = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int errsv = 0, fd;

  if (gs_atomic_link_as (&file->t, file->t.target, backup, &errsv))
    return TRUE;
  if (errsv == ENOENT)
    return TRUE; /* no previous version */
  if (errsv == EPERM || errsv == ENOTSUP || errsv == EOPNOTSUPP || errsv == EMLINK)
    {
      /* No hard links here: a copy, written like any other file. */
      if (!g_file_get_contents (file->t.target, &contents, &length, NULL))
        errsv = EIO;
      else if ((fd = gs_atomic_make_temp (&file->t, TRUE, &temp, error)) < 0)
        return FALSE;
      else
        {
          gboolean ok = gs_atomic_write_all (fd, (const guint8 *) contents, length, &errsv)
                        && fsync (fd) == 0;
          if (!ok && errsv == 0)
            errsv = errno;
          if (close (fd) != 0 && ok)
            ok = FALSE, errsv = errno;
          if (ok && g_rename (temp, backup) != 0)
            ok = FALSE, errsv = errno;
          if (ok)
            return TRUE;
          g_unlink (temp);
        }
    }
  {
    g_autofree char *doing = g_strdup_printf (_ ("cannot keep the previous version as %s"), backup);
    gs_atomic_fail (error, file->t.display, errsv, doing);
  }
  return FALSE;
}

gboolean
gs_atomic_file_commit (GsAtomicFile *file, GError **error)
{
  struct stat st;
  int lock_fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0 && file->temp != NULL, FALSE);
  if (file->failed)
    {
      g_propagate_error (error, g_steal_pointer (&file->failed));
      return FALSE;
    }
  /* Keep the mode (and, if allowed, the owner) of the file being replaced. */
  if (g_stat (file->t.target, &st) == 0)
    {
      if (fchmod (file->fd, st.st_mode & 07777) != 0)
        {
          gs_atomic_fail (error, file->t.display, errno, _ ("cannot set the file's permissions"));
          return FALSE;
        }
      if (fchown (file->fd, st.st_uid, st.st_gid) != 0)
        {
          /* Not the owner: the new file is ours, as with any editor. */
        }
    }
  if (fsync (file->fd) != 0)
    {
      gs_atomic_fail (error, file->t.display, errno, _ ("cannot flush the file to disk"));
      return FALSE;
    }
  /* close() is checked before the rename; a duplicate keeps the lock (it
   * belongs to the open file, not the descriptor) until the rename is done. */
  lock_fd = dup (file->fd);
  if (close (file->fd) != 0)
    {
      file->fd = lock_fd;
      gs_atomic_fail (error, file->t.display, errno, _ ("cannot finish writing"));
      return FALSE;
    }
  file->fd = lock_fd;
  if ((file->flags & GS_ATOMIC_BACKUP) && !keep_backup (file, error))
    return FALSE;
  if (g_rename (file->temp, file->t.target) != 0)
    {
      gs_atomic_fail (error, file->t.display, errno, _ ("cannot replace the old file"));
      return FALSE;
    }
  g_clear_pointer (&file->temp, g_free); /* renamed: nothing to remove */
  gs_atomic_fsync_dir (file->t.dir);
  return TRUE;
}

void
gs_atomic_file_free (GsAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->temp)
    g_unlink (file->temp);
  if (file->fd >= 0)
    close (file->fd);
  g_free (file->temp);
  g_clear_error (&file->failed);
  gs_atomic_target_clear (&file->t);
  g_free (file);
}

gboolean
gs_atomic_write (const char *filename, const void *data, gsize length, GsAtomicFlags flags,
                 GError **error)
{
  g_autoptr (GsAtomicFile) file = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  file = gs_atomic_file_begin (filename, flags, error);
  return file && gs_atomic_file_write (file, data, length, error)
         && gs_atomic_file_commit (file, error);
}

gboolean
gs_atomic_write_via_path (const char *filename, GsAtomicPathFunc func, gpointer user_data,
                          GsAtomicFlags flags, GError **error)
{
  g_autoptr (GsAtomicFile) file = NULL;
  struct stat held, now;

  g_return_val_if_fail (filename != NULL && func != NULL, FALSE);
  file = gs_atomic_file_begin (filename, flags, error);
  if (file == NULL || !func (file->temp, user_data, error))
    return FALSE;
  /* A writer that replaced the file at temp_path (rather than truncating
   * it): flush and rename what is there now. */
  if (fstat (file->fd, &held) != 0 || g_stat (file->temp, &now) != 0 || held.st_ino != now.st_ino
      || held.st_dev != now.st_dev)
    {
      int fd = open (file->temp, O_RDWR | O_CLOEXEC);
      if (fd < 0)
        {
          gs_atomic_fail (error, file->t.display, errno, _ ("the exporter left no file"));
          return FALSE;
        }
      close (file->fd);
      file->fd = fd;
      flock (fd, LOCK_EX);
    }
  return gs_atomic_file_commit (file, error);
}

gboolean
gs_atomic_write_stream (const char *filename, GsAtomicStreamFunc func, gpointer user_data,
                        GsAtomicFlags flags, GError **error)
{
  g_autoptr (GsAtomicFile) file = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (filename != NULL && func != NULL, FALSE);
  file = gs_atomic_file_begin (filename, flags, error);
  if (file == NULL)
    return FALSE;
  out = g_unix_output_stream_new (file->fd, FALSE);
  if (!func (out, user_data, error))
    return FALSE;
  if (!g_output_stream_flush (out, NULL, &local))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s"), file->t.display,
                   local->message);
      return FALSE;
    }
  return gs_atomic_file_commit (file, error);
}
