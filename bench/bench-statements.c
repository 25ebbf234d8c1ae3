/* bench-statements.c — every person's statements from the actuals: the
 * crediting of every won deal and each person's year of pay
 * (gs_pay_company, what the ledger, the expense and the workbook's
 * Statements sheet read), timed apart from loading the plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-statements PLAN [RUNS]   (bench/run-statements.sh makes the
 * plan: 1,000 people, 100,000 deals).  The peer, timed in the same run, is
 * the floor of the same work: one pass over the deals adding each won
 * deal's amount to its owner (no splits, no pay plans) — what any
 * statement must at least do.
 */
#include "gs-plan.h"
#include "gs-statement.h"

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

/* The floor: won deals added to their owners. */
static GsMoney
floor_pass (const GsActualsData *a, GsMoney *by_person)
{
  GsMoney total = 0;
  memset (by_person, 0, sizeof (GsMoney) * a->n_people);
  for (guint i = 0; i < a->n_deals; i++)
    if (a->deals[i].status == GS_DEAL_WON && a->deals[i].owner >= 0)
      {
        by_person[a->deals[i].owner] += a->deals[i].amount;
        total += a->deals[i].amount;
      }
  return total;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  const GsModel *m;
  const GsCompModel *comp;
  int runs = argc > 2 ? atoi (argv[2]) : 5;
  g_autofree double *ms = NULL;
  g_autofree double *cpu_ms = NULL;
  g_autofree double *floor_ms = NULL;
  g_autofree GsMoney *by_person = NULL;
  GsMoney total = 0, floor_total = 0;
  gint64 t0;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-statements PLAN [RUNS]\n");
      return 2;
    }
  t0 = g_get_monotonic_time ();
  plan = gs_plan_new_from_file (argv[1], &error);
  if (plan == NULL || (comp = gs_plan_get_comp (plan, &error)) == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error ? error->message : "no compensation section");
      return 1;
    }
  m = gs_plan_get_model (plan);
  if (m->actuals == NULL)
    {
      fprintf (stderr, "%s: the plan has no actuals\n", argv[1]);
      return 1;
    }
  printf ("%s: %u people, %u deals; loaded and computed in %.0f ms\n", argv[1],
          m->actuals->n_people, m->actuals->n_deals, (g_get_monotonic_time () - t0) / 1000.0);
  ms = g_new0 (double, runs);
  cpu_ms = g_new0 (double, runs);
  floor_ms = g_new0 (double, runs);
  by_person = g_new0 (GsMoney, MAX (m->actuals->n_people, 1));
  for (int i = 0; i < runs; i++)
    {
      g_autoptr (GsPayCompany) company = NULL;
      clock_t c0 = clock ();
      t0 = g_get_monotonic_time ();
      company = gs_pay_company (m, comp, &error);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu_ms[i] = (double) (clock () - c0) * 1000.0 / CLOCKS_PER_SEC;
      if (company == NULL)
        {
          fprintf (stderr, "statements: %s\n", error->message);
          return 1;
        }
      total = company->total;
      t0 = g_get_monotonic_time ();
      floor_total = floor_pass (m->actuals, by_person);
      floor_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (ms, runs, sizeof (double), compare);
  qsort (floor_ms, runs, sizeof (double), compare);
  qsort (cpu_ms, runs, sizeof (double), compare);
  printf (
      "statements (gs_pay_company), median of %d: %.1f ms wall, %.1f ms CPU (paid %" G_GINT64_FORMAT
      " minor units)\n",
      runs, ms[runs / 2], cpu_ms[runs / 2], total);
  printf ("floor (won deals to owners, one pass): %.2f ms wall (credited %" G_GINT64_FORMAT
          " minor units); ratio (wall) %.0f×\n",
          floor_ms[runs / 2], floor_total,
          floor_ms[runs / 2] > 0 ? ms[runs / 2] / floor_ms[runs / 2] : 0);
  return 0;
}
