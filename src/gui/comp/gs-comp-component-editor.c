/* gs-comp-component-editor.c — one component of a role's plan, edited.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-component-editor.h"
#include "gs-explain-comp.h"
#include "gs-comp-payout.h"
#include "gs-comp-rows.h"
#include "gs-gui-format.h"
#include "gs-rate-table-editor.h"
#include "gs-row-subtitle.h"

#include <glib/gi18n.h>

struct _GsCompComponentEditor
{
  GtkWidget parent_instance;
  GtkWidget *group;
  GtkWidget *weight_row; /* subtitle: the target incentive */
  GtkWidget *quota_row;  /* subtitle: the quota and where it comes from */
  GtkWidget *cap_row;    /* subtitle: the cap's yearly amount */
  GtkWidget *quota;      /* its field: placeholder the goal sheets' quota */
  GsPlan *plan;
  GsCompTarget target;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GsCompComponentEditor, gs_comp_component_editor, GTK_TYPE_WIDGET)

static const GsCompComponent *
component (GsCompComponentEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsCompRole *role
      = comp && self->target.role < comp->n_roles ? &comp->roles[self->target.role] : NULL;
  return role && self->target.component < role->n_components
             ? &role->components[self->target.component]
             : NULL;
}

static GsFieldKind
quota_kind (GsMeasure measure)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return GS_FIELD_KIND_MONEY;
    case GS_MEASURE_UNIT_SHARE:
      return GS_FIELD_KIND_PERCENT;
    case GS_MEASURE_UNIT_COUNT:
    default:
      return GS_FIELD_KIND_NUMBER;
    }
}

void
gs_comp_component_editor_refresh (GsCompComponentEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsCompComponent *c = component (self);
  g_autofree char *ti = NULL, *ti_text = NULL, *q = NULL, *q_text = NULL, *from = NULL;
  if (c == NULL)
    return;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), c->name);
  ti = gs_comp_money_text (comp, c->target_incentive);
  ti_text = g_strdup_printf (_ ("Target incentive %s"), ti);
  /* Follows every OTE edit: drawn, not laid out up to the window. */
  gs_row_subtitle_set (ADW_ACTION_ROW (self->weight_row), ti_text);
  q = gs_comp_quantity_text (comp, c->measure, c->quota);
  from = gs_explain_quota_source (gs_plan_get_model (self->plan), c);
  q_text = g_strdup_printf (_ ("%s per person a year — %s"), q, from);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->quota_row), q_text);
  gs_comp_cap_row_update (self->cap_row, self->plan, self->target);
  /* The derived default shows as the placeholder; typing overrides it. */
  if (!gs_comp_quota_is_set (self->plan, self->target.role, self->target.component))
    gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (self->quota))), q);
}

static void
tier_rows (GsCompComponentEditor *self, const GsCompComponent *c, const char *cpath)
{
  GtkWidget *row;
  for (guint k = 0; k < c->n_tiers; k++)
    {
      GsCompTarget t = self->target;
      g_autofree char *title = g_strdup_printf (_ ("Accelerator %u"), k + 1);
      g_autofree char *above = g_strdup_printf ("%s.accelerators[%u].above", cpath, k);
      g_autofree char *mult = g_strdup_printf ("%s.accelerators[%u].multiplier", cpath, k);
      g_autofree char *above_a11y
          = g_strdup_printf (_ ("%s: accelerator %u from attainment"), c->name, k + 1);
      g_autofree char *mult_a11y
          = g_strdup_printf (_ ("%s: accelerator %u multiplier"), c->name, k + 1);
      g_autofree char *remove_a11y
          = g_strdup_printf (_ ("Remove accelerator %u of %s"), k + 1, c->name);
      t.index = k;
      row = gs_comp_action_row (self->group, title,
                                _ ("Multiplies the rate above this attainment"));
      gs_comp_row_add (row, gtk_label_new (_ ("above")));
      gs_comp_row_add (row, gs_comp_field (self->plan, above, GS_FIELD_KIND_PERCENT, "%",
                                           above_a11y, 5, GS_COMP_VALUE_ACCEL_ABOVE, t));
      gs_comp_row_add (row, gs_comp_field (self->plan, mult, GS_FIELD_KIND_NUMBER, "×", mult_a11y,
                                           5, GS_COMP_VALUE_ACCEL_MULTIPLIER, t));
      gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                            GS_COMP_ACTION_REMOVE_ACCELERATOR, t));
    }
  {
    g_autofree char *a11y = g_strdup_printf (_ ("Add an accelerator to %s"), c->name);
    row = gs_comp_action_row (self->group, _ ("Accelerators"), c->n_tiers ? NULL : _ ("None"));
    gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Accelerator"), a11y, self->plan,
                                          GS_COMP_ACTION_ADD_ACCELERATOR, self->target));
  }
}

