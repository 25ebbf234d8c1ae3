/* gs-export-actuals.c — the Actuals and Tracking sheets (docs/export.md,
 * "Actuals and Tracking").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actuals: the imported deals and leads as values, streamed one row at a
 * time (a plan may hold 150,000 deals).  Tracking: gs_tracking_compute to the
 * day asked for (`export --as-of`, the day the app's Actuals page tracks to),
 * else to the latest day in the actuals (gs_tracking_default_day, as the
 * app does), laid out one row per period, stage and source: each month of every
 * quarter that has begun, then each quarter to date, then the year to date.
 * A month's plan and actual are the engine's values; its plan to date,
 * variance and share of plan are formulas; quarters and the year are sums of
 * their months' rows, and "All sources" sums the sources' rows, so changing
 * an actual recalculates every variance above it.  Every cached value is the
 * engine's (gs_track_period).
 */
#include "gs-export-private.h"
#include "gs-explain-leak.h"
#include "gs-explain.h"
#include "gs-track-period.h"
#include "gs-tracking-day.h"

enum
{
  T_PERIOD,
  T_STAGE,
  T_SOURCE,
  T_PART,
  T_PLANNED,
  T_PLANNED_TD,
  T_ACTUAL,
  T_VARIANCE,
  T_SHARE,
  T_AMOUNT,
  T_AMOUNT_TD,
  T_ACTUAL_AMOUNT,
  T_AMOUNT_VARIANCE,
  T_AMOUNT_SHARE,
  T_N_COLS,
};

static const char *const track_heads[T_N_COLS] = {
  "Period",
  "Stage",
  "Source",
  "Part of the month passed",
  "Planned",
  "Planned to date",
  "Actual",
  "Actual − plan",
  "% of plan",
  "Planned amount",
  "Planned amount to date",
  "Actual amount",
  "Amount − plan",
  "% of plan (amount)",
};

/* ---- Actuals ---------------------------------------------------------- */

enum
{
  D_ID,
  D_NAME,
  D_OWNER,
  D_AMOUNT,
  D_STAGE,
  D_CRM_STAGE,
  D_STATUS,
  D_CREATED,
  D_CLOSED,
  D_SOURCE,
  D_CRM_SOURCE,
  D_N_COLS,
};

static const char *const deal_heads[D_N_COLS] = {
  "Deal id", "Name",    "Owner",  "Amount", "Stage",      "CRM stage",
  "Status",  "Created", "Closed", "Source", "CRM source",
};

typedef struct
{
  const GsModel *m;
  guint digits;
} ActualsJob;

static const char *
person_name (const GsModel *m, int person)
{
  return person >= 0 ? m->actuals->people[person].name : "";
}

static const char *
source_name (const GsModel *m, int source)
{
  return source >= 0 ? m->sources[source].name : "";
}

/* Streamed row i: a deal, then a blank row and the leads' header, then a lead. */
static void
actuals_row (gpointer data, guint i, GsXRow *row)
{
  ActualsJob *job = data;
  const GsModel *m = job->m;
  const GsActualsData *a = m->actuals;

  if (i < a->n_deals)
    {
      const GsActualDeal *d = &a->deals[i];
      gs_xput_text (row, D_ID, d->id, GS_XSTYLE_PLAIN);
      gs_xput_text (row, D_NAME, d->name, GS_XSTYLE_PLAIN);
      gs_xput_text (row, D_OWNER, person_name (m, d->owner), GS_XSTYLE_PLAIN);
      gs_xput_money (job->digits, row, D_AMOUNT, d->amount, NULL);
      gs_xput_text (row, D_STAGE, m->stages[d->stage].name, GS_XSTYLE_PLAIN);
      gs_xput_text (row, D_CRM_STAGE, d->crm_stage, GS_XSTYLE_PLAIN);
      gs_xput_text (row, D_STATUS, gs_deal_status_names[d->status], GS_XSTYLE_PLAIN);
      gs_xput_date (row, D_CREATED, &d->created);
      gs_xput_date (row, D_CLOSED, &d->closed);
      gs_xput_text (row, D_SOURCE, source_name (m, d->source), GS_XSTYLE_PLAIN);
      gs_xput_text (row, D_CRM_SOURCE, d->crm_source, GS_XSTYLE_PLAIN);
      return;
    }
  i -= a->n_deals;
  if (i == 0)
    return; /* the blank row between the two tables */
  if (i == 1)
    {
      gs_xput_text (row, 0, "Lead id", GS_XSTYLE_HEADER);
      gs_xput_text (row, 1, "Owner", GS_XSTYLE_HEADER);
      gs_xput_text (row, 2, "Source", GS_XSTYLE_HEADER);
      gs_xput_text (row, 3, "CRM source", GS_XSTYLE_HEADER);
      for (guint k = 0; k < m->n_stages; k++)
        {
          g_autofree char *head = g_strdup_printf ("Reached %s", m->stages[k].name);
          gs_xput_text (row, 4 + k, head, GS_XSTYLE_HEADER);
        }
      return;
    }
  {
    const GsActualLead *l = &a->leads[i - 2];
    gs_xput_text (row, 0, l->id, GS_XSTYLE_PLAIN);
    gs_xput_text (row, 1, person_name (m, l->owner), GS_XSTYLE_PLAIN);
    gs_xput_text (row, 2, source_name (m, l->source), GS_XSTYLE_PLAIN);
    gs_xput_text (row, 3, l->crm_source, GS_XSTYLE_PLAIN);
    for (guint k = 0; k < m->n_stages; k++)
      gs_xput_date (row, 4 + k, &l->reached[k]);
  }
}

