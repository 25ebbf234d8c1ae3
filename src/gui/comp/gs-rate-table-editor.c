/* gs-rate-table-editor.c — one component's rate table, edited in place.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-rate-table-editor.h"
#include "gs-field.h"
#include "gs-gui-format.h"
#include "gs-json.h"

#include <glib/gi18n.h>

static const char *const table_types[] = { "flat", "marginal", "band", NULL };

struct _GsRateTableEditor
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *error_label;
  GsPlan *plan;
  char *path;       /* the component */
  char *table_path; /* ….table */
  char *name;
  gboolean amount;    /* bands in money (basis "amount"), else fractions of quota */
  GPtrArray *entries; /* boundary GtkEntry*, data "boundary" = k */
  gulong changed_id;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GsRateTableEditor, gs_rate_table_editor, GTK_TYPE_WIDGET)

static JsonObject *
table_object (GsRateTableEditor *self)
{
  JsonNode *node = gs_plan_lookup (self->plan, self->table_path);
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
bands_array (GsRateTableEditor *self)
{
  JsonObject *table = table_object (self);
  JsonNode *bands = table ? json_object_get_member (table, "bands") : NULL;
  return bands && JSON_NODE_HOLDS_ARRAY (bands) ? json_node_get_array (bands) : NULL;
}

static const char *
table_type (GsRateTableEditor *self)
{
  JsonObject *table = table_object (self);
  return table ? json_object_get_string_member_with_default (table, "type", "flat") : "flat";
}

/* Boundary k: band k's "from", or the last band's "to" for k = n. */
static JsonNode *
boundary_node (GsRateTableEditor *self, guint k)
{
  JsonArray *bands = bands_array (self);
  guint n = bands ? json_array_get_length (bands) : 0;
  JsonObject *band;
  if (n == 0 || k > n)
    return NULL;
  band = json_array_get_object_element (bands, k < n ? k : n - 1);
  return band ? json_object_get_member (band, k < n ? "from" : "to") : NULL;
}

static char *
boundary_text (GsRateTableEditor *self, guint k)
{
  JsonNode *node = boundary_node (self, k);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return gs_format_localize (json_node_get_string (node));
  return gs_format_input_number (json_node_get_double (node) * 100.0, 4);
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

/* The value typed for a boundary, as the plan stores it. */
static JsonNode *
parse_boundary (GsRateTableEditor *self, const char *text, const char *path, GError **error)
{
  double v;
  if (self->amount)
    {
      g_autofree char *norm = gs_format_normalize_number (text);
      guint digits = gs_plan_get_model (self->plan)->company.digits;
      GsMoney money;
      if (norm != NULL && gs_money_parse (norm, digits, &money, NULL))
        return gs_json_money_node (money, digits);
    }
  else if (gs_format_parse_number (text, &v))
    return json_node_init_double (json_node_alloc (), v / 100.0);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%s: “%s” is not a number"), path,
               text);
  return NULL;
}

gboolean
gs_rate_table_editor_set_boundary (GsRateTableEditor *self, guint k, const char *text,
                                   GError **error)
{
  JsonArray *bands = bands_array (self);
  guint n = bands ? json_array_get_length (bands) : 0;
  g_autofree char *bands_path = g_strdup_printf ("%s.bands", self->table_path);
  g_autofree char *field_path
      = g_strdup_printf ("%s[%u].%s", bands_path, k < n ? k : n - 1, k < n ? "from" : "to");
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (JsonNode) value = NULL;
  JsonArray *edited;

  if (n == 0 || k > n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _ ("%s: there is no such band"),
                   field_path);
      return FALSE;
    }
  value = parse_boundary (self, text, field_path, error);
  if (value == NULL)
    return FALSE;
  copy = gs_json_deep_copy (gs_plan_lookup (self->plan, bands_path));
  edited = json_node_get_array (copy);
  /* Band k − 1 ends where band k starts: both move together. */
  if (k < n)
    json_object_set_member (json_array_get_object_element (edited, k), "from",
                            json_node_copy (value));
  if (k > 0)
    json_object_set_member (json_array_get_object_element (edited, k - 1), "to",
                            json_node_copy (value));
  return gs_plan_set (self->plan, bands_path, g_steal_pointer (&copy), error);
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

static void
report (GsRateTableEditor *self, GError *error)
{
  show_error (self, error ? error->message : NULL);
}

static void
on_type (GtkDropDown *dropdown, GParamSpec *pspec, GsRateTableEditor *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  if (self->updating || selected >= G_N_ELEMENTS (table_types) - 1)
    return;
  g_object_ref (self);
  if (!gs_rate_table_editor_set_type (self, table_types[selected], &error))
    {
      /* Refused: show what the plan still has. */
      self->updating = TRUE;
      for (guint i = 0; table_types[i]; i++)
        if (g_strcmp0 (table_types[i], table_type (self)) == 0)
          gtk_drop_down_set_selected (dropdown, i);
      self->updating = FALSE;
      report (self, error);
    }
  g_object_unref (self);
}

static void
on_add (GtkButton *button, GsRateTableEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_object_ref (self);
  if (!gs_rate_table_editor_add_band (self, &error))
    report (self, error);
  g_object_unref (self);
}

static void
on_remove (GtkButton *button, GsRateTableEditor *self)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "band"));
  g_autoptr (GError) error = NULL;
  g_object_ref (self);
  if (!gs_rate_table_editor_remove_band (self, k, &error))
    report (self, error);
  g_object_unref (self);
}

