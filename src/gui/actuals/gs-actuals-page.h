/* gs-actuals-page.h — plan versus actual in the window (docs/actuals.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from the engine's tracking (gs-tracking.h), its pace
 * (gs-pace.h), its words (gs-explain-leak.h) and its P(hit) from the
 * evidence (gs-evidence.h, run in a worker thread on a copy of the plan);
 * the page formats and lays them out.  The lists are GListModels of
 * GsActualsLine, so tests read what the rows show.
 */
#pragma once

#include <adwaita.h>
#include "gs-plan.h"
#include "gs-refan.h"

G_BEGIN_DECLS

#define GS_TYPE_ACTUALS_PAGE (gs_actuals_page_get_type ())
G_DECLARE_FINAL_TYPE (GsActualsPage, gs_actuals_page, GS, ACTUALS_PAGE, GtkWidget)

typedef enum
{
  GS_ACTUALS_LIST_LEAKS,    /* per source: where it falls behind, in words */
  GS_ACTUALS_LIST_GOALS,    /* per stage to date, then bookings won */
  GS_ACTUALS_LIST_FORECAST, /* re-forecast, coverage, P(hit) */
  GS_ACTUALS_LIST_SOURCES,  /* per source and stage to date */
  GS_ACTUALS_LIST_PEOPLE,   /* per person: bookings against quota to date */
  GS_ACTUALS_N_LISTS
} GsActualsList;

GtkWidget *
gs_actuals_page_new (void);
void
gs_actuals_page_update (GsActualsPage *self, GsPlan *plan);
/* Tracks to day from now on; NULL goes back to the default day
 * (gs-tracking-day.h). */
void
gs_actuals_page_set_day (GsActualsPage *self, const GDate *day);
GListModel *
gs_actuals_page_get_list (GsActualsPage *self, GsActualsList list);
/* "Plan versus actual to 15 Apr 2027 (2.5 months of the plan)", or NULL
 * when the plan has no actuals. */
const char *
gs_actuals_page_get_heading (GsActualsPage *self);
/* FALSE while P(hit) from the evidence is being computed. */
gboolean
gs_actuals_page_get_evidence_ready (GsActualsPage *self);
/* The re-forecast the fan chart shows (NULL before the first run is back),
 * and the chart (a GsChartView, stale while a newer run computes). */
const GsRefan *
gs_actuals_page_get_refan (GsActualsPage *self);
/* The day picked with the date button; FALSE while the page tracks to the
 * default day (gs-tracking-day.h). */
gboolean
gs_actuals_page_get_day (GsActualsPage *self, GDate *out);
GtkWidget *
gs_actuals_page_get_refan_chart (GsActualsPage *self);
/* The re-forecast when it is of the plan and day the page shows now; NULL
 * while a newer one computes, or without actuals. */
const GsRefan *
gs_actuals_page_get_current_refan (GsActualsPage *self);

G_END_DECLS
