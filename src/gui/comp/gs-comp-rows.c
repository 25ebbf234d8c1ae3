/* gs-comp-rows.c — the rows the compensation editors are built of.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-rows.h"
#include "gs-a11y.h"
#include "gs-explain-comp.h"
#include "gs-error.h"
#include "gs-gui-format.h"
#include "gs-row-subtitle.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

/* The resolved compensation model (gs_plan_get_comp): what payouts read. */
const GsCompModel *
gs_comp_rows_model (GsPlan *plan)
{
  return plan ? gs_plan_get_comp (plan, NULL) : NULL;
}

static const GsCompRole *
role_at (GsPlan *plan, GsCompTarget t)
{
  const GsCompModel *comp = gs_comp_rows_model (plan);
  return comp && t.role < comp->n_roles ? &comp->roles[t.role] : NULL;
}

static const GsCompComponent *
component_at (GsPlan *plan, GsCompTarget t)
{
  const GsCompRole *role = role_at (plan, t);
  return role && t.component < role->n_components ? &role->components[t.component] : NULL;
}

static void
report (GtkWidget *widget, const char *message)
{
  gtk_widget_activate_action (widget, "comp.error", "s", message ? message : "");
}

/* Fields ------------------------------------------------------------------- */

typedef struct
{
  GsCompValue value;
  GsCompTarget target;
} FieldEdit;

/* A SPIF's first or last day typed as YYYY-MM-DD; the other day kept. */
static gboolean
apply_spif_date (GsPlan *plan, GsCompTarget t, gboolean first, const char *text, GError **error)
{
  const GsCompRole *role = role_at (plan, t);
  int y = 0, m = 0, d = 0;
  char end = 0;
  GDate date;

  if (role == NULL || t.index >= role->n_spifs)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("This SPIF is no longer in the plan"));
      return FALSE;
    }
  g_date_clear (&date, 1);
  if (sscanf (text ? text : "", "%d-%d-%d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy ((GDateDay) CLAMP (d, 0, 255), (GDateMonth) CLAMP (m, 0, 13),
                            (GDateYear) CLAMP (y, 0, G_MAXUINT16)))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("“%s” is not a date; write it as year-month-day, 2027-03-31"),
                   text ? text : "");
      return FALSE;
    }
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return gs_comp_set_spif_dates (plan, t.role, t.index, first ? &date : &role->spifs[t.index].from,
                                 first ? &role->spifs[t.index].to : &date, error);
}

/* A SPIF's rule with one condition changed (an empty field: no condition). */
static gboolean
apply_spif_rule (GsPlan *plan, GsCompTarget t, GsCompValue value, const char *text, double number,
                 GError **error)
{
  const GsCompRole *role = role_at (plan, t);
  gboolean empty = text == NULL || *text == '\0';
  GsSpifRule rule;
  if (role == NULL || t.index >= role->n_spifs)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("This SPIF is no longer in the plan"));
      return FALSE;
    }
  rule = role->spifs[t.index].rule;
  rule.present = TRUE;
  if (value == GS_COMP_VALUE_SPIF_MIN_AMOUNT)
    rule.min_amount = empty ? 0 : gs_money_round (number);
  else if (value == GS_COMP_VALUE_SPIF_MIN_TERM)
    rule.min_term_months = empty ? 0 : number < 1 ? G_MAXUINT : (guint) MIN (number, G_MAXUINT);
  else
    rule.max_discount = empty ? -1 : number;
  return gs_comp_set_spif_rule (plan, t.role, t.index, &rule, error);
}

gboolean
gs_comp_set_spif_rule_type (GsPlan *plan, GsCompTarget t, GsDealType type, gboolean tagged,
                            GError **error)
{
  const GsCompRole *role = role_at (plan, t);
  GsSpifRule rule;
  if (role == NULL || t.index >= role->n_spifs)
    return TRUE;
  rule = role->spifs[t.index].rule;
  if (rule.deal_type == type && rule.tagged == tagged)
    return TRUE;
  rule.present = TRUE;
  rule.deal_type = type;
  rule.tagged = tagged;
  return gs_comp_set_spif_rule (plan, t.role, t.index, &rule, error);
}

