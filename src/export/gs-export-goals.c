/* gs-export-goals.c — the Marketing goals and Sales goals sheets.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-sheets.h"
#include "gs-explain.h"
#include "gs-result.h"

#include <math.h>
#include <string.h>

typedef enum
{
  LINE_SUM,               /* quarters and totals are sums of months */
  LINE_COST,              /* budget ÷ hand-off volume */
  LINE_CYCLE,             /* the same in every cell */
  LINE_AVERAGE,           /* quarters are averages */
  LINE_QUOTA,             /* the months rule over the annual quota; quarters add months */
  LINE_COVERAGE,          /* capacity ÷ new-business target */
  LINE_QUOTA_ASSIGNMENT,  /* quota assigned ÷ new-business target */
  LINE_PIPELINE_COVERAGE, /* pipeline open at the start ÷ new-business target */
} LineKind;

typedef struct
{
  guint col_month0, col_q0, col_total, col_before, col_after;
  GHashTable *rows; /* line id → row + 1 */
} GoalLayout;

static char *
sum_sources (GsExportCtx *c, guint k, gboolean marketing_only, guint i)
{
  GString *f = g_string_new (NULL);
  for (guint j = 0; j < c->m->n_sources; j++)
    {
      guint fr = c->f_row[j * c->m->n_stages + k];
      if (fr == G_MAXUINT || (marketing_only && c->m->sources[j].owner != GS_OWNER_MARKETING))
        continue;
      g_autofree char *a = gs_xref_sheet ("Funnel", fr, c->f_col0 + i);
      g_string_append_printf (f, "%s%s", f->len ? "+" : "", a);
    }
  if (f->len == 0)
    {
      g_string_free (f, TRUE);
      return NULL;
    }
  return g_string_free (f, FALSE);
}

static char *
lags_sum (GsExportCtx *c)
{
  GString *f = g_string_new (NULL);
  for (guint k = 0; k + 1 < c->m->n_stages; k++)
    g_string_append_printf (f, "%sLag_S%u", k ? "+" : "", k + 1);
  return g_string_free (f, FALSE);
}

/* The engine's months rule (gs_money_split_year) with equal weights, in
 * whole minor units: the year's Y to quarter q is ⌊Y/4⌋ plus one for the first
 * Y mod 4 quarters, and a quarter's G to its month p the same with 3. */
static char *
quota_month (GsExportCtx *c, guint p)
{
  double scale = pow (10, c->digits);
  g_autofree char *y = g_strdup_printf ("ROUND(AE_Quota*%.0f,0)", scale);
  g_autofree char *g = g_strdup_printf ("(INT(%s/4)+IF(%u<MOD(%s,4),1,0))", y, p / 3, y);
  return g_strdup_printf ("(INT(%s/3)+IF(%u<MOD(%s,3),1,0))/%.0f", g, p % 3, g, scale);
}

