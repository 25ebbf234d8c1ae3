/* gs-statement.h — a person's pay from the actuals: the year's commission
 * lines, and statements per month or quarter with year to date.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's year (docs/statements.md, "Statements"): their credit lines in
 * the comp year (gs-credit.h) become events on the measures their role is
 * paid on — own bookings, team bookings, marketing-sourced bookings, and
 * every credited deal for company bookings — paid in credit order at the
 * rates in force (gs-deal-pay.h); then gs_comp_payout over the whole year,
 * with the person's refunded deals as refunds, gives the clawbacks and the
 * draw.  Every figure is one of gs_comp_payout's, so the lines of a year add
 * up to its payout to the cent: Σ lines = payout->total.
 *
 * The commission lines are what the ledger floor books: one per deal and
 * month for commission and true-up, one per refunded deal for a clawback
 * (in the month of the refund), one per month for a draw top-up or recovery.
 */
#pragma once

#include "gs-credit.h"
#include "gs-deal-pay.h"
#include "gs-pay-kind.h"
#include "gs-pay-stream.h"

G_BEGIN_DECLS

typedef struct
{
  guint person;     /* index into actuals.people */
  const char *deal; /* the deal's id (owned by the model), NULL for a draw line */
  guint month;      /* comp month the amount is payable in, 0..11 */
  GsMoney amount;   /* minor units; clawbacks and draw recoveries are negative */
  GsPayKind kind;
} GsCommissionLine;

/* A run of a person's year paid from a shared stream (gs-pay-stream.h):
 * the stream's events first..end − 1, all on company bookings. */
typedef struct
{
  guint at;            /* how many of the year's own deals (GsPayYear.deals) come before it */
  GsPayStream *stream; /* a reference */
  guint first, end;
  GsMoney earned_base; /* the person's commission to date less the stream's, over the run */
  guint order;         /* the place of its first event among the person's events */
} GsPayRun;

/* One person's year.  A year of gs_pay_company whose role is paid on
 * company bookings holds the company events no one else's credit puts
 * among its own as runs of a shared stream: deals and lines then hold the
 * person's own events and lines only, and the whole year is read through
 * gs_pay_year_foreach_deal and gs_pay_year_foreach_line (which give the
 * same deals and lines, in the same order, as a year computed alone). */
typedef struct
{
  guint person;           /* index into actuals.people */
  const GsCompRole *role; /* NULL when the person's role is not a role of the pay plan */
  guint role_person;      /* index into role->people, or GS_COMP_STANDARD_PERSON */
  GArray *credits;        /* of GsCreditLine: the person's credit in the comp year, by date */
  GArray *deals;          /* of GsDealPay: each event paid in order (event.deal: deal index) */
  GArray *lines;          /* of GsCommissionLine, by month */
  GsCompPayout *payout;   /* the whole year through gs_comp_payout, with its trace; NULL
                           * without a role */
  GsMoney total;          /* Σ lines = payout->total */
  GsMoney by_kind[GS_PAY_N_KINDS];
  GArray *runs;                 /* of GsPayRun, in order; NULL for a year computed alone */
  GArray *line_order;           /* with runs: per line, the place of the event that made it
                                 * (G_MAXUINT: clawback, SPIF, draw) */
  const GsActualsData *actuals; /* with runs: the deals their lines name */
} GsPayYear;

void
gs_pay_year_free (GsPayYear *year);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPayYear, gs_pay_year_free)

/* Every deal paid in the year, in order (a run's events are given with the
 * person's commission to date and place). */
typedef void (*GsPayDealFunc) (const GsDealPay *pay, gpointer data);
void
gs_pay_year_foreach_deal (const GsPayYear *year, GsPayDealFunc func, gpointer data);

/* Every commission line of the year, by month, in order. */
typedef void (*GsPayLineFunc) (const GsCommissionLine *line, gpointer data);
void
gs_pay_year_foreach_line (const GsPayYear *year, GsPayLineFunc func, gpointer data);

/* The same lines, a shared run's given as what it reads of a stream
 * (gs-pay-stream.h): the lines first..end − 1 of stream->month_lines[month],
 * each the person's line as gs_pay_stream_line makes it.  So a reader can
 * keep a stream's lines once for every person whose year reads them
 * (gs-ledger-pay.h). */
