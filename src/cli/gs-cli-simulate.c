/* gs-cli-simulate.c — `goalsheet-cli simulate PLAN`: Monte Carlo P10/P50/P90
 * by month and the chance of reaching the target; with pay plans, what they
 * cost over the simulated years (the payout risk).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-comp-risk.h"
#include "gs-evidence.h"
#include "gs-tracking-json.h"
#include "gs-explain.h"
#include "gs-explain-leak.h"
#include "gs-explain-risk.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-montecarlo.h"
#include <glib/gi18n-lib.h>

static JsonNode *
money_node (const GsModel *m, double minor)
{
  return gs_json_money_node (gs_money_round (minor), m->company.digits);
}

static void
three (JsonBuilder *b, const char *name, const double v[3], gboolean money, const GsModel *m)
{
  static const char *const q[3] = { "p10", "p50", "p90" };
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (guint i = 0; i < 3; i++)
    {
      json_builder_set_member_name (b, q[i]);
      if (money)
        json_builder_add_value (b, money_node (m, v[i]));
      else
        json_builder_add_double_value (b, v[i]);
    }
  json_builder_end_object (b);
}

/* "payout_risk" (docs/compensation.md, "Payout risk"). */
static void
risk_json (JsonBuilder *b, const GsModel *m, const GsCompModel *comp, const GsCompRisk *risk,
           const GsCompAtPlan *at)
{
  const double pay[3] = { (double) risk->pay[0], (double) risk->pay[1], (double) risk->pay[2] };
  json_builder_set_member_name (b, "payout_risk");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "variable_pay_at_plan");
  json_builder_add_value (b, money_node (m, (double) at->at_plan));
  three (b, "variable_pay", pay, TRUE, m);
  json_builder_set_member_name (b, "variable_pay_mean");
  json_builder_add_value (b, money_node (m, (double) risk->pay_mean));
  three (b, "cost_of_sales_new_business", risk->cost_new, FALSE, m);
  three (b, "cost_of_sales_all_bookings", risk->cost_all, FALSE, m);
  json_builder_set_member_name (b, "roles");
  json_builder_begin_array (b);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, comp->roles[r].id);
      json_builder_set_member_name (b, "simulated");
      json_builder_add_boolean_value (b, risk->moves[r]);
      json_builder_set_member_name (b, "reach_quota");
      if (risk->moves[r])
        json_builder_add_double_value (b, risk->reach_quota[r]);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "accelerator_above");
      if (risk->accelerated[r] >= 0)
        json_builder_add_double_value (b, risk->accel_above[r]);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "accelerator_paid");
      if (risk->accelerated[r] >= 0)
        json_builder_add_double_value (b, risk->accelerated[r]);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static JsonNode *
