/* gs-signoff-item.c — one role's sign-off as an item of the agreements'
 * list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyed by the role.  "changed" is emitted only when what the role's chip
 * shows changes (signed or withdrawn, another name or date), so signing
 * as one role leaves a name being typed for the other in place.
 */
#include "gs-signoff-item.h"

struct _GsSignoffItem
{
  GObject parent_instance;
  char *role;
  char *name;
  gboolean signed_off;
  gboolean changed; /* the plan's inputs moved after the signature */
  GDate date;
};

G_DEFINE_FINAL_TYPE (GsSignoffItem, gs_signoff_item, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gs_signoff_item_finalize (GObject *object)
{
  GsSignoffItem *self = GS_SIGNOFF_ITEM (object);
  g_free (self->role);
  g_free (self->name);
  G_OBJECT_CLASS (gs_signoff_item_parent_class)->finalize (object);
}

static void
gs_signoff_item_class_init (GsSignoffItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_signoff_item_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gs_signoff_item_init (GsSignoffItem *self)
{
}

static gboolean
same_date (const GDate *a, const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

void
gs_signoff_item_sync (GsSignoffItem *self, const GsSignoff *signoff)
{
  g_return_if_fail (g_strcmp0 (signoff->role, self->role) == 0);
  if (g_strcmp0 (self->name, signoff->name) == 0 && self->signed_off == signoff->signed_off
      && same_date (&self->date, &signoff->date) && self->changed == signoff->changed)
    return;
  g_free (self->name);
  self->name = g_strdup (signoff->name);
  self->signed_off = signoff->signed_off;
  self->changed = signoff->changed;
  self->date = signoff->date;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

GsSignoffItem *
gs_signoff_item_new (const GsSignoff *signoff)
{
  GsSignoffItem *self = g_object_new (GS_TYPE_SIGNOFF_ITEM, NULL);
  self->role = g_strdup (signoff->role);
  self->name = g_strdup (signoff->name);
  self->signed_off = signoff->signed_off;
  self->changed = signoff->changed;
  self->date = signoff->date;
  return self;
}

const char *
gs_signoff_item_get_role (GsSignoffItem *self)
{
  return self->role;
}

const char *
gs_signoff_item_get_name (GsSignoffItem *self)
{
  return self->name;
}

gboolean
gs_signoff_item_get_signed (GsSignoffItem *self)
{
  return self->signed_off;
}

const GDate *
gs_signoff_item_get_date (GsSignoffItem *self)
{
  return &self->date;
}

gboolean
gs_signoff_item_get_changed (GsSignoffItem *self)
{
  return self->changed;
}
