/* gs-sim-page.h — the Scenarios page: Monte Carlo run, P(hit) and the fan
 * chart.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-chart-view.h"
#include "gs-montecarlo.h"
#include "gs-plan.h"
#include "gs-scenario-list.h"

G_BEGIN_DECLS

#define GS_TYPE_SIM_PAGE (gs_sim_page_get_type ())
G_DECLARE_FINAL_TYPE (GsSimPage, gs_sim_page, GS, SIM_PAGE, GtkWidget)

GtkWidget *
gs_sim_page_new (void);
void
gs_sim_page_update (GsSimPage *self, GsPlan *plan, const GsResult *result);
/* An edit while hidden: P(hit) marked stale only; update when shown. */
void
gs_sim_page_mark_stale (GsSimPage *self, GsPlan *plan);
guint
gs_sim_page_get_updates_skipped (GsSimPage *self);
void
gs_sim_page_run (GsSimPage *self);
double
gs_sim_page_get_p_hit (GsSimPage *self, gboolean *stale);

const GsSimResult *
gs_sim_page_get_result (GsSimPage *self, gboolean *stale);

const char *
gs_sim_page_get_risk_text (GsSimPage *self);

GsScenarioList *
gs_sim_page_get_scenario_list (GsSimPage *self);
gboolean
gs_sim_page_odds_running (GsSimPage *self);

/* TRUE while the scenario comparison is being computed (tests wait for it). */
gboolean
gs_sim_page_comparing (GsSimPage *self);

/* The fan chart (tests: its stale note). */
GsChartView *
gs_sim_page_get_chart (GsSimPage *self);

G_END_DECLS
