/* test-comp-extras.c — SPIFs, draws, clawbacks and discount tables edited:
 * their effect worked by hand, refusals in words, undo byte for byte.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/examples/seed-saas.goalsheet: the SDR (role 1) has OTE 90,000.00 at
 * 30 % → target incentive 27,000.00, three people (two on staff and one hire)
 * and no SPIF, draw or clawback; the AE (role 0) has a SPIF (multi-year: a
 * rule, terms of 24 months or more; the file is format 1.3), a draw and a
 * 90-day clawback; its company-bookings component (16,000.00, flat 1) has no
 * discount table (own bookings, 56,000.00, has 0.9 from 10 % off).  The plan starts in February
 * 2027.
 */
#include "test-comp-util.h"
#include "gs-comp-extras.h"

#define AE 0
#define SDR 1
#define COMPANY 1

static const GsCompRole *
role_of (GsPlan *plan, guint r)
{
  return &gs_plan_get_comp (plan, NULL)->roles[r];
}

/* Everyone on the role at 100 %, a full year, plus expected SPIF events. */
static GsMoney
role_variable (GsPlan *plan, guint r)
{
  GsCompAtPlan at = { 0 };
  g_autoptr (GError) error = NULL;
  GsMoney v;
  g_assert_true (gs_comp_at_plan (gs_plan_get_comp (plan, NULL), &at, &error));
  g_assert_no_error (error);
  v = at.role_variable[r];
  gs_comp_at_plan_clear (&at);
  return v;
}

/* A SPIF of 500.00 per event, one expected per person: the SDRs' variable
 * pay at 100 % rises by 3 × 500.00 = 1,500.00; at 750.00 and 2 events by
 * 3 × 1,500.00 = 4,500.00. */
