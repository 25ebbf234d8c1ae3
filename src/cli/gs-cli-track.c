/* gs-cli-track.c — `goalsheet-cli track PLAN`: plan versus actual to a day,
 * where each source's funnel falls behind, and the re-forecast
 * (docs/actuals.md).  Every figure comes from gs-tracking.h.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-data.h"
#include "gs-cli.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-tracking-json.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

static char *
money (const GsModel *m, GsMoney v)
{
  return gs_format_money (v, m->company.digits, m->company.currency, GS_MONEY_FORMAT_WHOLE);
}

static void
evidence_text (GString *out, const GsModel *m, const GsEvidence *e)
{
  g_autofree char *plan = gs_format_percent (e->p_hit_plan);
  g_autofree char *now = gs_format_percent (e->p_hit);
  /* Translators: two percents: on the plan's rates, then with the actuals. */
  g_string_append_printf (out,
                          _ ("Chance of the target: %s on the plan's rates, %s with the "
                             "actuals\n"),
                          plan, now);
  if (e->moved_most >= 0)
    {
      g_autofree char *by = gs_format_percent_signed (e->moved_by);
      /* Translators: two stage names ("SQL", "Opportunity") and a change ("−8 %"). */
      g_string_append_printf (out, _ ("  moved most by the %s → %s actuals: %s\n"),
                              m->stages[e->moved_most].name, m->stages[e->moved_most + 1].name, by);
    }
}

/* SLA compliance: the share of the MQLs due that were followed up in time. */
static void
sla_text (GString *out, const GsModel *m, const GsSla *sla)
{
  g_autofree char *hours = gs_format_number_short (sla->hours, 1);
  g_string_append_printf (out, "\n");
  /* Translators: hours ("24"), the hand-off stage ("MQL") and the next ("SQL"). */
  g_string_append_printf (out, _ ("Follow-up within %s hours (%s → %s, by the day):\n"), hours,
                          m->stages[sla->from].name, m->stages[sla->to].name);
  for (guint row = 0; row <= sla->n_rows; row++)
    {
      const GsSlaCount *c = row < sla->n_rows ? &sla->rows[row] : &sla->total;
      g_autofree char *share = gs_format_percent (c->share);
      const char *name = row < m->n_sources       ? m->sources[row].name
                         : row + 1 == sla->n_rows ? _ ("no plan source")
                                                  : _ ("all sources");
      if (c->mqls == 0 && row < sla->n_rows)
        continue;
      /* Translators: a source, a share ("62 %"), then counts: within, due, late, missed, waiting.
       */
      g_string_append_printf (out,
                              _ ("  %s: %s (%u of %u due in time; %u late, %u missed, %u "
                                 "waiting)\n"),
                              name, share, c->within, c->due, c->late, c->missed, c->waiting);
    }
}

/* One row of a table: a name, then two figures right-aligned.  Widths count
 * characters, not bytes, so "Zoë Adams" and "1.234 €" line up. */
static void
table_row (GString *out, const char *name, guint name_width, const char *a, const char *b,
           guint a_width)
{
  gs_cli_pad (out, name, name_width, FALSE);
  g_string_append_c (out, ' ');
  gs_cli_pad (out, a, a_width, TRUE);
  g_string_append_c (out, ' ');
  gs_cli_pad (out, b, 12, TRUE);
  g_string_append_c (out, '\n');
}

