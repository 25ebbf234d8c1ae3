/* gs-meeting-input.c — meeting deltas on inputs: how a changed input reads.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-meeting-input.h"
#include "gs-explain-input.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-meeting.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void
gs_input_delta_clear (GsInputDelta *delta)
{
  g_clear_pointer (&delta->was, g_free);
  g_clear_pointer (&delta->change, g_free);
  delta->verdict = GS_VERDICT_SAME;
}

/* The last key of a path: "sources[0].rates.mql" → "rates" is not it, "mql"
 * is; "capacity.ae.ramp[2]" → "ramp". */
static char *
last_key (const char *path)
{
  const char *dot = strrchr (path, '.');
  const char *start = dot ? dot + 1 : path;
  return g_strndup (start, strcspn (start, "["));
}

/* The rule, one input at a time (docs/meeting.md, "Inputs"). */
GsDirection
gs_meeting_input_direction (const char *path)
{
  static const char *const comp_cost[]
      = { "ote", "base", "target_incentive", "rate", "multiplier", "amount", NULL };
  static const char *const up_good[] = {
    "rate",                       /* a conversion rate, the funnel's or a source's own */
    "deal_size",                  /* each win books more */
    "attainment",                 /* AEs close more of their quota */
    "sqls_per_month",             /* an SDR hands over more */
    "ramp",                       /* a new AE sells more of a full quota sooner */
    "acceptance_rate",            /* MQLs answered within the SLA */
    "existing_customer_bookings", /* less left for new business */
    NULL,
  };
  static const char *const up_bad[] = {
    "cost_per_lead",      /* the budget */
    "lag_days",           /* a longer sales cycle */
    "monthly_attrition",  /* AEs lost */
    "backlog_decay",      /* pipeline lost */
    "ramp_months",        /* an SDR productive later */
    "followup_sla_hours", /* leads wait longer */
    "month",              /* a hire batch starting later */
    NULL,
  };
  g_autofree char *key = NULL;

  if (path == NULL)
    return GS_DIRECTION_NEUTRAL;
  key = last_key (path);
  if (g_str_has_prefix (path, "compensation."))
    /* What the pay plan costs; its shape (weights, mix, quotas, gates,
     * thresholds, months) is a choice. */
    return g_strv_contains (comp_cost, key) ? GS_DIRECTION_UP_BAD : GS_DIRECTION_NEUTRAL;
  /* A source's rate to a stage is "sources[0].rates.mql". */
  if (strstr (path, ".rates.") != NULL)
    return GS_DIRECTION_UP_GOOD;
  if (g_strcmp0 (key, "month") == 0 && strstr (path, ".hires[") == NULL)
    return GS_DIRECTION_NEUTRAL;
  if (g_strv_contains (up_good, key))
    return GS_DIRECTION_UP_GOOD;
  if (g_strv_contains (up_bad, key))
    return GS_DIRECTION_UP_BAD;
  /* The target, growth, quota, headcount and hires, shares, seasonality,
   * planned volumes, names, stages: what the plan asks for or a choice. */
  return GS_DIRECTION_NEUTRAL;
}

static gboolean
node_money (const GsModel *model, JsonNode *node, GsMoney *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = json_node_get_string (node);
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return FALSE;
  else
    text = g_ascii_formatd (buf, sizeof buf, "%.6f", json_node_get_double (node));
  return gs_money_parse (text, model->company.digits, out, NULL);
}

