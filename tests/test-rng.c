/* test-rng.c — the samplers: the binomial's moments, edge cases and a χ² fit
 * against the exact pmf on both sides of the inversion/BTRS switch; the
 * ziggurat normal's moments and tails.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test has a fixed seed, so a pass is reproducible; the tolerances are
 * five standard errors (moments) and the 0.999 quantile (χ²), so a correct
 * sampler fails none of them by chance in practice, and a sampler off by a
 * few percent in the mean or the shape fails them.
 */
#include "gs-rng.h"

#include <math.h>

/* Mean and variance of `draws` Binomial(n, p), all from one GsBinomial as the
 * simulation uses it. */
static void
binomial_moments (gint64 n, double p, guint draws, guint64 seed, double *mean, double *var)
{
  GsRng rng;
  GsBinomial b;
  double sum = 0, sum2 = 0;

  gs_rng_seed (&rng, seed, 0);
  gs_binomial_init (&b, p);
  for (guint i = 0; i < draws; i++)
    {
      double x = (double) gs_binomial_draw (&b, &rng, n);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, (double) n);
      sum += x;
      sum2 += x * x;
    }
  *mean = sum / draws;
  *var = sum2 / draws - *mean * *mean;
}

static void
check_moments (gint64 n, double p, guint draws)
{
  double mean, var;
  double mu = (double) n * p, sigma2 = mu * (1 - p);
  /* Standard errors: of the mean sqrt(σ²/N); of the variance
   * sqrt((μ₄ − σ⁴)/N) with the binomial's μ₄ = σ²(1 + 3(n − 2)pq). */
  double mu4 = sigma2 * (1 + 3 * ((double) n - 2) * p * (1 - p));
  double se_mean = sqrt (sigma2 / draws), se_var = sqrt (MAX (0, mu4 - sigma2 * sigma2) / draws);

  binomial_moments (n, p, draws, 7, &mean, &var);
  g_test_message ("Binomial(%" G_GINT64_FORMAT ", %g): mean %.4f (exact %.4f), variance %.4f "
                  "(exact %.4f)",
                  n, p, mean, mu, var, sigma2);
  g_assert_cmpfloat (fabs (mean - mu), <=, 5 * se_mean + 1e-12);
  g_assert_cmpfloat (fabs (var - sigma2), <=, 5 * se_var + 1e-12);
}

static void
test_moments (void)
{
  /* Inversion: means 0.5, 5 and just under 10. */
  check_moments (1000, 0.0005, 200000);
  check_moments (1000, 0.005, 200000);
  check_moments (99, 0.1, 200000);
  /* BTRS: a mean of exactly 10, then 300 and 3,000. */
  check_moments (100, 0.1, 200000);
  check_moments (1000, 0.3, 200000);
  check_moments (10000, 0.3, 200000);
  /* p above one half: drawn as n − Binomial(n, 1 − p), both methods. */
  check_moments (50, 0.9, 200000);
  check_moments (5000, 0.75, 200000);
  /* Huge n, with a small and a large mean. */
  check_moments (G_GINT64_CONSTANT (1000000000000), 3e-12, 200000);
  check_moments (G_GINT64_CONSTANT (1000000000), 0.3, 50000);
}

