/* gs-refan.c — the re-forecast fan's series (gs-refan.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-refan.h"

GsRefan *
gs_refan_new (const GsModel *m, const GsResult *r, const GsTracking *t, const GsEvidence *e)
{
  GsRefan *f = g_new0 (GsRefan, 1);
  const GsSimResult *sim = e->sim;
  guint H = MIN (MIN (r->horizon, t->horizon), sim->horizon), win = t->n_stages - 1;
  double existing = 0, target = 0, plan = 0, *bands[3];
  const double *from[3];

  f->as_of = t->as_of;
  f->horizon = H;
  f->p_hit = e->p_hit;
  f->p_hit_plan = e->p_hit_plan;
  f->trials = sim->trials;
  f->target_total = r->target_new_business;
  f->p10 = g_new0 (double, H);
  f->p50 = g_new0 (double, H);
  f->p90 = g_new0 (double, H);
  f->target_cum = g_new0 (double, H);
  f->plan_cum = g_new0 (double, H);

  /* Where the day falls: the months begun, the last of them perhaps in part. */
  for (guint mo = 0; mo < MIN (H, t->n_months_begun); mo++)
    f->as_of_position = mo + gs_tracking_month_part (t, mo);
  /* The simulation holds the months begun to what was booked only when the
   * actuals hold deals (gs_sim_evidence_new); so does the line. */
  f->booked = m->actuals != NULL && m->actuals->n_deals > 0;
  if (f->booked && t->n_months_begun > 0)
    {
      GsMoney cum = 0;
      f->n_actual = MIN (H, t->n_months_begun);
      f->actual_cum = g_new0 (GsMoney, f->n_actual);
      for (guint mo = 0; mo < f->n_actual; mo++)
        {
          for (guint row = 0; row < t->n_rows; row++)
            cum += gs_tracking_month (t, row, win, mo)->actual_amount;
          f->actual_cum[mo] = cum;
        }
      f->actual_to_date = cum;
      /* The months wholly passed are known; the as-of month is drawn unless
       * the day is its last. */
      f->first_band = f->n_actual;
      if (gs_tracking_month_part (t, f->n_actual - 1) < 1)
        f->first_band--;
    }

  from[0] = sim->cum_p10, from[1] = sim->cum_p50, from[2] = sim->cum_p90;
  bands[0] = f->p10, bands[1] = f->p50, bands[2] = f->p90;
  for (guint mo = 0; mo < H; mo++)
    {
      existing += (double) r->existing_month[mo];
      target += (double) r->new_business_month[mo];
      plan += (double) (r->plan_month[mo] - r->existing_month[mo]);
      f->target_cum[mo] = target;
      f->plan_cum[mo] = plan;
      for (guint b = 0; b < 3; b++)
        {
          double v;
          if (mo < f->first_band)
            v = (double) f->actual_cum[mo];
          else
            {
              /* The simulation's running totals hold the existing customers'
               * bookings too; what is certain bounds the band from below. */
              v = MAX (from[b][mo] - existing, (double) f->actual_to_date);
              if (mo > 0)
                v = MAX (v, bands[b][mo - 1]);
            }
          bands[b][mo] = v;
        }
    }
  return f;
}

GsRefan *
gs_refan_compute (const GsModel *model, const GDate *as_of, const GsSimSettings *settings,
                  GCancellable *cancellable, GError **error)
{
  g_autoptr (GsResult) result = gs_compute (model, error);
  g_autoptr (GsTracking) tracking = NULL;
  g_autoptr (GsEvidence) evidence = NULL;

  if (result == NULL)
    return NULL;
  tracking = gs_tracking_compute (model, result, as_of, error);
  if (tracking == NULL)
    return NULL;
  evidence = gs_evidence_compute_cancellable (model, tracking, settings, cancellable, error);
  if (evidence == NULL)
    return NULL;
  return gs_refan_new (model, result, tracking, evidence);
}

void
gs_refan_free (GsRefan *f)
{
  if (f == NULL)
    return;
  g_free (f->actual_cum);
  g_free (f->p10);
  g_free (f->p50);
  g_free (f->p90);
  g_free (f->target_cum);
  g_free (f->plan_cum);
  g_free (f);
}
