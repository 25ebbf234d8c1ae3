/* test-comp-edits.c — every compensation edit: its effect on pay, worked by
 * hand; refused edits leave the plan as it was; undo restores it exactly.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account executive of data/examples/seed-saas.goalsheet: OTE 160,000.00
 * at 50 % → target incentive 80,000.00 over own bookings 70 % (56,000.00,
 * marginal: 1 to 100 %, 1.5 to 150 %, 2 above; quarterly, year to date; cap
 * 3 × target), company bookings 20 % (16,000.00, flat 1, gated at 50 % of
 * own bookings) and MQL follow-up 10 % (8,000.00, band: 0 below 90 %, 0.8 to
 * 100 %, 1 above; quarterly).  Own bookings quota 520,000.00; 8 AEs.
 * At 115 %:  own 56,000 + 0.15 × 56,000 × 1.5 = 68,600.00
 *            company 1.15 × 16,000 = 18,400.00;  MQL 1.15 × 8,000 = 9,200.00
 *            the draw is made up and recovered within the year: 96,200.00.
 */
#include "test-comp-util.h"
#include "gs-comp-edits.h"
#include "gs-json.h"

#include <math.h>

#define AE 0
#define OWN 0
#define COMPANY 1
#define MQL 2

static const GsCompRole *
role_of (GsPlan *plan, guint r)
{
  return &gs_plan_get_comp (plan, NULL)->roles[r];
}

static GsCompRolePayout *
at (GsPlan *plan, guint r, double attainment)
{
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  g_autoptr (GError) error = NULL;
  GsCompRolePayout *rp = gs_comp_role_at_attainment (comp, &comp->roles[r], attainment, &error);
  g_assert_no_error (error);
  assert_trace_adds_up (rp->people[0]);
  return rp;
}

/* One AE's variable pay for the year at an attainment. */
static GsMoney
ae_total (GsPlan *plan, double attainment)
{
  g_autoptr (GsCompRolePayout) rp = at (plan, AE, attainment);
  return rp->people[0]->total;
}

static GsMoney
ae_component (GsPlan *plan, guint component, double attainment)
{
  g_autoptr (GsCompRolePayout) rp = at (plan, AE, attainment);
  return rp->people[0]->components[component].earned;
}

/* A refused edit: the message names the field and says `why`; nothing changed. */
static void
assert_refused (GsPlan *plan, gboolean ok, GError **errorp, const char *where, const char *why,
                const char *before)
{
  g_autofree char *now = gs_plan_to_text (plan);
  g_autoptr (GError) error = g_steal_pointer (errorp); /* read after the edit ran */
  g_assert_false (ok);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  if (where && !strstr (error->message, where))
    g_error ("“%s” does not name %s", error->message, where);
  if (!strstr (error->message, why))
    g_error ("“%s” does not say “%s”", error->message, why);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (gs_plan_can_undo (plan));
}

static void
test_baseline (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9620000);
  g_assert_cmpint (ae_component (plan, OWN, 1.15), ==, 6860000);
}

/* OTE 200,000.00 → target incentive 100,000.00: 70,000 / 20,000 / 10,000.
 * At 115 %: 70,000 + 0.15 × 70,000 × 1.5 = 85,750; 23,000; 11,500 → 120,250.00.
 * Pay mix 60 % of 160,000.00 → 96,000.00: 67,200 / 19,200 / 9,600.
 * At 115 %: 67,200 + 0.15 × 67,200 × 1.5 = 82,320; 22,080; 11,040 → 115,440.00. */
static void
test_pay (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_set_ote (plan, AE, 20000000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (role_of (plan, AE)->target_incentive, ==, 10000000);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 12025000);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_set_pay_mix (plan, AE, 0.6, &error));
  g_assert_cmpint (role_of (plan, AE)->base, ==, 6400000);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 11544000);
  assert_undoes (plan, before);

  assert_refused (plan, gs_comp_set_ote (plan, AE, 0, &error), &error, "compensation.roles[0]",
                  "more than zero", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_set_pay_mix (plan, AE, 1.5, &error), &error,
                  "compensation.roles[0]", "share of OTE", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_set_ote (plan, 9, 100, &error), &error, "compensation.roles[9]",
                  "no such role", before);
  g_clear_error (&error);

  g_assert_true (gs_comp_set_role_name (plan, AE, " Closer ", &error));
  g_assert_cmpstr (role_of (plan, AE)->name, ==, "Closer");
  assert_undoes (plan, before);
  assert_refused (plan, gs_comp_set_role_name (plan, AE, "  ", &error), &error,
                  "compensation.roles[0]", "needs a name", before);
}

