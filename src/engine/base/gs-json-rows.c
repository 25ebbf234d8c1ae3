/* gs-json-rows.c — records written as rows (gs-json-rows.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-json-rows.h"
#include "gs-error.h"
#include "gs-json-reader-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Reading ----------------------------------------------------------------- */

void
gs_json_rows_free (GsJsonRows *rows)
{
  if (rows == NULL)
    return;
  for (guint f = 0; f < rows->n_fields; f++)
    g_strfreev (rows->texts[f]);
  g_free (rows->texts);
  g_free (rows->n_texts);
  g_strfreev (rows->fields);
  g_free (rows);
}

static gboolean
is_text (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A list of texts at path.member: its texts, or NULL with the message. */
static char **
texts_of (JsonNode *node, const char *path, const char *member, GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonArray *array;
  char **texts;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: the fields or one field's texts of the actuals written
       * as rows, e.g. actuals.deals.texts.stage. */
      gs_json_invalid (error, where, _ ("is %s, expected a list of texts"),
                       gs_json_node_kind (node));
      return NULL;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (!is_text (e))
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
          gs_json_invalid (error, at, _ ("is %s, expected text"), gs_json_node_kind (e));
          g_strfreev (texts);
          return NULL;
        }
      texts[i] = g_strdup (json_node_get_string (e));
    }
  return texts;
}

GsJsonRows *
gs_json_rows_new (JsonObject *header, const char *path, GError **error)
{
  g_autoptr (GList) members = json_object_get_members (header);
  JsonNode *fields = json_object_get_member (header, "fields");
  JsonNode *texts = json_object_get_member (header, "texts");
  JsonNode *rows_node = json_object_get_member (header, "rows");
  GsJsonRows *rows;

  for (GList *l = members; l; l = l->next)
    if (strcmp (l->data, "fields") != 0 && strcmp (l->data, "texts") != 0
        && strcmp (l->data, "rows") != 0)
      {
        g_autofree char *where = g_strdup_printf ("%s.%s", path, (char *) l->data);
        /* Translators: a member of the actuals written as rows other than
         * the three it has; keep the three names as they are. */
        gs_json_invalid (error, where, _ ("is not part of the rows layout (fields, texts, rows)"));
        return NULL;
      }
  if (fields == NULL || JSON_NODE_HOLDS_NULL (fields)
      || (rows_node != NULL && JSON_NODE_HOLDS_NULL (rows_node)))
    {
      g_autofree char *where = g_strdup_printf (
          "%s.%s", path, fields == NULL || JSON_NODE_HOLDS_NULL (fields) ? "fields" : "rows");
      gs_json_invalid (error, where, _ ("is missing"));
      return NULL;
    }
  if (rows_node != NULL)
    {
      /* The rows as a list were read apart; anything else is here. */
      g_autofree char *where = g_strdup_printf ("%s.rows", path);
      gs_json_invalid (error, where, _ ("is %s, expected a list of rows"),
                       gs_json_node_kind (rows_node));
      return NULL;
    }
  rows = g_new0 (GsJsonRows, 1);
  if ((rows->fields = texts_of (fields, path, "fields", error)) == NULL)
    {
      g_free (rows);
      return NULL;
    }
  rows->n_fields = g_strv_length (rows->fields);
  rows->texts = g_new0 (char **, rows->n_fields);
  rows->n_texts = g_new0 (guint, rows->n_fields);
  for (guint f = 0; f < rows->n_fields; f++)
    for (guint k = 0; k < f; k++)
      if (strcmp (rows->fields[k], rows->fields[f]) == 0)
        {
          g_autofree char *where = g_strdup_printf ("%s.fields[%u]", path, f);
          gs_json_invalid (error, where, _ ("“%s” is named twice"), rows->fields[f]);
          gs_json_rows_free (rows);
          return NULL;
        }
  if (texts != NULL && !JSON_NODE_HOLDS_NULL (texts))
    {
      g_autoptr (GList) tabled = NULL;
      g_autofree char *where = g_strdup_printf ("%s.texts", path);
      if (!JSON_NODE_HOLDS_OBJECT (texts))
        {
          gs_json_invalid (error, where, _ ("is %s, expected an object of lists of texts"),
                           gs_json_node_kind (texts));
          gs_json_rows_free (rows);
          return NULL;
        }
      tabled = json_object_get_members (json_node_get_object (texts));
      for (GList *l = tabled; l; l = l->next)
        {
          gboolean found = FALSE;
          for (guint f = 0; f < rows->n_fields && !found; f++)
            if (strcmp (rows->fields[f], l->data) == 0)
              {
                found = TRUE;
                rows->texts[f]
                    = texts_of (json_object_get_member (json_node_get_object (texts), l->data),
                                where, l->data, error);
                if (rows->texts[f] == NULL)
                  {
                    gs_json_rows_free (rows);
                    return NULL;
                  }
                rows->n_texts[f] = g_strv_length (rows->texts[f]);
              }
          if (!found)
            {
              g_autofree char *at = g_strdup_printf ("%s.%s", where, (char *) l->data);
              gs_json_invalid (error, at, _ ("“%s” is not one of %s.fields"), (char *) l->data,
                               path);
              gs_json_rows_free (rows);
              return NULL;
            }
        }
    }
  return rows;
}

