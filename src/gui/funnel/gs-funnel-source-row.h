/* gs-funnel-source-row.h — a row of the Funnel page's planned volumes: one
 * source, one field per month.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-funnel-source.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_FUNNEL_SOURCE_ROW (gs_funnel_source_row_get_type ())
G_DECLARE_FINAL_TYPE (GsFunnelSourceRow, gs_funnel_source_row, GS, FUNNEL_SOURCE_ROW, GtkListBoxRow)

/* months: the plan's short month names, one per month of the horizon;
 * columns: a horizontal size group per month and one before them for the
 * name, shared with the header so the columns line up. */
GtkWidget *
gs_funnel_source_row_new (GsPlan *plan, GsFunnelSource *source, const char *const *months,
                          GPtrArray *columns);

G_END_DECLS
