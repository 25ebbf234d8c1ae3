/* gs-grid-rows.h — the rows of one or more GtkGrids kept in step with a
 * GListModel.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the widgets of the item now at grid row `row`, attaches them to the
 * grids and returns what the owner keeps of them (freed with free_row). */
typedef gpointer (*GsGridRowMake) (int row, gpointer item, gpointer data);

typedef struct _GsGridRows GsGridRows;

GsGridRows *
gs_grid_rows_new (GListModel *model, GtkWidget *const *grids, guint n_grids, int first_row,
                  GsGridRowMake make, GDestroyNotify free_row, gpointer data);
gpointer
gs_grid_rows_get (GsGridRows *self, guint position);
void
gs_grid_rows_free (GsGridRows *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsGridRows, gs_grid_rows_free)

G_END_DECLS
