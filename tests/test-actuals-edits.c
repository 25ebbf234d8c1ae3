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
#include "gs-actuals-json.h"
#include "gs-actuals-store.h"
#include "gs-roster-edits.h"
#include "gs-scenario.h"
#include "gs-validate.h"
#include "gs-comp.h"
#include "gs-crm-import.h"
#include "gs-explain.h"
#include "gs-json.h"
#include "gs-result-json.h"
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

static const GsPerson *
person (GsPlan *plan, guint i)
{
  const GsActualsData *d = gs_plan_get_model (plan)->actuals;
  g_assert_nonnull (d);
  g_assert_cmpuint (i, <, d->n_people);
  return &d->people[i];
}

/* A person added by hand: one step each, checked as the import matches. */
static void
test_add_person (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GError) error = NULL;
  g_autofree char *long_name = NULL;
  GsNewPerson zoe = { "  Zoë Adams ", "zoe@example.com", "sdr", 4000000 };
  GsNewPerson p = { 0 };
  guint index = 99;

  g_assert_true (gs_plan_add_person (plan, &zoe, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 3);
  /* Trimmed; the id from the name as the import makes it; 40,000.00 a year. */
  g_assert_cmpstr (person (plan, 2)->name, ==, "Zoë Adams");
  g_assert_cmpstr (person (plan, 2)->id, ==, "zoe_adams");
  g_assert_cmpstr (person (plan, 2)->email, ==, "zoe@example.com");
  g_assert_cmpstr (person (plan, 2)->role, ==, "sdr");
  g_assert_cmpint (person (plan, 2)->quota, ==, 4000000);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "actuals.people[2].quota")), ==,
                   "40000.00");

  /* Not blank; not a duplicate after folding case and accents; ≤ 200. */
  p.name = "   ";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "A person needs a name."));
  p.name = "ZOE  adams";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "There is already a person named “Zoë Adams” on the roster; "
                                 "choose another name."));
  p.name = "ann lée";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error, "“Ann Lee”"));
  long_name = g_strnfill (201, 'x');
  p.name = long_name;
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "a name of 201 characters; at most 200 are allowed"));
  long_name[200] = '\0'; /* exactly 200 is allowed */
  g_assert_true (gs_plan_add_person (plan, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_undo (plan));
  /* E-mail: an address, nobody else's; a bad role; a negative quota. */
  p.name = "Carl Diaz";
  p.email = "carl at example";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "“carl at example” is not an e-mail address"));
  p.email = "ZOE@example.com";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "ZOE@example.com is already the e-mail address of Zoë Adams"));
  p.email = NULL;
  p.role = "no such role!";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "“no such role!” is not a role of the compensation plan"));
  p.role = NULL;
  p.quota = -1;
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "a quota cannot be negative"));
  p.quota = 0;
  /* No role: the mapping's owner role ("ae"); no quota member written. */
  g_assert_true (gs_plan_add_person (plan, &p, &index, &error));
  g_assert_cmpuint (index, ==, 3);
  g_assert_cmpstr (person (plan, 3)->role, ==, "ae");
  g_assert_null (gs_plan_lookup (plan, "actuals.people[3].quota"));
  g_assert_null (person (plan, 3)->email);

  /* Undo takes each addition back; redo brings it again. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 3);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 2);
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpstr (person (plan, 2)->name, ==, "Zoë Adams");
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpstr (person (plan, 3)->name, ==, "Carl Diaz");

  /* A rename is checked the same way (keeping one's own name is fine). */
  g_assert_true (refused_saying (gs_plan_set_person_name (plan, 3, "Bob RAY", &error), &error,
                                 "There is already a person named “Bob Ray”"));
  g_assert_true (refused_saying (gs_plan_set_person_name (plan, 3, "", &error), &error,
                                 "A person needs a name."));
  g_assert_true (gs_plan_set_person_name (plan, 3, "carl diaz ", &error));
  g_assert_cmpstr (person (plan, 3)->name, ==, "carl diaz");
}

