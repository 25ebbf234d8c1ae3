/* test-json.c — the reader (strict RFC 8259), stable writer and path addressing.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"
#include "gs-json.h"
#include "gs-json-writer.h"
#include "gs-large-alloc.h"

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

  g_assert_true (gs_json_replace (root, "list[0].rate",
                                  json_node_init_double (json_node_alloc (), 0.35), NULL));
  g_assert_true (gs_json_replace (root, "b", json_node_init_int (json_node_alloc (), 2), NULL));
  text = gs_json_to_text (root);
  /* Member order is kept: "b" is still first. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"b\": 2,"));
  g_assert_nonnull (strstr (text, "\"rate\": 0.35"));

  g_assert_false (
      gs_json_replace (root, "nothing[3].x", json_node_init_int (json_node_alloc (), 2), &error));
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

/* text read with the actuals' deals deferred (as a plan is opened):
 * NULL with the message, or the tree. */
static JsonNode *
parse_deferring (const char *text, gsize len, GError **error)
{
  static const char *const paths[] = { "actuals.deals*", NULL };
  g_autoptr (GBytes) bytes = g_bytes_new (text, len);
  GsJsonDeferred *deferred = NULL;
  JsonNode *root = gs_json_parse_deferring (bytes, paths, &deferred, error);
  g_clear_pointer (&deferred, gs_json_deferred_free);
  return root;
}

/* A text of 1 MiB or more is read while another thread checks it
 * (gs_json_parse_deferring).  Whatever the checks refuse, the reader must
 * neither crash nor fill the memory before they have, and the message is
 * the one reading after the checks gives (gs_json_parse): nesting 100,000
 * deep (the reader's recursion would overflow the stack), escapes cut short
 * by the end of the text (read past it), more values than a plan may hold,
 * and the checks' other refusals; a text the checks pass reads as before,
 * with the reader's own message where it has one. */
static void
test_checked_apart (void)
{
  static const char *const tails[] = {
    "1}",           "\"\\u12", "\"\\uD83D", "\"a\\",
    "\"\xff\"}",    "NaN}",    "\"\\q\"}",  "123456789012345678901}",
    "\"\\u0000\"}", "[1, 2}",  "1",
  };
  static const char *const paths[] = { "actuals.deals*", NULL };
  g_autoptr (GString) pad = g_string_new ("{\"actuals\": {\"deals\": {\"fields\": [\"id\"], "
                                          "\"rows\": [[\"1\"], [\"2\"]]}}, \"pad\": \"");
  for (guint i = 0; i < 1100000; i++)
    g_string_append_c (pad, (char) ('a' + i % 26));
  g_string_append (pad, "\", \"tail\": ");
  for (guint k = 0; k < G_N_ELEMENTS (tails) + 2; k++)
    {
      g_autoptr (GString) text = g_string_new_len (pad->str, (gssize) pad->len);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) serial = NULL;
      g_autoptr (GError) apart = NULL;
      g_autoptr (JsonNode) tree = NULL;
      g_autoptr (JsonNode) root = NULL;
      GsJsonDeferred *deferred = NULL;
      if (k < G_N_ELEMENTS (tails))
        g_string_append (text, tails[k]);
      else if (k == G_N_ELEMENTS (tails))
        for (guint d = 0; d < 100000; d++)
          g_string_append_c (text, '[');
      else
        {
          /* 3,100,000 values in the deferred list, none built as a node. */
          g_string_truncate (text, 0);
          g_string_append (text, "{\"actuals\": {\"deals\": [0");
          for (guint i = 0; i < 3100000; i++)
            g_string_append (text, ",0");
          g_string_append (text, "]}}");
        }
      /* Exactly its length: a read past the end is one ASan sees. */
      bytes = g_bytes_new (text->str, text->len);
      tree = gs_json_parse (text->str, (gssize) text->len, &serial);
      root = gs_json_parse_deferring (bytes, paths, &deferred, &apart);
      if (tree != NULL)
        {
          g_assert_no_error (apart);
          g_assert_nonnull (root);
          g_assert_cmpint (gs_json_deferred_length (deferred, "actuals.deals"), ==, 2);
        }
      else
        {
          g_assert_nonnull (serial);
          g_assert_null (root);
          g_assert_null (deferred);
          g_assert_error (apart, serial->domain, serial->code);
          g_assert_cmpstr (apart->message, ==, serial->message);
        }
      g_clear_pointer (&deferred, gs_json_deferred_free);
    }
}

