/* test-plan-diff.c — what changed between two plans (gs-plan-diff.h), the
 * inputs in words (gs-explain-input.h), and `goalsheet-cli diff`.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-cli-run.h"
#include "test-util.h"

#include "gs-explain-input.h"
#include "gs-meeting.h"
#include "gs-plan-diff.h"

#include <glib/gstdio.h>

static GsPlan *
plan_from_tree (JsonNode *tree)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gs_json_to_text (tree);
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static GsPlanDiff *
diff_ok (GsPlan *a, GsPlan *b)
{
  g_autoptr (GError) error = NULL;
  GsPlanDiff *diff = gs_plan_diff (a, b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diff);
  return diff;
}

static const GsInputChange *
input (const GsPlanDiff *diff, guint i)
{
  g_assert_cmpuint (i, <, diff->inputs->len);
  return g_ptr_array_index (diff->inputs, i);
}

static gboolean
moved (const GsPlanDiff *diff, const char *id)
{
  for (guint i = 0; i < diff->goals->len; i++)
    {
      const GsGoalMove *m = &g_array_index (diff->goals, GsGoalMove, i);
      if (strcmp ((m->to ? m->to : m->from)->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every line whose figures differ is listed, and no other. */
static void
assert_goals_exact (const GsPlanDiff *diff)
{
  for (guint i = 0; i < diff->to_result->lines->len; i++)
    {
      const GsGoalLine *b = g_ptr_array_index (diff->to_result->lines, i);
      const GsGoalLine *a = line_ok (diff->from_result, b->id);
      gboolean differs = a->total.amount != b->total.amount || a->total.value != b->total.value
                         || a->before.amount != b->before.amount
                         || a->after.amount != b->after.amount;
      g_assert_cmpint (moved (diff, b->id), ==, differs);
    }
}

static void
test_same (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) a = plan_from_tree (tree);
  g_autoptr (GsPlan) b = gs_plan_copy (a);
  g_autoptr (GsPlanDiff) diff = diff_ok (a, b);

  g_assert_cmpuint (diff->inputs->len, ==, 0);
  g_assert_cmpuint (diff->goals->len, ==, 0);
}

/* MQL → Won 20 % → 25 %: 10 wins a month ÷ 25 % = 40 MQLs (was 50), ÷ 50 %
 * = 80 leads (was 100); the wins and the pipeline after MQL do not move. */
static void
test_rate (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) a = plan_from_tree (tree);
  g_autoptr (GsPlan) b = gs_plan_copy (a);
  g_autoptr (GsPlanDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  const GsInputChange *c;
  const GsModel *m;
  const GsResult *r;

  g_assert_true (gs_plan_set_double (b, "funnel.steps[1].rate", 0.25, &error));
  g_assert_no_error (error);
  diff = diff_ok (a, b);
  g_assert_cmpuint (diff->inputs->len, ==, 1);
  c = input (diff, 0);
  g_assert_cmpint (c->kind, ==, GS_INPUT_CHANGED);
  g_assert_cmpstr (c->path, ==, "funnel.steps[1].rate");
  g_assert_cmpfloat (json_node_get_double (c->from), ==, 0.2);
  g_assert_cmpfloat (json_node_get_double (c->to), ==, 0.25);

  m = gs_plan_get_model (b);
  {
    g_autofree char *name = gs_explain_input_path (m, c->path);
    g_autofree char *from = gs_explain_input_value (m, c->path, c->from);
    g_autofree char *to = gs_explain_input_value (m, c->path, c->to);
    g_assert_cmpstr (name, ==, "MQL → Won rate");
    g_assert_cmpstr (from, ==, "20 %");
    g_assert_cmpstr (to, ==, "25 %");
  }

  r = diff->to_result;
  g_assert_cmpint (line_ok (r, "marketing.stage.mql")->months[r->n_pre + 3].amount, ==, 40);
  g_assert_cmpint (line_ok (diff->from_result, "marketing.stage.mql")
                       ->months[diff->from_result->n_pre + 3]
                       .amount,
                   ==, 50);
  g_assert_cmpint (line_ok (r, "marketing.stage.lead")->months[r->n_pre + 3].amount, ==, 80);
  g_assert_true (moved (diff, "marketing.stage.mql"));
  g_assert_true (moved (diff, "marketing.stage.lead"));
  g_assert_false (moved (diff, "sales.stage.won"));
  assert_goals_exact (diff);
}

