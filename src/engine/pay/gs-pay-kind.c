/* gs-pay-kind.c — commission line kinds by id (gs-pay-kind.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-pay-kind.h"

const char *const gs_pay_kind_ids[]
    = { "commission", "true_up", "spif", "draw", "draw_recovery", "clawback", NULL };

gboolean
gs_pay_kind_from_id (const char *id, GsPayKind *out)
{
  for (guint k = 0; k < GS_PAY_N_KINDS; k++)
    if (g_strcmp0 (id, gs_pay_kind_ids[k]) == 0)
      {
        *out = k;
        return TRUE;
      }
  /* The ledger's first spelling, still in files finance keeps. */
  if (g_strcmp0 (id, "true-up") == 0)
    *out = GS_PAY_TRUE_UP;
  else if (g_strcmp0 (id, "draw-recovery") == 0)
    *out = GS_PAY_DRAW_RECOVERY;
  else
    return FALSE;
  return TRUE;
}
