/* gs-cli.c — verb dispatch and shared helpers for goalsheet-cli.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-error.h"
#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const GsCliVerb verbs[] = {
  { "new", N_ ("Print a fresh plan to standard output"), gs_cli_new },
  { "validate", N_ ("Check a plan and report the first problem"), gs_cli_validate },
  { "show", N_ ("Print both goal sheets as tables"), gs_cli_show },
  { "compute", N_ ("Print every derived figure as JSON"), gs_cli_compute },
  { "scenarios", N_ ("Compare every figure across the plan's scenarios"), gs_cli_scenarios },
  { "payout", N_ ("What the comp plans pay: per role, per person, with the trace"), gs_cli_payout },
  { "chart", N_ ("Draw a chart to PNG, SVG or PDF"), gs_cli_chart },
  { "report", N_ ("Write the printable goal sheet (PDF)"), gs_cli_report },
  { "simulate", N_ ("Monte Carlo: P10/P50/P90 by month and the chance of the target"),
    gs_cli_simulate },
  { "export", N_ ("Write the plan as an Excel workbook (or CSV tables)"), gs_cli_export },
  { "import", N_ ("Merge a CRM export (CSV) into the plan's actuals"), gs_cli_import },
  { "track", N_ ("Plan versus actual: the leak per source and the re-forecast"), gs_cli_track },
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
  /* Translators: the first and third %s are a verb ("payout"), the second
   * what is wrong with the command line. */
  g_printerr (_ ("goalsheet-cli %s: %s (see goalsheet-cli %s --help)\n"), verb, message, verb);
  return GS_EXIT_INVALID;
}

gboolean
gs_cli_parse_day (const char *verb, const char *text, GDate *day, int *status)
{
  int y, m, d;
  char tail;
  g_date_clear (day, 1);
  if (text == NULL)
    {
      g_date_set_time_t (day, time (NULL));
      return TRUE;
    }
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (day, d, m, y);
      return TRUE;
    }
  *status = gs_cli_usage (verb, _ ("--as-of takes a date like 2027-04-15"));
  return FALSE;
}

int
gs_cli_write_stdout (const char *text)
{
  size_t len = strlen (text);
  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr ("goalsheet-cli: %s\n", _ ("could not write to standard output"));
      return GS_EXIT_IO;
    }
  return GS_EXIT_OK;
}

gboolean
gs_cli_parse (GOptionContext *context, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;
  /* Summaries, option descriptions and parameter strings are marked N_()
   * and translated when --help prints them. */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
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
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — check a plan"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  int status = GS_EXIT_OK;

  g_option_context_set_summary (context, N_ ("Checks PLAN: the file, every field, and that every "
                                             "figure computes. Prints “PLAN: valid” or the first "
                                             "problem with its field path."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      g_printerr ("goalsheet-cli validate: %s\n", _ ("give one plan file (see --help)"));
      return GS_EXIT_INVALID;
    }
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  if (gs_plan_get_result (plan, &error) == NULL)
    return gs_cli_fail (argv[1], error);
  /* Translators: %s is the plan's file name. */
  g_print (_ ("%s: valid\n"), argv[1]);
  return GS_EXIT_OK;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _ ("Usage: goalsheet-cli VERB [OPTION…] PLAN"), _ ("Verbs:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (out, "  %-10s %s\n", verbs[i].name, _ (verbs[i].summary));
  fprintf (out, "\n%s\n%s\n", _ ("Run “goalsheet-cli VERB --help” for a verb's options."),
           _ ("Exit status: 0 success, 1 input/output failure, 2 invalid plan or usage."));
}

int
gs_cli_main (int argc, char **argv)
{
  const char *localedir = g_getenv ("GOALSHEET_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Uninstalled runs (tests, meson devenv) point this at the build tree's
   * compiled catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
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
  /* Translators: %s is what was typed where a verb belongs. */
  g_printerr (_ ("goalsheet-cli: “%s” is not a verb\n\n"), argv[1]);
  print_usage (stderr);
  return GS_EXIT_INVALID;
}

void
gs_cli_pad (GString *out, const char *text, guint width, gboolean right)
{
  glong len = g_utf8_strlen (text, -1);
  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}