/* The first person of a plan with no actuals brings the section (1.1). */
static void
test_add_first_person (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  GsNewPerson ann = { "Ann Lee", NULL, NULL, 0 };

  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_true (gs_plan_add_person (plan, &ann, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (version (plan), ==, "1.1");
  g_assert_cmpstr (person (plan, 0)->id, ==, "ann_lee");
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 0);
  g_assert_true (gs_plan_undo (plan));
  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_cmpstr (version (plan), ==, "1.0");
  g_assert_false (gs_plan_can_undo (plan));
}

/* Only a person no record names can go; the e-mail edited and cleared. */
static void
test_remove_person (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GError) error = NULL;
  GsNewPerson zoe = { "Zoë Adams", NULL, "ae", 0 };

  g_assert_true (refused_saying (gs_plan_remove_person (plan, 0, &error), &error,
                                 "Ann Lee is named on 1 record of the actuals (a deal, lead or "
                                 "dispute note), so cannot be removed from the roster"));
  g_assert_true (refused_saying (gs_plan_remove_person (plan, 5, &error), &error,
                                 "the roster has no person 6"));
  g_assert_true (gs_plan_add_person (plan, &zoe, NULL, &error));
  g_assert_true (gs_plan_set_person_email (plan, 2, " zoe@example.com ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (person (plan, 2)->email, ==, "zoe@example.com");
  g_assert_true (refused_saying (gs_plan_set_person_email (plan, 2, "zoe", &error), &error,
                                 "“zoe” is not an e-mail address"));
  g_assert_true (gs_plan_set_person_email (plan, 2, "", &error));
  g_assert_null (person (plan, 2)->email);
  g_assert_null (gs_plan_lookup (plan, "actuals.people[2].email"));

  g_assert_true (gs_plan_remove_person (plan, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 2);
  /* The deals still name their owners by id. */
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[1].owner, ==, 1);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 3);
  g_assert_cmpstr (person (plan, 2)->name, ==, "Zoë Adams");
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_people, ==, 2);
}

