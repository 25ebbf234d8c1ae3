/* gs-tracking-day.c — the latest day on which something happened.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-tracking-day.h"

static void
consider (GDate *latest, const GDate *day)
{
  if (g_date_valid (day) && (!g_date_valid (latest) || g_date_compare (day, latest) > 0))
    *latest = *day;
}

/* Any other day counts only up to this many days after the last record was
 * created: a CRM where nothing new came in for over a week is rarer than a
 * stage or close date entered ahead. */
#define AHEAD_DAYS 7

static void
consider_near (GDate *latest, const GDate *created, const GDate *day)
{
  if (g_date_valid (day) && g_date_valid (created)
      && g_date_days_between (created, day) <= AHEAD_DAYS)
    consider (latest, day);
}

void
gs_tracking_default_day (const GsActualsData *data, const GDate *today, GDate *out)
{
  GDate created, latest;
  g_date_clear (&created, 1);
  if (data)
    {
      /* A lead was created on the first day it reached a stage. */
      for (guint i = 0; i < data->n_deals; i++)
        consider (&created, &data->deals[i].created);
      for (guint i = 0; i < data->n_leads; i++)
        for (guint k = 0; k < data->n_stages; k++)
          if (g_date_valid (&data->leads[i].reached[k]))
            {
              consider (&created, &data->leads[i].reached[k]);
              break;
            }
    }
  latest = created;
  for (guint i = 0; data && i < data->n_deals; i++)
    if (data->deals[i].status != GS_DEAL_OPEN)
      consider_near (&latest, &created, &data->deals[i].closed);
  for (guint i = 0; data && i < data->n_leads; i++)
    for (guint k = 0; k < data->n_stages; k++)
      consider_near (&latest, &created, &data->leads[i].reached[k]);
  *out = g_date_valid (&latest) ? latest : *today;
}