/* 10 AEs instead of the capacity plan's 8: 10 × 96,200.00 = 962,000.00. */
static void
test_headcount (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_false (gs_comp_headcount_is_set (plan, AE));
  g_assert_true (gs_comp_set_headcount (plan, AE, 10, &error));
  g_assert_no_error (error);
  g_assert_true (gs_comp_headcount_is_set (plan, AE));
  {
    g_autoptr (GsCompRolePayout) rp = at (plan, AE, 1.15);
    g_assert_cmpint (rp->total, ==, 96200000);
  }
  g_assert_true (gs_comp_clear_headcount (plan, AE, &error));
  {
    g_autoptr (GsCompRolePayout) rp = at (plan, AE, 1.15);
    g_assert_cmpint (rp->total, ==, 76960000); /* 8 × 96,200.00 */
  }
  g_assert_false (gs_comp_headcount_is_set (plan, AE));
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* Own bookings at 598,000.00 is 115 % of 520,000.00 (96,200.00).  Against a
 * quota of 650,000.00 it is 92 %: own 0.92 × 56,000 = 51,520; company
 * 0.92 × 16,000 = 14,720; MQL band 90–100 % at 0.8: 0.92 × 8,000 × 0.8 =
 * 5,888 → 72,128.00. */
static void
test_quota (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);

  {
    g_autoptr (GsCompRolePayout) rp
        = gs_comp_role_at_amount (comp, &comp->roles[AE], 59800000, &error);
    g_assert_cmpint (rp->people[0]->total, ==, 9620000);
  }
  g_assert_false (gs_comp_quota_is_set (plan, AE, OWN));
  g_assert_true (gs_comp_set_quota (plan, AE, OWN, 65000000, &error));
  g_assert_no_error (error);
  g_assert_true (gs_comp_quota_is_set (plan, AE, OWN));
  comp = gs_plan_get_comp (plan, NULL);
  g_assert_cmpfloat (comp->roles[AE].components[OWN].quota, ==, 65000000);
  {
    g_autoptr (GsCompRolePayout) rp
        = gs_comp_role_at_amount (comp, &comp->roles[AE], 59800000, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rp->people[0]->total, ==, 7212800);
  }
  assert_undoes (plan, before);
  assert_refused (plan, gs_comp_set_quota (plan, AE, OWN, 0, &error), &error,
                  "compensation.roles[0].components[0]", "more than zero", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_clear_quota (plan, AE, 7, &error), &error, "compensation.roles[0]",
                  "no component 7", before);
}

/* Own bookings to 80 %: the others share 20 % as they shared 30 %:
 * 13.3333 % and 6.6667 % → 64,000.00 / 10,666.64 / 5,333.36.  At 115 %:
 * own 64,000 + 0.15 × 64,000 × 1.5 = 78,400.00; company 1.15 × 10,666.64 =
 * 12,266.64; MQL per quarter 1,333.34 × 1.15 = 1,533.34, × 4 = 6,133.36;
 * 78,400 + 12,266.64 + 6,133.36 = 96,800.00. */
