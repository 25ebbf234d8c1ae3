/* gs-cli-show.c — `goalsheet-cli show PLAN`: both goal sheets as tables.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number printed here comes from the engine's result; this file only
 * lays the figures out.
 */
#include "gs-cli.h"
#include "gs-format.h"
#include "gs-report.h"
#include "gs-result.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static void
pad (GString *out, const char *text, guint width, gboolean right)
{
  glong len = g_utf8_strlen (text, -1);
  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

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
          pad (out, row[c], widths[c], c > 0);
        }
      while (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

/* One table for the three sheets, so their columns line up; a section
 * starts with a blank row and its header row. */
static void
add_section (const GsModel *m, const GsResult *r, GsSide side, const char *title, gboolean months,
             Table *t)
{
  GPtrArray *head = g_ptr_array_new ();

  table_add (t, g_ptr_array_new ());
  g_ptr_array_add (head, g_strdup (title));
  g_ptr_array_add (head, g_strdup ("Before plan"));
  if (months)
    for (guint mo = 0; mo < r->horizon; mo++)
      g_ptr_array_add (head, gs_model_month_short (m, (int) mo));
  else
    for (guint q = 0; q < r->n_quarters; q++)
      g_ptr_array_add (head, g_strdup (r->quarter_labels[q]));
  g_ptr_array_add (head, g_strdup ("Total"));
  table_add (t, head);

  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      GPtrArray *row;
      if (line->side != side)
        continue;
      row = g_ptr_array_new ();
      g_ptr_array_add (row, g_strdup (line->label));
      /* Lines that are not sums (rates, headcounts) have no "before" figure. */
      g_ptr_array_add (row, line->before.why && *line->before.why
                                ? gs_report_format_cell (m, &line->before, line->unit)
                                : g_strdup (""));
      if (months)
        for (guint mo = 0; mo < r->horizon; mo++)
          g_ptr_array_add (row,
                           gs_report_format_cell (m, &line->months[r->n_pre + mo], line->unit));
      else
        for (guint q = 0; q < r->n_quarters; q++)
          g_ptr_array_add (row, gs_report_format_cell (m, &line->quarters[q], line->unit));
      g_ptr_array_add (row, gs_report_format_cell (m, &line->total, line->unit));
      table_add (t, row);
    }
}

static void
print_sheets (const GsModel *m, const GsResult *r, gboolean months, GString *out)
{
  Table t = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), 0 };
  add_section (m, r, GS_SIDE_MARKETING, "MARKETING", months, &t);
  add_section (m, r, GS_SIDE_SHARED, "SHARED", months, &t);
  add_section (m, r, GS_SIDE_SALES, "SALES", months, &t);
  table_print (&t, out);
  g_ptr_array_unref (t.rows);
}

static char *
money_full (const GsModel *m, GsMoney value)
{
  return gs_format_money (value, m->company.digits, m->company.currency, GS_MONEY_FORMAT_FULL);
}

static void
print_header (const GsModel *m, const GsResult *r, GString *out)
{
  const GsCompany *c = &m->company;
  g_autofree char *first = gs_model_month_short (m, 0);
  g_autofree char *last = gs_model_month_short (m, (int) r->horizon - 1);
  g_autofree char *target = money_full (m, r->target_total);
  g_autofree char *plan = money_full (m, r->plan_total);
  g_autofree char *gap = money_full (m, r->gap);
  g_autofree char *budget = money_full (m, r->budget_total);
  g_autofree char *existing = money_full (m, r->target_existing);
  g_autofree char *new_business = money_full (m, r->target_new_business);
  g_autofree char *gap_pct = gs_format_number (r->gap_fraction * 100, 1);

  g_string_append_printf (out, "%s — goal sheets, %s to %s (%u month%s), %s\n\n", c->name, first,
                          last, r->horizon, r->horizon == 1 ? "" : "s", c->currency);
  g_string_append_printf (out, "Target    %s", target);
  if (c->target_mode == GS_TARGET_GROWTH)
    {
      g_autofree char *prior = money_full (m, c->prior_bookings);
      g_autofree char *growth = gs_format_percent (c->growth);
      g_string_append_printf (out, " (prior-year bookings %s + %s growth)", prior, growth);
    }
  else
    g_string_append (out, " (absolute target)");
  g_string_append_printf (out, "\n          new business %s, existing customers %s\n", new_business,
                          existing);
  g_string_append_printf (out,
                          "Plan      %s (existing customers + what funnel and capacity "
                          "deliver)\n",
                          plan);
  g_string_append_printf (out, "Gap       %s (%s %%)%s\n", gap, gap_pct,
                          r->gap < 0 ? " short of the target" : "");
  g_string_append_printf (out,
                          "Budget    %s (marketing, including volume needed before the "
                          "plan starts)\n",
                          budget);
}

static void
print_levers (const GsResult *r, GString *out)
{
  g_string_append (out, "\nGAP LEVERS — each one alone closes the gap\n");
  if (r->n_levers == 0)
    {
      g_string_append (out, "  none needed: the plan reaches the target\n");
      return;
    }
  for (guint i = 0; i < r->n_levers; i++)
    g_string_append_printf (out, "  %s %s\n", r->levers[i].feasible ? "•" : "×",
                            r->levers[i].summary);
}

static void
print_agreements (const GsModel *m, GString *out)
{
  const GsAgreements *a = &m->agreements;
  g_autofree char *acceptance = gs_format_percent (a->acceptance_rate);
  g_autofree char *threshold = gs_format_number (a->lead_score_threshold, 0);
  g_autofree char *sla = gs_format_number (a->followup_sla_hours, 0);

  g_string_append (out, "\nAGREEMENTS\n");
  g_string_append_printf (out, "  MQL definition        %s\n",
                          *a->mql_definition ? a->mql_definition : "(not written yet)");
  g_string_append_printf (out, "  SQL definition        %s\n",
                          *a->sql_definition ? a->sql_definition : "(not written yet)");
  g_string_append_printf (out, "  Lead-score threshold  %s\n", threshold);
  g_string_append_printf (out, "  Follow-up SLA         %s h\n", sla);
  g_string_append_printf (out,
                          "  Acceptance rate       %s of MQLs accepted or rejected within "
                          "the SLA\n",
                          acceptance);
  if (a->n_signoffs == 0)
    g_string_append (out, "  Sign-off              nobody has signed yet\n");
  for (guint i = 0; i < a->n_signoffs; i++)
    {
      const GsSignoff *s = &a->signoffs[i];
      char date[16] = "";
      if (s->signed_off)
        g_date_strftime (date, sizeof date, "%Y-%m-%d", &s->date);
      g_string_append_printf (out, "  %-22s", i == 0 ? "Sign-off" : "");
      g_string_append_printf (out, "%s: ", gs_report_role_title (s->role));
      if (s->signed_off)
        g_string_append_printf (out, "signed by %s on %s\n", *s->name ? s->name : "(no name)",
                                date);
      else
        g_string_append_printf (out, "not signed%s%s\n", *s->name ? " — " : "", s->name);
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
  print_levers (r, out);
  print_agreements (m, out);
  return gs_cli_write_stdout (out->str);
}
