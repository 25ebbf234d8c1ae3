/* gs-dispute.c — dispute notes against their statements (gs-dispute.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-dispute.h"
#include "gs-error.h"

#include <glib/gi18n-lib.h>

static gboolean
in_period (guint month, const GsPayPeriod *p)
{
  return month >= p->first && month <= p->last;
}

/* A line of the person's statement for the period matching the note's. */
static gboolean
on_statement (const GsStatement *s, const GsActualsData *a, const GsDispute *note)
{
  const GsPayYear *y = s->year;
  if (note->line == GS_DISPUTE_CREDIT)
    {
      for (guint i = 0; i < y->credits->len; i++)
        {
          const GsCreditLine *c = &g_array_index (y->credits, GsCreditLine, i);
          if (c->month >= 0 && in_period ((guint) c->month, &s->period)
              && g_strcmp0 (a->deals[c->deal].id, note->deal) == 0)
            return TRUE;
        }
      return FALSE;
    }
  /* GsDisputeLine lists the pay kinds after the credit, in their order. */
  for (guint i = 0; i < y->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (y->lines, GsCommissionLine, i);
      if ((int) l->kind == (int) note->line - 1 && in_period (l->month, &s->period)
          && g_strcmp0 (l->deal, note->deal) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
find_deal (const GsActualsData *a, const char *id)
{
  for (guint i = 0; i < a->n_deals; i++)
    if (g_strcmp0 (a->deals[i].id, id) == 0)
      return (int) i;
  return -1;
}

gboolean
gs_dispute_check (const GsModel *model, const GsCompModel *comp, const GsDispute *note,
                  GError **error)
{
  const GsActualsData *a = model->actuals;
  g_autoptr (GsStatement) s = NULL;
  GsPayPeriod period;
  const char *who;

  if (a == NULL || note->person < 0 || (guint) note->person >= a->n_people)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a dispute note is written by a person of the roster (import the CRM "
                      "export first)"));
      return FALSE;
    }
  who = a->people[note->person].name;
  if (note->text == NULL || *note->text == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("a dispute note needs some text"));
      return FALSE;
    }
  if (!gs_pay_period_parse (model, note->period, &period, error))
    return FALSE;
  if (note->deal && find_deal (a, note->deal) < 0)
    {
      /* Translators: %s is a deal's id. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("“%s” is not a deal of the actuals"),
                   note->deal);
      return FALSE;
    }
  s = gs_statement_new (model, comp, (guint) note->person, &period, error);
  if (s == NULL)
    return FALSE;
  if (on_statement (s, a, note))
    return TRUE;
  if (note->deal == NULL)
    /* Translators: a person's name and a period such as 2027-03. */
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 _ ("%s's statement for %s has no draw line of that kind to note"), who,
                 note->period);
  else if (note->line == GS_DISPUTE_CREDIT)
    /* Translators: a deal's id, a person's name and a period such as 2027-03. */
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 _ ("deal “%s” is not on %s's statement for %s: it is not credited to them in "
                    "that period"),
                 note->deal, who, note->period);
  else
    /* Translators: a deal's id, a person's name and a period such as 2027-03. */
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 _ ("deal “%s” has no pay line of that kind on %s's statement for %s"), note->deal,
                 who, note->period);
  return FALSE;
}

GArray *
gs_dispute_notes (const GsModel *model, guint person, const GsPayPeriod *period)
{
  const GsActualsData *a = model->actuals;
  GArray *notes = g_array_new (FALSE, TRUE, sizeof (GsStatementNote));
  g_autoptr (GArray) earlier = g_array_new (FALSE, TRUE, sizeof (GsStatementNote));

  for (guint i = 0; a && i < a->n_disputes; i++)
    {
      const GsDispute *d = &a->disputes[i];
      GsStatementNote n = { i, FALSE };
      GsPayPeriod p;
      if (d->person != (int) person || !gs_pay_period_parse (model, d->period, &p, NULL))
        continue;
      /* A month's note is on its quarter's statement too, and a quarter's
       * on each of its months. */
      if (p.first <= period->last && p.last >= period->first)
        g_array_append_val (notes, n);
      else if (p.last < period->first && !d->resolved)
        {
          n.earlier = TRUE;
          g_array_append_val (earlier, n);
        }
    }
  g_array_append_vals (notes, earlier->data, earlier->len);
  return notes;
}
