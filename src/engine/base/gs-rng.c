/* gs-rng.c — seeding and the samplers: normal (ziggurat), gamma
 * (Marsaglia–Tsang), beta (two gammas), binomial (inversion for small means,
 * BTRS for large ones; both exact).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-rng.h"

#include <math.h>

/* floor () without calling libm (no SSE4.1 in the baseline x86-64): the same
 * value below 2^52, where every larger double is already whole. */
static inline double
floor_inline (double x)
{
  if (fabs (x) < 0x1p52)
    {
      double t = (double) (gint64) x;
      return t - (double) (t > x);
    }
  return floor (x);
}

static void
tables_init (void);

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

  tables_init ();
  guint64 mixed = splitmix64 (&x) ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&mixed);
}

/* The ziggurat of Marsaglia and Tsang ("The Ziggurat Method for Generating
 * Random Variables", J. Stat. Softw. 5, 2000), 128 layers: 98.8 % of draws
 * are one 64-bit number, a compare and a multiplication; the polar method it
 * replaces took a logarithm and a square root per pair.  The layer comes from
 * the low 7 bits, the signed abscissa from the high 32. */
#define ZIG_R 3.442619855899
GsZiggurat gs_rng_zig;
#define zig gs_rng_zig

static void
zig_init (void)
{
  const double m1 = 2147483648.0, vn = 9.91256303526217e-3;
  double dn = ZIG_R, tn = dn, q = vn / exp (-0.5 * dn * dn);

  zig.k[0] = (guint32) ((dn / q) * m1);
  zig.k[1] = 0;
  zig.w[0] = q / m1;
  zig.w[127] = dn / m1;
  zig.f[0] = 1;
  zig.f[127] = exp (-0.5 * dn * dn);
  for (int i = 126; i >= 1; i--)
    {
      dn = sqrt (-2 * log (vn / dn + exp (-0.5 * dn * dn)));
      zig.k[i + 1] = (guint32) ((dn / tn) * m1);
      tn = dn;
      zig.f[i] = exp (-0.5 * dn * dn);
      zig.w[i] = dn / m1;
    }
}

/* The tables every sampler reads without a check (gs_rng_normal's fast
 * path, the reciprocals), filled once before the first stream is seeded:
 * a thread that seeded a stream sees them whole. */
static void
reciprocals_init (void);

static void
tables_init (void)
{
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      zig_init ();
      reciprocals_init ();
      g_once_init_leave (&ready, 1);
    }
}

/* The ziggurat beyond its rectangles, for the layer iz and abscissa hz a
 * draw did not accept there (gs_rng_normal); then draws again as the loop
 * of the whole method does. */
double
gs_rng_normal_slow (GsRng *rng, gint32 hz, guint iz)
{
  tables_init (); /* a stream used before seeding: its state is all zero anyway */
  for (;;)
    {
      guint32 mag = hz < 0 ? 0u - (guint32) hz : (guint32) hz;
      double x = hz * zig.w[iz];
      guint64 bits;

      if (mag < zig.k[iz])
        return x; /* inside the layer's rectangle */
      if (iz == 0)
        {
          /* The tail beyond r, by Marsaglia's exponential method. */
          double y;
          do
            {
              x = -log (1 - gs_rng_uniform (rng)) / ZIG_R;
              y = -log (1 - gs_rng_uniform (rng));
            }
          while (y + y < x * x);
          return hz > 0 ? ZIG_R + x : -ZIG_R - x;
        }
      /* The wedge between the rectangle and the curve. */
      if (zig.f[iz] + gs_rng_uniform (rng) * (zig.f[iz - 1] - zig.f[iz]) < exp (-0.5 * x * x))
        return x;
      bits = gs_rng_next (rng);
      hz = (gint32) (guint32) (bits >> 32);
      iz = (guint) (bits & 127);
    }
}

/* Marsaglia and Tsang (2000); shapes below one are boosted by u^(1/a). */
void
gs_gamma_init (GsGamma *g, double a)
{
  g->inv = 0;
  if (a <= 0)
    {
      g->d = 0;
      g->c = 0;
      return;
    }
  if (a < 1)
    {
      g->inv = 1 / a;
      a += 1;
    }
  g->d = a - 1.0 / 3;
  g->c = 1 / sqrt (9 * g->d);
}

