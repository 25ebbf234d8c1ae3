/* test-credit.c — deals credited to people, worked by hand (gs-credit.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People (test-pay-util.h): ann, bob (AE), omar (SDR), sam (manager), mia
 * (marketing).  Amounts in the asserts are cents.
 */
#include "gs-credit.h"
#include "test-pay-util.h"

/* D1 10,000.01 won 15 Jan, inbound (marketing's), split ann 85 % / omar 15 %,
 * overlay sam 10 %; D2 20,000.00 won 10 Feb by bob, no source, paid 5 Mar;
 * D3 open; D4 won with no owner. */
static const char *deals
    = "[{\"id\": \"D1\", \"owner\": \"ann\", \"amount\": \"10000.01\", \"stage\": \"won\","
      "  \"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-01-02\","
      "  \"closed\": \"2027-01-15\", \"splits\": [{\"person\": \"ann\", \"share\": 0.85},"
      "  {\"person\": \"omar\", \"share\": 0.15}], \"overlays\": [{\"person\": \"sam\","
      "  \"share\": 0.1}]},"
      " {\"id\": \"D2\", \"owner\": \"bob\", \"amount\": \"20000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-02-10\","
      "  \"paid\": \"2027-03-05\"},"
      " {\"id\": \"D3\", \"owner\": \"bob\", \"amount\": \"5000.00\", \"stage\": \"mql\","
      "  \"created\": \"2027-01-02\"},"
      " {\"id\": \"D4\", \"amount\": \"7000.00\", \"stage\": \"won\", \"status\": \"won\","
      "  \"created\": \"2027-01-02\", \"closed\": \"2027-03-01\"}]";

static const GsCreditLine *
line (const GsCredits *c, guint i)
{
  g_assert_cmpuint (i, <, c->lines->len);
  return &g_array_index (c->lines, GsCreditLine, i);
}

static void
test_close (void)
{
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = pay_model (deals, NULL, &comp);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCredits) c = gs_credit_deals (m, comp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->n_credited, ==, 2);
  g_assert_cmpuint (c->n_uncredited, ==, 1); /* D4: nobody to credit */
  g_assert_cmpuint (c->lines->len, ==, 7);
  /* D1 1,000,001 cents: ann 85 % = 850,000.85, omar 15 % = 150,000.15; floors
   * 850,000 + 150,000 leave 1 cent, to the larger remainder (ann's .85). */
  g_assert_cmpint (line (c, 0)->kind, ==, GS_CREDIT_SPLIT);
  g_assert_cmpuint (line (c, 0)->person, ==, 0);
  g_assert_cmpint (line (c, 0)->amount, ==, 850001);
  g_assert_cmpint (line (c, 0)->month, ==, 0);
  g_assert_cmpuint (line (c, 1)->person, ==, 2);
  g_assert_cmpint (line (c, 1)->amount, ==, 150000);
  /* Overlay: 1,000,001 × 10 % = 100,000.1 → 100,000, on top. */
  g_assert_cmpint (line (c, 2)->kind, ==, GS_CREDIT_OVERLAY);
  g_assert_cmpuint (line (c, 2)->person, ==, 3);
  g_assert_cmpint (line (c, 2)->amount, ==, 100000);
  /* Team: sam's AEs (ann) have 850,001 of D1; marketing: mia has all of it. */
  g_assert_cmpint (line (c, 3)->kind, ==, GS_CREDIT_TEAM);
  g_assert_cmpint (line (c, 3)->measure, ==, GS_MEASURE_TEAM_BOOKINGS);
  g_assert_cmpuint (line (c, 3)->person, ==, 3);
  g_assert_cmpint (line (c, 3)->amount, ==, 850001);
  g_assert_cmpint (line (c, 4)->kind, ==, GS_CREDIT_MARKETING);
  g_assert_cmpuint (line (c, 4)->person, ==, 4);
  g_assert_cmpint (line (c, 4)->amount, ==, 1000001);
  /* D2: bob's alone in February; sam's team gets it; no source, no marketing. */
  g_assert_cmpint (line (c, 5)->kind, ==, GS_CREDIT_OWNER);
  g_assert_cmpint (line (c, 5)->amount, ==, 2000000);
  g_assert_cmpint (line (c, 5)->month, ==, 1);
  g_assert_cmpint (line (c, 6)->kind, ==, GS_CREDIT_TEAM);
  g_assert_cmpint (c->company[0], ==, 1000001);
  g_assert_cmpint (c->company[1], ==, 2000000);
}

