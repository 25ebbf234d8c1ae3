/* gs-comp-page.c — the Compensation page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _GsCompPage
{
  GtkWidget parent_instance;
  GtkWidget *status;
  GtkWidget *role_list;
};

G_DEFINE_FINAL_TYPE (GsCompPage, gs_comp_page, GTK_TYPE_WIDGET)

static void
gs_comp_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PAGE);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->dispose (object);
}

static void
gs_comp_page_class_init (GsCompPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_comp_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/gs-comp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, status);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_page_init (GsCompPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gs_comp_page_new (void)
{
  return g_object_new (GS_TYPE_COMP_PAGE, NULL);
}

/* Lists the roles named in the plan's compensation section; the figures
 * (payouts, traces) come with the compensation engine. */
void
gs_comp_page_update (GsCompPage *self, GsPlan *plan)
{
  const GsModel *m = gs_plan_get_model (plan);
  JsonNode *roles = gs_plan_lookup (plan, "compensation.roles");
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->role_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->role_list), child);
  if (m->comp && roles && JSON_NODE_HOLDS_ARRAY (roles))
    {
      JsonArray *array = json_node_get_array (roles);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *role = json_array_get_element (array, i);
          const char *name = NULL;
          GtkWidget *row = adw_action_row_new ();
          if (JSON_NODE_HOLDS_OBJECT (role))
            name = json_object_get_string_member_with_default (json_node_get_object (role), "name",
                                                               NULL);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         name ? name : _ ("Unnamed role"));
          gtk_list_box_append (GTK_LIST_BOX (self->role_list), row);
        }
    }
  gtk_widget_set_visible (self->role_list, n > 0);
  adw_status_page_set_description (
      ADW_STATUS_PAGE (self->status),
      n > 0 ? _ ("The roles of this plan. Components, rate tables and payouts are edited here once "
                 "the compensation engine is part of Goalsheet.")
            : _ ("This plan has no compensation section yet. Each role’s plan, components, rate "
                 "tables, payout at a chosen attainment and the calculation trace will be shown "
                 "here."));
}
