/* gs-window.c — one plan document in a window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the GsPlan and is the only place that reacts to its
 * ::changed signal: it fetches the engine's result once and hands it to the
 * strip and to the visible page; pages not in view are refreshed when shown.
 */
#include "config.h"

#include "gs-window.h"
#include "gs-baseline.h"
#include "gs-comp-page.h"
#include "gs-export-dialog.h"
#include "gs-field.h"
#include "gs-funnel-page.h"
#include "gs-goal-table.h"
#include "gs-print.h"
#include "gs-sim-page.h"
#include "gs-meeting.h"
#include "gs-recovery.h"
#include "gs-strip.h"
#include "gs-targets-page.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  PAGE_TARGETS,
  PAGE_FUNNEL,
  PAGE_MARKETING,
  PAGE_SALES,
  PAGE_COMP,
  N_PAGES
} Page;

struct _GsWindow
{
  AdwApplicationWindow parent_instance;

  GtkWidget *header_bar;
  GtkWidget *switcher_title;
  GtkWidget *doc_label;
  GtkWidget *menu_button;
  GtkWidget *meeting_button;
  GtkWidget *strip;
  GtkWidget *meeting_revealer;
  GtkWidget *meeting_label;
  GtkWidget *toasts;
  GtkWidget *stack;
  GtkWidget *targets_page;
  GtkWidget *funnel_page;
  GtkWidget *marketing_page;
  GtkWidget *sales_page;
  GtkWidget *comp_page;
  GtkWidget *sim_page;
  GMenu *recent_menu;

  GsPlan *plan;
  GFile *file;
  GsBaseline *baseline;
  GsRecovery *recovery; /* autosave of unsaved edits (docs/reliability.md) */
  GSettings *settings;
  gulong changed_id;
  gboolean stale[N_PAGES];
  gboolean close_after_save;
  gboolean closing;
};

G_DEFINE_FINAL_TYPE (GsWindow, gs_window, ADW_TYPE_APPLICATION_WINDOW)

static void
refresh (GsWindow *self);

/* Dialogs ---------------------------------------------------------------- */

void
gs_window_report_error (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (GsWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (text));
}

/* Title and actions ------------------------------------------------------ */

static char *
display_name (GsWindow *self)
{
  if (self->file)
    return g_file_get_basename (self->file);
  return g_strdup (_ ("Untitled plan"));
}

static void
update_title (GsWindow *self)
{
  g_autofree char *name = display_name (self);
  gboolean dirty = gs_plan_get_dirty (self->plan);
  g_autofree char *title = g_strdup_printf ("Goalsheet — %s%s", name, dirty ? " •" : "");
  g_autofree char *subtitle = g_strdup_printf ("%s%s", name, dirty ? " •" : "");
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
  gtk_widget_set_tooltip_text (self->doc_label, dirty ? _ ("Unsaved changes") : NULL);
}

static void
update_actions (GsWindow *self)
{
  gboolean meeting = gs_meeting_has_baseline (self->plan);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), gs_plan_can_undo (self->plan));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), gs_plan_can_redo (self->plan));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "meeting");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (meeting));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "set-baseline");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), meeting);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-meeting");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), meeting);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->meeting_revealer), meeting);
}

/* Refresh ---------------------------------------------------------------- */

static Page
visible_page (GsWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (ADW_VIEW_STACK (self->stack));
  if (child == self->funnel_page)
    return PAGE_FUNNEL;
  if (child == self->marketing_page)
    return PAGE_MARKETING;
  if (child == self->sales_page)
    return PAGE_SALES;
  if (child == self->comp_page)
    return PAGE_COMP;
  if (child == self->targets_page)
    return PAGE_TARGETS;
  return N_PAGES;
}

