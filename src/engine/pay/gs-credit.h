/* gs-credit.h — who gets credit for each won deal, and when.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every won deal of the plan's actuals becomes credit lines (docs/statements.md,
 * "Crediting"):
 *  - revenue: the owner has the whole amount, or the deal's revenue splits
 *    share it; split amounts are the largest-remainder split of the amount
 *    (gs_money_split), so a deal's split lines add up to the deal exactly;
 *  - overlay: each overlay person gets amount × share, rounded once half away
 *    from zero, on top of the revenue credit (reducing no one's);
 *  - team: every person on a manager role gets the revenue credit of the
 *    people on AE roles (the plan has no team field, so a manager's team is
 *    the plan's AEs);
 *  - marketing: every person on a marketing role gets the whole amount of a
 *    deal whose plan source is marketing-owned (sources[].owner).
 * A deal is credited on its close date, or, with
 * compensation.crediting.date = "payment", on its payment date (unpaid: not
 * yet).  Lines carry figures only; the words are the text floor's.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-comp.h"

G_BEGIN_DECLS

typedef enum
{
  GS_CREDIT_OWNER,     /* the owner, the whole deal (no splits) */
  GS_CREDIT_SPLIT,     /* a revenue split's share */
  GS_CREDIT_OVERLAY,   /* overlay credit, on top of the revenue credit */
  GS_CREDIT_TEAM,      /* a manager's roll-up of the AEs' revenue credit */
  GS_CREDIT_MARKETING, /* a marketing person: the deal was marketing-sourced */
} GsCreditKind;

extern const char *const gs_credit_kind_ids[]; /* "owner", "split", …, NULL */

typedef struct
{
  guint deal;   /* index into actuals->deals */
  guint person; /* index into actuals->people */
  GsCreditKind kind;
  GsMeasure measure; /* own_bookings (owner, split, overlay), team_bookings,
                      * marketing_sourced_bookings */
  double share;      /* of the deal's amount: the split's or overlay's share; team: the
                      * AEs' shares added; owner and marketing: 1 */
  GsMoney amount;    /* minor units */
  GDate date;        /* the credit date: close or payment, by the plan's setting */
  int month;         /* comp month of date: 0 = the plan's first; < 0 before, ≥ 12 after */
} GsCreditLine;

typedef struct
{
  GArray *lines;                   /* of GsCreditLine: by deal, then revenue, overlay, team,
                                    * marketing */
  GsMoney company[GS_COMP_MONTHS]; /* every credited deal's amount by comp month: the
                                    * company bookings measure */
  guint n_credited;                /* won deals credited */
  guint n_uncredited;              /* won deals not credited (no owner, or unpaid) */
  /* Each person's lines, in line order: indices into lines from
   * by_person[person_first[p]] to by_person[person_first[p + 1] − 1]
   * (n_people + 1 entries), so a person's year reads their own lines
   * without scanning everyone's. */
  guint *person_first;
  guint *by_person;
  guint n_people;
} GsCredits;

void
gs_credits_free (GsCredits *credits);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCredits, gs_credits_free)

/* The role of a person of the actuals (their role id in comp), or NULL when
 * comp has no such role. */
const GsCompRole *
gs_credit_role_of (const GsCompModel *comp, const GsPerson *person);

/* The comp month of a date: 0 for the plan's first month. */
int
gs_credit_month (const GsCompModel *comp, const GDate *date);

/* Credits every won deal of actuals.  comp gives the roles (team and
 * marketing credit, and the credit date); it may be NULL (revenue and
 * overlay credit on close dates only).  model gives the sources' owners.
 * Fails (GS_ERROR_INVALID, naming the deal) on splits that do not add up to
 * 100 %, which a decoded plan never holds. */
GsCredits *
gs_credit_deals (const GsModel *model, const GsCompModel *comp, GError **error);

G_END_DECLS
