/* gs-cli-import.c — `goalsheet-cli import PLAN --deals FILE.csv`: a CRM
 * export merged into the plan's actuals (docs/actuals.md).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-data.h"
#include "gs-actuals-edits.h"
#include "gs-actuals-json.h"
#include "gs-cli.h"
#include "gs-atomic.h"
#include "gs-crm-import.h"
#include "gs-crm-splits.h"
#include "gs-refused-csv.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-json.h"
#include "gs-read.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static void
print_problems (const char *filename, const GsImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const GsImportProblem *p = g_ptr_array_index (report->problems, i);
      if (p->column)
        /* Translators: FILE: row 12, Amount “abc”: not a number */
        g_printerr (_ ("%s: row %u, %s “%s”: %s\n"), filename, p->row, p->column,
                    p->value ? p->value : "", p->reason);
      else
        g_printerr (_ ("%s: row %u: %s\n"), filename, p->row, p->reason);
    }
}

static void
print_report (const char *filename, const GsImportReport *report)
{
  g_autofree char *summary = gs_import_report_summary (report);
  g_print ("%s: %s\n", filename, summary);
  if (report->new_people->len > 0)
    {
      g_autofree char *names = gs_format_name_list (report->new_people);
      /* Translators: %s is a list of names. */
      g_print (_ ("  new people on the roster: %s\n"), names);
    }
  if (report->unmapped_sources->len > 0)
    {
      g_autofree char *names = gs_format_name_list (report->unmapped_sources);
      /* Translators: %s is a list of the CRM's source names. */
      g_print (_ ("  sources that map to no plan source (map them with --mapping): %s\n"), names);
    }
}

/* The refused rows, to fix and import again (docs/actuals.md). */
static int
write_refused (const char *refused, const GsImportReport *report)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *text = gs_refused_csv (report, &length);
  if (!gs_atomic_write (refused, text, length, GS_ATOMIC_NONE, &error))
    return gs_cli_fail (refused, error);
  return GS_EXIT_OK;
}

static int
import_file (const char *filename, GsCrmKind kind, GsActualsData *data, const GsModel *model,
             const char *refused)
{
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  gsize length = 0;

  /* A regular file is read into a buffer on huge pages (gs-read.h; the
   * deals' texts stay in it); anything else, a pipe say, as before, and a
   * file that cannot be read fails with g_file_get_contents' message. */
  if (!(g_file_test (filename, G_FILE_TEST_IS_REGULAR)
        && gs_read_file (filename, G_MAXSSIZE - 1, &bytes, &length, NULL))
      && !g_file_get_contents (filename, &bytes, &length, &error))
    return gs_cli_fail (NULL, error);
  if (!gs_crm_import_taking (data, model, kind, g_steal_pointer (&bytes), length, report, &error))
    {
      g_printerr ("%s: %s\n", filename, error->message);
      return GS_EXIT_INVALID;
    }
  print_problems (filename, report);
  print_report (filename, report);
  return refused ? write_refused (refused, report) : GS_EXIT_OK;
}

static int
merge_mapping (const char *filename, GsActualsData *data, const GsModel *model)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gsize length;
  if (!g_file_get_contents (filename, &text, &length, &error))
    return gs_cli_fail (NULL, error);
  node = gs_json_parse (text, length, &error);
  if (node == NULL || !gs_actuals_mapping_merge (data, model, node, &error))
    return gs_cli_fail (filename, error);
  return GS_EXIT_OK;
}

static int
import_splits (const char *path, GsActualsData *data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bytes = NULL;
  gsize length;
  if (!g_file_get_contents (path, &bytes, &length, &error)
      || !gs_crm_import_splits (data, bytes, length, added, &error))
    return gs_cli_fail (path, error);
  if (added->len > 0)
    {
      g_autofree char *names = gs_format_name_list (added);
      g_print (_ ("  new people on the roster: %s\n"), names);
    }
  return GS_EXIT_OK;
}

