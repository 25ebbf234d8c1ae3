/* gs-export-comp.c — the Compensation and People sheets of the export.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pay plans (rate tables with bands, accelerators, decelerators, gates, caps,
 * period catch-ups) are values from the compensation engine, each with its
 * calculation trace at plan: a spreadsheet formula for a retroactive
 * decelerator on year-to-date quarterly attainment would be a second
 * implementation, not a check.  Sums over people are formulas.
 */
#include "gs-comp-payout.h"
#include "gs-explain-comp.h"
#include "gs-export-private.h"
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

static char *
band_edge (const GsRateTable *t, double v, guint digits)
{
  if (t->basis == GS_BASIS_ATTAINMENT)
    return gs_format_percent_exact (v);
  return gs_format_money ((GsMoney) llround (v), digits, NULL, GS_MONEY_FORMAT_FULL);
}

/* "marginal: 0 %–100 % × 1; 100 %–150 % × 1.5; 150 % and up × 2" */
static char *
table_text (const GsRateTable *t, guint digits)
{
  static const char *const kinds[] = { "flat", "marginal (each slice at its band's rate)",
                                       "band (all at the rate of the band reached)" };
  GString *s = g_string_new (kinds[t->kind]);
  g_string_append (s, ": ");
  for (guint b = 0; b < t->n_bands; b++)
    {
      g_autofree char *from = band_edge (t, t->bands[b].from, digits);
      g_autofree char *rate = gs_format_number_short (t->bands[b].rate, 6);
      if (b)
        g_string_append (s, "; ");
      if (isinf (t->bands[b].to))
        g_string_append_printf (s, "%s and up × %s", from, rate);
      else
        {
          g_autofree char *to = band_edge (t, t->bands[b].to, digits);
          g_string_append_printf (s, "%s–%s × %s", from, to, rate);
        }
    }
  return g_string_free (s, FALSE);
}

static void
header (GsXTable *t, const char *const *labels, guint n)
{
  GsXRow *row = gs_xrow_add (t);
  for (guint i = 0; i < n; i++)
    gs_xput_text (row, i, labels[i], GS_XSTYLE_HEADER);
}

static gboolean
role_block (GsXTable *t, const GsCompModel *comp, const GsCompRole *role, guint digits,
            GError **error)
{
  static const char *const comp_head[]
      = { "Component", "Measure",    "Weight",    "Target incentive", "Quota per person (year)",
          "Period",    "Attainment", "Rate table" };
  g_autoptr (GsCompPayout) p = NULL;
  GsCompInput in;
  GsXRow *row;

  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, role->name, GS_XSTYLE_SECTION);
  gs_xput_text (row, 1, gs_role_kind_id (role->kind), GS_XSTYLE_PLAIN);

  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "People in the role", GS_XSTYLE_LABEL);
  gs_xput_count (row, 1, role->headcount, NULL);
  gs_xput_text (row, 2, gs_explain_headcount_from (role), GS_XSTYLE_PLAIN);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "On-target earnings (OTE)", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, role->ote, NULL);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Pay mix (target incentive ÷ OTE)", GS_XSTYLE_LABEL);
  gs_xput_percent (row, 1, role->pay_mix, NULL);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Base salary", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, role->base, NULL);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Target incentive", GS_XSTYLE_LABEL);
  gs_xput_money (digits, row, 1, role->target_incentive, NULL);

  header (t, comp_head, G_N_ELEMENTS (comp_head));
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *cc = &role->components[i];
      g_autofree char *table = table_text (&cc->table, digits);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, cc->name, GS_XSTYLE_LABEL);
      gs_xput_text (row, 1, gs_measure_label (cc->measure), GS_XSTYLE_PLAIN);
      gs_xput_percent (row, 2, cc->weight, NULL);
      gs_xput_money (digits, row, 3, cc->target_incentive, NULL);
      put_quantity (digits, row, 4, cc->measure, cc->quota);
      gs_xput_text (row, 5, period_names[cc->period], GS_XSTYLE_PLAIN);
      gs_xput_text (row, 6, cc->attain == GS_ATTAIN_YTD ? "year to date" : "each period",
                    GS_XSTYLE_PLAIN);
      gs_xput_text (row, 7, table, GS_XSTYLE_PLAIN);
    }

  /* One person on the role's own quotas: the trace, without computing
   * everyone (the People sheet does that once). */
  gs_comp_input_init (&in);
  gs_comp_input_at_attainment (&in, role, GS_COMP_STANDARD_PERSON, 1.0);
  p = gs_comp_payout (comp, role, GS_COMP_STANDARD_PERSON, &in, error);
  gs_comp_input_clear (&in);
  if (p == NULL)
    return FALSE;
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Calculation at 100 % attainment (one person on the role's quotas)",
                GS_XSTYLE_SECTION);
  {
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
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Variable pay for the year", GS_XSTYLE_TOTAL);
    gs_xput_money (digits, row, 1, p->total, NULL);
  }
  return TRUE;
}

