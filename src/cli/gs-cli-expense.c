/* gs-cli-expense.c — `goalsheet-cli expense PLAN`: the payments per person
 * and month and the commission expense finance books (docs/ledger.md).
 * Every figure comes from the ledger floor; this file only prints.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-cli-module.h"
#include "gs-atomic.h"
#include "gs-format.h"
#include "gs-ledger-json.h"
#include "gs-ledger.h"

#include <glib/gi18n-lib.h>

#define COL 14

static void
cells (GString *out, const GsModel *m, const GsMoney *v, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      /* A cell: the table's title names the currency (docs/i18n.md). */
      g_autofree char *s = gs_format_money (v[i], m->company.digits, NULL, GS_MONEY_FORMAT_FULL);
      g_string_append_c (out, ' ');
      gs_cli_pad (out, s, COL, TRUE);
    }
  g_string_append_c (out, '\n');
}

static void
headings (GString *out, const char *first, guint width, const char *const *names, guint n)
{
  gs_cli_pad (out, first, width, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ' ');
      gs_cli_pad (out, names[i], COL, TRUE);
    }
  g_string_append_c (out, '\n');
}

static void
expense_text (GString *out, const GsModel *m, const GsExpense *e)
{
  const char *names[] = { _ ("Capitalised"), _ ("Amortised"), _ ("Reversed"), _ ("At once"),
                          _ ("Recovered"),   _ ("Expense"),   _ ("Balance") };
  const GsExpenseMonth *t = &e->total;
  GsMoney total[7] = { t->capitalised, t->amortised, t->reversed, t->at_once,
                       t->recovered,   t->expense,   t->close };
  if (e->expedient)
    /* Translators: %u is a number of months (12 or less); %s a currency code. */
    g_string_append_printf (out,
                            _ ("Commission expense (%s): customer life %u months, so every "
                               "commission is expensed when earned (practical expedient)\n"),
                            m->company.currency, e->life_months);
  else
    /* Translators: %s a currency code; %u a number of months. */
    g_string_append_printf (out,
                            _ ("Commission expense (%s): deal commissions capitalised and "
                               "amortised over a customer life of %u months\n"),
                            m->company.currency, e->life_months);
  headings (out, _ ("Month"), 8, names, G_N_ELEMENTS (names));
  for (guint i = 0; i < e->n_months; i++)
    {
      const GsExpenseMonth *x = &e->months[i];
      g_autofree char *month = gs_ledger_month_text (e->first_month + (gint) i);
      GsMoney v[7] = { x->capitalised, x->amortised, x->reversed, x->at_once,
                       x->recovered,   x->expense,   x->close };
      gs_cli_pad (out, month, 8, FALSE);
      cells (out, m, v, 7);
    }
  gs_cli_pad (out, _ ("Total"), 8, FALSE);
  cells (out, m, total, 7);
}

static void
deals_text (GString *out, const GsModel *m, const GsExpense *e)
{
  const char *names[] = { _ ("Expense"), _ ("Balance") };
  for (guint i = 0; i < e->n_deals; i++)
    {
      const GsExpenseDeal *d = &e->deals[i];
      g_autofree char *c = gs_format_money (d->commission, m->company.digits, m->company.currency,
                                            GS_MONEY_FORMAT_FULL);
      g_autofree char *cb = gs_format_money (d->clawed_back, m->company.digits, m->company.currency,
                                             GS_MONEY_FORMAT_FULL);
      /* Translators: a deal id, its commission and what was clawed back. */
      g_string_append_printf (out, _ ("\nDeal %s: commission %s, clawed back %s\n"), d->deal, c,
                              cb);
      headings (out, _ ("Month"), 8, names, 2);
      for (guint k = 0; k < e->n_months; k++)
        {
          g_autofree char *month = gs_ledger_month_text (e->first_month + (gint) k);
          GsMoney v[2] = { d->expense[k], d->balance[k] };
          if (v[0] == 0 && (k == 0 || d->balance[k - 1] == v[1]))
            continue;
          gs_cli_pad (out, month, 8, FALSE);
          cells (out, m, v, 2);
        }
    }
}

