/* gs-sheet.c — the one shared goal sheet: MARKETING | SHARED | SALES.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-sheet.h"
#include "gs-figure.h"
#include "gs-explain.h"
#include "gs-explain-figure.h"
#include "gs-gui-format.h"
#include "gs-meeting.h"
#include "gs-reflow-box.h"

#include <glib/gi18n.h>

typedef struct
{
  char *id;
  char *name; /* the line's name, for the lock's state in words */
  GtkWidget *figure;
  GtkWidget *lock;
  gulong lock_id;
} Row;

struct _GsSheet
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *marketing_grid;
  GtkWidget *shared_grid;
  GtkWidget *sales_grid;
  GPtrArray *rows; /* of Row*, in result order */
  char *signature; /* the line ids the rows were built for */
  GsPlan *plan;    /* unowned: the window keeps it alive while we show it */
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
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_SHEET);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_sheet_parent_class)->dispose (object);
}

static void
gs_sheet_finalize (GObject *object)
{
  g_free (GS_SHEET (object)->signature);
  G_OBJECT_CLASS (gs_sheet_parent_class)->finalize (object);
}

static void
gs_sheet_class_init (GsSheetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_sheet_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_sheet_finalize;
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
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
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
  gtk_widget_set_tooltip_text (row->lock, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->lock), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (locked)
    gtk_widget_add_css_class (row->lock, "accent");
  else
    gtk_widget_remove_css_class (row->lock, "accent");
}

static void
on_lock_toggled (GtkToggleButton *button, GsSheet *self)
{
  Row *row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr (GError) error = NULL;
  if (self->plan
      && !gs_meeting_set_locked (self->plan, row->id, gtk_toggle_button_get_active (button),
                                 &error))
    g_warning ("%s", error->message);
  else
    show_lock_state (row, gtk_toggle_button_get_active (button));
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
}

static char *
signature_of (const GsModel *m, const GsResult *r)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      g_autofree char *name = gs_explain_line_name (m, line);
      g_string_append_printf (s, "%s|%s\n", line->id, name);
    }
  return g_string_free (s, FALSE);
}

/* Widgets are made only when the set of lines changes (a stage added); an
 * ordinary edit just sets label texts, which keeps a repaint within a frame. */
static void
rebuild (GsSheet *self, const GsModel *m, const GsResult *r)
{
  int n[3] = { 0, 0, 0 };
  GtkWidget *grids[3] = { self->marketing_grid, self->shared_grid, self->sales_grid };

  for (guint i = 0; i < 3; i++)
    clear_grid (grids[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < r->lines->len; i++)
    {
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      GtkWidget *grid = grids[line->side];
      g_autofree char *name = gs_explain_line_name (m, line);
      GtkWidget *label = gtk_label_new (name);
      Row *row = g_new0 (Row, 1);

      row->id = g_strdup (line->id);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Wrapped, never cut: at 800 px two labels both read "Marketing-sourc…". */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, name);
      row->figure = gs_figure_new ();
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row->figure),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      row->name = g_strdup (name);
      row->lock = gtk_toggle_button_new ();
      gtk_widget_add_css_class (row->lock, "flat");
      gtk_widget_set_valign (row->lock, GTK_ALIGN_CENTER);
      /* A click that moved the focus made the scrolled page jump to it. */
      gtk_widget_set_focus_on_click (row->lock, FALSE);
      show_lock_state (row, FALSE);
      g_object_set_data (G_OBJECT (row->lock), "row", row);
      row->lock_id = g_signal_connect (row->lock, "toggled", G_CALLBACK (on_lock_toggled), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, n[line->side], 1, 1);
      gtk_grid_attach (GTK_GRID (grid), row->figure, 1, n[line->side], 1, 1);
      gtk_grid_attach (GTK_GRID (grid), row->lock, 2, n[line->side], 1, 1);
      n[line->side]++;
      g_ptr_array_add (self->rows, row);
    }
}

void
gs_sheet_update (GsSheet *self, GsPlan *plan, const GsResult *r, const GsResult *baseline)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autofree char *signature = signature_of (m, r);
  gboolean meeting = baseline != NULL;

  self->plan = plan;
  if (g_strcmp0 (signature, self->signature) != 0)
    {
      rebuild (self, m, r);
      g_free (self->signature);
      self->signature = g_steal_pointer (&signature);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const GsGoalLine *line = g_ptr_array_index (r->lines, i);
      const GsGoalLine *was = baseline ? gs_result_line (baseline, line->id) : NULL;
      g_autofree char *text = gs_explain_figure (m, line->unit, line->total.amount,
                                                 line->total.value, GS_FIGURE_CELL_COMPACT);
      g_autofree char *delta = NULL;
      const char *css = NULL;
      gboolean locked = meeting && gs_meeting_is_locked (plan, line->id);
      g_autofree char *name = gs_explain_line_name (m, line);
      g_autofree char *why = gs_explain_cell (m, r, line, &line->total);

      gs_figure_set (GS_FIGURE (row->figure), text, why, line->input_path, name);
      if (was)
        delta = gs_format_delta (m, line, &line->total, &was->total, &css);
      gs_figure_set_delta (GS_FIGURE (row->figure), delta, css);
      gtk_widget_set_visible (row->lock, meeting);
      g_signal_handler_block (row->lock, row->lock_id);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->lock), locked);
      g_signal_handler_unblock (row->lock, row->lock_id);
      show_lock_state (row, locked);
    }
}

GtkWidget *
gs_sheet_get_figure (GsSheet *self, const char *line_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      if (g_strcmp0 (row->id, line_id) == 0)
        return row->figure;
    }
  return NULL;
}

/* The lock toggle of a line (shown in meeting mode only). */
GtkWidget *
gs_sheet_get_lock (GsSheet *self, const char *line_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      if (g_strcmp0 (row->id, line_id) == 0)
        return row->lock;
    }
  return NULL;
}
