/* gs-explain.c — the planning results in words (gs-explain.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each sentence is one translatable message with numbered placeholders, so a
 * translation can order them as its grammar needs.  The figures come from the
 * derivation; this file formats them and never computes a business number.
 */
#include "gs-explain.h"

#include "gs-explain-figure.h"

#include "gs-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Numbers in the locale's marks. */

static char *
count_text (gint64 v)
{
  return gs_format_count (v);
}

static char *
money_text (const GsModel *m, GsMoney v)
{
  return gs_format_money (v, m->company.digits, m->company.currency, GS_MONEY_FORMAT_FULL);
}

/* Money as the sheets show it: the plan's currency, whole units. */
static char *
figure_money (const GsModel *m, GsMoney v)
{
  return gs_format_money (v, m->company.digits, m->company.currency, GS_MONEY_FORMAT_WHOLE);
}

static char *
rate_text (double rate)
{
  return gs_format_percent (rate);
}

static char *
number_text (double v, int decimals)
{
  return gs_format_number (v, decimals);
}

/* Up to two decimals, without trailing zeros: 0.8, 1, 11.9. */
static char *
short_number (double v)
{
  return gs_format_number_short (v, 2);
}

/* A figure in its unit's form: an operand of the calculation. */
static char *
figure_text (const GsModel *m, const GsQuantity *f)
{
  if (f == NULL)
    return g_strdup ("?");
  return gs_explain_figure (m, f->unit, f->amount, f->value, GS_FIGURE_TRACE);
}

static char *
fig_text (const GsModel *m, const GsDerivation *d, const char *name)
{
  return figure_text (m, gs_derivation_figure (d, name));
}

static double
fig_value (const GsDerivation *d, const char *name)
{
  const GsQuantity *f = gs_derivation_figure (d, name);
  return f ? f->value : 0;
}

/* Months and quarters. */

char *
gs_explain_month_name (guint month)
{
  /* The calendar's months, abbreviated, as in a table header. */
  const char *names[] = {
    C_ ("abbreviated month", "Jan"), C_ ("abbreviated month", "Feb"),
    C_ ("abbreviated month", "Mar"), C_ ("abbreviated month", "Apr"),
    C_ ("abbreviated month", "May"), C_ ("abbreviated month", "Jun"),
    C_ ("abbreviated month", "Jul"), C_ ("abbreviated month", "Aug"),
    C_ ("abbreviated month", "Sep"), C_ ("abbreviated month", "Oct"),
    C_ ("abbreviated month", "Nov"), C_ ("abbreviated month", "Dec"),
  };
  g_return_val_if_fail (month >= 1 && month <= 12, g_strdup ("?"));
  return g_strdup (names[month - 1]);
}

char *
gs_explain_month_label (const GsMonth *month)
{
  g_autofree char *name = gs_explain_month_name (month->month);
  /* Translators: a month by the fiscal calendar, "FY27 Q1 / Feb": %1$02u is
     the fiscal year's last two digits (the fiscal year is named by the
     calendar year in which it ends), %2$u the quarter (1-4), %3$s the
     abbreviated month name. */
  return g_strdup_printf (_ ("FY%1$02u Q%2$u / %3$s"), month->fiscal_year % 100,
                          month->fiscal_quarter, name);
}

char *
gs_explain_month_short (const GsMonth *month)
{
  g_autofree char *name = gs_explain_month_name (month->month);
  /* Translators: a month and its year, "Feb 26": %1$s is the abbreviated
     month name, %2$02u the calendar year's last two digits. */
  return g_strdup_printf (C_ ("month and year", "%1$s %2$02u"), name, month->year % 100);
}

char *
gs_explain_plan_month_label (const GsModel *model, int month)
{
  GsMonth m = gs_model_month (model, month);
  return gs_explain_month_label (&m);
}

char *
gs_explain_plan_month_short (const GsModel *model, int month)
{
  GsMonth m = gs_model_month (model, month);
  return gs_explain_month_short (&m);
}

char *
gs_explain_quarter_label (const GsMonth *month)
{
  /* Translators: a fiscal quarter, "FY27 Q1": %1$02u is the fiscal year's
     last two digits, %2$u the quarter (1-4).  Write it as in "FY%1$02u Q%2$u
     / %3$s". */
  return g_strdup_printf (_ ("FY%1$02u Q%2$u"), month->fiscal_year % 100, month->fiscal_quarter);
}

/* The months a derivation is about. */
static char *
month_of (const GsResult *r, int month)
{
  if (month < 0 || (guint) month >= r->n_months)
    return g_strdup ("?");
  return gs_explain_month_label (&r->months[month]);
}

static char *
quarter_of (const GsResult *r, int quarter)
{
  if (quarter < 0 || (guint) quarter >= r->n_quarters)
    return g_strdup ("?");
  return gs_explain_quarter_label (&r->quarters[quarter]);
}

/* Names. */

static char *
english_plural (const char *name)
{
  gsize len = strlen (name);
  if (len && (name[len - 1] == 's' || name[len - 1] == 'S'))
    return g_strdup (name);
  if (g_ascii_strcasecmp (name, "won") == 0)
    return g_strdup ("Wins");
  if (len > 1 && name[len - 1] == 'y' && !strchr ("aeiou", name[len - 2]))
    return g_strdup_printf ("%.*sies", (int) len - 1, name);
  return g_strdup_printf ("%ss", name);
}

char *
gs_explain_stage_count (const char *stage_name)
{
  /* Translators: how the name of a funnel stage (the user's own word, such as
     "MQL" or "Won") names a number of them: the goal line "MQLs", "212
     MQLs".  English forms a plural by a rule in the code ("Won" becomes
     "Wins"); translate as "%s" to show the name unchanged, which reads
     right for any name in a language whose plural the code cannot form. */
  const char *form = C_ ("stage count", "%ss");
  const char *at;
  if (strcmp (form, "%ss") == 0)
    return english_plural (stage_name);
  at = strstr (form, "%s");
  if (at == NULL)
    return g_strdup (stage_name);
  return g_strdup_printf ("%.*s%s%s", (int) (at - form), form, stage_name, at + 2);
}

