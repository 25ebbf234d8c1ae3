/* gs-source-inputs.c — the Targets page's lead sources.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-source-inputs.h"
#include "gs-a11y.h"
#include "gs-format.h"
#include "gs-input-group.h"
#include "gs-plan-edits.h"

#include <glib/gi18n.h>
#include <math.h>

#define INDEX_KEY "gs-source-index"

static guint
index_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

static void
on_add (GtkButton *button, GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  if (!gs_plan_add_source (plan, _ ("New source"), GS_OWNER_MARKETING, &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

static void
on_remove (GtkButton *button, GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  if (!gs_plan_remove_source (plan, index_of (button), &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

static void
on_entry_selected (GtkDropDown *drop, GParamSpec *pspec, GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  guint index = index_of (drop);
  guint stage = gtk_drop_down_get_selected (drop);
  if (stage == GTK_INVALID_LIST_POSITION
      || stage == gs_plan_get_model (plan)->sources[index].entry_stage)
    return;
  /* On success the group is made again for the new entry stage. */
  if (!gs_plan_set_source_entry (plan, index, stage, &error))
    {
      gs_input_group_show_error (GTK_WIDGET (drop), error);
      gtk_drop_down_set_selected (drop, gs_plan_get_model (plan)->sources[index].entry_stage);
    }
}

static gboolean
apply_name (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  return gs_plan_rename_source (plan, GPOINTER_TO_UINT (data), text, error);
}

/* An own rate: data packs the source and the step; an emptied field
 * (NAN) drops the source's own rate so it follows the funnel's. */
static gboolean
apply_rate (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  guint packed = GPOINTER_TO_UINT (data);
  return gs_plan_set_source_rate (plan, packed >> 8, packed & 0xff, isnan (number) ? -1 : number,
                                  error);
}

char *
gs_source_inputs_shape (const GsModel *m)
{
  GString *s = g_string_new (NULL);
  for (guint k = 0; k < m->n_stages; k++)
    g_string_append_printf (s, "%s/", m->stages[k].name);
  for (guint i = 0; i < m->n_sources; i++)
    g_string_append_printf (s, "%s@%u/", m->sources[i].name, m->sources[i].entry_stage);
  return g_string_free (s, FALSE);
}

static void
add_source (GsPlan *plan, GtkWidget *grid, int *row, guint i)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsSource *src = &m->sources[i];
  const char *cur = m->company.currency;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *cost_label = NULL;
  g_autoptr (GPtrArray) stages = g_ptr_array_new ();
  GtkWidget *name, *label, *drop, *field, *button;

  name = gtk_label_new (src->name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "caption-heading");
  if (i > 0)
    gtk_widget_set_margin_top (name, 8);
  gtk_grid_attach (GTK_GRID (grid), name, 0, (*row)++, 2, 1);

  path = g_strdup_printf ("sources[%u].name", i);
  title = g_strdup_printf (_ ("%s: name"), src->name);
  field
      = gs_input_group_add_field (plan, grid, (*row)++, _ ("Name"), path, GS_FIELD_KIND_TEXT, NULL);
  gs_field_set_label (GS_FIELD (field), title);
  gs_input_group_set_key (field, title);
  gs_field_set_apply (GS_FIELD (field), apply_name, GUINT_TO_POINTER (i), NULL);

  /* Any stage before the win. */
  for (guint k = 0; k + 1 < m->n_stages; k++)
    g_ptr_array_add (stages, m->stages[k].name);
  g_ptr_array_add (stages, NULL);
  label = gtk_label_new (_ ("Enters at"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  drop = gtk_drop_down_new_from_strings ((const char *const *) stages->pdata);
  g_clear_pointer (&title, g_free);
  title = g_strdup_printf (_ ("%s: enters at"), src->name);
  gs_a11y_set_label (drop, title, NULL);
  gtk_widget_set_tooltip_text (drop, title);
  gs_input_group_set_key (drop, title);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), src->entry_stage);
  g_object_set_data (G_OBJECT (drop), INDEX_KEY, GUINT_TO_POINTER (i));
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_entry_selected), plan);
  gtk_grid_attach (GTK_GRID (grid), label, 0, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop, 1, (*row)++, 1, 1);

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&title, g_free);
  path = g_strdup_printf ("sources[%u].share", i);
  title = g_strdup_printf (_ ("%s: share of new business"), src->name);
  field = gs_input_group_add_field (plan, grid, (*row)++, _ ("Share"), path, GS_FIELD_KIND_PERCENT,
                                    "%");
  gs_field_set_label (GS_FIELD (field), title);
  gs_input_group_set_key (field, title);

  /* The cost is per unit entering: a lead at the first stage, else that stage. */
  cost_label = src->entry_stage == 0
                   ? g_strdup (_ ("Cost per lead"))
                   : g_strdup_printf (_ ("Cost per %s"), m->stages[src->entry_stage].name);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&title, g_free);
  path = g_strdup_printf ("sources[%u].cost_per_lead", i);
  title = g_strdup_printf (_ ("%s: %s"), src->name, cost_label);
  field
      = gs_input_group_add_field (plan, grid, (*row)++, cost_label, path, GS_FIELD_KIND_MONEY, cur);
  gs_field_set_label (GS_FIELD (field), title);
  gs_input_group_set_key (field, title);

  /* The source's own conversion per step from where it enters; empty
   * follows the funnel's rate, shown as the placeholder. */
  for (guint k = src->entry_stage; k + 1 < m->n_stages; k++)
    {
      g_autofree char *step
          = g_strdup_printf (_ ("%s → %s"), m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *rate_path = g_strdup_printf ("sources[%u].rates.%s", i, m->stages[k].id);
      g_autofree char *rate_title = g_strdup_printf (_ ("%s: own rate %s"), src->name, step);
      g_autofree char *funnel = gs_format_percent (m->steps[k].rate);
      g_autofree char *hint = g_strdup_printf (_ ("funnel %s"), funnel);
      field = gs_input_group_add_field (plan, grid, (*row)++, step, rate_path,
                                        GS_FIELD_KIND_PERCENT, "%");
      gs_field_set_label (GS_FIELD (field), rate_title);
      gs_input_group_set_key (field, rate_title);
      gs_field_set_apply (GS_FIELD (field), apply_rate, GUINT_TO_POINTER ((i << 8) | k), NULL);
      gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (field))), hint);
    }

  g_clear_pointer (&title, g_free);
  title = g_strdup_printf (_ ("Remove %s"), src->name);
  button = gs_input_group_add_button (grid, (*row)++, 1, _ ("Remove"), title,
                                      G_CALLBACK (on_remove), plan);
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (i));
}

GtkWidget *
gs_source_inputs_new (GsPlan *plan)
{
  const GsModel *m = gs_plan_get_model (plan);
  GtkWidget *grid;
  GtkWidget *group = gs_input_group_new (_ ("Sources"), &grid);
  int row = 0;

  for (guint i = 0; i < m->n_sources; i++)
    add_source (plan, grid, &row, i);
  gs_input_group_add_button (grid, row, 0, _ ("Add Source"), _ ("Add a lead source"),
                             G_CALLBACK (on_add), plan);
  return group;
}