static void
update_page (GsWindow *self, Page page, const GsResult *r, const GsResult *baseline)
{
  switch (page)
    {
    case PAGE_TARGETS:
      gs_targets_page_update (GS_TARGETS_PAGE (self->targets_page), r, baseline);
      break;
    case PAGE_FUNNEL:
      gs_funnel_page_update (GS_FUNNEL_PAGE (self->funnel_page));
      gs_funnel_page_set_result (GS_FUNNEL_PAGE (self->funnel_page), r);
      break;
    case PAGE_MARKETING:
      gs_goal_table_update (GS_GOAL_TABLE (self->marketing_page), self->plan, r, baseline);
      break;
    case PAGE_SALES:
      gs_goal_table_update (GS_GOAL_TABLE (self->sales_page), self->plan, r, baseline);
      break;
    case PAGE_COMP:
      gs_comp_page_update (GS_COMP_PAGE (self->comp_page), self->plan);
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
  Page shown = visible_page (self);

  update_title (self);
  update_actions (self);
  for (guint i = 0; i < N_PAGES; i++)
    self->stale[i] = TRUE;
  if (r == NULL)
    {
      gs_strip_set_error (GS_STRIP (self->strip), error->message);
      return;
    }
  baseline = gs_baseline_get_result (self->baseline, self->plan);
  gs_strip_update (GS_STRIP (self->strip), gs_plan_get_model (self->plan), r, baseline);
  gs_strip_set_preview (GS_STRIP (self->strip), FALSE);
  gs_sim_page_update (GS_SIM_PAGE (self->sim_page), self->plan, r);
  update_page (self, shown, r, baseline);
}

static void
on_p_hit (GsSimPage *page, GParamSpec *pspec, GsWindow *self)
{
  gboolean stale = FALSE;
  double p = gs_sim_page_get_p_hit (page, &stale);
  gs_strip_set_p_hit (GS_STRIP (self->strip), p, stale);
}

/* A value being typed: the strip shows what it would make of target, plan
 * and gap, computed by the engine on a copy of the plan ("" path: stop). */
static void
action_preview (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  const char *path, *json;
  g_autoptr (GsPlan) copy = NULL;
  g_autoptr (JsonNode) value = NULL;
  const GsResult *r;

  if (self->plan == NULL)
    return; /* the window is closing */
  g_variant_get (param, "(&s&s)", &path, &json);
  if (*path != '\0' && (value = json_from_string (json, NULL)) != NULL
      && (copy = gs_plan_copy (self->plan)) != NULL
      && gs_plan_set (copy, path, g_steal_pointer (&value), NULL)
      && (r = gs_plan_get_result (copy, NULL)) != NULL)
    {
      gs_strip_update (GS_STRIP (self->strip), gs_plan_get_model (copy), r,
                       gs_baseline_get_result (self->baseline, self->plan));
      gs_strip_set_preview (GS_STRIP (self->strip), TRUE);
      return;
    }
  r = gs_plan_get_result (self->plan, NULL);
  if (r)
    gs_strip_update (GS_STRIP (self->strip), gs_plan_get_model (self->plan), r,
                     gs_baseline_get_result (self->baseline, self->plan));
  gs_strip_set_preview (GS_STRIP (self->strip), FALSE);
}

static void
action_simulate (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  gs_window_show_page (self, "scenarios");
  gs_sim_page_run (GS_SIM_PAGE (self->sim_page));
}

static void
on_plan_changed (GsPlan *plan, const char *path, GsWindow *self)
{
  refresh (self);
}

static void
on_dirty (GsPlan *plan, GParamSpec *pspec, GsWindow *self)
{
  update_title (self);
}

static void
on_page_shown (GtkWidget *stack, GParamSpec *pspec, GsWindow *self)
{
  Page page = visible_page (self);
  const GsResult *r;
  if (self->plan == NULL || page == N_PAGES || !self->stale[page])
    return;
  r = gs_plan_get_result (self->plan, NULL);
  if (r)
    update_page (self, page, r, gs_baseline_get_result (self->baseline, self->plan));
}

static void
set_plan (GsWindow *self, GsPlan *plan, GFile *file)
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

/* Files ------------------------------------------------------------------ */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  data.mime_type = (char *) "application/x-goalsheet";
  data.app_name = (char *) "Goalsheet";
  data.app_exec = (char *) "goalsheet %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

gboolean
gs_window_load (GsWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GsPlan) plan = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("Only local files can be opened"));
      return FALSE;
    }
  plan = gs_plan_new_from_file (path, error);
  if (plan == NULL)
    return FALSE;
  /* A plan whose figures cannot be computed (existing bookings over the
   * target, an overflow) is refused like the CLI refuses it: every edit would
   * be refused too, so the window would be a dead end. */
  if (gs_plan_get_result (plan, error) == NULL)
    return FALSE;
  set_plan (self, plan, file);
  add_recent (file);
  return TRUE;
}

gboolean
gs_window_save_to (GsWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  if (path == NULL || !gs_plan_save_to_file (self->plan, path, error))
    return FALSE;
  g_set_object (&self->file, file);
  if (self->recovery)
    gs_recovery_set_document_path (self->recovery, path);
  add_recent (file);
  update_title (self);
  return TRUE;
}

static GtkFileFilter *
goalsheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Goalsheet plans"));
  gtk_file_filter_add_pattern (filter, "*.goalsheet");
  gtk_file_filter_add_mime_type (filter, "application/x-goalsheet");
  return filter;
}