static char *
stage_count (const GsModel *m, int stage)
{
  if (stage < 0 || (guint) stage >= m->n_stages)
    return g_strdup ("?");
  return gs_explain_stage_count (m->stages[stage].name);
}

static const char *
stage_name (const GsModel *m, int stage)
{
  if (stage < 0 || (guint) stage >= m->n_stages)
    return "?";
  return m->stages[stage].name;
}

static const char *
source_name (const GsModel *m, int source)
{
  if (source < 0 || (guint) source >= m->n_sources)
    return "?";
  return m->sources[source].name;
}

char *
gs_explain_line_name (const GsModel *m, const GsGoalLine *line)
{
  switch (line->kind)
    {
    case GS_LINE_STAGE:
      return stage_count (m, line->stage);
    case GS_LINE_FOLLOWUP:
      {
        g_autofree char *stages = stage_count (m, line->stage);
        g_autofree char *hours = number_text (m->agreements.followup_sla_hours, 0);
        /* Translators: a goal line of the sales sheet: %1$s is a funnel stage
           as a number of them ("MQLs"), %2$s the follow-up agreement in
           hours. */
        return g_strdup_printf (_ ("%1$s to follow up ≤ %2$s h"), stages, hours);
      }
    case GS_LINE_SOURCED_PIPELINE:
      return g_strdup (_ ("Marketing-sourced pipeline"));
    case GS_LINE_SOURCED_BOOKINGS:
      return g_strdup (_ ("Marketing-sourced bookings"));
    case GS_LINE_BUDGET:
      return g_strdup (C_ ("goal line", "Budget"));
    case GS_LINE_COST_PER_HANDOFF:
      /* Translators: a goal line: the budget per unit of a funnel stage; %s is
         the stage's name ("MQL"). */
      return g_strdup_printf (_ ("Cost per %s"), stage_name (m, line->stage));
    case GS_LINE_TARGET:
      return g_strdup (_ ("Bookings target"));
    case GS_LINE_PLAN:
      return g_strdup (_ ("Plan (funnel and capacity)"));
    case GS_LINE_GAP:
      return g_strdup (_ ("Gap to target"));
    case GS_LINE_PIPELINE:
      return g_strdup (C_ ("goal line", "Pipeline"));
    case GS_LINE_BOOKINGS:
      return g_strdup (_ ("New-business bookings needed"));
    case GS_LINE_CYCLE:
      return g_strdup (_ ("Sales cycle (days)"));
    case GS_LINE_AE_CAPACITY:
      return g_strdup (_ ("AE capacity"));
    case GS_LINE_AE_HEADCOUNT:
      return g_strdup (_ ("AEs on staff"));
    case GS_LINE_QUOTA:
      return g_strdup (_ ("Quota per AE"));
    case GS_LINE_COVERAGE:
      return g_strdup (_ ("Capacity ÷ new-business target"));
    case GS_LINE_SDR_CAPACITY:
      return g_strdup (_ ("SDR capacity (meetings)"));
    case GS_LINE_QUOTA_ASSIGNMENT:
      return g_strdup (_ ("Quota over-assignment"));
    case GS_LINE_PIPELINE_COVERAGE:
      return g_strdup (_ ("Pipeline coverage at the start"));
    default:
      return g_strdup (line->id);
    }
}

/* Derivations. */

typedef struct
{
  const GsModel *m;
  const GsResult *r;
  const GsGoalLine *line;
  char *name; /* the line's name */
} Ctx;

/* One source's part of a stage's volume in a month. */
static void
append_source_part (Ctx *c, GString *out, const GsDerivation *p)
{
  const GsModel *m = c->m;
  g_autofree char *needed = fig_text (m, p, "needed");
  g_autofree char *stages = stage_count (m, p->stage);
  g_autofree char *exact = number_text (fig_value (p, "exact"), 2);

  g_string_append_c (out, '\n');
  if (p->kind == GS_DERIVATION_DIVIDE_BY_DEAL)
    {
      g_autofree char *target = fig_text (m, p, "target");
      g_autofree char *share = fig_text (m, p, "share");
      g_autofree char *deal = fig_text (m, p, "deal_size");
      g_string_append_printf (
          out,
          /* Translators: one source's part of a month's wins: %1$s the source, %2$s the number
             needed, %3$s the stage as a number of them ("Wins"), %4$s the source's part of the
             target (money), %5$s its share of the target (a percentage), %6$s the average deal,
             %7$s the exact quotient. */
          _ ("• %1$s: %2$s %3$s = %4$s target (%5$s share) ÷ %6$s deal "
             "size = %7$s"),
          source_name (m, p->source), needed, stages, target, share, deal, exact);
    }
  else
    {
      int next_month = (int) fig_value (p, "next_month") + (int) c->r->n_pre;
      g_autofree char *next = fig_text (m, p, "next");
      g_autofree char *next_stages = stage_count (m, p->stage + 1);
      g_autofree char *when = month_of (c->r, next_month);
      g_autofree char *rate = fig_text (m, p, "rate");
      g_string_append_printf (
          out,
          /* Translators: one source's part of a stage's volume in a month: %1$s the source, %2$s
             the number needed, %3$s the stage as a number of them ("MQLs"), %4$s the number of the
             next stage, %5$s the next stage as a number of them ("SQLs"), %6$s the month of the
             next stage, %7$s the conversion rate (a percentage), %8$s and %9$s the two stage names
             ("MQL→SQL"), %10$s the exact quotient. */
          _ ("• %1$s: %2$s %3$s = %4$s %5$s in %6$s ÷ %7$s %8$s→%9$s = "
             "%10$s"),
          source_name (m, p->source), needed, stages, next, next_stages, when, rate,
          stage_name (m, p->stage), stage_name (m, p->stage + 1), exact);
      if (next_month != p->month)
        {
          double lag = fig_value (p, "lag_days");
          g_autofree char *days = number_text (lag, 0);
          g_string_append_printf (
              out,
              /* Translators: follows a stage's part of a month's volume when the next stage falls
                 in a later month; %s is the step's lag in days. */
              g_dngettext (GETTEXT_PACKAGE, ", needed %s day earlier", ", needed %s days earlier",
                           (gulong) MAX (0, llround (lag))),
              days);
        }
    }
  if (fabs (fig_value (p, "exact") - fig_value (p, "needed")) > 1e-9)
    /* Translators: follows a count derived from fractions, e.g. 4.20 leads. */
    g_string_append (out, _ ("; whole counts, rounded up on the running total"));
}

