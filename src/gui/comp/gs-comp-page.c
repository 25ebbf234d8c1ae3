/* gs-comp-page.c — the Compensation page.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is rebuilt only when the plan's structure changes (a band, a
 * modifier or a role added or removed, a table type switched), so a value
 * edit keeps the keyboard focus where it is; figures derived from values
 * (target incentives, default quotas, headcounts) are refreshed in place.
 */
#include "gs-comp-page.h"
#include "gs-comp-payout.h"
#include "gs-field.h"
#include "gs-format.h"
#include "gs-gui-format.h"
#include "gs-json.h"
#include "gs-rate-table-editor.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

typedef char *(*DerivedFn) (const GsCompModel *comp, const GsCompRole *role, guint j);

typedef struct
{
  GtkWidget *widget; /* a GtkLabel, or an AdwActionRow whose subtitle is set */
  DerivedFn fn;
  guint j; /* component index */
} Derived;

struct _GsCompPage
{
  GtkWidget parent_instance;
  GtkWidget *stack;
  GtkWidget *status;
  GtkWidget *role_list;
  GtkWidget *plan_grid;
  GtkWidget *boundary_label;
  GtkWidget *boundary_box;
  GtkWidget *editor_scroller;
  GtkWidget *editor_box;
  GtkWidget *payout_view;
  GtkWidget *error_label;
  GsPlan *plan;
  guint role;
  char *signature;
  char *sidebar_signature;
  GArray *derived;
  GHashTable *plan_figures;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GsCompPage, gs_comp_page, GTK_TYPE_WIDGET)

static const char *const periods[] = { "monthly", "quarterly", "annual", NULL };
static const char *const attain_modes[] = { "period", "ytd", NULL };
static const char *const boundaries[] = { "upper", "lower", NULL };

static void
rebuild_editor (GsCompPage *self);

/* Helpers ---------------------------------------------------------------- */

static char *
money (const GsCompModel *comp, GsMoney v)
{
  return gs_format_money (v, comp->digits, NULL, GS_MONEY_FORMAT_FULL);
}

static char *
percent (double fraction)
{
  g_autofree char *n = gs_format_input_number (fraction * 100.0, 2);
  return g_strdup_printf ("%s %%", n);
}

/* A measure quantity as the plan holds it (money in minor units). */
static char *
quantity (const GsCompModel *comp, GsMeasure measure, double value)
{
  switch (gs_measure_unit (measure))
    {
    case GS_MEASURE_UNIT_MONEY:
      return money (comp, (GsMoney) llround (value));
    case GS_MEASURE_UNIT_SHARE:
      return percent (value);
    case GS_MEASURE_UNIT_COUNT:
    default:
      return gs_format_input_number (value, 2);
    }
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (parent)))
    gtk_widget_unparent (child);
}

static void
show_error (GsCompPage *self, const char *message)
{
  if (self->error_label == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static const GsCompRole *
current_role (GsCompPage *self)
{
  const GsCompModel *comp = self->plan ? gs_plan_get_comp (self->plan, NULL) : NULL;
  return comp && self->role < comp->n_roles ? &comp->roles[self->role] : NULL;
}

static char *
role_path (GsCompPage *self)
{
  return g_strdup_printf ("compensation.roles[%u]", self->role);
}

static void
add_derived (GsCompPage *self, GtkWidget *widget, DerivedFn fn, guint j)
{
  Derived d = { g_object_ref (widget), fn, j };
  g_array_append_val (self->derived, d);
}

static void
clear_derived (Derived *d)
{
  g_clear_object (&d->widget);
}

static void
update_derived (GsCompPage *self)
{
  const GsCompModel *comp = gs_plan_get_comp (self->plan, NULL);
  const GsCompRole *role = current_role (self);
  if (role == NULL)
    return;
  for (guint i = 0; i < self->derived->len; i++)
    {
      Derived *d = &g_array_index (self->derived, Derived, i);
      g_autofree char *text = d->j < role->n_components || d->j == G_MAXUINT
                                  ? d->fn (comp, role, d->j)
                                  : g_strdup ("");
      if (ADW_IS_ACTION_ROW (d->widget))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (d->widget), text);
      else
        gtk_label_set_text (GTK_LABEL (d->widget), text);
    }
}

/* Structural edits: a copy of the object at path with one member set or
 * removed, applied as one undoable, validated edit. */
static gboolean
set_member (GsCompPage *self, const char *path, const char *member, JsonNode *value, GError **error)
{
  g_autoptr (JsonNode) owned = value;
  g_autoptr (JsonNode) copy = NULL;
  JsonNode *node = gs_plan_lookup (self->plan, path);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("%s: not in the plan"), path);
      return FALSE;
    }
  copy = gs_json_deep_copy (node);
  if (value)
    json_object_set_member (json_node_get_object (copy), member, g_steal_pointer (&owned));
  else
    json_object_remove_member (json_node_get_object (copy), member);
  return gs_plan_set (self->plan, path, g_steal_pointer (&copy), error);
}