/* A second source added (and the first's share lowered) is two changes,
 * the new source one of them whole; the other way round it is removed. */
static void
test_added_removed (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) a = plan_from_tree (tree);
  g_autoptr (GsPlan) b = NULL;
  g_autoptr (GsPlanDiff) diff = NULL;
  g_autoptr (GsPlanDiff) back = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  patch (tree, "sources",
         "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": \"marketing\", \"share\": 0.75,"
         "  \"cost_per_lead\": \"20.00\"},"
         " {\"id\": \"partner\", \"name\": \"Partners\", \"owner\": \"marketing\", \"share\": 0.25,"
         "  \"cost_per_lead\": \"50.00\", \"entry_stage\": \"mql\"}]");
  b = plan_from_tree (tree);
  diff = diff_ok (a, b);
  g_assert_cmpuint (diff->inputs->len, ==, 2);
  g_assert_cmpstr (input (diff, 0)->path, ==, "sources[0].share");
  g_assert_cmpint (input (diff, 1)->kind, ==, GS_INPUT_ADDED);
  g_assert_cmpstr (input (diff, 1)->path, ==, "sources[1]");
  g_assert_null (input (diff, 1)->from);
  name = gs_explain_input_path (gs_plan_get_model (b), "sources[1]");
  value = gs_explain_input_value (gs_plan_get_model (b), "sources[1]", input (diff, 1)->to);
  g_assert_cmpstr (name, ==, "Source “Partners”");
  g_assert_cmpstr (value, ==, "“Partners”");
  assert_goals_exact (diff);

  back = diff_ok (b, a);
  g_assert_cmpuint (back->inputs->len, ==, 2);
  g_assert_cmpint (input (back, 1)->kind, ==, GS_INPUT_REMOVED);
  g_assert_cmpstr (input (back, 1)->path, ==, "sources[1]");
  g_assert_null (input (back, 1)->to);
}

/* Lists with ids are matched by id: the same sources in another order, and
 * 2 written as 2.0, are no change. */
static void
test_same_inputs_other_form (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (JsonNode) swapped = tiny_tree ();
  g_autoptr (GsPlan) a = NULL;
  g_autoptr (GsPlan) b = NULL;
  g_autoptr (GsPlanDiff) diff = NULL;
  const char *two = "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": \"marketing\","
                    " \"share\": 0.5, \"cost_per_lead\": \"20.00\"},"
                    " {\"id\": \"outbound\", \"name\": \"Outbound\", \"owner\": \"sales\","
                    " \"share\": 0.5, \"cost_per_lead\": \"0.00\"}]";
  const char *two_swapped = "[{\"id\": \"outbound\", \"name\": \"Outbound\", \"owner\": \"sales\","
                            " \"share\": 0.5, \"cost_per_lead\": \"0.00\"},"
                            " {\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": "
                            "\"marketing\", \"share\": 0.5, \"cost_per_lead\": \"20.00\"}]";

  patch (tree, "sources", two);
  patch (swapped, "sources", two_swapped);
  patch (swapped, "capacity.ae.start_headcount", "2.0");
  a = plan_from_tree (tree);
  b = plan_from_tree (swapped);
  diff = diff_ok (a, b);
  g_assert_cmpuint (diff->inputs->len, ==, 0);
}

/* The meeting's stored baseline is a copy of the plan, not an input. */
static void
test_baseline_not_compared (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) a = plan_from_tree (tree);
  g_autoptr (GsPlan) b = NULL;
  g_autoptr (GsPlanDiff) diff = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_meeting_set_baseline (a, &error));
  b = gs_plan_copy (a);
  g_assert_true (gs_plan_set_double (b, "funnel.steps[0].rate", 0.4, &error));
  g_assert_true (gs_meeting_set_baseline (b, &error));
  g_assert_no_error (error);
  diff = diff_ok (a, b);
  g_assert_cmpuint (diff->inputs->len, ==, 1);
  g_assert_cmpstr (input (diff, 0)->path, ==, "funnel.steps[0].rate");
}

