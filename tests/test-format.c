/* test-format.c — gs-format: money, counts, numbers, percents and dates as
 * text in the C, German, US English and French locales.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected string is written out by hand from the locale's conventions
 * (CLDR, as ICU 72 ships them): German groups with '.', marks decimals with
 * ',' and puts the currency sign after the amount with a no-break space;
 * French groups with a narrow no-break space (U+202F).  Minus signs are
 * U+2212 everywhere.  A locale that is not generated skips its case.
 */
#include "gs-format.h"
#include "gs-format-private.h"

#include <locale.h>
#include <string.h>

#define NBSP "\xc2\xa0"      /* U+00A0 no-break space */
#define NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */
#define MINUS "\xe2\x88\x92" /* U+2212 minus sign */

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  g_test_skip_printf ("%s is not generated (.ci/install-deps runs locale-gen)", name);
  return FALSE;
}

/* Checks text against want and frees text. */
#define CHECK(text, want)                                                                          \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = (text);                                                                \
    g_assert_cmpstr (got_, ==, (want));                                                            \
  }                                                                                                \
  G_STMT_END

/* Under C.UTF-8 (how the tests and scripts run) the text is what Goalsheet
 * has always written: US grouping, the sign before the amount, " %". */
static void
test_c_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* 260,000,000 cents = 2,600,000.00 dollars */
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_FULL), "$2,600,000.00");
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_WHOLE), "$2,600,000");
  /* A EUR plan shows euros under a US locale. */
  CHECK (gs_format_money (123450, 2, "EUR", GS_MONEY_FORMAT_FULL), "€1,234.50");
  CHECK (gs_format_money (-123450, 2, "EUR", GS_MONEY_FORMAT_FULL), MINUS "€1,234.50");
  /* No currency: the amount alone, as traces write it. */
  CHECK (gs_format_money (100000, 2, NULL, GS_MONEY_FORMAT_FULL), "1,000.00");
  /* 1,234.56 → whole 1,235 (half away from zero); −0.50 → −1. */
  CHECK (gs_format_money (123456, 2, NULL, GS_MONEY_FORMAT_WHOLE), "1,235");
  CHECK (gs_format_money (-50, 2, NULL, GS_MONEY_FORMAT_WHOLE), MINUS "1");
  CHECK (gs_format_money (49, 2, NULL, GS_MONEY_FORMAT_WHOLE), "0");
  /* As an input shows it: whole units unless there are cents. */
  CHECK (gs_format_money (2500000, 2, "USD", GS_MONEY_FORMAT_INPUT), "$25,000");
  CHECK (gs_format_money (125050, 2, "USD", GS_MONEY_FORMAT_INPUT), "$1,250.50");
  CHECK (gs_format_money (2500000, 0, "JPY", GS_MONEY_FORMAT_INPUT), "¥2,500,000");
  /* A code ICU does not know keeps its code, before the amount. */
  CHECK (gs_format_money (100000, 2, "XTS", GS_MONEY_FORMAT_FULL), "XTS 1,000.00");
  CHECK (gs_format_money (100, 2, "CHF", GS_MONEY_FORMAT_FULL), "CHF 1.00");
  CHECK (gs_format_count (9840), "9,840");
  CHECK (gs_format_count (-1234567), MINUS "1,234,567");
  CHECK (gs_format_count (0), "0");
  CHECK (gs_format_number (12345.25, 1), "12,345.3"); /* half away from zero */
  CHECK (gs_format_number (-12345.25, 1), MINUS "12,345.3");
  CHECK (gs_format_number (6.7, 2), "6.70");
  CHECK (gs_format_number (0.5, 0), "1");
  CHECK (gs_format_number_short (1.5, 6), "1.5");
  CHECK (gs_format_number_short (2.0, 6), "2");
  CHECK (gs_format_number_short (1234.125, 2), "1,234.13");
  CHECK (gs_format_percent (0.25), "25 %");
}

