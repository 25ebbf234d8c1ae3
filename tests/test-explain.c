/* test-explain.c — structured derivations worked by hand, and their words
 * (gs-explain.h) in English and German.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

/* The tiny plan (test-util.h): 100,000.00 a month, deal 10,000.00 → 10 wins
 * a month; MQL→Won 20 % with a 31-day lag (one month) → 50 MQLs the month
 * before; Lead→MQL 50 %, no lag → 100 leads in the same month as the MQLs.
 * So one month (Dec 26) comes before the plan (Jan 27): n_pre = 1. */
static GsResult *
tiny_result (GsModel **model)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  GsResult *r;
  *model = decode_ok (tree);
  r = gs_compute (*model, &error);
  g_assert_no_error (error);
  return r;
}

static void
assert_figure (const GsDerivation *d, const char *name, GsUnit unit, double value)
{
  const GsQuantity *f = gs_derivation_figure (d, name);
  if (f == NULL)
    g_error ("derivation %d has no figure %s", d->kind, name);
  g_assert_cmpint (f->unit, ==, unit);
  g_assert_cmpfloat_with_epsilon (f->value, value, 1e-9);
  if (unit == GS_UNIT_COUNT || unit == GS_UNIT_MONEY)
    g_assert_cmpint (f->amount, ==, (gint64) llround (value));
}