static gboolean
apply_value (GsPlan *plan, const char *text, double number, gpointer data, GError **error)
{
  const FieldEdit *f = data;
  GsCompTarget t = f->target;
  const GsCompComponent *c = component_at (plan, t);
  const GsGate *gate;

  switch (f->value)
    {
    case GS_COMP_VALUE_ROLE_NAME:
      return gs_comp_set_role_name (plan, t.role, text, error);
    case GS_COMP_VALUE_OTE:
      return gs_comp_set_ote (plan, t.role, gs_money_round (number), error);
    case GS_COMP_VALUE_PAY_MIX:
      return gs_comp_set_pay_mix (plan, t.role, number, error);
    case GS_COMP_VALUE_HEADCOUNT:
      if (number < 0)
        number = G_MAXUINT; /* refused by the engine as out of range */
      return gs_comp_set_headcount (plan, t.role, (guint) number, error);
    case GS_COMP_VALUE_COMPONENT_NAME:
      return gs_comp_set_component_name (plan, t.role, t.component, text, error);
    case GS_COMP_VALUE_WEIGHT:
      return gs_comp_set_weight (plan, t.role, t.component, number, error);
    case GS_COMP_VALUE_QUOTA:
      return gs_comp_set_quota (plan, t.role, t.component, number, error);
    case GS_COMP_VALUE_RATE:
      return gs_comp_set_band_rate (plan, t.role, t.component, t.index, number, error);
    case GS_COMP_VALUE_ACCEL_ABOVE:
    case GS_COMP_VALUE_ACCEL_MULTIPLIER:
      if (c == NULL || t.index >= c->n_tiers)
        break;
      return gs_comp_set_accelerator (
          plan, t.role, t.component, t.index,
          f->value == GS_COMP_VALUE_ACCEL_ABOVE ? number : c->tiers[t.index].above,
          f->value == GS_COMP_VALUE_ACCEL_MULTIPLIER ? number : c->tiers[t.index].multiplier,
          error);
    case GS_COMP_VALUE_DECEL_BELOW:
    case GS_COMP_VALUE_DECEL_MULTIPLIER:
      if (c == NULL)
        break;
      return gs_comp_set_decelerator (
          plan, t.role, t.component,
          f->value == GS_COMP_VALUE_DECEL_BELOW ? number : c->decel.below,
          f->value == GS_COMP_VALUE_DECEL_MULTIPLIER ? number : c->decel.multiplier,
          c->decel.retroactive, error);
    case GS_COMP_VALUE_GATE_MIN:
      gate = c ? &c->gate : role_at (plan, t) ? &role_at (plan, t)->gate : NULL;
      if (gate == NULL)
        break;
      return gs_comp_set_gate (plan, t.role, t.component, gate->measure, number, error);
    case GS_COMP_VALUE_CAP_OF_TARGET:
      return gs_comp_set_cap_of_target (plan, t.role, t.component, number, error);
    case GS_COMP_VALUE_CAP_AMOUNT:
      return gs_comp_set_cap_amount (plan, t.role, t.component, gs_money_round (number), error);
    case GS_COMP_VALUE_SPIF_NAME:
      return gs_comp_set_spif_name (plan, t.role, t.index, text, error);
    case GS_COMP_VALUE_SPIF_AMOUNT:
      return gs_comp_set_spif_amount (plan, t.role, t.index, gs_money_round (number), error);
    case GS_COMP_VALUE_SPIF_FROM:
    case GS_COMP_VALUE_SPIF_TO:
      return apply_spif_date (plan, t, f->value == GS_COMP_VALUE_SPIF_FROM, text, error);
    case GS_COMP_VALUE_SPIF_EVENTS:
      return gs_comp_set_spif_events (plan, t.role, t.index, number, error);
    case GS_COMP_VALUE_DRAW_AMOUNT:
    case GS_COMP_VALUE_DRAW_MONTHS:
      if (role_at (plan, t) == NULL || !role_at (plan, t)->draw.present)
        break;
      return gs_comp_set_draw (
          plan, t.role,
          f->value == GS_COMP_VALUE_DRAW_AMOUNT ? gs_money_round (number)
                                                : role_at (plan, t)->draw.amount,
          f->value == GS_COMP_VALUE_DRAW_MONTHS ? (guint) CLAMP (number, 0, G_MAXUINT)
                                                : role_at (plan, t)->draw.months,
          role_at (plan, t)->draw.recoverable, error);
    case GS_COMP_VALUE_CLAWBACK_DAYS:
      return gs_comp_set_clawback_days (plan, t.role, (guint) CLAMP (number, 0, G_MAXUINT), error);
    case GS_COMP_VALUE_CLAWBACK_SHARE:
      return gs_comp_set_clawback_share (plan, t.role, *text ? number : 1, error);
    case GS_COMP_VALUE_SPIF_MIN_AMOUNT:
    case GS_COMP_VALUE_SPIF_MIN_TERM:
    case GS_COMP_VALUE_SPIF_MAX_DISCOUNT:
      return apply_spif_rule (plan, t, f->value, text, number, error);
    case GS_COMP_VALUE_DISCOUNT_FROM:
    case GS_COMP_VALUE_DISCOUNT_MULTIPLIER:
      if (c == NULL || t.index >= c->n_discount)
        break;
      return gs_comp_set_discount_row (
          plan, t.role, t.component, t.index,
          f->value == GS_COMP_VALUE_DISCOUNT_FROM ? number : c->discount[t.index].from,
          f->value == GS_COMP_VALUE_DISCOUNT_MULTIPLIER ? number : c->discount[t.index].rate,
          error);
    }
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("This modifier is no longer in the plan"));
  return FALSE;
}

