/* gs-application.h — the Goalsheet application: windows, files, preferences.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GS_TYPE_APPLICATION (gs_application_get_type ())
G_DECLARE_FINAL_TYPE (GsApplication, gs_application, GS, APPLICATION, AdwApplication)

GsApplication *
gs_application_new (void);
void
gs_application_open_file (GsApplication *self, GFile *file, GtkWindow *from);

G_END_DECLS
