/* gs-plan-diff.h — what changed between two plans: the inputs, and the goals
 * they moved.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit `goalsheet-cli diff OLD NEW` prints (docs/cli.md).  Inputs are
 * compared field by field on the plan files' JSON; lists whose entries carry
 * an "id" (stages, sources, roles, components, SPIFs) or a "name"
 * (scenarios) are matched by it, so adding a source reports one source
 * added rather than every later source changed.  The meeting's stored
 * baseline is a copy of the plan, not an input, and is not compared, nor is
 * the history of changes (gs-history.h); the
 * imported actuals are compared as whole lists (their size is what a reader
 * can check).  Goals are the goal lines of both computed plans matched by
 * id; a line moved when its total, its months before the plan or its part
 * after the plan changed.  For a line in both, the diff carries the change
 * of its total and the month that moved most, so a caller only words them.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  GS_INPUT_CHANGED,
  GS_INPUT_ADDED,
  GS_INPUT_REMOVED,
} GsInputChangeKind;

typedef struct
{
  GsInputChangeKind kind;
  char *path;     /* in the plan it is found in: NEW's, or OLD's when removed */
  JsonNode *from; /* NULL when added */
  JsonNode *to;   /* NULL when removed */
} GsInputChange;

/* Frees a GsInputChange (a GDestroyNotify for lists of them). */
void
gs_input_change_free (gpointer change);

typedef struct
{
  const GsGoalLine *from; /* NULL: the line is new (a stage was added) */
  const GsGoalLine *to;   /* NULL: the line is gone */
  /* When both are there: */
  GsCell change;     /* to's total − from's total (amount for COUNT and MONEY, value for
                      * the others); no derivation */
  int moved_month;   /* the plan month (0-based, n_pre not counted) whose figure moved most,
                      * the first of equals; -1 when no plan month moved */
  const GsCell *why; /* to's cell whose derivation explains the move: the total's own, unless
                      * the total is only the sum (or average) of its months and a month
                      * moved: then that month's cell (moved_month), which names the inputs */
} GsGoalMove;

/* A money figure of both plans and the change: to − from. */
typedef struct
{
  GsMoney from;
  GsMoney to;
  GsMoney change;
} GsMoneyMove;

typedef struct
{
  GsPlan *from_plan;
  GsPlan *to_plan;
  const GsResult *from_result; /* owned by from_plan */
  const GsResult *to_result;
  GsMoneyMove target; /* the bookings target over the plan */
  GsMoneyMove plan;   /* what funnel and capacity deliver */
  GsMoneyMove gap;    /* plan − target */
  GPtrArray *inputs;  /* GsInputChange*, in the order of the plan file */
  GArray *goals;      /* GsGoalMove, in the order of the new plan's lines, then gone lines */
} GsPlanDiff;

/* The inputs that differ between two plan trees (GsInputChange*, freed with
 * the array), without computing either: what gs_plan_diff lists, and what
 * the history records at each save (gs-history.h). */
GPtrArray *
gs_plan_diff_trees (JsonNode *from, JsonNode *to);

/* NULL with the engine's message when either plan does not compute. */
GsPlanDiff *
gs_plan_diff (GsPlan *from, GsPlan *to, GError **error);

void
gs_plan_diff_free (GsPlanDiff *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPlanDiff, gs_plan_diff_free)

G_END_DECLS