typedef struct
{
  GsCompPage *self;
  char *path;
  char *member;
  JsonNode *value; /* NULL: remove the member */
} MemberEdit;

static void
member_edit_free (gpointer data, GClosure *closure)
{
  MemberEdit *e = data;
  g_free (e->path);
  g_free (e->member);
  if (e->value)
    json_node_unref (e->value);
  g_free (e);
}

static void
on_member_button (GtkButton *button, MemberEdit *e)
{
  g_autoptr (GError) error = NULL;
  GsCompPage *self = g_object_ref (e->self);
  if (!set_member (self, e->path, e->member, e->value ? json_node_copy (e->value) : NULL, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
  g_object_unref (self);
}

/* A button that sets (value) or removes (value NULL) path.member. */
static GtkWidget *
member_button (GsCompPage *self, const char *icon, const char *label, const char *a11y,
               const char *path, const char *member, JsonNode *value)
{
  GtkWidget *button
      = icon ? gtk_button_new_from_icon_name (icon) : gtk_button_new_with_label (label);
  MemberEdit *e = g_new0 (MemberEdit, 1);
  e->self = self;
  e->path = g_strdup (path);
  e->member = g_strdup (member);
  e->value = value;
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_member_button), e, member_edit_free, 0);
  return button;
}

static JsonNode *
object_node (JsonObject *obj)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), obj);
  json_object_unref (obj);
  return node;
}

/* An enum value chosen from a drop-down. */
typedef struct
{
  GsCompPage *self;
  char *path;
  const char *const *ids;
} Choice;

static void
choice_free (gpointer data, GClosure *closure)
{
  Choice *c = data;
  g_free (c->path);
  g_free (c);
}

static guint
choice_index (const char *const *ids, const char *id)
{
  for (guint i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

static const char *
string_at (GsCompPage *self, const char *path, const char *fallback)
{
  JsonNode *node = gs_plan_lookup (self->plan, path);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return fallback;
}

static void
on_choice (GtkDropDown *dropdown, GParamSpec *pspec, Choice *c)
{
  g_autoptr (GError) error = NULL;
  GsCompPage *self = c->self;
  guint selected = gtk_drop_down_get_selected (dropdown);
  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_object_ref (self);
  if (!gs_plan_set_string (self->plan, c->path, c->ids[selected], &error))
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, choice_index (c->ids, string_at (self, c->path, "")));
      self->updating = FALSE;
      show_error (self, error->message);
    }
  else
    show_error (self, NULL);
  g_object_unref (self);
}

static GtkWidget *
choice_dropdown (GsCompPage *self, const char *path, const char *const *ids,
                 const char *const *labels, const char *fallback, const char *a11y)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);
  Choice *c = g_new0 (Choice, 1);
  c->self = self;
  c->path = g_strdup (path);
  c->ids = ids;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              choice_index (ids, string_at (self, path, fallback)));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (on_choice), c, choice_free, 0);
  return dropdown;
}

/* The measures' ids (labels FALSE) or the engine's labels for them. */
static const char *const *
measure_names (gboolean labels)
{
  static const char *names[2][GS_N_MEASURES + 1];
  for (guint i = 0; i < GS_N_MEASURES; i++)
    names[labels][i] = labels ? gs_measure_label (i) : gs_measure_id (i);
  return names[labels];
}

static GtkWidget *
field (GsCompPage *self, const char *path, GsFieldKind kind, const char *unit, const char *a11y,
       int width)
{
  GtkWidget *f = gs_field_new (self->plan, path, kind, unit, a11y);
  gs_field_set_width (GS_FIELD (f), width);
  gtk_widget_set_hexpand (f, FALSE);
  gtk_widget_set_valign (f, GTK_ALIGN_CENTER);
  return f;
}

static GtkWidget *
action_row (GtkWidget *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
field_row (GsCompPage *self, GtkWidget *group, const char *title, const char *path,
           GsFieldKind kind, const char *unit, const char *a11y, int width)
{
  GtkWidget *row = action_row (group, title, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), field (self, path, kind, unit, a11y, width));
  return row;
}

/* Derived texts ----------------------------------------------------------- */

static char *
role_summary (const GsCompModel *comp, const GsCompRole *role, guint j)
{
  return g_strdup_printf (g_dngettext (NULL, "%u person (%s)", "%u people (%s)", role->headcount),
                          role->headcount, role->headcount_source);
}

