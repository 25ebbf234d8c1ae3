/* test-comp-trace.c — the payout trace as the engine returns it: the kind of
 * each step and its figures, worked by hand; and the words of a few steps.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-comp-util.h"

#define K(x) ((gint64) (x) *100) /* major units → cents */

static const GsTraceLine *
line_at (const GsCompPayout *p, guint i)
{
  g_assert_cmpuint (i, <, p->trace->len);
  return g_ptr_array_index (p->trace, i);
}

static void
test_accelerated_slices (void)
{
  /* TI 50,000.00 on own bookings, quota 500,000.00, flat 1, ×1.5 above
   * 100 %, ×2 above 125 %.  At 700,000.00 (140 %):
   *   0 → 500,000:       500,000 ÷ 500,000 × 50,000 × 1       = 50,000.00
   *   500,000 → 625,000: 125,000 ÷ 500,000 × 50,000 × 1 × 1.5 = 18,750.00
   *   625,000 → 700,000:  75,000 ÷ 500,000 × 50,000 × 1 × 2   = 15,000.00
   * component 83,750.00 = variable pay. */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"accelerators\": [{\"above\": 1,"
      " \"multiplier\": 1.5}, {\"above\": 1.25, \"multiplier\": 2}]",
      NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  const GsCompComponent *c = &m->roles[0].components[0];
  static const struct
  {
    double from, to, accel;
    GsMoney amount;
  } slices[] = {
    { 0, K (500000), 1, K (50000) },
    { K (500000), K (625000), 1.5, K (18750) },
    { K (625000), K (700000), 2, K (15000) },
  };
  GsCompInput in;
  g_autoptr (GsCompPayout) p = NULL;
  const GsTraceLine *l;

  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (700000));
  p = pay (m, 0, &in);
  gs_comp_input_clear (&in);
  g_assert_cmpuint (p->trace->len, ==, 6);

  l = line_at (p, 0);
  g_assert_cmpint (l->kind, ==, GS_TRACE_MEASURE);
  g_assert_true (l->component == c);
  g_assert_cmpint (l->measure, ==, GS_MEASURE_OWN_BOOKINGS);
  g_assert_cmpfloat (l->actual, ==, K (700000));
  g_assert_cmpfloat (l->quota, ==, K (500000));
  g_assert_cmpfloat_with_epsilon (l->attainment, 1.4, 1e-12);
  g_assert_cmpint (l->figure[0], ==, K (50000));
  g_assert_false (l->counts);
  g_assert_cmpuint (l->depth, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (slices); i++)
    {
      l = line_at (p, 1 + i);
      g_assert_cmpint (l->kind, ==, GS_TRACE_SLICE);
      g_assert_true (l->counts);
      g_assert_cmpuint (l->depth, ==, 1);
      g_assert_cmpfloat (l->slice.from, ==, slices[i].from);
      g_assert_cmpfloat (l->slice.to, ==, slices[i].to);
      g_assert_cmpfloat (l->slice.width, ==, slices[i].to - slices[i].from);
      g_assert_cmpfloat (l->slice.rate, ==, 1);
      g_assert_cmpfloat (l->slice.accel, ==, slices[i].accel);
      g_assert_cmpfloat (l->slice.decel, ==, 1);
      g_assert_cmpfloat (l->slice.discount, ==, 1);
      g_assert_cmpfloat (l->quota, ==, K (500000));
      g_assert_cmpint (l->figure[0], ==, K (50000));
      g_assert_cmpint (l->amount, ==, slices[i].amount);
      g_assert_cmpint (l->slice.amount, ==, slices[i].amount);
    }

  l = line_at (p, 4);
  g_assert_cmpint (l->kind, ==, GS_TRACE_COMPONENT_PAID);
  g_assert_false (l->counts);
  g_assert_cmpint (l->amount, ==, K (83750));

  l = line_at (p, 5);
  g_assert_cmpint (l->kind, ==, GS_TRACE_TOTAL);
  g_assert_cmpint (l->amount, ==, K (83750));
  g_assert_cmpint (p->total, ==, K (83750));

  /* The words a person checks with a calculator (C locale). */
  {
    g_autofree char *words = gs_explain_comp_line (m, line_at (p, 2));
    g_assert_cmpstr (words, ==,
                     "Flat rate, 500,000.00 → 625,000.00: 125,000.00 ÷ 500,000.00 × 50,000.00 × 1 "
                     "× 1.5 accelerator = 18,750.00");
  }
}

static void
test_plan_gate_and_cap (void)
{
  /* Flat 1 on TI 50,000.00, quota 500,000.00; the plan's cap 60,000.00.
   * At 700,000.00 the component earns 700,000 ÷ 500,000 × 50,000 = 70,000.00,
   * the cap cuts 60,000.00 − 70,000.00 = −10,000.00 → 60,000.00.
   * With a plan gate at 50 % of own bookings, 200,000.00 (40 %) shuts the
   * plan: the component's 20,000.00 is taken back, −20,000.00 → 0.00. */
  g_autofree char *json
      = one_component (", \"table\": {\"type\": \"flat\", \"rate\": 1}",
                       ", \"cap\": {\"amount\": \"60000.00\"}, \"gate\": {\"measure\":"
                       " \"own_bookings\", \"min_attainment\": 0.5}");
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  g_autoptr (GsCompPayout) high = NULL;
  g_autoptr (GsCompPayout) low = NULL;
  const GsTraceLine *l;

  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (700000));
  high = pay (m, 0, &in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (200000));
  low = pay (m, 0, &in);
  gs_comp_input_clear (&in);

  /* measure, slice, component paid, plan gate, plan cap, total */
  g_assert_cmpuint (high->trace->len, ==, 6);
  l = line_at (high, 3);
  g_assert_cmpint (l->kind, ==, GS_TRACE_PLAN_GATE);
  g_assert_true (l->reached);
  g_assert_false (l->counts);
  g_assert_cmpint (l->measure, ==, GS_MEASURE_OWN_BOOKINGS);
  g_assert_cmpfloat_with_epsilon (l->attainment, 1.4, 1e-12);
  g_assert_cmpfloat (l->threshold, ==, 0.5);
  l = line_at (high, 4);
  g_assert_cmpint (l->kind, ==, GS_TRACE_PLAN_CAP);
  g_assert_true (l->counts);
  g_assert_cmpint (l->figure[0], ==, K (60000));
  g_assert_cmpint (l->amount, ==, -K (10000));
  g_assert_cmpint (high->total, ==, K (60000));

  g_assert_cmpuint (low->trace->len, ==, 5);
  l = line_at (low, 1);
  g_assert_cmpint (l->kind, ==, GS_TRACE_SLICE);
  g_assert_cmpint (l->amount, ==, K (20000));
  l = line_at (low, 3);
  g_assert_cmpint (l->kind, ==, GS_TRACE_PLAN_GATE);
  g_assert_false (l->reached);
  g_assert_true (l->counts);
  g_assert_cmpfloat_with_epsilon (l->attainment, 0.4, 1e-12);
  g_assert_cmpint (l->amount, ==, -K (20000));
  g_assert_cmpint (low->total, ==, 0);
  {
    g_autofree char *words = gs_explain_comp_line (m, l);
    g_assert_cmpstr (words, ==,
                     "Plan gate: Own bookings for the year at 40 % is below 50 % — the plan pays "
                     "nothing: −20,000.00");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp/trace/accelerated-slices", test_accelerated_slices);
  g_test_add_func ("/comp/trace/plan-gate-and-cap", test_plan_gate_and_cap);
  return g_test_run ();
}
