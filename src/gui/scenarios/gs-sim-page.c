/* gs-sim-page.c — the Scenarios page: Monte Carlo run, P(hit) and the fan
 * chart.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulation runs in a worker thread on a copy of the model; the page
 * keeps the last result and marks it stale when the plan changes, so the
 * strip never shows a probability for figures it was not computed from.
 */
#include "gs-sim-page.h"
#include "gs-chart-view.h"
#include "gs-comp-risk.h"
#include "gs-explain-risk.h"
#include "gs-format.h"
#include "gs-gui-format.h"
#include "gs-montecarlo.h"
#include "gs-scenario-list.h"
#include "gs-scenario-odds.h"
#include "gs-scenario-table.h"

#include <glib/gi18n.h>

struct _GsSimPage
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkWidget *box;
  GtkWidget *progress;
  GtkWidget *cancel_button;
  GtkWidget *run_button;
  GtkWidget *summary_label;
  GtkWidget *risk_label; /* the payout risk of the last run; hidden without pay plans */
  GtkWidget *chart_frame;
  GtkWidget *scenario_table;
  GtkWidget *scenario_list;
  GtkWidget *chart;
  GsPlan *plan;
  GsSimResult *sim;
  gboolean stale;
  guint updates_skipped; /* edits that only marked the hidden page stale (tests) */
  GCancellable *cancellable;
  GCancellable *odds_cancellable; /* each scenario's P(hit), after the base run */
};

G_DEFINE_FINAL_TYPE (GsSimPage, gs_sim_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_P_HIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_running (GsSimPage *self, gboolean running)
{
  gtk_widget_set_visible (self->progress, running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->run_button, !running);
}

static void
show_summary (GsSimPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *trials = NULL;
  g_autofree char *chance = NULL;
  if (self->sim == NULL)
    return;
  trials = gs_format_count ((gint64) self->sim->trials);
  /* The same precision as the strip's P(hit): one rule for percents. */
  chance = gs_format_percent (self->sim->p_hit);
  text = g_strdup_printf (_ ("%s of %s simulated years reach the target%s"), chance, trials,
                          self->stale ? _ (" (before the latest changes: run again)") : "");
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
}

/* The pay plans over the run's simulated years (gs-comp-risk.h), in the
 * engine's words; hidden when the plan has no pay plans. */
static void
show_risk (GsSimPage *self)
{
  const GsCompModel *comp = self->plan ? gs_plan_get_comp (self->plan, NULL) : NULL;
  GsCompYearSpread spread;
  GsCompAtPlan at;
  GsCompRisk risk;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->risk_label, FALSE);
  if (comp == NULL || comp->n_roles == 0 || self->sim == NULL)
    return;
  spread = (GsCompYearSpread){ self->sim->year_counts, self->sim->year_bins, self->sim->year_hi };
  if (!gs_comp_at_plan (comp, &at, &error))
    text = g_strdup (error->message);
  else if (!gs_comp_risk (comp, &spread, &risk, &error))
    text = g_strdup (error->message);
  else
    {
      g_autofree char *body = NULL;
      lines = gs_explain_payout_risk (comp, &risk, at.at_plan);
      body = g_strjoinv ("\n", lines);
      text = g_strdup_printf ("%s\n%s", _ ("Pay over the simulated years"), body);
      gs_comp_risk_clear (&risk);
    }
  gs_comp_at_plan_clear (&at);
  gtk_label_set_text (GTK_LABEL (self->risk_label), text);
  gtk_widget_set_visible (self->risk_label, TRUE);
}

static void
on_progress (double fraction, gpointer data)
{
  GsSimPage *self = data;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), fraction);
}

static void
show_odds (GsSimPage *self, const GsScenarioOdds *odds)
{
  gs_scenario_list_set_odds (GS_SCENARIO_LIST (self->scenario_list), odds);
  gs_scenario_table_set_odds (GS_SCENARIO_TABLE (self->scenario_table), odds);
}

/* What the worker runs the scenarios of: the plan's tree, or for a plan
 * whose deals are a store a copy of the plan that shares them. */
typedef struct
{
  JsonNode *root;
  GsPlan *plan;
} OddsJob;

static void
odds_job_free (OddsJob *job)
{
  g_clear_pointer (&job->root, json_node_unref);
  g_clear_object (&job->plan);
  g_free (job);
}

