/* gs-ledger-line.c — commission line kinds and months as text.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-ledger-line.h"

static const char *const kind_ids[GS_N_COMMISSION_KINDS]
    = { "commission", "true-up", "spif", "draw", "draw-recovery", "clawback" };

const char *
gs_commission_kind_id (GsCommissionKind kind)
{
  g_return_val_if_fail (kind < GS_N_COMMISSION_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
gs_commission_kind_from_id (const char *id, GsCommissionKind *out)
{
  for (guint k = 0; k < GS_N_COMMISSION_KINDS; k++)
    if (g_strcmp0 (id, kind_ids[k]) == 0)
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

char *
gs_ledger_month_text (gint month)
{
  /* Floor division, so a month before year 0 cannot print a negative month. */
  gint year = month >= 0 ? month / 12 : -((-month + 11) / 12);
  return g_strdup_printf ("%04d-%02d", year, month - year * 12 + 1);
}
