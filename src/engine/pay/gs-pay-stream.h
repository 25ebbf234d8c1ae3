/* gs-pay-stream.h — the pay on company bookings, computed once and shared
 * by the people of a role who get the same stream.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A role paid on company bookings has an event for every credited deal in
 * each of its people's years (docs/statements.md, "Statements").  What such
 * an event adds is the change of the components on company bookings only —
 * when the role has no plan gate or plan cap (which act on the sum), no
 * component on another measure gated on company bookings, and the gates of
 * the company components that read another measure are yearly.  Then the
 * pay of a run of company events depends only on the company bookings (the
 * same for everyone), the person's quota on them (the role's, unless the
 * role's first component is on company bookings) and which of those gates
 * are open: people with the same gate state get the identical stream.  A
 * GsPayStream holds it once: each event's GsDealPay (earned: the stream's
 * own running sum) and the running sums a person's year takes up where a
 * run ends (gs_deal_payer_skip), so no person × deal record is made.
 */
#pragma once

#include "gs-credit.h"
#include "gs-deal-pay.h"
#include "gs-pay-kind.h"

G_BEGIN_DECLS

/* An event with what orders it: its credit date, then the deal's place in
 * the actuals, then rank (a person's own credit, 0, before the company's
 * event of the same deal, 1). */
typedef struct
{
  GsPayEvent event;
  guint32 julian;
  guint rank;
} GsPaySortable;

/* The event of credit line l (its month, deal, date and the deal's
 * discount; measure and amount left 0 for the caller), rank 0. */
GsPaySortable
gs_pay_sortable_of_credit (const GsActualsData *a, const GsCreditLine *l);

/* Credit order for g_array_sort of GsPaySortable. */
int
gs_pay_sortable_compare (gconstpointer a, gconstpointer b);

/* Every credited deal of the comp year as a company-bookings event, in
 * credit order (date, then the deal's place in the actuals). */
typedef struct
{
  GArray *events;                   /* of GsPayEvent (measure company bookings, order = index) */
  guint32 *julian;                  /* per event: its credit date */
  guint *index_of;                  /* per deal of the actuals: its event, or G_MAXUINT */
  double (*actual)[GS_COMP_MONTHS]; /* events + 1 rows: company bookings by month before
                                     * event k (row k), and after all (last row) */
} GsCompanyEvents;

void
gs_company_events_free (GsCompanyEvents *events);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCompanyEvents, gs_company_events_free)

GsCompanyEvents *
gs_company_events_new (const GsActualsData *actuals, const GsCredits *credits);

/* The first event not before (julian, deal): binary search. */
guint
gs_company_events_lower_bound (const GsCompanyEvents *events, guint32 julian, guint deal);

/* A line of the stream: the event it belongs to, its kind and amount. */
typedef struct
{
  guint event;
  GsPayKind kind; /* commission or true-up */
  GsMoney amount;
} GsPayStreamLine;

typedef struct
{
  gint ref;
  const GsCompanyEvents *events; /* borrowed: the caller keeps it alive */
  const GsCompRole *role;
  guint person;              /* as paid: index into role->people, or GS_COMP_STANDARD_PERSON */
  guint state;               /* bit i: the i-th gated company component's gate is open */
  GsDealPay *pay;            /* one per event; earned is the stream's running sum */
  GsDealPayerTotals *totals; /* events + 1: the stream's totals before event k */
  GArray *month_lines[GS_COMP_MONTHS];      /* of GsPayStreamLine: the lines landed in the month,
                                             * by event (commission before true-up) */
  GsMoney (*kind_month)[2][GS_COMP_MONTHS]; /* events + 1: commission and true-up by month
                                             * landed, before event k */
  GArray *discounted;                       /* of guint: the events with a discount line */
} GsPayStream;

GsPayStream *
gs_pay_stream_ref (GsPayStream *stream);
void
gs_pay_stream_unref (GsPayStream *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPayStream, gs_pay_stream_unref)

/* Whether role's company-bookings pay can be shared (above); *n_gates is
 * then the number of gated company components whose gate reads another
 * measure (at most 16). */
gboolean
gs_pay_stream_shareable (const GsCompRole *role, guint *n_gates);

/* The person's gate state for the stream: bit i set when the i-th gated
 * company component passes its gate for input. */
guint
gs_pay_stream_state (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompInput *input);

/* The person a stream is paid for: role_person when the role's first
 * component is on company bookings (their quota on it is their own), else
 * GS_COMP_STANDARD_PERSON. */
guint
gs_pay_stream_person (const GsCompRole *role, guint role_person);

/* The stream of role for person (gs_pay_stream_person) in state. */
GsPayStream *
gs_pay_stream_new (const GsCompModel *comp, const GsCompRole *role, guint person, guint state,
                   const GsCompanyEvents *events, GError **error);

G_END_DECLS
