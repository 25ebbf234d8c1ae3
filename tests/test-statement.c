/* test-statement.c — a year of pay from the actuals and its statements,
 * worked by hand (gs-statement.h, gs-deal-pay.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-pay-util.h) from January 2027.  The AE role is patched:
 * OTE 80,000.00 at 50 % → TI 40,000.00, quota 400,000.00, quarterly, year to
 * date, a BAND table (the whole value at 1 below 100 %, 1.5 from 100 %), a
 * recoverable draw of 2,000.00 for 3 months, a clawback window of 90 days.
 * SDR, manager and marketing roles pay once a year, flat 1.
 *
 * Deals:
 *  D1 100,000.00 won 20 Jan, inbound (marketing's), split ann 80 % / omar 20 %,
 *     overlay bob 50 %; refunded 15 Apr (85 days: inside the window).
 *  D2 240,000.00 won 10 Feb, ann.
 *  D3 150,000.00 won 5 May, ann.
 *
 * Ann (80,000 + 240,000 + 150,000 = 470,000 own bookings):
 *  D1 80,000: YTD 20 % → 0.2 × 40,000 × 1 = 8,000.00, paid at the end of Q1 (March).
 *  D2: YTD 320,000 (80 %) → 32,000.00 − 8,000 = 24,000.00 (March).
 *  D3: YTD 470,000 (117.5 %) reaches the 1.5 band, which re-rates the year:
 *      1.175 × 40,000 × 1.5 = 70,500.00, less 32,000 paid = 38,500.00 (June).
 *      Read as marginal (no retroactive rule) the deal adds
 *      (40,000 + 0.175 × 40,000 × 1.5) − 32,000 = 50,500 − 32,000 = 18,500.00: its commission;
 *      the rest, 20,000.00, is the TRUE-UP of the earlier 320,000 and D3's first
 *      80,000 re-rated from 1 to 1.5 (400,000 ÷ 400,000 × 40,000 × 0.5).
 *  Clawback (April, the refund's month): with D1 70,500.00; without its 80,000:
 *      390,000 (97.5 %) → 0.975 × 40,000 × 1 = 39,000.00 → −31,500.00.
 *  Draw: January and February earn 0 → +2,000.00 each; March earns 32,000 ≥ 2,000
 *      → recovers min(4,000, 32,000 − 2,000) = −4,000.00.
 *  Year: 8,000 + 24,000 + 18,500 + 20,000 − 31,500 + 2,000 + 2,000 − 4,000 = 39,000.00.
 *  March statement: 8,000 + 24,000 − 4,000 = 28,000.00; YTD 32,000.00.
 *  FY27 Q2 (Apr–Jun): −31,500 + 18,500 + 20,000 = 7,000.00; YTD 39,000.00.
 * Bob (overlay 50,000): Q1 12.5 % → 5,000.00 (March); clawback −5,000.00 (April);
 *  draw +2,000 +2,000, March recovers min(4,000, 5,000 − 2,000) = −3,000.00 → 1,000.00.
 * Omar (SDR, 20,000 of 100,000, TI 10,000): 2,000.00 in December.
 * Sam (manager, team = the AEs' revenue credit 80,000 + 240,000 + 150,000 = 470,000 of
 *  1,000,000, TI 20,000): 9,400.00.  Mia (marketing, D1 inbound 100,000 of 1,000,000,
 *  TI 10,000): 1,000.00.
 * Roles: ae 40,000.00, sdr 2,000.00, manager 9,400.00, marketing 1,000.00; company 52,400.00.
 */
#include "gs-statement.h"
#include "test-pay-util.h"

#define K(x) ((gint64) (x) *100)

static GsModel *
model (GsCompModel **comp)
{
  const char *const patches[] = { "compensation.roles[0]", pay_ae_role, NULL };
  return pay_model (pay_year_deals, patches, comp);
}

static GsStatement *
statement (const GsModel *m, const GsCompModel *comp, const char *who, const char *period)
{
  g_autoptr (GError) error = NULL;
  GsPayPeriod p;
  int person = gs_pay_find_person (m, who);
  GsStatement *s;
  g_assert_cmpint (person, >=, 0);
  g_assert_true (gs_pay_period_parse (m, period, &p, &error));
  g_assert_no_error (error);
  s = gs_statement_new (m, comp, (guint) person, &p, &error);
  g_assert_no_error (error);
  return s;
}

