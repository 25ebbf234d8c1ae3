/* gs-atomic-private.h — what the atomic file and folder writers share:
 * where the target really is, temporary names, stale temporaries.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct
{
  char *display; /* the name as given, for messages */
  char *target;  /* symbolic links followed to the end (may not exist yet) */
  char *dir;     /* target's folder */
  char *base;    /* target's name in it */
} GsAtomicTarget;

/* Follows links to the final target and checks what is there: a regular
 * file or nothing (folder FALSE), a folder or nothing (folder TRUE); the
 * folder around it must exist. */
gboolean
gs_atomic_target_init (GsAtomicTarget *t, const char *filename, gboolean folder, GError **error);
void
gs_atomic_target_clear (GsAtomicTarget *t);

/* Creates and locks ".BASE.XXXXXX.tmp" (".BASE~.XXXXXX.tmp" for backups) in
 * the target's folder; the descriptor, or -1 with error set. */
int
gs_atomic_make_temp (const GsAtomicTarget *t, gboolean backup, char **temp, GError **error);

/* Makes dest a hard link to src in one step (link under a temporary name,
 * rename); FALSE with errno in *errsv (ENOENT: src does not exist). */
gboolean
gs_atomic_link_as (const GsAtomicTarget *t, const char *src, const char *dest, int *errsv);

/* Removes temporary files and folders of base in dir that no live writer
 * holds (their lock can be taken). */
void
gs_atomic_clean_stale (const char *dir, const char *base);

void
gs_atomic_fail (GError **error, const char *display, int errsv, const char *doing);
gboolean
gs_atomic_write_all (int fd, const guint8 *data, gsize length, int *errsv);
void
gs_atomic_fsync_dir (const char *dir);