/* The text was read as JSON before: only where values end is looked for. */
static inline gboolean
is_space (char c)
{
  /* One compare for the bytes above ' ', most of them. */
  return (guchar) c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r');
}

static inline gsize
skip_space (const char *t, gsize at, gsize end)
{
  while (at < end && is_space (t[at]))
    at++;
  return at;
}

static gsize
skip_string (const char *t, gsize at, gsize end, gboolean *escaped)
{
  /* A run of plain text at once (gs-json-reader-private.h), up to the
   * quote or a backslash. */
  for (at = gs_json_plain_run_end (t, at + 1, end); at < end && t[at] != '"';
       at = gs_json_plain_run_end (t, at, end))
    if (t[at++] == '\\')
      {
        *escaped = TRUE;
        at++;
      }
  return at + 1;
}

/* Whether c ends a number, true, false or null: one compare for their
 * digits and letters, which lie above ','. */
static inline gboolean
ends_word (char c)
{
  return (guchar) c <= ',' ? c == ',' || is_space (c) : c == ']' || c == '}';
}

/* The end of the value at at; *escaped when it is text with an escape. */
static gsize
skip_value (const char *t, gsize at, gsize end, gboolean *escaped)
{
  guint depth = 0;
  if (at < end && t[at] == '"')
    return skip_string (t, at, end, escaped);
  for (;;)
    {
      if (at >= end)
        return end;
      if (t[at] == '"')
        at = skip_string (t, at, end, escaped);
      else if (t[at] == '[' || t[at] == '{')
        depth++, at++;
      else if (t[at] == ']' || t[at] == '}')
        depth--, at++;
      else if (depth > 0)
        at++;
      else
        while (at < end && !ends_word (t[at]))
          at++;
      if (depth == 0)
        return at;
    }
}

static const char *
kind_at (const char *t)
{
  switch (*t)
    {
    case '{':
      return _ ("an object");
    case '[':
      return _ ("a list");
    case '"':
      return _ ("text");
    case 't':
    case 'f':
      return _ ("true/false");
    case 'n':
      return _ ("null");
    default:
      return _ ("a number");
    }
}

/* Value n of row index (its text from v to at) into values.  Inline: a
 * call for each of a million values cost as much as what it does. */
