/* gs-staffing-inputs.c — the Targets page's capacity.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The AE and SDR hire batches and the AE ramp's months are lists: each a
 * model (GListStore) bound by GsGridRows to a grid of its own, which sits in
 * the group's grid at a fixed row.  A batch added or removed splices exactly
 * its item (found by comparing the batches' months and counts, head and
 * tail), a month added to or taken from the ramp the last one; every other
 * row keeps its widgets, and a kept batch that moved up is re-pathed and
 * retitled in place.  A typed value changes no item.  The label column of
 * every grid is one size group, so the lists line up with the other rows.
 */
#include "gs-staffing-inputs.h"
#include "gs-a11y.h"
#include "gs-grid-rows.h"
#include "gs-input-group.h"
#include "gs-staffing-edits.h"

#include <glib/gi18n.h>
#include <string.h>

#define INDEX_KEY "gs-batch-index"
#define ROLE_KEY "gs-batch-role"

static void
on_add (GtkButton *button, GsPlan *plan)
{
  GsStaffRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), ROLE_KEY));
  const GsModel *m = gs_plan_get_model (plan);
  const GsHire *hires = role == GS_STAFF_AE ? m->ae.hires : m->sdr.hires;
  guint n = role == GS_STAFF_AE ? m->ae.n_hires : m->sdr.n_hires;
  /* A new batch a month after the last one (the plan's first month without
   * one), one person; both are fields to change next. */
  guint month = n ? MIN (hires[n - 1].month + 1, m->company.horizon - 1) : 0;
  g_autoptr (GError) error = NULL;
  if (!gs_plan_add_hires (plan, role, month, 1, &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

static void
on_remove (GtkButton *button, GsPlan *plan)
{
  GsStaffRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), ROLE_KEY));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), INDEX_KEY));
  g_autoptr (GError) error = NULL;
  if (!gs_plan_remove_hires (plan, role, index, &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

/* One month longer or shorter per click (data: +1 or -1). */
static void
on_ramp_step (GtkButton *button, GsPlan *plan)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gs-ramp-step"));
  int n = (int) gs_plan_get_model (plan)->ae.n_ramp + step;
  g_autoptr (GError) error = NULL;
  if (!gs_plan_set_ramp_months (plan, (guint) MAX (n, 0), &error))
    gs_input_group_show_error (GTK_WIDGET (button), error);
}

typedef struct _Staffing Staffing;

/* One list of the group: its model, its grid and the rows bound to it. */
typedef struct
{
  Staffing *st;
  GsStaffRole role; /* for a batch list */
  gboolean ramp;    /* the AE ramp's months, else hire batches */
  GListStore *items;
  GtkWidget *grid;
  GsGridRows *rows;
  GStrv keys; /* what the items stand for: "month:count", or the ramp month */
} StaffList;

/* One hire batch's rows (count, month, remove), in a grid of its own. */
typedef struct
{
  StaffList *list;
  GtkWidget *grid;
  GtkWidget *count_label, *month_label;
  GsField *count, *month;
  GtkWidget *remove;
} Batch;

struct _Staffing
{
  GsPlan *plan; /* unowned: the page keeps it */
  GtkWidget *grid;
  GtkSizeGroup *labels;
  StaffList ae, sdr, ramp;
  GtkWidget *ramp_length, *shorter;
  GtkWidget *sdr_extra; /* Add SDR Hires and the SDR ramp, when SDRs are in the file */
  gboolean sdr_set;
};

#define STAFFING_KEY "gs-staffing"

/* Every label-column widget of grid lines up with the others. */
static void
line_up (Staffing *st, GtkWidget *grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, width;
      gtk_grid_query_child (GTK_GRID (grid), child, &column, NULL, &width, NULL);
      if (column == 0 && width == 1 && !GTK_IS_GRID (child))
        gtk_size_group_add_widget (st->labels, child);
    }
}

static GtkWidget *
sub_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  return grid;
}

/* A batch's titles, paths and index: set when made and whenever a batch
 * before it went. */
