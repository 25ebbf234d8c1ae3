/* gs-agreements-box.c — the MQL/SQL definitions, the SLA, and the sign-offs.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-agreements-box.h"
#include "gs-field.h"
#include "gs-format.h"
#include "gs-list-sync.h"
#include "gs-meeting.h"
#include "gs-signoff-item.h"

#include <glib/gi18n.h>

struct _GsAgreementsBox
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *terms_grid;
  GtkWidget *signoff_box;
  GtkWidget *signoff_list; /* GtkFlowBox bound to signoffs */
  GtkWidget *no_signoffs;
  GListStore *signoffs; /* GsSignoffItem, one per role */
  GsPlan *plan;
};

G_DEFINE_FINAL_TYPE (GsAgreementsBox, gs_agreements_box, GTK_TYPE_WIDGET)

static void
gs_agreements_box_dispose (GObject *object)
{
  GsAgreementsBox *self = GS_AGREEMENTS_BOX (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_AGREEMENTS_BOX);
  g_clear_object (&self->plan);
  g_clear_object (&self->signoffs);
  G_OBJECT_CLASS (gs_agreements_box_parent_class)->dispose (object);
}

static void
gs_agreements_box_class_init (GsAgreementsBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_agreements_box_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/targets/gs-agreements-box.ui");
  gtk_widget_class_bind_template_child (widget_class, GsAgreementsBox, box);
  gtk_widget_class_bind_template_child (widget_class, GsAgreementsBox, terms_grid);
  gtk_widget_class_bind_template_child (widget_class, GsAgreementsBox, signoff_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
create_chip (gpointer item, gpointer data);

static void
gs_agreements_box_init (GsAgreementsBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signoffs = g_list_store_new (GS_TYPE_SIGNOFF_ITEM);
  self->signoff_list = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->signoff_list), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->signoff_list), 18);
  gtk_widget_set_halign (self->signoff_list, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->signoff_list, "plain-flow");
  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->signoff_list), G_LIST_MODEL (self->signoffs),
                           create_chip, self, NULL);
  gtk_box_append (GTK_BOX (self->signoff_box), self->signoff_list);
  self->no_signoffs = gtk_label_new (_ ("No sign-offs are asked for in this plan."));
  gtk_widget_add_css_class (self->no_signoffs, "dim-label");
  gtk_widget_set_visible (self->no_signoffs, FALSE);
  gtk_box_append (GTK_BOX (self->signoff_box), self->no_signoffs);
}

GtkWidget *
gs_agreements_box_new (void)
{
  return g_object_new (GS_TYPE_AGREEMENTS_BOX, NULL);
}

static const char *
role_title (const char *role)
{
  if (g_strcmp0 (role, "vp_marketing") == 0)
    return _ ("VP Marketing");
  if (g_strcmp0 (role, "vp_sales") == 0)
    return _ ("VP Sales");
  if (g_strcmp0 (role, "ceo") == 0)
    return _ ("CEO");
  return role;
}

static void
clear (GtkWidget *box)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (box)))
    gtk_widget_unparent (child);
}

static void
add_term (GsAgreementsBox *self, int row, int col, const char *title, const char *path,
          GsFieldKind kind, const char *unit, int width)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *field = gs_field_new (self->plan, path, kind, unit, title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  if (width)
    gs_field_set_width (GS_FIELD (field), width);
  gtk_widget_set_hexpand (field, width > 20);
  gtk_grid_attach (GTK_GRID (self->terms_grid), label, col, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->terms_grid), field, col + 1, row, width > 20 ? 5 : 1, 1);
}

void
gs_agreements_box_set_plan (GsAgreementsBox *self, GsPlan *plan)
{
  g_set_object (&self->plan, plan);
  /* Chips hold entries of the plan they were made for. */
  g_list_store_remove_all (self->signoffs);
  clear (self->terms_grid);
  add_term (self, 0, 0, _ ("MQL means"), "agreements.mql_definition", GS_FIELD_KIND_TEXT, NULL, 60);
  add_term (self, 1, 0, _ ("SQL means"), "agreements.sql_definition", GS_FIELD_KIND_TEXT, NULL, 60);
  add_term (self, 2, 0, _ ("Lead score ≥"), "agreements.lead_score_threshold", GS_FIELD_KIND_NUMBER,
            NULL, 0);
  add_term (self, 2, 2, _ ("Follow-up SLA"), "agreements.followup_sla_hours", GS_FIELD_KIND_NUMBER,
            _ ("h"), 0);
  add_term (self, 2, 4, _ ("Accepted or rejected within SLA"), "agreements.acceptance_rate",
            GS_FIELD_KIND_PERCENT, "%", 0);
  gs_agreements_box_update (self);
}

gboolean
gs_agreements_box_sign (GsAgreementsBox *self, const char *role, const char *name, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  return gs_meeting_sign (self->plan, role, name, name && *name ? date : "", error);
}

static void
on_sign (GtkWidget *button, GsAgreementsBox *self)
{
  const char *role = g_object_get_data (G_OBJECT (button), "role");
  GtkWidget *entry = g_object_get_data (G_OBJECT (button), "entry");
  GtkWidget *error_label = g_object_get_data (G_OBJECT (button), "error");
  const char *again = g_object_get_data (G_OBJECT (button), "again");
  const char *name = entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : again ? again : "";
  g_autoptr (GError) error = NULL;

  if (entry && *name == '\0')
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_label_set_text (GTK_LABEL (error_label), _ ("Type the name of the person signing"));
      gtk_widget_set_visible (error_label, TRUE);
      return;
    }
  if (!gs_agreements_box_sign (self, role, name, &error))
    {
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
    }
}

