/* gs-crm-amount.h — amounts as CRM exports write them, into minor units.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "$1,234.50", "1.234,50 €", "EUR 1 234,50", "1234.5": grouping separators
 * and currency signs go, the decimal separator is the last of . and , when
 * both appear; a lone separator followed by exactly three digits groups
 * thousands unless the file writes decimals with it (decimal_comma: the
 * file is separated by semicolons, as European Excel writes it).
 */
#pragma once

#include "gs-money.h"

G_BEGIN_DECLS

/* Reads text into minor units of a currency with digits decimals.  An
 * amount in another currency (its code written out), a negative one, more
 * decimals than the currency has, or text that is no number fail with a
 * reason (GS_ERROR_INVALID). */
gboolean
gs_crm_amount_parse (const char *text, const char *currency, guint digits, gboolean decimal_comma,
                     GsMoney *out, GError **error);

G_END_DECLS
