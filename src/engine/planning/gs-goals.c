/* gs-goals.c — the linked goal sheets: marketing, shared and sales lines,
 * each cell with its derivation in words and arithmetic.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-compute-private.h"
#include "gs-format.h"

#include <math.h>
#include <string.h>

typedef struct
{
  const GsModel *m;
  GsResult *r;
  const double *frac;
  guint *offsets;
} Ctx;

static GsGoalLine *
new_line (Ctx *c, const char *id, const char *label, GsSide side, GsUnit unit, const char *input)
{
  GsGoalLine *line = g_new0 (GsGoalLine, 1);
  line->id = g_strdup (id);
  line->label = g_strdup (label);
  line->side = side;
  line->unit = unit;
  line->input_path = g_strdup (input);
  line->months = g_new0 (GsCell, c->r->n_months);
  line->quarters = g_new0 (GsCell, c->r->n_quarters);
  g_ptr_array_add (c->r->lines, line);
  return line;
}

static void
set_amount (GsCell *cell, gint64 amount, char *why)
{
  cell->amount = amount;
  cell->value = (double) amount;
  g_free (cell->why);
  cell->why = why;
}

static void
set_value (GsCell *cell, double value, char *why)
{
  cell->amount = (gint64) llround (value);
  cell->value = value;
  g_free (cell->why);
  cell->why = why;
}

static char *
money (Ctx *c, GsMoney v)
{
  return gs_format_money (v, c->m->company.digits, NULL, GS_MONEY_FORMAT_FULL);
}

static char *
count (gint64 v)
{
  return gs_format_count (v);
}

/* Quarters, total and the months before the plan for a line of counts or
 * money: plain sums, so monthly goals always add up to the annual ones. */
static void
sum_up (Ctx *c, GsGoalLine *line, const char *label)
{
  GsResult *r = c->r;
  gint64 before = 0, total = 0;
  g_autofree gint64 *q = g_new0 (gint64, r->n_quarters);
  gboolean is_money = line->unit == GS_UNIT_MONEY;

  for (guint i = 0; i < r->n_pre; i++)
    before += line->months[i].amount;
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      gint64 v = line->months[r->n_pre + mo].amount;
      total += v;
      q[gs_model_fiscal_quarter (c->m, (int) mo)] += v;
    }
  for (guint qi = 0; qi < r->n_quarters; qi++)
    {
      g_autofree char *v = is_money ? money (c, q[qi]) : count (q[qi]);
      set_amount (&line->quarters[qi], q[qi],
                  g_strdup_printf ("%s in %s = %s: the sum of its months", label,
                                   r->quarter_labels[qi], v));
    }
  {
    g_autofree char *v = is_money ? money (c, total) : count (total);
    g_autofree char *b = is_money ? money (c, before) : count (before);
    set_amount (&line->total, total,
                g_strdup_printf ("%s over the plan = %s: the sum of its %u months", label, v,
                                 r->horizon));
    set_amount (&line->before, before,
                g_strdup_printf ("%s needed before the plan starts = %s (the stage lags move "
                                 "them earlier than the wins they feed)", label, b));
  }
}

