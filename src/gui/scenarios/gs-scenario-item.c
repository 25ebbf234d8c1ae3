/* gs-scenario-item.c — one scenario of the plan as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario-item.h"

struct _GsScenarioItem
{
  GObject parent_instance;
  char *name;
  char *description; /* "" when none */
  char *layout;
  char *odds;    /* P(hit) and its difference against base; "" before a run */
  char *meeting; /* "2 changes in the meeting"; "" when none or no meeting */
};

G_DEFINE_FINAL_TYPE (GsScenarioItem, gs_scenario_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_LAYOUT,
  PROP_ODDS,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_scenario_item_finalize (GObject *object)
{
  GsScenarioItem *self = GS_SCENARIO_ITEM (object);
  g_free (self->name);
  g_free (self->description);
  g_free (self->layout);
  g_free (self->odds);
  g_free (self->meeting);
  G_OBJECT_CLASS (gs_scenario_item_parent_class)->finalize (object);
}

static void
gs_scenario_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsScenarioItem *self = GS_SCENARIO_ITEM (object);
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LAYOUT:
      g_value_set_string (value, self->layout);
      break;
    case PROP_ODDS:
      g_value_set_string (value, self->odds);
      break;
    case PROP_MEETING:
      g_value_set_string (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_scenario_item_class_init (GsScenarioItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = gs_scenario_item_finalize;
  object_class->get_property = gs_scenario_item_get_property;
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT]
      = g_param_spec_string ("layout", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ODDS]
      = g_param_spec_string ("odds", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] = g_param_spec_string ("meeting", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_scenario_item_init (GsScenarioItem *self)
{
  self->description = g_strdup ("");
  self->layout = g_strdup ("");
  self->odds = g_strdup ("");
  self->meeting = g_strdup ("");
}

GsScenarioItem *
gs_scenario_item_new (const char *name)
{
  GsScenarioItem *self = g_object_new (GS_TYPE_SCENARIO_ITEM, NULL);
  self->name = g_strdup (name);
  return self;
}

/* Sets *field to text and notifies, only when the text changes. */
static void
set_text (GsScenarioItem *self, char **field, const char *text, guint prop)
{
  if (g_strcmp0 (*field, text ? text : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (text ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
gs_scenario_item_get_name (GsScenarioItem *self)
{
  return self->name;
}

const char *
gs_scenario_item_get_description (GsScenarioItem *self)
{
  return self->description;
}

const char *
gs_scenario_item_get_layout (GsScenarioItem *self)
{
  return self->layout;
}

const char *
gs_scenario_item_get_odds (GsScenarioItem *self)
{
  return self->odds;
}

void
gs_scenario_item_set_description (GsScenarioItem *self, const char *description)
{
  set_text (self, &self->description, description, PROP_DESCRIPTION);
}

void
gs_scenario_item_set_layout (GsScenarioItem *self, const char *layout)
{
  set_text (self, &self->layout, layout, PROP_LAYOUT);
}

void
gs_scenario_item_set_odds (GsScenarioItem *self, const char *odds)
{
  set_text (self, &self->odds, odds, PROP_ODDS);
}

const char *
gs_scenario_item_get_meeting (GsScenarioItem *self)
{
  return self->meeting;
}

void
gs_scenario_item_set_meeting (GsScenarioItem *self, const char *meeting)
{
  set_text (self, &self->meeting, meeting, PROP_MEETING);
}
