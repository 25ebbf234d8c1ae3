/* test-cli-honest.c — goalsheet-cli never exits 0 without having written
 * what it says: standard output that cannot be written (/dev/full, a closed
 * pipe) is exit 1 with a message; "--" ends the options; numeric options are
 * checked and the message names the option; plan text cannot put terminal
 * commands or forged lines on the screen.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-cli-run.h"

#include <json-glib/json-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *
example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* Runs goalsheet-cli with stdout on fd out_fd (the test's copy is closed by
 * the child only), stderr captured; returns the exit status (-1 on a
 * signal). */
static int
run_with_stdout (int out_fd, char **err, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  char path[] = "/tmp/gs-honest-err-XXXXXX";
  int err_fd = g_mkstemp (path);
  int status = 0;
  pid_t pid;

  g_assert_cmpint (err_fd, >=, 0);
  g_ptr_array_add (argv, (char *) g_getenv ("GOALSHEET_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      dup2 (out_fd, 1);
      dup2 (err_fd, 2);
      execv (argv->pdata[0], (char **) argv->pdata);
      _exit (127);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (err_fd);
  g_assert_true (g_file_get_contents (path, err, NULL, NULL));
  g_unlink (path);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Every verb that prints, with stdout on a full disk. */
static void
test_full_disk (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  const char *const runs[][8] = {
    { "validate", seed, NULL },
    { "show", seed, NULL },
    { "compute", seed, "--json", NULL },
    { "scenarios", seed, NULL },
    { "diff", seed, seed, NULL },
    { "scenarios", seed, "--json", NULL },
    { "payout", seed, NULL },
    { "payout", seed, "--role", "ae", "--attainment", "1.2", NULL },
    { "simulate", seed, "--trials", "100", NULL },
    { "new", "--example", NULL },
    { "--help", NULL },
    { "validate", "--help", NULL },
    { "--version", NULL },
  };
  int full = g_open ("/dev/full", O_WRONLY, 0);

  if (full < 0)
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *err = NULL;
      int status = run_with_stdout (full, &err, runs[i]);
      if (status != 1 || strstr (err, "could not write to standard output") == NULL)
        g_error ("goalsheet-cli %s %s >/dev/full: exit %d, stderr “%s”", runs[i][0],
                 runs[i][1] ? runs[i][1] : "", status, err);
      g_assert_nonnull (strstr (err, "No space left on device"));
    }
  close (full);
}

/* A reader that has gone away: exit 1 with a message, not 141 (SIGPIPE). */
static void
test_closed_pipe (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  const char *const args[] = { "compute", seed, "--json", NULL };
  g_autofree char *err = NULL;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  close (fds[0]);
  g_assert_cmpint (run_with_stdout (fds[1], &err, args), ==, 1);
  close (fds[1]);
  g_assert_nonnull (strstr (err, "could not write to standard output: Broken pipe"));
}

/* "--" ends the options: a plan whose name starts with "-". */
static void
test_double_dash (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *dir = g_dir_make_tmp ("gs-dash-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autofree char *file = g_build_filename (dir, "-plan.goalsheet", NULL);
  const char *argv[] = { g_getenv ("GOALSHEET_CLI"), "validate", "--", "-plan.goalsheet", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, NULL));
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_cmpstr (out, ==, "-plan.goalsheet: valid\n");
  /* Without "--" it is an unknown option. */
  argv[2] = "-plan.goalsheet";
  argv[3] = NULL;
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, NULL));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_unlink (file);
  g_rmdir (dir);
}

/* Every numeric option refuses NaN, infinities, out-of-range values and
 * trailing garbage, naming the option; nothing runs forever. */
static void
test_numeric_options (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  const char *const cases[][8] = {
    { "payout", "--role", "ae", "--attainment", "nan", "--attainment: “nan”" },
    { "payout", "--role", "ae", "--attainment", "inf", "--attainment: “inf”" },
    { "payout", "--role", "ae", "--attainment", "-0.5", "--attainment: “-0.5”" },
    { "payout", "--role", "ae", "--attainment", "1.2x", "--attainment: “1.2x”" },
    { "payout", "--role", "ae", "--curve", "--step", "1e-9", "--step: “1e-9”" },
    { "payout", "--role", "ae", "--curve", "--max", "1e308", "--max: “1e308”" },
    { "payout", "--role", "ae", "--discount", "NaN", "--discount: “NaN”" },
    { "simulate", "--seed", "-1", "--seed: “-1”" },
    { "simulate", "--trials", "-5", "--trials: “-5”" },
    { "simulate", "--trials", "1e3", "--trials: “1e3”" },
    { "simulate", "--threads", "0", "--threads: “0”" },
    { "report", "-o", "x.pdf", "--seed", "1.5", "--seed: “1.5”" },
    { "chart", "--kind", "fan", "-o", "x.png", "--trials", "99999999999",
      "--trials: “99999999999”" },
    { "chart", "--kind", "funnel", "-o", "x.png", "--width", "-inf", "--width: “-inf”" },
    { "chart", "--kind", "funnel", "-o", "x.png", "--scale", "nan", "--scale: “nan”" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;
      const char *expected = NULL;
      int wait_status = 0;
      g_ptr_array_add (argv, (char *) g_getenv ("GOALSHEET_CLI"));
      for (guint k = 0; k < 8 && cases[i][k]; k++)
        {
          if (k + 1 == 8 || cases[i][k + 1] == NULL)
            expected = cases[i][k];
          else
            g_ptr_array_add (argv, (char *) cases[i][k]);
          if (k == 0)
            g_ptr_array_add (argv, seed);
        }
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, NULL));
      if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 2 || !strstr (err, expected))
        g_error ("case %u: expected exit 2 and “%s”, got %d and “%s”", i, expected,
                 WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, err);
      g_assert_cmpstr (out, ==, "");
    }
}

/* ESC in a stage name reaches the terminal as text, not as a command. */
static void
test_control_characters (void)
{
  g_autofree char *seed = example ("seed-saas.goalsheet");
  g_autofree char *dir = g_dir_make_tmp ("gs-esc-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "esc.goalsheet", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GString) edited = NULL;
  g_auto (CliRun) run = { 0 };

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpint (
      g_string_replace (edited, "\"name\": \"MQL\"", "\"name\": \"M\\u001b[31mQL\\u009b\"", 1), ==,
      1);
  g_assert_true (g_file_set_contents (file, edited->str, -1, NULL));
  cli_run (&run, "show", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\033'));
  g_assert_null (strstr (run.out, "\302\233"));
  g_assert_nonnull (strstr (run.out, "M\\u001B[31mQL\\u009B"));
  cli_run (&run, "scenarios", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\033'));
  /* JSON stays JSON: the escape reads back as the same name. */
  cli_run (&run, "compute", file, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\033'));
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  }
  g_unlink (file);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-honest/full-disk", test_full_disk);
  g_test_add_func ("/cli-honest/closed-pipe", test_closed_pipe);
  g_test_add_func ("/cli-honest/double-dash", test_double_dash);
  g_test_add_func ("/cli-honest/numeric-options", test_numeric_options);
  g_test_add_func ("/cli-honest/control-characters", test_control_characters);
  return g_test_run ();
}