static const GsCommissionLine *
find (const GsPayYear *y, const char *deal, guint month, GsPayKind kind)
{
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      if (g_strcmp0 (l->deal, deal) == 0 && l->month == month && l->kind == kind)
        return l;
    }
  g_error ("no %s line for %s in month %u", gs_pay_kind_ids[kind], deal ? deal : "-", month);
  return NULL;
}

static void
test_ann (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = model (&comp);
  g_autoptr (GsStatement) march = statement (m, comp, "Ann Lee", "2027-03");
  g_autoptr (GsStatement) q2 = statement (m, comp, "ann", "FY27 Q2");
  const GsPayYear *y = march->year;
  const GsDealPay *d3;

  g_assert_cmpuint (y->lines->len, ==, 8);
  g_assert_cmpint (find (y, "D1", 2, GS_PAY_COMMISSION)->amount, ==, K (8000));
  g_assert_cmpint (find (y, "D2", 2, GS_PAY_COMMISSION)->amount, ==, K (24000));
  g_assert_cmpint (find (y, "D3", 5, GS_PAY_COMMISSION)->amount, ==, K (18500));
  g_assert_cmpint (find (y, "D3", 5, GS_PAY_TRUE_UP)->amount, ==, K (20000));
  g_assert_cmpint (find (y, "D1", 3, GS_PAY_CLAWBACK)->amount, ==, K (-31500));
  g_assert_cmpint (find (y, NULL, 0, GS_PAY_DRAW)->amount, ==, K (2000));
  g_assert_cmpint (find (y, NULL, 1, GS_PAY_DRAW)->amount, ==, K (2000));
  g_assert_cmpint (find (y, NULL, 2, GS_PAY_DRAW_RECOVERY)->amount, ==, K (-4000));
  g_assert_cmpint (y->total, ==, K (39000));
  g_assert_cmpint (y->total, ==, y->payout->total);

  /* The per-deal payout: D3 at 117.5 % year to date. */
  d3 = &g_array_index (y->deals, GsDealPay, 2);
  g_assert_cmpfloat (d3->ytd, ==, (double) K (470000));
  g_assert_cmpfloat_with_epsilon (d3->attainment, 1.175, 1e-12);
  g_assert_cmpint (d3->earned, ==, K (70500));

  g_assert_cmpint (march->paid, ==, K (28000));
  g_assert_cmpint (march->paid_ytd, ==, K (32000));
  g_assert_cmpint (march->by_kind[GS_PAY_DRAW_RECOVERY], ==, K (-4000));
  g_assert_cmpfloat (march->measure[GS_MEASURE_OWN_BOOKINGS], ==, 0);
  g_assert_cmpfloat (march->measure_ytd[GS_MEASURE_OWN_BOOKINGS], ==, (double) K (320000));
  g_assert_cmpfloat (march->quota[GS_MEASURE_OWN_BOOKINGS], ==, (double) K (400000));
  /* 320,000 of 400,000 to date = 80 %; a measure without a quota is at 0. */
  g_assert_cmpfloat_with_epsilon (march->attainment[GS_MEASURE_OWN_BOOKINGS], 0.8, 1e-12);
  g_assert_cmpfloat (march->attainment[GS_MEASURE_TEAM_BOOKINGS], ==, 0);
  g_assert_cmpuint (q2->period.first, ==, 3);
  g_assert_cmpuint (q2->period.last, ==, 5);
  g_assert_cmpint (q2->paid, ==, K (7000));
  g_assert_cmpint (q2->by_kind[GS_PAY_TRUE_UP], ==, K (20000));
  g_assert_cmpint (q2->by_kind[GS_PAY_CLAWBACK], ==, K (-31500));
  g_assert_cmpint (q2->paid_ytd, ==, K (39000));
}