static char *
pay_split (const GsCompModel *comp, const GsCompRole *role, guint j)
{
  g_autofree char *base = money (comp, role->base);
  g_autofree char *ti = money (comp, role->target_incentive);
  return g_strdup_printf (_ ("Base %s + target incentive %s"), base, ti);
}

static char *
component_target (const GsCompModel *comp, const GsCompRole *role, guint j)
{
  g_autofree char *ti = money (comp, role->components[j].target_incentive);
  return g_strdup_printf (_ ("Target incentive %s"), ti);
}

static char *
component_quota (const GsCompModel *comp, const GsCompRole *role, guint j)
{
  const GsCompComponent *c = &role->components[j];
  g_autofree char *q = quantity (comp, c->measure, c->quota);
  return g_strdup_printf (_ ("%s per person a year — %s"), q, c->quota_source);
}

/* Editor ------------------------------------------------------------------ */

static void
tier_rows (GsCompPage *self, GtkWidget *group, const GsCompComponent *c, const char *cpath)
{
  g_autofree char *apath = g_strdup_printf ("%s.accelerators", cpath);
  JsonNode *tiers_node = gs_plan_lookup (self->plan, apath);
  guint n = tiers_node && JSON_NODE_HOLDS_ARRAY (tiers_node)
                ? json_array_get_length (json_node_get_array (tiers_node))
                : 0;
  GtkWidget *row;

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *title = g_strdup_printf (_ ("Accelerator %u"), k + 1);
      g_autofree char *above = g_strdup_printf ("%s[%u].above", apath, k);
      g_autofree char *mult = g_strdup_printf ("%s[%u].multiplier", apath, k);
      g_autofree char *above_a11y
          = g_strdup_printf (_ ("%s: accelerator %u from attainment"), c->name, k + 1);
      g_autofree char *mult_a11y
          = g_strdup_printf (_ ("%s: accelerator %u multiplier"), c->name, k + 1);
      g_autofree char *remove_a11y
          = g_strdup_printf (_ ("Remove accelerator %u of %s"), k + 1, c->name);
      JsonNode *rest = gs_json_deep_copy (tiers_node);
      json_array_remove_element (json_node_get_array (rest), k);
      row = action_row (group, title, _ ("Multiplies the rate above this attainment"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_ ("above")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 field (self, above, GS_FIELD_KIND_PERCENT, "%", above_a11y, 5));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 field (self, mult, GS_FIELD_KIND_NUMBER, "×", mult_a11y, 5));
      if (json_array_get_length (json_node_get_array (rest)) == 0)
        {
          json_node_unref (rest);
          rest = NULL;
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 member_button (self, "list-remove-symbolic", NULL, remove_a11y,
                                                cpath, "accelerators", rest));
    }
  {
    /* A new tier a quarter of quota above the last, at 1.5 ×. */
    JsonNode *tiers = tiers_node && JSON_NODE_HOLDS_ARRAY (tiers_node)
                          ? gs_json_deep_copy (tiers_node)
                          : json_node_init_array (json_node_alloc (), json_array_new ());
    JsonArray *array = json_node_get_array (tiers);
    JsonObject *tier = json_object_new ();
    double above = n ? c->tiers[n - 1].above + 0.25 : 1.0;
    g_autofree char *a11y = g_strdup_printf (_ ("Add an accelerator to %s"), c->name);
    json_object_set_double_member (tier, "above", above);
    json_object_set_double_member (tier, "multiplier", 1.5);
    json_array_add_object_element (array, tier);
    row = action_row (group, _ ("Accelerators"), n ? NULL : _ ("None"));
    adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        member_button (self, NULL, _ ("Add Accelerator"), a11y, cpath, "accelerators", tiers));
  }
}

static void
on_retroactive (GtkCheckButton *button, GParamSpec *pspec, GsCompPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  g_autoptr (GError) error = NULL;
  if (self->updating)
    return;
  if (!set_member (
          self, path, "retroactive",
          json_node_init_boolean (json_node_alloc (), gtk_check_button_get_active (button)),
          &error))
    show_error (self, error->message);
}

