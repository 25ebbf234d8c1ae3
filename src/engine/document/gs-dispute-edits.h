/* gs-dispute-edits.h — dispute notes added and resolved as undoable edits.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A note is checked against the statement it is written on (gs-dispute.h)
 * before it goes into actuals.disputes; the first note raises the format's
 * minor version to the one that holds them, in the same edit, so one Undo
 * takes it back.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-plan.h"

G_BEGIN_DECLS

/* Appends note (its text trimmed) to actuals.disputes. */
gboolean
gs_plan_add_dispute (GsPlan *plan, const GsDispute *note, GError **error);

/* Marks actuals.disputes[index] resolved or open again. */
gboolean
gs_plan_set_dispute_resolved (GsPlan *plan, guint index, gboolean resolved, GError **error);

/* Replaces the text of actuals.disputes[index] (trimmed; refused when
 * blank); the note keeps its line, author and date. */
gboolean
gs_plan_set_dispute_text (GsPlan *plan, guint index, const char *text, GError **error);

/* Deletes actuals.disputes[index]; the notes after it move up one. */
gboolean
gs_plan_remove_dispute (GsPlan *plan, guint index, GError **error);

G_END_DECLS
