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
#include "gs-list-sync.h"
#include "gs-row-subtitle.h"

#include <glib/gi18n.h>
#include <string.h>

/* The optional rows of the whole-role group: which are there. */
typedef struct
{
  gboolean gate, cap, cap_of_target;
  GsMeasure gate_measure;
  gboolean draw, clawback;
} RoleExtras;

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
  RoleExtras extras;
  GListStore *components; /* of GsCompComponentItem */
  GListStore *spifs;      /* of GtkStringObject: the SPIFs' ids */
  /* In role_box's "Whole role" group: */
  GtkWidget *head_box;  /* gate and cap */
  GtkWidget *cap_row;   /* in head_box; its subtitle follows edits */
  GtkWidget *spifs_box; /* one block (a group) a SPIF, in step with spifs */
  GtkWidget *tail_box;  /* SPIFs' Add button, draw and clawback */
  GtkWidget *spifs_row;
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
  /* Follows every OTE edit: drawn, not laid out up to the window. */
  gs_row_subtitle_set (ADW_ACTION_ROW (self->pay_mix_row), split);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->headcount_row), summary);
  gs_comp_cap_row_update (self->cap_row, self->plan,
                          (GsCompTarget){ self->role, GS_COMP_WHOLE_ROLE, 0 });
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

static GtkWidget *
field_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

#define NO_SPIF G_MAXUINT

/* What the labels of SPIF s (NO_SPIF: the role) and source (from 1; 0:
 * none) say now. */
static void
names_of (GsCompPlanEditor *self, guint s, guint source, GsCompNames *names)
{
  const GsCompRole *role = current_role (self);
  const GsModel *m = gs_plan_get_model (self->plan);
  memset (names, 0, sizeof *names);
  names->name = role->name;
  if (s < role->n_spifs)
    {
      names->spif = role->spifs[s].name;
      names->number = s + 1;
    }
  if (source > 0 && source <= m->n_sources)
    names->source = m->sources[source - 1].name;
}

/* widget, given its label's text; a rename updates it (refresh_widgets). */
static GtkWidget *
labelled (GsCompPlanEditor *self, GtkWidget *widget, GsCompLabel label, guint s, guint source)
{
  GsCompNames names;
  names_of (self, s, source, &names);
  if (source > 0)
    g_object_set_data (G_OBJECT (widget), "source", GUINT_TO_POINTER (source));
  gs_comp_label_tag (widget, label, &names);
  return widget;
}

/* The SPIF whose block widget is in. */
static guint
spif_of (GtkWidget *widget)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), "spif-block"))
      return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "spif"));
  return 0;
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
  g_autofree char *path = g_strdup_printf ("compensation.roles[%u].spifs[%u]", self->role, s);
  g_autofree char *name_path = g_strdup_printf ("%s.name", path);
  g_autofree char *amount_path = g_strdup_printf ("%s.amount", path);
  g_autofree char *events_path = g_strdup_printf ("%s.expected_events", path);
  g_autofree char *from_path = g_strdup_printf ("%s.from", path);
  g_autofree char *to_path = g_strdup_printf ("%s.to", path);
  GtkWidget *row;

  row = labelled (self, gs_comp_action_row (group, "", NULL), GS_COMP_LABEL_SPIF_TITLE, s, 0);
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_field (self->plan, name_path, GS_FIELD_KIND_TEXT, NULL,
                                                 "", 16, GS_COMP_VALUE_SPIF_NAME, t),
                                  GS_COMP_LABEL_SPIF_NAME, s, 0));
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_button ("list-remove-symbolic", NULL, "", self->plan,
                                                  GS_COMP_ACTION_REMOVE_SPIF, t),
                                  GS_COMP_LABEL_REMOVE_SPIF, s, 0));
  row = gs_comp_action_row (group, _ ("Per event"), NULL);
  gs_comp_row_add (row,
                   labelled (self,
                             gs_comp_field (self->plan, amount_path, GS_FIELD_KIND_MONEY,
                                            comp->currency, "", 8, GS_COMP_VALUE_SPIF_AMOUNT, t),
                             GS_COMP_LABEL_SPIF_AMOUNT, s, 0));
  gs_comp_row_add (row, field_label (_ ("expected")));
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_field (self->plan, events_path, GS_FIELD_KIND_NUMBER,
                                                 NULL, "", 4, GS_COMP_VALUE_SPIF_EVENTS, t),
                                  GS_COMP_LABEL_SPIF_EVENTS, s, 0));
  row = gs_comp_action_row (group, _ ("From – to"), NULL);
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_field (self->plan, from_path, GS_FIELD_KIND_TEXT, NULL,
                                                 "", 10, GS_COMP_VALUE_SPIF_FROM, t),
                                  GS_COMP_LABEL_SPIF_FROM, s, 0));
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_field (self->plan, to_path, GS_FIELD_KIND_TEXT, NULL, "",
                                                 10, GS_COMP_VALUE_SPIF_TO, t),
                                  GS_COMP_LABEL_SPIF_TO, s, 0));
  spif_rule_rows (self, group, role, s);
}

