/* gs-rate-table-editor.h — one component's rate table, edited in place:
 * its type (flat, marginal, band), its bands (from, to, rate) and adding or
 * removing a band.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates are GsFields on "….table.bands[k].rate".  A boundary is shared by two
 * bands (one's "to" is the next one's "from"), so moving it rewrites both in
 * one edit of "….table.bands".  Every edit goes through gs_plan_set: a value
 * the engine refuses is marked at its field with the engine's message and the
 * plan is left as it was.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_RATE_TABLE_EDITOR (gs_rate_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsRateTableEditor, gs_rate_table_editor, GS, RATE_TABLE_EDITOR, GtkWidget)

/* component_path: "compensation.roles[0].components[1]". */
GtkWidget *
gs_rate_table_editor_new (GsPlan *plan, const char *component_path, const char *component_name);

/* Structural edits, also used by the buttons. */
gboolean
gs_rate_table_editor_set_type (GsRateTableEditor *self, const char *type, GError **error);
gboolean
gs_rate_table_editor_add_band (GsRateTableEditor *self, GError **error);
gboolean
gs_rate_table_editor_remove_band (GsRateTableEditor *self, guint band, GError **error);
/* Moves the boundary between band k − 1 and band k to text (as typed). */
gboolean
gs_rate_table_editor_set_boundary (GsRateTableEditor *self, guint k, const char *text,
                                   GError **error);

G_END_DECLS
