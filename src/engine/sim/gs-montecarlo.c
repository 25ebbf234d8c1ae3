/* gs-montecarlo.c — trials over the funnel: binomial volumes, beta rates,
 * jittered lags, lognormal deal sizes; capacity with a backlog per month.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speed comes from the binomial's thinning property: a cohort of n entering
 * at stage e that survives steps with rates p_e … p_last is Binomial(n,
 * Π p), so each cohort costs one draw however long the funnel is.  And from
 * its additivity: sources entering at the same stage without rates of their
 * own share p and the lags in every trial, so Binomial(n₁, p) + Binomial(n₂,
 * p) = Binomial(n₁ + n₂, p) is one draw for all of them (a "draw group").
 */
#include "gs-montecarlo.h"
#include "gs-montecarlo-private.h"
#include "gs-result.h"
#include "gs-backlog.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-large-alloc.h"
#include "gs-rng.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define BLOCK_TRIALS 8192
#define CHUNK 1024    /* trials whose histogram bins wait in Acc.pending, month by month */
#define BINS 4096     /* histogram bins per month; one more holds "at capacity" */
#define FW_TABLE 4096 /* wins below this take the Fenton–Wilkinson spread from a table */
#define MAX_TRIALS G_GUINT64_CONSTANT (100000000)

static gint draw_ahead = TRUE; /* atomic */

void
gs_montecarlo_set_draw_ahead (gboolean ahead)
{
  g_atomic_int_set (&draw_ahead, ahead);
}

void
gs_sim_settings_init (GsSimSettings *s)
{
  s->rate_concentration = 50;
  s->deal_size_sigma = 0.5;
  s->lag_jitter_days = 7;
  s->capacity_sigma = 0.1;
  s->trials = 100000;
  s->seed = 1;
  s->threads = 0;
  s->evidence = NULL;
  s->result = NULL;
}

/* Reads holder["simulation"] over the defaults. */
static gboolean
read_from (JsonObject *holder, GsSimSettings *s, GError **error)
{
  JsonObject *obj = NULL;
  gint64 trials, seed;

  if (!gs_json_object (holder, "", "simulation", GS_FIELD_OPTIONAL, &obj, error))
    return FALSE;
  if (obj == NULL)
    return TRUE;
  if (!gs_json_number (obj, "simulation", "rate_concentration", GS_FIELD_OPTIONAL,
                       s->rate_concentration, 0, 1e9, &s->rate_concentration, error)
      || !gs_json_number (obj, "simulation", "deal_size_sigma", GS_FIELD_OPTIONAL,
                          s->deal_size_sigma, 0, 3, &s->deal_size_sigma, error)
      || !gs_json_number (obj, "simulation", "lag_jitter_days", GS_FIELD_OPTIONAL,
                          s->lag_jitter_days, 0, 365, &s->lag_jitter_days, error)
      || !gs_json_number (obj, "simulation", "capacity_sigma", GS_FIELD_OPTIONAL, s->capacity_sigma,
                          0, 1, &s->capacity_sigma, error)
      || !gs_json_int (obj, "simulation", "trials", GS_FIELD_OPTIONAL, (gint64) s->trials, 1,
                       (gint64) MAX_TRIALS, &trials, error)
      || !gs_json_int (obj, "simulation", "seed", GS_FIELD_OPTIONAL, (gint64) s->seed, 0,
                       G_GINT64_CONSTANT (9007199254740992), &seed, error))
    return FALSE;
  s->trials = (guint64) trials;
  s->seed = (guint64) seed;
  return TRUE;
}

gboolean
gs_sim_settings_read (JsonNode *root, GsSimSettings *s, GError **error)
{
  gs_sim_settings_init (s);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  return read_from (json_node_get_object (root), s, error);
}

gboolean
gs_sim_settings_read_section (JsonNode *simulation, GsSimSettings *s, GError **error)
{
  g_autoptr (JsonObject) holder = json_object_new ();

  gs_sim_settings_init (s);
  if (simulation != NULL)
    json_object_set_member (holder, "simulation", json_node_ref (simulation));
  return read_from (holder, s, error);
}

/* A conversion rate as a trial draws it: from Beta(κ·r, κ·(1 − r)) around
 * the plan's r, its gammas set up once, or r itself (no concentration, r
 * at 0 or 1). */
typedef struct
{
  double rate;
  gboolean drawn;
  GsBeta beta;
} SimRate;

