/* gs-import-dialog.c — File ▸ Import CRM Export…: preview, mapping, commit.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every preview is a fresh import of the whole file into a fresh copy of
 * the plan's actuals with the corrections so far merged into its mapping, so
 * what the dialog shows is exactly what Import will put into the plan.
 */
#include "gs-import-dialog.h"
#include "gs-a11y.h"
#include "gs-actuals-edits.h"
#include "gs-crm-columns.h"
#include "gs-csv.h"
#include "gs-format.h"

#include <glib/gi18n.h>

#define PREVIEW_ROWS 5
#define PREVIEW_CHARS 24

struct _GsImportDialog
{
  AdwWindow parent_instance;
  GtkWidget *import_button;
  GtkWidget *save_mapping_button;
  GtkWidget *summary_label;
  GtkWidget *kind_dropdown;
  GtkWidget *preview_grid;
  GtkWidget *problems_group;
  GtkWidget *problem_list;
  GtkWidget *people_label;
  GtkWidget *columns_group;
  GtkWidget *stages_group;
  GtkWidget *sources_group;
  GPtrArray *mapping_rows; /* rows added to the three mapping groups */
  GtkStringList *problems;

  GsPlan *plan;
  char *name; /* the file's display name */
  GBytes *bytes;
  GsCsv *csv;
  GsCrmKind kind;
  JsonObject *corrections; /* {"stages": {crm: plan}, "sources": …, "columns": …} */
  GsActualsData *data;     /* the preview: the plan's actuals with the file imported */
  GsImportReport *report;
  gboolean building;
  guint rebuild_id;
};

G_DEFINE_FINAL_TYPE (GsImportDialog, gs_import_dialog, ADW_TYPE_WINDOW)

static const char *
field_label (GsCrmField field)
{
  switch (field)
    {
    case GS_CRM_ID:
      return _ ("Record id");
    case GS_CRM_NAME:
      return _ ("Name");
    case GS_CRM_OWNER:
      return _ ("Owner");
    case GS_CRM_AMOUNT:
      return _ ("Amount");
    case GS_CRM_STAGE:
      return _ ("Stage");
    case GS_CRM_CREATED:
      return _ ("Created");
    case GS_CRM_CLOSED:
      return _ ("Closed");
    case GS_CRM_SOURCE:
      return _ ("Source");
    case GS_CRM_WON:
      return _ ("Won flag");
    case GS_CRM_IS_CLOSED:
    default:
      return _ ("Closed flag");
    }
}

/* Preview ------------------------------------------------------------------ */

static char *
problem_text (const GsImportProblem *p)
{
  if (p->column)
    /* Translators: row 12, Amount “abc”: not a number */
    return g_strdup_printf (_ ("Row %u, %s “%s”: %s"), p->row, p->column, p->value ? p->value : "",
                            p->reason);
  return g_strdup_printf (_ ("Row %u: %s"), p->row, p->reason);
}

static gboolean
run_preview (GsImportDialog *self, GError **error)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  g_autoptr (GsActualsData) data
      = m->actuals ? gs_actuals_data_copy (m->actuals) : gs_actuals_data_new (m->n_stages);
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  gsize length = 0;
  const char *bytes = g_bytes_get_data (self->bytes, &length);

  if (json_object_get_size (self->corrections) > 0)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (node, self->corrections);
      if (!gs_actuals_mapping_merge (data, m, node, error))
        return FALSE;
    }
  if (!gs_crm_import (data, m, self->kind, bytes, length, report, error))
    return FALSE;
  g_clear_pointer (&self->data, gs_actuals_data_free);
  g_clear_pointer (&self->report, gs_import_report_free);
  self->data = g_steal_pointer (&data);
  self->report = g_steal_pointer (&report);
  return TRUE;
}

/* Showing it --------------------------------------------------------------- */

