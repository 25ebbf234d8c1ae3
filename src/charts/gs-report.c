/* gs-report.c — the printable goal sheet, page by page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-report.h"
#include "gs-report-page.h"
#include "gs-atomic.h"
#include "gs-format.h"
#include "gs-chart.h"
#include "gs-comp.h"
#include "gs-comp-payout.h"
#include "gs-result.h"
#include "gs-explain-comp.h"
#include "gs-explain-figure.h"
#include "gs-explain-pay-plan.h"
#include "gs-explain-risk.h"
#include "gs-explain.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#define MARGIN GS_REPORT_MARGIN
#define CONTENT_W (GS_REPORT_A4_WIDTH - 2 * MARGIN)
#define QUARTERS_PER_PAGE 4 /* one plan year of quarters fits the page's width */
#define OTHER_PAGES 3       /* agreements, funnel charts, capacity and signatures */

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  const GsReportData *d;
  double y; /* cursor */
} Page;

typedef enum
{
  INK,   /* body text */
  MUTED, /* secondary */
  MARKETING,
  SALES,
  SHARED,
} Ink;

/* Text at (x, y), wrapped at width (0: one line), aligned right when
 * right; returns its height. */
static double
text (Page *p, double x, double y, double width, double size, gboolean bold, Ink ink,
      gboolean right, const char *s)
{
  return gs_report_text (p->cr, p->layout, x, y, width, size, bold, (GsReportInk) ink, right, s);
}

static void
heading (Page *p, const char *s, Ink ink)
{
  p->y += 10;
  p->y += text (p, MARGIN, p->y, CONTENT_W, 13, TRUE, ink, FALSE, s) + 4;
}

static void
paragraph (Page *p, const char *label, const char *body)
{
  double h = text (p, MARGIN, p->y, 150, 9.5, TRUE, INK, FALSE, label);
  double h2 = text (p, MARGIN + 158, p->y, CONTENT_W - 158, 9.5, FALSE, INK, FALSE, body);
  p->y += MAX (h, h2) + 6;
}

/* A goal-line cell as printed: the table's heading names the currency, the
 * row's label the unit (gs-explain-figure.h). */
static char *
cell_text (const GsModel *m, const GsCell *cell, GsUnit unit)
{
  return gs_explain_figure (m, unit, cell->amount, cell->value, GS_FIGURE_CELL_AMOUNT);
}

/* Money always in the plan's currency, in whole units: the sheet is read,
 * not re-keyed (the workbook carries the cents). */
static char *
money (const GsModel *m, GsMoney v)
{
  return gs_format_money (v, m->company.digits, m->company.currency, GS_MONEY_FORMAT_WHOLE);
}

static guint
n_goal_pages (const GsResult *r)
{
  return MAX (1, (r->n_quarters + QUARTERS_PER_PAGE - 1) / QUARTERS_PER_PAGE);
}

/* One side's goal lines for quarters q0 … q0 + 3, with the months before the
 * plan apart (on the first block) when the funnel needs volume then. */