/* What every trial shares, computed once from the deterministic result. */
typedef struct
{
  const GsModel *m;
  const GsResult *r;
  GsResult *own_r; /* r, when the run computed it */
  GsSimSettings set;
  guint H, n_groups, n_steps;
  /* Draw groups: sources that share p and lags in every trial (same entry
   * stage, no rate of their own from there on) are one; a source with a
   * rate of its own is a group by itself. */
  guint *entry;       /* per group: entry stage */
  int *own;           /* per group: the source whose own rates it draws, or −1 */
  gint64 *vol;        /* [group][month index], whole entry volumes summed */
  gint64 *vol_before; /* per group: volume in months before the placed window */
  gint64 *vol_after;  /* per group: volume after it */
  gint64 *vol_prefix; /* [group][i ≤ month index]: vol summed over the months before i */
  /* volume_at for every month index a trial can ask for (its offsets are at
   * most the lags' and their jitter's sum), without the branches:
   * vol_all[group · vol_width + vol_base + i]. */
  gint64 *vol_all;
  int vol_width, vol_base;
  guint *offset;               /* per group: months from entry to win with exact lags */
  SimRate *funnel_rate;        /* per step: the funnel's rate */
  SimRate *own_rate;           /* [group][step]: a group's own rate, where it has one */
  double *fw_sd, *fw_half_var; /* [wins < FW_TABLE]: sqrt(s²) and s²/2 of the mean deal's log */
  double spread;               /* exp(σ²) − 1: s² = log(1 + spread/wins) from FW_TABLE wins */
  gint64 *existing;            /* per plan month */
  gint64 *cap;                 /* per plan month: AE capacity */
  gint64 *cum_cap;             /* running total of cap */
  gint64 *hi_month;            /* histogram upper bounds: capacity at 5 σ of its factor */
  gint64 *hi_cum;
  double *scale_month, *scale_cum; /* BINS ÷ hi: a bin by one multiplication */
  gint64 *cum_existing;
  /* A trial whose backlog covers the capacity of every month left books
   * exactly that capacity whatever it draws (without decay): the rest of
   * its months are not drawn (run_trial). */
  gboolean may_saturate;
  gboolean draw_ahead; /* run_trial draws a month and the next trial's set-up ahead
                        * (gs_montecarlo_set_draw_ahead) */
  guint64 n_blocks;
  gint next_block;  /* atomic */
  gint done_blocks; /* atomic */
  GCancellable *cancellable;
} Sim;

/* One thread's tallies.  A trial touches every month's two histograms
 * (16 KiB each), which together miss the cache; so a trial only writes its
 * bins into `pending` ([month][2][CHUNK], 16-bit), and every CHUNK trials
 * they are counted month by month, one histogram hot at a time.  32-bit
 * counts (a thread runs at most MAX_TRIALS < 2³² trials) are widened when
 * the threads' tallies are merged. */
typedef struct
{
  guint32 *hist_month; /* [month][BINS + 1] of what the AEs book (funnel + backlog, capped) */
  guint32 *hist_cum;   /* [month][BINS + 1] of its running total */
  guint16 *pending;
  guint n_pending;
  __int128 *sum_month;  /* exact integer sums: order of blocks cannot matter; the running
                         * total's are these summed month by month (sim_result) */
  __int128 sum_backlog; /* what still waits for an AE after the last month */
  guint64 hits;
  guint64 trials;
  /* The block's random stream: on the thread's own lines, as everything
   * written every draw (a thread's stack lies next to what the others
   * read: the calling thread's holds Sim). */
  GsRng rng;
  /* Per-trial scratch, per group. */
  GsBinomial *binom;
  guint *offset;
  double *p;     /* per group: the trial's p */
  gint64 *ahead; /* per group: its draw for month ahead_mo, made with the month before's */
  guint *ahead_mo;
  gint64 *cap_left;   /* [month]: the trial's capacity from this month to the last */
  const gint64 **vol; /* per group: its volumes, indexed by the trial's month (Sim.vol_all) */
  double cap_factor;  /* the trial's capacity factor */
} Acc;

/* Each thread's tallies and scratch on cache lines of their own (128 bytes:
 * a line and the one the hardware prefetches with it).  A trial writes them
 * all the time; sharing a line with the read-only arrays of Sim, which the
 * other thread reads as often, made the seed's two-thread run 30 % slower
 * whenever the heap happened to place them side by side (an unrelated change
 * to the planning floor did; bench/RESULTS.md, "Simulation"). */
#define ACC_ALIGN 128
#define HUGE_PAGE ((gsize) 2 * 1024 * 1024)

static inline gsize
acc_lines (gsize n, gsize size)
{
  return MAX ((n * size + ACC_ALIGN - 1) / ACC_ALIGN * ACC_ALIGN, ACC_ALIGN);
}

/* Bytes of one thread's Acc with its arrays, in whole lines. */
static gsize
acc_size (guint H, guint n_groups)
{
  return acc_lines (1, sizeof (Acc)) + 2 * acc_lines ((gsize) H * (BINS + 1), sizeof (guint32))
         + acc_lines ((gsize) H * 2 * CHUNK, sizeof (guint16)) + acc_lines (H, sizeof (__int128))
         + acc_lines (n_groups, sizeof (GsBinomial)) + acc_lines (n_groups, sizeof (guint))
         + acc_lines (n_groups, sizeof (double)) + acc_lines (n_groups, sizeof (gint64))
         + acc_lines (n_groups, sizeof (guint)) + acc_lines (H + 1, sizeof (gint64))
         + acc_lines (n_groups, sizeof (gint64 *));
}

/* The next n × size bytes of the block at *at, on lines of their own. */
static gpointer
acc_carve (char **at, gsize n, gsize size)
{
  gpointer p = *at;
  *at += acc_lines (n, size);
  return p;
}

