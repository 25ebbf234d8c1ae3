/* gs-cli-module.h — the verbs goalsheet-cli loads on use.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing (cairo, pango: chart, report, statement -o FILE.pdf) and writing
 * workbooks (libxlsxwriter: export, expense -o FILE.xlsx) are two modules,
 * goalsheet-cli-draw and goalsheet-cli-workbook, so that the verbs that only
 * print (payout, show, track, …) start without loading those libraries
 * (docs/architecture.md, "goalsheet-cli's modules").  Each module exports
 * one table, gs_cli_module_table; the modules call the engine and gs-cli.h
 * in the executable, which exports its symbols to them.
 */
#pragma once

#include "gs-cli.h"
#include "gs-ledger.h"
#include "gs-statement-pdf.h"

G_BEGIN_DECLS

/* goalsheet-cli-draw */
typedef struct
{
  const char *version; /* PACKAGE_VERSION: a module of another version is refused */
  int (*chart) (int argc, char **argv);
  int (*report) (int argc, char **argv);
  gboolean (*statement_pdf) (const GsStatementPdf *data, const char *filename, GError **error);
} GsCliDraw;

/* goalsheet-cli-workbook */
typedef struct
{
  const char *version;
  int (*export) (int argc, char **argv);
  gboolean (*xlsx_with_ledger) (GsPlan *plan, const GsLedger *ledger, const char *filename,
                                GError **error);
} GsCliWorkbook;

/* The module's table, loaded on first use; NULL with error (GS_ERROR_IO)
 * when the module is missing or of another version.  Looked for beside the
 * executable first (the build tree: tests, meson devenv), then in the
 * folder it is installed to. */
const GsCliDraw *
gs_cli_draw (GError **error);
const GsCliWorkbook *
gs_cli_workbook (GError **error);

/* The verbs of the modules, as gs-cli.c lists them: load, then run. */
int
gs_cli_draw_chart (int argc, char **argv);
int
gs_cli_draw_report (int argc, char **argv);
int
gs_cli_workbook_export (int argc, char **argv);

G_END_DECLS
