/* test-comp-table.c — rate tables and modifiers, worked by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unless a case says otherwise: target incentive TI = 100,000.00 × 50 % =
 * 50,000.00; quota Q = 500,000.00 of own bookings; attainment basis, where a
 * slice of w pays w ÷ Q × TI × rate.  Amounts in the asserts are cents.
 */
#include "test-comp-util.h"

#define K(x) ((gint64) (x) *100) /* major units → cents */

static void
test_flat (void)
{
  g_autofree char *json = one_component (", \"table\": {\"type\": \"flat\", \"rate\": 1}", NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  /* 400,000 ÷ 500,000 × 50,000 × 1 = 40,000.00 */
  g_assert_cmpint (pay_own (m, K (400000)), ==, K (40000));
  /* 0 pays 0; 150 % pays 75,000.00 */
  g_assert_cmpint (pay_own (m, 0), ==, 0);
  g_assert_cmpint (pay_own (m, K (750000)), ==, K (75000));
  /* One cent of bookings: 0.01 ÷ 500,000 × 50,000 = 0.001 → 0.00 */
  g_assert_cmpint (pay_own (m, 1), ==, 0);
  /* 5 cents: 0.005 → rounds half away from zero to 0.01 */
  g_assert_cmpint (pay_own (m, 5), ==, 1);
}

static void
test_flat_commission (void)
{
  /* Amount basis: 150,000.00 × 10 % = 15,000.00 */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"basis\": \"amount\", \"rate\": 0.1}", NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  g_assert_cmpint (pay_own (m, K (150000)), ==, K (15000));
  /* 0.05 × 10 % = 0.005 → 0.01 (half away from zero) */
  g_assert_cmpint (pay_own (m, 5), ==, 1);
}

static void
test_marginal_commission (void)
{
  /* Bands 0–1,000 at 1 %, 1,000–1,500 at 2 %, 1,500 up at 3 %; at 2,000.00:
   * 1,000.00 × 1 % = 10.00; 500.00 × 2 % = 10.00; 500.00 × 3 % = 15.00 → 35.00 */
  g_autofree char *json
      = one_component (", \"table\": {\"type\": \"marginal\", \"basis\": \"amount\", \"bands\": ["
                       "{\"from\": \"0.00\", \"to\": \"1000.00\", \"rate\": 0.01},"
                       "{\"from\": \"1000.00\", \"to\": \"1500.00\", \"rate\": 0.02},"
                       "{\"from\": \"1500.00\", \"rate\": 0.03}]}",
                       NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  g_autoptr (GsCompPayout) p = NULL;

  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (2000));
  p = pay (m, 0, &in);
  g_assert_cmpint (p->total, ==, K (35));
  g_assert_true (trace_has (m, p, "1,000.00 × 1 % = 10.00"));
  g_assert_true (trace_has (m, p, "500.00 × 2 % = 10.00"));
  g_assert_true (trace_has (m, p, "500.00 × 3 % = 15.00"));
  /* Exactly on the boundary 1,000.00: 10.00, nothing from the 2 % band. */
  g_assert_cmpint (pay_own (m, K (1000)), ==, K (10));
  /* 1,000.01: 10.00 + 0.01 × 2 % = 0.0002 → 10.00 */
  g_assert_cmpint (pay_own (m, K (1000) + 1), ==, K (10));
}

static void
test_marginal_attainment (void)
{
  /* Bands 0–100 % at 1, 100–150 % at 1.5, 150 % up at 2.  At 160 % (800,000):
   * 500,000 ÷ 500,000 × 50,000 × 1 = 50,000.00
   * 250,000 ÷ 500,000 × 50,000 × 1.5 = 37,500.00
   *  50,000 ÷ 500,000 × 50,000 × 2 = 10,000.00  → 97,500.00 */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      " {\"from\": 1, \"to\": 1.5, \"rate\": 1.5}, {\"from\": 1.5, \"rate\": 2}]}",
      NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  g_assert_cmpint (pay_own (m, K (800000)), ==, K (97500));
  /* On the boundary 100 %: exactly the target incentive. */
  g_assert_cmpint (pay_own (m, K (500000)), ==, K (50000));
  /* 115 %: 50,000 + 75,000 ÷ 500,000 × 50,000 × 1.5 = 50,000 + 11,250 = 61,250.00 */
  g_assert_cmpint (pay_own (m, K (575000)), ==, K (61250));
}

static void
test_band (void)
{
  /* All-or-nothing on MQLs, quota 100: below 80 % rate 0.5, 80–120 % rate 1,
   * 120 % up rate 1.2; the whole count paid at the band reached. */
  const char *roles
      = "\"roles\": [{\"id\": \"dg\", \"kind\": \"marketing\", \"ote\":"
        " \"250000.00\", \"pay_mix\": 0.2, \"components\": [{\"id\": \"mqls\", \"measure\":"
        " \"mqls_delivered\", \"weight\": 1, \"quota\": 100, \"table\": {\"type\": \"band\","
        " \"bands\": [{\"from\": 0, \"to\": 0.8, \"rate\": 0.5}, {\"from\": 0.8, \"to\": 1.2, "
        "\"rate\":"
        " 1}, {\"from\": 1.2, \"rate\": 1.2}]}}]}]}";
  g_autofree char *upper_json = g_strconcat ("{\"boundary\": \"upper\", ", roles, NULL);
  g_autofree char *lower_json = g_strconcat ("{\"boundary\": \"lower\", ", roles, NULL);
  g_autoptr (GsCompModel) upper = comp_model (upper_json);
  g_autoptr (GsCompModel) lower = comp_model (lower_json);
  struct
  {
    double mqls;
    gint64 upper, lower;
  } cases[] = {
    /* TI = 250,000 × 20 % = 50,000.00 */
    { 79, K (19750), K (19750) }, /* 79 ÷ 100 × 50,000 × 0.5 */
    { 80, K (40000),
      K (20000) }, /* on the boundary: upper band 80 ÷ 100 × 50,000 × 1, lower × 0.5 */
    { 100, K (50000), K (50000) }, /* 100 ÷ 100 × 50,000 × 1 */
    { 120, K (72000), K (60000) }, /* 120 ÷ 100 × 50,000 × 1.2, or × 1 with the lower rule */
    { 130, K (78000), K (78000) }, /* 130 ÷ 100 × 50,000 × 1.2 */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int rule = 0; rule < 2; rule++)
      {
        GsCompInput in;
        g_autoptr (GsCompPayout) p = NULL;
        gs_comp_input_init (&in);
        gs_comp_input_set_year (&in, GS_MEASURE_MQLS_DELIVERED, cases[i].mqls);
        p = pay (rule ? lower : upper, 0, &in);
        g_assert_cmpint (p->total, ==, rule ? cases[i].lower : cases[i].upper);
      }
}

static void
test_accelerators (void)
{
  /* Flat 1 with tiers ×1.5 above 100 % and ×2 above 125 %.  At 140 % (700,000):
   * 500,000 ÷ 500,000 × 50,000 × 1 = 50,000.00
   * 125,000 ÷ 500,000 × 50,000 × 1 × 1.5 = 18,750.00
   *  75,000 ÷ 500,000 × 50,000 × 1 × 2 = 15,000.00  → 83,750.00 */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"accelerators\": [{\"above\": 1,"
      " \"multiplier\": 1.5}, {\"above\": 1.25, \"multiplier\": 2}]",
      NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  g_autoptr (GsCompPayout) p = NULL;
  g_assert_cmpint (pay_own (m, K (700000)), ==, K (83750));
  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (700000));
  p = pay (m, 0, &in);
  g_assert_true (
      trace_has (m, p, "125,000.00 ÷ 500,000.00 × 50,000.00 × 1 × 1.5 accelerator = 18,750.00"));
  /* At exactly 125 %: 50,000 + 18,750 = 68,750.00 */
  g_assert_cmpint (pay_own (m, K (625000)), ==, K (68750));
}