double
gs_gamma_draw_slow (const GsGamma *g, GsRng *rng)
{
  double d = g->d, c = g->c, boost = 1;
  if (d <= 0)
    return 0;
  if (g->inv > 0)
    boost = pow (1 - gs_rng_uniform (rng), g->inv);
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
gs_rng_gamma (GsRng *rng, double a)
{
  GsGamma g;
  gs_gamma_init (&g, a);
  return gs_gamma_draw (&g, rng);
}

void
gs_beta_init (GsBeta *be, double a, double b)
{
  gs_gamma_init (&be->x, a);
  gs_gamma_init (&be->y, b);
  be->mean = a / (a + b);
}

double
gs_rng_beta (GsRng *rng, double a, double b)
{
  GsBeta be;
  gs_beta_init (&be, a, b);
  return gs_beta_draw (&be, rng);
}

void
gs_binomial_init (GsBinomial *b, double p)
{
  p = CLAMP (p, 0, 1);
  b->flip = p > 0.5;
  b->p = b->flip ? 1 - p : p;
  b->q = 1 - b->p;
  b->s = b->q > 0 ? b->p / b->q : 0;
  b->log_q = NAN; /* log(q): only for q^n with n ≥ 2^16, computed then */
  b->n = -1;
  b->n_qpow = 0;
  b->last_pow = -1;
  b->log_r = NAN; /* BTRS's log(p/q): computed when first needed */
}

/* 1/x for the inversion's walk and BTRS's ratio of neighbours: a
 * multiplication instead of a division (the walk rarely passes 64 steps, a
 * mean below 10; BTRS's ratio runs from its mode, 8 KiB cover a mean of about
 * a thousand). */
#define N_RECIPROCALS 1024
static double reciprocals[N_RECIPROCALS];

static void
reciprocals_init (void)
{
  static gsize ready = 0;
  if (g_once_init_enter (&ready))
    {
      for (guint i = 1; i < N_RECIPROCALS; i++)
        reciprocals[i] = 1.0 / i;
      g_once_init_leave (&ready, 1);
    }
}

/* q^n for n below 2^G_N_ELEMENTS (qpow) by repeated squaring, cheaper than
 * exp when n changes from draw to draw (a source's volume month by month);
 * the relative error after 15 squarings is below 2^15 ulp, ~10^-11. */
static double
q_power (GsBinomial *b, gint64 n)
{
  double r = 1;
  if (n >> G_N_ELEMENTS (b->qpow))
    {
      if (isnan (b->log_q))
        b->log_q = log1p (-b->p); /* p ≤ ½: q > 0, and exact for tiny p */
      return exp ((double) n * b->log_q);
    }
  /* The same power again (a planned volume growing by the same step every
   * month, q_step's q^step): the value computed before, the same double. */
  if (n == b->last_pow)
    return b->q_last_pow;
  b->last_pow = n;
  for (guint i = 0; n; i++, n >>= 1)
    {
      if (i == b->n_qpow)
        b->qpow[b->n_qpow++] = i ? b->qpow[i - 1] * b->qpow[i - 1] : b->q;
      if (n & 1)
        r *= b->qpow[i];
    }
  return b->q_last_pow = r;
}

/* q^n for a sampler whose kept n (b->n, b->qn) is from the inversion: from
 * a kept n a little below, q^n = q^(kept n) · q^(n − kept n), a short power
 * instead of the whole (a planned volume grows by a few a month).  A kept n
 * above 0 and below n has a mean below n's, so it was the inversion's, not
 * BTRS's (which keeps no qn).  The products' rounding adds about an ulp a
 * month to q^n's, against its 10^-11 bound. */
static inline double
q_step (GsBinomial *b, gint64 n)
{
  if (b->n > 0 && n > b->n && n - b->n < 16)
    return b->qn * q_power (b, n - b->n);
  return q_power (b, n);
}

/* The inversion's first `span` values without a branch on u: X = #{k <
 * span : F(k) < u}, F summed as the walk goes (f(k) = f(k−1) · ((n+1)s/k −
 * s)).  A walk stops after a number of steps that changes from draw to draw,
 * and the processor mispredicted its end once a draw; a fixed span (a
 * constant where this is inlined, so the loop is unrolled) is cheaper even
 * with a few more multiplications.  Returns X; or, when u lies beyond F(span
 * − 1), −1 with *u and *px set for the walk to go on from x = span: u −
 * F(span − 1) and f(span).  Past `bound` it starts again with a new u, as the
 * walk does. */
static inline gint64
inversion_span (GsBinomial *b, GsRng *rng, gint64 n, double a, const gint64 span, double *u_out,
                double *px_out)
{
  double u, px, F;
  gint64 x;

  for (;;)
    {
      u = gs_rng_uniform (rng);
      px = F = b->qn;
      x = u > F;
      for (gint64 k = 1; k < span; k++)
        {
          px *= a * reciprocals[k] - b->s;
          F += px;
          x += u > F;
        }
      if (x < span)
        return x;
      if ((double) x > b->bound && !b->bound_exact)
        {
          double mean = (double) n * b->p;
          b->bound = MIN ((double) n, mean + 10 * sqrt (mean * b->q + 1));
          b->bound_exact = TRUE;
        }
      if ((double) x <= b->bound)
        break; /* else start again with a new u */
    }
  *u_out = u - F;
  *px_out = px * (a * reciprocals[span] - b->s);
  return -1;
}

/* Inversion: X is the first x with F(x) ≥ u.  Past `bound` (mean + 10 sd,
 * where rounding could leave u above the whole tail) the walk starts again
 * with a new u, as NumPy does, so no tail is cut off.  For n ≤
 * GS_BINOMIAL_TABLE_N the whole cdf is kept with n (a run of draws with the
 * same n, a small source's flat planned volume, pays the table once) and X =
 * #{x < n : F(x) < u}; above, the first 12 values (a mean below 6) or 16
 * are counted the same way as they are computed (inversion_span), and only
 * a u beyond them walks the pmf on: f(x) = f(x−1) · ((n+1)s/x − s). */
gint64
gs_binomial_inversion (GsBinomial *b, GsRng *rng, gint64 n)
{
  double a = (double) (n + 1) * b->s, mean = (double) n * b->p, px, u;
  gint64 x = 0, span;

  if (b->n != n)
    {
      b->qn = q_step (b, n); /* from the kept n: before it is replaced */
      b->n = n;
      /* mean + 10 is below the bound; its square root waits until a walk
       * gets that far (rarely). */
      b->bound = MIN ((double) n, mean + 10);
      b->bound_exact = b->bound >= (double) n;
      if (n <= GS_BINOMIAL_TABLE_N)
        {
          px = b->cdf[0] = b->qn;
          for (gint64 k = 1; k < n; k++)
            {
              px *= a * reciprocals[k] - b->s;
              b->cdf[k] = b->cdf[k - 1] + px;
            }
        }
    }
  if (n <= GS_BINOMIAL_TABLE_N)
    {
      u = gs_rng_uniform (rng);
      for (gint64 k = 0; k < n; k++)
        x += u > b->cdf[k];
      return x;
    }
  /* n > 16 ≥ span: every k < span is a value X can take. */
  span = mean < 6 ? 12 : 16;
  for (;;)
    {
      x = span == 12 ? inversion_span (b, rng, n, a, 12, &u, &px)
                     : inversion_span (b, rng, n, a, 16, &u, &px);
      if (x >= 0)
        return x;
      for (x = span; u > px;)
        {
          x++;
          if ((double) x > b->bound && !b->bound_exact)
            {
              b->bound = MIN ((double) n, mean + 10 * sqrt (mean * b->q + 1));
              b->bound_exact = TRUE;
            }
          if ((double) x > b->bound)
            break; /* start again with a new u */
          u -= px;
          px *= (x < N_RECIPROCALS ? a * reciprocals[x] : a / (double) x) - b->s;
        }
      if (u <= px)
        return x;
    }
}

/* The inversion beyond its span for n: u is u − F(span − 1), px f(span).
 * Returns X, or −1 when the walk passes the restart bound (start again with
 * a new u), as the walk in gs_binomial_inversion. */
static gint64
inversion_walk (const GsBinomial *b, gint64 n, double a, gint64 span, double u, double px)
{
  double mean = (double) n * b->p, bound = MIN ((double) n, mean + 10);
  gboolean exact = bound >= (double) n;
  gint64 x = span;

  for (;;)
    {
      if ((double) x > bound && !exact)
        {
          bound = MIN ((double) n, mean + 10 * sqrt (mean * b->q + 1));
          exact = TRUE;
        }
      if ((double) x > bound)
        return -1;
      if (u <= px)
        return x;
      x++;
      u -= px;
      px *= (x < N_RECIPROCALS ? a * reciprocals[x] : a / (double) x) - b->s;
    }
}

typedef double v2d __attribute__ ((vector_size (16)));
typedef gint64 v2i __attribute__ ((vector_size (16)));

void
gs_binomial_draw2 (GsBinomial *b, GsRng *rng, gint64 n1, gint64 n2, gint64 *x1, gint64 *x2)
{
  double p = b->p, s = b->s, qn1, qn2, u1, u2, mean1 = (double) n1 * p, mean2 = (double) n2 * p;
  gint64 span, r1, r2;
  v2d A, U, px, F;
  v2i X;

  if (!gs_binomial_pairable (b, n1) || !gs_binomial_pairable (b, n2))
    {
      *x1 = gs_binomial_draw (b, rng, n1);
      *x2 = gs_binomial_draw (b, rng, n2);
      return;
    }
  qn1 = b->n == n1 ? b->qn : q_step (b, n1);
  qn2 = n2 == n1 ? qn1 : n2 > n1 && n2 - n1 < 16 ? qn1 * q_power (b, n2 - n1) : q_power (b, n2);
  b->n = n2;
  b->qn = qn2;
  b->bound = MIN ((double) n2, mean2 + 10);
  b->bound_exact = b->bound >= (double) n2;
  A = (v2d){ (double) (n1 + 1) * s, (double) (n2 + 1) * s };
  u1 = gs_rng_uniform (rng); /* in this order: an initializer's are not sequenced */
  u2 = gs_rng_uniform (rng);
  U = (v2d){ u1, u2 };
  px = F = (v2d){ qn1, qn2 };
  X = F < U;
  span = MAX (mean1, mean2) < 6 ? 12 : 16;
  for (gint64 k = 1; k < span; k++)
    {
      px *= A * reciprocals[k] - s;
      F += px;
      X += F < U;
    }
  r1 = -X[0];
  r2 = -X[1];
  if (G_UNLIKELY (r1 == span || r2 == span))
    {
      v2d next = px * (A * reciprocals[span] - s);
      if (r1 == span)
        r1 = inversion_walk (b, n1, A[0], span, U[0] - F[0], next[0]);
      if (r1 < 0)
        r1 = gs_binomial_inversion (b, rng, n1);
      if (r2 == span)
        r2 = inversion_walk (b, n2, A[1], span, U[1] - F[1], next[1]);
      if (r2 < 0)
        r2 = gs_binomial_inversion (b, rng, n2);
    }
  *x1 = b->flip ? n1 - r1 : r1;
  *x2 = b->flip ? n2 - r2 : r2;
}

/* log k! − Stirling's approximation of it: exact below 10, the series above. */
static inline double
stirling_tail (double k)
{
  static const double small[]
      = { 0.0810614667953272,  0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
          0.0166446911898211,  0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
          0.00925546218271273, 0.00833056343336287 };
  double k1 = k + 1, k1sq = k1 * k1;
  if (k <= 9)
    return small[(int) k];
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k1sq) / k1sq) / k1;
}

