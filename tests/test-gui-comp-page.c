/* test-gui-comp-page.c — the Compensation page against the seed example.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Account executive of data/examples/seed-saas.goalsheet: OTE 160,000.00 at
 * 50 % → target incentive 80,000.00, split 70 / 20 / 10 % = 56,000.00 /
 * 16,000.00 / 8,000.00.  At 115 % attainment:
 *   own bookings (marginal, rate 1 to 100 %, 1.5 to 150 %, year to date):
 *     56,000.00 + 78,000.00 ÷ 520,000.00 × 56,000.00 × 1.5 = 56,000 + 12,600 = 68,600.00
 *   company bookings (flat 1): 2,990,000 ÷ 2,600,000 × 16,000.00 = 18,400.00
 *   MQL follow-up (band, 100 % and above at 1): 1.15 × 8,000.00 = 9,200.00
 *   draw: 2 × 2,000.00 topped up, 4,000.00 recovered → 0
 *   variable pay 68,600 + 18,400 + 9,200 = 96,200.00; 8 AEs → 769,600.00.
 * Band 2's rate at 2 instead of 1.5: 78,000 ÷ 520,000 × 56,000 × 2 = 16,800.00,
 * so 56,000 + 16,800 + 18,400 + 9,200 = 100,400.00.
 */
#include <locale.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "gs-comp-component-item.h"
#include "gs-comp-edits.h"
#include "gs-comp-extras.h"
#include "gs-comp-page.h"
#include "gs-comp-plan-editor.h"
#include "gs-comp-role-item.h"
#include "gs-comp-role-list.h"
#include "gs-field.h"
#include "gs-format.h"
#include "gs-payout-curve.h"
#include "gs-payout-view.h"
#include "gs-plan-edits.h"
#include "gs-rate-table-editor.h"
#include "gs-row-subtitle.h"
#include "gs-window.h"
#include "test-comp-util.h"
#include "test-gui-util.h"

#define BAND_RATE "compensation.roles[0].components[0].table.bands[1].rate"

static void
on_changed (GsPlan *plan, const char *path, GtkWidget *page)
{
  gs_comp_page_update (GS_COMP_PAGE (page), plan);
}

static GtkWidget *
page_for (GsPlan *plan)
{
  GtkWidget *page = g_object_ref_sink (gs_comp_page_new ());
  gs_comp_page_update (GS_COMP_PAGE (page), plan);
  /* The window refreshes the visible page on every change. */
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_changed), page, 0);
  return page;
}

/* The figures computed in a worker thread after an edit are back: no
 * timing, the main loop runs until the page says so. */
