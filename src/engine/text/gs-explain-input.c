/* gs-explain-input.c — a plan input named the way the VPs name it.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-input.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gs-comp.h"
#include "gs-explain.h"
#include "gs-format.h"

#define MAX_TOKENS 8
#define LONG_ARRAY 12 /* more entries than this are counted, not listed */

/* "sources[1].planned_volume[3]" → keys "sources", "planned_volume" with
 * their indexes (-1 where a key has none). */
typedef struct
{
  char key[64];
  int index;
} Token;

static guint
tokenize (const char *path, Token *tokens)
{
  guint n = 0;
  const char *p = path;

  while (*p != '\0' && n < MAX_TOKENS)
    {
      gsize len = strcspn (p, ".[");
      Token *t = &tokens[n++];
      t->index = -1;
      g_strlcpy (t->key, p, MIN (len + 1, sizeof t->key));
      p += len;
      if (*p == '[')
        {
          t->index = (int) g_ascii_strtoll (p + 1, NULL, 10);
          p = strchr (p, ']');
          if (p == NULL)
            return n;
          p++;
        }
      if (*p == '.')
        p++;
    }
  return n;
}

static gboolean
is (const Token *t, guint n, guint i, const char *key)
{
  return i < n && strcmp (t[i].key, key) == 0;
}

/* A field of a structure the words below do not name: its key with spaces,
 * "expected_events" → "expected events". */
static char *
key_words (const Token *t, guint n, guint from)
{
  GString *out = g_string_new (NULL);
  for (guint i = from; i < n; i++)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      for (const char *c = t[i].key; *c != '\0'; c++)
        g_string_append_c (out, *c == '_' ? ' ' : *c);
      if (t[i].index >= 0)
        g_string_append_printf (out, " %d", t[i].index + 1);
    }
  return g_string_free (out, FALSE);
}

static const char *
stage_name (const GsModel *model, int index)
{
  return index >= 0 && (guint) index < model->n_stages ? model->stages[index].name : "?";
}

