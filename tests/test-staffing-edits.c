/* test-staffing-edits.c — hire batches of AEs and SDRs and the AE ramp,
 * edited as the window edits them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-staffing-edits.h"
#include "gs-meeting.h"
#include "gs-scenario.h"

/* seed-saas starts in 2027-02 with 6 AEs and batches 2027-04 × 1, 2027-07 × 1.
 * Two more in plan month 5 are 2027-07 × 2; removing the first batch moves
 * the "worst" scenario's hires[1] to hires[0] and drops "hire-may"'s
 * hires[0] override (its hires[1] becomes hires[0]); every scenario still
 * computes.  One undo step each. */
static void
test_ae_batches (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  g_autofree char *original = gs_plan_to_text (plan);
  const GsModel *m;

  g_assert_true (gs_plan_add_hires (plan, GS_STAFF_AE, 5, 2, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->ae.n_hires, ==, 3);
  g_assert_cmpuint (m->ae.hires[2].month, ==, 5);
  g_assert_cmpuint (m->ae.hires[2].count, ==, 2);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "capacity.ae.hires[2].month")), ==,
                   "2027-07");

  g_assert_true (gs_plan_remove_hires (plan, GS_STAFF_AE, 0, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->ae.n_hires, ==, 2);
  g_assert_cmpuint (m->ae.hires[0].month, ==, 5); /* the July batch of one */
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[1].overrides[1].path")),
                   ==, "capacity.ae.hires[0].month");
  g_assert_cmpuint (
      json_array_get_length (json_node_get_array (gs_plan_lookup (plan, "scenarios[2].overrides"))),
      ==, 1);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[2].overrides[0].path")),
                   ==, "capacity.ae.hires[0].month");
  {
    g_autoptr (GsComparison) c = gs_comparison_new (gs_plan_get_root (plan), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (c->n_scenarios, ==, 4);
  }
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *back = gs_plan_to_text (plan);
    g_assert_cmpstr (back, ==, original);
  }

  g_assert_true (refused_saying (gs_plan_add_hires (plan, GS_STAFF_AE, 12, 1, &error), &error,
                                 "AE hires in plan month 13 fall outside the plan, which has 12 "
                                 "months"));
  g_assert_true (refused_saying (gs_plan_add_hires (plan, GS_STAFF_AE, 3, 0, &error), &error,
                                 "A batch of AE hires needs 1 to 100,000 people, not 0"));
  g_assert_true (refused_saying (gs_plan_remove_hires (plan, GS_STAFF_AE, 2, &error), &error,
                                 "The plan has no AE hire batch 3"));
}

/* SDRs: 2 at start, one hire in 2027-05 (ramp 1 month), 12 meetings each a
 * month.  A second batch of 3 in plan month 0 (2027-02) is productive from
 * month 1; in a meeting the baseline keeps the old capacity, so the strip's
 * delta has something to show. */
static void
test_sdr_batches (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  const GsModel *m;

  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_true (gs_plan_add_hires (plan, GS_STAFF_SDR, 0, 3, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->sdr.n_hires, ==, 2);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "capacity.sdr.hires[1].month")), ==,
                   "2027-02");
  {
    g_autoptr (GsResult) before = gs_meeting_baseline_result (plan, &error);
    const GsResult *r = gs_plan_get_result (plan, NULL);
    g_assert_no_error (error);
    /* Month 1 (March): 3 more SDRs past their 1-month ramp, 3 × 12 = 36 meetings more. */
    g_assert_cmpint (month_amount (r, line_ok (r, "sales.sdr_capacity"), 1)
                         - month_amount (before, line_ok (before, "sales.sdr_capacity"), 1),
                     ==, 36);
  }
  g_assert_true (gs_plan_remove_hires (plan, GS_STAFF_SDR, 0, &error));
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->sdr.n_hires, ==, 1);
  g_assert_cmpuint (m->sdr.hires[0].count, ==, 3);
}

/* The ramp 0, 25, 50, 75 % made 5 months long adds 75 + (100 − 75) ÷ 2 =
 * 87.5 %; 6 months long from there adds 87.5 + 12.5 ÷ 2 = 93.75 %; two
 * months keeps 0, 25 %; 25 months is refused. */
static void
test_ramp (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  const GsAeCapacity *ae;

  g_assert_true (gs_plan_set_ramp_months (plan, 5, &error));
  g_assert_no_error (error);
  ae = &gs_plan_get_model (plan)->ae;
  g_assert_cmpuint (ae->n_ramp, ==, 5);
  g_assert_cmpfloat (ae->ramp[3], ==, 0.75);
  g_assert_cmpfloat (ae->ramp[4], ==, 0.875);
  g_assert_true (gs_plan_set_ramp_months (plan, 6, &error));
  g_assert_cmpfloat (gs_plan_get_model (plan)->ae.ramp[5], ==, 0.9375);
  g_assert_true (gs_plan_set_ramp_months (plan, 2, &error));
  ae = &gs_plan_get_model (plan)->ae;
  g_assert_cmpuint (ae->n_ramp, ==, 2);
  g_assert_cmpfloat (ae->ramp[1], ==, 0.25);
  g_assert_true (refused_saying (gs_plan_set_ramp_months (plan, 25, &error), &error,
                                 "An AE ramp of 25 months is too long; at most 24"));
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->ae.n_ramp, ==, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/staffing-edits/ae-batches", test_ae_batches);
  g_test_add_func ("/staffing-edits/sdr-batches", test_sdr_batches);
  g_test_add_func ("/staffing-edits/ramp", test_ramp);
  return g_test_run ();
}
