/* gs-window.c — one plan document in a window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the GsPlan and is the only place that reacts to its
 * ::changed signal: it fetches the engine's result once and hands it to the
 * strip and to the visible page; pages not in view are refreshed when shown,
 * and made when first shown: the first frame builds the Targets page only.
 * This file builds the window and keeps it in step with its plan; actions,
 * files and drag and drop are in gs-window-{actions,files,dnd}.c.
 */
#include "config.h"
#include "gs-a11y.h"

#include "gs-window-private.h"
#include "gs-actuals-page.h"
#include "gs-comp-page.h"
#include "gs-field.h"
#include "gs-funnel-page.h"
#include "gs-goal-table.h"
#include "gs-paint-warm-up.h"
#include "gs-sim-page.h"
#include "gs-statements-page.h"
#include "gs-strip.h"
#include "gs-targets-page.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (GsWindow, gs_window, ADW_TYPE_APPLICATION_WINDOW)

/* Dialogs ---------------------------------------------------------------- */

void
gs_window_report_error (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gs_window_toast (GsWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (text));
}

/* Title ------------------------------------------------------ */

char *
_gs_window_display_name (GsWindow *self)
{
  if (self->file)
    return g_file_get_basename (self->file);
  return g_strdup (_ ("Untitled plan"));
}

void
_gs_window_update_title (GsWindow *self)
{
  g_autofree char *name = _gs_window_display_name (self);
  gboolean dirty = gs_plan_get_dirty (self->plan);
  g_autofree char *title = g_strdup_printf ("Goalsheet — %s%s", name, dirty ? " •" : "");
  g_autofree char *subtitle = NULL;
  /* Every edit asks (refresh, ::notify::dirty); the title, the subtitle, the
   * file's label and its tooltip change only with the name or dirty, and
   * setting them again costs a tooltip's markup parse and a relayout. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) == 0)
    return;
  subtitle = g_strdup_printf ("%s%s", name, dirty ? " •" : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (self->switcher_title), "Goalsheet");
  adw_view_switcher_title_set_subtitle (ADW_VIEW_SWITCHER_TITLE (self->switcher_title), subtitle);
  /* The switcher hides the title on wide windows; the file name stays in view. */
  {
    g_autofree char *stem = g_str_has_suffix (name, ".goalsheet")
                                ? g_strndup (name, strlen (name) - strlen (".goalsheet"))
                                : g_strdup (name);
    g_autofree char *shown = g_strdup_printf ("%s%s", stem, dirty ? " •" : "");
    gtk_label_set_text (GTK_LABEL (self->doc_label), shown);
  }
  gs_widget_set_tooltip (self->doc_label, dirty ? _ ("Unsaved changes") : NULL);
}

/* Pages ------------------------------------------------------------------ */

static void
on_p_hit (GsSimPage *page, GParamSpec *pspec, GsWindow *self);

