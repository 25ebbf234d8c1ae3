/* gs-cli-chart.c — `goalsheet-cli chart PLAN --kind KIND -o FILE`.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-atomic.h"
#include "gs-chart.h"
#include "gs-cli.h"
#include <glib/gi18n-lib.h>

/* The plan's simulation settings with --trials and --seed over them. */
static gboolean
sim_settings (const char *filename, GsPlan *plan, gint64 trials, gint64 seed,
              GsSimSettings *settings, int *status)
{
  g_autoptr (GError) error = NULL;
  if (!gs_sim_settings_read_section (gs_plan_lookup (plan, "simulation"), settings, &error))
    {
      *status = gs_cli_fail (filename, error);
      return FALSE;
    }
  if (trials > 0)
    settings->trials = (guint64) trials;
  if (seed >= 0)
    settings->seed = (guint64) seed;
  return TRUE;
}

GsSimResult *
gs_cli_simulate_plan (const char *filename, GsPlan *plan, gint64 trials, gint64 seed, int *status)
{
  g_autoptr (GError) error = NULL;
  GsSimSettings settings;
  GsSimResult *sim;

  if (!sim_settings (filename, plan, trials, seed, &settings, status))
    return NULL;
  sim = gs_montecarlo_run (gs_plan_get_model (plan), &settings, NULL, NULL, NULL, &error);
  if (sim == NULL)
    *status = gs_cli_fail (filename, error);
  return sim;
}

GsRefan *
gs_cli_refan_plan (const char *filename, GsPlan *plan, gint64 trials, gint64 seed, const GDate *day,
                   int *status)
{
  g_autoptr (GError) error = NULL;
  GsSimSettings settings;
  GsRefan *refan;

  if (!sim_settings (filename, plan, trials, seed, &settings, status))
    return NULL;
  refan = gs_refan_compute (gs_plan_get_model (plan), day, &settings, NULL, &error);
  if (refan == NULL)
    *status = gs_cli_fail (filename, error);
  return refan;
}

int
gs_cli_chart (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — draw a chart to a file"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsSimResult) sim = NULL;
  g_autoptr (GsRefan) refan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *as_of = NULL;
  gboolean use_actuals = FALSE;
  g_autofree char *kind_id = NULL, *output = NULL, *scenario = NULL, *role = NULL;
  g_autoptr (GString) kinds = g_string_new (NULL);
  g_autofree char *width_text = NULL, *height_text = NULL, *scale_text = NULL;
  double width = 800, height = 480, scale = 1;
  g_autofree char *trials_text = NULL, *seed_text = NULL;
  gint64 trials = 0, seed = -1; /* not given: the plan's */
  gboolean dark = FALSE;
  int status = GS_EXIT_OK;
  const GsResult *result;
  GsChartKind kind;
  GsChartStyle style;
  GsChartData data = { 0 };
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_id, N_ ("Which chart (see below)"), "KIND" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("File to write: .png, .svg or .pdf"),
      "FILE" },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text,
      N_ ("Width in pixels (points for PDF), default 800"), "W" },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_ ("Height, default 480"), "H" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text,
      N_ ("PNG scale factor (2 for HiDPI), default 1"), "S" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_ ("Dark style"), NULL },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario, N_ ("Draw this named scenario"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("payout: only this role (id)"), "ROLE" },
    { "trials", 'n', 0, G_OPTION_ARG_STRING, &trials_text, N_ ("fan: trials (default: the plan's)"),
      "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_ ("fan: random seed (default: the plan's)"),
      "S" },
    { "use-actuals", 0, 0, G_OPTION_ARG_NONE, &use_actuals,
      N_ ("fan: the re-forecast from the plan's actuals: bookings to date, the rest drawn from the "
          "evidence (docs/actuals.md)"),
      NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_ ("With --use-actuals: the evidence up to this day (default: today)"), N_ ("YYYY-MM-DD") },
    { NULL },
  };

  for (guint k = 0; k < GS_N_CHARTS; k++)
    g_string_append_printf (kinds, "  %-13s %s\n", gs_chart_kind_id (k), gs_chart_kind_title (k));
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                N_ ("Draws one of the plan's charts into a PNG, SVG or PDF "
                                    "file (the format comes from the extension)."));
  g_option_context_set_description (context, kinds->str);
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("chart", _ ("give one plan file"));
  if (kind_id == NULL || !gs_chart_kind_from_id (kind_id, &kind))
    return gs_cli_usage ("chart", _ ("--kind must be one of funnel, waterfall, capacity, fan, "
                                     "contribution, payout"));
  if (output == NULL)
    return gs_cli_usage ("chart", _ ("give the output file with -o FILE"));
  if (use_actuals && kind != GS_CHART_FAN)
    return gs_cli_usage ("chart", _ ("--use-actuals draws the fan chart only: add --kind fan"));
  if (as_of != NULL && !use_actuals)
    return gs_cli_usage ("chart", _ ("--as-of goes with --use-actuals"));
  if (!gs_cli_option_number ("chart", "--width", width_text, 200, 10000, &width, &status)
      || !gs_cli_option_number ("chart", "--height", height_text, 150, 10000, &height, &status)
      || !gs_cli_option_number ("chart", "--scale", scale_text, 0.5, 8, &scale, &status)
      || !gs_cli_sim_options ("chart", trials_text, seed_text, &trials, &seed, &status))
    return status;
  if (!gs_atomic_check_not_input (output, argv[1], &error))
    return gs_cli_fail (NULL, error);
  result = gs_cli_load_scenario_result (argv[1], scenario, &plan, &status);
  if (result == NULL)
    return status;
  if (use_actuals)
    {
      GDate day;
      if (!gs_cli_parse_day ("chart", as_of, &day, &status))
        return status;
      refan = gs_cli_refan_plan (argv[1], plan, trials, seed, &day, &status);
      if (refan == NULL)
        return status;
    }
  else if (kind == GS_CHART_FAN)
    {
      sim = gs_cli_simulate_plan (argv[1], plan, trials, seed, &status);
      if (sim == NULL)
        return status;
    }
  gs_chart_style_init (&style, dark);
  data.model = gs_plan_get_model (plan);
  data.result = result;
  data.sim = sim;
  data.refan = refan;
  data.role_id = role;
  data.comp = gs_plan_get_comp (plan, NULL);
  if (!gs_chart_export (kind, &style, &data, width, height, scale, output, &error))
    return gs_cli_fail (argv[1], error);
  return GS_EXIT_OK;
}
