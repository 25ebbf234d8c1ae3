/* gs-grid-rows.c — the rows of one or more GtkGrids kept in step with a
 * GListModel.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table whose columns must line up (the goal tables' months, the sheet's
 * name, figure and lock) is a GtkGrid, which GTK 4.8 cannot bind to a model.
 * This does it: each item of the model is one row of every grid, from
 * first_row on.  On items-changed exactly the rows of the items removed go
 * and rows for the items added are made at their position; every other row,
 * its widgets and the focus in them, stays.
 */
#include "gs-grid-rows.h"

struct _GsGridRows
{
  GListModel *model;
  GtkWidget *grids[4];
  guint n_grids;
  int first_row;
  GsGridRowMake make;
  gpointer data;
  GPtrArray *rows; /* what make returned, one per item, in the model's order */
  gulong handler;
};

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GsGridRows *self)
{
  for (guint k = 0; k < removed; k++)
    for (guint g = 0; g < self->n_grids; g++)
      gtk_grid_remove_row (GTK_GRID (self->grids[g]), self->first_row + (int) position);
  g_ptr_array_remove_range (self->rows, position, removed);
  for (guint k = 0; k < added; k++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, position + k);
      int row = self->first_row + (int) (position + k);
      for (guint g = 0; g < self->n_grids; g++)
        gtk_grid_insert_row (GTK_GRID (self->grids[g]), row);
      g_ptr_array_insert (self->rows, (int) (position + k), self->make (row, item, self->data));
    }
}

GsGridRows *
gs_grid_rows_new (GListModel *model, GtkWidget *const *grids, guint n_grids, int first_row,
                  GsGridRowMake make, GDestroyNotify free_row, gpointer data)
{
  GsGridRows *self = g_new0 (GsGridRows, 1);
  g_return_val_if_fail (n_grids <= G_N_ELEMENTS (self->grids), NULL);
  self->model = g_object_ref (model);
  self->n_grids = n_grids;
  for (guint g = 0; g < n_grids; g++)
    self->grids[g] = grids[g];
  self->first_row = first_row;
  self->make = make;
  self->data = data;
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  on_items_changed (model, 0, 0, g_list_model_get_n_items (model), self);
  return self;
}

gpointer
gs_grid_rows_get (GsGridRows *self, guint position)
{
  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}

void
gs_grid_rows_free (GsGridRows *self)
{
  g_clear_signal_handler (&self->handler, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}