static void
test_company (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = model (&comp);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPayCompany) c = gs_pay_company (m, comp, &error);
  static const gint64 people[] = { K (39000), K (1000), K (2000), K (9400), K (1000) };
  GsMoney sum = 0;

  g_assert_no_error (error);
  for (guint p = 0; p < 5; p++)
    {
      const GsPayYear *y = g_ptr_array_index (c->years, p);
      g_assert_cmpint (y->total, ==, people[p]);
      g_assert_cmpint (y->total, ==, y->payout->total);
      sum += y->total;
    }
  g_assert_cmpint (find (g_ptr_array_index (c->years, 1), "D1", 3, GS_PAY_CLAWBACK)->amount, ==,
                   K (-5000));
  g_assert_cmpint (c->role_total[0], ==, K (40000));
  g_assert_cmpint (c->role_total[1], ==, K (2000));
  g_assert_cmpint (c->role_total[2], ==, K (9400));
  g_assert_cmpint (c->role_total[3], ==, K (1000));
  g_assert_cmpint (c->total, ==, K (52400));
  g_assert_cmpint (c->total, ==, sum);
  /* By month: March pays Ann 28,000, Bob 5,000 − 3,000; the AE role in
   * April the two clawbacks; December Omar's, Sam's and Mia's years. */
  g_assert_cmpint (c->role_month[0 * 12 + 2], ==, K (28000 + 2000));
  g_assert_cmpint (c->role_month[0 * 12 + 3], ==, K (-31500 - 5000));
  g_assert_cmpint (c->month[11], ==, K (2000 + 9400 + 1000));
  sum = 0;
  for (guint mo = 0; mo < 12; mo++)
    sum += c->month[mo];
  g_assert_cmpint (sum, ==, K (52400));
}

/* Invariants on generated deals, with caps: every person's lines add up to
 * their gs_comp_payout total, people to roles to the company, to the cent;
 * commission never exceeds the role's cap. */
static void
test_invariants (void)
{
  const char *const patches[] = { "compensation.roles[0]",
                                  pay_ae_role,
                                  "compensation.roles[0].cap",
                                  "{\"of_target\": 1.5}",
                                  "compensation.roles[0].components[0].cap",
                                  "{\"of_target\": 1.4}",
                                  NULL };
  GString *json = g_string_new ("[");
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsPayCompany) c = NULL;
  g_autoptr (GError) error = NULL;
  const char *owners[] = { "ann", "bob", "omar" };
  GsMoney roles = 0;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (
        json,
        "%s{\"id\": \"G%u\", \"owner\": \"%s\", \"amount\": \"%d.%02d\", \"stage\": \"won\","
        " \"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-01-01\", \"closed\":"
        " \"2027-%02d-1%d\"%s}",
        i ? "," : "", i, owners[i % 3], g_rand_int_range (rand, 1000, 90000),
        g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 1, 13),
        g_rand_int_range (rand, 0, 9), i % 7 == 0 ? ", \"refunded\": \"2027-12-20\"" : "");
  g_string_append (json, "]");
  m = pay_model (json->str, patches, &comp);
  g_string_free (json, TRUE);
  c = gs_pay_company (m, comp, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < c->years->len; p++)
    {
      const GsPayYear *y = g_ptr_array_index (c->years, p);
      GsMoney sum = 0;
      for (guint i = 0; i < y->lines->len; i++)
        sum += g_array_index (y->lines, GsCommissionLine, i).amount;
      g_assert_cmpint (sum, ==, y->total);
      g_assert_cmpint (y->total, ==, y->payout->total);
      g_assert_cmpint (y->by_kind[GS_PAY_COMMISSION] + y->by_kind[GS_PAY_TRUE_UP], ==,
                       y->payout->earned);
      if (y->role->cap.present)
        g_assert_cmpint (y->payout->earned, <=, y->role->cap.amount);
    }
  for (guint r = 0; r < comp->n_roles; r++)
    roles += c->role_total[r];
  g_assert_cmpint (roles, ==, c->total);
  /* The AEs are capped: 2 × 1.5 × 40,000.00 at most. */
  g_assert_cmpint (c->role_total[0], <=, K (120000));
}

/* SPIF events, the discount modifier per deal and a clawback share, worked
 * by hand.  Ann's role: a commission of 10 % of own bookings (flat, amount
 * basis), paid monthly; discount bands 0–10 % × 1, 10–20 % × 0.9, from 20 %
 * × 0.7; clawback within 90 days, half of it taken back; SPIFs
 *   multi-year 500.00, Jan–Jun, a term of at least 24 months;
 *   partner    250.00, the year, inbound, new business, at least 50,000.00;
 *   flagged    100.00, the year, no rule: deals the CRM tags "flagged".
 * Deals (Ann's unless said):
 *   E1 100,000 won 20 Jan, 15 % off, 36 months, new, inbound:
 *      10,000.00 × 0.9 = 9,000.00 (the modifier −1,000.00); multi-year 500.00,
 *      partner 250.00 → January 9,750.00.
 *   E2  40,000 won 10 Feb, 5 % off, 12 months, existing, tagged flagged:
 *      4,000.00 × 1; flagged 100.00 → February 4,100.00.
 *   E3  60,000 won 5 Mar, 25 % off, 24 months, new, no source, refunded
 *      4 Apr (30 days): 6,000.00 × 0.7 = 4,200.00 (−1,800.00); multi-year
 *      500.00 → March 4,700.00.  Clawback in April: commission without the
 *      deal − with it = −6,000.00, × 0.7 (its multiplier) × 50 % taken back
 *      = −2,100.00.
 *   E4  80,000 won 12 May, 36 months, no discount known, split Ann 50 % /
 *      Omar 50 %: Ann 4,000.00 × 1 and multi-year 500.00 (a split person
 *      earns the SPIF in full) → May 4,500.00; Omar's SDR role has no SPIF.
 * Ann's year: 9,000 + 4,000 + 4,200 + 4,000 = 21,200.00 commission, SPIFs
 * 500 + 250 + 100 + 500 + 500 = 1,850.00, clawback −2,100.00 → 20,950.00. */