static void
test_decelerator (void)
{
  /* Flat 1, decelerator ×0.5 below 50 %.
   * Not retroactive: the first 250,000 always pays half.
   *  at 40 % (200,000): 200,000 ÷ 500,000 × 50,000 × 0.5 = 10,000.00
   *  at 80 % (400,000): 250,000 ÷ 500,000 × 50,000 × 0.5 = 12,500 + 150,000 ÷ 500,000 × 50,000 =
   * 15,000 → 27,500.00 Retroactive: below 50 % everything pays half; crossing 50 % re-rates it all.
   *  at 40 %: 10,000.00;  at 80 %: 400,000 ÷ 500,000 × 50,000 = 40,000.00
   *  at exactly 50 % (upper rule: reached): 25,000.00; one cent below: 249,999.99 ÷ 500,000 ×
   * 50,000 × 0.5 = 12,499.999 → 12,500.00 */
  g_autofree char *flat = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"decelerator\": {\"below\": 0.5,"
      " \"multiplier\": 0.5}",
      NULL);
  g_autofree char *retro = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"decelerator\": {\"below\": 0.5,"
      " \"multiplier\": 0.5, \"retroactive\": true}",
      NULL);
  g_autoptr (GsCompModel) a = comp_model (flat);
  g_autoptr (GsCompModel) b = comp_model (retro);
  g_autoptr (GsCompModel) lower = NULL;

  g_assert_cmpint (pay_own (a, K (200000)), ==, K (10000));
  g_assert_cmpint (pay_own (a, K (400000)), ==, K (27500));
  g_assert_cmpint (pay_own (b, K (200000)), ==, K (10000));
  g_assert_cmpint (pay_own (b, K (400000)), ==, K (40000));
  g_assert_cmpint (pay_own (b, K (250000)), ==, K (25000));
  g_assert_cmpint (pay_own (b, K (250000) - 1), ==, K (12500));
  /* With the lower boundary rule, exactly 50 % is still below: 12,500.00 */
  {
    g_autofree char *json = g_strdup_printf ("{\"boundary\": \"lower\", %s", retro + 1);
    lower = comp_model (json);
  }
  g_assert_cmpint (pay_own (lower, K (250000)), ==, K (12500));
}

