/* test-tracking.c — plan versus actual worked by hand on the tiny plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h): 12 months from Jan 2027, 1,200,000.00 a year
 * flat, deal 10,000.00, Lead →50 %, 0 d→ MQL →20 %, 31 d→ Won, one source.
 * Its reverse funnel, per plan month: Won 100,000.00 ÷ 10,000.00 = 10 wins;
 * MQL 10 ÷ 20 % = 50, a month earlier (31 d rounds to 1 month), so 50 in
 * every month from January on; Lead 50 ÷ 50 % = 100, the same month.  The
 * plan has no opportunity stage, so the deal stage is MQL (the one before
 * the win) and deals are counted there.
 */
#include "gs-tracking.h"
#include "gs-tracking-json.h"
#include "test-actuals-util.h"

#include <math.h>
#include <string.h>

static GsTracking *
track (GsModel **model, GsResult **result, guint y, guint m, guint d)
{
  return tiny_tracking (tiny_actuals, model, result, y, m, d);
}

static void
test_to_date (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  const GsTrackCell *c;

  /* 14 Feb: January whole and 14 of February's 28 days, 1.5 months. */
  g_assert_cmpfloat (t->months_to_date, ==, 1.5);
  g_assert_cmpuint (t->n_months_begun, ==, 2);
  g_assert_cmpuint (t->deal_stage, ==, 1);
  /* Months: January's plan is 100 leads, 50 MQLs, 10 wins. */
  c = gs_tracking_month (t, 0, 0, 0);
  g_assert_cmpfloat (c->planned, ==, 100);
  g_assert_cmpint (c->actual, ==, 2); /* L1, L2 (L4 came in December, before the plan) */
  c = gs_tracking_month (t, 0, 1, 0);
  g_assert_cmpfloat (c->planned, ==, 50);
  g_assert_cmpint (c->planned_amount, ==, 50000000); /* 50 × 10,000.00 */
  g_assert_cmpint (c->actual, ==, 2);                /* deals D1, D2 (deals hold the deal stage) */
  g_assert_cmpint (c->actual_amount, ==, 2000000);   /* 12,000.00 + 8,000.00 */
  c = gs_tracking_month (t, 0, 2, 1);
  g_assert_cmpint (c->planned_amount, ==, 10000000); /* February's 100,000.00 */
  g_assert_cmpint (c->actual, ==, 1); /* D1 won 1 Feb; D4 on 25 Feb is after the day */

  /* To date: planned = January + half of February. */
  c = gs_tracking_to_date (t, 0, 0);
  g_assert_cmpfloat (c->planned, ==, 150); /* 100 + 50 */
  g_assert_cmpint (c->actual, ==, 3);      /* L1, L2, L3 */
  c = gs_tracking_to_date (t, 0, 1);
  g_assert_cmpfloat (c->planned, ==, 75);            /* 50 + 25 */
  g_assert_cmpint (c->actual, ==, 3);                /* D1, D2, D3 */
  g_assert_cmpint (c->planned_amount, ==, 75000000); /* 500,000.00 + 250,000.00 */
  g_assert_cmpint (c->actual_amount, ==, 3000000);   /* 12,000 + 8,000 + 10,000 */
  c = gs_tracking_to_date (t, 0, 2);
  g_assert_cmpfloat (c->planned, ==, 15);            /* 10 + 5 */
  g_assert_cmpint (c->planned_amount, ==, 15000000); /* 100,000.00 + 50,000.00 */
  g_assert_cmpint (c->actual, ==, 1);
  g_assert_cmpint (c->actual_amount, ==, 1200000);
  /* L4 has no source: its row is the last, and it is counted in the totals. */
  g_assert_cmpint (gs_tracking_to_date (t, 1, 0)->actual, ==, 0); /* December is not in the plan */

  /* The leak: 3 leads against 150 planned, the first stage behind. */
  g_assert_cmpuint (t->leaks[0].stage, ==, 0);
  g_assert_cmpfloat (t->leaks[0].planned, ==, 150);
  g_assert_cmpint (t->leaks[0].actual, ==, 3);
}