/* A buffer whose pages another thread provides from the end while it is
 * written from the start holds what was written; one freed at once is
 * no harm to the thread still providing it. */
static void
test_large_populated (void)
{
  gsize size = 9 * 1024 * 1024 + 5;
  for (guint round = 0; round < 3; round++)
    {
      guint8 *p = gs_large_alloc_populated (size);
      for (gsize i = 0; i < size; i++)
        p[i] = (guint8) (i * 7 + round);
      for (gsize i = 0; i < size; i += 4093)
        g_assert_cmpuint (p[i], ==, (guint8) (i * 7 + round));
      g_free (p);
      g_free (gs_large_alloc_populated (size));
    }
  g_assert_null (gs_large_alloc_populated (0));
}

/* Opening a plan checks UTF-8 eight bytes at a time and hands GLib only
 * the chunks with other bytes: the same verdict as g_utf8_validate for a
 * character (or a bad byte) at every place in a word and across the
 * 64-byte chunks. */
static void
test_utf8_fast (void)
{
  static const char *const good[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80" };
  static const char *const bad[]
      = { "\xC3", "\xFF", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF0\x9F\x98", "\x80" };
  for (guint at = 0; at < 140; at++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (good) + G_N_ELEMENTS (bad) + 1; k++)
        {
          gboolean ok = k < G_N_ELEMENTS (good);
          const char *insert = ok ? good[k]
                               : k < G_N_ELEMENTS (good) + G_N_ELEMENTS (bad)
                                   ? bad[k - G_N_ELEMENTS (good)]
                                   : NULL;
          g_autoptr (GString) text = g_string_new ("{\"a\": \"");
          g_autoptr (GError) error = NULL;
          g_autoptr (JsonNode) root = NULL;
          for (guint i = 0; i < at; i++)
            g_string_append_c (text, (char) ('a' + i % 26));
          if (insert)
            g_string_append (text, insert);
          else
            g_string_append_len (text, "\0", 1); /* a NUL byte: refused as before */
          g_string_append (text, "xyz\"}");
          root = parse_deferring (text->str, text->len, &error);
          g_assert_cmpint (ok, ==, g_utf8_validate (text->str, (gssize) text->len, NULL));
          if (ok)
            g_assert_no_error (error);
          else
            {
              g_assert_null (root);
              g_assert_nonnull (strstr (error->message, "not UTF-8 text"));
            }
        }
    }
}

/* A row of plain values in a list written as rows is checked in one loop
 * (gs-json-reader.c); what it refuses gets the message the whole reader
 * gives, and what it accepts reads as the tree does. */
static void
test_plain_rows (void)
{
  static const char *const rows[] = {
    "[\"a\", 12]",
    "[\"a\", -0.5e+3, true, false, null]",
    "[ \"x\" ,1 ]",
    "[]",
    "[[1], {\"b\": 2}]",
    "[\"\\u00e9\\n\\\"\"]",
    "[\"a\", 12a]",
    "[\"a\", nullx]",
    "[01]",
    "[1.]",
    "[-]",
    "[1e]",
    "[1e+]",
    "[\"a\\u0001\"]",
    "[\"a\x01\"]",
    "[\"a\" \"b\"]",
    "[1,]",
    "[,1]",
    "[tru]",
    "[\"open",
    "[1 2]",
    "[1",
    "[-01]",
    "[.5]",
    "[1.5.2]",
    "[nul]",
    "[\"a\"}",
    "[\"t\tab\"]",
  };
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = g_strdup_printf (
          "{\"actuals\": {\"deals\": {\"fields\": [\"id\"], \"rows\": [[\"x\"], %s, [\"y\"]]}}}",
          rows[i]);
      g_autoptr (GError) whole = NULL, deferring = NULL;
      g_autoptr (JsonNode) tree = gs_json_parse (text, -1, &whole);
      g_autoptr (JsonNode) root = parse_deferring (text, strlen (text), &deferring);
      g_assert_cmpint (tree == NULL, ==, root == NULL);
      if (whole)
        g_assert_cmpstr (whole->message, ==, deferring->message);
      else
        g_assert_no_error (deferring);
    }
}

