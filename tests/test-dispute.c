/* test-dispute.c — dispute notes on statement lines: added, checked, resolved,
 * undone, saved and loaded, and shown on their statement and the next
 * (docs/statements.md, "Dispute notes").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year of test-statement.c: Ann Lee has 80 % of D1 (20 January), all
 * of D2 (10 February) and of D3 (5 May); the quarterly AE role pays Q1's
 * commission in March, and a draw tops January and February up.
 */
#include "gs-dispute-edits.h"
#include "gs-dispute.h"
#include "gs-plan.h"
#include "test-pay-util.h"

static GsPlan *
year_plan (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autofree char *actuals
      = g_strdup_printf ("{\"people\": %s, \"deals\": %s}", pay_people, pay_year_deals);
  g_autofree char *text = NULL;
  GsPlan *plan;
  patch (tree, "version", "\"1.1\"");
  patch (tree, "compensation", pay_comp);
  patch (tree, "compensation.roles[0]", pay_ae_role);
  patch (tree, "actuals", actuals);
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static GsDispute
note (const char *period, const char *deal, GsDisputeLine line, const char *text)
{
  GsDispute d = { 0 };
  d.person = 0; /* Ann Lee */
  d.period = (char *) period;
  d.deal = (char *) deal;
  d.line = line;
  d.text = (char *) text;
  d.author = (char *) "Ann Lee";
  g_date_clear (&d.date, 1);
  g_date_set_dmy (&d.date, 2, G_DATE_APRIL, 2027);
  return d;
}

/* The notes of Ann's statement for period: "index:earlier" joined by spaces. */
static char *
notes_of (GsPlan *plan, const char *period)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsStatement) s = NULL;
  g_autoptr (GString) out = g_string_new ("");
  GsPayPeriod p;
  g_assert_true (gs_pay_period_parse (m, period, &p, &error));
  s = gs_statement_new (m, comp, 0, &p, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < s->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (s->notes, GsStatementNote, i);
      g_string_append_printf (out, "%s%u:%s", i ? " " : "", n->index,
                              n->earlier ? "earlier" : "here");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_notes (GsPlan *plan, const char *period, const char *want)
{
  g_autofree char *got = notes_of (plan, period);
  g_assert_cmpstr (got, ==, want);
}

static void
test_add_and_show (void)
{
  g_autoptr (GsPlan) plan = year_plan ();
  g_autoptr (GError) error = NULL;
  GsDispute d2 = note ("2027-02", "D2", GS_DISPUTE_CREDIT, "  D2 was 250,000, not 240,000  ");
  GsDispute d1 = note ("2027-03", "D1", GS_DISPUTE_COMMISSION, "Why only 80 % of D1?");
  GsDispute draw = note ("2027-01", NULL, GS_DISPUTE_DRAW, "The draw was promised for 6 months");
  const GsActualsData *a;

  g_assert_true (gs_plan_add_dispute (plan, &d2, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_add_dispute (plan, &d1, &error));
  g_assert_true (gs_plan_add_dispute (plan, &draw, &error));
  g_assert_no_error (error);
  a = gs_plan_get_model (plan)->actuals;
  g_assert_cmpuint (a->n_disputes, ==, 3);
  g_assert_cmpstr (a->disputes[0].text, ==, "D2 was 250,000, not 240,000"); /* trimmed */
  g_assert_cmpstr (a->disputes[1].deal, ==, "D1");
  g_assert_cmpint (a->disputes[1].line, ==, GS_DISPUTE_COMMISSION);
  g_assert_null (a->disputes[2].deal);
  g_assert_cmpstr (
      json_object_get_string_member (json_node_get_object (gs_plan_get_root (plan)), "version"), ==,
      "1.2");
  /* On its own period; open ones again in every later statement; a month's
   * note on its quarter's statement. */
  assert_notes (plan, "2027-01", "2:here");
  assert_notes (plan, "2027-02", "0:here 2:earlier");
  assert_notes (plan, "2027-03", "1:here 0:earlier 2:earlier");
  assert_notes (plan, "FY27 Q1", "0:here 1:here 2:here");
  assert_notes (plan, "FY27 Q2", "0:earlier 1:earlier 2:earlier");
  /* Someone else's statement carries none of Ann's notes. */
  {
    const GsModel *m = gs_plan_get_model (plan);
    g_autoptr (GsStatement) s = NULL;
    GsPayPeriod p;
    g_assert_true (gs_pay_period_parse (m, "2027-03", &p, NULL));
    s = gs_statement_new (m, gs_plan_get_comp (plan, NULL), 2, &p, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (s->notes->len, ==, 0);
  }
}

static void
test_refused (void)
{
  g_autoptr (GsPlan) plan = year_plan ();
  GsDispute later = note ("2027-02", "D3", GS_DISPUTE_CREDIT, "Where is D3?");
  GsDispute unknown = note ("2027-02", "D9", GS_DISPUTE_CREDIT, "D9?");
  GsDispute no_line = note ("2027-02", "D2", GS_DISPUTE_COMMISSION, "Not paid in February");
  GsDispute empty = note ("2027-02", "D2", GS_DISPUTE_CREDIT, "   ");
  GsDispute month = note ("2027-13", "D2", GS_DISPUTE_CREDIT, "x");
  GsDispute no_draw = note ("2027-05", NULL, GS_DISPUTE_DRAW, "No draw in May?");
  GError *error = NULL;

  /* D3 closed in May: not a line of February's statement. */
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &later, &error), &error,
                                 "deal “D3” is not on Ann Lee's statement for 2027-02: it is not "
                                 "credited to them in that period"));
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &unknown, &error), &error,
                                 "“D9” is not a deal of the actuals"));
  /* The quarter's commission is paid in March, not February. */
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &no_line, &error), &error,
                                 "deal “D2” has no pay line of that kind on Ann Lee's statement "
                                 "for 2027-02"));
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &empty, &error), &error,
                                 "a dispute note needs some text"));
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &month, &error), &error,
                                 "“2027-13” is not a month"));
  g_assert_true (refused_saying (gs_plan_add_dispute (plan, &no_draw, &error), &error,
                                 "Ann Lee's statement for 2027-05 has no draw line"));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 0);
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_true (refused_saying (gs_plan_set_dispute_resolved (plan, 0, TRUE, &error), &error,
                                 "the plan has no dispute note 1"));
}

