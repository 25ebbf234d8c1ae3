/* gs-cli-show.c — `goalsheet-cli show PLAN`: both goal sheets as tables.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number printed here comes from the engine's result; this file only
 * lays the figures out.
 */
#include "gs-cli.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"
#include "gs-format.h"
#include "gs-result.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* A table is a list of rows of cells; the first column is left-aligned. */
typedef struct
{
  GPtrArray *rows; /* of GStrv */
  guint n_cols;
} Table;

static void
table_add (Table *t, GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  t->n_cols = MAX (t->n_cols, cells->len - 1);
  g_ptr_array_add (t->rows, g_ptr_array_free (cells, FALSE));
}

static void
table_print (Table *t, GString *out)
{
  g_autofree guint *widths = g_new0 (guint, t->n_cols);
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      for (guint c = 0; row[c]; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      for (guint c = 0; row[c]; c++)
        {
          if (c)
            g_string_append (out, "  ");
          gs_cli_pad (out, row[c], widths[c], c > 0);
        }
      while (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

/* One table for the three sheets, so their columns line up; a section
 * starts with a blank row and its header row. */
/* A goal's cell: the heading names the currency (print_header), the line's
 * name the unit. */
static char *
cell_text (const GsModel *m, const GsGoalLine *line, const GsCell *cell)
{
  return gs_explain_figure (m, line->unit, cell->amount, cell->value, GS_FIGURE_CELL_AMOUNT);
}

static void
add_section (const GsModel *m, const GsResult *r, GsSide side, const char *title, gboolean months,
             Table *t)
{
  GPtrArray *head = g_ptr_array_new ();

  table_add (t, g_ptr_array_new ());
  g_ptr_array_add (head, g_strdup (title));
  g_ptr_array_add (head, g_strdup (_ ("Before plan")));
  if (months)
    for (guint mo = 0; mo < r->horizon; mo++)
      g_ptr_array_add (head, gs_explain_month_short (&r->months[r->n_pre + mo]));
  else
    for (guint q = 0; q < r->n_quarters; q++)
      g_ptr_array_add (head, gs_explain_quarter_label (&r->quarters[q]));
  g_ptr_array_add (head, g_strdup (C_ ("column", "Total")));
  if (r->n_post > 0)
    g_ptr_array_add (head, g_strdup (_ ("After plan")));
  table_add (t, head);

  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      GPtrArray *row;
      if (line->side != side)
        continue;
      row = g_ptr_array_new ();
      g_ptr_array_add (row, gs_explain_line_name (m, line));
      /* Lines that are not sums (rates, headcounts) have no "before" figure. */
      g_ptr_array_add (row, line->before.derivation.kind != GS_DERIVATION_NONE
                                ? cell_text (m, line, &line->before)
                                : g_strdup (""));
      if (months)
        for (guint mo = 0; mo < r->horizon; mo++)
          g_ptr_array_add (row, cell_text (m, line, &line->months[r->n_pre + mo]));
      else
        for (guint q = 0; q < r->n_quarters; q++)
          g_ptr_array_add (row, cell_text (m, line, &line->quarters[q]));
      g_ptr_array_add (row, cell_text (m, line, &line->total));
      /* Of the plan's figures, the part that feeds bookings after the plan. */
      if (r->n_post > 0)
        g_ptr_array_add (row, line->after.derivation.kind == GS_DERIVATION_AFTER_PLAN
                                  ? cell_text (m, line, &line->after)
                                  : g_strdup (""));
      table_add (t, row);
    }
}

static void
print_sheets (const GsModel *m, const GsResult *r, gboolean months, GString *out)
{
  Table t = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), 0 };
  add_section (m, r, GS_SIDE_MARKETING, C_ ("sheet", "MARKETING"), months, &t);
  add_section (m, r, GS_SIDE_SHARED, C_ ("sheet", "SHARED"), months, &t);
  add_section (m, r, GS_SIDE_SALES, C_ ("sheet", "SALES"), months, &t);
  table_print (&t, out);
  g_ptr_array_unref (t.rows);
}

static char *
money_full (const GsModel *m, GsMoney value)
{
  return gs_format_money (value, m->company.digits, m->company.currency, GS_MONEY_FORMAT_FULL);
}

