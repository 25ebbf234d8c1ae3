/* gs-new-plan.c — a plan made from a target (gs-new-plan.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-new-plan.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-json.h"

#include <math.h>
#include <glib/gi18n-lib.h>

/* Conversion medians by segment from the public benchmark table cited in
 * docs/presets.md; the lags are Goalsheet's stated assumptions. */
static const GsPresetStep presets[GS_N_MOTIONS][4] = {
  [GS_MOTION_INBOUND_SMB] = { { 0.32, 7 }, { 0.38, 10 }, { 0.48, 14 }, { 0.28, 30 } },
  [GS_MOTION_OUTBOUND_MID_MARKET] = { { 0.26, 10 }, { 0.36, 14 }, { 0.44, 21 }, { 0.22, 60 } },
  [GS_MOTION_ENTERPRISE] = { { 0.24, 14 }, { 0.32, 21 }, { 0.40, 30 }, { 0.18, 120 } },
};

/* Deals a fully ramped AE closes a year, which sets the quota (deal size ×
 * deals) and the starting team; an assumption the form states. */
static const double deals_per_ae[GS_N_MOTIONS] = { 40, 20, 6 };

/* The sources each motion starts with: share, entry stage, owner. */
typedef struct
{
  const char *id, *name, *owner, *entry;
  double share;
} Source;

static const Source sources[GS_N_MOTIONS][3] = {
  [GS_MOTION_INBOUND_SMB] = { { "inbound", N_ ("Marketing inbound"), "marketing", "lead", 1 } },
  [GS_MOTION_OUTBOUND_MID_MARKET]
  = { { "inbound", N_ ("Marketing inbound"), "marketing", "lead", 0.4 },
      { "outbound", N_ ("SDR outbound"), "sales", "sql", 0.6 } },
  [GS_MOTION_ENTERPRISE] = { { "inbound", N_ ("Marketing inbound"), "marketing", "lead", 0.5 },
                             { "outbound", N_ ("SDR outbound"), "sales", "sql", 0.3 },
                             { "partner", N_ ("Partner referrals"), "partner", "sql", 0.2 } },
};

const GsPresetStep *
gs_motion_preset (GsMotion motion)
{
  g_return_val_if_fail (motion < GS_N_MOTIONS, presets[0]);
  return presets[motion];
}

static void
set_money (JsonObject *obj, const char *key, GsMoney value, guint digits)
{
  g_autofree char *plain = gs_money_to_plain (value, digits);
  json_object_set_string_member (obj, key, plain);
}

static JsonNode *
sources_node (GsMotion motion)
{
  JsonArray *array = json_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (sources[motion]) && sources[motion][i].id; i++)
    {
      const Source *s = &sources[motion][i];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "id", s->id);
      json_object_set_string_member (o, "name", _ (s->name));
      json_object_set_string_member (o, "owner", s->owner);
      json_object_set_double_member (o, "share", s->share);
      json_object_set_string_member (o, "cost_per_lead", "0");
      json_object_set_string_member (o, "entry_stage", s->entry);
      json_array_add_object_element (array, o);
    }
  {
    JsonNode *node = json_node_new (JSON_NODE_ARRAY);
    json_node_take_array (node, array); /* the node owns the only reference */
    return node;
  }
}

static void
set_funnel (JsonObject *root, const GsNewPlanSpec *spec, guint digits)
{
  JsonObject *funnel = json_object_get_object_member (root, "funnel");
  JsonArray *steps = json_array_new ();
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *step = json_object_new ();
      json_object_set_double_member (step, "rate", presets[spec->motion][i].rate);
      json_object_set_double_member (step, "lag_days", presets[spec->motion][i].lag_days);
      json_array_add_object_element (steps, step);
    }
  json_object_set_array_member (funnel, "steps", steps);
  set_money (funnel, "deal_size", spec->deal_size, digits);
  json_object_set_member (root, "sources", sources_node (spec->motion));
}

/* Enough AEs at the template's attainment to carry the target through the
 * last month after the template's attrition; hires are the user's to plan. */