static inline __attribute__ ((always_inline)) gboolean
fill_value (const char *t, gsize v, gsize at, gboolean escaped, const GsJsonRows *rows,
            const char *path, guint index, guint n, GsJsonRowValue *values, GError **error)
{
  GsJsonRowValue *value = &values[n];
  value->text = t + v;
  value->len = at - v;
  if (t[v] == 'n')
    value->kind = GS_JSON_ROW_NULL;
  else if (rows->texts[n] != NULL)
    {
      guint64 number = (guint) (t[v] - '0');
      gboolean whole = g_ascii_isdigit (t[v]);
      if (whole && at == v + 1) /* one digit: most entries */
        {
          if (number < rows->n_texts[n])
            {
              value->kind = GS_JSON_ROW_INDEX;
              value->index = (guint) number;
              return TRUE;
            }
        }
      number = 0;
      for (gsize k = v; whole && k < at; k++)
        if (!g_ascii_isdigit (t[k]) || (number = number * 10 + (guint) (t[k] - '0')) > G_MAXUINT)
          whole = FALSE;
      if (!whole || number >= rows->n_texts[n])
        {
          g_autofree char *where = g_strdup_printf ("%s[%u].%s", path, index, rows->fields[n]);
          if (whole)
            gs_json_invalid (error, where,
                             /* Translators: a number in a record written as rows
                              * that should pick one of a field's texts. */
                             _ ("%.*s is not the number of an entry of %s.texts.%s, "
                                "which has %u (counted from 0)"),
                             (int) MIN (at - v, 24), t + v, path, rows->fields[n],
                             rows->n_texts[n]);
          else
            gs_json_invalid (error, where,
                             _ ("is %s, expected the number of an entry of %s.texts.%s"),
                             kind_at (t + v), path, rows->fields[n]);
          return FALSE;
        }
      value->kind = GS_JSON_ROW_INDEX;
      value->index = (guint) number;
    }
  else if (t[v] == '"')
    {
      value->kind = escaped ? GS_JSON_ROW_OTHER : GS_JSON_ROW_TEXT;
      value->text = t + v + 1;
      value->len = at - v - 2;
    }
  else
    value->kind = GS_JSON_ROW_OTHER;
  return TRUE;
}

static gboolean
wrong_count (const GsJsonRows *rows, const char *path, guint index, guint n, GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s[%u]", path, index);
  /* Translators: a record of the actuals written as rows, its number of
   * values, then the list of field names and their number. */
  gs_json_invalid (error, where, _ ("has %u values; %s.fields names %u"), n, path, rows->n_fields);
  return FALSE;
}

gboolean
gs_json_rows_read_row (const char *t, const GsJsonSpan *span, const GsJsonRows *rows,
                       const char *path, guint index, GsJsonRowValue *values, GError **error)
{
  gsize at = span->start, end = span->end;
  guint n = 0;

  if (t[at] != '[')
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, index);
      /* Translators: a record of the actuals written as rows. */
      gs_json_invalid (error, where, _ ("is %s, expected a row (a list of the fields’ values)"),
                       kind_at (t + at));
      return FALSE;
    }
  at = skip_space (t, at + 1, end);
  while (at < end && t[at] != ']')
    {
      gsize v = at;
      gboolean escaped = FALSE;
      at = skip_value (t, at, end, &escaped);
      if (n < rows->n_fields
          && !fill_value (t, v, at, escaped, rows, path, index, n, values, error))
        return FALSE;
      n++;
      if (at + 2 < end && t[at] == ',' && t[at + 1] == ' ' && !is_space (t[at + 2]))
        at += 2; /* ", ": how a row is written */
      else
        {
          at = skip_space (t, at, end);
          if (t[at] == ',')
            at = skip_space (t, at + 1, end);
        }
    }
  if (n != rows->n_fields)
    return wrong_count (rows, path, index, n, error);
  return TRUE;
}

/* The end of the escape at t[at] ('\\') when gs-json.c's token check
 * accepts it (a known escape; \u with four hexadecimal digits, not 0000,
 * a surrogate only in a pair), else 0. */