static void
test_edges (void)
{
  GsRng rng;
  GsBinomial b;

  gs_rng_seed (&rng, 1, 0);
  g_assert_cmpint (gs_rng_binomial (&rng, 0, 0.5), ==, 0);
  g_assert_cmpint (gs_rng_binomial (&rng, -3, 0.5), ==, 0);
  g_assert_cmpint (gs_rng_binomial (&rng, 17, 1.0), ==, 17);
  g_assert_cmpint (gs_rng_binomial (&rng, 17, 0.0), ==, 0);
  g_assert_cmpint (gs_rng_binomial (&rng, G_GINT64_CONSTANT (1000000000000), 1.0), ==,
                   G_GINT64_CONSTANT (1000000000000));
  g_assert_cmpint (gs_rng_binomial (&rng, G_GINT64_CONSTANT (1000000000000), 0.0), ==, 0);
  /* Out-of-range p is clamped, not a crash. */
  g_assert_cmpint (gs_rng_binomial (&rng, 9, 1.5), ==, 9);
  g_assert_cmpint (gs_rng_binomial (&rng, 9, -0.5), ==, 0);
  /* n = 1 is a Bernoulli draw: both outcomes appear. */
  {
    guint ones = 0;
    gs_binomial_init (&b, 0.5);
    for (guint i = 0; i < 1000; i++)
      ones += (guint) gs_binomial_draw (&b, &rng, 1);
    g_assert_cmpuint (ones, >, 400);
    g_assert_cmpuint (ones, <, 600);
  }
  /* One GsBinomial over changing n (as one source over the months) gives
   * each n its own distribution: the per-n cache follows n. */
  {
    double sum_small = 0, sum_large = 0;
    gs_binomial_init (&b, 0.2);
    for (guint i = 0; i < 100000; i++)
      {
        sum_small += (double) gs_binomial_draw (&b, &rng, 10);   /* inversion, mean 2 */
        sum_large += (double) gs_binomial_draw (&b, &rng, 1000); /* BTRS, mean 200 */
      }
    g_assert_cmpfloat (fabs (sum_small / 100000 - 2), <, 5 * sqrt (1.6 / 100000));
    g_assert_cmpfloat (fabs (sum_large / 100000 - 200), <, 5 * sqrt (160.0 / 100000));
  }
}

/* The same stream gives the same draws: what makes the simulation
 * reproducible from its seed. */
static void
test_reproducible (void)
{
  GsRng a, c;
  GsBinomial ba, bc;
  gs_rng_seed (&a, 99, 5);
  gs_rng_seed (&c, 99, 5);
  gs_binomial_init (&ba, 0.37);
  gs_binomial_init (&bc, 0.37);
  for (guint i = 0; i < 10000; i++)
    {
      gint64 n = (gint64) (i % 500);
      g_assert_cmpint (gs_binomial_draw (&ba, &a, n), ==, gs_binomial_draw (&bc, &c, n));
    }
}

/* The per-n caches (inversion's q^n and its lazily computed restart bound,
 * BTRS's hat and its lazily computed exact-test constants) give the very
 * stream of a sampler set up afresh for every draw: n repeating, changing,
 * and crossing the inversion/BTRS switch, for p below and above ½. */
static void
test_cache_same_stream (void)
{
  const double ps[] = { 0.011, 0.2, 0.37, 0.93 };
  for (guint j = 0; j < G_N_ELEMENTS (ps); j++)
    {
      GsRng a, c;
      GsBinomial cached;
      gs_rng_seed (&a, 17, j);
      gs_rng_seed (&c, 17, j);
      gs_binomial_init (&cached, ps[j]);
      for (guint i = 0; i < 20000; i++)
        {
          /* Runs of three equal n, from 0 to 2,999 and back; every
           * other run one from 0 to 20 (the cdf table up to 16). */
          gint64 n = (i / 3) % 2 ? (gint64) ((i / 3) * 7 % 3000) : (gint64) ((i / 6) % 21);
          GsBinomial fresh;
          gs_binomial_init (&fresh, ps[j]);
          g_assert_cmpint (gs_binomial_draw (&cached, &a, n), ==, gs_binomial_draw (&fresh, &c, n));
        }
    }
}

/* gs_binomial_draw2 gives the very draws of two gs_binomial_draw calls on
 * the same stream: its lanes compute the same cdf, and it takes the two
 * uniforms in the same order.  Pairs on the paired path with the short span
 * (a mean below 6) and the long one, walks beyond the span (a mean near 9.6:
 * X ≥ 16 in about 3 % of draws), p above ½ (failures counted), n repeating
 * and changing, and pairs that fall back to two plain draws (n ≤ 16, a mean
 * of 10 or more, p = 0). */
