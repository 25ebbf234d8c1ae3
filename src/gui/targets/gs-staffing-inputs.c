/* gs-staffing-inputs.c — the Targets page's capacity.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-staffing-inputs.h"
#include "gs-input-group.h"
#include "gs-staffing-edits.h"

#include <glib/gi18n.h>

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

/* What the rows depend on: how many hire batches, the ramp's length and
 * whether it is in the file, whether SDRs are. */
typedef struct
{
  GsPlan *plan; /* unowned: the page keeps it */
  GtkWidget *grid;
  guint n_ae_hires, n_sdr_hires, n_ramp;
  gboolean ramp_set, sdr_set;
} Staffing;

#define STAFFING_KEY "gs-staffing"

static gboolean
same_rows (Staffing *st)
{
  const GsModel *m = gs_plan_get_model (st->plan);
  return st->n_ae_hires == m->ae.n_hires && st->n_sdr_hires == m->sdr.n_hires
         && st->n_ramp == m->ae.n_ramp
         && st->ramp_set == (gs_plan_lookup (st->plan, "capacity.ae.ramp") != NULL)
         && st->sdr_set == (gs_plan_lookup (st->plan, "capacity.sdr") != NULL);
}

static void
add_batches (GsPlan *plan, GtkWidget *grid, int *row, GsStaffRole role)
{
  const GsModel *m = gs_plan_get_model (plan);
  guint n = role == GS_STAFF_AE ? m->ae.n_hires : m->sdr.n_hires;
  const char *base = role == GS_STAFF_AE ? "capacity.ae.hires" : "capacity.sdr.hires";
  GtkWidget *button;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *count = g_strdup_printf ("%s[%u].count", base, i);
      g_autofree char *month = g_strdup_printf ("%s[%u].month", base, i);
      g_autofree char *t1 = role == GS_STAFF_AE
                                ? g_strdup_printf (_ ("AE hires, batch %u"), i + 1)
                                : g_strdup_printf (_ ("SDR hires, batch %u"), i + 1);
      g_autofree char *t2 = role == GS_STAFF_AE
                                ? g_strdup_printf (_ ("AE hire month, batch %u"), i + 1)
                                : g_strdup_printf (_ ("SDR hire month, batch %u"), i + 1);
      g_autofree char *remove = role == GS_STAFF_AE
                                    ? g_strdup_printf (_ ("Remove AE hire batch %u"), i + 1)
                                    : g_strdup_printf (_ ("Remove SDR hire batch %u"), i + 1);
      gs_input_group_add_field (plan, grid, (*row)++, t1, count, GS_FIELD_KIND_INT, NULL);
      gs_input_group_add_field (plan, grid, (*row)++, t2, month, GS_FIELD_KIND_TEXT, NULL);
      button = gs_input_group_add_button (grid, (*row)++, 1, _ ("Remove"), remove,
                                          G_CALLBACK (on_remove), plan);
      g_object_set_data (G_OBJECT (button), ROLE_KEY, GUINT_TO_POINTER (role));
      g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (i));
    }
  button = gs_input_group_add_button (
      grid, (*row)++, 0, role == GS_STAFF_AE ? _ ("Add AE Hires") : _ ("Add SDR Hires"),
      role == GS_STAFF_AE ? _ ("Add a batch of AE hires") : _ ("Add a batch of SDR hires"),
      G_CALLBACK (on_add), plan);
  g_object_set_data (G_OBJECT (button), ROLE_KEY, GUINT_TO_POINTER (role));
}

/* The ramp's length with a shorter and a longer button, then each month's
 * productivity. */
