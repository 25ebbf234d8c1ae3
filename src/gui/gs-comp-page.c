/* gs-comp-page.c — the Compensation page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every amount comes from the compensation engine (gs_comp_payout); the page
 * only chooses the role and the attainment and lays the trace out.
 */
#include "gs-comp-page.h"
#include "gs-chart-view.h"
#include "gs-comp-payout.h"
#include "gs-field.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _GsCompPage
{
  GtkWidget parent_instance;
  GtkWidget *stack;
  GtkWidget *status;
  GtkWidget *role_list;
  GtkWidget *role_title;
  GtkWidget *role_fields;
  GtkWidget *component_grid;
  GtkWidget *attainment_spin;
  GtkWidget *attainment_label;
  GtkWidget *payout_label;
  GtkWidget *chart_frame;
  GtkWidget *chart;
  GtkWidget *trace_label;
  GsPlan *plan;
  guint role;       /* selected role index */
  char *signature;  /* roles the list was built for */
  char *shown_role; /* fields built for this role path */
  gulong select_id;
};

G_DEFINE_FINAL_TYPE (GsCompPage, gs_comp_page, GTK_TYPE_WIDGET)

static void
show_role (GsCompPage *self);

static void
clear (GtkWidget *w)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (w)))
    gtk_widget_unparent (child);
}

static void
on_role_selected (GtkListBox *list, GtkListBoxRow *row, GsCompPage *self)
{
  if (row == NULL)
    return;
  self->role = (guint) gtk_list_box_row_get_index (row);
  show_role (self);
}

static void
on_attainment (GtkSpinButton *spin, GsCompPage *self)
{
  show_role (self);
}

static void
gs_comp_page_dispose (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PAGE);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->dispose (object);
}

static void
gs_comp_page_finalize (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  g_free (self->signature);
  g_free (self->shown_role);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->finalize (object);
}

static void
gs_comp_page_class_init (GsCompPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_comp_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_comp_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/gs-comp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, status);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_title);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_fields);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, component_grid);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, attainment_spin);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, attainment_label);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, payout_label);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, chart_frame);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, trace_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_page_init (GsCompPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = gs_chart_view_new (GS_CHART_PAYOUT);
  gtk_frame_set_child (GTK_FRAME (self->chart_frame), self->chart);
  self->select_id
      = g_signal_connect (self->role_list, "row-selected", G_CALLBACK (on_role_selected), self);
  g_signal_connect (self->attainment_spin, "value-changed", G_CALLBACK (on_attainment), self);
}

GtkWidget *
gs_comp_page_new (void)
{
  return g_object_new (GS_TYPE_COMP_PAGE, NULL);
}

static char *
money (const GsCompModel *comp, GsMoney value)
{
  return gs_money_format (value, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

static void
add_field (GtkWidget *box, GsPlan *plan, const char *path, GsFieldKind kind, const char *unit,
           const char *title)
{
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (pair), label);
  gtk_box_append (GTK_BOX (pair), gs_field_new (plan, path, kind, unit, title));
  gtk_box_append (GTK_BOX (box), pair);
}

static GtkWidget *
cell (const char *text, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static const char *
table_kind (GsTableKind kind)
{
  switch (kind)
    {
    case GS_TABLE_FLAT:
      return _ ("flat rate");
    case GS_TABLE_MARGINAL:
      return _ ("marginal bands");
    case GS_TABLE_BAND:
    default:
      return _ ("all-or-nothing bands");
    }
}

/* Fields are rebuilt only when another role is shown, so typing survives
 * the update that an edit triggers. */
static void
build_fields (GsCompPage *self, const GsCompRole *role)
{
  g_autofree char *base = g_strdup_printf ("compensation.roles[%u]", self->role);
  g_autofree char *ote = g_strconcat (base, ".ote", NULL);
  g_autofree char *mix = g_strconcat (base, ".pay_mix", NULL);
  const GsModel *m = gs_plan_get_model (self->plan);

  if (g_strcmp0 (self->shown_role, base) == 0)
    return;
  g_free (self->shown_role);
  self->shown_role = g_strdup (base);
  clear (self->role_fields);
  add_field (self->role_fields, self->plan, ote, GS_FIELD_KIND_MONEY, m->company.currency,
             _ ("On-target earnings"));
  add_field (self->role_fields, self->plan, mix, GS_FIELD_KIND_PERCENT, "%",
             _ ("Pay mix (variable share)"));

  clear (self->component_grid);
  gtk_grid_attach (GTK_GRID (self->component_grid), cell (_ ("Component"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->component_grid), cell (_ ("Measure"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->component_grid), cell (_ ("Weight"), TRUE), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->component_grid), cell (_ ("Rate table"), TRUE), 3, 0, 1, 1);
  for (guint i = 0; i < role->n_components; i++)
    {
      const GsCompComponent *c = &role->components[i];
      g_autofree char *weight = g_strdup_printf ("%s.components[%u].weight", base, i);
      g_autofree char *title = g_strdup_printf (_ ("Weight of %s"), c->name);
      gtk_grid_attach (GTK_GRID (self->component_grid), cell (c->name, FALSE), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->component_grid), cell (gs_measure_label (c->measure), FALSE),
                       1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->component_grid),
                       gs_field_new (self->plan, weight, GS_FIELD_KIND_PERCENT, "%", title), 2,
                       i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->component_grid), cell (table_kind (c->table.kind), FALSE), 3,
                       i + 1, 1, 1);
    }
}

