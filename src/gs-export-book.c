/* gs-export-book.c — lays the plan out as tables of engine numbers and the
 * Excel formulas that reproduce them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulas mirror the engine's derivations (docs/export.md):
 *  - counts: the engine's cumulative ceiling, C(m) − C(m−1) with
 *    C(m) = MAX(0, ROUNDUP(running total − 1E-9, 0)), the same 1e-9 tolerance
 *    as gs_count_ceil;
 *  - money: ROUND(…, currency digits), half away from zero like gs_money_round;
 *  - largest-remainder splits (targets by month and by source) cannot be a
 *    faithful formula: they are values with a note.
 * Month placement (stage lags, hire months) is layout, fixed at export.
 */
#include "gs-export-private.h"
#include "gs-compute-private.h"
#include "gs-scenario.h"

#include <math.h>
#include <string.h>

#define LIVE "yes"
#define NOT_LIVE "no: change it in Goalsheet and export again"
typedef struct
{
  const GsModel *m;
  const GsResult *r;
  GsExportBook *book;
  guint digits;
  guint *off;
  guint won;
  guint *q_first, *q_last; /* plan months of each fiscal quarter */

  /* Funnel sheet layout */
  guint f_col0;
  guint *f_row;        /* [j * n_stages + k] needed row, or G_MAXUINT */
  guint *f_target_row; /* [j] */
  guint *f_all_row;    /* [k] */
  guint *f_proj_row;   /* [j] */
  guint f_bookings_row;

  /* Capacity sheet layout: plan month mo is column c_col0 + mo */
  guint c_col0;
  GsTargetsLayout targets;
  gboolean targets_live;

  guint c_hired, c_staff, c_ramped, c_cap, c_sdrs, c_sdr_cap, c_sqls, c_nb, c_existing, c_target,
      c_proj, c_plan, c_gap;
} Ctx;

/* ---- references ------------------------------------------------------- */

/* ROUND(expr, digits): the engine's one money rounding. */
static char *
round_money (Ctx *c, char *expr)
{
  char *f = g_strdup_printf ("ROUND(%s,%u)", expr, c->digits);
  g_free (expr);
  return f;
}

/* C(running) of the engine's cumulative ceiling. */
static char *
ceil_count (const char *running)
{
  return g_strdup_printf ("MAX(0,ROUNDUP(%s-1E-9,0))", running);
}

static char *
rate_name (Ctx *c, guint j, guint k)
{
  if (c->m->sources[j].rate_is_own[k])
    return g_strdup_printf ("Src%u_Rate_S%u", j + 1, k + 1);
  return g_strdup_printf ("Rate_S%u", k + 1);
}

/* ---- Inputs ----------------------------------------------------------- */

static GsXCell *
input_row (GsXTable *t, const char *label, const char *name, const char *unit, const char *path,
           const char *live)
{
  GsXRow *row = gs_xrow_add (t);
  GsXCell *cell;
  gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
  cell = gs_xput (row, 1);
  gs_xput_text (row, 2, unit, GS_XSTYLE_PLAIN);
  gs_xput_text (row, 3, name, GS_XSTYLE_PLAIN);
  gs_xput_text (row, 4, path, GS_XSTYLE_PLAIN);
  gs_xput_text (row, 5, live, GS_XSTYLE_PLAIN);
  cell = &g_array_index (row->cells, GsXCell, 1);
  cell->input = TRUE;
  cell->name = g_strdup (name);
  return cell;
}

static void
validate (GsXCell *cell, guint8 kind, double lo, double hi)
{
  cell->validate = kind;
  cell->vmin = lo;
  cell->vmax = hi;
}

static GsXCell *
input_money (Ctx *c, GsXTable *t, const char *label, const char *name, const char *path, GsMoney v,
             gboolean positive, const char *live)
{
  GsXCell *cell = input_row (t, label, name, c->book->currency, path, live);
  cell->kind = GS_XCELL_MONEY;
  cell->amount = v;
  cell->value = (double) v / pow (10, c->digits);
  /* "Positive amounts": more than zero where the engine refuses zero. */
  validate (cell, 1, positive ? pow (10, -(double) c->digits) : 0, 1e13);
  return cell;
}

static GsXCell *
input_percent (GsXTable *t, const char *label, const char *name, const char *path, double v,
               double lo, double hi, const char *live)
{
  GsXCell *cell = input_row (t, label, name, "%", path, live);
  cell->kind = GS_XCELL_PERCENT;
  cell->value = v;
  validate (cell, 1, lo, hi);
  return cell;
}

static GsXCell *
input_number (GsXTable *t, const char *label, const char *name, const char *unit, const char *path,
              double v, gboolean whole, double lo, double hi, const char *live)
{
  GsXCell *cell = input_row (t, label, name, unit, path, live);
  cell->kind = whole ? GS_XCELL_COUNT : GS_XCELL_NUMBER;
  cell->value = v;
  cell->amount = (gint64) v;
  cell->decimals = whole ? 0 : 2;
  validate (cell, whole ? 2 : 1, lo, hi);
  return cell;
}

static void
info_row (GsXTable *t, const char *label, const char *text)
{
  GsXRow *row = gs_xrow_add (t);
  gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
  gs_xput_text (row, 1, text, GS_XSTYLE_PLAIN);
}

static void
section_row (GsXTable *t, const char *text)
{
  gs_xrow_add (t);
  gs_xput_text (gs_xrow_add (t), 0, text, GS_XSTYLE_SECTION);
}

static void
hires_rows (GsXTable *t, const char *who, const char *path, const GsHire *hires, guint n,
            guint horizon)
{
  for (guint h = 0; h < n; h++)
    {
      g_autofree char *lm = g_strdup_printf ("%s hire %u: plan month (1 = first)", who, h + 1);
      g_autofree char *nm = g_strdup_printf ("%s_Hire%u_Month", who, h + 1);
      g_autofree char *pm = g_strdup_printf ("%s.hires[%u].month", path, h);
      g_autofree char *lc = g_strdup_printf ("%s hire %u: people hired", who, h + 1);
      g_autofree char *nc = g_strdup_printf ("%s_Hire%u_Count", who, h + 1);
      g_autofree char *pc = g_strdup_printf ("%s.hires[%u].count", path, h);
      input_number (t, lm, nm, "month", pm, hires[h].month + 1, TRUE, 1, horizon, LIVE);
      input_number (t, lc, nc, "people", pc, hires[h].count, TRUE, 1, 100000, LIVE);
    }
}

