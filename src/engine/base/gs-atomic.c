/* gs-atomic.c — temporary file in the same folder, fsync, rename, fsync folder.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not g_file_replace_contents(): for local files it falls back to rewriting
 * the target in place when it cannot create the temporary file (a folder
 * without write permission, a file with hard links), and it only fsyncs when
 * the old file was non-empty; a kill or power cut then leaves a truncated
 * plan.  Here the target is never opened for writing.
 */
#include "gs-atomic.h"
#include "gs-error.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  const char *display; /* the name as given, for messages */
  char *target;        /* symbolic links resolved */
  char *dir;
  char *temp;
  int fd;
} AtomicJob;

static const char *
reason (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return _ ("the disk is full");
    case EROFS:
      return _ ("the disk is read-only");
    case EACCES:
    case EPERM:
      return _ ("permission denied");
    default:
      return g_strerror (errsv);
    }
}

static void
fail (GError **error, const AtomicJob *job, int errsv, const char *doing)
{
  g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s (%s)"), job->display,
               reason (errsv), doing);
}

static void
job_clear (AtomicJob *job)
{
  if (job->fd >= 0)
    close (job->fd);
  job->fd = -1;
  if (job->temp)
    g_unlink (job->temp);
  g_clear_pointer (&job->temp, g_free);
  g_clear_pointer (&job->target, g_free);
  g_clear_pointer (&job->dir, g_free);
}

