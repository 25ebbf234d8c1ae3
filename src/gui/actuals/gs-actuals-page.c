/* gs-actuals-page.c — plan versus actual in the window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tracking is computed on every update (it is fast: docs/actuals.md);
 * the chance of the target from the evidence runs the simulation several
 * times, so it runs in a worker thread on a copy of the plan and the page
 * shows it when it comes back, unless a newer update has started since.
 * The same run draws the re-forecast fan (gs-refan.h): the chart keeps the
 * last one, faded as stale, until the next comes back; an update cancels a
 * run still computing for an older plan or day.
 */
#include "gs-actuals-page.h"
#include "gs-a11y.h"
#include "gs-actuals-line.h"
#include "gs-actuals-row.h"
#include "gs-chart-view.h"
#include "gs-evidence.h"
#include "gs-refan.h"
#include "gs-explain-leak.h"
#include "gs-format.h"
#include "gs-gui-format.h"
#include "gs-meeting-tracking.h"
#include "gs-meeting.h"
#include "gs-person-dialog.h"
#include "gs-tracking-day.h"

#include <glib/gi18n.h>

struct _GsActualsPage
{
  GtkWidget parent_instance;
  GtkWidget *stack;
  GtkWidget *heading_label;
  GtkWidget *day_button;
  GtkWidget *calendar;
  GtkWidget *error_label;
  GtkWidget *leak_list;
  GtkWidget *goal_list;
  GtkWidget *forecast_list;
  GtkWidget *people_list;
  GtkWidget *source_list;
  GtkWidget *refan_frame;
  GtkWidget *refan_chart;
  GsPlan *refan_plan; /* the copy the shown re-forecast was computed on: the chart's figures */
  GsRefan *refan;
  GCancellable *cancellable; /* of the run computing */
  GListStore *lists[GS_ACTUALS_N_LISTS];
  GsPlan *plan;
  char *heading;
  GDate day;       /* invalid: the default day */
  GDate shown_day; /* the day tracked to */
  gboolean setting_calendar;
  guint generation; /* of the evidence asked for; older answers are dropped */
  gboolean evidence_ready;
  GList *rows; /* GsActualsRows of each list, owned by its list box */
};

G_DEFINE_FINAL_TYPE (GsActualsPage, gs_actuals_page, GTK_TYPE_WIDGET)

static char *
money (const GsModel *m, GsMoney v)
{
  return gs_format_money (v, m->company.digits, m->company.currency, GS_MONEY_FORMAT_WHOLE);
}

static char *
count (double v)
{
  return gs_format_count ((gint64) (v + 0.5));
}

static void
add (GsActualsPage *self, GsActualsList list, GsActualsLine *line)
{
  g_list_store_append (self->lists[list], line);
  g_object_unref (line);
}

/* Meeting mode: line's actual against the agreed baseline's (engine's words
 * and verdict); nothing outside a meeting or when it did not change. */
static void
set_delta (GsActualsLine *line, const GsModel *m, const GsMeetingTracking *before, GsTrackUnit unit,
           double now, double then)
{
  GsVerdict verdict;
  g_autofree char *text = NULL;
  if (before == NULL)
    return;
  text = gs_meeting_track_delta (m, unit, GS_DIRECTION_UP_GOOD, now, then, &verdict);
  gs_actuals_line_set_delta (line, text, gs_verdict_css_class (verdict));
}

/* The baseline's index of the stage or source with this id, or -1 (one added
 * in the meeting). */
static int
before_stage (const GsMeetingTracking *before, const char *id)
{
  for (guint k = 0; before && k < before->model->n_stages; k++)
    if (g_strcmp0 (before->model->stages[k].id, id) == 0)
      return (int) k;
  return -1;
}

static int
before_source (const GsMeetingTracking *before, const char *id)
{
  for (guint s = 0; before && s < before->model->n_sources; s++)
    if (g_strcmp0 (before->model->sources[s].id, id) == 0)
      return (int) s;
  return -1;
}

/* Rows: gs-actuals-row.c --------------------------------------------------- */

static void
bind (GsActualsPage *self, GtkWidget *list, GListStore *store)
{
  GsActualsRows *rows = gs_actuals_rows_new ();
  self->rows = g_list_prepend (self->rows, rows);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (store), gs_actuals_row_new, rows,
                           gs_actuals_rows_free);
}

/* Filling the lists -------------------------------------------------------- */

