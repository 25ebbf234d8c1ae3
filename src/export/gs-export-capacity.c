/* gs-export-capacity.c — the Capacity sheet: AEs, SDRs, and the plan against the target.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-sheets.h"
#include "gs-explain.h"

#include <math.h>
#include <string.h>

void
gs_export_build_capacity (GsExportCtx *c)
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  const GsAeCapacity *ae = &m->ae;
  GsXTable *t = gs_xtable_new (c->book, "Capacity", "capacity");
  guint col0 = c->c_col0 = 1, c_total = col0 + r->horizon;
  GsXRow *row;

  gs_xput_text (gs_xrow_add (t), 0, "Capacity and the plan by month", GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "", GS_XSTYLE_HEADER);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      g_autofree char *month = gs_explain_month_label (&r->months[r->n_pre + mo]);
      gs_xput_text (row, col0 + mo, month, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, c_total, "Plan", GS_XSTYLE_HEADER);
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 46;
  for (guint i = 0; i <= r->horizon && col0 + i < G_N_ELEMENTS (t->widths); i++)
    t->widths[col0 + i] = 15;

#define CAP_ROW(field, label, style)                                                               \
  row = gs_xrow_add (t);                                                                           \
  c->field = gs_xrow_index (t);                                                                    \
  gs_xput_text (row, 0, label, style)
#define put_money_total(row, col, v, f)                                                            \
  gs_xput_money (c->digits, row, col, v, gs_export_round_money (c, f))
#define SUM_TOTAL(put_fn, value)                                                                   \
  put_fn (row, c_total, value,                                                                     \
          gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->horizon - 1))

  /* A hire counts from its month on (AE_HireN_Month is 1-based, the column
   * 0-based); d = months since hire picks its ramp step. */
  CAP_ROW (c_hired, "AEs hired to date (start + hires)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new ("AE_StartHeadcount");
      for (guint h = 0; h < ae->n_hires; h++)
        g_string_append_printf (f, "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count,0)", h + 1, mo,
                                h + 1);
      gs_xput_count (row, col0 + mo, r->ae_hired[mo], g_string_free (f, FALSE));
    }

  CAP_ROW (c_staff, "AEs on staff (expected, after attrition)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new (NULL);
      g_string_append_printf (f, "AE_StartHeadcount*(1-AE_Attrition)^%u", mo);
      for (guint h = 0; h < ae->n_hires; h++)
        g_string_append_printf (f,
                                "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count*(1-AE_Attrition)^(%u-AE_"
                                "Hire%u_Month+1),0)",
                                h + 1, mo, h + 1, mo, h + 1);
      gs_xput_number (row, col0 + mo, r->ae_headcount[mo], 2, g_string_free (f, FALSE));
    }

  CAP_ROW (c_ramped, "Fully-ramped AE equivalents", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new (NULL);
      g_string_append_printf (f, "AE_StartHeadcount*(1-AE_Attrition)^%u", mo);
      for (guint h = 0; h < ae->n_hires; h++)
        {
          g_autofree char *d = g_strdup_printf ("(%u-AE_Hire%u_Month+1)", mo, h + 1);
          g_autofree char *ramp
              = ae->n_ramp ? g_strdup_printf ("*IF(%s<%u,INDEX(AE_Ramp,%s+1),1)", d, ae->n_ramp, d)
                           : g_strdup ("");
          g_string_append_printf (
              f, "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count*(1-AE_Attrition)^%s%s,0)", h + 1, mo,
              h + 1, d, ramp);
        }
      gs_xput_number (row, col0 + mo, r->ae_ramped[mo], 2, g_string_free (f, FALSE));
    }

  CAP_ROW (c_cap, "AE capacity (ramped AEs × quota ÷ 12 × attainment)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      g_autofree char *a = gs_xref (c->c_ramped, col0 + mo, FALSE);
      gs_xput_money (
          c->digits, row, col0 + mo, r->ae_capacity[mo],
          gs_export_round_money (c, g_strdup_printf ("%s*(AE_Quota/12)*AE_Attainment", a)));
    }
  SUM_TOTAL (put_money_total, r->ae_capacity_total);

  CAP_ROW (c_sdrs, "Productive SDRs", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new ("SDR_StartHeadcount");
      for (guint h = 0; h < m->sdr.n_hires; h++)
        g_string_append_printf (f, "+IF(SDR_Hire%u_Month-1+SDR_RampMonths<=%u,SDR_Hire%u_Count,0)",
                                h + 1, mo, h + 1);
      gs_xput_number (row, col0 + mo, r->sdr_productive[mo], 0, g_string_free (f, FALSE));
    }

  CAP_ROW (c_sdr_cap, "SDR capacity (meetings a month)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      g_autofree char *a = gs_xref (c->c_sdrs, col0 + mo, FALSE);
      gs_xput_number (row, col0 + mo, r->sdr_capacity[mo], 0,
                      g_strdup_printf ("%s*SDR_SqlsPerMonth", a));
    }
  gs_xput_number (row, c_total, r->sdr_capacity_total, 0,
                  gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->horizon - 1));

  {
    g_autofree char *plural = gs_explain_stage_count (m->stages[m->handoff + 1].name);
    g_autofree char *label = g_strdup_printf ("%s needed (all sources)", plural);
    CAP_ROW (c_sqls, label, GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a
            = gs_xref_sheet ("Funnel", c->f_all_row[m->handoff + 1], c->f_col0 + r->n_pre + mo);
        gs_xput_count (row, col0 + mo, r->sqls_needed[mo], g_strdup (a));
      }
    SUM_TOTAL (gs_xput_count, r->sqls_needed_total);
  }

  gs_xrow_add (t);
  {
    CAP_ROW (c_nb, "New-business target", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        gs_xput_money (c->digits, row, col0 + mo, r->new_business_month[mo],
                       gs_xref_sheet ("Targets", c->targets.nb_row, c->targets.col0 + mo));
      }
    SUM_TOTAL (put_money_total, r->target_new_business);
    CAP_ROW (c_existing, "Existing-customer bookings", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        GsMoney ex = r->existing_month[mo];
        gs_xput_money (c->digits, row, col0 + mo, ex,
                       gs_xref_sheet ("Targets", c->targets.ex_row, c->targets.col0 + mo));
      }
    SUM_TOTAL (put_money_total, r->target_existing);
    CAP_ROW (c_target, "Bookings target", GS_XSTYLE_TOTAL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a = gs_xref (c->c_nb, col0 + mo, FALSE);
        g_autofree char *b = gs_xref (c->c_existing, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->target_month[mo],
                       gs_export_round_money (c, g_strdup_printf ("%s+%s", a, b)));
      }
    SUM_TOTAL (put_money_total, r->target_total);
    CAP_ROW (c_proj, "Projected bookings (forward funnel)", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        gs_xput_money (c->digits, row, col0 + mo, r->projected_bookings[mo],
                       gs_xref_sheet ("Funnel", c->f_bookings_row, c->f_col0 + r->n_pre + mo));
      }
    SUM_TOTAL (put_money_total, r->projected_total);
    CAP_ROW (c_plan, "Plan: existing + the smaller of funnel and backlog, and capacity",
             GS_XSTYLE_TOTAL);
    /* The backlog row follows (docs/derivations.md, "Plan and gap"): a month
     * books what the funnel brings plus what waited, up to capacity. */
    c->c_backlog = c->c_plan + 1;
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *ex = gs_xref (c->c_existing, col0 + mo, FALSE);
        g_autofree char *pr = gs_xref (c->c_proj, col0 + mo, FALSE);
        g_autofree char *ca = gs_xref (c->c_cap, col0 + mo, FALSE);
        g_autofree char *in = mo ? gs_xref (c->c_backlog, col0 + mo - 1, FALSE) : g_strdup ("0");
        gs_xput_money (
            c->digits, row, col0 + mo, r->plan_month[mo],
            gs_export_round_money (c, g_strdup_printf ("%s+MIN(%s+%s,%s)", ex, pr, in, ca)));
      }
    SUM_TOTAL (put_money_total, r->plan_total);
    CAP_ROW (c_backlog, "Backlog: won, waiting for capacity, carried to the next month",
             GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *pr = gs_xref (c->c_proj, col0 + mo, FALSE);
        g_autofree char *ca = gs_xref (c->c_cap, col0 + mo, FALSE);
        g_autofree char *in = mo ? gs_xref (c->c_backlog, col0 + mo - 1, FALSE) : g_strdup ("0");
        g_autofree char *left = g_strdup_printf ("MAX(0,%s+%s-%s)", pr, in, ca);
        /* Less the decay, rounded once to the cent as the engine does. */
        gs_xput_money (c->digits, row, col0 + mo, r->backlog_month[mo],
                       g_strdup_printf ("%s-ROUND(%s*AE_BacklogDecay,%u)", left, left, c->digits));
      }
    CAP_ROW (c_gap, "Gap to target (plan − target)", GS_XSTYLE_TOTAL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *pl = gs_xref (c->c_plan, col0 + mo, FALSE);
        g_autofree char *tg = gs_xref (c->c_target, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->gap_month[mo],
                       gs_export_round_money (c, g_strdup_printf ("%s-%s", pl, tg)));
      }
    SUM_TOTAL (put_money_total, r->gap);
  }
#undef CAP_ROW
#undef SUM_TOTAL
#undef put_money_total

  {
    GsXChart *chart = g_new0 (GsXChart, 1);
    guint rows[] = { c->c_target, c->c_plan, c->c_cap, c->c_proj };
    chart->kind = GS_XCHART_LINE;
    chart->title = g_strdup ("Target, plan, capacity and funnel by month");
    chart->x_title = g_strdup ("Plan month");
    chart->y_title = g_strdup ("Bookings a month");
    chart->categories = gs_xrange_sheet (t->name, 1, col0, 1, col0 + r->horizon - 1);
    chart->values = g_ptr_array_new_with_free_func (g_free);
    chart->names = g_ptr_array_new_with_free_func (g_free);
    for (guint s = 0; s < G_N_ELEMENTS (rows); s++)
      {
        g_ptr_array_add (chart->values,
                         gs_xrange_sheet (t->name, rows[s], col0, rows[s], col0 + r->horizon - 1));
        g_ptr_array_add (chart->names, gs_xrange_sheet (t->name, rows[s], 0, rows[s], 0));
      }
    chart->at_row = t->rows->len + 1;
    chart->at_col = 0;
    g_ptr_array_add (t->charts, chart);
  }
}
