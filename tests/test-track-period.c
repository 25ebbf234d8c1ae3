/* test-track-period.c — plan versus actual over months and quarters, worked
 * by hand on the tiny plan tracked to 14 February 2027 (test-tracking.c has
 * the monthly figures: 100 leads, 50 MQLs and 10 wins of 10,000.00 a month,
 * the deal stage is the MQL; 14 of February's 28 days have passed).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-track-period.h"
#include "test-actuals-util.h"

static GsTracking *
track (GsModel **model, GsResult **result)
{
  return tiny_tracking (tiny_actuals, model, result, 2027, 2, 14);
}

static void
test_quarter (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r);
  GsTrackPeriod p;

  g_assert_cmpfloat (gs_tracking_month_part (t, 0), ==, 1);
  g_assert_cmpfloat (gs_tracking_month_part (t, 1), ==, 0.5);
  g_assert_cmpfloat (gs_tracking_month_part (t, 2), ==, 0);

  /* Q1's leads: 3 × 100 planned, 100 + 50 to date; L1, L2, L3 came. */
  gs_track_period (t, 0, 0, 0, 2, &p);
  g_assert_cmpfloat (p.planned, ==, 300);
  g_assert_cmpfloat (p.planned_to_date, ==, 150);
  g_assert_cmpint (p.actual, ==, 3);
  g_assert_cmpfloat (p.variance, ==, -147);
  g_assert_cmpfloat (p.share, ==, 0.02); /* 3 ÷ 150 */
  g_assert_cmpint (p.planned_amount, ==, 0);

  /* The deal stage: 75 MQLs to date × 10,000.00; deals D1, D2, D3 worth
   * 12,000 + 8,000 + 10,000 = 30,000.00: 4 % of 750,000.00. */
  gs_track_period (t, 0, 1, 0, 2, &p);
  g_assert_cmpfloat (p.planned_to_date, ==, 75);
  g_assert_cmpint (p.actual, ==, 3);
  g_assert_cmpint (p.planned_amount, ==, 150000000);
  g_assert_cmpint (p.planned_amount_to_date, ==, 75000000);
  g_assert_cmpint (p.actual_amount, ==, 3000000);
  g_assert_cmpint (p.amount_variance, ==, -72000000);
  g_assert_cmpfloat (p.amount_share, ==, 0.04);

  /* Wins: 100,000.00 + 50,000.00 to date; D1 (12,000.00) won by the day,
   * D4 on 25 February is after it. */
  gs_track_period (t, 0, 2, 0, 2, &p);
  g_assert_cmpint (p.planned_amount_to_date, ==, 15000000);
  g_assert_cmpint (p.actual, ==, 1);
  g_assert_cmpint (p.actual_amount, ==, 1200000);
  g_assert_cmpfloat (p.amount_share, ==, 0.08);

  /* February alone: 100 leads planned, 50 to date, L3 came. */
  gs_track_period (t, 0, 0, 1, 1, &p);
  g_assert_cmpfloat (p.planned, ==, 100);
  g_assert_cmpfloat (p.planned_to_date, ==, 50);
  g_assert_cmpint (p.actual, ==, 1);
  g_assert_cmpfloat (p.variance, ==, -49);

  /* March has not begun: planned, nothing to date, no share. */
  gs_track_period (t, 0, 0, 2, 2, &p);
  g_assert_cmpfloat (p.planned, ==, 100);
  g_assert_cmpfloat (p.planned_to_date, ==, 0);
  g_assert_cmpfloat (p.share, ==, 0);
}

/* The whole horizon is the to-date figure, row by row and for every row. */
static void
test_invariants (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r);
  GsTrackPeriod p, q1, rest;

  for (guint k = 0; k < t->n_stages; k++)
    {
      for (guint row = 0; row < t->n_rows; row++)
        {
          const GsTrackCell *c = gs_tracking_to_date (t, row, k);
          gs_track_period (t, row, k, 0, t->horizon - 1, &p);
          g_assert_cmpfloat_with_epsilon (p.planned_to_date, c->planned, 1e-9);
          g_assert_cmpint (p.actual, ==, c->actual);
          g_assert_cmpint (p.planned_amount_to_date, ==, c->planned_amount);
          g_assert_cmpint (p.actual_amount, ==, c->actual_amount);
        }
      gs_track_period (t, t->n_rows, k, 0, t->horizon - 1, &p);
      g_assert_cmpint (p.actual, ==, t->total_to_date[k].actual);
      g_assert_cmpint (p.actual_amount, ==, t->total_to_date[k].actual_amount);
      g_assert_cmpint (p.planned_amount_to_date, ==, t->total_to_date[k].planned_amount);
      /* A quarter and the months after it make the year. */
      gs_track_period (t, t->n_rows, k, 0, 2, &q1);
      gs_track_period (t, t->n_rows, k, 3, t->horizon - 1, &rest);
      g_assert_cmpfloat_with_epsilon (q1.planned + rest.planned, p.planned, 1e-9);
      g_assert_cmpint (q1.actual + rest.actual, ==, p.actual);
      g_assert_cmpfloat (rest.planned_to_date, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/track-period/quarter", test_quarter);
  g_test_add_func ("/track-period/invariants", test_invariants);
  return g_test_run ();
}
