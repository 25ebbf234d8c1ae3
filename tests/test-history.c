/* test-history.c — the plan's change log (gs-history.h): recorded at each
 * save that changes an input, read back, kept out of the fingerprint.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-cli-run.h"
#include "test-util.h"

#include "gs-history.h"
#include "gs-meeting.h"

#include <glib/gstdio.h>

typedef struct
{
  char *dir;
  char *path;
} Scratch;

static void
scratch_init (Scratch *s)
{
  s->dir = g_dir_make_tmp ("goalsheet-history-XXXXXX", NULL);
  s->path = g_build_filename (s->dir, "plan.goalsheet", NULL);
}

static void
scratch_clear (Scratch *s)
{
  g_autofree char *backup = g_strconcat (s->path, "~", NULL);
  g_unlink (s->path);
  g_unlink (backup);
  g_rmdir (s->dir);
  g_free (s->dir);
  g_free (s->path);
}

static GsPlan *
tiny_saved (Scratch *s)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  gs_plan_set_author (plan, "Dana Whitfield");
  g_assert_true (gs_plan_save_to_file (plan, s->path, &error));
  g_assert_no_error (error);
  return plan;
}

static GPtrArray *
history_of_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  GPtrArray *entries;
  g_assert_no_error (error);
  entries = gs_history_read (gs_plan_get_root (plan), &error);
  g_assert_no_error (error);
  return entries;
}

/* A save without a change records nothing; two saves with changes record two
 * entries, each with only its own changes, oldest first. */
static void
test_record_on_save (void)
{
  Scratch s;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  const GsHistoryEntry *first, *second;
  const GsInputChange *c;

  scratch_init (&s);
  plan = tiny_saved (&s);
  none = history_of_file (s.path);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_plan_set_money (plan, "funnel.deal_size", 1200000, &error));
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  gs_plan_set_author (plan, "Sam Ortega");
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.4, &error));
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  /* Saved again without a change: no third entry. */
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  g_assert_no_error (error);

  entries = history_of_file (s.path);
  g_assert_cmpuint (entries->len, ==, 2);
  first = g_ptr_array_index (entries, 0);
  second = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (first->who, ==, "Dana Whitfield");
  g_assert_cmpuint (first->changes->len, ==, 2);
  c = g_ptr_array_index (first->changes, 0);
  g_assert_cmpstr (c->path, ==, "funnel.steps[1].rate");
  g_assert_cmpfloat (json_node_get_double (c->from), ==, 0.2);
  g_assert_cmpfloat (json_node_get_double (c->to), ==, 0.25);
  c = g_ptr_array_index (first->changes, 1);
  g_assert_cmpstr (c->path, ==, "funnel.deal_size");
  g_assert_cmpstr (json_node_get_string (c->from), ==, "10000.00");
  g_assert_cmpstr (json_node_get_string (c->to), ==, "12000.00");
  g_assert_cmpstr (second->who, ==, "Sam Ortega");
  g_assert_cmpuint (second->changes->len, ==, 1);
  c = g_ptr_array_index (second->changes, 0);
  g_assert_cmpstr (c->path, ==, "funnel.steps[0].rate");
  g_assert_cmpint (c->kind, ==, GS_INPUT_CHANGED);
  g_assert_true (g_date_time_compare (first->when, second->when) <= 0);
  scratch_clear (&s);
}

/* The log is not an input: recording it moves no fingerprint, signs no
 * signature off as changed, and a plan differing only in its log has no
 * change to record. */
static void
test_not_an_input (void)
{
  Scratch s;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsPlan) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autoptr (GPtrArray) inputs = NULL;

  scratch_init (&s);
  plan = tiny_saved (&s);
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  before = g_strdup (gs_model_fingerprint (gs_plan_get_model (plan)));
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  reopened = gs_plan_new_from_file (s.path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gs_plan_lookup (reopened, "history"));
  g_assert_cmpstr (gs_model_fingerprint (gs_plan_get_model (reopened)), ==, before);
  {
    g_autoptr (JsonNode) without = gs_json_deep_copy (gs_plan_get_root (reopened));
    json_object_remove_member (json_node_get_object (without), "history");
    inputs = gs_plan_diff_trees (without, gs_plan_get_root (reopened));
    g_assert_cmpuint (inputs->len, ==, 0);
  }
  /* The meeting's baseline does not copy the log. */
  g_assert_true (gs_meeting_set_baseline (reopened, &error));
  g_assert_null (gs_plan_lookup (reopened, "meeting.baseline.history"));
  scratch_clear (&s);
}

/* A save that fails leaves neither the file nor the plan with the entry. */
static void
test_failed_save_takes_entry_back (void)
{
  Scratch s;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *nowhere = NULL;

  scratch_init (&s);
  plan = tiny_saved (&s);
  nowhere = g_build_filename (s.dir, "no-such-folder", "plan.goalsheet", NULL);
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_false (gs_plan_save_to_file (plan, nowhere, &error));
  g_clear_error (&error);
  g_assert_null (gs_plan_lookup (plan, "history"));
  /* The next good save records the change once. */
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  {
    g_autoptr (GPtrArray) entries = history_of_file (s.path);
    g_assert_cmpuint (entries->len, ==, 1);
  }
  scratch_clear (&s);
}

