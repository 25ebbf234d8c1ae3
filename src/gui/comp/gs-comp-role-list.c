/* gs-comp-role-list.c — the Compensation page's list of roles.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-role-list.h"
#include "gs-comp-role-item.h"

#include <glib/gi18n.h>

struct _GsCompRoleList
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *add_button, *duplicate_button, *up_button, *down_button, *remove_button;
  GListStore *roles; /* of GsCompRoleItem */
  guint selected;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GsCompRoleList, gs_comp_role_list, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_marketing (GsCompRoleItem *item, GParamSpec *pspec, GtkWidget *detail)
{
  gboolean marketing = gs_comp_role_item_get_marketing (item);
  gtk_widget_remove_css_class (detail, marketing ? "side-sales-text" : "side-marketing-text");
  gtk_widget_add_css_class (detail, marketing ? "side-marketing-text" : "side-sales-text");
}

static GtkWidget *
create_row (gpointer object, gpointer data)
{
  GsCompRoleItem *item = object;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  g_object_bind_property (item, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "detail", detail, "label", G_BINDING_SYNC_CREATE);
  on_marketing (item, NULL, detail);
  g_signal_connect_object (item, "notify::marketing", G_CALLBACK (on_marketing), detail, 0);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static void
select_row (GsCompRoleList *self)
{
  GtkListBoxRow *row
      = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) self->selected);
  self->updating = TRUE;
  if (row && gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list)) != row)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  self->updating = FALSE;
}

void
gs_comp_role_list_set_selected (GsCompRoleList *self, guint index)
{
  if (self->selected != index)
    {
      self->selected = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  select_row (self);
}

guint
gs_comp_role_list_get_selected (GsCompRoleList *self)
{
  return self->selected;
}

GListModel *
gs_comp_role_list_get_model (GsCompRoleList *self)
{
  return G_LIST_MODEL (self->roles);
}

void
gs_comp_role_list_set_roles (GsCompRoleList *self, const GsCompModel *comp)
{
  guint n = comp ? comp->n_roles : 0;
  guint have = g_list_model_get_n_items (G_LIST_MODEL (self->roles));

  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GsCompRoleItem) item
          = i < have ? g_list_model_get_item (G_LIST_MODEL (self->roles), i) : NULL;
      if (item && g_strcmp0 (gs_comp_role_item_get_id (item), comp->roles[i].id) == 0)
        gs_comp_role_item_update (item, &comp->roles[i]);
      else
        {
          g_autoptr (GsCompRoleItem) fresh = gs_comp_role_item_new (&comp->roles[i]);
          g_list_store_splice (self->roles, i, item ? 1 : 0, (gpointer *) &fresh, 1);
        }
    }
  if (have > n)
    g_list_store_splice (self->roles, n, have - n, NULL, 0);
  self->updating = FALSE;
  gs_comp_role_list_set_selected (self, self->selected < n ? self->selected : 0);
}

static void
name_button (GtkWidget *button, char *text)
{
  /* Named again only when the role's name changed: setting a tooltip costs
   * a markup parse and an accessible update on every edit otherwise. */
  const char *old = gtk_widget_get_tooltip_text (button);
  if (g_strcmp0 (old, text) != 0)
    {
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
  g_free (text);
}

void
gs_comp_role_list_name_actions (GsCompRoleList *self, const char *role)
{
  if (role == NULL)
    return;
  name_button (self->duplicate_button, g_strdup_printf (_ ("Duplicate %s"), role));
  name_button (self->up_button, g_strdup_printf (_ ("Move %s up"), role));
  name_button (self->down_button, g_strdup_printf (_ ("Move %s down"), role));
  name_button (self->remove_button, g_strdup_printf (_ ("Remove %s"), role));
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, GsCompRoleList *self)
{
  if (self->updating || row == NULL)
    return;
  gs_comp_role_list_set_selected (self, (guint) gtk_list_box_row_get_index (row));
}

static void
gs_comp_role_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsCompRoleList *self = GS_COMP_ROLE_LIST (object);
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_comp_role_list_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  GsCompRoleList *self = GS_COMP_ROLE_LIST (object);
  switch (prop_id)
    {
    case PROP_SELECTED:
      gs_comp_role_list_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_comp_role_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_ROLE_LIST);
  G_OBJECT_CLASS (gs_comp_role_list_parent_class)->dispose (object);
}

static void
gs_comp_role_list_finalize (GObject *object)
{
  GsCompRoleList *self = GS_COMP_ROLE_LIST (object);
  g_object_unref (self->roles);
  G_OBJECT_CLASS (gs_comp_role_list_parent_class)->finalize (object);
}

static void
gs_comp_role_list_class_init (GsCompRoleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_comp_role_list_dispose;
  object_class->finalize = gs_comp_role_list_finalize;
  object_class->get_property = gs_comp_role_list_get_property;
  object_class->set_property = gs_comp_role_list_set_property;
  properties[PROP_SELECTED]
      = g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/comp/gs-comp-role-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, box);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, list);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, add_button);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, up_button);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, down_button);
  gtk_widget_class_bind_template_child (widget_class, GsCompRoleList, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_role_list_init (GsCompRoleList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->roles = g_list_store_new (GS_TYPE_COMP_ROLE_ITEM);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->roles), create_row, self,
                           NULL);
}
