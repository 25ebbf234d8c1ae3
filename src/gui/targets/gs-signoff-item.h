/* gs-signoff-item.h — one role's sign-off as an item of the agreements'
 * list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "gs-model.h"

G_BEGIN_DECLS

#define GS_TYPE_SIGNOFF_ITEM (gs_signoff_item_get_type ())
G_DECLARE_FINAL_TYPE (GsSignoffItem, gs_signoff_item, GS, SIGNOFF_ITEM, GObject)

GsSignoffItem *
gs_signoff_item_new (const GsSignoff *signoff);
void
gs_signoff_item_sync (GsSignoffItem *self, const GsSignoff *signoff);
const char *
gs_signoff_item_get_role (GsSignoffItem *self);
const char *
gs_signoff_item_get_name (GsSignoffItem *self);
gboolean
gs_signoff_item_get_signed (GsSignoffItem *self);
const GDate *
gs_signoff_item_get_date (GsSignoffItem *self);
/* Signed, and an input changed since (GsSignoff.changed). */
gboolean
gs_signoff_item_get_changed (GsSignoffItem *self);

G_END_DECLS
