/* gs-comp-plan-editor.c — one role's compensation plan, edited.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-plan-editor.h"
#include "gs-a11y.h"
#include "gs-explain-comp.h"
#include "gs-comp-component-editor.h"
#include "gs-comp-component-item.h"
#include "gs-comp-rows.h"
#include "gs-field.h"
#include "gs-gui-format.h"

#include <glib/gi18n.h>
#include <string.h>

/* What the whole-role group is built from; zero-filled for memcmp. */
typedef struct
{
  gboolean gate, cap, cap_of_target, draw, clawback;
  GsMeasure gate_measure;
  guint n_spifs;
  guint spif_rules;   /* bit s: SPIF s has a "qualifies" rule */
  guint name_hash;    /* the buttons' accessible names say the role's name */
  guint sources_hash; /* a rule's check list names the plan's sources */
} RoleShape;

struct _GsCompPlanEditor
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *error_label;
  GtkWidget *pay_box;
  GtkWidget *components_box;
  GtkWidget *role_box;
  GtkWidget *pay_mix_row;   /* subtitle: base + target incentive */
  GtkWidget *headcount_row; /* subtitle: how many and why */
  GsPlan *plan;
  guint role;
  char *role_id; /* another role moved to this index: built again */
  gboolean built;
  gboolean headcount_set;
  RoleShape role_shape;
  GListStore *components;  /* of GsCompComponentItem */
  GPtrArray *rule_widgets; /* each SPIF rule's type, tagged and source checks, in role_box */
};

G_DEFINE_FINAL_TYPE (GsCompPlanEditor, gs_comp_plan_editor, GTK_TYPE_WIDGET)

static const GsCompRole *
current_role (GsCompPlanEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  return comp && self->role < comp->n_roles ? &comp->roles[self->role] : NULL;
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (parent)))
    gtk_box_remove (GTK_BOX (parent), child);
}

void
gs_comp_plan_editor_show_error (GsCompPlanEditor *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message && *message);
}

static void
on_error (GtkWidget *widget, const char *action, GVariant *param)
{
  gs_comp_plan_editor_show_error (GS_COMP_PLAN_EDITOR (widget), g_variant_get_string (param, NULL));
}

/* Figures derived from values. */
static void
update_derived (GsCompPlanEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsCompRole *role = current_role (self);
  g_autofree char *summary = NULL, *base = NULL, *ti = NULL, *split = NULL;
  if (role == NULL)
    return;
  summary
      = g_strdup_printf (g_dngettext (NULL, "%u person (%s)", "%u people (%s)", role->headcount),
                         role->headcount, gs_explain_headcount_from (role));
  base = gs_comp_money_text (comp, role->base);
  ti = gs_comp_money_text (comp, role->target_incentive);
  split = g_strdup_printf (_ ("Base %s + target incentive %s"), base, ti);
  gtk_label_set_text (GTK_LABEL (self->title), role->name);
  gtk_label_set_text (GTK_LABEL (self->subtitle), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pay_mix_row), split);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->headcount_row), summary);
  if (!self->headcount_set)
    {
      GtkWidget *hc = g_object_get_data (G_OBJECT (self->headcount_row), "field");
      g_autofree char *n = g_strdup_printf ("%u", role->headcount);
      gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (hc))), n);
    }
}

