/* gs-explain-pay-plan.c — a role's whole pay plan in words.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-pay-plan.h"
#include "gs-explain-comp.h"
#include "gs-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static void
row_free (gpointer data)
{
  GsPayPlanRow *row = data;
  g_free (row->label);
  g_free (row->text);
  g_free (row);
}

static void
add (GPtrArray *rows, const char *label, char *text, gboolean heading)
{
  GsPayPlanRow *row = g_new0 (GsPayPlanRow, 1);
  row->label = g_strdup (label);
  row->text = text;
  row->heading = heading;
  g_ptr_array_add (rows, row);
}

static char *
money (const GsCompModel *comp, GsMoney value)
{
  return gs_format_money (value, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

/* A figure of a measure in its unit: money, a count or a share. */
static char *
measure_value (const GsCompModel *comp, GsMeasure measure, double value)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return money (comp, (GsMoney) llround (value));
    case GS_MEASURE_UNIT_SHARE:
      return gs_format_percent_exact (value);
    default:
      return gs_format_number_short (value, 2);
    }
}

/* A band edge in the table's basis. */
static char *
edge (const GsCompModel *comp, const GsRateTable *table, double value)
{
  if (table->basis == GS_BASIS_AMOUNT)
    return money (comp, (GsMoney) llround (value));
  return gs_format_percent_exact (value);
}

static char *
band_text (const GsCompModel *comp, const GsRateTable *table, const GsBand *band)
{
  g_autofree char *from = edge (comp, table, band->from);
  g_autofree char *rate = gs_format_percent_exact (band->rate);
  g_autofree char *to = isinf (band->to) ? NULL : edge (comp, table, band->to);

  if (table->basis == GS_BASIS_AMOUNT)
    return to != NULL
               /* Translators: a band of a commission table on amounts: from, to, the rate. */
               ? g_strdup_printf (_ ("%1$s to %2$s: %3$s of the amount"), from, to, rate)
               /* Translators: an open-ended band on amounts: from, the rate. */
               : g_strdup_printf (_ ("above %1$s: %2$s of the amount"), from, rate);
  return to != NULL
             /* Translators: a band of attainment: from, to, the rate as a share of the target
                incentive earned per 100 % of quota. */
             ? g_strdup_printf (_ ("%1$s to %2$s of quota: %3$s of the target incentive per "
                                   "100 %% of quota"),
                                from, to, rate)
             /* Translators: an open-ended attainment band: from, the rate. */
             : g_strdup_printf (_ ("above %1$s of quota: %2$s of the target incentive per 100 %% "
                                   "of quota"),
                                from, rate);
}

static char *
table_text (const GsCompModel *comp, const GsRateTable *table)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (table->kind == GS_TABLE_FLAT && table->n_bands == 1)
    {
      g_autofree char *rate = gs_format_percent_exact (table->bands[0].rate);
      return table->basis == GS_BASIS_AMOUNT
                 /* Translators: a flat commission rate on amounts. */
                 ? g_strdup_printf (_ ("One rate on everything: %s of the amount."), rate)
                 /* Translators: a flat rate, as a share of the target incentive. */
                 : g_strdup_printf (_ ("One rate on everything: %s of the target incentive per "
                                       "100 %% of quota."),
                                    rate);
    }
  switch (table->kind)
    {
    case GS_TABLE_FLAT:
      g_string_append (out, _ ("One rate on everything: "));
      break;
    case GS_TABLE_MARGINAL:
      g_string_append (out, _ ("Each slice at its band's rate: "));
      break;
    default:
      g_string_append (out, _ ("The whole value at the rate of the band reached: "));
      break;
    }
  for (guint b = 0; b < table->n_bands; b++)
    {
      g_autofree char *band = band_text (comp, table, &table->bands[b]);
      if (b > 0)
        g_string_append (out, "; ");
      g_string_append (out, band);
    }
  g_string_append_c (out, '.');
  if (table->n_bands > 1)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, comp->boundary == GS_BOUNDARY_LOWER
                                ? _ ("A value exactly on a boundary belongs to the lower band.")
                                : _ ("A value exactly on a boundary belongs to the upper band."));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
period_words (const GsCompComponent *c)
{
  if (c->attain == GS_ATTAIN_YTD)
    switch (c->period)
      {
      case GS_PERIOD_MONTHLY:
        return _ ("Paid monthly on year-to-date attainment against the annual quota; each "
                  "payment pays the catch-up.");
      case GS_PERIOD_QUARTERLY:
        return _ ("Paid quarterly on year-to-date attainment against the annual quota; each "
                  "payment pays the catch-up.");
      default:
        return _ ("Paid once, on the year's attainment.");
      }
  switch (c->period)
    {
    case GS_PERIOD_MONTHLY:
      return _ ("Paid monthly, each month against its own quota.");
    case GS_PERIOD_QUARTERLY:
      return _ ("Paid quarterly, each quarter against its own quota.");
    default:
      return _ ("Paid once, on the year's attainment.");
    }
}

