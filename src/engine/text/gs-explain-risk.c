/* gs-explain-risk.c — the payout risk in words (gs-explain-risk.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-risk.h"
#include "gs-format.h"

#include <glib/gi18n-lib.h>

static char *
whole (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, comp->currency, GS_MONEY_FORMAT_WHOLE);
}

char **
gs_explain_payout_risk (const GsCompModel *comp, const GsCompRisk *risk, GsMoney at_plan)
{
  GPtrArray *lines = g_ptr_array_new ();
  g_autofree char *p10 = whole (comp, risk->pay[0]);
  g_autofree char *p50 = whole (comp, risk->pay[1]);
  g_autofree char *p90 = whole (comp, risk->pay[2]);
  g_autofree char *plan = whole (comp, at_plan);
  g_autofree char *n10 = gs_format_percent (risk->cost_new[0]);
  g_autofree char *n50 = gs_format_percent (risk->cost_new[1]);
  g_autofree char *n90 = gs_format_percent (risk->cost_new[2]);
  g_autofree char *a10 = gs_format_percent (risk->cost_all[0]);
  g_autofree char *a50 = gs_format_percent (risk->cost_all[1]);
  g_autofree char *a90 = gs_format_percent (risk->cost_all[2]);

  g_ptr_array_add (lines,
                   /* Translators: P10, P50, P90 of the simulated years' variable pay as staffed,
                      then the pay at plan. */
                   g_strdup_printf (_ ("Variable pay over the simulated years: P10 %1$s, P50 %2$s, "
                                       "P90 %3$s (at plan %4$s)."),
                                    p10, p50, p90, plan));
  g_ptr_array_add (lines,
                   /* Translators: P10, P50, P90 of cost of sales on the year's new business,
                      then on all its bookings. */
                   g_strdup_printf (_ ("Cost of sales on the year's new business: P10 %1$s, P50 "
                                       "%2$s, P90 %3$s; on all its bookings: P10 %4$s, P50 %5$s, "
                                       "P90 %6$s."),
                                    n10, n50, n90, a10, a50, a90));
  for (guint r = 0; r < comp->n_roles; r++)
    {
      g_autofree char *quota = NULL, *accel = NULL;
      if (risk->moves[r])
        {
          g_autofree char *reach = gs_format_percent (risk->reach_quota[r]);
          /* Translators: the chance a role's typical rep reaches 100 % of quota. */
          quota = g_strdup_printf (_ ("reaches quota in %s of the years"), reach);
        }
      else
        quota = g_strdup (_ ("paid on measures the simulation does not vary"));
      if (risk->accelerated[r] >= 0)
        {
          g_autofree char *above = gs_format_percent (risk->accel_above[r]);
          g_autofree char *chance = gs_format_percent (risk->accelerated[r]);
          /* Translators: %1$s an attainment, %2$s the chance an accelerator above it pays. */
          accel = g_strdup_printf (_ ("; accelerator above %1$s paid in %2$s"), above, chance);
        }
      /* Translators: a role's name, what the simulation says about its quota, then its
         accelerator (starting with "; ") or nothing. */
      g_ptr_array_add (lines, g_strdup_printf (_ ("%1$s: %2$s%3$s."), comp->roles[r].name, quota,
                                               accel ? accel : ""));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}
