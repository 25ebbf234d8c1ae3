/* gs-scenario-table.c — the plan's scenarios side by side.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures' names are one column; the scenarios are a GListModel of
 * GsScenarioColumn bound to a flow box laid out as one line, so adding a
 * scenario adds a column and an edit only changes the labels whose text
 * changed.
 */
#include "gs-scenario-table.h"
#include "gs-format.h"
#include "gs-list-sync.h"
#include "gs-scenario-column.h"
#include "gs-scenario.h"
#include "gs-scenario-odds.h"

#include <glib/gi18n.h>

struct _GsScenarioTable
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *message; /* no scenarios, or the engine's error */
  GtkWidget *more;    /* "the first N of M scenarios" */
  GtkWidget *table;   /* the figures' names, then the columns */
  GtkWidget *figures; /* the figures' names */
  GtkWidget *columns; /* GtkFlowBox bound to scenarios */
  GListStore *scenarios;
  char *shown_ids;      /* the figures the names were made for */
  GPtrArray *labels;    /* the shown figures' names, from the last computation */
  char **names;         /* its scenarios */
  GPtrArray *texts;     /* per scenario: values, differences, styles (GPtrArray of 3 GStrv) */
  GsScenarioOdds *odds; /* each scenario's P(hit), or NULL */
  GsPlan *plan;
  guint generation; /* counts updates */
  guint computed;   /* the generation last started */
  gboolean running;
  GCancellable *cancellable;
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

/* A cell: the value, and beside it the difference against base coloured by
 * what it means (the engine's verdict). */
static GtkWidget *
value_cell (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *value = cell (NULL, TRUE, NULL);
  GtkWidget *diff = cell (NULL, TRUE, "caption");
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_size_request (diff, 96, -1);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), diff);
  return box;
}

static void
set_cell (GtkWidget *box, const char *value, const char *diff, const char *style)
{
  static const char *const classes[] = { "success", "error", "dim-label" };
  static const char *const styles[] = { "good", "bad", "neutral" };
  GtkWidget *v = gtk_widget_get_first_child (box), *d = gtk_widget_get_next_sibling (v);

  gtk_label_set_text (GTK_LABEL (v), value);
  gtk_label_set_text (GTK_LABEL (d), diff ? diff : "");
  gtk_widget_set_visible (d, diff != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (style, styles[i]) == 0)
      gtk_widget_add_css_class (d, classes[i]);
    else
      gtk_widget_remove_css_class (d, classes[i]);
}

static void
fill_column (GtkWidget *box, GsScenarioColumn *column)
{
  const char *const *values = gs_scenario_column_get_values (column);
  const char *const *diffs = gs_scenario_column_get_diffs (column);
  const char *const *styles = gs_scenario_column_get_styles (column);
  GtkWidget *child = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  guint i = 0;

  for (; values[i]; i++)
    {
      if (child == NULL)
        {
          child = value_cell ();
          gtk_box_append (GTK_BOX (box), child);
        }
      set_cell (child, values[i], diffs ? diffs[i] : NULL, styles ? styles[i] : NULL);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (GTK_BOX (box), child);
      child = next;
    }
}

static void
on_values (GsScenarioColumn *column, GParamSpec *pspec, GtkWidget *box)
{
  fill_column (box, column);
}

static GtkWidget *
create_column (gpointer item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *child = gtk_flow_box_child_new ();
  gtk_box_append (GTK_BOX (box), cell (gs_scenario_column_get_name (item), TRUE, "heading"));
  fill_column (box, item);
  g_signal_connect_object (item, "notify::values", G_CALLBACK (on_values), box, 0);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_set_focusable (child, FALSE);
  return child;
}

/* The style name of the engine's verdict on a difference (set_cell). */
static const char *
verdict_style (GsVerdict verdict)
{
  switch (verdict)
    {
    case GS_VERDICT_GOOD:
      return "good";
    case GS_VERDICT_BAD:
      return "bad";
    case GS_VERDICT_NEUTRAL:
      return "neutral";
    case GS_VERDICT_SAME:
    default:
      return "";
    }
}

/* One computation of the comparison, in a worker thread on a copy of the
 * plan's tree: the scenarios and the texts of the shown figures. */