static void
test_money_german (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;
  /* A USD plan under de_DE: German marks, the dollar sign after. */
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_FULL), "2.600.000,00" NBSP "$");
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_WHOLE), "2.600.000" NBSP "$");
  CHECK (gs_format_money (-123450, 2, "EUR", GS_MONEY_FORMAT_FULL), MINUS "1.234,50" NBSP "€");
  CHECK (gs_format_money (123456, 2, NULL, GS_MONEY_FORMAT_WHOLE), "1.235");
  /* JPY has no minor unit; 1,234,567 yen. */
  CHECK (gs_format_money (1234567, 0, "JPY", GS_MONEY_FORMAT_FULL), "1.234.567" NBSP "¥");
  /* KWD has three: 1,234.567 dinars. */
  CHECK (gs_format_money (1234567, 3, "KWD", GS_MONEY_FORMAT_FULL), "1.234,567" NBSP "KWD");
  CHECK (gs_format_count (1234567), "1.234.567");
  CHECK (gs_format_number (12345.25, 1), "12.345,3");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_money_english (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;
  /* A EUR plan under en_US shows the euro sign, placed as English places it. */
  CHECK (gs_format_money (260000000, 2, "EUR", GS_MONEY_FORMAT_FULL), "€2,600,000.00");
  CHECK (gs_format_money (-260000000, 2, "EUR", GS_MONEY_FORMAT_FULL), MINUS "€2,600,000.00");
  CHECK (gs_format_money (1234567, 0, "JPY", GS_MONEY_FORMAT_FULL), "¥1,234,567");
  CHECK (gs_format_money (1234567, 3, "KWD", GS_MONEY_FORMAT_FULL), "KWD" NBSP "1,234.567");
  /* The percent sign as English writes it: no space. */
  CHECK (gs_format_percent (0.275), "27.5%");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_money_french (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    return;
  /* French groups with a narrow no-break space and writes "$US" for dollars. */
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_FULL),
         "2" NNBSP "600" NNBSP "000,00" NBSP "$US");
  CHECK (gs_format_money (-123450, 2, "EUR", GS_MONEY_FORMAT_FULL),
         MINUS "1" NNBSP "234,50" NBSP "€");
  CHECK (gs_format_percent (0.275), "27,5" NBSP "%");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The compact form for charts: two significant digits above a thousand. */
static void
test_compact (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_COMPACT), "$2.6M");
  CHECK (gs_format_money (-19000000, 2, "USD", GS_MONEY_FORMAT_COMPACT), MINUS "$190K");
  /* 1,250,000 → 1.3M: half away from zero, not to even. */
  CHECK (gs_format_money (125000000, 2, "USD", GS_MONEY_FORMAT_COMPACT), "$1.3M");
  CHECK (gs_format_money (99900, 2, "USD", GS_MONEY_FORMAT_COMPACT), "$999");
  CHECK (gs_format_money (508500, 2, "USD", GS_MONEY_FORMAT_COMPACT), "$5.1K");
  CHECK (gs_format_money (10000000, 2, NULL, GS_MONEY_FORMAT_COMPACT), "100K");
  CHECK (gs_format_money (300000000000, 2, "USD", GS_MONEY_FORMAT_COMPACT), "$3B");
  if (!use_locale ("de_DE.UTF-8"))
    return;
  CHECK (gs_format_money (260000000, 2, "USD", GS_MONEY_FORMAT_COMPACT),
         "2,6" NBSP "Mio." NBSP "$");
  CHECK (gs_format_money (120000000, 2, "EUR", GS_MONEY_FORMAT_COMPACT),
         "1,2" NBSP "Mio." NBSP "€");
  /* German has no short form for thousands. */
  CHECK (gs_format_money (-19000000, 2, "EUR", GS_MONEY_FORMAT_COMPACT), MINUS "190.000" NBSP "€");
  /* Four digits are grouped as in the full form beside them (ICU's compact
   * notation alone would print "5085 $"). */
  CHECK (gs_format_money (508500, 2, "USD", GS_MONEY_FORMAT_COMPACT), "5.085" NBSP "$");
  setlocale (LC_ALL, "C.UTF-8");
}

