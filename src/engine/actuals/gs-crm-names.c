/* gs-crm-names.c — default meanings of HubSpot's and Salesforce's names.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-names.h"
#include "gs-roster.h"

#include <string.h>

void
gs_actuals_map_set (GsMapEntry **entries, guint *n, const char *crm, const char *plan)
{
  for (guint i = 0; i < *n; i++)
    if (g_ascii_strcasecmp ((*entries)[i].crm, crm) == 0)
      {
        g_free ((*entries)[i].plan);
        (*entries)[i].plan = g_strdup (plan);
        return;
      }
  *entries = g_renew (GsMapEntry, *entries, *n + 1);
  (*entries)[*n].crm = g_strdup (crm);
  (*entries)[*n].plan = g_strdup (plan);
  (*n)++;
}

/* "Closed Won", "closedwon" and "closed_won" are one name. */
static char *
squash (const char *text)
{
  return gs_roster_key (text, 0);
}

static gboolean
in (const char *word, const char *const *list)
{
  for (guint i = 0; list[i]; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const won_names[] = { "closedwon", "won", "customer", "evangelist", NULL };
static const char *const lost_names[] = { "closedlost", "lost", NULL };
/* HubSpot's default pipeline and Salesforce's standard opportunity stages. */
static const char *const open_deal_names[] = {
  "appointmentscheduled", "qualifiedtobuy",   "presentationscheduled", "decisionmakerboughtin",
  "contractsent",         "prospecting",      "qualification",         "needsanalysis",
  "valueproposition",     "iddecisionmakers", "perceptionanalysis",    "proposalpricequote",
  "negotiationreview",    "opportunity",      "closedconverted",       NULL
};
static const char *const lead_names[]
    = { "subscriber", "lead", "newlead", "opennotcontacted", "workingcontacted", NULL };
static const char *const mql_names[] = { "marketingqualifiedlead", "mql", NULL };
static const char *const sql_names[] = { "salesqualifiedlead", "sql", NULL };

static guint
plan_stage_named (const GsModel *m, const char *word)
{
  for (guint i = 0; i < m->n_stages; i++)
    {
      g_autofree char *id = squash (m->stages[i].id);
      g_autofree char *name = squash (m->stages[i].name);
      if (strcmp (id, word) == 0 || strcmp (name, word) == 0)
        return i;
    }
  return G_MAXUINT;
}

GsCrmStage
gs_crm_stage_resolve (GsActualsData *d, const GsModel *m, GsCrmKind kind, const char *crm)
{
  const char *mapped = gs_actuals_map_lookup (d->mapping.stages, d->mapping.n_stages, crm);
  GsCrmStage r = { G_MAXUINT, FALSE };
  g_autofree char *word = NULL;
  guint deal_stage = gs_crm_canonical_stage (m, "opportunity");

  if (deal_stage == G_MAXUINT)
    deal_stage = m->n_stages - 2;
  if (mapped)
    {
      r.lost = strcmp (mapped, "lost") == 0;
      r.stage = r.lost ? deal_stage : gs_model_stage_index (m, mapped);
      return r;
    }
  word = squash (crm);
  if ((r.stage = plan_stage_named (m, word)) != G_MAXUINT)
    ;
  else if (in (word, won_names))
    r.stage = m->n_stages - 1;
  else if (in (word, lost_names))
    r.lost = TRUE, r.stage = deal_stage;
  else if (in (word, open_deal_names))
    r.stage = deal_stage;
  else if (kind == GS_CRM_LEADS && in (word, lead_names))
    r.stage = 0;
  else if (kind == GS_CRM_LEADS && in (word, mql_names))
    r.stage = gs_crm_canonical_stage (m, "mql");
  else if (kind == GS_CRM_LEADS && in (word, sql_names))
    r.stage = gs_crm_canonical_stage (m, "sql");
  if (r.stage != G_MAXUINT)
    gs_actuals_map_set (&d->mapping.stages, &d->mapping.n_stages, crm,
                        r.lost ? "lost" : m->stages[r.stage].id);
  return r;
}

static const char *const partner_words[]
    = { "partner", "partnerreferral", "channel", "reseller", NULL };
static const char *const sales_words[]
    = { "outbound", "coldcall", "sdr", "salesgenerated", "offlinesources", "prospecting", NULL };
static const char *const marketing_words[] = { "organicsearch",
                                               "paidsearch",
                                               "directtraffic",
                                               "referrals",
                                               "socialmedia",
                                               "organicsocial",
                                               "emailmarketing",
                                               "paidsocial",
                                               "othercampaigns",
                                               "web",
                                               "phoneinquiry",
                                               "advertisement",
                                               "seminar",
                                               "tradeshow",
                                               "webinar",
                                               "inbound",
                                               "aireferrals",
                                               "employeereferral",
                                               NULL };

static int
first_source_of (const GsModel *m, GsOwner owner)
{
  for (guint i = 0; i < m->n_sources; i++)
    if (m->sources[i].owner == owner)
      return (int) i;
  return -1;
}

int
gs_crm_source_resolve (GsActualsData *d, const GsModel *m, const char *crm)
{
  const char *mapped;
  g_autofree char *word = NULL;
  int found = -1;

  if (crm == NULL || *crm == '\0')
    return -1;
  mapped = gs_actuals_map_lookup (d->mapping.sources, d->mapping.n_sources, crm);
  if (mapped)
    {
      for (guint i = 0; i < m->n_sources; i++)
        if (strcmp (m->sources[i].id, mapped) == 0)
          return (int) i;
      return -1;
    }
  word = squash (crm);
  for (guint i = 0; i < m->n_sources && found < 0; i++)
    {
      g_autofree char *id = squash (m->sources[i].id);
      g_autofree char *name = squash (m->sources[i].name);
      if (strcmp (id, word) == 0 || strcmp (name, word) == 0)
        found = (int) i;
    }
  if (found < 0 && in (word, partner_words))
    found = first_source_of (m, GS_OWNER_PARTNER);
  if (found < 0 && in (word, sales_words))
    found = first_source_of (m, GS_OWNER_SALES);
  if (found < 0 && in (word, marketing_words))
    found = first_source_of (m, GS_OWNER_MARKETING);
  /* Remembered in the plan's mapping only when the CRM name fits a field
   * name there (GS_MAX_NAME): a longer one would make the saved plan refuse
   * to open.  Its rows still get the source; the next import guesses again. */
  if (found >= 0 && g_utf8_strlen (crm, -1) <= GS_MAX_NAME)
    gs_actuals_map_set (&d->mapping.sources, &d->mapping.n_sources, crm, m->sources[found].id);
  return found;
}
