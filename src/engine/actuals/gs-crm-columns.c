/* gs-crm-columns.c — header detection for CRM exports.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-columns.h"
#include "gs-error.h"

#include <string.h>
#include <glib/gi18n-lib.h>

const char *const gs_crm_field_names[]
    = { "id",       "name",     "owner",       "amount", "stage",   "created", "closed",
        "source",   "won",      "is_closed",   "splits", "owner_2", "split",   "paid",
        "refunded", "discount", "list_amount", "term",   "type",    "spifs",   NULL };

/* Header names by field, lower case; the first is what the message asks for. */
static const char *const known[GS_CRM_N_FIELDS][8] = {
  [GS_CRM_ID] = { "record id", "deal id", "opportunity id", "lead id", "contact id", "id", NULL },
  [GS_CRM_NAME] = { "deal name", "opportunity name", "name", NULL },
  [GS_CRM_OWNER]
  = { "deal owner", "opportunity owner", "contact owner", "lead owner", "owner", NULL },
  [GS_CRM_AMOUNT] = { "amount", NULL },
  [GS_CRM_STAGE] = { "deal stage", "stage", "lifecycle stage", "lead status", NULL },
  [GS_CRM_CREATED] = { "create date", "created date", NULL },
  [GS_CRM_CLOSED] = { "close date", NULL },
  [GS_CRM_SOURCE] = { "original source", "lead source", "source", NULL },
  [GS_CRM_WON] = { "won", NULL },
  [GS_CRM_IS_CLOSED] = { "closed", NULL },
  [GS_CRM_SPLITS] = { "splits", "revenue splits", "split owners", NULL },
  [GS_CRM_OWNER_2] = { "deal owner 2", "opportunity owner 2", "second owner", "owner 2", NULL },
  [GS_CRM_SPLIT] = { "split %", "split percent", "split", NULL },
  [GS_CRM_PAID] = { "payment date", "paid date", "date paid", NULL },
  [GS_CRM_REFUNDED] = { "refund date", "churn date", "refunded date", "churned date", NULL },
  [GS_CRM_DISCOUNT] = { "discount", "discount %", "discount (%)", "discount percent",
                        "discount percentage", "deal discount", NULL },
  [GS_CRM_LIST] = { "list price", "list amount", "amount at list", "list price amount",
                    "total list price", NULL },
  [GS_CRM_TERM] = { "term (months)", "contract term (months)", "contract term", "term",
                    "term months", "contract length (months)", NULL },
  [GS_CRM_TYPE] = { "deal type", "type", "opportunity type", NULL },
  [GS_CRM_SPIFS] = { "spif", "spifs", "spif ids", "spif tags", NULL },
};

/* Lead and contact date columns, by the canonical stage they date. */
static const struct
{
  const char *header;
  const char *canon;
} reached_headers[] = {
  { "became a lead date", "lead" },
  { "became a marketing qualified lead date", "mql" },
  { "became a sales qualified lead date", "sql" },
  { "became an opportunity date", "opportunity" },
  { "became a customer date", "won" },
  { "converted date", "opportunity" },
};

static const char *const hubspot_marks[]
    = { "record id", "deal id", "deal stage", "lifecycle stage", "original source", NULL };
static const char *const salesforce_marks[]
    = { "opportunity id", "lead id", "lead status", "opportunity owner", NULL };

guint
gs_crm_canonical_stage (const GsModel *m, const char *canon)
{
  guint i = gs_model_stage_index (m, canon);
  if (i != G_MAXUINT)
    return i;
  for (i = 0; i < m->n_stages; i++)
    if (g_ascii_strcasecmp (m->stages[i].name, canon) == 0)
      return i;
  if (strcmp (canon, "lead") == 0)
    return 0;
  if (strcmp (canon, "won") == 0)
    return m->n_stages - 1;
  if (strcmp (canon, "opportunity") == 0)
    for (i = 0; i < m->n_stages; i++)
      if (g_str_has_prefix (m->stages[i].id, "opp"))
        return i;
  return G_MAXUINT;
}

static int
find_header (char **header, const char *name)
{
  for (int i = 0; header[i]; i++)
    if (g_ascii_strcasecmp (header[i], name) == 0)
      return i;
  return -1;
}

static gboolean
has_any (char **header, const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    if (find_header (header, names[i]) >= 0)
      return TRUE;
  return FALSE;
}

static const char *const required_deals[] = { "id", "amount", "stage", "created", NULL };
static const char *const required_leads[] = { "id", "created", NULL };

gboolean
gs_crm_columns_detect (GsCrmColumns *out, GsCrmKind kind, char **header, const GsModel *m,
                       const GsActualsMapping *mapping, GError **error)
{
  const char *const *required = kind == GS_CRM_DEALS ? required_deals : required_leads;

  memset (out, 0, sizeof *out);
  out->style = has_any (header, hubspot_marks)      ? "HubSpot"
               : has_any (header, salesforce_marks) ? "Salesforce"
                                                    : "other";
  for (guint f = 0; f < GS_CRM_N_FIELDS; f++)
    {
      out->col[f] = -1;
      for (guint k = 0; known[f][k] && out->col[f] < 0; k++)
        out->col[f] = find_header (header, known[f][k]);
    }
  out->n_stages = m->n_stages;
  out->reached = g_new (int, m->n_stages);
  for (guint s = 0; s < m->n_stages; s++)
    out->reached[s] = -1;
  if (kind == GS_CRM_LEADS)
    for (guint h = 0; h < G_N_ELEMENTS (reached_headers); h++)
      {
        guint s = gs_crm_canonical_stage (m, reached_headers[h].canon);
        int col = find_header (header, reached_headers[h].header);
        if (s != G_MAXUINT && col >= 0 && out->reached[s] < 0)
          out->reached[s] = col;
      }
  /* The mapping's word is final: "amount": "Amount (EUR)", "reached.mql": "MQL date". */
  for (guint i = 0; i < mapping->n_columns; i++)
    {
      const GsMapEntry *e = &mapping->columns[i];
      int col = find_header (header, e->plan);
      int field = -1;
      if (col < 0)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("the mapping puts “%s” in column “%s”, which the file does not have"),
                       e->crm, e->plan);
          return FALSE;
        }
      for (guint f = 0; f < GS_CRM_N_FIELDS; f++)
        if (strcmp (gs_crm_field_names[f], e->crm) == 0)
          field = f;
      if (field >= 0)
        out->col[field] = col;
      else if (g_str_has_prefix (e->crm, "reached.")
               && gs_model_stage_index (m, e->crm + 8) != G_MAXUINT)
        out->reached[gs_model_stage_index (m, e->crm + 8)] = col;
      else
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("the mapping names a field “%s” that imports do not know"), e->crm);
          return FALSE;
        }
    }
  for (guint r = 0; required[r]; r++)
    for (guint f = 0; f < GS_CRM_N_FIELDS; f++)
      if (strcmp (gs_crm_field_names[f], required[r]) == 0 && out->col[f] < 0)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("no column holds the %s field (a header like “%s”; name the column "
                          "in the mapping's columns)"),
                       gs_crm_field_names[f], known[f][0]);
          return FALSE;
        }
  return TRUE;
}

void
gs_crm_columns_clear (GsCrmColumns *cols)
{
  g_clear_pointer (&cols->reached, g_free);
}
