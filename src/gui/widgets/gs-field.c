/* gs-field.c — one plan input, edited in place.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-field.h"
#include "gs-a11y.h"
#include "gs-explain-input.h"
#include "gs-gui-format.h"
#include "gs-json.h"
#include "gs-meeting-input.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

struct _GsField
{
  GtkWidget parent_instance;
  GsPlan *plan;
  char *path;
  GsFieldKind kind;
  char *label;
  char *currency; /* a money field's ISO code: the sign its figure shows */
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *unit;
  GtkWidget *error_label;
  GtkWidget *delta_label; /* meeting mode: "was 20 % · ↑ 2.0 pts" */
  const char *delta_class;
  char *delta_description;
  char *shown; /* the text last shown from the plan */
  char *error;
  gulong changed_id;
  guint preview_id; /* pending preview of what is being typed */
  GsFieldApply apply;
  gpointer apply_data;
  GDestroyNotify apply_destroy;
};

G_DEFINE_FINAL_TYPE (GsField, gs_field, GTK_TYPE_WIDGET)

/* A money input reads like the sheets' figures (gs_format_input_money). */
static char *
money_text (GsField *self, JsonNode *node)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  g_autofree char *c_text = NULL;
  GsMoney money = 0;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    c_text = g_strdup (json_node_get_string (node));
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      c_text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", json_node_get_double (node)));
    }
  if (!gs_money_parse (c_text, m->company.digits, &money, NULL))
    return gs_format_localize (c_text); /* the engine refuses it: show it as it is */
  return gs_format_input_money (money, m->company.digits,
                                self->currency ? self->currency : m->company.currency);
}

/* The field as the user sees it named: its label, else its input in words. */
static char *
field_name (GsField *self)
{
  if (self->label && *self->label)
    return g_strdup (self->label);
  return gs_explain_input_path (gs_plan_get_model (self->plan), self->path);
}

/* The engine names what it refuses by its path in the plan file
 * ("funnel.deal_size: must be above zero"), which the CLI keeps; in the
 * window the field's own name says it ("Deal size: must be above zero"). */
static char *
message_in_words (GsField *self, const char *message)
{
  const char *colon = strstr (message, ": ");
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (colon == NULL || self->plan == NULL)
    return g_strdup (message);
  path = g_strndup (message, colon - message);
  if (strchr (path, ' ') || !strchr (path, '.'))
    return g_strdup (message); /* words already */
  name = g_strcmp0 (path, self->path) == 0
             ? field_name (self)
             : gs_explain_input_path (gs_plan_get_model (self->plan), path);
  return g_strdup_printf ("%s: %s", name, colon + 2);
}

static char *
value_text (GsField *self)
{
  JsonNode *node = gs_plan_lookup (self->plan, self->path);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (self->kind)
    {
    case GS_FIELD_KIND_TEXT:
      return g_strdup (
          json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "");
    case GS_FIELD_KIND_MONEY:
      return money_text (self, node);
    case GS_FIELD_KIND_PERCENT:
      return gs_format_input_number (json_node_get_double (node) * 100.0, 4);
    case GS_FIELD_KIND_INT:
      return gs_format_input_number (json_node_get_double (node), 0);
    case GS_FIELD_KIND_NUMBER:
    default:
      return gs_format_input_number (json_node_get_double (node), 4);
    }
}

/* The entry's accessible description says the meeting delta, unless an
 * error message is what it says. */