/* A thread's Acc at *at (zeroed, ACC_ALIGN-aligned), as acc_size counts it. */
static Acc *
acc_new (char **at, guint H, guint n_groups)
{
  Acc *a = acc_carve (at, 1, sizeof (Acc));
  a->hist_month = acc_carve (at, (gsize) H * (BINS + 1), sizeof (guint32));
  a->hist_cum = acc_carve (at, (gsize) H * (BINS + 1), sizeof (guint32));
  a->pending = acc_carve (at, (gsize) H * 2 * CHUNK, sizeof (guint16));
  a->sum_month = acc_carve (at, H, sizeof (__int128));
  a->binom = acc_carve (at, n_groups, sizeof (GsBinomial));
  a->offset = acc_carve (at, n_groups, sizeof (guint));
  a->p = acc_carve (at, n_groups, sizeof (double));
  a->ahead = acc_carve (at, n_groups, sizeof (gint64));
  a->ahead_mo = acc_carve (at, n_groups, sizeof (guint));
  a->cap_left = acc_carve (at, H + 1, sizeof (gint64));
  a->vol = acc_carve (at, n_groups, sizeof (gint64 *));
  return a;
}

/* One block for every thread's Acc.  Each 4 KiB page of fresh memory costs a
 * page fault when first written, and on the virtual machines the bench runs
 * on a fault costs 10–40 µs (more right after another process freed much
 * memory, which the VM gives back to its host): the seed example's two
 * threads' tallies (0.9 MiB) and their merge were some 410 faults, 4–16 ms
 * of a 0.5 s run, most of it before the threads start.  So the block is
 * whole 2 MiB pages advised MADV_HUGEPAGE (gs_large_alloc): one fault each
 * where the kernel allows huge pages on request (Debian's default), else
 * 4 KiB pages as before; only what the threads use is written. */
static char *
acc_block_new (gsize size)
{
  char *block = gs_large_alloc (MAX (size, HUGE_PAGE));
  memset (block, 0, size);
  return block;
}

/* Adds a's tallies into into's (32-bit counts: all threads together run at
 * most MAX_TRIALS < 2³² trials). */
static void
acc_add (Acc *into, const Acc *a, guint H)
{
  for (gsize i = 0; i < (gsize) H * (BINS + 1); i++)
    {
      into->hist_month[i] += a->hist_month[i];
      into->hist_cum[i] += a->hist_cum[i];
    }
  for (guint mo = 0; mo < H; mo++)
    into->sum_month[mo] += a->sum_month[mo];
  into->sum_backlog += a->sum_backlog;
  into->hits += a->hits;
  into->trials += a->trials;
}

static inline guint16
bin_of (gint64 x, gint64 hi, double scale)
{
  if (hi <= 0 || x >= hi)
    return BINS;
  return (guint16) CLAMP ((gint64) ((double) x * scale), 0, BINS - 1);
}

/* Counts the pending bins into the histograms. */
static void
acc_flush (Acc *a, guint H)
{
  for (guint mo = 0; mo < H; mo++)
    {
      const guint16 *pm = a->pending + (gsize) mo * 2 * CHUNK, *pc = pm + CHUNK;
      guint32 *hm = a->hist_month + (gsize) mo * (BINS + 1);
      guint32 *hc = a->hist_cum + (gsize) mo * (BINS + 1);
      for (guint i = 0; i < a->n_pending; i++)
        hm[pm[i]]++;
      for (guint i = 0; i < a->n_pending; i++)
        hc[pc[i]]++;
    }
  a->n_pending = 0;
}

/* A source's own rate is drawn with the evidence's concentration where it
 * has one. */
static double
own_kappa (const Sim *S, int source, guint step)
{
  const GsSimEvidence *ev = S->set.evidence;
  double k = ev && ev->kappa ? ev->kappa[(gsize) source * S->n_steps + step] : 0;
  return k > 0 ? k : S->set.rate_concentration;
}

static void
sim_rate_init (SimRate *r, double rate, double kappa)
{
  r->rate = rate;
  r->drawn = kappa > 0 && rate > 0 && rate < 1;
  if (r->drawn)
    gs_beta_init (&r->beta, kappa * rate, kappa * (1 - rate));
}

static inline double
draw_rate (const SimRate *r, GsRng *rng)
{
  return r->drawn ? gs_beta_draw (&r->beta, rng) : r->rate;
}

static inline gint64
volume_at (const Sim *S, guint j, int i)
{
  if (i < 0)
    return S->vol_before[j];
  if (i >= (int) S->r->n_months)
    return S->vol_after[j];
  return S->vol[(gsize) j * S->r->n_months + i];
}

/* volume_at summed over the months i … i + count − 1. */
static inline gint64
volume_sum (const Sim *S, guint j, int i, int count)
{
  int n = (int) S->r->n_months, lo = CLAMP (i, 0, n), hi = CLAMP (i + count, 0, n);
  const gint64 *prefix = S->vol_prefix + (gsize) j * (n + 1);
  return (gint64) CLAMP (-i, 0, count) * S->vol_before[j] + prefix[hi] - prefix[lo]
         + (gint64) CLAMP (i + count - n, 0, count) * S->vol_after[j];
}

/* Whether month mo is what was booked (evidence), not drawn. */
static inline gboolean
month_known (const GsSimEvidence *ev, guint mo)
{
  return ev && mo < ev->n_known && (mo + 1 < ev->n_known || ev->last_part >= 1);
}

/* Month mo's funnel bookings: each group's wins (a pair of months at once
 * where both are drawn by the inversion's span), then their deals' sizes. */
