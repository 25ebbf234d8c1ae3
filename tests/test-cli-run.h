/* test-cli-run.h — running goalsheet-cli from a test ($GOALSHEET_CLI, set by
 * tests/meson.build) and capturing its exit status and output.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdarg.h>
#include <sys/wait.h>

typedef struct
{
  int status; /* exit status; the test fails on a signal */
  char *out;
  char *err;
} CliRun;

static inline void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs goalsheet-cli with the NULL-terminated array of arguments. */
static inline void
cli_run_argv (CliRun *run, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("GOALSHEET_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  cli_run_clear (run);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  if (WIFSIGNALED (wait_status))
    g_error ("goalsheet-cli %s was killed by signal %d; stderr: %s", (char *) argv->pdata[1],
             WTERMSIG (wait_status), run->err);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Runs goalsheet-cli with the NULL-terminated arguments. */
static inline void
cli_run (CliRun *run, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  cli_run_argv (run, (const char *const *) args->pdata);
}