/* ±10^15 minor units are the largest amounts Goalsheet holds; the full form
 * keeps every cent (a double would have lost the last digit). */
static void
test_extremes (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_money (GS_MONEY_LIMIT, 2, "USD", GS_MONEY_FORMAT_FULL),
         "$10,000,000,000,000.00");
  CHECK (gs_format_money (GS_MONEY_LIMIT - 1, 2, "USD", GS_MONEY_FORMAT_FULL),
         "$9,999,999,999,999.99");
  CHECK (gs_format_money (-GS_MONEY_LIMIT + 1, 2, "USD", GS_MONEY_FORMAT_FULL),
         MINUS "$9,999,999,999,999.99");
  CHECK (gs_format_money (1, 2, "USD", GS_MONEY_FORMAT_FULL), "$0.01");
  CHECK (gs_format_money (-1, 2, "USD", GS_MONEY_FORMAT_FULL), MINUS "$0.01");
  CHECK (gs_format_money (0, 2, "USD", GS_MONEY_FORMAT_FULL), "$0.00");
  CHECK (gs_format_money (G_MAXINT64, 0, NULL, GS_MONEY_FORMAT_FULL), "9,223,372,036,854,775,807");
  CHECK (gs_format_money (G_MININT64, 0, NULL, GS_MONEY_FORMAT_FULL),
         MINUS "9,223,372,036,854,775,808");
  CHECK (gs_format_count (G_MININT64), MINUS "9,223,372,036,854,775,808");
}

/* The one percent rule: at most one decimal, half away from zero, a trailing
 * zero dropped. */
static void
test_percent (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_percent (0.25), "25 %");
  CHECK (gs_format_percent (0.275), "27.5 %");
  CHECK (gs_format_percent (0.2755), "27.6 %"); /* 27.55 → 27.6 */
  CHECK (gs_format_percent (0.2745), "27.5 %"); /* 27.45 → 27.5 (to even would be 27.4) */
  CHECK (gs_format_percent (0.30001), "30 %");  /* 30.001 → 30.0 → 30 */
  CHECK (gs_format_percent (1.1273), "112.7 %");
  CHECK (gs_format_percent (0.0004), "0 %");
  /* A gap of −260 on 36,000,000 shows as zero, without a minus. */
  CHECK (gs_format_percent (-260.0 / 36000000), "0 %");
  CHECK (gs_format_percent_signed (-0.0004), "0 %");
  CHECK (gs_format_percent (-0.0005), MINUS "0.1 %"); /* −0.05 → −0.1, half away from zero */
  CHECK (gs_format_percent (-0.052), MINUS "5.2 %");
  CHECK (gs_format_percent (125.0), "12,500 %");
  CHECK (gs_format_percent (1.0 / 0.0), "∞");
  CHECK (gs_format_percent_signed (0.125), "+12.5 %");
  CHECK (gs_format_percent_signed (-0.03), MINUS "3 %");
  CHECK (gs_format_percent_signed (0), "0 %");
  /* Trace operands keep four places: 250,000 ÷ 866,666.67 = 28.8462 %. */
  CHECK (gs_format_percent_exact (250000.0 / 866666.67), "28.8462 %");
  CHECK (gs_format_percent_exact (0.01), "1 %");
  /* A pay mix's shares, whole and without the sign: 0.3 → "30", its base
   * share 1 − 0.3 = 0.7000000000000001 → "70"; 0.125 → 12.5 → "13" (half
   * away from zero). */
  CHECK (gs_format_share (0.3), "30");
  CHECK (gs_format_share (1 - 0.3), "70");
  CHECK (gs_format_share (0.125), "13");
  if (!use_locale ("de_DE.UTF-8"))
    return;
  CHECK (gs_format_percent (1.1273), "112,7" NBSP "%");
  CHECK (gs_format_percent_signed (-0.052), MINUS "5,2" NBSP "%");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_signed_money (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_money_signed (4000000, 2, "USD", GS_MONEY_FORMAT_WHOLE), "+$40,000");
  CHECK (gs_format_money_signed (-120000, 2, "USD", GS_MONEY_FORMAT_WHOLE), MINUS "$1,200");
  CHECK (gs_format_money_signed (0, 2, "USD", GS_MONEY_FORMAT_WHOLE), "$0");
  if (!use_locale ("de_DE.UTF-8"))
    return;
  CHECK (gs_format_money_signed (-120000, 2, "EUR", GS_MONEY_FORMAT_WHOLE), MINUS "1.200" NBSP "€");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_dates (void)
{
  g_autoptr (GDate) date = g_date_new_dmy (5, G_DATE_JANUARY, 2027);
  g_autoptr (GDate) leap = g_date_new_dmy (29, G_DATE_FEBRUARY, 2028);

  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_date (date), "Jan 5, 2027");
  CHECK (gs_format_date (leap), "Feb 29, 2028");
  /* A month alone (messages that name a plan month): ICU's "yMMM". */
  CHECK (gs_format_month (2027, 2), "Feb 2027");
  CHECK (gs_format_month (2027, 12), "Dec 2027");
  if (!use_locale ("de_DE.UTF-8"))
    return;
  CHECK (gs_format_date (date), "05.01.2027");
  CHECK (gs_format_month (2027, 3), "März 2027");
  if (!use_locale ("fr_FR.UTF-8"))
    return;
  CHECK (gs_format_date (date), "5 janv. 2027");
  CHECK (gs_format_month (2027, 2), "févr. 2027");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The locale is read at each call: switching it switches the text (the
 * cache is per locale, not per process). */
