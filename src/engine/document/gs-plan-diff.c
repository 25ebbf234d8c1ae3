/* gs-plan-diff.c — what changed between two plans.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-plan-diff.h"

#include <math.h>
#include <string.h>

void
gs_input_change_free (gpointer data)
{
  GsInputChange *change = data;
  g_free (change->path);
  g_clear_pointer (&change->from, json_node_unref);
  g_clear_pointer (&change->to, json_node_unref);
  g_free (change);
}

static void
add_change (GPtrArray *out, GsInputChangeKind kind, const char *path, JsonNode *from, JsonNode *to)
{
  GsInputChange *change = g_new0 (GsInputChange, 1);
  change->kind = kind;
  change->path = g_strdup (path);
  change->from = from != NULL ? json_node_ref (from) : NULL;
  change->to = to != NULL ? json_node_ref (to) : NULL;
  g_ptr_array_add (out, change);
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* 7 and 7.0 are the same input. */
static gboolean
same_value (JsonNode *a, JsonNode *b)
{
  if (is_number (a) && is_number (b))
    return json_node_get_double (a) == json_node_get_double (b);
  return json_node_equal (a, b);
}

/* The member that identifies an entry of a list: "id", or "name" for lists
 * (scenarios) whose entries have no id.  NULL when the list is not keyed
 * that way throughout, or a key repeats.  index[0] and index[1] map each
 * list's keys to their position + 1, so matching entries costs a lookup
 * (a plan lists up to 10,000 people a role). */
static const char *
list_key (JsonArray *a, JsonArray *b, GHashTable *index[2])
{
  static const char *const candidates[] = { "id", "name" };

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      JsonArray *lists[2] = { a, b };
      gboolean keyed = json_array_get_length (a) + json_array_get_length (b) > 0;

      for (guint l = 0; l < 2; l++)
        {
          g_clear_pointer (&index[l], g_hash_table_unref);
          index[l] = g_hash_table_new (g_str_hash, g_str_equal);
        }
      for (guint l = 0; l < 2 && keyed; l++)
        for (guint i = 0; i < json_array_get_length (lists[l]) && keyed; i++)
          {
            JsonNode *element = json_array_get_element (lists[l], i);
            JsonNode *key;
            if (!JSON_NODE_HOLDS_OBJECT (element))
              keyed = FALSE;
            else if ((key = json_object_get_member (json_node_get_object (element), candidates[c]))
                         == NULL
                     || json_node_get_value_type (key) != G_TYPE_STRING
                     || g_hash_table_contains (index[l], json_node_get_string (key)))
              keyed = FALSE;
            else
              g_hash_table_insert (index[l], (gpointer) json_node_get_string (key),
                                   GUINT_TO_POINTER (i + 1));
          }
      if (keyed)
        return candidates[c];
    }
  return NULL;
}

/* The position of the entry whose key is value, or -1. */
static int
find_keyed (GHashTable *index, const char *value)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, value)) - 1;
}

static void
compare (GPtrArray *out, const char *path, JsonNode *a, JsonNode *b);

/* The meeting's baseline is a copy of the plan the meeting started from, and
 * the history records changes: neither is an input. */
static gboolean
not_an_input (const char *path)
{
  return strcmp (path, "meeting.baseline") == 0 || strcmp (path, "history") == 0;
}

static void
compare_arrays (GPtrArray *out, const char *path, JsonNode *a_node, JsonNode *b_node)
{
  JsonArray *a = json_node_get_array (a_node), *b = json_node_get_array (b_node);
  guint na = json_array_get_length (a), nb = json_array_get_length (b);
  GHashTable *index[2] = { NULL, NULL };
  const char *key;

  /* Imported records are data, not decisions: one line for each list. */
  if (g_str_has_prefix (path, "actuals"))
    {
      if (!json_node_equal (a_node, b_node))
        add_change (out, GS_INPUT_CHANGED, path, a_node, b_node);
      return;
    }
  key = list_key (a, b, index);
  if (key != NULL)
    {
      for (guint j = 0; j < nb; j++)
        {
          JsonNode *bj = json_array_get_element (b, j);
          const char *value = json_object_get_string_member (json_node_get_object (bj), key);
          int i = find_keyed (index[0], value);
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, j);
          if (i < 0)
            add_change (out, GS_INPUT_ADDED, child, NULL, bj);
          else
            compare (out, child, json_array_get_element (a, (guint) i), bj);
        }
      for (guint i = 0; i < na; i++)
        {
          JsonNode *ai = json_array_get_element (a, i);
          const char *value = json_object_get_string_member (json_node_get_object (ai), key);
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
          if (find_keyed (index[1], value) < 0)
            add_change (out, GS_INPUT_REMOVED, child, ai, NULL);
        }
    }
  g_clear_pointer (&index[0], g_hash_table_unref);
  g_clear_pointer (&index[1], g_hash_table_unref);
  if (key != NULL)
    return;
  for (guint i = 0; i < MAX (na, nb); i++)
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
      if (i >= na)
        add_change (out, GS_INPUT_ADDED, child, NULL, json_array_get_element (b, i));
      else if (i >= nb)
        add_change (out, GS_INPUT_REMOVED, child, json_array_get_element (a, i), NULL);
      else
        compare (out, child, json_array_get_element (a, i), json_array_get_element (b, i));
    }
}

