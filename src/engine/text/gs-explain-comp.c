/* gs-explain-comp.c — the payout trace in words.  Each kind of step has its
 * own whole sentences in the catalogue; the figures are the engine's.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-comp.h"
#include "gs-comp-trace.h"

#include <math.h>
#include <glib/gi18n-lib.h>

static const char *const measure_names[GS_N_MEASURES] = {
  N_ ("Own bookings"),
  N_ ("Team bookings"),
  N_ ("Company bookings"),
  N_ ("Sourced pipeline"),
  N_ ("Marketing-sourced bookings"),
  N_ ("MQLs delivered"),
  N_ ("SQLs accepted"),
  N_ ("Meetings held"),
  N_ ("MQL follow-up within SLA"),
  N_ ("Gross margin"),
};

const char *
gs_explain_measure (GsMeasure measure)
{
  g_return_val_if_fail ((guint) measure < GS_N_MEASURES, "");
  return _ (measure_names[measure]);
}

char *
gs_explain_quota_source (const GsModel *m, const GsCompComponent *c)
{
  switch (c->quota_default)
    {
    case GS_QUOTA_SET:
      return g_strdup (_ ("set in the plan"));
    case GS_QUOTA_AE_QUOTA:
      return g_strdup (_ ("the AE quota on the capacity plan"));
    case GS_QUOTA_TEAM:
      {
        guint aes = gs_comp_plan_headcount (m, GS_ROLE_AE);
        /* Translators: %u AEs: start headcount plus hires. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the AE quota × %u AE on the plan",
                                             "the AE quota × %u AEs on the plan", aes),
                                aes);
      }
    case GS_QUOTA_COMPANY_TARGET:
      return g_strdup (_ ("the company target"));
    case GS_QUOTA_MARKETING_PIPELINE:
      return g_strdup (_ ("the marketing sheet's sourced-pipeline goal"));
    case GS_QUOTA_SDR_PIPELINE:
      {
        guint sdrs = MAX (1, gs_comp_plan_headcount (m, GS_ROLE_SDR));
        return g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "pipeline needed from sales-owned sources ÷ %u SDR",
                         "pipeline needed from sales-owned sources ÷ %u SDRs", sdrs),
            sdrs);
      }
    case GS_QUOTA_MARKETING_BOOKINGS:
      return g_strdup (_ ("the marketing sheet's sourced-bookings goal"));
    case GS_QUOTA_MQLS:
      /* Translators: %s the plan's hand-off stage ("MQL"). */
      return g_strdup_printf (_ ("the marketing sheet's %s goal"), m->stages[m->handoff].name);
    case GS_QUOTA_MARKETING_SQLS:
      return g_strdup (_ ("marketing-sourced SQLs the funnel needs"));
    case GS_QUOTA_SDR_CAPACITY:
      return g_strdup (_ ("SQLs per SDR a month on the capacity plan × 12"));
    case GS_QUOTA_SLA:
      return g_strdup (_ ("the agreed SLA acceptance rate"));
    case GS_QUOTA_NONE:
    default:
      return g_strdup (_ ("no figure on the goal sheets"));
    }
}

const char *
gs_explain_headcount_from (const GsCompRole *role)
{
  switch (role->headcount_from)
    {
    case GS_HEADCOUNT_CAPACITY:
      return _ ("start headcount plus hires on the capacity plan");
    case GS_HEADCOUNT_PEOPLE:
      return _ ("the people listed");
    case GS_HEADCOUNT_SET:
      return _ ("set in the plan");
    case GS_HEADCOUNT_ONE:
    default:
      return _ ("one by default");
    }
}

