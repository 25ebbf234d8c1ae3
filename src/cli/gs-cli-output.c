/* gs-cli-output.c — what goalsheet-cli prints: standard output checked at
 * exit, a closed pipe reported, and plan text made safe for a terminal.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *
gs_cli_escape_by_runs (const char *text, gboolean keep_newlines, gboolean runs)
{
  GString *out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p;)
    {
      gunichar c;
      const char *next, *run = p;
      /* A run of printable ASCII (and, kept, line breaks and tabs) is
       * copied at once: a character a call was 100 instructions a byte of
       * track's text.  The loop below sees every other byte. */
      while (runs && ((*p >= 0x20 && *p < 0x7F) || ((*p == '\n' || *p == '\t') && keep_newlines)))
        p++;
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (a file name): show the byte, never pass it on. */
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if ((c == '\n' || c == '\t') && keep_newlines)
        g_string_append_c (out, (char) c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        /* ESC starts a terminal command, a newline a forged line of output. */
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

char *
gs_cli_escape (const char *text, gboolean keep_newlines)
{
  return gs_cli_escape_by_runs (text, keep_newlines, TRUE);
}

static int write_errno; /* why the first write to stdout failed */

/* Everything g_print() writes: the tables of show, payout, scenarios,
 * simulate and --help. */
static void
print_stdout (const char *text)
{
  g_autofree char *safe = gs_cli_escape (text, TRUE);
  if (fputs (safe, stdout) == EOF && write_errno == 0)
    write_errno = errno;
}

/* g_printerr() carries messages; each names the file and the field, and
 * may quote plan text. */
static void
print_stderr (const char *text)
{
  g_autofree char *safe = gs_cli_escape (text, TRUE);
  fputs (safe, stderr);
}

static gboolean reported; /* the failure was already told */

static void
report_failure (int saved_errno)
{
  reported = TRUE;
  if (saved_errno == 0)
    saved_errno = EIO;
  /* Translators: %s says why, e.g. "Broken pipe" or "No space left on device". */
  g_printerr (_ ("goalsheet-cli: could not write to standard output: %s\n"),
              g_strerror (saved_errno));
}

/* Runs at every exit, also GOption's exit (0) after --help: output that
 * never reached its file is a failure, not a success. */
static void
check_stdout_at_exit (void)
{
  int failed, saved;
  errno = 0;
  failed = fflush (stdout) != 0 || ferror (stdout);
  saved = errno;
  if (fclose (stdout) != 0 && !failed)
    {
      failed = 1;
      saved = errno;
    }
  if (!failed)
    return;
  if (saved == 0)
    saved = write_errno;
  if (!reported)
    report_failure (saved);
  _exit (GS_EXIT_IO);
}

void
gs_cli_output_init (void)
{
  /* A reader that stops early (head, a closed pager) makes writes fail with
   * EPIPE instead of killing the process (exit 141 and no word why). */
  signal (SIGPIPE, SIG_IGN);
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);
  atexit (check_stdout_at_exit);
}

/* JSON holds no raw control character outside its escapes, so this only
 * changes plain text (show's tables); \uXXXX inside a JSON string is the
 * same character.  Text in pieces comes out the same as whole, since a
 * piece never splits a character. */
static gboolean
write_escaped (const char *text, int *saved_errno)
{
  g_autofree char *safe = gs_cli_escape (text, TRUE);
  size_t len = strlen (safe);
  if (fwrite (safe, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

int
gs_cli_write_stdout (const char *text)
{
  int saved;
  if (!write_escaped (text, &saved))
    {
      report_failure (saved);
      return GS_EXIT_IO;
    }
  return GS_EXIT_OK;
}

gboolean
gs_cli_stdout_sink (const char *text, gsize len, gpointer data, GError **error)
{
  int saved;
  (void) len;
  (void) data;
  if (write_escaped (text, &saved))
    return TRUE;
  if (saved == 0)
    saved = EIO;
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
  if (write_errno == 0)
    write_errno = saved; /* for gs_cli_stdout_status's message */
  return FALSE;
}

int
gs_cli_stdout_status (const GError *error)
{
  if (error == NULL)
    return GS_EXIT_OK;
  report_failure (write_errno);
  return GS_EXIT_IO;
}
