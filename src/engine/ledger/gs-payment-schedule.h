/* gs-payment-schedule.h — the payments per person and month, from the
 * commission lines and the plan's payment timing.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line is earned in its month and falls due `lag` months later
 * (compensation.payment.lag_months: 0 pays in the month earned, 1 the month
 * after the period closes).  What falls due in a month is paid when the
 * running amount due is positive; a net negative month (a clawback larger
 * than what the person earned) is not a payment back: it is carried forward
 * and set against the next amounts due, so payable may be negative (the
 * person owes).  Month by month, for each person and in total:
 *   payable at close = payable at open + earned + clawed back − paid,
 * which gs_payment_schedule_reconcile checks (docs/ledger.md).
 */
#pragma once

#include "gs-ledger-line.h"

G_BEGIN_DECLS

typedef struct
{
  GsMoney earned;      /* every line but clawbacks, in the month earned */
  GsMoney clawed_back; /* clawback lines (0 or negative) */
  GsMoney paid;        /* paid in the month (0 or more) */
  GsMoney payable_open;
  GsMoney payable_close; /* earned, not yet paid; negative: the person owes */
} GsPaymentMonth;

typedef struct
{
  gint first_month; /* absolute month of column 0 */
  guint n_months;   /* to the last line's month + lag */
  guint lag;
  guint n_people;
  char **people;         /* in order of their first line */
  GsPaymentMonth *cells; /* [person × n_months + month] */
  GsPaymentMonth *total; /* [month]: the sums over people */
  GsPaymentMonth *sums;  /* [person], then [n_people] for everyone: earned, clawed back and
                          * paid over every month (the payables stay 0: they are balances) */
} GsPaymentSchedule;

/* NULL with GS_ERROR_OVERFLOW when a sum leaves the money range, or
 * GS_ERROR_INVALID when the lines span more than GS_LEDGER_MAX_MONTHS or a
 * line has no person.  No lines: an empty schedule. */
GsPaymentSchedule *
gs_payment_schedule_new (const GsLedgerLine *lines, guint n_lines, guint lag, GError **error);
/* The same from a set of lines, each span's lines summed for its person
 * (a shared line counts once for every person it is booked for). */
GsPaymentSchedule *
gs_payment_schedule_new_for (const GsLedgerLines *lines, guint lag, GError **error);
void
gs_payment_schedule_free (GsPaymentSchedule *schedule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPaymentSchedule, gs_payment_schedule_free)

static inline const GsPaymentMonth *
gs_payment_cell (const GsPaymentSchedule *s, guint person, guint month)
{
  return &s->cells[(gsize) person * s->n_months + month];
}

/* Checks month by month, per person and in total: the payable carries from
 * one month's close to the next month's open, close = open + earned +
 * clawed back − paid, payments are never negative, the total is the sum of
 * the people, and over the schedule paid + payable at the end = earned +
 * clawed back.  The error names the person, month and figures that differ. */
gboolean
gs_payment_schedule_reconcile (const GsPaymentSchedule *schedule, GError **error);

G_END_DECLS
