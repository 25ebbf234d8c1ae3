/* gs-payout-view.c — what one role's plan pays, with the calculation trace.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-payout-view.h"
#include "gs-a11y.h"
#include "gs-comp-payout.h"
#include "gs-comp-worker.h"
#include "gs-explain-comp.h"
#include "gs-figure-text.h"
#include "gs-format.h"
#include "gs-gui-format.h"
#include "gs-payout-curve.h"
#include "gs-repaint.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#define APP_ID "org.goalsheet.Goalsheet"

struct _GsPayoutView
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkAdjustment *adjustment; /* attainment in percent, 0–200 */
  GtkWidget *spin;
  GtkWidget *person_box;
  GtkWidget *person_dropdown;
  GtkWidget *error_label;
  GtkWidget *grid;
  GtkWidget *curve;
  GtkWidget *trace_title;
  GtkWidget *trace_expander; /* the trace, collapsed until asked for */
  GtkWidget *trace_box;
  GSettings *settings; /* remembers whether the trace is shown */
  GsPlan *plan;
  guint role;
  /* The role's totals: computed in a worker thread on the comp model (a
   * reference) after each edit, the last ones shown meanwhile; computed at
   * once when another role or plan shows. */
  GsCompWorker totals;
  GsPlan *totals_plan;  /* plan and role the last totals are of */
  char *totals_role;    /* the role's id */
  GsMoney role_at_plan; /* the last totals */
  GsMoney role_at_chosen;
  int role_total_row; /* the grid row that shows them */
  guint person;
  GtkStringList *people; /* the role's people, the dropdown's model */
  GHashTable *figures;   /* key → text shown */
  char *shape;           /* the rows the grid holds (NULL: none); same rows, labels kept */
  gboolean reuse;        /* refresh: set the texts of the grid's labels, make none */
  gboolean updating;
  GsRepaint grid_repaint; /* a change of the grid's texts repaints it as one rectangle */
  guint label_updates;    /* texts and names set on the grid's labels, for tests */
  guint computed;         /* payouts of the person shown computed, for tests */
};

G_DEFINE_FINAL_TYPE (GsPayoutView, gs_payout_view, GTK_TYPE_WIDGET)

static void
refresh (GsPayoutView *self);

/* The grid's cells and the curve's sentence carry the plan's currency: the
 * grid's headings name attainments, not a unit (docs/i18n.md). */
static char *
money (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (parent)))
    gtk_widget_unparent (child);
}

/* A label's accessible name, set only when it changes (each set is an
 * accessibility event): the last one is kept on the label. */
static void
set_name (GsPayoutView *self, GtkWidget *label, const char *name)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (label), "gs-name"), name) == 0)
    return;
  self->label_updates++;
  g_object_set_data_full (G_OBJECT (label), "gs-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A label's or a figure's text, set only when it changes; a change marks
 * the grid for one repaint (see snapshot ()). */
static void
set_text (GsPayoutView *self, GtkWidget *label, const char *text)
{
  if (GTK_IS_INSCRIPTION (label))
    {
      if (!gs_figure_text_set (label, text))
        return;
    }
  else if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
    return;
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gs_repaint_mark (&self->grid_repaint);
  self->label_updates++;
}

typedef enum
{
  CELL_NAME,   /* a row's name, wrapping */
  CELL_HEAD,   /* a column's heading */
  CELL_FIGURE, /* money: a new text is drawn, not laid out (gs-figure-text.c) */
} CellKind;

/* A cell of the grid: the one already at (col, row) with its text set when
 * the rows are the same as last time, else a new one.  A cell whose text
 * did not change is not laid out or drawn again. */
static GtkWidget *
cell (GsPayoutView *self, int col, int row, const char *text, CellKind kind, const char *key,
      const char *a11y)
{
  GtkWidget *label = self->reuse ? gtk_grid_get_child_at (GTK_GRID (self->grid), col, row) : NULL;
  if (label && GTK_IS_BOX (label))
    label = gtk_widget_get_first_child (label); /* the name above its target incentive */
  if (label)
    set_text (self, label, text);
  else
    {
      if (kind == CELL_FIGURE)
        label = gs_figure_text_new (text);
      else
        {
          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_HEAD ? 1.0 : 0.0);
        }
      if (kind == CELL_NAME)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
          gtk_widget_set_hexpand (label, TRUE);
        }
      gtk_grid_attach (GTK_GRID (self->grid), label, col, row, 1, 1);
      gs_repaint_mark (&self->grid_repaint);
    }
  if (a11y)
    {
      g_autofree char *full = g_strdup_printf ("%s: %s", a11y, text);
      set_name (self, label, full);
    }
  if (key)
    g_hash_table_replace (self->figures, g_strdup (key), g_strdup (text));
  return label;
}