static void
build_pay (GsCompPlanEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  g_autofree char *rpath = g_strdup_printf ("compensation.roles[%u]", self->role);
  g_autofree char *name = g_strdup_printf ("%s.name", rpath);
  g_autofree char *ote = g_strdup_printf ("%s.ote", rpath);
  g_autofree char *mix = g_strdup_printf ("%s.pay_mix", rpath);
  g_autofree char *headcount = g_strdup_printf ("%s.headcount", rpath);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *hc;

  remove_children (self->pay_box);
  self->headcount_set = gs_comp_headcount_is_set (self->plan, self->role);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Pay"));
  row = gs_comp_action_row (group, _ ("Role name"), NULL);
  gs_comp_row_add (row, gs_comp_field (self->plan, name, GS_FIELD_KIND_TEXT, NULL, _ ("Role name"),
                                       24, GS_COMP_VALUE_ROLE_NAME, t));
  row = gs_comp_action_row (group, _ ("On-target earnings"), NULL);
  gs_comp_row_add (row,
                   gs_comp_field (self->plan, ote, GS_FIELD_KIND_MONEY, comp->currency,
                                  _ ("On-target earnings per person"), 12, GS_COMP_VALUE_OTE, t));
  self->pay_mix_row = gs_comp_action_row (group, _ ("Pay mix"), NULL);
  gs_comp_row_add (self->pay_mix_row, gs_comp_field (self->plan, mix, GS_FIELD_KIND_PERCENT, "%",
                                                     _ ("Pay mix: target incentive share of OTE"),
                                                     5, GS_COMP_VALUE_PAY_MIX, t));
  self->headcount_row = gs_comp_action_row (group, _ ("Headcount"), NULL);
  hc = gs_comp_field (self->plan, headcount, GS_FIELD_KIND_INT, NULL, _ ("Headcount override"), 5,
                      GS_COMP_VALUE_HEADCOUNT, t);
  g_object_set_data (G_OBJECT (self->headcount_row), "field", hc);
  gs_comp_row_add (self->headcount_row, hc);
  if (self->headcount_set)
    gs_comp_row_add (self->headcount_row,
                     gs_comp_button ("edit-clear-symbolic", NULL, _ ("Use the plan’s headcount"),
                                     self->plan, GS_COMP_ACTION_CLEAR_HEADCOUNT, t));
  gtk_box_append (GTK_BOX (self->pay_box), group);
}

static RoleShape
role_shape (GsPlan *plan, const GsCompRole *role)
{
  const GsModel *m = gs_plan_get_model (plan);
  RoleShape s;
  memset (&s, 0, sizeof s);
  s.sources_hash = m->n_sources;
  for (guint k = 0; k < m->n_sources; k++)
    s.sources_hash = s.sources_hash * 31 + g_str_hash (m->sources[k].name);
  s.gate = role->gate.present;
  s.gate_measure = role->gate.present ? role->gate.measure : 0;
  s.cap = role->cap.present;
  s.cap_of_target = role->cap.of_target;
  s.draw = role->draw.present;
  s.clawback = role->clawback.present;
  s.n_spifs = role->n_spifs;
  for (guint i = 0; i < MIN (role->n_spifs, 32); i++)
    if (role->spifs[i].rule.present)
      s.spif_rules |= 1u << i;
  s.name_hash = g_str_hash (role->name);
  return s;
}

static GtkWidget *
field_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
spif_rule_rows (GsCompPlanEditor *self, GtkWidget *group, const GsCompRole *role, guint s);

/* Three rows a SPIF: its name, the amount per event and the events expected,
 * its first and last day. */
static void
spif_rows (GsCompPlanEditor *self, GtkWidget *group, const GsCompRole *role, guint s)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, s };
  const char *name = role->spifs[s].name;
  g_autofree char *path = g_strdup_printf ("compensation.roles[%u].spifs[%u]", self->role, s);
  g_autofree char *name_path = g_strdup_printf ("%s.name", path);
  g_autofree char *amount_path = g_strdup_printf ("%s.amount", path);
  g_autofree char *events_path = g_strdup_printf ("%s.expected_events", path);
  g_autofree char *from_path = g_strdup_printf ("%s.from", path);
  g_autofree char *to_path = g_strdup_printf ("%s.to", path);
  g_autofree char *title = g_strdup_printf (_ ("SPIF %u"), s + 1);
  g_autofree char *name_a11y = g_strdup_printf (_ ("Name of SPIF %u"), s + 1);
  g_autofree char *amount_a11y = g_strdup_printf (_ ("SPIF %s: amount per event"), name);
  g_autofree char *events_a11y = g_strdup_printf (_ ("SPIF %s: events expected per person"), name);
  g_autofree char *from_a11y = g_strdup_printf (_ ("SPIF %s: first day"), name);
  g_autofree char *to_a11y = g_strdup_printf (_ ("SPIF %s: last day"), name);
  g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove SPIF %s"), name);
  GtkWidget *row;

  row = gs_comp_action_row (group, title, NULL);
  gs_comp_row_add (row, gs_comp_field (self->plan, name_path, GS_FIELD_KIND_TEXT, NULL, name_a11y,
                                       16, GS_COMP_VALUE_SPIF_NAME, t));
  gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                        GS_COMP_ACTION_REMOVE_SPIF, t));
  row = gs_comp_action_row (group, _ ("Per event"), NULL);
  gs_comp_row_add (row, gs_comp_field (self->plan, amount_path, GS_FIELD_KIND_MONEY, comp->currency,
                                       amount_a11y, 8, GS_COMP_VALUE_SPIF_AMOUNT, t));
  gs_comp_row_add (row, field_label (_ ("expected")));
  gs_comp_row_add (row, gs_comp_field (self->plan, events_path, GS_FIELD_KIND_NUMBER, NULL,
                                       events_a11y, 4, GS_COMP_VALUE_SPIF_EVENTS, t));
  row = gs_comp_action_row (group, _ ("From – to"), NULL);
  gs_comp_row_add (row, gs_comp_field (self->plan, from_path, GS_FIELD_KIND_TEXT, NULL, from_a11y,
                                       10, GS_COMP_VALUE_SPIF_FROM, t));
  gs_comp_row_add (row, gs_comp_field (self->plan, to_path, GS_FIELD_KIND_TEXT, NULL, to_a11y, 10,
                                       GS_COMP_VALUE_SPIF_TO, t));
  spif_rule_rows (self, group, role, s);
}

