/* gs-comp-structure.c — roles and components added, removed, duplicated and
 * reordered.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit rebuilds one array (the roles, or a role's components) in a copy
 * of the plan, from the old elements in a new order plus at most one new
 * element, and lets the scenarios follow the same order.
 */
#include "gs-comp-structure.h"
#include "gs-actuals-data.h"
#include "gs-comp-edits.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-scenario.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define NEW (G_MAXUINT) /* in an order: the new element */

static const GsCompModel *
comp_or_refuse (GsPlan *plan, GError **error)
{
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  if (comp == NULL)
    comp = gs_plan_get_model (plan)->comp;
  if (comp == NULL)
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("The plan has no compensation plans"));
  return comp;
}

static const GsCompRole *
role_or_refuse (GsPlan *plan, guint role, GError **error)
{
  const GsCompModel *comp = comp_or_refuse (plan, error);
  if (comp == NULL)
    return NULL;
  if (role >= comp->n_roles)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("The plan has no role %u (it has %u)"),
                   role + 1, comp->n_roles);
      return NULL;
    }
  return &comp->roles[role];
}

static gboolean
component_or_refuse (const GsCompRole *r, guint component, GError **error)
{
  if (component < r->n_components)
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s has no component %u (it has %u)"), r->name,
               component + 1, r->n_components);
  return FALSE;
}

/* A copy of the plan whose array at path holds, at i, old element order[i]
 * (NEW: extra); the scenarios follow.  *out is the new array, to adjust. */
static JsonNode *
rearranged (GsPlan *plan, const char *path, const guint *order, guint n, JsonNode *extra,
            JsonArray **out)
{
  JsonNode *tree = gs_json_deep_copy (gs_plan_get_root (plan));
  JsonNode *node = gs_json_lookup (tree, path);
  JsonArray *old = json_node_get_array (node);
  guint n_old = json_array_get_length (old);
  g_autofree guint *map = g_new (guint, n_old);
  g_autoptr (JsonArray) fresh = json_array_new ();

  for (guint i = 0; i < n_old; i++)
    map[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      if (order[i] == NEW)
        json_array_add_element (fresh, json_node_ref (extra));
      else
        {
          json_array_add_element (fresh, json_node_ref (json_array_get_element (old, order[i])));
          map[order[i]] = i;
        }
    }
  json_node_set_array (node, fresh);
  gs_scenarios_remap_paths (tree, path, map, n_old);
  *out = json_node_get_array (node);
  return tree;
}

/* An id like base that no item has yet: base, base-2, base-3, … */
typedef const char *(*IdOf) (gconstpointer items, guint i);

static char *
unique_id (const char *base, IdOf id_of, gconstpointer items, guint n)
{
  for (guint k = 1;; k++)
    {
      g_autofree char *id = k == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, k);
      gboolean taken = FALSE;
      for (guint i = 0; i < n && !taken; i++)
        taken = g_strcmp0 (id_of (items, i), id) == 0;
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static const char *
role_id (gconstpointer items, guint i)
{
  return ((const GsCompRole *) items)[i].id;
}

static const char *
component_id (gconstpointer items, guint i)
{
  return ((const GsCompComponent *) items)[i].id;
}

static guint *
identity (guint n, guint extra)
{
  guint *order = g_new (guint, n + extra);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  return order;
}

static gboolean
commit (GsPlan *plan, JsonNode *tree, GError **error)
{
  return gs_plan_replace_root (plan, tree, error);
}

/* Roles ----------------------------------------------------------------------- */

gboolean
gs_comp_add_role (GsPlan *plan, guint *index, GError **error)
{
  const GsCompModel *comp = comp_or_refuse (plan, error);
  g_autoptr (JsonNode) role = NULL;
  g_autofree guint *order = NULL;
  g_autofree char *id = NULL;
  JsonObject *r, *c, *table;
  JsonArray *comps, *roles;
  JsonNode *tree;

  if (comp == NULL)
    return FALSE;
  if (comp->n_roles >= GS_MAX_ROLES)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("The plan has %u roles, as many as a plan can hold"), comp->n_roles);
      return FALSE;
    }
  id = unique_id ("new-role", role_id, comp->roles, comp->n_roles);
  r = json_object_new ();
  json_object_set_string_member (r, "id", id);
  json_object_set_string_member (r, "name", _ ("New role"));
  json_object_set_string_member (r, "kind", "ae");
  json_object_set_member (
      r, "ote", gs_json_money_node (100000 * (GsMoney) pow (10, comp->digits), comp->digits));
  json_object_set_double_member (r, "pay_mix", 0.5);
  json_object_set_int_member (r, "headcount", 1);
  c = json_object_new ();
  json_object_set_string_member (c, "id", "bookings");
  json_object_set_string_member (c, "measure", gs_measure_id (GS_MEASURE_OWN_BOOKINGS));
  json_object_set_double_member (c, "weight", 1);
  json_object_set_string_member (c, "period", "quarterly");
  table = json_object_new ();
  json_object_set_string_member (table, "type", "flat");
  json_object_set_double_member (table, "rate", 1);
  json_object_set_object_member (c, "table", table);
  comps = json_array_new ();
  json_array_add_object_element (comps, c);
  json_object_set_array_member (r, "components", comps);
  role = json_node_init_object (json_node_alloc (), r);
  json_object_unref (r);

  order = identity (comp->n_roles, 1);
  order[comp->n_roles] = NEW;
  tree = rearranged (plan, "compensation.roles", order, comp->n_roles + 1, role, &roles);
  if (index)
    *index = comp->n_roles;
  return commit (plan, tree, error);
}

