/* test-goals-coverage.c — quota over-assignment and pipeline coverage at the
 * start of a period (docs/derivations.md, "Goal sheets"), worked by hand on
 * the tiny plan of test-util.h.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

#include "gs-explain.h"
#include "gs-result-json.h"

static GsResult *
result_of (JsonNode *tree, GsModel **model)
{
  g_autoptr (GError) error = NULL;
  GsResult *r;
  *model = decode_ok (tree);
  r = gs_compute (*model, &error);
  g_assert_no_error (error);
  return r;
}

static double
figure (const GsCell *cell, const char *name)
{
  const GsQuantity *q = gs_derivation_figure (&cell->derivation, name);
  g_assert_nonnull (q);
  return q->value;
}

/* The tiny plan needs 10 wins a month (100,000.00 ÷ 10,000.00), so 50 MQLs
 * a month at the 20 % MQL → Won step: 500,000.00 of pipeline a month.  The
 * step's 31 days place each month's MQLs one month before their wins, so the
 * pipeline open on the first day of a month is last month's 500,000.00:
 *   a month:    500,000 ÷ 100,000   = 5.0×, exactly 1 ÷ 20 %;
 *   a quarter:  500,000 ÷ 300,000   = 1.67×;
 *   the plan:   500,000 ÷ 1,200,000 = 0.42×.
 * January's open pipeline is December's, before the plan. */
