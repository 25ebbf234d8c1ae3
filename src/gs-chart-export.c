/* gs-chart-export.c — a chart to PNG, SVG or PDF, by the file's extension.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-chart.h"
#include "gs-error.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

static gboolean
surface_ok (cairo_surface_t *surface, const char *filename, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write %s: %s", filename,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
gs_chart_export (GsChartKind kind, const GsChartStyle *style, const GsChartData *data, double width,
                 double height, double scale, const char *filename, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);
  cairo_surface_t *surface;
  gboolean png = g_str_has_suffix (lower, ".png");
  gboolean ok;
  cairo_t *cr;

  if (png)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (filename, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (filename, width, height);
  else
    {
      g_set_error (error, GS_ERROR, GS_ERROR_USAGE,
                   "%s: the file name must end in .png, .svg or .pdf", filename);
      return FALSE;
    }
  if (!surface_ok (surface, filename, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  ok = gs_chart_draw (kind, cr, width, height, style, data, NULL, error);
  cairo_destroy (cr);
  if (ok && png)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, filename);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write %s: %s", filename,
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_finish (surface);
  if (ok)
    ok = surface_ok (surface, filename, error);
  cairo_surface_destroy (surface);
  return ok;
}
