/* fuzz-crm.c — CRM imports: the first byte picks deals or leads and the
 * day/month order, the rest is the file.  A file is refused with a GS_ERROR
 * or imports; what imports writes back into a plan that decodes, and tracks.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "gs-actuals-json.h"
#include "gs-crm-import.h"
#include "gs-tracking.h"

/* Three stages, one source of each owner, 12 months from Jan 2027. */
static const char *plan
    = "{\"format\": \"goalsheet\", \"version\": \"1.1\","
      " \"company\": {\"name\": \"F\", \"currency\": \"USD\", \"plan_start\": \"2027-01\","
      "  \"prior_year_bookings\": \"1000000.00\", \"target\": {\"mode\": \"absolute\", \"amount\":"
      "  \"1200000.00\"}},"
      " \"funnel\": {\"stages\": [{\"name\": \"Lead\"}, {\"name\": \"MQL\"}, {\"name\": \"Won\"}],"
      "  \"steps\": [{\"rate\": 0.5}, {\"rate\": 0.2, \"lag_days\": 31}], \"deal_size\": "
      "\"10000.00\"},"
      " \"sources\": [{\"id\": \"inbound\", \"name\": \"Inbound\", \"share\": 0.6},"
      "  {\"id\": \"outbound\", \"name\": \"Outbound\", \"owner\": \"sales\", \"share\": 0.3},"
      "  {\"id\": \"partner\", \"name\": \"Partner\", \"owner\": \"partner\", \"share\": 0.1}],"
      " \"capacity\": {\"ae\": {\"start_headcount\": 2, \"quota\": \"600000.00\", \"ramp\": [],"
      "  \"attainment\": 1, \"monthly_attrition\": 0}}}";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) tree = NULL;
  g_autoptr (GsModel) model = NULL, back = NULL;
  g_autoptr (GsActualsData) actuals = NULL;
  g_autoptr (GsImportReport) report = gs_import_report_new ();
  g_autoptr (GsResult) result = NULL;
  g_autoptr (GsTracking) tracking = NULL;
  GDate day;

  if (size == 0)
    return 0;
  tree = gs_json_parse (plan, -1, NULL);
  model = gs_model_decode (tree, NULL);
  g_assert_nonnull (model);
  actuals = gs_actuals_data_new (model->n_stages);
  actuals->mapping.date_order = (data[0] >> 1) % 3;
  if (!gs_crm_import (actuals, model, data[0] & 1 ? GS_CRM_LEADS : GS_CRM_DEALS,
                      (const char *) data + 1, size - 1, report, &error))
    {
      fuzz_check_error (error);
      return 0;
    }
  g_assert_cmpuint (report->rows, ==,
                    report->imported + report->updated + report->unchanged + report->refused);
  g_assert_cmpuint (report->problems->len, ==, report->refused);
  g_assert_true (gs_json_replace (tree, "actuals", gs_actuals_to_json (actuals, model), NULL));
  back = gs_model_decode (tree, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->actuals->n_deals + back->actuals->n_leads, ==, report->imported);
  result = gs_compute (back, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 6, 2027);
  tracking = gs_tracking_compute (back, result, &day, &error);
  g_assert_no_error (error);
  return 0;
}
