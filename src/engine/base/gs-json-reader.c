/* gs-json-reader.c — JSON text into a json-glib tree, strictly and fast.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's JsonParser tokenises with GScanner and emits a signal per
 * object member; on a plan with 100,000 imported deals that was two thirds
 * of the time it takes to open the plan.  This reader builds the same tree
 * (members in file order, whole numbers as gint64, others as double) in
 * one pass over the text.  It reads RFC 8259 JSON and nothing else: the
 * comments, single quotes, hexadecimal and ".5" that GScanner let through
 * are refused with the line and column, so a plan that loads here loads in
 * any JSON tool.  gs_json_parse has already refused what the checks in
 * gs-json.c look for (text escapes, nesting, NaN, oversized integers), so
 * this reader can trust escapes and depth.
 */
#include "gs-json-reader-private.h"
#include "gs-error.h"
#include "gs-large-alloc.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  const char *text;
  gsize len;
  gsize at;
  GString *scratch; /* one text at a time, reused */
  GError **error;
  /* Lists read without a tree (gs_json_parse_deferring): their paths as
   * steps, a member name or "[]" for any element (NULL: none), the path of
   * the value being read (kept only while it is on the way to one of them)
   * and the lists found. */
  GPtrArray *patterns; /* of GStrv */
  GString *path;
  GPtrArray *deferred; /* of GsJsonDeferredList */
  guint32 rows_ok;     /* the patterns whose list may be written as rows */
  /* Lists and objects open, and elements and members read: bounded, for a
   * text read while gs-json.c still checks it (below, "guards"). */
  guint depth;
  gsize values;
  /* Rows lists passed by their lines (gs_json_read_tree_skimming), and
   * what to call before one is read the usual way instead. */
  gboolean skim;
  void (*skimmed) (gpointer data);
  gpointer skimmed_data;
} Reader;

/* The guards.  A large text is read while another thread checks it
 * (gs_json_parse_deferring): what the checks refuse (nesting too deep for
 * the stack, more values than a plan may hold, an escape cut short by the
 * end of the text) must not crash this reader or fill the memory first.
 * Each guard is looser than the check it stands in for, so it never stops a
 * text that passes the checks, and a text that fails them is read again
 * after them for its message: the guards' own words are never shown. */
#define GUARD_DEPTH 1024
#define GUARD_VALUES ((gsize) GS_JSON_MAX_VALUES + 1)

/* Line and column (in characters, from 1) of a byte offset: worked out only
 * for a message, so reading costs nothing for them. */
static void
position (const Reader *r, gsize offset, guint *line, guint *column)
{
  gsize start = 0;
  *line = 1;
  for (gsize i = 0; i < offset && i < r->len; i++)
    if (r->text[i] == '\n')
      {
        (*line)++;
        start = i + 1;
      }
  *column = (guint) g_utf8_strlen (r->text + start, (gssize) (MIN (offset, r->len) - start)) + 1;
}

static gboolean G_GNUC_PRINTF (3, 4) fail (Reader *r, gsize offset, const char *format, ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  position (r, offset, &line, &column);
  g_set_error (r->error, GS_ERROR, GS_ERROR_PARSE, _ ("not valid JSON: line %u, column %u: %s"),
               line, column, what);
  return FALSE;
}

/* "unexpected character “x”", or the end of the file, then what was
 * expected there. */
static gboolean
unexpected (Reader *r, const char *expected)
{
  if (r->at >= r->len)
    /* Translators: the end of a file reached too early; %s says what was
     * still expected, e.g. "“,” or “}”". */
    return fail (r, r->at, _ ("unexpected end of file, expected %s"), expected);
  {
    const char *c = r->text + r->at;
    const char *next = g_utf8_next_char (c);
    g_autofree char *shown = g_ascii_isprint (*c) || (guchar) *c >= 0x80
                                 ? g_strndup (c, (gsize) (next - c))
                                 : g_strdup_printf ("\\u%04X", (guint) (guchar) *c);
    /* Translators: a character in the file, then what was expected. */
    return fail (r, r->at, _ ("unexpected character “%s”, expected %s"), shown, expected);
  }
}

static void
skip_space (Reader *r)
{
  while (r->at < r->len)
    {
      char c = r->text[r->at];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
        return;
      r->at++;
    }
}

static guint
hex4 (const char *p)
{
  guint value = 0;
  for (int k = 0; k < 4; k++)
    value = value * 16 + (guint) g_ascii_xdigit_value (p[k]);
  return value;
}