static void
on_spif_type (GObject *object, GParamSpec *pspec, GsCompPlanEditor *self)
{
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, spif_of (GTK_WIDGET (object)) };
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
  guint spif = spif_of (GTK_WIDGET (check));
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "source")) - 1;
  g_autoptr (GError) error = NULL;
  (void) pspec;
  if (!gs_comp_set_spif_rule_source (self->plan, self->role, spif, source,
                                     gtk_check_button_get_active (check), &error))
    gs_comp_plan_editor_show_error (self, error->message);
}

/* A rule widget ("rule": its kind) follows the plan (an undo, an edit
 * elsewhere) in place, so the check being toggled keeps the focus. */
enum
{
  RULE_TYPE = 1,
  RULE_TAGGED,
  RULE_SOURCE,
};

static void
sync_rule_widget (GsCompPlanEditor *self, GObject *w, guint s)
{
  const GsCompRole *role = current_role (self);
  guint kind = GPOINTER_TO_UINT (g_object_get_data (w, "rule"));
  guint source = GPOINTER_TO_UINT (g_object_get_data (w, "source"));
  const GsSpifRule *rule;
  gboolean active = FALSE;
  if (kind == 0 || s >= role->n_spifs || !role->spifs[s].rule.present)
    return;
  rule = &role->spifs[s].rule;
  g_signal_handlers_block_matched (w, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (kind == RULE_TYPE)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (w), rule->deal_type);
  else if (kind == RULE_TAGGED)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (w), rule->tagged);
  else
    {
      for (guint k = 0; k < rule->n_sources; k++)
        active = active || rule->sources[k] == (int) source - 1;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), active);
    }
  g_signal_handlers_unblock_matched (w, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* The plan's sources a SPIF's rule is limited to: a check list, one row a
 * source; none checked, deals from any source qualify. */
static void
spif_source_rows (GsCompPlanEditor *self, GtkWidget *group, const GsSpif *spif, guint s)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  if (m->n_sources == 0)
    return;
  gs_comp_action_row (group, _ ("From sources"), _ ("None checked: deals from any source"));
  for (guint k = 0; k < m->n_sources; k++)
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row
          = labelled (self, gs_comp_action_row (group, "", NULL), GS_COMP_LABEL_SOURCE, s, k + 1);
      gboolean active = FALSE;
      for (guint i = 0; i < spif->rule.n_sources; i++)
        active = active || spif->rule.sources[i] == (int) k;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      labelled (self, check, GS_COMP_LABEL_SPIF_SOURCE, s, k + 1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "rule", GUINT_TO_POINTER (RULE_SOURCE));
      g_signal_connect (check, "notify::active", G_CALLBACK (on_spif_source), self);
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
  GtkWidget *row;

  if (!spif->rule.present)
    {
      row = gs_comp_action_row (group, _ ("Qualifies"), _ ("Deals the CRM tags with this SPIF"));
      gs_comp_row_add (row, labelled (self,
                                      gs_comp_button (NULL, _ ("Add Rule"), "", self->plan,
                                                      GS_COMP_ACTION_ADD_SPIF_RULE, t),
                                      GS_COMP_LABEL_SPIF_ADD_RULE, s, 0));
      return;
    }
  {
    g_autofree char *amount_path = g_strdup_printf ("%s.min_amount", path);
    g_autofree char *term_path = g_strdup_printf ("%s.min_term_months", path);
    g_autofree char *discount_path = g_strdup_printf ("%s.max_discount", path);
    const char *types[] = { _ ("Any deal"), _ ("New business"), _ ("Existing customers"), NULL };
    GtkWidget *type = gtk_drop_down_new_from_strings (types);
    GtkWidget *tagged = gtk_check_button_new_with_label (_ ("tagged in the CRM"));

    row = gs_comp_action_row (group, _ ("Qualifies"),
                              _ ("Won deals meeting every condition (empty: any)"));
    gs_comp_row_add (row, labelled (self,
                                    gs_comp_button ("list-remove-symbolic", NULL, "", self->plan,
                                                    GS_COMP_ACTION_REMOVE_SPIF_RULE, t),
                                    GS_COMP_LABEL_SPIF_REMOVE_RULE, s, 0));
    row = gs_comp_action_row (group, _ ("Deal at least"), NULL);
    gs_comp_row_add (
        row, labelled (self,
                       gs_comp_field (self->plan, amount_path, GS_FIELD_KIND_MONEY, comp->currency,
                                      "", 8, GS_COMP_VALUE_SPIF_MIN_AMOUNT, t),
                       GS_COMP_LABEL_SPIF_MIN_AMOUNT, s, 0));
    gs_comp_row_add (row, field_label (_ ("term at least")));
    gs_comp_row_add (row,
                     labelled (self,
                               gs_comp_field (self->plan, term_path, GS_FIELD_KIND_INT,
                                              _ ("months"), "", 3, GS_COMP_VALUE_SPIF_MIN_TERM, t),
                               GS_COMP_LABEL_SPIF_MIN_TERM, s, 0));
    row = gs_comp_action_row (group, _ ("Off list at most"), NULL);
    gs_comp_row_add (row, labelled (self,
                                    gs_comp_field (self->plan, discount_path, GS_FIELD_KIND_PERCENT,
                                                   "%", "", 4, GS_COMP_VALUE_SPIF_MAX_DISCOUNT, t),
                                    GS_COMP_LABEL_SPIF_MAX_DISCOUNT, s, 0));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (type), spif->rule.deal_type);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (tagged), spif->rule.tagged);
    gtk_widget_set_valign (type, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (tagged, GTK_ALIGN_CENTER);
    /* The drop-down's inner button is what a screen reader lands on
     * (gs_a11y_set_label). */
    labelled (self, type, GS_COMP_LABEL_SPIF_DEAL_TYPE, s, 0);
    labelled (self, tagged, GS_COMP_LABEL_SPIF_TAGGED, s, 0);
    row = gs_comp_action_row (group, _ ("Deal type"), NULL);
    gs_comp_row_add (row, type);
    gs_comp_row_add (row, tagged);
    g_object_set_data (G_OBJECT (row), "type", type);
    g_object_set_data (G_OBJECT (row), "tagged", tagged);
    for (guint i = 0; i < 2; i++)
      {
        GObject *w = G_OBJECT (i ? tagged : type);
        g_object_set_data (w, "rule", GUINT_TO_POINTER (i ? RULE_TAGGED : RULE_TYPE));
        g_object_set_data (w, "row", row);
        g_signal_connect (w, i ? "notify::active" : "notify::selected", G_CALLBACK (on_spif_type),
                          self);
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
      GtkWidget *recover = gtk_check_button_new_with_label (_ ("recoverable"));
      row = gs_comp_action_row (group, _ ("Draw"), _ ("Paid at least this a month"));
      gs_comp_row_add (
          row, labelled (self,
                         gs_comp_field (self->plan, amount, GS_FIELD_KIND_MONEY, comp->currency, "",
                                        8, GS_COMP_VALUE_DRAW_AMOUNT, t),
                         GS_COMP_LABEL_DRAW_AMOUNT, NO_SPIF, 0));
      gs_comp_row_add (row, labelled (self,
                                      gs_comp_button ("list-remove-symbolic", NULL, "", self->plan,
                                                      GS_COMP_ACTION_REMOVE_DRAW, t),
                                      GS_COMP_LABEL_REMOVE_DRAW, NO_SPIF, 0));
      row = gs_comp_action_row (group, _ ("Draw for"), _ ("The plan’s first months"));
      gs_comp_row_add (row,
                       labelled (self,
                                 gs_comp_field (self->plan, months, GS_FIELD_KIND_INT, _ ("months"),
                                                "", 3, GS_COMP_VALUE_DRAW_MONTHS, t),
                                 GS_COMP_LABEL_DRAW_MONTHS, NO_SPIF, 0));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (recover), role->draw.recoverable);
      gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
      labelled (self, recover, GS_COMP_LABEL_DRAW_RECOVERABLE, NO_SPIF, 0);
      g_signal_connect (recover, "notify::active", G_CALLBACK (on_recoverable), self);
      gs_comp_row_add (row, recover);
    }
  else
    {
      row = gs_comp_action_row (group, _ ("Draw"), _ ("None"));
      gs_comp_row_add (row, labelled (self,
                                      gs_comp_button (NULL, _ ("Add Draw"), "", self->plan,
                                                      GS_COMP_ACTION_ADD_DRAW, t),
                                      GS_COMP_LABEL_ADD_DRAW, NO_SPIF, 0));
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
      g_autofree char *share
          = g_strdup_printf ("compensation.roles[%u].clawback.share", self->role);
      GtkWidget *f = gs_comp_field (self->plan, share, GS_FIELD_KIND_PERCENT, "%", "", 4,
                                    GS_COMP_VALUE_CLAWBACK_SHARE, t);
      GtkWidget *entry = gs_field_get_entry (GS_FIELD (f));
      row = gs_comp_action_row (group, _ ("Clawback"),
                                _ ("A deal refunded or churned within this many days gives back "
                                   "its pay"));
      gs_comp_row_add (row,
                       labelled (self,
                                 gs_comp_field (self->plan, days, GS_FIELD_KIND_INT, _ ("days"), "",
                                                5, GS_COMP_VALUE_CLAWBACK_DAYS, t),
                                 GS_COMP_LABEL_CLAWBACK_DAYS, NO_SPIF, 0));
      /* No share in the plan: all of it is taken back. */
      if (GTK_IS_ENTRY (entry))
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "100");
      gs_comp_row_add (row, field_label (_ ("taking back")));
      gs_comp_row_add (row, labelled (self, f, GS_COMP_LABEL_CLAWBACK_SHARE, NO_SPIF, 0));
      gs_comp_row_add (row, labelled (self,
                                      gs_comp_button ("list-remove-symbolic", NULL, "", self->plan,
                                                      GS_COMP_ACTION_REMOVE_CLAWBACK, t),
                                      GS_COMP_LABEL_REMOVE_CLAWBACK, NO_SPIF, 0));
    }
  else
    {
      row = gs_comp_action_row (group, _ ("Clawback"), _ ("None"));
      gs_comp_row_add (row, labelled (self,
                                      gs_comp_button (NULL, _ ("Add Clawback"), "", self->plan,
                                                      GS_COMP_ACTION_ADD_CLAWBACK, t),
                                      GS_COMP_LABEL_ADD_CLAWBACK, NO_SPIF, 0));
    }
}

