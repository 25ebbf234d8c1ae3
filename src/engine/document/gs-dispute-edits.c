/* gs-dispute-edits.c — dispute notes edited through the plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-dispute-edits.h"
#include "gs-actuals-json.h"
#include "gs-dispute.h"
#include "gs-error.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

/* The plan's disputes with one more note. */
static JsonNode *
with_note (GsPlan *plan, JsonNode *note)
{
  JsonNode *list = gs_plan_lookup (plan, "actuals.disputes");
  JsonNode *copy = list && JSON_NODE_HOLDS_ARRAY (list)
                       ? gs_json_deep_copy (list)
                       : gs_actuals_json_take_array (json_array_new ());
  json_array_add_element (json_node_get_array (copy), note);
  return copy;
}

gboolean
gs_plan_add_dispute (GsPlan *plan, const GsDispute *note, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsCompModel *comp;
  g_autofree char *text = g_strstrip (g_strdup (note->text ? note->text : ""));
  GsDispute trimmed = *note;
  JsonObject *root;
  const char *version;
  guint major = 1, minor = 0;
  JsonNode *list;

  if (m->comp == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the plan has no compensation section, so no statements to note"));
      return FALSE;
    }
  comp = gs_plan_get_comp (plan, error);
  if (comp == NULL)
    return FALSE;
  trimmed.text = text;
  if (!gs_dispute_check (m, comp, &trimmed, error))
    return FALSE;
  list = with_note (plan, gs_dispute_to_json (m->actuals, &trimmed));
  root = json_node_get_object (gs_plan_get_root (plan));
  version = json_object_get_string_member_with_default (root, "version", "1.0");
  if (sscanf (version, "%u.%u", &major, &minor) == 2 && minor >= GS_FORMAT_MINOR_DISPUTES)
    return gs_plan_set (plan, "actuals.disputes", list, error);

  /* The first note: the version and the list in one edit. */
  {
    g_autoptr (JsonNode) owned = list;
    g_autoptr (JsonNode) copy = gs_json_deep_copy (gs_plan_get_root (plan));
    JsonObject *o = json_node_get_object (copy);
    JsonObject *act = json_object_get_object_member (o, "actuals");
    g_autofree char *v = g_strdup_printf ("%u.%d", major, GS_FORMAT_MINOR_DISPUTES);
    json_object_set_string_member (o, "version", v);
    json_object_set_member (act, "disputes", g_steal_pointer (&owned));
    return gs_plan_replace_root (plan, g_steal_pointer (&copy), error);
  }
}

/* A copy of actuals.disputes[index] to edit (*path set), or NULL. */
static JsonNode *
note_copy (GsPlan *plan, guint index, char **path, GError **error)
{
  JsonNode *node;
  *path = g_strdup_printf ("actuals.disputes[%u]", index);
  node = gs_plan_lookup (plan, *path);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is a note's position, counted from 1. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("the plan has no dispute note %u"),
                   index + 1);
      return NULL;
    }
  return gs_json_deep_copy (node);
}

gboolean
gs_plan_set_dispute_resolved (GsPlan *plan, guint index, gboolean resolved, GError **error)
{
  g_autofree char *path = NULL;
  JsonNode *copy = note_copy (plan, index, &path, error);
  if (copy == NULL)
    return FALSE;
  json_object_set_boolean_member (json_node_get_object (copy), "resolved", resolved);
  return gs_plan_set (plan, path, copy, error);
}

gboolean
gs_plan_set_dispute_text (GsPlan *plan, guint index, const char *text, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  JsonNode *copy = note_copy (plan, index, &path, error);
  if (copy == NULL)
    return FALSE;
  if (*trimmed == '\0')
    {
      json_node_unref (copy);
      /* The words gs_dispute_check uses for a new note. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("a dispute note needs some text"));
      return FALSE;
    }
  json_object_set_string_member (json_node_get_object (copy), "text", trimmed);
  return gs_plan_set (plan, path, copy, error);
}

gboolean
gs_plan_remove_dispute (GsPlan *plan, guint index, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) note = note_copy (plan, index, &path, error);
  g_autoptr (JsonNode) list = NULL;
  if (note == NULL)
    return FALSE;
  list = gs_json_deep_copy (gs_plan_lookup (plan, "actuals.disputes"));
  json_array_remove_element (json_node_get_array (list), index);
  return gs_plan_set (plan, "actuals.disputes", g_steal_pointer (&list), error);
}
