/* test-actuals-util.h — the tiny plan (test-util.h) with actuals, tracked to a day.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-tracking.h"
#include "test-util.h"

/* Two AEs (Ann on the AE role's quota, Bob with his own 120,000.00); leads
 * L1–L3 of the inbound source and L4 of none; deals D1 (won), D2 (open), D3
 * (lost), D4 (won after mid-February).  test-tracking.c works out what they
 * make by hand. */
static const char *tiny_actuals
    = "{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}, {\"id\": \"bob\", \"name\": \"Bob "
      "Ray\", \"role\": \"ae\", \"quota\": \"120000.00\"}],"
      " \"leads\": ["
      "  {\"id\": \"L1\", \"source\": \"inbound\", \"reached\": {\"lead\": \"2027-01-05\", "
      "\"mql\": "
      "\"2027-01-10\"}},"
      "  {\"id\": \"L2\", \"source\": \"inbound\", \"reached\": {\"lead\": \"2027-01-20\"}},"
      "  {\"id\": \"L3\", \"source\": \"inbound\", \"reached\": {\"lead\": \"2027-02-03\", "
      "\"mql\": "
      "\"2027-02-20\"}},"
      "  {\"id\": \"L4\", \"reached\": {\"lead\": \"2026-12-20\", \"mql\": \"2027-01-02\"}}],"
      " \"deals\": ["
      "  {\"id\": \"D1\", \"owner\": \"ann\", \"amount\": \"12000.00\", \"stage\": \"won\", "
      "\"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-01-10\", \"closed\": "
      "\"2027-02-01\"},"
      "  {\"id\": \"D2\", \"owner\": \"ann\", \"amount\": \"8000.00\", \"stage\": \"mql\", "
      "\"source\": \"inbound\", \"created\": \"2027-01-15\"},"
      "  {\"id\": \"D3\", \"owner\": \"bob\", \"amount\": \"10000.00\", \"stage\": \"mql\", "
      "\"status\": \"lost\", \"source\": \"inbound\", \"created\": \"2027-02-10\", \"closed\": "
      "\"2027-02-12\"},"
      "  {\"id\": \"D4\", \"owner\": \"bob\", \"amount\": \"5000.00\", \"stage\": \"won\", "
      "\"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-02-20\", \"closed\": "
      "\"2027-02-25\"}]}";

/* Decodes the tiny plan with actuals (a JSON literal), computes it and
 * tracks it to y-m-d; the model and result are the caller's. */
static inline GsTracking *
tiny_tracking (const char *actuals, GsModel **model, GsResult **result, guint y, guint m, guint d)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  GsTracking *t;
  GDate day;
  patch (tree, "version", "\"1.1\"");
  patch (tree, "actuals", actuals);
  *model = decode_ok (tree);
  *result = gs_compute (*model, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  t = gs_tracking_compute (*model, *result, &day, &error);
  g_assert_no_error (error);
  return t;
}

/* Leads of the inbound source, all in January 2027: n came in, of them m
 * became MQLs and of those w were won (leads only: no bookings are known). */
static inline char *
leads_actuals (guint n, guint m, guint w)
{
  GString *s = g_string_new ("{\"leads\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s,
                              "%s{\"id\": \"L%u\", \"source\": \"inbound\", \"reached\": "
                              "{\"lead\": \"2027-01-05\"",
                              i ? ", " : "", i);
      if (i < m)
        g_string_append (s, ", \"mql\": \"2027-01-10\"");
      if (i < w)
        g_string_append (s, ", \"won\": \"2027-01-20\"");
      g_string_append (s, "}}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}
