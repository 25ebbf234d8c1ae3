/* gs-history.h — the plan's change log: who changed which input, when, from
 * what to what.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept in the plan file itself (top-level "history", docs/plan-format.md),
 * so anyone with the file can audit it offline.  An entry is recorded at
 * each save that changes an input (gs_plan_save_to_file): the inputs that
 * differ from the file as it was opened or last saved (gs_plan_diff_trees),
 * the author and the time.  Values of more than GS_HISTORY_MAX_VALUE_SIZE
 * JSON values (an imported list of deals) are stored as their size alone.
 * The log keeps the newest GS_HISTORY_MAX_ENTRIES entries of at most
 * GS_HISTORY_MAX_CHANGES changes each ("more" counts the rest).  It is not an
 * input: the fingerprint a sign-off records leaves it out, and editing it is
 * not a change of the plan.
 */
#pragma once

#include "gs-plan-diff.h"

G_BEGIN_DECLS

#define GS_HISTORY_MAX_ENTRIES 1000
#define GS_HISTORY_MAX_CHANGES 200
#define GS_HISTORY_MAX_VALUE_SIZE 64

typedef struct
{
  GDateTime *when; /* UTC */
  char *who;
  GPtrArray *changes; /* GsInputChange*; a large value is {"entries": N} or {"fields": N} */
  guint more;         /* changes beyond those listed */
} GsHistoryEntry;

/* The entries of root's "history", oldest first (GsHistoryEntry*, freed with
 * the array); empty when the plan has none.  NULL with a message naming the
 * field ("history[2].when: …") when the section is malformed. */
GPtrArray *
gs_history_read (JsonNode *root, GError **error);

/* Appends to root's "history" an entry for the inputs that differ between
 * before and root, by who at when; drops the oldest entries past the limit.
 * FALSE (root untouched) when no input differs. */
gboolean
gs_history_record (JsonNode *root, JsonNode *before, const char *who, GDateTime *when);
/* The same, the inputs compared between before and after, trees that say
 * what the plan said before and says in root (a plan's trees with its held
 * lists in their place, gs-plan.c). */
gboolean
gs_history_record_compared (JsonNode *root, JsonNode *before, JsonNode *after, const char *who,
                            GDateTime *when);

G_END_DECLS
