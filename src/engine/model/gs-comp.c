/* gs-comp.c — the "compensation" section: decoding, checking, measures.
 * Decoding computes nothing: default quotas are resolved after the goal
 * sheets compute (gs-comp-resolve.c).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define TRY(expr)                                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!(expr))                                                                                   \
      return FALSE;                                                                                \
  }                                                                                                \
  G_STMT_END

#define MAX_RATE 1000.0 /* generous: 1000 × target incentive per 100 % */

static const struct
{
  const char *id;
  const char *label;
  GsMeasureUnit unit;
} measures[GS_N_MEASURES] = {
  { "own_bookings", "Own bookings", GS_MEASURE_UNIT_MONEY },
  { "team_bookings", "Team bookings", GS_MEASURE_UNIT_MONEY },
  { "company_bookings", "Company bookings", GS_MEASURE_UNIT_MONEY },
  { "sourced_pipeline", "Sourced pipeline", GS_MEASURE_UNIT_MONEY },
  { "marketing_sourced_bookings", "Marketing-sourced bookings", GS_MEASURE_UNIT_MONEY },
  { "mqls_delivered", "MQLs delivered", GS_MEASURE_UNIT_COUNT },
  { "sqls_accepted", "SQLs accepted", GS_MEASURE_UNIT_COUNT },
  { "meetings_held", "Meetings held", GS_MEASURE_UNIT_COUNT },
  { "mql_followup_sla", "MQL follow-up within SLA", GS_MEASURE_UNIT_SHARE },
  { "gross_margin", "Gross margin", GS_MEASURE_UNIT_MONEY },
};

static const char *const measure_ids[] = { "own_bookings",
                                           "team_bookings",
                                           "company_bookings",
                                           "sourced_pipeline",
                                           "marketing_sourced_bookings",
                                           "mqls_delivered",
                                           "sqls_accepted",
                                           "meetings_held",
                                           "mql_followup_sla",
                                           "gross_margin",
                                           NULL };
static const char *const role_kinds[] = { "ae", "sdr", "manager", "marketing", NULL };
static const char *const table_kinds[] = { "flat", "marginal", "band", NULL };
static const char *const bases[] = { "attainment", "amount", NULL };
static const char *const boundaries[] = { "upper", "lower", NULL };
static const char *const credit_dates[] = { "close", "payment", NULL };
static const char *const periods[] = { "monthly", "quarterly", "annual", NULL };
static const char *const attain_modes[] = { "period", "ytd", NULL };

/* OTE pay mix (target incentive share) when the plan does not say. */
static const double default_mix[] = { 0.5, 0.3, 0.4, 0.2 };

const char *
gs_measure_id (GsMeasure m)
{
  return m < GS_N_MEASURES ? measures[m].id : "?";
}

const char *
gs_measure_label (GsMeasure m)
{
  return m < GS_N_MEASURES ? measures[m].label : "?";
}

GsMeasureUnit
gs_measure_unit (GsMeasure m)
{
  return m < GS_N_MEASURES ? measures[m].unit : GS_MEASURE_UNIT_COUNT;
}

