/* gs-format.h — the engine's numbers in the user's locale.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine formats with C-locale separators ("2,600,000.00"); the window
 * shows them with the locale's grouping and decimal marks.  Nothing here
 * computes a figure: only characters change.
 */
#pragma once

#include "gs-result.h"

G_BEGIN_DECLS

char *
gs_format_localize (const char *c_text);
char *
gs_format_cell (const GsGoalLine *line, const GsCell *cell, const char *currency, guint digits,
                gboolean compact);
char *
gs_format_amount (GsMoney value, const char *currency, guint digits, gboolean compact);
char *
gs_format_delta (const GsModel *model, const GsGoalLine *line, const GsCell *now,
                 const GsCell *before, const char **css_class);
char *
gs_format_input_number (double value, int max_decimals);
gboolean
gs_format_parse_number (const char *text, double *out);
char *
gs_format_normalize_number (const char *text);

G_END_DECLS
