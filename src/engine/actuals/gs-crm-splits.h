/* gs-crm-splits.h — revenue splits and overlays from a CRM export: a Splits
 * cell ("Maya Chen 85%; Omar Ali 15%") or a separate splits file (deal id,
 * person, percent, kind).  docs/statements.md, "Splits in the CRM import".
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  double share; /* a fraction: 85 % is 0.85 */
} GsSplitText;

/* Parses a Splits cell: entries separated by ";" or "|", each a name and a
 * percent at its end ("%" optional; a decimal comma when decimal_comma).
 * Returns a GArray of GsSplitText (names owned by the array's clear func). */
GArray *
gs_crm_parse_splits (const char *text, gboolean decimal_comma, GError **error);

/* Reads a splits file — columns "deal id" (or "id"), "person" (or "name"),
 * "percent" (or "share"), "kind" (split or overlay; default split) — and
 * replaces the splits and overlays of every deal it names.  People not on the
 * roster are added on the mapping's owner role (their names appended to
 * new_people).  All or nothing: a bad cell fails naming its row (the header
 * is 1) and column, splits not adding up to 100 % name the deal. */
gboolean
gs_crm_import_splits (GsActualsData *data, const char *bytes, gsize length, GPtrArray *new_people,
                      GError **error);

G_END_DECLS
