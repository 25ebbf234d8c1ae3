/* test-leak-text.c — the leak and the evidence in words (gs-explain-leak.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan tracked to 14 February (test-tracking.c works the figures):
 * inbound has 3 leads against 150 planned to date, behind where it enters.
 * A leak further down is told as the step into it: moved to the MQL stage,
 * the step Lead → MQL converted 1 of 3 (33.3 %) against 50 % planned, and 3
 * deals stand at MQL against 75 planned.
 */
#include "gs-explain-leak.h"
#include "test-actuals-util.h"

static void
test_leak (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GsTracking) t = tiny_tracking (tiny_actuals, &m, &r, 2027, 2, 14);
  g_autofree char *entry = gs_explain_leak (m, t, 0);
  g_autofree char *step = NULL, *none = NULL;

  g_assert_cmpstr (entry, ==, "Inbound: too few come in at Lead: 3 to date against 150 planned");

  t->leaks[0].stage = 1;
  t->leaks[0].planned = 75;
  t->leaks[0].actual = 3;
  step = gs_explain_leak (m, t, 0);
  g_assert_cmpstr (step, ==,
                   "Inbound: Lead → MQL is behind plan: 33.3 % against 50 % (3 to date, "
                   "75 planned)");

  t->leaks[0].stage = G_MAXUINT;
  none = gs_explain_leak (m, t, 0);
  g_assert_cmpstr (none, ==, "Inbound: on plan at every stage to date");
}

static void
test_evidence (void)
{
  /* The sentence reads only the model's stage names. */
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) m = decode_ok (tree);
  GsEvidence e = { .moved_most = -1 };
  g_autofree char *moved = NULL;

  g_assert_null (gs_explain_evidence_moved (m, &e));
  e.moved_most = 0;
  e.moved_by = -0.08;
  moved = gs_explain_evidence_moved (m, &e);
  g_assert_cmpstr (moved, ==, "The Lead → MQL actuals moved it most: −8 %");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/leak-text/leak", test_leak);
  g_test_add_func ("/leak-text/evidence", test_evidence);
  return g_test_run ();
}