static void
build_actuals (GsExportBook *book, const GsModel *m)
{
  const GsActualsData *a = m->actuals;
  GsXTable *t = gs_xtable_new (book, "Actuals", "actuals");
  ActualsJob *job = g_new0 (ActualsJob, 1);
  GsXRow *row;

  gs_xput_text (gs_xrow_add (t), 0,
                "Actuals: the deals and leads imported from the CRM (values, in the plan's "
                "stages, sources and currency)",
                GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  for (guint c = 0; c < D_N_COLS; c++)
    gs_xput_text (row, c, deal_heads[c], GS_XSTYLE_HEADER);
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  job->m = m;
  job->digits = m->company.digits;
  gs_xtable_stream (t, a->n_deals + (a->n_leads ? 2 + a->n_leads : 0), actuals_row, job, g_free);
  t->widths[D_ID] = 14;
  t->widths[D_NAME] = 28;
  t->widths[D_OWNER] = 20;
  t->widths[D_STAGE] = 14;
  t->widths[D_CRM_STAGE] = 18;
  t->widths[D_SOURCE] = 20;
  t->widths[D_CRM_SOURCE] = 18;
}

/* ---- Tracking --------------------------------------------------------- */

typedef struct
{
  const GsModel *m;
  const GsResult *r;
  const GsTracking *t;
  GsXTable *table;
  guint digits;
  guint *rows; /* tracking rows shown: the plan sources, and "no source" when it holds records */
  guint n_rows;
  guint money_from; /* stages from the deal stage carry money */
} TrackCtx;

static char *
ref (guint row, guint col)
{
  return gs_xref (row, col, FALSE);
}

/* "E5+E37+E69": the same column of each listed sheet row. */
static char *
sum_of (const guint *sheet_rows, guint n, guint col)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = ref (sheet_rows[i], col);
      g_string_append_printf (s, "%s%s", i ? "+" : "", a);
    }
  return g_string_free (s, FALSE);
}

static const char *
row_label (const TrackCtx *c, guint row)
{
  if (row >= c->t->n_rows)
    return "All sources";
  return row < c->m->n_sources ? c->m->sources[row].name : "No plan source";
}

/* The formulas every row shares: variance and share of plan, of counts and
 * (from the deal stage on) of money. */
static void
put_variances (const TrackCtx *c, GsXRow *row, guint r, const GsTrackPeriod *p, gboolean money)
{
  g_autofree char *f = ref (r, T_PLANNED_TD), *a = ref (r, T_ACTUAL);
  gs_xput_number (row, T_VARIANCE, p->variance, 2, g_strdup_printf ("%s-%s", a, f));
  gs_xput_percent (row, T_SHARE, p->share, g_strdup_printf ("IF(%s=0,0,%s/%s)", f, a, f));
  if (money)
    {
      g_autofree char *k = ref (r, T_AMOUNT_TD), *l = ref (r, T_ACTUAL_AMOUNT);
      gs_xput_money (c->digits, row, T_AMOUNT_VARIANCE, p->amount_variance,
                     g_strdup_printf ("%s-%s", l, k));
      gs_xput_percent (row, T_AMOUNT_SHARE, p->amount_share,
                       g_strdup_printf ("IF(%s=0,0,%s/%s)", k, l, k));
    }
}

static void
put_labels (GsXRow *row, const char *period, const char *stage, const char *source, gboolean all)
{
  GsXStyle style = all ? GS_XSTYLE_TOTAL : GS_XSTYLE_PLAIN;
  gs_xput_text (row, T_PERIOD, period, style);
  gs_xput_text (row, T_STAGE, stage, style);
  gs_xput_text (row, T_SOURCE, source, style);
}