static void
compare_objects (GPtrArray *out, const char *path, JsonObject *a, JsonObject *b)
{
  g_autoptr (GList) b_members = json_object_get_members (b);
  g_autoptr (GList) a_members = json_object_get_members (a);

  for (GList *l = b_members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *child = *path ? g_strconcat (path, ".", name, NULL) : g_strdup (name);
      if (not_an_input (child))
        continue;
      if (json_object_has_member (a, name))
        compare (out, child, json_object_get_member (a, name), json_object_get_member (b, name));
      else
        add_change (out, GS_INPUT_ADDED, child, NULL, json_object_get_member (b, name));
    }
  for (GList *l = a_members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *child = *path ? g_strconcat (path, ".", name, NULL) : g_strdup (name);
      if (!not_an_input (child) && !json_object_has_member (b, name))
        add_change (out, GS_INPUT_REMOVED, child, json_object_get_member (a, name), NULL);
    }
}

static void
compare (GPtrArray *out, const char *path, JsonNode *a, JsonNode *b)
{
  /* A scenario's plan and an edited plan share the members they did not
   * change (gs-plan.c): the same node is the same input. */
  if (a == b)
    return;
  if (JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    compare_objects (out, path, json_node_get_object (a), json_node_get_object (b));
  else if (JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
    compare_arrays (out, path, a, b);
  else if (!same_value (a, b))
    add_change (out, GS_INPUT_CHANGED, path, a, b);
}

static gboolean
same_cell (const GsCell *a, const GsCell *b)
{
  return a->amount == b->amount && a->value == b->value;
}

/* The plan month whose figure moved most (by the size of the move in its
 * unit; the first of equals), -1 when none did. */
static int
moved_month (const GsResult *from, const GsResult *to, const GsGoalLine *a, const GsGoalLine *b)
{
  double most = 0;
  int month = -1;
  for (guint m = 0; m < MIN (from->horizon, to->horizon); m++)
    {
      const GsCell *x = &a->months[from->n_pre + m], *y = &b->months[to->n_pre + m];
      double d = fabs (y->value - x->value) + fabs ((double) (y->amount - x->amount));
      if (d > most)
        most = d, month = (int) m;
    }
  return month;
}

/* The change of a line in both plans, the month that moved most and the
 * cell whose derivation explains the move. */
static void
measure_move (GsGoalMove *move, const GsResult *from, const GsResult *to)
{
  const GsCell *a = &move->from->total, *b = &move->to->total;
  GsDerivationKind kind = b->derivation.kind;

  move->change.amount = b->amount - a->amount;
  move->change.value = b->value - a->value;
  move->moved_month = moved_month (from, to, move->from, move->to);
  move->why = b;
  if ((kind == GS_DERIVATION_SUM_OF_MONTHS || kind == GS_DERIVATION_AVERAGE)
      && move->moved_month >= 0)
    move->why = &move->to->months[to->n_pre + (guint) move->moved_month];
}

static void
compare_goals (GArray *out, const GsResult *from, const GsResult *to)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < from->lines->len; i++)
    {
      GsGoalLine *line = g_ptr_array_index (from->lines, i);
      g_hash_table_insert (by_id, line->id, line);
    }
  for (guint i = 0; i < to->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (to->lines, i);
      const GsGoalLine *old = g_hash_table_lookup (by_id, line->id);
      GsGoalMove move = { old, line, { 0 }, -1, NULL };
      g_hash_table_add (kept, line->id);
      if (old != NULL && same_cell (&old->total, &line->total)
          && same_cell (&old->before, &line->before) && same_cell (&old->after, &line->after))
        continue;
      if (old != NULL)
        measure_move (&move, from, to);
      g_array_append_val (out, move);
    }
  for (guint i = 0; i < from->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (from->lines, i);
      GsGoalMove move = { line, NULL, { 0 }, -1, NULL };
      if (!g_hash_table_contains (kept, line->id))
        g_array_append_val (out, move);
    }
}

GPtrArray *
gs_plan_diff_trees (JsonNode *from, JsonNode *to)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (gs_input_change_free);
  compare (inputs, "", from, to);
  return inputs;
}

static GsMoneyMove
money_move (GsMoney from, GsMoney to)
{
  return (GsMoneyMove){ from, to, to - from };
}

GsPlanDiff *
gs_plan_diff (GsPlan *from, GsPlan *to, GError **error)
{
  g_autoptr (GsPlanDiff) diff = g_new0 (GsPlanDiff, 1);

  diff->from_plan = g_object_ref (from);
  diff->to_plan = g_object_ref (to);
  diff->inputs = g_ptr_array_new_with_free_func (gs_input_change_free);
  diff->goals = g_array_new (FALSE, FALSE, sizeof (GsGoalMove));
  if ((diff->from_result = gs_plan_get_result (from, error)) == NULL
      || (diff->to_result = gs_plan_get_result (to, error)) == NULL)
    return NULL;
  g_ptr_array_unref (diff->inputs);
  diff->inputs = gs_plan_diff_trees (gs_plan_get_root (from), gs_plan_get_root (to));
  compare_goals (diff->goals, diff->from_result, diff->to_result);
  diff->target = money_move (diff->from_result->target_total, diff->to_result->target_total);
  diff->plan = money_move (diff->from_result->plan_total, diff->to_result->plan_total);
  diff->gap = money_move (diff->from_result->gap, diff->to_result->gap);
  return g_steal_pointer (&diff);
}

void
gs_plan_diff_free (GsPlanDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->inputs, g_ptr_array_unref);
  g_clear_pointer (&diff->goals, g_array_unref);
  g_clear_object (&diff->from_plan);
  g_clear_object (&diff->to_plan);
  g_free (diff);
}