static void
test_weight (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompRole *role;

  g_assert_true (gs_comp_set_weight (plan, AE, OWN, 0.8, &error));
  g_assert_no_error (error);
  role = role_of (plan, AE);
  g_assert_cmpfloat_with_epsilon (role->components[COMPANY].weight, 0.133333, 1e-12);
  g_assert_cmpfloat_with_epsilon (role->components[MQL].weight, 0.066667, 1e-12);
  g_assert_cmpint (role->components[OWN].target_incentive, ==, 6400000);
  g_assert_cmpint (role->components[COMPANY].target_incentive, ==, 1066664);
  g_assert_cmpint (role->components[MQL].target_incentive, ==, 533336);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9680000);
  assert_undoes (plan, before);

  assert_refused (plan, gs_comp_set_weight (plan, AE, OWN, 1.2, &error), &error,
                  "compensation.roles[0].components[0]", "share of the target incentive", before);
  g_clear_error (&error);

  /* A role with one component: its weight is 100 %. */
  {
    g_autoptr (JsonNode) tree = tiny_tree ();
    g_autofree char *comp = one_component (", \"table\": {\"type\": \"flat\", \"rate\": 1}", NULL);
    g_autofree char *text = NULL;
    g_autoptr (GsPlan) one = NULL;
    patch (tree, "compensation", comp);
    text = gs_json_to_text (tree);
    one = gs_plan_new_from_text (text, -1, &error);
    g_assert_no_error (error);
    g_free (text);
    text = gs_plan_to_text (one);
    assert_refused (one, gs_comp_set_weight (one, 0, 0, 0.5, &error), &error,
                    "compensation.roles[0].components[0]", "the only component", text);
  }
}

/* Measure, name, period and attainment mode. */
static void
test_component (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompComponent *c;

  g_assert_true (gs_comp_set_period (plan, AE, COMPANY, GS_PERIOD_MONTHLY, &error));
  g_assert_no_error (error);
  c = &role_of (plan, AE)->components[COMPANY];
  g_assert_cmpint (c->period, ==, GS_PERIOD_MONTHLY);
  /* Twelve months at 115 % still add up to 1.15 × 16,000.00. */
  g_assert_cmpint (ae_component (plan, COMPANY, 1.15), ==, 1840000);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_set_attain_mode (plan, AE, OWN, GS_ATTAIN_PERIOD, &error));
  g_assert_cmpint (role_of (plan, AE)->components[OWN].attain, ==, GS_ATTAIN_PERIOD);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_set_component_name (plan, AE, OWN, "New logos", &error));
  g_assert_cmpstr (role_of (plan, AE)->components[OWN].name, ==, "New logos");
  assert_undoes (plan, before);

  /* A set quota goes with its measure. */
  g_assert_true (gs_comp_set_quota (plan, AE, COMPANY, 300000000, &error));
  g_assert_true (gs_comp_set_measure (plan, AE, COMPANY, GS_MEASURE_OWN_BOOKINGS, &error));
  g_assert_no_error (error);
  c = &role_of (plan, AE)->components[COMPANY];
  g_assert_cmpint (c->measure, ==, GS_MEASURE_OWN_BOOKINGS);
  g_assert_false (gs_comp_quota_is_set (plan, AE, COMPANY));
  g_assert_cmpfloat (c->quota, ==, 52000000); /* the goal sheets' own-bookings quota */
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);

  /* An AE has no meetings in the goal sheets, so no default quota for them. */
  assert_refused (plan, gs_comp_set_measure (plan, AE, COMPANY, GS_MEASURE_MEETINGS_HELD, &error),
                  &error, "compensation.roles[0].components[1].quota", "set one", before);
}

/* Own bookings' second band at 2 instead of 1.5: 0.15 × 56,000 × 2 = 16,800,
 * total 56,000 + 16,800 + 18,400 + 9,200 = 100,400.00.  The 100 % boundary at
 * 120 %: 115 % is all in band 1 at rate 1: 64,400 + 18,400 + 9,200 = 92,000.00. */
