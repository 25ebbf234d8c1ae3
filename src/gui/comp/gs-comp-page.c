/* gs-comp-page.c — the Compensation page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three parts side by side: the role list (a GListModel of roles, with the
 * whole plan's figures and the boundary rule under it), the selected role's
 * plan editor and its payout view.  The page only wires them to the plan:
 * every edit is the engine's (gs-comp-edits.h), every figure the engine's.
 */
#include "gs-comp-page.h"
#include "gs-figure-text.h"
#include "gs-format.h"
#include "gs-comp-payout.h"
#include "gs-comp-plan-editor.h"
#include "gs-comp-role-list.h"
#include "gs-comp-rows.h"
#include "gs-comp-structure.h"
#include "gs-comp-worker.h"
#include "gs-repaint.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _GsCompPage
{
  GtkWidget parent_instance;
  GtkWidget *stack;
  GtkWidget *status;
  GtkWidget *role_list;
  GtkWidget *plan_grid;
  GtkWidget *boundary_label;
  GtkWidget *boundary_box;
  GtkWidget *editor_scroller;
  GtkWidget *plan_editor;
  GtkWidget *payout_view;
  GsPlan *plan;
  GsPlan *boundary_plan; /* the plan the boundary choice was built for */
  GsBoundary boundary;
  GHashTable *plan_figures;
  gboolean figures_shown;    /* plan_grid holds the figures' rows (not an error): kept */
  GsRepaint figures_repaint; /* a change of a figure repaints plan_grid as one rectangle */
  /* The whole plan's figures: after an edit computed in a worker thread on
   * the comp model (a reference), the last ones shown meanwhile; computed
   * at once when another plan shows. */
  GsPlan *figures_plan; /* the plan the figures shown are of */
  GsCompWorker figures;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GsCompPage, gs_comp_page, GTK_TYPE_WIDGET)

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (parent)))
    gtk_widget_unparent (child);
}

/* One row of the whole plan's figures; the labels of the last update are
 * kept and only their texts set, so a figure that did not change is not
 * laid out again. */