static void
decelerator_row (GsCompPage *self, GtkWidget *group, const GsCompComponent *c, const char *cpath)
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
      g_autofree char *decel_path = g_strdup_printf ("%s.decelerator", cpath);
      GtkWidget *retro = gtk_check_button_new_with_label (_ ("retroactive"));
      row = action_row (group, _ ("Decelerator"), _ ("Multiplies the rate below this attainment"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_ ("below")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 field (self, below, GS_FIELD_KIND_PERCENT, "%", below_a11y, 5));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 field (self, mult, GS_FIELD_KIND_NUMBER, "×", mult_a11y, 5));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (retro), c->decel.retroactive);
      gtk_widget_set_valign (retro, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (retro), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      retro_a11y, -1);
      g_object_set_data_full (G_OBJECT (retro), "path", g_steal_pointer (&decel_path), g_free);
      g_signal_connect (retro, "notify::active", G_CALLBACK (on_retroactive), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), retro);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 member_button (self, "list-remove-symbolic", NULL, remove_a11y,
                                                cpath, "decelerator", NULL));
    }
  else
    {
      JsonObject *d = json_object_new ();
      g_autofree char *a11y = g_strdup_printf (_ ("Add a decelerator to %s"), c->name);
      json_object_set_double_member (d, "below", 0.5);
      json_object_set_double_member (d, "multiplier", 0.5);
      json_object_set_boolean_member (d, "retroactive", FALSE);
      row = action_row (group, _ ("Decelerator"), _ ("None"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 member_button (self, NULL, _ ("Add Decelerator"), a11y, cpath,
                                                "decelerator", object_node (d)));
    }
}

/* Gate and cap rows, on a component (cpath) or on the whole role. */
static void
gate_row (GsCompPage *self, GtkWidget *group, const GsGate *gate, GsMeasure measure,
          const char *path, const char *name)
{
  GtkWidget *row;
  if (gate->present)
    {
      g_autofree char *mpath = g_strdup_printf ("%s.gate.measure", path);
      g_autofree char *apath = g_strdup_printf ("%s.gate.min_attainment", path);
      g_autofree char *m_a11y = g_strdup_printf (_ ("%s: gate measure"), name);
      g_autofree char *a_a11y = g_strdup_printf (_ ("%s: gate minimum attainment"), name);
      g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove the gate of %s"), name);
      row = action_row (group, _ ("Gate"), _ ("Pays nothing below this attainment of"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_dropdown (self, mpath, measure_names (FALSE),
                                                  measure_names (TRUE),
                                                  gs_measure_id (gate->measure), m_a11y));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 field (self, apath, GS_FIELD_KIND_PERCENT, "%", a_a11y, 5));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          member_button (self, "list-remove-symbolic", NULL, remove_a11y, path, "gate", NULL));
    }
  else
    {
      JsonObject *g = json_object_new ();
      g_autofree char *a11y = g_strdup_printf (_ ("Add a gate to %s"), name);
      json_object_set_string_member (g, "measure", gs_measure_id (measure));
      json_object_set_double_member (g, "min_attainment", 0.5);
      row = action_row (group, _ ("Gate"), _ ("None"));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          member_button (self, NULL, _ ("Add Gate"), a11y, path, "gate", object_node (g)));
    }
}

static void
cap_row (GsCompPage *self, GtkWidget *group, const GsCap *cap, const char *path, const char *name)
{
  GtkWidget *row;
  if (cap->present)
    {
      g_autofree char *vpath
          = g_strdup_printf (cap->of_target ? "%s.cap.of_target" : "%s.cap.amount", path);
      g_autofree char *a11y = g_strdup_printf (_ ("%s: cap"), name);
      g_autofree char *remove_a11y = g_strdup_printf (_ ("Remove the cap of %s"), name);
      const GsModel *m = gs_plan_get_model (self->plan);
      g_autofree char *amount = money (gs_plan_get_comp (self->plan, NULL), cap->amount);
      g_autofree char *subtitle = g_strdup_printf (_ ("At most %s a year per person"), amount);
      row = action_row (group, _ ("Cap"), subtitle);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          cap->of_target ? field (self, vpath, GS_FIELD_KIND_NUMBER, _ ("× target"), a11y, 5)
                         : field (self, vpath, GS_FIELD_KIND_MONEY, m->company.currency, a11y, 10));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          member_button (self, "list-remove-symbolic", NULL, remove_a11y, path, "cap", NULL));
    }
  else
    {
      JsonObject *c = json_object_new ();
      g_autofree char *a11y = g_strdup_printf (_ ("Add a cap to %s"), name);
      json_object_set_double_member (c, "of_target", 2);
      row = action_row (group, _ ("Cap"), _ ("None"));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          member_button (self, NULL, _ ("Add Cap"), a11y, path, "cap", object_node (c)));
    }
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

