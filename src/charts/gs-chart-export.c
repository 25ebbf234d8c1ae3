/* gs-chart-export.c — a chart to PNG, SVG or PDF, by the file's extension.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-atomic.h"
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

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

typedef struct
{
  GsChartKind kind;
  const GsChartStyle *style;
  const GsChartData *data;
  double width, height, scale;
  const char *filename; /* for messages: the name the user chose */
  Format format;
} ChartJob;

/* Draws into the temporary file gs_atomic_write_via_path made next to the
 * target; it is renamed over the target only once complete. */
static gboolean
write_chart (const char *temp_path, gpointer user_data, GError **error)
{
  ChartJob *job = user_data;
  cairo_surface_t *surface;
  gboolean ok;
  cairo_t *cr;

  if (job->format == FORMAT_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (job->width * job->scale),
                                            (int) ceil (job->height * job->scale));
      cairo_surface_set_device_scale (surface, job->scale, job->scale);
    }
  else if (job->format == FORMAT_SVG)
    surface = cairo_svg_surface_create (temp_path, job->width, job->height);
  else
    surface = cairo_pdf_surface_create (temp_path, job->width, job->height);
  if (!surface_ok (surface, job->filename, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  ok = gs_chart_draw (job->kind, cr, job->width, job->height, job->style, job->data, NULL, error);
  cairo_destroy (cr);
  if (ok && job->format == FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, temp_path);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write %s: %s", job->filename,
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_finish (surface);
  if (ok)
    ok = surface_ok (surface, job->filename, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
gs_chart_export (GsChartKind kind, const GsChartStyle *style, const GsChartData *data, double width,
                 double height, double scale, const char *filename, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);
  ChartJob job = { kind, style, data, width, height, scale, filename, FORMAT_PNG };

  if (g_str_has_suffix (lower, ".png"))
    job.format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    job.format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    job.format = FORMAT_PDF;
  else
    {
      g_set_error (error, GS_ERROR, GS_ERROR_USAGE,
                   "%s: the file name must end in .png, .svg or .pdf", filename);
      return FALSE;
    }
  return gs_atomic_write_via_path (filename, write_chart, &job, GS_ATOMIC_NONE, error);
}
