/* gs-atomic.h — write a file so that it is always either the old version or
 * the new one, never a mixture, never empty.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Goalsheet writes (plans, exports, reports, chart images,
 * recovery files) goes through one of these.  The new content is written to
 * a temporary file in the same folder (".NAME.XXXXXX.tmp"), flushed to disk
 * (fsync), then renamed over the target; the folder is fsynced so the rename
 * itself survives a power cut.  On any failure the temporary file is removed,
 * the target is left exactly as it was, and the GError (GS_ERROR_IO) names
 * the file and says why ("the disk is full", "the folder … does not exist").
 *
 * A symbolic link is followed: the file it points to is replaced and the link
 * stays.  A file with several hard links is replaced by a new inode (the other
 * names keep the old content).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GS_ATOMIC_NONE = 0,
  GS_ATOMIC_BACKUP = 1 << 0, /* keep the previous version as NAME~ */
} GsAtomicFlags;

gboolean
gs_atomic_write (const char *filename, const void *data, gsize length, GsAtomicFlags flags,
                 GError **error);

/* For libraries that write to a path themselves (libxlsxwriter, cairo
 * surfaces): func writes the whole file at temp_path (which exists, empty);
 * it returns FALSE and sets error to abandon the write. */
typedef gboolean (*GsAtomicPathFunc) (const char *temp_path, gpointer user_data, GError **error);
gboolean
gs_atomic_write_via_path (const char *filename, GsAtomicPathFunc func, gpointer user_data,
                          GsAtomicFlags flags, GError **error);

/* For streaming writers: func writes to out (do not close it). */
typedef gboolean (*GsAtomicStreamFunc) (GOutputStream *out, gpointer user_data, GError **error);
gboolean
gs_atomic_write_stream (const char *filename, GsAtomicStreamFunc func, gpointer user_data,
                        GsAtomicFlags flags, GError **error);

G_END_DECLS
