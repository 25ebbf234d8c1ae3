/* gs-dispute.h — dispute notes on statement lines: checked against the
 * statement they are written on, and gathered for a statement.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person can attach a note to a line of their statement — a deal's credit
 * or one of its pay lines, or the period's draw line (docs/statements.md,
 * "Dispute notes").  The notes live in the plan (actuals.disputes,
 * gs-actuals-data.h); a statement shows the notes written on its period and,
 * until they are resolved, the notes of earlier periods: what was disputed
 * last month is shown again in the next statement.
 */
#pragma once

#include "gs-statement.h"

G_BEGIN_DECLS

/* TRUE when note's line is on the statement of note->person for
 * note->period; the error says in words what is not. */
gboolean
gs_dispute_check (const GsModel *model, const GsCompModel *comp, const GsDispute *note,
                  GError **error);

/* The notes of a statement (of GsStatementNote): those on the person's
 * lines of the period, then the open ones of earlier periods, each in the
 * order written.  A note whose period is no longer of the plan's year is
 * left out. */
GArray *
gs_dispute_notes (const GsModel *model, guint person, const GsPayPeriod *period);

G_END_DECLS
