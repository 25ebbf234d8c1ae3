/* gs-actuals-line.c — one line of plan versus actual, as a list item.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-line.h"

#include <glib/gi18n.h>

struct _GsActualsLine
{
  GObject parent_instance;
  char *title;
  char *subtitle;
  char *planned;
  char *actual;
  char *share;
  GsPace pace;
  int person;
  char *delta;           /* meeting mode: the change since the baseline, or NULL */
  const char *delta_css; /* the verdict's style class (static) */
};

G_DEFINE_FINAL_TYPE (GsActualsLine, gs_actuals_line, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PLANNED,
  PROP_ACTUAL,
  PROP_SHARE,
  PROP_PACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_actuals_line_finalize (GObject *object)
{
  GsActualsLine *self = GS_ACTUALS_LINE (object);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->planned);
  g_free (self->actual);
  g_free (self->share);
  g_free (self->delta);
  G_OBJECT_CLASS (gs_actuals_line_parent_class)->finalize (object);
}

static void
gs_actuals_line_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsActualsLine *self = GS_ACTUALS_LINE (object);
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PLANNED:
      g_value_set_string (value, self->planned);
      break;
    case PROP_ACTUAL:
      g_value_set_string (value, self->actual);
      break;
    case PROP_SHARE:
      g_value_set_string (value, self->share);
      break;
    case PROP_PACE:
      g_value_set_int (value, self->pace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_actuals_line_class_init (GsActualsLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  object_class->finalize = gs_actuals_line_finalize;
  object_class->get_property = gs_actuals_line_get_property;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED] = g_param_spec_string ("planned", NULL, NULL, NULL, flags);
  properties[PROP_ACTUAL] = g_param_spec_string ("actual", NULL, NULL, NULL, flags);
  properties[PROP_SHARE] = g_param_spec_string ("share", NULL, NULL, NULL, flags);
  properties[PROP_PACE]
      = g_param_spec_int ("pace", NULL, NULL, GS_PACE_ON, GS_PACE_BEHIND, GS_PACE_ON, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_actuals_line_init (GsActualsLine *self)
{
}

GsActualsLine *
gs_actuals_line_new (const char *title, const char *subtitle, const char *planned,
                     const char *actual, const char *share, GsPace pace)
{
  GsActualsLine *self = g_object_new (GS_TYPE_ACTUALS_LINE, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->planned = g_strdup (planned);
  self->actual = g_strdup (actual);
  self->share = g_strdup (share);
  self->pace = pace;
  self->person = -1;
  return self;
}

const char *
gs_actuals_line_get_title (GsActualsLine *self)
{
  return self->title;
}

const char *
gs_actuals_line_get_subtitle (GsActualsLine *self)
{
  return self->subtitle;
}

const char *
gs_actuals_line_get_planned (GsActualsLine *self)
{
  return self->planned;
}

const char *
gs_actuals_line_get_actual (GsActualsLine *self)
{
  return self->actual;
}

const char *
gs_actuals_line_get_share (GsActualsLine *self)
{
  return self->share;
}

GsPace
gs_actuals_line_get_pace (GsActualsLine *self)
{
  return self->pace;
}

int
gs_actuals_line_get_person (GsActualsLine *self)
{
  return self->person;
}

void
gs_actuals_line_set_person (GsActualsLine *self, int person)
{
  self->person = person;
}

const char *
gs_pace_label (GsPace pace)
{
  switch (pace)
    {
    case GS_PACE_ON:
      return _ ("On pace");
    case GS_PACE_NEAR:
      return _ ("Near pace");
    case GS_PACE_BEHIND:
    default:
      return _ ("Behind");
    }
}

const char *
gs_pace_css_class (GsPace pace)
{
  static const char *const classes[] = { "pace-on", "pace-near", "pace-behind" };
  return classes[MIN ((guint) pace, G_N_ELEMENTS (classes) - 1)];
}

void
gs_actuals_line_set_delta (GsActualsLine *self, const char *delta, const char *css_class)
{
  g_free (self->delta);
  /* "" when unchanged: the row keeps the column, so figures stay aligned. */
  self->delta = g_strdup (delta ? delta : "");
  self->delta_css = delta ? css_class : NULL;
}

const char *
gs_actuals_line_get_delta (GsActualsLine *self, const char **css_class)
{
  if (css_class)
    *css_class = self->delta_css;
  return self->delta && *self->delta ? self->delta : NULL;
}

gboolean
gs_actuals_line_has_delta (GsActualsLine *self)
{
  return self->delta != NULL;
}