static void
on_spif_type (GObject *object, GParamSpec *pspec, GsCompPlanEditor *self)
{
  GsCompTarget t
      = { self->role, GS_COMP_WHOLE_ROLE, GPOINTER_TO_UINT (g_object_get_data (object, "spif")) };
  GtkWidget *row = GTK_WIDGET (g_object_get_data (object, "row"));
  GtkDropDown *type = g_object_get_data (G_OBJECT (row), "type");
  GtkCheckButton *tagged = g_object_get_data (G_OBJECT (row), "tagged");
  g_autoptr (GError) error = NULL;
  (void) pspec;
  if (!gs_comp_set_spif_rule_type (self->plan, t, (GsDealType) gtk_drop_down_get_selected (type),
                                   gtk_check_button_get_active (tagged), &error))
    gs_comp_plan_editor_show_error (self, error->message);
}

static void
on_spif_source (GtkCheckButton *check, GParamSpec *pspec, GsCompPlanEditor *self)
{
  guint spif = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "spif"));
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "source")) - 1;
  g_autoptr (GError) error = NULL;
  (void) pspec;
  if (!gs_comp_set_spif_rule_source (self->plan, self->role, spif, source,
                                     gtk_check_button_get_active (check), &error))
    gs_comp_plan_editor_show_error (self, error->message);
}

/* The rule widgets follow the plan (an undo, an edit elsewhere) without
 * building the group again, so the check being toggled keeps the focus. */
static void
sync_rule_widgets (GsCompPlanEditor *self)
{
  const GsCompRole *role = current_role (self);
  for (guint i = 0; role && i < self->rule_widgets->len; i++)
    {
      GObject *w = g_ptr_array_index (self->rule_widgets, i);
      guint s = GPOINTER_TO_UINT (g_object_get_data (w, "spif"));
      guint source = GPOINTER_TO_UINT (g_object_get_data (w, "source"));
      const GsSpifRule *rule;
      gboolean active = FALSE;
      if (s >= role->n_spifs || !role->spifs[s].rule.present)
        continue;
      rule = &role->spifs[s].rule;
      g_signal_handlers_block_matched (w, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      if (GTK_IS_DROP_DOWN (w))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (w), rule->deal_type);
      else if (source == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (w), rule->tagged);
      else
        {
          for (guint k = 0; k < rule->n_sources; k++)
            active = active || rule->sources[k] == (int) source - 1;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (w), active);
        }
      g_signal_handlers_unblock_matched (w, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
}

/* The plan's sources a SPIF's rule is limited to: a check list, one row a
 * source; none checked, deals from any source qualify. */
static void
spif_source_rows (GsCompPlanEditor *self, GtkWidget *group, const GsSpif *spif, guint s)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  GtkWidget *row;
  if (m->n_sources == 0)
    return;
  row = gs_comp_action_row (group, _ ("From sources"), _ ("None checked: deals from any source"));
  for (guint k = 0; k < m->n_sources; k++)
    {
      g_autofree char *a11y
          = g_strdup_printf (_ ("SPIF %s: deals from %s"), spif->name, m->sources[k].name);
      GtkWidget *check = gtk_check_button_new ();
      gboolean active = FALSE;
      for (guint i = 0; i < spif->rule.n_sources; i++)
        active = active || spif->rule.sources[i] == (int) k;
      row = gs_comp_action_row (group, m->sources[k].name, NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "spif", GUINT_TO_POINTER (s));
      g_object_set_data (G_OBJECT (check), "source", GUINT_TO_POINTER (k + 1));
      g_signal_connect (check, "notify::active", G_CALLBACK (on_spif_source), self);
      g_ptr_array_add (self->rule_widgets, check);
    }
}