static void
build (GsRateTableEditor *self)
{
  JsonObject *table = table_object (self);
  JsonArray *bands = bands_array (self);
  const char *type = table_type (self);
  guint n = bands ? json_array_get_length (bands) : 0;
  GtkWidget *row, *dropdown, *label;
  g_autofree char *type_a11y = g_strdup_printf (_ ("Rate table type of %s"), self->name);
  const char *type_names[] = { _ ("Flat"), _ ("Marginal"), _ ("Band"), NULL };
  const char *type_help[]
      = { _ ("One rate on everything."), _ ("Each slice of the value is paid at its band’s rate."),
          _ ("All or nothing: the whole value at the rate of the band reached."), NULL };
  GtkWidget *help;
  guint type_index = 0;
  self->amount
      = table
        && g_strcmp0 (json_object_get_string_member_with_default (table, "basis", "attainment"),
                      "amount")
               == 0;
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new (_ ("Rate table"));
  gtk_widget_add_css_class (label, "heading");
  dropdown = gtk_drop_down_new_from_strings (type_names);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  type_a11y, -1);
  for (guint i = 0; table_types[i]; i++)
    if (g_strcmp0 (table_types[i], type) == 0)
      type_index = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), type_index);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_type), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (self->box), row);
  {
    g_autofree char *text = g_strdup_printf (
        "%s %s", type_help[type_index],
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
  if (g_strcmp0 (type, "flat") == 0)
    {
      g_autofree char *path = g_strdup_printf ("%s.rate", self->table_path);
      g_autofree char *a11y = g_strdup_printf (_ ("Rate of %s"), self->name);
      GtkWidget *rate = gs_field_new (self->plan, path, GS_FIELD_KIND_NUMBER, "×", a11y);
      gs_field_set_width (GS_FIELD (rate), 6);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Rate"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), rate, 1, 0, 1, 1);
    }
  else
    {
      const char *unit = self->amount ? _ ("Amount") : _ ("Attainment");
      g_autofree char *from_head = g_strdup_printf (_ ("%s from"), unit);
      GtkWidget *add;
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Band"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (from_head, TRUE), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("to"), TRUE), 2, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("Rate"), TRUE), 3, 0, 1, 1);
      for (guint k = 0; k < n; k++)
        {
          JsonObject *band = json_array_get_object_element (bands, k);
          JsonNode *to = band ? json_object_get_member (band, "to") : NULL;
          g_autofree char *number = g_strdup_printf ("%u", k + 1);
          g_autofree char *rate_path = g_strdup_printf ("%s.bands[%u].rate", self->table_path, k);
          g_autofree char *rate_a11y
              = g_strdup_printf (_ ("Rate of band %u of %s"), k + 1, self->name);
          g_autofree char *from_a11y
              = g_strdup_printf (_ ("Start of band %u of %s"), k + 1, self->name);
          g_autofree char *to_a11y
              = g_strdup_printf (_ ("End of band %u of %s"), k + 1, self->name);
          GtkWidget *rate
              = gs_field_new (self->plan, rate_path, GS_FIELD_KIND_NUMBER, "×", rate_a11y);
          gs_field_set_width (GS_FIELD (rate), 6);
          gtk_grid_attach (GTK_GRID (self->grid), plain (number, TRUE), 0, k + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid),
                           unit_label (self, boundary_entry (self, k, from_a11y)), 1, k + 1, 1, 1);
          if (to != NULL && !JSON_NODE_HOLDS_NULL (to))
            gtk_grid_attach (GTK_GRID (self->grid),
                             unit_label (self, boundary_entry (self, k + 1, to_a11y)), 2, k + 1, 1,
                             1);
          else
            gtk_grid_attach (GTK_GRID (self->grid), plain (_ ("and above"), TRUE), 2, k + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), rate, 3, k + 1, 1, 1);
          if (n > 1)
            {
              GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
              g_autofree char *title
                  = g_strdup_printf (_ ("Remove band %u of %s"), k + 1, self->name);
              gtk_widget_set_tooltip_text (remove, title);
              gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
              gtk_widget_add_css_class (remove, "flat");
              gtk_widget_set_valign (remove, GTK_ALIGN_START);
              g_object_set_data (G_OBJECT (remove), "band", GUINT_TO_POINTER (k));
              g_signal_connect (remove, "clicked", G_CALLBACK (on_remove), self);
              gtk_grid_attach (GTK_GRID (self->grid), remove, 4, k + 1, 1, 1);
            }
        }
      add = gtk_button_new_with_label (_ ("Add Band"));
      {
        g_autofree char *title = g_strdup_printf (_ ("Add a band to %s"), self->name);
        gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        -1);
      }
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_add_css_class (add, "flat");
      g_signal_connect (add, "clicked", G_CALLBACK (on_add), self);
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

