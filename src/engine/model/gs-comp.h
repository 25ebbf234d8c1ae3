/* gs-comp.h — compensation plans: the decoded "compensation" section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GsCompModel is immutable once decoded and shared by reference between
 * copies of a GsModel.  Decoding checks the section and computes nothing:
 * quotas the plan does not set stay unresolved (0, with the goal-sheet figure
 * they will come from in quota_default).  gs_comp_resolve (gs-comp-resolve.h)
 * fills them from the computed GsResult into a resolved copy, and only a
 * resolved GsCompModel pays (docs/compensation.md).  Payouts are in
 * gs-comp-payout.h.
 *
 * Units: money is minor units (GsMoney, or a double holding a whole number of
 * minor units for measure values); counts are plain numbers; shares (MQL
 * follow-up within SLA) are fractions, 0.95 = 95 %.  Attainment is a fraction
 * of quota, 1.15 = 115 %.
 */
#pragma once

#include "gs-model.h"
#include "gs-actuals-data.h"

G_BEGIN_DECLS

#define GS_COMP_MONTHS 12 /* a comp plan runs for the first 12 months of the plan */

typedef enum
{
  GS_MEASURE_OWN_BOOKINGS,
  GS_MEASURE_TEAM_BOOKINGS,
  GS_MEASURE_COMPANY_BOOKINGS,
  GS_MEASURE_SOURCED_PIPELINE,
  GS_MEASURE_MARKETING_SOURCED_BOOKINGS,
  GS_MEASURE_MQLS_DELIVERED,
  GS_MEASURE_SQLS_ACCEPTED,
  GS_MEASURE_MEETINGS_HELD,
  GS_MEASURE_MQL_FOLLOWUP_SLA,
  GS_MEASURE_GROSS_MARGIN,
  GS_N_MEASURES
} GsMeasure;

typedef enum
{
  GS_MEASURE_UNIT_MONEY, /* minor units */
  GS_MEASURE_UNIT_COUNT,
  GS_MEASURE_UNIT_SHARE, /* a fraction; a period's value is the average of its months */
} GsMeasureUnit;

typedef enum
{
  GS_ROLE_AE,
  GS_ROLE_SDR,
  GS_ROLE_MANAGER,   /* sales manager: team overlay */
  GS_ROLE_MARKETING, /* VP marketing, demand generation */
} GsRoleKind;

typedef enum
{
  GS_TABLE_FLAT,     /* one rate on everything */
  GS_TABLE_MARGINAL, /* each slice at its band's rate */
  GS_TABLE_BAND,     /* the whole value at the rate of the band reached */
} GsTableKind;

typedef enum
{
  GS_BASIS_ATTAINMENT, /* bands in attainment; rate = share of target incentive per 100 % */
  GS_BASIS_AMOUNT,     /* bands in money; rate = commission on the amount */
} GsTableBasis;

typedef enum
{
  GS_BOUNDARY_UPPER, /* default: a value exactly on a boundary belongs to the upper band */
  GS_BOUNDARY_LOWER,
} GsBoundary;

typedef enum
{
  GS_PERIOD_MONTHLY,
  GS_PERIOD_QUARTERLY,
  GS_PERIOD_ANNUAL,
} GsPeriod;

typedef enum
{
  GS_ATTAIN_PERIOD, /* each period against its own quota */
  GS_ATTAIN_YTD,    /* cumulative year to date against the annual quota; pays the catch-up */
} GsAttainMode;

typedef struct
{
  double from; /* basis units: attainment fraction, or minor units */
  double to;   /* INFINITY when open-ended */
  double rate; /* ≥ 0 */
} GsBand;

typedef struct
{
  GsTableKind kind;
  GsTableBasis basis;
  GsBand *bands; /* flat: one band [0, ∞) */
  guint n_bands;
} GsRateTable;

typedef struct
{
  double above;      /* attainment, ≥ 1 */
  double multiplier; /* applied to the table's rate above the threshold */
} GsAccelTier;

typedef struct
{
  gboolean present;
  double below;      /* attainment threshold, (0, 1] */
  double multiplier; /* [0, 1] */
  gboolean retroactive;
} GsDecelerator;

/* Where a quota the plan does not set comes from: which figure of the goal
 * sheets or the capacity plan (gs_comp_quota_default). */
