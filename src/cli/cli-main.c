/* cli-main.c — goalsheet-cli's main(); everything else is in the engine.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"

int
main (int argc, char **argv)
{
  return gs_cli_main (argc, argv);
}
