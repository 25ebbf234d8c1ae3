/* gs-export-layout.c — how the workbook's sheets look on screen and on paper:
 * columns wide enough for their numbers, paper by the plan's currency, and
 * whether fitting a sheet to one page wide leaves readable text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widths are in Excel's unit, the width of a digit of the default font
 * (Calibri 11 pt: 7 pixels, 5 more of padding per column).
 */
#include "gs-export-private.h"

#include <math.h>
#include <string.h>

#define DEFAULT_WIDTH 8.43 /* Excel's default column width */
#define DIGIT_INCHES (7.0 / 96)
#define PADDING_INCHES (5.0 / 96)
#define FONT_POINTS 11.0
#define MARGINS_INCHES 1.4 /* libxlsxwriter's default left and right margins, 0.7" each */

static guint
integer_chars (double v)
{
  double a = fabs (v);
  guint digits = a < 1 ? 1 : (guint) floor (log10 (a)) + 1;
  return digits + (digits - 1) / 3 + (v < 0 ? 1 : 0); /* thousands separators, sign */
}

/* Characters a number cell shows in its format (gs-export-xlsx.c's formats). */
static guint
cell_chars (const GsXCell *cell, const GsExportBook *book)
{
  switch (cell->kind)
    {
    case GS_XCELL_MONEY:
      return integer_chars (cell->value) + (book->digits ? book->digits + 1 : 0) + 1
             + (guint) strlen (book->currency);
    case GS_XCELL_COUNT:
      return integer_chars (cell->value);
    case GS_XCELL_PERCENT:
      return integer_chars (cell->value * 100) + (cell->input ? 3 : 2) + 1;
    case GS_XCELL_NUMBER:
      return integer_chars (cell->value) + (cell->decimals ? cell->decimals + 1u : 0);
    case GS_XCELL_DATE:
      return 10; /* yyyy-mm-dd */
    case GS_XCELL_TEXT:
    case GS_XCELL_EMPTY:
    default:
      return 0;
    }
}

void
gs_xtable_fit_row (double *widths, const GsXRow *row, const GsExportBook *book)
{
  for (guint col = 0; col < row->cells->len && col < GS_XTABLE_COLUMNS; col++)
    {
      /* One character to spare: Excel shows ### rather than a cut number. */
      double need = cell_chars (&g_array_index (row->cells, GsXCell, col), book) + 1.5;
      double now = widths[col] > 0 ? widths[col] : DEFAULT_WIDTH;
      if (need > now)
        widths[col] = need;
    }
}

gboolean
gs_export_paper_letter (const GsExportBook *book)
{
  /* Letter where the plan's money is US or Canadian dollars, A4 elsewhere. */
  return g_strcmp0 (book->currency, "USD") == 0 || g_strcmp0 (book->currency, "CAD") == 0;
}

double
gs_xtable_fit_font (const GsXTable *t, const double *widths, gboolean letter)
{
  double paper = (letter ? 11.0 : 297.0 / 25.4) - MARGINS_INCHES; /* landscape */
  double inches = 0;
  guint cols = 0;
  /* Streamed rows (gs_xtable_stream) are as wide as the header above them. */
  for (guint r = 0; r < t->rows->len; r++)
    cols = MAX (cols, ((const GsXRow *) g_ptr_array_index (t->rows, r))->cells->len);
  for (guint col = 0; col < cols; col++)
    {
      double w = col < GS_XTABLE_COLUMNS && widths[col] > 0 ? widths[col] : DEFAULT_WIDTH;
      inches += w * DIGIT_INCHES + PADDING_INCHES;
    }
  if (inches <= paper)
    return FONT_POINTS;
  return FONT_POINTS * paper / inches;
}
