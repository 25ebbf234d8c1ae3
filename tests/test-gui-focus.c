/* test-gui-focus.c — the keyboard walks the inputs (issue 14, "a sensible
 * Tab order with the strip figures out of it").  On the seed example's
 * Targets page, Tab from the page's first input (Company) goes through the
 * company target's inputs in reading order, then on through every input of
 * the page once, and round the window back to Company; the strip's figures
 * (target, plan, gap, P(hit)) are never a stop on the way.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <locale.h>

#include "gs-field.h"
#include "gs-window-private.h"
#include "gs-window.h"

static void
settle (void)
{
  for (guint i = 0; i < 200 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static GsField *
field_of (GtkWidget *w)
{
  for (; w; w = gtk_widget_get_parent (w))
    if (GS_IS_FIELD (w))
      return GS_FIELD (w);
  return NULL;
}

static void
count_fields (GtkWidget *widget, GHashTable *paths)
{
  if (GS_IS_FIELD (widget) && gtk_widget_is_drawable (widget))
    g_hash_table_add (paths, g_strdup (gs_field_get_path (GS_FIELD (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_fields (c, paths);
}

/* FOCUS_DEBUG=1: each stop, where it is and what holds it. */
static void
debug_stop (GsWindow *window, GtkWidget *focus, guint stop)
{
  graphene_point_t pt = { 0 };
  GString *chain;
  if (!g_getenv ("FOCUS_DEBUG"))
    return;
  chain = g_string_new (NULL);
  for (GtkWidget *a = gtk_widget_get_parent (focus); a; a = gtk_widget_get_parent (a))
    g_string_append_printf (chain, "<%s", G_OBJECT_TYPE_NAME (a));
  if (!gtk_widget_compute_point (focus, GTK_WIDGET (window), &pt, &pt))
    pt.x = pt.y = -1;
  g_printerr ("%u %s %s %.0f,%.0f %s\n", stop, G_OBJECT_TYPE_NAME (focus),
              field_of (focus) ? gs_field_get_path (field_of (focus)) : "", pt.x, pt.y, chain->str);
  g_string_free (chain, TRUE);
}

static void
test_targets_tab (void)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "seed-saas.goalsheet", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (path, &error);
  g_autoptr (GHashTable) page_fields
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  /* The company target's inputs as they read, top to bottom (the drop-down
   * between Company and Growth is the target mode). */
  static const char *const first[] = { "company.name",
                                       "(target mode)",
                                       "company.target.growth",
                                       "company.prior_year_bookings",
                                       "company.existing_customer_bookings",
                                       "company.plan_start",
                                       "company.horizon_months",
                                       "funnel.deal_size",
                                       "company.seasonality[0]",
                                       "company.seasonality[1]",
                                       "company.seasonality[2]" };
  GsWindow *window;
  GtkWidget *company;
  guint stops = 0, from_top;

  g_assert_no_error (error);
  window = gs_window_new (NULL, plan, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window->stack), "targets");
  settle ();

  /* No figure of the strip takes the keyboard focus. */
  g_assert_false (gtk_widget_child_focus (window->strip, GTK_DIR_TAB_FORWARD));

  /* The cursor in Company, as Go to Input puts it there. */
  g_assert_true (gs_window_goto_input (window, "company.name"));
  settle ();
  company = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (field_of (company));
  g_assert_cmpstr (gs_field_get_path (field_of (company)), ==, "company.name");
  count_fields (window->targets_page, page_fields);
  g_assert_cmpuint (g_hash_table_size (page_fields), >, 30);

  /* From Company, Tab to the end of the page. */
  for (;;)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      GsField *field;
      g_assert_nonnull (focus);
      if (!gtk_widget_is_ancestor (focus, window->targets_page))
        break; /* past the page's last input: on to the header bar */
      field = field_of (focus);
      debug_stop (window, focus, stops);
      if (field)
        {
          const char *p = gs_field_get_path (field);
          /* Each input once: a field is one stop, not its entry and itself. */
          g_assert_false (g_hash_table_contains (visited, p));
          g_hash_table_add (visited, g_strdup (p));
          g_ptr_array_add (order, g_strdup (p));
        }
      else if (gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) && order->len == 1)
        g_ptr_array_add (order, g_strdup ("(target mode)"));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      settle ();
      g_assert_cmpuint (++stops, <, 2000);
    }
  /* From the top of the window (where Tab goes past the last stop, as
   * GtkWindow's move-focus does) down to Company: the header bar, the page's
   * figures, and never the strip. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (from_top = 0;; from_top++)
    {
      GtkWidget *focus;
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      settle ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      debug_stop (window, focus, from_top);
      g_assert_false (gtk_widget_is_ancestor (focus, window->strip));
      if (field_of (focus) && g_str_equal (gs_field_get_path (field_of (focus)), "company.name"))
        break;
      if (field_of (focus))
        {
          g_assert_false (g_hash_table_contains (visited, gs_field_get_path (field_of (focus))));
          g_hash_table_add (visited, g_strdup (gs_field_get_path (field_of (focus))));
        }
      g_assert_cmpuint (from_top, <, 2000);
    }
  for (guint i = 0; i < order->len; i++)
    g_test_message ("%u %s", i, (char *) g_ptr_array_index (order, i));
  g_assert_cmpuint (order->len, >=, G_N_ELEMENTS (first));
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_assert_cmpstr (g_ptr_array_index (order, i), ==, first[i]);
  /* Every input of the page was a stop on the way round, once. */
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, page_fields);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (visited, key))
        g_test_fail_printf ("Tab never reached %s", (char *) key);
  }
  g_test_message ("%u Tab presses from Company to the page's end, %u inputs of the page; "
                  "%u from the top of the window to Company",
                  stops, g_hash_table_size (page_fields), from_top + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  setlocale (LC_NUMERIC, "C.UTF-8");
  g_test_add_func ("/gui/focus/targets-tab", test_targets_tab);
  return g_test_run ();
}