static void
describe_delta (GsField *self)
{
  if (self->error)
    return;
  if (self->delta_description)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->delta_description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* "was $25,000 · ↑ $2,000" wraps at the dot only: the other spaces become
 * no-break spaces, so an arrow never ends a line without its amount. */
static char *
break_at_dot_only (const char *text)
{
  static const char dot[] = "·";
  GString *out = g_string_new (NULL);
  for (const char *c = text; *c != '\0'; c++)
    {
      gboolean by_dot = g_str_has_prefix (c + 1, dot)
                        || (c - text >= (long) strlen (dot)
                            && strncmp (c - strlen (dot), dot, strlen (dot)) == 0);
      if (*c == ' ' && !by_dot)
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/* In meeting mode, what the input was when agreed and its change, coloured
 * by what the input means (gs-meeting-input.h), like the figures' deltas. */
static void
update_delta (GsField *self)
{
  GsInputDelta d = { 0 };
  g_autofree char *text = NULL;
  const char *css_class = NULL;

  g_clear_pointer (&self->delta_description, g_free);
  if (self->plan && gs_meeting_field_delta (self->plan, self->path, &d))
    {
      css_class = gs_verdict_css_class (d.verdict);
      if (d.change)
        {
          /* Translators: beside an input in a meeting, %1$s its agreed value
           * ("20 %"), %2$s the change ("↑ 2.0 pts"). */
          text = g_strdup_printf (_ ("was %1$s · %2$s"), d.was, d.change);
          self->delta_description = g_strdup_printf (
              d.verdict == GS_VERDICT_GOOD
                  /* Translators: an input's accessible description in a meeting. */
                  ? _ ("Changed in the meeting from %1$s (%2$s): good news")
                  : d.verdict == GS_VERDICT_BAD
                        ? _ ("Changed in the meeting from %1$s (%2$s): bad news")
                        : _ ("Changed in the meeting from %1$s (%2$s)"),
              d.was, d.change);
        }
      else
        {
          /* Translators: beside a text input in a meeting, its agreed value. */
          text = g_strdup_printf (_ ("was %s"), d.was);
          self->delta_description = g_strdup_printf (_ ("Changed in the meeting from %s"), d.was);
        }
    }
  gs_input_delta_clear (&d);
  if (self->delta_class)
    gtk_widget_remove_css_class (self->delta_label, self->delta_class);
  self->delta_class = css_class;
  if (css_class)
    gtk_widget_add_css_class (self->delta_label, css_class);
  {
    g_autofree char *shown = text ? break_at_dot_only (text) : NULL;
    gtk_label_set_text (GTK_LABEL (self->delta_label), shown ? shown : "");
  }
  gtk_widget_set_visible (self->delta_label, text != NULL);
  describe_delta (self);
}

static void
show_error (GsField *self, const char *message)
{
  g_free (self->error);
  self->error = message ? message_in_words (self, message) : NULL;
  message = self->error;
  if (message)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_label_set_text (GTK_LABEL (self->error_label), message);
      gs_widget_set_tooltip (self->entry, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gs_widget_set_tooltip (self->entry, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
      describe_delta (self);
    }
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
refresh (GsField *self)
{
  g_autofree char *text = NULL;

  if (self->plan == NULL)
    return;
  update_delta (self);
  if (self->error)
    return; /* keep the refused text in view until the user fixes it */
  text = value_text (self);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  g_free (self->shown);
  self->shown = g_steal_pointer (&text);
}

static void
on_plan_changed (GsPlan *plan, const char *path, GsField *self)
{
  refresh (self);
}

static JsonNode *
parse_value (GsField *self, const char *text, GError **error)
{
  double v;
  switch (self->kind)
    {
    case GS_FIELD_KIND_TEXT:
      return json_node_init_string (json_node_alloc (), text);
    case GS_FIELD_KIND_MONEY:
      {
        const GsModel *m = gs_plan_get_model (self->plan);
        g_autoptr (GError) local = NULL;
        GsMoney money;
        if (!gs_parse_input_money (text, m->company.digits, &money, &local))
          {
            g_autofree char *name = field_name (self);
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", name,
                         local->message);
            return NULL;
          }
        return gs_json_money_node (money, m->company.digits);
      }
    case GS_FIELD_KIND_INT:
      if (!gs_format_parse_number (text, &v))
        break;
      if (v != (double) (gint64) v)
        {
          g_autofree char *name = field_name (self);
          /* Translators: %1$s a field's name, %2$s what was typed. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _ ("%1$s: “%2$s” is not a whole number"), name, text);
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), (gint64) v);
    case GS_FIELD_KIND_PERCENT:
      if (!gs_format_parse_number (text, &v))
        break;
      return json_node_init_double (json_node_alloc (), v / 100.0);
    case GS_FIELD_KIND_NUMBER:
      if (!gs_format_parse_number (text, &v))
        break;
      return json_node_init_double (json_node_alloc (), v);
    }
  {
    g_autofree char *name = field_name (self);
    /* Translators: %1$s a field's name, %2$s what was typed. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%1$s: “%2$s” is not a number"),
                 name, text);
  }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Hands the parsed value to the field's engine edit. */
static gboolean
apply_value (GsField *self, JsonNode *value, const char *text, GError **error)
{
  g_autoptr (JsonNode) owned = value;
  double number = 0;
  if (self->kind == GS_FIELD_KIND_MONEY)
    {
      GsMoney money = 0;
      if (!gs_money_parse (json_node_get_string (value),
                           gs_plan_get_model (self->plan)->company.digits, &money, error))
        return FALSE;
      number = (double) money;
    }
  else if (self->kind != GS_FIELD_KIND_TEXT)
    number = json_node_get_double (value);
  return self->apply (self->plan, text, number, self->apply_data, error);
}

/* While typing, the window shows what the typed value would do to target,
 * plan and gap (win.preview) without changing the plan; Enter applies it. */
static gboolean
send_preview (gpointer data)
{
  GsField *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr (JsonNode) value = NULL;
  g_autofree char *json = NULL;

  self->preview_id = 0;
  if (self->plan == NULL || self->kind == GS_FIELD_KIND_TEXT || g_strcmp0 (text, self->shown) == 0)
    return G_SOURCE_REMOVE;
  value = parse_value (self, text, NULL);
  if (value == NULL)
    return G_SOURCE_REMOVE;
  json = json_to_string (value, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.preview", "(ss)", self->path, json);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (GtkEditable *editable, GsField *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->entry))
    return; /* set from the plan, not typed */
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (120, send_preview, self);
}

static void
end_preview (GsField *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.preview", "(ss)", "", "");
}

gboolean
gs_field_commit (GsField *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr (GError) error = NULL;
  JsonNode *value;
  gboolean ok;
  gboolean cleared;

  if (self->plan == NULL)
    return FALSE;
  if (self->preview_id || gtk_widget_get_root (GTK_WIDGET (self)))
    end_preview (self);
  if (self->error == NULL && g_strcmp0 (text, self->shown) == 0)
    return TRUE; /* nothing typed */
  /* An emptied number hands NAN to the field's engine edit: a value that can
   * be cleared (a source's own rate, then the funnel's). */
  cleared = self->apply && self->kind != GS_FIELD_KIND_TEXT && is_blank (text);
  value = cleared ? NULL : parse_value (self, text, &error);
  if (value == NULL && !cleared)
    {
      show_error (self, error->message);
      return FALSE;
    }
  /* The edit may rebuild the page this field sits on (a horizon change adds
   * fields), disposing it: hold it until we are done. */
  g_object_ref (self);
  if (cleared)
    ok = self->apply (self->plan, text, NAN, self->apply_data, &error);
  else
    ok = self->apply ? apply_value (self, value, text, &error)
                     : gs_plan_set (self->plan, self->path, value, &error);
  if (self->plan != NULL)
    {
      show_error (self, ok ? NULL : error->message);
      if (ok)
        refresh (self);
    }
  g_object_unref (self);
  return ok;
}

static void
on_activate (GtkEntry *entry, GsField *self)
{
  gs_field_commit (self);
}

static void
on_focus_leave (GtkEventControllerFocus *focus, GsField *self)
{
  gs_field_commit (self);
}

static gboolean
on_key (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
        GsField *self)
{
  /* Escape drops what was typed, refused or not. */
  if (keyval == GDK_KEY_Escape
      && (self->error
          || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->shown) != 0))
    {
      show_error (self, NULL);
      refresh (self);
      end_preview (self);
      return TRUE;
    }
  return FALSE;
}

static void
gs_field_dispose (GObject *object)
{
  GsField *self = GS_FIELD (object);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->plan)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
  if (self->apply_destroy)
    g_clear_pointer (&self->apply_data, self->apply_destroy);
  self->apply = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gs_field_parent_class)->dispose (object);
}

static void
gs_field_finalize (GObject *object)
{
  GsField *self = GS_FIELD (object);
  g_free (self->path);
  g_free (self->label);
  g_free (self->currency);
  g_free (self->shown);
  g_free (self->error);
  g_free (self->delta_description);
  G_OBJECT_CLASS (gs_field_parent_class)->finalize (object);
}

static gboolean
gs_field_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GS_FIELD (widget)->entry);
}

static void
gs_field_class_init (GsFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_field_dispose;
  object_class->finalize = gs_field_finalize;
  widget_class->grab_focus = gs_field_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gsfield");
}

static void
gs_field_init (GsField *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 9);
  /* Ctrl+Z belongs to the plan's undo, not the entry's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_widget_set_hexpand (self->entry, TRUE);
  self->unit = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit, "dim-label");
  gtk_box_append (GTK_BOX (row), self->entry);
  gtk_box_append (GTK_BOX (row), self->unit);
  gtk_box_append (GTK_BOX (self->box), row);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 28);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);
  /* Under the entry, wrapped to its width (a one-character natural width):
   * a delta never widens the field, so the window keeps its size. */
  self->delta_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->delta_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->delta_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->delta_label), 1);
  gtk_label_set_xalign (GTK_LABEL (self->delta_label), 1);
  gtk_label_set_justify (GTK_LABEL (self->delta_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (self->delta_label, "caption");
  gtk_widget_add_css_class (self->delta_label, "numeric");
  gtk_widget_set_visible (self->delta_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->delta_label);

  g_signal_connect (self->entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect (self->entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->entry, focus);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (self->entry, key);
}

GtkWidget *
gs_field_new (GsPlan *plan, const char *path, GsFieldKind kind, const char *unit, const char *label)
{
  GsField *self = g_object_new (GS_TYPE_FIELD, NULL);
  self->plan = g_object_ref (plan);
  self->path = g_strdup (path);
  self->kind = kind;
  self->label = g_strdup (label);
  if (kind == GS_FIELD_KIND_MONEY)
    {
      /* A money field's unit is the currency code: its sign is in the figure. */
      self->currency = g_strdup (unit);
      unit = NULL;
      gs_field_set_width (self, 12);
    }
  gtk_label_set_text (GTK_LABEL (self->unit), unit ? unit : "");
  gtk_widget_set_visible (self->unit, unit && *unit);
  if (kind == GS_FIELD_KIND_TEXT)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 16);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 60);
    }
  else
    gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
  if (label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  refresh (self);
  return GTK_WIDGET (self);
}

const char *
gs_field_get_path (GsField *self)
{
  return self->path;
}

/* A row whose item moved (a stage inserted before it) keeps its field and
 * its focus: only the path followed changes. */
void
gs_field_set_path (GsField *self, const char *path)
{
  if (g_strcmp0 (path, self->path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  show_error (self, NULL);
  refresh (self);
}

void
gs_field_set_label (GsField *self, const char *label)
{
  if (g_strcmp0 (label, self->label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  if (label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

const char *
gs_field_get_error (GsField *self)
{
  return self->error;
}

const char *
gs_field_get_text (GsField *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
gs_field_set_text (GsField *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

void
gs_field_set_width (GsField *self, int chars)
{
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), chars);
}

void
gs_field_set_apply (GsField *self, GsFieldApply apply, gpointer data, GDestroyNotify destroy)
{
  if (self->apply_destroy && self->apply_data)
    self->apply_destroy (self->apply_data);
  self->apply = apply;
  self->apply_data = data;
  self->apply_destroy = destroy;
}

/* Brings the field into view and puts the cursor in it (the "Go to input"
 * link of a derivation). */
void
gs_field_reveal (GsField *self)
{
  gtk_widget_grab_focus (self->entry);
  gtk_widget_add_css_class (self->entry, "accent");
}

const char *
gs_field_get_delta (GsField *self)
{
  return gtk_widget_get_visible (self->delta_label)
             ? gtk_label_get_text (GTK_LABEL (self->delta_label))
             : NULL;
}

const char *
gs_field_get_delta_class (GsField *self)
{
  return self->delta_class;
}

const char *
gs_field_get_delta_description (GsField *self)
{
  return self->delta_description;
}

GtkWidget *
gs_field_get_entry (GsField *self)
{
  return self->entry;
}

GsField *
gs_field_find (GtkWidget *root, const char *path, gboolean prefix)
{
  if (GS_IS_FIELD (root))
    {
      const char *p = GS_FIELD (root)->path;
      if (g_strcmp0 (p, path) == 0 || (prefix && p && g_str_has_prefix (p, path)))
        return GS_FIELD (root);
      return NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GsField *found = gs_field_find (c, path, prefix);
      if (found)
        return found;
    }
  return NULL;
}
