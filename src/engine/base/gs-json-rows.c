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

/* The end of the plain value at t[at] in a row not checked before, when
 * the token check and the reader both accept it (text in quotes: valid
 * UTF-8, no control character, escapes as escape_end accepts them; a
 * number as JSON writes it, whole ones of at most 18 digits; true, false,
 * null), followed by a space, "," or "]"; else 0. */
static gsize
strict_value (const char *t, gsize at, gsize end, gboolean *escaped)
{
  gsize start = at;
  char c = t[at];
  if (c == '"')
    for (at++;;)
      {
        at = gs_json_ascii_run_end (t, at, end);
        if (at >= end)
          return 0;
        c = t[at];
        if (c == '"')
          {
            at++;
            break;
          }
        if (c == '\\')
          {
            if ((at = escape_end (t, at, end)) == 0)
              return 0;
            *escaped = TRUE;
          }
        else if ((guchar) c >= 0x80)
          {
            gsize n = (gsize) g_utf8_skip[(guchar) c];
            if (at + n > end || !g_utf8_validate_len (t + at, n, NULL))
              return 0;
            at += n;
          }
        else
          return 0; /* a control character */
      }
  else if (c == '-' || g_ascii_isdigit (c))
    {
      gsize digits;
      gboolean whole = TRUE;
      if (c == '-')
        at++;
      if (at >= end || !g_ascii_isdigit (t[at])
          || (t[at] == '0' && at + 1 < end && g_ascii_isdigit (t[at + 1])))
        return 0;
      for (digits = at; at < end && g_ascii_isdigit (t[at]); at++)
        ;
      digits = at - digits;
      if (at < end && t[at] == '.')
        {
          whole = FALSE;
          if (++at >= end || !g_ascii_isdigit (t[at]))
            return 0;
          while (at < end && g_ascii_isdigit (t[at]))
            at++;
        }
      if (at < end && (t[at] == 'e' || t[at] == 'E'))
        {
          whole = FALSE;
          if (++at < end && (t[at] == '+' || t[at] == '-'))
            at++;
          if (at >= end || !g_ascii_isdigit (t[at]))
            return 0;
          while (at < end && g_ascii_isdigit (t[at]))
            at++;
        }
      if (whole && digits > 18)
        return 0; /* the token check refuses it */
    }
  else if (end - at >= 4 && (memcmp (t + at, "null", 4) == 0 || memcmp (t + at, "true", 4) == 0))
    at += 4;
  else if (end - at >= 5 && memcmp (t + at, "false", 5) == 0)
    at += 5;
  else
    return 0;
  if (at >= end || !(t[at] == ',' || t[at] == ']' || is_space (t[at])))
    return 0;
  return at > start ? at : 0;
}

GsJsonRowCheck
gs_json_rows_check_row (const char *t, const GsJsonSpan *span, const GsJsonRows *rows,
                        const char *path, guint index, GsJsonRowValue *values, GError **error)
{
  gsize at = span->start, end = span->end;
  guint n = 0;

  if (t[at] != '[')
    return GS_JSON_ROW_LONG;
  at = skip_space (t, at + 1, end);
  if (at < end && t[at] == ']') /* [] */
    {
      if (at + 1 != end)
        return GS_JSON_ROW_LONG;
    }
  else
    for (;;)
      {
        gsize v = at;
        gboolean escaped = FALSE;
        if ((at = strict_value (t, at, end, &escaped)) == 0)
          return GS_JSON_ROW_LONG;
        if (n < rows->n_fields
            && !fill_value (t, v, at, escaped, rows, path, index, n, values, error))
          return GS_JSON_ROW_FAILED;
        n++;
        if (at + 2 < end && t[at] == ',' && t[at + 1] == ' ' && !is_space (t[at + 2]))
          {
            at += 2; /* ", ": how a row is written */
            continue;
          }
        at = skip_space (t, at, end);
        if (at < end && t[at] == ',')
          at = skip_space (t, at + 1, end);
        else if (at + 1 == end && t[at] == ']')
          break;
        else
          return GS_JSON_ROW_LONG;
      }
  if (n != rows->n_fields)
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
