/* test-gui-widgets.c — the custom widgets against a plan small enough to
 * work out by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h): target 1,200,000.00 over 12 months, deal
 * 10,000.00, so wins = 1,200,000 ÷ 10,000 = 120; at a 20,000.00 deal,
 * 1,200,000 ÷ 20,000 = 60.  Widgets must show exactly those, from the engine.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gs-a11y.h"
#include "gs-agreements-box.h"
#include "gs-application.h"
#include "gs-error.h"
#include "gs-export-dialog.h"
#include "gs-export.h"
#include "gs-field.h"
#include "gs-figure.h"
#include "gs-figure-text.h"
#include "gs-row-subtitle.h"
#include "gs-gui-format.h"
#include "gs-funnel-page.h"
#include "gs-goal-table.h"
#include "gs-window.h"
#include "gs-meeting.h"
#include "gs-plan-edits.h"
#include "gs-repaint.h"
#include "gs-scenario-column.h"
#include "gs-scenario-edits.h"
#include "gs-scenario-item.h"
#include "gs-scenario-list.h"
#include "gs-scenario-table.h"
#include "gs-sheet.h"
#include "gs-sim-page.h"
#include "gs-source-inputs.h"
#include "gs-staffing-inputs.h"
#include "gs-strip.h"
#include "gs-targets-page.h"
#include "test-util.h"
#include "test-gui-util.h"

static GsPlan *
tiny (void)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static const char *
deal (GsPlan *plan)
{
  return json_node_get_string (gs_plan_lookup (plan, "funnel.deal_size"));
}

static void
test_field_valid (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GtkWidget *field = g_object_ref_sink (
      gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY, "USD", "Deal size"));

  /* A money input reads like the sheets' figures: grouping and the plan's
   * currency sign, the cents only when there are some. */
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "$10,000");
  /* Grouping and the currency code are accepted around the number. */
  gs_field_set_text (GS_FIELD (field), "USD 20,000");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_null (gs_field_get_error (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "20000.00");
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "$20,000");
  g_assert_true (gs_plan_can_undo (plan));
  /* So is the text shown, and a bare number with cents. */
  gs_field_set_text (GS_FIELD (field), "$21,000");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "21000.00");
  gs_field_set_text (GS_FIELD (field), "1250.5");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "1250.50");
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "$1,250.50");

  /* Undo puts the old value back into the field. */
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "$10,000");
  g_object_unref (field);
}

/* German: "75.000" typed is seventy-five thousand ('.' groups there), shown
 * as the sheets show it, "75.000 $". */
static void
test_field_money_german (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GtkWidget *field;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not generated (locale-gen)");
      return;
    }
  field = g_object_ref_sink (
      gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY, "USD", "Deal size"));
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "10.000\u00a0$");
  gs_field_set_text (GS_FIELD (field), "75.000");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "75000.00");
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "75.000\u00a0$");
  /* The decimal mark is the comma; the text shown is accepted as typed. */
  gs_field_set_text (GS_FIELD (field), "75.000,5 $");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "75000.50");
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "75.000,50\u00a0$");
  g_object_unref (field);
  setlocale (LC_ALL, "C.UTF-8");
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
test_field_refused (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GtkWidget *field = g_object_ref_sink (
      gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY, "USD", "Deal size"));
  GtkWidget *entry = gs_field_get_entry (GS_FIELD (field));

  gs_field_set_text (GS_FIELD (field), "-5");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  /* The engine's message names the field in words, not by its path in the
   * file (the CLI keeps that); nothing was applied. */
  g_assert_true (g_str_has_prefix (gs_field_get_error (GS_FIELD (field)), "Deal size: "));
  g_assert_null (strstr (gs_field_get_error (GS_FIELD (field)), "funnel.deal_size"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "-5");
  g_assert_cmpstr (deal (plan), ==, "10000.00");
  g_assert_false (gs_plan_can_undo (plan));

  gs_field_set_text (GS_FIELD (field), "ten");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (gs_field_get_error (GS_FIELD (field)), ==, "Deal size: “ten” is not a number");
  gs_field_set_text (GS_FIELD (field), "10.001");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_true (g_str_has_prefix (gs_field_get_error (GS_FIELD (field)), "Deal size: "));

  /* Fixing it clears the mark. */
  gs_field_set_text (GS_FIELD (field), "12500");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_null (gs_field_get_error (GS_FIELD (field)));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (deal (plan), ==, "12500.00");
  g_object_unref (field);

  /* A field without a label is named by its input in words. */
  field = g_object_ref_sink (
      gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY, "USD", NULL));
  gs_field_set_text (GS_FIELD (field), "ten");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_null (strstr (gs_field_get_error (GS_FIELD (field)), "funnel.deal_size"));
  g_assert_nonnull (strstr (gs_field_get_error (GS_FIELD (field)), "“ten” is not a number"));
  g_object_unref (field);
}

static void
test_field_percent (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GtkWidget *field = g_object_ref_sink (
      gs_field_new (plan, "funnel.steps[0].rate", GS_FIELD_KIND_PERCENT, "%", "Lead to MQL"));

  /* 0.5 is shown as 50 (%), and 25 typed is stored as 0.25. */
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "50");
  gs_field_set_text (GS_FIELD (field), "25 %");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, "funnel.steps[0].rate")), ==,
                     0.25);
  gs_field_set_text (GS_FIELD (field), "140");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_true (g_str_has_prefix (gs_field_get_error (GS_FIELD (field)), "Lead to MQL: "));
  g_object_unref (field);
}

/* Meeting deltas on inputs (docs/meeting.md, "Inputs"): the tiny plan's
 * MQL → Won rate 20 % agreed, typed 22 %: "was 20 % · ↑ 2.0 pts", green (a
 * better rate is good news); cost per lead 20.00 → 25.00 red; back to the
 * agreed value, and when the meeting ends, no delta.  A scenario's override
 * on the Scenarios page, deal 12,000.00 agreed → 15,000.00, green.  The
 * delta never widens the field and is no Tab stop. */