typedef enum
{
  GS_QUOTA_SET,                /* set in the plan */
  GS_QUOTA_AE_QUOTA,           /* capacity.ae.quota */
  GS_QUOTA_TEAM,               /* capacity.ae.quota × AEs on the plan */
  GS_QUOTA_COMPANY_TARGET,     /* goal line shared.target */
  GS_QUOTA_MARKETING_PIPELINE, /* goal line marketing.sourced_pipeline */
  GS_QUOTA_SDR_PIPELINE,       /* sales-sourced pipeline needed ÷ SDRs */
  GS_QUOTA_MARKETING_BOOKINGS, /* goal line marketing.sourced_bookings */
  GS_QUOTA_MQLS,               /* goal line marketing.stage.<handoff> */
  GS_QUOTA_MARKETING_SQLS,     /* marketing-sourced SQLs needed */
  GS_QUOTA_SDR_CAPACITY,       /* capacity.sdr.sqls_per_month × 12 */
  GS_QUOTA_SLA,                /* agreements.acceptance_rate */
  GS_QUOTA_NONE,               /* the plan has no such figure for the role */
} GsQuotaDefault;

typedef struct
{
  gboolean present;
  GsMeasure measure;
  double min_attainment;
  gboolean quota_set; /* FALSE: the role's quota for the measure, filled when resolved */
  double quota;       /* annual quota of the gate measure, per person (measure units) */
} GsGate;

typedef struct
{
  gboolean present;
  gboolean of_target; /* written as a multiple of the target incentive */
  double multiple;
  GsMoney amount; /* resolved: annual, per person */
} GsCap;

typedef struct
{
  char *id;
  char *name;
  GsMeasure measure;
  double weight;                /* share of the role's target incentive */
  GsMoney target_incentive;     /* per person; Σ over components = the role's, to the cent */
  GsQuotaDefault quota_default; /* GS_QUOTA_SET when the plan sets the quota */
  double quota;                 /* annual, per person, measure units; 0 until resolved */
  GsPeriod period;
  GsAttainMode attain;
  GsRateTable table;
  GsAccelTier *tiers;
  guint n_tiers;
  GsDecelerator decel;
  GsGate gate;
  GsCap cap;
  GsBand *discount; /* discount beyond list → multiplier (rate); NULL when none */
  guint n_discount;
} GsCompComponent;

/* A role's people are a compact table: the rows in one array, every name in
 * one shared block (GsCompRole.people_names), so a copy of the model is two
 * block copies and a reference, whatever the number of people. */
typedef struct
{
  const char *name;   /* in the role's people_names */
  double quota;       /* the person's own quota for the first component, 0 when not set */
  double quota_scale; /* the person's quota ÷ the role's (1 unless overridden); when resolved */
} GsCompPerson;

/* Which won deals are SPIF events (docs/compensation.md, "SPIFs"): every
 * condition set must hold.  Without a rule a deal qualifies when the CRM
 * tags it with the SPIF's id. */
typedef struct
{
  gboolean present;   /* the SPIF has a "qualifies" rule */
  GsMoney min_amount; /* the deal's amount at least this; 0: any */
  int *sources;       /* plan source indices the deal must come from; NULL: any */
  guint n_sources;
  GsDealType deal_type;  /* new or existing business; unknown: any */
  guint min_term_months; /* 0: any */
  double max_discount;   /* at most this far below list; < 0: any */
  gboolean tagged;       /* the CRM tags the deal with the SPIF's id too */
} GsSpifRule;

typedef struct
{
  char *id;
  char *name;
  GsMoney amount; /* per qualifying event */
  GDate from;
  GDate to;
  double expected_events; /* per person over the window, for the cost at plan */
  GsSpifRule rule;
} GsSpif;

typedef struct
{
  gboolean present;
  GsMoney amount; /* guaranteed per month */
  guint months;   /* from the first month of the plan */
  gboolean recoverable;
} GsDraw;

typedef struct
{
  gboolean present;
  guint days;   /* a deal refunded or churned within this many days gives back its pay */
  double share; /* the share of that pay taken back, (0, 1]; 1 by default */
} GsClawback;

/* Where a role's headcount comes from (gs_explain_headcount_from words it). */
typedef enum
{
  GS_HEADCOUNT_CAPACITY, /* the capacity plan's start headcount plus hires */
  GS_HEADCOUNT_ONE,      /* one by default */
  GS_HEADCOUNT_PEOPLE,   /* the people listed */
  GS_HEADCOUNT_SET,      /* set in the plan */
} GsHeadcountFrom;

typedef struct
{
  char *id;
  char *name;
  GsRoleKind kind;
  guint headcount;
  GsHeadcountFrom headcount_from;
  GsMoney ote;
  double pay_mix;    /* target incentive ÷ OTE */
  double base_share; /* 1 − pay_mix: the base's share of OTE, as the pay mix shows it */
  GsMoney base;
  GsMoney target_incentive;
  GsCompComponent *components;
  guint n_components;
  GsCompPerson *people; /* NULL when the plan lists nobody: headcount identical people */
  guint n_people;
  GBytes *people_names; /* the people's names, NUL-separated; shared by copies */
  GsGate gate;          /* on the whole plan, measured on the year */
  GsCap cap;            /* on the year's commission, per person */
  GsSpif *spifs;
  guint n_spifs;
  GsDraw draw;
  GsClawback clawback;
  /* Person-years paid in the comp year: the capacity plan's on-staff
   * headcount month by month (hires from their start month, attrition) for a
   * role staffed from it, else headcount; when resolved. */
  double paid_years;
} GsCompRole;