static void
test_discount_modifier (void)
{
  /* Flat 1 at 100 % (50,000.00) scaled by the discount beyond list:
   * under 10 % × 1; 10–20 % × 0.9 → 45,000.00; 20 % and over × 0.7 → 35,000.00 */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"discount_modifier\": [{\"from\": 0,"
      " \"to\": 0.1, \"multiplier\": 1}, {\"from\": 0.1, \"to\": 0.2, \"multiplier\": 0.9},"
      " {\"from\": 0.2, \"multiplier\": 0.7}]",
      NULL);
  g_autoptr (GsCompModel) m = comp_model (json);
  const struct
  {
    double discount;
    gint64 paid;
  } cases[] = { { 0.05, K (50000) }, { 0.15, K (45000) }, { 0.2, K (35000) }, { 0.3, K (35000) } };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GsCompInput in;
      g_autoptr (GsCompPayout) p = NULL;
      gs_comp_input_init (&in);
      gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (500000));
      in.discount = cases[i].discount;
      p = pay (m, 0, &in);
      g_assert_cmpint (p->total, ==, cases[i].paid);
    }
}

static void
test_gate_and_caps (void)
{
  /* Own bookings 70 % (TI 35,000.00, quota 500,000) and company bookings
   * 30 % (TI 15,000.00, quota 1,000,000) gated at 50 % of own bookings.
   * Own 200,000 (40 %), company 1,000,000: 200,000 ÷ 500,000 × 35,000 = 14,000.00, company gated →
   * 14,000.00 Own 250,000 (exactly 50 %): 17,500.00 + 1,000,000 ÷ 1,000,000 × 15,000 = 15,000.00 →
   * 32,500.00 */
  const char *json
      = "{\"roles\": [{\"id\": \"r\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
        " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 0.7,"
        " \"quota\": \"500000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1},"
        " \"cap\": {\"of_target\": 1.5}},"
        " {\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.3, \"quota\":"
        " \"1000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}, \"gate\": {\"measure\":"
        " \"own_bookings\", \"min_attainment\": 0.5}}],"
        " \"cap\": {\"amount\": \"60000.00\"}}]}";
  g_autoptr (GsCompModel) m = comp_model (json);
  const struct
  {
    gint64 own, company, paid;
  } cases[] = {
    { K (200000), K (1000000), K (14000) },
    { K (250000), K (1000000), K (32500) },
    /* Own 1,000,000 (200 %): 70,000 raw, component cap 1.5 × 35,000 = 52,500.00;
     * company 15,000 → 67,500 > plan cap 60,000.00 → 60,000.00 */
    { K (1000000), K (1000000), K (60000) },
    /* Own 500,000, company 1,200,000: 35,000 + 18,000 = 53,000.00, under both caps */
    { K (500000), K (1200000), K (53000) },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GsCompInput in;
      g_autoptr (GsCompPayout) p = NULL;
      gs_comp_input_init (&in);
      gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, cases[i].own);
      gs_comp_input_set_year (&in, GS_MEASURE_COMPANY_BOOKINGS, cases[i].company);
      p = pay (m, 0, &in);
      g_assert_cmpint (p->total, ==, cases[i].paid);
      if (i == 2)
        {
          g_assert_cmpint (p->components[0].earned, ==, K (52500));
          g_assert_cmpint (p->cap_cut, ==, -K (7500));
        }
    }
}