static void
test_bands (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsRateTable *t;

  g_assert_true (gs_comp_set_band_rate (plan, AE, OWN, 1, 2.0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 10040000);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_set_band_edge (plan, AE, OWN, 1, 1.2, &error));
  t = &role_of (plan, AE)->components[OWN].table;
  g_assert_cmpfloat (t->bands[0].to, ==, 1.2);
  g_assert_cmpfloat (t->bands[1].from, ==, 1.2);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9200000);
  assert_undoes (plan, before);

  /* Past the next boundary (150 %) the bands would overlap. */
  assert_refused (plan, gs_comp_set_band_edge (plan, AE, OWN, 1, 1.6, &error), &error,
                  "compensation.roles[0].components[0].table.bands", "", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_set_band_rate (plan, AE, OWN, 1, -1, &error), &error,
                  "compensation.roles[0].components[0]", "0 or more", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_set_band_edge (plan, AE, COMPANY, 1, 1, &error), &error,
                  "compensation.roles[0].components[1]", "flat table", before);
  g_clear_error (&error);

  /* A band above the open last one, at its rate: pay does not move; removing
   * it gives back the table to the byte. */
  g_assert_true (gs_comp_add_band (plan, AE, OWN, &error));
  t = &role_of (plan, AE)->components[OWN].table;
  g_assert_cmpuint (t->n_bands, ==, 4);
  g_assert_cmpfloat (t->bands[2].to, ==, 2.0);
  g_assert_cmpfloat (t->bands[3].rate, ==, 2.0);
  /* 220 %: own 56,000 + 42,000 + 56,000 + 22,400 = 176,400, capped at
   * 168,000; company 35,200; MQL 17,600 → 220,800.00, as before the band. */
  g_assert_cmpint (ae_total (plan, 2.2), ==, 22080000);
  g_assert_true (gs_comp_remove_band (plan, AE, OWN, 3, &error));
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, before);
  }
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);

  /* Removing the first band: the second starts at 0, so 115 % pays
   * 1.15 × 56,000 × 1.5 = 96,600 + 18,400 + 9,200 = 124,200.00. */
  g_assert_true (gs_comp_remove_band (plan, AE, OWN, 0, &error));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 12420000);
  assert_undoes (plan, before);

  /* MQL follow-up keeps at least one band. */
  g_assert_true (gs_comp_remove_band (plan, AE, MQL, 0, &error));
  g_assert_true (gs_comp_remove_band (plan, AE, MQL, 0, &error));
  {
    g_autofree char *one = gs_plan_to_text (plan);
    g_assert_false (gs_comp_remove_band (plan, AE, MQL, 0, &error));
    g_assert_nonnull (strstr (error->message, "keeps at least one band"));
    g_free (before);
    before = gs_plan_to_text (plan);
    g_assert_cmpstr (before, ==, one);
  }
}

/* Flat keeps the first band's rate: 115 % pays 1.15 × 56,000 = 64,400 →
 * 92,000.00; back to marginal is one open band at that rate, the same pay. */
static void
test_table_kind_and_basis (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *original = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsRateTable *t;

  g_assert_true (gs_comp_set_table_kind (plan, AE, OWN, GS_TABLE_FLAT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9200000);
  g_assert_true (gs_comp_set_table_kind (plan, AE, OWN, GS_TABLE_MARGINAL, &error));
  t = &role_of (plan, AE)->components[OWN].table;
  g_assert_cmpuint (t->n_bands, ==, 1);
  g_assert_true (isinf (t->bands[0].to));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9200000);
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);

  /* As a commission on the amount: 0 – 520,000.00 at 56,000 ÷ 520,000 =
   * 10.769 %, 520,000.00 – 780,000.00 at 16.154 %, above at 21.538 %: the
   * same 68,600.00 at 598,000.00 (115 %). */
  g_assert_true (gs_comp_set_table_basis (plan, AE, OWN, GS_BASIS_AMOUNT, &error));
  g_assert_no_error (error);
  t = &role_of (plan, AE)->components[OWN].table;
  g_assert_cmpint (t->basis, ==, GS_BASIS_AMOUNT);
  g_assert_cmpfloat (t->bands[1].from, ==, 52000000);
  g_assert_cmpfloat (t->bands[1].to, ==, 78000000);
  g_assert_cmpfloat_with_epsilon (t->bands[1].rate, 1.5 * 56000.0 / 520000.0, 1e-15);
  g_assert_cmpint (ae_component (plan, OWN, 1.15), ==, 6860000);
  /* A share is no amount. */
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_false (gs_comp_set_table_basis (plan, AE, MQL, GS_BASIS_AMOUNT, &error));
    g_assert_nonnull (strstr (error->message, "needs a money measure"));
    g_clear_error (&error);
    /* Nor can an amount table be paid on a count. */
    g_assert_false (gs_comp_set_measure (plan, AE, OWN, GS_MEASURE_SQLS_ACCEPTED, &error));
    g_assert_nonnull (strstr (error->message, "switch the table to attainment"));
    g_clear_error (&error);
    g_free (before);
    before = g_steal_pointer (&now);
  }
  g_assert_true (gs_comp_set_table_basis (plan, AE, OWN, GS_BASIS_ATTAINMENT, &error));
  t = &role_of (plan, AE)->components[OWN].table;
  g_assert_cmpfloat_with_epsilon (t->bands[1].from, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (t->bands[1].rate, 1.5, 1e-12);
  g_assert_cmpint (ae_component (plan, OWN, 1.15), ==, 6860000);
  /* Undo gives back the amount table, then the plan as it was. */
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, before);
  }
  assert_undoes (plan, original);
}

