/* gs-cli-export.c — goalsheet-cli export: the plan as a workbook or CSV.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-atomic.h"
#include "gs-export.h"
#include <glib/gi18n-lib.h>

static gboolean
has_extension (const char *path, const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, extension);
}

static void
warn (const char *output, const char *what)
{
  /* Translators: "goalsheet-cli export: warning: out.txt: it was written as …". */
  g_printerr (_ ("goalsheet-cli export: warning: %s: %s\n"), output, what);
}

int
gs_cli_export (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN -o OUTPUT — export a plan"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean csv = FALSE;
  g_autofree char *as_of = NULL;
  GDate day;
  const GsResult *result;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write to FILE (.xlsx), or into the folder DIR with --csv"), "FILE|DIR" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_ ("Write each table as a CSV file into the folder"),
      NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_ ("Track the actuals to this day on the Tracking sheet (default: the latest day of the "
          "actuals, as the app)"),
      N_ ("YYYY-MM-DD") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                N_ ("Writes PLAN as an Excel workbook whose derived cells are "
                                    "formulas over the named inputs (cached with Goalsheet's own "
                                    "numbers), or with --csv as one CSV file per table."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    {
      g_printerr ("goalsheet-cli export: %s\n",
                  _ ("give one plan file and -o OUTPUT (see --help)"));
      return GS_EXIT_INVALID;
    }
  g_date_clear (&day, 1);
  if (as_of != NULL && !gs_cli_parse_day ("export", as_of, &day, &status))
    return status;
  /* Never over the plan being read (the same file, also through a link). */
  if (!gs_atomic_check_not_input (output, argv[1], &error))
    return gs_cli_fail (NULL, error);
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  result = gs_plan_get_result (plan, &error);
  if (result == NULL)
    return gs_cli_fail (argv[1], error);
  if (csv ? !gs_export_csv_as_of (plan, as_of ? &day : NULL, output, &error)
          : !gs_export_xlsx_as_of (plan, as_of ? &day : NULL, output, &error))
    return gs_cli_fail (NULL, error);
  /* The format comes from --csv, not the name: a name that says otherwise
   * is written all the same (the user asked for it), with a warning after. */
  if (!csv && !has_extension (output, ".xlsx"))
    warn (output, _ ("it was written as an Excel workbook (.xlsx)"));
  else if (csv && (has_extension (output, ".xlsx") || has_extension (output, ".csv")))
    warn (output, _ ("it was written as a folder of CSV files"));
  return GS_EXIT_OK;
}
