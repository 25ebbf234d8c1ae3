/* test-recovery.c — autosave to a recovery file after idle, removal on save
 * and close, and listing what a killed process left behind.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-edits.h"
#include "gs-crm-import.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-recovery.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmp_dir;

static gboolean
wait_for_file (const char *path, gboolean exists)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
clear_recovery_dir (void)
{
  g_autoptr (GDir) d = g_dir_open (gs_recovery_dir (), 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (gs_recovery_dir (), name, NULL);
      g_unlink (p);
    }
}

static void
test_write_after_idle (void)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Acme");
  g_autoptr (GsRecovery) rec = gs_recovery_new (plan, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  clear_recovery_dir ();
  gs_recovery_set_delay (rec, 50);
  g_assert_false (g_file_test (gs_recovery_get_filename (rec), G_FILE_TEST_EXISTS));
  g_assert_true (gs_plan_set_string (plan, "company.name", "Acme Edited", &error));
  /* Not written during the edit, only after the pause. */
  g_assert_false (g_file_test (gs_recovery_get_filename (rec), G_FILE_TEST_EXISTS));
  g_assert_true (wait_for_file (gs_recovery_get_filename (rec), TRUE));
  g_assert_true (g_file_get_contents (gs_recovery_get_filename (rec), &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"goalsheet-recovery\""));
  g_assert_nonnull (strstr (text, "Acme Edited"));
  /* This process is alive: its autosave is not offered for recovery. */
  entries = gs_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_removed_on_save_and_close (void)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default ("Acme");
  GsRecovery *rec = gs_recovery_new (plan, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = g_build_filename (tmp_dir, "saved.goalsheet", NULL);
  g_autofree char *file = g_strdup (gs_recovery_get_filename (rec));

  /* A clean plan has nothing to recover. */
  g_assert_true (gs_recovery_write_now (rec, &error));
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  g_assert_true (gs_plan_set_string (plan, "company.name", "Acme Two", &error));
  g_assert_true (gs_recovery_write_now (rec, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_true (gs_plan_save_to_file (plan, doc, &error));
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Undo makes it dirty again; closing the document removes the file. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_recovery_write_now (rec, &error));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_object_unref (rec);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_unlink (doc);
}

/* A child edits a plan, autosaves and is killed: the next start lists it,
 * restores it (dirty, same content) and takes over its file. */
static void
test_crash_then_restore (void)
{
  g_autofree char *doc = g_build_filename (tmp_dir, "q3.goalsheet", NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) restored = NULL;
  g_autoptr (GPtrArray) after = NULL;
  GsRecoveryEntry *e;
  GsRecovery *rec;
  pid_t pid;
  int status;

  clear_recovery_dir ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GsPlan *plan = gs_plan_new_default ("Crashed Co");
      GsRecovery *child_rec = gs_recovery_new (plan, doc);
      gs_plan_set_string (plan, "funnel.deal_size", "31000.00", NULL);
      gs_recovery_write_now (child_rec, NULL);
      kill (getpid (), SIGKILL);
      _exit (1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  entries = gs_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->title, ==, "Crashed Co");
  g_assert_cmpstr (e->document_path, ==, doc);
  rec = gs_recovery_adopt (e, &restored, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rec);
  g_assert_true (gs_plan_get_dirty (restored));
  g_assert_cmpint (gs_plan_get_model (restored)->deal_size, ==, 3100000); /* $31,000.00 */
  /* The file stays (a second crash loses nothing) but now belongs to us. */
  g_assert_true (g_file_test (e->filename, G_FILE_TEST_EXISTS));
  after = gs_recovery_list ();
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpstr (gs_recovery_get_id (rec), ==, e->id);
  g_object_unref (rec);
  g_assert_false (g_file_test (e->filename, G_FILE_TEST_EXISTS));
}

/* Damaged or foreign files in the folder are skipped or refused with a
 * message, never a crash or a critical. */
static void
test_damaged_files (void)
{
  g_autofree char *junk = g_build_filename (gs_recovery_dir (), "junk.goalsheet-recovery", NULL);
  g_autofree char *odd = g_build_filename (gs_recovery_dir (), "odd.goalsheet-recovery", NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;

  clear_recovery_dir ();
  g_mkdir_with_parents (gs_recovery_dir (), 0700);
  g_assert_true (g_file_set_contents (junk, "{\"format\": 3", -1, NULL));
  g_assert_true (g_file_set_contents (odd,
                                      "{\"format\": \"goalsheet-recovery\", \"pid\": \"x\", "
                                      "\"document_path\": 7, \"written_at\": [], \"plan\": "
                                      "{\"company\": 5}}",
                                      -1, NULL));
  entries = gs_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  plan = gs_recovery_entry_load (g_ptr_array_index (entries, 0), &error);
  g_assert_null (plan);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "odd.goalsheet-recovery"));
  g_assert_true (gs_recovery_entry_remove (g_ptr_array_index (entries, 0), NULL));
  g_assert_false (g_file_test (odd, G_FILE_TEST_EXISTS));
  clear_recovery_dir ();
}

/* A plan whose deals are a store (after an import) is written with them,
 * from the records, without building them into the tree. */
static void
test_held_lists (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "crm",
                                                "seed-saas-hubspot-deals.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  g_autoptr (GsRecovery) rec = NULL;
  g_autoptr (GsActualsData) data = NULL;
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  g_autoptr (JsonNode) written = NULL;
  g_autofree char *text = NULL, *want = NULL, *got = NULL, *bytes = NULL;
  gsize length = 0;
  guint n_deals;
  JsonNode *deals;

  g_assert_no_error (error);
  clear_recovery_dir ();
  rec = gs_recovery_new (plan, NULL);
  /* The bundled HubSpot deals imported: the plan's store. */
  g_assert_true (g_file_get_contents (csv, &bytes, &length, &error));
  data = gs_actuals_data_new (gs_plan_get_model (plan)->n_stages);
  g_assert_true (
      gs_crm_import (data, gs_plan_get_model (plan), GS_CRM_DEALS, bytes, length, report, &error));
  g_assert_no_error (error);
  n_deals = data->n_deals;
  g_assert_cmpuint (n_deals, >, 1);
  g_assert_true (gs_plan_set_actuals (plan, data, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));

  g_assert_true (gs_recovery_write_now (rec, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan)); /* nothing built */
  g_assert_true (g_file_get_contents (gs_recovery_get_filename (rec), &text, NULL, NULL));
  written = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  deals = gs_json_lookup (written, "plan.actuals.deals");
  g_assert_nonnull (deals);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (deals));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (deals)), ==, n_deals);
  /* The plan in the file is the plan's text. */
  want = gs_plan_to_text (plan);
  got = gs_json_to_text (gs_json_lookup (written, "plan"));
  g_assert_cmpstr (got, ==, want);
  gs_recovery_discard (rec);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("gs-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *dir = g_build_filename (tmp_dir, "recovery", NULL);
    g_setenv ("GOALSHEET_RECOVERY_DIR", dir, TRUE);
  }
  g_test_add_func ("/recovery/write-after-idle", test_write_after_idle);
  g_test_add_func ("/recovery/removed-on-save-and-close", test_removed_on_save_and_close);
  g_test_add_func ("/recovery/crash-then-restore", test_crash_then_restore);
  g_test_add_func ("/recovery/damaged-files", test_damaged_files);
  g_test_add_func ("/recovery/held-lists", test_held_lists);
  {
    int status = g_test_run ();
    clear_recovery_dir ();
    g_rmdir (gs_recovery_dir ());
    g_rmdir (tmp_dir);
    return status;
  }
}
