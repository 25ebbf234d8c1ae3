/* gs-crm-import.h — a CRM export merged into the plan's actuals.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are keyed by their CRM id: a row whose record the actuals already
 * hold updates it (or leaves it as it was), so importing the same or an
 * overlapping export twice never counts a deal twice.  A bad row is refused
 * with its row number, column, value and reason and the rest import; only a
 * file that is not CSV, or lacks a required column, fails as a whole.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-crm-columns.h"

G_BEGIN_DECLS

typedef struct
{
  guint row;    /* the row a spreadsheet shows it on, the header being 1 */
  char *column; /* the header of the offending cell, or NULL for the row */
  char *value;  /* the cell's text, or NULL */
  char *reason; /* translated */
  char **cells; /* the row as the file held it, for the refused rows' CSV */
} GsImportProblem;

typedef struct
{
  const char *style; /* "HubSpot", "Salesforce", "other" (static) */
  char *encoding;
  char delimiter;
  GsDateOrder date_order;
  guint rows;
  guint imported;  /* new records */
  guint updated;   /* records the actuals held, changed */
  guint unchanged; /* records the actuals held, the same */
  guint refused;
  GPtrArray *problems;         /* of GsImportProblem*, by row */
  GPtrArray *new_people;       /* of char*: names of owners added to the roster */
  GPtrArray *unmapped_sources; /* of char*: CRM sources that map to no plan source */
  char **header;               /* the file's header row */
} GsImportReport;

GsImportReport *
gs_import_report_new (void);
void
gs_import_report_free (GsImportReport *report);

/* Reads bytes as a CRM export of kind and merges it into data (which must be
 * data for model's stages).  Returns FALSE (data unchanged) when the file
 * cannot be read as CSV (GS_ERROR_PARSE) or no column holds a required
 * field, or its dates cannot be read in one order (GS_ERROR_INVALID). */
gboolean
gs_crm_import (GsActualsData *data, const GsModel *model, GsCrmKind kind, const char *bytes,
               gsize length, GsImportReport *report, GError **error);
/* The same, taking bytes as gs_csv_read_taking does (g_file_get_contents'
 * buffer, freed either way): the file is read in place, not copied. */
gboolean
gs_crm_import_taking (GsActualsData *data, const GsModel *model, GsCrmKind kind, char *bytes,
                      gsize length, GsImportReport *report, GError **error);

/* "1,204 rows: 1,180 imported, 3 updated, 21 refused" (counts in the
 * user's locale; ", N unchanged" when a re-import left records as they were). */
char *
gs_import_report_summary (const GsImportReport *report);

/* Merges a mapping file's object (the shape of actuals.mapping) into data's
 * mapping; entries it names replace the ones held. */
gboolean
gs_actuals_mapping_merge (GsActualsData *data, const GsModel *model, JsonNode *node,
                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsImportReport, gs_import_report_free)

G_END_DECLS