G_ALWAYS_INLINE static inline double
month_bookings (const Sim *S, GsRng *rng, Acc *a, guint mo)
{
  const GsSimEvidence *ev = S->set.evidence;
  GsBinomial *binom = a->binom;
  gint64 wins = 0;
  double bookings;

  for (guint j = 0; j < S->n_groups; j++)
    {
      const gint64 *vol = a->vol[j] + mo;
      gint64 n = vol[0], n2;
      if (a->ahead_mo[j] == mo)
        wins += a->ahead[j];
      else if (mo + 1 < S->H && (!ev || mo + 1 >= ev->n_known)
               && gs_binomial_pairable (&binom[j], n)
               && gs_binomial_pairable (&binom[j], n2 = vol[1]))
        {
          gint64 x;
          gs_binomial_draw2 (&binom[j], rng, n, n2, &x, &a->ahead[j]);
          a->ahead_mo[j] = mo + 1;
          wins += x;
        }
      else
        wins += gs_binomial_draw (&binom[j], rng, n);
    }
  bookings = (double) wins * (double) S->m->deal_size;
  if (S->set.deal_size_sigma > 0 && wins > 0)
    {
      /* The mean of `wins` lognormal deals, matched in mean and variance
       * by one lognormal (Fenton–Wilkinson). */
      double sd, half_var;
      if (wins < FW_TABLE)
        sd = S->fw_sd[wins], half_var = S->fw_half_var[wins];
      else
        {
          double s2 = log1p (S->spread / (double) wins);
          sd = sqrt (s2), half_var = 0.5 * s2;
        }
      bookings *= exp (sd * gs_rng_normal (rng) - half_var);
    }
  return bookings;
}

/* A trial's draws before its months: rates, lags, the capacity factor. */
static void
trial_setup (const Sim *S, GsRng *rng, Acc *a)
{
  const GsModel *m = S->m;
  double funnel_rate[GS_MAX_STAGES], lag[GS_MAX_STAGES];
  GsBinomial *binom = a->binom;
  guint *offset = a->offset;
  double cap_sigma = S->set.capacity_sigma, cap_factor = 1;

  for (guint k = 0; k < S->n_steps; k++)
    {
      funnel_rate[k] = draw_rate (&S->funnel_rate[k], rng);
      lag[k] = m->steps[k].lag_days;
      if (S->set.lag_jitter_days > 0)
        lag[k] = MAX (0, lag[k] + (2 * gs_rng_uniform (rng) - 1) * S->set.lag_jitter_days);
    }
  for (guint j = 0; j < S->n_groups; j++)
    {
      const GsSource *src = S->own[j] >= 0 ? &m->sources[S->own[j]] : NULL;
      double p = 1, days = 0;
      for (guint k = S->entry[j]; k < S->n_steps; k++)
        {
          p *= src && src->rate_is_own[k] ? draw_rate (&S->own_rate[j * S->n_steps + k], rng)
                                          : funnel_rate[k];
          days += lag[k];
        }
      gs_binomial_init (&binom[j], p);
      a->p[j] = p;
      a->ahead_mo[j] = G_MAXUINT;
      /* Same rounding as the result's stage_offsets: days summed, then whole months. */
      offset[j] = S->set.lag_jitter_days > 0
                      ? (guint) (days / GS_DAYS_PER_MONTH + 0.5) /* ≥ 0: floor */
                      : S->offset[j];
      a->vol[j] = S->vol_all + (gsize) j * S->vol_width + S->vol_base + (int) S->r->n_pre
                  - (int) offset[j];
    }

  /* The whole team has a good or a bad year: one factor, mean 1. */
  if (cap_sigma > 0)
    cap_factor = exp (cap_sigma * gs_rng_normal (rng) - 0.5 * cap_sigma * cap_sigma);
  if (S->may_saturate)
    {
      a->cap_left[S->H] = 0;
      for (guint mo = S->H; mo-- > 0;)
        a->cap_left[mo]
            = a->cap_left[mo + 1]
              + (cap_sigma > 0 ? gs_money_round ((double) S->cap[mo] * cap_factor) : S->cap[mo]);
    }
  a->cap_factor = cap_factor;
}

/* One trial from its set-up (trial_setup); with `next`, sets the next trial
 * up once the last of its own draws is made, so that the next trial's
 * set-up (a chain of its own: gammas, a division, p, q^n) runs while this
 * one's last month is tallied.  The stream is consumed in the same order. */
