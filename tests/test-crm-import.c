/* test-crm-import.c — CRM exports into actuals: dates, amounts, headers,
 * owners, a test per malformed row, idempotent re-import, the round trip
 * through the plan file.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-json.h"
#include "gs-crm-amount.h"
#include "gs-crm-date.h"
#include "gs-crm-import.h"
#include "gs-crm-splits.h"
#include "gs-csv.h"
#include "gs-refused-csv.h"
#include "test-util.h"

#define DEALS_HEADER "Record ID,Deal Name,Deal owner,Amount,Deal Stage,Create Date,Close Date\n"
#define GOOD_DEAL "1,Good,Ann Lee,100,Closed Won,2027-01-05,2027-01-20\n"

typedef struct
{
  GsModel *model;
  GsActualsData *data;
  GsImportReport *report;
} Fixture;

static void
setup (Fixture *f, gconstpointer unused)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  (void) unused;
  f->model = decode_ok (tree); /* stages lead, mql, won; one source, inbound (marketing) */
  f->data = gs_actuals_data_new (f->model->n_stages);
  f->report = gs_import_report_new ();
}

static void
teardown (Fixture *f, gconstpointer unused)
{
  (void) unused;
  gs_import_report_free (f->report);
  gs_actuals_data_free (f->data);
  gs_model_free (f->model);
}

static gboolean
import_bytes (Fixture *f, GsCrmKind kind, const char *bytes, gsize len, GError **error)
{
  gs_import_report_free (f->report);
  f->report = gs_import_report_new ();
  return gs_crm_import (f->data, f->model, kind, bytes, len, f->report, error);
}

static void
import_ok (Fixture *f, GsCrmKind kind, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (import_bytes (f, kind, text, strlen (text), &error));
  g_assert_no_error (error);
}

static void
import_fixture (Fixture *f, GsCrmKind kind, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "actuals", name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path, &bytes, &len, &error));
  g_assert_true (import_bytes (f, kind, bytes, len, &error));
  g_assert_no_error (error);
}

static const GsActualDeal *
deal (Fixture *f, const char *id)
{
  for (guint i = 0; i < f->data->n_deals; i++)
    if (strcmp (f->data->deals[i].id, id) == 0)
      return &f->data->deals[i];
  g_error ("no deal %s", id);
}

static void
assert_date (const GDate *d, guint year, guint month, guint day)
{
  g_assert_true (g_date_valid (d));
  g_assert_cmpuint (g_date_get_year (d), ==, year);
  g_assert_cmpuint (g_date_get_month (d), ==, month);
  g_assert_cmpuint (g_date_get_day (d), ==, day);
}

/* Values ------------------------------------------------------------------ */

static void
test_amounts (void)
{
  static const struct
  {
    const char *text;
    gboolean decimal_comma;
    GsMoney minor;
  } ok[] = {
    { "$1,234.50", FALSE, 123450 },
    { "1.234,50 €", TRUE, 123450 },
    { "USD 1 234,50", TRUE, 123450 },
    { "1234.5", FALSE, 123450 },
    { "1,234", FALSE, 123400 }, /* a US file: 1,234 groups thousands */
    { "1,234", TRUE, 0 },       /* a ; file: 1,234 has three decimals, see below */
    { "2.500", TRUE, 250000 },
    { "1,234,567", FALSE, 123456700 },
    { "USD 99", FALSE, 9900 },
    { "0", FALSE, 0 },
    { "1\u202f234,5", TRUE, 123450 }, /* narrow no-break space groups in French exports */
    /* Longer than the 64 bytes read on the stack: 80 spaces, then 7.25. */
    { "$                                                                                7.25",
      FALSE, 725 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr (GError) error = NULL;
      GsMoney v = -1;
      if (i == 5)
        {
          /* "1,234" with decimal commas has three decimals: too many for USD. */
          g_assert_false (gs_crm_amount_parse (ok[i].text, "USD", 2, TRUE, &v, &error));
          continue;
        }
      g_assert_true (gs_crm_amount_parse (ok[i].text, "USD", 2, ok[i].decimal_comma, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (v, ==, ok[i].minor);
    }
}

static void
test_amounts_refused (void)
{
  static const struct
  {
    const char *text;
    const char *reason;
  } bad[] = {
    { "-500", "negative" },
    { "(500)", "negative" },
    { "lots", "not a number" },
    { "$", "not a number" },
    { "EUR 12", "in EUR, the plan is in USD" },
    { "12.345", "" }, /* three decimals in a two-digit currency */
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      GsMoney v;
      g_assert_false (gs_crm_amount_parse (bad[i].text, "USD", 2, FALSE, &v, &error));
      g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].reason));
    }
}