static void
wait_figures (GtkWidget *page)
{
  while (!gs_comp_page_get_figures_ready (GS_COMP_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
}

/* The engine's own figure, formatted as the page formats money. */
static char *
engine_total (GsPlan *plan, double attainment, int component)
{
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  const GsCompRole *role = gs_comp_find_role (comp, "ae");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCompRolePayout) rp = gs_comp_role_at_attainment (comp, role, attainment, &error);
  g_assert_no_error (error);
  return gs_format_money (component < 0 ? rp->people[0]->total
                                        : rp->people[0]->components[component].earned,
                          comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

static void
test_payout_at_attainment (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GsPayoutView *view = gs_comp_page_get_payout_view (GS_COMP_PAGE (page));
  g_autofree char *want = engine_total (plan, 1.15, -1);
  g_autofree char *want_own = engine_total (plan, 1.15, 0);
  g_autofree char *trace = NULL;

  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "sdr"));
  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "ae"));
  g_assert_false (gs_comp_page_select_role (GS_COMP_PAGE (page), "cfo"));
  gs_payout_view_set_trace_shown (view, TRUE);
  gs_payout_view_set_attainment (view, 1.15);
  wait_figures (page);

  g_assert_cmpstr (want, ==, "$96,200.00"); /* by hand, above */
  g_assert_cmpstr (gs_payout_view_get_figure (view, "total"), ==, want);
  g_assert_cmpstr (gs_payout_view_get_figure (view, "component:own-bookings"), ==, want_own);
  g_assert_cmpstr (want_own, ==, "$68,600.00");
  g_assert_cmpstr (gs_payout_view_get_figure (view, "component:company-bookings"), ==,
                   "$18,400.00");
  g_assert_cmpstr (gs_payout_view_get_figure (view, "component:mql-followup"), ==, "$9,200.00");
  g_assert_cmpstr (gs_payout_view_get_figure (view, "role-total"), ==, "$769,600.00");
  /* At plan every component pays its target incentive: 80,000.00. */
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:total"), ==, "$80,000.00");

  /* The engine's trace lines, as written. */
  trace = gs_payout_view_get_trace (view);
  g_assert_nonnull (strstr (trace, "78,000.00 ÷ 520,000.00 × 56,000.00 × 1.5 = 12,600.00"));
  g_assert_nonnull (strstr (trace, "Variable pay for the year: 96,200.00"));

  /* Whole plan, as staffed (the engine's person-years and the attainment the
   * plan implies; goalsheet-cli payout prints the same per role):
   * AE 438,217.18 + SDR 74,250.00 + manager 76,345.25 + VP marketing
   * 40,987.57 + demand gen 23,232.35 = 653,032.35, over the new-business
   * target 2,600,000.00 = 25.1 % (the seed plan has no existing-customer
   * bookings, so both bases agree).  At 100 % of quota as staffed:
   * 570,539.25 + 74,250 + 104,000 + 44,000 + 24,000 = 816,789.25.
   * Beside them, everyone a full year at 100 %: 8 × (80,000 + 1,000 SPIF) +
   * 3 × 27,000 + 104,000 + 44,000 + 24,000 = 648,000 + 81,000 + 172,000 =
   * 901,000.00 over 2,600,000.00 = 34.7 % (34.65 %). */
  {
    static const char *const figures[][2] = {
      { "variable-pay", "$653,032.35" }, { "at-quota", "$816,789.25" },
      { "full-year", "$901,000.00" },    { "new-business", "$2,600,000.00" },
      { "bookings", "$2,600,000.00" },   { "cost-of-sales", "25.1 %" },
      { "cost-all", "25.1 %" },          { "ae-attainment", "68.9 %" },
      { "cost-full-year", "34.7 %" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      g_assert_cmpstr (gs_comp_page_get_plan_figure (GS_COMP_PAGE (page), figures[i][0]), ==,
                       figures[i][1]);
  }
  gs_payout_view_set_trace_shown (view, FALSE);
  g_object_unref (page);
}

/* An edit shows the person's figures at once; the role's totals and the
 * whole plan's figures come from a worker thread, the last ones shown
 * meanwhile (a role of 2,000 people and every role's pay as staffed cost
 * more than a frame).  Seed AE, 8 of them: OTE 160,000.00 → 200,000.00 at
 * 50 % is a target incentive of 80,000.00 → 100,000.00, so at plan (100 %)
 * the role pays 8 × 80,000.00 = 640,000.00 → 800,000.00, and everyone a
 * full year at 100 % 901,000.00 + 8 × 20,000.00 = 1,061,000.00.  The
 * trace is collapsed until asked for, and the choice is remembered. */
static void
test_async_figures (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GtkWidget *other = NULL;
  GsPayoutView *view = gs_comp_page_get_payout_view (GS_COMP_PAGE (page));
  g_autoptr (GError) error = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *empty = gs_payout_view_get_trace (view);

  /* Shown for the first time: every figure at once. */
  g_assert_true (gs_comp_page_get_figures_ready (GS_COMP_PAGE (page)));
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:role-total"), ==, "$640,000.00");
  g_assert_cmpstr (gs_comp_page_get_plan_figure (GS_COMP_PAGE (page), "full-year"), ==,
                   "$901,000.00");

  g_assert_true (gs_comp_set_ote (plan, 0, 20000000, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:total"), ==, "$100,000.00");
  g_assert_false (gs_comp_page_get_figures_ready (GS_COMP_PAGE (page)));
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:role-total"), ==, "$640,000.00");
  g_assert_cmpstr (gs_comp_page_get_plan_figure (GS_COMP_PAGE (page), "full-year"), ==,
                   "$901,000.00");
  /* Two edits in a row: the first's work is dropped, the second's shown. */
  g_assert_true (gs_comp_set_ote (plan, 0, 16000000, &error));
  g_assert_true (gs_comp_set_ote (plan, 0, 20000000, &error));
  wait_figures (page);
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:role-total"), ==, "$800,000.00");
  g_assert_cmpstr (gs_comp_page_get_plan_figure (GS_COMP_PAGE (page), "full-year"), ==,
                   "$1,061,000.00");

  /* Only the labels whose figures changed are set again: the same plan
   * shown again sets none; when the worker's role total of OTE 150,000.00
   * arrives (8 AEs × 75,000.00 target incentive = 600,000.00 at plan and
   * at 100 %), its two figures and their two names are set, nothing else. */
  {
    guint updates = gs_payout_view_get_label_updates (view);
    gs_comp_page_update (GS_COMP_PAGE (page), plan);
    wait_figures (page);
    g_assert_cmpuint (gs_payout_view_get_label_updates (view), ==, updates);
    g_assert_true (gs_comp_set_ote (plan, 0, 15000000, &error));
    g_assert_cmpuint (gs_payout_view_get_label_updates (view), >, updates);
    updates = gs_payout_view_get_label_updates (view);
    wait_figures (page);
    g_assert_cmpstr (gs_payout_view_get_figure (view, "role-total"), ==, "$600,000.00");
    g_assert_cmpuint (gs_payout_view_get_label_updates (view), ==, updates + 4);
    g_assert_true (gs_comp_set_ote (plan, 0, 20000000, &error));
    wait_figures (page);
  }

  /* The trace: none while collapsed, the engine's lines once asked for. */
  g_assert_false (gs_payout_view_get_trace_shown (view));
  g_assert_cmpstr (empty, ==, "");
  gs_payout_view_set_trace_shown (view, TRUE);
  trace = gs_payout_view_get_trace (view);
  g_assert_nonnull (strstr (trace, "Variable pay for the year: 100,000.00"));
  /* Remembered: another page opens with the trace shown. */
  other = page_for (plan);
  g_assert_true (
      gs_payout_view_get_trace_shown (gs_comp_page_get_payout_view (GS_COMP_PAGE (other))));
  gs_payout_view_set_trace_shown (view, FALSE);
  g_assert_false (
      gs_payout_view_get_trace_shown (gs_comp_page_get_payout_view (GS_COMP_PAGE (other))));
  g_object_unref (other);
  g_object_unref (page);
}

static void
test_band_rate_refused (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GsPayoutView *view = gs_comp_page_get_payout_view (GS_COMP_PAGE (page));
  GtkWidget *field = gs_comp_page_find_field (GS_COMP_PAGE (page), BAND_RATE);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *after = NULL;
  g_autoptr (GError) engine = NULL;
  g_autofree char *want = NULL;

  gs_payout_view_set_attainment (view, 1.15);
  g_assert_nonnull (field);
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "1.5");
  /* What the engine says about a rate of −1. */
  g_assert_false (
      gs_plan_check (plan, BAND_RATE, json_node_init_double (json_node_alloc (), -1), &engine));
  g_assert_nonnull (engine);
  g_assert_nonnull (strstr (engine->message, BAND_RATE));

  gs_field_set_text (GS_FIELD (field), "-1");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  /* The engine's words, the field named by its label, not by the path. */
  g_assert_true (
      g_str_has_suffix (gs_field_get_error (GS_FIELD (field)), strstr (engine->message, ": ") + 2));
  g_assert_null (strstr (gs_field_get_error (GS_FIELD (field)), BAND_RATE));
  g_assert_true (gtk_widget_has_css_class (gs_field_get_entry (GS_FIELD (field)), "error"));
  after = gs_plan_to_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gs_plan_can_undo (plan));
  g_assert_cmpstr (gs_payout_view_get_figure (view, "total"), ==, "$96,200.00");

  /* A valid rate is applied, shown and undoable. */
  gs_field_set_text (GS_FIELD (field), "2");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  want = engine_total (plan, 1.15, -1);
  g_assert_cmpstr (want, ==, "$100,400.00");
  g_assert_cmpstr (gs_payout_view_get_figure (view, "total"), ==, want);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr (gs_payout_view_get_figure (view, "total"), ==, "$96,200.00");
  g_object_unref (page);
}

static void
test_bands (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GtkWidget *editor = find_type (page, GS_TYPE_RATE_TABLE_EDITOR);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *bands;

  g_assert_nonnull (editor);
  /* Moving the 100 % boundary to 120 % moves band 1's end and band 2's start. */
  g_assert_true (
      gs_rate_table_editor_set_boundary (GS_RATE_TABLE_EDITOR (editor), 1, "120", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (
                         plan, "compensation.roles[0].components[0].table.bands[0].to")),
                     ==, 1.2);
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (
                         plan, "compensation.roles[0].components[0].table.bands[1].from")),
                     ==, 1.2);
  g_assert_true (gs_plan_undo (plan));
  /* Past the next boundary (150 %) the bands overlap: the engine refuses. */
  editor = find_type (page, GS_TYPE_RATE_TABLE_EDITOR);
  g_assert_false (
      gs_rate_table_editor_set_boundary (GS_RATE_TABLE_EDITOR (editor), 1, "160", &error));
  g_assert_nonnull (strstr (error->message, "table.bands"));
  g_clear_error (&error);
  text = gs_plan_to_text (plan);
  g_assert_cmpstr (text, ==, before);

  /* Add a band above the open last one, then remove it again. */
  g_assert_true (gs_rate_table_editor_add_band (GS_RATE_TABLE_EDITOR (editor), &error));
  bands = gs_plan_lookup (plan, "compensation.roles[0].components[0].table.bands");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (bands)), ==, 4);
  /* The page rebuilt its editor for the new band. */
  editor = find_type (page, GS_TYPE_RATE_TABLE_EDITOR);
  g_assert_true (gs_rate_table_editor_remove_band (GS_RATE_TABLE_EDITOR (editor), 3, &error));
  g_free (text);
  text = gs_plan_to_text (plan);
  g_assert_cmpstr (text, ==, before);

  /* Flat keeps the first band's rate; back to marginal is one open band. */
  editor = find_type (page, GS_TYPE_RATE_TABLE_EDITOR);
  g_assert_true (
      gs_rate_table_editor_set_kind (GS_RATE_TABLE_EDITOR (editor), GS_TABLE_FLAT, &error));
  g_assert_cmpfloat (json_node_get_double (
                         gs_plan_lookup (plan, "compensation.roles[0].components[0].table.rate")),
                     ==, 1.0);
  g_object_unref (page);
}

