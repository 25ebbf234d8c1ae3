/* gs-cli-new.c — `goalsheet-cli new NAME …`: a fresh plan on stdout, made
 * from a target the way the window's "New Plan from a Target" makes it; or,
 * with --example, the bundled example to explore.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-format.h"
#include "gs-new-plan.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

static const char *const motion_ids[GS_N_MOTIONS]
    = { "inbound-smb", "outbound-mid-market", "enterprise" };

/* An amount in major units of the currency, written as the CLI's other
 * amounts are ("2600000", "2,600,000.00", "2_600_000"): commas, underscores
 * and spaces group digits; the decimal mark is a point. */
static gboolean
parse_amount (const char *option, const char *text, guint digits, GsMoney *out, int *status)
{
  g_autoptr (GString) c_text = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',' && *p != '_' && *p != ' ')
      g_string_append_c (c_text, *p);
  if (!gs_money_parse (c_text->str, digits, out, NULL) || *out <= 0)
    {
      g_autofree char *message
          /* Translators: %1$s an option ("--target"), %2$s what was given. */
          = g_strdup_printf (_ ("%1$s: “%2$s” is not an amount above zero"), option, text);
      *status = gs_cli_usage ("new", message);
      return FALSE;
    }
  return TRUE;
}

/* "2027-01" → year and month. */
static gboolean
parse_start (const char *text, GsNewPlanSpec *spec, int *status)
{
  guint year = 0, month = 0;
  char tail;
  if (sscanf (text, "%4u-%2u%c", &year, &month, &tail) != 2 || year < 2000 || year > 2100
      || month < 1 || month > 12)
    {
      g_autofree char *message
          /* Translators: %s what was given after --start. */
          = g_strdup_printf (_ ("--start: “%s” is not a month like 2027-01"), text);
      *status = gs_cli_usage ("new", message);
      return FALSE;
    }
  spec->start_year = year;
  spec->start_month = month;
  return TRUE;
}

static gboolean
parse_motion (const char *text, GsNewPlanSpec *spec, int *status)
{
  for (guint i = 0; i < GS_N_MOTIONS; i++)
    if (g_ascii_strcasecmp (text, motion_ids[i]) == 0)
      {
        spec->motion = i;
        return TRUE;
      }
  {
    g_autofree char *message = g_strdup_printf (
        /* Translators: %s what was given; the three ids are fixed. */
        _ ("--motion: “%s” is not a sales motion; give inbound-smb, outbound-mid-market or "
           "enterprise"),
        text);
    *status = gs_cli_usage ("new", message);
  }
  return FALSE;
}

/* The example, with NAME as its company when given. */
static int
print_example (int argc, char **argv)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default (argc == 2 ? argv[1] : NULL);
  g_autofree char *text = gs_plan_to_text (plan);
  return gs_cli_write_stdout (text);
}

int
gs_cli_new (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("NAME — a fresh plan from a target"));
  g_autofree char *currency = NULL, *start = NULL, *prior = NULL, *growth = NULL;
  g_autofree char *target = NULL, *deal = NULL, *motion = NULL, *fiscal = NULL;
  gboolean example = FALSE;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  GsNewPlanSpec spec = { 0 };
  gint64 fiscal_month = 1;
  double growth_percent = 0;
  guint digits = 2;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "prior", 0, 0, G_OPTION_ARG_STRING, &prior, N_ ("Last year's bookings"), "AMOUNT" },
    { "growth", 0, 0, G_OPTION_ARG_STRING, &growth, N_ ("Target: growth over last year, in %"),
      "PERCENT" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, N_ ("Target: a set amount for the year"),
      "AMOUNT" },
    { "deal-size", 0, 0, G_OPTION_ARG_STRING, &deal, N_ ("Average deal size"), "AMOUNT" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_ ("ISO 4217 code (default EUR)"),
      "CODE" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_ ("The plan's first month (default: next month)"), "YYYY-MM" },
    { "fiscal-start", 0, 0, G_OPTION_ARG_STRING, &fiscal,
      N_ ("The month the fiscal year starts, 1–12 (default 1)"), "MONTH" },
    { "motion", 0, 0, G_OPTION_ARG_STRING, &motion,
      N_ ("Funnel preset: inbound-smb, outbound-mid-market (default) or enterprise"), "MOTION" },
    { "example", 0, 0, G_OPTION_ARG_NONE, &example,
      N_ ("Print the bundled example plan instead (NAME optional)"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context,
      N_ ("Prints a fresh plan to standard output, made from a target as the window's New Plan "
          "from a Target makes it: the company, last year's bookings and either the growth or a "
          "set target, the average deal size, and funnel rates from a preset by sales motion "
          "(docs/presets.md). It carries no example's signatures, definitions or scenarios.\n"
          "Example: goalsheet-cli new \"Acme Inc\" --prior 2000000 --growth 30 --deal-size 25000 "
          "> acme.goalsheet\n"
          "With --example: the bundled seed-stage SaaS example, to explore."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return gs_cli_usage ("new", _ ("give at most one company name (quote it if it has spaces)"));
  if (argc == 2)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (argv[1]));
      /* The name goes into the plan as JSON text, which must be UTF-8. */
      if (!g_utf8_validate (argv[1], -1, NULL))
        return gs_cli_usage ("new", _ ("the company name is not UTF-8 text"));
      if (*stripped == '\0')
        return gs_cli_usage ("new", _ ("the company name is empty"));
    }
  if (example)
    return print_example (argc, argv);
  if (argc != 2)
    return gs_cli_usage ("new", _ ("give the company's name, or --example for the bundled "
                                   "example"));
  if (prior == NULL || deal == NULL || (growth == NULL) == (target == NULL))
    return gs_cli_usage ("new", _ ("give --prior, --deal-size and either --growth or --target"));

  spec.company = argv[1];
  spec.currency = currency != NULL ? currency : "EUR";
  if (!gs_format_currency_digits (spec.currency, &digits))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("--currency: “%s” is not a currency code such as EUR or USD"), spec.currency);
      return gs_cli_usage ("new", message);
    }
  /* Next month, as the window proposes: a plan is made before it starts. */
  spec.start_month = (guint) g_date_time_get_month (now) % 12 + 1;
  spec.start_year = (guint) g_date_time_get_year (now) + (g_date_time_get_month (now) == 12);
  if (start != NULL && !parse_start (start, &spec, &status))
    return status;
  if (!gs_cli_option_integer ("new", "--fiscal-start", fiscal, 1, 12, &fiscal_month, &status))
    return status;
  spec.fiscal_year_start_month = (guint) fiscal_month;
  spec.motion = GS_MOTION_OUTBOUND_MID_MARKET;
  if (motion != NULL && !parse_motion (motion, &spec, &status))
    return status;
  if (!parse_amount ("--prior", prior, digits, &spec.prior_bookings, &status)
      || !parse_amount ("--deal-size", deal, digits, &spec.deal_size, &status))
    return status;
  spec.absolute = target != NULL;
  if (spec.absolute && !parse_amount ("--target", target, digits, &spec.target_amount, &status))
    return status;
  if (!spec.absolute)
    {
      if (!gs_cli_option_number ("new", "--growth", growth, -99, 10000, &growth_percent, &status))
        return status;
      spec.growth = growth_percent / 100;
    }
  plan = gs_plan_new_from_spec (&spec, &error);
  if (plan == NULL)
    return gs_cli_usage ("new", error->message);
  text = gs_plan_to_text (plan);
  return gs_cli_write_stdout (text);
}
