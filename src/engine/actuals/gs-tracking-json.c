/* gs-tracking-json.c — writing the tracking figures.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-tracking-json.h"
#include "gs-actuals-json.h"
#include "gs-result-json.h"

#include <math.h>

static JsonNode *
date_node (const GDate *d)
{
  char text[16];
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
              g_date_get_day (d));
  return json_node_init_string (json_node_alloc (), text);
}

static void
set_source (JsonObject *o, const GsModel *m, guint row)
{
  if (row < m->n_sources)
    json_object_set_string_member (o, "source", m->sources[row].id);
  else
    json_object_set_null_member (o, "source"); /* records of no plan source */
}

/* planned is whole for a month; to date it may hold part of a month. */
static JsonObject *
cell_object (const GsModel *m, const GsTracking *t, guint stage, const GsTrackCell *c)
{
  JsonObject *o = json_object_new ();
  guint digits = m->company.digits;
  if (c->planned == floor (c->planned))
    json_object_set_int_member (o, "planned", (gint64) c->planned);
  else
    json_object_set_double_member (o, "planned", round (c->planned * 100) / 100);
  json_object_set_int_member (o, "actual", c->actual);
  if (stage >= t->deal_stage)
    {
      json_object_set_member (o, "planned_amount",
                              gs_result_json_money (c->planned_amount, digits));
      json_object_set_member (o, "actual_amount", gs_result_json_money (c->actual_amount, digits));
    }
  return o;
}

static JsonNode *
stages_node (const GsModel *m, const GsTracking *t, int month)
{
  JsonArray *stages = json_array_new ();
  for (guint k = 0; k < t->n_stages; k++)
    {
      GsTrackCell total = { 0 };
      JsonArray *sources = json_array_new ();
      JsonObject *o;
      for (guint row = 0; row < t->n_rows; row++)
        {
          const GsTrackCell *c
              = month >= 0 ? gs_tracking_month (t, row, k, month) : gs_tracking_to_date (t, row, k);
          JsonObject *so = cell_object (m, t, k, c);
          total.planned += c->planned;
          total.actual += c->actual;
          total.planned_amount += c->planned_amount;
          total.actual_amount += c->actual_amount;
          set_source (so, m, row);
          json_array_add_object_element (sources, so);
        }
      o = cell_object (m, t, k, &total);
      json_object_set_string_member (o, "stage", m->stages[k].id);
      json_object_set_array_member (o, "sources", sources);
      json_array_add_object_element (stages, o);
    }
  return gs_actuals_json_take_array (stages);
}

static JsonNode *
months_node (const GsModel *m, const GsResult *r, const GsTracking *t)
{
  JsonArray *months = json_array_new ();
  for (guint mo = 0; mo < t->horizon; mo++)
    {
      JsonObject *o = json_object_new ();
      GsMonth cal = r->months[r->n_pre + mo];
      g_autofree char *ym = g_strdup_printf ("%04u-%02u", cal.year, cal.month);
      json_object_set_string_member (o, "month", ym);
      json_object_set_string_member (o, "label", r->month_labels[r->n_pre + mo]);
      json_object_set_boolean_member (o, "begun", mo < t->n_months_begun);
      json_object_set_member (o, "stages", stages_node (m, t, (int) mo));
      json_array_add_object_element (months, o);
    }
  return gs_actuals_json_take_array (months);
}

static JsonNode *
leak_node (const GsModel *m, const GsTracking *t)
{
  JsonArray *leaks = json_array_new ();
  for (guint s = 0; s < m->n_sources; s++)
    {
      const GsLeak *l = &t->leaks[s];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "source", m->sources[s].id);
      if (l->stage == G_MAXUINT)
        json_object_set_null_member (o, "stage");
      else
        {
          json_object_set_string_member (o, "stage", m->stages[l->stage].id);
          json_object_set_double_member (o, "planned", round (l->planned * 100) / 100);
          json_object_set_int_member (o, "actual", l->actual);
        }
      json_array_add_object_element (leaks, o);
    }
  return gs_actuals_json_take_array (leaks);
}

