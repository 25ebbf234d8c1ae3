/* gs-fingerprint.c — a plan's inputs hashed canonically (gs-fingerprint.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-fingerprint.h"

#include <string.h>

/* Top-level members a sign-off does not agree to. */
static const char *const left_out[] = { "meeting", "scenarios", "actuals", "history" };

static gboolean
is_left_out (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (left_out); i++)
    if (strcmp (path, left_out[i]) == 0)
      return TRUE;
  return strcmp (path, "agreements.signoffs") == 0;
}

static void
write_node (GString *out, JsonNode *node, const char *path, const GsJsonDeferred *d);

static void
feed (GString *out, const char *text)
{
  g_string_append (out, text);
}

static void
write_string (GString *out, const char *s)
{
  /* Length-prefixed, so no member name or text can imitate the punctuation. */
  g_autofree char *len = g_strdup_printf ("s%zu:", strlen (s));
  feed (out, len);
  feed (out, s);
}

static void
write_object (GString *out, JsonObject *obj, const char *path, const GsJsonDeferred *d)
{
  g_autoptr (GList) names = json_object_get_members (obj);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  feed (out, "{");
  for (GList *l = names; l; l = l->next)
    {
      g_autofree char *child = *path ? g_strconcat (path, ".", l->data, NULL) : g_strdup (l->data);
      if (is_left_out (child))
        continue;
      gsize mark = out->len;
      gsize value;
      write_string (out, l->data);
      value = out->len;
      write_node (out, json_object_get_member (obj, l->data), child, d);
      /* An object left empty ("agreements" holding only sign-offs) says what
       * its absence says. */
      if (strcmp (out->str + value, "{}") == 0)
        g_string_truncate (out, mark);
    }
  feed (out, "}");
}

static void
write_value (GString *out, JsonNode *node)
{
  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    feed (out, json_node_get_boolean (node) ? "t" : "f");
  else
    {
      /* 1 and 1.0 are one number to the plan; the shortest round-trip text. */
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      feed (out, "n");
      feed (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      feed (out, ";");
    }
}

static void
write_node (GString *out, JsonNode *node, const char *path, const GsJsonDeferred *d)
{
  const char *held = JSON_NODE_HOLDS_NULL (node) ? gs_json_deferred_held (d, node) : NULL;
  if (held != NULL)
    {
      /* A list read without a tree: as the array it stands for. */
      feed (out, "[");
      for (int i = 0; i < gs_json_deferred_length (d, held); i++)
        {
          g_autoptr (JsonNode) element = gs_json_deferred_element (d, held, (guint) i);
          write_node (out, element, "[]", NULL);
        }
      feed (out, "]");
      return;
    }
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), path, d);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        feed (out, "[");
        for (guint i = 0; i < json_array_get_length (array); i++)
          /* Array elements have no member path of their own to leave out. */
          write_node (out, json_array_get_element (array, i), "[]", d);
        feed (out, "]");
        break;
      }
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      feed (out, "z");
      break;
    }
}

char *
gs_fingerprint_plan (JsonNode *root)
{
  return gs_fingerprint_plan_deferred (root, NULL);
}

char *
gs_fingerprint_plan_deferred (JsonNode *root, const GsJsonDeferred *deferred)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *hex = NULL;
  g_return_val_if_fail (root != NULL, NULL);
  write_node (out, root, "", deferred);
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, out->str, (gssize) out->len);
  return g_strconcat ("sha256:", hex, NULL);
}
