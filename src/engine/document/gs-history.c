/* gs-history.c — the plan's change log (gs-history.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-history.h"
#include "gs-error.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>

static void
entry_free (gpointer data)
{
  GsHistoryEntry *entry = data;
  g_clear_pointer (&entry->when, g_date_time_unref);
  g_free (entry->who);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

/* JSON values in node, counting no further than limit. */
static guint
size_of (JsonNode *node, guint limit)
{
  guint n = 1;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array) && n <= limit; i++)
        n += size_of (json_array_get_element (array, i), limit);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (GList) members = json_object_get_values (json_node_get_object (node));
      for (GList *l = members; l != NULL && n <= limit; l = l->next)
        n += size_of (l->data, limit);
    }
  return n;
}

/* The value as the log keeps it: itself, or for a large one its size. */
static JsonNode *
kept_value (JsonNode *node)
{
  JsonObject *summary;
  JsonNode *out;

  if (size_of (node, GS_HISTORY_MAX_VALUE_SIZE) <= GS_HISTORY_MAX_VALUE_SIZE)
    return json_node_copy (node);
  summary = json_object_new ();
  if (JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_int_member (summary, "entries",
                                json_array_get_length (json_node_get_array (node)));
  else
    json_object_set_int_member (summary, "fields",
                                json_object_get_size (json_node_get_object (node)));
  out = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (out, summary);
  return out;
}

gboolean
gs_history_record (JsonNode *root, JsonNode *before, const char *who, GDateTime *when)
{
  return gs_history_record_compared (root, before, root, who, when);
}

gboolean
gs_history_record_compared (JsonNode *root, JsonNode *before, JsonNode *after, const char *who,
                            GDateTime *when)
{
  g_autoptr (GPtrArray) changes = gs_plan_diff_trees (before, after);
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;
  JsonObject *plan = json_node_get_object (root);
  JsonObject *entry;
  JsonArray *list;
  JsonArray *history;
  guint listed;

  if (changes->len == 0)
    return FALSE;
  utc = g_date_time_to_utc (when);
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  entry = json_object_new ();
  json_object_set_string_member (entry, "when", stamp);
  json_object_set_string_member (entry, "who", who != NULL && *who ? who : "");
  list = json_array_new ();
  listed = MIN (changes->len, GS_HISTORY_MAX_CHANGES);
  for (guint i = 0; i < listed; i++)
    {
      const GsInputChange *c = g_ptr_array_index (changes, i);
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "path", c->path);
      if (c->from != NULL)
        json_object_set_member (o, "from", kept_value (c->from));
      if (c->to != NULL)
        json_object_set_member (o, "to", kept_value (c->to));
      json_array_add_object_element (list, o);
    }
  json_object_set_array_member (entry, "changes", list);
  if (changes->len > listed)
    json_object_set_int_member (entry, "more", changes->len - listed);

  if (!json_object_has_member (plan, "history")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (plan, "history")))
    json_object_set_array_member (plan, "history", json_array_new ());
  history = json_object_get_array_member (plan, "history");
  json_array_add_object_element (history, entry);
  while (json_array_get_length (history) > GS_HISTORY_MAX_ENTRIES)
    json_array_remove_element (history, 0);
  return TRUE;
}

static gboolean
read_change (JsonObject *o, const char *path, GsInputChange **out, GError **error)
{
  GsInputChange *change;
  char *where = NULL;

  if (!gs_json_string (o, path, "path", GS_FIELD_REQUIRED, NULL, &where, error))
    return FALSE;
  change = g_new0 (GsInputChange, 1);
  change->path = where;
  if (json_object_has_member (o, "from"))
    change->from = json_node_copy (json_object_get_member (o, "from"));
  if (json_object_has_member (o, "to"))
    change->to = json_node_copy (json_object_get_member (o, "to"));
  if (change->from == NULL && change->to == NULL)
    {
      gs_json_invalid (error, path, _ ("a change needs “from”, “to” or both"));
      gs_input_change_free (change);
      return FALSE;
    }
  change->kind = change->from == NULL ? GS_INPUT_ADDED
                 : change->to == NULL ? GS_INPUT_REMOVED
                                      : GS_INPUT_CHANGED;
  *out = change;
  return TRUE;
}

static GsHistoryEntry *
read_entry (JsonArray *array, guint index, GError **error)
{
  g_autofree char *path = gs_json_index_path ("history", index);
  g_autofree char *when_path = NULL;
  JsonObject *o = gs_json_array_object (array, "history", index, error);
  GsHistoryEntry *entry;
  JsonArray *changes = NULL;
  g_autofree char *when = NULL, *who = NULL;
  gint64 more = 0;

  if (o == NULL || !gs_json_string (o, path, "when", GS_FIELD_REQUIRED, NULL, &when, error)
      || !gs_json_string (o, path, "who", GS_FIELD_OPTIONAL, "", &who, error)
      || !gs_json_list (o, path, "changes", GS_FIELD_REQUIRED, GS_HISTORY_MAX_CHANGES, &changes,
                        error)
      || !gs_json_int (o, path, "more", GS_FIELD_OPTIONAL, 0, 0, G_MAXUINT32, &more, error))
    return NULL;
  entry = g_new0 (GsHistoryEntry, 1);
  entry->when = g_date_time_new_from_iso8601 (when, NULL);
  if (entry->when == NULL)
    {
      when_path = gs_json_child_path (path, "when");
      gs_json_invalid (error, when_path, _ ("“%s” is not a time like 2027-01-31T09:30:00Z"), when);
      entry_free (entry);
      return NULL;
    }
  entry->who = g_steal_pointer (&who);
  entry->more = (guint) more;
  entry->changes = g_ptr_array_new_with_free_func (gs_input_change_free);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      g_autofree char *changes_path = gs_json_child_path (path, "changes");
      JsonObject *c = gs_json_array_object (changes, changes_path, i, error);
      g_autofree char *change_path = gs_json_index_path (changes_path, i);
      GsInputChange *change = NULL;
      if (c == NULL || !read_change (c, change_path, &change, error))
        {
          entry_free (entry);
          return NULL;
        }
      g_ptr_array_add (entry->changes, change);
    }
  return entry;
}

GPtrArray *
gs_history_read (JsonNode *root, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  JsonObject *plan = json_node_get_object (root);
  JsonArray *array = NULL;

  if (!gs_json_list (plan, "", "history", GS_FIELD_OPTIONAL, GS_HISTORY_MAX_ENTRIES, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      GsHistoryEntry *entry = read_entry (array, i, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}