static void
test_field_meeting_delta (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GtkWidget *rate = g_object_ref_sink (
      gs_field_new (plan, "funnel.steps[1].rate", GS_FIELD_KIND_PERCENT, "%", "MQL to Won"));
  GtkWidget *cost = g_object_ref_sink (
      gs_field_new (plan, "sources[0].cost_per_lead", GS_FIELD_KIND_MONEY, "USD", "Cost per lead"));
  GtkWidget *list = g_object_ref_sink (gs_scenario_list_new ());
  GsField *over;
  int min = 0, width = 0, now_width = 0;

  gtk_widget_measure (rate, GTK_ORIENTATION_HORIZONTAL, -1, &min, &width, NULL, NULL);

  g_assert_true (gs_plan_set (plan, "scenarios",
                              json_from_string ("[{\"name\": \"best\", \"overrides\": [{\"path\": "
                                                "\"funnel.deal_size\", \"value\": \"12000.00\"}]}]",
                                                NULL),
                              &error));
  g_assert_no_error (error);
  gs_scenario_list_update (GS_SCENARIO_LIST (list), plan);
  over = gs_field_find (list, "scenarios[0].overrides[0].value", FALSE);
  g_assert_nonnull (over);

  /* No meeting: no delta, whatever is typed. */
  gs_field_set_text (GS_FIELD (rate), "22");
  g_assert_true (gs_field_commit (GS_FIELD (rate)));
  g_assert_null (gs_field_get_delta (GS_FIELD (rate)));
  gs_field_set_text (GS_FIELD (rate), "20");
  g_assert_true (gs_field_commit (GS_FIELD (rate)));

  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  g_assert_null (gs_field_get_delta (GS_FIELD (rate)));
  gs_field_set_text (GS_FIELD (rate), "22");
  g_assert_true (gs_field_commit (GS_FIELD (rate)));
  g_assert_cmpstr (gs_field_get_delta (GS_FIELD (rate)), ==,
                   "was\u00a020\u00a0% · ↑\u00a02.0\u00a0pts");
  g_assert_cmpstr (gs_field_get_delta_class (GS_FIELD (rate)), ==, "success");
  g_assert_cmpstr (gs_field_get_delta_description (GS_FIELD (rate)), ==,
                   "Changed in the meeting from 20 % (↑ 2.0 pts): good news");
  /* Under the entry, wrapped to its width at the dot only (no-break
   * spaces elsewhere): the field is no wider; and it
   * takes no focus (no Tab stop). */
  gtk_widget_measure (rate, GTK_ORIENTATION_HORIZONTAL, -1, &min, &now_width, NULL, NULL);
  g_assert_cmpint (now_width, ==, width);
  {
    guint n = 0;
    GtkWidget *label = find_label (rate, "was\u00a020\u00a0% · ↑\u00a02.0\u00a0pts", &n);
    g_assert_nonnull (label);
    g_assert_false (gtk_widget_get_focusable (label));
  }

  gs_field_set_text (GS_FIELD (cost), "25");
  g_assert_true (gs_field_commit (GS_FIELD (cost)));
  g_assert_cmpstr (gs_field_get_delta (GS_FIELD (cost)), ==, "was\u00a0$20 · ↑\u00a0$5");
  g_assert_cmpstr (gs_field_get_delta_class (GS_FIELD (cost)), ==, "error");

  /* The scenario's override, typed where the Scenarios page shows it. */
  gs_field_set_text (over, "15,000");
  g_assert_true (gs_field_commit (over));
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "scenarios[0].overrides[0].value")),
                   ==, "15000.00");
  over = gs_field_find (list, "scenarios[0].overrides[0].value", FALSE);
  g_assert_cmpstr (gs_field_get_delta (over), ==, "was\u00a0$12,000 · ↑\u00a0$3,000");
  g_assert_cmpstr (gs_field_get_delta_class (over), ==, "success");
  /* Its row says so even collapsed. */
  gs_scenario_list_update (GS_SCENARIO_LIST (list), plan);
  {
    GListModel *items = gs_scenario_list_get_scenarios (GS_SCENARIO_LIST (list));
    g_autoptr (GsScenarioItem) best = g_list_model_get_item (items, 0);
    guint n = 0;
    g_assert_cmpstr (gs_scenario_item_get_meeting (best), ==, "1 change in the meeting");
    g_assert_true (gtk_widget_get_visible (find_label (list, "1 change in the meeting", &n)));
  }

  /* Back to the agreed rate: its delta goes, the others stay. */
  gs_field_set_text (GS_FIELD (rate), "20");
  g_assert_true (gs_field_commit (GS_FIELD (rate)));
  g_assert_null (gs_field_get_delta (GS_FIELD (rate)));
  g_assert_null (gs_field_get_delta_description (GS_FIELD (rate)));
  g_assert_nonnull (gs_field_get_delta (GS_FIELD (cost)));
  /* Undo brings it back (an ordinary edit). */
  g_assert_true (gs_plan_undo (plan));
  g_assert_nonnull (gs_field_get_delta (GS_FIELD (rate)));

  /* The meeting ends, changes kept: nothing to compare with. */
  g_assert_true (gs_meeting_end (plan, TRUE, &error));
  g_assert_no_error (error);
  g_assert_null (gs_field_get_delta (GS_FIELD (rate)));
  g_assert_null (gs_field_get_delta (GS_FIELD (cost)));
  g_assert_null (gs_field_get_delta_class (GS_FIELD (cost)));
  over = gs_field_find (list, "scenarios[0].overrides[0].value", FALSE);
  g_assert_null (gs_field_get_delta (over));
  gs_scenario_list_update (GS_SCENARIO_LIST (list), plan);
  {
    GListModel *items = gs_scenario_list_get_scenarios (GS_SCENARIO_LIST (list));
    g_autoptr (GsScenarioItem) best = g_list_model_get_item (items, 0);
    g_assert_cmpstr (gs_scenario_item_get_meeting (best), ==, "");
  }
  g_object_unref (list);
  g_object_unref (cost);
  g_object_unref (rate);
}

static void
test_figure (void)
{
  GtkWidget *figure = g_object_ref_sink (gs_figure_new ());
  gs_figure_set (GS_FIGURE (figure), "120", "120 Wins = 1,200,000 ÷ 10,000", "funnel.deal_size",
                 "Wins");
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (figure)), ==, "120");
  g_assert_cmpstr (gs_figure_get_why (GS_FIGURE (figure)), ==, "120 Wins = 1,200,000 ÷ 10,000");
  gs_figure_set_delta (GS_FIGURE (figure), "↓ 60", "warning");
  g_assert_cmpstr (gs_figure_get_delta (GS_FIGURE (figure)), ==, "↓ 60");
  gs_figure_set_delta (GS_FIGURE (figure), NULL, NULL);
  g_assert_cmpstr (gs_figure_get_delta (GS_FIGURE (figure)), ==, "");
  g_object_unref (figure);
}

static const char *
sheet_value (GtkWidget *sheet, const char *id)
{
  GtkWidget *figure = gs_sheet_get_figure (GS_SHEET (sheet), id);
  g_assert_nonnull (figure);
  return gs_figure_get_text (GS_FIGURE (figure));
}

static void
test_sheet (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) baseline = NULL;
  GtkWidget *sheet = g_object_ref_sink (gs_sheet_new ());
  GtkWidget *wins;

  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), NULL);
  g_assert_cmpstr (sheet_value (sheet, "sales.stage.won"), ==, "120");
  g_assert_nonnull (sheet_value (sheet, "marketing.stage.lead"));
  g_assert_nonnull (sheet_value (sheet, "shared.gap"));

  /* Meeting: agree the plan, double the deal; wins halve, shown as a delta. */
  g_assert_true (gs_meeting_set_baseline (plan, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_set_string (plan, "funnel.deal_size", "20000.00", &error));
  g_assert_no_error (error);
  baseline = gs_meeting_baseline_result (plan, &error);
  g_assert_no_error (error);
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), baseline);
  wins = gs_sheet_get_figure (GS_SHEET (sheet), "sales.stage.won");
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "60");
  g_assert_cmpstr (gs_figure_get_delta (GS_FIGURE (wins)), ==, "↓ 60");
  /* Colour by meaning: fewer wins needed is neither good nor bad (plain);
   * the smaller budget those fewer leads cost is good news (green). */
  g_assert_null (gs_figure_get_delta_class (GS_FIGURE (wins)));
  {
    GsFigure *budget = GS_FIGURE (gs_sheet_get_figure (GS_SHEET (sheet), "marketing.budget"));
    g_assert_true (g_str_has_prefix (gs_figure_get_delta (budget), "↓"));
    g_assert_cmpstr (gs_figure_get_delta_class (budget), ==, "success");
  }
  /* The target does not depend on the deal size: no delta there. */
  g_assert_cmpstr (
      gs_figure_get_delta (GS_FIGURE (gs_sheet_get_figure (GS_SHEET (sheet), "shared.target"))), ==,
      "");
  g_object_unref (sheet);
}

static void
test_sheet_lock (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsResult) baseline = NULL;
  GtkWidget *sheet = g_object_ref_sink (gs_sheet_new ());
  GtkWidget *field = g_object_ref_sink (
      gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY, "USD", "Deal size"));
  GtkWidget *lock;

  g_assert_true (gs_meeting_set_baseline (plan, &error));
  baseline = gs_meeting_baseline_result (plan, &error);
  g_assert_no_error (error);
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), baseline);
  lock = gs_sheet_get_lock (GS_SHEET (sheet), "sales.stage.won");
  g_assert_true (gtk_widget_get_visible (lock)); /* locks appear in meeting mode */

  /* An open padlock that says so, and a click does not move the focus
   * (the page jumped to it). */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (lock)), ==, "changes-allow-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lock), ==,
                   "Wins is not locked; click to lock it as agreed");
  g_assert_false (gtk_widget_get_focus_on_click (lock));

  /* Locking the wins line through its toggle records it in the plan... */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), TRUE);
  g_assert_true (gs_meeting_is_locked (plan, "sales.stage.won"));
  /* ...closes the padlock and says so (it said "Lock Wins" when locked)... */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (lock)), ==, "changes-prevent-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lock), ==,
                   "Wins is locked as agreed; click to unlock");
  g_assert_true (gtk_widget_has_css_class (lock, "accent"));
  /* ...and a deal size that would change the wins is refused at the field,
   * with the engine's message naming the line; the plan keeps 10,000.00. */
  gs_field_set_text (GS_FIELD (field), "20000");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_nonnull (strstr (gs_field_get_error (GS_FIELD (field)), "Wins"));
  g_assert_cmpstr (deal (plan), ==, "10000.00");

  /* Unlocked, the same edit goes through. */
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), baseline);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), FALSE);
  g_assert_false (gs_meeting_is_locked (plan, "sales.stage.won"));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (lock)), ==, "changes-allow-symbolic");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (deal (plan), ==, "20000.00");
  g_object_unref (field);
  g_object_unref (sheet);
}

static void
test_strip (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GtkWidget *strip = g_object_ref_sink (gs_strip_new ());
  const GsResult *r = gs_plan_get_result (plan, NULL);
  gs_strip_update (GS_STRIP (strip), gs_plan_get_model (plan), r, NULL);
  /* A plan short of its target shows a minus sign; one at or above, a plus. */
  g_assert_true ((r->gap < 0) == (strstr (gs_strip_get_gap_text (GS_STRIP (strip)), "−") != NULL));
  g_object_unref (strip);
}

/* While a value is typed the strip previews it (win.preview): the figures
 * the edit would give, marked as a preview, and the plan unchanged; an
 * empty path ends the preview and shows the plan's figures again. */
