/* gs-result.h — every figure derived from a plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gs_compute() is a pure function of a GsModel.  Monthly series cover the
 * months *before* the plan starts too (volume needed earlier because of the
 * stage lags): index i of a series is plan month i - n_pre, so month 0 of the
 * plan is index n_pre.  Counts are whole (rounded up, see docs/rounding.md),
 * money is in minor units.
 */
#pragma once

#include "gs-direction.h"
#include "gs-model.h"

G_BEGIN_DECLS

typedef enum
{
  GS_SIDE_MARKETING,
  GS_SIDE_SHARED,
  GS_SIDE_SALES,
} GsSide;

typedef enum
{
  GS_UNIT_COUNT,   /* amount holds a whole count */
  GS_UNIT_MONEY,   /* amount holds minor units */
  GS_UNIT_PERCENT, /* value holds a fraction, 0.25 = 25 % */
  GS_UNIT_DAYS,    /* value */
  GS_UNIT_NUMBER,  /* value, e.g. expected headcount 6.7 */
  GS_UNIT_MULTIPLE, /* value, a ratio read as "× the target": 2.4 */
} GsUnit;

/* How a figure was derived: the kind of step and its figures, never text.
 * src/engine/text/gs-explain.h turns it into a translated sentence;
 * docs/derivations.md lists each kind with its figures. */
typedef enum
{
  GS_DERIVATION_NONE,           /* nothing to explain (the before cell of a non-sum line) */
  GS_DERIVATION_NOT_IN_PLAN,    /* a month before the plan starts: no figure */
  GS_DERIVATION_SUM_OF_SOURCES, /* a stage's volume: one part per contributing source */
  GS_DERIVATION_DIVIDE_BY_DEAL, /* part: a source's wins = its target share ÷ deal size */
  GS_DERIVATION_DIVIDE_BY_RATE, /* part: next stage's volume ÷ the step's rate, shifted by the lag
                                 */
  GS_DERIVATION_SUM_OF_MONTHS,  /* a quarter or the plan: the sum of its months */
  GS_DERIVATION_BEFORE_PLAN,    /* the sum of the months before the plan starts */
  GS_DERIVATION_TIMES_DEAL,     /* money = a stage's volume × deal size */
  GS_DERIVATION_BUDGET,         /* the sum of the marketing sources' spend (parts) */
  GS_DERIVATION_TIMES_COST,     /* part: a source's entry volume × cost per lead */
  GS_DERIVATION_COST_PER_UNIT,  /* budget ÷ the hand-off stage's volume */
  GS_DERIVATION_SPLIT_BY_SEASONALITY, /* a month's target: the year split by weight */
  GS_DERIVATION_CAPACITY_CAP,         /* plan = existing + min (projected + backlog, AE capacity) */
  GS_DERIVATION_GAP,                  /* plan − target */
  GS_DERIVATION_SUM_OF_LAGS,          /* the sales cycle: one part per step */
  GS_DERIVATION_LAG,                  /* part: one step's lag in days */
  GS_DERIVATION_AE_CAPACITY,          /* ramped AEs × quota ÷ 12 × attainment */
  GS_DERIVATION_AE_HEADCOUNT,         /* hired to date, on staff after attrition, ramped */
  GS_DERIVATION_AVERAGE,              /* the average of the months of a quarter or the plan */
  GS_DERIVATION_MONTHLY_QUOTA,        /* annual quota ÷ 12 */
  GS_DERIVATION_QUOTA_OVER_SPAN,      /* months × the monthly quota */
  GS_DERIVATION_COVERAGE,             /* AE capacity ÷ new-business target */
  GS_DERIVATION_SDR_CAPACITY,         /* productive SDRs × meetings each, against SQLs needed */
  GS_DERIVATION_AFTER_PLAN, /* the after cell: plan months' volume for bookings after the plan */
  GS_DERIVATION_QUOTA_ASSIGNMENT,   /* quota assigned (ramped AEs × quota) ÷ new-business target */
  GS_DERIVATION_PIPELINE_COVERAGE,  /* pipeline open at the period's start ÷ its new-business
                                     * target, against 1 ÷ win rate */
  GS_DERIVATION_PART_OF_SUM, /* part of a SUM_OF_MONTHS: one quarter of the plan, one month of a
                              * quarter, or one source's share over the plan ("sum") */
} GsDerivationKind;

