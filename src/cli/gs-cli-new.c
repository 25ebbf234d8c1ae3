/* gs-cli-new.c — `goalsheet-cli new [NAME]`: a fresh plan on stdout.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include <glib/gi18n-lib.h>

int
gs_cli_new (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("[NAME] — a fresh plan"));
  g_autoptr (GsPlan) plan = NULL;
  g_autofree char *text = NULL;
  int status = GS_EXIT_OK;

  g_option_context_set_summary (context,
                                N_ ("Prints a fresh plan (the bundled seed-stage SaaS example) to "
                                    "standard output, with NAME as the company name if given.\n"
                                    "Example: goalsheet-cli new \"Acme Inc\" > acme.goalsheet"));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return gs_cli_usage ("new", _ ("give at most one company name (quote it if it has spaces)"));
  if (argc == 2)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (argv[1]));
      /* The name goes into the plan as JSON text, which must be UTF-8. */
      if (!g_utf8_validate (argv[1], -1, NULL))
        return gs_cli_usage ("new", _ ("the company name is not UTF-8 text"));
      if (*stripped == '\0')
        return gs_cli_usage ("new", _ ("the company name is empty"));
    }
  plan = gs_plan_new_default (argc == 2 ? argv[1] : NULL);
  text = gs_plan_to_text (plan);
  return gs_cli_write_stdout (text);
}