char *
gs_explain_period (const GsCompModel *comp, guint n, guint p)
{
  static const char *const months[] = {
    NC_ ("month of a payout", "Jan"), NC_ ("month of a payout", "Feb"),
    NC_ ("month of a payout", "Mar"), NC_ ("month of a payout", "Apr"),
    NC_ ("month of a payout", "May"), NC_ ("month of a payout", "Jun"),
    NC_ ("month of a payout", "Jul"), NC_ ("month of a payout", "Aug"),
    NC_ ("month of a payout", "Sep"), NC_ ("month of a payout", "Oct"),
    NC_ ("month of a payout", "Nov"), NC_ ("month of a payout", "Dec"),
  };
  guint start, month, year;
  if (n == 1)
    return g_strdup (_ ("Year"));
  if (n == 4)
    /* Translators: a quarter of the comp plan's year; %u is 1 to 4. */
    return g_strdup_printf (_ ("Q%u"), p + 1);
  start = g_date_get_month (&comp->start) - 1 + p;
  month = start % 12;
  year = g_date_get_year (&comp->start) + start / 12;
  /* Translators: a month of a payout: the month's short name and the year. */
  return g_strdup_printf (_ ("%s %u"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month of a payout", months[month]), year);
}

static char *
band_label (guint digits, const GsCompComponent *c, const GsSlice *s)
{
  if (c->table.kind == GS_TABLE_FLAT)
    return g_strdup (_ ("Flat rate"));
  if (c->table.basis == GS_BASIS_AMOUNT)
    {
      g_autofree char *a = gs_trace_money (digits, (GsMoney) s->band_from);
      g_autofree char *b
          = isinf (s->band_to) ? g_strdup ("∞") : gs_trace_money (digits, (GsMoney) s->band_to);
      /* Translators: a band of a rate table, from one amount to another. */
      return g_strdup_printf (_ ("Band %s → %s"), a, b);
    }
  {
    g_autofree char *a = gs_trace_percent (s->band_from);
    g_autofree char *b = gs_trace_percent (s->band_to);
    /* Translators: a band of a rate table, from one attainment to another. */
    return g_strdup_printf (_ ("Band %s → %s of quota"), a, b);
  }
}

/* "Band 0 % → 100 % of quota, 0.00 → 520,000.00: 520,000.00 ÷ 520,000.00 ×
 * 70,000.00 × 1 = 70,000.00" */
static char *
slice_text (guint digits, const GsTraceLine *line)
{
  const GsCompComponent *c = line->component;
  const GsSlice *s = &line->slice;
  GString *out = g_string_new (NULL);
  g_autofree char *label = band_label (digits, c, s);
  g_autofree char *from = gs_trace_value (digits, c->measure, s->from);
  g_autofree char *to = gs_trace_value (digits, c->measure, s->to);
  g_autofree char *width = gs_trace_value (digits, c->measure, s->width);
  g_autofree char *amount = gs_trace_money (digits, s->amount);

  if (c->table.kind == GS_TABLE_BAND)
    /* Translators: a band table pays on the whole value once the band is
     * reached: the band, then the whole value. */
    g_string_append_printf (out, _ ("%s reached, whole %s: "), label, width);
  else
    /* Translators: the band, then the part of the value it pays on. */
    g_string_append_printf (out, _ ("%s, %s → %s: "), label, from, to);

  if (c->table.basis == GS_BASIS_AMOUNT)
    {
      g_autofree char *rate = gs_trace_percent (s->rate);
      g_string_append_printf (out, "%s × %s", width, rate);
    }
  else
    {
      g_autofree char *q = gs_trace_value (digits, c->measure, line->quota);
      g_autofree char *t = gs_trace_money (digits, line->figure[0]);
      g_autofree char *rate = gs_trace_number (s->rate);
      g_string_append_printf (out, "%s ÷ %s × %s × %s", width, q, t, rate);
    }
  if (s->accel != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->accel);
      /* Translators: a factor of the arithmetic, %s is the multiplier. */
      g_string_append_printf (out, _ (" × %s accelerator"), m);
    }
  if (s->decel != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->decel);
      /* Translators: a factor of the arithmetic, %s is the multiplier. */
      g_string_append_printf (out, _ (" × %s decelerator"), m);
    }
  if (s->discount != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->discount);
      /* Translators: a factor of the arithmetic, %s is the multiplier. */
      g_string_append_printf (out, _ (" × %s discount modifier"), m);
    }
  g_string_append_printf (out, " = %s", amount);
  return g_string_free (out, FALSE);
}