static void
fill_leaks (GsActualsPage *self, const GsModel *m, const GsTracking *t)
{
  for (guint s = 0; s < m->n_sources; s++)
    {
      g_autofree char *text = gs_explain_leak (m, t, s);
      const GsLeak *l = &t->leaks[s];
      GsPace pace
          = l->stage == G_MAXUINT ? GS_PACE_ON : gs_pace_of (l->planned, (double) l->actual);
      /* The sentence names the source: it is the row's title. */
      add (self, GS_ACTUALS_LIST_LEAKS, gs_actuals_line_new (text, NULL, NULL, NULL, NULL, pace));
    }
}

static GsActualsLine *
cell_line (const GsModel *m, const GsTracking *t, const char *title, const GsTrackCell *c,
           guint stage)
{
  g_autofree char *planned = count (c->planned), *actual = gs_format_count (c->actual);
  g_autofree char *share = gs_format_percent (gs_pace_share (c->planned, (double) c->actual));
  g_autofree char *subtitle = NULL;
  if (stage == t->deal_stage || stage + 1 == t->n_stages)
    {
      g_autofree char *pa = money (m, c->planned_amount), *aa = money (m, c->actual_amount);
      /* Translators: money planned to date and actual ("$201,500 of $540,000 planned"). */
      subtitle = g_strdup_printf (_ ("%s of %s planned"), aa, pa);
    }
  return gs_actuals_line_new (title, subtitle, planned, actual, share,
                              gs_pace_of (c->planned, (double) c->actual));
}

static void
fill_goals (GsActualsPage *self, const GsModel *m, const GsTracking *t,
            const GsMeetingTracking *before)
{
  for (guint k = 0; k < t->n_stages; k++)
    {
      GsActualsLine *line = cell_line (m, t, m->stages[k].name, &t->total_to_date[k], k);
      int b = before_stage (before, m->stages[k].id);
      set_delta (line, m, before, GS_TRACK_UNIT_COUNT, (double) t->total_to_date[k].actual,
                 b >= 0 ? (double) before->tracking->total_to_date[b].actual : 0);
      add (self, GS_ACTUALS_LIST_GOALS, line);
    }
  /* The bookings goal: won money against the plan to date. */
  {
    const GsTrackCell *won = &t->total_to_date[t->n_stages - 1];
    g_autofree char *pa = money (m, won->planned_amount), *aa = money (m, won->actual_amount);
    g_autofree char *share = gs_format_percent (
        gs_pace_share ((double) won->planned_amount, (double) won->actual_amount));
    GsActualsLine *line = gs_actuals_line_new (
        _ ("New-business bookings"), NULL, pa, aa, share,
        gs_pace_of ((double) won->planned_amount, (double) won->actual_amount));
    if (before)
      set_delta (
          line, m, before, GS_TRACK_UNIT_MONEY, (double) won->actual_amount,
          (double) before->tracking->total_to_date[before->tracking->n_stages - 1].actual_amount);
    add (self, GS_ACTUALS_LIST_GOALS, line);
  }
}

static void
fill_sources (GsActualsPage *self, const GsModel *m, const GsTracking *t,
              const GsMeetingTracking *before)
{
  for (guint s = 0; s < m->n_sources; s++)
    for (guint k = m->sources[s].entry_stage; k < t->n_stages; k++)
      {
        /* Translators: a source and a stage ("Inbound · MQL"). */
        g_autofree char *title
            = g_strdup_printf (_ ("%s · %s"), m->sources[s].name, m->stages[k].name);
        const GsTrackCell *c = gs_tracking_to_date (t, s, k);
        GsActualsLine *line = cell_line (m, t, title, c, k);
        int bs = before_source (before, m->sources[s].id);
        int bk = before_stage (before, m->stages[k].id);
        set_delta (line, m, before, GS_TRACK_UNIT_COUNT, (double) c->actual,
                   bs >= 0 && bk >= 0
                       ? (double) gs_tracking_to_date (before->tracking, bs, bk)->actual
                       : 0);
        add (self, GS_ACTUALS_LIST_SOURCES, line);
      }
}

