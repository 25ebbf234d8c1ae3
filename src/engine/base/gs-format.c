/* gs-format.c — numbers, money, percents and dates as text, through ICU.
 *
 * ICU is loaded by the first call that needs it (dlopen), not linked: its
 * libraries (ICU's common and i18n parts, its 30 MiB of data, libstdc++ and
 * libgcc_s) cost every process 2.5–5 ms and about 115 page faults to map
 * and relocate at start, and goalsheet-cli's --json verbs and validate never
 * format a figure (docs/architecture.md, "ICU on first use").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-format.h"
#include "gs-format-private.h"

#include <dlfcn.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

/* ICU's entry points carry its major version ("unumf_close_72"): its
 * headers rename every name below to that, so the names looked up are the
 * ones the headers were built for, and each pointer has its function's
 * type.  ICU's i18n library stands on its common one, which dlopen loads
 * with it; dlsym on the i18n handle finds the functions of both. */
#define ICU_LIBRARY "libicui18n.so." G_STRINGIFY (U_ICU_VERSION_MAJOR_NUM)
#define ICU_FUNCTIONS(F)                                                                           \
  F (u_charsToUChars)                                                                              \
  F (u_errorName)                                                                                  \
  F (u_uastrncpy)                                                                                  \
  F (ucurr_getDefaultFractionDigits)                                                               \
  F (ucurr_isAvailable)                                                                            \
  F (udat_close)                                                                                   \
  F (udat_format)                                                                                  \
  F (udat_open)                                                                                    \
  F (udatpg_close)                                                                                 \
  F (udatpg_getBestPattern)                                                                        \
  F (udatpg_open)                                                                                  \
  F (unumf_close)                                                                                  \
  F (unumf_closeResult)                                                                            \
  F (unumf_formatDecimal)                                                                          \
  F (unumf_formatDouble)                                                                           \
  F (unumf_openForSkeletonAndLocale)                                                               \
  F (unumf_openResult)                                                                             \
  F (unumf_resultToString)

typedef struct
{
#define ICU_FIELD(name) __typeof__ (&name) name;
  ICU_FUNCTIONS (ICU_FIELD)
#undef ICU_FIELD
} Icu;

static gpointer
icu_load (gpointer data)
{
  static Icu icu;
  void *handle;
  (void) data;

  /* Never closed: the formatters in the caches below live for the process. */
  handle = dlopen (ICU_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL)
    {
      g_critical ("ICU could not be loaded: %s", dlerror ());
      return NULL;
    }
#define ICU_LOOKUP(name)                                                                           \
  if ((*(void **) &icu.name = dlsym (handle, G_STRINGIFY (name))) == NULL)                         \
    {                                                                                              \
      g_critical ("ICU (%s) has no %s", ICU_LIBRARY, G_STRINGIFY (name));                          \
      return NULL;                                                                                 \
    }
  ICU_FUNCTIONS (ICU_LOOKUP)
#undef ICU_LOOKUP
  return &icu;
}

/* ICU's functions, loaded on the first call (any thread); NULL if ICU could
 * not be loaded, and every figure then falls back to its plain form. */
static const Icu *
icu_get (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, icu_load, NULL);
}

/* The C locale is formatted as US English (ICU's own "en_US_POSIX" has no
 * grouping), with ASCII spaces and " %" after percents: the text Goalsheet
 * has always written there, which the tests and scripts read. */
#define HOUSE_LOCALE "en_US"

typedef struct
{
  char icu[ULOC_FULLNAME_CAPACITY]; /* ICU locale id */
  gboolean house;                   /* the C locale */
} Locale;

static void
locale_for (int category, Locale *out)
{
  const char *posix = setlocale (category, NULL);
  gsize n;

  if (posix == NULL || strcmp (posix, "C") == 0 || strcmp (posix, "POSIX") == 0
      || g_str_has_prefix (posix, "C.") || g_str_has_prefix (posix, "C@"))
    {
      g_strlcpy (out->icu, HOUSE_LOCALE, sizeof out->icu);
      out->house = TRUE;
      return;
    }
  /* "de_DE.UTF-8@euro" → "de_DE": ICU takes the language and region. */
  n = strcspn (posix, ".@");
  g_strlcpy (out->icu, posix, MIN (n + 1, sizeof out->icu));
  out->house = FALSE;
}

