/* gs-cli-scenarios.c — `goalsheet-cli scenarios PLAN`: every derived figure
 * side by side across the plan's scenarios.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-json.h"
#include "gs-scenario.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* A figure of row in scenario s (money as a decimal string; amount is the
 * money or count row's typed figure, value the others'); null when absent. */
static void
add_value (JsonBuilder *b, const GsComparison *c, const GsComparisonRow *row, guint s,
           gboolean present, gint64 amount, double value)
{
  if (!present)
    json_builder_add_null_value (b);
  else if (row->unit == GS_UNIT_MONEY)
    json_builder_add_value (b, gs_json_money_node (amount, c->models[s]->company.digits));
  else if (row->unit == GS_UNIT_COUNT)
    json_builder_add_int_value (b, amount);
  else
    json_builder_add_double_value (b, value);
}

static JsonNode *
comparison_json (const GsComparison *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scenarios");
  json_builder_begin_array (b);
  for (guint s = 0; s < c->n_scenarios; s++)
    json_builder_add_string_value (b, c->names[s]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, row->id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, row->label);
      json_builder_set_member_name (b, "values");
      json_builder_begin_object (b);
      for (guint s = 0; s < c->n_scenarios; s++)
        {
          json_builder_set_member_name (b, c->names[s]);
          add_value (b, c, row, s, row->present[s], row->amounts[s], row->values[s]);
        }
      json_builder_end_object (b);
      /* The difference against base in the figure's unit (money as a
       * decimal string), for every scenario but base. */
      json_builder_set_member_name (b, "vs_base");
      json_builder_begin_object (b);
      for (guint s = 1; s < c->n_scenarios; s++)
        {
          json_builder_set_member_name (b, c->names[s]);
          add_value (b, c, row, s, row->present[s] && row->present[0], row->amounts_vs_base[s],
                     row->vs_base[s]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "direction");
      json_builder_add_string_value (b, gs_direction_id (row->direction));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_table (const GsComparison *c)
{
  /* The figure, base, then each scenario and its difference against base. */
  guint n_rows = c->rows->len, n_cols = 2 * c->n_scenarios;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *width = g_new0 (guint, n_cols);

  g_ptr_array_add (cells, g_strdup (C_ ("scenario table", "Figure")));
  for (guint s = 0; s < c->n_scenarios; s++)
    {
      g_ptr_array_add (cells, g_strdup (c->names[s]));
      if (s > 0)
        g_ptr_array_add (cells, g_strdup (C_ ("scenario table", "vs base")));
    }
  for (guint i = 0; i < n_rows; i++)
    {
      const GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      g_ptr_array_add (cells, g_strdup (row->label));
      for (guint s = 0; s < c->n_scenarios; s++)
        {
          g_ptr_array_add (cells, gs_comparison_format (c, row, s));
          if (s > 0)
            g_ptr_array_add (cells, gs_comparison_format_vs_base (c, row, s));
        }
    }
  for (guint i = 0; i < cells->len; i++)
    width[i % n_cols] = MAX (width[i % n_cols], g_utf8_strlen (cells->pdata[i], -1));
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = cells->pdata[i];
      guint col = i % n_cols, pad = width[col] - g_utf8_strlen (text, -1);
      if (col == 0)
        g_print ("%s%*s", text, pad, "");
      else
        g_print ("  %*s%s", pad, "", text);
      if (col == n_cols - 1)
        g_print ("\n");
    }
}

int
gs_cli_scenarios (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — compare scenarios"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsComparison) comparison = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  gboolean as_json = FALSE;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "scenario", 's', 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_ ("Compare only this scenario (repeat for several; default: all)"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_ ("Print the comparison as JSON"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, N_ ("Computes the plan under each of its named scenarios "
                                             "(the plan itself is “base”) and prints every derived "
                                             "figure side by side."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      g_printerr ("goalsheet-cli scenarios: %s\n", _ ("give one plan file (see --help)"));
      return GS_EXIT_INVALID;
    }
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  comparison = gs_comparison_new_for_plan (plan, (const char *const *) names, &error);
  if (comparison == NULL)
    return gs_cli_fail (argv[1], error);
  if (as_json)
    {
      g_autoptr (JsonNode) node = comparison_json (comparison);
      g_autofree char *text = gs_json_to_text (node);
      g_print ("%s", text);
    }
  else
    print_table (comparison);
  return GS_EXIT_OK;
}

const GsResult *
gs_cli_load_scenario_result (const char *filename, const char *scenario, GsPlan **plan, int *status)
{
  g_autoptr (GsPlan) file_plan = NULL;
  g_autoptr (GError) error = NULL;
  const GsResult *result;

  if (scenario == NULL)
    return gs_cli_load_result (filename, plan, status);
  *plan = NULL;
  file_plan = gs_cli_load_plan (filename, status);
  if (file_plan == NULL)
    return NULL;
  *plan = gs_scenario_plan (file_plan, scenario, &error);
  if (*plan == NULL)
    {
      *status = gs_cli_fail (filename, error);
      return NULL;
    }
  result = gs_plan_get_result (*plan, &error);
  if (result == NULL)
    *status = gs_cli_fail (filename, error);
  return result;
}