static void
fill_people (GsActualsPage *self, const GsModel *m, const GsTracking *t,
             const GsMeetingTracking *before)
{
  for (guint i = 0; i < t->n_people; i++)
    {
      const GsPersonTrack *p = &t->people[i];
      const GsPerson *person = &m->actuals->people[p->person];
      g_autofree char *bookings = money (m, p->bookings);
      g_autofree char *quota = p->quota_to_date > 0 ? money (m, p->quota_to_date) : NULL;
      g_autofree char *share = p->quota_to_date > 0 ? gs_format_percent (p->attainment) : NULL;
      g_autofree char *annual = p->quota > 0 ? money (m, p->quota) : NULL;
      g_autofree char *subtitle
          = annual ? g_strdup_printf (
                /* Translators: role id, wins, annual quota ("ae · 3 wins · $520,000 a year"). */
                ngettext ("%s · %u win · quota %s a year", "%s · %u wins · quota %s a year",
                          p->wins),
                person->role, p->wins, annual)
                   : g_strdup_printf (
                       /* Translators: role id and wins, for a person without a quota. */
                       ngettext ("%s · %u win · no quota", "%s · %u wins · no quota", p->wins),
                       person->role, p->wins);
      GsActualsLine *line
          = gs_actuals_line_new (person->name, subtitle, quota, bookings, share,
                                 gs_pace_of ((double) p->quota_to_date, (double) p->bookings));
      gs_actuals_line_set_person (line, p->person);
      if (before)
        {
          /* Matched by id: the roster may have grown in the meeting. */
          const GsPersonTrack *b = gs_meeting_tracking_person (before, person->id);
          set_delta (line, m, before, GS_TRACK_UNIT_MONEY, (double) p->bookings,
                     b ? (double) b->bookings : 0);
        }
      add (self, GS_ACTUALS_LIST_PEOPLE, line);
    }
}

static void
fill_forecast (GsActualsPage *self, const GsModel *m, const GsTracking *t,
               const GsMeetingTracking *before)
{
  GsActualsLine *line;
  const GsForecast *f = &t->forecast;
  g_autofree char *fc = money (m, f->forecast), *target = money (m, f->target);
  g_autofree char *won = money (m, f->won), *weighted = money (m, f->weighted_pipeline);
  g_autofree char *run = money (m, f->run_rate), *open = money (m, f->open_pipeline);
  g_autofree char *share
      = gs_format_percent (gs_pace_share ((double) f->target, (double) f->forecast));
  g_autofree char *cov = gs_format_number_short (f->coverage, 1);
  g_autofree char *need = gs_format_number_short (f->coverage_needed, 1);
  g_autofree char *fc_sub = NULL, *cov_text = NULL, *cov_sub = NULL;

  /* Translators: won to date, weighted open pipeline, run rate a month. */
  fc_sub = g_strdup_printf (_ ("won %s + open pipeline weighted %s + run rate %s a month"), won,
                            weighted, run);
  line = gs_actuals_line_new (_ ("Re-forecast of the new-business target"), fc_sub, target, fc,
                              share, gs_pace_of ((double) f->target, (double) f->forecast));
  if (before)
    set_delta (line, m, before, GS_TRACK_UNIT_MONEY, (double) f->forecast,
               (double) before->tracking->forecast.forecast);
  add (self, GS_ACTUALS_LIST_FORECAST, line);
  /* Translators: pipeline coverage ("0.4×"). */
  cov_text = g_strdup_printf (_ ("%s×"), cov);
  /* Translators: open pipeline and the coverage needed ("$989,500 open; needed 4×"). */
  cov_sub = g_strdup_printf (_ ("%s open against the rest of the target; needed %s×"), open, need);
  line = gs_actuals_line_new (_ ("Pipeline coverage"), cov_sub, NULL, cov_text, NULL,
                              gs_pace_of (f->coverage_needed, f->coverage));
  if (before)
    set_delta (line, m, before, GS_TRACK_UNIT_MULTIPLE, f->coverage,
               before->tracking->forecast.coverage);
  add (self, GS_ACTUALS_LIST_FORECAST, line);
  add (self, GS_ACTUALS_LIST_FORECAST,
       gs_actuals_line_new (_ ("Chance of the target"), _ ("Computing from the evidence…"), NULL,
                            NULL, NULL, GS_PACE_ON));
}

/* P(hit) from the evidence, in a worker thread ----------------------------- */

typedef struct
{
  GsPlan *plan; /* a copy: the thread's alone */
  GDate day;
  guint generation;
  GsEvidence *evidence;
  GsRefan *refan;
  GsEvidence *before; /* meeting mode: the agreed baseline's, or NULL */
} EvidenceJob;