static void
run_odds (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OddsJob *job = data;
  GError *error = NULL;
  g_autoptr (GPtrArray) all
      = gs_scenarios_read (job->plan ? gs_plan_peek_root (job->plan) : job->root, &error);
  g_autofree const char **names = NULL;
  GsScenarioOdds *odds;

  if (all == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The scenarios the comparison shows, no more (a run each). */
  names = g_new0 (const char *, MIN (all->len, GS_SCENARIO_TABLE_MAX_COLUMNS) + 1);
  for (guint i = 0; i < all->len && i < GS_SCENARIO_TABLE_MAX_COLUMNS; i++)
    names[i] = ((const GsScenario *) g_ptr_array_index (all, i))->name;
  odds = job->plan ? gs_scenario_odds_run_for_plan (job->plan, names, cancellable, &error)
                   : gs_scenario_odds_run (job->root, names, cancellable, &error);
  if (odds == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, odds, (GDestroyNotify) gs_scenario_odds_free);
}

static void
on_odds (GObject *source, GAsyncResult *res, gpointer data)
{
  GsSimPage *self = GS_SIM_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenarioOdds) odds = g_task_propagate_pointer (G_TASK (res), &error);

  /* A run an edit cancelled (or replaced) is dropped, even if it finished. */
  if (g_task_get_cancellable (G_TASK (res)) != self->odds_cancellable
      || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    return;
  g_clear_object (&self->odds_cancellable);
  g_debug ("scenario odds: %s", odds ? "computed" : error->message);
  show_odds (self, odds);
}

/* Each scenario simulated like the base plan, with its settings and seed,
 * in a worker thread on a copy of the plan; an edit cancels it. */
static void
start_odds (GsSimPage *self)
{
  g_autoptr (GTask) task = NULL;
  JsonNode *scenarios = gs_plan_lookup (self->plan, "scenarios");
  OddsJob *job;

  if (scenarios == NULL || !JSON_NODE_HOLDS_ARRAY (scenarios)
      || json_array_get_length (json_node_get_array (scenarios)) == 0)
    return;
  self->odds_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->odds_cancellable, on_odds, NULL);
  job = g_new0 (OddsJob, 1);
  /* A plan whose deals are a store (imported, or opened from a file): a
   * copy that shares them, as the scenario table's worker has, rather than
   * the whole tree with 100,000 deals built into it. */
  if (gs_plan_has_store (self->plan))
    job->plan = gs_plan_copy (self->plan);
  else
    job->root = json_node_copy (gs_plan_get_root (self->plan));
  g_task_set_task_data (task, job, (GDestroyNotify) odds_job_free);
  g_task_run_in_thread (task, run_odds);
}

static void
stop_odds (GsSimPage *self)
{
  if (self->odds_cancellable)
    g_cancellable_cancel (self->odds_cancellable);
  g_clear_object (&self->odds_cancellable);
}

static void
on_done (GObject *source, GAsyncResult *res, gpointer data)
{
  GsSimPage *self = data;
  g_autoptr (GError) error = NULL;
  GsSimResult *sim = gs_montecarlo_run_finish (res, &error);

  if (sim == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      else
        gtk_label_set_text (GTK_LABEL (self->summary_label), _ ("Simulation cancelled."));
    }
  else
    {
      g_clear_pointer (&self->sim, gs_sim_result_free);
      self->sim = sim;
      self->stale = FALSE;
      show_summary (self);
      show_risk (self);
      if (self->plan)
        start_odds (self);
      if (self->plan)
        gs_chart_view_set_data (GS_CHART_VIEW (self->chart), gs_plan_get_model (self->plan),
                                gs_plan_get_result (self->plan, NULL), self->sim);
      gs_chart_view_set_stale (GS_CHART_VIEW (self->chart), NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_P_HIT]);
    }
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  g_object_unref (self);
}

void
gs_sim_page_run (GsSimPage *self)
{
  g_autoptr (GError) error = NULL;
  GsSimSettings settings;

  if (self->plan == NULL || self->cancellable)
    return;
  gs_sim_settings_init (&settings);
  if (!gs_sim_settings_read_section (gs_plan_lookup (self->plan, "simulation"), &settings, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  set_running (self, TRUE);
  gs_montecarlo_run_async (gs_plan_get_model (self->plan), &settings, self->cancellable,
                           on_progress, self, on_done, g_object_ref (self));
}

static void
on_run (GtkButton *button, GsSimPage *self)
{
  gs_sim_page_run (self);
}

static void
on_cancel (GtkButton *button, GsSimPage *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
gs_sim_page_dispose (GObject *object)
{
  GsSimPage *self = GS_SIM_PAGE (object);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  stop_odds (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_SIM_PAGE);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->sim, gs_sim_result_free);
  G_OBJECT_CLASS (gs_sim_page_parent_class)->dispose (object);
}

static void
gs_sim_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_P_HIT:
      g_value_set_double (value, gs_sim_page_get_p_hit (GS_SIM_PAGE (object), NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_sim_page_class_init (GsSimPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_sim_page_dispose;
  object_class->get_property = gs_sim_page_get_property;
  properties[PROP_P_HIT] = g_param_spec_double ("p-hit", NULL, NULL, -1, 1, -1,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/scenarios/gs-sim-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, box);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, progress);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, chart_frame);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, scenario_table);
  gtk_widget_class_bind_template_child (widget_class, GsSimPage, scenario_list);
  g_type_ensure (GS_TYPE_SCENARIO_TABLE);
  g_type_ensure (GS_TYPE_SCENARIO_LIST);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_sim_page_init (GsSimPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = gs_chart_view_new (GS_CHART_FAN);
  gtk_frame_set_child (GTK_FRAME (self->chart_frame), self->chart);
  self->risk_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->risk_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->risk_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->risk_label), TRUE);
  gtk_widget_set_visible (self->risk_label, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->box), self->risk_label, self->summary_label);
  g_signal_connect (self->run_button, "clicked", G_CALLBACK (on_run), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel), self);
}

