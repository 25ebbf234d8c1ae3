/* gs-funnel-stage.c — one stage of the funnel as an item of the Funnel
 * page's list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The item is the stage (its id); what a row shows of it is a property that
 * notifies only when it changes, so a row follows a rename, a move or a new
 * neighbour without being rebuilt and the field being typed in keeps focus.
 */
#include "gs-funnel-stage.h"

struct _GsFunnelStage
{
  GObject parent_instance;
  guint position; /* index in funnel.stages (and of its step in funnel.steps) */
  char *id;       /* never changes: the item's identity */
  char *name;
  char *next_name; /* the stage its step leads to; NULL for the last stage */
  gboolean marketing;
  gboolean removable;
};

G_DEFINE_FINAL_TYPE (GsFunnelStage, gs_funnel_stage, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_ID,
  PROP_NAME,
  PROP_NEXT_NAME,
  PROP_MARKETING,
  PROP_REMOVABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_funnel_stage_finalize (GObject *object)
{
  GsFunnelStage *self = GS_FUNNEL_STAGE (object);
  g_free (self->id);
  g_free (self->name);
  g_free (self->next_name);
  G_OBJECT_CLASS (gs_funnel_stage_parent_class)->finalize (object);
}

static void
gs_funnel_stage_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsFunnelStage *self = GS_FUNNEL_STAGE (object);
  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NEXT_NAME:
      g_value_set_string (value, self->next_name);
      break;
    case PROP_MARKETING:
      g_value_set_boolean (value, self->marketing);
      break;
    case PROP_REMOVABLE:
      g_value_set_boolean (value, self->removable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_funnel_stage_class_init (GsFunnelStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  object_class->finalize = gs_funnel_stage_finalize;
  object_class->get_property = gs_funnel_stage_get_property;
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_NAME] = g_param_spec_string ("next-name", NULL, NULL, NULL, flags);
  properties[PROP_MARKETING] = g_param_spec_boolean ("marketing", NULL, NULL, FALSE, flags);
  properties[PROP_REMOVABLE] = g_param_spec_boolean ("removable", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_funnel_stage_init (GsFunnelStage *self)
{
}

static gboolean
set_string (GsFunnelStage *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_uint (GsFunnelStage *self, guint *field, guint value, guint prop)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_bool (GsFunnelStage *self, gboolean *field, gboolean value, guint prop)
{
  value = !!value;
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/* Brings the item in line with stage `position` of m (which must carry the
 * item's id); returns whether anything a row shows changed. */
gboolean
gs_funnel_stage_sync (GsFunnelStage *self, const GsModel *m, guint position)
{
  const GsStage *stage = &m->stages[position];
  gboolean changed = FALSE;

  g_return_val_if_fail (g_strcmp0 (stage->id, self->id) == 0, FALSE);
  g_object_freeze_notify (G_OBJECT (self));
  changed |= set_uint (self, &self->position, position, PROP_POSITION);
  changed |= set_string (self, &self->name, stage->name, PROP_NAME);
  changed |= set_string (self, &self->next_name,
                         position + 1 < m->n_stages ? m->stages[position + 1].name : NULL,
                         PROP_NEXT_NAME);
  changed |= set_bool (self, &self->marketing, position <= m->handoff, PROP_MARKETING);
  /* The first stage (where leads enter) and the last (the win) stay. */
  changed |= set_bool (self, &self->removable, position > 0 && position + 1 < m->n_stages,
                       PROP_REMOVABLE);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

GsFunnelStage *
gs_funnel_stage_new (const GsModel *m, guint position)
{
  GsFunnelStage *self = g_object_new (GS_TYPE_FUNNEL_STAGE, NULL);
  self->id = g_strdup (m->stages[position].id);
  self->position = G_MAXUINT; /* so that sync sets every property */
  self->marketing = self->removable = -1;
  gs_funnel_stage_sync (self, m, position);
  return self;
}

guint
gs_funnel_stage_get_position (GsFunnelStage *self)
{
  return self->position;
}

const char *
gs_funnel_stage_get_id (GsFunnelStage *self)
{
  return self->id;
}

const char *
gs_funnel_stage_get_name (GsFunnelStage *self)
{
  return self->name;
}

const char *
gs_funnel_stage_get_next_name (GsFunnelStage *self)
{
  return self->next_name;
}

gboolean
gs_funnel_stage_get_marketing (GsFunnelStage *self)
{
  return self->marketing;
}

gboolean
gs_funnel_stage_get_removable (GsFunnelStage *self)
{
  return self->removable;
}
