/* test-pace.c — red, amber and green against the plan to date, by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule (gs-pace.h): green at or above the plan to date, amber from 90 %
 * of it, red below; nothing planned is green.
 */
#include "gs-pace.h"
#include "gs-tracking-day.h"
#include "test-actuals-util.h"

static void
test_rule (void)
{
  g_assert_cmpint (gs_pace_of (0, 0), ==, GS_PACE_ON); /* nothing was due */
  g_assert_cmpint (gs_pace_of (0, 5), ==, GS_PACE_ON);
  g_assert_cmpint (gs_pace_of (100, 100), ==, GS_PACE_ON);
  g_assert_cmpint (gs_pace_of (100, 130), ==, GS_PACE_ON);
  g_assert_cmpint (gs_pace_of (100, 99), ==, GS_PACE_NEAR);
  g_assert_cmpint (gs_pace_of (100, 90), ==, GS_PACE_NEAR); /* 90 % exactly is amber */
  g_assert_cmpint (gs_pace_of (100, 89), ==, GS_PACE_BEHIND);
  /* A fractional plan to date: 75.5 × 0.9 = 67.95, so 68 is amber, 67 red. */
  g_assert_cmpint (gs_pace_of (75.5, 68), ==, GS_PACE_NEAR);
  g_assert_cmpint (gs_pace_of (75.5, 67), ==, GS_PACE_BEHIND);
  g_assert_cmpfloat (gs_pace_share (0, 3), ==, 1);
  g_assert_cmpfloat (gs_pace_share (150, 3), ==, 0.02);
}

/* The leak is the first stage below its plan, so it is never green, and
 * every stage above it on the source's row is. */
static void
test_leak_never_green (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (tiny_actuals, &m, &r, 2027, 2, 14);

  for (guint s = 0; s < m->n_sources; s++)
    {
      const GsLeak *l = &t->leaks[s];
      if (l->stage == G_MAXUINT)
        continue;
      g_assert_cmpint (gs_pace_of (l->planned, (double) l->actual), !=, GS_PACE_ON);
      for (guint k = m->sources[s].entry_stage; k < l->stage; k++)
        {
          const GsTrackCell *c = gs_tracking_to_date (t, s, k);
          g_assert_cmpint (gs_pace_of (c->planned, (double) c->actual), ==, GS_PACE_ON);
        }
    }
  /* The tiny plan's inbound leaks at its leads: 3 against 150, red. */
  g_assert_cmpint (gs_pace_of (t->leaks[0].planned, (double) t->leaks[0].actual), ==,
                   GS_PACE_BEHIND);
}

/* The default day: the tiny actuals' latest event is D4's win on 25 Feb
 * 2027, whatever today is; an open deal's expected close date does not
 * count (D2 given one in 2028 changes nothing). */
static void
test_default_day (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (tiny_actuals, &m, &r, 2027, 2, 14);
  GDate today, day;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, 12, 2026);
  gs_tracking_default_day (m->actuals, &today, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 25);
  g_assert_cmpuint (g_date_get_month (&day), ==, 2);
  g_assert_cmpuint (g_date_get_year (&day), ==, 2027);
  g_assert_cmpint (m->actuals->deals[1].status, ==, GS_DEAL_OPEN);
  g_date_set_dmy (&m->actuals->deals[1].closed, 1, 6, 2028);
  gs_tracking_default_day (m->actuals, &today, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 25);
  /* A win dated more than a week after every record created or stage
   * reached (the last: D4 and L3 on 20 Feb) is a date entered ahead: D1 won
   * on 28 February (8 days later) is not the day of the export, on 27
   * February (7 days) it is. */
  g_date_set_dmy (&m->actuals->deals[0].closed, 28, 2, 2027);
  g_date_set_dmy (&m->actuals->deals[3].closed, 21, 2, 2027);
  gs_tracking_default_day (m->actuals, &today, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 21);
  g_assert_cmpuint (g_date_get_month (&day), ==, 2);
  g_date_set_dmy (&m->actuals->deals[0].closed, 27, 2, 2027);
  gs_tracking_default_day (m->actuals, &today, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 27);
  g_assert_cmpuint (g_date_get_month (&day), ==, 2);
  /* Nothing happened yet: today. */
  gs_tracking_default_day (NULL, &today, &day);
  g_assert_cmpint (g_date_compare (&day, &today), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pace/rule", test_rule);
  g_test_add_func ("/pace/leak-never-green", test_leak_never_green);
  g_test_add_func ("/pace/default-day", test_default_day);
  return g_test_run ();
}
