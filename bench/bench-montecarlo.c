/* bench-montecarlo.c — times the Monte Carlo engine (not a test).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-montecarlo PLAN [TRIALS] [--threads T] [--dump FILE]
 *
 * Runs TRIALS (default 1,000,000) trials on 1 thread and on every processor
 * (--threads: on T only, without the payout risk) and prints the times, then
 * what the payout risk (the pay plans over the simulated years,
 * gs-comp-risk.h) adds; --dump writes the model's inputs as JSON for
 * montecarlo_numpy.py, the vectorised NumPy version of the same model.
 */
#include "gs-comp-risk.h"
#include "gs-compute-private.h"
#include "gs-json.h"
#include "gs-montecarlo.h"
#include "gs-plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
dump (const GsModel *m, const GsResult *r, const GsSimSettings *s, const char *filename)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree double *volumes = g_new0 (double, (gsize) m->n_sources * r->n_months);
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  gs_compute_entry_volumes (m, r, volumes);
  gs_funnel_offsets (m, offsets);
  json_builder_begin_object (b);
#define NUM(name, v)                                                                               \
  json_builder_set_member_name (b, name);                                                          \
  json_builder_add_double_value (b, v)
  NUM ("kappa", s->rate_concentration);
  NUM ("sigma", s->deal_size_sigma);
  NUM ("jitter", s->lag_jitter_days);
  NUM ("capsigma", s->capacity_sigma);
  NUM ("decay", m->ae.backlog_decay);
  NUM ("deal", (double) m->deal_size);
  NUM ("n_pre", r->n_pre);
  NUM ("target_total", (double) r->target_total);
  NUM ("plan_total", (double) r->plan_total);
  json_builder_set_member_name (b, "rates");
  json_builder_begin_array (b);
  for (guint k = 0; k + 1 < m->n_stages; k++)
    json_builder_add_double_value (b, m->steps[k].rate);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "lags");
  json_builder_begin_array (b);
  for (guint k = 0; k + 1 < m->n_stages; k++)
    json_builder_add_double_value (b, m->steps[k].lag_days);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "months");
  json_builder_begin_array (b);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      json_builder_begin_object (b);
      NUM ("existing", (double) (r->target_month[mo] - r->new_business_month[mo]));
      NUM ("capacity", (double) r->ae_capacity[mo]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint j = 0; j < m->n_sources; j++)
    {
      json_builder_begin_object (b);
      NUM ("entry", m->sources[j].entry_stage);
      NUM ("offset", offsets[m->sources[j].entry_stage]);
      json_builder_set_member_name (b, "planned");
      json_builder_add_boolean_value (b, m->sources[j].planned != NULL);
      json_builder_set_member_name (b, "own_rates");
      json_builder_begin_array (b);
      for (guint k = 0; k + 1 < m->n_stages; k++)
        if (m->sources[j].rate_is_own[k])
          json_builder_add_double_value (b, m->sources[j].rates[k]);
        else
          json_builder_add_null_value (b);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "volumes");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->n_months; i++)
        json_builder_add_double_value (b, volumes[(gsize) j * r->n_months + i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = gs_json_to_text (root);
  g_file_set_contents (filename, text, -1, NULL);
}

static double
run (const GsModel *m, GsSimSettings s, guint threads, double *p_hit)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GsSimResult) res = NULL;
  s.threads = threads;
  res = gs_montecarlo_run (m, &s, NULL, NULL, NULL, NULL);
  *p_hit = res->p_hit;
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int argc, char **argv)
{
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  const GsModel *m;
  GsSimSettings s;
  guint64 trials = 1000000;
  const char *dump_to = NULL;
  double p_hit;
  guint only_threads = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-montecarlo PLAN [TRIALS] [--threads T] [--dump FILE]\n");
      return 2;
    }
  for (int i = 2; i < argc; i++)
    if (strcmp (argv[i], "--dump") == 0 && i + 1 < argc)
      dump_to = argv[++i];
    else if (strcmp (argv[i], "--threads") == 0 && i + 1 < argc)
      only_threads = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
    else
      trials = g_ascii_strtoull (argv[i], NULL, 10);
  plan = gs_plan_new_from_file (argv[1], &error);
  if (plan == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  m = gs_plan_get_model (plan);
  gs_sim_settings_read (gs_plan_get_root (plan), &s, NULL);
  s.trials = trials;
  if (dump_to)
    dump (m, gs_plan_get_result (plan, NULL), &s, dump_to);
  for (guint t = only_threads ? only_threads : 1;
       t <= (only_threads ? only_threads : g_get_num_processors ()); t++)
    {
      double secs = run (m, s, t, &p_hit);
      printf ("C engine: %" G_GUINT64_FORMAT " trials × %u months, %u thread%s: %.3f s "
              "(%.0f k trials/s), P(hit) %.4f\n",
              trials, m->company.horizon, t, t == 1 ? "" : "s", secs, trials / secs / 1000, p_hit);
    }
  if (m->comp && only_threads == 0)
    {
      const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
      g_autoptr (GsSimResult) res = NULL;
      GsCompYearSpread spread;
      gint64 start;
      const guint reps = 10;
      s.threads = 0;
      res = gs_montecarlo_run (m, &s, NULL, NULL, NULL, NULL);
      spread = (GsCompYearSpread){ res->year_counts, res->year_bins, res->year_hi };
      start = g_get_monotonic_time ();
      for (guint i = 0; i < reps; i++)
        {
          GsCompRisk risk;
          if (!gs_comp_risk (comp, &spread, &risk, NULL))
            return 1;
          gs_comp_risk_clear (&risk);
        }
      printf ("payout risk (%u roles over the comp year's spread): %.1f ms, whatever the trials\n",
              comp->n_roles,
              (double) (g_get_monotonic_time () - start) / reps / G_USEC_PER_SEC * 1000);
    }
  return 0;
}