/* What every BTRS draw with this n needs: the hat and the squeeze (one
 * square root and one division).  The constants of the exact test (alpha,
 * the mode m, h) wait until a draw falls outside the squeeze: b->h_ready. */
static void
btrs_setup (GsBinomial *b, gint64 n)
{
  double p = b->p, sd = sqrt ((double) n * p * b->q);

  b->n = n;
  b->sd = sd;
  b->b = 1.15 + 2.53 * sd;
  b->a = -0.0873 + 0.0248 * b->b + 0.01 * p;
  b->c = (double) n * p + 0.5;
  b->v_r = 0.92 - 4.2 / b->b;
  b->m = -1; /* the exact test's constants: not yet */
}

/* The exact test's constants for b->n: the mode m, alpha, and h (the parts of
 * the logarithmic acceptance bound that do not depend on the draw; only for
 * draws more than BTRS_RATIO_SPAN from the mode). */
static void
btrs_exact_setup (GsBinomial *b, gboolean with_h)
{
  double nd = (double) b->n, m;

  if (b->m < 0)
    {
      b->alpha = (2.83 + 5.1 / b->b) * b->sd;
      b->m = floor_inline ((nd + 1) * b->p);
      b->h_ready = FALSE;
    }
  if (with_h && !b->h_ready)
    {
      m = b->m;
      if (isnan (b->log_r))
        b->log_r = log (b->p / b->q);
      b->h = (m + 0.5) * (log ((m + 1) / (nd - m + 1)) - b->log_r) + stirling_tail (m)
             + stirling_tail (nd - m);
      b->h_ready = TRUE;
    }
}