static void
evidence_job_free (gpointer data)
{
  EvidenceJob *job = data;
  g_clear_object (&job->plan);
  g_clear_pointer (&job->evidence, gs_evidence_free);
  g_clear_pointer (&job->refan, gs_refan_free);
  g_clear_pointer (&job->before, gs_evidence_free);
  g_free (job);
}

static void
evidence_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  EvidenceJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsTracking) t = NULL;
  const GsModel *m = gs_plan_get_model (job->plan);
  const GsResult *r = gs_plan_get_result (job->plan, &error);
  GsSimSettings settings;

  gs_sim_settings_init (&settings);
  if (r == NULL
      || !gs_sim_settings_read_section (gs_plan_lookup (job->plan, "simulation"), &settings, &error)
      || (t = gs_tracking_compute (m, r, &job->day, &error)) == NULL
      || (job->evidence = gs_evidence_compute_cancellable (m, t, &settings, cancellable, &error))
             == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->refan = gs_refan_new (m, r, t, job->evidence);
  if (gs_meeting_has_baseline (job->plan))
    {
      /* The baseline's chance too, for the delta; without it the line shows
       * none rather than failing. */
      g_autoptr (GsMeetingTracking) before = gs_meeting_tracking_new (job->plan, &job->day, NULL);
      if (before)
        job->before = gs_meeting_tracking_evidence (job->plan, before, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_evidence (GsActualsPage *self, const GsModel *m, const GsEvidence *e, const GsEvidence *before,
               const GError *error)
{
  GListStore *store = self->lists[GS_ACTUALS_LIST_FORECAST];
  guint last = g_list_model_get_n_items (G_LIST_MODEL (store)) - 1;
  GsActualsLine *line;
  if (error)
    line = gs_actuals_line_new (_ ("Chance of the target"), error->message, NULL, NULL, NULL,
                                GS_PACE_BEHIND);
  else
    {
      g_autofree char *plan = gs_format_percent (e->p_hit_plan);
      g_autofree char *now = gs_format_percent (e->p_hit);
      g_autofree char *moved = gs_explain_evidence_moved (m, e);
      /* Translators: the chance on the plan's rates ("14.4 %"), then what moved it. */
      g_autofree char *sub = moved ? g_strdup_printf (_ ("%s on the plan's rates. %s"), plan, moved)
                                   : g_strdup_printf (_ ("%s on the plan's rates"), plan);
      line = gs_actuals_line_new (_ ("Chance of the target with the actuals"), sub, NULL, now, NULL,
                                  gs_pace_of (e->p_hit_plan, e->p_hit));
      if (before)
        {
          GsVerdict verdict;
          g_autofree char *delta = gs_meeting_track_delta (
              m, GS_TRACK_UNIT_SHARE, GS_DIRECTION_UP_GOOD, e->p_hit, before->p_hit, &verdict);
          gs_actuals_line_set_delta (line, delta, gs_verdict_css_class (verdict));
        }
    }
  g_list_store_splice (store, last, 1, (gpointer *) &line, 1);
  g_object_unref (line);
}

/* The chart borrows the job's plan copy and series; the page keeps them. */
static void
show_refan (GsActualsPage *self, EvidenceJob *job)
{
  GsChartView *chart = GS_CHART_VIEW (self->refan_chart);
  gs_chart_view_set_data (chart, NULL, NULL, NULL);
  gs_chart_view_set_refan (chart, NULL);
  g_clear_pointer (&self->refan, gs_refan_free);
  g_set_object (&self->refan_plan, job->plan);
  self->refan = g_steal_pointer (&job->refan);
  gs_chart_view_set_data (chart, gs_plan_get_model (self->refan_plan),
                          gs_plan_get_result (self->refan_plan, NULL), NULL);
  gs_chart_view_set_refan (chart, self->refan);
  gs_chart_view_set_stale (chart, NULL);
  gtk_widget_set_visible (self->refan_frame, TRUE);
}

static void
on_evidence (GObject *source, GAsyncResult *res, gpointer data)
{
  GsActualsPage *self = GS_ACTUALS_PAGE (source);
  EvidenceJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error)
      && (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    return;
  /* A newer plan or day asked again meanwhile, or the page is gone. */
  if (job->generation != self->generation || self->plan == NULL)
    return;
  show_evidence (self, gs_plan_get_model (job->plan), job->evidence, job->before, error);
  if (job->refan)
    show_refan (self, job);
  self->evidence_ready = TRUE;
}

static void
start_evidence (GsActualsPage *self, const GDate *day)
{
  EvidenceJob *job = g_new0 (EvidenceJob, 1);
  g_autoptr (GTask) task = NULL;
  /* What still computes is for an older plan or day. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_evidence, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  if (self->refan)
    gs_chart_view_set_stale (GS_CHART_VIEW (self->refan_chart), _ ("Updating…"));
  job->plan = gs_plan_copy (self->plan);
  job->day = *day;
  job->generation = ++self->generation;
  self->evidence_ready = FALSE;
  g_task_set_task_data (task, job, evidence_job_free);
  g_task_run_in_thread (task, evidence_thread);
}

/* Update ------------------------------------------------------------------- */

static void
clear_lists (GsActualsPage *self)
{
  for (int i = 0; i < GS_ACTUALS_N_LISTS; i++)
    g_list_store_remove_all (self->lists[i]);
}

static void
show_day (GsActualsPage *self, const GDate *day)
{
  g_autoptr (GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                    g_date_get_day (day), 12, 0, 0);
  g_autofree char *text = gs_format_date (day);
  self->shown_day = *day;
  if (self->calendar)
    {
      self->setting_calendar = TRUE;
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
      self->setting_calendar = FALSE;
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->day_button), text);
  {
    /* The button shows only the date; its name says what the date is. */
    g_autofree char *name = g_strdup_printf (_ ("Track to %s"), text);
    gs_a11y_set_label (self->day_button, name, NULL);
  }
}

void
gs_actuals_page_update (GsActualsPage *self, GsPlan *plan)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsTracking) t = NULL;
  g_autoptr (GsMeetingTracking) before = NULL;
  const GsResult *r;
  GDate day;

  g_set_object (&self->plan, plan);
  for (GList *l = self->rows; l; l = l->next)
    ((GsActualsRows *) l->data)->plan = plan;
  clear_lists (self);
  g_clear_pointer (&self->heading, g_free);
  self->generation++; /* whatever is still computing is for an older plan */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->refan)
    gs_chart_view_set_stale (GS_CHART_VIEW (self->refan_chart), _ ("Updating…"));
  gtk_widget_set_visible (self->error_label, FALSE);
  if (m->actuals == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "tracking");
  if (g_date_valid (&self->day))
    day = self->day;
  else
    {
      GDate today;
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      gs_tracking_default_day (m->actuals, &today, &day);
    }
  show_day (self, &day);
  r = gs_plan_get_result (plan, &error);
  if (r)
    t = gs_tracking_compute (m, r, &day, &error);
  if (t == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      gtk_label_set_text (GTK_LABEL (self->heading_label), "");
      return;
    }
  {
    g_autofree char *date = gs_format_date (&t->as_of);
    g_autofree char *months = gs_format_number_short (t->months_to_date, 1);
    /* Translators: a date and a number of months ("2.5"). */
    self->heading
        = g_strdup_printf (_ ("Plan versus actual to %s (%s months of the plan)"), date, months);
    gtk_label_set_text (GTK_LABEL (self->heading_label), self->heading);
  }
  /* Meeting mode: every figure beside its value when the baseline was agreed. */
  if (gs_meeting_has_baseline (plan))
    {
      g_autoptr (GError) before_error = NULL;
      before = gs_meeting_tracking_new (plan, &day, &before_error);
      if (before == NULL)
        {
          gtk_label_set_text (GTK_LABEL (self->error_label), before_error->message);
          gtk_widget_set_visible (self->error_label, TRUE);
        }
    }
  fill_leaks (self, m, t);
  fill_goals (self, m, t, before);
  fill_forecast (self, m, t, before);
  fill_people (self, m, t, before);
  fill_sources (self, m, t, before);
  start_evidence (self, &day);
}

