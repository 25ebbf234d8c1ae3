/* gs-pay-kind.h — the kinds of a commission line, one set for the engine:
 * the pay floor's statements make them and the ledger floor books them.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are what JSON and CSV say: "commission", "true_up", "spif",
 * "draw", "draw_recovery", "clawback".  Commission-line files written before
 * the two floors shared the ids say "true-up" and "draw-recovery"; the
 * readers still take those (gs_pay_kind_from_id).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GS_PAY_COMMISSION,    /* a deal at the rates in force */
  GS_PAY_TRUE_UP,       /* earlier credit re-rated by this deal (gate, band, retroactive) */
  GS_PAY_SPIF,          /* a SPIF event (none come from the actuals yet) */
  GS_PAY_DRAW,          /* a month topped up to the draw */
  GS_PAY_DRAW_RECOVERY, /* a recoverable draw taken back (negative) */
  GS_PAY_CLAWBACK,      /* a deal refunded or churned within the window (negative) */
  GS_PAY_N_KINDS
} GsPayKind;

extern const char *const gs_pay_kind_ids[]; /* "commission", "true_up", …, NULL */

/* An id of gs_pay_kind_ids, or the older "true-up" / "draw-recovery". */
gboolean
gs_pay_kind_from_id (const char *id, GsPayKind *out);

G_END_DECLS