static char *
track_text (const GsModel *m, const GsTracking *t, const GsEvidence *e, const GsSla *sla)
{
  GString *out = g_string_new (NULL);
  const GsForecast *f = &t->forecast;
  g_autofree char *day = gs_format_date (&t->as_of);
  g_autofree char *months = gs_format_number_short (t->months_to_date, 1);
  g_autofree char *won = money (m, f->won), *fc = money (m, f->forecast);
  g_autofree char *target = money (m, f->target), *weighted = money (m, f->weighted_pipeline);
  g_autofree char *run = money (m, f->run_rate), *open = money (m, f->open_pipeline);
  g_autofree char *cov = gs_format_number_short (f->coverage, 1);
  g_autofree char *need = gs_format_number_short (f->coverage_needed, 1);

  /* Translators: %s are a date and a number of months ("2.5"). */
  g_string_append_printf (out, _ ("Plan versus actual to %s (%s months of the plan)\n\n"), day,
                          months);
  table_row (out, _ ("Stage"), 20, _ ("Planned"), _ ("Actual"), 12);
  for (guint k = 0; k < t->n_stages; k++)
    {
      g_autofree char *planned = gs_format_count ((gint64) (t->total_to_date[k].planned + 0.5));
      g_autofree char *actual = gs_format_count (t->total_to_date[k].actual);
      table_row (out, m->stages[k].name, 20, planned, actual, 12);
    }
  g_string_append_printf (out, "\n%s\n", _ ("Where the funnel falls behind:"));
  for (guint s = 0; s < m->n_sources; s++)
    {
      const GsLeak *l = &t->leaks[s];
      if (l->stage == G_MAXUINT)
        /* Translators: %s is a source ("Inbound marketing"). */
        g_string_append_printf (out, _ ("  %s: on plan at every stage\n"), m->sources[s].name);
      else
        {
          g_autofree char *planned = gs_format_count ((gint64) (l->planned + 0.5));
          g_autofree char *actual = gs_format_count (l->actual);
          /* Translators: source, stage, planned count, actual count. */
          g_string_append_printf (out, _ ("  %s: %s (planned %s to date, actual %s)\n"),
                                  m->sources[s].name, m->stages[l->stage].name, planned, actual);
        }
    }
  /* Translators: forecast, target, won, weighted pipeline, run rate a month. */
  g_string_append_printf (out,
                          _ ("\nRe-forecast: %s of the %s new-business target (won %s, open "
                             "pipeline weighted %s, run rate %s a month)\n"),
                          fc, target, won, weighted, run);
  /* Translators: open pipeline, coverage ("2.1"), coverage needed ("3.3"). */
  g_string_append_printf (out,
                          _ ("Pipeline coverage: %s open, %s× the rest of the target "
                             "(needed %s×)\n"),
                          open, cov, need);
  sla_text (out, m, sla);
  if (e)
    evidence_text (out, m, e);
  if (t->n_people > 0)
    {
      g_string_append_c (out, '\n');
      table_row (out, _ ("Person"), 24, _ ("Bookings"), _ ("Attainment"), 14);
    }
  for (guint i = 0; i < t->n_people; i++)
    {
      const GsPersonTrack *p = &t->people[i];
      g_autofree char *b = money (m, p->bookings);
      g_autofree char *a
          = p->quota_to_date > 0 ? gs_format_percent (p->attainment) : g_strdup ("–");
      table_row (out, m->actuals->people[p->person].name, 24, b, a, 14);
    }
  return g_string_free (out, FALSE);
}

/* The formatting's set-up thread joined on every way out. */
static void
join_prepare (GThread **thread)
{
  if (*thread != NULL)
    g_thread_join (g_steal_pointer (thread));
}

int
gs_cli_track (int argc, char **argv)
{
  __attribute__ ((cleanup (join_prepare))) GThread *prepare = NULL;
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — plan versus actual, the leak and the re-forecast"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsTracking) tracking = NULL;
  g_autoptr (GsSla) sla = NULL;
  g_autoptr (GsEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  gint64 trials = 0;
  gboolean no_p_hit = FALSE;
  GsSimSettings settings;
  g_autofree char *as_of = NULL, *text = NULL;
  gboolean json = FALSE;
  const GsResult *result;
  const GsModel *model;
  GDate day;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_ ("Track to this day (default: today)"),
      N_ ("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON (docs/actuals.md)"), NULL },
    { "trials", 'n', 0, G_OPTION_ARG_INT64, &trials,
      N_ ("Trials of each simulation behind the chance of the target (default: the plan's)"), "N" },
    { "no-p-hit", 0, 0, G_OPTION_ARG_NONE, &no_p_hit,
      N_ ("Leave out the chance of the target (no simulation)"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Compares PLAN's imported actuals with the plan per month, stage and source, "
                   "names the first stage where each source falls behind, and re-forecasts "
                   "the year from the run rate and the open pipeline."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("track", _ ("give one plan file"));
  if (!gs_cli_parse_day ("track", as_of, &day, &status))
    return status;
  /* The text formats money: ICU sets itself up while the plan is read. */
  if (!json)
    prepare = gs_format_prepare ();
  result = gs_cli_load_result (argv[1], &plan, &status);
  if (result == NULL)
    return status;
  model = gs_plan_get_model (plan);
  tracking = gs_tracking_compute (model, result, &day, &error);
  if (tracking == NULL)
    return gs_cli_fail (argv[1], error);
  sla = gs_sla_compute (model, &day, &error);
  if (sla == NULL)
    return gs_cli_fail (argv[1], error);
  if (!no_p_hit)
    {
      if (!gs_sim_settings_read_section (gs_plan_lookup (plan, "simulation"), &settings, &error))
        return gs_cli_fail (argv[1], error);
      if (trials > 0)
        settings.trials = (guint64) MIN (trials, 100000000);
      settings.threads = g_get_num_processors ();
      evidence = gs_evidence_compute (model, tracking, &settings, &error);
      if (evidence == NULL)
        return gs_cli_fail (argv[1], error);
    }
  if (json)
    {
      g_autoptr (JsonNode) root = gs_tracking_to_json (model, result, tracking);
      if (evidence)
        json_object_set_member (json_node_get_object (root), "p_hit",
                                gs_evidence_to_json (model, evidence));
      json_object_set_member (json_node_get_object (root), "sla",
                              gs_sla_to_json (model, result, sla));
      text = gs_json_to_text (root);
    }
  else
    {
      join_prepare (&prepare);
      text = track_text (model, tracking, evidence, sla);
    }
  status = gs_cli_write_stdout (text);
  gs_cli_keep_until_exit (g_steal_pointer (&plan));
  return status;
}