static gsize
escape_end (const char *t, gsize at, gsize end)
{
  int unit = 0, low = 0;
  if (at + 1 >= end)
    return 0;
  switch (t[at + 1])
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      return at + 2;
    case 'u':
      break;
    default:
      return 0;
    }
  if (at + 6 > end)
    return 0;
  for (gsize k = at + 2; k < at + 6; k++)
    if (!g_ascii_isxdigit (t[k]))
      return 0;
    else
      unit = unit * 16 + g_ascii_xdigit_value (t[k]);
  if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return at + 6;
  if (at + 12 > end || t[at + 6] != '\\' || t[at + 7] != 'u')
    return 0;
  for (gsize k = at + 8; k < at + 12; k++)
    if (!g_ascii_isxdigit (t[k]))
      return 0;
    else
      low = low * 16 + g_ascii_xdigit_value (t[k]);
  return low >= 0xDC00 && low <= 0xDFFF ? at + 12 : 0;
}

static inline gboolean
is_digit (char c)
{
  return (guchar) (c - '0') < 10; /* one compare, no table */
}

/* The rest of a number from p, its whole part read: a fraction, then an
 * exponent, as JSON writes them; NULL when they are not. */
static const char *
number_rest (const char *p, const char *e)
{
  if (*p == '.')
    {
      if (++p >= e || !is_digit (*p))
        return NULL;
      while (p < e && is_digit (*p))
        p++;
    }
  if (p < e && (*p == 'e' || *p == 'E'))
    {
      if (++p < e && (*p == '+' || *p == '-'))
        p++;
      if (p >= e || !is_digit (*p))
        return NULL;
      while (p < e && is_digit (*p))
        p++;
    }
  return p;
}

/* The end of the number at v (its first byte a digit or '-') when the
 * token check and the reader accept it (as JSON writes it; a whole one of
 * at most 18 digits), else NULL.  The row's last ']' stops each run of
 * digits. */
static G_GNUC_NO_INLINE const char *
number_end (const char *v, const char *e)
{
  const char *digits = v + (*v == '-'), *p = digits;
  while (is_digit (*p))
    p++;
  if (p == digits || (*digits == '0' && p - digits > 1))
    return NULL; /* no digit, or a 0 before one */
  if (*p == '.' || (*p | 0x20) == 'e')
    return number_rest (p, e);
  return p - digits > 18 ? NULL : p; /* the token check refuses more */
}

/* The end of the text in quotes whose first byte to check is p (v + 1, or
 * where a run of plain ASCII stopped): past its closing quote when the
 * token check and the reader accept it, else NULL; *escaped when it has an
 * escape. */
static G_GNUC_NO_INLINE const char *
text_end (const char *p, const char *e, gboolean *escaped)
{
  for (;;)
    {
      char c;
      p += gs_json_ascii_run_end (p, 0, (gsize) (e - p));
      if (p >= e)
        return NULL;
      c = *p;
      if (c == '"')
        return p + 1;
      if (c == '\\')
        {
          gsize to = escape_end (p, 0, (gsize) (e - p));
          if (to == 0)
            return NULL;
          p += to;
          *escaped = TRUE;
        }
      else if ((guchar) c >= 0x80)
        {
          gsize k = (gsize) g_utf8_skip[(guchar) c];
          if ((gsize) (e - p) < k || !g_utf8_validate_len (p, k, NULL))
            return NULL;
          p += k;
        }
      else
        return NULL; /* a control character */
    }
}

