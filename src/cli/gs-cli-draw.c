/* gs-cli-draw.c — the goalsheet-cli-draw module's table: the verbs that
 * draw with cairo and pango (gs-cli-module.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli-module.h"
#include "config.h"

#include <gmodule.h>

G_MODULE_EXPORT const GsCliDraw gs_cli_module_table = {
  PACKAGE_VERSION,
  gs_cli_chart,
  gs_cli_report,
  gs_statement_write_pdf,
};
