/* test-comp-util.h — small comp plans on the tiny test plan, and payouts
 * checked for the trace invariant on every call.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp-payout.h"
#include "gs-explain-comp.h"
#include "test-util.h"

/* One AE role: OTE 100,000.00 at pay mix 50 % → target incentive 50,000.00;
 * one component on own bookings with quota 500,000.00 plus `fields`
 * (comma-led JSON members), and `role_extra` role members. */
static inline char *
one_component (const char *fields, const char *role_extra)
{
  return g_strdup_printf ("{\"roles\": [{\"id\": \"r\", \"kind\": \"ae\", \"ote\": \"100000.00\","
                          " \"pay_mix\": 0.5, \"components\": [{\"id\": \"c\", \"measure\":"
                          " \"own_bookings\", \"weight\": 1, \"quota\": \"500000.00\"%s}]%s}]}",
                          fields, role_extra ? role_extra : "");
}

/* data/examples/seed-saas.goalsheet, the plan the GUI opens with. */
static inline GsPlan *
seed_saas (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  GsPlan *plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

/* The source ids of SPIF 0 of role 0's rule as the plan file writes them,
 * joined with ",", "" when the rule names none. */
static inline char *
rule_sources (GsPlan *plan)
{
  JsonNode *node = gs_plan_lookup (plan, "compensation.roles[0].spifs[0].qualifies.sources");
  GString *ids = g_string_new (NULL);
  for (guint i = 0; node && i < json_array_get_length (json_node_get_array (node)); i++)
    g_string_append_printf (ids, "%s%s", i ? "," : "",
                            json_array_get_string_element (json_node_get_array (node), i));
  return g_string_free (ids, FALSE);
}

/* The comp section decoded on the tiny plan, after the (path, value) pairs
 * in @patches (NULL-terminated, may be NULL), and resolved from its goal
 * sheets, as GsPlan does after compute. */
static inline GsCompModel *
comp_model_patched (const char *comp_json, const char *const *patches)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GError) error = NULL;
  for (guint i = 0; patches != NULL && patches[i] != NULL; i += 2)
    patch (tree, patches[i], patches[i + 1]);
  patch (tree, "compensation", comp_json);
  m = decode_ok (tree);
  r = gs_compute (m, &error);
  g_assert_no_error (error);
  return gs_comp_resolve (m, r);
}

static inline GsCompModel *
comp_model (const char *comp_json)
{
  return comp_model_patched (comp_json, NULL);
}

/* The edit was applied as one undo step, and undoing it gives back `before`
 * to the byte. */
static inline void
assert_undoes (GsPlan *plan, const char *before)
{
  g_autofree char *now = NULL;
  g_assert_true (gs_plan_can_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  now = gs_plan_to_text (plan);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (gs_plan_can_undo (plan));
}

/* A refused edit left the plan as it was. */
static inline void
assert_unchanged (GsPlan *plan, const char *before)
{
  g_autofree char *now = gs_plan_to_text (plan);
  g_assert_cmpstr (now, ==, before);
}

/* The decode error for a comp section. */
static inline char *
comp_error (const char *comp_json)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) m = NULL;
  patch (tree, "compensation", comp_json);
  m = gs_model_decode (tree, &error);
  g_assert_null (m);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  return g_strdup (error->message);
}

/* Σ counting trace lines must be the payout's total. */
static inline void
assert_trace_adds_up (const GsCompPayout *p)
{
  GsMoney sum = 0;
  for (guint i = 0; i < p->trace->len; i++)
    {
      const GsTraceLine *l = g_ptr_array_index (p->trace, i);
      sum += l->counts ? l->amount : 0;
    }
  g_assert_cmpint (sum, ==, p->total);
  {
    GsMoney months = 0;
    for (guint m = 0; m < GS_COMP_MONTHS; m++)
      months += p->month_paid[m];
    g_assert_cmpint (months, ==, p->total);
  }
}

/* A payout without its trace has every figure of the one with it. */
static inline void
assert_same_figures (const GsCompPayout *a, const GsCompPayout *b)
{
  g_assert_cmpstr (a->person, ==, b->person);
  g_assert_cmpfloat (a->quota_scale, ==, b->quota_scale);
  g_assert_cmpuint (a->n_components, ==, b->n_components);
  for (guint k = 0; k < a->n_components; k++)
    {
      const GsCompComponentPayout *x = &a->components[k], *y = &b->components[k];
      g_assert_true (x->component == y->component);
      g_assert_cmpfloat (x->actual, ==, y->actual);
      g_assert_cmpfloat (x->quota, ==, y->quota);
      g_assert_cmpfloat (x->attainment, ==, y->attainment);
      g_assert_cmpint (x->target_incentive, ==, y->target_incentive);
      g_assert_cmpint (x->earned, ==, y->earned);
      g_assert_cmpmem (x->periods, sizeof x->periods, y->periods, sizeof y->periods);
    }
  g_assert_cmpint (a->components_total, ==, b->components_total);
  g_assert_cmpint (a->gate_cut, ==, b->gate_cut);
  g_assert_cmpint (a->cap_cut, ==, b->cap_cut);
  g_assert_cmpint (a->earned, ==, b->earned);
  g_assert_cmpint (a->clawback, ==, b->clawback);
  g_assert_cmpint (a->spifs, ==, b->spifs);
  g_assert_cmpint (a->draw_topup, ==, b->draw_topup);
  g_assert_cmpint (a->draw_recovered, ==, b->draw_recovered);
  g_assert_cmpint (a->draw_balance, ==, b->draw_balance);
  g_assert_cmpint (a->total, ==, b->total);
  g_assert_cmpmem (a->month_paid, sizeof a->month_paid, b->month_paid, sizeof b->month_paid);
}

/* With its trace (checked to add up), and checked against the same payout
 * without a trace. */
static inline GsCompPayout *
pay_person (const GsCompModel *comp, guint role, guint person, const GsCompInput *in)
{
  g_autoptr (GError) error = NULL;
  GsCompPayout *p = gs_comp_payout (comp, &comp->roles[role], person, in, &error);
  g_autoptr (GsCompPayout) bare = NULL;
  g_assert_no_error (error);
  g_assert_nonnull (p);
  assert_trace_adds_up (p);
  bare = gs_comp_payout_with (comp, &comp->roles[role], person, in, GS_COMP_PAYOUT_FIGURES, &error);
  g_assert_no_error (error);
  g_assert_null (bare->trace);
  assert_same_figures (p, bare);
  return p;
}

static inline GsCompPayout *
pay (const GsCompModel *comp, guint role, const GsCompInput *in)
{
  return pay_person (comp, role, GS_COMP_STANDARD_PERSON, in);
}

/* Total paid with own bookings at `amount` minor units for the year. */
static inline GsMoney
pay_own (const GsCompModel *m, double amount)
{
  GsCompInput in;
  g_autoptr (GsCompPayout) p = NULL;
  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, amount);
  p = pay (m, 0, &in);
  gs_comp_input_clear (&in);
  return p->total;
}

/* TRUE when a line of the trace, in words (C locale), contains text. */
static inline gboolean
trace_has (const GsCompModel *comp, const GsCompPayout *p, const char *text)
{
  for (guint i = 0; i < p->trace->len; i++)
    {
      g_autofree char *line = gs_explain_comp_line (comp, g_ptr_array_index (p->trace, i));
      if (strstr (line, text))
        return TRUE;
    }
  return FALSE;
}