static void
test_switch (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_count (4628), "4,628");
  if (!use_locale ("de_DE.UTF-8"))
    return;
  CHECK (gs_format_count (4628), "4.628");
  setlocale (LC_ALL, "C.UTF-8");
  CHECK (gs_format_count (4628), "4,628");
}

static void
test_name_list (void)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  CHECK (gs_format_name_list (names), "");
  g_ptr_array_add (names, (gpointer) "Maya Chen");
  CHECK (gs_format_name_list (names), "Maya Chen");
  g_ptr_array_add (names, (gpointer) "Zoë Adams");
  g_ptr_array_add (names, (gpointer) "Luis Ortega");
  CHECK (gs_format_name_list (names), "Maya Chen, Zoë Adams, Luis Ortega");
}

/* ICU set up on a thread of its own while figures are formatted here: the
 * same text as without it, and the thread joins. */
/* Whether ICU's i18n library is mapped into this process. */
static gboolean
icu_mapped (void)
{
  g_autofree char *maps = NULL;
  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "/libicui18n.so") != NULL;
}

/* ICU is loaded by the first figure formatted, not at start (gs-format.c):
 * this runs first, before any other case formats. */
static void
test_icu_on_first_use (void)
{
  g_autofree char *none = NULL;
  g_autofree char *count = NULL;
  GPtrArray *names = g_ptr_array_new ();

  g_assert_false (icu_mapped ());
  /* What needs no ICU does not load it. */
  none = gs_format_name_list (names);
  g_assert_cmpstr (none, ==, "");
  g_ptr_array_unref (names);
  g_assert_false (icu_mapped ());
  count = gs_format_count (4628);
  g_assert_cmpstr (count, ==, "4,628");
  g_assert_true (icu_mapped ());
}

static void
test_prepare (void)
{
  GThread *prepare = gs_format_prepare ();
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *money = gs_format_money (260000000 + i, 2, "EUR", GS_MONEY_FORMAT_WHOLE);
      g_autofree char *count = gs_format_count (4628);
      g_autofree char *percent = gs_format_percent (0.275);
      g_assert_cmpstr (money, ==, "€2,600,000");
      g_assert_cmpstr (count, ==, "4,628");
      g_assert_cmpstr (percent, ==, "27.5 %");
    }
  g_assert_nonnull (prepare);
  g_thread_join (prepare);
}