static char *
explain_sum_of_sources (Ctx *c, const GsDerivation *d)
{
  g_autofree char *sum = fig_text (c->m, d, "sum");
  g_autofree char *when = month_of (c->r, d->month);
  GString *out = g_string_new (NULL);

  if (d->n_parts == 0)
    /* Translators: a stage's volume in a month no win depends on: %1$s the
       number (0), %2$s the goal line ("MQLs"), %3$s the month. */
    g_string_printf (out, _ ("%1$s %2$s in %3$s: no win in the plan depends on this month"), sum,
                     c->name, when);
  else
    /* Translators: heads the list of sources behind a stage's volume in a
       month: %1$s the number, %2$s the goal line ("MQLs"), %3$s the month. */
    g_string_printf (out, _ ("%1$s %2$s in %3$s:"), sum, c->name, when);
  for (guint i = 0; i < d->n_parts; i++)
    append_source_part (c, out, &d->parts[i]);
  return g_string_free (out, FALSE);
}

/* "FY28 Q1 1,408 · FY28 Q2 1,428": the parts of a sum that are periods
 * (periods TRUE) or sources, each with its figure; NULL when there are none. */
static char *
sum_parts_text (Ctx *c, const GsDerivation *d, gboolean periods)
{
  GString *out = NULL;
  for (guint i = 0; i < d->n_parts; i++)
    {
      const GsDerivation *p = &d->parts[i];
      g_autofree char *what = NULL;
      g_autofree char *figure = NULL;
      if (p->kind != GS_DERIVATION_PART_OF_SUM || (p->source >= 0) == periods)
        continue;
      if (p->source >= 0)
        what = g_strdup (source_name (c->m, p->source));
      else if (p->quarter >= 0)
        what = quarter_of (c->r, p->quarter);
      else if (p->month >= 0 && (guint) p->month < c->r->n_months)
        what = gs_explain_month_short (&c->r->months[p->month]);
      else
        continue;
      figure = fig_text (c->m, p, "sum");
      if (out == NULL)
        out = g_string_new (NULL);
      else
        /* Translators: between the items of a breakdown, "FY28 Q1 1,408 · FY28 Q2 1,428". */
        g_string_append (out, _ (" · "));
      /* Translators: one item of a breakdown: %1$s a quarter, month or source, %2$s its figure. */
      g_string_append_printf (out, _ ("%1$s %2$s"), what, figure);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

/* The sum's sentence, then its breakdown by period and by source. */
static char *
with_breakdown (Ctx *c, const GsDerivation *d, char *sentence)
{
  g_autofree char *periods = sum_parts_text (c, d, TRUE);
  g_autofree char *sources = sum_parts_text (c, d, FALSE);
  GString *out = g_string_new (sentence);
  g_free (sentence);
  if (periods)
    g_string_append_printf (out, "\n%s %s", d->quarter >= 0 ? _ ("By month:") : _ ("By quarter:"),
                            periods);
  if (sources)
    g_string_append_printf (out, "\n%s %s", _ ("By source:"), sources);
  return g_string_free (out, FALSE);
}

static char *
explain_sum_of_months (Ctx *c, const GsDerivation *d)
{
  g_autofree char *sum = fig_text (c->m, d, "sum");
  if (d->quarter >= 0)
    {
      g_autofree char *when = quarter_of (c->r, d->quarter);
      /* Translators: a quarter's figure: %1$s the goal line, %2$s the quarter
         ("FY27 Q1"), %3$s the figure. */
      return with_breakdown (
          c, d,
          g_strdup_printf (_ ("%1$s in %2$s = %3$s: the sum of its months"), c->name, when, sum));
    }
  {
    guint n = (guint) fig_value (d, "months");
    return with_breakdown (
        c, d,
        g_strdup_printf (
            /* Translators: a goal line over the whole plan: %1$s the goal line, %2$s the figure,
               %3$u the number of months. */
            g_dngettext (GETTEXT_PACKAGE, "%1$s over the plan = %2$s: the sum of its %3$u month",
                         "%1$s over the plan = %2$s: the sum of its %3$u months", n),
            c->name, sum, n));
  }
}

static char *
explain_times_deal (Ctx *c, const GsDerivation *d)
{
  g_autofree char *when = month_of (c->r, d->month);
  g_autofree char *volume = fig_text (c->m, d, "volume");
  g_autofree char *stages = stage_count (c->m, d->stage);
  g_autofree char *deal = fig_text (c->m, d, "deal_size");
  g_autofree char *value = fig_text (c->m, d, "value");
  if (fig_value (d, "marketing_only") != 0)
    /* Translators: %1$s the goal line, %2$s the month, %3$s a number of the
       stage %4$s ("Wins"), %5$s the average deal, %6$s the result. */
    return g_strdup_printf (_ ("%1$s in %2$s = %3$s marketing-sourced %4$s × %5$s deal size = "
                               "%6$s"),
                            c->name, when, volume, stages, deal, value);
  /* Translators: %1$s the goal line, %2$s the month, %3$s a number of the
     stage %4$s ("Wins"), %5$s the average deal, %6$s the result. */
  return g_strdup_printf (_ ("%1$s in %2$s = %3$s %4$s × %5$s deal size = %6$s"), c->name, when,
                          volume, stages, deal, value);
}

static char *
explain_budget (Ctx *c, const GsDerivation *d)
{
  g_autofree char *when = month_of (c->r, d->month);
  g_autofree char *sum = fig_text (c->m, d, "sum");
  GString *out = g_string_new (NULL);

  if (d->n_parts)
    /* Translators: heads the list of sources behind a month's marketing
       budget: %1$s the month, %2$s the money. */
    g_string_printf (out, _ ("Budget in %1$s = %2$s:"), when, sum);
  else
    /* Translators: a month's marketing budget: %1$s the month, %2$s the money. */
    g_string_printf (out, _ ("Budget in %1$s = %2$s"), when, sum);
  for (guint i = 0; i < d->n_parts; i++)
    {
      const GsDerivation *p = &d->parts[i];
      g_autofree char *volume = fig_text (c->m, p, "volume");
      g_autofree char *stages = stage_count (c->m, p->stage);
      g_autofree char *cost = fig_text (c->m, p, "cost_per_lead");
      g_autofree char *spend = fig_text (c->m, p, "spend");
      g_string_append_c (out, '\n');
      /* Translators: one source's spend: %1$s the source, %2$s a number of the
         stage %3$s ("Leads"), %4$s the cost of each, %5$s the spend. */
      g_string_append_printf (out, _ ("• %1$s: %2$s %3$s × %4$s each = %5$s"),
                              source_name (c->m, p->source), volume, stages, cost, spend);
    }
  return g_string_free (out, FALSE);
}

static char *
explain_cost_per_unit (Ctx *c, const GsDerivation *d)
{
  g_autofree char *budget = fig_text (c->m, d, "budget");
  g_autofree char *volume = fig_text (c->m, d, "volume");
  g_autofree char *stages = stage_count (c->m, d->stage);
  g_autofree char *cost = fig_text (c->m, d, "cost");
  g_autofree char *when = NULL;

  if (d->month < 0 && d->quarter < 0)
    /* Translators: %1$s the goal line ("Cost per MQL"), %2$s the budget, %3$s
       a number of the stage %4$s ("MQLs"), %5$s the result. */
    return g_strdup_printf (_ ("%1$s over the plan = %2$s budget ÷ %3$s %4$s = %5$s (including "
                               "those needed before the plan starts)"),
                            c->name, budget, volume, stages, cost);
  when = d->month >= 0 ? month_of (c->r, d->month) : quarter_of (c->r, d->quarter);
  if (fig_value (d, "volume") <= 0)
    /* Translators: %1$s the goal line ("Cost per MQL"), %2$s a month or
       quarter, %3$s the stage as a number of them ("MQLs"). */
    return g_strdup_printf (_ ("%1$s in %2$s: no %3$s needed"), c->name, when, stages);
  /* Translators: %1$s the goal line ("Cost per MQL"), %2$s a month or quarter,
     %3$s the budget, %4$s a number of the stage %5$s ("MQLs"), %6$s the
     result. */
  return g_strdup_printf (_ ("%1$s in %2$s = %3$s budget ÷ %4$s %5$s = %6$s"), c->name, when,
                          budget, volume, stages, cost);
}

static char *
explain_sum_of_lags (Ctx *c, const GsDerivation *d)
{
  GString *steps = g_string_new (NULL);
  g_autofree char *days = fig_text (c->m, d, "days");
  double total = fig_value (d, "days");
  char *text;

  for (guint i = 0; i < d->n_parts; i++)
    {
      const GsDerivation *p = &d->parts[i];
      g_autofree char *lag = fig_text (c->m, p, "lag_days");
      if (i)
        g_string_append (steps, " + ");
      g_string_append_printf (steps, "%s (%s→%s)", lag, stage_name (c->m, p->stage),
                              stage_name (c->m, p->stage + 1));
    }
  /* Translators: %1$s the lags of the steps ("30 (MQL→SQL) + 45 (SQL→Won)"),
     %2$s their sum in days. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sales cycle = %1$s = %2$s day",
                                       "Sales cycle = %1$s = %2$s days",
                                       (gulong) MAX (0, llround (total))),
                          steps->str, days);
  g_string_free (steps, TRUE);
  return text;
}

static char *
explain_average (Ctx *c, const GsDerivation *d)
{
  g_autofree char *average = fig_text (c->m, d, "average");
  if (d->quarter >= 0)
    {
      g_autofree char *when = quarter_of (c->r, d->quarter);
      /* Translators: %1$s the goal line ("AEs on staff"), %2$s the quarter,
         %3$s the average of its months. */
      return g_strdup_printf (_ ("%1$s in %2$s = %3$s on average"), c->name, when, average);
    }
  /* Translators: %1$s the goal line ("AEs on staff"), %2$s the average of the
     plan's months. */
  return g_strdup_printf (_ ("%1$s over the plan = %2$s on average"), c->name, average);
}

static char *
explain_coverage (Ctx *c, const GsDerivation *d)
{
  g_autofree char *capacity = fig_text (c->m, d, "capacity");
  g_autofree char *target = fig_text (c->m, d, "new_business");
  g_autofree char *coverage = fig_text (c->m, d, "coverage");
  g_autofree char *when = NULL;
  if (d->month < 0 && d->quarter < 0)
    /* Translators: %1$s AE capacity (money), %2$s the new-business target,
       %3$s the ratio (a percentage). */
    return g_strdup_printf (_ ("Coverage over the plan = capacity %1$s ÷ new-business target %2$s "
                               "= %3$s"),
                            capacity, target, coverage);
  when = d->month >= 0 ? month_of (c->r, d->month) : quarter_of (c->r, d->quarter);
  /* Translators: %1$s a month or quarter, %2$s AE capacity (money), %3$s the
     new-business target, %4$s the ratio (a percentage). */
  return g_strdup_printf (_ ("Coverage in %1$s = capacity %2$s ÷ new-business target %3$s = %4$s"),
                          when, capacity, target, coverage);
}

/* "in FY28 Q1", "in Mar 2027" or "over the plan". */
static char *
period_of (Ctx *c, const GsDerivation *d)
{
  g_autofree char *when = NULL;
  if (d->month < 0 && d->quarter < 0)
    return g_strdup (_ ("over the plan"));
  when = d->month >= 0 ? month_of (c->r, d->month) : quarter_of (c->r, d->quarter);
  /* Translators: %s a month or quarter ("FY28 Q1"). */
  return g_strdup_printf (_ ("in %s"), when);
}

static char *
explain_quota_assignment (Ctx *c, const GsDerivation *d)
{
  g_autofree char *when = period_of (c, d);
  g_autofree char *assigned = fig_text (c->m, d, "assigned");
  g_autofree char *target = fig_text (c->m, d, "new_business");
  g_autofree char *share = fig_text (c->m, d, "assignment");
  g_autofree char *attainment = fig_text (c->m, d, "attainment");
  g_autofree char *capacity = fig_text (c->m, d, "capacity");
  g_autofree char *coverage = fig_text (c->m, d, "coverage");
  /* Translators: %1$s "in FY28 Q1" or "over the plan", %2$s the quota the
     ramped AEs carry (money), %3$s the new-business target, %4$s the ratio
     (a percentage), %5$s the expected attainment, %6$s AE capacity (money),
     %7$s capacity ÷ target (a percentage). */
  return g_strdup_printf (_ ("Quota over-assignment %1$s = quota assigned %2$s (ramped AEs × "
                             "quota) ÷ new-business target %3$s = %4$s, typically 110–120 %%; at "
                             "%5$s attainment the AEs deliver %6$s = %7$s of the target"),
                          when, assigned, target, share, attainment, capacity, coverage);
}

static char *
explain_pipeline_coverage (Ctx *c, const GsDerivation *d)
{
  g_autofree char *when = NULL;
  g_autofree char *open = fig_text (c->m, d, "open");
  g_autofree char *target = fig_text (c->m, d, "new_business");
  g_autofree char *coverage = fig_text (c->m, d, "coverage");
  g_autofree char *needed = fig_text (c->m, d, "needed");
  g_autofree char *win = fig_text (c->m, d, "win_rate");
  guint lag = (guint) fig_value (d, "lag_months");
  const char *verdict = fig_value (d, "coverage") + 1e-9 >= fig_value (d, "needed")
                            ? _ ("the period's target is in the pipeline on its first day")
                            : _ ("the rest must be created and closed within the period");

  if (d->month < 0 && d->quarter < 0)
    when = g_strdup (_ ("the plan"));
  else
    when = d->month >= 0 ? month_of (c->r, d->month) : quarter_of (c->r, d->quarter);
  if (lag == 0)
    /* Translators: %1$s a month, quarter or "the plan". */
    return g_strdup_printf (_ ("Pipeline coverage at the start of %1$s = 0×: opportunities close "
                               "in the month they are created, so no pipeline is carried in"),
                            when);
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   /* Translators: %1$s a month, quarter or "the plan", %2$s pipeline
                      (money), %3$u months, %4$s the new-business target, %5$s the
                      ratio ("2.4×"), %6$s the win rate, %7$s 1 ÷ win rate ("4.0×"),
                      %8$s a verdict. */
                   "Pipeline coverage at the start of %1$s = pipeline open then %2$s (created in "
                   "the last %3$u month) ÷ new-business target %4$s = %5$s; at a %6$s win "
                   "rate the target needs %7$s: %8$s",
                   "Pipeline coverage at the start of %1$s = pipeline open then %2$s (created in "
                   "the last %3$u months) ÷ new-business target %4$s = %5$s; at a %6$s win "
                   "rate the target needs %7$s: %8$s",
                   lag),
      when, open, lag, target, coverage, win, needed, verdict);
}