static void
plan_figure (GsCompPage *self, int row, const char *key, const char *title, const char *value)
{
  GtkWidget *t, *v;
  g_autofree char *a11y = g_strdup_printf ("%s: %s", title, value);
  g_hash_table_replace (self->plan_figures, g_strdup (key), g_strdup (value));
  if (self->figures_shown)
    {
      /* A figure that did not change is neither set nor named again. */
      v = gtk_grid_get_child_at (GTK_GRID (self->plan_grid), 1, row);
      if (!gs_figure_text_set (v, value))
        return;
      gtk_accessible_update_property (GTK_ACCESSIBLE (v), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gs_repaint_mark (&self->figures_repaint);
      return;
    }
  t = gtk_label_new (title);
  v = gs_figure_text_new (value); /* a new figure is drawn, not laid out */
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_widget_set_hexpand (t, TRUE);
  gtk_widget_add_css_class (t, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (v), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_grid_attach (GTK_GRID (self->plan_grid), t, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->plan_grid), v, 1, row, 1, 1);
}

static void
show_plan_figures (GsCompPage *self, const GsCompModel *comp, const GsCompAtPlan *at,
                   const GError *error)
{
  g_hash_table_remove_all (self->plan_figures);
  if (error)
    {
      remove_children (self->plan_grid);
      self->figures_shown = FALSE;
      GtkWidget *label = gtk_label_new (error->message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_grid_attach (GTK_GRID (self->plan_grid), label, 0, 0, 2, 1);
    }
  else
    {
      /* Pay as staffed first (person-years, the plan's own attainment),
       * "everyone a full year at 100 %" beside it for comparison; cost of
       * sales on both bases, each named. */
      g_autofree char *at_plan = gs_comp_money_text (comp, at->at_plan);
      g_autofree char *at_quota = gs_comp_money_text (comp, at->at_quota);
      g_autofree char *full = gs_comp_money_text (comp, at->variable_pay);
      g_autofree char *attainment = gs_format_percent (at->ae_attainment);
      g_autofree char *new_business = gs_comp_money_text (comp, at->new_business);
      g_autofree char *bookings = gs_comp_money_text (comp, at->bookings);
      g_autofree char *cost_nb = gs_format_percent (at->cost_new_business);
      g_autofree char *cost_all = gs_format_percent (at->cost_all);
      g_autofree char *cost_full = gs_format_percent (at->cost_of_sales);
      int row = 0;
      plan_figure (self, row++, "variable-pay", _ ("Variable pay at plan, as staffed"), at_plan);
      plan_figure (self, row++, "ae-attainment", _ ("AE attainment the plan implies"), attainment);
      plan_figure (self, row++, "at-quota", _ ("Variable pay at quota (100 %), as staffed"),
                   at_quota);
      plan_figure (self, row++, "full-year", _ ("Everyone a full year at 100 %"), full);
      plan_figure (self, row++, "new-business", _ ("New-business target"), new_business);
      plan_figure (self, row++, "cost-of-sales", _ ("Cost of sales on new business"), cost_nb);
      plan_figure (self, row++, "bookings", _ ("Bookings target (all bookings)"), bookings);
      plan_figure (self, row++, "cost-all", _ ("Cost of sales on all bookings"), cost_all);
      plan_figure (self, row++, "cost-full-year",
                   _ ("Cost of sales, everyone a full year at 100 %"), cost_full);
      self->figures_shown = TRUE;
    }
}

static gboolean
figures_work (const GsCompModel *comp, gpointer data, GError **error)
{
  return gs_comp_at_plan (comp, data, error);
}

static void
figures_done (GObject *owner, const GsCompModel *comp, gpointer data, const GError *error)
{
  show_plan_figures (GS_COMP_PAGE (owner), comp, data, error);
}

static void
at_plan_free (gpointer data)
{
  gs_comp_at_plan_clear (data);
  g_free (data);
}

static void
update_plan_figures (GsCompPage *self, const GsCompModel *comp)
{
  if (self->figures_plan != self->plan || !self->figures_shown)
    {
      GsCompAtPlan at = { 0 };
      g_autoptr (GError) error = NULL;
      gs_comp_worker_cancel (&self->figures);
      gs_comp_at_plan (comp, &at, &error);
      show_plan_figures (self, comp, &at, error);
      gs_comp_at_plan_clear (&at);
      g_set_object (&self->figures_plan, self->plan);
      return;
    }
  gs_comp_worker_start (&self->figures, G_OBJECT (self), comp, figures_work, figures_done,
                        g_new0 (GsCompAtPlan, 1), at_plan_free);
}

/* The boundary rule's choice, built again when another plan or an undo shows. */
static void
update_boundary (GsCompPage *self, const GsCompModel *comp)
{
  GsCompTarget whole = { 0, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *dropdown;
  if (self->boundary_plan == self->plan && self->boundary == comp->boundary)
    return;
  self->boundary_plan = self->plan;
  self->boundary = comp->boundary;
  remove_children (self->boundary_box);
  dropdown = gs_comp_choice (self->plan, GS_COMP_CHOICE_BOUNDARY, whole,
                             _ ("A value exactly on a band boundary"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->boundary_label), dropdown);
  gtk_box_append (GTK_BOX (self->boundary_box), dropdown);
}

void
gs_comp_page_update (GsCompPage *self, GsPlan *plan)
{
  const GsCompModel *comp;
  guint role;

  self->updating = TRUE;
  if (plan != self->plan)
    {
      g_set_object (&self->plan, plan);
      gs_comp_role_list_set_selected (GS_COMP_ROLE_LIST (self->role_list), 0);
    }
  comp = gs_comp_rows_model (plan);
  gs_comp_role_list_set_roles (GS_COMP_ROLE_LIST (self->role_list), comp);
  self->updating = FALSE;
  if (comp == NULL || comp->n_roles == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      gs_comp_plan_editor_show (GS_COMP_PLAN_EDITOR (self->plan_editor), NULL, 0);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "plan");
  role = gs_comp_role_list_get_selected (GS_COMP_ROLE_LIST (self->role_list));
  if (role >= comp->n_roles)
    role = 0;
  gs_comp_role_list_name_actions (GS_COMP_ROLE_LIST (self->role_list), comp->roles[role].name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.up", role > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.down", role + 1 < comp->n_roles);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.remove", comp->n_roles > 1);
  gs_comp_plan_editor_show (GS_COMP_PLAN_EDITOR (self->plan_editor), plan, role);
  update_boundary (self, comp);
  update_plan_figures (self, comp);
  gs_payout_view_update (GS_PAYOUT_VIEW (self->payout_view), plan, role);
}

static void
on_role_selected (GsCompRoleList *list, GParamSpec *pspec, GsCompPage *self)
{
  if (self->updating || self->plan == NULL)
    return;
  gs_comp_page_update (self, self->plan);
  gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->editor_scroller)), 0);
}

gboolean
gs_comp_page_select_role (GsCompPage *self, const char *role_id)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  for (guint i = 0; comp && i < comp->n_roles; i++)
    if (g_strcmp0 (comp->roles[i].id, role_id) == 0)
      {
        gs_comp_role_list_set_selected (GS_COMP_ROLE_LIST (self->role_list), i);
        return TRUE;
      }
  return FALSE;
}