/* With a compensation plan, only its roles are offered. */
static void
test_add_person_roles (void)
{
  g_autoptr (GsPlan) plan = example_plan ("seed-saas.goalsheet");
  g_autoptr (GError) error = NULL;
  const GsCompModel *comp = gs_plan_get_comp (plan, &error);
  GsNewPerson p = { "Nia Okafor", NULL, "ae", 0 };
  g_autofree char *last = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (comp);
  /* A copy: the edit replaces the plan's model, and its roles with it. */
  last = g_strdup (comp->roles[comp->n_roles - 1].id);
  p.role = last;
  g_assert_true (gs_plan_add_person (plan, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (person (plan, gs_plan_get_model (plan)->actuals->n_people - 1)->role, ==,
                   p.role);
  p.name = "Omar Ali";
  p.role = "sdr_typo";
  g_assert_true (refused_saying (gs_plan_add_person (plan, &p, NULL, &error), &error,
                                 "“sdr_typo” is not a role of the compensation plan"));
}

/* The text a save writes (the change log's time aside: one save here). */
static char *
saved_text (GsPlan *plan, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

/* An import keeps the records as the plan's store (null in the tree), one
 * step: undo and redo bring back the store itself, and a save writes the
 * text the whole tree gives, byte for byte. */
static void
test_store_round_trip (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autofree char *dir = g_dir_make_tmp ("gs-store-XXXXXX", NULL);
  g_autofree char *first = NULL, *again = NULL, *tree = NULL;
  const GsActualsData *d;

  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (
      json_object_get_object_member (json_node_get_object (gs_plan_peek_root (plan)), "actuals"),
      "deals")));
  /* The two deals, decoded from the store: 100.00 won by Ann, 250.00 open. */
  d = gs_plan_get_model (plan)->actuals;
  g_assert_cmpuint (d->n_deals, ==, 2);
  g_assert_cmpint (d->deals[1].amount, ==, 25000);
  g_assert_cmpstr (d->people[d->deals[1].owner].name, ==, "Bob Ray");

  first = saved_text (plan, dir, "first.goalsheet");
  g_assert_true (gs_plan_has_store (plan)); /* the save built no tree */
  g_assert_nonnull (strstr (first, "\"id\": \"2\",\n        \"name\": \"Open\",\n"
                                   "        \"amount\": \"250.00\""));
  /* The change log counts the import as the whole tree's diff does. */
  g_assert_nonnull (strstr (first, "\"path\": \"actuals\""));
  /* The plan's text is written from the store as a save writes it, and
   * the whole tree, built from the store, writes the same text. */
  tree = gs_plan_to_text (plan);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_cmpstr (tree, ==, first);
  g_clear_pointer (&tree, g_free);
  tree = gs_json_to_text (gs_plan_get_root (plan));
  g_assert_false (gs_plan_has_store (plan));
  g_assert_cmpstr (tree, ==, first);

  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_has_store (plan));
  g_assert_null (gs_plan_get_model (plan)->actuals);
  g_assert_cmpstr (version (plan), ==, "1.0");
  g_assert_true (gs_plan_redo (plan));
  /* The very store again, not a tree built from it. */
  g_assert_true (gs_plan_has_store (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 2);
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[0].amount, ==, 10000);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.1");
  /* Redone, the section comes after the log the save wrote (as a path's
   * edit put back does); the records' text is the same. */
  again = saved_text (plan, dir, "again.goalsheet");
  g_assert_true (gs_plan_has_store (plan));
  {
    const char *from = strstr (first, "\n  \"actuals\": {");
    g_autofree char *section = g_strndup (from, strstr (from, "\n  }") - from);
    g_assert_nonnull (strstr (again, section));
  }
  g_clear_pointer (&tree, g_free);
  tree = gs_plan_to_text (plan);
  g_assert_cmpstr (tree, ==, again);
  test_remove_dir (dir);
}

/* The plan's model and figures against a full decode of its text. */
static void
assert_as_text (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gs_plan_to_text (plan);
  g_autoptr (GsPlan) reread = gs_plan_new_from_text (text, -1, &error);
  const GsActualsData *got = gs_plan_get_model (plan)->actuals;
  const GsActualsData *want;
  g_autoptr (JsonNode) got_json = NULL, want_json = NULL;
  g_autofree char *got_text = NULL, *want_text = NULL;

  g_assert_no_error (error);
  want = gs_plan_get_model (reread)->actuals;
  g_assert_cmpuint (got->n_deals, ==, want->n_deals);
  for (guint i = 0; i < got->n_deals; i++)
    {
      g_assert_cmpstr (got->deals[i].id, ==, want->deals[i].id);
      g_assert_cmpint (got->deals[i].amount, ==, want->deals[i].amount);
      g_assert_cmpint (got->deals[i].stage, ==, want->deals[i].stage);
      g_assert_cmpint (got->deals[i].source, ==, want->deals[i].source);
      g_assert_cmpint (got->deals[i].owner, ==, want->deals[i].owner);
    }
  got_json = gs_actuals_to_json (got, gs_plan_get_model (plan));
  want_json = gs_actuals_to_json (want, gs_plan_get_model (reread));
  got_text = gs_json_to_text (got_json);
  want_text = gs_json_to_text (want_json);
  g_assert_cmpstr (got_text, ==, want_text);
  /* Every figure the plan computes, with its derivation. */
  g_clear_pointer (&got_json, json_node_unref);
  g_clear_pointer (&want_json, json_node_unref);
  g_clear_pointer (&got_text, g_free);
  g_clear_pointer (&want_text, g_free);
  got_json = gs_result_to_json (gs_plan_get_model (plan), gs_plan_get_result (plan, NULL),
                                gs_explain_result_words ());
  want_json = gs_result_to_json (gs_plan_get_model (reread), gs_plan_get_result (reread, NULL),
                                 gs_explain_result_words ());
  got_text = gs_json_to_text (got_json);
  want_text = gs_json_to_text (want_json);
  g_assert_cmpstr (got_text, ==, want_text);
}