static void
build_inputs (Ctx *c)
{
  const GsModel *m = c->m;
  const GsCompany *co = &m->company;
  GsXTable *t = gs_xtable_new (c->book, "Inputs", "inputs");
  GsXRow *row;
  guint ramp_row;
  static const char *const owner_names[] = { "marketing", "sales", "partner" };

  gs_xput_text (gs_xrow_add (t), 0, co->name, GS_XSTYLE_TITLE);
  gs_xput_text (gs_xrow_add (t), 0,
                "Plan inputs. Blue cells are the assumptions; each has a workbook name that the "
                "other sheets' formulas use. Inputs marked “yes” recalculate the whole workbook.",
                GS_XSTYLE_PLAIN);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Input", GS_XSTYLE_HEADER);
  gs_xput_text (row, 1, "Value", GS_XSTYLE_HEADER);
  gs_xput_text (row, 2, "Unit", GS_XSTYLE_HEADER);
  gs_xput_text (row, 3, "Name", GS_XSTYLE_HEADER);
  gs_xput_text (row, 4, "Plan field", GS_XSTYLE_HEADER);
  gs_xput_text (row, 5, "Recalculates", GS_XSTYLE_HEADER);
  t->freeze_rows = 3;
  t->widths[0] = 44;
  t->widths[1] = 18;
  t->widths[2] = 8;
  t->widths[3] = 22;
  t->widths[4] = 34;
  t->widths[5] = 40;
  t->protect = TRUE;

  section_row (t, "Company target");
  info_row (t, "Currency", co->currency);
  {
    g_autofree char *start = g_strdup_printf ("%04u-%02u", co->start_year, co->start_month);
    info_row (t, "Plan starts", start);
  }
  input_number (t, "Plan months", "Horizon", "months", "company.horizon_months", co->horizon, TRUE,
                1, GS_MAX_HORIZON, NOT_LIVE);
  input_money (c, t, "Prior-year bookings", "PriorBookings", "company.prior_year_bookings",
               co->prior_bookings, FALSE, LIVE);
  if (co->target_mode == GS_TARGET_GROWTH)
    input_percent (t, "Growth over prior year", "Growth", "company.target.growth", co->growth,
                   -0.99, 100, LIVE);
  else
    input_money (c, t, "Target per plan year", "TargetAmount", "company.target.amount",
                 co->target_amount, TRUE, LIVE);
  input_money (c, t, "Existing-customer bookings per year", "ExistingBookings",
               "company.existing_customer_bookings", co->existing_bookings, FALSE, LIVE);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *month = gs_model_month_short (m, (int) i);
      g_autofree char *label
          = g_strdup_printf ("Seasonality weight, fiscal month %u (%s)", i + 1, month);
      g_autofree char *name = g_strdup_printf ("Season_M%02u", i + 1);
      g_autofree char *path = g_strdup_printf ("company.seasonality[%u]", i);
      input_number (t, label, name, "weight", path, co->seasonality[i], FALSE, 0, 1000, LIVE);
    }

  section_row (t, "Funnel");
  input_money (c, t, "Average deal size", "DealSize", "funnel.deal_size", m->deal_size, TRUE, LIVE);
  for (guint k = 0; k + 1 < m->n_stages; k++)
    {
      g_autofree char *label
          = g_strdup_printf ("%s → %s conversion", m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *name = g_strdup_printf ("Rate_S%u", k + 1);
      g_autofree char *path = g_strdup_printf ("funnel.steps[%u].rate", k);
      g_autofree char *llabel
          = g_strdup_printf ("%s → %s lag", m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *lname = g_strdup_printf ("Lag_S%u", k + 1);
      g_autofree char *lpath = g_strdup_printf ("funnel.steps[%u].lag_days", k);
      GsXCell *lag;
      input_percent (t, label, name, path, m->steps[k].rate, 0, 1, LIVE);
      lag = input_number (t, llabel, lname, "days", lpath, m->steps[k].lag_days, FALSE, 0, 730,
                          NOT_LIVE);
      lag->note = g_strdup ("The lags decide in which month each stage's volume is needed; "
                            "that placement is the workbook's layout. The sales cycle on the "
                            "goal sheets recalculates from it.");
    }
  info_row (t, "Hand-off stage (marketing → sales)", m->stages[m->handoff].name);

  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      g_autofree char *head = g_strdup_printf ("Source %u", j + 1);
      g_autofree char *share = g_strdup_printf ("Src%u_Share", j + 1);
      g_autofree char *share_path = g_strdup_printf ("sources[%u].share", j);
      g_autofree char *cpl = g_strdup_printf ("Src%u_CostPerLead", j + 1);
      g_autofree char *cpl_path = g_strdup_printf ("sources[%u].cost_per_lead", j);
      g_autofree char *cpl_label
          = g_strdup_printf ("Cost per %s", m->stages[src->entry_stage].name);
      gs_xrow_add (t);
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, head, GS_XSTYLE_SECTION);
      gs_xput_text (row, 1, src->name, GS_XSTYLE_SECTION);
      gs_xput_text (row, 2, owner_names[src->owner], GS_XSTYLE_PLAIN);
      input_percent (t, "Share of new-business target", share, share_path, src->share, 0, 1, LIVE);
      input_money (c, t, cpl_label, cpl, cpl_path, src->cost_per_lead, FALSE, LIVE);
      info_row (t, "Volume enters at", m->stages[src->entry_stage].name);
      for (guint k = src->entry_stage; k + 1 < m->n_stages; k++)
        if (src->rate_is_own[k])
          {
            g_autofree char *label = g_strdup_printf ("%s → %s conversion (this source)",
                                                      m->stages[k].name, m->stages[k + 1].name);
            g_autofree char *name = rate_name (c, j, k);
            g_autofree char *path = g_strdup_printf ("sources[%u].rates.%s", j, m->stages[k].id);
            input_percent (t, label, name, path, src->rates[k], 0, 1, LIVE);
          }
    }

  section_row (t, "Account executives");
  input_number (t, "AEs on staff at the start", "AE_StartHeadcount", "people",
                "capacity.ae.start_headcount", m->ae.start_headcount, TRUE, 0, 100000, LIVE);
  input_money (c, t, "Annual quota of a ramped AE", "AE_Quota", "capacity.ae.quota", m->ae.quota,
               TRUE, LIVE);
  input_percent (t, "Expected attainment of quota", "AE_Attainment", "capacity.ae.attainment",
                 m->ae.attainment, 0, 2, LIVE);
  input_percent (t, "Monthly attrition", "AE_Attrition", "capacity.ae.monthly_attrition",
                 m->ae.attrition, 0, 0.999, LIVE);
  ramp_row = t->rows->len;
  for (guint i = 0; i < m->ae.n_ramp; i++)
    {
      g_autofree char *label = g_strdup_printf ("Productivity in month %u after hire", i + 1);
      g_autofree char *name = g_strdup_printf ("AE_Ramp_M%u", i + 1);
      g_autofree char *path = g_strdup_printf ("capacity.ae.ramp[%u]", i);
      input_percent (t, label, name, path, m->ae.ramp[i], 0, 1, LIVE);
    }
  if (m->ae.n_ramp)
    {
      g_ptr_array_add (c->book->names, g_strdup ("AE_Ramp"));
      g_ptr_array_add (c->book->names,
                       gs_xrange_sheet ("Inputs", ramp_row, 1, ramp_row + m->ae.n_ramp - 1, 1));
    }
  hires_rows (t, "AE", "capacity.ae", m->ae.hires, m->ae.n_hires, co->horizon);

  section_row (t, "Sales development reps");
  input_number (t, "SDRs on staff at the start", "SDR_StartHeadcount", "people",
                "capacity.sdr.start_headcount", m->sdr.start_headcount, TRUE, 0, 100000, LIVE);
  input_number (t, "Meetings (SQLs) per SDR a month", "SDR_SqlsPerMonth", "meetings",
                "capacity.sdr.sqls_per_month", m->sdr.sqls_per_month, FALSE, 0, 100000, LIVE);
  input_number (t, "Months before a new SDR is productive", "SDR_RampMonths", "months",
                "capacity.sdr.ramp_months", m->sdr.ramp_months, TRUE, 0, 120, LIVE);
  hires_rows (t, "SDR", "capacity.sdr", m->sdr.hires, m->sdr.n_hires, co->horizon);

  section_row (t, "Agreements between marketing and sales");
  input_number (t, "Lead score threshold", "LeadScoreThreshold", "points",
                "agreements.lead_score_threshold", m->agreements.lead_score_threshold, FALSE, 0,
                1e6, NOT_LIVE);
  input_number (t, "Follow-up SLA", "FollowupSlaHours", "hours", "agreements.followup_sla_hours",
                m->agreements.followup_sla_hours, FALSE, 0, 1e4, NOT_LIVE);
  input_percent (t, "MQLs accepted or rejected within the SLA", "AcceptanceRate",
                 "agreements.acceptance_rate", m->agreements.acceptance_rate, 0, 1, NOT_LIVE);
  info_row (t, "MQL definition", m->agreements.mql_definition);
  info_row (t, "SQL definition", m->agreements.sql_definition);
  for (guint s = 0; s < m->agreements.n_signoffs; s++)
    {
      const GsSignoff *so = &m->agreements.signoffs[s];
      g_autofree char *label = g_strdup_printf ("Sign-off: %s", so->role);
      g_autofree char *text = NULL;
      if (so->signed_off && g_date_valid (&so->date))
        text = g_strdup_printf ("%s, %04u-%02u-%02u", so->name, g_date_get_year (&so->date),
                                g_date_get_month (&so->date), g_date_get_day (&so->date));
      else
        text = g_strdup ("not signed");
      row = gs_xrow_add (t);
      gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
      gs_xput_text (row, 1, text, GS_XSTYLE_PLAIN);
    }

  /* Planned volumes: one row per source, one column per plan month. */
  {
    gboolean any = FALSE;
    for (guint j = 0; j < m->n_sources; j++)
      any |= m->sources[j].planned != NULL;
    if (!any)
      return;
    section_row (t, "Planned volume by month (forward funnel)");
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Source", GS_XSTYLE_HEADER);
    for (guint mo = 0; mo < co->horizon; mo++)
      {
        g_autofree char *month = gs_model_month_short (m, (int) mo);
        gs_xput_text (row, 1 + mo, month, GS_XSTYLE_HEADER);
      }
    for (guint j = 0; j < m->n_sources; j++)
      {
        const GsSource *src = &m->sources[j];
        if (src->planned == NULL)
          continue;
        row = gs_xrow_add (t);
        gs_xput_text (row, 0, src->name, GS_XSTYLE_LABEL);
        for (guint mo = 0; mo < co->horizon; mo++)
          {
            GsXCell *cell = gs_xput_number (row, 1 + mo, src->planned[mo], 0, NULL);
            cell->input = TRUE;
            validate (cell, 1, 0, 1e12);
          }
        {
          g_autofree char *name = g_strdup_printf ("Src%u_Planned", j + 1);
          g_autofree char *range
              = gs_xrange_sheet ("Inputs", gs_xrow_index (t), 1, gs_xrow_index (t), co->horizon);
          g_ptr_array_add (c->book->names, g_strdup (name));
          g_ptr_array_add (c->book->names, g_strdup (range));
        }
      }
  }
}