/* "Ann Lee, Omar Ali and 3 others": who on the roster is on a role. */
static char *
roster_on (const GsModel *m, const char *id, guint *count)
{
  GString *names = g_string_new (NULL);
  guint shown = 0;
  *count = 0;
  for (guint i = 0; m->actuals && i < m->actuals->n_people; i++)
    if (g_strcmp0 (m->actuals->people[i].role, id) == 0)
      {
        if (++*count <= 3)
          {
            if (shown++)
              g_string_append (names, ", ");
            g_string_append (names, m->actuals->people[i].name);
          }
      }
  if (*count > 3)
    g_string_append_printf (
        names, g_dngettext (GETTEXT_PACKAGE, " and %u other", " and %u others", *count - 3),
        *count - 3);
  return g_string_free (names, FALSE);
}

gboolean
gs_comp_remove_role (GsPlan *plan, guint role, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsCompModel *comp;
  const GsCompRole *r = role_or_refuse (plan, role, error);
  g_autofree guint *order = NULL;
  g_autofree char *who = NULL;
  JsonArray *roles;
  guint count;

  if (r == NULL)
    return FALSE;
  comp = comp_or_refuse (plan, error);
  if (comp->n_roles == 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s is the plan’s last role and cannot be removed; add another role first"),
                   r->name);
      return FALSE;
    }
  who = roster_on (m, r->id, &count);
  if (count)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s cannot be removed: %s is on it in the roster; move them to "
                                "another role first",
                                "%s cannot be removed: %s are on it in the roster; move them to "
                                "another role first",
                                count),
                   r->name, who);
      return FALSE;
    }
  if (m->actuals
      && json_object_has_member (json_node_get_object (gs_plan_get_root (plan)), "actuals")
      && g_strcmp0 (m->actuals->mapping.owner_role, r->id) == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s cannot be removed: the CRM import puts new deal owners on it; choose "
                      "another role for them first"),
                   r->name);
      return FALSE;
    }
  order = g_new (guint, comp->n_roles - 1);
  for (guint i = 0, k = 0; i < comp->n_roles; i++)
    if (i != role)
      order[k++] = i;
  return commit (
      plan, rearranged (plan, "compensation.roles", order, comp->n_roles - 1, NULL, &roles), error);
}

gboolean
gs_comp_duplicate_role (GsPlan *plan, guint role, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  const GsCompModel *comp;
  g_autoptr (JsonNode) copy = NULL;
  g_autofree guint *order = NULL;
  g_autofree char *base = NULL, *id = NULL, *name = NULL;
  g_autofree char *path = NULL;
  JsonArray *roles;

  if (r == NULL)
    return FALSE;
  comp = comp_or_refuse (plan, error);
  if (comp->n_roles >= GS_MAX_ROLES)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("The plan has %u roles, as many as a plan can hold"), comp->n_roles);
      return FALSE;
    }
  path = g_strdup_printf ("compensation.roles[%u]", role);
  copy = gs_json_deep_copy (gs_plan_lookup (plan, path));
  base = g_strdup_printf ("%s-copy", r->id);
  id = unique_id (base, role_id, comp->roles, comp->n_roles);
  /* TRANSLATORS: the name of a duplicated role or component, "AE (copy)" */
  name = g_strdup_printf (_ ("%s (copy)"), r->name);
  json_object_set_string_member (json_node_get_object (copy), "id", id);
  json_object_set_string_member (json_node_get_object (copy), "name", name);
  order = g_new (guint, comp->n_roles + 1);
  for (guint i = 0, k = 0; i < comp->n_roles; i++)
    {
      order[k++] = i;
      if (i == role)
        order[k++] = NEW;
    }
  return commit (
      plan, rearranged (plan, "compensation.roles", order, comp->n_roles + 1, copy, &roles), error);
}