static char *
explain_quota_over_span (Ctx *c, const GsDerivation *d)
{
  guint n = (guint) fig_value (d, "months");
  g_autofree char *quota = fig_text (c->m, d, "quota");
  if (d->quarter >= 0)
    {
      g_autofree char *when = quarter_of (c->r, d->quarter);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s the quarter, %2$u its number of
                                              months, %3$s the quota (money). */
                                           "Quota per AE in %1$s = the monthly quota of %2$u "
                                           "month = %3$s",
                                           "Quota per AE in %1$s = the monthly quotas of %2$u "
                                           "months added up = %3$s",
                                           n),
                              when, n, quota);
    }
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   /* Translators: %1$u the plan's number of months, %2$s the quota (money). */
                   "Quota per AE over the plan = the monthly quota of %1$u "
                   "month = %2$s",
                   "Quota per AE over the plan = the monthly quotas of %1$u "
                   "months added up = %2$s",
                   n),
      n, quota);
}

char *
gs_explain_cell (const GsModel *m, const GsResult *r, const GsGoalLine *line, const GsCell *cell)
{
  const GsDerivation *d = &cell->derivation;
  g_autofree char *name = gs_explain_line_name (m, line);
  Ctx c = { m, r, line, name };
  g_autofree char *when = d->month >= 0 ? month_of (r, d->month) : NULL;

  switch (d->kind)
    {
    case GS_DERIVATION_NONE:
      return NULL;
    case GS_DERIVATION_NOT_IN_PLAN:
      if (line->kind == GS_LINE_TARGET)
        return g_strdup (_ ("Before the plan starts: no target"));
      return g_strdup (_ ("Before the plan starts"));
    case GS_DERIVATION_SUM_OF_SOURCES:
      return explain_sum_of_sources (&c, d);
    case GS_DERIVATION_SUM_OF_MONTHS:
      return explain_sum_of_months (&c, d);
    case GS_DERIVATION_BEFORE_PLAN:
      {
        g_autofree char *sum = fig_text (m, d, "sum");
        /* Translators: %1$s the goal line ("MQLs"), %2$s its figure over the
           months before the plan starts. */
        return g_strdup_printf (_ ("%1$s needed before the plan starts = %2$s (the stage lags "
                                   "move them earlier than the wins they feed)"),
                                name, sum);
      }
    case GS_DERIVATION_AFTER_PLAN:
      {
        g_autofree char *sum = fig_text (m, d, "sum");
        g_autofree char *growth = fig_text (m, d, "growth");
        /* Translators: %1$s the goal line ("MQLs"), %2$s the part of its plan months' figure
           that feeds bookings after the plan, %3$s the yearly growth assumed after the plan
           (a percentage). */
        return g_strdup_printf (_ ("%1$s in the plan's months for bookings after the plan = %2$s "
                                   "(the target continued at %3$s a year, with the same "
                                   "seasonality)"),
                                name, sum, growth);
      }
    case GS_DERIVATION_TIMES_DEAL:
      return explain_times_deal (&c, d);
    case GS_DERIVATION_BUDGET:
      return explain_budget (&c, d);
    case GS_DERIVATION_COST_PER_UNIT:
      return explain_cost_per_unit (&c, d);
    case GS_DERIVATION_SPLIT_BY_SEASONALITY:
      {
        g_autofree char *target = fig_text (m, d, "target");
        g_autofree char *nb = fig_text (m, d, "new_business");
        g_autofree char *existing = fig_text (m, d, "existing");
        g_autofree char *weight = short_number (fig_value (d, "weight"));
        g_autofree char *weights = short_number (fig_value (d, "weights"));
        /* Translators: %1$s the month, %2$s its target, %3$s its new-business
           part, %4$s its part from existing customers, %5$s the month's
           seasonality weight, %6$s the weights of the year added up. */
        return g_strdup_printf (_ ("Bookings target in %1$s = %2$s: new business %3$s + existing "
                                   "customers %4$s; the year's target split by seasonality weight "
                                   "%5$s of %6$s, to the cent"),
                                when, target, nb, existing, weight, weights);
      }
    case GS_DERIVATION_CAPACITY_CAP:
      {
        g_autofree char *existing = fig_text (m, d, "existing");
        g_autofree char *projected = fig_text (m, d, "projected");
        g_autofree char *capacity = fig_text (m, d, "capacity");
        g_autofree char *plan = fig_text (m, d, "plan");
        g_autofree char *in = NULL, *out = NULL;
        if (fig_value (d, "backlog_in") == 0 && fig_value (d, "backlog_out") == 0)
          /* Translators: %1$s the month, then money: %2$s from existing
             customers, %3$s the funnel's projected bookings, %4$s AE capacity,
             %5$s the plan. */
          return g_strdup_printf (
              _ ("Plan in %1$s = existing customers %2$s + the smaller of the "
                 "funnel's projected bookings %3$s and AE capacity %4$s = %5$s"),
              when, existing, projected, capacity, plan);
        in = fig_text (m, d, "backlog_in");
        out = fig_text (m, d, "backlog_out");
        /* Translators: %1$s the month, then money: %2$s from existing customers, %3$s the
           funnel's projected bookings, %4$s the backlog carried in from earlier months (wins
           no AE could carry yet), %5$s AE capacity, %6$s the plan, %7$s the backlog carried
           on to the next month. */
        return g_strdup_printf (_ ("Plan in %1$s = existing customers %2$s + the smaller of the "
                                   "funnel's projected bookings %3$s plus the backlog %4$s and AE "
                                   "capacity %5$s = %6$s; %7$s carried to the next month"),
                                when, existing, projected, in, capacity, plan, out);
      }
    case GS_DERIVATION_GAP:
      {
        g_autofree char *plan = fig_text (m, d, "plan");
        g_autofree char *target = fig_text (m, d, "target");
        g_autofree char *gap = fig_text (m, d, "gap");
        /* Translators: %1$s the month, then money: %2$s the plan, %3$s the
           target, %4$s the difference. */
        return g_strdup_printf (_ ("Gap in %1$s = plan %2$s − target %3$s = %4$s"), when, plan,
                                target, gap);
      }
    case GS_DERIVATION_SUM_OF_LAGS:
      return explain_sum_of_lags (&c, d);
    case GS_DERIVATION_AE_CAPACITY:
      {
        g_autofree char *ramped = number_text (fig_value (d, "ramped"), 2);
        g_autofree char *quota = fig_text (m, d, "quota");
        g_autofree char *attainment = fig_text (m, d, "attainment");
        g_autofree char *capacity = fig_text (m, d, "capacity");
        /* Translators: %1$s the month, %2$s fully-ramped AEs, %3$s the annual
           quota, %4$s the attainment (a percentage), %5$s the capacity. */
        return g_strdup_printf (_ ("AE capacity in %1$s = %2$s ramped AEs × %3$s quota ÷ 12 × %4$s "
                                   "attainment = %5$s"),
                                when, ramped, quota, attainment, capacity);
      }
    case GS_DERIVATION_AE_HEADCOUNT:
      {
        g_autofree char *hired = fig_text (m, d, "hired");
        g_autofree char *on_staff = number_text (fig_value (d, "on_staff"), 2);
        g_autofree char *attrition = fig_text (m, d, "attrition");
        g_autofree char *ramped = number_text (fig_value (d, "ramped"), 2);
        /* Translators: %1$s the month, %2$s AEs hired to date, %3$s expected on
           staff, %4$s the monthly attrition (a percentage), %5$s fully-ramped
           equivalents. */
        return g_strdup_printf (_ ("AEs in %1$s: %2$s hired to date, %3$s expected on staff after "
                                   "%4$s monthly attrition, %5$s fully-ramped equivalents"),
                                when, hired, on_staff, attrition, ramped);
      }
    case GS_DERIVATION_AVERAGE:
      return explain_average (&c, d);
    case GS_DERIVATION_MONTHLY_QUOTA:
      {
        g_autofree char *annual = fig_text (m, d, "annual");
        g_autofree char *monthly = fig_text (m, d, "monthly");
        /* Translators: %1$s the month, %2$s the annual quota, %3$s the month's share of it. */
        return g_strdup_printf (_ ("Quota per AE in %1$s = %2$s annual ÷ 12 = %3$s (cents "
                                   "allocated so months add up to the year)"),
                                when, annual, monthly);
      }
    case GS_DERIVATION_QUOTA_OVER_SPAN:
      return explain_quota_over_span (&c, d);
    case GS_DERIVATION_COVERAGE:
      return explain_coverage (&c, d);
    case GS_DERIVATION_QUOTA_ASSIGNMENT:
      return explain_quota_assignment (&c, d);
    case GS_DERIVATION_PIPELINE_COVERAGE:
      return explain_pipeline_coverage (&c, d);
    case GS_DERIVATION_SDR_CAPACITY:
      {
        g_autofree char *capacity = number_text (fig_value (d, "capacity"), 0);
        g_autofree char *per_sdr = number_text (fig_value (d, "per_sdr"), 0);
        g_autofree char *needed = fig_text (m, d, "needed");
        g_autofree char *stages = stage_count (m, d->stage);
        /* Translators: %1$s the month, %2$s the meetings SDRs can book, %3$s
           meetings per SDR, %4$s a number of the stage %5$s ("SQLs"). */
        return g_strdup_printf (_ ("SDR capacity in %1$s = %2$s meetings a month (productive SDRs "
                                   "× %3$s each); %4$s %5$s needed this month"),
                                when, capacity, per_sdr, needed, stages);
      }
    default:
      return NULL;
    }
}

