/* gs-result-json.c — every derived figure of a plan as a JSON tree.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-result-json.h"

#include <math.h>

static const char *const side_names[] = { "marketing", "shared", "sales" };
static const char *const unit_names[]
    = { "count", "money", "percent", "days", "number", "multiple" };
static const char *const lever_names[]
    = { "leads", "rate", "deal", "aes", "quota_assignment", "pipeline_coverage" };
static const char *const owner_names[] = { "marketing", "sales", "partner" };
static const char *const line_kind_names[] = {
  "stage",
  "followup",
  "sourced_pipeline",
  "sourced_bookings",
  "budget",
  "cost_per_handoff",
  "target",
  "plan",
  "gap",
  "pipeline",
  "bookings",
  "cycle",
  "ae_capacity",
  "ae_headcount",
  "quota",
  "coverage",
  "sdr_capacity",
  "quota_assignment",
  "pipeline_coverage",
};

const char *
gs_line_kind_name (GsLineKind kind)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (line_kind_names) == GS_LINE_PIPELINE_COVERAGE + 1);
  return (guint) kind < G_N_ELEMENTS (line_kind_names) ? line_kind_names[kind] : "unknown";
}

const char *
gs_side_name (GsSide side)
{
  return (guint) side < G_N_ELEMENTS (side_names) ? side_names[side] : "unknown";
}

const char *
gs_unit_name (GsUnit unit)
{
  return (guint) unit < G_N_ELEMENTS (unit_names) ? unit_names[unit] : "unknown";
}

const char *
gs_lever_kind_name (GsLeverKind kind)
{
  return (guint) kind < G_N_ELEMENTS (lever_names) ? lever_names[kind] : "unknown";
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

/* JSON has no NaN or Infinity: a non-finite figure is written as null
 * rather than as text no parser would accept. */
static JsonNode *
double_node (double value)
{
  if (!isfinite (value))
    return json_node_init_null (json_node_alloc ());
  return json_node_init_double (json_node_alloc (), value);
}

static JsonNode *
string_node (const char *value)
{
  if (value == NULL)
    return json_node_init_null (json_node_alloc ());
  return json_node_init_string (json_node_alloc (), value);
}

static JsonNode *
object_node (JsonObject *obj)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), obj);
  json_object_unref (obj);
  return node;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static JsonNode *
int_array (const gint64 *values, guint n)
{
  JsonArray *array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (array, int_node (values[i]));
  return array_node (array);
}

static JsonNode *
double_array (const double *values, guint n)
{
  JsonArray *array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (array, double_node (values[i]));
  return array_node (array);
}

JsonNode *
gs_result_json_money (GsMoney value, guint digits)
{
  JsonObject *obj = json_object_new ();
  g_autofree char *plain = gs_money_to_plain (value, digits);
  json_object_set_member (obj, "minor", int_node (value));
  json_object_set_member (obj, "amount", string_node (plain));
  return object_node (obj);
}

JsonNode *
gs_result_json_money_array (const GsMoney *values, guint n, guint digits)
{
  JsonArray *array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (array, gs_result_json_money (values[i], digits));
  return array_node (array);
}

static const char *const derivation_names[] = {
  "none",
  "not_in_plan",
  "sum_of_sources",
  "divide_by_deal",
  "divide_by_rate",
  "sum_of_months",
  "before_plan",
  "times_deal",
  "budget",
  "times_cost",
  "cost_per_unit",
  "split_by_seasonality",
  "capacity_cap",
  "gap",
  "sum_of_lags",
  "lag",
  "ae_capacity",
  "ae_headcount",
  "average",
  "monthly_quota",
  "quota_over_span",
  "coverage",
  "sdr_capacity",
  "after_plan",
  "quota_assignment",
  "pipeline_coverage",
  "part_of_sum",
};

const char *
gs_derivation_kind_name (GsDerivationKind kind)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (derivation_names) == GS_DERIVATION_PART_OF_SUM + 1);
  return (guint) kind < G_N_ELEMENTS (derivation_names) ? derivation_names[kind] : "unknown";
}

