/* gs-export-comp.c — the Compensation and People sheets of the export.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A live comp model: every pay input is a named input cell, and one person's
 * pay at 100 %, the payout curves, the cost at plan and People are formulas
 * over them (gs-export-payfx.c), each cached with the engine's own number.
 * Quotas are formulas over the Inputs, Targets, Funnel and Marketing goals
 * sheets where the plan reads them from its goal sheets; a role with a draw
 * gets its months at 100 % as formulas too.  Pay as staffed at the
 * attainment the plan implies reads that attainment from the Capacity,
 * Funnel, Targets and Marketing goals sheets (plan_attainment_block).
 */
#include "gs-comp-payout.h"
#include "gs-explain-comp.h"
#include "gs-export-payfx.h"
#include "gs-export-sheets.h"
#include "gs-format.h"

#include <math.h>

#define COMP_NOTE                                                                                  \
  "Values from Goalsheet's compensation engine, exact to the cent: rate tables, accelerators, "    \
  "decelerators, gates and caps are applied period by period as docs/compensation.md explains. "   \
  "The trace below each role shows the arithmetic at 100 % attainment."

static const char *const period_names[] = { "monthly", "quarterly", "annual" };

static void
header (GsXTable *t, const char *const *labels, guint n)
{
  GsXRow *row = gs_xrow_add (t);
  for (guint i = 0; i < n; i++)
    gs_xput_text (row, i, labels[i], GS_XSTYLE_HEADER);
}

/* ---- input cells ------------------------------------------------------ */

static GsXCell *
as_input (GsXCell *cell, const char *name, guint8 validate, double lo, double hi)
{
  cell->input = TRUE;
  cell->name = g_strdup (name);
  cell->validate = validate;
  cell->vmin = lo;
  cell->vmax = hi;
  return cell;
}

static GsXCell *
input_money (guint digits, GsXRow *row, guint col, GsMoney v, const char *name, gboolean positive)
{
  return as_input (gs_xput_money (digits, row, col, v, NULL), name, 1,
                   positive ? gs_money_to_major (1, digits) : 0, 1e13);
}

static GsXCell *
input_percent (GsXRow *row, guint col, double v, const char *name, double hi)
{
  return as_input (gs_xput_percent (row, col, v, NULL), name, 1, 0, hi);
}

static GsXCell *
input_number (GsXRow *row, guint col, double v, const char *name, double hi)
{
  GsXCell *cell = gs_xput_number (row, col, v, 2, NULL);
  cell->decimals = fabs (v - round (v)) > 1e-9 ? 4 : 2;
  return as_input (cell, name, 1, 0, hi);
}

/* ---- one role --------------------------------------------------------- */

/* Where a role's inputs and results sit, for the curve and the cost at plan. */
typedef struct
{
  const GsCompRole *role;
  GsPayRefs *pay;       /* [n_components] */
  char **pay_cap;       /* [n_components] owned cap references */
  char **pay_ti;        /* [n_components] */
  char **pay_quota;     /* [n_components] */
  char **pay_periods;   /* [n_components] */
  guint *ti_row;        /* [n_components] row of the target incentive by period, or G_MAXUINT */
  char **pay_discount;  /* [n_components] the discount multiplier at plan, or NULL */
  char **gate_source;   /* [n_components] what each gate's measure is set from, or NULL */
  guint gate_row;       /* plan gate's minimum, or G_MAXUINT */
  char *gate_src;       /* what the plan gate's measure is set from, or NULL */
  char *cap;            /* plan cap amount cell, or NULL */
  char *headcount;      /* cell */
  char *pay100;         /* one person's variable pay for the year at 100 % */
  char *pay_plan;       /* the same at the attainment the plan implies */
  char **pays100;       /* [n_components] each period's pay at 100 % (a row range), or NULL:
                           gs_payfx_by_period */
  GArray *spifs;        /* of guint: rows of SPIF amounts (events one row below) */
  GsCompPayout *payout; /* the engine's, one person at 100 %, with its trace */
} RoleLayout;

static void
role_layout_clear (RoleLayout *l)
{
  for (guint i = 0; l->role && i < l->role->n_components; i++)
    {
      g_free (l->pay_cap[i]);
      g_free (l->pay_ti[i]);
      g_free (l->pay_quota[i]);
      g_free (l->pay_periods[i]);
      g_free (l->gate_source[i]);
      g_free (l->pay_discount[i]);
    }
  for (guint i = 0; l->role && l->pays100 && i < l->role->n_components; i++)
    g_free (l->pays100[i]);
  g_free (l->pays100);
  g_free (l->pay_discount);
  g_free (l->ti_row);
  g_free (l->gate_source);
  g_free (l->gate_src);
  g_free (l->pay);
  g_free (l->pay_cap);
  g_free (l->pay_ti);
  g_free (l->pay_quota);
  g_free (l->pay_periods);
  g_free (l->cap);
  g_free (l->headcount);
  g_free (l->pay100);
  g_free (l->pay_plan);
  g_clear_pointer (&l->spifs, g_array_unref);
  g_clear_pointer (&l->payout, gs_comp_payout_free);
}

/* One person's commission with each measure at its attainment (att, indexed
 * by GsMeasure: cells or numbers): the components (a component's gate at its
 * own measure's attainment), the plan gate (an IF) and the plan cap (a MIN).
 * pays (NULL, or one per component): where a component paid on amounts
 * period by period has each period's pay at these attainments. */
static char *
role_commission_at (const RoleLayout *l, GsBoundary boundary, const char *const *att,
                    char *const *pays)
{
  const GsCompRole *role = l->role;
  GString *sum = g_string_new ("(");
  for (guint i = 0; i < role->n_components; i++)
    {
      GsPayRefs q = l->pay[i];
      g_autofree char *c = NULL;
      if (role->components[i].gate.present)
        q.gate_a = att[role->components[i].gate.measure];
      q.period_pays = pays ? pays[i] : NULL;
      c = gs_payfx_component (&q, att[role->components[i].measure]);
      g_string_append_printf (sum, "%s%s", i ? "+" : "", c);
    }
  g_string_append_c (sum, ')');
  return gs_payfx_gate_cap (boundary, role->gate.present ? att[role->gate.measure] : "1",
                            l->gate_row, l->gate_src, l->cap, g_string_free (sum, FALSE));
}

/* The same with every measure at attainment a. */
static char *
role_commission (const RoleLayout *l, GsBoundary boundary, const char *a, char *const *pays)
{
  const char *att[GS_N_MEASURES];
  for (guint m = 0; m < GS_N_MEASURES; m++)
    att[m] = a;
  return role_commission_at (l, boundary, att, pays);
}

/* Each period's pay of component i of a component paid on amounts period
 * by period, at attainment a (gate_a: its gate's measure's), in row's
 * columns col0 … col0 + n − 1, cached with the engine's periods; returns
 * the range. */
static char *
put_period_pays (const RoleLayout *l, guint i, GsXRow *row, guint ri, guint col0, const char *a,
                 const char *gate_a, const GsCompComponentPayout *engine, guint digits)
{
  GsPayRefs q = l->pay[i];
  guint n = gs_period_count (l->role->components[i].period);
  q.gate_a = gate_a;
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *before = k ? gs_xsum (ri, col0, ri, col0 + k - 1) : NULL;
      gs_xput_money (digits, row, col0 + k, engine->periods[k],
                     gs_payfx_amount_period (&q, a, k, before));
    }
  return gs_xrange (ri, col0, ri, col0 + n - 1);
}

/* AEs or SDRs on the plan: the start headcount plus every hire. */
static char *
plan_headcount (const GsModel *m, GsRoleKind kind)
{
  gboolean ae = kind == GS_ROLE_AE;
  const char *who = ae ? "AE" : "SDR";
  guint n_hires = ae ? m->ae.n_hires : m->sdr.n_hires;
  GString *f = g_string_new (NULL);
  g_string_append_printf (f, "(%s_StartHeadcount", who);
  for (guint h = 0; h < n_hires; h++)
    g_string_append_printf (f, "+%s_Hire%u_Count", who, h + 1);
  g_string_append_c (f, ')');
  return g_string_free (f, FALSE);
}

/* The headcount: the capacity plan's start plus hires (a formula over the
 * Inputs sheet), the people listed, or an input. */
static void
put_headcount (const GsModel *m, GsXRow *row, const GsCompRole *role, const char *name)
{
  GsXCell *cell;
  if (role->headcount_from == GS_HEADCOUNT_CAPACITY)
    {
      cell = gs_xput_count (row, 1, role->headcount, plan_headcount (m, role->kind));
      cell->name = g_strdup (name);
    }
  else if (role->headcount_from == GS_HEADCOUNT_PEOPLE)
    {
      cell = gs_xput_count (row, 1, role->headcount, NULL);
      cell->name = g_strdup (name);
    }
  else
    as_input (gs_xput_count (row, 1, role->headcount, NULL), name, 2, 0, 100000);
}

/* The comp year's sum of a Marketing goals line (gs_comp_default_quota's
 * line_year), or "0" when the plan has no such line. */
static char *
goal_line_year (const GsExportCtx *c, const char *id, gboolean money)
{
  guint Y = MIN (GS_COMP_MONTHS, c->r->horizon);
  guint row = c->mkt_goal_rows ? GPOINTER_TO_UINT (g_hash_table_lookup (c->mkt_goal_rows, id)) : 0;
  g_autofree char *range = NULL;
  if (row == 0)
    return g_strdup ("0");
  range = gs_xrange_sheet ("Marketing goals", row - 1, 1 + c->r->n_pre, row - 1,
                           1 + c->r->n_pre + Y - 1);
  if (money)
    return g_strdup_printf ("MAX(0,ROUND(SUM(%s),%u))", range + 1, c->digits);
  return g_strdup_printf ("MAX(0,SUM(%s))", range + 1);
}

/* Volume needed at stage k over the comp year from the sources of one
 * owner that enter at or above it (the Funnel sheet's rows), or NULL. */
static char *
owned_volume (const GsExportCtx *c, GsOwner owner, guint k)
{
  const GsModel *m = c->m;
  guint Y = MIN (GS_COMP_MONTHS, c->r->horizon);
  GString *f = g_string_new (NULL);
  for (guint j = 0; j < m->n_sources; j++)
    {
      guint fr = c->f_row[j * m->n_stages + k];
      g_autofree char *range = NULL;
      if (m->sources[j].owner != owner || m->sources[j].entry_stage > k || fr == G_MAXUINT)
        continue;
      range = gs_xrange_sheet ("Funnel", fr, c->f_col0 + c->r->n_pre, fr,
                               c->f_col0 + c->r->n_pre + Y - 1);
      g_string_append_printf (f, "%sSUM(%s)", f->len ? "+" : "", range + 1);
    }
  if (f->len == 0)
    {
      g_string_free (f, TRUE);
      return NULL;
    }
  return g_string_free (f, FALSE);
}

/* The plan's default quota per person for a measure of a role of this kind
 * (gs_comp_default_quota) as a formula, or NULL when the plan has none. */
