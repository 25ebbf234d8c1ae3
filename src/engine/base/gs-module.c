/* gs-module.c — a module of Goalsheet's own, loaded on first use.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-module.h"
#include "gs-error.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

/* PACKAGE_VERSION (config.h, which the engine does not include), from
 * base/meson.build. */
#ifndef GS_MODULE_VERSION
#error "GS_MODULE_VERSION: the project's version, from base/meson.build"
#endif

/* The folder of the running executable: in the build tree a module is built
 * beside its executable, so tests and meson devenv find it there and an
 * installed copy of another build never stands in for it. */
static char *
executable_folder (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  return self != NULL ? g_path_get_dirname (self) : NULL;
}

gconstpointer
gs_module_load_table (const char *name, const char *symbol, const char *program, const char *first,
                      const char *installed, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".", G_MODULE_SUFFIX, NULL);
  g_autofree char *beside = executable_folder ();
  const char *folders[] = { first, beside, installed };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = NULL;
      GModule *module;
      gpointer table = NULL;

      if (folders[i] == NULL || *folders[i] == '\0')
        continue;
      path = g_build_filename (folders[i], file, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* Lazy: a caller binds only the functions it calls.  Local: nothing
       * else is loaded against the module's symbols. */
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          /* Translators: the first %s is a file, the second the system's reason. */
          g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("%s could not be loaded: %s"), path,
                       g_module_error ());
          return NULL;
        }
      if (!g_module_symbol (module, symbol, &table) || table == NULL
          || g_strcmp0 (*(const char *const *) table, GS_MODULE_VERSION) != 0)
        {
          /* Translators: the first %s is a file, the second a program
           * ("goalsheet-cli"), the third a version ("0.1.0"). */
          g_set_error (error, GS_ERROR, GS_ERROR_IO,
                       _ ("%s is not the module of %s %s (reinstall Goalsheet)"), path, program,
                       GS_MODULE_VERSION);
          g_module_close (module);
          return NULL;
        }
      g_module_make_resident (module);
      return table;
    }
  /* Translators: the first %s is a file ("goalsheet-cli-draw.so"), the
   * second a program ("goalsheet-cli"), the third and fourth folders. */
  g_set_error (error, GS_ERROR, GS_ERROR_IO,
               _ ("%s is missing: it belongs beside %s (%s) or in %s (reinstall Goalsheet)"), file,
               program, beside != NULL ? beside : "?", installed);
  return NULL;
}
