/* gs-statement-pdf.h — a person's commission statement as a PDF, in the
 * printed goal sheet's look (goalsheet-cli statement -o FILE.pdf).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line of the statement (gs-statement.h) with its trace: the credit
 * of the period, the measures to date against the quota, the pay lines,
 * each deal paid at the rates in force and the year's calculation as the
 * text floor words them; the footer names the date printed, Goalsheet's
 * version, the person and period and the plan's fingerprint.  Pages break
 * where the next line no longer fits.
 */
#pragma once

#include "gs-statement.h"

G_BEGIN_DECLS

typedef struct
{
  const GsModel *model;
  const GsCompModel *comp;
  const GsStatement *statement;
  const char *period;   /* as the user named it: "2027-03", "FY27 Q1" */
  const GDate *printed; /* the footer's date, or NULL: today */
} GsStatementPdf;

/* Written atomically (gs-atomic.h), as the goal sheet is. */
gboolean
gs_statement_write_pdf (const GsStatementPdf *data, const char *filename, GError **error);

G_END_DECLS