static void
component_group (GsCompPage *self, const GsCompModel *comp, const GsCompRole *role, guint j)
{
  const GsCompComponent *c = &role->components[j];
  g_autofree char *rpath = role_path (self);
  g_autofree char *cpath = g_strdup_printf ("%s.components[%u]", rpath, j);
  g_autofree char *name_path = g_strdup_printf ("%s.name", cpath);
  g_autofree char *weight_path = g_strdup_printf ("%s.weight", cpath);
  g_autofree char *quota_path = g_strdup_printf ("%s.quota", cpath);
  g_autofree char *period_path = g_strdup_printf ("%s.period", cpath);
  g_autofree char *attain_path = g_strdup_printf ("%s.attainment", cpath);
  g_autofree char *name_a11y = g_strdup_printf (_ ("Name of component %u"), j + 1);
  g_autofree char *weight_a11y = g_strdup_printf (_ ("%s: weight"), c->name);
  g_autofree char *quota_a11y = g_strdup_printf (_ ("%s: quota per person"), c->name);
  g_autofree char *period_a11y = g_strdup_printf (_ ("%s: measured"), c->name);
  g_autofree char *attain_a11y = g_strdup_printf (_ ("%s: attainment"), c->name);
  const char *period_labels[] = { _ ("Monthly"), _ ("Quarterly"), _ ("Annually"), NULL };
  const char *attain_labels[] = { _ ("Each period"), _ ("Year to date"), NULL };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *quota, *table_row;
  gboolean overridden = gs_plan_lookup (self->plan, quota_path) != NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), c->name);
  if (gs_comp_measure_is_shared (comp, c->measure))
    {
      /* Joint measures: both sides are paid on the same number. */
      GtkWidget *shared
          = gtk_label_new (gs_role_kind_is_marketing (role->kind) ? _ ("Shared with sales")
                                                                  : _ ("Shared with marketing"));
      gtk_widget_add_css_class (shared, "side-shared-text");
      gtk_widget_add_css_class (shared, "heading");
      gtk_widget_set_tooltip_text (shared, _ ("Shared by marketing and sales: roles on both sides "
                                              "are paid on this measure"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shared), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Shared by marketing and sales"), -1);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), shared);
    }
  field_row (self, group, _ ("Name"), name_path, GS_FIELD_KIND_TEXT, NULL, name_a11y, 24);
  {
    g_autofree char *measure_path = g_strdup_printf ("%s.measure", cpath);
    g_autofree char *measure_a11y = g_strdup_printf (_ ("%s: measure paid on"), c->name);
    row = action_row (group, _ ("Measure"), NULL);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               choice_dropdown (self, measure_path, measure_names (FALSE),
                                                measure_names (TRUE), gs_measure_id (c->measure),
                                                measure_a11y));
  }
  row = field_row (self, group, _ ("Weight"), weight_path, GS_FIELD_KIND_PERCENT, "%", weight_a11y,
                   5);
  add_derived (self, row, component_target, j);

  row = action_row (group, overridden ? _ ("Quota (set here)") : _ ("Quota (from the goal sheets)"),
                    NULL);
  quota = field (self, quota_path, quota_kind (c->measure),
                 gs_measure_unit (c->measure) == GS_MEASURE_UNIT_MONEY   ? comp->currency
                 : gs_measure_unit (c->measure) == GS_MEASURE_UNIT_SHARE ? "%"
                                                                         : NULL,
                 quota_a11y, 12);
  if (!overridden)
    {
      /* The derived default shows as the placeholder; typing overrides it. */
      g_autofree char *q = quantity (comp, c->measure, c->quota);
      gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (quota))), q);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), quota);
  if (overridden)
    {
      g_autofree char *a11y = g_strdup_printf (_ ("Use the goal sheets’ quota for %s"), c->name);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          member_button (self, "edit-clear-symbolic", NULL, a11y, cpath, "quota", NULL));
    }
  add_derived (self, row, component_quota, j);

  row = action_row (group, _ ("Measured and paid"), NULL);
  adw_action_row_add_suffix (
      ADW_ACTION_ROW (row),
      choice_dropdown (self, period_path, periods, period_labels, "annual", period_a11y));
  adw_action_row_add_suffix (
      ADW_ACTION_ROW (row),
      choice_dropdown (self, attain_path, attain_modes, attain_labels, "period", attain_a11y));

  /* A preferences row, so the table sits in the list, under the quota. */
  table_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (table_row), FALSE);
  {
    GtkWidget *editor = gs_rate_table_editor_new (self->plan, cpath, c->name);
    gtk_widget_set_margin_start (editor, 12);
    gtk_widget_set_margin_end (editor, 12);
    gtk_widget_set_margin_top (editor, 8);
    gtk_widget_set_margin_bottom (editor, 8);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (table_row), editor);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), table_row);

  tier_rows (self, group, c, cpath);
  decelerator_row (self, group, c, cpath);
  gate_row (self, group, &c->gate, c->measure, cpath, c->name);
  cap_row (self, group, &c->cap, cpath, c->name);
  if (c->n_discount)
    {
      GString *text = g_string_new (NULL);
      for (guint k = 0; k < c->n_discount; k++)
        {
          g_autofree char *from = percent (c->discount[k].from);
          g_autofree char *mult = gs_format_input_number (c->discount[k].rate, 3);
          g_string_append_printf (text, "%s%s %s → × %s", k ? "; " : "", _ ("from"), from, mult);
        }
      action_row (group, _ ("Discount modifier"), text->str);
      g_string_free (text, TRUE);
    }
  gtk_box_append (GTK_BOX (self->editor_box), group);
}