static void
test_structure (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = tiny_result (&m);
  const GsGoalLine *won = line_ok (r, "sales.stage.won");
  const GsGoalLine *mql = line_ok (r, "marketing.stage.mql");
  const GsGoalLine *lead = line_ok (r, "marketing.stage.lead");
  const GsGoalLine *budget = line_ok (r, "marketing.budget");
  const GsGoalLine *target = line_ok (r, "shared.target");
  const GsDerivation *d, *p;

  g_assert_cmpuint (r->n_pre, ==, 1);
  /* Months carry the calendar, not text. */
  g_assert_cmpint (r->months[0].index, ==, -1);
  g_assert_cmpuint (r->months[0].year, ==, 2026);
  g_assert_cmpuint (r->months[0].month, ==, 12);
  g_assert_cmpuint (r->months[0].fiscal_year, ==, 2026);
  g_assert_cmpuint (r->months[0].fiscal_quarter, ==, 4);
  g_assert_cmpuint (r->months[1].fiscal_year, ==, 2027);
  g_assert_cmpuint (r->months[1].fiscal_quarter, ==, 1);
  g_assert_cmpuint (r->quarters[1].month, ==, 4); /* Q2 starts in April */

  /* Lines carry a kind and the stage they count. */
  g_assert_cmpint (won->kind, ==, GS_LINE_STAGE);
  g_assert_cmpint (won->stage, ==, 2);
  g_assert_cmpint (budget->kind, ==, GS_LINE_BUDGET);
  g_assert_cmpint (budget->stage, ==, -1);

  /* January's 10 wins: the target ÷ the deal size. */
  d = &won->months[1].derivation;
  g_assert_cmpint (d->kind, ==, GS_DERIVATION_SUM_OF_SOURCES);
  g_assert_cmpint (d->stage, ==, 2);
  g_assert_cmpint (d->month, ==, 1);
  assert_figure (d, "sum", GS_UNIT_COUNT, 10);
  g_assert_cmpuint (d->n_parts, ==, 1);
  p = &d->parts[0];
  g_assert_cmpint (p->kind, ==, GS_DERIVATION_DIVIDE_BY_DEAL);
  g_assert_cmpint (p->source, ==, 0);
  g_assert_cmpstr (p->input_path, ==, "funnel.deal_size");
  assert_figure (p, "needed", GS_UNIT_COUNT, 10);
  assert_figure (p, "exact", GS_UNIT_NUMBER, 10);
  assert_figure (p, "target", GS_UNIT_MONEY, 10000000);
  assert_figure (p, "share", GS_UNIT_PERCENT, 1);
  assert_figure (p, "deal_size", GS_UNIT_MONEY, 1000000);

  /* December's 50 MQLs: January's 10 wins ÷ 20 %, a month (31 days) earlier. */
  d = &mql->months[0].derivation;
  g_assert_cmpint (d->kind, ==, GS_DERIVATION_SUM_OF_SOURCES);
  assert_figure (d, "sum", GS_UNIT_COUNT, 50);
  p = &d->parts[0];
  g_assert_cmpint (p->kind, ==, GS_DERIVATION_DIVIDE_BY_RATE);
  g_assert_cmpstr (p->input_path, ==, "funnel.steps[1].rate");
  assert_figure (p, "needed", GS_UNIT_COUNT, 50);
  assert_figure (p, "next", GS_UNIT_COUNT, 10);
  assert_figure (p, "next_month", GS_UNIT_NUMBER, 0);
  assert_figure (p, "rate", GS_UNIT_PERCENT, 0.2);
  assert_figure (p, "lag_days", GS_UNIT_DAYS, 31);

  /* December's 100 leads: the same month's 50 MQLs ÷ 50 %. */
  p = &lead->months[0].derivation.parts[0];
  assert_figure (p, "needed", GS_UNIT_COUNT, 100);
  assert_figure (p, "next", GS_UNIT_COUNT, 50);
  assert_figure (p, "next_month", GS_UNIT_NUMBER, -1);

  /* Budget: 100 leads × 20.00. */
  d = &budget->months[0].derivation;
  g_assert_cmpint (d->kind, ==, GS_DERIVATION_BUDGET);
  assert_figure (d, "sum", GS_UNIT_MONEY, 200000);
  g_assert_cmpint (d->parts[0].kind, ==, GS_DERIVATION_TIMES_COST);
  assert_figure (&d->parts[0], "volume", GS_UNIT_COUNT, 100);
  assert_figure (&d->parts[0], "cost_per_lead", GS_UNIT_MONEY, 2000);

  /* The target: 1,200,000.00 split by 12 equal weights; no target before the plan. */
  g_assert_cmpint (target->months[0].derivation.kind, ==, GS_DERIVATION_NOT_IN_PLAN);
  d = &target->months[1].derivation;
  g_assert_cmpint (d->kind, ==, GS_DERIVATION_SPLIT_BY_SEASONALITY);
  assert_figure (d, "target", GS_UNIT_MONEY, 10000000);
  assert_figure (d, "weight", GS_UNIT_NUMBER, 1);
  assert_figure (d, "weights", GS_UNIT_NUMBER, 12);

  /* Totals add the plan months; the quarter holds three of them. */
  d = &won->total.derivation;
  g_assert_cmpint (d->kind, ==, GS_DERIVATION_SUM_OF_MONTHS);
  assert_figure (d, "sum", GS_UNIT_COUNT, 120);
  assert_figure (d, "months", GS_UNIT_NUMBER, 12);
  d = &won->quarters[0].derivation;
  g_assert_cmpint (d->quarter, ==, 0);
  assert_figure (d, "sum", GS_UNIT_COUNT, 30);

  /* The breakdown a total's popover shows: the plan's four quarters (30
   * wins each) and, on a stage line, each source's share (Inbound, the only
   * one: all 120); a quarter's three months (10 each).  The parts add up to
   * the figure exactly. */
  d = &won->total.derivation;
  g_assert_cmpuint (d->n_parts, ==, 4 + 1);
  for (guint i = 0; i < 4; i++)
    {
      p = &d->parts[i];
      g_assert_cmpint (p->kind, ==, GS_DERIVATION_PART_OF_SUM);
      g_assert_cmpint (p->quarter, ==, (int) i);
      g_assert_cmpint (p->source, ==, -1);
      assert_figure (p, "sum", GS_UNIT_COUNT, 30);
    }
  p = &d->parts[4];
  g_assert_cmpint (p->kind, ==, GS_DERIVATION_PART_OF_SUM);
  g_assert_cmpint (p->source, ==, 0);
  assert_figure (p, "sum", GS_UNIT_COUNT, 120);
  d = &won->quarters[1].derivation;
  g_assert_cmpuint (d->n_parts, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (d->parts[i].month, ==, (int) (r->n_pre + 3 + i));
      assert_figure (&d->parts[i], "sum", GS_UNIT_COUNT, 10);
    }
  /* Money lines break down by quarter only. */
  g_assert_cmpuint (budget->total.derivation.n_parts, ==, 4);
}