static void
test_pair_same_stream (void)
{
  const double ps[] = { 0.011, 0.2, 0.5, 0.93, 0.0 };
  guint beyond = 0, paired = 0;
  for (guint j = 0; j < G_N_ELEMENTS (ps); j++)
    {
      GsRng a, c;
      GsBinomial pair, single;
      gs_rng_seed (&a, 23, j);
      gs_rng_seed (&c, 23, j);
      gs_binomial_init (&pair, ps[j]);
      gs_binomial_init (&single, ps[j]);
      for (guint i = 0; i < 40000; i++)
        {
          /* n from 0 to 899 in steps of 1–3, the pair's second n its first
           * or the next ones. */
          gint64 n1 = (gint64) ((i * 7 / 3) % 900), n2 = n1 + (gint64) (i % 4);
          gint64 x1, x2, y1, y2;
          gboolean both = gs_binomial_pairable (&pair, n1) && gs_binomial_pairable (&pair, n2);
          gs_binomial_draw2 (&pair, &a, n1, n2, &x1, &x2);
          y1 = gs_binomial_draw (&single, &c, n1);
          y2 = gs_binomial_draw (&single, &c, n2);
          g_assert_cmpint (x1, ==, y1);
          g_assert_cmpint (x2, ==, y2);
          paired += both;
          beyond += both && (ps[j] < 0.5 ? x1 : n1 - x1) >= 16;
        }
    }
  g_test_message ("%u pairs on the paired path, %u draws beyond the longer span", paired, beyond);
  g_assert_cmpuint (paired, >, 10000);
  g_assert_cmpuint (beyond, >, 20);
}

static double
log_pmf (gint64 n, double p, gint64 k)
{
  return lgamma ((double) n + 1) - lgamma ((double) k + 1) - lgamma ((double) (n - k) + 1)
         + (double) k * log (p) + (double) (n - k) * log1p (-p);
}

/* χ² goodness of fit of `draws` draws to the exact pmf, cells merged from the
 * tails inwards until each expects at least 20. */
static void
check_fit (gint64 n, double p, guint draws, guint64 seed)
{
  g_autofree guint *count = g_new0 (guint, n + 1);
  g_autofree double *expect = g_new0 (double, n + 1);
  GsRng rng;
  GsBinomial b;
  double chi2 = 0, cell_obs = 0, cell_exp = 0, z = 3.090232, h, limit;
  guint cells = 0;

  gs_rng_seed (&rng, seed, 0);
  gs_binomial_init (&b, p);
  for (guint i = 0; i < draws; i++)
    count[gs_binomial_draw (&b, &rng, n)]++;
  for (gint64 k = 0; k <= n; k++)
    expect[k] = draws * exp (log_pmf (n, p, k));
  for (gint64 k = 0; k <= n; k++)
    {
      cell_obs += count[k];
      cell_exp += expect[k];
      if (cell_exp >= 20 || k == n)
        {
          chi2 += (cell_obs - cell_exp) * (cell_obs - cell_exp) / MAX (cell_exp, 1e-300);
          cells++;
          cell_obs = cell_exp = 0;
        }
    }
  /* Wilson–Hilferty: the χ² quantile 0.999 with cells − 1 degrees of freedom. */
  h = 2.0 / (9 * (cells - 1));
  limit = (cells - 1) * pow (1 - h + z * sqrt (h), 3);
  g_test_message ("Binomial(%" G_GINT64_FORMAT ", %g): χ² %.1f over %u cells, 0.999 limit %.1f", n,
                  p, chi2, cells, limit);
  g_assert_cmpuint (cells, >=, 5);
  g_assert_cmpfloat (chi2, <, limit);
}