static void
role_extras (GsCompPage *self, const GsCompModel *comp, const GsCompRole *role)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *rpath = role_path (self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Whole role"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _ ("Applied after the components: plan gate, plan cap, clawbacks, SPIFs, draw"));
  gate_row (self, group, &role->gate, role->components[0].measure, rpath, role->name);
  cap_row (self, group, &role->cap, rpath, role->name);
  for (guint s = 0; s < role->n_spifs; s++)
    {
      g_autofree char *amount = money (comp, role->spifs[s].amount);
      g_autofree char *events = gs_format_input_number (role->spifs[s].expected_events, 2);
      g_autofree char *text
          = g_strdup_printf (_ ("%s per event; %s events expected per person"), amount, events);
      g_autofree char *title = g_strdup_printf (_ ("SPIF: %s"), role->spifs[s].name);
      action_row (group, title, text);
    }
  if (role->draw.present)
    {
      g_autofree char *amount = money (comp, role->draw.amount);
      g_autofree char *text = g_strdup_printf (
          role->draw.recoverable ? _ ("%s a month for the first %u months, recoverable")
                                 : _ ("%s a month for the first %u months, not recoverable"),
          amount, role->draw.months);
      action_row (group, _ ("Draw"), text);
    }
  if (role->clawback.present)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("A deal refunded or churned within %u days gives back its pay"), role->clawback.days);
      action_row (group, _ ("Clawback"), text);
    }
  gtk_box_append (GTK_BOX (self->editor_box), group);
}

static void
rebuild_editor (GsCompPage *self)
{
  const GsCompModel *comp = gs_plan_get_comp (self->plan, NULL);
  const GsCompRole *role = current_role (self);
  g_autofree char *rpath = role_path (self);
  GtkWidget *head, *title, *subtitle, *group, *row;

  g_array_set_size (self->derived, 0);
  self->error_label = NULL;
  remove_children (self->editor_box);
  if (role == NULL)
    return;

  head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title = gtk_label_new (role->name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  add_derived (self, subtitle, role_summary, G_MAXUINT);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), subtitle);
  gtk_box_append (GTK_BOX (self->editor_box), head);
  g_object_set_data (G_OBJECT (self->editor_box), "title", title);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->editor_box), self->error_label);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Pay"));
  {
    g_autofree char *name = g_strdup_printf ("%s.name", rpath);
    g_autofree char *ote = g_strdup_printf ("%s.ote", rpath);
    g_autofree char *mix = g_strdup_printf ("%s.pay_mix", rpath);
    g_autofree char *headcount = g_strdup_printf ("%s.headcount", rpath);
    GtkWidget *hc;
    field_row (self, group, _ ("Role name"), name, GS_FIELD_KIND_TEXT, NULL, _ ("Role name"), 24);
    field_row (self, group, _ ("On-target earnings"), ote, GS_FIELD_KIND_MONEY, comp->currency,
               _ ("On-target earnings per person"), 12);
    row = field_row (self, group, _ ("Pay mix"), mix, GS_FIELD_KIND_PERCENT, "%",
                     _ ("Pay mix: target incentive share of OTE"), 5);
    add_derived (self, row, pay_split, G_MAXUINT);
    row = action_row (group, _ ("Headcount"), NULL);
    hc = field (self, headcount, GS_FIELD_KIND_INT, NULL, _ ("Headcount override"), 5);
    if (gs_plan_lookup (self->plan, headcount) == NULL)
      {
        g_autofree char *n = g_strdup_printf ("%u", role->headcount);
        gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (hc))), n);
      }
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), hc);
    if (gs_plan_lookup (self->plan, headcount) != NULL)
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 member_button (self, "edit-clear-symbolic", NULL,
                                                _ ("Use the plan’s headcount"), rpath, "headcount",
                                                NULL));
    add_derived (self, row, role_summary, G_MAXUINT);
  }
  gtk_box_append (GTK_BOX (self->editor_box), group);

  for (guint j = 0; j < role->n_components; j++)
    component_group (self, comp, role, j);
  role_extras (self, comp, role);

  update_derived (self);
}

/* Sidebar and whole-plan figures ----------------------------------------- */

