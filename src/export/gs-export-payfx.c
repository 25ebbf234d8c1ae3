/* gs-export-payfx.c — the pay plan's arithmetic as Excel formulas over the
 * Compensation sheet's input cells (private to the export).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulas follow the compensation engine's rules (docs/compensation.md)
 * for one person at a uniform attainment a, every measure at a:
 *  - marginal and flat tables: each band pays rate × the part of [0, a) it
 *    covers, a SUMPRODUCT over the band ranges; an accelerator tier adds
 *    (its multiplier − the tier below's) × the same sum above its threshold;
 *    a decelerator below D takes (1 − m) × the sum below D (or multiplies
 *    everything by m while a < D when retroactive);
 *  - band tables: a × the rate of the band reached (LOOKUP), × the tier
 *    reached, × the decelerator;
 *  - one rounding per period: the period's target incentive in minor units
 *    × the table, snapped to 10^-6 and rounded (gs_comp_round); year-to-date components pay the
 * year's figure (what was paid before is taken off each period, so the periods add up to it); a
 * component gate is an IF, a cap a MIN. SUMPRODUCT evaluates its arguments as arrays in Excel and
 * Calc alike; the element-wise MIN and MAX are written with ABS, which both evaluate there.
 */
#include "gs-export-payfx.h"

#include <math.h>

const char *
gs_payfx_scale (guint digits)
{
  static const char *const scales[] = { "1", "10", "100", "1000", "10000" };
  return scales[MIN (digits, 4)];
}

char *
gs_payfx_reached (GsBoundary boundary, const char *x, const char *t)
{
  /* gs_comp_reached: within binary noise of the threshold counts as on it. */
  return g_strdup_printf (boundary == GS_BOUNDARY_UPPER ? "(%s>=%s-1E-12)" : "(%s>%s+1E-12)", x, t);
}

/* Σ rate × the part of each band within [lo, a): bounded bands as ranges,
 * an open last band on its own.  lo NULL: from each band's start. */
static void
append_base (GString *s, const GsPayRefs *p, const char *a, const char *lo)
{
  guint bounded = p->open_last ? p->n_bands - 1 : p->n_bands;
  gboolean any = FALSE;
  g_string_append_c (s, '(');
  if (bounded > 0)
    {
      g_autofree char *from = gs_xrange (p->band_row0, 1, p->band_row0 + bounded - 1, 1);
      g_autofree char *to = gs_xrange (p->band_row0, 2, p->band_row0 + bounded - 1, 2);
      g_autofree char *rate = gs_xrange (p->band_row0, 3, p->band_row0 + bounded - 1, 3);
      g_autofree char *hi = g_strdup_printf ("(%s+%s-ABS(%s-%s))/2", to, a, to, a);
      g_autofree char *start
          = lo ? g_strdup_printf ("(%s+%s+ABS(%s-%s))/2", from, lo, from, lo) : g_strdup (from);
      g_autofree char *d = g_strdup_printf ("(%s-%s)", hi, start);
      g_string_append_printf (s, "SUMPRODUCT(%s,(%s+ABS(%s))/2)", rate, d, d);
      any = TRUE;
    }
  if (p->open_last)
    {
      guint r = p->band_row0 + p->n_bands - 1;
      g_autofree char *from = gs_xref (r, 1, FALSE);
      g_autofree char *rate = gs_xref (r, 3, FALSE);
      if (any)
        g_string_append_c (s, '+');
      if (lo)
        g_string_append_printf (s, "%s*MAX(0,%s-MAX(%s,%s))", rate, a, from, lo);
      else
        g_string_append_printf (s, "%s*MAX(0,%s-%s)", rate, a, from);
      any = TRUE;
    }
  if (!any)
    g_string_append_c (s, '0');
  g_string_append_c (s, ')');
}

/* Attainment thresholds (accelerator tiers, the decelerator) in the table's
 * units: as they are on the attainment basis, × the period's quota q on
 * the amount basis. */
static char *
threshold (const char *t, const char *q)
{
  return q ? g_strdup_printf ("%s*%s", t, q) : g_strdup (t);
}

