/* gs-scenario-column.c — one scenario of the plan as an item of the
 * Scenarios page's comparison: its name and its headline figures as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyed by the scenario's name; the figures (formatted by the engine)
 * notify only when their text changes, so an edit that moves one scenario's
 * plan updates that column's labels and nothing else.
 */
#include "gs-scenario-column.h"

struct _GsScenarioColumn
{
  GObject parent_instance;
  char *name;
  char **values; /* one text per figure shown, "" where the scenario has none */
  char **diffs;  /* per figure: the difference against base ("" none), or NULL */
  char **styles; /* per figure: "good", "bad", "neutral" or "" (no change) */
};

G_DEFINE_FINAL_TYPE (GsScenarioColumn, gs_scenario_column, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_scenario_column_finalize (GObject *object)
{
  GsScenarioColumn *self = GS_SCENARIO_COLUMN (object);
  g_free (self->name);
  g_strfreev (self->values);
  g_strfreev (self->diffs);
  g_strfreev (self->styles);
  G_OBJECT_CLASS (gs_scenario_column_parent_class)->finalize (object);
}

static void
gs_scenario_column_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsScenarioColumn *self = GS_SCENARIO_COLUMN (object);
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_scenario_column_class_init (GsScenarioColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  object_class->finalize = gs_scenario_column_finalize;
  object_class->get_property = gs_scenario_column_get_property;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_VALUES] = g_param_spec_boxed ("values", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_scenario_column_init (GsScenarioColumn *self)
{
}

GsScenarioColumn *
gs_scenario_column_new (const char *name, const char *const *values)
{
  GsScenarioColumn *self = g_object_new (GS_TYPE_SCENARIO_COLUMN, NULL);
  self->name = g_strdup (name);
  self->values = g_strdupv ((char **) values);
  return self;
}

const char *
gs_scenario_column_get_name (GsScenarioColumn *self)
{
  return self->name;
}

const char *const *
gs_scenario_column_get_values (GsScenarioColumn *self)
{
  return (const char *const *) self->values;
}

void
gs_scenario_column_set_values (GsScenarioColumn *self, const char *const *values)
{
  if (g_strv_equal ((const char *const *) self->values, values))
    return;
  g_strfreev (self->values);
  self->values = g_strdupv ((char **) values);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

/* The values with the differences against base shown beside them and how
 * each reads (the engine's verdict); notifies "values" once when any
 * changes. */
static gboolean
same (char **a, const char *const *b)
{
  if (a == NULL || b == NULL)
    return (gconstpointer) a == (gconstpointer) b;
  return g_strv_equal ((const char *const *) a, b);
}

void
gs_scenario_column_set_texts (GsScenarioColumn *self, const char *const *values,
                              const char *const *diffs, const char *const *styles)
{
  if (same (self->values, values) && same (self->diffs, diffs) && same (self->styles, styles))
    return;
  g_strfreev (self->values);
  g_strfreev (self->diffs);
  g_strfreev (self->styles);
  self->values = g_strdupv ((char **) values);
  self->diffs = g_strdupv ((char **) diffs);
  self->styles = g_strdupv ((char **) styles);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

const char *const *
gs_scenario_column_get_diffs (GsScenarioColumn *self)
{
  return (const char *const *) self->diffs;
}

const char *const *
gs_scenario_column_get_styles (GsScenarioColumn *self)
{
  return (const char *const *) self->styles;
}