static void
on_retroactive (GtkCheckButton *button, GParamSpec *pspec, GsCompComponentEditor *self)
{
  const GsCompComponent *c = component (self);
  g_autoptr (GError) error = NULL;
  if (self->updating || c == NULL)
    return;
  if (!gs_comp_set_decelerator (self->plan, self->target.role, self->target.component,
                                c->decel.below, c->decel.multiplier,
                                gtk_check_button_get_active (button), &error))
    gtk_widget_activate_action (GTK_WIDGET (button), "comp.error", "s", error->message);
}

static void
decelerator_row (GsCompComponentEditor *self, const GsCompComponent *c, const char *cpath)
{
  GtkWidget *row;
  if (c->decel.present)
    {
      g_autofree char *below = g_strdup_printf ("%s.decelerator.below", cpath);
      g_autofree char *mult = g_strdup_printf ("%s.decelerator.multiplier", cpath);
      g_autofree char *below_a11y
          = g_strdup_printf (_ ("%s: decelerator below attainment"), c->name);
      g_autofree char *mult_a11y = g_strdup_printf (_ ("%s: decelerator multiplier"), c->name);
      g_autofree char *retro_a11y = g_strdup_printf (_ ("%s: decelerator is retroactive"), c->name);
      g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove the decelerator of %s"), c->name);
      GtkWidget *retro = gtk_check_button_new_with_label (_ ("retroactive"));
      row = gs_comp_action_row (self->group, _ ("Decelerator"),
                                _ ("Multiplies the rate below this attainment"));
      gs_comp_row_add (row, gtk_label_new (_ ("below")));
      gs_comp_row_add (row, gs_comp_field (self->plan, below, GS_FIELD_KIND_PERCENT, "%",
                                           below_a11y, 5, GS_COMP_VALUE_DECEL_BELOW, self->target));
      gs_comp_row_add (row, gs_comp_field (self->plan, mult, GS_FIELD_KIND_NUMBER, "×", mult_a11y,
                                           5, GS_COMP_VALUE_DECEL_MULTIPLIER, self->target));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (retro), c->decel.retroactive);
      gtk_widget_set_valign (retro, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (retro), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      retro_a11y, -1);
      g_signal_connect (retro, "notify::active", G_CALLBACK (on_retroactive), self);
      gs_comp_row_add (row, retro);
      gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                            GS_COMP_ACTION_REMOVE_DECELERATOR, self->target));
    }
  else
    {
      g_autofree char *a11y = g_strdup_printf (_ ("Add a decelerator to %s"), c->name);
      row = gs_comp_action_row (self->group, _ ("Decelerator"), _ ("None"));
      gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Decelerator"), a11y, self->plan,
                                            GS_COMP_ACTION_ADD_DECELERATOR, self->target));
    }
}

/* The shared-measure mark and the buttons that move, copy and remove the
 * component. */