/* One source's derivation of stage k in placed month idx. */
static void
explain_source_stage (Ctx *c, GString *out, guint j, guint k, guint idx)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  const GsSource *src = &m->sources[j];
  gint64 n = r->needed[GS_IDX (r, j, k, idx)];
  double frac = c->frac[GS_IDX (r, j, k, idx)];
  int mo = (int) idx - (int) r->n_pre + (int) c->offsets[k]; /* win month it feeds */
  g_autofree char *plural = gs_stage_plural (m->stages[k].name);
  g_autofree char *n_text = count (n);

  g_string_append_printf (out, "\n• %s: %s %s", src->name, n_text, plural);
  if (k == m->n_stages - 1)
    {
      g_autofree char *deal = money (c, m->deal_size);
      g_autofree char *target = money (c, gs_money_round (frac * (double) m->deal_size));
      g_autofree char *share = gs_format_percent (src->share);
      g_string_append_printf (out, " = %s target (%s share) ÷ %s deal size = %.2f", target, share,
                              deal, frac);
    }
  else
    {
      guint next_idx = (guint) ((int) r->n_pre + mo - (int) c->offsets[k + 1]);
      gint64 next = r->needed[GS_IDX (r, j, k + 1, next_idx)];
      g_autofree char *next_plural = gs_stage_plural (m->stages[k + 1].name);
      g_autofree char *rate = gs_format_percent (src->rates[k]);
      g_autofree char *next_text = count (next);
      g_string_append_printf (out, " = %s %s in %s ÷ %s %s→%s = %.2f", next_text, next_plural,
                              r->month_labels[next_idx], rate, m->stages[k].name,
                              m->stages[k + 1].name, frac);
      if (c->offsets[k] != c->offsets[k + 1])
        g_string_append_printf (out, ", needed %.0f days earlier", m->steps[k].lag_days);
    }
  if (fabs (frac - (double) n) > 1e-9)
    g_string_append (out, "; whole counts, rounded up on the running total");
}

/* A line of stage volumes over the sources that pass filter. */
static GsGoalLine *
stage_line (Ctx *c, const char *id, const char *label, GsSide side, guint k,
            gboolean marketing_only, const char *input)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *line = new_line (c, id, label, side, GS_UNIT_COUNT, input);

  for (guint i = 0; i < r->n_months; i++)
    {
      gint64 total = 0;
      GString *why = g_string_new (NULL);
      guint parts = 0;
      for (guint j = 0; j < m->n_sources; j++)
        {
          if (marketing_only && m->sources[j].owner != GS_OWNER_MARKETING)
            continue;
          if (m->sources[j].entry_stage > k)
            continue;
          total += r->needed[GS_IDX (r, j, k, i)];
          if (r->needed[GS_IDX (r, j, k, i)] > 0 || c->frac[GS_IDX (r, j, k, i)] > 0)
            {
              explain_source_stage (c, why, j, k, i);
              parts++;
            }
        }
      {
        g_autofree char *t = count (total);
        g_string_prepend (why, parts ? ":" : ": no win in the plan depends on this month");
        g_string_prepend (why, r->month_labels[i]);
        g_string_prepend (why, " in ");
        g_string_prepend (why, label);
        g_string_prepend (why, " ");
        g_string_prepend (why, t);
      }
      set_amount (&line->months[i], total, g_string_free (why, FALSE));
    }
  sum_up (c, line, label);
  return line;
}

/* Money = a stage's count × deal size, over the sources that pass. */
static GsGoalLine *
value_line (Ctx *c, const char *id, const char *label, GsSide side, guint k,
            gboolean marketing_only)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *line = new_line (c, id, label, side, GS_UNIT_MONEY, "funnel.deal_size");
  g_autofree char *plural = gs_stage_plural (m->stages[k].name);
  g_autofree char *deal = money (c, m->deal_size);

  for (guint i = 0; i < r->n_months; i++)
    {
      gint64 n = 0;
      GsMoney v;
      for (guint j = 0; j < m->n_sources; j++)
        if ((!marketing_only || m->sources[j].owner == GS_OWNER_MARKETING)
            && m->sources[j].entry_stage <= k)
          n += r->needed[GS_IDX (r, j, k, i)];
      v = n * m->deal_size;
      {
        g_autofree char *vt = money (c, v);
        g_autofree char *nt = count (n);
        set_amount (&line->months[i], v,
                    g_strdup_printf ("%s in %s = %s %s%s × %s deal size = %s", label,
                                     r->month_labels[i], nt, marketing_only ? "marketing-sourced " : "",
                                     plural, deal, vt));
      }
    }
  sum_up (c, line, label);
  return line;
}