/* The text in quotes at r->at into r->scratch.  Escapes were checked before
 * reading (gs-json.c), so every \u here is four hex digits and a surrogate
 * has its pair. */
static gboolean
read_string (Reader *r)
{
  gsize open = r->at++;
  g_string_truncate (r->scratch, 0);
  for (;;)
    {
      gsize run = r->at;
      while (r->at < r->len)
        {
          guchar c = (guchar) r->text[r->at];
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          r->at++;
        }
      g_string_append_len (r->scratch, r->text + run, (gssize) (r->at - run));
      if (r->at >= r->len)
        return fail (r, open, _ ("text in quotes is not closed"));
      switch (r->text[r->at])
        {
        case '"':
          r->at++;
          return TRUE;
        case '\\':
          {
            char e;
            if (r->len - r->at < 2) /* a guard */
              return fail (r, r->at, "an escape cut short");
            e = r->text[r->at + 1];
            r->at += 2;
            switch (e)
              {
              case 'b':
                g_string_append_c (r->scratch, '\b');
                break;
              case 'f':
                g_string_append_c (r->scratch, '\f');
                break;
              case 'n':
                g_string_append_c (r->scratch, '\n');
                break;
              case 'r':
                g_string_append_c (r->scratch, '\r');
                break;
              case 't':
                g_string_append_c (r->scratch, '\t');
                break;
              case 'u':
                {
                  gunichar unit;
                  if (r->len - r->at < 4) /* a guard */
                    return fail (r, r->at, "an escape cut short");
                  unit = hex4 (r->text + r->at);
                  r->at += 4;
                  if (unit >= 0xD800 && unit <= 0xDBFF)
                    {
                      if (r->len - r->at < 6) /* a guard */
                        return fail (r, r->at, "an escape cut short");
                      gunichar low = hex4 (r->text + r->at + 2);
                      r->at += 6;
                      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    }
                  g_string_append_unichar (r->scratch, unit);
                  break;
                }
              default: /* " \ / */
                g_string_append_c (r->scratch, e);
              }
            break;
          }
        default:
          /* Translators: a control character (a line break, a tab) typed
           * inside text in quotes; JSON writes it as \n or \t. */
          return fail (r, r->at,
                       _ ("a control character inside text in quotes (write a line break as \\n "
                          "and a tab as \\t)"));
        }
    }
}

/* The same check as read_string without keeping the text (a list read
 * without a tree): escapes were checked before, so a backslash only hides
 * the byte after it. */
static gboolean
pass_string (Reader *r)
{
  gsize open = r->at++;
  for (;;)
    {
      guchar c;
      while (r->at < r->len && (c = (guchar) r->text[r->at]) != '"' && c != '\\' && c >= 0x20)
        r->at++;
      if (r->at >= r->len)
        return fail (r, open, _ ("text in quotes is not closed"));
      switch (r->text[r->at])
        {
        case '"':
          r->at++;
          return TRUE;
        case '\\':
          r->at += 2;
          break;
        default:
          return fail (r, r->at,
                       _ ("a control character inside text in quotes (write a line break as \\n "
                          "and a tab as \\t)"));
        }
    }
}

static gboolean
is_digit (const Reader *r, gsize at)
{
  return at < r->len && g_ascii_isdigit (r->text[at]);
}

/* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?  Moves r->at past
 * the number; *whole when it has no fraction or exponent. */
static gboolean
scan_number (Reader *r, gboolean *whole)
{
  gsize start = r->at, at = r->at;

  *whole = TRUE;
  if (r->text[at] == '-')
    at++;
  if (!is_digit (r, at))
    {
      r->at = at;
      return unexpected (r, _ ("a digit"));
    }
  if (r->text[at] == '0' && is_digit (r, at + 1))
    return fail (r, start,
                 _ ("a number must not begin with 0 followed by digits (07 is written 7)"));
  while (is_digit (r, at))
    at++;
  if (at < r->len && r->text[at] == '.')
    {
      *whole = FALSE;
      if (!is_digit (r, ++at))
        {
          r->at = at;
          return unexpected (r, _ ("a digit after the decimal point"));
        }
      while (is_digit (r, at))
        at++;
    }
  if (at < r->len && (r->text[at] == 'e' || r->text[at] == 'E'))
    {
      *whole = FALSE;
      at++;
      if (at < r->len && (r->text[at] == '+' || r->text[at] == '-'))
        at++;
      if (!is_digit (r, at))
        {
          r->at = at;
          return unexpected (r, _ ("a digit in the exponent"));
        }
      while (is_digit (r, at))
        at++;
    }
  r->at = at;
  return TRUE;
}

