/* gs-rate-table-editor.c — one component's rate table, edited in place.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-rate-table-editor.h"
#include "gs-comp-rows.h"
#include "gs-gui-format.h"
#include "gs-explain-input.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GsRateTableEditor
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *error_label;
  GsPlan *plan;
  GsCompTarget target;
  char *table_path; /* compensation.roles[r].components[c].table, for fields */
  char *name;
  gboolean amount;    /* bands in money (basis "amount"), else fractions of quota */
  GPtrArray *entries; /* boundary GtkEntry*, data "boundary" = k */
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (GsRateTableEditor, gs_rate_table_editor, GTK_TYPE_WIDGET)

static const GsRateTable *
table (GsRateTableEditor *self)
{
  const GsCompModel *comp = gs_comp_rows_model (self->plan);
  const GsCompRole *role
      = comp && self->target.role < comp->n_roles ? &comp->roles[self->target.role] : NULL;
  return role && self->target.component < role->n_components
             ? &role->components[self->target.component].table
             : NULL;
}

/* Boundary k: band k's start, or the last band's end for k = n (NAN: open). */
static double
boundary_value (GsRateTableEditor *self, guint k)
{
  const GsRateTable *t = table (self);
  if (t == NULL || t->kind == GS_TABLE_FLAT || k > t->n_bands)
    return NAN;
  return k < t->n_bands ? t->bands[k].from : t->bands[t->n_bands - 1].to;
}

static char *
boundary_text (GsRateTableEditor *self, guint k)
{
  double v = boundary_value (self, k);
  if (isnan (v) || isinf (v))
    return g_strdup ("");
  if (self->amount)
    {
      const GsCompModel *comp = gs_comp_rows_model (self->plan);
      return gs_format_input_money (gs_money_round (v), comp->digits, comp->currency);
    }
  return gs_format_input_number (v * 100.0, 4);
}

static void
mark_entry (GsRateTableEditor *self, GtkWidget *entry, const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_object_set_data_full (G_OBJECT (entry), "error", g_strdup (message), g_free);
}

static void
show_error (GsRateTableEditor *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
refresh (GsRateTableEditor *self)
{
  if (self->plan == NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "boundary"));
      g_autofree char *text = NULL;
      if (g_object_get_data (G_OBJECT (entry), "error"))
        continue; /* the refused text stays until fixed or dropped */
      text = boundary_text (self, k);
      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
}

static void
on_plan_changed (GsPlan *plan, const char *path, GsRateTableEditor *self)
{
  refresh (self);
}

/* The value typed for a boundary, in the table's basis units. */
static gboolean
parse_boundary (GsRateTableEditor *self, const char *text, double *out, GError **error)
{
  double v;
  if (self->amount)
    {
      GsMoney money;
      if (gs_parse_input_money (text, gs_comp_rows_model (self->plan)->digits, &money, NULL))
        {
          *out = (double) money;
          return TRUE;
        }
    }
  else if (gs_format_parse_number (text, &v))
    {
      *out = v / 100.0;
      return TRUE;
    }
  {
    g_autofree char *path = g_strdup_printf ("%s.bands", self->table_path);
    g_autofree char *name = gs_explain_input_path (gs_plan_get_model (self->plan), path);
    /* Translators: %1$s a field's name, %2$s what was typed. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%1$s: “%2$s” is not a number"),
                 name, text);
  }
  return FALSE;
}

gboolean
gs_rate_table_editor_set_boundary (GsRateTableEditor *self, guint k, const char *text,
                                   GError **error)
{
  double value;
  return parse_boundary (self, text, &value, error)
         && gs_comp_set_band_edge (self->plan, self->target.role, self->target.component, k, value,
                                   error);
}

static void
commit_entry (GsRateTableEditor *self, GtkWidget *entry)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "boundary"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *shown = NULL;
  g_autoptr (GError) error = NULL;

  if (self->plan == NULL)
    return; /* focus left while the editor is being disposed */
  shown = boundary_text (self, k);
  if (g_object_get_data (G_OBJECT (entry), "error") == NULL && g_strcmp0 (text, shown) == 0)
    return;            /* nothing typed */
  g_object_ref (self); /* the edit may rebuild the page this editor is on */
  if (gs_rate_table_editor_set_boundary (self, k, text, &error))
    {
      mark_entry (self, entry, NULL);
      show_error (self, NULL);
      refresh (self);
    }
  else
    {
      mark_entry (self, entry, error->message);
      show_error (self, error->message);
    }
  g_object_unref (self);
}

static void
on_entry_activate (GtkEntry *entry, GsRateTableEditor *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
on_entry_leave (GtkEventControllerFocus *focus, GsRateTableEditor *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

static gboolean
on_entry_key (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
              GsRateTableEditor *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (key));
  if (keyval != GDK_KEY_Escape || g_object_get_data (G_OBJECT (entry), "error") == NULL)
    return FALSE;
  /* Escape drops a refused value. */
  mark_entry (self, entry, NULL);
  show_error (self, NULL);
  refresh (self);
  return TRUE;
}

static GtkWidget *
boundary_entry (GsRateTableEditor *self, guint k, const char *a11y)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), self->amount ? 11 : 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), self->amount ? 11 : 6);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (entry), "boundary", GUINT_TO_POINTER (k));
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (entry, key);
  g_ptr_array_add (self->entries, entry);
  return entry;
}

