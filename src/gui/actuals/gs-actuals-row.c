/* gs-actuals-row.c — the rows of the Actuals page's lists.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-row.h"
#include "gs-actuals-edits.h"
#include "gs-comp.h"
#include "gs-field.h"
#include "gs-roster-edits.h"
#include "gs-roster.h"

#include <glib/gi18n.h>

GsActualsRows *
gs_actuals_rows_new (void)
{
  GsActualsRows *rows = g_new0 (GsActualsRows, 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows->columns); i++)
    rows->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  return rows;
}

void
gs_actuals_rows_free (gpointer data)
{
  GsActualsRows *rows = data;
  for (guint i = 0; i < G_N_ELEMENTS (rows->columns); i++)
    g_object_unref (rows->columns[i]);
  g_free (rows);
}

static GtkWidget *
figure_label (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

typedef void (*AddFunc) (GtkWidget *row, GtkWidget *widget);

static void
add_suffix (GtkWidget *row, GtkWidget *widget)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
}

static void
add_action (GtkWidget *row, GtkWidget *widget)
{
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
}

/* The figures and the pace, right-aligned in the list's columns. */
static gboolean
add_figures (GtkWidget *row, AddFunc add, GsActualsLine *line, GsActualsRows *rows)
{
  const char *planned = gs_actuals_line_get_planned (line);
  const char *actual = gs_actuals_line_get_actual (line);
  const char *share = gs_actuals_line_get_share (line);
  GsPace pace = gs_actuals_line_get_pace (line);

  if (planned)
    {
      /* Translators: a planned figure beside its actual ("planned 1,240"). */
      g_autofree char *text = g_strdup_printf (_ ("planned %s"), planned);
      GtkWidget *label = figure_label (text, "dim-label");
      gtk_size_group_add_widget (rows->columns[0], label);
      add (row, label);
    }
  if (actual)
    {
      GtkWidget *label = figure_label (actual, "heading");
      gtk_size_group_add_widget (rows->columns[1], label);
      add (row, label);
    }
  {
    /* Meeting mode: the change since the agreed baseline, coloured by the
     * engine's verdict (good, bad, neutral). */
    const char *css = NULL;
    const char *delta = gs_actuals_line_get_delta (line, &css);
    if (gs_actuals_line_has_delta (line))
      {
        GtkWidget *label = figure_label (delta ? delta : "", "delta");
        if (css)
          gtk_widget_add_css_class (label, css);
        gtk_size_group_add_widget (rows->columns[2], label);
        add (row, label);
      }
  }
  if (share)
    {
      GtkWidget *label = figure_label (share, NULL);
      gtk_size_group_add_widget (rows->columns[3], label);
      add (row, label);
    }
  if (planned || share || actual)
    {
      /* The pace in words as well as colour; a figure with no planned one
       * beside it (pipeline coverage against the coverage needed) too. */
      GtkWidget *label = gtk_label_new (gs_pace_label (pace));
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "pace");
      gtk_widget_add_css_class (label, gs_pace_css_class (pace));
      gtk_size_group_add_widget (rows->columns[4], label);
      add (row, label);
      return TRUE;
    }
  return FALSE;
}

/* Roster editing ----------------------------------------------------------- */

static gboolean
apply_name (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  return gs_plan_set_person_name (plan, GPOINTER_TO_UINT (data), text, error);
}

static gboolean
apply_email (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  return gs_plan_set_person_email (plan, GPOINTER_TO_UINT (data), text, error);
}

static gboolean
apply_quota (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  return gs_plan_set_person_quota (plan, GPOINTER_TO_UINT (data), (GsMoney) number, error);
}

static void
on_role (GtkDropDown *dropdown, GParamSpec *pspec, GsPlan *plan)
{
  char **ids = g_object_get_data (G_OBJECT (dropdown), "ids");
  guint person = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "person"));
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;
  if (i == GTK_INVALID_LIST_POSITION || ids == NULL || ids[i] == NULL)
    return;
  /* A refused role leaves the plan as it was; the row shows the role held. */
  if (!gs_plan_set_person_role (plan, person, ids[i], &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
field_row (const char *title, const char *subtitle, GtkWidget *widget)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  return row;
}

/* The roles a person can be on: the compensation plan's, and the one held. */
static GtkWidget *
role_dropdown (GsPlan *plan, guint person, const char *held)
{
  const GsCompModel *comp = gs_plan_get_comp (plan, NULL);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  guint selected = 0;
  gboolean found = FALSE;
  GtkWidget *dropdown;

  for (guint r = 0; comp && r < comp->n_roles; r++)
    {
      if (g_strcmp0 (comp->roles[r].id, held) == 0)
        {
          selected = labels->len;
          found = TRUE;
        }
      g_ptr_array_add (labels, comp->roles[r].name);
      g_ptr_array_add (ids, comp->roles[r].id);
    }
  if (!found && held)
    {
      selected = labels->len;
      g_ptr_array_add (labels, (gpointer) held);
      g_ptr_array_add (ids, (gpointer) held);
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (ids, NULL);
  dropdown = gtk_drop_down_new_from_strings ((const char *const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data_full (G_OBJECT (dropdown), "ids", g_strdupv ((char **) ids->pdata),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (dropdown), "person", GUINT_TO_POINTER (person));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role), plan, 0);
  return dropdown;
}

static void
on_remove_response (AdwMessageDialog *dialog, const char *response, GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  guint person = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "person"));
  if (g_strcmp0 (response, "remove") != 0)
    return;
  /* The button is offered only for people no record names. */
  if (!gs_plan_remove_person (plan, person, &error))
    g_warning ("%s", error->message);
}