static char *
default_quota (const GsExportCtx *c, GsRoleKind kind, GsMeasure measure)
{
  const GsModel *m = c->m;
  guint d = c->digits;
  switch (gs_comp_quota_default (m, kind, measure))
    {
    case GS_QUOTA_AE_QUOTA:
      return g_strdup ("AE_Quota");
    case GS_QUOTA_TEAM:
      {
        g_autofree char *aes = plan_headcount (m, GS_ROLE_AE);
        return g_strdup_printf ("AE_Quota*%s", aes);
      }
    case GS_QUOTA_COMPANY_TARGET:
      {
        guint months = MIN (GS_COMP_MONTHS, m->company.horizon);
        g_autofree char *range
            = gs_xrange_sheet ("Targets", c->targets.target_row, c->targets.col0,
                               c->targets.target_row, c->targets.col0 + months - 1);
        return g_strdup_printf ("ROUND(SUM(%s),%u)", range + 1, d);
      }
    case GS_QUOTA_MARKETING_PIPELINE:
      return goal_line_year (c, "marketing.sourced_pipeline", TRUE);
    case GS_QUOTA_MARKETING_BOOKINGS:
      return goal_line_year (c, "marketing.sourced_bookings", TRUE);
    case GS_QUOTA_MQLS:
      {
        g_autofree char *id = g_strdup_printf ("marketing.stage.%s", m->stages[m->handoff].id);
        return goal_line_year (c, id, FALSE);
      }
    case GS_QUOTA_SDR_PIPELINE:
      {
        /* Sales-owned pipeline needed × the deal size ÷ the SDRs (at least one). */
        g_autofree char *v = owned_volume (c, GS_OWNER_SALES, m->n_stages - 2);
        g_autofree char *sdrs = plan_headcount (m, GS_ROLE_SDR);
        if (v == NULL)
          return g_strdup ("0");
        return g_strdup_printf ("MAX(0,ROUND((%s)*DealSize/MAX(1,%s),%u))", v, sdrs, d);
      }
    case GS_QUOTA_MARKETING_SQLS:
      {
        char *v = owned_volume (c, GS_OWNER_MARKETING, m->handoff + 1);
        return v ? v : g_strdup ("0");
      }
    case GS_QUOTA_SDR_CAPACITY:
      return g_strdup_printf ("MAX(0,SDR_SqlsPerMonth*%u)", GS_COMP_MONTHS);
    case GS_QUOTA_SLA:
      return g_strdup ("AcceptanceRate");
    case GS_QUOTA_SET:
    case GS_QUOTA_NONE:
    default:
      return NULL;
    }
}

static GsXCell *
put_quantity_f (guint digits, GsXRow *row, guint col, GsMeasure measure, double v, char *formula)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return gs_xput_money (digits, row, col, gs_money_round (v), formula);
    case GS_MEASURE_UNIT_SHARE:
      return gs_xput_percent (row, col, v, formula);
    case GS_MEASURE_UNIT_COUNT:
    default:
      return gs_xput_number (row, col, v, 2, formula);
    }
}

/* A quota the plan sets: an input in the measure's unit (above zero). */
static GsXCell *
input_quota (guint digits, GsXRow *row, guint col, GsMeasure measure, double v, const char *name)
{
  GsMeasureUnit unit = gs_measure_unit (measure);
  if (unit == GS_MEASURE_UNIT_MONEY)
    return input_money (digits, row, col, gs_money_round (v), name, TRUE);
  if (unit == GS_MEASURE_UNIT_SHARE)
    return input_percent (row, col, v, name, 1);
  return input_number (row, col, v, name, 1e12);
}

/* A component's quota per person: an input when the plan sets it, else the
 * goal sheets' figure as a formula (default_quota). */
static void
put_quota (const GsExportCtx *c, const GsCompRole *role, GsXRow *row, guint col,
           const GsCompComponent *cc, const char *name)
{
  g_autofree char *f = NULL;
  GsXCell *cell;
  if (cc->quota_default == GS_QUOTA_SET)
    {
      input_quota (c->digits, row, col, cc->measure, cc->quota, name);
      return;
    }
  f = default_quota (c, role->kind, cc->measure);
  cell = put_quantity_f (c->digits, row, col, cc->measure, cc->quota, g_steal_pointer (&f));
  if (cell->formula == NULL)
    cell->note = g_strdup ("From the goal sheets, the engine's value (docs/compensation.md, "
                           "“Measures and their default quotas”).");
  cell->name = g_strdup (name);
}

static char *
gate_quota_name (guint r, guint i)
{
  return i == G_MAXUINT ? g_strdup_printf ("Role%u_Gate_Quota", r + 1)
                        : g_strdup_printf ("Role%u_C%u_Gate_Quota", r + 1, i + 1);
}

/* The quota a gate's measure is set from at a uniform attainment
 * (gs_comp_input_at_attainment: the first component measuring it, else the
 * first component gate on it, else the role's gate), or NULL when that is
 * this gate's own quota. */
static char *
gate_source (const GsCompRole *role, guint r, guint i, GsMeasure measure)
{
  for (guint j = 0; j < role->n_components; j++)
    if (role->components[j].measure == measure)
      return g_strdup_printf ("Role%u_C%u_Quota", r + 1, j + 1);
  for (guint j = 0; j < role->n_components; j++)
    if (role->components[j].gate.present && role->components[j].gate.measure == measure)
      return j == i ? NULL : gate_quota_name (r, j);
  return NULL;
}

/* A gate's row: its minimum attainment (an input) and its quota per person:
 * an input when the plan sets it, else the quota of the first component
 * measuring it that is above zero, else the plan's default (gs_comp_resolve's
 * measure_quota).  i is the component, G_MAXUINT for the role's gate.
 * Returns the row. */
static guint
put_gate (GsXTable *t, const GsExportCtx *c, const GsCompRole *role, guint r, guint i,
          const char *words, const GsGate *gate, GsXStyle style)
{
  GsXRow *row = gs_xrow_add (t);
  g_autofree char *label = g_strdup_printf ("%s %s (minimum; quota per person)", words,
                                            gs_measure_label (gate->measure));
  g_autofree char *name = i == G_MAXUINT ? g_strdup_printf ("Role%u_Gate", r + 1)
                                         : g_strdup_printf ("Role%u_C%u_Gate", r + 1, i + 1);
  g_autofree char *qname = gate_quota_name (r, i);
  gs_xput_text (row, 0, label, style);
  input_percent (row, 1, gate->min_attainment, name, 100);
  if (gate->quota_set)
    input_quota (c->digits, row, 2, gate->measure, gate->quota, qname);
  else
    {
      g_autofree char *fallback = default_quota (c, role->kind, gate->measure);
      GString *f = g_string_new (NULL);
      guint open = 0;
      for (guint j = 0; j < role->n_components; j++)
        if (role->components[j].measure == gate->measure)
          {
            g_string_append_printf (f, "IF(Role%u_C%u_Quota>0,Role%u_C%u_Quota,", r + 1, j + 1,
                                    r + 1, j + 1);
            open++;
          }
      g_string_append (f, fallback ? fallback : "0");
      for (guint k = 0; k < open; k++)
        g_string_append_c (f, ')');
      put_quantity_f (c->digits, row, 2, gate->measure, gate->quota, g_string_free (f, FALSE))->name
          = g_strdup (qname);
    }
  return gs_xrow_index (t);
}

/* A cap's row: a multiple of the target incentive (an input) and the amount
 * it gives, gs_money_round (target incentive × multiple); or the amount, an
 * input.  Returns the amount's cell. */
static char *
put_cap (GsXTable *t, guint digits, const char *words, const GsCap *cap, const char *ti,
         const char *name, GsXStyle style)
{
  const char *S = gs_payfx_scale (digits);
  GsXRow *row = gs_xrow_add (t);
  guint ri = gs_xrow_index (t);
  if (cap->of_target)
    {
      g_autofree char *times = gs_xref (ri, 1, FALSE);
      g_autofree char *label
          = g_strdup_printf ("%s: multiple of the target incentive → amount", words);
      gs_xput_text (row, 0, label, style);
      input_number (row, 1, cap->multiple, name, 1000);
      gs_xput_money (digits, row, 2, cap->amount,
                     g_strdup_printf ("ROUND(ROUND(%s*%s,0)*%s,0)/%s", ti, S, times, S));
      return gs_xref (ri, 2, TRUE);
    }
  {
    g_autofree char *label = g_strdup_printf ("%s (per person, year)", words);
    gs_xput_text (row, 0, label, style);
    input_money (digits, row, 1, cap->amount, name, TRUE);
    return gs_xref (ri, 1, TRUE);
  }
}

static char *
table_words (const GsCompComponent *cc)
{
  static const char *const kinds[]
      = { "flat: one rate on everything", "marginal: each slice at its band's rate",
          "band: all at the rate of the band reached" };
  if (cc->table.basis == GS_BASIS_AMOUNT)
    return g_strdup_printf ("%s; bands are amounts, rate = commission on the amount",
                            kinds[cc->table.kind]);
  return g_strdup_printf ("%s; rate = share of the target incentive per 100 %% of quota",
                          kinds[cc->table.kind]);
}

/* A component's rate table and modifiers, one input per cell, and what it
 * pays one person at 100 %. */
