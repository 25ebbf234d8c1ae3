/* gs-cli-validate.c — `goalsheet-cli validate PLAN`: every check any verb
 * runs (gs-validate.h), so a plan it calls valid no verb refuses.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-explain.h"
#include "gs-format.h"
#include "gs-validate.h"

#include <glib/gi18n-lib.h>

int
gs_cli_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — check a plan"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  const GsModel *m;
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
  /* A valid plan can still differ from what was signed; that is no error,
   * but nobody should read it as agreed. */
  m = gs_plan_get_model (plan);
  for (guint i = 0; i < m->agreements.n_signoffs; i++)
    if (m->agreements.signoffs[i].changed)
      {
        const GsSignoff *s = &m->agreements.signoffs[i];
        g_autofree char *date = gs_format_date (&s->date);
        g_print (
            /* Translators: %1$s the file, %2$s who signed ("VP Sales"), %3$s their name,
             * %4$s the date. */
            _ ("%1$s: changed since signed: %2$s (%3$s, %4$s) signed other inputs; sign "
               "again to agree to these\n"),
            shown, gs_explain_signoff_role (s->role), s->name, date);
      }
  return GS_EXIT_OK;
}