/* Levers. */

static char *
lever_month (const GsResult *r, const GsLever *l)
{
  guint i = r->n_pre + l->step;
  if (i >= r->n_months)
    return g_strdup ("?");
  return gs_explain_month_short (&r->months[i]);
}

char *
gs_explain_lever (const GsModel *m, const GsResult *r, const GsLever *l)
{
  switch (l->kind)
    {
    case GS_LEVER_LEADS:
      {
        g_autofree char *stages = stage_count (m, l->stage);
        if (l->feasible)
          {
            g_autofree char *extra = count_text ((gint64) llround (l->shown));
            /* Translators: a lever: %1$s more of the stage %2$s ("Leads"). */
            return g_strdup_printf (_ ("+%1$s %2$s"), extra, stages);
          }
        /* Translators: %s a stage as a number of them ("Leads"). */
        return g_strdup_printf (_ ("More %s alone cannot close the gap"), stages);
      }
    case GS_LEVER_RATE:
      if (l->feasible)
        {
          g_autofree char *from = rate_text (l->from);
          g_autofree char *to = rate_text (l->shown);
          /* Translators: a lever: the rate of the step %1$s→%2$s (stage names)
             from %3$s to %4$s (percentages). */
          return g_strdup_printf (_ ("%1$s→%2$s %3$s → %4$s"), stage_name (m, (int) l->step),
                                  stage_name (m, (int) l->step + 1), from, to);
        }
      /* Translators: %1$s→%2$s a step between two stages ("MQL→SQL"). */
      return g_strdup_printf (_ ("%1$s→%2$s alone cannot close the gap"),
                              stage_name (m, (int) l->step), stage_name (m, (int) l->step + 1));
    case GS_LEVER_DEAL:
      if (l->feasible)
        {
          /* The deal size as its field shows it: currency, cents only if any. */
          g_autofree char *from = gs_format_money (gs_money_round (l->from), m->company.digits,
                                                   m->company.currency, GS_MONEY_FORMAT_INPUT);
          g_autofree char *to = gs_format_money (gs_money_round (l->shown), m->company.digits,
                                                 m->company.currency, GS_MONEY_FORMAT_INPUT);
          /* Translators: a lever: the average deal from %1$s to %2$s. */
          return g_strdup_printf (_ ("deal %1$s → %2$s"), from, to);
        }
      return g_strdup (_ ("Larger deals alone cannot close the gap"));
    case GS_LEVER_AES:
      {
        g_autofree char *month = lever_month (r, l);
        if (l->feasible)
          {
            gulong n = (gulong) llround (l->shown);
            g_autofree char *extra = count_text ((gint64) n);
            return g_strdup_printf (
                /* Translators: a lever: %1$s more AEs hired by the month %2$s ("Feb 27"). */
                g_dngettext (GETTEXT_PACKAGE, "+%1$s AE by %2$s", "+%1$s AEs by %2$s", n), extra,
                month);
          }
        /* Translators: %s a month ("Feb 27"). */
        return g_strdup_printf (_ ("More AEs by %s alone cannot close the gap"), month);
      }
    case GS_LEVER_QUOTA_ASSIGNMENT:
      {
        g_autofree char *from = figure_money (m, gs_money_round (l->from));
        g_autofree char *to = figure_money (m, gs_money_round (l->shown));
        g_autofree char *now = rate_text (l->scale);
        g_autofree char *edge = rate_text (l->scale > 1.2 ? 1.2 : 1.1);
        /* Translators: a lever: the quota per AE from %1$s to %2$s (money),
           quota over-assignment from %3$s to %4$s (percentages). */
        return g_strdup_printf (_ ("Quota per AE %1$s → %2$s (over-assignment %3$s → %4$s)"), from,
                                to, now, edge);
      }
    case GS_LEVER_PIPELINE_COVERAGE:
      {
        g_autofree char *extra = figure_money (m, gs_money_round (l->shown));
        g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[l->step]);
        g_autofree char *now = gs_format_multiple (l->scale);
        g_autofree char *need
            = gs_format_multiple ((double) (l->from + l->shown) / (double) MAX (l->reach, 1));
        /* Translators: a lever: %1$s more pipeline (money) open when the quarter
           %2$s ("FY27 Q2") starts, its coverage from %3$s to %4$s ("0.6×"). */
        return g_strdup_printf (_ ("+%1$s pipeline by %2$s (coverage %3$s → %4$s)"), extra, quarter,
                                now, need);
      }
    default:
      return g_strdup ("?");
    }
}