static gboolean
node_number (JsonNode *node, double *out)
{
  GType type;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

/* "2027-04" → months since year 0; FALSE for any other text. */
static gboolean
node_month (JsonNode *node, int *out)
{
  const char *text;
  int year, month;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  text = json_node_get_string (node);
  if (strlen (text) != 7 || text[4] != '-' || sscanf (text, "%4d-%2d", &year, &month) != 2
      || month < 1 || month > 12)
    return FALSE;
  *out = year * 12 + month - 1;
  return TRUE;
}

static const char *
arrow (double d)
{
  return d > 0 ? "↑" : "↓";
}

/* A count with what it counts: "1 hire", "2 AEs". */
static char *
count_words (const char *path, gint64 n)
{
  g_autofree char *count = gs_format_count (n);
  gulong k = (gulong) MIN (n, G_MAXLONG);

  if (strstr (path, ".hires[") != NULL)
    /* Translators: a change of a hire batch, "1 hire". */
    return g_strdup_printf (g_dngettext (NULL, "%s hire", "%s hires", k), count);
  if (g_str_has_prefix (path, "capacity.ae.start_headcount"))
    /* Translators: account executives, "2 AEs". */
    return g_strdup_printf (g_dngettext (NULL, "%s AE", "%s AEs", k), count);
  if (g_str_has_prefix (path, "capacity.sdr.start_headcount"))
    /* Translators: sales development reps, "2 SDRs". */
    return g_strdup_printf (g_dngettext (NULL, "%s SDR", "%s SDRs", k), count);
  if (g_str_has_suffix (path, "ramp_months"))
    /* Translators: a change of a ramp, "1 month". */
    return g_strdup_printf (g_dngettext (NULL, "%s month", "%s months", k), count);
  return g_steal_pointer (&count);
}

static gboolean
is_count (const char *path)
{
  return strstr (path, ".hires[") != NULL || g_str_has_suffix (path, "start_headcount")
         || g_str_has_suffix (path, "ramp_months");
}

/* The agreed value in words; money as the field shows it ("$25,000"). */
static char *
agreed_words (const GsModel *model, const char *path, JsonNode *before)
{
  GsMoney money;
  if (gs_explain_input_unit (path) == GS_UNIT_MONEY && node_money (model, before, &money))
    return gs_format_money (money, model->company.digits, model->company.currency,
                            GS_MONEY_FORMAT_INPUT);
  return gs_explain_input_value (model, path, before);
}

/* The change's words and its size (now − before, the input's unit), or
 * NULL when what is shown did not change. */
static char *
change_words (const GsModel *model, const char *path, JsonNode *before, JsonNode *now, double *size)
{
  GsUnit unit = gs_explain_input_unit (path);
  GsMoney m0, m1;
  double v0, v1;
  int month0, month1;

  *size = 0;
  if (unit == GS_UNIT_MONEY && node_money (model, before, &m0) && node_money (model, now, &m1))
    {
      GsMoney d = m1 - m0;
      g_autofree char *amount = NULL;
      if (d == 0)
        return NULL;
      amount = gs_format_money (d < 0 ? -d : d, model->company.digits, model->company.currency,
                                GS_MONEY_FORMAT_INPUT);
      *size = (double) d;
      return g_strdup_printf ("%s %s", arrow (*size), amount);
    }
  if (node_month (before, &month0) && node_month (now, &month1))
    {
      int d = month1 - month0;
      if (d == 0)
        return NULL;
      *size = d;
      return g_strdup_printf (d > 0
                                  ? g_dngettext (NULL, "%d month later", "%d months later", d)
                                  : g_dngettext (NULL, "%d month earlier", "%d months earlier", -d),
                              ABS (d));
    }
  if (!node_number (before, &v0) || !node_number (now, &v1))
    return NULL; /* text: the "was" says it */
  if (unit == GS_UNIT_PERCENT)
    {
      /* Points, as the goal lines' percentages (gs_meeting_delta_text). */
      GsGoalLine line = { .unit = GS_UNIT_PERCENT };
      GsCell b = { .value = v0 }, n = { .value = v1 };
      char *text = gs_meeting_delta_text (model, &line, &n, &b);
      if (text != NULL)
        *size = v1 - v0;
      return text;
    }
  if (g_str_has_suffix (path, "lag_days"))
    {
      GsGoalLine line = { .unit = GS_UNIT_DAYS };
      GsCell b = { .value = v0 }, n = { .value = v1 };
      char *text = gs_meeting_delta_text (model, &line, &n, &b);
      if (text != NULL)
        *size = v1 - v0;
      return text;
    }
  if (is_count (path) && v0 == floor (v0) && v1 == floor (v1))
    {
      gint64 d = (gint64) v1 - (gint64) v0;
      g_autofree char *words = NULL;
      if (d == 0)
        return NULL;
      words = count_words (path, d < 0 ? -d : d);
      *size = (double) d;
      return g_strdup_printf ("%s %s", arrow (*size), words);
    }
  {
    double d = v1 - v0;
    g_autofree char *n = NULL;
    if (fabs (d) < 5e-5) /* the fields show four decimals */
      return NULL;
    n = gs_format_number_short (fabs (d), 4);
    *size = d;
    return g_strdup_printf ("%s %s", arrow (d), n);
  }
}

gboolean
gs_meeting_input_delta (const GsModel *model, const char *path, JsonNode *before, JsonNode *now,
                        GsInputDelta *out)
{
  double size = 0;
  g_autofree char *change = NULL;

  out->verdict = GS_VERDICT_SAME;
  out->was = NULL;
  out->change = NULL;
  if (before == NULL || now == NULL || !JSON_NODE_HOLDS_VALUE (before)
      || !JSON_NODE_HOLDS_VALUE (now) || gs_json_equal (before, now))
    return FALSE;
  change = change_words (model, path, before, now, &size);
  if (change == NULL)
    {
      /* Text (a name, a definition) reads as what it was; a number that
       * moved less than it is shown did not change. */
      if (json_node_get_value_type (before) != G_TYPE_STRING
          || json_node_get_value_type (now) != G_TYPE_STRING
          || g_strcmp0 (json_node_get_string (before), json_node_get_string (now)) == 0
          || gs_explain_input_unit (path) == GS_UNIT_MONEY)
        return FALSE;
      out->verdict = GS_VERDICT_NEUTRAL;
    }
  else
    out->verdict = gs_direction_verdict (gs_meeting_input_direction (path), size);
  out->was = agreed_words (model, path, before);
  out->change = g_steal_pointer (&change);
  return TRUE;
}

/* --- the agreed counterpart of a node of the plan ---------------------- */

static JsonNode *
member (JsonNode *node, const char *key)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), key);
}

