/* gs-cli-history.c — `goalsheet-cli history PLAN`: the plan's change log,
 * who changed which input when, from what to what.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-explain-input.h"
#include "gs-history.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>

static char *
history_json (GPtrArray *entries)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const GsHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = g_date_time_format (e->when, "%Y-%m-%dT%H:%M:%SZ");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "when");
      json_builder_add_string_value (b, when);
      json_builder_set_member_name (b, "who");
      json_builder_add_string_value (b, e->who);
      json_builder_set_member_name (b, "changes");
      json_builder_begin_array (b);
      for (guint c = 0; c < e->changes->len; c++)
        {
          const GsInputChange *change = g_ptr_array_index (e->changes, c);
          json_builder_begin_object (b);
          gs_cli_json_change (b, change->path, change->from, change->to);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "more");
      json_builder_add_int_value (b, e->more);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return gs_json_to_text (root);
}

int
gs_cli_history (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — who changed which input, and when"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  int status = GS_EXIT_OK;
  const GsModel *model;
  GOptionEntry entries_opt[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries_opt, NULL);
  g_option_context_set_summary (
      context, N_ ("Prints the plan's change log, oldest first: each save that changed an input, "
                   "with its local time, who saved it and every input it changed, named as on the "
                   "goal sheets, from its old value to its new one. Goalsheet records it in the "
                   "plan file at each save."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("history", _ ("give one plan file"));
  if ((plan = gs_cli_load_plan (argv[1], &status)) == NULL)
    return status;
  entries = gs_history_read (gs_plan_get_root (plan), &error);
  if (entries == NULL)
    return gs_cli_fail (argv[1], error);
  if (json)
    {
      g_autofree char *text = history_json (entries);
      return gs_cli_write_stdout (text);
    }
  model = gs_plan_get_model (plan);
  if (entries->len == 0)
    g_string_append_printf (out, "%s\n",
                            _ ("No changes recorded yet: Goalsheet records them at each save."));
  for (guint i = 0; i < entries->len; i++)
    {
      const GsHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (e->when);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *who = gs_cli_escape (*e->who ? e->who : _ ("someone"), FALSE);
      /* Translators: %1$s a date and time, %2$s a person's name. */
      g_string_append_printf (out, _ ("%1$s — %2$s\n"), when, who);
      for (guint c = 0; c < e->changes->len; c++)
        {
          const GsInputChange *change = g_ptr_array_index (e->changes, c);
          /* Inputs are named as the plan has them now. */
          g_autofree char *line
              = gs_explain_input_change (model, model, change->path, change->from, change->to);
          g_autofree char *safe = gs_cli_escape (line, FALSE);
          g_string_append_printf (out, "  %s\n", safe);
        }
      if (e->more > 0)
        g_string_append_printf (
            out, g_dngettext (NULL, "  and %u more change\n", "  and %u more changes\n", e->more),
            e->more);
    }
  return gs_cli_write_stdout (out->str);
}
