/* gs-file-stamp.c — a plan file's identity and content hash, and whether
 * the file changed since they were recorded.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-file-stamp.h"
#include "gs-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
file_error (GError **error, const char *path, const char *message)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, GS_ERROR, GS_ERROR_IO, "%s: %s", name, message);
  return FALSE;
}

static void
set_identity (GsFileStamp *stamp, const struct stat *st)
{
  stamp->exists = TRUE;
  stamp->device = (guint64) st->st_dev;
  stamp->inode = (guint64) st->st_ino;
  stamp->size = (guint64) st->st_size;
  stamp->mtime_ns = (gint64) st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
  stamp->ctime_ns = (gint64) st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
}

static gboolean
same_identity (const GsFileStamp *a, const GsFileStamp *b)
{
  return a->exists == b->exists && a->device == b->device && a->inode == b->inode
         && a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

/* Hashes the file open as fd (a regular file: reading cannot block). */
static gboolean
hash_fd (int fd, const char *path, GsFileStamp *stamp, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buf[65536];
  guint64 total = 0;

  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return file_error (error, path, g_strerror (errno));
      if (n == 0)
        break;
      total += (guint64) n;
      if (total > GS_FILE_STAMP_MAX_BYTES)
        return file_error (error, path, _ ("the file grew over 64 MiB while it was read"));
      g_checksum_update (sum, buf, n);
    }
  g_strlcpy (stamp->sha256, g_checksum_get_string (sum), sizeof stamp->sha256);
  return TRUE;
}

gboolean
gs_file_stamp_read (const char *path, GsFileStamp *stamp, GError **error)
{
  struct stat st;
  int fd;
  gboolean ok;

  memset (stamp, 0, sizeof *stamp);
  /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
   * below before anything is read. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return file_error (error, path, g_strerror (errno));
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      return file_error (error, path, g_strerror (saved));
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return file_error (error, path, _ ("not a regular file (a folder, device or pipe)"));
    }
  if (st.st_size > GS_FILE_STAMP_MAX_BYTES)
    {
      close (fd);
      return file_error (error, path, _ ("the file is over 64 MiB"));
    }
  set_identity (stamp, &st);
  ok = hash_fd (fd, path, stamp, error);
  close (fd);
  if (!ok)
    memset (stamp, 0, sizeof *stamp);
  return ok;
}

gboolean
gs_file_stamp_same_content (const GsFileStamp *a, const GsFileStamp *b)
{
  if (a->exists != b->exists)
    return FALSE;
  return !a->exists || strcmp (a->sha256, b->sha256) == 0;
}

gboolean
gs_file_stamp_changed (const GsFileStamp *recorded, const char *path, GsFileStamp *now,
                       GError **error)
{
  GsFileStamp current;
  struct stat st;
  gboolean changed;

  /* Unchanged identity: the same file, not written since (an atomic save
   * makes a new inode, an in-place write a new mtime and ctime). */
  if (recorded->exists && g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    {
      GsFileStamp quick = *recorded;
      set_identity (&quick, &st);
      if (same_identity (&quick, recorded))
        {
          if (now)
            *now = *recorded;
          return FALSE;
        }
    }
  if (!gs_file_stamp_read (path, &current, error))
    {
      if (now)
        memset (now, 0, sizeof *now);
      return TRUE;
    }
  changed = !gs_file_stamp_same_content (recorded, &current);
  if (now) /* may be recorded itself */
    *now = current;
  return changed;
}

void
gs_file_stamp_expect (GsFileStamp *stamp, const char *text, gsize length)
{
  g_autofree char *sha
      = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
  if (stamp->exists && strcmp (stamp->sha256, sha) == 0)
    return;
  /* Someone wrote between the save and the stamp: describe what was saved,
   * with an identity no file has, so the file on disk counts as changed. */
  memset (stamp, 0, sizeof *stamp);
  stamp->exists = TRUE;
  stamp->size = length;
  g_strlcpy (stamp->sha256, sha, sizeof stamp->sha256);
}
