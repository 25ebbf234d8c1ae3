/* gs-source-inputs.c — the Targets page's lead sources.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sources are a model of their ids (GtkStringObject), one block of
 * fields each, bound to the group's grid by GsGridRows: adding, removing or
 * reordering sources splices exactly their items, and a block kept follows
 * its source in place (its fields' paths when it moved, its titles when it
 * was renamed), so the field being typed in keeps focus.  Only a block whose
 * source enters at another stage, or whose funnel's stages changed, makes
 * its own rows again (its rate steps start at the entry stage).
 */
#include "gs-source-inputs.h"
#include "gs-a11y.h"
#include "gs-format.h"
#include "gs-grid-rows.h"
#include "gs-input-group.h"
#include "gs-list-sync.h"
#include "gs-plan-edits.h"

#include <glib/gi18n.h>
#include <math.h>

#define BLOCK_KEY "gs-source-block"
#define LIST_KEY "gs-source-list"

/* One source's fields, in a grid of their own. */
typedef struct
{
  GsPlan *plan;    /* unowned: the page keeps it */
  GtkWidget *grid; /* owns this block */
  guint index;     /* the source's place in sources[] */
  guint entry;     /* the entry stage the rows were made for */
  GStrv stages;    /* the stage ids and names they were made for */
  GtkWidget *heading, *name, *drop, *share, *cost, *remove;
  GPtrArray *rates; /* GsField per own-rate step, from the entry stage on */
  gulong drop_id;
} SourceBlock;

/* The group's sources: the model and the grid rows bound to it. */
typedef struct
{
  GsPlan *plan;
  GListStore *ids;
  GsGridRows *rows;
  GtkSizeGroup *labels; /* the blocks' label column, lined up */
} SourceList;

/* An own rate's field: the block and the step it edits. */
typedef struct
{
  SourceBlock *block;
  guint step;
} RateData;

static SourceBlock *
block_of (gpointer widget)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), BLOCK_KEY))
      return g_object_get_data (G_OBJECT (w), BLOCK_KEY);
  return NULL;
}

static void
block_free (SourceBlock *b)
{
  g_strfreev (b->stages);
  g_clear_pointer (&b->rates, g_ptr_array_unref);
  g_free (b);
}