static JsonNode *
figure_node (const GsQuantity *f, guint digits)
{
  switch (f->unit)
    {
    case GS_UNIT_MONEY:
      return gs_result_json_money (f->amount, digits);
    case GS_UNIT_COUNT:
      return int_node (f->amount);
    default:
      return double_node (f->value);
    }
}

/* A derivation: its kind, what it refers to, its figures by name, its parts
 * (docs/derivations.md).  Months are plan months, negative before the plan. */
JsonNode *
gs_result_json_derivation (const GsModel *m, const GsResult *r, const GsDerivation *d)
{
  JsonObject *obj = json_object_new ();
  JsonObject *figures = json_object_new ();

  json_object_set_member (obj, "kind", string_node (gs_derivation_kind_name (d->kind)));
  if (d->source >= 0)
    json_object_set_member (obj, "source", string_node (m->sources[d->source].id));
  if (d->stage >= 0)
    json_object_set_member (obj, "stage", string_node (m->stages[d->stage].id));
  if (d->month >= 0)
    json_object_set_member (obj, "month", int_node (d->month - (int) r->n_pre));
  if (d->quarter >= 0)
    json_object_set_member (obj, "quarter", int_node (d->quarter));
  if (d->input_path)
    json_object_set_member (obj, "input_path", string_node (d->input_path));
  for (guint i = 0; i < d->n_figures; i++)
    json_object_set_member (figures, d->figures[i].name,
                            figure_node (&d->figures[i], m->company.digits));
  json_object_set_member (obj, "figures", object_node (figures));
  if (d->n_parts)
    {
      JsonArray *parts = json_array_sized_new (d->n_parts);
      for (guint i = 0; i < d->n_parts; i++)
        json_array_add_element (parts, gs_result_json_derivation (m, r, &d->parts[i]));
      json_object_set_member (obj, "parts", array_node (parts));
    }
  return object_node (obj);
}

/* A cell carries the figure in the form its unit needs, and its derivation. */
JsonNode *
gs_result_json_cell (const GsModel *m, const GsResult *r, const GsCell *cell, GsUnit unit)
{
  JsonObject *obj = json_object_new ();
  guint digits = m->company.digits;
  switch (unit)
    {
    case GS_UNIT_MONEY:
      {
        g_autofree char *plain = gs_money_to_plain (cell->amount, digits);
        json_object_set_member (obj, "minor", int_node (cell->amount));
        json_object_set_member (obj, "amount", string_node (plain));
      }
      break;
    case GS_UNIT_COUNT:
      json_object_set_member (obj, "count", int_node (cell->amount));
      break;
    default:
      json_object_set_member (obj, "value", double_node (cell->value));
      break;
    }
  json_object_set_member (obj, "derivation", gs_result_json_derivation (m, r, &cell->derivation));
  return object_node (obj);
}

static JsonNode *
text_node (char *value)
{
  JsonNode *node = string_node (value);
  g_free (value);
  return node;
}

static JsonNode *
line_node (const GsModel *m, const GsResult *r, const GsResultWords *w, const GsGoalLine *line)
{
  JsonObject *obj = json_object_new ();
  JsonArray *months = json_array_sized_new (r->n_months);
  JsonArray *quarters = json_array_sized_new (r->n_quarters);

  json_object_set_member (obj, "id", string_node (line->id));
  json_object_set_member (obj, "label", text_node (w->line_name (m, line)));
  json_object_set_member (obj, "kind", string_node (gs_line_kind_name (line->kind)));
  if (line->stage >= 0)
    json_object_set_member (obj, "stage", string_node (m->stages[line->stage].id));
  json_object_set_member (obj, "side", string_node (gs_side_name (line->side)));
  json_object_set_member (obj, "unit", string_node (gs_unit_name (line->unit)));
  json_object_set_member (obj, "direction", string_node (gs_direction_id (line->direction)));
  json_object_set_member (obj, "input_path", string_node (line->input_path));
  for (guint i = 0; i < r->n_months; i++)
    json_array_add_element (months, gs_result_json_cell (m, r, &line->months[i], line->unit));
  for (guint q = 0; q < r->n_quarters; q++)
    json_array_add_element (quarters, gs_result_json_cell (m, r, &line->quarters[q], line->unit));
  json_object_set_member (obj, "months", array_node (months));
  json_object_set_member (obj, "quarters", array_node (quarters));
  json_object_set_member (obj, "total", gs_result_json_cell (m, r, &line->total, line->unit));
  json_object_set_member (obj, "before", gs_result_json_cell (m, r, &line->before, line->unit));
  json_object_set_member (obj, "after", gs_result_json_cell (m, r, &line->after, line->unit));
  return object_node (obj);
}

