/* gs-report-page.c — text and footer of every printed page (gs-report-page.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-report-page.h"
#include "config.h"
#include "gs-format.h"
#include "gs-report.h"
#include "gs-error.h"

#include <cairo-pdf.h>

#include <glib/gi18n-lib.h>
#include <time.h>

#define FONT "Cantarell, DejaVu Sans, sans-serif"

void
gs_report_set_ink (cairo_t *cr, GsReportInk ink)
{
  static const double rgb[][3] = {
    { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 }, { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 },
    { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0 }, { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0 },
    { 0x61 / 255.0, 0x35 / 255.0, 0x83 / 255.0 },
  };
  cairo_set_source_rgb (cr, rgb[ink][0], rgb[ink][1], rgb[ink][2]);
}

double
gs_report_text (cairo_t *cr, PangoLayout *layout, double x, double y, double width, double size,
                gboolean bold, GsReportInk ink, gboolean right, const char *s)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  PangoRectangle logical;
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, s, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  gs_report_set_ink (cr, ink);
  cairo_move_to (cr, right ? x - (double) logical.width / PANGO_SCALE : x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) logical.height / PANGO_SCALE;
}

/* Which plan, when and which figures: a page torn from the pile still says
 * what it belongs to. */
void
gs_report_footer (cairo_t *cr, PangoLayout *layout, const GsModel *model, const GDate *printed,
                  const char *what, const char *right)
{
  const char *fingerprint = gs_model_fingerprint (model);
  double width = GS_REPORT_A4_WIDTH - 2 * GS_REPORT_MARGIN;
  g_autofree char *when = NULL;
  g_autofree char *left = NULL;
  g_autofree char *short_print = NULL;
  GDate today;

  if (printed != NULL)
    when = gs_format_date (printed);
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      when = gs_format_date (&today);
    }
  /* "sha256:" and 64 hex digits: twelve identify the figures on paper. */
  if (fingerprint != NULL && g_str_has_prefix (fingerprint, "sha256:"))
    short_print = g_strndup (fingerprint + 7, 12);
  left = g_strdup_printf (
      /* Translators: the printed sheet's footer: %1$s the date printed, %2$s the app's version,
         %3$s "the plan" or a scenario's name, %4$s a short fingerprint of the figures. */
      _ ("Printed %1$s by Goalsheet %2$s · %3$s · figures %4$s"), when, PACKAGE_VERSION, what,
      short_print != NULL ? short_print : "—");
  gs_report_text (cr, layout, GS_REPORT_MARGIN, GS_REPORT_FOOTER_Y, width * 0.62, 7.5, FALSE,
                  GS_REPORT_MUTED, FALSE, left);
  gs_report_text (cr, layout, GS_REPORT_A4_WIDTH - GS_REPORT_MARGIN, GS_REPORT_FOOTER_Y, 0, 7.5,
                  FALSE, GS_REPORT_MUTED, TRUE, right);
}

/* cairo's write callback: the atomic file keeps the first failure and its
 * reason (the disk is full, …) for gs_atomic_file_commit to report. */
static cairo_status_t
write_bytes (void *closure, const unsigned char *bytes, unsigned int length)
{
  return gs_atomic_file_write (closure, bytes, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

cairo_surface_t *
gs_report_pdf_begin (GsAtomicFile *file, const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
      write_bytes, file, GS_REPORT_A4_WIDTH, GS_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Goalsheet");
  return surface;
}

gboolean
gs_report_pdf_finish (cairo_surface_t *surface, GsAtomicFile *file, const char *filename,
                      GError **error)
{
  cairo_status_t status;
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && !gs_atomic_file_has_failed (file))
    {
      /* Translators: a file name, then cairo's reason (English). */
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not write %s: %s"), filename,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return gs_atomic_file_commit (file, error);
}