static void
test_pipeline_coverage (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = result_of (tree, &m);
  const GsGoalLine *line = line_ok (r, "shared.pipeline_coverage");
  const GsGoalLine *pipeline = line_ok (r, "shared.pipeline");
  g_autofree char *text = NULL;

  g_assert_cmpint (line->unit, ==, GS_UNIT_MULTIPLE);
  g_assert_cmpint (line->side, ==, GS_SIDE_SHARED);
  g_assert_cmpuint (r->n_pre, >=, 1);
  g_assert_cmpint (pipeline->months[r->n_pre - 1].amount, ==, 50000000);
  for (guint mo = 0; mo < 12; mo++)
    {
      const GsCell *cell = &line->months[r->n_pre + mo];
      g_assert_cmpfloat_with_epsilon (cell->value, 5.0, 1e-12);
      g_assert_cmpfloat (figure (cell, "open"), ==, 50000000);
      g_assert_cmpfloat_with_epsilon (figure (cell, "needed"), 5.0, 1e-12);
      g_assert_cmpfloat (figure (cell, "lag_months"), ==, 1);
    }
  g_assert_cmpfloat_with_epsilon (line->quarters[0].value, 5.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (line->quarters[3].value, 5.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (line->total.value, 5.0 / 12.0, 1e-12);
  g_assert_cmpint (line->months[0].derivation.kind, ==,
                   r->n_pre ? GS_DERIVATION_NOT_IN_PLAN : GS_DERIVATION_PIPELINE_COVERAGE);

  text = gs_explain_cell (m, r, line, &line->months[r->n_pre + 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "5.0×"));
  g_assert_nonnull (strstr (text, "500,000.00"));
  g_assert_nonnull (strstr (text, "20 %"));
  g_assert_nonnull (strstr (text, "in the pipeline on its first day"));
  g_clear_pointer (&text, g_free);
  text = gs_explain_cell (m, r, line, &line->quarters[0]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "1.7×"));
  g_assert_nonnull (strstr (text, "created and closed within the period"));
  g_assert_cmpstr (gs_derivation_kind_name (GS_DERIVATION_PIPELINE_COVERAGE), ==,
                   "pipeline_coverage");
  g_assert_cmpstr (gs_unit_name (GS_UNIT_MULTIPLE), ==, "multiple");
}

/* Opportunities that close in the month they are created carry nothing into
 * the next one: 0×, and the words say why. */
static void
test_pipeline_coverage_no_lag (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  const GsGoalLine *line;
  g_autofree char *text = NULL;

  patch (tree, "funnel.steps[1].lag_days", "0");
  r = result_of (tree, &m);
  line = line_ok (r, "shared.pipeline_coverage");
  for (guint mo = 0; mo < 12; mo++)
    g_assert_cmpfloat (line->months[r->n_pre + mo].value, ==, 0);
  g_assert_cmpfloat (line->total.value, ==, 0);
  text = gs_explain_cell (m, r, line, &line->months[r->n_pre]);
  g_assert_nonnull (strstr (text, "no pipeline is carried in"));
}

/* 2 AEs, quota 660,000.00: 110,000.00 assigned a month against a 100,000.00
 * new-business target = 110 %; at 90 % attainment they deliver 99,000.00 =
 * 99 % of it.  Quarters and the plan are sums over sums: the same 110 %.  A
 * hire in April (no ramp) makes the second quarter 3 × 165,000 ÷ 300,000 =
 * 165 % and the plan (3 × 110,000 + 9 × 165,000) ÷ 1,200,000 = 151.25 %. */
static void
test_quota_assignment (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsModel) m2 = NULL;
  g_autoptr (GsResult) r2 = NULL;
  const GsGoalLine *line;
  g_autofree char *text = NULL;

  patch (tree, "capacity.ae.quota", "\"660000.00\"");
  patch (tree, "capacity.ae.attainment", "0.9");
  r = result_of (tree, &m);
  line = line_ok (r, "sales.quota_assignment");
  g_assert_cmpint (line->unit, ==, GS_UNIT_PERCENT);
  for (guint mo = 0; mo < 12; mo++)
    {
      const GsCell *cell = &line->months[r->n_pre + mo];
      g_assert_cmpfloat_with_epsilon (cell->value, 1.1, 1e-12);
      g_assert_cmpfloat (figure (cell, "assigned"), ==, 11000000);
      g_assert_cmpfloat (figure (cell, "capacity"), ==, 9900000);
      g_assert_cmpfloat_with_epsilon (figure (cell, "coverage"), 0.99, 1e-12);
    }
  g_assert_cmpfloat_with_epsilon (line->quarters[2].value, 1.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (line->total.value, 1.1, 1e-12);
  g_assert_cmpfloat (figure (&line->total, "assigned"), ==, 132000000);
  text = gs_explain_cell (m, r, line, &line->quarters[0]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "110 %"));
  g_assert_nonnull (strstr (text, "330,000.00"));
  g_assert_nonnull (strstr (text, "99 %"));

  patch (tree, "capacity.ae.hires", "[{\"month\": \"2027-04\", \"count\": 1}]");
  r2 = result_of (tree, &m2);
  line = line_ok (r2, "sales.quota_assignment");
  g_assert_cmpfloat_with_epsilon (line->quarters[0].value, 1.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (line->quarters[1].value, 1.65, 1e-12);
  g_assert_cmpfloat_with_epsilon (line->total.value, 1.5125, 1e-12);
}

/* Invariant on both examples: the quota a quarter carries is the sum of its
 * months', and the coverage's open pipeline is a sum of pipeline months. */
static void
test_examples (void)
{
  const char *names[] = { "seed-saas.goalsheet", "mid-market.goalsheet" };
  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    {
      g_autoptr (JsonNode) tree = example_tree (names[e]);
      g_autoptr (GsModel) m = NULL;
      g_autoptr (GsResult) r = result_of (tree, &m);
      const GsGoalLine *qa = line_ok (r, "sales.quota_assignment");
      const GsGoalLine *pc = line_ok (r, "shared.pipeline_coverage");
      double months = 0;
      for (guint mo = 0; mo < r->horizon; mo++)
        months += figure (&qa->months[r->n_pre + mo], "assigned");
      g_assert_cmpfloat (figure (&qa->total, "assigned"), ==, months);
      g_assert_cmpfloat (qa->total.value, >, 0);
      g_assert_cmpfloat (pc->months[r->n_pre].value, >=, 0);
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          g_autofree char *t = gs_explain_cell (m, r, pc, &pc->months[r->n_pre + mo]);
          g_assert_nonnull (t);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/goals/pipeline-coverage", test_pipeline_coverage);
  g_test_add_func ("/goals/pipeline-coverage-no-lag", test_pipeline_coverage_no_lag);
  g_test_add_func ("/goals/quota-assignment", test_quota_assignment);
  g_test_add_func ("/goals/examples", test_examples);
  return g_test_run ();
}
