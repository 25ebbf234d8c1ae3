/* gs-comp-table.c — rate tables: flat, marginal (step) and all-or-nothing
 * band, with accelerator tiers, decelerators and the discount modifier.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-private.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

gboolean
gs_comp_reached (GsBoundary boundary, double x, double t)
{
  if (gs_comp_same (x, t))
    return boundary == GS_BOUNDARY_UPPER;
  return x > t;
}

GsMoney
gs_comp_round (double minor_units, gboolean *overflow)
{
  double snapped = round (minor_units * 1e6) / 1e6;
  if (!isfinite (minor_units) || fabs (minor_units) > (double) GS_MONEY_LIMIT)
    {
      if (overflow)
        *overflow = TRUE;
      return 0;
    }
  return gs_money_round (snapped);
}

/* Edges of the table in measure units. */
static double
edge (const GsCompComponent *c, double value, double quota)
{
  if (isinf (value))
    return value;
  return c->table.basis == GS_BASIS_ATTAINMENT ? value * quota : value;
}

/* Index of the band a value falls in under the boundary rule; values past a
 * bounded last band belong to it. */
static guint
band_of (const GsBand *bands, guint n, GsBoundary boundary, double x, double scale,
         gboolean amount_basis)
{
  guint found = 0;
  for (guint i = 1; i < n; i++)
    {
      double from = amount_basis ? bands[i].from : bands[i].from * scale;
      if (gs_comp_reached (boundary, x, from))
        found = i;
    }
  return found;
}

static double
accel_at (const GsCompComponent *c, GsBoundary boundary, double x, double quota, gboolean interior)
{
  double m = 1.0;
  for (guint i = 0; i < c->n_tiers; i++)
    {
      double t = c->tiers[i].above * quota;
      /* A slice starting on the threshold is above it whatever the rule. */
      if (interior ? (x > t || gs_comp_same (x, t)) : gs_comp_reached (boundary, x, t))
        m = c->tiers[i].multiplier;
    }
  return m;
}

/* Cut points of a table: 0, every band's two edges, every accelerator and
 * the decelerator (the model allows GS_MAX_BANDS of each).  Kept on the
 * stack: a payout evaluates a table per period, and people by the
 * thousand are paid per export. */
#define MAX_POINTS (3 * GS_MAX_BANDS + 2)

