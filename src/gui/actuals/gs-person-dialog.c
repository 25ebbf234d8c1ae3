/* gs-person-dialog.c — a person added to the roster by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-person-dialog.h"
#include "gs-comp.h"
#include "gs-error.h"
#include "gs-gui-format.h"
#include "gs-roster-edits.h"
#include "gs-roster.h"

#include <glib/gi18n.h>

typedef struct
{
  GsPlan *plan;
  GtkWidget *name;
  GtkWidget *email;
  GtkWidget *role;
  GtkWidget *quota;
  GtkWidget *message;
  char **role_ids;
} PersonDialog;

static void
person_dialog_free (gpointer data)
{
  PersonDialog *d = data;
  g_clear_object (&d->plan);
  g_strfreev (d->role_ids);
  g_free (d);
}

static PersonDialog *
get (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "person-dialog");
}

/* The quota typed, in minor units; 0 when empty. */
static gboolean
read_quota (PersonDialog *d, GsMoney *out, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (d->quota));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *norm = NULL;
  *out = 0;
  if (*trimmed == '\0')
    return TRUE;
  norm = gs_format_normalize_number (trimmed);
  if (norm == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("“%s” is not an amount"), text);
      return FALSE;
    }
  if (!gs_money_parse (norm, gs_plan_get_model (d->plan)->company.digits, out, error))
    return FALSE;
  if (*out < 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("a quota cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

/* The engine's checks on what is typed: the first refusal, or NULL. */
static char *
check (PersonDialog *d)
{
  const GsActualsData *a = gs_plan_get_model (d->plan)->actuals;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL, *email = NULL;
  GsMoney quota;
  gboolean ok;

  name = gs_roster_check_name (a, gtk_editable_get_text (GTK_EDITABLE (d->name)), -1, &error);
  if (name == NULL)
    return g_strdup (error->message);
  email
      = gs_roster_check_email (a, gtk_editable_get_text (GTK_EDITABLE (d->email)), -1, &ok, &error);
  if (!ok || !read_quota (d, &quota, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
validate (AdwMessageDialog *dialog)
{
  PersonDialog *d = get (dialog);
  g_autofree char *message = check (d);
  /* An empty name is not an error yet: Add is off, no message. */
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (d->name)) == '\0';
  gtk_label_set_text (GTK_LABEL (d->message), message && !empty ? message : "");
  gtk_widget_set_visible (d->message, message && !empty);
  adw_message_dialog_set_response_enabled (dialog, "add", message == NULL);
  if (message && !empty)
    gtk_accessible_update_property (GTK_ACCESSIBLE (d->name), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (d->name), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static const char *
role_id (PersonDialog *d)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (d->role));
  return i == GTK_INVALID_LIST_POSITION ? NULL : d->role_ids[i];
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  PersonDialog *d = get (dialog);
  g_autoptr (GError) error = NULL;
  GsNewPerson p = { 0 };

  if (g_strcmp0 (response, "add") != 0)
    return;
  p.name = gtk_editable_get_text (GTK_EDITABLE (d->name));
  p.email = gtk_editable_get_text (GTK_EDITABLE (d->email));
  p.role = role_id (d);
  if (!read_quota (d, &p.quota, &error) || !gs_plan_add_person (d->plan, &p, NULL, &error))
    /* Checked on every keystroke, so only a plan changed meanwhile gets here. */
    g_warning ("%s", error->message);
}

/* The compensation plan's roles (or the mapping's owner role when the plan
 * pays nobody), the owner role first chosen. */
static GtkWidget *
role_dropdown (PersonDialog *d)
{
  const GsModel *m = gs_plan_get_model (d->plan);
  const GsCompModel *comp = gs_plan_get_comp (d->plan, NULL);
  const char *owner = m->actuals ? m->actuals->mapping.owner_role : "ae";
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  guint selected = 0;
  GtkWidget *dropdown;

  for (guint r = 0; comp && r < comp->n_roles; r++)
    {
      if (g_strcmp0 (comp->roles[r].id, owner) == 0)
        selected = labels->len;
      g_ptr_array_add (labels, comp->roles[r].name);
      g_ptr_array_add (ids, comp->roles[r].id);
    }
  if (ids->len == 0)
    {
      g_ptr_array_add (labels, (gpointer) owner);
      g_ptr_array_add (ids, (gpointer) owner);
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (ids, NULL);
  dropdown = gtk_drop_down_new_from_strings ((const char *const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  d->role_ids = g_strdupv ((char **) ids->pdata);
  return dropdown;
}

static GtkWidget *
labelled (GtkWidget *grid, int row, const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return widget;
}

static GtkWidget *
entry (AdwMessageDialog *dialog, const char *placeholder)
{
  GtkWidget *e = gtk_entry_new ();
  if (placeholder)
    gtk_entry_set_placeholder_text (GTK_ENTRY (e), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (e), TRUE);
  g_signal_connect_swapped (e, "changed", G_CALLBACK (validate), dialog);
  return e;
}

AdwMessageDialog *
gs_person_dialog_present (GtkWidget *parent, GsPlan *plan)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Add Person"),
      _ ("A person on the roster before the CRM names them: their deals will be credited to them "
         "when an import matches their name or e-mail.")));
  PersonDialog *d = g_new0 (PersonDialog, 1);
  GtkWidget *grid = gtk_grid_new ();

  d->plan = g_object_ref (plan);
  g_object_set_data_full (G_OBJECT (dialog), "person-dialog", d, person_dialog_free);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  d->name = labelled (grid, 0, _ ("_Name"), entry (dialog, NULL));
  d->email = labelled (grid, 1, _ ("_E-mail"), entry (dialog, _ ("Optional")));
  d->role = labelled (grid, 2, _ ("_Role"), role_dropdown (d));
  d->quota = labelled (grid, 3, _ ("Annual _quota"),
                       entry (dialog, _ ("Optional: the role's quota when empty")));
  d->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (d->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->message), 0);
  gtk_widget_add_css_class (d->message, "error");
  gtk_widget_set_visible (d->message, FALSE);
  gtk_grid_attach (GTK_GRID (grid), d->message, 0, 4, 2, 1);

  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "add", _ ("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  validate (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->name);
  return dialog;
}

const char *
gs_person_dialog_get_message (AdwMessageDialog *dialog)
{
  PersonDialog *d = get (dialog);
  return adw_message_dialog_get_response_enabled (dialog, "add")
             ? NULL
             : gtk_label_get_text (GTK_LABEL (d->message));
}

void
gs_person_dialog_fill (AdwMessageDialog *dialog, const char *name, const char *email,
                       const char *role, const char *quota)
{
  PersonDialog *d = get (dialog);
  if (name)
    gtk_editable_set_text (GTK_EDITABLE (d->name), name);
  if (email)
    gtk_editable_set_text (GTK_EDITABLE (d->email), email);
  if (quota)
    gtk_editable_set_text (GTK_EDITABLE (d->quota), quota);
  for (guint i = 0; role && d->role_ids[i]; i++)
    if (g_strcmp0 (d->role_ids[i], role) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (d->role), i);
}
