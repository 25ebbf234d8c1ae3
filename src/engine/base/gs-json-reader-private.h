/* gs-json-reader-private.h — JSON text into a json-glib tree (base floor only).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "gs-json.h"
#include "gs-json-rows.h"

G_BEGIN_DECLS

/* Where a value lies in the text: bytes [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} GsJsonSpan;

/* The header of a list written as rows (gs-json-rows.h). */
typedef struct
{
  char **fields; /* NULL-terminated */
  guint n_fields;
  char ***texts;  /* per field: its texts, NULL-terminated, or NULL */
  guint *n_texts; /* per field */
} GsJsonRows;

/* One list read without a tree: its elements' spans (a record's object,
 * or its row when the list is written as rows). */
typedef struct
{
  char *path;         /* "actuals.deals", "compensation.roles[2].people" */
  char *member;       /* its name in parent */
  JsonObject *parent; /* the object holding null in its place (a reference) */
  GArray *spans;      /* of GsJsonSpan */
  GsJsonRows *rows;   /* the header when written as rows, else NULL */
  GsJsonSpan whole;   /* the list's value as written, "[" or "{" to its end */
  /* Rows passed by their lines, not read (gs_json_parse_skimming): each
   * row is checked when first read (gs_json_deferred_row), its bit set in
   * checked (atomic: two threads read rows); body is what lies between
   * the rows list's "[" and "]"; depth, the rows list's nesting; extra,
   * the values of rows checked the long way beyond one per field (atomic);
   * failed, set when a row is not as the checks want it. */
  gboolean unchecked;
  guint *checked;
  GsJsonSpan body;
  guint depth;
  gssize extra;
  gint failed;
} GsJsonDeferredList;

struct _GsJsonDeferred /* an atomic reference-counted box */
{
  GBytes *text;
  GPtrArray *lists; /* of GsJsonDeferredList */
  /* Some list's rows were passed unchecked (gs_json_parse_skimming); the
   * values counted outside them (values_known: the whole text's counted
   * already). */
  gboolean unchecked;
  gboolean values_known;
  gsize values;
};

/* The tree of len bytes of UTF-8 JSON text (RFC 8259; a leading byte order
 * mark is skipped).  For gs_json_parse, which has checked the text first:
 * call it only after those checks. */
JsonNode *
gs_json_read_tree (const char *text, gsize len, GError **error);
/* The same, but the lists at paths (gs_json_parse_deferring, at most 32)
 * are checked without being built: the tree holds null in their place and
 * *deferred their elements' spans (NULL when no list was deferred). */
JsonNode *
gs_json_read_tree_deferring (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                             GError **error);
/* The same, and a list at paths written as rows whose rows are one to a
 * line is passed by its lines, not read (GsJsonDeferredList.unchecked);
 * skimmed (when given) is called, once, before a list that is not is read
 * the usual way. */
JsonNode *
gs_json_read_tree_skimming (GBytes *text, const char *const *paths, GsJsonDeferred **deferred,
                            void (*skimmed) (gpointer data), gpointer data, GError **error);
/* Whether len bytes of text are one JSON value and nothing else, as the
 * reader reads it (no message; the checks of gs-json.c are not made). */
gboolean
gs_json_read_only_value (const char *text, gsize len);
/* The tree of a span read before by gs_json_read_tree_deferring. */
JsonNode *
gs_json_read_span (GBytes *text, const GsJsonSpan *span);
/* The same span into flat when it is an object whose members are all text
 * (FALSE otherwise). */
gboolean
gs_json_read_span_flat (GBytes *text, const GsJsonSpan *span, GsJsonFlat *flat);

/* Where the run of plain text in quotes from at ends in t (len bytes): the
 * first '"', '\\' or control character (below 0x20), or len (at when at
 * is past len).  Eight bytes at a time: the lowest flagged byte of a word
 * is the first such byte (a borrow only carries upwards from a byte that is
 * one), so most texts of a row, which end within a word or two, take no
 * byte-by-byte loop.  Inline: the three passes over a row (gs-json.c's
 * check, the reader, gs-json-rows.c) call it for each of its texts. */
