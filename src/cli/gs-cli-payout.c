/* gs-cli-payout.c — goalsheet-cli payout: what a comp plan pays, with the
 * calculation trace, or its payout curve.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-cli.h"
#include "gs-comp-payout.h"
#include "gs-error.h"
#include "gs-explain-comp.h"
#include "gs-format.h"
#include "gs-json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static JsonNode *
money_node (const GsCompModel *comp, GsMoney v)
{
  g_autofree char *s = gs_money_to_plain (v, comp->digits);
  return json_node_init_string (json_node_alloc (), s);
}

/* The at-plan figures as staffed: money members, then numbers. */
static void
staffed_members (JsonBuilder *b, const GsCompModel *comp, const char *const *names,
                 const GsMoney *money, guint n_money, const double *numbers, guint n_numbers)
{
  for (guint i = 0; i < n_money + n_numbers; i++)
    {
      json_builder_set_member_name (b, names[i]);
      if (i < n_money)
        json_builder_add_value (b, money_node (comp, money[i]));
      else
        json_builder_add_double_value (b, numbers[i - n_money]);
    }
}

/* Money measures as amounts ("600000.01"), counts and shares as numbers. */
static JsonNode *
quantity_node (const GsCompModel *comp, GsMeasure measure, double value)
{
  if (gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY)
    return money_node (comp, gs_money_round (value));
  return json_node_init_double (json_node_alloc (), value);
}

/* The text is a calculation trace: its operands are amounts alone
 * (docs/i18n.md, "A figure in its unit"), so one line first names the
 * plan's currency for all of them. */
static void
print_currency (const GsCompModel *comp)
{
  /* Translators: %s the plan's currency code (USD). */
  g_print (_ ("Amounts in %s.\n\n"), comp->currency);
}

static char *
fmt (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, NULL, GS_MONEY_FORMAT_FULL);
}

static char *
percent (double f)
{
  return gs_format_percent (f);
}

static void
print_role_head (const GsModel *m, const GsCompModel *comp, const GsCompRole *role)
{
  guint measure_width = 26;
  g_autofree char *ote = fmt (comp, role->ote), *base = fmt (comp, role->base);
  g_autofree char *ti = fmt (comp, role->target_incentive), *mix = percent (role->pay_mix);
  /* Translators: the role's name, id and kind id, its headcount, and where the
   * headcount comes from. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s (%s, %s): %u person (%s)\n",
                        "%s (%s, %s): %u people (%s)\n", role->headcount),
           role->name, role->id, gs_role_kind_id (role->kind), role->headcount,
           gs_explain_headcount_from (role));
  /* Translators: on-target earnings = base salary + target incentive. */
  g_print (_ ("OTE %s = base %s + target incentive %s (pay mix %s)\n"), ote, base, ti, mix);
  /* The measure column is as wide as the longest name (German ones run long). */
  for (guint i = 0; i < role->n_components; i++)
    measure_width
        = MAX (measure_width,
               (guint) g_utf8_strlen (gs_explain_measure (role->components[i].measure), -1));
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *c = &role->components[i];
      g_autofree char *w = percent (c->weight), *t = fmt (comp, c->target_incentive);
      g_autofree char *q = NULL;
      if (gs_measure_unit (c->measure) == GS_MEASURE_UNIT_MONEY)
        q = fmt (comp, (GsMoney) c->quota);
      else if (gs_measure_unit (c->measure) == GS_MEASURE_UNIT_SHARE)
        q = percent (c->quota);
      else
        q = gs_format_number_short (c->quota, 2);
      static const char *const tables[]
          = { N_ ("flat table"), N_ ("marginal table"), N_ ("band table") };
      gboolean shared = gs_comp_measure_is_shared (comp, c->measure);
      g_autofree char *from = gs_explain_quota_source (m, c);
      /* Translators: the component's target incentive, its quota, where the
       * quota comes from, and its kind of rate table. */
      g_autofree char *rest = g_strdup_printf (_ ("target %s  quota %s (%s); %s"), t, q, from,
                                               _ (tables[c->table.kind]));
      GString *line = g_string_new ("  ");
      gs_cli_pad (line, c->id, 22, FALSE);
      g_string_append_c (line, ' ');
      gs_cli_pad (line, gs_explain_measure (c->measure), measure_width, FALSE);
      g_string_append_c (line, ' ');
      gs_cli_pad (line, w, 6, TRUE);
      g_print ("%s  %s%s\n", line->str, rest, shared ? _ ("; SHARED with the other side") : "");
      g_string_free (line, TRUE);
    }
}

