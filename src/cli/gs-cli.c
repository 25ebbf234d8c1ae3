/* gs-cli.c — verb dispatch and shared helpers for goalsheet-cli.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-error.h"
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const GsCliVerb verbs[] = {
  { "new", "Print a fresh plan to standard output", gs_cli_new },
  { "validate", "Check a plan and report the first problem", gs_cli_validate },
  { "show", "Print both goal sheets as tables", gs_cli_show },
  { "compute", "Print every derived figure as JSON", gs_cli_compute },
  { "scenarios", "Compare every figure across the plan's scenarios", gs_cli_scenarios },
  { "payout", "What the comp plans pay: per role, per person, with the trace", gs_cli_payout },
  { "chart", "Draw a chart to PNG, SVG or PDF", gs_cli_chart },
  { "report", "Write the printable goal sheet (PDF)", gs_cli_report },
  { "simulate", "Monte Carlo: P10/P50/P90 by month and the chance of the target", gs_cli_simulate },
  { "export", "Write the plan as an Excel workbook (or CSV tables)", gs_cli_export },
};

int
gs_cli_fail (const char *filename, const GError *error)
{
  if (filename)
    g_printerr ("%s: %s\n", filename, error->message);
  else
    g_printerr ("goalsheet-cli: %s\n", error->message);
  if (error->domain == GS_ERROR && error->code == GS_ERROR_IO)
    return GS_EXIT_IO;
  if (error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    return GS_EXIT_IO;
  return GS_EXIT_INVALID;
}

GsPlan *
gs_cli_load_plan (const char *filename, int *status)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_file (filename, &error);
  if (plan == NULL)
    *status = gs_cli_fail (filename, error);
  return plan;
}

const GsResult *
gs_cli_load_result (const char *filename, GsPlan **plan, int *status)
{
  g_autoptr (GError) error = NULL;
  const GsResult *result;
  *plan = gs_cli_load_plan (filename, status);
  if (*plan == NULL)
    return NULL;
  result = gs_plan_get_result (*plan, &error);
  if (result == NULL)
    *status = gs_cli_fail (filename, error);
  return result;
}

int
gs_cli_usage (const char *verb, const char *message)
{
  g_printerr ("goalsheet-cli %s: %s (see goalsheet-cli %s --help)\n", verb, message, verb);
  return GS_EXIT_INVALID;
}

int
gs_cli_write_stdout (const char *text)
{
  size_t len = strlen (text);
  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr ("goalsheet-cli: could not write to standard output\n");
      return GS_EXIT_IO;
    }
  return GS_EXIT_OK;
}

gboolean
gs_cli_parse (GOptionContext *context, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("goalsheet-cli: %s\n", error->message);
      *status = GS_EXIT_INVALID;
      return FALSE;
    }
  return TRUE;
}

int
gs_cli_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("PLAN — check a plan");
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  int status = GS_EXIT_OK;

  g_option_context_set_summary (context, "Checks PLAN: the file, every field, and that every "
                                         "figure computes. Prints “PLAN: valid” or the first "
                                         "problem with its field path.");
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      g_printerr ("goalsheet-cli validate: give one plan file (see --help)\n");
      return GS_EXIT_INVALID;
    }
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  if (gs_plan_get_result (plan, &error) == NULL)
    return gs_cli_fail (argv[1], error);
  g_print ("%s: valid\n", argv[1]);
  return GS_EXIT_OK;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: goalsheet-cli VERB [OPTION…] PLAN\n\nVerbs:\n");
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (out, "  %-10s %s\n", verbs[i].name, verbs[i].summary);
  fprintf (out, "\nRun “goalsheet-cli VERB --help” for a verb's options.\n"
                "Exit status: 0 success, 1 input/output failure, 2 invalid plan or usage.\n");
}

int
gs_cli_main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? GS_EXIT_INVALID : GS_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("goalsheet-cli %s\n", PACKAGE_VERSION);
      return GS_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (strcmp (argv[1], verbs[i].name) == 0)
      return verbs[i].run (argc - 1, argv + 1);
  g_printerr ("goalsheet-cli: “%s” is not a verb\n\n", argv[1]);
  print_usage (stderr);
  return GS_EXIT_INVALID;
}
