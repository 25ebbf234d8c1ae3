/* gs-meeting-input.h — meeting deltas on inputs: how a changed input reads.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goal lines declare which way is good news (gs-direction.h); so does every
 * input the window edits, by its path in the plan file: a higher conversion
 * rate or deal size is good news, a higher cost per lead, a longer lag or
 * more attrition is bad, a quota, a hire count or the target itself is a
 * choice (docs/meeting.md has the table and the reasons).  In meeting mode
 * an input changed since the agreed baseline shows what it was and its
 * change in its own unit ("was 20 % · ↑ 2.0 pts"), judged by that rule.
 * A scenario's override is judged as the input it overrides.
 */
#pragma once

#include "gs-direction.h"
#include "gs-plan.h"

G_BEGIN_DECLS

typedef struct
{
  GsVerdict verdict; /* SAME: unchanged, or nothing agreed to compare with */
  char *was;         /* the agreed value in words: "20 %", "$25,000", "“Inbound”" */
  char *change;      /* in the input's unit: "↑ 2.0 pts", "↓ $5,000", "↑ 1 hire" */
} GsInputDelta;

/* Frees the strings and makes the delta SAME again. */
void
gs_input_delta_clear (GsInputDelta *delta);

/* Which way is good news for an input at path ("funnel.steps[1].rate",
 * "sources[0].cost_per_lead", "capacity.ae.hires[1].count"). */
GsDirection
gs_meeting_input_direction (const char *path);

/* The change of the input at path from before (the agreed value) to now,
 * in its unit, and its verdict; FALSE (out SAME, no strings) when it did
 * not change or either side is missing.  model words the values (currency). */
gboolean
gs_meeting_input_delta (const GsModel *model, const char *path, JsonNode *before, JsonNode *now,
                        GsInputDelta *out);

/* The input at path in plan — a plan input, or a scenario's override value
 * "scenarios[I].overrides[J].value" — against the meeting's baseline.  Lists
 * are matched by their entries' "id" (stages, sources, roles), "name"
 * (scenarios) or "path" (overrides), funnel steps by the stage they start
 * from, other lists by position.  An override the baseline's scenario does
 * not have is compared with the agreed plan's value of that input.  FALSE
 * outside meeting mode. */
gboolean
gs_meeting_field_delta (GsPlan *plan, const char *path, GsInputDelta *out);

G_END_DECLS