static void
fill_grid (GsImportDialog *self)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (self->preview_grid)))
    gtk_grid_remove (GTK_GRID (self->preview_grid), child);
  for (guint r = 0; r < MIN (self->csv->rows->len, PREVIEW_ROWS + 1); r++)
    {
      char **row = g_ptr_array_index (self->csv->rows, r);
      for (guint c = 0; row[c]; c++)
        {
          GtkWidget *label = gtk_label_new (row[c]);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CHARS);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_widget_set_tooltip_text (label, row[c]);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (GTK_GRID (self->preview_grid), label, (int) c, (int) r, 1, 1);
        }
    }
}

typedef struct
{
  GsImportDialog *self;
  char *what;
  char *crm;
  char **ids; /* the plan value of each option; "" leaves it unmapped */
} Choice;

static void
choice_free (gpointer data)
{
  Choice *c = data;
  g_free (c->what);
  g_free (c->crm);
  g_strfreev (c->ids);
  g_free (c);
}

static void
on_choice (GtkDropDown *dropdown, GParamSpec *pspec, Choice *c)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;
  if (c->self->building || i == GTK_INVALID_LIST_POSITION || c->ids[i][0] == '\0')
    return;
  if (!gs_import_dialog_map (c->self, c->what, c->crm, c->ids[i], &error))
    gtk_label_set_text (GTK_LABEL (c->self->summary_label), error->message);
}

static void
add_choice (GsImportDialog *self, GtkWidget *group, const char *title, const char *what,
            const char *crm, GPtrArray *labels, GPtrArray *ids, guint selected)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown;
  Choice *c = g_new0 (Choice, 1);

  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (ids, NULL);
  dropdown = gtk_drop_down_new_from_strings ((const char *const *) labels->pdata);
  c->self = self;
  c->what = g_strdup (what);
  c->crm = g_strdup (crm);
  c->ids = g_strdupv ((char **) ids->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gs_a11y_set_label (dropdown, title, NULL);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (on_choice), c,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->mapping_rows, g_object_ref (row));
  g_object_set_data (G_OBJECT (row), "group", group);
}

static void
fill_columns (GsImportDialog *self)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  char **header = g_ptr_array_index (self->csv->rows, 0);
  GsCrmColumns cols;

  if (!gs_crm_columns_detect (&cols, self->kind, header, m, &self->data->mapping, NULL))
    return;
  for (guint f = 0; f < GS_CRM_N_FIELDS; f++)
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();
      g_autoptr (GPtrArray) ids = g_ptr_array_new ();
      g_ptr_array_add (labels, (gpointer) _ ("Not in the file"));
      g_ptr_array_add (ids, (gpointer) "");
      for (guint c = 0; header[c]; c++)
        {
          g_ptr_array_add (labels, header[c]);
          g_ptr_array_add (ids, header[c]);
        }
      add_choice (self, self->columns_group, field_label (f), "columns", gs_crm_field_names[f],
                  labels, ids, (guint) (cols.col[f] + 1));
    }
  gs_crm_columns_clear (&cols);
}

/* The CRM stage names the file used but nothing maps: the refused rows'
 * values in the stage column. */
