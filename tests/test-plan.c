/* test-plan.c — the plan document: edits, refusals, undo, save and load.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

#include <glib/gstdio.h>

static GsPlan *
tiny (void)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static void
on_changed (GsPlan *plan, const char *path, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (path));
}

static void
test_edit_and_refuse (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *after = NULL;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), seen);
  g_assert_false (gs_plan_get_dirty (plan));

  g_assert_false (gs_plan_set_double (plan, "funnel.steps[1].rate", 1.4, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "funnel.steps[1].rate: 1.4 is not a rate between 0 and 1 (0 excluded)");
  g_clear_error (&error);
  after = gs_plan_to_text (plan);
  g_assert_cmpstr (before, ==, after); /* refused: nothing changed */
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_false (gs_plan_can_undo (plan));

  g_assert_false (gs_plan_set_string (plan, "funnel.deal_size", "-5.00", &error));
  g_assert_nonnull (strstr (error->message, "funnel.deal_size"));
  g_clear_error (&error);
  g_assert_false (gs_plan_set_int (plan, "no.such[3].field", 1, &error));
  g_clear_error (&error);

  /* Accepted: the derived goals follow at once.  MQL→Won 25 %: 10 wins ÷ 25 % = 40 MQLs. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "funnel.steps[1].rate");
  g_assert_true (gs_plan_get_dirty (plan));
  {
    const GsResult *r = gs_plan_get_result (plan, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gs_result_needed (r, 0, 1, 0), ==, 40);
    g_assert_cmpint (gs_result_needed (r, 0, 0, 0), ==, 80);
  }
  /* Setting the same value again is not an edit. */
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, NULL));
  g_assert_cmpuint (seen->len, ==, 1);
}

static void
test_undo_redo (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autofree char *original = gs_plan_to_text (plan);
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (gs_plan_set_money (plan, "funnel.deal_size", 2500000, NULL));
  g_assert_true (gs_plan_set_string (plan, "company.name", "Tiny Two", NULL));
  /* A member that did not exist: undo removes it again. */
  g_assert_true (gs_plan_set_double (plan, "company.horizon_months", 24, NULL));
  edited = gs_plan_to_text (plan);
  g_assert_cmpuint (gs_plan_get_result (plan, NULL)->horizon, ==, 24);

  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_undo (plan));
  undone = gs_plan_to_text (plan);
  g_assert_cmpstr (undone, ==, original);
  g_assert_false (gs_plan_get_dirty (plan));
  g_assert_cmpint (gs_plan_get_model (plan)->deal_size, ==, 1000000);

  g_assert_true (gs_plan_redo (plan));
  g_assert_true (gs_plan_redo (plan));
  g_assert_true (gs_plan_redo (plan));
  g_assert_false (gs_plan_can_redo (plan));
  redone = gs_plan_to_text (plan);
  g_assert_cmpstr (redone, ==, edited);

  /* A new edit after undo drops the redo list. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_set_string (plan, "company.name", "Other", NULL));
  g_assert_false (gs_plan_can_redo (plan));
}

static void
test_save_load_stable (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tiny.goalsheet", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr (GsPlan) loaded = NULL;
  g_autoptr (GError) error = NULL;

  /* Unknown fields survive, amounts keep every cent. */
  g_assert_true (gs_plan_set_string (plan, "x_custom_note", "kept as written", NULL));
  g_assert_true (gs_plan_set_money (plan, "funnel.deal_size", 1234567, NULL)); /* 12,345.67 */
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_false (gs_plan_get_dirty (plan));
  g_file_get_contents (path, &first, NULL, NULL);

  loaded = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gs_plan_get_model (loaded)->deal_size, ==, 1234567);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (loaded, "x_custom_note")), ==, "kept as written");
  g_assert_true (gs_plan_save_to_file (loaded, path, &error));
  g_file_get_contents (path, &second, NULL, NULL);
  g_assert_cmpstr (first, ==, second); /* byte-stable */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS)); /* previous version kept */
  g_assert_cmpint (gs_plan_get_result (loaded, NULL)->target_total, ==,
                   gs_plan_get_result (plan, NULL)->target_total);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_failure_keeps_edits (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gs_plan_set_string (plan, "company.name", "Unsaved", NULL));
  g_assert_false (gs_plan_save_to_file (plan, "/nonexistent-folder/x.goalsheet", &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/x.goalsheet"));
  g_assert_true (gs_plan_get_dirty (plan));
  g_assert_cmpstr (gs_plan_get_model (plan)->company.name, ==, "Unsaved");
}

static void
test_default_and_examples (void)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Widgets Inc");
  g_autoptr (GError) error = NULL;
  g_assert_cmpstr (gs_plan_get_model (plan)->company.name, ==, "Widgets Inc");
  g_assert_nonnull (gs_plan_get_result (plan, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i ? "mid-market.goalsheet" : "seed-saas.goalsheet";
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
      g_autoptr (GsPlan) example = gs_plan_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (gs_plan_get_result (example, &error));
      g_assert_no_error (error);
    }
}

static void
test_newer_version_refused (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) m = NULL;
  patch (tree, "version", "\"2.0\"");
  m = gs_model_decode (tree, &error);
  g_assert_null (m);
  g_assert_error (error, GS_ERROR, GS_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer Goalsheet"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/edit-and-refuse", test_edit_and_refuse);
  g_test_add_func ("/plan/undo-redo", test_undo_redo);
  g_test_add_func ("/plan/save-load-stable", test_save_load_stable);
  g_test_add_func ("/plan/save-failure-keeps-edits", test_save_failure_keeps_edits);
  g_test_add_func ("/plan/default-and-examples", test_default_and_examples);
  g_test_add_func ("/plan/newer-version-refused", test_newer_version_refused);
  return g_test_run ();
}