#define OWN "compensation.roles[0].components[0]"

static void
test_modifiers_and_quota (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GsPayoutView *view = gs_comp_page_get_payout_view (GS_COMP_PAGE (page));
  GtkWidget *button, *field;
  g_autoptr (GError) engine = NULL;
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *text = NULL;

  /* Add a decelerator (below 50 %, × 0.5) to own bookings: the first
   * component's "Add Decelerator" button. */
  button = find_button_with (page, "Add Decelerator", NULL, &(guint){ 0 });
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, OWN ".decelerator.below")), ==,
                     0.5);
  /* A decelerator that pays more is refused with the engine's message. */
  field = gs_comp_page_find_field (GS_COMP_PAGE (page), OWN ".decelerator.multiplier");
  g_assert_nonnull (field);
  g_assert_false (gs_plan_check (plan, OWN ".decelerator.multiplier",
                                 json_node_init_double (json_node_alloc (), 1.5), &engine));
  gs_field_set_text (GS_FIELD (field), "1.5");
  g_assert_false (gs_field_commit (GS_FIELD (field)));
  g_assert_true (
      g_str_has_suffix (gs_field_get_error (GS_FIELD (field)), strstr (engine->message, ": ") + 2));
  g_assert_nonnull (strstr (gs_field_get_error (GS_FIELD (field)), "a decelerator pays less"));
  g_assert_true (gs_plan_undo (plan));
  text = gs_plan_to_text (plan);
  g_assert_cmpstr (text, ==, before);

  /* Quota override: the field is empty (the goal sheets' 520,000.00 is only
   * its placeholder) until a quota is typed. */
  gs_payout_view_set_attainment (view, 1.0);
  field = gs_comp_page_find_field (GS_COMP_PAGE (page), OWN ".quota");
  g_assert_nonnull (field);
  g_assert_cmpstr (gs_field_get_text (GS_FIELD (field)), ==, "");
  gs_field_set_text (GS_FIELD (field), "650000");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, OWN ".quota")), ==, "650000.00");
  /* At 100 % of the new quota own bookings still pay their target incentive. */
  g_assert_cmpstr (gs_payout_view_get_figure (view, "component:own-bookings"), ==, "$56,000.00");
  /* The clear button goes back to the goal sheets' quota. */
  button = find_button_with (page, NULL, "edit-clear-symbolic", &(guint){ 0 });
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (gs_plan_lookup (plan, OWN ".quota"));
  g_free (text);
  text = gs_plan_to_text (plan);
  g_assert_cmpstr (text, ==, before);
  g_object_unref (page);
}

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_entries (GtkWidget *widget, GPtrArray *out)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_entries (c, out);
}