static void
run_trial (const Sim *S, GsRng *rng, Acc *a, gboolean next)
{
  const GsModel *m = S->m;
  guint16 *pending = a->pending + a->n_pending;
  const guint *offset = a->offset;
  gint64 cum = 0, backlog = 0;
  gboolean ahead = FALSE; /* next_bookings holds month mo's, drawn with the month before */
  double next_bookings = 0;
  double cap_sigma = S->set.capacity_sigma, cap_factor = a->cap_factor;

  /* Each month's draws and bookings are made a month ahead, before the
   * month before is tallied: the month's chain (wins, the lognormal's exp,
   * the rounding, the backlog, the bins) is long, and the processor waited
   * for it; now the next month's independent draws and exp come first.  The
   * stream is consumed in the same order as month by month, and a month is
   * drawn ahead only once the month before has said it is drawn at all (not
   * known, not saturated), so the figures are the same. */
  for (guint mo = 0; mo < S->H; mo++)
    {
      gint64 delivered, cap, booked;
      const GsSimEvidence *ev = S->set.evidence;
      gboolean known = ev && mo < ev->n_known;
      /* A month that has passed is what was booked; the as-of month is what
       * was booked plus the draw's share of the rest of it. */
      if (month_known (ev, mo))
        {
          backlog = 0;
          delivered = ev->booked[mo];
          goto tally;
        }
      if (S->may_saturate && !known && backlog >= a->cap_left[mo])
        {
          /* Saturated: every month left books its capacity whatever it
           * draws, since the backlog alone fills them (no decay), so
           * nothing reported depends on those months' draws but the backlog
           * after the horizon, reported only as a mean: its expectation
           * given the trial's p and lags (the same mean, less noise)
           * replaces them.  Far below GS_MONEY_LIMIT only, where the
           * backlog's clamp cannot act. */
          double expected = 0;
          for (guint j = 0; j < S->n_groups; j++)
            expected += (double) volume_sum (S, j, (int) S->r->n_pre + (int) mo - (int) offset[j],
                                             (int) (S->H - mo))
                        * a->p[j];
          expected *= (double) m->deal_size;
          if ((double) backlog + expected < (double) (GS_MONEY_LIMIT / 1000))
            {
              for (guint t = mo; t < S->H; t++)
                {
                  delivered = a->cap_left[t] - a->cap_left[t + 1];
                  cum += delivered;
                  pending[(gsize) t * 2 * CHUNK]
                      = bin_of (delivered, S->hi_month[t], S->scale_month[t]);
                  pending[(gsize) t * 2 * CHUNK + CHUNK]
                      = bin_of (cum, S->hi_cum[t], S->scale_cum[t]);
                  a->sum_month[t] += delivered + S->existing[t];
                }
              backlog += gs_money_round (expected) - a->cap_left[mo];
              break;
            }
        }
      booked = gs_money_round (ahead ? next_bookings : month_bookings (S, rng, a, mo));
      if (S->may_saturate)
        cap = a->cap_left[mo] - a->cap_left[mo + 1]; /* as rounded there */
      else
        cap = cap_sigma > 0 ? gs_money_round ((double) S->cap[mo] * cap_factor) : S->cap[mo];
      /* Wins above the month's capacity wait for the next month with room
       * (gs-backlog.h), as in the deterministic plan. */
      delivered = gs_backlog_step (booked, cap, m->ae.backlog_decay, &backlog);
      if (known)
        delivered = ev->booked[mo] + gs_money_round ((double) delivered * (1 - ev->last_part));
      /* The next month ahead, unless it is known or saturated (the test
       * above, one month on): then it is not drawn at all. */
      ahead = S->draw_ahead && mo + 1 < S->H && !month_known (ev, mo + 1)
              && !(S->may_saturate && !(ev && mo + 1 < ev->n_known)
                   && backlog >= a->cap_left[mo + 1]);
      if (ahead)
        next_bookings = month_bookings (S, rng, a, mo + 1);
      else if (next && mo + 1 == S->H)
        {
          trial_setup (S, rng, a); /* this trial's draws are all made */
          next = FALSE;
        }
    tally:
      cum += delivered;
      pending[(gsize) mo * 2 * CHUNK] = bin_of (delivered, S->hi_month[mo], S->scale_month[mo]);
      pending[(gsize) mo * 2 * CHUNK + CHUNK] = bin_of (cum, S->hi_cum[mo], S->scale_cum[mo]);
      a->sum_month[mo] += delivered + S->existing[mo];
    }
  if (next)
    trial_setup (S, rng, a);
  a->sum_backlog += backlog;
  if (cum + S->cum_existing[S->H - 1] >= S->r->target_total)
    a->hits++;
  a->trials++;
  if (++a->n_pending == CHUNK)
    acc_flush (a, S->H);
}

static void
run_blocks (Sim *S, Acc *a, GsSimProgress progress, gpointer data)
{
  for (;;)
    {
      guint64 b = (guint64) g_atomic_int_add (&S->next_block, 1);
      guint64 first = b * BLOCK_TRIALS, n;
      gint done;

      if (b >= S->n_blocks || g_cancellable_is_cancelled (S->cancellable))
        break;
      n = MIN (BLOCK_TRIALS, S->set.trials - first);
      gs_rng_seed (&a->rng, S->set.seed, b);
      for (guint64 t = 0; t < n; t++)
        {
          /* Else the trial before set this one up. */
          if (t == 0 || !S->draw_ahead)
            trial_setup (S, &a->rng, a);
          run_trial (S, &a->rng, a, S->draw_ahead && t + 1 < n);
        }
      acc_flush (a, S->H);
      done = g_atomic_int_add (&S->done_blocks, 1) + 1;
      if (progress)
        progress ((double) done / (double) S->n_blocks, data);
    }
}

typedef struct
{
  Sim *S;
  Acc *acc;
} Worker;

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  run_blocks (w->S, w->acc, NULL, NULL);
  return NULL;
}

/* Value at quantile q of a histogram over [0, hi] (last bin: exactly hi),
 * interpolated within the bin. */
static double
quantile (const guint32 *h, guint64 n, gint64 hi, double q)
{
  double target = q * (double) n, acc = 0;
  for (guint b = 0; b <= BINS; b++)
    {
      if (h[b] && acc + (double) h[b] >= target)
        {
          if (b == BINS)
            return (double) hi;
          return (b + (target - acc) / (double) h[b]) * (double) hi / BINS;
        }
      acc += (double) h[b];
    }
  return (double) hi;
}