static JsonNode *
read_number (Reader *r)
{
  gsize start = r->at, at;
  gboolean whole;
  char buf[64];
  JsonNode *node;

  if (!scan_number (r, &whole))
    return NULL;
  at = r->at;
  if (at - start >= sizeof buf)
    {
      /* Longer than any double needs: read it from a copy of its own. */
      g_autofree char *copy = g_strndup (r->text + start, at - start);
      node = json_node_alloc ();
      return json_node_init_double (node, g_ascii_strtod (copy, NULL));
    }
  memcpy (buf, r->text + start, at - start);
  buf[at - start] = '\0';
  node = json_node_alloc ();
  if (whole) /* at most 18 digits (gs-json.c refuses longer): fits gint64 */
    return json_node_init_int (node, g_ascii_strtoll (buf, NULL, 10));
  return json_node_init_double (node, g_ascii_strtod (buf, NULL));
}

static gboolean
word (Reader *r, const char *w)
{
  gsize n = strlen (w);
  if (r->len - r->at < n || memcmp (r->text + r->at, w, n) != 0)
    return FALSE;
  if (r->at + n < r->len && g_ascii_isalnum (r->text[r->at + n]))
    return FALSE;
  r->at += n;
  return TRUE;
}

/* Where a value stands, for reading lists without a tree
 * (gs_json_parse_deferring): the patterns whose first depth steps its path
 * matches (a bit each; 0 anywhere else). */
typedef struct
{
  guint32 live;
  guint depth;
} Where;

static const Where ANYWHERE = { 0, 0 };

/* The patterns of w whose next step is step (a member name, or "[]"). */
static Where
step_into (const Reader *r, Where w, const char *step)
{
  Where in = { 0, w.depth + 1 };
  for (guint p = 0; w.live && p < r->patterns->len; p++)
    if ((w.live & (1u << p)) && g_strcmp0 (((char **) r->patterns->pdata[p])[w.depth], step) == 0)
      in.live |= 1u << p;
  return in;
}

/* Whether some pattern of w ends at w's depth: the value there is a list to
 * read without a tree. */
static gboolean
pattern_ends (const Reader *r, Where w)
{
  for (guint p = 0; w.live && p < r->patterns->len; p++)
    if ((w.live & (1u << p)) && ((char **) r->patterns->pdata[p])[w.depth] == NULL)
      return TRUE;
  return FALSE;
}

/* Whether a pattern of w that ends there allows rows (gs-json-rows.h). */
static gboolean
pattern_rows (const Reader *r, Where w)
{
  for (guint p = 0; w.live && p < r->patterns->len; p++)
    if ((w.live & (1u << p)) && (r->rows_ok & (1u << p))
        && ((char **) r->patterns->pdata[p])[w.depth] == NULL)
      return TRUE;
  return FALSE;
}

/* Every reader below checks the text the same way; it builds the tree into
 * *out only when out is given (a deferred list is checked, not built). */
/* After a member or an element: a "," (*more TRUE) or the closing mark
 * (*more FALSE), each read; anything else is unexpected. */
static gboolean
next_or_close (Reader *r, char close, const char *expected, gboolean *more)
{
  skip_space (r);
  if (r->at < r->len && (r->text[r->at] == ',' || r->text[r->at] == close))
    {
      *more = r->text[r->at++] == ',';
      return TRUE;
    }
  return unexpected (r, expected);
}

static gboolean
read_value (Reader *r, Where where, JsonNode **out);

/* "the field “x” appears twice": json-glib would keep the last of the two
 * and say nothing; a plan that means two things is refused instead. */
static gboolean
twice (Reader *r, gsize key_at, const char *key)
{
  guint line, column;
  position (r, key_at, &line, &column);
  /* Translators: a line number, then a field name. */
  g_set_error (r->error, GS_ERROR, GS_ERROR_PARSE,
               _ ("line %u: the field “%s” appears twice in the same object; keep one"), line, key);
  return FALSE;
}

static gboolean
read_array (Reader *r, GArray *spans, Where where, JsonNode **out);

/* The text is read the usual way from here (a rows list that is not passed
 * by its lines, or many values: a long list of people): the caller of gs_json_read_tree_skimming is
 * told, once, to check it on another thread meanwhile. */
