/* test-comp-resolve.c — decoding the compensation section computes nothing;
 * default quotas and what follows from them are resolved from the goal
 * sheets afterwards (docs/compensation.md, "When quotas are resolved").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h) with lags of 0: company target 1,200,000.00 a
 * year, flat, deal 10,000.00 → 10 deals a month; MQL → Won 20 % → 50 MQLs a
 * month, 600 over the comp year.  2 AEs at quota 600,000.00.
 */
#include "gs-explain-comp.h"
#include "test-comp-util.h"

#define K(x) ((GsMoney) (x) *100)

static const char *comp_json
    = "{\"roles\": ["
      " {\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"components\": ["
      "   {\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 0.8,"
      "    \"table\": {\"type\": \"flat\", \"rate\": 1}},"
      "   {\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.2,"
      "    \"table\": {\"type\": \"flat\", \"rate\": 1},"
      "    \"gate\": {\"measure\": \"own_bookings\", \"min_attainment\": 0.5}}],"
      "  \"gate\": {\"measure\": \"team_bookings\", \"min_attainment\": 0.1},"
      "  \"people\": [{\"name\": \"Ana\", \"quota\": \"900000.00\"}, {\"name\": \"Bo\"}]},"
      " {\"id\": \"dg\", \"kind\": \"marketing\", \"ote\": \"100000.00\", \"components\": ["
      "   {\"id\": \"mqls\", \"measure\": \"mqls_delivered\", \"weight\": 1,"
      "    \"table\": {\"type\": \"flat\", \"rate\": 1}}]}]}";

static JsonNode *
tree_with_comp (void)
{
  JsonNode *tree = tiny_tree ();
  patch (tree, "funnel.steps[1].lag_days", "0");
  patch (tree, "compensation", comp_json);
  return tree;
}