/* The token check passes a row of plain values in one loop (gs-json.c,
 * pass_plain_row); what the byte-by-byte check refuses in a row it still
 * refuses, on its line, and the row's values and depth count as before: up
 * to the limits and not one past them. */
static void
test_check_rows (void)
{
  static const struct
  {
    const char *row;
    const char *message; /* NULL: read */
  } cases[] = {
    { "[\"a\", NaN]", "line 3: NaN is not a number JSON allows; write a finite number" },
    { "[\"a\", Infinity, 1]", "line 3: Infinity is not a number JSON allows" },
    { "[\"a\", 1234567890123456789]",
      "line 3: the whole number 1234567890123456789 is too large for any field" },
    { "[\"a\", 123456789012345678, -1234567890123.4567890123]", NULL },
    { "[\"a\\q\", 1]", "line 3: “\\q” is not an escape JSON allows in text" },
    { "[\"a\\u0000\"]", "line 3: text must not contain the NUL character (\\u0000)" },
    { "[\"a, b\", \"c]\", 1]", NULL },
    { "[\"a\",\n 1, NaN]", "line 4: NaN is not a number JSON allows" },
    { "[\"a\", 1], [\"b\", NaN]", "line 3: NaN is not a number JSON allows" },
  };
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GString) many = g_string_new ("[");
  guint values = 1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"actuals\": {\"deals\": {\"fields\": [\"id\"],\n"
                                               "\"rows\": [[\"x\"],\n%s,\n[\"y\"]]}}, \"z\": NaN}",
                                               cases[i].row);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) tree = gs_json_parse (text, -1, &error);
      /* The NaN after the rows: every row passed, the line counted on. */
      const char *message = cases[i].message ? cases[i].message : "line 4: NaN is not a number";
      if (strchr (cases[i].row, '\n') && cases[i].message == NULL)
        message = "line 5: NaN";
      g_assert_null (tree);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, message))
        g_error ("%s: “%s”, expected “%s…”", cases[i].row, error->message, message);
    }

  /* A row at the deepest nesting allowed, and one deeper. */
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) tree = NULL;
      g_string_truncate (deep, 0);
      for (guint d = 0; d < 255 + extra; d++)
        g_string_append_c (deep, '[');
      g_string_append (deep, "[1, \"a\"]");
      for (guint d = 0; d < 255 + extra; d++)
        g_string_append_c (deep, ']');
      tree = gs_json_parse (deep->str, (gssize) deep->len, &error);
      if (extra == 0)
        g_assert_no_error (error);
      else
        g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
      g_assert_true (extra == 0 || strstr (error->message, "nested more than 256 deep"));
    }

  /* Rows holding exactly as many values as a file may, then one more. */
  while (values + 10 <= GS_JSON_MAX_VALUES)
    {
      g_string_append (many, values > 1 ? ",[0,0,0,0,0]" : "[0,0,0,0,0]");
      values += values > 1 ? 6 : 5;
    }
  while (values < GS_JSON_MAX_VALUES)
    {
      g_string_append (many, ",0");
      values++;
    }
  g_string_append (many, "]");
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) tree = NULL;
      if (extra == 1)
        g_string_insert (many, 1, "[0,0],"); /* three more values, in a row */
      tree = gs_json_parse (many->str, (gssize) many->len, &error);
      if (extra == 0)
        g_assert_no_error (error);
      else
        g_assert_true (error != NULL && strstr (error->message, "holds more than"));
    }
}

/* RFC 8259 and nothing else, each refusal with its line and column
 * (columns count characters, from 1). */
