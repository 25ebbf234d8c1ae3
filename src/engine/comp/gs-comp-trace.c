/* gs-comp-trace.c — the structured calculation trace (its words are
 * engine/text/gs-explain-comp.c's), and the number helpers of the
 * compensation check messages.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-private.h"
#include "gs-format.h"

#include <math.h>
#include <string.h>

char *
gs_trace_money (guint digits, GsMoney value)
{
  return gs_format_money (value, digits, NULL, GS_MONEY_FORMAT_FULL);
}

char *
gs_trace_value (guint digits, GsMeasure measure, double value)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return gs_trace_money (digits, (GsMoney) llround (value));
    case GS_MEASURE_UNIT_SHARE:
      return gs_trace_percent (value);
    case GS_MEASURE_UNIT_COUNT:
    default:
      if (fabs (value - round (value)) < 1e-9)
        return gs_format_count ((gint64) llround (value));
      return gs_format_number (value, 2);
    }
}

GsTraceLine *
gs_trace_add (GPtrArray *trace, GsTraceKind kind, guint depth, gboolean counts, GsMoney amount,
              const GsCompComponent *component)
{
  GsTraceLine *line;
  if (trace == NULL)
    return NULL;
  line = g_new0 (GsTraceLine, 1);
  line->kind = kind;
  line->depth = depth;
  line->counts = counts;
  line->amount = counts ? amount : 0;
  line->component = component;
  g_date_clear (&line->date, 1);
  g_ptr_array_add (trace, line);
  return line;
}
