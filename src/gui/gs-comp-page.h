/* gs-comp-page.h — the Compensation page: roles, their components, the
 * payout at a chosen attainment with its trace, and the payout curve.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_COMP_PAGE (gs_comp_page_get_type ())
G_DECLARE_FINAL_TYPE (GsCompPage, gs_comp_page, GS, COMP_PAGE, GtkWidget)

GtkWidget *
gs_comp_page_new (void);
void
gs_comp_page_update (GsCompPage *self, GsPlan *plan);

G_END_DECLS
