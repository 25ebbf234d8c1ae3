/* gs-cli-diff.c — `goalsheet-cli diff OLD NEW`: the inputs that changed and
 * the goals they moved, with the derivations behind the new figures.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine finds the changes, measures how far each goal moved and picks
 * the derivation that explains it (gs-plan-diff.h), and names them
 * (gs-explain-input.h); this file lays them out.
 */
#include "gs-cli.h"
#include "gs-explain-input.h"
#include "gs-explain-figure.h"
#include "gs-explain.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-meeting.h"
#include "gs-plan-diff.h"

#include <glib/gi18n-lib.h>

static const char *
side_name (GsSide side)
{
  switch (side)
    {
    case GS_SIDE_MARKETING:
      return C_ ("side", "Marketing");
    case GS_SIDE_SALES:
      return C_ ("side", "Sales");
    default:
      return C_ ("side", "Shared");
    }
}

static void
print_input (GString *out, const GsPlanDiff *diff, const GsInputChange *change)
{
  g_autofree char *line = gs_explain_input_change (gs_plan_get_model (diff->from_plan),
                                                   gs_plan_get_model (diff->to_plan), change->path,
                                                   change->from, change->to);
  g_autofree char *safe = gs_cli_escape (line, FALSE);
  g_string_append_printf (out, "  %s\n", safe);
}

/* A goal's figure as the sheets show it; money with the plan's currency. */
static char *
figure (const GsModel *model, const GsGoalLine *line, const GsCell *cell)
{
  return gs_explain_figure (model, line->unit, cell->amount, cell->value, GS_FIGURE_CELL);
}

/* "+$395,670", "−363", "−6.1 pts": the engine's change itself, never a
 * percent of a figure that may be negative (the gap). */
static char *
change (const GsModel *model, const GsGoalMove *move)
{
  const GsGoalLine *line = move->to;
  switch (line->unit)
    {
    case GS_UNIT_MONEY:
      return gs_format_money_signed (move->change.amount, model->company.digits,
                                     model->company.currency, GS_MONEY_FORMAT_WHOLE);
    case GS_UNIT_COUNT:
      {
        g_autofree char *n = gs_format_count (ABS (move->change.amount));
        return g_strconcat (move->change.amount < 0 ? "−" : "+", n, NULL);
      }
    default:
      return gs_meeting_delta_text (model, line, &move->to->total, &move->from->total);
    }
}

static void
print_goal (GString *out, const GsPlanDiff *diff, const GsGoalMove *move)
{
  const GsModel *new_model = gs_plan_get_model (diff->to_plan);
  const GsModel *old_model = gs_plan_get_model (diff->from_plan);
  const GsGoalLine *line = move->to != NULL ? move->to : move->from;
  const GsModel *model = move->to != NULL ? new_model : old_model;
  g_autofree char *name = gs_explain_line_name (model, line);
  g_autofree char *text = NULL;

  if (move->from == NULL || move->to == NULL)
    {
      g_autofree char *value = figure (model, line, &line->total);
      text = move->to != NULL
                 /* Translators: %1$s side, %2$s a goal line, %3$s its total. */
                 ? g_strdup_printf (_ ("%1$s · %2$s: new line, %3$s"), side_name (line->side), name,
                                    value)
                 : g_strdup_printf (_ ("%1$s · %2$s: line gone (was %3$s)"), side_name (line->side),
                                    name, value);
    }
  else
    {
      g_autofree char *from = figure (old_model, line, &move->from->total);
      g_autofree char *to = figure (new_model, line, &move->to->total);
      g_autofree char *delta = change (new_model, move);
      /* Translators: %1$s side, %2$s a goal line, %3$s → %4$s its totals, %5$s the change. */
      text = g_strdup_printf (_ ("%1$s · %2$s: %3$s → %4$s (%5$s)"), side_name (line->side), name,
                              from, to, delta != NULL ? delta : "");
    }
  {
    g_autofree char *safe = gs_cli_escape (text, FALSE);
    g_string_append_printf (out, "  %s\n", safe);
  }
  if (move->to != NULL && move->from != NULL)
    {
      g_autofree char *why = gs_explain_cell (new_model, diff->to_result, move->to, move->why);
      if (why != NULL && *why != '\0')
        {
          /* A derivation by source runs over several lines: indent them all. */
          g_autofree char *safe = gs_cli_escape (why, TRUE);
          g_auto (GStrv) lines = g_strsplit (safe, "\n", -1);
          for (guint i = 0; lines[i] != NULL; i++)
            g_string_append_printf (out, "      %s\n", lines[i]);
        }
    }
}