static void
on_save_as_response (GtkNativeDialog *native, int response, GsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      if (!g_str_has_suffix (name, ".goalsheet"))
        {
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autofree char *named = g_strconcat (name, ".goalsheet", NULL);
          g_set_object (&file, g_file_get_child (parent, named));
        }
      if (!gs_window_save_to (self, file, &error))
        gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Save the Plan"), error->message);
      else if (self->close_after_save)
        {
          self->closing = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  self->close_after_save = FALSE;
  g_object_unref (native);
}

static void
save_as (GsWindow *self)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      _ ("Save Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  g_autofree char *name = display_name (self);
  g_autofree char *suggested = self->file ? g_steal_pointer (&name) : g_strdup ("plan.goalsheet");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), goalsheet_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
save (GsWindow *self)
{
  g_autoptr (GError) error = NULL;
  if (self->file == NULL)
    {
      save_as (self);
      return FALSE;
    }
  if (!gs_window_save_to (self, self->file, &error))
    {
      gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Save the Plan"), error->message);
      return FALSE;
    }
  toast (self, _ ("Saved"));
  return TRUE;
}

/* Actions ---------------------------------------------------------------- */

static void
action_save (GSimpleAction *action, GVariant *param, gpointer data)
{
  save (GS_WINDOW (data));
}

static void
action_save_as (GSimpleAction *action, GVariant *param, gpointer data)
{
  save_as (GS_WINDOW (data));
}

static void
action_undo (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_plan_undo (GS_WINDOW (data)->plan);
}

static void
action_redo (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_plan_redo (GS_WINDOW (data)->plan);
}

static void
action_print (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  gboolean stale = TRUE;
  const GsSimResult *sim = gs_sim_page_get_result (GS_SIM_PAGE (self->sim_page), &stale);
  gs_print_run (GTK_WINDOW (self), self->plan, stale ? NULL : sim);
}

static void
action_export (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_export_dialog_run (GS_WINDOW (data), toast);
}

static void
action_set_baseline (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  g_autoptr (GError) error = NULL;
  if (!gs_meeting_set_baseline (self->plan, &error))
    gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Set the Baseline"), error->message);
  else
    toast (self, _ ("The plan as it stands is the agreed baseline"));
}

static void
on_leave_response (AdwMessageDialog *dialog, const char *response, GsWindow *self)
{
  g_autoptr (GError) error = NULL;
  if (g_strcmp0 (response, "keep") != 0 && g_strcmp0 (response, "discard") != 0)
    {
      update_actions (self); /* the toggle goes back on */
      return;
    }
  if (!gs_meeting_end (self->plan, g_strcmp0 (response, "keep") == 0, &error))
    gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Leave the Meeting"), error->message);
}

static void
action_leave_meeting (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  GtkWidget *dialog
      = adw_message_dialog_new (GTK_WINDOW (self), _ ("Leave Meeting Mode?"),
                                _ ("Keep the plan as negotiated, or go back to the agreed baseline "
                                   "and discard the changes made since."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard Changes"), "keep", _ ("_Keep Changes"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_leave_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_meeting (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  if (gs_meeting_has_baseline (self->plan))
    action_leave_meeting (action, NULL, data);
  else
    action_set_baseline (action, NULL, data);
  update_actions (self);
}

static void
action_goto_input (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  const char *path = g_variant_get_string (param, NULL);
  if (!gs_window_goto_input (self, path))
    {
      g_autofree char *text = g_strdup_printf (_ ("%s has no field on these pages yet"), path);
      toast (self, text);
    }
}

static void
action_show_page (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_window_show_page (GS_WINDOW (data), g_variant_get_string (param, NULL));
}

static const GActionEntry win_actions[] = {
  { "save", action_save },
  { "save-as", action_save_as },
  { "undo", action_undo },
  { "redo", action_redo },
  { "export", action_export },
  { "print", action_print },
  { "meeting", action_meeting, NULL, "false" },
  { "set-baseline", action_set_baseline },
  { "leave-meeting", action_leave_meeting },
  { "goto-input", action_goto_input, "s" },
  { "show-page", action_show_page, "s" },
  { "simulate", action_simulate },
  { "preview", action_preview, "(ss)" },
};

/* Finding an input ------------------------------------------------------- */

static GsField *
find_field (GtkWidget *widget, const char *path, gboolean prefix)
{
  if (GS_IS_FIELD (widget))
    {
      const char *p = gs_field_get_path (GS_FIELD (widget));
      if (g_strcmp0 (p, path) == 0 || (prefix && g_str_has_prefix (p, path)))
        return GS_FIELD (widget);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GsField *found = find_field (child, path, prefix);
      if (found)
        return found;
    }
  return NULL;
}

/* Shows the page holding the field for path and puts the cursor there.
 * Paths into arrays ("sources[0].planned_volume") fall back to the first
 * field under them. */
gboolean
gs_window_goto_input (GsWindow *self, const char *path)
{
  GtkWidget *pages[] = { self->targets_page, self->funnel_page };
  const GsResult *r = gs_plan_get_result (self->plan, NULL);

  /* The input fields are built by a page's first update. */
  if (r)
    for (Page p = PAGE_TARGETS; p <= PAGE_FUNNEL; p++)
      if (self->stale[p])
        update_page (self, p, r, gs_baseline_get_result (self->baseline, self->plan));
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GsField *field = find_field (pages[i], path, pass == 1);
        if (field)
          {
            adw_view_stack_set_visible_child (ADW_VIEW_STACK (self->stack), pages[i]);
            gs_field_reveal (field);
            return TRUE;
          }
      }
  return FALSE;
}

void
gs_window_show_page (GsWindow *self, const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), name);
}