/* What qualifies for SPIF s: without a rule the deals the CRM tags with
 * it; with one, won deals meeting every condition set, from the sources
 * checked. */
static void
spif_rule_rows (GsCompPlanEditor *self, GtkWidget *group, const GsCompRole *role, guint s)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsSpif *spif = &role->spifs[s];
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, s };
  g_autofree char *path
      = g_strdup_printf ("compensation.roles[%u].spifs[%u].qualifies", self->role, s);
  g_autofree char *add_a11y = g_strdup_printf (_ ("SPIF %s: qualify deals by a rule"), spif->name);
  g_autofree char *remove_a11y
      = g_strdup_printf (_ ("SPIF %s: qualify the deals the CRM tags instead"), spif->name);
  GtkWidget *row;

  if (!spif->rule.present)
    {
      row = gs_comp_action_row (group, _ ("Qualifies"), _ ("Deals the CRM tags with this SPIF"));
      gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Rule"), add_a11y, self->plan,
                                            GS_COMP_ACTION_ADD_SPIF_RULE, t));
      return;
    }
  {
    g_autofree char *amount_path = g_strdup_printf ("%s.min_amount", path);
    g_autofree char *term_path = g_strdup_printf ("%s.min_term_months", path);
    g_autofree char *discount_path = g_strdup_printf ("%s.max_discount", path);
    g_autofree char *amount_a11y
        = g_strdup_printf (_ ("SPIF %s: smallest qualifying deal"), spif->name);
    g_autofree char *term_a11y
        = g_strdup_printf (_ ("SPIF %s: shortest qualifying term"), spif->name);
    g_autofree char *discount_a11y
        = g_strdup_printf (_ ("SPIF %s: largest qualifying discount"), spif->name);
    g_autofree char *type_a11y
        = g_strdup_printf (_ ("SPIF %s: new or existing business"), spif->name);
    g_autofree char *tagged_a11y
        = g_strdup_printf (_ ("SPIF %s: tagged in the CRM too"), spif->name);
    const char *types[] = { _ ("Any deal"), _ ("New business"), _ ("Existing customers"), NULL };
    GtkWidget *type = gtk_drop_down_new_from_strings (types);
    GtkWidget *tagged = gtk_check_button_new_with_label (_ ("tagged in the CRM"));

    row = gs_comp_action_row (group, _ ("Qualifies"),
                              _ ("Won deals meeting every condition (empty: any)"));
    gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                          GS_COMP_ACTION_REMOVE_SPIF_RULE, t));
    row = gs_comp_action_row (group, _ ("Deal at least"), NULL);
    gs_comp_row_add (row,
                     gs_comp_field (self->plan, amount_path, GS_FIELD_KIND_MONEY, comp->currency,
                                    amount_a11y, 8, GS_COMP_VALUE_SPIF_MIN_AMOUNT, t));
    gs_comp_row_add (row, field_label (_ ("term at least")));
    gs_comp_row_add (row, gs_comp_field (self->plan, term_path, GS_FIELD_KIND_INT, _ ("months"),
                                         term_a11y, 3, GS_COMP_VALUE_SPIF_MIN_TERM, t));
    row = gs_comp_action_row (group, _ ("Off list at most"), NULL);
    gs_comp_row_add (row, gs_comp_field (self->plan, discount_path, GS_FIELD_KIND_PERCENT, "%",
                                         discount_a11y, 4, GS_COMP_VALUE_SPIF_MAX_DISCOUNT, t));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (type), spif->rule.deal_type);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (tagged), spif->rule.tagged);
    gtk_widget_set_valign (type, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (tagged, GTK_ALIGN_CENTER);
    /* The drop-down's inner button is what a screen reader lands on. */
    gs_a11y_set_label (type, type_a11y, NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (tagged), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tagged_a11y, -1);
    row = gs_comp_action_row (group, _ ("Deal type"), NULL);
    gs_comp_row_add (row, type);
    gs_comp_row_add (row, tagged);
    g_object_set_data (G_OBJECT (row), "type", type);
    g_object_set_data (G_OBJECT (row), "tagged", tagged);
    for (guint i = 0; i < 2; i++)
      {
        GObject *w = G_OBJECT (i ? tagged : type);
        g_object_set_data (w, "spif", GUINT_TO_POINTER (s));
        g_object_set_data (w, "row", row);
        g_signal_connect (w, i ? "notify::active" : "notify::selected", G_CALLBACK (on_spif_type),
                          self);
        g_ptr_array_add (self->rule_widgets, w);
      }
    spif_source_rows (self, group, spif, s);
  }
}