/* When a deal counts for pay: on its close date or when its cash arrives
 * ("compensation.crediting.date"; docs/statements.md). */
typedef enum
{
  GS_CREDIT_ON_CLOSE,
  GS_CREDIT_ON_PAYMENT,
} GsCreditDate;

struct _GsCompModel
{
  gint ref_count;
  gboolean resolved; /* quotas filled from the goal sheets (gs_comp_resolve) */
  GsBoundary boundary;
  GsCreditDate credit_date;
  guint digits;
  char *currency;
  GDate start;           /* first day of the plan's first month */
  GsMoney plan_bookings; /* company bookings target over the comp year; when resolved */
  /* When resolved: the comp year's new-business target, what the plan books
   * (existing customers + what funnel and capacity carry), and the attainment
   * the plan implies for each measure (1 where the goal sheets are the quota). */
  GsMoney plan_new_business;
  GsMoney plan_delivered;
  double plan_attainment[GS_N_MEASURES];
  /* The figures those attainments are made of (the export caches them):
   * what the plan books less existing customers, against the ramped quota
   * the AEs carry (each month's AEs ramped × that month's share of the AE
   * quota); the bookings projected from marketing's sources against the
   * Marketing goals' sourced bookings. */
  GsMoney plan_carried;
  double plan_ramped_quota;
  GsMoney plan_marketing;
  GsMoney plan_marketing_goal;
  GsCompRole *roles;
  guint n_roles;
  /* The ledger's settings (docs/ledger.md): months from the month a line
   * is earned to its payment (compensation.payment.lag_months), and the
   * expected customer life commissions are amortised over
   * (compensation.expense.customer_life_months). */
  guint payment_lag_months;
  guint customer_life_months;
};

/* Decodes root["compensation"] (optional) into model->comp.  Called by
 * gs_model_decode after everything else is decoded, so it may read the funnel
 * and capacity; it computes nothing (default quotas stay unresolved). */
gboolean
gs_comp_decode_into_model (GsModel *model, JsonObject *root, GError **error);
/* The same for an edited tree: a role whose people list is the very node a
 * role of base was decoded from (base_root, a tree sharing nodes with root:
 * gs_json_copy_path), with the same first measure and currency digits,
 * takes that role's decoded people instead of reading them again.  People
 * lists deferred (gs_json_parse_deferring; NULL: none) are read from the
 * text, each person without a tree where it is a plain name and amount. */
gboolean
gs_comp_decode_into_model_sharing (GsModel *model, JsonObject *root, const GsModel *base,
                                   JsonObject *base_root, const GsJsonDeferred *deferred,
                                   GError **error);
void
gs_comp_model_free (GsCompModel *comp); /* drops a reference */
GsCompModel *
gs_comp_model_copy (const GsCompModel *comp); /* takes a reference */
GsCompModel *
gs_comp_model_dup (const GsCompModel *comp); /* a deep copy, its own reference */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCompModel, gs_comp_model_free)

const char *
gs_measure_id (GsMeasure measure); /* "own_bookings" */
const char *
gs_measure_label (GsMeasure measure); /* "Own bookings" */
GsMeasureUnit
gs_measure_unit (GsMeasure measure);
gboolean
gs_measure_from_id (const char *id, GsMeasure *out);
const char *
gs_role_kind_id (GsRoleKind kind);
gboolean
gs_role_kind_is_marketing (GsRoleKind kind);
guint
gs_period_count (GsPeriod period); /* 12, 4, 1 */

const GsCompRole *
gs_comp_find_role (const GsCompModel *comp, const char *id);

/* Which figure a default quota for a measure on a role comes from;
 * GS_QUOTA_NONE when the plan has no such figure for the role.  Decided from
 * the plan's shape alone; the value is gs_comp_default_quota's, after compute. */
GsQuotaDefault
gs_comp_quota_default (const GsModel *model, GsRoleKind kind, GsMeasure measure);

/* People on the plan: start headcount plus hires (AE or SDR capacity). */
guint
gs_comp_plan_headcount (const GsModel *model, GsRoleKind kind);

/* Numbers in messages and traces: the shortest decimal (at most 6 places),
 * "1.5"; a fraction as a percent to 4 places, "28.8462 %". */
char *
gs_trace_number (double value);
char *
gs_trace_percent (double fraction);

/* Equal but for binary noise (1e-12 relative); infinities only to themselves. */
gboolean
gs_comp_same (double a, double b);

G_END_DECLS
