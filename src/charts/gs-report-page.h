/* gs-report-page.h — what every printed page shares (private to charts):
 * text in the goal sheet's font and inks, and the footer that says which
 * plan, when and which figures.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed goal sheet (gs-report.c) and the commission statement
 * (gs-statement-pdf.c) draw with these, so both look alike.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "gs-atomic.h"
#include "gs-model.h"

G_BEGIN_DECLS

#define GS_REPORT_MARGIN 48.0
#define GS_REPORT_FOOTER_Y (GS_REPORT_A4_HEIGHT - GS_REPORT_MARGIN + 10)

typedef enum
{
  GS_REPORT_INK,   /* body text */
  GS_REPORT_MUTED, /* secondary */
  GS_REPORT_MARKETING,
  GS_REPORT_SALES,
  GS_REPORT_SHARED,
} GsReportInk;

void
gs_report_set_ink (cairo_t *cr, GsReportInk ink);

/* Text at (x, y), wrapped at width (0: one line), aligned right when
 * right; returns its height. */
double
gs_report_text (cairo_t *cr, PangoLayout *layout, double x, double y, double width, double size,
                gboolean bold, GsReportInk ink, gboolean right, const char *s);

/* The footer: the date printed (printed, or today when NULL), Goalsheet's
 * version, what is printed (what) and the plan's fingerprint on the left;
 * right on the right. */
void
gs_report_footer (cairo_t *cr, PangoLayout *layout, const GsModel *model, const GDate *printed,
                  const char *what, const char *right);

/* An A4 PDF written into file (gs_atomic_file_begin'd) with the title and
 * Goalsheet as its creator; finish destroys the surface and commits the
 * file when cairo wrote it whole (else the target is left as it was). */
cairo_surface_t *
gs_report_pdf_begin (GsAtomicFile *file, const char *title);
gboolean
gs_report_pdf_finish (cairo_surface_t *surface, GsAtomicFile *file, const char *filename,
                      GError **error);

G_END_DECLS