static void
label_batch (Batch *b, guint i)
{
  GsStaffRole role = b->list->role;
  const char *base = role == GS_STAFF_AE ? "capacity.ae.hires" : "capacity.sdr.hires";
  g_autofree char *count = g_strdup_printf ("%s[%u].count", base, i);
  g_autofree char *month = g_strdup_printf ("%s[%u].month", base, i);
  g_autofree char *t1 = role == GS_STAFF_AE ? g_strdup_printf (_ ("AE hires, batch %u"), i + 1)
                                            : g_strdup_printf (_ ("SDR hires, batch %u"), i + 1);
  g_autofree char *t2 = role == GS_STAFF_AE
                            ? g_strdup_printf (_ ("AE hire month, batch %u"), i + 1)
                            : g_strdup_printf (_ ("SDR hire month, batch %u"), i + 1);
  g_autofree char *remove = role == GS_STAFF_AE
                                ? g_strdup_printf (_ ("Remove AE hire batch %u"), i + 1)
                                : g_strdup_printf (_ ("Remove SDR hire batch %u"), i + 1);
  if (g_strcmp0 (gs_field_get_path (b->count), count) != 0)
    gs_field_set_path (b->count, count);
  if (g_strcmp0 (gs_field_get_path (b->month), month) != 0)
    gs_field_set_path (b->month, month);
  gtk_label_set_text (GTK_LABEL (b->count_label), t1);
  gtk_label_set_text (GTK_LABEL (b->month_label), t2);
  gs_field_set_label (b->count, t1);
  gs_field_set_label (b->month, t2);
  gs_input_group_set_key (GTK_WIDGET (b->count), t1);
  gs_input_group_set_key (GTK_WIDGET (b->month), t2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  gs_widget_set_tooltip (b->remove, remove);
  gs_input_group_set_key (b->remove, remove);
  g_object_set_data (G_OBJECT (b->remove), INDEX_KEY, GUINT_TO_POINTER (i));
}

static gpointer
make_batch (int row, gpointer item, gpointer data)
{
  StaffList *list = data;
  Staffing *st = list->st;
  const char *base = list->role == GS_STAFF_AE ? "capacity.ae.hires" : "capacity.sdr.hires";
  g_autofree char *count = g_strdup_printf ("%s[%d].count", base, row);
  g_autofree char *month = g_strdup_printf ("%s[%d].month", base, row);
  Batch *b = g_new0 (Batch, 1);
  (void) item;
  b->list = list;
  b->grid = sub_grid ();
  /* The titles are set by label_batch right after. */
  b->count = GS_FIELD (
      gs_input_group_add_field (st->plan, b->grid, 0, "", count, GS_FIELD_KIND_INT, NULL));
  b->month = GS_FIELD (
      gs_input_group_add_field (st->plan, b->grid, 1, "", month, GS_FIELD_KIND_TEXT, NULL));
  b->count_label = gtk_grid_get_child_at (GTK_GRID (b->grid), 0, 0);
  b->month_label = gtk_grid_get_child_at (GTK_GRID (b->grid), 0, 1);
  b->remove = gs_input_group_add_button (b->grid, 2, 1, _ ("Remove"), "", G_CALLBACK (on_remove),
                                         st->plan);
  g_object_set_data (G_OBJECT (b->remove), ROLE_KEY, GUINT_TO_POINTER (list->role));
  g_object_set_data_full (G_OBJECT (b->grid), "gs-batch", b, g_free);
  label_batch (b, (guint) row);
  line_up (st, b->grid);
  gtk_grid_attach (GTK_GRID (list->grid), b->grid, 0, row, 2, 1);
  return b;
}

/* The AE ramp's month row (a month added at the end of the ramp). */
static gpointer
make_ramp_month (int row, gpointer item, gpointer data)
{
  StaffList *list = data;
  guint i = (guint) row;
  g_autofree char *path = g_strdup_printf ("capacity.ae.ramp[%u]", i);
  g_autofree char *title = g_strdup_printf (_ ("AE productivity in ramp month %u"), i + 1);
  g_autofree char *short_title = g_strdup_printf (_ ("Ramp month %u"), i + 1);
  GtkWidget *field = gs_input_group_add_field (list->st->plan, list->grid, row, short_title, path,
                                               GS_FIELD_KIND_PERCENT, "%");
  (void) item;
  gs_field_set_label (GS_FIELD (field), title);
  gs_input_group_set_key (field, title);
  line_up (list->st, list->grid);
  return field;
}

/* Brings list's items in line with keys: when their number changed, the
 * run between the keys kept at the head and at the tail is spliced (a
 * batch added or removed is exactly its item); a changed value alone (the
 * same number of keys) changes no item. */
static void
sync_list (StaffList *list, GStrv keys)
{
  guint old_n = g_strv_length (list->keys), n = g_strv_length (keys);
  if (old_n != n)
    {
      guint head = 0, tail = 0, common = MIN (old_n, n);
      g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
      while (head < common && strcmp (list->keys[head], keys[head]) == 0)
        head++;
      while (tail < common - head && strcmp (list->keys[old_n - 1 - tail], keys[n - 1 - tail]) == 0)
        tail++;
      for (guint i = head; i < n - tail; i++)
        g_ptr_array_add (added, gtk_string_object_new (keys[i]));
      g_list_store_splice (list->items, head, old_n - head - tail, added->pdata, added->len);
    }
  g_strfreev (list->keys);
  list->keys = keys;
  gtk_widget_set_visible (list->grid, n > 0);
}

static void
sync_batches (StaffList *list)
{
  const GsModel *m = gs_plan_get_model (list->st->plan);
  const GsHire *hires = list->role == GS_STAFF_AE ? m->ae.hires : m->sdr.hires;
  guint n = list->role == GS_STAFF_AE ? m->ae.n_hires : m->sdr.n_hires;
  GStrv keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup_printf ("%u:%u", hires[i].month, hires[i].count);
  sync_list (list, keys);
  for (guint i = 0; i < n; i++)
    label_batch (gs_grid_rows_get (list->rows, i), i);
}

static void
sync_ramp (Staffing *st)
{
  const GsModel *m = gs_plan_get_model (st->plan);
  /* The default ramp is not in the file: its months become fields once set. */
  guint n = gs_plan_lookup (st->plan, "capacity.ae.ramp") ? m->ae.n_ramp : 0;
  g_autofree char *length
      = g_strdup_printf (ngettext ("%u month", "%u months", m->ae.n_ramp), m->ae.n_ramp);
  GStrv keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup_printf ("%u", i);
  sync_list (&st->ramp, keys);
  gtk_label_set_text (GTK_LABEL (st->ramp_length), length);
  gtk_widget_set_sensitive (st->shorter, m->ae.n_ramp > 0);
}

static void
staff_list_init (Staffing *st, StaffList *list, GsStaffRole role, gboolean ramp, int row)
{
  list->st = st;
  list->role = role;
  list->ramp = ramp;
  list->items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  list->keys = g_new0 (char *, 1);
  list->grid = sub_grid ();
  gtk_widget_set_visible (list->grid, FALSE);
  gtk_grid_attach (GTK_GRID (st->grid), list->grid, 0, row, 2, 1);
  list->rows = gs_grid_rows_new (G_LIST_MODEL (list->items), &list->grid, 1, 0,
                                 ramp ? make_ramp_month : make_batch, NULL, list);
}

static void
staff_list_clear (StaffList *list)
{
  g_clear_pointer (&list->rows, gs_grid_rows_free);
  g_clear_object (&list->items);
  g_clear_pointer (&list->keys, g_strfreev);
}

static void
staffing_free (Staffing *st)
{
  staff_list_clear (&st->ae);
  staff_list_clear (&st->sdr);
  staff_list_clear (&st->ramp);
  g_clear_object (&st->labels);
  g_free (st);
}

static GtkWidget *
add_button (GtkWidget *grid, int row, GsStaffRole role, GsPlan *plan)
{
  GtkWidget *button = gs_input_group_add_button (
      grid, row, 0, role == GS_STAFF_AE ? _ ("Add AE Hires") : _ ("Add SDR Hires"),
      role == GS_STAFF_AE ? _ ("Add a batch of AE hires") : _ ("Add a batch of SDR hires"),
      G_CALLBACK (on_add), plan);
  g_object_set_data (G_OBJECT (button), ROLE_KEY, GUINT_TO_POINTER (role));
  return button;
}

/* Add SDR Hires and the SDR ramp are there while SDRs are in the file. */
static void
sync_sdr_extra (Staffing *st)
{
  gboolean set = gs_plan_lookup (st->plan, "capacity.sdr") != NULL;
  GtkWidget *child;
  if (set == st->sdr_set)
    return;
  st->sdr_set = set;
  while ((child = gtk_widget_get_first_child (st->sdr_extra)))
    gtk_grid_remove (GTK_GRID (st->sdr_extra), child);
  gtk_widget_set_visible (st->sdr_extra, set);
  if (!set)
    return;
  add_button (st->sdr_extra, 0, GS_STAFF_SDR, st->plan);
  gs_input_group_add_field (st->plan, st->sdr_extra, 1, _ ("SDR ramp"), "capacity.sdr.ramp_months",
                            GS_FIELD_KIND_INT, _ ("months"));
  line_up (st, st->sdr_extra);
}

GtkWidget *
gs_staffing_inputs_new (GsPlan *plan)
{
  Staffing *st = g_new0 (Staffing, 1);
  GtkWidget *group = gs_input_group_new (_ ("Capacity"), &st->grid);
  GtkWidget *grid = st->grid;
  GtkWidget *label, *longer;
  int row = 0;

  st->plan = plan;
  st->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_object_set_data_full (G_OBJECT (group), STAFFING_KEY, st, (GDestroyNotify) staffing_free);

  gs_input_group_add_field (plan, grid, row++, _ ("AEs at start"), "capacity.ae.start_headcount",
                            GS_FIELD_KIND_INT, NULL);
  staff_list_init (st, &st->ae, GS_STAFF_AE, FALSE, row++);
  add_button (grid, row++, GS_STAFF_AE, plan);
  /* The ramp's length with a shorter and a longer button, then each month's
   * productivity. */
  label = gtk_label_new (_ ("AE ramp"));
  st->ramp_length = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (st->ramp_length), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), st->ramp_length, 1, row++, 1, 1);
  st->shorter = gs_input_group_add_button (grid, row, 0, _ ("Shorter"),
                                           _ ("Shorten the AE ramp by a month"),
                                           G_CALLBACK (on_ramp_step), plan);
  g_object_set_data (G_OBJECT (st->shorter), "gs-ramp-step", GINT_TO_POINTER (-1));
  longer = gs_input_group_add_button (grid, row++, 1, _ ("Longer"),
                                      _ ("Lengthen the AE ramp by a month"),
                                      G_CALLBACK (on_ramp_step), plan);
  g_object_set_data (G_OBJECT (longer), "gs-ramp-step", GINT_TO_POINTER (1));
  staff_list_init (st, &st->ramp, GS_STAFF_AE, TRUE, row++);
  gs_input_group_add_field (plan, grid, row++, _ ("Quota per AE"), "capacity.ae.quota",
                            GS_FIELD_KIND_MONEY, NULL);
  gs_input_group_add_field (plan, grid, row++, _ ("Attainment"), "capacity.ae.attainment",
                            GS_FIELD_KIND_PERCENT, "%");
  gs_input_group_add_field (plan, grid, row++, _ ("Attrition"), "capacity.ae.monthly_attrition",
                            GS_FIELD_KIND_PERCENT, _ ("% / month"));
  {
    /* Wins the AEs cannot work wait a month; this share goes cold each month
     * (docs/derivations.md, "Plan and gap").  Not in the file: 0. */
    GtkWidget *field = gs_input_group_add_field (plan, grid, row++, _ ("Backlog decay"),
                                                 "capacity.ae.backlog_decay", GS_FIELD_KIND_PERCENT,
                                                 _ ("% / month"));
    gtk_entry_set_placeholder_text (GTK_ENTRY (gs_field_get_entry (GS_FIELD (field))), "0");
    gs_field_set_label (GS_FIELD (field),
                        _ ("Backlog decay: share of the wins waiting for an AE lost each month"));
  }
  gs_input_group_add_field (plan, grid, row++, _ ("SDRs at start"), "capacity.sdr.start_headcount",
                            GS_FIELD_KIND_INT, NULL);
  staff_list_init (st, &st->sdr, GS_STAFF_SDR, FALSE, row++);
  st->sdr_extra = sub_grid ();
  gtk_widget_set_visible (st->sdr_extra, FALSE);
  gtk_grid_attach (GTK_GRID (grid), st->sdr_extra, 0, row++, 2, 1);
  gs_input_group_add_field (plan, grid, row++, _ ("Meetings per SDR"),
                            "capacity.sdr.sqls_per_month", GS_FIELD_KIND_NUMBER, _ ("/ month"));
  line_up (st, grid);
  gs_staffing_inputs_update (group);
  return group;
}

/* No row is made again for a typed value (each field follows the plan
 * itself); the lists splice the batches and ramp months that came or went. */
void
gs_staffing_inputs_update (GtkWidget *group)
{
  Staffing *st = g_object_get_data (G_OBJECT (group), STAFFING_KEY);
  sync_batches (&st->ae);
  sync_batches (&st->sdr);
  sync_ramp (st);
  sync_sdr_extra (st);
}

GListModel *
gs_staffing_inputs_get_batches (GtkWidget *group, GsStaffRole role)
{
  Staffing *st = g_object_get_data (G_OBJECT (group), STAFFING_KEY);
  return G_LIST_MODEL (role == GS_STAFF_AE ? st->ae.items : st->sdr.items);
}

GListModel *
gs_staffing_inputs_get_ramp (GtkWidget *group)
{
  Staffing *st = g_object_get_data (G_OBJECT (group), STAFFING_KEY);
  return G_LIST_MODEL (st->ramp.items);
}