static JsonNode *
lever_node (const GsModel *m, const GsResult *r, const GsResultWords *w, const GsLever *l)
{
  JsonObject *obj = json_object_new ();

  json_object_set_member (obj, "kind", string_node (gs_lever_kind_name (l->kind)));
  if (l->kind == GS_LEVER_RATE)
    {
      json_object_set_member (obj, "step", int_node (l->step));
      json_object_set_member (obj, "from_stage", string_node (m->stages[l->step].id));
      json_object_set_member (obj, "to_stage", string_node (m->stages[l->step + 1].id));
    }
  else if (l->kind == GS_LEVER_PIPELINE_COVERAGE)
    {
      json_object_set_member (obj, "quarter", int_node (l->step));
      json_object_set_member (obj, "quarter_label",
                              text_node (w->quarter_label (&r->quarters[l->step])));
      json_object_set_member (obj, "quarters_short", int_node (l->stage));
    }
  else if (l->kind == GS_LEVER_AES)
    {
      GsMonth month = gs_model_month (m, (int) l->step);
      json_object_set_member (obj, "month", int_node (l->step));
      json_object_set_member (obj, "month_label", text_node (w->month_label (&month)));
    }
  json_object_set_member (obj, "feasible",
                          json_node_init_boolean (json_node_alloc (), l->feasible));
  json_object_set_member (obj, "from", double_node (l->from));
  json_object_set_member (
      obj, "to", l->feasible ? double_node (l->to) : json_node_init_null (json_node_alloc ()));
  if (l->kind == GS_LEVER_DEAL || l->kind == GS_LEVER_QUOTA_ASSIGNMENT
      || l->kind == GS_LEVER_PIPELINE_COVERAGE)
    {
      /* from and to are minor units here; give them as money too. */
      json_object_set_member (obj, "from_money",
                              gs_result_json_money (gs_money_round (l->from), m->company.digits));
      json_object_set_member (obj, "to_money",
                              l->feasible
                                  ? gs_result_json_money (gs_money_round (l->to), m->company.digits)
                                  : json_node_init_null (json_node_alloc ()));
    }
  if (l->kind == GS_LEVER_LEADS)
    json_object_set_member (obj, "stage", string_node (m->stages[l->stage].id));
  json_object_set_member (obj, "shown",
                          l->feasible ? double_node (l->shown)
                                      : json_node_init_null (json_node_alloc ()));
  if (l->kind != GS_LEVER_AES)
    json_object_set_member (obj, "scale",
                            l->feasible ? double_node (l->scale)
                                        : json_node_init_null (json_node_alloc ()));
  if (l->kind == GS_LEVER_AES || (l->kind == GS_LEVER_RATE && !l->feasible))
    json_object_set_member (obj, "reach", gs_result_json_money (l->reach, m->company.digits));
  json_object_set_member (obj, "input_path", string_node (l->input_path));
  json_object_set_member (obj, "summary", text_node (w->lever_summary (m, r, l)));
  json_object_set_member (obj, "why", text_node (w->lever_why (m, r, l)));
  return object_node (obj);
}

