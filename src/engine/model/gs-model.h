/* gs-model.h — the plan decoded into plain C, checked and ready to compute.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GsModel is an immutable snapshot: GsPlan (the editable document, a JSON
 * tree) decodes one after every edit, and every derivation reads only this.
 * Decoding is validation: a plan that decodes is a plan the engine can
 * compute, and every refusal names the field path.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-json.h"
#include "gs-money.h"

G_BEGIN_DECLS

#define GS_FORMAT_NAME "goalsheet"
#define GS_FORMAT_MAJOR 1
#define GS_FORMAT_MINOR 0
#define GS_MAX_HORIZON 36
#define GS_MAX_STAGES 12
#define GS_MAX_SOURCES 100 /* arrays are sources × stages × months */
#define GS_MAX_HIRES 1000
/* Every list and text of a plan is bounded, so memory and time are too
 * (docs/plan-format.md, "Limits"); checked while decoding, naming the field. */
#define GS_MAX_RAMP 120      /* capacity.ae.ramp months */
#define GS_MAX_SIGNOFFS 20   /* agreements.signoffs */
#define GS_MAX_ROLES 50      /* compensation.roles */
#define GS_MAX_COMPONENTS 20 /* a role's components */
#define GS_MAX_BANDS 100     /* a rate table's bands, accelerators, discount bands */
#define GS_MAX_SPIFS 100     /* a role's SPIFs */
#define GS_MAX_PEOPLE 10000  /* a role's people */
#define GS_MAX_SCENARIOS 100 /* scenarios */
#define GS_MAX_OVERRIDES 200 /* a scenario's overrides */
#define GS_MAX_DEALS 150000  /* actuals.deals: room for a CRM of 100,000 (issue 11) */
#define GS_MAX_LEADS 150000  /* actuals.leads */
#define GS_MAX_ROSTER 10000  /* actuals.people, as many as a role's people */
#define GS_MAX_NAME 200      /* characters of a name or id (and of a field name) */
#define GS_MAX_TEXT 10000    /* characters of any other text; Excel's cell holds 32,767 */
#define GS_MAX_FILE_SIZE (64 * 1024 * 1024) /* read no further (gs-read.h) */
#define GS_DAYS_PER_MONTH 30.4375           /* 365.25 / 12 */

typedef enum
{
  GS_TARGET_GROWTH,   /* prior-year bookings × (1 + growth) */
  GS_TARGET_ABSOLUTE, /* a set amount per plan year */
} GsTargetMode;

typedef enum
{
  GS_OWNER_MARKETING,
  GS_OWNER_SALES,
  GS_OWNER_PARTNER,
} GsOwner;
#define GS_N_OWNERS 3

typedef struct
{
  char *id;   /* stable slug used by references (sources[].entry_stage) */
  char *name; /* what people call it: "MQL" */
} GsStage;

typedef struct
{
  double rate;     /* share of stage i that reaches stage i+1, (0, 1] */
  double lag_days; /* days from stage i to stage i+1 */
} GsStep;

typedef struct
{
  char *id;
  char *name;
  GsOwner owner;
  double share;          /* share of the new-business target, [0, 1]; all sum to 1 */
  GsMoney cost_per_lead; /* cost per volume unit entering at entry_stage */
  guint entry_stage;     /* index of the stage where this source's volume enters */
  double *rates;         /* n_steps resolved rates (the source's own or the funnel's) */
  gboolean *rate_is_own; /* n_steps: TRUE where the source overrides the funnel */
  double *planned;       /* horizon planned volumes at entry_stage, or NULL */
} GsSource;

typedef struct
{
  guint month; /* plan month index, 0-based */
  guint count;
} GsHire;

typedef struct
{
  char *role; /* "vp_marketing", "vp_sales", "ceo" */
  char *name;
  GDate date;
  gboolean signed_off;
  char *fingerprint; /* of the inputs signed (gs-fingerprint.h), or NULL: signed before
                      * fingerprints were recorded, so nothing to compare */
  gboolean changed;  /* signed, and the inputs are no longer those signed */
} GsSignoff;

typedef struct
{
  char *name;
  char *currency;
  guint digits;
  guint start_year;  /* calendar year and month of plan month 0 */
  guint start_month; /* 1..12 */
  guint fiscal_year_start_month;
  guint horizon;
  GsMoney prior_bookings;
  GsTargetMode target_mode;
  double growth;
  GsMoney target_amount;
  double after_plan_growth;       /* each year after the plan over the year before (continuation) */
  gboolean after_plan_growth_set; /* FALSE: the default (growth, or 0 for an absolute target) */
  GsMoney existing_bookings;      /* expansion and renewal per year, not from the funnel */
  double seasonality[12];         /* weights per fiscal month position (plan month % 12) */
} GsCompany;

typedef struct
{
  guint start_headcount;
  GsHire *hires;
  guint n_hires;
  GsMoney quota; /* annual quota of a fully ramped AE */
  double *ramp;  /* productivity by month since hire; 1.0 after the list */
  guint n_ramp;
  double attainment;    /* expected attainment of quota, (0, 2] */
  double attrition;     /* monthly share of AEs who leave, [0, 1) */
  double backlog_decay; /* monthly share of the capacity backlog lost, [0, 1] */
} GsAeCapacity;

