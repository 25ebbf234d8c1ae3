/* gs-funnel-source.c — one lead source as an item of the Funnel page's
 * planned-volume list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyed by the source's id; what its row shows is a property that notifies
 * only when it changes (see gs-funnel-stage.c).
 */
#include "gs-funnel-source.h"

struct _GsFunnelSource
{
  GObject parent_instance;
  guint position; /* index in sources */
  char *id;
  char *name;
  char *entry_name; /* the stage its volume enters at */
  gboolean planned; /* it has planned_volume */
};

G_DEFINE_FINAL_TYPE (GsFunnelSource, gs_funnel_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_ENTRY_NAME,
  PROP_PLANNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_funnel_source_finalize (GObject *object)
{
  GsFunnelSource *self = GS_FUNNEL_SOURCE (object);
  g_free (self->id);
  g_free (self->name);
  g_free (self->entry_name);
  G_OBJECT_CLASS (gs_funnel_source_parent_class)->finalize (object);
}

static void
gs_funnel_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsFunnelSource *self = GS_FUNNEL_SOURCE (object);
  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ENTRY_NAME:
      g_value_set_string (value, self->entry_name);
      break;
    case PROP_PLANNED:
      g_value_set_boolean (value, self->planned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_funnel_source_class_init (GsFunnelSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  object_class->finalize = gs_funnel_source_finalize;
  object_class->get_property = gs_funnel_source_get_property;
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ENTRY_NAME] = g_param_spec_string ("entry-name", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED] = g_param_spec_boolean ("planned", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_funnel_source_init (GsFunnelSource *self)
{
}

static void
set_string (GsFunnelSource *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
gs_funnel_source_sync (GsFunnelSource *self, const GsModel *m, guint position)
{
  const GsSource *src = &m->sources[position];
  gboolean planned = src->planned != NULL;

  g_return_if_fail (g_strcmp0 (src->id, self->id) == 0);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  set_string (self, &self->name, src->name, PROP_NAME);
  set_string (self, &self->entry_name, m->stages[src->entry_stage].name, PROP_ENTRY_NAME);
  if (self->planned != planned)
    {
      self->planned = planned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

GsFunnelSource *
gs_funnel_source_new (const GsModel *m, guint position)
{
  GsFunnelSource *self = g_object_new (GS_TYPE_FUNNEL_SOURCE, NULL);
  self->id = g_strdup (m->sources[position].id);
  self->position = position;
  self->planned = m->sources[position].planned != NULL;
  gs_funnel_source_sync (self, m, position);
  return self;
}

guint
gs_funnel_source_get_position (GsFunnelSource *self)
{
  return self->position;
}

const char *
gs_funnel_source_get_id (GsFunnelSource *self)
{
  return self->id;
}

const char *
gs_funnel_source_get_name (GsFunnelSource *self)
{
  return self->name;
}

const char *
gs_funnel_source_get_entry_name (GsFunnelSource *self)
{
  return self->entry_name;
}

gboolean
gs_funnel_source_get_planned (GsFunnelSource *self)
{
  return self->planned;
}