static void
test_payment (void)
{
  static const char *const on_payment[]
      = { "compensation.crediting", "{\"date\": \"payment\"}", NULL };
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = pay_model (deals, on_payment, &comp);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCredits) c = gs_credit_deals (m, comp, &error);
  g_assert_no_error (error);
  /* D1 is not paid yet; D2 counts in March, when its cash came. */
  g_assert_cmpuint (c->n_credited, ==, 1);
  g_assert_cmpuint (c->n_uncredited, ==, 2);
  g_assert_cmpint (line (c, 0)->month, ==, 2);
  g_assert_cmpint (c->company[2], ==, 2000000);
}

/* Invariants on generated deals: revenue shares add up to 100 % and the
 * revenue lines to the deal, to the cent. */
static void
test_invariants (void)
{
  GString *json = g_string_new ("[");
  g_autoptr (GsCompModel) comp = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsCredits) c = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  g_autofree GsMoney *revenue = NULL;
  g_autofree double *shares = NULL;
  const char *names[] = { "ann", "bob", "omar", "sam", "mia" };

  for (guint i = 0; i < 200; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 4), a = (guint) g_rand_int_range (rand, 1, 100);
      g_string_append_printf (json,
                              "%s{\"id\": \"G%u\", \"owner\": \"ann\", \"amount\": \"%d.%02d\","
                              " \"stage\": \"won\", \"status\": \"won\", \"created\": "
                              "\"2027-01-01\", \"closed\": \"2027-%02u-0%u\", \"splits\": [",
                              i ? "," : "", i, g_rand_int_range (rand, 0, 99999),
                              g_rand_int_range (rand, 0, 100), 1 + i % 12, 1 + i % 9);
      /* Shares a/100, then the rest shared out: n people, Σ = 1. */
      if (n == 1)
        g_string_append_printf (json, "{\"person\": \"%s\", \"share\": 1}", names[i % 5]);
      else if (n == 2)
        g_string_append_printf (json,
                                "{\"person\": \"ann\", \"share\": 0.%02u}, {\"person\": \"bob\","
                                " \"share\": 0.%02u}",
                                a, 100 - a);
      else
        g_string_append (json, "{\"person\": \"ann\", \"share\": 0.3333333333},"
                               " {\"person\": \"bob\", \"share\": 0.3333333333},"
                               " {\"person\": \"omar\", \"share\": 0.3333333334}");
      g_string_append (json, "]}");
    }
  g_string_append (json, "]");
  m = pay_model (json->str, NULL, &comp);
  g_string_free (json, TRUE);
  c = gs_credit_deals (m, comp, &error);
  g_assert_no_error (error);
  revenue = g_new0 (GsMoney, m->actuals->n_deals);
  shares = g_new0 (double, m->actuals->n_deals);
  for (guint i = 0; i < c->lines->len; i++)
    {
      const GsCreditLine *l = line (c, i);
      if (l->kind == GS_CREDIT_SPLIT || l->kind == GS_CREDIT_OWNER)
        {
          revenue[l->deal] += l->amount;
          shares[l->deal] += l->share;
        }
    }
  for (guint d = 0; d < m->actuals->n_deals; d++)
    {
      g_assert_cmpint (revenue[d], ==, m->actuals->deals[d].amount);
      g_assert_cmpfloat_with_epsilon (shares[d], 1, 1e-9);
    }
}

static void
test_refused (void)
{
  g_autofree char *msg = pay_error (
      "[{\"id\": \"D9\", \"owner\": \"ann\", \"amount\": \"100.00\", \"stage\": \"won\","
      " \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-01-15\","
      " \"splits\": [{\"person\": \"ann\", \"share\": 0.85}, {\"person\": \"omar\", \"share\": "
      "0.1}]}]");
  g_assert_cmpstr (msg, ==,
                   "actuals.deals[0].splits: deal “D9”: the revenue splits add up to 95 %, not "
                   "100 %");
  g_free (g_steal_pointer (&msg));
  msg = pay_error ("[{\"id\": \"D9\", \"owner\": \"ann\", \"amount\": \"100.00\", \"stage\": "
                   "\"won\", \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": "
                   "\"2027-01-15\", \"overlays\": [{\"person\": \"zed\", \"share\": 0.1}]}]");
  g_assert_cmpstr (msg, ==,
                   "actuals.deals[0].overlays[0].person: “zed” is not a person of actuals.people");
  g_free (g_steal_pointer (&msg));
  msg = pay_error ("[{\"id\": \"D9\", \"owner\": \"ann\", \"amount\": \"100.00\", \"stage\": "
                   "\"won\", \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": "
                   "\"2027-01-15\", \"refunded\": \"2027-01-01\"}]");
  g_assert_cmpstr (msg, ==,
                   "actuals.deals[0].refunded: a deal is refunded on or after its close date");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/credit/close", test_close);
  g_test_add_func ("/credit/payment", test_payment);
  g_test_add_func ("/credit/invariants", test_invariants);
  g_test_add_func ("/credit/refused", test_refused);
  return g_test_run ();
}
