/* gs-credit.c — won deals into credit lines (gs-credit.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-credit.h"
#include "gs-error.h"
#include "gs-money.h"

#include <math.h>

const char *const gs_credit_kind_ids[] = { "owner", "split", "overlay", "team", "marketing", NULL };

void
gs_credits_free (GsCredits *credits)
{
  if (credits == NULL)
    return;
  g_array_unref (credits->lines);
  g_free (credits->person_first);
  g_free (credits->by_person);
  g_free (credits);
}

const GsCompRole *
gs_credit_role_of (const GsCompModel *comp, const GsPerson *person)
{
  return comp && person->role ? gs_comp_find_role (comp, person->role) : NULL;
}

int
gs_credit_month (const GsCompModel *comp, const GDate *date)
{
  return ((int) g_date_get_year (date) - (int) g_date_get_year (&comp->start)) * 12
         + (int) g_date_get_month (date) - (int) g_date_get_month (&comp->start);
}

static gboolean
has_kind (const GsCompModel *comp, const GsPerson *person, GsRoleKind kind)
{
  const GsCompRole *role = gs_credit_role_of (comp, person);
  return role && role->kind == kind;
}

static void
add (GsCredits *out, const GsCompModel *comp, guint deal, guint person, GsCreditKind kind,
     GsMeasure measure, double share, GsMoney amount, const GDate *date)
{
  GsCreditLine line = { deal, person, kind, measure, share, amount, *date, 0 };
  line.month = comp ? gs_credit_month (comp, date) : 0;
  g_array_append_val (out->lines, line);
}

/* The revenue lines: the owner's whole deal, or the splits to the cent. */
static void
revenue (GsCredits *out, const GsCompModel *comp, guint i, const GsActualDeal *d, const GDate *date)
{
  g_autofree double *weights = NULL;
  g_autofree GsMoney *parts = NULL;

  if (d->n_splits == 0)
    {
      add (out, comp, i, (guint) d->owner, GS_CREDIT_OWNER, GS_MEASURE_OWN_BOOKINGS, 1, d->amount,
           date);
      return;
    }
  weights = g_new (double, d->n_splits);
  parts = g_new (GsMoney, d->n_splits);
  for (guint k = 0; k < d->n_splits; k++)
    weights[k] = d->splits[k].share;
  gs_money_split (d->amount, weights, d->n_splits, parts);
  for (guint k = 0; k < d->n_splits; k++)
    add (out, comp, i, (guint) d->splits[k].person, GS_CREDIT_SPLIT, GS_MEASURE_OWN_BOOKINGS,
         d->splits[k].share, parts[k], date);
}

/* Who is on an AE, manager or marketing role: looked up once per crediting,
 * not once per deal and person. */
typedef struct
{
  gboolean *ae;      /* n_people */
  guint *roll_up;    /* people on a manager or a marketing role, in roster order */
  gboolean *manager; /* n_people */
  guint n_roll_up;
} Roles;

static void
roles_init (Roles *r, const GsActualsData *a, const GsCompModel *comp)
{
  guint n = a ? a->n_people : 0;
  r->ae = g_new0 (gboolean, MAX (n, 1));
  r->manager = g_new0 (gboolean, MAX (n, 1));
  r->roll_up = g_new0 (guint, MAX (n, 1));
  r->n_roll_up = 0;
  for (guint p = 0; p < n; p++)
    {
      gboolean marketing = has_kind (comp, &a->people[p], GS_ROLE_MARKETING);
      r->ae[p] = has_kind (comp, &a->people[p], GS_ROLE_AE);
      r->manager[p] = has_kind (comp, &a->people[p], GS_ROLE_MANAGER);
      if (r->manager[p] || marketing)
        r->roll_up[r->n_roll_up++] = p;
    }
}

static void
roles_clear (Roles *r)
{
  g_free (r->ae);
  g_free (r->manager);
  g_free (r->roll_up);
}