/* One row of figures: name (with its target incentive under it, when
 * given), at plan, at the chosen attainment. */
static void
figure_row (GsPayoutView *self, const GsCompModel *comp, int row, const char *name,
            const GsMoney *target, GsMoney at_plan, GsMoney at_chosen, const char *key,
            gboolean bold)
{
  g_autofree char *p = money (comp, at_plan), *c = money (comp, at_chosen);
  g_autofree char *plan_key = key ? g_strdup_printf ("plan:%s", key) : NULL;
  g_autofree char *plan_a11y = g_strdup_printf (_ ("%s at plan"), name);
  g_autofree char *pct = gs_format_input_number (gs_payout_view_get_attainment (self) * 100, 2);
  g_autofree char *chosen_a11y = g_strdup_printf (_ ("%s at %s %%"), name, pct);
  gboolean is_total = g_strcmp0 (key, "total") == 0;
  GtkWidget *cells[3];
  cells[0] = cell (self, 0, row, name, CELL_NAME, NULL, NULL);
  cells[1] = cell (self, 1, row, p, CELL_FIGURE, plan_key, plan_a11y);
  /* The total is read out as one phrase: "96,200.00 variable pay per person". */
  cells[2] = cell (self, 2, row, c, CELL_FIGURE, key, is_total ? NULL : chosen_a11y);
  if (target && self->reuse)
    {
      g_autofree char *t = money (comp, *target);
      g_autofree char *text = g_strdup_printf (_ ("Target incentive %s"), t);
      GtkWidget *box = gtk_grid_get_child_at (GTK_GRID (self->grid), 0, row);
      set_text (self, gtk_widget_get_last_child (box), text);
    }
  else if (target)
    {
      g_autofree char *t = money (comp, *target);
      g_autofree char *text = g_strdup_printf (_ ("Target incentive %s"), t);
      /* It follows every OTE edit: drawn, not laid out up to the window
       * (gs-figure-text.c), as the figures beside it. */
      GtkWidget *sub = gs_figure_text_new (text);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (sub), 0);
      gtk_widget_add_css_class (sub, "caption");
      gtk_widget_add_css_class (sub, "dim-label");
      g_object_ref (cells[0]);
      gtk_grid_remove (GTK_GRID (self->grid), cells[0]);
      gtk_box_append (GTK_BOX (box), cells[0]);
      gtk_box_append (GTK_BOX (box), sub);
      g_object_unref (cells[0]);
      gtk_grid_attach (GTK_GRID (self->grid), box, 0, row, 1, 1);
    }
  if (is_total)
    {
      g_autofree char *said = g_strdup_printf (_ ("%s variable pay per person"), c);
      set_name (self, cells[2], said);
    }
  for (guint i = 0; bold && i < 3; i++)
    gtk_widget_add_css_class (cells[i], "heading");
}

static void
adjustment_row (GsPayoutView *self, const GsCompModel *comp, int *row, const char *name,
                GsMoney at_plan, GsMoney at_chosen)
{
  if (at_plan != 0 || at_chosen != 0)
    figure_row (self, comp, (*row)++, name, NULL, at_plan, at_chosen, NULL, FALSE);
}

/* One label per trace line, kept from one refresh to the next: a line
 * whose text did not change is not laid out again. */
static void
show_trace (GsPayoutView *self, const GsCompModel *comp, const GsCompPayout *p)
{
  GtkWidget *label = gtk_widget_get_first_child (self->trace_box);
  for (guint i = 0; i < p->trace->len; i++)
    {
      const GsTraceLine *line = g_ptr_array_index (p->trace, i);
      g_autofree char *text = gs_explain_comp_line (comp, line);
      if (label == NULL)
        {
          label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          /* Broken between words only: with WORD_CHAR the label's smallest
           * layout puts every character on a line of its own, which GTK
           * shapes on every measure (most of an edit's layout time). */
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          gtk_widget_add_css_class (label, "numeric");
          gtk_box_append (GTK_BOX (self->trace_box), label);
        }
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_margin_start (label, 16 * (int) line->depth);
      if (line->depth == 0)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_remove_css_class (label, "heading");
      label = gtk_widget_get_next_sibling (label);
    }
  while (label)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (label);
      gtk_widget_unparent (label);
      label = next;
    }
}