/* One line of the payout curve's table. */
static void
curve_row (const char *attainment, const char *earned, const char *of_target)
{
  g_autoptr (GString) line = g_string_new (NULL);
  gs_cli_pad (line, attainment, 12, FALSE);
  g_string_append_c (line, ' ');
  gs_cli_pad (line, earned, 16, TRUE);
  g_string_append_c (line, ' ');
  gs_cli_pad (line, of_target, 10, TRUE);
  g_print ("%s\n", line->str);
}

static JsonNode *
payout_json (const GsCompModel *comp, const GsCompPayout *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "person");
  json_builder_add_string_value (b, p->person);
  json_builder_set_member_name (b, "components");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->n_components; i++)
    {
      const GsCompComponentPayout *c = &p->components[i];
      guint n = gs_period_count (c->component->period);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, c->component->id);
      json_builder_set_member_name (b, "measure");
      json_builder_add_string_value (b, gs_measure_id (c->component->measure));
      json_builder_set_member_name (b, "actual");
      json_builder_add_value (b, quantity_node (comp, c->component->measure, c->actual));
      json_builder_set_member_name (b, "quota");
      json_builder_add_value (b, quantity_node (comp, c->component->measure, c->quota));
      json_builder_set_member_name (b, "attainment");
      json_builder_add_double_value (b, c->attainment);
      json_builder_set_member_name (b, "target_incentive");
      json_builder_add_value (b, money_node (comp, c->target_incentive));
      json_builder_set_member_name (b, "earned");
      json_builder_add_value (b, money_node (comp, c->earned));
      json_builder_set_member_name (b, "periods");
      json_builder_begin_array (b);
      for (guint k = 0; k < n; k++)
        json_builder_add_value (b, money_node (comp, c->periods[k]));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
#define MONEY(name, field)                                                                         \
  json_builder_set_member_name (b, name);                                                          \
  json_builder_add_value (b, money_node (comp, p->field))
  MONEY ("components_total", components_total);
  MONEY ("gate_cut", gate_cut);
  MONEY ("cap_cut", cap_cut);
  MONEY ("earned", earned);
  MONEY ("clawback", clawback);
  MONEY ("spifs", spifs);
  MONEY ("draw_topup", draw_topup);
  MONEY ("draw_recovered", draw_recovered);
  MONEY ("draw_balance", draw_balance);
  MONEY ("total", total);
#undef MONEY
  json_builder_set_member_name (b, "trace");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->trace->len; i++)
    {
      const GsTraceLine *l = g_ptr_array_index (p->trace, i);
      json_builder_begin_object (b);
      g_autofree char *text = gs_explain_comp_line (comp, l);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
      json_builder_set_member_name (b, "depth");
      json_builder_add_int_value (b, l->depth);
      if (l->counts)
        {
          json_builder_set_member_name (b, "amount");
          json_builder_add_value (b, money_node (comp, l->amount));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_json (JsonNode *root)
{
  g_autofree char *text = gs_json_to_text (root);
  fputs (text, stdout);
}

static void
print_payout (const GsCompModel *comp, const GsCompRolePayout *rp)
{
  for (guint i = 0; i < rp->n_people; i++)
    {
      const GsCompPayout *p = rp->people[i];
      g_print ("\n%s:\n", p->person);
      for (guint k = 0; k < p->trace->len; k++)
        {
          const GsTraceLine *l = g_ptr_array_index (p->trace, k);
          g_autofree char *text = gs_explain_comp_line (comp, l);
          g_print ("  %*s%s\n", (int) l->depth * 2, "", text);
        }
    }
  {
    g_autofree char *t = fmt (comp, rp->total);
    if (rp->multiplier != 1)
      {
        g_autofree char *one = fmt (comp, rp->people[0]->total);
        /* Translators: the headcount × one person's payout = the role's. */
        g_print (_ ("\nRole total: %u × %s = %s\n"), rp->multiplier, one, t);
      }
    else
      g_print (_ ("\nRole total: %s\n"), t);
  }
}

static JsonNode *
role_json (const GsCompModel *comp, const GsCompRolePayout *rp, const char *mode, double value)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, rp->role->id);
  json_builder_set_member_name (b, mode);
  json_builder_add_double_value (b, value);
  json_builder_set_member_name (b, "headcount");
  json_builder_add_int_value (b, rp->role->headcount);
  json_builder_set_member_name (b, "multiplier");
  json_builder_add_int_value (b, rp->multiplier);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; i < rp->n_people; i++)
    json_builder_add_value (b, payout_json (comp, rp->people[i]));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_value (b, money_node (comp, rp->total));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
