/* test-refan.c — the re-forecast fan's series: the bookings to date by hand,
 * and the bands' invariants.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actuals are test-tracking.c's (test-actuals-util.h) on the tiny plan
 * (plan months from January 2027): of the deals, D1 (12,000.00) was won on
 * 1 February and D4 (5,000.00) on 25 February; D2 is open, D3 lost.
 */
#include "gs-refan.h"
#include "test-actuals-util.h"

static void
settings_small (GsSimSettings *s)
{
  gs_sim_settings_init (s);
  s->trials = 4000;
  s->threads = 1;
}

static GsRefan *
refan_of (const char *actuals, guint y, guint m, guint d, const GsSimSettings *s)
{
  g_autoptr (GsModel) model = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (actuals, &model, &r, y, m, d);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsEvidence) e = gs_evidence_compute (model, t, s, &error);
  g_assert_no_error (error);
  return gs_refan_new (model, r, t, e);
}

/* The bands never go down, P10 ≤ P50 ≤ P90, and from the as-of month on
 * none lies below the actual to date. */
static void
assert_bands (const GsRefan *f)
{
  for (guint mo = 0; mo < f->horizon; mo++)
    {
      g_assert_cmpfloat (f->p10[mo], <=, f->p50[mo]);
      g_assert_cmpfloat (f->p50[mo], <=, f->p90[mo]);
      g_assert_cmpfloat (f->target_cum[mo], >, 0);
      if (mo > 0)
        {
          g_assert_cmpfloat (f->p10[mo], >=, f->p10[mo - 1]);
          g_assert_cmpfloat (f->p50[mo], >=, f->p50[mo - 1]);
          g_assert_cmpfloat (f->p90[mo], >=, f->p90[mo - 1]);
          g_assert_cmpfloat (f->target_cum[mo], >=, f->target_cum[mo - 1]);
          g_assert_cmpfloat (f->plan_cum[mo], >=, f->plan_cum[mo - 1]);
        }
      if (mo >= f->first_band)
        g_assert_cmpfloat (f->p10[mo], >=, (double) f->actual_to_date);
    }
}

/* To 10 March: January won nothing (0), February D1 + D4 = 12,000.00 +
 * 5,000.00 = 17,000.00 (1,700,000 minor units), March nothing by the 10th,
 * so the line is 0, 1,700,000, 1,700,000.  January and February are wholly
 * passed: the bands there are the actual itself; March is drawn from the
 * day on (2 + 10 ÷ 31 months from the start), and starts at 1,700,000. */
static void
test_to_date (void)
{
  GsSimSettings s;
  g_autoptr (GsRefan) f = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (tiny_actuals, &m, &r, 2027, 3, 10);
  g_autoptr (GsEvidence) e = NULL;
  double target = 0;

  settings_small (&s);
  e = gs_evidence_compute (m, t, &s, NULL);
  f = gs_refan_new (m, r, t, e);
  g_assert_true (f->booked);
  g_assert_cmpuint (f->horizon, ==, 12);
  g_assert_cmpuint (f->n_actual, ==, 3);
  g_assert_cmpint (f->actual_cum[0], ==, 0);
  g_assert_cmpint (f->actual_cum[1], ==, 1700000);
  g_assert_cmpint (f->actual_cum[2], ==, 1700000);
  g_assert_cmpint (f->actual_to_date, ==, 1700000);
  g_assert_cmpfloat_with_epsilon (f->as_of_position, 2 + 10.0 / 31.0, 1e-12);
  g_assert_cmpuint (f->first_band, ==, 2);
  g_assert_cmpfloat (f->p10[0], ==, 0);
  g_assert_cmpfloat (f->p90[0], ==, 0);
  g_assert_cmpfloat (f->p10[1], ==, 1700000);
  g_assert_cmpfloat (f->p90[1], ==, 1700000);
  g_assert_cmpfloat (f->p10[2], >=, 1700000);
  /* The rest of the year is drawn: the band opens. */
  g_assert_cmpfloat (f->p90[11], >, f->p10[11]);
  assert_bands (f);
  /* The target is the new-business target, month by month. */
  for (guint mo = 0; mo < 12; mo++)
    target += (double) r->new_business_month[mo];
  g_assert_cmpfloat (f->target_cum[11], ==, target);
  g_assert_cmpint (f->target_total, ==, r->target_new_business);
  /* P(hit) is the evidence's. */
  g_assert_cmpfloat (f->p_hit, ==, e->p_hit);
  g_assert_cmpfloat (f->p_hit_plan, ==, e->p_hit_plan);
  g_assert_cmpuint (f->trials, ==, 4000);
}

