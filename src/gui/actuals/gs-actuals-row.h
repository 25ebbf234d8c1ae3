/* gs-actuals-row.h — the rows of the Actuals page's lists.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line (gs-actuals-line.h) becomes a row: its figures on the right in
 * columns shared by the list, its pace in words and colour, and a line of
 * words only (the leak) highlighted when it falls behind.  A person's line
 * becomes an expander whose content edits the roster: name, role and annual
 * quota, each an engine edit (gs-actuals-edits.h), so each is one Undo.
 */
#pragma once

#include <adwaita.h>
#include "gs-actuals-line.h"
#include "gs-plan.h"

G_BEGIN_DECLS

typedef struct
{
  GtkSizeGroup *columns[5]; /* planned, actual, delta, share, pace */
  GsPlan *plan;             /* weak: the page's; set before rows are made */
} GsActualsRows;

GsActualsRows *
gs_actuals_rows_new (void);
void
gs_actuals_rows_free (gpointer rows);

/* A GtkListBoxCreateWidgetFunc: user_data is a GsActualsRows. */
GtkWidget *
gs_actuals_row_new (gpointer line, gpointer rows);

G_END_DECLS