/* One month's rows for one stage: each source's values, then their sum. */
static void
month_rows (const TrackCtx *c, guint mo, guint k, const char *label, guint *all_row)
{
  gboolean money = k >= c->money_from;
  guint first = gs_xtable_n_rows (c->table);
  double part = gs_tracking_month_part (c->t, mo);
  for (guint i = 0; i <= c->n_rows; i++)
    {
      gboolean all = i == c->n_rows;
      guint tr = all ? c->t->n_rows : c->rows[i];
      GsXRow *row = gs_xrow_add (c->table);
      guint r = gs_xrow_index (c->table);
      GsTrackPeriod p;
      gs_track_period (c->t, tr, k, mo, mo, &p);
      put_labels (row, label, c->m->stages[k].name, row_label (c, tr), all);
      gs_xput_number (row, T_PART, part, 4, NULL);
      if (!all)
        {
          g_autofree char *d = ref (r, T_PART), *e = ref (r, T_PLANNED);
          gs_xput_count (row, T_PLANNED, (gint64) p.planned, NULL);
          gs_xput_number (row, T_PLANNED_TD, p.planned_to_date, 2, g_strdup_printf ("%s*%s", e, d));
          gs_xput_count (row, T_ACTUAL, p.actual, NULL);
          if (money)
            {
              g_autofree char *j = ref (r, T_AMOUNT);
              gs_xput_money (c->digits, row, T_AMOUNT, p.planned_amount, NULL);
              gs_xput_money (c->digits, row, T_AMOUNT_TD, p.planned_amount_to_date,
                             g_strdup_printf ("ROUND(%s*%s,%u)", j, d, c->digits));
              gs_xput_money (c->digits, row, T_ACTUAL_AMOUNT, p.actual_amount, NULL);
            }
        }
      else
        {
          gs_xput_count (row, T_PLANNED, (gint64) p.planned,
                         gs_xsum (first, T_PLANNED, r - 1, T_PLANNED));
          gs_xput_number (row, T_PLANNED_TD, p.planned_to_date, 2,
                          gs_xsum (first, T_PLANNED_TD, r - 1, T_PLANNED_TD));
          gs_xput_count (row, T_ACTUAL, p.actual, gs_xsum (first, T_ACTUAL, r - 1, T_ACTUAL));
          if (money)
            {
              gs_xput_money (c->digits, row, T_AMOUNT, p.planned_amount,
                             gs_xsum (first, T_AMOUNT, r - 1, T_AMOUNT));
              gs_xput_money (c->digits, row, T_AMOUNT_TD, p.planned_amount_to_date,
                             gs_xsum (first, T_AMOUNT_TD, r - 1, T_AMOUNT_TD));
              gs_xput_money (c->digits, row, T_ACTUAL_AMOUNT, p.actual_amount,
                             gs_xsum (first, T_ACTUAL_AMOUNT, r - 1, T_ACTUAL_AMOUNT));
            }
        }
      put_variances (c, row, r, &p, money);
      all_row[i] = r;
    }
}

/* A run of months (a quarter, the year) for one stage and row: the sums of
 * the rows listed. */
static void
sum_row (const TrackCtx *c, const char *label, guint k, guint i, guint first, guint last,
         const guint *from, guint n_from, gboolean whole)
{
  gboolean all = i == c->n_rows;
  guint tr = all ? c->t->n_rows : c->rows[i];
  gboolean money = k >= c->money_from;
  GsXRow *row = gs_xrow_add (c->table);
  guint r = gs_xrow_index (c->table);
  GsTrackPeriod p;

  gs_track_period (c->t, tr, k, first, last, &p);
  put_labels (row, label, c->m->stages[k].name, row_label (c, tr), all);
  if (whole)
    gs_xput_count (row, T_PLANNED, (gint64) p.planned, sum_of (from, n_from, T_PLANNED));
  gs_xput_number (row, T_PLANNED_TD, p.planned_to_date, 2, sum_of (from, n_from, T_PLANNED_TD));
  gs_xput_count (row, T_ACTUAL, p.actual, sum_of (from, n_from, T_ACTUAL));
  if (money)
    {
      if (whole)
        gs_xput_money (c->digits, row, T_AMOUNT, p.planned_amount, sum_of (from, n_from, T_AMOUNT));
      gs_xput_money (c->digits, row, T_AMOUNT_TD, p.planned_amount_to_date,
                     sum_of (from, n_from, T_AMOUNT_TD));
      gs_xput_money (c->digits, row, T_ACTUAL_AMOUNT, p.actual_amount,
                     sum_of (from, n_from, T_ACTUAL_AMOUNT));
    }
  put_variances (c, row, r, &p, money);
}

