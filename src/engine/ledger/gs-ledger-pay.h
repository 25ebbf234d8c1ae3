/* gs-ledger-pay.h — the commission lines of the pay floor's statements, as
 * the ledger books them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every person's year (gs_pay_company) gives its lines in comp months; the
 * ledger counts absolute months (gs-ledger-line.h), so each comp month
 * becomes the calendar month it is in.  The person is named as in the
 * actuals, the deal by its id.  What the lines add up to is the company total
 * of the statements, to the cent.  A shared run's lines (gs-pay-stream.h)
 * are stored once per stream and month and booked for each person who reads
 * them as a span (gs-ledger-line.h): lines in memory grow with deals and
 * people, not their product.
 */
#pragma once

#include "gs-ledger-line.h"
#include "gs-model.h"
#include "gs-statement.h"

G_BEGIN_DECLS

GsLedgerLines *
gs_ledger_lines_from_pay (const GsModel *model, const GsPayCompany *company);

G_END_DECLS
