/* gs-repaint.c — repaint a widget whose texts changed as one rectangle.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK (4.8) finds what a frame repaints by comparing its render nodes with
 * the last frame's, one rectangle per changed node, and gives up past 30
 * rectangles: it then repaints the whole parent being compared.  A grid of
 * figures where an edit changes fifteen labels (about 30 rectangles, as GTK
 * splits them in horizontal bands) thus made every OTE edit on the
 * Compensation page repaint the editor and the payout view whole, or the
 * whole page.  A parent calls gs_repaint_snapshot () for such a widget
 * before snapshotting its children: a transparent colour node over the
 * widget's bounds (and the pixels its glyphs reach past them), whose colour
 * flips after gs_repaint_mark (), compares unequal, so that area is
 * repainted as one rectangle and the labels' rectangles inside it add
 * none.  Drawing it costs nothing: cairo skips a clear source.
 */
#include "gs-repaint.h"

/* Glyphs reach a pixel or two past their labels. */
#define MARGIN 4

void
gs_repaint_mark (GsRepaint *repaint)
{
  repaint->changed = TRUE;
}

void
gs_repaint_snapshot (GsRepaint *repaint, GtkWidget *parent, GtkWidget *widget,
                     GtkSnapshot *snapshot)
{
  graphene_rect_t bounds;
  if (repaint->changed)
    {
      repaint->parity = !repaint->parity;
      repaint->changed = FALSE;
    }
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, parent, &bounds))
    return;
  graphene_rect_inset (&bounds, -MARGIN, -MARGIN);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA){ repaint->parity, 0, 0, 0 }, &bounds);
}