static GPtrArray *
unknown_stages (GsImportDialog *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const GsModel *m = gs_plan_get_model (self->plan);
  char **header = g_ptr_array_index (self->csv->rows, 0);
  GsCrmColumns cols;
  const char *stage_header;

  if (self->kind != GS_CRM_DEALS
      || !gs_crm_columns_detect (&cols, self->kind, header, m, &self->data->mapping, NULL))
    return names;
  stage_header = cols.col[GS_CRM_STAGE] >= 0 ? header[cols.col[GS_CRM_STAGE]] : NULL;
  for (guint i = 0; stage_header && i < self->report->problems->len; i++)
    {
      const GsImportProblem *p = g_ptr_array_index (self->report->problems, i);
      if (p->column && p->value && *p->value && g_strcmp0 (p->column, stage_header) == 0
          && !gs_actuals_map_lookup (self->data->mapping.stages, self->data->mapping.n_stages,
                                     p->value)
          && !g_ptr_array_find_with_equal_func (names, p->value, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (p->value));
    }
  gs_crm_columns_clear (&cols);
  return names;
}

static void
stage_choice (GsImportDialog *self, const char *crm, const char *plan, gboolean unknown)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  guint selected = 0;
  if (unknown)
    {
      g_ptr_array_add (labels, (gpointer) _ ("Unknown: the rows are refused"));
      g_ptr_array_add (ids, (gpointer) "");
    }
  for (guint k = 0; k < m->n_stages; k++)
    {
      if (g_strcmp0 (plan, m->stages[k].id) == 0)
        selected = labels->len;
      g_ptr_array_add (labels, m->stages[k].name);
      g_ptr_array_add (ids, m->stages[k].id);
    }
  if (g_strcmp0 (plan, "lost") == 0)
    selected = labels->len;
  g_ptr_array_add (labels, (gpointer) _ ("Lost"));
  g_ptr_array_add (ids, (gpointer) "lost");
  add_choice (self, self->stages_group, crm, "stages", crm, labels, ids, selected);
}

static void
source_choice (GsImportDialog *self, const char *crm, const char *plan)
{
  const GsModel *m = gs_plan_get_model (self->plan);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  guint selected = 0;
  g_ptr_array_add (labels, (gpointer) _ ("No plan source (counted in the totals only)"));
  g_ptr_array_add (ids, (gpointer) "");
  for (guint s = 0; s < m->n_sources; s++)
    {
      if (g_strcmp0 (plan, m->sources[s].id) == 0)
        selected = labels->len;
      g_ptr_array_add (labels, m->sources[s].name);
      g_ptr_array_add (ids, m->sources[s].id);
    }
  add_choice (self, self->sources_group, crm, "sources", crm, labels, ids, selected);
}

static void
clear_mapping_rows (GsImportDialog *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->mapping_rows, i);
      adw_preferences_group_remove (
          ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (row), "group")), row);
    }
  g_ptr_array_set_size (self->mapping_rows, 0);
}

static void
show_preview (GsImportDialog *self)
{
  const GsImportReport *r = self->report;
  g_autofree char *summary = gs_import_report_summary (r);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *sep = self->csv->delimiter == '\t' ? _ ("tab") : NULL;
  char sep_text[2] = { self->csv->delimiter, '\0' };

  self->building = TRUE;
  /* Translators: file, CRM style ("HubSpot"), encoding, separator, then the
   * import's summary ("70 rows: 68 imported, 2 refused"). */
  text = g_strdup_printf (_ ("%s: %s export, %s, separated by “%s” — %s"), self->name, r->style,
                          r->encoding, sep ? sep : sep_text, summary);
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  gtk_widget_set_sensitive (self->import_button, TRUE);
  gtk_widget_set_sensitive (self->save_mapping_button, TRUE);

  for (guint i = 0; i < r->problems->len; i++)
    g_ptr_array_add (lines, problem_text (g_ptr_array_index (r->problems, i)));
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char *const *) lines->pdata);
  gtk_widget_set_visible (self->problems_group, r->problems->len > 0);

  if (r->new_people->len > 0)
    {
      g_autofree char *names = gs_format_name_list (r->new_people);
      /* Translators: a role id ("ae") and a list of names. */
      g_autofree char *people = g_strdup_printf (
          _ ("New people join the roster on the %s role: %s. Change a person's role or quota on "
             "the Actuals page."),
          self->data->mapping.owner_role, names);
      gtk_label_set_text (GTK_LABEL (self->people_label), people);
    }
  gtk_widget_set_visible (self->people_label, r->new_people->len > 0);

  clear_mapping_rows (self);
  fill_columns (self);
  unknown = unknown_stages (self);
  for (guint i = 0; i < unknown->len; i++)
    stage_choice (self, g_ptr_array_index (unknown, i), NULL, TRUE);
  for (guint i = 0; i < self->data->mapping.n_stages; i++)
    stage_choice (self, self->data->mapping.stages[i].crm, self->data->mapping.stages[i].plan,
                  FALSE);
  for (guint i = 0; i < self->data->mapping.n_sources; i++)
    source_choice (self, self->data->mapping.sources[i].crm, self->data->mapping.sources[i].plan);
  for (guint i = 0; i < r->unmapped_sources->len; i++)
    source_choice (self, g_ptr_array_index (r->unmapped_sources, i), NULL);
  gtk_widget_set_visible (self->stages_group, self->kind == GS_CRM_DEALS);
  self->building = FALSE;
}

