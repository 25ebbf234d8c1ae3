/* gs-cli-validate.c — `goalsheet-cli validate PLAN`: every check any verb
 * runs (gs-validate.h), so a plan it calls valid no verb refuses.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-validate.h"

#include <glib/gi18n-lib.h>

int
gs_cli_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — check a plan"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
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
  if (!gs_plan_validate (plan, &error))
    return gs_cli_fail (argv[1], error);
  shown = gs_cli_escape (argv[1], FALSE);
  /* Translators: %s is the plan's file name. */
  g_print (_ ("%s: valid\n"), shown);
  return GS_EXIT_OK;
}