/* 90 planned leads a month against 100 needed (test-capacity.c works the
 * levers out): what each summary shows. */
static GsResult *
short_result (GsModel **model)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  GsResult *r;
  patch (tree, "sources[0].planned_volume", "[90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90]");
  *model = decode_ok (tree);
  r = gs_compute (*model, &error);
  g_assert_no_error (error);
  return r;
}

static char *
cell_text (const GsModel *m, const GsResult *r, const char *id, guint month)
{
  const GsGoalLine *line = line_ok (r, id);
  return gs_explain_cell (m, r, line, &line->months[month]);
}

static void
test_english (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = tiny_result (&m);
  g_autoptr (GsModel) ms = NULL;
  g_autoptr (GsResult) rs = short_result (&ms);
  g_autofree char *mql = cell_text (m, r, "marketing.stage.mql", 0);
  g_autofree char *won = cell_text (m, r, "sales.stage.won", 1);
  g_autofree char *target = cell_text (m, r, "shared.target", 1);
  g_autofree char *before = cell_text (m, r, "shared.target", 0);
  g_autofree char *name = gs_explain_line_name (m, line_ok (r, "sales.stage.won"));
  g_autofree char *label = gs_explain_month_label (&r->months[0]);
  g_autofree char *month = gs_explain_month_short (&r->months[1]);
  g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[3]);
  g_autofree char *leads = gs_explain_lever (ms, rs, &rs->levers[0]);
  g_autofree char *rate = gs_explain_lever (ms, rs, &rs->levers[1]);
  g_autofree char *deal = gs_explain_lever (ms, rs, &rs->levers[3]);
  g_autofree char *aes = gs_explain_lever (ms, rs, &rs->levers[4]);

  g_assert_cmpstr (name, ==, "Wins");
  g_assert_cmpstr (label, ==, "FY26 Q4 / Dec");
  g_assert_cmpstr (month, ==, "Jan 27");
  g_assert_cmpstr (quarter, ==, "FY27 Q4");
  g_assert_cmpstr (mql, ==,
                   "50 MQLs in FY26 Q4 / Dec:\n"
                   "• Inbound: 50 MQLs = 10 Wins in FY27 Q1 / Jan ÷ 20 % MQL→Won = 50.00, needed "
                   "31 days earlier");
  g_assert_cmpstr (won, ==,
                   "10 Wins in FY27 Q1 / Jan:\n"
                   "• Inbound: 10 Wins = 100,000.00 target (100 % share) ÷ 10,000.00 deal size = "
                   "10.00");
  g_assert_cmpstr (target, ==,
                   "Bookings target in FY27 Q1 / Jan = 100,000.00: new business 100,000.00 + "
                   "existing customers 0.00; the year's target split by seasonality weight 1 of "
                   "12, to the cent");
  g_assert_cmpstr (before, ==, "Before the plan starts: no target");
  {
    const GsGoalLine *w = line_ok (r, "sales.stage.won");
    g_autofree char *total = gs_explain_cell (m, r, w, &w->total);
    g_autofree char *q2 = gs_explain_cell (m, r, w, &w->quarters[1]);
    g_assert_cmpstr (total, ==,
                     "Wins over the plan = 120: the sum of its 12 months\n"
                     "By quarter: FY27 Q1 30 · FY27 Q2 30 · FY27 Q3 30 · FY27 Q4 30\n"
                     "By source: Inbound 120");
    g_assert_cmpstr (q2, ==,
                     "Wins in FY27 Q2 = 30: the sum of its months\n"
                     "By month: Apr 27 10 · May 27 10 · Jun 27 10");
  }
  g_assert_cmpint (rs->levers[0].kind, ==, GS_LEVER_LEADS);
  g_assert_cmpstr (leads, ==, "+120 Leads");
  g_assert_cmpstr (rate, ==, "Lead→MQL 50 % → 55.6 %");
  g_assert_cmpstr (deal, ==, "deal $10,000 → $11,112");
  g_assert_cmpstr (aes, ==, "More AEs by Jan 27 alone cannot close the gap");
}

