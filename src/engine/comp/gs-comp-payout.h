/* gs-comp-payout.h — what a compensation plan pays: per component, per person,
 * per role; the payout curve; variable pay and cost of sales at plan; the
 * measures the two sides share.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every amount is exact to the minor unit: each trace line rounds once (half
 * away from zero) where a rate meets an amount, and every total is the sum of
 * its rounded lines, so the lines of a trace add up to the payout.
 * Order of calculation (docs/compensation.md): components (rate table,
 * accelerators, decelerator, discount modifier, gate, component cap, by
 * period) → plan gate → plan cap → per-deal discount lines → clawbacks → SPIFs →
 * draw.
 */
#pragma once

#include "gs-comp-resolve.h"

G_BEGIN_DECLS

/* One slice of a rate table evaluation: the part of the value a band pays on,
 * with every factor of its arithmetic. */
typedef struct
{
  double from, to;           /* measure units; the part of the value this slice pays on */
  double width;              /* to − from (band type: the whole value) */
  double band_from, band_to; /* the band, in its own basis units, for the label */
  double rate;
  double accel;    /* accelerator multiplier, 1 when none */
  double decel;    /* decelerator multiplier, 1 when none */
  double discount; /* discount modifier, 1 when none */
  GsMoney amount;
} GsSlice;

/* What kind of step a trace line is.  The engine returns figures only; the
 * words are gs_explain_comp_line's (engine/text/gs-explain-comp.h). */
typedef enum
{
  GS_TRACE_MEASURE,        /* a component: measure total, quota, attainment, weight, TI */
  GS_TRACE_DISCOUNT,       /* discount modifier: average discount → multiplier */
  GS_TRACE_PERIOD,         /* a period's measure total, quota and attainment */
  GS_TRACE_GATE,           /* a component's gate: reached or not */
  GS_TRACE_SLICE,          /* a band's slice × rate (× accelerator, decelerator, discount) */
  GS_TRACE_EARLIER_PAID,   /* year to date: less what earlier periods paid */
  GS_TRACE_COMPONENT_CAP,  /* the component's cap cuts the period's pay */
  GS_TRACE_COMPONENT_PAID, /* what the component earns over the year */
  GS_TRACE_PLAN_GATE,      /* the plan's gate: passed, or the plan pays nothing */
  GS_TRACE_PLAN_CAP,       /* the plan's cap cuts the commission */
  GS_TRACE_DEAL_DISCOUNT,  /* a deal's commission × its own discount band's multiplier */
  GS_TRACE_NO_CLAWBACK,    /* refunds given, but the plan claws nothing back */
  GS_TRACE_REFUND_KEPT,    /* a refund outside the clawback window */
  GS_TRACE_CLAWBACK,       /* commission without the deal − with it */
  GS_TRACE_SPIF_OUTSIDE,   /* a SPIF event outside the SPIF's dates */
  GS_TRACE_SPIF,           /* count × amount */
  GS_TRACE_DRAW_TOPUP,     /* a month earning less than the draw is topped up */
  GS_TRACE_DRAW_RECOVERED, /* a recoverable draw taken back from a later month */
  GS_TRACE_DRAW_BALANCE,   /* draw not yet recovered at year end */
  GS_TRACE_TOTAL,          /* variable pay for the year */
} GsTraceKind;

/* One step of a payout, with the figures a person needs to redo it with a
 * calculator.  Which fields a kind fills is listed by the field. */
