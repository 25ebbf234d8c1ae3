/* gs-read.c — reading a named file: regular files only, bounded.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-read.h"
#include "gs-error.h"
#include "gs-large-alloc.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _ ("it is a folder, not a file");
  if (S_ISFIFO (mode))
    return _ ("it is a pipe (FIFO), not a regular file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _ ("it is a device, not a regular file");
  if (S_ISSOCK (mode))
    return _ ("it is a socket, not a regular file");
  return _ ("it is not a regular file");
}

gboolean
gs_read_file (const char *filename, gsize max, char **contents, gsize *length, GError **error)
{
  g_autofree char *buffer = NULL;
  gsize used = 0, size;
  struct stat st;
  int fd, saved;

  *contents = NULL;
  *length = 0;
  /* O_NONBLOCK: opening a FIFO without a writer would wait for one. */
  fd = g_open (filename, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved = errno;
      /* Translators: the file name, then why it cannot be opened. */
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not open “%s”: %s"), filename,
                   g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      saved = errno;
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not read “%s”: %s"), filename,
                   S_ISREG (st.st_mode) ? g_strerror (saved) : kind_of (st.st_mode));
      close (fd);
      return FALSE;
    }
  if ((guint64) st.st_size > max)
    goto too_large;
  /* The size may change while reading; it only sizes the first buffer. */
  size = (gsize) st.st_size + 1;
  /* A plan with 100,000 deals is 10 MB: read from its start while the
   * pages are provided from the end (gs-large-alloc.h). */
  buffer = gs_large_alloc_populated (size + 1);
  for (;;)
    {
      gssize n;
      if (used == size)
        {
          if (used > max)
            goto too_large;
          size = MIN (size * 2, max + 1);
          buffer = g_realloc (buffer, size + 1);
        }
      n = read (fd, buffer + used, size - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not read “%s”: %s"), filename,
                       g_strerror (saved));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  close (fd);
  if (used > max)
    goto too_large_closed;
  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = used;
  return TRUE;

too_large:
  close (fd);
too_large_closed:
  g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
               _ ("the file is larger than %lu MiB; plans that large are refused"),
               (gulong) (max / (1024 * 1024)));
  return FALSE;
}
