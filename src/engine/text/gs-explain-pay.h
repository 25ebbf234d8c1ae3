/* gs-explain-pay.h — pay from the actuals in words: credit kinds, commission
 * line kinds and the per-deal payout (engine/pay's figures, translated).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-statement.h"

G_BEGIN_DECLS

/* "split", "overlay", … (translated, static). */
const char *
gs_explain_credit_kind (GsCreditKind kind);
/* "commission", "true-up", "clawback", … (translated, static). */
const char *
gs_explain_pay_kind (GsPayKind kind);
/* A dispute note in one line: "Deal D9, commission — open — Maya Chen,
 * 2 April 2027: “text”"; earlier notes start with their period. */
char *
gs_explain_dispute (const GsModel *model, const GsDispute *note, gboolean earlier);

/* One deal paid at the rates in force: "Own bookings +150,000.00, year to
 * date 470,000.00 (117.5 % of quota): commission 18,500.00, true-up
 * 20,000.00 (earlier credit re-rated)". */
char *
gs_explain_deal_pay (const GsCompModel *comp, const GsDealPay *pay);

/* A measure's figure as a statement shows it: money in full (with the
 * currency, or without when currency is NULL), a share as a percent ("95 %"),
 * a count as a number. */
char *
gs_explain_measure_figure (GsMeasure measure, double value, guint digits, const char *currency);

G_END_DECLS