static void
on_recoverable (GtkCheckButton *button, GParamSpec *pspec, GsCompPlanEditor *self)
{
  const GsCompRole *role = current_role (self);
  g_autoptr (GError) error = NULL;
  if (role == NULL || !role->draw.present
      || role->draw.recoverable == gtk_check_button_get_active (button))
    return;
  if (!gs_comp_set_draw (self->plan, self->role, role->draw.amount, role->draw.months,
                         gtk_check_button_get_active (button), &error))
    gs_comp_plan_editor_show_error (self, error->message);
}

static void
draw_rows (GsCompPlanEditor *self, GtkWidget *group, const GsCompRole *role)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *row;

  if (role->draw.present)
    {
      g_autofree char *amount = g_strdup_printf ("compensation.roles[%u].draw.amount", self->role);
      g_autofree char *months = g_strdup_printf ("compensation.roles[%u].draw.months", self->role);
      g_autofree char *amount_a11y = g_strdup_printf (_ ("%s: draw a month"), role->name);
      g_autofree char *months_a11y = g_strdup_printf (_ ("%s: months of draw"), role->name);
      g_autofree char *recover_a11y = g_strdup_printf (_ ("%s: draw is recoverable"), role->name);
      g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove the draw of %s"), role->name);
      GtkWidget *recover = gtk_check_button_new_with_label (_ ("recoverable"));
      row = gs_comp_action_row (group, _ ("Draw"), _ ("Paid at least this a month"));
      gs_comp_row_add (row, gs_comp_field (self->plan, amount, GS_FIELD_KIND_MONEY, comp->currency,
                                           amount_a11y, 8, GS_COMP_VALUE_DRAW_AMOUNT, t));
      gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                            GS_COMP_ACTION_REMOVE_DRAW, t));
      row = gs_comp_action_row (group, _ ("Draw for"), _ ("The plan’s first months"));
      gs_comp_row_add (row, gs_comp_field (self->plan, months, GS_FIELD_KIND_INT, _ ("months"),
                                           months_a11y, 3, GS_COMP_VALUE_DRAW_MONTHS, t));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (recover), role->draw.recoverable);
      gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (recover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      recover_a11y, -1);
      g_signal_connect (recover, "notify::active", G_CALLBACK (on_recoverable), self);
      gs_comp_row_add (row, recover);
    }
  else
    {
      g_autofree char *a11y = g_strdup_printf (_ ("Add a draw to %s"), role->name);
      row = gs_comp_action_row (group, _ ("Draw"), _ ("None"));
      gs_comp_row_add (
          row, gs_comp_button (NULL, _ ("Add Draw"), a11y, self->plan, GS_COMP_ACTION_ADD_DRAW, t));
    }
}