/* One walk over a row not checked before: each value is accepted only
 * when the token check (gs-json.c) and the reader both accept it, and is
 * then put into values as fill_value puts it.  The values it accepts:
 * text in quotes (valid UTF-8, no control character, escapes as
 * escape_end accepts them); a number as JSON writes it, whole ones of at
 * most 18 digits (the token check's limit); true, false, null; each
 * followed by a space, "," or "]".  Anything else is GS_JSON_ROW_LONG,
 * and the checks decide.  These are copies of the checks' and the
 * reader's rules: a change to either must be made here too
 * (/actuals-rows/strict-walk feeds rows at their edges through both).
 *
 * A span that does not end in ']' is GS_JSON_ROW_LONG as well (the reader
 * passes none: a row's span is its list).  That ']' bounds every scan
 * below but a text's: a number, a literal or a run of spaces stops at it,
 * and a byte after a value, before that ']', can be read unchecked.
 *
 * Each value is dispatched on its first byte.  A text is scanned 16 bytes
 * at a time for '"', '\\', a control character or a byte of 0x80 or more
 * (gs_json_ascii_run_end); only such a byte other than its closing quote
 * takes text_end's loop.  A whole number of up to nine digits, most of
 * them, is summed as its digits are read (an entry of a tabled field
 * stored as it is); any other takes number_end. */
/* What may follow a value: 2 at ", " and then not a space (how a row is
 * written: the next value starts after it), 1 at any other ',', ']' or
 * space, 0 at anything else.  A ',' or ' ' is not the row's last ']', so
 * the byte after it is in the row. */
static inline guint
after_value (const char *p)
{
  if (p[0] == ',' && p[1] == ' ' && (guchar) p[2] > ' ')
    return 2;
  return *p == ',' || *p == ']' || is_space (*p);
}

/* What the slow paths of gs_json_rows_check_row need, apart: the walk
 * keeps only its own few in registers. */
typedef struct
{
  const char *t;
  const GsJsonRows *rows;
  const char *path;
  guint index;
  GsJsonRowValue *values;
  GError **error;
} RowWalk;

/* Value n (from v to p) into values as fill_value puts it.  Not inlined:
 * only a value that is not what rows want comes here, or a tabled entry
 * of ten digits or more. */
static G_GNUC_NO_INLINE gboolean
walk_fill (const RowWalk *w, const char *v, const char *p, gboolean escaped, guint n)
{
  return fill_value (w->t, (gsize) (v - w->t), (gsize) (p - w->t), escaped, w->rows, w->path,
                     w->index, n, w->values, w->error);
}

