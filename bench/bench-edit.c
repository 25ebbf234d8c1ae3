/* bench-edit.c — how long one edit takes in the engine: check (decode +
 * compute + levers) and install, as the window does on every keystroke.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-edit PLAN [EDITS [DEALS.csv|- [SAVED]]]   (meson benchmark: `meson test -C _build
 * --benchmark`) With DEALS.csv, the deals are imported first (the plan's store, as after an import
 * in the app) and the edits are timed on that plan; "-" imports nothing.  The first edit is printed
 * apart (an opened plan's first edit used to build its lists).  With SAVED, the edited plan is then
 * saved there and the save timed.
 */
#include "gs-actuals-edits.h"
#include "gs-crm-import.h"
#include "gs-plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  int n = argc > 2 ? atoi (argv[2]) : 200;
  g_autofree double *ms = NULL;
  double sum = 0, first = 0, first_cpu = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-edit PLAN [EDITS [DEALS.csv]]\n");
      return 2;
    }
  plan = gs_plan_new_from_file (argv[1], &error);
  if (plan == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (argc > 3 && strcmp (argv[3], "-") != 0)
    {
      g_autofree char *bytes = NULL;
      gsize length = 0;
      g_autoptr (GsActualsData) data = gs_actuals_data_new (gs_plan_get_model (plan)->n_stages);
      g_autoptr (GsImportReport) report = gs_import_report_new ();
      if (!g_file_get_contents (argv[3], &bytes, &length, &error)
          || !gs_crm_import (data, gs_plan_get_model (plan), GS_CRM_DEALS, bytes, length, report,
                             &error)
          || !gs_plan_take_actuals (plan, data, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[3], error->message);
          return 1;
        }
    }
  ms = g_new0 (double, n);
  for (int i = 0; i < n; i++)
    {
      double rate = gs_plan_get_model (plan)->steps[0].rate;
      struct timespec c0, c1;
      gint64 t0 = g_get_monotonic_time ();
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c0);
      if (!gs_plan_set_double (plan, "funnel.steps[0].rate", i % 2 ? rate * 1.01 : rate / 1.01,
                               &error)
          || gs_plan_get_result (plan, &error) == NULL)
        {
          fprintf (stderr, "edit %d: %s\n", i, error->message);
          return 1;
        }
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c1);
      if (i == 0) /* the CPU time too: on a loaded machine the wall time waits for a core */
        first_cpu = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
      sum += ms[i];
    }
  first = ms[0];
  qsort (ms, n, sizeof (double), compare);
  printf ("%s: %d edits, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms, first %.2f ms "
          "(CPU %.2f ms)\n",
          argv[1], n, sum / n, ms[n / 2], ms[(int) (n * 0.95)], ms[n - 1], first, first_cpu);

  if (argc > 4)
    {
      struct timespec c0, c1;
      gint64 t0 = g_get_monotonic_time ();
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &c0);
      if (!gs_plan_save_to_file (plan, argv[4], &error))
        {
          fprintf (stderr, "%s: %s\n", argv[4], error->message);
          return 1;
        }
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &c1);
      printf ("%s: saved in %.1f ms (CPU %.1f ms)\n", argv[1],
              (g_get_monotonic_time () - t0) / 1000.0,
              (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6);
    }

  /* A preview, as the window makes one while a value is typed (win.preview):
   * the plan with the typed value, computed, dropped. */
  for (int i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double rate = gs_plan_get_model (plan)->steps[0].rate;
      g_autoptr (GsModel) model = NULL;
      g_autoptr (GsResult) result = NULL;
      if (!gs_plan_preview (plan, "funnel.steps[0].rate",
                            json_node_init_double (json_node_alloc (), rate * 1.02), &model,
                            &result, &error))
        {
          fprintf (stderr, "preview %d: %s\n", i, error->message);
          return 1;
        }
      g_clear_pointer (&model, gs_model_free);
      g_clear_pointer (&result, gs_result_free);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (ms, n, sizeof (double), compare);
  printf ("%s: preview (the window's, while a value is typed), median %.2f ms, p95 %.2f ms\n",
          argv[1], ms[n / 2], ms[(int) (n * 0.95)]);

  /* The full compute alone (gs_compute of the decoded plan: every goal line
   * and its derivation, no text), as often as there were edits. */
  for (int i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GsResult) result = gs_compute (gs_plan_get_model (plan), &error);
      if (result == NULL)
        {
          fprintf (stderr, "compute: %s\n", error->message);
          return 1;
        }
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (ms, n, sizeof (double), compare);
  printf ("%s: full compute, median %.3f ms, p95 %.3f ms\n", argv[1], ms[n / 2],
          ms[(int) (n * 0.95)]);
  return 0;
}