/* The table's payout at a: on the attainment basis a is the attainment and
 * the payout a multiple of the target incentive (q NULL); on the amount
 * basis a is the amount (major units), q the period's quota and the payout
 * the commission in major units. */
static char *
table_multiple (const GsPayRefs *p, const char *a, const char *q)
{
  const GsCompComponent *c = p->c;
  GString *s = g_string_new ("(");
  g_autofree char *d_at = p->c->decel.present ? gs_xref (p->decel_row, 1, FALSE) : NULL;
  g_autofree char *d_ref = d_at ? threshold (d_at, q) : NULL;
  g_autofree char *m_ref = p->c->decel.present ? gs_xref (p->decel_row, 2, FALSE) : NULL;

  if (c->table.kind == GS_TABLE_BAND)
    {
      g_autofree char *from = gs_xrange (p->band_row0, 1, p->band_row0 + p->n_bands - 1, 1);
      g_autofree char *rate = gs_xrange (p->band_row0, 3, p->band_row0 + p->n_bands - 1, 3);
      /* The band reached: the last whose start a has reached (upper rule)
       * or passed (lower rule), with the engine's tolerance for binary
       * noise; the first band starts at 0. */
      g_autofree char *at = p->boundary == GS_BOUNDARY_UPPER
                                ? g_strdup_printf ("%s+1E-12", a)
                                : g_strdup_printf ("MAX(0,%s-1E-12)", a);
      g_string_append_printf (s, "%s*LOOKUP(%s,%s,%s)", a, at, from, rate);
      for (guint i = c->n_tiers; i-- > 0;)
        {
          g_autofree char *t_at = gs_xref (p->tier_row0 + i, 1, FALSE);
          g_autofree char *t = threshold (t_at, q);
          g_autofree char *m = gs_xref (p->tier_row0 + i, 2, FALSE);
          g_autofree char *reached = gs_payfx_reached (p->boundary, a, t);
          g_string_append_printf (s, "*IF(%s,%s", reached, m);
        }
      if (c->n_tiers)
        {
          g_string_append (s, ",1");
          for (guint i = 0; i < c->n_tiers; i++)
            g_string_append_c (s, ')');
        }
      if (c->decel.present)
        {
          g_autofree char *reached = gs_payfx_reached (p->boundary, a, d_ref);
          g_string_append_printf (s, "*IF(%s,1,%s)", reached, m_ref);
        }
      g_string_append_c (s, ')');
      return g_string_free (s, FALSE);
    }

  if (c->decel.present && c->decel.retroactive)
    {
      g_autofree char *reached = gs_payfx_reached (p->boundary, a, d_ref);
      g_string_append_printf (s, "IF(%s,1,%s)*(", reached, m_ref);
    }
  append_base (s, p, a, NULL);
  for (guint i = 0; i < c->n_tiers; i++)
    {
      g_autofree char *t_at = gs_xref (p->tier_row0 + i, 1, FALSE);
      g_autofree char *t = threshold (t_at, q);
      g_autofree char *m = gs_xref (p->tier_row0 + i, 2, FALSE);
      g_autofree char *below = i ? gs_xref (p->tier_row0 + i - 1, 2, FALSE) : g_strdup ("1");
      g_string_append_printf (s, "+(%s-%s)*", m, below);
      append_base (s, p, a, t);
    }
  if (c->decel.present && !c->decel.retroactive)
    {
      /* Below the threshold (under every tier: tiers start at 100 %). */
      g_autofree char *a_low = g_strdup_printf ("MIN(%s,%s)", a, d_ref);
      g_string_append_printf (s, "-(1-%s)*", m_ref);
      append_base (s, p, a_low, NULL);
    }
  if (c->decel.present && c->decel.retroactive)
    g_string_append_c (s, ')');
  g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

/* One evaluation on the amount basis: the commission on amount x against
 * the period's quota q, in minor units snapped and rounded once. */
static char *
amount_pay (const GsPayRefs *p, const char *x, const char *q, const char *times)
{
  const char *S = gs_payfx_scale (p->digits);
  g_autofree char *g = table_multiple (p, x, q);
  return g_strdup_printf ("ROUND(ROUND(%s*%s%s,6),0)/%s", g, S, times ? times : "", S);
}

gboolean
gs_payfx_by_period (const GsCompComponent *c)
{
  return c->table.basis == GS_BASIS_AMOUNT && gs_period_count (c->period) > 1
         && c->attain != GS_ATTAIN_YTD;
}

char *
gs_payfx_amount_period (const GsPayRefs *p, const char *a, guint k, const char *before)
{
  guint n = gs_period_count (p->c->period);
  g_autofree char *year = g_strdup_printf ("(%s*%s)", a, p->quota);
  g_autofree char *x = gs_payfx_period (year, n, k, p->digits);
  g_autofree char *q = gs_payfx_period (p->quota, n, k, p->digits);
  g_autofree char *times = p->discount ? g_strdup_printf ("*%s", p->discount) : NULL;
  char *body = amount_pay (p, x, q, times);
  if (p->cap)
    {
      char *capped = before ? g_strdup_printf ("MIN(%s,%s+%s)-%s", p->cap, before, body, before)
                            : g_strdup_printf ("MIN(%s,%s)", p->cap, body);
      g_free (body);
      body = capped;
    }
  return gs_payfx_gate_cap (p->boundary, p->gate_a ? p->gate_a : a,
                            p->c->gate.present ? p->gate_row : G_MAXUINT, p->gate_source, NULL,
                            body);
}

char *
gs_payfx_component (const GsPayRefs *p, const char *a)
{
  const char *S = gs_payfx_scale (p->digits);
  g_autofree char *times = NULL;
  char *body;

  if (p->discount)
    times = g_strdup_printf ("*%s", p->discount);
  if (p->c->table.basis == GS_BASIS_AMOUNT)
    {
      /* The measure at a is a × the quota, split over the months by the
       * months rule (gs_comp_input_set_year); each period's amount meets the
       * table's bands (amounts) and the thresholds × the period's quota.
       * Year to date, the year's amount once. */
      guint n = gs_period_count (p->c->period);
      g_autofree char *year = g_strdup_printf ("(%s*%s)", a, p->quota);
      if (p->period_pays && p->period == G_MAXUINT)
        body = g_strdup_printf ("SUM(%s)", p->period_pays);
      else if (n == 1 || p->c->attain == GS_ATTAIN_YTD)
        {
          g_autofree char *x = g_strdup_printf ("ROUND(%s*%s,0)/%s", year, S, S);
          body = amount_pay (p, x, p->quota, times);
        }
      else
        {
          GString *f = g_string_new ("(");
          for (guint k = 0; k < n; k++)
            {
              g_autofree char *x = NULL;
              g_autofree char *q = NULL;
              g_autofree char *one = NULL;
              if (p->period != G_MAXUINT && k != p->period)
                continue;
              x = gs_payfx_period (year, n, k, p->digits);
              q = gs_payfx_period (p->quota, n, k, p->digits);
              one = amount_pay (p, x, q, times);
              g_string_append_printf (f, "%s%s", f->len > 1 ? "+" : "", one);
            }
          g_string_append_c (f, ')');
          body = g_string_free (f, FALSE);
        }
    }
  else
    {
      /* In minor units, snapped to 10^-6 first as gs_comp_round does, so
       * binary noise below half a cent rounds the engine's way. */
      g_autofree char *g = table_multiple (p, a, NULL);
      if (p->ti_periods)
        body = g_strdup_printf ("SUMPRODUCT(ROUND(ROUND(ROUND(%s*%s,0)*%s%s,6),0))/%s",
                                p->ti_periods, S, g, times ? times : "", S);
      else
        body = g_strdup_printf ("ROUND(ROUND(ROUND(%s*%s,0)*%s%s,6),0)/%s", p->ti, S, g,
                                times ? times : "", S);
      /* gs_comp_table_eval: no quota, nothing to attain. */
      {
        char *paid = g_strdup_printf ("IF(%s>0,%s,0)", p->quota, body);
        g_free (body);
        body = paid;
      }
    }
  return gs_payfx_gate_cap (p->boundary, p->gate_a ? p->gate_a : a,
                            p->c->gate.present ? p->gate_row : G_MAXUINT, p->gate_source, p->cap,
                            body);
}

/* A gate measures its own measure against its own quota (column C of its
 * row): at attainment a that measure is a × the quota it is set from
 * (gate_source), so the gate's attainment is a × source ÷ the gate's quota,
 * and 0 when the gate's quota is 0, as in the engine (no #DIV/0!). */
char *
gs_payfx_gate_cap (GsBoundary boundary, const char *a, guint gate_row, const char *gate_source,
                   const char *cap, char *body)
{
  char *out;
  if (gate_row != G_MAXUINT)
    {
      g_autofree char *gmin = gs_xref (gate_row, 1, FALSE);
      g_autofree char *gq = gs_xref (gate_row, 2, FALSE);
      g_autofree char *att = gate_source && !g_str_equal (gate_source, gq)
                                 ? g_strdup_printf ("IF(%s>0,%s*%s/%s,0)", gq, a, gate_source, gq)
                                 : g_strdup_printf ("IF(%s>0,%s,0)", gq, a);
      g_autofree char *reached = gs_payfx_reached (boundary, att, gmin);
      char *gated = g_strdup_printf ("IF(%s,%s,0)", reached, body);
      g_free (body);
      body = gated;
    }
  if (cap == NULL)
    return body;
  out = g_strdup_printf ("MIN(%s,%s)", cap, body);
  g_free (body);
  return out;
}

/* Component i's share of the target incentive by the largest remainder
 * (gs_money_split): exact = T × (w ÷ Σw) in minor units, the whole units,
 * and one more where the remainder ranks within the units left over (the
 * earlier component first on a tie). */
char *
gs_payfx_split (const char *total, char *const *weights, guint n, guint i, guint digits)
{
  const char *S = gs_payfx_scale (digits);
  g_autofree char *T = g_strdup_printf ("ROUND(%s*%s,0)", total, S);
  GString *sum = g_string_new ("(");
  GString *f = g_string_new (NULL);
  g_autofree char **exact = g_new0 (char *, n + 1);
  g_autofree char **rem = g_new0 (char *, n + 1);
  g_autofree char *sum_s = NULL;

  for (guint j = 0; j < n; j++)
    g_string_append_printf (sum, "%s%s", j ? "+" : "", weights[j]);
  g_string_append_c (sum, ')');
  sum_s = g_string_free (sum, FALSE);
  for (guint j = 0; j < n; j++)
    {
      exact[j] = g_strdup_printf ("(%s*(%s/%s))", T, weights[j], sum_s);
      rem[j] = g_strdup_printf ("(%s-INT(%s))", exact[j], exact[j]);
    }
  g_string_append_printf (f, "(INT(%s)", exact[i]);
  if (n > 1)
    {
      g_string_append (f, "+IF(1");
      for (guint j = 0; j < n; j++)
        if (j != i)
          g_string_append_printf (f, "+(%s%s%s)", rem[j], j < i ? ">=" : ">", rem[i]);
      g_string_append_printf (f, "<=%s", T);
      for (guint j = 0; j < n; j++)
        g_string_append_printf (f, "-INT(%s)", exact[j]);
      g_string_append (f, ",1,0)");
    }
  g_string_append_printf (f, ")/%s", S);
  for (guint j = 0; j < n; j++)
    {
      g_free (exact[j]);
      g_free (rem[j]);
    }
  return g_string_free (f, FALSE);
}

/* Period p of n (4 quarters or 12 months) of a year's amount by the months
 * rule with equal weights (gs_money_split_periods): the year to quarters,
 * each quarter to its months, extra units to the earlier parts. */
char *
gs_payfx_period (const char *year, guint n, guint p, guint digits)
{
  const char *S = gs_payfx_scale (digits);
  g_autofree char *T = g_strdup_printf ("ROUND(%s*%s,0)", year, S);
  guint q = n == 4 ? p : p / 3;
  g_autofree char *Q = g_strdup_printf ("(INT(%s*0.25)+IF(%u<%s-4*INT(%s*0.25),1,0))", T, q, T, T);
  if (n == 4)
    return g_strdup_printf ("%s/%s", Q, S);
  return g_strdup_printf ("(INT(%s*(1/3))+IF(%u<%s-3*INT(%s*(1/3)),1,0))/%s", Q, p % 3, Q, Q, S);
}