static GtkWidget *
header_suffix (GsCompComponentEditor *self, const GsCompRole *role, const GsCompComponent *c)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *up = g_strdup_printf (_ ("Move %s up"), c->name);
  g_autofree char *down = g_strdup_printf (_ ("Move %s down"), c->name);
  g_autofree char *copy = g_strdup_printf (_ ("Duplicate %s"), c->name);
  g_autofree char *remove = g_strdup_printf (_ ("Remove %s"), c->name);
  GtkWidget *b;

  if (gs_comp_measure_is_shared (comp, c->measure))
    {
      /* Joint measures: both sides are paid on the same number. */
      GtkWidget *shared
          = gtk_label_new (gs_role_kind_is_marketing (role->kind) ? _ ("Shared with sales")
                                                                  : _ ("Shared with marketing"));
      gtk_widget_add_css_class (shared, "side-shared-text");
      gtk_widget_add_css_class (shared, "heading");
      gtk_widget_set_margin_end (shared, 6);
      gtk_label_set_wrap (GTK_LABEL (shared), TRUE);
      gtk_widget_set_tooltip_text (shared, _ ("Shared by marketing and sales: roles on both sides "
                                              "are paid on this measure"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shared), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Shared by marketing and sales"), -1);
      gtk_box_append (GTK_BOX (box), shared);
    }
  b = gs_comp_button ("go-up-symbolic", NULL, up, self->plan, GS_COMP_ACTION_COMPONENT_UP,
                      self->target);
  gtk_widget_set_sensitive (b, self->target.component > 0);
  gtk_box_append (GTK_BOX (box), b);
  b = gs_comp_button ("go-down-symbolic", NULL, down, self->plan, GS_COMP_ACTION_COMPONENT_DOWN,
                      self->target);
  gtk_widget_set_sensitive (b, self->target.component + 1 < role->n_components);
  gtk_box_append (GTK_BOX (box), b);
  gtk_box_append (GTK_BOX (box), gs_comp_button ("edit-copy-symbolic", NULL, copy, self->plan,
                                                 GS_COMP_ACTION_DUPLICATE_COMPONENT, self->target));
  b = gs_comp_button ("user-trash-symbolic", NULL, remove, self->plan,
                      GS_COMP_ACTION_REMOVE_COMPONENT, self->target);
  gtk_widget_set_sensitive (b, role->n_components > 1);
  gtk_box_append (GTK_BOX (box), b);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

/* The discount modifier: one row per discount band, then Add. */
static void
discount_rows (GsCompComponentEditor *self, const GsCompComponent *c, const char *cpath)
{
  GtkWidget *row;
  for (guint k = 0; k < c->n_discount; k++)
    {
      GsCompTarget t = self->target;
      g_autofree char *title = g_strdup_printf (_ ("Discount row %u"), k + 1);
      g_autofree char *from = g_strdup_printf ("%s.discount_modifier[%u].from", cpath, k);
      g_autofree char *mult = g_strdup_printf ("%s.discount_modifier[%u].multiplier", cpath, k);
      g_autofree char *from_a11y
          = g_strdup_printf (_ ("%s: discount row %u from discount"), c->name, k + 1);
      g_autofree char *mult_a11y
          = g_strdup_printf (_ ("%s: discount row %u multiplier"), c->name, k + 1);
      g_autofree char *remove_a11y
          = g_strdup_printf (_ ("Remove discount row %u of %s"), k + 1, c->name);
      t.index = k;
      row = gs_comp_action_row (self->group, title,
                                _ ("Multiplies the pay from this discount off list"));
      gs_comp_row_add (row, gtk_label_new (_ ("from")));
      gs_comp_row_add (row, gs_comp_field (self->plan, from, GS_FIELD_KIND_PERCENT, "%", from_a11y,
                                           5, GS_COMP_VALUE_DISCOUNT_FROM, t));
      gs_comp_row_add (row, gs_comp_field (self->plan, mult, GS_FIELD_KIND_NUMBER, "×", mult_a11y,
                                           5, GS_COMP_VALUE_DISCOUNT_MULTIPLIER, t));
      gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                            GS_COMP_ACTION_REMOVE_DISCOUNT_ROW, t));
    }
  {
    g_autofree char *a11y = g_strdup_printf (_ ("Add a discount row to %s"), c->name);
    row = gs_comp_action_row (self->group, _ ("Discount modifier"),
                              c->n_discount ? NULL : _ ("None"));
    gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Row"), a11y, self->plan,
                                          GS_COMP_ACTION_ADD_DISCOUNT_ROW, self->target));
  }
}

