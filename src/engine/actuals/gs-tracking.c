/* gs-tracking.c — counting actuals against the plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-tracking.h"
#include "gs-crm-columns.h"
#include "gs-error.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

int
gs_tracking_month_of (const GsModel *m, const GDate *date)
{
  int index = ((int) g_date_get_year (date) - (int) m->company.start_year) * 12
              + ((int) g_date_get_month (date) - (int) m->company.start_month);
  return index >= 0 && index < (int) m->company.horizon ? index : -1;
}

static GsTrackCell *
cell (GsTracking *t, guint row, guint stage, guint month)
{
  return &t->months[((gsize) row * t->n_stages + stage) * t->horizon + month];
}

const GsTrackCell *
gs_tracking_month (const GsTracking *t, guint row, guint stage, guint month)
{
  return &t->months[((gsize) row * t->n_stages + stage) * t->horizon + month];
}

const GsTrackCell *
gs_tracking_to_date (const GsTracking *t, guint row, guint stage)
{
  return &t->to_date[(gsize) row * t->n_stages + stage];
}

const GsStepTrack *
gs_tracking_step (const GsTracking *t, guint row, guint step)
{
  return &t->steps[(gsize) row * (t->n_stages - 1) + step];
}

const GsStepTrack *
gs_tracking_cohort (const GsTracking *t, guint row, guint step, guint month)
{
  return &t->cohorts[((gsize) row * (t->n_stages - 1) + step) * t->horizon + month];
}

double
gs_tracking_month_part (const GsTracking *t, guint month)
{
  return month < t->horizon ? t->month_parts[month] : 0.0;
}

static guint
row_of (const GsTracking *t, int source)
{
  return source >= 0 ? (guint) source : t->n_rows - 1;
}

/* A record dated on or before the as-of day, within the plan: its month. */
static int
counted_month (const GsTracking *t, const GsModel *m, const GDate *date)
{
  if (!g_date_valid (date) || g_date_compare (date, &t->as_of) > 0)
    return -1;
  return gs_tracking_month_of (m, date);
}

static double
rate_of (const GsModel *m, int source, guint step)
{
  return source >= 0 ? m->sources[source].rates[step] : m->steps[step].rate;
}

/* How much of each plan month lies before the end of the as-of day. */
static double
month_part (const GsTracking *t, const GsModel *m, guint month)
{
  int asof_month = ((int) g_date_get_year (&t->as_of) - (int) m->company.start_year) * 12
                   + ((int) g_date_get_month (&t->as_of) - (int) m->company.start_month);
  if ((int) month < asof_month)
    return 1.0;
  if ((int) month > asof_month)
    return 0.0;
  return (double) g_date_get_day (&t->as_of)
         / g_date_get_days_in_month (g_date_get_month (&t->as_of), g_date_get_year (&t->as_of));
}

static void
fill_planned (GsTracking *t, const GsModel *m, const GsResult *r)
{
  for (guint s = 0; s < m->n_sources; s++)
    for (guint k = 0; k < t->n_stages; k++)
      for (guint mo = 0; mo < t->horizon; mo++)
        {
          GsTrackCell *c = cell (t, s, k, mo);
          c->planned = (double) gs_result_needed (r, s, k, r->n_pre + mo);
          if (k == t->n_stages - 1)
            c->planned_amount = r->source_target[(gsize) s * t->horizon + mo];
          else if (k == t->deal_stage)
            c->planned_amount = gs_money_round (c->planned * (double) m->deal_size);
        }
}

static void
count_leads (GsTracking *t, const GsModel *m, gboolean deals_held)
{
  const GsActualsData *a = m->actuals;
  for (guint i = 0; i < a->n_leads; i++)
    {
      const GsActualLead *l = &a->leads[i];
      guint row = row_of (t, l->source);
      for (guint k = 0; k < t->n_stages; k++)
        {
          int mo = counted_month (t, m, &l->reached[k]);
          if (mo < 0 || (deals_held && k >= t->deal_stage))
            continue;
          cell (t, row, k, mo)->actual++;
        }
    }
}