/* The formula of a line in month column i, or NULL for a value. */
static char *
month_formula (GsExportCtx *c, const GsGoalLine *line, guint i, const GoalLayout *g, guint row,
               LineKind *kind)
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  const char *id = line->id;
  gboolean any_marketing = FALSE;
  gboolean pre = i < r->n_pre;
  guint mo = pre ? 0 : i - r->n_pre;
  guint cap_col = c->c_col0 + mo;

  for (guint j = 0; j < m->n_sources; j++)
    any_marketing |= m->sources[j].owner == GS_OWNER_MARKETING;
  *kind = LINE_SUM;

  if (g_str_has_prefix (id, "marketing.stage."))
    return sum_sources (c, gs_model_stage_index (m, id + strlen ("marketing.stage.")),
                        any_marketing, i);
  if (g_str_has_prefix (id, "sales.followup."))
    return sum_sources (c, m->handoff, FALSE, i);
  if (g_str_has_prefix (id, "sales.stage."))
    return sum_sources (c, gs_model_stage_index (m, id + strlen ("sales.stage.")), FALSE, i);
  if (g_str_equal (id, "marketing.sourced_pipeline")
      || g_str_equal (id, "marketing.sourced_bookings") || g_str_equal (id, "shared.pipeline")
      || g_str_equal (id, "shared.bookings"))
    {
      guint k = g_str_has_suffix (id, "pipeline") ? m->n_stages - 2 : m->n_stages - 1;
      g_autofree char *n
          = sum_sources (c, k, g_str_has_prefix (id, "marketing.") && any_marketing, i);
      return n ? gs_export_round_money (c, g_strdup_printf ("(%s)*DealSize", n)) : NULL;
    }
  if (g_str_equal (id, "marketing.budget"))
    {
      GString *f = g_string_new (NULL);
      for (guint j = 0; j < m->n_sources; j++)
        if (m->sources[j].owner == GS_OWNER_MARKETING)
          {
            g_autofree char *a = gs_xref_sheet (
                "Funnel", c->f_row[j * m->n_stages + m->sources[j].entry_stage], c->f_col0 + i);
            g_string_append_printf (f, "%s%s*Src%u_CostPerLead", f->len ? "+" : "", a, j + 1);
          }
      if (f->len == 0)
        {
          g_string_free (f, TRUE);
          return NULL;
        }
      return gs_export_round_money (c, g_string_free (f, FALSE));
    }
  if (g_str_equal (id, "marketing.cost_per_handoff"))
    {
      g_autofree char *hid = g_strdup_printf ("marketing.stage.%s", m->stages[m->handoff].id);
      guint brow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, "marketing.budget")) - 1;
      guint nrow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, hid)) - 1;
      g_autofree char *b = gs_xref (brow, g->col_month0 + i, FALSE);
      g_autofree char *n = gs_xref (nrow, g->col_month0 + i, FALSE);
      *kind = LINE_COST;
      return g_strdup_printf ("IF(%s=0,0,ROUND(%s/%s,%u))", n, b, n, c->digits);
    }
  if (g_str_equal (id, "shared.cycle"))
    {
      *kind = LINE_CYCLE;
      return lags_sum (c);
    }
  if (g_str_equal (id, "sales.quota"))
    {
      *kind = LINE_QUOTA;
      return pre ? NULL : quota_month (c, mo % 12);
    }
  if (g_str_equal (id, "sales.quota_assignment"))
    {
      g_autofree char *ramped = gs_xref_sheet ("Capacity", c->c_ramped, cap_col);
      g_autofree char *nb = gs_xref_sheet ("Capacity", c->c_nb, cap_col);
      g_autofree char *assigned
          = gs_export_round_money (c, g_strdup_printf ("%s*(AE_Quota/12)", ramped));
      *kind = LINE_QUOTA_ASSIGNMENT;
      return pre ? NULL : g_strdup_printf ("IF(%s=0,0,%s/%s)", nb, assigned, nb);
    }
  if (g_str_equal (id, "shared.pipeline_coverage"))
    {
      guint prow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, "shared.pipeline"));
      g_autofree char *nb = gs_xref_sheet ("Capacity", c->c_nb, cap_col);
      g_autofree char *open = NULL;
      const GsQuantity *lag = gs_derivation_figure (&line->months[i].derivation, "lag_months");
      *kind = LINE_PIPELINE_COVERAGE;
      if (pre || prow == 0 || lag == NULL)
        return NULL;
      {
        guint from = i >= (guint) lag->amount ? i - (guint) lag->amount : 0;
        open = from == i
                   ? g_strdup ("0")
                   : gs_xsum (prow - 1, g->col_month0 + from, prow - 1, g->col_month0 + i - 1);
      }
      return g_strdup_printf ("IF(%s=0,0,(%s)/%s)", nb, open, nb);
    }
  if (g_str_equal (id, "sales.coverage"))
    {
      g_autofree char *cap = gs_xref_sheet ("Capacity", c->c_cap, cap_col);
      g_autofree char *nb = gs_xref_sheet ("Capacity", c->c_nb, cap_col);
      *kind = LINE_COVERAGE;
      return pre ? NULL : g_strdup_printf ("IF(%s=0,0,%s/%s)", nb, cap, nb);
    }
  {
    guint cap_row = G_MAXUINT;
    if (g_str_equal (id, "shared.target"))
      cap_row = c->c_target;
    else if (g_str_equal (id, "shared.plan"))
      cap_row = c->c_plan;
    else if (g_str_equal (id, "shared.gap"))
      cap_row = c->c_gap;
    else if (g_str_equal (id, "sales.ae_capacity"))
      cap_row = c->c_cap;
    else if (g_str_equal (id, "sales.sdr_capacity"))
      cap_row = c->c_sdr_cap;
    else if (g_str_equal (id, "sales.ae_headcount"))
      {
        cap_row = c->c_staff;
        *kind = LINE_AVERAGE;
      }
    if (cap_row != G_MAXUINT)
      return pre ? NULL : gs_xref_sheet ("Capacity", cap_row, cap_col);
  }
  (void) row;
  return NULL; /* a line this export does not know: its values, exactly */
}

