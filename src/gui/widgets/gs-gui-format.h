/* gs-gui-format.h — figures in widgets: cells by unit, input fields.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers become text in the engine's gs-format.h (ICU, the user's locale);
 * this file only picks the form a widget needs.  Values stored in the plan
 * file are C-format ("60000.00"): gs_format_localize() shows them with the
 * locale's marks in input fields, and parsing accepts both.  Nothing here
 * computes a figure.
 */
#pragma once

#include "gs-format.h"
#include "gs-result.h"

G_BEGIN_DECLS

char *
gs_format_localize (const char *c_text);
char *
gs_format_amount (GsMoney value, const char *currency, guint digits, gboolean compact);
const char *
gs_verdict_css_class (GsVerdict verdict);
char *
gs_format_delta (const GsModel *model, const GsGoalLine *line, const GsCell *now,
                 const GsCell *before, const char **css_class);
char *
gs_format_input_number (double value, int max_decimals);
gboolean
gs_format_parse_number (const char *text, double *out);
char *
gs_format_normalize_number (const char *text);
char *
gs_format_input_money (GsMoney value, guint digits, const char *currency);
gboolean
gs_parse_input_money (const char *text, guint digits, GsMoney *out, GError **error);

G_END_DECLS