static void
component_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp, RoleLayout *l, guint r,
                 guint i, guint digits, const GsCompComponentPayout *at100)
{
  const GsCompComponent *cc = &l->role->components[i];
  GsPayRefs *p = &l->pay[i];
  GsXRow *row;
  g_autofree char *words = table_words (cc);
  g_autofree char *title = g_strdup_printf ("%s — %s", cc->name, words);
  guint n = gs_period_count (cc->period);
  gboolean amount = cc->table.basis == GS_BASIS_AMOUNT;

  p->c = cc;
  p->boundary = comp->boundary;
  p->digits = digits;
  p->ti = l->pay_ti[i];
  p->quota = l->pay_quota[i];
  p->gate_row = p->decel_row = p->tier_row0 = p->period = G_MAXUINT;

  gs_xput_text (gs_xrow_add (t), 0, title, GS_XSTYLE_LABEL);
  {
    static const char *const head[] = { "    Band", "From (attainment)", "To", "Rate" };
    static const char *const head_amount[] = { "    Band", "From (amount)", "To", "Commission" };
    header (t, cc->table.basis == GS_BASIS_AMOUNT ? head_amount : head, G_N_ELEMENTS (head));
  }
  p->band_row0 = gs_xrow_index (t) + 1;
  p->n_bands = cc->table.n_bands;
  p->open_last = isinf (cc->table.bands[cc->table.n_bands - 1].to);
  for (guint b = 0; b < cc->table.n_bands; b++)
    {
      const GsBand *band = &cc->table.bands[b];
      g_autofree char *label = g_strdup_printf ("    Band %u", b + 1);
      g_autofree char *nf = g_strdup_printf ("Role%u_C%u_B%u_From", r + 1, i + 1, b + 1);
      g_autofree char *nt = g_strdup_printf ("Role%u_C%u_B%u_To", r + 1, i + 1, b + 1);
      g_autofree char *nr = g_strdup_printf ("Role%u_C%u_B%u_Rate", r + 1, i + 1, b + 1);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_PLAIN);
      /* The first band starts at 0; each later one where the previous ends.
       * On the amount basis edges are money (minor units in the model). */
      {
        char *from = b == 0 ? NULL : gs_xref (gs_xrow_index (t) - 1, 2, FALSE);
        if (amount)
          gs_xput_money (digits, row, 1, gs_money_round (band->from), from);
        else
          gs_xput_percent (row, 1, band->from, from);
      }
      gs_xput (row, 1)->name = g_strdup (nf);
      if (isinf (band->to))
        gs_xput_text (row, 2, "and up", GS_XSTYLE_PLAIN);
      else if (amount)
        input_money (digits, row, 2, gs_money_round (band->to), nt, TRUE);
      else
        input_percent (row, 2, band->to, nt, 100);
      input_number (row, 3, band->rate, nr, 1000);
    }
  if (cc->n_tiers)
    p->tier_row0 = gs_xrow_index (t) + 1;
  for (guint k = 0; k < cc->n_tiers; k++)
    {
      g_autofree char *label
          = g_strdup_printf ("    Accelerator %u: above (attainment) × multiplier", k + 1);
      g_autofree char *na = g_strdup_printf ("Role%u_C%u_Accel%u_Above", r + 1, i + 1, k + 1);
      g_autofree char *nm = g_strdup_printf ("Role%u_C%u_Accel%u_Times", r + 1, i + 1, k + 1);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_PLAIN);
      input_percent (row, 1, cc->tiers[k].above, na, 100);
      input_number (row, 2, cc->tiers[k].multiplier, nm, 1000);
    }
  if (cc->decel.present)
    {
      g_autofree char *nb = g_strdup_printf ("Role%u_C%u_Decel_Below", r + 1, i + 1);
      g_autofree char *nm = g_strdup_printf ("Role%u_C%u_Decel_Times", r + 1, i + 1);
      row = gs_xrow_add (t);
      p->decel_row = gs_xrow_index (t);
      gs_xput_text (row, 0,
                    cc->decel.retroactive
                        ? "    Decelerator, retroactive: below (attainment) everything × multiplier"
                        : "    Decelerator: the part below (attainment) × multiplier",
                    GS_XSTYLE_PLAIN);
      input_percent (row, 1, cc->decel.below, nb, 1);
      input_number (row, 2, cc->decel.multiplier, nm, 1);
    }
  if (cc->discount)
    {
      /* The discount table: one row a band (from, to, multiplier; each
       * starts where the previous ends), then the multiplier at plan — deals
       * at list price, no discount, as the engine pays at plan — looked up
       * like a band table under the plan's boundary rule. */
      guint d0;
      g_autofree char *from = NULL;
      g_autofree char *mult = NULL;
      g_autofree char *at = NULL;
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    Discount modifier: average discount off list price",
                    GS_XSTYLE_PLAIN);
      gs_xput_text (row, 1, "From", GS_XSTYLE_HEADER);
      gs_xput_text (row, 2, "To", GS_XSTYLE_HEADER);
      gs_xput_text (row, 3, "Multiplier", GS_XSTYLE_HEADER);
      d0 = gs_xrow_index (t) + 1;
      for (guint b = 0; b < cc->n_discount; b++)
        {
          const GsBand *band = &cc->discount[b];
          g_autofree char *label = g_strdup_printf ("    Discount band %u", b + 1);
          g_autofree char *nt = g_strdup_printf ("Role%u_C%u_Disc%u_To", r + 1, i + 1, b + 1);
          g_autofree char *nm = g_strdup_printf ("Role%u_C%u_Disc%u_Times", r + 1, i + 1, b + 1);
          row = gs_xrow_add (t);
          gs_xput_text (row, 0, label, GS_XSTYLE_PLAIN);
          if (b == 0)
            gs_xput_percent (row, 1, band->from, NULL);
          else
            gs_xput_percent (row, 1, band->from, gs_xref (gs_xrow_index (t) - 1, 2, FALSE));
          if (isinf (band->to))
            gs_xput_text (row, 2, "and up", GS_XSTYLE_PLAIN);
          else
            input_percent (row, 2, band->to, nt, 1);
          input_number (row, 3, band->rate, nm, 1);
        }
      from = gs_xrange (d0, 1, d0 + cc->n_discount - 1, 1);
      mult = gs_xrange (d0, 3, d0 + cc->n_discount - 1, 3);
      at = comp->boundary == GS_BOUNDARY_UPPER ? g_strdup ("1E-12") : g_strdup ("0");
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    Discount multiplier at plan (deals at list price)",
                    GS_XSTYLE_PLAIN);
      gs_xput_number (row, 1, cc->discount[0].rate, 2,
                      g_strdup_printf ("LOOKUP(%s,%s,%s)", at, from, mult))
          ->note
          = g_strdup ("Pay at plan assumes deals at list price, as the engine's does; the "
                      "discount bands apply to actual deals (docs/compensation.md, “Discount "
                      "modifier”).");
      l->pay_discount[i] = gs_xref (gs_xrow_index (t), 1, TRUE);
      p->discount = l->pay_discount[i];
    }
  if (cc->gate.present)
    {
      p->gate_row = put_gate (t, c, l->role, r, i, "    Gate: nothing below this attainment of",
                              &cc->gate, GS_XSTYLE_PLAIN);
      l->gate_source[i] = gate_source (l->role, r, i, cc->gate.measure);
      p->gate_source = l->gate_source[i];
    }
  if (cc->cap.present)
    {
      g_autofree char *nc = g_strdup_printf ("Role%u_C%u_Cap", r + 1, i + 1);
      l->pay_cap[i] = put_cap (t, digits, "    Cap", &cc->cap, p->ti, nc, GS_XSTYLE_PLAIN);
      p->cap = l->pay_cap[i];
    }
  if (n > 1 && cc->attain == GS_ATTAIN_PERIOD)
    {
      GsMoney parts[GS_COMP_MONTHS];
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      gs_xput_text (row, 0, "    Target incentive by period (the months rule)", GS_XSTYLE_PLAIN);
      gs_money_split_periods (cc->target_incentive, n, parts);
      for (guint k = 0; k < n; k++)
        gs_xput_money (digits, row, 1 + k, parts[k], gs_payfx_period (p->ti, n, k, digits));
      l->pay_periods[i] = gs_xrange (ri, 1, ri, n);
      l->ti_row[i] = ri;
      p->ti_periods = l->pay_periods[i];
    }
  if (gs_payfx_by_period (cc))
    {
      /* Paid on amounts period by period: each period's pay in a cell of
       * its own, so no formula spells out every period's amount. */
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    Each period's pay, one person at 100 % (period 1, 2, …)",
                    GS_XSTYLE_PLAIN);
      l->pays100[i] = put_period_pays (l, i, row, gs_xrow_index (t), 1, "1", NULL, at100, digits);
    }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "    Pays one person at 100 %", GS_XSTYLE_PLAIN);
  {
    GsPayRefs q = *p;
    q.period_pays = l->pays100[i];
    gs_xput_money (digits, row, 1, at100->earned, gs_payfx_component (&q, "1"));
  }
}

/* A measure's value to date at the end of period k of n when its year is
 * year (gs_comp_input_set_year): money split by the months rule, its first
 * k + 1 periods added up; a count spread evenly; a share the same every
 * month. */
static char *
value_to_date (GsMeasure measure, const char *year, guint n, guint k, guint digits)
{
  guint months = (k + 1) * (GS_COMP_MONTHS / n);
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      {
        GString *f = g_string_new ("(");
        for (guint j = 0; j <= k; j++)
          {
            g_autofree char *part = gs_payfx_period (year, n, j, digits);
            g_string_append_printf (f, "%s%s", j ? "+" : "", part);
          }
        g_string_append_c (f, ')');
        return g_string_free (f, FALSE);
      }
    case GS_MEASURE_UNIT_SHARE:
      return g_strdup (year);
    case GS_MEASURE_UNIT_COUNT:
    default:
      return g_strdup_printf ("%s*%u/%u", year, months, GS_COMP_MONTHS);
    }
}

/* A component's attainment to date at the end of period k of n
 * (year-to-date components) with its measure at attainment a of the
 * quota q (NULL: at 100 %). */
static char *
ytd_attainment (const GsCompComponent *cc, const char *q, const char *a, guint n, guint k,
                guint digits)
{
  if (gs_measure_unit (cc->measure) == GS_MEASURE_UNIT_MONEY)
    {
      g_autofree char *year = a ? g_strdup_printf ("(%s*%s)", a, q) : g_strdup (q);
      g_autofree char *sum = value_to_date (cc->measure, year, n, k, digits);
      return g_strdup_printf ("IF(%s>0,%s/%s,0)", q, sum, q);
    }
  {
    /* A count or share to date ÷ the year's quota: the attainment × the
     * months' share of the year (a count), or the attainment (a share). */
    g_autofree char *att = value_to_date (cc->measure, a ? a : "1", n, k, digits);
    return g_strdup_printf ("IF(%s>0,%s,0)", q, att);
  }
}

/* A year-to-date component's gate at the end of period k of n: its
 * measure's value to date (its year the attainment att × the quota it is
 * set from) ÷ the gate's annual quota. */
static char *
ytd_gate_attainment (const GsPayRefs *p, const char *att, guint n, guint k)
{
  g_autofree char *gq = gs_xref (p->gate_row, 2, FALSE);
  g_autofree char *year = g_strdup_printf ("(%s*%s)", att, p->gate_source ? p->gate_source : gq);
  g_autofree char *sum = value_to_date (p->c->gate.measure, year, n, k, p->digits);
  return g_strdup_printf ("IF(%s>0,%s/%s,0)", gq, sum, gq);
}

/* One person at 100 % month by month, for the draw (docs/compensation.md,
 * "Draw"): each component's pay at the end of each period (year-to-date
 * components from their attainment to date), the commission landed by
 * month after the plan's gate and cap, the draw's top-ups, what is
 * recovered of them and what is still owed.  Every cell is cached with the
 * engine's figure (p).  Returns the formula of the draw's effect on the
 * year. */