/* A heading padded to one column width, so the figures line up in any language. */
static void
heading (GString *out, const char *title)
{
  const char *titles[] = { C_ ("summary", "Target"), C_ ("summary", "Plan"), C_ ("summary", "Gap"),
                           C_ ("summary", "Budget") };
  guint width = 0;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    width = MAX (width, (guint) g_utf8_strlen (titles[i], -1));
  gs_cli_pad (out, title, width + 4, FALSE);
}

static void
print_header (const GsModel *m, const GsResult *r, GString *out)
{
  const GsCompany *c = &m->company;
  g_autofree char *first = gs_explain_month_short (&r->months[r->n_pre]);
  g_autofree char *last = gs_explain_month_short (&r->months[r->n_months - 1]);
  g_autofree char *target = money_full (m, r->target_total);
  g_autofree char *plan = money_full (m, r->plan_total);
  g_autofree char *gap = money_full (m, r->gap);
  g_autofree char *budget = money_full (m, r->budget_total);
  g_autofree char *existing = money_full (m, r->target_existing);
  g_autofree char *new_business = money_full (m, r->target_new_business);
  g_autofree char *gap_pct = gs_format_percent (r->gap_fraction);

  g_string_append_printf (
      out,
      /* Translators: the heading of `goalsheet-cli show`: %1$s the company, %2$s and %3$s the first
         and last month ("Feb 26"), %4$u the number of months, %5$s the currency code. */
      g_dngettext (GETTEXT_PACKAGE, "%1$s — goal sheets, %2$s to %3$s (%4$u month), %5$s",
                   "%1$s — goal sheets, %2$s to %3$s (%4$u months), %5$s", r->horizon),
      c->name, first, last, r->horizon, c->currency);
  g_string_append (out, "\n\n");
  heading (out, C_ ("summary", "Target"));
  g_string_append (out, target);
  if (c->target_mode == GS_TARGET_GROWTH)
    {
      g_autofree char *prior = money_full (m, c->prior_bookings);
      g_autofree char *growth = gs_format_percent (c->growth);
      /* Translators: %1$s last year's bookings, %2$s the growth (a percentage). */
      g_string_append_printf (out, _ (" (prior-year bookings %1$s + %2$s growth)"), prior, growth);
    }
  else
    g_string_append (out, _ (" (absolute target)"));
  g_string_append_c (out, '\n');
  heading (out, "");
  /* Translators: %1$s and %2$s money: the parts of the target. */
  g_string_append_printf (out, _ ("new business %1$s, existing customers %2$s"), new_business,
                          existing);
  g_string_append_c (out, '\n');
  heading (out, C_ ("summary", "Plan"));
  /* Translators: %s money: what the plan delivers. */
  g_string_append_printf (out, _ ("%s (existing customers + what funnel and capacity deliver)"),
                          plan);
  g_string_append_c (out, '\n');
  heading (out, C_ ("summary", "Gap"));
  if (r->gap < 0)
    /* Translators: %1$s money, %2$s the gap ÷ the target, a percentage. */
    g_string_append_printf (out, _ ("%1$s (%2$s) short of the target"), gap, gap_pct);
  else
    /* Translators: %1$s money, %2$s the gap ÷ the target, a percentage. */
    g_string_append_printf (out, _ ("%1$s (%2$s)"), gap, gap_pct);
  g_string_append_c (out, '\n');
  heading (out, C_ ("summary", "Budget"));
  /* Translators: %s money: the marketing budget. */
  g_string_append_printf (out, _ ("%s (marketing, including volume needed before the plan starts)"),
                          budget);
  g_string_append_c (out, '\n');
}

static void
print_levers (const GsModel *m, const GsResult *r, GString *out)
{
  gboolean goals = FALSE;
  g_string_append_printf (out, "\n%s\n", _ ("GAP LEVERS — each one alone closes the gap"));
  if (r->gap >= 0)
    g_string_append_printf (out, "  %s\n", _ ("none needed: the plan reaches the target"));
  for (guint i = 0; i < r->n_levers; i++)
    {
      g_autofree char *summary = gs_explain_lever (m, r, &r->levers[i]);
      if (r->levers[i].kind > GS_LEVER_AES && !goals)
        {
          /* Quota over-assignment and pipeline coverage outside their range. */
          g_string_append_printf (out, "%s\n", _ ("GOALS OUTSIDE THEIR USUAL RANGE"));
          goals = TRUE;
        }
      g_string_append_printf (out, "  %s %s\n", r->levers[i].feasible ? "•" : "×", summary);
    }
}