/* Team and marketing lines for the people of manager and marketing roles. */
static void
roll_ups (GsCredits *out, const GsModel *model, const GsCompModel *comp, const Roles *roles,
          guint i, const GsActualDeal *d, guint first, const GDate *date)
{
  GsMoney team = 0;
  double team_share = 0;
  gboolean marketing = d->source >= 0 && model->sources[d->source].owner == GS_OWNER_MARKETING;

  for (guint k = first; k < out->lines->len; k++)
    {
      const GsCreditLine *l = &g_array_index (out->lines, GsCreditLine, k);
      if (l->kind != GS_CREDIT_OVERLAY && roles->ae[l->person])
        {
          team += l->amount;
          team_share += l->share;
        }
    }
  for (guint k = 0; k < roles->n_roll_up; k++)
    {
      guint p = roles->roll_up[k];
      if (team > 0 && roles->manager[p])
        add (out, comp, i, p, GS_CREDIT_TEAM, GS_MEASURE_TEAM_BOOKINGS, team_share, team, date);
      if (marketing && !roles->manager[p])
        add (out, comp, i, p, GS_CREDIT_MARKETING, GS_MEASURE_MARKETING_SOURCED_BOOKINGS, 1,
             d->amount, date);
    }
}

/* The index of each person's lines (gs-credit.h). */
static void
index_people (GsCredits *out, guint n_people)
{
  guint *at;
  out->n_people = n_people;
  out->person_first = g_new0 (guint, n_people + 1);
  out->by_person = g_new (guint, MAX (out->lines->len, 1));
  for (guint k = 0; k < out->lines->len; k++)
    out->person_first[g_array_index (out->lines, GsCreditLine, k).person + 1]++;
  for (guint p = 0; p < n_people; p++)
    out->person_first[p + 1] += out->person_first[p];
  at = g_memdup2 (out->person_first, sizeof (guint) * (n_people + 1));
  for (guint k = 0; k < out->lines->len; k++)
    out->by_person[at[g_array_index (out->lines, GsCreditLine, k).person]++] = k;
  g_free (at);
}

GsCredits *
gs_credit_deals (const GsModel *model, const GsCompModel *comp, GError **error)
{
  g_autoptr (GsCredits) out = g_new0 (GsCredits, 1);
  const GsActualsData *a = model->actuals;
  gboolean on_payment = comp && comp->credit_date == GS_CREDIT_ON_PAYMENT;
  Roles roles;

  roles_init (&roles, a, comp);
  out->lines = g_array_new (FALSE, FALSE, sizeof (GsCreditLine));
  for (guint i = 0; a && i < a->n_deals; i++)
    {
      const GsActualDeal *d = &a->deals[i];
      const GDate *date = on_payment ? &d->paid : &d->closed;
      guint first = out->lines->len;
      int month;

      if (d->status != GS_DEAL_WON)
        continue;
      if (!g_date_valid (date) || (d->n_splits == 0 && d->owner < 0))
        {
          out->n_uncredited++;
          continue;
        }
      if (!gs_actual_deal_check_splits (d, error))
        {
          roles_clear (&roles);
          return NULL;
        }
      out->n_credited++;
      revenue (out, comp, i, d, date);
      for (guint k = 0; k < d->n_overlays; k++)
        {
          /* The one rounding: amount × share, half away from zero. */
          GsMoney amount = gs_money_round ((double) d->amount * d->overlays[k].share);
          add (out, comp, i, (guint) d->overlays[k].person, GS_CREDIT_OVERLAY,
               GS_MEASURE_OWN_BOOKINGS, d->overlays[k].share, amount, date);
        }
      if (comp)
        roll_ups (out, model, comp, &roles, i, d, first, date);
      month = comp ? gs_credit_month (comp, date) : -1;
      if (month >= 0 && month < GS_COMP_MONTHS)
        out->company[month] += d->amount;
    }
  roles_clear (&roles);
  index_people (out, a ? a->n_people : 0);
  return g_steal_pointer (&out);
}