/* A boundary typed and left by choosing another role (the editor is torn
 * down while focus leaves it): a valid value is applied once, a refused one
 * is not, and nothing warns. */
static void
test_focus_leave (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GtkWidget *window = gtk_window_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *entry;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* Entries of own bookings' table: band 1 from (0), band 1 to (100), … */
  collect_entries (find_type (page, GS_TYPE_RATE_TABLE_EDITOR), entries);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "100");
  g_assert_true (gtk_widget_grab_focus (entry));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "90");
  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "sdr"));
  iterate ();
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, OWN ".table.bands[0].to")), ==,
                     0.9);
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, OWN ".table.bands[1].from")), ==,
                     0.9);
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gs_plan_can_undo (plan));

  /* Band 1 must start at 0: refused on the way out, nothing applied. */
  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "ae"));
  iterate ();
  g_ptr_array_set_size (entries, 0);
  collect_entries (find_type (page, GS_TYPE_RATE_TABLE_EDITOR), entries);
  entry = g_ptr_array_index (entries, 0);
  g_assert_true (gtk_widget_grab_focus (entry));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "10");
  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "sdr"));
  iterate ();
  g_assert_cmpfloat (json_node_get_double (gs_plan_lookup (plan, OWN ".table.bands[0].from")), ==,
                     0);
  g_assert_false (gs_plan_can_undo (plan));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (page);
}

/* The role list and the components are GListModels: an edit updates their
 * items in place; only a component whose shape changed is replaced. */
static void
test_models (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GListModel *roles
      = gs_comp_role_list_get_model (GS_COMP_ROLE_LIST (find_type (page, GS_TYPE_COMP_ROLE_LIST)));
  GListModel *components = gs_comp_plan_editor_get_components (
      GS_COMP_PLAN_EDITOR (find_type (page, GS_TYPE_COMP_PLAN_EDITOR)));
  g_autoptr (GsCompRoleItem) ae = g_list_model_get_item (roles, 0);
  g_autoptr (GsCompComponentItem) own = NULL, company = NULL, own_after = NULL,
                                  company_after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 5);
  g_assert_cmpstr (gs_comp_role_item_get_detail (ae), ==, "Sales · 8 people");
  g_assert_cmpuint (g_list_model_get_n_items (components), ==, 3);
  own = g_list_model_get_item (components, 0);
  company = g_list_model_get_item (components, 1);

  /* A value: the same items, updated. */
  g_assert_true (gs_comp_set_role_name (plan, 0, "Closer", &error));
  g_assert_true (gs_comp_set_headcount (plan, 0, 10, &error));
  {
    g_autoptr (GsCompRoleItem) now = g_list_model_get_item (roles, 0);
    g_assert_true (now == ae);
    g_assert_cmpstr (gs_comp_role_item_get_name (ae), ==, "Closer");
    g_assert_cmpstr (gs_comp_role_item_get_detail (ae), ==, "Sales · 10 people");
  }
  g_assert_true (gs_comp_set_band_rate (plan, 0, 0, 1, 2, &error));
  own_after = g_list_model_get_item (components, 0);
  g_assert_true (own_after == own);
  g_clear_object (&own_after);

  /* A structure: only that component's item is new. */
  g_assert_true (gs_comp_add_accelerator (plan, 0, 0, &error));
  g_assert_no_error (error);
  own_after = g_list_model_get_item (components, 0);
  company_after = g_list_model_get_item (components, 1);
  g_assert_true (own_after != own);
  g_assert_true (company_after == company);
  g_assert_nonnull (
      gs_comp_page_find_field (GS_COMP_PAGE (page), OWN ".accelerators[0].multiplier"));

  /* Another role: its components. */
  g_assert_true (gs_comp_page_select_role (GS_COMP_PAGE (page), "sales-manager"));
  g_assert_cmpuint (g_list_model_get_n_items (components), ==, 2);
  g_object_unref (page);
}

