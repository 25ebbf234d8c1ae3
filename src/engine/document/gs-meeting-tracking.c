/* gs-meeting-tracking.c — the agreed baseline tracked, and the deltas.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-meeting-tracking.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-montecarlo.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

void
gs_meeting_tracking_free (GsMeetingTracking *b)
{
  if (b == NULL)
    return;
  g_clear_pointer (&b->tracking, gs_tracking_free);
  g_clear_pointer (&b->result, gs_result_free);
  g_clear_pointer (&b->model, gs_model_free);
  g_free (b);
}

GsMeetingTracking *
gs_meeting_tracking_new (GsPlan *plan, const GDate *day, GError **error)
{
  JsonNode *baseline = gs_plan_lookup (plan, "meeting.baseline");
  g_autoptr (GsMeetingTracking) b = g_new0 (GsMeetingTracking, 1);
  g_autoptr (GError) local = NULL;

  if (baseline == NULL || !JSON_NODE_HOLDS_OBJECT (baseline))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("meeting.baseline: no agreed baseline is set"));
      return NULL;
    }
  b->model = gs_model_decode (baseline, &local);
  if (b->model && b->model->actuals == NULL)
    /* Agreed before anything was imported: nothing had happened yet. */
    b->model->actuals = gs_actuals_data_new (b->model->n_stages);
  if (b->model == NULL || (b->result = gs_compute (b->model, &local)) == NULL
      || (b->tracking = gs_tracking_compute (b->model, b->result, day, &local)) == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("meeting.baseline: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&b);
}

GsEvidence *
gs_meeting_tracking_evidence (GsPlan *plan, const GsMeetingTracking *before, GError **error)
{
  JsonNode *baseline = gs_plan_lookup (plan, "meeting.baseline");
  GsSimSettings settings;

  gs_sim_settings_init (&settings);
  if (baseline == NULL || !gs_sim_settings_read (baseline, &settings, error))
    {
      if (error && *error == NULL)
        g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                     _ ("meeting.baseline: no agreed baseline is set"));
      return NULL;
    }
  return gs_evidence_compute (before->model, before->tracking, &settings, error);
}

const GsPersonTrack *
gs_meeting_tracking_person (const GsMeetingTracking *b, const char *person_id)
{
  const GsActualsData *a = b->model->actuals;
  for (guint i = 0; i < b->tracking->n_people; i++)
    {
      const GsPersonTrack *p = &b->tracking->people[i];
      if (p->person >= 0 && (guint) p->person < a->n_people
          && strcmp (a->people[p->person].id, person_id) == 0)
        return p;
    }
  return NULL;
}

static char *
arrow (double change, const char *magnitude)
{
  return g_strdup_printf ("%s %s", change > 0 ? "↑" : "↓", magnitude);
}

char *
gs_meeting_track_delta (const GsModel *model, GsTrackUnit unit, GsDirection direction, double now,
                        double before, GsVerdict *verdict)
{
  double change = now - before;
  char *text = NULL;

  switch (unit)
    {
    case GS_TRACK_UNIT_COUNT:
      {
        /* Planned volumes to date hold parts of a month: whole records shown. */
        gint64 d = llround (now) - llround (before);
        g_autofree char *n = NULL;
        change = (double) d;
        if (d == 0)
          break;
        n = gs_format_count (d < 0 ? -d : d);
        text = arrow (change, n);
        break;
      }
    case GS_TRACK_UNIT_MONEY:
      {
        gint64 d = (gint64) now - (gint64) before;
        change = (double) d;
        if (d == 0)
          break;
        if (before != 0)
          {
            g_autofree char *pct = gs_format_percent (fabs (change / before));
            text = arrow (change, pct);
          }
        else
          {
            g_autofree char *m = gs_format_money (d < 0 ? -d : d, model->company.digits,
                                                  model->company.currency, GS_MONEY_FORMAT_COMPACT);
            text = arrow (change, m);
          }
        break;
      }
    case GS_TRACK_UNIT_SHARE:
      {
        g_autofree char *pts = NULL;
        if (fabs (change * 100) < 0.05)
          {
            change = 0;
            break;
          }
        pts = gs_format_number (fabs (change * 100), 1);
        /* Translators: a change in percentage points ("↑ 3.5 pts"). */
        text = g_strdup_printf (_ ("%s %s pts"), change > 0 ? "↑" : "↓", pts);
        break;
      }
    case GS_TRACK_UNIT_MULTIPLE:
    default:
      {
        g_autofree char *x = NULL;
        if (fabs (change) < 0.05)
          {
            change = 0;
            break;
          }
        x = gs_format_number (fabs (change), 1);
        /* Translators: a change of a multiple ("↑ 0.4×"). */
        text = g_strdup_printf (_ ("%s %s×"), change > 0 ? "↑" : "↓", x);
        break;
      }
    }
  if (verdict)
    *verdict = gs_direction_verdict (direction, text ? change : 0);
  return text;
}