static GtkWidget *
unit_label (GsRateTableEditor *self, GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *unit = gtk_label_new (self->amount ? "" : "%");
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_box_append (GTK_BOX (box), child);
  if (!self->amount)
    gtk_box_append (GTK_BOX (box), unit);
  else
    g_object_unref (g_object_ref_sink (unit));
  return box;
}

static GtkWidget *
plain (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Errors of the table's own edits show under it. */
static void
on_error (GtkWidget *widget, const char *action, GVariant *param)
{
  const char *message = g_variant_get_string (param, NULL);
  show_error (GS_RATE_TABLE_EDITOR (widget), *message ? message : NULL);
}

static void
build (GsRateTableEditor *self)
{
  const GsRateTable *t = table (self);
  guint n = t->n_bands;
  GtkWidget *row, *dropdown, *label;
  g_autofree char *type_a11y = g_strdup_printf (_ ("Rate table type of %s"), self->name);
  const char *type_help[]
      = { _ ("One rate on everything."), _ ("Each slice of the value is paid at its band’s rate."),
          _ ("All or nothing: the whole value at the rate of the band reached."), NULL };
  GtkWidget *help;
  GsCompTarget target = self->target;

  self->amount = t->basis == GS_BASIS_AMOUNT;
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new (_ ("Rate table"));
  gtk_widget_add_css_class (label, "heading");
  dropdown = gs_comp_choice (self->plan, GS_COMP_CHOICE_TABLE_KIND, self->target, type_a11y);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (self->box), row);
  {
    g_autofree char *text = g_strdup_printf (
        "%s %s", type_help[t->kind],
        self->amount
            ? _ ("Rates are a commission on the amount.")
            : _ ("A rate is the share of the target incentive paid at full quota (100 %)."));
    help = plain (text, TRUE);
    gtk_label_set_wrap (GTK_LABEL (help), TRUE);
    gtk_widget_add_css_class (help, "caption");
    gtk_box_append (GTK_BOX (self->box), help);
  }

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_box_append (GTK_BOX (self->box), self->grid);
  if (t->kind == GS_TABLE_FLAT)
    {
      g_autofree char *path = g_strdup_printf ("%s.rate", self->table_path);
      g_autofree char *a11y = g_strdup_printf (_ ("Rate of %s"), self->name);
      GtkWidget *rate = gs_comp_field (self->plan, path, GS_FIELD_KIND_NUMBER, "×", a11y, 6,
                                       GS_COMP_VALUE_RATE, target);
      /* Laid out as the grid's other cells, not as a row suffix. */
      gtk_widget_set_hexpand_set (rate, FALSE);
      gtk_widget_set_valign (rate, GTK_ALIGN_FILL);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Rate"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), rate, 1, 0, 1, 1);
    }
  else
    {
      const char *unit = self->amount ? _ ("Amount") : _ ("Attainment");
      g_autofree char *from_head = g_strdup_printf (_ ("%s from"), unit);
      g_autofree char *add_a11y = g_strdup_printf (_ ("Add a band to %s"), self->name);
      GtkWidget *add;
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Band"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (from_head, TRUE), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("to"), TRUE), 2, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Rate"), TRUE), 3, 0, 1, 1);
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *number = g_strdup_printf ("%u", k + 1);
          g_autofree char *rate_path = g_strdup_printf ("%s.bands[%u].rate", self->table_path, k);
          g_autofree char *rate_a11y
              = g_strdup_printf (_ ("Rate of band %u of %s"), k + 1, self->name);
          g_autofree char *from_a11y
              = g_strdup_printf (_ ("Start of band %u of %s"), k + 1, self->name);
          g_autofree char *to_a11y
              = g_strdup_printf (_ ("End of band %u of %s"), k + 1, self->name);
          GtkWidget *rate;
          target.index = k;
          rate = gs_comp_field (self->plan, rate_path, GS_FIELD_KIND_NUMBER, "×", rate_a11y, 6,
                                GS_COMP_VALUE_RATE, target);
          gtk_widget_set_hexpand_set (rate, FALSE);
          gtk_widget_set_valign (rate, GTK_ALIGN_FILL);
          gtk_grid_attach (GTK_GRID (self->grid), plain (number, TRUE), 0, k + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid),
                           unit_label (self, boundary_entry (self, k, from_a11y)), 1, k + 1, 1, 1);
          if (!isinf (t->bands[k].to))
            gtk_grid_attach (GTK_GRID (self->grid),
                             unit_label (self, boundary_entry (self, k + 1, to_a11y)), 2, k + 1, 1,
                             1);
          else
            gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("and above"), TRUE), 2, k + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), rate, 3, k + 1, 1, 1);
          if (n > 1)
            {
              g_autofree char *title
                  = g_strdup_printf (_ ("Remove band %u of %s"), k + 1, self->name);
              GtkWidget *remove = gs_comp_button ("list-remove-symbolic", NULL, title, self->plan,
                                                  GS_COMP_ACTION_REMOVE_BAND, target);
              gtk_widget_set_valign (remove, GTK_ALIGN_START);
              gtk_grid_attach (GTK_GRID (self->grid), remove, 4, k + 1, 1, 1);
            }
        }
      add = gs_comp_button (NULL, _ ("Add Band"), add_a11y, self->plan, GS_COMP_ACTION_ADD_BAND,
                            self->target);
      gtk_widget_set_tooltip_text (add, NULL);
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (self->grid), add, 1, n + 1, 3, 1);
    }
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);
  refresh (self);
}