#define SKIM_USUAL_VALUES 65536
static void
not_skimmed (Reader *r)
{
  void (*skimmed) (gpointer) = r->skimmed;
  r->skimmed = NULL;
  if (skimmed != NULL)
    skimmed (r->skimmed_data);
}

/* The list's elements checked and their spans kept; the tree holds null
 * in its place until gs_json_deferred_materialize. */
static GsJsonDeferredList *
defer_list (Reader *r, const char *key, JsonNode **out)
{
  GsJsonDeferredList *list = g_new0 (GsJsonDeferredList, 1);
  list->path = g_strdup (r->path->str);
  list->member = g_strdup (key);
  list->spans = g_array_new (FALSE, FALSE, sizeof (GsJsonSpan));
  g_ptr_array_add (r->deferred, list);
  list->whole.start = r->at;
  if (!read_array (r, list->spans, ANYWHERE, NULL))
    return NULL;
  list->whole.end = r->at;
  *out = json_node_init_null (json_node_alloc ());
  return list;
}

/* The rows list at r->at ("[") passed by its lines, when each row is on a
 * line of its own as Goalsheet writes them ("[" and spaces, then per row a
 * line "[…]," or, the last, "[…]", then spaces and "]"): each row's span
 * from its "[" to the "]" that ends its line, found with memchr, nothing in
 * it read.  The rows are checked when first read (gs_json_deferred_row),
 * one walk each instead of three (the token check, this reader, the
 * rows' values): a row that is not one JSON list, or a line that holds
 * more than a row, fails there, and the plan is read again the usual way.
 * FALSE (spans and r->at as they were) when the lines are not so. */
static gboolean
skim_rows (Reader *r, GsJsonDeferredList *list)
{
  const char *t = r->text;
  gsize len = r->len, at = r->at + 1;
  GsJsonSpan span;
  /* No more than the room defer_rows reserved from an earlier place. */
  guint n = 0, room = MAX ((guint) MIN ((len - r->at) / 64, GS_JSON_MAX_VALUES), 16);

  while (at < len && (t[at] == ' ' || t[at] == '\n'))
    at++;
  if (at >= len || t[at] != '[' || r->depth + 2 >= GUARD_DEPTH)
    return FALSE; /* no rows: read as usual */
  /* The spans written in place, not appended one call each. */
  g_array_set_size (list->spans, room);
  for (;;)
    {
      const char *nl = memchr (t + at, '\n', len - at);
      gsize e;
      gboolean more;
      if (nl == NULL)
        break;
      e = (gsize) (nl - t);
      span.start = at;
      if (t[e - 1] == ',' && e - 2 > at && t[e - 2] == ']')
        span.end = e - 1, more = TRUE;
      else if (t[e - 1] == ']' && e - 1 > at)
        span.end = e, more = FALSE;
      else
        {
          /* A row over lines (one with a nested list, as a deal's splits
           * are written): read to find its end, checked when read. */
          gsize before = r->at;
          r->at = at;
          if (!read_value (r, ANYWHERE, NULL))
            {
              g_clear_error (r->error);
              r->at = before;
              break;
            }
          span.end = r->at;
          r->at = before;
          if (span.end + 1 < len && t[span.end] == ',' && t[span.end + 1] == '\n')
            e = span.end + 1, more = TRUE;
          else if (span.end < len && t[span.end] == '\n')
            e = span.end, more = FALSE;
          else
            break;
        }
      if (n >= GS_JSON_MAX_VALUES)
        break;
      if (n == room)
        g_array_set_size (list->spans, room *= 2);
      g_array_index (list->spans, GsJsonSpan, n++) = span;
      /* The next line's indentation (8 spaces in a plan Goalsheet wrote),
       * eight bytes a step: a byte a step was half the pass. */
      for (at = e + 1; at + 8 <= len; at += 8)
        {
          guint64 word;
          memcpy (&word, t + at, 8);
          if (word != 0x2020202020202020u)
            break;
        }
      for (; at < len && t[at] == ' '; at++)
        ;
      if (more && at < len && t[at] == '[')
        continue;
      if (more || at >= len || t[at] != ']')
        break;
      g_array_set_size (list->spans, n);
      list->unchecked = TRUE;
      list->checked = g_new0 (guint, n / 32 + 1);
      list->body.start = r->at + 1;
      list->body.end = at;
      list->depth = r->depth + 2; /* the object of rows, then its list */
      r->at = at + 1;
      return TRUE;
    }
  g_array_set_size (list->spans, 0);
  return FALSE;
}