/* An accelerator above 100 % at 1.5 × on own bookings: the 100–115 % slice
 * pays 0.15 × 56,000 × 1.5 × 1.5 = 18,900 instead of 12,600, so 115 % pays
 * 96,200.00 + 6,300.00 = 102,500.00.  Raised to 2 ×: 0.15 × 56,000 × 1.5 × 2 =
 * 25,200 → 108,800.00. */
static void
test_accelerators (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *one = NULL;
  g_autoptr (GError) error = NULL;
  const GsCompComponent *c;

  g_assert_true (gs_comp_add_accelerator (plan, AE, OWN, &error));
  g_assert_no_error (error);
  c = &role_of (plan, AE)->components[OWN];
  g_assert_cmpuint (c->n_tiers, ==, 1);
  g_assert_cmpfloat (c->tiers[0].above, ==, 1.0);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 10250000);
  one = gs_plan_to_text (plan);

  g_assert_true (gs_comp_set_accelerator (plan, AE, OWN, 0, 1.0, 2.0, &error));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 10880000);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 10250000);

  /* A second tier a quarter above the first (125 %): 115 % is below it. */
  g_assert_true (gs_comp_add_accelerator (plan, AE, OWN, &error));
  c = &role_of (plan, AE)->components[OWN];
  g_assert_cmpfloat (c->tiers[1].above, ==, 1.25);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 10250000);
  {
    g_autofree char *two = gs_plan_to_text (plan);
    /* Tiers must rise; below quota is a decelerator's job. */
    g_assert_false (gs_comp_set_accelerator (plan, AE, OWN, 1, 1.0, 2, &error));
    g_assert_nonnull (strstr (error->message, "accelerators[1].above"));
    g_assert_nonnull (strstr (error->message, "tiers must rise"));
    g_clear_error (&error);
    g_assert_false (gs_comp_set_accelerator (plan, AE, OWN, 0, 0.9, 2, &error));
    g_assert_nonnull (strstr (error->message, "starts at 100 %"));
    g_clear_error (&error);
    g_assert_false (gs_comp_remove_accelerator (plan, AE, OWN, 2, &error));
    g_assert_nonnull (strstr (error->message, "no accelerator 3"));
    g_clear_error (&error);
    g_free (one);
    one = gs_plan_to_text (plan);
    g_assert_cmpstr (one, ==, two);
  }
  g_assert_true (gs_comp_remove_accelerator (plan, AE, OWN, 1, &error));
  g_assert_true (gs_comp_remove_accelerator (plan, AE, OWN, 0, &error));
  {
    /* No tiers left: the member is gone, as before. */
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, before);
  }
}

/* A decelerator below 50 % at × 0.5 on own bookings: at 40 % the whole slice
 * is below, 0.4 × 56,000 × 0.5 = 11,200.00 instead of 22,400.00; at × 0.25
 * (retroactive) it is 0.4 × 56,000 × 0.25 = 5,600.00. */
