/* gs-strip.c — target, plan and gap, always in view.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-strip.h"
#include "gs-a11y.h"
#include "gs-format.h"
#include "gs-gui-format.h"
#include "gs-meeting.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GsStrip
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *target_label;
  GtkWidget *growth_label;
  GtkWidget *plan_label;
  GtkWidget *gap_label;
  GtkWidget *gap_change_label;
  GtkWidget *phit_label;
};

G_DEFINE_FINAL_TYPE (GsStrip, gs_strip, GTK_TYPE_WIDGET)

static void
gs_strip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_STRIP);
  G_OBJECT_CLASS (gs_strip_parent_class)->dispose (object);
}

static void
gs_strip_class_init (GsStripClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_strip_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/window/gs-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, GsStrip, box);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, target_label);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, growth_label);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, plan_label);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, gap_label);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, gap_change_label);
  gtk_widget_class_bind_template_child (widget_class, GsStrip, phit_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gsstrip");
}

static void
gs_strip_init (GsStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gs_strip_new (void)
{
  return g_object_new (GS_TYPE_STRIP, NULL);
}

static void
set_class (GtkWidget *w, const char *name, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (w, name);
  else
    gtk_widget_remove_css_class (w, name);
}

void
gs_strip_update (GsStrip *self, const GsModel *model, const GsResult *result,
                 const GsResult *baseline)
{
  const char *cur = model->company.currency;
  guint digits = model->company.digits;
  g_autofree char *target = gs_format_amount (result->target_total, cur, digits, TRUE);
  g_autofree char *plan = gs_format_amount (result->plan_total, cur, digits, TRUE);
  g_autofree char *gap = gs_format_amount (result->gap, cur, digits, TRUE);
  g_autofree char *pct = NULL;
  g_autofree char *gap_text = NULL;
  g_autofree char *growth = NULL;

  gtk_label_set_text (GTK_LABEL (self->target_label), target);
  if (model->company.target_mode == GS_TARGET_GROWTH)
    {
      g_autofree char *n = gs_format_percent_signed (model->company.growth);
      g_autofree char *c = g_strdup_printf ("(%s)", n);
      growth = g_steal_pointer (&c);
    }
  gtk_label_set_text (GTK_LABEL (self->growth_label), growth ? growth : "");
  gtk_label_set_text (GTK_LABEL (self->plan_label), plan);
  {
    pct = gs_format_percent_signed (result->gap_fraction);
  }
  gap_text = g_strdup_printf ("%s (%s)", gap, pct);
  gtk_label_set_text (GTK_LABEL (self->gap_label), gap_text);
  set_class (self->gap_label, "error", result->gap < 0);
  set_class (self->gap_label, "success", result->gap >= 0);

  if (baseline && baseline->gap != result->gap)
    {
      g_autofree char *was = gs_format_amount (baseline->gap, cur, digits, TRUE);
      /* The gap line's own verdict: the same colour as its delta on the sheet. */
      const GsGoalLine *now_line = gs_result_line (result, "shared.gap");
      const GsGoalLine *was_line = gs_result_line (baseline, "shared.gap");
      GsVerdict verdict
          = now_line && was_line
                ? gs_meeting_delta_verdict (now_line, &now_line->total, &was_line->total)
                : GS_VERDICT_NEUTRAL;
      g_autofree char *change
          = g_strdup_printf (_ ("%s from %s"), result->gap > baseline->gap ? "↑" : "↓", was);
      gtk_label_set_text (GTK_LABEL (self->gap_change_label), change);
      set_class (self->gap_change_label, "success", verdict == GS_VERDICT_GOOD);
      set_class (self->gap_change_label, "error", verdict == GS_VERDICT_BAD);
      gtk_widget_set_visible (self->gap_change_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->gap_change_label, FALSE);
  gs_widget_set_tooltip (self->box, NULL);
}

void
gs_strip_set_error (GsStrip *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->plan_label), "—");
  gtk_label_set_text (GTK_LABEL (self->gap_label), "—");
  gs_widget_set_tooltip (self->box, message);
}

const char *
gs_strip_get_gap_text (GsStrip *self)
{
  return gtk_label_get_text (GTK_LABEL (self->gap_label));
}

/* p < 0: no simulation yet.  A stale figure is shown dimmed, in brackets. */
void
gs_strip_set_p_hit (GsStrip *self, double p, gboolean stale)
{
  g_autofree char *text = NULL, *pct = NULL;
  if (p < 0)
    {
      gtk_label_set_text (GTK_LABEL (self->phit_label), "—");
      gtk_widget_add_css_class (self->phit_label, "dim-label");
      return;
    }
  pct = gs_format_percent (p);
  text = stale ? g_strdup_printf ("(%s)", pct) : g_strdup (pct);
  gtk_label_set_text (GTK_LABEL (self->phit_label), text);
  if (stale)
    gtk_widget_add_css_class (self->phit_label, "dim-label");
  else
    gtk_widget_remove_css_class (self->phit_label, "dim-label");
}

/* Figures of a value still being typed, not yet in the plan: shown in italics
 * with a note, so nobody mistakes them for the agreed plan. */
void
gs_strip_set_preview (GsStrip *self, gboolean preview)
{
  if (preview)
    gtk_widget_add_css_class (GTK_WIDGET (self), "preview");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "preview");
  gs_widget_set_tooltip (GTK_WIDGET (self),
                         preview ? _ ("What the value being typed would give; Enter applies it")
                                 : NULL);
}