static void
test_window_preview (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GsPlan) edited = tiny ();
  g_autoptr (GError) error = NULL;
  GsWindow *window = gs_window_new (NULL, plan, NULL);
  GtkWidget *reference = g_object_ref_sink (gs_strip_new ());
  GsStrip *strip = GS_STRIP (find_type (GTK_WIDGET (window), GS_TYPE_STRIP));
  g_autofree char *shown = NULL, *want = NULL;

  g_assert_nonnull (strip);
  shown = g_strdup (gs_strip_get_gap_text (strip));
  g_assert_true (gs_plan_set_int (edited, "capacity.ae.start_headcount", 1, &error));
  g_assert_no_error (error);
  gs_strip_update (GS_STRIP (reference), gs_plan_get_model (edited),
                   gs_plan_get_result (edited, NULL), NULL);
  want = g_strdup (gs_strip_get_gap_text (GS_STRIP (reference)));
  g_assert_cmpstr (want, !=, shown);

  g_action_group_activate_action (G_ACTION_GROUP (window), "preview",
                                  g_variant_new ("(ss)", "capacity.ae.start_headcount", "1"));
  g_assert_cmpstr (gs_strip_get_gap_text (strip), ==, want);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (strip), "preview"));
  g_assert_cmpint (gs_plan_get_model (plan)->ae.start_headcount, ==, 2);
  g_assert_false (gs_plan_get_dirty (plan));
  g_assert_false (gs_plan_can_undo (plan));

  /* A value the plan would refuse previews nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "preview",
                                  g_variant_new ("(ss)", "funnel.steps[0].rate", "7"));
  g_assert_cmpstr (gs_strip_get_gap_text (strip), ==, shown);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (strip), "preview"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "preview",
                                  g_variant_new ("(ss)", "capacity.ae.start_headcount", "1"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "preview",
                                  g_variant_new ("(ss)", "", ""));
  g_assert_cmpstr (gs_strip_get_gap_text (strip), ==, shown);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (strip), "preview"));
  g_object_unref (reference);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_format_parse (void)
{
  double v = 0;
  g_assert_true (gs_format_parse_number ("1,234.5", &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_true (gs_format_parse_number ("25 %", &v));
  g_assert_cmpfloat (v, ==, 25);
  g_assert_true (gs_format_parse_number ("−3", &v)); /* the minus sign the app shows */
  g_assert_cmpfloat (v, ==, -3);
  g_assert_true (gs_format_parse_number ("10 d", &v));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_false (gs_format_parse_number ("1a2", &v));
  g_assert_false (gs_format_parse_number ("", &v));
  g_assert_false (gs_format_parse_number ("%", &v));
}

static void
test_format_locale (void)
{
  g_autofree char *c = NULL;
  g_autofree char *de = NULL;
  double v = 0;

  c = gs_format_localize ("2,600,000.00");
  g_assert_cmpstr (c, ==, "2,600,000.00");
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  de = gs_format_localize ("2,600,000.00 and 1.5, 2");
  g_assert_cmpstr (de, ==, "2.600.000,00 and 1,5, 2");
  g_assert_true (gs_format_parse_number ("1.234,5", &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
test_goal_table (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  const GsResult *r = gs_plan_get_result (plan, NULL);
  GtkWidget *marketing = g_object_ref_sink (gs_goal_table_new (GS_SIDE_MARKETING));
  GtkWidget *sales = g_object_ref_sink (gs_goal_table_new (GS_SIDE_SALES));
  GtkWidget *wins;

  gs_goal_table_update (GS_GOAL_TABLE (marketing), plan, r, NULL);
  gs_goal_table_update (GS_GOAL_TABLE (sales), plan, r, NULL);
  /* Each side shows its own lines and the shared ones, never the other side's. */
  g_assert_null (gs_goal_table_get_figure (GS_GOAL_TABLE (marketing), "sales.stage.won", -1));
  g_assert_nonnull (
      gs_goal_table_get_figure (GS_GOAL_TABLE (marketing), "marketing.stage.lead", -1));
  g_assert_nonnull (gs_goal_table_get_figure (GS_GOAL_TABLE (marketing), "shared.target", -1));
  g_assert_nonnull (gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "shared.target", -1));
  wins = gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", -1);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "120");
  /* 1,200,000 spread evenly over 12 months is 100,000 a month: 10 wins. */
  wins = gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", 0);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "10");
  g_assert_nonnull (strstr (gs_figure_get_why (GS_FIGURE (wins)), "Wins"));
  g_object_unref (marketing);
  g_object_unref (sales);
}

/* The stage list is a GListModel that reports exactly what changed. */
typedef struct
{
  guint calls, position, removed, added;
} Change;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Change *c)
{
  c->calls++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
update_tables (GtkWidget *marketing, GtkWidget *sales, GsPlan *plan)
{
  gs_goal_table_update (GS_GOAL_TABLE (marketing), plan, gs_plan_get_result (plan, NULL), NULL);
  gs_goal_table_update (GS_GOAL_TABLE (sales), plan, gs_plan_get_result (plan, NULL), NULL);
}

/* The goal tables' lines are a model of line ids spliced only where lines
 * come or go.  The tiny plan's Sales table shows its 8 sales lines, then the
 * 7 shared ones; the Marketing table 6 marketing lines, then the shared.
 * Doubling the deal size changes figures only: no items-changed, the wins'
 * total is the same widget, now 60.  A stage inserted before Won is a sales
 * line (sales.stage.<id>) after MQL's follow-up: exactly one item added at 1
 * on the Sales table, nothing on Marketing; removing it, one removed at 1. */
static void
test_goal_table_line_model (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GtkWidget *marketing = g_object_ref_sink (gs_goal_table_new (GS_SIDE_MARKETING));
  GtkWidget *sales = g_object_ref_sink (gs_goal_table_new (GS_SIDE_SALES));
  GListModel *sales_lines = gs_goal_table_get_lines (GS_GOAL_TABLE (sales));
  GListModel *marketing_lines = gs_goal_table_get_lines (GS_GOAL_TABLE (marketing));
  GtkWidget *wins, *target, *lead;
  Change c = { 0 }, cm = { 0 };

  update_tables (marketing, sales, plan);
  g_assert_cmpuint (g_list_model_get_n_items (sales_lines), ==, 8 + 7);
  g_assert_cmpuint (g_list_model_get_n_items (marketing_lines), ==, 6 + 7);
  g_signal_connect (sales_lines, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_signal_connect (marketing_lines, "items-changed", G_CALLBACK (on_items_changed), &cm);
  wins = gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", -1);
  target = gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "shared.target", 0);
  lead = gs_goal_table_get_figure (GS_GOAL_TABLE (marketing), "marketing.stage.lead", -1);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "120");

  g_assert_true (gs_plan_set (plan, "funnel.deal_size",
                              json_node_init_string (json_node_alloc (), "20000.00"), &error));
  g_assert_no_error (error);
  update_tables (marketing, sales, plan);
  g_assert_cmpuint (c.calls + cm.calls, ==, 0);
  g_assert_true (gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", -1) == wins);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "60");

  g_assert_true (gs_plan_insert_stage (plan, 2, "SQL", 1.0, 0.0, &error));
  g_assert_no_error (error);
  update_tables (marketing, sales, plan);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_cmpuint (cm.calls, ==, 0);
  {
    g_autoptr (GtkStringObject) added = g_list_model_get_item (sales_lines, 1);
    g_assert_true (g_str_has_prefix (gtk_string_object_get_string (added), "sales.stage."));
  }
  /* The rows kept are the same widgets: nothing was rebuilt. */
  g_assert_true (gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", -1) == wins);
  g_assert_true (gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "shared.target", 0) == target);
  g_assert_true (gs_goal_table_get_figure (GS_GOAL_TABLE (marketing), "marketing.stage.lead", -1)
                 == lead);

  g_assert_true (gs_plan_remove_stage (plan, 2, &error));
  g_assert_no_error (error);
  update_tables (marketing, sales, plan);
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_cmpuint (cm.calls, ==, 0);
  g_assert_true (gs_goal_table_get_figure (GS_GOAL_TABLE (sales), "sales.stage.won", -1) == wins);
  g_signal_handlers_disconnect_by_data (sales_lines, &c);
  g_signal_handlers_disconnect_by_data (marketing_lines, &cm);
  g_object_unref (marketing);
  g_object_unref (sales);
}

/* The sheet's three columns are models of line ids too: a typed figure
 * changes nothing but texts, a stage inserted before Won adds exactly one
 * sales line at 1 (after MQL's follow-up) and touches neither Marketing nor
 * Shared; every kept row keeps its figure and lock. */
static void
test_sheet_line_model (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GtkWidget *sheet = g_object_ref_sink (gs_sheet_new ());
  GListModel *sides[3];
  Change c[3] = { { 0 } };
  GtkWidget *wins, *target, *lock;

  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), NULL);
  for (guint s = 0; s < 3; s++)
    {
      sides[s] = gs_sheet_get_lines (GS_SHEET (sheet), s);
      g_signal_connect (sides[s], "items-changed", G_CALLBACK (on_items_changed), &c[s]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (sides[GS_SIDE_MARKETING]), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (sides[GS_SIDE_SHARED]), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (sides[GS_SIDE_SALES]), ==, 8);
  wins = gs_sheet_get_figure (GS_SHEET (sheet), "sales.stage.won");
  target = gs_sheet_get_figure (GS_SHEET (sheet), "shared.target");
  lock = gs_sheet_get_lock (GS_SHEET (sheet), "shared.target");

  g_assert_true (gs_plan_set (plan, "funnel.deal_size",
                              json_node_init_string (json_node_alloc (), "20000.00"), &error));
  g_assert_no_error (error);
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), NULL);
  g_assert_cmpuint (c[0].calls + c[1].calls + c[2].calls, ==, 0);
  g_assert_true (gs_sheet_get_figure (GS_SHEET (sheet), "sales.stage.won") == wins);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (wins)), ==, "60");

  g_assert_true (gs_plan_insert_stage (plan, 2, "SQL", 1.0, 0.0, &error));
  g_assert_no_error (error);
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), NULL);
  g_assert_cmpuint (c[GS_SIDE_SALES].calls, ==, 1);
  g_assert_cmpuint (c[GS_SIDE_SALES].position, ==, 1);
  g_assert_cmpuint (c[GS_SIDE_SALES].removed, ==, 0);
  g_assert_cmpuint (c[GS_SIDE_SALES].added, ==, 1);
  g_assert_cmpuint (c[GS_SIDE_MARKETING].calls + c[GS_SIDE_SHARED].calls, ==, 0);
  g_assert_true (gs_sheet_get_figure (GS_SHEET (sheet), "sales.stage.won") == wins);
  g_assert_true (gs_sheet_get_figure (GS_SHEET (sheet), "shared.target") == target);
  g_assert_true (gs_sheet_get_lock (GS_SHEET (sheet), "shared.target") == lock);

  g_assert_true (gs_plan_remove_stage (plan, 2, &error));
  g_assert_no_error (error);
  gs_sheet_update (GS_SHEET (sheet), plan, gs_plan_get_result (plan, NULL), NULL);
  g_assert_cmpuint (c[GS_SIDE_SALES].calls, ==, 2);
  g_assert_cmpuint (c[GS_SIDE_SALES].position, ==, 1);
  g_assert_cmpuint (c[GS_SIDE_SALES].removed, ==, 1);
  g_assert_cmpuint (c[GS_SIDE_SALES].added, ==, 0);
  g_assert_true (gs_sheet_get_figure (GS_SHEET (sheet), "shared.target") == target);
  for (guint s = 0; s < 3; s++)
    g_signal_handlers_disconnect_by_data (sides[s], &c[s]);
  g_object_unref (sheet);
}