/* When a split had to be written as values, the inputs behind it no longer
 * recalculate the workbook: say so on the Inputs sheet. */
static void
mark_targets_not_live (GsExportBook *book)
{
  static const char *const prefixes[]
      = { "PriorBookings", "Growth", "TargetAmount", "ExistingBookings", "Season_", "Src" };
  GsXTable *inputs = g_ptr_array_index (book->tables, 0);
  for (guint i = 0; i < inputs->rows->len; i++)
    {
      GsXRow *row = g_ptr_array_index (inputs->rows, i);
      GsXCell *name;
      if (row->cells->len < 6)
        continue;
      name = &g_array_index (row->cells, GsXCell, 3);
      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        if (name->text && g_str_has_prefix (name->text, prefixes[p])
            && (p < 5 || g_str_has_suffix (name->text, "_Share")))
          gs_xput_text (row, 5, NOT_LIVE, GS_XSTYLE_PLAIN);
    }
}

/* ---- Funnel ----------------------------------------------------------- */

static char *
planned_ref (Ctx *c, guint j, guint i)
{
  const GsSource *src = &c->m->sources[j];
  if (src->planned)
    return g_strdup_printf ("INDEX(Src%u_Planned,1,%u)", j + 1,
                            (i < c->r->n_pre ? 0 : i - c->r->n_pre) + 1);
  return gs_xref (c->f_row[j * c->m->n_stages + src->entry_stage], c->f_col0 + i, FALSE);
}