static const char *
string_member (JsonNode *node, const char *key)
{
  JsonNode *m = member (node, key);
  if (m == NULL || !JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (m);
}

/* The index in list of the entry whose key member is value, or -1. */
static int
find_by (JsonArray *list, const char *key, const char *value)
{
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    if (g_strcmp0 (string_member (json_array_get_element (list, i), key), value) == 0)
      return (int) i;
  return -1;
}

/* The agreed entry matching now's entry `index` of the list at key. */
static JsonNode *
matching_entry (JsonNode *now_parent, JsonNode *base_parent, const char *key, JsonArray *now_list,
                JsonArray *base_list, guint index)
{
  static const char *const identities[] = { "id", "name", "path" };
  JsonNode *entry = json_array_get_element (now_list, index);
  int found = -1;

  if (g_strcmp0 (key, "steps") == 0 && member (now_parent, "stages") != NULL)
    {
      /* A step leads from its stage: match the stage, so a stage added in
       * the meeting does not shift every later step's delta. */
      JsonNode *stages = member (now_parent, "stages");
      JsonNode *base_stages = member (base_parent, "stages");
      const char *id;
      if (!JSON_NODE_HOLDS_ARRAY (stages) || base_stages == NULL
          || !JSON_NODE_HOLDS_ARRAY (base_stages)
          || index >= json_array_get_length (json_node_get_array (stages)))
        return NULL;
      id = string_member (json_array_get_element (json_node_get_array (stages), index), "id");
      found = id ? find_by (json_node_get_array (base_stages), "id", id) : -1;
    }
  else if (JSON_NODE_HOLDS_OBJECT (entry))
    {
      for (guint k = 0; k < G_N_ELEMENTS (identities); k++)
        {
          const char *value = string_member (entry, identities[k]);
          if (value != NULL)
            {
              found = find_by (base_list, identities[k], value);
              goto done;
            }
        }
      found = (int) index;
    }
  else
    found = (int) index;
done:
  if (found < 0 || (guint) found >= json_array_get_length (base_list))
    return NULL;
  return json_array_get_element (base_list, (guint) found);
}

/* Walks path in the plan and in the baseline side by side; NULL when the
 * baseline has nothing there (an input added in the meeting). */
static JsonNode *
agreed_node (JsonNode *now_root, JsonNode *base_root, const char *path)
{
  JsonNode *now = now_root, *base = base_root;
  const char *p = path;

  while (*p != '\0' && now != NULL && base != NULL)
    {
      gsize len = strcspn (p, ".[");
      g_autofree char *key = g_strndup (p, len);
      JsonNode *now_parent = now, *base_parent = base;

      if (len > 0)
        {
          now = member (now, key);
          base = member (base, key);
        }
      p += len;
      while (*p == '[' && now != NULL && base != NULL)
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);
          if (end == NULL || *end != ']' || !JSON_NODE_HOLDS_ARRAY (now)
              || !JSON_NODE_HOLDS_ARRAY (base)
              || index >= json_array_get_length (json_node_get_array (now)))
            return NULL;
          {
            JsonNode *next_now = json_array_get_element (json_node_get_array (now), (guint) index);
            base = matching_entry (now_parent, base_parent, key, json_node_get_array (now),
                                   json_node_get_array (base), (guint) index);
            now_parent = now;
            base_parent = base;
            now = next_now;
          }
          p = end + 1;
        }
      if (*p == '.')
        p++;
      else if (*p != '\0' && *p != '[')
        return NULL;
    }
  return *p == '\0' ? base : NULL;
}

/* "scenarios[2].overrides[0].value" → "scenarios[2].overrides[0]". */
static gboolean
is_override_value (const char *path, char **override)
{
  if (!g_str_has_prefix (path, "scenarios[") || !g_str_has_suffix (path, "].value")
      || strstr (path, "].overrides[") == NULL)
    return FALSE;
  *override = g_strndup (path, strlen (path) - strlen (".value"));
  return TRUE;
}

gboolean
gs_meeting_field_delta (GsPlan *plan, const char *path, GsInputDelta *out)
{
  JsonNode *base_root = gs_plan_lookup (plan, "meeting.baseline");
  JsonNode *root;
  g_autofree char *override = NULL;
  const GsModel *model = gs_plan_get_model (plan);
  JsonNode *now, *before;
  const char *input = path;

  out->verdict = GS_VERDICT_SAME;
  out->was = out->change = NULL;
  if (path == NULL || *path == '\0' || base_root == NULL || !JSON_NODE_HOLDS_OBJECT (base_root)
      || model == NULL)
    return FALSE;
  /* The whole tree (people read from the text) only in a meeting: each field
   * of the window asks, and outside a meeting there is nothing to compare. */
  root = gs_plan_get_root (plan);
  now = gs_json_lookup (root, path);
  before = agreed_node (root, base_root, path);
  if (is_override_value (path, &override))
    {
      /* Judged as the input it overrides; with no such override agreed,
       * against what the agreed plan has for that input. */
      input = string_member (gs_json_lookup (root, override), "path");
      if (input == NULL)
        return FALSE;
      if (before == NULL)
        before = gs_json_lookup (base_root, input);
    }
  return gs_meeting_input_delta (model, input, before, now, out);
}