/* The order that moves element from to position to. */
static guint *
moved (guint n, guint from, guint to)
{
  guint *order = g_new (guint, n);
  for (guint i = 0, k = 0; i < n; i++)
    {
      if (k == from)
        k++;
      order[i] = i == to ? from : k++;
    }
  return order;
}

gboolean
gs_comp_move_role (GsPlan *plan, guint role, guint to, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  const GsCompModel *comp;
  g_autofree guint *order = NULL;
  JsonArray *roles;

  if (r == NULL)
    return FALSE;
  comp = comp_or_refuse (plan, error);
  if (to >= comp->n_roles)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   to == G_MAXUINT ? _ ("%s is already the first role")
                                   : _ ("%s is already the last role"),
                   r->name);
      return FALSE;
    }
  if (to == role)
    return TRUE;
  order = moved (comp->n_roles, role, to);
  return commit (plan, rearranged (plan, "compensation.roles", order, comp->n_roles, NULL, &roles),
                 error);
}

/* Components ------------------------------------------------------------------ */

static char *
components_path (guint role)
{
  return g_strdup_printf ("compensation.roles[%u].components", role);
}

/* People with their own quotas are paid on the first component's measure: a
 * different first measure would change what their quotas mean. */
static gboolean
first_measure_kept (const GsCompRole *r, GsMeasure first, GError **error)
{
  gboolean quotas = FALSE;
  for (guint i = 0; i < r->n_people; i++)
    quotas = quotas || r->people[i].quota > 0;
  if (!quotas || first == r->components[0].measure)
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
               _ ("%s lists people with their own quota on %s, its first component; keep a "
                  "component on %s first"),
               r->name, gs_measure_label (r->components[0].measure),
               gs_measure_label (r->components[0].measure));
  return FALSE;
}

static void
set_weight (JsonArray *comps, guint i, double w)
{
  json_object_set_double_member (json_array_get_object_element (comps, i), "weight",
                                 fabs (w) < 1e-12 ? 0 : w);
}

gboolean
gs_comp_add_component (GsPlan *plan, guint role, guint *index, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  g_autoptr (JsonNode) node = NULL;
  g_autofree guint *order = NULL;
  g_autofree char *id = NULL, *path = NULL;
  GsMeasure measure = GS_MEASURE_COMPANY_BOOKINGS;
  JsonObject *c, *table;
  JsonArray *comps;

  if (r == NULL)
    return FALSE;
  if (r->n_components >= GS_MAX_COMPONENTS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s has %u components, as many as a role can hold"), r->name,
                   r->n_components);
      return FALSE;
    }
  for (guint k = 0; k < GS_N_MEASURES; k++)
    {
      gboolean used = FALSE;
      for (guint i = 0; i < r->n_components; i++)
        used = used || r->components[i].measure == k;
      if (!used && gs_comp_quota_default (gs_plan_get_model (plan), r->kind, k) != GS_QUOTA_NONE)
        {
          measure = k;
          break;
        }
    }
  id = unique_id (gs_measure_id (measure), component_id, r->components, r->n_components);
  c = json_object_new ();
  json_object_set_string_member (c, "id", id);
  json_object_set_string_member (c, "measure", gs_measure_id (measure));
  json_object_set_double_member (c, "weight", 0);
  json_object_set_string_member (c, "period", "quarterly");
  table = json_object_new ();
  json_object_set_string_member (table, "type", "flat");
  json_object_set_double_member (table, "rate", 1);
  json_object_set_object_member (c, "table", table);
  node = json_node_init_object (json_node_alloc (), c);
  json_object_unref (c);

  order = identity (r->n_components, 1);
  order[r->n_components] = NEW;
  path = components_path (role);
  if (index)
    *index = r->n_components;
  return commit (plan, rearranged (plan, path, order, r->n_components + 1, node, &comps), error);
}