static void
test_dates (void)
{
  GDate d;
  GsDateEvidence ev = { 0 };
  GsDateOrder order;
  g_autoptr (GError) error = NULL;

  g_assert_true (gs_crm_date_parse ("2027-03-04", GS_DATE_ORDER_MDY, &d));
  assert_date (&d, 2027, 3, 4); /* ISO whatever the order */
  g_assert_true (gs_crm_date_parse ("2027-03-04T10:15:00Z", GS_DATE_ORDER_DMY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_true (gs_crm_date_parse ("03/04/2027", GS_DATE_ORDER_DMY, &d));
  assert_date (&d, 2027, 4, 3);
  g_assert_true (gs_crm_date_parse ("03/04/2027 10:15 AM", GS_DATE_ORDER_MDY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_true (gs_crm_date_parse ("4.3.27", GS_DATE_ORDER_DMY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_false (gs_crm_date_parse ("2027-02-30", GS_DATE_ORDER_DMY, &d));
  g_assert_false (gs_crm_date_parse ("13/13/2027", GS_DATE_ORDER_DMY, &d));
  g_assert_false (gs_crm_date_parse ("03/04-2027", GS_DATE_ORDER_DMY, &d));
  g_assert_false (gs_crm_date_parse ("soon", GS_DATE_ORDER_DMY, &d));
  /* Forms outside the plain-digits path read as sscanf's "%d%c%d%c%d" does:
   * a space or sign before a number, a number of ten digits. */
  g_assert_true (gs_crm_date_parse ("3/ 4/2027", GS_DATE_ORDER_MDY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_true (gs_crm_date_parse ("+3/4/2027", GS_DATE_ORDER_MDY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_true (gs_crm_date_parse ("0000000003/04/2027", GS_DATE_ORDER_MDY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_true (gs_crm_date_parse ("2027-3-4", GS_DATE_ORDER_DMY, &d));
  assert_date (&d, 2027, 3, 4);
  g_assert_false (gs_crm_date_parse ("2027-03-", GS_DATE_ORDER_DMY, &d));
  g_assert_false (gs_crm_date_parse ("2027-03-04x", GS_DATE_ORDER_DMY, &d));

  /* Per file: one 13/01 decides day first for 03/04 in the same file. */
  gs_date_evidence_add (&ev, "03/04/2027");
  gs_date_evidence_add (&ev, "2027-05-06");
  g_assert_false (gs_date_order_decide (&ev, GS_DATE_ORDER_AUTO, &order, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "03/04/2027"));
  g_clear_error (&error);
  g_assert_true (gs_date_order_decide (&ev, GS_DATE_ORDER_MDY, &order, &error));
  g_assert_cmpint (order, ==, GS_DATE_ORDER_MDY);
  gs_date_evidence_add (&ev, "13/01/2027");
  g_assert_true (gs_date_order_decide (&ev, GS_DATE_ORDER_AUTO, &order, &error));
  g_assert_cmpint (order, ==, GS_DATE_ORDER_DMY);
  g_assert_false (gs_date_order_decide (&ev, GS_DATE_ORDER_MDY, &order, &error));
  g_clear_error (&error);
  gs_date_evidence_add (&ev, "01/13/2027");
  g_assert_false (gs_date_order_decide (&ev, GS_DATE_ORDER_AUTO, &order, &error));
  g_assert_nonnull (strstr (error->message, "mix"));
  gs_date_evidence_clear (&ev);
}

/* Whole files ------------------------------------------------------------- */

static void
test_hubspot_deals (Fixture *f, gconstpointer unused)
{
  const GsActualDeal *d;
  (void) unused;
  import_fixture (f, GS_CRM_DEALS, "hubspot-deals.csv");
  g_assert_cmpstr (f->report->style, ==, "HubSpot");
  g_assert_cmpstr (f->report->encoding, ==, "UTF-8 with BOM");
  g_assert_cmpint (f->report->date_order, ==, GS_DATE_ORDER_MDY); /* 01/15/2027 */
  g_assert_cmpuint (f->report->rows, ==, 4);                      /* blank rows are not rows */
  g_assert_cmpuint (f->report->imported, ==, 4);
  g_assert_cmpuint (f->report->refused, ==, 0);
  d = deal (f, "101");
  g_assert_cmpstr (d->name, ==, "Acme, Inc.");
  g_assert_cmpint (d->amount, ==, 1200000);
  g_assert_cmpint (d->status, ==, GS_DEAL_WON);
  g_assert_cmpuint (d->stage, ==, 2);
  assert_date (&d->created, 2027, 1, 10);
  assert_date (&d->closed, 2027, 2, 1);
  g_assert_cmpint (d->source, ==, 0); /* Organic Search → the marketing source */
  d = deal (f, "102");
  g_assert_cmpstr (d->name, ==, "Globex\r\nrenewal");
  g_assert_cmpint (d->status, ==, GS_DEAL_OPEN);
  g_assert_cmpuint (d->stage, ==, 1); /* no opportunity stage: the one before the win */
  g_assert_false (g_date_valid (&d->closed));
  g_assert_cmpint (d->source, ==, -1); /* the tiny plan has no partner source */
  g_assert_cmpint (deal (f, "103")->status, ==, GS_DEAL_LOST);
  /* Owners: "Ann Lee", then "Ann Lee <ann.lee@…>" is her with her e-mail;
   * "Bob Ray (bob@…)" and "BOB@EXAMPLE.COM" are one person. */
  g_assert_cmpuint (f->data->n_people, ==, 2);
  g_assert_cmpstr (f->data->people[0].name, ==, "Ann Lee");
  g_assert_cmpstr (f->data->people[0].email, ==, "ann.lee@example.com");
  g_assert_cmpstr (f->data->people[0].role, ==, "ae");
  g_assert_cmpstr (f->data->people[1].id, ==, "bob_ray");
  g_assert_cmpint (deal (f, "101")->owner, ==, deal (f, "102")->owner);
  g_assert_cmpint (deal (f, "103")->owner, ==, 1);
  g_assert_cmpint (deal (f, "104")->owner, ==, 1);
  g_assert_cmpuint (f->report->new_people->len, ==, 2);
  g_assert_cmpuint (f->report->unmapped_sources->len, ==,
                    3); /* Partner Referral, Offline, Comic Con */
  /* What was assumed is written into the mapping, to be corrected. */
  g_assert_cmpstr (
      gs_actuals_map_lookup (f->data->mapping.stages, f->data->mapping.n_stages, "closed lost"), ==,
      "lost");
  g_assert_cmpstr (gs_actuals_map_lookup (f->data->mapping.sources, f->data->mapping.n_sources,
                                          "Organic Search"),
                   ==, "inbound");
}

static void
test_salesforce_semicolons (Fixture *f, gconstpointer unused)
{
  const GsImportProblem *p;
  (void) unused;
  import_fixture (f, GS_CRM_DEALS, "salesforce-opportunities.csv");
  g_assert_cmpstr (f->report->style, ==, "Salesforce");
  g_assert_cmpint (f->report->delimiter, ==, ';');
  g_assert_cmpint (f->report->date_order, ==, GS_DATE_ORDER_DMY); /* 13.01.2027 */
  g_assert_cmpuint (f->report->rows, ==, 3);
  g_assert_cmpuint (f->report->imported, ==, 2);
  g_assert_cmpuint (f->report->refused, ==, 1);
  g_assert_cmpint (deal (f, "0061")->amount, ==, 123450); /* 1.234,50 € */
  g_assert_cmpint (deal (f, "0061")->status, ==, GS_DEAL_WON);
  assert_date (&deal (f, "0061")->created, 2027, 1, 13);
  g_assert_cmpint (deal (f, "0062")->amount, ==, 1200000);
  g_assert_cmpstr (deal (f, "0062")->name, ==, "Dupont; Fils");
  /* "jorg muller" is " Jörg Müller ": case and accents do not matter. */
  g_assert_cmpuint (f->data->n_people, ==, 1);
  g_assert_cmpint (deal (f, "0062")->owner, ==, 0);
  /* The plan is in USD: an amount in EUR is refused, named by the row a
   * spreadsheet shows it on (header 1, then 2, 3, the ";;;" line 4),
   * column and value. */
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 5);
  g_assert_cmpstr (p->column, ==, "Amount");
  g_assert_cmpstr (p->value, ==, "EUR 2.500");
  g_assert_cmpstr (p->reason, ==, "the amount is in EUR, the plan is in USD");
}

static void
test_contacts_utf16 (Fixture *f, gconstpointer unused)
{
  const char *const names[]
      = { "contacts-utf16le.csv", "contacts-utf16be.csv", "contacts-tab.csv" };
  (void) unused;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      import_fixture (f, GS_CRM_LEADS, names[i]);
      g_assert_cmpuint (f->data->n_leads, ==, 3);
      g_assert_cmpuint (f->report->rows, ==, 3);
      /* The same records each time: the second and third files change nothing. */
      g_assert_cmpuint (f->report->imported, ==, i == 0 ? 3 : 0);
      g_assert_cmpuint (f->report->unchanged, ==, i == 0 ? 0 : 3);
    }
  assert_date (&f->data->leads[0].reached[0], 2027, 1, 5);
  assert_date (&f->data->leads[0].reached[1], 2027, 1, 10);
  g_assert_false (g_date_valid (&f->data->leads[1].reached[1]));
  assert_date (&f->data->leads[2].reached[0], 2027, 2, 3); /* "2027-02-03 09:15" */
  g_assert_cmpint (f->data->leads[2].owner, ==, -1);
}

static void
test_ambiguous_dates (Fixture *f, gconstpointer unused)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "actuals", "salesforce-leads-ambiguous.csv", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  (void) unused;
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  /* 3/4, 3/5 and 3/7 fit both orders: the file is refused as a whole … */
  g_assert_false (import_bytes (f, GS_CRM_LEADS, bytes, len, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date_order"));
  g_assert_cmpuint (f->data->n_leads, ==, 0);
  g_clear_error (&error);
  /* … until the mapping says which. */
  f->data->mapping.date_order = GS_DATE_ORDER_MDY;
  g_assert_true (import_bytes (f, GS_CRM_LEADS, bytes, len, &error));
  assert_date (&f->data->leads[0].reached[0], 2027, 3, 4);
  f->data->mapping.date_order = GS_DATE_ORDER_DMY;
  g_assert_true (import_bytes (f, GS_CRM_LEADS, bytes, len, &error));
  g_assert_cmpuint (f->report->updated, ==, 2); /* the same ids, other dates */
  assert_date (&f->data->leads[0].reached[0], 2027, 4, 3);
}

/* One malformed row next to a good one: the good one imports, the bad one
 * is refused with its row, column, value and reason. */
typedef struct
{
  const char *row;
  const char *column;
  const char *value;
  const char *reason;
} Malformed;

static const Malformed malformed[] = {
  { ",No id,Ann Lee,100,Closed Won,2027-01-05,2027-01-20\n", "Record ID", "",
    "the record has no id" },
  { "2,Bad date,Ann Lee,100,Closed Won,2027-02-30,2027-03-20\n", "Create Date", "2027-02-30",
    "not a date" },
  { "2,No create,Ann Lee,100,Closed Won,,2027-03-20\n", "Create Date", "",
    "the record has no create date" },
  { "2,Negative,Ann Lee,-100,Closed Won,2027-01-05,2027-01-20\n", "Amount", "-100",
    "an amount cannot be negative" },
  { "2,Words,Ann Lee,a lot,Closed Won,2027-01-05,2027-01-20\n", "Amount", "a lot", "not a number" },
  { "2,Stage,Ann Lee,100,Kinda Interested,2027-01-05,\n", "Deal Stage", "Kinda Interested",
    "an unknown stage" },
  { "2,Early,Ann Lee,100,Closed Won,2027-01-05,2027-01-04\n", "Close Date", "2027-01-04",
    "the close date is before the create date" },
  { "2,Open end,Ann Lee,100,Closed Won,2027-01-05,\n", "Close Date", "",
    "a won or lost deal needs its close date" },
  { "2,Cents,Ann Lee,100.505,Closed Won,2027-01-05,2027-01-20\n", "Amount", "100.505", "" },
};

static void
test_malformed (Fixture *f, gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *text = g_strconcat (DEALS_HEADER, GOOD_DEAL, m->row, NULL);
  const GsImportProblem *p;
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->rows, ==, 2);
  g_assert_cmpuint (f->report->imported, ==, 1);
  g_assert_cmpuint (f->report->refused, ==, 1);
  g_assert_cmpuint (f->data->n_deals, ==, 1);
  g_assert_cmpuint (f->report->problems->len, ==, 1);
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 3);
  g_assert_cmpstr (p->column, ==, m->column);
  g_assert_cmpstr (p->value, ==, m->value);
  if (!g_str_has_prefix (p->reason, m->reason))
    g_error ("reason “%s”, expected “%s”", p->reason, m->reason);
}

static void
test_file_refused (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  const char *no_amount = "Record ID,Deal Stage,Create Date\n1,Closed Won,2027-01-05\n";
  const char *broken = DEALS_HEADER "1,\"never closed,Ann,1,Closed Won,2027-01-05,\n";
  (void) unused;
  g_assert_false (import_bytes (f, GS_CRM_DEALS, broken, strlen (broken), &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (import_bytes (f, GS_CRM_DEALS, no_amount, strlen (no_amount), &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "no column holds the amount field (a header like “amount”; name the column in "
                   "the mapping's columns)");
  g_assert_cmpuint (f->data->n_deals, ==, 0);
}

static void
test_mapping_columns (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) map = gs_json_parse (
      "{\"columns\": {\"amount\": \"Deal Value\"}, \"stages\": {\"Signed\": \"won\"},"
      " \"sources\": {\"Trade fair\": \"inbound\"}, \"owner_role\": \"sdr\"}",
      -1, &error);
  const char *text = "Record ID,Deal Value,Deal Stage,Create Date,Close Date,Lead Source,Owner\n"
                     "7,\"1,500\",Signed,2027-01-05,2027-01-09,Trade fair,Kim Jo\n";
  (void) unused;
  g_assert_true (gs_actuals_mapping_merge (f->data, f->model, map, &error));
  g_assert_no_error (error);
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->imported, ==, 1);
  g_assert_cmpint (deal (f, "7")->amount, ==, 150000);
  g_assert_cmpint (deal (f, "7")->status, ==, GS_DEAL_WON);
  g_assert_cmpint (deal (f, "7")->source, ==, 0);
  g_assert_cmpstr (f->data->people[0].role, ==, "sdr");
  /* A mapping naming a stage the plan lacks is refused. */
  g_clear_pointer (&map, json_node_unref);
  map = gs_json_parse ("{\"stages\": {\"Signed\": \"contract\"}}", -1, &error);
  g_assert_false (gs_actuals_mapping_merge (f->data, f->model, map, &error));
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
}

static void
test_reimport (Fixture *f, gconstpointer unused)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "actuals", "hubspot-deals.csv", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *changed = NULL;
  GError *error = NULL;
  gsize len;
  (void) unused;
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (import_bytes (f, GS_CRM_DEALS, bytes, len, &error));
  g_assert_true (import_bytes (f, GS_CRM_DEALS, bytes, len, &error));
  g_assert_cmpuint (f->data->n_deals, ==, 4);
  g_assert_cmpuint (f->report->imported, ==, 0);
  g_assert_cmpuint (f->report->unchanged, ==, 4);
  /* A later export where 102 grew and 105 is new: one update, one import. */
  changed = g_strconcat (
      bytes, "105,New,Ann Lee,50,Closed Won,03/01/2027,03/02/2027,Organic Search\n", NULL);
  memcpy (strstr (changed, "$8,000"), "$9,000", 6);
  g_assert_true (import_bytes (f, GS_CRM_DEALS, changed, strlen (changed), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->data->n_deals, ==, 5);
  g_assert_cmpuint (f->report->imported, ==, 1);
  g_assert_cmpuint (f->report->updated, ==, 1);
  g_assert_cmpuint (f->report->unchanged, ==, 3);
  g_assert_cmpint (deal (f, "102")->amount, ==, 900000);
}

/* An owner longer than a plan's names (GS_MAX_NAME) refuses its row, with
 * the column and the lengths; the rest imports, and an owner of exactly the
 * limit becomes a person whose id and name the plan reads back. */
static void
test_long_owner (Fixture *f, gconstpointer unused)
{
  g_autofree char *longest = g_strnfill (GS_MAX_NAME, 'a');
  g_autofree char *too_long = g_strnfill (GS_MAX_NAME + 6, 'b');
  g_autofree char *local = g_strnfill (GS_MAX_NAME - 11, 'c');
  g_autofree char *text
      = g_strdup_printf (DEALS_HEADER GOOD_DEAL
                         "2,Long,%s,100,Closed Won,2027-01-05,2027-01-20\n"
                         "3,Longest,%s,100,Closed Won,2027-01-05,2027-01-20\n"
                         "4,Mail,Kim Jo <%s@example.com>,100,Closed Won,2027-01-05,2027-01-20\n",
                         too_long, longest, local);
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) back = NULL;
  g_autoptr (GError) error = NULL;
  const GsImportProblem *p;
  (void) unused;
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->imported, ==, 2);
  g_assert_cmpuint (f->report->refused, ==, 2);
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 3);
  g_assert_cmpstr (p->column, ==, "Deal owner");
  g_assert_cmpstr (p->value, ==, too_long);
  g_assert_cmpstr (p->reason, ==, "a name of 206 characters; at most 200 are allowed");
  p = g_ptr_array_index (f->report->problems, 1);
  g_assert_cmpuint (p->row, ==, 5);
  g_assert_cmpstr (p->reason, ==, "an e-mail address of 201 characters; at most 200 are allowed");
  /* Neither refused owner joined the roster. */
  g_assert_cmpuint (f->data->n_people, ==, 2);
  g_assert_cmpstr (deal (f, "3")->owner >= 0 ? f->data->people[deal (f, "3")->owner].name : NULL,
                   ==, longest);
  g_assert_cmpuint (strlen (f->data->people[1].id), <=, GS_MAX_NAME);
  g_assert_true (gs_json_replace (tree, "actuals", gs_actuals_to_json (f->data, f->model), &error));
  patch (tree, "version", "\"1.1\"");
  back = decode_ok (tree);
  g_assert_cmpuint (back->actuals->n_people, ==, 2);
}

/* A new record past the plan's limit on deals refuses its row (the plan
 * would not load again); a record the actuals hold still updates. */
static void
test_deals_limit (Fixture *f, gconstpointer unused)
{
  const char *text = DEALS_HEADER "d7,Held,,100,Closed Won,2027-01-05,2027-01-20\n"
                                  "new,New,,100,Closed Won,2027-01-05,2027-01-20\n";
  const GsImportProblem *p;
  (void) unused;
  f->data->deals = g_new0 (GsActualDeal, GS_MAX_DEALS);
  for (guint i = 0; i < GS_MAX_DEALS; i++)
    {
      GsActualDeal *d = &f->data->deals[i];
      d->id = g_strdup_printf ("d%u", i);
      d->owner = d->source = -1;
      g_date_clear (&d->created, 1);
      g_date_clear (&d->closed, 1);
      g_date_set_dmy (&d->created, 1, 1, 2027);
    }
  f->data->n_deals = GS_MAX_DEALS;
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->updated, ==, 1);
  g_assert_cmpuint (f->report->refused, ==, 1);
  g_assert_cmpuint (f->data->n_deals, ==, GS_MAX_DEALS);
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 3);
  g_assert_null (p->column);
  g_assert_cmpstr (p->reason, ==, "the plan holds 150,000 deals, the most it can; this one is new");
}

/* The refused rows as CSV: the file's header and separator, each refused
 * row's cells as they were (a quoted separator, a quote and a line break
 * quoted again), a Reason column; read back, it is the same rows. */
static void
test_refused_csv (Fixture *f, gconstpointer unused)
{
  const char *text = "Record ID;Deal Name;Amount;Deal Stage;Create Date;Close Date\n"
                     "1;Good;100;Closed Won;2027-01-05;2027-01-20\n"
                     "2;\"Bad; \"\"big\"\"\nname\";lots;Closed Won;2027-01-05;2027-01-20\n"
                     "3;Short;100;Closed Won;2027-01-25;2027-01-20\n";
  g_autofree char *csv = NULL;
  g_autoptr (GsCsv) back = NULL;
  g_autoptr (GError) error = NULL;
  char **row;
  gsize length;
  (void) unused;
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->refused, ==, 2);
  csv = gs_refused_csv (f->report, &length);
  g_assert_cmpstr (
      csv, ==,
      "\xef\xbb\xbfRecord ID;Deal Name;Amount;Deal Stage;Create Date;Close Date;Reason\r\n"
      "2;\"Bad; \"\"big\"\"\nname\";lots;Closed Won;2027-01-05;2027-01-20;"
      "Amount: not a number\r\n"
      "3;Short;100;Closed Won;2027-01-25;2027-01-20;"
      "Close Date: the close date is before the create date\r\n");
  g_assert_cmpuint (length, ==, strlen (csv));
  back = gs_csv_read (csv, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->delimiter, ==, ';');
  g_assert_cmpuint (back->rows->len, ==, 3);
  row = g_ptr_array_index (back->rows, 1);
  g_assert_cmpstr (row[1], ==, "Bad; \"big\"\nname");
  g_assert_cmpstr (row[6], ==, "Amount: not a number");
}

static void
test_summary (void)
{
  g_autoptr (GsImportReport) r = gs_import_report_new ();
  g_autofree char *line = NULL, *again = NULL;
  r->rows = 1204, r->imported = 1180, r->updated = 3, r->refused = 21;
  line = gs_import_report_summary (r);
  g_assert_cmpstr (line, ==, "1,204 rows: 1,180 imported, 3 updated, 21 refused");
  r->unchanged = 1000;
  again = gs_import_report_summary (r);
  g_assert_cmpstr (again, ==, "1,204 rows: 1,180 imported, 3 updated, 21 refused, 1,000 unchanged");
}

/* The actuals written into the plan decode back to the same records. */
static void
test_round_trip (Fixture *f, gconstpointer unused)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) back = NULL;
  g_autoptr (GError) error = NULL;
  (void) unused;
  import_fixture (f, GS_CRM_DEALS, "hubspot-deals.csv");
  import_fixture (f, GS_CRM_LEADS, "contacts-utf16le.csv");
  g_assert_true (gs_json_replace (tree, "actuals", gs_actuals_to_json (f->data, f->model), &error));
  patch (tree, "version", "\"1.1\"");
  back = decode_ok (tree);
  g_assert_nonnull (back->actuals);
  g_assert_cmpuint (back->actuals->n_deals, ==, 4);
  g_assert_cmpuint (back->actuals->n_leads, ==, 3);
  g_assert_cmpuint (back->actuals->n_people, ==, 2);
  for (guint i = 0; i < f->data->n_deals; i++)
    {
      const GsActualDeal *a = &f->data->deals[i], *b = &back->actuals->deals[i];
      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->amount, ==, b->amount);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpint (a->owner, ==, b->owner);
      g_assert_cmpint (a->source, ==, b->source);
      g_assert_cmpint (g_date_compare (&a->created, &b->created), ==, 0);
    }
  /* A broken record is refused with its path, like any other field. */
  patch (tree, "actuals.deals[1].stage", "\"contract\"");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_cmpstr (error->message, ==,
                   "actuals.deals[1].stage: “contract” is not a stage of the funnel");
}

/* The crediting columns: a Splits cell, a second owner with the split
 * percent, payment and refund dates; a bad cell refuses its row by column. */
static void
test_split_columns (Fixture *f, gconstpointer unused)
{
  static const char *text
      = "Record ID,Deal owner,Amount,Deal Stage,Create Date,Close Date,Splits,Deal owner 2,"
        "Split %,Payment Date,Refund Date\n"
        "1,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,Ann Lee 85%; Omar Ali 15%,,,"
        "2027-02-01,2027-03-01\n"
        "2,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,Bob Ray,70,,\n"
        "3,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,Ann Lee 85%; Omar Ali 10%,,,,\n"
        "4,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,Ann Lee,,,,\n"
        "5,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,,,,2027-01-10\n";
  const GsActualDeal *d;
  const GsImportProblem *p;
  (void) unused;
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->imported, ==, 2);
  g_assert_cmpuint (f->report->refused, ==, 3);
  d = deal (f, "1");
  g_assert_cmpuint (d->n_splits, ==, 2);
  g_assert_cmpstr (f->data->people[d->splits[1].person].name, ==, "Omar Ali");
  g_assert_cmpfloat_with_epsilon (d->splits[0].share, 0.85, 1e-12);
  g_assert_cmpuint (g_date_get_month (&d->paid), ==, 2);
  g_assert_cmpuint (g_date_get_month (&d->refunded), ==, 3);
  d = deal (f, "2"); /* Ann 70 %, Bob the rest */
  g_assert_cmpuint (d->n_splits, ==, 2);
  g_assert_cmpfloat_with_epsilon (d->splits[0].share, 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->splits[1].share, 0.3, 1e-12);
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 4);
  g_assert_cmpstr (p->column, ==, "Splits");
  g_assert_cmpstr (p->reason, ==, "deal “3”: the revenue splits add up to 95 %, not 100 %");
  p = g_ptr_array_index (f->report->problems, 1);
  g_assert_cmpstr (p->column, ==, "Splits");
  g_assert_cmpstr (p->reason, ==, "“Ann Lee” is not a name and a percent, such as “Maya Chen 85%”");
  p = g_ptr_array_index (f->report->problems, 2);
  g_assert_cmpstr (p->column, ==, "Refund Date");
  g_assert_cmpstr (p->reason, ==, "a deal is refunded on or after its close date");
}