static char *
gate_text (const GsCompModel *comp, const GsGate *gate)
{
  g_autofree char *min = gs_format_percent_exact (gate->min_attainment);
  g_autofree char *quota = measure_value (comp, gate->measure, gate->quota);
  /* Translators: %1$s a measure, %2$s an attainment, %3$s that measure's quota. */
  return g_strdup_printf (_ ("Nothing is paid unless %1$s reaches %2$s of its quota (%3$s)."),
                          gs_explain_measure (gate->measure), min, quota);
}

static char *
cap_text (const GsCompModel *comp, const GsCap *cap)
{
  g_autofree char *amount = money (comp, cap->amount);
  if (cap->of_target)
    {
      g_autofree char *times = gs_format_number_short (cap->multiple, 2);
      /* Translators: %1$s a multiple, %2$s the cap in money. */
      return g_strdup_printf (_ ("Capped at %1$s × the target incentive (%2$s)."), times, amount);
    }
  /* Translators: %s the cap in money. */
  return g_strdup_printf (_ ("Capped at %s."), amount);
}

static void
add_component (GPtrArray *rows, const GsModel *model, const GsCompModel *comp,
               const GsCompComponent *c)
{
  g_autofree char *weight = gs_format_percent (c->weight);
  g_autofree char *target = money (comp, c->target_incentive);
  g_autofree char *quota = measure_value (comp, c->measure, c->quota);
  g_autofree char *source = gs_explain_quota_source (model, c);

  add (rows, c->name,
       /* Translators: %1$s a measure, %2$s its weight, %3$s the target incentive, %4$s the
          annual quota per person, %5$s where the quota comes from. */
       g_strdup_printf (_ ("%1$s, weight %2$s: target incentive %3$s on an annual quota of %4$s "
                           "per person (%5$s). %6$s"),
                        gs_explain_measure (c->measure), weight, target, quota, source,
                        period_words (c)),
       TRUE);
  add (rows, _ ("Rate table"), table_text (comp, &c->table), FALSE);
  if (c->n_tiers > 0)
    {
      g_autoptr (GString) tiers = g_string_new (NULL);
      for (guint t = 0; t < c->n_tiers; t++)
        {
          g_autofree char *above = gs_format_percent_exact (c->tiers[t].above);
          g_autofree char *times = gs_format_number_short (c->tiers[t].multiplier, 3);
          if (t > 0)
            g_string_append (tiers, "; ");
          /* Translators: an accelerator tier: %1$s attainment, %2$s the multiplier. */
          g_string_append_printf (tiers, _ ("above %1$s of quota the rate × %2$s"), above, times);
        }
      g_string_append_c (tiers, '.');
      add (rows, _ ("Accelerators"), g_string_free (g_steal_pointer (&tiers), FALSE), FALSE);
    }
  if (c->decel.present)
    {
      g_autofree char *below = gs_format_percent_exact (c->decel.below);
      g_autofree char *times = gs_format_number_short (c->decel.multiplier, 3);
      add (rows, _ ("Decelerator"),
           c->decel.retroactive
               /* Translators: %1$s attainment, %2$s a multiplier. */
               ? g_strdup_printf (_ ("Below %1$s of quota the rate × %2$s, on everything paid "
                                     "(retroactive)."),
                                  below, times)
               /* Translators: %1$s attainment, %2$s a multiplier. */
               : g_strdup_printf (_ ("Below %1$s of quota the rate × %2$s."), below, times),
           FALSE);
    }
  if (c->gate.present)
    add (rows, _ ("Gate"), gate_text (comp, &c->gate), FALSE);
  if (c->cap.present)
    add (rows, _ ("Cap"), cap_text (comp, &c->cap), FALSE);
  if (c->n_discount > 0)
    {
      g_autoptr (GString) out = g_string_new (_ ("Pay on a deal × the multiplier of its discount "
                                                 "beyond list: "));
      for (guint b = 0; b < c->n_discount; b++)
        {
          g_autofree char *from = gs_format_percent_exact (c->discount[b].from);
          g_autofree char *times = gs_format_number_short (c->discount[b].rate, 3);
          g_autofree char *to
              = isinf (c->discount[b].to) ? NULL : gs_format_percent_exact (c->discount[b].to);
          if (b > 0)
            g_string_append (out, "; ");
          if (to != NULL)
            /* Translators: a discount band: from, to, the multiplier. */
            g_string_append_printf (out, _ ("%1$s to %2$s: × %3$s"), from, to, times);
          else
            /* Translators: an open-ended discount band: from, the multiplier. */
            g_string_append_printf (out, _ ("above %1$s: × %2$s"), from, times);
        }
      g_string_append_c (out, '.');
      add (rows, _ ("Discount modifier"), g_string_free (g_steal_pointer (&out), FALSE), FALSE);
    }
}

