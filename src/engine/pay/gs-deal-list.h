/* gs-deal-list.h — a CSV list of deals to pay in order (goalsheet-cli payout
 * --deals): columns id, amount and date (docs/statements.md, "Per-deal payout").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-deal-pay.h"

G_BEGIN_DECLS

typedef struct
{
  GArray *events;   /* of GsPayEvent on the role's first component's measure, in file order */
  GPtrArray *ids;   /* of char*: each event's deal id */
  GPtrArray *dates; /* of GDate*: each event's date */
  GArray *spif;     /* of GsMoney: each deal's SPIF pay (its SPIF column's SPIFs of the role
                     * whose dates hold the deal's, once each) */
} GsDealList;

void
gs_deal_list_free (GsDealList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsDealList, gs_deal_list_free)

/* Reads bytes as CSV with a header naming "id" (or "deal"), "amount" and
 * "date" (or "close date"), any case and order; amounts in the plan's
 * currency ("25000.00"), dates YYYY-MM-DD within the pay plan's twelve
 * months.  Optional: "discount" ("15%" or 0.15; the discount modifier
 * applies to the deal) and "spif" (ids of the role's SPIFs the deal is an
 * event of, separated by ";").  A bad cell fails naming its row (the
 * header is 1) and column. */
GsDealList *
gs_deal_list_read (const GsCompModel *comp, const GsCompRole *role, const char *bytes, gsize length,
                   GError **error);

/* What the deals of list, paid as paid (gs_deal_pay on its events), pay
 * together: Σ commission + true-up + SPIF pay.  FALSE with GS_ERROR_OVERFLOW
 * when the sum does not fit. */
gboolean
gs_deal_list_total (const GsDealList *list, const GArray *paid, GsMoney *total, GError **error);

G_END_DECLS