/* Formatters are immutable once built and safe to share between threads;
 * the cache is keyed by "locale|skeleton" and lives for the process. */
static GMutex cache_lock;
static GHashTable *number_cache; /* char* → UNumberFormatter* */
static GHashTable *date_cache;   /* char* → UDateFormat* (used under cache_lock) */

static const UNumberFormatter *
number_formatter (const Locale *loc, const char *skeleton)
{
  /* The key on the stack: a figure's cost outside ICU was a third the
   * key's copy, its hash and the result's text (finish). */
  char room[160];
  gsize n_locale = strlen (loc->icu), n_skeleton = strlen (skeleton);
  g_autofree char *long_key = NULL;
  char *key = room;
  const Icu *icu = icu_get ();
  UNumberFormatter *f;

  if (icu == NULL)
    return NULL;
  if (n_locale + 1 + n_skeleton < sizeof room)
    {
      memcpy (room, loc->icu, n_locale);
      room[n_locale] = '|';
      memcpy (room + n_locale + 1, skeleton, n_skeleton + 1);
    }
  else
    key = long_key = g_strconcat (loc->icu, "|", skeleton, NULL);
  g_mutex_lock (&cache_lock);
  if (number_cache == NULL)
    number_cache = g_hash_table_new (g_str_hash, g_str_equal);
  f = g_hash_table_lookup (number_cache, key);
  if (f == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar uskeleton[256];
      icu->u_uastrncpy (uskeleton, skeleton, G_N_ELEMENTS (uskeleton) - 1);
      uskeleton[G_N_ELEMENTS (uskeleton) - 1] = 0;
      f = icu->unumf_openForSkeletonAndLocale (uskeleton, -1, loc->icu, &status);
      if (U_FAILURE (status))
        {
          g_critical ("ICU refused the number form “%s” for %s: %s", skeleton, loc->icu,
                      icu->u_errorName (status));
          icu->unumf_close (f);
          f = NULL;
        }
      else
        g_hash_table_insert (number_cache, g_strdup (key), f);
    }
  g_mutex_unlock (&cache_lock);
  return f;
}

/* ICU's UTF-16 result as the house's UTF-8: a number's ASCII '-' becomes
 * "−" and, in the C locale, no-break spaces become plain ones. */
