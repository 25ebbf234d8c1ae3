/* gs-cli-compute.c — `goalsheet-cli compute PLAN --json`: every derived
 * figure as JSON (docs/compute-json.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-json.h"
#include "gs-explain.h"
#include "gs-result-json.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

int
gs_cli_compute (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — every derived figure"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scenario = NULL;
  gboolean json = FALSE;
  const GsResult *result;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_ ("Print JSON (the default and, for now, the only format)"), NULL },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario,
      N_ ("Compute the named scenario of the plan instead of the plan itself"), "NAME" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Computes PLAN and prints every derived figure as JSON: targets, "
                   "month labels, the volume each source needs at each stage in each "
                   "month, projected volumes, capacity, plan and gap, gap levers, and "
                   "every goal line with its derivation. Money is written as minor "
                   "units and as a decimal string. See docs/compute-json.md."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("compute", _ ("give one plan file"));
  result = gs_cli_load_scenario_result (argv[1], scenario, &plan, &status);
  if (result == NULL)
    return status;
  /* The JSON's words are English whatever the user's locale
   * (docs/compute-json.md): readers match on them; the figures are structured. */
  setlocale (LC_ALL, "C.UTF-8");
  root = gs_result_to_json (gs_plan_get_model (plan), result, gs_explain_result_words ());
  text = gs_json_to_text (root);
  return gs_cli_write_stdout (text);
}
