/* gs-reflow-box.h — columns side by side when there is room, one under the
 * other when there is not.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 and libadwaita 1.2 have no breakpoints, so the pages that show
 * columns (the three sheets, the funnel editor beside its charts) put them
 * in this box: at or above wide-width (and the columns' own minimum widths
 * added up) the children are laid out in a row, sharing the extra space like
 * a GtkBox (naturals first, the rest to hexpand children, or equal widths
 * when homogeneous); below it they stack, each the full width.  Heights are
 * worked out for the width given (height-for-width), so a page scrolls
 * exactly as far as it needs.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GS_TYPE_REFLOW_BOX (gs_reflow_box_get_type ())
G_DECLARE_FINAL_TYPE (GsReflowBox, gs_reflow_box, GS, REFLOW_BOX, GtkWidget)

GtkWidget *
gs_reflow_box_new (void);
void
gs_reflow_box_append (GsReflowBox *self, GtkWidget *child);
/* Whether the children are side by side at this width. */
gboolean
gs_reflow_box_is_wide_at (GsReflowBox *self, int width);

G_END_DECLS