typedef void (*GsPayRunLinesFunc) (const GsPayStream *stream, guint month, guint first, guint end,
                                   gpointer data);
void
gs_pay_year_foreach_part (const GsPayYear *year, GsPayLineFunc func, GsPayRunLinesFunc run,
                          gpointer data);

/* Line j of stream->month_lines[month] as a line of year. */
void
gs_pay_stream_line (const GsPayYear *year, const GsPayStream *stream, guint month, guint j,
                    GsCommissionLine *out);

/* How many lines gs_pay_year_foreach_line gives. */
guint
gs_pay_year_n_lines (const GsPayYear *year);

/* The year's lines summed by month and kind (into by_month, which the
 * caller zeroes), and the measures credited by month (into measure, zeroed
 * by the caller, may be NULL): what the lines and deals add up to, without
 * reading a run's events one by one. */
void
gs_pay_year_sums (const GsPayYear *year, GsMoney by_month[GS_COMP_MONTHS][GS_PAY_N_KINDS],
                  double measure[GS_COMP_MONTHS][GS_N_MEASURES]);

/* The year of person (an index into model->actuals->people); comp must be
 * resolved (gs_plan_get_comp). */
GsPayYear *
gs_pay_year (const GsModel *model, const GsCompModel *comp, const GsCredits *credits, guint person,
             GError **error);

/* A statement's period: comp months first..last. */
typedef struct
{
  guint first, last;
  gboolean quarter;
} GsPayPeriod;

/* "2027-03" (a calendar month of the comp year) or a fiscal quarter as the
 * plan labels it, "FY27 Q1" (case-insensitive). */
gboolean
gs_pay_period_parse (const GsModel *model, const char *text, GsPayPeriod *out, GError **error);

/* A dispute note a statement shows (gs-dispute.h). */
typedef struct
{
  guint index;      /* into actuals.disputes */
  gboolean earlier; /* an open note of an earlier period, shown again */
} GsStatementNote;

typedef struct
{
  GsPayYear *year; /* owned */
  GsPayPeriod period;
  double measure[GS_N_MEASURES];       /* credited in the period (measure units) */
  double measure_ytd[GS_N_MEASURES];   /* credited from the first comp month to the period's end */
  double quota[GS_N_MEASURES];         /* the person's annual quota, 0 where the role has none */
  double attainment[GS_N_MEASURES];    /* measure_ytd ÷ quota, 0 where there is no quota */
  GsMoney by_kind[GS_PAY_N_KINDS];     /* the period's lines by kind */
  GsMoney by_kind_ytd[GS_PAY_N_KINDS]; /* year to date */
  GsMoney paid;                        /* Σ the period's lines */
  GsMoney paid_ytd;
  GArray *notes; /* of GsStatementNote: on this period, then open ones of earlier periods */
} GsStatement;

void
gs_statement_free (GsStatement *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsStatement, gs_statement_free)

/* The statement of a person (index into actuals.people) for a period. */
GsStatement *
gs_statement_new (const GsModel *model, const GsCompModel *comp, guint person,
                  const GsPayPeriod *period, GError **error);

/* A person of the actuals by name or id (case-insensitive); -1 if none. */
int
gs_pay_find_person (const GsModel *model, const char *name);

/* Every person's year: role totals and the company total, for reconciling. */
typedef struct
{
  GPtrArray *years;    /* of GsPayYear*, one per actuals person */
  GsMoney *role_total; /* comp->n_roles: Σ years of the role's people */
  GsMoney *role_month; /* [role × GS_COMP_MONTHS + month]: Σ the month's lines of its people */
  GsMoney month[GS_COMP_MONTHS]; /* Σ role months */
  GsMoney total;                 /* Σ role totals */
  GsCompanyEvents *events;       /* what the years' runs read (NULL when no year has one) */
} GsPayCompany;

void
gs_pay_company_free (GsPayCompany *company);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPayCompany, gs_pay_company_free)

GsPayCompany *
gs_pay_company (const GsModel *model, const GsCompModel *comp, GError **error);

G_END_DECLS
