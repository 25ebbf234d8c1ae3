/* gs-export-book.h — the plan laid out as export tables (private to export).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layout, two writers: the workbook writer (gs-export-xlsx.c) and the CSV
 * writer (gs-export-csv.c) both read the same GsExportBook, so the tables
 * cannot drift apart.  Every cell carries the engine's number; derived cells
 * also carry an Excel formula that reproduces it from the named inputs.
 * Nothing here re-derives a figure: values come from GsResult.
 */
#pragma once

#include "gs-ledger.h"
#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  GS_XCELL_EMPTY,
  GS_XCELL_TEXT,    /* user or fixed text: always written as a string, never a formula */
  GS_XCELL_MONEY,   /* amount in minor units */
  GS_XCELL_COUNT,   /* amount, a whole count */
  GS_XCELL_NUMBER,  /* value */
  GS_XCELL_PERCENT, /* value, a fraction */
  GS_XCELL_DATE,    /* value: the spreadsheet's day number; text: the ISO date (CSV) */
} GsXCellKind;

typedef enum
{
  GS_XSTYLE_PLAIN,
  GS_XSTYLE_TITLE,
  GS_XSTYLE_HEADER,
  GS_XSTYLE_LABEL,   /* row labels */
  GS_XSTYLE_SECTION, /* a section heading row */
  GS_XSTYLE_TOTAL,   /* a total row: bold */
} GsXStyle;

typedef struct
{
  GsXCellKind kind;
  GsXStyle style;
  gboolean input;  /* an assumption: styled as input, unlocked, validated */
  gint64 amount;   /* MONEY (minor units), COUNT */
  double value;    /* NUMBER, PERCENT; for MONEY/COUNT the amount in major units */
  guint8 validate; /* inputs: 0 none, 1 decimal in [vmin, vmax], 2 whole number in [vmin, vmax] */
  double vmin, vmax;
  char *text;      /* TEXT */
  char *formula;   /* without the leading '='; NULL when the cell is a value */
  char *note;      /* cell note (comment), or NULL */
  char *name;      /* workbook-level defined name for this cell, or NULL */
  guint8 decimals; /* NUMBER: decimals shown */
} GsXCell;

typedef struct
{
  GArray *cells; /* of GsXCell */
} GsXRow;

typedef enum
{
  GS_XCHART_BAR,  /* horizontal bars: the funnel */
  GS_XCHART_LINE, /* lines over categories: monthly plan, payout curves */
} GsXChartKind;

typedef struct
{
  GsXChartKind kind;
  char *title;
  char *x_title;
  char *y_title;
  char *categories;     /* range formula: ='Sheet'!$A$1:$A$5 */
  GPtrArray *values;    /* of char*: one range formula per series */
  GPtrArray *names;     /* of char*: the series' name cell formula */
  guint at_row, at_col; /* where the chart is placed */
} GsXChart;

/* Fills streamed row i (0-based within the stream) into an empty row. */
typedef void (*GsXStreamFunc) (gpointer data, guint i, GsXRow *row);

#define GS_XTABLE_COLUMNS 256 /* columns a table sets widths for */

typedef struct
{
  char *name;      /* sheet name, at most 31 characters */
  GPtrArray *rows; /* of GsXRow*; with no stream, row i of the table is row i of the sheet */
  /* Rows made one at a time as they are read (People: one per person), so a
   * table of 50,000 people never holds more than one of them: n_streamed
   * rows stand between rows[stream_at − 1] and rows[stream_at].  Read every
   * row with gs_xtable_row or gs_xtable_foreach_row. */
  guint stream_at, n_streamed;
  GsXStreamFunc stream;
  gpointer stream_data;
  GDestroyNotify stream_free;
  guint freeze_rows, freeze_cols;
  double widths[GS_XTABLE_COLUMNS]; /* column widths in characters; 0 = default */
  gboolean protect;                 /* lock everything but the input cells */
  GPtrArray *charts;                /* of GsXChart* */
  char *csv_name;                   /* file name for the CSV export (no extension) */
} GsXTable;

typedef struct
{
  char *title;   /* "Acme Analytics — plan FY28" */
  char *company; /* user text */
  char *author;  /* who signed the plan off, else the company (user text) */
  char *currency;
  guint digits;
  GPtrArray *tables; /* of GsXTable* */
  GPtrArray *names;  /* range names: name, "=Sheet!$A$1:$B$1", name, … */
} GsExportBook;

/* The plan's tables: Inputs, Funnel, goal sheets, Capacity, and when the
 * plan has them Compensation, Scenarios and People; with actuals (deals and
 * a pay plan) Statements, Expense and Payments (docs/export.md). */
GsExportBook *
gs_export_book_new (GsPlan *plan, GError **error);
/* The same with the Expense and Payments sheets of ledger instead of the
 * actuals' (NULL: the actuals'; Statements only when ledger came from them). */
GsExportBook *
gs_export_book_new_with_ledger (GsPlan *plan, const GsLedger *ledger, GError **error);
/* The same with the Tracking sheet tracked to as_of (NULL: the default day,
 * gs_tracking_default_day). */
GsExportBook *
gs_export_book_new_full (GsPlan *plan, const GsLedger *ledger, const GDate *as_of, GError **error);
void
gs_export_book_free (GsExportBook *book);

/* "A1" references: col 0 = A.  abs adds the $ signs. */
char *
gs_xref (guint row, guint col, gboolean abs);
/* 'Sheet name'!A1 for a cell on another table. */
char *
gs_xref_sheet (const char *sheet, guint row, guint col);
/* 'Sheet name'!$A$1:$C$1 */
char *
gs_xrange_sheet (const char *sheet, guint row1, guint col1, guint row2, guint col2);

/* Rows in the sheet, streamed ones included. */
guint
gs_xtable_n_rows (const GsXTable *t);
/* Sheet row i: a stored row, or a streamed one made into scratch (an empty
 * row from gs_xrow_new, cleared here first), valid until scratch is reused. */
const GsXRow *
gs_xtable_row (const GsXTable *t, guint i, GsXRow *scratch);
typedef void (*GsXRowFunc) (const GsXRow *row, guint i, gpointer data);
/* Every row in sheet order, streamed ones made one at a time. */
void
gs_xtable_foreach_row (const GsXTable *t, GsXRowFunc func, gpointer data);
GsXRow *
gs_xrow_new (void);
void
gs_xrow_free (GsXRow *row);

/* Layout (gs-export-layout.c): widen widths (a table's GS_XTABLE_COLUMNS,
 * as its builder set them) so that row's numbers show
 * (no ###), called for every row as the workbook writes it, so a streamed
 * row is made once; TRUE for Letter paper (the plan's money in USD or CAD),
 * else A4; the font size a sheet whose columns are widths prints at when
 * fitted to one landscape page wide. */
void
gs_xtable_fit_row (double *widths, const GsXRow *row, const GsExportBook *book);
gboolean
gs_export_paper_letter (const GsExportBook *book);
double
gs_xtable_fit_font (const GsXTable *t, const double *widths, gboolean letter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsExportBook, gs_export_book_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsXRow, gs_xrow_free)

G_END_DECLS
