/* gs-json.c — strict readers, stable writer, path addressing.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-json.h"
#include "gs-error.h"
#include "gs-json-reader-private.h"
#include "gs-json-writer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

char *
gs_json_child_path (const char *parent, const char *key)
{
  if (key == NULL) /* an array element read by itself: the path is the element's */
    return g_strdup (parent);
  if (parent == NULL || *parent == '\0')
    return g_strdup (key);
  return g_strconcat (parent, ".", key, NULL);
}

char *
gs_json_index_path (const char *parent, guint index)
{
  return g_strdup_printf ("%s[%u]", parent ? parent : "", index);
}

void
gs_json_invalid (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "%s: %s", path, what);
}

gboolean
gs_json_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static void G_GNUC_PRINTF (4, 5)
    field_error (GError **error, const char *path, const char *key, const char *format, ...)
{
  g_autofree char *where = gs_json_child_path (path, key);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "%s: %s", where, what);
}

const char *
gs_json_node_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _ ("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _ ("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _ ("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _ ("text");
    case G_TYPE_BOOLEAN:
      return _ ("true/false");
    default:
      return _ ("a number");
    }
}

static gboolean
is_number (JsonNode *node)
{
  GType t;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* Returns the member, or NULL when it is absent or null. */
static JsonNode *
member (JsonObject *obj, const char *key)
{
  JsonNode *node = obj ? json_object_get_member (obj, key) : NULL;
  if (node && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
missing (JsonNode *node, const char *path, const char *key, GsFieldNeed need, GError **error)
{
  if (node != NULL)
    return FALSE;
  if (need == GS_FIELD_REQUIRED)
    field_error (error, path, key, _ ("is missing"));
  return TRUE;
}

#define GS_JSON_MAX_DEPTH 256
#define GS_RATE_TOLERANCE 1e-9

gsize
gs_json_count_values (const char *text, gsize len)
{
  gsize values = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{' || c == ',')
        values++;
    }
  return values;
}

static int
hex4 (const char *text, gsize len, gsize at)
{
  int value = 0;
  if (at + 4 > len)
    return -1;
  for (gsize k = at; k < at + 4; k++)
    {
      int d = g_ascii_xdigit_value (text[k]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

/* A backslash escape in text at *i; on success *i is its last byte.
 * An unknown escape (\q), a lone surrogate (not a character: no UTF-8 for
 * it) or \u0000 (which would cut the text short) would change the plan on
 * the next save. */
static gboolean
check_escape (const char *text, gsize len, gsize *i, guint line, GError **error)
{
  gsize at = *i + 1;
  int unit, low;

  if (at < len && strchr ("\"\\/bfnrt", text[at]) && text[at] != '\0')
    {
      *i = at;
      return TRUE;
    }
  if (at >= len || text[at] != 'u')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("line %u: “\\%.1s” is not an escape JSON allows in text"), line,
                   at < len && g_ascii_isprint (text[at]) ? text + at : "");
      return FALSE;
    }
  unit = hex4 (text, len, at + 1);
  if (unit < 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("line %u: \\u must be followed by four hexadecimal digits"), line);
      return FALSE;
    }
  if (unit == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("line %u: text must not contain the NUL character (\\u0000)"), line);
      return FALSE;
    }
  *i = at + 4;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    goto lone;
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      low = (*i + 2 < len && text[*i + 1] == '\\' && text[*i + 2] == 'u') ? hex4 (text, len, *i + 3)
                                                                          : -1;
      if (low < 0xDC00 || low > 0xDFFF)
        goto lone;
      *i += 6;
    }
  return TRUE;

lone:
  g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
               _ ("line %u: \\u%04X is half of a UTF-16 surrogate pair, not a character"), line,
               (guint) unit);
  return FALSE;
}

/* The last byte of what check_tokens takes as one number from text[at] (a
 * digit); *too_long when it is a whole number of more than 18 digits. */
static gsize
number_token_end (const char *text, gsize len, gsize at, gboolean *too_long)
{
  gsize start = at;
  gboolean whole = TRUE;
  while (at + 1 < len
         && (g_ascii_isdigit (text[at + 1]) || text[at + 1] == '.' || text[at + 1] == 'e'
             || text[at + 1] == 'E' || text[at + 1] == '+' || text[at + 1] == '-'))
    whole &= g_ascii_isdigit (text[++at]);
  *too_long = whole && at + 1 - start > 18;
  return at;
}

/* The last byte of the word of letters from text[at]; *not_finite when it
 * is NaN or Infinity. */
static gsize
word_token_end (const char *text, gsize len, gsize at, gboolean *not_finite)
{
  gsize start = at;
  while (at + 1 < len && g_ascii_isalpha (text[at + 1]))
    at++;
  *not_finite = (at + 1 - start == 3 && strncmp (text + start, "NaN", 3) == 0)
                || (at + 1 - start == 8 && strncmp (text + start, "Infinity", 8) == 0);
  return at;
}

/* A list at text[i] ('[') of plain values on one line (a row of a list
 * written as rows: ["9001", "Deal", "25000.00", 0, null]) passed in one
 * loop: the index of its ']', with its '[' and commas counted into *n, when
 * check_tokens's loop would find nothing in it to refuse and count nothing
 * else (no escape, control character or line break, no nested list or
 * object, no long whole number, NaN or Infinity); else 0, and the list is
 * checked byte by byte as any text, for the message. */
static gsize
pass_plain_row (const char *text, gsize len, gsize i, guint *n)
{
  guint values = 1;
  gboolean refused;
  for (gsize at = i + 1; at < len; at++)
    switch (text[at])
      {
      case ' ':
      case '-':
      case '.':
      case ':':
        break; /* nothing for check_tokens */
      case ',':
        values++;
        break;
      case '"':
        at = gs_json_plain_run_end (text, at + 1, len);
        if (at >= len || text[at] != '"')
          return 0;
        break;
      case ']':
        *n = values;
        return at;
      default:
        if (g_ascii_isdigit (text[at]))
          at = number_token_end (text, len, at, &refused);
        else if (g_ascii_isalpha (text[at]))
          at = word_token_end (text, len, at, &refused);
        else
          return 0;
        if (refused)
          return 0;
      }
  return 0;
}

/* Found before the tree is read (gs-json-reader.c), each with a message of
 * its own: nesting so deep that a recursive reader would overflow the
 * stack, whole numbers too large for 64 bits, the NaN and Infinity literals
 * some writers emit, which JSON does not allow, and text escapes that would
 * change the text (an unknown escape, a lone surrogate, \u0000). */
