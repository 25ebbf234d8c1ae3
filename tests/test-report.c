/* test-report.c — the printable goal sheet, read back with pdftotext.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-comp-resolve.h"
#include "gs-format.h"
#include "gs-report.h"
#include "config.h"

#include <glib/gstdio.h>

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");
  return path != NULL;
}

static void
assert_has (const char *text, const char *want)
{
  if (strstr (text, want) == NULL)
    g_error ("“%s” is not in the report:\n%s", want, text);
}

/* The first row of the goal-sheet tables whose label is `label` (then the
 * columns, at least two spaces on) ends with `total`, the plan column. */
static void
assert_row (const char *text, const char *label, const char *total)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      if (g_str_has_prefix (line, label) && g_str_has_prefix (line + strlen (label), "  "))
        {
          if (!g_str_has_suffix (line, total))
            g_error ("the row “%s” ends otherwise than “%s”", line, total);
          return;
        }
    }
  g_error ("no row “%s” in the report:\n%s", label, text);
}

static void
test_pdf (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (GsModel) m = decode_ok (root);
  g_autoptr (GsResult) r = compute_ok (root);
  g_autofree char *dir = g_dir_make_tmp ("gs-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GsSimResult sim = { 0 };
  guint64 year_counts[] = { 0, 1000 };
  g_autoptr (GsCompModel) comp = gs_comp_resolve (m, r);
  GsReportData data = { m, r, &sim, comp, NULL, NULL };
  GDate printed;
  g_autofree char *figures = NULL;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* A simulation result with just the headline (the fan chart reads the
   * rest, all zero here): P(hit) 0.41 prints as 41 %. */
  sim.horizon = 1;
  sim.p_hit = 0.41;
  sim.trials = 1000;
  sim.p10 = sim.p50 = sim.p90 = sim.mean = sim.cum_p10 = sim.cum_p50 = sim.cum_p90 = sim.cum_mean
      = sim.target_cum = sim.plan_cum = g_new0 (double, 1);
  /* Every simulated year carries exactly the plan's new business (2,376,250,
   * the last bin "at or above" it): the payout risk is the pay at plan,
   * 653,032 (as staffed, see below), at P10, P50 and P90 alike. */
  sim.year_counts = year_counts;
  sim.year_bins = G_N_ELEMENTS (year_counts);
  sim.year_hi = 237625000;

  g_date_clear (&printed, 1);
  g_date_set_dmy (&printed, 1, G_DATE_MARCH, 2027);
  data.printed = &printed;
  g_assert_true (gs_report_write_pdf (&data, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);

  assert_has (text, "Acme Analytics — goal sheet");
  /* The headline row: target, plan, gap.  Company target: prior bookings
   * 2,000,000 × (1 + 30 %) = 2,600,000.  The plan is the engine's for this
   * example (what `goalsheet-cli show` prints); the gap is plan − target =
   * 2,376,250 − 2,600,000 = −223,750, which is −8.6 % of the target. */
  assert_has (text, "Gap to target (−8.6 %)");
  g_assert_true (g_regex_match_simple ("^ *\\$2,600,000 +\\$2,376,250 +−\\$223,750 +41 % *$", text,
                                       G_REGEX_MULTILINE, 0));
  assert_has (text, "Marketing goals");
  assert_has (text, "Shared by both teams");
  assert_has (text, "Sales goals");
  /* Quarters by the fiscal calendar: the fiscal year starts in February and
   * is named by the year it ends in, so Feb 2027 – Jan 2028 is FY28. */
  assert_has (text, "FY28 Q1");
  assert_has (text, "FY28 Q4");
  /* Plan totals of the goal sheets.  MQLs as the engine derives them for this
   * example: 1,157 for the plan's own bookings plus 466 in FY28 Q4 for
   * bookings after the plan (the continuation) = 1,623; leads are MQLs ÷ 25 %
   * (Lead→MQL) = 1,623 × 4 = 6,492; the budget is 1,623 MQLs × 180 per MQL =
   * 292,140; wins are the new business needed, 2,625,000 ÷ 25,000 per deal =
   * 105. */
  assert_row (text, "Leads", "6,492");
  assert_row (text, "MQLs", "1,623");
  assert_row (text, "Budget", "292,140");
  assert_row (text, "Wins", "105");
  assert_row (text, "Plan (funnel and capacity)", "2,376,250");
  assert_row (text, "Gap to target", "−223,750");
  /* Definitions and SLA as agreed in the plan. */
  assert_has (text, "Lead score of 60 or more");
  assert_has (text, "within 24 hours");
  assert_has (text, "95 %");
  /* Pay plans, when the plan has them. */
  g_assert_nonnull (comp);
  for (guint i = 0; i < comp->n_roles; i++)
    assert_has (text, comp->roles[i].name);
  /* Pay as staffed (the engine's gs_comp_at_plan, what `goalsheet-cli payout`
   * prints): the AEs' 7.04 person-years pay 438,217.18 at the attainment the
   * plan implies and 570,539.25 at 100 %; the roles sum to 438,217.18 +
   * 74,250.00 + 76,345.25 + 40,987.57 + 23,232.35 = 653,032.35, ÷ the
   * new-business target 2,600,000 = 25.1 %; the old figure (everyone a full
   * year at 100 %: 901,000 = 34.7 %) stands beside it. */
  assert_has (text, "$438,217 at plan, $570,539 at 100 % of quota");
  assert_has (text, "$653,032 at the attainment the plan implies");
  assert_has (text, "everyone a full year at 100 %: $901,000.");
  assert_has (text, "$653,032 ÷ new business $2,600,000 = 25.1 %; ÷ all bookings $2,600,000 =");
  assert_has (text, "(everyone a full year at 100 %: 34.7 %)");
  assert_has (text, "Pay over the simulated years");
  assert_has (text, "P10 $653,032, P50 $653,032, P90 $653,032 (at plan $653,032)");
  /* Charts and signatures. */
  assert_has (text, "Monthly waterfall");
  assert_has (text, "Capacity vs target");
  assert_has (text, "41 % chance of reaching the target");
  assert_has (text, "CEO");
  assert_has (text, "VP Marketing");
  assert_has (text, "VP Sales");
  /* The VP Marketing signed off in the plan (the line may wrap). */
  assert_has (text, "Signed off in Goalsheet by Dana");
  assert_has (text, "2026-11-12");
  /* One page per role with its whole pay plan (gs-explain-pay-plan.h), the
   * cost at plan and a finance signature line: 4 pages + 5 roles = 9.  The
   * AE: OTE 160,000 = base 80,000 + target incentive 80,000 (mix 50 %); own
   * bookings 70 % of 80,000 = 56,000 on the 520,000 AE quota; a marginal
   * table with a 150 % band; a cap of 3 × 56,000 = 168,000; as staffed,
   * 438,217.18 ÷ 2,600,000 = 16.85… % of new business, printed 16.9 %. */
  assert_has (text, "Pay plan: Account executive");
  assert_has (text, "On-target earnings $160,000.00 = base $80,000.00 + target incentive");
  assert_has (text, "Own bookings, weight 70 %: target incentive $56,000.00 on an annual quota of");
  assert_has (text, "100 % to 150 % of quota: 150 % of the target incentive");
  assert_has (text, "Capped at 3 × the target incentive ($168,000.00).");
  assert_has (text, "$2,000.00 a month guaranteed for the first 3 months, recovered from later");
  assert_has (text, "A deal refunded or churned within 90 days of closing gives back the");
  assert_has (text, "As staffed (7.04 person-years): $438,217 at the attainment the plan implies;");
  assert_has (text, "$438,217 ÷ new business $2,600,000 = 16.9 % of new business");
  assert_has (text, "Pay plan: Demand generation manager");
  assert_has (text, "Approved for payroll");
  assert_has (text, "Finance");
  /* Every page's footer: the date printed, the version, which plan and the
   * first twelve hex digits of the inputs' fingerprint. */
  figures = g_strndup (gs_model_fingerprint (m) + strlen ("sha256:"), 12);
  {
    g_autofree char *footer = g_strdup_printf (
        "Printed Mar 1, 2027 by Goalsheet %s · the plan, no scenario · figures %s", PACKAGE_VERSION,
        figures);
    g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
    guint n = 0;
    for (guint i = 0; pages[i] != NULL; i++)
      if (*g_strstrip (pages[i]) != '\0')
        {
          assert_has (pages[i], footer);
          n++;
        }
    g_assert_cmpuint (n, ==, 9);
  }
  assert_has (text, "page 9 of 9");

  g_free (sim.p10);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Without a simulation there is no chance figure and no fan chart; pages
 * still draw onto any paper size (US Letter here). */
static void
test_no_sim (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autoptr (GsModel) m = decode_ok (root);
  g_autoptr (GsResult) r = compute_ok (root);
  g_autoptr (GsCompModel) comp = gs_comp_resolve (m, r);
  GsReportData data = { m, r, NULL, comp, "best", NULL };
  cairo_surface_t *s = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (s);
  double x, y, w, h;

  /* Four pages and a pay plan page per role; the pay pages stay on the
   * paper too. */
  g_assert_cmpuint (gs_report_n_pages (&data), ==, 4 + comp->n_roles);
  for (guint page = 0; page < gs_report_n_pages (&data); page++)
    gs_report_draw_page (cr, 612, 792, page, &data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Everything stays on the 612 × 792 page. */
  cairo_recording_surface_ink_extents (s, &x, &y, &w, &h);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x + w, <=, 612);
  g_assert_cmpfloat (y + h, <=, 792);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* A role with more components than a page holds (eight, each with three
 * bands, an accelerator and a cap) flows over further pages: each says
 * "(continued)", every component is printed once, the cost at plan and the
 * finance line follow the last of them, and nothing runs off the paper. */
static void
test_pay_pages (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  JsonArray *roles = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (root), "compensation"), "roles");
  JsonObject *last = json_array_get_object_element (roles, json_array_get_length (roles) - 1);
  GString *json = g_string_new ("[");
  g_autoptr (JsonNode) components = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsCompModel) comp = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  guint n_pages, one_page_each;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (
        json,
        "%s{\"id\": \"part-%u\", \"name\": \"Part %u of the plan\", "
        "\"measure\": \"company_bookings\", \"weight\": 0.125, \"period\": \"quarterly\", "
        "\"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1}, "
        "{\"from\": 1, \"to\": 1.5, \"rate\": 1.5}, {\"from\": 1.5, \"rate\": 2}]}, "
        "\"accelerators\": [{\"above\": 1.2, \"multiplier\": 1.2}], \"cap\": {\"of_target\": 3}}",
        i ? ", " : "", i + 1, i + 1);
  g_string_append_c (json, ']');
  components = json_from_string (json->str, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  json_object_set_member (last, "components", g_steal_pointer (&components));
  m = decode_ok (root);
  r = compute_ok (root);
  comp = gs_comp_resolve (m, r);
  {
    GsReportData data = { m, r, NULL, comp, NULL, NULL };
    GDate printed;
    g_date_clear (&printed, 1);
    g_date_set_dmy (&printed, 1, G_DATE_MARCH, 2027);
    data.printed = &printed;
    n_pages = gs_report_n_pages (&data);
    one_page_each = 4 + comp->n_roles;
    g_assert_cmpuint (n_pages, >, one_page_each);
    g_assert_true (gs_report_write_pdf (&data, pdf, &error));
    g_assert_no_error (error);
    /* Every page on the paper: ink within the A4 page. */
    for (guint page = 0; page < n_pages; page++)
      {
        cairo_surface_t *s = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cairo_t *cr = cairo_create (s);
        double x, y, w, h;
        gs_report_draw_page (cr, GS_REPORT_A4_WIDTH, GS_REPORT_A4_HEIGHT, page, &data);
        cairo_recording_surface_ink_extents (s, &x, &y, &w, &h);
        g_assert_cmpfloat (y + h, <=, GS_REPORT_A4_HEIGHT);
        cairo_destroy (cr);
        cairo_surface_destroy (s);
      }
  }
  text = pdf_text (pdf);
  assert_has (text, "Pay plan: Demand generation manager (continued)");
  assert_has (text, "Continued on the next page.");
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Part %u of the plan", i + 1);
      const char *at = strstr (text, name);
      g_assert_nonnull (at);
      /* Printed once: pages do not repeat rows. */
      g_assert_null (strstr (at + strlen (name), name));
    }
  /* The cost at plan and the finance line come after the last component. */
  g_assert_nonnull (strstr (strstr (text, "Part 8 of the plan"), "Approved for payroll"));
  {
    g_autofree char *footer = g_strdup_printf ("page %u of %u", n_pages, n_pages);
    assert_has (text, footer);
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

/* 36 months are 12 fiscal quarters: three pages of goal tables, four
 * quarters each (one plan year fits the width), then the three others. */
static void
test_long_plan (void)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "data", "kwd-two-stage.goalsheet", NULL);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  GsReportData data = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = gs_json_parse (text, -1, NULL);
  m = decode_ok (root);
  r = compute_ok (root);
  g_assert_cmpuint (m->company.horizon, ==, 36);
  g_assert_cmpuint (r->n_quarters, ==, 12);
  data.model = m;
  data.result = r;
  data.sim = NULL;
  data.comp = NULL;
  g_assert_cmpuint (gs_report_n_pages (&data), ==, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/no-sim", test_no_sim);
  g_test_add_func ("/report/long-plan", test_long_plan);
  g_test_add_func ("/report/pay-pages", test_pay_pages);
  return g_test_run ();
}
