/* gs-sheet.h — the one shared goal sheet: MARKETING | SHARED | SALES.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per goal line with its total over the plan horizon; in meeting
 * mode each row also shows its delta against the baseline and a lock.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_SHEET (gs_sheet_get_type ())
G_DECLARE_FINAL_TYPE (GsSheet, gs_sheet, GS, SHEET, GtkWidget)

GtkWidget *
gs_sheet_new (void);
void
gs_sheet_update (GsSheet *self, GsPlan *plan, const GsResult *result, const GsResult *baseline);
GtkWidget *
gs_sheet_get_figure (GsSheet *self, const char *line_id);
GtkWidget *
gs_sheet_get_lock (GsSheet *self, const char *line_id);
GListModel *
gs_sheet_get_lines (GsSheet *self, GsSide side);

G_END_DECLS