static JsonNode *
months_node (const GsModel *m, const GsResult *r, const GsResultWords *w)
{
  JsonArray *array = json_array_sized_new (r->n_months);
  for (guint i = 0; i < r->n_months; i++)
    {
      JsonObject *obj = json_object_new ();
      int month = (int) i - (int) r->n_pre;
      json_object_set_member (obj, "index", int_node (month));
      json_object_set_member (obj, "label", text_node (w->month_label (&r->months[i])));
      json_object_set_member (obj, "short", text_node (w->month_short (&r->months[i])));
      json_object_set_member (obj, "quarter", int_node (gs_model_fiscal_quarter (m, month)));
      json_object_set_member (obj, "year", int_node (r->months[i].year));
      json_object_set_member (obj, "month", int_node (r->months[i].month));
      json_object_set_member (obj, "fiscal_year", int_node (r->months[i].fiscal_year));
      json_object_set_member (obj, "fiscal_quarter", int_node (r->months[i].fiscal_quarter));
      json_array_add_element (array, object_node (obj));
    }
  return array_node (array);
}

static JsonNode *
quarters_node (const GsResult *r, const GsResultWords *w)
{
  JsonArray *array = json_array_sized_new (r->n_quarters);
  for (guint q = 0; q < r->n_quarters; q++)
    json_array_add_element (array, text_node (w->quarter_label (&r->quarters[q])));
  return array_node (array);
}

static JsonNode *
targets_node (const GsModel *m, const GsResult *r)
{
  JsonObject *obj = json_object_new ();
  guint d = m->company.digits;
  json_object_set_member (obj, "total", gs_result_json_money (r->target_total, d));
  json_object_set_member (obj, "existing", gs_result_json_money (r->target_existing, d));
  json_object_set_member (obj, "new_business", gs_result_json_money (r->target_new_business, d));
  json_object_set_member (obj, "by_month",
                          gs_result_json_money_array (r->target_month, r->horizon, d));
  json_object_set_member (obj, "new_business_by_month",
                          gs_result_json_money_array (r->new_business_month, r->horizon, d));
  return object_node (obj);
}

/* One source's volumes from its entry stage to Won, keyed by stage id. */
static JsonNode *
source_node (const GsModel *m, const GsResult *r, guint j)
{
  const GsSource *src = &m->sources[j];
  JsonObject *obj = json_object_new ();
  JsonObject *needed = json_object_new ();
  JsonObject *projected = json_object_new ();
  g_autofree gint64 *n = g_new0 (gint64, r->n_months);
  g_autofree double *p = g_new0 (double, r->n_months);

  json_object_set_member (obj, "id", string_node (src->id));
  json_object_set_member (obj, "name", string_node (src->name));
  json_object_set_member (obj, "owner", string_node (owner_names[src->owner]));
  json_object_set_member (obj, "share", double_node (src->share));
  json_object_set_member (obj, "entry_stage", string_node (m->stages[src->entry_stage].id));
  for (guint k = src->entry_stage; k < m->n_stages; k++)
    {
      for (guint i = 0; i < r->n_months; i++)
        {
          n[i] = gs_result_needed (r, j, k, i);
          p[i] = gs_result_projected (r, j, k, i);
        }
      json_object_set_member (needed, m->stages[k].id, int_array (n, r->n_months));
      json_object_set_member (projected, m->stages[k].id, double_array (p, r->n_months));
    }
  json_object_set_member (obj, "needed", object_node (needed));
  json_object_set_member (obj, "projected", object_node (projected));
  return object_node (obj);
}

static JsonNode *
funnel_node (const GsModel *m, const GsResult *r)
{
  JsonObject *obj = json_object_new ();
  JsonArray *stages = json_array_sized_new (m->n_stages);
  JsonArray *sources = json_array_sized_new (m->n_sources);
  JsonObject *totals = json_object_new ();
  g_autofree gint64 *n = g_new0 (gint64, r->n_months);

  for (guint k = 0; k < m->n_stages; k++)
    {
      JsonObject *s = json_object_new ();
      json_object_set_member (s, "id", string_node (m->stages[k].id));
      json_object_set_member (s, "name", string_node (m->stages[k].name));
      json_array_add_element (stages, object_node (s));
      for (guint i = 0; i < r->n_months; i++)
        n[i] = gs_result_needed_total (r, k, i);
      json_object_set_member (totals, m->stages[k].id, int_array (n, r->n_months));
    }
  for (guint j = 0; j < m->n_sources; j++)
    json_array_add_element (sources, source_node (m, r, j));
  json_object_set_member (obj, "stages", array_node (stages));
  json_object_set_member (obj, "handoff_stage", string_node (m->stages[m->handoff].id));
  json_object_set_member (obj, "deal_size", gs_result_json_money (m->deal_size, m->company.digits));
  json_object_set_member (obj, "cycle_days", double_node (r->cycle_days));
  json_object_set_member (obj, "needed_total", object_node (totals));
  json_object_set_member (obj, "sources", array_node (sources));
  json_object_set_member (
      obj, "projected_bookings",
      gs_result_json_money_array (r->projected_bookings, r->horizon, m->company.digits));
  return object_node (obj);
}