/* One agreement: its name padded so the values line up in any language. */
static void
agreement (GString *out, const char *name, const char *value)
{
  const char *names[] = { _ ("MQL definition"), _ ("SQL definition"),  _ ("Lead-score threshold"),
                          _ ("Follow-up SLA"),  _ ("Acceptance rate"), _ ("Sign-off") };
  guint width = 0;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    width = MAX (width, (guint) g_utf8_strlen (names[i], -1));
  g_string_append (out, "  ");
  gs_cli_pad (out, name, width + 2, FALSE);
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static void
print_agreements (const GsModel *m, GString *out)
{
  const GsAgreements *a = &m->agreements;
  g_autofree char *acceptance = gs_format_percent (a->acceptance_rate);
  g_autofree char *threshold = gs_format_number (a->lead_score_threshold, 0);
  g_autofree char *sla = gs_format_number (a->followup_sla_hours, 0);
  g_autofree char *sla_text = NULL;
  g_autofree char *accepted = NULL;

  g_string_append_printf (out, "\n%s\n", _ ("AGREEMENTS"));
  agreement (out, _ ("MQL definition"),
             *a->mql_definition ? a->mql_definition : _ ("(not written yet)"));
  agreement (out, _ ("SQL definition"),
             *a->sql_definition ? a->sql_definition : _ ("(not written yet)"));
  agreement (out, _ ("Lead-score threshold"), threshold);
  /* Translators: %s a number of hours; "h" is the hour's sign. */
  sla_text = g_strdup_printf (_ ("%s h"), sla);
  agreement (out, _ ("Follow-up SLA"), sla_text);
  /* Translators: %s a percentage. */
  accepted = g_strdup_printf (_ ("%s of MQLs accepted or rejected within the SLA"), acceptance);
  agreement (out, _ ("Acceptance rate"), accepted);
  if (a->n_signoffs == 0)
    agreement (out, _ ("Sign-off"), _ ("nobody has signed yet"));
  for (guint i = 0; i < a->n_signoffs; i++)
    {
      const GsSignoff *s = &a->signoffs[i];
      const char *role = gs_explain_signoff_role (s->role);
      const char *name = *s->name ? s->name : _ ("(no name)");
      g_autofree char *value = NULL;
      if (s->signed_off)
        {
          g_autofree char *date = gs_format_date (&s->date);
          if (s->changed)
            /* Translators: %1$s who signs ("VP Sales"), %2$s their name, %3$s the date; the
             * plan's inputs changed after the signature. */
            value = g_strdup_printf (_ ("%1$s: signed by %2$s on %3$s — changed since signed"),
                                     role, name, date);
          else
            /* Translators: %1$s who signs ("VP Sales"), %2$s their name, %3$s the date. */
            value = g_strdup_printf (_ ("%1$s: signed by %2$s on %3$s"), role, name, date);
        }
      else if (*s->name)
        /* Translators: %1$s who signs ("VP Sales"), %2$s their name. */
        value = g_strdup_printf (_ ("%1$s: not signed — %2$s"), role, s->name);
      else
        /* Translators: %s who signs ("VP Sales"). */
        value = g_strdup_printf (_ ("%s: not signed"), role);
      agreement (out, i == 0 ? _ ("Sign-off") : "", value);
    }
}

int
gs_cli_show (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — both goal sheets"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean months = FALSE;
  const GsResult *r;
  const GsModel *m;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "months", 'm', 0, G_OPTION_ARG_NONE, &months,
      N_ ("One column per month instead of per fiscal quarter"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                N_ ("Prints the marketing and sales goal sheets of PLAN as tables: "
                                    "the target, plan, gap and budget; the MARKETING, SHARED and "
                                    "SALES goal lines by fiscal quarter (or month) with the volume "
                                    "needed before the plan starts and the total; the gap levers; "
                                    "and the agreements with their sign-off."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("show", _ ("give one plan file"));
  r = gs_cli_load_result (argv[1], &plan, &status);
  if (r == NULL)
    return status;
  m = gs_plan_get_model (plan);

  print_header (m, r, out);
  print_sheets (m, r, months, out);
  print_levers (m, r, out);
  print_agreements (m, out);
  return gs_cli_write_stdout (out->str);
}
