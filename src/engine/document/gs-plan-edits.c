/* gs-plan-edits.c — structural edits of a plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-plan-edits.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-scenario.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static const char *const owner_names[] = { "marketing", "sales", "partner" };

static char *
unique_id (JsonArray *items, const char *name, const char *fallback)
{
  GString *base = g_string_new (NULL);
  char *candidate;
  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (base, g_ascii_tolower (*p));
    else if (base->len && base->str[base->len - 1] != '_')
      g_string_append_c (base, '_');
  while (base->len && base->str[base->len - 1] == '_')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, fallback);
  candidate = g_strdup (base->str);
  for (guint n = 2;; n++)
    {
      gboolean taken = FALSE;
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *e = json_array_get_element (items, i);
          if (JSON_NODE_HOLDS_OBJECT (e)
              && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (e),
                                                                        "id", ""),
                            candidate)
                     == 0)
            taken = TRUE;
        }
      if (!taken)
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s_%u", base->str, n);
    }
  g_string_free (base, TRUE);
  return candidate;
}

static JsonObject *
step_object (double rate, double lag_days)
{
  JsonObject *o = json_object_new ();
  json_object_set_double_member (o, "rate", rate);
  json_object_set_double_member (o, "lag_days", lag_days);
  return o;
}

/* Rebuilds an array with element `at` replaced by `with` (NULL: removed) and
 * `insert` (may be NULL) placed before index `insert_at`. */
static JsonArray *
rebuilt (JsonArray *old, guint skip, guint insert_at, JsonNode *insert)
{
  JsonArray *out = json_array_new ();
  guint n = json_array_get_length (old);
  for (guint i = 0; i <= n; i++)
    {
      if (insert && i == insert_at)
        json_array_add_element (out, json_node_ref (insert));
      if (i < n && i != skip)
        json_array_add_element (out, gs_json_deep_copy (json_array_get_element (old, i)));
    }
  return out;
}

gboolean
gs_plan_insert_stage (GsPlan *plan, guint position, const char *name, double rate, double lag_days,
                      GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (JsonNode) funnel = gs_json_deep_copy (gs_plan_lookup (plan, "funnel"));
  JsonObject *f = json_node_get_object (funnel);
  JsonArray *stages = json_object_get_array_member (f, "stages");
  JsonArray *steps = json_object_get_array_member (f, "steps");
  g_autoptr (JsonObject) stage = json_object_new ();
  g_autoptr (JsonNode) stage_node = NULL;
  g_autofree char *id = NULL;
  const GsStep *split;
  double rest_rate, rest_lag;

  if (position == 0 || position >= m->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("funnel.stages: a new stage goes between two stages (position 1 to %u)"),
                   m->n_stages - 1);
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("funnel.stages: the new stage needs a name"));
      return FALSE;
    }
  split = &m->steps[position - 1];
  if (!(rate > 0 && rate <= 1) || rate < split->rate)
    {
      g_autofree char *r = g_strdup_printf ("%g", rate);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("funnel.steps[%u].rate: %s must be between the rate it splits (%g) and 1"),
                   position - 1, r, split->rate);
      return FALSE;
    }
  rest_rate = split->rate / rate;
  rest_lag = MAX (0, split->lag_days - lag_days);

  id = unique_id (stages, name, "stage");
  json_object_set_string_member (stage, "id", id);
  json_object_set_string_member (stage, "name", name);
  stage_node = json_node_init_object (json_node_alloc (), stage);
  json_object_set_array_member (f, "stages", rebuilt (stages, G_MAXUINT, position, stage_node));

  /* Step position-1 (A→B) becomes A→new (rate, lag) and new→B (rest). */
  {
    JsonArray *out = json_array_new ();
    for (guint i = 0; i < json_array_get_length (steps); i++)
      {
        if (i == position - 1)
          {
            json_array_add_object_element (out,
                                           step_object (rate, MIN (lag_days, split->lag_days)));
            json_array_add_object_element (out, step_object (rest_rate, rest_lag));
          }
        else
          json_array_add_element (out, gs_json_deep_copy (json_array_get_element (steps, i)));
      }
    json_object_set_array_member (f, "steps", out);
  }
  /* Sources that override the split step keep their own conversion across it. */
  {
    g_autoptr (JsonNode) sources = gs_json_deep_copy (gs_plan_lookup (plan, "sources"));
    JsonArray *array = json_node_get_array (sources);
    const char *from = m->stages[position - 1].id;
    for (guint j = 0; j < json_array_get_length (array); j++)
      {
        JsonObject *s = json_array_get_object_element (array, j);
        JsonObject *rates = json_object_has_member (s, "rates")
                                ? json_object_get_object_member (s, "rates")
                                : NULL;
        if (rates && json_object_has_member (rates, from)
            && !JSON_NODE_HOLDS_NULL (json_object_get_member (rates, from)))
          {
            /* Keep the source's own conversion across the split step: it
             * takes the funnel's rate into the new stage and the rest out
             * of it, or keeps its own rate in and converts fully out when
             * its rate is above the new step's. */
            double own = json_object_get_double_member (rates, from);
            if (own <= rate)
              {
                json_object_remove_member (rates, from);
                json_object_set_double_member (rates, id, own / rate);
              }
            else
              json_object_set_double_member (rates, id, 1.0);
          }
      }
    /* One edit: replace the funnel and the sources together. */
    {
      g_autoptr (JsonNode) tree = gs_json_deep_copy (gs_plan_get_root (plan));
      if (!gs_json_replace (tree, "funnel", g_steal_pointer (&funnel), error)
          || !gs_json_replace (tree, "sources", g_steal_pointer (&sources), error))
        return FALSE;
      return gs_plan_replace_root (plan, g_steal_pointer (&tree), error);
    }
  }
}

