/* gs-export-book.c — lays the plan out as tables of engine numbers and the
 * Excel formulas that reproduce them: the sheets in order, and the Scenarios
 * sheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-expense.h"
#include "gs-export-sheets.h"
#include "gs-export-statements.h"
#include "gs-explain.h"
#include "gs-scenario.h"

#include <string.h>

/* ROUND(expr, digits): the engine's one money rounding. */
char *
gs_export_round_money (GsExportCtx *c, char *expr)
{
  char *f = g_strdup_printf ("ROUND(%s,%u)", expr, c->digits);
  g_free (expr);
  return f;
}

/* C(running) of the engine's cumulative ceiling. */
char *
gs_export_ceil_count (const char *running)
{
  return g_strdup_printf ("MAX(0,ROUNDUP(%s-1E-9,0))", running);
}

char *
gs_export_rate_name (GsExportCtx *c, guint j, guint k)
{
  if (c->m->sources[j].rate_is_own[k])
    return g_strdup_printf ("Src%u_Rate_S%u", j + 1, k + 1);
  return g_strdup_printf ("Rate_S%u", k + 1);
}

/* ---- Scenarios -------------------------------------------------------- */

static gboolean
build_scenarios (GsExportCtx *c, GsPlan *plan, GError **error)
{
  g_autoptr (GPtrArray) scenarios = gs_scenarios_read (gs_plan_peek_root (plan), error);
  g_autoptr (GsComparison) cmp = NULL;
  GsXTable *t;
  GsXRow *row;
  GsXCell *head;

  if (scenarios == NULL)
    return FALSE;
  if (scenarios->len == 0)
    return TRUE;
  cmp = gs_comparison_new_for_plan (plan, NULL, error);
  if (cmp == NULL)
    return FALSE;

  t = gs_xtable_new (c->book, "Scenarios", "scenarios");
  gs_xput_text (gs_xrow_add (t), 0,
                "Scenarios compared: a snapshot of each scenario's headline figures and "
                "goals at export (values; edits elsewhere in the workbook do not reach it)",
                GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  head = gs_xput_text (row, 0, "Figure", GS_XSTYLE_HEADER);
  head->note = g_strdup ("Values, not formulas: each scenario is the plan with its own overrides, "
                         "computed by Goalsheet. The formulas on the other sheets are the base "
                         "plan's.");
  for (guint s = 0; s < cmp->n_scenarios; s++)
    gs_xput_text (row, 1 + s, cmp->names[s], GS_XSTYLE_HEADER);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Description", GS_XSTYLE_LABEL);
  for (guint s = 0; s < scenarios->len; s++)
    {
      const GsScenario *sc = g_ptr_array_index (scenarios, s);
      /* Column 1 is the base plan; the scenarios follow in file order. */
      for (guint k = 1; k < cmp->n_scenarios; k++)
        if (g_strcmp0 (cmp->names[k], sc->name) == 0 && sc->description)
          gs_xput_text (row, 1 + k, sc->description, GS_XSTYLE_PLAIN);
    }
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 44;
  for (guint s = 0; s < cmp->n_scenarios && 1 + s < G_N_ELEMENTS (t->widths); s++)
    t->widths[1 + s] = 20;

  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const GsComparisonRow *cr = g_ptr_array_index (cmp->rows, i);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, cr->label, GS_XSTYLE_LABEL);
      for (guint s = 0; s < cmp->n_scenarios; s++)
        {
          double v = cr->values[s];
          if (!cr->present[s])
            continue;
          switch (cr->unit)
            {
            case GS_UNIT_MONEY:
              gs_xput_money (c->digits, row, 1 + s, cr->amounts[s], NULL);
              break;
            case GS_UNIT_COUNT:
              gs_xput_count (row, 1 + s, cr->amounts[s], NULL);
              break;
            case GS_UNIT_PERCENT:
              gs_xput_percent (row, 1 + s, v, NULL);
              break;
            case GS_UNIT_DAYS:
              gs_xput_number (row, 1 + s, v, 0, NULL);
              break;
            case GS_UNIT_NUMBER:
            default:
              gs_xput_number (row, 1 + s, v, 2, NULL);
              break;
            }
        }
    }
  return TRUE;
}

/* ---- the book --------------------------------------------------------- */

/* The workbook's author: whoever signed the plan off, else the company. */
static char *
plan_author (const GsModel *m)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < m->agreements.n_signoffs; i++)
    {
      const GsSignoff *so = &m->agreements.signoffs[i];
      if (so->signed_off && so->name && *so->name)
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", so->name);
    }
  if (s->len == 0)
    g_string_append (s, m->company.name);
  return g_string_free (s, FALSE);
}

/* The Statements sheet and the ledger's Expense and Payments sheets: of
 * ledger when given (commission lines from elsewhere: no statements unless
 * they came from the plan's), else of the statements of the plan's actuals
 * when it has deals and a pay plan. */