gboolean
gs_rate_table_editor_set_kind (GsRateTableEditor *self, GsTableKind kind, GError **error)
{
  return gs_comp_set_table_kind (self->plan, self->target.role, self->target.component, kind,
                                 error);
}

gboolean
gs_rate_table_editor_add_band (GsRateTableEditor *self, GError **error)
{
  return gs_comp_rows_apply (self->plan, GS_COMP_ACTION_ADD_BAND, self->target, error);
}

gboolean
gs_rate_table_editor_remove_band (GsRateTableEditor *self, guint k, GError **error)
{
  GsCompTarget t = self->target;
  t.index = k;
  return gs_comp_rows_apply (self->plan, GS_COMP_ACTION_REMOVE_BAND, t, error);
}

static void
gs_rate_table_editor_dispose (GObject *object)
{
  GsRateTableEditor *self = GS_RATE_TABLE_EDITOR (object);
  if (self->plan)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gs_rate_table_editor_parent_class)->dispose (object);
}

static void
gs_rate_table_editor_finalize (GObject *object)
{
  GsRateTableEditor *self = GS_RATE_TABLE_EDITOR (object);
  g_free (self->table_path);
  g_free (self->name);
  g_ptr_array_unref (self->entries);
  G_OBJECT_CLASS (gs_rate_table_editor_parent_class)->finalize (object);
}

static void
gs_rate_table_editor_class_init (GsRateTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_rate_table_editor_dispose;
  object_class->finalize = gs_rate_table_editor_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gsratetableeditor");
  gtk_widget_class_install_action (widget_class, "comp.error", "s", on_error);
}

static void
gs_rate_table_editor_init (GsRateTableEditor *self)
{
  self->entries = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
gs_rate_table_editor_new (GsPlan *plan, guint role, guint component)
{
  GsRateTableEditor *self = g_object_new (GS_TYPE_RATE_TABLE_EDITOR, NULL);
  const GsCompModel *comp = gs_comp_rows_model (plan);
  self->plan = g_object_ref (plan);
  self->target.role = role;
  self->target.component = component;
  self->table_path
      = g_strdup_printf ("compensation.roles[%u].components[%u].table", role, component);
  self->name = g_strdup (comp->roles[role].components[component].name);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  build (self);
  return GTK_WIDGET (self);
}
