/* gs-funnel-page.c — the funnel's stages, rates and lags, edited in a list.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-funnel-page.h"
#include "gs-chart-view.h"
#include "gs-field.h"
#include "gs-json.h"

#include <glib/gi18n.h>

struct _GsFunnelPage
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkWidget *stage_list;
  GtkWidget *error_label;
  GtkWidget *add_button;
  GtkWidget *deal_box;
  GtkWidget *deal_label;
  GtkWidget *volume_grid;
  char *volume_signature;
  GtkWidget *chart_frame;
  GtkWidget *funnel_chart;
  GtkWidget *waterfall_chart;
  GsPlan *plan;
  char *signature;
};

G_DEFINE_FINAL_TYPE (GsFunnelPage, gs_funnel_page, GTK_TYPE_WIDGET)

static void
gs_funnel_page_dispose (GObject *object)
{
  GsFunnelPage *self = GS_FUNNEL_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_FUNNEL_PAGE);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (gs_funnel_page_parent_class)->dispose (object);
}

static void
gs_funnel_page_finalize (GObject *object)
{
  g_free (GS_FUNNEL_PAGE (object)->signature);
  g_free (GS_FUNNEL_PAGE (object)->volume_signature);
  G_OBJECT_CLASS (gs_funnel_page_parent_class)->finalize (object);
}

static void
show_result (GsFunnelPage *self, GError *error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
}

static void
on_add (GtkButton *button, GsFunnelPage *self)
{
  g_autoptr (GError) error = NULL;
  gs_funnel_page_add_stage (self, &error);
  show_result (self, error);
}

static void
on_remove (GtkButton *button, GsFunnelPage *self)
{
  guint stage = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "stage"));
  g_autoptr (GError) error = NULL;
  gs_funnel_page_remove_stage (self, stage, &error);
  show_result (self, error);
}

static void
gs_funnel_page_class_init (GsFunnelPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_funnel_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = gs_funnel_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goalsheet/Goalsheet/ui/funnel/gs-funnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, stage_list);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, deal_box);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, deal_label);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, volume_grid);
  gtk_widget_class_bind_template_child (widget_class, GsFunnelPage, chart_frame);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add), self);
}

GtkWidget *
gs_funnel_page_new (void)
{
  return g_object_new (GS_TYPE_FUNNEL_PAGE, NULL);
}

static GtkWidget *
stage_row (GsFunnelPage *self, const GsModel *m, guint k)
{
  guint n_steps = gs_model_n_steps (m);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *name_path = g_strdup_printf ("funnel.stages[%u].name", k);
  g_autofree char *name_title = g_strdup_printf (_ ("Name of stage %u"), k + 1);
  GtkWidget *name = gs_field_new (self->plan, name_path, GS_FIELD_KIND_TEXT, NULL, name_title);
  GtkWidget *owner = gtk_label_new (k <= m->handoff ? _ ("marketing") : _ ("sales"));

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gs_field_set_width (GS_FIELD (name), 14);
  gtk_widget_set_hexpand (name, FALSE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (owner, "dim-label");
  gtk_widget_add_css_class (owner, "caption");
  gtk_widget_set_size_request (owner, 70, -1);
  gtk_box_append (GTK_BOX (box), owner);
  if (k < n_steps)
    {
      g_autofree char *rate_path = g_strdup_printf ("funnel.steps[%u].rate", k);
      g_autofree char *lag_path = g_strdup_printf ("funnel.steps[%u].lag_days", k);
      g_autofree char *rate_title
          = g_strdup_printf (_ ("%s → %s conversion"), m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *lag_title
          = g_strdup_printf (_ ("%s → %s lag"), m->stages[k].name, m->stages[k + 1].name);
      g_autofree char *arrow = g_strdup_printf ("→ %s", m->stages[k + 1].name);
      GtkWidget *to = gtk_label_new (arrow);
      gtk_label_set_xalign (GTK_LABEL (to), 0);
      gtk_widget_set_size_request (to, 120, -1);
      gtk_box_append (GTK_BOX (box), to);
      gtk_box_append (GTK_BOX (box),
                      gs_field_new (self->plan, rate_path, GS_FIELD_KIND_PERCENT, "%", rate_title));
      gtk_box_append (GTK_BOX (box), gs_field_new (self->plan, lag_path, GS_FIELD_KIND_NUMBER,
                                                   _ ("days"), lag_title));
    }
  else
    {
      GtkWidget *last = gtk_label_new (_ ("the booking"));
      gtk_widget_add_css_class (last, "dim-label");
      gtk_widget_set_hexpand (last, TRUE);
      gtk_label_set_xalign (GTK_LABEL (last), 0);
      gtk_box_append (GTK_BOX (box), last);
    }
  if (k > 0 && k + 1 < m->n_stages)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf (_ ("Remove stage %s"), m->stages[k].name);
      gtk_widget_set_tooltip_text (remove, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_hexpand (remove, TRUE);
      g_object_set_data (G_OBJECT (remove), "stage", GUINT_TO_POINTER (k));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove), self);
      gtk_box_append (GTK_BOX (box), remove);
    }
  return box;
}

void
gs_funnel_page_set_plan (GsFunnelPage *self, GsPlan *plan)
{
  GtkWidget *child, *deal;
  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->volume_signature, g_free);
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

/* The lead volumes each source plans to bring, month by month: the forward
 * funnel's input, and where the "more leads" lever leads. */
