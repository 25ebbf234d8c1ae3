/* gs-cli-report.c — `goalsheet-cli report PLAN -o sheet.pdf`: the printable
 * goal sheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-atomic.h"
#include "gs-report.h"
#include "gs-tracking-day.h"
#include <glib/gi18n-lib.h>

int
gs_cli_report (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — the printable goal sheet"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsSimResult) sim = NULL;
  g_autoptr (GsRefan) refan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL, *scenario = NULL;
  gboolean no_sim = FALSE;
  g_autofree char *trials_text = NULL, *seed_text = NULL;
  gint64 trials = 0, seed = -1; /* not given: the plan's */
  int status = GS_EXIT_OK;
  const GsResult *result;
  GsReportData data = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("PDF file to write"), "FILE" },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario, N_ ("Print this named scenario"),
      "NAME" },
    { "no-simulation", 0, 0, G_OPTION_ARG_NONE, &no_sim,
      N_ ("Leave out the chance of the target and the fan chart"), NULL },
    { "trials", 'n', 0, G_OPTION_ARG_STRING, &trials_text,
      N_ ("Simulation trials (default: the plan's)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_ ("Simulation seed (default: the plan's)"),
      "S" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Writes the goal sheet as an A4 PDF: the company target, both "
                   "departments' goals by quarter, the agreed definitions and SLA, "
                   "each role's pay plan, the key charts and signature lines for "
                   "the CEO, VP Marketing and VP Sales."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("report", _ ("give one plan file"));
  if (!gs_cli_sim_options ("report", trials_text, seed_text, &trials, &seed, &status))
    return status;
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    return gs_cli_usage ("report", _ ("give the PDF to write with -o FILE.pdf"));
  if (!gs_atomic_check_not_input (output, argv[1], &error))
    return gs_cli_fail (NULL, error);
  result = gs_cli_load_scenario_result (argv[1], scenario, &plan, &status);
  if (result == NULL)
    return status;
  if (!no_sim)
    {
      const GsActualsData *actuals = gs_plan_get_model (plan)->actuals;
      sim = gs_cli_simulate_plan (argv[1], plan, trials, seed, &status);
      if (sim == NULL)
        return status;
      /* With deals won, the fan is the re-forecast from them, tracked to
       * the latest day of the actuals as the app's Actuals page. */
      if (actuals != NULL && actuals->n_deals > 0)
        {
          GDate today, day;
          g_date_clear (&today, 1);
          g_date_set_time_t (&today, time (NULL));
          gs_tracking_default_day (actuals, &today, &day);
          refan = gs_cli_refan_plan (argv[1], plan, trials, seed, &day, &status);
          if (refan == NULL)
            return status;
        }
    }
  data.model = gs_plan_get_model (plan);
  data.result = result;
  data.sim = sim;
  data.refan = refan;
  data.comp = gs_plan_get_comp (plan, NULL);
  data.scenario = scenario;
  if (!gs_report_write_pdf (&data, output, &error))
    return gs_cli_fail (argv[1], error);
  return GS_EXIT_OK;
}