static void
on_add (GtkButton *button, GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  if (!gs_plan_add_source (plan, _ ("New source"), GS_OWNER_MARKETING, &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

static void
on_remove (GtkButton *button, gpointer unused)
{
  SourceBlock *b = block_of (button);
  g_autoptr (GError) error = NULL;
  if (!gs_plan_remove_source (b->plan, b->index, &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

static void
on_entry_selected (GtkDropDown *drop, GParamSpec *pspec, gpointer unused)
{
  SourceBlock *b = block_of (drop);
  g_autoptr (GError) error = NULL;
  guint stage = gtk_drop_down_get_selected (drop);
  if (stage == GTK_INVALID_LIST_POSITION
      || stage == gs_plan_get_model (b->plan)->sources[b->index].entry_stage)
    return;
  /* On success the block makes its rows again for the new entry stage. */
  if (!gs_plan_set_source_entry (b->plan, b->index, stage, &error))
    {
      gs_input_group_show_error (GTK_WIDGET (drop), error);
      gtk_drop_down_set_selected (drop, gs_plan_get_model (b->plan)->sources[b->index].entry_stage);
    }
}

static gboolean
apply_name (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  return gs_plan_rename_source (plan, ((SourceBlock *) data)->index, text, error);
}

/* An own rate; an emptied field (NAN) drops the source's own rate so it
 * follows the funnel's. */
static gboolean
apply_rate (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  RateData *rate = data;
  return gs_plan_set_source_rate (plan, rate->block->index, rate->step,
                                  isnan (number) ? -1 : number, error);
}

/* A field's path, its title (for the screen reader, the tooltip and the
 * focus kept) from the source's place and name. */
static void
name_field (GtkWidget *field, const char *path, const char *title)
{
  gs_field_set_path (GS_FIELD (field), path);
  gs_field_set_label (GS_FIELD (field), title);
  gs_input_group_set_key (field, title);
}

/* What depends on the source's place and name, set in place. */
static void
label_block (SourceBlock *b, const GsModel *m)
{
  guint i = b->index;
  const GsSource *src = &m->sources[i];
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *cost_label
      = src->entry_stage == 0
            ? g_strdup (_ ("Cost per lead"))
            : g_strdup_printf (_ ("Cost per %s"), m->stages[src->entry_stage].name);

  gtk_label_set_text (GTK_LABEL (b->heading), src->name);
  gtk_widget_set_margin_top (b->heading, i > 0 ? 8 : 0);

  path = g_strdup_printf ("sources[%u].name", i);
  title = g_strdup_printf (_ ("%s: name"), src->name);
  name_field (b->name, path, title);

  g_free (title);
  title = g_strdup_printf (_ ("%s: enters at"), src->name);
  gs_a11y_set_label (b->drop, title, NULL);
  gs_widget_set_tooltip (b->drop, title);
  gs_input_group_set_key (b->drop, title);
  g_signal_handler_block (b->drop, b->drop_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (b->drop), src->entry_stage);
  g_signal_handler_unblock (b->drop, b->drop_id);

  g_free (path);
  g_free (title);
  path = g_strdup_printf ("sources[%u].share", i);
  title = g_strdup_printf (_ ("%s: share of new business"), src->name);
  name_field (b->share, path, title);

  g_free (path);
  g_free (title);
  path = g_strdup_printf ("sources[%u].cost_per_lead", i);
  title = g_strdup_printf (_ ("%s: %s"), src->name, cost_label);
  name_field (b->cost, path, title);

  for (guint r = 0; r < b->rates->len; r++)
    {
      guint k = src->entry_stage + r;
      g_autofree char *step
          = g_strdup_printf (_ ("%s → %s"), m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *rate_path = g_strdup_printf ("sources[%u].rates.%s", i, m->stages[k].id);
      g_autofree char *rate_title = g_strdup_printf (_ ("%s: own rate %s"), src->name, step);
      name_field (g_ptr_array_index (b->rates, r), rate_path, rate_title);
    }

  g_free (title);
  title = g_strdup_printf (_ ("Remove %s"), src->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gs_widget_set_tooltip (b->remove, title);
  gs_input_group_set_key (b->remove, title);
}

static GStrv
stages_of (const GsModel *m)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint k = 0; k < m->n_stages; k++)
    {
      g_strv_builder_add (builder, m->stages[k].id);
      g_strv_builder_add (builder, m->stages[k].name);
    }
  return g_strv_builder_end (builder);
}

/* A field of the block's source, at its path in the plan. */
static GtkWidget *
add_field (SourceBlock *b, int row, const char *title, const char *what, GsFieldKind kind,
           const char *unit)
{
  g_autofree char *path = g_strdup_printf ("sources[%u].%s", b->index, what);
  return gs_input_group_add_field (b->plan, b->grid, row, title, path, kind, unit);
}

/* The block's rows for the source's entry stage and the funnel's stages. */
static void
fill_block (SourceBlock *b, SourceList *list, const GsModel *m)
{
  const GsSource *src = &m->sources[b->index];
  g_autoptr (GPtrArray) stages = g_ptr_array_new ();
  GtkWidget *child, *label;
  int row = 0;

  while ((child = gtk_widget_get_first_child (b->grid)))
    gtk_grid_remove (GTK_GRID (b->grid), child);
  g_ptr_array_set_size (b->rates, 0);
  g_strfreev (b->stages);
  b->stages = stages_of (m);
  b->entry = src->entry_stage;

  b->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (b->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (b->heading), TRUE);
  gtk_widget_add_css_class (b->heading, "caption-heading");
  gtk_grid_attach (GTK_GRID (b->grid), b->heading, 0, row++, 2, 1);

  b->name = add_field (b, row++, _ ("Name"), "name", GS_FIELD_KIND_TEXT, NULL);
  gs_field_set_apply (GS_FIELD (b->name), apply_name, b, NULL);

  /* Any stage before the win. */
  for (guint k = 0; k + 1 < m->n_stages; k++)
    g_ptr_array_add (stages, m->stages[k].name);
  g_ptr_array_add (stages, NULL);
  label = gtk_label_new (_ ("Enters at"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  b->drop = gtk_drop_down_new_from_strings ((const char *const *) stages->pdata);
  b->drop_id = g_signal_connect (b->drop, "notify::selected", G_CALLBACK (on_entry_selected), NULL);
  gtk_grid_attach (GTK_GRID (b->grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (b->grid), b->drop, 1, row++, 1, 1);

  b->share = add_field (b, row++, _ ("Share"), "share", GS_FIELD_KIND_PERCENT, "%");
  /* The cost is per unit entering: a lead at the first stage, else that
   * stage.  Money fields follow the plan's currency. */
  {
    g_autofree char *cost_label
        = src->entry_stage == 0
              ? g_strdup (_ ("Cost per lead"))
              : g_strdup_printf (_ ("Cost per %s"), m->stages[src->entry_stage].name);
    b->cost = add_field (b, row++, cost_label, "cost_per_lead", GS_FIELD_KIND_MONEY, NULL);
  }

  /* The source's own conversion per step from where it enters; empty
   * follows the funnel's rate, shown as the placeholder. */
  for (guint k = src->entry_stage; k + 1 < m->n_stages; k++)
    {
      g_autofree char *step
          = g_strdup_printf (_ ("%s → %s"), m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *funnel = gs_format_percent (m->steps[k].rate);
      g_autofree char *hint = g_strdup_printf (_ ("funnel %s"), funnel);
      RateData *data = g_new (RateData, 1);
      g_autofree char *what = g_strdup_printf ("rates.%s", m->stages[k].id);
      GtkWidget *field = add_field (b, row++, step, what, GS_FIELD_KIND_PERCENT, "%");
      data->block = b;
      data->step = k;
      gs_field_set_apply (GS_FIELD (field), apply_rate, data, g_free);
      gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (field))), hint);
      g_ptr_array_add (b->rates, field);
    }

  b->remove = gs_input_group_add_button (b->grid, row++, 1, _ ("Remove"), "",
                                         G_CALLBACK (on_remove), NULL);
  /* The label column lines up with the other sources' blocks. */
  for (child = gtk_widget_get_first_child (b->grid); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, width;
      gtk_grid_query_child (GTK_GRID (b->grid), child, &column, NULL, &width, NULL);
      if (column == 0 && width == 1)
        gtk_size_group_add_widget (list->labels, child);
    }
  label_block (b, m);
}

/* A source come into the list, at grid row `row` (its place in sources[]). */
static gpointer
make_block (int row, gpointer item, gpointer data)
{
  SourceList *list = data;
  GtkWidget *group_grid = g_object_get_data (G_OBJECT (list->ids), "gs-grid");
  SourceBlock *b = g_new0 (SourceBlock, 1);

  b->plan = list->plan;
  b->index = (guint) row;
  b->rates = g_ptr_array_new ();
  b->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (b->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (b->grid), 8);
  g_object_set_data_full (G_OBJECT (b->grid), BLOCK_KEY, b, (GDestroyNotify) block_free);
  fill_block (b, list, gs_plan_get_model (list->plan));
  gtk_grid_attach (GTK_GRID (group_grid), b->grid, 0, row, 2, 1);
  return b;
}

static gboolean
same_stages (SourceBlock *b, const GsModel *m)
{
  g_auto (GStrv) now = stages_of (m);
  return g_strv_equal ((const char *const *) now, (const char *const *) b->stages);
}

static void
source_list_free (SourceList *list)
{
  g_clear_pointer (&list->rows, gs_grid_rows_free);
  g_clear_object (&list->ids);
  g_clear_object (&list->labels);
  g_free (list);
}

GtkWidget *
gs_source_inputs_new (GsPlan *plan)
{
  GtkWidget *grid;
  GtkWidget *group = gs_input_group_new (_ ("Sources"), &grid);
  SourceList *list = g_new0 (SourceList, 1);

  list->plan = plan;
  list->ids = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  list->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_object_set_data (G_OBJECT (list->ids), "gs-grid", grid);
  list->rows = gs_grid_rows_new (G_LIST_MODEL (list->ids), &grid, 1, 0, make_block, NULL, list);
  g_object_set_data_full (G_OBJECT (group), LIST_KEY, list, (GDestroyNotify) source_list_free);
  /* Below the sources: new blocks are rows inserted before it. */
  gs_input_group_add_button (grid, 0, 0, _ ("Add Source"), _ ("Add a lead source"),
                             G_CALLBACK (on_add), plan);
  gs_source_inputs_update (group);
  return group;
}

void
gs_source_inputs_update (GtkWidget *group)
{
  SourceList *list = g_object_get_data (G_OBJECT (group), LIST_KEY);
  const GsModel *m = gs_plan_get_model (list->plan);
  g_autofree const char **ids = g_new (const char *, m->n_sources + 1);

  for (guint i = 0; i < m->n_sources; i++)
    ids[i] = m->sources[i].id;
  gs_list_sync_strings (list->ids, ids, m->n_sources);
  for (guint i = 0; i < m->n_sources; i++)
    {
      SourceBlock *b = gs_grid_rows_get (list->rows, i);
      b->index = i;
      if (b->entry == m->sources[i].entry_stage && same_stages (b, m))
        label_block (b, m);
      else
        {
          /* The control edited keeps the keyboard (the entry stage chosen). */
          g_autofree char *focus = gs_input_group_focus_key (b->grid);
          fill_block (b, list, m);
          gs_input_group_refocus (b->grid, focus);
        }
    }
}

GListModel *
gs_source_inputs_get_sources (GtkWidget *group)
{
  SourceList *list = g_object_get_data (G_OBJECT (group), LIST_KEY);
  return G_LIST_MODEL (list->ids);
}
