/* gs-report.h — the printable goal sheet: company target, both departments'
 * goals by quarter, the agreed definitions and SLA, each role's pay plan, the
 * key charts and signature lines for the CEO, VP Marketing and VP Sales.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages are drawn independently (a GtkPrintOperation asks for them one by
 * one), in points on any cairo_t; gs_report_write_pdf writes them all to a
 * PDF.  Every figure comes from the engine's result.
 */
#pragma once

#include <cairo.h>

#include "gs-model.h"
#include "gs-montecarlo.h"
#include "gs-refan.h"
#include "gs-result.h"

G_BEGIN_DECLS

#define GS_REPORT_A4_WIDTH 595.276 /* points */
#define GS_REPORT_A4_HEIGHT 841.89

typedef struct
{
  const GsModel *model;
  const GsResult *result;
  const GsSimResult *sim;  /* may be NULL: no fan chart, no P(hit) */
  const GsCompModel *comp; /* resolved (gs_plan_get_comp); NULL: no compensation plans */
  const char *scenario;    /* the named scenario printed, or NULL: the plan itself */
  const GDate *printed;    /* the date in the footer, or NULL: today */
  const GsRefan *refan;    /* may be NULL; else the fan chart is the re-forecast from the actuals */
} GsReportData;

guint
gs_report_n_pages (const GsReportData *data);

/* Draws page (0-based) into width × height points (any paper size; the
 * content is laid out for portrait A4 and scaled to fit). */
void
gs_report_draw_page (cairo_t *cr, double width, double height, guint page,
                     const GsReportData *data);

gboolean
gs_report_write_pdf (const GsReportData *data, const char *filename, GError **error);

G_END_DECLS
