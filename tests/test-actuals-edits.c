/* test-actuals-edits.c — an import put into the plan as one undoable step,
 * and the roster edited person by person (gs-actuals-edits.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h, format 1.0) takes two HubSpot deals by Ann Lee
 * and Bob Ray: 100.00 won and 250.00 open.
 */
#include "gs-actuals-edits.h"
#include "gs-crm-import.h"
#include "gs-json.h"
#include "test-util.h"

#define DEALS                                                                                      \
  "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"                      \
  "1,Good,Ann Lee,100,Closed Won,2027-01-05,2027-01-20\n"                                          \
  "2,Open,Bob Ray,250,MQL,2027-01-07,\n"

static GsPlan *
tiny_plan_with_deals (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  const GsModel *m;
  g_autoptr (GsActualsData) data = NULL;

  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_null (m->actuals);
  data = gs_actuals_data_new (m->n_stages);
  g_assert_true (gs_crm_import (data, m, GS_CRM_DEALS, DEALS, strlen (DEALS), report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_no_error (error);
  return plan;
}

static const char *
version (GsPlan *plan)
{
  return json_node_get_string (gs_plan_lookup (plan, "version"));
}

static void
test_one_step (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  const GsModel *m = gs_plan_get_model (plan);

  g_assert_cmpstr (version (plan), ==, "1.1");
  g_assert_nonnull (m->actuals);
  g_assert_cmpuint (m->actuals->n_deals, ==, 2);
  g_assert_cmpuint (m->actuals->n_people, ==, 2);
  g_assert_cmpint (m->actuals->deals[0].amount, ==, 10000); /* 100.00 */
  /* One Undo takes records, roster and version back. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_cmpstr (version (plan), ==, "1.0");
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 2);
}

static void
test_roster (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GError) error = NULL;
  const GsPerson *bob;

  /* 50,000.00 a year for Bob (the second person), then back to the role's. */
  g_assert_true (gs_plan_set_person_quota (plan, 1, 5000000, &error));
  g_assert_no_error (error);
  bob = &gs_plan_get_model (plan)->actuals->people[1];
  g_assert_cmpstr (bob->name, ==, "Bob Ray");
  g_assert_cmpint (bob->quota, ==, 5000000);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "actuals.people[1].quota")), ==,
                   "50000.00");
  g_assert_true (gs_plan_set_person_quota (plan, 1, 0, &error));
  g_assert_null (gs_plan_lookup (plan, "actuals.people[1].quota"));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->people[1].quota, ==, 0);

  g_assert_true (gs_plan_set_person_name (plan, 0, "Ann Lee-Park", &error));
  g_assert_true (gs_plan_set_person_role (plan, 0, "sdr", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->people[0].name, ==, "Ann Lee-Park");
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->people[0].role, ==, "sdr");
  /* Each was its own step: four undos back to the import. */
  for (int i = 0; i < 4; i++)
    g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->people[0].name, ==, "Ann Lee");
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->people[1].quota, ==, 0);

  /* A person the roster lacks is refused by position. */
  g_assert_false (gs_plan_set_person_quota (plan, 7, 100, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "the roster has no person 8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/actuals-edits/one-step", test_one_step);
  g_test_add_func ("/actuals-edits/roster", test_roster);
  return g_test_run ();
}
