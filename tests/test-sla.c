/* test-sla.c — SLA compliance from the stage dates, worked by hand on the
 * tiny plan (test-util.h: Lead → MQL → Won, the hand-off at MQL, so the
 * follow-up is reaching Won here), tracked to 20 Feb 2027.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With an SLA of 48 hours (2 days):
 *   L1 MQL 10 Jan, next 11 Jan: 1 day            → within (January)
 *   L2 MQL 10 Jan, next 13 Jan: 3 days           → late
 *   L3 MQL 20 Jan, never; 31 days by 20 Feb      → missed
 *   L4 MQL 19 Feb, never; 1 day by 20 Feb        → waiting (February)
 *   L5 MQL 18 Feb, next 21 Feb (after the day); 2 days by 20 Feb → waiting
 *   L6 MQL  1 Feb, next  3 Feb: 2 days = 48 hours → within
 *   L7 (no source) MQL 5 Jan, next 5 Jan: 0 days  → within, in the last row
 *   L8 MQL 30 Dec 2026 (before the plan), L9 MQL 25 Feb (after the day),
 *   L10 no MQL date                               → not counted
 * Inbound January: 3 MQLs, 1 within, 1 late, 1 missed: 1 ÷ 3.  February: 3
 * MQLs, 1 within, 2 waiting: 1 due, 1 ÷ 1.  Inbound: 6, 2 within of 4 due
 * = 50 %.  All: 7 MQLs, 3 within of 5 due = 60 %.
 * With 4 hours (0 days: the same day only): within L7; late L1, L2, L6;
 * missed L3, L4, L5 (their day is over); 1 of 7 due.
 */
#include "gs-sla.h"
#include "gs-tracking-json.h"
#include "test-util.h"

static const char *leads
    = "{\"leads\": ["
      " {\"id\": \"L1\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-01-10\", \"won\": "
      "\"2027-01-11\"}},"
      " {\"id\": \"L2\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-01-10\", \"won\": "
      "\"2027-01-13\"}},"
      " {\"id\": \"L3\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-01-20\"}},"
      " {\"id\": \"L4\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-02-19\"}},"
      " {\"id\": \"L5\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-02-18\", \"won\": "
      "\"2027-02-21\"}},"
      " {\"id\": \"L6\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-02-01\", \"won\": "
      "\"2027-02-03\"}},"
      " {\"id\": \"L7\", \"reached\": {\"mql\": \"2027-01-05\", \"won\": \"2027-01-05\"}},"
      " {\"id\": \"L8\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2026-12-30\", \"won\": "
      "\"2027-01-01\"}},"
      " {\"id\": \"L9\", \"source\": \"inbound\", \"reached\": {\"mql\": \"2027-02-25\"}},"
      " {\"id\": \"L10\", \"source\": \"inbound\", \"reached\": {\"lead\": \"2027-01-03\", "
      "\"won\": \"2027-01-04\"}}]}";

static GsSla *
sla_for (const char *hours, GsModel **model)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  GsSla *sla;
  GDate day;
  patch (tree, "version", "\"1.1\"");
  patch (tree, "actuals", leads);
  json_object_set_object_member (json_node_get_object (tree), "agreements", json_object_new ());
  patch (tree, "agreements.followup_sla_hours", hours);
  *model = decode_ok (tree);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 2, 2027);
  sla = gs_sla_compute (*model, &day, &error);
  g_assert_no_error (error);
  return sla;
}

static void
expect (const GsSlaCount *c, guint mqls, guint within, guint late, guint missed, guint waiting,
        double share)
{
  g_assert_cmpuint (c->mqls, ==, mqls);
  g_assert_cmpuint (c->within, ==, within);
  g_assert_cmpuint (c->late, ==, late);
  g_assert_cmpuint (c->missed, ==, missed);
  g_assert_cmpuint (c->waiting, ==, waiting);
  g_assert_cmpfloat_with_epsilon (c->share, share, 1e-12);
  /* Every MQL is one of the four. */
  g_assert_cmpuint (c->within + c->late + c->missed + c->waiting, ==, c->mqls);
  g_assert_cmpuint (c->due, ==, c->within + c->late + c->missed);
}

static void
test_two_days (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsSla) sla = sla_for ("48", &m);
  g_assert_cmpuint (sla->days, ==, 2);
  g_assert_cmpuint (sla->from, ==, 1);
  g_assert_cmpuint (sla->to, ==, 2);
  expect (gs_sla_month (sla, 0, 0), 3, 1, 1, 1, 0, 1.0 / 3);
  expect (gs_sla_month (sla, 0, 1), 3, 1, 0, 0, 2, 1);
  expect (gs_sla_month (sla, 0, 2), 0, 0, 0, 0, 0, 0);
  expect (&sla->rows[0], 6, 2, 1, 1, 2, 0.5);
  expect (&sla->rows[1], 1, 1, 0, 0, 0, 1);
  expect (&sla->total, 7, 3, 1, 1, 2, 0.6);
}

static void
test_same_day (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsSla) sla = sla_for ("4", &m);
  g_assert_cmpuint (sla->days, ==, 0);
  expect (&sla->total, 7, 1, 3, 3, 0, 1.0 / 7);
}

static void
test_json (void)
{
  g_autoptr (GsModel) m = NULL;
  g_autoptr (GsSla) sla = sla_for ("48", &m);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) r = gs_compute (m, &error);
  g_autoptr (JsonNode) node = gs_sla_to_json (m, r, sla);
  JsonObject *o = json_node_get_object (node);
  JsonArray *sources = json_object_get_array_member (o, "sources");
  JsonObject *inbound = json_array_get_object_element (sources, 0);
  JsonObject *feb
      = json_array_get_object_element (json_object_get_array_member (inbound, "months"), 1);
  g_assert_cmpstr (json_object_get_string_member (o, "from"), ==, "mql");
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, "won");
  g_assert_cmpfloat (json_object_get_double_member (o, "share"), ==, 0.6);
  g_assert_cmpuint (json_array_get_length (sources), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (inbound, "source"), ==, "inbound");
  g_assert_cmpstr (json_object_get_string_member (feb, "month"), ==, "2027-02");
  g_assert_cmpint (json_object_get_int_member (feb, "waiting"), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (sources, 1), "source")
                 || JSON_NODE_HOLDS_NULL (json_object_get_member (
                     json_array_get_object_element (sources, 1), "source")));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sla/two-days", test_two_days);
  g_test_add_func ("/sla/same-day", test_same_day);
  g_test_add_func ("/sla/json", test_json);
  return g_test_run ();
}