static void
build_funnel (Ctx *c)
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  GsXTable *t = gs_xtable_new (c->book, "Funnel", "funnel");
  guint col0 = c->f_col0 = 2;
  guint c_plan = col0 + r->n_months, c_before = c_plan + 1, c_all = c_plan + 2;
  guint row_first_all;
  GsXRow *row;

  gs_xput_text (gs_xrow_add (t), 0, "Reverse funnel: volume needed by month and source",
                GS_XSTYLE_TITLE);
  gs_xput_text (
      gs_xrow_add (t), 0,
      "Each count sits in the month it is needed: the stage lags move it earlier than the "
      "wins it feeds. Counts are whole, rounded up on the running total.",
      GS_XSTYLE_PLAIN);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Source", GS_XSTYLE_HEADER);
  gs_xput_text (row, 1, "Stage", GS_XSTYLE_HEADER);
  for (guint i = 0; i < r->n_months; i++)
    gs_xput_text (row, col0 + i, r->month_labels[i], GS_XSTYLE_HEADER);
  gs_xput_text (row, c_plan, "Plan months", GS_XSTYLE_HEADER);
  gs_xput_text (row, c_before, "Before the plan", GS_XSTYLE_HEADER);
  gs_xput_text (row, c_all, "All", GS_XSTYLE_HEADER);
  t->freeze_rows = 3;
  t->freeze_cols = 2;
  t->widths[0] = 22;
  t->widths[1] = 30;
  for (guint i = 0; i < r->n_months + 3 && col0 + i < G_N_ELEMENTS (t->widths); i++)
    t->widths[col0 + i] = 15;

  c->f_row = g_new (guint, (gsize) m->n_sources * m->n_stages);
  for (guint x = 0; x < m->n_sources * m->n_stages; x++)
    c->f_row[x] = G_MAXUINT;
  c->f_target_row = g_new0 (guint, m->n_sources);
  c->f_all_row = g_new0 (guint, m->n_stages);
  c->f_proj_row = g_new0 (guint, m->n_sources);

  /* Rows are written top to bottom, but a stage's formula refers to the
   * stage after it, so the row numbers are fixed first. */
  {
    guint next = t->rows->len;
    for (guint j = 0; j < m->n_sources; j++)
      {
        next++; /* blank */
        c->f_target_row[j] = next++;
        for (guint k = m->sources[j].entry_stage; k < m->n_stages; k++)
          c->f_row[j * m->n_stages + k] = next++;
      }
  }

  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      g_autofree char *share = gs_format_rate (src->share);
      g_autofree char *label = g_strdup_printf ("New-business target (%s share)", share);
      GsMoney sum = 0;

      gs_xrow_add (t);
      row = gs_xrow_add (t);
      g_assert (gs_xrow_index (t) == c->f_target_row[j]);
      gs_xput_text (row, 0, src->name, GS_XSTYLE_SECTION);
      gs_xput_text (row, 1, label, GS_XSTYLE_LABEL);
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          GsMoney v = r->source_target[(gsize) j * r->horizon + mo];
          gs_xput_money (c->digits, row, col0 + r->n_pre + mo, v,
                         gs_xref_sheet ("Targets", c->targets.src_row[j], c->targets.col0 + mo));
          sum += v;
        }
      gs_xput_money (
          c->digits, row, c_plan, sum,
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));

      for (guint k = src->entry_stage; k < m->n_stages; k++)
        {
          guint rr, cb;
          g_autofree char *x = NULL;
          gint64 plan = 0, before = 0;

          row = gs_xrow_add (t);
          gs_xput_text (row, 0, src->name, GS_XSTYLE_PLAIN);
          gs_xput_text (row, 1, m->stages[k].name, GS_XSTYLE_LABEL);
          if (k == c->won)
            {
              rr = c->f_target_row[j];
              cb = col0 + r->n_pre;
              x = g_strdup ("DealSize");
            }
          else
            {
              rr = c->f_row[j * m->n_stages + k + 1];
              cb = col0 + r->n_pre - c->off[k + 1];
              x = rate_name (c, j, k);
            }
          for (guint i = 0; i < r->n_months; i++)
            {
              int mo = (int) i - (int) r->n_pre + (int) c->off[k];
              gint64 n = gs_result_needed (r, j, k, i);
              char *f = NULL;
              if (mo >= 0 && mo < (int) r->horizon)
                {
                  g_autofree char *first = gs_xref (rr, cb, TRUE);
                  g_autofree char *cur = gs_xref (rr, cb + mo, FALSE);
                  g_autofree char *now_sum = g_strdup_printf ("SUM(%s:%s)/%s", first, cur, x);
                  g_autofree char *now = ceil_count (now_sum);
                  if (mo == 0)
                    f = g_strdup (now);
                  else
                    {
                      g_autofree char *prev = gs_xref (rr, cb + mo - 1, FALSE);
                      g_autofree char *prev_sum = g_strdup_printf ("SUM(%s:%s)/%s", first, prev, x);
                      g_autofree char *before_c = ceil_count (prev_sum);
                      f = g_strdup_printf ("%s-%s", now, before_c);
                    }
                }
              gs_xput_count (row, col0 + i, n, f);
              if (i < r->n_pre)
                before += n;
              else
                plan += n;
            }
          gs_xput_count (row, c_plan, plan,
                         gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t),
                                  col0 + r->n_months - 1));
          gs_xput_count (
              row, c_before, before,
              r->n_pre ? gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->n_pre - 1)
                       : NULL);
          gs_xput_count (row, c_all, plan + before, gs_xplus (gs_xrow_index (t), c_plan, c_before));
        }
    }

  /* All sources, stage by stage: the funnel chart's data. */
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "All sources", GS_XSTYLE_SECTION);
  row_first_all = t->rows->len;
  for (guint k = 0; k < m->n_stages; k++)
    {
      gint64 plan = 0, before = 0;
      row = gs_xrow_add (t);
      c->f_all_row[k] = gs_xrow_index (t);
      gs_xput_text (row, 0, "All sources", GS_XSTYLE_PLAIN);
      gs_xput_text (row, 1, m->stages[k].name, GS_XSTYLE_LABEL);
      for (guint i = 0; i < r->n_months; i++)
        {
          GString *f = g_string_new (NULL);
          gint64 n = gs_result_needed_total (r, k, i);
          for (guint j = 0; j < m->n_sources; j++)
            if (c->f_row[j * m->n_stages + k] != G_MAXUINT)
              {
                g_autofree char *a = gs_xref (c->f_row[j * m->n_stages + k], col0 + i, FALSE);
                g_string_append_printf (f, "%s%s", f->len ? "+" : "", a);
              }
          gs_xput_count (row, col0 + i, n, g_string_free (f, f->len == 0));
          if (i < r->n_pre)
            before += n;
          else
            plan += n;
        }
      gs_xput_count (
          row, c_plan, plan,
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));
      gs_xput_count (row, c_before, before,
                     r->n_pre
                         ? gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->n_pre - 1)
                         : NULL);
      gs_xput_count (row, c_all, plan + before, gs_xplus (gs_xrow_index (t), c_plan, c_before));
    }
  {
    GsXChart *chart = g_new0 (GsXChart, 1);
    chart->kind = GS_XCHART_BAR;
    chart->title = g_strdup ("Volume needed by stage (all sources)");
    chart->categories
        = gs_xrange_sheet (t->name, row_first_all, 1, row_first_all + m->n_stages - 1, 1);
    chart->values = g_ptr_array_new_with_free_func (g_free);
    chart->names = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (chart->values, gs_xrange_sheet (t->name, row_first_all, c_all,
                                                     row_first_all + m->n_stages - 1, c_all));
    g_ptr_array_add (chart->names, gs_xrange_sheet (t->name, 2, c_all, 2, c_all));
    chart->at_row = 0; /* placed below the table by the writer */
    chart->at_col = 1;
    g_ptr_array_add (t->charts, chart);
  }

  /* Forward funnel: planned volume × the rates, in the month of the win. */
  gs_xrow_add (t);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0,
                "Forward funnel: wins expected from the planned volume, by month of the win",
                GS_XSTYLE_SECTION);
  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      guint e = src->entry_stage;
      double sum = 0;
      row = gs_xrow_add (t);
      c->f_proj_row[j] = gs_xrow_index (t);
      gs_xput_text (row, 0, src->name, GS_XSTYLE_PLAIN);
      gs_xput_text (
          row, 1, src->planned ? "Expected wins (planned volume)" : "Expected wins (volume needed)",
          GS_XSTYLE_LABEL);
      for (guint mo = 0; mo < r->horizon; mo++)
        {
          guint i = r->n_pre + mo - c->off[e];
          GString *f = g_string_new (NULL);
          double w = gs_result_projected (r, j, c->won, r->n_pre + mo);
          g_autofree char *v = planned_ref (c, j, i);
          g_string_append (f, v);
          for (guint k = e; k < c->won; k++)
            {
              g_autofree char *rn = rate_name (c, j, k);
              g_string_append_printf (f, "*%s", rn);
            }
          gs_xput_number (row, col0 + r->n_pre + mo, w, 2, g_string_free (f, FALSE));
          sum += w;
        }
      gs_xput_number (
          row, c_plan, sum, 2,
          gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t), col0 + r->n_months - 1));
    }
  row = gs_xrow_add (t);
  c->f_bookings_row = gs_xrow_index (t);
  gs_xput_text (row, 0, "All sources", GS_XSTYLE_TOTAL);
  gs_xput_text (row, 1, "Projected bookings", GS_XSTYLE_TOTAL);
  {
    GsMoney sum = 0;
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        GString *f = g_string_new ("(");
        for (guint j = 0; j < m->n_sources; j++)
          {
            g_autofree char *a = gs_xref (c->f_proj_row[j], col0 + r->n_pre + mo, FALSE);
            g_string_append_printf (f, "%s%s", j ? "+" : "", a);
          }
        g_string_append (f, ")*DealSize");
        gs_xput_money (c->digits, row, col0 + r->n_pre + mo, r->projected_bookings[mo],
                       round_money (c, g_string_free (f, FALSE)));
        sum += r->projected_bookings[mo];
      }
    gs_xput_money (c->digits, row, c_plan, sum,
                   round_money (c, gs_xsum (gs_xrow_index (t), col0 + r->n_pre, gs_xrow_index (t),
                                            col0 + r->n_months - 1)));
  }
  ((GsXChart *) g_ptr_array_index (t->charts, 0))->at_row = t->rows->len + 1;
}