/* An edit that does not reach the records keeps the store: the new model
 * reads the very records (a plan with 100,000 deals then edits without
 * building or copying them), and undo and redo keep it too.  An edit that
 * changes what the records were decoded against (a source added) builds
 * the lists into the tree and decodes them from it. */
static void
test_store_kept_by_edits (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GError) error = NULL;
  const GsActualDeal *records = gs_plan_get_model (plan)->actuals->deals;
  g_autoptr (JsonNode) two_sources = gs_json_parse (
      "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": \"marketing\", \"share\": 0.5,"
      " \"cost_per_lead\": \"20.00\"}, {\"id\": \"events\", \"name\": \"Events\", \"owner\":"
      " \"marketing\", \"share\": 0.5, \"cost_per_lead\": \"40.00\"}]",
      -1, &error);
  g_assert_no_error (error);

  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_get_model (plan)->actuals->deals == records);
  assert_as_text (plan);
  /* A copy of the model (the simulation's, the evidence's) shares them. */
  {
    g_autoptr (GsModel) copy = gs_model_copy (gs_plan_get_model (plan));
    g_assert_true (copy->actuals->deals == records);
  }
  /* A copy of the plan (the Actuals page's worker's) shares the store and
   * says the same; building its lists leaves the plan's store standing. */
  {
    g_autoptr (GsPlan) copy = gs_plan_copy (plan);
    g_autofree char *want = gs_plan_to_text (plan);
    g_autofree char *got = gs_plan_to_text (copy);
    g_assert_true (gs_plan_has_store (copy));
    g_assert_true (gs_plan_get_model (copy)->actuals->deals == records);
    g_assert_cmpstr (got, ==, want);
    g_assert_false (gs_plan_get_dirty (copy));
    g_clear_pointer (&got, g_free);
    got = gs_json_to_text (gs_plan_get_root (copy));
    g_assert_false (gs_plan_has_store (copy));
    g_assert_true (gs_plan_has_store (plan));
    g_assert_cmpstr (got, ==, want);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (
        json_object_get_object_member (json_node_get_object (gs_plan_peek_root (plan)), "actuals"),
        "deals")));
  }
  /* A person's name: the roster's frame (ids) is the same. */
  g_assert_true (gs_plan_set_string (plan, "actuals.people[0].name", "Ann Lee-Ray", &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_get_model (plan)->actuals->deals == records);
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->people[0].name, ==, "Ann Lee-Ray");
  assert_as_text (plan);

  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_get_model (plan)->actuals->deals == records);
  assert_as_text (plan);
  g_assert_true (gs_plan_redo (plan));
  g_assert_true (gs_plan_has_store (plan));
  assert_as_text (plan);

  /* A second source: the records' source indices were decoded against one. */
  g_assert_true (gs_plan_set (plan, "sources", g_steal_pointer (&two_sources), &error));
  g_assert_no_error (error);
  g_assert_false (gs_plan_has_store (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->n_sources, ==, 2);
  assert_as_text (plan);
  g_assert_true (gs_plan_undo (plan));
  assert_as_text (plan);
}

/* Importing the same records again changes nothing: no undo step. */
static void
test_store_same_again (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GsActualsData) data = gs_actuals_data_copy (gs_plan_get_model (plan)->actuals);
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_can_undo (plan)); /* the import's one step only */
  g_assert_true (gs_plan_redo (plan));
  /* A changed amount is a change: a second step. */
  data->deals[0].amount = 12345;
  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[0].amount, ==, 12345);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[0].amount, ==, 10000);
  g_assert_true (gs_plan_can_undo (plan));
}

