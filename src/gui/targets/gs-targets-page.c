/* gs-targets-page.c — the Targets page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-targets-page.h"
#include "gs-a11y.h"
#include "gs-agreements-box.h"
#include "gs-explain.h"
#include "gs-field.h"
#include "gs-figure.h"
#include "gs-gui-format.h"
#include "gs-input-group.h"
#include "gs-json.h"
#include "gs-plan-edits.h"
#include "gs-sheet.h"
#include "gs-source-inputs.h"
#include "gs-staffing-inputs.h"

#include <glib/gi18n.h>

struct _GsTargetsPage
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkWidget *sheet;
  GtkWidget *levers_box;
  GtkWidget *agreements;
  GtkWidget *inputs_title;
  GtkWidget *inputs_box;
  GsPlan *plan;
  /* The agreements and the assumptions are below the fold: the first plan's
   * are made after the page's first frame is painted, in an idle at low
   * priority, or at once when something needs them (gs_targets_page_make_below). */
  gboolean below_made;
  GdkFrameClock *paint_clock;
  gulong paint_id;
  guint idle_id;
  /* The assumptions, made once per plan and kept in step with it. */
  GtkWidget *mode_drop;
  gulong mode_id;
  GtkWidget *growth_row[2]; /* label and field: shown in growth mode */
  GtkWidget *amount_row[2]; /* shown with a set amount per year */
  GtkWidget *month_labels[12];
  GtkWidget *sources;
  GtkWidget *staffing;
};

G_DEFINE_FINAL_TYPE (GsTargetsPage, gs_targets_page, GTK_TYPE_WIDGET)

static void
build_inputs (GsTargetsPage *self);
static void
update_inputs (GsTargetsPage *self);

static void
cancel_below (GsTargetsPage *self)
{
  if (self->paint_id)
    g_signal_handler_disconnect (self->paint_clock, self->paint_id);
  self->paint_id = 0;
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

void
gs_targets_page_make_below (GsTargetsPage *self)
{
  cancel_below (self);
  if (self->below_made || self->plan == NULL)
    return;
  self->below_made = TRUE;
  build_inputs (self);
  update_inputs (self);
  gs_agreements_box_set_plan (GS_AGREEMENTS_BOX (self->agreements), self->plan);
  gtk_widget_set_visible (self->agreements, TRUE);
  gtk_widget_set_visible (self->inputs_title, TRUE);
  gtk_widget_set_visible (self->inputs_box, TRUE);
}

gboolean
gs_targets_page_get_below_made (GsTargetsPage *self)
{
  return self->below_made;
}

static gboolean
on_below_idle (gpointer data)
{
  GsTargetsPage *self = data;
  self->idle_id = 0;
  gs_targets_page_make_below (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock, GsTargetsPage *self)
{
  cancel_below (self);
  self->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_below_idle, self, NULL);
}

/* Once the page is on screen, its first frame painted: the rest. */
static void
schedule_below (GsTargetsPage *self)
{
  GdkFrameClock *clock;
  if (self->below_made || self->plan == NULL || self->paint_id || self->idle_id
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->paint_clock = g_object_ref (clock);
  self->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static void
gs_targets_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gs_targets_page_parent_class)->map (widget);
  schedule_below (GS_TARGETS_PAGE (widget));
}

static void
gs_targets_page_unmap (GtkWidget *widget)
{
  GsTargetsPage *self = GS_TARGETS_PAGE (widget);
  /* Still to come when shown again; the idle itself does not need a frame. */
  if (self->paint_id)
    cancel_below (self);
  GTK_WIDGET_CLASS (gs_targets_page_parent_class)->unmap (widget);
}

/* The focus walk (Tab) reaches the inputs below the fold even before the
 * idle made them; before the first frame, focus stays above the fold. */
static gboolean
gs_targets_page_focus (GtkWidget *widget, GtkDirectionType direction)
{
  GsTargetsPage *self = GS_TARGETS_PAGE (widget);
  if (self->idle_id)
    gs_targets_page_make_below (self);
  return GTK_WIDGET_CLASS (gs_targets_page_parent_class)->focus (widget, direction);
}

static void
gs_targets_page_dispose (GObject *object)
{
  GsTargetsPage *self = GS_TARGETS_PAGE (object);
  cancel_below (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_TARGETS_PAGE);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_targets_page_parent_class)->dispose (object);
}

