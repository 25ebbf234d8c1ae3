/* gs-actuals-mapping.c — a mapping file (--mapping MAP.json) merged in.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-import.h"
#include "gs-crm-names.h"
#include "gs-error.h"
#include "gs-json.h"

#include <string.h>
#include <glib/gi18n-lib.h>

static gboolean
merge_list (JsonObject *obj, const char *key, GsMapEntry **entries, guint *n, GError **error)
{
  JsonObject *map;
  g_autoptr (GList) members = NULL;
  if (!gs_json_object (obj, "mapping", key, GS_FIELD_OPTIONAL, &map, error))
    return FALSE;
  if (map == NULL)
    return TRUE;
  members = json_object_get_members (map);
  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *value = NULL;
      g_autofree char *path = gs_json_child_path ("mapping", key);
      if (!gs_json_string (map, path, l->data, GS_FIELD_REQUIRED, NULL, &value, error))
        return FALSE;
      gs_actuals_map_set (entries, n, l->data, value);
    }
  return TRUE;
}

gboolean
gs_actuals_mapping_merge (GsActualsData *d, const GsModel *m, JsonNode *node, GError **error)
{
  JsonObject *obj;
  GsActualsMapping *mp = &d->mapping;
  g_autofree char *role = NULL;
  int order;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a mapping is a JSON object with stages, sources and columns"));
      return FALSE;
    }
  obj = json_node_get_object (node);
  if (!merge_list (obj, "stages", &mp->stages, &mp->n_stages, error)
      || !merge_list (obj, "sources", &mp->sources, &mp->n_sources, error)
      || !merge_list (obj, "columns", &mp->columns, &mp->n_columns, error)
      || !gs_json_enum (obj, "mapping", "date_order", GS_FIELD_OPTIONAL, mp->date_order,
                        gs_date_order_names, &order, error)
      || !gs_json_string (obj, "mapping", "owner_role", GS_FIELD_OPTIONAL, mp->owner_role, &role,
                          error))
    return FALSE;
  mp->date_order = order;
  g_free (mp->owner_role);
  mp->owner_role = g_steal_pointer (&role);
  /* Checked against the plan like the section itself. */
  for (guint i = 0; i < mp->n_stages; i++)
    if (strcmp (mp->stages[i].plan, "lost") != 0
        && gs_model_stage_index (m, mp->stages[i].plan) == G_MAXUINT)
      {
        g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                     _ ("mapping.stages: “%s” is not a stage of the plan (or “lost”)"),
                     mp->stages[i].plan);
        return FALSE;
      }
  for (guint i = 0; i < mp->n_sources; i++)
    {
      gboolean found = FALSE;
      for (guint s = 0; s < m->n_sources; s++)
        found |= strcmp (m->sources[s].id, mp->sources[i].plan) == 0;
      if (!found)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("mapping.sources: “%s” is not a source of the plan"),
                       mp->sources[i].plan);
          return FALSE;
        }
    }
  return TRUE;
}
