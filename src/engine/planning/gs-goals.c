/* gs-goals.c — the linked goal sheets: marketing, shared and sales lines,
 * each cell with its derivation: the kind of step and its figures (the
 * text module, src/engine/text, words them).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-compute-private.h"
#include "gs-arena.h"

#include <math.h>
#include <string.h>

/* The plan inputs a derivation names by a path with an index in it, each
 * written once per compute into the result's strings (PATH_OWN_RATE is
 * indexed by source and stage, the others by one index). */
typedef enum
{
  PATH_RATE,          /* funnel.steps[k].rate */
  PATH_OWN_RATE,      /* sources[j].rates.<stage id> */
  PATH_LAG,           /* funnel.steps[k].lag_days */
  PATH_COST_PER_LEAD, /* sources[j].cost_per_lead */
  PATH_SEASONALITY,   /* company.seasonality[i] */
  N_PATHS,
} PathKind;

typedef struct
{
  const GsModel *m;
  GsResult *r;
  const double *frac;
  guint *offsets;
  int *quarter_of;             /* horizon: each plan month's fiscal quarter */
  const char **paths[N_PATHS]; /* filled on first use */
} Ctx;

static const char *
path (Ctx *c, PathKind kind, guint a, guint b)
{
  const GsModel *m = c->m;
  guint i = kind == PATH_OWN_RATE ? a * m->n_stages + b : a;
  if (c->paths[kind][i] == NULL)
    {
      g_autofree char *text = NULL;
      switch (kind)
        {
        case PATH_RATE:
          text = g_strdup_printf ("funnel.steps[%u].rate", a);
          break;
        case PATH_OWN_RATE:
          text = g_strdup_printf ("sources[%u].rates.%s", a, m->stages[b].id);
          break;
        case PATH_LAG:
          text = g_strdup_printf ("funnel.steps[%u].lag_days", a);
          break;
        case PATH_COST_PER_LEAD:
          text = g_strdup_printf ("sources[%u].cost_per_lead", a);
          break;
        case PATH_SEASONALITY:
        default:
          text = g_strdup_printf ("company.seasonality[%u]", a);
          break;
        }
      c->paths[kind][i] = g_string_chunk_insert (c->r->strings, text);
    }
  return c->paths[kind][i];
}

/* Whether more of a line is good news (docs/meeting.md, "Colours say good or
 * bad"): what the plan delivers or can carry is good, what it costs is bad,
 * and what the plan needs (leads to wins, pipeline, bookings) is neither: a
 * larger deal needs fewer wins, which is no bad news. */
static GsDirection
line_direction (GsLineKind kind)
{
  switch (kind)
    {
    case GS_LINE_PLAN:
    case GS_LINE_GAP: /* plan − target: up is a smaller shortfall */
    case GS_LINE_AE_CAPACITY:
    case GS_LINE_SDR_CAPACITY:
    case GS_LINE_COVERAGE:
    case GS_LINE_PIPELINE_COVERAGE:
      return GS_DIRECTION_UP_GOOD;
    case GS_LINE_BUDGET:
    case GS_LINE_COST_PER_HANDOFF:
    case GS_LINE_CYCLE:
      return GS_DIRECTION_UP_BAD;
    case GS_LINE_STAGE:
    case GS_LINE_FOLLOWUP:
    case GS_LINE_PIPELINE:
    case GS_LINE_SOURCED_PIPELINE:
    case GS_LINE_SOURCED_BOOKINGS:
    case GS_LINE_BOOKINGS:
    case GS_LINE_TARGET:
    case GS_LINE_AE_HEADCOUNT:
    case GS_LINE_QUOTA:
    case GS_LINE_QUOTA_ASSIGNMENT:
    default:
      return GS_DIRECTION_NEUTRAL;
    }
}

static GsGoalLine *
new_line (Ctx *c, const char *id, GsLineKind kind, int stage, GsSide side, GsUnit unit,
          const char *input)
{
  GsGoalLine *line = g_new0 (GsGoalLine, 1);
  line->id = g_strdup (id);
  line->kind = kind;
  line->stage = stage;
  line->side = side;
  line->unit = unit;
  line->direction = line_direction (kind);
  line->input_path = g_strdup (input);
  line->months = g_new0 (GsCell, c->r->n_months);
  line->quarters = g_new0 (GsCell, c->r->n_quarters);
  g_ptr_array_add (c->r->lines, line);
  return line;
}

static void
set_amount (GsCell *cell, gint64 amount)
{
  cell->amount = amount;
  cell->value = (double) amount;
}

static void
set_value (GsCell *cell, double value)
{
  cell->amount = (gint64) llround (value);
  cell->value = value;
}

/* The structured derivation of a cell (gs-result.h); the text module words it. */
static GsDerivation *
derive (GsCell *cell, GsDerivationKind kind, int month, int quarter)
{
  GsDerivation *d = &cell->derivation;
  /* What it held stays in the result's arena until the result goes; the
   * figures past n_figures are never read, so they are not cleared. */
  d->kind = kind;
  d->source = -1;
  d->stage = -1;
  d->month = month;
  d->quarter = quarter;
  d->input_path = NULL;
  d->n_figures = 0;
  d->n_parts = 0;
  d->parts = NULL;
  return d;
}