static void
test_strict_grammar (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"a\": 1 /* note */}", "line 1, column 9: unexpected character “/”, expected “,” or “}”" },
    { "{\"a\": 1 // note\n}", "line 1, column 9: unexpected character “/”" },
    { "{'a': 1}",
      "line 1, column 2: unexpected character “'”, expected a field name in double quotes" },
    { "{\"a\": [1, 2,]}", "line 1, column 13: unexpected character “]”, expected a value" },
    { "{\"a\": 1,}", "line 1, column 9: unexpected character “}”, expected a field name" },
    { "{\"a\": +1}", "line 1, column 7: unexpected character “+”" },
    { "{\"a\": 0x10}", "line 1, column 8: unexpected character “x”, expected “,” or “}”" },
    { "{\"a\": 07}", "line 1, column 7: a number must not begin with 0 followed by digits" },
    { "{\"a\": .5}", "line 1, column 7: unexpected character “.”" },
    { "{\"a\": 1.}",
      "line 1, column 9: unexpected character “}”, expected a digit after the decimal point" },
    { "{\"a\": 1e}",
      "line 1, column 9: unexpected character “}”, expected a digit in the exponent" },
    { "{\"a\": -}", "line 1, column 8: unexpected character “}”, expected a digit" },
    { "{\"a\": \"two\nlines\"}", "line 1, column 11: a control character inside text in quotes" },
    { "{} {}", "line 1, column 4: unexpected character “{”, expected the end of the file" },
    { "{\"a\": True}", "line 1, column 7: unexpected character “T”, expected a value" },
    { "{\"a\": nul}", "line 1, column 7: unexpected character “n”" },
    { "{\"a\" 1}",
      "line 1, column 6: unexpected character “1”, expected “:” after the field name" },
    { "{\"a\": 1 \"b\": 2}", "line 1, column 9: unexpected character “\"”, expected “,” or “}”" },
    /* Columns count characters: "é" is one. */
    { "{\"é\": 1,\n  \"ü\": [1\n  2]}",
      "line 3, column 3: unexpected character “2”, expected “,” or “]”" },
    { "{\"a\": [1, 2", "line 1, column 12: unexpected end of file, expected “,” or “]”" },
    { "{\"a\": \"open", "line 1, column 7: text in quotes is not closed" },
    { "{\"a\": 1, \"a\": 2}", "line 1: the field “a” appears twice in the same object" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) root = gs_json_parse (cases[i].text, -1, &error);
      g_assert_null (root);
      g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %" G_GSIZE_FORMAT " (%s): got “%s”, expected “%s”", i, cases[i].text,
                 error->message, cases[i].message);
    }
}

/* Whole numbers are gint64 and the rest double, as json-glib reads them, so
 * every reader (gs_json_int refuses 7.0 where a count is meant) sees the
 * same types. */
static void
test_values (void)
{
  const char *text
      = "\xEF\xBB\xBF {\"whole\": -42, \"zero\": -0, \"big\": 900719925474099312,"
        " \"frac\": 2.50, \"exp\": 1E+2, \"small\": -1.5e-3, \"t\": true, \"f\": false,"
        " \"n\": null, \"\": \"empty name\", \"esc\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\","
        " \"uni\": \"\\u00e9\\uD83D\\uDE00 €\", \"list\": [[], {}, [1, [2]]]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = gs_json_parse (text, -1, &error);
  JsonObject *o;

  g_assert_no_error (error);
  o = json_node_get_object (root);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "whole")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (o, "whole"), ==, -42);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "zero")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (o, "big"), ==,
                   G_GINT64_CONSTANT (900719925474099312));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "frac")), ==,
                   G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (o, "frac"), ==, 2.5);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "exp")), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (o, "exp"), ==, 100.0);
  g_assert_cmpfloat (json_object_get_double_member (o, "small"), ==, -0.0015);
  g_assert_true (json_object_get_boolean_member (o, "t"));
  g_assert_false (json_object_get_boolean_member (o, "f"));
  g_assert_true (json_object_get_null_member (o, "n"));
  g_assert_cmpstr (json_object_get_string_member (o, ""), ==, "empty name");
  g_assert_cmpstr (json_object_get_string_member (o, "esc"), ==, "\"\\/\b\f\n\r\t");
  g_assert_cmpstr (json_object_get_string_member (o, "uni"), ==, "é\xF0\x9F\x98\x80 €");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "list")), ==, 3);
  {
    /* Members keep the file's order. */
    g_autoptr (GList) names = json_object_get_members (o);
    g_assert_cmpstr (names->data, ==, "whole");
    g_assert_cmpstr (g_list_last (names)->data, ==, "list");
  }
}

/* Every bundled example, every file of the bad-input catalogue and the
 * fuzzers' plan corpus that json-glib's own parser reads read to the very
 * same tree here (written out, the same bytes); the examples must read. */