static void
on_remove_clicked (GtkButton *button, GsPlan *plan)
{
  guint person = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "person"));
  const GsActualsData *a = gs_plan_get_model (plan)->actuals;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (a == NULL || person >= a->n_people)
    return;
  /* Translators: %s is a person's name. */
  heading = g_strdup_printf (_ ("Remove %s from the Roster?"), a->people[person].name);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                              _ ("No deal, lead or dispute note names them. Undo brings them "
                                 "back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "remove", _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "person", GUINT_TO_POINTER (person));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), plan, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Remove…, offered only for a person no record names (the engine refuses
 * the others; the row says why instead). */
static GtkWidget *
remove_row (GsPlan *plan, guint person)
{
  const GsActualsData *a = gs_plan_get_model (plan)->actuals;
  guint records = gs_roster_person_records (a, person);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Remove…"));
  g_autofree char *subtitle
      = records ? g_strdup_printf (
            /* Translators: how many records of the actuals name the person. */
            ngettext ("Named on %u record of the actuals: it keeps them on the roster",
                      "Named on %u records of the actuals: they keep them on the roster", records),
            records)
                : NULL;
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_sensitive (button, records == 0);
  g_object_set_data (G_OBJECT (button), "person", GUINT_TO_POINTER (person));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), plan, 0);
  return field_row (_ ("Remove from the roster"), subtitle, button);
}

static GtkWidget *
roster_row (GsActualsLine *line, GsActualsRows *rows)
{
  guint person = (guint) gs_actuals_line_get_person (line);
  const GsModel *m = gs_plan_get_model (rows->plan);
  const GsPerson *p = &m->actuals->people[person];
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *name_path = g_strdup_printf ("actuals.people[%u].name", person);
  g_autofree char *quota_path = g_strdup_printf ("actuals.people[%u].quota", person);
  g_autofree char *email_path = g_strdup_printf ("actuals.people[%u].email", person);
  GtkWidget *name = gs_field_new (rows->plan, name_path, GS_FIELD_KIND_TEXT, NULL, NULL);
  GtkWidget *email = gs_field_new (rows->plan, email_path, GS_FIELD_KIND_TEXT, NULL, NULL);
  GtkWidget *quota
      = gs_field_new (rows->plan, quota_path, GS_FIELD_KIND_MONEY, m->company.currency, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gs_actuals_line_get_title (line));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), gs_actuals_line_get_subtitle (line));
  add_figures (row, add_action, line, rows);
  gs_field_set_apply (GS_FIELD (name), apply_name, GUINT_TO_POINTER (person), NULL);
  gs_field_set_apply (GS_FIELD (email), apply_email, GUINT_TO_POINTER (person), NULL);
  gs_field_set_apply (GS_FIELD (quota), apply_quota, GUINT_TO_POINTER (person), NULL);
  gs_field_set_width (GS_FIELD (email), 24);
  gs_field_set_width (GS_FIELD (name), 24);
  gs_field_set_width (GS_FIELD (quota), 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field_row (_ ("Name"), NULL, name));
  adw_expander_row_add_row (
      ADW_EXPANDER_ROW (row),
      field_row (_ ("E-mail"), _ ("Matches the CRM's owner cells too"), email));
  adw_expander_row_add_row (
      ADW_EXPANDER_ROW (row),
      field_row (_ ("Role"), NULL, role_dropdown (rows->plan, person, p->role)));
  adw_expander_row_add_row (
      ADW_EXPANDER_ROW (row),
      field_row (_ ("Annual quota"), _ ("Empty or 0: the role's quota"), quota));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (rows->plan, person));
  return row;
}

GtkWidget *
gs_actuals_row_new (gpointer item, gpointer user_data)
{
  GsActualsLine *line = item;
  GsActualsRows *rows = user_data;
  GtkWidget *row;

  if (gs_actuals_line_get_person (line) >= 0 && rows->plan)
    return roster_row (line, rows);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gs_actuals_line_get_title (line));
  if (gs_actuals_line_get_subtitle (line))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gs_actuals_line_get_subtitle (line));
  if (!add_figures (row, add_suffix, line, rows) && gs_actuals_line_get_pace (line) != GS_PACE_ON)
    {
      /* A sentence about falling behind: the leak, highlighted.  A line with
       * a figure says its pace beside it and is never drawn as a leak. */
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, gs_pace_css_class (gs_actuals_line_get_pace (line)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "leak");
    }
  return row;
}
