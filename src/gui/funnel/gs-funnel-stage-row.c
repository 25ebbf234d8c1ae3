/* gs-funnel-stage-row.c — a row of the Funnel page's stage list: the
 * stage's name, whose sheet it is on, its step to the next stage (rate and
 * lag) and the remove button.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row is built once for its GsFunnelStage and follows the item's
 * properties; it is never rebuilt while the stage exists, so the field being
 * typed in keeps focus through every edit.
 */
#include "gs-funnel-stage-row.h"
#include "gs-field.h"

#include <glib/gi18n.h>

struct _GsFunnelStageRow
{
  GtkListBoxRow parent_instance;
  GsFunnelStage *stage;
  GtkWidget *name;
  GtkWidget *owner;
  GtkWidget *to;
  GtkWidget *rate;
  GtkWidget *lag;
  GtkWidget *last;
  GtkWidget *remove;
};

G_DEFINE_FINAL_TYPE (GsFunnelStageRow, gs_funnel_stage_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (GsFunnelStageRow *self)
{
  GsFunnelStage *stage = self->stage;
  guint k = gs_funnel_stage_get_position (stage);
  const char *name = gs_funnel_stage_get_name (stage);
  const char *next = gs_funnel_stage_get_next_name (stage);
  g_autofree char *name_path = g_strdup_printf ("funnel.stages[%u].name", k);
  g_autofree char *name_title = g_strdup_printf (_ ("Name of stage %u"), k + 1);

  gs_field_set_path (GS_FIELD (self->name), name_path);
  gs_field_set_label (GS_FIELD (self->name), name_title);
  gtk_label_set_text (GTK_LABEL (self->owner),
                      gs_funnel_stage_get_marketing (stage) ? _ ("marketing") : _ ("sales"));
  gtk_widget_set_visible (self->to, next != NULL);
  gtk_widget_set_visible (self->rate, next != NULL);
  gtk_widget_set_visible (self->lag, next != NULL);
  gtk_widget_set_visible (self->last, next == NULL);
  if (next)
    {
      g_autofree char *rate_path = g_strdup_printf ("funnel.steps[%u].rate", k);
      g_autofree char *lag_path = g_strdup_printf ("funnel.steps[%u].lag_days", k);
      g_autofree char *rate_title = g_strdup_printf (_ ("%s → %s conversion"), name, next);
      g_autofree char *lag_title = g_strdup_printf (_ ("%s → %s lag"), name, next);
      g_autofree char *arrow = g_strdup_printf ("→ %s", next);
      gtk_label_set_text (GTK_LABEL (self->to), arrow);
      gs_field_set_path (GS_FIELD (self->rate), rate_path);
      gs_field_set_label (GS_FIELD (self->rate), rate_title);
      gs_field_set_path (GS_FIELD (self->lag), lag_path);
      gs_field_set_label (GS_FIELD (self->lag), lag_title);
    }
  gtk_widget_set_visible (self->remove, gs_funnel_stage_get_removable (stage));
  {
    g_autofree char *title = g_strdup_printf (_ ("Remove stage %s"), name);
    gtk_widget_set_tooltip_text (self->remove, title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, -1);
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove), "u", k);
  }
}

static void
gs_funnel_stage_row_dispose (GObject *object)
{
  GsFunnelStageRow *self = GS_FUNNEL_STAGE_ROW (object);
  if (self->stage)
    g_signal_handlers_disconnect_by_data (self->stage, self);
  g_clear_object (&self->stage);
  G_OBJECT_CLASS (gs_funnel_stage_row_parent_class)->dispose (object);
}

static void
gs_funnel_stage_row_class_init (GsFunnelStageRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_funnel_stage_row_dispose;
}

static void
gs_funnel_stage_row_init (GsFunnelStageRow *self)
{
  /* The fields take focus, not the row around them. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

/* Path and title are set by update (); the fields are created with the
 * stage's first ones so they read the right value from the start. */
GtkWidget *
gs_funnel_stage_row_new (GsPlan *plan, GsFunnelStage *stage)
{
  GsFunnelStageRow *self = g_object_new (GS_TYPE_FUNNEL_STAGE_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  guint k = gs_funnel_stage_get_position (stage);
  g_autofree char *name_path = g_strdup_printf ("funnel.stages[%u].name", k);
  g_autofree char *rate_path = g_strdup_printf ("funnel.steps[%u].rate", k);
  g_autofree char *lag_path = g_strdup_printf ("funnel.steps[%u].lag_days", k);

  self->stage = g_object_ref (stage);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->name = gs_field_new (plan, name_path, GS_FIELD_KIND_TEXT, NULL, NULL);
  gs_field_set_width (GS_FIELD (self->name), 14);
  gtk_widget_set_hexpand (self->name, FALSE);
  gtk_box_append (GTK_BOX (box), self->name);

  self->owner = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->owner, "dim-label");
  gtk_widget_add_css_class (self->owner, "caption");
  gtk_widget_set_size_request (self->owner, 70, -1);
  gtk_box_append (GTK_BOX (box), self->owner);

  self->to = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->to), 0);
  gtk_widget_set_size_request (self->to, 120, -1);
  gtk_box_append (GTK_BOX (box), self->to);
  self->rate = gs_field_new (plan, rate_path, GS_FIELD_KIND_PERCENT, "%", NULL);
  gtk_box_append (GTK_BOX (box), self->rate);
  self->lag = gs_field_new (plan, lag_path, GS_FIELD_KIND_NUMBER, _ ("days"), NULL);
  gtk_box_append (GTK_BOX (box), self->lag);

  self->last = gtk_label_new (_ ("the booking"));
  gtk_widget_add_css_class (self->last, "dim-label");
  gtk_widget_set_hexpand (self->last, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->last), 0);
  gtk_box_append (GTK_BOX (box), self->last);

  self->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (self->remove, "flat");
  gtk_widget_set_halign (self->remove, GTK_ALIGN_END);
  gtk_widget_set_hexpand (self->remove, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove), "funnel.remove-stage");
  gtk_box_append (GTK_BOX (box), self->remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  update (self);
  g_signal_connect_object (stage, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

GsFunnelStage *
gs_funnel_stage_row_get_stage (GsFunnelStageRow *self)
{
  return self->stage;
}