/* ---- Capacity --------------------------------------------------------- */

static void
build_capacity (Ctx *c)
{
  const GsModel *m = c->m;
  const GsResult *r = c->r;
  const GsAeCapacity *ae = &m->ae;
  GsXTable *t = gs_xtable_new (c->book, "Capacity", "capacity");
  guint col0 = c->c_col0 = 1, c_total = col0 + r->horizon;
  GsXRow *row;

  gs_xput_text (gs_xrow_add (t), 0, "Capacity and the plan by month", GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "", GS_XSTYLE_HEADER);
  for (guint mo = 0; mo < r->horizon; mo++)
    gs_xput_text (row, col0 + mo, r->month_labels[r->n_pre + mo], GS_XSTYLE_HEADER);
  gs_xput_text (row, c_total, "Plan", GS_XSTYLE_HEADER);
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 46;
  for (guint i = 0; i <= r->horizon && col0 + i < G_N_ELEMENTS (t->widths); i++)
    t->widths[col0 + i] = 15;

#define CAP_ROW(field, label, style)                                                               \
  row = gs_xrow_add (t);                                                                           \
  c->field = gs_xrow_index (t);                                                                    \
  gs_xput_text (row, 0, label, style)
#define put_money_total(row, col, v, f) gs_xput_money (c->digits, row, col, v, round_money (c, f))
#define SUM_TOTAL(put_fn, value)                                                                   \
  put_fn (row, c_total, value,                                                                     \
          gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->horizon - 1))

  /* A hire counts from its month on (AE_HireN_Month is 1-based, the column
   * 0-based); d = months since hire picks its ramp step. */
  CAP_ROW (c_hired, "AEs hired to date (start + hires)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new ("AE_StartHeadcount");
      for (guint h = 0; h < ae->n_hires; h++)
        g_string_append_printf (f, "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count,0)", h + 1, mo,
                                h + 1);
      gs_xput_count (row, col0 + mo, r->ae_hired[mo], g_string_free (f, FALSE));
    }

  CAP_ROW (c_staff, "AEs on staff (expected, after attrition)", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new (NULL);
      g_string_append_printf (f, "AE_StartHeadcount*(1-AE_Attrition)^%u", mo);
      for (guint h = 0; h < ae->n_hires; h++)
        g_string_append_printf (f,
                                "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count*(1-AE_Attrition)^(%u-AE_"
                                "Hire%u_Month+1),0)",
                                h + 1, mo, h + 1, mo, h + 1);
      gs_xput_number (row, col0 + mo, r->ae_headcount[mo], 2, g_string_free (f, FALSE));
    }

  CAP_ROW (c_ramped, "Fully-ramped AE equivalents", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new (NULL);
      g_string_append_printf (f, "AE_StartHeadcount*(1-AE_Attrition)^%u", mo);
      for (guint h = 0; h < ae->n_hires; h++)
        {
          g_autofree char *d = g_strdup_printf ("(%u-AE_Hire%u_Month+1)", mo, h + 1);
          g_autofree char *ramp
              = ae->n_ramp ? g_strdup_printf ("*IF(%s<%u,INDEX(AE_Ramp,%s+1),1)", d, ae->n_ramp, d)
                           : g_strdup ("");
          g_string_append_printf (
              f, "+IF(AE_Hire%u_Month-1<=%u,AE_Hire%u_Count*(1-AE_Attrition)^%s%s,0)", h + 1, mo,
              h + 1, d, ramp);
        }
      gs_xput_number (row, col0 + mo, r->ae_ramped[mo], 2, g_string_free (f, FALSE));
    }

  CAP_ROW (c_cap, "AE capacity (ramped AEs × quota ÷ 12 × attainment)", GS_XSTYLE_LABEL);
  {
    GsMoney sum = 0;
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a = gs_xref (c->c_ramped, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->ae_capacity[mo],
                       round_money (c, g_strdup_printf ("%s*(AE_Quota/12)*AE_Attainment", a)));
        sum += r->ae_capacity[mo];
      }
    SUM_TOTAL (put_money_total, sum);
  }

  CAP_ROW (c_sdrs, "Productive SDRs", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < r->horizon; mo++)
    {
      GString *f = g_string_new ("SDR_StartHeadcount");
      double sdrs = m->sdr.start_headcount;
      for (guint h = 0; h < m->sdr.n_hires; h++)
        {
          g_string_append_printf (
              f, "+IF(SDR_Hire%u_Month-1+SDR_RampMonths<=%u,SDR_Hire%u_Count,0)", h + 1, mo, h + 1);
          if (m->sdr.hires[h].month + m->sdr.ramp_months <= mo)
            sdrs += m->sdr.hires[h].count;
        }
      /* The engine keeps only the product; productive SDRs are its factor. */
      gs_xput_number (row, col0 + mo, sdrs, 0, g_string_free (f, FALSE));
    }

  CAP_ROW (c_sdr_cap, "SDR capacity (meetings a month)", GS_XSTYLE_LABEL);
  {
    double sum = 0;
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a = gs_xref (c->c_sdrs, col0 + mo, FALSE);
        gs_xput_number (row, col0 + mo, r->sdr_capacity[mo], 0,
                        g_strdup_printf ("%s*SDR_SqlsPerMonth", a));
        sum += r->sdr_capacity[mo];
      }
    gs_xput_number (row, c_total, sum, 0,
                    gs_xsum (gs_xrow_index (t), col0, gs_xrow_index (t), col0 + r->horizon - 1));
  }

  {
    g_autofree char *plural = gs_stage_plural (m->stages[m->handoff + 1].name);
    g_autofree char *label = g_strdup_printf ("%s needed (all sources)", plural);
    gint64 sum = 0;
    CAP_ROW (c_sqls, label, GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a
            = gs_xref_sheet ("Funnel", c->f_all_row[m->handoff + 1], c->f_col0 + r->n_pre + mo);
        gs_xput_count (row, col0 + mo, r->sqls_needed[mo], g_strdup (a));
        sum += r->sqls_needed[mo];
      }
    SUM_TOTAL (gs_xput_count, sum);
  }

  gs_xrow_add (t);
  {
    GsMoney snb = 0, sex = 0, stg = 0, spr = 0, spl = 0;
    CAP_ROW (c_nb, "New-business target", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        gs_xput_money (c->digits, row, col0 + mo, r->new_business_month[mo],
                       gs_xref_sheet ("Targets", c->targets.nb_row, c->targets.col0 + mo));
        snb += r->new_business_month[mo];
      }
    SUM_TOTAL (put_money_total, snb);
    CAP_ROW (c_existing, "Existing-customer bookings", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        GsMoney ex = r->target_month[mo] - r->new_business_month[mo];
        gs_xput_money (c->digits, row, col0 + mo, ex,
                       gs_xref_sheet ("Targets", c->targets.ex_row, c->targets.col0 + mo));
        sex += ex;
      }
    SUM_TOTAL (put_money_total, sex);
    CAP_ROW (c_target, "Bookings target", GS_XSTYLE_TOTAL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *a = gs_xref (c->c_nb, col0 + mo, FALSE);
        g_autofree char *b = gs_xref (c->c_existing, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->target_month[mo],
                       round_money (c, g_strdup_printf ("%s+%s", a, b)));
        stg += r->target_month[mo];
      }
    SUM_TOTAL (put_money_total, stg);
    CAP_ROW (c_proj, "Projected bookings (forward funnel)", GS_XSTYLE_LABEL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        gs_xput_money (c->digits, row, col0 + mo, r->projected_bookings[mo],
                       gs_xref_sheet ("Funnel", c->f_bookings_row, c->f_col0 + r->n_pre + mo));
        spr += r->projected_bookings[mo];
      }
    SUM_TOTAL (put_money_total, spr);
    CAP_ROW (c_plan, "Plan: existing + the smaller of funnel and capacity", GS_XSTYLE_TOTAL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *ex = gs_xref (c->c_existing, col0 + mo, FALSE);
        g_autofree char *pr = gs_xref (c->c_proj, col0 + mo, FALSE);
        g_autofree char *ca = gs_xref (c->c_cap, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->plan_month[mo],
                       round_money (c, g_strdup_printf ("%s+MIN(%s,%s)", ex, pr, ca)));
        spl += r->plan_month[mo];
      }
    SUM_TOTAL (put_money_total, spl);
    CAP_ROW (c_gap, "Gap to target (plan − target)", GS_XSTYLE_TOTAL);
    for (guint mo = 0; mo < r->horizon; mo++)
      {
        g_autofree char *pl = gs_xref (c->c_plan, col0 + mo, FALSE);
        g_autofree char *tg = gs_xref (c->c_target, col0 + mo, FALSE);
        gs_xput_money (c->digits, row, col0 + mo, r->plan_month[mo] - r->target_month[mo],
                       round_money (c, g_strdup_printf ("%s-%s", pl, tg)));
      }
    SUM_TOTAL (put_money_total, r->gap);
  }
