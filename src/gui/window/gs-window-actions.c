/* gs-window-actions.c — the window's actions (win.*): save, undo, export,
 * print, meeting mode, going to an input, showing a page, the strip's
 * preview of a value being typed and the simulation.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accelerators are set by the application (gs-application.c); menus and
 * buttons name the actions in ui/window/gs-window.ui.
 */
#include "config.h"

#include "gs-window-private.h"
#include "gs-actuals-page.h"
#include "gs-export-dialog.h"
#include "gs-meeting.h"
#include "gs-history-window.h"
#include "gs-print.h"
#include "gs-sim-page.h"
#include "gs-strip.h"

#include <glib/gi18n.h>

static void
set_enabled (GsWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* What can be done follows the plan: its undo history and meeting mode. */
void
_gs_window_actions_update (GsWindow *self)
{
  gboolean meeting = gs_meeting_has_baseline (self->plan);
  GAction *action;

  set_enabled (self, "undo", gs_plan_can_undo (self->plan));
  set_enabled (self, "redo", gs_plan_can_redo (self->plan));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "meeting");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (meeting));
  set_enabled (self, "set-baseline", meeting);
  set_enabled (self, "leave-meeting", meeting);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->meeting_revealer), meeting);
}

/* A value being typed: the strip shows what it would make of target, plan
 * and gap, computed by the engine on a copy of the plan ("" path: stop). */
static void
action_preview (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  const char *path, *json;
  g_autoptr (GsModel) model = NULL;
  g_autoptr (GsResult) result = NULL;
  g_autoptr (JsonNode) value = NULL;
  const GsResult *r;

  if (self->plan == NULL)
    return; /* the window is closing */
  g_variant_get (param, "(&s&s)", &path, &json);
  /* What the edit would cost, not a copy of the plan (at 50,000 people a
   * copy took 170 ms of the main thread at every pause in typing). */
  if (*path != '\0' && (value = json_from_string (json, NULL)) != NULL
      && gs_plan_preview (self->plan, path, g_steal_pointer (&value), &model, &result, NULL))
    {
      gs_strip_update (GS_STRIP (self->strip), model, result,
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
  gs_sim_page_run (GS_SIM_PAGE (_gs_window_page (self, GS_WINDOW_PAGE_SCENARIOS)));
}

/* The Scenarios page's list: Save Changes as Scenario (a name dialog),
 * Rename and Delete (dialogs) and Apply to Plan, by scenario name. */
static GsScenarioList *
scenario_list (GsWindow *self)
{
  gs_window_show_page (self, "scenarios");
  return gs_sim_page_get_scenario_list (
      GS_SIM_PAGE (_gs_window_page (self, GS_WINDOW_PAGE_SCENARIOS)));
}

static void
action_scenario_save (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_scenario_list_save_changes (scenario_list (data));
}

static void
action_scenario_rename (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_scenario_list_rename (scenario_list (data), g_variant_get_string (param, NULL));
}

static void
action_scenario_delete (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_scenario_list_delete (scenario_list (data), g_variant_get_string (param, NULL));
}

static void
action_scenario_apply (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_scenario_list_apply (scenario_list (data), g_variant_get_string (param, NULL));
}

static void
action_save (GSimpleAction *action, GVariant *param, gpointer data)
{
  _gs_window_save (GS_WINDOW (data));
}

static void
action_save_as (GSimpleAction *action, GVariant *param, gpointer data)
{
  _gs_window_save_as (GS_WINDOW (data));
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
  /* The simulation and the re-forecast fan when their pages, made and shown
   * once, have them for the plan as it is. */
  const GsSimResult *sim
      = self->sim_page ? gs_sim_page_get_result (GS_SIM_PAGE (self->sim_page), &stale) : NULL;
  const GsRefan *refan
      = self->actuals_page == NULL || self->stale[GS_WINDOW_PAGE_ACTUALS]
            ? NULL
            : gs_actuals_page_get_current_refan (GS_ACTUALS_PAGE (self->actuals_page));
  gs_print_run (GTK_WINDOW (self), self->plan, stale ? NULL : sim, refan);
}

static void
action_history (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  gtk_window_present (GTK_WINDOW (gs_history_window_new (GTK_WINDOW (self), self->plan)));
}

static void
action_export (GSimpleAction *action, GVariant *param, gpointer data)
{
  gs_export_dialog_run (GS_WINDOW (data), _gs_window_toast);
}

/* Meeting mode ----------------------------------------------------------- */

static void
action_set_baseline (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  g_autoptr (GError) error = NULL;
  if (!gs_meeting_set_baseline (self->plan, &error))
    gs_window_report_error (GTK_WINDOW (self), _ ("Could Not Set the Baseline"), error->message);
  else
    _gs_window_toast (self, _ ("The plan as it stands is the agreed baseline"));
}

static void
on_leave_response (AdwMessageDialog *dialog, const char *response, GsWindow *self)
{
  g_autoptr (GError) error = NULL;
  if (g_strcmp0 (response, "keep") != 0 && g_strcmp0 (response, "discard") != 0)
    {
      _gs_window_actions_update (self); /* the toggle goes back on */
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

/* The toggle's state is the plan's (a baseline in the file), not a
 * setting: it is set back by _gs_window_actions_update. */
static void
action_meeting (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  if (gs_meeting_has_baseline (self->plan))
    action_leave_meeting (action, NULL, data);
  else
    action_set_baseline (action, NULL, data);
  _gs_window_actions_update (self);
}

/* Navigation ------------------------------------------------------------- */

static void
action_goto_input (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsWindow *self = data;
  const char *path = g_variant_get_string (param, NULL);
  if (!gs_window_goto_input (self, path))
    {
      g_autofree char *text = g_strdup_printf (_ ("%s has no field on these pages yet"), path);
      _gs_window_toast (self, text);
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
  { "history", action_history },
  { "meeting", action_meeting, NULL, "false" },
  { "set-baseline", action_set_baseline },
  { "leave-meeting", action_leave_meeting },
  { "goto-input", action_goto_input, "s" },
  { "show-page", action_show_page, "s" },
  { "simulate", action_simulate },
  { "preview", action_preview, "(ss)" },
  { "scenario-save", action_scenario_save },
  { "scenario-rename", action_scenario_rename, "s" },
  { "scenario-delete", action_scenario_delete, "s" },
  { "scenario-apply", action_scenario_apply, "s" },
};

void
_gs_window_actions_init (GsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
}
