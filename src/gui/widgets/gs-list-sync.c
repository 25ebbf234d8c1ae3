/* gs-list-sync.c — brings a GListStore of items in line with a list of
 * keys, reporting only what changed.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists of the pages (stages, sources, scenarios' figures) are models
 * of one item per thing, keyed by its id.  After an edit the store keeps
 * the items whose key is still at the head or the tail, and replaces only
 * the run between them in one splice, so items-changed names exactly the
 * positions that changed: a stage added, one item added; a rate typed,
 * nothing.  Items kept are synced in place (their properties notify), so a
 * row bound to one is never rebuilt and the field being typed in keeps
 * focus.
 */
#include "gs-list-sync.h"

static gboolean
same (GListStore *store, guint position, GsListKeyFunc key_of, const char *key)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);
  return g_strcmp0 (key_of (item), key) == 0;
}

void
gs_list_sync (GListStore *store, const char *const *keys, guint n_keys, GsListKeyFunc key_of,
              GsListNewFunc make, GsListSyncFunc sync, gpointer data)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint head = 0, tail = 0, removed, added;

  while (head < n_old && head < n_keys && same (store, head, key_of, keys[head]))
    head++;
  while (tail < n_old - head && tail < n_keys - head
         && same (store, n_old - 1 - tail, key_of, keys[n_keys - 1 - tail]))
    tail++;
  removed = n_old - head - tail;
  added = n_keys - head - tail;

  /* Items kept may have moved, been renamed or got new neighbours. */
  for (guint k = 0; k < n_keys; k++)
    if (k < head || k >= head + added)
      {
        guint old = k < head ? k : k - added + removed;
        g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), old);
        sync (item, k, data);
      }
  if (removed || added)
    {
      g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint k = head; k < head + added; k++)
        g_ptr_array_add (fresh, make (k, data));
      g_list_store_splice (store, head, removed, fresh->pdata, added);
    }
}

static const char *
string_of (gpointer item)
{
  return gtk_string_object_get_string (item);
}

static gpointer
string_new (guint position, gpointer keys)
{
  return gtk_string_object_new (((const char *const *) keys)[position]);
}

static void
string_kept (gpointer item, guint position, gpointer keys)
{
}

/* A store of GtkStringObjects that are the keys themselves (a table's line
 * ids): the rows bound to it hold everything else and are updated by their
 * owner. */
void
gs_list_sync_strings (GListStore *store, const char *const *keys, guint n_keys)
{
  gs_list_sync (store, keys, n_keys, string_of, string_new, string_kept, (gpointer) keys);
}
