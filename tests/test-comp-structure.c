/* test-comp-structure.c — roles and components added, removed, duplicated and
 * moved: payouts worked by hand, refusals in words, scenarios following, and
 * undo giving back the plan byte for byte.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account executive of data/examples/seed-saas.goalsheet (see
 * test-comp-edits.c): target incentive 80,000.00 over own bookings 70 %
 * (marginal 1 to 100 %, 1.5 to 150 %), company bookings 20 % (flat 1) and
 * MQL follow-up 10 % (band, 1 from 100 %).  At 115 %: 68,600.00 + 18,400.00
 * + 9,200.00 = 96,200.00.
 */
#include "test-comp-util.h"
#include "gs-comp-edits.h"
#include "gs-comp-structure.h"
#include "gs-json.h"

#define AE 0
#define SDR 1

static const GsCompModel *
comp_of (GsPlan *plan)
{
  return gs_plan_get_comp (plan, NULL);
}

static GsMoney
total_at (GsPlan *plan, guint r, double attainment)
{
  const GsCompModel *comp = comp_of (plan);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCompRolePayout) rp
      = gs_comp_role_at_attainment (comp, &comp->roles[r], attainment, &error);
  g_assert_no_error (error);
  assert_trace_adds_up (rp->people[0]);
  return rp->people[0]->total;
}

/* The seed plan with scenario "best" overriding the SDR's OTE (role 1) and
 * the period of the AE’s MQL follow-up (component 2), and `actuals` when given. */
