/* gs-atomic.h — the one output path: every file Goalsheet writes is always
 * either the old version or the new one, never a mixture, never empty, and a
 * failure is always reported.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Goalsheet writes (plans, exports, reports, chart images,
 * recovery files) goes through this.  The new content is written to a
 * temporary file in the target's folder (".NAME.XXXXXX.tmp"), every write
 * checked, flushed to disk (fsync), then renamed over the target; the folder
 * is fsynced so the rename itself survives a power cut.  On any failure the
 * temporary file is removed, the target is left exactly as it was, and the
 * GError (GS_ERROR_IO) names the file and says why ("the disk is full",
 * "the folder … does not exist", "… is a device, not a regular file").
 *
 * Only regular files are replaced: a device, named pipe, socket or folder is
 * refused.  A symbolic link is followed to its final target, which is
 * replaced (or created, for a dangling link); the link stays.  A file with
 * several hard links is replaced by a new inode.  Temporary files of the
 * same target left by a killed writer (no live process holds their lock)
 * are removed before each write.  docs/reliability.md has the details.
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

/* For libraries that write to a path themselves (libxlsxwriter): func
 * writes the whole file at temp_path (which exists, empty, in the target's
 * folder); it returns FALSE and sets error to abandon the write. */
typedef gboolean (*GsAtomicPathFunc) (const char *temp_path, gpointer user_data, GError **error);
gboolean
gs_atomic_write_via_path (const char *filename, GsAtomicPathFunc func, gpointer user_data,
                          GsAtomicFlags flags, GError **error);

/* For streaming writers: func writes to out (do not close it). */
typedef gboolean (*GsAtomicStreamFunc) (GOutputStream *out, gpointer user_data, GError **error);
gboolean
gs_atomic_write_stream (const char *filename, GsAtomicStreamFunc func, gpointer user_data,
                        GsAtomicFlags flags, GError **error);

/* Step by step, for writers with a write callback (cairo's *_for_stream):
 * begin, write as often as needed, commit.  A failed write is remembered:
 * later writes fail at once and commit reports the first failure.  Freeing
 * an uncommitted file removes its temporary file and leaves the target. */
typedef struct _GsAtomicFile GsAtomicFile;
GsAtomicFile *
gs_atomic_file_begin (const char *filename, GsAtomicFlags flags, GError **error);
gboolean
gs_atomic_file_write (GsAtomicFile *file, const void *data, gsize length, GError **error);
gboolean
gs_atomic_file_has_failed (GsAtomicFile *file);
gboolean
gs_atomic_file_commit (GsAtomicFile *file, GError **error);
void
gs_atomic_file_free (GsAtomicFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsAtomicFile, gs_atomic_file_free)

/* A folder of files that lands whole or not at all (CSV export): the files
 * are written into ".NAME.XXXXXX.tmp" beside the folder, which then takes
 * the folder's place in one step (renameat2 RENAME_EXCHANGE) and the old
 * folder is removed.  An existing folder is replaced only if it holds
 * nothing but regular files ending in suffix (an earlier export): anything
 * else is refused, so no foreign file is ever deleted. */
typedef struct _GsAtomicFolder GsAtomicFolder;
GsAtomicFolder *
gs_atomic_folder_begin (const char *dirname, const char *suffix, GError **error);
gboolean
gs_atomic_folder_write (GsAtomicFolder *folder, const char *name, const void *data, gsize length,
                        GError **error);
/* The next piece of a file's text (*length bytes), NULL after the last. */
typedef const void *(*GsAtomicPieceFunc) (gpointer data, gsize *length);
/* gs_atomic_folder_write with the text made piece by piece, so a file of
 * millions of rows (the CSV of a streamed table) is never held whole. */
gboolean
gs_atomic_folder_write_pieces (GsAtomicFolder *folder, const char *name, GsAtomicPieceFunc next,
                               gpointer data, GError **error);
gboolean
gs_atomic_folder_commit (GsAtomicFolder *folder, GError **error);
void
gs_atomic_folder_free (GsAtomicFolder *folder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsAtomicFolder, gs_atomic_folder_free)

/* Refuses (GS_ERROR_IO) an output that is the file being read (the same
 * inode, also through links), or, for a folder output, the folder holding
 * it; TRUE when output is safe to write. */
gboolean
gs_atomic_check_not_input (const char *output, const char *input, GError **error);

G_END_DECLS
