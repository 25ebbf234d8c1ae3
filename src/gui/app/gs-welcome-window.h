/* gs-welcome-window.h — where Goalsheet starts without a file: a new plan
 * from a target, or the example.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GS_TYPE_WELCOME_WINDOW (gs_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (GsWelcomeWindow, gs_welcome_window, GS, WELCOME_WINDOW, AdwApplicationWindow)

/* currency and fiscal_year_start fill the form's defaults (the preferences). */
GtkWidget *
gs_welcome_window_new (GtkApplication *app, const char *currency, guint fiscal_year_start);

G_END_DECLS
