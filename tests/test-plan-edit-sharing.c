/* test-plan-edit-sharing.c — an edit copies only the path it changes and
 * decodes only what it reached: after every kind of edit, undo and redo the
 * plan's model is exactly what a full decode of its saved text gives.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp.h"
#include "gs-actuals-data.h"
#include "gs-result.h"
#include "gs-explain.h"
#include "gs-json.h"
#include "gs-plan.h"
#include "gs-result-json.h"
#include "gs-scenario.h"

#include <glib/gstdio.h>

static char *
result_text (const GsModel *model)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) result = gs_compute (model, &error);
  g_autoptr (JsonNode) json = NULL;
  g_assert_no_error (error);
  json = gs_result_to_json (model, result, gs_explain_result_words ());
  return gs_json_to_text (json);
}

/* The people as decoded, role by role: "role: name quota scale; …". */
static char *
people_text (const GsCompModel *comp)
{
  GString *out = g_string_new (NULL);
  for (guint r = 0; comp && r < comp->n_roles; r++)
    {
      const GsCompRole *role = &comp->roles[r];
      g_string_append_printf (out, "%s (%u, from %d):", role->id, role->headcount,
                              (int) role->headcount_from);
      for (guint i = 0; i < role->n_people; i++)
        g_string_append_printf (out, " %s %.17g %.17g;", role->people[i].name,
                                role->people[i].quota, role->people[i].quota_scale);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The plan's model and resolved pay against a full decode of its text. */
static void
assert_as_full_decode (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gs_plan_to_text (plan);
  g_autoptr (JsonNode) root = gs_json_parse (text, -1, &error);
  g_autoptr (GsModel) full = NULL;
  g_autoptr (GsPlan) reread = NULL;
  const GsModel *model = gs_plan_get_model (plan);
  g_autofree char *got = NULL, *want = NULL;

  g_assert_no_error (error);
  full = gs_model_decode (root, &error);
  g_assert_no_error (error);

  /* The tree the model was decoded from is the plan's, whole. */
  g_autofree char *tree_text = gs_json_to_text (model->tree);
  g_assert_cmpstr (tree_text, ==, text);
  g_assert_cmpstr (gs_model_fingerprint (model), ==, gs_model_fingerprint (full));

  /* Decoded people (unresolved) and every figure computed from the model. */
  got = people_text (model->comp);
  want = people_text (full->comp);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);
  got = result_text (model);
  want = result_text (full);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);

  /* Pay resolved from them: each person's quota scale. */
  reread = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  got = people_text (gs_plan_get_comp (plan, &error));
  g_assert_no_error (error);
  want = people_text (gs_plan_get_comp (reread, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (model->actuals ? model->actuals->n_people : 0, ==,
                    full->actuals ? full->actuals->n_people : 0);
}

static JsonNode *
people_node (guint n, guint quota_every)
{
  g_autoptr (JsonArray) list = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonObject *o = json_object_new ();
      g_autofree char *name = g_strdup_printf ("Manager %02u", i);
      json_object_set_string_member (o, "name", name);
      if (quota_every && i % quota_every == 0)
        {
          /* 9,000,000.00 + 100,000.00 × i */
          g_autofree char *quota = g_strdup_printf ("%u.00", 9000000 + 100000 * i);
          json_object_set_string_member (o, "quota", quota);
        }
      json_array_add_object_element (list, o);
    }
  return json_node_init_array (json_node_alloc (), list);
}

/* The tree as the plan built it before edits shared nodes: the whole tree
 * deep-copied, the value replaced at path.  The plan's text must be that. */
static JsonNode *reference;

static void
set_ok (GsPlan *plan, const char *path, JsonNode *value)
{
  g_autoptr (GError) error = NULL;
  JsonNode *whole = gs_json_deep_copy (reference);
  g_autofree char *want = NULL, *got = NULL;

  g_assert_true (gs_json_replace (whole, path, gs_json_deep_copy (value), &error));
  g_assert_no_error (error);
  g_clear_pointer (&reference, json_node_unref);
  reference = whole;
  g_assert_true (gs_plan_set (plan, path, value, &error));
  g_assert_no_error (error);
  want = gs_json_to_text (reference);
  got = gs_plan_to_text (plan);
  g_assert_cmpstr (got, ==, want);
  assert_as_full_decode (plan);
}

static void
test_edit_sharing (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  const char *managers = "compensation.roles[2].people";
  JsonNode *people;
  g_autofree char *opened = NULL;
  guint edits = 0;

  g_assert_no_error (error);
  opened = gs_plan_to_text (plan);
  reference = gs_json_deep_copy (gs_plan_get_root (plan));
  assert_as_full_decode (plan);
  g_assert_cmpstr (gs_plan_get_model (plan)->comp->roles[2].id, ==, "sales-manager");

  /* Six managers, every second with a quota of their own (9,000,000.00,
   * 9,200,000.00, 9,400,000.00). */
  set_ok (plan, managers, people_node (6, 2)), edits++;
  g_assert_cmpuint (gs_plan_get_model (plan)->comp->roles[2].n_people, ==, 6);

  /* A funnel rate: the people list is the same node, shared, not copied. */
  people = gs_plan_lookup (plan, managers);
  set_ok (plan, "funnel.steps[0].rate", json_node_init_double (json_node_alloc (), 0.31)), edits++;
  g_assert_true (gs_plan_lookup (plan, managers) == people);

  /* A person's quota: the list is new, read again. */
  set_ok (plan, "compensation.roles[2].people[1].quota",
          json_node_init_string (json_node_alloc (), "12345678.00")),
      edits++;
  g_assert_true (gs_plan_lookup (plan, managers) != people);
  g_assert_cmpfloat (gs_plan_get_model (plan)->comp->roles[2].people[1].quota, ==, 1234567800.0);

  /* A person added, then one removed. */
  set_ok (plan, managers, people_node (7, 3)), edits++;
  set_ok (plan, managers, people_node (5, 3)), edits++;
  g_assert_cmpuint (gs_plan_get_model (plan)->comp->roles[2].n_people, ==, 5);

  /* The role's plan: its OTE and its first measure's quota. */
  set_ok (plan, "compensation.roles[2].ote",
          json_node_init_string (json_node_alloc (), "300000.00")),
      edits++;
  set_ok (plan, "compensation.roles[0].pay_mix", json_node_init_double (json_node_alloc (), 0.45)),
      edits++;
  /* A source, and a stage's name. */
  set_ok (plan, "sources[0].name", json_node_init_string (json_node_alloc (), "Inbound")), edits++;
  set_ok (plan, "funnel.stages[1].name", json_node_init_string (json_node_alloc (), "Qualified")),
      edits++;
  /* A member added (undone by removing it). */
  set_ok (plan, "compensation.roles[1].people", people_node (2, 0)), edits++;

  /* Every step back, then forward again, each state as decoded whole. */
  for (guint i = 0; i < edits; i++)
    {
      g_assert_true (gs_plan_undo (plan));
      assert_as_full_decode (plan);
    }
  g_assert_false (gs_plan_can_undo (plan));
  {
    g_autofree char *back = gs_plan_to_text (plan);
    g_assert_cmpstr (back, ==, opened);
  }
  for (guint i = 0; i < edits; i++)
    {
      g_assert_true (gs_plan_redo (plan));
      assert_as_full_decode (plan);
    }
  g_assert_cmpuint (gs_plan_get_model (plan)->comp->roles[1].n_people, ==, 2);
  {
    g_autofree char *redone = gs_plan_to_text (plan);
    g_autofree char *want = gs_json_to_text (reference);
    g_assert_cmpstr (redone, ==, want);
  }
  g_clear_pointer (&reference, json_node_unref);
}

/* The tree an edit replaces is left as it was: the copy is new along the
 * path only, and shares the rest. */
static void
test_copy_path (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root
      = gs_json_parse ("{\"a\": {\"b\": [1, {\"c\": 2}, 3], \"d\": [4]}, \"e\": 5}", -1, &error);
  g_autoptr (JsonNode) copy = NULL;
  g_autofree char *was = NULL, *now = NULL;

  g_assert_no_error (error);
  copy = gs_json_copy_path (root, "a.b[1].c");
  g_assert_true (
      gs_json_replace (copy, "a.b[1].c", json_node_init_int (json_node_alloc (), 7), &error));
  g_assert_no_error (error);
  was = gs_json_to_text (root);
  now = gs_json_to_text (copy);
  g_assert_nonnull (strstr (was, "\"c\": 2"));
  g_assert_nonnull (strstr (now, "\"c\": 7"));
  /* Off the path: the very nodes. */
  g_assert_true (gs_json_lookup (copy, "a.d") == gs_json_lookup (root, "a.d"));
  g_assert_true (gs_json_lookup (copy, "e") == gs_json_lookup (root, "e"));
  g_assert_true (gs_json_lookup (copy, "a.b[0]") == gs_json_lookup (root, "a.b[0]"));
  /* On it: new. */
  g_assert_true (gs_json_lookup (copy, "a") != gs_json_lookup (root, "a"));
  g_assert_true (gs_json_lookup (copy, "a.b") != gs_json_lookup (root, "a.b"));
  g_assert_true (gs_json_lookup (copy, "a.b[1]") != gs_json_lookup (root, "a.b[1]"));
}

/* A save writes the change log into the tree: into its own root and list,
 * never into one a scenario's plan shares with the plan it came from. */
static void
test_save_keeps_shared_log (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  g_autoptr (GsPlan) best = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-edit-sharing-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *b = g_build_filename (dir, "best.goalsheet", NULL);
  g_autofree char *a_backup = g_strconcat (a, "~", NULL);
  g_autofree char *b_backup = g_strconcat (b, "~", NULL);
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  gs_plan_set_author (plan, "Dana");
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.3, &error));
  g_assert_true (gs_plan_save_to_file (plan, a, &error));
  g_assert_no_error (error);
  before = gs_plan_to_text (plan);

  best = gs_scenario_plan (plan, "best", &error);
  g_assert_no_error (error);
  gs_plan_set_author (best, "Sam");
  g_assert_true (gs_plan_set_double (best, "funnel.steps[1].rate", 0.2, &error));
  g_assert_true (gs_plan_save_to_file (best, b, &error));
  g_assert_no_error (error);
  {
    g_autofree char *saved = gs_plan_to_text (best);
    g_assert_nonnull (strstr (saved, "\"Sam\""));
  }

  after = gs_plan_to_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, "\"Sam\""));
  g_unlink (a);
  g_unlink (b);
  g_unlink (a_backup);
  g_unlink (b_backup);
  g_rmdir (dir);
}

