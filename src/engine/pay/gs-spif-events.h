/* gs-spif-events.h — SPIF events from the actuals: which won deals qualify
 * for a SPIF, and whose events they are.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SPIF's rule (GsSpifRule, "qualifies" in the plan) says which deals are
 * events: every condition it sets must hold (amount at least, one of the
 * sources, new or existing business, a term at least, a discount at most,
 * and — with "tagged" — the CRM's SPIF column naming the SPIF).  A SPIF
 * without a rule counts the deals the CRM tags with its id.  The deal's
 * credit date must lie within the SPIF's dates (docs/statements.md, "SPIFs
 * and the discount modifier per deal").
 *
 * Each person with revenue credit on the deal — its owner, or each person
 * of its revenue splits — whose role has the SPIF gets one event, in full:
 * a SPIF rewards what each of them did, and a split shares the booking, not
 * the behaviour.  Overlay, team and marketing credit earn no SPIF: they are
 * credit on someone else's deal.
 */
#pragma once

#include "gs-credit.h"
#include "gs-comp-payout.h"

G_BEGIN_DECLS

/* Whether deal qualifies for spif by its rule (or its tag), dates aside. */
gboolean
gs_spif_qualifies (const GsSpif *spif, const GsActualDeal *deal);

/* The SPIF events of a person on role from their credit lines (GsCreditLine
 * of that person, in the comp year): a GArray of GsCompEvent, in credit
 * order, each naming its deal's id (owned by actuals). */
GArray *
gs_spif_events (const GsActualsData *actuals, const GsCompRole *role, const GArray *credits);

G_END_DECLS
