/* gs-export-private.h — building export tables (shared by the sheet builders).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables are built top to bottom: a row is appended, then its cells are put
 * left to right, which is the order the workbook writer needs for
 * constant_memory mode.  Pointers returned by gs_xput* are valid until the
 * next cell is put in the same row.
 */
#pragma once

#include "gs-comp-payout.h"
#include "gs-export-book.h"

G_BEGIN_DECLS

char *
gs_xrange (guint row1, guint col1, guint row2, guint col2); /* "B5:M5" */
char *
gs_xsum (guint row1, guint col1, guint row2, guint col2); /* "SUM(B5:M5)" */
char *
gs_xplus (guint row, guint col_a, guint col_b); /* "B5+C5" */

GsXTable *
gs_xtable_new (GsExportBook *book, const char *name, const char *csv_name);
void
gs_xtable_free (GsXTable *t);
GsXRow *
gs_xrow_add (GsXTable *t);
/* The sheet row of the last row added (streamed rows counted). */
guint
gs_xrow_index (GsXTable *t);
/* n rows made by fill while the table is read, after the rows added so far
 * and before any added later; free (may be NULL) frees data with the table.
 * One stream per table. */
void
gs_xtable_stream (GsXTable *t, guint n, GsXStreamFunc fill, gpointer data, GDestroyNotify free);

/* Cells; formula (owned, may be NULL) is without the leading '='. */
GsXCell *
gs_xput (GsXRow *row, guint col);
GsXCell *
gs_xput_text (GsXRow *row, guint col, const char *text, GsXStyle style);
GsXCell *
gs_xput_money (guint digits, GsXRow *row, guint col, GsMoney amount, char *formula);
GsXCell *
gs_xput_count (GsXRow *row, guint col, gint64 n, char *formula);
GsXCell *
gs_xput_number (GsXRow *row, guint col, double v, guint8 decimals, char *formula);
GsXCell *
gs_xput_percent (GsXRow *row, guint col, double v, char *formula);

/* A valid date; an invalid one leaves the cell empty. */
GsXCell *
gs_xput_date (GsXRow *row, guint col, const GDate *date);

GsXChart *
gs_xchart_add (GsXTable *t, GsXChartKind kind, const char *title);

/* The Targets sheet (gs-export-targets.c): where the other sheets find the
 * month and source splits.  Returns FALSE when some split is written as
 * values (the engine's arithmetic did not reproduce its figures). */
typedef struct
{
  guint col0;       /* plan month mo is column col0 + mo */
  guint nb_row;     /* new-business target by month */
  guint ex_row;     /* existing-customer bookings by month */
  guint target_row; /* bookings target by month */
  guint *src_row;   /* [source]: new-business target by source and month; caller-allocated */
} GsTargetsLayout;

gboolean
gs_export_build_targets (GsExportBook *book, const GsModel *model, const GsResult *result,
                         GsTargetsLayout *out);

/* The Actuals and Tracking sheets (gs-export-actuals.c); nothing when the
 * plan holds no actuals.  q_first, q_last: the plan months of each fiscal
 * quarter.  Tracked to as_of, or when NULL to the default day
 * (gs_tracking_default_day, as the app's Actuals page). */
void
gs_export_book_add_actuals (GsExportBook *book, const GsModel *model, const GsResult *result,
                            const guint *q_first, const guint *q_last, const GDate *as_of);

/* Tests only: the rows a worksheet holds (0: Excel's 1,048,576), so the
 * refusal of a longer sheet is tested without writing a million rows. */
void
gs_export_xlsx_set_row_limit (guint rows);

G_END_DECLS
