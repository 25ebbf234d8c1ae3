/* gs-goal-table.c — one side's goals by month and by quarter.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-goal-table.h"
#include "gs-chart-view.h"
#include "gs-figure.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"
#include "gs-grid-rows.h"
#include "gs-gui-format.h"
#include "gs-list-sync.h"

#include <glib/gi18n.h>

struct _GsGoalTable
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkWidget *title_label;
  GtkWidget *month_grid;
  GtkWidget *quarter_grid;
  GtkWidget *chart_frame;
  GtkWidget *chart;
  GsSide side;
  /* The calendar the columns were made for. */
  guint n_pre;
  guint n_months;
  guint n_quarters;
  guint n_post;
  GsMonth *months; /* n_months, NULL before the first update */
  /* The lines shown, by id (GtkStringObject), in the table's order; one Row
   * of both grids each, made when a line comes and kept while it stays. */
  GListStore *lines;
  GsGridRows *rows;
  const GsModel *model; /* during an update: what a new row is made from */
  const GsResult *result;
};

/* One line's widgets: n_months + 2 month figures (then the total and the
 * after-plan one) and n_quarters + 1 quarter figures, NULL where a cell is
 * not shown. */
typedef struct
{
  GtkWidget *labels[2];
  GtkWidget **months;
  GtkWidget **quarters;
} Row;

static gpointer
make_row (int row, gpointer item, gpointer data);
static void
row_free (Row *row);

G_DEFINE_FINAL_TYPE (GsGoalTable, gs_goal_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SIDE,
  N_PROPS
};

static void
gs_goal_table_dispose (GObject *object)
{
  GsGoalTable *self = GS_GOAL_TABLE (object);
  g_clear_pointer (&self->rows, gs_grid_rows_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_GOAL_TABLE);
  g_clear_object (&self->lines);
  G_OBJECT_CLASS (gs_goal_table_parent_class)->dispose (object);
}

static void
gs_goal_table_finalize (GObject *object)
{
  g_free (GS_GOAL_TABLE (object)->months);
  G_OBJECT_CLASS (gs_goal_table_parent_class)->finalize (object);
}

