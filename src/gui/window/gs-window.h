/* gs-window.h — one plan document in a window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "gs-plan.h"
#include "gs-recovery.h"

G_BEGIN_DECLS

#define GS_TYPE_WINDOW (gs_window_get_type ())
G_DECLARE_FINAL_TYPE (GsWindow, gs_window, GS, WINDOW, AdwApplicationWindow)

GsWindow *
gs_window_new (GtkApplication *app, GsPlan *plan, GFile *file);
gboolean
gs_window_load (GsWindow *self, GFile *file, GError **error);
gboolean
gs_window_save_to (GsWindow *self, GFile *file, GError **error);
gboolean
gs_window_is_pristine (GsWindow *self);
GsPlan *
gs_window_get_plan (GsWindow *self);
GFile *
gs_window_get_file (GsWindow *self);
/* The day picked on the Actuals page (FALSE: it tracks to the default day). */
gboolean
gs_window_get_tracking_day (GsWindow *self, GDate *out);
void
gs_window_show_page (GsWindow *self, const char *name);
gboolean
gs_window_page_is_built (GsWindow *self, const char *name);
/* File ▸ Import CRM Export… on file (gs-window-import.c). */
gboolean
gs_window_import_file (GsWindow *self, GFile *file, GError **error);
gboolean
gs_window_goto_input (GsWindow *self, const char *path);
void
gs_window_set_recovery (GsWindow *self, GsRecovery *recovery);
void
gs_window_report_error (GtkWindow *parent, const char *heading, const char *body);

G_END_DECLS
