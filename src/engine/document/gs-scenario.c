/* gs-scenario.c — reading, applying and comparing named scenarios.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

void
gs_scenario_free (GsScenario *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < s->n_overrides; i++)
    {
      g_free (s->overrides[i].path);
      if (s->overrides[i].value)
        json_node_unref (s->overrides[i].value);
    }
  g_free (s->overrides);
  g_free (s->name);
  g_free (s->description);
  g_free (s);
}

static gboolean
read_scenario (JsonArray *array, guint index, GPtrArray *out, GError **error)
{
  g_autofree char *path = gs_json_index_path ("scenarios", index);
  g_autoptr (GsScenario) s = g_new0 (GsScenario, 1);
  JsonObject *obj = gs_json_array_object (array, "scenarios", index, error);
  JsonArray *overrides = NULL;

  if (obj == NULL)
    return FALSE;
  if (!gs_json_string (obj, path, "name", GS_FIELD_REQUIRED, NULL, &s->name, error)
      || !gs_json_string (obj, path, "description", GS_FIELD_OPTIONAL, NULL, &s->description, error)
      || !gs_json_list (obj, path, "overrides", GS_FIELD_REQUIRED, GS_MAX_OVERRIDES, &overrides,
                        error))
    return FALSE;
  g_strstrip (s->name);
  if (*s->name == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s.name: a scenario needs a name"), path);
      return FALSE;
    }
  if (g_ascii_strcasecmp (s->name, GS_SCENARIO_BASE) == 0)
    {
      g_set_error (
          error, GS_ERROR, GS_ERROR_INVALID,
          _ ("%s.name: “%s” is the plan itself and cannot be redefined; choose another name"), path,
          s->name);
      return FALSE;
    }
  if (gs_scenarios_find (out, s->name))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s.name: there is already a scenario named “%s”"), path, s->name);
      return FALSE;
    }

  s->n_overrides = json_array_get_length (overrides);
  s->overrides = g_new0 (GsOverride, s->n_overrides);
  for (guint i = 0; i < s->n_overrides; i++)
    {
      g_autofree char *apath = gs_json_child_path (path, "overrides");
      g_autofree char *opath = gs_json_index_path (apath, i);
      g_autofree char *vpath = gs_json_child_path (opath, "value");
      JsonObject *o = gs_json_array_object (overrides, apath, i, error);
      JsonNode *value;

      if (o == NULL)
        return FALSE;
      if (!gs_json_string (o, opath, "path", GS_FIELD_REQUIRED, NULL, &s->overrides[i].path, error))
        return FALSE;
      value = json_object_get_member (o, "value");
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s: an override needs a value"),
                       vpath);
          return FALSE;
        }
      s->overrides[i].value = gs_json_deep_copy (value);
    }
  g_ptr_array_add (out, g_steal_pointer (&s));
  return TRUE;
}

GPtrArray *
gs_scenarios_read (JsonNode *root, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_scenario_free);
  GsScenario *base = g_new0 (GsScenario, 1);
  JsonArray *array = NULL;

  base->name = g_strdup (GS_SCENARIO_BASE);
  base->description = g_strdup ("The plan as entered");
  g_ptr_array_add (out, base);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the file holds no plan (expected a JSON object at the top)"));
      return NULL;
    }
  if (!gs_json_list (json_node_get_object (root), "", "scenarios", GS_FIELD_OPTIONAL,
                     GS_MAX_SCENARIOS, &array, error))
    return NULL;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    if (!read_scenario (array, i, out, error))
      return NULL;
  return g_steal_pointer (&out);
}

const GsScenario *
gs_scenarios_find (GPtrArray *scenarios, const char *name)
{
  for (guint i = 0; scenarios && i < scenarios->len; i++)
    {
      const GsScenario *s = g_ptr_array_index (scenarios, i);
      if (g_strcmp0 (s->name, name) == 0)
        return s;
    }
  return NULL;
}

/* TRUE when an override of s changes something under the plan's top-level
 * member (its path starts "member." or "member[", or is the member). */
static gboolean
overrides_member (const GsScenario *s, const char *member)
{
  gsize n = strlen (member);
  for (guint i = 0; i < s->n_overrides; i++)
    {
      const char *path = s->overrides[i].path;
      if (strncmp (path, member, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '['))
        return TRUE;
    }
  return FALSE;
}

/* The plan without its scenarios, which no override may touch: copying them
 * into every scenario made n scenarios cost n² (2,000 took 42 s to export,
 * docs/reliability.md).  Only the top-level members an override changes are
 * copied; the rest (the people and the actuals, usually) are shared with
 * the plan, read-only: the copy is only decoded or written out. */