static void
marketing_lines (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *budget, *cost;
  const GsGoalLine *handoff_line = NULL;
  gboolean any_marketing = FALSE;

  for (guint j = 0; j < m->n_sources; j++)
    any_marketing |= m->sources[j].owner == GS_OWNER_MARKETING;

  for (guint k = 0; k <= m->handoff; k++)
    {
      g_autofree char *id = g_strdup_printf ("marketing.stage.%s", m->stages[k].id);
      g_autofree char *label = gs_stage_plural (m->stages[k].name);
      /* A stage's need is driven most directly by its outgoing rate. */
      g_autofree char *input = g_strdup_printf ("funnel.steps[%u].rate", k);
      const GsGoalLine *line = stage_line (c, id, label, GS_SIDE_MARKETING, k, any_marketing, input);
      if (k == m->handoff)
        handoff_line = line;
    }
  value_line (c, "marketing.sourced_pipeline", "Marketing-sourced pipeline", GS_SIDE_MARKETING,
              m->n_stages - 2, any_marketing);
  value_line (c, "marketing.sourced_bookings", "Marketing-sourced bookings", GS_SIDE_MARKETING,
              m->n_stages - 1, any_marketing);

  budget = new_line (c, "marketing.budget", "Budget", GS_SIDE_MARKETING, GS_UNIT_MONEY,
                     "sources[0].cost_per_lead");
  for (guint i = 0; i < r->n_months; i++)
    {
      GString *why = g_string_new (NULL);
      GsMoney total = 0;
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
          if (n > 0)
            {
              g_autofree char *nt = count (n);
              g_autofree char *cpl = money (c, src->cost_per_lead);
              g_autofree char *ct = money (c, spend);
              g_autofree char *plural = gs_stage_plural (m->stages[src->entry_stage].name);
              g_string_append_printf (why, "\n• %s: %s %s × %s each = %s", src->name, nt, plural,
                                      cpl, ct);
            }
        }
      {
        g_autofree char *t = money (c, total);
        g_autofree char *head = g_strdup_printf ("Budget in %s = %s%s", r->month_labels[i], t,
                                                 why->len ? ":" : "");
        g_string_prepend (why, head);
      }
      set_amount (&budget->months[i], total, g_string_free (why, FALSE));
    }
  sum_up (c, budget, "Budget");
  r->budget_total = budget->total.amount + budget->before.amount;

  {
    g_autofree char *label = g_strdup_printf ("Cost per %s", m->stages[m->handoff].name);
    g_autofree char *id = g_strdup ("marketing.cost_per_handoff");
    cost = new_line (c, id, label, GS_SIDE_MARKETING, GS_UNIT_MONEY, "sources[0].cost_per_lead");
    for (guint i = 0; i < r->n_months; i++)
      {
        gint64 n = handoff_line->months[i].amount;
        GsMoney b = budget->months[i].amount;
        GsMoney v = n > 0 ? gs_money_round ((double) b / (double) n) : 0;
        g_autofree char *bt = money (c, b);
        g_autofree char *vt = money (c, v);
        g_autofree char *nt = count (n);
        set_amount (&cost->months[i], v,
                    n > 0 ? g_strdup_printf ("%s in %s = %s budget ÷ %s %s = %s", label,
                                             r->month_labels[i], bt, nt, handoff_line->label, vt)
                          : g_strdup_printf ("%s in %s: no %s needed this month", label,
                                             r->month_labels[i], handoff_line->label));
      }
    for (guint qi = 0; qi < r->n_quarters; qi++)
      {
        gint64 n = handoff_line->quarters[qi].amount;
        GsMoney b = budget->quarters[qi].amount;
        GsMoney v = n > 0 ? gs_money_round ((double) b / (double) n) : 0;
        g_autofree char *bt = money (c, b);
        g_autofree char *nt = count (n);
        set_amount (&cost->quarters[qi], v,
                    g_strdup_printf ("%s in %s = %s budget ÷ %s %s", label, r->quarter_labels[qi],
                                     bt, nt, handoff_line->label));
      }
    {
      gint64 n = handoff_line->total.amount + handoff_line->before.amount;
      GsMoney b = r->budget_total;
      GsMoney v = n > 0 ? gs_money_round ((double) b / (double) n) : 0;
      g_autofree char *bt = money (c, b);
      g_autofree char *nt = count (n);
      set_amount (&cost->total, v,
                  g_strdup_printf ("%s over the plan = %s budget ÷ %s %s (including those needed "
                                   "before the plan starts)", label, bt, nt, handoff_line->label));
      set_amount (&cost->before, 0, g_strdup (""));
    }
  }
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

  target = new_line (c, "shared.target", "Bookings target", GS_SIDE_SHARED, GS_UNIT_MONEY,
                     m->company.target_mode == GS_TARGET_GROWTH ? "company.target.growth"
                                                                : "company.target.amount");
  plan = new_line (c, "shared.plan", "Plan (funnel and capacity)", GS_SIDE_SHARED, GS_UNIT_MONEY,
                   "sources[0].planned_volume");
  gap = new_line (c, "shared.gap", "Gap to target", GS_SIDE_SHARED, GS_UNIT_MONEY, NULL);
  for (guint i = 0; i < r->n_months; i++)
    {
      if (i < r->n_pre)
        {
          set_amount (&target->months[i], 0, g_strdup ("Before the plan starts: no target"));
          set_amount (&plan->months[i], 0, g_strdup ("Before the plan starts"));
          set_amount (&gap->months[i], 0, g_strdup ("Before the plan starts"));
          continue;
        }
      {
        guint mo = i - r->n_pre;
        GsMoney t = r->target_month[mo], nb = r->new_business_month[mo];
        GsMoney ex = t - nb, p = r->plan_month[mo];
        g_autofree char *tt = money (c, t), *nbt = money (c, nb), *ext = money (c, ex);
        g_autofree char *pt = money (c, p), *ft = money (c, r->projected_bookings[mo]);
        g_autofree char *ct = money (c, r->ae_capacity[mo]), *gt = money (c, p - t);
        set_amount (&target->months[i], t,
                    g_strdup_printf ("Bookings target in %s = %s: new business %s + existing "
                                     "customers %s; the year's target split by seasonality "
                                     "weight %.3g of %.3g, to the cent",
                                     r->month_labels[i], tt, nbt, ext,
                                     m->company.seasonality[mo % 12], wsum));
        set_amount (&plan->months[i], p,
                    g_strdup_printf ("Plan in %s = existing customers %s + the smaller of the "
                                     "funnel's projected bookings %s and AE capacity %s = %s",
                                     r->month_labels[i], ext, ft, ct, pt));
        set_amount (&gap->months[i], p - t,
                    g_strdup_printf ("Gap in %s = plan %s − target %s = %s", r->month_labels[i],
                                     pt, tt, gt));
      }
    }
  sum_up (c, target, "Bookings target");
  sum_up (c, plan, "Plan");
  sum_up (c, gap, "Gap");

  value_line (c, "shared.pipeline", "Pipeline", GS_SIDE_SHARED, m->n_stages - 2, FALSE);
  value_line (c, "shared.bookings", "New-business bookings needed", GS_SIDE_SHARED,
              m->n_stages - 1, FALSE);

  cycle = new_line (c, "shared.cycle", "Sales cycle (days)", GS_SIDE_SHARED, GS_UNIT_DAYS,
                    "funnel.steps[0].lag_days");
  {
    GString *why = g_string_new (NULL);
    for (guint k = 0; k + 1 < m->n_stages; k++)
      g_string_append_printf (why, "%s%.0f (%s→%s)", k ? " + " : "", m->steps[k].lag_days,
                              m->stages[k].name, m->stages[k + 1].name);
    for (guint i = 0; i < r->n_months; i++)
      set_value (&cycle->months[i], r->cycle_days,
                 g_strdup_printf ("Sales cycle = %s = %.0f days", why->str, r->cycle_days));
    for (guint qi = 0; qi < r->n_quarters; qi++)
      set_value (&cycle->quarters[qi], r->cycle_days,
                 g_strdup_printf ("Sales cycle = %s = %.0f days", why->str, r->cycle_days));
    set_value (&cycle->total, r->cycle_days,
               g_strdup_printf ("Sales cycle = %s = %.0f days", why->str, r->cycle_days));
    set_value (&cycle->before, 0, g_strdup (""));
    g_string_free (why, TRUE);
  }
}

