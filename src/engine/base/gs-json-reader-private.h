/* gs-json-reader-private.h — JSON text into a json-glib tree (base floor only).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-json.h"

G_BEGIN_DECLS

/* Where a value lies in the text: bytes [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} GsJsonSpan;

/* One list read without a tree: its elements' spans. */
typedef struct
{
  char *path;         /* "actuals.deals", "compensation.roles[2].people" */
  char *member;       /* its name in parent */
  JsonObject *parent; /* the object holding null in its place (a reference) */
  GArray *spans;      /* of GsJsonSpan */
} GsJsonDeferredList;

struct _GsJsonDeferred /* an atomic reference-counted box */
{
  GBytes *text;
  GPtrArray *lists; /* of GsJsonDeferredList */
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
/* The tree of a span read before by gs_json_read_tree_deferring. */
JsonNode *
gs_json_read_span (GBytes *text, const GsJsonSpan *span);
/* The same span into flat when it is an object whose members are all text
 * (FALSE otherwise). */
gboolean
gs_json_read_span_flat (GBytes *text, const GsJsonSpan *span, GsJsonFlat *flat);

G_END_DECLS
