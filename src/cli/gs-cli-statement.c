/* gs-cli-statement.c — goalsheet-cli statement: a person's pay from the
 * actuals for a month or quarter, with year to date; and payout --deals: a
 * list of deals paid in order at the rates in force (docs/statements.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-cli-module.h"
#include "gs-atomic.h"
#include "gs-deal-list.h"
#include "gs-error.h"
#include "gs-explain.h"
#include "gs-explain-comp.h"
#include "gs-explain-pay.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-statement.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

static char *
fmt (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

static void
add_money (JsonBuilder *b, const GsCompModel *comp, const char *name, GsMoney v)
{
  g_autofree char *s = gs_money_to_plain (v, comp->digits);
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, s);
}

static void
add_date (JsonBuilder *b, const char *name, const GDate *d)
{
  char text[16];
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
              g_date_get_day (d));
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

/* Money measures in minor units as amounts, others as numbers. */
static void
add_quantity (JsonBuilder *b, const GsCompModel *comp, const char *name, GsMeasure m, double v)
{
  if (gs_measure_unit (m) == GS_MEASURE_UNIT_MONEY)
    add_money (b, comp, name, gs_money_round (v));
  else
    {
      json_builder_set_member_name (b, name);
      json_builder_add_double_value (b, v);
    }
}

static int
print_json (JsonBuilder *b)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = gs_json_to_text (root);
  return gs_cli_write_stdout (text);
}

static char *
month_name (const GsModel *m, guint month)
{
  return gs_explain_plan_month_label (m, (int) month);
}

/* statement ---------------------------------------------------------------- */

static int
statement_json (const GsModel *m, const GsCompModel *comp, const GsStatement *s, const char *period)
{
  const GsActualsData *a = m->actuals;
  const GsPayYear *y = s->year;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "person");
  json_builder_add_string_value (b, a->people[y->person].name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, y->role ? y->role->id : "");
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, period);
  json_builder_set_member_name (b, "credits");
  json_builder_begin_array (b);
  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *c = &g_array_index (y->credits, GsCreditLine, i);
      if ((guint) c->month < s->period.first || (guint) c->month > s->period.last)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "deal");
      json_builder_add_string_value (b, a->deals[c->deal].id);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, gs_credit_kind_ids[c->kind]);
      json_builder_set_member_name (b, "measure");
      json_builder_add_string_value (b, gs_measure_id (c->measure));
      json_builder_set_member_name (b, "share");
      json_builder_add_double_value (b, c->share);
      add_money (b, comp, "amount", c->amount);
      add_date (b, "date", &c->date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);
  for (guint i = 0; y->role && i < y->role->n_components; i++)
    {
      GsMeasure me = y->role->components[i].measure;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "component");
      json_builder_add_string_value (b, y->role->components[i].id);
      json_builder_set_member_name (b, "measure");
      json_builder_add_string_value (b, gs_measure_id (me));
      add_quantity (b, comp, "period", me, s->measure[me]);
      add_quantity (b, comp, "year_to_date", me, s->measure_ytd[me]);
      add_quantity (b, comp, "quota", me, s->quota[me]);
      json_builder_set_member_name (b, "attainment");
      json_builder_add_double_value (b, s->attainment[me]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      if (l->month > s->period.last)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "month");
      json_builder_add_int_value (b, l->month);
      json_builder_set_member_name (b, "deal");
      if (l->deal)
        json_builder_add_string_value (b, l->deal);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, gs_pay_kind_ids[l->kind]);
      add_money (b, comp, "amount", l->amount);
      json_builder_set_member_name (b, "in_period");
      json_builder_add_boolean_value (b, l->month >= s->period.first);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_money (b, comp, "paid", s->paid);
  add_money (b, comp, "paid_year_to_date", s->paid_ytd);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (s->notes, GsStatementNote, i);
      const GsDispute *d = &a->disputes[n->index];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, n->index);
      json_builder_set_member_name (b, "period");
      json_builder_add_string_value (b, d->period);
      json_builder_set_member_name (b, "deal");
      if (d->deal)
        json_builder_add_string_value (b, d->deal);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_string_value (b, gs_dispute_line_names[d->line]);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, d->text);
      json_builder_set_member_name (b, "author");
      json_builder_add_string_value (b, d->author ? d->author : a->people[d->person].name);
      add_date (b, "date", &d->date);
      json_builder_set_member_name (b, "resolved");
      json_builder_add_boolean_value (b, d->resolved);
      json_builder_set_member_name (b, "earlier");
      json_builder_add_boolean_value (b, n->earlier);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return print_json (b);
}

static void
row (const char *a, guint wa, const char *b, guint wb, const char *c, guint wc, const char *d)
{
  g_autoptr (GString) line = g_string_new ("  ");
  gs_cli_pad (line, a, wa, FALSE);
  g_string_append_c (line, ' ');
  gs_cli_pad (line, b, wb, FALSE);
  g_string_append_c (line, ' ');
  gs_cli_pad (line, c, wc, FALSE);
  g_string_append_c (line, ' ');
  gs_cli_pad (line, d, 16, TRUE);
  g_print ("%s\n", line->str);
}

