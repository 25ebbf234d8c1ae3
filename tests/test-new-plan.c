/* test-new-plan.c — a plan made from a target (gs-new-plan.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-new-plan.h"

static GsNewPlanSpec
nordlicht (void)
{
  GsNewPlanSpec spec = {
    .company = "  Nordlicht GmbH ",
    .currency = "EUR",
    .start_year = 2027,
    .start_month = 1,
    .fiscal_year_start_month = 1,
    .prior_bookings = 100000000, /* €1,000,000.00 */
    .growth = 0.5,
    .deal_size = 1000000, /* €10,000.00 */
    .motion = GS_MOTION_INBOUND_SMB,
  };
  return spec;
}

/* €1 M × 1.5 = €1.5 M target; ÷ €10,000 = 150 wins.  The quota is 40 deals ×
 * €10,000 = €400,000; at the template's 85 % attainment and 1 % attrition a
 * month (0.99¹¹ = 0.8953 left in month 12), 1.5 M ÷ (400,000 × 0.85 × 0.8953)
 * = 4.93, so 5 AEs.  Nothing of the example comes along. */
static void
test_from_target (void)
{
  GsNewPlanSpec spec = nordlicht ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_spec (&spec, &error);
  const GsModel *m;
  const GsResult *r;

  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpstr (m->company.name, ==, "Nordlicht GmbH");
  g_assert_cmpstr (m->company.currency, ==, "EUR");
  g_assert_cmpuint (m->company.start_year, ==, 2027);
  g_assert_cmpuint (m->company.start_month, ==, 1);
  g_assert_cmpint (m->ae.quota, ==, 40000000);
  g_assert_cmpuint (m->ae.start_headcount, ==, 5);
  g_assert_cmpuint (m->ae.n_hires, ==, 0);
  g_assert_cmpfloat_with_epsilon (m->steps[0].rate, 0.32, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->steps[3].rate, 0.28, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->steps[3].lag_days, 30, 1e-12);
  g_assert_cmpuint (m->n_sources, ==, 1);
  g_assert_null (m->sources[0].planned);
  /* No example signatures, definitions or scenarios. */
  g_assert_cmpstr (m->agreements.mql_definition, ==, "");
  g_assert_cmpstr (m->agreements.sql_definition, ==, "");
  g_assert_cmpuint (m->agreements.n_signoffs, ==, 2);
  for (guint i = 0; i < m->agreements.n_signoffs; i++)
    g_assert_false (m->agreements.signoffs[i].signed_off);
  g_assert_null (gs_plan_lookup (plan, "scenarios"));
  g_assert_null (gs_plan_lookup (plan, "compensation.roles[0].spifs"));
  g_assert_nonnull (gs_plan_lookup (plan, "compensation.roles[0]"));

  r = gs_plan_get_result (plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->target_total, ==, 150000000);
  /* Sized so: the plan starts without a gap. */
  g_assert_cmpint (r->gap, >=, 0);
  g_assert_cmpint (line_ok (r, "sales.stage.won")->total.amount, ==, 150);
  /* The leads follow the preset: 150 ÷ (32 % × 38 % × 48 % × 28 %) = 9,178.6 at
   * least; each month's stages round up to whole people, so a little more. */
  g_assert_cmpint (line_ok (r, "marketing.stage.lead")->total.amount, >=, 9179);
  g_assert_cmpint (line_ok (r, "marketing.stage.lead")->total.amount, <, 9179 * 1.1);
}

static void
test_absolute_and_motions (void)
{
  GsNewPlanSpec spec = nordlicht ();
  spec.absolute = TRUE;
  spec.target_amount = 300000000; /* €3 M */
  for (guint motion = 0; motion < GS_N_MOTIONS; motion++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPlan) plan = NULL;
      const GsPresetStep *preset = gs_motion_preset (motion);
      spec.motion = motion;
      plan = gs_plan_new_from_spec (&spec, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gs_plan_get_model (plan)->company.target_mode, ==, GS_TARGET_ABSOLUTE);
      g_assert_cmpint (gs_plan_get_model (plan)->company.target_amount, ==, 300000000);
      g_assert_cmpfloat_with_epsilon (gs_plan_get_model (plan)->steps[1].rate, preset[1].rate,
                                      1e-12);
      g_assert_cmpint (gs_plan_get_result (plan, &error)->target_total, ==, 300000000);
      g_assert_no_error (error);
      /* Rates fall and cycles lengthen from SMB to enterprise. */
      if (motion > 0)
        {
          const GsPresetStep *before = gs_motion_preset (motion - 1);
          g_assert_cmpfloat (preset[3].rate, <, before[3].rate);
          g_assert_cmpfloat (preset[3].lag_days, >, before[3].lag_days);
        }
    }
  {
    g_autoptr (GsPlan) enterprise = gs_plan_new_from_spec (&spec, NULL);
    g_assert_cmpuint (gs_plan_get_model (enterprise)->n_sources, ==, 3);
  }
}

static void
test_refusals (void)
{
  GsNewPlanSpec spec = nordlicht ();
  g_autoptr (GError) error = NULL;
  spec.company = "   ";
  g_assert_null (gs_plan_new_from_spec (&spec, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Company: give the company a name");
  g_clear_error (&error);
  spec = nordlicht ();
  spec.currency = "EURO";
  g_assert_null (gs_plan_new_from_spec (&spec, &error));
  g_assert_cmpstr (error->message, ==,
                   "Currency: “EURO” is not a currency code such as EUR or USD");
  g_clear_error (&error);
  spec = nordlicht ();
  spec.deal_size = 0;
  g_assert_null (gs_plan_new_from_spec (&spec, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/new-plan/from-target", test_from_target);
  g_test_add_func ("/new-plan/absolute-and-motions", test_absolute_and_motions);
  g_test_add_func ("/new-plan/refusals", test_refusals);
  return g_test_run ();
}
