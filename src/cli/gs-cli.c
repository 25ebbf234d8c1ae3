/* gs-cli.c — verb dispatch and shared helpers for goalsheet-cli.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-cli-module.h"
#include "gs-error.h"
#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* chart, report and export are in modules loaded on use (gs-cli-module.h). */
static const GsCliVerb verbs[] = {
  { "new", N_ ("Print a fresh plan to standard output"), gs_cli_new },
  { "validate", N_ ("Check a plan and report the first problem"), gs_cli_validate },
  { "show", N_ ("Print both goal sheets as tables"), gs_cli_show },
  { "compute", N_ ("Print every derived figure as JSON"), gs_cli_compute },
  { "diff", N_ ("What changed between two plans: inputs, and the goals they moved"), gs_cli_diff },
  { "history", N_ ("Who changed which input, and when (the plan's change log)"), gs_cli_history },
  { "scenarios", N_ ("Compare every figure across the plan's scenarios"), gs_cli_scenarios },
  { "payout", N_ ("What the comp plans pay: per role, per person, with the trace"), gs_cli_payout },
  { "statement", N_ ("A person's commission statement from the actuals, for a month or quarter"),
    gs_cli_statement },
  { "chart", N_ ("Draw a chart to PNG, SVG or PDF"), gs_cli_draw_chart },
  { "report", N_ ("Write the printable goal sheet (PDF)"), gs_cli_draw_report },
  { "simulate", N_ ("Monte Carlo: P10/P50/P90 by month and the chance of the target"),
    gs_cli_simulate },
  { "export", N_ ("Write the plan as an Excel workbook (or CSV tables)"), gs_cli_workbook_export },
  { "import", N_ ("Merge a CRM export (CSV) into the plan's actuals"), gs_cli_import },
  { "track", N_ ("Plan versus actual: the leak per source and the re-forecast"), gs_cli_track },
  { "expense", N_ ("Payments and commission expense (ASC 340-40) from commission lines"),
    gs_cli_expense },
};

int
gs_cli_fail (const char *filename, const GError *error)
{
  /* One line, whatever the plan's text holds: an id with a newline must not
   * print a second line such as "plan.goalsheet: valid". */
  g_autofree char *message = gs_cli_escape (error->message, FALSE);
  g_autofree char *file = filename ? gs_cli_escape (filename, FALSE) : NULL;
  if (file)
    g_printerr ("%s: %s\n", file, message);
  else
    g_printerr ("goalsheet-cli: %s\n", message);
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

static GsPlan *kept_plan;

void
gs_cli_keep_until_exit (GsPlan *plan)
{
  g_clear_object (&kept_plan);
  kept_plan = plan;
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
  /* GOption keeps "--" when a later argument starts with "-" (a file named
   * "-plan.goalsheet"); docs/cli.md promises it only ends the options. */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (*argv + i, *argv + i + 1, (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

gboolean
gs_cli_option_number (const char *verb, const char *option, const char *text, double min,
                      double max, double *out, int *status)
{
  char *end = NULL;
  double value;
  if (text == NULL)
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < min || value > max)
    {
      g_autofree char *shown = gs_cli_escape (text, FALSE);
      g_autofree char *low = g_strdup_printf ("%g", min);
      g_autofree char *high = g_strdup_printf ("%g", max);
      /* Translators: an option ("--attainment"), what was given ("nan"), the
       * smallest and the largest value it takes. */
      g_autofree char *what = g_strdup_printf (_ ("%1$s: “%2$s” is not a number from %3$s to %4$s"),
                                               option, shown, low, high);
      *status = gs_cli_usage (verb, what);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
gs_cli_option_integer (const char *verb, const char *option, const char *text, gint64 min,
                       gint64 max, gint64 *out, int *status)
{
  gint64 value;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_autofree char *shown = gs_cli_escape (text, FALSE);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: an option ("--seed"), what was given ("-1"), the
       * smallest and the largest value it takes. */
      g_autofree char *what = g_strdup_printf (
          _ ("%1$s: “%2$s” is not a whole number from %3$s to %4$s"), option, shown, low, high);
      *status = gs_cli_usage (verb, what);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
gs_cli_sim_options (const char *verb, const char *trials_text, const char *seed_text,
                    gint64 *trials, gint64 *seed, int *status)
{
  /* The ranges of the plan's simulation section (docs/simulation.md); 0
   * trials is the plan's own count. */
  return gs_cli_option_integer (verb, "--trials", trials_text, 0, 100000000, trials, status)
         && gs_cli_option_integer (verb, "--seed", seed_text, 0,
                                   G_GINT64_CONSTANT (9007199254740992), seed, status);
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
  gs_cli_output_init ();
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

void
gs_cli_json_change (JsonBuilder *b, const char *path, JsonNode *from, JsonNode *to)
{
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "from");
  json_builder_add_value (b, from != NULL ? json_node_copy (from) : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (b, "to");
  json_builder_add_value (b, to != NULL ? json_node_copy (to) : json_node_new (JSON_NODE_NULL));
}