static void
test_words (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) plan = NULL;
  const GsModel *m;
  static const struct
  {
    const char *path;
    const char *words;
  } cases[] = {
    { "company.target.amount", "Target for the year" },
    { "company.seasonality[0]", "Seasonality, Jan" },
    { "capacity.ae.hires[1].month", "AE hires, batch 2: month" },
    { "capacity.ae.ramp[2]", "AE ramp, month 3" },
    { "capacity.sdr.sqls_per_month", "SQLs per SDR a month" },
    { "sources[0].cost_per_lead", "Inbound: cost per lead" },
    { "sources[0].planned_volume[1]", "Inbound: planned volume, Feb 27" },
    { "funnel.steps[0].lag_days", "Lead → MQL lag (days)" },
    { "agreements.acceptance_rate", "MQLs accepted or rejected within the SLA" },
    { "no.such.input", "no.such.input" },
  };

  plan = plan_from_tree (tree);
  m = gs_plan_get_model (plan);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = gs_explain_input_path (m, cases[i].path);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
  {
    g_autoptr (JsonNode) quota = json_node_new (JSON_NODE_VALUE);
    g_autoptr (JsonNode) ramp = gs_json_parse ("[0, 0.5, 1]", -1, NULL);
    g_autofree char *money = NULL;
    g_autofree char *list = NULL;
    g_autofree char *nothing = gs_explain_input_value (m, "capacity.ae.quota", NULL);
    json_node_set_string (quota, "600000.00");
    money = gs_explain_input_value (m, "capacity.ae.quota", quota);
    list = gs_explain_input_value (m, "capacity.ae.ramp", ramp);
    g_assert_cmpstr (money, ==, "$600,000.00");
    g_assert_cmpstr (list, ==, "0 %, 50 %, 100 %");
    g_assert_cmpstr (nothing, ==, "—");
  }
}

static char *
write_plan (const char *dir, const char *name, JsonNode *tree)
{
  g_autofree char *text = gs_json_to_text (tree);
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static const GsGoalMove *
move_of (const GsPlanDiff *diff, const char *id)
{
  for (guint i = 0; i < diff->goals->len; i++)
    {
      const GsGoalMove *m = &g_array_index (diff->goals, GsGoalMove, i);
      if (strcmp ((m->to ? m->to : m->from)->id, id) == 0)
        return m;
    }
  g_error ("goal line %s did not move", id);
  return NULL;
}

/* The tiny plan against itself with patches (path, JSON literal, …, NULL)
 * applied; the diff holds both plans. */
static GsPlanDiff *
diff_patched (const char *path, ...)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsPlan) a = plan_from_tree (tree);
  g_autoptr (GsPlan) b = NULL;
  va_list args;

  va_start (args, path);
  for (const char *p = path; p != NULL; p = va_arg (args, const char *))
    patch (tree, p, va_arg (args, const char *));
  va_end (args);
  b = plan_from_tree (tree);
  return diff_ok (a, b);
}

/* The engine measures each move: the change of the total, the month that
 * moved most and the cell that explains it.  By hand, on the tiny plan
 * (100,000.00 a month, deal 10,000.00, MQL→Won 20 % a month ahead): the
 * target 1,200,000 → 1,500,000 with April weighted 4 of 15 makes April's
 * target 400,000 (+300,000; the other months keep 100,000), so April needs
 * 40 wins instead of 10 (+30 over the plan) and March 200 MQLs instead of
 * 50 (+150). */