static void
gs_targets_page_class_init (GsTargetsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_targets_page_dispose;
  widget_class->map = gs_targets_page_map;
  widget_class->unmap = gs_targets_page_unmap;
  widget_class->focus = gs_targets_page_focus;
  g_type_ensure (GS_TYPE_SHEET);
  g_type_ensure (GS_TYPE_AGREEMENTS_BOX);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/targets/gs-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, sheet);
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, levers_box);
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, agreements);
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, inputs_title);
  gtk_widget_class_bind_template_child (widget_class, GsTargetsPage, inputs_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_targets_page_init (GsTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gs_targets_page_new (void)
{
  return g_object_new (GS_TYPE_TARGETS_PAGE, NULL);
}

/* A field and its label, both of which come and go together. */
static void
add_field (GsTargetsPage *self, GtkWidget *grid, int row, const char *title, const char *path,
           GsFieldKind kind, const char *unit, GtkWidget **pair)
{
  GtkWidget *field = gs_input_group_add_field (self->plan, grid, row, title, path, kind, unit);
  if (pair)
    {
      pair[0] = gtk_grid_get_child_at (GTK_GRID (grid), 0, row);
      pair[1] = field;
    }
}

static void
on_mode_selected (GtkDropDown *drop, GParamSpec *pspec, GsTargetsPage *self)
{
  gboolean absolute = gtk_drop_down_get_selected (drop) == 1;
  g_autoptr (GError) error = NULL;

  /* The engine keeps the target where it is (gs_plan_set_target_mode). */
  if (!gs_plan_set_target_mode (self->plan, absolute ? GS_TARGET_ABSOLUTE : GS_TARGET_GROWTH,
                                &error))
    {
      g_warning ("%s", error->message);
      gtk_drop_down_set_selected (drop, absolute ? 0 : 1);
    }
}

/* The assumptions, once per plan: every field follows the plan itself, the
 * sources and the capacity keep their rows in step (gs_source_inputs_update,
 * gs_staffing_inputs_update), and the target mode shows one of its two
 * fields (update_inputs); no edit makes them again.  Money fields take no
 * currency of their own: they show the plan's, whatever it becomes. */
static void
build_inputs (GsTargetsPage *self)
{
  GtkWidget *grid, *group;
  GtkWidget *child;
  int row = 0;
  static const char *const modes[]
      = { N_ ("Growth over last year"), N_ ("Set amount per year"), NULL };
  const char *mode_names[3] = { _ (modes[0]), _ (modes[1]), NULL };

  while ((child = gtk_widget_get_first_child (self->inputs_box)))
    gtk_flow_box_remove (GTK_FLOW_BOX (self->inputs_box), child);

  group = gs_input_group_new (_ ("Company target"), &grid);
  add_field (self, grid, row++, _ ("Company"), "company.name", GS_FIELD_KIND_TEXT, NULL, NULL);
  self->mode_drop = gtk_drop_down_new_from_strings (mode_names);
  gs_a11y_set_label (self->mode_drop, _ ("Target mode"), NULL);
  self->mode_id
      = g_signal_connect (self->mode_drop, "notify::selected", G_CALLBACK (on_mode_selected), self);
  gtk_grid_attach (GTK_GRID (grid), self->mode_drop, 0, row++, 2, 1);
  add_field (self, grid, row++, _ ("Growth"), "company.target.growth", GS_FIELD_KIND_PERCENT, "%",
             self->growth_row);
  add_field (self, grid, row++, _ ("Target per year"), "company.target.amount", GS_FIELD_KIND_MONEY,
             NULL, self->amount_row);
  add_field (self, grid, row++, _ ("Last year’s bookings"), "company.prior_year_bookings",
             GS_FIELD_KIND_MONEY, NULL, NULL);
  add_field (self, grid, row++, _ ("From existing customers"), "company.existing_customer_bookings",
             GS_FIELD_KIND_MONEY, NULL, NULL);
  add_field (self, grid, row++, _ ("Plan starts"), "company.plan_start", GS_FIELD_KIND_TEXT, NULL,
             NULL);
  add_field (self, grid, row++, _ ("Horizon"), "company.horizon_months", GS_FIELD_KIND_INT,
             _ ("months"), NULL);
  add_field (self, grid, row++, _ ("Deal size"), "funnel.deal_size", GS_FIELD_KIND_MONEY, NULL,
             NULL);
  gtk_flow_box_append (GTK_FLOW_BOX (self->inputs_box), group);

  group = gs_input_group_new (_ ("Seasonality (weight by fiscal month)"), &grid);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("company.seasonality[%u]", i);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *field = gs_field_new (self->plan, path, GS_FIELD_KIND_NUMBER, NULL, NULL);
      gs_field_set_width (GS_FIELD (field), 4);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Two months a row, in the fiscal year's order: Tab and the eye read
       * them alike (Feb, Mar, Apr…). */
      gtk_grid_attach (GTK_GRID (grid), label, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), field, (i % 2) * 2 + 1, i / 2, 1, 1);
      self->month_labels[i] = label;
    }
  gtk_flow_box_append (GTK_FLOW_BOX (self->inputs_box), group);

  self->sources = gs_source_inputs_new (self->plan);
  gtk_flow_box_append (GTK_FLOW_BOX (self->inputs_box), self->sources);
  self->staffing = gs_staffing_inputs_new (self->plan);
  gtk_flow_box_append (GTK_FLOW_BOX (self->inputs_box), self->staffing);

  /* Flow box children take focus themselves; the fields inside should. */
  for (child = gtk_widget_get_first_child (self->inputs_box); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* What of the assumptions follows the plan beyond the fields' values: the
 * target mode's field, the seasonality's fiscal months, the sources' and the
 * capacity's rows. */
static void
update_inputs (GsTargetsPage *self)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  gboolean absolute = m->company.target_mode == GS_TARGET_ABSOLUTE;

  g_signal_handler_block (self->mode_drop, self->mode_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->mode_drop), absolute);
  g_signal_handler_unblock (self->mode_drop, self->mode_id);
  for (guint k = 0; k < 2; k++)
    {
      gtk_widget_set_visible (self->growth_row[k], !absolute);
      gtk_widget_set_visible (self->amount_row[k], absolute);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *month = gs_explain_month_name (gs_model_month (m, (int) i).month);
      g_autofree char *title = g_strdup_printf (_ ("Weight of %s"), month);
      GtkWidget *field = gtk_widget_get_next_sibling (self->month_labels[i]);
      gtk_label_set_text (GTK_LABEL (self->month_labels[i]), month);
      gs_field_set_label (GS_FIELD (field), title);
    }
  gs_source_inputs_update (self->sources);
  gs_staffing_inputs_update (self->staffing);
}