typedef struct
{
  guint line, depth, values;
} Tokens;

/* check_tokens from text[from] to text[len] (outside text in quotes at
 * both ends), going on from *at (and leaving it where it ends). */
static gboolean
check_tokens_from (const char *text, gsize from, gsize len, Tokens *at, GError **error)
{
  guint line = at->line, depth = at->depth, values = at->values;
  gboolean in_string = FALSE;

  for (gsize i = from; i < len; i++)
    {
      char c = text[i];
      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && !check_escape (text, len, &i, line, error))
            return FALSE;
          if (c == '"')
            in_string = FALSE;
          else /* the rest of a run of plain text at once (up to a quote, a
                * backslash or a control character: a line break is counted) */
            i = MAX (i, gs_json_plain_run_end (text, i + 1, len) - 1);
          continue;
        }
      if (c == ' ') /* most of what lies between values: indentation */
        continue;
      if (c == '[' && depth < GS_JSON_MAX_DEPTH)
        {
          /* A row of plain values: what the loop below would count, at once
           * (the '[' and the commas; its ']' leaves the depth as it was). */
          guint n = 0;
          gsize end = pass_plain_row (text, len, i, &n);
          if (end != 0 && values + n <= GS_JSON_MAX_VALUES)
            {
              values += n;
              i = end;
              continue;
            }
        }
      if ((c == '[' || c == '{' || c == ',') && ++values > GS_JSON_MAX_VALUES)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                       _ ("line %u: the file holds more than %d values; this is not a plan"), line,
                       GS_JSON_MAX_VALUES);
          return FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > GS_JSON_MAX_DEPTH)
            {
              g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                           _ ("line %u: lists and objects are nested more than %d deep; this is "
                              "not a plan"),
                           line, GS_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        depth = depth ? depth - 1 : 0;
      else if (g_ascii_isalpha (c))
        {
          gsize start = i;
          gboolean not_finite;
          i = word_token_end (text, len, i, &not_finite);
          if (not_finite)
            {
              g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                           _ ("line %u: %.*s is not a number JSON allows; write a finite number"),
                           line, (int) (i + 1 - start), text + start);
              return FALSE;
            }
        }
      else if (g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean too_long;
          i = number_token_end (text, len, i, &too_long);
          if (too_long)
            {
              g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                           _ ("line %u: the whole number %.*s%s is too large for any field"), line,
                           (int) MIN (i + 1 - start, 24), text + start,
                           i + 1 - start > 24 ? "…" : "");
              return FALSE;
            }
        }
    }
  at->line = line;
  at->depth = depth;
  at->values = values;
  return TRUE;
}

static gboolean
check_tokens (const char *text, gsize len, GError **error)
{
  Tokens at = { 1, 0, 0 };
  return check_tokens_from (text, 0, len, &at, error);
}

/* g_utf8_validate (text, len, NULL), eight bytes at a time where they are
 * ASCII (a plan's text is, but for names and currency signs): GLib's
 * validator looks at each byte and took 6 % of opening a plan with
 * 100,000 deals. */
static gboolean
utf8_valid (const char *text, gsize len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize at = 0;

  while (at < len)
    {
      const char *bad;
      gsize chunk;
      guint64 w;
      if (len - at >= 8)
        {
          memcpy (&w, text + at, 8);
          /* No byte ≥ 0x80 and none 0 (which g_utf8_validate refuses). */
          if (((w | ((w - ones) & ~w)) & high) == 0)
            {
              at += 8;
              continue;
            }
        }
      /* Up to 64 bytes by GLib; a character cut at the chunk's end is
       * looked at again from its first byte. */
      chunk = MIN (len - at, 64);
      if (g_utf8_validate_len (text + at, chunk, &bad))
        at += chunk;
      else if (at + chunk < len && (gsize) (bad - text) + 4 > at + chunk && bad > text + at)
        at = (gsize) (bad - text);
      else
        return FALSE;
    }
  return TRUE;
}

JsonNode *
gs_json_parse (const char *text, gssize length, GError **error)
{
  const char *bad = NULL;
  gsize len = length < 0 ? strlen (text) : (gsize) length;

  if (!g_utf8_validate (text, len, &bad))
    {
      guint line = 1;
      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE,
                   _ ("line %u: the file is not UTF-8 text (byte 0x%02x at offset %lu)"), line,
                   (guchar) *bad, (gulong) (bad - text));
      return NULL;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      goto nonempty;
  g_set_error (error, GS_ERROR, GS_ERROR_PARSE, _ ("the file is empty"));
  return NULL;

nonempty:
  if (!check_tokens (text, len, error))
    return NULL;
  return gs_json_read_tree (text, len, error);
}

/* From this size a text is checked on a thread of its own while it is
 * read (a plan with 100,000 deals is 10 MB: the two checks are about 8 ms
 * of its 30 ms of reading). */
#define CHECK_APART_MIN (1024 * 1024)

typedef struct
{
  const char *text;
  gsize len;
  gboolean ok;
} Check;

static gpointer
check_main (gpointer data)
{
  Check *check = data;
  check->ok = utf8_valid (check->text, check->len) && check_tokens (check->text, check->len, NULL);
  return NULL;
}

