/* test-scenario-edits.c — scenarios made in the window: save the current
 * edits as one, rename, describe, edit and remove overrides, delete, apply;
 * the comparison's differences against base and their verdicts.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-scenario-edits.h"
#include "gs-scenario.h"
#include "gs-plan-edits.h"

static double
rate (GsPlan *plan, guint step)
{
  return gs_plan_get_model (plan)->steps[step].rate;
}

static guint
n_scenarios (GsPlan *plan)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (gs_plan_get_root (plan), NULL);
  g_assert_nonnull (all);
  return all->len - 1; /* without base */
}

static const GsScenario *
scenario (GPtrArray **all, GsPlan *plan, const char *name)
{
  g_clear_pointer (all, g_ptr_array_unref);
  *all = gs_scenarios_read (gs_plan_get_root (plan), NULL);
  g_assert_nonnull (*all);
  return gs_scenarios_find (*all, name);
}

/* MQL → Won from 20 % to 25 % and deal size 10,000 → 12,000, saved as a
 * scenario: the plan is back at 20 % and 10,000, the scenario holds both
 * changes, and it is one undo step. */
static void
test_save_changes (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *saved_text = gs_plan_to_text (plan);
  const GsScenario *s;

  g_assert_cmpuint (gs_scenario_pending_changes (plan), ==, 0);
  g_assert_true (refused_saying (gs_scenario_save_changes (plan, "better", NULL, &error), &error,
                                 "Nothing has changed"));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_plan_set_money (plan, "funnel.deal_size", 1200000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_scenario_pending_changes (plan), ==, 2);

  g_assert_true (refused_saying (gs_scenario_save_changes (plan, " Base ", NULL, &error), &error,
                                 "is the plan itself"));
  g_assert_true (
      refused_saying (gs_scenario_save_changes (plan, "  ", NULL, &error), &error, "needs a name"));
  g_assert_true (gs_scenario_save_changes (plan, " better ", "Faster closes", &error));
  g_assert_no_error (error);

  /* Back at base. */
  g_assert_cmpfloat (rate (plan, 1), ==, 0.2);
  g_assert_cmpint (gs_plan_get_model (plan)->deal_size, ==, 1000000);
  g_assert_cmpuint (gs_scenario_pending_changes (plan), ==, 0);
  s = scenario (&all, plan, "better");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->description, ==, "Faster closes");
  g_assert_cmpuint (s->n_overrides, ==, 2);
  g_assert_cmpstr (s->overrides[0].path, ==, "funnel.steps[1].rate");
  g_assert_cmpfloat (json_node_get_double (s->overrides[0].value), ==, 0.25);
  g_assert_cmpstr (s->overrides[1].path, ==, "funnel.deal_size");
  g_assert_cmpstr (json_node_get_string (s->overrides[1].value), ==, "12000.00");

  /* A second name taken is refused. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_true (refused_saying (gs_scenario_save_changes (plan, "better", NULL, &error), &error,
                                 "already a scenario named “better”"));
  g_assert_true (gs_plan_undo (plan));

  /* One undo step: the edits come back and the scenario goes. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpfloat (rate (plan, 1), ==, 0.25);
  g_assert_cmpint (gs_plan_get_model (plan)->deal_size, ==, 1200000);
  g_assert_cmpuint (n_scenarios (plan), ==, 0);
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpuint (n_scenarios (plan), ==, 1);
  g_assert_cmpfloat (rate (plan, 1), ==, 0.2);
}

/* Adding a source is not a value the saved plan has: refused in words. */
static void
test_save_refuses_structure (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_plan_add_source (plan, "Partners", GS_OWNER_SALES, &error));
  g_assert_no_error (error);
  g_assert_true (refused_saying (gs_scenario_save_changes (plan, "partners", NULL, &error), &error,
                                 "was added, removed or moved"));
  g_assert_cmpuint (n_scenarios (plan), ==, 0);
}