/* The same list written as rows (gs-json-rows.h): its header read into a
 * small tree and checked, each row checked as JSON and its span kept; the
 * values in a row are checked when the records are decoded
 * (gs_json_deferred_row). */
static GsJsonDeferredList *
defer_rows (Reader *r, const char *key, JsonNode **out)
{
  g_autoptr (JsonObject) header = json_object_new ();
  GsJsonDeferredList *list = g_new0 (GsJsonDeferredList, 1);
  gboolean has_rows = FALSE;

  list->path = g_strdup (r->path->str);
  list->member = g_strdup (key);
  /* Room for a row in every 64 bytes of the text left (a deal's row is
   * about 100): the spans of 100,000 rows were copied as the array grew. */
  list->spans = g_array_sized_new (FALSE, FALSE, sizeof (GsJsonSpan),
                                   (guint) MIN ((r->len - r->at) / 64, GS_JSON_MAX_VALUES));
  /* The pages of the room for a row in every 96 bytes at once, rather than
   * a page fault each as the spans are added (about 400 at 100,000 rows). */
  gs_large_populate (list->spans->data,
                     MIN ((r->len - r->at) / 96, GS_JSON_MAX_VALUES) * sizeof (GsJsonSpan));
  g_ptr_array_add (r->deferred, list);
  list->whole.start = r->at;
  r->at++; /* { */
  skip_space (r);
  if (r->at < r->len && r->text[r->at] == '}')
    r->at++;
  else
    for (;;)
      {
        g_autofree char *name = NULL;
        gsize name_at;
        gboolean more = FALSE;
        skip_space (r);
        name_at = r->at;
        if (r->at >= r->len || r->text[r->at] != '"')
          return unexpected (r, _ ("a field name in double quotes")), NULL;
        if (!read_string (r))
          return NULL;
        name = g_strndup (r->scratch->str, r->scratch->len);
        if (json_object_has_member (header, name) || (has_rows && strcmp (name, "rows") == 0))
          return twice (r, name_at, name), NULL;
        skip_space (r);
        if (r->at >= r->len || r->text[r->at] != ':')
          return unexpected (r, _ ("“:” after the field name")), NULL;
        r->at++;
        skip_space (r);
        if (strcmp (name, "rows") == 0 && r->at < r->len && r->text[r->at] == '[')
          {
            if (r->skim && skim_rows (r, list))
              ; /* each row checked when first read */
            else
              {
                not_skimmed (r);
                if (!read_array (r, list->spans, ANYWHERE, NULL))
                  return NULL;
              }
            has_rows = TRUE;
          }
        else
          {
            JsonNode *value = NULL;
            if (!read_value (r, ANYWHERE, &value))
              return NULL;
            json_object_set_member (header, name, value);
          }
        if (!next_or_close (r, '}', _ ("“,” or “}”"), &more))
          return NULL;
        if (!more)
          break;
      }
  if (!has_rows && !json_object_has_member (header, "rows"))
    json_object_set_null_member (header, "rows"); /* "is missing" */
  if ((list->rows = gs_json_rows_new (header, r->path->str, r->error)) == NULL)
    return NULL;
  list->whole.end = r->at;
  *out = json_node_init_null (json_node_alloc ());
  return list;
}

/* A member's value (in where, the object's place): a list read without a
 * tree (then *deferred is its entry) or any other value. */
static gboolean
read_member (Reader *r, Where where, const char *key, JsonNode **out, GsJsonDeferredList **deferred)
{
  Where in = step_into (r, where, key);
  gsize at;
  gboolean ok;

  if (in.live == 0)
    return read_value (r, in, out);
  at = r->path->len;
  if (at)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);
  skip_space (r);
  if (out && pattern_ends (r, in) && r->at < r->len && r->text[r->at] == '[')
    ok = (*deferred = defer_list (r, key, out)) != NULL;
  else if (out && pattern_rows (r, in) && r->at < r->len && r->text[r->at] == '{')
    ok = (*deferred = defer_rows (r, key, out)) != NULL;
  else
    ok = read_value (r, in, out);
  g_string_truncate (r->path, at);
  return ok;
}

