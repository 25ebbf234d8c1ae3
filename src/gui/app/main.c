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
  /* GOALSHEET_LOCALEDIR: the catalogues of a build tree (tests, meson devenv). */
  const char *localedir = g_getenv ("GOALSHEET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