static const GsTraceLine *
trace_of (const GsPayYear *y, GsTraceKind kind, guint nth)
{
  for (guint i = 0; i < y->payout->trace->len; i++)
    {
      const GsTraceLine *t = g_ptr_array_index (y->payout->trace, i);
      if (t->kind == kind && nth-- == 0)
        return t;
    }
  g_error ("no trace line of kind %d", kind);
  return NULL;
}

static void
test_spif_discount (void)
{
  const char *const patches[] = { "compensation.roles[0]", spif_role, NULL };
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = pay_model (spif_deals, patches, &comp);
  g_autoptr (GsStatement) jan = statement (m, comp, "Ann Lee", "2027-01");
  g_autoptr (GsStatement) q2 = statement (m, comp, "Ann Lee", "FY27 Q2");
  g_autoptr (GsStatement) omar = statement (m, comp, "Omar Ali", "FY27 Q2");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPayCompany) c = NULL;
  const GsPayYear *y = jan->year;
  const GsTraceLine *t;
  const GsDealPay *e1 = &g_array_index (y->deals, GsDealPay, 0);

  g_assert_cmpint (find (y, "E1", 0, GS_PAY_COMMISSION)->amount, ==, K (9000));
  g_assert_cmpint (find (y, "E1", 0, GS_PAY_SPIF)->amount, ==, K (750));
  g_assert_cmpint (find (y, "E2", 1, GS_PAY_COMMISSION)->amount, ==, K (4000));
  g_assert_cmpint (find (y, "E2", 1, GS_PAY_SPIF)->amount, ==, K (100));
  g_assert_cmpint (find (y, "E3", 2, GS_PAY_COMMISSION)->amount, ==, K (4200));
  g_assert_cmpint (find (y, "E3", 2, GS_PAY_SPIF)->amount, ==, K (500));
  g_assert_cmpint (find (y, "E3", 3, GS_PAY_CLAWBACK)->amount, ==, K (-2100));
  g_assert_cmpint (find (y, "E4", 4, GS_PAY_COMMISSION)->amount, ==, K (4000));
  g_assert_cmpint (find (y, "E4", 4, GS_PAY_SPIF)->amount, ==, K (500));
  g_assert_cmpuint (y->lines->len, ==, 9);
  g_assert_cmpint (y->by_kind[GS_PAY_COMMISSION], ==, K (21200));
  g_assert_cmpint (y->by_kind[GS_PAY_SPIF], ==, K (1850));
  g_assert_cmpint (y->total, ==, K (20950));
  g_assert_cmpint (y->total, ==, y->payout->total);
  g_assert_cmpint (y->payout->deal_discount, ==, K (-2800));

  /* The deal's own multiplier, and its trace lines. */
  g_assert_cmpfloat (e1->multiplier, ==, 0.9);
  g_assert_cmpint (e1->discount_cut, ==, K (-1000));
  t = trace_of (y, GS_TRACE_DEAL_DISCOUNT, 0);
  g_assert_cmpstr (t->deal, ==, "E1");
  g_assert_cmpint (t->figure[0], ==, K (10000));
  g_assert_cmpint (t->amount, ==, K (-1000));
  t = trace_of (y, GS_TRACE_DEAL_DISCOUNT, 1);
  g_assert_cmpstr (t->deal, ==, "E3");
  g_assert_cmpint (t->amount, ==, K (-1800));
  t = trace_of (y, GS_TRACE_SPIF, 0);
  g_assert_cmpstr (t->deal, ==, "E1");
  g_assert_cmpstr (t->name, ==, "Multi-year deal");
  t = trace_of (y, GS_TRACE_CLAWBACK, 0);
  g_assert_cmpfloat (t->threshold, ==, 0.5);
  g_assert_cmpfloat_with_epsilon (t->attainment, 0.7, 1e-12);

  g_assert_cmpint (jan->paid, ==, K (9750));
  g_assert_cmpint (jan->by_kind[GS_PAY_SPIF], ==, K (750));
  /* Q2: the clawback in April, E4 in May. */
  g_assert_cmpint (q2->paid, ==, K (-2100 + 4500));
  g_assert_cmpint (q2->paid_ytd, ==, K (20950));
  /* Omar has the other half of E4 and no SPIF: 40,000 of his 100,000
   * quota at flat 1 of a 10,000.00 target incentive, paid in December. */
  g_assert_cmpint (omar->year->by_kind[GS_PAY_SPIF], ==, 0);

  c = gs_pay_company (m, comp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->role_total[0], ==, K (20950));
  g_assert_cmpint (c->total, ==,
                   c->role_total[0] + c->role_total[1] + c->role_total[2] + c->role_total[3]);
}