static void
on_role_selected (GtkListBox *list, GtkListBoxRow *row, GsCompPage *self)
{
  if (self->updating || row == NULL)
    return;
  self->role = (guint) gtk_list_box_row_get_index (row);
  g_clear_pointer (&self->signature, g_free);
  gs_comp_page_update (self, self->plan);
  gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->editor_scroller)), 0);
}

static void
build_sidebar (GsCompPage *self, const GsCompModel *comp)
{
  GString *sig = g_string_new (NULL);
  g_autofree char *signature = NULL;
  for (guint i = 0; i < comp->n_roles; i++)
    g_string_append_printf (sig, "%s|%s|%u\n", comp->roles[i].id, comp->roles[i].name,
                            comp->roles[i].headcount);
  signature = g_string_free (sig, FALSE);
  self->updating = TRUE;
  if (g_strcmp0 (signature, self->sidebar_signature) != 0)
    {
      GtkWidget *child;
      g_free (self->sidebar_signature);
      self->sidebar_signature = g_steal_pointer (&signature);
      while ((child = gtk_widget_get_first_child (self->role_list)))
        gtk_list_box_remove (GTK_LIST_BOX (self->role_list), child);
      for (guint i = 0; i < comp->n_roles; i++)
        {
          const GsCompRole *role = &comp->roles[i];
          gboolean marketing = gs_role_kind_is_marketing (role->kind);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *name = gtk_label_new (role->name);
          g_autofree char *text = g_strdup_printf (
              g_dngettext (NULL, "%s · %u person", "%s · %u people", role->headcount),
              marketing ? _ ("Marketing") : _ ("Sales"), role->headcount);
          GtkWidget *detail = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
          gtk_label_set_xalign (GTK_LABEL (detail), 0);
          gtk_widget_add_css_class (detail, "caption");
          gtk_widget_add_css_class (detail, marketing ? "side-marketing-text" : "side-sales-text");
          gtk_box_append (GTK_BOX (box), name);
          gtk_box_append (GTK_BOX (box), detail);
          gtk_widget_set_margin_top (box, 4);
          gtk_widget_set_margin_bottom (box, 4);
          gtk_list_box_append (GTK_LIST_BOX (self->role_list), box);
        }
    }
  gtk_list_box_select_row (
      GTK_LIST_BOX (self->role_list),
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->role_list), (int) self->role));
  self->updating = FALSE;
}