gboolean
gs_plan_remove_stage (GsPlan *plan, guint index, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (JsonNode) tree = NULL;
  JsonObject *f;
  JsonArray *steps;
  const char *gone, *before, *after;
  double merged_rate, merged_lag;

  if (index == 0 || index + 1 >= m->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("funnel.stages[%u]: only a stage between the first and the last can be "
                      "removed (the first is where volume enters, the last is the win)"),
                   index);
      return FALSE;
    }
  if (m->n_stages <= 2)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("funnel.stages: a funnel needs at least two stages"));
      return FALSE;
    }
  for (guint j = 0; j < m->n_sources; j++)
    if (m->sources[j].entry_stage == index && index + 2 == m->n_stages)
      {
        g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                     _ ("%s enters at %s; choose an earlier entry stage for it before removing "
                        "%s"),
                     m->sources[j].name, m->stages[index].name, m->stages[index].name);
        return FALSE;
      }
  gone = m->stages[index].id;
  before = m->stages[index - 1].id;
  after = m->stages[index + 1].id;
  merged_rate = m->steps[index - 1].rate * m->steps[index].rate;
  merged_lag = m->steps[index - 1].lag_days + m->steps[index].lag_days;

  tree = gs_json_deep_copy (gs_plan_get_root (plan));
  f = json_node_get_object (gs_json_lookup (tree, "funnel"));
  json_object_set_array_member (
      f, "stages", rebuilt (json_object_get_array_member (f, "stages"), index, G_MAXUINT, NULL));
  steps = rebuilt (json_object_get_array_member (f, "steps"), index, G_MAXUINT, NULL);
  json_node_take_object (json_array_get_element (steps, index - 1),
                         step_object (merged_rate, merged_lag));
  json_object_set_array_member (f, "steps", steps);
  if (g_strcmp0 (json_object_get_string_member_with_default (f, "handoff_stage", ""), gone) == 0)
    json_object_set_string_member (f, "handoff_stage", before);

  {
    JsonArray *sources = json_node_get_array (gs_json_lookup (tree, "sources"));
    for (guint j = 0; j < json_array_get_length (sources); j++)
      {
        const GsSource *src = &m->sources[j];
        JsonObject *s = json_array_get_object_element (sources, j);
        JsonObject *rates = json_object_has_member (s, "rates")
                                ? json_object_get_object_member (s, "rates")
                                : NULL;
        if (g_strcmp0 (json_object_get_string_member_with_default (s, "entry_stage", ""), gone)
            == 0)
          json_object_set_string_member (s, "entry_stage", after);
        if (rates && (src->rate_is_own[index - 1] || src->rate_is_own[index]))
          {
            if (src->entry_stage == index)
              json_object_remove_member (rates, before);
            else
              json_object_set_double_member (rates, before,
                                             src->rates[index - 1] * src->rates[index]);
          }
        if (rates)
          json_object_remove_member (rates, gone);
      }
  }
  return gs_plan_replace_root (plan, g_steal_pointer (&tree), error);
}