GsPayoutView *
gs_comp_page_get_payout_view (GsCompPage *self)
{
  return GS_PAYOUT_VIEW (self->payout_view);
}

GtkWidget *
gs_comp_page_find_field (GsCompPage *self, const char *path)
{
  return gs_comp_plan_editor_find_field (GS_COMP_PLAN_EDITOR (self->plan_editor), path);
}

const char *
gs_comp_page_get_plan_figure (GsCompPage *self, const char *key)
{
  return g_hash_table_lookup (self->plan_figures, key);
}

gboolean
gs_comp_page_get_figures_ready (GsCompPage *self)
{
  return !self->figures.busy
         && gs_payout_view_get_totals_ready (GS_PAYOUT_VIEW (self->payout_view));
}

/* The boundary choice sits outside the editor: its refusals show there too. */
static void
on_error (GtkWidget *widget, const char *action, GVariant *param)
{
  GsCompPage *self = GS_COMP_PAGE (widget);
  gs_comp_plan_editor_show_error (GS_COMP_PLAN_EDITOR (self->plan_editor),
                                  g_variant_get_string (param, NULL));
}

/* The role list's buttons: each an engine edit; the role it made or moved
 * is selected. */
static void
on_roles_action (GtkWidget *widget, const char *action, GVariant *param)
{
  GsCompPage *self = GS_COMP_PAGE (widget);
  GsCompRoleList *list = GS_COMP_ROLE_LIST (self->role_list);
  guint role = gs_comp_role_list_get_selected (list);
  guint select = role;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  if (self->plan == NULL)
    return;
  if (g_str_equal (action, "roles.add"))
    ok = gs_comp_add_role (self->plan, &select, &error);
  else if (g_str_equal (action, "roles.duplicate"))
    {
      ok = gs_comp_duplicate_role (self->plan, role, &error);
      select = role + 1;
    }
  else if (g_str_equal (action, "roles.up"))
    {
      ok = gs_comp_move_role (self->plan, role, role - 1, &error);
      select = role - 1;
    }
  else if (g_str_equal (action, "roles.down"))
    {
      ok = gs_comp_move_role (self->plan, role, role + 1, &error);
      select = role + 1;
    }
  else if (g_str_equal (action, "roles.remove"))
    {
      ok = gs_comp_remove_role (self->plan, role, &error);
      select = role > 0 ? role - 1 : 0;
    }
  if (!ok)
    {
      gs_comp_plan_editor_show_error (GS_COMP_PLAN_EDITOR (self->plan_editor), error->message);
      return;
    }
  gs_comp_role_list_set_selected (list, select);
}

/* A change of the whole plan's figures repaints their grid as one rectangle
 * (gs-repaint.c): with the payout view's, an edit's rectangles stay few
 * enough for GTK to repaint only them, not the whole page. */
static void
gs_comp_page_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GsCompPage *self = GS_COMP_PAGE (widget);
  gs_repaint_snapshot (&self->figures_repaint, widget, self->plan_grid, snapshot);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_snapshot_child (widget, c, snapshot);
}

static void
gs_comp_page_dispose (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  gs_comp_worker_cancel (&self->figures);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->figures_plan);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->dispose (object);
}

static void
gs_comp_page_finalize (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  g_hash_table_unref (self->plan_figures);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->finalize (object);
}

static void
gs_comp_page_class_init (GsCompPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_comp_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_comp_page_finalize;
  g_type_ensure (GS_TYPE_PAYOUT_VIEW);
  g_type_ensure (GS_TYPE_COMP_ROLE_LIST);
  g_type_ensure (GS_TYPE_COMP_PLAN_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/comp/gs-comp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, status);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, plan_grid);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, boundary_label);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, boundary_box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, plan_editor);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, payout_view);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_install_action (widget_class, "comp.error", "s", on_error);
  gtk_widget_class_install_action (widget_class, "roles.add", NULL, on_roles_action);
  gtk_widget_class_install_action (widget_class, "roles.duplicate", NULL, on_roles_action);
  gtk_widget_class_install_action (widget_class, "roles.up", NULL, on_roles_action);
  gtk_widget_class_install_action (widget_class, "roles.down", NULL, on_roles_action);
  gtk_widget_class_install_action (widget_class, "roles.remove", NULL, on_roles_action);
  widget_class->snapshot = gs_comp_page_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_page_init (GsCompPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plan_figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
gs_comp_page_new (void)
{
  return g_object_new (GS_TYPE_COMP_PAGE, NULL);
}