#undef CAP_ROW
#undef SUM_TOTAL
#undef put_money_total

  {
    GsXChart *chart = g_new0 (GsXChart, 1);
    guint rows[] = { c->c_target, c->c_plan, c->c_cap, c->c_proj };
    chart->kind = GS_XCHART_LINE;
    chart->title = g_strdup ("Target, plan, capacity and funnel by month");
    chart->categories = gs_xrange_sheet (t->name, 1, col0, 1, col0 + r->horizon - 1);
    chart->values = g_ptr_array_new_with_free_func (g_free);
    chart->names = g_ptr_array_new_with_free_func (g_free);
    for (guint s = 0; s < G_N_ELEMENTS (rows); s++)
      {
        g_ptr_array_add (chart->values,
                         gs_xrange_sheet (t->name, rows[s], col0, rows[s], col0 + r->horizon - 1));
        g_ptr_array_add (chart->names, gs_xrange_sheet (t->name, rows[s], 0, rows[s], 0));
      }
    chart->at_row = t->rows->len + 1;
    chart->at_col = 0;
    g_ptr_array_add (t->charts, chart);
  }
}

/* ---- Marketing and Sales goals ---------------------------------------- */

typedef enum
{
  LINE_SUM,      /* quarters and totals are sums of months */
  LINE_COST,     /* budget ÷ hand-off volume */
  LINE_CYCLE,    /* the same in every cell */
  LINE_AVERAGE,  /* quarters are averages */
  LINE_QUOTA,    /* monthly quota × months */
  LINE_COVERAGE, /* capacity ÷ new-business target */
} LineKind;