/* On the last day of February both months are wholly known: the bands
 * start in March.  Before the plan nothing is known: bands from January,
 * the line at nothing. */
static void
test_month_end (void)
{
  GsSimSettings s;
  g_autoptr (GsRefan) end = NULL, before = NULL;
  settings_small (&s);
  end = refan_of (tiny_actuals, 2027, 2, 28, &s);
  g_assert_cmpuint (end->n_actual, ==, 2);
  g_assert_cmpuint (end->first_band, ==, 2);
  g_assert_cmpfloat (end->as_of_position, ==, 2);
  g_assert_cmpfloat (end->p10[1], ==, 1700000);
  assert_bands (end);

  before = refan_of (tiny_actuals, 2026, 12, 1, &s);
  g_assert_cmpuint (before->n_actual, ==, 0);
  g_assert_cmpuint (before->first_band, ==, 0);
  g_assert_cmpfloat (before->as_of_position, ==, 0);
  g_assert_cmpint (before->actual_to_date, ==, 0);
  assert_bands (before);
}

/* At the plan's own rates (50 %, then 20 %), 100 times the records narrow
 * the year's spread: Beta(25 + 1,000, 25 + 1,000) against Beta(25 + 10,
 * 25 + 10).  Leads only: no line, the bands from the plan's start. */
static void
test_narrows (void)
{
  GsSimSettings s;
  g_autofree char *few_a = leads_actuals (20, 10, 2), *many_a = leads_actuals (2000, 1000, 200);
  g_autoptr (GsRefan) few = NULL, many = NULL;
  settings_small (&s);
  s.deal_size_sigma = 0;
  s.capacity_sigma = 0;
  few = refan_of (few_a, 2027, 1, 31, &s);
  many = refan_of (many_a, 2027, 1, 31, &s);
  g_assert_false (few->booked);
  g_assert_cmpuint (few->n_actual, ==, 0);
  g_assert_cmpuint (few->first_band, ==, 0);
  assert_bands (few);
  assert_bands (many);
  g_assert_cmpfloat (many->p90[11] - many->p10[11], <, few->p90[11] - few->p10[11]);
}

/* Seeded: the same evidence and seed give the same series; another seed
 * another draw. */
static void
test_seeded (void)
{
  GsSimSettings s;
  g_autoptr (GsRefan) a = NULL, b = NULL, c = NULL;
  settings_small (&s);
  a = refan_of (tiny_actuals, 2027, 3, 10, &s);
  b = refan_of (tiny_actuals, 2027, 3, 10, &s);
  for (guint mo = 0; mo < a->horizon; mo++)
    {
      g_assert_cmpfloat (a->p10[mo], ==, b->p10[mo]);
      g_assert_cmpfloat (a->p50[mo], ==, b->p50[mo]);
      g_assert_cmpfloat (a->p90[mo], ==, b->p90[mo]);
    }
  g_assert_cmpfloat (a->p_hit, ==, b->p_hit);
  s.seed = 99;
  c = refan_of (tiny_actuals, 2027, 3, 10, &s);
  g_assert_cmpfloat (c->p50[11], !=, a->p50[11]);
}

/* The whole thing from the model: no actuals, a clear error. */
static void
test_compute (void)
{
  GsSimSettings s;
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) plain = decode_ok (tree);
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (tiny_actuals, &m, &r, 2027, 3, 10);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsRefan) f = NULL, none = NULL;
  GDate day;
  settings_small (&s);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 3, 2027);
  f = gs_refan_compute (m, &day, &s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->actual_to_date, ==, 1700000);
  none = gs_refan_compute (plain, &day, &s, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/refan/to-date", test_to_date);
  g_test_add_func ("/refan/month-end", test_month_end);
  g_test_add_func ("/refan/narrows", test_narrows);
  g_test_add_func ("/refan/seeded", test_seeded);
  g_test_add_func ("/refan/compute", test_compute);
  return g_test_run ();
}
