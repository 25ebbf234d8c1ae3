/* gs-ledger-line.h — a commission line, what the ledger floor is fed: one
 * amount owed to one person in one month, of one kind, for one deal or none.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pay floor's statements produce these lines; the ledger floor turns them
 * into the payments per person and month (gs-payment-schedule.h) and the
 * commission expense finance books (gs-expense.h).  Months are absolute —
 * year × 12 + (month − 1) — so schedules can run past the plan's months.
 */
#pragma once

#include "gs-money.h"
#include "gs-pay-kind.h"

G_BEGIN_DECLS

typedef struct
{
  const char *person; /* borrowed: the caller keeps it alive */
  const char *deal;   /* borrowed; NULL when the line belongs to no deal */
  gint month;         /* absolute: year × 12 + (month − 1) */
  GsMoney amount;     /* minor units */
  GsPayKind kind;     /* the engine's kinds (gs-pay-kind.h) */
} GsLedgerLine;

/* The longest schedule built: 100 years of months. */
#define GS_LEDGER_MAX_MONTHS 1200

/* Absolute months: 2027-03 is 2027 × 12 + 2. */
static inline gint
gs_ledger_month (gint year, gint month)
{
  return year * 12 + (month - 1);
}

/* "2027-03". */
char *
gs_ledger_month_text (gint month);

G_END_DECLS
