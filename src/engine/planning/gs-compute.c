/* gs-compute.c — runs the derivations in order and owns the result.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-compute-private.h"
#include "gs-arena.h"
#include "gs-backlog.h"
#include "gs-error.h"
#include "gs-format.h"

#include <stdarg.h>

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* The continuation (docs/derivations.md, "After the plan"): the new business
 * of the n_post months after the plan, whose bookings need volume in the
 * plan's last months, by source.  A month a year or more into the plan's
 * calendar is the same source's month a year earlier × (1 + after_plan_growth),
 * rounded once; a month still in the first plan year (a plan shorter than a
 * year) gets that year's new business split by seasonality, then by share.
 * after_plan_growth −1 asks for nothing after the plan. */
gboolean
gs_compute_continuation (const GsModel *m, GsResult *r, GError **error)
{
  const GsCompany *c = &m->company;
  guint H = r->horizon, H2 = r->horizon + r->n_post;
  double grow = 1 + c->after_plan_growth;
  g_autofree double *shares = g_new0 (double, m->n_sources);
  g_autofree GsMoney *parts = g_new0 (GsMoney, m->n_sources);

  r->new_business_after = g_new0 (GsMoney, MAX (r->n_post, 1));
  r->source_after = g_new0 (GsMoney, (gsize) m->n_sources * MAX (r->n_post, 1));
  for (guint j = 0; j < m->n_sources; j++)
    shares[j] = m->sources[j].share;
  for (guint t = H; t < H2; t++)
    {
      guint i = t - H;
      if (t < 12)
        {
          double full = c->target_mode == GS_TARGET_GROWTH
                            ? (double) c->prior_bookings * (1 + c->growth)
                            : (double) c->target_amount;
          GsMoney months[12];
          gs_money_split (MAX (gs_money_round (full) - c->existing_bookings, 0), c->seasonality, 12,
                          months);
          gs_money_split (grow > 0 ? months[t] : 0, shares, m->n_sources, parts);
        }
      for (guint j = 0; j < m->n_sources; j++)
        {
          GsMoney v;
          if (t < 12)
            v = parts[j];
          else
            {
              GsMoney before = t - 12 < H ? r->source_target[(gsize) j * H + t - 12]
                                          : r->source_after[(gsize) j * r->n_post + t - 12 - H];
              if (!gs_money_from_double_checked ((double) before * grow, &v, error))
                {
                  g_prefix_error (error,
                                  _ ("company.target.after_plan_growth: the target %u months "
                                     "after the plan: "),
                                  i + 1);
                  return FALSE;
                }
            }
          r->source_after[(gsize) j * r->n_post + i] = v;
          r->new_business_after[i] += v;
        }
    }
  return TRUE;
}

/* Year y of the plan: growth compounds per year; an absolute target holds
 * each year.  Existing-customer bookings are per year. */
gboolean
gs_compute_targets (const GsModel *m, GsResult *r, GError **error)
{
  const GsCompany *c = &m->company;
  guint n_years = (c->horizon + 11) / 12;

  r->target_month = g_new0 (GsMoney, r->horizon);
  r->new_business_month = g_new0 (GsMoney, r->horizon);
  r->existing_month = g_new0 (GsMoney, r->horizon);
  r->target_year = g_new0 (GsMoney, n_years);
  r->existing_year = g_new0 (GsMoney, n_years);
  r->new_business_year = g_new0 (GsMoney, n_years);
  r->weight_year = g_new0 (double, n_years);
  r->new_business_split = g_new0 (GsMoneySplitPart, r->horizon);
  r->existing_split = g_new0 (GsMoneySplitPart, r->horizon);
  for (guint y = 0; y < n_years; y++)
    {
      GsMoney year_target, year_new;
      guint first = y * 12, n = MIN (12, c->horizon - first);
      double weights[12];

      if (c->target_mode == GS_TARGET_GROWTH)
        {
          if (!gs_money_from_double_checked (
                  (double) c->prior_bookings * pow (1 + c->growth, y + 1), &year_target, error))
            {
              g_prefix_error (error,
                              _ ("company.target.growth: the target of plan year %u "
                                 "(prior_year_bookings × (1 + growth)^%u): "),
                              y + 1, y + 1);
              return FALSE;
            }
        }
      else
        year_target = c->target_amount;
      if (c->existing_bookings > year_target)
        {
          g_autofree char *e = gs_format_money (c->existing_bookings, m->company.digits,
                                                m->company.currency, GS_MONEY_FORMAT_FULL);
          g_autofree char *t = gs_format_money (year_target, m->company.digits, m->company.currency,
                                                GS_MONEY_FORMAT_FULL);
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("company.existing_customer_bookings: %s is more than the target of %s; "
                          "nothing would be left for new business"),
                       e, t);
          return FALSE;
        }
      /* A partial last year gets its months' share of the year's target. */
      for (guint i = 0; i < 12; i++)
        weights[i] = c->seasonality[i];
      if (n < 12)
        {
          double all = 0, part = 0;
          for (guint i = 0; i < 12; i++)
            all += weights[i];
          for (guint i = 0; i < n; i++)
            part += weights[i];
          year_target = gs_money_round ((double) year_target * part / all);
          year_new = year_target - gs_money_round ((double) c->existing_bookings * part / all);
        }
      else
        year_new = year_target - c->existing_bookings;
      gs_money_split_trace (year_target - year_new, weights, n, r->existing_split + first);
      gs_money_split_trace (year_new, weights, n, r->new_business_split + first);
      r->target_year[y] = year_target;
      r->existing_year[y] = year_target - year_new;
      r->new_business_year[y] = year_new;
      r->weight_year[y] = gs_money_split_weight_sum (weights, n);
      for (guint i = 0; i < n; i++)
        {
          GsMoney part = r->new_business_split[first + i].part;
          GsMoney existing_part = r->existing_split[first + i].part;
          r->new_business_month[first + i] = part;
          r->existing_month[first + i] = existing_part;
          r->target_month[first + i] = part + existing_part;
          r->target_total += r->target_month[first + i];
          r->target_new_business += part;
        }
    }
  r->target_existing = r->target_total - r->target_new_business;
  return TRUE;
}