/* Closing ---------------------------------------------------------------- */

static void
on_close_response (AdwMessageDialog *dialog, const char *response, GsWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file == NULL)
        {
          self->close_after_save = TRUE;
          save_as (self);
        }
      else if (save (self))
        {
          self->closing = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
}

static gboolean
gs_window_close_request (GtkWindow *window)
{
  GsWindow *self = GS_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->settings)
    {
      int width, height;
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  if (self->closing || self->plan == NULL || !gs_plan_get_dirty (self->plan))
    return GTK_WINDOW_CLASS (gs_window_parent_class)->close_request (window);

  name = display_name (self);
  body = g_strdup_printf (_ ("“%s” has changes that are not saved. Unsaved changes are lost."),
                          name);
  dialog = adw_message_dialog_new (window, _ ("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Drag and drop ---------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GsWindow *self)
{
  GSList *files;
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    {
      GFile *file = l->data;
      g_autoptr (GError) error = NULL;
      GsWindow *target_window = self;
      if (!gs_window_is_pristine (self) || l != files)
        {
          target_window = g_object_new (GS_TYPE_WINDOW, "application",
                                        gtk_window_get_application (GTK_WINDOW (self)), NULL);
        }
      if (!gs_window_load (target_window, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
          gs_window_report_error (GTK_WINDOW (self), heading, error->message);
          if (target_window != self)
            gtk_window_destroy (GTK_WINDOW (target_window));
          continue;
        }
      gtk_window_present (GTK_WINDOW (target_window));
    }
  return TRUE;
}

/* Recent files ----------------------------------------------------------- */

static void
update_recent_menu (GsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;
  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      if (!g_str_has_suffix (uri, ".goalsheet") || !gtk_recent_info_exists (info))
        continue;
      {
        g_autoptr (GMenuItem) item
            = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
        g_menu_item_set_action_and_target_value (item, "app.open-uri", g_variant_new_string (uri));
        g_menu_append_item (self->recent_menu, item);
      }
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  if (n == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No recent plans"), "app.none");
      g_menu_append_item (self->recent_menu, item);
    }
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
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_WINDOW);
  g_clear_object (&self->recovery); /* closed: its edits were saved or discarded */
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->baseline, gs_baseline_free);
  G_OBJECT_CLASS (gs_window_parent_class)->dispose (object);
}

static void
gs_window_class_init (GsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = gs_window_close_request;

  g_type_ensure (GS_TYPE_STRIP);
  g_type_ensure (GS_TYPE_TARGETS_PAGE);
  g_type_ensure (GS_TYPE_FUNNEL_PAGE);
  g_type_ensure (GS_TYPE_GOAL_TABLE);
  g_type_ensure (GS_TYPE_COMP_PAGE);
  g_type_ensure (GS_TYPE_SIM_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, GsWindow, funnel_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, marketing_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, sales_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, comp_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, sim_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, recent_menu);
}

static void
gs_window_init (GsWindow *self)
{
  GtkDropTarget *drop;
  GSettingsSchema *schema;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->baseline = gs_baseline_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (on_page_shown), self);
  g_signal_connect (self->sim_page, "notify::p-hit", G_CALLBACK (on_p_hit), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_schema_unref (schema);
    }
  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
}

GsWindow *
gs_window_new (GtkApplication *app, GsPlan *plan, GFile *file)
{
  GsWindow *self = g_object_new (GS_TYPE_WINDOW, "application", app, NULL);
  if (plan)
    set_plan (self, plan, file);
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

GFile *
gs_window_get_file (GsWindow *self)
{
  return self->file;
}