static void
test_rename_describe_delete (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *first = gs_scenario_free_name (plan);

  g_assert_cmpstr (first, ==, "Scenario 1");
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_scenario_save_changes (plan, first, NULL, &error));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_true (gs_scenario_save_changes (plan, "worse leads", NULL, &error));
  g_assert_no_error (error);
  g_free (first);
  first = gs_scenario_free_name (plan);
  g_assert_cmpstr (first, ==, "Scenario 2");

  g_assert_true (refused_saying (gs_scenario_rename (plan, "Scenario 1", "worse leads", &error),
                                 &error, "already a scenario named “worse leads”"));
  g_assert_true (refused_saying (gs_scenario_rename (plan, "nope", "x", &error), &error,
                                 "no scenario named “nope”"));
  g_assert_true (gs_scenario_rename (plan, "Scenario 1", "Better close rate", &error));
  g_assert_no_error (error);
  g_assert_null (scenario (&all, plan, "Scenario 1"));
  g_assert_nonnull (scenario (&all, plan, "Better close rate"));
  /* Renaming to its own name is no change. */
  g_assert_true (gs_scenario_rename (plan, "Better close rate", "Better close rate", &error));

  g_assert_true (gs_scenario_set_description (plan, "Better close rate", " 25 % ", &error));
  g_assert_cmpstr (scenario (&all, plan, "Better close rate")->description, ==, "25 %");
  g_assert_true (gs_scenario_set_description (plan, "Better close rate", "", &error));
  g_assert_null (scenario (&all, plan, "Better close rate")->description);

  g_assert_true (gs_scenario_delete (plan, "worse leads", &error));
  g_assert_cmpuint (n_scenarios (plan), ==, 1);
  g_assert_true (refused_saying (gs_scenario_delete (plan, "worse leads", &error), &error,
                                 "no scenario named"));
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (n_scenarios (plan), ==, 2);
  g_assert_nonnull (scenario (&all, plan, "worse leads"));
}

static void
test_overrides (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *path = NULL;
  const GsScenario *s;

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_scenario_save_changes (plan, "better", NULL, &error));
  g_assert_no_error (error);

  /* Edit the value in place: the path a field shows it at. */
  path = gs_scenario_override_value_path (plan, "better", 0);
  g_assert_cmpstr (path, ==, "scenarios[0].overrides[0].value");
  g_assert_null (gs_scenario_override_value_path (plan, "better", 1));
  g_assert_true (gs_scenario_set_override (plan, "better", "funnel.steps[1].rate",
                                           json_node_init_double (json_node_alloc (), 0.3),
                                           &error));
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, path)), ==, 0.3);
  /* A value the plan could not hold is refused, naming the field. */
  g_assert_true (refused_saying (
      gs_scenario_set_override (plan, "better", "funnel.steps[1].rate",
                                json_node_init_double (json_node_alloc (), 1.4), &error),
      &error, "funnel.steps[1].rate"));
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, path)), ==, 0.3);
  /* A new override, then removed. */
  g_assert_true (gs_scenario_set_override (plan, "better", "capacity.ae.start_headcount",
                                           json_node_init_int (json_node_alloc (), 3), &error));
  s = scenario (&all, plan, "better");
  g_assert_cmpuint (s->n_overrides, ==, 2);
  g_assert_true (
      gs_scenario_remove_override (plan, "better", "capacity.ae.start_headcount", &error));
  g_assert_cmpuint (scenario (&all, plan, "better")->n_overrides, ==, 1);
  g_assert_true (refused_saying (
      gs_scenario_remove_override (plan, "better", "capacity.ae.start_headcount", &error), &error,
      "does not change"));
  g_assert_no_error (error);
}

