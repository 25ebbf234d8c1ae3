/* test-evidence.c — P(hit) from the evidence: the beta-binomial update by
 * hand, and the simulations on it.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actuals are test-tracking.c's (test-actuals-util.h) on the tiny plan.
 */
#include "gs-evidence.h"
#include "test-actuals-util.h"

static GsTracking *
track (GsModel **model, GsResult **result, guint y, guint m, guint d)
{
  return tiny_tracking (tiny_actuals, model, result, y, m, d);
}

static void
test_update (void)
{
  /* Prior rate 25 %, κ = 20: Beta(5, 15).  3 conversions of 20:
   * Beta(5 + 3, 15 + 17) = Beta(8, 32), mean 8 ÷ 40 = 20 %. */
  GsPosterior p = gs_posterior_update (0.25, 20, 20, 3);
  g_assert_cmpfloat (p.alpha, ==, 8);
  g_assert_cmpfloat (p.beta, ==, 32);
  g_assert_cmpfloat (p.posterior_rate, ==, 0.2);
  /* 20 % with κ = 50 is Beta(10, 40); 40 of 100 make it Beta(50, 100): 1/3.
   * The more evidence, the nearer the observed 40 %. */
  p = gs_posterior_update (0.2, 50, 100, 40);
  g_assert_cmpfloat (p.alpha, ==, 50);
  g_assert_cmpfloat (p.beta, ==, 100);
  g_assert_cmpfloat_with_epsilon (p.posterior_rate, 1.0 / 3.0, 1e-15);
  p = gs_posterior_update (0.2, 50, 10000, 4000);
  g_assert_cmpfloat_with_epsilon (p.posterior_rate, 4010.0 / 10050.0, 1e-15);
  /* No evidence: the plan's rate. */
  p = gs_posterior_update (0.3, 50, 0, 0);
  g_assert_cmpfloat_with_epsilon (p.posterior_rate, 0.3, 1e-15);
}

static void
test_model (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  g_autoptr (GsModel) all = gs_evidence_model (m, t, 50, -1);
  g_autoptr (GsModel) one = gs_evidence_model (m, t, 50, 1);

  /* Lead → MQL: 1 of 3 (L1; L3's MQL is after the day): Beta(25 + 1, 25 + 2),
   * 26 ÷ 53.  MQL → Won: 1 of 3 deals (D1): Beta(10 + 1, 40 + 2), 11 ÷ 53. */
  g_assert_cmpfloat_with_epsilon (all->sources[0].rates[0], 26.0 / 53.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (all->sources[0].rates[1], 11.0 / 53.0, 1e-15);
  g_assert_true (all->sources[0].rate_is_own[0]);
  /* One step's evidence alone leaves the others as planned. */
  g_assert_cmpfloat (one->sources[0].rates[0], ==, 0.5);
  g_assert_cmpfloat_with_epsilon (one->sources[0].rates[1], 11.0 / 53.0, 1e-15);
  /* The model itself is untouched. */
  g_assert_cmpfloat (m->sources[0].rates[0], ==, 0.5);
}

static void
settings_small (GsSimSettings *s)
{
  gs_sim_settings_init (s);
  s->trials = 4000;
  s->threads = 1;
}

static void
test_p_hit (void)
{
  g_autoptr (GsModel) m = NULL, m2 = NULL;
  g_autoptr (GsResult) r = NULL, r2 = NULL;
  g_autoptr (GsTracking) none = track (&m, &r, 2026, 12, 1); /* before any record */
  g_autoptr (GsTracking) some = track (&m2, &r2, 2027, 2, 14);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsEvidence) e0 = NULL, e1 = NULL;
  g_autoptr (GsSimResult) direct = NULL;
  GsSimSettings s;

  settings_small (&s);
  e0 = gs_evidence_compute (m, none, &s, &error);
  g_assert_no_error (error);
  /* No evidence: the same chance as the plan's own simulation, nothing moved it. */
  direct = gs_montecarlo_run (m, &s, NULL, NULL, NULL, &error);
  g_assert_cmpfloat (e0->p_hit_plan, ==, direct->p_hit);
  g_assert_cmpfloat (e0->p_hit, ==, e0->p_hit_plan);
  g_assert_cmpint (e0->moved_most, ==, -1);
  e1 = gs_evidence_compute (m2, some, &s, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (e1->p_hit_plan, ==, e0->p_hit_plan);
  g_assert_cmpfloat (e1->p_hit, >=, 0);
  g_assert_cmpfloat (e1->p_hit, <=, 1);
  g_assert_cmpuint (e1->rates[1].n, ==, 3);
  g_assert_cmpuint (e1->rates[1].k, ==, 1);
  /* Some step moved it, by the difference its evidence alone makes. */
  if (e1->moved_most >= 0)
    g_assert_cmpfloat (e1->moved_by, !=, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/update", test_update);
  g_test_add_func ("/evidence/model", test_model);
  g_test_add_func ("/evidence/p-hit", test_p_hit);
  return g_test_run ();
}