static void
test_plan_gate (void)
{
  /* Whole plan gated at 60 % of company bookings (quota 1,000,000.00 given):
   * own 500,000 (50,000.00 earned) but company 500,000 (50 %) → nothing. */
  g_autofree char *json = one_component (
      ", \"table\": {\"type\": \"flat\", \"rate\": 1}",
      ", \"gate\": {\"measure\": \"company_bookings\", \"min_attainment\": 0.6, \"quota\": "
      "\"1000000.00\"}");
  g_autoptr (GsCompModel) m = comp_model (json);
  GsCompInput in;
  g_autoptr (GsCompPayout) shut = NULL;
  g_autoptr (GsCompPayout) open = NULL;
  gs_comp_input_init (&in);
  gs_comp_input_set_year (&in, GS_MEASURE_OWN_BOOKINGS, K (500000));
  gs_comp_input_set_year (&in, GS_MEASURE_COMPANY_BOOKINGS, K (500000));
  shut = pay (m, 0, &in);
  g_assert_cmpint (shut->components_total, ==, K (50000));
  g_assert_cmpint (shut->total, ==, 0);
  gs_comp_input_set_year (&in, GS_MEASURE_COMPANY_BOOKINGS, K (600000));
  open = pay (m, 0, &in);
  g_assert_cmpint (open->total, ==, K (50000));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp/table/flat", test_flat);
  g_test_add_func ("/comp/table/flat-commission", test_flat_commission);
  g_test_add_func ("/comp/table/marginal-commission", test_marginal_commission);
  g_test_add_func ("/comp/table/marginal-attainment", test_marginal_attainment);
  g_test_add_func ("/comp/table/band-boundary", test_band);
  g_test_add_func ("/comp/modifier/accelerators", test_accelerators);
  g_test_add_func ("/comp/modifier/decelerator", test_decelerator);
  g_test_add_func ("/comp/modifier/discount", test_discount_modifier);
  g_test_add_func ("/comp/modifier/gate-and-caps", test_gate_and_caps);
  g_test_add_func ("/comp/modifier/plan-gate", test_plan_gate);
  return g_test_run ();
}
