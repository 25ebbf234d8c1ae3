/* gs-sheet.c — the one shared goal sheet: MARKETING | SHARED | SALES.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-sheet.h"
#include "gs-a11y.h"
#include "gs-figure.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"
#include "gs-grid-rows.h"
#include "gs-gui-format.h"
#include "gs-list-sync.h"
#include "gs-meeting.h"
#include "gs-reflow-box.h"

#include <glib/gi18n.h>

typedef struct
{
  char *id;
  char *name; /* the line's name, for the lock's state in words */
  GtkWidget *label;
  GtkWidget *figure;
  GtkWidget *lock;
  gulong lock_id;
} Row;

static gpointer
make_row (int grid_row, gpointer item, gpointer data);
static void
row_free (Row *row);

struct _GsSheet
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *marketing_grid;
  GtkWidget *shared_grid;
  GtkWidget *sales_grid;
  /* Per side (GsSide: marketing, shared, sales): its lines' ids
   * (GtkStringObject) in result order, one Row of its grid each, made when a
   * line comes and kept while it stays. */
  GListStore *lines[3];
  GsGridRows *rows[3];
  GsPlan *plan; /* unowned: the window keeps it alive while we show it */
};

G_DEFINE_FINAL_TYPE (GsSheet, gs_sheet, GTK_TYPE_WIDGET)

static void
row_free (Row *row)
{
  g_free (row->id);
  g_free (row->name);
  g_free (row);
}

static void
gs_sheet_dispose (GObject *object)
{
  GsSheet *self = GS_SHEET (object);
  for (guint s = 0; s < 3; s++)
    g_clear_pointer (&self->rows[s], gs_grid_rows_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_SHEET);
  for (guint s = 0; s < 3; s++)
    g_clear_object (&self->lines[s]);
  G_OBJECT_CLASS (gs_sheet_parent_class)->dispose (object);
}

static void
gs_sheet_class_init (GsSheetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_sheet_dispose;
  g_type_ensure (GS_TYPE_REFLOW_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/targets/gs-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, GsSheet, box);
  gtk_widget_class_bind_template_child (widget_class, GsSheet, marketing_grid);
  gtk_widget_class_bind_template_child (widget_class, GsSheet, shared_grid);
  gtk_widget_class_bind_template_child (widget_class, GsSheet, sales_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gssheet");
}

static void
gs_sheet_init (GsSheet *self)
{
  GtkWidget *grids[3];
  gtk_widget_init_template (GTK_WIDGET (self));
  grids[GS_SIDE_MARKETING] = self->marketing_grid;
  grids[GS_SIDE_SHARED] = self->shared_grid;
  grids[GS_SIDE_SALES] = self->sales_grid;
  for (guint s = 0; s < 3; s++)
    {
      self->lines[s] = g_list_store_new (GTK_TYPE_STRING_OBJECT);
      self->rows[s] = gs_grid_rows_new (G_LIST_MODEL (self->lines[s]), &grids[s], 1, 0, make_row,
                                        (GDestroyNotify) row_free, grids[s]);
    }
}

GtkWidget *
gs_sheet_new (void)
{
  return g_object_new (GS_TYPE_SHEET, NULL);
}

/* Open or closed padlock, and words that say which: the tooltip and the
 * accessible name tell the state and what a click does. */
static void
show_lock_state (Row *row, gboolean locked)
{
  g_autofree char *text
      = locked ? g_strdup_printf (_ ("%s is locked as agreed; click to unlock"), row->name)
               : g_strdup_printf (_ ("%s is not locked; click to lock it as agreed"), row->name);
  gtk_button_set_icon_name (GTK_BUTTON (row->lock),
                            locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  gs_widget_set_tooltip (row->lock, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->lock), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (locked)
    gtk_widget_add_css_class (row->lock, "accent");
  else
    gtk_widget_remove_css_class (row->lock, "accent");
}

static void
on_lock_toggled (GtkToggleButton *button, gpointer unused)
{
  GsSheet *self = GS_SHEET (gtk_widget_get_ancestor (GTK_WIDGET (button), GS_TYPE_SHEET));
  Row *row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr (GError) error = NULL;
  if (self->plan
      && !gs_meeting_set_locked (self->plan, row->id, gtk_toggle_button_get_active (button),
                                 &error))
    g_warning ("%s", error->message);
  else
    show_lock_state (row, gtk_toggle_button_get_active (button));
}

/* A line come into the sheet: its name, figure and lock at grid row `row`
 * (texts and states are set by the update that follows). */
/* A row's texts: the line's name (a renamed stage renames it in place), its
 * figure, delta and lock. */
static void
update_row (Row *row, GsPlan *plan, const GsResult *r, const GsResult *baseline, gboolean meeting)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsGoalLine *line = gs_result_line (r, row->id);
  const GsGoalLine *was = baseline ? gs_result_line (baseline, line->id) : NULL;
  g_autofree char *text = gs_explain_figure (m, line->unit, line->total.amount, line->total.value,
                                             GS_FIGURE_CELL_COMPACT);
  g_autofree char *delta = NULL;
  const char *css = NULL;
  gboolean locked = meeting && gs_meeting_is_locked (plan, line->id);
  g_autofree char *why = gs_explain_cell (m, r, line, &line->total);

  g_free (row->name);
  row->name = gs_explain_line_name (m, line);
  gtk_label_set_text (GTK_LABEL (row->label), row->name);
  gs_widget_set_tooltip (row->label, row->name);
  gs_figure_set (GS_FIGURE (row->figure), text, why, line->input_path, row->name);
  if (was)
    delta = gs_format_delta (m, line, &line->total, &was->total, &css);
  gs_figure_set_delta (GS_FIGURE (row->figure), delta, css);
  gtk_widget_set_visible (row->lock, meeting);
  g_signal_handler_block (row->lock, row->lock_id);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->lock), locked);
  g_signal_handler_unblock (row->lock, row->lock_id);
  show_lock_state (row, locked);
}