static gboolean
sim_prepare (Sim *S, const GsModel *m, const GsSimSettings *set, GError **error)
{
  const GsResult *r;

  S->m = m;
  S->set = *set;
  S->r = r = set->result ? set->result : (S->own_r = gs_compute (m, error));
  if (r == NULL)
    return FALSE;
  S->H = r->horizon;
  S->n_steps = m->n_stages - 1;
  {
    /* Group the sources: one group per entry stage for those without a rate
     * of their own from there on, one each for the others. */
    g_autofree int *group_of_stage = g_new (int, m->n_stages);
    guint n = r->n_months;
    const GsSimEvidence *ev = set->evidence;
    const double *volumes
        = ev && ev->entry_volumes && ev->n_months == n ? ev->entry_volumes : r->entry_volumes;
    for (guint k = 0; k < m->n_stages; k++)
      group_of_stage[k] = -1;
    S->entry = g_new0 (guint, m->n_sources);
    S->own = g_new0 (int, m->n_sources);
    S->vol = g_new0 (gint64, (gsize) m->n_sources * n);
    S->vol_before = g_new0 (gint64, m->n_sources);
    S->vol_after = g_new0 (gint64, m->n_sources);
    S->offset = g_new0 (guint, m->n_sources);
    S->funnel_rate = g_new0 (SimRate, S->n_steps);
    S->own_rate = g_new0 (SimRate, (gsize) m->n_sources * S->n_steps);
    for (guint k = 0; k < S->n_steps; k++)
      sim_rate_init (&S->funnel_rate[k], m->steps[k].rate, set->rate_concentration);
    for (guint j = 0; j < m->n_sources; j++)
      {
        const GsSource *src = &m->sources[j];
        gboolean own = FALSE;
        guint g;
        for (guint k = src->entry_stage; k < S->n_steps; k++)
          own = own || src->rate_is_own[k];
        if (!own && group_of_stage[src->entry_stage] >= 0)
          g = (guint) group_of_stage[src->entry_stage];
        else
          {
            g = S->n_groups++;
            S->entry[g] = src->entry_stage;
            S->own[g] = own ? (int) j : -1;
            S->offset[g] = r->stage_offsets[src->entry_stage];
            if (!own)
              group_of_stage[src->entry_stage] = (int) g;
            for (guint k = src->entry_stage; own && k < S->n_steps; k++)
              if (src->rate_is_own[k])
                sim_rate_init (&S->own_rate[g * S->n_steps + k], src->rates[k],
                               own_kappa (S, (int) j, k));
          }
        for (guint i = 0; i < n; i++)
          {
            /* People, not fractions of people. */
            gint64 v = (gint64) floor (volumes[(gsize) j * n + i] + 0.5);
            S->vol[(gsize) g * n + i] += v;
            /* A planned volume goes on before and after the plan at its first
             * and last month's level (as the deterministic engine assumes for
             * the months before); volume the reverse funnel asks for exists
             * only where it is placed. */
            if (src->planned && i == 0)
              S->vol_before[g] += v;
            if (src->planned && i == n - 1)
              S->vol_after[g] += v;
          }
      }
  }
  S->vol_prefix = g_new0 (gint64, (gsize) S->n_groups * (r->n_months + 1));
  for (guint j = 0; j < S->n_groups; j++)
    for (guint i = 0; i < r->n_months; i++)
      S->vol_prefix[(gsize) j * (r->n_months + 1) + i + 1]
          = S->vol_prefix[(gsize) j * (r->n_months + 1) + i] + S->vol[(gsize) j * r->n_months + i];
  {
    /* A trial's offset for a group is its lags, each at most the plan's
     * lag + the jitter, summed and rounded to months (run_trial); one month
     * more on either side for safety, and one after for the paired draw's
     * next month. */
    int max_off = 0, lo, hi;
    for (guint j = 0; j < S->n_groups; j++)
      {
        double days = 0;
        for (guint k = S->entry[j]; k < S->n_steps; k++)
          days += MAX (0, m->steps[k].lag_days) + set->lag_jitter_days;
        max_off = MAX (max_off, (int) S->offset[j]);
        if (set->lag_jitter_days > 0)
          max_off = MAX (max_off, (int) (days / GS_DAYS_PER_MONTH + 0.5));
      }
    lo = MIN (0, (int) r->n_pre - max_off - 1);
    hi = MAX ((int) r->n_months, (int) r->n_pre + (int) S->H + 1);
    S->vol_base = -lo;
    S->vol_width = hi - lo + 1;
    S->vol_all = g_new (gint64, (gsize) S->n_groups * S->vol_width);
    for (guint j = 0; j < S->n_groups; j++)
      for (int i = lo; i <= hi; i++)
        S->vol_all[(gsize) j * S->vol_width + S->vol_base + i] = volume_at (S, j, i);
  }
  S->spread = expm1 (set->deal_size_sigma * set->deal_size_sigma);
  S->fw_sd = g_new0 (double, FW_TABLE);
  S->fw_half_var = g_new0 (double, FW_TABLE);
  for (guint w = 1; w < FW_TABLE; w++)
    {
      /* The same expressions as in the trial, so the table changes no figure. */
      double s2 = log1p (expm1 (set->deal_size_sigma * set->deal_size_sigma) / (double) w);
      S->fw_sd[w] = sqrt (s2);
      S->fw_half_var[w] = 0.5 * s2;
    }
  S->existing = g_new0 (gint64, S->H);
  S->cap = g_new0 (gint64, S->H);
  S->cum_cap = g_new0 (gint64, S->H);
  S->cum_existing = g_new0 (gint64, S->H);
  S->hi_month = g_new0 (gint64, S->H);
  S->hi_cum = g_new0 (gint64, S->H);
  S->scale_month = g_new0 (double, S->H);
  S->scale_cum = g_new0 (double, S->H);
  for (guint mo = 0; mo < S->H; mo++)
    {
      /* Without a capacity factor the bound is the capacity itself, and the
       * last bin holds exactly the months at capacity. */
      double stretch = exp (5 * set->capacity_sigma);
      S->existing[mo] = r->target_month[mo] - r->new_business_month[mo];
      S->cap[mo] = MAX (0, r->ae_capacity[mo]);
      S->cum_cap[mo] = S->cap[mo] + (mo ? S->cum_cap[mo - 1] : 0);
      S->cum_existing[mo] = S->existing[mo] + (mo ? S->cum_existing[mo - 1] : 0);
      S->hi_month[mo] = gs_money_round ((double) S->cap[mo] * stretch);
      S->hi_cum[mo] = gs_money_round ((double) S->cum_cap[mo] * stretch);
      S->scale_month[mo] = S->hi_month[mo] > 0 ? BINS / (double) S->hi_month[mo] : 0;
      S->scale_cum[mo] = S->hi_cum[mo] > 0 ? BINS / (double) S->hi_cum[mo] : 0;
    }
  /* Saturated months (run_trial) leave out the backlog's clamp at
   * GS_MONEY_LIMIT: from a thousandth of it, with σ ≤ 1, reaching it needs
   * deals about 1,000 times their mean, beyond 7 σ. */
  S->may_saturate = m->ae.backlog_decay == 0 && set->deal_size_sigma <= 1;
  S->draw_ahead = g_atomic_int_get (&draw_ahead);
  S->n_blocks = (set->trials + BLOCK_TRIALS - 1) / BLOCK_TRIALS;
  return TRUE;
}

