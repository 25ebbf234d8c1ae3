/* gs-export-comp.c — the Compensation and People sheets of the export.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A live comp model: every pay input is a named input cell, and one person's
 * pay at 100 %, the payout curves, the cost at plan and People are formulas
 * over them (gs-export-payfx.c), each cached with the engine's own number.
 * What depends on the months (draws, pay as staffed at the plan's implied
 * attainment) is the engine's value with a note; so is every figure of a role
 * with an amount-basis table.
 */
#include "gs-comp-payout.h"
#include "gs-explain-comp.h"
#include "gs-export-payfx.h"
#include "gs-format.h"

#include <math.h>

#define COMP_NOTE                                                                                  \
  "Values from Goalsheet's compensation engine, exact to the cent: rate tables, accelerators, "    \
  "decelerators, gates and caps are applied period by period as docs/compensation.md explains. "   \
  "The trace below each role shows the arithmetic at 100 % attainment."

static const char *const period_names[] = { "monthly", "quarterly", "annual" };

static void
put_quantity (guint digits, GsXRow *row, guint col, GsMeasure measure, double v)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      gs_xput_money (digits, row, col, (GsMoney) llround (v), NULL);
      break;
    case GS_MEASURE_UNIT_SHARE:
      gs_xput_percent (row, col, v, NULL);
      break;
    case GS_MEASURE_UNIT_COUNT:
    default:
      gs_xput_number (row, col, v, 2, NULL);
      break;
    }
}

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
                   positive ? pow (10, -(double) digits) : 0, 1e13);
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
  gboolean live;      /* every component on the attainment basis: formulas */
  GsPayRefs *pay;     /* [n_components] */
  char **pay_cap;     /* [n_components] owned cap references */
  char **pay_ti;      /* [n_components] */
  char **pay_quota;   /* [n_components] */
  char **pay_periods; /* [n_components] */
  guint gate_row;     /* plan gate's minimum, or G_MAXUINT */
  char *cap;          /* plan cap amount cell, or NULL */
  char *headcount;    /* cell */
  char *pay100;       /* one person's variable pay for the year at 100 % */
  GArray *spifs;      /* of guint: rows of SPIF amounts (events one row below) */
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
    }
  g_free (l->pay);
  g_free (l->pay_cap);
  g_free (l->pay_ti);
  g_free (l->pay_quota);
  g_free (l->pay_periods);
  g_free (l->cap);
  g_free (l->headcount);
  g_free (l->pay100);
  g_clear_pointer (&l->spifs, g_array_unref);
}

/* One person's commission at attainment a: the components, the plan gate
 * (an IF) and the plan cap (a MIN). */
static char *
role_commission (const RoleLayout *l, GsBoundary boundary, const char *a)
{
  GString *sum = g_string_new ("(");
  for (guint i = 0; i < l->role->n_components; i++)
    {
      g_autofree char *c = gs_payfx_component (&l->pay[i], a);
      g_string_append_printf (sum, "%s%s", i ? "+" : "", c);
    }
  g_string_append_c (sum, ')');
  return gs_payfx_gate_cap (boundary, a, l->gate_row, l->cap, g_string_free (sum, FALSE));
}

/* The headcount: the capacity plan's start plus hires (a formula over the
 * Inputs sheet), the people listed, or an input. */
