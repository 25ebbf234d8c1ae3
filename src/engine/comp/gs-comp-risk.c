/* gs-comp-risk.c — payout risk over the simulated years (gs-comp-risk.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pay depends on a simulated year only through the new business it carries,
 * so the plans run once per slice of that distribution, not once per trial:
 * at most MAX_SLICES evaluations whatever the number of trials.
 */
#include "gs-comp-risk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SLICES 1024 /* the simulation's 4,096 bins, merged by 4 */

typedef struct
{
  double value;
  guint64 weight;
} Weighted;

static int
by_value (const void *a, const void *b)
{
  double x = ((const Weighted *) a)->value, y = ((const Weighted *) b)->value;
  return (x > y) - (x < y);
}

/* The value at quantile q of n weighted values, sorted in place. */
static double
quantile (Weighted *w, guint n, guint64 total, double q)
{
  double target = q * (double) total, acc = 0;
  for (guint i = 0; i < n; i++)
    {
      acc += (double) w[i].weight;
      if (acc >= target && w[i].weight)
        return w[i].value;
    }
  return n ? w[n - 1].value : 0;
}

static void
quantiles (Weighted *w, guint n, guint64 total, double out[3])
{
  static const double q[3] = { 0.1, 0.5, 0.9 };
  qsort (w, n, sizeof *w, by_value);
  for (guint i = 0; i < 3; i++)
    out[i] = quantile (w, n, total, q[i]);
}

double
gs_comp_accelerator_above (const GsCompComponent *c)
{
  double above = 0;
  for (guint t = 0; t < c->n_tiers; t++)
    if (c->tiers[t].multiplier > 1 && (above == 0 || c->tiers[t].above < above))
      above = c->tiers[t].above;
  for (guint b = 1; b < c->table.n_bands; b++)
    {
      const GsBand *band = &c->table.bands[b];
      double from = c->table.basis == GS_BASIS_ATTAINMENT ? band->from
                    : c->quota > 0                        ? band->from / c->quota
                                                          : 0;
      /* On the attainment basis a rate of 1 is on target (the whole target
       * incentive at 100 %); only a higher one accelerates. */
      gboolean higher = band->rate > c->table.bands[b - 1].rate
                        && (c->table.basis != GS_BASIS_ATTAINMENT || band->rate > 1 + 1e-9);
      if (from >= 1 - 1e-9 && higher && (above == 0 || from < above))
        above = from;
    }
  return above;
}

static gboolean
moved (GsMeasure m)
{
  return m == GS_MEASURE_OWN_BOOKINGS || m == GS_MEASURE_TEAM_BOOKINGS
         || m == GS_MEASURE_COMPANY_BOOKINGS || m == GS_MEASURE_MARKETING_SOURCED_BOOKINGS;
}

/* The attainment of every measure in a year that carries `carried` new
 * business, from the plan's. */
static void
year_attainment (const GsCompModel *comp, double carried, double att[GS_N_MEASURES])
{
  GsMoney existing = comp->plan_bookings - comp->plan_new_business;
  double plan_carried = (double) (comp->plan_delivered - existing);
  double scale = plan_carried > 0 ? carried / plan_carried : 1;
  for (guint i = 0; i < GS_N_MEASURES; i++)
    att[i] = comp->plan_attainment[i];
  att[GS_MEASURE_OWN_BOOKINGS] *= scale;
  att[GS_MEASURE_TEAM_BOOKINGS] *= scale;
  att[GS_MEASURE_MARKETING_SOURCED_BOOKINGS] *= scale;
  if (comp->plan_bookings > 0)
    att[GS_MEASURE_COMPANY_BOOKINGS] = ((double) existing + carried) / (double) comp->plan_bookings;
}

/* One slice of the spread: its trials and the year's new business. */
typedef struct
{
  guint64 count;
  double carried;
  /* What the pay plans give there (filled by eval_slices). */
  GsMoney total;
  guint8 *reach, *accel; /* per role: reaches its quota; an accelerator pays */
} Slice;

