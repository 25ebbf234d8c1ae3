/* gs-scenario-table.c — the plan's scenarios side by side.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-scenario-table.h"
#include "gs-scenario.h"

#include <glib/gi18n.h>

struct _GsScenarioTable
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *message; /* no scenarios, or the engine's error */
  GtkWidget *grid;
};

G_DEFINE_FINAL_TYPE (GsScenarioTable, gs_scenario_table, GTK_TYPE_WIDGET)

/* The figures a meeting compares first; every other one is in
 * `goalsheet-cli scenarios` and the Excel export. */
static const char *const shown[] = {
  "target",
  "plan",
  "gap",
  "gap_fraction",
  "budget",
  "marketing.stage.lead",
  "marketing.stage.mql",
  "sales.stage.won",
  "sales.ae_capacity",
};

static GtkWidget *
cell (const char *text, gboolean numeric, const char *css)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

void
gs_scenario_table_update (GsScenarioTable *self, GsPlan *plan)
{
  g_autoptr (GsComparison) c = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (self->grid)))
    gtk_grid_remove (GTK_GRID (self->grid), child);
  c = plan ? gs_comparison_new (gs_plan_get_root (plan), NULL, &error) : NULL;
  if (c == NULL || c->n_scenarios < 2)
    {
      gtk_label_set_text (GTK_LABEL (self->message),
                          error ? error->message
                                : _ ("No scenarios yet: add them to the plan’s “scenarios” list "
                                     "(see docs/scenarios.md)."));
      gtk_widget_set_visible (self->message, TRUE);
      gtk_widget_set_visible (self->grid, FALSE);
      return;
    }
  gtk_widget_set_visible (self->message, FALSE);
  gtk_widget_set_visible (self->grid, TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), cell (_ ("Figure"), FALSE, "heading"), 0, 0, 1, 1);
  for (guint s = 0; s < c->n_scenarios; s++)
    gtk_grid_attach (GTK_GRID (self->grid), cell (c->names[s], TRUE, "heading"), (int) s + 1, 0, 1,
                     1);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const GsComparisonRow *r = gs_comparison_row (c, shown[i]);
      if (r == NULL)
        continue;
      gtk_grid_attach (GTK_GRID (self->grid), cell (r->label, FALSE, NULL), 0, row, 1, 1);
      for (guint s = 0; s < c->n_scenarios; s++)
        {
          g_autofree char *text = gs_comparison_format (c, r, s);
          gtk_grid_attach (GTK_GRID (self->grid), cell (text, TRUE, NULL), (int) s + 1, row, 1, 1);
        }
      row++;
    }
}

static void
gs_scenario_table_dispose (GObject *object)
{
  GsScenarioTable *self = GS_SCENARIO_TABLE (object);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gs_scenario_table_parent_class)->dispose (object);
}

static void
gs_scenario_table_class_init (GsScenarioTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_scenario_table_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
gs_scenario_table_init (GsScenarioTable *self)
{
  GtkWidget *title = gtk_label_new (_ ("Scenarios compared"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self->box), title);
  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->message);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_box_append (GTK_BOX (self->box), self->grid);
}

GtkWidget *
gs_scenario_table_new (void)
{
  return g_object_new (GS_TYPE_SCENARIO_TABLE, NULL);
}
