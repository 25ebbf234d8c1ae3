/* gs-meeting.c — meeting mode: baseline, deltas, locks and sign-offs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-meeting.h"
#include "gs-explain.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-json.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

gboolean
gs_meeting_has_baseline (GsPlan *plan)
{
  JsonNode *node = gs_plan_lookup (plan, "meeting.baseline");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

static JsonNode *
meeting_node (GsPlan *plan)
{
  JsonNode *node = gs_plan_lookup (plan, "meeting");
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    return gs_json_deep_copy (node);
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

gboolean
gs_meeting_set_baseline (GsPlan *plan, GError **error)
{
  g_autoptr (JsonNode) baseline = gs_json_deep_copy (gs_plan_get_root (plan));
  g_autoptr (JsonNode) meeting = meeting_node (plan);

  json_object_remove_member (json_node_get_object (baseline), "meeting");
  /* The change log is not what was agreed, and would be stored twice. */
  json_object_remove_member (json_node_get_object (baseline), "history");
  json_object_set_member (json_node_get_object (meeting), "baseline", g_steal_pointer (&baseline));
  return gs_plan_set (plan, "meeting", g_steal_pointer (&meeting), error);
}

GsResult *
gs_meeting_baseline_result (GsPlan *plan, GError **error)
{
  JsonNode *baseline = gs_plan_lookup (plan, "meeting.baseline");
  g_autoptr (GsModel) model = NULL;
  g_autoptr (GError) local = NULL;
  GsResult *result;

  if (baseline == NULL || !JSON_NODE_HOLDS_OBJECT (baseline))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("meeting.baseline: no agreed baseline is set"));
      return NULL;
    }
  model = gs_model_decode (baseline, &local);
  if (model)
    {
      result = gs_compute (model, &local);
      if (result)
        return result;
    }
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("meeting.baseline: %s"), local->message);
  return NULL;
}

gboolean
gs_meeting_end (GsPlan *plan, gboolean keep_changes, GError **error)
{
  if (!gs_meeting_has_baseline (plan))
    return TRUE;
  if (keep_changes)
    {
      g_autoptr (JsonNode) meeting = meeting_node (plan);
      json_object_remove_member (json_node_get_object (meeting), "baseline");
      json_object_remove_member (json_node_get_object (meeting), "locks");
      return gs_plan_set (plan, "meeting", g_steal_pointer (&meeting), error);
    }
  else
    {
      /* The agreed plan comes back whole; the meeting object goes with it. */
      g_autoptr (JsonNode) restored = gs_json_deep_copy (gs_plan_lookup (plan, "meeting.baseline"));
      return gs_plan_replace_root (plan, g_steal_pointer (&restored), error);
    }
}