typedef struct
{
  JsonNode *root;
  GsPlan *plan; /* a copy sharing the plan's store of actuals, in place of root */
  guint generation;
  GsComparison *comparison;
  guint n_total; /* scenarios in the plan, base included */
  GError *error;
  GPtrArray *rows;  /* the shown figures' rows (borrowed from comparison) */
  GPtrArray *texts; /* per scenario: values, differences, styles (GStrv each) */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->root, json_node_unref);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->comparison, gs_comparison_free);
  g_clear_error (&job->error);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->texts, g_ptr_array_unref);
  g_free (job);
}

static void
compute (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (GPtrArray) all
      = gs_scenarios_read (job->plan ? gs_plan_peek_root (job->plan) : job->root, &job->error);
  g_autofree const char **names = NULL;
  GsComparison *c;

  if (all == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* A table of thousands of columns helps no one and takes seconds to lay
   * out: the first ones are computed and shown. */
  job->n_total = all->len;
  if (all->len > GS_SCENARIO_TABLE_MAX_COLUMNS)
    {
      names = g_new0 (const char *, GS_SCENARIO_TABLE_MAX_COLUMNS + 1);
      for (guint i = 0; i < GS_SCENARIO_TABLE_MAX_COLUMNS; i++)
        names[i] = ((const GsScenario *) g_ptr_array_index (all, i))->name;
    }
  c = job->plan ? gs_comparison_new_for_plan (job->plan, names, &job->error)
                : gs_comparison_new (job->root, names, &job->error);
  job->comparison = c;
  if (c == NULL || c->n_scenarios < 2 || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  job->rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const GsComparisonRow *r = gs_comparison_row (c, shown[i]);
      if (r == NULL)
        continue;
      g_ptr_array_add (job->rows, (gpointer) r);
    }
  job->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint sc = 0; sc < c->n_scenarios; sc++)
    {
      GPtrArray *column = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      GStrvBuilder *values = g_strv_builder_new (), *diffs = g_strv_builder_new (),
                   *styles = g_strv_builder_new ();
      for (guint i = 0; i < job->rows->len; i++)
        {
          const GsComparisonRow *row = g_ptr_array_index (job->rows, i);
          g_autofree char *value = gs_comparison_format (c, row, sc);
          g_autofree char *diff = gs_comparison_format_vs_base (c, row, sc);
          g_strv_builder_add (values, value);
          g_strv_builder_add (diffs, diff);
          g_strv_builder_add (styles, verdict_style (gs_comparison_verdict (row, sc)));
        }
      g_ptr_array_add (column, g_strv_builder_end (values));
      g_ptr_array_add (column, g_strv_builder_end (diffs));
      g_ptr_array_add (column, g_strv_builder_end (styles));
      g_strv_builder_unref (values);
      g_strv_builder_unref (diffs);
      g_strv_builder_unref (styles);
      g_ptr_array_add (job->texts, column);
    }
  g_task_return_boolean (task, TRUE);
}

/* Column s's texts, with the P(hit) row when a run gave one: (0) values,
 * (1) differences, (2) styles, each a new GStrv. */