/* ICU's UTF-16 result turned into the text shown in one pass (finish) and
 * the long way (finish_slow): the same for every mark ICU writes, for
 * characters of one, two and three UTF-8 bytes, in the house's text and a
 * locale's, for numbers and dates; and the one pass leaves a surrogate
 * pair, an unpaired surrogate, a nul and a text over 128 units to the long
 * way. */
static void
test_finish (void)
{
  static const gunichar2 texts[][12] = {
    { '$', '2', ',', '7', '0', '2', ',', '0', '0', '0' },
    { '-', '1', '2', '.', '5', ' ', '%' },
    { '1', '.', '2', '3', '4', 0xA0, 0x20AC },           /* "1.234 €" in de */
    { '1', 0x202F, '2', '3', '4', ',', '5', 0xA0, '$' }, /* fr */
    { 0x2212, '3', 0xD7, 0x221E, 0x2014 },               /* −3×∞— */
    { 'M', 0xE4, 'r', 'z', ' ', '2', '0', '2', '7' },
    { 0x65E5, 0x672C, '-', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF },
    { 'a', 0xD83D, 0xDE00, 'b' }, /* a surrogate pair: 😀 */
    { 'a', 0xD800, 'b' },         /* unpaired: no text */
    { 'a', 0xDC00 },
    { '1', 0, '2' }, /* a nul ends the text */
  };
  static const int lens[] = { 10, 7, 7, 9, 5, 9, 8, 4, 3, 2, 3 };
  gunichar2 long_text[200];
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (int flags = 0; flags < 4; flags++)
      {
        gboolean house = flags & 1, is_number = (flags & 2) != 0;
        g_autofree char *fast = gs_format_finish_utf16 (texts[i], lens[i], house, is_number, FALSE);
        g_autofree char *slow = gs_format_finish_utf16 (texts[i], lens[i], house, is_number, TRUE);
        g_assert_cmpstr (fast, ==, slow);
      }
  /* Said outright: the house's spaces, the minus of a number only. */
  CHECK (gs_format_finish_utf16 (texts[3], lens[3], TRUE, TRUE, FALSE), "1 234,5 $");
  CHECK (gs_format_finish_utf16 (texts[3], lens[3], FALSE, TRUE, FALSE),
         "1" NNBSP "234,5" NBSP "$");
  CHECK (gs_format_finish_utf16 (texts[1], lens[1], TRUE, TRUE, FALSE), MINUS "12.5 %");
  CHECK (gs_format_finish_utf16 (texts[1], lens[1], TRUE, FALSE, FALSE), "-12.5 %");
  CHECK (gs_format_finish_utf16 (texts[8], lens[8], TRUE, TRUE, FALSE), "");
  CHECK (gs_format_finish_utf16 (texts[10], lens[10], TRUE, TRUE, FALSE), "1");
  /* The most a unit can take: a minus, three bytes (the sanitizer build
   * would see a text too long for the one pass's room). */
  for (guint i = 0; i < G_N_ELEMENTS (long_text); i++)
    long_text[i] = '-';
  for (int len = 127; len <= 200; len += len < 130 ? 1 : 35)
    {
      g_autofree char *fast = gs_format_finish_utf16 (long_text, len, TRUE, TRUE, FALSE);
      g_autofree char *slow = gs_format_finish_utf16 (long_text, len, TRUE, TRUE, TRUE);
      g_assert_cmpstr (fast, ==, slow);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* First: no case before it may have formatted. */
  g_test_add_func ("/format/icu-on-first-use", test_icu_on_first_use);
  g_test_add_func ("/format/c-locale", test_c_locale);
  g_test_add_func ("/format/name-list", test_name_list);
  g_test_add_func ("/format/money-german", test_money_german);
  g_test_add_func ("/format/money-english", test_money_english);
  g_test_add_func ("/format/money-french", test_money_french);
  g_test_add_func ("/format/compact", test_compact);
  g_test_add_func ("/format/extremes", test_extremes);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/signed-money", test_signed_money);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/switch", test_switch);
  g_test_add_func ("/format/prepare", test_prepare);
  g_test_add_func ("/format/finish", test_finish);
  return g_test_run ();
}