static JsonNode *
copy_for_scenario (JsonNode *root, const GsScenario *s)
{
  JsonObject *from, *to;
  JsonNode *node;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return gs_json_deep_copy (root);
  from = json_node_get_object (root);
  to = json_object_new ();
  members = json_object_get_members (from); /* in the file's order */
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *member = json_object_get_member (from, l->data);
      if (strcmp (l->data, "scenarios") == 0)
        continue;
      json_object_set_member (to, l->data,
                              overrides_member (s, l->data) ? gs_json_deep_copy (member)
                                                            : json_node_ref (member));
    }
  node = json_node_init_object (json_node_alloc (), to);
  json_object_unref (to); /* the node holds it */
  return node;
}

JsonNode *
gs_scenario_apply_json (JsonNode *root, const GsScenario *s, GError **error)
{
  g_autoptr (JsonNode) copy = copy_for_scenario (root, s);

  for (guint i = 0; i < s->n_overrides; i++)
    {
      const GsOverride *o = &s->overrides[i];
      g_autoptr (GError) local = NULL;

      /* An override changes a field the plan has; adding one would be
       * ignored silently by the decoder if misspelt. */
      if (g_str_has_prefix (o->path, "scenarios") || gs_json_lookup (copy, o->path) == NULL)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("scenario “%s”: %s: no such field in the plan"), s->name, o->path);
          return NULL;
        }
      if (!gs_json_replace (copy, o->path, gs_json_deep_copy (o->value), &local))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("scenario “%s”: %s"), s->name,
                       local->message);
          return NULL;
        }
    }
  return g_steal_pointer (&copy);
}

/* base, when given, is the plan root was decoded into: what the scenario's
 * copy shares with root (the actuals, the people) is not read again
 * (gs_model_decode_sharing). */
static GsModel *
decode_scenario (JsonNode *root, const GsModel *base, const GsScenario *s, JsonNode **applied,
                 GError **error)
{
  g_autoptr (JsonNode) tree = gs_scenario_apply_json (root, s, error);
  g_autoptr (GError) local = NULL;
  GsModel *model;

  if (tree == NULL)
    return NULL;
  model
      = base ? gs_model_decode_sharing (tree, base, root, &local) : gs_model_decode (tree, &local);
  if (model == NULL)
    {
      g_set_error (error, local->domain, local->code, _ ("scenario “%s”: %s"), s->name,
                   local->message);
      return NULL;
    }
  if (applied)
    *applied = g_steal_pointer (&tree);
  return model;
}

static const GsScenario *
find_or_fail (GPtrArray *all, const char *name, GError **error)
{
  const GsScenario *s = gs_scenarios_find (all, name);
  if (s == NULL)
    {
      g_autoptr (GString) known = g_string_new (NULL);
      for (guint i = 0; i < all->len; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "",
                                ((GsScenario *) g_ptr_array_index (all, i))->name);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("scenarios: there is no scenario named “%s” (the plan has: %s)"), name,
                   known->str);
    }
  return s;
}

GsModel *
gs_scenario_apply (JsonNode *root, const char *name, GError **error)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, error);
  const GsScenario *s;

  if (all == NULL || (s = find_or_fail (all, name, error)) == NULL)
    return NULL;
  return decode_scenario (root, NULL, s, NULL, error);
}

/* The tree plan's scenario s applies to: the plan's own, its lists
 * deferred or in its store, unless s overrides a member that holds them (a
 * scenario's copy deep-copies a member an override changes: a deferred
 * list in it would be copied as its null), then the whole tree. */
static JsonNode *
root_for (GsPlan *plan, const GsScenario *s)
{
  if ((gs_plan_lists_deferred (plan) || gs_plan_has_store (plan))
      && (overrides_member (s, "compensation") || overrides_member (s, "actuals")))
    return gs_plan_get_root (plan);
  return gs_plan_peek_root (plan);
}

GsModel *
gs_scenario_apply_for_plan_tree (GsPlan *plan, const char *name, JsonNode **tree, GError **error)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (gs_plan_peek_root (plan), error);
  const GsScenario *s;

  if (all == NULL || (s = find_or_fail (all, name, error)) == NULL)
    return NULL;
  return decode_scenario (root_for (plan, s), gs_plan_get_model (plan), s, tree, error);
}

GsModel *
gs_scenario_apply_for_plan (GsPlan *plan, const char *name, GError **error)
{
  return gs_scenario_apply_for_plan_tree (plan, name, NULL, error);
}

