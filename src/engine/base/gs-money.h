/* gs-money.h — money as gint64 minor units, and the rounding rules.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules (docs/rounding.md):
 *  - Money is always an integer count of the currency's minor unit (cents).
 *  - The one rounding rule: where a computation yields a fractional amount, it
 *    is rounded once, half away from zero, to the nearest minor unit
 *    (gs_money_round).  Sums of rounded amounts are exact.
 *  - Splitting an amount into parts (months, people) uses the largest remainder
 *    method so the parts add up to the whole to the cent (gs_money_split).
 *  - A year's amount over its months goes first to its quarters, then each
 *    quarter's to its months, both by the largest remainder
 *    (gs_money_split_year): months add up to quarters and quarters to the
 *    year, and a quarter is the same whether split from months or directly.
 *  - Every amount stays within ±10^15 minor units; leaving it is an error,
 *    never a wrap-around.
 *  - Counts of things that cannot be fractional (leads, deals, people) round up
 *    (gs_count_ceil), with a tolerance of 1e-9 so that 212.0000000001 is 212.
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

typedef gint64 GsMoney;

/* One part of a largest-remainder split as gs_money_split decided it (the
 * figures a sheet shows to explain the split).  For a negative total every
 * field but remainder is negated. */
typedef struct _GsMoneySplitPart
{
  double  exact;     /* total × w ÷ Σw, in minor units */
  gint64  whole;     /* its whole units; a share within 1e-9 units of a whole number is that
                      * number (spreadsheets compare to about 15 digits) */
  double  remainder; /* exact − whole; −1 for a zero weight (never given a unit) */
  gint64  extra;     /* the left-over unit this part got: 0 or 1 (with no positive weight,
                      * part 0 takes the whole total as its extra) */
  GsMoney part;      /* whole + extra: gs_money_split's part */
} GsMoneySplitPart;

#define GS_MONEY_LIMIT G_GINT64_CONSTANT (1000000000000000)

typedef struct
{
  char code[4]; /* ISO 4217, e.g. "USD" */
  guint digits; /* minor-unit digits, 0..3 */
} GsCurrency;

gboolean gs_currency_lookup (const char *code, GsCurrency *out);

gboolean gs_money_in_range (gint64 value);
GsMoney  gs_money_round_large (double minor_units);
gboolean gs_money_from_double_checked (double minor_units, GsMoney *out, GError **error);
gboolean gs_money_add_checked (GsMoney a, GsMoney b, GsMoney *out, GError **error);
gboolean gs_money_mul_checked (GsMoney a, double factor, GsMoney *out, GError **error);
void     gs_money_split (GsMoney total, const double *weights, guint n, GsMoney *parts);
double   gs_money_to_major (double minor, guint digits);
double   gs_money_split_weight_sum (const double *weights, guint n);
void     gs_money_split_trace (GsMoney total, const double *weights, guint n,
                               GsMoneySplitPart *trace);
void     gs_money_split_year (GsMoney year, const double *weights, GsMoney parts[12]);
void     gs_money_split_periods (GsMoney year, guint n_periods, GsMoney *parts);

gboolean gs_money_parse (const char *text, guint digits, GsMoney *out, GError **error);
/* The usual amount ("34000.00": digits only, the currency's decimals or
 * none) from len bytes, not NUL-ended, without a copy: TRUE with what
 * gs_money_parse reads it as; FALSE for any other text, left to
 * gs_money_parse (which may still read it: "-0.00", "1.5", "007.500"). */
gboolean gs_money_parse_plain (const char *text, gsize len, guint digits, GsMoney *out);
char    *gs_money_to_plain (GsMoney value, guint digits);
/* The same text into buf (no allocation, for a writer of many amounts);
 * returns buf.  digits at most 18. */
#define GS_MONEY_PLAIN_MAX 48
char    *gs_money_plain_into (GsMoney value, guint digits, char buf[GS_MONEY_PLAIN_MAX]);

gint64 gs_count_ceil (double value);

/* The one rounding rule: half away from zero, to the minor unit.  Below 2^52
 * the same as round () without calling libm (no SSE4.1 in the baseline
 * x86-64, so round () is a call, and the simulation rounds twice a month in
 * every trial): x − trunc(x) is exact there.  Inline, so that those calls
 * cost no call either; gs_money_round_large takes the rest. */
static inline GsMoney
gs_money_round (double minor_units)
{
  if (fabs (minor_units) < 0x1p52)
    {
      /* Without branches: a half is as likely as not, so a branch on it
       * would be mispredicted every other time. */
      gint64 t = (gint64) minor_units;
      double frac = minor_units - (double) t;
      return t + (frac >= 0.5) - (frac <= -0.5);
    }
  return gs_money_round_large (minor_units);
}

G_END_DECLS