sim_json (const GsModel *m, const GsResult *r, const GsSimResult *sim, guint threads,
          const GsCompModel *comp, const GsCompRisk *risk, const GsCompAtPlan *at)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const GsSimSettings *s = &sim->settings;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "trials");
  json_builder_add_int_value (b, (gint64) sim->trials);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) s->seed);
  json_builder_set_member_name (b, "threads");
  json_builder_add_int_value (b, threads);
  json_builder_set_member_name (b, "rate_concentration");
  json_builder_add_double_value (b, s->rate_concentration);
  json_builder_set_member_name (b, "deal_size_sigma");
  json_builder_add_double_value (b, s->deal_size_sigma);
  json_builder_set_member_name (b, "lag_jitter_days");
  json_builder_add_double_value (b, s->lag_jitter_days);
  json_builder_set_member_name (b, "target");
  json_builder_add_value (b, gs_json_money_node (sim->target_total, m->company.digits));
  json_builder_set_member_name (b, "plan");
  json_builder_add_value (b, gs_json_money_node (sim->plan_total, m->company.digits));
  json_builder_set_member_name (b, "p_hit");
  json_builder_add_double_value (b, sim->p_hit);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  {
    const char *names[] = { "p10", "p50", "p90", "mean", "backlog_after_horizon_mean" };
    const double values[]
        = { sim->cum_p10[sim->horizon - 1], sim->cum_p50[sim->horizon - 1],
            sim->cum_p90[sim->horizon - 1], sim->cum_mean[sim->horizon - 1], sim->backlog_mean };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        json_builder_set_member_name (b, names[i]);
        json_builder_add_value (b, money_node (m, values[i]));
      }
  }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "months");
  json_builder_begin_array (b);
  for (guint mo = 0; mo < sim->horizon; mo++)
    {
      const char *names[] = { "p10",
                              "p50",
                              "p90",
                              "mean",
                              "cumulative_p10",
                              "cumulative_p50",
                              "cumulative_p90",
                              "cumulative_target" };
      const double values[]
          = { sim->p10[mo],     sim->p50[mo],     sim->p90[mo],     sim->mean[mo],
              sim->cum_p10[mo], sim->cum_p50[mo], sim->cum_p90[mo], sim->target_cum[mo] };
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "month");
      json_builder_add_string_value (b, r->month_labels[r->n_pre + mo]);
      json_builder_set_member_name (b, "target");
      json_builder_add_value (b, gs_json_money_node (r->target_month[mo], m->company.digits));
      json_builder_set_member_name (b, "plan");
      json_builder_add_value (b, gs_json_money_node (r->plan_month[mo], m->company.digits));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (b, names[i]);
          json_builder_add_value (b, money_node (m, values[i]));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (comp)
    risk_json (b, m, comp, risk, at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* A cell of the monthly table, whose caption names the currency. */
static char *
whole (const GsModel *m, double minor)
{
  return gs_format_money (gs_money_round (minor), m->company.digits, NULL, GS_MONEY_FORMAT_WHOLE);
}

/* Money in running text carries the plan's currency (docs/i18n.md). */
static char *
whole_text (const GsModel *m, double minor)
{
  return gs_format_money (gs_money_round (minor), m->company.digits, m->company.currency,
                          GS_MONEY_FORMAT_WHOLE);
}

/* A row of the monthly table: the month, then six right-aligned figures. */
static void
month_row (const char *month, const char *const figures[6])
{
  static const guint widths[6] = { 12, 12, 12, 12, 12, 14 };
  g_autoptr (GString) line = g_string_new (NULL);
  gs_cli_pad (line, month, 16, FALSE);
  for (guint i = 0; i < 6; i++)
    {
      g_string_append_c (line, ' ');
      gs_cli_pad (line, figures[i], widths[i], TRUE);
    }
  g_print ("%s\n", line->str);
}

static void
print_risk (const GsCompModel *comp, const GsCompRisk *risk, const GsCompAtPlan *at)
{
  g_auto (GStrv) lines = gs_explain_payout_risk (comp, risk, at->at_plan);
  g_print ("\n%s\n", _ ("Payout risk: the pay plans in every trial (docs/compensation.md)"));
  for (guint i = 0; lines[i]; i++)
    g_print ("  %s\n", lines[i]);
}

static void
print_text (const GsModel *m, const GsResult *r, const GsSimResult *sim, guint threads,
            double seconds)
{
  g_autofree char *trials = gs_format_count ((gint64) sim->trials);
  g_autofree char *target = whole_text (m, (double) sim->target_total);
  g_autofree char *plan = whole_text (m, (double) sim->plan_total);
  guint last = sim->horizon - 1;
  g_autofree char *t10 = whole_text (m, sim->cum_p10[last]);
  g_autofree char *t50 = whole_text (m, sim->cum_p50[last]);
  g_autofree char *t90 = whole_text (m, sim->cum_p90[last]);

  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, sim->settings.seed);

  /* Translators: the company, the number of trials, the seed, the number of
   * threads and the seconds the run took. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s — %s trials, seed %s, %u thread, %.2f s\n",
                        "%s — %s trials, seed %s, %u threads, %.2f s\n", threads),
           m->company.name, trials, seed, threads, seconds);
  g_autofree char *chance = gs_format_percent (sim->p_hit);
  /* Translators: %1$s money, %2$s a percentage. */
  g_print (_ ("Chance of reaching the target of %1$s: %2$s\n"), target, chance);
  g_print (_ ("Bookings over the plan: P10 %s, P50 %s, P90 %s (deterministic plan %s)\n\n"), t10,
           t50, t90, plan);
  /* Translators: %s the plan's currency code (USD); the table's caption. */
  g_print (_ ("Bookings by month, in %s:\n"), m->company.currency);
  month_row (_ ("Month"),
             (const char *[]){ _ ("Target"), _ ("Plan"), "P10", "P50", "P90", _ ("Running P50") });
  for (guint mo = 0; mo < sim->horizon; mo++)
    {
      g_autofree char *tg = whole (m, (double) r->target_month[mo]);
      g_autofree char *pl = whole (m, (double) r->plan_month[mo]);
      g_autofree char *a = whole (m, sim->p10[mo]);
      g_autofree char *b = whole (m, sim->p50[mo]);
      g_autofree char *c = whole (m, sim->p90[mo]);
      g_autofree char *d = whole (m, sim->cum_p50[mo]);
      g_autofree char *when = gs_explain_month_label (&r->months[r->n_pre + mo]);
      month_row (when, (const char *[]){ tg, pl, a, b, c, d });
    }
  {
    g_autofree char *waiting = whole_text (m, sim->backlog_mean);
    /* Translators: %s money: wins the AEs had no capacity for yet when the plan ended, the
       mean over the trials (docs/simulation.md). */
    g_print (_ ("\nWon but still waiting for an AE after the plan's last month: %s on average\n"),
             waiting);
  }
}