static char *
draw_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp, const RoleLayout *l,
            guint r, const GsCompPayout *p, const char *const *att, const char *title)
{
  const GsCompRole *role = l->role;
  guint n_comp = role->n_components, digits = c->digits;
  g_autofree guint *att_row = g_new (guint, n_comp);
  guint paid0, e_row, top_row, rec_row, bal_row;
  g_autofree char *draw = g_strdup_printf ("Role%u_Draw", r + 1);
  g_autofree char *months = g_strdup_printf ("Role%u_DrawMonths", r + 1);
  const char *plan_gate_a = att && role->gate.present ? att[role->gate.measure] : "1";
  GsXRow *row = gs_xrow_add (t);

  gs_xput_text (row, 0, title, GS_XSTYLE_HEADER);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *label = g_strdup_printf ("Month %u", m + 1);
      gs_xput_text (row, 1 + m, label, GS_XSTYLE_HEADER);
    }
  /* Year-to-date attainment at each period's end. */
  for (guint i = 0; i < n_comp; i++)
    {
      const GsCompComponent *cc = &role->components[i];
      guint n = gs_period_count (cc->period), len = GS_COMP_MONTHS / n;
      g_autofree char *label = NULL;
      att_row[i] = G_MAXUINT;
      if (cc->attain != GS_ATTAIN_YTD || n == 1)
        continue;
      label = g_strdup_printf ("    %s: attainment to date", cc->name);
      row = gs_xrow_add (t);
      att_row[i] = gs_xrow_index (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_PLAIN);
      for (guint k = 0; k < n; k++)
        gs_xput_percent (
            row, 1 + (k + 1) * len - 1, p->components[i].period_attainment[k],
            ytd_attainment (cc, l->pay_quota[i], att ? att[cc->measure] : NULL, n, k, digits));
    }
  /* Each component's pay at the end of its periods (one row each, adjacent,
   * so the months' commission is one range). */
  paid0 = gs_xrow_index (t) + 1;
  for (guint i = 0; i < n_comp; i++)
    {
      const GsCompComponent *cc = &role->components[i];
      guint n = gs_period_count (cc->period), len = GS_COMP_MONTHS / n;
      gboolean ytd = cc->attain == GS_ATTAIN_YTD && n > 1;
      g_autofree char *label = g_strdup_printf ("    %s: paid at the period's end", cc->name);
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_PLAIN);
      for (guint k = 0; k < n; k++)
        {
          guint col = 1 + (k + 1) * len - 1;
          GsPayRefs q = l->pay[i];
          g_autofree char *a
              = ytd ? gs_xref (att_row[i], col, FALSE) : g_strdup (att ? att[cc->measure] : "1");
          g_autofree char *gate_a = NULL;
          g_autofree char *ti = NULL;
          g_autofree char *earned = NULL;
          g_autofree char *before = k ? gs_xsum (ri, 1, ri, col - 1) : g_strdup ("0");
          char *f;
          if (!ytd && n > 1)
            {
              ti = gs_xref (l->ti_row[i], 1 + k, TRUE);
              q.period = k; /* the amount basis pays this period alone */
            }
          q.ti = ti ? ti : l->pay_ti[i];
          q.ti_periods = NULL;
          q.cap = NULL;
          /* At the plan's attainments a gate reads its own measure's: to
           * date for a year-to-date component (so the gate's source is
           * already in it).  At 100 % every measure is at a. */
          if (att && cc->gate.present)
            {
              gate_a = ytd ? ytd_gate_attainment (&q, att[cc->gate.measure], n, k)
                           : g_strdup (att[cc->gate.measure]);
              if (ytd)
                q.gate_source = NULL;
              q.gate_a = gate_a;
            }
          earned = gs_payfx_component (&q, a);
          /* Period by period: what the period earns, up to what the cap
           * leaves; year to date: what is earned to date less what was paid. */
          if (ytd)
            f = l->pay[i].cap ? g_strdup_printf ("MIN(%s,%s)-%s", l->pay[i].cap, earned, before)
                              : g_strdup_printf ("%s-%s", earned, before);
          else
            f = l->pay[i].cap
                    ? g_strdup_printf ("MIN(%s,%s+%s)-%s", l->pay[i].cap, before, earned, before)
                    : g_steal_pointer (&earned);
          gs_xput_money (digits, row, col, p->components[i].periods[k], f);
        }
    }
  /* The commission landed by month: the components' pay to date through the
   * plan's gate and cap (both on the year), less the month before's. */
  row = gs_xrow_add (t);
  e_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "    Commission landed (after the plan's gate and cap)", GS_XSTYLE_PLAIN);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *to_date = NULL;
      g_autofree char *before = NULL;
      {
        g_autofree char *a = gs_xref (paid0, 1, TRUE);
        g_autofree char *b = gs_xref (paid0 + n_comp - 1, 1 + m, FALSE);
        /* Column B fixed, the month's column relative: B10:E12. */
        char *sum = g_strdup_printf ("SUM(%s:%s)", a, b);
        to_date = gs_payfx_gate_cap (comp->boundary, plan_gate_a, l->gate_row, l->gate_src, l->cap,
                                     sum);
      }
      if (m > 0)
        {
          g_autofree char *a = gs_xref (paid0, 1, TRUE);
          g_autofree char *b = gs_xref (paid0 + n_comp - 1, m, FALSE);
          char *sum = g_strdup_printf ("SUM(%s:%s)", a, b);
          before = gs_payfx_gate_cap (comp->boundary, plan_gate_a, l->gate_row, l->gate_src, l->cap,
                                      sum);
        }
      gs_xput_money (digits, row, 1 + m, p->month_commission[m],
                     before ? g_strdup_printf ("%s-(%s)", to_date, before) : g_strdup (to_date));
    }
  /* The draw (gs-comp-payout.c, draw()): in each of the first months the
   * commission is topped up to the draw; otherwise, while something is
   * owed, what the month earns above the draw (above 0 after the draw's
   * months) is recovered. */
  top_row = gs_xrow_index (t) + 1;
  rec_row = top_row + 1;
  bal_row = top_row + 2;
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "    Draw: top-up", GS_XSTYLE_PLAIN);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *e = gs_xref (e_row, 1 + m, FALSE);
      gs_xput_money (
          digits, row, 1 + m, p->month_draw_topup[m],
          g_strdup_printf ("IF(AND(%u<=%s,%s<%s),%s-%s,0)", m + 1, months, e, draw, draw, e));
    }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "    Draw: recovered from the month's commission", GS_XSTYLE_PLAIN);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *e = gs_xref (e_row, 1 + m, FALSE);
      g_autofree char *owed = m ? gs_xref (bal_row, m, FALSE) : g_strdup ("0");
      gs_xput_money (digits, row, 1 + m, p->month_draw_recovered[m],
                     g_strdup_printf ("IF(AND(%u<=%s,%s<%s),0,-MAX(0,MIN(%s,%s-IF(%u<=%s,%s,0))))",
                                      m + 1, months, e, draw, owed, e, m + 1, months, draw));
    }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0,
                role->draw.recoverable ? "    Draw: still owed at the month's end"
                                       : "    Draw: still owed (not recoverable: nothing)",
                GS_XSTYLE_PLAIN);
  for (guint m = 0; m < GS_COMP_MONTHS; m++)
    {
      g_autofree char *owed = m ? gs_xref (bal_row, m, FALSE) : g_strdup ("0");
      g_autofree char *top = gs_xref (top_row, 1 + m, FALSE);
      g_autofree char *rec = gs_xref (rec_row, 1 + m, FALSE);
      gs_xput_money (digits, row, 1 + m, p->month_draw_balance[m],
                     role->draw.recoverable ? g_strdup_printf ("%s+%s+%s", owed, top, rec)
                                            : g_strdup_printf ("%s+%s", owed, rec));
    }
  {
    g_autofree char *tops = gs_xsum (top_row, 1, top_row, GS_COMP_MONTHS);
    g_autofree char *recs = gs_xsum (rec_row, 1, rec_row, GS_COMP_MONTHS);
    return g_strdup_printf ("%s+%s", tops, recs);
  }
}

/* Whether everyone on the role is paid the same at 100 %: on the amount
 * basis a person's own quota is their amount at 100 %. */
static gboolean
attainment_basis (const GsCompRole *role)
{
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].table.basis != GS_BASIS_ATTAINMENT)
      return FALSE;
  return TRUE;
}

static gboolean
role_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp, guint r, RoleLayout *l,
            GError **error)
{
  static const char *const comp_head[]
      = { "Component", "Measure",   "Weight", "Target incentive", "Quota per person (year)",
          "Period",    "Attainment" };
  const GsCompRole *role = &comp->roles[r];
  guint digits = c->digits;
  const char *S = gs_payfx_scale (digits);
  g_autoptr (GsCompPayout) p = NULL;
  g_autofree char *n_ote = g_strdup_printf ("Role%u_OTE", r + 1);
  g_autofree char *n_mix = g_strdup_printf ("Role%u_PayMix", r + 1);
  g_autofree char *n_ti = g_strdup_printf ("Role%u_TI", r + 1);
  g_autofree char *n_hc = g_strdup_printf ("Role%u_Headcount", r + 1);
  g_autofree char **weights = NULL;
  GsCompInput in;
  GsXRow *row;
  guint comp_row0, n = role->n_components, commission_row;

  l->role = role;
  l->pay = g_new0 (GsPayRefs, n);
  l->pay_cap = g_new0 (char *, n);
  l->pay_ti = g_new0 (char *, n);
  l->pay_quota = g_new0 (char *, n);
  l->pay_periods = g_new0 (char *, n);
  l->gate_source = g_new0 (char *, n);
  l->pay_discount = g_new0 (char *, n);
  l->pays100 = g_new0 (char *, n);
  l->ti_row = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    l->ti_row[i] = G_MAXUINT;
  l->gate_row = G_MAXUINT;
  l->spifs = g_array_new (FALSE, FALSE, sizeof (guint));

  /* One person on the role's own quotas at 100 %: the cached values and the
   * trace, without computing everyone (the People sheet does that once). */
  gs_comp_input_init (&in);
  gs_comp_input_at_attainment (&in, role, GS_COMP_STANDARD_PERSON, 1.0);
  p = gs_comp_payout (comp, role, GS_COMP_STANDARD_PERSON, &in, error);
  gs_comp_input_clear (&in);
  if (p == NULL)
    return FALSE;

  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, role->name, GS_XSTYLE_SECTION);

  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "People in the role", GS_XSTYLE_LABEL);
  put_headcount (c->m, row, role, n_hc);
  gs_xput_text (row, 2, gs_explain_headcount_from (role), GS_XSTYLE_PLAIN);
  l->headcount = gs_xref (gs_xrow_index (t), 1, TRUE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "On-target earnings (OTE)", GS_XSTYLE_LABEL);
  input_money (digits, row, 1, role->ote, n_ote, TRUE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Pay mix (target incentive ÷ OTE)", GS_XSTYLE_LABEL);
  input_percent (row, 1, role->pay_mix, n_mix, 1);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Base salary", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, role->base, g_strdup_printf ("%s-%s", n_ote, n_ti));
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Target incentive (OTE × pay mix)", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, role->target_incentive,
                 g_strdup_printf ("ROUND(ROUND(%s*%s,0)*%s,0)/%s", n_ote, S, n_mix, S))
      ->name
      = g_strdup (n_ti);
  if (role->gate.present)
    {
      l->gate_row = put_gate (t, c, role, r, G_MAXUINT,
                              "Plan gate: nothing at all below this attainment of", &role->gate,
                              GS_XSTYLE_LABEL);
      l->gate_src = gate_source (role, r, G_MAXUINT, role->gate.measure);
    }
  if (role->cap.present)
    {
      g_autofree char *nc = g_strdup_printf ("Role%u_Cap", r + 1);
      l->cap = put_cap (t, digits, "Plan cap", &role->cap, n_ti, nc, GS_XSTYLE_LABEL);
    }
  for (guint s = 0; s < role->n_spifs; s++)
    {
      const GsSpif *sp = &role->spifs[s];
      g_autofree char *na = g_strdup_printf ("Role%u_Spif%u_Amount", r + 1, s + 1);
      g_autofree char *ne = g_strdup_printf ("Role%u_Spif%u_Events", r + 1, s + 1);
      g_autofree char *label = g_strdup_printf ("SPIF “%s”: per qualifying event", sp->name);
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      g_array_append_val (l->spifs, ri);
      gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
      input_money (digits, row, 1, sp->amount, na, FALSE);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    expected events per person (for the cost at plan)",
                    GS_XSTYLE_PLAIN);
      input_number (row, 1, sp->expected_events, ne, 1e6);
    }
  if (role->draw.present)
    {
      g_autofree char *nd = g_strdup_printf ("Role%u_Draw", r + 1);
      g_autofree char *nm = g_strdup_printf ("Role%u_DrawMonths", r + 1);
      g_autofree char *label
          = g_strdup_printf ("Draw: at least this a month (%s)",
                             role->draw.recoverable ? "recoverable" : "not recoverable");
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
      input_money (digits, row, 1, role->draw.amount, nd, TRUE);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    for the first months of the year", GS_XSTYLE_PLAIN);
      as_input (gs_xput_count (row, 1, role->draw.months, NULL), nm, 2, 1, GS_COMP_MONTHS);
    }

  header (t, comp_head, G_N_ELEMENTS (comp_head));
  comp_row0 = gs_xrow_index (t) + 1;
  weights = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    weights[i] = gs_xref (comp_row0 + i, 2, TRUE);
  for (guint i = 0; i < n; i++)
    {
      const GsCompComponent *cc = &role->components[i];
      g_autofree char *nw = g_strdup_printf ("Role%u_C%u_Weight", r + 1, i + 1);
      g_autofree char *nq = g_strdup_printf ("Role%u_C%u_Quota", r + 1, i + 1);
      g_autofree char *nt = g_strdup_printf ("Role%u_C%u_TI", r + 1, i + 1);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, cc->name, GS_XSTYLE_LABEL);
      gs_xput_text (row, 1, gs_measure_label (cc->measure), GS_XSTYLE_PLAIN);
      input_percent (row, 2, cc->weight, nw, 1);
      gs_xput_money (digits, row, 3, cc->target_incentive,
                     gs_payfx_split (n_ti, weights, n, i, digits))
          ->name
          = g_strdup (nt);
      l->pay_ti[i] = gs_xref (comp_row0 + i, 3, TRUE);
      l->pay_quota[i] = gs_xref (comp_row0 + i, 4, TRUE);
      put_quota (c, role, row, 4, cc, nq);
      gs_xput_text (row, 5, period_names[cc->period], GS_XSTYLE_PLAIN);
      gs_xput_text (row, 6, cc->attain == GS_ATTAIN_YTD ? "year to date" : "each period",
                    GS_XSTYLE_PLAIN);
    }
  g_strfreev (g_steal_pointer (&weights));
  for (guint i = 0; i < n; i++)
    component_block (t, c, comp, l, r, i, digits, &p->components[i]);

  row = gs_xrow_add (t);
  commission_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Commission: one person at 100 % (after the plan's gate and cap)",
                GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, p->earned, role_commission (l, comp->boundary, "1", l->pays100));
  {
    g_autofree char *commission = gs_xref (commission_row, 1, FALSE);
    char *f = g_strdup (commission);
    if (role->draw.present)
      {
        g_autofree char *draw = NULL;
        g_autofree char *months = draw_block (t, c, comp, l, r, p, NULL,
                                              "Month by month, one person at 100 % (for the draw)");
        row = gs_xrow_add (t);
        gs_xput_text (row, 0, "Draw top-ups not recovered within the year", GS_XSTYLE_LABEL);
        gs_xput_money (digits, row, 1, p->draw_net, g_steal_pointer (&months));
        draw = gs_xref (gs_xrow_index (t), 1, FALSE);
        g_free (f);
        f = g_strdup_printf ("%s+%s", commission, draw);
      }
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Variable pay for the year: one person at 100 %", GS_XSTYLE_TOTAL);
    gs_xput_money (digits, row, 1, p->total, f)->name = g_strdup_printf ("Role%u_Pay100", r + 1);
    l->pay100 = gs_xref (gs_xrow_index (t), 1, TRUE);
  }

  l->payout = g_steal_pointer (&p);
  return TRUE;
}

