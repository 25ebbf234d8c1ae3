/* cli-main.c — goalsheet-cli's main(); everything else is in the engine.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"

#include <malloc.h>

int
main (int argc, char **argv)
{
  /* A verb is one short process: memory freed at the top of the heap stays
   * for the next allocation.  By default glibc gives it back above 128 KiB
   * and faults it in again when the heap regrows: writing the workbook of
   * mid-market with 10,000 people did that often enough to cost 15 % of
   * the export (bench/RESULTS.md, "Export, payout and edits"). */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  return gs_cli_main (argc, argv);
}