GsMoney
gs_compute_delivery (const GsResult *r, const GsMoney *bookings, const GsMoney *capacity,
                     double decay, GsMoney *per_month, GsMoney *backlog_month)
{
  GsMoney total = 0, backlog = 0;
  for (guint m = 0; m < r->horizon; m++)
    {
      GsMoney v
          = r->existing_month[m] + gs_backlog_step (bookings[m], capacity[m], decay, &backlog);
      if (per_month)
        per_month[m] = v;
      if (backlog_month)
        backlog_month[m] = backlog;
      total += v;
    }
  return total;
}

static void
check_range (GsResult *r, GError **error)
{
  /* Every amount is bounded by the ±10^15 rule; sums are checked once here. */
  GsMoney sum = 0;
  for (guint m = 0; m < r->horizon && !(error && *error); m++)
    gs_money_add_checked (sum, r->plan_month[m], &sum, error);
  if (error && *error)
    g_prefix_error (error, _ ("the plan's bookings over the horizon: "));
}

/* Overflow checks between the derivation steps (docs/reliability.md).  Each
 * names the inputs that drove a figure past ±10^15 minor units (or a count
 * past 10^15), so later steps, goal lines and exports only ever see figures
 * in range; gs_money_round and gs_count_ceil pin what cannot be represented,
 * so nothing wraps before the check sees it. */
#define GS_COUNT_LIMIT 1e15

static gboolean G_GNUC_PRINTF (2, 3) overflow (GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GS_ERROR, GS_ERROR_OVERFLOW, "%s", what);
  return FALSE;
}

static gboolean
check_targets (const GsModel *m, const GsResult *r, GError **error)
{
  if (gs_money_in_range (r->target_total))
    return TRUE;
  return overflow (error,
                   _ ("company.target: the target over the %u-month horizon adds up to more "
                      "than 10^15 minor units (the most Goalsheet handles)"),
                   r->horizon);
}

/* Month i of the result for a message, in the user's words ("Feb 2027"). */
static char *
month_text (const GsResult *r, guint i)
{
  return gs_format_month (r->months[i].year, r->months[i].month);
}

static gboolean
check_counts (const GsModel *m, const GsResult *r, const double *frac, GError **error)
{
  for (guint j = 0; j < m->n_sources; j++)
    for (guint k = 0; k < m->n_stages; k++)
      for (guint i = 0; i < r->n_months; i++)
        {
          double v = frac[GS_IDX (r, j, k, i)];
          if (!isfinite (v) || v > GS_COUNT_LIMIT)
            {
              g_autofree char *month = month_text (r, i);
              return overflow (error,
                               /* Translators: %1$u a source's index, %2$s its name, %3$s a
                                  stage's name, %4$s a month ("Feb 2027"). */
                               _ ("sources[%1$u] (%2$s): the target needs more than 10^15 at the "
                                  "stage “%3$s” in %4$s (the most Goalsheet handles); check "
                                  "funnel.deal_size and the conversion rates"),
                               j, m->sources[j].name, m->stages[k].name, month);
            }
        }
  return TRUE;
}

