/* gs-explain-figure.h — a figure in its unit, as text: the one rule.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every goal-sheet figure (a goal line's cell, a scenario row, a
 * derivation's operand) carries its unit (GsUnit); this turns it into text
 * in the user's locale.  The form says where the text stands, and the form
 * alone decides whether the unit is said (docs/i18n.md, "A figure in its
 * unit"):
 *
 *  - A cell (GS_FIGURE_CELL…) stands under a label that names the unit
 *    ("Sales cycle (days)", "Quota per AE"), so it never repeats it: days
 *    are a bare "96".  Money keeps the plan's currency sign except in
 *    GS_FIGURE_CELL_AMOUNT, for tables whose heading names the currency.
 *  - Running text (GS_FIGURE_TEXT) says the unit: "96 days".
 *  - A calculation trace (GS_FIGURE_TRACE) gives the operand the reader
 *    re-keys: money to the cent without a sign, a fraction of a number to
 *    two decimals; the sentence around it names the unit.
 *
 * Counts are whole with the locale's grouping, percents one decimal at most
 * (gs_format_percent), ratios a multiple ("2.4×") in every form.
 */
#pragma once

#include "gs-model.h"
#include "gs-result.h"

G_BEGIN_DECLS

typedef enum
{
  GS_FIGURE_CELL,         /* a table cell: "96", "$2,600,000", "27.5 %", "2.4×", "6.7" */
  GS_FIGURE_CELL_COMPACT, /* a cell short of room (the window's sheets): money "$2.6M" */
  GS_FIGURE_CELL_AMOUNT,  /* a cell in a table headed by the currency (the printed sheet,
                           * `show`, `diff`): money "2,600,000" */
  GS_FIGURE_TEXT,         /* running text: "96 days", "$2,600,000" */
  GS_FIGURE_TRACE,        /* an operand of a calculation: "2,600,000.00", "6.70", "96" */
} GsFigureForm;

/* The figure of unit unit (amount for COUNT and MONEY, value for the
 * others, as in GsCell and GsQuantity) as text in form; money in model's
 * currency and minor digits. */
char *
gs_explain_figure (const GsModel *model, GsUnit unit, gint64 amount, double value,
                   GsFigureForm form);

G_END_DECLS