/* Applying puts the overrides into the plan's inputs in one undo step. */
static void
test_apply_to_plan (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_true (gs_scenario_save_changes (plan, "mixed", NULL, &error));
  g_assert_cmpfloat (rate (plan, 0), ==, 0.5);
  g_assert_true (gs_scenario_apply_to_plan (plan, "mixed", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rate (plan, 0), ==, 0.4);
  g_assert_cmpfloat (rate (plan, 1), ==, 0.25);
  g_assert_cmpuint (n_scenarios (plan), ==, 1); /* the scenario stays */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpfloat (rate (plan, 0), ==, 0.5);
  g_assert_cmpfloat (rate (plan, 1), ==, 0.2);
  g_assert_true (refused_saying (gs_scenario_apply_to_plan (plan, "base", &error), &error,
                                 "no scenario named “base”"));
}

/* The tiny plan needs 10 wins a month: 50 MQLs at 20 %, 100 leads at 50 %,
 * 1,200 leads in the plan year.  The budget pays 13 months of leads (the
 * 31-day lag puts January's a month before the plan): 1,300 × 20.00 =
 * 26,000.00.  At 25 % MQL → Won: 40 MQLs and 80 leads a month, 960 in the
 * year, budget 1,040 × 20.00 = 20,800.00: −240 leads (volume the plan needs:
 * neither good nor bad) and −5,200.00 (good news); the wins (120) and the
 * target do not move. */
static void
test_comparison_vs_base (void)
{
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsComparison) c = NULL;
  const GsComparisonRow *leads, *budget, *won, *target, *plan_row;
  g_autofree char *budget_text = NULL, *leads_text = NULL, *base_text = NULL, *money = NULL;

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_scenario_save_changes (plan, "better", NULL, &error));
  c = gs_comparison_new (gs_plan_get_root (plan), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->n_scenarios, ==, 2);

  leads = gs_comparison_row (c, "marketing.stage.lead");
  budget = gs_comparison_row (c, "budget");
  won = gs_comparison_row (c, "sales.stage.won");
  target = gs_comparison_row (c, "target");
  plan_row = gs_comparison_row (c, "plan");
  g_assert_cmpfloat (leads->values[0], ==, 1200);
  g_assert_cmpfloat (leads->values[1], ==, 960);
  g_assert_cmpfloat (leads->vs_base[0], ==, 0);
  g_assert_cmpfloat (leads->vs_base[1], ==, -240);
  g_assert_cmpfloat (budget->values[0], ==, 2600000);
  g_assert_cmpfloat (budget->vs_base[1], ==, -520000);
  g_assert_cmpfloat (won->vs_base[1], ==, 0);
  g_assert_cmpint (leads->direction, ==, GS_DIRECTION_NEUTRAL);
  g_assert_cmpint (won->direction, ==, GS_DIRECTION_NEUTRAL);
  g_assert_cmpint (budget->direction, ==, GS_DIRECTION_UP_BAD);
  g_assert_cmpint (plan_row->direction, ==, GS_DIRECTION_UP_GOOD);
  g_assert_cmpint (target->direction, ==, GS_DIRECTION_NEUTRAL);
  g_assert_cmpint (gs_comparison_verdict (leads, 1), ==, GS_VERDICT_NEUTRAL);
  g_assert_cmpint (gs_comparison_verdict (budget, 1), ==, GS_VERDICT_GOOD);
  g_assert_cmpint (gs_comparison_verdict (won, 1), ==, GS_VERDICT_SAME);
  g_assert_cmpint (gs_comparison_verdict (leads, 0), ==, GS_VERDICT_SAME);

  budget_text = gs_comparison_format_vs_base (c, budget, 1);
  leads_text = gs_comparison_format_vs_base (c, leads, 1);
  base_text = gs_comparison_format_vs_base (c, leads, 0);
  money = gs_comparison_format (c, budget, 0);
  g_assert_cmpstr (budget_text, ==, "−$5,200");
  g_assert_cmpstr (leads_text, ==, "−240");
  g_assert_cmpstr (base_text, ==, "");
  g_assert_cmpstr (money, ==, "$26,000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-edits/save-changes", test_save_changes);
  g_test_add_func ("/scenario-edits/save-refuses-structure", test_save_refuses_structure);
  g_test_add_func ("/scenario-edits/rename-describe-delete", test_rename_describe_delete);
  g_test_add_func ("/scenario-edits/overrides", test_overrides);
  g_test_add_func ("/scenario-edits/apply-to-plan", test_apply_to_plan);
  g_test_add_func ("/scenario-edits/comparison-vs-base", test_comparison_vs_base);
  return g_test_run ();
}
