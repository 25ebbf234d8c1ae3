/* gs-funnel.c — the reverse funnel (target → volume needed, placed in the
 * month it is needed) and the forward funnel (planned volume → bookings).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-compute-private.h"

#include <math.h>
#include <string.h>

void
gs_funnel_offsets (const GsModel *m, guint *offsets)
{
  double days = 0;
  offsets[m->n_stages - 1] = 0;
  for (int k = (int) m->n_stages - 2; k >= 0; k--)
    {
      days += m->steps[k].lag_days;
      offsets[k] = (guint) floor (days / GS_DAYS_PER_MONTH + 0.5);
    }
}

void
gs_cumulative_ceil (const double *frac, gint64 *out, guint n)
{
  double running = 0;
  gint64 given = 0;
  for (guint i = 0; i < n; i++)
    {
      gint64 whole;
      running += frac[i];
      whole = gs_count_ceil (running);
      out[i] = MAX (whole - given, 0);
      given += out[i];
    }
}

/* Works in "win month" time: value m of every stage series belongs to the
 * wins of plan month m, and is placed offset[k] months earlier at the end.
 * The series run n_post months past the plan (the continuation): those wins'
 * volume placed inside the plan is part of its goals, the rest goes to
 * needed_post, which only the derivations read. */
gboolean
gs_compute_reverse (const GsModel *m, GsResult *r, double *frac_out, GError **error)
{
  guint H = r->horizon, H2 = r->horizon + r->n_post;
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  GsMoney *source_target = g_new0 (GsMoney, (gsize) H * m->n_sources);
  g_autofree GsMoney *extended = g_new0 (GsMoney, (gsize) H2 * m->n_sources);
  g_autofree double *shares = g_new0 (double, m->n_sources);
  g_autofree double *frac = g_new0 (double, H2);
  g_autofree gint64 *whole = g_new0 (gint64, H2);
  g_autofree gint64 *next = g_new0 (gint64, H2);

  gs_funnel_offsets (m, offsets);
  g_free (r->source_target);
  r->source_target = source_target; /* kept: the export shows the split */
  for (guint j = 0; j < m->n_sources; j++)
    shares[j] = m->sources[j].share;
  /* The running new-business target is split across sources to the cent and
   * each month gets the increase, so a source's year is exactly its share of
   * the year: splitting month by month lets the leftover cents pile up on one
   * source, and one cent over 250 deals is a 251st deal. */
  {
    g_autofree GsMoneySplitPart *parts = g_new0 (GsMoneySplitPart, m->n_sources);
    g_autofree GsMoney *given = g_new0 (GsMoney, m->n_sources);
    GsMoney running = 0;
    g_free (r->new_business_to_date);
    g_free (r->source_split);
    r->new_business_to_date = g_new0 (GsMoney, H);
    r->source_split = g_new0 (GsMoneySplitPart, (gsize) H * m->n_sources);
    for (guint mo = 0; mo < H; mo++)
      {
        running += r->new_business_month[mo];
        r->new_business_to_date[mo] = running;
        gs_money_split_trace (running, shares, m->n_sources, parts);
        for (guint j = 0; j < m->n_sources; j++)
          {
            r->source_split[(gsize) j * H + mo] = parts[j];
            source_target[(gsize) j * H + mo] = parts[j].part - given[j];
            given[j] = parts[j].part;
          }
      }
  }
  g_clear_pointer (&r->new_business_after, g_free);
  g_clear_pointer (&r->source_after, g_free);
  if (!gs_compute_continuation (m, r, error))
    return FALSE;
  for (guint j = 0; j < m->n_sources; j++)
    for (guint mo = 0; mo < H2; mo++)
      extended[(gsize) j * H2 + mo] = mo < H ? source_target[(gsize) j * H + mo]
                                             : r->source_after[(gsize) j * r->n_post + mo - H];
  g_free (r->needed_post);
  r->needed_post = g_new0 (gint64, (gsize) m->n_sources * m->n_stages * MAX (r->n_post, 1));

  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      guint won = m->n_stages - 1;

      for (guint mo = 0; mo < H2; mo++)
        frac[mo] = (double) extended[(gsize) j * H2 + mo] / (double) m->deal_size;
      for (int k = (int) won; k >= (int) src->entry_stage; k--)
        {
          if (k < (int) won)
            for (guint mo = 0; mo < H2; mo++)
              frac[mo] = (double) next[mo] / src->rates[k];
          gs_cumulative_ceil (frac, whole, H2);
          for (guint mo = 0; mo < H2; mo++)
            {
              guint idx = r->n_pre + mo - offsets[k];
              if (idx >= r->n_months)
                {
                  r->needed_post[((gsize) j * m->n_stages + (guint) k) * r->n_post + idx
                                 - r->n_months]
                      = whole[mo];
                  continue;
                }
              r->needed[GS_IDX (r, j, k, idx)] = whole[mo];
              if (frac_out)
                frac_out[GS_IDX (r, j, k, idx)] = frac[mo];
            }
          memcpy (next, whole, sizeof (gint64) * H2);
        }
    }
  return TRUE;
}

void
gs_compute_entry_volumes (const GsModel *m, const GsResult *r, double *volumes)
{
  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      for (guint i = 0; i < r->n_months; i++)
        {
          double v;
          if (src->planned)
            v = src->planned[i < r->n_pre ? 0 : i - r->n_pre];
          else
            v = (double) r->needed[GS_IDX (r, j, src->entry_stage, i)];
          volumes[(gsize) j * r->n_months + i] = v;
        }
    }
}

void
gs_compute_forward (const GsModel *m, const GsResult *r, const double *volumes, double *projected,
                    GsMoney *bookings)
{
  g_autofree guint *offsets = g_new0 (guint, m->n_stages);
  g_autofree double *won = g_new0 (double, r->horizon);
  guint last = m->n_stages - 1;

  gs_funnel_offsets (m, offsets);
  if (projected)
    memset (projected, 0, sizeof (double) * r->n_sources * r->n_stages * r->n_months);
  for (guint j = 0; j < m->n_sources; j++)
    {
      const GsSource *src = &m->sources[j];
      guint e = src->entry_stage;
      for (guint i = 0; i < r->n_months; i++)
        {
          /* Entry at placed month i belongs to the wins of plan month mo. */
          int mo = (int) i - (int) r->n_pre + (int) offsets[e];
          double v = volumes[(gsize) j * r->n_months + i];
          for (guint k = e; k <= last; k++)
            {
              int idx = (int) r->n_pre + mo - (int) offsets[k];
              if (k > e)
                v *= src->rates[k - 1];
              if (projected && idx >= 0 && idx < (int) r->n_months)
                projected[GS_IDX (r, j, k, idx)] += v;
            }
          if (mo >= 0 && mo < (int) r->horizon)
            won[mo] += v;
        }
    }
  for (guint mo = 0; mo < r->horizon; mo++)
    bookings[mo] = gs_money_round (won[mo] * (double) m->deal_size);
}
