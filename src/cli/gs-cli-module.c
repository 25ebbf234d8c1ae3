/* gs-cli-module.c — loading goalsheet-cli's draw and workbook modules.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli-module.h"
#include "gs-error.h"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

/* The folder of the running executable: in the build tree the modules are
 * built beside it (src/cli), so tests and meson devenv find them there and
 * an installed copy of another build never stands in for them. */
static char *
executable_folder (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  return self != NULL ? g_path_get_dirname (self) : NULL;
}

static gconstpointer
load (const char *name, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".", G_MODULE_SUFFIX, NULL);
  g_autofree char *beside = executable_folder ();
  const char *folders[] = { beside, GS_CLI_MODULEDIR };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = NULL;
      GModule *module;
      gpointer table = NULL;

      if (folders[i] == NULL)
        continue;
      path = g_build_filename (folders[i], file, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* Lazy: a verb binds only the functions it calls.  Local: nothing
       * else is loaded against the module's symbols. */
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          /* Translators: the first %s is a file, the second the system's reason. */
          g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("%s could not be loaded: %s"), path,
                       g_module_error ());
          return NULL;
        }
      if (!g_module_symbol (module, "gs_cli_module_table", &table) || table == NULL
          || g_strcmp0 (*(const char *const *) table, PACKAGE_VERSION) != 0)
        {
          /* Translators: the first %s is a file, the second a version ("0.1.0"). */
          g_set_error (error, GS_ERROR, GS_ERROR_IO,
                       _ ("%s is not the module of goalsheet-cli %s (reinstall Goalsheet)"), path,
                       PACKAGE_VERSION);
          g_module_close (module);
          return NULL;
        }
      g_module_make_resident (module);
      return table;
    }
  /* Translators: the first %s is a file ("goalsheet-cli-draw.so"), the
   * second and third folders. */
  g_set_error (error, GS_ERROR, GS_ERROR_IO,
               _ ("%s is missing: it belongs beside goalsheet-cli (%s) or in %s (reinstall "
                  "Goalsheet)"),
               file, beside != NULL ? beside : "?", GS_CLI_MODULEDIR);
  return NULL;
}

/* The module's table, loaded into *slot on first use. */
static gconstpointer
table (const char *name, gconstpointer *slot, GError **error)
{
  if (*slot == NULL)
    *slot = load (name, error);
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