/* The pay terms: a Discount % column (a bare number is a percent there), a
 * list price the discount is derived from, term, deal type and SPIF tags by
 * id or name; each bad cell refuses its row with the column and reason; the
 * terms survive the round trip through the plan file, and the plan is 1.3. */
static void
test_deal_terms (Fixture *f, gconstpointer unused)
{
  static const char *text
      = "Record ID,Deal owner,Amount,Deal Stage,Create Date,Close Date,Discount %,List Price,"
        "Term (months),Deal Type,SPIF\n"
        "1,Ann Lee,85000,Closed Won,2027-01-05,2027-01-20,15,,36,New Business,"
        "multi-year; Partner deal\n"
        "2,Ann Lee,\"85,000\",Closed Won,2027-01-05,2027-01-20,,\"100,000\",2 years,"
        "Existing Business - Renewal,\n"
        "3,Ann Lee,90000,Closed Won,2027-01-05,2027-01-20,,80000,,newbusiness,\n"
        "4,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,120,,,,\n"
        "5,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,,forever,,\n"
        "6,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,,,Barter,\n"
        "7,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,,,,no-such-spif\n"
        "8,Ann Lee,100,Closed Won,2027-01-05,2027-01-20,,,,,\n";
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsModel) back = NULL;
  g_autoptr (GError) error = NULL;
  const GsActualDeal *d;
  const GsImportProblem *p;
  (void) unused;
  /* Two SPIFs, so the tags have something to name. */
  patch (
      tree, "compensation",
      "{\"roles\": [{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\","
      " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1,"
      " \"table\": {\"type\": \"flat\", \"rate\": 1}}],"
      " \"spifs\": [{\"id\": \"multi-year\", \"name\": \"Multi-year deal\", \"amount\": \"500.00\","
      " \"from\": \"2027-01-01\", \"to\": \"2027-12-31\"},"
      " {\"id\": \"partner\", \"name\": \"Partner deal\", \"amount\": \"250.00\","
      " \"from\": \"2027-01-01\", \"to\": \"2027-12-31\"}]}]}");
  gs_model_free (f->model);
  f->model = decode_ok (tree);
  import_ok (f, GS_CRM_DEALS, text);
  g_assert_cmpuint (f->report->imported, ==, 4);
  g_assert_cmpuint (f->report->refused, ==, 4);
  d = deal (f, "1"); /* "15" under "Discount %" is 15 % */
  g_assert_cmpfloat (d->discount, ==, 0.15);
  g_assert_cmpuint (d->term_months, ==, 36);
  g_assert_cmpint (d->type, ==, GS_DEAL_TYPE_NEW);
  g_assert_cmpstrv (d->spifs, ((const char *const[]){ "multi-year", "partner", NULL }));
  d = deal (f, "2"); /* 1 − 85,000 ÷ 100,000 = 15 %; two years are 24 months */
  g_assert_cmpfloat (d->discount, ==, 0.15);
  g_assert_cmpuint (d->term_months, ==, 24);
  g_assert_cmpint (d->type, ==, GS_DEAL_TYPE_EXISTING);
  g_assert_null (d->spifs);
  d = deal (f, "3"); /* sold above its list price: no discount */
  g_assert_cmpfloat (d->discount, ==, 0);
  g_assert_cmpint (d->type, ==, GS_DEAL_TYPE_NEW);
  d = deal (f, "8"); /* nothing said: unknown */
  g_assert_cmpfloat (d->discount, <, 0);
  g_assert_cmpuint (d->term_months, ==, 0);
  g_assert_cmpint (d->type, ==, GS_DEAL_TYPE_UNKNOWN);
  p = g_ptr_array_index (f->report->problems, 0);
  g_assert_cmpuint (p->row, ==, 5);
  g_assert_cmpstr (p->column, ==, "Discount %");
  g_assert_cmpstr (p->reason, ==, "a discount is between 0 % and 100 % of the list price");
  p = g_ptr_array_index (f->report->problems, 1);
  g_assert_cmpstr (p->column, ==, "Term (months)");
  g_assert_cmpstr (p->reason, ==,
                   "not a term: write whole months (36) or years (3 years), at most 600 months");
  p = g_ptr_array_index (f->report->problems, 2);
  g_assert_cmpstr (p->column, ==, "Deal Type");
  p = g_ptr_array_index (f->report->problems, 3);
  g_assert_cmpstr (p->column, ==, "SPIF");
  g_assert_cmpstr (p->value, ==, "no-such-spif");
  g_assert_cmpstr (p->reason, ==,
                   "“no-such-spif” is not a SPIF of the pay plan (give a SPIF's id or name)");
  g_assert_cmpuint (gs_actuals_data_format_minor (f->data), ==, 3);

  /* Through the plan file and back. */
  g_assert_true (gs_json_replace (tree, "actuals", gs_actuals_to_json (f->data, f->model), &error));
  patch (tree, "version", "\"1.3\"");
  back = decode_ok (tree);
  for (guint i = 0; i < f->data->n_deals; i++)
    g_assert_true (gs_actual_deal_same_credit (&f->data->deals[i], &back->actuals->deals[i]));
  /* Bad terms in a plan file are refused with their path. */
  patch (tree, "actuals.deals[0].discount", "1.5");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_cmpstr (error->message, ==,
                   "actuals.deals[0].discount: 1.5 is not a rate between 0 and 1");
  g_clear_error (&error);
  patch (tree, "actuals.deals[0].discount", "0.15");
  patch (tree, "actuals.deals[0].spifs", "[\"multi-year\", \"multi-year\"]");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_cmpstr (error->message, ==,
                   "actuals.deals[0].spifs[1]: the deal is tagged for SPIF “multi-year” twice");
  g_clear_error (&error);
  patch (tree, "actuals.deals[0].spifs", "[]");
  patch (tree, "actuals.deals[0].type", "\"renewal\"");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_nonnull (strstr (error->message, "actuals.deals[0].type: "));
  g_clear_error (&error);
  patch (tree, "actuals.deals[0].type", "\"new\"");
  patch (tree, "actuals.deals[0].term_months", "601");
  g_assert_null (gs_model_decode (tree, &error));
  g_assert_nonnull (strstr (error->message, "actuals.deals[0].term_months: "));
}