static char *
finish_slow (const UChar *text, int32_t len, const Locale *loc, gboolean is_number)
{
  g_autofree char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) text, len, NULL, NULL, NULL);
  GString *out;

  if (utf8 == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (utf8) + 4);
  for (const char *p = utf8; *p; p++)
    {
      if (*p == '-' && is_number)
        g_string_append (out, "−");
      else if (loc->house && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        g_string_append_c (out, ' '), p++;
      else if (loc->house && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80
               && (guchar) p[2] == 0xAF)
        g_string_append_c (out, ' '), p += 2;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The same in one pass for a result of up to 128 code units without a
 * surrogate or a nul (every figure Goalsheet formats): no UTF-8 copy and
 * GString in between (a third of a figure's cost outside ICU's own
 * formatting).  Anything else goes the long way above; test
 * /format/finish compares the two. */
static char *
finish (const UChar *text, int32_t len, const Locale *loc, gboolean is_number)
{
  char out[128 * 3 + 1], *o = out;

  if (len < 0 || len > 128)
    return finish_slow (text, len, loc, is_number);
  for (int32_t i = 0; i < len; i++)
    {
      guint c = text[i];
      if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
        return finish_slow (text, len, loc, is_number);
      if (c == '-' && is_number)
        memcpy (o, "−", 3), o += 3;
      else if (loc->house && (c == 0xA0 || c == 0x202F))
        *o++ = ' ';
      else if (c < 0x80)
        *o++ = (char) c;
      else if (c < 0x800)
        {
          *o++ = (char) (0xC0 | (c >> 6));
          *o++ = (char) (0x80 | (c & 0x3F));
        }
      else
        {
          *o++ = (char) (0xE0 | (c >> 12));
          *o++ = (char) (0x80 | ((c >> 6) & 0x3F));
          *o++ = (char) (0x80 | (c & 0x3F));
        }
    }
  return g_strndup (out, (gsize) (o - out));
}

char *
gs_format_finish_utf16 (const gunichar2 *text, int len, gboolean house, gboolean is_number,
                        gboolean slow)
{
  Locale loc = { HOUSE_LOCALE, house };
  return (slow ? finish_slow : finish) ((const UChar *) text, len, &loc, is_number);
}

/* Formats an exact decimal ("−1234.50") or, when decimal is NULL, a double. */
static char *
format_with (const Locale *loc, const char *skeleton, const char *decimal, double value)
{
  const UNumberFormatter *f = number_formatter (loc, skeleton);
  const Icu *icu = icu_get (); /* loaded if f is not NULL */
  UErrorCode status = U_ZERO_ERROR;
  UFormattedNumber *result;
  UChar buf[128];
  int32_t len;
  char *text;

  if (f == NULL)
    return decimal ? g_strdup (decimal) : g_strdup_printf ("%g", value);
  result = icu->unumf_openResult (&status);
  if (decimal)
    icu->unumf_formatDecimal (f, decimal, -1, result, &status);
  else
    icu->unumf_formatDouble (f, value, result, &status);
  len = icu->unumf_resultToString (result, buf, G_N_ELEMENTS (buf), &status);
  if (U_FAILURE (status) || len >= (int32_t) G_N_ELEMENTS (buf))
    text = decimal ? g_strdup (decimal) : g_strdup_printf ("%g", value);
  else
    text = finish (buf, len, loc, TRUE);
  icu->unumf_closeResult (result);
  return text;
}

/* A value no formatter should see: infinity is "∞" (a band without an end,
 * an attainment over a zero quota), NaN is "—" (no value). */
static char *
not_finite (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup (value < 0 ? "−∞" : "∞");
}

static gboolean
is_currency_code (const char *code)
{
  return code && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2])
         && code[3] == '\0';
}

/* The fraction part of a skeleton: exactly n decimals (".00"), or at most n
 * (".##"); zero decimals is "precision-integer". */
static void
append_precision (GString *s, guint n, gboolean exact)
{
  if (n == 0)
    {
      g_string_append (s, " precision-integer");
      return;
    }
  g_string_append (s, " .");
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, exact ? '0' : '#');
}

static char *
money (GsMoney value, guint digits, const char *currency, GsMoneyFormat style, gboolean sign)
{
  Locale loc;
  g_autoptr (GString) skeleton = g_string_new ("rounding-mode-half-up");
  g_autofree char *decimal = gs_money_to_plain (value, MIN (digits, 18));

  locale_for (LC_MONETARY, &loc);
  if (style == GS_MONEY_FORMAT_INPUT)
    {
      GsMoney unit = 1;
      for (guint i = 0; i < digits; i++)
        unit *= 10;
      style = value % unit == 0 ? GS_MONEY_FORMAT_WHOLE : GS_MONEY_FORMAT_FULL;
    }
  if (sign)
    g_string_append (skeleton, " sign-except-zero");
  if (currency && is_currency_code (currency))
    {
      g_string_append (skeleton, " currency/");
      g_string_append (skeleton, currency);
    }
  if (style == GS_MONEY_FORMAT_COMPACT)
    /* Compact notation groups from five digits on ("5085 $"); the tables
     * next to it group four ("5.085 $"), so say so. */
    g_string_append (skeleton, " compact-short group-auto");
  else
    append_precision (skeleton, style == GS_MONEY_FORMAT_WHOLE ? 0 : digits, TRUE);
  if (currency && !is_currency_code (currency))
    {
      /* Not an ISO code ICU can place: the code before the amount. */
      g_autofree char *amount = format_with (&loc, skeleton->str, decimal, 0);
      return g_strdup_printf ("%s %s", currency, amount);
    }
  return format_with (&loc, skeleton->str, decimal, 0);
}