static void
add_ramp (GsPlan *plan, GtkWidget *grid, int *row)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autofree char *length
      = g_strdup_printf (ngettext ("%u month", "%u months", m->ae.n_ramp), m->ae.n_ramp);
  GtkWidget *label = gtk_label_new (_ ("AE ramp"));
  GtkWidget *value = gtk_label_new (length);
  GtkWidget *shorter, *longer;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value, 1, (*row)++, 1, 1);
  shorter = gs_input_group_add_button (grid, *row, 0, _ ("Shorter"),
                                       _ ("Shorten the AE ramp by a month"),
                                       G_CALLBACK (on_ramp_step), plan);
  g_object_set_data (G_OBJECT (shorter), "gs-ramp-step", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (shorter, m->ae.n_ramp > 0);
  longer = gs_input_group_add_button (grid, *row, 1, _ ("Longer"),
                                      _ ("Lengthen the AE ramp by a month"),
                                      G_CALLBACK (on_ramp_step), plan);
  g_object_set_data (G_OBJECT (longer), "gs-ramp-step", GINT_TO_POINTER (1));
  (*row)++;
  /* The default ramp is not in the file: its months become fields once set. */
  if (gs_plan_lookup (plan, "capacity.ae.ramp") == NULL)
    return;
  for (guint i = 0; i < m->ae.n_ramp; i++)
    {
      g_autofree char *path = g_strdup_printf ("capacity.ae.ramp[%u]", i);
      g_autofree char *title = g_strdup_printf (_ ("AE productivity in ramp month %u"), i + 1);
      g_autofree char *short_title = g_strdup_printf (_ ("Ramp month %u"), i + 1);
      GtkWidget *field = gs_input_group_add_field (plan, grid, (*row)++, short_title, path,
                                                   GS_FIELD_KIND_PERCENT, "%");
      gs_field_set_label (GS_FIELD (field), title);
      gs_input_group_set_key (field, title);
    }
}

static void
fill (Staffing *st)
{
  GsPlan *plan = st->plan;
  const GsModel *m = gs_plan_get_model (plan);
  GtkWidget *grid = st->grid;
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
  st->n_ae_hires = m->ae.n_hires;
  st->n_sdr_hires = m->sdr.n_hires;
  st->n_ramp = m->ae.n_ramp;
  st->ramp_set = gs_plan_lookup (plan, "capacity.ae.ramp") != NULL;
  st->sdr_set = gs_plan_lookup (plan, "capacity.sdr") != NULL;

  gs_input_group_add_field (plan, grid, row++, _ ("AEs at start"), "capacity.ae.start_headcount",
                            GS_FIELD_KIND_INT, NULL);
  add_batches (plan, grid, &row, GS_STAFF_AE);
  add_ramp (plan, grid, &row);
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
  if (gs_plan_lookup (plan, "capacity.sdr"))
    {
      add_batches (plan, grid, &row, GS_STAFF_SDR);
      gs_input_group_add_field (plan, grid, row++, _ ("SDR ramp"), "capacity.sdr.ramp_months",
                                GS_FIELD_KIND_INT, _ ("months"));
    }
  gs_input_group_add_field (plan, grid, row++, _ ("Meetings per SDR"),
                            "capacity.sdr.sqls_per_month", GS_FIELD_KIND_NUMBER, _ ("/ month"));
}

GtkWidget *
gs_staffing_inputs_new (GsPlan *plan)
{
  Staffing *st = g_new0 (Staffing, 1);
  GtkWidget *group = gs_input_group_new (_ ("Capacity"), &st->grid);
  st->plan = plan;
  g_object_set_data_full (G_OBJECT (group), STAFFING_KEY, st, g_free);
  fill (st);
  return group;
}

/* The rows are made again only when a batch is added or removed, the ramp
 * made longer or shorter, or SDRs come into the file; a typed value changes
 * nothing here (each field follows the plan itself).  The control edited
 * keeps the keyboard. */
void
gs_staffing_inputs_update (GtkWidget *group)
{
  Staffing *st = g_object_get_data (G_OBJECT (group), STAFFING_KEY);
  g_autofree char *focus = NULL;
  if (same_rows (st))
    return;
  focus = gs_input_group_focus_key (st->grid);
  fill (st);
  gs_input_group_refocus (st->grid, focus);
}