static void
on_entry_activate (GtkEntry *entry, GtkWidget *button)
{
  gtk_widget_activate (button);
}

/* The plan moved after this signature: say so where the signature is, and
 * offer to sign what is on screen now. */
static void
changed_since_signed (GsAgreementsBox *self, GtkWidget *box, GsSignoffItem *s, GtkWidget *error)
{
  GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (_ ("Changed since signed"));
  GtkWidget *again = gtk_button_new_with_mnemonic (_ ("Sign _Again"));
  g_autofree char *a11y
      = g_strdup_printf (_ ("Sign again as %s"), role_title (gs_signoff_item_get_role (s)));

  gtk_widget_add_css_class (mark, "warning");
  gtk_widget_set_tooltip_text (mark, _ ("An input changed after this signature: the plan on "
                                        "screen is not the one signed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Warning"), -1);
  gtk_box_append (GTK_BOX (mark), icon);
  gtk_box_append (GTK_BOX (mark), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_accessible_update_property (GTK_ACCESSIBLE (again), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (again), "role", g_strdup (gs_signoff_item_get_role (s)),
                          g_free);
  g_object_set_data_full (G_OBJECT (again), "again", g_strdup (gs_signoff_item_get_name (s)),
                          g_free);
  g_object_set_data (G_OBJECT (again), "error", error);
  g_signal_connect (again, "clicked", G_CALLBACK (on_sign), self);
  gtk_box_append (GTK_BOX (box), again);
}

static GtkWidget *
signoff_chip (GsAgreementsBox *self, GsSignoffItem *s)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *role_id = gs_signoff_item_get_role (s);
  GtkWidget *role = gtk_label_new (role_title (role_id));
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *button;

  gtk_widget_add_css_class (role, "heading");
  gtk_box_append (GTK_BOX (box), role);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  if (gs_signoff_item_get_signed (s))
    {
      g_autofree char *date = gs_format_date (gs_signoff_item_get_date (s));
      g_autofree char *text = NULL;
      g_autofree char *a11y = NULL;
      GtkWidget *label;
      text = g_strdup_printf ("%s ✓ %s", gs_signoff_item_get_name (s), date);
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, gs_signoff_item_get_changed (s) ? "dim-label" : "success");
      gtk_box_append (GTK_BOX (box), label);
      if (gs_signoff_item_get_changed (s))
        changed_since_signed (self, box, s, error);
      button = gtk_button_new_with_label (_ ("Withdraw"));
      a11y = g_strdup_printf (_ ("Withdraw the sign-off of %s"), role_title (role_id));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      gtk_widget_add_css_class (button, "flat");
    }
  else
    {
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *a11y = g_strdup_printf (_ ("Name of the %s signing"), role_title (role_id));
      g_autofree char *sign = g_strdup_printf (_ ("Sign as %s"), role_title (role_id));
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Name"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      gtk_box_append (GTK_BOX (box), entry);
      button = gtk_button_new_with_mnemonic (_ ("_Sign"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, sign,
                                      -1);
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "entry", entry);
      g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), button);
    }
  g_object_set_data_full (G_OBJECT (button), "role", g_strdup (role_id), g_free);
  g_object_set_data (G_OBJECT (button), "error", error);
  g_signal_connect (button, "clicked", G_CALLBACK (on_sign), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), error);
  return box;
}

static void
on_chip_changed (GsSignoffItem *item, GtkFlowBoxChild *child)
{
  GsAgreementsBox *self = g_object_get_data (G_OBJECT (child), "box");
  gtk_flow_box_child_set_child (child, signoff_chip (self, item));
}

/* Only the chip of a role whose sign-off changed is made again. */
static GtkWidget *
create_chip (gpointer item, gpointer data)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  gtk_widget_set_focusable (child, FALSE);
  g_object_set_data (G_OBJECT (child), "box", data);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), signoff_chip (data, item));
  g_signal_connect_object (item, "changed", G_CALLBACK (on_chip_changed), child, 0);
  return child;
}

static const char *
signoff_role (gpointer item)
{
  return gs_signoff_item_get_role (item);
}

static gpointer
signoff_new (guint i, gpointer m)
{
  return gs_signoff_item_new (&((const GsModel *) m)->agreements.signoffs[i]);
}

static void
signoff_sync (gpointer item, guint i, gpointer m)
{
  gs_signoff_item_sync (item, &((const GsModel *) m)->agreements.signoffs[i]);
}

void
gs_agreements_box_update (GsAgreementsBox *self)
{
  const GsModel *m;
  g_autofree const char **roles = NULL;

  if (self->plan == NULL)
    return;
  m = gs_plan_get_model (self->plan);
  roles = g_new (const char *, m->agreements.n_signoffs + 1);
  for (guint i = 0; i < m->agreements.n_signoffs; i++)
    roles[i] = m->agreements.signoffs[i].role;
  gs_list_sync (self->signoffs, roles, m->agreements.n_signoffs, signoff_role, signoff_new,
                signoff_sync, (gpointer) m);
  gtk_widget_set_visible (self->no_signoffs, m->agreements.n_signoffs == 0);
  /* One line of chips, as many as there are roles. */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->signoff_list),
                                          MAX (1, m->agreements.n_signoffs));
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->signoff_list),
                                          MAX (1, m->agreements.n_signoffs));
}

GListModel *
gs_agreements_box_get_signoffs (GsAgreementsBox *self)
{
  return G_LIST_MODEL (self->signoffs);
}