static void
step_add (GsTracking *t, const GsModel *m, int source, guint step, const GDate *from,
          const GDate *to);

/* A step entered: converted or not, and after how many days. */
static void
step_count_in (GsStepTrack *st, gboolean converted, int lag_days)
{
  st->entered++;
  if (converted)
    {
      st->converted++;
      st->lag_days += lag_days; /* a sum until divided below */
    }
}

/* Everything the tracking takes from the deals, in one pass over them (100,000
 * deals are 13 MiB): the months' counts and amounts, the steps from the deal
 * stage on (track_steps), each owner's wins and bookings (track_people) and
 * the open pipeline (forecast).  Each sum gets its deals in their order, as
 * when each was a pass of its own, so the figures are the same to the bit.
 *
 * A deal's dates are read from GDate's fields where it holds its day, month
 * and year (as the decoder and g_date_set_dmy leave it; GLib only sets them
 * valid) and compared with the as-of day as one number each (key_of: year,
 * month and day in order), the plan month worked out from that number; the
 * days from created to won are two Julian days subtracted (julian_of).  No
 * GLib call is made for such a deal: the GDate calls were 250 instructions a
 * deal of 100,000 (the day_of before, and g_date_days_between working out
 * both Julian days for each won deal).  A date that holds a Julian day only
 * goes through GDate's API (key_of_slow); tests/test-tracking.c
 * (/tracking/awkward-dates) compares every figure with
 * GDate's own reading of the same dates. */
static G_GNUC_NO_INLINE guint32
key_of_slow (const GDate *date)
{
  if (!g_date_valid (date))
    return 0;
  return (g_date_get_year (date) << 9) | (g_date_get_month (date) << 5) | g_date_get_day (date);
}

/* A date's year, month and day in order, as one number: 0 for no valid date. */
static inline guint32
key_of (const GDate *date)
{
  if (G_LIKELY (date->dmy))
    return ((guint32) date->year << 9) | ((guint32) date->month << 5) | date->day;
  return key_of_slow (date);
}

/* The plan month of a date's key (first, the plan's first month as year × 12
 * + month), or -1 outside the plan: gs_tracking_month_of. */
static inline int
month_of_key (guint32 key, int first, guint horizon)
{
  int month = (int) (key >> 9) * 12 + (int) ((key >> 5) & 15) - first;
  return (guint) month < horizon ? month : -1;
}

/* GDate's Julian day (1 for 1 January of year 1) of a valid date, as
 * g_date_get_julian works it out from the day, month and year, without
 * setting it in the date. */