/* A splits file replaces the splits and overlays of the deals it names, all
 * or nothing. */
static void
test_splits_file (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  static const char *good = "Deal ID,Person,Percent,Kind\n1,Ann Lee,60%,split\n"
                            "1,Cy Lin,40,split\n1,Sam Park,10%,overlay\n";
  static const char *bad_sum = "Deal ID,Person,Percent,Kind\n1,Ann Lee,60%,split\n";
  static const char *bad_kind = "Deal ID,Person,Percent,Kind\n1,Ann Lee,60%,split\n"
                                "1,Cy Lin,40%,half\n";
  static const char *bad_deal = "Deal ID,Person,Percent\n99,Ann Lee,100%\n";
  const GsActualDeal *d;
  (void) unused;
  import_ok (f, GS_CRM_DEALS, DEALS_HEADER GOOD_DEAL);
  g_assert_true (gs_crm_import_splits (f->data, good, strlen (good), added, &error));
  g_assert_no_error (error);
  d = deal (f, "1");
  g_assert_cmpuint (d->n_splits, ==, 2);
  g_assert_cmpuint (d->n_overlays, ==, 1);
  g_assert_cmpfloat_with_epsilon (d->overlays[0].share, 0.1, 1e-12);
  g_assert_cmpuint (added->len, ==, 2); /* Cy Lin, Sam Park */
  g_assert_false (gs_crm_import_splits (f->data, bad_sum, strlen (bad_sum), NULL, &error));
  g_assert_cmpstr (error->message, ==, "deal “1”: the revenue splits add up to 60 %, not 100 %");
  g_clear_error (&error);
  g_assert_cmpuint (deal (f, "1")->n_splits, ==, 2); /* unchanged */
  g_assert_false (gs_crm_import_splits (f->data, bad_kind, strlen (bad_kind), NULL, &error));
  g_assert_cmpstr (error->message, ==, "row 3, column “Kind”: “half” is neither split nor overlay");
  g_clear_error (&error);
  g_assert_false (gs_crm_import_splits (f->data, bad_deal, strlen (bad_deal), NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "row 2, column “Deal ID”: “99” is not a deal of the plan's actuals");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crm/amounts", test_amounts);
  g_test_add_func ("/crm/amounts-refused", test_amounts_refused);
  g_test_add_func ("/crm/dates", test_dates);
  g_test_add_func ("/crm/summary", test_summary);
#define ADD(name, fn) g_test_add ("/crm/" name, Fixture, NULL, setup, fn, teardown)
  ADD ("hubspot-deals", test_hubspot_deals);
  ADD ("salesforce-semicolons", test_salesforce_semicolons);
  ADD ("contacts-utf16", test_contacts_utf16);
  ADD ("ambiguous-dates", test_ambiguous_dates);
  ADD ("file-refused", test_file_refused);
  ADD ("mapping-columns", test_mapping_columns);
  ADD ("reimport", test_reimport);
  ADD ("round-trip", test_round_trip);
  ADD ("long-owner", test_long_owner);
  ADD ("deals-limit", test_deals_limit);
  ADD ("refused-csv", test_refused_csv);
  ADD ("split-columns", test_split_columns);
  ADD ("splits-file", test_splits_file);
  ADD ("deal-terms", test_deal_terms);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/crm/malformed/%u", i);
      g_test_add (name, Fixture, &malformed[i], setup, test_malformed, teardown);
    }
  return g_test_run ();
}