/* f(k)/f(m) = Π (((n+1)s/i) − s) over i = m+1 … k (k > m), its reciprocal
 * for k < m: v is compared with it without a logarithm (Hörmann's step 3.1,
 * as in BTPE) when k is within this many of the mode. */
#define BTRS_RATIO_SPAN 15

/* BTRS: transformed rejection with squeeze (Hörmann, "The generation of
 * binomial random variates", J. Stat. Comput. Simul. 46, 1993), for a mean of
 * at least 10.  Most draws are accepted by the squeeze at the price of two
 * uniforms and a division; the rest are tested against the exact pmf: near
 * the mode by its ratio of neighbours multiplied out, further out by its
 * logarithm (Stirling's series with a table below 10). */
gint64
gs_binomial_btrs (GsBinomial *b, GsRng *rng, gint64 n)
{
  double nd = (double) n;

  if (b->n != n)
    btrs_setup (b, n);
  for (;;)
    {
      double u = gs_rng_uniform (rng) - 0.5, v = gs_rng_uniform (rng);
      double us = 0.5 - fabs (u), k, bound;
      if (us <= 0)
        continue;
      k = floor_inline ((2 * b->a / us + b->b) * u + b->c);
      if (us >= 0.07 && v <= b->v_r)
        return (gint64) k;
      if (k < 0 || k > nd || v <= 0)
        continue;
      if (b->m < 0) /* the call only when there is something to set up */
        btrs_exact_setup (b, FALSE);
      /* The test v·alpha / (a/us² + b) ≤ f(k)/f(m), with both sides
       * multiplied by a + b·us² (> 0: a > 0 for a mean of at least 10) so
       * that no division waits for the divider. */
      us *= us;
      v *= b->alpha * us;
      us = b->a + b->b * us;
      if (fabs (k - b->m) <= BTRS_RATIO_SPAN)
        {
          double nr = (nd + 1) * b->s, f = us;
          gint64 ki = (gint64) k, mi = (gint64) b->m;
          for (gint64 i = mi + 1; i <= ki; i++)
            f *= (i < N_RECIPROCALS ? nr * reciprocals[i] : nr / (double) i) - b->s;
          for (gint64 i = ki + 1; i <= mi; i++)
            v *= (i < N_RECIPROCALS ? nr * reciprocals[i] : nr / (double) i) - b->s;
          if (v <= f)
            return ki;
          continue;
        }
      if (!b->h_ready)
        btrs_exact_setup (b, TRUE);
      v = log (v / us);
      bound = b->h + (nd + 1) * log ((nd - b->m + 1) / (nd - k + 1))
              + (k + 0.5) * (b->log_r + log ((nd - k + 1) / (k + 1))) - stirling_tail (k)
              - stirling_tail (nd - k);
      if (v <= bound)
        return (gint64) k;
    }
}

gint64
gs_rng_binomial (GsRng *rng, gint64 n, double p)
{
  GsBinomial b;
  gs_binomial_init (&b, p);
  return gs_binomial_draw (&b, rng, n);
}