static void
leak_rows (const TrackCtx *c)
{
  GsXRow *row;
  gs_xput_text (gs_xrow_add (c->table), 0, "Where the funnel falls behind (to date)",
                GS_XSTYLE_SECTION);
  row = gs_xrow_add (c->table);
  gs_xput_text (row, 0, "Source", GS_XSTYLE_HEADER);
  gs_xput_text (row, 1, "First stage behind", GS_XSTYLE_HEADER);
  gs_xput_text (row, 2, "Planned to date", GS_XSTYLE_HEADER);
  gs_xput_text (row, 3, "Actual", GS_XSTYLE_HEADER);
  gs_xput_text (row, 4, "In words", GS_XSTYLE_HEADER);
  for (guint s = 0; s < c->m->n_sources; s++)
    {
      const GsLeak *l = &c->t->leaks[s];
      g_autofree char *words = gs_explain_leak (c->m, c->t, s);
      row = gs_xrow_add (c->table);
      gs_xput_text (row, 0, c->m->sources[s].name, GS_XSTYLE_LABEL);
      gs_xput_text (row, 1, l->stage == G_MAXUINT ? "none" : c->m->stages[l->stage].name,
                    GS_XSTYLE_PLAIN);
      if (l->stage != G_MAXUINT)
        {
          gs_xput_number (row, 2, l->planned, 2, NULL);
          gs_xput_count (row, 3, l->actual, NULL);
        }
      gs_xput_text (row, 4, words, GS_XSTYLE_PLAIN);
    }
  gs_xrow_add (c->table);
}

static void
money_line (const TrackCtx *c, const char *label, GsMoney v, char *formula)
{
  GsXRow *row = gs_xrow_add (c->table);
  gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
  gs_xput_money (c->digits, row, 1, v, formula);
}

static void
coverage_rows (const TrackCtx *c)
{
  const GsForecast *f = &c->t->forecast;
  GsXRow *row;
  guint open_row, rem_row;
  g_autofree char *open = NULL, *rem = NULL;

  gs_xput_text (gs_xrow_add (c->table), 0, "Pipeline coverage and re-forecast", GS_XSTYLE_SECTION);
  money_line (c, "New-business target", f->target, NULL);
  money_line (c, "Won to date", f->won, NULL);
  {
    g_autofree char *t = ref (gs_xtable_n_rows (c->table) - 2, 1);
    g_autofree char *w = ref (gs_xtable_n_rows (c->table) - 1, 1);
    money_line (c, "Target left", f->remaining_target, g_strdup_printf ("MAX(0,%s-%s)", t, w));
  }
  rem_row = gs_xrow_index (c->table);
  money_line (c, "Open pipeline", f->open_pipeline, NULL);
  open_row = gs_xrow_index (c->table);
  open = ref (open_row, 1);
  rem = ref (rem_row, 1);
  row = gs_xrow_add (c->table);
  gs_xput_text (row, 0, "Pipeline coverage (open pipeline ÷ target left)", GS_XSTYLE_LABEL);
  gs_xput_number (row, 1, f->coverage, 2, g_strdup_printf ("IF(%s=0,0,%s/%s)", rem, open, rem));
  row = gs_xrow_add (c->table);
  gs_xput_text (row, 0, "Coverage needed (1 ÷ the plan's win rate)", GS_XSTYLE_LABEL);
  gs_xput_number (row, 1, f->coverage_needed, 2, NULL);
  money_line (c, "Open pipeline weighted by the plan's rates", f->weighted_pipeline, NULL);
  money_line (c, "Run rate a month", f->run_rate, NULL);
  money_line (c, "Re-forecast (won + weighted pipeline + run rate after the cycle)", f->forecast,
              NULL);
  gs_xrow_add (c->table);
}

