/* gs-file-stamp.h — what a plan file on disk looked like when the document
 * last read or wrote it, and whether it changed since.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app records a stamp after loading and after each save, and compares
 * the file with it when the file monitor reports a change and before every
 * save, so another program's (or another window's) save is never overwritten
 * silently (docs/reliability.md).  A change is a change of content: the
 * file's identity (device, inode, size, modification and change times)
 * answers "unchanged" without reading; when that differs, the content's
 * SHA-256 decides, so a touch or a rewrite with the same bytes is not a
 * change, and a file deleted or replaced by different bytes is one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stamps only files up to this size (a plan over it is refused anyway). */
#define GS_FILE_STAMP_MAX_BYTES (64 * 1024 * 1024)

typedef struct
{
  gboolean exists;
  guint64 device;
  guint64 inode;
  guint64 size;
  gint64 mtime_ns;
  gint64 ctime_ns;
  char sha256[65]; /* hex; empty when the file does not exist */
} GsFileStamp;

/* Reads the stamp of path.  A missing file is a stamp (exists FALSE), not an
 * error; a folder, device, FIFO or a file over GS_FILE_STAMP_MAX_BYTES is an
 * error naming the file, and nothing is read from it. */
gboolean
gs_file_stamp_read (const char *path, GsFileStamp *stamp, GError **error);

/* The same bytes (or both missing). */
gboolean
gs_file_stamp_same_content (const GsFileStamp *a, const GsFileStamp *b);

/* Whether path's content differs from recorded.  now (may be NULL) receives
 * the file's current stamp, which the caller records once the user has seen
 * the change.  On error (the file became unreadable or is no longer a regular
 * file) returns TRUE: the file is not the one recorded. */
gboolean
gs_file_stamp_changed (const GsFileStamp *recorded, const char *path, GsFileStamp *now,
                       GError **error);

/* After a save of text: keeps stamp (read from the file just written) if the
 * file holds text, else makes it describe text so that the file, written by
 * someone else in between, counts as changed. */
void
gs_file_stamp_expect (GsFileStamp *stamp, const char *text, gsize length);

G_END_DECLS
