/* gs-json-writer.c — the stable JSON writer, value by value.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-json-writer.h"

#include <math.h>
#include <string.h>

#define PIECE (64 * 1024) /* text handed to the sink at a time, about */

typedef struct
{
  gboolean array, flat;
  guint count; /* members or elements written */
} Frame;

struct _GsJsonWriter
{
  GString *out;
  GArray *frames; /* of Frame: the open objects and arrays, innermost last */
  GsJsonSink sink;
  gpointer data;
  GError *error; /* the sink's first */
};

GsJsonWriter *
gs_json_writer_new (GsJsonSink sink, gpointer data)
{
  GsJsonWriter *w = g_new0 (GsJsonWriter, 1);
  w->out = g_string_sized_new (sink ? PIECE + 4096 : 4096);
  w->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  w->sink = sink;
  w->data = data;
  return w;
}

void
gs_json_writer_free (GsJsonWriter *w)
{
  if (w == NULL)
    return;
  if (w->out)
    g_string_free (w->out, TRUE);
  g_array_unref (w->frames);
  g_clear_error (&w->error);
  g_free (w);
}

char *
gs_json_writer_free_to_text (GsJsonWriter *w)
{
  char *text;
  g_return_val_if_fail (w->sink == NULL, NULL);
  text = g_string_free (g_steal_pointer (&w->out), FALSE);
  gs_json_writer_free (w);
  return text;
}

gboolean
gs_json_writer_ok (const GsJsonWriter *w)
{
  return w->error == NULL;
}

static void
hand_over (GsJsonWriter *w)
{
  if (w->sink == NULL || w->error != NULL || w->out->len == 0)
    return;
  if (!w->sink (w->out->str, w->out->len, w->data, &w->error) && w->error == NULL)
    g_set_error_literal (&w->error, G_FILE_ERROR, G_FILE_ERROR_IO, "could not write");
  g_string_truncate (w->out, 0);
}

/* After each whole token: a full piece goes to the sink. */
static void
done (GsJsonWriter *w)
{
  if (w->out->len >= PIECE)
    hand_over (w);
}

static void
indent (GsJsonWriter *w)
{
  /* Two spaces a level, 32 levels at a time. */
  static const char spaces[] = "                                                                ";
  for (gsize n = 2 * (gsize) w->frames->len; n > 0;)
    {
      gsize part = MIN (n, sizeof spaces - 1);
      g_string_append_len (w->out, spaces, part);
      n -= part;
    }
}

static Frame *
top (GsJsonWriter *w)
{
  return w->frames->len ? &g_array_index (w->frames, Frame, w->frames->len - 1) : NULL;
}

/* What goes before a value: nothing at the top or after a member name; in
 * an array the separator and, unless flat, a new line and the indent. */
static void
value_start (GsJsonWriter *w)
{
  Frame *f = top (w);
  if (f == NULL || !f->array)
    return;
  if (f->flat)
    {
      if (f->count)
        g_string_append (w->out, ", ");
    }
  else
    {
      g_string_append (w->out, f->count ? ",\n" : "\n");
      indent (w);
    }
  f->count++;
}

/* The escapes JSON has a short form for; other control characters are
 * written \u00XX. */
static const char *const short_escapes[] = {
  ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r",
};

static void
append_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      /* A run of characters written as they are, in one append. */
      const guchar *run = p;
      const char *escape;
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      escape = *p < G_N_ELEMENTS (short_escapes) ? short_escapes[*p] : NULL;
      if (escape)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", *p);
    }
  g_string_append_c (out, '"');
}

static void
begin (GsJsonWriter *w, gboolean array, gboolean flat)
{
  Frame f = { array, flat, 0 };
  if (w->error)
    return;
  g_warn_if_fail (top (w) == NULL || !top (w)->flat);
  value_start (w);
  g_string_append_c (w->out, array ? '[' : '{');
  g_array_append_val (w->frames, f);
}