/* The tiny pay plan with the deals and an AE role of target incentive half
 * of ote on own bookings against quota, quarterly, year to date: table
 * (and more members) of its one component, extra added to the role. */
static GsModel *
ae_model (const char *ote, const char *quota, const char *table, const char *extra,
          const char *deals, GsCompModel **comp)
{
  g_autofree char *role = g_strdup_printf (
      "{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"%s\", \"pay_mix\": 0.5, \"components\": "
      "[{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1, \"quota\": \"%s\", "
      "\"period\": \"quarterly\", \"attainment\": \"ytd\", %s}]%s}",
      ote, quota, table, extra);
  const char *const patches[] = { "compensation.roles[0]", role, NULL };
  return pay_model (deals, patches, comp);
}

/* A deal Ann won on closed, created 2 January 2027; extra adds members. */
static char *
ann_deal (const char *id, const char *amount, const char *closed, const char *extra)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"owner\": \"ann\", \"amount\": \"%s\", \"stage\": "
                          "\"won\", \"status\": \"won\", \"created\": \"2027-01-02\", "
                          "\"closed\": \"%s\"%s}",
                          id, amount, closed, extra);
}

/* A clawback takes back exactly what the deal was paid, to the cent.  Ann's
 * role: TI 56,000.00 (OTE 112,000.00 at 50 %) on own bookings, quota
 * 520,000.00, quarterly, year to date, marginal at 1; clawback within 90
 * days.  Each figure is the year to date × 56,000 ÷ 520,000, rounded:
 *   F1 50,000 won 10 Jan: 50,000 → 5,384.615 → 5,384.62 (March).
 *   F2 42,000 won 3 Feb, refunded 10 Apr (66 days): 92,000 → 9,907.692 →
 *      9,907.69, less 5,384.62 = 4,523.07 (March).
 *   F3 35,950 won 5 May: 127,950 → 13,779.231 → 13,779.23, less 9,907.69 =
 *      3,871.54 (June).
 * Clawback of F2 in April: what it was paid, −4,523.07.  The year with F2
 * less the year without it is 13,779.23 − 9,256.15 (85,950 → 9,256.154) =
 * 4,523.08: a cent more than F2 was paid, the rounding of the year-to-date
 * figures (at most a cent for the one component), not a re-rating — once
 * the rule took back −4,523.08, a cent more than the deal paid.  F2 nets to
 * 0.00; the year pays 9,907.69 + 3,871.54 − 4,523.07 = 9,256.16. */