static void
add_point (double *points, guint *n, double p)
{
  for (guint i = 0; i < *n; i++)
    if (gs_comp_same (points[i], p))
      return;
  g_assert (*n < MAX_POINTS);
  points[(*n)++] = p;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The slices of one evaluation are rounded together: their exact sum once,
 * to the cent, and the cents go to the slices by the largest remainder
 * (gs_money_split on the exact amounts).  Rounding each slice alone let
 * 291.665 + 874.995 = 1,166.66 pay 1,166.67, and a year at 100 % pay
 * 28,000.04 against a 28,000.00 target incentive. */
static GsMoney
slices_to_cents (GsSlice *slices, guint n, double scale, gboolean *overflow)
{
  double amount[MAX_POINTS];
  GsMoney cents[MAX_POINTS];
  double sum = 0;
  gboolean too_large = FALSE;
  GsMoney total;

  for (guint k = 0; k < n; k++)
    {
      const GsSlice *s = &slices[k];
      double a = s->width * scale * s->rate * s->accel * s->decel * s->discount;
      /* Binary noise below 10^-6 of a cent is snapped, as gs_comp_round does. */
      amount[k] = isfinite (a) ? round (a * 1e6) / 1e6 : a;
      sum += amount[k];
    }
  total = gs_comp_round (sum, &too_large);
  if (too_large && overflow)
    *overflow = TRUE;
  if (n == 0 || too_large)
    return total;
  gs_money_split (total, amount, n, cents);
  for (guint k = 0; k < n; k++)
    slices[k].amount = cents[k];
  return total;
}

GsMoney
gs_comp_table_eval (const GsCompComponent *c, GsBoundary boundary, double x, double quota,
                    GsMoney ti, double discount, GArray *slices, gboolean *overflow)
{
  const GsRateTable *t = &c->table;
  gboolean amount_basis = t->basis == GS_BASIS_AMOUNT;
  /* Attainment basis: a slice of w units pays w ÷ quota × ti × rate. */
  double scale = amount_basis ? 1.0 : (quota > 0 ? (double) ti / quota : 0.0);
  gboolean retro_below = c->decel.present && c->decel.retroactive
                         && !gs_comp_reached (boundary, x, c->decel.below * quota);
  GsMoney total = 0;

  if (x < 0)
    x = 0;
  if (quota <= 0 && !amount_basis)
    return 0;

  if (t->kind == GS_TABLE_BAND)
    {
      guint b = band_of (t->bands, t->n_bands, boundary, x, quota, amount_basis);
      GsSlice s = { 0 };
      s.from = 0;
      s.to = x;
      s.width = x;
      s.band_from = t->bands[b].from;
      s.band_to = t->bands[b].to;
      s.rate = t->bands[b].rate;
      s.accel = accel_at (c, boundary, x, quota, FALSE);
      s.decel = c->decel.present && !gs_comp_reached (boundary, x, c->decel.below * quota)
                    ? c->decel.multiplier
                    : 1.0;
      s.discount = discount;
      s.amount = gs_comp_round (x * scale * s.rate * s.accel * s.decel * s.discount, overflow);
      if (slices)
        g_array_append_val (slices, s);
      return s.amount;
    }

  /* Flat and marginal: cut [0, x) at every band edge, accelerator threshold
   * and (non-retroactive) decelerator threshold; each piece is one line. */
  {
    double points[MAX_POINTS];
    GsSlice exact[MAX_POINTS];
    guint n_points = 0, n_exact = 0;
    add_point (points, &n_points, 0);
    for (guint i = 0; i < t->n_bands; i++)
      {
        add_point (points, &n_points, edge (c, t->bands[i].from, quota));
        if (!isinf (t->bands[i].to))
          add_point (points, &n_points, edge (c, t->bands[i].to, quota));
      }
    for (guint i = 0; i < c->n_tiers; i++)
      add_point (points, &n_points, c->tiers[i].above * quota);
    if (c->decel.present && !c->decel.retroactive)
      add_point (points, &n_points, c->decel.below * quota);
    qsort (points, n_points, sizeof (double), cmp_double);

    for (guint i = 0; i < n_points; i++)
      {
        double s0 = points[i];
        double s1 = i + 1 < n_points ? points[i + 1] : INFINITY;
        double end = MIN (x, s1);
        guint b;
        GsSlice s = { 0 };

        if (!(end > s0) || gs_comp_same (end, s0))
          break;
        /* The band this piece lies in; past a bounded last band nothing is paid. */
        b = 0;
        for (guint k = 0; k < t->n_bands; k++)
          if (s0 > edge (c, t->bands[k].from, quota)
              || gs_comp_same (s0, edge (c, t->bands[k].from, quota)))
            b = k;
        if (!isinf (t->bands[b].to)
            && (s0 > edge (c, t->bands[b].to, quota)
                || gs_comp_same (s0, edge (c, t->bands[b].to, quota))))
          break;
        s.from = s0;
        s.to = end;
        s.width = end - s0;
        s.band_from = t->bands[b].from;
        s.band_to = t->bands[b].to;
        s.rate = t->bands[b].rate;
        s.accel = accel_at (c, boundary, s0, quota, TRUE);
        s.decel = 1.0;
        if (c->decel.present)
          {
            double below = c->decel.below * quota;
            if (c->decel.retroactive ? retro_below : (s1 < below || gs_comp_same (s1, below)))
              s.decel = c->decel.multiplier;
          }
        s.discount = discount;
        exact[n_exact++] = s;
      }
    total = slices_to_cents (exact, n_exact, scale, overflow);
    if (slices)
      g_array_append_vals (slices, exact, n_exact);
  }
  return total;
}

double
gs_comp_discount_multiplier (const GsCompComponent *c, GsBoundary boundary, double discount)
{
  if (c->discount == NULL)
    return 1.0;
  return c->discount[band_of (c->discount, c->n_discount, boundary, discount, 1.0, TRUE)].rate;
}