static void
end (GsJsonWriter *w, gboolean array)
{
  Frame f;
  if (w->error)
    return;
  g_return_if_fail (top (w) != NULL && top (w)->array == array);
  f = *top (w);
  g_array_set_size (w->frames, w->frames->len - 1);
  if (f.count && !f.flat)
    {
      g_string_append_c (w->out, '\n');
      indent (w);
    }
  g_string_append_c (w->out, array ? ']' : '}');
  done (w);
}

void
gs_json_writer_begin_array (GsJsonWriter *w, gboolean flat)
{
  begin (w, TRUE, flat);
}

void
gs_json_writer_end_array (GsJsonWriter *w)
{
  end (w, TRUE);
}

void
gs_json_writer_begin_object (GsJsonWriter *w)
{
  begin (w, FALSE, FALSE);
}

void
gs_json_writer_end_object (GsJsonWriter *w)
{
  end (w, FALSE);
}

void
gs_json_writer_member (GsJsonWriter *w, const char *name)
{
  Frame *f = top (w);
  if (w->error)
    return;
  g_return_if_fail (f != NULL && !f->array);
  if (f->count)
    g_string_append_c (w->out, ',');
  g_string_append_c (w->out, '\n');
  indent (w);
  append_string (w->out, name);
  g_string_append_len (w->out, ": ", 2);
  f->count++;
}

void
gs_json_writer_string (GsJsonWriter *w, const char *s)
{
  if (w->error)
    return;
  value_start (w);
  if (s)
    append_string (w->out, s);
  else
    g_string_append (w->out, "null");
  done (w);
}

void
gs_json_writer_int (GsJsonWriter *w, gint64 v)
{
  char digits[24], *p = digits + sizeof digits;
  guint64 u = v < 0 ? -(guint64) v : (guint64) v;
  if (w->error)
    return;
  value_start (w);
  /* By hand: a row of deals is mostly small whole numbers. */
  do
    *--p = (char) ('0' + u % 10);
  while ((u /= 10) > 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (w->out, p, digits + sizeof digits - p);
  done (w);
}

void
gs_json_format_shortest (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  for (int precision = 1; precision <= 17; precision++)
    {
      char fmt[8];
      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}

void
gs_json_writer_double (GsJsonWriter *w, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (w->error)
    return;
  value_start (w);
  if (v == floor (v) && fabs (v) < 1e15)
    g_string_append_printf (w->out, "%.0f", v);
  else
    {
      gs_json_format_shortest (buf, v);
      g_string_append (w->out, buf);
    }
  done (w);
}

guint
gs_json_writer_depth (const GsJsonWriter *w)
{
  return w->frames->len;
}

void
gs_json_writer_text (GsJsonWriter *w, const char *text, gsize len)
{
  if (w->error)
    return;
  value_start (w);
  while (len > 0 && w->error == NULL)
    {
      /* Up to just after the last line break that fits the piece, else
       * the first one past it, else all of it. */
      gsize room = w->out->len < PIECE ? PIECE - w->out->len : 0;
      gsize part = MIN (room, len);
      while (part < len && part > 0 && text[part - 1] != '\n')
        part--;
      if (part == 0)
        {
          const char *nl = memchr (text + MIN (room, len), '\n', len - MIN (room, len));
          part = nl != NULL ? (gsize) (nl - text) + 1 : len;
        }
      g_string_append_len (w->out, text, part);
      text += part;
      len -= part;
      if (len > 0)
        hand_over (w);
    }
  done (w);
}

void
gs_json_writer_boolean (GsJsonWriter *w, gboolean v)
{
  if (w->error)
    return;
  value_start (w);
  g_string_append (w->out, v ? "true" : "false");
  done (w);
}

void
gs_json_writer_null (GsJsonWriter *w)
{
  gs_json_writer_string (w, NULL);
}

gboolean
gs_json_writer_finish (GsJsonWriter *w, GError **error)
{
  if (w->error == NULL)
    {
      g_warn_if_fail (w->frames->len == 0);
      g_string_append_c (w->out, '\n');
      hand_over (w);
    }
  if (w->error)
    {
      g_propagate_error (error, g_error_copy (w->error));
      return FALSE;
    }
  return TRUE;
}