static void
update_volumes (GsFunnelPage *self, const GsModel *m)
{
  GString *sig = g_string_new (NULL);
  g_autofree char *signature = NULL;
  GtkWidget *child;
  int row = 1;

  g_string_append_printf (sig, "%u/%u/%u\n", m->company.horizon, m->company.start_year,
                          m->company.start_month);
  for (guint i = 0; i < m->n_sources; i++)
    g_string_append_printf (sig, "%s|%d|%u\n", m->sources[i].name, m->sources[i].planned != NULL,
                            m->sources[i].entry_stage);
  signature = g_string_free (sig, FALSE);
  if (g_strcmp0 (signature, self->volume_signature) == 0)
    return;
  g_free (self->volume_signature);
  self->volume_signature = g_steal_pointer (&signature);
  while ((child = gtk_widget_get_first_child (self->volume_grid)))
    gtk_grid_remove (GTK_GRID (self->volume_grid), child);
  for (guint mo = 0; mo < m->company.horizon; mo++)
    {
      g_autofree char *month = gs_model_month_short (m, (int) mo);
      GtkWidget *label = gtk_label_new (month);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->volume_grid), label, 1 + (int) mo, 0, 1, 1);
    }
  for (guint i = 0; i < m->n_sources; i++)
    {
      const GsSource *src = &m->sources[i];
      g_autofree char *name
          = g_strdup_printf ("%s (%s)", src->name, m->stages[src->entry_stage].name);
      GtkWidget *label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (self->volume_grid), label, 0, row, 1, 1);
      if (src->planned == NULL)
        {
          GtkWidget *none = gtk_label_new (_ ("no volume planned"));
          gtk_widget_add_css_class (none, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (none), 0);
          gtk_grid_attach (GTK_GRID (self->volume_grid), none, 1, row++, (int) m->company.horizon,
                           1);
          continue;
        }
      for (guint mo = 0; mo < m->company.horizon; mo++)
        {
          g_autofree char *path = g_strdup_printf ("sources[%u].planned_volume[%u]", i, mo);
          g_autofree char *month = gs_model_month_short (m, (int) mo);
          g_autofree char *title
              = g_strdup_printf (_ ("%s: volume planned in %s"), src->name, month);
          GtkWidget *field = gs_field_new (self->plan, path, GS_FIELD_KIND_NUMBER, NULL, title);
          gs_field_set_width (GS_FIELD (field), 5);
          gtk_grid_attach (GTK_GRID (self->volume_grid), field, 1 + (int) mo, row, 1, 1);
        }
      row++;
    }
}

void
gs_funnel_page_update (GsFunnelPage *self)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  GString *sig = g_string_new (NULL);
  g_autofree char *signature = NULL;

  update_volumes (self, m);

  g_string_append_printf (sig, "%u/%u/", m->handoff, (guint) g_str_hash (m->company.currency));
  for (guint k = 0; k < m->n_stages; k++)
    g_string_append_printf (sig, "%s|%s\n", m->stages[k].id, m->stages[k].name);
  signature = g_string_free (sig, FALSE);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (self->stage_list)))
      gtk_list_box_remove (GTK_LIST_BOX (self->stage_list), child);
  }
  for (guint k = 0; k < m->n_stages; k++)
    {
      GtkWidget *row = stage_row (self, m, k);
      gtk_list_box_append (GTK_LIST_BOX (self->stage_list), row);
      /* The fields take focus, not the row around them. */
      gtk_widget_set_focusable (gtk_widget_get_parent (row), FALSE);
    }
}