static JsonNode *
capacity_node (const GsModel *m, const GsResult *r)
{
  JsonObject *obj = json_object_new ();
  json_object_set_member (obj, "ae_headcount", double_array (r->ae_headcount, r->horizon));
  json_object_set_member (obj, "ae_ramped", double_array (r->ae_ramped, r->horizon));
  json_object_set_member (obj, "ae_hired", int_array (r->ae_hired, r->horizon));
  json_object_set_member (
      obj, "ae_capacity",
      gs_result_json_money_array (r->ae_capacity, r->horizon, m->company.digits));
  json_object_set_member (obj, "sdr_capacity", double_array (r->sdr_capacity, r->horizon));
  json_object_set_member (obj, "sqls_needed", int_array (r->sqls_needed, r->horizon));
  return object_node (obj);
}

static JsonNode *
plan_node (const GsModel *m, const GsResult *r)
{
  JsonObject *obj = json_object_new ();
  guint d = m->company.digits;
  json_object_set_member (obj, "by_month",
                          gs_result_json_money_array (r->plan_month, r->horizon, d));
  json_object_set_member (obj, "backlog_by_month",
                          gs_result_json_money_array (r->backlog_month, r->horizon, d));
  json_object_set_member (obj, "total", gs_result_json_money (r->plan_total, d));
  json_object_set_member (obj, "gap", gs_result_json_money (r->gap, d));
  json_object_set_member (obj, "gap_fraction", double_node (r->gap_fraction));
  json_object_set_member (obj, "budget_total", gs_result_json_money (r->budget_total, d));
  return object_node (obj);
}

JsonNode *
gs_result_to_json (const GsModel *m, const GsResult *r, const GsResultWords *w)
{
  JsonObject *obj = json_object_new ();
  JsonObject *company = json_object_new ();
  JsonArray *levers = json_array_sized_new (r->n_levers);
  JsonArray *lines = json_array_sized_new (r->lines->len);

  json_object_set_member (obj, "format", string_node (GS_COMPUTE_FORMAT_NAME));
  json_object_set_member (obj, "version", string_node (GS_COMPUTE_FORMAT_VERSION));
  json_object_set_member (company, "name", string_node (m->company.name));
  json_object_set_member (company, "currency", string_node (m->company.currency));
  json_object_set_member (company, "currency_digits", int_node (m->company.digits));
  json_object_set_member (obj, "company", object_node (company));
  json_object_set_member (obj, "horizon", int_node (r->horizon));
  json_object_set_member (obj, "n_pre", int_node (r->n_pre));
  json_object_set_member (obj, "months", months_node (m, r, w));
  json_object_set_member (obj, "quarters", quarters_node (r, w));
  json_object_set_member (obj, "targets", targets_node (m, r));
  json_object_set_member (obj, "funnel", funnel_node (m, r));
  json_object_set_member (obj, "capacity", capacity_node (m, r));
  json_object_set_member (obj, "plan", plan_node (m, r));
  for (guint i = 0; i < r->n_levers; i++)
    json_array_add_element (levers, lever_node (m, r, w, &r->levers[i]));
  json_object_set_member (obj, "levers", array_node (levers));
  for (guint i = 0; i < r->lines->len; i++)
    json_array_add_element (lines, line_node (m, r, w, g_ptr_array_index (r->lines, i)));
  json_object_set_member (obj, "lines", array_node (lines));
  return object_node (obj);
}