static void
goal_table (Page *p, guint q0, GsSide side, const char *title, Ink ink)
{
  const GsModel *m = p->d->model;
  const GsResult *r = p->d->result;
  gboolean before = r->n_pre > 0 && q0 == 0;
  guint q1 = MIN (r->n_quarters, q0 + QUARTERS_PER_PAGE);
  guint n_cols = QUARTERS_PER_PAGE + 1 + (r->n_pre > 0 ? 1 : 0), row = 0;
  double label_w = 150, col_w = (CONTENT_W - label_w) / n_cols, x;

  heading (p, title, ink);
  /* Header. */
  x = MARGIN + label_w;
  if (before)
    {
      text (p, x + col_w - 4, p->y, 0, 8, TRUE, MUTED, TRUE, C_ ("report column", "Before"));
      x += col_w;
    }
  for (guint q = q0; q < q1; q++, x += col_w)
    {
      g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[q]);
      text (p, x + col_w - 4, p->y, 0, 8, TRUE, MUTED, TRUE, quarter);
    }
  text (p, x + col_w - 4, p->y, 0, 8, TRUE, MUTED, TRUE, C_ ("report column", "Plan"));
  p->y += 13;

  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      gboolean whole = line->unit == GS_UNIT_COUNT || line->unit == GS_UNIT_MONEY;
      if (line->side != side)
        continue;
      if (row++ % 2 == 0)
        {
          cairo_set_source_rgb (p->cr, 0.96, 0.96, 0.95);
          cairo_rectangle (p->cr, MARGIN - 4, p->y - 1, CONTENT_W + 8, 14);
          cairo_fill (p->cr);
        }
      {
        g_autofree char *name = gs_explain_line_name (m, line);
        text (p, MARGIN, p->y, label_w - 6, 8.5, FALSE, INK, FALSE, name);
      }
      x = MARGIN + label_w;
      if (before)
        {
          g_autofree char *v = whole && line->before.amount
                                   ? cell_text (m, &line->before, line->unit)
                                   : g_strdup ("");
          text (p, x + col_w - 4, p->y, 0, 8.5, FALSE, MUTED, TRUE, v);
          x += col_w;
        }
      for (guint q = q0; q < q1; q++, x += col_w)
        {
          g_autofree char *v = cell_text (m, &line->quarters[q], line->unit);
          text (p, x + col_w - 4, p->y, 0, 8.5, FALSE, INK, TRUE, v);
        }
      {
        g_autofree char *v = cell_text (m, &line->total, line->unit);
        text (p, x + col_w - 4, p->y, 0, 8.5, TRUE, INK, TRUE, v);
      }
      p->y += 14;
    }
}

static void
headline_box (Page *p, double x, double w, const char *label, const char *value, Ink ink)
{
  cairo_set_source_rgb (p->cr, 0.96, 0.96, 0.95);
  cairo_rectangle (p->cr, x, p->y, w - 8, 44);
  cairo_fill (p->cr);
  text (p, x + 8, p->y + 5, w - 16, 8, FALSE, MUTED, FALSE, label);
  text (p, x + 8, p->y + 18, w - 16, 14, TRUE, ink, FALSE, value);
}

static void
page_goals (Page *p, guint block)
{
  const GsModel *m = p->d->model;
  const GsResult *r = p->d->result;
  /* Translators: the printed sheet's title; %s the company. */
  g_autofree char *title = g_strdup_printf (_ ("%s — goal sheet"), m->company.name);
  g_autofree char *first = gs_explain_month_short (&r->months[r->n_pre]);
  g_autofree char *last = gs_explain_month_short (&r->months[r->n_months - 1]);
  g_autofree char *sub = g_strdup_printf (
      /* Translators: %1$s and %2$s the first and last month ("Feb 27"), %3$u
         the number of months, %4$s the currency code. */
      g_dngettext (GETTEXT_PACKAGE, "Plan %1$s – %2$s · %3$u month · amounts in %4$s",
                   "Plan %1$s – %2$s · %3$u months · amounts in %4$s", r->horizon),
      first, last, r->horizon, m->company.currency);
  g_autofree char *target = money (m, r->target_total);
  g_autofree char *plan = money (m, r->plan_total);
  g_autofree char *gap_money = money (m, r->gap);
  g_autofree char *gap_pct = gs_format_percent_signed (r->gap_fraction);
  /* Translators: %s the gap as a signed percentage of the target. */
  g_autofree char *gap_label = g_strdup_printf (_ ("Gap to target (%s)"), gap_pct);
  double box_w = CONTENT_W / (p->d->sim ? 4 : 3) + 2;
  guint q0 = block * QUARTERS_PER_PAGE;

  if (block > 0)
    {
      /* Later plan years: the same tables for their quarters. */
      g_autofree char *from = gs_explain_quarter_label (&r->quarters[q0]);
      g_autofree char *to = gs_explain_quarter_label (
          &r->quarters[MIN (r->n_quarters, q0 + QUARTERS_PER_PAGE) - 1]);
      g_autofree char *more = NULL;
      /* Translators: %1$s the company, %2$s and %3$s quarters ("FY28 Q1"). */
      more = g_strdup_printf (_ ("%1$s — goals, %2$s to %3$s"), m->company.name, from, to);
      p->y += text (p, MARGIN, p->y, CONTENT_W, 16, TRUE, INK, FALSE, more) + 6;
      goal_table (p, q0, GS_SIDE_MARKETING, _ ("Marketing goals"), MARKETING);
      goal_table (p, q0, GS_SIDE_SHARED, _ ("Shared by both teams"), SHARED);
      goal_table (p, q0, GS_SIDE_SALES, _ ("Sales goals"), SALES);
      return;
    }
  p->y += text (p, MARGIN, p->y, CONTENT_W, 20, TRUE, INK, FALSE, title);
  p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE, sub) + 10;
  headline_box (p, MARGIN, box_w, _ ("Company target"), target, INK);
  headline_box (p, MARGIN + box_w, box_w, _ ("Plan (funnel and capacity)"), plan, SHARED);
  headline_box (p, MARGIN + 2 * box_w, box_w, gap_label, gap_money, INK);
  if (p->d->sim)
    {
      g_autofree char *hit = gs_format_percent (p->d->sim->p_hit);
      headline_box (p, MARGIN + 3 * box_w, box_w, _ ("Chance of reaching it"), hit, SHARED);
    }
  p->y += 50;
  goal_table (p, 0, GS_SIDE_MARKETING, _ ("Marketing goals"), MARKETING);
  goal_table (p, 0, GS_SIDE_SHARED, _ ("Shared by both teams"), SHARED);
  goal_table (p, 0, GS_SIDE_SALES, _ ("Sales goals"), SALES);
}

