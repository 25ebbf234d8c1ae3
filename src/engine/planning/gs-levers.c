/* gs-levers.c — how much each single lever must move to close the gap.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each lever is solved on its own, the others held as planned: the plan
 * delivered is monotone in every lever, so bisection finds the smallest
 * change that makes delivery reach the target.
 */
#include "gs-compute-private.h"
#include "gs-format.h"

#include <math.h>
#include <string.h>

typedef struct
{
  const GsModel *model;
  const GsResult *base;
  const double *volumes;
  /* Set up once for every delivery the searches try. */
  double *survive;   /* horizon: gs_compute_survival */
  GsSource *sources; /* n_sources, each with its own rates in rates */
  double *rates;     /* [source][step] */
  double *scaled;    /* [source][month index]: the volumes a trial runs on */
  GsMoney *bookings; /* horizon */
  GsMoney *capacity; /* horizon */
} LeverCtx;

/* Delivery with volumes of marketing sources scaled, one step's rates
 * scaled (capped at 1), the deal scaled, or extra AEs in a month.  What a
 * trial leaves as planned is the plan's own figure: the funnel's bookings
 * when volumes, rates and deal are as planned (the same inputs give the same
 * bookings), the AE capacity without extra AEs. */
static GsMoney
delivery (LeverCtx *ctx, double volume_scale, int step, double rate_scale, double deal_scale,
          guint extra_aes, guint extra_month)
{
  const GsModel *m = ctx->model;
  const GsResult *base = ctx->base;
  const GsMoney *bookings = base->projected_bookings;
  const GsMoney *capacity = base->ae_capacity;

  if (volume_scale != 1 || step >= 0 || deal_scale != 1)
    {
      guint n_steps = m->n_stages - 1;
      /* A shallow copy with its own rates: no strings or comp plans are
       * copied, so a lever costs the same for a plan with a thousand people. */
      GsModel copy = *m;
      gboolean any_marketing = FALSE;
      const double *volumes = ctx->volumes;

      for (guint j = 0; j < m->n_sources; j++)
        any_marketing |= m->sources[j].owner == GS_OWNER_MARKETING;
      if (volume_scale != 1)
        {
          for (guint j = 0; j < m->n_sources; j++)
            for (guint i = 0; i < base->n_months; i++)
              {
                gsize at = (gsize) j * base->n_months + i;
                ctx->scaled[at] = !any_marketing || m->sources[j].owner == GS_OWNER_MARKETING
                                      ? ctx->volumes[at] * volume_scale
                                      : ctx->volumes[at];
              }
          volumes = ctx->scaled;
        }
      if (step >= 0)
        {
          for (guint j = 0; j < m->n_sources; j++)
            {
              ctx->sources[j] = m->sources[j];
              ctx->sources[j].rates = ctx->rates + (gsize) j * n_steps;
              memcpy (ctx->sources[j].rates, m->sources[j].rates, sizeof (double) * n_steps);
              ctx->sources[j].rates[step] = MIN (1.0, ctx->sources[j].rates[step] * rate_scale);
            }
          copy.sources = ctx->sources;
        }
      copy.deal_size = gs_money_round ((double) copy.deal_size * deal_scale);
      gs_compute_forward (&copy, base, volumes, NULL, ctx->bookings);
      bookings = ctx->bookings;
    }
  if (extra_aes > 0)
    {
      gs_compute_capacity_extra (m, base, ctx->survive, extra_aes, extra_month, ctx->capacity);
      capacity = ctx->capacity;
    }
  return gs_compute_delivery (base, bookings, capacity, m->ae.backlog_decay, NULL, NULL);
}

typedef GsMoney (*ScaleFunc) (LeverCtx *ctx, double x, int arg);

static GsMoney
by_volume (LeverCtx *ctx, double x, int arg)
{
  return delivery (ctx, x, -1, 1, 1, 0, 0);
}

static GsMoney
by_rate (LeverCtx *ctx, double x, int arg)
{
  return delivery (ctx, 1, arg, x, 1, 0, 0);
}

static GsMoney
by_deal (LeverCtx *ctx, double x, int arg)
{
  return delivery (ctx, 1, -1, 1, x, 0, 0);
}

