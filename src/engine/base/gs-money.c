/* gs-money.c — money arithmetic and parsing (text for people: gs-format.c).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-money.h"
#include "gs-error.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static const GsCurrency currencies[] = {
  { "AUD", 2 }, { "BHD", 3 }, { "BRL", 2 }, { "CAD", 2 }, { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 },
  { "CZK", 2 }, { "DKK", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "HKD", 2 }, { "HUF", 2 }, { "IDR", 2 },
  { "ILS", 2 }, { "INR", 2 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KRW", 0 }, { "KWD", 3 },
  { "MXN", 2 }, { "MYR", 2 }, { "NOK", 2 }, { "NZD", 2 }, { "OMR", 3 }, { "PHP", 2 }, { "PLN", 2 },
  { "SAR", 2 }, { "SEK", 2 }, { "SGD", 2 }, { "THB", 2 }, { "TND", 3 }, { "TRY", 2 }, { "TWD", 2 },
  { "UAH", 2 }, { "USD", 2 }, { "VND", 0 }, { "ZAR", 2 },
};

gboolean
gs_currency_lookup (const char *code, GsCurrency *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      {
        if (out)
          *out = currencies[i];
        return TRUE;
      }
  return FALSE;
}

gboolean
gs_money_in_range (gint64 value)
{
  return value >= -GS_MONEY_LIMIT && value <= GS_MONEY_LIMIT;
}

/* Where a double cannot become a gint64 (NaN, ±inf, beyond ±2^60) the
 * conversion would be undefined behaviour; such values are pinned to
 * ±GS_OUT_OF_RANGE, far outside ±10^15 so the range checks still see them,
 * and small enough that adding a few of them (components, months) cannot
 * wrap before a check sees the sum. */
#define GS_OUT_OF_RANGE (G_GINT64_CONSTANT (1) << 60)

static gint64
to_int64_pinned (double value)
{
  if (isnan (value))
    return GS_OUT_OF_RANGE;
  if (value >= (double) GS_OUT_OF_RANGE)
    return GS_OUT_OF_RANGE;
  if (value <= -(double) GS_OUT_OF_RANGE)
    return -GS_OUT_OF_RANGE;
  return (gint64) value;
}

/* gs_money_round beyond 2^52 (every such double is whole) and for NaN and
 * ±inf: the inline part in gs-money.h handles the rest. */
GsMoney
gs_money_round_large (double minor_units)
{
  return to_int64_pinned (round (minor_units));
}

gboolean
gs_money_from_double_checked (double minor_units, GsMoney *out, GError **error)
{
  if (!isfinite (minor_units) || fabs (minor_units) > (double) GS_MONEY_LIMIT)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
                   _ ("the amount is more than 10^15 minor units (the most Goalsheet handles)"));
      return FALSE;
    }
  *out = gs_money_round (minor_units);
  return TRUE;
}

gboolean
gs_money_add_checked (GsMoney a, GsMoney b, GsMoney *out, GError **error)
{
  gint64 sum;
  if (__builtin_add_overflow (a, b, &sum) || !gs_money_in_range (sum))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
                   _ ("the amount is more than 10^15 minor units (the most Goalsheet handles)"));
      return FALSE;
    }
  *out = sum;
  return TRUE;
}

gboolean
gs_money_mul_checked (GsMoney a, double factor, GsMoney *out, GError **error)
{
  return gs_money_from_double_checked ((double) a * factor, out, error);
}

/* Whole units of an exact share: floor, except that a share within 1e-9
 * units of a whole number is that number (6719999.999999999 is 6720000, as a
 * spreadsheet sees it).  A true remainder is at least 1 ÷ (the weights'
 * denominator), far above that; the parts come out the same as with floor,
 * since floor would give that part the first extra unit. */
static gint64
whole_units (double exact)
{
  double r = round (exact);
  return fabs (exact - r) <= 1e-9 ? (gint64) r : (gint64) floor (exact);
}

/* Largest remainder: each part gets the whole units of total × w ÷ Σw, and the
 * units left over go one each to the parts with the largest remainders
 * (earliest first on ties), so Σ parts == total exactly.  Zero weights get
 * nothing; with no positive weight part 0 takes everything. */