static void
put_headcount (const GsModel *m, GsXRow *row, const GsCompRole *role, const char *name)
{
  GsXCell *cell;
  if (role->headcount_from == GS_HEADCOUNT_CAPACITY)
    {
      gboolean ae = role->kind == GS_ROLE_AE;
      const char *who = ae ? "AE" : "SDR";
      guint n_hires = ae ? m->ae.n_hires : m->sdr.n_hires;
      GString *f = g_string_new (NULL);
      g_string_append_printf (f, "%s_StartHeadcount", who);
      for (guint h = 0; h < n_hires; h++)
        g_string_append_printf (f, "+%s_Hire%u_Count", who, h + 1);
      cell = gs_xput_count (row, 1, role->headcount, g_string_free (f, FALSE));
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

/* A component's quota per person: AE quota and team figures are formulas over
 * the Inputs sheet, a quota the plan sets is an input, the goal sheets'
 * other figures are the engine's values. */
static void
put_quota (const GsModel *m, guint digits, const GsTargetsLayout *targets, GsXRow *row, guint col,
           const GsCompComponent *cc, const char *name)
{
  GsMeasureUnit unit = gs_measure_unit (cc->measure);
  GsXCell *cell;
  if (cc->quota_default == GS_QUOTA_SET)
    {
      if (unit == GS_MEASURE_UNIT_MONEY)
        input_money (digits, row, col, (GsMoney) llround (cc->quota), name, FALSE);
      else if (unit == GS_MEASURE_UNIT_SHARE)
        input_percent (row, col, cc->quota, name, 1);
      else
        input_number (row, col, cc->quota, name, 1e12);
      return;
    }
  if (cc->quota_default == GS_QUOTA_AE_QUOTA || cc->quota_default == GS_QUOTA_TEAM)
    {
      GString *f = g_string_new ("AE_Quota");
      if (cc->quota_default == GS_QUOTA_TEAM)
        {
          g_string_append (f, "*(AE_StartHeadcount");
          for (guint h = 0; h < m->ae.n_hires; h++)
            g_string_append_printf (f, "+AE_Hire%u_Count", h + 1);
          g_string_append_c (f, ')');
        }
      cell = gs_xput_money (digits, row, col, (GsMoney) llround (cc->quota),
                            g_string_free (f, FALSE));
    }
  else if (cc->quota_default == GS_QUOTA_COMPANY_TARGET)
    {
      guint months = MIN (GS_COMP_MONTHS, m->company.horizon);
      g_autofree char *range = gs_xrange_sheet ("Targets", targets->target_row, targets->col0,
                                                targets->target_row, targets->col0 + months - 1);
      cell = gs_xput_money (digits, row, col, (GsMoney) llround (cc->quota),
                            g_strdup_printf ("ROUND(SUM(%s),%u)", range + 1, digits));
    }
  else
    {
      put_quantity (digits, row, col, cc->measure, cc->quota);
      cell = &g_array_index (row->cells, GsXCell, col);
      cell->note = g_strdup ("From the goal sheets, the engine's value (docs/compensation.md, "
                             "“Measures and their default quotas”).");
    }
  cell->name = g_strdup (name);
}

/* A gate's row: its minimum attainment, an input; returns the row. */
static guint
put_gate (GsXTable *t, const char *words, const GsGate *gate, const char *name, GsXStyle style)
{
  GsXRow *row = gs_xrow_add (t);
  g_autofree char *label = g_strdup_printf ("%s %s", words, gs_measure_label (gate->measure));
  gs_xput_text (row, 0, label, style);
  input_percent (row, 1, gate->min_attainment, name, 100);
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
  return g_strdup_printf ("%s; rate = share of the target incentive per 100 %% of quota",
                          kinds[cc->table.kind]);
}

/* A component's rate table and modifiers, one input per cell, and what it
 * pays one person at 100 %. */
static void
component_block (GsXTable *t, const GsCompModel *comp, RoleLayout *l, guint r, guint i,
                 guint digits, const GsCompComponentPayout *at100)
{
  const GsCompComponent *cc = &l->role->components[i];
  GsPayRefs *p = &l->pay[i];
  GsXRow *row;
  g_autofree char *words = table_words (cc);
  g_autofree char *title = g_strdup_printf ("%s — %s", cc->name, words);
  guint n = gs_period_count (cc->period);

  p->c = cc;
  p->boundary = comp->boundary;
  p->digits = digits;
  /* At list price (no discount) the first band applies: bands start at 0. */
  p->discount = cc->discount ? cc->discount[0].rate : 1.0;
  p->ti = l->pay_ti[i];
  p->quota = l->pay_quota[i];
  p->gate_row = p->decel_row = p->tier_row0 = G_MAXUINT;

  gs_xput_text (gs_xrow_add (t), 0, title, GS_XSTYLE_LABEL);
  {
    static const char *const head[] = { "    Band", "From (attainment)", "To", "Rate" };
    header (t, head, G_N_ELEMENTS (head));
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
      /* The first band starts at 0; each later one where the previous ends. */
      if (b == 0)
        gs_xput_percent (row, 1, band->from, NULL);
      else
        gs_xput_percent (row, 1, band->from, gs_xref (gs_xrow_index (t) - 1, 2, FALSE));
      gs_xput (row, 1)->name = g_strdup (nf);
      if (isinf (band->to))
        gs_xput_text (row, 2, "and up", GS_XSTYLE_PLAIN);
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
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, "    Discount modifier: multiplier at list price (no discount)",
                    GS_XSTYLE_PLAIN);
      gs_xput_number (row, 1, p->discount, 2, NULL)->note
          = g_strdup ("Pay at plan assumes deals at list price; the discount bands apply to "
                      "actual deals (docs/compensation.md, “Discount modifier”).");
    }
  if (cc->gate.present)
    {
      g_autofree char *ng = g_strdup_printf ("Role%u_C%u_Gate", r + 1, i + 1);
      p->gate_row = put_gate (t, "    Gate: nothing below this attainment of", &cc->gate, ng,
                              GS_XSTYLE_PLAIN);
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
      p->ti_periods = l->pay_periods[i];
    }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "    Pays one person at 100 %", GS_XSTYLE_PLAIN);
  gs_xput_money (digits, row, 1, at100->earned, l->live ? gs_payfx_component (p, "1") : NULL);
}