/* The engine's calculation trace of one person at 100 %, a role's section
 * at the foot of the sheet: its length follows the inputs (a discount line,
 * a gate that shuts), so nothing that recalculates sits below it. */
static void
trace_block (GsXTable *t, const GsCompModel *comp, const RoleLayout *l, guint digits)
{
  const GsCompPayout *p = l->payout;
  g_autofree char *title = g_strdup_printf (
      "How the engine computes it: %s, one person on the role's quotas at 100 %%", l->role->name);
  GsXRow *row;
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, title, GS_XSTYLE_SECTION);
  gs_xput (row, 0)->note = g_strdup (COMP_NOTE);
  for (guint i = 0; i < p->trace->len; i++)
    {
      const GsTraceLine *line = g_ptr_array_index (p->trace, i);
      g_autofree char *indent = g_strnfill (line->depth * 4, ' ');
      g_autofree char *words = gs_explain_comp_line (comp, line);
      g_autofree char *text = g_strconcat (indent, words, NULL);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, text, GS_XSTYLE_PLAIN);
      if (line->counts)
        gs_xput_money (digits, row, 1, line->amount, NULL);
    }
}

/* Payout curves: one standard person per role, 0 to 200 % attainment, each
 * point the role's formula at the row's attainment.  A component paid on
 * amounts period by period has each period's pay at the row's attainment in
 * columns of its own to the right (labelled), which its role's point adds
 * up. */
static gboolean
curves_block (GsXTable *t, const GsCompModel *comp, const RoleLayout *layouts, guint digits,
              GError **error)
{
  g_autoptr (GPtrArray) curves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *col0 = g_new0 (guint, comp->n_roles); /* role r's first helper column */
  guint curve_row0, n_points = 21, next_col = comp->n_roles + 2;
  GsXRow *row;

  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      GArray *curve = gs_comp_curve (comp, role, 0.1, 2.0, error);
      if (curve == NULL)
        return FALSE;
      g_ptr_array_add (curves, curve);
      n_points = MIN (n_points, curve->len);
      col0[r] = next_col;
      for (guint i = 0; i < role->n_components; i++)
        if (gs_payfx_by_period (&role->components[i]))
          next_col += gs_period_count (role->components[i].period);
    }
  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, "Payout curves: one person's commission by attainment",
                GS_XSTYLE_SECTION);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Attainment", GS_XSTYLE_HEADER);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      guint col = col0[r];
      gs_xput_text (row, 1 + r, role->name, GS_XSTYLE_HEADER);
      for (guint i = 0; i < role->n_components; i++)
        {
          guint n = gs_period_count (role->components[i].period);
          if (!gs_payfx_by_period (&role->components[i]))
            continue;
          for (guint k = 0; k < n; k++)
            {
              g_autofree char *label = g_strdup_printf ("%s · %s: period %u", role->name,
                                                        role->components[i].name, k + 1);
              gs_xput_text (row, col++, label, GS_XSTYLE_HEADER);
            }
        }
    }
  for (guint col = comp->n_roles + 2; col < MIN (next_col, G_N_ELEMENTS (t->widths)); col++)
    t->widths[col] = 18;
  curve_row0 = gs_xrow_index (t) + 1;
  for (guint pt = 0; pt < n_points; pt++)
    {
      GArray *c0 = g_ptr_array_index (curves, 0);
      g_autofree char *a = gs_xref (curve_row0 + pt, 0, TRUE);
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      gs_xput_percent (row, 0, g_array_index (c0, GsCurvePoint, pt).attainment, NULL);
      for (guint r = 0; r < comp->n_roles; r++)
        {
          const RoleLayout *l = &layouts[r];
          const GsCompRole *role = l->role;
          GArray *curve = g_ptr_array_index (curves, r);
          const GsCurvePoint *point = &g_array_index (curve, GsCurvePoint, pt);
          g_autofree char **pays = g_new0 (char *, role->n_components + 1);
          g_autoptr (GsCompPayout) engine = NULL;
          guint col = col0[r];
          for (guint i = 0; i < role->n_components; i++)
            {
              if (!gs_payfx_by_period (&role->components[i]))
                continue;
              if (engine == NULL)
                {
                  /* The engine's periods at this point, for the cached values. */
                  GsCompInput in;
                  gs_comp_input_init (&in);
                  gs_comp_input_at_attainment (&in, role, GS_COMP_STANDARD_PERSON,
                                               point->attainment);
                  engine = gs_comp_payout_with (comp, role, GS_COMP_STANDARD_PERSON, &in,
                                                GS_COMP_PAYOUT_FIGURES, error);
                  gs_comp_input_clear (&in);
                  if (engine == NULL)
                    {
                      for (guint j = 0; j < i; j++)
                        g_free (pays[j]);
                      return FALSE;
                    }
                }
              pays[i]
                  = put_period_pays (l, i, row, ri, col, a, NULL, &engine->components[i], digits);
              col += gs_period_count (role->components[i].period);
            }
          gs_xput_money (digits, row, 1 + r, point->earned,
                         role_commission (l, comp->boundary, a, pays));
          for (guint i = 0; i < role->n_components; i++)
            g_free (pays[i]);
        }
    }
  {
    GsXChart *chart = gs_xchart_add (t, GS_XCHART_LINE, "Payout curves (one person, commission)");
    chart->x_title = g_strdup ("Attainment of quota");
    chart->y_title = g_strdup ("Commission for the year");
    chart->categories = gs_xrange_sheet (t->name, curve_row0, 0, curve_row0 + n_points - 1, 0);
    for (guint r = 0; r < comp->n_roles; r++)
      {
        g_ptr_array_add (chart->values, gs_xrange_sheet (t->name, curve_row0, 1 + r,
                                                         curve_row0 + n_points - 1, 1 + r));
        g_ptr_array_add (chart->names,
                         gs_xrange_sheet (t->name, curve_row0 - 1, 1 + r, curve_row0 - 1, 1 + r));
      }
    chart->at_row = curve_row0;
    chart->at_col = next_col;
  }
  return TRUE;
}

/* The comp year's company bookings target: the Targets sheet's first
 * months (docs/compensation.md), rounded once. */
static char *
comp_year_target (const GsExportCtx *c)
{
  guint months = MIN (GS_COMP_MONTHS, c->m->company.horizon);
  g_autofree char *range = gs_xrange_sheet ("Targets", c->targets.target_row, c->targets.col0,
                                            c->targets.target_row, c->targets.col0 + months - 1);
  return g_strdup_printf ("ROUND(SUM(%s),%u)", range + 1, c->digits);
}

/* A Capacity row's sum over the comp year's months. */
static char *
capacity_year (const GsExportCtx *c, guint crow)
{
  guint Y = MIN (GS_COMP_MONTHS, c->r->horizon);
  g_autofree char *range = gs_xrange_sheet ("Capacity", crow, c->c_col0, crow, c->c_col0 + Y - 1);
  return g_strdup_printf ("SUM(%s)", range + 1);
}

/* An attainment row: what the plan gives (column B of row got) ÷ what it
 * is measured against (of), 1 when there is nothing to measure against;
 * named, and its cell is returned (absolute). */
static char *
attainment_row (GsXTable *t, const char *label, double v, guint got, guint of, const char *name)
{
  GsXRow *row = gs_xrow_add (t);
  g_autofree char *a = gs_xref (got, 1, FALSE);
  g_autofree char *b = gs_xref (of, 1, FALSE);
  gs_xput_text (row, 0, label, GS_XSTYLE_TOTAL);
  gs_xput_percent (row, 1, v, g_strdup_printf ("IF(%s>0,%s/%s,1)", b, a, b))->name
      = g_strdup (name);
  return gs_xref (gs_xrow_index (t), 1, TRUE);
}

/* The attainment the plan implies for each measure (gs_comp_resolve,
 * docs/compensation.md "At plan") as formulas over the Capacity, Funnel,
 * Targets and Marketing goals sheets, each cached with the engine's figure:
 * own and team bookings, what the plan books less existing customers ÷ the
 * ramped quota the AEs carry; company bookings, what the plan books ÷ the
 * comp year's target; marketing-sourced bookings, the projected bookings
 * marketing's sources bring (each month's split over who sourced its wins
 * by the largest remainder) ÷ the Marketing goals' sourced bookings; every
 * other measure 100 % of quota.  att gets each measure's cell. */