/* The pay plans at slices[first … last − 1], for one thread.  Stops at the
 * first slice that fails: failed is its index (last: none) and error says
 * why. */
typedef struct
{
  const GsCompModel *comp;
  Slice *slices;
  const double *above; /* [role][component]: gs_comp_accelerator_above */
  guint max_components;
  guint first, last;
  guint failed; /* the slice that failed, or last */
  GError *error;
} Eval;

static gpointer
eval_slices (gpointer data)
{
  Eval *e = data;
  const GsCompModel *comp = e->comp;
  e->failed = e->last;
  for (guint s = e->first; s < e->last; s++)
    {
      Slice *sl = &e->slices[s];
      double att[GS_N_MEASURES];
      year_attainment (comp, sl->carried, att);
      sl->total = 0;
      for (guint r = 0; r < comp->n_roles; r++)
        {
          const GsCompRole *role = &comp->roles[r];
          GsMoney v;
          if (!gs_comp_role_staffed_at (comp, role, att, &v, &e->error)
              || !gs_money_add_checked (sl->total, v, &sl->total, &e->error))
            {
              e->failed = s;
              return NULL;
            }
          sl->reach[r] = role->n_components && att[role->components[0].measure] >= 1 - 1e-9;
          sl->accel[r] = FALSE;
          for (guint c = 0; c < role->n_components; c++)
            {
              double above = e->above[r * e->max_components + c];
              if (above > 0 && att[role->components[c].measure] > above)
                {
                  sl->accel[r] = TRUE;
                  break;
                }
            }
        }
    }
  return NULL;
}

/* From this many slices with trials in them the pay plans run on two
 * threads: one slice costs about 8 µs (5 roles), a thread's start some
 * 50 µs.  At 1,000,000 trials the seed example has about 800, 6–9 ms of
 * pay plans after the trials, all of it in the simulation's wall time. */
#define PARALLEL_SLICES 64