/* One component of "Paid on: …": its weight and measure, the first
 * accelerator and whether it is capped. */
static char *
component_text (const GsCompComponent *c)
{
  g_autofree char *weight = gs_format_percent (c->weight);
  const char *measure = gs_explain_measure (c->measure);
  if (c->n_tiers > 0)
    {
      g_autofree char *times = gs_format_number_short (c->tiers[0].multiplier, 2);
      g_autofree char *above = gs_format_percent (c->tiers[0].above);
      return g_strdup_printf (c->cap.present
                                  /* Translators: weight, measure, multiplier, attainment. */
                                  ? _ ("%1$s %2$s (×%3$s above %4$s), capped")
                                  /* Translators: weight, measure, multiplier, attainment. */
                                  : _ ("%1$s %2$s (×%3$s above %4$s)"),
                              weight, measure, times, above);
    }
  return g_strdup_printf (c->cap.present
                              /* Translators: a weight and a measure ("70 % Own bookings"). */
                              ? _ ("%1$s %2$s, capped")
                              /* Translators: a weight and a measure ("70 % Own bookings"). */
                              : _ ("%1$s %2$s"),
                          weight, measure);
}

static void
comp_summary (Page *p)
{
  const GsModel *m = p->d->model;
  const GsCompModel *comp = p->d->comp;
  GsCompAtPlan at = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok;

  heading (p, _ ("Compensation plans"), INK);
  if (comp == NULL || comp->n_roles == 0)
    {
      p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE,
                    _ ("This plan has no compensation plans yet."))
              + 6;
      return;
    }
  ok = gs_comp_at_plan (comp, &at, &error);
  for (guint i = 0; i < comp->n_roles; i++)
    {
      const GsCompRole *role = &comp->roles[i];
      g_autofree char *ote = money (m, role->ote);
      g_autofree char *ti = money (m, role->target_incentive);
      g_autoptr (GString) body = g_string_new (NULL);
      g_autofree char *label = g_strdup_printf ("%s × %u", role->name, role->headcount);
      g_autofree char *base_share = gs_format_share (role->base_share);
      g_autofree char *variable_share = gs_format_share (role->pay_mix);
      g_autoptr (GString) parts = g_string_new (NULL);

      /* Translators: OTE, then the pay mix as base/variable shares ("50/50"), then money. */
      g_string_append_printf (body, _ ("OTE %1$s, pay mix %2$s/%3$s, target incentive %4$s."), ote,
                              base_share, variable_share, ti);
      for (guint c = 0; c < role->n_components; c++)
        {
          g_autofree char *part = component_text (&role->components[c]);
          if (c)
            /* Translators: separates the components in "Paid on: …". */
            g_string_append (parts, _ ("; "));
          g_string_append (parts, part);
        }
      if (role->n_components)
        {
          g_string_append_c (body, ' ');
          /* Translators: %s the components, each a weight and a measure. */
          g_string_append_printf (body, _ ("Paid on: %s."), parts->str);
        }
      if (role->cap.present)
        {
          g_autofree char *cap = money (m, role->cap.amount);
          g_string_append_c (body, ' ');
          g_string_append_printf (body, _ ("Year's commission capped at %s."), cap);
        }
      if (ok)
        {
          g_autofree char *years = gs_format_number (at.role_paid_years[i], 2);
          g_autofree char *paid = money (m, at.role_at_plan[i]);
          g_autofree char *quota = money (m, at.role_at_quota[i]);
          g_autofree char *full = money (m, at.role_variable[i]);
          g_string_append_c (body, ' ');
          /* Translators: %1$s person-years paid (hires from their start month, attrition), %2$s
             the variable pay at the attainment the plan implies, %3$s at 100 % of quota for the
             same person-years, %4$s everyone a full year at 100 %. */
          g_string_append_printf (body,
                                  _ ("As staffed (%1$s person-years): %2$s at plan, %3$s at 100 %% "
                                     "of quota (everyone a full year at 100 %%: %4$s)."),
                                  years, paid, quota, full);
        }
      paragraph (p, label, body->str);
    }
  if (!ok)
    {
      /* The plan's figures cannot be paid (the engine says why); the roles stand. */
      p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE, error->message) + 6;
      return;
    }
  {
    g_autofree char *paid = money (m, at.at_plan), *quota = money (m, at.at_quota);
    g_autofree char *full = money (m, at.variable_pay);
    g_autofree char *attainment = gs_format_percent (at.ae_attainment);
    g_autofree char *nb = money (m, at.new_business), *all = money (m, at.bookings);
    g_autofree char *c_nb = gs_format_percent (at.cost_new_business);
    g_autofree char *c_all = gs_format_percent (at.cost_all);
    g_autofree char *c_full = gs_format_percent (at.cost_of_sales);
    g_autofree char *pay = g_strdup_printf (
        /* Translators: %1$s variable pay as staffed at the plan's attainment, %2$s the AEs'
           attainment of their ramped quotas, %3$s at 100 % of quota, %4$s everyone a full year
           at 100 %. */
        _ ("%1$s at the attainment the plan implies (AEs at %2$s of their ramped quotas); %3$s "
           "at 100 %% of quota as staffed; everyone a full year at 100 %%: %4$s."),
        paid, attainment, quota, full);
    g_autofree char *cost = g_strdup_printf (
        /* Translators: cost of sales = variable pay at plan ÷ a base, on both bases: %1$s the
           pay, %2$s the new-business target, %3$s the cost on it, %4$s all bookings (existing
           customers too), %5$s the cost on them, %6$s everyone a full year at 100 % ÷ all
           bookings. */
        _ ("%1$s ÷ new business %2$s = %3$s; ÷ all bookings %4$s = %5$s (everyone a full year "
           "at 100 %%: %6$s)."),
        paid, nb, c_nb, all, c_all, c_full);
    paragraph (p, _ ("Variable pay at plan"), pay);
    paragraph (p, _ ("Cost of sales at plan"), cost);
  }
  gs_comp_at_plan_clear (&at);
}