void
gs_actuals_page_set_day (GsActualsPage *self, const GDate *day)
{
  if (day)
    self->day = *day;
  else
    g_date_clear (&self->day, 1);
  if (self->plan)
    gs_actuals_page_update (self, self->plan);
}

static void
on_day_selected (GtkCalendar *calendar, GsActualsPage *self)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);
  GDate day;
  if (self->setting_calendar)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  gs_actuals_page_set_day (self, &day);
}

static void
on_latest_day (GtkButton *button, GsActualsPage *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->day_button));
  gs_actuals_page_set_day (self, NULL);
}

/* The calendar is made when the day button is first pressed: a page that is
 * never asked for another day carries no calendar (nor its many labels in
 * the accessibility tree). */
static void
create_calendar (GtkMenuButton *button, gpointer data)
{
  GsActualsPage *self = data;
  GtkWidget *popover, *box, *latest;
  if (gtk_menu_button_get_popover (button))
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->calendar = gtk_calendar_new ();
  latest = gtk_button_new_with_mnemonic (_ ("_Latest Day of the Actuals"));
  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_box_append (GTK_BOX (box), latest);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (latest, "clicked", G_CALLBACK (on_latest_day), self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_menu_button_set_popover (button, popover);
  if (g_date_valid (&self->shown_day))
    show_day (self, &self->shown_day);
}

GListModel *
gs_actuals_page_get_list (GsActualsPage *self, GsActualsList list)
{
  g_return_val_if_fail (list < GS_ACTUALS_N_LISTS, NULL);
  return G_LIST_MODEL (self->lists[list]);
}

const char *
gs_actuals_page_get_heading (GsActualsPage *self)
{
  return self->heading;
}

gboolean
gs_actuals_page_get_evidence_ready (GsActualsPage *self)
{
  return self->evidence_ready;
}

gboolean
gs_actuals_page_get_day (GsActualsPage *self, GDate *out)
{
  if (!g_date_valid (&self->day))
    return FALSE;
  *out = self->day;
  return TRUE;
}

const GsRefan *
gs_actuals_page_get_refan (GsActualsPage *self)
{
  return self->refan;
}

const GsRefan *
gs_actuals_page_get_current_refan (GsActualsPage *self)
{
  if (self->heading == NULL || gs_chart_view_get_stale (GS_CHART_VIEW (self->refan_chart)))
    return NULL;
  return self->refan;
}

GtkWidget *
gs_actuals_page_get_refan_chart (GsActualsPage *self)
{
  return self->refan_chart;
}

/* Add Person… on the roster: gs-person-dialog.c. */
static void
on_add_person (GtkButton *button, GsActualsPage *self)
{
  if (self->plan)
    gs_person_dialog_present (GTK_WIDGET (self), self->plan);
}

/* Class -------------------------------------------------------------------- */

static void
gs_actuals_page_dispose (GObject *object)
{
  GsActualsPage *self = GS_ACTUALS_PAGE (object);
  self->generation++; /* an answer still computing finds the page gone */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (GList *l = self->rows; l; l = l->next)
    ((GsActualsRows *) l->data)->plan = NULL;
  g_clear_pointer (&self->rows, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_ACTUALS_PAGE);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->refan, gs_refan_free);
  g_clear_object (&self->refan_plan);
  for (int i = 0; i < GS_ACTUALS_N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_pointer (&self->heading, g_free);
  G_OBJECT_CLASS (gs_actuals_page_parent_class)->dispose (object);
}

static void
gs_actuals_page_class_init (GsActualsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_actuals_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/actuals/gs-actuals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, leak_list);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, goal_list);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, forecast_list);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, source_list);
  gtk_widget_class_bind_template_child (widget_class, GsActualsPage, refan_frame);
  gtk_widget_class_bind_template_callback (widget_class, on_add_person);
}

static void
gs_actuals_page_init (GsActualsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gs_a11y_set_label (self->day_button, _ ("Track To…"), NULL);
  g_date_clear (&self->day, 1);
  g_date_clear (&self->shown_day, 1);
  self->refan_chart = gs_chart_view_new (GS_CHART_FAN);
  gtk_frame_set_child (GTK_FRAME (self->refan_frame), self->refan_chart);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->day_button), create_calendar, self,
                                         NULL);
  for (int i = 0; i < GS_ACTUALS_N_LISTS; i++)
    self->lists[i] = g_list_store_new (GS_TYPE_ACTUALS_LINE);
  bind (self, self->leak_list, self->lists[GS_ACTUALS_LIST_LEAKS]);
  bind (self, self->goal_list, self->lists[GS_ACTUALS_LIST_GOALS]);
  bind (self, self->forecast_list, self->lists[GS_ACTUALS_LIST_FORECAST]);
  bind (self, self->people_list, self->lists[GS_ACTUALS_LIST_PEOPLE]);
  bind (self, self->source_list, self->lists[GS_ACTUALS_LIST_SOURCES]);
}

GtkWidget *
gs_actuals_page_new (void)
{
  return g_object_new (GS_TYPE_ACTUALS_PAGE, NULL);
}