GtkWidget *
gs_sim_page_new (void)
{
  return g_object_new (GS_TYPE_SIM_PAGE, NULL);
}

/* After an edit the last run no longer describes the plan (another plan
 * has no run); every scenario's P(hit) still computing was for the plan
 * before the edit.  Returns whether the run was stale before. */
static gboolean
follow_plan (GsSimPage *self, GsPlan *plan)
{
  gboolean was_stale = self->stale;
  if (plan != self->plan)
    {
      g_set_object (&self->plan, plan);
      g_clear_pointer (&self->sim, gs_sim_result_free);
      self->stale = FALSE;
      gtk_widget_set_visible (self->risk_label, FALSE);
    }
  else if (self->sim)
    self->stale = TRUE;
  stop_odds (self);
  return was_stale;
}

/* Called after every edit while shown, and when shown after edits. */
void
gs_sim_page_update (GsSimPage *self, GsPlan *plan, const GsResult *result)
{
  gboolean was_stale = follow_plan (self, plan);
  show_odds (self, NULL);
  gs_scenario_list_update (GS_SCENARIO_LIST (self->scenario_list), plan);
  /* The last run stays drawn, dimmed and labelled, until the next one. */
  gs_chart_view_set_data (GS_CHART_VIEW (self->chart), gs_plan_get_model (plan), result, self->sim);
  gs_chart_view_set_stale (GS_CHART_VIEW (self->chart),
                           self->stale ? _ ("From before your edit: run the simulation again")
                                       : NULL);
  gs_scenario_table_update (GS_SCENARIO_TABLE (self->scenario_table), plan);
  show_summary (self);
  if (was_stale != self->stale)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_P_HIT]);
}

/* An edit while the page is hidden: the last run's P(hit) is marked stale
 * (the strip shows it so at once) and the scenarios' odds still running are
 * dropped; the list, the comparison and the chart wait for
 * gs_sim_page_update when the page is shown (issue 13: the hidden page
 * compared every scenario and listed the pending changes on every edit). */
void
gs_sim_page_mark_stale (GsSimPage *self, GsPlan *plan)
{
  gboolean was_stale = follow_plan (self, plan);
  self->updates_skipped++;
  if (was_stale != self->stale)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_P_HIT]);
}

/* How many edits only marked the page stale (tests). */
guint
gs_sim_page_get_updates_skipped (GsSimPage *self)
{
  return self->updates_skipped;
}

GsScenarioList *
gs_sim_page_get_scenario_list (GsSimPage *self)
{
  return GS_SCENARIO_LIST (self->scenario_list);
}

/* TRUE while each scenario's P(hit) is being simulated (tests). */
gboolean
gs_sim_page_odds_running (GsSimPage *self)
{
  return self->odds_cancellable != NULL;
}

/* -1 before any run. */
double
gs_sim_page_get_p_hit (GsSimPage *self, gboolean *stale)
{
  if (stale)
    *stale = self->stale;
  return self->sim ? self->sim->p_hit : -1;
}

const GsSimResult *
gs_sim_page_get_result (GsSimPage *self, gboolean *stale)
{
  if (stale)
    *stale = self->stale;
  return self->sim;
}

/* The payout risk as shown, or NULL while hidden (tests). */
const char *
gs_sim_page_get_risk_text (GsSimPage *self)
{
  if (!gtk_widget_get_visible (self->risk_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->risk_label));
}

GsChartView *
gs_sim_page_get_chart (GsSimPage *self)
{
  g_return_val_if_fail (GS_IS_SIM_PAGE (self), NULL);
  return GS_CHART_VIEW (self->chart);
}

gboolean
gs_sim_page_comparing (GsSimPage *self)
{
  g_return_val_if_fail (GS_IS_SIM_PAGE (self), FALSE);
  return gs_scenario_table_is_busy (GS_SCENARIO_TABLE (self->scenario_table));
}