static GtkWidget **
page_slot (GsWindow *self, GsWindowPage page)
{
  switch (page)
    {
    case GS_WINDOW_PAGE_TARGETS:
      return &self->targets_page;
    case GS_WINDOW_PAGE_FUNNEL:
      return &self->funnel_page;
    case GS_WINDOW_PAGE_MARKETING:
      return &self->marketing_page;
    case GS_WINDOW_PAGE_SALES:
      return &self->sales_page;
    case GS_WINDOW_PAGE_COMP:
      return &self->comp_page;
    case GS_WINDOW_PAGE_ACTUALS:
      return &self->actuals_page;
    case GS_WINDOW_PAGE_STATEMENTS:
      return &self->statements_page;
    case GS_WINDOW_PAGE_SCENARIOS:
      return &self->sim_page;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The page's widget, made the first time it is shown or an action needs it
 * (Run Simulation, a scenario's action, Go to Input on the Funnel page):
 * building every page's widgets, templates and first fill took most of the
 * time to the first frame (issue 13; docs/gui.md, "Start-up"). A page made
 * here is stale: whoever shows it fills it (on_page_shown). The Scenarios
 * page is filled here (its actions need it); once made, an edit while it is
 * hidden only marks its P(hit) stale (refresh), and showing it updates it. */
GtkWidget *
_gs_window_page (GsWindow *self, GsWindowPage page)
{
  GtkWidget **slot = page_slot (self, page);
  GtkWidget *widget;

  if (slot == NULL || *slot != NULL)
    return slot ? *slot : NULL;
  switch (page)
    {
    case GS_WINDOW_PAGE_FUNNEL:
      widget = GTK_WIDGET (gs_funnel_page_new ());
      break;
    case GS_WINDOW_PAGE_MARKETING:
      widget = GTK_WIDGET (gs_goal_table_new (GS_SIDE_MARKETING));
      break;
    case GS_WINDOW_PAGE_SALES:
      widget = GTK_WIDGET (gs_goal_table_new (GS_SIDE_SALES));
      break;
    case GS_WINDOW_PAGE_COMP:
      widget = GTK_WIDGET (gs_comp_page_new ());
      break;
    case GS_WINDOW_PAGE_ACTUALS:
      widget = GTK_WIDGET (gs_actuals_page_new ());
      break;
    case GS_WINDOW_PAGE_STATEMENTS:
      widget = GTK_WIDGET (gs_statements_page_new ());
      break;
    case GS_WINDOW_PAGE_SCENARIOS:
      widget = GTK_WIDGET (gs_sim_page_new ());
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  *slot = widget;
  self->stale[page] = TRUE;
  adw_bin_set_child (ADW_BIN (self->bins[page]), widget);
  if (page == GS_WINDOW_PAGE_FUNNEL && self->plan)
    gs_funnel_page_set_plan (GS_FUNNEL_PAGE (widget), self->plan);
  if (page == GS_WINDOW_PAGE_SCENARIOS)
    {
      const GsResult *r = self->plan ? gs_plan_get_result (self->plan, NULL) : NULL;
      g_signal_connect (widget, "notify::p-hit", G_CALLBACK (on_p_hit), self);
      if (r)
        gs_sim_page_update (GS_SIM_PAGE (widget), self->plan, r);
      self->stale[page] = r == NULL;
    }
  return widget;
}

/* For tests: whether the page of that name (gs_window_show_page's) was made. */
gboolean
gs_window_page_is_built (GsWindow *self, const char *name)
{
  static const char *const names[GS_WINDOW_N_PAGES]
      = { "targets",      "funnel",  "marketing",  "sales",
          "compensation", "actuals", "statements", "scenarios" };
  for (guint i = 0; i < GS_WINDOW_N_PAGES; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return *page_slot (self, i) != NULL;
  g_return_val_if_reached (FALSE);
}

/* Refresh ---------------------------------------------------------------- */

static GsWindowPage
visible_page (GsWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (ADW_VIEW_STACK (self->stack));
  if (child == self->targets_page)
    return GS_WINDOW_PAGE_TARGETS;
  if (child == self->actuals_box)
    return gtk_stack_get_visible_child (GTK_STACK (self->actuals_stack))
                   == self->bins[GS_WINDOW_PAGE_STATEMENTS]
               ? GS_WINDOW_PAGE_STATEMENTS
               : GS_WINDOW_PAGE_ACTUALS;
  for (GsWindowPage p = GS_WINDOW_PAGE_FUNNEL; p < GS_WINDOW_N_PAGES; p++)
    if (child != NULL && child == self->bins[p])
      return p;
  return GS_WINDOW_N_PAGES;
}

static void
update_page (GsWindow *self, GsWindowPage page, const GsResult *r, const GsResult *baseline)
{
  _gs_window_page (self, page);
  switch (page)
    {
    case GS_WINDOW_PAGE_TARGETS:
      gs_targets_page_update (GS_TARGETS_PAGE (self->targets_page), r, baseline);
      break;
    case GS_WINDOW_PAGE_FUNNEL:
      gs_funnel_page_update (GS_FUNNEL_PAGE (self->funnel_page));
      gs_funnel_page_set_result (GS_FUNNEL_PAGE (self->funnel_page), r);
      break;
    case GS_WINDOW_PAGE_MARKETING:
      gs_goal_table_update (GS_GOAL_TABLE (self->marketing_page), self->plan, r, baseline);
      break;
    case GS_WINDOW_PAGE_SALES:
      gs_goal_table_update (GS_GOAL_TABLE (self->sales_page), self->plan, r, baseline);
      break;
    case GS_WINDOW_PAGE_COMP:
      gs_comp_page_update (GS_COMP_PAGE (self->comp_page), self->plan);
      break;
    case GS_WINDOW_PAGE_ACTUALS:
      gs_actuals_page_update (GS_ACTUALS_PAGE (self->actuals_page), self->plan);
      break;
    case GS_WINDOW_PAGE_STATEMENTS:
      gs_statements_page_update (GS_STATEMENTS_PAGE (self->statements_page), self->plan);
      break;
    case GS_WINDOW_PAGE_SCENARIOS:
      /* Filled by _gs_window_page when made; hidden, an edit only marks its
       * P(hit) stale (refresh), and it is updated here when shown. */
      if (self->stale[page])
        gs_sim_page_update (GS_SIM_PAGE (self->sim_page), self->plan, r);
      break;
    default:
      return;
    }
  self->stale[page] = FALSE;
}

static void
refresh (GsWindow *self)
{
  g_autoptr (GError) error = NULL;
  const GsResult *r = gs_plan_get_result (self->plan, &error);
  const GsResult *baseline;
  GsWindowPage shown = visible_page (self);

  _gs_window_update_title (self);
  _gs_window_actions_update (self);
  for (guint i = 0; i < GS_WINDOW_N_PAGES; i++)
    self->stale[i] = TRUE;
  if (r == NULL)
    {
      gs_strip_set_error (GS_STRIP (self->strip), error->message);
      return;
    }
  baseline = gs_baseline_get_result (self->baseline, self->plan);
  gs_strip_update (GS_STRIP (self->strip), gs_plan_get_model (self->plan), r, baseline);
  gs_strip_set_preview (GS_STRIP (self->strip), FALSE);
  if (self->sim_page && shown != GS_WINDOW_PAGE_SCENARIOS)
    gs_sim_page_mark_stale (GS_SIM_PAGE (self->sim_page), self->plan);
  update_page (self, shown, r, baseline);
}

static void
on_p_hit (GsSimPage *page, GParamSpec *pspec, GsWindow *self)
{
  gboolean stale = FALSE;
  double p = gs_sim_page_get_p_hit (page, &stale);
  gs_strip_set_p_hit (GS_STRIP (self->strip), p, stale);
}

static void
on_plan_changed (GsPlan *plan, const char *path, GsWindow *self)
{
  refresh (self);
}

static void
on_dirty (GsPlan *plan, GParamSpec *pspec, GsWindow *self)
{
  _gs_window_update_title (self);
}

static void
on_page_shown (GtkWidget *stack, GParamSpec *pspec, GsWindow *self)
{
  GsWindowPage page = visible_page (self);
  const GsResult *r;
  if (page == GS_WINDOW_N_PAGES)
    return;
  _gs_window_page (self, page);
  /* The page's widgets took heap the paint warm-up had touched. */
  gs_paint_warm_up_again (GTK_WINDOW (self));
  if (self->plan == NULL || !self->stale[page])
    return;
  r = gs_plan_get_result (self->plan, NULL);
  if (r)
    update_page (self, page, r, gs_baseline_get_result (self->baseline, self->plan));
}

void
_gs_window_set_plan (GsWindow *self, GsPlan *plan, GFile *file)
{
  if (self->plan)
    {
      g_clear_signal_handler (&self->changed_id, self->plan);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }
  g_set_object (&self->plan, plan);
  g_set_object (&self->file, file);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  g_signal_connect (plan, "notify::dirty", G_CALLBACK (on_dirty), self);
  gs_targets_page_set_plan (GS_TARGETS_PAGE (self->targets_page), plan);
  if (self->funnel_page)
    gs_funnel_page_set_plan (GS_FUNNEL_PAGE (self->funnel_page), plan);
  {
    g_autofree char *path = file ? g_file_get_path (file) : NULL;
    g_clear_object (&self->recovery);
    self->recovery = gs_recovery_new (plan, path);
  }
  refresh (self);
}

/* A plan restored after a crash keeps its recovery file (and id). */
void
gs_window_set_recovery (GsWindow *self, GsRecovery *recovery)
{
  g_set_object (&self->recovery, recovery);
}

/* Finding an input ------------------------------------------------------- */

/* Shows the page holding the field for path and puts the cursor there.
 * Paths into arrays ("sources[0].planned_volume") fall back to the first
 * field under them. */
gboolean
gs_window_goto_input (GsWindow *self, const char *path)
{
  /* Each page and what the stack holds it in. */
  GtkWidget *pages[] = { self->targets_page, _gs_window_page (self, GS_WINDOW_PAGE_FUNNEL) };
  GtkWidget *shown[] = { self->targets_page, self->bins[GS_WINDOW_PAGE_FUNNEL] };
  const GsResult *r = gs_plan_get_result (self->plan, NULL);

  /* The input fields are built by a page's first update; the Targets page
   * makes its assumptions after its first frame. */
  gs_targets_page_make_below (GS_TARGETS_PAGE (self->targets_page));
  if (r)
    for (GsWindowPage p = GS_WINDOW_PAGE_TARGETS; p <= GS_WINDOW_PAGE_FUNNEL; p++)
      if (self->stale[p])
        update_page (self, p, r, gs_baseline_get_result (self->baseline, self->plan));
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GsField *field = gs_field_find (pages[i], path, pass == 1);
        if (field)
          {
            adw_view_stack_set_visible_child (ADW_VIEW_STACK (self->stack), shown[i]);
            gs_field_reveal (field);
            return TRUE;
          }
      }
  return FALSE;
}

void
gs_window_show_page (GsWindow *self, const char *name)
{
  /* Statements is a view of the Actuals page (gs-window.ui). */
  if (g_strcmp0 (name, "statements") == 0 || g_strcmp0 (name, "actuals") == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->actuals_stack),
                                        name[0] == 's' ? "statements" : "tracking");
      name = "actuals";
    }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), name);
}

