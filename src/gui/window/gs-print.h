/* gs-print.h — File ▸ Print: the engine's printable goal sheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-montecarlo.h"
#include "gs-plan.h"
#include "gs-refan.h"

G_BEGIN_DECLS

void
gs_print_run (GtkWindow *parent, GsPlan *plan, const GsSimResult *sim, const GsRefan *refan);

G_END_DECLS