#define GS_DERIVATION_MAX_FIGURES 6

/* One number of a derivation, named for the JSON output and the text module. */
typedef struct
{
  const char *name; /* static: "rate", "deal_size", "next" (docs/derivations.md) */
  GsUnit unit;
  gint64 amount; /* COUNT and MONEY */
  double value;  /* every unit; for COUNT and MONEY the same as amount */
} GsQuantity;

typedef struct _GsDerivation GsDerivation;
struct _GsDerivation
{
  GsDerivationKind kind;
  int source;       /* source index, or -1 */
  int stage;        /* stage index the step is about, or -1 */
  int month;        /* month index into the result's months (n_pre based), or -1 */
  int quarter;      /* quarter index, or -1; month and quarter both -1: the whole plan */
  const char *input_path; /* the plan input that drives this step most directly, or NULL;
                           * the result's (as are the parts) */
  guint n_figures;
  GsQuantity figures[GS_DERIVATION_MAX_FIGURES]; /* only the first n_figures are set */
  guint n_parts; /* SUM_OF_SOURCES, BUDGET, SUM_OF_LAGS; SUM_OF_MONTHS: its breakdown */
  GsDerivation *parts;
};

/* The figure called name, or NULL. */
const GsQuantity *
gs_derivation_figure (const GsDerivation *d, const char *name);

typedef struct
{
  gint64 amount; /* COUNT and MONEY */
  double value;  /* PERCENT, DAYS, NUMBER; for COUNT and MONEY the same as amount */
  GsDerivation derivation;
} GsCell;

typedef enum
{
  GS_LINE_STAGE,            /* a stage's volume (stage) */
  GS_LINE_FOLLOWUP,         /* the hand-off stage's volume sales follows up within the SLA */
  GS_LINE_SOURCED_PIPELINE, /* marketing-sourced pipeline */
  GS_LINE_SOURCED_BOOKINGS, /* marketing-sourced bookings */
  GS_LINE_BUDGET,
  GS_LINE_COST_PER_HANDOFF, /* budget per hand-off stage volume (stage) */
  GS_LINE_TARGET,
  GS_LINE_PLAN,
  GS_LINE_GAP,
  GS_LINE_PIPELINE,
  GS_LINE_BOOKINGS, /* new-business bookings needed */
  GS_LINE_CYCLE,
  GS_LINE_AE_CAPACITY,
  GS_LINE_AE_HEADCOUNT,
  GS_LINE_QUOTA,
  GS_LINE_COVERAGE,
  GS_LINE_SDR_CAPACITY,
  GS_LINE_QUOTA_ASSIGNMENT, /* quota over-assignment: quota assigned ÷ new-business target */
  GS_LINE_PIPELINE_COVERAGE, /* pipeline open at the start ÷ the period's new-business target */
} GsLineKind;

typedef struct
{
  char   *id;         /* stable: "marketing.mql", "sales.wins", "shared.pipeline" */
  GsLineKind kind;    /* names the line (gs_explain_line_name) */
  int stage;          /* STAGE, FOLLOWUP, COST_PER_HANDOFF: the stage index; else -1 */
  char   *input_path; /* the plan input that drives it most directly, or NULL */
  GsSide  side;
  GsUnit  unit;
  GsDirection direction; /* whether more of it is good news (gs-direction.h) */
  GsCell *months;     /* n_pre + horizon cells */
  GsCell *quarters;   /* n_quarters cells, plan months grouped by fiscal quarter */
  GsCell  total;      /* over the plan horizon (months before the plan are reported apart) */
  GsCell  before;     /* sum over the months before the plan starts (counts/money) */
  GsCell  after;      /* of the plan months' figures, the part that feeds bookings after the
                       * plan (the continuation, docs/derivations.md); 0 on other lines */
} GsGoalLine;

typedef enum
{
  GS_LEVER_LEADS,    /* more planned volume at every source's entry stage */
  GS_LEVER_RATE,     /* a better conversion rate at one step */
  GS_LEVER_DEAL,     /* a larger average deal */
  GS_LEVER_AES,      /* more AEs hired in a given month */
  /* Not the gap: a goal the VPs negotiate outside its usual range. */
  GS_LEVER_QUOTA_ASSIGNMENT,  /* the AE quota that brings over-assignment into 110–120 % */
  GS_LEVER_PIPELINE_COVERAGE, /* the pipeline a quarter must start with: 1 ÷ the win rate */
} GsLeverKind;

