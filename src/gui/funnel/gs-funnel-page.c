/* gs-funnel-page.c — the funnel's stages, rates and lags, edited in a list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-funnel-page.h"
#include "gs-reflow-box.h"
#include "gs-plan-edits.h"
#include "gs-explain.h"
#include "gs-chart-view.h"
#include "gs-field.h"
#include "gs-funnel-source-row.h"
#include "gs-funnel-stage-row.h"
#include "gs-funnel-stage.h"
#include "gs-list-sync.h"

#include <glib/gi18n.h>

/* Plan month mo in the user's words ("Feb 27", "Mär 27"). */
static char *
month_short (const GsModel *m, guint mo)
{
  GsMonth month = gs_model_month (m, (int) mo);
  return gs_explain_month_short (&month);
}

struct _GsFunnelPage
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkWidget *stage_list;
  GtkWidget *error_label;
  GtkWidget *deal_box;
  GtkWidget *deal_label;
  GtkWidget *volume_header;
  GtkWidget *source_list;
  GListStore *sources; /* GsFunnelSource, bound to source_list */
  GPtrArray *columns;  /* GtkSizeGroup: the name column, then one per month */
  char **months;       /* short month names the columns were made for */
  GtkWidget *chart_frame;
  GtkWidget *funnel_chart;
  GtkWidget *waterfall_chart;
  GsPlan *plan;
  GListStore *stages; /* GsFunnelStage, bound to stage_list */
};

G_DEFINE_FINAL_TYPE (GsFunnelPage, gs_funnel_page, GTK_TYPE_WIDGET)

static void
gs_funnel_page_dispose (GObject *object)
{
  GsFunnelPage *self = GS_FUNNEL_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_FUNNEL_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->stages);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_funnel_page_parent_class)->dispose (object);
}

static void
gs_funnel_page_finalize (GObject *object)
{
  g_strfreev (GS_FUNNEL_PAGE (object)->months);
  G_OBJECT_CLASS (gs_funnel_page_parent_class)->finalize (object);
}

static void
show_result (GsFunnelPage *self, GError *error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
}

static void
action_add_stage (GtkWidget *widget, const char *name, GVariant *param)
{
  GsFunnelPage *self = GS_FUNNEL_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gs_funnel_page_add_stage (self, &error);
  show_result (self, error);
}

/* The parameter is the stage's position, kept current by its row. */
static void
action_remove_stage (GtkWidget *widget, const char *name, GVariant *param)
{
  GsFunnelPage *self = GS_FUNNEL_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gs_funnel_page_remove_stage (self, g_variant_get_uint32 (param), &error);
  show_result (self, error);
}

static GtkWidget *
create_stage_row (gpointer item, gpointer data)
{
  GsFunnelPage *self = data;
  return gs_funnel_stage_row_new (self->plan, item);
}

static void
gs_funnel_page_class_init (GsFunnelPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_funnel_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_funnel_page_finalize;
  g_type_ensure (GS_TYPE_REFLOW_BOX);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/funnel/gs-funnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, stage_list);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, deal_box);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, deal_label);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, volume_header);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, source_list);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, chart_frame);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "funnel.add-stage", NULL, action_add_stage);
  gtk_widget_class_install_action (widget_class, "funnel.remove-stage", "u", action_remove_stage);
}

static void
gs_funnel_page_init (GsFunnelPage *self)
{
  GtkWidget *charts;
  gtk_widget_init_template (GTK_WIDGET (self));
  charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->funnel_chart = gs_chart_view_new (GS_CHART_FUNNEL);
  self->waterfall_chart = gs_chart_view_new (GS_CHART_WATERFALL);
  gtk_box_append (GTK_BOX (charts), self->funnel_chart);
  gtk_box_append (GTK_BOX (charts), self->waterfall_chart);
  gtk_frame_set_child (GTK_FRAME (self->chart_frame), charts);
  gtk_widget_remove_css_class (self->chart_frame, "chart-placeholder");
}

GtkWidget *
gs_funnel_page_new (void)
{
  return g_object_new (GS_TYPE_FUNNEL_PAGE, NULL);
}

void
gs_funnel_page_set_plan (GsFunnelPage *self, GsPlan *plan)
{
  GtkWidget *child, *deal;
  g_set_object (&self->plan, plan);
  /* Rows hold fields of the plan they were made for: a new plan, new rows. */
  g_clear_object (&self->stages);
  self->stages = g_list_store_new (GS_TYPE_FUNNEL_STAGE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->stage_list), G_LIST_MODEL (self->stages),
                           create_stage_row, self, NULL);
  g_clear_pointer (&self->months, g_strfreev); /* new rows for the new plan */
  while ((child = gtk_widget_get_first_child (self->deal_box)))
    gtk_box_remove (GTK_BOX (self->deal_box), child);
  deal = gs_field_new (plan, "funnel.deal_size", GS_FIELD_KIND_MONEY,
                       gs_plan_get_model (plan)->company.currency, _ ("Deal size"));
  gtk_box_append (GTK_BOX (self->deal_box), deal);
  /* Alt+D puts the cursor in the deal size. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->deal_label),
                                 gs_field_get_entry (GS_FIELD (deal)));
  gs_funnel_page_update (self);
}

static GtkWidget *
create_source_row (gpointer item, gpointer data)
{
  GsFunnelPage *self = data;
  return gs_funnel_source_row_new (self->plan, item, (const char *const *) self->months,
                                   self->columns);
}

static gpointer
source_new (guint position, gpointer m)
{
  return gs_funnel_source_new (m, position);
}

static void
source_sync (gpointer source, guint position, gpointer m)
{
  gs_funnel_source_sync (source, m, position);
}

/* The header and the size groups that line the month columns up: made
 * again (with every row) when the plan's months change. */
