/* gs-meeting.h — meeting mode: an agreed baseline, deltas against it, and
 * locked lines.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline is a copy of the plan (without its own "meeting" member)
 * stored in the plan file at meeting.baseline, so a negotiation survives a
 * save and reopen.  meeting.locks lists goal line ids ("marketing.stage.mql")
 * that were agreed: an edit that would change a locked line is refused with
 * a message naming it.  All changes go through gs_plan_set, so they undo.
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

gboolean
gs_meeting_set_baseline (GsPlan *plan, GError **error);
gboolean
gs_meeting_has_baseline (GsPlan *plan);
GsResult *
gs_meeting_baseline_result (GsPlan *plan, GError **error);

/* Leaving meeting mode: keep the changes (drop the baseline) or discard them
 * (the baseline becomes the plan again). */
gboolean
gs_meeting_end (GsPlan *plan, gboolean keep_changes, GError **error);

gboolean
gs_meeting_is_locked (GsPlan *plan, const char *line_id);
gboolean
gs_meeting_set_locked (GsPlan *plan, const char *line_id, gboolean locked, GError **error);

/* Signs one side's agreement: role is "vp_marketing", "vp_sales" or "ceo";
 * date as YYYY-MM-DD.  The sign-off records the fingerprint of the inputs
 * (gs-fingerprint.h): GsSignoff.changed is TRUE after any later change of an
 * input, until the side signs again.  An empty name clears the sign-off. */
gboolean
gs_meeting_sign (GsPlan *plan, const char *role, const char *name, const char *date,
                 GError **error);

/* "↑ 40", "↓ 12.5 %", "↑ 2.0 pts" — the change of a cell against the
 * baseline in the line's unit, or NULL when it did not change. */
char *
gs_meeting_delta_text (const GsModel *model, const GsGoalLine *line, const GsCell *now,
                       const GsCell *before);

/* How that change reads on this line (gs-direction.h): GOOD, BAD or
 * NEUTRAL by what the line means, SAME exactly when the text is NULL. */
GsVerdict
gs_meeting_delta_verdict (const GsGoalLine *line, const GsCell *now, const GsCell *before);

/* Used by GsPlan: refuses new_result if it changes a line locked in tree;
 * old_model names the line in the message. */
gboolean
gs_meeting_check_locks (JsonNode *tree, const GsModel *old_model, const GsResult *old_result,
                        const GsResult *new_result, GError **error);

G_END_DECLS
