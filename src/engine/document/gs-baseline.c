/* gs-baseline.c — the meeting's agreed figures, computed once.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-baseline.h"
#include "gs-json.h"
#include "gs-meeting.h"

struct _GsBaseline
{
  JsonNode *node; /* copy of the baseline the result was computed from */
  GsResult *result;
};

GsBaseline *
gs_baseline_new (void)
{
  return g_new0 (GsBaseline, 1);
}

void
gs_baseline_free (GsBaseline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->node, json_node_unref);
  g_clear_pointer (&self->result, gs_result_free);
  g_free (self);
}

/* NULL outside meeting mode (or for a baseline that no longer computes). */
const GsResult *
gs_baseline_get_result (GsBaseline *self, GsPlan *plan)
{
  JsonNode *baseline = gs_plan_lookup (plan, "meeting.baseline");

  if (baseline == NULL || !JSON_NODE_HOLDS_OBJECT (baseline))
    {
      g_clear_pointer (&self->node, json_node_unref);
      g_clear_pointer (&self->result, gs_result_free);
      return NULL;
    }
  if (self->node && gs_json_equal (self->node, baseline))
    return self->result;
  g_clear_pointer (&self->node, json_node_unref);
  g_clear_pointer (&self->result, gs_result_free);
  self->node = gs_json_deep_copy (baseline);
  self->result = gs_meeting_baseline_result (plan, NULL);
  return self->result;
}