/* The people of a role that lists them: pick whose payout is shown.  The
 * dropdown's model changes only when the names do, so typing a figure never
 * resets the list under the pointer. */
static void
update_people (GsPayoutView *self, const GsCompRole *role)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  gboolean same = n == role->n_people;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->people, i), role->people[i].name) == 0;
  if (self->person >= MAX (role->n_people, 1))
    self->person = 0;
  gtk_widget_set_visible (self->person_box, role->n_people > 0);
  if (same)
    return;
  {
    g_autofree const char **names = g_new0 (const char *, role->n_people + 1);
    for (guint i = 0; i < role->n_people; i++)
      names[i] = role->people[i].name;
    self->updating = TRUE;
    gtk_string_list_splice (self->people, 0, n, names);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->person_dropdown), self->person);
    self->updating = FALSE;
  }
}

static void
clear_grid (GsPayoutView *self)
{
  remove_children (self->grid);
  g_clear_pointer (&self->shape, g_free);
}

static void
show_error (GsPayoutView *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  gtk_widget_set_visible (self->grid, message == NULL);
}

/* The role total row: the last totals computed for the role shown. */
static void
show_role_total (GsPayoutView *self, const GsCompModel *comp, const GsCompRole *role,
                 gboolean reuse)
{
  g_autofree char *name = g_strdup_printf (
      g_dngettext (NULL, "Role total, %u person", "Role total, %u people", role->headcount),
      role->headcount);
  self->reuse = reuse;
  figure_row (self, comp, self->role_total_row, name, NULL, self->role_at_plan,
              self->role_at_chosen, "role-total", FALSE);
  self->reuse = FALSE;
}

typedef struct
{
  guint role;
  double attainment;
  GsMoney at_plan;
  GsMoney at_chosen;
} Totals;

static gboolean
totals_work (const GsCompModel *comp, gpointer data, GError **error)
{
  Totals *t = data;
  const GsCompRole *role = &comp->roles[t->role];
  return gs_comp_role_total_at_attainment (comp, role, 1.0, &t->at_plan, error)
         && gs_comp_role_total_at_attainment (comp, role, t->attainment, &t->at_chosen, error);
}

static void
totals_done (GObject *owner, const GsCompModel *comp, gpointer data, const GError *error)
{
  GsPayoutView *self = GS_PAYOUT_VIEW (owner);
  Totals *t = data;
  if (error)
    {
      clear_grid (self);
      remove_children (self->trace_box);
      show_error (self, error->message);
      return;
    }
  self->role_at_plan = t->at_plan;
  self->role_at_chosen = t->at_chosen;
  show_role_total (self, comp, &comp->roles[t->role], TRUE);
}

static void
start_totals (GsPayoutView *self, const GsCompModel *comp, guint role, double attainment)
{
  Totals *t = g_new0 (Totals, 1);
  t->role = role;
  t->attainment = attainment;
  gs_comp_worker_start (&self->totals, G_OBJECT (self), comp, totals_work, totals_done, t, g_free);
}

static gboolean
trace_shown (GsPayoutView *self)
{
  return gtk_expander_get_expanded (GTK_EXPANDER (self->trace_expander));
}

