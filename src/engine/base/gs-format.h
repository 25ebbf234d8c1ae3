/* gs-format.h — the one place numbers become text, in the user's locale.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure Goalsheet shows as text goes through here (docs/i18n.md,
 * docs/rounding.md).  ICU does the locale's work: marks, grouping, where the
 * currency sign goes and how it is spaced.  The locale is the C library's
 * current one (setlocale: LC_MONETARY for money, LC_NUMERIC for numbers and
 * percents, LC_TIME for dates), so a test or a tool that calls setlocale()
 * gets that locale's text.
 *
 *  - Money is the plan's currency (its ISO code), never the locale's; the
 *    amount is formatted from the exact decimal of its minor units, so no cent
 *    is lost to binary floating point.
 *  - Minus signs are U+2212 "−" in every locale whose own minus is '-'.
 *  - Under the C locale (C, POSIX, C.UTF-8, how the tests run) the text is
 *    US English with ASCII spaces: "$2,600,000.00", "4,628", "27.5 %".
 *  - Results are newly allocated UTF-8; formatters are cached per
 *    (locale, form), so calling these on every edit is cheap.  Thread-safe.
 *  - ICU is loaded by the first call that needs it, not at start
 *    (docs/architecture.md, "ICU on first use"); gs_format_name_list() and
 *    a currency in Goalsheet's own table need none.
 */
#pragma once

#include "gs-money.h"

G_BEGIN_DECLS

typedef enum
{
  GS_MONEY_FORMAT_FULL = 0,    /* every minor unit: $2,600,000.00, 2.600.000,00 $ */
  GS_MONEY_FORMAT_WHOLE = 1,   /* major units, half away from zero: $2,600,000 */
  GS_MONEY_FORMAT_COMPACT = 2, /* for charts and the strip: $2.6M, 2,6 Mio. $ */
  GS_MONEY_FORMAT_INPUT = 3,   /* as an input shows it: the cents only when there are some,
                                  $25,000 and $1,250.50 */
} GsMoneyFormat;

/* value in minor units of a currency with digits minor digits.  currency is
 * the plan's ISO 4217 code; NULL formats the amount alone ("2,600,000.00"),
 * as calculation traces do. */
char *
gs_format_money (GsMoney value, guint digits, const char *currency, GsMoneyFormat style);

/* A whole count with the locale's grouping: 4,628 / 4.628. */
char *
gs_format_count (gint64 value);

/* Names (char *) in their order, separated by ", " (the same in English and
 * German): "Maya Chen, Luis Ortega".  An empty list gives "". */
char *
gs_format_name_list (const GPtrArray *names);

/* A number with exactly decimals decimals, grouped: 12,345.3. */
char *
gs_format_number (double value, guint decimals);

/* A number with at most max_decimals decimals, trailing zeros dropped:
 * 1.5, 0.8, 2 (calculation traces, multipliers). */
char *
gs_format_number_short (double value, guint max_decimals);

/* A fraction as a percent, the one display rule: at most one decimal,
 * rounded half away from zero, a trailing zero dropped.  0.25 → "25 %",
 * 0.2755 → "27.6 %", 1.1273 → "112.7 %"; German "27,6 %". */
char *
gs_format_percent (double fraction);

/* A fraction as the whole number of percent it is, without the sign, rounded
 * half away from zero: a pay mix's shares, 0.7 → "70" (the printed sheet's
 * "70/30"). */
char *
gs_format_share (double fraction);

/* The same with an explicit sign, for changes: "+12.5 %", "−3 %", "0 %". */
/* A ratio read as a multiple of something, one decimal: 2.4 → "2.4×"
 * (pipeline coverage); German "2,4×". */
char *
gs_format_multiple (double ratio);

char *
gs_format_percent_signed (double fraction);

/* A percent that is an operand in a calculation trace, where the reader
 * re-keys it into a calculator: up to four decimals ("28.8462 %"). */
char *
gs_format_percent_exact (double fraction);

/* Money with an explicit sign, for changes: "+$40,000", "−1.200 €". */
char *
gs_format_money_signed (GsMoney value, guint digits, const char *currency, GsMoneyFormat style);

/* The ISO 4217 minor-unit digits of a currency ICU knows as a current or
 * past currency ("USD" 2, "JPY" 0, "KWD" 3); FALSE for a code it does not
 * know. */
gboolean
gs_format_currency_digits (const char *code, guint *digits);

/* A date in the locale's medium form: "Jan 5, 2027", "05.01.2027". */
char *
gs_format_date (const GDate *date);

/* A month of a year in the user's locale: "Feb 2027" (en), "Feb. 2027" (de). */
char *
gs_format_month (guint year, guint month);

/* Starts ICU's one-time set-up on a thread of its own (loading its libraries,
 * about 5 ms, and its data, the sets of characters currency spacing uses, the
 * locale's symbols: about 4 ms before the first figure) while the caller does other work, such as
 * reading a plan; join the thread before formatting or leaving.  NULL when no thread could be
 * started (nothing to join). */
GThread *
gs_format_prepare (void);

G_END_DECLS