static void
test_moves (void)
{
  g_autoptr (GsPlanDiff) diff
      = diff_patched ("company.target.amount", "\"1500000.00\"", "company.seasonality",
                      "[1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1]", NULL);
  const GsGoalMove *target, *won, *mql;

  g_assert_cmpint (diff->target.from, ==, 120000000);
  g_assert_cmpint (diff->target.to, ==, 150000000);
  g_assert_cmpint (diff->target.change, ==, 30000000);
  g_assert_cmpint (diff->plan.change, ==, diff->plan.to - diff->plan.from);
  g_assert_cmpint (diff->gap.change, ==, diff->plan.change - diff->target.change);

  target = move_of (diff, "shared.target");
  g_assert_cmpint (target->change.amount, ==, 30000000);
  g_assert_cmpint (target->moved_month, ==, 3);
  won = move_of (diff, "sales.stage.won");
  g_assert_cmpint (won->change.amount, ==, 30);
  g_assert_cmpint (won->moved_month, ==, 3);
  g_assert_cmpint (won->to->total.derivation.kind, ==, GS_DERIVATION_SUM_OF_MONTHS);
  g_assert_true (won->why == &won->to->months[diff->to_result->n_pre + 3]);
  mql = move_of (diff, "marketing.stage.mql");
  g_assert_cmpint (mql->change.amount, ==, 150);
  g_assert_cmpint (mql->moved_month, ==, 2);
  g_assert_true (mql->why == &mql->to->months[diff->to_result->n_pre + 2]);

  /* Every move: the change is to − from, and the explaining cell is to's
   * total or the month that moved most. */
  for (guint i = 0; i < diff->goals->len; i++)
    {
      const GsGoalMove *m = &g_array_index (diff->goals, GsGoalMove, i);
      g_assert_nonnull (m->from);
      g_assert_nonnull (m->to);
      g_assert_cmpint (m->change.amount, ==, m->to->total.amount - m->from->total.amount);
      g_assert_cmpfloat (m->change.value, ==, m->to->total.value - m->from->total.value);
      g_assert_true (m->why == &m->to->total
                     || (m->moved_month >= 0
                         && m->why == &m->to->months[diff->to_result->n_pre + m->moved_month]));
    }
}

/* A line that is new or gone has no change to measure. */
static void
test_moves_added (void)
{
  g_autoptr (GsPlanDiff) diff = diff_patched (
      "funnel.stages",
      "[{\"id\": \"lead\", \"name\": \"Lead\"}, {\"id\": \"mql\", \"name\": \"MQL\"},"
      " {\"id\": \"sql\", \"name\": \"SQL\"}, {\"id\": \"won\", \"name\": \"Won\"}]",
      "funnel.steps",
      "[{\"rate\": 0.5, \"lag_days\": 0}, {\"rate\": 0.5, \"lag_days\": 0},"
      " {\"rate\": 0.4, \"lag_days\": 31}]",
      NULL);
  const GsGoalMove *m = move_of (diff, "sales.stage.sql");

  g_assert_null (m->from);
  g_assert_cmpint (m->moved_month, ==, -1);
  g_assert_null (m->why);
  g_assert_cmpint (m->change.amount, ==, 0);
}

