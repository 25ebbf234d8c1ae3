/* gs-rng.c — seeding and the samplers: normal (polar), gamma
 * (Marsaglia–Tsang), beta (two gammas), binomial (inversion for small means,
 * normal approximation for large ones).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-rng.h"

#include <math.h>

/* Below this mean, inversion walks few steps; above it the normal
 * approximation with continuity correction is within a fraction of a
 * count of the binomial's quantiles. */
#define GS_BINOMIAL_INVERSION_MEAN 30.0

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void
gs_rng_seed (GsRng *rng, guint64 seed, guint64 stream)
{
  /* Mix the stream number through splitmix64 first so neighbouring streams
   * start far apart. */
  guint64 x = seed;
  guint64 mixed = splitmix64 (&x) ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&mixed);
  rng->has_spare = FALSE;
  rng->spare = 0;
}

double
gs_rng_normal (GsRng *rng)
{
  double u, v, s, f;
  if (rng->has_spare)
    {
      rng->has_spare = FALSE;
      return rng->spare;
    }
  do
    {
      u = 2 * gs_rng_uniform (rng) - 1;
      v = 2 * gs_rng_uniform (rng) - 1;
      s = u * u + v * v;
    }
  while (s >= 1 || s == 0);
  f = sqrt (-2 * log (s) / s);
  rng->spare = v * f;
  rng->has_spare = TRUE;
  return u * f;
}

/* Marsaglia and Tsang (2000); shapes below one are boosted by u^(1/a). */
double
gs_rng_gamma (GsRng *rng, double a)
{
  double d, c, boost = 1;
  if (a <= 0)
    return 0;
  if (a < 1)
    {
      boost = pow (1 - gs_rng_uniform (rng), 1 / a);
      a += 1;
    }
  d = a - 1.0 / 3;
  c = 1 / sqrt (9 * d);
  for (;;)
    {
      double x = gs_rng_normal (rng), v = 1 + c * x, u;
      if (v <= 0)
        continue;
      v = v * v * v;
      u = gs_rng_uniform (rng);
      if (u < 1 - 0.0331 * x * x * x * x || log (u) < 0.5 * x * x + d * (1 - v + log (v)))
        return d * v * boost;
    }
}

double
gs_rng_beta (GsRng *rng, double a, double b)
{
  double x = gs_rng_gamma (rng, a), y = gs_rng_gamma (rng, b);
  return x + y > 0 ? x / (x + y) : a / (a + b);
}

void
gs_binomial_init (GsBinomial *b, double p)
{
  p = CLAMP (p, 0, 1);
  b->flip = p > 0.5;
  b->p = b->flip ? 1 - p : p;
  b->q = 1 - b->p;
  b->s = b->q > 0 ? b->p / b->q : 0;
  b->log_q = b->q > 0 ? log (b->q) : -INFINITY;
  b->sqrt_pq = sqrt (b->p * b->q);
}

gint64
gs_binomial_draw (const GsBinomial *b, GsRng *rng, gint64 n)
{
  gint64 x;
  if (n <= 0)
    return 0;
  if (b->p <= 0)
    x = 0;
  else if (n * b->p < GS_BINOMIAL_INVERSION_MEAN)
    {
      /* Inversion: walk the pmf from 0, f(x+1) = f(x) · ((n+1)s/(x+1) − s). */
      double r = exp ((double) n * b->log_q), a = (double) (n + 1) * b->s;
      double u = gs_rng_uniform (rng);
      x = 0;
      while (u > r && x < n)
        {
          u -= r;
          x++;
          r *= a / (double) x - b->s;
          if (r < 1e-300) /* rounding left u above the whole tail */
            break;
        }
    }
  else
    {
      double mean = (double) n * b->p, sd = sqrt ((double) n) * b->sqrt_pq;
      x = (gint64) floor (mean + sd * gs_rng_normal (rng) + 0.5);
      x = CLAMP (x, 0, n);
    }
  return b->flip ? n - x : x;
}

gint64
gs_rng_binomial (GsRng *rng, gint64 n, double p)
{
  GsBinomial b;
  gs_binomial_init (&b, p);
  return gs_binomial_draw (&b, rng, n);
}