/* Smallest x in [1, hi] with f(x) ≥ target, or a negative number if none. */
static double
solve (LeverCtx *ctx, ScaleFunc f, int arg, double hi, GsMoney target)
{
  double lo = 1;
  if (f (ctx, hi, arg) < target)
    return -1;
  for (int i = 0; i < 100 && hi - lo > 1e-12; i++)
    {
      double mid = (lo + hi) / 2;
      if (f (ctx, mid, arg) >= target)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

static GsLever *
add_lever (GPtrArray *levers, GsLeverKind kind)
{
  GsLever *l = g_new0 (GsLever, 1);
  l->kind = kind;
  g_ptr_array_add (levers, l);
  return l;
}

void
gs_compute_levers (const GsModel *m, GsResult *r, const double *volumes)
{
  LeverCtx ctx = { m, r, volumes };
  g_autoptr (GPtrArray) levers = g_ptr_array_new ();
  GsMoney target = r->target_total;
  g_autofree double *survive = NULL;
  g_autofree GsSource *sources = NULL;
  g_autofree double *rates = NULL;
  g_autofree double *scaled = NULL;
  g_autofree GsMoney *bookings = NULL;
  g_autofree GsMoney *capacity = NULL;
  double x;

  if (r->gap >= 0)
    {
      r->levers = NULL;
      r->n_levers = 0;
      return;
    }
  ctx.survive = survive = g_new (double, MAX (r->horizon, 1));
  gs_compute_survival (m, r->horizon, survive);
  ctx.sources = sources = g_new (GsSource, MAX (m->n_sources, 1));
  ctx.rates = rates = g_new (double, MAX ((gsize) m->n_sources * (m->n_stages - 1), 1));
  ctx.scaled = scaled = g_new (double, MAX ((gsize) m->n_sources * r->n_months, 1));
  ctx.bookings = bookings = g_new (GsMoney, MAX (r->horizon, 1));
  ctx.capacity = capacity = g_new (GsMoney, MAX (r->horizon, 1));

  /* More volume from marketing. */
  {
    GsLever *l = add_lever (levers, GS_LEVER_LEADS);
    double planned = 0;
    gboolean any_marketing = FALSE;
    l->stage = 0;
    for (guint j = 0; j < m->n_sources; j++)
      any_marketing |= m->sources[j].owner == GS_OWNER_MARKETING;
    for (guint j = 0; j < m->n_sources; j++)
      if (!any_marketing || m->sources[j].owner == GS_OWNER_MARKETING)
        {
          l->stage = (int) m->sources[j].entry_stage;
          for (guint i = r->n_pre; i < r->n_months; i++)
            planned += volumes[(gsize) j * r->n_months + i];
        }
    x = solve (&ctx, by_volume, 0, 50, target);
    l->from = planned;
    l->input_path = g_strdup ("sources[0].planned_volume");
    if (x > 0)
      {
        l->feasible = TRUE;
        l->to = planned * x;
        l->scale = x;
        l->shown = (double) gs_count_ceil (planned * (x - 1));
      }
  }

  /* A better rate at each step. */
  for (guint k = 0; k + 1 < m->n_stages; k++)
    {
      GsLever *l = add_lever (levers, GS_LEVER_RATE);
      double rate = m->steps[k].rate;
      l->step = k;
      l->from = rate;
      l->input_path = g_strdup_printf ("funnel.steps[%u].rate", k);
      x = rate < 1 ? solve (&ctx, by_rate, (int) k, 1.0 / rate, target) : -1;
      if (x > 0)
        {
          l->feasible = TRUE;
          l->to = MIN (1.0, rate * x);
          l->scale = x;
          l->shown = MIN (1.0, ceil (rate * x * 1000 - 1e-9) / 1000);
        }
      else
        {
          /* The most this step can deliver: every source's rate at 100 %. */
          l->reach = by_rate (&ctx, rate < 1 ? 1.0 / rate : 1.0, (int) k);
        }
    }

  /* Larger deals. */
  {
    GsLever *l = add_lever (levers, GS_LEVER_DEAL);
    l->from = (double) m->deal_size;
    l->input_path = g_strdup ("funnel.deal_size");
    x = solve (&ctx, by_deal, 0, 20, target);
    if (x > 0)
      {
        GsMoney to = gs_money_round (ceil ((double) m->deal_size * x / 100.0) * 100.0);
        l->feasible = TRUE;
        l->to = (double) to;
        l->shown = (double) to;
        l->scale = x;
      }
  }

  /* More AEs, hired at the start of the plan or of the second quarter. */
  for (guint h = 0; h < MIN (r->horizon, 4u); h += 3)
    {
      GsLever *l = add_lever (levers, GS_LEVER_AES);
      guint lo = 0, hi = 1;
      GsMoney best;
      l->step = h;
      l->from = m->ae.start_headcount;
      l->input_path = g_strdup ("capacity.ae.hires");
      while (hi <= 100000 && delivery (&ctx, 1, -1, 1, 1, hi, h) < target)
        {
          lo = hi;
          hi *= 2;
        }
      if (hi > 100000) /* the funnel, not sales capacity, limits bookings */
        continue;
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;
          if (delivery (&ctx, 1, -1, 1, 1, mid, h) >= target)
            hi = mid;
          else
            lo = mid;
        }
      best = delivery (&ctx, 1, -1, 1, 1, hi, h);
      l->feasible = TRUE;
      l->to = hi;
      l->shown = hi;
      l->reach = best;
    }

  r->n_levers = levers->len;
  r->levers = g_new0 (GsLever, levers->len);
  for (guint i = 0; i < levers->len; i++)
    {
      r->levers[i] = *(GsLever *) g_ptr_array_index (levers, i);
      g_free (g_ptr_array_index (levers, i));
    }
}

/* Goals the VPs negotiate beside the gap (docs/derivations.md, "Levers"):
 * quota over-assignment outside its usual 110–120 % and a quarter that
 * starts with less pipeline than 1 ÷ the win rate of its new-business target.
 * Each says what closes it, from the figures of its goal line; they are
 * added after the gap's levers, whether or not there is a gap. */
#define GS_ASSIGNMENT_LOW 1.10
#define GS_ASSIGNMENT_HIGH 1.20

static double
figure_of (const GsCell *cell, const char *name)
{
  const GsQuantity *q = gs_derivation_figure (&cell->derivation, name);
  return q ? q->value : 0;
}

static GsMoney
whole_units (double minor, guint digits, gboolean up)
{
  double unit = pow (10, digits);
  return gs_money_round ((up ? ceil (minor / unit - 1e-9) : floor (minor / unit + 1e-9)) * unit);
}

void
gs_compute_goal_levers (const GsModel *m, GsResult *r)
{
  const GsGoalLine *assignment = gs_result_line (r, "sales.quota_assignment");
  const GsGoalLine *coverage = gs_result_line (r, "shared.pipeline_coverage");
  g_autoptr (GArray) added = g_array_new (FALSE, TRUE, sizeof (GsLever));

  /* The quota assigned scales with the quota per AE: quota × edge ÷ share
   * assigns the nearer edge of the range. */
  if (assignment && m->ae.quota > 0)
    {
      double share = assignment->total.value;
      if (share > 0 && (share > GS_ASSIGNMENT_HIGH + 1e-9 || share < GS_ASSIGNMENT_LOW - 1e-9))
        {
          gboolean high = share > GS_ASSIGNMENT_HIGH;
          double edge = high ? GS_ASSIGNMENT_HIGH : GS_ASSIGNMENT_LOW;
          GsLever l = { 0 };
          l.kind = GS_LEVER_QUOTA_ASSIGNMENT;
          l.feasible = TRUE;
          l.from = (double) m->ae.quota;
          l.to = (double) m->ae.quota * edge / share;
          l.shown = (double) whole_units (l.to, m->company.digits, !high);
          l.scale = share;
          l.input_path = g_strdup ("capacity.ae.quota");
          g_array_append_val (added, l);
        }
    }

  /* The first quarter whose open pipeline at its start covers its
   * new-business target fewer than 1 ÷ win rate times. */
  if (coverage)
    {
      GsLever l = { 0 };
      for (guint q = 0; q < r->n_quarters; q++)
        {
          const GsCell *cell = &coverage->quarters[q];
          double nb = figure_of (cell, "new_business");
          double needed = figure_of (cell, "needed");
          if (nb <= 0 || needed <= 0 || cell->value >= needed - 1e-9)
            continue;
          if (l.stage++ > 0)
            continue;
          l.kind = GS_LEVER_PIPELINE_COVERAGE;
          l.feasible = TRUE;
          l.step = q;
          l.from = figure_of (cell, "open");
          l.to = ceil (needed * nb - 1e-6);
          l.shown = (double) whole_units (l.to - l.from, m->company.digits, TRUE);
          l.scale = cell->value;
          l.reach = (GsMoney) nb;
          l.input_path = g_strdup ("sources[0].planned_volume");
        }
      if (l.stage > 0)
        g_array_append_val (added, l);
    }

  if (added->len == 0)
    return;
  r->levers = g_renew (GsLever, r->levers, r->n_levers + added->len);
  memcpy (r->levers + r->n_levers, added->data, sizeof (GsLever) * added->len);
  r->n_levers += added->len;
}