static int
statement_text (const GsModel *m, const GsCompModel *comp, const GsStatement *s, const char *period)
{
  const GsActualsData *a = m->actuals;
  const GsPayYear *y = s->year;
  g_autofree char *paid = fmt (comp, s->paid), *ytd = fmt (comp, s->paid_ytd);

  /* Translators: a person's name, their role's id and the period. */
  g_print (_ ("Statement for %s (%s), %s\n"), a->people[y->person].name,
           y->role ? y->role->id : "-", period);
  if (y->role == NULL)
    g_print ("%s\n", _ ("The person's role is not a role of the pay plan: nothing is paid."));
  g_print ("\n%s\n", _ ("Credited in the period:"));
  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *c = &g_array_index (y->credits, GsCreditLine, i);
      g_autofree char *date = NULL, *amount = NULL, *share = NULL, *what = NULL;
      if ((guint) c->month < s->period.first || (guint) c->month > s->period.last)
        continue;
      date = gs_format_date (&c->date);
      amount = fmt (comp, c->amount);
      share = gs_format_percent (c->share);
      what = g_strdup_printf ("%s %s", gs_explain_credit_kind (c->kind), share);
      row (a->deals[c->deal].id, 12, date, 14, what, 22, amount);
    }
  g_print ("\n%s\n", _ ("Measures (period, year to date, quota, attainment):"));
  for (guint i = 0; y->role && i < y->role->n_components; i++)
    {
      GsMeasure me = y->role->components[i].measure;
      g_autofree char *p
          = gs_explain_measure_figure (me, s->measure[me], comp->digits, comp->currency);
      g_autofree char *t
          = gs_explain_measure_figure (me, s->measure_ytd[me], comp->digits, comp->currency);
      g_autofree char *q
          = gs_explain_measure_figure (me, s->quota[me], comp->digits, comp->currency);
      g_autofree char *att = gs_format_percent (s->attainment[me]);
      g_print ("  %s: %s; %s; %s; %s\n", gs_explain_measure (me), p, t, q, att);
    }
  g_print ("\n%s\n", _ ("Pay in the period:"));
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      g_autofree char *month = NULL, *amount = NULL;
      if (l->month < s->period.first || l->month > s->period.last)
        continue;
      month = month_name (m, l->month);
      amount = fmt (comp, l->amount);
      row (month, 16, l->deal ? l->deal : "", 12, gs_explain_pay_kind (l->kind), 16, amount);
    }
  if (s->by_kind[GS_PAY_TRUE_UP] != 0)
    g_print ("%s\n", _ ("A true-up pays earlier credit again at the rate reached year to date "
                        "(a gate or band crossed)."));
  /* Translators: what the period pays and what the year has paid to its end. */
  g_print (_ ("\nPaid in the period: %s; year to date: %s\n"), paid, ytd);
  if (s->notes->len > 0)
    g_print ("\n%s\n", _ ("Dispute notes (on this period, then open ones from earlier periods):"));
  for (guint i = 0; i < s->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (s->notes, GsStatementNote, i);
      g_autofree char *text = gs_explain_dispute (m, &a->disputes[n->index], n->earlier);
      g_print ("  %s\n", text);
    }
  g_print ("\n%s\n", _ ("Deals paid at the rates in force:"));
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsDealPay *d = &g_array_index (y->deals, GsDealPay, i);
      g_autofree char *text = NULL;
      if ((guint) d->event.month > s->period.last)
        continue;
      text = gs_explain_deal_pay (comp, d);
      g_print ("  %s: %s\n", a->deals[d->event.deal].id, text);
    }
  if (y->payout)
    {
      g_print ("\n%s\n", _ ("The year's calculation (every credit to date):"));
      for (guint i = 0; i < y->payout->trace->len; i++)
        {
          const GsTraceLine *t = g_ptr_array_index (y->payout->trace, i);
          g_autofree char *text = gs_explain_comp_line (comp, t);
          g_print ("%*s%s\n", 2 + 2 * (int) t->depth, "", text);
        }
    }
  return GS_EXIT_OK;
}

