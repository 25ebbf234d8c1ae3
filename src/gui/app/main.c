/* main.c — the goalsheet application.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-application.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int argc, char *argv[])
{
  g_autoptr (GsApplication) app = NULL;
  GSettingsSchemaSource *source;
  GSettingsSchema *schema;

  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  setlocale (LC_ALL, "");
  /* Run from the build tree, use the translations compiled there. */
  if (self_exe && g_str_has_prefix (self_exe, BUILD_ROOT "/"))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Run from the build tree (.ci/try), use the schema compiled there. */
  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL && g_file_test (BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, FALSE);
  g_clear_pointer (&schema, g_settings_schema_unref);

  app = gs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