static void
test_agrees_with_json_glib (void)
{
  const char *folders[][2]
      = { { "..", "data/examples" }, { ".", "bad-inputs" }, { ".", "fuzz/corpus/plan" } };
  guint compared = 0;

  for (gsize f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path
          = g_test_build_filename (G_TEST_DIST, folders[f][0], folders[f][1], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;
      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *text = NULL;
          gsize len;
          g_autoptr (JsonParser) parser = json_parser_new ();
          g_autoptr (JsonNode) ours = NULL;
          g_autoptr (GError) error = NULL;
          g_autofree char *ours_text = NULL, *theirs_text = NULL;
          gboolean theirs;

          if (g_str_has_suffix (name, ".expected")
              || !g_file_get_contents (path, &text, &len, NULL))
            continue;
          ours = gs_json_parse (text, (gssize) len, &error);
          if (f == 0)
            g_assert_no_error (error);
          if (ours == NULL) /* json-glib overflows its stack on some of these */
            continue;
          theirs = json_parser_load_from_data (parser, text, (gssize) len, NULL);
          if (!theirs)
            continue;
          ours_text = gs_json_to_text (ours);
          theirs_text = gs_json_to_text (json_parser_get_root (parser));
          g_assert_cmpstr (ours_text, ==, theirs_text);
          compared++;
        }
    }
  g_test_message ("%u files read alike", compared);
  g_assert_cmpuint (compared, >=, 100);
}

static void
test_readers (void)
{
  g_autoptr (JsonNode) root = gs_json_parse (
      "{\"rate\": 1.4, \"zero\": 0, \"money\": \"12.345\", \"fmoney\": 12.5, \"imoney\": 12, "
      "\"big\": 1e400, \"s\": 5}",
      -1, NULL);
  JsonObject *o = json_node_get_object (root);
  g_autoptr (GError) error = NULL;
  double d;
  GsMoney m;
  char *s = NULL;

  g_assert_false (gs_json_rate (o, "funnel.steps[2]", "rate", GS_FIELD_REQUIRED, 0, &d, &error));
  g_assert_cmpstr (error->message, ==,
                   "funnel.steps[2].rate: 1.4 is not a rate between 0 and 1 (0 excluded)");
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

typedef struct
{
  GString *all;
  guint pieces, fail_at; /* fail_at: the piece the sink refuses (0: none) */
  gsize largest;
} Pieces;

static gboolean
collect (const char *text, gsize len, gpointer data, GError **error)
{
  Pieces *p = data;
  g_assert_cmpuint (strlen (text), ==, len);
  if (++p->pieces == p->fail_at)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "No space left on device");
      return FALSE;
    }
  g_string_append_len (p->all, text, len);
  p->largest = MAX (p->largest, len);
  return TRUE;
}

/* The sample written value by value: the bytes of the tree's writer. */
static void
write_sample (GsJsonWriter *w)
{
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "b");
  gs_json_writer_int (w, 1);
  gs_json_writer_member (w, "a");
  gs_json_writer_begin_array (w, TRUE);
  gs_json_writer_double (w, 0.1);
  gs_json_writer_double (w, 0.25);
  gs_json_writer_double (w, 1e-07);
  gs_json_writer_double (w, 3);
  gs_json_writer_end_array (w);
  gs_json_writer_member (w, "text");
  gs_json_writer_string (w, "quote \" \xc3\xa9\n");
  gs_json_writer_member (w, "list");
  gs_json_writer_begin_array (w, FALSE);
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "rate");
  gs_json_writer_double (w, 0.3);
  gs_json_writer_end_object (w);
  gs_json_writer_begin_object (w);
  gs_json_writer_end_object (w);
  gs_json_writer_end_array (w);
  gs_json_writer_member (w, "none");
  gs_json_writer_null (w);
  gs_json_writer_member (w, "yes");
  gs_json_writer_boolean (w, TRUE);
  gs_json_writer_end_object (w);
}