/* Per plan month the step's cohort: those that reached its stage that month. */
static JsonNode *
cohorts_node (const GsTracking *t, guint row, guint step)
{
  JsonArray *cohorts = json_array_new ();
  for (guint mo = 0; mo < t->horizon; mo++)
    {
      const GsStepTrack *c = gs_tracking_cohort (t, row, step, mo);
      JsonObject *o = json_object_new ();
      json_object_set_int_member (o, "entered", c->entered);
      json_object_set_int_member (o, "converted", c->converted);
      json_object_set_double_member (o, "rate", c->rate);
      json_object_set_double_member (o, "lag_days", c->lag_days);
      json_array_add_object_element (cohorts, o);
    }
  return gs_actuals_json_take_array (cohorts);
}

static JsonNode *
steps_node (const GsModel *m, const GsTracking *t)
{
  JsonArray *steps = json_array_new ();
  for (guint row = 0; row < t->n_rows; row++)
    for (guint k = 0; k + 1 < t->n_stages; k++)
      {
        const GsStepTrack *st = gs_tracking_step (t, row, k);
        JsonObject *o = json_object_new ();
        set_source (o, m, row);
        json_object_set_string_member (o, "from", m->stages[k].id);
        json_object_set_string_member (o, "to", m->stages[k + 1].id);
        json_object_set_int_member (o, "entered", st->entered);
        json_object_set_int_member (o, "converted", st->converted);
        json_object_set_double_member (o, "rate", st->rate);
        json_object_set_double_member (o, "planned_rate", st->planned_rate);
        json_object_set_double_member (o, "lag_days", st->lag_days);
        json_object_set_double_member (o, "planned_lag_days", st->planned_lag_days);
        json_object_set_member (o, "cohorts", cohorts_node (t, row, k));
        json_array_add_object_element (steps, o);
      }
  return gs_actuals_json_take_array (steps);
}

static JsonNode *
people_node (const GsModel *m, const GsTracking *t)
{
  JsonArray *people = json_array_new ();
  guint digits = m->company.digits;
  for (guint i = 0; i < t->n_people; i++)
    {
      const GsPersonTrack *p = &t->people[i];
      const GsPerson *who = &m->actuals->people[p->person];
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "person", who->id);
      json_object_set_string_member (o, "name", who->name);
      json_object_set_string_member (o, "role", who->role);
      json_object_set_int_member (o, "wins", p->wins);
      json_object_set_member (o, "bookings", gs_result_json_money (p->bookings, digits));
      json_object_set_member (o, "quota", gs_result_json_money (p->quota, digits));
      json_object_set_member (o, "quota_to_date", gs_result_json_money (p->quota_to_date, digits));
      json_object_set_double_member (o, "attainment", p->attainment);
      json_array_add_object_element (people, o);
    }
  return gs_actuals_json_take_array (people);
}

static JsonNode *
forecast_node (const GsModel *m, const GsTracking *t)
{
  const GsForecast *f = &t->forecast;
  guint digits = m->company.digits;
  JsonObject *o = json_object_new ();
  json_object_set_member (o, "won", gs_result_json_money (f->won, digits));
  json_object_set_member (o, "open_pipeline", gs_result_json_money (f->open_pipeline, digits));
  json_object_set_member (o, "weighted_pipeline",
                          gs_result_json_money (f->weighted_pipeline, digits));
  json_object_set_member (o, "run_rate", gs_result_json_money (f->run_rate, digits));
  json_object_set_double_member (o, "months_after_cycle", f->months_after_cycle);
  json_object_set_member (o, "forecast", gs_result_json_money (f->forecast, digits));
  json_object_set_member (o, "target", gs_result_json_money (f->target, digits));
  json_object_set_member (o, "remaining_target",
                          gs_result_json_money (f->remaining_target, digits));
  json_object_set_double_member (o, "coverage", f->coverage);
  json_object_set_double_member (o, "coverage_needed", f->coverage_needed);
  return gs_actuals_json_take_object (o);
}

JsonNode *
gs_tracking_to_json (const GsModel *m, const GsResult *r, const GsTracking *t)
{
  JsonObject *o = json_object_new ();
  JsonObject *to_date = json_object_new ();
  json_object_set_string_member (o, "format", GS_TRACK_FORMAT_NAME);
  json_object_set_string_member (o, "version", GS_TRACK_FORMAT_VERSION);
  json_object_set_member (o, "as_of", date_node (&t->as_of));
  json_object_set_string_member (o, "currency", m->company.currency);
  json_object_set_double_member (o, "months_to_date", round (t->months_to_date * 10000) / 10000);
  json_object_set_member (o, "months", months_node (m, r, t));
  json_object_set_member (to_date, "stages", stages_node (m, t, -1));
  json_object_set_object_member (o, "to_date", to_date);
  json_object_set_member (o, "leak", leak_node (m, t));
  json_object_set_member (o, "steps", steps_node (m, t));
  json_object_set_member (o, "people", people_node (m, t));
  json_object_set_member (o, "forecast", forecast_node (m, t));
  return gs_actuals_json_take_object (o);
}