/* A copy of the table for a structural edit, set back as one undoable edit. */
static JsonNode *
table_copy (GsRateTableEditor *self)
{
  return gs_json_deep_copy (gs_plan_lookup (self->plan, self->table_path));
}

static double
band_rate (JsonArray *bands, guint k)
{
  JsonObject *band = bands ? json_array_get_object_element (bands, k) : NULL;
  return band ? json_object_get_double_member_with_default (band, "rate", 1.0) : 1.0;
}

gboolean
gs_rate_table_editor_set_type (GsRateTableEditor *self, const char *type, GError **error)
{
  g_autoptr (JsonNode) copy = table_copy (self);
  JsonObject *table = json_node_get_object (copy);
  const char *before = table_type (self);

  if (g_strcmp0 (before, type) == 0)
    return TRUE;
  if (g_strcmp0 (type, "flat") == 0)
    {
      /* Flat keeps the first band's rate. */
      double rate = band_rate (bands_array (self), 0);
      json_object_remove_member (table, "bands");
      json_object_set_double_member (table, "rate", rate);
    }
  else if (g_strcmp0 (before, "flat") == 0)
    {
      /* One open band at the flat rate pays the same. */
      JsonArray *bands = json_array_new ();
      JsonObject *band = json_object_new ();
      double rate = json_object_get_double_member_with_default (table, "rate", 1.0);
      if (self->amount)
        json_object_set_member (
            band, "from", gs_json_money_node (0, gs_plan_get_model (self->plan)->company.digits));
      else
        json_object_set_double_member (band, "from", 0);
      json_object_set_double_member (band, "rate", rate);
      json_array_add_object_element (bands, band);
      json_object_remove_member (table, "rate");
      json_object_set_array_member (table, "bands", bands);
    }
  json_object_set_string_member (table, "type", type);
  return gs_plan_set (self->plan, self->table_path, g_steal_pointer (&copy), error);
}