/* A figure in its unit, every form (gs-explain-figure.h), worked by hand: the
 * tiny plan is in USD with two minor digits.  A cell never says the unit (its
 * row's label does: "Sales cycle (days)"), running text does. */
typedef struct
{
  GsUnit unit;
  gint64 amount;
  double value;
  const char *want[5]; /* CELL, CELL_COMPACT, CELL_AMOUNT, TEXT, TRACE */
} FigureCase;

static void
assert_figures (const GsModel *m, const FigureCase *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    for (GsFigureForm form = GS_FIGURE_CELL; form <= GS_FIGURE_TRACE; form++)
      {
        g_autofree char *got
            = gs_explain_figure (m, cases[i].unit, cases[i].amount, cases[i].value, form);
        if (g_strcmp0 (got, cases[i].want[form]) != 0)
          g_error ("case %u, form %d: \"%s\", want \"%s\"", i, form, got, cases[i].want[form]);
      }
}

static void
test_figure_english (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = tiny_result (&m);
  const FigureCase cases[] = {
    /* 260,000,000 cents = $2,600,000; compact 2.6 million. */
    { GS_UNIT_MONEY,
      260000000,
      0,
      { "$2,600,000", "$2.6M", "2,600,000", "$2,600,000", "2,600,000.00" } },
    /* The sales cycle: 96 days, 1 day. */
    { GS_UNIT_DAYS, 0, 96, { "96", "96", "96", "96 days", "96" } },
    { GS_UNIT_DAYS, 0, 1, { "1", "1", "1", "1 day", "1" } },
    { GS_UNIT_COUNT, 4628, 4628, { "4,628", "4,628", "4,628", "4,628", "4,628" } },
    /* 1.1273 = 112.73 % → one decimal. */
    { GS_UNIT_PERCENT, 0, 1.1273, { "112.7 %", "112.7 %", "112.7 %", "112.7 %", "112.7 %" } },
    { GS_UNIT_MULTIPLE, 0, 2.44, { "2.4×", "2.4×", "2.4×", "2.4×", "2.4×" } },
    /* 6.66 AEs: one decimal on a sheet, two in a trace; 7 whole. */
    { GS_UNIT_NUMBER, 0, 6.66, { "6.7", "6.7", "6.7", "6.7", "6.66" } },
    { GS_UNIT_NUMBER, 0, 7, { "7", "7", "7", "7", "7" } },
  };
  g_assert_nonnull (r);
  assert_figures (m, cases, G_N_ELEMENTS (cases));
}

/* German messages and marks (the catalogue from the build tree); FALSE, the
 * test skipped, when the catalogue or the locale is missing.  The caller
 * goes back with back_to_c (). */
