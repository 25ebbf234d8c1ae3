/* gs-rng.h — random streams and the samplers the simulation needs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xoshiro256** (Blackman and Vigna) seeded by splitmix64 from a seed and a
 * stream number, so every block of trials has its own reproducible stream.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
  double spare; /* second normal of the last polar pair */
  gboolean has_spare;
} GsRng;

void
gs_rng_seed (GsRng *rng, guint64 seed, guint64 stream);

static inline guint64
gs_rng_rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
gs_rng_next (GsRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = gs_rng_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = gs_rng_rotl (s[3], 45);
  return result;
}

/* [0, 1) with 53 random bits. */
static inline double
gs_rng_uniform (GsRng *rng)
{
  return (double) (gs_rng_next (rng) >> 11) * 0x1.0p-53;
}

double
gs_rng_normal (GsRng *rng);
double
gs_rng_gamma (GsRng *rng, double shape);
double
gs_rng_beta (GsRng *rng, double a, double b);
gint64
gs_rng_binomial (GsRng *rng, gint64 n, double p);

/* Binomial draws with one p and many n: the per-p constants computed once. */
typedef struct
{
  double p;      /* min(p, 1 − p) */
  gboolean flip; /* the draw counts failures: n − X */
  double q, s, log_q, sqrt_pq;
} GsBinomial;

void
gs_binomial_init (GsBinomial *b, double p);
gint64
gs_binomial_draw (const GsBinomial *b, GsRng *rng, gint64 n);

G_END_DECLS