static gboolean
check_bookings (const GsModel *m, const GsResult *r, GError **error)
{
  gboolean planned = FALSE;
  for (guint j = 0; j < m->n_sources; j++)
    planned |= m->sources[j].planned != NULL;
  for (guint mo = 0; mo < r->horizon; mo++)
    if (!gs_money_in_range (r->projected_bookings[mo]))
      {
        g_autofree char *month = month_text (r, r->n_pre + mo);
        return overflow (error,
                         _ ("%s books more than 10^15 minor units (the most Goalsheet handles) "
                            "in %s"),
                         planned
                             ? _ ("sources[].planned_volume × funnel.deal_size: the planned volume")
                             : _ ("funnel.deal_size: a whole number of deals of this size"),
                         month);
      }
  return TRUE;
}

static gboolean
check_capacity (const GsModel *m, const GsResult *r, GError **error)
{
  double monthly_quota = (double) m->ae.quota / 12.0 * MAX (1.0, m->ae.attainment);
  for (guint mo = 0; mo < r->horizon; mo++)
    if (!gs_money_in_range (r->ae_capacity[mo])
        || r->ae_headcount[mo] * monthly_quota > (double) GS_MONEY_LIMIT)
      {
        g_autofree char *month = month_text (r, r->n_pre + mo);
        g_autofree char *aes = gs_format_number (r->ae_headcount[mo], 0);
        return overflow (error,
                         _ ("capacity.ae: %s AEs × capacity.ae.quota carry more than 10^15 "
                            "minor units (the most Goalsheet handles) in %s"),
                         aes, month);
      }
  return TRUE;
}

/* Budget = needed volume × cost per lead, summed over months and sources. */
static gboolean
check_budget (const GsModel *m, const GsResult *r, GError **error)
{
  GsMoney total = 0;
  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      if (src->owner != GS_OWNER_MARKETING)
        continue;
      for (guint i = 0; i < r->n_months; i++)
        {
          gint64 n = r->needed[GS_IDX (r, j, src->entry_stage, i)];
          GsMoney spend;
          if (__builtin_mul_overflow (n, src->cost_per_lead, &spend) || !gs_money_in_range (spend)
              || !gs_money_add_checked (total, spend, &total, NULL))
            {
              g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n);
              /* Translators: %u is a source's index, %s a number of leads. */
              return overflow (
                  error,
                  _ ("sources[%u].cost_per_lead: the budget for %s × the cost per lead "
                     "comes to more than 10^15 minor units (the most Goalsheet handles)"),
                  j, count);
            }
        }
    }
  return TRUE;
}

/* Projected bookings by who sourced them: each month's bookings split over
 * the owners by their sources' expected wins (largest remainder), so the
 * owners add up to the month to the minor unit. */
static void
by_owner (const GsModel *m, GsResult *r)
{
  guint H = r->horizon, last = m->n_stages - 1;
  GsMoney all = 0;
  r->owner_bookings = g_new0 (GsMoney, (gsize) GS_N_OWNERS * H);
  for (guint mo = 0; mo < H; mo++)
    {
      double won[GS_N_OWNERS] = { 0 };
      GsMoney parts[GS_N_OWNERS];
      for (guint j = 0; j < m->n_sources; j++)
        won[m->sources[j].owner] += gs_result_projected (r, j, last, r->n_pre + mo);
      gs_money_split (r->projected_bookings[mo], won, GS_N_OWNERS, parts);
      for (guint o = 0; o < GS_N_OWNERS; o++)
        {
          r->owner_bookings[(gsize) o * H + mo] = parts[o];
          r->owner_total[o] += parts[o];
        }
    }
  for (guint o = 0; o < GS_N_OWNERS; o++)
    all += r->owner_total[o];
  for (guint o = 0; o < GS_N_OWNERS; o++)
    r->owner_share[o] = all > 0 ? (double) r->owner_total[o] / (double) all : 0;
}

/* The totals over the plan's months the floors above show beside the months
 * (docs/derivations.md, "Results for the floors above"). */
static void
plan_totals (GsResult *r)
{
  r->gap_month = g_new0 (GsMoney, r->horizon);
  r->source_target_total = g_new0 (GsMoney, r->n_sources);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      r->ae_capacity_total += r->ae_capacity[mo];
      r->sdr_capacity_total += r->sdr_capacity[mo];
      r->sqls_needed_total += r->sqls_needed[mo];
      r->projected_total += r->projected_bookings[mo];
      r->gap_month[mo] = r->plan_month[mo] - r->target_month[mo];
      for (guint j = 0; j < r->n_sources; j++)
        r->source_target_total[j] += r->source_target[(gsize) j * r->horizon + mo];
    }
}