gboolean
gs_measure_from_id (const char *id, GsMeasure *out)
{
  for (guint i = 0; i < GS_N_MEASURES; i++)
    if (g_strcmp0 (measures[i].id, id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gs_role_kind_id (GsRoleKind kind)
{
  return kind <= GS_ROLE_MARKETING ? role_kinds[kind] : "?";
}

gboolean
gs_role_kind_is_marketing (GsRoleKind kind)
{
  return kind == GS_ROLE_MARKETING;
}

guint
gs_period_count (GsPeriod period)
{
  return period == GS_PERIOD_MONTHLY ? 12 : period == GS_PERIOD_QUARTERLY ? 4 : 1;
}

const GsCompRole *
gs_comp_find_role (const GsCompModel *comp, const char *id)
{
  for (guint i = 0; comp && i < comp->n_roles; i++)
    if (g_strcmp0 (comp->roles[i].id, id) == 0)
      return &comp->roles[i];
  return NULL;
}

#define EPS 1e-12 /* relative: binary noise, far below a cent for any amount in range */

gboolean
gs_comp_same (double a, double b)
{
  if (isinf (a) || isinf (b))
    return a == b;
  return fabs (a - b) <= EPS * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Shortest decimal (at most 6 places) that shows the number: 1.5, 0.8, 2. */
char *
gs_trace_number (double value)
{
  return gs_format_number_short (value, 6);
}

/* Four places of a percent are enough for a calculator: 28.8462 %. */
char *
gs_trace_percent (double fraction)
{
  return gs_format_percent_exact (fraction);
}

static char *
money_text (guint digits, GsMoney value)
{
  return gs_format_money (value, digits, NULL, GS_MONEY_FORMAT_FULL);
}

guint
gs_comp_plan_headcount (const GsModel *m, GsRoleKind kind)
{
  const GsHire *hires = kind == GS_ROLE_AE ? m->ae.hires : m->sdr.hires;
  guint n = kind == GS_ROLE_AE ? m->ae.n_hires : m->sdr.n_hires;
  guint count = kind == GS_ROLE_AE ? m->ae.start_headcount : m->sdr.start_headcount;
  for (guint i = 0; i < n; i++)
    count += hires[i].count;
  return count;
}

GsQuotaDefault
gs_comp_quota_default (const GsModel *m, GsRoleKind kind, GsMeasure measure)
{
  switch (measure)
    {
    case GS_MEASURE_OWN_BOOKINGS:
      return kind == GS_ROLE_AE ? GS_QUOTA_AE_QUOTA : GS_QUOTA_NONE;
    case GS_MEASURE_TEAM_BOOKINGS:
      return GS_QUOTA_TEAM;
    case GS_MEASURE_COMPANY_BOOKINGS:
      return GS_QUOTA_COMPANY_TARGET;
    case GS_MEASURE_SOURCED_PIPELINE:
      if (kind == GS_ROLE_MARKETING)
        return GS_QUOTA_MARKETING_PIPELINE;
      return kind == GS_ROLE_SDR && m->n_stages >= 2 ? GS_QUOTA_SDR_PIPELINE : GS_QUOTA_NONE;
    case GS_MEASURE_MARKETING_SOURCED_BOOKINGS:
      return GS_QUOTA_MARKETING_BOOKINGS;
    case GS_MEASURE_MQLS_DELIVERED:
      return GS_QUOTA_MQLS;
    case GS_MEASURE_SQLS_ACCEPTED:
      if (kind == GS_ROLE_MARKETING && m->handoff + 1 < m->n_stages)
        return GS_QUOTA_MARKETING_SQLS;
      return kind == GS_ROLE_SDR ? GS_QUOTA_SDR_CAPACITY : GS_QUOTA_NONE;
    case GS_MEASURE_MEETINGS_HELD:
      return kind == GS_ROLE_SDR ? GS_QUOTA_SDR_CAPACITY : GS_QUOTA_NONE;
    case GS_MEASURE_MQL_FOLLOWUP_SLA:
      return GS_QUOTA_SLA;
    case GS_MEASURE_GROSS_MARGIN:
    case GS_N_MEASURES:
    default:
      return GS_QUOTA_NONE;
    }
}

/* Decoding context. */
typedef struct
{
  GsModel *m;
  GsCompModel *comp;
  /* An edited tree's previous model and its roles' JSON (NULL: none):
   * a people list they share is not read again (decode_people). */
  const GsCompModel *base;
  JsonArray *base_roles;
  /* The roles' people lists read without a tree, or NULL
   * (gs_model_decode_deferred). */
  const GsJsonDeferred *deferred;
} Ctx;

static gboolean
read_id (JsonObject *obj, const char *path, char **out, GError **error)
{
  TRY (gs_json_string (obj, path, "id", GS_FIELD_REQUIRED, NULL, out, error));
  if (!gs_json_valid_id (*out))
    {
      g_autofree char *p = gs_json_child_path (path, "id");
      gs_json_invalid (error, p, _ ("“%s” is not an id (lower-case letters, digits, - and _)"),
                       *out);
      return FALSE;
    }
  return TRUE;
}

/* A rate or multiplier: negative rates get their own message. */
static gboolean
read_rate (JsonObject *obj, const char *path, const char *key, GsFieldNeed need, double fallback,
           double *out, GError **error)
{
  TRY (gs_json_number (obj, path, key, need, fallback, -G_MAXDOUBLE, G_MAXDOUBLE, out, error));
  if (*out < 0 || *out > MAX_RATE)
    {
      g_autofree char *p = gs_json_child_path (path, key);
      char v[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (v, sizeof v, "%g", *out); /* the file's value, as gs-json quotes it */
      if (*out < 0)
        gs_json_invalid (error, p, _ ("%s is negative; rates are 0 or more"), v);
      else
        gs_json_invalid (error, p, _ ("%s is not a rate Goalsheet accepts (at most 1000)"), v);
      return FALSE;
    }
  return TRUE;
}

/* A quantity of a measure: money as an amount, counts as numbers, shares as fractions. */
static gboolean
read_quantity (Ctx *c, JsonObject *obj, const char *path, const char *key, GsMeasure measure,
               double *out, gboolean *present, GError **error)
{
  JsonNode *node = obj ? json_object_get_member (obj, key) : NULL;
  *present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (!*present)
    return TRUE;
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      {
        GsMoney v;
        TRY (gs_json_money (obj, path, key, GS_FIELD_REQUIRED, 0, c->comp->digits, &v, error));
        *out = (double) v;
      }
      break;
    case GS_MEASURE_UNIT_SHARE:
      TRY (gs_json_rate (obj, path, key, GS_FIELD_REQUIRED, 0, out, error));
      break;
    case GS_MEASURE_UNIT_COUNT:
    default:
      TRY (gs_json_number (obj, path, key, GS_FIELD_REQUIRED, 0, 0, 1e12, out, error));
    }
  if (!(*out > 0))
    {
      g_autofree char *p = gs_json_child_path (path, key);
      gs_json_invalid (error, p, _ ("must be more than zero"));
      return FALSE;
    }
  return TRUE;
}

static char *
edge_text (double v, gboolean money, guint digits)
{
  if (money)
    return money_text (digits, gs_money_round (v));
  return gs_trace_number (v);
}

/* Band lists of rate tables and discount tables: the first band starts at 0,
 * each starts where the previous ends, only the last is open.  The edges are
 * written out for the message only (formatting a number the first time sets
 * up ICU's formatter: about a millisecond of every plan's reading). */
static gboolean
check_bands (const GsBand *bands, guint n, const char *path, gboolean money, guint digits,
             GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = gs_json_index_path (path, i);
      if (i == 0 && bands[i].from != 0)
        {
          g_autofree char *from = edge_text (bands[i].from, money, digits);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s: starts at %s; the first band must start at 0"), p, from);
          return FALSE;
        }
      if (i > 0)
        {
          double prev = bands[i - 1].to;
          if (isinf (prev))
            {
              g_autofree char *pp = gs_json_index_path (path, i - 1);
              g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                           _ ("%s: has no end (“to”), but band %u follows it; only the last band "
                              "may be open-ended"),
                           pp, i);
              return FALSE;
            }
          if (!gs_comp_same (bands[i].from, prev))
            {
              g_autofree char *from = edge_text (bands[i].from, money, digits);
              g_autofree char *pt = edge_text (prev, money, digits);
              g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                           _ ("%s: starts at %s but the previous band ends at %s (%s)"), p, from,
                           pt, bands[i].from > prev ? _ ("gap") : _ ("overlap"));
              return FALSE;
            }
        }
      if (!isinf (bands[i].to) && !(bands[i].to > bands[i].from))
        {
          g_autofree char *from = edge_text (bands[i].from, money, digits);
          g_autofree char *to = edge_text (bands[i].to, money, digits);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s: ends at %s, which is not above its start %s"), p, to, from);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_bands (Ctx *c, JsonArray *array, const char *path, const char *rate_key, gboolean money,
            GsBand **out, guint *n_out, GError **error)
{
  guint n = json_array_get_length (array);
  GsBand *bands;
  if (n == 0)
    {
      gs_json_invalid (error, path, _ ("has no bands"));
      return FALSE;
    }
  bands = *out = g_new0 (GsBand, n);
  *n_out = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = gs_json_index_path (path, i);
      JsonObject *b;
      TRY (b = gs_json_array_object (array, path, i, error));
      if (money)
        {
          GsMoney from, to;
          JsonNode *tn = json_object_get_member (b, "to");
          TRY (gs_json_money (b, p, "from", GS_FIELD_REQUIRED, 0, c->comp->digits, &from, error));
          TRY (gs_json_money (b, p, "to", GS_FIELD_OPTIONAL, 0, c->comp->digits, &to, error));
          bands[i].from = (double) from;
          bands[i].to = tn && !JSON_NODE_HOLDS_NULL (tn) ? (double) to : INFINITY;
        }
      else
        {
          TRY (gs_json_number (b, p, "from", GS_FIELD_REQUIRED, 0, 0, 1000, &bands[i].from, error));
          TRY (gs_json_number (b, p, "to", GS_FIELD_OPTIONAL, INFINITY, 0, 1000, &bands[i].to,
                               error));
        }
      TRY (read_rate (b, p, rate_key, GS_FIELD_REQUIRED, 0, &bands[i].rate, error));
    }
  return check_bands (bands, n, path, money, c->comp->digits, error);
}

static gboolean
decode_table (Ctx *c, GsCompComponent *comp, JsonObject *obj, const char *path, GError **error)
{
  GsRateTable *t = &comp->table;
  JsonObject *table;
  JsonArray *bands;
  int v;
  g_autofree char *tp = gs_json_child_path (path, "table");

  TRY (gs_json_object (obj, path, "table", GS_FIELD_REQUIRED, &table, error));
  TRY (gs_json_enum (table, tp, "type", GS_FIELD_REQUIRED, 0, table_kinds, &v, error));
  t->kind = v;
  TRY (gs_json_enum (table, tp, "basis", GS_FIELD_OPTIONAL, GS_BASIS_ATTAINMENT, bases, &v, error));
  t->basis = v;
  if (t->basis == GS_BASIS_AMOUNT && gs_measure_unit (comp->measure) != GS_MEASURE_UNIT_MONEY)
    {
      g_autofree char *p = gs_json_child_path (tp, "basis");
      gs_json_invalid (error, p,
                       _ ("“amount” needs a money measure; “%s” is not one (use “attainment”)"),
                       gs_measure_id (comp->measure));
      return FALSE;
    }
  if (t->kind == GS_TABLE_FLAT)
    {
      t->bands = g_new0 (GsBand, 1);
      t->n_bands = 1;
      t->bands[0].to = INFINITY;
      return read_rate (table, tp, "rate", GS_FIELD_REQUIRED, 0, &t->bands[0].rate, error);
    }
  {
    g_autofree char *bp = gs_json_child_path (tp, "bands");
    TRY (gs_json_list (table, tp, "bands", GS_FIELD_REQUIRED, GS_MAX_BANDS, &bands, error));
    return read_bands (c, bands, bp, "rate", t->basis == GS_BASIS_AMOUNT, &t->bands, &t->n_bands,
                       error);
  }
}

static gboolean
decode_modifiers (Ctx *c, GsCompComponent *comp, JsonObject *obj, const char *path, GError **error)
{
  JsonArray *tiers, *discount;
  JsonObject *decel;

  TRY (gs_json_list (obj, path, "accelerators", GS_FIELD_OPTIONAL, GS_MAX_BANDS, &tiers, error));
  if (tiers)
    {
      g_autofree char *ap = gs_json_child_path (path, "accelerators");
      comp->n_tiers = json_array_get_length (tiers);
      comp->tiers = g_new0 (GsAccelTier, comp->n_tiers);
      for (guint i = 0; i < comp->n_tiers; i++)
        {
          g_autofree char *p = gs_json_index_path (ap, i);
          JsonObject *t;
          TRY (t = gs_json_array_object (tiers, ap, i, error));
          TRY (gs_json_number (t, p, "above", GS_FIELD_REQUIRED, 1, 1, 1000, &comp->tiers[i].above,
                               error));
          TRY (read_rate (t, p, "multiplier", GS_FIELD_REQUIRED, 1, &comp->tiers[i].multiplier,
                          error));
          if (i > 0 && comp->tiers[i].above <= comp->tiers[i - 1].above)
            {
              g_autofree char *q = gs_json_child_path (p, "above");
              gs_json_invalid (error, q,
                               _ ("tiers must rise: this one starts at or below the one before"));
              return FALSE;
            }
        }
    }
  TRY (gs_json_object (obj, path, "decelerator", GS_FIELD_OPTIONAL, &decel, error));
  if (decel)
    {
      g_autofree char *dp = gs_json_child_path (path, "decelerator");
      comp->decel.present = TRUE;
      TRY (gs_json_number (decel, dp, "below", GS_FIELD_REQUIRED, 1, 0.01, 1, &comp->decel.below,
                           error));
      TRY (read_rate (decel, dp, "multiplier", GS_FIELD_REQUIRED, 1, &comp->decel.multiplier,
                      error));
      if (comp->decel.multiplier > 1)
        {
          g_autofree char *q = gs_json_child_path (dp, "multiplier");
          gs_json_invalid (error, q,
                           _ ("a decelerator pays less: give a multiplier between 0 and 1"));
          return FALSE;
        }
      TRY (gs_json_bool (decel, dp, "retroactive", GS_FIELD_OPTIONAL, FALSE,
                         &comp->decel.retroactive, error));
    }
  TRY (gs_json_list (obj, path, "discount_modifier", GS_FIELD_OPTIONAL, GS_MAX_BANDS, &discount,
                     error));
  if (discount)
    {
      g_autofree char *dp = gs_json_child_path (path, "discount_modifier");
      TRY (read_bands (c, discount, dp, "multiplier", FALSE, &comp->discount, &comp->n_discount,
                       error));
      for (guint i = 0; i < comp->n_discount; i++)
        if (comp->discount[i].from > 1
            || (!isinf (comp->discount[i].to) && comp->discount[i].to > 1))
          {
            g_autofree char *p = gs_json_index_path (dp, i);
            gs_json_invalid (error, p,
                             _ ("discounts are fractions of the list price, between 0 and 1"));
            return FALSE;
          }
    }
  return TRUE;
}

/* A role has a quota for a measure when a component measures it or the plan
 * has a default for it (its value is resolved after compute). */
static gboolean
has_measure_quota (Ctx *c, const GsCompRole *role, GsMeasure measure)
{
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].measure == measure)
      return TRUE;
  return gs_comp_quota_default (c->m, role->kind, measure) != GS_QUOTA_NONE;
}