void
gs_targets_page_set_plan (GsTargetsPage *self, GsPlan *plan)
{
  g_set_object (&self->plan, plan);
  if (!self->below_made)
    {
      schedule_below (self);
      return;
    }
  if (plan)
    build_inputs (self);
  gs_agreements_box_set_plan (GS_AGREEMENTS_BOX (self->agreements), plan);
}

static void
update_levers (GsTargetsPage *self, const GsModel *m, const GsResult *r)
{
  GtkWidget *child;
  guint n_feasible = 0, n_figures = 0, n_gap = 0;
  gboolean reuse;

  /* The gap's levers, then those of the goals outside their usual range
   * (quota over-assignment, pipeline coverage), gap or not. */
  for (guint i = 0; i < r->n_levers; i++)
    {
      n_feasible += r->levers[i].feasible;
      n_gap += r->levers[i].feasible && r->levers[i].kind <= GS_LEVER_AES;
    }
  for (child = gtk_widget_get_first_child (self->levers_box); child;
       child = gtk_widget_get_next_sibling (child))
    n_figures += GS_IS_FIGURE (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
  /* Most edits change the levers' figures, not how many there are: update
   * the widgets in place, which keeps an edit's repaint cheap. */
  reuse = n_gap > 0 && n_figures == n_feasible;
  if (!reuse)
    while ((child = gtk_widget_get_first_child (self->levers_box)))
      gtk_flow_box_remove (GTK_FLOW_BOX (self->levers_box), child);
  child = gtk_widget_get_first_child (self->levers_box);
  for (guint i = 0; i < r->n_levers; i++)
    {
      const GsLever *lever = &r->levers[i];
      g_autofree char *text = NULL;
      g_autofree char *why = NULL;
      GtkWidget *figure;
      if (!lever->feasible)
        continue;
      if (reuse)
        {
          figure = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
          child = gtk_widget_get_next_sibling (child);
        }
      else
        {
          figure = gs_figure_new ();
          gs_figure_set_wrap (GS_FIGURE (figure), TRUE);
          gtk_flow_box_append (GTK_FLOW_BOX (self->levers_box), figure);
          gtk_widget_set_focusable (gtk_widget_get_parent (figure), FALSE);
        }
      text = gs_explain_lever (m, r, lever);
      why = gs_explain_lever_why (m, r, lever);
      gs_figure_set (GS_FIGURE (figure), text, why, lever->input_path, _ ("Lever"));
    }
  if (reuse || n_gap > 0)
    return;
  {
    GtkWidget *none
        = gtk_label_new (r->gap >= 0 ? _ ("none needed: the plan meets the target")
                                     : _ ("no single lever closes the gap; combine them"));
    gtk_widget_add_css_class (none, r->gap >= 0 ? "success" : "warning");
    gtk_flow_box_append (GTK_FLOW_BOX (self->levers_box), none);
  }
}

void
gs_targets_page_update (GsTargetsPage *self, const GsResult *result, const GsResult *baseline)
{
  if (self->below_made)
    update_inputs (self);
  gs_sheet_update (GS_SHEET (self->sheet), self->plan, result, baseline);
  update_levers (self, gs_plan_get_model (self->plan), result);
  if (self->below_made)
    gs_agreements_box_update (GS_AGREEMENTS_BOX (self->agreements));
}

GtkWidget *
gs_targets_page_get_sheet (GsTargetsPage *self)
{
  return self->sheet;
}

/* The Sources group (gs_source_inputs_get_sources gives its model). */
GtkWidget *
gs_targets_page_get_sources (GsTargetsPage *self)
{
  gs_targets_page_make_below (self);
  return self->sources;
}
