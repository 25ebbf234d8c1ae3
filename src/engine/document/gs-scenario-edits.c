/* gs-scenario-edits.c — making and changing scenarios in the window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario-edits.h"
#include "gs-error.h"
#include "gs-explain-input.h"
#include "gs-json.h"
#include "gs-plan-diff.h"
#include "gs-scenario.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Top-level members that are not what a scenario changes: the scenarios
 * themselves, the meeting (baseline, locks), sign-offs and the change log. */
static gboolean
is_scenario_input (const char *path)
{
  static const char *const skipped[]
      = { "scenarios", "meeting", "agreements", "history", "format", "version" };
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      gsize n = strlen (skipped[i]);
      if (strncmp (path, skipped[i], n) == 0
          && (path[n] == '\0' || path[n] == '.' || path[n] == '['))
        return FALSE;
    }
  return TRUE;
}

/* The changes since the last save that a scenario can hold. */
static GPtrArray *
pending (GsPlan *plan)
{
  /* The store's deals and leads are not built when unchanged since the save. */
  GPtrArray *all = gs_plan_diff_since_saved (plan);
  GPtrArray *out = g_ptr_array_new_with_free_func (gs_input_change_free);

  for (guint i = 0; i < all->len; i++)
    {
      GsInputChange *change = g_ptr_array_index (all, i);
      if (is_scenario_input (change->path))
        g_ptr_array_add (out, g_ptr_array_steal_index (all, i--));
    }
  g_ptr_array_unref (all);
  return out;
}

guint
gs_scenario_pending_changes (GsPlan *plan)
{
  g_autoptr (GPtrArray) changes = pending (plan);
  return changes->len;
}

/* A deep copy of the plan's scenarios list (empty when it has none). */
static JsonArray *
scenarios_copy (GsPlan *plan)
{
  JsonNode *node = gs_plan_lookup (plan, "scenarios");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return json_array_new ();
  return json_array_ref (json_node_get_array (gs_json_deep_copy (node)));
}

/* The index of the entry of list whose string member key is value, or -1. */
static int
find_by (JsonArray *list, const char *key, const char *value)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (
                 json_object_get_string_member_with_default (json_node_get_object (node), key, ""),
                 value)
                 == 0)
        return (int) i;
    }
  return -1;
}

static int
find (JsonArray *list, const char *name)
{
  return find_by (list, "name", name);
}

static JsonObject *
find_or_fail (JsonArray *list, const char *name, GError **error)
{
  int i = find (list, name);
  if (i < 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("There is no scenario named “%s”."),
                   name ? name : "");
      return NULL;
    }
  return json_array_get_object_element (list, (guint) i);
}

/* A name a new or renamed scenario may take; the stripped name. */
static char *
check_name (JsonArray *list, const char *name, const char *except, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("A scenario needs a name."));
      return NULL;
    }
  if (g_ascii_strcasecmp (stripped, GS_SCENARIO_BASE) == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("“%s” is the plan itself; choose another name for the scenario."), stripped);
      return NULL;
    }
  if (g_strcmp0 (stripped, except) != 0 && find (list, stripped) >= 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("There is already a scenario named “%s”; choose another name."), stripped);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/* Stores list (taken) as the scenarios of tree (taken; NULL: the plan's
 * tree), after checking that the scenario called check (if any) applies. */
static gboolean
commit (GsPlan *plan, JsonNode *tree, JsonArray *list, const char *check, GError **error)
{
  g_autoptr (JsonNode) owned = tree ? tree : gs_json_deep_copy (gs_plan_get_root (plan));
  g_autoptr (JsonArray) scenarios = list;
  JsonObject *root = json_node_get_object (owned);

  json_object_set_array_member (root, "scenarios", json_array_ref (scenarios));
  if (check != NULL)
    {
      g_autoptr (GsModel) model = gs_scenario_apply (owned, check, error);
      if (model == NULL)
        return FALSE;
    }
  /* The whole tree when the inputs change too, so it stays one undo step;
   * else only the list (a smaller undo record). */
  if (tree == NULL && gs_plan_lookup (plan, "scenarios") != NULL)
    return gs_plan_set (plan, "scenarios", json_node_init_array (json_node_alloc (), scenarios),
                        error);
  return gs_plan_replace_root (plan, g_steal_pointer (&owned), error);
}