static void
test_decelerator (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (ae_component (plan, OWN, 0.4), ==, 2240000);
  g_assert_true (gs_comp_add_decelerator (plan, AE, OWN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ae_component (plan, OWN, 0.4), ==, 1120000);
  /* Not retroactive: the slice below 50 % pays half at any attainment,
   * 96,200.00 − 0.5 × 56,000 × 0.5 = 82,200.00 at 115 %. */
  g_assert_cmpint (ae_total (plan, 1.15), ==, 8220000);
  g_assert_true (gs_comp_set_decelerator (plan, AE, OWN, 0.5, 0.25, TRUE, &error));
  g_assert_true (role_of (plan, AE)->components[OWN].decel.retroactive);
  g_assert_cmpint (ae_component (plan, OWN, 0.4), ==, 560000);
  /* Retroactive: only a year that ends below 50 % is cut. */
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9620000);
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_false (gs_comp_set_decelerator (plan, AE, OWN, 0.5, 1.5, FALSE, &error));
    g_assert_nonnull (strstr (error->message, "a decelerator pays less"));
    g_clear_error (&error);
    g_assert_false (gs_comp_add_decelerator (plan, AE, OWN, &error));
    g_assert_nonnull (strstr (error->message, "already has a decelerator"));
    g_clear_error (&error);
    g_free (before);
    before = g_steal_pointer (&now);
  }
  g_assert_true (gs_comp_remove_decelerator (plan, AE, OWN, &error));
  g_assert_cmpint (ae_component (plan, OWN, 0.4), ==, 2240000);
  g_assert_false (gs_comp_remove_decelerator (plan, AE, OWN, &error));
  g_assert_nonnull (strstr (error->message, "has no decelerator"));
}

/* Company bookings is gated at 50 % of own bookings: at 40 % it pays 0;
 * without the gate 0.4 × 16,000 = 6,400.00.  A gate on the whole role (own
 * bookings, 50 %) shuts everything at 40 %. */
static void
test_gates (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (ae_component (plan, COMPANY, 0.4), ==, 0);
  g_assert_true (gs_comp_remove_gate (plan, AE, COMPANY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ae_component (plan, COMPANY, 0.4), ==, 640000);
  assert_undoes (plan, before);

  /* Moved to 30 %: 40 % passes it. */
  g_assert_true (gs_comp_set_gate (plan, AE, COMPANY, GS_MEASURE_OWN_BOOKINGS, 0.3, &error));
  g_assert_cmpint (ae_component (plan, COMPANY, 0.4), ==, 640000);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_add_gate (plan, AE, GS_COMP_WHOLE_ROLE, &error));
  g_assert_true (role_of (plan, AE)->gate.present);
  g_assert_cmpint (role_of (plan, AE)->gate.measure, ==, GS_MEASURE_OWN_BOOKINGS);
  {
    g_autoptr (GsCompRolePayout) rp = at (plan, AE, 0.4);
    g_assert_cmpint (rp->people[0]->earned, ==, 0);
  }
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9620000);
  assert_undoes (plan, before);

  assert_refused (plan, gs_comp_remove_gate (plan, AE, OWN, &error), &error,
                  "compensation.roles[0].components[0]", "has no gate", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_add_gate (plan, AE, COMPANY, &error), &error,
                  "compensation.roles[0].components[1]", "already has a gate", before);
}

/* Own bookings is capped at 3 × 56,000.00.  At 1.2 × (67,200.00) the 68,600.00
 * earned at 115 % is cut by 1,400.00: 94,800.00.  At 60,000.00: 87,600.00. */
static void
test_caps (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_set_cap_of_target (plan, AE, OWN, 1.2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (role_of (plan, AE)->components[OWN].cap.amount, ==, 6720000);
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9480000);
  assert_undoes (plan, before);

  g_assert_true (gs_comp_set_cap_amount (plan, AE, OWN, 6000000, &error));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 8760000);
  assert_undoes (plan, before);

  /* Below the target incentive: the engine's decode message. */
  assert_refused (plan, gs_comp_set_cap_amount (plan, AE, OWN, 5000000, &error), &error,
                  "compensation.roles[0].components[0].cap",
                  "a cap must leave at least the target payable", before);
  g_clear_error (&error);
  assert_refused (plan, gs_comp_set_cap_of_target (plan, AE, OWN, 0.5, &error), &error,
                  "compensation.roles[0].components[0].cap",
                  "a cap must leave at least the target payable", before);
  g_clear_error (&error);

  /* Without the cap nothing changes at 115 %; a new cap is 2 × target. */
  g_assert_true (gs_comp_remove_cap (plan, AE, OWN, &error));
  g_assert_cmpint (ae_total (plan, 1.15), ==, 9620000);
  g_assert_true (gs_comp_add_cap (plan, AE, OWN, &error));
  g_assert_cmpint (role_of (plan, AE)->components[OWN].cap.amount, ==, 11200000);
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* The boundary rule: a value exactly on 100 % belongs to the lower band. */
static void
test_boundary_rule (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_comp_set_boundary_rule (plan, GS_BOUNDARY_LOWER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gs_plan_get_comp (plan, NULL)->boundary, ==, GS_BOUNDARY_LOWER);
  assert_undoes (plan, before);
}