static gboolean
read_object (Reader *r, Where where, JsonNode **out)
{
  g_autoptr (JsonObject) object = out ? json_object_new () : NULL;
  g_autoptr (GPtrArray) keys = out ? NULL : g_ptr_array_new_with_free_func (g_free);

  r->at++; /* { */
  skip_space (r);
  if (r->at < r->len && r->text[r->at] == '}')
    r->at++;
  else
    for (;;)
      {
        g_autofree char *key = NULL;
        gsize key_at;
        gboolean more = FALSE;
        JsonNode *value = NULL;
        GsJsonDeferredList *deferred = NULL;

        skip_space (r);
        key_at = r->at;
        if (++r->values > GUARD_VALUES) /* a guard */
          return fail (r, r->at, "too many values");
        if (r->values == SKIM_USUAL_VALUES)
          not_skimmed (r);
        if (r->at >= r->len || r->text[r->at] != '"')
          return unexpected (r, _ ("a field name in double quotes"));
        if (!read_string (r))
          return FALSE;
        key = g_strndup (r->scratch->str, r->scratch->len);
        if (object ? json_object_has_member (object, key)
                   : g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
          return twice (r, key_at, key);
        skip_space (r);
        if (r->at >= r->len || r->text[r->at] != ':')
          return unexpected (r, _ ("“:” after the field name"));
        r->at++;
        if (!read_member (r, where, key, out ? &value : NULL, &deferred))
          return FALSE;
        if (deferred)
          deferred->parent = json_object_ref (object);
        if (object)
          json_object_set_member (object, key, value);
        else
          g_ptr_array_add (keys, g_steal_pointer (&key));
        if (!next_or_close (r, '}', _ ("“,” or “}”"), &more))
          return FALSE;
        if (!more)
          break;
      }
  if (out)
    *out = json_node_init_object (json_node_alloc (), object);
  return TRUE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* A list of plain values at r->at, a row of a list written as rows
 * (["9001", "Deal", "25000.00", 0, null]), checked in one loop: texts,
 * numbers, true, false and null, exactly as read_value would accept them.
 * TRUE with r->at past the list; FALSE with r->at unchanged for anything
 * else (a nested value, an empty list, anything read_value would refuse),
 * which is then read the usual way and gets its usual message. */
static gboolean
pass_plain_list (Reader *r)
{
  const char *t = r->text;
  gsize at = r->at + 1, len = r->len;

  for (;;)
    {
      char c;
      while (at < len && is_space (t[at]))
        at++;
      if (at >= len)
        return FALSE;
      c = t[at];
      if (c == '"')
        {
          for (at = gs_json_plain_run_end (t, at + 1, len); at < len && t[at] == '\\';)
            at = gs_json_plain_run_end (t, at + 2, len); /* escapes are checked apart (gs-json.c) */
          if (at >= len || t[at] != '"')
            return FALSE; /* a control character, or the end */
          at++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
          if (c == '-')
            at++;
          if (at >= len || !g_ascii_isdigit (t[at]))
            return FALSE;
          if (t[at] == '0' && at + 1 < len && g_ascii_isdigit (t[at + 1]))
            return FALSE;
          while (at < len && g_ascii_isdigit (t[at]))
            at++;
          if (at < len && t[at] == '.')
            {
              if (++at >= len || !g_ascii_isdigit (t[at]))
                return FALSE;
              while (at < len && g_ascii_isdigit (t[at]))
                at++;
            }
          if (at < len && (t[at] == 'e' || t[at] == 'E'))
            {
              at++;
              if (at < len && (t[at] == '+' || t[at] == '-'))
                at++;
              if (at >= len || !g_ascii_isdigit (t[at]))
                return FALSE;
              while (at < len && g_ascii_isdigit (t[at]))
                at++;
            }
        }
      else if (len - at >= 4 && memcmp (t + at, "null", 4) == 0)
        at += 4;
      else if (len - at >= 4 && memcmp (t + at, "true", 4) == 0)
        at += 4;
      else if (len - at >= 5 && memcmp (t + at, "false", 5) == 0)
        at += 5;
      else
        return FALSE;
      while (at < len && is_space (t[at]))
        at++;
      if (at >= len)
        return FALSE;
      if (t[at] == ']')
        {
          r->at = at + 1;
          return TRUE;
        }
      if (t[at] != ',')
        return FALSE; /* also "nullx" and "12a": read_value says what is wrong */
      at++;
    }
}

/* Each element's span goes into spans when given. */
static gboolean
read_array (Reader *r, GArray *spans, Where where, JsonNode **out)
{
  g_autoptr (JsonArray) array = out ? json_array_new () : NULL;
  Where in = step_into (r, where, "[]");
  gsize at = r->path ? r->path->len : 0;
  guint index = 0;

  r->at++; /* [ */
  skip_space (r);
  if (r->at < r->len && r->text[r->at] == ']')
    r->at++;
  else
    for (;;)
      {
        JsonNode *element = NULL;
        GsJsonSpan span;
        gboolean more = FALSE;

        skip_space (r);
        span.start = r->at;
        if (++r->values > GUARD_VALUES) /* a guard */
          return fail (r, r->at, "too many values");
        if (r->values == SKIM_USUAL_VALUES)
          not_skimmed (r);
        if (in.live)
          g_string_append_printf (r->path, "[%u]", index);
        if (out == NULL && in.live == 0 && r->at < r->len && r->text[r->at] == '['
            && pass_plain_list (r))
          ; /* a row of plain values, checked */
        else if (!read_value (r, in, out ? &element : NULL))
          return FALSE;
        if (in.live)
          g_string_truncate (r->path, at);
        index++;
        span.end = r->at;
        if (spans)
          g_array_append_val (spans, span);
        if (array)
          json_array_add_element (array, element);
        if (!next_or_close (r, ']', _ ("“,” or “]”"), &more))
          return FALSE;
        if (!more)
          break;
      }
  if (out)
    *out = json_node_init_array (json_node_alloc (), array);
  return TRUE;
}

static gboolean
read_value (Reader *r, Where where, JsonNode **out)
{
  gboolean whole, truth;

  skip_space (r);
  if (r->at >= r->len)
    return unexpected (r, _ ("a value"));
  switch (r->text[r->at])
    {
    case '{':
    case '[':
      {
        gboolean ok;
        if (r->depth >= GUARD_DEPTH) /* a guard */
          return fail (r, r->at, "nested too deep");
        r->depth++;
        ok = r->text[r->at] == '{' ? read_object (r, where, out) : read_array (r, NULL, where, out);
        r->depth--;
        return ok;
      }
    case '"':
      if (!out)
        return pass_string (r);
      if (!read_string (r))
        return FALSE;
      *out = json_node_init_string (json_node_alloc (), r->scratch->str);
      return TRUE;
    case '-':
    case '0' ... '9':
      if (out)
        return (*out = read_number (r)) != NULL;
      return scan_number (r, &whole);
    default:
      if ((truth = word (r, "true")) || word (r, "false"))
        {
          if (out)
            *out = json_node_init_boolean (json_node_alloc (), truth);
          return TRUE;
        }
      if (word (r, "null"))
        {
          if (out)
            *out = json_node_init_null (json_node_alloc ());
          return TRUE;
        }
      return unexpected (r, _ ("a value (a number, text in double quotes, true, false, null, a "
                               "list or an object)"));
    }
}

static JsonNode *
read_document (Reader *r)
{
  JsonNode *root = NULL;

  /* A byte order mark, as Windows editors write it, is not part of JSON. */
  if (r->len >= 3 && memcmp (r->text, "\xEF\xBB\xBF", 3) == 0)
    r->at = 3;
  if (!read_value (r, (Where){ r->patterns ? (1u << r->patterns->len) - 1 : 0, 0 }, &root))
    return NULL;
  skip_space (r);
  if (r->at < r->len)
    {
      json_node_unref (root);
      unexpected (r, _ ("the end of the file after the top-level value"));
      return NULL;
    }
  return root;
}

JsonNode *
gs_json_read_tree (const char *text, gsize len, GError **error)
{
  g_autoptr (GString) scratch = g_string_sized_new (256);
  Reader r = { text, len, 0, scratch, error, NULL, NULL, NULL, 0, 0, 0 };
  return read_document (&r);
}

gboolean
gs_json_read_only_value (const char *text, gsize len)
{
  g_autoptr (GString) scratch = g_string_sized_new (64);
  Reader r = { text, len, 0, scratch, NULL, NULL, NULL, NULL, 0, 0, 0 };
  if (!read_value (&r, ANYWHERE, NULL))
    return FALSE;
  skip_space (&r);
  return r.at == len;
}

static void
deferred_list_free (GsJsonDeferredList *list)
{
  g_free (list->checked);
  g_free (list->path);
  g_free (list->member);
  g_clear_pointer (&list->parent, json_object_unref);
  g_array_unref (list->spans);
  g_clear_pointer (&list->rows, gs_json_rows_free);
  g_free (list);
}

static JsonNode *
read_deferring (GBytes *text, const char *const *paths, GsJsonDeferred **deferred, gboolean skim,
                void (*skimmed) (gpointer data), gpointer skimmed_data, GError **error);

JsonNode *
gs_json_read_tree_deferring (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                             GError **error)
{
  return read_deferring (text, paths, deferred, FALSE, NULL, NULL, error);
}

JsonNode *
gs_json_read_tree_skimming (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                            void (*skimmed) (gpointer data), gpointer skimmed_data, GError **error)
{
  return read_deferring (text, paths, deferred, TRUE, skimmed, skimmed_data, error);
}

static JsonNode *
read_deferring (GBytes *text, const char *const *paths, GsJsonDeferred **deferred, gboolean skim,
                void (*skimmed) (gpointer data), gpointer skimmed_data, GError **error)
{
  g_autoptr (GString) scratch = g_string_sized_new (256);
  g_autoptr (GString) path = g_string_sized_new (64);
  g_autoptr (GPtrArray) patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize len;
  const char *data = g_bytes_get_data (text, &len);
  Reader r = { data, len, 0, scratch, error, patterns, path, NULL, 0, 0, 0 };
  JsonNode *root;

  /* "compensation.roles[].people" as the steps compensation, roles, [], people. */
  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autoptr (GString) steps = g_string_new (paths[i]);
      if (g_str_has_suffix (steps->str, "*"))
        {
          g_string_truncate (steps, steps->len - 1);
          r.rows_ok |= 1u << i;
        }
      g_string_replace (steps, "[]", ".[]", 0);
      g_ptr_array_add (patterns, g_strsplit (steps->str, ".", -1));
    }
  g_return_val_if_fail (patterns->len <= 32, NULL);
  r.skim = skim;
  r.skimmed = skimmed;
  r.skimmed_data = skimmed_data;
  r.deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) deferred_list_free);
  root = read_document (&r);
  if (root == NULL || r.deferred->len == 0)
    {
      g_ptr_array_unref (r.deferred);
      *deferred = NULL;
      return root;
    }
  *deferred = g_atomic_rc_box_new0 (GsJsonDeferred);
  (*deferred)->text = g_bytes_ref (text);
  (*deferred)->lists = r.deferred;
  return root;
}