/* The first plain GtkEntry under widget (a sign-off's name). */
static GtkWidget *
first_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = GS_IS_FIELD (c) ? NULL : first_entry (c);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_agreements_sign (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *box = g_object_ref_sink (gs_agreements_box_new ());
  GListModel *signoffs;
  GtkWidget *marketing_entry;
  Change c = { 0 };
  JsonNode *agreements
      = gs_json_parse ("{\"signoffs\": [{\"role\": \"vp_marketing\", \"name\": \"\", "
                       "\"date\": \"\"}, {\"role\": \"vp_sales\", \"name\": \"\", "
                       "\"date\": \"\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_set (plan, "agreements", agreements, &error));
  g_assert_no_error (error);

  gs_agreements_box_set_plan (GS_AGREEMENTS_BOX (box), plan);
  signoffs = gs_agreements_box_get_signoffs (GS_AGREEMENTS_BOX (box));
  g_assert_cmpuint (g_list_model_get_n_items (signoffs), ==, 2);
  g_signal_connect (signoffs, "items-changed", G_CALLBACK (on_items_changed), &c);
  /* A name half typed for VP Marketing ... */
  marketing_entry = first_entry (box);
  g_assert_nonnull (marketing_entry);
  gtk_editable_set_text (GTK_EDITABLE (marketing_entry), "Ale");
  /* Signing records the name and today's date on that role only. */
  g_assert_true (
      gs_agreements_box_sign (GS_AGREEMENTS_BOX (box), "vp_sales", "Dana Whitfield", &error));
  g_assert_no_error (error);
  gs_agreements_box_update (GS_AGREEMENTS_BOX (box));
  /* ... survives VP Sales signing: no chip added or removed, the entry kept. */
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (first_entry (box) == marketing_entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (marketing_entry)), ==, "Ale");
  g_signal_handlers_disconnect_by_data (signoffs, &c);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "agreements.signoffs[1].name")), ==,
                   "Dana Whitfield");
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "agreements.signoffs[1].date")), ==,
                   today);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "agreements.signoffs[0].name")), ==,
                   "");
  g_assert_true (gs_plan_get_model (plan)->agreements.signoffs[1].signed_off);
  /* Withdrawing clears it; undo brings it back. */
  g_assert_true (gs_agreements_box_sign (GS_AGREEMENTS_BOX (box), "vp_sales", "", &error));
  g_assert_false (gs_plan_get_model (plan)->agreements.signoffs[1].signed_off);
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_get_model (plan)->agreements.signoffs[1].signed_off);
  g_object_unref (box);
}

static gint64
total_wins (GsPlan *plan)
{
  return gs_result_line (gs_plan_get_result (plan, NULL), "sales.stage.won")->total.amount;
}

static void
test_funnel_stages (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (gs_funnel_page_new ());
  const GsModel *m;

  gs_funnel_page_set_plan (GS_FUNNEL_PAGE (page), plan);
  /* A new stage goes before Won and everything from MQL passes into it
   * (100 %, 0 days); the step on to Won keeps MQL→Won's 20 % and 31 days, so
   * the stage before the win still holds what MQL held (the pipeline does not
   * shrink to the wins): Lead, MQL, new, Won; the wins stay 120. */
  g_assert_true (gs_funnel_page_add_stage (GS_FUNNEL_PAGE (page), &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_stages, ==, 4);
  g_assert_cmpstr (m->stages[2].name, ==, "New stage");
  g_assert_cmpstr (m->stages[3].id, ==, "won");
  g_assert_cmpfloat (m->steps[1].rate, ==, 1.0);
  g_assert_cmpfloat (m->steps[1].lag_days, ==, 0);
  g_assert_cmpfloat_with_epsilon (m->steps[2].rate, 0.2, 1e-12);
  g_assert_cmpfloat (m->steps[2].lag_days, ==, 31);
  g_assert_cmpint (total_wins (plan), ==, 120);

  /* Removing MQL (stage 1) merges Lead→MQL 50 % and MQL→new 100 %: 50 %, lags 0 + 0 days. */
  g_assert_true (gs_funnel_page_remove_stage (GS_FUNNEL_PAGE (page), 1, &error));
  g_assert_no_error (error);
  m = gs_plan_get_model (plan);
  g_assert_cmpuint (m->n_stages, ==, 3);
  g_assert_cmpfloat_with_epsilon (m->steps[0].rate, 0.5, 1e-12);
  g_assert_cmpfloat (m->steps[0].lag_days, ==, 0);
  g_assert_cmpfloat_with_epsilon (m->steps[1].rate, 0.2, 1e-12);
  g_assert_cmpint (total_wins (plan), ==, 120);

  /* The first and the last stage stay. */
  g_assert_false (gs_funnel_page_remove_stage (GS_FUNNEL_PAGE (page), 0, &error));
  g_assert_nonnull (error);
  g_object_unref (page);
}

static GtkWidget *
first_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_list_box (c);
      if (found)
        return found;
    }
  return NULL;
}

/* Row i of the stage list (the page's first list box). */
static GtkWidget *
row_at (GtkWidget *page, guint i)
{
  GtkWidget *list = first_list_box (page);
  g_assert_nonnull (list);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i));
}

static GsField *
field_in (GtkWidget *widget, const char *path)
{
  if (GS_IS_FIELD (widget))
    return g_strcmp0 (gs_field_get_path (GS_FIELD (widget)), path) == 0 ? GS_FIELD (widget) : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GsField *f = field_in (c, path);
      if (f)
        return f;
    }
  return NULL;
}

