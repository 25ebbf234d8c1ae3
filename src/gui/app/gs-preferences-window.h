/* gs-preferences-window.h — defaults for new plans.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GS_TYPE_PREFERENCES_WINDOW (gs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GsPreferencesWindow, gs_preferences_window, GS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *
gs_preferences_window_new (GtkWindow *parent);

G_END_DECLS
