/* gs-scenario-list.c — the plan's scenarios, made and changed in the window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario-list.h"
#include "gs-explain-input.h"
#include "gs-field.h"
#include "gs-json.h"
#include "gs-list-sync.h"
#include "gs-meeting-input.h"
#include "gs-scenario-edits.h"
#include "gs-scenario-item.h"
#include "gs-scenario.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _GsScenarioList
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *save_button;
  GtkWidget *message; /* the last refusal, in the engine's words */
  GtkWidget *empty;   /* how to make the first scenario */
  GtkWidget *list;
  GListStore *scenarios;
  GsPlan *plan;
  GsScenarioOdds *odds; /* a copy of the last run's, or NULL */
};

G_DEFINE_FINAL_TYPE (GsScenarioList, gs_scenario_list, GTK_TYPE_WIDGET)

static void
show_message (GsScenarioList *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text != NULL);
}

/* Shows the refusal of an edit, or clears the last one.  The error is read
 * here, after the edit ran (an argument's order of evaluation is not). */
static void
report (GsScenarioList *self, gboolean ok, GError **error)
{
  show_message (self, ok ? NULL : (*error ? (*error)->message : NULL));
}

static const char *
item_name (gpointer widget)
{
  return gs_scenario_item_get_name (g_object_get_data (G_OBJECT (widget), "item"));
}

/* Overrides -------------------------------------------------------------- */

typedef struct
{
  char *name;
  char *path;
  GsFieldKind kind;
} OverrideEdit;

static void
override_edit_free (gpointer data)
{
  OverrideEdit *e = data;
  g_free (e->name);
  g_free (e->path);
  g_free (e);
}

/* A typed value goes to the scenario, not to the plan's input. */
static gboolean
apply_override (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  OverrideEdit *e = data;
  JsonNode *value;

  switch (e->kind)
    {
    case GS_FIELD_KIND_TEXT:
      value = json_node_init_string (json_node_alloc (), text);
      break;
    case GS_FIELD_KIND_MONEY:
      value = gs_json_money_node ((GsMoney) number, gs_plan_get_model (plan)->company.digits);
      break;
    case GS_FIELD_KIND_INT:
      value = json_node_init_int (json_node_alloc (), (gint64) number);
      break;
    case GS_FIELD_KIND_PERCENT:
    case GS_FIELD_KIND_NUMBER:
    default:
      value = json_node_init_double (json_node_alloc (), number);
      break;
    }
  return gs_scenario_set_override (plan, e->name, e->path, value, error);
}

/* The field an override's value is typed in: the engine says the unit of
 * the input; a string that is not money (a month) is text. */
static GsFieldKind
field_kind (const char *path, JsonNode *value)
{
  GsUnit unit = gs_explain_input_unit (path);
  GType type = value && JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : 0;

  if (unit == GS_UNIT_MONEY)
    return GS_FIELD_KIND_MONEY;
  if (type == G_TYPE_STRING)
    return GS_FIELD_KIND_TEXT;
  if (unit == GS_UNIT_PERCENT)
    return GS_FIELD_KIND_PERCENT;
  return type == G_TYPE_INT64 ? GS_FIELD_KIND_INT : GS_FIELD_KIND_NUMBER;
}

