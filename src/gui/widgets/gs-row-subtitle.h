/* gs-row-subtitle.h — a row's subtitle that changes without a relayout.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean
gs_row_subtitle_set (AdwActionRow *row, const char *text);
const char *
gs_row_subtitle_get (AdwActionRow *row);

G_END_DECLS