gboolean
gs_comp_remove_component (GsPlan *plan, guint role, guint component, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  g_autofree guint *order = NULL;
  g_autofree char *path = NULL;
  JsonArray *comps;
  JsonNode *tree;
  double gone, rest = 0, given = 0;
  guint n;

  if (r == NULL || !component_or_refuse (r, component, error))
    return FALSE;
  n = r->n_components;
  if (n == 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s is the only component of %s and cannot be removed; a role pays on at "
                      "least one"),
                   r->components[component].name, r->name);
      return FALSE;
    }
  if (!first_measure_kept (r, r->components[component == 0 ? 1 : 0].measure, error))
    return FALSE;
  gone = r->components[component].weight;
  order = g_new (guint, n - 1);
  for (guint i = 0, k = 0; i < n; i++)
    if (i != component)
      {
        order[k++] = i;
        rest += r->components[i].weight;
      }
  path = components_path (role);
  tree = rearranged (plan, path, order, n - 1, NULL, &comps);
  /* The others share the removed weight in proportion to theirs (evenly if
   * they had none), rounded to 10^-6; the last takes the remainder so the
   * weights still add up to exactly 100 %. */
  for (guint k = 0; k + 1 < n - 1; k++)
    {
      double w = r->components[order[k]].weight;
      w += rest > 0 ? gone * w / rest : gone / (n - 1);
      w = round (w * 1e6) / 1e6;
      given += w;
      set_weight (comps, k, w);
    }
  set_weight (comps, n - 2, 1.0 - given);
  return commit (plan, tree, error);
}

gboolean
gs_comp_duplicate_component (GsPlan *plan, guint role, guint component, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  const GsCompComponent *c;
  g_autoptr (JsonNode) copy = NULL;
  g_autofree guint *order = NULL;
  g_autofree char *path = NULL, *cpath = NULL, *base = NULL, *id = NULL, *name = NULL;
  JsonArray *comps;
  JsonNode *tree;
  guint n;

  if (r == NULL || !component_or_refuse (r, component, error))
    return FALSE;
  n = r->n_components;
  c = &r->components[component];
  if (n >= GS_MAX_COMPONENTS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s has %u components, as many as a role can hold"), r->name, n);
      return FALSE;
    }
  cpath = g_strdup_printf ("compensation.roles[%u].components[%u]", role, component);
  copy = gs_json_deep_copy (gs_plan_lookup (plan, cpath));
  base = g_strdup_printf ("%s-copy", c->id);
  id = unique_id (base, component_id, r->components, r->n_components);
  name = g_strdup_printf (_ ("%s (copy)"), c->name);
  json_object_set_string_member (json_node_get_object (copy), "id", id);
  json_object_set_string_member (json_node_get_object (copy), "name", name);
  order = g_new (guint, n + 1);
  for (guint i = 0, k = 0; i < n; i++)
    {
      order[k++] = i;
      if (i == component)
        order[k++] = NEW;
    }
  path = components_path (role);
  tree = rearranged (plan, path, order, n + 1, copy, &comps);
  /* The two halves of the weight pay what the original did. */
  set_weight (comps, component, c->weight / 2);
  set_weight (comps, component + 1, c->weight / 2);
  return commit (plan, tree, error);
}

gboolean
gs_comp_move_component (GsPlan *plan, guint role, guint component, guint to, GError **error)
{
  const GsCompRole *r = role_or_refuse (plan, role, error);
  g_autofree guint *order = NULL;
  g_autofree char *path = NULL;
  JsonArray *comps;

  if (r == NULL || !component_or_refuse (r, component, error))
    return FALSE;
  if (to >= r->n_components)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   to == G_MAXUINT ? _ ("%s is already the first component")
                                   : _ ("%s is already the last component"),
                   r->components[component].name);
      return FALSE;
    }
  if (to == component)
    return TRUE;
  order = moved (r->n_components, component, to);
  if (!first_measure_kept (r, r->components[order[0]].measure, error))
    return FALSE;
  path = components_path (role);
  return commit (plan, rearranged (plan, path, order, r->n_components, NULL, &comps), error);
}