/* A value edit of a role with people sets back only the member it changed:
 * the people list stays the very node the plan held (shared, not copied),
 * the file is what the whole role set back would give, undo and redo step
 * over it. */
static void
test_narrow (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  g_autoptr (JsonNode) want = NULL;
  g_autofree char *before = NULL, *after_ote = NULL, *after_weight = NULL;
  JsonNode *people;
  JsonArray *list = json_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *person = json_object_new ();
      g_autofree char *name = g_strdup_printf ("Manager %u", i);
      json_object_set_string_member (person, "name", name);
      json_array_add_object_element (list, person);
    }
  g_assert_true (gs_plan_set (plan, "compensation.roles[2].people",
                              json_node_init_array (json_node_alloc (), list), &error));
  json_array_unref (list);
  g_assert_no_error (error);
  before = gs_plan_to_text (plan);
  people = gs_plan_lookup (plan, "compensation.roles[2].people");

  /* OTE 280,000.00 → 300,000.00: the role's own member. */
  want = gs_json_deep_copy (gs_plan_get_root (plan));
  g_assert_true (gs_json_replace (want, "compensation.roles[2].ote",
                                  gs_json_money_node (30000000, 2), &error));
  g_assert_true (gs_comp_set_ote (plan, 2, 30000000, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_lookup (plan, "compensation.roles[2].people") == people);
  after_ote = gs_plan_to_text (plan);
  {
    g_autofree char *text = gs_json_to_text (want);
    g_assert_cmpstr (after_ote, ==, text);
  }
  g_assert_cmpint (gs_plan_get_model (plan)->comp->roles[2].ote, ==, 30000000);

  /* A component's weight 0.7 → 0.6: inside one component. */
  g_assert_true (gs_comp_set_weight (plan, 2, 0, 0.6, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_lookup (plan, "compensation.roles[2].people") == people);
  g_assert_cmpfloat (gs_plan_get_model (plan)->comp->roles[2].components[0].weight, ==, 0.6);
  after_weight = gs_plan_to_text (plan);

  /* Two undo steps, back to the people alone; and forward again. */
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *text = gs_plan_to_text (plan);
    g_assert_cmpstr (text, ==, after_ote);
  }
  g_assert_true (gs_plan_undo (plan));
  {
    g_autofree char *text = gs_plan_to_text (plan);
    g_assert_cmpstr (text, ==, before);
  }
  g_assert_true (gs_plan_redo (plan));
  g_assert_true (gs_plan_redo (plan));
  {
    g_autofree char *text = gs_plan_to_text (plan);
    g_assert_cmpstr (text, ==, after_weight);
  }
  g_assert_cmpuint (gs_plan_get_model (plan)->comp->roles[2].n_people, ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp-edits/baseline", test_baseline);
  g_test_add_func ("/comp-edits/pay", test_pay);
  g_test_add_func ("/comp-edits/headcount", test_headcount);
  g_test_add_func ("/comp-edits/quota", test_quota);
  g_test_add_func ("/comp-edits/weight", test_weight);
  g_test_add_func ("/comp-edits/component", test_component);
  g_test_add_func ("/comp-edits/bands", test_bands);
  g_test_add_func ("/comp-edits/table-kind-and-basis", test_table_kind_and_basis);
  g_test_add_func ("/comp-edits/accelerators", test_accelerators);
  g_test_add_func ("/comp-edits/decelerator", test_decelerator);
  g_test_add_func ("/comp-edits/gates", test_gates);
  g_test_add_func ("/comp-edits/caps", test_caps);
  g_test_add_func ("/comp-edits/boundary-rule", test_boundary_rule);
  g_test_add_func ("/comp-edits/narrow", test_narrow);
  return g_test_run ();
}