static gboolean
add_pay_sheets (GsExportBook *book, const GsModel *m, const GsCompModel *comp,
                const GsLedger *ledger, GError **error)
{
  g_autoptr (GsLedger) own = NULL;
  if (ledger == NULL && comp != NULL && comp->n_roles > 0 && m->actuals != NULL
      && m->actuals->n_deals > 0)
    {
      own = gs_ledger_from_pay (m, comp, error);
      if (own == NULL)
        return FALSE;
      ledger = own;
    }
  if (ledger == NULL)
    return TRUE;
  if (ledger->company != NULL && comp != NULL)
    {
      /* The sheet reads the statements as it is written: it keeps our own
       * ledger (so ledger stays valid below); a caller's outlives the book. */
      GsLedger *kept = g_steal_pointer (&own);
      gs_export_book_add_statements (book, m, comp, ledger->company, kept,
                                     kept ? (GDestroyNotify) gs_ledger_free : NULL);
    }
  gs_export_book_add_ledger (book, ledger);
  return TRUE;
}

GsExportBook *
gs_export_book_new (GsPlan *plan, GError **error)
{
  return gs_export_book_new_with_ledger (plan, NULL, error);
}

GsExportBook *
gs_export_book_new_with_ledger (GsPlan *plan, const GsLedger *ledger, GError **error)
{
  return gs_export_book_new_full (plan, ledger, NULL, error);
}

GsExportBook *
gs_export_book_new_full (GsPlan *plan, const GsLedger *ledger, const GDate *as_of, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsResult *r = gs_plan_get_result (plan, error);
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  g_autoptr (GsExportBook) book = NULL;
  g_autofree guint *q_first = NULL;
  g_autofree guint *q_last = NULL;
  g_autofree char *first_month = NULL;
  GsExportCtx c = { 0 };
  GsXTable *capacity;
  GsCompAtPlan at_plan = { 0 };
  gboolean ok;

  if (r == NULL)
    return NULL;
  book = g_new0 (GsExportBook, 1);
  q_first = g_new0 (guint, r->n_quarters);
  q_last = g_new0 (guint, r->n_quarters);
  book->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_xtable_free);
  book->names = g_ptr_array_new_with_free_func (g_free);
  book->company = g_strdup (m->company.name);
  book->author = plan_author (m);
  book->currency = g_strdup (m->company.currency);
  book->digits = m->company.digits;
  first_month = gs_explain_month_label (&r->months[r->n_pre]);
  book->title = g_strdup_printf ("%s — goals and plan from %s", m->company.name, first_month);

  for (guint q = 0; q < r->n_quarters; q++)
    q_first[q] = G_MAXUINT;
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      guint q = (guint) gs_model_fiscal_quarter (m, (int) mo);
      q_first[q] = MIN (q_first[q], mo);
      q_last[q] = mo;
    }

  c.m = m;
  c.r = r;
  c.book = book;
  c.digits = m->company.digits;
  c.off = r->stage_offsets;
  c.won = m->n_stages - 1;
  c.q_first = q_first;
  c.q_last = q_last;

  gs_export_build_inputs (&c);
  c.targets.src_row = g_new0 (guint, m->n_sources);
  c.targets_live = gs_export_build_targets (book, m, r, &c.targets);
  if (!c.targets_live)
    gs_export_mark_targets_not_live (book);
  gs_export_build_funnel (&c);
  gs_export_build_capacity (&c);
  /* Capacity is built before the goal sheets that refer to it, and shown after them. */
  capacity = g_ptr_array_steal_index (book->tables, book->tables->len - 1);
  gs_export_build_goals (&c, "Marketing goals", "marketing-goals", GS_SIDE_MARKETING, "Marketing");
  gs_export_build_goals (&c, "Sales goals", "sales-goals", GS_SIDE_SALES, "Sales");
  g_ptr_array_add (book->tables, capacity);

  /* Each person is paid once at 100 % for the whole book (Compensation's
   * cost at plan and the People rows), without a trace. */
  ok = comp == NULL || comp->n_roles == 0 || gs_comp_at_plan (comp, &at_plan, error);
  ok = ok && gs_export_book_add_comp (&c, comp, &at_plan, error)
       && build_scenarios (&c, plan, error) && gs_export_book_add_people (&c, comp, &at_plan, error)
       && add_pay_sheets (book, m, comp, ledger, error);
  gs_comp_at_plan_clear (&at_plan);
  gs_export_people_fx_free (&c, comp);
  if (ok)
    gs_export_book_add_actuals (book, m, r, q_first, q_last, as_of);

  g_clear_pointer (&c.mkt_goal_rows, g_hash_table_unref);
  g_free (c.targets.src_row);
  g_free (c.f_row);
  g_free (c.f_target_row);
  g_free (c.f_all_row);
  g_free (c.f_proj_row);
  return ok ? g_steal_pointer (&book) : NULL;
}

void
gs_export_book_free (GsExportBook *book)
{
  if (book == NULL)
    return;
  g_free (book->title);
  g_free (book->company);
  g_free (book->author);
  g_free (book->currency);
  g_clear_pointer (&book->tables, g_ptr_array_unref);
  g_clear_pointer (&book->names, g_ptr_array_unref);
  g_free (book);
}