curve (const char *file, const GsModel *m, const GsCompModel *comp, const GsCompRole *role,
       double step, double max, gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) points = gs_comp_curve (comp, role, step, max, &error);
  if (points == NULL)
    return gs_cli_fail (file, error);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, role->id);
      json_builder_set_member_name (b, "curve");
      json_builder_begin_array (b);
      for (guint i = 0; i < points->len; i++)
        {
          const GsCurvePoint *pt = &g_array_index (points, GsCurvePoint, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "attainment");
          json_builder_add_double_value (b, gs_json_ratio (pt->attainment));
          json_builder_set_member_name (b, "earned");
          json_builder_add_value (b, money_node (comp, pt->earned));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      print_json (root);
      return GS_EXIT_OK;
    }
  print_currency (comp);
  print_role_head (m, comp, role);
  g_print ("\n");
  curve_row (_ ("Attainment"), _ ("Payout/person"), _ ("of target"));
  for (guint i = 0; i < points->len; i++)
    {
      const GsCurvePoint *pt = &g_array_index (points, GsCurvePoint, i);
      g_autofree char *a = percent (gs_json_ratio (pt->attainment));
      g_autofree char *e = fmt (comp, pt->earned);
      g_autofree char *o = percent (pt->of_target);
      curve_row (a, e, o);
    }
  return GS_EXIT_OK;
}