int
gs_cli_statement (int argc, char **argv)
{
  g_autofree char *person = NULL, *period_text = NULL, *output = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person, N_ ("The person's name or id"), "NAME" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_ ("A month (2027-03) or a fiscal quarter (FY27 Q1)"), "PERIOD" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write the statement as a PDF to FILE.pdf instead"), N_ ("FILE.pdf") },
    { NULL },
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — a person's commission statement from the actuals"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsStatement) s = NULL;
  const GsModel *m;
  const GsCompModel *comp;
  GsPayPeriod period;
  int status = GS_EXIT_OK, who;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || person == NULL || period_text == NULL)
    return gs_cli_usage ("statement", _ ("give one plan file, --person and --period"));
  if (output != NULL && !g_str_has_suffix (output, ".pdf"))
    return gs_cli_usage ("statement", _ ("give the PDF to write with -o FILE.pdf"));
  if (output != NULL && !gs_atomic_check_not_input (output, argv[1], &error))
    return gs_cli_fail (NULL, error);
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  m = gs_plan_get_model (plan);
  if (m->comp == NULL)
    {
      g_printerr ("%s: compensation: %s\n", argv[1], _ ("the plan has no compensation section"));
      return GS_EXIT_INVALID;
    }
  comp = gs_plan_get_comp (plan, &error);
  if (comp == NULL)
    return gs_cli_fail (argv[1], error);
  who = gs_pay_find_person (m, person);
  if (who < 0)
    {
      g_autofree char *p = gs_cli_escape (person, FALSE);
      /* Translators: %s is the --person given. */
      g_printerr (_ ("%s: actuals.people: no person “%s” (import the CRM export first)\n"), argv[1],
                  p);
      return GS_EXIT_INVALID;
    }
  if (!gs_pay_period_parse (m, period_text, &period, &error))
    return gs_cli_fail (NULL, error);
  s = gs_statement_new (m, comp, (guint) who, &period, &error);
  if (s == NULL)
    return gs_cli_fail (argv[1], error);
  if (output != NULL)
    {
      GsStatementPdf pdf = { m, comp, s, period_text, NULL };
      const GsCliDraw *draw = gs_cli_draw (&error);
      if (draw == NULL)
        return gs_cli_fail (NULL, error);
      if (!draw->statement_pdf (&pdf, output, &error))
        return gs_cli_fail (argv[1], error);
      return GS_EXIT_OK;
    }
  return json ? statement_json (m, comp, s, period_text) : statement_text (m, comp, s, period_text);
}

/* payout --deals -------------------------------------------------------------- */

int
gs_cli_payout_deals (const char *file, const GsModel *m, const GsCompModel *comp,
                     const GsCompRole *role, const char *deals_path, gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr (GsDealList) list = NULL;
  g_autoptr (GArray) paid = NULL;
  gsize length;
  GsMoney total = 0;

  (void) m;
  if (!g_file_get_contents (deals_path, &bytes, &length, &error))
    return gs_cli_fail (deals_path, error);
  list = gs_deal_list_read (comp, role, bytes, length, &error);
  if (list == NULL)
    return gs_cli_fail (deals_path, error);
  paid = gs_deal_pay (comp, role, GS_COMP_STANDARD_PERSON, (const GsPayEvent *) list->events->data,
                      list->events->len, &error);
  if (paid == NULL || !gs_deal_list_total (list, paid, &total, &error))
    return gs_cli_fail (file, error);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, role->id);
      json_builder_set_member_name (b, "deals");
      json_builder_begin_array (b);
      for (guint i = 0; i < paid->len; i++)
        {
          const GsDealPay *d = &g_array_index (paid, GsDealPay, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, g_ptr_array_index (list->ids, i));
          add_date (b, "date", g_ptr_array_index (list->dates, i));
          add_money (b, comp, "amount", gs_money_round (d->event.amount));
          add_money (b, comp, "year_to_date", gs_money_round (d->ytd));
          json_builder_set_member_name (b, "attainment");
          json_builder_add_double_value (b, gs_json_ratio (d->attainment));
          add_money (b, comp, "commission", d->commission);
          add_money (b, comp, "true_up", d->true_up);
          add_money (b, comp, "earned_to_date", d->earned);
          if (d->event.has_discount)
            {
              json_builder_set_member_name (b, "discount");
              json_builder_add_double_value (b, d->event.discount);
              json_builder_set_member_name (b, "multiplier");
              json_builder_add_double_value (b, d->multiplier);
            }
          add_money (b, comp, "spif", g_array_index (list->spif, GsMoney, i));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_money (b, comp, "total", total);
      json_builder_end_object (b);
      return print_json (b);
    }
  /* Translators: the role's name and id. */
  g_print (_ ("%s (%s): deals paid in order at the rates in force\n"), role->name, role->id);
  for (guint i = 0; i < paid->len; i++)
    {
      const GsDealPay *d = &g_array_index (paid, GsDealPay, i);
      g_autofree char *date = gs_format_date (g_ptr_array_index (list->dates, i));
      g_autofree char *text = gs_explain_deal_pay (comp, d);
      GsMoney spif = g_array_index (list->spif, GsMoney, i);
      g_print ("  %s %s: %s\n", (const char *) g_ptr_array_index (list->ids, i), date, text);
      if (spif != 0)
        {
          g_autofree char *t = fmt (comp, spif);
          /* Translators: the SPIF pay of the deal on the line above. */
          g_print (_ ("    SPIFs: %s\n"), t);
        }
    }
  {
    g_autofree char *t = fmt (comp, total);
    /* Translators: the commission the deals pay together. */
    g_print (_ ("Total: %s\n"), t);
  }
  return GS_EXIT_OK;
}
