/* gs-actuals-json.c — writing the "actuals" section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-json.h"
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
  if (!g_date_valid (date))
    return;
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  json_object_set_string_member (o, key, text);
}

static void
set_refs (JsonObject *o, const GsActualsData *d, const GsModel *m, int owner, int source,
          const char *crm_source)
{
  if (owner >= 0)
    json_object_set_string_member (o, "owner", d->people[owner].id);
  if (source >= 0)
    json_object_set_string_member (o, "source", m->sources[source].id);
  if (crm_source)
    json_object_set_string_member (o, "crm_source", crm_source);
}

static void
set_credits (JsonObject *o, const char *key, const GsActualsData *d, const GsDealCredit *c, guint n)
{
  JsonArray *arr;
  if (n == 0)
    return;
  arr = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *e = json_object_new ();
      json_object_set_string_member (e, "person", d->people[c[i].person].id);
      json_object_set_double_member (e, "share", c[i].share);
      json_array_add_object_element (arr, e);
    }
  json_object_set_array_member (o, key, arr);
}

/* Discount, term, type and SPIF tags (format 1.3), only when known. */
static void
set_terms (JsonObject *o, const GsActualDeal *a)
{
  if (a->discount >= 0)
    json_object_set_double_member (o, "discount", a->discount);
  if (a->term_months > 0)
    json_object_set_int_member (o, "term_months", a->term_months);
  if (a->type != GS_DEAL_TYPE_UNKNOWN)
    json_object_set_string_member (o, "type", gs_deal_type_names[a->type]);
  if (a->spifs)
    {
      JsonArray *arr = json_array_new ();
      for (guint i = 0; a->spifs[i]; i++)
        json_array_add_string_element (arr, a->spifs[i]);
      json_object_set_array_member (o, "spifs", arr);
    }
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
gs_actuals_to_json (const GsActualsData *d, const GsModel *m)
{
  JsonObject *root = json_object_new ();
  JsonArray *people = json_array_sized_new (d->n_people);
  JsonArray *deals = json_array_sized_new (d->n_deals);
  JsonArray *leads = json_array_sized_new (d->n_leads);

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

  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *a = &d->deals[i];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "id", a->id);
      if (a->name)
        json_object_set_string_member (o, "name", a->name);
      json_object_set_member (o, "amount", gs_json_money_node (a->amount, m->company.digits));
      json_object_set_string_member (o, "stage", m->stages[a->stage].id);
      if (a->crm_stage)
        json_object_set_string_member (o, "crm_stage", a->crm_stage);
      json_object_set_string_member (o, "status", gs_deal_status_names[a->status]);
      set_date (o, "created", &a->created);
      set_date (o, "closed", &a->closed);
      set_refs (o, d, m, a->owner, a->source, a->crm_source);
      set_credits (o, "splits", d, a->splits, a->n_splits);
      set_credits (o, "overlays", d, a->overlays, a->n_overlays);
      set_date (o, "paid", &a->paid);
      set_date (o, "refunded", &a->refunded);
      set_terms (o, a);
      json_array_add_object_element (deals, o);
    }
  json_object_set_array_member (root, "deals", deals);

  for (guint i = 0; i < d->n_leads; i++)
    {
      const GsActualLead *l = &d->leads[i];
      JsonObject *o = json_object_new ();
      JsonObject *reached = json_object_new ();
      json_object_set_string_member (o, "id", l->id);
      set_refs (o, d, m, l->owner, l->source, l->crm_source);
      for (guint s = 0; s < d->n_stages; s++)
        set_date (reached, m->stages[s].id, &l->reached[s]);
      json_object_set_object_member (o, "reached", reached);
      json_array_add_object_element (leads, o);
    }
  json_object_set_array_member (root, "leads", leads);
  if (d->n_disputes > 0)
    json_object_set_member (root, "disputes", gs_disputes_to_json (d));
  return gs_actuals_json_take_object (root);
}
