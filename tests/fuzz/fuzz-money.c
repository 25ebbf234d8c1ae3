/* fuzz-money.c — the money parser: the first byte picks the currency's
 * minor-unit digits (0..3), the rest is the amount text.  A parsed amount is
 * within ±10^15 and prints back to text that parses to the same amount.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "gs-format.h"
#include "gs-money.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  guint digits;
  GsMoney value = 0;

  if (size == 0)
    return 0;
  digits = data[0] % 4;
  text = g_strndup ((const char *) data + 1, size - 1);
  if (!gs_money_parse (text, digits, &value, &error))
    {
      fuzz_check_error (error);
      return 0;
    }
  g_assert_true (gs_money_in_range (value));
  {
    g_autofree char *plain = gs_money_to_plain (value, digits);
    g_autofree char *full = gs_format_money (value, digits, "USD", GS_MONEY_FORMAT_FULL);
    g_autofree char *whole = gs_format_money (value, digits, "EUR", GS_MONEY_FORMAT_WHOLE);
    g_autofree char *compact = gs_format_money (value, digits, NULL, GS_MONEY_FORMAT_COMPACT);
    GsMoney back = 0;
    g_assert_true (full != NULL && whole != NULL && compact != NULL);
    g_assert_true (gs_money_parse (plain, digits, &back, NULL));
    g_assert_cmpint (back, ==, value);
  }
  return 0;
}