static GsPlan *
plan_with (const char *actuals)
{
  g_autoptr (JsonNode) tree = example_tree ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *overrides = json_object_get_array_member (
      json_array_get_object_element (json_node_get_array (gs_json_lookup (tree, "scenarios")), 0),
      "overrides");
  JsonObject *o = json_object_new ();
  GsPlan *plan;

  json_object_set_string_member (o, "path", "compensation.roles[1].ote");
  json_object_set_string_member (o, "value", "95000.00");
  json_array_add_object_element (overrides, o);
  o = json_object_new ();
  json_object_set_string_member (o, "path", "compensation.roles[0].components[2].period");
  json_object_set_string_member (o, "value", "monthly");
  json_array_add_object_element (overrides, o);
  if (actuals)
    patch (tree, "actuals", actuals);
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

/* The path of scenario "best"'s override k. */
static const char *
override_path (GsPlan *plan, guint k)
{
  g_autofree char *path = g_strdup_printf ("scenarios[0].overrides[%u].path", k);
  JsonNode *node = gs_plan_lookup (plan, path);
  return node ? json_node_get_string (node) : NULL;
}

/* A new role: OTE 100,000.00 at 50 % → 50,000.00 on own bookings against
 * the capacity plan's AE quota, flat 1; one person.  At 115 %: 57,500.00. */
static void
test_add_role (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompRole *r;
  guint index = 0;

  g_assert_true (gs_comp_add_role (plan, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 5);
  g_assert_cmpuint (comp_of (plan)->n_roles, ==, 6);
  r = &comp_of (plan)->roles[5];
  g_assert_cmpstr (r->id, ==, "new-role");
  g_assert_cmpstr (r->name, ==, "New role");
  g_assert_cmpuint (r->headcount, ==, 1);
  g_assert_cmpint (r->target_incentive, ==, 5000000);
  g_assert_cmpuint (r->n_components, ==, 1);
  g_assert_cmpint (r->components[0].measure, ==, GS_MEASURE_OWN_BOOKINGS);
  g_assert_cmpfloat (r->components[0].quota, ==, 52000000);
  g_assert_cmpint (total_at (plan, 5, 1.15), ==, 5750000);
  /* A second one gets its own id. */
  g_assert_true (gs_comp_add_role (plan, NULL, &error));
  g_assert_cmpstr (comp_of (plan)->roles[6].id, ==, "new-role-2");
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* Removing the SDR: four roles; the scenario's SDR override goes with it. */
static void
test_remove_role (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (override_path (plan, 3), ==, "compensation.roles[1].ote");
  g_assert_true (gs_comp_remove_role (plan, SDR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comp_of (plan)->n_roles, ==, 4);
  g_assert_cmpstr (comp_of (plan)->roles[1].id, ==, "sales-manager");
  g_assert_cmpstr (override_path (plan, 3), ==, "compensation.roles[0].components[2].period");
  g_assert_null (override_path (plan, 4));
  assert_undoes (plan, before);
  g_assert_true (refused_saying (gs_comp_remove_role (plan, 9, &error), &error, "no role 10"));
}

static void
test_remove_last_role (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    g_assert_true (gs_comp_remove_role (plan, 1, &error));
  g_assert_cmpuint (comp_of (plan)->n_roles, ==, 1);
  before = gs_plan_to_text (plan);
  g_assert_true (refused_saying (gs_comp_remove_role (plan, 0, &error), &error,
                                 "Account executive is the plan’s last role"));
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, before);
  }
}

/* People on the roster keep a role from going, and are named. */
static void
test_remove_role_on_roster (void)
{
  g_autoptr (GsPlan) plan
      = plan_with ("{\"people\": [{\"id\": \"ann_lee\", \"name\": \"Ann Lee\", \"role\": \"ae\"},"
                   " {\"id\": \"omar_ali\", \"name\": \"Omar Ali\", \"role\": \"sdr\"},"
                   " {\"id\": \"li_wu\", \"name\": \"Li Wu\", \"role\": \"sdr\"}]}");
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (refused_saying (gs_comp_remove_role (plan, SDR, &error), &error,
                                 "Sales development rep cannot be removed: Omar Ali, Li Wu are on "
                                 "it in the roster"));
  assert_unchanged (plan, before);
  /* The CRM import puts new owners on the AE role ("ae", the default). */
  g_assert_true (gs_plan_set_string (plan, "actuals.people[0].role", "sdr", &error));
  g_assert_true (refused_saying (gs_comp_remove_role (plan, AE, &error), &error,
                                 "puts new deal owners on it"));
}

/* A duplicate sits right after its original and pays the same; the
 * scenario's SDR override moves to role 2. */
static void
test_duplicate_role (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_duplicate_role (plan, AE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comp_of (plan)->n_roles, ==, 6);
  g_assert_cmpstr (comp_of (plan)->roles[1].id, ==, "ae-copy");
  g_assert_cmpstr (comp_of (plan)->roles[1].name, ==, "Account executive (copy)");
  g_assert_cmpstr (comp_of (plan)->roles[2].id, ==, "sdr");
  g_assert_cmpint (total_at (plan, 1, 1.15), ==, 9620000);
  g_assert_cmpstr (override_path (plan, 3), ==, "compensation.roles[2].ote");
  g_assert_cmpstr (override_path (plan, 4), ==, "compensation.roles[0].components[2].period");
  assert_undoes (plan, before);
}

static void
test_move_role (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_move_role (plan, SDR, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comp_of (plan)->roles[0].id, ==, "sdr");
  g_assert_cmpstr (comp_of (plan)->roles[1].id, ==, "ae");
  g_assert_cmpstr (override_path (plan, 3), ==, "compensation.roles[0].ote");
  g_assert_cmpstr (override_path (plan, 4), ==, "compensation.roles[1].components[2].period");
  g_assert_cmpint (total_at (plan, 1, 1.15), ==, 9620000);
  assert_undoes (plan, before);
  g_assert_true (gs_comp_move_role (plan, AE, 4, &error));
  g_assert_cmpstr (comp_of (plan)->roles[4].id, ==, "ae");
  g_assert_cmpstr (comp_of (plan)->roles[0].id, ==, "sdr");
  assert_undoes (plan, before);
  g_assert_true (refused_saying (gs_comp_move_role (plan, AE, G_MAXUINT, &error), &error,
                                 "already the first role"));
  g_assert_true (
      refused_saying (gs_comp_move_role (plan, 4, 5, &error), &error, "already the last role"));
  assert_unchanged (plan, before);
}

/* A new component comes in at 0 % and pays nothing; at 20 % the others
 * share 80 % as they shared 100 %: 56 % / 16 % / 8 % → 44,800.00,
 * 12,800.00, 6,400.00 and 16,000.00.  At 115 %: 44,800 + 0.15 × 44,800 × 1.5
 * = 54,880.00; 14,720.00; 7,360.00; 18,400.00 → 95,360.00. */
static void
test_add_component (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompComponent *c;
  guint index = 0;

  g_assert_true (gs_comp_add_component (plan, AE, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 3);
  c = &comp_of (plan)->roles[AE].components[3];
  /* Team bookings: the first measure the AE is not paid on that has a quota for it. */
  g_assert_cmpint (c->measure, ==, GS_MEASURE_TEAM_BOOKINGS);
  g_assert_cmpstr (c->id, ==, "team_bookings");
  g_assert_cmpfloat (c->weight, ==, 0);
  g_assert_cmpint (c->target_incentive, ==, 0);
  g_assert_cmpint (total_at (plan, AE, 1.15), ==, 9620000);
  g_assert_true (gs_comp_set_weight (plan, AE, 3, 0.2, &error));
  g_assert_no_error (error);
  c = &comp_of (plan)->roles[AE].components[3];
  g_assert_cmpint (c->target_incentive, ==, 1600000);
  g_assert_cmpint (comp_of (plan)->roles[AE].components[0].target_incentive, ==, 4480000);
  g_assert_cmpint (total_at (plan, AE, 1.15), ==, 9536000);
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* Company bookings (20 %) removed: own bookings 70 % + 20 % × 70/80 = 87.5 %,
 * MQL 12.5 % → 70,000.00 and 10,000.00.  At 115 %: 70,000 + 0.15 × 70,000 ×
 * 1.5 = 85,750.00 and 11,500.00 → 97,250.00. */
static void
test_remove_component (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  guint index;

  g_assert_true (gs_comp_remove_component (plan, AE, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comp_of (plan)->roles[AE].n_components, ==, 2);
  g_assert_cmpfloat (comp_of (plan)->roles[AE].components[0].weight, ==, 0.875);
  g_assert_cmpint (comp_of (plan)->roles[AE].components[1].target_incentive, ==, 1000000);
  g_assert_cmpint (total_at (plan, AE, 1.15), ==, 9725000);
  /* The scenario's override of the MQL component (2) follows it to 1. */
  g_assert_cmpstr (override_path (plan, 4), ==, "compensation.roles[0].components[1].period");
  assert_undoes (plan, before);

  g_assert_true (gs_comp_add_role (plan, &index, &error));
  g_assert_true (refused_saying (gs_comp_remove_component (plan, index, 0, &error), &error,
                                 "is the only component of New role"));
  g_assert_true (refused_saying (gs_comp_remove_component (plan, AE, 5, &error), &error,
                                 "Account executive has no component 6"));
}

/* People with their own quotas are paid on the first component's measure. */
static void
test_first_component_with_people (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) people = gs_json_parse (
      "[{\"name\": \"Ana\", \"quota\": \"600000.00\"}, {\"name\": \"Ben\"}]", -1, &error);
  g_autofree char *before = NULL;

  g_assert_true (
      gs_plan_set (plan, "compensation.roles[0].people", g_steal_pointer (&people), &error));
  g_assert_no_error (error);
  before = gs_plan_to_text (plan);
  g_assert_true (refused_saying (gs_comp_remove_component (plan, AE, 0, &error), &error,
                                 "own quota on Own bookings, its first component"));
  g_assert_true (refused_saying (gs_comp_move_component (plan, AE, 2, 0, &error), &error,
                                 "keep a component on Own bookings first"));
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, before);
  }
  /* Moving another component is fine. */
  g_assert_true (gs_comp_move_component (plan, AE, 2, 1, &error));
  g_assert_no_error (error);
}

/* A duplicate takes half the weight: own bookings 35 % and 35 %, 28,000.00
 * each; at 115 % 28,000 + 0.15 × 28,000 × 1.5 = 34,300.00 each: the role
 * still pays 96,200.00. */
static void
test_duplicate_component (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompRole *r;

  g_assert_true (gs_comp_duplicate_component (plan, AE, 0, &error));
  g_assert_no_error (error);
  r = &comp_of (plan)->roles[AE];
  g_assert_cmpuint (r->n_components, ==, 4);
  g_assert_cmpstr (r->components[1].id, ==, "own-bookings-copy");
  g_assert_true (g_str_has_suffix (r->components[1].name, " (copy)"));
  g_assert_cmpint (r->components[0].target_incentive, ==, 2800000);
  g_assert_cmpint (r->components[1].target_incentive, ==, 2800000);
  g_assert_cmpint (total_at (plan, AE, 1.15), ==, 9620000);
  assert_undoes (plan, before);
}

static void
test_move_component (void)
{
  g_autoptr (GsPlan) plan = plan_with (NULL);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_move_component (plan, AE, 2, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comp_of (plan)->roles[AE].components[0].measure, ==,
                   GS_MEASURE_MQL_FOLLOWUP_SLA);
  g_assert_cmpint (comp_of (plan)->roles[AE].components[1].measure, ==, GS_MEASURE_OWN_BOOKINGS);
  g_assert_cmpint (total_at (plan, AE, 1.15), ==, 9620000);
  g_assert_cmpstr (override_path (plan, 4), ==, "compensation.roles[0].components[0].period");
  assert_undoes (plan, before);
  g_assert_true (refused_saying (gs_comp_move_component (plan, AE, 2, 3, &error), &error,
                                 "already the last component"));
  assert_unchanged (plan, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp-structure/add-role", test_add_role);
  g_test_add_func ("/comp-structure/remove-role", test_remove_role);
  g_test_add_func ("/comp-structure/remove-last-role", test_remove_last_role);
  g_test_add_func ("/comp-structure/remove-role-on-roster", test_remove_role_on_roster);
  g_test_add_func ("/comp-structure/duplicate-role", test_duplicate_role);
  g_test_add_func ("/comp-structure/move-role", test_move_role);
  g_test_add_func ("/comp-structure/add-component", test_add_component);
  g_test_add_func ("/comp-structure/remove-component", test_remove_component);
  g_test_add_func ("/comp-structure/first-component-with-people", test_first_component_with_people);
  g_test_add_func ("/comp-structure/duplicate-component", test_duplicate_component);
  g_test_add_func ("/comp-structure/move-component", test_move_component);
  return g_test_run ();
}
