/* gs-comp-edit-private.h — one edit of a role, shared by the compensation
 * edit files (gs-comp-edits.c, gs-comp-structure.c, gs-comp-extras.c).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit copies the role's subtree, changes the copy and sets it back with
 * gs_plan_set: one undo step, checked by decoding the whole plan.
 */
#pragma once

#include "gs-comp.h"
#include "gs-plan.h"

G_BEGIN_DECLS

typedef struct
{
  GsPlan *plan;
  const GsCompModel *comp;
  const GsCompRole *role;
  const GsCompComponent *c; /* NULL: the whole role */
  char *path;               /* compensation.roles[r] */
  char *where;              /* the component's path, or the role's */
  JsonNode *node;           /* a copy of the role */
  JsonObject *obj;          /* the component in the copy, or the role */
} GsCompEdit;

void
gs_comp_edit_clear (GsCompEdit *e);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GsCompEdit, gs_comp_edit_clear)

/* Starts an edit of role r at component c (GS_COMP_WHOLE_ROLE: the role). */
gboolean
gs_comp_edit_begin (GsPlan *plan, guint role, guint component, GsCompEdit *e, GError **error);
gboolean
gs_comp_edit_commit (GsCompEdit *e, GError **error);
/* Money as the file writes it, in the plan's currency digits. */
JsonNode *
gs_comp_edit_money (const GsCompEdit *e, double minor_units);
/* The resolved model when the plan computes, else the decoded one; NULL without
 * a compensation section. */
const GsCompModel *
gs_comp_edit_model (GsPlan *plan);

G_END_DECLS