/* A new band above the last: an open last band is closed half a quota (or
 * the same amount again) above its start, and the new band is open, at the
 * same rate so payouts do not jump until the user sets it. */
gboolean
gs_rate_table_editor_add_band (GsRateTableEditor *self, GError **error)
{
  g_autoptr (JsonNode) copy = table_copy (self);
  JsonArray *bands = json_object_get_array_member (json_node_get_object (copy), "bands");
  guint n = json_array_get_length (bands);
  guint digits = gs_plan_get_model (self->plan)->company.digits;
  JsonObject *last = json_array_get_object_element (bands, n - 1);
  JsonObject *band = json_object_new ();
  JsonNode *end = json_object_get_member (last, "to");
  g_autofree char *bands_path = g_strdup_printf ("%s.bands", self->table_path);

  if (end == NULL || JSON_NODE_HOLDS_NULL (end))
    {
      JsonNode *from = json_object_get_member (last, "from");
      if (self->amount)
        {
          GsMoney start = 0, major = 1;
          for (guint i = 0; i < digits; i++)
            major *= 10;
          if (from && json_node_get_value_type (from) == G_TYPE_STRING)
            gs_money_parse (json_node_get_string (from), digits, &start, NULL);
          /* 100,000 in major units when the band starts at zero. */
          end = gs_json_money_node (start > 0 ? start * 2 : 100000 * major, digits);
        }
      else
        end = json_node_init_double (json_node_alloc (),
                                     (from ? json_node_get_double (from) : 0) + 0.5);
      json_object_set_member (last, "to", end);
    }
  json_object_set_member (band, "from", json_node_copy (json_object_get_member (last, "to")));
  json_object_set_double_member (band, "rate", band_rate (bands, n - 1));
  json_array_add_object_element (bands, band);
  return gs_plan_set (self->plan, self->table_path, g_steal_pointer (&copy), error);
}

/* The neighbour below takes over the removed band's range (the one above, for
 * the first band), so the bands still cover their range. */
gboolean
gs_rate_table_editor_remove_band (GsRateTableEditor *self, guint k, GError **error)
{
  g_autoptr (JsonNode) copy = table_copy (self);
  JsonArray *bands = json_object_get_array_member (json_node_get_object (copy), "bands");
  guint n = json_array_get_length (bands);
  JsonObject *gone;

  if (k >= n || n < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("%s.bands[%u]: a rate table keeps at least one band"), self->table_path, k);
      return FALSE;
    }
  gone = json_array_get_object_element (bands, k);
  if (k == 0)
    json_object_set_member (json_array_get_object_element (bands, 1), "from",
                            json_node_copy (json_object_get_member (gone, "from")));
  else
    {
      JsonObject *below = json_array_get_object_element (bands, k - 1);
      JsonNode *to = json_object_get_member (gone, "to");
      if (to)
        json_object_set_member (below, "to", json_node_copy (to));
      else
        json_object_remove_member (below, "to");
    }
  json_array_remove_element (bands, k);
  return gs_plan_set (self->plan, self->table_path, g_steal_pointer (&copy), error);
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
  g_free (self->path);
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
}

static void
gs_rate_table_editor_init (GsRateTableEditor *self)
{
  self->entries = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
gs_rate_table_editor_new (GsPlan *plan, const char *component_path, const char *component_name)
{
  GsRateTableEditor *self = g_object_new (GS_TYPE_RATE_TABLE_EDITOR, NULL);
  self->plan = g_object_ref (plan);
  self->path = g_strdup (component_path);
  self->table_path = g_strdup_printf ("%s.table", component_path);
  self->name = g_strdup (component_name);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  build (self);
  return GTK_WIDGET (self);
}
