/* kill-saver.c — saves two different plans over one file, alternately, as
 * fast as it can, until it is killed (test-kill.c kills it with SIGKILL).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   kill-saver PLAN_A PLAN_B TARGET
 * Prints "ready" once the second save is complete (so the backup TARGET~
 * exists).  Exits by itself after 60 s
 * so a crashed test never leaves it running.
 */
#include "gs-plan.h"

#include <stdio.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) a = NULL;
  g_autoptr (GsPlan) b = NULL;

  if (argc != 4)
    {
      g_printerr ("usage: kill-saver PLAN_A PLAN_B TARGET\n");
      return 2;
    }
  alarm (60);
  a = gs_plan_new_from_file (argv[1], &error);
  if (a)
    b = gs_plan_new_from_file (argv[2], &error);
  if (b == NULL)
    {
      g_printerr ("kill-saver: %s\n", error->message);
      return 1;
    }
  for (guint64 i = 0;; i++)
    {
      if (!gs_plan_save_to_file (i % 2 ? b : a, argv[3], &error))
        {
          g_printerr ("kill-saver: %s\n", error->message);
          return 1;
        }
      if (i == 1)
        {
          printf ("ready\n");
          fflush (stdout);
        }
    }
}
