/* gs-tracking-day.c — the latest day the actuals hold, not after today.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-tracking-day.h"

static void
consider (GDate *latest, const GDate *day, const GDate *today)
{
  if (!g_date_valid (day) || g_date_compare (day, today) > 0)
    return;
  if (!g_date_valid (latest) || g_date_compare (day, latest) > 0)
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
          consider (&latest, &data->deals[i].created, today);
          consider (&latest, &data->deals[i].closed, today);
        }
      for (guint i = 0; i < data->n_leads; i++)
        for (guint k = 0; k < data->n_stages; k++)
          consider (&latest, &data->leads[i].reached[k], today);
    }
  *out = g_date_valid (&latest) ? latest : *today;
}