static void
page_agreements (Page *p)
{
  const GsModel *m = p->d->model;
  const GsResult *r = p->d->result;
  const GsAgreements *a = &m->agreements;
  g_autofree char *score = gs_format_number (a->lead_score_threshold, 0);
  g_autofree char *hours = gs_format_number (a->followup_sla_hours, 0);
  /* Translators: a lead score threshold; %s the score. */
  g_autofree char *threshold = g_strdup_printf (_ ("%s or more"), score);
  g_autofree char *acc = gs_format_percent (a->acceptance_rate);
  g_autofree char *sla = g_strdup_printf (
      /* Translators: the agreed service level: %1$s hours, %2$s a percentage. */
      _ ("Sales follows up every MQL within %1$s hours and accepts or rejects at least %2$s of "
         "them with a reason within that time. Marketing delivers the MQL volumes on this sheet, "
         "month by month."),
      hours, acc);

  heading (p, _ ("Agreed definitions and service level"), INK);
  paragraph (p, _ ("Marketing qualified lead"), a->mql_definition ? a->mql_definition : "—");
  paragraph (p, _ ("Lead score threshold"), threshold);
  paragraph (p, _ ("Sales qualified lead"), a->sql_definition ? a->sql_definition : "—");
  paragraph (p, _ ("Service level"), sla);

  heading (p, _ ("Levers to close the gap"), INK);
  if (r->gap >= 0)
    p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE,
                  _ ("The plan reaches the target; no lever is needed."))
            + 6;
  for (guint i = 0; i < r->n_levers; i++)
    {
      g_autofree char *summary = gs_explain_lever (m, r, &r->levers[i]);
      g_autofree char *line = g_strdup_printf ("• %s", summary);
      p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, INK, FALSE, line) + 3;
    }
  comp_summary (p);
}