static void
test_writer_pieces (void)
{
  Pieces p = { g_string_new (NULL), 0, 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) back = NULL;
  g_autofree char *again = NULL;
  GsJsonWriter *w = gs_json_writer_new (NULL, NULL);
  g_autofree char *text = NULL;

  write_sample (w);
  g_assert_true (gs_json_writer_finish (w, NULL));
  text = gs_json_writer_free_to_text (w);
  g_assert_cmpstr (text, ==, sample);

  /* 20,000 rows (about 1.4 MB) reach the sink in pieces of about 64 KiB,
   * each ending between two tokens, and add up to the whole text; a text
   * with every escape (a control character as \u0001, a tab, a quote) and
   * empty lists as gs_json_to_text writes them. */
  w = gs_json_writer_new (collect, &p);
  gs_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("row \"%u\"\t\x01 \xe2\x82\xac", i);
      gs_json_writer_begin_object (w);
      gs_json_writer_member (w, "name");
      gs_json_writer_string (w, name);
      gs_json_writer_member (w, "none");
      gs_json_writer_begin_array (w, TRUE);
      gs_json_writer_end_array (w);
      gs_json_writer_member (w, "empty");
      gs_json_writer_begin_array (w, FALSE);
      gs_json_writer_end_array (w);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
  g_assert_true (gs_json_writer_finish (w, &error));
  g_assert_no_error (error);
  gs_json_writer_free (w);
  g_assert_cmpuint (p.pieces, >, 20);
  g_assert_cmpuint (p.largest, <, 64 * 1024 + 100);
  g_assert_nonnull (strstr (p.all->str,
                            "{\n    \"name\": \"row \\\"7\\\"\\t\\u0001 \xe2\x82\xac\",\n"
                            "    \"none\": [],\n    \"empty\": []\n  }"));
  back = gs_json_parse (p.all->str, -1, &error);
  g_assert_no_error (error);
  again = gs_json_to_text (back);
  g_assert_cmpstr (again, ==, p.all->str);

  /* The sink refuses its second piece: nothing more is handed to it, and
   * finishing gives its error. */
  g_string_truncate (p.all, 0);
  p.pieces = 0;
  p.fail_at = 2;
  w = gs_json_writer_new (collect, &p);
  gs_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < 20000 && gs_json_writer_ok (w); i++)
    gs_json_writer_string (w, "a row of text long enough to fill pieces");
  g_assert_false (gs_json_writer_ok (w));
  gs_json_writer_end_array (w);
  g_assert_false (gs_json_writer_finish (w, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpuint (p.pieces, ==, 2);
  gs_json_writer_free (w);
  g_string_free (p.all, TRUE);
}

/* A ratio for output: 0.1 + 0.05 is 0.15000000000000002 in binary, printed
 * as 0.15; a curve's points 0, 0.05, … summed step by step come out as
 * k ÷ 20 exactly; a deal's 120,000.00 of a 520,000.00 quota is
 * 0.230769230769… → 0.230769231 (as `payout --deals --json` prints it). */
static void
test_ratio (void)
{
  double a = 0;
  g_assert_cmpfloat (0.1 + 0.05, !=, 0.15);
  g_assert_cmpfloat (gs_json_ratio (0.1 + 0.05), ==, 0.15);
  for (guint k = 0; k <= 40; k++, a += 0.05)
    g_assert_cmpfloat (gs_json_ratio (a), ==, k / 20.0);
  g_assert_cmpfloat (gs_json_ratio (12000000.0 / 52000000.0), ==, 0.230769231);
  g_assert_cmpfloat (gs_json_ratio (-0.0000000004), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/writer-stable", test_writer_stable);
  g_test_add_func ("/json/writer-pieces", test_writer_pieces);
  g_test_add_func ("/json/paths", test_paths);
  g_test_add_func ("/json/parse-errors", test_parse_errors);
  g_test_add_func ("/json/utf8-fast", test_utf8_fast);
  g_test_add_func ("/json/plain-rows", test_plain_rows);
  g_test_add_func ("/json/check-rows", test_check_rows);
  g_test_add_func ("/json/checked-apart", test_checked_apart);
  g_test_add_func ("/json/large-populated", test_large_populated);
  g_test_add_func ("/json/strict-grammar", test_strict_grammar);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/ratio", test_ratio);
  g_test_add_func ("/json/agrees-with-json-glib", test_agrees_with_json_glib);
  g_test_add_func ("/json/readers", test_readers);
  return g_test_run ();
}