static void
test_cli (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-diff-XXXXXX", NULL);
  g_autofree char *old_path = write_plan (dir, "old.goalsheet", tree);
  g_autofree char *new_path = NULL;
  g_autofree char *bad_path = g_build_filename (dir, "bad.goalsheet", NULL);
  g_auto (CliRun) text = { 0 };
  g_auto (CliRun) json = { 0 };
  g_auto (CliRun) one = { 0 };
  g_auto (CliRun) bad = { 0 };
  g_autoptr (JsonNode) parsed = NULL;

  patch (tree, "funnel.steps[1].rate", "0.25");
  new_path = write_plan (dir, "new.goalsheet", tree);
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"goalsheet\"", -1, NULL));

  cli_run (&text, "diff", old_path, new_path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Target: $1,200,000.00 (unchanged)"));
  g_assert_nonnull (strstr (text.out, "INPUTS CHANGED — 1\n  MQL → Won rate: 20 % → 25 %\n"));
  /* 12 months × 10 fewer MQLs; the derivation names the new rate. */
  g_assert_nonnull (strstr (text.out, "Marketing · MQLs: "));
  g_assert_nonnull (strstr (text.out, "÷ 25 %"));
  g_assert_null (strstr (text.out, "Sales · Wins"));

  cli_run (&json, "diff", "--json", old_path, new_path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  parsed = gs_json_parse (json.out, -1, NULL);
  g_assert_nonnull (parsed);
  {
    JsonObject *root = json_node_get_object (parsed);
    JsonArray *inputs = json_object_get_array_member (root, "inputs");
    JsonObject *first = json_array_get_object_element (inputs, 0);
    g_assert_cmpuint (json_array_get_length (inputs), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "path"), ==, "funnel.steps[1].rate");
    g_assert_cmpfloat (json_object_get_double_member (first, "to"), ==, 0.25);
  }

  cli_run (&one, "diff", old_path, NULL);
  g_assert_cmpint (one.status, ==, 2);
  g_assert_nonnull (strstr (one.err, "two plan files"));

  cli_run (&bad, "diff", old_path, bad_path, NULL);
  g_assert_cmpint (bad.status, !=, 0);
  g_assert_nonnull (strstr (bad.err, "bad.goalsheet"));
  g_assert_cmpstr (bad.out, ==, "");

  g_unlink (old_path);
  g_unlink (new_path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

/* A keyed list of 5,000 people, reversed, one quota changed, one person
 * gone and one new: exactly those three changes, each at its path (entries
 * are matched by name through an index, not a search per entry), and a
 * tree compared with itself has none. */
static void
test_many_people (void)
{
  g_autoptr (GString) from = g_string_new ("{\"people\": [");
  g_autoptr (GString) to = g_string_new ("{\"people\": [");
  g_autoptr (JsonNode) a = NULL;
  g_autoptr (JsonNode) b = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) none = NULL;
  const guint n = 5000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (from, "%s{\"name\": \"P%04u\", \"quota\": \"%u.00\"}", i ? ", " : "", i,
                            1000 + i);
  g_string_append (from, "]}");
  /* Reversed: P4999 first; P0007 left out; P1234's quota 1.00 higher; P9999 new at the end. */
  for (guint k = 0; k < n; k++)
    {
      guint i = n - 1 - k;
      if (i == 7)
        continue;
      g_string_append_printf (to, "{\"name\": \"P%04u\", \"quota\": \"%u.00\"}, ", i,
                              1000 + i + (i == 1234));
    }
  g_string_append (to, "{\"name\": \"P9999\", \"quota\": \"1.00\"}]}");
  a = gs_json_parse (from->str, -1, NULL);
  b = gs_json_parse (to->str, -1, NULL);
  changes = gs_plan_diff_trees (a, b);
  g_assert_cmpuint (changes->len, ==, 3);
  {
    GsInputChange *changed = g_ptr_array_index (changes, 0);
    GsInputChange *added = g_ptr_array_index (changes, 1);
    GsInputChange *removed = g_ptr_array_index (changes, 2);
    /* P1234 sits at 4999 − 1234 = 3765 in the new list, before P0007's gap. */
    g_assert_cmpint (changed->kind, ==, GS_INPUT_CHANGED);
    g_assert_cmpstr (changed->path, ==, "people[3765].quota");
    g_assert_cmpstr (json_node_get_string (changed->from), ==, "2234.00");
    g_assert_cmpstr (json_node_get_string (changed->to), ==, "2235.00");
    g_assert_cmpint (added->kind, ==, GS_INPUT_ADDED);
    g_assert_cmpstr (added->path, ==, "people[4999]");
    g_assert_cmpint (removed->kind, ==, GS_INPUT_REMOVED);
    g_assert_cmpstr (removed->path, ==, "people[7]");
  }
  none = gs_plan_diff_trees (a, a);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/same", test_same);
  g_test_add_func ("/diff/many-people", test_many_people);
  g_test_add_func ("/diff/rate", test_rate);
  g_test_add_func ("/diff/added-removed", test_added_removed);
  g_test_add_func ("/diff/same-inputs-other-form", test_same_inputs_other_form);
  g_test_add_func ("/diff/baseline-not-compared", test_baseline_not_compared);
  g_test_add_func ("/diff/words", test_words);
  g_test_add_func ("/diff/cli", test_cli);
  g_test_add_func ("/diff/moves", test_moves);
  g_test_add_func ("/diff/moves-added", test_moves_added);
  return g_test_run ();
}