static void
show_failure (GsImportDialog *self, const GError *error)
{
  /* Translators: a file name and why it cannot be imported. */
  g_autofree char *text
      = g_strdup_printf (_ ("%s cannot be imported: %s"), self->name, error->message);
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_sensitive (self->save_mapping_button, FALSE);
}

static void
rerun (GsImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (run_preview (self, &error))
    show_preview (self);
  else
    show_failure (self, error);
}

static gboolean
rebuild_idle (gpointer data)
{
  GsImportDialog *self = data;
  self->rebuild_id = 0;
  show_preview (self);
  return G_SOURCE_REMOVE;
}

/* The dropdowns' own signal must not see them destroyed: the new preview is
 * shown once the main loop is back. */
static void
queue_rebuild (GsImportDialog *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id
        = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle, g_object_ref (self), g_object_unref);
}

/* API ---------------------------------------------------------------------- */

gboolean
gs_import_dialog_load (GsImportDialog *self, GFile *file, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GsCsv) csv = NULL;
  const GsModel *m = gs_plan_get_model (self->plan);
  g_autoptr (GsActualsData) mapping
      = m->actuals ? gs_actuals_data_copy (m->actuals) : gs_actuals_data_new (m->n_stages);
  GsCrmColumns cols;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  csv = gs_csv_read (contents, length, error);
  if (csv == NULL)
    return FALSE;
  /* Deals unless the header only fits contacts or leads. */
  self->kind = GS_CRM_DEALS;
  if (gs_crm_columns_detect (&cols, GS_CRM_DEALS, g_ptr_array_index (csv->rows, 0), m,
                             &mapping->mapping, NULL))
    gs_crm_columns_clear (&cols);
  else if (gs_crm_columns_detect (&cols, GS_CRM_LEADS, g_ptr_array_index (csv->rows, 0), m,
                                  &mapping->mapping, NULL))
    {
      gs_crm_columns_clear (&cols);
      self->kind = GS_CRM_LEADS;
    }
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->csv, gs_csv_free);
  g_free (self->name);
  self->name = g_file_get_basename (file);
  self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self->csv = g_steal_pointer (&csv);
  if (!run_preview (self, error))
    return FALSE;
  self->building = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), self->kind);
  self->building = FALSE;
  fill_grid (self);
  show_preview (self);
  return TRUE;
}

const GsImportReport *
gs_import_dialog_get_report (GsImportDialog *self)
{
  return self->report;
}

GsCrmKind
gs_import_dialog_get_kind (GsImportDialog *self)
{
  return self->kind;
}

GListModel *
gs_import_dialog_get_problems (GsImportDialog *self)
{
  return G_LIST_MODEL (self->problems);
}