/* The decoded section holds what the plan says and nothing derived. */
/* Where a quota comes from is a kind the text floor words (gs-explain-comp). */
static void
assert_source (const GsModel *m, const GsCompComponent *c, const char *expected)
{
  g_autofree char *text = gs_explain_quota_source (m, c);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_decode_is_pure (void)
{
  g_autoptr (JsonNode) tree = tree_with_comp ();
  g_autoptr (GsModel) m = decode_ok (tree);
  const GsCompRole *ae = &m->comp->roles[0];

  g_assert_false (m->comp->resolved);
  g_assert_cmpint (ae->components[0].quota_default, ==, GS_QUOTA_AE_QUOTA);
  g_assert_cmpint (ae->components[1].quota_default, ==, GS_QUOTA_COMPANY_TARGET);
  g_assert_cmpint (m->comp->roles[1].components[0].quota_default, ==, GS_QUOTA_MQLS);
  g_assert_cmpfloat (ae->components[0].quota, ==, 0);
  g_assert_cmpint (ae->headcount_from, ==, GS_HEADCOUNT_PEOPLE);
  g_assert_false (ae->components[1].gate.quota_set);
  g_assert_cmpfloat (ae->components[1].gate.quota, ==, 0);
  g_assert_cmpfloat (ae->people[0].quota, ==, (double) K (900000));
  g_assert_cmpfloat (ae->people[1].quota, ==, 0);
  g_assert_cmpint (m->comp->plan_bookings, ==, 0);
  /* Headcount is the plan's shape, known when decoding: the two people listed. */
  g_assert_cmpuint (ae->headcount, ==, 2);
}

/* A plan whose goal sheets do not compute still decodes its comp section
 * (the compute error is the one reported). */
static void
test_decode_without_compute (void)
{
  g_autoptr (JsonNode) tree = tree_with_comp ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GError) error = NULL;
  patch (tree, "company.existing_customer_bookings", "\"3000000.00\"");
  m = decode_ok (tree);
  g_assert_nonnull (m->comp);
  g_assert_null (gs_compute (m, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

static void
test_resolve (void)
{
  g_autoptr (JsonNode) tree = tree_with_comp ();
  g_autoptr (GsModel) m = decode_ok (tree);
  g_autoptr (GsResult) r = gs_compute (m, NULL);
  g_autoptr (GsCompModel) comp = gs_comp_resolve (m, r);
  const GsCompRole *ae = &comp->roles[0], *dg = &comp->roles[1];

  g_assert_true (comp->resolved);
  g_assert_false (m->comp->resolved); /* the decoded section is left as it was */
  g_assert_cmpfloat (ae->components[0].quota, ==, (double) K (600000));
  assert_source (m, &ae->components[0], "the AE quota on the capacity plan");
  g_assert_cmpfloat (ae->components[1].quota, ==, (double) K (1200000));
  assert_source (m, &ae->components[1], "the company target");
  g_assert_cmpfloat (dg->components[0].quota, ==, 600);
  assert_source (m, &dg->components[0], "the marketing sheet's MQL goal");
  /* The component gate on own bookings takes the role's own-bookings quota;
   * the plan gate on team bookings the plan's default, 600,000.00 × 2 AEs. */
  g_assert_cmpfloat (ae->components[1].gate.quota, ==, (double) K (600000));
  g_assert_cmpfloat (ae->gate.quota, ==, (double) K (1200000));
  /* Ana's 900,000.00 over the role's 600,000.00; Bo has none of his own. */
  g_assert_cmpfloat (ae->people[0].quota_scale, ==, 1.5);
  g_assert_cmpfloat (ae->people[1].quota_scale, ==, 1.0);
  g_assert_cmpint (comp->plan_bookings, ==, K (1200000));
}

/* A quota the plan sets is kept; the resolved section pays on it. */
static void
test_set_quota_kept (void)
{
  g_autoptr (JsonNode) tree = tree_with_comp ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsCompModel) comp = NULL;
  patch (tree, "compensation.roles[0].components[0].quota", "\"500000.00\"");
  m = decode_ok (tree);
  r = gs_compute (m, NULL);
  comp = gs_comp_resolve (m, r);
  g_assert_cmpint (comp->roles[0].components[0].quota_default, ==, GS_QUOTA_SET);
  g_assert_cmpfloat (comp->roles[0].components[0].quota, ==, (double) K (500000));
  assert_source (m, &comp->roles[0].components[0], "set in the plan");
  g_assert_cmpfloat (comp->roles[0].components[1].gate.quota, ==, (double) K (500000));
  g_assert_cmpfloat (comp->roles[0].people[0].quota_scale, ==, 1.8); /* 900 ÷ 500 */
}

/* The document resolves once per edit and the resolved plans follow edits. */
static void
test_plan_follows_edits (void)
{
  g_autoptr (JsonNode) tree = tree_with_comp ();
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  const GsCompModel *comp;

  g_assert_no_error (error);
  comp = gs_plan_get_comp (plan, &error);
  g_assert_no_error (error);
  g_assert_true (comp == gs_plan_get_comp (plan, NULL)); /* kept, not resolved again */
  g_assert_cmpfloat (comp->roles[0].components[0].quota, ==, (double) K (600000));
  g_assert_true (gs_plan_set_money (plan, "capacity.ae.quota", K (700000), &error));
  comp = gs_plan_get_comp (plan, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (comp->roles[0].components[0].quota, ==, (double) K (700000));
  g_assert_cmpfloat (comp->roles[0].gate.quota, ==, (double) K (1400000));
  g_assert_cmpfloat (comp->roles[0].people[0].quota_scale, ==, 900.0 / 700.0);
}

/* The curve carries its share of the target incentive: TI 50,000.00 (OTE
 * 100,000.00 at 50 %), flat rate 1 on quota 500,000.00 → 25,000.00 = 50 % at
 * half the quota, 50,000.00 = 100 % at quota. */
static void
test_curve_of_target (void)
{
  g_autofree char *json = one_component (", \"table\": {\"type\": \"flat\", \"rate\": 1}", NULL);
  g_autoptr (GsCompModel) comp = comp_model (json);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) curve = gs_comp_curve (comp, &comp->roles[0], 0.5, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (curve->len, ==, 3);
  g_assert_cmpint (g_array_index (curve, GsCurvePoint, 1).earned, ==, K (25000));
  g_assert_cmpfloat (g_array_index (curve, GsCurvePoint, 1).of_target, ==, 0.5);
  g_assert_cmpfloat (g_array_index (curve, GsCurvePoint, 2).of_target, ==, 1.0);
  g_assert_cmpfloat (g_array_index (curve, GsCurvePoint, 0).of_target, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp-resolve/decode-is-pure", test_decode_is_pure);
  g_test_add_func ("/comp-resolve/decode-without-compute", test_decode_without_compute);
  g_test_add_func ("/comp-resolve/resolve", test_resolve);
  g_test_add_func ("/comp-resolve/set-quota-kept", test_set_quota_kept);
  g_test_add_func ("/comp-resolve/plan-follows-edits", test_plan_follows_edits);
  g_test_add_func ("/comp-resolve/curve-of-target", test_curve_of_target);
  return g_test_run ();
}