/* Minor units as a number of major units, for a number cell or a chart's
 * axis: 123456 at 2 digits is 1234.56.  A display conversion, never a money
 * computation (money stays in minor units); exact for |minor| < 2^53 up to
 * the double nearest the decimal, and the same double as minor ÷ 10^digits
 * (the divisor is exact), so every workbook writes what it wrote before. */
double
gs_money_to_major (double minor, guint digits)
{
  static const double scale[] = { 1, 10, 100, 1000 };
  g_return_val_if_fail (digits < G_N_ELEMENTS (scale), minor);
  return minor / scale[digits];
}

/* The denominator of a split: the sum of its positive weights, in order (a
 * weight of zero or less gets nothing and counts nothing). */
double
gs_money_split_weight_sum (const double *weights, guint n)
{
  double sum = 0;
  for (guint i = 0; i < n; i++)
    sum += weights[i] > 0 ? weights[i] : 0;
  return sum;
}

void
gs_money_split_trace (GsMoney total, const double *weights, guint n, GsMoneySplitPart *trace)
{
  double sum;
  gboolean negative = total < 0;
  GsMoney abs_total = negative ? -total : total;
  GsMoney given = 0;

  if (n == 0)
    return;
  sum = gs_money_split_weight_sum (weights, n);
  for (guint i = 0; i < n; i++)
    {
      double w = sum > 0 && weights[i] > 0 ? weights[i] : 0;
      GsMoneySplitPart *t = &trace[i];
      t->exact = w > 0 ? (double) abs_total * (w / sum) : 0;
      t->whole = MIN (whole_units (t->exact), abs_total);
      t->remainder = w > 0 ? t->exact - (double) t->whole : -1;
      t->extra = 0;
      given += t->whole;
    }
  if (sum <= 0)
    {
      trace[0].extra = abs_total;
      given = abs_total;
    }
  while (given < abs_total)
    {
      guint best = 0;
      double best_rem = trace[0].extra ? -2 : trace[0].remainder;
      for (guint i = 1; i < n; i++)
        if (!trace[i].extra && trace[i].remainder > best_rem)
          {
            best = i;
            best_rem = trace[i].remainder;
          }
      trace[best].extra++;
      given++;
    }
  for (guint i = 0; i < n; i++)
    {
      GsMoneySplitPart *t = &trace[i];
      t->part = t->whole + t->extra;
      if (negative)
        {
          t->exact = -t->exact;
          t->whole = -t->whole;
          t->extra = -t->extra;
          t->part = -t->part;
        }
    }
}

void
gs_money_split (GsMoney total, const double *weights, guint n, GsMoney *parts)
{
  /* On the stack for the splits a year makes (months, quarters, periods),
   * which payouts make for every component paid. */
  GsMoneySplitPart small[16];
  g_autofree GsMoneySplitPart *big = n > G_N_ELEMENTS (small) ? g_new0 (GsMoneySplitPart, n) : NULL;
  GsMoneySplitPart *trace = big ? big : small;

  gs_money_split_trace (total, weights, n, trace);
  for (guint i = 0; i < n; i++)
    parts[i] = trace[i].part;
}

/* The months rule (docs/rounding.md, "Footing by construction"): the year
 * goes to its four quarters by their weights, then each quarter to its three
 * months, largest remainder at both steps.  NULL weights are equal months:
 * 520,000.00 → 130,000.00 a quarter → 43,333.34 + 43,333.33 + 43,333.33,
 * where one split over twelve months would give Q1 130,000.02. */
void
gs_money_split_year (GsMoney year, const double *weights, GsMoney parts[12])
{
  double w[12], qw[4] = { 0 };
  GsMoney quarters[4];

  for (guint i = 0; i < 12; i++)
    {
      w[i] = weights ? MAX (weights[i], 0) : 1.0;
      qw[i / 3] += w[i];
    }
  gs_money_split (year, qw, 4, quarters);
  for (guint q = 0; q < 4; q++)
    gs_money_split (quarters[q], w + q * 3, 3, parts + q * 3);
}

