/* gs-model.c — decoding and checking a plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-model.h"
#include "gs-actuals-data.h"
#include "gs-format.h"
#include "gs-comp.h"
#include "gs-error.h"
#include "gs-fingerprint.h"
#include "gs-json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static const char *const target_modes[] = { "growth", "absolute", NULL };
static const char *const owners[] = { "marketing", "sales", "partner", NULL };
static const char *const month_names[]
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

#define TRY(expr)                                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!(expr))                                                                                   \
      return FALSE;                                                                                \
  }                                                                                                \
  G_STMT_END

static char *
slug (const char *name)
{
  GString *out = g_string_new (NULL);
  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
    else if (out->len && out->str[out->len - 1] != '_')
      g_string_append_c (out, '_');
  while (out->len && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "stage");
  return g_string_free (out, FALSE);
}

static gboolean
decode_month (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, guint *year,
              guint *month, GError **error)
{
  g_autofree char *value = NULL;
  int y, m;
  char tail;
  TRY (gs_json_string (obj, path, key, need, NULL, &value, error));
  if (value == NULL)
    return TRUE;
  /* Exactly YYYY-MM: "2027-4" or "2027-04-01" would be read as a month by
   * sscanf alone, and written back differently by other tools. */
  if (strlen (value) != 7 || value[4] != '-' || !g_ascii_isdigit (value[5])
      || !g_ascii_isdigit (value[6]) || sscanf (value, "%4d-%2d%c", &y, &m, &tail) != 2 || y < 1900
      || y > 9999 || m < 1 || m > 12)
    {
      g_autofree char *where = gs_json_child_path (path, key);
      gs_json_invalid (error, where, _ ("“%s” is not a month like 2026-02"), value);
      return FALSE;
    }
  *year = y;
  *month = m;
  return TRUE;
}