static void
refresh (GsPayoutView *self)
{
  const GsCompModel *comp;
  const GsCompRole *role;
  g_autoptr (GsCompPayout) pp = NULL;
  g_autoptr (GsCompPayout) p = NULL;
  g_autoptr (GError) error = NULL;
  double attainment = gs_payout_view_get_attainment (self);
  g_autofree char *pct = gs_format_input_number (attainment * 100, 2);
  g_autofree char *chosen_title = NULL;
  g_autofree char *curve_text = NULL;
  g_autofree char *shape = NULL;
  gboolean later = FALSE;
  int row = 0;

  g_hash_table_remove_all (self->figures);
  gs_comp_worker_cancel (&self->totals);
  if (self->plan == NULL)
    {
      clear_grid (self);
      remove_children (self->trace_box);
      return;
    }
  comp = gs_plan_get_comp (self->plan, NULL);
  if (comp == NULL || self->role >= comp->n_roles)
    {
      clear_grid (self);
      remove_children (self->trace_box);
      show_error (self, NULL);
      return;
    }
  role = &comp->roles[self->role];
  update_people (self, role);
  /* The person shown, at plan (figures) and at the chosen attainment (with
   * the trace when it is shown); the role's totals without traces: a role
   * of thousands costs one payout, not two per person.  The totals of the
   * role already shown are computed in a worker thread, the last ones
   * shown until they are back; another role's or plan's are computed here,
   * so a role never shows another's totals. */
  later = self->totals_plan == self->plan && g_strcmp0 (self->totals_role, role->id) == 0;
  {
    guint person
        = role->n_people ? MIN (self->person, role->n_people - 1) : GS_COMP_STANDARD_PERSON;
    GsCompInput in;
    gs_comp_input_init (&in);
    gs_comp_input_at_attainment (&in, role, person, 1.0);
    pp = gs_comp_payout_with (comp, role, person, &in, GS_COMP_PAYOUT_FIGURES, &error);
    gs_comp_input_clear (&in);
    if (pp
        && (later
            || (gs_comp_role_total_at_attainment (comp, role, 1.0, &self->role_at_plan, &error)
                && gs_comp_role_total_at_attainment (comp, role, attainment, &self->role_at_chosen,
                                                     &error))))
      {
        gs_comp_input_init (&in);
        gs_comp_input_at_attainment (&in, role, person, attainment);
        p = gs_comp_payout_with (comp, role, person, &in,
                                 trace_shown (self) ? GS_COMP_PAYOUT_TRACE : GS_COMP_PAYOUT_FIGURES,
                                 &error);
        gs_comp_input_clear (&in);
        self->computed++;
      }
  }
  if (p == NULL)
    {
      gs_payout_curve_set_data (GS_PAYOUT_CURVE (self->curve), self->plan, role->id, attainment,
                                "");
      g_clear_object (&self->totals_plan);
      g_clear_pointer (&self->totals_role, g_free);
      clear_grid (self);
      remove_children (self->trace_box);
      show_error (self, error->message);
      return;
    }
  g_set_object (&self->totals_plan, self->plan);
  if (!later)
    {
      g_free (self->totals_role);
      self->totals_role = g_strdup (role->id);
    }
  show_error (self, NULL);
  /* The grid's rows: the components, the adjustments that are not zero. */
  shape = g_strdup_printf (
      "%u:%d%d%d%d%d%d", MIN (p->n_components, pp->n_components), pp->gate_cut || p->gate_cut,
      pp->cap_cut || p->cap_cut, pp->clawback || p->clawback, pp->spifs || p->spifs,
      pp->draw_topup || p->draw_topup, pp->draw_recovered || p->draw_recovered);
  self->reuse = g_strcmp0 (shape, self->shape) == 0;
  if (!self->reuse)
    {
      clear_grid (self);
      self->shape = g_steal_pointer (&shape);
    }

  chosen_title = g_strdup_printf (_ ("At %s %%"), pct);
  {
    const char *heads[] = { _ ("Component"), _ ("At plan"), chosen_title };
    for (int i = 0; i < 3; i++)
      {
        GtkWidget *label = cell (self, i, row, heads[i], i > 0 ? CELL_HEAD : CELL_NAME, NULL, NULL);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "caption-heading");
      }
    row++;
  }
  for (guint i = 0; i < p->n_components && i < pp->n_components; i++)
    {
      const GsCompComponentPayout *c = &p->components[i];
      g_autofree char *key = g_strdup_printf ("component:%s", c->component->id);
      figure_row (self, comp, row++, c->component->name, &c->target_incentive,
                  pp->components[i].earned, c->earned, key, FALSE);
    }
  adjustment_row (self, comp, &row, _ ("Plan gate"), pp->gate_cut, p->gate_cut);
  adjustment_row (self, comp, &row, _ ("Plan cap"), pp->cap_cut, p->cap_cut);
  adjustment_row (self, comp, &row, _ ("Clawbacks"), pp->clawback, p->clawback);
  adjustment_row (self, comp, &row, _ ("SPIFs"), pp->spifs, p->spifs);
  adjustment_row (self, comp, &row, _ ("Draw top-ups"), pp->draw_topup, p->draw_topup);
  adjustment_row (self, comp, &row, _ ("Draw recovered"), pp->draw_recovered, p->draw_recovered);
  {
    g_autofree char *name = role->n_people ? g_strdup_printf (_ ("Variable pay, %s"), p->person)
                                           : g_strdup (_ ("Variable pay per person"));
    figure_row (self, comp, row++, name, &role->target_incentive, pp->total, p->total, "total",
                TRUE);
  }
  self->role_total_row = row++;
  show_role_total (self, comp, role, self->reuse);
  {
    /* The trace's operands are bare (docs/i18n.md): its title names the currency once. */
    g_autofree char *title
        = g_strdup_printf (_ ("Calculation at %s %% — %s, in %s"), pct, p->person, comp->currency);
    /* The expander's button is named by its title (a label widget does not
     * name it in GTK 4.8); both change only when the title does. */
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->trace_title)), title) != 0)
      {
        gtk_label_set_text (GTK_LABEL (self->trace_title), title);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->trace_expander),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      }
  }
  self->reuse = FALSE;
  if (p->trace)
    show_trace (self, comp, p);
  else
    remove_children (self->trace_box);
  {
    g_autofree char *earned = money (comp, p->earned);
    curve_text = g_strdup_printf (_ ("Payout curve of %s from 0 to 200 %% of quota; at %s %% one "
                                     "person earns %s commission"),
                                  role->name, pct, earned);
    gs_payout_curve_set_data (GS_PAYOUT_CURVE (self->curve), self->plan, role->id, attainment,
                              curve_text);
  }
  if (later)
    start_totals (self, comp, self->role, attainment);
}

