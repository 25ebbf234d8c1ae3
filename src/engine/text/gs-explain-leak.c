/* gs-explain-leak.c — where a source's funnel falls behind, in words.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-explain-leak.h"
#include "gs-format.h"

#include <glib/gi18n-lib.h>

char *
gs_explain_leak (const GsModel *m, const GsTracking *t, guint source)
{
  const GsLeak *leak = &t->leaks[source];
  const char *name = m->sources[source].name;
  g_autofree char *actual = NULL, *planned = NULL;

  if (leak->stage == G_MAXUINT)
    /* Translators: %s is a source ("Inbound"). */
    return g_strdup_printf (_ ("%s: on plan at every stage to date"), name);
  actual = gs_format_count (leak->actual);
  planned = gs_format_count ((gint64) (leak->planned + 0.5));
  if (leak->stage == m->sources[source].entry_stage || leak->stage == 0)
    /* Translators: source, stage, actual count, planned count: too few come
     * in at the stage where the source enters the funnel. */
    return g_strdup_printf (_ ("%s: too few come in at %s: %s to date against %s planned"), name,
                            m->stages[leak->stage].name, actual, planned);
  {
    /* Behind further down: the step into the stage says why. */
    const GsStepTrack *step = gs_tracking_step (t, source, leak->stage - 1);
    g_autofree char *rate = gs_format_percent (step->rate);
    g_autofree char *plan_rate = gs_format_percent (step->planned_rate);
    /* Translators: source, two stage names, actual and planned conversion
     * ("31 %", "40 %"), actual and planned count at the second stage. */
    return g_strdup_printf (_ ("%s: %s → %s is behind plan: %s against %s (%s to date, %s "
                               "planned)"),
                            name, m->stages[leak->stage - 1].name, m->stages[leak->stage].name,
                            rate, plan_rate, actual, planned);
  }
}

char *
gs_explain_evidence_moved (const GsModel *m, const GsEvidence *e)
{
  g_autofree char *by = NULL;
  if (e->moved_most < 0)
    return NULL;
  by = gs_format_percent_signed (e->moved_by);
  /* Translators: two stage names ("SQL", "Opportunity") and a change ("−8 %"). */
  return g_strdup_printf (_ ("The %s → %s actuals moved it most: %s"),
                          m->stages[e->moved_most].name, m->stages[e->moved_most + 1].name, by);
}