static void
plan_figure (GsCompPage *self, int row, const char *key, const char *title, const char *value)
{
  GtkWidget *t = gtk_label_new (title);
  GtkWidget *v = gtk_label_new (value);
  g_autofree char *a11y = g_strdup_printf ("%s: %s", title, value);
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_widget_set_hexpand (t, TRUE);
  gtk_widget_add_css_class (t, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_widget_add_css_class (v, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (v), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_grid_attach (GTK_GRID (self->plan_grid), t, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->plan_grid), v, 1, row, 1, 1);
  g_hash_table_replace (self->plan_figures, g_strdup (key), g_strdup (value));
}

static void
update_plan_figures (GsCompPage *self, const GsCompModel *comp)
{
  GsCompAtPlan at = { 0 };
  g_autoptr (GError) error = NULL;

  remove_children (self->plan_grid);
  g_hash_table_remove_all (self->plan_figures);
  if (!gs_comp_at_plan (comp, &at, &error))
    {
      GtkWidget *label = gtk_label_new (error->message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_grid_attach (GTK_GRID (self->plan_grid), label, 0, 0, 2, 1);
    }
  else
    {
      g_autofree char *pay = money (comp, at.variable_pay);
      g_autofree char *bookings = money (comp, at.bookings);
      g_autofree char *cost = percent (at.cost_of_sales);
      plan_figure (self, 0, "variable-pay", _ ("Total variable pay"), pay);
      plan_figure (self, 1, "bookings", _ ("Bookings target"), bookings);
      plan_figure (self, 2, "cost-of-sales", _ ("Cost of sales"), cost);
    }
  gs_comp_at_plan_clear (&at);
}

static void
build_boundary (GsCompPage *self)
{
  const char *labels[] = { _ ("Belongs to the upper band"), _ ("Belongs to the lower band"), NULL };
  GtkWidget *dropdown;
  remove_children (self->boundary_box);
  dropdown = choice_dropdown (self, "compensation.boundary", boundaries, labels, "upper",
                              _ ("A value exactly on a band boundary"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->boundary_label), dropdown);
  gtk_box_append (GTK_BOX (self->boundary_box), dropdown);
}

/* What, when changed, needs the editor rebuilt: the shape of the section and
 * its enumerations, not its values. */
static void
shape (GString *out, JsonNode *node, const char *key)
{
  static const char *const kinds[]
      = { "type", "basis", "period", "attainment", "measure", "kind", "boundary", "id", NULL };
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (obj);
      g_string_append_c (out, '{');
      for (GList *l = members; l; l = l->next)
        {
          g_string_append_printf (out, "%s:", (const char *) l->data);
          shape (out, json_object_get_member (obj, l->data), l->data);
          g_string_append_c (out, ',');
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          shape (out, json_array_get_element (array, i), NULL);
          g_string_append_c (out, ',');
        }
      g_string_append_c (out, ']');
    }
  else if (key && g_strv_contains (kinds, key) && JSON_NODE_HOLDS_VALUE (node)
           && json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append (out, json_node_get_string (node));
}

/* Page -------------------------------------------------------------------- */

void
gs_comp_page_update (GsCompPage *self, GsPlan *plan)
{
  const GsCompModel *comp;
  GString *sig;
  g_autofree char *signature = NULL;

  if (plan != self->plan)
    {
      g_set_object (&self->plan, plan);
      g_clear_pointer (&self->signature, g_free);
      g_clear_pointer (&self->sidebar_signature, g_free);
      self->role = 0;
    }
  comp = plan ? gs_plan_get_comp (plan, NULL) : NULL;
  if (comp == NULL || comp->n_roles == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      g_array_set_size (self->derived, 0);
      self->error_label = NULL;
      remove_children (self->editor_box);
      g_clear_pointer (&self->signature, g_free);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "plan");
  if (self->role >= comp->n_roles)
    self->role = 0;
  build_sidebar (self, comp);

  sig = g_string_new (NULL);
  g_string_append_printf (sig, "%u:", self->role);
  shape (sig, gs_plan_lookup (plan, "compensation"), NULL);
  signature = g_string_free (sig, FALSE);
  if (g_strcmp0 (signature, self->signature) != 0)
    {
      g_free (self->signature);
      self->signature = g_steal_pointer (&signature);
      rebuild_editor (self);
      build_boundary (self);
    }
  else
    update_derived (self);
  update_plan_figures (self, comp);
  gs_payout_view_update (GS_PAYOUT_VIEW (self->payout_view), plan, self->role);
}

gboolean
gs_comp_page_select_role (GsCompPage *self, const char *role_id)
{
  const GsCompModel *comp = self->plan ? gs_plan_get_comp (self->plan, NULL) : NULL;
  for (guint i = 0; comp && i < comp->n_roles; i++)
    if (g_strcmp0 (comp->roles[i].id, role_id) == 0)
      {
        GtkListBoxRow *row
            = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->role_list), (int) i);
        if (row)
          gtk_list_box_select_row (GTK_LIST_BOX (self->role_list), row);
        if (self->role != i)
          {
            self->role = i;
            gs_comp_page_update (self, self->plan);
          }
        return TRUE;
      }
  return FALSE;
}

GsPayoutView *
gs_comp_page_get_payout_view (GsCompPage *self)
{
  return GS_PAYOUT_VIEW (self->payout_view);
}

static GtkWidget *
find_field (GtkWidget *widget, const char *path)
{
  if (GS_IS_FIELD (widget) && g_strcmp0 (gs_field_get_path (GS_FIELD (widget)), path) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_field (c, path);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
gs_comp_page_find_field (GsCompPage *self, const char *path)
{
  return find_field (self->editor_box, path);
}

const char *
gs_comp_page_get_plan_figure (GsCompPage *self, const char *key)
{
  return g_hash_table_lookup (self->plan_figures, key);
}

static void
gs_comp_page_dispose (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  if (self->derived)
    g_array_set_size (self->derived, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_COMP_PAGE);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->dispose (object);
}

static void
gs_comp_page_finalize (GObject *object)
{
  GsCompPage *self = GS_COMP_PAGE (object);
  g_array_unref (self->derived);
  g_hash_table_unref (self->plan_figures);
  g_free (self->signature);
  g_free (self->sidebar_signature);
  G_OBJECT_CLASS (gs_comp_page_parent_class)->finalize (object);
}

static void
gs_comp_page_class_init (GsCompPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_comp_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_comp_page_finalize;
  g_type_ensure (GS_TYPE_PAYOUT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/comp/gs-comp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, status);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, plan_grid);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, boundary_label);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, boundary_box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, GsCompPage, payout_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gs_comp_page_init (GsCompPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->derived = g_array_new (FALSE, TRUE, sizeof (Derived));
  g_array_set_clear_func (self->derived, (GDestroyNotify) clear_derived);
  self->plan_figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect (self->role_list, "row-selected", G_CALLBACK (on_role_selected), self);
}

GtkWidget *
gs_comp_page_new (void)
{
  return g_object_new (GS_TYPE_COMP_PAGE, NULL);
}
