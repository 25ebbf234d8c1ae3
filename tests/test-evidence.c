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

#include <math.h>

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

static GsEvidence *
evidence_of (guint n, guint m, guint w, const GsSimSettings *s)
{
  g_autofree char *actuals = leads_actuals (n, m, w);
  g_autoptr (GsModel) model = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (actuals, &model, &r, 2027, 1, 31);
  g_autoptr (GError) error = NULL;
  GsEvidence *e = gs_evidence_compute (model, t, s, &error);
  g_assert_no_error (error);
  return e;
}

static double
spread (const GsSimResult *sim)
{
  return sim->cum_p90[sim->horizon - 1] - sim->cum_p10[sim->horizon - 1];
}

/* The posterior drives the draws: at the plan's own rates (50 %, then 20 %),
 * 100 times the records leave the mean where it was and narrow the spread of
 * the year's bookings (Beta(25 + 1,000, 25 + 1,000) instead of Beta(25 + 10,
 * 25 + 10)); a worse MQL → Won rate (10 % of 500) lowers the chance. */
static void
test_spread (void)
{
  GsSimSettings s;
  g_autoptr (GsEvidence) few = NULL, many = NULL, worse = NULL, again = NULL;
  g_autoptr (GsSimResult) plan = NULL;
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) plan_model = decode_ok (tree);
  settings_small (&s);
  s.deal_size_sigma = 0; /* the rates' spread alone */
  s.capacity_sigma = 0;
  few = evidence_of (20, 10, 2, &s);
  many = evidence_of (2000, 1000, 200, &s);
  worse = evidence_of (2000, 500, 50, &s);
  plan = gs_montecarlo_run (plan_model, &s, NULL, NULL, NULL, NULL);

  g_assert_cmpfloat (few->rates[0].alpha + few->rates[0].beta, ==, 70);     /* κ 50 + 20 */
  g_assert_cmpfloat (many->rates[0].alpha + many->rates[0].beta, ==, 2050); /* κ 50 + 2,000 */
  g_assert_cmpfloat (spread (many->sim), <, spread (few->sim));
  g_assert_cmpfloat (spread (many->sim), <, spread (plan));
  g_assert_cmpfloat (spread (many->sim), <, 0.7 * spread (plan));
  /* The same rates, so about the same middle. */
  g_assert_cmpfloat (fabs (many->sim->cum_p50[11] - plan->cum_p50[11]), <,
                     0.05 * plan->cum_p50[11]);

  g_assert_cmpfloat (worse->rates[1].posterior_rate, <, 0.11); /* (10 + 50) ÷ (50 + 500) */
  g_assert_cmpfloat (worse->p_hit, <, many->p_hit);
  g_assert_cmpfloat (worse->p_hit, <, worse->p_hit_plan);
  g_assert_cmpint (worse->moved_most, ==, 1); /* MQL → Won */
  g_assert_cmpfloat (worse->moved_by, <, 0);

  /* Seeded: the same evidence gives the same figures. */
  again = evidence_of (2000, 500, 50, &s);
  g_assert_cmpfloat (again->p_hit, ==, worse->p_hit);
  g_assert_cmpfloat (spread (again->sim), ==, spread (worse->sim));
}

/* With deals, the months begun are what was booked: to 14 February, January
 * booked nothing (D1 was won on 1 February), February 12,000.00 so far, and
 * half of February is still drawn.  Each rate's concentration is κ + n:
 * 50 + 3 for both steps (test_model's counts). */
static void
test_booked (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  g_autoptr (GsSimEvidence) ev = gs_sim_evidence_new (m, r, t, 50, -1);
  g_autoptr (GsSimEvidence) one = gs_sim_evidence_new (m, r, t, 50, 1);
  g_autoptr (GsModel) all = gs_evidence_model (m, t, 50, -1);
  g_autoptr (GsSimResult) sim = NULL;
  g_autoptr (GError) error = NULL;
  GsSimSettings s;

  g_assert_cmpuint (ev->n_known, ==, 2);
  g_assert_cmpint (ev->booked[0], ==, 0);
  g_assert_cmpint (ev->booked[1], ==, 1200000);
  g_assert_cmpfloat (ev->last_part, ==, 0.5);
  g_assert_cmpfloat (ev->kappa[0], ==, 53);
  g_assert_cmpfloat (ev->kappa[1], ==, 53);
  g_assert_cmpfloat (one->kappa[0], ==, 0); /* another step's: the settings' κ */
  g_assert_cmpfloat (one->kappa[1], ==, 53);

  settings_small (&s);
  s.evidence = ev;
  sim = gs_montecarlo_run (all, &s, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* January is known in every trial: what was booked (nothing), plus the
   * plan's existing-customer bookings, exactly (the mean is an exact sum;
   * percentiles come from histogram bins); February at least what was booked. */
  g_assert_cmpfloat (sim->mean[0], ==, (double) r->existing_month[0]);
  g_assert_cmpfloat (sim->mean[1], >=, 1200000 + (double) r->existing_month[1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/update", test_update);
  g_test_add_func ("/evidence/model", test_model);
  g_test_add_func ("/evidence/p-hit", test_p_hit);
  g_test_add_func ("/evidence/spread", test_spread);
  g_test_add_func ("/evidence/booked", test_booked);
  return g_test_run ();
}
