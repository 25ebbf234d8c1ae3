/* gs-print.c — File ▸ Print: the engine's printable goal sheet.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are drawn by gs_report_draw_page() (the same drawing as
 * goalsheet-cli report); this only hands it the print context's cairo_t.
 */
#include "gs-print.h"
#include "gs-report.h"

#include <glib/gi18n.h>

typedef struct
{
  GsPlan *plan;
  GsReportData data;
} PrintJob;

static void
begin_print (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  gtk_print_operation_set_n_pages (op, (int) gs_report_n_pages (&job->data));
}

static void
draw_page (GtkPrintOperation *op, GtkPrintContext *context, int page, PrintJob *job)
{
  gs_report_draw_page (gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context), (guint) page, &job->data);
}

void
gs_print_run (GtkWindow *parent, GsPlan *plan, const GsSimResult *sim, const GsRefan *refan)
{
  g_autoptr (GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr (GError) error = NULL;
  PrintJob job = { 0 };

  job.plan = plan;
  job.data.model = gs_plan_get_model (plan);
  job.data.result = gs_plan_get_result (plan, &error);
  job.data.sim = sim;
  job.data.refan = refan;
  job.data.comp = gs_plan_get_comp (plan, NULL);
  if (job.data.result == NULL)
    return;
  gtk_print_operation_set_job_name (op, job.data.model->company.name);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print), &job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), &job);
  /* Run modally: the plan's figures stay as they are while it prints. */
  gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
}