static void
gs_goal_table_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GsGoalTable *self = GS_GOAL_TABLE (object);
  switch (prop_id)
    {
    case PROP_SIDE:
      self->side = g_value_get_int (value);
      /* Marketing: bookings by who sourced them; sales: what capacity carries. */
      self->chart = gs_chart_view_new (self->side == GS_SIDE_MARKETING ? GS_CHART_CONTRIBUTION
                                                                       : GS_CHART_CAPACITY);
      gtk_frame_set_child (GTK_FRAME (self->chart_frame), self->chart);
      gtk_widget_remove_css_class (self->chart_frame, "chart-placeholder");
      gtk_label_set_text (GTK_LABEL (self->title_label), self->side == GS_SIDE_MARKETING
                                                             ? _ ("Marketing goals")
                                                             : _ ("Sales goals"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_goal_table_class_init (GsGoalTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_goal_table_dispose;
  object_class->finalize = gs_goal_table_finalize;
  object_class->set_property = gs_goal_table_set_property;
  g_object_class_install_property (
      object_class, PROP_SIDE,
      g_param_spec_int ("side", NULL, NULL, GS_SIDE_MARKETING, GS_SIDE_SALES, GS_SIDE_MARKETING,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/goals/gs-goal-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GsGoalTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, GsGoalTable, title_label);
  gtk_widget_class_bind_template_child (widget_class, GsGoalTable, month_grid);
  gtk_widget_class_bind_template_child (widget_class, GsGoalTable, quarter_grid);
  gtk_widget_class_bind_template_child (widget_class, GsGoalTable, chart_frame);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_goal_table_init (GsGoalTable *self)
{
  GtkWidget *grids[2];
  gtk_widget_init_template (GTK_WIDGET (self));
  grids[0] = self->month_grid;
  grids[1] = self->quarter_grid;
  self->lines = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->rows = gs_grid_rows_new (G_LIST_MODEL (self->lines), grids, 2, 1, make_row,
                                 (GDestroyNotify) row_free, self);
}

GtkWidget *
gs_goal_table_new (GsSide side)
{
  return g_object_new (GS_TYPE_GOAL_TABLE, "side", side, NULL);
}

static gboolean
shows_line (GsGoalTable *self, const GsGoalLine *line)
{
  return line->side == self->side || line->side == GS_SIDE_SHARED;
}

static gboolean
has_before (const GsGoalLine *line)
{
  return line->unit == GS_UNIT_COUNT || line->unit == GS_UNIT_MONEY;
}

/* Lines whose plan months hold volume for bookings after the plan. */
static gboolean
has_after (const GsResult *r, const GsGoalLine *line)
{
  return r->n_post > 0 && line->after.derivation.kind == GS_DERIVATION_AFTER_PLAN;
}

/* The columns stay while the calendar does: the same months before, in and
 * after the plan, in the same fiscal quarters. */
static gboolean
same_calendar (GsGoalTable *self, const GsResult *r)
{
  if (self->months == NULL || self->n_pre != r->n_pre || self->n_months != r->n_months
      || self->n_quarters != r->n_quarters || self->n_post != r->n_post)
    return FALSE;
  for (guint i = 0; i < r->n_months; i++)
    if (self->months[i].year != r->months[i].year || self->months[i].month != r->months[i].month
        || self->months[i].fiscal_year != r->months[i].fiscal_year
        || self->months[i].fiscal_quarter != r->months[i].fiscal_quarter)
      return FALSE;
  return TRUE;
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
}

static GtkWidget *
header (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "caption-heading");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static GtkWidget *
row_label (const GsModel *m, const GsGoalLine *line)
{
  g_autofree char *name = gs_explain_line_name (m, line);
  GtkWidget *label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_add_css_class (label, line->side == GS_SIDE_SHARED      ? "side-shared-text"
                                   : line->side == GS_SIDE_MARKETING ? "side-marketing-text"
                                                                     : "side-sales-text");
  return label;
}

/* The header row for a new calendar; the lines' rows are made by make_row. */
static void
set_calendar (GsGoalTable *self, const GsResult *r)
{
  self->n_pre = r->n_pre;
  self->n_months = r->n_months;
  self->n_quarters = r->n_quarters;
  self->n_post = r->n_post;
  g_free (self->months);
  self->months = g_memdup2 (r->months, r->n_months * sizeof (GsMonth));
  clear_grid (self->month_grid);
  clear_grid (self->quarter_grid);

  /* Column 1 holds the months before the plan starts, summed: volume needed
   * earlier because of the lags. */
  if (r->n_pre > 0)
    gtk_grid_attach (GTK_GRID (self->month_grid), header (_ ("Before plan"), TRUE), 1, 0, 1, 1);
  for (guint m = r->n_pre; m < r->n_months; m++)
    {
      /* Month over quarter ("Jan" over "FY27 Q1"): two lines keep columns narrow. */
      g_autofree char *month = gs_explain_month_name (r->months[m].month);
      g_autofree char *quarter = gs_explain_quarter_label (&r->months[m]);
      g_autofree char *text = g_strdup_printf ("%s\n%s", month, quarter);
      gtk_grid_attach (GTK_GRID (self->month_grid), header (text, FALSE), 2 + m - r->n_pre, 0, 1,
                       1);
    }
  gtk_grid_attach (GTK_GRID (self->month_grid), header (_ ("Total"), FALSE), 2 + r->horizon, 0, 1,
                   1);
  /* The last column: of the plan's volume, what feeds bookings after it. */
  if (r->n_post > 0)
    gtk_grid_attach (GTK_GRID (self->month_grid), header (_ ("After plan"), TRUE), 3 + r->horizon,
                     0, 1, 1);
  for (guint q = 0; q < r->n_quarters; q++)
    {
      g_autofree char *quarter = gs_explain_quarter_label (&r->quarters[q]);
      gtk_grid_attach (GTK_GRID (self->quarter_grid), header (quarter, FALSE), 1 + q, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->quarter_grid), header (_ ("Total"), FALSE), 1 + r->n_quarters, 0,
                   1, 1);
}

static void
row_free (Row *row)
{
  g_free (row->months);
  g_free (row->quarters);
  g_free (row);
}

/* A line come into the table: its name and figures at grid row `row` (the
 * figures are set by the update that follows). */
static gpointer
make_row (int row, gpointer item, gpointer data)
{
  GsGoalTable *self = data;
  const GsResult *r = self->result;
  const GsGoalLine *line = gs_result_line (r, gtk_string_object_get_string (item));
  Row *cells = g_new0 (Row, 1);
  GtkWidget **months = cells->months = g_new0 (GtkWidget *, r->n_months + 2);
  GtkWidget **quarters = cells->quarters = g_new0 (GtkWidget *, r->n_quarters + 1);

  cells->labels[0] = row_label (self->model, line);
  cells->labels[1] = row_label (self->model, line);
  gtk_grid_attach (GTK_GRID (self->month_grid), cells->labels[0], 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->quarter_grid), cells->labels[1], 0, row, 1, 1);
  if (r->n_pre > 0 && has_before (line))
    {
      months[0] = gs_figure_new ();
      gtk_grid_attach (GTK_GRID (self->month_grid), months[0], 1, row, 1, 1);
    }
  for (guint m = r->n_pre; m <= r->n_months; m++)
    {
      months[m] = gs_figure_new ();
      gtk_grid_attach (GTK_GRID (self->month_grid), months[m], 2 + m - r->n_pre, row, 1, 1);
    }
  if (has_after (r, line))
    {
      months[r->n_months + 1] = gs_figure_new ();
      gtk_grid_attach (GTK_GRID (self->month_grid), months[r->n_months + 1], 3 + r->horizon, row, 1,
                       1);
    }
  for (guint q = 0; q <= r->n_quarters; q++)
    {
      quarters[q] = gs_figure_new ();
      gtk_grid_attach (GTK_GRID (self->quarter_grid), quarters[q], 1 + q, row, 1, 1);
    }
  return cells;
}

static void
set_cell (GtkWidget *figure, const GsModel *m, const GsResult *r, const GsGoalLine *line,
          const GsCell *cell, const GsCell *was, const char *when)
{
  g_autofree char *text
      = gs_explain_figure (m, line->unit, cell->amount, cell->value, GS_FIGURE_CELL_COMPACT);
  g_autofree char *line_name = gs_explain_line_name (m, line);
  g_autofree char *name = g_strdup_printf ("%s, %s", line_name, when);
  g_autofree char *why = NULL;
  g_autofree char *delta = NULL;
  const char *css = NULL;
  if (figure == NULL)
    return;
  why = gs_explain_cell (m, r, line, cell);
  gs_figure_set (GS_FIGURE (figure), text, why, line->input_path, name);
  if (was)
    delta = gs_format_delta (m, line, cell, was, &css);
  gs_figure_set_delta (GS_FIGURE (figure), delta, css);
}

/* The lines shown: the page's own side first, then the shared lines both
 * sides own. */
static GPtrArray *
shown_ids (GsGoalTable *self, const GsResult *r)
{
  GPtrArray *ids = g_ptr_array_new ();
  for (guint k = 0; k < 2 * r->lines->len; k++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, k % r->lines->len);
      if ((k < r->lines->len) == (line->side == self->side) && shows_line (self, line))
        g_ptr_array_add (ids, line->id);
    }
  return ids;
}

/* A typed figure changes no line: every row and its figures stay and only
 * their texts change.  A stage added or removed adds or removes exactly its
 * row; a new calendar (another start, horizon or fiscal year) makes all. */
void
gs_goal_table_update (GsGoalTable *self, GsPlan *plan, const GsResult *r, const GsResult *baseline)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (GPtrArray) ids = shown_ids (self, r);
  gboolean same_shape;

  self->model = m;
  self->result = r;
  if (!same_calendar (self, r))
    {
      g_list_store_remove_all (self->lines);
      set_calendar (self, r);
    }
  gs_list_sync_strings (self->lines, (const char *const *) ids->pdata, ids->len);
  self->model = NULL;
  self->result = NULL;

  gs_chart_view_set_data (GS_CHART_VIEW (self->chart), m, r, NULL);
  /* Month deltas only where the baseline has the same calendar. */
  same_shape = baseline && baseline->n_months == r->n_months && baseline->n_pre == r->n_pre
               && baseline->n_quarters == r->n_quarters;
  for (guint i = 0; i < ids->len; i++)
    {
      const GsGoalLine *line = gs_result_line (r, g_ptr_array_index (ids, i));
      const GsGoalLine *was = baseline ? gs_result_line (baseline, line->id) : NULL;
      Row *cells = gs_grid_rows_get (self->rows, i);
      GtkWidget **months = cells->months;
      GtkWidget **quarters = cells->quarters;
      /* A renamed stage or a new SLA renames the line in place. */
      g_autofree char *name = gs_explain_line_name (m, line);

      gtk_label_set_text (GTK_LABEL (cells->labels[0]), name);
      gtk_label_set_text (GTK_LABEL (cells->labels[1]), name);
      set_cell (months[0] && r->n_pre > 0 ? months[0] : NULL, m, r, line, &line->before,
                was && same_shape ? &was->before : NULL, _ ("before the plan"));
      for (guint k = r->n_pre; k < r->n_months; k++)
        {
          g_autofree char *when = gs_explain_month_label (&r->months[k]);
          set_cell (months[k], m, r, line, &line->months[k],
                    was && same_shape ? &was->months[k] : NULL, when);
        }
      set_cell (months[r->n_months], m, r, line, &line->total, was ? &was->total : NULL,
                _ ("total"));
      set_cell (months[r->n_months + 1], m, r, line, &line->after,
                was && same_shape ? &was->after : NULL, _ ("after the plan"));
      for (guint q = 0; q < r->n_quarters; q++)
        {
          g_autofree char *when = gs_explain_quarter_label (&r->quarters[q]);
          set_cell (quarters[q], m, r, line, &line->quarters[q],
                    was && same_shape ? &was->quarters[q] : NULL, when);
        }
      set_cell (quarters[r->n_quarters], m, r, line, &line->total, was ? &was->total : NULL,
                _ ("total"));
    }
}

/* month: plan month index (0 = first plan month), -1 for the total. */
GtkWidget *
gs_goal_table_get_figure (GsGoalTable *self, const char *line_id, int month)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkStringObject) id = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      if (g_strcmp0 (gtk_string_object_get_string (id), line_id) == 0)
        {
          Row *cells = gs_grid_rows_get (self->rows, i);
          if (month < 0)
            return cells->months[self->n_months];
          if (self->n_pre + (guint) month >= self->n_months)
            return NULL;
          return cells->months[self->n_pre + month];
        }
    }
  return NULL;
}

/* The lines shown, by id (GtkStringObject), in the table's order. */
GListModel *
gs_goal_table_get_lines (GsGoalTable *self)
{
  return G_LIST_MODEL (self->lines);
}
