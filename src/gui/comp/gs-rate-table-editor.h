/* gs-rate-table-editor.h — one component's rate table, edited in place:
 * its type (flat, marginal, band), its bands (from, to, rate) and adding or
 * removing a band.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates are GsFields on "….table.bands[k].rate".  A boundary is shared by two
 * bands (one's "to" is the next one's "from"): gs_comp_set_band_edge moves
 * both in one edit.  Every edit is the engine's (gs-comp-edits.h): a value the
 * engine refuses is marked at its field with the engine's message and the
 * plan is left as it was.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-comp.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_RATE_TABLE_EDITOR (gs_rate_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsRateTableEditor, gs_rate_table_editor, GS, RATE_TABLE_EDITOR, GtkWidget)

GtkWidget *
gs_rate_table_editor_new (GsPlan *plan, guint role, guint component);

/* The engine's edits (gs-comp-edits.h), as the table's controls apply them. */
gboolean
gs_rate_table_editor_set_kind (GsRateTableEditor *self, GsTableKind kind, GError **error);
gboolean
gs_rate_table_editor_add_band (GsRateTableEditor *self, GError **error);
gboolean
gs_rate_table_editor_remove_band (GsRateTableEditor *self, guint band, GError **error);
/* Moves the boundary between band k − 1 and band k to text (as typed). */
gboolean
gs_rate_table_editor_set_boundary (GsRateTableEditor *self, guint k, const char *text,
                                   GError **error);

G_END_DECLS
