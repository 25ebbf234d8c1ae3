/* gs-sla.c — SLA compliance from the stage dates.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-sla.h"
#include "gs-error.h"
#include "gs-tracking.h"

#include <math.h>
#include <glib/gi18n-lib.h>

const GsSlaCount *
gs_sla_month (const GsSla *sla, guint row, guint month)
{
  return &sla->months[(gsize) row * sla->horizon + month];
}

static void
count (GsSlaCount *c, const GDate *mql, const GDate *next, const GDate *as_of, guint days)
{
  c->mqls++;
  if (g_date_valid (next) && g_date_compare (next, as_of) <= 0)
    {
      if (g_date_days_between (mql, next) <= (gint) days)
        c->within++;
      else
        c->late++;
    }
  else if (g_date_days_between (mql, as_of) <= (gint) days)
    c->waiting++;
  else
    c->missed++;
}

static void
add (GsSlaCount *to, const GsSlaCount *c)
{
  to->mqls += c->mqls;
  to->within += c->within;
  to->late += c->late;
  to->missed += c->missed;
  to->waiting += c->waiting;
}

static void
share (GsSlaCount *c)
{
  c->due = c->mqls - c->waiting;
  c->share = c->due ? (double) c->within / c->due : 0;
}

GsSla *
gs_sla_compute (const GsModel *m, const GDate *as_of, GError **error)
{
  const GsActualsData *d = m->actuals;
  GsSla *sla;

  if (d == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the plan holds no actuals yet: import a CRM export first"));
      return NULL;
    }
  sla = g_new0 (GsSla, 1);
  sla->hours = m->agreements.followup_sla_hours;
  sla->days = (guint) floor (sla->hours / 24);
  sla->from = m->handoff;
  sla->to = m->handoff + 1; /* the model refuses a hand-off at the last stage */
  sla->horizon = m->company.horizon;
  sla->n_rows = m->n_sources + 1;
  sla->months = g_new0 (GsSlaCount, (gsize) sla->n_rows * sla->horizon);
  sla->rows = g_new0 (GsSlaCount, sla->n_rows);
  for (guint i = 0; i < d->n_leads; i++)
    {
      const GsActualLead *l = &d->leads[i];
      const GDate *mql = &l->reached[sla->from];
      guint row = l->source >= 0 ? (guint) l->source : sla->n_rows - 1;
      int month;
      if (!g_date_valid (mql) || g_date_compare (mql, as_of) > 0)
        continue;
      month = gs_tracking_month_of (m, mql);
      if (month < 0)
        continue;
      count (&sla->months[(gsize) row * sla->horizon + (guint) month], mql, &l->reached[sla->to],
             as_of, sla->days);
    }
  for (guint row = 0; row < sla->n_rows; row++)
    {
      for (guint month = 0; month < sla->horizon; month++)
        {
          GsSlaCount *c = &sla->months[(gsize) row * sla->horizon + month];
          share (c);
          add (&sla->rows[row], c);
        }
      share (&sla->rows[row]);
      add (&sla->total, &sla->rows[row]);
    }
  share (&sla->total);
  return sla;
}

void
gs_sla_free (GsSla *sla)
{
  if (sla == NULL)
    return;
  g_free (sla->months);
  g_free (sla->rows);
  g_free (sla);
}