gboolean
gs_import_dialog_map (GsImportDialog *self, const char *what, const char *crm, const char *plan,
                      GError **error)
{
  g_autoptr (JsonObject) before = json_object_ref (self->corrections);
  JsonObject *list;
  g_autoptr (GError) local = NULL;

  /* Tried on a copy: a refused correction leaves the preview as it was. */
  self->corrections = json_object_new ();
  for (const char *const *k = (const char *const[]){ "stages", "sources", "columns", NULL }; *k;
       k++)
    {
      JsonObject *copy = json_object_new ();
      JsonObject *old
          = json_object_has_member (before, *k) ? json_object_get_object_member (before, *k) : NULL;
      if (old)
        {
          g_autoptr (GList) members = json_object_get_members (old);
          for (GList *l = members; l; l = l->next)
            json_object_set_string_member (copy, l->data,
                                           json_object_get_string_member (old, l->data));
        }
      json_object_set_object_member (self->corrections, *k, copy);
    }
  list = json_object_get_object_member (self->corrections, what);
  if (list == NULL)
    {
      json_object_unref (self->corrections);
      self->corrections = g_steal_pointer (&before);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no mapping called %s", what);
      return FALSE;
    }
  json_object_set_string_member (list, crm, plan);
  if (!run_preview (self, &local))
    {
      json_object_unref (self->corrections);
      self->corrections = g_steal_pointer (&before);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  queue_rebuild (self);
  return TRUE;
}

gboolean
gs_import_dialog_commit (GsImportDialog *self, GError **error)
{
  g_return_val_if_fail (self->data != NULL, FALSE);
  return gs_plan_set_actuals (self->plan, self->data, error);
}

gboolean
gs_import_dialog_save_mapping (GsImportDialog *self, GError **error)
{
  g_autofree char *summary = NULL, *text = NULL;
  g_return_val_if_fail (self->data != NULL, FALSE);
  if (!gs_plan_set_actuals_mapping (self->plan, &self->data->mapping, error))
    return FALSE;
  summary = gs_import_report_summary (self->report);
  /* Translators: a file name; the rows stay where they are. */
  text
      = g_strdup_printf (_ ("The mapping for %s is saved in the plan (Undo takes it back); no rows "
                            "were imported. Import would bring in: %s"),
                         self->name, summary);
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  return TRUE;
}

/* Signals ------------------------------------------------------------------ */

static void
on_cancel (GtkButton *button, GsImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import (GtkButton *button, GsImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!gs_import_dialog_commit (self, &error))
    {
      show_failure (self, error);
      return;
    }
  g_signal_emit_by_name (self, "imported");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_mapping (GtkButton *button, GsImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!gs_import_dialog_save_mapping (self, &error))
    show_failure (self, error);
}

static void
on_kind (GtkDropDown *dropdown, GParamSpec *pspec, GsImportDialog *self)
{
  if (self->building || self->bytes == NULL)
    return;
  self->kind = gtk_drop_down_get_selected (dropdown) == 1 ? GS_CRM_LEADS : GS_CRM_DEALS;
  rerun (self);
}

static GtkWidget *
create_problem_row (gpointer item, gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return row;
}

static void
gs_import_dialog_dispose (GObject *object)
{
  GsImportDialog *self = GS_IMPORT_DIALOG (object);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->csv, gs_csv_free);
  g_clear_pointer (&self->corrections, json_object_unref);
  g_clear_pointer (&self->data, gs_actuals_data_free);
  g_clear_pointer (&self->report, gs_import_report_free);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (gs_import_dialog_parent_class)->dispose (object);
}

static void
gs_import_dialog_class_init (GsImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_import_dialog_dispose;
  g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/actuals/gs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, save_mapping_button);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, problem_list);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, people_label);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, stages_group);
  gtk_widget_class_bind_template_child (widget_class, GsImportDialog, sources_group);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_bind_template_callback (widget_class, on_save_mapping);
}

static void
gs_import_dialog_init (GsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gs_a11y_set_label (self->kind_dropdown, _ ("The file holds"), NULL);
  self->mapping_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = gtk_string_list_new (NULL);
  self->corrections = json_object_new ();
  gtk_list_box_bind_model (GTK_LIST_BOX (self->problem_list), G_LIST_MODEL (self->problems),
                           create_problem_row, NULL, NULL);
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind), self);
}

GsImportDialog *
gs_import_dialog_new (GtkWindow *parent, GsPlan *plan)
{
  GsImportDialog *self = g_object_new (GS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  return self;
}
