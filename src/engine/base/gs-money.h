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

/* gs_money_parse's fast path, inline for a reader of many amounts (the
 * deals' rows): the usual amount ("34000.00") from len bytes, not
 * NUL-ended, without a copy.  1 to 15 digits, then, when the currency has
 * decimals, either nothing or "." and exactly that many digits, at most
 * GS_MONEY_LIMIT: TRUE with what gs_money_parse reads it as (no sign, no
 * scaling, no overflow: 15 digits and 3 decimals stay below 2^63).  FALSE
 * for any other text, left to gs_money_parse (which may still read it:
 * "-0.00", "1.5", "007.500"). */
static inline gboolean
gs_money_parse_plain (const char *text, gsize len, guint digits, GsMoney *out)
{
  static const GsMoney scale[] = { 1, 10, 100, 1000 };
  const guchar *p = (const guchar *) text;
  gsize n_int = len;
  GsMoney major = 0, minor = 0;

  if (digits >= G_N_ELEMENTS (scale))
    return FALSE;
  if (digits > 0 && len > digits + 1 && p[len - digits - 1] == '.')
    n_int = len - digits - 1;
  if (n_int == 0 || n_int > 15)
    return FALSE;
  for (gsize i = 0; i < n_int; i++)
    {
      guint d = (guint) p[i] - '0';
      if (d > 9)
        return FALSE;
      major = major * 10 + d;
    }
  for (gsize i = n_int + 1; i < len; i++)
    {
      guint d = (guint) p[i] - '0';
      if (d > 9)
        return FALSE;
      minor = minor * 10 + d;
    }
  major = major * scale[digits] + minor;
  if (major > GS_MONEY_LIMIT)
    return FALSE;
  *out = major;
  return TRUE;
}

G_END_DECLS