static gboolean
blank (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

JsonNode *
gs_json_parse_deferring (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                         GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (text, &len);
  Check check = { data, len, FALSE };
  GThread *thread = NULL;

  *deferred = NULL;
  /* A large text is read while a thread checks it (UTF-8, tokens).  The
   * reader stands what the checks refuse (gs-json-reader.c, "guards"), and
   * what it read stands only when they pass: else the text is read again
   * after them as gs_json_parse does, so every message is the one the
   * checks, then the reader, give in turn. */
  if (len >= CHECK_APART_MIN && !blank (data, len))
    thread = g_thread_try_new ("gs-json-check", check_main, &check, NULL);
  if (thread != NULL)
    {
      g_autoptr (GError) read_error = NULL;
      JsonNode *root = gs_json_read_tree_deferring (text, paths, deferred, &read_error);
      g_thread_join (thread);
      if (check.ok)
        {
          if (root == NULL)
            g_propagate_error (error, g_steal_pointer (&read_error));
          return root;
        }
      g_clear_pointer (&root, json_node_unref);
      g_clear_pointer (deferred, gs_json_deferred_free);
      return gs_json_parse (data, (gssize) len, error);
    }
  /* The same checks first (UTF-8, empty, tokens): only the reading differs. */
  if (!utf8_valid (data, len) || !check_tokens (data, len, NULL) || blank (data, len))
    return gs_json_parse (data, (gssize) len, error);
  return gs_json_read_tree_deferring (text, paths, deferred, error);
}

/* gs_json_parse_skimming: the check on a thread of its own, started when
 * the reader reads a list the usual way. */
typedef struct
{
  Check check;
  GThread *thread;
  gboolean whole; /* the whole text is to be checked */
} Skim;

static void
skim_check_apart (gpointer data)
{
  Skim *skim = data;
  skim->whole = TRUE;
  skim->thread = g_thread_try_new ("gs-json-check", check_main, &skim->check, NULL);
}

/* The checks of text but for the rows passed unchecked: the values
 * counted into *values. */
static gboolean
check_around_rows (const char *text, gsize len, const GsJsonDeferred *d, guint *values)
{
  Tokens at = { 1, 0, 0 };
  gsize from = 0;
  for (guint i = 0; i <= d->lists->len; i++)
    {
      const GsJsonDeferredList *list = i < d->lists->len ? g_ptr_array_index (d->lists, i) : NULL;
      gsize to = list ? list->body.start : len;
      if (list != NULL && !list->unchecked)
        continue;
      if (!utf8_valid (text + from, to - from) || !check_tokens_from (text, from, to, &at, NULL))
        return FALSE;
      if (list != NULL)
        from = list->body.end;
    }
  *values = at.values;
  return TRUE;
}

JsonNode *
gs_json_parse_skimming (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                        GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (text, &len);
  Skim skim = { { data, len, FALSE }, NULL, FALSE };
  JsonNode *root;
  guint values = 0;
  gboolean ok;

  *deferred = NULL;
  if (len < CHECK_APART_MIN || blank (data, len))
    return gs_json_parse_deferring (text, paths, deferred, error);
  root = gs_json_read_tree_skimming (text, paths, deferred, skim_check_apart, &skim, NULL);
  if (skim.thread != NULL)
    {
      g_thread_join (skim.thread);
      ok = skim.check.ok;
    }
  else if (skim.whole) /* no thread */
    ok = utf8_valid (data, len) && check_tokens (data, len, NULL);
  else if (root != NULL && *deferred != NULL)
    ok = check_around_rows (data, len, *deferred, &values);
  else
    ok = root != NULL && utf8_valid (data, len) && check_tokens (data, len, NULL);
  if (root == NULL || !ok)
    {
      /* Whatever is wrong, it is found and said as it always was. */
      g_clear_pointer (&root, json_node_unref);
      g_clear_pointer (deferred, gs_json_deferred_free);
      return gs_json_parse_deferring (text, paths, deferred, error);
    }
  for (guint i = 0; *deferred != NULL && i < (*deferred)->lists->len; i++)
    if (((GsJsonDeferredList *) g_ptr_array_index ((*deferred)->lists, i))->unchecked)
      (*deferred)->unchecked = TRUE;
  if (*deferred != NULL)
    {
      (*deferred)->values_known = skim.whole;
      (*deferred)->values = values;
    }
  return root;
}

gboolean
gs_json_deferred_unchecked (const GsJsonDeferred *d)
{
  return d != NULL && d->unchecked;
}

static gboolean
row_checked (const GsJsonDeferredList *list, guint index)
{
  return (g_atomic_int_get (&list->checked[index / 32]) >> (index % 32)) & 1;
}

/* Row index of a list passed unchecked: checked (one walk for a row of
 * plain values; the token check, then the reader, for any other row) and
 * its values read as gs_json_deferred_row reads them.  FALSE when the
 * checks or the row's values fail: then the plan is read again the usual
 * way (gs_json_parse_skimming), so the message here is never shown. */
static gboolean
check_row (const GsJsonDeferred *d, GsJsonDeferredList *list, guint index, GsJsonRowValue *values,
           GError **error)
{
  const char *t = g_bytes_get_data (d->text, NULL);
  const GsJsonSpan *span = &g_array_index (list->spans, GsJsonSpan, index);
  guint plain = MAX (list->rows->n_fields, 1); /* the values of a row of plain values */
  Tokens at = { 1, list->depth, 0 };

  switch (gs_json_rows_check_row (t, span, list->rows, list->path, index, values, error))
    {
    case GS_JSON_ROW_PLAIN:
      if (list->depth >= GS_JSON_MAX_DEPTH)
        goto failed;
      break;
    case GS_JSON_ROW_LONG:
      if (!utf8_valid (t + span->start, span->end - span->start)
          || !check_tokens_from (t, span->start, span->end, &at, NULL)
          || !gs_json_read_only_value (t + span->start, span->end - span->start))
        goto failed;
      g_atomic_pointer_add (&list->extra, (gssize) at.values - (gssize) plain);
      if (!gs_json_rows_read_row (t, span, list->rows, list->path, index, values, error))
        {
          g_atomic_int_set (&list->failed, 1);
          return FALSE;
        }
      break;
    default:
      g_atomic_int_set (&list->failed, 1);
      return FALSE;
    }
  g_atomic_int_or (&list->checked[index / 32], 1u << (index % 32));
  return TRUE;

failed:
  g_atomic_int_set (&list->failed, 1);
  g_set_error_literal (error, GS_ERROR, GS_ERROR_PARSE, "a row not as the checks want it");
  return FALSE;
}

gboolean
gs_json_deferred_check_rest (GsJsonDeferred *d)
{
  gsize values = d->values;
  g_return_val_if_fail (d != NULL, FALSE);
  for (guint i = 0; i < d->lists->len; i++)
    {
      GsJsonDeferredList *list = g_ptr_array_index (d->lists, i);
      g_autofree GsJsonRowValue *row = NULL;
      guint n = list->spans->len;
      if (!list->unchecked)
        continue;
      row = g_new0 (GsJsonRowValue, list->rows->n_fields + 1);
      for (guint k = 0; k < n; k++)
        if (!row_checked (list, k) && !check_row (d, list, k, row, NULL))
          return FALSE;
      if (g_atomic_int_get (&list->failed))
        return FALSE;
      values += (gsize) n * MAX (list->rows->n_fields, 1) + (n ? n - 1 : 0) + (gsize) list->extra;
    }
  if (!d->values_known && values > GS_JSON_MAX_VALUES)
    return FALSE;
  for (guint i = 0; i < d->lists->len; i++)
    {
      GsJsonDeferredList *list = g_ptr_array_index (d->lists, i);
      list->unchecked = FALSE;
      g_clear_pointer (&list->checked, g_free);
    }
  d->unchecked = FALSE;
  return TRUE;
}

static GsJsonDeferredList *
deferred_list (const GsJsonDeferred *d, const char *path)
{
  for (guint i = 0; d && i < d->lists->len; i++)
    {
      GsJsonDeferredList *list = g_ptr_array_index (d->lists, i);
      if (strcmp (list->path, path) == 0)
        return list;
    }
  return NULL;
}

int
gs_json_deferred_length (const GsJsonDeferred *d, const char *path)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  return list ? (int) list->spans->len : -1;
}