JsonNode *
gs_evidence_to_json (const GsModel *m, const GsEvidence *e)
{
  JsonObject *o = json_object_new ();
  JsonArray *rates = json_array_new ();
  json_object_set_double_member (o, "plan", e->p_hit_plan);
  json_object_set_double_member (o, "evidence", e->p_hit);
  json_object_set_double_member (o, "booked", e->p_hit_booked);
  if (e->moved_most < 0)
    json_object_set_null_member (o, "moved_most");
  else
    {
      JsonObject *mm = json_object_new ();
      json_object_set_string_member (mm, "from", m->stages[e->moved_most].id);
      json_object_set_string_member (mm, "to", m->stages[e->moved_most + 1].id);
      json_object_set_double_member (mm, "by", e->moved_by);
      json_object_set_object_member (o, "moved_most", mm);
    }
  for (guint s = 0; s < e->n_sources; s++)
    for (guint k = 0; k < e->n_steps; k++)
      {
        const GsPosterior *p = &e->rates[s * e->n_steps + k];
        JsonObject *r = json_object_new ();
        json_object_set_string_member (r, "source", m->sources[s].id);
        json_object_set_string_member (r, "from", m->stages[k].id);
        json_object_set_string_member (r, "to", m->stages[k + 1].id);
        json_object_set_double_member (r, "prior_rate", p->prior_rate);
        json_object_set_int_member (r, "n", p->n);
        json_object_set_int_member (r, "k", p->k);
        json_object_set_double_member (r, "alpha", p->alpha);
        json_object_set_double_member (r, "beta", p->beta);
        json_object_set_double_member (r, "posterior_rate", p->posterior_rate);
        json_array_add_object_element (rates, r);
      }
  json_object_set_array_member (o, "rates", rates);
  return gs_actuals_json_take_object (o);
}

static void
set_sla_counts (JsonObject *o, const GsSlaCount *c)
{
  json_object_set_int_member (o, "mqls", c->mqls);
  json_object_set_int_member (o, "within", c->within);
  json_object_set_int_member (o, "late", c->late);
  json_object_set_int_member (o, "missed", c->missed);
  json_object_set_int_member (o, "waiting", c->waiting);
  json_object_set_double_member (o, "share", c->share);
}

JsonNode *
gs_sla_to_json (const GsModel *m, const GsResult *r, const GsSla *sla)
{
  JsonObject *root = json_object_new ();
  JsonArray *sources = json_array_new ();

  json_object_set_double_member (root, "hours", sla->hours);
  json_object_set_int_member (root, "days", sla->days);
  json_object_set_string_member (root, "from", m->stages[sla->from].id);
  json_object_set_string_member (root, "to", m->stages[sla->to].id);
  set_sla_counts (root, &sla->total);
  for (guint row = 0; row < sla->n_rows; row++)
    {
      JsonObject *o = json_object_new ();
      JsonArray *months = json_array_new ();
      if (row < m->n_sources)
        json_object_set_string_member (o, "source", m->sources[row].id);
      else
        json_object_set_null_member (o, "source");
      set_sla_counts (o, &sla->rows[row]);
      for (guint mo = 0; mo < sla->horizon; mo++)
        {
          JsonObject *mobj = json_object_new ();
          GsMonth cal = r->months[r->n_pre + mo];
          g_autofree char *ym = g_strdup_printf ("%04u-%02u", cal.year, cal.month);
          json_object_set_string_member (mobj, "month", ym);
          set_sla_counts (mobj, gs_sla_month (sla, row, mo));
          json_array_add_object_element (months, mobj);
        }
      json_object_set_member (o, "months", gs_actuals_json_take_array (months));
      json_array_add_object_element (sources, o);
    }
  json_object_set_member (root, "sources", gs_actuals_json_take_array (sources));
  return gs_actuals_json_take_object (root);
}