/* Class ------------------------------------------------------------------ */

static void
gs_window_dispose (GObject *object)
{
  GsWindow *self = GS_WINDOW (object);
  if (self->plan)
    {
      g_clear_signal_handler (&self->changed_id, self->plan);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }
  _gs_window_watch_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_WINDOW);
  for (GsWindowPage p = GS_WINDOW_PAGE_FUNNEL; p < GS_WINDOW_N_PAGES; p++)
    *page_slot (self, p) = NULL;    /* gone with their bins */
  g_clear_object (&self->recovery); /* closed: its edits were saved or discarded */
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->baseline, gs_baseline_free);
  G_OBJECT_CLASS (gs_window_parent_class)->dispose (object);
}

static gboolean
gs_window_close_request (GtkWindow *window)
{
  if (_gs_window_close_request (window))
    return TRUE;
  return GTK_WINDOW_CLASS (gs_window_parent_class)->close_request (window);
}

static void
gs_window_class_init (GsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = gs_window_close_request;

  g_type_ensure (GS_TYPE_STRIP);
  g_type_ensure (GS_TYPE_TARGETS_PAGE);
  /* The other pages' classes (and templates) wait for their first page. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/window/gs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, doc_label);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, strip);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, meeting_revealer);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, meeting_label);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, actuals_box);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, actuals_stack);
#define BIND_BIN(name, page)                                                                       \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,                            \
                                             G_STRUCT_OFFSET (GsWindow, bins[page]))
  BIND_BIN ("funnel_bin", GS_WINDOW_PAGE_FUNNEL);
  BIND_BIN ("marketing_bin", GS_WINDOW_PAGE_MARKETING);
  BIND_BIN ("sales_bin", GS_WINDOW_PAGE_SALES);
  BIND_BIN ("comp_bin", GS_WINDOW_PAGE_COMP);
  BIND_BIN ("actuals_bin", GS_WINDOW_PAGE_ACTUALS);
  BIND_BIN ("statements_bin", GS_WINDOW_PAGE_STATEMENTS);
  BIND_BIN ("sim_bin", GS_WINDOW_PAGE_SCENARIOS);
#undef BIND_BIN
  gtk_widget_class_bind_template_child (widget_class, GsWindow, recent_menu);
}

static void
gs_window_init (GsWindow *self)
{
  GSettingsSchema *schema;

  gtk_widget_init_template (GTK_WIDGET (self));
  gs_a11y_set_label (self->menu_button, _ ("Main Menu"), NULL);
  self->baseline = gs_baseline_new ();
  _gs_window_actions_init (self);
  _gs_window_watch_init (self);
  _gs_window_dnd_init (self);
  _gs_window_import_init (self);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (on_page_shown), self);
  g_signal_connect (self->actuals_stack, "notify::visible-child", G_CALLBACK (on_page_shown), self);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema)
    {
      /* A new window opens at the size the last one was left; it does not
       * follow other windows being resized (no GET of later changes). */
      GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES;
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "window-width", self, "default-width", flags);
      g_settings_bind (self->settings, "window-height", self, "default-height", flags);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
      g_settings_schema_unref (schema);
    }
  _gs_window_files_init (self);
  gs_paint_warm_up_watch (GTK_WINDOW (self));
}

GsWindow *
gs_window_new (GtkApplication *app, GsPlan *plan, GFile *file)
{
  GsWindow *self = g_object_new (GS_TYPE_WINDOW, "application", app, NULL);
  if (plan)
    {
      _gs_window_set_plan (self, plan, file);
      _gs_window_watch_file (self, NULL);
    }
  return self;
}

/* A window that shows an untouched new plan can take a file being opened. */
gboolean
gs_window_is_pristine (GsWindow *self)
{
  return self->plan == NULL || (self->file == NULL && !gs_plan_can_undo (self->plan));
}

GsPlan *
gs_window_get_plan (GsWindow *self)
{
  return self->plan;
}

gboolean
gs_window_get_tracking_day (GsWindow *self, GDate *out)
{
  /* Never shown, the page tracks to the default day. */
  return self->actuals_page && gs_actuals_page_get_day (GS_ACTUALS_PAGE (self->actuals_page), out);
}

GFile *
gs_window_get_file (GsWindow *self)
{
  return self->file;
}