static gboolean
nonempty_text (JsonObject *obj, const char *path, const char *key, char **out, GError **error)
{
  TRY (gs_json_string (obj, path, key, GS_FIELD_REQUIRED, NULL, out, error));
  if (g_strstrip (*out)[0] == '\0')
    {
      g_autofree char *where = gs_json_child_path (path, key);
      gs_json_invalid (error, where, _ ("must not be empty"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_company (GsModel *m, JsonObject *root, GError **error)
{
  GsCompany *c = &m->company;
  JsonObject *obj, *target;
  JsonArray *season;
  GsCurrency currency;
  gint64 n;
  int mode;

  TRY (gs_json_object (root, "", "company", GS_FIELD_REQUIRED, &obj, error));
  TRY (nonempty_text (obj, "company", "name", &c->name, error));
  TRY (gs_json_string (obj, "company", "currency", GS_FIELD_REQUIRED, NULL, &c->currency, error));
  if (strlen (c->currency) != 3 || !g_ascii_isupper (c->currency[0])
      || !g_ascii_isupper (c->currency[1]) || !g_ascii_isupper (c->currency[2]))
    {
      gs_json_invalid (error, "company.currency",
                       _ ("“%s” is not an ISO 4217 code like USD or EUR"), c->currency);
      return FALSE;
    }
  if (!gs_currency_lookup (c->currency, &currency)
      && !gs_format_currency_digits (c->currency, &currency.digits))
    {
      currency.digits = G_MAXUINT;
      if (json_object_get_member (obj, "currency_digits") == NULL
          || JSON_NODE_HOLDS_NULL (json_object_get_member (obj, "currency_digits")))
        {
          gs_json_invalid (
              error, "company.currency_digits",
              _ ("is missing; %s is not a currency Goalsheet knows, so give its minor-unit "
                 "digits (0 to 3)"),
              c->currency);
          return FALSE;
        }
    }
  TRY (gs_json_int (obj, "company", "currency_digits",
                    currency.digits == G_MAXUINT ? GS_FIELD_REQUIRED : GS_FIELD_OPTIONAL,
                    currency.digits, 0, 3, &n, error));
  /* Amounts are read with these digits: "1500.00" USD with 0 digits would be
   * refused, "1500" read as $1,500 and written as $15.00 by another tool. */
  if (currency.digits != G_MAXUINT && (guint) n != currency.digits)
    {
      /* Translators: the digits given, the currency code, its ISO 4217 digits. */
      gs_json_invalid (error, "company.currency_digits",
                       _ ("%u does not match %s, which has %u minor-unit digits (ISO 4217)"),
                       (guint) n, c->currency, currency.digits);
      return FALSE;
    }
  c->digits = (guint) n;

  c->start_year = 2026;
  c->start_month = 1;
  TRY (decode_month (obj, "company", "plan_start", GS_FIELD_REQUIRED, &c->start_year,
                     &c->start_month, error));
  TRY (gs_json_int (obj, "company", "fiscal_year_start_month", GS_FIELD_OPTIONAL, c->start_month, 1,
                    12, &n, error));
  c->fiscal_year_start_month = (guint) n;
  TRY (gs_json_int (obj, "company", "horizon_months", GS_FIELD_OPTIONAL, 12, 1, GS_MAX_HORIZON, &n,
                    error));
  c->horizon = (guint) n;

  TRY (gs_json_money (obj, "company", "prior_year_bookings", GS_FIELD_REQUIRED, 0, c->digits,
                      &c->prior_bookings, error));
  if (c->prior_bookings < 0)
    {
      gs_json_invalid (error, "company.prior_year_bookings", _ ("must not be negative"));
      return FALSE;
    }
  TRY (gs_json_object (obj, "company", "target", GS_FIELD_REQUIRED, &target, error));
  TRY (gs_json_enum (target, "company.target", "mode", GS_FIELD_REQUIRED, 0, target_modes, &mode,
                     error));
  c->target_mode = mode;
  TRY (gs_json_number (target, "company.target", "growth",
                       mode == GS_TARGET_GROWTH ? GS_FIELD_REQUIRED : GS_FIELD_OPTIONAL, 0, -0.99,
                       100, &c->growth, error));
  /* The continuation assumption: bookings after the plan need volume in its
   * last months; by default the target goes on growing as it did. */
  c->after_plan_growth_set = json_object_has_member (target, "after_plan_growth");
  TRY (gs_json_number (target, "company.target", "after_plan_growth", GS_FIELD_OPTIONAL,
                       mode == GS_TARGET_GROWTH ? c->growth : 0, -1, 100, &c->after_plan_growth,
                       error));
  TRY (gs_json_money (target, "company.target", "amount",
                      mode == GS_TARGET_ABSOLUTE ? GS_FIELD_REQUIRED : GS_FIELD_OPTIONAL, 0,
                      c->digits, &c->target_amount, error));
  if (mode == GS_TARGET_ABSOLUTE && c->target_amount <= 0)
    {
      gs_json_invalid (error, "company.target.amount", _ ("must be more than zero"));
      return FALSE;
    }
  if (mode == GS_TARGET_GROWTH && c->prior_bookings == 0)
    {
      gs_json_invalid (
          error, "company.target.growth",
          _ ("a growth target needs prior_year_bookings above zero; set an absolute target "
             "instead"));
      return FALSE;
    }
  TRY (gs_json_money (obj, "company", "existing_customer_bookings", GS_FIELD_OPTIONAL, 0, c->digits,
                      &c->existing_bookings, error));
  if (c->existing_bookings < 0)
    {
      gs_json_invalid (error, "company.existing_customer_bookings", _ ("must not be negative"));
      return FALSE;
    }

  for (guint i = 0; i < 12; i++)
    c->seasonality[i] = 1.0;
  TRY (gs_json_array (obj, "company", "seasonality", GS_FIELD_OPTIONAL, &season, error));
  if (season)
    {
      double sum = 0;
      if (json_array_get_length (season) != 12)
        {
          gs_json_invalid (error, "company.seasonality",
                           _ ("has %u weights; give one for each of 12 months"),
                           json_array_get_length (season));
          return FALSE;
        }
      for (guint i = 0; i < 12; i++)
        {
          g_autofree char *p = gs_json_index_path ("company.seasonality", i);
          TRY (gs_json_node_number (json_array_get_element (season, i), p, 0, 1000,
                                    &c->seasonality[i], error));
          sum += c->seasonality[i];
        }
      if (sum <= 0)
        {
          gs_json_invalid (error, "company.seasonality", _ ("all weights are zero"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
decode_funnel (GsModel *m, JsonObject *root, GError **error)
{
  JsonObject *obj;
  JsonArray *stages, *steps;
  guint n;

  TRY (gs_json_object (root, "", "funnel", GS_FIELD_REQUIRED, &obj, error));
  TRY (gs_json_array (obj, "funnel", "stages", GS_FIELD_REQUIRED, &stages, error));
  n = json_array_get_length (stages);
  if (n < 2)
    {
      gs_json_invalid (
          error, "funnel.stages",
          g_dngettext (GETTEXT_PACKAGE,
                       "has %u stage; a funnel needs at least two (e.g. Lead and Won)",
                       "has %u stages; a funnel needs at least two (e.g. Lead and Won)", n),
          n);
      return FALSE;
    }
  if (n > GS_MAX_STAGES)
    {
      gs_json_invalid (error, "funnel.stages", _ ("has %u stages; at most %u are supported"), n,
                       GS_MAX_STAGES);
      return FALSE;
    }
  m->stages = g_new0 (GsStage, n);
  m->n_stages = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = gs_json_index_path ("funnel.stages", i);
      JsonObject *s;
      TRY (s = gs_json_array_object (stages, "funnel.stages", i, error));
      TRY (nonempty_text (s, p, "name", &m->stages[i].name, error));
      TRY (gs_json_string (s, p, "id", GS_FIELD_OPTIONAL, NULL, &m->stages[i].id, error));
      if (m->stages[i].id == NULL)
        m->stages[i].id = slug (m->stages[i].name);
      else if (!gs_json_valid_id (m->stages[i].id))
        {
          g_autofree char *where = gs_json_child_path (p, "id");
          gs_json_invalid (error, where, _ ("“%s” may use only a-z, 0-9, _ and -"),
                           m->stages[i].id);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *a = g_utf8_casefold (m->stages[i].name, -1);
          g_autofree char *b = g_utf8_casefold (m->stages[j].name, -1);
          if (g_strcmp0 (a, b) == 0)
            {
              gs_json_invalid (error, p,
                               _ ("“%s” repeats the name of funnel.stages[%u]; stage names must "
                                  "be unique"),
                               m->stages[i].name, j);
              return FALSE;
            }
          if (g_strcmp0 (m->stages[i].id, m->stages[j].id) == 0)
            {
              g_autofree char *where = gs_json_child_path (p, "id");
              gs_json_invalid (error, where,
                               _ ("“%s” is the id of funnel.stages[%u] too; stage ids must "
                                  "be unique"),
                               m->stages[i].id, j);
              return FALSE;
            }
        }
    }

  TRY (gs_json_array (obj, "funnel", "steps", GS_FIELD_REQUIRED, &steps, error));
  if (json_array_get_length (steps) != n - 1)
    {
      gs_json_invalid (error, "funnel.steps",
                       _ ("has %u steps for %u stages; there must be one step between "
                          "each pair of stages (%u)"),
                       json_array_get_length (steps), n, n - 1);
      return FALSE;
    }
  m->steps = g_new0 (GsStep, n - 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *p = gs_json_index_path ("funnel.steps", i);
      JsonObject *s;
      TRY (s = gs_json_array_object (steps, "funnel.steps", i, error));
      TRY (gs_json_rate (s, p, "rate", GS_FIELD_REQUIRED, 0, &m->steps[i].rate, error));
      TRY (gs_json_number (s, p, "lag_days", GS_FIELD_OPTIONAL, 0, 0, 730, &m->steps[i].lag_days,
                           error));
    }
  {
    g_autofree char *handoff = NULL;
    guint fallback = gs_model_stage_index (m, "mql");
    if (fallback == G_MAXUINT || fallback + 1 >= n)
      fallback = 0;
    TRY (gs_json_string (obj, "funnel", "handoff_stage", GS_FIELD_OPTIONAL, m->stages[fallback].id,
                         &handoff, error));
    m->handoff = gs_model_stage_index (m, handoff);
    if (m->handoff == G_MAXUINT || m->handoff + 1 >= n)
      {
        gs_json_invalid (
            error, "funnel.handoff_stage",
            _ ("“%s” is not a stage before the last one (the stage where marketing hands "
               "leads to sales, e.g. “mql”)"),
            handoff);
        return FALSE;
      }
  }
  TRY (gs_json_money (obj, "funnel", "deal_size", GS_FIELD_REQUIRED, 0, m->company.digits,
                      &m->deal_size, error));
  if (m->deal_size <= 0)
    {
      g_autofree char *v = gs_money_to_plain (m->deal_size, m->company.digits);
      gs_json_invalid (error, "funnel.deal_size",
                       _ ("%s is not a deal size; it must be more than zero"), v);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_source (GsModel *m, JsonObject *s, const char *p, GsSource *src, GError **error)
{
  guint n_steps = m->n_stages - 1;
  g_autofree char *entry = NULL;
  JsonObject *rates;
  JsonArray *planned;
  int owner;

  TRY (nonempty_text (s, p, "name", &src->name, error));
  TRY (gs_json_string (s, p, "id", GS_FIELD_OPTIONAL, NULL, &src->id, error));
  if (src->id == NULL)
    src->id = slug (src->name);
  else if (!gs_json_valid_id (src->id))
    {
      g_autofree char *where = gs_json_child_path (p, "id");
      gs_json_invalid (error, where, _ ("“%s” may use only a-z, 0-9, _ and -"), src->id);
      return FALSE;
    }
  TRY (gs_json_enum (s, p, "owner", GS_FIELD_OPTIONAL, GS_OWNER_MARKETING, owners, &owner, error));
  src->owner = owner;
  TRY (gs_json_fraction (s, p, "share", GS_FIELD_REQUIRED, 0, &src->share, error));
  TRY (gs_json_money (s, p, "cost_per_lead", GS_FIELD_OPTIONAL, 0, m->company.digits,
                      &src->cost_per_lead, error));
  if (src->cost_per_lead < 0)
    {
      g_autofree char *where = gs_json_child_path (p, "cost_per_lead");
      gs_json_invalid (error, where, _ ("must not be negative"));
      return FALSE;
    }
  TRY (gs_json_string (s, p, "entry_stage", GS_FIELD_OPTIONAL, m->stages[0].id, &entry, error));
  src->entry_stage = gs_model_stage_index (m, entry);
  if (src->entry_stage == G_MAXUINT || src->entry_stage + 1 >= m->n_stages)
    {
      g_autofree char *where = gs_json_child_path (p, "entry_stage");
      gs_json_invalid (error, where, _ ("“%s” is not a funnel stage before the last one"), entry);
      return FALSE;
    }

  src->rates = g_new0 (double, n_steps);
  src->rate_is_own = g_new0 (gboolean, n_steps);
  for (guint i = 0; i < n_steps; i++)
    src->rates[i] = m->steps[i].rate;
  TRY (gs_json_object (s, p, "rates", GS_FIELD_OPTIONAL, &rates, error));
  if (rates)
    {
      g_autofree char *rp = gs_json_child_path (p, "rates");
      g_autoptr (GList) members = json_object_get_members (rates);
      for (GList *l = members; l; l = l->next)
        {
          guint idx = gs_model_stage_index (m, l->data);
          if (idx == G_MAXUINT || idx + 1 >= m->n_stages)
            {
              g_autofree char *where = gs_json_child_path (rp, l->data);
              gs_json_invalid (error, where,
                               _ ("“%s” is not a stage with a next step (use a stage id such "
                                  "as “%s”)"),
                               (char *) l->data, m->stages[0].id);
              return FALSE;
            }
          if (JSON_NODE_HOLDS_NULL (json_object_get_member (rates, l->data)))
            continue;
          TRY (gs_json_rate (rates, rp, l->data, GS_FIELD_REQUIRED, 0, &src->rates[idx], error));
          src->rate_is_own[idx] = TRUE;
        }
    }

  TRY (gs_json_array (s, p, "planned_volume", GS_FIELD_OPTIONAL, &planned, error));
  if (planned)
    {
      g_autofree char *pp = gs_json_child_path (p, "planned_volume");
      if (json_array_get_length (planned) != m->company.horizon)
        {
          gs_json_invalid (error, pp, _ ("has %u months; the plan has %u"),
                           json_array_get_length (planned), m->company.horizon);
          return FALSE;
        }
      src->planned = g_new0 (double, m->company.horizon);
      for (guint i = 0; i < m->company.horizon; i++)
        {
          g_autofree char *ep = gs_json_index_path (pp, i);
          TRY (gs_json_node_number (json_array_get_element (planned, i), ep, 0, 1e12,
                                    &src->planned[i], error));
        }
    }
  return TRUE;
}

static gboolean
decode_sources (GsModel *m, JsonObject *root, GError **error)
{
  JsonArray *sources;
  double sum = 0;
  guint n;

  TRY (gs_json_array (root, "", "sources", GS_FIELD_REQUIRED, &sources, error));
  n = json_array_get_length (sources);
  if (n == 0)
    {
      gs_json_invalid (error, "sources", _ ("is empty; a plan needs at least one lead source"));
      return FALSE;
    }
  if (n > GS_MAX_SOURCES)
    {
      gs_json_invalid (error, "sources", _ ("has %u lead sources; at most %u are supported"), n,
                       GS_MAX_SOURCES);
      return FALSE;
    }
  m->sources = g_new0 (GsSource, n);
  m->n_sources = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = gs_json_index_path ("sources", i);
      JsonObject *s;
      TRY (s = gs_json_array_object (sources, "sources", i, error));
      TRY (decode_source (m, s, p, &m->sources[i], error));
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (m->sources[i].id, m->sources[j].id) == 0)
          {
            g_autofree char *where = gs_json_child_path (p, "id");
            gs_json_invalid (error, where,
                             _ ("“%s” is used by sources[%u] too; source ids must be unique"),
                             m->sources[i].id, j);
            return FALSE;
          }
      sum += m->sources[i].share;
    }
  if (fabs (sum - 1.0) > 1e-6)
    {
      gs_json_invalid (error, "sources", _ ("the shares add up to %.4g %%, not 100 %%"), sum * 100);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_hires (GsModel *m, JsonObject *obj, const char *path, GsHire **hires, guint *n_hires,
              GError **error)
{
  JsonArray *array;
  g_autofree char *hp = gs_json_child_path (path, "hires");

  TRY (gs_json_array (obj, path, "hires", GS_FIELD_OPTIONAL, &array, error));
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) > GS_MAX_HIRES)
    {
      gs_json_invalid (error, hp, _ ("has %u hiring entries; at most %u are supported"),
                       json_array_get_length (array), GS_MAX_HIRES);
      return FALSE;
    }
  *n_hires = json_array_get_length (array);
  *hires = g_new0 (GsHire, *n_hires);
  for (guint i = 0; i < *n_hires; i++)
    {
      g_autofree char *p = gs_json_index_path (hp, i);
      JsonObject *h;
      guint year = 0, month = 0;
      int index;
      gint64 count;
      TRY (h = gs_json_array_object (array, hp, i, error));
      TRY (decode_month (h, p, "month", GS_FIELD_REQUIRED, &year, &month, error));
      index = ((int) year - (int) m->company.start_year) * 12 + (int) month
              - (int) m->company.start_month;
      if (index < 0 || index >= (int) m->company.horizon)
        {
          g_autofree char *where = gs_json_child_path (p, "month");
          guint last
              = m->company.start_year * 12 + m->company.start_month - 1 + m->company.horizon - 1;
          gs_json_invalid (error, where,
                           _ ("%04u-%02u is outside the plan, which runs from %04u-%02u to "
                              "%04u-%02u"),
                           year, month, m->company.start_year, m->company.start_month, last / 12,
                           last % 12 + 1);
          return FALSE;
        }
      TRY (gs_json_int (h, p, "count", GS_FIELD_REQUIRED, 0, 1, 100000, &count, error));
      (*hires)[i].month = (guint) index;
      (*hires)[i].count = (guint) count;
    }
  return TRUE;
}

static gboolean
decode_capacity (GsModel *m, JsonObject *root, GError **error)
{
  JsonObject *obj, *ae, *sdr;
  JsonArray *ramp;
  gint64 n;

  TRY (gs_json_object (root, "", "capacity", GS_FIELD_REQUIRED, &obj, error));
  TRY (gs_json_object (obj, "capacity", "ae", GS_FIELD_REQUIRED, &ae, error));
  TRY (gs_json_int (ae, "capacity.ae", "start_headcount", GS_FIELD_REQUIRED, 0, 0, 100000, &n,
                    error));
  m->ae.start_headcount = (guint) n;
  TRY (decode_hires (m, ae, "capacity.ae", &m->ae.hires, &m->ae.n_hires, error));
  TRY (gs_json_money (ae, "capacity.ae", "quota", GS_FIELD_REQUIRED, 0, m->company.digits,
                      &m->ae.quota, error));
  if (m->ae.quota <= 0)
    {
      gs_json_invalid (error, "capacity.ae.quota", _ ("must be more than zero"));
      return FALSE;
    }
  TRY (gs_json_list (ae, "capacity.ae", "ramp", GS_FIELD_OPTIONAL, GS_MAX_RAMP, &ramp, error));
  if (ramp)
    {
      m->ae.n_ramp = json_array_get_length (ramp);
      if (m->ae.n_ramp > 24)
        {
          gs_json_invalid (error, "capacity.ae.ramp", _ ("has %u months; at most 24"),
                           m->ae.n_ramp);
          return FALSE;
        }
      m->ae.ramp = g_new0 (double, m->ae.n_ramp + 1);
      for (guint i = 0; i < m->ae.n_ramp; i++)
        {
          g_autofree char *p = gs_json_index_path ("capacity.ae.ramp", i);
          TRY (gs_json_node_number (json_array_get_element (ramp, i), p, 0, 1, &m->ae.ramp[i],
                                    error));
        }
    }
  else
    {
      static const double default_ramp[] = { 0, 0.25, 0.5, 0.75 };
      m->ae.n_ramp = G_N_ELEMENTS (default_ramp);
      /* n_ramp + 1 entries, like a ramp read from the file (gs_model_copy copies that many). */
      m->ae.ramp = g_new0 (double, m->ae.n_ramp + 1);
      memcpy (m->ae.ramp, default_ramp, sizeof default_ramp);
    }
  TRY (gs_json_number (ae, "capacity.ae", "attainment", GS_FIELD_OPTIONAL, 1.0, 0.01, 3,
                       &m->ae.attainment, error));
  TRY (gs_json_number (ae, "capacity.ae", "monthly_attrition", GS_FIELD_OPTIONAL, 0, 0, 0.99,
                       &m->ae.attrition, error));
  TRY (gs_json_number (ae, "capacity.ae", "backlog_decay", GS_FIELD_OPTIONAL, 0, 0, 1,
                       &m->ae.backlog_decay, error));

  TRY (gs_json_object (obj, "capacity", "sdr", GS_FIELD_OPTIONAL, &sdr, error));
  if (sdr)
    {
      TRY (gs_json_int (sdr, "capacity.sdr", "start_headcount", GS_FIELD_REQUIRED, 0, 0, 100000, &n,
                        error));
      m->sdr.start_headcount = (guint) n;
      TRY (decode_hires (m, sdr, "capacity.sdr", &m->sdr.hires, &m->sdr.n_hires, error));
      TRY (gs_json_number (sdr, "capacity.sdr", "sqls_per_month", GS_FIELD_REQUIRED, 0, 0, 10000,
                           &m->sdr.sqls_per_month, error));
      TRY (
          gs_json_int (sdr, "capacity.sdr", "ramp_months", GS_FIELD_OPTIONAL, 1, 0, 24, &n, error));
      m->sdr.ramp_months = (guint) n;
    }
  return TRUE;
}

static gboolean
decode_agreements (GsModel *m, JsonNode *root_node, GError **error)
{
  GsAgreements *a = &m->agreements;
  JsonObject *root = json_node_get_object (root_node);
  JsonObject *obj;
  JsonArray *signoffs;

  TRY (gs_json_object (root, "", "agreements", GS_FIELD_OPTIONAL, &obj, error));
  TRY (gs_json_string (obj, "agreements", "mql_definition", GS_FIELD_OPTIONAL, "",
                       &a->mql_definition, error));
  TRY (gs_json_string (obj, "agreements", "sql_definition", GS_FIELD_OPTIONAL, "",
                       &a->sql_definition, error));
  TRY (gs_json_number (obj, "agreements", "lead_score_threshold", GS_FIELD_OPTIONAL, 0, 0, 1000,
                       &a->lead_score_threshold, error));
  TRY (gs_json_number (obj, "agreements", "followup_sla_hours", GS_FIELD_OPTIONAL, 24, 0, 8760,
                       &a->followup_sla_hours, error));
  TRY (gs_json_fraction (obj, "agreements", "acceptance_rate", GS_FIELD_OPTIONAL, 1.0,
                         &a->acceptance_rate, error));
  if (obj == NULL)
    return TRUE;
  TRY (gs_json_list (obj, "agreements", "signoffs", GS_FIELD_OPTIONAL, GS_MAX_SIGNOFFS, &signoffs,
                     error));
  if (signoffs == NULL)
    return TRUE;
  a->n_signoffs = json_array_get_length (signoffs);
  a->signoffs = g_new0 (GsSignoff, a->n_signoffs);
  for (guint i = 0; i < a->n_signoffs; i++)
    {
      g_autofree char *p = gs_json_index_path ("agreements.signoffs", i);
      JsonObject *s;
      TRY (s = gs_json_array_object (signoffs, "agreements.signoffs", i, error));
      TRY (nonempty_text (s, p, "role", &a->signoffs[i].role, error));
      TRY (gs_json_string (s, p, "name", GS_FIELD_OPTIONAL, "", &a->signoffs[i].name, error));
      TRY (gs_json_date (s, p, "date", GS_FIELD_OPTIONAL, &a->signoffs[i].date,
                         &a->signoffs[i].signed_off, error));
      TRY (gs_json_string (s, p, "fingerprint", GS_FIELD_OPTIONAL, "", &a->signoffs[i].fingerprint,
                           error));
      if (*a->signoffs[i].fingerprint == '\0')
        g_clear_pointer (&a->signoffs[i].fingerprint, g_free);
      if (a->signoffs[i].fingerprint != NULL && a->fingerprint == NULL)
        a->fingerprint = gs_fingerprint_plan_deferred (root_node, m->deferred);
      a->signoffs[i].changed = a->signoffs[i].signed_off && a->signoffs[i].fingerprint
                               && strcmp (a->signoffs[i].fingerprint, a->fingerprint) != 0;
    }
  return TRUE;
}

static gboolean
check_header (JsonObject *root, GError **error)
{
  g_autofree char *format = NULL, *version = NULL;
  guint major = 0, minor = 0;
  char tail;

  TRY (gs_json_string (root, "", "format", GS_FIELD_REQUIRED, NULL, &format, error));
  if (g_strcmp0 (format, GS_FORMAT_NAME) != 0)
    {
      gs_json_invalid (error, "format", _ ("“%s” is not a Goalsheet plan (expected “%s”)"), format,
                       GS_FORMAT_NAME);
      return FALSE;
    }
  TRY (gs_json_string (root, "", "version", GS_FIELD_REQUIRED, NULL, &version, error));
  if (sscanf (version, "%u.%u%c", &major, &minor, &tail) != 2)
    {
      gs_json_invalid (error, "version", _ ("“%s” is not a version like “1.0”"), version);
      return FALSE;
    }
  if (major > GS_FORMAT_MAJOR)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_VERSION,
                   _ ("version: this plan was written by a newer Goalsheet (format %u.%u); this "
                      "version reads format %d.x — please update Goalsheet"),
                   major, minor, GS_FORMAT_MAJOR);
      return FALSE;
    }
  if (major < 1)
    {
      gs_json_invalid (error, "version", _ ("format %u.%u is not known"), major, minor);
      return FALSE;
    }
  return TRUE;
}

/* The document floor reads the scenarios; their counts are bounded here so
 * that every verb refuses an oversized plan as it loads. */
static gboolean
check_scenario_counts (JsonObject *root, GError **error)
{
  JsonArray *scenarios;
  TRY (
      gs_json_list (root, "", "scenarios", GS_FIELD_OPTIONAL, GS_MAX_SCENARIOS, &scenarios, error));
  for (guint i = 0; scenarios && i < json_array_get_length (scenarios); i++)
    {
      JsonNode *e = json_array_get_element (scenarios, i);
      g_autofree char *p = gs_json_index_path ("scenarios", i);
      JsonArray *overrides;
      if (!JSON_NODE_HOLDS_OBJECT (e))
        continue; /* gs-scenario.c says what is wrong with it */
      TRY (gs_json_list (json_node_get_object (e), p, "overrides", GS_FIELD_OPTIONAL,
                         GS_MAX_OVERRIDES, &overrides, error));
    }
  return TRUE;
}

/* Whether actuals decoded against base read the same against m: they name
 * the plan's stages and sources by id and hold money in its digits. */
static gboolean
same_actuals_frame (const GsModel *m, const GsModel *base)
{
  if (m->company.digits != base->company.digits || m->n_stages != base->n_stages
      || m->n_sources != base->n_sources)
    return FALSE;
  for (guint i = 0; i < m->n_stages; i++)
    if (g_strcmp0 (m->stages[i].id, base->stages[i].id) != 0)
      return FALSE;
  for (guint i = 0; i < m->n_sources; i++)
    if (g_strcmp0 (m->sources[i].id, base->sources[i].id) != 0)
      return FALSE;
  return TRUE;
}

const char *const gs_model_deferred_lists[]
    = { "actuals.deals*", "actuals.leads*", "compensation.roles[].people", NULL };

static GsModel *
decode (JsonNode *root_node, const GsModel *base, JsonNode *base_root, GsJsonDeferred *deferred,
        const GsActualsStore *store, GError **error)
{
  g_autoptr (GsModel) m = g_new0 (GsModel, 1);
  JsonObject *root;
  JsonObject *was = NULL;
  gboolean shared;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the file holds no plan (expected a JSON object at the top)"));
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (base != NULL && base_root != NULL && JSON_NODE_HOLDS_OBJECT (base_root))
    was = json_node_get_object (base_root);
  else
    base = NULL;
  /* The very node base was decoded from: checked and decoded already. */
  shared = was != NULL && json_object_has_member (root, "actuals")
           && json_object_get_member (root, "actuals") == json_object_get_member (was, "actuals");
  m->tree = json_node_ref (root_node);
  m->deferred = deferred ? gs_json_deferred_ref (deferred) : NULL;
  if (!check_header (root, error)
      || !gs_json_check_text_changed (root_node, base ? base_root : NULL, NULL, GS_MAX_NAME,
                                      GS_MAX_TEXT, error)
      || !check_scenario_counts (root, error) || !decode_company (m, root, error)
      || !decode_funnel (m, root, error) || !decode_sources (m, root, error)
      || !decode_capacity (m, root, error) || !decode_agreements (m, root_node, error))
    return NULL;
  if (!gs_comp_decode_into_model_sharing (m, root, base, was, deferred, error))
    return NULL;
  if (shared && same_actuals_frame (m, base))
    m->actuals = base->actuals ? gs_actuals_data_copy_sharing (base->actuals) : NULL;
  else if (!gs_actuals_decode_into_model (m, root, deferred, store, error))
    return NULL;
  return g_steal_pointer (&m);
}

GsModel *
gs_model_decode (JsonNode *root_node, GError **error)
{
  return decode (root_node, NULL, NULL, NULL, NULL, error);
}

GsModel *
gs_model_decode_sharing (JsonNode *root, const GsModel *base, JsonNode *base_root, GError **error)
{
  return decode (root, base, base_root, NULL, NULL, error);
}

GsModel *
gs_model_decode_store (JsonNode *root, const GsModel *base, JsonNode *base_root,
                       GsJsonDeferred *deferred, const GsActualsStore *store, GError **error)
{
  return decode (root, base, base_root, deferred, store, error);
}

GsModel *
gs_model_decode_deferred (JsonNode *root, GsJsonDeferred *deferred, GError **error)
{
  return decode (root, NULL, NULL, deferred, NULL, error);
}

static void
free_sources (GsSource *sources, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (sources[i].id);
      g_free (sources[i].name);
      g_free (sources[i].rates);
      g_free (sources[i].rate_is_own);
      g_free (sources[i].planned);
    }
  g_free (sources);
}

void
gs_model_free (GsModel *m)
{
  if (m == NULL)
    return;
  g_free (m->company.name);
  g_free (m->company.currency);
  for (guint i = 0; i < m->n_stages && m->stages; i++)
    {
      g_free (m->stages[i].id);
      g_free (m->stages[i].name);
    }
  g_free (m->stages);
  g_free (m->steps);
  free_sources (m->sources, m->n_sources);
  g_free (m->ae.hires);
  g_free (m->ae.ramp);
  g_free (m->sdr.hires);
  g_free (m->agreements.mql_definition);
  g_free (m->agreements.sql_definition);
  for (guint i = 0; i < m->agreements.n_signoffs && m->agreements.signoffs; i++)
    {
      g_free (m->agreements.signoffs[i].role);
      g_free (m->agreements.signoffs[i].name);
      g_free (m->agreements.signoffs[i].fingerprint);
    }
  g_free (m->agreements.signoffs);
  g_free (m->agreements.fingerprint);
  g_clear_pointer (&m->tree, json_node_unref);
  g_clear_pointer (&m->deferred, gs_json_deferred_free);
  g_clear_pointer (&m->comp, gs_comp_model_free);
  g_clear_pointer (&m->actuals, gs_actuals_data_free);
  g_free (m);
}

GsModel *
gs_model_copy (const GsModel *m)
{
  GsModel *c = g_memdup2 (m, sizeof *m);
  guint n_steps = m->n_stages - 1;

  c->company.name = g_strdup (m->company.name);
  c->company.currency = g_strdup (m->company.currency);
  c->stages = g_new0 (GsStage, m->n_stages);
  for (guint i = 0; i < m->n_stages; i++)
    {
      c->stages[i].id = g_strdup (m->stages[i].id);
      c->stages[i].name = g_strdup (m->stages[i].name);
    }
  c->steps = g_memdup2 (m->steps, sizeof (GsStep) * n_steps);
  c->sources = g_new0 (GsSource, m->n_sources);
  for (guint i = 0; i < m->n_sources; i++)
    {
      c->sources[i] = m->sources[i];
      c->sources[i].id = g_strdup (m->sources[i].id);
      c->sources[i].name = g_strdup (m->sources[i].name);
      c->sources[i].rates = g_memdup2 (m->sources[i].rates, sizeof (double) * n_steps);
      c->sources[i].rate_is_own
          = g_memdup2 (m->sources[i].rate_is_own, sizeof (gboolean) * n_steps);
      c->sources[i].planned
          = m->sources[i].planned
                ? g_memdup2 (m->sources[i].planned, sizeof (double) * m->company.horizon)
                : NULL;
    }
  c->ae.hires = g_memdup2 (m->ae.hires, sizeof (GsHire) * m->ae.n_hires);
  c->ae.ramp = g_memdup2 (m->ae.ramp, sizeof (double) * (m->ae.n_ramp + 1));
  c->sdr.hires = g_memdup2 (m->sdr.hires, sizeof (GsHire) * m->sdr.n_hires);
  c->agreements.mql_definition = g_strdup (m->agreements.mql_definition);
  c->agreements.sql_definition = g_strdup (m->agreements.sql_definition);
  c->agreements.signoffs = g_new0 (GsSignoff, m->agreements.n_signoffs);
  for (guint i = 0; i < m->agreements.n_signoffs; i++)
    {
      c->agreements.signoffs[i] = m->agreements.signoffs[i];
      c->agreements.signoffs[i].role = g_strdup (m->agreements.signoffs[i].role);
      c->agreements.signoffs[i].name = g_strdup (m->agreements.signoffs[i].name);
      c->agreements.signoffs[i].fingerprint = g_strdup (m->agreements.signoffs[i].fingerprint);
    }
  c->agreements.fingerprint = g_strdup (m->agreements.fingerprint);
  c->tree = m->tree ? json_node_ref (m->tree) : NULL;
  c->deferred = m->deferred ? gs_json_deferred_ref (m->deferred) : NULL;
  c->comp = m->comp ? gs_comp_model_copy (m->comp) : NULL;
  c->actuals = m->actuals ? gs_actuals_data_copy_sharing (m->actuals) : NULL;
  return c;
}

const char *
gs_model_fingerprint (const GsModel *m)
{
  /* Filled once, by whichever thread asks first; the model is otherwise
   * read only, so another reader may be asking at the same time. */
  char **slot = (char **) &m->agreements.fingerprint;
  char *computed = g_atomic_pointer_get (slot);
  if (computed != NULL || m->tree == NULL)
    return computed;
  computed = gs_fingerprint_plan_deferred (m->tree, m->deferred);
  if (!g_atomic_pointer_compare_and_exchange (slot, NULL, computed))
    g_free (computed);
  return g_atomic_pointer_get (slot);
}

guint
gs_model_stage_index (const GsModel *m, const char *id)
{
  for (guint i = 0; i < m->n_stages; i++)
    if (g_strcmp0 (m->stages[i].id, id) == 0)
      return i;
  return G_MAXUINT;
}

guint
gs_model_n_steps (const GsModel *m)
{
  return m->n_stages - 1;
}

/* Calendar month (0-based, Jan = 0) and year of a plan month. */
static void
calendar_of (const GsModel *m, int month, int *year, int *cal_month)
{
  int abs_month = (int) m->company.start_year * 12 + (int) m->company.start_month - 1 + month;
  *year = abs_month / 12;
  *cal_month = abs_month % 12;
}

static void
fiscal_of (const GsModel *m, int month, int *fy, int *quarter)
{
  int year, cal;
  int fy_start = (int) m->company.fiscal_year_start_month - 1;
  calendar_of (m, month, &year, &cal);
  /* The fiscal year is named by the calendar year in which it ends. */
  *fy = (cal >= fy_start && fy_start > 0) ? year + 1 : year;
  *quarter = ((cal - fy_start + 12) % 12) / 3;
}

GsMonth
gs_model_month (const GsModel *m, int month)
{
  int year, cal, fy, q;
  calendar_of (m, month, &year, &cal);
  fiscal_of (m, month, &fy, &q);
  return (GsMonth){ month, (guint) year, (guint) cal + 1, (guint) fy, (guint) q + 1 };
}

char *
gs_model_month_label (const GsModel *m, int month)
{
  int year, cal, fy, q;
  calendar_of (m, month, &year, &cal);
  fiscal_of (m, month, &fy, &q);
  return g_strdup_printf ("FY%02d Q%d / %s", fy % 100, q + 1, month_names[cal]);
}

int
gs_model_fiscal_quarter (const GsModel *m, int month)
{
  int fy0, q0, fy, q;
  fiscal_of (m, 0, &fy0, &q0);
  fiscal_of (m, month, &fy, &q);
  return (fy * 4 + q) - (fy0 * 4 + q0);
}