static int
summary (const char *file, const GsModel *m, const GsCompModel *comp, gboolean json)
{
  g_autoptr (GError) error = NULL;
  GsCompAtPlan at;
  GArray *shared;
  if (!gs_comp_at_plan (comp, &at, &error))
    {
      gs_comp_at_plan_clear (&at);
      return gs_cli_fail (file, error);
    }
  shared = gs_comp_shared_measures (comp);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "roles");
      json_builder_begin_array (b);
      for (guint i = 0; i < comp->n_roles; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, comp->roles[i].id);
          json_builder_set_member_name (b, "headcount");
          json_builder_add_int_value (b, comp->roles[i].headcount);
          json_builder_set_member_name (b, "variable_at_plan");
          json_builder_add_value (b, money_node (comp, at.role_variable[i]));
          {
            static const char *const names[]
                = { "staffed_at_quota", "staffed_at_plan", "paid_years" };
            GsMoney money[] = { at.role_at_quota[i], at.role_at_plan[i] };
            staffed_members (b, comp, names, money, 2, &at.role_paid_years[i], 1);
          }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "variable_pay");
      json_builder_add_value (b, money_node (comp, at.variable_pay));
      json_builder_set_member_name (b, "bookings");
      json_builder_add_value (b, money_node (comp, at.bookings));
      json_builder_set_member_name (b, "cost_of_sales");
      json_builder_add_double_value (b, at.cost_of_sales);
      {
        static const char *const names[] = { "staffed_at_quota",
                                             "staffed_at_plan",
                                             "new_business",
                                             "ae_attainment_at_plan",
                                             "cost_of_sales_new_business",
                                             "cost_of_sales_all_bookings" };
        GsMoney money[] = { at.at_quota, at.at_plan, at.new_business };
        double numbers[] = { at.ae_attainment, at.cost_new_business, at.cost_all };
        staffed_members (b, comp, names, money, 3, numbers, 3);
      }
      json_builder_set_member_name (b, "measures");
      json_builder_begin_array (b);
      for (guint i = 0; i < shared->len; i++)
        {
          const GsSharedMeasure *sm = &g_array_index (shared, GsSharedMeasure, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "measure");
          json_builder_add_string_value (b, gs_measure_id (sm->measure));
          json_builder_set_member_name (b, "shared");
          json_builder_add_boolean_value (b, sm->marketing && sm->sales);
          json_builder_set_member_name (b, "roles");
          json_builder_begin_array (b);
          for (guint k = 0; k < sm->roles->len; k++)
            json_builder_add_string_value (b, ((const GsCompRole *) sm->roles->pdata[k])->id);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      print_json (root);
    }
  else
    {
      g_autofree char *v = fmt (comp, at.variable_pay), *bk = fmt (comp, at.bookings);
      g_autofree char *cos = percent (at.cost_of_sales);
      print_currency (comp);
      for (guint i = 0; i < comp->n_roles; i++)
        {
          g_autofree char *rv = fmt (comp, at.role_variable[i]);
          g_autofree char *years = gs_format_number (at.role_paid_years[i], 2);
          g_autofree char *rq = fmt (comp, at.role_at_quota[i]);
          g_autofree char *rp = fmt (comp, at.role_at_plan[i]);
          print_role_head (m, comp, &comp->roles[i]);
          g_print (_ ("  variable pay at plan (100 %%): %s\n"), rv);
          /* Translators: %1$s person-years paid (hires from their start month, attrition), %2$s
             the pay at 100 % of quota for them, %3$s at the attainment the plan implies. */
          g_print (_ ("  as staffed (%1$s person-years): %2$s at 100 %% of quota, %3$s at the "
                      "plan's attainment\n\n"),
                   years, rq, rp);
        }
      g_print (_ ("Variable pay at plan %s ÷ bookings target %s = cost of sales %s\n\n"), v, bk,
               cos);
      {
        g_autofree char *q = fmt (comp, at.at_quota), *p = fmt (comp, at.at_plan);
        g_autofree char *a = percent (at.ae_attainment);
        g_autofree char *nb = fmt (comp, at.new_business);
        g_autofree char *c1 = percent (at.cost_new_business), *c2 = percent (at.cost_all);
        /* Translators: %1$s variable pay at 100 % of quota for the people on staff month by
           month, %2$s the same at the attainment the plan implies, %3$s the AEs' attainment of
           their ramped quotas the plan implies. */
        g_print (_ ("Variable pay as staffed: %1$s at 100 %% of quota; %2$s at the attainment the "
                    "plan implies (AEs at %3$s of their ramped quotas)\n"),
                 q, p, a);
        /* Translators: %1$s variable pay as staffed at plan, %2$s the new-business target,
           %3$s the cost of sales on it, %4$s all bookings (existing customers too), %5$s the cost
           of sales on them. */
        g_print (_ ("Cost of sales at plan: %1$s ÷ new business %2$s = %3$s; ÷ all bookings %4$s = "
                    "%5$s\n\n"),
                 p, nb, c1, bk, c2);
      }
      g_print ("%s\n", _ ("Measures paid on (shared by marketing and sales first):"));
      for (guint i = 0; i < shared->len; i++)
        {
          const GsSharedMeasure *sm = &g_array_index (shared, GsSharedMeasure, i);
          GString *roles = g_string_new (NULL);
          for (guint k = 0; k < sm->roles->len; k++)
            g_string_append_printf (roles, "%s%s", k ? ", " : "",
                                    ((const GsCompRole *) sm->roles->pdata[k])->id);
          g_autoptr (GString) line = g_string_new ("  ");
          gs_cli_pad (line, gs_explain_measure (sm->measure), 28, FALSE);
          g_string_append_c (line, ' ');
          gs_cli_pad (line,
                      sm->marketing && sm->sales ? _ ("SHARED")
                      : sm->marketing            ? _ ("marketing")
                                                 : _ ("sales"),
                      9, FALSE);
          g_print ("%s %s\n", line->str, roles->str);
          g_string_free (roles, TRUE);
        }
    }
  gs_comp_shared_measures_free (shared);
  gs_comp_at_plan_clear (&at);
  return GS_EXIT_OK;
}