static void
test_clawback_cent (void)
{
  const char *table
      = "\"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"rate\": 1}]}";
  g_autofree char *f1 = ann_deal ("F1", "50000.00", "2027-01-10", "");
  g_autofree char *f2 = ann_deal ("F2", "42000.00", "2027-02-03", ", \"refunded\": \"2027-04-10\"");
  g_autofree char *f3 = ann_deal ("F3", "35950.00", "2027-05-05", "");
  g_autofree char *deals = g_strdup_printf ("[%s, %s, %s]", f1, f2, f3);
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m
      = ae_model ("112000.00", "520000.00", table, ", \"clawback\": {\"days\": 90}", deals, &comp);
  g_autoptr (GsStatement) s = statement (m, comp, "Ann Lee", "FY27 Q2");
  const GsPayYear *y = s->year;
  const GsTraceLine *t = trace_of (y, GS_TRACE_CLAWBACK, 0);

  g_assert_cmpint (find (y, "F1", 2, GS_PAY_COMMISSION)->amount, ==, 538462);
  g_assert_cmpint (find (y, "F2", 2, GS_PAY_COMMISSION)->amount, ==, 452307);
  g_assert_cmpint (find (y, "F3", 5, GS_PAY_COMMISSION)->amount, ==, 387154);
  g_assert_cmpint (find (y, "F2", 3, GS_PAY_CLAWBACK)->amount, ==, -452307);
  g_assert_cmpuint (y->lines->len, ==, 4);
  /* The year with and without F2, as the trace shows them. */
  g_assert_cmpint (t->figure[2], ==, 1377923);
  g_assert_cmpint (t->figure[1], ==, 925615);
  g_assert_cmpint (t->figure[3], ==, 452307);
  g_assert_cmpfloat (t->quota, ==, 0);
  g_assert_cmpint (y->total, ==, 925616);
  g_assert_cmpint (y->total, ==, y->payout->total);
  g_assert_cmpint (s->paid, ==, -452307 + 387154);

  /* A re-rating is taken too: Ann's D1 (the header) was paid 8,000.00, but
   * without it the year no longer reaches the 1.5 band: 70,500.00 −
   * 39,000.00 − 8,000.00 = 23,500.00 more → −8,000.00 − 23,500.00 =
   * −31,500.00. */
  {
    g_autoptr (GsCompModel) c2 = NULL;
    g_autoptr (GsModel) m2 = model (&c2);
    g_autoptr (GsStatement) ann = statement (m2, c2, "Ann Lee", "2027-04");
    t = trace_of (ann->year, GS_TRACE_CLAWBACK, 0);
    g_assert_cmpint (t->figure[3], ==, K (8000));
    g_assert_cmpfloat (t->quota, ==, (double) K (-23500));
    g_assert_cmpint (t->amount, ==, K (-31500));
  }
}

/* The discount modifier scales the true-up a discounted deal triggers.
 * Ann's role: TI 40,000.00 on own bookings, quota 400,000.00, quarterly,
 * year to date, a band table (the whole value at 1 below 100 %, 1.5 from
 * 100 %); discount bands 0–10 % × 1, 10–20 % × 0.9, from 20 % × 0.7.
 *   G1 320,000 won 10 Feb, 5 % off (× 1): 80 % → 0.8 × 40,000 = 32,000.00
 *      (March).
 *   G2 150,000 won 5 May, 15 % off (× 0.9): 470,000 (117.5 %) reaches the 1.5
 *      band → 1.175 × 40,000 × 1.5 = 70,500.00 − 32,000 = 38,500.00 before
 *      the modifier: its own commission (marginal) 40,000 + 0.175 × 40,000
 *      × 1.5 − 32,000 = 18,500.00 and the true-up it triggers, 20,000.00.
 *      × 0.9: the cut 38,500 × (0.9 − 1) = −3,850.00, of it the true-up's
 *      20,000 × −0.1 = −2,000.00 → true-up 18,000.00, commission 18,500 −
 *      1,850 = 16,650.00 (June): 34,650.00.
 * Year: 32,000 + 16,650 + 18,000 = 66,650.00 (the true-up not scaled:
 * 68,650.00). */