static GStrv
column_texts (GsScenarioTable *self, guint s, guint which)
{
  GPtrArray *column = g_ptr_array_index (self->texts, s);
  GStrvBuilder *b = g_strv_builder_new ();
  int o = gs_scenario_odds_find (self->odds, self->names[s]);
  GStrv out;

  g_strv_builder_addv (b, (const char **) g_ptr_array_index (column, which));
  if (self->odds)
    {
      g_autofree char *text = o < 0        ? g_strdup ("—")
                              : which == 0 ? gs_scenario_odds_format (self->odds, (guint) o)
                              : which == 1 ? gs_scenario_odds_format_vs_base (self->odds, (guint) o)
                                           : NULL;
      if (which == 2)
        text = g_strdup (o < 0 ? ""
                               : verdict_style (gs_scenario_odds_verdict (self->odds, (guint) o)));
      g_strv_builder_add (b, text);
    }
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

static void
column_sync (gpointer column, guint s, gpointer data)
{
  g_auto (GStrv) values = column_texts (data, s, 0);
  g_auto (GStrv) diffs = column_texts (data, s, 1);
  g_auto (GStrv) styles = column_texts (data, s, 2);
  /* Base has no difference against itself: no second label. */
  gs_scenario_column_set_texts (column, (const char *const *) values,
                                s == 0 ? NULL : (const char *const *) diffs,
                                s == 0 ? NULL : (const char *const *) styles);
}

static gpointer
column_new (guint s, gpointer data)
{
  GsScenarioTable *self = data;
  g_auto (GStrv) values = column_texts (self, s, 0);
  GsScenarioColumn *column = gs_scenario_column_new (self->names[s], (const char *const *) values);
  column_sync (column, s, self);
  return column;
}

/* The figures' names, then the columns, from the last computation and the
 * last run's P(hit). */
static void
show_columns (GsScenarioTable *self)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  guint n = self->names ? g_strv_length (self->names) : 0;

  if (self->labels == NULL)
    return;
  for (guint i = 0; i < self->labels->len; i++)
    g_string_append_printf (ids, "%s\n", (const char *) g_ptr_array_index (self->labels, i));
  if (self->odds)
    g_string_append (ids, "p_hit\n");
  /* Made again only when the set of figures changes. */
  if (g_strcmp0 (ids->str, self->shown_ids) != 0)
    {
      GtkWidget *child;
      g_free (self->shown_ids);
      self->shown_ids = g_strdup (ids->str);
      while ((child = gtk_widget_get_first_child (self->figures)))
        gtk_box_remove (GTK_BOX (self->figures), child);
      gtk_box_append (GTK_BOX (self->figures), cell (_ ("Figure"), FALSE, "heading"));
      for (guint i = 0; i < self->labels->len; i++)
        gtk_box_append (GTK_BOX (self->figures),
                        cell (g_ptr_array_index (self->labels, i), FALSE, NULL));
      if (self->odds)
        gtk_box_append (GTK_BOX (self->figures),
                        cell (_ ("Chance of hitting the target"), FALSE, NULL));
    }
  gs_list_sync (self->scenarios, (const char *const *) self->names, n,
                (GsListKeyFunc) gs_scenario_column_get_name, column_new, column_sync, self);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->columns), n);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->columns), n);
}

void
gs_scenario_table_set_odds (GsScenarioTable *self, const GsScenarioOdds *odds)
{
  g_clear_pointer (&self->odds, gs_scenario_odds_free);
  if (odds)
    {
      self->odds = g_new0 (GsScenarioOdds, 1);
      self->odds->n_scenarios = odds->n_scenarios;
      self->odds->names = g_strdupv (odds->names);
      self->odds->p_hit = g_memdup2 (odds->p_hit, sizeof (double) * odds->n_scenarios);
    }
  show_columns (self);
}

static void
set_message (GsScenarioTable *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text != NULL);
  gtk_widget_set_visible (self->table, text == NULL);
}

static void
show_job (GsScenarioTable *self, Job *job)
{
  GsComparison *c = job->comparison;

  if (c == NULL || c->n_scenarios < 2)
    {
      set_message (self, job->error ? job->error->message
                                    : _ ("Nothing to compare yet: the plan has no scenarios."));
      g_list_store_remove_all (self->scenarios);
      g_clear_pointer (&self->labels, g_ptr_array_unref);
      g_clear_pointer (&self->names, g_strfreev);
      g_clear_pointer (&self->texts, g_ptr_array_unref);
      return;
    }
  set_message (self, NULL);
  gtk_widget_set_visible (self->more, job->n_total > c->n_scenarios);
  if (job->n_total > c->n_scenarios)
    {
      g_autofree char *total = gs_format_count ((gint64) job->n_total);
      g_autofree char *text = g_strdup_printf (
          _ ("The first %u of %s scenarios; all of them are compared in the Excel "
             "export and by goalsheet-cli scenarios."),
          c->n_scenarios, total);
      gtk_label_set_text (GTK_LABEL (self->more), text);
    }
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < job->rows->len; i++)
    g_ptr_array_add (
        self->labels,
        g_strdup (((const GsComparisonRow *) g_ptr_array_index (job->rows, i))->label));
  g_strfreev (self->names);
  self->names = g_strdupv (c->names);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  self->texts = g_steal_pointer (&job->texts);
  show_columns (self);
}

static void
start (GsScenarioTable *self);

