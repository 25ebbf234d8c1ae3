/* gs-spif-events.c — SPIF events from the actuals (gs-spif-events.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-spif-events.h"

static gboolean
tagged (const GsSpif *spif, const GsActualDeal *deal)
{
  return deal->spifs && g_strv_contains ((const char *const *) deal->spifs, spif->id);
}

gboolean
gs_spif_qualifies (const GsSpif *spif, const GsActualDeal *deal)
{
  const GsSpifRule *r = &spif->rule;
  gboolean from_source = r->n_sources == 0;

  if (deal->status != GS_DEAL_WON)
    return FALSE;
  if (!r->present)
    return tagged (spif, deal);
  if (r->tagged && !tagged (spif, deal))
    return FALSE;
  if (deal->amount < r->min_amount)
    return FALSE;
  for (guint i = 0; i < r->n_sources; i++)
    if (deal->source == r->sources[i])
      from_source = TRUE;
  if (!from_source)
    return FALSE;
  /* A condition on what the CRM did not say is not met. */
  if (r->deal_type != GS_DEAL_TYPE_UNKNOWN && deal->type != r->deal_type)
    return FALSE;
  if (r->min_term_months > 0 && deal->term_months < r->min_term_months)
    return FALSE;
  if (r->max_discount >= 0 && (deal->discount < 0 || deal->discount > r->max_discount))
    return FALSE;
  return TRUE;
}

GArray *
gs_spif_events (const GsActualsData *actuals, const GsCompRole *role, const GArray *credits)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (GsCompEvent));
  for (guint i = 0; i < credits->len; i++)
    {
      const GsCreditLine *l = &g_array_index (credits, GsCreditLine, i);
      const GsActualDeal *deal = &actuals->deals[l->deal];
      if (l->kind != GS_CREDIT_OWNER && l->kind != GS_CREDIT_SPLIT)
        continue;
      for (guint s = 0; s < role->n_spifs; s++)
        {
          const GsSpif *spif = &role->spifs[s];
          GsCompEvent e = { s, l->date, 1, deal->id };
          if (g_date_compare (&l->date, &spif->from) < 0 || g_date_compare (&l->date, &spif->to) > 0
              || !gs_spif_qualifies (spif, deal))
            continue;
          g_array_append_val (events, e);
        }
    }
  return events;
}