static void
chart (Page *p, GsChartKind kind, double height)
{
  GsChartStyle style;
  GsChartData data = { p->d->model, p->d->result, p->d->sim, NULL };
  if (kind == GS_CHART_FAN)
    data.refan = p->d->refan;
  double w = 720, h = w * height / CONTENT_W, s = CONTENT_W / w;

  gs_chart_style_init (&style, FALSE);
  style.background.a = 0;
  cairo_save (p->cr);
  cairo_translate (p->cr, MARGIN, p->y);
  cairo_scale (p->cr, s, s);
  gs_chart_draw (kind, p->cr, w, h, &style, &data, NULL, NULL);
  cairo_restore (p->cr);
  p->y += height + 14;
}

static void
signatures (Page *p)
{
  const GsAgreements *a = &p->d->model->agreements;
  const char *roles[] = { "ceo", "vp_marketing", "vp_sales" };
  double col = CONTENT_W / 3, y = GS_REPORT_A4_HEIGHT - MARGIN - 60;

  text (p, MARGIN, y - 22, CONTENT_W, 9.5, FALSE, MUTED, FALSE,
        _ ("We agree to these goals, definitions and service levels."));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      double x = MARGIN + i * col;
      g_autofree char *signed_by = NULL;
      gboolean changed = FALSE;
      for (guint s = 0; s < a->n_signoffs; s++)
        if (g_strcmp0 (a->signoffs[s].role, roles[i]) == 0 && a->signoffs[s].signed_off)
          {
            changed = a->signoffs[s].changed;
            char date[16];
            g_date_strftime (date, sizeof date, "%Y-%m-%d", &a->signoffs[s].date);
            /* Translators: %1$s a name, %2$s the date. */
            signed_by = g_strdup_printf (_ ("Signed off in Goalsheet by %1$s, %2$s"),
                                         a->signoffs[s].name, date);
          }
      gs_report_set_ink (p->cr, GS_REPORT_INK);
      cairo_set_line_width (p->cr, 0.75);
      cairo_move_to (p->cr, x, y + 24);
      cairo_line_to (p->cr, x + col - 20, y + 24);
      cairo_stroke (p->cr);
      text (p, x, y + 28, col - 20, 10, TRUE, INK, FALSE, gs_explain_signoff_role (roles[i]));
      text (p, x, y + 42, col - 20, 8, FALSE, MUTED, FALSE,
            signed_by ? signed_by : _ ("Name and date"));
      /* The plan printed is not the plan signed: say so under the signature. */
      if (changed)
        text (p, x, y + 54, col - 20, 8, TRUE, INK, FALSE,
              _ ("Changed since signed: the plan above is not the one signed"));
    }
}