static GsXCell *
put_line_cell (GsExportCtx *c, GsXRow *row, guint col, const GsGoalLine *line, const GsCell *v,
               char *f)
{
  switch (line->unit)
    {
    case GS_UNIT_COUNT:
      return gs_xput_count (row, col, v->amount, f);
    case GS_UNIT_MONEY:
      return gs_xput_money (c->digits, row, col, v->amount, f);
    case GS_UNIT_PERCENT:
      return gs_xput_percent (row, col, v->value, f);
    case GS_UNIT_DAYS:
      return gs_xput_number (row, col, v->value, 0, f);
    case GS_UNIT_MULTIPLE:
      return gs_xput_number (row, col, v->value, 1, f);
    case GS_UNIT_NUMBER:
    default:
      return gs_xput_number (row, col, v->value, 2, f);
    }
}

static void
goal_line_row (GsExportCtx *c, GsXTable *t, GoalLayout *g, const GsGoalLine *line)
{
  const GsResult *r = c->r;
  GsXRow *row = gs_xrow_add (t);
  guint ri = gs_xrow_index (t);
  LineKind kind = LINE_SUM;
  gboolean is_money = line->unit == GS_UNIT_MONEY;
  gboolean any_formula = FALSE;

  g_hash_table_insert (g->rows, line->id, GUINT_TO_POINTER (ri + 1));
  {
    g_autofree char *name = gs_explain_line_name (c->m, line);
    gs_xput_text (row, 0, name, GS_XSTYLE_LABEL);
  }
  for (guint i = 0; i < r->n_months; i++)
    {
      char *f = month_formula (c, line, i, g, ri, &kind);
      any_formula |= f != NULL;
      put_line_cell (c, row, g->col_month0 + i, line, &line->months[i], f);
    }
  if (!any_formula)
    kind = LINE_SUM;

  for (guint q = 0; q <= r->n_quarters; q++)
    {
      gboolean total = q == r->n_quarters;
      guint a = g->col_month0 + r->n_pre + (total ? 0 : c->q_first[q]);
      guint b = g->col_month0 + r->n_pre + (total ? r->horizon - 1 : c->q_last[q]);
      guint col = total ? g->col_total : g->col_q0 + q;
      const GsCell *v = total ? &line->total : &line->quarters[q];
      char *f = NULL;
      g_autofree char *range = gs_xrange (ri, a, ri, b);

      switch (kind)
        {
        case LINE_SUM:
          f = g_strdup_printf ("SUM(%s)", range);
          if (is_money)
            f = gs_export_round_money (c, f);
          break;
        case LINE_AVERAGE:
          f = g_strdup_printf ("AVERAGE(%s)", range);
          break;
        case LINE_CYCLE:
          f = lags_sum (c);
          break;
        case LINE_QUOTA: /* its months' quotas: they foot by construction */
          f = gs_export_round_money (c, g_strdup_printf ("SUM(%s)", range));
          break;
        case LINE_COVERAGE:
          {
            g_autofree char *cap
                = gs_xrange_sheet ("Capacity", c->c_cap, a - g->col_month0 - r->n_pre + c->c_col0,
                                   c->c_cap, b - g->col_month0 - r->n_pre + c->c_col0);
            g_autofree char *nb
                = gs_xrange_sheet ("Capacity", c->c_nb, a - g->col_month0 - r->n_pre + c->c_col0,
                                   c->c_nb, b - g->col_month0 - r->n_pre + c->c_col0);
            /* gs_xrange_sheet returns "=…": skip the '=' inside a formula. */
            f = g_strdup_printf ("IF(SUM(%s)=0,0,SUM(%s)/SUM(%s))", nb + 1, cap + 1, nb + 1);
          }
          break;
        case LINE_QUOTA_ASSIGNMENT:
          {
            guint ca = a - g->col_month0 - r->n_pre + c->c_col0;
            guint cb = b - g->col_month0 - r->n_pre + c->c_col0;
            g_autofree char *ramped
                = gs_xrange_sheet ("Capacity", c->c_ramped, ca, c->c_ramped, cb);
            g_autofree char *nb = gs_xrange_sheet ("Capacity", c->c_nb, ca, c->c_nb, cb);
            /* Each month's assigned quota rounded as the engine rounds it. */
            f = g_strdup_printf ("IF(SUM(%s)=0,0,SUMPRODUCT(ROUND(%s*(AE_Quota/12),%u))/SUM(%s))",
                                 nb + 1, ramped + 1, c->digits, nb + 1);
          }
          break;
        case LINE_PIPELINE_COVERAGE:
          {
            guint prow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, "shared.pipeline"));
            const GsQuantity *lag = gs_derivation_figure (&v->derivation, "lag_months");
            guint ca = a - g->col_month0 - r->n_pre + c->c_col0;
            guint cb = b - g->col_month0 - r->n_pre + c->c_col0;
            g_autofree char *nb = gs_xrange_sheet ("Capacity", c->c_nb, ca, c->c_nb, cb);
            g_autofree char *open = NULL;
            if (prow == 0 || lag == NULL)
              break;
            {
              guint first = a - g->col_month0;
              guint from = first >= (guint) lag->amount ? first - (guint) lag->amount : 0;
              open = from == first ? g_strdup ("0")
                                   : gs_xsum (prow - 1, g->col_month0 + from, prow - 1, a - 1);
            }
            f = g_strdup_printf ("IF(SUM(%s)=0,0,(%s)/SUM(%s))", nb + 1, open, nb + 1);
          }
          break;
        case LINE_COST:
          {
            g_autofree char *hid
                = g_strdup_printf ("marketing.stage.%s", c->m->stages[c->m->handoff].id);
            guint brow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, "marketing.budget")) - 1;
            guint nrow = GPOINTER_TO_UINT (g_hash_table_lookup (g->rows, hid)) - 1;
            g_autofree char *bq = gs_xref (brow, col, FALSE);
            g_autofree char *nq = gs_xref (nrow, col, FALSE);
            if (total)
              {
                g_autofree char *bb = gs_xref (brow, g->col_before, FALSE);
                g_autofree char *nb = gs_xref (nrow, g->col_before, FALSE);
                f = g_strdup_printf ("IF((%s+%s)=0,0,ROUND((%s+%s)/(%s+%s),%u))", nq, nb, bq, bb,
                                     nq, nb, c->digits);
              }
            else
              f = g_strdup_printf ("IF(%s=0,0,ROUND(%s/%s,%u))", nq, bq, nq, c->digits);
          }
          break;
        }
      put_line_cell (c, row, col, line, v, f);
    }
  {
    char *f = NULL;
    if (kind == LINE_SUM && r->n_pre > 0)
      {
        f = gs_xsum (ri, g->col_month0, ri, g->col_month0 + r->n_pre - 1);
        if (is_money)
          f = gs_export_round_money (c, f);
      }
    put_line_cell (c, row, g->col_before, line, &line->before, f);
  }
  if (r->n_post > 0 && line->after.derivation.kind == GS_DERIVATION_AFTER_PLAN)
    {
      /* A one-stage line's months that feed bookings after the plan are its
       * last ones (from the stage's lag before the end): their sum.  The
       * budget mixes entry stages, so it is the engine's value. */
      int k = line->stage >= 0 ? line->stage : line->months[r->n_pre].derivation.stage;
      char *f = NULL;
      if (kind == LINE_SUM && k >= 0)
        {
          guint first = r->n_months;
          for (guint i = r->n_months; i-- > r->n_pre;)
            if (gs_result_feeds_after (r, (guint) k, i))
              first = i;
          f = first < r->n_months
                  ? gs_xsum (ri, g->col_month0 + first, ri, g->col_month0 + r->n_months - 1)
                  : g_strdup ("0");
          if (is_money)
            f = gs_export_round_money (c, f);
        }
      put_line_cell (c, row, g->col_after, line, &line->after, f);
    }
}