typedef struct
{
  GsLeverKind kind;
  guint       step;      /* RATE: step index; AES: hire month */
  gboolean    feasible;  /* FALSE when this lever alone cannot close the gap */
  double      from;      /* current value: volume, rate, deal (minor units), AEs */
  double      to;        /* value that closes the gap */
  double shown;          /* what a summary shows: LEADS the extra volume (whole), RATE the
                          * rate rounded up to 0.1 %, DEAL the deal (minor units), AES the
                          * extra AEs */
  double scale;          /* LEADS, RATE, DEAL: the factor found on the current value */
  int stage;             /* LEADS: the stage the volume enters at (its name counts it);
                          * PIPELINE_COVERAGE: how many quarters start short */
  /* QUOTA_ASSIGNMENT: from the quota, to the quota that assigns the nearer
   * edge of 110–120 %, shown it in whole currency units (rounded into the
   * range), scale the over-assignment now.  PIPELINE_COVERAGE: step the
   * first quarter that starts short, from the pipeline open at its start,
   * to what covers its new-business target 1 ÷ win rate times, shown the
   * extra pipeline (whole currency units, up), scale the coverage now,
   * reach that quarter's new-business target. */
  GsMoney reach; /* AES: the plan with the extra AEs; infeasible RATE: the most it can reach */
  char       *input_path; /* in words: gs_explain_lever and gs_explain_lever_why */
} GsLever;