static gboolean
is_titled_row (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The check button in the action row titled title (a rule's source). */
static GtkWidget *
source_check (GtkWidget *widget, const char *title)
{
  GtkWidget *row = find_widget (widget, is_titled_row, title);
  return row ? find_type (row, GTK_TYPE_CHECK_BUTTON) : NULL;
}

/* The seed AE's multi-year SPIF has a rule (24 months or more): its "From
 * sources" check list has one check a plan source.  Checking Partner
 * referrals, then Marketing inbound, limits the rule to them in the plan's
 * order of sources; each undo sets the checks back in place (the same
 * widgets) until the plan is as loaded. */
static void
test_spif_rule_sources (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  g_autofree char *before = gs_plan_to_text (plan);
  g_autofree char *after = NULL;
  GtkWidget *partner = source_check (page, "Partner referrals");
  GtkWidget *inbound = source_check (page, "Marketing inbound");
  char *ids;

  g_assert_nonnull (partner);
  g_assert_nonnull (inbound);
  g_assert_nonnull (source_check (page, "SDR outbound"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (partner)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (partner), TRUE);
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "partner");
  g_free (ids);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (inbound), TRUE);
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "inbound,partner");
  g_free (ids);
  g_assert_cmpint (json_node_get_int (gs_plan_lookup (
                       plan, "compensation.roles[0].spifs[0].qualifies.min_term_months")),
                   ==, 24);
  g_assert_true (gs_plan_undo (plan));
  g_assert_cmpstr ((ids = rule_sources (plan)), ==, "partner");
  g_free (ids);
  g_assert_true (source_check (page, "Partner referrals") == partner);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (inbound)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (partner)));
  g_assert_true (gs_plan_undo (plan));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (partner)));
  g_assert_false (gs_plan_can_undo (plan));
  after = gs_plan_to_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_object_unref (page);
}

static void
count_changes (GListModel *model, guint position, guint removed, guint added, guint *changes)
{
  (void) model, (void) position, (void) removed, (void) added;
  (*changes)++;
}

/* The last items-changed of a model, and how many there were. */
typedef struct
{
  guint calls, position, removed, added;
} Splice;

static void
on_splice (GListModel *model, guint position, guint removed, guint added, Splice *splice)
{
  (void) model;
  splice->calls++;
  splice->position = position;
  splice->removed = removed;
  splice->added = added;
}

/* The page's SPIF model, its changes counted in splice. */
static GListModel *
watch_spifs (GtkWidget *page, Splice *splice)
{
  GListModel *spifs = gs_comp_plan_editor_get_spifs (
      GS_COMP_PLAN_EDITOR (find_type (page, GS_TYPE_COMP_PLAN_EDITOR)));
  g_signal_connect (spifs, "items-changed", G_CALLBACK (on_splice), splice);
  return spifs;
}

#define SPIF_PATH(s, what) "compensation.roles[0].spifs[" #s "]." what

static GsMoney
spif_amount (GsPlan *plan, guint s)
{
  return gs_plan_get_comp (plan, NULL)->roles[0].spifs[s].amount;
}