typedef struct
{
  guint col_month0, col_q0, col_total, col_before;
  GHashTable *rows; /* line id → row + 1 */
} GoalLayout;

static char *
sum_sources (Ctx *c, guint k, gboolean marketing_only, guint i)
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
lags_sum (Ctx *c)
{
  GString *f = g_string_new (NULL);
  for (guint k = 0; k + 1 < c->m->n_stages; k++)
    g_string_append_printf (f, "%sLag_S%u", k ? "+" : "", k + 1);
  return g_string_free (f, FALSE);
}

/* The formula of a line in month column i, or NULL for a value. */
static char *
month_formula (Ctx *c, const GsGoalLine *line, guint i, const GoalLayout *g, guint row,
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
      return n ? round_money (c, g_strdup_printf ("(%s)*DealSize", n)) : NULL;
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
      return round_money (c, g_string_free (f, FALSE));
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
      return pre ? NULL : g_strdup_printf ("ROUND(AE_Quota/12,%u)", c->digits);
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
put_line_cell (Ctx *c, GsXRow *row, guint col, const GsGoalLine *line, const GsCell *v, char *f)
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
    case GS_UNIT_NUMBER:
    default:
      return gs_xput_number (row, col, v->value, 2, f);
    }
}

static void
goal_line_row (Ctx *c, GsXTable *t, GoalLayout *g, const GsGoalLine *line)
{
  const GsResult *r = c->r;
  GsXRow *row = gs_xrow_add (t);
  guint ri = gs_xrow_index (t);
  LineKind kind = LINE_SUM;
  gboolean is_money = line->unit == GS_UNIT_MONEY;
  gboolean any_formula = FALSE;

  g_hash_table_insert (g->rows, line->id, GUINT_TO_POINTER (ri + 1));
  gs_xput_text (row, 0, line->label, GS_XSTYLE_LABEL);
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
      guint n_months = b - a + 1;
      const GsCell *v = total ? &line->total : &line->quarters[q];
      char *f = NULL;
      g_autofree char *range = gs_xrange (ri, a, ri, b);

      switch (kind)
        {
        case LINE_SUM:
          f = g_strdup_printf ("SUM(%s)", range);
          if (is_money)
            f = round_money (c, f);
          break;
        case LINE_AVERAGE:
          f = g_strdup_printf ("AVERAGE(%s)", range);
          break;
        case LINE_CYCLE:
          f = lags_sum (c);
          break;
        case LINE_QUOTA:
          f = g_strdup_printf ("ROUND(AE_Quota/12*%u,%u)", n_months, c->digits);
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
          f = round_money (c, f);
      }
    put_line_cell (c, row, g->col_before, line, &line->before, f);
  }
}