const char *
gs_json_deferred_text (const GsJsonDeferred *d, const char *path, gsize *len)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  if (list == NULL)
    return NULL;
  *len = list->whole.end - list->whole.start;
  return (const char *) g_bytes_get_data (d->text, NULL) + list->whole.start;
}

/* Element index of list: its tree, or the record its row stands for. */
static JsonNode *
list_element (const GsJsonDeferred *d, const GsJsonDeferredList *list, guint index)
{
  const GsJsonSpan *span = &g_array_index (list->spans, GsJsonSpan, index);
  if (list->unchecked && !row_checked (list, index))
    {
      /* Read only once checked (the reader trusts what the checks passed);
       * a row that fails stands for nothing, and the plan is read again. */
      g_autofree GsJsonRowValue *row = g_new0 (GsJsonRowValue, list->rows->n_fields + 1);
      if (!check_row (d, (GsJsonDeferredList *) list, index, row, NULL))
        return json_node_init_object (json_node_alloc (), json_object_new ());
    }
  return list->rows ? gs_json_rows_record (d->text, span, list->rows)
                    : gs_json_read_span (d->text, span);
}

JsonNode *
gs_json_deferred_element (const GsJsonDeferred *d, const char *path, guint index)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  g_return_val_if_fail (list != NULL && index < list->spans->len, NULL);
  return list_element (d, list, index);
}

const char *const *
gs_json_deferred_fields (const GsJsonDeferred *d, const char *path, guint *n)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  if (list == NULL || list->rows == NULL)
    return NULL;
  *n = list->rows->n_fields;
  return (const char *const *) list->rows->fields;
}

const char *const *
gs_json_deferred_texts (const GsJsonDeferred *d, const char *path, guint field, guint *n)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  g_return_val_if_fail (list != NULL && list->rows != NULL && field < list->rows->n_fields, NULL);
  *n = list->rows->n_texts[field];
  return (const char *const *) list->rows->texts[field];
}

gboolean
gs_json_deferred_row (const GsJsonDeferred *d, const char *path, guint index,
                      GsJsonRowValue *values, GError **error)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  g_return_val_if_fail (list != NULL && list->rows != NULL && index < list->spans->len, FALSE);
  if (list->unchecked && !row_checked (list, index))
    return check_row (d, list, index, values, error);
  return gs_json_rows_read_row (g_bytes_get_data (d->text, NULL),
                                &g_array_index (list->spans, GsJsonSpan, index), list->rows, path,
                                index, values, error);
}

gsize
gs_json_deferred_rows_size_of (const GsJsonDeferred *d, const char *path, guint from, guint to)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  const GsJsonSpan *spans;
  g_return_val_if_fail (list != NULL && list->rows != NULL, 0);
  to = MIN (to, list->spans->len);
  if (from >= to)
    return 0;
  spans = (const GsJsonSpan *) list->spans->data;
  return spans[to - 1].end - spans[from].start;
}

gsize
gs_json_deferred_rows_size (const GsJsonDeferred *d, const char *path)
{
  return gs_json_deferred_rows_size_of (d, path, 0, G_MAXUINT);
}

/* A text within check_text_node's limit. */
static gboolean
text_fits (const char *text, gsize len, guint max)
{
  return len <= max || g_utf8_strlen (text, (gssize) len) <= (glong) max;
}

gboolean
gs_json_deferred_flat (const GsJsonDeferred *d, const char *path, guint index, guint max_name,
                       guint max_text, GsJsonFlat *flat)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  g_return_val_if_fail (list != NULL && index < list->spans->len, FALSE);
  if (list->rows != NULL)
    return FALSE;
  if (!gs_json_read_span_flat (d->text, &g_array_index (list->spans, GsJsonSpan, index), flat))
    return FALSE;
  for (guint i = 0; i < flat->n; i++)
    {
      const char *name = flat->text->str + flat->members[i].name;
      gboolean is_name = strcmp (name, "name") == 0 || strcmp (name, "id") == 0;
      if (!text_fits (name, strlen (name), max_name)
          || !text_fits (flat->text->str + flat->members[i].value, flat->members[i].length,
                         is_name ? max_name : max_text))
        return FALSE;
    }
  return TRUE;
}

const char *
gs_json_flat_get (const GsJsonFlat *flat, const char *name, gsize *length)
{
  for (guint i = 0; i < flat->n; i++)
    if (strcmp (flat->text->str + flat->members[i].name, name) == 0)
      {
        if (length)
          *length = flat->members[i].length;
        return flat->text->str + flat->members[i].value;
      }
  return NULL;
}

const char *
gs_json_deferred_held (const GsJsonDeferred *d, JsonNode *node)
{
  for (guint i = 0; d && node && i < d->lists->len; i++)
    {
      GsJsonDeferredList *list = g_ptr_array_index (d->lists, i);
      if (list->parent && json_object_get_member (list->parent, list->member) == node
          && JSON_NODE_HOLDS_NULL (node))
        return list->path;
    }
  return NULL;
}

/* path is the list's path or lies on the way to it (or inside it). */
static gboolean
path_reaches (const char *list, const char *path)
{
  gsize n = strlen (path), m = strlen (list);
  if (n == 0)
    return TRUE;
  if (n <= m)
    return strncmp (list, path, n) == 0 && (list[n] == '\0' || list[n] == '.' || list[n] == '[');
  return strncmp (path, list, m) == 0 && (path[m] == '.' || path[m] == '[');
}

gboolean
gs_json_deferred_meets (const GsJsonDeferred *d, const char *path)
{
  for (guint i = 0; d && i < d->lists->len; i++)
    if (path_reaches (((GsJsonDeferredList *) g_ptr_array_index (d->lists, i))->path, path))
      return TRUE;
  return FALSE;
}