char *
gs_explain_lever_why (const GsModel *m, const GsResult *r, const GsLever *l)
{
  g_autofree char *scale = number_text (l->scale, 4);
  switch (l->kind)
    {
    case GS_LEVER_LEADS:
      if (l->feasible)
        {
          g_autofree char *from = number_text (l->from, 0);
          /* Translators: %1$s the planned volume, %2$s the factor that closes the gap. */
          return g_strdup_printf (_ ("Planned marketing volume %1$s × %2$s closes the gap; every "
                                     "source keeps its rates and lags."),
                                  from, scale);
        }
      return g_strdup (_ ("Even 50× the planned volume leaves the plan short: AE capacity caps "
                          "bookings."));
    case GS_LEVER_RATE:
      if (l->feasible)
        /* Translators: %1$s→%2$s a step between two stages, %3$s the factor. */
        return g_strdup_printf (_ ("Every source's %1$s→%2$s rate × %3$s (at most 100 %%) closes "
                                   "the gap."),
                                stage_name (m, (int) l->step), stage_name (m, (int) l->step + 1),
                                scale);
      {
        g_autofree char *reach = money_text (m, l->reach);
        /* Translators: %s the most the plan can deliver (money). */
        return g_strdup_printf (_ ("Even a 100 %% rate at this step leaves the plan at most %s."),
                                reach);
      }
    case GS_LEVER_DEAL:
      if (l->feasible)
        {
          g_autofree char *to = money_text (m, gs_money_round (l->shown));
          /* Translators: %1$s the average deal that closes the gap, %2$s the
             factor on today's deal. */
          return g_strdup_printf (_ ("An average deal of %1$s (× %2$s) closes the gap."), to,
                                  scale);
        }
      return g_strdup (_ ("Even 20× the deal size leaves the plan short: AE capacity caps "
                          "bookings."));
    case GS_LEVER_AES:
      if (l->feasible)
        {
          gulong n = (gulong) llround (l->shown);
          g_autofree char *extra = count_text ((gint64) n);
          g_autofree char *month = lever_month (r, l);
          g_autofree char *reach = money_text (m, l->reach);
          return g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE,
                           /* Translators: %1$s the number of AEs, %2$s the month ("Feb 27"), %3$s
                              the plan they reach (money). */
                           "%1$s more AE hired in %2$s (ramping as planned) "
                           "lifts the plan to %3$s.",
                           "%1$s more AEs hired in %2$s (ramping as planned) "
                           "lift the plan to %3$s.",
                           n),
              extra, month, reach);
        }
      return g_strdup (_ ("The funnel, not sales capacity, limits bookings: more AEs add no wins "
                          "without more pipeline."));
    case GS_LEVER_QUOTA_ASSIGNMENT:
      {
        g_autofree char *now = rate_text (l->scale);
        g_autofree char *edge = rate_text (l->scale > 1.2 ? 1.2 : 1.1);
        g_autofree char *to = figure_money (m, gs_money_round (l->shown));
        /* Translators: %1$s the quota over-assignment now, %2$s the quota per AE
           that assigns %3$s (the nearer edge of 110–120 %). */
        return g_strdup_printf (_ ("The quotas assigned add up to %1$s of the new-business "
                                   "target, outside the usual 110–120 %%; a quota per AE of %2$s "
                                   "assigns %3$s (the ramped AEs as planned)."),
                                now, to, edge);
      }
    case GS_LEVER_PIPELINE_COVERAGE:
      {
        g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[l->step]);
        g_autofree char *open = figure_money (m, gs_money_round (l->from));
        g_autofree char *target = figure_money (m, l->reach);
        g_autofree char *to = figure_money (m, gs_money_round (l->to));
        g_autofree char *win = rate_text (m->steps[m->n_stages - 2].rate);
        gulong n = (gulong) l->stage;
        return g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         /* Translators: %1$s a quarter ("FY27 Q2"), %2$s the pipeline open at
                            its start, %3$s its new-business target, %4$s the win rate, %5$s the
                            pipeline that covers the target 1 ÷ win rate times, %6$lu how many
                            quarters start short. */
                         "%1$s starts with %2$s of pipeline open against a new-business target "
                         "of %3$s; at a %4$s win rate it takes %5$s (1 ÷ win rate). %6$lu quarter "
                         "starts short.",
                         "%1$s starts with %2$s of pipeline open against a new-business target "
                         "of %3$s; at a %4$s win rate it takes %5$s (1 ÷ win rate). %6$lu quarters "
                         "start short.",
                         n),
            quarter, open, target, win, to, n);
      }
    default:
      return g_strdup ("?");
    }
}

const GsResultWords *
gs_explain_result_words (void)
{
  static const GsResultWords words = {
    .line_name = gs_explain_line_name,
    .lever_summary = gs_explain_lever,
    .lever_why = gs_explain_lever_why,
    .month_label = gs_explain_month_label,
    .month_short = gs_explain_month_short,
    .quarter_label = gs_explain_quarter_label,
  };
  return &words;
}

const char *
gs_explain_signoff_role (const char *role)
{
  if (g_strcmp0 (role, "ceo") == 0)
    return C_ ("role", "CEO");
  if (g_strcmp0 (role, "vp_marketing") == 0)
    return C_ ("role", "VP Marketing");
  if (g_strcmp0 (role, "vp_sales") == 0)
    return C_ ("role", "VP Sales");
  return role;
}
