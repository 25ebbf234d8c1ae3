/* gs-explain-pay.c — pay from the actuals in words (gs-explain-pay.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-pay.h"
#include "gs-explain-comp.h"
#include "gs-format.h"

#include <math.h>
#include <glib/gi18n-lib.h>

const char *
gs_explain_credit_kind (GsCreditKind kind)
{
  static const char *const names[] = {
    N_ ("owner"), N_ ("split"), N_ ("overlay"), N_ ("team"), N_ ("marketing-sourced"),
  };
  return _ (names[kind]);
}

const char *
gs_explain_pay_kind (GsPayKind kind)
{
  static const char *const names[] = {
    N_ ("commission"), N_ ("true-up"),        N_ ("SPIF"),
    N_ ("draw"),       N_ ("draw recovered"), N_ ("clawback"),
  };
  return kind < GS_PAY_N_KINDS ? _ (names[kind]) : "";
}

char *
gs_explain_dispute (const GsModel *model, const GsDispute *note, gboolean earlier)
{
  g_autofree char *date = gs_format_date (&note->date);
  g_autofree char *line = NULL;
  const char *state = note->resolved ? _ ("resolved") : _ ("open");
  const char *author = note->author ? note->author : model->actuals->people[note->person].name;
  const char *kind
      = note->line == GS_DISPUTE_CREDIT ? _ ("credit") : gs_explain_pay_kind (note->line - 1);

  if (note->deal)
    /* Translators: a deal's id and the line's kind ("credit", "commission", …). */
    line = g_strdup_printf (_ ("Deal %s, %s"), note->deal, kind);
  else
    line = g_strdup (kind);
  if (earlier)
    /* Translators: the period the note was written on, the line, its state,
     * the author, the date and the note's text. */
    return g_strdup_printf (_ ("From %s: %s — %s — %s, %s: “%s”"), note->period, line, state,
                            author, date, note->text);
  /* Translators: the line, its state, the author, the date and the note's text. */
  return g_strdup_printf (_ ("%s — %s — %s, %s: “%s”"), line, state, author, date, note->text);
}

static char *
quantity (const GsCompModel *comp, GsMeasure measure, double value)
{
  if (gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY)
    return gs_format_money ((GsMoney) llround (value), comp->digits, comp->currency,
                            GS_MONEY_FORMAT_FULL);
  return gs_format_number_short (value, 2);
}

char *
gs_explain_deal_pay (const GsCompModel *comp, const GsDealPay *pay)
{
  g_autofree char *amount = quantity (comp, pay->event.measure, pay->event.amount);
  g_autofree char *ytd = quantity (comp, pay->event.measure, pay->ytd);
  g_autofree char *att = gs_format_percent (pay->attainment);
  g_autofree char *commission
      = gs_format_money (pay->commission, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
  g_autofree char *true_up
      = gs_format_money (pay->true_up, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
  g_autofree char *text = NULL;
  if (pay->true_up != 0)
    /* Translators: the measure, the deal's credit, the measure year to date,
     * its attainment, the deal's commission and the true-up it set off. */
    text = g_strdup_printf (_ ("%s +%s, year to date %s (%s of quota): commission %s, true-up %s "
                               "(earlier credit re-rated)"),
                            gs_explain_measure (pay->event.measure), amount, ytd, att, commission,
                            true_up);
  else
    /* Translators: the measure, the deal's credit, the measure year to date,
     * its attainment and the deal's commission. */
    text = g_strdup_printf (_ ("%s +%s, year to date %s (%s of quota): commission %s"),
                            gs_explain_measure (pay->event.measure), amount, ytd, att, commission);
  if (pay->discount_cut != 0)
    {
      g_autofree char *off = gs_format_percent (pay->event.discount);
      g_autofree char *m = gs_trace_number (pay->multiplier);
      g_autofree char *before
          = gs_format_money (pay->commission + pay->true_up - pay->discount_cut, comp->digits,
                             comp->currency, GS_MONEY_FORMAT_FULL);
      /* Translators: appended to a deal's pay: its discount, its pay
       * (commission and true-up) before the modifier and the multiplier of
       * the deal's discount band. */
      g_autofree char *tail
          = g_strdup_printf (_ (" (%s off list: %s × %s discount modifier)"), off, before, m);
      return g_strconcat (text, tail, NULL);
    }
  return g_steal_pointer (&text);
}

char *
gs_explain_measure_figure (GsMeasure measure, double value, guint digits, const char *currency)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return gs_format_money ((GsMoney) llround (value), digits, currency, GS_MONEY_FORMAT_FULL);
    case GS_MEASURE_UNIT_SHARE:
      return gs_format_percent (value);
    case GS_MEASURE_UNIT_COUNT:
    default:
      return gs_format_number_short (value, 2);
    }
}