static void
build (GsCompComponentEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsCompRole *role = &comp->roles[self->target.role];
  const GsCompComponent *c = component (self);
  guint j = self->target.component;
  g_autofree char *cpath
      = g_strdup_printf ("compensation.roles[%u].components[%u]", self->target.role, j);
  g_autofree char *name_path = g_strdup_printf ("%s.name", cpath);
  g_autofree char *weight_path = g_strdup_printf ("%s.weight", cpath);
  g_autofree char *quota_path = g_strdup_printf ("%s.quota", cpath);
  g_autofree char *name_a11y = g_strdup_printf (_ ("Name of component %u"), j + 1);
  g_autofree char *measure_a11y = g_strdup_printf (_ ("%s: measure paid on"), c->name);
  g_autofree char *weight_a11y = g_strdup_printf (_ ("%s: weight"), c->name);
  g_autofree char *quota_a11y = g_strdup_printf (_ ("%s: quota per person"), c->name);
  g_autofree char *period_a11y = g_strdup_printf (_ ("%s: measured"), c->name);
  g_autofree char *attain_a11y = g_strdup_printf (_ ("%s: attainment"), c->name);
  gboolean overridden = gs_comp_quota_is_set (self->plan, self->target.role, j);
  GsMeasureUnit unit = gs_measure_unit (c->measure);
  GtkWidget *row, *table_row;

  self->group = adw_preferences_group_new ();
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group),
                                           header_suffix (self, role, c));
  row = gs_comp_action_row (self->group, _ ("Name"), NULL);
  gs_comp_row_add (row, gs_comp_field (self->plan, name_path, GS_FIELD_KIND_TEXT, NULL, name_a11y,
                                       24, GS_COMP_VALUE_COMPONENT_NAME, self->target));
  row = gs_comp_action_row (self->group, _ ("Measure"), NULL);
  gs_comp_row_add (row,
                   gs_comp_choice (self->plan, GS_COMP_CHOICE_MEASURE, self->target, measure_a11y));
  self->weight_row = gs_comp_action_row (self->group, _ ("Weight"), NULL);
  gs_comp_row_add (self->weight_row,
                   gs_comp_field (self->plan, weight_path, GS_FIELD_KIND_PERCENT, "%", weight_a11y,
                                  5, GS_COMP_VALUE_WEIGHT, self->target));

  self->quota_row = gs_comp_action_row (
      self->group, overridden ? _ ("Quota (set here)") : _ ("Quota (from the goal sheets)"), NULL);
  self->quota = gs_comp_field (self->plan, quota_path, quota_kind (c->measure),
                               unit == GS_MEASURE_UNIT_MONEY   ? comp->currency
                               : unit == GS_MEASURE_UNIT_SHARE ? "%"
                                                               : NULL,
                               quota_a11y, 12, GS_COMP_VALUE_QUOTA, self->target);
  gs_comp_row_add (self->quota_row, self->quota);
  if (overridden)
    {
      g_autofree char *a11y = g_strdup_printf (_ ("Use the goal sheets’ quota for %s"), c->name);
      gs_comp_row_add (self->quota_row,
                       gs_comp_button ("edit-clear-symbolic", NULL, a11y, self->plan,
                                       GS_COMP_ACTION_CLEAR_QUOTA, self->target));
    }

  row = gs_comp_action_row (self->group, _ ("Measured and paid"), NULL);
  gs_comp_row_add (row,
                   gs_comp_choice (self->plan, GS_COMP_CHOICE_PERIOD, self->target, period_a11y));
  gs_comp_row_add (
      row, gs_comp_choice (self->plan, GS_COMP_CHOICE_ATTAINMENT, self->target, attain_a11y));

  /* A preferences row, so the table sits in the list, under the quota. */
  table_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (table_row), FALSE);
  {
    GtkWidget *editor = gs_rate_table_editor_new (self->plan, self->target.role, j);
    gtk_widget_set_margin_start (editor, 12);
    gtk_widget_set_margin_end (editor, 12);
    gtk_widget_set_margin_top (editor, 8);
    gtk_widget_set_margin_bottom (editor, 8);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (table_row), editor);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), table_row);

  tier_rows (self, c, cpath);
  decelerator_row (self, c, cpath);
  gs_comp_gate_row (self->group, self->plan, self->target, c->name);
  self->cap_row = gs_comp_cap_row (self->group, self->plan, self->target, c->name);
  discount_rows (self, c, cpath);
  gs_comp_component_editor_refresh (self);
}

static void
gs_comp_component_editor_dispose (GObject *object)
{
  GsCompComponentEditor *self = GS_COMP_COMPONENT_EDITOR (object);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_comp_component_editor_parent_class)->dispose (object);
}

static void
gs_comp_component_editor_class_init (GsCompComponentEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_comp_component_editor_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_component_editor_init (GsCompComponentEditor *self)
{
}

GtkWidget *
gs_comp_component_editor_new (GsPlan *plan, guint role, guint component)
{
  GsCompComponentEditor *self = g_object_new (GS_TYPE_COMP_COMPONENT_EDITOR, NULL);
  self->plan = g_object_ref (plan);
  self->target.role = role;
  self->target.component = component;
  build (self);
  return GTK_WIDGET (self);
}
