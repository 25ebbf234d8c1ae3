/* test-csv.c — reading CRM exports: encodings, separators, quoting, blank rows.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-csv.h"
#include "gs-error.h"

#include <string.h>

static GsCsv *
read_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  GsCsv *csv = gs_csv_read (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static GsCsv *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "actuals", name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  GsCsv *csv;
  g_assert_true (g_file_get_contents (path, &bytes, &len, &error));
  csv = gs_csv_read (bytes, len, &error);
  g_assert_no_error (error);
  return csv;
}

static const char *
field (GsCsv *csv, guint row, guint col)
{
  return ((char **) g_ptr_array_index (csv->rows, row))[col];
}

static guint
row_number (GsCsv *csv, guint row)
{
  return g_array_index (csv->row_numbers, guint, row);
}

static void
test_quoting (void)
{
  /* RFC 4180: a separator and a line break inside quotes, a doubled quote. */
  g_autoptr (GsCsv) csv
      = read_text ("a,b,c\r\n1,\"x, y\",\"line1\r\nline2\"\r\n2,\"say \"\"hi\"\"\",3\r\n");
  g_assert_cmpint (csv->delimiter, ==, ',');
  g_assert_cmpuint (csv->rows->len, ==, 3);
  g_assert_cmpstr (field (csv, 1, 1), ==, "x, y");
  g_assert_cmpstr (field (csv, 1, 2), ==, "line1\r\nline2");
  g_assert_cmpstr (field (csv, 2, 1), ==, "say \"hi\"");
  g_assert_cmpstr (csv->encoding, ==, "UTF-8");
}

static void
test_blank_rows (void)
{
  /* Blank lines and lines of bare separators are dropped; the rows keep
   * their record numbers (header 1, blank 3, ",," 5). */
  g_autoptr (GsCsv) csv = read_text ("a,b,c\n1,2,3\n\n4,5,6\n,,\n7,8,9\n");
  g_assert_cmpuint (csv->rows->len, ==, 4);
  g_assert_cmpuint (row_number (csv, 1), ==, 2);
  g_assert_cmpuint (row_number (csv, 2), ==, 4);
  g_assert_cmpuint (row_number (csv, 3), ==, 6);
  g_assert_cmpstr (field (csv, 3, 0), ==, "7");
}

static void
test_fields_in_place (void)
{
  /* Fields are written back into the text read: quotes undone, padding
   * trimmed (inside quotes too), a dropped blank row's text reused. */
  g_autoptr (GsCsv) csv = read_text ("a,b\r\n  \" x \" , \"\"\"q\"\"\"\r\n \" \",\r\n1,\"2\n3\"");
  g_assert_cmpuint (csv->rows->len, ==, 3);
  g_assert_cmpstr (field (csv, 1, 0), ==, "x");
  g_assert_cmpstr (field (csv, 1, 1), ==, "\"q\"");
  g_assert_null (((char **) g_ptr_array_index (csv->rows, 1))[2]);
  g_assert_cmpuint (row_number (csv, 2), ==, 4);
  g_assert_cmpstr (field (csv, 2, 0), ==, "1");
  g_assert_cmpstr (field (csv, 2, 1), ==, "2\n3");
  g_assert_cmpuint (gs_csv_n_columns (csv, 2), ==, 2);
}

static void
test_taking (void)
{
  /* The buffer given is read in place: the mark moved out, the fields in it. */
  g_autoptr (GError) error = NULL;
  char *bytes = g_strdup ("\xef\xbb\xbf"
                          "a;b\n\"1;5\";2\n");
  g_autoptr (GsCsv) csv = gs_csv_read_taking (bytes, strlen (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->encoding, ==, "UTF-8 with BOM");
  g_assert_true (csv->text == bytes);
  g_assert_cmpstr (field (csv, 0, 0), ==, "a");
  g_assert_cmpstr (field (csv, 1, 0), ==, "1;5");
  g_assert_cmpstr (field (csv, 1, 1), ==, "2");
  /* Refused, the buffer is freed all the same (valgrind/ASan would say). */
  g_assert_null (gs_csv_read_taking (g_strdup ("\xff\xfe\x00"), 3, NULL));
}

static void
test_delimiters (void)
{
  g_autoptr (GsCsv) semi = read_text ("a;b;\"c;d\"\n1,5;2;3\n");
  g_autoptr (GsCsv) tab = read_text ("a\tb\tc d\n1\t \t3\n");
  g_assert_cmpint (semi->delimiter, ==, ';');
  g_assert_cmpstr (field (semi, 0, 2), ==, "c;d");
  g_assert_cmpstr (field (semi, 1, 0), ==, "1,5");
  g_assert_cmpint (tab->delimiter, ==, '\t');
  g_assert_cmpstr (field (tab, 0, 2), ==, "c d");
  g_assert_cmpstr (field (tab, 1, 1), ==, "");
  g_assert_cmpstr (field (tab, 1, 2), ==, "3");
}

static void
test_encodings (void)
{
  g_autoptr (GsCsv) bom = read_fixture ("hubspot-deals.csv");
  g_autoptr (GsCsv) le = read_fixture ("contacts-utf16le.csv");
  g_autoptr (GsCsv) be = read_fixture ("contacts-utf16be.csv");
  g_autoptr (GsCsv) tab = read_fixture ("contacts-tab.csv");
  g_assert_cmpstr (bom->encoding, ==, "UTF-8 with BOM");
  g_assert_cmpstr (field (bom, 0, 0), ==, "Record ID"); /* the BOM is not part of the header */
  g_assert_cmpstr (field (bom, 2, 1), ==, "Globex\r\nrenewal");
  g_assert_cmpuint (bom->rows->len, ==, 5);
  g_assert_cmpstr (le->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (be->encoding, ==, "UTF-16BE");
  for (guint r = 0; r < tab->rows->len; r++)
    for (guint c = 0; c < gs_csv_n_columns (tab, r); c++)
      {
        g_assert_cmpstr (field (le, r, c), ==, field (tab, r, c));
        g_assert_cmpstr (field (be, r, c), ==, field (tab, r, c));
      }
  g_assert_cmpint (le->delimiter, ==, '\t');
}

static void
test_refused (void)
{
  static const struct
  {
    const char *text;
    gsize len;
    const char *message_part;
  } cases[] = {
    { "a,b\n1,\"open\n", 0, "not CSV" },      /* a quote never closed */
    { "a,b\n1,\"x\"y\n", 0, "not CSV" },      /* text after a closing quote */
    { "a,b\n\xe9t\xe9,1\n", 0, "not UTF-8" }, /* Latin-1 */
    { "\xff\xfe"
      "a\0",
      3, "UTF-16LE" }, /* odd byte count */
    { "\n\n,,\n", 0, "no header" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsCsv) csv = gs_csv_read (
          cases[i].text, cases[i].len ? cases[i].len : strlen (cases[i].text), &error);
      g_assert_null (csv);
      g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
      if (!strstr (error->message, cases[i].message_part))
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message_part);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/blank-rows", test_blank_rows);
  g_test_add_func ("/csv/fields-in-place", test_fields_in_place);
  g_test_add_func ("/csv/taking", test_taking);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/refused", test_refused);
  return g_test_run ();
}