static void
test_fit (void)
{
  check_fit (30, 0.2, 300000, 1);   /* inversion, mean 6 */
  check_fit (104, 0.1, 300000, 2);  /* BTRS just above the switch, mean 10.4 */
  check_fit (200, 0.35, 300000, 3); /* BTRS, mean 70 */
  check_fit (4000, 0.5, 300000, 4); /* BTRS, p one half, sd ≈ 32 */
  check_fit (60, 0.85, 300000, 5);  /* flipped inversion */
  check_fit (400, 0.9, 300000, 6);  /* flipped BTRS */
  /* BTRS's exact test near the mode (within 15: the pmf's ratio multiplied
   * out) and beyond (its logarithm): sd 4 (all near), 9.4 (both, mostly
   * near), 44 (mostly beyond). */
  check_fit (60, 0.3, 300000, 7);
  check_fit (5000, 0.018, 300000, 8);
  check_fit (20000, 0.11, 300000, 9);
  /* Inversion by the whole cdf kept with n (n ≤ 16) and by the walk (17):
   * both sides of that switch, and flipped. */
  check_fit (16, 0.3, 300000, 10);
  check_fit (17, 0.3, 300000, 11);
  check_fit (6, 0.13, 300000, 12);
  check_fit (12, 0.8, 300000, 13);
  /* Inversion above n = 16: the first 12 values (a mean below 6) or 16
   * counted without a branch, the walk going on beyond them (X ≥ 12 about
   * 1.3 % of draws with a mean of 5.8, X ≥ 16 about 2.6 % with 9.5). */
  check_fit (40, 0.145, 300000, 14);
  check_fit (50, 0.19, 300000, 15);
  /* BTRS at mid-market's means, one month of its outbound and its inbound
   * source: the squeeze, the ratio near the mode and the logarithm beyond 15
   * (about 0.14 of the inbound's draws). */
  check_fit (600, 0.0264, 300000, 16);
  check_fit (5600, 0.01056, 300000, 17);
}

/* Standard normal by the ziggurat: mean 0, variance 1, skew 0, kurtosis 3
 * over 10⁶ draws (standard errors 0.001, 0.0014, 0.0039, 0.0098), and the
 * shares beyond 1, 2 and 3.5 (the last only reached through the ziggurat's
 * tail layer, beyond r = 3.44): 0.158655, 0.0227501, 0.000232629 each side. */
static void
test_normal (void)
{
  const guint n = 1000000;
  const double beyond[] = { 1, 2, 3.5 }, share[] = { 0.158655, 0.0227501, 0.000232629 };
  guint above[3] = { 0 }, below[3] = { 0 };
  double s1 = 0, s2 = 0, s3 = 0, s4 = 0, mean, var;
  GsRng rng;

  gs_rng_seed (&rng, 3, 0);
  for (guint i = 0; i < n; i++)
    {
      double x = gs_rng_normal (&rng);
      s1 += x, s2 += x * x, s3 += x * x * x, s4 += x * x * x * x;
      for (guint k = 0; k < 3; k++)
        {
          above[k] += x > beyond[k];
          below[k] += x < -beyond[k];
        }
    }
  mean = s1 / n;
  var = s2 / n - mean * mean;
  g_test_message ("normal: mean %.5f, variance %.5f, skew %.5f, kurtosis %.5f", mean, var, s3 / n,
                  s4 / n);
  g_assert_cmpfloat (fabs (mean), <, 0.005);
  g_assert_cmpfloat (fabs (var - 1), <, 0.007);
  g_assert_cmpfloat (fabs (s3 / n), <, 0.02);
  g_assert_cmpfloat (fabs (s4 / n - 3), <, 0.05);
  for (guint k = 0; k < 3; k++)
    {
      double se = sqrt (share[k] * (1 - share[k]) / n) * n;
      g_assert_cmpfloat (fabs (above[k] - share[k] * n), <, 5 * se);
      g_assert_cmpfloat (fabs (below[k] - share[k] * n), <, 5 * se);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rng/binomial/moments", test_moments);
  g_test_add_func ("/rng/binomial/edges", test_edges);
  g_test_add_func ("/rng/binomial/reproducible", test_reproducible);
  g_test_add_func ("/rng/binomial/cache-same-stream", test_cache_same_stream);
  g_test_add_func ("/rng/binomial/pair-same-stream", test_pair_same_stream);
  g_test_add_func ("/rng/binomial/fit", test_fit);
  g_test_add_func ("/rng/normal", test_normal);
  return g_test_run ();
}