GsJsonRowCheck
gs_json_rows_check_row (const char *t, const GsJsonSpan *span, const GsJsonRows *rows,
                        const char *path, guint index, GsJsonRowValue *values, GError **error)
{
  const RowWalk walk = { t, rows, path, index, values, error };
  const char *p = t + span->start, *const e = t + span->end;
  char **const *const texts = (char **const *) rows->texts;
  const guint *const n_texts = rows->n_texts;
  const guint n_fields = rows->n_fields;
  guint n = 0;

  if (*p != '[' || e - p < 2 || e[-1] != ']')
    return GS_JSON_ROW_LONG;
  for (p++; is_space (*p); p++)
    ;
  if (*p == ']') /* [] */
    {
      if (p + 1 != e)
        return GS_JSON_ROW_LONG;
    }
  else
    for (;; n++)
      {
        const char *v = p;
        GsJsonRowValue *value = &values[n];
        guint after;
        char c = *p;

        if (is_digit (c))
          {
            guint number = (guint) (c - '0'); /* of at most nine digits */
            for (p++; p - v < 9 && is_digit (*p); p++)
              number = number * 10 + (guint) (*p - '0');
            if (G_UNLIKELY (is_digit (*p) || *p == '.' || (*p | 0x20) == 'e'
                            || (c == '0' && p - v > 1)))
              {
                /* Ten digits or more, a fraction, an exponent, a 0 first. */
                if ((p = number_end (v, e)) == NULL)
                  return GS_JSON_ROW_LONG;
                number = G_MAXUINT; /* no entry: fill_value decides */
              }
            if ((after = after_value (p)) == 0)
              return GS_JSON_ROW_LONG;
            if (n < n_fields)
              {
                value->text = v;
                value->len = (gsize) (p - v);
                if (texts[n] == NULL)
                  value->kind = GS_JSON_ROW_OTHER;
                else if (number < n_texts[n])
                  {
                    value->kind = GS_JSON_ROW_INDEX;
                    value->index = number;
                  }
                else if (!walk_fill (&walk, v, p, FALSE, n))
                  return GS_JSON_ROW_FAILED;
              }
          }
        else if (c == '"')
          {
            gboolean escaped = FALSE;
            p = v + 1 + gs_json_ascii_run_end (v + 1, 0, (gsize) (e - v - 1));
            if (G_LIKELY (p < e && *p == '"'))
              p++;
            else
              {
                gboolean some = FALSE; /* apart: escaped stays in a register */
                if ((p = text_end (p, e, &some)) == NULL)
                  return GS_JSON_ROW_LONG;
                escaped = some;
              }
            if ((after = after_value (p)) == 0)
              return GS_JSON_ROW_LONG;
            if (n < n_fields)
              {
                if (texts[n] != NULL)
                  {
                    if (!walk_fill (&walk, v, p, escaped, n))
                      return GS_JSON_ROW_FAILED;
                  }
                else
                  {
                    value->kind = escaped ? GS_JSON_ROW_OTHER : GS_JSON_ROW_TEXT;
                    value->text = v + 1;
                    value->len = (gsize) (p - v) - 2;
                  }
              }
          }
        else
          {
            if (e - p >= 4 && memcmp (p, "null", 4) == 0)
              p += 4;
            else if (c == '-')
              {
                if ((p = number_end (v, e)) == NULL)
                  return GS_JSON_ROW_LONG;
              }
            else if (e - p >= 4 && memcmp (p, "true", 4) == 0)
              p += 4;
            else if (e - p >= 5 && memcmp (p, "false", 5) == 0)
              p += 5;
            else
              return GS_JSON_ROW_LONG;
            if ((after = after_value (p)) == 0)
              return GS_JSON_ROW_LONG;
            if (n < n_fields)
              {
                value->text = v;
                value->len = (gsize) (p - v);
                if (c == 'n')
                  value->kind = GS_JSON_ROW_NULL;
                else if (texts[n] == NULL)
                  value->kind = GS_JSON_ROW_OTHER;
                else if (!walk_fill (&walk, v, p, FALSE, n))
                  return GS_JSON_ROW_FAILED;
              }
          }

        if (after == 2)
          {
            p += 2;
            continue;
          }
        while (is_space (*p))
          p++;
        if (*p == ',')
          for (p++; is_space (*p); p++)
            ;
        else if (p + 1 == e) /* at the last ']' */
          {
            n++;
            break;
          }
        else
          return GS_JSON_ROW_LONG;
      }
  if (n != n_fields)
    return wrong_count (rows, path, index, n, error), GS_JSON_ROW_FAILED;
  return GS_JSON_ROW_PLAIN;
}

JsonNode *
gs_json_rows_record (GBytes *text, const GsJsonSpan *span, const GsJsonRows *rows)
{
  g_autoptr (JsonNode) row = gs_json_read_span (text, span);
  JsonObject *record = json_object_new ();
  JsonArray *values = JSON_NODE_HOLDS_ARRAY (row) ? json_node_get_array (row) : NULL;
  guint n = values ? json_array_get_length (values) : 0;
  JsonNode *node;

  for (guint f = 0; f < rows->n_fields && f < n; f++)
    {
      JsonNode *v = json_array_get_element (values, f);
      if (JSON_NODE_HOLDS_NULL (v))
        continue;
      if (rows->texts[f] != NULL && JSON_NODE_HOLDS_VALUE (v)
          && json_node_get_value_type (v) == G_TYPE_INT64 && json_node_get_int (v) >= 0
          && json_node_get_int (v) < rows->n_texts[f])
        json_object_set_string_member (record, rows->fields[f],
                                       rows->texts[f][json_node_get_int (v)]);
      else
        json_object_set_member (record, rows->fields[f], json_node_copy (v));
    }
  node = json_node_init_object (json_node_alloc (), record);
  json_object_unref (record); /* the node holds it */
  return node;
}