static void
print_summary_line (GString *out, const GsModel *m, const char *title, const GsMoneyMove *move)
{
  g_autofree char *a
      = gs_format_money (move->from, m->company.digits, m->company.currency, GS_MONEY_FORMAT_FULL);
  g_autofree char *b
      = gs_format_money (move->to, m->company.digits, m->company.currency, GS_MONEY_FORMAT_FULL);
  if (move->change == 0)
    /* Translators: %1$s "Target"/"Plan"/"Gap", %2$s money. */
    g_string_append_printf (out, _ ("%1$s: %2$s (unchanged)\n"), title, b);
  else
    {
      g_autofree char *d = gs_format_money_signed (move->change, m->company.digits,
                                                   m->company.currency, GS_MONEY_FORMAT_FULL);
      /* Translators: %1$s "Target"/"Plan"/"Gap", %2$s → %3$s money, %4$s the change. */
      g_string_append_printf (out, _ ("%1$s: %2$s → %3$s (%4$s)\n"), title, a, b, d);
    }
}

static void
print_text (GString *out, const GsPlanDiff *diff)
{
  const GsModel *m = gs_plan_get_model (diff->to_plan);

  print_summary_line (out, m, C_ ("summary", "Target"), &diff->target);
  print_summary_line (out, m, C_ ("summary", "Plan"), &diff->plan);
  print_summary_line (out, m, C_ ("summary", "Gap"), &diff->gap);

  g_string_append_c (out, '\n');
  if (diff->inputs->len == 0)
    g_string_append_printf (out, "%s\n", _ ("No input differs."));
  else
    g_string_append_printf (
        out,
        g_dngettext (NULL, "INPUTS CHANGED — %u\n", "INPUTS CHANGED — %u\n", diff->inputs->len),
        diff->inputs->len);
  for (guint i = 0; i < diff->inputs->len; i++)
    print_input (out, diff, g_ptr_array_index (diff->inputs, i));

  g_string_append_c (out, '\n');
  if (diff->goals->len == 0)
    g_string_append_printf (out, "%s\n", _ ("No goal moved."));
  else
    g_string_append_printf (
        out, g_dngettext (NULL, "GOALS MOVED — %u\n", "GOALS MOVED — %u\n", diff->goals->len),
        diff->goals->len);
  for (guint i = 0; i < diff->goals->len; i++)
    print_goal (out, diff, &g_array_index (diff->goals, GsGoalMove, i));
}

static void
add_cell (JsonBuilder *b, const char *member, const GsGoalLine *line)
{
  json_builder_set_member_name (b, member);
  if (line == NULL)
    json_builder_add_null_value (b);
  else if (line->unit == GS_UNIT_COUNT || line->unit == GS_UNIT_MONEY)
    json_builder_add_int_value (b, line->total.amount);
  else
    json_builder_add_double_value (b, line->total.value);
}

static char *
diff_json (const GsPlanDiff *diff)
{
  static const char *const kinds[] = { "changed", "added", "removed" };
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "target");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, diff->target.from);
  json_builder_add_int_value (b, diff->target.to);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "plan");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, diff->plan.from);
  json_builder_add_int_value (b, diff->plan.to);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->inputs->len; i++)
    {
      const GsInputChange *c = g_ptr_array_index (diff->inputs, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "change");
      json_builder_add_string_value (b, kinds[c->kind]);
      gs_cli_json_change (b, c->path, c->from, c->to);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->goals->len; i++)
    {
      const GsGoalMove *g = &g_array_index (diff->goals, GsGoalMove, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, (g->to ? g->to : g->from)->id);
      add_cell (b, "from", g->from);
      add_cell (b, "to", g->to);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return gs_json_to_text (root);
}

int
gs_cli_diff (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("OLD NEW — what changed between two plans"));
  g_autoptr (GsPlan) from = NULL;
  g_autoptr (GsPlan) to = NULL;
  g_autoptr (GsPlanDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Prints the target, plan and gap of both plans; every input that differs, "
                   "named as on the goal sheets with its old and new value; and every goal line "
                   "that moved, with the derivation of its new total. Lists are matched by their "
                   "ids, so an added source is one change. The meeting's stored baseline is not "
                   "compared; imported actuals are compared as whole lists."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return gs_cli_usage ("diff", _ ("give two plan files, the old one first"));
  if ((from = gs_cli_load_plan (argv[1], &status)) == NULL
      || (to = gs_cli_load_plan (argv[2], &status)) == NULL)
    return status;
  diff = gs_plan_diff (from, to, &error);
  if (diff == NULL)
    return gs_cli_fail (gs_plan_get_result (from, NULL) == NULL ? argv[1] : argv[2], error);
  if (json)
    {
      g_autofree char *text = diff_json (diff);
      return gs_cli_write_stdout (text);
    }
  print_text (out, diff);
  return gs_cli_write_stdout (out->str);
}