static void
plan_attainment_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp,
                       char *att[GS_N_MEASURES])
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  guint Y = MIN (GS_COMP_MONTHS, r->horizon), digits = c->digits;
  GsMoney quota_months[12];
  guint quota_row, ramped_row, carried_row, delivered_row, target_row, mkt_row, goal_row;
  GsXRow *row;

  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0,
                "Pay at the attainment the plan implies (its funnel and capacity, comp year)",
                GS_XSTYLE_SECTION);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Figure", GS_XSTYLE_HEADER);
  gs_xput_text (row, 1, "Comp year", GS_XSTYLE_HEADER);
  for (guint mo = 0; mo < Y; mo++)
    {
      g_autofree char *label = g_strdup_printf ("Month %u", mo + 1);
      gs_xput_text (row, 2 + mo, label, GS_XSTYLE_HEADER);
    }

  /* Each AE's quota by month (the months rule), ramped with the AEs. */
  gs_money_split_year (m->ae.quota, NULL, quota_months);
  row = gs_xrow_add (t);
  quota_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "AE quota per person by month (the months rule)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < Y; mo++)
    gs_xput_money (digits, row, 2 + mo, quota_months[mo],
                   gs_payfx_period ("AE_Quota", 12, mo, digits));
  row = gs_xrow_add (t);
  ramped_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Ramped quota the AEs carry (Capacity's ramped AEs × the month's quota)",
                GS_XSTYLE_LABEL);
  {
    g_autofree char *ramped
        = gs_xrange_sheet ("Capacity", c->c_ramped, c->c_col0, c->c_ramped, c->c_col0 + Y - 1);
    g_autofree char *quota = gs_xrange (quota_row, 2, quota_row, 1 + Y);
    gs_xput_number (row, 1, gs_money_to_major (comp->plan_ramped_quota, digits), 2,
                    g_strdup_printf ("SUMPRODUCT(%s,%s)", ramped + 1, quota));
  }
  row = gs_xrow_add (t);
  carried_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "New business the plan books (Capacity's plan − existing customers)",
                GS_XSTYLE_LABEL);
  {
    g_autofree char *plan = capacity_year (c, c->c_plan);
    g_autofree char *existing = capacity_year (c, c->c_existing);
    gs_xput_money (digits, row, 1, comp->plan_carried,
                   g_strdup_printf ("ROUND(%s-%s,%u)", plan, existing, digits));
  }
  att[GS_MEASURE_OWN_BOOKINGS]
      = attainment_row (t, "Attainment the plan implies: own and team bookings",
                        comp->plan_attainment[GS_MEASURE_OWN_BOOKINGS], carried_row, ramped_row,
                        "PlanAttainment_Bookings");
  att[GS_MEASURE_TEAM_BOOKINGS] = g_strdup (att[GS_MEASURE_OWN_BOOKINGS]);

  row = gs_xrow_add (t);
  delivered_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Bookings the plan delivers (Capacity's plan)", GS_XSTYLE_LABEL);
  {
    g_autofree char *plan = capacity_year (c, c->c_plan);
    gs_xput_money (digits, row, 1, comp->plan_delivered,
                   g_strdup_printf ("ROUND(%s,%u)", plan, digits));
  }
  row = gs_xrow_add (t);
  target_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Company bookings target over the comp year", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, comp->plan_bookings, comp_year_target (c));
  att[GS_MEASURE_COMPANY_BOOKINGS]
      = attainment_row (t, "Attainment the plan implies: company bookings",
                        comp->plan_attainment[GS_MEASURE_COMPANY_BOOKINGS], delivered_row,
                        target_row, "PlanAttainment_Company");

  /* Marketing's part of each month's projected bookings: the month split
   * over the owners by their sources' expected wins (the Funnel sheet's
   * forward funnel), largest remainder; with no wins at all, all of it is
   * the first owner's (marketing's), as gs_money_split gives it. */
  row = gs_xrow_add (t);
  mkt_row = gs_xrow_index (t);
  gs_xput_text (row, 0,
                "Bookings projected from marketing's sources (each month split by the wins)",
                GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < Y; mo++)
    {
      char *wins[GS_N_OWNERS + 1] = { NULL };
      g_autofree char *total = gs_xref_sheet ("Capacity", c->c_proj, c->c_col0 + mo);
      g_autofree char *split = NULL;
      g_autofree char *sum = NULL;
      GString *all = g_string_new ("(");
      for (guint o = 0; o < GS_N_OWNERS; o++)
        {
          GString *w = g_string_new ("MAX(0,0");
          for (guint j = 0; j < m->n_sources; j++)
            if (m->sources[j].owner == o)
              {
                g_autofree char *cell
                    = gs_xref_sheet ("Funnel", c->f_proj_row[j], c->f_col0 + r->n_pre + mo);
                g_string_append_printf (w, "+%s", cell);
              }
          /* A negative weight counts as none (gs_money_split). */
          g_string_append_c (w, ')');
          g_string_append_printf (all, "%s%s", o ? "+" : "", w->str);
          wins[o] = g_string_free (w, FALSE);
        }
      g_string_append_c (all, ')');
      sum = g_string_free (all, FALSE);
      split = gs_payfx_split (total, wins, GS_N_OWNERS, GS_OWNER_MARKETING, digits);
      gs_xput_money (
          digits, row, 2 + mo, r->owner_bookings[(gsize) GS_OWNER_MARKETING * r->horizon + mo],
          g_strdup_printf ("IF(%s>0,%s,%s)", sum, split, GS_OWNER_MARKETING == 0 ? total : "0"));
      for (guint o = 0; o < GS_N_OWNERS; o++)
        g_free (wins[o]);
    }
  {
    g_autofree char *months = gs_xsum (mkt_row, 2, mkt_row, 1 + Y);
    gs_xput_money (digits, row, 1, comp->plan_marketing,
                   g_strdup_printf ("ROUND(%s,%u)", months, digits));
  }
  row = gs_xrow_add (t);
  goal_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Marketing-sourced bookings goal (Marketing goals)", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, comp->plan_marketing_goal,
                 goal_line_year (c, "marketing.sourced_bookings", TRUE));
  att[GS_MEASURE_MARKETING_SOURCED_BOOKINGS]
      = attainment_row (t, "Attainment the plan implies: marketing-sourced bookings",
                        comp->plan_attainment[GS_MEASURE_MARKETING_SOURCED_BOOKINGS], mkt_row,
                        goal_row, "PlanAttainment_Marketing");
  gs_xput_text (gs_xrow_add (t), 0,
                "Every other measure at 100 % of its quota (the goal sheets are the quota).",
                GS_XSTYLE_PLAIN);
  for (guint i = 0; i < GS_N_MEASURES; i++)
    if (att[i] == NULL)
      att[i] = g_strdup ("1");
}

/* One person of role r with each measure at the attainment the plan
 * implies (att, plan_attainment_block's cells): the commission, and for a
 * role with a draw its months and the draw's effect, then the year's
 * variable pay (l->pay_plan); cached with the engine's payout at
 * comp->plan_attainment. */
static gboolean
plan_person_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp, guint r,
                   RoleLayout *l, const char *const *att, GError **error)
{
  const GsCompRole *role = l->role;
  g_autoptr (GsCompPayout) p = NULL;
  g_autofree char **pays = NULL; /* [n_components], NULL where none: freed one by one */
  g_autofree char *commission = NULL;
  g_autofree char *label = NULL;
  char *f;
  GsCompInput in;
  GsXRow *row;

  gs_comp_input_init (&in);
  gs_comp_input_at_attainments (&in, role, GS_COMP_STANDARD_PERSON, comp->plan_attainment);
  p = gs_comp_payout_with (comp, role, GS_COMP_STANDARD_PERSON, &in, GS_COMP_PAYOUT_FIGURES, error);
  gs_comp_input_clear (&in);
  if (p == NULL)
    return FALSE;

  pays = g_new0 (char *, role->n_components + 1);
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *cc = &role->components[i];
      g_autofree char *words = NULL;
      if (!gs_payfx_by_period (cc))
        continue;
      row = gs_xrow_add (t);
      words = g_strdup_printf ("%s · %s: each period's pay at the plan's attainment", role->name,
                               cc->name);
      gs_xput_text (row, 0, words, GS_XSTYLE_PLAIN);
      pays[i] = put_period_pays (l, i, row, gs_xrow_index (t), 1, att[cc->measure],
                                 cc->gate.present ? att[cc->gate.measure] : NULL, &p->components[i],
                                 c->digits);
    }
  row = gs_xrow_add (t);
  label = g_strdup_printf ("%s: one person's commission at the plan's attainment", role->name);
  gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
  gs_xput_money (c->digits, row, 1, p->earned, role_commission_at (l, comp->boundary, att, pays));
  for (guint i = 0; i < role->n_components; i++)
    g_free (pays[i]);
  commission = gs_xref (gs_xrow_index (t), 1, FALSE);
  f = g_strdup (commission);
  if (role->draw.present)
    {
      g_autofree char *title = g_strdup_printf (
          "%s: month by month at the plan's attainment (for the draw)", role->name);
      g_autofree char *draw = NULL;
      g_autofree char *effect = draw_block (t, c, comp, l, r, p, att, title);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    Draw top-ups not recovered within the year, at plan",
                    GS_XSTYLE_PLAIN);
      gs_xput_money (c->digits, row, 1, p->draw_net, g_steal_pointer (&effect));
      draw = gs_xref (gs_xrow_index (t), 1, FALSE);
      g_free (f);
      f = g_strdup_printf ("%s+%s", commission, draw);
    }
  row = gs_xrow_add (t);
  g_free (label);
  label = g_strdup_printf ("%s: variable pay for the year, one person at the plan's attainment",
                           role->name);
  gs_xput_text (row, 0, label, GS_XSTYLE_TOTAL);
  gs_xput_money (c->digits, row, 1, p->total, f)->name
      = g_strdup_printf ("Role%u_PayAtPlan", r + 1);
  l->pay_plan = gs_xref (gs_xrow_index (t), 1, TRUE);
  return TRUE;
}

/* Pay as staffed: the role's full year (everyone's: full, the People
 * sheet's sum, or one person's, person, × the headcount) × person-years ÷
 * headcount, rounded once, + each SPIF's expected events × person-years. */
static char *
staffed_formula (const RoleLayout *l, const char *person, const char *full, const char *py,
                 const char *S)
{
  GString *f = g_string_new (NULL);
  if (full)
    g_string_append_printf (f, "IF(%s=0,0,ROUND(ROUND(%s*%s,0)*%s/%s,0)/%s)", l->headcount, full, S,
                            py, l->headcount, S);
  else
    g_string_append_printf (f, "IF(%s=0,0,ROUND(ROUND(%s*%s,0)*%s*%s/%s,0)/%s)", l->headcount,
                            person, S, l->headcount, py, l->headcount, S);
  for (guint s = 0; s < l->spifs->len; s++)
    {
      guint sr = g_array_index (l->spifs, guint, s);
      g_autofree char *amount = gs_xref (sr, 1, TRUE);
      g_autofree char *events = gs_xref (sr + 1, 1, TRUE);
      g_string_append_printf (f, "+ROUND(ROUND(%s*%s,0)*%s*%s,0)/%s", amount, S, events, py, S);
    }
  return g_string_free (f, FALSE);
}

#define STAFFED_NOTE                                                                               \
  "Person-years follow the capacity plan (hires from their start month, expected attrition); pay " \
  "at the plan's own attainment reads that attainment from its funnel and capacity month by "      \
  "month (the rows above). Both recalculate (docs/compensation.md, “At plan”)."

typedef struct
{
  guint row, col0; /* the Capacity sheet's AEs on staff */
} Staff;

/* Person-years paid in the comp year (gs_comp_resolve): AEs, the capacity
 * plan's AEs on staff month by month; SDRs, the start headcount and each
 * hire from its month; the plan's last month stands for the rest of a short
 * plan; anyone else, the headcount. */
static char *
paid_years (const GsModel *m, const GsCompRole *role, const Staff *staff, const char *headcount)
{
  guint Y = MIN (GS_COMP_MONTHS, m->company.horizon);
  if (role->headcount_from != GS_HEADCOUNT_CAPACITY)
    return g_strdup (headcount);
  if (role->kind == GS_ROLE_AE)
    {
      g_autofree char *range
          = gs_xrange_sheet ("Capacity", staff->row, staff->col0, staff->row, staff->col0 + Y - 1);
      g_autofree char *last = gs_xref_sheet ("Capacity", staff->row, staff->col0 + Y - 1);
      return g_strdup_printf ("(SUM(%s)+%u*%s)/%u", range + 1, GS_COMP_MONTHS - Y, last,
                              GS_COMP_MONTHS);
    }
  {
    GString *f = g_string_new (NULL);
    g_string_append_printf (f, "(%u*SDR_StartHeadcount", GS_COMP_MONTHS);
    /* A hire in plan month h (0-based) is paid in the comp year's months from h on. */
    for (guint h = 0; h < m->sdr.n_hires; h++)
      g_string_append_printf (
          f, "+IF(SDR_Hire%u_Month<=%u,SDR_Hire%u_Count*MAX(0,%u-(SDR_Hire%u_Month-1)),0)", h + 1,
          Y, h + 1, GS_COMP_MONTHS, h + 1);
    g_string_append_printf (f, ")/%u", GS_COMP_MONTHS);
    return g_string_free (f, FALSE);
  }
}

static gboolean
needs_people_fx (const GsCompRole *role);

/* The People sheet's row of role r's first person: after its title and
 * header, a row per listed person (one for a role that lists nobody). */
static guint
people_first_row (const GsCompModel *comp, guint r)
{
  guint row = 2;
  for (guint k = 0; k < r; k++)
    row += comp->roles[k].n_people ? comp->roles[k].n_people : 1;
  return row;
}