static void
test_resolve_and_undo (void)
{
  g_autoptr (GsPlan) plan = year_plan ();
  g_autoptr (GError) error = NULL;
  GsDispute d2 = note ("2027-02", "D2", GS_DISPUTE_CREDIT, "D2 was 250,000");

  g_assert_true (gs_plan_add_dispute (plan, &d2, &error));
  assert_notes (plan, "2027-03", "0:earlier");
  g_assert_true (gs_plan_set_dispute_resolved (plan, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_get_model (plan)->actuals->disputes[0].resolved);
  /* Resolved: still on its own statement, no longer carried forward. */
  assert_notes (plan, "2027-02", "0:here");
  assert_notes (plan, "2027-03", "");
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_get_model (plan)->actuals->disputes[0].resolved);
  assert_notes (plan, "2027-03", "0:earlier");
  /* One undo takes the first note and the version raised for it back. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 0);
  g_assert_cmpstr (
      json_object_get_string_member (json_node_get_object (gs_plan_get_root (plan)), "version"), ==,
      "1.1");
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 1);
}

/* A note's text edited and a note deleted, each one step; the notes after
 * a deleted one move up, and the statements follow. */
static void
test_edit_and_delete (void)
{
  g_autoptr (GsPlan) plan = year_plan ();
  g_autoptr (GError) error = NULL;
  GsDispute d2 = note ("2027-02", "D2", GS_DISPUTE_CREDIT, "D2 was 250,000");
  GsDispute d1 = note ("2027-03", "D1", GS_DISPUTE_COMMISSION, "Why only 80 % of D1?");
  const GsActualsData *a;

  g_assert_true (gs_plan_add_dispute (plan, &d2, &error));
  g_assert_true (gs_plan_add_dispute (plan, &d1, &error));
  g_assert_no_error (error);
  assert_notes (plan, "2027-03", "1:here 0:earlier");

  g_assert_true (gs_plan_set_dispute_text (plan, 0, "  D2 was 260,000 after all ", &error));
  g_assert_no_error (error);
  a = gs_plan_get_model (plan)->actuals;
  g_assert_cmpstr (a->disputes[0].text, ==, "D2 was 260,000 after all");
  /* Line, author and day stay as written. */
  g_assert_cmpstr (a->disputes[0].deal, ==, "D2");
  g_assert_cmpstr (a->disputes[0].author, ==, "Ann Lee");
  g_assert_cmpint (g_date_get_day (&a->disputes[0].date), ==, 2);
  g_assert_true (refused_saying (gs_plan_set_dispute_text (plan, 0, " \n ", &error), &error,
                                 "a dispute note needs some text"));
  g_assert_true (refused_saying (gs_plan_set_dispute_text (plan, 2, "x", &error), &error,
                                 "the plan has no dispute note 3"));
  g_assert_true (refused_saying (gs_plan_remove_dispute (plan, 2, &error), &error,
                                 "the plan has no dispute note 3"));

  /* Deleting the first: D1's note becomes note 0, February's is gone. */
  g_assert_true (gs_plan_remove_dispute (plan, 0, &error));
  g_assert_no_error (error);
  a = gs_plan_get_model (plan)->actuals;
  g_assert_cmpuint (a->n_disputes, ==, 1);
  g_assert_cmpstr (a->disputes[0].deal, ==, "D1");
  assert_notes (plan, "2027-02", "");
  assert_notes (plan, "2027-03", "0:here");

  /* Undo brings it back in its place, then the old text; redo both. */
  g_assert_true (gs_plan_undo (plan));
  assert_notes (plan, "2027-03", "1:here 0:earlier");
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->disputes[0].text, ==,
                   "D2 was 260,000 after all");
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr (gs_plan_get_model (plan)->actuals->disputes[0].text, ==, "D2 was 250,000");
  g_assert_true (gs_plan_redo (plan));
  g_assert_true (gs_plan_redo (plan));
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 1);
  /* The last note deleted leaves an empty list the plan still reads. */
  g_assert_true (gs_plan_remove_dispute (plan, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_disputes, ==, 0);
  assert_notes (plan, "2027-03", "");
}