static void
payments_text (GString *out, const GsModel *m, const GsPaymentSchedule *s)
{
  const char *names[] = { _ ("Earned"), _ ("Clawed back"), _ ("Paid"), _ ("Payable") };
  /* Translators: %u is a number of months (0: paid in the month earned). */
  g_string_append_printf (out, _ ("\nPayments, %u months after the month earned\n"), s->lag);
  for (guint p = 0; p <= s->n_people; p++)
    {
      const GsPaymentMonth *row = p < s->n_people ? &s->cells[(gsize) p * s->n_months] : s->total;
      g_string_append_printf (out, "\n%s\n", p < s->n_people ? s->people[p] : _ ("Everyone"));
      headings (out, _ ("Month"), 8, names, G_N_ELEMENTS (names));
      for (guint k = 0; k < s->n_months; k++)
        {
          g_autofree char *month = gs_ledger_month_text (s->first_month + (gint) k);
          GsMoney v[4] = { row[k].earned, row[k].clawed_back, row[k].paid, row[k].payable_close };
          gs_cli_pad (out, month, 8, FALSE);
          cells (out, m, v, 4);
        }
    }
}

/* Without --lines: every person's statements from the plan's actuals. */
static GsLedger *
ledger_from_statements (const char *file, GsPlan *plan, int *status)
{
  const GsModel *model = gs_plan_get_model (plan);
  const GsCompModel *comp;
  g_autoptr (GError) error = NULL;
  GsLedger *ledger;
  *status = GS_EXIT_INVALID;
  if (model->comp == NULL)
    {
      g_printerr ("%s: compensation: %s\n", file, _ ("the plan has no compensation section"));
      return NULL;
    }
  if (model->actuals == NULL || model->actuals->n_deals == 0)
    {
      g_printerr ("%s: actuals.deals: %s\n", file,
                  _ ("the plan holds no deals (import the CRM export first, or give --lines)"));
      return NULL;
    }
  comp = gs_plan_get_comp (plan, &error);
  ledger = comp ? gs_ledger_from_pay (model, comp, &error) : NULL;
  if (ledger == NULL)
    *status = gs_cli_fail (file, error);
  return ledger;
}

int
gs_cli_expense (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — payments and commission expense"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsLedger) ledger = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lines_file = NULL, *text = NULL, *output = NULL;
  gboolean json = FALSE, deals = FALSE;
  const GsModel *model;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "lines", 0, 0, G_OPTION_ARG_FILENAME, &lines_file,
      N_ ("The commission lines: a CSV file with person, deal, month, amount and kind (default: "
          "the statements of every person from the plan's actuals)"),
      N_ ("FILE.csv") },
    { "deals", 0, 0, G_OPTION_ARG_NONE, &deals, N_ ("Also the schedule of every deal"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON (docs/ledger.md)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write the plan's workbook with the Expense and Payments sheets to FILE.xlsx instead"),
      N_ ("FILE.xlsx") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Turns commission lines (the statements of the plan's actuals, or --lines) into "
                   "the payments per person and month (with the "
                   "plan's compensation.payment.lag_months) and the commission expense under "
                   "ASC 340-40 / IFRS 15 (amortised over compensation.expense."
                   "customer_life_months), each reconciled to the cent."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("expense", _ ("give one plan file"));
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  model = gs_plan_get_model (plan);
  if (lines_file != NULL)
    {
      ledger = gs_ledger_from_csv_file (model, lines_file, &error);
      if (ledger == NULL)
        return gs_cli_fail (lines_file, error);
    }
  else
    {
      ledger = ledger_from_statements (argv[1], plan, &status);
      if (ledger == NULL)
        return status;
    }
  if (output != NULL)
    {
      const GsCliWorkbook *workbook;
      /* Never over the plan or the lines being read. */
      if (!gs_atomic_check_not_input (output, argv[1], &error)
          || (lines_file != NULL && !gs_atomic_check_not_input (output, lines_file, &error)))
        return gs_cli_fail (NULL, error);
      if (gs_plan_get_result (plan, &error) == NULL)
        return gs_cli_fail (argv[1], error);
      workbook = gs_cli_workbook (&error);
      if (workbook == NULL)
        return gs_cli_fail (NULL, error);
      if (!workbook->xlsx_with_ledger (plan, ledger, output, &error))
        return gs_cli_fail (NULL, error);
      return GS_EXIT_OK;
    }
  if (json)
    {
      /* Written as it is made: --deals has a row per line as booked. */
      g_autoptr (GsJsonWriter) w = gs_json_writer_new (gs_cli_stdout_sink, NULL);
      gs_ledger_write_json (w, ledger->payments, ledger->expense, model->company.currency,
                            model->company.digits, deals, &error);
      return gs_cli_stdout_status (error);
    }
  else
    {
      GString *out = g_string_new (NULL);
      expense_text (out, model, ledger->expense);
      if (deals)
        deals_text (out, model, ledger->expense);
      payments_text (out, model, ledger->payments);
      text = g_string_free (out, FALSE);
    }
  return gs_cli_write_stdout (text);
}