static void
set_capacity (JsonObject *root, const GsNewPlanSpec *spec, guint digits)
{
  JsonObject *capacity = json_object_get_object_member (root, "capacity");
  JsonObject *ae = json_object_get_object_member (capacity, "ae");
  JsonObject *sdr = json_object_get_object_member (capacity, "sdr");
  double attainment = json_object_get_double_member (ae, "attainment");
  double kept = pow (1 - json_object_get_double_member (ae, "monthly_attrition"),
                     (double) json_object_get_int_member (
                         json_object_get_object_member (root, "company"), "horizon_months")
                         - 1);
  double target = spec->absolute ? (double) spec->target_amount
                                 : (double) spec->prior_bookings * (1 + spec->growth);
  double quota = (double) spec->deal_size * deals_per_ae[spec->motion];
  double aes = quota > 0 ? ceil (target / (quota * attainment * kept)) : 1;

  set_money (ae, "quota", (GsMoney) quota, digits);
  json_object_set_int_member (ae, "start_headcount", (gint64) CLAMP (aes, 1, 100000));
  json_object_set_array_member (ae, "hires", json_array_new ());
  json_object_set_int_member (sdr, "start_headcount",
                              spec->motion == GS_MOTION_INBOUND_SMB ? 0 : 2);
  json_object_set_array_member (sdr, "hires", json_array_new ());
}

static void
set_company (JsonObject *root, const GsNewPlanSpec *spec, const char *name, guint digits)
{
  JsonObject *company = json_object_get_object_member (root, "company");
  JsonObject *target = json_object_new ();
  g_autofree char *start = g_strdup_printf ("%04u-%02u", spec->start_year, spec->start_month);

  json_object_set_string_member (company, "name", name);
  json_object_set_string_member (company, "currency", spec->currency);
  json_object_set_string_member (company, "plan_start", start);
  json_object_set_int_member (company, "fiscal_year_start_month", spec->fiscal_year_start_month);
  set_money (company, "prior_year_bookings", spec->prior_bookings, digits);
  json_object_set_string_member (target, "mode", spec->absolute ? "absolute" : "growth");
  if (spec->absolute)
    set_money (target, "amount", spec->target_amount, digits);
  else
    json_object_set_double_member (target, "growth", spec->growth);
  json_object_set_object_member (company, "target", target);
  /* The example's seasonality is the example's business. */
  json_object_remove_member (company, "seasonality");
}

/* The agreement asks both VPs to sign and says nothing yet. */
static void
set_agreements (JsonObject *root)
{
  JsonObject *agreements = json_object_get_object_member (root, "agreements");
  JsonArray *signoffs = json_array_new ();
  const char *roles[] = { "vp_marketing", "vp_sales" };
  json_object_set_string_member (agreements, "mql_definition", "");
  json_object_set_string_member (agreements, "sql_definition", "");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      JsonObject *s = json_object_new ();
      json_object_set_string_member (s, "role", roles[i]);
      json_object_set_string_member (s, "name", "");
      json_object_set_string_member (s, "date", "");
      json_array_add_object_element (signoffs, s);
    }
  json_object_set_array_member (agreements, "signoffs", signoffs);
}

/* The example's pay plans stay as a design to edit, without its dated SPIFs. */
static void
set_compensation (JsonObject *root)
{
  JsonObject *comp = json_object_get_object_member (root, "compensation");
  JsonArray *roles = comp ? json_object_get_array_member (comp, "roles") : NULL;
  for (guint i = 0; roles && i < json_array_get_length (roles); i++)
    json_object_remove_member (json_array_get_object_element (roles, i), "spifs");
}

GsPlan *
gs_plan_new_from_spec (const GsNewPlanSpec *spec, GError **error)
{
  g_autoptr (GsPlan) template = gs_plan_new_default (NULL);
  g_autoptr (JsonNode) tree = gs_json_deep_copy (gs_plan_get_root (template));
  JsonObject *root = json_node_get_object (tree);
  g_autofree char *text = NULL;
  g_autofree char *name = g_strstrip (g_strdup (spec->company ? spec->company : ""));
  guint digits;

  g_return_val_if_fail (spec->motion < GS_N_MOTIONS, NULL);
  if (*name == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("Company: give the company a name"));
      return NULL;
    }
  if (!gs_format_currency_digits (spec->currency, &digits))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("Currency: “%s” is not a currency code such as EUR or USD"), spec->currency);
      return NULL;
    }
  set_company (root, spec, name, digits);
  set_funnel (root, spec, digits);
  set_capacity (root, spec, digits);
  set_agreements (root);
  set_compensation (root);
  json_object_remove_member (root, "scenarios");
  text = gs_json_to_text (tree);
  return gs_plan_new_from_text (text, -1, error);
}