static gboolean
role_is_live (const GsCompRole *role)
{
  for (guint i = 0; i < role->n_components; i++)
    if (role->components[i].table.basis != GS_BASIS_ATTAINMENT)
      return FALSE;
  return TRUE;
}

static gboolean
role_block (GsXTable *t, const GsModel *m, const GsCompModel *comp, const GsTargetsLayout *targets,
            guint r, guint digits, RoleLayout *l, GError **error)
{
  static const char *const comp_head[]
      = { "Component", "Measure",   "Weight", "Target incentive", "Quota per person (year)",
          "Period",    "Attainment" };
  const GsCompRole *role = &comp->roles[r];
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
  l->live = role_is_live (role);
  l->pay = g_new0 (GsPayRefs, n);
  l->pay_cap = g_new0 (char *, n);
  l->pay_ti = g_new0 (char *, n);
  l->pay_quota = g_new0 (char *, n);
  l->pay_periods = g_new0 (char *, n);
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
  put_headcount (m, row, role, n_hc);
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
      g_autofree char *ng = g_strdup_printf ("Role%u_Gate", r + 1);
      l->gate_row = put_gate (t, "Plan gate: nothing at all below this attainment of", &role->gate,
                              ng, GS_XSTYLE_LABEL);
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
      g_autofree char *label = g_strdup_printf (
          "Draw: at least this a month for the first %u months (%s)", role->draw.months,
          role->draw.recoverable ? "recoverable" : "not recoverable");
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
      input_money (digits, row, 1, role->draw.amount, nd, FALSE)->note
          = g_strdup ("The draw works month by month; its effect on the year at 100 % is the "
                      "engine's value below (not recalculated).");
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
      put_quota (m, digits, targets, row, 4, cc, nq);
      gs_xput_text (row, 5, period_names[cc->period], GS_XSTYLE_PLAIN);
      gs_xput_text (row, 6, cc->attain == GS_ATTAIN_YTD ? "year to date" : "each period",
                    GS_XSTYLE_PLAIN);
    }
  g_strfreev (g_steal_pointer (&weights));
  for (guint i = 0; i < n; i++)
    component_block (t, comp, l, r, i, digits, &p->components[i]);

  row = gs_xrow_add (t);
  commission_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Commission: one person at 100 % (after the plan's gate and cap)",
                GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, p->earned,
                 l->live ? role_commission (l, comp->boundary, "1") : NULL);
  if (!l->live)
    gs_xput (row, 1)->note = g_strdup (COMP_NOTE);
  {
    g_autofree char *commission = gs_xref (commission_row, 1, FALSE);
    char *f = g_strdup (commission);
    if (role->draw.present)
      {
        g_autofree char *draw = NULL;
        row = gs_xrow_add (t);
        gs_xput_text (row, 0, "Draw top-ups not recovered within the year", GS_XSTYLE_LABEL);
        gs_xput_money (digits, row, 1, p->draw_topup + p->draw_recovered, NULL)->note
            = g_strdup ("The engine's value: the draw is paid and recovered month by month "
                        "(docs/compensation.md, “Draw”).");
        draw = gs_xref (gs_xrow_index (t), 1, FALSE);
        g_free (f);
        f = g_strdup_printf ("%s+%s", commission, draw);
      }
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Variable pay for the year: one person at 100 %", GS_XSTYLE_TOTAL);
    gs_xput_money (digits, row, 1, p->total, f)->name = g_strdup_printf ("Role%u_Pay100", r + 1);
    l->pay100 = gs_xref (gs_xrow_index (t), 1, TRUE);
  }

  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "How the engine computes it (one person on the role's quotas at 100 %)",
                GS_XSTYLE_SECTION);
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
  return TRUE;
}