static void
test_funnel_stage_model (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (gs_funnel_page_new ());
  GListModel *stages;
  GtkWidget *lead_row, *won_row;
  GsField *rate;
  Change c = { 0 };

  gs_funnel_page_set_plan (GS_FUNNEL_PAGE (page), plan);
  stages = gs_funnel_page_get_stages (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3); /* Lead, MQL, Won */
  g_signal_connect (stages, "items-changed", G_CALLBACK (on_items_changed), &c);
  lead_row = row_at (page, 0);
  won_row = row_at (page, 2);

  /* Typing a rate (Lead → MQL 50 % to 40 %) changes no item: no row is
   * removed or added, the row and its field stay the ones being typed in. */
  rate = field_in (lead_row, "funnel.steps[0].rate");
  g_assert_nonnull (rate);
  gs_field_set_text (rate, "40");
  g_assert_true (gs_field_commit (rate));
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpfloat (gs_plan_get_model (plan)->steps[0].rate, ==, 0.4);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (row_at (page, 0) == lead_row);
  g_assert_true (field_in (lead_row, "funnel.steps[0].rate") == rate);

  /* A new stage before Won: one item added at position 2; Won's row moves to
   * 3 and now edits funnel.stages[3]. */
  g_assert_true (gs_funnel_page_add_stage (GS_FUNNEL_PAGE (page), &error));
  g_assert_no_error (error);
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 2);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);
  g_assert_true (row_at (page, 3) == won_row);
  g_assert_nonnull (field_in (won_row, "funnel.stages[3].name"));

  /* Removing MQL (position 1): one item removed there, nothing added. */
  g_assert_true (gs_funnel_page_remove_stage (GS_FUNNEL_PAGE (page), 1, &error));
  g_assert_no_error (error);
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_true (row_at (page, 0) == lead_row);
  g_assert_true (row_at (page, 2) == won_row);
  g_assert_nonnull (field_in (won_row, "funnel.stages[2].name"));

  /* Undo puts MQL back at 1. */
  gs_plan_undo (plan);
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (c.calls, ==, 3);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_signal_handlers_disconnect_by_data (stages, &c);
  g_object_unref (page);
}

static void
update_targets (GtkWidget *page, GsPlan *plan)
{
  gs_targets_page_update (GS_TARGETS_PAGE (page), gs_plan_get_result (plan, NULL), NULL);
}

/* The Targets page's sources are a model of their ids: seed-saas has
 * Marketing inbound, SDR outbound and Partner referrals.  Typing Partner's
 * cost per SQL (300, 30,000 cents) or renaming Marketing inbound changes no item and
 * keeps every field (the renamed block retitles itself in place); removing
 * SDR outbound removes one item at 1 and Partner's block, kept, now edits
 * sources[1]; a new source is one item added at 2. */
static void
test_targets_source_model (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  GtkWidget *page = g_object_ref_sink (gs_targets_page_new ());
  GListModel *sources;
  GsField *share, *name, *cost;
  Change c = { 0 };

  gs_targets_page_set_plan (GS_TARGETS_PAGE (page), plan);
  update_targets (page, plan);
  sources = gs_source_inputs_get_sources (gs_targets_page_get_sources (GS_TARGETS_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  g_signal_connect (sources, "items-changed", G_CALLBACK (on_items_changed), &c);
  share = field_in (page, "sources[2].share");
  name = field_in (page, "sources[0].name");
  cost = field_in (page, "sources[0].cost_per_lead");
  g_assert_nonnull (share);
  g_assert_nonnull (name);

  gs_field_set_text (field_in (page, "sources[2].cost_per_lead"), "300");
  g_assert_true (gs_field_commit (field_in (page, "sources[2].cost_per_lead")));
  update_targets (page, plan);
  g_assert_cmpint (gs_plan_get_model (plan)->sources[2].cost_per_lead, ==, 30000);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (field_in (page, "sources[2].share") == share);

  gs_field_set_text (name, "Inbound");
  g_assert_true (gs_field_commit (name));
  update_targets (page, plan);
  g_assert_cmpstr (gs_plan_get_model (plan)->sources[0].name, ==, "Inbound");
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (field_in (page, "sources[0].name") == name);
  g_assert_true (field_in (page, "sources[0].cost_per_lead") == cost);

  g_assert_true (gs_plan_remove_source (plan, 1, &error));
  g_assert_no_error (error);
  update_targets (page, plan);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_true (field_in (page, "sources[1].share") == share);
  g_assert_true (field_in (page, "sources[0].name") == name);
  g_assert_null (field_in (page, "sources[2].share"));

  g_assert_true (gs_plan_add_source (plan, "Events", GS_OWNER_MARKETING, &error));
  g_assert_no_error (error);
  update_targets (page, plan);
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 2);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_nonnull (field_in (page, "sources[2].share"));
  g_assert_true (field_in (page, "sources[1].share") == share);
  g_signal_handlers_disconnect_by_data (sources, &c);
  g_object_unref (page);
}

/* The Capacity group's hire batches and AE ramp months are models.
 * seed-saas hires one AE in April 2027 and one in July (batches 0 and 1),
 * one SDR in May, and ramps AEs over 4 months (0, 25, 50, 75 %).
 *  - Typing 3 into batch 1's count changes no item and keeps its field.
 *  - Removing batch 0 removes exactly item 0 (July's, kept, keys 3:1 …);
 *    July's count field is the same widget, now at hires[0] and titled
 *    "AE hires, batch 1".
 *  - A batch added (October, 1 AE) is one item at 1.
 *  - The ramp made 5 months long adds item 4; 3 months long removes 3 and 4;
 *    ramp month 1's field stays the same widget throughout. */
static void
test_staffing_model (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  GtkWidget *group;
  GListModel *batches, *ramp;
  GsField *july, *ramp1;
  Change c = { 0 }, r = { 0 };

  g_assert_no_error (error);
  group = g_object_ref_sink (gs_staffing_inputs_new (plan));
  batches = gs_staffing_inputs_get_batches (group, GS_STAFF_AE);
  ramp = gs_staffing_inputs_get_ramp (group);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gs_staffing_inputs_get_batches (group, GS_STAFF_SDR)),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ramp), ==, 4);
  g_signal_connect (batches, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_signal_connect (ramp, "items-changed", G_CALLBACK (on_items_changed), &r);
  july = field_in (group, "capacity.ae.hires[1].count");
  ramp1 = field_in (group, "capacity.ae.ramp[0]");
  g_assert_nonnull (july);
  g_assert_nonnull (ramp1);

  gs_field_set_text (july, "3");
  g_assert_true (gs_field_commit (july));
  gs_staffing_inputs_update (group);
  g_assert_cmpuint (gs_plan_get_model (plan)->ae.hires[1].count, ==, 3);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (field_in (group, "capacity.ae.hires[1].count") == july);

  g_assert_true (gs_plan_remove_hires (plan, GS_STAFF_AE, 0, &error));
  g_assert_no_error (error);
  gs_staffing_inputs_update (group);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_true (field_in (group, "capacity.ae.hires[0].count") == july);
  g_assert_null (field_in (group, "capacity.ae.hires[1].count"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (
                       GTK_GRID (gtk_widget_get_parent (GTK_WIDGET (july))), 0, 0))),
                   ==, "AE hires, batch 1");

  g_assert_true (gs_plan_add_hires (plan, GS_STAFF_AE, 9, 1, &error));
  g_assert_no_error (error);
  gs_staffing_inputs_update (group);
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_true (field_in (group, "capacity.ae.hires[0].count") == july);
  g_assert_nonnull (field_in (group, "capacity.ae.hires[1].count"));

  g_assert_true (gs_plan_set_ramp_months (plan, 5, &error));
  g_assert_no_error (error);
  gs_staffing_inputs_update (group);
  g_assert_cmpuint (r.calls, ==, 1);
  g_assert_cmpuint (r.position, ==, 4);
  g_assert_cmpuint (r.removed, ==, 0);
  g_assert_cmpuint (r.added, ==, 1);
  g_assert_nonnull (field_in (group, "capacity.ae.ramp[4]"));
  g_assert_true (gs_plan_set_ramp_months (plan, 3, &error));
  g_assert_no_error (error);
  gs_staffing_inputs_update (group);
  g_assert_cmpuint (r.calls, ==, 2);
  g_assert_cmpuint (r.position, ==, 3);
  g_assert_cmpuint (r.removed, ==, 2);
  g_assert_cmpuint (r.added, ==, 0);
  g_assert_null (field_in (group, "capacity.ae.ramp[3]"));
  g_assert_true (field_in (group, "capacity.ae.ramp[0]") == ramp1);
  g_assert_cmpuint (c.calls, ==, 2);
  g_signal_handlers_disconnect_by_data (batches, &c);
  g_signal_handlers_disconnect_by_data (ramp, &r);
  g_object_unref (group);
}

/* seed-saas plans volume for Marketing inbound, SDR outbound and Partner
 * referrals.  Typing a volume changes no source; removing SDR outbound
 * removes one item at 1 and Partner referrals' row, kept, now edits
 * sources[1]. */
