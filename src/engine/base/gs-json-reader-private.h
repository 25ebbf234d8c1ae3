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

/* One list of the section read without a tree: its elements' spans. */
typedef struct
{
  char *key;
  GArray *spans; /* of GsJsonSpan */
} GsJsonDeferredList;

struct _GsJsonDeferred
{
  GBytes *text;
  char *section;
  GPtrArray *lists; /* of GsJsonDeferredList */
};

/* The tree of len bytes of UTF-8 JSON text (RFC 8259; a leading byte order
 * mark is skipped).  For gs_json_parse, which has checked the text first:
 * call it only after those checks. */
JsonNode *
gs_json_read_tree (const char *text, gsize len, GError **error);
/* The same, but the lists named in lists of the root's member section are
 * checked without being built: the tree holds null in their place and
 * *deferred their elements' spans (NULL when no list was deferred). */
JsonNode *
gs_json_read_tree_deferring (GBytes *text, const char *section, const char *const *lists,
                             GsJsonDeferred **deferred, GError **error);
/* The tree of a span read before by gs_json_read_tree_deferring. */
JsonNode *
gs_json_read_span (GBytes *text, const GsJsonSpan *span);

G_END_DECLS