static void
on_remove_override (GtkButton *button, GsScenarioList *self)
{
  g_autoptr (GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  gboolean ok = gs_scenario_remove_override (self->plan, item_name (button), path, &error);
  report (self, ok, &error);
}

static GtkWidget *
override_row (GsScenarioList *self, GsScenarioItem *item, guint index, guint o, const char *path)
{
  g_autofree char *value_path = g_strdup_printf ("scenarios[%u].overrides[%u].value", index, o);
  g_autofree char *title = gs_explain_input_path (gs_plan_get_model (self->plan), path);
  GsFieldKind kind = field_kind (path, gs_plan_lookup (self->plan, value_path));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *field = gs_field_new (self->plan, value_path, kind,
                                   kind == GS_FIELD_KIND_PERCENT ? "%" : NULL, title);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  OverrideEdit *edit = g_new0 (OverrideEdit, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  edit->name = g_strdup (gs_scenario_item_get_name (item));
  edit->path = g_strdup (path);
  edit->kind = kind;
  gs_field_set_apply (GS_FIELD (field), apply_override, edit, override_edit_free);
  gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), field);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove this change from the scenario"));
  {
    /* An icon button's name says what it removes (AT-SPI said "GtkImage"). */
    g_autofree char *name = g_strdup_printf (_ ("Remove “%s” from the scenario"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }
  g_object_set_data_full (G_OBJECT (remove), "item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (path), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_override), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The override fields follow the item's layout: "INDEX\nPATH\nPATH…". */
static void
on_layout (GsScenarioItem *item, GParamSpec *pspec, GtkWidget *row)
{
  GsScenarioList *self = g_object_get_data (G_OBJECT (row), "list");
  GPtrArray *rows = g_object_get_data (G_OBJECT (row), "override-rows");
  g_auto (GStrv) lines = g_strsplit (gs_scenario_item_get_layout (item), "\n", -1);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  if (self->plan == NULL || lines[0] == NULL)
    return;
  for (guint o = 0; lines[o + 1]; o++)
    {
      GtkWidget *child = override_row (self, item, (guint) g_ascii_strtoull (lines[0], NULL, 10), o,
                                       lines[o + 1]);
      g_ptr_array_add (rows, child);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
}

/* Rows ------------------------------------------------------------------- */

static void
on_rename_clicked (GtkButton *button, GsScenarioList *self)
{
  gs_scenario_list_rename (self, item_name (button));
}

static void
on_apply_clicked (GtkButton *button, GsScenarioList *self)
{
  gs_scenario_list_apply (self, item_name (button));
}

static void
on_delete_clicked (GtkButton *button, GsScenarioList *self)
{
  gs_scenario_list_delete (self, item_name (button));
}

static void
on_description_apply (AdwEntryRow *entry, GsScenarioList *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = gs_scenario_set_description (self->plan, item_name (entry),
                                             gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  report (self, ok, &error);
}

static void
on_description (GsScenarioItem *item, GParamSpec *pspec, GtkWidget *entry)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)),
                 gs_scenario_item_get_description (item))
      != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), gs_scenario_item_get_description (item));
}

static GtkWidget *
button (GsScenarioItem *item, const char *label, const char *tooltip, GCallback callback,
        GsScenarioList *self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_tooltip_text (b, tooltip);
  g_object_set_data_full (G_OBJECT (b), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (b, "clicked", callback, self);
  return b;
}

/* The meeting's hint shows only when there is something to say. */
static void
on_meeting_label (GtkLabel *label, GParamSpec *pspec, gpointer unused)
{
  (void) pspec, (void) unused;
  gtk_widget_set_visible (GTK_WIDGET (label), *gtk_label_get_text (label) != '\0');
}

static GtkWidget *
create_row (gpointer item, gpointer data)
{
  GsScenarioList *self = data;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *odds = gtk_label_new (NULL);
  GtkWidget *meeting = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *description = adw_entry_row_new ();
  GtkWidget *apply = button (item, _ ("_Apply to Plan"),
                             _ ("Put the scenario’s changes into the plan (Undo takes them out)"),
                             G_CALLBACK (on_apply_clicked), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "description", row, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "odds", odds, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "meeting", meeting, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect (meeting, "notify::label", G_CALLBACK (on_meeting_label), NULL);
  on_meeting_label (GTK_LABEL (meeting), NULL, NULL);
  gtk_widget_add_css_class (meeting, "caption");
  gtk_widget_add_css_class (meeting, "accent");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), meeting);
  gtk_widget_add_css_class (odds, "numeric");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), odds);

  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (buttons), button (item, _ ("_Rename…"), _ ("Rename the scenario"),
                                             G_CALLBACK (on_rename_clicked), self));
  {
    GtkWidget *del = button (item, _ ("_Delete…"), _ ("Delete the scenario"),
                             G_CALLBACK (on_delete_clicked), self);
    gtk_widget_add_css_class (del, "destructive-action");
    gtk_box_append (GTK_BOX (buttons), del);
  }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description), _ ("Description"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (description), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (description), gs_scenario_item_get_description (item));
  g_object_set_data_full (G_OBJECT (description), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (description, "apply", G_CALLBACK (on_description_apply), self);
  g_signal_connect_object (item, "notify::description", G_CALLBACK (on_description), description,
                           0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);

  g_object_set_data (G_OBJECT (row), "list", self);
  g_object_set_data_full (G_OBJECT (row), "override-rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (item, "notify::layout", G_CALLBACK (on_layout), row, 0);
  on_layout (item, NULL, row);
  return row;
}

/* Update ----------------------------------------------------------------- */

static char *
odds_text (GsScenarioList *self, const char *name)
{
  int s = gs_scenario_odds_find (self->odds, name);
  g_autofree char *p = NULL, *vs = NULL;

  if (s < 0)
    return g_strdup ("");
  p = gs_scenario_odds_format (self->odds, (guint) s);
  vs = gs_scenario_odds_format_vs_base (self->odds, (guint) s);
  /* Translators: a scenario's chance of hitting the target, and its
   * difference against base ("P(hit) 41 % (+6.2 pts)"). */
  return *vs ? g_strdup_printf (_ ("P(hit) %s (%s)"), p, vs) : g_strdup_printf (_ ("P(hit) %s"), p);
}

/* What gs_list_sync hands the item functions: the scenarios as read (base
 * first) and the plan, for the meeting's deltas. */
typedef struct
{
  GPtrArray *all;
  GsPlan *plan;
} SyncData;

/* "1 change in the meeting": the overrides of scenario position that moved
 * since the baseline, as their fields show them (gs_meeting_field_delta). */
static char *
meeting_text (GsPlan *plan, guint position, const GsScenario *s)
{
  guint changed = 0;
  for (guint o = 0; o < s->n_overrides; o++)
    {
      g_autofree char *path = g_strdup_printf ("scenarios[%u].overrides[%u].value", position, o);
      GsInputDelta delta = { 0 };
      if (gs_meeting_field_delta (plan, path, &delta))
        changed++;
      gs_input_delta_clear (&delta);
    }
  if (changed == 0)
    return g_strdup ("");
  /* Translators: on a collapsed scenario row in meeting mode. */
  return g_strdup_printf (
      ngettext ("%u change in the meeting", "%u changes in the meeting", changed), changed);
}

static void
sync_item (gpointer item, guint position, gpointer data)
{
  SyncData *sync = data;
  const GsScenario *s = g_ptr_array_index (sync->all, position + 1);
  g_autoptr (GString) layout = g_string_new (NULL);
  g_autofree char *meeting = meeting_text (sync->plan, position, s);

  g_string_append_printf (layout, "%u", position);
  for (guint o = 0; o < s->n_overrides; o++)
    g_string_append_printf (layout, "\n%s", s->overrides[o].path);
  gs_scenario_item_set_description (item, s->description);
  gs_scenario_item_set_layout (item, layout->str);
  gs_scenario_item_set_meeting (item, meeting);
}

static gpointer
new_item (guint position, gpointer data)
{
  SyncData *sync = data;
  const GsScenario *s = g_ptr_array_index (sync->all, position + 1);
  GsScenarioItem *item = gs_scenario_item_new (s->name);
  sync_item (item, position, data);
  return item;
}

static void
refresh_odds (GsScenarioList *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)); i++)
    {
      g_autoptr (GsScenarioItem) item = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);
      g_autofree char *text = odds_text (self, gs_scenario_item_get_name (item));
      gs_scenario_item_set_odds (item, text);
    }
}