static GsDerivation *
add_part (Ctx *c, GsDerivation *d, GsDerivationKind kind, int source, int stage)
{
  GsDerivation *part;
  /* Parts are added one after the other to the derivation being built, so
   * the arena grows the list in place. */
  d->parts = gs_arena_grow (c->r->arena, d->parts, sizeof (GsDerivation) * d->n_parts,
                            sizeof (GsDerivation) * (d->n_parts + 1));
  part = &d->parts[d->n_parts++];
  part->kind = kind;
  part->source = source;
  part->stage = stage;
  part->month = d->month;
  part->quarter = d->quarter;
  part->input_path = NULL;
  part->n_figures = 0;
  part->n_parts = 0;
  part->parts = NULL;
  return part;
}

static void
fig (GsDerivation *d, const char *name, GsUnit unit, double value)
{
  GsQuantity *f;
  g_return_if_fail (d->n_figures < GS_DERIVATION_MAX_FIGURES);
  f = &d->figures[d->n_figures++];
  f->name = name;
  f->unit = unit;
  f->value = value;
  f->amount = (unit == GS_UNIT_COUNT || unit == GS_UNIT_MONEY) ? (gint64) llround (value) : 0;
}

static void
fig_int (GsDerivation *d, const char *name, GsUnit unit, gint64 amount)
{
  fig (d, name, unit, (double) amount);
  d->figures[d->n_figures - 1].amount = amount;
}

/* Quarters, total and the months before the plan for a line of counts or
 * money: plain sums, so monthly goals always add up to the annual ones. */
static void
sum_up (Ctx *c, GsGoalLine *line)
{
  GsResult *r = c->r;
  gint64 before = 0, total = 0;
  g_autofree gint64 *q = g_new0 (gint64, r->n_quarters);
  GsDerivation *d;

  for (guint i = 0; i < r->n_pre; i++)
    before += line->months[i].amount;
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      gint64 v = line->months[r->n_pre + mo].amount;
      total += v;
      q[c->quarter_of[mo]] += v;
    }
  for (guint qi = 0; qi < r->n_quarters; qi++)
    {
      set_amount (&line->quarters[qi], q[qi]);
      d = derive (&line->quarters[qi], GS_DERIVATION_SUM_OF_MONTHS, -1, (int) qi);
      fig_int (d, "sum", line->unit, q[qi]);
      /* Its months, so the popover breaks the quarter down. */
      for (guint mo = 0; mo < r->horizon; mo++)
        if (c->quarter_of[mo] == (int) qi)
          {
            GsDerivation *part = add_part (c, d, GS_DERIVATION_PART_OF_SUM, -1, -1);
            part->month = (int) (r->n_pre + mo);
            part->quarter = -1;
            fig_int (part, "sum", line->unit, line->months[r->n_pre + mo].amount);
          }
    }
  set_amount (&line->total, total);
  d = derive (&line->total, GS_DERIVATION_SUM_OF_MONTHS, -1, -1);
  fig_int (d, "sum", line->unit, total);
  fig_int (d, "months", GS_UNIT_NUMBER, r->horizon);
  /* Its quarters (a source line adds its sources: by_source). */
  for (guint qi = 0; qi < r->n_quarters; qi++)
    {
      GsDerivation *part = add_part (c, d, GS_DERIVATION_PART_OF_SUM, -1, -1);
      part->quarter = (int) qi;
      fig_int (part, "sum", line->unit, q[qi]);
    }
  set_amount (&line->before, before);
  d = derive (&line->before, GS_DERIVATION_BEFORE_PLAN, -1, -1);
  fig_int (d, "sum", line->unit, before);
  set_amount (&line->after, 0);
  derive (&line->after, GS_DERIVATION_NONE, -1, -1);
}

/* The after cell of a line: of its plan months' figures, `after` feeds
 * bookings after the plan (the continuation, docs/derivations.md). */
static void
after_cell (Ctx *c, GsGoalLine *line, gint64 after)
{
  GsDerivation *d;
  if (c->r->n_post == 0)
    return; /* no lag: nothing in the plan feeds bookings after it */
  set_amount (&line->after, after);
  d = derive (&line->after, GS_DERIVATION_AFTER_PLAN, -1, -1);
  d->input_path = "company.target.after_plan_growth";
  fig_int (d, "sum", line->unit, after);
  fig (d, "growth", GS_UNIT_PERCENT, c->m->company.after_plan_growth);
  fig_int (d, "months", GS_UNIT_NUMBER, c->r->n_post);
}

/* Volume of source j at stage k in placed month idx, after the plan too. */
static gint64
needed_at (const GsResult *r, guint j, guint k, guint idx)
{
  if (idx < r->n_months)
    return r->needed[GS_IDX (r, j, k, idx)];
  return r->needed_post[((gsize) j * r->n_stages + k) * r->n_post + idx - r->n_months];
}

