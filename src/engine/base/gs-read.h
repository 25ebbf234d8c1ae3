/* gs-read.h — reading a file the user named, with bounded work: only a
 * regular file, and never more than a limit.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads filename into *contents (NUL-terminated, *length bytes).  Refuses,
 * before reading a byte, anything but a regular file (a FIFO would block
 * forever, /dev/zero never ends, a folder is no plan), and stops reading at
 * max bytes: a longer file is refused without reading the rest.
 * GS_ERROR_IO when it cannot be read or is not a regular file,
 * GS_ERROR_PARSE when it is too large. */
gboolean
gs_read_file (const char *filename, gsize max, char **contents, gsize *length, GError **error);

G_END_DECLS
