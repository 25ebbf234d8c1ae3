/* gs-export-sheets.h — the plan's sheets, built in order from one context
 * (private to the export).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulas mirror the engine's derivations (docs/export.md):
 *  - counts: the engine's cumulative ceiling, C(m) − C(m−1) with
 *    C(m) = MAX(0, ROUNDUP(running total − 1E-9, 0)), the same 1e-9 tolerance
 *    as gs_count_ceil;
 *  - money: ROUND(…, currency digits), half away from zero like gs_money_round;
 *  - largest-remainder splits: spelled out on the Targets sheet.
 * Month placement by the stage lags is layout, fixed at export.
 */
#pragma once

#include "gs-export-private.h"

G_BEGIN_DECLS

#define LIVE "yes"
#define NOT_LIVE "no: change it in Goalsheet and export again"

typedef struct _GsPeopleFx GsPeopleFx;

typedef struct
{
  const GsModel *m;
  const GsResult *r;
  GsExportBook *book;
  guint digits;
  const guint *off; /* the result's stage_offsets */
  guint won;
  guint *q_first, *q_last; /* plan months of each fiscal quarter */

  /* Funnel sheet layout */
  guint f_col0;
  guint *f_row;        /* [j * n_stages + k] needed row, or G_MAXUINT */
  guint *f_target_row; /* [j] */
  guint *f_all_row;    /* [k] */
  guint *f_proj_row;   /* [j] */
  guint f_bookings_row;

  /* Capacity sheet layout: plan month mo is column c_col0 + mo */
  guint c_col0;
  GsTargetsLayout targets;
  gboolean targets_live;

  /* Marketing goals sheet: line id → row + 1; plan month i (pre-plan
   * months included) is column 1 + i */
  GHashTable *mkt_goal_rows;

  guint c_hired, c_staff, c_ramped, c_cap, c_sdrs, c_sdr_cap, c_sqls, c_nb, c_existing, c_target,
      c_proj, c_plan, c_backlog, c_gap;

  /* From the Compensation sheet for the People rows: per role, a listed
   * person's pay at 100 % on a quota of their own (NULL where the role's
   * figure serves everyone); gs_export_people_fx_free. */
  GsPeopleFx *people_fx;
} GsExportCtx;

/* ROUND(expr, digits): the engine's one money rounding; takes expr. */
char *
gs_export_round_money (GsExportCtx *c, char *expr);
/* C(running) of the engine's cumulative ceiling. */
char *
gs_export_ceil_count (const char *running);
/* The name of the rate source j uses at step k: its own or the funnel's. */
char *
gs_export_rate_name (GsExportCtx *c, guint j, guint k);

void
gs_export_build_inputs (GsExportCtx *c);
void
gs_export_mark_targets_not_live (GsExportBook *book);
void
gs_export_build_funnel (GsExportCtx *c);
void
gs_export_build_capacity (GsExportCtx *c);
void
gs_export_build_goals (GsExportCtx *c, const char *name, const char *csv_name, GsSide side,
                       const char *side_title);

/* The Compensation sheet (gs-export-comp.c), after the Targets, Funnel,
 * Capacity and goal sheets it refers to; nothing when the plan has no
 * compensation section.  at_plan: gs_comp_at_plan's, made once for it and
 * the People sheet. */
gboolean
gs_export_book_add_comp (GsExportCtx *c, const GsCompModel *comp, const GsCompAtPlan *at_plan,
                         GError **error);
/* The People sheet, after the Compensation sheet (c->people_fx); takes
 * at_plan->role_person_at_100 and role_person_at_plan (the People rows are
 * made from them while the sheet is written). */
gboolean
gs_export_book_add_people (GsExportCtx *c, const GsCompModel *comp, GsCompAtPlan *at_plan,
                           GError **error);
void
gs_export_people_fx_free (GsExportCtx *c, const GsCompModel *comp);

G_END_DECLS