typedef struct
{
  GsTraceKind kind;
  guint depth;                      /* indentation: 0 component/adjustment, 1 period, 2 slice */
  gboolean counts;                  /* FALSE for explanation lines; Σ counting lines = the total */
  GsMoney amount;                   /* what the line adds to the payout (0 when it does not count);
                                     * also COMPONENT_PAID's earnings and TOTAL's total */
  const GsCompComponent *component; /* MEASURE, DISCOUNT, PERIOD, GATE, SLICE, COMPONENT_* */
  GsMeasure measure;       /* the measure: MEASURE and PERIOD the component's, GATE and PLAN_GATE
                            * the gate's */
  double actual;           /* MEASURE, PERIOD, GATE and PLAN_GATE: the measure's value */
  double quota;            /* MEASURE, PERIOD: the quota; SLICE: the period's quota */
  double attainment;       /* MEASURE, PERIOD, GATE, PLAN_GATE: actual ÷ quota; DISCOUNT: the
                            * average discount */
  double threshold;        /* GATE, PLAN_GATE: minimum attainment; DISCOUNT: the multiplier */
  gboolean reached;        /* GATE, PLAN_GATE: the gate is passed; PERIOD: year to date;
                            * DRAW_TOPUP: the draw is recoverable */
  guint period, n_periods; /* PERIOD, DRAW_*: which period of how many (12 = months) */
  GsMoney figure[4];       /* MEASURE: target incentive; SLICE: the period's target incentive;
                            * COMPONENT_CAP, PLAN_CAP: the cap; REFUND_KEPT, CLAWBACK, SPIF*: the
                            * refund or SPIF amount; CLAWBACK: [1] commission without the deal,
                            * [2] with it, and when reached (the deal's pay taken back) [3] the
                            * deal's pay, actual its pay before its modifier and quota the
                            * re-rating taken (both whole minor units); DRAW_TOPUP: [0] earned,
                            * [1] draw; DRAW_RECOVERED: [0] earned; DRAW_BALANCE: [0] balance */
  GsSlice slice;           /* SLICE */
  guint count;             /* SPIF*: events; REFUND_KEPT, CLAWBACK: days after closing */
  guint window;            /* REFUND_KEPT, CLAWBACK: the clawback window in days */
  const char *name;        /* SPIF*: the SPIF's name (owned by the model) */
  GDate date;              /* SPIF*: the event's date */
  const char *deal;        /* SPIF*, DEAL_DISCOUNT: the deal (owned by the caller), or NULL;
                            * DEAL_DISCOUNT: figure[0] the deal's commission, attainment its
                            * discount, threshold the multiplier, period the month; CLAWBACK:
                            * threshold the clawback's share, attainment the deal's discount
                            * multiplier (1 when none) */
} GsTraceLine;

typedef struct
{
  guint spif;
  GDate date;
  guint count;
  const char *deal; /* the deal that is the event (statements), or NULL */
} GsCompEvent;

typedef struct
{
  GsMoney amount; /* booking refunded or churned */
  guint days;     /* after it closed */
  double cut;     /* the part of the deal's commission its own discount band took
                   * (1 − multiplier; statements); 0 when none */
  /* Statements: what the deal was paid on the bookings refunded (its
   * commission and true-up lines), after its discount modifier and before
   * it.  With has_paid the clawback takes back exactly paid (× the share),
   * and a re-rating of the rest of the year on top (gs-comp-payout.c). */
  gboolean has_paid;
  GsMoney paid, paid_base;
} GsCompRefund;

/* A deal's commission scaled by its own discount band (statements,
 * gs-deal-pay.h): amount = base × (multiplier − 1), rounded once. */
typedef struct
{
  const char *deal; /* owned by the caller */
  guint month;      /* comp month the commission is paid in */
  GsMoney base;     /* the deal's commission that month before the modifier */
  double discount;  /* the deal's discount beyond list */
  double multiplier;
  GsMoney amount; /* ≤ 0 */
} GsCompDealDiscount;

/* What one person achieved.  actual[m][month]: measure units per plan month
 * (money in minor units; a share is that month's rate). */
typedef struct
{
  double actual[GS_N_MEASURES][GS_COMP_MONTHS];
  gboolean given[GS_N_MEASURES];
  double discount;        /* average discount beyond list price on the bookings, 0.15 = 15 % */
  GArray *refunds;        /* of GsCompRefund, may be NULL */
  GArray *events;         /* of GsCompEvent, may be NULL */
  GArray *deal_discounts; /* of GsCompDealDiscount, may be NULL: added to the commission after
                           * the plan cap */
} GsCompInput;