static void
test_steps (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  const GsStepTrack *st;

  /* Lead → MQL from the leads: L1, L2, L3 (inbound) reached Lead by the
   * day; L1 became an MQL 5 days later; L3's MQL date (20 Feb) is after the
   * day.  1 of 3 = 33.3 % against 50 % planned, 5 days against 0. */
  st = gs_tracking_step (t, 0, 0);
  g_assert_cmpuint (st->entered, ==, 3);
  g_assert_cmpuint (st->converted, ==, 1);
  g_assert_cmpfloat_with_epsilon (st->rate, 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat (st->planned_rate, ==, 0.5);
  g_assert_cmpfloat (st->lag_days, ==, 5);
  /* L4 (no source): reached Lead 20 Dec, MQL 2 Jan: 1 of 1, 13 days. */
  st = gs_tracking_step (t, 1, 0);
  g_assert_cmpuint (st->entered, ==, 1);
  g_assert_cmpfloat (st->rate, ==, 1);
  g_assert_cmpfloat (st->lag_days, ==, 13);
  /* MQL → Won from the deals created by the day: D1, D2, D3; D1 won after
   * 22 days (10 Jan → 1 Feb).  1 of 3 against 20 % planned, 22 days
   * against 31. */
  st = gs_tracking_step (t, 0, 1);
  g_assert_cmpuint (st->entered, ==, 3);
  g_assert_cmpuint (st->converted, ==, 1);
  g_assert_cmpfloat (st->lag_days, ==, 22);
  g_assert_cmpfloat (st->planned_lag_days, ==, 31);

  /* By cohort: January's MQL deals (D1, D2) converted 1 of 2 = 50 %;
   * February's (D3; D4 is created after the day) 0 of 1.  January's leads
   * (L1, L2): 1 of 2; L4's December is outside the plan, in no cohort. */
  st = gs_tracking_cohort (t, 0, 1, 0);
  g_assert_cmpuint (st->entered, ==, 2);
  g_assert_cmpfloat (st->rate, ==, 0.5);
  g_assert_cmpfloat (st->planned_rate, ==, 0.2);
  st = gs_tracking_cohort (t, 0, 1, 1);
  g_assert_cmpuint (st->entered, ==, 1);
  g_assert_cmpuint (st->converted, ==, 0);
  st = gs_tracking_cohort (t, 0, 0, 0);
  g_assert_cmpuint (st->entered, ==, 2);
  g_assert_cmpuint (st->converted, ==, 1);
  g_assert_cmpuint (gs_tracking_cohort (t, 1, 0, 0)->entered, ==, 0);
}

static void
test_people_and_forecast (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  const GsForecast *f = &t->forecast;

  /* Ann (an AE by default): D1 12,000.00 won; quota the plan's AE quota,
   * 600,000.00 a year × 1.5 ÷ 12 = 75,000.00 to date; 12,000 ÷ 75,000 = 16 %. */
  g_assert_cmpuint (t->people[0].wins, ==, 1);
  g_assert_cmpint (t->people[0].bookings, ==, 1200000);
  g_assert_cmpint (t->people[0].quota_to_date, ==, 7500000);
  g_assert_cmpfloat_with_epsilon (t->people[0].attainment, 0.16, 1e-12);
  /* Bob: his own quota 120,000.00 → 15,000.00 to date; D4 closes after the day. */
  g_assert_cmpint (t->people[1].quota_to_date, ==, 1500000);
  g_assert_cmpint (t->people[1].bookings, ==, 0);

  /* Won 12,000.00 in 1.5 months: run rate 8,000.00 a month.  Open: D2
   * 8,000.00 at MQL, × 20 % to the win = 1,600.00.  The cycle from MQL is 1
   * month, so of the 10.5 months left 9.5 are at run rate: 76,000.00.
   * Forecast 12,000 + 1,600 + 76,000 = 89,600.00.  Coverage: 8,000 open ÷
   * (1,200,000 − 12,000) left; needed 1 ÷ 20 % = 5. */
  g_assert_cmpint (f->won, ==, 1200000);
  g_assert_cmpint (f->open_pipeline, ==, 800000);
  g_assert_cmpint (f->weighted_pipeline, ==, 160000);
  g_assert_cmpint (f->run_rate, ==, 800000);
  g_assert_cmpfloat (f->months_after_cycle, ==, 9.5);
  g_assert_cmpint (f->forecast, ==, 8960000);
  g_assert_cmpint (f->target, ==, 120000000);
  g_assert_cmpint (f->remaining_target, ==, 118800000);
  g_assert_cmpfloat_with_epsilon (f->coverage, 8000.0 / 1188000.0, 1e-12);
  g_assert_cmpfloat (f->coverage_needed, ==, 5);
}

/* Invariants: a later day never counts less, and the rows add up. */
static void
test_invariants (void)
{
  g_autoptr (GsModel) m = NULL, m2 = NULL;
  g_autoptr (GsResult) r = NULL, r2 = NULL;
  g_autoptr (GsTracking) early = track (&m, &r, 2027, 2, 14);
  g_autoptr (GsTracking) late = track (&m2, &r2, 2027, 12, 31);
  g_assert_cmpfloat (late->months_to_date, ==, 12);
  for (guint k = 0; k < late->n_stages; k++)
    {
      gint64 sum = 0;
      g_assert_cmpint (late->total_to_date[k].actual, >=, early->total_to_date[k].actual);
      for (guint row = 0; row < late->n_rows; row++)
        sum += gs_tracking_to_date (late, row, k)->actual;
      g_assert_cmpint (sum, ==, late->total_to_date[k].actual);
    }
  g_assert_cmpint (late->total_to_date[2].actual, ==, 2); /* D1 and D4 */
  g_assert_cmpint (late->forecast.run_rate, ==, 141667);  /* 17,000.00 ÷ 12, rounded */
  g_assert_cmpfloat (late->forecast.months_after_cycle, ==, 0);
}

static void
test_json (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = track (&m, &r, 2027, 2, 14);
  g_autoptr (JsonNode) root = gs_tracking_to_json (m, r, t);
  g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "format")), ==, "goalsheet-track");
  g_assert_cmpint (json_node_get_int (gs_json_lookup (root, "months[0].stages[0].planned")), ==,
                   100);
  g_assert_cmpint (
      json_node_get_int (gs_json_lookup (root, "months[0].stages[1].actual_amount.minor")), ==,
      2000000);
  g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "leak[0].stage")), ==, "lead");
  g_assert_cmpstr (json_node_get_string (gs_json_lookup (root, "forecast.forecast.amount")), ==,
                   "89600.00");
  g_assert_true (
      JSON_NODE_HOLDS_NULL (gs_json_lookup (root, "months[0].stages[0].sources[1].source")));
}