static void
test_spif (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  GsMoney base = role_variable (plan, SDR);
  const GsSpif *s;
  GDate from, to;

  g_assert_cmpuint (role_of (plan, SDR)->headcount, ==, 3);
  g_assert_true (gs_comp_add_spif (plan, SDR, &error));
  g_assert_no_error (error);
  s = &role_of (plan, SDR)->spifs[0];
  g_assert_cmpstr (s->id, ==, "spif");
  g_assert_cmpstr (s->name, ==, "New SPIF");
  g_assert_cmpint (s->amount, ==, 50000);
  g_assert_cmpint (g_date_get_day (&s->from), ==, 1);
  g_assert_cmpint (g_date_get_month (&s->from), ==, 2);
  g_assert_cmpint (g_date_get_month (&s->to), ==, 4);
  g_assert_cmpint (g_date_get_day (&s->to), ==, 30);
  g_assert_cmpint (role_variable (plan, SDR) - base, ==, 150000);

  g_assert_true (gs_comp_set_spif_amount (plan, SDR, 0, 75000, &error));
  g_assert_true (gs_comp_set_spif_events (plan, SDR, 0, 2, &error));
  g_assert_true (gs_comp_set_spif_name (plan, SDR, 0, " Q1 meetings ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (role_of (plan, SDR)->spifs[0].name, ==, "Q1 meetings");
  g_assert_cmpint (role_variable (plan, SDR) - base, ==, 450000);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 4, 2027);
  g_date_set_dmy (&to, 30, 6, 2027);
  g_assert_true (gs_comp_set_spif_dates (plan, SDR, 0, &from, &to, &error));
  g_assert_cmpint (g_date_get_month (&role_of (plan, SDR)->spifs[0].to), ==, 6);
  {
    g_autofree char *edited = gs_plan_to_text (plan);
    g_assert_true (refused_saying (gs_comp_set_spif_dates (plan, SDR, 0, &to, &from, &error),
                                   &error, "SPIF “Q1 meetings”: it ends on or after the day"));
    g_assert_true (refused_saying (gs_comp_set_spif_amount (plan, SDR, 0, 0, &error), &error,
                                   "the amount per event must be more than zero"));
    g_assert_true (refused_saying (gs_comp_set_spif_events (plan, SDR, 0, -1, &error), &error,
                                   "events expected per person"));
    g_assert_true (refused_saying (gs_comp_set_spif_name (plan, SDR, 0, " ", &error), &error,
                                   "A SPIF needs a name"));
    g_assert_true (refused_saying (gs_comp_remove_spif (plan, SDR, 3, &error), &error,
                                   "Sales development rep has no SPIF 4"));
    assert_unchanged (plan, edited);
  }
  g_assert_true (gs_comp_remove_spif (plan, SDR, 0, &error));
  g_assert_cmpuint (role_of (plan, SDR)->n_spifs, ==, 0);
  g_assert_null (gs_plan_lookup (plan, "compensation.roles[1].spifs"));
  for (guint i = 0; i < 5; i++)
    g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* The draw added is a twelfth of 27,000.00 = 2,250.00 a month for 3 months,
 * recoverable. */
static void
test_draw (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsDraw *d;

  g_assert_true (gs_comp_add_draw (plan, SDR, &error));
  g_assert_no_error (error);
  d = &role_of (plan, SDR)->draw;
  g_assert_true (d->present);
  g_assert_cmpint (d->amount, ==, 225000);
  g_assert_cmpuint (d->months, ==, 3);
  g_assert_true (d->recoverable);
  g_assert_true (gs_comp_set_draw (plan, SDR, 300000, 6, FALSE, &error));
  d = &role_of (plan, SDR)->draw;
  g_assert_cmpint (d->amount, ==, 300000);
  g_assert_cmpuint (d->months, ==, 6);
  g_assert_false (d->recoverable);
  {
    g_autofree char *edited = gs_plan_to_text (plan);
    g_assert_true (refused_saying (gs_comp_set_draw (plan, SDR, 300000, 13, FALSE, &error), &error,
                                   "a draw runs for 1 to 12 months"));
    g_assert_true (refused_saying (gs_comp_set_draw (plan, SDR, 0, 3, FALSE, &error), &error,
                                   "a draw pays more than zero a month"));
    g_assert_true (
        refused_saying (gs_comp_add_draw (plan, SDR, &error), &error, "already has a draw"));
    assert_unchanged (plan, edited);
  }
  g_assert_true (gs_comp_remove_draw (plan, SDR, &error));
  g_assert_false (role_of (plan, SDR)->draw.present);
  g_assert_true (refused_saying (gs_comp_set_draw (plan, SDR, 100, 1, TRUE, &error), &error,
                                 "has no draw; add one first"));
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

static void
test_clawback (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (role_of (plan, AE)->clawback.days, ==, 90);
  g_assert_true (gs_comp_set_clawback_days (plan, AE, 120, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (role_of (plan, AE)->clawback.days, ==, 120);
  assert_undoes (plan, before);
  g_assert_true (refused_saying (gs_comp_set_clawback_days (plan, AE, 0, &error), &error,
                                 "a clawback window is 1 to 3,650 days"));
  g_assert_true (refused_saying (gs_comp_add_clawback (plan, AE, &error), &error,
                                 "Account executive already has a clawback"));
  g_assert_true (gs_comp_remove_clawback (plan, AE, &error));
  g_assert_false (role_of (plan, AE)->clawback.present);
  g_assert_true (gs_comp_add_clawback (plan, AE, &error));
  g_assert_cmpuint (role_of (plan, AE)->clawback.days, ==, 90);
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* The clawback's share and a SPIF's rule: each one undoable edit that
 * raises the plan to format 1.3 with it (undo takes the version back too);
 * the window kept when the share changes and the share when the window
 * does; refusals in words. */
/* The seed plan as format 1.0 had it: its SPIF without a rule. */
static GsPlan *
seed_saas_1_0 (void)
{
  g_autoptr (GsPlan) seed = seed_saas ();
  g_autofree char *text = gs_plan_to_text (seed);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = gs_json_parse (text, -1, &error);
  g_autofree char *plain = NULL;
  GsPlan *plan;
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (root), "version", "1.0");
  json_object_remove_member (
      json_node_get_object (gs_json_lookup (root, "compensation.roles[0].spifs[0]")), "qualifies");
  plain = gs_json_to_text (root);
  plan = gs_plan_new_from_text (plain, -1, &error);
  g_assert_no_error (error);
  g_assert_false (role_of (plan, AE)->spifs[0].rule.present);
  return plan;
}

static void
test_share_and_rule (void)
{
  g_autoptr (GsPlan) plan = seed_saas_1_0 ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  GsSpifRule rule = { 0 };
  int partner = -1;
  const GsModel *m;
  const GsSpifRule *got;

  g_assert_true (gs_comp_set_clawback_share (plan, AE, 0.5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (role_of (plan, AE)->clawback.share, ==, 0.5);
  g_assert_cmpuint (role_of (plan, AE)->clawback.days, ==, 90);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.3");
  g_assert_true (gs_comp_set_clawback_days (plan, AE, 60, &error));
  g_assert_cmpfloat (role_of (plan, AE)->clawback.share, ==, 0.5);
  g_assert_true (refused_saying (gs_comp_set_clawback_share (plan, AE, 0, &error), &error,
                                 "a clawback takes back more than 0 % and at most 100 %"));
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);

  m = gs_plan_get_model (plan);
  for (guint i = 0; i < m->n_sources; i++)
    if (g_str_has_prefix (m->sources[i].id, "partner"))
      partner = (int) i;
  g_assert_cmpint (partner, >=, 0);
  rule.present = TRUE;
  rule.min_amount = 5000000; /* 50,000.00 */
  rule.sources = &partner;
  rule.n_sources = 1;
  rule.deal_type = GS_DEAL_TYPE_NEW;
  rule.min_term_months = 24;
  rule.max_discount = -1;
  g_assert_true (gs_comp_set_spif_rule (plan, AE, 0, &rule, &error));
  g_assert_no_error (error);
  got = &role_of (plan, AE)->spifs[0].rule;
  g_assert_true (got->present);
  g_assert_cmpint (got->min_amount, ==, 5000000);
  g_assert_cmpuint (got->n_sources, ==, 1);
  g_assert_cmpint (got->sources[0], ==, partner);
  g_assert_cmpint (got->deal_type, ==, GS_DEAL_TYPE_NEW);
  g_assert_cmpuint (got->min_term_months, ==, 24);
  g_assert_cmpfloat (got->max_discount, <, 0);
  g_assert_false (got->tagged);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.3");
  rule.min_amount = -1;
  g_assert_true (refused_saying (gs_comp_set_spif_rule (plan, AE, 0, &rule, &error), &error,
                                 "the smallest qualifying deal cannot be negative"));
  g_assert_true (gs_comp_set_spif_rule (plan, AE, 0, NULL, &error));
  g_assert_false (role_of (plan, AE)->spifs[0].rule.present);
  g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

/* The sources a SPIF's rule is limited to, one source at a time: each an
 * undoable edit keeping the plan's order of sources (inbound, outbound,
 * partner) and the rest of the rule; none left, the member goes; refusals
 * in words. */
static void
test_rule_sources (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  g_autofree char *same = NULL;
  const GsModel *m = gs_plan_get_model (plan);
  char *ids;

  g_assert_cmpuint (m->n_sources, ==, 3);
  g_assert_cmpstr (m->sources[2].id, ==, "partner");
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 2, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "partner");
  g_free (ids);
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 0, TRUE, &error));
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "inbound,partner");
  g_free (ids);
  g_assert_cmpuint (role_of (plan, AE)->spifs[0].rule.n_sources, ==, 2);
  g_assert_cmpint (role_of (plan, AE)->spifs[0].rule.sources[0], ==, 0);
  g_assert_cmpint (role_of (plan, AE)->spifs[0].rule.sources[1], ==, 2);
  g_assert_cmpuint (role_of (plan, AE)->spifs[0].rule.min_term_months, ==, 24);
  /* Already so: no edit. */
  same = gs_plan_to_text (plan);
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 0, TRUE, &error));
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 1, FALSE, &error));
  {
    g_autofree char *now = gs_plan_to_text (plan);
    g_assert_cmpstr (now, ==, same);
  }
  g_assert_true (refused_saying (gs_comp_set_spif_rule_source (plan, AE, 0, 3, TRUE, &error),
                                 &error, "that source is not one of the plan's"));
  g_assert_true (refused_saying (gs_comp_set_spif_rule_source (plan, AE, 1, 0, TRUE, &error),
                                 &error, "has no SPIF 2"));
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 2, FALSE, &error));
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "inbound");
  g_free (ids);
  g_assert_true (gs_comp_set_spif_rule_source (plan, AE, 0, 0, FALSE, &error));
  g_assert_null (gs_plan_lookup (plan, "compensation.roles[0].spifs[0].qualifies.sources"));
  g_assert_cmpuint (role_of (plan, AE)->spifs[0].rule.n_sources, ==, 0);
  g_assert_cmpuint (role_of (plan, AE)->spifs[0].rule.min_term_months, ==, 24);
  /* Four edits, four undos. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);

  /* Without a rule there is nothing to limit. */
  g_assert_true (gs_comp_set_spif_rule (plan, AE, 0, NULL, &error));
  g_assert_true (refused_saying (gs_comp_set_spif_rule_source (plan, AE, 0, 0, TRUE, &error),
                                 &error, "has no rule to limit to sources: add one first"));
}