static RoleExtras
role_extras (const GsCompRole *role)
{
  RoleExtras e = { 0 };
  e.gate = role->gate.present;
  e.gate_measure = role->gate.present ? role->gate.measure : 0;
  e.cap = role->cap.present;
  e.cap_of_target = role->cap.present && role->cap.of_target;
  e.draw = role->draw.present;
  e.clawback = role->clawback.present;
  return e;
}

static void
replace_child (GtkWidget *box, GtkWidget *child)
{
  remove_children (box);
  gtk_box_append (GTK_BOX (box), child);
}

/* The gate and cap rows, made again when one is added or removed. */
static void
build_head (GsCompPlanEditor *self, const GsCompRole *role)
{
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *group = adw_preferences_group_new ();
  gs_comp_gate_row (group, self->plan, t, role->name);
  self->cap_row = gs_comp_cap_row (group, self->plan, t, role->name);
  replace_child (self->head_box, group);
}

/* Add SPIF, the draw and the clawback rows, made again when the draw or
 * the clawback is added or removed. */
static void
build_tail (GsCompPlanEditor *self, const GsCompRole *role)
{
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *group = adw_preferences_group_new ();
  self->spifs_row = gs_comp_action_row (group, _ ("SPIFs"), NULL);
  gs_comp_row_add (self->spifs_row, labelled (self,
                                              gs_comp_button (NULL, _ ("Add SPIF"), "", self->plan,
                                                              GS_COMP_ACTION_ADD_SPIF, t),
                                              GS_COMP_LABEL_ADD_SPIF, NO_SPIF, 0));
  draw_rows (self, group, role);
  clawback_row (self, group, role);
  replace_child (self->tail_box, group);
}