gboolean
gs_plan_rename_stage (GsPlan *plan, guint index, const char *name, GError **error)
{
  g_autofree char *path = g_strdup_printf ("funnel.stages[%u].name", index);
  if (gs_plan_lookup (plan, path) == NULL && index >= gs_plan_get_model (plan)->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("funnel.stages[%u]: no such stage"),
                   index);
      return FALSE;
    }
  return gs_plan_set_string (plan, path, name, error);
}

gboolean
gs_plan_add_source (GsPlan *plan, const char *name, GsOwner owner, GError **error)
{
  g_autoptr (JsonNode) sources = gs_json_deep_copy (gs_plan_lookup (plan, "sources"));
  JsonArray *array = json_node_get_array (sources);
  JsonObject *s = json_object_new ();
  g_autofree char *id = unique_id (array, name ? name : "", "source");

  json_object_set_string_member (s, "id", id);
  json_object_set_string_member (s, "name", name ? name : "");
  json_object_set_string_member (s, "owner", owner_names[owner]);
  json_object_set_int_member (s, "share", 0);
  json_object_set_string_member (s, "cost_per_lead", "0");
  json_array_add_object_element (array, s);
  return gs_plan_set (plan, "sources", g_steal_pointer (&sources), error);
}

gboolean
gs_plan_remove_source (GsPlan *plan, guint index, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (JsonNode) tree = NULL;
  JsonArray *sources;
  double gone, rest = 0;

  if (index >= m->n_sources)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("The plan has no lead source %u"),
                   index + 1);
      return FALSE;
    }
  if (m->n_sources == 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s is the plan’s last lead source and cannot be removed; a plan needs "
                      "one"),
                   m->sources[index].name);
      return FALSE;
    }
  gone = m->sources[index].share;
  for (guint j = 0; j < m->n_sources; j++)
    if (j != index)
      rest += m->sources[j].share;
  tree = gs_json_deep_copy (gs_plan_get_root (plan));
  sources
      = rebuilt (json_node_get_array (gs_json_lookup (tree, "sources")), index, G_MAXUINT, NULL);
  for (guint j = 0, k = 0; j < m->n_sources; j++)
    {
      JsonObject *s;
      double share;
      if (j == index)
        continue;
      s = json_array_get_object_element (sources, k++);
      /* The removed share goes to the others in proportion (evenly if they had none). */
      share = rest > 0 ? m->sources[j].share + gone * m->sources[j].share / rest
                       : m->sources[j].share + gone / (m->n_sources - 1);
      json_object_set_double_member (s, "share", share);
    }
  json_object_set_array_member (json_node_get_object (tree), "sources", sources);
  gs_scenarios_shift_paths (tree, "sources", index);
  return gs_plan_replace_root (plan, g_steal_pointer (&tree), error);
}

static gboolean
source_exists (const GsModel *m, guint index, GError **error)
{
  if (index < m->n_sources)
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("The plan has no lead source %u"), index + 1);
  return FALSE;
}

gboolean
gs_plan_rename_source (GsPlan *plan, guint index, const char *name, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (!source_exists (gs_plan_get_model (plan), index, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("A lead source needs a name (it was “%s”)"),
                   gs_plan_get_model (plan)->sources[index].name);
      return FALSE;
    }
  path = g_strdup_printf ("sources[%u].name", index);
  return gs_plan_set_string (plan, path, trimmed, error);
}

gboolean
gs_plan_set_source_entry (GsPlan *plan, guint index, guint stage, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsSource *src;
  g_autoptr (JsonNode) source = NULL;
  JsonObject *s;
  double carry = 1.0; /* volume at the new stage per unit at the old one */

  if (!source_exists (m, index, error))
    return FALSE;
  src = &m->sources[index];
  if (stage >= m->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s cannot enter at stage %u: the funnel has %u stages"), src->name,
                   stage + 1, m->n_stages);
      return FALSE;
    }
  if (stage + 1 == m->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s cannot enter at %s: that is the win; choose an earlier stage"), src->name,
                   m->stages[stage].name);
      return FALSE;
    }
  if (stage == src->entry_stage)
    return TRUE;
  for (guint k = MIN (stage, src->entry_stage); k < MAX (stage, src->entry_stage); k++)
    carry *= src->rates[k];
  if (stage < src->entry_stage)
    carry = 1.0 / carry;

  source = gs_json_deep_copy (
      json_array_get_element (json_node_get_array (gs_plan_lookup (plan, "sources")), index));
  s = json_node_get_object (source);
  json_object_set_string_member (s, "entry_stage", m->stages[stage].id);
  if (src->planned)
    {
      JsonArray *planned = json_array_new ();
      for (guint mo = 0; mo < m->company.horizon; mo++)
        /* Two decimals: volumes are counts, planned to the hundredth at most. */
        json_array_add_double_element (planned, round (src->planned[mo] * carry * 100) / 100);
      json_object_set_array_member (s, "planned_volume", planned);
    }
  if (src->cost_per_lead > 0 && carry > 0)
    json_object_set_member (
        s, "cost_per_lead",
        gs_json_money_node (gs_money_round ((double) src->cost_per_lead / carry),
                            m->company.digits));
  if (json_object_has_member (s, "rates"))
    {
      JsonObject *rates = json_object_get_object_member (s, "rates");
      for (guint k = 0; k < stage; k++)
        json_object_remove_member (rates, m->stages[k].id);
      if (json_object_get_size (rates) == 0)
        json_object_remove_member (s, "rates");
    }
  {
    g_autofree char *path = g_strdup_printf ("sources[%u]", index);
    return gs_plan_set (plan, path, g_steal_pointer (&source), error);
  }
}