static gboolean
use_german (void)
{
  g_autofree char *mo = g_build_filename (g_getenv ("GOALSHEET_LOCALEDIR"), "de", "LC_MESSAGES",
                                          "goalsheet.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("po/de was not built");
      return FALSE;
    }
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not generated");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GOALSHEET_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static void
back_to_c (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
}

/* The same in German: hand-written expectations.  Stage and source names
 * are the user's words and stay as they are. */
/* German puts a no-break space (U+00A0) before the percent sign (gs-format.h). */
static void
test_german (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsModel) ms = NULL;
  g_autoptr (GsResult) rs = NULL;
  g_autofree char *mql = NULL, *target = NULL, *name = NULL, *label = NULL, *leads = NULL;
  g_autofree char *rate = NULL, *deal = NULL, *months = NULL;

  if (!use_german ())
    return;

  r = tiny_result (&m);
  rs = short_result (&ms);
  mql = cell_text (m, r, "marketing.stage.mql", 0);
  target = cell_text (m, r, "shared.target", 1);
  name = gs_explain_line_name (m, line_ok (r, "shared.target"));
  label = gs_explain_month_label (&r->months[0]);
  leads = gs_explain_lever (ms, rs, &rs->levers[0]);
  rate = gs_explain_lever (ms, rs, &rs->levers[1]);
  deal = gs_explain_lever (ms, rs, &rs->levers[3]);
  months = cell_text (m, r, "sales.quota", 1);

  g_assert_cmpstr (name, ==, "Auftragsziel");
  g_assert_cmpstr (label, ==, "GJ26 Q4 / Dez");
  g_assert_cmpstr (
      mql, ==,
      "50 MQL in GJ26 Q4 / Dez:\n"
      "• Inbound: 50 MQL = 10 Won in GJ27 Q1 / Jan ÷ 20\u00a0% MQL→Won = 50,00, 31 Tage "
      "früher nötig");
  g_assert_cmpstr (target, ==,
                   "Auftragsziel in GJ27 Q1 / Jan = 100.000,00: Neugeschäft 100.000,00 + "
                   "Bestandskunden 0,00; das Jahresziel nach Saisongewicht 1 von 12 aufgeteilt, "
                   "auf den Cent genau");
  g_assert_cmpstr (leads, ==, "+120 Lead");
  g_assert_cmpstr (rate, ==, "Lead→MQL 50\u00a0% → 55,6\u00a0%");
  g_assert_cmpstr (deal, ==, "Auftragswert 10.000\u00a0$ → 11.112\u00a0$");
  g_assert_cmpstr (months, ==,
                   "Quote pro AE in GJ27 Q1 / Jan = 600.000,00 jährlich ÷ 12 = 50.000,00 "
                   "(Cents so verteilt, dass die Monate das Jahr ergeben)");
  back_to_c ();
}

/* German: the amount before the sign, a no-break space between (gs-format.h),
 * "Mio." for millions, and the days said in German. */
static void
test_figure_german (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  const FigureCase cases[] = {
    { GS_UNIT_MONEY,
      260000000,
      0,
      { "2.600.000\u00a0$", "2,6\u00a0Mio.\u00a0$", "2.600.000", "2.600.000\u00a0$",
        "2.600.000,00" } },
    { GS_UNIT_DAYS, 0, 96, { "96", "96", "96", "96 Tage", "96" } },
    { GS_UNIT_DAYS, 0, 1, { "1", "1", "1", "1 Tag", "1" } },
    { GS_UNIT_COUNT, 4628, 4628, { "4.628", "4.628", "4.628", "4.628", "4.628" } },
    { GS_UNIT_PERCENT,
      0,
      1.1273,
      { "112,7\u00a0%", "112,7\u00a0%", "112,7\u00a0%", "112,7\u00a0%", "112,7\u00a0%" } },
    { GS_UNIT_MULTIPLE, 0, 2.44, { "2,4×", "2,4×", "2,4×", "2,4×", "2,4×" } },
    { GS_UNIT_NUMBER, 0, 6.66, { "6,7", "6,7", "6,7", "6,7", "6,66" } },
  };

  if (!use_german ())
    return;
  r = tiny_result (&m);
  assert_figures (m, cases, G_N_ELEMENTS (cases));
  back_to_c ();
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain/structure-hand-worked", test_structure);
  g_test_add_func ("/explain/english", test_english);
  g_test_add_func ("/explain/german", test_german);
  g_test_add_func ("/explain/figure-english", test_figure_english);
  g_test_add_func ("/explain/figure-german", test_figure_german);
  return g_test_run ();
}