void
gs_scenario_list_update (GsScenarioList *self, GsPlan *plan)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autofree const char **names = NULL;
  guint pending = 0;

  g_set_object (&self->plan, plan);
  all = plan ? gs_scenarios_read (gs_plan_peek_root (plan), NULL) : NULL;
  if (all == NULL)
    {
      g_list_store_remove_all (self->scenarios);
      gtk_widget_set_visible (self->empty, TRUE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }
  names = g_new0 (const char *, all->len);
  for (guint i = 1; i < all->len; i++)
    names[i - 1] = ((const GsScenario *) g_ptr_array_index (all, i))->name;
  /* A scenario renamed or deleted is a new key: its row is made again. */
  gs_list_sync (self->scenarios, names, all->len - 1, (GsListKeyFunc) gs_scenario_item_get_name,
                new_item, sync_item, &(SyncData){ all, plan });
  refresh_odds (self);
  gtk_widget_set_visible (self->empty, all->len == 1);
  gtk_widget_set_visible (self->list, all->len > 1);
  pending = gs_scenario_pending_changes (plan);
  gtk_widget_set_sensitive (self->save_button, pending > 0);
}

void
gs_scenario_list_set_odds (GsScenarioList *self, const GsScenarioOdds *odds)
{
  g_clear_pointer (&self->odds, gs_scenario_odds_free);
  if (odds)
    {
      self->odds = g_new0 (GsScenarioOdds, 1);
      self->odds->n_scenarios = odds->n_scenarios;
      self->odds->names = g_strdupv (odds->names);
      self->odds->p_hit = g_memdup2 (odds->p_hit, sizeof (double) * odds->n_scenarios);
    }
  refresh_odds (self);
}

GListModel *
gs_scenario_list_get_scenarios (GsScenarioList *self)
{
  return G_LIST_MODEL (self->scenarios);
}

const char *
gs_scenario_list_get_message (GsScenarioList *self)
{
  return gtk_widget_get_visible (self->message) ? gtk_label_get_text (GTK_LABEL (self->message))
                                                : NULL;
}