static inline guint32
julian_of (const GDate *date)
{
  /* The days of the year before each month (1–12), in a common and a leap
   * year. */
  static const guint16 before[2][13]
      = { { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
          { 0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 } };
  guint32 y, years;
  gboolean leap;
  if (date->julian)
    return date->julian_days;
  if (!date->dmy)
    return g_date_get_julian (date);
  y = date->year;
  years = y - 1;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return years * 365 + years / 4 - years / 100 + years / 400 + before[leap][date->month]
         + date->day;
}

static void
count_deals (GsTracking *t, const GsModel *m, double *weighted)
{
  /* The loop's constants in locals: the counts it adds to (guint) could be
   * t's or a's own fields as far as the compiler knows, which would have
   * them read again after every count. */
  const GsActualDeal *deals = m->actuals->deals;
  guint n_deals = m->actuals->n_deals, n_stages = t->n_stages, horizon = t->horizon;
  guint deal_stage = t->deal_stage, win = n_stages - 1, n_steps = n_stages - 1;
  guint last_row = t->n_rows - 1;
  GsTrackCell *months = t->months;
  GsStepTrack *steps = t->steps, *cohorts = t->cohorts;
  GsPersonTrack *people = t->people;
  gint64 open_pipeline = 0;
  double weighted_sum = 0;
  int first = (int) m->company.start_year * 12 + (int) m->company.start_month;
  /* g_date_compare says 0 (after a warning) for an invalid as-of day: every
   * date was on or before it. */
  guint32 as_of = g_date_valid (&t->as_of) ? key_of (&t->as_of) : G_MAXUINT32;
  for (guint i = 0; i < n_deals; i++)
    {
      const GsActualDeal *d = &deals[i];
      guint row = d->source >= 0 ? (guint) d->source : last_row; /* row_of */
      guint32 created_key = key_of (&d->created);
      gboolean created_in = created_key != 0 && created_key <= as_of;
      gboolean won = d->status == GS_DEAL_WON, closed_in = FALSE;
      int created = created_in ? month_of_key (created_key, first, horizon) : -1;
      if (created >= 0)
        {
          GsTrackCell *c = &months[((gsize) row * n_stages + deal_stage) * horizon + created];
          c->actual++;
          c->actual_amount += d->amount;
        }
      /* The closed day counts for a won deal only. */
      if (won)
        {
          guint32 closed_key = key_of (&d->closed);
          int closed;
          closed_in = closed_key != 0 && closed_key <= as_of;
          closed = closed_in ? month_of_key (closed_key, first, horizon) : -1;
          if (closed >= 0)
            {
              GsTrackCell *c = &months[((gsize) row * n_stages + win) * horizon + closed];
              c->actual++;
              c->actual_amount += d->amount;
              if (d->owner >= 0)
                {
                  people[d->owner].wins++;
                  people[d->owner].bookings += d->amount;
                }
            }
        }
      /* step_add from the created day to the closed one when won. */
      if (created_in && deal_stage < n_steps)
        {
          gboolean converted = won && closed_in;
          /* g_date_days_between */
          int lag = converted ? (int) julian_of (&d->closed) - (int) julian_of (&d->created) : 0;
          for (guint k = deal_stage; k < n_steps; k++)
            {
              gsize at = (gsize) row * n_steps + k;
              step_count_in (&steps[at], converted, lag);
              if (created >= 0)
                step_count_in (&cohorts[at * horizon + created], converted, lag);
            }
        }
      if (d->status == GS_DEAL_OPEN
          && (created_key != 0 ? created_key <= as_of
                               : g_date_compare (&d->created, &t->as_of) <= 0))
        {
          double p = 1;
          for (guint k = d->stage; k + 1 < n_stages; k++)
            p *= rate_of (m, d->source, k);
          open_pipeline += d->amount;
          weighted_sum += (double) d->amount * p;
        }
    }
  t->forecast.open_pipeline = open_pipeline;
  *weighted = weighted_sum;
}

static void
sum_to_date (GsTracking *t, const GsModel *m)
{
  for (guint row = 0; row < t->n_rows; row++)
    for (guint k = 0; k < t->n_stages; k++)
      {
        GsTrackCell *sum = &t->to_date[(gsize) row * t->n_stages + k];
        for (guint mo = 0; mo < t->horizon; mo++)
          {
            const GsTrackCell *c = cell (t, row, k, mo);
            double part = t->month_parts[mo];
            sum->planned += c->planned * part;
            sum->planned_amount += gs_money_round ((double) c->planned_amount * part);
            sum->actual += c->actual;
            sum->actual_amount += c->actual_amount;
          }
        t->total_to_date[k].planned += sum->planned;
        t->total_to_date[k].planned_amount += sum->planned_amount;
        t->total_to_date[k].actual += sum->actual;
        t->total_to_date[k].actual_amount += sum->actual_amount;
      }
}

/* Top down from where the source's volume enters: the first stage whose
 * actual to date is below its plan to date. */
static void
find_leaks (GsTracking *t, const GsModel *m)
{
  for (guint s = 0; s < m->n_sources; s++)
    {
      GsLeak *leak = &t->leaks[s];
      leak->stage = G_MAXUINT;
      for (guint k = m->sources[s].entry_stage; k < t->n_stages; k++)
        {
          const GsTrackCell *c = gs_tracking_to_date (t, s, k);
          if ((double) c->actual < c->planned)
            {
              leak->stage = k;
              leak->planned = c->planned;
              leak->actual = c->actual;
              break;
            }
        }
    }
}

static void
step_count (GsStepTrack *st, const GDate *from, const GDate *to, const GDate *as_of)
{
  st->entered++;
  if (g_date_valid (to) && g_date_compare (to, as_of) <= 0)
    {
      st->converted++;
      st->lag_days += g_date_days_between (from, to); /* a sum until divided below */
    }
}

/* A record that reached stage `step` on from (and the next on to) counts in
 * the step overall and in the cohort of from's plan month. */
static void
step_add (GsTracking *t, const GsModel *m, int source, guint step, const GDate *from,
          const GDate *to)
{
  guint n_steps = t->n_stages - 1;
  gsize at = (gsize) row_of (t, source) * n_steps + step;
  int month;
  if (!g_date_valid (from) || g_date_compare (from, &t->as_of) > 0)
    return;
  step_count (&t->steps[at], from, to, &t->as_of);
  month = gs_tracking_month_of (m, from);
  if (month >= 0)
    step_count (&t->cohorts[at * t->horizon + month], from, to, &t->as_of);
}

static void
step_finish (GsStepTrack *st, const GsModel *m, int source, guint step)
{
  st->rate = st->entered ? (double) st->converted / st->entered : 0.0;
  st->lag_days = st->converted ? st->lag_days / st->converted : 0.0;
  st->planned_rate = rate_of (m, source, step);
  st->planned_lag_days = m->steps[step].lag_days;
}

/* What became of the records that reached each stage: leads for the steps
 * up to the deal stage, deals for the step to the win (leads again when no
 * deals are held). */
static void
track_steps (GsTracking *t, const GsModel *m, gboolean deals_held)
{
  const GsActualsData *a = m->actuals;
  guint n_steps = t->n_stages - 1;
  for (guint i = 0; i < a->n_leads; i++)
    {
      const GsActualLead *l = &a->leads[i];
      for (guint k = 0; k < n_steps; k++)
        if (!(deals_held && k + 1 > t->deal_stage))
          step_add (t, m, l->source, k, &l->reached[k], &l->reached[k + 1]);
    }
  /* The deals' steps were counted with the deals (count_deals). */
  for (guint row = 0; row < t->n_rows; row++)
    for (guint k = 0; k < n_steps; k++)
      {
        gsize at = (gsize) row * n_steps + k;
        int source = row < m->n_sources ? (int) row : -1;
        step_finish (&t->steps[at], m, source, k);
        for (guint mo = 0; mo < t->horizon; mo++)
          step_finish (&t->cohorts[at * t->horizon + mo], m, source, k);
      }
}

static GsMoney
person_quota (const GsModel *m, const GsPerson *p)
{
  if (p->quota > 0)
    return p->quota;
  return g_strcmp0 (p->role, "ae") == 0 ? m->ae.quota : 0;
}

/* Wins and bookings were counted with the deals (count_deals). */
static void
track_people (GsTracking *t, const GsModel *m)
{
  const GsActualsData *a = m->actuals;
  for (guint i = 0; i < a->n_people; i++)
    {
      t->people[i].person = (int) i;
      t->people[i].quota = person_quota (m, &a->people[i]);
      t->people[i].quota_to_date
          = gs_money_round ((double) t->people[i].quota * t->months_to_date / 12.0);
    }
  for (guint i = 0; i < a->n_people; i++)
    if (t->people[i].quota_to_date > 0)
      t->people[i].attainment
          = (double) t->people[i].bookings / (double) t->people[i].quota_to_date;
}

/* The open pipeline and its weighted sum were counted with the deals
 * (count_deals). */
static void
forecast (GsTracking *t, const GsModel *m, const GsResult *r, double weighted)
{
  GsForecast *f = &t->forecast;
  double win_rate = 1, remaining;

  f->won = t->total_to_date[t->n_stages - 1].actual_amount;
  f->weighted_pipeline = gs_money_round (weighted);
  f->run_rate = t->months_to_date > 0 ? gs_money_round ((double) f->won / t->months_to_date) : 0;
  /* Open deals close within the cycle from the deal stage; the months after
   * it are new pipeline, at the run rate. */
  remaining = (double) t->horizon - t->months_to_date;
  f->months_after_cycle = MAX (0.0, remaining - (double) r->stage_offsets[t->deal_stage]);
  f->forecast = f->won + f->weighted_pipeline
                + gs_money_round ((double) f->run_rate * f->months_after_cycle);
  f->target = r->target_new_business;
  f->remaining_target = MAX (0, f->target - f->won);
  f->coverage
      = f->remaining_target > 0 ? (double) f->open_pipeline / (double) f->remaining_target : 0.0;
  for (guint k = t->deal_stage; k + 1 < t->n_stages; k++)
    win_rate *= m->steps[k].rate;
  f->coverage_needed = 1.0 / win_rate;
}

GsTracking *
gs_tracking_compute (const GsModel *m, const GsResult *r, const GDate *as_of, GError **error)
{
  g_autoptr (GsTracking) t = NULL;
  gboolean deals_held;
  double weighted = 0;

  if (m->actuals == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the plan holds no actuals yet: import a CRM export first"));
      return NULL;
    }
  t = g_new0 (GsTracking, 1);
  t->as_of = *as_of;
  t->horizon = m->company.horizon;
  t->n_stages = m->n_stages;
  t->n_rows = m->n_sources + 1;
  t->deal_stage = gs_crm_canonical_stage (m, "opportunity");
  if (t->deal_stage == G_MAXUINT || t->deal_stage == m->n_stages - 1)
    t->deal_stage = m->n_stages - 2;
  t->months = g_new0 (GsTrackCell, (gsize) t->n_rows * t->n_stages * t->horizon);
  t->to_date = g_new0 (GsTrackCell, (gsize) t->n_rows * t->n_stages);
  t->total_to_date = g_new0 (GsTrackCell, t->n_stages);
  t->leaks = g_new0 (GsLeak, m->n_sources);
  t->steps = g_new0 (GsStepTrack, (gsize) t->n_rows * (t->n_stages - 1));
  t->cohorts = g_new0 (GsStepTrack, (gsize) t->n_rows * (t->n_stages - 1) * t->horizon);
  t->month_parts = g_new0 (double, t->horizon);
  for (guint mo = 0; mo < t->horizon; mo++)
    {
      double part = t->month_parts[mo] = month_part (t, m, mo);
      t->months_to_date += part;
      t->n_months_begun += part > 0;
    }
  t->n_people = m->actuals->n_people;
  t->people = g_new0 (GsPersonTrack, t->n_people);
  deals_held = m->actuals->n_deals > 0;
  fill_planned (t, m, r);
  count_leads (t, m, deals_held);
  count_deals (t, m, &weighted);
  sum_to_date (t, m);
  find_leaks (t, m);
  track_steps (t, m, deals_held);
  track_people (t, m);
  forecast (t, m, r, weighted);
  return g_steal_pointer (&t);
}

void
gs_tracking_free (GsTracking *t)
{
  if (t == NULL)
    return;
  g_free (t->months);
  g_free (t->month_parts);
  g_free (t->to_date);
  g_free (t->total_to_date);
  g_free (t->leaks);
  g_free (t->steps);
  g_free (t->cohorts);
  g_free (t->people);
  g_free (t);
}