/* The object of tree holding the member list's null stands at, or NULL. */
static JsonObject *
parent_in (JsonNode *tree, const GsJsonDeferredList *list)
{
  gsize n = strlen (list->path) - strlen (list->member) - 1; /* "….people" less ".people" */
  g_autofree char *path = g_strndup (list->path, n);
  JsonNode *node = tree != NULL ? gs_json_lookup (tree, path) : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
gs_json_deferred_materialize_into (const GsJsonDeferred *d, JsonNode *const *trees, guint n_trees)
{
  for (guint i = 0; i < d->lists->len; i++)
    {
      GsJsonDeferredList *list = g_ptr_array_index (d->lists, i);
      g_autoptr (JsonNode) null = NULL;
      g_autoptr (JsonNode) built = NULL;
      JsonArray *array;

      if (list->parent == NULL
          || !JSON_NODE_HOLDS_NULL (json_object_get_member (list->parent, list->member)))
        continue; /* built already */
      /* Held while the trees are searched for it: a pointer compared, not
       * a freed address that a new node may have taken. */
      null = json_node_ref (json_object_get_member (list->parent, list->member));
      array = json_array_sized_new (list->spans->len);
      for (guint k = 0; k < list->spans->len; k++)
        json_array_add_element (array, list_element (d, list, k));
      built = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (built, array);
      /* Replaces the null in its place: member order is kept.  An edit
       * that did not reach the list copied the objects on its path and
       * kept this null in the copy: each tree gets the one list. */
      json_object_set_member (list->parent, list->member, json_node_ref (built));
      for (guint t = 0; t < n_trees; t++)
        {
          JsonObject *parent = parent_in (trees[t], list);
          if (parent != NULL && parent != list->parent
              && json_object_get_member (parent, list->member) == null)
            json_object_set_member (parent, list->member, json_node_ref (built));
        }
    }
}

gboolean
gs_json_deferred_within (const GsJsonDeferred *d, const char *path)
{
  for (guint i = 0; d && i < d->lists->len; i++)
    {
      const char *list = ((GsJsonDeferredList *) g_ptr_array_index (d->lists, i))->path;
      gsize m = strlen (list);
      if (strncmp (path, list, m) == 0 && strchr (".[", path[m]) != NULL) /* finds the NUL too */
        return TRUE;
    }
  return FALSE;
}

void
gs_json_deferred_materialize (const GsJsonDeferred *d)
{
  gs_json_deferred_materialize_into (d, NULL, 0);
}

void
gs_json_deferred_forget (GsJsonDeferred *d, const char *path)
{
  GsJsonDeferredList *list = deferred_list (d, path);
  if (list != NULL)
    g_clear_pointer (&list->parent, json_object_unref);
}

GsJsonDeferred *
gs_json_deferred_ref (GsJsonDeferred *d)
{
  return g_atomic_rc_box_acquire (d);
}

static void
deferred_clear (GsJsonDeferred *d)
{
  g_bytes_unref (d->text);
  g_ptr_array_unref (d->lists);
}

void
gs_json_deferred_free (GsJsonDeferred *d)
{
  if (d != NULL)
    g_atomic_rc_box_release_full (d, (GDestroyNotify) deferred_clear);
}

static gboolean
is_flat_array (JsonArray *array)
{
  guint n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_OBJECT (e) || JSON_NODE_HOLDS_ARRAY (e))
        return FALSE;
    }
  return TRUE;
}

/* The tree through the stable writer (gs-json-writer.h: the layout). */
typedef struct
{
  GsJsonHeldWriter write;
  gpointer data;
} Held;

static void
write_node (GsJsonWriter *w, JsonNode *node, const Held *held)
{
  if (held != NULL && node != NULL && (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_ARRAY (node))
      && held->write (node, w, held->data))
    return;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      gs_json_writer_null (w);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (obj);
      gs_json_writer_begin_object (w);
      for (GList *l = members; l; l = l->next)
        {
          gs_json_writer_member (w, l->data);
          write_node (w, json_object_get_member (obj, l->data), held);
        }
      gs_json_writer_end_object (w);
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      gs_json_writer_begin_array (w, is_flat_array (array));
      for (guint i = 0; i < n; i++)
        write_node (w, json_array_get_element (array, i), held);
      gs_json_writer_end_array (w);
      return;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      gs_json_writer_string (w, json_node_get_string (node));
      break;
    case G_TYPE_BOOLEAN:
      gs_json_writer_boolean (w, json_node_get_boolean (node));
      break;
    case G_TYPE_INT64:
      gs_json_writer_int (w, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      gs_json_writer_double (w, json_node_get_double (node));
      break;
    default:
      gs_json_writer_null (w);
    }
}

void
gs_json_write_node (GsJsonWriter *w, JsonNode *node)
{
  write_node (w, node, NULL);
}

char *
gs_json_to_text_held (JsonNode *root, GsJsonHeldWriter held, gpointer data)
{
  GsJsonWriter *w = gs_json_writer_new (NULL, NULL);
  Held h = { held, data };
  write_node (w, root, held ? &h : NULL);
  gs_json_writer_finish (w, NULL);
  return gs_json_writer_free_to_text (w);
}

gboolean
gs_json_write_held (JsonNode *root, GsJsonHeldWriter held, gpointer data, GsJsonSink sink,
                    gpointer sink_data, GError **error)
{
  GsJsonWriter *w = gs_json_writer_new (sink, sink_data);
  Held h = { held, data };
  gboolean ok;
  write_node (w, root, held ? &h : NULL);
  ok = gs_json_writer_finish (w, error);
  gs_json_writer_free (w);
  return ok;
}

char *
gs_json_to_text (JsonNode *root)
{
  return gs_json_to_text_held (root, NULL, NULL);
}