static void
set_months (GsFunnelPage *self, const GsModel *m)
{
  GtkWidget *child;
  GtkWidget *corner = gtk_label_new (NULL);

  g_strfreev (self->months);
  self->months = g_new0 (char *, m->company.horizon + 1);
  for (guint mo = 0; mo < m->company.horizon; mo++)
    self->months[mo] = month_short (m, mo);
  while ((child = gtk_widget_get_first_child (self->volume_header)))
    gtk_box_remove (GTK_BOX (self->volume_header), child);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->columns, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
  gtk_size_group_add_widget (g_ptr_array_index (self->columns, 0), corner);
  gtk_box_append (GTK_BOX (self->volume_header), corner);
  for (guint mo = 0; mo < m->company.horizon; mo++)
    {
      GtkWidget *label = gtk_label_new (self->months[mo]);
      GtkSizeGroup *column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_size_group_add_widget (column, label);
      gtk_box_append (GTK_BOX (self->volume_header), label);
      g_ptr_array_add (self->columns, column);
    }
  g_clear_object (&self->sources);
  self->sources = g_list_store_new (GS_TYPE_FUNNEL_SOURCE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->source_list), G_LIST_MODEL (self->sources),
                           create_source_row, self, NULL);
}

static gboolean
months_changed (GsFunnelPage *self, const GsModel *m)
{
  if (self->months == NULL || g_strv_length (self->months) != m->company.horizon)
    return TRUE;
  for (guint mo = 0; mo < m->company.horizon; mo++)
    {
      g_autofree char *month = month_short (m, mo);
      if (g_strcmp0 (month, self->months[mo]) != 0)
        return TRUE;
    }
  return FALSE;
}

/* The lead volumes each source plans to bring, month by month: the forward
 * funnel's input, and where the "more leads" lever leads. */
static void
update_volumes (GsFunnelPage *self, const GsModel *m)
{
  g_autofree const char **ids = g_new (const char *, m->n_sources + 1);

  if (months_changed (self, m))
    set_months (self, m);
  for (guint i = 0; i < m->n_sources; i++)
    ids[i] = m->sources[i].id;
  gs_list_sync (self->sources, ids, m->n_sources, (GsListKeyFunc) gs_funnel_source_get_id,
                source_new, source_sync, (gpointer) m);
}

static gpointer
stage_new (guint position, gpointer m)
{
  return gs_funnel_stage_new (m, position);
}

static void
stage_sync (gpointer stage, guint position, gpointer m)
{
  gs_funnel_stage_sync (stage, m, position);
}

void
gs_funnel_page_update (GsFunnelPage *self)
{
  const GsModel *m = gs_plan_get_model (self->plan);

  g_autofree const char **ids = g_new (const char *, m->n_stages);

  update_volumes (self, m);
  for (guint k = 0; k < m->n_stages; k++)
    ids[k] = m->stages[k].id;
  gs_list_sync (self->stages, ids, m->n_stages, (GsListKeyFunc) gs_funnel_stage_get_id, stage_new,
                stage_sync, (gpointer) m);
}

/* A new stage goes before the last (the win), passing everything through
 * (rate 100 %, no lag from the stage before it) so the plan's figures stay
 * as they were; the engine's edit keeps sources and hand-off consistent. */
gboolean
gs_funnel_page_add_stage (GsFunnelPage *self, GError **error)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  return gs_plan_insert_stage (self->plan, m->n_stages - 1, _ ("New stage"), 1.0, 0.0, error);
}

/* Removing stage k merges the steps either side (rates multiply, lags add);
 * the engine moves sources entering there and the hand-off along. */
gboolean
gs_funnel_page_remove_stage (GsFunnelPage *self, guint k, GError **error)
{
  return gs_plan_remove_stage (self->plan, k, error);
}

GListModel *
gs_funnel_page_get_stages (GsFunnelPage *self)
{
  return G_LIST_MODEL (self->stages);
}

GListModel *
gs_funnel_page_get_sources (GsFunnelPage *self)
{
  return G_LIST_MODEL (self->sources);
}

void
gs_funnel_page_set_result (GsFunnelPage *self, const GsResult *result)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  gs_chart_view_set_data (GS_CHART_VIEW (self->funnel_chart), m, result, NULL);
  gs_chart_view_set_data (GS_CHART_VIEW (self->waterfall_chart), m, result, NULL);
}