static void
test_funnel_source_model (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  GtkWidget *page = g_object_ref_sink (gs_funnel_page_new ());
  GListModel *sources;
  GtkWidget *list, *partner_row;
  GsField *volume;
  Change c = { 0 };

  g_assert_no_error (error);
  gs_funnel_page_set_plan (GS_FUNNEL_PAGE (page), plan);
  sources = gs_funnel_page_get_sources (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  g_signal_connect (sources, "items-changed", G_CALLBACK (on_items_changed), &c);
  list = gtk_widget_get_parent (gtk_widget_get_parent (
      gtk_widget_get_parent (GTK_WIDGET (field_in (page, "sources[2].planned_volume[0]")))));
  g_assert_true (GTK_IS_LIST_BOX (list));
  partner_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  volume = field_in (page, "sources[0].planned_volume[0]");
  g_assert_nonnull (volume);
  gs_field_set_text (volume, "500");
  g_assert_true (gs_field_commit (volume));
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_true (field_in (page, "sources[0].planned_volume[0]") == volume);

  g_assert_true (gs_plan_remove_source (plan, 1, &error));
  g_assert_no_error (error);
  gs_funnel_page_update (GS_FUNNEL_PAGE (page));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1))
                 == partner_row);
  g_assert_nonnull (field_in (partner_row, "sources[1].planned_volume[0]"));
  g_signal_handlers_disconnect_by_data (sources, &c);
  g_object_unref (page);
}

/* The Scenarios page's payout risk (issue 16): after a run every simulated
 * year's pay is shown beside the pay at plan as staffed ($653,032, the
 * Compensation page's figure), one line per role; hidden before any run and
 * for another plan. */
static void
test_sim_page_risk (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  GtkWidget *page = g_object_ref_sink (gs_sim_page_new ());
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  const char *risk;

  patch (root, "simulation", "{\"trials\": 5000, \"seed\": 3}");
  text = json_to_string (root, FALSE);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  gs_sim_page_update (GS_SIM_PAGE (page), plan, gs_plan_get_result (plan, NULL));
  g_assert_null (gs_sim_page_get_risk_text (GS_SIM_PAGE (page)));
  gs_sim_page_run (GS_SIM_PAGE (page));
  while (gs_sim_page_get_p_hit (GS_SIM_PAGE (page), NULL) < 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  risk = gs_sim_page_get_risk_text (GS_SIM_PAGE (page));
  g_assert_nonnull (risk);
  g_assert_nonnull (strstr (risk, "Pay over the simulated years"));
  g_assert_nonnull (strstr (risk, "(at plan $653,032)."));
  g_assert_nonnull (strstr (risk, "Account executive: reaches quota in "));
  g_assert_nonnull (strstr (risk, "Sales development rep: paid on measures the simulation"));
  g_assert_null (gs_chart_view_get_stale (gs_sim_page_get_chart (GS_SIM_PAGE (page))));

  /* An edit leaves the last run drawn, dimmed under a note, and its P(hit)
   * marked stale (the fan used to vanish while the stale P(hit) stayed). */
  {
    gboolean stale = FALSE;
    double before = gs_sim_page_get_p_hit (GS_SIM_PAGE (page), NULL);
    g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.3, &error));
    g_assert_no_error (error);
    gs_sim_page_update (GS_SIM_PAGE (page), plan, gs_plan_get_result (plan, NULL));
    g_assert_cmpfloat (gs_sim_page_get_p_hit (GS_SIM_PAGE (page), &stale), ==, before);
    g_assert_true (stale);
    g_assert_cmpstr (gs_chart_view_get_stale (gs_sim_page_get_chart (GS_SIM_PAGE (page))), ==,
                     "From before your edit: run the simulation again");
  }
  g_object_unref (page);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
wait_for_table (GsScenarioTable *table)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (gs_scenario_table_is_busy (table) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gs_scenario_table_is_busy (table));
}

/* seed-saas has base, best, worst and hire-may: four columns, computed only
 * once the table is on screen, in a worker thread.  A deal size edit changes
 * figures, not scenarios: no column removed or added, and every column's
 * figures notify once (each scenario's plan moves) — also when a second edit
 * comes before the first one's figures: those are dropped, not shown. */
static void
test_scenario_columns (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text (text, -1, &error);
  GtkWidget *table = g_object_ref_sink (gs_scenario_table_new ());
  GtkWidget *window = gtk_window_new ();
  GListModel *columns;
  Change c = { 0 };
  guint notified = 0;
  const char *names[] = { "base", "best", "worst", "hire-may" };
  g_autofree char *wins_before = NULL;

  g_assert_no_error (error);
  gs_scenario_table_update (GS_SCENARIO_TABLE (table), plan);
  columns = gs_scenario_table_get_scenarios (GS_SCENARIO_TABLE (table));
  /* Not on screen: nothing computed (the Scenarios page hidden). */
  g_assert_true (gs_scenario_table_is_busy (GS_SCENARIO_TABLE (table)));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 0);
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_table (GS_SCENARIO_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GsScenarioColumn) col = g_list_model_get_item (columns, i);
      g_assert_cmpstr (gs_scenario_column_get_name (col), ==, names[i]);
      g_signal_connect (col, "notify::values", G_CALLBACK (count_notify), &notified);
    }
  {
    g_autoptr (GsScenarioColumn) base = g_list_model_get_item (columns, 0);
    /* Figures shown: target, plan, gap, gap %, budget, leads, MQLs, wins, AE capacity. */
    g_assert_cmpuint (g_strv_length ((char **) gs_scenario_column_get_values (base)), ==, 9);
    wins_before = g_strdup (gs_scenario_column_get_values (base)[7]);
  }
  g_signal_connect (columns, "items-changed", G_CALLBACK (on_items_changed), &c);

  g_assert_true (gs_plan_set (plan, "funnel.deal_size",
                              json_node_init_string (json_node_alloc (), "30000.00"), &error));
  gs_scenario_table_update (GS_SCENARIO_TABLE (table), plan);
  g_assert_true (gs_plan_set (plan, "funnel.deal_size",
                              json_node_init_string (json_node_alloc (), "31000.00"), &error));
  g_assert_no_error (error);
  gs_scenario_table_update (GS_SCENARIO_TABLE (table), plan);
  /* Nothing changes on the main thread until the figures arrive. */
  g_assert_cmpuint (notified, ==, 0);
  wait_for_table (GS_SCENARIO_TABLE (table));
  g_assert_cmpuint (c.calls, ==, 0);
  /* best sets its own deal size, so its figures stay, but its differences
   * against base move with base: all four columns notify, each once. */
  g_assert_cmpuint (notified, ==, 4);
  {
    g_autoptr (GsScenarioColumn) base = g_list_model_get_item (columns, 0);
    g_assert_cmpstr (gs_scenario_column_get_values (base)[7], !=, wins_before);
  }
  g_signal_handlers_disconnect_by_data (columns, &c);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (table);
}

/* A plan with 60 scenarios besides base: the first 50 columns (base
 * included) are computed and shown, no more. */
static void
test_scenario_columns_capped (void)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  JsonArray *list = json_array_new ();
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  GtkWidget *table = g_object_ref_sink (gs_scenario_table_new ());
  GtkWidget *window = gtk_window_new ();
  GListModel *columns;

  for (guint i = 0; i < 60; i++)
    {
      JsonObject *sc = json_object_new ();
      JsonArray *overrides = json_array_new ();
      JsonObject *o = json_object_new ();
      g_autofree char *name = g_strdup_printf ("s%02u", i);
      json_object_set_string_member (o, "path", "funnel.deal_size");
      json_object_set_string_member (o, "value", "30000.00");
      json_array_add_object_element (overrides, o);
      json_object_set_string_member (sc, "name", name);
      json_object_set_array_member (sc, "overrides", overrides);
      json_array_add_object_element (list, sc);
    }
  json_object_set_array_member (json_node_get_object (root), "scenarios", list);
  text = json_to_string (root, FALSE);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_present (GTK_WINDOW (window));
  gs_scenario_table_update (GS_SCENARIO_TABLE (table), plan);
  wait_for_table (GS_SCENARIO_TABLE (table));
  columns = gs_scenario_table_get_scenarios (GS_SCENARIO_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, GS_SCENARIO_TABLE_MAX_COLUMNS);
  {
    g_autoptr (GsScenarioColumn) last = g_list_model_get_item (columns, 49);
    g_assert_cmpstr (gs_scenario_column_get_name (last), ==, "s48");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (table);
}

