/* gs-history-window.h — the plan's change log, newest first.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_HISTORY_WINDOW (gs_history_window_get_type ())
G_DECLARE_FINAL_TYPE (GsHistoryWindow, gs_history_window, GS, HISTORY_WINDOW, AdwWindow)

/* A window over parent listing who changed which input when, from the
 * plan's change log (gs-history.h) as it was last saved or opened. */
GtkWidget *
gs_history_window_new (GtkWindow *parent, GsPlan *plan);

G_END_DECLS
