/* gs-actuals-json.c — writing the "actuals" section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-json.h"
#include "gs-actuals-store.h"
#include "gs-json.h"

/* json_node_init_object would take a reference of its own and leak ours. */
JsonNode *
gs_actuals_json_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

JsonNode *
gs_actuals_json_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
map_node (const GsMapEntry *e, guint n)
{
  JsonObject *o = json_object_new ();
  for (guint i = 0; i < n; i++)
    json_object_set_string_member (o, e[i].crm, e[i].plan);
  return gs_actuals_json_take_object (o);
}

static void
set_date (JsonObject *o, const char *key, const GDate *date)
{
  char text[16];
  if (gs_actuals_date_text (date, text))
    json_object_set_string_member (o, key, text);
}

JsonNode *
gs_dispute_to_json (const GsActualsData *d, const GsDispute *n)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "person", d->people[n->person].id);
  json_object_set_string_member (o, "period", n->period);
  if (n->deal)
    json_object_set_string_member (o, "deal", n->deal);
  json_object_set_string_member (o, "line", gs_dispute_line_names[n->line]);
  json_object_set_string_member (o, "text", n->text);
  if (n->author)
    json_object_set_string_member (o, "author", n->author);
  set_date (o, "date", &n->date);
  json_object_set_boolean_member (o, "resolved", n->resolved);
  return gs_actuals_json_take_object (o);
}

JsonNode *
gs_disputes_to_json (const GsActualsData *d)
{
  JsonArray *arr = json_array_sized_new (d->n_disputes);
  for (guint i = 0; i < d->n_disputes; i++)
    json_array_add_element (arr, gs_dispute_to_json (d, &d->disputes[i]));
  return gs_actuals_json_take_array (arr);
}

JsonNode *
gs_actuals_mapping_to_json (const GsActualsMapping *m)
{
  JsonObject *mapping = json_object_new ();
  json_object_set_member (mapping, "stages", map_node (m->stages, m->n_stages));
  json_object_set_member (mapping, "sources", map_node (m->sources, m->n_sources));
  json_object_set_member (mapping, "columns", map_node (m->columns, m->n_columns));
  json_object_set_string_member (mapping, "date_order", gs_date_order_names[m->date_order]);
  json_object_set_string_member (mapping, "owner_role", m->owner_role);
  return gs_actuals_json_take_object (mapping);
}

JsonNode *
gs_actuals_to_json_held (const GsActualsData *d, const GsModel *m)
{
  JsonObject *root = json_object_new ();
  JsonArray *people = json_array_sized_new (d->n_people);

  json_object_set_member (root, "mapping", gs_actuals_mapping_to_json (&d->mapping));
  for (guint i = 0; i < d->n_people; i++)
    {
      const GsPerson *p = &d->people[i];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "id", p->id);
      json_object_set_string_member (o, "name", p->name);
      if (p->email)
        json_object_set_string_member (o, "email", p->email);
      json_object_set_string_member (o, "role", p->role);
      if (p->quota > 0)
        json_object_set_member (o, "quota", gs_json_money_node (p->quota, m->company.digits));
      json_array_add_object_element (people, o);
    }
  json_object_set_array_member (root, "people", people);
  json_object_set_null_member (root, "deals");
  json_object_set_null_member (root, "leads");
  if (d->n_disputes > 0)
    json_object_set_member (root, "disputes", gs_disputes_to_json (d));
  return gs_actuals_json_take_object (root);
}

JsonNode *
gs_actuals_to_json (const GsActualsData *d, const GsModel *m)
{
  g_autoptr (GsActualsStore) store = gs_actuals_store_new (d, m, NULL);
  JsonNode *node = gs_actuals_to_json_held (d, m);
  JsonObject *o = json_node_get_object (node);
  /* A text over its limit is written as it is, for the plan to refuse. */
  if (store == NULL)
    store = gs_actuals_store_new_unchecked (d, m);
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    json_object_set_member (o, gs_actuals_store_list_names[l], gs_actuals_store_build (store, l));
  return node;
}
