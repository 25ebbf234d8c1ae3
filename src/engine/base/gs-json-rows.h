/* gs-json-rows.h — a long list of records written as rows: one header of
 * field names, repeated texts written once per field, one list of values
 * per record (docs/plan-format.md, "The actuals as rows").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   {"fields": ["id", "stage", "amount"],
 *    "texts": {"stage": ["won", "opportunity"]},
 *    "rows": [["9001", 0, "25000.00"], ["9002", 1, null]]}
 *
 * stands for [{"id": "9001", "stage": "won", "amount": "25000.00"},
 * {"id": "9002", "stage": "opportunity"}]: a field with texts holds the
 * number of its entry (from 0) or null; any other field holds its value as
 * the record would; null is an absent member.  A list of deferred records
 * (gs_json_parse_deferring) may be written either way: its elements read
 * as records (gs_json_deferred_element) whichever it is.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-json.h"

G_BEGIN_DECLS

typedef enum
{
  GS_JSON_ROW_NULL,  /* null: the record has no such member */
  GS_JSON_ROW_TEXT,  /* text without escapes: text, len bytes in the file (not NUL-ended) */
  GS_JSON_ROW_INDEX, /* a field with texts: the number of its entry, index */
  GS_JSON_ROW_OTHER, /* anything else: read it from gs_json_deferred_element */
} GsJsonRowKind;

typedef struct
{
  GsJsonRowKind kind;
  const char *text;
  gsize len;
  guint index;
} GsJsonRowValue;

/* The fields of the deferred list at path when it is written as rows (n of
 * them in *n), else NULL. */
const char *const *
gs_json_deferred_fields (const GsJsonDeferred *deferred, const char *path, guint *n);
/* The texts of field (its index in the fields), NULL-terminated, n in *n;
 * NULL when the field has none. */
const char *const *
gs_json_deferred_texts (const GsJsonDeferred *deferred, const char *path, guint field, guint *n);
/* Row index of the list at path: one value per field into values (as many
 * as there are fields).  FALSE with a message naming the record ("actuals.
 * deals[3]: has 10 values; …") when the row is not a list, has another
 * number of values than there are fields, or a field with texts holds
 * anything but null or the number of one of them. */
gboolean
gs_json_deferred_row (const GsJsonDeferred *deferred, const char *path, guint index,
                      GsJsonRowValue *values, GError **error);
/* The bytes of text the rows of the list at path take, first to last: no
 * fewer than the bytes of all the texts in them, each plus one. */
gsize
gs_json_deferred_rows_size (const GsJsonDeferred *deferred, const char *path);
/* The same for rows from to to - 1 (0 when from >= to). */
gsize
gs_json_deferred_rows_size_of (const GsJsonDeferred *deferred, const char *path, guint from,
                               guint to);

/* Writing records as rows.  get puts record index's members into members
 * (at most GS_JSON_ROW_MAX) and returns how many: each with its name and
 * either text (a string value) or node (any other value); what they point
 * to stays valid until the next call.  Each record is asked for twice, so
 * get must give the same members each time.  order: the field names
 * written first, in this order, when some record has them (the others
 * follow in the order they first appear); tabled: the fields whose texts
 * are written once (a field that also holds a value other than text is
 * written as its values). */
#define GS_JSON_ROW_MAX 64
typedef struct
{
  const char *name;
  const char *text;
  JsonNode *node;
} GsJsonRowMember;
typedef guint (*GsJsonRowsGet) (guint index, GsJsonRowMember *members, gpointer data);
void
gs_json_write_rows (GsJsonWriter *w, guint n, GsJsonRowsGet get, gpointer data,
                    const char *const *order, const char *const *tabled);
/* The members of an object node (a record) for gs_json_write_rows. */
guint
gs_json_row_members (JsonNode *record, GsJsonRowMember *members);

G_END_DECLS
