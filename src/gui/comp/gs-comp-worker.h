/* gs-comp-worker.h — a computation on the comp model in a worker thread,
 * dropped when the next one starts.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Compensation page's figures that cost more than a frame at 10,000
 * people (the whole plan's pay as staffed, a role's totals) are computed
 * after an edit on a reference to the plan's comp model, which is never
 * changed in place; the page shows the last figures meanwhile.  Starting
 * again (the next edit) or gs_comp_worker_cancel cancels what still runs,
 * and its result is never shown.
 */
#pragma once

#include <gio/gio.h>
#include "gs-comp.h"

G_BEGIN_DECLS

typedef struct
{
  GCancellable *cancellable;
  guint generation;
  gboolean busy;
} GsCompWorker;

/* In the worker thread: fills data from comp. */
typedef gboolean (*GsCompWork) (const GsCompModel *comp, gpointer data, GError **error);
/* In the main thread, for the latest start only: shows data (error set when
 * work failed). */
typedef void (*GsCompDone) (GObject *owner, const GsCompModel *comp, gpointer data,
                            const GError *error);

/* Runs work (owner is kept alive until done runs or is skipped); data is
 * freed with free_data after. */
void
gs_comp_worker_start (GsCompWorker *worker, GObject *owner, const GsCompModel *comp,
                      GsCompWork work, GsCompDone done, gpointer data, GDestroyNotify free_data);
void
gs_comp_worker_cancel (GsCompWorker *worker);

G_END_DECLS