static void
sim_clear (Sim *S)
{
  g_clear_pointer (&S->own_r, gs_result_free);
  g_free (S->entry);
  g_free (S->own);
  g_free (S->fw_sd);
  g_free (S->fw_half_var);
  g_free (S->vol);
  g_free (S->vol_before);
  g_free (S->vol_after);
  g_free (S->vol_prefix);
  g_free (S->vol_all);
  g_free (S->offset);
  g_free (S->funnel_rate);
  g_free (S->own_rate);
  g_free (S->existing);
  g_free (S->cap);
  g_free (S->cum_cap);
  g_free (S->hi_month);
  g_free (S->hi_cum);
  g_free (S->scale_month);
  g_free (S->scale_cum);
  g_free (S->cum_existing);
}

static GsSimResult *
sim_result (const Sim *S, const Acc *a)
{
  GsSimResult *res = g_new0 (GsSimResult, 1);
  guint H = S->H;
  double plan_cum = 0, target_cum = 0;
  __int128 sum_cum = 0;

  res->settings = S->set;
  res->settings.result = NULL; /* borrowed for the run only */
  res->trials = a->trials;
  res->horizon = H;
  res->p10 = g_new0 (double, H);
  res->p50 = g_new0 (double, H);
  res->p90 = g_new0 (double, H);
  res->mean = g_new0 (double, H);
  res->cum_p10 = g_new0 (double, H);
  res->cum_p50 = g_new0 (double, H);
  res->cum_p90 = g_new0 (double, H);
  res->cum_mean = g_new0 (double, H);
  res->target_cum = g_new0 (double, H);
  res->plan_cum = g_new0 (double, H);
  for (guint mo = 0; mo < H; mo++)
    {
      const guint32 *hm = a->hist_month + (gsize) mo * (BINS + 1);
      const guint32 *hc = a->hist_cum + (gsize) mo * (BINS + 1);
      double ex = (double) S->existing[mo], cex = (double) S->cum_existing[mo];
      res->p10[mo] = ex + quantile (hm, a->trials, S->hi_month[mo], 0.1);
      res->p50[mo] = ex + quantile (hm, a->trials, S->hi_month[mo], 0.5);
      res->p90[mo] = ex + quantile (hm, a->trials, S->hi_month[mo], 0.9);
      res->cum_p10[mo] = cex + quantile (hc, a->trials, S->hi_cum[mo], 0.1);
      res->cum_p50[mo] = cex + quantile (hc, a->trials, S->hi_cum[mo], 0.5);
      res->cum_p90[mo] = cex + quantile (hc, a->trials, S->hi_cum[mo], 0.9);
      res->mean[mo] = (double) a->sum_month[mo] / (double) a->trials;
      sum_cum += a->sum_month[mo];
      res->cum_mean[mo] = (double) sum_cum / (double) a->trials;
      plan_cum += (double) S->r->plan_month[mo];
      target_cum += (double) S->r->target_month[mo];
      res->plan_cum[mo] = plan_cum;
      res->target_cum[mo] = target_cum;
    }
  res->target_total = S->r->target_total;
  res->plan_total = S->r->plan_total;
  res->p_hit = (double) a->hits / (double) a->trials;
  res->backlog_mean = (double) a->sum_backlog / (double) a->trials;
  {
    /* The comp year (its first 12 months, or the whole plan when shorter):
     * the spread of the new business the AEs carry, for the payout risk. */
    guint Y = MIN (12, H);
    res->year_months = Y;
    res->year_bins = BINS + 1;
    res->year_hi = (double) S->hi_cum[Y - 1];
    res->year_counts = g_new (guint64, BINS + 1);
    for (guint b = 0; b <= BINS; b++)
      res->year_counts[b] = a->hist_cum[(gsize) (Y - 1) * (BINS + 1) + b];
  }
  return res;
}