typedef struct
{
  guint horizon;
  guint n_pre;       /* months before the plan with volume needed */
  guint n_months;    /* n_pre + horizon */
  guint n_stages;
  guint n_sources;
  guint n_quarters;
  guint n_post;      /* months after the plan whose bookings need volume in the plan */
  char **month_labels;   /* n_months: "FY28 Q1 / Feb" */
  char **quarter_labels; /* n_quarters: "FY28 Q1" */
  GsMonth *months;       /* n_months + n_post: each month by the calendar
                          * (gs_explain_month_label); the last n_post are after the plan */
  GsMonth *quarters;     /* n_quarters: the first plan month of each fiscal quarter */

  /* Targets (plan months only). */
  GsMoney  target_total;        /* the company target over the horizon */
  GsMoney  target_existing;     /* from existing customers, not the funnel */
  GsMoney  target_new_business; /* what the funnel must deliver */
  GsMoney *target_month;        /* horizon: total target by month */
  GsMoney *new_business_month;  /* horizon */
  /* The continuation: the new-business target of the n_post months after the
   * plan (company.target.after_plan_growth), and volume the reverse funnel
   * places after the plan for them, [source][stage][n_post] (for the
   * derivations of the plan's last months only). */
  GsMoney *new_business_after;
  GsMoney *source_after; /* [source][n_post]: new_business_after by source */
  gint64  *needed_post;

  /* Each plan month's new-business target split across sources by share
   * (largest remainder), [source][plan month]. */
  GsMoney *source_target;
  /* Reverse funnel: volume needed, [source][stage][month index]. */
  gint64 *needed;
  /* Forward funnel: expected volume from planned leads, same shape. */
  double *projected;
  GsMoney *projected_bookings; /* horizon */

  /* Capacity (plan months). */
  double  *ae_headcount;    /* expected AEs on staff, after attrition */
  double  *ae_ramped;       /* fully-ramped equivalents */
  gint64  *ae_hired;        /* start headcount plus hires to date */
  GsMoney *ae_capacity;     /* bookings the AEs can carry */
  double  *sdr_capacity;    /* SQLs (meetings) SDRs can produce */
  gint64  *sqls_needed;     /* at the stage after hand-off, all sources */

  /* The plan: what funnel and capacity deliver, month by month. */
  GsMoney *plan_month;      /* existing + min(projected + backlog in, capacity) */
  GsMoney *backlog_month;   /* won but not yet carried: into the next month, after the decay;
                               the last month's falls past the horizon (gs-backlog.h) */
  GsMoney  plan_total;
  GsMoney  gap;             /* plan_total - target_total; negative = short */
  double   gap_fraction;    /* gap / target_total */
  GsMoney  budget_total;    /* marketing budget needed (marketing-owned sources) */
  double   cycle_days;      /* sum of the stage lags */

  GsLever *levers;
  guint    n_levers;

  GPtrArray *lines; /* of GsGoalLine*, marketing, then shared, then sales */
  /* What the lines' derivations point to: their parts (an arena, freed with
   * the result, gs-arena.h) and their input paths. */
  struct _GsArena *arena;
  GStringChunk *strings;

  /* Figures the floors above read instead of deriving them (charts, export,
   * the Monte Carlo); docs/derivations.md, "Results for the floors above". */
  guint   *stage_offsets;  /* n_stages: whole months from stage k to the win (k = last: 0) */
  double  *entry_volumes;  /* [source][month index]: volume entering each source's entry stage,
                              planned where given, else needed; what the forward funnel runs on */
  GsMoney *owner_bookings; /* [owner][plan month], GS_N_OWNERS × horizon: projected bookings by
                              who sourced them; Σ owners = projected_bookings to the minor unit */
  GsMoney  owner_total[GS_N_OWNERS]; /* over the horizon */
  double   owner_share[GS_N_OWNERS]; /* owner_total ÷ Σ owner_total (0 when nothing is projected) */
  double  *sdr_productive; /* horizon: SDRs past their ramp (start headcount + ramped hires) */
  GsMoney *existing_month; /* horizon: the target from existing customers (target − new business) */
  gint64  *stage_needed;   /* n_stages: volume each stage needs over all months, before the plan
                              too, all sources (Σ needed) */
  /* Totals over the plan's months of the monthly series above (the
   * workbook's total columns cache these; it never adds them up itself). */
  GsMoney  ae_capacity_total;   /* Σ ae_capacity */
  double   sdr_capacity_total;  /* Σ sdr_capacity */
  gint64   sqls_needed_total;   /* Σ sqls_needed */
  GsMoney  projected_total;     /* Σ projected_bookings */
  GsMoney *gap_month;           /* horizon: plan_month − target_month; Σ = gap */
  GsMoney *source_target_total; /* n_sources: Σ source_target over the plan months */
  /* The splits behind the targets as gs_money_split decided them (the
   * Targets sheet's helper rows cache these): each plan year's new business
   * and existing bookings over its months, and the new-business target to
   * date over the sources. */
  GsMoney          *target_year;          /* plan years (horizon ÷ 12, up): Σ target_month */
  GsMoney          *existing_year;        /* plan years: Σ existing_month */
  GsMoney          *new_business_year;    /* plan years: Σ new_business_month */
  double           *weight_year;          /* plan years: Σ of the seasonality weights the year's
                                           * splits ran over (its months', a weight ≤ 0 as 0) */
  GsMoneySplitPart *new_business_split;   /* horizon: the month's share of its year's */
  GsMoneySplitPart *existing_split;       /* horizon: the same for existing bookings */
  GsMoney          *new_business_to_date; /* horizon: Σ new_business_month up to the month */
  GsMoneySplitPart *source_split; /* [source][plan month]: new_business_to_date by share; the
                                     part is the source's target to date */
} GsResult;

/* The months a sum runs over: before the plan, the plan's, or both (the
 * months after the plan are never in it). */
typedef enum
{
  GS_SPAN_BEFORE,
  GS_SPAN_PLAN,
  GS_SPAN_ALL,
} GsSpan;

GsResult *gs_compute (const GsModel *model, GError **error);
void      gs_result_free (GsResult *result);

gint64  gs_result_needed (const GsResult *r, guint source, guint stage, guint month_index);
double  gs_result_projected (const GsResult *r, guint source, guint stage, guint month_index);
gint64  gs_result_needed_total (const GsResult *r, guint stage, guint month_index);
/* Volume needed (projected) at stage over span, of source, or of every
 * source when source is G_MAXUINT. */
gint64  gs_result_needed_over (const GsResult *r, guint source, guint stage, GsSpan span);
double  gs_result_projected_over (const GsResult *r, guint source, guint stage, GsSpan span);
const GsGoalLine *gs_result_line (const GsResult *r, const char *id);
/* TRUE when volume at stage in month_index feeds wins after the plan. */
gboolean gs_result_feeds_after (const GsResult *r, guint stage, guint month_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsResult, gs_result_free)

G_END_DECLS