/* What the actuals changed: the chance against the plan's, and the step
 * whose evidence moved it most. */
static void
print_evidence (const GsModel *m, const GsEvidence *e, const GDate *day)
{
  g_autofree char *when = gs_format_date (day);
  g_autofree char *now = gs_format_percent (e->p_hit);
  g_autofree char *plan = gs_format_percent (e->p_hit_plan);
  g_autofree char *booked = gs_format_percent (e->p_hit_booked);
  g_autofree char *moved = gs_explain_evidence_moved (m, e);
  /* Translators: a date, then three percents: with the actuals, on the plan's rates alone,
     and on the plan's rates after the bookings to date. */
  g_print (_ ("\nFrom the actuals to %s (bookings to date kept, the rest drawn from each rate's "
              "posterior): %s, against %s on the plan's rates (%s on them after the bookings to "
              "date)\n"),
           when, now, plan, booked);
  if (moved)
    g_print ("%s\n", moved);
}

int
gs_cli_simulate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — chance of the target"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsSimResult) sim = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *trials_text = NULL, *seed_text = NULL;
  gint64 trials = 0, seed = -1; /* not given: the plan's */
  g_autofree char *threads_text = NULL;
  gint64 threads = 0;
  gboolean as_json = FALSE, use_actuals = FALSE;
  g_autofree char *as_of = NULL;
  g_autoptr (GsEvidence) evidence = NULL;
  GDate as_of_day;
  const GsModel *model;
  int status = GS_EXIT_OK;
  const GsResult *result;
  GsSimSettings settings;
  gint64 start;
  double seconds;
  const GsCompModel *comp = NULL;
  GsCompRisk risk = { 0 };
  GsCompAtPlan at = { 0 };
  GOptionEntry entries[] = {
    { "trials", 'n', 0, G_OPTION_ARG_STRING, &trials_text,
      N_ ("Number of trials (default: the plan's, "
          "else 100,000)"),
      "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_ ("Random seed (default: the plan's, else 1)"), "S" },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads_text,
      N_ ("Worker threads (default: one per processor)"), "T" },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario, N_ ("Simulate this named scenario"),
      "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_ ("Print JSON"), NULL },
    { "use-actuals", 0, 0, G_OPTION_ARG_NONE, &use_actuals,
      N_ ("Draw the conversion rates around what the plan's actuals support (docs/actuals.md)"),
      NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_ ("With --use-actuals: the evidence up to this day (default: today)"), N_ ("YYYY-MM-DD") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Runs a Monte Carlo simulation of the plan: conversion rates, "
                   "lags and deal sizes drawn around their planned values (settings "
                   "in the plan's “simulation” section, see docs/simulation.md), "
                   "and prints P10/P50/P90 of bookings by month and the chance of "
                   "reaching the target. The same seed gives the same figures."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("simulate", _ ("give one plan file"));
  if (!gs_cli_sim_options ("simulate", trials_text, seed_text, &trials, &seed, &status)
      || !gs_cli_option_integer ("simulate", "--threads", threads_text, 1, 64, &threads, &status))
    return status;
  result = gs_cli_load_scenario_result (argv[1], scenario, &plan, &status);
  if (result == NULL)
    return status;
  if (!gs_sim_settings_read_section (gs_plan_lookup (plan, "simulation"), &settings, &error))
    return gs_cli_fail (argv[1], error);
  if (trials > 0)
    settings.trials = (guint64) trials;
  if (seed >= 0)
    settings.seed = (guint64) seed;
  settings.threads = threads > 0 ? (guint) threads : g_get_num_processors ();

  model = gs_plan_get_model (plan);
  if (use_actuals)
    {
      g_autoptr (GsTracking) tracking = NULL;
      GDate day;
      if (!gs_cli_parse_day ("simulate", as_of, &day, &status))
        return status;
      tracking = gs_tracking_compute (model, result, &day, &error);
      if (tracking == NULL)
        return gs_cli_fail (argv[1], error);
      /* The posterior drives the draws and the bookings to date stand; the
       * run on it is the spread shown (gs-evidence.h). */
      start = g_get_monotonic_time ();
      evidence = gs_evidence_compute (model, tracking, &settings, &error);
      if (evidence == NULL)
        return gs_cli_fail (argv[1], error);
      sim = g_steal_pointer (&evidence->sim);
      as_of_day = day;
    }
  else
    {
      /* The plan's result is the model's gs_compute: the run need not make
       * it again. */
      settings.result = result;
      start = g_get_monotonic_time ();
      sim = gs_montecarlo_run (model, &settings, NULL, NULL, NULL, &error);
      if (sim == NULL)
        return gs_cli_fail (argv[1], error);
    }
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (gs_plan_get_model (plan)->comp != NULL)
    {
      GsCompYearSpread spread = { sim->year_counts, sim->year_bins, sim->year_hi };
      comp = gs_plan_get_comp (plan, &error);
      if (comp == NULL || !gs_comp_at_plan (comp, &at, &error))
        return gs_cli_fail (argv[1], error);
      if (!gs_comp_risk (comp, &spread, &risk, &error))
        {
          gs_comp_at_plan_clear (&at);
          return gs_cli_fail (argv[1], error);
        }
    }
  if (as_json)
    {
      g_autoptr (JsonNode) node
          = sim_json (gs_plan_get_model (plan), result, sim, settings.threads, comp, &risk, &at);
      if (evidence)
        json_object_set_member (json_node_get_object (node), "evidence",
                                gs_evidence_to_json (model, evidence));
      g_autofree char *text = gs_json_to_text (node);
      status = gs_cli_write_stdout (text);
    }
  else
    {
      print_text (gs_plan_get_model (plan), result, sim, settings.threads, seconds);
      if (evidence)
        print_evidence (model, evidence, &as_of_day);
      if (comp)
        print_risk (comp, &risk, &at);
    }
  gs_comp_risk_clear (&risk);
  gs_comp_at_plan_clear (&at);
  return status;
}