JsonNode *
gs_json_read_span (GBytes *text, const GsJsonSpan *span)
{
  g_autoptr (GString) scratch = g_string_sized_new (64);
  const char *data = g_bytes_get_data (text, NULL);
  Reader r = {
    data + span->start, span->end - span->start, 0, scratch, NULL, NULL, NULL, NULL, 0, 0, 0
  };
  JsonNode *node = NULL;
  /* Read once already (gs_json_read_tree_deferring): it cannot fail. */
  read_value (&r, ANYWHERE, &node);
  return node;
}

/* An object whose members are all text, read into flat (gs-json.h). */
gboolean
gs_json_read_span_flat (GBytes *text, const GsJsonSpan *span, GsJsonFlat *flat)
{
  g_autoptr (GString) scratch = g_string_sized_new (64);
  const char *data = g_bytes_get_data (text, NULL);
  Reader r = {
    data + span->start, span->end - span->start, 0, scratch, NULL, NULL, NULL, NULL, 0, 0, 0
  };

  /* Read once already (gs_json_read_tree_deferring): well-formed, no
   * member twice, so only the kinds of values are looked at here. */
  flat->n = 0;
  g_string_truncate (flat->text, 0);
  skip_space (&r);
  if (r.text[r.at] != '{')
    return FALSE;
  r.at++;
  skip_space (&r);
  if (r.text[r.at] == '}')
    return TRUE;
  for (;;)
    {
      if (flat->n == GS_JSON_FLAT_MAX)
        return FALSE;
      skip_space (&r);
      read_string (&r);
      flat->members[flat->n].name = flat->text->len;
      g_string_append_len (flat->text, scratch->str, (gssize) scratch->len + 1);
      skip_space (&r);
      r.at++; /* : */
      skip_space (&r);
      if (r.text[r.at] != '"')
        return FALSE;
      read_string (&r);
      flat->members[flat->n].value = flat->text->len;
      flat->members[flat->n].length = scratch->len;
      g_string_append_len (flat->text, scratch->str, (gssize) scratch->len + 1);
      flat->n++;
      skip_space (&r);
      if (r.text[r.at++] == '}')
        return TRUE;
    }
}