/* The deals' dates are read from GDate's day, month and year where it holds
 * them (gs-tracking.c, day_of) and through GDate's API where it holds a
 * Julian day only: the same figures either way, on days before, within and
 * after the deals' dates. */
static void
test_julian_dates (void)
{
  static const guint days[][3]
      = { { 2027, 1, 1 }, { 2027, 2, 14 }, { 2027, 6, 30 }, { 2028, 3, 1 } };
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GsModel) m = NULL, m2 = NULL;
      g_autoptr (GsResult) r = NULL, r2 = NULL;
      g_autoptr (GsTracking) dmy = track (&m, &r, days[i][0], days[i][1], days[i][2]);
      g_autoptr (GsTracking) julian = NULL;
      g_autoptr (JsonNode) a = NULL, b = NULL;
      g_autofree char *ta = NULL, *tb = NULL;
      GsActualsData *data;
      gboolean some = FALSE;
      julian = track (&m2, &r2, days[i][0], days[i][1], days[i][2]);
      g_clear_pointer (&julian, gs_tracking_free);
      data = m2->actuals;
      for (guint k = 0; k < data->n_deals; k++)
        {
          GDate *dates[] = { &data->deals[k].created, &data->deals[k].closed };
          for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
            if (g_date_valid (dates[j]))
              {
                guint32 jd = g_date_get_julian (dates[j]);
                g_date_clear (dates[j], 1);
                g_date_set_julian (dates[j], jd);
                g_assert_false (dates[j]->dmy);
                some = TRUE;
              }
        }
      g_assert_true (some);
      julian = gs_tracking_compute (m2, r2, &dmy->as_of, NULL);
      g_assert_nonnull (julian);
      a = gs_tracking_to_json (m, r, dmy);
      b = gs_tracking_to_json (m2, r2, julian);
      ta = gs_json_to_text (a);
      tb = gs_json_to_text (b);
      g_assert_cmpstr (ta, ==, tb);
    }
}