GsSimResult *
gs_montecarlo_run (const GsModel *model, const GsSimSettings *settings, GCancellable *cancellable,
                   GsSimProgress progress, gpointer progress_data, GError **error)
{
  Sim S = { 0 };
  guint n_threads = settings->threads ? settings->threads : g_get_num_processors ();
  g_autofree Worker *workers = NULL;
  g_autofree GThread **threads = NULL;
  char *block, *at;
  GsSimResult *res = NULL;

  if (settings->trials == 0 || settings->trials > MAX_TRIALS)
    {
      g_autofree char *trials = g_strdup_printf ("%" G_GUINT64_FORMAT, settings->trials);
      /* Translators: %s is the number of trials asked for. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("simulation.trials: %s is not between 1 and 100,000,000"), trials);
      return NULL;
    }
  if (!sim_prepare (&S, model, settings, error))
    {
      sim_clear (&S);
      return NULL;
    }
  S.cancellable = cancellable;
  n_threads = (guint) CLAMP (n_threads, 1, MAX (1, MIN (64, S.n_blocks)));
  workers = g_new0 (Worker, n_threads);
  threads = g_new0 (GThread *, n_threads);
  at = block = acc_block_new (n_threads * acc_size (S.H, S.n_groups));
  for (guint t = 0; t < n_threads; t++)
    {
      workers[t].S = &S;
      workers[t].acc = acc_new (&at, S.H, S.n_groups);
    }
  g_assert (at == block + n_threads * acc_size (S.H, S.n_groups)); /* acc_new carved acc_size */
  /* The calling thread works too and reports progress. */
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("gs-montecarlo", worker_main, &workers[t]);
  run_blocks (&S, workers[0].acc, progress, progress_data);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  /* The threads' tallies merged into the first's. */
  for (guint t = 1; t < n_threads; t++)
    acc_add (workers[0].acc, workers[t].acc, S.H);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (progress)
        progress (1.0, progress_data);
      res = sim_result (&S, workers[0].acc);
    }
  g_free (block);
  sim_clear (&S);
  return res;
}

void
gs_sim_result_free (GsSimResult *res)
{
  if (res == NULL)
    return;
  g_free (res->p10);
  g_free (res->p50);
  g_free (res->p90);
  g_free (res->mean);
  g_free (res->cum_p10);
  g_free (res->cum_p50);
  g_free (res->cum_p90);
  g_free (res->cum_mean);
  g_free (res->target_cum);
  g_free (res->plan_cum);
  g_free (res->year_counts);
  g_free (res);
}

/* Async ----------------------------------------------------------------- */

typedef struct
{
  GsModel *model;
  GsSimSettings settings;
  GMainContext *context;
  GsSimProgress progress;
  gpointer progress_data;
  gint last_percent; /* only whole-percent changes cross threads */
} AsyncJob;

typedef struct
{
  AsyncJob *job;
  GTask *task; /* keeps job alive until the report is delivered */
  double fraction;
} ProgressReport;

static void
async_job_free (AsyncJob *job)
{
  gs_model_free (job->model);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;
  report->job->progress (report->fraction, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  ProgressReport *report = data;
  g_object_unref (report->task);
  g_free (report);
}

typedef struct
{
  GTask *task;
  AsyncJob *job;
} ThreadProgress;

static void
relay_progress (double fraction, gpointer data)
{
  ThreadProgress *tp = data;
  gint percent = (gint) (fraction * 100);
  ProgressReport *report;

  if (percent == tp->job->last_percent)
    return;
  tp->job->last_percent = percent;
  report = g_new0 (ProgressReport, 1);
  report->job = tp->job;
  report->task = g_object_ref (tp->task);
  report->fraction = fraction;
  g_main_context_invoke_full (tp->job->context, G_PRIORITY_DEFAULT, deliver_progress, report,
                              report_free);
}

static void
async_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncJob *job = task_data;
  ThreadProgress tp = { task, job };
  GError *error = NULL;
  GsSimResult *res = gs_montecarlo_run (job->model, &job->settings, cancellable,
                                        job->progress ? relay_progress : NULL, &tp, &error);
  if (res)
    g_task_return_pointer (task, res, (GDestroyNotify) gs_sim_result_free);
  else
    g_task_return_error (task, error);
}

void
gs_montecarlo_run_async (const GsModel *model, const GsSimSettings *settings,
                         GCancellable *cancellable, GsSimProgress progress, gpointer progress_data,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncJob *job = g_new0 (AsyncJob, 1);

  job->model = gs_model_copy (model);
  job->settings = *settings;
  job->settings.result = NULL; /* the caller's, for the caller's model, not the copy */
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->last_percent = -1;
  g_task_set_source_tag (task, gs_montecarlo_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) async_job_free);
  g_task_run_in_thread (task, async_thread);
}

GsSimResult *
gs_montecarlo_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