/* One source's part of stage k in placed month idx. */
static void
source_stage_part (Ctx *c, GsDerivation *d, guint j, guint k, guint idx)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  const GsSource *src = &m->sources[j];
  gint64 n = r->needed[GS_IDX (r, j, k, idx)];
  double frac = c->frac[GS_IDX (r, j, k, idx)];
  int mo = (int) idx - (int) r->n_pre + (int) c->offsets[k]; /* win month it feeds */
  GsDerivation *p;

  if (k == m->n_stages - 1)
    {
      p = add_part (c, d, GS_DERIVATION_DIVIDE_BY_DEAL, (int) j, (int) k);
      p->input_path = "funnel.deal_size";
      fig_int (p, "needed", GS_UNIT_COUNT, n);
      fig (p, "exact", GS_UNIT_NUMBER, frac);
      fig_int (p, "target", GS_UNIT_MONEY, gs_money_round (frac * (double) m->deal_size));
      fig (p, "share", GS_UNIT_PERCENT, src->share);
      fig_int (p, "deal_size", GS_UNIT_MONEY, m->deal_size);
    }
  else
    {
      guint next_idx = (guint) ((int) r->n_pre + mo - (int) c->offsets[k + 1]);
      p = add_part (c, d, GS_DERIVATION_DIVIDE_BY_RATE, (int) j, (int) k);
      p->input_path
          = src->rate_is_own[k] ? path (c, PATH_OWN_RATE, j, k) : path (c, PATH_RATE, k, 0);
      fig_int (p, "needed", GS_UNIT_COUNT, n);
      fig (p, "exact", GS_UNIT_NUMBER, frac);
      fig_int (p, "next", GS_UNIT_COUNT, needed_at (r, j, k + 1, next_idx));
      fig_int (p, "next_month", GS_UNIT_NUMBER, (gint64) next_idx - (gint64) r->n_pre);
      fig (p, "rate", GS_UNIT_PERCENT, src->rates[k]);
      fig (p, "lag_days", GS_UNIT_DAYS, m->steps[k].lag_days);
    }
}

/* The plan total's share of each source that feeds the stage line: parts
 * of its SUM_OF_MONTHS after the quarters, summing to the total exactly. */
static void
by_source (Ctx *c, GsGoalLine *line, guint k, gboolean marketing_only)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  for (guint j = 0; j < m->n_sources; j++)
    {
      gint64 sum = 0;
      GsDerivation *part;
      if ((marketing_only && m->sources[j].owner != GS_OWNER_MARKETING)
          || m->sources[j].entry_stage > k)
        continue;
      for (guint mo = 0; mo < r->horizon; mo++)
        sum += r->needed[GS_IDX (r, j, k, r->n_pre + mo)];
      part = add_part (c, &line->total.derivation, GS_DERIVATION_PART_OF_SUM, (int) j, (int) k);
      part->quarter = -1;
      fig_int (part, "sum", line->unit, sum);
    }
}

/* A line of stage volumes over the sources that pass filter. */
static GsGoalLine *
stage_line (Ctx *c, const char *id, GsLineKind kind, GsSide side, guint k, gboolean marketing_only,
            const char *input)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *line = new_line (c, id, kind, (int) k, side, GS_UNIT_COUNT, input);
  gint64 after = 0;

  for (guint i = 0; i < r->n_months; i++)
    {
      gint64 total = 0;
      GsDerivation *d = derive (&line->months[i], GS_DERIVATION_SUM_OF_SOURCES, (int) i, -1);
      d->stage = (int) k;
      for (guint j = 0; j < m->n_sources; j++)
        {
          if (marketing_only && m->sources[j].owner != GS_OWNER_MARKETING)
            continue;
          if (m->sources[j].entry_stage > k)
            continue;
          total += r->needed[GS_IDX (r, j, k, i)];
          if (r->needed[GS_IDX (r, j, k, i)] > 0 || c->frac[GS_IDX (r, j, k, i)] > 0)
            source_stage_part (c, d, j, k, i);
        }
      set_amount (&line->months[i], total);
      fig_int (d, "sum", GS_UNIT_COUNT, total);
      if (i >= r->n_pre && gs_result_feeds_after (r, k, i))
        after += total;
    }
  sum_up (c, line);
  by_source (c, line, k, marketing_only);
  after_cell (c, line, after);
  return line;
}

/* Money = a stage's count × deal size, over the sources that pass. */
static GsGoalLine *
value_line (Ctx *c, const char *id, GsLineKind kind, GsSide side, guint k, gboolean marketing_only)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *line = new_line (c, id, kind, -1, side, GS_UNIT_MONEY, "funnel.deal_size");
  GsMoney after = 0;

  for (guint i = 0; i < r->n_months; i++)
    {
      gint64 n = 0;
      GsDerivation *d;
      for (guint j = 0; j < m->n_sources; j++)
        if ((!marketing_only || m->sources[j].owner == GS_OWNER_MARKETING)
            && m->sources[j].entry_stage <= k)
          n += r->needed[GS_IDX (r, j, k, i)];
      set_amount (&line->months[i], n * m->deal_size);
      d = derive (&line->months[i], GS_DERIVATION_TIMES_DEAL, (int) i, -1);
      d->stage = (int) k;
      d->input_path = "funnel.deal_size";
      fig_int (d, "volume", GS_UNIT_COUNT, n);
      fig_int (d, "deal_size", GS_UNIT_MONEY, m->deal_size);
      fig_int (d, "value", GS_UNIT_MONEY, n * m->deal_size);
      fig_int (d, "marketing_only", GS_UNIT_NUMBER, marketing_only);
      if (i >= r->n_pre && gs_result_feeds_after (r, k, i))
        after += n * m->deal_size;
    }
  sum_up (c, line);
  after_cell (c, line, after);
  return line;
}

