/* gs-comp-role-item.c — one role of the compensation plan, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-role-item.h"

#include <glib/gi18n.h>

struct _GsCompRoleItem
{
  GObject parent_instance;
  char *id;
  char *name;
  char *detail;
  gboolean marketing;
};

G_DEFINE_FINAL_TYPE (GsCompRoleItem, gs_comp_role_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DETAIL,
  PROP_MARKETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_comp_role_item_finalize (GObject *object)
{
  GsCompRoleItem *self = GS_COMP_ROLE_ITEM (object);
  g_free (self->id);
  g_free (self->name);
  g_free (self->detail);
  G_OBJECT_CLASS (gs_comp_role_item_parent_class)->finalize (object);
}

static void
gs_comp_role_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsCompRoleItem *self = GS_COMP_ROLE_ITEM (object);
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_MARKETING:
      g_value_set_boolean (value, self->marketing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_comp_role_item_class_init (GsCompRoleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = gs_comp_role_item_finalize;
  object_class->get_property = gs_comp_role_item_get_property;
  properties[PROP_ID]
      = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL]
      = g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKETING] = g_param_spec_boolean ("marketing", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_comp_role_item_init (GsCompRoleItem *self)
{
}

static void
set_text (GsCompRoleItem *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
gs_comp_role_item_update (GsCompRoleItem *self, const GsCompRole *role)
{
  gboolean marketing = gs_role_kind_is_marketing (role->kind);
  g_autofree char *detail
      = g_strdup_printf (g_dngettext (NULL, "%s · %u person", "%s · %u people", role->headcount),
                         marketing ? _ ("Marketing") : _ ("Sales"), role->headcount);
  set_text (self, &self->id, role->id, PROP_ID);
  set_text (self, &self->name, role->name, PROP_NAME);
  set_text (self, &self->detail, detail, PROP_DETAIL);
  if (self->marketing != marketing)
    {
      self->marketing = marketing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKETING]);
    }
}

GsCompRoleItem *
gs_comp_role_item_new (const GsCompRole *role)
{
  GsCompRoleItem *self = g_object_new (GS_TYPE_COMP_ROLE_ITEM, NULL);
  gs_comp_role_item_update (self, role);
  return self;
}

const char *
gs_comp_role_item_get_id (GsCompRoleItem *self)
{
  return self->id;
}

const char *
gs_comp_role_item_get_name (GsCompRoleItem *self)
{
  return self->name;
}

const char *
gs_comp_role_item_get_detail (GsCompRoleItem *self)
{
  return self->detail;
}

gboolean
gs_comp_role_item_get_marketing (GsCompRoleItem *self)
{
  return self->marketing;
}