/* The discount modifier of one deal counted on measure, with discount
 * beyond list: the multiplier of its band in the discount table of the
 * role's first component paid on the measure that has one; 1 when none
 * has.  *component (may be NULL) is that component or NULL. */
double
gs_comp_deal_multiplier (const GsCompModel *comp, const GsCompRole *role, GsMeasure measure,
                         double discount, const GsCompComponent **component);

void
gs_comp_input_init (GsCompInput *input);
void
gs_comp_input_clear (GsCompInput *input);
/* Sets a measure's year: money is split over the months to the cent (largest
 * remainder), counts evenly, a share is the same every month. */
void
gs_comp_input_set_year (GsCompInput *input, GsMeasure measure, double value);
/* Every measure the role's plan uses (components and gates) at the same
 * attainment of the person's quotas; money rounded once to the minor unit. */
void
gs_comp_input_at_attainment (GsCompInput *input, const GsCompRole *role, guint person,
                             double attainment);
/* The same with each measure at its own attainment (indexed by GsMeasure),
 * as the plan implies them (GsCompModel.plan_attainment). */
void
gs_comp_input_at_attainments (GsCompInput *input, const GsCompRole *role, guint person,
                              const double attainment[GS_N_MEASURES]);
/* A person's annual quota for a measure: the role's, scaled by the person's
 * own quota where the measure is the role's first component's. */
double
gs_comp_person_quota (const GsCompRole *role, guint person, GsMeasure measure, double role_quota);

typedef struct
{
  const GsCompComponent *component;
  double actual;     /* year */
  double quota;      /* year, this person's */
  double attainment; /* actual ÷ quota over the year */
  GsMoney target_incentive;
  GsMoney earned;                           /* after gate and cap */
  GsMoney periods[GS_COMP_MONTHS];          /* paid per period (gs_period_count entries) */
  double period_attainment[GS_COMP_MONTHS]; /* each period's actual ÷ its quota (year to date
                                                against the year's for ytd); 0 without a quota */
} GsCompComponentPayout;

typedef struct
{
  char *person; /* the person's name, or "Per person" */
  double quota_scale;
  GsCompComponentPayout *components;
  guint n_components;
  GsMoney components_total; /* Σ component earnings */
  GsMoney gate_cut;         /* plan gate: −components_total when shut, else 0 */
  GsMoney cap_cut;          /* plan cap: ≤ 0 */
  GsMoney deal_discount;    /* Σ per-deal discount lines, ≤ 0 */
  GsMoney earned;           /* commission: components + gate_cut + cap_cut + deal_discount */
  GsMoney clawback;         /* ≤ 0 */
  GsMoney spifs;
  GsMoney draw_topup;     /* paid to make up the draw */
  GsMoney draw_recovered; /* ≤ 0, taken back from later earnings */
  GsMoney draw_balance;   /* still owed at year end (recoverable draws) */
  GsMoney draw_net;       /* the draw's effect on the year: top-ups not recovered within it
                           * (draw_topup + draw_recovered) */
  GsMoney total;          /* variable pay for the year: Σ counting trace lines */
  GsMoney month_paid[GS_COMP_MONTHS];
  /* Month by month: the commission landed (after the plan's gate and cap,
   * before clawbacks, SPIFs and the draw), the draw's top-up, what was
   * recovered of it (≤ 0) and what is still owed at the month's end. */
  GsMoney month_commission[GS_COMP_MONTHS];
  GsMoney month_draw_topup[GS_COMP_MONTHS];
  GsMoney month_draw_recovered[GS_COMP_MONTHS];
  GsMoney month_draw_balance[GS_COMP_MONTHS];
  GPtrArray *trace; /* of GsTraceLine*; NULL when no trace was asked for */
} GsCompPayout;

void
gs_comp_payout_free (GsCompPayout *payout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCompPayout, gs_comp_payout_free)

#define GS_COMP_STANDARD_PERSON G_MAXUINT

/* What a payout carries besides its figures.  The trace is most of a
 * payout's cost (a line allocated per slice and period), so totals are
 * computed without it; the figures are the same either way. */