/* Structural edits replace the whole funnel object in one undoable edit. */
static JsonNode *
funnel_copy (GsFunnelPage *self, JsonArray **stages, JsonArray **steps)
{
  JsonNode *funnel = gs_json_deep_copy (gs_plan_lookup (self->plan, "funnel"));
  JsonObject *obj = json_node_get_object (funnel);
  *stages = json_object_get_array_member (obj, "stages");
  *steps = json_object_get_array_member (obj, "steps");
  return funnel;
}

static JsonArray *
array_without (JsonArray *array, guint skip, JsonNode *insert, guint at)
{
  JsonArray *out = json_array_new ();
  for (guint i = 0; i <= json_array_get_length (array); i++)
    {
      if (insert && i == at)
        json_array_add_element (out, insert);
      if (i < json_array_get_length (array) && i != skip)
        json_array_add_element (out, json_node_copy (json_array_get_element (array, i)));
    }
  return out;
}

/* A new stage goes before the last (the win), passing everything through
 * (rate 100 %, no lag) so the plan's figures stay as they were. */
gboolean
gs_funnel_page_add_stage (GsFunnelPage *self, GError **error)
{
  JsonArray *stages, *steps;
  JsonNode *funnel = funnel_copy (self, &stages, &steps);
  JsonObject *obj = json_node_get_object (funnel);
  guint n = json_array_get_length (stages);
  JsonObject *stage = json_object_new ();
  JsonObject *step = json_object_new ();
  g_autofree char *id = NULL;
  guint serial = n + 1;
  const GsModel *m = gs_plan_get_model (self->plan);

  do
    {
      g_free (id);
      id = g_strdup_printf ("stage%u", serial++);
    }
  while (gs_model_stage_index (m, id) != G_MAXUINT);
  json_object_set_string_member (stage, "id", id);
  json_object_set_string_member (stage, "name", _ ("New stage"));
  json_object_set_double_member (step, "rate", 1.0);
  json_object_set_double_member (step, "lag_days", 0.0);
  json_object_set_array_member (
      obj, "stages",
      array_without (stages, G_MAXUINT, json_node_init_object (json_node_alloc (), stage), n - 1));
  json_object_set_array_member (
      obj, "steps",
      array_without (steps, G_MAXUINT, json_node_init_object (json_node_alloc (), step), n - 1));
  json_object_unref (stage);
  json_object_unref (step);
  return gs_plan_set (self->plan, "funnel", funnel, error);
}

/* Removing stage k merges the steps either side: the rates multiply and the
 * lags add, so the stages before and after still connect.  The engine
 * refuses it when a source or the hand-off still names the stage. */
gboolean
gs_funnel_page_remove_stage (GsFunnelPage *self, guint k, GError **error)
{
  JsonArray *stages, *steps;
  JsonNode *funnel = funnel_copy (self, &stages, &steps);
  JsonObject *obj = json_node_get_object (funnel);
  JsonObject *before, *after, *merged;
  guint n = json_array_get_length (stages);

  if (k == 0 || k + 1 >= n)
    {
      json_node_unref (funnel);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("funnel.stages[%u]: the first and the last stage cannot be removed"), k);
      return FALSE;
    }
  before = json_array_get_object_element (steps, k - 1);
  after = json_array_get_object_element (steps, k);
  merged = json_object_new ();
  json_object_set_double_member (merged, "rate",
                                 json_object_get_double_member (before, "rate")
                                     * json_object_get_double_member (after, "rate"));
  json_object_set_double_member (merged, "lag_days",
                                 json_object_get_double_member (before, "lag_days")
                                     + json_object_get_double_member (after, "lag_days"));
  {
    JsonArray *without_step = array_without (steps, k, NULL, 0);
    json_array_remove_element (without_step, k - 1);
    /* Put the merged step where the two were. */
    JsonArray *rebuilt = array_without (without_step, G_MAXUINT,
                                        json_node_init_object (json_node_alloc (), merged), k - 1);
    json_array_unref (without_step);
    json_object_set_array_member (obj, "steps", rebuilt);
  }
  json_object_unref (merged);
  json_object_set_array_member (obj, "stages", array_without (stages, k, NULL, 0));
  return gs_plan_set (self->plan, "funnel", funnel, error);
}

void
gs_funnel_page_set_result (GsFunnelPage *self, const GsResult *result)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  gs_chart_view_set_data (GS_CHART_VIEW (self->funnel_chart), m, result, NULL);
  gs_chart_view_set_data (GS_CHART_VIEW (self->waterfall_chart), m, result, NULL);
}