static char *
date_text (const GDate *date)
{
  char buf[16] = "";
  if (g_date_valid (date))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

char *
gs_explain_comp_line (const GsCompModel *comp, const GsTraceLine *line)
{
  guint digits = comp->digits;
  const GsCompComponent *c = line->component;
  g_autofree char *amount = gs_trace_money (digits, line->amount);

  switch (line->kind)
    {
    case GS_TRACE_MEASURE:
      {
        g_autofree char *w = gs_trace_percent (c->weight);
        g_autofree char *t = gs_trace_money (digits, line->figure[0]);
        g_autofree char *a = gs_trace_value (digits, line->measure, line->actual);
        g_autofree char *q = gs_trace_value (digits, line->measure, line->quota);
        g_autofree char *att = gs_trace_percent (line->attainment);
        /* Translators: the component's name and measure id, its weight, the
         * target incentive, then the measure's total, its quota and the
         * attainment. */
        return g_strdup_printf (
            _ ("%s [%s]: %s of the target incentive = %s; %s of %s quota = %s attainment"), c->name,
            gs_measure_id (line->measure), w, t, a, q, att);
      }
    case GS_TRACE_DISCOUNT:
      {
        g_autofree char *d = gs_trace_percent (line->attainment);
        g_autofree char *m = gs_trace_number (line->threshold);
        /* Translators: the average discount, then the multiplier it pays. */
        return g_strdup_printf (_ ("Discount modifier: %s average discount beyond list pays × %s"),
                                d, m);
      }
    case GS_TRACE_PERIOD:
      {
        g_autofree char *label = gs_explain_period (comp, line->n_periods, line->period);
        g_autofree char *x = gs_trace_value (digits, line->measure, line->actual);
        g_autofree char *q = gs_trace_value (digits, line->measure, line->quota);
        g_autofree char *att = gs_trace_percent (line->attainment);
        if (line->reached)
          /* Translators: a period ("Q2"), the measure so far this year, the
           * quota so far, the attainment. */
          return g_strdup_printf (_ ("%s, year to date: %s of %s = %s"), label, x, q, att);
        /* Translators: a period ("Q2"), the measure in it, its quota, the
         * attainment. */
        return g_strdup_printf (_ ("%s: %s of %s = %s"), label, x, q, att);
      }
    case GS_TRACE_GATE:
      {
        g_autofree char *ga = gs_trace_percent (line->attainment);
        g_autofree char *gm = gs_trace_percent (line->threshold);
        if (line->reached)
          /* Translators: the gate's measure, its attainment, the minimum. */
          return g_strdup_printf (_ ("Gate: %s at %s reaches %s"),
                                  gs_explain_measure (line->measure), ga, gm);
        /* Translators: the gate's measure, its attainment, the minimum. */
        return g_strdup_printf (_ ("Gate: %s at %s is below %s — nothing earned"),
                                gs_explain_measure (line->measure), ga, gm);
      }
    case GS_TRACE_SLICE:
      return slice_text (digits, line);
    case GS_TRACE_EARLIER_PAID:
      return g_strdup_printf (_ ("Less paid in earlier periods: %s"), amount);
    case GS_TRACE_COMPONENT_CAP:
      {
        g_autofree char *cap = gs_trace_money (digits, line->figure[0]);
        /* Translators: the cap, then what it cuts (a negative amount). */
        return g_strdup_printf (_ ("Component cap %s reached: %s"), cap, amount);
      }
    case GS_TRACE_COMPONENT_PAID:
      /* Translators: a component's name, then what it earns in the year. */
      return g_strdup_printf (_ ("%s earns %s"), c->name, amount);
    case GS_TRACE_PLAN_GATE:
      {
        g_autofree char *ga = gs_trace_percent (line->attainment);
        g_autofree char *gm = gs_trace_percent (line->threshold);
        if (line->reached)
          /* Translators: the gate's measure, its attainment, the minimum. */
          return g_strdup_printf (_ ("Plan gate: %s for the year at %s reaches %s"),
                                  gs_explain_measure (line->measure), ga, gm);
        /* Translators: the gate's measure, its attainment, the minimum, then
         * what the gate takes away (a negative amount). */
        return g_strdup_printf (
            _ ("Plan gate: %s for the year at %s is below %s — the plan pays nothing: %s"),
            gs_explain_measure (line->measure), ga, gm, amount);
      }
    case GS_TRACE_PLAN_CAP:
      {
        g_autofree char *cap = gs_trace_money (digits, line->figure[0]);
        /* Translators: the cap, then what it cuts (a negative amount). */
        return g_strdup_printf (_ ("Plan cap %s reached: %s"), cap, amount);
      }
    case GS_TRACE_NO_CLAWBACK:
      return g_strdup (_ (
          "Refunds given, but this plan has no clawback on own bookings: nothing is taken back"));
    case GS_TRACE_REFUND_KEPT:
      {
        g_autofree char *a = gs_trace_money (digits, line->figure[0]);
        /* Translators: the refund, the days after closing, the clawback
         * window in days. */
        return g_strdup_printf (
            _ ("Refund of %s after %u days is outside the %u-day clawback window: kept"), a,
            line->count, line->window);
      }
    case GS_TRACE_CLAWBACK:
      {
        g_autofree char *a = gs_trace_money (digits, line->figure[0]);
        g_autofree char *without = gs_trace_money (digits, line->figure[1]);
        g_autofree char *with = gs_trace_money (digits, line->figure[2]);
        if (line->reached)
          {
            g_autofree char *paid = gs_trace_money (digits, line->figure[3]);
            g_autofree char *share = gs_trace_percent (line->threshold);
            g_autofree char *base = gs_trace_money (digits, (GsMoney) line->actual);
            g_autofree char *rerate = gs_trace_money (digits, (GsMoney) line->quota);
            g_autofree char *m = gs_trace_number (line->attainment);
            if (line->quota == 0)
              /* Translators: the refund, the days after closing, the window
               * in days, what the deal was paid, the share taken back, the
               * result (a negative amount). */
              return g_strdup_printf (_ ("Clawback: %s refunded %u days after closing (window %u "
                                         "days): what the deal was paid, %s, × %s taken back = %s"),
                                      a, line->count, line->window, paid, share, amount);
            /* Translators: the refund, the days after closing, the window in
             * days, what the deal was paid, the commission without the deal,
             * with it, the deal's pay before its discount modifier, the
             * deal's discount multiplier, what the re-rating takes back, the
             * share taken back, the result. */
            return g_strdup_printf (
                _ ("Clawback: %s refunded %u days after closing (window %u days): what the deal "
                   "was paid, %s, and the rest of the year re-rated without it, (commission "
                   "without the deal %s − with it %s + the deal's %s before its modifier) × %s "
                   "discount multiplier = %s; × %s taken back = %s"),
                a, line->count, line->window, paid, without, with, base, m, rerate, share, amount);
          }
        /* Translators: the refund, the days after closing, the window in
         * days, the commission without the deal, with it, and the
         * difference. */
        if (line->threshold != 1 || line->attainment != 1)
          {
            g_autofree char *m = gs_trace_number (line->attainment);
            g_autofree char *share = gs_trace_percent (line->threshold);
            /* Translators: the refund, the days after closing, the window
             * in days, the commission without the deal, with it, the deal's
             * discount multiplier, the share taken back, the result. */
            return g_strdup_printf (
                _ ("Clawback: %s refunded %u days after closing (window %u days): (commission "
                   "without the deal %s − with it %s) × %s discount multiplier × %s taken back "
                   "= %s"),
                a, line->count, line->window, without, with, m, share, amount);
          }
        return g_strdup_printf (_ ("Clawback: %s refunded %u days after closing (window %u days): "
                                   "commission without the deal %s − with it %s = %s"),
                                a, line->count, line->window, without, with, amount);
      }
    case GS_TRACE_DEAL_DISCOUNT:
      {
        g_autofree char *base = gs_trace_money (digits, line->figure[0]);
        g_autofree char *off = gs_trace_percent (line->attainment);
        g_autofree char *m = gs_trace_number (line->threshold);
        g_autofree char *label = gs_explain_period (comp, line->n_periods, line->period);
        /* Translators: the deal, its discount, the month, its commission
         * that month, the multiplier of its discount band, what the
         * modifier takes (a negative amount). */
        return g_strdup_printf (
            _ ("Discount modifier, deal %s (%s off list), %s: %s × (%s − 1) = %s"),
            line->deal ? line->deal : "", off, label, base, m, amount);
      }
    case GS_TRACE_SPIF_OUTSIDE:
      {
        g_autofree char *date = date_text (&line->date);
        /* Translators: the SPIF's name, the number of events, the date. */
        return g_strdup_printf (_ ("SPIF %s: %u on %s, outside its dates: nothing"), line->name,
                                line->count, date);
      }
    case GS_TRACE_SPIF:
      {
        g_autofree char *each = gs_trace_money (digits, line->figure[0]);
        g_autofree char *date = date_text (&line->date);
        /* Translators: the SPIF's name, the number of events, the amount
         * each, the date, the total. */
        if (line->deal)
          /* Translators: the SPIF's name, the deal, the number of events,
           * the amount each, the date, the total. */
          return g_strdup_printf (_ ("SPIF %s: deal %s, %u × %s on %s = %s"), line->name,
                                  line->deal, line->count, each, date, amount);
        return g_strdup_printf (_ ("SPIF %s: %u × %s on %s = %s"), line->name, line->count, each,
                                date, amount);
      }
    case GS_TRACE_DRAW_TOPUP:
      {
        g_autofree char *label = gs_explain_period (comp, line->n_periods, line->period);
        g_autofree char *e = gs_trace_money (digits, line->figure[0]);
        g_autofree char *d = gs_trace_money (digits, line->figure[1]);
        if (line->reached)
          /* Translators: the month, what it earned, the draw, the top-up. */
          return g_strdup_printf (_ ("Draw %s: earned %s, draw %s → top-up %s (recoverable)"),
                                  label, e, d, amount);
        /* Translators: the month, what it earned, the draw, the top-up. */
        return g_strdup_printf (_ ("Draw %s: earned %s, draw %s → top-up %s (not recoverable)"),
                                label, e, d, amount);
      }
    case GS_TRACE_DRAW_RECOVERED:
      {
        g_autofree char *label = gs_explain_period (comp, line->n_periods, line->period);
        g_autofree char *e = gs_trace_money (digits, line->figure[0]);
        /* Translators: the month, what it earned, what is taken back. */
        return g_strdup_printf (_ ("Draw recovered from %s earnings of %s: %s"), label, e, amount);
      }
    case GS_TRACE_DRAW_BALANCE:
      {
        g_autofree char *b = gs_trace_money (digits, line->figure[0]);
        return g_strdup_printf (_ ("Draw not yet recovered at year end: %s (carried forward)"), b);
      }
    case GS_TRACE_TOTAL:
    default:
      return g_strdup_printf (_ ("Variable pay for the year: %s"), amount);
    }
}
