/* gs-figure.c — one derived figure that explains itself.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-figure.h"
#include "gs-a11y.h"

#include <glib/gi18n.h>

struct _GsFigure
{
  GtkWidget parent_instance;
  GtkWidget *button;
  GtkWidget *value;
  GtkWidget *delta;
  char *why;
  char *input_path;
  char *name;
  char *delta_class;
  GtkWidget *why_label; /* in the popover, once built */
  GtkWidget *go_button;
};

G_DEFINE_FINAL_TYPE (GsFigure, gs_figure, GTK_TYPE_WIDGET)

static void
on_goto (GtkButton *button, GsFigure *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-input", "s", self->input_path);
}

static void
update_popover (GsFigure *self)
{
  g_autofree char *tip = NULL;
  if (self->why_label == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->why_label),
                      self->why ? self->why : _ ("No derivation recorded."));
  tip = self->input_path ? g_strdup_printf (_ ("Driven by %s"), self->input_path) : NULL;
  gtk_widget_set_tooltip_text (self->go_button, tip);
  gtk_widget_set_visible (self->go_button, self->input_path != NULL);
}

/* Built when first opened, so a sheet of hundreds of figures holds no popovers. */
static void
create_popup (GtkMenuButton *button, gpointer data)
{
  GsFigure *self = data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (self->name);
  GtkWidget *why = gtk_label_new (self->why ? self->why : _ ("No derivation recorded."));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (why), 64);
  gtk_label_set_selectable (GTK_LABEL (why), TRUE);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), why);
  self->why_label = why;
  self->go_button = gtk_button_new_with_mnemonic (_ ("_Go to Input"));
  gtk_widget_set_halign (self->go_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->go_button, "suggested-action");
  g_signal_connect (self->go_button, "clicked", G_CALLBACK (on_goto), self);
  gtk_box_append (GTK_BOX (box), self->go_button);
  update_popover (self);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
gs_figure_dispose (GObject *object)
{
  GsFigure *self = GS_FIGURE (object);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (gs_figure_parent_class)->dispose (object);
}

static void
gs_figure_finalize (GObject *object)
{
  GsFigure *self = GS_FIGURE (object);
  g_free (self->why);
  g_free (self->input_path);
  g_free (self->name);
  g_free (self->delta_class);
  G_OBJECT_CLASS (gs_figure_parent_class)->finalize (object);
}

static void
gs_figure_class_init (GsFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = gs_figure_dispose;
  object_class->finalize = gs_figure_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gsfigure");
}

static void
gs_figure_init (GsFigure *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->button = gtk_menu_button_new ();
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "figure");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  self->value = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->value), 1.0);
  gtk_widget_set_hexpand (self->value, TRUE);
  gtk_widget_add_css_class (self->value, "numeric");
  self->delta = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->delta, "caption-heading");
  gtk_widget_set_visible (self->delta, FALSE);
  gtk_box_append (GTK_BOX (box), self->value);
  gtk_box_append (GTK_BOX (box), self->delta);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup, self, NULL);
}

GtkWidget *
gs_figure_new (void)
{
  return g_object_new (GS_TYPE_FIGURE, NULL);
}

static void
update_accessible (GsFigure *self)
{
  const char *delta = gtk_label_get_text (GTK_LABEL (self->delta));
  g_autofree char *label
      = g_strdup_printf ("%s: %s%s%s", self->name ? self->name : "",
                         gtk_label_get_text (GTK_LABEL (self->value)), *delta ? " " : "", delta);
  gs_a11y_set_label (self->button, label, _ ("Shows how this figure is derived"));
}

void
gs_figure_set (GsFigure *self, const char *text, const char *why, const char *input_path,
               const char *name)
{
  gtk_label_set_text (GTK_LABEL (self->value), text);
  if (g_strcmp0 (self->why, why) != 0)
    {
      g_free (self->why);
      self->why = g_strdup (why);
    }
  if (g_strcmp0 (self->input_path, input_path) != 0)
    {
      g_free (self->input_path);
      self->input_path = g_strdup (input_path);
    }
  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }
  update_popover (self);
  update_accessible (self);
}

void
gs_figure_set_delta (GsFigure *self, const char *delta, const char *css_class)
{
  if (self->delta_class)
    gtk_widget_remove_css_class (self->delta, self->delta_class);
  g_free (self->delta_class);
  self->delta_class = g_strdup (css_class);
  if (css_class)
    gtk_widget_add_css_class (self->delta, css_class);
  gtk_label_set_text (GTK_LABEL (self->delta), delta ? delta : "");
  gtk_widget_set_visible (self->delta, delta != NULL);
  update_accessible (self);
}

const char *
gs_figure_get_text (GsFigure *self)
{
  return gtk_label_get_text (GTK_LABEL (self->value));
}

const char *
gs_figure_get_delta (GsFigure *self)
{
  return gtk_label_get_text (GTK_LABEL (self->delta));
}

const char *
gs_figure_get_delta_class (GsFigure *self)
{
  g_return_val_if_fail (GS_IS_FIGURE (self), NULL);
  return self->delta_class;
}

const char *
gs_figure_get_why (GsFigure *self)
{
  return self->why;
}

void
gs_figure_popup (GsFigure *self)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

void
gs_figure_set_wrap (GsFigure *self, gboolean wrap)
{
  g_return_if_fail (GS_IS_FIGURE (self));
  gtk_label_set_wrap (GTK_LABEL (self->value), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (self->value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->value), wrap ? 0.0 : 1.0);
}