static JsonArray *
locks_of (JsonNode *tree)
{
  JsonNode *node = gs_json_lookup (tree, "meeting.locks");
  if (node && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  return NULL;
}

gboolean
gs_meeting_is_locked (GsPlan *plan, const char *line_id)
{
  JsonArray *locks = locks_of (gs_plan_get_root (plan));
  for (guint i = 0; locks && i < json_array_get_length (locks); i++)
    if (g_strcmp0 (json_array_get_string_element (locks, i), line_id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gs_meeting_set_locked (GsPlan *plan, const char *line_id, gboolean locked, GError **error)
{
  g_autoptr (JsonNode) meeting = meeting_node (plan);
  JsonObject *obj = json_node_get_object (meeting);
  JsonArray *old
      = json_object_has_member (obj, "locks") ? json_object_get_array_member (obj, "locks") : NULL;
  g_autoptr (JsonArray) locks = json_array_new ();
  const GsResult *result = gs_plan_get_result (plan, error);

  if (result == NULL)
    return FALSE;
  if (gs_result_line (result, line_id) == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("meeting.locks: “%s” is not a goal line"),
                   line_id);
      return FALSE;
    }
  for (guint i = 0; old && i < json_array_get_length (old); i++)
    {
      const char *id = json_array_get_string_element (old, i);
      if (g_strcmp0 (id, line_id) != 0)
        json_array_add_string_element (locks, id);
    }
  if (locked)
    json_array_add_string_element (locks, line_id);
  json_object_set_array_member (obj, "locks", g_steal_pointer (&locks));
  return gs_plan_set (plan, "meeting", g_steal_pointer (&meeting), error);
}

gboolean
gs_meeting_sign (GsPlan *plan, const char *role, const char *name, const char *date, GError **error)
{
  JsonNode *node = gs_plan_lookup (plan, "agreements.signoffs");
  g_autoptr (JsonNode) signoffs = NULL;
  JsonArray *array;
  JsonObject *entry = NULL;

  if (node && JSON_NODE_HOLDS_ARRAY (node))
    signoffs = gs_json_deep_copy (node);
  else
    signoffs = json_node_init_array (json_node_alloc (), json_array_new ());
  array = json_node_get_array (signoffs);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_OBJECT (e)
          && g_strcmp0 (
                 json_object_get_string_member_with_default (json_node_get_object (e), "role", ""),
                 role)
                 == 0)
        entry = json_node_get_object (e);
    }
  if (entry == NULL)
    {
      entry = json_object_new ();
      json_object_set_string_member (entry, "role", role);
      json_array_add_object_element (array, entry);
    }
  json_object_set_string_member (entry, "name", name ? name : "");
  json_object_set_string_member (entry, "date", name && *name ? date : "");
  /* What is agreed: a later change of any input shows as "changed since signed". */
  if (name && *name)
    json_object_set_string_member (entry, "fingerprint",
                                   gs_model_fingerprint (gs_plan_get_model (plan)));
  else
    json_object_remove_member (entry, "fingerprint");
  if (gs_plan_lookup (plan, "agreements") == NULL)
    {
      g_autoptr (JsonObject) agreements = json_object_new ();
      json_object_set_member (agreements, "signoffs", g_steal_pointer (&signoffs));
      return gs_plan_set (plan, "agreements",
                          json_node_init_object (json_node_alloc (), agreements), error);
    }
  return gs_plan_set (plan, "agreements.signoffs", g_steal_pointer (&signoffs), error);
}

/* The change a delta shows, in the line's unit; 0 where the text would show
 * none (the same thresholds as gs_meeting_delta_text). */
static double
shown_change (const GsGoalLine *line, const GsCell *now, const GsCell *before)
{
  double d = now->value - before->value;
  switch (line->unit)
    {
    case GS_UNIT_COUNT:
    case GS_UNIT_MONEY:
      return (double) (now->amount - before->amount);
    case GS_UNIT_PERCENT:
      return fabs (d * 100) < 0.05 ? 0 : d;
    case GS_UNIT_MULTIPLE:
      return fabs (d) < 0.05 ? 0 : d;
    case GS_UNIT_DAYS:
    case GS_UNIT_NUMBER:
    default:
      return fabs (d) < 0.005 ? 0 : d;
    }
}

GsVerdict
gs_meeting_delta_verdict (const GsGoalLine *line, const GsCell *now, const GsCell *before)
{
  return gs_direction_verdict (line->direction, shown_change (line, now, before));
}

char *
gs_meeting_delta_text (const GsModel *model, const GsGoalLine *line, const GsCell *now,
                       const GsCell *before)
{
  switch (line->unit)
    {
    case GS_UNIT_COUNT:
      {
        gint64 d = now->amount - before->amount;
        g_autofree char *n = NULL;
        if (d == 0)
          return NULL;
        n = gs_format_count (d < 0 ? -d : d);
        return g_strdup_printf ("%s %s", d > 0 ? "↑" : "↓", n);
      }
    case GS_UNIT_MONEY:
      {
        gint64 d = now->amount - before->amount;
        if (d == 0)
          return NULL;
        if (before->amount != 0)
          {
            g_autofree char *pct = gs_format_percent (fabs ((double) d / (double) before->amount));
            return g_strdup_printf ("%s %s", d > 0 ? "↑" : "↓", pct);
          }
        {
          g_autofree char *m = gs_format_money (d < 0 ? -d : d, model->company.digits,
                                                model->company.currency, GS_MONEY_FORMAT_COMPACT);
          return g_strdup_printf ("%s %s", d > 0 ? "↑" : "↓", m);
        }
      }
    case GS_UNIT_PERCENT:
      {
        double d = (now->value - before->value) * 100;
        g_autofree char *pts = NULL;
        if (fabs (d) < 0.05)
          return NULL;
        pts = gs_format_number (fabs (d), 1);
        /* Translators: a change in percentage points ("↑ 3.5 pts"). */
        return g_strdup_printf (_ ("%s %s pts"), d > 0 ? "↑" : "↓", pts);
      }
    case GS_UNIT_MULTIPLE:
      {
        double d = now->value - before->value;
        g_autofree char *n = NULL;
        if (fabs (d) < 0.05)
          return NULL;
        n = gs_format_multiple (fabs (d));
        return g_strdup_printf ("%s %s", d > 0 ? "↑" : "↓", n);
      }
    case GS_UNIT_DAYS:
    case GS_UNIT_NUMBER:
    default:
      {
        double d = now->value - before->value;
        g_autofree char *n = NULL;
        if (fabs (d) < 0.005)
          return NULL;
        n = gs_format_number (fabs (d), line->unit == GS_UNIT_DAYS ? 0 : 1);
        return g_strdup_printf ("%s %s%s", d > 0 ? "↑" : "↓", n,
                                line->unit == GS_UNIT_DAYS ? " d" : "");
      }
    }
}

static gboolean
same_line (const GsResult *a, const GsResult *b, const GsGoalLine *la, const GsGoalLine *lb)
{
  if (a->n_months != b->n_months || a->n_pre != b->n_pre)
    return la->total.amount == lb->total.amount && la->total.value == lb->total.value;
  for (guint i = 0; i < a->n_months; i++)
    if (la->months[i].amount != lb->months[i].amount
        || fabs (la->months[i].value - lb->months[i].value) > 1e-9)
      return FALSE;
  return TRUE;
}

gboolean
gs_meeting_check_locks (JsonNode *tree, const GsModel *old_model, const GsResult *old_result,
                        const GsResult *new_result, GError **error)
{
  JsonArray *locks = locks_of (tree);
  if (locks == NULL || old_result == NULL)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (locks); i++)
    {
      const char *id = json_array_get_string_element (locks, i);
      const GsGoalLine *before = id ? gs_result_line (old_result, id) : NULL;
      const GsGoalLine *after = id ? gs_result_line (new_result, id) : NULL;
      if (before == NULL)
        continue;
      if (after == NULL || !same_line (old_result, new_result, before, after))
        {
          g_autofree char *name = gs_explain_line_name (old_model, before);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s: this change would alter “%s”, which is locked as agreed in the "
                          "meeting; unlock it first"),
                       id, name);
          return FALSE;
        }
    }
  return TRUE;
}