char *
gs_format_money (GsMoney value, guint digits, const char *currency, GsMoneyFormat style)
{
  return money (value, digits, currency, style, FALSE);
}

char *
gs_format_money_signed (GsMoney value, guint digits, const char *currency, GsMoneyFormat style)
{
  return money (value, digits, currency, style, TRUE);
}

char *
gs_format_count (gint64 value)
{
  Locale loc;
  char decimal[32];

  locale_for (LC_NUMERIC, &loc);
  g_snprintf (decimal, sizeof decimal, "%" G_GINT64_FORMAT, value);
  return format_with (&loc, "precision-integer", decimal, 0);
}

char *
gs_format_name_list (const GPtrArray *names)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

static char *
number (double value, guint decimals, gboolean exact)
{
  Locale loc;
  g_autoptr (GString) skeleton = g_string_new ("rounding-mode-half-up");

  if (!isfinite (value))
    return not_finite (value);
  locale_for (LC_NUMERIC, &loc);
  append_precision (skeleton, decimals, exact);
  return format_with (&loc, skeleton->str, NULL, value);
}

char *
gs_format_number (double value, guint decimals)
{
  return number (value, decimals, TRUE);
}

char *
gs_format_number_short (double value, guint max_decimals)
{
  return number (value, max_decimals, FALSE);
}

static char *
percent (double fraction, guint max_decimals, gboolean sign)
{
  Locale loc;
  g_autoptr (GString) skeleton = g_string_new ("rounding-mode-half-up scale/100");

  if (!isfinite (fraction))
    return not_finite (fraction);
  /* A figure that shows as zero shows without a sign: −0.004 % is "0 %", not
   * "−0 %" (ICU keeps the sign of a negative value rounded to zero). */
  if (fabs (fraction) * 100 * pow (10, max_decimals) < 0.5)
    fraction = 0;
  locale_for (LC_NUMERIC, &loc);
  if (sign)
    g_string_append (skeleton, " sign-except-zero");
  append_precision (skeleton, max_decimals, FALSE);
  if (loc.house)
    {
      /* The house style: a space before the sign, "27.5 %". */
      g_autofree char *n = format_with (&loc, skeleton->str, NULL, fraction);
      return g_strconcat (n, " %", NULL);
    }
  g_string_append (skeleton, " percent");
  return format_with (&loc, skeleton->str, NULL, fraction);
}

char *
gs_format_percent (double fraction)
{
  return percent (fraction, 1, FALSE);
}

char *
gs_format_share (double fraction)
{
  return number (fraction * 100, 0, TRUE);
}

char *
gs_format_multiple (double ratio)
{
  g_autofree char *n = number (ratio, 1, TRUE);
  return g_strdup_printf ("%s×", n);
}

char *
gs_format_percent_signed (double fraction)
{
  return percent (fraction, 1, TRUE);
}

char *
gs_format_percent_exact (double fraction)
{
  return percent (fraction, 4, FALSE);
}

/* A calendar day in the user's locale: the medium date, or only its month
 * and year (ICU's "yMMM" skeleton: "Feb 2027", "Feb. 2027"). */
