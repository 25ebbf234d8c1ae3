/* gs-sla.h — SLA compliance from the stage dates: the share of MQLs that
 * sales followed up within the plan's agreed hours.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Followed up" is reaching the stage after the hand-off (funnel.handoff_stage,
 * the MQL: usually the SQL); the SLA is agreements.followup_sla_hours.  CRM
 * exports date the stages by the day, not the hour, so a lead followed up d
 * days after it became an MQL is within the SLA when d × 24 ≤ the hours
 * (with 24 hours: the same or the next day; with 4: the same day only).
 * Counted by the plan month the lead became an MQL, as of a day: an MQL not
 * followed up whose SLA has not run out by then is waiting, not missed, and
 * a follow-up dated after the day has not happened yet.  Leads only (deals
 * carry no MQL date); MQLs outside the plan's months are not counted.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

typedef struct
{
  guint mqls;    /* became an MQL in the month, by the as-of day */
  guint within;  /* followed up within the SLA */
  guint late;    /* followed up, after the SLA */
  guint missed;  /* not followed up, and the SLA is over */
  guint waiting; /* not followed up, the SLA still running on the as-of day */
  guint due;     /* mqls − waiting: those whose SLA has run out or that were followed up */
  double share;  /* within ÷ due; 0 when none is due */
} GsSlaCount;

typedef struct
{
  double hours;   /* agreements.followup_sla_hours */
  guint days;     /* whole days the SLA allows: ⌊hours ÷ 24⌋ */
  guint from, to; /* the hand-off stage and the next */
  guint horizon;
  guint n_rows;       /* plan sources + 1: the last row holds leads of no plan source */
  GsSlaCount *months; /* [row][plan month] */
  GsSlaCount *rows;   /* [row]: every month to date */
  GsSlaCount total;   /* every row */
} GsSla;

/* Fails when the plan has no actuals (GS_ERROR_INVALID). */
GsSla *
gs_sla_compute (const GsModel *model, const GDate *as_of, GError **error);
void
gs_sla_free (GsSla *sla);
const GsSlaCount *
gs_sla_month (const GsSla *sla, guint row, guint month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSla, gs_sla_free)

G_END_DECLS