/* Writing ----------------------------------------------------------------- */

#define RECENT 256 /* texts' places a tabled field remembers (a power of 2) */

typedef struct
{
  char *name;
  const char *seen;  /* where a name given for it was last time (looked for first) */
  gboolean tabled;   /* asked for, and every value is text */
  GHashTable *index; /* text → entry + 1 while tabled */
  GPtrArray *texts;  /* the entries, in the order they first appear */
  /* Where texts were given before and their entries + 1 (0: none), by
   * place: records name the same few stages, owners and sources by the
   * same pointers, so a text is found by where it is, then checked by what
   * it says (a text freed since may lie at the same place), before it is
   * hashed. */
  const char **recent;
  guint *recent_entry;
} Field;

/* text's entry + 1 in f's table (0: not there yet). */
static guint
entry_of (Field *f, const char *text)
{
  guint slot = (guint) (((guintptr) text * 0x9E3779B97F4A7C15ull) >> 56) & (RECENT - 1);
  guint e = f->recent[slot] == text ? f->recent_entry[slot] : 0;
  if (e != 0 && strcmp (f->texts->pdata[e - 1], text) == 0)
    return e;
  e = GPOINTER_TO_UINT (g_hash_table_lookup (f->index, text));
  f->recent[slot] = text;
  f->recent_entry[slot] = e;
  return e;
}

static void
field_free (Field *f)
{
  g_free (f->name);
  g_clear_pointer (&f->index, g_hash_table_unref);
  g_clear_pointer (&f->texts, g_ptr_array_unref);
  g_free (f->recent);
  g_free (f->recent_entry);
  g_free (f);
}

/* The field called name (added when new); guess: where it was last time. */
static guint
field_of (GPtrArray *fields, const char *name, guint guess, const char *const *tabled)
{
  Field *f;
  if (guess < fields->len && strcmp (((Field *) fields->pdata[guess])->name, name) == 0)
    return guess;
  /* A record's members name their fields with the same texts each time
   * (checked: a text freed since may lie at the same place). */
  for (guint i = 0; i < fields->len; i++)
    if ((f = fields->pdata[i])->seen == name)
      {
        if (strcmp (f->name, name) == 0)
          return i;
        break;
      }
  for (guint i = 0; i < fields->len; i++)
    if (strcmp ((f = fields->pdata[i])->name, name) == 0)
      {
        f->seen = name;
        return i;
      }
  f = g_new0 (Field, 1);
  f->name = g_strdup (name);
  f->tabled = tabled && g_strv_contains (tabled, name);
  if (f->tabled)
    {
      f->index = g_hash_table_new (g_str_hash, g_str_equal);
      f->texts = g_ptr_array_new_with_free_func (g_free);
      f->recent = g_new0 (const char *, RECENT);
      f->recent_entry = g_new0 (guint, RECENT);
    }
  g_ptr_array_add (fields, f);
  return fields->len - 1;
}