/* Payout curves: one standard person per role, 0 to 200 % attainment, each
 * point the role's formula at the row's attainment. */
static gboolean
curves_block (GsXTable *t, const GsCompModel *comp, const RoleLayout *layouts, guint digits,
              GError **error)
{
  g_autoptr (GPtrArray) curves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint curve_row0, n_points = 21;
  GsXRow *row;

  for (guint r = 0; r < comp->n_roles; r++)
    {
      GArray *curve = gs_comp_curve (comp, &comp->roles[r], 0.1, 2.0, error);
      if (curve == NULL)
        return FALSE;
      g_ptr_array_add (curves, curve);
      n_points = MIN (n_points, curve->len);
    }
  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, "Payout curves: one person's commission by attainment",
                GS_XSTYLE_SECTION);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Attainment", GS_XSTYLE_HEADER);
  for (guint r = 0; r < comp->n_roles; r++)
    gs_xput_text (row, 1 + r, comp->roles[r].name, GS_XSTYLE_HEADER);
  curve_row0 = gs_xrow_index (t) + 1;
  for (guint i = 0; i < n_points; i++)
    {
      GArray *c0 = g_ptr_array_index (curves, 0);
      g_autofree char *a = gs_xref (curve_row0 + i, 0, TRUE);
      row = gs_xrow_add (t);
      gs_xput_percent (row, 0, g_array_index (c0, GsCurvePoint, i).attainment, NULL);
      for (guint r = 0; r < comp->n_roles; r++)
        {
          GArray *curve = g_ptr_array_index (curves, r);
          gs_xput_money (digits, row, 1 + r, g_array_index (curve, GsCurvePoint, i).earned,
                         layouts[r].live ? role_commission (&layouts[r], comp->boundary, a) : NULL);
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
    chart->at_col = comp->n_roles + 2;
  }
  return TRUE;
}

#define STAFFED_NOTE                                                                               \
  "Person-years follow the capacity plan (hires from their start month, expected attrition) and "  \
  "recalculate. Pay at the plan's own attainment (from its funnel and capacity month by month) "   \
  "is a snapshot: the engine's values at export (docs/compensation.md, “At plan”)."

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