static void
show_role (GsCompPage *self)
{
  const GsModel *m;
  const GsCompRole *role;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsCompPayout) payout = NULL;
  GsCompInput input;
  double attainment;
  g_autofree char *title = NULL;
  g_autofree char *ote = NULL;

  if (self->plan == NULL)
    return;
  m = gs_plan_get_model (self->plan);
  if (m->comp == NULL || self->role >= m->comp->n_roles)
    return;
  role = &m->comp->roles[self->role];
  build_fields (self, role);
  ote = money (m->comp, role->ote);
  title = g_strdup_printf (_ ("%s — %u people, OTE %s"), role->name, role->headcount, ote);
  gtk_label_set_text (GTK_LABEL (self->role_title), title);

  attainment = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->attainment_spin)) / 100.0;
  gs_comp_input_init (&input);
  gs_comp_input_at_attainment (&input, role, GS_COMP_STANDARD_PERSON, attainment);
  payout = gs_comp_payout (m->comp, role, GS_COMP_STANDARD_PERSON, &input, &error);
  gs_comp_input_clear (&input);
  if (payout == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->payout_label), "—");
      gtk_label_set_text (GTK_LABEL (self->trace_label), error->message);
    }
  else
    {
      g_autofree char *total = money (m->comp, payout->total);
      g_autofree char *text = g_strdup_printf (_ ("%s variable pay per person"), total);
      GString *trace = g_string_new (NULL);
      gtk_label_set_text (GTK_LABEL (self->payout_label), text);
      for (guint i = 0; i < payout->trace->len; i++)
        {
          const GsTraceLine *line = g_ptr_array_index (payout->trace, i);
          for (guint d = 0; d < line->depth; d++)
            g_string_append (trace, "    ");
          g_string_append_printf (trace, "%s\n", line->text);
        }
      gtk_label_set_text (GTK_LABEL (self->trace_label), trace->str);
      g_string_free (trace, TRUE);
    }
  gs_chart_view_set_role (GS_CHART_VIEW (self->chart), role->id);
  gs_chart_view_set_data (GS_CHART_VIEW (self->chart), m, gs_plan_get_result (self->plan, NULL),
                          NULL);
}

void
gs_comp_page_update (GsCompPage *self, GsPlan *plan)
{
  const GsModel *m = gs_plan_get_model (plan);
  GString *sig = g_string_new (NULL);
  g_autofree char *signature = NULL;

  if (plan != self->plan)
    {
      g_set_object (&self->plan, plan);
      g_clear_pointer (&self->shown_role, g_free);
      self->role = 0;
    }
  if (m->comp == NULL || m->comp->n_roles == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      g_string_free (sig, TRUE);
      g_clear_pointer (&self->signature, g_free);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "roles");
  for (guint i = 0; i < m->comp->n_roles; i++)
    g_string_append_printf (sig, "%s|%s|%u|%u\n", m->comp->roles[i].id, m->comp->roles[i].name,
                            m->comp->roles[i].headcount, m->comp->roles[i].n_components);
  signature = g_string_free (sig, FALSE);
  if (g_strcmp0 (signature, self->signature) != 0)
    {
      GtkWidget *child;
      g_signal_handler_block (self->role_list, self->select_id);
      while ((child = gtk_widget_get_first_child (self->role_list)))
        gtk_list_box_remove (GTK_LIST_BOX (self->role_list), child);
      for (guint i = 0; i < m->comp->n_roles; i++)
        {
          const GsCompRole *r = &m->comp->roles[i];
          g_autofree char *sub
              = g_strdup_printf (ngettext ("%u person", "%u people", r->headcount), r->headcount);
          GtkWidget *row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
          gtk_list_box_append (GTK_LIST_BOX (self->role_list), row);
        }
      if (self->role >= m->comp->n_roles)
        self->role = 0;
      gtk_list_box_select_row (
          GTK_LIST_BOX (self->role_list),
          gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->role_list), (int) self->role));
      g_signal_handler_unblock (self->role_list, self->select_id);
      g_free (self->signature);
      self->signature = g_steal_pointer (&signature);
      g_clear_pointer (&self->shown_role, g_free);
    }
  show_role (self);
}