static void
build_tracking (GsExportBook *book, const GsModel *m, const GsResult *r, const GsTracking *t,
                const guint *q_first, const guint *q_last)
{
  TrackCtx c = { m, r, t, NULL, m->company.digits, NULL, 0, t->deal_stage };
  g_autofree guint *rows = g_new0 (guint, t->n_rows);
  g_autofree char *day = NULL, *title = NULL;
  guint n_cells = (m->n_sources + 2) * m->n_stages;
  /* [quarter][stage][shown row + all]: the sheet row of each quarter-to-date row */
  g_autofree guint *q_rows = g_new0 (guint, (gsize) r->n_quarters * n_cells);
  g_autofree guint *m_rows = g_new0 (guint, (gsize) 3 * n_cells);
  guint n_quarters = 0;
  GsXRow *row;

  for (guint s = 0; s < m->n_sources; s++)
    rows[c.n_rows++] = s;
  for (guint k = 0; k < t->n_stages; k++)
    if (gs_tracking_to_date (t, t->n_rows - 1, k)->actual > 0)
      {
        rows[c.n_rows++] = t->n_rows - 1;
        break;
      }
  c.rows = rows;
  c.table = gs_xtable_new (book, "Tracking", "tracking");
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&t->as_of),
                         g_date_get_month (&t->as_of), g_date_get_day (&t->as_of));
  title = g_strdup_printf ("Plan versus actual to %s: variances are formulas, plan and actual "
                           "counts the engine's",
                           day);
  gs_xput_text (gs_xrow_add (c.table), 0, title, GS_XSTYLE_TITLE);
  row = gs_xrow_add (c.table);
  gs_xput_text (row, 0, "Tracked to", GS_XSTYLE_LABEL);
  gs_xput_date (row, 1, &t->as_of);
  gs_xrow_add (c.table);
  leak_rows (&c);
  coverage_rows (&c);

  row = gs_xrow_add (c.table);
  for (guint col = 0; col < T_N_COLS; col++)
    gs_xput_text (row, col, track_heads[col], GS_XSTYLE_HEADER);
  c.table->freeze_rows = gs_xtable_n_rows (c.table);
  c.table->freeze_cols = 3;

  /* Every month of each quarter that has begun, then the quarter to date. */
  for (guint q = 0; q < r->n_quarters && q_first[q] < t->n_months_begun; q++)
    {
      guint n_months = q_last[q] - q_first[q] + 1;
      g_autofree char *q_label = g_strdup_printf ("%s to date", r->quarter_labels[q]);
      g_free (m_rows);
      m_rows = g_new0 (guint, (gsize) n_months * n_cells);
      for (guint mo = q_first[q]; mo <= q_last[q]; mo++)
        {
          g_autofree char *label = gs_explain_month_label (&r->months[r->n_pre + mo]);
          for (guint k = 0; k < t->n_stages; k++)
            month_rows (&c, mo, k, label,
                        &m_rows[(gsize) (mo - q_first[q]) * n_cells + k * (c.n_rows + 1)]);
        }
      for (guint k = 0; k < t->n_stages; k++)
        for (guint i = 0; i <= c.n_rows; i++)
          {
            g_autofree guint *from = g_new0 (guint, n_months);
            for (guint mo = 0; mo < n_months; mo++)
              from[mo] = m_rows[(gsize) mo * n_cells + k * (c.n_rows + 1) + i];
            q_rows[(gsize) q * n_cells + k * (c.n_rows + 1) + i] = gs_xtable_n_rows (c.table);
            sum_row (&c, q_label, k, i, q_first[q], q_last[q], from, n_months, TRUE);
          }
      n_quarters++;
    }
  /* The year to date: the quarters' sums (its whole plan is the Funnel sheet's). */
  for (guint k = 0; k < t->n_stages; k++)
    for (guint i = 0; i <= c.n_rows; i++)
      {
        g_autofree guint *from = g_new0 (guint, MAX (n_quarters, 1));
        for (guint q = 0; q < n_quarters; q++)
          from[q] = q_rows[(gsize) q * n_cells + k * (c.n_rows + 1) + i];
        if (n_quarters == 0)
          continue;
        sum_row (&c, "Year to date", k, i, 0, t->horizon - 1, from, n_quarters, FALSE);
      }

  c.table->widths[T_PERIOD] = 34; /* also the labels of the coverage lines */
  c.table->widths[T_STAGE] = 14;
  c.table->widths[T_SOURCE] = 20;
}

void
gs_export_book_add_actuals (GsExportBook *book, const GsModel *m, const GsResult *r,
                            const guint *q_first, const guint *q_last, const GDate *as_of)
{
  g_autoptr (GsTracking) t = NULL;
  g_autoptr (GDateTime) now = NULL;
  GDate today, day;

  if (m->actuals == NULL)
    return;
  build_actuals (book, m);
  if (as_of != NULL && g_date_valid (as_of))
    day = *as_of;
  else
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
      gs_tracking_default_day (m->actuals, &today, &day);
    }
  t = gs_tracking_compute (m, r, &day, NULL);
  if (t != NULL)
    build_tracking (book, m, r, t, q_first, q_last);
}