gboolean
gs_json_object (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                JsonObject **out, GError **error)
{
  JsonNode *node = member (obj, key);
  *out = NULL;
  if (missing (node, path, key, need, error))
    return need != GS_FIELD_REQUIRED;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field_error (error, path, key, _ ("is %s, expected an object"), gs_json_node_kind (node));
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
gs_json_array (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
               JsonArray **out, GError **error)
{
  JsonNode *node = member (obj, key);
  *out = NULL;
  if (missing (node, path, key, need, error))
    return need != GS_FIELD_REQUIRED;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      field_error (error, path, key, _ ("is %s, expected a list"), gs_json_node_kind (node));
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
gs_json_list (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, guint max,
              JsonArray **out, GError **error)
{
  guint n;
  if (!gs_json_array (obj, path, key, need, out, error))
    return FALSE;
  n = *out ? json_array_get_length (*out) : 0;
  if (n > max)
    {
      gs_json_too_long (error, path, key, n, max);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

void
gs_json_too_long (GError **error, const char *path, const char *key, guint n, guint max)
{
  /* Translators: the number of entries in a list, then the most it may hold. */
  field_error (error, path, key, _ ("has %u entries; at most %u are allowed"), n, max);
}

/* The path is built in one buffer as the walk goes (a plan of imported
 * actuals has over a million values: a path string allocated for each
 * cost more than the check); skip names a top-level member not walked. */
static gboolean
check_text_node (JsonNode *node, JsonNode *checked, GString *path, gboolean is_name, guint max_name,
                 guint max_text, const char *skip, GError **error)
{
  gsize at = path->len;
  /* checked is the node at the same path in a tree checked before: a node
   * it shares (gs_json_copy_path) passed then. */
  if (node == checked)
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *child;
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &key, &child))
        {
          glong n = g_utf8_strlen (key, -1);
          if (n > (glong) max_name)
            {
              /* Translators: where (a field path), the length and the limit. */
              g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                           _ ("%s: a field name of %ld characters; at most %u are allowed"),
                           at ? path->str : "{…}", n, max_name);
              return FALSE;
            }
          if (skip && at == 0 && strcmp (key, skip) == 0)
            continue;
          if (at)
            g_string_append_c (path, '.');
          g_string_append (path, key);
          if (!check_text_node (child,
                                checked && JSON_NODE_HOLDS_OBJECT (checked)
                                    ? json_object_get_member (json_node_get_object (checked), key)
                                    : NULL,
                                path, strcmp (key, "name") == 0 || strcmp (key, "id") == 0,
                                max_name, max_text, NULL, error))
            return FALSE;
          g_string_truncate (path, at);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *before
          = checked && JSON_NODE_HOLDS_ARRAY (checked) ? json_node_get_array (checked) : NULL;
      guint n_before = before ? json_array_get_length (before) : 0;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (path, "[%u]", i);
          if (!check_text_node (json_array_get_element (array, i),
                                i < n_before ? json_array_get_element (before, i) : NULL, path,
                                FALSE, max_name, max_text, NULL, error))
            return FALSE;
          g_string_truncate (path, at);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      guint max = is_name ? max_name : max_text;
      /* A text of at most max bytes has at most max characters. */
      glong n = strlen (text) <= max ? 0 : g_utf8_strlen (text, -1);
      if (n > (glong) max)
        {
          if (is_name)
            /* Translators: the length of a name and the most it may have. */
            gs_json_invalid (error, path->str,
                             _ ("a name of %ld characters; at most %u are allowed"), n, max);
          else
            /* Translators: the length of a text and the most it may have. */
            gs_json_invalid (error, path->str,
                             _ ("a text of %ld characters; at most %u are allowed"), n, max);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gs_json_check_text (JsonNode *root, guint max_name, guint max_text, GError **error)
{
  return gs_json_check_text_except (root, NULL, max_name, max_text, error);
}

gboolean
gs_json_check_text_except (JsonNode *root, const char *skip, guint max_name, guint max_text,
                           GError **error)
{
  return gs_json_check_text_changed (root, NULL, skip, max_name, max_text, error);
}

gboolean
gs_json_check_text_changed (JsonNode *root, JsonNode *checked, const char *skip, guint max_name,
                            guint max_text, GError **error)
{
  g_autoptr (GString) path = g_string_sized_new (64);
  return check_text_node (root, checked, path, FALSE, max_name, max_text, skip, error);
}

gboolean
gs_json_check_text_at (JsonNode *node, const char *path, guint max_name, guint max_text,
                       GError **error)
{
  g_autoptr (GString) buf = g_string_new (path);
  return check_text_node (node, NULL, buf, FALSE, max_name, max_text, NULL, error);
}

JsonObject *
gs_json_array_object (JsonArray *array, const char *path, guint index, GError **error)
{
  return gs_json_element_object (json_array_get_element (array, index), path, index, error);
}

JsonObject *
gs_json_element_object (JsonNode *node, const char *path, guint index, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s[%u]: is %s, expected an object"), path,
                   index, gs_json_node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
gs_json_string (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                const char *fallback, char **out, GError **error)
{
  JsonNode *node = member (obj, key);
  if (missing (node, path, key, need, error))
    {
      if (need == GS_FIELD_REQUIRED)
        return FALSE;
      *out = g_strdup (fallback);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      field_error (error, path, key, _ ("is %s, expected text"), gs_json_node_kind (node));
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
check_number (JsonNode *node, const char *path, const char *key, double min, double max,
              double *out, GError **error)
{
  double v;
  if (!is_number (node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        field_error (error, path, key, _ ("“%s” is text, expected a number"),
                     json_node_get_string (node));
      else
        field_error (error, path, key, _ ("is %s, expected a number"), gs_json_node_kind (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      field_error (error, path, key, _ ("is not a finite number"));
      return FALSE;
    }
  if (v < min || v > max)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (buf, sizeof buf, "%g", v);
      g_ascii_formatd (lo, sizeof lo, "%g", min);
      g_ascii_formatd (hi, sizeof hi, "%g", max);
      field_error (error, path, key, _ ("%s is not between %s and %s"), buf, lo, hi);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
gs_json_number (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                double fallback, double min, double max, double *out, GError **error)
{
  JsonNode *node = member (obj, key);
  if (missing (node, path, key, need, error))
    {
      *out = fallback;
      return need != GS_FIELD_REQUIRED;
    }
  return check_number (node, path, key, min, max, out, error);
}

gboolean
gs_json_node_number (JsonNode *node, const char *path, double min, double max, double *out,
                     GError **error)
{
  return check_number (node, path, NULL, min, max, out, error);
}

static gboolean
rate_like (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, double fallback,
           gboolean allow_zero, double *out, GError **error)
{
  JsonNode *node = member (obj, key);
  double v;
  if (missing (node, path, key, need, error))
    {
      *out = fallback;
      return need != GS_FIELD_REQUIRED;
    }
  if (!check_number (node, path, key, -G_MAXDOUBLE, G_MAXDOUBLE, &v, error))
    return FALSE;
  /* A rate computed elsewhere (1 − 0.1 − 0.9, a spreadsheet's 100 %) may
   * miss 0 or 1 by a rounding error; within GS_RATE_TOLERANCE it is 0 or 1
   * (docs/plan-format.md). */
  if (v > 1 && v <= 1 + GS_RATE_TOLERANCE)
    v = 1;
  if (allow_zero && v < 0 && v >= -GS_RATE_TOLERANCE)
    v = 0;
  if ((allow_zero ? v < 0 : v <= 0) || v > 1)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      gs_json_format_shortest (buf, v);
      if (allow_zero)
        field_error (error, path, key, _ ("%s is not a rate between 0 and 1"), buf);
      else
        field_error (error, path, key, _ ("%s is not a rate between 0 and 1 (0 excluded)"), buf);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
gs_json_rate (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, double fallback,
              double *out, GError **error)
{
  return rate_like (obj, path, key, need, fallback, FALSE, out, error);
}

gboolean
gs_json_fraction (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                  double fallback, double *out, GError **error)
{
  return rate_like (obj, path, key, need, fallback, TRUE, out, error);
}

gboolean
gs_json_int (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, gint64 fallback,
             gint64 min, gint64 max, gint64 *out, GError **error)
{
  JsonNode *node = member (obj, key);
  double v;
  if (missing (node, path, key, need, error))
    {
      *out = fallback;
      return need != GS_FIELD_REQUIRED;
    }
  if (!check_number (node, path, key, (double) min, (double) max, &v, error))
    return FALSE;
  if (v != floor (v))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (buf, sizeof buf, "%g", v);
      field_error (error, path, key, _ ("%s is not a whole number"), buf);
      return FALSE;
    }
  *out = (gint64) v;
  return TRUE;
}

gboolean
gs_json_bool (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
              gboolean fallback, gboolean *out, GError **error)
{
  JsonNode *node = member (obj, key);
  if (missing (node, path, key, need, error))
    {
      *out = fallback;
      return need != GS_FIELD_REQUIRED;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      field_error (error, path, key, _ ("is %s, expected true or false"), gs_json_node_kind (node));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
gs_json_money (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
               GsMoney fallback, guint digits, GsMoney *out, GError **error)
{
  JsonNode *node = member (obj, key);
  g_autoptr (GError) local = NULL;
  if (missing (node, path, key, need, error))
    {
      *out = fallback;
      return need != GS_FIELD_REQUIRED;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!gs_money_parse (json_node_get_string (node), digits, out, &local))
        {
          g_autofree char *where = gs_json_child_path (path, key);
          g_set_error (error, GS_ERROR,
                       local->code == GS_ERROR_OVERFLOW ? GS_ERROR_INVALID : local->code, "%s: %s",
                       where, local->message);
          return FALSE;
        }
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      /* A whole JSON number is read as major units: 25000 means 25,000.00. */
      gint64 major = json_node_get_int (node);
      gint64 scale = 1;
      for (guint i = 0; i < digits; i++)
        scale *= 10;
      if (major > GS_MONEY_LIMIT / scale || major < -GS_MONEY_LIMIT / scale)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, major);
          field_error (error, path, key,
                       _ ("%s is beyond the largest amount Goalsheet handles (10^15 minor units)"),
                       text);
          return FALSE;
        }
      *out = major * scale;
      return TRUE;
    }
  if (is_number (node))
    field_error (error, path, key,
                 _ ("amounts are written as text like \"25000.00\" so no cent is lost to "
                    "floating point"));
  else
    field_error (error, path, key, _ ("is %s, expected an amount like \"25000.00\""),
                 gs_json_node_kind (node));
  return FALSE;
}

gboolean
gs_json_enum (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, int fallback,
              const char *const *names, int *out, GError **error)
{
  g_autofree char *value = NULL;
  if (!gs_json_string (obj, path, key, need, NULL, &value, error))
    return FALSE;
  if (value == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  for (int i = 0; names[i]; i++)
    if (g_strcmp0 (names[i], value) == 0)
      {
        *out = i;
        return TRUE;
      }
  {
    g_autofree char *choices = g_strjoinv (", ", (char **) names);
    field_error (error, path, key, _ ("“%s” is not one of: %s"), value, choices);
  }
  return FALSE;
}

gboolean
gs_json_date (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, GDate *out,
              gboolean *present, GError **error)
{
  g_autofree char *value = NULL;
  int y, m, d;
  char tail;
  *present = FALSE;
  if (!gs_json_string (obj, path, key, need, NULL, &value, error))
    return FALSE;
  if (value == NULL || *value == '\0')
    return TRUE;
  if (sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    {
      field_error (error, path, key, _ ("“%s” is not a date like 2026-11-12"), value);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  *present = TRUE;
  return TRUE;
}

JsonNode *
gs_json_money_node (GsMoney value, guint digits)
{
  g_autofree char *text = gs_money_to_plain (value, digits);
  return json_node_init_string (json_node_alloc (), text);
}

double
gs_json_ratio (double ratio)
{
  return round (ratio * 1e9) / 1e9;
}

/* Path addressing -------------------------------------------------------- */

typedef struct
{
  char *key; /* member name, or NULL for an index step */
  guint index;
} PathStep;

static GArray *
parse_path (const char *path)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (PathStep));
  const char *p = path;

  while (p && *p)
    {
      if (*p == '[')
        {
          char *end;
          guint64 idx;
          PathStep step = { NULL, 0 };
          /* Digits only: strtoull would accept "-1" and " 1", and an index
           * past G_MAXUINT would wrap onto another element. */
          if (!g_ascii_isdigit (p[1]))
            goto bad;
          idx = g_ascii_strtoull (p + 1, &end, 10);
          if (*end != ']' || idx > G_MAXUINT)
            goto bad;
          step.index = (guint) idx;
          g_array_append_val (steps, step);
          p = end + 1;
          if (*p != '\0' && *p != '.' && *p != '[')
            goto bad; /* "steps[2]rate" */
        }
      else
        {
          const char *start = p;
          PathStep step = { NULL, 0 };
          while (*p && *p != '.' && *p != '[')
            p++;
          if (p == start)
            goto bad;
          step.key = g_strndup (start, p - start);
          g_array_append_val (steps, step);
        }
      if (*p == '.')
        {
          p++;
          if (*p == '\0' || *p == '.' || *p == '[')
            goto bad;
        }
    }
  return steps;

bad:
  for (guint i = 0; i < steps->len; i++)
    g_free (g_array_index (steps, PathStep, i).key);
  g_array_unref (steps);
  return NULL;
}

static void
free_path (GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    g_free (g_array_index (steps, PathStep, i).key);
  g_array_unref (steps);
}

static JsonNode *
step_into (JsonNode *node, const PathStep *step)
{
  if (node == NULL)
    return NULL;
  if (step->key)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      return json_object_get_member (json_node_get_object (node), step->key);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node)
      || step->index >= json_array_get_length (json_node_get_array (node)))
    return NULL;
  return json_array_get_element (json_node_get_array (node), step->index);
}

JsonNode *
gs_json_lookup (JsonNode *root, const char *path)
{
  GArray *steps;
  JsonNode *node = root;
  if (path == NULL || *path == '\0')
    return root;
  steps = parse_path (path);
  if (steps == NULL)
    return NULL;
  for (guint i = 0; i < steps->len && node; i++)
    node = step_into (node, &g_array_index (steps, PathStep, i));
  free_path (steps);
  return node;
}

/* Replaces (or adds, for an object member) the node at path; takes ownership
 * of value.  The member keeps its place so a save stays in the same order. */
gboolean
gs_json_replace (JsonNode *root, const char *path, JsonNode *value, GError **error)
{
  GArray *steps = parse_path (path ? path : "");
  JsonNode *parent = root;
  const PathStep *last;

  if (steps == NULL || steps->len == 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("“%s” is not a field path"), path);
      if (steps)
        free_path (steps);
      json_node_unref (value);
      return FALSE;
    }
  for (guint i = 0; i + 1 < steps->len && parent; i++)
    parent = step_into (parent, &g_array_index (steps, PathStep, i));
  last = &g_array_index (steps, PathStep, steps->len - 1);

  if (parent && last->key && JSON_NODE_HOLDS_OBJECT (parent))
    {
      JsonObject *obj = json_node_get_object (parent);
      if (json_object_has_member (obj, last->key))
        {
          /* Rebuild to keep member order (set_member may move it). */
          g_autoptr (GList) members = json_object_get_members (obj);
          g_autoptr (JsonObject) copy = json_object_new ();
          for (GList *l = members; l; l = l->next)
            {
              if (g_strcmp0 (l->data, last->key) == 0)
                json_object_set_member (copy, l->data, json_node_ref (value));
              else
                json_object_set_member (copy, l->data,
                                        json_node_ref (json_object_get_member (obj, l->data)));
            }
          json_node_set_object (parent, copy);
          json_node_unref (value);
        }
      else
        json_object_set_member (obj, last->key, value);
      free_path (steps);
      return TRUE;
    }
  if (parent && !last->key && JSON_NODE_HOLDS_ARRAY (parent))
    {
      JsonArray *array = json_node_get_array (parent);
      guint n = json_array_get_length (array);
      if (last->index <= n)
        {
          g_autoptr (JsonArray) copy = json_array_sized_new (n + 1);
          for (guint i = 0; i < n; i++)
            json_array_add_element (
                copy, json_node_ref (i == last->index ? value : json_array_get_element (array, i)));
          if (last->index == n)
            json_array_add_element (copy, json_node_ref (value));
          json_node_set_array (parent, copy);
          json_node_unref (value);
          free_path (steps);
          return TRUE;
        }
    }
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s: no such field in the plan"), path);
  free_path (steps);
  json_node_unref (value);
  return FALSE;
}

gboolean
gs_json_remove (JsonNode *root, const char *path)
{
  GArray *steps = parse_path (path ? path : "");
  JsonNode *parent = root;
  const PathStep *last;
  gboolean removed = FALSE;

  if (steps == NULL || steps->len == 0)
    {
      if (steps)
        free_path (steps);
      return FALSE;
    }
  for (guint i = 0; i + 1 < steps->len && parent; i++)
    parent = step_into (parent, &g_array_index (steps, PathStep, i));
  last = &g_array_index (steps, PathStep, steps->len - 1);
  if (parent && last->key && JSON_NODE_HOLDS_OBJECT (parent)
      && json_object_has_member (json_node_get_object (parent), last->key))
    {
      json_object_remove_member (json_node_get_object (parent), last->key);
      removed = TRUE;
    }
  else if (parent && !last->key && JSON_NODE_HOLDS_ARRAY (parent)
           && last->index < json_array_get_length (json_node_get_array (parent)))
    {
      json_array_remove_element (json_node_get_array (parent), last->index);
      removed = TRUE;
    }
  free_path (steps);
  return removed;
}

/* A new node holding node's object or array whose members are node's own
 * (referenced, not copied), but for the one at step, which is replacement. */
static JsonNode *
copy_one_level (JsonNode *node, const PathStep *step, JsonNode *replacement)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr (JsonObject) out = json_object_new ();
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;
      json_object_iter_init_ordered (&iter, obj);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        json_object_set_member (out, key,
                                replacement && step && step->key && strcmp (key, step->key) == 0
                                    ? json_node_ref (replacement)
                                    : json_node_ref (member));
      return json_node_init_object (json_node_alloc (), out);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      g_autoptr (JsonArray) out = json_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        json_array_add_element (out, replacement && step && !step->key && step->index == i
                                         ? json_node_ref (replacement)
                                         : json_node_ref (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), out);
    }
  return json_node_copy (node);
}

JsonNode *
gs_json_copy_path (JsonNode *root, const char *path)
{
  GArray *steps = parse_path (path ? path : "");
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  JsonNode *copy = NULL;
  JsonNode *node = root;

  if (steps == NULL)
    return json_node_ref (root); /* gs_json_replace refuses the path */
  /* The nodes from the root to the parent of the last step. */
  g_ptr_array_add (chain, root);
  for (guint i = 0; i + 1 < steps->len; i++)
    {
      node = step_into (node, &g_array_index (steps, PathStep, i));
      if (node == NULL)
        break;
      g_ptr_array_add (chain, node);
    }
  /* Bottom up: each level's copy holds the copy of the level below. */
  for (guint i = chain->len; i-- > 0;)
    {
      JsonNode *level
          = copy_one_level (g_ptr_array_index (chain, i),
                            i < steps->len ? &g_array_index (steps, PathStep, i) : NULL, copy);
      g_clear_pointer (&copy, json_node_unref);
      copy = level;
    }
  free_path (steps);
  return copy;
}

JsonNode *
gs_json_deep_copy_sharing (JsonNode *node, const char *shared)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (obj);
      g_autoptr (JsonObject) out = json_object_new ();
      for (GList *l = members; l; l = l->next)
        {
          JsonNode *member = json_object_get_member (obj, l->data);
          json_object_set_member (out, l->data,
                                  shared && strcmp (l->data, shared) == 0
                                      ? json_node_ref (member)
                                      : gs_json_deep_copy (member));
        }
      return json_node_init_object (json_node_alloc (), out);
    }
  return gs_json_deep_copy (node);
}

JsonNode *
gs_json_deep_copy (JsonNode *node)
{
  JsonNode *copy;
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return gs_json_deep_copy_sharing (node, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      g_autoptr (JsonArray) out = json_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        json_array_add_element (out, gs_json_deep_copy (json_array_get_element (array, i)));
      copy = json_node_alloc ();
      json_node_init_array (copy, out);
      return copy;
    }
  return json_node_copy (node);
}

gboolean
gs_json_equal (JsonNode *a, JsonNode *b)
{
  g_autofree char *ta = gs_json_to_text (a);
  g_autofree char *tb = gs_json_to_text (b);
  return g_strcmp0 (ta, tb) == 0;
}
