/* gs-workbook.c — loading the goalsheet-workbook module on the first export.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-workbook.h"
#include "gs-export.h"
#include "gs-module.h"

gboolean
gs_workbook_write_xlsx (GsPlan *plan, const GDate *as_of, const char *filename, GError **error)
{
#ifdef GS_HAVE_XLSX
  /* GOALSHEET_MODULEDIR: the build tree's (tests, meson devenv). */
  static const GsWorkbookModule *module;
  if (module == NULL)
    module = gs_module_load_table ("goalsheet-workbook", "gs_workbook_module_table", "goalsheet",
                                   g_getenv ("GOALSHEET_MODULEDIR"), GS_MODULEDIR, error);
  return module != NULL && module->xlsx_as_of (plan, as_of, filename, error);
#else
  return gs_export_xlsx_as_of (plan, as_of, filename, error);
#endif
}