static gboolean
is_named_button (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The button in widget whose tooltip (its accessible name) is tooltip. */
static GtkWidget *
named_button (GtkWidget *widget, const char *tooltip)
{
  return find_widget (widget, is_named_button, tooltip);
}

/* The seed AE's SPIFs are a list model, one block each in the "Whole role"
 * group.  A typed amount changes no item and keeps the field.  Adding a
 * SPIF splices exactly one item at the end: (1, 0, 1), then (2, 0, 1);
 * removing the first splices (0, 1, 0), and the block that was second is
 * kept, now editing SPIF 1: 250 typed into its amount is 25000 minor units
 * at spifs[0].  The multi-year SPIF's amount field, typed 1,500.00, is
 * 150000 minor units. */
static void
test_spif_model (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  Splice splice = { 0 };
  GListModel *spifs = watch_spifs (page, &splice);
  GtkWidget *amount = gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount"));
  GtkWidget *second, *third;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (amount);
  g_assert_cmpuint (g_list_model_get_n_items (spifs), ==, 1);

  /* A typed figure: the same item and row widgets. */
  gs_field_set_text (GS_FIELD (amount), "1500");
  g_assert_true (gs_field_commit (GS_FIELD (amount)));
  g_assert_cmpint (spif_amount (plan, 0), ==, 150000);
  g_assert_cmpuint (splice.calls, ==, 0);
  g_assert_true (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount")) == amount);

  /* Added: exactly one item, the first block kept. */
  g_assert_true (gs_comp_add_spif (plan, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (splice.calls, ==, 1);
  g_assert_cmpuint (splice.position, ==, 1);
  g_assert_cmpuint (splice.removed, ==, 0);
  g_assert_cmpuint (splice.added, ==, 1);
  g_assert_true (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount")) == amount);
  g_assert_true (gs_comp_add_spif (plan, 0, &error));
  g_assert_cmpuint (splice.calls, ==, 2);
  g_assert_cmpuint (splice.position, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (spifs), ==, 3);
  second = gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (1, "amount"));
  third = gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (2, "amount"));
  g_assert_nonnull (second);
  g_assert_nonnull (third);

  /* Removed: exactly the first item; the others kept, re-indexed. */
  g_assert_true (gs_comp_remove_spif (plan, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (splice.calls, ==, 3);
  g_assert_cmpuint (splice.position, ==, 0);
  g_assert_cmpuint (splice.removed, ==, 1);
  g_assert_cmpuint (splice.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (spifs), ==, 2);
  g_assert_true (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount")) == second);
  g_assert_true (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (1, "amount")) == third);
  g_assert_null (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (2, "amount")));
  gs_field_set_text (GS_FIELD (second), "250");
  g_assert_true (gs_field_commit (GS_FIELD (second)));
  g_assert_cmpint (spif_amount (plan, 0), ==, 25000);
  g_assert_cmpuint (splice.calls, ==, 3);
  g_object_unref (page);
}

/* Renaming the role, a SPIF or a source keeps the "Whole role" group's
 * widgets and updates what they say: the Add SPIF button's name, the SPIF's
 * Remove button, the source's check row title. */
static void
test_spif_renames (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  Splice splice = { 0 };
  GListModel *spifs = watch_spifs (page, &splice);
  GtkWidget *amount = gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount"));
  GtkWidget *add = named_button (page, "Add a SPIF to Account executive");
  GtkWidget *remove = named_button (page, "Remove SPIF Multi-year contract");
  GtkWidget *partner = source_check (page, "Partner referrals");
  GtkWidget *row = gtk_widget_get_ancestor (partner, ADW_TYPE_ACTION_ROW);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (add);
  g_assert_nonnull (remove);
  g_assert_nonnull (row);

  g_assert_true (gs_comp_set_role_name (plan, 0, "Closer", &error));
  g_assert_no_error (error);
  g_assert_true (named_button (page, "Add a SPIF to Closer") == add);
  g_assert_null (named_button (page, "Add a SPIF to Account executive"));

  g_assert_true (gs_comp_set_spif_name (plan, 0, 0, "Long deal", &error));
  g_assert_no_error (error);
  g_assert_true (named_button (page, "Remove SPIF Long deal") == remove);

  g_assert_true (gs_plan_rename_source (plan, 2, "Partners", &error));
  g_assert_no_error (error);
  g_assert_true (source_check (page, "Partners") == partner);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Partners");
  g_assert_null (source_check (page, "Partner referrals"));

  g_assert_cmpuint (g_list_model_get_n_items (spifs), ==, 1);
  g_assert_cmpuint (splice.calls, ==, 0);
  g_assert_true (gs_comp_page_find_field (GS_COMP_PAGE (page), SPIF_PATH (0, "amount")) == amount);
  g_object_unref (page);
}

/* The payout view's person picker is a list model of the role's people: a
 * typed figure leaves it (and the person picked) alone; a renamed person
 * changes it. */
static void
test_people_model (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  GtkWidget *view = g_object_ref_sink (GTK_WIDGET (gs_payout_view_new ()));
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_type (view, GTK_TYPE_DROP_DOWN));
  GListModel *people;
  guint role = G_MAXUINT, changes = 0;
  g_autofree char *ote = NULL, *name = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < comp->n_roles && role == G_MAXUINT; i++)
    if (g_strcmp0 (comp->roles[i].id, "sales-manager") == 0)
      role = i;
  g_assert_cmpuint (role, !=, G_MAXUINT);
  gs_payout_view_update (GS_PAYOUT_VIEW (view), plan, role);
  people = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, comp->roles[role].n_people);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (people), 0), ==, "North");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (people), 1), ==, "South");
  gtk_drop_down_set_selected (dropdown, 1);
  g_signal_connect (people, "items-changed", G_CALLBACK (count_changes), &changes);

  ote = g_strdup_printf ("compensation.roles[%u].ote", role);
  g_assert_true (gs_plan_set_money (plan, ote, 30000000, &error));
  gs_payout_view_update (GS_PAYOUT_VIEW (view), plan, role);
  g_assert_true (gtk_drop_down_get_model (dropdown) == people);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);

  name = g_strdup_printf ("compensation.roles[%u].people[0].name", role);
  g_assert_true (gs_plan_set_string (plan, name, "Nord", &error));
  gs_payout_view_update (GS_PAYOUT_VIEW (view), plan, role);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (people), 0), ==, "Nord");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_object_unref (view);
}

/* The window computes the Compensation page only while it is on screen: a
 * window opened on another page and an edit made there neither make the page
 * nor compute a payout for it, nor read the roles' people from the file's
 * text; showing it afterwards makes it with the edited figures, and each edit
 * while it is shown computes one payout (the person shown), not one per
 * person of the role. */