/* Deals on awkward days for the tiny plan (January–December 2027): month
 * ends, leap days (2028's, 2000's; 1900 and 2100 have none), the plan's
 * first and last days and the days around them, long before and after it,
 * won the day it was created, and no source or owner. */
static const char *const awkward_deals[][5] = {
  /* created, closed, status, source, owner */
  { "2027-01-31", "2027-02-28", "won", "inbound", "ann" },
  { "2026-12-31", "2027-01-01", "won", "inbound", "bob" },
  { "2027-01-01", "2027-01-01", "won", NULL, "ann" },
  { "2027-02-28", "2027-03-01", "won", "inbound", NULL },
  { "2027-12-31", "2028-01-01", "won", "inbound", "bob" },
  { "2028-02-29", "2028-03-01", "won", "inbound", "ann" },
  { "2027-11-30", "2028-02-29", "won", NULL, "bob" },
  { "2000-02-29", "2027-06-30", "won", "inbound", "ann" },
  { "1900-02-28", "1900-03-01", "won", "inbound", "bob" },
  { "2099-12-31", "2100-03-01", "won", "inbound", "ann" },
  { "2027-04-30", "2027-04-30", "lost", "inbound", "bob" },
  { "2027-08-31", "2027-09-30", "lost", NULL, "ann" },
  { "2027-06-30", NULL, "open", "inbound", "bob" },
  { "2026-06-15", NULL, "open", NULL, NULL },
  { "2027-10-31", "2027-12-31", "open", "inbound", "ann" },
  { "2028-01-31", NULL, "open", "inbound", "bob" },
  { "2027-03-31", "2027-05-31", "won", "inbound", "bob" },
  { "2027-07-31", "2027-08-01", "won", NULL, "ann" },
  { "2000-12-31", "2027-01-15", "won", "inbound", "bob" },
};

