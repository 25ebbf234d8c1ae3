/* test-money.c — money parsing, rounding, splitting, overflow.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"
#include "gs-money.h"

#include <locale.h>
#include <math.h>
#include <string.h>

static void
test_parse (void)
{
  GsMoney v = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_money_parse ("2600000.00", 2, &v, NULL));
  g_assert_cmpint (v, ==, 260000000);
  g_assert_true (gs_money_parse ("12.5", 2, &v, NULL));
  g_assert_cmpint (v, ==, 1250);
  g_assert_true (gs_money_parse ("-0.01", 2, &v, NULL));
  g_assert_cmpint (v, ==, -1);
  g_assert_true (gs_money_parse ("1000", 0, &v, NULL)); /* JPY */
  g_assert_cmpint (v, ==, 1000);
  g_assert_true (gs_money_parse ("1.250", 3, &v, NULL)); /* KWD */
  g_assert_cmpint (v, ==, 1250);
  g_assert_true (gs_money_parse ("10.500", 2, &v, NULL)); /* trailing zero is fine */
  g_assert_cmpint (v, ==, 1050);

  g_assert_false (gs_money_parse ("10.555", 2, &v, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gs_money_parse ("1,000", 2, &v, &error));
  g_assert_nonnull (strstr (error->message, "is not an amount"));
  g_clear_error (&error);
  g_assert_false (gs_money_parse ("", 2, &v, &error));
  g_clear_error (&error);
  g_assert_false (gs_money_parse ("NaN", 2, &v, &error));
  g_clear_error (&error);
  /* 10^13 major units = 10^15 cents is the limit; one more cent is refused. */
  g_assert_true (gs_money_parse ("10000000000000.00", 2, &v, NULL));
  g_assert_cmpint (v, ==, GS_MONEY_LIMIT);
  g_assert_false (gs_money_parse ("10000000000000.01", 2, &v, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (gs_money_parse ("99999999999999999999999", 2, &v, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
}

static void
test_plain_roundtrip (void)
{
  const GsMoney values[] = { 0, 1, -1, 99, 100, 260000000, -123456789, GS_MONEY_LIMIT };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint digits = 0; digits <= 3; digits++)
      {
        g_autofree char *text = gs_money_to_plain (values[i], digits);
        GsMoney back = 0;
        g_assert_true (gs_money_parse (text, digits, &back, NULL));
        g_assert_cmpint (back, ==, values[i]);
      }
  {
    g_autofree char *a = gs_money_to_plain (-5, 2);
    g_assert_cmpstr (a, ==, "-0.05");
  }
  {
    /* Written by hand, not by printf: the texts printf gave. */
    char buf[GS_MONEY_PLAIN_MAX];
    g_assert_cmpstr (gs_money_plain_into (0, 2, buf), ==, "0.00");
    g_assert_cmpstr (gs_money_plain_into (3400000, 2, buf), ==, "34000.00");
    g_assert_cmpstr (gs_money_plain_into (-123456789, 2, buf), ==, "-1234567.89");
    g_assert_cmpstr (gs_money_plain_into (7, 0, buf), ==, "7");
    g_assert_cmpstr (gs_money_plain_into (1005, 3, buf), ==, "1.005");
    g_assert_cmpstr (gs_money_plain_into (G_MININT64, 2, buf), ==, "-92233720368547758.08");
    g_assert_cmpstr (gs_money_plain_into (G_MAXINT64, 18, buf), ==, "9.223372036854775807");
  }
}

static void
test_round_rule (void)
{
  /* Half away from zero. */
  g_assert_cmpint (gs_money_round (2.5), ==, 3);
  g_assert_cmpint (gs_money_round (-2.5), ==, -3);
  g_assert_cmpint (gs_money_round (2.4999), ==, 2);
  g_assert_cmpint (gs_money_round (0.5), ==, 1);
  /* A band edge on the amount basis, "250000.00" in USD, is decoded into
   * 25,000,000 minor units and held as a double: it comes back exactly,
   * as does ±10^15; a quota of 600,000.00 (60,000,000 minor units) scaled
   * by 7 ÷ 6 is 700,000.00. */
  g_assert_cmpint (gs_money_round (25000000.0), ==, 25000000);
  g_assert_cmpint (gs_money_round ((double) GS_MONEY_LIMIT), ==, GS_MONEY_LIMIT);
  g_assert_cmpint (gs_money_round (-(double) GS_MONEY_LIMIT), ==, -GS_MONEY_LIMIT);
  g_assert_cmpint (gs_money_round (60000000.0 * 7 / 6), ==, 70000000);
  /* The rule without libm's round () (below 2^52) gives round ()'s value:
   * at the halves, next to them, at the switch and beyond it. */
  {
    const double edge[] = { 0.49999999999999994,
                            -0.49999999999999994,
                            1.5,
                            -1.5,
                            4503599627370495.5,
                            -4503599627370495.5,
                            0x1p52,
                            -0x1p52,
                            0x1p52 + 2,
                            123456789.50000001,
                            -0.0,
                            1e15,
                            -1e15 };
    GRand *rand = g_rand_new_with_seed (5);
    for (guint i = 0; i < G_N_ELEMENTS (edge); i++)
      g_assert_cmpint (gs_money_round (edge[i]), ==, (gint64) round (edge[i]));
    for (guint i = 0; i < 100000; i++)
      {
        /* Random magnitudes from 10^-3 to 10^15, with halves made often. */
        double x = pow (10, g_rand_double_range (rand, -3, 15)) * (g_rand_boolean (rand) ? 1 : -1);
        if (i % 4 == 0)
          x = floor (x) + 0.5;
        g_assert_cmpint (gs_money_round (x), ==, (gint64) round (x));
        /* …and llround's, which the workbook and the CLI used on band
         * edges and money quotas before they called the rule. */
        g_assert_cmpint (gs_money_round (x), ==, llround (x));
      }
    g_rand_free (rand);
  }
  /* Counts round up, with a tolerance for floating noise. */
  g_assert_cmpint (gs_count_ceil (212.0000000001), ==, 212);
  g_assert_cmpint (gs_count_ceil (212.01), ==, 213);
  g_assert_cmpint (gs_count_ceil (0), ==, 0);
}

static void
test_checked (void)
{
  GsMoney out;
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_money_add_checked (GS_MONEY_LIMIT - 1, 1, &out, NULL));
  g_assert_cmpint (out, ==, GS_MONEY_LIMIT);
  g_assert_false (gs_money_add_checked (GS_MONEY_LIMIT, 1, &out, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (gs_money_add_checked (G_MAXINT64, 1, &out, &error));
  g_clear_error (&error);
  g_assert_true (gs_money_mul_checked (1000, 0.015, &out, NULL)); /* 10.00 × 1.5 % = 0.15 */
  g_assert_cmpint (out, ==, 15);
  g_assert_false (gs_money_mul_checked (GS_MONEY_LIMIT, 2.0, &out, &error));
}

/* Minor units to major for a number cell: by hand, then the same double as
 * the exporters' old minor ÷ 10^digits for every digits and a spread of
 * amounts up to 2^53 − 1 (exact there at 0 digits). */
static void
test_to_major (void)
{
  static const gint64 amounts[] = { 0,
                                    1,
                                    -1,
                                    5,
                                    99,
                                    123456,
                                    -123456,
                                    260000000,
                                    100000000000000,
                                    G_GINT64_CONSTANT (9007199254740991) };
  g_assert_cmpfloat (gs_money_to_major (123456, 2), ==, 1234.56);
  g_assert_cmpfloat (gs_money_to_major (5, 0), ==, 5);
  g_assert_cmpfloat (gs_money_to_major (-1, 3), ==, -0.001);
  g_assert_cmpfloat (gs_money_to_major (1, 2), ==, 0.01);
  g_assert_cmpfloat (gs_money_to_major (G_GINT64_CONSTANT (9007199254740991), 0), ==,
                     9007199254740991.0);
  /* A quota in minor units need not be whole: 12,345.5 cents is 123.455. */
  g_assert_cmpfloat (gs_money_to_major (12345.5, 2), ==, 123.455);
  for (guint d = 0; d <= 3; d++)
    for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
      g_assert_cmpfloat (gs_money_to_major (amounts[i], d), ==, (double) amounts[i] / pow (10, d));
}

static void
test_split (void)
{
  /* 100.00 over three equal months: 33.34 + 33.33 + 33.33, the extra cent to the first. */
  double w3[] = { 1, 1, 1 };
  GsMoney parts[12];
  gs_money_split (10000, w3, 3, parts);
  g_assert_cmpint (parts[0], ==, 3334);
  g_assert_cmpint (parts[1], ==, 3333);
  g_assert_cmpint (parts[2], ==, 3333);

  /* 2,600,000.00 by weights 1..12 (Σ = 78): month 12 gets 12/78 = 400,000.00 exactly. */
  {
    double w[12];
    GsMoney sum = 0;
    for (int i = 0; i < 12; i++)
      w[i] = i + 1;
    gs_money_split (260000000, w, 12, parts);
    g_assert_cmpint (parts[11], ==, 40000000);
    for (int i = 0; i < 12; i++)
      sum += parts[i];
    g_assert_cmpint (sum, ==, 260000000);
  }
  /* Invariant: random totals and weights always add back exactly. */
  for (int trial = 0; trial < 1000; trial++)
    {
      double w[12];
      GsMoney total = g_test_rand_int_range (-1000000, 1000000) * (GsMoney) 997, sum = 0;
      for (int i = 0; i < 12; i++)
        w[i] = g_test_rand_double_range (0, 3);
      gs_money_split (total, w, 12, parts);
      for (int i = 0; i < 12; i++)
        sum += parts[i];
      g_assert_cmpint (sum, ==, total);
    }
}

static void
test_split_year (void)
{
  GsMoney months[12], quarters[4], year[1];

  /* 520,000.00 (the seed AE quota): 130,000.00 a quarter, and each quarter
   * 13,000,000 cents ÷ 3 = 4,333,333 rest 1 → 43,333.34 + 43,333.33 + 43,333.33.
   * One split over twelve months would give Jan–Apr 43,333.34 and Q1 130,000.02. */
  gs_money_split_year (52000000, NULL, months);
  for (guint q = 0; q < 4; q++)
    {
      g_assert_cmpint (months[q * 3], ==, 4333334);
      g_assert_cmpint (months[q * 3 + 1], ==, 4333333);
      g_assert_cmpint (months[q * 3 + 2], ==, 4333333);
    }
  gs_money_split_periods (52000000, 4, quarters);
  for (guint q = 0; q < 4; q++)
    g_assert_cmpint (quarters[q], ==, 13000000);
  gs_money_split_periods (52000000, 1, year);
  g_assert_cmpint (year[0], ==, 52000000);

  /* 28,000.00 × 50 % = 14,000.00 (the mid-market SDR's meetings TI):
   * 350,000 a quarter → 116,667 + 116,667 + 116,666 cents in each. */
  gs_money_split_periods (1400000, 12, months);
  g_assert_cmpint (months[0], ==, 116667);
  g_assert_cmpint (months[2], ==, 116666);

  /* 0.07 over the year: quarters get 2, 2, 2, 1 cents; Q1's 2 go to Jan and Feb. */
  gs_money_split_year (7, NULL, months);
  g_assert_cmpint (months[0], ==, 1);
  g_assert_cmpint (months[1], ==, 1);
  g_assert_cmpint (months[2], ==, 0);
  g_assert_cmpint (months[9], ==, 1);
  g_assert_cmpint (months[10], ==, 0);

  /* Seasonal weights 1..12: Q4's weights 10 + 11 + 12 = 33 of 78 take
   * 1,000.00 × 33 / 78 = 423.0769… → 423.08 (the largest remainder of the
   * four), then 423.08 × 12 / 33 = 153.847… → 153.85 for December
   * (the largest of Q4's remainders). */
  {
    double w[12];
    for (int i = 0; i < 12; i++)
      w[i] = i + 1;
    gs_money_split_year (100000, w, months);
    g_assert_cmpint (months[9] + months[10] + months[11], ==, 42308);
    g_assert_cmpint (months[11], ==, 15385);
  }

  /* Invariant: months add up to the quarters of gs_money_split_periods and
   * to the year, whatever the amount and the weights. */
  for (int trial = 0; trial < 1000; trial++)
    {
      double w[12];
      GsMoney total = g_test_rand_int_range (0, 2000000000) * (GsMoney) 4999, sum = 0;
      for (int i = 0; i < 12; i++)
        w[i] = trial % 2 ? g_test_rand_double_range (0.1, 3) : 1;
      gs_money_split_year (total, trial % 2 ? w : NULL, months);
      if (trial % 2 == 0)
        {
          gs_money_split_periods (total, 4, quarters);
          for (guint q = 0; q < 4; q++)
            g_assert_cmpint (months[q * 3] + months[q * 3 + 1] + months[q * 3 + 2], ==,
                             quarters[q]);
        }
      for (int i = 0; i < 12; i++)
        {
          g_assert_cmpint (months[i], >=, 0);
          sum += months[i];
        }
      g_assert_cmpint (sum, ==, total);
    }
}

/* 100 minor units over weights 1, 1, 1 (by hand): each exact share is
 * 33.333…, whole 33, remainder 0.333…; 100 − 99 = 1 unit left over goes to
 * the first (ties: the earliest), so 34, 33, 33.  A zero weight shows −1. */
static void
test_split_trace (void)
{
  const double w[3] = { 1, 1, 1 };
  const double wz[3] = { 1, 0, 2 };
  GsMoneySplitPart t[3];

  gs_money_split_trace (100, w, 3, t);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat_with_epsilon (t[i].exact, 100.0 / 3, 1e-9);
      g_assert_cmpint (t[i].whole, ==, 33);
      g_assert_cmpfloat_with_epsilon (t[i].remainder, 1.0 / 3, 1e-9);
    }
  g_assert_cmpint (t[0].extra, ==, 1);
  g_assert_cmpint (t[1].extra, ==, 0);
  g_assert_cmpint (t[2].extra, ==, 0);
  g_assert_cmpint (t[0].part, ==, 34);
  g_assert_cmpint (t[1].part, ==, 33);

  /* 10 over 1, 0, 2: exact 3.33…, 0, 6.66…; whole 3, 0, 6; the one unit
   * left goes to the largest remainder, the third: 3, 0, 7. */
  gs_money_split_trace (10, wz, 3, t);
  g_assert_cmpfloat (t[1].remainder, ==, -1);
  g_assert_cmpint (t[0].part, ==, 3);
  g_assert_cmpint (t[1].part, ==, 0);
  g_assert_cmpint (t[2].whole, ==, 6);
  g_assert_cmpint (t[2].extra, ==, 1);
  g_assert_cmpint (t[2].part, ==, 7);
}

/* Invariants over many totals and weights: the trace's parts are
 * gs_money_split's, they add up to the total, extra ∈ {0, 1} and
 * part = whole + extra. */
static void
test_split_trace_invariants (void)
{
  const double weights[][4]
      = { { 1, 1, 1, 1 }, { 0.1, 0.2, 0.3, 0.4 }, { 3, 0, 5, 7 }, { 1.25, 0.8, 1.1, 0.95 } };
  const GsMoney totals[] = { 0, 1, 3, 99, 100, 12345, 67200000, -101, 999999999 };

  for (guint k = 0; k < G_N_ELEMENTS (weights); k++)
    for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
      {
        GsMoneySplitPart t[4];
        GsMoney parts[4], sum = 0;
        gs_money_split_trace (totals[i], weights[k], 4, t);
        gs_money_split (totals[i], weights[k], 4, parts);
        for (guint j = 0; j < 4; j++)
          {
            gint64 extra = totals[i] < 0 ? -t[j].extra : t[j].extra;
            g_assert_cmpint (t[j].part, ==, parts[j]);
            g_assert_true (extra == 0 || extra == 1);
            g_assert_cmpint (t[j].part, ==, t[j].whole + t[j].extra);
            sum += t[j].part;
          }
        g_assert_cmpint (sum, ==, totals[i]);
      }
}

/* The fast path for the usual amount agrees with gs_money_parse on every
 * text it takes and leaves it the rest: awkward amounts at every number of
 * decimals, then random texts of digits, points, signs, spaces and
 * exponents.  Each is passed with a byte after it, which it must not read. */
static void
assert_plain_agrees (const char *text, guint digits)
{
  gsize len = strlen (text);
  g_autofree char *buf = g_strdup_printf ("%s7", text); /* not NUL-ended at len */
  GsMoney fast = -1, slow = -1;
  if (!gs_money_parse_plain (buf, len, digits, &fast))
    return;
  if (!gs_money_parse (text, digits, &slow, NULL))
    g_error ("“%s” at %u digits: the fast path takes what gs_money_parse refuses", text, digits);
  if (fast != slow)
    g_error ("“%s” at %u digits: %" G_GINT64_FORMAT " against %" G_GINT64_FORMAT, text, digits,
             fast, slow);
}

static void
test_parse_plain (void)
{
  static const char *const awkward[] = {
    "34000.00",
    "0",
    "0.00",
    "007.00",
    "-0.00",
    "+5.00",
    "-5.00",
    "12.5",
    "12.500",
    "12.505",
    "5.",
    ".50",
    "1e5",
    "1E5",
    " 1.00",
    "1.00 ",
    "1 000.00",
    "",
    ".",
    "-",
    "1.2.3",
    "1,00",
    "9999999999999.99",
    "10000000000000.00",
    "10000000000000.01",
    "999999999999999",
    "1000000000000000",
    "1000000000000001",
    "999999999999999999",
    "1234567890123456789",
    "99999999999999999999.00",
    "000000000000000000000001.00",
    "0x10",
    "１２",
    "12.3a",
  };
  struct
  {
    const char *text;
    guint digits;
    GsMoney value;
  } taken[] = {
    { "34000.00", 2, 3400000 },
    { "34000", 2, 3400000 },
    { "0.00", 2, 0 },
    { "007.00", 2, 700 },
    { "1000", 0, 1000 },
    { "1.250", 3, 1250 },
    { "9999999999999.99", 2, GS_MONEY_LIMIT - 1 },
    { "10000000000000.00", 2, GS_MONEY_LIMIT },
    { "999999999999999", 0, GS_MONEY_LIMIT - 1 },
  };
  static const char *const left[] = { "-0.00",
                                      "+5.00",
                                      "12.5",
                                      "12.500",
                                      "5.",
                                      ".50",
                                      "1e5",
                                      " 1.00",
                                      "",
                                      "10000000000000.01",
                                      "1234567890123456789",
                                      "000000000000000000000001.00" };
  GRand *rand = g_rand_new_with_seed (11);
  GsMoney v = 0;

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_assert_true (
          gs_money_parse_plain (taken[i].text, strlen (taken[i].text), taken[i].digits, &v));
      g_assert_cmpint (v, ==, taken[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    g_assert_false (gs_money_parse_plain (left[i], strlen (left[i]), 2, &v));
  for (guint digits = 0; digits <= 4; digits++)
    for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
      assert_plain_agrees (awkward[i], digits);
  for (guint k = 0; k < 200000; k++)
    {
      static const char alphabet[] = "0123456789000000000099999.....-+ e";
      char text[24];
      guint len = (guint) g_rand_int_range (rand, 0, sizeof text);
      for (guint i = 0; i < len; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';
      assert_plain_agrees (text, (guint) g_rand_int_range (rand, 0, 4));
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/plain-roundtrip", test_plain_roundtrip);
  g_test_add_func ("/money/round-rule", test_round_rule);
  g_test_add_func ("/money/checked", test_checked);
  g_test_add_func ("/money/to-major", test_to_major);
  g_test_add_func ("/money/split", test_split);
  g_test_add_func ("/money/parse-plain", test_parse_plain);
  g_test_add_func ("/money/split-year", test_split_year);
  g_test_add_func ("/money/split-trace", test_split_trace);
  g_test_add_func ("/money/split-trace-invariants", test_split_trace_invariants);
  return g_test_run ();
}