int
gs_cli_import (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
      = g_option_context_new (N_ ("PLAN — merge a CRM export into the plan's actuals"));
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GsActualsData) data = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deals = NULL, *leads = NULL, *mapping = NULL, *refused = NULL;
  g_autofree char *splits = NULL;
  gboolean dry_run = FALSE, save_mapping = FALSE;
  const GsModel *model;
  int status = GS_EXIT_OK;
  GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_FILENAME, &deals,
      N_ ("HubSpot deals or Salesforce opportunities (CSV)"), N_ ("FILE") },
    { "leads", 0, 0, G_OPTION_ARG_FILENAME, &leads,
      N_ ("HubSpot contacts or Salesforce leads (CSV)"), N_ ("FILE") },
    { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &mapping,
      N_ ("Columns, stages and sources to map (JSON, the shape of actuals.mapping); kept in the "
          "plan"),
      N_ ("FILE") },
    { "refused", 0, 0, G_OPTION_ARG_FILENAME, &refused,
      N_ ("Write the refused rows to this CSV (the file's columns and a Reason), to fix and import "
          "again"),
      N_ ("FILE.csv") },
    { "splits", 0, 0, G_OPTION_ARG_FILENAME, &splits,
      N_ ("Revenue splits and overlays (CSV: deal id, person, percent, kind split or overlay); "
          "replaces those of the deals it names"),
      N_ ("FILE.csv") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Read and report, but leave the plan as it is"), NULL },
    { "save-mapping", 0, 0, G_OPTION_ARG_NONE, &save_mapping,
      N_ ("Store the mapping the import would use (columns, stages and sources, with --mapping's "
          "corrections) in the plan, without importing any rows"),
      NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
      context, N_ ("Reads CRM exports (CSV: comma, semicolon or tab; UTF-8 or UTF-16) and "
                   "merges them into PLAN's actuals, keyed by the CRM's ids. Refused rows are "
                   "listed on standard error with row, column, value and reason; the rest "
                   "import. Exit status 2 when a file is not CSV or lacks a required column. "
                   "See docs/actuals.md."));
  if (!gs_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage ("import", _ ("give one plan file"));
  if (deals == NULL && leads == NULL && splits == NULL)
    return gs_cli_usage ("import", _ ("give --deals FILE, --leads FILE, --splits FILE or more"));
  /* One file's rows: the deals' and the leads' columns differ. */
  if (refused && deals && leads)
    return gs_cli_usage ("import", _ ("--refused takes the rows of one file: give --deals or "
                                      "--leads, not both"));
  if (save_mapping && (dry_run || splits))
    return gs_cli_usage ("import", _ ("--save-mapping stores the mapping alone: it takes no "
                                      "--dry-run or --splits"));
  if (save_mapping && deals == NULL && leads == NULL)
    return gs_cli_usage ("import", _ ("--save-mapping needs the export the mapping is for: give "
                                      "--deals FILE or --leads FILE"));
  if (refused
      && (!gs_atomic_check_not_input (refused, argv[1], &error)
          || !gs_atomic_check_not_input (refused, deals ? deals : leads, &error)))
    return gs_cli_fail (NULL, error);
  plan = gs_cli_load_plan (argv[1], &status);
  if (plan == NULL)
    return status;
  model = gs_plan_get_model (plan);
  data = model->actuals ? gs_actuals_data_copy (model->actuals)
                        : gs_actuals_data_new (model->n_stages);
  if (mapping && (status = merge_mapping (mapping, data, model)) != GS_EXIT_OK)
    return status;
  /* Leads first: a deal's owner and a contact's are one roster either way. */
  if (leads && (status = import_file (leads, GS_CRM_LEADS, data, model, refused)) != GS_EXIT_OK)
    return status;
  if (deals && (status = import_file (deals, GS_CRM_DEALS, data, model, refused)) != GS_EXIT_OK)
    return status;
  /* Splits last: they name deals of the actuals, the ones just imported too. */
  if (splits && (status = import_splits (splits, data)) != GS_EXIT_OK)
    return status;
  if (dry_run)
    return GS_EXIT_OK;
  if (save_mapping)
    {
      /* The rows were read only to resolve the mapping; the records stay. */
      if (!gs_plan_set_actuals_mapping (plan, &data->mapping, &error)
          || !gs_plan_save_to_file (plan, argv[1], &error))
        return gs_cli_fail (argv[1], error);
      /* Translators: %s is the plan file. */
      g_print (_ ("%s: the mapping is saved; no rows were imported\n"), argv[1]);
      return GS_EXIT_OK;
    }
  /* One edit: the version raised where the actuals need it (1.1; 1.2 with
   * dispute notes, 1.3 with a deal's pay terms; an older Goalsheet keeps
   * them as unknown fields), the records moved into the plan's store. */
  if (!gs_plan_take_actuals (plan, data, &error) || !gs_plan_save_to_file (plan, argv[1], &error))
    return gs_cli_fail (argv[1], error);
  return GS_EXIT_OK;
}