GsPlan *
gs_scenario_plan (GsPlan *plan, const char *name, GError **error)
{
  JsonNode *root = gs_plan_get_root (plan);
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, error);
  GsModel *model;
  JsonNode *tree = NULL;
  const GsScenario *s;

  if (all == NULL || (s = find_or_fail (all, name, error)) == NULL)
    return NULL;
  model = decode_scenario (root, gs_plan_get_model (plan), s, &tree, error);
  if (model == NULL)
    return NULL;
  /* A new document: no undo history, saved as it is.  Its tree shares the
   * members no override touches with the plan's (copy_for_scenario), so it
   * is not edited in place: every edit of a plan replaces its tree with an
   * edited copy (gs-plan.h). */
  return gs_plan_new_decoded (tree, model);
}

/* Comparison ------------------------------------------------------------ */

static void
row_free (GsComparisonRow *row)
{
  g_free (row->id);
  g_free (row->label);
  g_free (row->values);
  g_free (row->present);
  g_free (row->vs_base);
  g_free (row->amounts);
  g_free (row->amounts_vs_base);
  g_free (row);
}

static GsComparisonRow *
row_get (GsComparison *c, const char *id, const char *label, GsUnit unit, GsSide side)
{
  GsComparisonRow *row = (GsComparisonRow *) gs_comparison_row (c, id);
  if (row == NULL)
    {
      row = g_new0 (GsComparisonRow, 1);
      row->id = g_strdup (id);
      row->label = g_strdup (label);
      row->unit = unit;
      row->side = side;
      row->values = g_new0 (double, c->n_scenarios);
      row->present = g_new0 (gboolean, c->n_scenarios);
      row->vs_base = g_new0 (double, c->n_scenarios);
      row->amounts = g_new0 (gint64, c->n_scenarios);
      row->amounts_vs_base = g_new0 (gint64, c->n_scenarios);
      g_ptr_array_add (c->rows, row);
    }
  return row;
}

static GsComparisonRow *
row_set (GsComparison *c, guint s, const char *id, const char *label, GsUnit unit, GsSide side,
         double value)
{
  GsComparisonRow *row = row_get (c, id, label, unit, side);
  row->values[s] = value;
  row->present[s] = TRUE;
  return row;
}

/* A money (minor units) or count row's figure, kept typed as well. */
static GsComparisonRow *
row_set_whole (GsComparison *c, guint s, const char *id, const char *label, GsUnit unit,
               GsSide side, gint64 amount)
{
  GsComparisonRow *row = row_set (c, s, id, label, unit, side, (double) amount);
  row->amounts[s] = amount;
  return row;
}

static void
set_direction (GsComparison *c, const char *id, GsDirection direction)
{
  ((GsComparisonRow *) gs_comparison_row (c, id))->direction = direction;
}

static void
add_figures (GsComparison *c, guint s)
{
  const GsResult *r = c->results[s];

  /* Row names in the user's language (gs-explain.h); the ids stay stable. */
  row_set_whole (c, s, "target", _ ("Company target"), GS_UNIT_MONEY, GS_SIDE_SHARED,
                 r->target_total);
  row_set_whole (c, s, "plan", _ ("Plan (funnel and capacity)"), GS_UNIT_MONEY, GS_SIDE_SHARED,
                 r->plan_total);
  row_set_whole (c, s, "gap", _ ("Gap to target"), GS_UNIT_MONEY, GS_SIDE_SHARED, r->gap);
  row_set (c, s, "gap_fraction", _ ("Gap to target (%)"), GS_UNIT_PERCENT, GS_SIDE_SHARED,
           r->gap_fraction);
  row_set_whole (c, s, "budget", _ ("Marketing budget"), GS_UNIT_MONEY, GS_SIDE_MARKETING,
                 r->budget_total);
  row_set (c, s, "cycle_days", _ ("Sales cycle (days)"), GS_UNIT_DAYS, GS_SIDE_SHARED,
           r->cycle_days);
  set_direction (c, "target", GS_DIRECTION_NEUTRAL);
  set_direction (c, "plan", GS_DIRECTION_UP_GOOD);
  set_direction (c, "gap", GS_DIRECTION_UP_GOOD);
  set_direction (c, "gap_fraction", GS_DIRECTION_UP_GOOD);
  set_direction (c, "budget", GS_DIRECTION_UP_BAD);
  set_direction (c, "cycle_days", GS_DIRECTION_UP_BAD);
  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      gboolean whole = line->unit == GS_UNIT_COUNT || line->unit == GS_UNIT_MONEY;
      g_autofree char *name = gs_explain_line_name (c->models[s], line);
      GsComparisonRow *row
          = whole ? row_set_whole (c, s, line->id, name, line->unit, line->side, line->total.amount)
                  : row_set (c, s, line->id, name, line->unit, line->side, line->total.value);
      row->direction = line->direction;
    }
}

