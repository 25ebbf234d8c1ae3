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
#include <math.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
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

/* Marsaglia and Tsang's ziggurat (gs-rng.c), 128 layers: k, the bound of
 * each layer's rectangle; w, its width per unit of the 32-bit abscissa; f,
 * the density at its edge.  Filled before the first stream is seeded. */
typedef struct
{
  guint32 k[128];
  double w[128], f[128];
} GsZiggurat;

extern GsZiggurat gs_rng_zig;

double
gs_rng_normal_slow (GsRng *rng, gint32 hz, guint iz);

/* Standard normal by the ziggurat: the layer from the low 7 bits, the signed
 * abscissa from the high 32; 98.8 % of draws end in the layer's rectangle
 * here, inline, the rest (the wedges, the tail) in gs_rng_normal_slow. */
static inline double
gs_rng_normal (GsRng *rng)
{
  guint64 bits = gs_rng_next (rng);
  gint32 hz = (gint32) (guint32) (bits >> 32);
  guint iz = (guint) (bits & 127);
  guint32 mag = hz < 0 ? 0u - (guint32) hz : (guint32) hz;

  if (G_LIKELY (mag < gs_rng_zig.k[iz]))
    return hz * gs_rng_zig.w[iz];
  return gs_rng_normal_slow (rng, hz, iz);
}

double
gs_rng_gamma (GsRng *rng, double shape);
double
gs_rng_beta (GsRng *rng, double a, double b);

/* Gamma(shape) with Marsaglia and Tsang's constants (a square root and a
 * division) worked out once, for a shape drawn from again and again (the
 * simulation's rates, every trial): the same draws as gs_rng_gamma. */
typedef struct
{
  double d, c; /* shape (+ 1 below one) − 1/3, and 1/sqrt(9d); d ≤ 0: always 0 */
  double inv;  /* below one: 1/shape, for the boost u^(1/shape); else 0 */
} GsGamma;

void
gs_gamma_init (GsGamma *g, double shape);
double
gs_gamma_draw_slow (const GsGamma *g, GsRng *rng);

/* A draw: Marsaglia and Tsang's first try (a normal, a uniform and the
 * squeeze settle almost every draw at the simulation's shapes) inline; the
 * logarithmic test, the tries after it and shapes below one (the boost) in
 * gs_gamma_draw_slow, which goes on with the same stream. */
G_ALWAYS_INLINE static inline double
gs_gamma_draw (const GsGamma *g, GsRng *rng)
{
  if (G_LIKELY (g->inv == 0 && g->d > 0))
    {
      double x = gs_rng_normal (rng), v = 1 + g->c * x, u;
      if (G_LIKELY (v > 0))
        {
          v = v * v * v;
          u = gs_rng_uniform (rng);
          if (G_LIKELY (u < 1 - 0.0331 * x * x * x * x)
              || log (u) < 0.5 * x * x + g->d * (1 - v + log (v)))
            return g->d * v;
        }
    }
  return gs_gamma_draw_slow (g, rng);
}

/* Beta(a, b) as two such gammas: the same draws as gs_rng_beta. */
typedef struct
{
  GsGamma x, y;
  double mean; /* a/(a + b), when both gammas are 0 */
} GsBeta;

void
gs_beta_init (GsBeta *be, double a, double b);

static inline double
gs_beta_draw (const GsBeta *be, GsRng *rng)
{
  double x = gs_gamma_draw (&be->x, rng), y = gs_gamma_draw (&be->y, rng);
  return x + y > 0 ? x / (x + y) : be->mean;
}
gint64
gs_rng_binomial (GsRng *rng, gint64 n, double p);

/* Binomial draws with one p and many n: the per-p constants computed once,
 * the per-n ones (q^n for inversion, BTRS's hat) kept for the last n, so
 * a run of draws with the same n pays the set-up once. */
typedef struct
{
  double p;      /* min(p, 1 − p) */
  gboolean flip; /* the draw counts failures: n − X */
  double q, s, log_q;
  gint64 n;             /* the n the fields below are for; −1: none yet */
  double qn, bound;     /* inversion: P(X = 0) = q^n, where to give up and start again */
  gboolean bound_exact; /* FALSE: bound is only mean + 10, below the real one */
  double cdf[16];       /* inversion with n ≤ GS_BINOMIAL_TABLE_N: P(X ≤ x), x < n */
  double qpow[16];      /* q^(2^i), filled as far as needed */
  guint n_qpow;
  gint64 last_pow; /* the last power q_power computed (a volume's monthly step repeats), −1: none */
  double q_last_pow; /* q^last_pow */
  /* BTRS (Hörmann 1993): the hat's shape a, b, c and sd, the squeeze v_r;
   * for the exact test (filled when first needed for this n: m < 0 until
   * then) the mode m, alpha, and with h_ready log(p/q) and the
   * draw-independent part h of the logarithmic acceptance bound. */
  double a, b, c, sd, v_r, alpha, m, log_r, h;
  gboolean h_ready;
} GsBinomial;

void
gs_binomial_init (GsBinomial *b, double p);

#define GS_BINOMIAL_BTRS_MEAN 10.0
/* Inversion by a table of the whole cdf up to this n (GsBinomial.cdf). */
#define GS_BINOMIAL_TABLE_N 16

/* The two samplers behind gs_binomial_draw, for 0 < n and 0 < p ≤ ½ (b->p),
 * on either side of the switch; call gs_binomial_draw instead. */
gint64
gs_binomial_inversion (GsBinomial *b, GsRng *rng, gint64 n);
gint64
gs_binomial_btrs (GsBinomial *b, GsRng *rng, gint64 n);

/* Exact Binomial(n, p): inversion below a mean of GS_BINOMIAL_BTRS_MEAN,
 * BTRS above.  Updates the per-n cache in b.  Inline, so the simulation's
 * many cheap draws (n = 0, p = 0, a small mean) pay no call to a function
 * that saves BTRS's registers. */
static inline gint64
gs_binomial_draw (GsBinomial *b, GsRng *rng, gint64 n)
{
  gint64 x;
  if (n <= 0)
    return 0;
  if (b->p <= 0)
    x = 0;
  else if (n <= GS_BINOMIAL_TABLE_N && n == b->n)
    {
      /* The cdf kept with n (gs_binomial_inversion): X = #{x < n : F(x) < u}. */
      double u = gs_rng_uniform (rng);
      x = 0;
      for (gint64 k = 0; k < n; k++)
        x += u > b->cdf[k];
    }
  else if ((double) n * b->p < GS_BINOMIAL_BTRS_MEAN)
    x = gs_binomial_inversion (b, rng, n);
  else
    x = gs_binomial_btrs (b, rng, n);
  return b->flip ? n - x : x;
}

/* Whether gs_binomial_draw2 draws n by its paired inversion. */
static inline gboolean
gs_binomial_pairable (const GsBinomial *b, gint64 n)
{
  return b->p > 0 && n > GS_BINOMIAL_TABLE_N && (double) n * b->p < GS_BINOMIAL_BTRS_MEAN;
}

/* Two independent draws, Binomial(n1, p) and Binomial(n2, p), from one
 * GsBinomial: when both are drawn by the inversion's unrolled span
 * (gs_binomial_pairable), the two spans are computed together, two lanes of
 * one vector (the same products and sums as gs_binomial_draw's, so the same
 * X for the same uniform), both uniforms taken first; else one after the
 * other. */
void
gs_binomial_draw2 (GsBinomial *b, GsRng *rng, gint64 n1, gint64 n2, gint64 *x1, gint64 *x2);

G_END_DECLS
