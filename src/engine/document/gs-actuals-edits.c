/* gs-actuals-edits.c — the actuals and the roster edited through the plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-edits.h"
#include "gs-actuals-json.h"
#include "gs-actuals-store.h"
#include "gs-crm-import.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-roster.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

/* A plan keeps its version when it is new enough for what the actuals hold
 * (1.1; 1.2 with dispute notes; 1.3 with a deal's discount, term, type or
 * SPIF tags); an older Goalsheet keeps them as unknown fields. */
static void
raise_version (JsonObject *o, guint needed)
{
  const char *version = json_object_get_string_member_with_default (o, "version", "1.0");
  guint major = 1, minor = 0;
  if (sscanf (version, "%u.%u", &major, &minor) != 2 || minor < needed)
    {
      g_autofree char *v = g_strdup_printf ("%u.%u", major, needed);
      json_object_set_string_member (o, "version", v);
    }
}

/* The rest of the actuals section (all but the records) into a copy of the
 * tree that shares all else, for gs_plan_set_store. */
static JsonNode *
held_root (GsPlan *plan, const GsActualsData *data)
{
  JsonNode *root = gs_json_copy_path (gs_plan_peek_root (plan), "actuals");
  JsonObject *o = json_node_get_object (root);
  raise_version (o, gs_actuals_data_format_minor (data));
  json_object_set_member (o, "actuals", gs_actuals_to_json_held (data, gs_plan_get_model (plan)));
  return root;
}

/* The records as the plan's store, the rest of the section into a copy of
 * the tree that shares all else (gs_plan_set_store): no tree of the
 * records is built. */
gboolean
gs_plan_set_actuals (GsPlan *plan, const GsActualsData *data, GError **error)
{
  g_autoptr (GsActualsStore) store = gs_actuals_store_new (data, gs_plan_get_model (plan), error);
  if (store == NULL)
    return FALSE;
  return gs_plan_set_store (plan, held_root (plan, data), store, error);
}

gboolean
gs_plan_take_actuals (GsPlan *plan, GsActualsData *data, GError **error)
{
  /* The section is made while data still holds the records it reads. */
  g_autoptr (JsonNode) root = held_root (plan, data);
  g_autoptr (GsActualsStore) store
      = gs_actuals_store_new_taking (data, gs_plan_get_model (plan), error);
  if (store == NULL)
    return FALSE;
  return gs_plan_set_store (plan, g_steal_pointer (&root), store, error);
}

gboolean
gs_plan_set_actuals_mapping (GsPlan *plan, const GsActualsMapping *mapping, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  if (m->actuals == NULL)
    {
      g_autoptr (GsActualsData) data = gs_actuals_data_new (m->n_stages);
      g_autoptr (JsonNode) node = gs_actuals_mapping_to_json (mapping);
      /* The new section's mapping read back through the plan's own checks. */
      if (!gs_actuals_mapping_merge (data, m, node, error))
        return FALSE;
      return gs_plan_set_actuals (plan, data, error);
    }
  return gs_plan_set (plan, "actuals.mapping", gs_actuals_mapping_to_json (mapping), error);
}

/* A copy of actuals.people[index], for an edit to replace it whole. */
static JsonNode *
person_copy (GsPlan *plan, guint index, char **path, GError **error)
{
  JsonNode *node;
  *path = g_strdup_printf ("actuals.people[%u]", index);
  node = gs_plan_lookup (plan, *path);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is a position in the roster, counted from 1. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("the roster has no person %u"), index + 1);
      return NULL;
    }
  return gs_json_deep_copy (node);
}

static gboolean
set_person_member (GsPlan *plan, guint index, const char *member, JsonNode *value, GError **error)
{
  g_autoptr (JsonNode) owned = value;
  g_autofree char *path = NULL;
  JsonNode *person = person_copy (plan, index, &path, error);
  if (person == NULL)
    return FALSE;
  if (owned)
    json_object_set_member (json_node_get_object (person), member, g_steal_pointer (&owned));
  else
    json_object_remove_member (json_node_get_object (person), member);
  return gs_plan_set (plan, path, person, error);
}

gboolean
gs_plan_set_person_name (GsPlan *plan, guint index, const char *name, GError **error)
{
  const GsActualsData *d = gs_plan_get_model (plan)->actuals;
  g_autofree char *clean = NULL;
  JsonNode *value;

  /* Not blank, not too long, nobody else's (gs-roster.h). */
  if (d && index < d->n_people
      && (clean = gs_roster_check_name (d, name, (int) index, error)) == NULL)
    return FALSE;
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (value, clean ? clean : name);
  return set_person_member (plan, index, "name", value, error);
}

gboolean
gs_plan_set_person_role (GsPlan *plan, guint index, const char *role, GError **error)
{
  JsonNode *value = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (value, role);
  return set_person_member (plan, index, "role", value, error);
}

gboolean
gs_plan_set_person_quota (GsPlan *plan, guint index, GsMoney quota, GError **error)
{
  /* 0 is "the role's": the member is left out, as the import writes it. */
  JsonNode *value
      = quota > 0 ? gs_json_money_node (quota, gs_plan_get_model (plan)->company.digits) : NULL;
  return set_person_member (plan, index, "quota", value, error);
}