/* Differences against base, once every scenario is in. */
static void
add_differences (GsComparison *c)
{
  for (guint i = 0; i < c->rows->len; i++)
    {
      GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      for (guint s = 1; s < c->n_scenarios; s++)
        if (row->present[s] && row->present[0])
          {
            row->vs_base[s] = row->values[s] - row->values[0];
            row->amounts_vs_base[s] = row->amounts[s] - row->amounts[0];
          }
    }
}

/* base: the model root was decoded into, or NULL. */
static GsComparison *
comparison_new (JsonNode *root, GPtrArray *all, const GsModel *base, const char *const *names,
                GError **error)
{
  g_autoptr (GsComparison) c = NULL;

  c = g_new0 (GsComparison, 1);
  c->n_scenarios = names ? g_strv_length ((char **) names) : all->len;
  c->names = g_new0 (char *, c->n_scenarios + 1);
  c->models = g_new0 (GsModel *, c->n_scenarios);
  c->results = g_new0 (GsResult *, c->n_scenarios);
  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint s = 0; s < c->n_scenarios; s++)
    {
      const GsScenario *sc
          = names ? find_or_fail (all, names[s], error) : g_ptr_array_index (all, s);
      g_autoptr (GError) local = NULL;

      if (sc == NULL)
        return NULL;
      c->names[s] = g_strdup (sc->name);
      c->models[s] = decode_scenario (root, base, sc, NULL, error);
      if (c->models[s] == NULL)
        return NULL;
      c->results[s] = gs_compute (c->models[s], &local);
      if (c->results[s] == NULL)
        {
          g_set_error (error, local->domain, local->code, _ ("scenario “%s”: %s"), sc->name,
                       local->message);
          return NULL;
        }
      add_figures (c, s);
    }
  add_differences (c);
  return g_steal_pointer (&c);
}

GsComparison *
gs_comparison_new (JsonNode *root, const char *const *names, GError **error)
{
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, error);
  if (all == NULL)
    return NULL;
  return comparison_new (root, all, NULL, names, error);
}

GsComparison *
gs_comparison_new_for_plan (GsPlan *plan, const char *const *names, GError **error)
{
  JsonNode *root = gs_plan_peek_root (plan);
  g_autoptr (GPtrArray) all = gs_scenarios_read (root, error);
  if (all == NULL)
    return NULL;
  /* One tree for all: the whole one when any scenario needs it (root_for). */
  for (guint s = 0; s < all->len; s++)
    if (root_for (plan, g_ptr_array_index (all, s)) != root)
      root = gs_plan_get_root (plan);
  return comparison_new (root, all, gs_plan_get_model (plan), names, error);
}

void
gs_comparison_free (GsComparison *c)
{
  if (c == NULL)
    return;
  for (guint s = 0; s < c->n_scenarios; s++)
    {
      g_clear_pointer (&c->models[s], gs_model_free);
      g_clear_pointer (&c->results[s], gs_result_free);
    }
  g_strfreev (c->names);
  g_free (c->models);
  g_free (c->results);
  if (c->rows)
    g_ptr_array_unref (c->rows);
  g_free (c);
}

const GsComparisonRow *
gs_comparison_row (const GsComparison *c, const char *id)
{
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GsComparisonRow *row = g_ptr_array_index (c->rows, i);
      if (g_strcmp0 (row->id, id) == 0)
        return row;
    }
  return NULL;
}

char *
gs_comparison_format (const GsComparison *c, const GsComparisonRow *row, guint s)
{
  const GsModel *model = c->models[s];
  double value = row->values[s];

  if (!row->present[s])
    return g_strdup ("—");
  /* The row's label names the unit ("Sales cycle (days)"). */
  return gs_explain_figure (model, row->unit, row->amounts[s], value, GS_FIGURE_CELL);
}

char *
gs_scenario_format_points (double change)
{
  /* A change of a percent is in points: 25 % → 27.5 % is +2.5 pts. */
  g_autofree char *n = gs_format_number (fabs (change) * 100.0, 1);
  /* Translators: percentage points, a change of a percent ("+2.5 pts"). */
  return g_strdup_printf (_ ("%s%s pts"), change > 0 ? "+" : "−", n);
}