/* Volume needed and projected at stage over span, of source or (G_MAXUINT)
 * of every source. */
static gint64
span_sums (const GsResult *r, guint source, guint stage, GsSpan span, double *projected)
{
  guint first = span == GS_SPAN_PLAN ? r->n_pre : 0;
  guint end = span == GS_SPAN_BEFORE ? r->n_pre : r->n_months;
  guint j0 = source == G_MAXUINT ? 0 : source;
  guint j1 = source == G_MAXUINT ? r->n_sources : source + 1;

  gint64 needed = 0;

  *projected = 0;
  for (guint j = j0; j < j1; j++)
    for (guint i = first; i < end; i++)
      {
        needed += gs_result_needed (r, j, stage, i);
        *projected += gs_result_projected (r, j, stage, i);
      }
  return needed;
}

gint64
gs_result_needed_over (const GsResult *r, guint source, guint stage, GsSpan span)
{
  double projected;
  return span_sums (r, source, stage, span, &projected);
}

double
gs_result_projected_over (const GsResult *r, guint source, guint stage, GsSpan span)
{
  double projected;
  span_sums (r, source, stage, span, &projected);
  return projected;
}

GsResult *
gs_compute (const GsModel *m, GError **error)
{
  g_autoptr (GsResult) r = g_new0 (GsResult, 1);
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  g_autofree double *frac = NULL;
  g_autofree double *volumes = NULL;
  g_autoptr (GError) local = NULL;
  guint n_pre = 0;

  gs_funnel_offsets (m, offsets);
  for (guint j = 0; j < m->n_sources; j++)
    n_pre = MAX (n_pre, offsets[m->sources[j].entry_stage]);
  r->stage_offsets = g_steal_pointer (&offsets);

  r->horizon = m->company.horizon;
  r->n_pre = n_pre;
  r->n_months = n_pre + r->horizon;
  /* Bookings up to n_pre months after the plan need volume inside it. */
  r->n_post = n_pre;
  r->n_stages = m->n_stages;
  r->n_sources = m->n_sources;
  r->month_labels = g_new0 (char *, r->n_months + 1);
  r->months = g_new0 (GsMonth, r->n_months + r->n_post);
  for (guint i = 0; i < r->n_months + r->n_post; i++)
    {
      if (i < r->n_months)
        r->month_labels[i] = gs_model_month_label (m, (int) i - (int) n_pre);
      r->months[i] = gs_model_month (m, (int) i - (int) n_pre);
    }
  r->n_quarters = (guint) gs_model_fiscal_quarter (m, (int) r->horizon - 1) + 1;
  r->quarter_labels = g_new0 (char *, r->n_quarters + 1);
  r->quarters = g_new0 (GsMonth, r->n_quarters);
  for (guint q = 0, month = 0; q < r->n_quarters; q++)
    {
      while ((guint) gs_model_fiscal_quarter (m, (int) month) < q)
        month++;
      r->quarters[q] = r->months[n_pre + month];
      r->quarter_labels[q]
          = g_strndup (r->month_labels[n_pre + month], strchr (r->month_labels[n_pre + month], ' ')
                                                           - r->month_labels[n_pre + month] + 3);
    }

  if (!gs_compute_targets (m, r, error) || !check_targets (m, r, error))
    return NULL;

  r->needed = g_new0 (gint64, (gsize) r->n_sources * r->n_stages * r->n_months);
  r->projected = g_new0 (double, (gsize) r->n_sources * r->n_stages * r->n_months);
  frac = g_new0 (double, (gsize) r->n_sources * r->n_stages * r->n_months);
  if (!gs_compute_reverse (m, r, frac, error))
    return NULL;
  if (!check_counts (m, r, frac, error) || !check_budget (m, r, error))
    return NULL;

  volumes = g_new0 (double, (gsize) r->n_sources * r->n_months);
  gs_compute_entry_volumes (m, r, volumes);
  r->projected_bookings = g_new0 (GsMoney, r->horizon);
  gs_compute_forward (m, r, volumes, r->projected, r->projected_bookings);
  if (!check_bookings (m, r, error))
    return NULL;

  gs_compute_capacity (m, r);
  if (!check_capacity (m, r, error))
    return NULL;

  r->plan_month = g_new0 (GsMoney, r->horizon);
  r->backlog_month = g_new0 (GsMoney, r->horizon);
  r->plan_total = gs_compute_delivery (r, r->projected_bookings, r->ae_capacity,
                                       m->ae.backlog_decay, r->plan_month, r->backlog_month);
  check_range (r, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  r->gap = r->plan_total - r->target_total;
  r->gap_fraction = r->target_total ? (double) r->gap / (double) r->target_total : 0;
  for (guint k = 0; k + 1 < m->n_stages; k++)
    r->cycle_days += m->steps[k].lag_days;

  gs_compute_levers (m, r, volumes);
  r->arena = gs_arena_new ();
  r->strings = g_string_chunk_new (1024);
  gs_compute_lines (m, r, frac);
  gs_compute_goal_levers (m, r);
  r->entry_volumes = g_steal_pointer (&volumes);
  r->stage_needed = g_new0 (gint64, r->n_stages);
  for (guint k = 0; k < r->n_stages; k++)
    for (guint i = 0; i < r->n_months; i++)
      r->stage_needed[k] += gs_result_needed_total (r, k, i);
  by_owner (m, r);
  plan_totals (r);
  return g_steal_pointer (&r);
}

const GsQuantity *
gs_derivation_figure (const GsDerivation *d, const char *name)
{
  for (guint i = 0; i < d->n_figures; i++)
    if (strcmp (d->figures[i].name, name) == 0)
      return &d->figures[i];
  return NULL;
}

static void
goal_line_free (GsGoalLine *line)
{
  g_free (line->id);
  g_free (line->input_path);
  g_free (line->months);
  g_free (line->quarters);
  g_free (line);
}

void
gs_result_free (GsResult *r)
{
  if (r == NULL)
    return;
  if (r->lines)
    {
      for (guint i = 0; i < r->lines->len; i++)
        {
          GsGoalLine *line = g_ptr_array_index (r->lines, i);
          goal_line_free (line);
        }
      g_ptr_array_unref (r->lines);
    }
  for (guint i = 0; i < r->n_levers; i++)
    {
      g_free (r->levers[i].input_path);
    }
  g_free (r->levers);
  /* Every derivation's parts and input path (gs-arena.h). */
  gs_arena_free (r->arena);
  if (r->strings)
    g_string_chunk_free (r->strings);
  g_strfreev (r->month_labels);
  g_strfreev (r->quarter_labels);
  g_free (r->months);
  g_free (r->quarters);
  g_free (r->target_month);
  g_free (r->new_business_month);
  g_free (r->new_business_after);
  g_free (r->source_after);
  g_free (r->needed_post);
  g_free (r->source_target);
  g_free (r->needed);
  g_free (r->projected);
  g_free (r->projected_bookings);
  g_free (r->ae_headcount);
  g_free (r->ae_ramped);
  g_free (r->ae_hired);
  g_free (r->ae_capacity);
  g_free (r->sdr_capacity);
  g_free (r->sqls_needed);
  g_free (r->plan_month);
  g_free (r->backlog_month);
  g_free (r->stage_offsets);
  g_free (r->entry_volumes);
  g_free (r->owner_bookings);
  g_free (r->sdr_productive);
  g_free (r->existing_month);
  g_free (r->stage_needed);
  g_free (r->gap_month);
  g_free (r->source_target_total);
  g_free (r->target_year);
  g_free (r->existing_year);
  g_free (r->new_business_year);
  g_free (r->weight_year);
  g_free (r->new_business_split);
  g_free (r->existing_split);
  g_free (r->new_business_to_date);
  g_free (r->source_split);
  g_free (r);
}

gint64
gs_result_needed (const GsResult *r, guint source, guint stage, guint month_index)
{
  return r->needed[GS_IDX (r, source, stage, month_index)];
}

double
gs_result_projected (const GsResult *r, guint source, guint stage, guint month_index)
{
  return r->projected[GS_IDX (r, source, stage, month_index)];
}

gboolean
gs_result_feeds_after (const GsResult *r, guint stage, guint month_index)
{
  return (int) month_index - (int) r->n_pre + (int) r->stage_offsets[stage] >= (int) r->horizon;
}

gint64
gs_result_needed_total (const GsResult *r, guint stage, guint month_index)
{
  gint64 sum = 0;
  for (guint j = 0; j < r->n_sources; j++)
    sum += r->needed[GS_IDX (r, j, stage, month_index)];
  return sum;
}

const GsGoalLine *
gs_result_line (const GsResult *r, const char *id)
{
  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      if (g_strcmp0 (line->id, id) == 0)
        return line;
    }
  return NULL;
}
