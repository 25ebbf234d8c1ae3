/* gs-crm-columns.h — which column of a CRM export holds which field.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headers of HubSpot (deals and contacts) and Salesforce (opportunities and
 * leads) exports are known by name; the mapping's "columns" (field → header)
 * corrects or completes them.  docs/actuals.md lists the names.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

typedef enum
{
  GS_CRM_DEALS, /* HubSpot deals, Salesforce opportunities */
  GS_CRM_LEADS, /* HubSpot contacts, Salesforce leads */
} GsCrmKind;

typedef enum
{
  GS_CRM_ID,
  GS_CRM_NAME,
  GS_CRM_OWNER,
  GS_CRM_AMOUNT,
  GS_CRM_STAGE, /* deals: the deal stage; leads: lifecycle stage or lead status */
  GS_CRM_CREATED,
  GS_CRM_CLOSED,
  GS_CRM_SOURCE,
  GS_CRM_WON,       /* Salesforce's Won flag */
  GS_CRM_IS_CLOSED, /* Salesforce's Closed flag */
  GS_CRM_SPLITS,    /* "Maya Chen 85%; Omar Ali 15%" (gs-crm-splits.h) */
  GS_CRM_OWNER_2,   /* a second owner, sharing the deal by the split percent */
  GS_CRM_SPLIT,     /* the first owner's percent when there is a second owner */
  GS_CRM_PAID,      /* payment date */
  GS_CRM_REFUNDED,  /* refund or churn date */
  GS_CRM_DISCOUNT,  /* discount beyond list price: "15%" or 0.15 (gs-crm-deal-terms.h) */
  GS_CRM_LIST,      /* the list price of the deal: the discount is 1 − amount ÷ list */
  GS_CRM_TERM,      /* contract term: months or years */
  GS_CRM_TYPE,      /* new business or existing customer */
  GS_CRM_SPIFS,     /* SPIF ids or names the deal qualifies for */
  GS_CRM_N_FIELDS
} GsCrmField;

extern const char *const gs_crm_field_names[]; /* "id", "name", …: the mapping's keys */

typedef struct
{
  const char *style;        /* "HubSpot", "Salesforce" or "other" (static) */
  int col[GS_CRM_N_FIELDS]; /* column index, or -1 */
  int *reached; /* leads: per plan stage, the column of the date it was reached, or -1 */
  guint n_stages;
} GsCrmColumns;

/* Maps the header row.  Fails (GS_ERROR_INVALID) when a required field
 * (deals: id, amount, stage, created; leads: id, created) has no column, or
 * the mapping names a header the file does not have. */
gboolean
gs_crm_columns_detect (GsCrmColumns *out, GsCrmKind kind, char **header, const GsModel *model,
                       const GsActualsMapping *mapping, GError **error);
void
gs_crm_columns_clear (GsCrmColumns *cols);

/* The plan stage a CRM's canonical stage word means ("mql", "sql",
 * "opportunity", "won", "lead"), or G_MAXUINT when the plan has none. */
guint
gs_crm_canonical_stage (const GsModel *model, const char *canon);

G_END_DECLS
