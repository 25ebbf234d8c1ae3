/* gs-statement-item.h — one line of a commission statement, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statements page's lists hold these: text already formatted by the
 * page from the engine's figures (gs-statement.h, gs-explain-pay.h), and,
 * for a line a person can dispute, which line it is (the deal and the kind
 * of line), so its row can offer a dispute note.
 */
#pragma once

#include <glib-object.h>
#include "gs-actuals-data.h"

G_BEGIN_DECLS

#define GS_TYPE_STATEMENT_ITEM (gs_statement_item_get_type ())
G_DECLARE_FINAL_TYPE (GsStatementItem, gs_statement_item, GS, STATEMENT_ITEM, GObject)

/* subtitle and value may be NULL. */
GsStatementItem *
gs_statement_item_new (const char *title, const char *subtitle, const char *value);
const char *
gs_statement_item_get_title (GsStatementItem *self);
const char *
gs_statement_item_get_subtitle (GsStatementItem *self);
const char *
gs_statement_item_get_value (GsStatementItem *self);
/* The line a note can be attached to: deal NULL for a draw line. */
void
gs_statement_item_set_line (GsStatementItem *self, const char *deal, GsDisputeLine line);
gboolean
gs_statement_item_get_line (GsStatementItem *self, const char **deal, GsDisputeLine *line);
/* A dispute note's line: its index in actuals.disputes and whether it is
 * resolved (the row offers Resolve or Reopen); -1 for other lines. */
void
gs_statement_item_set_note (GsStatementItem *self, int index, gboolean resolved);
int
gs_statement_item_get_note (GsStatementItem *self, gboolean *resolved);
/* A trace line's depth (indented by the row). */
void
gs_statement_item_set_depth (GsStatementItem *self, guint depth);
guint
gs_statement_item_get_depth (GsStatementItem *self);

G_END_DECLS