static void
clawback_row (GsCompPlanEditor *self, GtkWidget *group, const GsCompRole *role)
{
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *row;

  if (role->clawback.present)
    {
      g_autofree char *days = g_strdup_printf ("compensation.roles[%u].clawback.days", self->role);
      g_autofree char *a11y = g_strdup_printf (_ ("%s: clawback window in days"), role->name);
      g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove the clawback of %s"), role->name);
      row = gs_comp_action_row (group, _ ("Clawback"),
                                _ ("A deal refunded or churned within this many days gives back "
                                   "its pay"));
      gs_comp_row_add (row, gs_comp_field (self->plan, days, GS_FIELD_KIND_INT, _ ("days"), a11y, 5,
                                           GS_COMP_VALUE_CLAWBACK_DAYS, t));
      {
        g_autofree char *share
            = g_strdup_printf ("compensation.roles[%u].clawback.share", self->role);
        g_autofree char *share_a11y
            = g_strdup_printf (_ ("%s: share of the pay a clawback takes back"), role->name);
        GtkWidget *f = gs_comp_field (self->plan, share, GS_FIELD_KIND_PERCENT, "%", share_a11y, 4,
                                      GS_COMP_VALUE_CLAWBACK_SHARE, t);
        GtkWidget *entry = gs_field_get_entry (GS_FIELD (f));
        /* No share in the plan: all of it is taken back. */
        if (GTK_IS_ENTRY (entry))
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "100");
        gs_comp_row_add (row, field_label (_ ("taking back")));
        gs_comp_row_add (row, f);
      }
      gs_comp_row_add (row, gs_comp_button ("list-remove-symbolic", NULL, remove_a11y, self->plan,
                                            GS_COMP_ACTION_REMOVE_CLAWBACK, t));
    }
  else
    {
      g_autofree char *a11y = g_strdup_printf (_ ("Add a clawback to %s"), role->name);
      row = gs_comp_action_row (group, _ ("Clawback"), _ ("None"));
      gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Clawback"), a11y, self->plan,
                                            GS_COMP_ACTION_ADD_CLAWBACK, t));
    }
}

static void
build_role_extras (GsCompPlanEditor *self)
{
  const GsCompRole *role = current_role (self);
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *components = adw_preferences_group_new ();
  g_autofree char *add_a11y = g_strdup_printf (_ ("Add a component to %s"), role->name);
  g_autofree char *spif_a11y = g_strdup_printf (_ ("Add a SPIF to %s"), role->name);
  GtkWidget *row;

  remove_children (self->role_box);
  g_ptr_array_set_size (self->rule_widgets, 0);
  self->role_shape = role_shape (self->plan, role);
  /* Under the components: another one, at 0 % until given a weight. */
  row = gs_comp_action_row (components, _ ("Components"),
                            _ ("A new component pays nothing until it is given a weight"));
  gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add Component"), add_a11y, self->plan,
                                        GS_COMP_ACTION_ADD_COMPONENT, t));
  gtk_widget_set_margin_bottom (components, 18);
  gtk_box_append (GTK_BOX (self->role_box), components);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Whole role"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _ ("Applied after the components: plan gate, plan cap, clawbacks, SPIFs, draw"));
  gs_comp_gate_row (group, self->plan, t, role->name);
  gs_comp_cap_row (group, self->plan, t, role->name);
  for (guint s = 0; s < role->n_spifs; s++)
    spif_rows (self, group, role, s);
  row = gs_comp_action_row (group, _ ("SPIFs"), role->n_spifs ? NULL : _ ("None"));
  gs_comp_row_add (row, gs_comp_button (NULL, _ ("Add SPIF"), spif_a11y, self->plan,
                                        GS_COMP_ACTION_ADD_SPIF, t));
  draw_rows (self, group, role);
  clawback_row (self, group, role);
  gtk_box_append (GTK_BOX (self->role_box), group);
}

/* The components box follows the model: one editor per item. */
static void
on_components_changed (GListModel *model, guint position, guint removed, guint added,
                       GsCompPlanEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->components_box);
  GtkWidget *before = NULL;
  for (guint i = 0; i < position && child; i++)
    {
      before = child;
      child = gtk_widget_get_next_sibling (child);
    }
  for (guint i = 0; i < removed && child; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (GTK_BOX (self->components_box), child);
      child = next;
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr (GsCompComponentItem) item = g_list_model_get_item (model, position + i);
      GtkWidget *editor
          = gs_comp_component_editor_new (self->plan, gs_comp_component_item_get_role (item),
                                          gs_comp_component_item_get_component (item));
      gtk_box_insert_child_after (GTK_BOX (self->components_box), editor, before);
      before = editor;
    }
}