static void
test_round_trip (void)
{
  g_autoptr (GsPlan) plan = year_plan ();
  g_autoptr (GsPlan) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *again = NULL;
  GsDispute d1 = note ("FY27 Q1", "D1", GS_DISPUTE_COMMISSION, "Why only 80 % of D1?");
  const GsDispute *n;

  g_assert_true (gs_plan_add_dispute (plan, &d1, &error));
  g_assert_true (gs_plan_set_dispute_resolved (plan, 0, TRUE, &error));
  g_assert_no_error (error);
  text = gs_plan_to_text (plan);
  g_assert_nonnull (strstr (text, "\"disputes\": ["));
  back = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  n = &gs_plan_get_model (back)->actuals->disputes[0];
  g_assert_cmpuint (gs_plan_get_model (back)->actuals->n_disputes, ==, 1);
  g_assert_cmpint (n->person, ==, 0);
  g_assert_cmpstr (n->period, ==, "FY27 Q1");
  g_assert_cmpstr (n->deal, ==, "D1");
  g_assert_cmpint (n->line, ==, GS_DISPUTE_COMMISSION);
  g_assert_cmpstr (n->text, ==, "Why only 80 % of D1?");
  g_assert_cmpstr (n->author, ==, "Ann Lee");
  g_assert_cmpint (g_date_get_day (&n->date), ==, 2);
  g_assert_true (n->resolved);
  again = gs_plan_to_text (back);
  g_assert_cmpstr (again, ==, text);
  /* A copy of the actuals (what an import starts from) keeps the notes. */
  {
    g_autoptr (GsActualsData) copy = gs_actuals_data_copy (gs_plan_get_model (back)->actuals);
    g_assert_cmpuint (copy->n_disputes, ==, 1);
    g_assert_cmpstr (copy->disputes[0].text, ==, "Why only 80 % of D1?");
  }
}

/* A note whose line and deal disagree is refused when the plan loads. */
static void
test_load_refused (void)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autofree char *actuals = g_strdup_printf (
      "{\"people\": %s, \"deals\": %s, \"disputes\": [{\"person\": \"ann\", \"period\": "
      "\"2027-03\", \"line\": \"commission\", \"text\": \"x\", \"date\": \"2027-04-02\"}]}",
      pay_people, pay_year_deals);
  patch (tree, "version", "\"1.2\"");
  patch (tree, "compensation", pay_comp);
  patch (tree, "actuals", actuals);
  m = gs_model_decode (tree, &error);
  g_assert_null (m);
  g_assert_nonnull (strstr (error->message, "actuals.disputes[0].deal"));
  g_assert_nonnull (strstr (error->message, "a note on any other line names its deal"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dispute/add-and-show", test_add_and_show);
  g_test_add_func ("/dispute/refused", test_refused);
  g_test_add_func ("/dispute/resolve-and-undo", test_resolve_and_undo);
  g_test_add_func ("/dispute/edit-and-delete", test_edit_and_delete);
  g_test_add_func ("/dispute/round-trip", test_round_trip);
  g_test_add_func ("/dispute/load-refused", test_load_refused);
  return g_test_run ();
}