char *
gs_comparison_format_vs_base (const GsComparison *c, const GsComparisonRow *row, guint s)
{
  const GsModel *model = c->models[s];
  double d = row->vs_base[s];

  if (!row->present[s] || !row->present[0])
    return g_strdup ("—");
  if (s == 0 || d == 0)
    return g_strdup ("");
  switch (row->unit)
    {
    case GS_UNIT_MONEY:
      return gs_format_money_signed (row->amounts_vs_base[s], model->company.digits,
                                     model->company.currency, GS_MONEY_FORMAT_WHOLE);
    case GS_UNIT_COUNT:
      {
        gint64 n_vs = row->amounts_vs_base[s];
        g_autofree char *n = gs_format_count (n_vs < 0 ? -n_vs : n_vs);
        return g_strdup_printf ("%s%s", n_vs > 0 ? "+" : "−", n);
      }
    case GS_UNIT_PERCENT:
      return gs_scenario_format_points (d);
    case GS_UNIT_DAYS:
      {
        g_autofree char *n = gs_format_number (fabs (d), 0);
        return g_strdup_printf ("%s%s", d > 0 ? "+" : "−", n);
      }
    case GS_UNIT_NUMBER:
    default:
      {
        g_autofree char *n = gs_format_number (fabs (d), 1);
        return g_strdup_printf ("%s%s", d > 0 ? "+" : "−", n);
      }
    }
}

GsVerdict
gs_comparison_verdict (const GsComparisonRow *row, guint s)
{
  if (s == 0 || !row->present[s] || !row->present[0])
    return GS_VERDICT_SAME;
  return gs_direction_verdict (row->direction, row->vs_base[s]);
}

/* Where an override of element `index` goes: its new index, G_MAXUINT when
 * the element is gone (the override goes with it). */
typedef guint (*PathMap) (guint64 index, gconstpointer data);

static void
remap (JsonNode *tree, const char *array_path, PathMap map, gconstpointer data)
{
  JsonNode *node = gs_json_lookup (tree, "scenarios");
  g_autofree char *prefix = g_strconcat (array_path, "[", NULL);
  gsize len = strlen (prefix);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  for (guint s = 0; s < json_array_get_length (json_node_get_array (node)); s++)
    {
      JsonNode *sn = json_array_get_element (json_node_get_array (node), s);
      JsonObject *scenario = JSON_NODE_HOLDS_OBJECT (sn) ? json_node_get_object (sn) : NULL;
      JsonArray *overrides, *kept;
      if (scenario == NULL || !json_object_has_member (scenario, "overrides")
          || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (scenario, "overrides")))
        continue;
      overrides = json_object_get_array_member (scenario, "overrides");
      kept = json_array_new ();
      for (guint o = 0; o < json_array_get_length (overrides); o++)
        {
          JsonNode *on = json_array_get_element (overrides, o);
          JsonObject *override = JSON_NODE_HOLDS_OBJECT (on) ? json_node_get_object (on) : NULL;
          const char *path
              = override ? json_object_get_string_member_with_default (override, "path", "") : "";
          char *end = NULL;
          guint64 index;
          guint to;
          JsonNode *copy;
          if (!g_str_has_prefix (path, prefix))
            {
              json_array_add_element (kept, gs_json_deep_copy (on));
              continue;
            }
          index = g_ascii_strtoull (path + len, &end, 10);
          if (end == path + len || *end != ']')
            {
              json_array_add_element (kept, gs_json_deep_copy (on));
              continue;
            }
          to = map (index, data);
          if (to == G_MAXUINT)
            continue;
          copy = gs_json_deep_copy (on);
          if (to != index)
            {
              g_autofree char *moved = g_strdup_printf ("%s%u%s", prefix, to, end);
              json_object_set_string_member (json_node_get_object (copy), "path", moved);
            }
          json_array_add_element (kept, copy);
        }
      json_object_set_array_member (scenario, "overrides", kept);
    }
}

static guint
shift_map (guint64 index, gconstpointer data)
{
  guint removed = *(const guint *) data;
  if (index == removed)
    return G_MAXUINT;
  return (guint) (index > removed ? index - 1 : index);
}

void
gs_scenarios_shift_paths (JsonNode *tree, const char *array_path, guint removed)
{
  remap (tree, array_path, shift_map, &removed);
}

typedef struct
{
  const guint *map;
  guint n;
} Table;

static guint
table_map (guint64 index, gconstpointer data)
{
  const Table *t = data;
  return index < t->n ? t->map[index] : (guint) index;
}

void
gs_scenarios_remap_paths (JsonNode *tree, const char *array_path, const guint *map, guint n)
{
  Table t = { map, n };
  remap (tree, array_path, table_map, &t);
}
