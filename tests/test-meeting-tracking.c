/* test-meeting-tracking.c — meeting mode on the Actuals page: the agreed
 * baseline tracked to the same day, and the deltas in words with the
 * engine's verdict (gs-meeting-tracking.h, docs/meeting.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h: stages lead, mql, won) with one HubSpot deal
 * won by Ann Lee (100.00 on 20 January 2027) is agreed as the baseline; a
 * second import in the meeting adds Bob Ray's 250.00 won on 10 February and
 * a third, open, deal.  Tracked to 28 February 2027.
 */
#include "gs-actuals-edits.h"
#include "gs-crm-import.h"
#include "gs-meeting-tracking.h"
#include "gs-meeting.h"
#include "test-util.h"

#define FIRST                                                                                      \
  "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"                      \
  "1,Good,Ann Lee,100,Closed Won,2027-01-05,2027-01-20\n"
#define LATER                                                                                      \
  "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"                      \
  "2,Better,Bob Ray,250,Closed Won,2027-01-07,2027-02-10\n"                                        \
  "3,Open,Ann Lee,400,MQL,2027-02-11,\n"

static void
import (GsPlan *plan, const char *csv)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (GsActualsData) data
      = m->actuals ? gs_actuals_data_copy (m->actuals) : gs_actuals_data_new (m->n_stages);
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_crm_import (data, m, GS_CRM_DEALS, csv, strlen (csv), report, &error));
  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_no_error (error);
}

static GsPlan *
tiny (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static GDate
feb_28 (void)
{
  GDate day;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 28, G_DATE_FEBRUARY, 2027);
  return day;
}

/* The baseline keeps what was imported before the meeting; an import in
 * the meeting moves the plan's figures, not the baseline's. */
static void
test_baseline_tracked (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsMeetingTracking) before = NULL;
  g_autoptr (GsTracking) now = NULL;
  GDate day = feb_28 ();
  const GsModel *m;
  guint won;

  /* No baseline: refused in words. */
  g_assert_null (gs_meeting_tracking_new (plan, &day, &error));
  g_assert_cmpstr (error->message, ==, "meeting.baseline: no agreed baseline is set");
  g_clear_error (&error);

  import (plan, FIRST);
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  import (plan, LATER);
  m = gs_plan_get_model (plan);
  won = m->n_stages - 1;
  now = gs_tracking_compute (m, gs_plan_get_result (plan, NULL), &day, &error);
  before = gs_meeting_tracking_new (plan, &day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);
  /* Wins to date: 1 agreed (Ann's 100.00), 2 now (+ Bob's 250.00). */
  g_assert_cmpint (before->tracking->total_to_date[won].actual, ==, 1);
  g_assert_cmpint (now->total_to_date[won].actual, ==, 2);
  g_assert_cmpint (before->tracking->total_to_date[won].actual_amount, ==, 10000);
  g_assert_cmpint (now->total_to_date[won].actual_amount, ==, 35000);
  /* Bob joined in the meeting: the baseline has no track of him. */
  g_assert_nonnull (gs_meeting_tracking_person (before, "ann_lee"));
  g_assert_cmpint (gs_meeting_tracking_person (before, "ann_lee")->bookings, ==, 10000);
  g_assert_null (gs_meeting_tracking_person (before, "bob_ray"));
  /* The same day on both sides. */
  g_assert_cmpint (g_date_compare (&before->tracking->as_of, &now->as_of), ==, 0);
}

/* A baseline agreed before anything was imported tracks as nothing yet. */
static void
test_baseline_without_actuals (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsMeetingTracking) before = NULL;
  GDate day = feb_28 ();

  g_assert_true (gs_meeting_set_baseline (plan, &error));
  import (plan, FIRST);
  before = gs_meeting_tracking_new (plan, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->model->actuals->n_deals, ==, 0);
  g_assert_cmpint (before->tracking->total_to_date[before->model->n_stages - 1].actual, ==, 0);
  g_assert_cmpint (before->tracking->forecast.won, ==, 0);
}

static void
assert_delta (GsTrackUnit unit, GsDirection direction, double now, double before, const char *text,
              GsVerdict verdict)
{
  GsVerdict got = 99;
  g_autoptr (GsPlan) plan = tiny ();
  g_autofree char *delta
      = gs_meeting_track_delta (gs_plan_get_model (plan), unit, direction, now, before, &got);
  g_assert_cmpstr (delta, ==, text);
  g_assert_cmpint (got, ==, verdict);
}

/* The words and the verdict, worked by hand. */
static void
test_delta_words (void)
{
  /* Counts in whole records: 2 − 1 = ↑ 1, more is good. */
  assert_delta (GS_TRACK_UNIT_COUNT, GS_DIRECTION_UP_GOOD, 2, 1, "↑ 1", GS_VERDICT_GOOD);
  assert_delta (GS_TRACK_UNIT_COUNT, GS_DIRECTION_UP_GOOD, 1200, 1212, "↓ 12", GS_VERDICT_BAD);
  /* 12.4 and 11.6 both show as 12: no change. */
  assert_delta (GS_TRACK_UNIT_COUNT, GS_DIRECTION_UP_GOOD, 12.4, 11.6, NULL, GS_VERDICT_SAME);
  /* Money against the agreed: 35,000 − 10,000 = 25,000 = 250 % of it. */
  assert_delta (GS_TRACK_UNIT_MONEY, GS_DIRECTION_UP_GOOD, 35000, 10000, "↑ 250 %",
                GS_VERDICT_GOOD);
  /* 9,000 from 10,000: ↓ 10 %. */
  assert_delta (GS_TRACK_UNIT_MONEY, GS_DIRECTION_UP_GOOD, 900000, 1000000, "↓ 10 %",
                GS_VERDICT_BAD);
  /* From nothing, the amount itself (compact, in major units: 25,000.00). */
  assert_delta (GS_TRACK_UNIT_MONEY, GS_DIRECTION_UP_GOOD, 2500000, 0, "↑ $25K", GS_VERDICT_GOOD);
  /* Shares in points: 31 % against 42 % is 11.0 points down. */
  assert_delta (GS_TRACK_UNIT_SHARE, GS_DIRECTION_UP_GOOD, 0.31, 0.42, "↓ 11.0 pts",
                GS_VERDICT_BAD);
  /* Under 0.05 points is no change. */
  assert_delta (GS_TRACK_UNIT_SHARE, GS_DIRECTION_UP_GOOD, 0.4204, 0.42, NULL, GS_VERDICT_SAME);
  /* Coverage: 1.8× from 1.4×. */
  assert_delta (GS_TRACK_UNIT_MULTIPLE, GS_DIRECTION_UP_GOOD, 1.8, 1.4, "↑ 0.4×", GS_VERDICT_GOOD);
  /* What the plan asks for moves without being good or bad. */
  assert_delta (GS_TRACK_UNIT_COUNT, GS_DIRECTION_NEUTRAL, 90, 80, "↑ 10", GS_VERDICT_NEUTRAL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meeting-tracking/baseline-tracked", test_baseline_tracked);
  g_test_add_func ("/meeting-tracking/baseline-without-actuals", test_baseline_without_actuals);
  g_test_add_func ("/meeting-tracking/delta-words", test_delta_words);
  return g_test_run ();
}