void
gs_json_write_rows (GsJsonWriter *w, guint n, GsJsonRowsGet get, gpointer data,
                    const char *const *order, const char *const *tabled)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  g_autofree guint *column = NULL; /* the order written: field numbers */
  g_autofree GsJsonRowMember *slot = NULL;
  GsJsonRowMember members[GS_JSON_ROW_MAX];
  guint n_columns = 0;
  gboolean any_tabled = FALSE;

  /* The fields, and the texts of the tabled ones, in the order they appear. */
  for (guint i = 0; i < n; i++)
    {
      guint m = get (i, members, data);
      for (guint k = 0; k < m; k++)
        {
          guint at = field_of (fields, members[k].name, k, tabled); /* may grow pdata */
          Field *f = fields->pdata[at];
          if (!f->tabled)
            continue;
          if (members[k].text == NULL)
            f->tabled = FALSE;
          else if (entry_of (f, members[k].text) == 0)
            {
              char *text = g_strdup (members[k].text);
              g_ptr_array_add (f->texts, text);
              g_hash_table_insert (f->index, text, GUINT_TO_POINTER (f->texts->len));
            }
        }
    }
  column = g_new0 (guint, fields->len + 1);
  for (guint o = 0; order && order[o]; o++)
    for (guint i = 0; i < fields->len; i++)
      if (strcmp (((Field *) fields->pdata[i])->name, order[o]) == 0)
        column[n_columns++] = i;
  for (guint i = 0; i < fields->len; i++)
    if (!order || !g_strv_contains (order, ((Field *) fields->pdata[i])->name))
      column[n_columns++] = i;

  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "fields");
  gs_json_writer_begin_array (w, TRUE);
  for (guint c = 0; c < n_columns; c++)
    {
      Field *f = fields->pdata[column[c]];
      gs_json_writer_string (w, f->name);
      any_tabled |= f->tabled;
    }
  gs_json_writer_end_array (w);
  if (any_tabled)
    {
      gs_json_writer_member (w, "texts");
      gs_json_writer_begin_object (w);
      for (guint c = 0; c < n_columns; c++)
        {
          Field *f = fields->pdata[column[c]];
          if (!f->tabled)
            continue;
          gs_json_writer_member (w, f->name);
          gs_json_writer_begin_array (w, TRUE);
          for (guint t = 0; t < f->texts->len; t++)
            gs_json_writer_string (w, f->texts->pdata[t]);
          gs_json_writer_end_array (w);
        }
      gs_json_writer_end_object (w);
    }
  gs_json_writer_member (w, "rows");
  gs_json_writer_begin_array (w, n == 0);
  slot = g_new0 (GsJsonRowMember, fields->len + 1);
  for (guint i = 0; i < n && gs_json_writer_ok (w); i++)
    {
      guint m = get (i, members, data);
      gboolean flat = TRUE;
      memset (slot, 0, sizeof (GsJsonRowMember) * fields->len);
      for (guint k = 0; k < m; k++)
        {
          guint f = field_of (fields, members[k].name, k, NULL);
          slot[f] = members[k];
          if (members[k].node != NULL
              && (JSON_NODE_HOLDS_OBJECT (members[k].node)
                  || JSON_NODE_HOLDS_ARRAY (members[k].node)))
            flat = FALSE;
        }
      gs_json_writer_begin_array (w, flat);
      for (guint c = 0; c < n_columns; c++)
        {
          Field *f = fields->pdata[column[c]];
          const GsJsonRowMember *v = &slot[column[c]];
          if (v->text != NULL && f->tabled)
            gs_json_writer_int (w, entry_of (f, v->text) - 1);
          else if (v->text != NULL)
            gs_json_writer_string (w, v->text);
          else if (v->node != NULL)
            gs_json_write_node (w, v->node);
          else
            gs_json_writer_null (w);
        }
      gs_json_writer_end_array (w);
    }
  gs_json_writer_end_array (w);
  gs_json_writer_end_object (w);
}

guint
gs_json_row_members (JsonNode *record, GsJsonRowMember *members)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (record) ? json_node_get_object (record) : NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  guint n = 0;

  if (o == NULL)
    return 0;
  json_object_iter_init_ordered (&iter, o);
  while (n < GS_JSON_ROW_MAX && json_object_iter_next_ordered (&iter, &name, &value))
    {
      members[n].name = name;
      members[n].text = is_text (value) ? json_node_get_string (value) : NULL;
      members[n].node = is_text (value) ? NULL : value;
      n++;
    }
  return n;
}