/* What the pay plans cost over the simulated years (gs-comp-risk.h), when
 * the plan has pay plans and a simulation ran. */
static void
payout_risk (Page *p)
{
  const GsCompModel *comp = p->d->comp;
  const GsSimResult *sim = p->d->sim;
  GsCompYearSpread spread;
  GsCompAtPlan at;
  GsCompRisk risk;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  if (comp == NULL || comp->n_roles == 0 || sim == NULL || sim->year_counts == NULL)
    return;
  spread = (GsCompYearSpread){ sim->year_counts, sim->year_bins, sim->year_hi };
  p->y
      += text (p, MARGIN, p->y, CONTENT_W, 11, TRUE, INK, FALSE, _ ("Pay over the simulated years"))
         + 3;
  if (!gs_comp_at_plan (comp, &at, &error))
    {
      p->y += text (p, MARGIN, p->y, CONTENT_W, 8.5, FALSE, MUTED, FALSE, error->message) + 3;
      return;
    }
  if (!gs_comp_risk (comp, &spread, &risk, &error))
    {
      gs_comp_at_plan_clear (&at);
      p->y += text (p, MARGIN, p->y, CONTENT_W, 8.5, FALSE, MUTED, FALSE, error->message) + 3;
      return;
    }
  lines = gs_explain_payout_risk (comp, &risk, at.at_plan);
  for (guint i = 0; lines[i]; i++)
    p->y += text (p, MARGIN, p->y, CONTENT_W, 8.5, FALSE, INK, FALSE, lines[i]) + 1;
  gs_comp_risk_clear (&risk);
  gs_comp_at_plan_clear (&at);
}

/* The pay pages (after the agreements): each role's plan from its first
 * row, flowing over as many pages as its rows need — a role with many
 * components, tiers and gates runs longer than a page.  A page takes rows
 * while they end above PAY_ROWS_END, which leaves room under them for the
 * cost at plan and the finance signature on a role's last page. */
#define PAY_ROWS_END (GS_REPORT_A4_HEIGHT - MARGIN - 66 - 90)

typedef struct
{
  guint role;
  guint first, end; /* rows [first, end) of gs_explain_pay_plan's */
  guint part;       /* 0 on the role's first page */
  gboolean last;    /* the role's last page: the cost at plan and the signature */
} PayPage;

/* A pay-plan row's height as paragraph() sets it (with the space before a
 * heading row). */
static double
row_height (Page *p, const GsPayPlanRow *row)
{
  double h = text (p, MARGIN, 0, 150, 9.5, TRUE, INK, FALSE, row->label);
  double h2 = text (p, MARGIN + 158, 0, CONTENT_W - 158, 9.5, FALSE, INK, FALSE, row->text);
  return MAX (h, h2) + 6 + (row->heading ? 4 : 0);
}

static double
heading_height (Page *p, const char *s)
{
  return 10 + text (p, MARGIN, 0, CONTENT_W, 13, TRUE, INK, FALSE, s) + 4;
}

/* Laid out on a scratch surface with the pages' own fonts; every page
 * draws its rows from this list, so the count and the pages agree. */
static GArray *
pay_pages (const GsReportData *data)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (PayPage));
  cairo_surface_t *surface;
  Page p = { NULL, NULL, data, MARGIN };

  if (data->comp == NULL || data->comp->n_roles == 0)
    return pages;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  p.cr = cairo_create (surface);
  p.layout = pango_cairo_create_layout (p.cr);
  for (guint r = 0; r < data->comp->n_roles; r++)
    {
      const GsCompRole *role = &data->comp->roles[r];
      g_autoptr (GPtrArray) rows = gs_explain_pay_plan (data->model, data->comp, role);
      g_autofree char *title = g_strdup_printf (_ ("Pay plan: %s"), role->name);
      PayPage page = { r, 0, 0, 0, FALSE };
      double y = MARGIN + heading_height (&p, title);
      for (guint i = 0; i < rows->len; i++)
        {
          double h = row_height (&p, g_ptr_array_index (rows, i));
          /* A page holds one row at least, however tall. */
          if (i > page.first && y + h > PAY_ROWS_END)
            {
              page.end = i;
              g_array_append_val (pages, page);
              page.first = i;
              page.part++;
              y = MARGIN + heading_height (&p, title);
            }
          y += h;
        }
      page.end = rows->len;
      page.last = TRUE;
      g_array_append_val (pages, page);
    }
  g_object_unref (p.layout);
  cairo_destroy (p.cr);
  cairo_surface_destroy (surface);
  return pages;
}

