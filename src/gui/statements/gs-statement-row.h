/* gs-statement-row.h — the rows of the Statements page's lists.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row shows a GsStatementItem: its title, subtitle and figure; a line a
 * person can dispute has a Dispute button whose popover takes the note's
 * text; a note has Resolve (or Reopen).  Both edit the plan through the
 * page, so they are undoable and the page shows the result at once.
 */
#pragma once

#include "gs-statements-page.h"

G_BEGIN_DECLS

/* A GtkListBoxCreateWidgetFunc: item is a GsStatementItem, data the page. */
GtkWidget *
gs_statement_row_new (gpointer item, gpointer page);

G_END_DECLS