typedef struct
{
  guint start_headcount;
  GsHire *hires;
  guint n_hires;
  double sqls_per_month; /* meetings (SQLs) one SDR produces a month */
  guint ramp_months;     /* months before a new SDR is productive */
} GsSdrCapacity;

typedef struct
{
  char *mql_definition;
  char *sql_definition;
  double lead_score_threshold;
  double followup_sla_hours;
  double acceptance_rate; /* share of MQLs sales commits to accept or reject within SLA */
  GsSignoff *signoffs;
  guint n_signoffs;
  /* Of the plan's inputs as decoded: what signing now agrees to.  Computed
   * while decoding only when a sign-off holds one (for changed); else NULL
   * until gs_model_fingerprint asks (hashing every person costs an edit
   * more than the rest of it). */
  char *fingerprint;
} GsAgreements;

typedef struct _GsCompModel GsCompModel;     /* gs-comp.h */
typedef struct _GsActualsData GsActualsData;   /* gs-actuals-data.h */
typedef struct _GsActualsStore GsActualsStore; /* gs-actuals-store.h */

typedef struct
{
  GsCompany company;
  GsStage *stages;
  guint n_stages;
  GsStep *steps; /* n_stages - 1 */
  GsMoney deal_size;
  guint handoff; /* last stage on marketing's sheet (MQL); later stages are sales' */
  GsSource *sources;
  guint n_sources;
  GsAeCapacity ae;
  GsSdrCapacity sdr;
  GsAgreements agreements;
  GsCompModel *comp;        /* NULL when the plan has no compensation section */
  GsActualsData *actuals;   /* NULL when the plan has no actuals section (format 1.1) */
  JsonNode *tree;           /* the tree decoded (a reference), for gs_model_fingerprint */
  GsJsonDeferred *deferred; /* the lists tree holds as null (a reference), or NULL */
} GsModel;

GsModel *
gs_model_decode (JsonNode *root, GError **error);
/* gs_model_decode for a tree that shares nodes with base_root, the tree base
 * was decoded from (an edit's gs_json_copy_path, a scenario's copy): what
 * it shares is not read again.  Texts are checked only where the trees
 * differ; a role's people list shared with base takes base's decoded people
 * (gs_comp_decode_into_model_sharing); a shared "actuals" node, where the
 * stage ids, source ids and currency digits are base's too, takes a copy of
 * base's actuals.  The model is the one gs_model_decode gives for root. */
GsModel *
gs_model_decode_sharing (JsonNode *root, const GsModel *base, JsonNode *base_root, GError **error);
/* gs_model_decode for a tree read by gs_json_parse_deferring with the
 * actuals' deals and leads and the roles' people deferred
 * (gs_model_deferred_lists): those are decoded element by element from
 * deferred (NULL: from the tree), which the model keeps (a reference) for
 * its fingerprint. */
GsModel *
gs_model_decode_deferred (JsonNode *root, GsJsonDeferred *deferred, GError **error);
/* gs_model_decode_sharing for a tree whose lists may still be deferred
 * (deferred, or NULL) and whose actuals' deals and leads may be null in
 * the tree and held by store (gs-actuals-store.h; NULL: none). */
GsModel *
gs_model_decode_store (JsonNode *root, const GsModel *base, JsonNode *base_root,
                       GsJsonDeferred *deferred, const GsActualsStore *store, GError **error);
/* The lists a plan's reader may defer: "actuals.deals*", "actuals.leads*" (these
 * two may be written as rows, gs-json-rows.h),
 * "compensation.roles[].people", NULL. */
extern const char *const gs_model_deferred_lists[];
void
gs_model_free (GsModel *model);
/* A copy to read or to change outside its actuals' records, which it shares
 * with model when model's are a store's (gs_actuals_data_copy_sharing). */
GsModel *
gs_model_copy (const GsModel *model);
/* The plan's fingerprint (gs-fingerprint.h), computed on the first call
 * when decoding did not need it. */
const char *
gs_model_fingerprint (const GsModel *model);

guint
gs_model_stage_index (const GsModel *model, const char *id); /* G_MAXUINT if none */
guint
gs_model_n_steps (const GsModel *model);

/* Where a plan month sits in the calendar; the text module names it
 * ("FY27 Q1 / Feb", gs-explain.h).  The fiscal year is named by the calendar
 * year in which it ends. */
typedef struct
{
  int index;            /* plan month, negative before the plan starts */
  guint year;           /* calendar year */
  guint month;          /* calendar month, 1..12 */
  guint fiscal_year;    /* e.g. 2027 */
  guint fiscal_quarter; /* 1..4 */
} GsMonth;

GsMonth
gs_model_month (const GsModel *model, int month);

/* A month's label by the fiscal calendar, in English and locale-free for
 * JSON: "FY27 Q1 / Feb".  month may be negative (before the plan starts).
 * Text for people: gs_explain_plan_month_label (gs-explain.h). */
char *
gs_model_month_label (const GsModel *model, int month);
int
gs_model_fiscal_quarter (const GsModel *model, int month); /* 0-based quarter of the plan */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsModel, gs_model_free)

G_END_DECLS