static void
test_hidden_page (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  GsWindow *window;
  GsPayoutView *view;

  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan));
  window = gs_window_new (NULL, plan, NULL);
  gs_window_show_page (window, "targets");
  g_assert_false (gs_window_page_is_built (window, "compensation"));
  g_assert_null (find_type (GTK_WIDGET (window), GS_TYPE_PAYOUT_VIEW));
  /* The Targets page's fields ask for their meeting delta: none outside a
   * meeting, without building the whole tree. */
  g_assert_true (gs_plan_lists_deferred (plan));

  /* AE OTE 200,000.00 → 240,000.00 at a 50 % pay mix: the target incentive
   * 100,000.00 → 120,000.00, what 100 % of quota pays (the example is
   * calibrated: /comp/invariants/examples). */
  g_assert_true (gs_comp_set_ote (plan, 0, 24000000, &error));
  g_assert_no_error (error);
  g_assert_false (gs_window_page_is_built (window, "compensation"));
  gs_window_show_page (window, "compensation");
  g_assert_true (gs_window_page_is_built (window, "compensation"));
  view = GS_PAYOUT_VIEW (find_type (GTK_WIDGET (window), GS_TYPE_PAYOUT_VIEW));
  g_assert_nonnull (view);
  g_assert_cmpuint (gs_payout_view_get_computed (view), ==, 1);
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:total"), ==, "€120,000.00");

  /* On screen: one payout per edit; 250,000.00 → 125,000.00. */
  g_assert_true (gs_comp_set_ote (plan, 0, 25000000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_payout_view_get_computed (view), ==, 2);
  g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:total"), ==, "€125,000.00");
  {
    g_autofree char *want = engine_total (plan, 1.0, -1);
    g_assert_cmpstr (gs_payout_view_get_figure (view, "plan:total"), ==, want);
  }

  /* Hidden again: an edit computes nothing there. */
  gs_window_show_page (window, "funnel");
  g_assert_true (gs_comp_set_ote (plan, 0, 26000000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_payout_view_get_computed (view), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The role's cap row says the yearly amount; typing a new multiple updates
 * it in place (it kept the amount the row was made with).  Seed AE: target
 * incentive 80,000.00; a new cap is 2 × = 160,000.00; typed 2.5 × =
 * 200,000.00. */
static void
test_cap_subtitle (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  g_autoptr (GError) error = NULL;
  GtkWidget *field, *row;

  g_assert_true (gs_comp_add_cap (plan, 0, GS_COMP_WHOLE_ROLE, &error));
  g_assert_no_error (error);
  field = gs_comp_page_find_field (GS_COMP_PAGE (page), "compensation.roles[0].cap.of_target");
  g_assert_nonnull (field);
  row = gtk_widget_get_ancestor (field, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (gs_row_subtitle_get (ADW_ACTION_ROW (row)), ==,
                   "At most $160,000.00 a year per person");
  gs_field_set_text (GS_FIELD (field), "2.5");
  g_assert_true (gs_field_commit (GS_FIELD (field)));
  g_assert_cmpint (gs_plan_get_comp (plan, NULL)->roles[0].cap.amount, ==, 20000000);
  g_assert_true (gtk_widget_is_ancestor (field, row));
  g_assert_cmpstr (gs_row_subtitle_get (ADW_ACTION_ROW (row)), ==,
                   "At most $200,000.00 a year per person");
  g_object_unref (page);
}

/* The subtitle of the row holding the field at path. */
static const char *
row_subtitle (GtkWidget *page, const char *path)
{
  GtkWidget *field = gs_comp_page_find_field (GS_COMP_PAGE (page), path);
  g_assert_nonnull (field);
  return gs_row_subtitle_get (
      ADW_ACTION_ROW (gtk_widget_get_ancestor (field, ADW_TYPE_ACTION_ROW)));
}

/* An OTE edit changes texts only: nothing on the page asks for a new layout
 * (the window measured again cost ~5 ms an edit at 10,000 people), neither
 * the edit nor the worker's figures after it; the editor's subtitles show
 * the new figures.  Seed AE, OTE 160,000.00 → 161,000.00 at 50 %: target
 * incentive 80,500.00, own bookings 70 % = 56,350.00, a cap of 2 × target
 * 161,000.00. */
static void
test_edit_lays_nothing_out (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *parent = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (GError) error = NULL;
  guint measures = 0, before;

  /* Scroll bars that fade out on a timer would lay the page out again. */
  g_object_set (gtk_settings_get_default (), "gtk-overlay-scrolling", FALSE, NULL);
  g_object_set_data (G_OBJECT (parent), "measures", &measures);
  gtk_widget_set_layout_manager (parent, gtk_custom_layout_new (NULL, count_measure, fill_child));
  gtk_box_append (GTK_BOX (parent), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_set_child (GTK_WINDOW (window), parent);
  g_assert_true (gs_comp_add_cap (plan, 0, GS_COMP_WHOLE_ROLE, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_figures (page);
  wait_frame (window);
  g_assert_cmpstr (row_subtitle (page, "compensation.roles[0].pay_mix"), ==,
                   "Base $80,000.00 + target incentive $80,000.00");

  before = measures;
  g_assert_true (gs_comp_set_ote (plan, 0, 16100000, &error));
  g_assert_no_error (error);
  wait_frame (window);
  wait_figures (page);
  wait_frame (window);
  g_assert_cmpuint (measures, ==, before);
  g_assert_cmpstr (row_subtitle (page, "compensation.roles[0].pay_mix"), ==,
                   "Base $80,500.00 + target incentive $80,500.00");
  g_assert_cmpstr (row_subtitle (page, "compensation.roles[0].components[0].weight"), ==,
                   "Target incentive $56,350.00");
  g_assert_cmpstr (row_subtitle (page, "compensation.roles[0].cap.of_target"), ==,
                   "At most $161,000.00 a year per person");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

/* A frame that draws the curve after the last one counted. */
static void
wait_curve (GtkWidget *curve, guint after)
{
  while (gs_payout_curve_get_snapshots (GS_PAYOUT_CURVE (curve)) <= after)
    g_main_context_iteration (NULL, TRUE);
}

/* The payout curve: the engine's curve made once per plan change (not per
 * frame, not for a new attainment), its background (axes, gridlines) drawn
 * again only when the value axis's ticks change, and a point's tooltip
 * worded when asked: the AE's at 100 % is the target incentive, OTE × 50 %. */
static void
test_curve (void)
{
  g_autoptr (GsPlan) plan = seed_saas ();
  GtkWidget *page = page_for (plan);
  GtkWidget *window = gtk_window_new ();
  GsPayoutView *view = gs_comp_page_get_payout_view (GS_COMP_PAGE (page));
  GtkWidget *curve = gs_payout_view_get_curve (view);
  GsPayoutCurve *c = GS_PAYOUT_CURVE (curve);
  g_autoptr (GError) error = NULL;
  g_autofree char *tip = NULL;
  guint made, backgrounds;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_curve (curve, 0);
  made = gs_payout_curve_get_charts_made (c);
  backgrounds = gs_payout_curve_get_backgrounds_drawn (c);
  g_assert_cmpuint (backgrounds, ==, 1);
  g_assert_true (gs_payout_curve_get_point (c, 100, &x, &y));
  tip = gs_payout_curve_get_tooltip_at (c, x, y);
  g_assert_true (g_str_has_prefix (tip, "At 100 % of quota\nAccount executive: "));
  g_assert_nonnull (strstr (tip, "80,000.00")); /* 160,000 × 50 % */
  g_clear_pointer (&tip, g_free);

  /* Another attainment moves the marker: no curve is made, no background. */
  gs_payout_view_set_attainment (view, 1.15);
  wait_curve (curve, gs_payout_curve_get_snapshots (c));
  g_assert_cmpuint (gs_payout_curve_get_charts_made (c), ==, made);
  g_assert_cmpuint (gs_payout_curve_get_backgrounds_drawn (c), ==, backgrounds);

  /* An OTE edit of 1,000: one curve made, drawn on the same background. */
  g_assert_true (gs_comp_set_ote (plan, 0, 16100000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_payout_curve_get_charts_made (c), ==, made + 1);
  wait_curve (curve, gs_payout_curve_get_snapshots (c));
  g_assert_cmpuint (gs_payout_curve_get_backgrounds_drawn (c), ==, backgrounds);
  g_assert_true (gs_payout_curve_get_point (c, 100, &x, &y));
  tip = gs_payout_curve_get_tooltip_at (c, x, y);
  g_assert_nonnull (strstr (tip, "80,500.00")); /* 161,000 × 50 % */
  g_clear_pointer (&tip, g_free);

  /* Tripled, the value axis has other ticks: the background is drawn again. */
  g_assert_true (gs_comp_set_ote (plan, 0, 48000000, &error));
  g_assert_cmpuint (gs_payout_curve_get_charts_made (c), ==, made + 2);
  wait_curve (curve, gs_payout_curve_get_snapshots (c));
  g_assert_cmpuint (gs_payout_curve_get_backgrounds_drawn (c), ==, backgrounds + 1);
  g_assert_true (gs_payout_curve_get_point (c, 100, &x, &y));
  tip = gs_payout_curve_get_tooltip_at (c, x, y);
  g_assert_nonnull (strstr (tip, "240,000.00")); /* 480,000 × 50 % */
  g_assert_null (gs_payout_curve_get_tooltip_at (c, x, 1));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets en_US.UTF-8 where it is generated; the figures here
   * are written for the C locale (" %" after a percent), as in gui-widgets. */
  setlocale (LC_NUMERIC, "C.UTF-8");
  setlocale (LC_MONETARY, "C.UTF-8");
  g_test_add_func ("/gui/comp-page/payout", test_payout_at_attainment);
  g_test_add_func ("/gui/comp-page/curve", test_curve);
  g_test_add_func ("/gui/comp-page/hidden-page", test_hidden_page);
  g_test_add_func ("/gui/comp-page/async-figures", test_async_figures);
  g_test_add_func ("/gui/comp-page/band-rate-refused", test_band_rate_refused);
  g_test_add_func ("/gui/comp-page/bands", test_bands);
  g_test_add_func ("/gui/comp-page/modifiers-and-quota", test_modifiers_and_quota);
  g_test_add_func ("/gui/comp-page/focus-leave", test_focus_leave);
  g_test_add_func ("/gui/comp-page/models", test_models);
  g_test_add_func ("/gui/comp-page/people-model", test_people_model);
  g_test_add_func ("/gui/comp-page/spif-rule-sources", test_spif_rule_sources);
  g_test_add_func ("/gui/comp-page/spif-model", test_spif_model);
  g_test_add_func ("/gui/comp-page/spif-renames", test_spif_renames);
  g_test_add_func ("/gui/comp-page/cap-subtitle", test_cap_subtitle);
  g_test_add_func ("/gui/comp-page/edit-lays-nothing-out", test_edit_lays_nothing_out);
  return g_test_run ();
}