/* An import about to end hands its records to the store (no copy) and the
 * model reads the store's records (no copy either): the same plan as a
 * copying import gives, and undo still brings the records before back. */
static void
test_store_taken (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GsPlan) copied = tiny_plan_with_deals ();
  g_autoptr (GsActualsData) data = gs_actuals_data_copy (gs_plan_get_model (plan)->actuals);
  g_autoptr (GsActualsData) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *taken_text = NULL, *copied_text = NULL;
  const GsActualsData *m;

  /* The model's records are the store's; a copy of them is its own. */
  g_assert_nonnull (gs_plan_get_model (plan)->actuals->records_of);
  g_assert_null (data->records_of);
  g_assert_true (data->deals != gs_plan_get_model (plan)->actuals->deals);
  data->deals[0].amount = 12345;
  g_assert_true (gs_plan_set_actuals (copied, data, &error));
  g_assert_true (gs_plan_take_actuals (plan, data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_deals, ==, 0);
  g_assert_null (data->deals);
  m = gs_plan_get_model (plan)->actuals;
  g_assert_cmpuint (m->n_deals, ==, 2);
  g_assert_cmpint (m->deals[0].amount, ==, 12345);
  g_assert_cmpstr (m->deals[1].id, ==, "2");
  taken_text = gs_plan_to_text (plan);
  copied_text = gs_plan_to_text (copied);
  g_assert_cmpstr (taken_text, ==, copied_text);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[0].amount, ==, 10000);
  /* The next import's copy can be changed without touching the store. */
  again = gs_actuals_data_copy (gs_plan_get_model (plan)->actuals);
  again->deals[0].amount = 1;
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[0].amount, ==, 10000);
}

/* A save streams its text to the file in pieces of about 64 KiB: 3,000
 * deals (format 1.4, as rows: about 0.26 MB of text, some 4 pieces) give
 * the bytes the whole text gives, and the file reads back with every deal. */
static void
test_store_saved_in_pieces (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GsActualsData) data = gs_actuals_data_copy (gs_plan_get_model (plan)->actuals);
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  g_autoptr (GString) csv = g_string_new ("Record ID,Deal Name,Deal owner,Amount,Deal Stage,"
                                          "Create Date,Close Date\n");
  g_autofree char *dir = g_dir_make_tmp ("gs-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.goalsheet", NULL);
  g_autofree char *saved = NULL, *whole = NULL;
  g_autoptr (GsPlan) again = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "%u,\"Deal %u, \"\"quoted\"\"\",Ann Lee,%u.50,MQL,2027-01-07,\n",
                            100 + i, i, i);
  g_assert_true (gs_crm_import (data, gs_plan_get_model (plan), GS_CRM_DEALS, csv->str, csv->len,
                                report, &error));
  g_assert_cmpuint (report->imported, ==, 3000);
  g_assert_true (gs_plan_take_actuals (plan, data, &error));
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_cmpuint (strlen (saved), >, 3 * 65536);
  g_assert_nonnull (strstr (saved, "\"rows\": ["));
  whole = gs_plan_to_text (plan);
  g_assert_cmpstr (saved, ==, whole);
  again = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_plan_get_model (again)->actuals->n_deals, ==, 3002);
  g_assert_cmpstr (gs_plan_get_model (again)->actuals->deals[3001].name, ==,
                   "Deal 2999, \"quoted\"");
  test_remove_dir (dir);
}

/* A deal name over the limit: refused as the plan's reader refuses it in
 * a saved plan, with the same words. */