static GtkWidget *
component_editor (GsCompPlanEditor *self, guint j)
{
  GtkWidget *child = gtk_widget_get_first_child (self->components_box);
  for (guint i = 0; i < j && child; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* Replaces the items whose component changed shape; the others only refresh. */
static void
sync_components (GsCompPlanEditor *self)
{
  const GsCompRole *role = current_role (self);
  guint n = role->n_components;
  guint have = g_list_model_get_n_items (G_LIST_MODEL (self->components));

  for (guint j = 0; j < n; j++)
    {
      g_autoptr (GsCompComponentItem) fresh
          = gs_comp_component_item_new (self->plan, self->role, j);
      g_autoptr (GsCompComponentItem) old
          = j < have ? g_list_model_get_item (G_LIST_MODEL (self->components), j) : NULL;
      if (old && gs_comp_component_item_same_shape (old, fresh))
        gs_comp_component_editor_refresh (GS_COMP_COMPONENT_EDITOR (component_editor (self, j)));
      else
        g_list_store_splice (self->components, j, old ? 1 : 0, (gpointer *) &fresh, 1);
    }
  if (have > n)
    g_list_store_splice (self->components, n, have - n, NULL, 0);
}

void
gs_comp_plan_editor_show (GsCompPlanEditor *self, GsPlan *plan, guint role)
{
  const GsCompModel *comp = gs_comp_rows_model (plan);
  const GsCompRole *r;
  RoleShape shape;

  if (plan != self->plan || role != self->role || comp == NULL || role >= comp->n_roles
      || g_strcmp0 (self->role_id, comp->roles[role].id) != 0)
    {
      /* Another role: everything is built again. */
      g_set_object (&self->plan, plan);
      self->role = role;
      self->built = FALSE;
      gs_comp_plan_editor_show_error (self, NULL);
      g_list_store_remove_all (self->components);
      remove_children (self->pay_box);
      remove_children (self->role_box);
      g_ptr_array_set_size (self->rule_widgets, 0);
    }
  if (comp == NULL || role >= comp->n_roles)
    return;
  r = &comp->roles[role];
  g_free (self->role_id);
  self->role_id = g_strdup (r->id);
  if (!self->built || self->headcount_set != gs_comp_headcount_is_set (plan, role))
    build_pay (self);
  shape = role_shape (plan, r);
  if (!self->built || memcmp (&shape, &self->role_shape, sizeof shape) != 0)
    build_role_extras (self);
  else
    sync_rule_widgets (self);
  self->built = TRUE;
  sync_components (self);
  update_derived (self);
}

GListModel *
gs_comp_plan_editor_get_components (GsCompPlanEditor *self)
{
  return G_LIST_MODEL (self->components);
}

GtkWidget *
gs_comp_plan_editor_find_field (GsCompPlanEditor *self, const char *path)
{
  return (GtkWidget *) gs_field_find (self->box, path, FALSE);
}

static void
gs_comp_plan_editor_dispose (GObject *object)
{
  GsCompPlanEditor *self = GS_COMP_PLAN_EDITOR (object);
  if (self->components)
    g_signal_handlers_disconnect_by_data (self->components, self);
  g_clear_object (&self->components);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PLAN_EDITOR);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->role_id, g_free);
  g_clear_pointer (&self->rule_widgets, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_comp_plan_editor_parent_class)->dispose (object);
}

static void
gs_comp_plan_editor_class_init (GsCompPlanEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_comp_plan_editor_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/comp/gs-comp-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, title);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, subtitle);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, pay_box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, components_box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPlanEditor, role_box);
  gtk_widget_class_install_action (widget_class, "comp.error", "s", on_error);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_plan_editor_init (GsCompPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->components = g_list_store_new (GS_TYPE_COMP_COMPONENT_ITEM);
  self->rule_widgets = g_ptr_array_new ();
  g_signal_connect (self->components, "items-changed", G_CALLBACK (on_components_changed), self);
}