static gboolean
decode_gate (Ctx *c, const GsCompRole *role, JsonObject *obj, const char *path, GsGate *gate,
             GError **error)
{
  JsonObject *g;
  int v;
  gboolean present;
  g_autofree char *gp = gs_json_child_path (path, "gate");

  TRY (gs_json_object (obj, path, "gate", GS_FIELD_OPTIONAL, &g, error));
  if (g == NULL)
    return TRUE;
  gate->present = TRUE;
  TRY (gs_json_enum (g, gp, "measure", GS_FIELD_REQUIRED, 0, measure_ids, &v, error));
  gate->measure = v;
  TRY (gs_json_number (g, gp, "min_attainment", GS_FIELD_REQUIRED, 0, 0, 10, &gate->min_attainment,
                       error));
  TRY (read_quantity (c, g, gp, "quota", gate->measure, &gate->quota, &present, error));
  gate->quota_set = present;
  if (!present && !has_measure_quota (c, role, gate->measure))
    {
      g_autofree char *p = gs_json_child_path (gp, "measure");
      gs_json_invalid (
          error, p,
          _ ("gates on “%s”, but no component of this plan is paid on it and the plan has no "
             "such figure for a %s; give the gate a quota"),
          gs_measure_id (gate->measure), gs_role_kind_id (role->kind));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_cap (Ctx *c, JsonObject *obj, const char *path, GsMoney target, const char *what, GsCap *cap,
            GError **error)
{
  JsonObject *o;
  g_autofree char *cp = gs_json_child_path (path, "cap");
  gboolean has_amount, has_multiple;

  TRY (gs_json_object (obj, path, "cap", GS_FIELD_OPTIONAL, &o, error));
  if (o == NULL)
    return TRUE;
  has_amount = json_object_has_member (o, "amount");
  has_multiple = json_object_has_member (o, "of_target");
  if (has_amount == has_multiple)
    {
      gs_json_invalid (error, cp,
                       _ ("give either “amount” or “of_target” (a multiple of the target "
                          "incentive)"));
      return FALSE;
    }
  cap->present = TRUE;
  if (has_amount)
    TRY (gs_json_money (o, cp, "amount", GS_FIELD_REQUIRED, 0, c->comp->digits, &cap->amount,
                        error));
  else
    {
      cap->of_target = TRUE;
      TRY (gs_json_number (o, cp, "of_target", GS_FIELD_REQUIRED, 0, 0, 1000, &cap->multiple,
                           error));
      cap->amount = gs_money_round ((double) target * cap->multiple);
    }
  if (cap->amount < target)
    {
      /* Running text: the amounts carry the plan's currency (docs/i18n.md). */
      g_autofree char *a
          = gs_format_money (cap->amount, c->comp->digits, c->comp->currency, GS_MONEY_FORMAT_FULL);
      g_autofree char *t
          = gs_format_money (target, c->comp->digits, c->comp->currency, GS_MONEY_FORMAT_FULL);
      gs_json_invalid (error, cp,
                       _ ("%s is below %s %s; a cap must leave at least the target payable"), a,
                       what, t);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_component (Ctx *c, GsCompRole *role, GsCompComponent *comp, JsonObject *obj,
                  const char *path, GError **error)
{
  int v;
  gboolean present;

  TRY (read_id (obj, path, &comp->id, error));
  TRY (gs_json_enum (obj, path, "measure", GS_FIELD_REQUIRED, 0, measure_ids, &v, error));
  comp->measure = v;
  TRY (gs_json_string (obj, path, "name", GS_FIELD_OPTIONAL, gs_measure_label (comp->measure),
                       &comp->name, error));
  TRY (gs_json_number (obj, path, "weight", GS_FIELD_REQUIRED, 0, 0, 1, &comp->weight, error));
  TRY (read_quantity (c, obj, path, "quota", comp->measure, &comp->quota, &present, error));
  if (present)
    {
      comp->quota_default = GS_QUOTA_SET;
    }
  else
    {
      comp->quota_default = gs_comp_quota_default (c->m, role->kind, comp->measure);
      if (comp->quota_default == GS_QUOTA_NONE)
        {
          g_autofree char *p = gs_json_child_path (path, "quota");
          gs_json_invalid (
              error, p,
              _ ("is missing, and the goal sheets give no %s quota for a %s plan; set one"),
              gs_measure_id (comp->measure), gs_role_kind_id (role->kind));
          return FALSE;
        }
    }
  TRY (gs_json_enum (obj, path, "period", GS_FIELD_OPTIONAL, GS_PERIOD_ANNUAL, periods, &v, error));
  comp->period = v;
  TRY (gs_json_enum (obj, path, "attainment", GS_FIELD_OPTIONAL, GS_ATTAIN_PERIOD, attain_modes, &v,
                     error));
  comp->attain = v;
  TRY (decode_table (c, comp, obj, path, error));
  TRY (decode_modifiers (c, comp, obj, path, error));
  return TRUE;
}

/* A SPIF's "qualifies" (format 1.3): which won deals of the actuals are
 * events of the SPIF. */
static gboolean
decode_spif_rule (Ctx *c, GsSpif *s, JsonObject *o, const char *p, GError **error)
{
  static const char *const types[] = { "new", "existing", NULL };
  JsonObject *q;
  JsonArray *sources;
  g_autofree char *qp = gs_json_child_path (p, "qualifies");
  gint64 term;
  int type;

  s->rule.max_discount = -1;
  TRY (gs_json_object (o, p, "qualifies", GS_FIELD_OPTIONAL, &q, error));
  if (q == NULL)
    return TRUE;
  s->rule.present = TRUE;
  TRY (gs_json_money (q, qp, "min_amount", GS_FIELD_OPTIONAL, 0, c->comp->digits,
                      &s->rule.min_amount, error));
  if (s->rule.min_amount < 0)
    {
      g_autofree char *mp = gs_json_child_path (qp, "min_amount");
      gs_json_invalid (error, mp, _ ("an amount cannot be negative"));
      return FALSE;
    }
  TRY (gs_json_list (q, qp, "sources", GS_FIELD_OPTIONAL, GS_MAX_SOURCES, &sources, error));
  if (sources)
    {
      g_autofree char *sp = gs_json_child_path (qp, "sources");
      s->rule.n_sources = json_array_get_length (sources);
      s->rule.sources = g_new0 (int, MAX (s->rule.n_sources, 1));
      for (guint i = 0; i < s->rule.n_sources; i++)
        {
          JsonNode *e = json_array_get_element (sources, i);
          const char *id
              = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
                    ? json_node_get_string (e)
                    : NULL;
          g_autofree char *ip = gs_json_index_path (sp, i);
          s->rule.sources[i] = -1;
          for (guint k = 0; id && k < c->m->n_sources; k++)
            if (strcmp (c->m->sources[k].id, id) == 0)
              s->rule.sources[i] = (int) k;
          if (s->rule.sources[i] < 0)
            {
              gs_json_invalid (error, ip, _ ("“%s” is not a source of the plan"), id ? id : "");
              return FALSE;
            }
        }
    }
  TRY (gs_json_enum (q, qp, "deal_type", GS_FIELD_OPTIONAL, -1, types, &type, error));
  s->rule.deal_type = (GsDealType) (type + 1);
  TRY (gs_json_int (q, qp, "min_term_months", GS_FIELD_OPTIONAL, 0, 1, GS_MAX_TERM_MONTHS, &term,
                    error));
  s->rule.min_term_months = (guint) term;
  TRY (gs_json_fraction (q, qp, "max_discount", GS_FIELD_OPTIONAL, -1, &s->rule.max_discount,
                         error));
  TRY (gs_json_bool (q, qp, "tagged", GS_FIELD_OPTIONAL, FALSE, &s->rule.tagged, error));
  return TRUE;
}

static gboolean
decode_extras (Ctx *c, GsCompRole *role, JsonObject *obj, const char *path, GError **error)
{
  JsonArray *spifs;
  JsonObject *draw, *claw;

  TRY (gs_json_list (obj, path, "spifs", GS_FIELD_OPTIONAL, GS_MAX_SPIFS, &spifs, error));
  if (spifs)
    {
      g_autofree char *sp = gs_json_child_path (path, "spifs");
      role->n_spifs = json_array_get_length (spifs);
      role->spifs = g_new0 (GsSpif, role->n_spifs);
      for (guint i = 0; i < role->n_spifs; i++)
        {
          g_autofree char *p = gs_json_index_path (sp, i);
          GsSpif *s = &role->spifs[i];
          JsonObject *o;
          gboolean has_from, has_to;
          TRY (o = gs_json_array_object (spifs, sp, i, error));
          TRY (read_id (o, p, &s->id, error));
          TRY (gs_json_string (o, p, "name", GS_FIELD_OPTIONAL, s->id, &s->name, error));
          TRY (gs_json_money (o, p, "amount", GS_FIELD_REQUIRED, 0, c->comp->digits, &s->amount,
                              error));
          if (s->amount <= 0)
            {
              g_autofree char *q = gs_json_child_path (p, "amount");
              gs_json_invalid (error, q, _ ("must be more than zero"));
              return FALSE;
            }
          TRY (gs_json_date (o, p, "from", GS_FIELD_REQUIRED, &s->from, &has_from, error));
          TRY (gs_json_date (o, p, "to", GS_FIELD_REQUIRED, &s->to, &has_to, error));
          if (!has_from || !has_to || g_date_compare (&s->to, &s->from) < 0)
            {
              gs_json_invalid (error, p, _ ("needs dates “from” and “to”, “to” not before “from”"));
              return FALSE;
            }
          TRY (gs_json_number (o, p, "expected_events", GS_FIELD_OPTIONAL, 0, 0, 1e6,
                               &s->expected_events, error));
          TRY (decode_spif_rule (c, s, o, p, error));
        }
    }
  TRY (gs_json_object (obj, path, "draw", GS_FIELD_OPTIONAL, &draw, error));
  if (draw)
    {
      g_autofree char *dp = gs_json_child_path (path, "draw");
      gint64 n;
      role->draw.present = TRUE;
      TRY (gs_json_money (draw, dp, "amount", GS_FIELD_REQUIRED, 0, c->comp->digits,
                          &role->draw.amount, error));
      if (role->draw.amount <= 0)
        {
          g_autofree char *q = gs_json_child_path (dp, "amount");
          gs_json_invalid (error, q, _ ("must be more than zero"));
          return FALSE;
        }
      TRY (gs_json_int (draw, dp, "months", GS_FIELD_REQUIRED, 0, 1, GS_COMP_MONTHS, &n, error));
      role->draw.months = (guint) n;
      TRY (gs_json_bool (draw, dp, "recoverable", GS_FIELD_OPTIONAL, TRUE, &role->draw.recoverable,
                         error));
    }
  TRY (gs_json_object (obj, path, "clawback", GS_FIELD_OPTIONAL, &claw, error));
  if (claw)
    {
      g_autofree char *cp = gs_json_child_path (path, "clawback");
      gint64 n;
      role->clawback.present = TRUE;
      TRY (gs_json_int (claw, cp, "days", GS_FIELD_REQUIRED, 0, 1, 3650, &n, error));
      role->clawback.days = (guint) n;
      /* Format 1.3: part of the pay taken back (0.5 = half). */
      TRY (gs_json_rate (claw, cp, "share", GS_FIELD_OPTIONAL, 1, &role->clawback.share, error));
    }
  return TRUE;
}

/* The people of the role of base whose list is people, the very node (a
 * list, or the null a deferred list stands in), and which read it with the
 * same first measure and digits: NULL when none. */
static const GsCompRole *
shared_people (Ctx *c, const GsCompRole *role, JsonNode *people)
{
  for (guint k = 0; c->base && c->base_roles && k < c->base->n_roles
                    && k < json_array_get_length (c->base_roles);
       k++)
    {
      JsonNode *e = json_array_get_element (c->base_roles, k);
      const GsCompRole *was = &c->base->roles[k];
      JsonNode *list;
      if (!JSON_NODE_HOLDS_OBJECT (e))
        continue;
      list = json_object_get_member (json_node_get_object (e), "people");
      if (list != NULL && list == people
          && (JSON_NODE_HOLDS_NULL (list)
              || (JSON_NODE_HOLDS_ARRAY (list)
                  && was->n_people == json_array_get_length (json_node_get_array (list))))
          && was->n_components > 0 && was->components[0].measure == role->components[0].measure
          && c->base->digits == c->comp->digits)
        return was;
    }
  return NULL;
}

/* Person i of the deferred list pp read without a tree, when it is the
 * usual {"name": "…", "quota": "…"} with an amount in range: FALSE for
 * anything else, which the caller reads as a tree with every check and
 * message (an unusual person costs what it did). */
static gboolean
quick_person (Ctx *c, const GsCompRole *role, const char *pp, guint i, GsJsonFlat *flat,
              GString *names, GsCompPerson *person)
{
  const char *name, *quota;
  gsize len;
  GsMoney v;

  if (!gs_json_deferred_flat (c->deferred, pp, i, GS_MAX_NAME, GS_MAX_TEXT, flat)
      || (name = gs_json_flat_get (flat, "name", &len)) == NULL)
    return FALSE;
  quota = gs_json_flat_get (flat, "quota", NULL);
  if (quota != NULL)
    {
      if (gs_measure_unit (role->components[0].measure) != GS_MEASURE_UNIT_MONEY
          || !gs_money_parse (quota, c->comp->digits, &v, NULL) || !(v > 0))
        return FALSE;
      person->quota = (double) v;
    }
  g_string_append_len (names, name, (gssize) len + 1);
  return TRUE;
}

static gboolean
decode_people (Ctx *c, GsCompRole *role, JsonObject *obj, const char *path, GError **error)
{
  JsonArray *people = NULL;
  g_autofree char *pp = gs_json_child_path (path, "people");
  g_autoptr (GString) names = NULL;
  g_autofree gsize *at = NULL;
  g_autoptr (GString) flat_text = NULL;
  GsJsonFlat flat = { 0 };
  JsonNode *node = json_object_get_member (obj, "people");
  int deferred = gs_json_deferred_length (c->deferred, pp);
  const GsCompRole *was;

  if (node != NULL && (was = shared_people (c, role, node)) != NULL)
    {
      /* Decoded (unresolved: quota_scale 1) from this very list. */
      role->n_people = was->n_people;
      role->people = g_memdup2 (was->people, sizeof *was->people * was->n_people);
      role->people_names = was->people_names ? g_bytes_ref (was->people_names) : NULL;
      return TRUE;
    }
  if (deferred >= 0)
    {
      if ((guint) deferred > GS_MAX_PEOPLE)
        {
          gs_json_too_long (error, path, "people", (guint) deferred, GS_MAX_PEOPLE);
          return FALSE;
        }
      role->n_people = (guint) deferred;
      flat.text = flat_text = g_string_sized_new (64);
    }
  else
    {
      TRY (gs_json_list (obj, path, "people", GS_FIELD_OPTIONAL, GS_MAX_PEOPLE, &people, error));
      if (people == NULL)
        return TRUE;
      role->n_people = json_array_get_length (people);
    }
  if (role->n_people == 0)
    return TRUE;
  role->people = g_new0 (GsCompPerson, role->n_people);
  names = g_string_sized_new (16 * role->n_people);
  at = g_new (gsize, role->n_people);
  for (guint i = 0; i < role->n_people; i++)
    {
      g_autofree char *p = NULL;
      g_autofree char *name = NULL;
      g_autoptr (JsonNode) own = NULL;
      JsonObject *o;
      gboolean present;

      at[i] = names->len;
      role->people[i].quota_scale = 1.0;
      if (people == NULL && quick_person (c, role, pp, i, &flat, names, &role->people[i]))
        continue;
      p = gs_json_index_path (pp, i);
      if (people != NULL)
        TRY (o = gs_json_array_object (people, pp, i, error));
      else
        {
          /* Checked for its texts' lengths as the whole tree is. */
          own = gs_json_deferred_element (c->deferred, pp, i);
          TRY (gs_json_check_text_at (own, p, GS_MAX_NAME, GS_MAX_TEXT, error));
          TRY (o = gs_json_element_object (own, pp, i, error));
        }
      TRY (gs_json_string (o, p, "name", GS_FIELD_REQUIRED, NULL, &name, error));
      g_string_append_len (names, name, (gssize) strlen (name) + 1);
      TRY (read_quantity (c, o, p, "quota", role->components[0].measure, &role->people[i].quota,
                          &present, error));
    }
  role->people_names = g_string_free_to_bytes (g_steal_pointer (&names));
  for (guint i = 0; i < role->n_people; i++)
    role->people[i].name = (const char *) g_bytes_get_data (role->people_names, NULL) + at[i];
  return TRUE;
}

static gboolean
decode_role (Ctx *c, GsCompRole *role, JsonObject *obj, const char *path, GError **error)
{
  JsonArray *comps;
  g_autofree char *cp = gs_json_child_path (path, "components");
  g_autofree double *weights = NULL;
  g_autofree GsMoney *parts = NULL;
  double wsum = 0;
  gint64 n;
  int v;

  TRY (read_id (obj, path, &role->id, error));
  TRY (gs_json_string (obj, path, "name", GS_FIELD_OPTIONAL, role->id, &role->name, error));
  TRY (gs_json_enum (obj, path, "kind", GS_FIELD_REQUIRED, 0, role_kinds, &v, error));
  role->kind = v;
  TRY (gs_json_money (obj, path, "ote", GS_FIELD_REQUIRED, 0, c->comp->digits, &role->ote, error));
  if (role->ote <= 0)
    {
      g_autofree char *p = gs_json_child_path (path, "ote");
      gs_json_invalid (error, p, _ ("must be more than zero"));
      return FALSE;
    }
  TRY (gs_json_rate (obj, path, "pay_mix", GS_FIELD_OPTIONAL, default_mix[role->kind],
                     &role->pay_mix, error));
  role->base_share = 1 - role->pay_mix;
  role->target_incentive = gs_money_round ((double) role->ote * role->pay_mix);
  role->base = role->ote - role->target_incentive;

  TRY (gs_json_list (obj, path, "components", GS_FIELD_REQUIRED, GS_MAX_COMPONENTS, &comps, error));
  role->n_components = json_array_get_length (comps);
  if (role->n_components == 0)
    {
      gs_json_invalid (error, cp, _ ("has no components; a plan pays on at least one measure"));
      return FALSE;
    }
  role->components = g_new0 (GsCompComponent, role->n_components);
  weights = g_new0 (double, role->n_components);
  parts = g_new0 (GsMoney, role->n_components);
  for (guint i = 0; i < role->n_components; i++)
    {
      g_autofree char *p = gs_json_index_path (cp, i);
      JsonObject *o;
      TRY (o = gs_json_array_object (comps, cp, i, error));
      TRY (decode_component (c, role, &role->components[i], o, p, error));
      for (guint k = 0; k < i; k++)
        if (g_strcmp0 (role->components[k].id, role->components[i].id) == 0)
          {
            g_autofree char *q = gs_json_child_path (p, "id");
            gs_json_invalid (error, q, _ ("“%s” is used by component %u too"),
                             role->components[i].id, k);
            return FALSE;
          }
      weights[i] = role->components[i].weight;
      wsum += weights[i];
    }
  if (fabs (wsum - 1.0) > 1e-9)
    {
      g_autofree char *s = gs_trace_percent (wsum);
      gs_json_invalid (
          error, cp, _ ("weights add up to %s; they must add up to 100 %% of the target incentive"),
          s);
      return FALSE;
    }
  /* Component target incentives add up to the role's to the cent. */
  gs_money_split (role->target_incentive, weights, role->n_components, parts);
  for (guint i = 0; i < role->n_components; i++)
    role->components[i].target_incentive = parts[i];

  for (guint i = 0; i < role->n_components; i++)
    {
      GsCompComponent *comp = &role->components[i];
      g_autofree char *p = gs_json_index_path (cp, i);
      JsonObject *o = json_array_get_object_element (comps, i);
      TRY (decode_gate (c, role, o, p, &comp->gate, error));
      TRY (decode_cap (c, o, p, comp->target_incentive, _ ("the component's target incentive"),
                       &comp->cap, error));
    }
  TRY (decode_gate (c, role, obj, path, &role->gate, error));
  TRY (decode_cap (c, obj, path, role->target_incentive, _ ("the target incentive"), &role->cap,
                   error));
  TRY (decode_people (c, role, obj, path, error));

  if (role->kind == GS_ROLE_AE || role->kind == GS_ROLE_SDR)
    {
      role->headcount = gs_comp_plan_headcount (c->m, role->kind);
      role->headcount_from = GS_HEADCOUNT_CAPACITY;
    }
  else
    {
      role->headcount = 1;
      role->headcount_from = GS_HEADCOUNT_ONE;
    }
  if (role->n_people)
    {
      role->headcount = role->n_people;
      role->headcount_from = GS_HEADCOUNT_PEOPLE;
    }
  if (json_object_has_member (obj, "headcount"))
    {
      TRY (gs_json_int (obj, path, "headcount", GS_FIELD_REQUIRED, 0, 0, 100000, &n, error));
      if (role->n_people && (guint) n != role->n_people)
        {
          g_autofree char *p = gs_json_child_path (path, "headcount");
          gs_json_invalid (error, p, _ ("is %u but %u people are listed"), (guint) n,
                           role->n_people);
          return FALSE;
        }
      role->headcount = (guint) n;
      role->headcount_from = GS_HEADCOUNT_SET;
    }
  return decode_extras (c, role, obj, path, error);
}

static void
free_role (GsCompRole *role)
{
  g_free (role->id);
  g_free (role->name);
  for (guint i = 0; i < role->n_components && role->components; i++)
    {
      GsCompComponent *comp = &role->components[i];
      g_free (comp->id);
      g_free (comp->name);
      g_free (comp->table.bands);
      g_free (comp->tiers);
      g_free (comp->discount);
    }
  g_free (role->components);
  g_free (role->people);
  g_clear_pointer (&role->people_names, g_bytes_unref);
  for (guint i = 0; i < role->n_spifs && role->spifs; i++)
    {
      g_free (role->spifs[i].id);
      g_free (role->spifs[i].name);
      g_free (role->spifs[i].rule.sources);
    }
  g_free (role->spifs);
}

void
gs_comp_model_free (GsCompModel *comp)
{
  if (comp == NULL || !g_atomic_int_dec_and_test (&comp->ref_count))
    return;
  for (guint i = 0; i < comp->n_roles && comp->roles; i++)
    free_role (&comp->roles[i]);
  g_free (comp->roles);
  g_free (comp->currency);
  g_free (comp);
}

GsCompModel *
gs_comp_model_copy (const GsCompModel *comp)
{
  GsCompModel *shared = (GsCompModel *) comp;
  g_atomic_int_inc (&shared->ref_count);
  return shared;
}

static void
dup_role (GsCompRole *to, const GsCompRole *from)
{
  *to = *from;
  to->id = g_strdup (from->id);
  to->name = g_strdup (from->name);
  to->components = g_memdup2 (from->components, sizeof *from->components * from->n_components);
  for (guint i = 0; i < to->n_components; i++)
    {
      GsCompComponent *c = &to->components[i];
      const GsCompComponent *f = &from->components[i];
      c->id = g_strdup (f->id);
      c->name = g_strdup (f->name);
      c->table.bands = g_memdup2 (f->table.bands, sizeof *f->table.bands * f->table.n_bands);
      c->tiers = g_memdup2 (f->tiers, sizeof *f->tiers * f->n_tiers);
      c->discount = g_memdup2 (f->discount, sizeof *f->discount * f->n_discount);
    }
  /* The names stay where they are: the block is shared. */
  to->people = g_memdup2 (from->people, sizeof *from->people * from->n_people);
  to->people_names = from->people_names ? g_bytes_ref (from->people_names) : NULL;
  to->spifs = g_memdup2 (from->spifs, sizeof *from->spifs * from->n_spifs);
  for (guint i = 0; i < to->n_spifs; i++)
    {
      to->spifs[i].id = g_strdup (from->spifs[i].id);
      to->spifs[i].name = g_strdup (from->spifs[i].name);
      to->spifs[i].rule.sources = g_memdup2 (from->spifs[i].rule.sources,
                                             sizeof (int) * MAX (from->spifs[i].rule.n_sources, 1));
    }
}

GsCompModel *
gs_comp_model_dup (const GsCompModel *comp)
{
  GsCompModel *dup = g_new0 (GsCompModel, 1);
  *dup = *comp;
  dup->ref_count = 1;
  dup->currency = g_strdup (comp->currency);
  dup->roles = g_new0 (GsCompRole, comp->n_roles);
  for (guint i = 0; i < comp->n_roles; i++)
    dup_role (&dup->roles[i], &comp->roles[i]);
  return dup;
}

/* compensation.payment and compensation.expense, read by the ledger floor. */
static gboolean
decode_ledger (GsCompModel *comp, JsonObject *obj, GError **error)
{
  JsonObject *pay, *expense;
  gint64 n;

  TRY (gs_json_object (obj, "compensation", "payment", GS_FIELD_OPTIONAL, &pay, error));
  TRY (gs_json_int (pay, "compensation.payment", "lag_months", GS_FIELD_OPTIONAL, 0, 0, 24, &n,
                    error));
  comp->payment_lag_months = n;
  TRY (gs_json_object (obj, "compensation", "expense", GS_FIELD_OPTIONAL, &expense, error));
  TRY (gs_json_int (expense, "compensation.expense", "customer_life_months", GS_FIELD_OPTIONAL, 12,
                    1, 600, &n, error));
  comp->customer_life_months = n;
  return TRUE;
}

static gboolean
decode_crediting (GsCompModel *comp, JsonObject *obj, GError **error)
{
  JsonObject *crediting;
  int v = GS_CREDIT_ON_CLOSE;
  TRY (gs_json_object (obj, "compensation", "crediting", GS_FIELD_OPTIONAL, &crediting, error));
  if (crediting)
    TRY (gs_json_enum (crediting, "compensation.crediting", "date", GS_FIELD_OPTIONAL,
                       GS_CREDIT_ON_CLOSE, credit_dates, &v, error));
  comp->credit_date = v;
  return TRUE;
}

static gboolean
decode (Ctx *c, JsonObject *obj, GError **error)
{
  GsCompModel *comp = c->comp;
  JsonArray *roles;
  int v;

  TRY (gs_json_enum (obj, "compensation", "boundary", GS_FIELD_OPTIONAL, GS_BOUNDARY_UPPER,
                     boundaries, &v, error));
  comp->boundary = v;
  TRY (decode_ledger (comp, obj, error));
  TRY (decode_crediting (comp, obj, error));
  TRY (gs_json_list (obj, "compensation", "roles", GS_FIELD_REQUIRED, GS_MAX_ROLES, &roles, error));
  comp->n_roles = json_array_get_length (roles);
  comp->roles = g_new0 (GsCompRole, comp->n_roles);
  for (guint i = 0; i < comp->n_roles; i++)
    {
      g_autofree char *p = gs_json_index_path ("compensation.roles", i);
      JsonObject *o;
      TRY (o = gs_json_array_object (roles, "compensation.roles", i, error));
      TRY (decode_role (c, &comp->roles[i], o, p, error));
      for (guint k = 0; k < i; k++)
        if (g_strcmp0 (comp->roles[k].id, comp->roles[i].id) == 0)
          {
            g_autofree char *q = gs_json_child_path (p, "id");
            gs_json_invalid (error, q, _ ("“%s” is used by role %u too"), comp->roles[i].id, k);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
gs_comp_decode_into_model (GsModel *model, JsonObject *root, GError **error)
{
  return gs_comp_decode_into_model_sharing (model, root, NULL, NULL, NULL, error);
}

gboolean
gs_comp_decode_into_model_sharing (GsModel *model, JsonObject *root, const GsModel *base,
                                   JsonObject *base_root, const GsJsonDeferred *deferred,
                                   GError **error)
{
  JsonObject *obj;
  Ctx c = { model, NULL, NULL, NULL, deferred };
  gboolean ok;

  model->comp = NULL;
  TRY (gs_json_object (root, "", "compensation", GS_FIELD_OPTIONAL, &obj, error));
  if (obj == NULL)
    return TRUE;
  if (base != NULL && base->comp != NULL && base_root != NULL)
    {
      JsonNode *section = json_object_get_member (base_root, "compensation");
      JsonNode *roles = section && JSON_NODE_HOLDS_OBJECT (section)
                            ? json_object_get_member (json_node_get_object (section), "roles")
                            : NULL;
      c.base = base->comp;
      c.base_roles = roles && JSON_NODE_HOLDS_ARRAY (roles) ? json_node_get_array (roles) : NULL;
    }
  c.comp = g_new0 (GsCompModel, 1);
  c.comp->ref_count = 1;
  c.comp->digits = model->company.digits;
  c.comp->currency = g_strdup (model->company.currency);
  g_date_clear (&c.comp->start, 1);
  g_date_set_dmy (&c.comp->start, 1, model->company.start_month, model->company.start_year);
  ok = decode (&c, obj, error);
  if (!ok)
    {
      gs_comp_model_free (c.comp);
      return FALSE;
    }
  model->comp = c.comp;
  return TRUE;
}