/* --refund AMOUNT:DAYS and --spif ID:DATE[:COUNT] into the extras. */
static gboolean
parse_extras (const GsCompModel *comp, const GsCompRole *role, char **refunds, char **spifs,
              GsCompInput *extras, GError **error)
{
  for (guint i = 0; refunds && refunds[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (refunds[i], ":", 2);
      GsCompRefund r = { 0 };
      guint64 days;
      if (g_strv_length (parts) != 2 || !gs_money_parse (parts[0], comp->digits, &r.amount, NULL)
          || r.amount <= 0 || !g_ascii_string_to_unsigned (parts[1], 10, 0, 100000, &days, NULL))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_USAGE,
                       _ ("--refund “%s”: write AMOUNT:DAYS, like 25000:30"), refunds[i]);
          return FALSE;
        }
      r.days = (guint) days;
      if (extras->refunds == NULL)
        extras->refunds = g_array_new (FALSE, FALSE, sizeof (GsCompRefund));
      g_array_append_val (extras->refunds, r);
    }
  for (guint i = 0; spifs && spifs[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (spifs[i], ":", 3);
      GsCompEvent ev = { 0 };
      guint64 count = 1;
      int y, m, d;
      char tail;
      guint n = g_strv_length (parts);
      gboolean found = FALSE;
      if (n >= 2)
        for (guint k = 0; k < role->n_spifs; k++)
          if (g_strcmp0 (role->spifs[k].id, parts[0]) == 0)
            ev.spif = k, found = TRUE;
      if (n < 2 || !found || sscanf (parts[1], "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
          || !g_date_valid_dmy (d, m, y)
          || (n == 3 && !g_ascii_string_to_unsigned (parts[2], 10, 1, 1000000, &count, NULL)))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_USAGE,
                       _ ("--spif “%s”: write SPIF-ID:YYYY-MM-DD[:COUNT] with one of the "
                          "role's SPIFs"),
                       spifs[i]);
          return FALSE;
        }
      g_date_clear (&ev.date, 1);
      g_date_set_dmy (&ev.date, d, m, y);
      ev.count = (guint) count;
      if (extras->events == NULL)
        extras->events = g_array_new (FALSE, FALSE, sizeof (GsCompEvent));
      g_array_append_val (extras->events, ev);
    }
  return TRUE;
}