static void
build_goals (Ctx *c, const char *name, const char *csv_name, GsSide side, const char *side_title)
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
  g.rows = g_hash_table_new (g_str_hash, g_str_equal);

  gs_xput_text (gs_xrow_add (t), 0, title, GS_XSTYLE_TITLE);
  row = gs_xrow_add (t);
  gs_xput_text (row, 0, "Goal", GS_XSTYLE_HEADER);
  for (guint i = 0; i < r->n_months; i++)
    gs_xput_text (row, g.col_month0 + i, r->month_labels[i], GS_XSTYLE_HEADER);
  for (guint q = 0; q < r->n_quarters; q++)
    gs_xput_text (row, g.col_q0 + q, r->quarter_labels[q], GS_XSTYLE_HEADER);
  gs_xput_text (row, g.col_total, "Plan", GS_XSTYLE_HEADER);
  gs_xput_text (row, g.col_before, "Before the plan", GS_XSTYLE_HEADER);
  t->freeze_rows = 2;
  t->freeze_cols = 1;
  t->widths[0] = 40;
  for (guint i = 1; i <= r->n_months + r->n_quarters + 2 && i < G_N_ELEMENTS (t->widths); i++)
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
  g_hash_table_unref (g.rows);
}

/* ---- Scenarios -------------------------------------------------------- */

static gboolean
build_scenarios (Ctx *c, GsPlan *plan, GError **error)
{
  g_autoptr (GPtrArray) scenarios = gs_scenarios_read (gs_plan_get_root (plan), error);
  g_autoptr (GsComparison) cmp = NULL;
  GsXTable *t;
  GsXRow *row;
  GsXCell *head;

  if (scenarios == NULL)
    return FALSE;
  if (scenarios->len == 0)
    return TRUE;
  cmp = gs_comparison_new (gs_plan_get_root (plan), NULL, error);
  if (cmp == NULL)
    return FALSE;

  t = gs_xtable_new (c->book, "Scenarios", "scenarios");
  gs_xput_text (gs_xrow_add (t), 0,
                "Scenarios compared: the plan's headline figures and every goal "
                "over the plan",
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
              gs_xput_money (c->digits, row, 1 + s, (GsMoney) llround (v), NULL);
              break;
            case GS_UNIT_COUNT:
              gs_xput_count (row, 1 + s, (gint64) llround (v), NULL);
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

GsExportBook *
gs_export_book_new (GsPlan *plan, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsResult *r = gs_plan_get_result (plan, error);
  g_autoptr (GsExportBook) book = NULL;
  g_autofree guint *off = NULL;
  g_autofree guint *q_first = NULL;
  g_autofree guint *q_last = NULL;
  Ctx c = { 0 };
  GsXTable *capacity;
  gboolean ok;

  if (r == NULL)
    return NULL;
  book = g_new0 (GsExportBook, 1);
  off = g_new0 (guint, m->n_stages);
  q_first = g_new0 (guint, r->n_quarters);
  q_last = g_new0 (guint, r->n_quarters);
  book->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_xtable_free);
  book->names = g_ptr_array_new_with_free_func (g_free);
  book->company = g_strdup (m->company.name);
  book->currency = g_strdup (m->company.currency);
  book->digits = m->company.digits;
  book->title
      = g_strdup_printf ("%s — goals and plan from %s", m->company.name, r->month_labels[r->n_pre]);

  gs_funnel_offsets (m, off);
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
  c.off = off;
  c.won = m->n_stages - 1;
  c.q_first = q_first;
  c.q_last = q_last;

  build_inputs (&c);
  c.targets.src_row = g_new0 (guint, m->n_sources);
  c.targets_live = gs_export_build_targets (book, m, r, &c.targets);
  if (!c.targets_live)
    mark_targets_not_live (book);
  build_funnel (&c);
  build_capacity (&c);
  /* Capacity is built before the goal sheets that refer to it, and shown after them. */
  capacity = g_ptr_array_steal_index (book->tables, book->tables->len - 1);
  build_goals (&c, "Marketing goals", "marketing-goals", GS_SIDE_MARKETING, "Marketing");
  build_goals (&c, "Sales goals", "sales-goals", GS_SIDE_SALES, "Sales");
  g_ptr_array_add (book->tables, capacity);

  ok = gs_export_book_add_comp (book, m, &c.targets, error) && build_scenarios (&c, plan, error)
       && gs_export_book_add_people (book, m, error);

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
  g_free (book->currency);
  g_clear_pointer (&book->tables, g_ptr_array_unref);
  g_clear_pointer (&book->names, g_ptr_array_unref);
  g_free (book);
}
