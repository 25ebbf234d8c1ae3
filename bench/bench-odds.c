/* bench-odds.c — what the simulation page's P(hit) of scenarios costs on
 * an opened plan (bench/RESULTS.md, "CRM import and tracking").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-odds PLAN tree   the page before h11i: the whole tree copied for
 *                          the worker (the deals and leads built into it)
 *   bench-odds PLAN plan   a copy of the plan that shares its store
 *                          (gs_scenario_odds_run_for_plan)
 *
 * Prints the CPU time of opening the plan, of the page's part on the main
 * thread (the copy handed over) and of the worker, the peak memory after
 * opening and after the worker, and each scenario's P(hit).  Built by hand
 * against an older engine with -DBENCH_ODDS_TREE_ONLY.
 */
#include "gs-plan.h"
#include "gs-scenario-odds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static double
cpu_ms (long *peak_kib)
{
  struct rusage u;
  getrusage (RUSAGE_SELF, &u);
  *peak_kib = u.ru_maxrss;
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3
         + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsScenarioOdds) odds = NULL;
  g_autoptr (JsonNode) root = NULL;
  gboolean tree;
  long peak0, peak1, peak2, peak3;
  double t0, t1, t2, t3;

  if (argc != 3 || (strcmp (argv[2], "tree") != 0 && strcmp (argv[2], "plan") != 0))
    {
      fprintf (stderr, "usage: bench-odds PLAN tree|plan\n");
      return 2;
    }
  tree = strcmp (argv[2], "tree") == 0;
  t0 = cpu_ms (&peak0);
  plan = gs_plan_new_from_file (argv[1], &error);
  if (plan == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  t1 = cpu_ms (&peak1);
  if (tree)
    {
      /* What start_odds handed the worker before: json_node_copy of the whole tree. */
      root = json_node_copy (gs_plan_get_root (plan));
      t2 = cpu_ms (&peak2);
      odds = gs_scenario_odds_run (root, NULL, NULL, &error);
    }
  else
    {
#ifdef BENCH_ODDS_TREE_ONLY
      g_error ("built with -DBENCH_ODDS_TREE_ONLY: tree only");
#else
      g_autoptr (GsPlan) copy = gs_plan_copy (plan);
      t2 = cpu_ms (&peak2);
      odds = gs_scenario_odds_run_for_plan (copy, NULL, NULL, &error);
#endif
    }
  t3 = cpu_ms (&peak3);
  if (odds == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  printf ("%s: open %.0f ms CPU (peak %.0f MiB); main thread %.1f ms; worker %.0f ms; "
          "peak after %.0f MiB\n",
          argv[2], t1 - t0, peak1 / 1024.0, t2 - t1, t3 - t2, peak3 / 1024.0);
  for (guint s = 0; s < odds->n_scenarios; s++)
    printf ("  %s: P(hit) %.6f\n", odds->names[s], odds->p_hit[s]);
  return 0;
}
