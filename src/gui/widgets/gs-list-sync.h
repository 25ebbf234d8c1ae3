/* gs-list-sync.h — brings a GListStore of items in line with a list of
 * keys, reporting only what changed.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef const char *(*GsListKeyFunc) (gpointer item);
typedef gpointer (*GsListNewFunc) (guint position, gpointer data);
typedef void (*GsListSyncFunc) (gpointer item, guint position, gpointer data);

void
gs_list_sync (GListStore *store, const char *const *keys, guint n_keys, GsListKeyFunc key_of,
              GsListNewFunc make, GsListSyncFunc sync, gpointer data);
void
gs_list_sync_strings (GListStore *store, const char *const *keys, guint n_keys);

G_END_DECLS
