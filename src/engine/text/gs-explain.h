/* gs-explain.h — the planning results in words: goal-line names, derivations,
 * levers, months and quarters, translated through gettext.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning floor returns structure (gs-result.h: a derivation is a kind
 * of step and its figures); this is the one place that turns it into text,
 * in the user's language and with the locale's numbers.  Stage and source
 * names are the user's own words and are never translated.  Every function
 * returns a newly allocated string.
 */
#pragma once

#include "gs-result-json.h"

#include "gs-result.h"

G_BEGIN_DECLS

/* Months and quarters by the fiscal calendar. */
char *
gs_explain_month_name (guint month); /* 1..12: "Feb" */
char *
gs_explain_month_label (const GsMonth *month); /* "FY27 Q1 / Feb" */
char *
gs_explain_month_short (const GsMonth *month); /* "Feb 26" */
char *
gs_explain_quarter_label (const GsMonth *month); /* "FY27 Q1" */
/* The same for a month of the plan by its index (gs_model_month): the
 * translated counterparts of gs_model_month_label, which is for JSON. */
char *
gs_explain_plan_month_label (const GsModel *model, int month); /* "FY27 Q1 / Feb" */
char *
gs_explain_plan_month_short (const GsModel *model, int month); /* "Feb 26" */

/* A stage's name as a number of them ("MQLs"); in languages whose plural
 * the code cannot form, the name unchanged. */
char *
gs_explain_stage_count (const char *stage_name);

/* The goal line's name: "MQLs", "Bookings target". */
char *
gs_explain_line_name (const GsModel *model, const GsGoalLine *line);

/* A cell's derivation with its arithmetic, possibly several lines; NULL for
 * a cell with nothing to explain (GS_DERIVATION_NONE). */
char *
gs_explain_cell (const GsModel *model, const GsResult *result, const GsGoalLine *line,
                 const GsCell *cell);

/* A lever in one line ("+790 Leads", "MQL→SQL 25 % → 27 %") and how it was
 * found. */
char *
gs_explain_lever (const GsModel *model, const GsResult *result, const GsLever *lever);
char *
gs_explain_lever_why (const GsModel *model, const GsResult *result, const GsLever *lever);

/* A sign-off role as printed: "ceo" → "CEO", "vp_marketing" → "VP
 * Marketing", "vp_sales" → "VP Sales"; any other as it is written. */
const char *
gs_explain_signoff_role (const char *role);

/* The words of `goalsheet-cli compute --json` (gs-result-json.h). */
const GsResultWords *
gs_explain_result_words (void);

G_END_DECLS