static char *
format_day (const GDate *date, gboolean month_only)
{
  Locale loc;
  const Icu *icu = icu_get ();
  UDateFormat *f = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[128];
  int32_t len = -1;
  char *text = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));
  locale_for (LC_TIME, &loc);
  g_mutex_lock (&cache_lock);
  if (date_cache == NULL)
    date_cache = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *key = g_strconcat (loc.icu, month_only ? "|yMMM" : "", NULL);
  if (icu)
    f = g_hash_table_lookup (date_cache, key);
  if (f == NULL && icu)
    {
      /* Dates are calendar days: formatted at midnight UTC, in UTC. */
      UChar utc[] = { 'U', 'T', 'C', 0 };
      if (month_only)
        {
          UChar skeleton[] = { 'y', 'M', 'M', 'M', 0 };
          UChar pattern[64];
          UDateTimePatternGenerator *gen = icu->udatpg_open (loc.icu, &status);
          int32_t n = icu->udatpg_getBestPattern (gen, skeleton, -1, pattern,
                                                  G_N_ELEMENTS (pattern), &status);
          icu->udatpg_close (gen);
          if (U_SUCCESS (status) && n < (int32_t) G_N_ELEMENTS (pattern))
            f = icu->udat_open (UDAT_PATTERN, UDAT_PATTERN, loc.icu, utc, -1, pattern, n, &status);
          else if (U_SUCCESS (status))
            status = U_BUFFER_OVERFLOW_ERROR;
        }
      else
        f = icu->udat_open (UDAT_NONE, UDAT_MEDIUM, loc.icu, utc, -1, NULL, 0, &status);
      if (U_FAILURE (status))
        {
          icu->udat_close (f);
          f = NULL;
        }
      else
        g_hash_table_insert (date_cache, g_steal_pointer (&key), f);
    }
  if (f)
    {
      /* Days since 1970-01-01, in milliseconds. */
      GDate epoch;
      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      status = U_ZERO_ERROR;
      len = icu->udat_format (f, (UDate) g_date_days_between (&epoch, date) * 86400000.0, buf,
                              G_N_ELEMENTS (buf), NULL, &status);
      if (U_FAILURE (status) || len >= (int32_t) G_N_ELEMENTS (buf))
        len = -1;
    }
  g_mutex_unlock (&cache_lock);
  if (len >= 0)
    text = finish (buf, len, &loc, FALSE);
  if (text == NULL)
    {
      char iso[16];
      g_date_strftime (iso, sizeof iso, month_only ? "%Y-%m" : "%Y-%m-%d", date);
      text = g_strdup (iso);
    }
  return text;
}

char *
gs_format_date (const GDate *date)
{
  return format_day (date, FALSE);
}

char *
gs_format_month (guint year, guint month)
{
  GDate day;
  g_return_val_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999, g_strdup (""));
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, (GDateMonth) month, (GDateYear) year);
  return format_day (&day, TRUE);
}

gboolean
gs_format_currency_digits (const char *code, guint *digits)
{
  UChar iso[4];
  UErrorCode status = U_ZERO_ERROR;
  const Icu *icu;
  int32_t n;

  if (code == NULL || strlen (code) != 3 || (icu = icu_get ()) == NULL)
    return FALSE;
  icu->u_charsToUChars (code, iso, 4);
  /* Any date: a currency that was ever legal tender (ICU answers 2 digits
   * for a code it does not know, so availability is asked first). */
  if (!icu->ucurr_isAvailable (iso, -1e300, 1e300, &status) || U_FAILURE (status))
    return FALSE;
  n = icu->ucurr_getDefaultFractionDigits (iso, &status);
  if (U_FAILURE (status) || n < 0 || n > 3)
    return FALSE;
  *digits = (guint) n;
  return TRUE;
}

static gpointer
prepare_main (gpointer data)
{
  GDate day;
  (void) data;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2027);
  /* What a report formats first: money, counts, percents, a date. */
  g_free (gs_format_money (123456, 2, "USD", GS_MONEY_FORMAT_WHOLE));
  g_free (gs_format_count (1234));
  g_free (gs_format_percent (0.5));
  g_free (gs_format_number_short (1.5, 1));
  g_free (gs_format_date (&day));
  return NULL;
}

GThread *
gs_format_prepare (void)
{
  return g_thread_try_new ("gs-format-prepare", prepare_main, NULL, NULL);
}
