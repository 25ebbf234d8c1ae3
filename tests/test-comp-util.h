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

static inline GsCompPayout *
pay (const GsCompModel *comp, guint role, const GsCompInput *in)
{
  g_autoptr (GError) error = NULL;
  GsCompPayout *p = gs_comp_payout (comp, &comp->roles[role], GS_COMP_STANDARD_PERSON, in, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  assert_trace_adds_up (p);
  return p;
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