/* The AE at 100 % with a 15 % average discount: own bookings 56,000 × 0.9 =
 * 50,400.00, company 16,000.00, MQL 8,000.00 → 74,400.00.  With company rows
 * 0–10 % × 1 and from 10 % × 0.9: 14,400.00 → 72,800.00. */
static GsMoney
ae_at_15_percent_off (GsPlan *plan)
{
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  g_autoptr (GError) error = NULL;
  GsCompInput extras;
  GsMoney total;
  gs_comp_input_init (&extras);
  extras.discount = 0.15;
  {
    g_autoptr (GsCompRolePayout) rp
        = gs_comp_role_payout (comp, &comp->roles[AE], GS_COMP_AT_ATTAINMENT, 1.0, &extras, &error);
    g_assert_no_error (error);
    assert_trace_adds_up (rp->people[0]);
    total = rp->people[0]->total;
  }
  gs_comp_input_clear (&extras);
  return total;
}

static void
test_discount (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  g_autofree char *before = gs_plan_to_text (plan);
  g_autoptr (GError) error = NULL;
  const GsCompComponent *c;

  g_assert_cmpint (ae_at_15_percent_off (plan), ==, 7440000);
  g_assert_true (gs_comp_add_discount_row (plan, AE, COMPANY, &error));
  g_assert_no_error (error);
  c = &role_of (plan, AE)->components[COMPANY];
  g_assert_cmpuint (c->n_discount, ==, 1);
  g_assert_cmpint (ae_at_15_percent_off (plan), ==, 7440000);
  g_assert_true (gs_comp_add_discount_row (plan, AE, COMPANY, &error));
  c = &role_of (plan, AE)->components[COMPANY];
  g_assert_cmpuint (c->n_discount, ==, 2);
  g_assert_cmpfloat_with_epsilon (c->discount[1].from, 0.1, 1e-12);
  g_assert_cmpint (ae_at_15_percent_off (plan), ==, 7440000); /* same multiplier */
  g_assert_true (gs_comp_set_discount_row (plan, AE, COMPANY, 1, 0.1, 0.9, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ae_at_15_percent_off (plan), ==, 7280000);
  {
    g_autofree char *edited = gs_plan_to_text (plan);
    g_assert_true (
        refused_saying (gs_comp_set_discount_row (plan, AE, COMPANY, 1, 0.1, 1.5, &error), &error,
                        "a discount multiplier is from 0 to 1"));
    g_assert_true (refused_saying (gs_comp_set_discount_row (plan, AE, COMPANY, 0, 0.05, 1, &error),
                                   &error, "the first discount row starts at 0 %"));
    g_assert_true (refused_saying (gs_comp_set_discount_row (plan, AE, COMPANY, 1, 0, 0.9, &error),
                                   &error, "discount row 2 starts above the row before it"));
    g_assert_true (refused_saying (gs_comp_remove_discount_row (plan, AE, COMPANY, 4, &error),
                                   &error, "has no discount row 5"));
    assert_unchanged (plan, edited);
  }
  /* Removing the first row: the second starts at 0 % and applies to 15 %. */
  g_assert_true (gs_comp_remove_discount_row (plan, AE, COMPANY, 0, &error));
  c = &role_of (plan, AE)->components[COMPANY];
  g_assert_cmpuint (c->n_discount, ==, 1);
  g_assert_cmpfloat (c->discount[0].from, ==, 0);
  g_assert_cmpint (ae_at_15_percent_off (plan), ==, 7280000);
  g_assert_true (gs_comp_remove_discount_row (plan, AE, COMPANY, 0, &error));
  g_assert_null (gs_plan_lookup (plan, "compensation.roles[0].components[1].discount_modifier"));
  for (guint i = 0; i < 4; i++)
    g_assert_true (gs_plan_undo (plan));
  assert_undoes (plan, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comp-extras/spif", test_spif);
  g_test_add_func ("/comp-extras/draw", test_draw);
  g_test_add_func ("/comp-extras/clawback", test_clawback);
  g_test_add_func ("/comp-extras/share-and-rule", test_share_and_rule);
  g_test_add_func ("/comp-extras/rule-sources", test_rule_sources);
  g_test_add_func ("/comp-extras/discount", test_discount);
  return g_test_run ();
}