/* A preview (what the window shows while a value is typed) gives the
 * model and result the same edit gives, and leaves the plan as it was: its
 * text, its undo, not dirty, its people still in the file's text; an edit
 * the plan would refuse gives the same refusal. */
static void
test_preview (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  g_autoptr (GsPlan) edited = gs_plan_new_from_file (file, &error);
  g_autoptr (GsModel) model = NULL;
  g_autoptr (GsResult) result = NULL;
  g_autofree char *before = NULL, *after = NULL, *want = NULL, *got = NULL;
  g_autofree char *people_want = NULL, *people_got = NULL;

  g_assert_no_error (error);
  before = gs_plan_to_text (plan);
  g_assert_true (gs_plan_preview (plan, "funnel.steps[0].rate",
                                  json_node_init_double (json_node_alloc (), 0.37), &model, &result,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_set_double (edited, "funnel.steps[0].rate", 0.37, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (model->steps[0].rate, ==, 0.37);
  want = result_text (gs_plan_get_model (edited));
  got = result_text (model);
  g_assert_cmpstr (got, ==, want);
  people_want = people_text (gs_plan_get_model (edited)->comp);
  people_got = people_text (model->comp);
  g_assert_cmpstr (people_got, ==, people_want);

  after = gs_plan_to_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gs_plan_get_dirty (plan));
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_true (gs_plan_lists_deferred (plan));
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[0].rate, !=, 0.37);

  g_clear_pointer (&model, gs_model_free);
  g_clear_pointer (&result, gs_result_free);
  g_assert_false (gs_plan_preview (plan, "funnel.steps[0].rate",
                                   json_node_init_double (json_node_alloc (), 1.5), &model, &result,
                                   &error));
  g_assert_nonnull (error);
  g_assert_null (model);
  g_assert_null (result);
  g_clear_error (&error);
  g_assert_false (gs_plan_set_double (edited, "funnel.steps[0].rate", 1.5, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-edit-sharing/every-edit", test_edit_sharing);
  g_test_add_func ("/plan-edit-sharing/copy-path", test_copy_path);
  g_test_add_func ("/plan-edit-sharing/save-keeps-shared-log", test_save_keeps_shared_log);
  g_test_add_func ("/plan-edit-sharing/preview", test_preview);
  return g_test_run ();
}
