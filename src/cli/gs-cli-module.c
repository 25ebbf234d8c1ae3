/* gs-cli-module.c — loading goalsheet-cli's draw and workbook modules.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli-module.h"
#include "gs-module.h"

/* The module's table, loaded into *slot on first use. */
static gconstpointer
table (const char *name, gconstpointer *slot, GError **error)
{
  if (*slot == NULL)
    *slot = gs_module_load_table (name, "gs_cli_module_table", "goalsheet-cli", NULL,
                                  GS_CLI_MODULEDIR, error);
  return *slot;
}

const GsCliDraw *
gs_cli_draw (GError **error)
{
  static gconstpointer draw;
  return table ("goalsheet-cli-draw", &draw, error);
}

const GsCliWorkbook *
gs_cli_workbook (GError **error)
{
  static gconstpointer workbook;
  return table ("goalsheet-cli-workbook", &workbook, error);
}

int
gs_cli_draw_chart (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const GsCliDraw *draw = gs_cli_draw (&error);
  return draw != NULL ? draw->chart (argc, argv) : gs_cli_fail (NULL, error);
}

int
gs_cli_draw_report (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const GsCliDraw *draw = gs_cli_draw (&error);
  return draw != NULL ? draw->report (argc, argv) : gs_cli_fail (NULL, error);
}

int
gs_cli_workbook_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const GsCliWorkbook *workbook = gs_cli_workbook (&error);
  return workbook != NULL ? workbook->export(argc, argv) : gs_cli_fail (NULL, error);
}