static void
sales_lines (Ctx *c)
{
  const GsModel *m = c->m;
  GsResult *r = c->r;
  GsGoalLine *cap, *aes, *sdr, *quota, *coverage;
  double monthly_quota = (double) m->ae.quota / 12.0;

  {
    g_autofree char *plural = gs_stage_plural (m->stages[m->handoff].name);
    g_autofree char *label = g_strdup_printf ("%s to follow up ≤ %.0f h", plural,
                                              m->agreements.followup_sla_hours);
    g_autofree char *id = g_strdup_printf ("sales.followup.%s", m->stages[m->handoff].id);
    stage_line (c, id, label, GS_SIDE_SALES, m->handoff, FALSE, "agreements.followup_sla_hours");
  }
  for (guint k = m->handoff + 1; k < m->n_stages; k++)
    {
      g_autofree char *id = g_strdup_printf ("sales.stage.%s", m->stages[k].id);
      g_autofree char *label = gs_stage_plural (m->stages[k].name);
      g_autofree char *input = g_strdup_printf ("funnel.steps[%u].rate", k - 1);
      stage_line (c, id, label, GS_SIDE_SALES, k, FALSE, input);
    }

  cap = new_line (c, "sales.ae_capacity", "AE capacity", GS_SIDE_SALES, GS_UNIT_MONEY,
                  "capacity.ae.quota");
  aes = new_line (c, "sales.ae_headcount", "AEs on staff", GS_SIDE_SALES, GS_UNIT_NUMBER,
                  "capacity.ae.start_headcount");
  quota = new_line (c, "sales.quota", "Quota per AE", GS_SIDE_SALES, GS_UNIT_MONEY,
                    "capacity.ae.quota");
  coverage = new_line (c, "sales.coverage", "Capacity ÷ new-business target", GS_SIDE_SALES,
                       GS_UNIT_PERCENT, "capacity.ae.start_headcount");
  sdr = new_line (c, "sales.sdr_capacity", "SDR capacity (meetings)", GS_SIDE_SALES,
                  GS_UNIT_NUMBER, "capacity.sdr.sqls_per_month");
  for (guint i = 0; i < r->n_months; i++)
    {
      guint mo;
      if (i < r->n_pre)
        {
          set_amount (&cap->months[i], 0, g_strdup ("Before the plan starts"));
          set_value (&aes->months[i], 0, g_strdup ("Before the plan starts"));
          set_amount (&quota->months[i], 0, g_strdup ("Before the plan starts"));
          set_value (&coverage->months[i], 0, g_strdup ("Before the plan starts"));
          set_value (&sdr->months[i], 0, g_strdup ("Before the plan starts"));
          continue;
        }
      mo = i - r->n_pre;
      {
        g_autofree char *qt = money (c, m->ae.quota), *ct = money (c, r->ae_capacity[mo]);
        g_autofree char *att = gs_format_percent (m->ae.attainment);
        g_autofree char *attr = gs_format_percent (m->ae.attrition);
        g_autofree char *mq = money (c, gs_money_round (monthly_quota));
        g_autofree char *nbt = money (c, r->new_business_month[mo]);
        g_autofree char *sq = count (r->sqls_needed[mo]);
        double cov = r->new_business_month[mo] ? (double) r->ae_capacity[mo] / (double) r->new_business_month[mo] : 0;
        g_autofree char *covt = gs_format_percent (cov);
        set_amount (&cap->months[i], r->ae_capacity[mo],
                    g_strdup_printf ("AE capacity in %s = %.2f ramped AEs × %s quota ÷ 12 × %s "
                                     "attainment = %s", r->month_labels[i], r->ae_ramped[mo], qt,
                                     att, ct));
        set_value (&aes->months[i], r->ae_headcount[mo],
                   g_strdup_printf ("AEs in %s: %" G_GINT64_FORMAT " hired to date, %.2f expected "
                                    "on staff after %s monthly attrition, %.2f fully-ramped "
                                    "equivalents", r->month_labels[i], r->ae_hired[mo],
                                    r->ae_headcount[mo], attr, r->ae_ramped[mo]));
        set_amount (&quota->months[i], gs_money_round (monthly_quota),
                    g_strdup_printf ("Quota per AE in %s = %s annual ÷ 12 = %s", r->month_labels[i],
                                     qt, mq));
        set_value (&coverage->months[i], cov,
                   g_strdup_printf ("Coverage in %s = capacity %s ÷ new-business target %s = %s",
                                    r->month_labels[i], ct, nbt, covt));
        set_value (&sdr->months[i], r->sdr_capacity[mo],
                   g_strdup_printf ("SDR capacity in %s = %.0f meetings a month (productive SDRs × "
                                    "%.0f each); %s %s needed this month",
                                    r->month_labels[i], r->sdr_capacity[mo], m->sdr.sqls_per_month,
                                    sq, m->stages[m->handoff + 1].name));
      }
    }
  sum_up (c, cap, "AE capacity");
  /* Non-summable lines: quarters and totals are averages or ratios. */
  for (guint qi = 0; qi <= r->n_quarters; qi++)
    {
      double hc = 0, sdr_sum = 0;
      GsMoney capsum = 0, nb = 0;
      guint n = 0;
      for (guint mo = 0; mo < r->horizon; mo++)
        if (qi == r->n_quarters || (guint) gs_model_fiscal_quarter (m, (int) mo) == qi)
          {
            hc += r->ae_headcount[mo];
            sdr_sum += r->sdr_capacity[mo];
            capsum += r->ae_capacity[mo];
            nb += r->new_business_month[mo];
            n++;
          }
      {
        GsCell *aes_cell = qi < r->n_quarters ? &aes->quarters[qi] : &aes->total;
        GsCell *cov_cell = qi < r->n_quarters ? &coverage->quarters[qi] : &coverage->total;
        GsCell *sdr_cell = qi < r->n_quarters ? &sdr->quarters[qi] : &sdr->total;
        GsCell *quota_cell = qi < r->n_quarters ? &quota->quarters[qi] : &quota->total;
        const char *span = qi < r->n_quarters ? r->quarter_labels[qi] : "the plan";
        g_autofree char *ct = money (c, capsum), *nbt = money (c, nb);
        double cov = nb ? (double) capsum / (double) nb : 0;
        g_autofree char *covt = gs_format_percent (cov);
        GsMoney q = gs_money_round (monthly_quota * n);
        g_autofree char *qt = money (c, q);
        set_value (aes_cell, n ? hc / n : 0,
                   g_strdup_printf ("Average AEs on staff in %s = %.2f", span, n ? hc / n : 0));
        set_value (cov_cell, cov,
                   g_strdup_printf ("Coverage in %s = capacity %s ÷ new-business target %s = %s",
                                    span, ct, nbt, covt));
        set_value (sdr_cell, sdr_sum,
                   g_strdup_printf ("SDR capacity in %s = %.0f meetings", span, sdr_sum));
        set_amount (quota_cell, q,
                    g_strdup_printf ("Quota per AE over %s = %u months × monthly quota = %s", span,
                                     n, qt));
      }
    }
  set_value (&aes->before, 0, g_strdup (""));
  set_value (&coverage->before, 0, g_strdup (""));
  set_value (&sdr->before, 0, g_strdup (""));
  set_amount (&quota->before, 0, g_strdup (""));
}

void
gs_compute_lines (const GsModel *m, GsResult *r, const double *frac)
{
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  Ctx c = { m, r, frac, offsets };
  gs_funnel_offsets (m, offsets);
  r->lines = g_ptr_array_new ();
  marketing_lines (&c);
  shared_lines (&c);
  sales_lines (&c);
}
