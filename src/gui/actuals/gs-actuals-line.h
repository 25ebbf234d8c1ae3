/* gs-actuals-line.h — one line of plan versus actual, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Actuals page's lists (goals, sources, people, the leak) hold these:
 * text already formatted by the page from the engine's figures, and the
 * engine's pace (gs-pace.h), so a row only shows them.
 */
#pragma once

#include <glib-object.h>
#include "gs-pace.h"

G_BEGIN_DECLS

#define GS_TYPE_ACTUALS_LINE (gs_actuals_line_get_type ())
G_DECLARE_FINAL_TYPE (GsActualsLine, gs_actuals_line, GS, ACTUALS_LINE, GObject)

/* planned, actual and share may be NULL (a line of words only). */
GsActualsLine *
gs_actuals_line_new (const char *title, const char *subtitle, const char *planned,
                     const char *actual, const char *share, GsPace pace);
const char *
gs_actuals_line_get_title (GsActualsLine *self);
const char *
gs_actuals_line_get_subtitle (GsActualsLine *self);
const char *
gs_actuals_line_get_planned (GsActualsLine *self);
const char *
gs_actuals_line_get_actual (GsActualsLine *self);
const char *
gs_actuals_line_get_share (GsActualsLine *self);
GsPace
gs_actuals_line_get_pace (GsActualsLine *self);
/* The roster's person the line is about (actuals.people[person]), or -1. */
int
gs_actuals_line_get_person (GsActualsLine *self);
void
gs_actuals_line_set_person (GsActualsLine *self, int person);
/* In meeting mode, the change of the line's actual figure since the agreed
 * baseline ("↑ 12") and the style class of the engine's verdict on it
 * (gs_verdict_css_class); NULL when it did not change. */
void
gs_actuals_line_set_delta (GsActualsLine *self, const char *delta, const char *css_class);
const char *
gs_actuals_line_get_delta (GsActualsLine *self, const char **css_class);
/* TRUE in meeting mode, changed or not: the row gives the delta a column. */
gboolean
gs_actuals_line_has_delta (GsActualsLine *self);
/* "On pace", "Near pace", "Behind": the pace in words (never colour alone). */
const char *
gs_pace_label (GsPace pace);
/* The style class of the pace: "pace-on", "pace-near", "pace-behind". */
const char *
gs_pace_css_class (GsPace pace);

G_END_DECLS