void
gs_export_build_goals (GsExportCtx *c, const char *name, const char *csv_name, GsSide side,
                       const char *side_title)
{
  const GsResult *r = c->r;
  GsXTable *t = gs_xtable_new (c->book, name, csv_name);
  GoalLayout g = { 0 };
  GsXRow *row;
  g_autofree char *title = g_strdup_printf ("%s: monthly and quarterly goals", name);

  g.col_month0 = 1;
  g.col_q0 = 1 + r->n_months;
  g.col_total = g.col_q0 + r->n_quarters;
  g.col_before = g.col_total + 1;
  g.col_after = g.col_before + 1;
  g.rows = g_hash_table_new (g_str_hash, g_str_equal);

  gs_xput_text (gs_xrow_add (t), 0, title, GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Goal", GS_XSTYLE_HEADER);
  for (guint i = 0; i < r->n_months; i++)
    {
      g_autofree char *month = gs_explain_month_label (&r->months[i]);
      gs_xput_text (row, g.col_month0 + i, month, GS_XSTYLE_HEADER);
    }
  for (guint q = 0; q < r->n_quarters; q++)
    {
      g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[q]);
      gs_xput_text (row, g.col_q0 + q, quarter, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, g.col_total, "Plan", GS_XSTYLE_HEADER);
  gs_xput_text (row, g.col_before, "Before the plan", GS_XSTYLE_HEADER);
  if (r->n_post > 0)
    gs_xput_text (row, g.col_after, "For bookings after the plan", GS_XSTYLE_HEADER);
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 40;
  for (guint i = 1; i <= r->n_months + r->n_quarters + 3 && i < G_N_ELEMENTS (t->widths); i++)
    t->widths[i] = 15;

  for (int pass = 0; pass < 2; pass++)
    {
      GsSide want = pass == 0 ? side : GS_SIDE_SHARED;
      gs_xput_text (gs_xrow_add (t), 0, pass == 0 ? side_title : "Shared by marketing and sales",
                    GS_XSTYLE_SECTION);
      for (guint l = 0; l < r->lines->len; l++)
        {
          const GsGoalLine *line = g_ptr_array_index (r->lines, l);
          if (line->side == want)
            goal_line_row (c, t, &g, line);
        }
      gs_xrow_add (t);
    }
  /* The comp model's quotas read the marketing lines (gs-export-comp.c). */
  if (side == GS_SIDE_MARKETING && c->mkt_goal_rows == NULL)
    c->mkt_goal_rows = g_hash_table_ref (g.rows);
  g_hash_table_unref (g.rows);
}
