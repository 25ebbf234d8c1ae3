/* gs-ledger-line.c — ledger months as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-line.h"

char *
gs_ledger_month_text (gint month)
{
  /* Floor division, so a month before year 0 cannot print a negative month. */
  gint year = month >= 0 ? month / 12 : -((-month + 11) / 12);
  return g_strdup_printf ("%04d-%02d", year, month - year * 12 + 1);
}