static void
on_computed (GObject *source, GAsyncResult *res, gpointer data)
{
  GsScenarioTable *self = GS_SCENARIO_TABLE (source);
  Job *job = g_task_get_task_data (G_TASK (res));

  self->running = FALSE;
  if (self->scenarios == NULL) /* disposed meanwhile */
    return;
  /* Applied only if no edit came since it started; else start again. */
  if (job->generation == self->generation)
    {
      g_debug ("scenarios computed: %u", job->comparison ? job->comparison->n_scenarios : 0);
      show_job (self, job);
      gtk_widget_remove_css_class (self->box, "dim-label");
    }
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start (self);
}

static void
start (GsScenarioTable *self)
{
  Job *job;
  g_autoptr (GTask) task = NULL;

  if (self->running)
    return; /* on_computed starts the newer one */
  self->computed = self->generation;
  if (self->plan == NULL)
    {
      Job empty = { 0 };
      show_job (self, &empty);
      return;
    }
  job = g_new0 (Job, 1);
  /* A plan whose deals are a store (imported, or opened from a file):
   * a copy that shares them, as the Actuals page's worker has, rather than
   * the whole tree with 100,000 deals built into it. */
  if (gs_plan_has_store (self->plan))
    job->plan = gs_plan_copy (self->plan);
  else
    job->root = json_node_copy (gs_plan_get_root (self->plan));
  job->generation = self->generation;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->running = TRUE;
  /* The last figures stay in view, dimmed, until the new ones arrive. */
  gtk_widget_add_css_class (self->box, "dim-label");
  g_task_run_in_thread (task, compute);
}

/* Called after every edit: cheap.  The scenarios are computed only while
 * the table is on screen (every one is a whole plan computed: seconds for a
 * plan with thousands), off the main thread; a computation an edit made
 * stale is dropped. */
void
gs_scenario_table_update (GsScenarioTable *self, GsPlan *plan)
{
  g_set_object (&self->plan, plan);
  self->generation++;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start (self);
}

static void
gs_scenario_table_map (GtkWidget *widget)
{
  GsScenarioTable *self = GS_SCENARIO_TABLE (widget);
  GTK_WIDGET_CLASS (gs_scenario_table_parent_class)->map (widget);
  if (self->computed != self->generation)
    start (self);
}

/* TRUE while the table does not show the latest plan (for tests). */
gboolean
gs_scenario_table_is_busy (GsScenarioTable *self)
{
  return self->running || self->computed != self->generation;
}

static void
gs_scenario_table_dispose (GObject *object)
{
  GsScenarioTable *self = GS_SCENARIO_TABLE (object);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->scenarios);
  G_OBJECT_CLASS (gs_scenario_table_parent_class)->dispose (object);
}

static void
gs_scenario_table_finalize (GObject *object)
{
  GsScenarioTable *self = GS_SCENARIO_TABLE (object);
  g_free (self->shown_ids);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_strfreev (self->names);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->odds, gs_scenario_odds_free);
  G_OBJECT_CLASS (gs_scenario_table_parent_class)->finalize (object);
}

static void
gs_scenario_table_class_init (GsScenarioTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_scenario_table_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_scenario_table_finalize;
  GTK_WIDGET_CLASS (klass)->map = gs_scenario_table_map;
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
  self->more = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->more), 0);
  gtk_label_set_wrap (GTK_LABEL (self->more), TRUE);
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_widget_set_visible (self->more, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->more);

  self->table = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  self->figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self->table), self->figures);
  self->scenarios = g_list_store_new (GS_TYPE_SCENARIO_COLUMN);
  self->columns = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->columns), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->columns), 24);
  gtk_widget_set_valign (self->columns, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->columns, "plain-flow");
  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->columns), G_LIST_MODEL (self->scenarios),
                           create_column, self, NULL);
  gtk_box_append (GTK_BOX (self->table), self->columns);
  {
    /* One line of columns beside the figures' names, as wide as they are:
     * narrower windows scroll it sideways, with the wide tables' cue (it
     * needed 920 px of window with three scenarios). */
    GtkWidget *scroller = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
    gtk_widget_add_css_class (scroller, "scroll-cue");
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->table);
    gtk_box_append (GTK_BOX (self->box), scroller);
  }
}

GtkWidget *
gs_scenario_table_new (void)
{
  return g_object_new (GS_TYPE_SCENARIO_TABLE, NULL);
}

GListModel *
gs_scenario_table_get_scenarios (GsScenarioTable *self)
{
  return G_LIST_MODEL (self->scenarios);
}