static void
cost_block (GsXTable *t, const GsModel *m, const GsCompModel *comp, const RoleLayout *layouts,
            const GsCompAtPlan *at, const GsTargetsLayout *targets, const Staff *staff,
            guint digits)
{
  static const char *const head[]
      = { "Role", "Everyone a full year at 100 %", "Person-years paid",
          "As staffed, at 100 % of quota", "As staffed, at the plan's attainment" };
  const char *S = gs_payfx_scale (digits);
  guint first, total_row, bookings_row;
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
      GString *staffed = g_string_new (NULL);
      g_autofree char *py = NULL;
      guint ri;
      row = gs_xrow_add (t);
      ri = gs_xrow_index (t);
      py = gs_xref (ri, 2, FALSE);
      gs_xput_text (row, 0, role->name, GS_XSTYLE_LABEL);
      /* Everyone: the person at 100 % × the headcount, + each SPIF's
       * expected events × the headcount, rounded once each. */
      g_string_append_printf (full, "%s*%s", l->pay100, l->headcount);
      /* As staffed: the full year × person-years ÷ headcount, rounded once. */
      g_string_append_printf (staffed, "IF(%s=0,0,ROUND(ROUND(%s*%s,0)*%s*%s/%s,0)/%s)",
                              l->headcount, l->pay100, S, l->headcount, py, l->headcount, S);
      for (guint s = 0; s < l->spifs->len; s++)
        {
          guint sr = g_array_index (l->spifs, guint, s);
          g_autofree char *amount = gs_xref (sr, 1, TRUE);
          g_autofree char *events = gs_xref (sr + 1, 1, TRUE);
          g_string_append_printf (full, "+ROUND(ROUND(%s*%s,0)*%s*%s,0)/%s", amount, S, events,
                                  l->headcount, S);
          g_string_append_printf (staffed, "+ROUND(ROUND(%s*%s,0)*%s*%s,0)/%s", amount, S, events,
                                  py, S);
        }
      gs_xput_money (digits, row, 1, at->role_variable[r], g_string_free (full, FALSE));
      gs_xput_number (row, 2, at->role_paid_years[r], 2, paid_years (m, role, staff, l->headcount));
      gs_xput_money (digits, row, 3, at->role_at_quota[r], g_string_free (staffed, FALSE));
      gs_xput_money (digits, row, 4, at->role_at_plan[r], NULL);
    }
  row = gs_xrow_add (t);
  total_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Variable pay at plan", GS_XSTYLE_TOTAL);
  {
    g_autofree char *sum1 = gs_xsum (first, 1, total_row - 1, 1);
    g_autofree char *sum3 = gs_xsum (first, 3, total_row - 1, 3);
    gs_xput_money (digits, row, 1, at->variable_pay,
                   g_strdup_printf ("ROUND(%s,%u)", sum1, digits));
    gs_xput_money (digits, row, 3, at->at_quota, g_strdup_printf ("ROUND(%s,%u)", sum3, digits));
    /* A snapshot like the roles' figures it adds up: a formula would go stale. */
    gs_xput_money (digits, row, 4, at->at_plan, NULL);
  }
  row = gs_xrow_add (t);
  bookings_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "Company bookings target over the comp year (all bookings)",
                GS_XSTYLE_LABEL);
  {
    /* The comp year: the plan's first 12 months (docs/compensation.md). */
    guint months = MIN (GS_COMP_MONTHS, m->company.horizon);
    g_autofree char *range = gs_xrange_sheet ("Targets", targets->target_row, targets->col0,
                                              targets->target_row, targets->col0 + months - 1);
    gs_xput_money (digits, row, 1, at->bookings,
                   g_strdup_printf ("ROUND(SUM(%s),%u)", range + 1, digits));
  }
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "New business the plan carries in the comp year", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 4, at->new_business, NULL)->note = g_strdup (STAFFED_NOTE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "AE attainment the plan implies", GS_XSTYLE_LABEL);
  gs_xput_percent (row, 4, at->ae_attainment, NULL);
  {
    g_autofree char *v1 = gs_xref (total_row, 1, FALSE);
    g_autofree char *b = gs_xref (bookings_row, 1, FALSE);
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Cost of sales on all bookings (variable pay ÷ bookings)",
                  GS_XSTYLE_TOTAL);
    gs_xput_percent (row, 1, at->cost_of_sales, g_strdup_printf ("IF(%s=0,0,%s/%s)", b, v1, b));
    gs_xput_percent (row, 4, at->cost_all, NULL);
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Cost of sales on new business (variable pay ÷ new business)",
                  GS_XSTYLE_TOTAL);
    gs_xput_percent (row, 4, at->cost_new_business, NULL);
  }
}

gboolean
gs_export_book_add_comp (GsExportBook *book, const GsModel *m, const GsCompModel *comp,
                         const GsCompAtPlan *at_plan, const GsTargetsLayout *targets,
                         guint staff_row, guint staff_col0, GError **error)
{
  GsXTable *t;
  GsXCell *cell;
  RoleLayout *layouts;
  gboolean ok = TRUE;

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "Compensation", "compensation");
  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "Compensation: each role's plan and what it pays",
                GS_XSTYLE_TITLE);
  cell = gs_xput_text (gs_xrow_add (t), 0,
                       "A live model: change a blue input (OTE, pay mix, weights, bands, rates, "
                       "tiers, gates, caps, SPIFs) and the payouts, curves, People and cost of "
                       "sales recalculate; see the notes for what is the engine's value.",
                       GS_XSTYLE_PLAIN);
  cell->note = g_strdup (COMP_NOTE);
  t->widths[0] = 70;
  for (guint c = 1; c < 13; c++)
    t->widths[c] = 18;

  layouts = g_new0 (RoleLayout, comp->n_roles);
  for (guint r = 0; ok && r < comp->n_roles; r++)
    ok = role_block (t, m, comp, targets, r, book->digits, &layouts[r], error);
  ok = ok && curves_block (t, comp, layouts, book->digits, error);
  if (ok)
    {
      Staff staff = { staff_row, staff_col0 };
      cost_block (t, m, comp, layouts, at_plan, targets, &staff, book->digits);
    }
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
  guint digits;
  GsMoney **pay; /* [role][person]: one person's year at 100 % (owned) */
  guint *first;  /* role r's people are streamed rows first[r] to first[r + 1] − 1 */
  guint role;    /* the role of the row asked for last: rows are asked for in order */
} PeopleRows;

