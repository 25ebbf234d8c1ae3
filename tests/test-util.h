/* test-util.h — small plans built in tests, so every figure can be worked out by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-error.h"
#include "gs-json.h"
#include "gs-plan.h"

#include <glib/gstdio.h>
#include <string.h>

/* A one-source plan: 12 flat months, absolute target 1,200,000.00, deal
 * 10,000.00, Lead →(50 %, 0 d)→ MQL →(20 %, 31 d)→ Won, 2 AEs with quota
 * 600,000.00, no ramp, full attainment, no attrition.  Tests patch it with
 * gs_json_replace before decoding. */
static const char *tiny_plan =
  "{\"format\": \"goalsheet\", \"version\": \"1.0\","
  " \"company\": {\"name\": \"Tiny\", \"currency\": \"USD\", \"plan_start\": \"2027-01\","
  "   \"prior_year_bookings\": \"1000000.00\","
  "   \"target\": {\"mode\": \"absolute\", \"amount\": \"1200000.00\"}},"
  " \"funnel\": {\"stages\": [{\"id\": \"lead\", \"name\": \"Lead\"}, {\"id\": \"mql\", \"name\": \"MQL\"},"
  "   {\"id\": \"won\", \"name\": \"Won\"}],"
  "   \"steps\": [{\"rate\": 0.5, \"lag_days\": 0}, {\"rate\": 0.2, \"lag_days\": 31}],"
  "   \"deal_size\": \"10000.00\"},"
  " \"sources\": [{\"id\": \"inbound\", \"name\": \"Inbound\", \"owner\": \"marketing\", \"share\": 1,"
  "   \"cost_per_lead\": \"20.00\"}],"
  " \"capacity\": {\"ae\": {\"start_headcount\": 2, \"quota\": \"600000.00\", \"ramp\": [],"
  "   \"attainment\": 1, \"monthly_attrition\": 0}}}";

static inline JsonNode *
tiny_tree (void)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root = gs_json_parse (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return root;
}

/* The tiny plan as an editable document. */
static inline GsPlan *
tiny_document (void)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (tiny_plan, -1, &error);
  g_assert_no_error (error);
  return plan;
}

/* Sets path to a JSON literal in tree. */
static inline void
patch (JsonNode *tree, const char *path, const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *value = gs_json_parse (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_json_replace (tree, path, value, &error));
  g_assert_no_error (error);
}

static inline GsModel *
decode_ok (JsonNode *tree)
{
  g_autoptr (GError) error = NULL;
  GsModel *m = gs_model_decode (tree, &error);
  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static inline GsResult *
compute_ok (JsonNode *tree)
{
  g_autoptr (GsModel) m = decode_ok (tree);
  g_autoptr (GError) error = NULL;
  GsResult *r = gs_compute (m, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static inline const GsGoalLine *
line_ok (const GsResult *r, const char *id)
{
  const GsGoalLine *line = gs_result_line (r, id);
  if (line == NULL)
    g_error ("no goal line %s", id);
  return line;
}

/* Value of plan month mo in a line. */
static inline gint64
month_amount (const GsResult *r, const GsGoalLine *line, guint mo)
{
  return line->months[r->n_pre + mo].amount;
}

/* The tree of a bundled example plan, "seed-saas.goalsheet". */
static inline JsonNode *
example_tree (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  root = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return root;
}

/* A bundled example plan as an editable document. */
static inline GsPlan *
example_plan (const char *name)
{
  g_autoptr (JsonNode) tree = example_tree (name);
  g_autofree char *text = gs_json_to_text (tree);
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

/* An edit was refused with a message holding WORDS (printed when not);
 * clears the error for the next one. */
static inline gboolean
refused_saying (gboolean ok, GError **error, const char *words)
{
  gboolean said = !ok && *error && strstr ((*error)->message, words) != NULL;
  if (!said)
    g_printerr ("expected a refusal saying “%s”, got %s\n", words,
                ok ? "success" : (*error ? (*error)->message : "no message"));
  g_clear_error (error);
  return said;
}

/* Removes a folder of files a test made (a plan saved, its backup). */
static inline void
test_remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}