static guint
n_pay_pages (const GsReportData *data)
{
  g_autoptr (GArray) pages = pay_pages (data);
  return pages->len;
}

/* Finance approves what payroll will pay: a line under each pay plan. */
static void
finance_signature (Page *p)
{
  double y = GS_REPORT_A4_HEIGHT - MARGIN - 50, w = CONTENT_W / 2 - 20;

  text (p, MARGIN, y - 16, CONTENT_W, 9.5, FALSE, MUTED, FALSE,
        _ ("Approved for payroll: this pay plan, its quotas and its cost at plan."));
  gs_report_set_ink (p->cr, GS_REPORT_INK);
  cairo_set_line_width (p->cr, 0.75);
  cairo_move_to (p->cr, MARGIN, y + 24);
  cairo_line_to (p->cr, MARGIN + w, y + 24);
  cairo_move_to (p->cr, MARGIN + w + 40, y + 24);
  cairo_line_to (p->cr, MARGIN + CONTENT_W, y + 24);
  cairo_stroke (p->cr);
  text (p, MARGIN, y + 28, w, 10, TRUE, INK, FALSE, C_ ("role", "Finance"));
  text (p, MARGIN, y + 42, w, 8, FALSE, MUTED, FALSE, _ ("Name and date"));
  text (p, MARGIN + w + 40, y + 28, w, 10, TRUE, INK, FALSE, C_ ("role", "Employee"));
  text (p, MARGIN + w + 40, y + 42, w, 8, FALSE, MUTED, FALSE,
        _ ("Received and understood: name and date"));
}

static void
page_pay_plan (Page *p, guint page)
{
  const GsModel *m = p->d->model;
  const GsCompModel *comp = p->d->comp;
  g_autoptr (GArray) pages = pay_pages (p->d);
  const PayPage *pp = &g_array_index (pages, PayPage, page);
  guint index = pp->role;
  const GsCompRole *role = &comp->roles[index];
  g_autoptr (GPtrArray) rows = gs_explain_pay_plan (m, comp, role);
  g_autofree char *title = g_strdup_printf (_ ("Pay plan: %s"), role->name);
  GsCompAtPlan at = { 0 };
  g_autoptr (GError) error = NULL;

  if (pp->part > 0)
    {
      g_free (title);
      /* Translators: a pay plan's further page: %s the role. */
      title = g_strdup_printf (_ ("Pay plan: %s (continued)"), role->name);
    }
  heading (p, title, INK);
  for (guint i = pp->first; i < pp->end; i++)
    {
      const GsPayPlanRow *row = g_ptr_array_index (rows, i);
      if (row->heading)
        p->y += 4;
      paragraph (p, row->label, row->text);
    }
  p->y += 4;
  if (!pp->last)
    {
      text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE,
            _ ("Continued on the next page."));
      return;
    }
  if (!gs_comp_at_plan (comp, &at, &error))
    {
      p->y += text (p, MARGIN, p->y, CONTENT_W, 9.5, FALSE, MUTED, FALSE, error->message) + 6;
      finance_signature (p);
      return;
    }
  {
    g_autofree char *years = gs_format_number (at.role_paid_years[index], 2);
    g_autofree char *paid = money (m, at.role_at_plan[index]);
    g_autofree char *quota = money (m, at.role_at_quota[index]);
    g_autofree char *full = money (m, at.role_variable[index]);
    g_autofree char *base = money (m, role->base);
    g_autofree char *nb = money (m, at.new_business);
    g_autofree char *c_nb = gs_format_percent (at.role_cost_new_business[index]);
    g_autofree char *pay = g_strdup_printf (
        /* Translators: %1$s person-years, %2$s variable pay at the plan's attainment, %3$s at
           100 % of quota, %4$s everyone a full year at 100 %. */
        _ ("As staffed (%1$s person-years): %2$s at the attainment the plan implies; %3$s at "
           "100 %% of quota; everyone a full year at 100 %%: %4$s."),
        years, paid, quota, full);
    g_autofree char *cost = g_strdup_printf (
        /* Translators: %1$s the role's variable pay at plan, %2$s the new-business target,
           %3$s the share; %4$s base salary per person. */
        _ ("%1$s ÷ new business %2$s = %3$s of new business, on top of base salaries of %4$s "
           "per person."),
        paid, nb, c_nb, base);
    paragraph (p, _ ("Variable pay at plan"), pay);
    paragraph (p, _ ("Cost of sales at plan"), cost);
  }
  gs_comp_at_plan_clear (&at);
  finance_signature (p);
}