GtkWidget *
gs_comp_field (GsPlan *plan, const char *path, GsFieldKind kind, const char *unit, const char *a11y,
               int width, GsCompValue value, GsCompTarget target)
{
  GtkWidget *f = gs_field_new (plan, path, kind, unit, a11y);
  FieldEdit *edit = g_new0 (FieldEdit, 1);
  edit->value = value;
  edit->target = target;
  gs_field_set_apply (GS_FIELD (f), apply_value, edit, g_free);
  g_object_set_data (G_OBJECT (f), "gs-comp-target", &edit->target);
  gs_field_set_width (GS_FIELD (f), width);
  gtk_widget_set_hexpand (f, FALSE);
  gtk_widget_set_valign (f, GTK_ALIGN_CENTER);
  return f;
}

/* Buttons ------------------------------------------------------------------ */

gboolean
gs_comp_rows_apply (GsPlan *plan, GsCompAction action, GsCompTarget t, GError **error)
{
  switch (action)
    {
    case GS_COMP_ACTION_ADD_ACCELERATOR:
      return gs_comp_add_accelerator (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_ACCELERATOR:
      return gs_comp_remove_accelerator (plan, t.role, t.component, t.index, error);
    case GS_COMP_ACTION_ADD_DECELERATOR:
      return gs_comp_add_decelerator (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_DECELERATOR:
      return gs_comp_remove_decelerator (plan, t.role, t.component, error);
    case GS_COMP_ACTION_ADD_GATE:
      return gs_comp_add_gate (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_GATE:
      return gs_comp_remove_gate (plan, t.role, t.component, error);
    case GS_COMP_ACTION_ADD_CAP:
      return gs_comp_add_cap (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_CAP:
      return gs_comp_remove_cap (plan, t.role, t.component, error);
    case GS_COMP_ACTION_CLEAR_QUOTA:
      return gs_comp_clear_quota (plan, t.role, t.component, error);
    case GS_COMP_ACTION_CLEAR_HEADCOUNT:
      return gs_comp_clear_headcount (plan, t.role, error);
    case GS_COMP_ACTION_ADD_BAND:
      return gs_comp_add_band (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_BAND:
      return gs_comp_remove_band (plan, t.role, t.component, t.index, error);
    case GS_COMP_ACTION_ADD_COMPONENT:
      return gs_comp_add_component (plan, t.role, NULL, error);
    case GS_COMP_ACTION_REMOVE_COMPONENT:
      return gs_comp_remove_component (plan, t.role, t.component, error);
    case GS_COMP_ACTION_DUPLICATE_COMPONENT:
      return gs_comp_duplicate_component (plan, t.role, t.component, error);
    case GS_COMP_ACTION_COMPONENT_UP:
      return gs_comp_move_component (plan, t.role, t.component, t.component - 1, error);
    case GS_COMP_ACTION_COMPONENT_DOWN:
      return gs_comp_move_component (plan, t.role, t.component, t.component + 1, error);
    case GS_COMP_ACTION_ADD_SPIF:
      return gs_comp_add_spif (plan, t.role, error);
    case GS_COMP_ACTION_REMOVE_SPIF:
      return gs_comp_remove_spif (plan, t.role, t.index, error);
    case GS_COMP_ACTION_ADD_DRAW:
      return gs_comp_add_draw (plan, t.role, error);
    case GS_COMP_ACTION_REMOVE_DRAW:
      return gs_comp_remove_draw (plan, t.role, error);
    case GS_COMP_ACTION_ADD_CLAWBACK:
      return gs_comp_add_clawback (plan, t.role, error);
    case GS_COMP_ACTION_REMOVE_CLAWBACK:
      return gs_comp_remove_clawback (plan, t.role, error);
    case GS_COMP_ACTION_ADD_SPIF_RULE:
      {
        GsSpifRule rule = { .present = TRUE, .max_discount = -1 };
        return gs_comp_set_spif_rule (plan, t.role, t.index, &rule, error);
      }
    case GS_COMP_ACTION_REMOVE_SPIF_RULE:
      return gs_comp_set_spif_rule (plan, t.role, t.index, NULL, error);
    case GS_COMP_ACTION_ADD_DISCOUNT_ROW:
      return gs_comp_add_discount_row (plan, t.role, t.component, error);
    case GS_COMP_ACTION_REMOVE_DISCOUNT_ROW:
      return gs_comp_remove_discount_row (plan, t.role, t.component, t.index, error);
    }
  g_return_val_if_reached (FALSE);
}

typedef struct
{
  GsPlan *plan;
  GsCompAction action;
  GsCompTarget target;
} ButtonEdit;

static void
button_edit_free (gpointer data, GClosure *closure)
{
  ButtonEdit *b = data;
  g_object_unref (b->plan);
  g_free (b);
}

static void
on_button (GtkButton *button, ButtonEdit *b)
{
  g_autoptr (GError) error = NULL;
  /* The edit may rebuild the editor this button is on. */
  g_object_ref (button);
  if (gs_comp_rows_apply (b->plan, b->action, b->target, &error))
    report (GTK_WIDGET (button), NULL);
  else
    report (GTK_WIDGET (button), error->message);
  g_object_unref (button);
}

GtkWidget *
gs_comp_button (const char *icon, const char *label, const char *a11y, GsPlan *plan,
                GsCompAction action, GsCompTarget target)
{
  GtkWidget *button
      = icon ? gtk_button_new_from_icon_name (icon) : gtk_button_new_with_label (label);
  ButtonEdit *b = g_new0 (ButtonEdit, 1);
  b->plan = g_object_ref (plan);
  b->action = action;
  b->target = target;
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_button), b, button_edit_free, 0);
  g_object_set_data (G_OBJECT (button), "gs-comp-target", &b->target);
  return button;
}

/* Choices ------------------------------------------------------------------ */

typedef struct
{
  GsPlan *plan;
  GsCompChoice choice;
  GsCompTarget target;
  gboolean updating;
} ChoiceEdit;

static void
choice_edit_free (gpointer data, GClosure *closure)
{
  ChoiceEdit *c = data;
  g_object_unref (c->plan);
  g_free (c);
}

/* The choice's options and the one the plan has. */
static guint
choice_current (GsPlan *plan, GsCompChoice choice, GsCompTarget t)
{
  const GsCompModel *comp = gs_comp_rows_model (plan);
  const GsCompRole *role = role_at (plan, t);
  const GsCompComponent *c = component_at (plan, t);
  switch (choice)
    {
    case GS_COMP_CHOICE_MEASURE:
      return c ? c->measure : 0;
    case GS_COMP_CHOICE_PERIOD:
      return c ? c->period : 0;
    case GS_COMP_CHOICE_ATTAINMENT:
      return c ? c->attain : 0;
    case GS_COMP_CHOICE_GATE_MEASURE:
      return c ? c->gate.measure : role ? role->gate.measure : 0;
    case GS_COMP_CHOICE_TABLE_KIND:
      return c ? c->table.kind : 0;
    case GS_COMP_CHOICE_BOUNDARY:
      return comp ? comp->boundary : 0;
    }
  return 0;
}

static gboolean
choice_apply (GsPlan *plan, GsCompChoice choice, GsCompTarget t, guint selected, GError **error)
{
  const GsCompRole *role = role_at (plan, t);
  const GsCompComponent *c = component_at (plan, t);
  switch (choice)
    {
    case GS_COMP_CHOICE_MEASURE:
      return gs_comp_set_measure (plan, t.role, t.component, selected, error);
    case GS_COMP_CHOICE_PERIOD:
      return gs_comp_set_period (plan, t.role, t.component, selected, error);
    case GS_COMP_CHOICE_ATTAINMENT:
      return gs_comp_set_attain_mode (plan, t.role, t.component, selected, error);
    case GS_COMP_CHOICE_GATE_MEASURE:
      return gs_comp_set_gate (plan, t.role, t.component, selected,
                               c      ? c->gate.min_attainment
                               : role ? role->gate.min_attainment
                                      : 0,
                               error);
    case GS_COMP_CHOICE_TABLE_KIND:
      return gs_comp_set_table_kind (plan, t.role, t.component, selected, error);
    case GS_COMP_CHOICE_BOUNDARY:
      return gs_comp_set_boundary_rule (plan, selected, error);
    }
  g_return_val_if_reached (FALSE);
}

static void
on_choice (GtkDropDown *dropdown, GParamSpec *pspec, ChoiceEdit *c)
{
  g_autoptr (GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  if (c->updating || selected == GTK_INVALID_LIST_POSITION
      || selected == choice_current (c->plan, c->choice, c->target))
    return;
  g_object_ref (dropdown);
  if (choice_apply (c->plan, c->choice, c->target, selected, &error))
    report (GTK_WIDGET (dropdown), NULL);
  else
    {
      /* Refused: show what the plan still has. */
      c->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, choice_current (c->plan, c->choice, c->target));
      c->updating = FALSE;
      report (GTK_WIDGET (dropdown), error->message);
    }
  g_object_unref (dropdown);
}

GtkWidget *
gs_comp_choice (GsPlan *plan, GsCompChoice choice, GsCompTarget target, const char *a11y)
{
  const char *measures[GS_N_MEASURES + 1] = { NULL };
  const char *periods[] = { _ ("Monthly"), _ ("Quarterly"), _ ("Annually"), NULL };
  const char *attain[] = { _ ("Each period"), _ ("Year to date"), NULL };
  const char *kinds[] = { _ ("Flat"), _ ("Marginal"), _ ("Band"), NULL };
  const char *boundaries[]
      = { _ ("Belongs to the upper band"), _ ("Belongs to the lower band"), NULL };
  const char *const *labels = NULL;
  GtkWidget *dropdown;
  ChoiceEdit *c;

  for (guint i = 0; i < GS_N_MEASURES; i++)
    measures[i] = gs_explain_measure (i);
  switch (choice)
    {
    case GS_COMP_CHOICE_MEASURE:
    case GS_COMP_CHOICE_GATE_MEASURE:
      labels = measures;
      break;
    case GS_COMP_CHOICE_PERIOD:
      labels = periods;
      break;
    case GS_COMP_CHOICE_ATTAINMENT:
      labels = attain;
      break;
    case GS_COMP_CHOICE_TABLE_KIND:
      labels = kinds;
      break;
    case GS_COMP_CHOICE_BOUNDARY:
      labels = boundaries;
      break;
    }
  dropdown = gtk_drop_down_new_from_strings (labels);
  c = g_new0 (ChoiceEdit, 1);
  c->plan = g_object_ref (plan);
  c->choice = choice;
  c->target = target;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice_current (plan, choice, target));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gs_a11y_set_label (dropdown, a11y, NULL);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (on_choice), c, choice_edit_free,
                         0);
  return dropdown;
}

/* Rows --------------------------------------------------------------------- */

GtkWidget *
gs_comp_action_row (GtkWidget *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

void
gs_comp_row_add (GtkWidget *row, GtkWidget *suffix)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
}

/* The path of a component (or the role) in the plan, for a field's value. */
static char *
target_path (GsCompTarget t)
{
  if (t.component == GS_COMP_WHOLE_ROLE)
    return g_strdup_printf ("compensation.roles[%u]", t.role);
  return g_strdup_printf ("compensation.roles[%u].components[%u]", t.role, t.component);
}

/* A row's widget given its label's text. */
static GtkWidget *
labelled (GtkWidget *widget, GsCompLabel label, const GsCompNames *names)
{
  gs_comp_label_tag (widget, label, names);
  return widget;
}

void
gs_comp_gate_row (GtkWidget *group, GsPlan *plan, GsCompTarget t, const char *name)
{
  const GsCompRole *role = role_at (plan, t);
  const GsCompComponent *c = component_at (plan, t);
  const GsGate *gate = c ? &c->gate : &role->gate;
  GsCompNames names = { .name = name };
  GtkWidget *row;

  if (gate->present)
    {
      g_autofree char *path = target_path (t);
      g_autofree char *apath = g_strdup_printf ("%s.gate.min_attainment", path);
      g_autofree char *m_a11y = gs_comp_label_text (GS_COMP_LABEL_GATE_MEASURE, &names);
      g_autofree char *a_a11y = gs_comp_label_text (GS_COMP_LABEL_GATE_MIN, &names);
      g_autofree char *remove_a11y = gs_comp_label_text (GS_COMP_LABEL_REMOVE_GATE, &names);
      row = gs_comp_action_row (group, _ ("Gate"), _ ("Pays nothing below this attainment of"));
      gs_comp_row_add (row, labelled (gs_comp_choice (plan, GS_COMP_CHOICE_GATE_MEASURE, t, m_a11y),
                                      GS_COMP_LABEL_GATE_MEASURE, &names));
      gs_comp_row_add (row, labelled (gs_comp_field (plan, apath, GS_FIELD_KIND_PERCENT, "%",
                                                     a_a11y, 5, GS_COMP_VALUE_GATE_MIN, t),
                                      GS_COMP_LABEL_GATE_MIN, &names));
      gs_comp_row_add (row, labelled (gs_comp_button ("list-remove-symbolic", NULL, remove_a11y,
                                                      plan, GS_COMP_ACTION_REMOVE_GATE, t),
                                      GS_COMP_LABEL_REMOVE_GATE, &names));
    }
  else
    {
      g_autofree char *a11y = gs_comp_label_text (GS_COMP_LABEL_ADD_GATE, &names);
      row = gs_comp_action_row (group, _ ("Gate"), _ ("None"));
      gs_comp_row_add (row, labelled (gs_comp_button (NULL, _ ("Add Gate"), a11y, plan,
                                                      GS_COMP_ACTION_ADD_GATE, t),
                                      GS_COMP_LABEL_ADD_GATE, &names));
    }
}

static const GsCap *
cap_at (GsPlan *plan, GsCompTarget t)
{
  const GsCompRole *role = role_at (plan, t);
  const GsCompComponent *c = component_at (plan, t);
  return c ? &c->cap : role ? &role->cap : NULL;
}

void
gs_comp_cap_row_update (GtkWidget *row, GsPlan *plan, GsCompTarget t)
{
  const GsCap *cap = cap_at (plan, t);
  g_autofree char *amount = NULL, *subtitle = NULL;
  if (row == NULL || cap == NULL || !cap->present)
    return;
  amount = gs_comp_money_text (gs_comp_rows_model (plan), cap->amount);
  subtitle = g_strdup_printf (_ ("At most %s a year per person"), amount);
  /* A cap of target pay follows every OTE edit: drawn, not laid out. */
  gs_row_subtitle_set (ADW_ACTION_ROW (row), subtitle);
}

GtkWidget *
gs_comp_cap_row (GtkWidget *group, GsPlan *plan, GsCompTarget t, const char *name)
{
  const GsCompModel *comp = gs_comp_rows_model (plan);
  const GsCap *cap = cap_at (plan, t);
  GsCompNames names = { .name = name };
  GtkWidget *row;

  if (cap->present)
    {
      g_autofree char *path = target_path (t);
      g_autofree char *vpath
          = g_strdup_printf (cap->of_target ? "%s.cap.of_target" : "%s.cap.amount", path);
      g_autofree char *a11y = gs_comp_label_text (GS_COMP_LABEL_CAP, &names);
      g_autofree char *remove_a11y = gs_comp_label_text (GS_COMP_LABEL_REMOVE_CAP, &names);
      row = gs_comp_action_row (group, _ ("Cap"), NULL);
      gs_comp_cap_row_update (row, plan, t);
      gs_comp_row_add (
          row, labelled (cap->of_target
                             ? gs_comp_field (plan, vpath, GS_FIELD_KIND_NUMBER, _ ("× target"),
                                              a11y, 5, GS_COMP_VALUE_CAP_OF_TARGET, t)
                             : gs_comp_field (plan, vpath, GS_FIELD_KIND_MONEY, comp->currency,
                                              a11y, 10, GS_COMP_VALUE_CAP_AMOUNT, t),
                         GS_COMP_LABEL_CAP, &names));
      gs_comp_row_add (row, labelled (gs_comp_button ("list-remove-symbolic", NULL, remove_a11y,
                                                      plan, GS_COMP_ACTION_REMOVE_CAP, t),
                                      GS_COMP_LABEL_REMOVE_CAP, &names));
    }
  else
    {
      g_autofree char *a11y = gs_comp_label_text (GS_COMP_LABEL_ADD_CAP, &names);
      row = gs_comp_action_row (group, _ ("Cap"), _ ("None"));
      gs_comp_row_add (row, labelled (gs_comp_button (NULL, _ ("Add Cap"), a11y, plan,
                                                      GS_COMP_ACTION_ADD_CAP, t),
                                      GS_COMP_LABEL_ADD_CAP, &names));
    }
  return row;
}

/* Labels ------------------------------------------------------------------- */

char *
gs_comp_label_text (GsCompLabel label, const GsCompNames *n)
{
  switch (label)
    {
    case GS_COMP_LABEL_NONE:
      break;
    case GS_COMP_LABEL_GATE_MEASURE:
      return g_strdup_printf (_ ("%s: gate measure"), n->name);
    case GS_COMP_LABEL_GATE_MIN:
      return g_strdup_printf (_ ("%s: gate minimum attainment"), n->name);
    case GS_COMP_LABEL_REMOVE_GATE:
      return g_strdup_printf (_ ("Remove the gate of %s"), n->name);
    case GS_COMP_LABEL_ADD_GATE:
      return g_strdup_printf (_ ("Add a gate to %s"), n->name);
    case GS_COMP_LABEL_CAP:
      return g_strdup_printf (_ ("%s: cap"), n->name);
    case GS_COMP_LABEL_REMOVE_CAP:
      return g_strdup_printf (_ ("Remove the cap of %s"), n->name);
    case GS_COMP_LABEL_ADD_CAP:
      return g_strdup_printf (_ ("Add a cap to %s"), n->name);
    case GS_COMP_LABEL_ADD_COMPONENT:
      return g_strdup_printf (_ ("Add a component to %s"), n->name);
    case GS_COMP_LABEL_ADD_SPIF:
      return g_strdup_printf (_ ("Add a SPIF to %s"), n->name);
    case GS_COMP_LABEL_DRAW_AMOUNT:
      return g_strdup_printf (_ ("%s: draw a month"), n->name);
    case GS_COMP_LABEL_DRAW_MONTHS:
      return g_strdup_printf (_ ("%s: months of draw"), n->name);
    case GS_COMP_LABEL_DRAW_RECOVERABLE:
      return g_strdup_printf (_ ("%s: draw is recoverable"), n->name);
    case GS_COMP_LABEL_REMOVE_DRAW:
      return g_strdup_printf (_ ("Remove the draw of %s"), n->name);
    case GS_COMP_LABEL_ADD_DRAW:
      return g_strdup_printf (_ ("Add a draw to %s"), n->name);
    case GS_COMP_LABEL_CLAWBACK_DAYS:
      return g_strdup_printf (_ ("%s: clawback window in days"), n->name);
    case GS_COMP_LABEL_CLAWBACK_SHARE:
      return g_strdup_printf (_ ("%s: share of the pay a clawback takes back"), n->name);
    case GS_COMP_LABEL_REMOVE_CLAWBACK:
      return g_strdup_printf (_ ("Remove the clawback of %s"), n->name);
    case GS_COMP_LABEL_ADD_CLAWBACK:
      return g_strdup_printf (_ ("Add a clawback to %s"), n->name);
    case GS_COMP_LABEL_SPIF_AMOUNT:
      return g_strdup_printf (_ ("SPIF %s: amount per event"), n->spif);
    case GS_COMP_LABEL_SPIF_EVENTS:
      return g_strdup_printf (_ ("SPIF %s: events expected per person"), n->spif);
    case GS_COMP_LABEL_SPIF_FROM:
      return g_strdup_printf (_ ("SPIF %s: first day"), n->spif);
    case GS_COMP_LABEL_SPIF_TO:
      return g_strdup_printf (_ ("SPIF %s: last day"), n->spif);
    case GS_COMP_LABEL_REMOVE_SPIF:
      return g_strdup_printf (_ ("Remove SPIF %s"), n->spif);
    case GS_COMP_LABEL_SPIF_ADD_RULE:
      return g_strdup_printf (_ ("SPIF %s: qualify deals by a rule"), n->spif);
    case GS_COMP_LABEL_SPIF_REMOVE_RULE:
      return g_strdup_printf (_ ("SPIF %s: qualify the deals the CRM tags instead"), n->spif);
    case GS_COMP_LABEL_SPIF_MIN_AMOUNT:
      return g_strdup_printf (_ ("SPIF %s: smallest qualifying deal"), n->spif);
    case GS_COMP_LABEL_SPIF_MIN_TERM:
      return g_strdup_printf (_ ("SPIF %s: shortest qualifying term"), n->spif);
    case GS_COMP_LABEL_SPIF_MAX_DISCOUNT:
      return g_strdup_printf (_ ("SPIF %s: largest qualifying discount"), n->spif);
    case GS_COMP_LABEL_SPIF_DEAL_TYPE:
      return g_strdup_printf (_ ("SPIF %s: new or existing business"), n->spif);
    case GS_COMP_LABEL_SPIF_TAGGED:
      return g_strdup_printf (_ ("SPIF %s: tagged in the CRM too"), n->spif);
    case GS_COMP_LABEL_SPIF_SOURCE:
      return g_strdup_printf (_ ("SPIF %s: deals from %s"), n->spif, n->source);
    case GS_COMP_LABEL_SPIF_TITLE:
      return g_strdup_printf (_ ("SPIF %u"), n->number);
    case GS_COMP_LABEL_SPIF_NAME:
      return g_strdup_printf (_ ("Name of SPIF %u"), n->number);
    case GS_COMP_LABEL_SOURCE:
      return g_strdup (n->source);
    }
  return NULL;
}

static void
label_apply (GtkWidget *widget, const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), text);
  else if (GS_IS_FIELD (widget))
    gs_field_set_label (GS_FIELD (widget), text);
  else if (GTK_IS_DROP_DOWN (widget))
    gs_a11y_set_label (widget, text, NULL);
  else
    {
      if (GTK_IS_BUTTON (widget))
        gtk_widget_set_tooltip_text (widget, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
}

void
gs_comp_label_tag (GtkWidget *widget, GsCompLabel label, const GsCompNames *names)
{
  g_object_set_data (G_OBJECT (widget), "gs-comp-label", GUINT_TO_POINTER (label));
  g_object_set_data (G_OBJECT (widget), "gs-comp-label-text", NULL);
  gs_comp_label_update (widget, names);
}

void
gs_comp_label_update (GtkWidget *widget, const GsCompNames *names)
{
  GsCompLabel label = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "gs-comp-label"));
  char *text;
  if (label == GS_COMP_LABEL_NONE)
    return;
  text = gs_comp_label_text (label, names);
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (widget), "gs-comp-label-text")) == 0)
    {
      g_free (text);
      return;
    }
  label_apply (widget, text);
  g_object_set_data_full (G_OBJECT (widget), "gs-comp-label-text", text, g_free);
}

void
gs_comp_retarget (GtkWidget *widget, guint index)
{
  GsCompTarget *t = g_object_get_data (G_OBJECT (widget), "gs-comp-target");
  if (t)
    t->index = index;
}

/* Text --------------------------------------------------------------------- */

char *
gs_comp_money_text (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, comp->currency, GS_MONEY_FORMAT_FULL);
}

char *
gs_comp_percent_text (double fraction)
{
  g_autofree char *n = gs_format_input_number (fraction * 100.0, 2);
  return g_strdup_printf ("%s %%", n);
}

char *
gs_comp_quantity_text (const GsCompModel *comp, GsMeasure measure, double value)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return gs_comp_money_text (comp, gs_money_round (value));
    case GS_MEASURE_UNIT_SHARE:
      return gs_comp_percent_text (value);
    case GS_MEASURE_UNIT_COUNT:
    default:
      return gs_format_input_number (value, 2);
    }
}
