/* gs-actuals-data.h — the plan's "actuals" section: what the CRM says happened.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decoded with the rest of the plan (format 1.1, docs/plan-format.md) so a
 * plan with broken actuals is refused with the field path like any other.
 * Records are already mapped to the plan's stages, sources and people; the
 * CRM's own names are kept beside them so a corrected mapping can be shown.
 * Importing and tracking live a floor higher, in src/engine/actuals.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-model.h"

G_BEGIN_DECLS

#define GS_FORMAT_MINOR_ACTUALS 1  /* the minor version that added "actuals" */
#define GS_FORMAT_MINOR_DISPUTES 2 /* the minor version that added "actuals.disputes" */
/* the minor version that added a deal's discount, term, type and SPIF tags,
 * a SPIF's "qualifies" and a clawback's "share" */
#define GS_FORMAT_MINOR_DEAL_TERMS 3
/* the minor version that writes a long list of deals as rows
 * (docs/plan-format.md, "The actuals as rows"): from this many deals */
#define GS_FORMAT_MINOR_ROWS 4
#define GS_ACTUALS_ROWS_MIN 1000
#define GS_MAX_DISPUTES 10000     /* actuals.disputes */
#define GS_MAX_DEAL_CREDITS 32    /* splits, and overlays, on one deal */
#define GS_MAX_OVERLAY_SHARE 10.0 /* an overlay's share: up to 1,000 % of the deal */
#define GS_MAX_DEAL_SPIFS 32      /* SPIF tags on one deal */
#define GS_MAX_TERM_MONTHS 600    /* a deal's contract term */

typedef enum
{
  GS_DEAL_OPEN,
  GS_DEAL_WON,
  GS_DEAL_LOST,
} GsDealStatus;

/* New business (a new logo) or more from an existing customer (renewal,
 * upsell, expansion); unknown when the CRM does not say. */
typedef enum
{
  GS_DEAL_TYPE_UNKNOWN,
  GS_DEAL_TYPE_NEW,
  GS_DEAL_TYPE_EXISTING,
} GsDealType;

typedef enum
{
  GS_DATE_ORDER_AUTO, /* decided per file; a file where every date fits both is refused */
  GS_DATE_ORDER_DMY,  /* 03/04/2027 is 3 April */
  GS_DATE_ORDER_MDY,  /* 03/04/2027 is 4 March */
} GsDateOrder;

typedef struct
{
  char *id;      /* slug of the name, unique */
  char *name;    /* as the CRM wrote it */
  char *email;   /* or NULL */
  char *role;    /* a role id: "ae" unless the mapping says otherwise */
  GsMoney quota; /* annual; 0 = the role's (capacity.ae.quota for AEs) */
} GsPerson;

/* One person's credit on a deal (docs/statements.md, "Crediting"). */
typedef struct
{
  int person;   /* index into actuals.people */
  double share; /* a fraction of the deal's amount: 0.85 = 85 % */
} GsDealCredit;

/* The members are in an order that leaves no padding between them (136
 * bytes on 64-bit systems, not 160): 100,000 deals are an array of 13 MiB,
 * and every byte of it is memory the kernel must clear before a plan's
 * deals are read into it (docs/plan-format.md, "The actuals as rows"). */
typedef struct
{
  char *id;         /* the CRM's record id: re-imports update by it */
  char *name;       /* or NULL */
  char *crm_stage;  /* the CRM's stage name */
  char *crm_source; /* or NULL */
  GsMoney amount;   /* minor units of the plan's currency */
  int owner;        /* person index, or -1 */
  guint stage;      /* the plan stage the deal has reached */
  int source;       /* plan source index, or -1 when the CRM's source maps to none */
  GsDealStatus status;
  GDate created;
  GDate closed;   /* invalid when the deal has no close date */
  GDate paid;     /* cash received; invalid when not (yet) paid */
  GDate refunded; /* refunded or churned; invalid when not */
  /* Crediting (format 1.1, optional; docs/statements.md).  Revenue splits
   * share the amount and total exactly 1 (checked when decoded); with none
   * the owner has all of it.  Overlays add credit without reducing anyone's. */
  GsDealCredit *splits;
  GsDealCredit *overlays;
  guint n_splits;
  guint n_overlays;
  /* Pay terms (format 1.3, optional; docs/statements.md): what the discount
   * modifier and SPIF rules read. */
  double discount;   /* beyond list price, a fraction 0–1; < 0 when not known */
  guint term_months; /* contract term in months; 0 when not known */
  GsDealType type;
  char **spifs; /* SPIF ids the CRM flags the deal for (NULL-terminated), or NULL */
} GsActualDeal;

typedef struct
{
  char *id;
  int owner;  /* person index, or -1 */
  int source; /* plan source index, or -1 */
  char *crm_source;
  GDate *reached; /* n_stages: the date the lead reached each stage; invalid where it did not */
} GsActualLead;

/* One line of a mapping: the CRM's name on the left, the plan's id (or, for
 * columns, the CRM header) on the right. */
typedef struct
{
  char *crm;
  char *plan;
} GsMapEntry;

typedef struct
{
  GsMapEntry *stages; /* CRM stage → plan stage id, or "lost" */
  guint n_stages;
  GsMapEntry *sources; /* CRM source → plan source id */
  guint n_sources;
  GsMapEntry *columns; /* field ("amount", "stage", …) → the CRM header that holds it */
  guint n_columns;
  GsDateOrder date_order;
  char *owner_role; /* role new owners are put on */
} GsActualsMapping;