static void
footer (Page *p, guint page)
{
  const GsReportData *d = p->d;
  /* Translators: the printed sheet's footer: %1$s the company, %2$u the
     page, %3$u the number of pages. */
  g_autofree char *right
      = g_strdup_printf (_ ("%1$s · goal sheet · page %2$u of %3$u"), d->model->company.name,
                         page + 1, gs_report_n_pages (d));
  gs_report_footer (p->cr, p->layout, d->model, d->printed,
                    d->scenario != NULL ? d->scenario : _ ("the plan, no scenario"), right);
}

guint
gs_report_n_pages (const GsReportData *data)
{
  return n_goal_pages (data->result) + OTHER_PAGES + n_pay_pages (data);
}

void
gs_report_draw_page (cairo_t *cr, double width, double height, guint page, const GsReportData *data)
{
  Page p = { cr, NULL, data, MARGIN };
  guint n_goals = n_goal_pages (data->result), n_pay = n_pay_pages (data);
  double s = MIN (width / GS_REPORT_A4_WIDTH, height / GS_REPORT_A4_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, s, s);
  p.layout = pango_cairo_create_layout (cr);
  if (page < n_goals)
    page_goals (&p, page);
  else if (page == n_goals)
    page_agreements (&p);
  else if (page - n_goals - 1 < n_pay)
    page_pay_plan (&p, page - n_goals - 1);
  else if (page - n_goals - 1 - n_pay == 0)
    {
      heading (&p, _ ("The funnel"), INK);
      chart (&p, GS_CHART_FUNNEL, 250);
      chart (&p, GS_CHART_WATERFALL, 250);
      chart (&p, GS_CHART_CONTRIBUTION, 180);
    }
  else if (page - n_goals - 1 - n_pay == 1)
    {
      heading (&p, _ ("Capacity and the chance of the target"), INK);
      chart (&p, GS_CHART_CAPACITY, 220);
      if (data->sim || data->refan)
        chart (&p, GS_CHART_FAN, 220);
      payout_risk (&p);
      signatures (&p);
    }
  footer (&p, page);
  g_object_unref (p.layout);
  cairo_restore (cr);
}

/* Atomic (gs-report-page.h): a kill or a full disk leaves the previous
 * report as it was. */
gboolean
gs_report_write_pdf (const GsReportData *data, const char *filename, GError **error)
{
  g_autoptr (GsAtomicFile) file = gs_atomic_file_begin (filename, GS_ATOMIC_NONE, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *title = NULL;

  if (file == NULL)
    return FALSE;
  /* Translators: the PDF's title; %s the company. */
  title = g_strdup_printf (_ ("%s — goal sheet"), data->model->company.name);
  surface = gs_report_pdf_begin (file, title);
  cr = cairo_create (surface);
  for (guint page = 0; page < gs_report_n_pages (data); page++)
    {
      gs_report_draw_page (cr, GS_REPORT_A4_WIDTH, GS_REPORT_A4_HEIGHT, page, data);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return gs_report_pdf_finish (surface, file, filename, error);
}