gboolean
gs_plan_set_source_rate (GsPlan *plan, guint index, guint step, double rate, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsSource *src;
  g_autoptr (JsonNode) source = NULL;
  JsonObject *s, *rates;

  if (!source_exists (m, index, error))
    return FALSE;
  src = &m->sources[index];
  if (step + 1 >= m->n_stages)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s: the funnel has no step after %s"),
                   src->name, m->stages[m->n_stages - 1].name);
      return FALSE;
    }
  if (step < src->entry_stage)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("%s enters at %s; it has no %s → %s step"),
                   src->name, m->stages[src->entry_stage].name, m->stages[step].name,
                   m->stages[step + 1].name);
      return FALSE;
    }
  if (rate >= 0 && !(rate > 0 && rate <= 1))
    {
      g_autofree char *percent = g_strdup_printf ("%g %%", rate * 100);
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("%s, %s → %s: %s is not a conversion; it must be more than 0 %% and at "
                      "most 100 %%"),
                   src->name, m->stages[step].name, m->stages[step + 1].name, percent);
      return FALSE;
    }
  source = gs_json_deep_copy (
      json_array_get_element (json_node_get_array (gs_plan_lookup (plan, "sources")), index));
  s = json_node_get_object (source);
  if (!json_object_has_member (s, "rates"))
    json_object_set_object_member (s, "rates", json_object_new ());
  rates = json_object_get_object_member (s, "rates");
  if (rate < 0)
    json_object_remove_member (rates, m->stages[step].id);
  else
    json_object_set_double_member (rates, m->stages[step].id, rate);
  if (json_object_get_size (rates) == 0)
    json_object_remove_member (s, "rates");
  {
    g_autofree char *path = g_strdup_printf ("sources[%u]", index);
    return gs_plan_set (plan, path, g_steal_pointer (&source), error);
  }
}

static double
growth_for (GsMoney prior, GsMoney amount)
{
  double exact = (double) amount / (double) prior - 1.0;
  double g = exact;
  /* The shortest decimal that still gives the amount to the minor unit, so
   * the file says 0.3 rather than 0.30000000000000004. */
  for (int places = 0; places <= 10; places++)
    {
      double scale = pow (10, places);
      g = round (exact * scale) / scale;
      if (gs_money_round ((double) prior * (1 + g)) == amount)
        return g;
    }
  return exact;
}

gboolean
gs_plan_set_target_mode (GsPlan *plan, GsTargetMode mode, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsResult *r;
  JsonObject *obj;
  JsonNode *node;

  if (mode == m->company.target_mode)
    return TRUE;
  r = gs_plan_get_result (plan, NULL);
  obj = json_object_new ();
  if (mode == GS_TARGET_ABSOLUTE)
    {
      GsMoney per_year = r ? gs_money_round ((double) r->target_total * 12.0 / r->horizon)
                           : m->company.prior_bookings;
      json_object_set_string_member (obj, "mode", "absolute");
      json_object_set_member (obj, "amount", gs_json_money_node (per_year, m->company.digits));
    }
  else
    {
      double growth = m->company.prior_bookings > 0
                          ? growth_for (m->company.prior_bookings, m->company.target_amount)
                          : 0.0;
      json_object_set_string_member (obj, "mode", "growth");
      json_object_set_double_member (obj, "growth", growth);
    }
  node = json_node_init_object (json_node_alloc (), obj);
  json_object_unref (obj);
  return gs_plan_set (plan, "company.target", node, error);
}
