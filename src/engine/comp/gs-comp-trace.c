/* gs-comp-trace.c — calculation trace lines a person can check with a
 * calculator: "1,000.00 × 1 % = 10.00".
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

static char *
band_label (guint digits, const GsCompComponent *c, const GsSlice *s)
{
  if (c->table.kind == GS_TABLE_FLAT)
    return g_strdup ("Flat rate");
  if (c->table.basis == GS_BASIS_AMOUNT)
    {
      g_autofree char *a = gs_trace_money (digits, (GsMoney) s->band_from);
      g_autofree char *b
          = isinf (s->band_to) ? g_strdup ("∞") : gs_trace_money (digits, (GsMoney) s->band_to);
      return g_strdup_printf ("Band %s → %s", a, b);
    }
  {
    g_autofree char *a = gs_trace_percent (s->band_from);
    g_autofree char *b = gs_trace_percent (s->band_to);
    return g_strdup_printf ("Band %s → %s of quota", a, b);
  }
}

/* "0.00 → 520,000.00: 520,000.00 ÷ 520,000.00 × 70,000.00 × 1 = 70,000.00" */
char *
gs_trace_slice (guint digits, const GsCompComponent *c, const GsSlice *s, double quota, GsMoney ti)
{
  GString *out = g_string_new (NULL);
  g_autofree char *label = band_label (digits, c, s);
  g_autofree char *from = gs_trace_value (digits, c->measure, s->from);
  g_autofree char *to = gs_trace_value (digits, c->measure, s->to);
  g_autofree char *width = gs_trace_value (digits, c->measure, s->width);
  g_autofree char *amount = gs_trace_money (digits, s->amount);

  if (c->table.kind == GS_TABLE_BAND)
    g_string_append_printf (out, "%s reached, whole %s: ", label, width);
  else
    g_string_append_printf (out, "%s, %s → %s: ", label, from, to);

  if (c->table.basis == GS_BASIS_AMOUNT)
    {
      g_autofree char *rate = gs_trace_percent (s->rate);
      g_string_append_printf (out, "%s × %s", width, rate);
    }
  else
    {
      g_autofree char *q = gs_trace_value (digits, c->measure, quota);
      g_autofree char *t = gs_trace_money (digits, ti);
      g_autofree char *rate = gs_trace_number (s->rate);
      g_string_append_printf (out, "%s ÷ %s × %s × %s", width, q, t, rate);
    }
  if (s->accel != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->accel);
      g_string_append_printf (out, " × %s accelerator", m);
    }
  if (s->decel != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->decel);
      g_string_append_printf (out, " × %s decelerator", m);
    }
  if (s->discount != 1.0)
    {
      g_autofree char *m = gs_trace_number (s->discount);
      g_string_append_printf (out, " × %s discount modifier", m);
    }
  g_string_append_printf (out, " = %s", amount);
  return g_string_free (out, FALSE);
}

void
gs_trace_add (GPtrArray *trace, guint depth, gboolean counts, GsMoney amount, const char *format,
              ...)
{
  GsTraceLine *line;
  va_list args;
  if (trace == NULL)
    return;
  line = g_new0 (GsTraceLine, 1);
  line->amount = counts ? amount : 0;
  line->counts = counts;
  line->depth = depth;
  va_start (args, format);
  line->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (trace, line);
}

void
gs_trace_line_free (GsTraceLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}