static void
test_discount_true_up (void)
{
  const char *table
      = "\"table\": {\"type\": \"band\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
        "  {\"from\": 1, \"rate\": 1.5}]},"
        "  \"discount_modifier\": [{\"from\": 0, \"to\": 0.1, \"multiplier\": 1},"
        "   {\"from\": 0.1, \"to\": 0.2, \"multiplier\": 0.9}, {\"from\": 0.2, \"multiplier\": "
        "0.7}]";
  g_autofree char *g1 = ann_deal ("G1", "320000.00", "2027-02-10", ", \"discount\": 0.05");
  g_autofree char *g2_ = ann_deal ("G2", "150000.00", "2027-05-05", ", \"discount\": 0.15");
  g_autofree char *deals = g_strdup_printf ("[%s, %s]", g1, g2_);
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = ae_model ("80000.00", "400000.00", table, "", deals, &comp);
  g_autoptr (GsStatement) s = statement (m, comp, "Ann Lee", "FY27 Q2");
  const GsPayYear *y = s->year;
  const GsDealPay *g2 = &g_array_index (y->deals, GsDealPay, 1);
  const GsTraceLine *t = trace_of (y, GS_TRACE_DEAL_DISCOUNT, 0);

  g_assert_cmpint (find (y, "G1", 2, GS_PAY_COMMISSION)->amount, ==, K (32000));
  g_assert_cmpint (find (y, "G2", 5, GS_PAY_COMMISSION)->amount, ==, K (16650));
  g_assert_cmpint (find (y, "G2", 5, GS_PAY_TRUE_UP)->amount, ==, K (18000));
  g_assert_cmpuint (y->lines->len, ==, 3);
  g_assert_cmpfloat (g2->multiplier, ==, 0.9);
  g_assert_cmpint (g2->commission, ==, K (16650));
  g_assert_cmpint (g2->true_up, ==, K (18000));
  g_assert_cmpint (g2->discount_cut, ==, K (-3850));
  /* One discount line: G2's June pay before the modifier, 38,500.00. */
  g_assert_cmpstr (t->deal, ==, "G2");
  g_assert_cmpint (t->figure[0], ==, K (38500));
  g_assert_cmpint (t->amount, ==, K (-3850));
  g_assert_cmpint (y->by_kind[GS_PAY_TRUE_UP], ==, K (18000));
  g_assert_cmpint (y->total, ==, K (66650));
  g_assert_cmpint (y->total, ==, y->payout->total);
  g_assert_cmpint (y->by_kind[GS_PAY_COMMISSION] + y->by_kind[GS_PAY_TRUE_UP], ==,
                   y->payout->earned);
  g_assert_cmpint (s->paid, ==, K (34650));
}

/* A rule's fields are checked when the plan loads, with their path. */
static void
test_spif_rule_refused (void)
{
  struct
  {
    const char *path, *json, *message;
  } cases[] = {
    { "compensation.roles[0].spifs",
      "[{\"id\": \"s\", \"amount\": \"1.00\", \"from\": \"2027-01-01\", \"to\": \"2027-02-01\","
      " \"qualifies\": {\"sources\": [\"nope\"]}}]",
      "compensation.roles[0].spifs[0].qualifies.sources[0]: “nope” is not a source of the plan" },
    { "compensation.roles[0].spifs",
      "[{\"id\": \"s\", \"amount\": \"1.00\", \"from\": \"2027-01-01\", \"to\": \"2027-02-01\","
      " \"qualifies\": {\"deal_type\": \"old\"}}]",
      NULL },
    { "compensation.roles[0].spifs",
      "[{\"id\": \"s\", \"amount\": \"1.00\", \"from\": \"2027-01-01\", \"to\": \"2027-02-01\","
      " \"qualifies\": {\"min_amount\": \"-5.00\"}}]",
      "compensation.roles[0].spifs[0].qualifies.min_amount: an amount cannot be negative" },
    { "compensation.roles[0].clawback", "{\"days\": 90, \"share\": 0}",
      "compensation.roles[0].clawback.share: 0 is not a rate between 0 and 1 (0 excluded)" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) tree = tiny_tree ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GsModel) m = NULL;
      patch (tree, "compensation", pay_comp);
      patch (tree, cases[i].path, cases[i].json);
      m = gs_model_decode (tree, &error);
      g_assert_null (m);
      if (cases[i].message)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_nonnull (strstr (error->message, "qualifies.deal_type"));
    }
}

