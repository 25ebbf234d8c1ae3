/* gs-staffing-edits.c — hire batches and the AE ramp.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-staffing-edits.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-scenario.h"

#include <glib/gi18n-lib.h>

#define MAX_RAMP_MONTHS 24

static const char *
hires_path (GsStaffRole role)
{
  return role == GS_STAFF_AE ? "capacity.ae.hires" : "capacity.sdr.hires";
}

static const char *
role_people (GsStaffRole role)
{
  return role == GS_STAFF_AE ? _ ("AE") : _ ("SDR");
}

gboolean
gs_plan_add_hires (GsPlan *plan, GsStaffRole role, guint month, guint count, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  JsonNode *old = gs_plan_lookup (plan, hires_path (role));
  g_autoptr (JsonNode) hires = NULL;
  g_autofree char *when = NULL;
  JsonObject *batch;
  GsMonth at;

  if (role == GS_STAFF_SDR && gs_plan_lookup (plan, "capacity.sdr") == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("The plan has no SDR team; set SDRs at start first"));
      return FALSE;
    }
  if (month >= m->company.horizon)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s hires in plan month %u fall outside the plan, which has %u months"),
                   role_people (role), month + 1, m->company.horizon);
      return FALSE;
    }
  if (count == 0 || count > 100000)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("A batch of %s hires needs 1 to 100,000 people, not %u"), role_people (role),
                   count);
      return FALSE;
    }
  hires = old && JSON_NODE_HOLDS_ARRAY (old)
              ? gs_json_deep_copy (old)
              : json_node_init_array (json_node_alloc (), json_array_new ());
  at = gs_model_month (m, (int) month);
  when = g_strdup_printf ("%04u-%02u", at.year, at.month);
  batch = json_object_new ();
  json_object_set_string_member (batch, "month", when);
  json_object_set_int_member (batch, "count", count);
  json_array_add_object_element (json_node_get_array (hires), batch);
  return gs_plan_set (plan, hires_path (role), g_steal_pointer (&hires), error);
}

gboolean
gs_plan_remove_hires (GsPlan *plan, GsStaffRole role, guint index, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  guint n = role == GS_STAFF_AE ? m->ae.n_hires : m->sdr.n_hires;
  g_autoptr (JsonNode) tree = NULL;
  JsonArray *old, *kept;

  if (index >= n)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("The plan has no %s hire batch %u"),
                   role_people (role), index + 1);
      return FALSE;
    }
  tree = gs_json_deep_copy (gs_plan_get_root (plan));
  old = json_node_get_array (gs_json_lookup (tree, hires_path (role)));
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old); i++)
    if (i != index)
      json_array_add_element (kept, gs_json_deep_copy (json_array_get_element (old, i)));
  json_object_set_array_member (json_node_get_object (gs_json_lookup (
                                    tree, role == GS_STAFF_AE ? "capacity.ae" : "capacity.sdr")),
                                "hires", kept);
  gs_scenarios_shift_paths (tree, hires_path (role), index);
  return gs_plan_replace_root (plan, g_steal_pointer (&tree), error);
}

gboolean
gs_plan_set_ramp_months (GsPlan *plan, guint n, GError **error)
{
  const GsAeCapacity *ae = &gs_plan_get_model (plan)->ae;
  JsonArray *ramp;
  /* New months step evenly from the last kept month to full productivity. */
  double last = MIN (n, ae->n_ramp) > 0 ? ae->ramp[MIN (n, ae->n_ramp) - 1] : 0;

  if (n > MAX_RAMP_MONTHS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("An AE ramp of %u months is too long; at most %u"), n, MAX_RAMP_MONTHS);
      return FALSE;
    }
  ramp = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      double v;
      if (i < ae->n_ramp)
        v = ae->ramp[i];
      else
        v = last + (1.0 - last) * (double) (i - ae->n_ramp + 1) / (double) (n - ae->n_ramp + 1);
      json_array_add_double_element (ramp, v);
    }
  return gs_plan_set (plan, "capacity.ae.ramp", json_node_init_array (json_node_alloc (), ramp),
                      error);
}