/* A year over 12 monthly, 4 quarterly or 1 annual period of equal weight, by
 * the months rule, so a quarter's share is the sum of its months' shares. */
void
gs_money_split_periods (GsMoney year, guint n_periods, GsMoney *parts)
{
  GsMoney months[12];
  guint len;

  g_return_if_fail (n_periods == 1 || n_periods == 4 || n_periods == 12);
  if (n_periods == 1)
    {
      /* The months add up to the year exactly. */
      parts[0] = year;
      return;
    }
  gs_money_split_year (year, NULL, months);
  len = 12 / n_periods;
  for (guint p = 0; p < n_periods; p++)
    {
      parts[p] = 0;
      for (guint i = 0; i < len; i++)
        parts[p] += months[p * len + i];
    }
}

static GsMoney
pow10i (guint digits)
{
  GsMoney p = 1;
  while (digits--)
    p *= 10;
  return p;
}

/* Parses "2600000", "2600000.5", "-12.34" (a plain decimal, '.' as the point,
 * no grouping) into minor units; more decimals than the currency has is an
 * error rather than a silent rounding. */
gboolean
gs_money_parse (const char *text, guint digits, GsMoney *out, GError **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  GsMoney major = 0, minor = 0;
  guint n_int = 0, n_frac = 0;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("empty amount"));
      return FALSE;
    }
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++, n_int++)
    if (major <= GS_MONEY_LIMIT) /* past the limit, keep reading digits; refused below */
      major = major * 10 + (*p - '0');
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, n_frac++)
        if (n_frac < 18)
          minor = minor * 10 + (*p - '0');
    }
  if (*p != '\0' || (n_int == 0 && n_frac == 0))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("“%s” is not an amount (write it like 25000.00)"), text);
      return FALSE;
    }
  if (n_frac > digits)
    {
      /* Allow trailing zeros beyond the currency's digits: 10.500 for a 2-digit currency. */
      guint extra = n_frac - digits;
      /* Past 18 digits minor stopped accumulating and 10^extra would overflow. */
      if (n_frac > 18 || minor % pow10i (extra) != 0)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("“%s” has more than %u decimal places for this currency"), text, digits);
          return FALSE;
        }
      minor /= pow10i (extra);
      n_frac = digits;
    }
  minor *= pow10i (digits - n_frac);
  if (major > GS_MONEY_LIMIT / pow10i (digits) + 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
                   _ ("%s is beyond the largest amount Goalsheet handles (10^15 minor units)"),
                   text);
      return FALSE;
    }
  {
    GsMoney value = major * pow10i (digits) + minor;
    if (!gs_money_in_range (value))
      {
        g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW,
                     _ ("%s is beyond the largest amount Goalsheet handles (10^15 minor units)"),
                     text);
        return FALSE;
      }
    *out = negative ? -value : value;
  }
  return TRUE;
}

char *
gs_money_to_plain (GsMoney value, guint digits)
{
  char buf[GS_MONEY_PLAIN_MAX];
  return g_strdup (gs_money_plain_into (value, digits, buf));
}

char *
gs_money_plain_into (GsMoney value, guint digits, char buf[GS_MONEY_PLAIN_MAX])
{
  guint64 abs_value = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  char *p = buf + GS_MONEY_PLAIN_MAX - 1;
  g_return_val_if_fail (digits <= 18, NULL);
  /* From the right: the minor digits, the point, the major digits, the sign. */
  *p = '\0';
  for (guint i = 0; i < digits; i++, abs_value /= 10)
    *--p = (char) ('0' + abs_value % 10);
  if (digits > 0)
    *--p = '.';
  do
    *--p = (char) ('0' + abs_value % 10);
  while ((abs_value /= 10) > 0);
  if (value < 0)
    *--p = '-';
  return memmove (buf, p, buf + GS_MONEY_PLAIN_MAX - p);
}

gint64
gs_count_ceil (double value)
{
  double r = round (value);
  if (fabs (value - r) < 1e-9)
    return to_int64_pinned (r);
  return to_int64_pinned (ceil (value));
}