typedef enum
{
  GS_COMP_PAYOUT_FIGURES = 0,     /* figures only: trace is NULL */
  GS_COMP_PAYOUT_TRACE = 1u << 0, /* and the trace, line by line */
} GsCompPayoutFlags;

/* person: index into role->people, or GS_COMP_STANDARD_PERSON for one person
 * on the role's own quotas (the only person when the role lists nobody).
 * With its trace. */
GsCompPayout *
gs_comp_payout (const GsCompModel *comp, const GsCompRole *role, guint person,
                const GsCompInput *input, GError **error);
/* The same, with the trace only when flags ask for it. */
GsCompPayout *
gs_comp_payout_with (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompInput *input, GsCompPayoutFlags flags, GError **error);
/* The commission (components, plan gate, plan cap; by month paid) of a role
 * that pays nothing else (no draw, SPIFs or refunds: deals paid one by one,
 * gs-deal-pay.h), as gs_comp_payout_with gives it in earned and month_paid,
 * without a trace or an allocation.  components (role->n_components) hold
 * each component's payout: those marked in keep (NULL: none) are taken as
 * they are — the caller knows the measures they read did not change — and
 * the others are computed from input. */
gboolean
gs_comp_commission_step (const GsCompModel *comp, const GsCompRole *role, guint person,
                         const GsCompInput *input, GsCompComponentPayout *components,
                         const gboolean *keep, GsMoney *earned, GsMoney month[GS_COMP_MONTHS],
                         GError **error);

/* Whether component (of role) passes its gate in period (0 ..
 * gs_period_count − 1) for input, exactly as gs_comp_payout decides it; TRUE
 * for a component without a gate. */
gboolean
gs_comp_gate_passes (const GsCompModel *comp, const GsCompRole *role, guint person,
                     const GsCompComponent *component, const GsCompInput *input, guint period);

typedef struct
{
  const GsCompRole *role;
  GsCompPayout **people; /* n_people payouts */
  guint n_people;
  guint multiplier; /* headcount when the role lists nobody (one standard payout) */
  GsMoney total;    /* Σ people × multiplier */
} GsCompRolePayout;

void
gs_comp_role_payout_free (GsCompRolePayout *rp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCompRolePayout, gs_comp_role_payout_free)

typedef enum
{
  GS_COMP_AT_ATTAINMENT, /* value: everyone at this attainment */
  GS_COMP_AT_AMOUNT,     /* value: the first measure's amount, as gs_comp_role_at_amount */
} GsCompAt;

/* The general form: extras (may be NULL) gives the discount, refunds and
 * SPIF events that apply to each person.  Every payout with its trace. */
GsCompRolePayout *
gs_comp_role_payout (const GsCompModel *comp, const GsCompRole *role, GsCompAt at, double value,
                     const GsCompInput *extras, GError **error);
/* The same, the traces only when flags ask for them. */
GsCompRolePayout *
gs_comp_role_payout_with (const GsCompModel *comp, const GsCompRole *role, GsCompAt at,
                          double value, const GsCompInput *extras, GsCompPayoutFlags flags,
                          GError **error);

/* Everyone at the same attainment, with traces. */
GsCompRolePayout *
gs_comp_role_at_attainment (const GsCompModel *comp, const GsCompRole *role, double attainment,
                            GError **error);
/* The total gs_comp_role_at_attainment gives (Σ people × multiplier), the
 * figures only: no trace, no payout kept, the people on the same quota
 * computed once.  What a view needs beside the one person it traces. */
gboolean
gs_comp_role_total_at_attainment (const GsCompModel *comp, const GsCompRole *role,
                                  double attainment, GsMoney *total, GError **error);
/* The role's first component's measure at amount (measure units), every
 * other measure at the attainment that amount is.  With a people list the
 * amount is the role's total, split over the people by quota (largest
 * remainder, to the minor unit); without, it is one person's. */
GsCompRolePayout *
gs_comp_role_at_amount (const GsCompModel *comp, const GsCompRole *role, double amount,
                        GError **error);

