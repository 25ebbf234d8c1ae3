/* gs-repaint.h — repaint a widget whose texts changed as one rectangle.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean changed; /* a text of the widget changed since the last snapshot */
  gboolean parity;  /* flips at the first snapshot after a change */
} GsRepaint;

void
gs_repaint_mark (GsRepaint *repaint);
void
gs_repaint_snapshot (GsRepaint *repaint, GtkWidget *parent, GtkWidget *widget,
                     GtkSnapshot *snapshot);

G_END_DECLS