gboolean
gs_export_book_add_comp (GsExportBook *book, const GsModel *m, const GsCompModel *comp,
                         const GsTargetsLayout *targets, GError **error)
{
  GsXTable *t;
  GsXRow *row;
  GsXCell *cell;
  guint curve_row0, n_points = 21;
  g_autoptr (GPtrArray) curves = NULL;
  GsCompAtPlan at_plan = { 0 };

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "Compensation", "compensation");
  gs_xput_text (gs_xrow_add (t), 0, "Compensation: each role's plan and what it pays",
                GS_XSTYLE_TITLE);
  cell = gs_xput_text (gs_xrow_add (t), 0,
                       "Pay plans are values from Goalsheet's compensation engine (see the note).",
                       GS_XSTYLE_PLAIN);
  cell->note = g_strdup (COMP_NOTE);
  t->widths[0] = 70;
  t->widths[1] = 18;
  for (guint c = 2; c < 8; c++)
    t->widths[c] = 18;
  t->widths[7] = 60;

  for (guint r = 0; r < comp->n_roles; r++)
    if (!role_block (t, comp, &comp->roles[r], book->digits, error))
      return FALSE;

  /* Payout curves: one standard person per role, 0 to 200 % attainment. */
  curves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
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
      row = gs_xrow_add (t);
      GArray *c0 = g_ptr_array_index (curves, 0);
      gs_xput_percent (row, 0, g_array_index (c0, GsCurvePoint, i).attainment, NULL);
      for (guint r = 0; r < comp->n_roles; r++)
        {
          GArray *curve = g_ptr_array_index (curves, r);
          gs_xput_money (book->digits, row, 1 + r, g_array_index (curve, GsCurvePoint, i).earned,
                         NULL);
        }
    }
  {
    GsXChart *chart = gs_xchart_add (t, GS_XCHART_LINE, "Payout curves (one person, commission)");
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

  /* Cost at plan: everyone at 100 % plus the expected SPIF events. */
  if (!gs_comp_at_plan (comp, &at_plan, error))
    return FALSE;
  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, "Cost at plan (everyone at 100 %, expected SPIFs)",
                GS_XSTYLE_SECTION);
  {
    guint first = gs_xrow_index (t) + 1;
    for (guint r = 0; r < comp->n_roles; r++)
      {
        row = gs_xrow_add (t);
        gs_xput_text (row, 0, comp->roles[r].name, GS_XSTYLE_LABEL);
        gs_xput_money (book->digits, row, 1, at_plan.role_variable[r], NULL);
      }
    g_autofree char *sum = gs_xsum (first, 1, first + comp->n_roles - 1, 1);
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Variable pay at plan", GS_XSTYLE_TOTAL);
    gs_xput_money (book->digits, row, 1, at_plan.variable_pay,
                   g_strdup_printf ("ROUND(%s,%u)", sum, book->digits));
  }
  {
    guint vrow = gs_xrow_index (t);
    g_autofree char *v = gs_xref (vrow, 1, FALSE);
    g_autofree char *b = gs_xref (vrow + 1, 1, FALSE);
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Company bookings target over the comp year", GS_XSTYLE_LABEL);
    {
      /* The comp year: the plan's first 12 months (docs/compensation.md). */
      guint months = MIN (GS_COMP_MONTHS, m->company.horizon);
      g_autofree char *range = NULL;
      range = gs_xrange_sheet ("Targets", targets->target_row, targets->col0, targets->target_row,
                               targets->col0 + months - 1);
      gs_xput_money (book->digits, row, 1, at_plan.bookings,
                     g_strdup_printf ("ROUND(SUM(%s),%u)", range + 1, book->digits));
    }
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Cost of sales (variable pay ÷ bookings)", GS_XSTYLE_TOTAL);
    gs_xput_percent (row, 1, at_plan.cost_of_sales, g_strdup_printf ("IF(%s=0,0,%s/%s)", b, v, b));
  }
  gs_comp_at_plan_clear (&at_plan);
  return TRUE;
}

gboolean
gs_export_book_add_people (GsExportBook *book, const GsCompModel *comp, GError **error)
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

  if (comp == NULL || comp->n_roles == 0)
    return TRUE;
  t = gs_xtable_new (book, "People", "people");
  gs_xput_text (gs_xrow_add (t), 0, "People: quota and variable pay at plan", GS_XSTYLE_TITLE);
  header (t, head, G_N_ELEMENTS (head));
  gs_xput (g_ptr_array_index (t->rows, 1), 6)->note = g_strdup (COMP_NOTE);
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

  for (guint r = 0; r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      const GsCompComponent *c0 = &role->components[0];
      g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_attainment (comp, role, 1.0, error);
      if (rp == NULL)
        return FALSE;
      total += rp->total;
      n_people += role->n_people ? role->n_people : rp->multiplier;
      for (guint p = 0; p < rp->n_people; p++)
        {
          g_autofree char *each = NULL;
          guint person = role->n_people ? p : GS_COMP_STANDARD_PERSON;
          row = gs_xrow_add (t);
          if (role->n_people)
            gs_xput_text (row, 0, role->people[p].name, GS_XSTYLE_PLAIN);
          else
            {
              each = g_strdup_printf ("Each of %u (no names in the plan)", rp->multiplier);
              gs_xput_text (row, 0, each, GS_XSTYLE_PLAIN);
            }
          gs_xput_text (row, 1, role->name, GS_XSTYLE_PLAIN);
          gs_xput_count (row, 2, role->n_people ? 1 : rp->multiplier, NULL);
          put_quantity (book->digits, row, 3, c0->measure,
                        gs_comp_person_quota (role, person, c0->measure, c0->quota));
          gs_xput_text (row, 4, gs_measure_label (c0->measure), GS_XSTYLE_PLAIN);
          gs_xput_money (book->digits, row, 5, role->target_incentive, NULL);
          gs_xput_money (book->digits, row, 6, rp->people[p]->total, NULL);
        }
    }
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
