/* gs-module.h — a module of Goalsheet's own, loaded on first use.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * goalsheet-cli (src/cli/gs-cli-module.h) and the window
 * (src/gui/window/gs-workbook.h) keep the libraries few of their runs need
 * (cairo and pango, libxlsxwriter) out of their start in modules
 * (docs/architecture.md).  A module exports one table whose first member is
 * the version it was built for (PACKAGE_VERSION); it calls the engine in
 * the executable, which exports its symbols.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The table SYMBOL of the module NAME (without its suffix, "goalsheet-cli-draw"),
 * loaded for PROGRAM (the executable's name, for the messages).  Looked for in
 * FIRST (NULL or "": not looked for), beside the running executable, then in
 * INSTALLED; the first file found is loaded, lazily bound, its symbols kept
 * local, and kept for the process.  NULL with error (GS_ERROR_IO) when no
 * folder holds it, it cannot be loaded or its table is of another version. */
gconstpointer
gs_module_load_table (const char *name, const char *symbol, const char *program, const char *first,
                      const char *installed, GError **error);

G_END_DECLS