typedef struct
{
  double attainment;
  GsMoney earned;   /* one standard person's commission (no SPIFs, draws, clawbacks) */
  double of_target; /* earned ÷ the role's target incentive (0 without one) */
} GsCurvePoint;

/* Points from 0 to max_attainment in steps; returns a GArray of GsCurvePoint. */
GArray *
gs_comp_curve (const GsCompModel *comp, const GsCompRole *role, double step, double max_attainment,
               GError **error);

typedef struct
{
  GsMoney variable_pay;   /* everyone at 100 % plus expected SPIF events, a full year each */
  GsMoney bookings;       /* the company target over the comp year */
  double cost_of_sales;   /* variable_pay ÷ bookings */
  GsMoney *role_variable; /* n_roles */

  /* Pay that matches the plan (docs/compensation.md, "At plan"): each role
   * paid for its person-years (hires from their start month, attrition),
   * at 100 % of quota and at the attainment the plan implies. */
  double *role_paid_years;        /* n_roles */
  GsMoney *role_at_quota;         /* n_roles: 100 % of quota × paid years, plus SPIFs */
  GsMoney *role_at_plan;          /* n_roles: at the plan's attainment × paid years, plus SPIFs */
  double *role_cost_new_business; /* n_roles: role_at_plan ÷ new_business (0 without any) */
  GsMoney at_quota;               /* Σ role_at_quota */
  GsMoney at_plan;                /* Σ role_at_plan */
  GsMoney new_business;           /* the comp year's new-business target */
  GsMoney delivered;              /* what the plan books in the comp year */
  double ae_attainment;     /* the attainment of their ramped quotas the plan implies for AEs */
  double cost_new_business; /* at_plan ÷ new_business: the base pay is earned on */
  double cost_all;          /* at_plan ÷ bookings: every booking, existing customers too */

  /* n_roles arrays: each listed person's variable pay for the year at 100 %
   * (one entry, the standard person's, when the role lists nobody), so that
   * a reader listing people (the export's People sheet) need not pay them
   * again. */
  GsMoney **role_person_at_100;
  /* The same at the plan's attainment (comp->plan_attainment). */
  GsMoney **role_person_at_plan;
  /* The People sheet's "Everyone" row: the people listed (a role that
   * lists nobody counts its headcount), and their full years' variable pay
   * (no SPIFs, not prorated), Σ each entry above × its multiplier (1 for
   * a listed person, the headcount for the standard one), exact and
   * overflow-checked. */
  gint64 people;
  GsMoney people_at_100;
  GsMoney people_at_plan;
} GsCompAtPlan;

gboolean
gs_comp_at_plan (const GsCompModel *comp, GsCompAtPlan *out, GError **error);

/* One role's variable pay as staffed (its paid person-years, plus expected
 * SPIFs) with each measure at the attainment given (indexed by GsMeasure):
 * at comp->plan_attainment it is role_at_plan; the payout-risk simulation
 * (gs-comp-risk.h) asks for a simulated year's. */
gboolean
gs_comp_role_staffed_at (const GsCompModel *comp, const GsCompRole *role,
                         const double attainment[GS_N_MEASURES], GsMoney *pay, GError **error);
void
gs_comp_at_plan_clear (GsCompAtPlan *out);

/* Joint components: for each measure, which roles are paid on it. */
typedef struct
{
  GsMeasure measure;
  GPtrArray *roles;   /* of const GsCompRole* */
  gboolean marketing; /* a marketing role is paid on it */
  gboolean sales;     /* a sales role (AE, SDR, manager) is paid on it */
} GsSharedMeasure;

/* Every measure paid to at least one role, shared ones (both sides) first. */
GArray *
gs_comp_shared_measures (const GsCompModel *comp);
void
gs_comp_shared_measures_free (GArray *shared);
/* TRUE when both a marketing and a sales role are paid on the measure. */
gboolean
gs_comp_measure_is_shared (const GsCompModel *comp, GsMeasure measure);

G_END_DECLS