static void
cost_block (GsXTable *t, const GsExportCtx *c, const GsCompModel *comp, const RoleLayout *layouts,
            const GsCompAtPlan *at, const char *const *att)
{
  static const char *const head[]
      = { "Role", "Everyone a full year at 100 %", "Person-years paid",
          "As staffed, at 100 % of quota", "As staffed, at the plan's attainment" };
  const GsModel *m = c->m;
  Staff staff = { c->c_staff, c->c_col0 };
  guint digits = c->digits;
  const char *S = gs_payfx_scale (digits);
  guint first, total_row, bookings_row, nb_row;
  GsXRow *row;

  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0,
                "Cost at plan: everyone at 100 % beside pay as staffed (with expected SPIFs)",
                GS_XSTYLE_SECTION);
  header (t, head, G_N_ELEMENTS (head));
  gs_xput (g_ptr_array_index (t->rows, gs_xrow_index (t)), 2)->note = g_strdup (STAFFED_NOTE);
  gs_xput (g_ptr_array_index (t->rows, gs_xrow_index (t)), 4)->note = g_strdup (STAFFED_NOTE);
  first = gs_xrow_index (t) + 1;
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const RoleLayout *l = &layouts[r];
      const GsCompRole *role = l->role;
      GString *full = g_string_new (NULL);
      g_autofree char *py = NULL;
      g_autofree char *sum100 = NULL;
      g_autofree char *sum_plan = NULL;
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      py = gs_xref (ri, 2, FALSE);
      gs_xput_text (row, 0, role->name, GS_XSTYLE_LABEL);
      if (needs_people_fx (role))
        {
          /* Listed people on quotas of their own, paid on amounts: each is
           * paid their own, the People sheet's rows of the role. */
          guint p0 = people_first_row (comp, r), p1 = p0 + role->n_people - 1;
          g_autofree char *a = gs_xrange_sheet ("People", p0, 6, p1, 6);
          g_autofree char *b = gs_xrange_sheet ("People", p0, 7, p1, 7);
          sum100 = g_strdup_printf ("SUM(%s)", a + 1);
          sum_plan = g_strdup_printf ("SUM(%s)", b + 1);
        }
      /* Everyone: the person at 100 % × the headcount (or everyone's own),
       * + each SPIF's expected events × the headcount, rounded once each. */
      if (sum100)
        g_string_append (full, sum100);
      else
        g_string_append_printf (full, "%s*%s", l->pay100, l->headcount);
      for (guint s = 0; s < l->spifs->len; s++)
        {
          guint sr = g_array_index (l->spifs, guint, s);
          g_autofree char *amount = gs_xref (sr, 1, TRUE);
          g_autofree char *events = gs_xref (sr + 1, 1, TRUE);
          g_string_append_printf (full, "+ROUND(ROUND(%s*%s,0)*%s*%s,0)/%s", amount, S, events,
                                  l->headcount, S);
        }
      gs_xput_money (digits, row, 1, at->role_variable[r], g_string_free (full, FALSE));
      gs_xput_number (row, 2, at->role_paid_years[r], 2,
                      paid_years (m, role, &staff, l->headcount));
      gs_xput_money (digits, row, 3, at->role_at_quota[r],
                     staffed_formula (l, l->pay100, sum100, py, S));
      gs_xput_money (digits, row, 4, at->role_at_plan[r],
                     staffed_formula (l, l->pay_plan, sum_plan, py, S));
    }
  row = gs_xrow_add (t);
  total_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Variable pay at plan", GS_XSTYLE_TOTAL);
  for (guint col = 1; col <= 4; col++)
    {
      GsMoney v = col == 1 ? at->variable_pay : col == 3 ? at->at_quota : at->at_plan;
      g_autofree char *sum = gs_xsum (first, col, total_row - 1, col);
      if (col != 2)
        gs_xput_money (digits, row, col, v, g_strdup_printf ("ROUND(%s,%u)", sum, digits));
    }
  row = gs_xrow_add (t);
  bookings_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Company bookings target over the comp year (all bookings)",
                GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, at->bookings, comp_year_target (c));
  row = gs_xrow_add (t);
  nb_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "New business the plan carries in the comp year (its target)",
                GS_XSTYLE_LABEL);
  {
    g_autofree char *nb = capacity_year (c, c->c_nb);
    gs_xput_money (digits, row, 4, at->new_business, g_strdup_printf ("ROUND(%s,%u)", nb, digits));
  }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "AE attainment the plan implies", GS_XSTYLE_LABEL);
  gs_xput_percent (row, 4, at->ae_attainment, g_strdup (att[GS_MEASURE_OWN_BOOKINGS]));
  {
    g_autofree char *v1 = gs_xref (total_row, 1, FALSE);
    g_autofree char *v4 = gs_xref (total_row, 4, FALSE);
    g_autofree char *b = gs_xref (bookings_row, 1, FALSE);
    g_autofree char *nb = gs_xref (nb_row, 4, FALSE);
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Cost of sales on all bookings (variable pay ÷ bookings)",
                  GS_XSTYLE_TOTAL);
    gs_xput_percent (row, 1, at->cost_of_sales, g_strdup_printf ("IF(%s=0,0,%s/%s)", b, v1, b));
    gs_xput_percent (row, 4, at->cost_all, g_strdup_printf ("IF(%s=0,0,%s/%s)", b, v4, b));
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Cost of sales on new business (variable pay ÷ new business)",
                  GS_XSTYLE_TOTAL);
    gs_xput_percent (row, 4, at->cost_new_business,
                     g_strdup_printf ("IF(%s=0,0,%s/%s)", nb, v4, nb));
  }
}

/* ---- People with a quota of their own ---------------------------------- */

/* A listed person's pay at 100 % on a quota of their own, for the People
 * rows: the role's formula with each component's quota the person's
 * (__pqI__) and, for a component paid on amounts period by period, its
 * periods' cells on the person's row (__paysI__; each period's template in
 * periods, with __before__ the periods before).  References to the
 * Compensation sheet are qualified with its name. */
struct _GsPeopleFx
{
  /* [0] at 100 %, [1] at the attainment the plan implies */
  char *pay[2];          /* NULL: the role's own figure serves everyone */
  GPtrArray *periods[2]; /* of char*: the period templates, components in order */
  gboolean value;        /* a draw: the engine's value with a note */
};

/* Every cell reference of a Compensation formula (B5, $B$5, B5:D5) as
 * 'Compensation'!…; names (Role1_C1_Quota, AE_Quota), functions, numbers
 * (1E-12) and references already qualified are left as they are. */
static char *
qualify (const char *formula)
{
  g_autoptr (GRegex) re
      = g_regex_new ("(?<![A-Za-z0-9_.!'$])(\\$?[A-Z]{1,3}\\$?[0-9]+(?::\\$?[A-Z]{1,3}\\$?[0-9]+)?)"
                     "(?![A-Za-z0-9_(!])",
                     G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_replace (re, formula, -1, 0, "'Compensation'!\\1", 0, NULL);
}

/* fx's formulas for role l at 100 % and at the plan's attainments att. */
static void
people_fx_make (GsPeopleFx *fx, const RoleLayout *l, const GsCompModel *comp,
                const char *const *att)
{
  const GsCompRole *role = l->role;
  guint n = role->n_components;
  const char *at100[GS_N_MEASURES];

  for (guint m = 0; m < GS_N_MEASURES; m++)
    at100[m] = "1";
  for (guint w = 0; w < 2; w++)
    fx->periods[w] = g_ptr_array_new_with_free_func (g_free);
  if (role->draw.present)
    {
      /* Their own quota moves their months and so the draw, which the
       * sheet models for the role's standard person only. */
      fx->value = TRUE;
      return;
    }
  for (guint w = 0; w < 2; w++)
    {
      const char *const *a = w ? att : at100;
      RoleLayout tmp = *l;
      g_autofree GsPayRefs *pay = g_new (GsPayRefs, n);
      g_autofree char **quotas = g_new0 (char *, n + 1);
      g_autofree char **pays = g_new0 (char *, n + 1);
      g_autofree char *commission = NULL;
      for (guint i = 0; i < n; i++)
        {
          const GsCompComponent *cc = &role->components[i];
          quotas[i] = g_strdup_printf ("__pq%u__", i);
          pay[i] = l->pay[i];
          pay[i].quota = quotas[i];
          pay[i].gate_a = cc->gate.present ? a[cc->gate.measure] : NULL;
          if (!gs_payfx_by_period (cc))
            continue;
          pays[i] = g_strdup_printf ("__pays%u__", i);
          for (guint k = 0; k < gs_period_count (cc->period); k++)
            {
              g_autofree char *f
                  = gs_payfx_amount_period (&pay[i], a[cc->measure], k, k ? "__before__" : NULL);
              g_ptr_array_add (fx->periods[w], qualify (f));
            }
        }
      tmp.pay = pay;
      commission = role_commission_at (&tmp, comp->boundary, a, pays);
      fx->pay[w] = qualify (commission);
      for (guint i = 0; i < n; i++)
        {
          g_free (quotas[i]);
          g_free (pays[i]);
        }
    }
}

/* Whether a role's listed people with a quota of their own are paid
 * differently from its standard person at 100 %: on amounts. */
static gboolean
needs_people_fx (const GsCompRole *role)
{
  if (role->n_people == 0 || attainment_basis (role))
    return FALSE;
  for (guint p = 0; p < role->n_people; p++)
    if (role->people[p].quota > 0)
      return TRUE;
  return FALSE;
}

static void
people_fx_free (GsPeopleFx *fx, guint n_roles)
{
  for (guint r = 0; fx && r < n_roles; r++)
    for (guint w = 0; w < 2; w++)
      {
        g_free (fx[r].pay[w]);
        g_clear_pointer (&fx[r].periods[w], g_ptr_array_unref);
      }
  g_free (fx);
}

void
gs_export_people_fx_free (GsExportCtx *c, const GsCompModel *comp)
{
  people_fx_free (g_steal_pointer (&c->people_fx), comp ? comp->n_roles : 0);
}

gboolean
gs_export_book_add_comp (GsExportCtx *c, const GsCompModel *comp, const GsCompAtPlan *at_plan,
                         GError **error)
{
  GsExportBook *book = c->book;
  GsXTable *t;
  GsXCell *cell;
  RoleLayout *layouts;
  char *att[GS_N_MEASURES] = { NULL };
  gboolean ok = TRUE;

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "Compensation", "compensation");
  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "Compensation: each role's plan and what it pays",
                GS_XSTYLE_TITLE);
  cell
      = gs_xput_text (gs_xrow_add (t), 0,
                      "A live model: change a blue input (OTE, pay mix, weights, bands, rates, "
                      "tiers, gates, caps, SPIFs) or a plan input and the payouts, curves, People, "
                      "pay at the plan's attainment and cost of sales recalculate.",
                      GS_XSTYLE_PLAIN);
  cell->note = g_strdup (COMP_NOTE);
  t->widths[0] = 70;
  for (guint col = 1; col <= 13; col++)
    t->widths[col] = 18;

  layouts = g_new0 (RoleLayout, comp->n_roles);
  for (guint r = 0; ok && r < comp->n_roles; r++)
    ok = role_block (t, c, comp, r, &layouts[r], error);
  ok = ok && curves_block (t, comp, layouts, book->digits, error);
  if (ok)
    plan_attainment_block (t, c, comp, att);
  for (guint r = 0; ok && r < comp->n_roles; r++)
    ok = plan_person_block (t, c, comp, r, &layouts[r], (const char *const *) att, error);
  if (ok)
    {
      cost_block (t, c, comp, layouts, at_plan, (const char *const *) att);
      for (guint r = 0; r < comp->n_roles; r++)
        trace_block (t, comp, &layouts[r], book->digits);
      c->people_fx = g_new0 (GsPeopleFx, comp->n_roles);
      for (guint r = 0; r < comp->n_roles; r++)
        if (needs_people_fx (&comp->roles[r]))
          people_fx_make (&c->people_fx[r], &layouts[r], comp, (const char *const *) att);
    }
  for (guint i = 0; i < GS_N_MEASURES; i++)
    g_free (att[i]);
  /* The People sheet refers to each role's cells. */
  for (guint r = 0; r < comp->n_roles; r++)
    role_layout_clear (&layouts[r]);
  g_free (layouts);
  return ok;
}

/* The People sheet's rows, one per person, made as the sheet is written. */
typedef struct
{
  const GsCompModel *comp;
  GsPeopleFx *fx; /* [role] (owned: the rows are made while the sheet is written), or NULL */
  guint digits;
  guint row0;         /* the sheet's row of streamed row 0 */
  GsMoney **pay;      /* [role][person]: one person's year at 100 % (owned) */
  GsMoney **pay_plan; /* [role][person]: the same at the plan's attainment (owned) */
  guint *first;       /* role r's people are streamed rows first[r] to first[r + 1] − 1 */
  guint role;         /* the role of the row asked for last: rows are asked for in order */
} PeopleRows;

