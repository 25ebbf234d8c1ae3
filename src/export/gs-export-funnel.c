/* gs-export-funnel.c — the Funnel sheet: reverse funnel by source, stage and month, forward funnel.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-sheets.h"
#include "gs-format.h"
#include "gs-result.h"
#include "gs-explain.h"

#include <math.h>
#include <string.h>

static char *
planned_ref (GsExportCtx *c, guint j, guint i)
{
  const GsSource *src = &c->m->sources[j];
  if (src->planned)
    return g_strdup_printf ("INDEX(Src%u_Planned,%u)", j + 1,
                            (i < c->r->n_pre ? 0 : i - c->r->n_pre) + 1);
  return gs_xref (c->f_row[j * c->m->n_stages + src->entry_stage], c->f_col0 + i, FALSE);
}

void
gs_export_build_funnel (GsExportCtx *c)
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  GsXTable *t = gs_xtable_new (c->book, "Funnel", "funnel");
  guint col0 = c->f_col0 = 2;
  /* Month columns, then the months after the plan whose bookings need
   * volume in it (the continuation), then the totals. */
  guint c_plan = col0 + r->n_months + r->n_post, c_before = c_plan + 1, c_all = c_plan + 2;
  const GsCompany *co = &m->company;
  g_autofree char *grow = co->after_plan_growth_set             ? g_strdup ("*(1+AfterPlanGrowth)")
                          : co->target_mode == GS_TARGET_GROWTH ? g_strdup ("*(1+Growth)")
                                                                : g_strdup ("");
  guint row_first_all;
  GsXRow *row;

  gs_xput_text (gs_xrow_add (t), 0, "Reverse funnel: volume needed by month and source",
                GS_XSTYLE_TITLE);
  gs_xput_text (
      gs_xrow_add (t), 0,
      "Each count sits in the month it is needed: the stage lags move it earlier than the "
      "wins it feeds. Counts are whole, rounded up on the running total.",
      GS_XSTYLE_PLAIN);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Source", GS_XSTYLE_HEADER);
  gs_xput_text (row, 1, "Stage", GS_XSTYLE_HEADER);
  for (guint i = 0; i < r->n_months + r->n_post; i++)
    {
      g_autofree char *month = gs_explain_month_label (&r->months[i]);
      g_autofree char *after = g_strdup_printf ("%s (after the plan)", month);
      gs_xput_text (row, col0 + i, i < r->n_months ? month : after, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, c_plan, "Plan months", GS_XSTYLE_HEADER);
  gs_xput_text (row, c_before, "Before the plan", GS_XSTYLE_HEADER);
  gs_xput_text (row, c_all, "All", GS_XSTYLE_HEADER);
  t->freeze_rows = 3;
  t->freeze_cols = 2;
  t->widths[0] = 22;
  t->widths[1] = 30;
  for (guint i = 0; i < r->n_months + r->n_post + 3 && col0 + i < G_N_ELEMENTS (t->widths); i++)
    t->widths[col0 + i] = 15;

  c->f_row = g_new (guint, (gsize) m->n_sources * m->n_stages);
  for (guint x = 0; x < m->n_sources * m->n_stages; x++)
    c->f_row[x] = G_MAXUINT;
  c->f_target_row = g_new0 (guint, m->n_sources);
  c->f_all_row = g_new0 (guint, m->n_stages);
  c->f_proj_row = g_new0 (guint, m->n_sources);

  /* Rows are written top to bottom, but a stage's formula refers to the
   * stage after it, so the row numbers are fixed first. */
  {
    guint next = t->rows->len;
    for (guint j = 0; j < m->n_sources; j++)
      {
        next++; /* blank */
        c->f_target_row[j] = next++;
        for (guint k = m->sources[j].entry_stage; k < m->n_stages; k++)
          c->f_row[j * m->n_stages + k] = next++;
      }
  }

  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      g_autofree char *share = gs_format_percent (src->share);
      g_autofree char *label = g_strdup_printf ("New-business target (%s share)", share);

      gs_xrow_add (t);
      row = gs_xrow_add (t);
      g_assert (gs_xrow_index (t) == c->f_target_row[j]);
      gs_xput_text (row, 0, src->name, GS_XSTYLE_SECTION);
      gs_xput_text (row, 1, label, GS_XSTYLE_LABEL);
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          GsMoney v = r->source_target[(gsize) j * r->horizon + mo];
          gs_xput_money (c->digits, row, col0 + r->n_pre + mo, v,
                         gs_xref_sheet ("Targets", c->targets.src_row[j], c->targets.col0 + mo));
        }
      /* The continuation: the same month a year earlier, grown (a month of
       * a plan shorter than a year is the engine's value). */
      for (guint mo = r->horizon; mo < r->horizon + r->n_post; mo++)
        {
          GsMoney v = r->source_after[(gsize) j * r->n_post + mo - r->horizon];
          g_autofree char *prev
              = mo >= 12 ? gs_xref (gs_xrow_index (t), col0 + r->n_pre + mo - 12, FALSE) : NULL;
          gs_xput_money (c->digits, row, col0 + r->n_pre + mo, v,
                         prev ? gs_export_round_money (c, g_strdup_printf ("%s%s", prev, grow))
                              : NULL);
        }
      gs_xput_money (
          c->digits, row, c_plan, r->source_target_total[j],
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));

      for (guint k = src->entry_stage; k < m->n_stages; k++)
        {
          guint rr, cb;
          g_autofree char *x = NULL;

          row = gs_xrow_add (t);
          gs_xput_text (row, 0, src->name, GS_XSTYLE_PLAIN);
          gs_xput_text (row, 1, m->stages[k].name, GS_XSTYLE_LABEL);
          if (k == c->won)
            {
              rr = c->f_target_row[j];
              cb = col0 + r->n_pre;
              x = g_strdup ("DealSize");
            }
          else
            {
              rr = c->f_row[j * m->n_stages + k + 1];
              cb = col0 + r->n_pre - c->off[k + 1];
              x = gs_export_rate_name (c, j, k);
            }
          for (guint i = 0; i < r->n_months + r->n_post; i++)
            {
              int mo = (int) i - (int) r->n_pre + (int) c->off[k];
              gint64 n = i < r->n_months ? gs_result_needed (r, j, k, i)
                                         : r->needed_post[((gsize) j * m->n_stages + k) * r->n_post
                                                          + i - r->n_months];
              char *f = NULL;
              if (mo >= (int) (r->horizon + r->n_post))
                continue; /* after the plan, for bookings past the continuation */
              if (mo >= 0 && mo < (int) (r->horizon + r->n_post))
                {
                  g_autofree char *first = gs_xref (rr, cb, TRUE);
                  g_autofree char *cur = gs_xref (rr, cb + mo, FALSE);
                  g_autofree char *now_sum = g_strdup_printf ("SUM(%s:%s)/%s", first, cur, x);
                  g_autofree char *now = gs_export_ceil_count (now_sum);
                  if (mo == 0)
                    f = g_strdup (now);
                  else
                    {
                      g_autofree char *prev = gs_xref (rr, cb + mo - 1, FALSE);
                      g_autofree char *prev_sum = g_strdup_printf ("SUM(%s:%s)/%s", first, prev, x);
                      g_autofree char *before_c = gs_export_ceil_count (prev_sum);
                      f = g_strdup_printf ("%s-%s", now, before_c);
                    }
                }
              gs_xput_count (row, col0 + i, n, f);
            }
          gs_xput_count (row, c_plan, gs_result_needed_over (r, j, k, GS_SPAN_PLAN),
                         gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t),
                                  col0 + r->n_months - 1));
          gs_xput_count (
              row, c_before, gs_result_needed_over (r, j, k, GS_SPAN_BEFORE),
              r->n_pre ? gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->n_pre - 1)
                       : NULL);
          gs_xput_count (row, c_all, gs_result_needed_over (r, j, k, GS_SPAN_ALL),
                         gs_xplus (gs_xrow_index (t), c_plan, c_before));
        }
    }

  /* All sources, stage by stage: the funnel chart's data. */
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "All sources", GS_XSTYLE_SECTION);
  row_first_all = t->rows->len;
  for (guint k = 0; k < m->n_stages; k++)
    {
      row = gs_xrow_add (t);
      c->f_all_row[k] = gs_xrow_index (t);
      gs_xput_text (row, 0, "All sources", GS_XSTYLE_PLAIN);
      gs_xput_text (row, 1, m->stages[k].name, GS_XSTYLE_LABEL);
      for (guint i = 0; i < r->n_months; i++)
        {
          GString *f = g_string_new (NULL);
          gint64 n = gs_result_needed_total (r, k, i);
          for (guint j = 0; j < m->n_sources; j++)
            if (c->f_row[j * m->n_stages + k] != G_MAXUINT)
              {
                g_autofree char *a = gs_xref (c->f_row[j * m->n_stages + k], col0 + i, FALSE);
                g_string_append_printf (f, "%s%s", f->len ? "+" : "", a);
              }
          gs_xput_count (row, col0 + i, n, g_string_free (f, f->len == 0));
        }
      gs_xput_count (
          row, c_plan, gs_result_needed_over (r, G_MAXUINT, k, GS_SPAN_PLAN),
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));
      gs_xput_count (row, c_before, gs_result_needed_over (r, G_MAXUINT, k, GS_SPAN_BEFORE),
                     r->n_pre
                         ? gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->n_pre - 1)
                         : NULL);
      gs_xput_count (row, c_all, r->stage_needed[k],
                     gs_xplus (gs_xrow_index (t), c_plan, c_before));
    }
  {
    GsXChart *chart = g_new0 (GsXChart, 1);
    chart->kind = GS_XCHART_BAR;
    chart->title = g_strdup ("Volume needed by stage (all sources)");
    chart->y_title = g_strdup ("Needed over the plan and the months before it");
    chart->categories
        = gs_xrange_sheet (t->name, row_first_all, 1, row_first_all + m->n_stages - 1, 1);
    chart->values = g_ptr_array_new_with_free_func (g_free);
    chart->names = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (chart->values, gs_xrange_sheet (t->name, row_first_all, c_all,
                                                     row_first_all + m->n_stages - 1, c_all));
    g_ptr_array_add (chart->names, gs_xrange_sheet (t->name, 2, c_all, 2, c_all));
    chart->at_row = 0; /* placed below the table by the writer */
    chart->at_col = 1;
    g_ptr_array_add (t->charts, chart);
  }

  /* Forward funnel: planned volume × the rates, in the month of the win. */
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0,
                "Forward funnel: wins expected from the planned volume, by month of the win",
                GS_XSTYLE_SECTION);
  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      guint e = src->entry_stage;
      row = gs_xrow_add (t);
      c->f_proj_row[j] = gs_xrow_index (t);
      gs_xput_text (row, 0, src->name, GS_XSTYLE_PLAIN);
      gs_xput_text (
          row, 1, src->planned ? "Expected wins (planned volume)" : "Expected wins (volume needed)",
          GS_XSTYLE_LABEL);
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          guint i = r->n_pre + mo - c->off[e];
          GString *f = g_string_new (NULL);
          double w = gs_result_projected (r, j, c->won, r->n_pre + mo);
          g_autofree char *v = planned_ref (c, j, i);
          g_string_append (f, v);
          for (guint k = e; k < c->won; k++)
            {
              g_autofree char *rn = gs_export_rate_name (c, j, k);
              g_string_append_printf (f, "*%s", rn);
            }
          gs_xput_number (row, col0 + r->n_pre + mo, w, 2, g_string_free (f, FALSE));
        }
      gs_xput_number (
          row, c_plan, gs_result_projected_over (r, j, c->won, GS_SPAN_PLAN), 2,
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));
    }
  row = gs_xrow_add (t);
  c->f_bookings_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "All sources", GS_XSTYLE_TOTAL);
  gs_xput_text (row, 1, "Projected bookings", GS_XSTYLE_TOTAL);
  {
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        GString *f = g_string_new ("(");
        for (guint j = 0; j < m->n_sources; j++)
          {
            g_autofree char *a = gs_xref (c->f_proj_row[j], col0 + r->n_pre + mo, FALSE);
            g_string_append_printf (f, "%s%s", j ? "+" : "", a);
          }
        g_string_append (f, ")*DealSize");
        gs_xput_money (c->digits, row, col0 + r->n_pre + mo, r->projected_bookings[mo],
                       gs_export_round_money (c, g_string_free (f, FALSE)));
      }
    gs_xput_money (c->digits, row, c_plan, r->projected_total,
                   gs_export_round_money (c, gs_xsum (gs_xrow_index (t), col0 + r->n_pre,
                                                      gs_xrow_index (t), col0 + r->n_months - 1)));
  }
  ((GsXChart *) g_ptr_array_index (t->charts, 0))->at_row = t->rows->len + 1;
}
