/* gs-agreements-box.h — the MQL/SQL definitions, the SLA, and the sign-offs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_AGREEMENTS_BOX (gs_agreements_box_get_type ())
G_DECLARE_FINAL_TYPE (GsAgreementsBox, gs_agreements_box, GS, AGREEMENTS_BOX, GtkWidget)

GtkWidget *
gs_agreements_box_new (void);
void
gs_agreements_box_set_plan (GsAgreementsBox *self, GsPlan *plan);
void
gs_agreements_box_update (GsAgreementsBox *self);
/* The sign-offs as GsSignoffItem, one per role. */
GListModel *
gs_agreements_box_get_signoffs (GsAgreementsBox *self);
gboolean
gs_agreements_box_sign (GsAgreementsBox *self, const char *role, const char *name, GError **error);

G_END_DECLS
