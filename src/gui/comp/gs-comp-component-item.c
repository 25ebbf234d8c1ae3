/* gs-comp-component-item.c — one component of a role, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-component-item.h"
#include "gs-comp-edits.h"
#include "gs-comp-payout.h"

#include <math.h>
#include <string.h>

/* Zero-filled, so two shapes compare with memcmp. */
typedef struct
{
  GsMeasure measure;
  GsPeriod period;
  GsAttainMode attain;
  GsTableKind kind;
  GsTableBasis basis;
  guint n_bands;
  gboolean last_open;
  guint n_tiers;
  gboolean decel, decel_retroactive;
  gboolean gate;
  GsMeasure gate_measure;
  gboolean cap, cap_of_target;
  gboolean quota_set;
  gboolean shared;
  guint n_discount;
  guint id_hash;    /* another component moved here: built again */
  guint n_siblings; /* the move buttons depend on the position */
} Shape;

struct _GsCompComponentItem
{
  GObject parent_instance;
  guint role;
  guint component;
  Shape shape;
};

G_DEFINE_FINAL_TYPE (GsCompComponentItem, gs_comp_component_item, G_TYPE_OBJECT)

static void
gs_comp_component_item_class_init (GsCompComponentItemClass *klass)
{
}

static void
gs_comp_component_item_init (GsCompComponentItem *self)
{
}

GsCompComponentItem *
gs_comp_component_item_new (GsPlan *plan, guint role, guint component)
{
  GsCompComponentItem *self = g_object_new (GS_TYPE_COMP_COMPONENT_ITEM, NULL);
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  const GsCompComponent *c = &comp->roles[role].components[component];
  Shape *s = &self->shape;

  self->role = role;
  self->component = component;
  memset (s, 0, sizeof *s);
  s->measure = c->measure;
  s->period = c->period;
  s->attain = c->attain;
  s->kind = c->table.kind;
  s->basis = c->table.basis;
  s->n_bands = c->table.n_bands;
  s->last_open = isinf (c->table.bands[c->table.n_bands - 1].to);
  s->n_tiers = c->n_tiers;
  s->decel = c->decel.present;
  s->decel_retroactive = c->decel.retroactive;
  s->gate = c->gate.present;
  s->gate_measure = c->gate.present ? c->gate.measure : 0;
  s->cap = c->cap.present;
  s->cap_of_target = c->cap.of_target;
  s->quota_set = gs_comp_quota_is_set (plan, role, component);
  s->shared = gs_comp_measure_is_shared (comp, c->measure);
  s->n_discount = c->n_discount;
  s->id_hash = g_str_hash (c->id);
  s->n_siblings = comp->roles[role].n_components;
  return self;
}

guint
gs_comp_component_item_get_role (GsCompComponentItem *self)
{
  return self->role;
}

guint
gs_comp_component_item_get_component (GsCompComponentItem *self)
{
  return self->component;
}

gboolean
gs_comp_component_item_same_shape (GsCompComponentItem *a, GsCompComponentItem *b)
{
  return a->role == b->role && a->component == b->component
         && memcmp (&a->shape, &b->shape, sizeof a->shape) == 0;
}