static void
test_store_refuses (void)
{
  g_autoptr (GsPlan) plan = tiny_plan_with_deals ();
  g_autoptr (GsActualsData) data = gs_actuals_data_copy (gs_plan_get_model (plan)->actuals);
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GsPlan) reread = NULL;
  const char *said = "actuals.deals[1].name: a name of 201 characters; at most 200 are allowed";

  /* The copy's old name lies in its block of texts (not freed alone); the
   * new one is the deal's own, freed with the copy. */
  data->deals[1].name = g_strnfill (201, 'x');
  g_assert_false (gs_plan_set_actuals (plan, data, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, said);
  g_clear_error (&error);
  g_assert_cmpint (gs_plan_get_model (plan)->actuals->deals[1].amount, ==, 25000);
  /* The same section in a plan's text. */
  json_object_set_member (json_node_get_object (tree), "actuals",
                          gs_actuals_to_json (data, gs_plan_get_model (plan)));
  json_object_set_string_member (json_node_get_object (tree), "version", "1.1");
  text = gs_json_to_text (tree);
  reread = gs_plan_new_from_text (text, -1, &error);
  g_assert_null (reread);
  g_assert_cmpstr (error->message, ==, said);
}

/* Scenarios and the validator read the records the store holds. */
static void
test_store_scenarios (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (JsonNode) scenarios
      = gs_json_parse ("[{\"name\": \"more\", \"overrides\": [{\"path\": "
                       "\"capacity.ae.start_headcount\", \"value\": 3}]}]",
                       -1, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  g_autoptr (GsActualsData) data = NULL;
  g_autoptr (GsComparison) c = NULL;

  json_object_set_member (json_node_get_object (tree), "scenarios", g_steal_pointer (&scenarios));
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  data = gs_actuals_data_new (gs_plan_get_model (plan)->n_stages);
  g_assert_true (gs_crm_import (data, gs_plan_get_model (plan), GS_CRM_DEALS, DEALS, strlen (DEALS),
                                report, &error));
  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_true (gs_plan_has_store (plan));
  c = gs_comparison_new_for_plan (plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->n_scenarios, ==, 2);
  for (guint s = 0; s < c->n_scenarios; s++)
    {
      g_assert_nonnull (c->models[s]->actuals);
      g_assert_cmpuint (c->models[s]->actuals->n_deals, ==, 2);
      g_assert_cmpint (c->models[s]->actuals->deals[0].amount, ==, 10000);
    }
  g_assert_true (gs_plan_validate (plan, &error));
  g_assert_no_error (error);
  /* Validating builds no tree of the records (at 100,000 deals that took
   * 1.3 s), and still checks each scenario's own simulation settings. */
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (gs_plan_set (
      plan, "scenarios[0].overrides[0]",
      gs_json_parse ("{\"path\": \"simulation.trials\", \"value\": 0}", -1, NULL), &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_false (gs_plan_validate (plan, &error));
  g_assert_nonnull (strstr (error->message, "scenario “more”: simulation.trials"));
  g_assert_true (gs_plan_has_store (plan));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/actuals-edits/one-step", test_one_step);
  g_test_add_func ("/actuals-edits/roster", test_roster);
  g_test_add_func ("/actuals-edits/add-person", test_add_person);
  g_test_add_func ("/actuals-edits/add-first-person", test_add_first_person);
  g_test_add_func ("/actuals-edits/remove-person", test_remove_person);
  g_test_add_func ("/actuals-edits/add-person-roles", test_add_person_roles);
  g_test_add_func ("/actuals-edits/store-round-trip", test_store_round_trip);
  g_test_add_func ("/actuals-edits/store-same-again", test_store_same_again);
  g_test_add_func ("/actuals-edits/store-kept-by-edits", test_store_kept_by_edits);
  g_test_add_func ("/actuals-edits/store-taken", test_store_taken);
  g_test_add_func ("/actuals-edits/store-saved-in-pieces", test_store_saved_in_pieces);
  g_test_add_func ("/actuals-edits/store-refuses", test_store_refuses);
  g_test_add_func ("/actuals-edits/store-scenarios", test_store_scenarios);
  return g_test_run ();
}