/* The "Add Component" row and the "Whole role" group, once a role; their
 * parts follow the plan (gs_comp_plan_editor_show). */
static void
build_role (GsCompPlanEditor *self)
{
  GsCompTarget t = { self->role, GS_COMP_WHOLE_ROLE, 0 };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *components = adw_preferences_group_new ();
  GtkWidget *parts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row;

  remove_children (self->role_box);
  /* Under the components: another one, at 0 % until given a weight. */
  row = gs_comp_action_row (components, _ ("Components"),
                            _ ("A new component pays nothing until it is given a weight"));
  gs_comp_row_add (row, labelled (self,
                                  gs_comp_button (NULL, _ ("Add Component"), "", self->plan,
                                                  GS_COMP_ACTION_ADD_COMPONENT, t),
                                  GS_COMP_LABEL_ADD_COMPONENT, NO_SPIF, 0));
  gtk_widget_set_margin_bottom (components, 18);
  gtk_box_append (GTK_BOX (self->role_box), components);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Whole role"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _ ("Applied after the components: plan gate, plan cap, clawbacks, SPIFs, draw"));
  self->head_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->spifs_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->tail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_visible (self->spifs_box, FALSE);
  gtk_box_append (GTK_BOX (parts), self->head_box);
  gtk_box_append (GTK_BOX (parts), self->spifs_box);
  gtk_box_append (GTK_BOX (parts), self->tail_box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), parts);
  gtk_box_append (GTK_BOX (self->role_box), group);
}

