/* gs-explain-figure.c — a figure in its unit, as text (gs-explain-figure.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-figure.h"

#include "gs-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static char *
money_text (const GsModel *m, GsMoney amount, GsFigureForm form)
{
  switch (form)
    {
    case GS_FIGURE_CELL_COMPACT:
      return gs_format_money (amount, m->company.digits, m->company.currency,
                              GS_MONEY_FORMAT_COMPACT);
    case GS_FIGURE_CELL_AMOUNT:
      return gs_format_money (amount, m->company.digits, NULL, GS_MONEY_FORMAT_WHOLE);
    case GS_FIGURE_TRACE:
      return gs_format_money (amount, m->company.digits, NULL, GS_MONEY_FORMAT_FULL);
    case GS_FIGURE_CELL:
    case GS_FIGURE_TEXT:
    default:
      return gs_format_money (amount, m->company.digits, m->company.currency,
                              GS_MONEY_FORMAT_WHOLE);
    }
}

static char *
days_text (double value, GsFigureForm form)
{
  g_autofree char *n = gs_format_number (value, 0);
  if (form != GS_FIGURE_TEXT)
    return g_steal_pointer (&n);
  /* Translators: a number of days in running text ("96 days"); %s is the
     number in the locale's marks. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                       (gulong) MIN (fabs (round (value)), G_MAXINT)),
                          n);
}

char *
gs_explain_figure (const GsModel *model, GsUnit unit, gint64 amount, double value,
                   GsFigureForm form)
{
  g_return_val_if_fail (model != NULL, g_strdup ("?"));
  switch (unit)
    {
    case GS_UNIT_MONEY:
      return money_text (model, amount, form);
    case GS_UNIT_COUNT:
      return gs_format_count (amount);
    case GS_UNIT_PERCENT:
      return gs_format_percent (value);
    case GS_UNIT_DAYS:
      return days_text (value, form);
    case GS_UNIT_MULTIPLE:
      return gs_format_multiple (value);
    case GS_UNIT_NUMBER:
    default:
      if (form == GS_FIGURE_TRACE)
        /* A part kept exact for re-keying: 6.70; a whole number whole. */
        return gs_format_number (value, fabs (value - round (value)) < 1e-9 ? 0 : 2);
      /* Whole figures whole: "7" AEs, 6.7 when attrition leaves a part. */
      return gs_format_number_short (value, 1);
    }
}
