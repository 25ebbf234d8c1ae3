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

/* cairo's write callback: the atomic file remembers the first failure (with
 * its reason, e.g. the disk is full) for gs_atomic_file_commit to report. */
static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  return gs_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                            : CAIRO_STATUS_WRITE_ERROR;
}

/* Draws into a temporary file next to the target (gs-atomic.h); it is
 * renamed over the target only once cairo has finished without error and
 * every byte was written. */
static gboolean
write_chart (ChartJob *job, GError **error)
{
  g_autoptr (GsAtomicFile) file = gs_atomic_file_begin (job->filename, GS_ATOMIC_NONE, error);
  cairo_surface_t *surface;
  gboolean ok;
  cairo_t *cr;

  if (file == NULL)
    return FALSE;
  if (job->format == FORMAT_PNG)
    {
      surface
          = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (job->width * job->scale),
                                        (int) ceil (job->height * job->scale));
      cairo_surface_set_device_scale (surface, job->scale, job->scale);
    }
  else if (job->format == FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_bytes, file, job->width, job->height);
  else
    surface = cairo_pdf_surface_create_for_stream (write_bytes, file, job->width, job->height);
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
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, write_bytes, file);
      if (status != CAIRO_STATUS_SUCCESS && !gs_atomic_file_has_failed (file))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_IO, "could not write %s: %s", job->filename,
                       cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  /* PDF and SVG are written out here: the status after finish is the one
   * that says whether the file is complete. */
  cairo_surface_finish (surface);
  if (ok && !gs_atomic_file_has_failed (file))
    ok = surface_ok (surface, job->filename, error);
  cairo_surface_destroy (surface);
  return ok && gs_atomic_file_commit (file, error);
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
  return write_chart (&job, error);
}