static void
on_trace_expanded (GtkExpander *expander, GParamSpec *pspec, GsPayoutView *self)
{
  refresh (self);
}

static void
on_attainment (GtkAdjustment *adjustment, GsPayoutView *self)
{
  refresh (self);
}

static void
on_person (GtkDropDown *dropdown, GParamSpec *pspec, GsPayoutView *self)
{
  if (self->updating)
    return;
  self->person = gtk_drop_down_get_selected (dropdown);
  refresh (self);
}

/* A change of the grid's texts repaints the grid as one rectangle, not the
 * editor and the payout view whole (gs-repaint.c). */
static void
gs_payout_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GsPayoutView *self = GS_PAYOUT_VIEW (widget);
  gs_repaint_snapshot (&self->grid_repaint, widget, self->grid, snapshot);
  gtk_widget_snapshot_child (widget, self->box, snapshot);
}

static void
gs_payout_view_dispose (GObject *object)
{
  GsPayoutView *self = GS_PAYOUT_VIEW (object);
  gs_comp_worker_cancel (&self->totals);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->plan);
  g_clear_object (&self->totals_plan);
  G_OBJECT_CLASS (gs_payout_view_parent_class)->dispose (object);
}

static void
gs_payout_view_finalize (GObject *object)
{
  GsPayoutView *self = GS_PAYOUT_VIEW (object);
  g_hash_table_unref (self->figures);
  g_free (self->shape);
  g_free (self->totals_role);
  g_clear_object (&self->people);
  G_OBJECT_CLASS (gs_payout_view_parent_class)->finalize (object);
}