static JsonObject *
override_new (const char *path, JsonNode *value)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "path", path);
  json_object_set_member (o, "value", value);
  return o;
}

gboolean
gs_scenario_save_changes (GsPlan *plan, const char *name, const char *description, GError **error)
{
  g_autoptr (GPtrArray) changes = pending (plan);
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  g_autoptr (JsonNode) tree = NULL;
  g_autofree char *clean = check_name (list, name, NULL, error);
  JsonNode *saved = gs_plan_get_saved_root (plan);
  JsonObject *scenario;
  JsonArray *overrides;

  if (clean == NULL)
    return FALSE;
  if (changes->len == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("Nothing has changed since the plan was saved: change a figure first, "
                      "then save the changes as a scenario."));
      return FALSE;
    }
  tree = gs_json_deep_copy (gs_plan_get_root (plan));
  overrides = json_array_new ();
  scenario = json_object_new ();
  json_object_set_string_member (scenario, "name", clean);
  if (description && *description)
    json_object_set_string_member (scenario, "description", description);
  json_object_set_array_member (scenario, "overrides", overrides);
  json_array_add_object_element (list, scenario);
  for (guint i = 0; i < changes->len; i++)
    {
      const GsInputChange *change = g_ptr_array_index (changes, i);
      JsonNode *was = gs_json_lookup (saved, change->path);

      /* A list matched by id reports a change at its new index; the
       * override applies to the saved plan, so the index must hold there. */
      if (change->kind != GS_INPUT_CHANGED || was == NULL || !gs_json_equal (was, change->from))
        {
          g_autofree char *what = gs_explain_input_path (gs_plan_get_model (plan), change->path);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s was added, removed or moved since the plan was saved; a scenario "
                          "can only change values the plan has. Save the plan with that change "
                          "first, then save the other changes as a scenario."),
                       what);
          return FALSE;
        }
      json_array_add_object_element (overrides,
                                     override_new (change->path, gs_json_deep_copy (change->to)));
      if (!gs_json_replace (tree, change->path, gs_json_deep_copy (was), error))
        return FALSE;
    }
  return commit (plan, g_steal_pointer (&tree), g_steal_pointer (&list), clean, error);
}

char *
gs_scenario_free_name (GsPlan *plan)
{
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  for (guint n = 1;; n++)
    {
      /* Translators: the default name of a new scenario, %u its number. */
      char *name = g_strdup_printf (_ ("Scenario %u"), n);
      if (find (list, name) < 0)
        return name;
      g_free (name);
    }
}

gboolean
gs_scenario_rename (GsPlan *plan, const char *name, const char *new_name, GError **error)
{
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  JsonObject *scenario = find_or_fail (list, name, error);
  g_autofree char *clean = NULL;

  if (scenario == NULL || (clean = check_name (list, new_name, name, error)) == NULL)
    return FALSE;
  json_object_set_string_member (scenario, "name", clean);
  return commit (plan, NULL, g_steal_pointer (&list), clean, error);
}

gboolean
gs_scenario_set_description (GsPlan *plan, const char *name, const char *description,
                             GError **error)
{
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  JsonObject *scenario = find_or_fail (list, name, error);
  g_autofree char *clean = g_strstrip (g_strdup (description ? description : ""));

  if (scenario == NULL)
    return FALSE;
  if (*clean)
    json_object_set_string_member (scenario, "description", clean);
  else
    json_object_remove_member (scenario, "description");
  return commit (plan, NULL, g_steal_pointer (&list), name, error);
}

static int
find_override (JsonArray *overrides, const char *path)
{
  return find_by (overrides, "path", path);
}