/* Budget ÷ the hand-off volume, for a month, a quarter or the plan. */
static void
cost_cell (GsCell *cell, GsMoney budget, gint64 n, guint handoff, int month, int quarter)
{
  GsMoney v = n > 0 ? gs_money_round ((double) budget / (double) n) : 0;
  GsDerivation *d = derive (cell, GS_DERIVATION_COST_PER_UNIT, month, quarter);
  set_amount (cell, v);
  d->stage = (int) handoff;
  fig_int (d, "budget", GS_UNIT_MONEY, budget);
  fig_int (d, "volume", GS_UNIT_COUNT, n);
  fig_int (d, "cost", GS_UNIT_MONEY, v);
}

static void
marketing_lines (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *budget, *cost;
  const GsGoalLine *handoff_line = NULL;
  gboolean any_marketing = FALSE;
  GsMoney after = 0;

  for (guint j = 0; j < m->n_sources; j++)
    any_marketing |= m->sources[j].owner == GS_OWNER_MARKETING;

  for (guint k = 0; k <= m->handoff; k++)
    {
      g_autofree char *id = g_strdup_printf ("marketing.stage.%s", m->stages[k].id);
      /* A stage's need is driven most directly by its outgoing rate. */
      g_autofree char *input = g_strdup_printf ("funnel.steps[%u].rate", k);
      const GsGoalLine *line
          = stage_line (c, id, GS_LINE_STAGE, GS_SIDE_MARKETING, k, any_marketing, input);
      if (k == m->handoff)
        handoff_line = line;
    }
  value_line (c, "marketing.sourced_pipeline", GS_LINE_SOURCED_PIPELINE, GS_SIDE_MARKETING,
              m->n_stages - 2, any_marketing);
  value_line (c, "marketing.sourced_bookings", GS_LINE_SOURCED_BOOKINGS, GS_SIDE_MARKETING,
              m->n_stages - 1, any_marketing);

  budget = new_line (c, "marketing.budget", GS_LINE_BUDGET, -1, GS_SIDE_MARKETING, GS_UNIT_MONEY,
                     "sources[0].cost_per_lead");
  for (guint i = 0; i < r->n_months; i++)
    {
      GsMoney total = 0;
      GsDerivation *d = derive (&budget->months[i], GS_DERIVATION_BUDGET, (int) i, -1);
      for (guint j = 0; j < m->n_sources; j++)
        {
          const GsSource *src = &m->sources[j];
          gint64 n;
          GsMoney spend;
          if (src->owner != GS_OWNER_MARKETING)
            continue;
          n = r->needed[GS_IDX (r, j, src->entry_stage, i)];
          spend = n * src->cost_per_lead;
          total += spend;
          if (i >= r->n_pre && gs_result_feeds_after (r, src->entry_stage, i))
            after += spend;
          if (n > 0)
            {
              GsDerivation *p
                  = add_part (c, d, GS_DERIVATION_TIMES_COST, (int) j, (int) src->entry_stage);
              p->input_path = path (c, PATH_COST_PER_LEAD, j, 0);
              fig_int (p, "volume", GS_UNIT_COUNT, n);
              fig_int (p, "cost_per_lead", GS_UNIT_MONEY, src->cost_per_lead);
              fig_int (p, "spend", GS_UNIT_MONEY, spend);
            }
        }
      set_amount (&budget->months[i], total);
      fig_int (d, "sum", GS_UNIT_MONEY, total);
    }
  sum_up (c, budget);
  after_cell (c, budget, after);
  r->budget_total = budget->total.amount + budget->before.amount;

  {
    cost = new_line (c, "marketing.cost_per_handoff", GS_LINE_COST_PER_HANDOFF, (int) m->handoff,
                     GS_SIDE_MARKETING, GS_UNIT_MONEY, "sources[0].cost_per_lead");
    for (guint i = 0; i < r->n_months; i++)
      cost_cell (&cost->months[i], budget->months[i].amount, handoff_line->months[i].amount,
                 m->handoff, (int) i, -1);
    for (guint qi = 0; qi < r->n_quarters; qi++)
      cost_cell (&cost->quarters[qi], budget->quarters[qi].amount,
                 handoff_line->quarters[qi].amount, m->handoff, -1, (int) qi);
    /* Over the plan, including the volume needed before it starts. */
    cost_cell (&cost->total, r->budget_total,
               handoff_line->total.amount + handoff_line->before.amount, m->handoff, -1, -1);
    set_amount (&cost->before, 0);
    derive (&cost->before, GS_DERIVATION_NONE, -1, -1);
  }
}

