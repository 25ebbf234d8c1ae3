/* fuzz-plan.c — the plan loader: any bytes either load into a plan whose
 * figures compute (or are refused with a message), or are refused with a
 * message.  Never a crash, a sanitizer report, a GLib critical, or a save
 * that does not read back as the same plan.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "gs-comp-payout.h"
#include "gs-comp.h"
#include "gs-export-book.h"
#include "gs-export.h"
#include "gs-montecarlo.h"
#include "gs-plan.h"
#include "gs-explain.h"
#include "gs-result-json.h"
#include "gs-scenario.h"

/* Compensation: payouts at plan and at a few attainments, every role. */
static void
exercise_comp (const GsCompModel *comp)
{
  static const double attainments[] = { 0, 0.5, 1, 1.5, 3 };
  GsCompAtPlan at;
  g_autoptr (GError) error = NULL;

  if (comp == NULL)
    return;
  if (!gs_comp_at_plan (comp, &at, &error))
    fuzz_check_error (error);
  gs_comp_at_plan_clear (&at);
  for (guint i = 0; i < comp->n_roles; i++)
    for (guint a = 0; a < G_N_ELEMENTS (attainments); a++)
      {
        g_autoptr (GError) role_error = NULL;
        g_autoptr (GsCompRolePayout) rp
            = gs_comp_role_at_attainment (comp, &comp->roles[i], attainments[a], &role_error);
        if (rp == NULL)
          fuzz_check_error (role_error);
      }
}

/* Export: the tables both writers read, and every table as CSV text. */
static void
exercise_export (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsExportBook) book = gs_export_book_new (plan, &error);
  if (book == NULL)
    {
      fuzz_check_error (error);
      return;
    }
  for (guint i = 0; i < book->tables->len; i++)
    g_free (gs_export_csv_table (book, g_ptr_array_index (book->tables, i)));
}

/* Simulation: the plan's settings, a few trials on this thread. */
static void
exercise_simulation (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsSimResult) sim = NULL;
  GsSimSettings settings;

  gs_sim_settings_init (&settings);
  if (!gs_sim_settings_read (gs_plan_get_root (plan), &settings, &error))
    {
      fuzz_check_error (error);
      return;
    }
  settings.trials = MIN (settings.trials, 8);
  settings.threads = 1;
  sim = gs_montecarlo_run (gs_plan_get_model (plan), &settings, NULL, NULL, NULL, &error);
  if (sim == NULL)
    fuzz_check_error (error);
}

/* Scenarios: every one applied and computed side by side. */
static void
exercise_scenarios (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsComparison) comparison = gs_comparison_new (gs_plan_get_root (plan), NULL, &error);
  if (comparison == NULL)
    fuzz_check_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_text ((const char *) data, (gssize) size, &error);
  const GsResult *result;

  if (plan == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  result = gs_plan_get_result (plan, &error);
  if (result == NULL)
    fuzz_check_error (error);
  else
    {
      g_autoptr (JsonNode) json = gs_result_to_json (gs_plan_get_model (plan), result, gs_explain_result_words ());
      g_autofree char *text = gs_json_to_text (json);
      g_assert_nonnull (text);
    }

  exercise_comp (gs_plan_get_comp (plan, NULL));
  exercise_scenarios (plan);
  if (result != NULL)
    {
      exercise_export (plan);
      exercise_simulation (plan);
    }

  /* A loaded plan saves as text that loads back into the same text. */
  {
    g_autofree char *saved = gs_plan_to_text (plan);
    g_autoptr (GError) again_error = NULL;
    g_autoptr (GsPlan) again = gs_plan_new_from_text (saved, -1, &again_error);
    g_autofree char *resaved = NULL;
    g_assert_no_error (again_error);
    resaved = gs_plan_to_text (again);
    g_assert_cmpstr (saved, ==, resaved);
  }
  return 0;
}