static inline gsize
gs_json_run_end_ (const char *t, gsize at, gsize len, gboolean ascii)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
#ifdef __SSE2__
  /* Sixteen bytes at a time where SSE2 is (every x86-64): the same bytes
   * flagged, a bit each. */
  const __m128i quote16 = _mm_set1_epi8 ('"'), slash16 = _mm_set1_epi8 ('\\');
  const __m128i below16 = _mm_set1_epi8 (0x1f);
  while (at + 16 <= len)
    {
      __m128i w = _mm_loadu_si128 ((const __m128i *) (const void *) (t + at));
      __m128i hit
          = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (w, quote16), _mm_cmpeq_epi8 (w, slash16)),
                          _mm_cmpeq_epi8 (_mm_min_epu8 (w, below16), w));
      int bits = _mm_movemask_epi8 (hit) | (ascii ? _mm_movemask_epi8 (w) : 0);
      if (bits != 0)
        return at + (gsize) __builtin_ctz ((unsigned) bits);
      at += 16;
    }
#endif
  while (at + 8 <= len) /* at may be len + 1: after a backslash at the end */
    {
      guint64 w, quote, slash, hit;
      memcpy (&w, t + at, 8);
      w = GUINT64_FROM_LE (w); /* the first byte lowest */
      quote = w ^ (ones * '"');
      slash = w ^ (ones * '\\');
      /* A byte below 0x20, or equal to '"' or '\\' (a zero byte of quote
       * or slash), sets its high bit here; no such byte, no bit. */
      hit = (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((slash - ones) & ~slash)
             | (ascii ? w : 0))
            & high;
      if (hit != 0)
        return at + (gsize) (__builtin_ctzll (hit) / 8);
      at += 8;
    }
  while (at < len && t[at] != '"' && t[at] != '\\' && (guchar) t[at] >= 0x20
         && (!ascii || (guchar) t[at] < 0x80))
    at++;
  return at;
}

static inline gsize
gs_json_plain_run_end (const char *t, gsize at, gsize len)
{
  return gs_json_run_end_ (t, at, len, FALSE);
}

/* The same, stopping at a byte of 0x80 or more too (UTF-8 to check). */
static inline gsize
gs_json_ascii_run_end (const char *t, gsize at, gsize len)
{
  return gs_json_run_end_ (t, at, len, TRUE);
}

/* "text", "a number", "a list", … as messages name a value's kind. */
const char *
gs_json_node_kind (JsonNode *node);
/* The header of rows read (their "fields" and "texts" members, the rows
 * themselves left out) checked and kept; NULL with a message naming path's
 * member when it is not one (gs-json-rows.c). */
GsJsonRows *
gs_json_rows_new (JsonObject *header, const char *path, GError **error);
void
gs_json_rows_free (GsJsonRows *rows);
/* Row index (at span in t) of the list at path: its values checked
 * against rows (gs_json_deferred_row). */
gboolean
gs_json_rows_read_row (const char *t, const GsJsonSpan *span, const GsJsonRows *rows,
                       const char *path, guint index, GsJsonRowValue *values, GError **error);
/* The same for a row not checked before (GsJsonDeferredList.unchecked):
 * GS_JSON_ROW_PLAIN when the row is a list of plain values that the checks
 * and the reader accept (read as gs_json_rows_read_row reads it),
 * GS_JSON_ROW_LONG when it is anything else (to be checked the long way,
 * then read), GS_JSON_ROW_FAILED when the row's values are not what rows
 * want (the message in error, as gs_json_rows_read_row gives it). */
typedef enum
{
  GS_JSON_ROW_PLAIN,
  GS_JSON_ROW_LONG,
  GS_JSON_ROW_FAILED,
} GsJsonRowCheck;
GsJsonRowCheck
gs_json_rows_check_row (const char *t, const GsJsonSpan *span, const GsJsonRows *rows,
                        const char *path, guint index, GsJsonRowValue *values, GError **error);
/* A row read before (span) as the record it stands for. */
JsonNode *
gs_json_rows_record (GBytes *text, const GsJsonSpan *span, const GsJsonRows *rows);

G_END_DECLS