/* Dialogs ---------------------------------------------------------------- */

/* A dialog asking for a name, the entry focused with text selected. */
static AdwMessageDialog *
name_dialog (GsScenarioList *self, const char *heading, const char *body, const char *text,
             const char *action, const char *action_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Scenario name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), action, action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, action, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, action);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

static const char *
dialog_text (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "entry")));
}

static void
on_save_response (AdwMessageDialog *dialog, const char *response, GsScenarioList *self)
{
  g_autoptr (GError) error = NULL;
  if (g_strcmp0 (response, "save") != 0 || self->plan == NULL)
    return;
  report (self, gs_scenario_save_changes (self->plan, dialog_text (dialog), NULL, &error), &error);
}

void
gs_scenario_list_save_changes (GsScenarioList *self)
{
  g_autofree char *name = NULL, *body = NULL;
  guint n;
  AdwMessageDialog *dialog;

  if (self->plan == NULL)
    return;
  n = gs_scenario_pending_changes (self->plan);
  if (n == 0)
    {
      g_autoptr (GError) error = NULL;
      report (self, gs_scenario_save_changes (self->plan, "-", NULL, &error), &error);
      return;
    }
  name = gs_scenario_free_name (self->plan);
  body = g_strdup_printf (g_dngettext (NULL,
                                       "The input changed since the plan was saved becomes a "
                                       "scenario, and the plan goes back to what was saved.",
                                       "The %u inputs changed since the plan was saved become a "
                                       "scenario, and the plan goes back to what was saved.",
                                       n),
                          n);
  dialog = name_dialog (self, _ ("Save Changes as Scenario"), body, name, "save", _ ("_Save"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
}

static void
on_rename_response (AdwMessageDialog *dialog, const char *response, GsScenarioList *self)
{
  g_autoptr (GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  if (g_strcmp0 (response, "rename") != 0 || self->plan == NULL)
    return;
  report (self, gs_scenario_rename (self->plan, name, dialog_text (dialog), &error), &error);
}

void
gs_scenario_list_rename (GsScenarioList *self, const char *name)
{
  g_autofree char *heading = g_strdup_printf (_ ("Rename Scenario “%s”"), name);
  AdwMessageDialog *dialog = name_dialog (self, heading, NULL, name, "rename", _ ("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, GsScenarioList *self)
{
  g_autoptr (GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  if (g_strcmp0 (response, "delete") != 0 || self->plan == NULL)
    return;
  report (self, gs_scenario_delete (self->plan, name, &error), &error);
}

void
gs_scenario_list_delete (GsScenarioList *self, const char *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_ ("Delete Scenario “%s”?"), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                              _ ("Its changes go with it; Undo brings the scenario back.")));

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gs_scenario_list_apply (GsScenarioList *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  if (self->plan == NULL)
    return;
  report (self, gs_scenario_apply_to_plan (self->plan, name, &error), &error);
}

/* Widget ----------------------------------------------------------------- */

static void
on_save_clicked (GtkButton *b, GsScenarioList *self)
{
  gs_scenario_list_save_changes (self);
}

static void
gs_scenario_list_dispose (GObject *object)
{
  GsScenarioList *self = GS_SCENARIO_LIST (object);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->scenarios);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->odds, gs_scenario_odds_free);
  G_OBJECT_CLASS (gs_scenario_list_parent_class)->dispose (object);
}

static void
gs_scenario_list_class_init (GsScenarioListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_scenario_list_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
gs_scenario_list_init (GsScenarioList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_ ("Scenarios"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  self->save_button = gtk_button_new_with_mnemonic (_ ("Save Changes as _Scenario…"));
  gtk_widget_set_tooltip_text (self->save_button,
                               _ ("Keep the changes since the last save as a scenario and put "
                                  "the plan back to what was saved"));
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (header), self->save_button);
  gtk_box_append (GTK_BOX (self->box), header);

  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->message);

  self->empty = gtk_label_new (
      _ ("No scenarios yet. Change figures on any page, then Save Changes as Scenario keeps "
         "them as a scenario and puts the plan back to what was saved."));
  gtk_label_set_xalign (GTK_LABEL (self->empty), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty);

  self->scenarios = g_list_store_new (GS_TYPE_SCENARIO_ITEM);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->scenarios), create_row,
                           self, NULL);
  gtk_widget_set_visible (self->list, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->list);
}

GtkWidget *
gs_scenario_list_new (void)
{
  return g_object_new (GS_TYPE_SCENARIO_LIST, NULL);
}