static char *
company_words (const GsModel *model, const Token *t, guint n)
{
  static const struct
  {
    const char *key;
    const char *words;
  } names[] = {
    { "name", N_ ("Company name") },
    { "currency", N_ ("Currency") },
    { "plan_start", N_ ("Plan start") },
    { "fiscal_year_start_month", N_ ("Fiscal year starts in") },
    { "horizon_months", N_ ("Months in the plan") },
    { "prior_year_bookings", N_ ("Last year's bookings") },
    { "existing_customer_bookings", N_ ("Bookings from existing customers") },
  };

  if (is (t, n, 1, "seasonality") && t[1].index >= 0 && t[1].index < 12)
    {
      /* Weights are by position in the fiscal year. */
      guint month = (model->company.fiscal_year_start_month - 1 + (guint) t[1].index) % 12 + 1;
      g_autofree char *name = gs_explain_month_name (month);
      /* Translators: %s a month's name ("Feb"). */
      return g_strdup_printf (_ ("Seasonality, %s"), name);
    }
  if (is (t, n, 1, "seasonality"))
    return g_strdup (_ ("Seasonality"));
  if (is (t, n, 1, "target") && is (t, n, 2, "mode"))
    return g_strdup (_ ("Target set by"));
  if (is (t, n, 1, "target") && is (t, n, 2, "growth"))
    return g_strdup (_ ("Growth"));
  if (is (t, n, 1, "target") && is (t, n, 2, "amount"))
    return g_strdup (_ ("Target for the year"));
  if (is (t, n, 1, "target") && is (t, n, 2, "after_plan_growth"))
    return g_strdup (_ ("Growth after the plan"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (n == 2 && is (t, n, 1, names[i].key))
      return g_strdup (_ (names[i].words));
  return NULL;
}

static char *
funnel_words (const GsModel *model, const Token *t, guint n)
{
  if (is (t, n, 1, "steps") && t[1].index >= 0)
    {
      const char *from = stage_name (model, t[1].index);
      const char *to = stage_name (model, t[1].index + 1);
      if (is (t, n, 2, "rate"))
        /* Translators: a conversion rate, "MQL → SQL rate". */
        return g_strdup_printf (_ ("%s → %s rate"), from, to);
      if (is (t, n, 2, "lag_days"))
        return g_strdup_printf (_ ("%s → %s lag (days)"), from, to);
      return g_strdup_printf (_ ("%s → %s"), from, to);
    }
  if (is (t, n, 1, "stages") && t[1].index >= 0 && n == 2)
    /* Translators: %s a funnel stage's name. */
    return g_strdup_printf (_ ("Stage “%s”"), stage_name (model, t[1].index));
  if (is (t, n, 1, "stages") && t[1].index >= 0 && is (t, n, 2, "name"))
    return g_strdup_printf (_ ("Stage “%s”: name"), stage_name (model, t[1].index));
  if (is (t, n, 1, "stages"))
    return g_strdup (_ ("Funnel stages"));
  if (is (t, n, 1, "handoff_stage"))
    return g_strdup (_ ("Hand-off stage"));
  if (is (t, n, 1, "deal_size"))
    return g_strdup (_ ("Average deal size"));
  return NULL;
}

static char *
source_words (const GsModel *model, const Token *t, guint n)
{
  const char *name;

  if (t[0].index < 0)
    return g_strdup (_ ("Sources"));
  name = (guint) t[0].index < model->n_sources ? model->sources[t[0].index].name : "?";
  if (n == 1)
    /* Translators: %s a lead source's name. */
    return g_strdup_printf (_ ("Source “%s”"), name);
  if (is (t, n, 1, "planned_volume") && t[1].index >= 0)
    {
      g_autofree char *month = gs_explain_plan_month_short (model, t[1].index);
      /* Translators: %1$s a source's name, %2$s a month ("Feb 27"). */
      return g_strdup_printf (_ ("%1$s: planned volume, %2$s"), name, month);
    }
  if (is (t, n, 1, "share"))
    return g_strdup_printf (_ ("%s: share"), name);
  if (is (t, n, 1, "cost_per_lead"))
    return g_strdup_printf (_ ("%s: cost per lead"), name);
  if (is (t, n, 1, "entry_stage"))
    return g_strdup_printf (_ ("%s: entry stage"), name);
  if (is (t, n, 1, "owner"))
    return g_strdup_printf (_ ("%s: owner"), name);
  if (is (t, n, 1, "name"))
    return g_strdup_printf (_ ("%s: name"), name);
  {
    g_autofree char *rest = key_words (t, n, 1);
    return g_strdup_printf ("%s: %s", name, rest);
  }
}

static char *
hires_words (const char *who_batch, const Token *t, guint n)
{
  /* Translators: %1$s "AE hires"/"SDR hires", %2$u the batch's number in the list. */
  g_autofree char *batch = g_strdup_printf (_ ("%1$s, batch %2$u"), who_batch, t[2].index + 1);
  if (is (t, n, 3, "month"))
    return g_strdup_printf (_ ("%s: month"), batch);
  if (is (t, n, 3, "count"))
    return g_strdup_printf (_ ("%s: people"), batch);
  return g_steal_pointer (&batch);
}

static char *
capacity_words (const Token *t, guint n)
{
  gboolean ae = is (t, n, 1, "ae"), sdr = is (t, n, 1, "sdr");

  if (is (t, n, 2, "hires") && t[2].index >= 0)
    return hires_words (ae ? _ ("AE hires") : _ ("SDR hires"), t, n);
  if (is (t, n, 2, "hires"))
    return g_strdup (ae ? _ ("AE hires") : _ ("SDR hires"));
  if (is (t, n, 2, "start_headcount"))
    return g_strdup (ae ? _ ("AEs at the start") : _ ("SDRs at the start"));
  if (ae && is (t, n, 2, "ramp") && t[2].index >= 0)
    /* Translators: %u months since a hire started, from 1. */
    return g_strdup_printf (_ ("AE ramp, month %u"), (guint) t[2].index + 1);
  if (ae && is (t, n, 2, "ramp"))
    return g_strdup (_ ("AE ramp"));
  if (ae && is (t, n, 2, "quota"))
    return g_strdup (_ ("AE quota"));
  if (ae && is (t, n, 2, "attainment"))
    return g_strdup (_ ("AE attainment of quota"));
  if (ae && is (t, n, 2, "monthly_attrition"))
    return g_strdup (_ ("AE attrition a month"));
  if (ae && is (t, n, 2, "backlog_decay"))
    return g_strdup (_ ("Backlog lost a month"));
  if (sdr && is (t, n, 2, "sqls_per_month"))
    return g_strdup (_ ("SQLs per SDR a month"));
  if (sdr && is (t, n, 2, "ramp_months"))
    return g_strdup (_ ("SDR ramp (months)"));
  return NULL;
}

static const char *
signoff_role (const char *role)
{
  if (g_strcmp0 (role, "vp_marketing") == 0)
    return _ ("VP marketing");
  if (g_strcmp0 (role, "vp_sales") == 0)
    return _ ("VP sales");
  if (g_strcmp0 (role, "ceo") == 0)
    return _ ("CEO");
  return role != NULL ? role : "?";
}

static char *
agreements_words (const GsModel *model, const Token *t, guint n)
{
  if (is (t, n, 1, "signoffs") && t[1].index >= 0)
    {
      const char *role = (guint) t[1].index < model->agreements.n_signoffs
                             ? model->agreements.signoffs[t[1].index].role
                             : NULL;
      if (is (t, n, 2, "name"))
        /* Translators: %s "VP marketing", "VP sales" or "CEO". */
        return g_strdup_printf (_ ("Signed by (%s)"), signoff_role (role));
      if (is (t, n, 2, "date"))
        /* Translators: %s "VP marketing", "VP sales" or "CEO". */
        return g_strdup_printf (_ ("Signed on (%s)"), signoff_role (role));
      if (is (t, n, 2, "fingerprint"))
        /* Translators: %s "VP marketing", "VP sales" or "CEO"; the fingerprint of the figures. */
        return g_strdup_printf (_ ("Figures signed (%s)"), signoff_role (role));
      /* Translators: %s "VP marketing", "VP sales" or "CEO". */
      return g_strdup_printf (_ ("Sign-off of the %s"), signoff_role (role));
    }
  if (is (t, n, 1, "signoffs"))
    return g_strdup (_ ("Sign-offs"));
  if (is (t, n, 1, "mql_definition"))
    return g_strdup (_ ("MQL definition"));
  if (is (t, n, 1, "sql_definition"))
    return g_strdup (_ ("SQL definition"));
  if (is (t, n, 1, "lead_score_threshold"))
    return g_strdup (_ ("Lead score threshold"));
  if (is (t, n, 1, "followup_sla_hours"))
    return g_strdup (_ ("Follow-up SLA (hours)"));
  if (is (t, n, 1, "acceptance_rate"))
    return g_strdup (_ ("MQLs accepted or rejected within the SLA"));
  return NULL;
}

static char *
compensation_words (const GsModel *model, const Token *t, guint n)
{
  const GsCompModel *comp = model->comp;
  const GsCompRole *role = NULL;
  g_autofree char *rest = NULL;

  if (!is (t, n, 1, "roles") || t[1].index < 0)
    {
      rest = key_words (t, n, 1);
      /* Translators: %s a field of the compensation section. */
      return n > 1 ? g_strdup_printf (_ ("Compensation: %s"), rest) : g_strdup (_ ("Compensation"));
    }
  if (comp != NULL && (guint) t[1].index < comp->n_roles)
    role = &comp->roles[t[1].index];
  if (n == 2)
    /* Translators: %s a role's name ("Account executive"). */
    return g_strdup_printf (_ ("Role “%s”"), role ? role->name : "?");
  if (is (t, n, 2, "components") && t[2].index >= 0)
    {
      const char *component = role != NULL && (guint) t[2].index < role->n_components
                                  ? role->components[t[2].index].name
                                  : "?";
      if (n == 3)
        /* Translators: %1$s a role's name, %2$s one of its pay components. */
        return g_strdup_printf (_ ("%1$s: component “%2$s”"), role ? role->name : "?", component);
      rest = key_words (t, n, 3);
      return g_strdup_printf ("%s, %s: %s", role ? role->name : "?", component, rest);
    }
  rest = key_words (t, n, 2);
  return g_strdup_printf ("%s: %s", role ? role->name : "?", rest);
}

char *
gs_explain_input_path (const GsModel *model, const char *path)
{
  Token t[MAX_TOKENS];
  guint n = tokenize (path, t);
  char *words = NULL;
  g_autofree char *rest = NULL;

  if (n == 0)
    return g_strdup (path);
  if (n == 1 && is (t, n, 0, "version"))
    return g_strdup (_ ("Plan file format"));
  if (is (t, n, 0, "company"))
    words = company_words (model, t, n);
  else if (is (t, n, 0, "funnel"))
    words = funnel_words (model, t, n);
  else if (is (t, n, 0, "sources"))
    words = source_words (model, t, n);
  else if (is (t, n, 0, "capacity"))
    words = capacity_words (t, n);
  else if (is (t, n, 0, "agreements"))
    words = agreements_words (model, t, n);
  else if (is (t, n, 0, "compensation"))
    words = compensation_words (model, t, n);
  else if (is (t, n, 0, "scenarios") && t[0].index >= 0)
    {
      rest = key_words (t, n, 1);
      /* Translators: %s a scenario's number in the plan's list. */
      words = n == 1 ? g_strdup_printf (_ ("Scenario %d"), t[0].index + 1)
                     : g_strdup_printf (_ ("Scenario %d: %s"), t[0].index + 1, rest);
    }
  else if (is (t, n, 0, "simulation"))
    {
      rest = key_words (t, n, 1);
      /* Translators: %s a setting of the Monte Carlo simulation. */
      words = g_strdup_printf (_ ("Simulation: %s"), rest);
    }
  else if (is (t, n, 0, "meeting"))
    words = g_strdup (is (t, n, 1, "locks") ? _ ("Agreed (locked) lines") : _ ("Meeting"));
  else if (is (t, n, 0, "actuals"))
    {
      rest = key_words (t, n, 1);
      /* Translators: %s a part of the imported CRM data ("deals"). */
      words = n == 1 ? g_strdup (_ ("Actuals")) : g_strdup_printf (_ ("Actuals: %s"), rest);
    }
  return words != NULL ? words : g_strdup (path);
}

static gboolean
last_key_in (const char *path, const char *const *keys)
{
  Token t[MAX_TOKENS];
  guint n = tokenize (path, t);
  return n > 0 && g_strv_contains (keys, t[n - 1].key);
}

/* Fractions the plan stores as 0.25 and people read as 25 %.  In the pay
 * plans only these keys are fractions; band edges and rates may be money. */
static gboolean
is_share (const char *path)
{
  static const char *const plan_keys[] = { "rate",
                                           "share",
                                           "growth",
                                           "after_plan_growth",
                                           "attainment",
                                           "monthly_attrition",
                                           "acceptance_rate",
                                           "backlog_decay",
                                           "ramp",
                                           NULL };
  static const char *const comp_keys[] = { "weight", "pay_mix", "min_attainment", NULL };

  if (g_str_has_prefix (path, "compensation."))
    return last_key_in (path, comp_keys);
  return last_key_in (path, plan_keys);
}

static gboolean
is_money (const char *path)
{
  static const char *const keys[] = { "prior_year_bookings",
                                      "existing_customer_bookings",
                                      "deal_size",
                                      "cost_per_lead",
                                      "quota",
                                      "amount",
                                      "ote",
                                      "base",
                                      "target_incentive",
                                      NULL };
  return last_key_in (path, keys);
}

GsUnit
gs_explain_input_unit (const char *path)
{
  if (is_share (path))
    return GS_UNIT_PERCENT;
  return is_money (path) ? GS_UNIT_MONEY : GS_UNIT_NUMBER;
}

char *
gs_explain_input_value (const GsModel *model, const char *path, JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      guint len = json_array_get_length (array);
      gboolean scalars = TRUE;
      for (guint i = 0; i < len && scalars; i++)
        scalars = JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i));
      if (scalars && len > 0 && len <= LONG_ARRAY)
        {
          g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < len; i++)
            {
              g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
              g_ptr_array_add (parts, gs_explain_input_value (model, element,
                                                              json_array_get_element (array, i)));
            }
          return gs_format_name_list (parts);
        }
      return g_strdup_printf (g_dngettext (NULL, "%u entry", "%u entries", len), len);
    }
  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);
      /* The change log keeps a large value as its size (gs-history.h). */
      if (json_object_get_size (object) == 1 && json_object_has_member (object, "entries"))
        {
          guint n = (guint) json_object_get_int_member (object, "entries");
          return g_strdup_printf (g_dngettext (NULL, "%u entry", "%u entries", n), n);
        }
      if (json_object_get_size (object) == 1 && json_object_has_member (object, "fields"))
        {
          guint n = (guint) json_object_get_int_member (object, "fields");
          return g_strdup_printf (g_dngettext (NULL, "%u field", "%u fields", n), n);
        }
      if (json_object_has_member (object, "name")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "name")))
        return g_strdup_printf (/* Translators: a text value, quoted. */ _ ("“%s”"),
                                json_object_get_string_member (object, "name"));
      if (json_object_has_member (object, "rate") && json_object_has_member (object, "lag_days"))
        {
          g_autofree char *rate
              = gs_format_percent_exact (json_object_get_double_member (object, "rate"));
          g_autofree char *lag
              = gs_format_number_short (json_object_get_double_member (object, "lag_days"), 1);
          /* Translators: a funnel step, %1$s its rate, %2$s its lag in days. */
          return g_strdup_printf (_ ("%1$s after %2$s days"), rate, lag);
        }
      if (json_object_has_member (object, "month") && json_object_has_member (object, "count"))
        {
          g_autofree char *count = gs_format_count (json_object_get_int_member (object, "count"));
          /* Translators: a hire batch, %1$s its month ("2027-04"), %2$s how many. */
          return g_strdup_printf (_ ("%2$s from %1$s"),
                                  json_object_get_string_member (object, "month"), count);
        }
      return g_strdup_printf (
          g_dngettext (NULL, "%u field", "%u fields", json_object_get_size (object)),
          json_object_get_size (object));
    }
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? _ ("yes") : _ ("no"));
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (value);
        GsMoney money;
        /* Twelve hex digits tell two fingerprints apart on screen. */
        if (g_str_has_suffix (path, "fingerprint") && g_str_has_prefix (text, "sha256:"))
          return g_strndup (text + strlen ("sha256:"), 12);
        if (is_money (path) && gs_money_parse (text, model->company.digits, &money, NULL))
          return gs_format_money (money, model->company.digits, model->company.currency,
                                  GS_MONEY_FORMAT_FULL);
        return g_strdup_printf (/* Translators: a text value, quoted. */ _ ("“%s”"), text);
      }
    default:
      {
        double number = json_node_get_double (value);
        if (g_str_has_suffix (path, "fiscal_year_start_month") && number >= 1 && number <= 12)
          return gs_explain_month_name ((guint) number);
        if (is_share (path))
          return gs_format_percent_exact (number);
        return gs_format_number_short (number, 4);
      }
    }
}

char *
gs_explain_input_change (const GsModel *old_model, const GsModel *new_model, const char *path,
                         JsonNode *from, JsonNode *to)
{
  g_autofree char *name = gs_explain_input_path (to == NULL ? old_model : new_model, path);
  g_autofree char *old_value = gs_explain_input_value (old_model, path, from);
  g_autofree char *new_value = gs_explain_input_value (new_model, path, to);

  if (from == NULL)
    /* Translators: %1$s an input in words, %2$s its value. */
    return g_strdup_printf (_ ("%1$s: added, %2$s"), name, new_value);
  if (to == NULL)
    /* Translators: %1$s an input in words, %2$s the value it had. */
    return g_strdup_printf (_ ("%1$s: removed (was %2$s)"), name, old_value);
  /* Translators: %1$s an input in words, %2$s its old value, %3$s the new one. */
  return g_strdup_printf (_ ("%1$s: %2$s → %3$s"), name, old_value, new_value);
}