static void
not_in_plan (GsCell *cell, guint i)
{
  set_amount (cell, 0);
  derive (cell, GS_DERIVATION_NOT_IN_PLAN, (int) i, -1);
}

/* A ratio line's cells, one period at a time: every month of the line, then
 * every quarter, then the plan.  period_next marks a month before the plan
 * "not in plan" and skips it; otherwise it says which plan months (0-based)
 * the period covers through period_has. */
typedef struct
{
  guint p; /* 0 … n_months + n_quarters */
  GsCell *cell;
  int month;   /* index into the result's months, or -1 */
  int quarter; /* fiscal quarter, or -1; both -1: the plan */
  guint first; /* index (n_pre based) of the period's first month */
} Period;

static gboolean
period_next (Ctx *c, GsGoalLine *line, Period *at)
{
  GsResult *r = c->r;
  for (; at->p <= r->n_months + r->n_quarters; at->p++)
    {
      guint p = at->p;
      if (p < r->n_pre)
        {
          not_in_plan (&line->months[p], p);
          continue;
        }
      at->month = p < r->n_months ? (int) p : -1;
      at->quarter
          = p >= r->n_months && p - r->n_months < r->n_quarters ? (int) (p - r->n_months) : -1;
      at->cell = p < r->n_months    ? &line->months[p]
                 : at->quarter >= 0 ? &line->quarters[at->quarter]
                                    : &line->total;
      at->first = p < r->n_months ? p : G_MAXUINT;
      for (guint mo = 0; p >= r->n_months && mo < r->horizon; mo++)
        if (at->quarter < 0 || c->quarter_of[mo] == at->quarter)
          at->first = MIN (at->first, r->n_pre + mo);
      if (at->first == G_MAXUINT)
        at->first = r->n_pre;
      at->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
period_has (Ctx *c, const Period *at, guint mo)
{
  if (at->month >= 0)
    return mo + c->r->n_pre == (guint) at->month;
  return at->quarter < 0 || c->quarter_of[mo] == at->quarter;
}

/* Pipeline coverage (docs/derivations.md): the pipeline still open when a
 * month, quarter or the plan starts ÷ that period's new-business target,
 * read against 1 ÷ the win rate.  Opportunities reached in month s close in
 * s + L, L the last step's lag in whole months (the funnel's placement), so
 * the pipeline open at the start of month t is what was reached in
 * t - L … t - 1, before the plan included. */
static void
pipeline_coverage_line (Ctx *c, const GsGoalLine *pipeline)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  guint lag = c->offsets[m->n_stages - 2];
  double win = m->steps[m->n_stages - 2].rate;
  double needed = win > 0 ? 1.0 / win : 0;
  g_autofree char *input = g_strdup_printf ("funnel.steps[%u].lag_days", m->n_stages - 2);
  GsGoalLine *line = new_line (c, "shared.pipeline_coverage", GS_LINE_PIPELINE_COVERAGE, -1,
                               GS_SIDE_SHARED, GS_UNIT_MULTIPLE, input);
  Period at = { 0 };

  while (period_next (c, line, &at))
    {
      GsMoney open = 0, nb = 0;
      GsDerivation *d;
      double coverage;

      for (guint mo = 0; mo < r->horizon; mo++)
        if (period_has (c, &at, mo))
          nb += r->new_business_month[mo];
      for (guint s = at.first >= lag ? at.first - lag : 0; s < at.first; s++)
        open += pipeline->months[s].amount;
      coverage = nb ? (double) open / (double) nb : 0;
      set_value (at.cell, coverage);
      d = derive (at.cell, GS_DERIVATION_PIPELINE_COVERAGE, at.month, at.quarter);
      d->input_path = line->input_path;
      fig_int (d, "open", GS_UNIT_MONEY, open);
      fig_int (d, "new_business", GS_UNIT_MONEY, nb);
      fig (d, "coverage", GS_UNIT_MULTIPLE, coverage);
      fig (d, "needed", GS_UNIT_MULTIPLE, needed);
      fig (d, "win_rate", GS_UNIT_PERCENT, win);
      fig_int (d, "lag_months", GS_UNIT_NUMBER, lag);
    }
  set_value (&line->before, 0);
  derive (&line->before, GS_DERIVATION_NONE, -1, -1);
}

static void
shared_lines (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *target, *plan, *gap, *cycle;
  double wsum = 0;

  for (guint i = 0; i < 12; i++)
    wsum += m->company.seasonality[i];

  target = new_line (c, "shared.target", GS_LINE_TARGET, -1, GS_SIDE_SHARED, GS_UNIT_MONEY,
                     m->company.target_mode == GS_TARGET_GROWTH ? "company.target.growth"
                                                                : "company.target.amount");
  plan = new_line (c, "shared.plan", GS_LINE_PLAN, -1, GS_SIDE_SHARED, GS_UNIT_MONEY,
                   "sources[0].planned_volume");
  gap = new_line (c, "shared.gap", GS_LINE_GAP, -1, GS_SIDE_SHARED, GS_UNIT_MONEY, NULL);
  for (guint i = 0; i < r->n_months; i++)
    {
      guint mo;
      GsMoney t, nb, p;
      GsDerivation *d;
      if (i < r->n_pre)
        {
          not_in_plan (&target->months[i], i);
          not_in_plan (&plan->months[i], i);
          not_in_plan (&gap->months[i], i);
          continue;
        }
      mo = i - r->n_pre;
      t = r->target_month[mo];
      nb = r->new_business_month[mo];
      p = r->plan_month[mo];

      set_amount (&target->months[i], t);
      d = derive (&target->months[i], GS_DERIVATION_SPLIT_BY_SEASONALITY, (int) i, -1);
      d->input_path = path (c, PATH_SEASONALITY, mo % 12, 0);
      fig_int (d, "target", GS_UNIT_MONEY, t);
      fig_int (d, "new_business", GS_UNIT_MONEY, nb);
      fig_int (d, "existing", GS_UNIT_MONEY, t - nb);
      fig (d, "weight", GS_UNIT_NUMBER, m->company.seasonality[mo % 12]);
      fig (d, "weights", GS_UNIT_NUMBER, wsum);

      set_amount (&plan->months[i], p);
      d = derive (&plan->months[i], GS_DERIVATION_CAPACITY_CAP, (int) i, -1);
      fig_int (d, "existing", GS_UNIT_MONEY, t - nb);
      fig_int (d, "projected", GS_UNIT_MONEY, r->projected_bookings[mo]);
      fig_int (d, "capacity", GS_UNIT_MONEY, r->ae_capacity[mo]);
      fig_int (d, "backlog_in", GS_UNIT_MONEY, mo ? r->backlog_month[mo - 1] : 0);
      fig_int (d, "backlog_out", GS_UNIT_MONEY, r->backlog_month[mo]);
      fig_int (d, "plan", GS_UNIT_MONEY, p);

      set_amount (&gap->months[i], p - t);
      d = derive (&gap->months[i], GS_DERIVATION_GAP, (int) i, -1);
      fig_int (d, "plan", GS_UNIT_MONEY, p);
      fig_int (d, "target", GS_UNIT_MONEY, t);
      fig_int (d, "gap", GS_UNIT_MONEY, p - t);
    }
  sum_up (c, target);
  sum_up (c, plan);
  sum_up (c, gap);

  pipeline_coverage_line (c, value_line (c, "shared.pipeline", GS_LINE_PIPELINE, GS_SIDE_SHARED,
                                         m->n_stages - 2, FALSE));
  value_line (c, "shared.bookings", GS_LINE_BOOKINGS, GS_SIDE_SHARED, m->n_stages - 1, FALSE);

  cycle = new_line (c, "shared.cycle", GS_LINE_CYCLE, -1, GS_SIDE_SHARED, GS_UNIT_DAYS,
                    "funnel.steps[0].lag_days");
  for (guint i = 0; i < r->n_months + r->n_quarters + 1; i++)
    {
      GsCell *cell = i < r->n_months                   ? &cycle->months[i]
                     : i < r->n_months + r->n_quarters ? &cycle->quarters[i - r->n_months]
                                                       : &cycle->total;
      GsDerivation *d = derive (
          cell, GS_DERIVATION_SUM_OF_LAGS, i < r->n_months ? (int) i : -1,
          i >= r->n_months && i < r->n_months + r->n_quarters ? (int) (i - r->n_months) : -1);
      set_value (cell, r->cycle_days);
      for (guint k = 0; k + 1 < m->n_stages; k++)
        {
          GsDerivation *p = add_part (c, d, GS_DERIVATION_LAG, -1, (int) k);
          p->input_path = path (c, PATH_LAG, k, 0);
          fig (p, "lag_days", GS_UNIT_DAYS, m->steps[k].lag_days);
        }
      fig (d, "days", GS_UNIT_DAYS, r->cycle_days);
    }
  set_value (&cycle->before, 0);
  derive (&cycle->before, GS_DERIVATION_NONE, -1, -1);
}

/* Quota over-assignment (docs/derivations.md): the quota carried by the
 * ramped AEs ÷ the new-business target, typically 110–120 %; at the expected
 * attainment it is the AE capacity, so the derivation carries both. */
static void
quota_assignment_line (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *line = new_line (c, "sales.quota_assignment", GS_LINE_QUOTA_ASSIGNMENT, -1,
                               GS_SIDE_SALES, GS_UNIT_PERCENT, "capacity.ae.quota");
  g_autofree GsMoney *assigned = g_new0 (GsMoney, r->horizon);
  Period at = { 0 };

  for (guint mo = 0; mo < r->horizon; mo++)
    assigned[mo] = gs_money_round (r->ae_ramped[mo] * ((double) m->ae.quota / 12.0));
  while (period_next (c, line, &at))
    {
      GsMoney quota = 0, nb = 0, capacity = 0;
      GsDerivation *d;
      double share;

      for (guint mo = 0; mo < r->horizon; mo++)
        if (period_has (c, &at, mo))
          {
            quota += assigned[mo];
            nb += r->new_business_month[mo];
            capacity += r->ae_capacity[mo];
          }
      share = nb ? (double) quota / (double) nb : 0;
      set_value (at.cell, share);
      d = derive (at.cell, GS_DERIVATION_QUOTA_ASSIGNMENT, at.month, at.quarter);
      d->input_path = "capacity.ae.quota";
      fig_int (d, "assigned", GS_UNIT_MONEY, quota);
      fig_int (d, "new_business", GS_UNIT_MONEY, nb);
      fig (d, "assignment", GS_UNIT_PERCENT, share);
      fig (d, "attainment", GS_UNIT_PERCENT, m->ae.attainment);
      fig_int (d, "capacity", GS_UNIT_MONEY, capacity);
      fig (d, "coverage", GS_UNIT_PERCENT, nb ? (double) capacity / (double) nb : 0);
    }
  set_value (&line->before, 0);
  derive (&line->before, GS_DERIVATION_NONE, -1, -1);
}

static void
sales_lines (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *cap, *aes, *sdr, *quota, *coverage;
  GsMoney monthly_quota[12];

  /* The months rule: every plan year's months add up to the annual quota and
   * each quarter to a quarter of it (gs_money_split_year). */
  gs_money_split_year (m->ae.quota, NULL, monthly_quota);

  {
    g_autofree char *id = g_strdup_printf ("sales.followup.%s", m->stages[m->handoff].id);
    stage_line (c, id, GS_LINE_FOLLOWUP, GS_SIDE_SALES, m->handoff, FALSE,
                "agreements.followup_sla_hours");
  }
  for (guint k = m->handoff + 1; k < m->n_stages; k++)
    {
      g_autofree char *id = g_strdup_printf ("sales.stage.%s", m->stages[k].id);
      g_autofree char *input = g_strdup_printf ("funnel.steps[%u].rate", k - 1);
      stage_line (c, id, GS_LINE_STAGE, GS_SIDE_SALES, k, FALSE, input);
    }

  cap = new_line (c, "sales.ae_capacity", GS_LINE_AE_CAPACITY, -1, GS_SIDE_SALES, GS_UNIT_MONEY,
                  "capacity.ae.quota");
  aes = new_line (c, "sales.ae_headcount", GS_LINE_AE_HEADCOUNT, -1, GS_SIDE_SALES, GS_UNIT_NUMBER,
                  "capacity.ae.start_headcount");
  quota = new_line (c, "sales.quota", GS_LINE_QUOTA, -1, GS_SIDE_SALES, GS_UNIT_MONEY,
                    "capacity.ae.quota");
  coverage = new_line (c, "sales.coverage", GS_LINE_COVERAGE, -1, GS_SIDE_SALES, GS_UNIT_PERCENT,
                       "capacity.ae.start_headcount");
  quota_assignment_line (c);
  sdr = new_line (c, "sales.sdr_capacity", GS_LINE_SDR_CAPACITY, -1, GS_SIDE_SALES, GS_UNIT_NUMBER,
                  "capacity.sdr.sqls_per_month");
  for (guint i = 0; i < r->n_months; i++)
    {
      guint mo;
      double cov;
      GsDerivation *d;
      if (i < r->n_pre)
        {
          not_in_plan (&cap->months[i], i);
          not_in_plan (&aes->months[i], i);
          not_in_plan (&quota->months[i], i);
          not_in_plan (&coverage->months[i], i);
          not_in_plan (&sdr->months[i], i);
          continue;
        }
      mo = i - r->n_pre;
      cov = r->new_business_month[mo]
                ? (double) r->ae_capacity[mo] / (double) r->new_business_month[mo]
                : 0;

      set_amount (&cap->months[i], r->ae_capacity[mo]);
      d = derive (&cap->months[i], GS_DERIVATION_AE_CAPACITY, (int) i, -1);
      d->input_path = "capacity.ae.quota";
      fig (d, "ramped", GS_UNIT_NUMBER, r->ae_ramped[mo]);
      fig_int (d, "quota", GS_UNIT_MONEY, m->ae.quota);
      fig (d, "attainment", GS_UNIT_PERCENT, m->ae.attainment);
      fig_int (d, "capacity", GS_UNIT_MONEY, r->ae_capacity[mo]);

      set_value (&aes->months[i], r->ae_headcount[mo]);
      d = derive (&aes->months[i], GS_DERIVATION_AE_HEADCOUNT, (int) i, -1);
      d->input_path = "capacity.ae.hires";
      fig_int (d, "hired", GS_UNIT_COUNT, r->ae_hired[mo]);
      fig (d, "on_staff", GS_UNIT_NUMBER, r->ae_headcount[mo]);
      fig (d, "attrition", GS_UNIT_PERCENT, m->ae.attrition);
      fig (d, "ramped", GS_UNIT_NUMBER, r->ae_ramped[mo]);

      set_amount (&quota->months[i], monthly_quota[mo % 12]);
      d = derive (&quota->months[i], GS_DERIVATION_MONTHLY_QUOTA, (int) i, -1);
      d->input_path = "capacity.ae.quota";
      fig_int (d, "annual", GS_UNIT_MONEY, m->ae.quota);
      fig_int (d, "monthly", GS_UNIT_MONEY, monthly_quota[mo % 12]);

      set_value (&coverage->months[i], cov);
      d = derive (&coverage->months[i], GS_DERIVATION_COVERAGE, (int) i, -1);
      fig_int (d, "capacity", GS_UNIT_MONEY, r->ae_capacity[mo]);
      fig_int (d, "new_business", GS_UNIT_MONEY, r->new_business_month[mo]);
      fig (d, "coverage", GS_UNIT_PERCENT, cov);

      set_value (&sdr->months[i], r->sdr_capacity[mo]);
      d = derive (&sdr->months[i], GS_DERIVATION_SDR_CAPACITY, (int) i, -1);
      d->input_path = "capacity.sdr.sqls_per_month";
      d->stage = (int) m->handoff + 1;
      fig (d, "capacity", GS_UNIT_NUMBER, r->sdr_capacity[mo]);
      fig (d, "per_sdr", GS_UNIT_NUMBER, m->sdr.sqls_per_month);
      fig_int (d, "needed", GS_UNIT_COUNT, r->sqls_needed[mo]);
    }
  sum_up (c, cap);
  /* Non-summable lines: quarters and totals are averages or ratios. */
  for (guint qi = 0; qi <= r->n_quarters; qi++)
    {
      double hc = 0, sdr_sum = 0;
      GsMoney capsum = 0, nb = 0;
      guint n = 0;
      int quarter = qi < r->n_quarters ? (int) qi : -1;
      GsCell *aes_cell = qi < r->n_quarters ? &aes->quarters[qi] : &aes->total;
      GsCell *cov_cell = qi < r->n_quarters ? &coverage->quarters[qi] : &coverage->total;
      GsCell *sdr_cell = qi < r->n_quarters ? &sdr->quarters[qi] : &sdr->total;
      GsCell *quota_cell = qi < r->n_quarters ? &quota->quarters[qi] : &quota->total;
      double cov;
      GsMoney q = 0;
      GsDerivation *d;

      for (guint mo = 0; mo < r->horizon; mo++)
        if (qi == r->n_quarters || (guint) c->quarter_of[mo] == qi)
          {
            hc += r->ae_headcount[mo];
            sdr_sum += r->sdr_capacity[mo];
            capsum += r->ae_capacity[mo];
            nb += r->new_business_month[mo];
            q += monthly_quota[mo % 12];
            n++;
          }
      cov = nb ? (double) capsum / (double) nb : 0;

      set_value (aes_cell, n ? hc / n : 0);
      d = derive (aes_cell, GS_DERIVATION_AVERAGE, -1, quarter);
      fig (d, "average", GS_UNIT_NUMBER, n ? hc / n : 0);
      fig_int (d, "months", GS_UNIT_NUMBER, n);

      set_value (cov_cell, cov);
      d = derive (cov_cell, GS_DERIVATION_COVERAGE, -1, quarter);
      fig_int (d, "capacity", GS_UNIT_MONEY, capsum);
      fig_int (d, "new_business", GS_UNIT_MONEY, nb);
      fig (d, "coverage", GS_UNIT_PERCENT, cov);

      set_value (sdr_cell, sdr_sum);
      d = derive (sdr_cell, GS_DERIVATION_SUM_OF_MONTHS, -1, quarter);
      fig (d, "sum", GS_UNIT_NUMBER, sdr_sum);
      fig_int (d, "months", GS_UNIT_NUMBER, n);

      set_amount (quota_cell, q);
      d = derive (quota_cell, GS_DERIVATION_QUOTA_OVER_SPAN, -1, quarter);
      d->input_path = "capacity.ae.quota";
      fig_int (d, "months", GS_UNIT_NUMBER, n);
      fig_int (d, "quota", GS_UNIT_MONEY, q);
    }
  set_value (&aes->before, 0);
  derive (&aes->before, GS_DERIVATION_NONE, -1, -1);
  set_value (&coverage->before, 0);
  derive (&coverage->before, GS_DERIVATION_NONE, -1, -1);
  set_value (&sdr->before, 0);
  derive (&sdr->before, GS_DERIVATION_NONE, -1, -1);
  set_amount (&quota->before, 0);
  derive (&quota->before, GS_DERIVATION_NONE, -1, -1);
}

void
gs_compute_lines (const GsModel *m, GsResult *r, const double *frac)
{
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  g_autofree int *quarter_of = g_new (int, r->horizon);
  guint n_paths[N_PATHS]
      = { m->n_stages, m->n_sources * m->n_stages, m->n_stages, m->n_sources, 12 };
  Ctx c = { m, r, frac, offsets, quarter_of, { NULL } };

  gs_funnel_offsets (m, offsets);
  for (guint mo = 0; mo < r->horizon; mo++)
    quarter_of[mo] = gs_model_fiscal_quarter (m, (int) mo);
  for (guint i = 0; i < N_PATHS; i++)
    c.paths[i] = g_new0 (const char *, MAX (n_paths[i], 1));
  r->lines = g_ptr_array_new ();
  marketing_lines (&c);
  shared_lines (&c);
  sales_lines (&c);
  for (guint i = 0; i < N_PATHS; i++)
    g_free (c.paths[i]);
}