int
gs_cli_payout (int argc, char **argv)
{
  g_autofree char *role_id = NULL, *amount_text = NULL;
  g_autofree char *attainment_text = NULL, *step_text = NULL, *max_text = NULL;
  g_autofree char *discount_text = NULL, *deals_path = NULL;
  double attainment = 1.0, step = 0.05, max = 2.0, discount = 0;
  g_auto (GStrv) refunds = NULL;
  g_auto (GStrv) spif_events = NULL;
  GsCompInput extras;
  gboolean json = FALSE, show_curve = FALSE;
  GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role_id, N_ ("The role's id"), "ROLE" },
    { "attainment", 'a', 0, G_OPTION_ARG_STRING, &attainment_text,
      N_ ("Everyone at this attainment (1.15 = 115 %)"), "A" },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text,
      N_ ("The role's first measure at this amount (major units)"), "AMOUNT" },
    { "curve", 0, 0, G_OPTION_ARG_NONE, &show_curve, N_ ("Print the payout curve"), NULL },
    { "deals", 0, 0, G_OPTION_ARG_FILENAME, &deals_path,
      N_ ("Pay the deals of a CSV (id, amount, date) in order at the rates in force"), "FILE.csv" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_text, N_ ("Curve step (default 0.05)"), "S" },
    { "max", 0, 0, G_OPTION_ARG_STRING, &max_text, N_ ("Curve end (default 2.0)"), "A" },
    { "discount", 0, 0, G_OPTION_ARG_STRING, &discount_text,
      N_ ("Average discount beyond list (0.15 = 15 %)"), "D" },
    { "refund", 0, 0, G_OPTION_ARG_STRING_ARRAY, &refunds,
      N_ ("A deal refunded: AMOUNT:DAYS after closing (repeatable)"), "A:D" },
    { "spif", 0, 0, G_OPTION_ARG_STRING_ARRAY, &spif_events,
      N_ ("SPIF events: ID:YYYY-MM-DD[:COUNT] (repeatable)"), "E" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (N_ ("PLAN — what the comp plans pay"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCompRolePayout) rp = NULL;
  const GsCompModel *comp;
  const GsCompRole *role;
  int status = GS_EXIT_OK;
  int modes;
  double value;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Without --role: every role's plan, variable pay and cost of "
                   "sales at plan, and the measures both sides share.\n"
                   "With --role and --attainment or --amount: the payout per person "
                   "and for the role, with a trace you can check by hand.\n"
                   "With --role and --curve: payout per person from 0 to 200 %.\n"
                   "With --role and --deals FILE.csv: each deal paid in order at the rates in "
                   "force year to date."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      g_printerr ("goalsheet-cli payout: %s\n", _ ("give one plan file (see --help)"));
      return GS_EXIT_INVALID;
    }
  /* Attainment as the engine takes it (0–100, 1.15 = 115 %); the curve at
   * most 10,000 points, so a tiny --step cannot run for hours. */
  if (!gs_cli_option_number ("payout", "--attainment", attainment_text, 0, 100, &attainment,
                             &status)
      || !gs_cli_option_number ("payout", "--max", max_text, 0, 100, &max, &status)
      || !gs_cli_option_number ("payout", "--step", step_text, max / 10000, 100, &step, &status)
      || !gs_cli_option_number ("payout", "--discount", discount_text, 0, 1, &discount, &status))
    return status;
  modes = (attainment_text != NULL) + (amount_text != NULL) + show_curve + (deals_path != NULL);
  if (modes > 1 || (modes == 1 && role_id == NULL))
    {
      g_printerr ("goalsheet-cli payout: %s\n",
                  _ ("give --role with one of --attainment, --amount, --curve or --deals"));
      return GS_EXIT_INVALID;
    }
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  if (gs_plan_get_model (plan)->comp == NULL)
    {
      g_printerr ("%s: compensation: %s\n", argv[1], _ ("the plan has no compensation section"));
      return GS_EXIT_INVALID;
    }
  comp = gs_plan_get_comp (plan, &error);
  if (comp == NULL)
    return gs_cli_fail (argv[1], error);
  if (role_id == NULL)
    return summary (argv[1], gs_plan_get_model (plan), comp, json);
  role = gs_comp_find_role (comp, role_id);
  if (role == NULL)
    {
      GString *ids = g_string_new (NULL);
      for (guint i = 0; i < comp->n_roles; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", comp->roles[i].id);
      /* Translators: the first %s is a role id, the second the list of the plan's role ids. */
      g_autofree char *what = g_strdup_printf (_ ("no role “%s” (roles: %s)"), role_id, ids->str);
      g_printerr ("%s: compensation.roles: %s\n", argv[1], what);
      g_string_free (ids, TRUE);
      return GS_EXIT_INVALID;
    }
  if (deals_path)
    return gs_cli_payout_deals (argv[1], gs_plan_get_model (plan), comp, role, deals_path, json);
  if (show_curve)
    return curve (argv[1], gs_plan_get_model (plan), comp, role, step, max, json);
  value = attainment;
  if (amount_text)
    {
      GsMeasure m = role->components[0].measure;
      double amount;
      if (gs_measure_unit (m) == GS_MEASURE_UNIT_MONEY)
        {
          GsMoney v;
          if (!gs_money_parse (amount_text, comp->digits, &v, &error))
            return gs_cli_fail (NULL, error);
          amount = (double) v;
        }
      else
        {
          char *end;
          amount = g_ascii_strtod (amount_text, &end);
          if (*end != '\0' || !isfinite (amount))
            {
              /* Translators: %s is the --amount given. */
              g_printerr (_ ("goalsheet-cli: “%s” is not a number\n"), amount_text);
              return GS_EXIT_INVALID;
            }
          if (gs_measure_unit (m) == GS_MEASURE_UNIT_SHARE)
            amount /= 100; /* a share is given in percent */
        }
      value = amount;
    }
  gs_comp_input_init (&extras);
  extras.discount = discount;
  if (!parse_extras (comp, role, refunds, spif_events, &extras, &error))
    {
      gs_comp_input_clear (&extras);
      return gs_cli_fail (NULL, error);
    }
  rp = gs_comp_role_payout (comp, role, amount_text ? GS_COMP_AT_AMOUNT : GS_COMP_AT_ATTAINMENT,
                            value, &extras, &error);
  gs_comp_input_clear (&extras);
  if (rp == NULL)
    return gs_cli_fail (argv[1], error);
  if (json)
    {
      g_autoptr (JsonNode) root
          = role_json (comp, rp, amount_text ? "amount" : "attainment",
                       amount_text ? g_ascii_strtod (amount_text, NULL) : attainment);
      print_json (root);
      return GS_EXIT_OK;
    }
  print_currency (comp);
  print_role_head (gs_plan_get_model (plan), comp, role);
  if (amount_text)
    {
      const char *measure = gs_explain_measure (role->components[0].measure);
      if (role->n_people)
        /* Translators: the amount given, then the role's first measure. */
        g_print (_ ("\nAt %s of %s for the role, split by quota:\n"), amount_text, measure);
      else
        /* Translators: the amount given, then the role's first measure. */
        g_print (_ ("\nAt %s of %s per person:\n"), amount_text, measure);
    }
  else
    {
      g_autofree char *a = percent (attainment);
      g_print (_ ("\nAt %s attainment:\n"), a);
    }
  print_payout (comp, rp);
  return GS_EXIT_OK;
}