static gpointer
make_row (int grid_row, gpointer item, gpointer data)
{
  GtkWidget *grid = data;
  Row *row = g_new0 (Row, 1);

  row->id = g_strdup (gtk_string_object_get_string (item));
  row->name = g_strdup ("");
  row->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->label), 0);
  /* Wrapped, never cut: at 800 px two labels both read "Marketing-sourc…". */
  gtk_label_set_wrap (GTK_LABEL (row->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (row->label, TRUE);
  row->figure = gs_figure_new ();
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->figure), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row->label, NULL, -1);
  row->lock = gtk_toggle_button_new ();
  gtk_widget_add_css_class (row->lock, "flat");
  gtk_widget_set_valign (row->lock, GTK_ALIGN_CENTER);
  /* A click that moved the focus made the scrolled page jump to it. */
  gtk_widget_set_focus_on_click (row->lock, FALSE);
  show_lock_state (row, FALSE);
  g_object_set_data (G_OBJECT (row->lock), "row", row);
  row->lock_id = g_signal_connect (row->lock, "toggled", G_CALLBACK (on_lock_toggled), NULL);
  gtk_grid_attach (GTK_GRID (grid), row->label, 0, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->figure, 1, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row->lock, 2, grid_row, 1, 1);
  return row;
}

/* A typed figure changes no line: every row stays and only its texts
 * change.  A stage added or removed adds or removes exactly its row. */
void
gs_sheet_update (GsSheet *self, GsPlan *plan, const GsResult *r, const GsResult *baseline)
{
  gboolean meeting = baseline != NULL;

  self->plan = plan;
  for (guint s = 0; s < 3; s++)
    {
      g_autoptr (GPtrArray) ids = g_ptr_array_new ();
      for (guint i = 0; i < r->lines->len; i++)
        {
          const GsGoalLine *line = g_ptr_array_index (r->lines, i);
          if (line->side == s)
            g_ptr_array_add (ids, line->id);
        }
      gs_list_sync_strings (self->lines[s], (const char *const *) ids->pdata, ids->len);
      for (guint i = 0; i < ids->len; i++)
        update_row (gs_grid_rows_get (self->rows[s], i), plan, r, baseline, meeting);
    }
}

static Row *
find_row (GsSheet *self, const char *line_id)
{
  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines[s])); i++)
      {
        Row *row = gs_grid_rows_get (self->rows[s], i);
        if (g_strcmp0 (row->id, line_id) == 0)
          return row;
      }
  return NULL;
}

GtkWidget *
gs_sheet_get_figure (GsSheet *self, const char *line_id)
{
  Row *row = find_row (self, line_id);
  return row ? row->figure : NULL;
}

/* The lock toggle of a line (shown in meeting mode only). */
GtkWidget *
gs_sheet_get_lock (GsSheet *self, const char *line_id)
{
  Row *row = find_row (self, line_id);
  return row ? row->lock : NULL;
}

/* A side's lines, by id (GtkStringObject), in result order. */
GListModel *
gs_sheet_get_lines (GsSheet *self, GsSide side)
{
  return G_LIST_MODEL (self->lines[side]);
}
