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

void
gs_tracking_default_day (const GsActualsData *data, const GDate *today, GDate *out)
{
  GDate latest;
  g_date_clear (&latest, 1);
  if (data)
    {
      for (guint i = 0; i < data->n_deals; i++)
        {
          consider (&latest, &data->deals[i].created);
          if (data->deals[i].status != GS_DEAL_OPEN)
            consider (&latest, &data->deals[i].closed);
        }
      for (guint i = 0; i < data->n_leads; i++)
        for (guint k = 0; k < data->n_stages; k++)
          consider (&latest, &data->leads[i].reached[k]);
    }
  *out = g_date_valid (&latest) ? latest : *today;
}