/* The line of a statement a dispute note is on: a deal's credit, or one of
 * its pay lines (the kinds of gs-statement.h, in the same order). */
typedef enum
{
  GS_DISPUTE_CREDIT,
  GS_DISPUTE_COMMISSION,
  GS_DISPUTE_TRUE_UP,
  GS_DISPUTE_SPIF,
  GS_DISPUTE_DRAW,
  GS_DISPUTE_DRAW_RECOVERY,
  GS_DISPUTE_CLAWBACK,
} GsDisputeLine;

/* A person's note on a line of their statement (format 1.2, optional;
 * docs/statements.md, "Dispute notes"). */
typedef struct
{
  int person;         /* index into actuals.people */
  char *period;       /* the statement's period as written: "2027-03" or "FY27 Q1" */
  char *deal;         /* the deal's id; NULL for a draw line */
  GsDisputeLine line; /* which line of the deal (or the period's draw line) */
  char *text;
  char *author; /* or NULL */
  GDate date;   /* the day the note was written */
  gboolean resolved;
} GsDispute;

struct _GsActualsData
{
  GsActualsMapping mapping;
  GsPerson *people;
  guint n_people;
  GsActualDeal *deals;
  guint n_deals;
  GsActualLead *leads;
  guint n_leads;
  guint n_stages; /* of the plan: the length of every lead's reached[] */
  GsDispute *disputes;
  guint n_disputes;
  /* When set, deals and leads are this store's records, shared and never
   * changed (a plan's model reads them so, gs-actuals-store.h): not freed
   * here; the store is unreferenced instead.  A copy never shares. */
  GsActualsStore *records_of;
  /* Deals decoded from rows (docs/plan-format.md, "The actuals as rows")
   * point their id, name, CRM stage and CRM source into this one block
   * instead of owning copies (NULL: every text is the deal's own).  Freed
   * with the deals; whoever takes the deals takes it too.  A copy's texts
   * are in a block of its own; an import's deals point into the file's
   * text, which becomes the block (gs-crm-import.c). */
  char *deal_texts;
  gsize deal_texts_size;
};

/* Decodes root's optional "actuals" into model->actuals (NULL when absent);
 * its deals and leads from deferred where it holds them (gs-json.h), or
 * copied from store (a GsActualsStore, gs-actuals-store.h; NULL: none)
 * where the tree holds null for both and the store's frame fits. */
gboolean
gs_actuals_decode_into_model (GsModel *model, JsonObject *root, const GsJsonDeferred *deferred,
                              const GsActualsStore *store, GError **error);
/* An empty section with the default mapping, for a first import. */
GsActualsData *
gs_actuals_data_new (guint n_stages);
/* A deep copy: its records are its own even where data's are a store's
 * (the deals' texts in one block, deal_texts). */
GsActualsData *
gs_actuals_data_copy (const GsActualsData *data);
/* A copy for a model that only reads it: records shared by reference when
 * data's are a store's (edits and model copies of a plan with 100,000 deals
 * then cost no copy of them), else a deep copy. */
GsActualsData *
gs_actuals_data_copy_sharing (const GsActualsData *data);
void
gs_actuals_data_free (GsActualsData *data);
/* Frees the deals and leads data owns (not a store's) and leaves none. */
void
gs_actuals_data_free_records (GsActualsData *data);
/* Frees what a deal owns (not the deal itself); deep-copies one.  Not for
 * a deal of a GsActualsData with deal_texts (its texts are the block's):
 * gs_actuals_data_free_records frees those. */
void
gs_actual_deal_clear (GsActualDeal *deal);
/* The same for a deal whose texts may point into block (size bytes, as
 * GsActualsData.deal_texts; NULL: none): those are not freed. */
void
gs_actual_deal_clear_outside (GsActualDeal *deal, const char *block, gsize size);
void
gs_actual_deal_copy_into (GsActualDeal *to, const GsActualDeal *from);
/* TRUE when both deals carry the same splits, overlays, dates and pay terms. */
gboolean
gs_actual_deal_same_credit (const GsActualDeal *a, const GsActualDeal *b);
/* Checks a deal's splits: each share in (0, 1], people once, Σ = 100 %.
 * The message names the deal. */
gboolean
gs_actual_deal_check_splits (const GsActualDeal *deal, GError **error);

/* A record's date as the plan writes it ("2027-03-01") into text; FALSE
 * (text untouched) when the date is not set. */
gboolean
gs_actuals_date_text (const GDate *date, char text[16]);

/* The mapping's value for crm, compared case-insensitively; NULL if none. */
const char *
gs_actuals_map_lookup (const GsMapEntry *entries, guint n, const char *crm);

/* The minor format version the section needs: 1 (actuals), 2 (dispute
 * notes), 3 (a deal with a discount, term, type or SPIF tags), 4 (at least
 * GS_ACTUALS_ROWS_MIN deals, written as rows). */
guint
gs_actuals_data_format_minor (const GsActualsData *data);

extern const char *const gs_deal_status_names[];  /* "open", "won", "lost", NULL */
extern const char *const gs_deal_type_names[];    /* "", "new", "existing", NULL */
extern const char *const gs_date_order_names[];   /* "auto", "dmy", "mdy", NULL */
extern const char *const gs_dispute_line_names[]; /* "credit", "commission", …, NULL */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsActualsData, gs_actuals_data_free)

G_END_DECLS