/* A large value (an imported list) is kept as its size; the log keeps the
 * newest GS_HISTORY_MAX_ENTRIES entries. */
static void
test_limits (void)
{
  g_autoptr (JsonNode) before = tiny_tree ();
  g_autoptr (JsonNode) after = tiny_tree ();
  g_autoptr (JsonNode) low = tiny_tree ();
  g_autoptr (JsonNode) high = tiny_tree ();
  g_autoptr (JsonNode) log = tiny_tree ();
  g_autoptr (GDateTime) when = g_date_time_new_utc (2027, 1, 31, 9, 30, 0);
  g_autoptr (GString) volume = g_string_new ("[");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  const GsInputChange *c;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (volume, "%s%u", i ? ", " : "", i);
  g_string_append_c (volume, ']');
  patch (after, "sources[0].planned_volume", volume->str);
  g_assert_true (gs_history_record (after, before, "Ann", when));
  entries = gs_history_read (after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  c = g_ptr_array_index (((GsHistoryEntry *) g_ptr_array_index (entries, 0))->changes, 0);
  g_assert_cmpstr (c->path, ==, "sources[0].planned_volume");
  g_assert_cmpint (c->kind, ==, GS_INPUT_ADDED);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (c->to), "entries"), ==, 100);

  /* The rate goes 0.1, 0.2, 0.1, … and each step is one entry. */
  patch (low, "funnel.steps[0].rate", "0.1");
  patch (high, "funnel.steps[0].rate", "0.2");
  for (guint i = 0; i < GS_HISTORY_MAX_ENTRIES + 5; i++)
    {
      patch (log, "funnel.steps[0].rate", i % 2 ? "0.1" : "0.2");
      g_assert_true (gs_history_record (log, i % 2 ? high : low, "Ann", when));
    }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = gs_history_read (log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, GS_HISTORY_MAX_ENTRIES);
}

/* A malformed log is refused naming the field. */
static void
test_bad_history (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"history\": 3}", "history" },
    { "{\"history\": [{\"who\": \"A\", \"changes\": []}]}", "history[0].when" },
    { "{\"history\": [{\"when\": \"yesterday\", \"changes\": []}]}", "history[0].when" },
    { "{\"history\": [{\"when\": \"2027-01-31T09:30:00Z\", \"changes\": [{\"path\": \"x\"}]}]}",
      "history[0].changes[0]" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) root = gs_json_parse (cases[i].json, -1, NULL);
      g_autoptr (GPtrArray) entries = gs_history_read (root, &error);
      g_assert_null (entries);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("“%s” does not start with “%s”", error->message, cases[i].message);
    }
}

/* `goalsheet-cli history`: the log in words, newest last, and as JSON. */
static void
test_cli (void)
{
  Scratch s;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = NULL;
  g_auto (CliRun) empty = { 0 };
  g_auto (CliRun) text = { 0 };
  g_auto (CliRun) json = { 0 };
  g_auto (CliRun) broken = { 0 };
  g_autoptr (JsonNode) parsed = NULL;

  scratch_init (&s);
  plan = tiny_saved (&s);
  cli_run (&empty, "history", s.path, NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==,
                   "No changes recorded yet: Goalsheet records them at each save.\n");

  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_plan_set_money (plan, "capacity.ae.quota", 72000000, &error));
  g_assert_true (gs_plan_save_to_file (plan, s.path, &error));
  g_assert_no_error (error);
  cli_run (&text, "history", s.path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, " — Dana Whitfield\n"
                                      "  MQL → Won rate: 20 % → 25 %\n"
                                      "  AE quota: $600,000.00 → $720,000.00\n"));

  cli_run (&json, "history", "--json", s.path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  parsed = gs_json_parse (json.out, -1, NULL);
  g_assert_nonnull (parsed);
  {
    JsonObject *entry = json_array_get_object_element (json_node_get_array (parsed), 0);
    JsonArray *changes = json_object_get_array_member (entry, "changes");
    g_assert_cmpstr (json_object_get_string_member (entry, "who"), ==, "Dana Whitfield");
    g_assert_cmpuint (json_array_get_length (changes), ==, 2);
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (changes, 1), "to"), ==,
        "720000.00");
  }

  /* A malformed log: refused naming the field, nothing printed. */
  bad = g_build_filename (s.dir, "bad.goalsheet", NULL);
  {
    g_autoptr (JsonNode) tree = tiny_tree ();
    g_autofree char *written = NULL;
    patch (tree, "history", "[{\"when\": \"soon\", \"changes\": []}]");
    written = gs_json_to_text (tree);
    g_assert_true (g_file_set_contents (bad, written, -1, NULL));
  }
  cli_run (&broken, "history", bad, NULL);
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_cmpstr (broken.out, ==, "");
  g_assert_nonnull (strstr (broken.err, "history[0].when"));
  g_unlink (bad);
  scratch_clear (&s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/record-on-save", test_record_on_save);
  g_test_add_func ("/history/not-an-input", test_not_an_input);
  g_test_add_func ("/history/failed-save", test_failed_save_takes_entry_back);
  g_test_add_func ("/history/limits", test_limits);
  g_test_add_func ("/history/bad", test_bad_history);
  g_test_add_func ("/history/cli", test_cli);
  return g_test_run ();
}