static void
add_role_rules (GPtrArray *rows, const GsCompModel *comp, const GsCompRole *role)
{
  if (role->gate.present)
    add (rows, _ ("Gate on the plan"), gate_text (comp, &role->gate), FALSE);
  if (role->cap.present)
    {
      g_autofree char *cap = cap_text (comp, &role->cap);
      /* Translators: %s "Capped at …". */
      add (rows, _ ("Cap on the year"), g_strdup_printf (_ ("The year's commission: %s"), cap),
           FALSE);
    }
  for (guint s = 0; s < role->n_spifs; s++)
    {
      const GsSpif *spif = &role->spifs[s];
      g_autofree char *amount = money (comp, spif->amount);
      g_autofree char *from = gs_format_date (&spif->from);
      g_autofree char *to = gs_format_date (&spif->to);
      g_autofree char *events = gs_format_number_short (spif->expected_events, 2);
      add (rows, _ ("SPIF"),
           /* Translators: %1$s the SPIF's name, %2$s money per event, %3$s and %4$s dates,
              %5$s the events expected per person (may have decimals). */
           g_strdup_printf (_ ("%1$s: %2$s per qualifying event from %3$s to %4$s; events "
                               "expected per person: %5$s."),
                            spif->name, amount, from, to, events),
           FALSE);
    }
  if (role->draw.present)
    {
      g_autofree char *amount = money (comp, role->draw.amount);
      add (rows, _ ("Draw"),
           role->draw.recoverable
               /* Translators: %1$s money a month, %2$u months. */
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%1$s a month guaranteed for the first %2$u month, "
                                               "recovered from later commission.",
                                               "%1$s a month guaranteed for the first %2$u months, "
                                               "recovered from later commission.",
                                               role->draw.months),
                                  amount, role->draw.months)
               /* Translators: %1$s money a month, %2$u months. */
               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%1$s a month guaranteed for the first %2$u month, "
                                               "not recovered.",
                                               "%1$s a month guaranteed for the first %2$u months, "
                                               "not recovered.",
                                               role->draw.months),
                                  amount, role->draw.months),
           FALSE);
    }
  if (role->clawback.present)
    add (rows, _ ("Clawback"),
         /* Translators: %u days after closing. */
         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A deal refunded or churned within %u day of closing gives "
                                       "back the commission paid on it.",
                                       "A deal refunded or churned within %u days of closing gives "
                                       "back the commission paid on it.",
                                       role->clawback.days),
                          role->clawback.days),
         FALSE);
}

GPtrArray *
gs_explain_pay_plan (const GsModel *model, const GsCompModel *comp, const GsCompRole *role)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  g_autofree char *ote = money (comp, role->ote);
  g_autofree char *base = money (comp, role->base);
  g_autofree char *target = money (comp, role->target_incentive);
  g_autofree char *mix = gs_format_percent (role->pay_mix);
  g_autofree char *years = gs_format_number (role->paid_years, 2);

  add (rows, _ ("Pay"),
       /* Translators: %1$s OTE = %2$s base + %3$s target incentive, %4$s the variable share. */
       g_strdup_printf (_ ("On-target earnings %1$s = base %2$s + target incentive %3$s (%4$s "
                           "variable), per person and year."),
                        ote, base, target, mix),
       FALSE);
  add (rows, _ ("People"),
       /* Translators: %1$u people, %2$s where the number comes from, %3$s person-years. */
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                     "%1$u person (%2$s); %3$s person-years paid in the year "
                                     "(hires from their start month, attrition).",
                                     "%1$u people (%2$s); %3$s person-years paid in the year "
                                     "(hires from their start month, attrition).",
                                     role->headcount),
                        role->headcount, gs_explain_headcount_from (role), years),
       FALSE);
  for (guint c = 0; c < role->n_components; c++)
    add_component (rows, model, comp, &role->components[c]);
  add_role_rules (rows, comp, role);
  return rows;
}