static JsonArray *
overrides_of (JsonObject *scenario)
{
  JsonNode *node = json_object_get_member (scenario, "overrides");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (scenario, "overrides", json_array_new ());
      node = json_object_get_member (scenario, "overrides");
    }
  return json_node_get_array (node);
}

gboolean
gs_scenario_set_override (GsPlan *plan, const char *name, const char *path, JsonNode *value,
                          GError **error)
{
  g_autoptr (JsonNode) owned = value;
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  JsonObject *scenario = find_or_fail (list, name, error);
  JsonArray *overrides;
  int i;

  if (scenario == NULL)
    return FALSE;
  overrides = overrides_of (scenario);
  i = find_override (overrides, path);
  if (i >= 0)
    json_object_set_member (json_array_get_object_element (overrides, (guint) i), "value",
                            g_steal_pointer (&owned));
  else
    json_array_add_object_element (overrides, override_new (path, g_steal_pointer (&owned)));
  return commit (plan, NULL, g_steal_pointer (&list), name, error);
}

gboolean
gs_scenario_remove_override (GsPlan *plan, const char *name, const char *path, GError **error)
{
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  JsonObject *scenario = find_or_fail (list, name, error);
  int i;

  if (scenario == NULL)
    return FALSE;
  i = find_override (overrides_of (scenario), path);
  if (i < 0)
    {
      g_autofree char *what = gs_explain_input_path (gs_plan_get_model (plan), path);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Scenario “%s” does not change %s."), name,
                   what);
      return FALSE;
    }
  json_array_remove_element (overrides_of (scenario), (guint) i);
  return commit (plan, NULL, g_steal_pointer (&list), name, error);
}

gboolean
gs_scenario_delete (GsPlan *plan, const char *name, GError **error)
{
  g_autoptr (JsonArray) list = scenarios_copy (plan);
  int i = find (list, name);

  if (find_or_fail (list, name, error) == NULL)
    return FALSE;
  json_array_remove_element (list, (guint) i);
  return commit (plan, NULL, g_steal_pointer (&list), NULL, error);
}

gboolean
gs_scenario_apply_to_plan (GsPlan *plan, const char *name, GError **error)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (gs_plan_get_root (plan), error);
  g_autoptr (JsonNode) tree = NULL;
  const GsScenario *s;

  if (all == NULL)
    return FALSE;
  s = gs_scenarios_find (all, name);
  if (s == NULL || g_strcmp0 (name, GS_SCENARIO_BASE) == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("There is no scenario named “%s”."),
                   name ? name : "");
      return FALSE;
    }
  /* The overrides on a whole copy (gs_scenario_apply_json shares members
   * with the plan and drops its scenarios), put in as one undo step. */
  tree = gs_json_deep_copy (gs_plan_get_root (plan));
  for (guint i = 0; i < s->n_overrides; i++)
    {
      g_autoptr (GError) local = NULL;
      if (gs_json_lookup (tree, s->overrides[i].path) == NULL
          || !gs_json_replace (tree, s->overrides[i].path,
                               gs_json_deep_copy (s->overrides[i].value), &local))
        {
          g_autofree char *what
              = gs_explain_input_path (gs_plan_get_model (plan), s->overrides[i].path);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("Scenario “%s” changes %s, which the plan does not have."), name, what);
          return FALSE;
        }
    }
  return gs_plan_replace_root (plan, g_steal_pointer (&tree), error);
}

char *
gs_scenario_override_value_path (GsPlan *plan, const char *name, guint index)
{
  JsonNode *node = gs_plan_lookup (plan, "scenarios");
  JsonArray *list = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  int s = list ? find (list, name) : -1;
  g_autofree char *path = NULL;

  if (s < 0)
    return NULL;
  path = g_strdup_printf ("scenarios[%d].overrides[%u].value", s, index);
  return gs_plan_lookup (plan, path) ? g_steal_pointer (&path) : NULL;
}