gboolean
gs_comp_risk (const GsCompModel *comp, const GsCompYearSpread *spread, GsCompRisk *out,
              GError **error)
{
  guint regular = spread->n_bins ? spread->n_bins - 1 : 0;
  guint merge = MAX (1, (regular + MAX_SLICES - 1) / MAX_SLICES);
  guint n_slices = (regular + merge - 1) / merge + 1;
  g_autofree Weighted *pay = g_new0 (Weighted, n_slices);
  g_autofree Weighted *cost_new = g_new0 (Weighted, n_slices);
  g_autofree Weighted *cost_all = g_new0 (Weighted, n_slices);
  g_autofree Slice *slices = g_new0 (Slice, n_slices);
  g_autofree guint8 *flags = NULL;
  g_autofree double *above = NULL;
  GsMoney existing = comp->plan_bookings - comp->plan_new_business;
  double pay_sum = 0;
  guint n = 0, max_components = 1;
  Eval evals[2] = { { 0 } };
  GThread *helper = NULL;

  g_return_val_if_fail (comp->resolved, FALSE);
  memset (out, 0, sizeof *out);
  out->n_roles = comp->n_roles;
  out->moves = g_new0 (gboolean, comp->n_roles);
  out->reach_quota = g_new0 (double, comp->n_roles);
  out->accelerated = g_new0 (double, comp->n_roles);
  out->accel_above = g_new0 (double, comp->n_roles);
  for (guint r = 0; r < comp->n_roles; r++)
    max_components = MAX (max_components, comp->roles[r].n_components);
  above = g_new0 (double, (gsize) comp->n_roles *max_components);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      out->moves[r] = role->n_components > 0 && moved (role->components[0].measure);
      out->accelerated[r] = -1;
      for (guint c = 0; c < role->n_components; c++)
        {
          double a = above[r * max_components + c]
              = gs_comp_accelerator_above (&role->components[c]);
          if (a > 0 && (out->accel_above[r] == 0 || a < out->accel_above[r]))
            out->accel_above[r] = a;
          if (a > 0)
            out->accelerated[r] = 0;
        }
    }

  /* The slices with trials in them, in order. */
  for (guint s = 0; s < n_slices; s++)
    {
      guint64 count = 0;
      double carried;
      guint first = s * merge, last = MIN (regular, first + merge);
      if (s == n_slices - 1)
        {
          count = regular < spread->n_bins ? spread->counts[regular] : 0;
          carried = spread->hi;
        }
      else
        {
          for (guint b = first; b < last; b++)
            count += spread->counts[b];
          carried = 0.5 * (first + last) * spread->hi / regular;
        }
      if (count)
        slices[n++] = (Slice){ count, carried, 0, NULL, NULL };
    }
  flags = g_new0 (guint8, (gsize) 2 * n * MAX (comp->n_roles, 1));
  for (guint s = 0; s < n; s++)
    {
      slices[s].reach = flags + (gsize) 2 * s * MAX (comp->n_roles, 1);
      slices[s].accel = slices[s].reach + MAX (comp->n_roles, 1);
    }
  /* The pay plans at each: the second half on a thread of its own when it
   * is worth one (the plans only read comp).  The figures are summed in
   * slice order below, so they do not depend on the split. */
  for (guint i = 0; i < 2; i++)
    evals[i] = (Eval){ comp, slices, above, max_components, i ? n / 2 : 0, i ? n : n / 2, 0, NULL };
  if (n >= PARALLEL_SLICES && g_get_num_processors () > 1)
    helper = g_thread_try_new ("gs-comp-risk", eval_slices, &evals[1], NULL);
  eval_slices (&evals[0]);
  if (helper)
    g_thread_join (helper);
  else
    eval_slices (&evals[1]);
  for (guint i = 0; i < 2; i++)
    if (evals[i].failed < evals[i].last)
      {
        /* The first slice in order that failed, as one loop would have met it. */
        g_propagate_error (error, g_steal_pointer (&evals[i].error));
        g_clear_error (&evals[1].error);
        gs_comp_risk_clear (out);
        return FALSE;
      }

  for (guint s = 0; s < n; s++)
    {
      const Slice *sl = &slices[s];
      GsMoney total = sl->total;
      double carried = sl->carried;
      guint64 count = sl->count;
      for (guint r = 0; r < comp->n_roles; r++)
        {
          if (sl->reach[r])
            out->reach_quota[r] += (double) count;
          if (out->accelerated[r] >= 0 && sl->accel[r])
            out->accelerated[r] += (double) count;
        }
      pay[s] = (Weighted){ (double) total, count };
      cost_new[s] = (Weighted){ carried > 0 ? (double) total / carried : 0, count };
      cost_all[s] = (Weighted){
        (double) existing + carried > 0 ? (double) total / ((double) existing + carried) : 0, count
      };
      pay_sum += (double) total * (double) count;
      out->trials += count;
    }
  if (out->trials > 0)
    {
      double p[3];
      quantiles (pay, n, out->trials, p);
      for (guint i = 0; i < 3; i++)
        out->pay[i] = (GsMoney) llround (p[i]);
      out->pay_mean = (GsMoney) llround (pay_sum / (double) out->trials);
      quantiles (cost_new, n, out->trials, out->cost_new);
      quantiles (cost_all, n, out->trials, out->cost_all);
      for (guint r = 0; r < comp->n_roles; r++)
        {
          out->reach_quota[r] /= (double) out->trials;
          if (out->accelerated[r] >= 0)
            out->accelerated[r] /= (double) out->trials;
        }
    }
  return TRUE;
}

void
gs_comp_risk_clear (GsCompRisk *risk)
{
  g_clear_pointer (&risk->moves, g_free);
  g_clear_pointer (&risk->reach_quota, g_free);
  g_clear_pointer (&risk->accelerated, g_free);
  g_clear_pointer (&risk->accel_above, g_free);
}