static void
test_window_goto (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  GsWindow *window = gs_window_new (NULL, plan, NULL);

  /* "Go to Input" finds the field of a path on whichever page holds it. */
  g_assert_true (gs_window_goto_input (window, "funnel.steps[1].rate"));
  g_assert_true (gs_window_goto_input (window, "company.target.amount"));
  g_assert_true (gs_window_goto_input (window, "capacity.ae.quota"));
  g_assert_false (gs_window_goto_input (window, "no.such.field"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* The page of that name in the window's stack (the widget in its holder). */
static GtkWidget *
window_page (GsWindow *window, const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  return gtk_widget_get_first_child (adw_view_stack_get_child_by_name (stack, name));
}

/* The window's first frame makes and fills the page in view only (issue 13):
 * once it is painted, and after an edit, no other page exists; each is made
 * when first shown, with the engine's figures for the plan as it is then.
 * Tiny plan, deal size 10,000.00 → 20,000.00: 1,200,000.00 ÷ 20,000.00 = 60
 * wins, 5 a month; ÷ 20 % = 300 MQLs; ÷ 50 % = 600 leads. */
static void
test_window_pages_when_shown (void)
{
  static const char *const hidden[]
      = { "funnel", "marketing", "sales", "compensation", "actuals", "statements", "scenarios" };
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  GsWindow *window = gs_window_new (NULL, plan, NULL);
  gboolean painted = FALSE;
  GtkWidget *page;
  gulong id;

  gtk_widget_realize (GTK_WIDGET (window));
  id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                         G_CALLBACK (on_after_paint), &painted);
  gtk_window_present (GTK_WINDOW (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), id);
  g_assert_true (gs_window_page_is_built (window, "targets"));
  /* The Targets page's agreements and assumptions (below the fold) are not
   * in the first frame; a low-priority idle after it makes them. */
  {
    GsTargetsPage *targets
        = GS_TARGETS_PAGE (find_type (GTK_WIDGET (window), GS_TYPE_TARGETS_PAGE));
    g_assert_false (gs_targets_page_get_below_made (targets));
    g_assert_null (gs_field_find (GTK_WIDGET (targets), "funnel.deal_size", FALSE));
    while (!gs_targets_page_get_below_made (targets))
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (gs_field_find (GTK_WIDGET (targets), "funnel.deal_size", FALSE));
    g_assert_nonnull (find_type (GTK_WIDGET (targets), GS_TYPE_AGREEMENTS_BOX));
    g_assert_true (
        gtk_widget_get_visible (find_type (GTK_WIDGET (targets), GS_TYPE_AGREEMENTS_BOX)));
  }
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_false (gs_window_page_is_built (window, hidden[i]));
  g_assert_null (find_type (GTK_WIDGET (window), GS_TYPE_GOAL_TABLE));
  g_assert_null (find_type (GTK_WIDGET (window), GS_TYPE_SIM_PAGE));

  g_assert_true (gs_plan_set_string (plan, "funnel.deal_size", "20000.00", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_false (gs_window_page_is_built (window, hidden[i]));

  gs_window_show_page (window, "sales");
  g_assert_true (gs_window_page_is_built (window, "sales"));
  g_assert_false (gs_window_page_is_built (window, "marketing"));
  page = window_page (window, "sales");
  g_assert_true (GS_IS_GOAL_TABLE (page));
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (
                       gs_goal_table_get_figure (GS_GOAL_TABLE (page), "sales.stage.won", -1))),
                   ==, "60");
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (
                       gs_goal_table_get_figure (GS_GOAL_TABLE (page), "sales.stage.won", 0))),
                   ==, "5");
  gs_window_show_page (window, "marketing");
  page = window_page (window, "marketing");
  g_assert_true (GS_IS_GOAL_TABLE (page));
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (gs_goal_table_get_figure (
                       GS_GOAL_TABLE (page), "marketing.stage.lead", -1))),
                   ==, "600");

  gs_window_show_page (window, "funnel");
  page = find_type (GTK_WIDGET (window), GS_TYPE_FUNNEL_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpuint (g_list_model_get_n_items (gs_funnel_page_get_stages (GS_FUNNEL_PAGE (page))),
                    ==, 3);

  /* Run Simulation's page: nothing run yet, nothing to mark stale. */
  gs_window_show_page (window, "scenarios");
  page = find_type (GTK_WIDGET (window), GS_TYPE_SIM_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpfloat (gs_sim_page_get_p_hit (GS_SIM_PAGE (page), NULL), ==, -1);
  g_assert_nonnull (gs_sim_page_get_scenario_list (GS_SIM_PAGE (page)));

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      gs_window_show_page (window, hidden[i]);
      g_assert_true (gs_window_page_is_built (window, hidden[i]));
    }
  /* Made once: shown again, the same page, updated by an edit while shown.
   * The Scenarios page, hidden, is only marked stale by the edit. */
  g_assert_true (find_type (GTK_WIDGET (window), GS_TYPE_SIM_PAGE) == page);
  g_assert_true (gs_plan_set_string (plan, "funnel.deal_size", "15000.00", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_sim_page_get_updates_skipped (GS_SIM_PAGE (page)), ==, 0);
  gs_window_show_page (window, "sales");
  g_assert_true (gs_plan_set_string (plan, "funnel.deal_size", "10000.00", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_sim_page_get_updates_skipped (GS_SIM_PAGE (page)), ==, 1);
  g_assert_cmpstr (gs_figure_get_text (GS_FIGURE (gs_goal_table_get_figure (
                       GS_GOAL_TABLE (window_page (window, "sales")), "sales.stage.won", -1))),
                   ==, "120");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a shared object whose name starts with NAME is mapped into this
 * process. */
static gboolean
library_mapped (const char *name)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strconcat ("/", name, NULL);
  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}
/* File ▸ Export refuses the open plan's own file (the workbook would
 * replace the plan) and writes anywhere else. */
static void
test_export_not_over_plan (void)
{
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("goalsheet-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL, *after = NULL;
  GsWindow *window;

  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  window = gs_window_new (NULL, plan, file);
  g_assert_false (gs_export_dialog_write (window, path, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);
#ifdef GS_HAVE_XLSX
  /* Through the goalsheet-workbook module (GOALSHEET_MODULEDIR): the
   * window's process loads libxlsxwriter on its first export, not at start
   * (no other test here exports). */
  g_assert_false (library_mapped ("libxlsxwriter"));
  g_assert_true (gs_export_dialog_write (window, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (library_mapped ("libxlsxwriter"));
#endif
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (xlsx);
  g_unlink (path);
  g_rmdir (dir);
}

/* Keyboard Shortcuts: a window of the application has the action and its
 * Ctrl+? but no shortcuts window until it is asked for (GTK built one for
 * every window before its first frame); asked, it is made once and shown
 * over the window. */
static void
test_window_help_overlay (void)
{
  g_autoptr (GsApplication) app = gs_application_new ();
  g_autoptr (GsPlan) plan = tiny ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) accels = NULL;
  GsWindow *window;
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = gs_window_new (GTK_APPLICATION (app), plan, NULL);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-help-overlay"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  /* GTK 4.8's shortcuts window lays out one of its labels at a negative
   * width when shown (a GTK warning, the same when GTK built the window
   * itself): not fatal while it is shown here. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                 == overlay);
  gtk_window_destroy (GTK_WINDOW (window));
  g_log_set_always_fatal (fatal);
}

/* gs_widget_set_tooltip: the text is set, visible or not, mapped or not; the
 * widget stays as visible as it was; the same text is not set again (GTK
 * asks the X server where the pointer is on every set: no notify, no
 * query); "" is no tooltip, as in GTK. */
static void
test_widget_tooltip (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Lock");
  guint notified = 0;

  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (count_notify), &notified);
  g_assert_false (gtk_widget_get_mapped (button));
  gs_widget_set_tooltip (button, "Revenue is not locked");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Revenue is not locked");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpuint (notified, ==, 1);
  gs_widget_set_tooltip (button, "Revenue is not locked");
  g_assert_cmpuint (notified, ==, 1);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (button))
    g_main_context_iteration (NULL, TRUE);
  gs_widget_set_tooltip (button, "Revenue is locked");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Revenue is locked");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpuint (notified, ==, 2);
  gs_widget_set_tooltip (button, "Revenue is locked");
  g_assert_cmpuint (notified, ==, 2);
  gs_widget_set_tooltip (button, "");
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_cmpuint (notified, ==, 3);
  gs_widget_set_tooltip (button, NULL);
  g_assert_cmpuint (notified, ==, 3);

  gtk_widget_set_visible (button, FALSE);
  gs_widget_set_tooltip (button, "Hidden");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Hidden");
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* gs_repaint_snapshot puts a clear colour node over the widget's bounds
 * grown by 4 px; its colour flips at the first snapshot after
 * gs_repaint_mark only, so GTK repaints the widget as one rectangle after
 * a change and compares it as unchanged otherwise. */
static float
repaint_colour (GsRepaint *repaint, GtkWidget *parent, GtkWidget *child, graphene_rect_t *bounds)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  gs_repaint_snapshot (repaint, parent, child, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_COLOR_NODE);
  g_assert_cmpfloat (gsk_color_node_get_color (node)->alpha, ==, 0);
  gsk_render_node_get_bounds (node, bounds);
  return gsk_color_node_get_color (node)->red;
}

static void
test_repaint (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("100,000.00");
  GsRepaint repaint = { 0 };
  graphene_rect_t bounds, label_bounds;
  float first;

  gtk_widget_set_margin_top (label, 20);
  gtk_widget_set_margin_start (label, 10);
  gtk_box_append (GTK_BOX (box), label);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (label) || gtk_widget_get_width (label) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_compute_bounds (label, box, &label_bounds));

  first = repaint_colour (&repaint, box, label, &bounds);
  g_assert_cmpfloat (bounds.origin.x, ==, 10 - 4);
  g_assert_cmpfloat (bounds.origin.y, ==, 20 - 4);
  g_assert_cmpfloat (bounds.size.width, ==, label_bounds.size.width + 8);
  g_assert_cmpfloat (bounds.size.height, ==, label_bounds.size.height + 8);
  /* Unchanged: the same colour, so no repaint. */
  g_assert_cmpfloat (repaint_colour (&repaint, box, label, &bounds), ==, first);
  /* Changed: another colour once, then that one again. */
  gs_repaint_mark (&repaint);
  g_assert_cmpfloat (repaint_colour (&repaint, box, label, &bounds), !=, first);
  g_assert_cmpfloat (repaint_colour (&repaint, box, label, &bounds), !=, first);
  gs_repaint_mark (&repaint);
  g_assert_cmpfloat (repaint_colour (&repaint, box, label, &bounds), ==, first);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A figure's new text of the same length is drawn without a new layout of
 * the widgets above it (a label's asks for one); a longer one asks again.
 * The parent counts its measures (count_measure, test-gui-util.h). */
/* Sets the text and returns how often the parent was measured for the frame
 * that shows it. */
static guint
measures_for (GtkWidget *window, GtkWidget *parent, GtkWidget *text_widget, const char *text)
{
  guint *measures = g_object_get_data (G_OBJECT (parent), "measures");
  guint before = *measures;
  if (GTK_IS_LABEL (text_widget))
    gtk_label_set_text (GTK_LABEL (text_widget), text);
  else
    g_assert_true (gs_figure_text_set (text_widget, text));
  wait_frame (window);
  return *measures - before;
}

static void
test_figure_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *figure_parent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label_parent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *figure = gs_figure_text_new ("100,000.00");
  GtkWidget *label = gtk_label_new ("100,000.00");
  guint figure_measures = 0, label_measures = 0;

  g_object_set_data (G_OBJECT (figure_parent), "measures", &figure_measures);
  g_object_set_data (G_OBJECT (label_parent), "measures", &label_measures);
  gtk_widget_set_layout_manager (figure_parent,
                                 gtk_custom_layout_new (NULL, count_measure, fill_child));
  gtk_widget_set_layout_manager (label_parent,
                                 gtk_custom_layout_new (NULL, count_measure, fill_child));
  gtk_box_append (GTK_BOX (figure_parent), figure);
  gtk_box_append (GTK_BOX (label_parent), label);
  gtk_box_append (GTK_BOX (box), figure_parent);
  gtk_box_append (GTK_BOX (box), label_parent);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (figure) || gtk_widget_get_width (figure) == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (measures_for (window, figure_parent, figure, "200,000.00"), ==, 0);
  g_assert_cmpstr (gs_figure_text_get (figure), ==, "200,000.00");
  g_assert_false (gs_figure_text_set (figure, "200,000.00"));
  g_assert_cmpuint (measures_for (window, label_parent, label, "200,000.00"), >, 0);
  /* Wider: asked for anew, and as wide as a label of the same text or wider. */
  g_assert_cmpuint (measures_for (window, figure_parent, figure, "1,200,000.00"), >, 0);
  {
    int figure_width, label_width;
    gtk_label_set_text (GTK_LABEL (label), "1,200,000.00");
    gtk_widget_measure (figure, GTK_ORIENTATION_HORIZONTAL, -1, &figure_width, NULL, NULL, NULL);
    gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
    g_assert_cmpint (figure_width, >=, label_width);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row's subtitle set through gs_row_subtitle_set: a new text of the same
 * length is drawn without a new layout of the widgets above the row, where
 * the row's own subtitle (a label) asks for one; it is read back, shown in
 * the row's title box with the subtitle's style, as wide as a label of the
 * same text or wider when there is room (never cut), and hidden when
 * empty. */
static void
test_row_subtitle (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *parent = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *plain = adw_action_row_new ();
  GtkWidget *shown, *label;
  guint measures = 0, before;
  int shown_width, label_width;

  g_object_set_data (G_OBJECT (parent), "measures", &measures);
  gtk_widget_set_layout_manager (parent, gtk_custom_layout_new (NULL, count_measure, fill_child));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Weight");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (plain), "Pay mix");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), plain);
  gtk_box_append (GTK_BOX (parent), group);
  gtk_window_set_child (GTK_WINDOW (window), parent);
  g_assert_true (gs_row_subtitle_set (ADW_ACTION_ROW (row), "Target incentive 80,000.00"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (plain), "Target incentive 80,000.00");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (row) || gtk_widget_get_width (row) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_frame (window);

  g_assert_cmpstr (gs_row_subtitle_get (ADW_ACTION_ROW (row)), ==, "Target incentive 80,000.00");
  /* The row's own subtitle is left empty: its label is hidden. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  shown = find_type (row, GTK_TYPE_INSCRIPTION);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_mapped (shown));
  g_assert_true (gtk_widget_has_css_class (shown, "subtitle"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (shown), "title"));

  /* Same length: no new layout; the label of the plain row asks for one. */
  before = measures;
  g_assert_true (gs_row_subtitle_set (ADW_ACTION_ROW (row), "Target incentive 80,500.00"));
  wait_frame (window);
  g_assert_cmpuint (measures, ==, before);
  g_assert_cmpstr (gs_row_subtitle_get (ADW_ACTION_ROW (row)), ==, "Target incentive 80,500.00");
  g_assert_false (gs_row_subtitle_set (ADW_ACTION_ROW (row), "Target incentive 80,500.00"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (plain), "Target incentive 80,500.00");
  wait_frame (window);
  g_assert_cmpuint (measures, >, before);

  /* Longer: laid out anew, asking for as much room as the label. */
  before = measures;
  gs_row_subtitle_set (ADW_ACTION_ROW (row), "Target incentive 1,280,500.00");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (plain), "Target incentive 1,280,500.00");
  wait_frame (window);
  g_assert_cmpuint (measures, >, before);
  label = find_label (plain, "Target incentive 1,280,500.00", (guint[]){ 0 });
  g_assert_nonnull (label);
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &shown_width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  g_assert_cmpint (shown_width, >=, label_width);

  /* Empty: hidden, as the label is. */
  gs_row_subtitle_set (ADW_ACTION_ROW (row), "");
  g_assert_false (gtk_widget_get_visible (shown));
  g_assert_true (gs_row_subtitle_set (ADW_ACTION_ROW (row), "None"));
  g_assert_true (gtk_widget_get_visible (shown));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  setlocale (LC_NUMERIC, "C.UTF-8");
  g_test_add_func ("/gui/field/valid", test_field_valid);
  g_test_add_func ("/gui/export/not-over-plan", test_export_not_over_plan);
  g_test_add_func ("/gui/window/pages-when-shown", test_window_pages_when_shown);
  g_test_add_func ("/gui/window/help-overlay", test_window_help_overlay);
  g_test_add_func ("/gui/widget/tooltip", test_widget_tooltip);
  g_test_add_func ("/gui/field/refused", test_field_refused);
  g_test_add_func ("/gui/field/money-german", test_field_money_german);
  g_test_add_func ("/gui/field/percent", test_field_percent);
  g_test_add_func ("/gui/field/meeting-delta", test_field_meeting_delta);
  g_test_add_func ("/gui/figure", test_figure);
  g_test_add_func ("/gui/repaint", test_repaint);
  g_test_add_func ("/gui/figure-text", test_figure_text);
  g_test_add_func ("/gui/row-subtitle", test_row_subtitle);
  g_test_add_func ("/gui/sheet", test_sheet);
  g_test_add_func ("/gui/sheet/lock", test_sheet_lock);
  g_test_add_func ("/gui/strip", test_strip);
  g_test_add_func ("/gui/goal-table", test_goal_table);
  g_test_add_func ("/gui/goal-table/line-model", test_goal_table_line_model);
  g_test_add_func ("/gui/sheet/line-model", test_sheet_line_model);
  g_test_add_func ("/gui/targets/source-model", test_targets_source_model);
  g_test_add_func ("/gui/targets/staffing-model", test_staffing_model);
  g_test_add_func ("/gui/funnel/stages", test_funnel_stages);
  g_test_add_func ("/gui/funnel/stage-model", test_funnel_stage_model);
  g_test_add_func ("/gui/funnel/source-model", test_funnel_source_model);
  g_test_add_func ("/gui/scenarios/columns", test_scenario_columns);
  g_test_add_func ("/gui/scenarios/payout-risk", test_sim_page_risk);
  g_test_add_func ("/gui/scenarios/columns-capped", test_scenario_columns_capped);
  g_test_add_func ("/gui/agreements/sign", test_agreements_sign);
  g_test_add_func ("/gui/window/goto-input", test_window_goto);
  g_test_add_func ("/gui/window/preview", test_window_preview);
  g_test_add_func ("/gui/format/parse", test_format_parse);
  g_test_add_func ("/gui/format/locale", test_format_locale);
  return g_test_run ();
}