static gboolean
job_begin (AtomicJob *job, const char *filename, GError **error)
{
  g_autofree char *base = NULL;
  char *real;
  struct stat st;

  job->display = filename;
  job->fd = -1;
  /* Replace what a symbolic link points to, not the link. */
  real = realpath (filename, NULL);
  job->target = real ? g_strdup (real) : g_strdup (filename);
  free (real);
  job->dir = g_path_get_dirname (job->target);
  base = g_path_get_basename (job->target);

  if (g_stat (job->dir, &st) != 0)
    {
      int errsv = errno;
      g_autofree char *what = g_strdup_printf (errsv == ENOENT ? _ ("the folder %s does not exist")
                                                               : _ ("the folder %s cannot be read"),
                                               job->dir);
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s"), filename, what);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s is not a folder"),
                   filename, job->dir);
      return FALSE;
    }
  if (g_stat (job->target, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: it is a folder"), filename);
      return FALSE;
    }
  job->temp = g_strdup_printf ("%s/.%s.XXXXXX.tmp", job->dir, base);
  /* 0666: the process umask applies, as for any new file. */
  job->fd = g_mkstemp_full (job->temp, O_RDWR | O_CLOEXEC, 0666);
  if (job->fd < 0)
    {
      int errsv = errno;
      g_autofree char *doing
          = g_strdup_printf (_ ("cannot create a file in the folder %s"), job->dir);
      g_clear_pointer (&job->temp, g_free); /* nothing to remove */
      fail (error, job, errsv, doing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const guint8 *data, gsize length, int *errsv)
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

/* The previous version becomes NAME~ by a hard link (no copy, no window where
 * NAME is missing); where links are not supported it is copied. */
static gboolean
keep_backup (AtomicJob *job, GError **error)
{
  g_autofree char *backup = g_strconcat (job->target, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int errsv = errno;
      g_autofree char *doing = g_strdup_printf (_ ("cannot replace the backup %s"), backup);
      fail (error, job, errsv, doing);
      return FALSE;
    }
  if (link (job->target, backup) == 0)
    return TRUE;
  if (errno == ENOENT)
    return TRUE; /* no previous version */
  if (g_file_get_contents (job->target, &contents, &length, NULL)
      && g_file_set_contents (backup, contents, (gssize) length, NULL))
    return TRUE;
  {
    g_autofree char *doing = g_strdup_printf (_ ("cannot keep the previous version as %s"), backup);
    fail (error, job, errno, doing);
  }
  return FALSE;
}

static gboolean
job_commit (AtomicJob *job, GsAtomicFlags flags, GError **error)
{
  struct stat st;
  int dir_fd;

  /* Keep the mode (and, if allowed, the owner) of the file being replaced. */
  if (g_stat (job->target, &st) == 0)
    {
      if (fchmod (job->fd, st.st_mode & 07777) != 0)
        {
          fail (error, job, errno, _ ("cannot set the file's permissions"));
          return FALSE;
        }
      if (fchown (job->fd, st.st_uid, st.st_gid) != 0)
        {
          /* Not the owner: the new file is ours, as with any editor. */
        }
    }
  if (fsync (job->fd) != 0)
    {
      fail (error, job, errno, _ ("cannot flush the file to disk"));
      return FALSE;
    }
  if (close (job->fd) != 0)
    {
      job->fd = -1;
      fail (error, job, errno, _ ("cannot finish writing"));
      return FALSE;
    }
  job->fd = -1;
  if ((flags & GS_ATOMIC_BACKUP) && !keep_backup (job, error))
    return FALSE;
  if (g_rename (job->temp, job->target) != 0)
    {
      fail (error, job, errno, _ ("cannot replace the old file"));
      return FALSE;
    }
  g_clear_pointer (&job->temp, g_free); /* renamed: nothing to remove */
  /* The rename is only durable once the folder is flushed; a failure here
   * (some file systems refuse fsync on folders) does not undo the save. */
  dir_fd = open (job->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/* Fills the temporary file of job; FALSE with error set abandons the write. */
typedef gboolean (*FillFunc) (AtomicJob *job, gpointer data, GError **error);

static gboolean
atomic_run (const char *filename, GsAtomicFlags flags, FillFunc fill, gpointer data, GError **error)
{
  AtomicJob job = { 0 };
  gboolean ok = job_begin (&job, filename, error) && fill (&job, data, error)
                && job_commit (&job, flags, error);
  job_clear (&job);
  return ok;
}

typedef struct
{
  const void *data;
  gsize length;
} Bytes;

static gboolean
fill_bytes (AtomicJob *job, gpointer data, GError **error)
{
  Bytes *bytes = data;
  int errsv = 0;
  if (write_all (job->fd, bytes->data, bytes->length, &errsv))
    return TRUE;
  fail (error, job, errsv, _ ("writing"));
  return FALSE;
}

gboolean
gs_atomic_write (const char *filename, const void *data, gsize length, GsAtomicFlags flags,
                 GError **error)
{
  Bytes bytes = { data, length };
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  return atomic_run (filename, flags, fill_bytes, &bytes, error);
}

typedef struct
{
  GsAtomicPathFunc path_func;
  GsAtomicStreamFunc stream_func;
  gpointer user_data;
} Writer;

static gboolean
fill_via_path (AtomicJob *job, gpointer data, GError **error)
{
  Writer *w = data;
  if (!w->path_func (job->temp, w->user_data, error))
    return FALSE;
  /* The writer may have replaced the file at temp_path: flush what is there now. */
  close (job->fd);
  job->fd = open (job->temp, O_RDWR | O_CLOEXEC);
  if (job->fd >= 0)
    return TRUE;
  fail (error, job, errno, _ ("the exporter left no file"));
  return FALSE;
}

gboolean
gs_atomic_write_via_path (const char *filename, GsAtomicPathFunc func, gpointer user_data,
                          GsAtomicFlags flags, GError **error)
{
  Writer w = { func, NULL, user_data };
  g_return_val_if_fail (filename != NULL && func != NULL, FALSE);
  return atomic_run (filename, flags, fill_via_path, &w, error);
}

static gboolean
fill_stream (AtomicJob *job, gpointer data, GError **error)
{
  Writer *w = data;
  g_autoptr (GOutputStream) out = g_unix_output_stream_new (job->fd, FALSE);
  g_autoptr (GError) local = NULL;
  if (!w->stream_func (out, w->user_data, error))
    return FALSE;
  if (g_output_stream_flush (out, NULL, &local))
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not save %s: %s"), job->display,
               local->message);
  return FALSE;
}

gboolean
gs_atomic_write_stream (const char *filename, GsAtomicStreamFunc func, gpointer user_data,
                        GsAtomicFlags flags, GError **error)
{
  Writer w = { NULL, func, user_data };
  g_return_val_if_fail (filename != NULL && func != NULL, FALSE);
  return atomic_run (filename, flags, fill_stream, &w, error);
}
