/* gs-comp-worker.c — a computation on the comp model in a worker thread.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-worker.h"

typedef struct
{
  GsCompWorker *worker; /* valid while generation matches: the owner holds it */
  GsCompModel *comp;    /* a reference */
  guint generation;
  GsCompWork work;
  GsCompDone done;
  gpointer data;
  GDestroyNotify free_data;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;
  if (job->free_data)
    job->free_data (job->data);
  gs_comp_model_free (job->comp);
  g_free (job);
}

static void
run (GTask *task, gpointer source, gpointer p, GCancellable *cancellable)
{
  Job *job = p;
  GError *error = NULL;
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!job->work (job->comp, job->data, &error))
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject *owner, GAsyncResult *res, gpointer unused)
{
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (res), &error);
  /* Cancelled: a newer start or the owner's dispose bumped the generation,
   * and the worker may be gone with its owner's fields. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    return;
  if (job->generation != job->worker->generation)
    return;
  job->worker->busy = FALSE;
  g_clear_object (&job->worker->cancellable);
  job->done (owner, job->comp, job->data, ok ? NULL : error);
}

void
gs_comp_worker_cancel (GsCompWorker *worker)
{
  if (worker->cancellable)
    g_cancellable_cancel (worker->cancellable);
  g_clear_object (&worker->cancellable);
  worker->generation++;
  worker->busy = FALSE;
}

void
gs_comp_worker_start (GsCompWorker *worker, GObject *owner, const GsCompModel *comp,
                      GsCompWork work, GsCompDone done, gpointer data, GDestroyNotify free_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr (GTask) task = NULL;
  gs_comp_worker_cancel (worker);
  worker->cancellable = g_cancellable_new ();
  worker->busy = TRUE;
  task = g_task_new (owner, worker->cancellable, on_done, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  job->worker = worker;
  job->comp = gs_comp_model_copy (comp);
  job->generation = worker->generation;
  job->work = work;
  job->done = done;
  job->data = data;
  job->free_data = free_data;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run);
}