static GtkWidget *
nth_child (GtkWidget *box, guint j)
{
  GtkWidget *child = gtk_widget_get_first_child (box);
  for (guint i = 0; i < j && child; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

typedef GtkWidget *(*MakeChild) (GsCompPlanEditor *self, GListModel *model, guint position);

/* box follows model: one child an item, exactly the items changed spliced. */
static void
splice_box (GsCompPlanEditor *self, GtkWidget *box, GListModel *model, guint position,
            guint removed, guint added, MakeChild make)
{
  GtkWidget *child = gtk_widget_get_first_child (box);
  GtkWidget *before = NULL;
  for (guint i = 0; i < position && child; i++)
    {
      before = child;
      child = gtk_widget_get_next_sibling (child);
    }
  for (guint i = 0; i < removed && child; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (GTK_BOX (box), child);
      child = next;
    }
  for (guint i = 0; i < added; i++)
    {
      GtkWidget *made = make (self, model, position + i);
      gtk_box_insert_child_after (GTK_BOX (box), made, before);
      before = made;
    }
}

/* A SPIF's block: its rows in a group of their own. */
static GtkWidget *
make_spif_block (GsCompPlanEditor *self, GListModel *model, guint s)
{
  const GsCompRole *role = current_role (self);
  const GsSpif *spif = &role->spifs[s];
  GtkWidget *block = adw_preferences_group_new ();
  (void) model;
  g_object_set_data (G_OBJECT (block), "spif-block", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (block), "spif", GUINT_TO_POINTER (s));
  g_object_set_data (G_OBJECT (block), "has-rule", GINT_TO_POINTER (spif->rule.present));
  g_object_set_data (G_OBJECT (block), "n-sources",
                     GUINT_TO_POINTER (gs_plan_get_model (self->plan)->n_sources));
  spif_rows (self, block, role, s);
  return block;
}

static void
on_spifs_changed (GListModel *model, guint position, guint removed, guint added,
                  GsCompPlanEditor *self)
{
  if (self->spifs_box == NULL)
    return;
  splice_box (self, self->spifs_box, model, position, removed, added, make_spif_block);
  gtk_widget_set_visible (self->spifs_box, g_list_model_get_n_items (model) > 0);
}

/* A kept block has the rows SPIF s needs: its rule's are there or not, one
 * a source. */
static gboolean
block_fits (GsCompPlanEditor *self, GtkWidget *block, const GsSpif *spif)
{
  GObject *b = G_OBJECT (block);
  if (GPOINTER_TO_INT (g_object_get_data (b, "has-rule")) != spif->rule.present)
    return FALSE;
  return !spif->rule.present
         || GPOINTER_TO_UINT (g_object_get_data (b, "n-sources"))
                == gs_plan_get_model (self->plan)->n_sources;
}

/* The SPIFs' ids: one added or removed splices exactly its item
 * (gs_list_sync); a block whose rule came or went is made again; the others
 * are kept and told their index (refresh_widgets). */
static void
sync_spifs (GsCompPlanEditor *self, const GsCompRole *role)
{
  g_autofree const char **ids = g_new0 (const char *, role->n_spifs + 1);
  for (guint s = 0; s < role->n_spifs; s++)
    ids[s] = role->spifs[s].id;
  gs_list_sync_strings (self->spifs, ids, role->n_spifs);
  for (guint s = 0; s < role->n_spifs; s++)
    {
      GtkWidget *block = nth_child (self->spifs_box, s);
      if (!block_fits (self, block, &role->spifs[s]))
        {
          g_autoptr (GtkStringObject) item = gtk_string_object_new (ids[s]);
          g_list_store_splice (self->spifs, s, 1, (gpointer *) &item, 1);
        }
      else
        g_object_set_data (G_OBJECT (block), "spif", GUINT_TO_POINTER (s));
    }
}

/* A field of a SPIF that moved up edits the SPIF at its new index. */
static void
repath (GsCompPlanEditor *self, GsField *field, guint s)
{
  const char *path = gs_field_get_path (field);
  g_autofree char *prefix = g_strdup_printf ("compensation.roles[%u].spifs[", self->role);
  g_autofree char *now = NULL;
  const char *rest;
  if (path == NULL || !g_str_has_prefix (path, prefix)
      || (rest = strchr (path + strlen (prefix), ']')) == NULL)
    return;
  now = g_strdup_printf ("%s%u%s", prefix, s, rest);
  if (strcmp (now, path) != 0)
    gs_field_set_path (field, now);
}

/* Every widget under widget (in SPIF s's block, or NO_SPIF) follows the
 * plan in place: its labels say today's names, a SPIF's fields and buttons
 * edit its index, its rule's checks show the rule. */
static void
refresh_widgets (GsCompPlanEditor *self, GtkWidget *widget, guint s)
{
  GObject *w = G_OBJECT (widget);
  GsCompNames names;
  if (g_object_get_data (w, "spif-block"))
    s = GPOINTER_TO_UINT (g_object_get_data (w, "spif"));
  if (s != NO_SPIF)
    {
      gs_comp_retarget (widget, s);
      if (GS_IS_FIELD (widget))
        repath (self, GS_FIELD (widget), s);
      sync_rule_widget (self, w, s);
    }
  if (g_object_get_data (w, "gs-comp-label"))
    {
      names_of (self, s, GPOINTER_TO_UINT (g_object_get_data (w, "source")), &names);
      gs_comp_label_update (widget, &names);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    refresh_widgets (self, c, s);
}

/* The components box follows the model: one editor per item. */
static GtkWidget *
make_component (GsCompPlanEditor *self, GListModel *model, guint position)
{
  g_autoptr (GsCompComponentItem) item = g_list_model_get_item (model, position);
  return gs_comp_component_editor_new (self->plan, gs_comp_component_item_get_role (item),
                                       gs_comp_component_item_get_component (item));
}

static void
on_components_changed (GListModel *model, guint position, guint removed, guint added,
                       GsCompPlanEditor *self)
{
  splice_box (self, self->components_box, model, position, removed, added, make_component);
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
        gs_comp_component_editor_refresh (
            GS_COMP_COMPONENT_EDITOR (nth_child (self->components_box, j)));
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
  RoleExtras extras;

  if (plan != self->plan || role != self->role || comp == NULL || role >= comp->n_roles
      || g_strcmp0 (self->role_id, comp->roles[role].id) != 0)
    {
      /* Another role: everything is built again. */
      g_set_object (&self->plan, plan);
      self->role = role;
      self->built = FALSE;
      gs_comp_plan_editor_show_error (self, NULL);
      g_list_store_remove_all (self->components);
      g_list_store_remove_all (self->spifs);
      remove_children (self->pay_box);
      remove_children (self->role_box);
      self->head_box = self->spifs_box = self->tail_box = self->spifs_row = NULL;
    }
  if (comp == NULL || role >= comp->n_roles)
    return;
  r = &comp->roles[role];
  g_free (self->role_id);
  self->role_id = g_strdup (r->id);
  if (!self->built || self->headcount_set != gs_comp_headcount_is_set (plan, role))
    build_pay (self);
  extras = role_extras (r);
  if (!self->built)
    build_role (self);
  if (!self->built || extras.gate != self->extras.gate
      || extras.gate_measure != self->extras.gate_measure || extras.cap != self->extras.cap
      || extras.cap_of_target != self->extras.cap_of_target)
    build_head (self, r);
  if (!self->built || extras.draw != self->extras.draw || extras.clawback != self->extras.clawback)
    build_tail (self, r);
  self->extras = extras;
  sync_spifs (self, r);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->spifs_row), r->n_spifs ? "" : _ ("None"));
  refresh_widgets (self, self->role_box, NO_SPIF);
  self->built = TRUE;
  sync_components (self);
  update_derived (self);
}

GListModel *
gs_comp_plan_editor_get_spifs (GsCompPlanEditor *self)
{
  return G_LIST_MODEL (self->spifs);
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
  if (self->spifs)
    g_signal_handlers_disconnect_by_data (self->spifs, self);
  g_clear_object (&self->spifs);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PLAN_EDITOR);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->role_id, g_free);
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
  self->spifs = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_signal_connect (self->components, "items-changed", G_CALLBACK (on_components_changed), self);
  g_signal_connect (self->spifs, "items-changed", G_CALLBACK (on_spifs_changed), self);
}
