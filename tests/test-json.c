/* test-json.c — stable writer and path addressing.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"
#include "gs-json.h"

#include <string.h>

static const char *sample = "{\n"
                            "  \"b\": 1,\n"
                            "  \"a\": [0.1, 0.25, 1e-07, 3],\n"
                            "  \"text\": \"quote \\\" é\\n\",\n"
                            "  \"list\": [\n"
                            "    {\n"
                            "      \"rate\": 0.3\n"
                            "    },\n"
                            "    {}\n"
                            "  ],\n"
                            "  \"none\": null,\n"
                            "  \"yes\": true\n"
                            "}\n";

static void
test_writer_stable (void)
{
  g_autoptr (JsonNode) root = gs_json_parse (sample, -1, NULL);
  g_autofree char *text = NULL;
  g_assert_nonnull (root);
  text = gs_json_to_text (root);
  /* Written by us, read, written again: the same bytes. */
  g_assert_cmpstr (text, ==, sample);
}

static void
test_paths (void)
{
  g_autoptr (JsonNode) root = gs_json_parse (sample, -1, NULL);
  g_autoptr (GError) error = NULL;
  JsonNode *n;
  g_autofree char *text = NULL;

  n = gs_json_lookup (root, "list[0].rate");
  g_assert_nonnull (n);
  g_assert_cmpfloat (json_node_get_double (n), ==, 0.3);
  g_assert_null (gs_json_lookup (root, "list[5].rate"));
  g_assert_null (gs_json_lookup (root, "a..b"));

  g_assert_true (gs_json_replace (root, "list[0].rate", json_node_init_double (json_node_alloc (), 0.35), NULL));
  g_assert_true (gs_json_replace (root, "b", json_node_init_int (json_node_alloc (), 2), NULL));
  text = gs_json_to_text (root);
  /* Member order is kept: "b" is still first. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"b\": 2,"));
  g_assert_nonnull (strstr (text, "\"rate\": 0.35"));

  g_assert_false (gs_json_replace (root, "nothing[3].x", json_node_init_int (json_node_alloc (), 2), &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

static void
test_parse_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_null (gs_json_parse ("{\"a\": ", -1, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (gs_json_parse ("   ", -1, &error));
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  g_assert_null (gs_json_parse ("{\"a\": \"\xff\xfe\"}", -1, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
}

static void
test_readers (void)
{
  g_autoptr (JsonNode) root = gs_json_parse (
      "{\"rate\": 1.4, \"zero\": 0, \"money\": \"12.345\", \"fmoney\": 12.5, \"imoney\": 12, "
      "\"big\": 1e400, \"s\": 5}", -1, NULL);
  JsonObject *o = json_node_get_object (root);
  g_autoptr (GError) error = NULL;
  double d;
  GsMoney m;
  char *s = NULL;

  g_assert_false (gs_json_rate (o, "funnel.steps[2]", "rate", GS_FIELD_REQUIRED, 0, &d, &error));
  g_assert_cmpstr (error->message, ==, "funnel.steps[2].rate: 1.4 is not a rate between 0 and 1 (0 excluded)");
  g_clear_error (&error);
  g_assert_false (gs_json_rate (o, "x", "zero", GS_FIELD_REQUIRED, 0, &d, &error));
  g_clear_error (&error);
  g_assert_true (gs_json_fraction (o, "x", "zero", GS_FIELD_REQUIRED, 0, &d, NULL));
  g_assert_false (gs_json_rate (o, "x", "absent", GS_FIELD_REQUIRED, 0, &d, &error));
  g_assert_cmpstr (error->message, ==, "x.absent: is missing");
  g_clear_error (&error);
  g_assert_true (gs_json_rate (o, "x", "absent", GS_FIELD_OPTIONAL, 0.5, &d, NULL));
  g_assert_cmpfloat (d, ==, 0.5);
  g_assert_false (gs_json_money (o, "x", "money", GS_FIELD_REQUIRED, 0, 2, &m, &error));
  g_clear_error (&error);
  g_assert_false (gs_json_money (o, "x", "fmoney", GS_FIELD_REQUIRED, 0, 2, &m, &error));
  g_clear_error (&error);
  g_assert_true (gs_json_money (o, "x", "imoney", GS_FIELD_REQUIRED, 0, 2, &m, NULL));
  g_assert_cmpint (m, ==, 1200);
  if (gs_json_number (o, "x", "big", GS_FIELD_REQUIRED, 0, -1e300, 1e300, &d, &error))
    g_assert_true (d <= 1e300);
  g_clear_error (&error);
  g_assert_false (gs_json_string (o, "x", "s", GS_FIELD_REQUIRED, NULL, &s, &error));
  g_assert_cmpstr (error->message, ==, "x.s: is a number, expected text");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/writer-stable", test_writer_stable);
  g_test_add_func ("/json/paths", test_paths);
  g_test_add_func ("/json/parse-errors", test_parse_errors);
  g_test_add_func ("/json/readers", test_readers);
  return g_test_run ();
}