static void
people_rows_free (gpointer data)
{
  PeopleRows *pr = data;
  for (guint r = 0; r < pr->comp->n_roles; r++)
    {
      g_free (pr->pay[r]);
      g_free (pr->pay_plan[r]);
    }
  g_free (pr->pay);
  g_free (pr->pay_plan);
  people_fx_free (pr->fx, pr->comp->n_roles);
  g_free (pr->first);
  g_free (pr);
}

/* A person's quota for component i of role r (row's D cell own, their own):
 * the role's, scaled by their own ÷ the first component's where the
 * component measures what the first does (gs_comp_person_quota), money
 * rounded to the cent. */
static char *
person_quota (const GsCompRole *role, guint r, guint i, const char *own, guint digits)
{
  const GsCompComponent *cc = &role->components[i];
  g_autofree char *scaled = NULL;
  if (cc->measure != role->components[0].measure)
    return g_strdup_printf ("Role%u_C%u_Quota", r + 1, i + 1);
  scaled = g_strdup_printf ("Role%u_C%u_Quota*(%s/Role%u_C1_Quota)", r + 1, i + 1, own, r + 1);
  if (gs_measure_unit (cc->measure) == GS_MEASURE_UNIT_MONEY)
    {
      char *rounded = g_strdup_printf ("ROUND(%s,%u)", scaled, digits);
      g_free (scaled);
      scaled = rounded;
    }
  return g_strdup_printf ("IF(AND(%s>0,Role%u_C1_Quota>0),%s,Role%u_C%u_Quota)", own, r + 1, scaled,
                          r + 1, i + 1);
}

static char *
fill (const char *template, const GsCompRole *role, guint r, const char *own, guint digits)
{
  GString *f = g_string_new (template);
  for (guint i = 0; i < role->n_components; i++)
    {
      g_autofree char *key = g_strdup_printf ("__pq%u__", i);
      g_autofree char *q = NULL;
      if (strstr (f->str, key) == NULL)
        continue;
      q = person_quota (role, r, i, own, digits);
      g_string_replace (f, key, q, 0);
    }
  return g_string_free (f, FALSE);
}

/* A listed person's pay at 100 % on a quota of their own (fx's formula): a
 * component paid on amounts period by period has its periods in the row's
 * columns from H on, cached with the engine's periods for that person. */
static char *
person_pay (PeopleRows *pr, const GsPeopleFx *fx, guint w, guint r, guint p, guint sheet_row,
            GsXRow *row)
{
  const GsCompRole *role = &pr->comp->roles[r];
  g_autofree char *own = gs_xref (sheet_row, 3, FALSE);
  g_autoptr (GsCompPayout) engine = NULL;
  char *f = fill (fx->pay[w], role, r, own, pr->digits);
  /* The periods at 100 % from column I on, then those at plan. */
  guint col = 8 + (w ? fx->periods[0]->len : 0), t = 0;
  GString *g = g_string_new (f);
  g_free (f);
  for (guint i = 0; i < role->n_components; i++)
    {
      guint n = gs_period_count (role->components[i].period);
      g_autofree char *key = g_strdup_printf ("__pays%u__", i);
      g_autofree char *range = NULL;
      if (!gs_payfx_by_period (&role->components[i]))
        continue;
      if (engine == NULL)
        {
          GsCompInput in;
          gs_comp_input_init (&in);
          if (w)
            gs_comp_input_at_attainments (&in, role, p, pr->comp->plan_attainment);
          else
            gs_comp_input_at_attainment (&in, role, p, 1.0);
          /* It was paid once already (pay, pay_plan): no error now. */
          engine = gs_comp_payout_with (pr->comp, role, p, &in, GS_COMP_PAYOUT_FIGURES, NULL);
          gs_comp_input_clear (&in);
        }
      for (guint k = 0; k < n; k++, t++)
        {
          g_autofree char *before
              = k ? gs_xsum (sheet_row, col, sheet_row, col + k - 1) : g_strdup ("0");
          g_autofree char *cell
              = fill (g_ptr_array_index (fx->periods[w], t), role, r, own, pr->digits);
          GString *c = g_string_new (cell);
          g_string_replace (c, "__before__", before, 0);
          gs_xput_money (pr->digits, row, col + k, engine ? engine->components[i].periods[k] : 0,
                         g_string_free (c, FALSE));
        }
      range = gs_xrange (sheet_row, col, sheet_row, col + n - 1);
      g_string_replace (g, key, range, 0);
      col += n;
    }
  return g_string_free (g, FALSE);
}

static void
people_row (gpointer data, guint i, GsXRow *row)
{
  PeopleRows *pr = data;
  const GsCompRole *role;
  const GsCompComponent *c0;
  guint r, p, person, multiplier;

  if (i < pr->first[pr->role])
    pr->role = 0;
  while (i >= pr->first[pr->role + 1])
    pr->role++;
  r = pr->role;
  p = i - pr->first[r];
  role = &pr->comp->roles[r];
  c0 = &role->components[0];
  person = role->n_people ? p : GS_COMP_STANDARD_PERSON;
  multiplier = role->n_people ? 1 : role->headcount;
  if (role->n_people)
    gs_xput_text (row, 0, role->people[p].name, GS_XSTYLE_PLAIN);
  else
    {
      g_autofree char *each = g_strdup_printf ("Each of %u (no names in the plan)", multiplier);
      gs_xput_text (row, 0, each, GS_XSTYLE_PLAIN);
    }
  gs_xput_text (row, 1, role->name, GS_XSTYLE_PLAIN);
  gs_xput_count (row, 2, multiplier,
                 role->n_people ? NULL : g_strdup_printf ("Role%u_Headcount", r + 1));
  /* The role's quota (a formula) for everyone but a listed person with a
   * quota of their own: the plan's input (people[].quota), kept as such;
   * unvalidated so that 150,000 people cost no 150,000 validations. */
  {
    double q = gs_comp_person_quota (role, person, c0->measure, c0->quota);
    gboolean own = role->n_people && role->people[p].quota > 0;
    GsXCell *cell = put_quantity_f (pr->digits, row, 3, c0->measure, q,
                                    own ? NULL : g_strdup_printf ("Role%u_C1_Quota", r + 1));
    cell->input = own;
  }
  gs_xput_text (row, 4, gs_measure_label (c0->measure), GS_XSTYLE_PLAIN);
  gs_xput_money (pr->digits, row, 5, role->target_incentive, g_strdup_printf ("Role%u_TI", r + 1));
  /* At 100 % everyone on an attainment-basis plan earns the same; so does
   * each of N unnamed people, and anyone on the role's own quotas, on any
   * plan.  On amounts, a quota of one's own is one's amount at 100 %. */
  {
    gboolean own = role->n_people && role->people[p].quota > 0;
    const GsPeopleFx *fx = pr->fx ? &pr->fx[r] : NULL;
    for (guint w = 0; w < 2; w++)
      {
        char *f = NULL;
        GsXCell *cell;
        if (own && fx && fx->pay[w])
          f = person_pay (pr, fx, w, r, p, pr->row0 + i, row);
        else if (!own || attainment_basis (role))
          f = g_strdup_printf (w ? "Role%u_PayAtPlan" : "Role%u_Pay100", r + 1);
        cell = gs_xput_money (pr->digits, row, 6 + w, w ? pr->pay_plan[r][p] : pr->pay[r][p], f);
        if (f == NULL)
          cell->note = g_strdup (
              "The engine's value: a quota of their own changes this person's months and so "
              "the draw, which the Compensation sheet models for the role's standard person.");
      }
  }
}

/* Takes at_plan's role_person_at_100 and _at_plan: the payouts were made
 * once, there; the Everyone row is at_plan's people totals. */
gboolean
gs_export_book_add_people (GsExportCtx *c, const GsCompModel *comp, GsCompAtPlan *at_plan,
                           GError **error)
{
  GsExportBook *book = c->book;
  static const char *const head[] = { "Name",
                                      "Role",
                                      "People",
                                      "Quota (first component)",
                                      "Measure",
                                      "Target incentive",
                                      "Payout at 100 % attainment",
                                      "Payout at the plan's attainment" };
  GsXTable *t;
  GsXRow *row;
  guint first;
  PeopleRows *pr;

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "People", "people");
  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "People: quota and variable pay at plan", GS_XSTYLE_TITLE);
  header (t, head, G_N_ELEMENTS (head));
  gs_xput (g_ptr_array_index (t->rows, 1), 6)->note = g_strdup (
      "One person's variable pay for the year at 100 % from the Compensation sheet, where the "
      "plans' inputs are; on a role paid on amounts, a listed person's own quota is their amount "
      "at 100 %, and their pay is the role's formula on it (a table paid period by period has "
      "each period's pay in the columns to the right).");
  {
    /* Those columns: as many as the role with the most periods needs. */
    guint extra = 0, half = 0;
    for (guint r = 0; c->people_fx && r < comp->n_roles; r++)
      if (c->people_fx[r].pay[0])
        half = MAX (half, c->people_fx[r].periods[0]->len);
    extra = 2 * half;
    for (guint k = 0; k < extra && 8 + k < G_N_ELEMENTS (t->widths); k++)
      {
        g_autofree char *label
            = g_strdup_printf (k < half ? "Period %u pay at 100 %% (own quota, on amounts)"
                                        : "Period %u pay at plan (own quota, on amounts)",
                               k % MAX (half, 1) + 1);
        gs_xput_text (g_ptr_array_index (t->rows, 1), 8 + k, label, GS_XSTYLE_HEADER);
        t->widths[8 + k] = 18;
      }
  }
  gs_xput (g_ptr_array_index (t->rows, 1), 3)->note
      = g_strdup ("The role's quota on its first component from the Compensation sheet; a "
                  "listed person's own quota (people[].quota in the plan) is an input. At a "
                  "uniform attainment everyone on a role is paid the same, whatever the quota.");
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  /* Narrow enough that Letter paper fits the sheet at 8 pt or more. */
  t->widths[0] = 30;
  t->widths[1] = 24;
  t->widths[2] = 8;
  t->widths[3] = 20;
  t->widths[4] = 24;
  t->widths[5] = 18;
  t->widths[6] = 19;
  t->widths[7] = 19;
  first = t->rows->len;

  pr = g_new0 (PeopleRows, 1);
  pr->comp = comp;
  pr->fx = g_steal_pointer (&c->people_fx);
  pr->row0 = first;
  pr->digits = book->digits;
  pr->pay = g_steal_pointer (&at_plan->role_person_at_100);
  pr->pay_plan = g_steal_pointer (&at_plan->role_person_at_plan);
  pr->first = g_new0 (guint, comp->n_roles + 1);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      pr->first[r + 1] = pr->first[r] + (role->n_people ? role->n_people : 1);
    }
  gs_xtable_stream (t, pr->first[comp->n_roles], people_row, pr, people_rows_free);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Everyone", GS_XSTYLE_TOTAL);
  {
    guint last = gs_xrow_index (t) - 1;
    g_autofree char *n = gs_xrange (first, 2, last, 2);
    g_autofree char *pay = gs_xrange (first, 6, last, 6);
    gs_xput_count (row, 2, at_plan->people, g_strdup_printf ("SUM(%s)", n));
    g_autofree char *plan = gs_xrange (first, 7, last, 7);
    gs_xput_money (book->digits, row, 6, at_plan->people_at_100,
                   g_strdup_printf ("ROUND(SUMPRODUCT(%s,%s),%u)", n, pay, book->digits));
    gs_xput_money (book->digits, row, 7, at_plan->people_at_plan,
                   g_strdup_printf ("ROUND(SUMPRODUCT(%s,%s),%u)", n, plan, book->digits));
  }
  return TRUE;
}