static void
people_rows_free (gpointer data)
{
  PeopleRows *pr = data;
  for (guint r = 0; r < pr->comp->n_roles; r++)
    g_free (pr->pay[r]);
  g_free (pr->pay);
  g_free (pr->first);
  g_free (pr);
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
  put_quantity (pr->digits, row, 3, c0->measure,
                gs_comp_person_quota (role, person, c0->measure, c0->quota));
  gs_xput_text (row, 4, gs_measure_label (c0->measure), GS_XSTYLE_PLAIN);
  gs_xput_money (pr->digits, row, 5, role->target_incentive, g_strdup_printf ("Role%u_TI", r + 1));
  /* At 100 % everyone on an attainment-basis plan earns the same. */
  gs_xput_money (pr->digits, row, 6, pr->pay[r][p],
                 role_is_live (role) ? g_strdup_printf ("Role%u_Pay100", r + 1) : NULL);
}

/* Takes at_plan's role_person_at_100: the payouts were made once, there. */
gboolean
gs_export_book_add_people (GsExportBook *book, const GsCompModel *comp, GsCompAtPlan *at_plan,
                           GError **error)
{
  static const char *const head[] = { "Name",
                                      "Role",
                                      "People",
                                      "Quota (first component)",
                                      "Measure",
                                      "Target incentive",
                                      "Payout at 100 % attainment" };
  GsXTable *t;
  GsXRow *row;
  guint first;
  GsMoney total = 0;
  gint64 n_people = 0;
  PeopleRows *pr;

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "People", "people");
  t->protect = TRUE;
  gs_xput_text (gs_xrow_add (t), 0, "People: quota and variable pay at plan", GS_XSTYLE_TITLE);
  header (t, head, G_N_ELEMENTS (head));
  gs_xput (g_ptr_array_index (t->rows, 1), 6)->note
      = g_strdup ("One person's variable pay for the year at 100 % from the Compensation sheet, "
                  "where the plans' inputs are.");
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 32;
  t->widths[1] = 26;
  t->widths[2] = 8;
  t->widths[3] = 20;
  t->widths[4] = 26;
  t->widths[5] = 18;
  t->widths[6] = 22;
  first = t->rows->len;

  pr = g_new0 (PeopleRows, 1);
  pr->comp = comp;
  pr->digits = book->digits;
  pr->pay = g_steal_pointer (&at_plan->role_person_at_100);
  pr->first = g_new0 (guint, comp->n_roles + 1);
  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      guint n = role->n_people ? role->n_people : 1;
      guint multiplier = role->n_people ? 1 : role->headcount;
      pr->first[r + 1] = pr->first[r] + n;
      n_people += role->n_people ? role->n_people : multiplier;
      /* The sum at_plan checked for overflow (its role_variable less SPIFs). */
      for (guint p = 0; p < n; p++)
        total += pr->pay[r][p] * multiplier;
    }
  gs_xtable_stream (t, pr->first[comp->n_roles], people_row, pr, people_rows_free);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Everyone", GS_XSTYLE_TOTAL);
  {
    guint last = gs_xrow_index (t) - 1;
    g_autofree char *n = gs_xrange (first, 2, last, 2);
    g_autofree char *pay = gs_xrange (first, 6, last, 6);
    gs_xput_count (row, 2, n_people, g_strdup_printf ("SUM(%s)", n));
    gs_xput_money (book->digits, row, 6, total,
                   g_strdup_printf ("ROUND(SUMPRODUCT(%s,%s),%u)", n, pay, book->digits));
  }
  return TRUE;
}
