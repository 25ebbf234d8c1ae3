/* gs-export-inputs.c — the Inputs sheet: every assumption, named, styled and validated.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-export-sheets.h"
#include "gs-explain.h"
#include "gs-result.h"

#include <math.h>
#include <string.h>

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
input_money (GsExportCtx *c, GsXTable *t, const char *label, const char *name, const char *path,
             GsMoney v, gboolean positive, const char *live)
{
  GsXCell *cell = input_row (t, label, name, c->book->currency, path, live);
  cell->kind = GS_XCELL_MONEY;
  cell->amount = v;
  cell->value = gs_money_to_major (v, c->digits);
  /* "Positive amounts": more than zero (one minor unit) where the engine
   * refuses zero. */
  validate (cell, 1, positive ? gs_money_to_major (1, c->digits) : 0, 1e13);
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

/* The sign-off roles the plan format names, by their titles. */
static const char *
signoff_title (const char *role)
{
  static const char *const titles[][2]
      = { { "vp_marketing", "VP Marketing" }, { "vp_sales", "VP Sales" }, { "ceo", "CEO" } };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (role, titles[i][0]) == 0)
      return titles[i][1];
  return role;
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

/* The acceptance rate is the default quota of a pay plan on MQL follow-up
 * within the SLA (a formula on the Compensation sheet); nothing else in the
 * workbook reads it. */
static gboolean
pays_on_sla (const GsModel *m)
{
  for (guint r = 0; m->comp && r < m->comp->n_roles; r++)
    {
      const GsCompRole *role = &m->comp->roles[r];
      if (role->gate.present && role->gate.measure == GS_MEASURE_MQL_FOLLOWUP_SLA)
        return TRUE;
      for (guint i = 0; i < role->n_components; i++)
        if (role->components[i].measure == GS_MEASURE_MQL_FOLLOWUP_SLA
            || (role->components[i].gate.present
                && role->components[i].gate.measure == GS_MEASURE_MQL_FOLLOWUP_SLA))
          return TRUE;
    }
  return FALSE;
}

void
gs_export_build_inputs (GsExportCtx *c)
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
  if (co->after_plan_growth_set)
    input_percent (t, "Growth after the plan (continuation)", "AfterPlanGrowth",
                   "company.target.after_plan_growth", co->after_plan_growth, -1, 100, LIVE);
  input_money (c, t, "Existing-customer bookings per year", "ExistingBookings",
               "company.existing_customer_bookings", co->existing_bookings, FALSE, LIVE);
  for (guint i = 0; i < 12; i++)
    {
      GsMonth when = gs_model_month (m, (int) i);
      g_autofree char *month = gs_explain_month_short (&when);
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
            g_autofree char *name = gs_export_rate_name (c, j, k);
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
  input_percent (t, "Backlog lost per month it waits", "AE_BacklogDecay",
                 "capacity.ae.backlog_decay", m->ae.backlog_decay, 0, 1, LIVE);
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
                 "agreements.acceptance_rate", m->agreements.acceptance_rate, 0, 1,
                 pays_on_sla (m) ? LIVE : NOT_LIVE);
  info_row (t, "MQL definition", m->agreements.mql_definition);
  info_row (t, "SQL definition", m->agreements.sql_definition);
  for (guint s = 0; s < m->agreements.n_signoffs; s++)
    {
      const GsSignoff *so = &m->agreements.signoffs[s];
      g_autofree char *label = g_strdup_printf ("Sign-off: %s", signoff_title (so->role));
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

  /* Planned volumes: one row per plan month, one column per source that
   * plans its volume (rows keep the Inputs columns readable). */
  {
    guint first, col = 1;
    g_autofree guint *cols = g_new0 (guint, m->n_sources);
    for (guint j = 0; j < m->n_sources; j++)
      cols[j] = m->sources[j].planned ? col++ : 0;
    if (col == 1)
      return;
    section_row (t, "Planned volume by month (forward funnel)");
    row = gs_xrow_add (t);
    gs_xput_text (row, 0, "Month", GS_XSTYLE_HEADER);
    for (guint j = 0; j < m->n_sources; j++)
      if (cols[j])
        gs_xput_text (row, cols[j], m->sources[j].name, GS_XSTYLE_HEADER);
    first = t->rows->len;
    for (guint mo = 0; mo < co->horizon; mo++)
      {
        GsMonth when = gs_model_month (m, (int) mo);
        g_autofree char *month = gs_explain_month_short (&when);
        row = gs_xrow_add (t);
        gs_xput_text (row, 0, month, GS_XSTYLE_LABEL);
        for (guint j = 0; j < m->n_sources; j++)
          if (cols[j])
            {
              GsXCell *cell = gs_xput_number (row, cols[j], m->sources[j].planned[mo], 0, NULL);
              cell->input = TRUE;
              validate (cell, 1, 0, 1e12);
            }
      }
    for (guint j = 0; j < m->n_sources; j++)
      if (cols[j])
        {
          g_ptr_array_add (c->book->names, g_strdup_printf ("Src%u_Planned", j + 1));
          g_ptr_array_add (c->book->names, gs_xrange_sheet ("Inputs", first, cols[j],
                                                            first + co->horizon - 1, cols[j]));
        }
  }
}

/* When a split had to be written as values, the inputs behind it no longer
 * recalculate the workbook: say so on the Inputs sheet. */
void
gs_export_mark_targets_not_live (GsExportBook *book)
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