static void
test_periods (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = model (&comp);
  g_autoptr (GError) error = NULL;
  GsPayPeriod p;
  g_assert_true (gs_pay_period_parse (m, "2027-12", &p, NULL));
  g_assert_cmpuint (p.first, ==, 11);
  g_assert_true (gs_pay_period_parse (m, "fy27 q4", &p, NULL));
  g_assert_cmpuint (p.first, ==, 9);
  g_assert_cmpuint (p.last, ==, 11);
  g_assert_false (gs_pay_period_parse (m, "2028-01", &p, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“2028-01” is not a month (2027-03) or a fiscal quarter (FY27 Q1) of the pay "
                   "plan's year");
}

/* What a refund takes back beyond the deal's own pay: a gate on own
 * bookings that the year no longer reaches without the deal (docs/
 * statements.md, "What a refund does not take back").  Ann's role: TI
 * 40,000.00 (OTE 80,000.00 at 50 %), half on own bookings (quota
 * 400,000.00), half on company bookings (quota 1,000,000.00) gated at 50 %
 * of own bookings (the gate's quota: the own component's 400,000.00); both
 * quarterly, year to date, marginal at 1; clawback within 90 days.  H2 is
 * won 3 Feb and refunded 10 Apr (66 days); it stays in company bookings.
 *  Shut: H1 150,000 (10 Jan), H2 100,000.  March: own 250,000 (62.5 %) →
 *   20,000 × 0.625 = 12,500.00; the gate is open, company 250,000 → 20,000 ×
 *   0.25 = 5,000.00; the year with H2 17,500.00.  Without H2: own 150,000
 *   (37.5 %) → 7,500.00, the gate shut every quarter → 0.  H2 was paid on
 *   own bookings its commission 20,000 × 100,000 ÷ 400,000 = 5,000.00 and
 *   the true-up of H1's company-bookings pay that its credit let through
 *   the gate, 20,000 × 0.15 = 3,000.00: 8,000.00.  The re-rating 17,500 −
 *   7,500 − 8,000 = 2,000.00 is H2's own company-bookings pay, which the
 *   shut gate no longer allows → clawback −10,000.00; the year 7,500.00.
 *  Open: H1 250,000, H2 100,000.  With H2: own 350,000 → 17,500.00, company
 *   350,000 → 7,000.00: 24,500.00.  Without: own 250,000 (62.5 %, the gate
 *   still open) → 12,500.00, company still 350,000 → 7,000.00: 19,500.00.
 *   The re-rating 24,500 − 19,500 − 5,000 = 0 → clawback −5,000.00, and Ann
 *   keeps H2's 2,000.00 of company-bookings pay: the year 19,500.00. */
static void
test_refund_gate (void)
{
  const char *role
      = "{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"80000.00\", \"pay_mix\": 0.5, "
        "\"clawback\": {\"days\": 90}, \"components\": ["
        "{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 0.5, \"quota\": "
        "\"400000.00\", \"period\": \"quarterly\", \"attainment\": \"ytd\", \"table\": "
        "{\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"rate\": 1}]}},"
        "{\"id\": \"co\", \"measure\": \"company_bookings\", \"weight\": 0.5, \"quota\": "
        "\"1000000.00\", \"period\": \"quarterly\", \"attainment\": \"ytd\", \"table\": "
        "{\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"rate\": 1}]}, \"gate\": "
        "{\"measure\": \"own_bookings\", \"min_attainment\": 0.5}}]}";
  const char *const patches[] = { "compensation.roles[0]", role, NULL };
  const char *h1_amount[] = { "150000.00", "250000.00" };
  const gint64 paid[] = { K (8000), K (5000) }, rerate[] = { K (-2000), 0 };
  const gint64 clawback[] = { K (-10000), K (-5000) };
  const gint64 year[] = { K (7500), K (19500) };

  for (guint shut = 0; shut < 2; shut++)
    {
      g_autofree char *h1 = ann_deal ("H1", h1_amount[shut], "2027-01-10", "");
      g_autofree char *h2
          = ann_deal ("H2", "100000.00", "2027-02-03", ", \"refunded\": \"2027-04-10\"");
      g_autofree char *deals = g_strdup_printf ("[%s, %s]", h1, h2);
      g_autoptr (GsCompModel) comp = NULL;
      g_autoptr (GsModel) m = pay_model (deals, patches, &comp);
      g_autoptr (GsStatement) s = statement (m, comp, "Ann Lee", "2027-04");
      const GsTraceLine *t = trace_of (s->year, GS_TRACE_CLAWBACK, 0);

      g_assert_cmpint (t->figure[3], ==, paid[shut]); /* what H2 was paid on own bookings */
      g_assert_cmpfloat (t->quota, ==, (double) rerate[shut]);
      g_assert_cmpint (find (s->year, "H2", 3, GS_PAY_CLAWBACK)->amount, ==, clawback[shut]);
      g_assert_cmpint (s->year->total, ==, year[shut]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statement/ann", test_ann);
  g_test_add_func ("/statement/company", test_company);
  g_test_add_func ("/statement/invariants", test_invariants);
  g_test_add_func ("/statement/periods", test_periods);
  g_test_add_func ("/statement/spif-discount", test_spif_discount);
  g_test_add_func ("/statement/clawback-cent", test_clawback_cent);
  g_test_add_func ("/statement/refund-gate", test_refund_gate);
  g_test_add_func ("/statement/discount-true-up", test_discount_true_up);
  g_test_add_func ("/statement/spif-rule-refused", test_spif_rule_refused);
  return g_test_run ();
}
