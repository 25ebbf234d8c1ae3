/* test-format-locale.c — the window's number text under de_DE.UTF-8.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine's text (gs-format.c) is already in the locale's marks; the window
 * must show it as is and localize only C-formatted text (plan values, input
 * numbers).  Localizing twice turned 2.600.000 $ into 2,600,000 $ — a figure
 * a German reader takes for 2.6 dollars.  No display is needed.
 *
 * German puts a no-break space (U+00A0) between the amount and the currency
 * or percent sign, as ICU's locale data has it, and writes millions "Mio.".
 */
#include "gs-gui-format.h"

#include <locale.h>

#define NBSP "\xc2\xa0"

static gboolean
use_german (void)
{
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    return TRUE;
  g_test_skip ("de_DE.UTF-8 is not generated (locale-gen)");
  return FALSE;
}

static void
test_amounts (void)
{
  g_autofree char *whole = NULL, *compact = NULL, *negative = NULL;

  if (!use_german ())
    return;
  /* 260,000,000 cents = 2,600,000 dollars; compact 2.6 million. */
  whole = gs_format_amount (260000000, "USD", 2, FALSE);
  compact = gs_format_amount (260000000, "USD", 2, TRUE);
  /* −19,000,000 cents = −190,000 euros; German has no short form for
   * thousands, so the compact form is the whole amount. */
  negative = gs_format_amount (-19000000, "EUR", 2, TRUE);
  setlocale (LC_ALL, "C");
  g_assert_cmpstr (whole, ==, "2.600.000" NBSP "$");
  g_assert_cmpstr (compact, ==, "2,6" NBSP "Mio." NBSP "$");
  g_assert_cmpstr (negative, ==, "−190.000" NBSP "€");
}

static void
test_inputs (void)
{
  g_autofree char *input = NULL, *plain = NULL;
  double v = 0, quarter = 0, c_point = 0, grouped = 0;
  gboolean parsed;

  if (!use_german ())
    return;
  /* C-formatted text does get the locale's mark. */
  input = gs_format_input_number (1234.5, 2);
  plain = gs_format_localize ("2600000.50");
  parsed = gs_format_parse_number ("1.234,5", &v);
  /* A C decimal point typed in German: "0.25" and "1234.5" keep their
   * meaning; only a '.' before exactly three digits groups. */
  g_assert_true (gs_format_parse_number ("0.25", &quarter));
  g_assert_true (gs_format_parse_number ("1234.5", &c_point));
  g_assert_true (gs_format_parse_number ("12.345.678", &grouped));
  setlocale (LC_ALL, "C");
  g_assert_cmpstr (input, ==, "1234,5");
  g_assert_cmpstr (plain, ==, "2600000,50");
  g_assert_true (parsed);
  g_assert_cmpfloat_with_epsilon (v, 1234.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (quarter, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (c_point, 1234.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (grouped, 12345678, 1e-6);
}

static void
test_c_locale (void)
{
  g_autofree char *whole = NULL;
  setlocale (LC_ALL, "C");
  whole = gs_format_amount (260000000, "USD", 2, FALSE);
  g_assert_cmpstr (whole, ==, "$2,600,000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format-locale/amounts", test_amounts);
  g_test_add_func ("/format-locale/inputs", test_inputs);
  g_test_add_func ("/format-locale/c-locale", test_c_locale);
  return g_test_run ();
}
