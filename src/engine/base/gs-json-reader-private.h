/* gs-json-reader-private.h — JSON text into a json-glib tree (base floor only).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The tree of len bytes of UTF-8 JSON text (RFC 8259; a leading byte order
 * mark is skipped).  For gs_json_parse, which has checked the text first:
 * call it only after those checks. */
JsonNode *gs_json_read_tree (const char *text, gsize len, GError **error);

G_END_DECLS