static char *
awkward_actuals (void)
{
  GString *s = g_string_new ("{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}, {\"id\": "
                             "\"bob\", \"name\": \"Bob Ray\", \"quota\": \"120000.00\"}], "
                             "\"deals\": [");
  for (guint i = 0; i < G_N_ELEMENTS (awkward_deals); i++)
    {
      const char *const *d = awkward_deals[i];
      g_string_append_printf (s,
                              "%s{\"id\": \"D%u\", \"amount\": \"%u.25\", \"stage\": \"%s\", "
                              "\"status\": \"%s\", \"created\": \"%s\"",
                              i ? ", " : "", i, 1000 + 7 * i,
                              strcmp (d[2], "won") == 0 ? "won" : "mql", d[2], d[0]);
      if (d[1])
        g_string_append_printf (s, ", \"closed\": \"%s\"", d[1]);
      if (d[3])
        g_string_append_printf (s, ", \"source\": \"%s\"", d[3]);
      if (d[4])
        g_string_append_printf (s, ", \"owner\": \"%s\"", d[4]);
      g_string_append (s, "}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

/* What count_deals must make of the deals, worked out again through GDate's
 * API (g_date_compare, gs_tracking_month_of, g_date_days_between), and
 * compared with the tracking's figures. */
static guint
check_deals_by_gdate (const GsModel *m, const GsTracking *t)
{
  guint n_cells = t->n_rows * t->n_stages * t->horizon, n_steps = t->n_stages - 1;
  g_autofree gint64 *count = g_new0 (gint64, n_cells);
  g_autofree GsMoney *amount = g_new0 (GsMoney, n_cells);
  g_autofree guint *entered = g_new0 (guint, t->n_rows * n_steps * (t->horizon + 1));
  g_autofree guint *converted = g_new0 (guint, t->n_rows * n_steps * (t->horizon + 1));
  g_autofree double *lag = g_new0 (double, t->n_rows *n_steps *(t->horizon + 1));
  g_autofree guint *wins = g_new0 (guint, m->actuals->n_people);
  g_autofree GsMoney *bookings = g_new0 (GsMoney, m->actuals->n_people);
  GsMoney open = 0;
  guint counted = 0;

  for (guint i = 0; i < m->actuals->n_deals; i++)
    {
      const GsActualDeal *d = &m->actuals->deals[i];
      guint row = d->source >= 0 ? (guint) d->source : t->n_rows - 1;
      gboolean created_in
          = g_date_valid (&d->created) && g_date_compare (&d->created, &t->as_of) <= 0;
      gboolean closed_in = d->status == GS_DEAL_WON && g_date_valid (&d->closed)
                           && g_date_compare (&d->closed, &t->as_of) <= 0;
      int created = created_in ? gs_tracking_month_of (m, &d->created) : -1;
      int closed = closed_in ? gs_tracking_month_of (m, &d->closed) : -1;
      if (created >= 0)
        {
          gsize at = ((gsize) row * t->n_stages + t->deal_stage) * t->horizon + created;
          count[at]++;
          amount[at] += d->amount;
          counted++;
        }
      if (closed >= 0)
        {
          gsize at = ((gsize) row * t->n_stages + t->n_stages - 1) * t->horizon + closed;
          count[at]++;
          amount[at] += d->amount;
          counted++;
          if (d->owner >= 0)
            {
              wins[d->owner]++;
              bookings[d->owner] += d->amount;
            }
        }
      if (created_in)
        for (guint k = t->deal_stage; k < n_steps; k++)
          {
            /* Overall at [0], the cohort of each plan month at [1 + month]. */
            gsize base = ((gsize) row * n_steps + k) * (t->horizon + 1);
            gsize at[] = { base, created >= 0 ? base + 1 + created : G_MAXSIZE };
            for (guint j = 0; j < G_N_ELEMENTS (at); j++)
              if (at[j] != G_MAXSIZE)
                {
                  entered[at[j]]++;
                  if (closed_in)
                    {
                      converted[at[j]]++;
                      lag[at[j]] += g_date_days_between (&d->created, &d->closed);
                    }
                }
          }
      if (d->status == GS_DEAL_OPEN && created_in)
        open += d->amount;
    }
  for (guint row = 0; row < t->n_rows; row++)
    for (guint k = t->deal_stage; k < t->n_stages; k += t->n_stages - 1 - t->deal_stage)
      for (guint mo = 0; mo < t->horizon; mo++)
        {
          gsize at = ((gsize) row * t->n_stages + k) * t->horizon + mo;
          g_assert_cmpint (gs_tracking_month (t, row, k, mo)->actual, ==, count[at]);
          g_assert_cmpint (gs_tracking_month (t, row, k, mo)->actual_amount, ==, amount[at]);
        }
  for (guint row = 0; row < t->n_rows; row++)
    for (guint k = t->deal_stage; k < n_steps; k++)
      for (guint mo = 0; mo <= t->horizon; mo++)
        {
          gsize at = ((gsize) row * n_steps + k) * (t->horizon + 1) + mo;
          const GsStepTrack *st
              = mo == 0 ? gs_tracking_step (t, row, k) : gs_tracking_cohort (t, row, k, mo - 1);
          g_assert_cmpuint (st->entered, ==, entered[at]);
          g_assert_cmpuint (st->converted, ==, converted[at]);
          g_assert_cmpfloat (st->lag_days, ==, converted[at] ? lag[at] / converted[at] : 0.0);
        }
  for (guint i = 0; i < m->actuals->n_people; i++)
    {
      g_assert_cmpuint (t->people[i].wins, ==, wins[i]);
      g_assert_cmpint (t->people[i].bookings, ==, bookings[i]);
    }
  g_assert_cmpint (t->forecast.open_pipeline, ==, open);
  return counted;
}

/* count_deals reads a date's day, month and year from GDate's fields and
 * works out the days between two as Julian days of its own; here every
 * figure is checked against GDate's API on deals dated on awkward days, as
 * of awkward days, with the dates held as day/month/year, as a Julian day
 * only, and as both. */
static void
test_awkward_dates (void)
{
  static const guint days[][3]
      = { { 2026, 12, 31 }, { 2027, 1, 1 },  { 2027, 1, 31 }, { 2027, 2, 28 },
          { 2027, 3, 1 },   { 2027, 6, 30 }, { 2027, 7, 31 }, { 2027, 8, 1 },
          { 2027, 12, 31 }, { 2028, 1, 1 },  { 2028, 2, 29 }, { 2100, 3, 1 } };
  g_autofree char *actuals = awkward_actuals ();
  guint counted = 0;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    for (guint held = 0; held < 3; held++)
      {
        g_autoptr (GsModel) m = NULL;
        g_autoptr (GsResult) r = NULL;
        g_autoptr (GsTracking) t = NULL;
        GsActualsData *data;
        t = tiny_tracking (actuals, &m, &r, days[i][0], days[i][1], days[i][2]);
        data = m->actuals;
        g_assert_cmpuint (data->n_deals, ==, G_N_ELEMENTS (awkward_deals));
        if (held > 0)
          {
            /* 1: every date a Julian day only; 2: every other deal's dates
             * also hold their Julian day (GDate sets it when asked). */
            g_clear_pointer (&t, gs_tracking_free);
            for (guint k = 0; k < data->n_deals; k++)
              {
                GDate *dates[] = { &data->deals[k].created, &data->deals[k].closed };
                for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
                  if (g_date_valid (dates[j]))
                    {
                      GDateDay dd = g_date_get_day (dates[j]);
                      GDateMonth mm = g_date_get_month (dates[j]);
                      GDateYear yy = g_date_get_year (dates[j]);
                      guint32 jd = g_date_get_julian (dates[j]); /* sets it in the date */
                      g_date_clear (dates[j], 1);
                      if (held == 1)
                        {
                          g_date_set_julian (dates[j], jd);
                          g_assert_false (dates[j]->dmy);
                        }
                      else
                        {
                          g_date_set_dmy (dates[j], dd, mm, yy);
                          if (k % 2 == 0)
                            g_assert_cmpuint (g_date_get_julian (dates[j]), ==, jd);
                          g_assert_true (dates[j]->dmy);
                          g_assert_true (dates[j]->julian == (k % 2 == 0));
                        }
                    }
              }
            {
              GDate day;
              g_date_clear (&day, 1);
              g_date_set_dmy (&day, days[i][2], days[i][1], days[i][0]);
              t = gs_tracking_compute (m, r, &day, NULL);
            }
            g_assert_nonnull (t);
          }
        counted += check_deals_by_gdate (m, t);
        if (days[i][0] == 2027 && days[i][1] == 12 && days[i][2] == 31)
          {
            /* By hand, the inbound deals created by 31 Dec 2027: D0, D1, D3,
             * D4, D7, D8, D10, D12, D14, D16, D18; won by then D0 (28 days),
             * D1 (1), D3 (1), D7 (9,983: 29 Feb 2000 to 30 Jun 2027), D8 (1:
             * 1900 has no 29 Feb), D16 (61) and D18 (9,511: 31 Dec 2000, a
             * leap year's 366th day, to 15 Jan 2027). */
            const GsStepTrack *st = gs_tracking_step (t, 0, 1);
            g_assert_cmpuint (st->entered, ==, 11);
            g_assert_cmpuint (st->converted, ==, 7);
            g_assert_cmpfloat (st->lag_days, ==, (28 + 1 + 1 + 9983 + 1 + 61 + 9511) / 7.0);
          }
      }
  g_assert_cmpuint (counted, >, 0);
}

static void
test_no_actuals (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = decode_ok (tree);
  g_autoptr (GsResult) r = gs_compute (m, NULL);
  g_autoptr (GError) error = NULL;
  GDate day;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 3, 2027);
  g_assert_null (gs_tracking_compute (m, r, &day, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tracking/to-date", test_to_date);
  g_test_add_func ("/tracking/steps", test_steps);
  g_test_add_func ("/tracking/people-and-forecast", test_people_and_forecast);
  g_test_add_func ("/tracking/invariants", test_invariants);
  g_test_add_func ("/tracking/json", test_json);
  g_test_add_func ("/tracking/no-actuals", test_no_actuals);
  g_test_add_func ("/tracking/julian-dates", test_julian_dates);
  g_test_add_func ("/tracking/awkward-dates", test_awkward_dates);
  return g_test_run ();
}