static void
gs_payout_view_class_init (GsPayoutViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_payout_view_dispose;
  object_class->finalize = gs_payout_view_finalize;
  widget_class->snapshot = gs_payout_view_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gspayoutview");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static void
gs_payout_view_init (GsPayoutView *self)
{
  GtkWidget *row, *label, *scale, *person_label;

  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), heading (_ ("Payout")));

  /* Attainment: a spin button for the exact figure, a scale to sweep. */
  self->adjustment = gtk_adjustment_new (100, 0, 200, 1, 10, 0);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new_with_mnemonic (_ ("Atta_inment"));
  self->spin = gtk_spin_button_new (self->adjustment, 1, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Attainment of quota, percent"), -1);
  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_scale_add_mark (GTK_SCALE (scale), 100, GTK_POS_BOTTOM, NULL);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Attainment of quota"), -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->spin);
  gtk_box_append (GTK_BOX (row), gtk_label_new ("%"));
  gtk_box_append (GTK_BOX (row), scale);
  gtk_box_append (GTK_BOX (self->box), row);
  g_signal_connect (self->adjustment, "value-changed", G_CALLBACK (on_attainment), self);

  self->person_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  person_label = gtk_label_new_with_mnemonic (_ ("_Person"));
  self->people = gtk_string_list_new (NULL);
  self->person_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->people)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (person_label), self->person_dropdown);
  gs_a11y_set_label (self->person_dropdown, _ ("Person whose payout is shown"), NULL);
  gtk_box_append (GTK_BOX (self->person_box), person_label);
  gtk_box_append (GTK_BOX (self->person_box), self->person_dropdown);
  gtk_widget_set_visible (self->person_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->person_box);
  g_signal_connect (self->person_dropdown, "notify::selected", G_CALLBACK (on_person), self);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_add_css_class (self->grid, "card");
  gtk_box_append (GTK_BOX (self->box), self->grid);

  self->curve = gs_payout_curve_new ();
  gtk_box_append (GTK_BOX (self->box), self->curve);

  /* The trace is collapsed until asked for: an edit then lays out and draws
   * none of its lines (most of an edit's drawing at 10,000 people).  The
   * choice is remembered. */
  self->trace_title = heading ("");
  self->trace_expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (self->trace_expander), self->trace_title);
  self->trace_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (self->trace_box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trace_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Calculation trace"), -1);
  gtk_expander_set_child (GTK_EXPANDER (self->trace_expander), self->trace_box);
  gtk_box_append (GTK_BOX (self->box), self->trace_expander);
  {
    GSettingsSchema *schema
        = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
    if (schema && g_settings_schema_has_key (schema, "show-calculation-trace"))
      {
        self->settings = g_settings_new (APP_ID);
        g_settings_bind (self->settings, "show-calculation-trace", self->trace_expander, "expanded",
                         G_SETTINGS_BIND_DEFAULT);
      }
    g_clear_pointer (&schema, g_settings_schema_unref);
  }
  g_signal_connect (self->trace_expander, "notify::expanded", G_CALLBACK (on_trace_expanded), self);
}

GtkWidget *
gs_payout_view_new (void)
{
  return g_object_new (GS_TYPE_PAYOUT_VIEW, NULL);
}

void
gs_payout_view_update (GsPayoutView *self, GsPlan *plan, guint role_index)
{
  if (self->role != role_index)
    self->person = 0;
  g_set_object (&self->plan, plan);
  self->role = role_index;
  refresh (self);
}

void
gs_payout_view_set_attainment (GsPayoutView *self, double attainment)
{
  gtk_adjustment_set_value (self->adjustment, attainment * 100.0);
}

double
gs_payout_view_get_attainment (GsPayoutView *self)
{
  return gtk_adjustment_get_value (self->adjustment) / 100.0;
}

const char *
gs_payout_view_get_figure (GsPayoutView *self, const char *key)
{
  return g_hash_table_lookup (self->figures, key);
}

char *
gs_payout_view_get_trace (GsPayoutView *self)
{
  GString *out = g_string_new (NULL);
  for (GtkWidget *c = gtk_widget_get_first_child (self->trace_box); c;
       c = gtk_widget_get_next_sibling (c))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (c)));
  return g_string_free (out, FALSE);
}

/* How many payouts of the person shown the view has computed: an edit while
 * its page is hidden computes none (tests). */
guint
gs_payout_view_get_computed (GsPayoutView *self)
{
  return self->computed;
}

void
gs_payout_view_set_trace_shown (GsPayoutView *self, gboolean shown)
{
  gtk_expander_set_expanded (GTK_EXPANDER (self->trace_expander), shown);
}

gboolean
gs_payout_view_get_trace_shown (GsPayoutView *self)
{
  return trace_shown (self);
}

gboolean
gs_payout_view_get_totals_ready (GsPayoutView *self)
{
  return !self->totals.busy;
}

/* How many texts and accessible names the grid's labels have been given:
 * a refresh that changes no figure gives none (tests). */
guint
gs_payout_view_get_label_updates (GsPayoutView *self)
{
  return self->label_updates;
}

GtkWidget *
gs_payout_view_get_curve (GsPayoutView *self)
{
  return self->curve;
}
