/* test-actuals-rows.c — the actuals' deals and leads written as rows
 * (format 1.4, gs-json-rows.h, docs/plan-format.md "The actuals as rows").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiny plan (test-util.h) with Ann and Bob and 1,000 deals and 1,000
 * leads in eight and three kinds that between them set every field a deal
 * or lead has.
 */
#include "gs-actuals-edits.h"
#include "gs-actuals-store.h"
#include "gs-json.h"
#include "gs-json-rows.h"
#include "gs-scenario.h"
#include "gs-tracking-json.h"
#include "test-util.h"

#define N_RECORDS 1000

static const char *const deal_kinds[] = {
  /* won, every plain field */
  "\"name\": \"Acme %u\", \"amount\": \"12000.50\", \"stage\": \"won\", \"crm_stage\": \"Closed "
  "Won\", \"status\": \"won\", \"created\": \"2027-01-10\", \"closed\": \"2027-02-01\", "
  "\"owner\": \"ann\", \"source\": \"inbound\", \"crm_source\": \"Organic\"",
  /* open, no name, owner or source */
  "\"amount\": \"8000.00\", \"stage\": \"mql\", \"created\": \"2027-01-15\"",
  /* lost */
  "\"name\": \"Lost %u\", \"amount\": \"10000.00\", \"stage\": \"mql\", \"status\": \"lost\", "
  "\"created\": \"2027-02-10\", \"closed\": \"2027-02-12\", \"owner\": \"bob\"",
  /* splits, overlays, paid */
  "\"amount\": \"5000.00\", \"stage\": \"won\", \"status\": \"won\", \"created\": \"2027-02-20\", "
  "\"closed\": \"2027-02-25\", \"owner\": \"ann\", \"splits\": [{\"person\": \"ann\", \"share\": "
  "0.85}, {\"person\": \"bob\", \"share\": 0.15}], \"overlays\": [{\"person\": \"bob\", "
  "\"share\": 0.1}], \"paid\": \"2027-03-02\"",
  /* refunded, pay terms */
  "\"amount\": \"7000.00\", \"stage\": \"won\", \"status\": \"won\", \"created\": \"2027-03-01\", "
  "\"closed\": \"2027-03-05\", \"owner\": \"bob\", \"refunded\": \"2027-04-01\", \"discount\": "
  "0.15, \"term_months\": 36, \"type\": \"new\", \"spifs\": [\"multi-year\", \"q1\"]",
  /* texts with escapes and beyond ASCII */
  "\"name\": \"Quote \\\"%u\\\" \\u00e9t\\u00e9\\n\", \"amount\": \"1.05\", \"stage\": \"lead\", "
  "\"crm_stage\": \"Neu – “offen”\", \"created\": \"2027-01-02\", \"crm_source\": \"Messe\"",
  /* an existing customer, a whole-number amount, an empty close date */
  "\"amount\": 300, \"stage\": \"won\", \"status\": \"won\", \"created\": \"2027-04-01\", "
  "\"closed\": \"2027-04-30\", \"type\": \"existing\", \"source\": \"inbound\"",
  /* a member no deal has, kept */
  "\"amount\": \"0.00\", \"stage\": \"lead\", \"created\": \"2027-05-01\", \"closed\": \"\", "
  "\"x_note\": \"kept %u\"",
};

static const char *const lead_kinds[] = {
  "\"owner\": \"bob\", \"source\": \"inbound\", \"crm_source\": \"Organic\", \"reached\": "
  "{\"lead\": \"2027-01-05\", \"mql\": \"2027-01-10\"}",
  "\"source\": \"inbound\", \"reached\": {\"lead\": \"2027-01-20\"}",
  "\"reached\": {\"lead\": \"2027-02-03\", \"mql\": \"2027-02-20\", \"won\": \"2027-03-20\"}",
};

/* The tiny plan at version with n deals and N_RECORDS leads in the object
 * layout. */
static char *
plan_text_of (const char *version, guint n)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GString) act = g_string_new (
      "{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}, {\"id\": \"bob\", \"name\": \"Bob "
      "Ray\", \"quota\": \"120000.00\"}], \"deals\": [");
  g_autofree char *v = g_strdup_printf ("\"%s\"", version);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) kind = g_string_new (deal_kinds[i % G_N_ELEMENTS (deal_kinds)]);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_string_replace (kind, "%u", number, 0);
      g_string_append_printf (act, "%s{\"id\": \"D%u\", %s}", i ? ", " : "", i, kind->str);
    }
  g_string_append (act, "], \"leads\": [");
  for (guint i = 0; i < N_RECORDS; i++)
    g_string_append_printf (act, "%s{\"id\": \"L%u\", %s}", i ? ", " : "", i,
                            lead_kinds[i % G_N_ELEMENTS (lead_kinds)]);
  g_string_append (act, "]}");
  patch (tree, "version", v);
  patch (tree, "actuals", act->str);
  return gs_json_to_text (tree);
}

static char *
plan_text (const char *version)
{
  return plan_text_of (version, N_RECORDS);
}

static GsPlan *
open_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  GsPlan *plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  return plan;
}

static void
assert_same_date (const GDate *a, const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_same_records (const GsActualsData *a, const GsActualsData *b)
{
  g_assert_cmpuint (a->n_deals, ==, b->n_deals);
  g_assert_cmpuint (a->n_leads, ==, b->n_leads);
  for (guint i = 0; i < a->n_deals; i++)
    {
      const GsActualDeal *x = &a->deals[i], *y = &b->deals[i];
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->crm_stage, ==, y->crm_stage);
      g_assert_cmpstr (x->crm_source, ==, y->crm_source);
      g_assert_cmpint (x->owner, ==, y->owner);
      g_assert_cmpint (x->amount, ==, y->amount);
      g_assert_cmpuint (x->stage, ==, y->stage);
      g_assert_cmpint (x->source, ==, y->source);
      g_assert_cmpint (x->status, ==, y->status);
      assert_same_date (&x->created, &y->created);
      assert_same_date (&x->closed, &y->closed);
      g_assert_true (gs_actual_deal_same_credit (x, y));
    }
  for (guint i = 0; i < a->n_leads; i++)
    {
      const GsActualLead *x = &a->leads[i], *y = &b->leads[i];
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->crm_source, ==, y->crm_source);
      g_assert_cmpint (x->owner, ==, y->owner);
      g_assert_cmpint (x->source, ==, y->source);
      for (guint s = 0; s < a->n_stages; s++)
        assert_same_date (&x->reached[s], &y->reached[s]);
    }
}

static char *
tracking_text (GsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  const GsResult *result = gs_plan_get_result (plan, &error);
  GsTracking *t;
  JsonNode *json;
  char *text;
  GDate day;

  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 6, 2027);
  t = gs_tracking_compute (gs_plan_get_model (plan), result, &day, &error);
  g_assert_no_error (error);
  json = gs_tracking_to_json (gs_plan_get_model (plan), result, t);
  text = gs_json_to_text (json);
  json_node_unref (json);
  gs_tracking_free (t);
  return text;
}

/* Every kind of field through the rows: a 1.3 plan is written as objects
 * as before; the same records at 1.4 are written as rows, read back into
 * the same records, tracked the same and written again byte for byte. */
static void
test_round_trip (void)
{
  g_autofree char *old_text = plan_text ("1.3");
  g_autofree char *new_text = plan_text ("1.4");
  g_autoptr (GsPlan) old_plan = open_ok (old_text);
  g_autoptr (GsPlan) new_plan = open_ok (new_text);
  g_autofree char *old_saved = gs_plan_to_text (old_plan);
  g_autofree char *rows = gs_plan_to_text (new_plan);
  g_autoptr (GsPlan) read = open_ok (rows);
  g_autofree char *again = NULL, *old_track = NULL, *new_track = NULL;
  const GsActualsData *a, *b;

  /* The old layout still reads and is still written as it was. */
  g_assert_cmpstr (old_saved, ==, old_text);
  g_assert_null (strstr (old_saved, "\"rows\""));
  /* 1.4: rows, the stage, status, owner and source texts written once. */
  g_assert_nonnull (strstr (rows, "\"deals\": {\n      \"fields\": [\"id\", \"name\", \"amount\", "
                                  "\"stage\", \"crm_stage\", \"status\", \"created\", \"closed\", "
                                  "\"owner\", \"source\", \"crm_source\", \"splits\", "
                                  "\"overlays\", \"paid\", \"refunded\", \"discount\", "
                                  "\"term_months\", \"type\", \"spifs\", \"x_note\"],"));
  g_assert_nonnull (strstr (rows, "\"stage\": [\"won\", \"mql\", \"lead\"],"));
  g_assert_nonnull (strstr (rows, "[\"D0\", \"Acme 0\", \"12000.50\", 0, 0, 0, \"2027-01-10\", "
                                  "\"2027-02-01\", 0, 0, 0, null, null, null, null, null, null, "
                                  "null, null, null]"));
  /* Leads stay objects (each one's "reached" would spread its row). */
  g_assert_nonnull (strstr (rows, "\"leads\": [\n"));
  g_assert_cmpuint (strlen (rows), <, strlen (old_saved));
  /* Read back: the same records as the object layout gives. */
  a = gs_plan_get_model (old_plan)->actuals;
  b = gs_plan_get_model (read)->actuals;
  assert_same_records (a, b);
  g_assert_cmpstr (b->deals[5].name, ==, "Quote \"5\" été\n");
  g_assert_cmpint (b->deals[6].amount, ==, 30000);
  g_assert_cmpuint (b->deals[4].term_months, ==, 36);
  g_assert_cmpstr (b->deals[4].spifs[1], ==, "q1");
  g_assert_cmpfloat (b->deals[3].splits[0].share, ==, 0.85);
  /* The same figures. */
  old_track = tracking_text (old_plan);
  new_track = tracking_text (read);
  g_assert_cmpstr (old_track, ==, new_track);
  /* Written again: the same bytes (the unknown member kept). */
  again = gs_plan_to_text (read);
  g_assert_cmpstr (again, ==, rows);
  g_assert_nonnull (strstr (again, "\"kept 7\""));
}

/* Whether text lies in data's one block of deal texts. */
static gboolean
in_block (const GsActualsData *d, const char *text)
{
  return text != NULL && text >= d->deal_texts && text < d->deal_texts + d->deal_texts_size;
}

/* The deals read straight from their rows own no texts: their id, name,
 * CRM stage and CRM source lie in one block, a CRM stage once for all the
 * deals that name it; a deal read as its record (an escape in its name,
 * credits) owns its own.  A copy owns every text; a store taking the
 * records takes the block, and both outlive the plan they came from. */
static void
test_texts_in_one_block (void)
{
  g_autofree char *old_text = plan_text ("1.3");
  g_autofree char *new_text = plan_text ("1.4");
  g_autoptr (GsPlan) objects = open_ok (old_text);
  g_autoptr (GsPlan) written = open_ok (new_text);
  g_autofree char *rows = gs_plan_to_text (written);
  g_autoptr (GBytes) bytes = g_bytes_new_static (rows, strlen (rows));
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (GError) error = NULL;
  /* Decoded by the model itself: a GsPlan opened from the text moves the
   * records into its store at once (docs/plan-format.md). */
  g_autoptr (JsonNode) root
      = gs_json_parse_deferring (bytes, gs_model_deferred_lists, &deferred, &error);
  GsModel *model = gs_model_decode_deferred (root, deferred, &error);
  const GsActualsData *old = gs_plan_get_model (objects)->actuals;
  GsActualsData *d, *copy, *shared;
  GsActualsStore *store;

  g_assert_no_error (error);
  d = model->actuals;
  g_assert_nonnull (d->deal_texts);
  /* Kind 0 (every plain field) straight from its row; kind 5 (an escape
   * in its name) and kind 3 (splits) read as their records. */
  g_assert_true (in_block (d, d->deals[0].id));
  g_assert_true (in_block (d, d->deals[0].name));
  g_assert_true (in_block (d, d->deals[0].crm_stage));
  g_assert_true (in_block (d, d->deals[0].crm_source));
  g_assert_true (d->deals[8].crm_stage == d->deals[0].crm_stage); /* "Closed Won", once */
  g_assert_false (in_block (d, d->deals[5].id));
  g_assert_false (in_block (d, d->deals[3].id));
  g_assert_cmpstr (d->deals[0].id, ==, "D0");
  g_assert_cmpstr (d->deals[0].crm_stage, ==, "Closed Won");
  /* The block holds no more than the rows' text and the texts' entries. */
  g_assert_cmpuint (d->deal_texts_size, <, strlen (rows));
  /* A copy owns its texts: in a block of its own (h11i). */
  copy = gs_actuals_data_copy (d);
  g_assert_nonnull (copy->deal_texts);
  g_assert_true (copy->deal_texts != d->deal_texts);
  g_assert_true (in_block (copy, copy->deals[0].id) && in_block (copy, copy->deals[5].id));
  g_assert_false (in_block (d, copy->deals[0].id));
  assert_same_records (old, copy);
  /* A store taking the decoded records takes their block: it outlives the
   * plan they were read with (the model is left without records). */
  store = gs_actuals_store_new_taking (d, model, &error);
  g_assert_no_error (error);
  g_assert_null (d->deal_texts);
  g_assert_cmpuint (d->n_deals, ==, 0);
  gs_model_free (model);
  g_clear_pointer (&deferred, gs_json_deferred_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  shared = gs_actuals_data_new (old->n_stages);
  gs_actuals_store_share_records (store, shared);
  assert_same_records (old, shared);
  gs_actuals_data_free (shared);
  gs_actuals_store_unref (store);
  /* The copy outlives both. */
  assert_same_records (old, copy);
  gs_actuals_data_free (copy);
  /* A plan opened from the rows holds its records as a store, which takes
   * the block along (h11f's block met h11g's store at integration: without
   * it, the texts went with the model and the store pointed into freed
   * memory). */
  {
    GsPlan *plan = open_ok (rows);
    g_autoptr (GsPlan) later = NULL;
    g_assert_true (gs_plan_has_store (plan));
    later = gs_plan_copy (plan);
    g_object_unref (plan);
    assert_same_records (old, gs_plan_get_model (later)->actuals);
  }
}

/* The fields of awkward_rows' rows, and a row that reads straight. */
static const char *const awkward_fields[]
    = { "id",      "name",   "amount", "stage",  "crm_stage",  "status",
        "created", "closed", "owner",  "source", "crm_source", "x_note" };
static const char *const awkward_base[]
    = { "\"D1\"",         "\"A\"",          "\"5.00\"", "\"won\"",     "null",    "\"won\"",
        "\"2027-01-03\"", "\"2027-01-05\"", "\"ann\"",  "\"inbound\"", "\"Web\"", "null" };

/* D0, a plain deal before it. */
static const char *const awkward_d0[]
    = { "\"D0\"",         "null", "\"1.00\"", "\"mql\"", "null", "null",
        "\"2027-01-02\"", "null", "null",     "null",    "null", "null" };

enum
{
  AS_OBJECTS,
  AS_ROWS,
  AS_ROWS_TABLED, /* field f's values (text) as entries of its texts */
};

/* The actuals of the tiny plan at 1.4 with D0 and the base row with
 * field f's value replaced by value, written as layout says. */
static char *
awkward_plan (guint f, const char *value, int layout)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GString) act
      = g_string_new ("{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}], \"deals\": ");
  const char *const *rows[] = { awkward_d0, awkward_base };
  if (layout != AS_OBJECTS)
    {
      gboolean tabled = layout == AS_ROWS_TABLED && value[0] == '"';
      guint entries = 0;
      g_string_append (act, "{\"fields\": [");
      for (guint k = 0; k < G_N_ELEMENTS (awkward_fields); k++)
        g_string_append_printf (act, "%s\"%s\"", k ? ", " : "", awkward_fields[k]);
      g_string_append (act, "]");
      if (tabled)
        g_string_append_printf (act, ", \"texts\": {\"%s\": [%s%s%s]}", awkward_fields[f], value,
                                strcmp (awkward_d0[f], "null") ? ", " : "",
                                strcmp (awkward_d0[f], "null") ? awkward_d0[f] : "");
      g_string_append (act, ", \"rows\": [");
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          g_string_append (act, r ? ", [" : "[");
          for (guint k = 0; k < G_N_ELEMENTS (awkward_fields); k++)
            {
              const char *v = r == 1 && k == f ? value : rows[r][k];
              g_autofree char *entry = NULL;
              if (tabled && k == f && strcmp (v, "null") != 0)
                v = entry = g_strdup_printf ("%u", r == 1 ? 0 : ++entries);
              g_string_append_printf (act, "%s%s", k ? ", " : "", v);
            }
          g_string_append (act, "]");
        }
      g_string_append (act, "]}}");
    }
  else
    {
      g_string_append (act, "[");
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          gboolean first = TRUE;
          g_string_append (act, r ? ", {" : "{");
          for (guint k = 0; k < G_N_ELEMENTS (awkward_fields); k++)
            {
              const char *v = r == 1 && k == f ? value : rows[r][k];
              if (strcmp (v, "null") == 0)
                continue;
              g_string_append_printf (act, "%s\"%s\": %s", first ? "" : ", ", awkward_fields[k], v);
              first = FALSE;
            }
          g_string_append (act, "}");
        }
      g_string_append (act, "]}");
    }
  patch (tree, "version", "\"1.4\"");
  patch (tree, "actuals", act->str);
  return gs_json_to_text (tree);
}

/* The plan's model (decoded by the model itself, so its deals keep their
 * block of texts), or NULL with the message. */
static GsModel *
awkward_model (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) root
      = gs_json_parse_deferring (bytes, gs_model_deferred_lists, &deferred, error);
  return root ? gs_model_decode_deferred (root, deferred, error) : NULL;
}

/* Awkward values in a deal's row (gs-actuals-data.c, direct_deal): the
 * same deal, or the same message, as the same record written as an
 * object gives; and read straight from the row (its id in the block of
 * texts) exactly when every value is of the usual kind. */
static void
test_direct_awkward (void)
{
  g_autofree char *long_id = g_strnfill (200, 'i');
  g_autofree char *longer_id = g_strnfill (201, 'i');
  g_autofree char *long_text = g_strnfill (10000, 't');
  g_autofree char *longer_text = g_strnfill (10001, 't');
  g_autofree char *zeros = g_strnfill (70, '0');
  g_autofree char *id200 = g_strdup_printf ("\"%s\"", long_id);
  g_autofree char *id201 = g_strdup_printf ("\"%s\"", longer_id);
  g_autofree char *text10000 = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *text10001 = g_strdup_printf ("\"%s\"", longer_text);
  g_autofree char *amount70 = g_strdup_printf ("\"%s1.00\"", zeros);
  const struct
  {
    const char *field, *value;
    gboolean direct;
  } cases[] = {
    { "id", "\"D1\"", TRUE },
    { "id", id200, TRUE },
    { "id", id201, FALSE },
    { "id", "\"D\\\"1\"", FALSE }, /* an escape (the tree writes \u… as UTF-8) */
    { "id", "\"D0\"", TRUE },      /* read straight, then refused as used twice */
    { "id", "null", FALSE },
    { "id", "7", FALSE },
    { "name", id201, FALSE },
    { "name", "\"\"", TRUE },
    { "amount", "\"34000.00\"", TRUE },
    { "amount", "\"0\"", TRUE },
    { "amount", "\"007.00\"", TRUE },
    { "amount", "\"-0.00\"", TRUE },
    { "amount", "\"+5.00\"", TRUE },
    { "amount", "\"12.5\"", TRUE },
    { "amount", "\"12.500\"", TRUE },
    { "amount", "\"5.\"", TRUE },
    { "amount", "\".50\"", TRUE },
    { "amount", "\"10000000000000.00\"", TRUE },
    { "amount", "\"000000000000000000000001.00\"", TRUE },
    { "amount", amount70, FALSE },
    { "amount", "\"12.505\"", FALSE },
    { "amount", "\"-5.00\"", FALSE },
    { "amount", "\"1e5\"", FALSE },
    { "amount", "\" 1.00\"", FALSE },
    { "amount", "\"1.00 \"", FALSE },
    { "amount", "\"\"", FALSE },
    { "amount", "\"10000000000000.01\"", FALSE },
    { "amount", "\"999999999999999999\"", FALSE },
    { "amount", "\"1234567890123456789\"", FALSE },
    { "amount", "\"99999999999999999999.00\"", FALSE },
    { "amount", "5", FALSE },
    { "amount", "null", FALSE },
    { "stage", "\"nope\"", FALSE },
    { "stage", "null", FALSE },
    { "status", "\"open\"", TRUE },
    { "status", "\"maybe\"", FALSE },
    { "status", "null", TRUE },
    { "owner", "\"zed\"", FALSE },
    { "owner", "null", TRUE },
    { "source", "\"nope\"", FALSE },
    { "created", "\"2028-02-29\"", TRUE },
    { "created", "\"2000-02-29\"", TRUE },
    { "created", "\"9999-12-31\"", TRUE },
    { "created", "\"2027-02-29\"", FALSE },
    { "created", "\"2100-02-29\"", FALSE },
    { "created", "\"0000-01-01\"", FALSE },
    { "created", "\"2027-13-01\"", FALSE },
    { "created", "\"2027-00-10\"", FALSE },
    { "created", "\"2027-01-00\"", FALSE },
    { "created", "\"2027-01-32\"", FALSE },
    { "created", "\"2027-04-31\"", FALSE },
    { "created", "\"2027-1-01\"", FALSE },
    { "created", "\"2027/01/01\"", FALSE },
    { "created", "\"2027-01-0a\"", FALSE },
    { "created", "\"2027-01-01x\"", FALSE },
    { "created", "null", FALSE },
    { "closed", "\"\"", FALSE },          /* a won deal needs its close date */
    { "closed", "\"2027-01-01\"", TRUE }, /* before created: not checked */
    { "crm_stage", text10000, TRUE },
    { "crm_stage", text10001, FALSE },
    { "crm_source", "\"Messe \\u2013\"", TRUE },
    { "crm_source", "\"Messe\\n\"", FALSE },
    { "x_note", text10000, TRUE },
    { "x_note", text10001, FALSE },
    { "x_note", "[1]", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases) * 2; i++)
    {
      guint c = i / 2, f = 0;
      int layout = i % 2 ? AS_ROWS_TABLED : AS_ROWS;
      /* An entry of the texts is read without its escapes. */
      gboolean direct
          = cases[c].direct || (layout == AS_ROWS_TABLED && strchr (cases[c].value, '\\'));
      g_autofree char *rows_text = NULL, *objects_text = NULL;
      g_autoptr (GError) rows_error = NULL;
      g_autoptr (GError) objects_error = NULL;
      GsModel *rows, *objects;
      while (strcmp (awkward_fields[f], cases[c].field) != 0)
        f++;
      rows_text = awkward_plan (f, cases[c].value, layout);
      objects_text = awkward_plan (f, cases[c].value, AS_OBJECTS);
      rows = awkward_model (rows_text, &rows_error);
      objects = awkward_model (objects_text, &objects_error);
      g_test_message ("%s: %.40s%s", cases[c].field, cases[c].value,
                      layout == AS_ROWS_TABLED ? " (tabled)" : "");
      if (objects == NULL)
        {
          g_assert_nonnull (objects_error);
          g_assert_null (rows);
          g_assert_nonnull (rows_error);
          g_assert_cmpstr (rows_error->message, ==, objects_error->message);
          continue;
        }
      g_assert_no_error (rows_error);
      g_assert_nonnull (rows);
      assert_same_records (objects->actuals, rows->actuals);
      g_assert_cmpint (in_block (rows->actuals, rows->actuals->deals[1].id), ==, direct);
      /* D0 too, unless an entry over its limit has its column read as
       * records. */
      if (direct)
        g_assert_true (in_block (rows->actuals, rows->actuals->deals[0].id));
      gs_model_free (rows);
      gs_model_free (objects);
    }
}

/* An import that leaves 1,000 deals raises the plan to 1.4 and the store
 * writes the rows the records read from a file give. */
static void
test_import_writes_rows (void)
{
  g_autofree char *new_text = plan_text ("1.4");
  g_autoptr (GsPlan) from_file = open_ok (new_text);
  g_autoptr (GsPlan) plan = tiny_document ();
  g_autoptr (GsActualsData) data = gs_actuals_data_copy (gs_plan_get_model (from_file)->actuals);
  g_autoptr (GError) error = NULL;
  g_autofree char *file_rows = gs_plan_to_text (from_file);
  g_autofree char *store_rows = NULL;
  const char *a, *b;

  g_assert_cmpuint (gs_actuals_data_format_minor (data), ==, GS_FORMAT_MINOR_ROWS);
  g_assert_true (gs_plan_take_actuals (plan, data, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (gs_plan_lookup (plan, "version")), ==, "1.4");
  store_rows = gs_plan_to_text (plan);
  /* The leads as the file's; the deals' rows too but for the x_note
   * column (the store keeps no member a deal does not have). */
  a = strstr (store_rows, "\"leads\": [");
  b = strstr (file_rows, "\"leads\": [");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (strstr (a, "\n    ]") - a, ==, strstr (b, "\n    ]") - b);
  g_assert_cmpint (strncmp (a, b, strstr (a, "\n    ]") - a), ==, 0);
  g_assert_nonnull (strstr (store_rows, "\"type\", \"spifs\"],"));
  g_assert_nonnull (strstr (store_rows,
                            "[\"D1\", null, \"8000.00\", 1, null, 1, \"2027-01-15\", null, "
                            "null, null, null, null, null, null, null, null, null, null, "
                            "null]"));
}

/* A malformed row gets a message of its own, naming the record and field. */
static void
refused (const char *deals, const char *words)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autofree char *act = g_strdup_printf (
      "{\"people\": [{\"id\": \"ann\", \"name\": \"Ann Lee\"}], \"deals\": %s}", deals);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;

  patch (tree, "version", "\"1.4\"");
  patch (tree, "actuals", act);
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("expected “%s” in “%s”", words, error->message);
}

#define HEAD                                                                                       \
  "{\"fields\": [\"id\", \"name\", \"amount\", \"stage\", \"created\"], \"texts\": {\"stage\": "   \
  "[\"won\", \"mql\"]}, \"rows\": [[\"D0\", null, \"10.00\", 1, \"2027-01-02\"], "

static void
test_malformed (void)
{
  /* A well-formed one reads. */
  {
    g_autoptr (JsonNode) tree = tiny_tree ();
    g_autofree char *text = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (GsPlan) plan = NULL;
    patch (tree, "version", "\"1.4\"");
    patch (tree, "actuals", "{\"deals\": " HEAD "[\"D1\", \"A\", \"5.00\", 0, \"2027-01-03\"]]}}");
    text = gs_json_to_text (tree);
    plan = gs_plan_new_from_text (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gs_plan_get_model (plan)->actuals->n_deals, ==, 2);
    g_assert_cmpuint (gs_plan_get_model (plan)->actuals->deals[0].stage, ==, 1);
  }
  refused (HEAD "[\"D1\", \"A\", \"5.00\", 0]]}",
           "actuals.deals[1]: has 4 values; actuals.deals.fields names 5");
  refused (HEAD "[\"D1\", \"A\", \"5.00\", 2, \"2027-01-03\"]]}",
           "actuals.deals[1].stage: 2 is not the number of an entry of actuals.deals.texts.stage, "
           "which has 2 (counted from 0)");
  refused (HEAD "[\"D1\", \"A\", \"5.00\", \"won\", \"2027-01-03\"]]}",
           "actuals.deals[1].stage: is text, expected the number of an entry of "
           "actuals.deals.texts.stage");
  refused (HEAD "[\"D1\", \"A\", 5.5, 0, \"2027-01-03\"]]}",
           "actuals.deals[1].amount: amounts are written as text");
  refused (HEAD "[\"D1\", true, \"5.00\", 0, \"2027-01-03\"]]}",
           "actuals.deals[1].name: is true/false, expected text");
  refused (HEAD "[\"D1\", \"A\", \"-5.00\", 0, \"2027-01-03\"]]}",
           "actuals.deals[1].amount: an amount cannot be negative");
  refused (HEAD "[\"D1\", \"A\", \"5.00\", 0, \"2027-02-30\"]]}",
           "actuals.deals[1].created: “2027-02-30” is not a date like 2026-11-12");
  refused (HEAD "[\"D0\", \"A\", \"5.00\", 0, \"2027-01-03\"]]}",
           "actuals.deals[1].id: “D0” is used by an earlier record");
  refused (HEAD "{\"id\": \"D1\"}]}",
           "actuals.deals[1]: is an object, expected a row (a list of the fields’ values)");
  {
    g_autofree char *name = g_strnfill (201, 'x');
    g_autofree char *deals
        = g_strdup_printf (HEAD "[\"D1\", \"%s\", \"5.00\", 0, \"2027-01-03\"]]}", name);
    refused (deals, "actuals.deals[1].name: a name of 201 characters; at most 200 are allowed");
  }
  refused ("{\"fields\": [\"id\", \"amount\", \"stage\"], \"texts\": {\"stage\": [\"won\", "
           "\"nope\"]}, \"rows\": [[\"D1\", \"1.00\", 1]]}",
           "actuals.deals[0].stage: “nope” is not a stage of the funnel");
  refused ("{\"fields\": [\"id\", \"id\"], \"rows\": []}",
           "actuals.deals.fields[1]: “id” is named twice");
  refused ("{\"fields\": [\"id\"], \"texts\": {\"stage\": []}, \"rows\": []}",
           "actuals.deals.texts.stage: “stage” is not one of actuals.deals.fields");
  refused ("{\"fields\": [\"id\"], \"texts\": {\"id\": [1]}, \"rows\": []}",
           "actuals.deals.texts.id[0]: is a number, expected text");
  refused ("{\"fields\": [\"id\"]}", "actuals.deals.rows: is missing");
  refused ("{\"fields\": [\"id\"], \"rows\": {}}",
           "actuals.deals.rows: is an object, expected a list of rows");
  refused ("{\"fields\": [\"id\"], \"rows\": [], \"more\": 1}",
           "actuals.deals.more: is not part of the rows layout (fields, texts, rows)");
}

/* text opened the usual way, as before rows were passed by their lines:
 * the plan, or NULL with the message. */
static GsPlan *
open_usual (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) root
      = gs_json_parse_deferring (bytes, gs_model_deferred_lists, &deferred, error);
  GsModel *model = root ? gs_model_decode_deferred (root, deferred, error) : NULL;
  GsPlan *plan;
  if (model == NULL)
    return NULL;
  plan = gs_plan_new_decoded (g_steal_pointer (&root), model);
  return plan;
}

/* Whether text's rows are passed by their lines when read. */
static gboolean
skimmed (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) root
      = gs_json_parse_skimming (bytes, gs_model_deferred_lists, &deferred, NULL);
  return root != NULL && gs_json_deferred_unchecked (deferred);
}

/* A plan of 1 MiB or more (here 10,000 deals of every kind, written as
 * rows one a line) is read with its rows passed by their lines and each
 * checked once, as it is decoded (gs_json_parse_skimming); anything the
 * checks, the reader or the decoder refuse in a row has the plan read again
 * the usual way: the same plan, or the same message, as the usual way
 * gives, for every kind of change to a row, first, in the second half
 * and last, and to the lines around them. */
static void
test_skimmed (void)
{
  static const struct
  {
    const char *from, *to;
  } changes[] = {
    { "\"5000.00\"", "\"50x0.00\"" },       /* a bad amount */
    { "\"2027-02-20\"", "\"2027-02-30\"" }, /* a bad date */
    { ", null, ", ", nul, " },              /* not a value */
    { ", null, ", ", nullx, " },
    { ", null, ", ", [1, [2]], " }, /* nested */
    { ", null, ", ", {\"a\": 1}, " },
    { ", null, ", ", NaN, " },
    { ", null, ", ", 1234567890123456789, " }, /* over 18 digits */
    { ", null, ", ", -1234567890123456789, " },
    { ", null, ", ", 123456789012345678, " },
    { ", null, ", ", 1.5e+3, " },
    { ", null, ", ", 01, " },
    { ", null, ", ", +1, " },
    { ", null, ", ", true, " },
    { ", null, ", ",, " },
    {
        ", null, ",
        ", null,\n ",
    },                             /* a row over two lines */
    { ", null, ", " , null ,  " }, /* other spaces */
    { "]", ", ]" },
    { "\"D", "\"\\qD" },                       /* escapes: unknown, */
    { "\"D", "\"\\u0000D" },                   /* NUL, */
    { "\"D", "\"\\ud83dD" },                   /* a lone surrogate, */
    { "\"D", "\"\\u12D" },                     /* cut short, */
    { "\"D", "\"\\\"\\u00e9\\ud83d\\ude00D" }, /* and good ones */
    { "\"D", "\"\xc3\xa9\xe2\x9c\x93\xf0\x9f\x98\x80"
             "D" }, /* UTF-8 */
    { "\"D", "\"\xc3"
             "D" }, /* bad UTF-8 */
    { "\"D", "\"\xc0\xaf"
             "D" },
    { "\"D", "\"\xed\xa0\x80"
             "D" },
    { ", null, ", ", \xc3\xa9, " },
    { "\"D", "\"\tD" }, /* a control character */
    { "\"D", "\"],[D" },
    { "\"D1", "\"D2" }, /* an id twice */
  };
  g_autofree char *objects = plan_text_of ("1.4", 10000);
  g_autoptr (GsPlan) first = open_ok (objects);
  g_autofree char *text = gs_plan_to_text (first);
  g_autoptr (GsPlan) usual = open_usual (text, NULL);
  g_autoptr (GsPlan) plan = open_ok (text);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines), row[3] = { 0, 0, 0 };

  g_assert_cmpuint (strlen (text), >=, 1024 * 1024);
  g_assert_true (skimmed (text));
  assert_same_records (gs_plan_get_model (usual)->actuals, gs_plan_get_model (plan)->actuals);
  /* The first row, one in each half and the last. */
  for (guint i = 0; i < n_lines; i++)
    if (g_str_has_prefix (lines[i], "        [\"D"))
      {
        if (row[0] == 0)
          row[0] = i;
        row[2] = i;
      }
  row[1] = row[0] + 7000 + 3; /* in the second half, a deal with splits */
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    for (guint r = 0; r < G_N_ELEMENTS (row); r++)
      {
        g_autoptr (GString) line = g_string_new (lines[row[r]]);
        char *kept = lines[row[r]]; /* lines' own */
        g_autofree char *changed = NULL;
        g_autoptr (GError) usual_error = NULL;
        g_autoptr (GError) error = NULL;
        g_autoptr (GsPlan) a = NULL;
        g_autoptr (GsPlan) b = NULL;
        if (strstr (line->str, changes[c].from) == NULL)
          continue;
        g_string_replace (line, changes[c].from, changes[c].to, 1);
        lines[row[r]] = line->str;
        changed = g_strjoinv ("\n", lines);
        lines[row[r]] = kept;
        a = open_usual (changed, &usual_error);
        b = gs_plan_new_from_text (changed, -1, &error);
        if (a == NULL)
          {
            g_assert_null (b);
            g_assert_nonnull (error);
            g_assert_cmpstr (error->message, ==, usual_error->message);
          }
        else
          {
            g_assert_no_error (error);
            assert_same_records (gs_plan_get_model (a)->actuals, gs_plan_get_model (b)->actuals);
          }
      }
  /* The lines around the rows: another layout is read the usual way. */
  {
    g_autoptr (GString) other = g_string_new (text);
    g_string_replace (other, "\"rows\": [\n", "\"rows\": [\n\t", 1);
    g_assert_true (skimmed (text));
    g_assert_false (skimmed (other->str));
    {
      g_autoptr (GsPlan) read = open_ok (other->str);
      assert_same_records (gs_plan_get_model (usual)->actuals, gs_plan_get_model (read)->actuals);
    }
    g_string_assign (other, text);
    g_string_insert_c (other, strstr (strstr (other->str, "[\"D1\""), "],\n") - other->str + 2,
                       ' ');
    g_assert_false (skimmed (other->str));
    {
      g_autoptr (GsPlan) read = open_ok (other->str);
      assert_same_records (gs_plan_get_model (usual)->actuals, gs_plan_get_model (read)->actuals);
    }
  }
}

/* More values than a plan may hold (GS_JSON_MAX_VALUES), counted with the
 * rows passed by their lines as without: the same verdict at the limit
 * and one over it. */
static void
test_skimmed_values (void)
{
  static const char *const paths[] = { "actuals.deals*", NULL };
  /* 2n + 6 values: the rows list and the four marks before it, then [ and
   * , a row, less one. */
  for (guint n = 1499997; n <= 1499998; n++)
    {
      g_autoptr (GString) text = g_string_new ("{\"actuals\": {\"deals\": {\"fields\": [\"id\"], "
                                               "\"rows\": [\n");
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GsJsonDeferred) deferred = NULL;
      g_autoptr (GsJsonDeferred) usual_deferred = NULL;
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (JsonNode) usual = NULL;
      gboolean ok = TRUE;
      for (guint i = 0; i < n; i++)
        g_string_append (text, i + 1 < n ? "[0],\n" : "[0]\n");
      g_string_append (text, "]}}}");
      bytes = g_bytes_new (text->str, text->len);
      usual = gs_json_parse_deferring (bytes, paths, &usual_deferred, NULL);
      root = gs_json_parse_skimming (bytes, paths, &deferred, NULL);
      g_assert_nonnull (root);
      g_assert_true (gs_json_deferred_unchecked (deferred));
      for (guint i = 0; i < n; i++)
        {
          GsJsonRowValue value;
          ok &= gs_json_deferred_row (deferred, "actuals.deals", i, &value, NULL);
        }
      g_assert_true (ok);
      g_assert_cmpint (gs_json_deferred_check_rest (deferred), ==, usual != NULL);
      g_assert_cmpint (usual != NULL, ==, n == 1499997);
    }
}

/* From 4,000 deals in rows (and no more here: ASan's CI build runs this
 * too), the second half is decoded on a thread of its own
 * (gs-actuals-data.c, ROWS_APART_MIN): the same records as the object
 * layout gives for every kind of field (a thread stops at the first row it
 * cannot read straight, the rest are read in turn), the same figures, an
 * entry of the texts copied once for both halves, and the same bytes
 * written again. */
static void
test_two_halves (void)
{
  g_autofree char *old_text = plan_text_of ("1.3", 4000);
  g_autofree char *new_text = plan_text_of ("1.4", 4000);
  g_autoptr (GsPlan) old_plan = open_ok (old_text);
  g_autoptr (GsPlan) new_plan = open_ok (new_text);
  g_autofree char *rows = gs_plan_to_text (new_plan);
  g_autoptr (GsPlan) read = open_ok (rows);
  g_autofree char *again = gs_plan_to_text (read);
  g_autofree char *old_track = tracking_text (old_plan);
  g_autofree char *new_track = tracking_text (read);
  const GsActualsData *b = gs_plan_get_model (read)->actuals;

  assert_same_records (gs_plan_get_model (old_plan)->actuals, b);
  g_assert_cmpstr (b->deals[3000].id, ==, "D3000");
  g_assert_cmpstr (b->deals[3000].crm_stage, ==, "Closed Won");
  /* Straight from their rows in both halves: one copy of "Closed Won". */
  g_assert_true (b->deals[3008].crm_stage == b->deals[0].crm_stage);
  g_assert_nonnull (b->deals[3003].splits); /* read as its record, in turn */
  g_assert_cmpstr (old_track, ==, new_track);
  g_assert_cmpstr (again, ==, rows);
}

/* 4,000 plain rows (HEAD's fields), rows at and at2 replaced. */
static char *
long_rows (guint at, const char *row, guint at2, const char *row2)
{
  g_autoptr (GString) deals = g_string_new (HEAD);
  for (guint i = 1; i < 4000; i++)
    {
      if (i > 1)
        g_string_append (deals, ", ");
      if (i == at)
        g_string_append (deals, row);
      else if (i == at2)
        g_string_append (deals, row2);
      else
        g_string_append_printf (deals, "[\"D%u\", \"A\", \"5.00\", 0, \"2027-01-03\"]", i);
    }
  g_string_append (deals, "]}");
  return g_string_free (g_steal_pointer (&deals), FALSE);
}

/* Malformed rows in either half get their messages, the first row's first:
 * an error in the second half is found only after every row before it
 * read, a repeated id across the halves names the later record. */
static void
test_two_halves_malformed (void)
{
  static const char *const bad_amount = "[\"D3000\", \"A\", \"-5.00\", 0, \"2027-01-03\"]";
  static const char *const short_row = "[\"D600\", \"A\", \"5.00\", 0]";
  struct
  {
    guint at;
    const char *row;
    guint at2;
    const char *row2;
    const char *words;
  } cases[] = {
    { 3000, bad_amount, 0, NULL, "actuals.deals[3000].amount: an amount cannot be negative" },
    { 3000, "[\"D3000\", \"A\", \"5.00\", 0]", 0, NULL,
      "actuals.deals[3000]: has 4 values; actuals.deals.fields names 5" },
    { 600, short_row, 3000, bad_amount,
      "actuals.deals[600]: has 4 values; actuals.deals.fields names 5" },
    { 2500, "[\"D5\", \"A\", \"5.00\", 0, \"2027-01-03\"]", 0, NULL,
      "actuals.deals[2500].id: “D5” is used by an earlier record" },
    { 1800, "[\"D3000\", \"A\", \"5.00\", 0, \"2027-01-03\"]", 0, NULL,
      "actuals.deals[3000].id: “D3000” is used by an earlier record" },
    { 2500, "[\"D2500\", \"A\", \"5.00\", 0, \"2027-02-30\"]", 3000, bad_amount,
      "actuals.deals[2500].created: “2027-02-30” is not a date like 2026-11-12" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *deals = long_rows (cases[k].at, cases[k].row, cases[k].at2, cases[k].row2);
      refused (deals, cases[k].words);
    }
}

/* A 1.4 plan opened from its text holds its long lists as the file's text
 * until they are needed; written again, only the deals become rows: a
 * role's 1,200 people and the leads stay objects, byte for byte. */
static void
test_only_deals_as_rows (void)
{
  g_autoptr (JsonNode) tree = example_tree ("mid-market.goalsheet");
  g_autoptr (JsonArray) people = json_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autofree char *text = NULL, *written = NULL;

  for (guint i = 0; i < 1200; i++)
    {
      JsonObject *o = json_object_new ();
      g_autofree char *name = g_strdup_printf ("Rep %04u", i);
      json_object_set_string_member (o, "name", name);
      json_array_add_object_element (people, o);
    }
  json_object_set_string_member (json_node_get_object (tree), "version", "1.4");
  g_assert_true (gs_json_replace (tree, "compensation.roles[0].people",
                                  json_node_init_array (json_node_alloc (), people), &error));
  g_assert_no_error (error);
  text = gs_json_to_text (tree);
  plan = gs_plan_new_from_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_lists_deferred (plan));
  written = gs_plan_to_text (plan);
  g_assert_null (strstr (written, "\"fields\""));
  g_assert_cmpstr (written, ==, text);
}

/* Two long texts the same; else where they first differ. */
static void
assert_same_text (const char *a, const char *b)
{
  gsize i = 0;
  while (a[i] && a[i] == b[i])
    i++;
  if (a[i] != b[i])
    g_error ("the texts differ at byte %" G_GSIZE_FORMAT ": [%.80s] against [%.80s]", i,
             a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
}

/* The "actuals" section of a plan's text, up to its closing brace. */
static char *
actuals_section (const char *text)
{
  const char *start = strstr (text, "\n  \"actuals\": {");
  const char *end = start ? strstr (start, "\n  }") : NULL;
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* text opened, its tree built at once (as before opened plans held their
 * records as a store), then path set to value: the text it then gives. */
static char *
edited_as_tree (const char *text, const char *path, const char *value)
{
  g_autoptr (GsPlan) plan = open_ok (text);
  g_autoptr (GError) error = NULL;
  gs_plan_get_root (plan);
  g_assert_false (gs_plan_has_store (plan));
  g_assert_true (gs_plan_set (plan, path, gs_json_parse (value, -1, NULL), &error));
  g_assert_no_error (error);
  return gs_plan_to_text (plan);
}

/* A plan opened from its file holds its deals and leads as a store, as
 * after an import: an edit that does not reach them keeps it (no tree of
 * 1,000s of records, no copy), and the plan writes what the same edit of
 * the whole tree writes — the file's records as they were read, unknown
 * members and an amount's own text kept —, undo and redo included; an edit
 * after which the records no longer fit builds them from the file's text. */
static void
opened_keeps_store (const char *text)
{
  g_autoptr (GsPlan) plan = open_ok (text);
  g_autoptr (GsPlan) fresh = open_ok (text);
  g_autoptr (GError) error = NULL;
  g_autofree char *opened = gs_plan_to_text (plan);
  g_autofree char *by_tree = edited_as_tree (text, "funnel.steps[0].rate", "0.6");
  g_autofree char *edited = NULL, *undone = NULL, *redone = NULL, *built = NULL;
  g_autofree char *two = NULL, *two_by_tree = NULL;
  const char *two_sources = "[{\"id\": \"inbound\", \"name\": \"Inbound\", \"share\": 0.5}, "
                            "{\"id\": \"partner\", \"name\": \"Partner\", \"share\": 0.5}]";

  g_assert_true (gs_plan_has_store (plan));
  {
    /* The scenario table's worker: a copy sharing the store compares as
     * the whole tree does. */
    g_autoptr (GsPlan) copy = gs_plan_copy (plan);
    GsComparison *a = gs_comparison_new_for_plan (copy, NULL, &error);
    GsComparison *b;
    g_assert_no_error (error);
    g_assert_true (gs_plan_has_store (copy));
    b = gs_comparison_new (gs_plan_get_root (fresh), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (a->rows->len, ==, b->rows->len);
    for (guint i = 0; i < a->rows->len; i++)
      {
        g_autofree char *va = gs_comparison_format (a, g_ptr_array_index (a->rows, i), 0);
        g_autofree char *vb = gs_comparison_format (b, g_ptr_array_index (b->rows, i), 0);
        g_assert_cmpstr (va, ==, vb);
      }
    gs_comparison_free (a);
    gs_comparison_free (b);
  }
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.6, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan)); /* no tree built */
  assert_same_records (gs_plan_get_model (plan)->actuals, gs_plan_get_model (fresh)->actuals);
  edited = gs_plan_to_text (plan);
  assert_same_text (edited, by_tree);
  g_assert_true (gs_plan_undo (plan));
  g_assert_true (gs_plan_has_store (plan));
  undone = gs_plan_to_text (plan);
  assert_same_text (undone, opened);
  g_assert_true (gs_plan_redo (plan));
  redone = gs_plan_to_text (plan);
  assert_same_text (redone, edited);
  /* The whole tree, built from the file's text, writes the same. */
  gs_plan_get_root (plan);
  g_assert_false (gs_plan_has_store (plan));
  built = gs_plan_to_text (plan);
  assert_same_text (built, edited);

  /* A second source: the records' frame changes, so they are built. */
  g_clear_object (&plan);
  plan = open_ok (text);
  g_assert_true (gs_plan_set (plan, "sources", gs_json_parse (two_sources, -1, NULL), &error));
  g_assert_no_error (error);
  g_assert_false (gs_plan_has_store (plan));
  two = gs_plan_to_text (plan);
  two_by_tree = edited_as_tree (text, "sources", two_sources);
  assert_same_text (two, two_by_tree);
}

static void
test_opened_keeps_store (void)
{
  g_autofree char *objects = plan_text ("1.3");
  g_autofree char *objects_at_rows = plan_text ("1.4"); /* written back as rows */
  g_autoptr (GsPlan) read = open_ok (objects_at_rows);
  g_autofree char *rows = gs_plan_to_text (read);
  g_autoptr (GString) odd = g_string_new (rows);

  opened_keeps_store (objects);
  opened_keeps_store (objects_at_rows);
  opened_keeps_store (rows);
  /* An amount written with a third digit: the file's text, not 12000.50. */
  g_assert_cmpuint (g_string_replace (odd, "\"12000.50\"", "\"12000.500\"", 1), ==, 1);
  opened_keeps_store (odd->str);
  {
    g_autoptr (GsPlan) plan = open_ok (odd->str);
    g_autofree char *text = NULL;
    g_assert_true (gs_plan_set_double (plan, "funnel.steps[0].rate", 0.6, NULL));
    text = gs_plan_to_text (plan);
    g_assert_nonnull (strstr (text, "\"12000.500\""));
  }
}

/* The plan's text as a member of an object, as the recovery file holds it. */
static char *
in_object (GsPlan *plan)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  json_object_set_member (o, "plan", json_node_ref (gs_plan_peek_root (plan)));
  json_node_take_object (node, o);
  return gs_json_to_text_held (node, gs_plan_write_held, plan);
}

/* Open a file with 1,000 deals as rows, edit something else, save: the
 * actuals section is the file's, byte for byte. */
static void
test_opened_saves_what_it_read (void)
{
  g_autofree char *objects = plan_text ("1.4");
  g_autoptr (GsPlan) read = open_ok (objects);
  g_autofree char *rows = gs_plan_to_text (read);
  g_autofree char *dir = g_dir_make_tmp ("gs-opened-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.goalsheet", NULL);
  g_autofree char *saved = NULL, *before = NULL, *after = NULL;
  g_autoptr (GsPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, rows, -1, &error));
  plan = gs_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (gs_plan_set_double (plan, "funnel.steps[1].rate", 0.25, &error));
  g_assert_true (gs_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (gs_plan_has_store (plan));
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_nonnull (strstr (saved, "\"rate\": 0.25"));
  before = actuals_section (rows);
  after = actuals_section (saved);
  assert_same_text (after, before);
  test_remove_dir (dir);

  /* One level deeper (the recovery file holds the plan in an object): the
   * records written, the same text as the whole tree's. */
  {
    g_autoptr (GsPlan) opened = open_ok (rows);
    g_autoptr (GsPlan) tree_plan = open_ok (rows);
    g_autofree char *held = NULL, *built = NULL;
    gs_plan_get_root (tree_plan);
    held = in_object (opened);
    built = in_object (tree_plan);
    g_assert_true (gs_plan_has_store (opened));
    assert_same_text (held, built);
  }
}

/* Rows at the edges of the strict walk (gs-json-rows.c,
 * gs_json_rows_check_row): each put first, in the middle and last among
 * 5,000 long plain rows (over 1 MiB, so passed by their lines) and read both
 * ways, passed (gs_json_parse_skimming, each row checked as it is read,
 * then the rest) and the usual way (gs_json_parse_deferring): the same
 * verdict, and the same values of every row when both read it.  The
 * cases: escapes and multi-byte characters around a 16-byte boundary of
 * a text, control characters, \u0000, lone surrogates, bad UTF-8, whole
 * numbers of 9, 10, 18 and 19 digits, -0, fractions and exponents, cut
 * literals, odd separators, wrong counts, a tabled field's entries out of
 * range, and the last row at the very end of its list. */
#define WALK_ROWS 5000
#define WALK_HEAD                                                                                  \
  "{\"actuals\": {\"deals\": {\"fields\": [\"id\", \"name\", \"n\", \"stage\"], \"texts\": "       \
  "{\"stage\": [\"won\", \"mql\"]}, \"rows\": [\n"

static char *
walk_text (guint at, const char *row)
{
  GString *text = g_string_new (WALK_HEAD);
  for (guint i = 0; i < WALK_ROWS; i++)
    {
      if (i == at)
        g_string_append (text, row);
      else
        g_string_append_printf (text, "[\"%u\", \"Deal %u, renewal%0200u\", %u, %u]", 100000 + i, i,
                                i, i % 1000, i % 2);
      g_string_append (text, i + 1 < WALK_ROWS ? ",\n" : "\n");
    }
  g_string_append (text, "]}}}");
  return g_string_free (text, FALSE);
}

/* The rows' values read one way (NULL when the text or a row is refused);
 * lines: the rows are to be passed by their lines when passed. */
static GsJsonRowValue *
walk_read (GBytes *bytes, gboolean passed, gboolean lines)
{
  static const char *const paths[] = { "actuals.deals*", NULL };
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) root = passed ? gs_json_parse_skimming (bytes, paths, &deferred, NULL)
                                     : gs_json_parse_deferring (bytes, paths, &deferred, NULL);
  g_autofree GsJsonRowValue *values = NULL;
  if (root == NULL)
    return NULL;
  g_assert_true (gs_json_deferred_unchecked (deferred) == (passed && lines));
  g_assert_cmpint (gs_json_deferred_length (deferred, "actuals.deals"), ==, WALK_ROWS);
  values = g_new0 (GsJsonRowValue, WALK_ROWS * 4 + 1);
  for (guint i = 0; i < WALK_ROWS; i++)
    if (!gs_json_deferred_row (deferred, "actuals.deals", i, values + i * 4, NULL))
      return NULL;
  if (passed && !gs_json_deferred_check_rest (deferred))
    return NULL;
  return g_steal_pointer (&values);
}

static void
test_strict_walk (void)
{
  static const struct
  {
    const char *row;
    gboolean good; /* read either way */
  } cases[] = {
    { "[\"1\", \"\\\"\", 1, 0]", TRUE },
    { "[\"1\", \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\\\", 1, 0]", TRUE },
    { "[\"1\", \"\\u0000\", 1, 0]", FALSE },
    { "[\"1\", \"\\ud83d\", 1, 0]", FALSE },
    { "[\"1\", \"\\ude00\", 1, 0]", FALSE },
    { "[\"1\", \"\\ud83d\\u0041\", 1, 0]", FALSE },
    { "[\"1\", \"\\u12\", 1, 0]", FALSE },
    { "[\"1\", \"\\x\", 1, 0]", FALSE },
    { "[\"1\", \"\\\", 1, 0]", FALSE },
    { "[\"1\", \"a\x01\", 1, 0]", FALSE },
    { "[\"1\", \"a\x7f\", 1, 0]", TRUE },
    { "[\"1\", \"\xc3\", 1, 0]", FALSE },
    { "[\"1\", \"\xc0\xaf\", 1, 0]", FALSE },
    { "[\"1\", \"\xed\xa0\x80\", 1, 0]", FALSE },
    { "[\"1\", \"\xf4\x90\x80\x80\", 1, 0]", FALSE },
    { "[\"1\", \"\xf0\x9f\x98\x80\", 1, 0]", TRUE },
    { "[\"1\", \"a\", 123456789012345678, 0]", TRUE },
    { "[\"1\", \"a\", 1234567890123456789, 0]", FALSE },
    { "[\"1\", \"a\", -123456789012345678, 0]", TRUE },
    { "[\"1\", \"a\", -1234567890123456789, 0]", FALSE },
    { "[\"1\", \"a\", 12345678901234567890.5, 0]", TRUE },
    { "[\"1\", \"a\", -0, 0]", TRUE },
    { "[\"1\", \"a\", 1e5, 0]", TRUE },
    { "[\"1\", \"a\", 1.5E+3, 0]", TRUE },
    { "[\"1\", \"a\", 1.5e-3, 0]", TRUE },
    { "[\"1\", \"a\", 0.0, 0]", TRUE },
    { "[\"1\", \"a\", 01, 0]", FALSE },
    { "[\"1\", \"a\", -01, 0]", FALSE },
    { "[\"1\", \"a\", 1., 0]", FALSE },
    { "[\"1\", \"a\", 1e, 0]", FALSE },
    { "[\"1\", \"a\", 1e+, 0]", FALSE },
    { "[\"1\", \"a\", .5, 0]", FALSE },
    { "[\"1\", \"a\", +1, 0]", FALSE },
    { "[\"1\", \"a\", -, 0]", FALSE },
    { "[\"1\", \"a\", 1x, 0]", FALSE },
    { "[\"1\", \"a\", nul, 0]", FALSE },
    { "[\"1\", \"a\", nullx, 0]", FALSE },
    { "[\"1\", \"a\", null, null]", TRUE },
    { "[\"1\", \"a\", true, 0]", TRUE },
    { "[\"1\", \"a\", false, 0]", TRUE },
    { "[\"1\", \"a\", fals, 0]", FALSE },
    { "[\"1\", \"a\", [1], 0]", TRUE },
    { "[\"1\", \"a\", {\"b\": 1}, 0]", TRUE },
    { "[\"1\", \"a\", 1, 1]", TRUE },
    { "[\"1\", \"a\", 1, 2]", FALSE },
    { "[\"1\", \"a\", 1, 123456789]", FALSE },
    { "[\"1\", \"a\", 1, 1234567890]", FALSE },
    { "[\"1\", \"a\", 1, 4294967296]", FALSE },
    { "[\"1\", \"a\", 1, 12345678901234567890]", FALSE },
    { "[\"1\", \"a\", 1, -0]", FALSE },
    { "[\"1\", \"a\", 1, 1e0]", FALSE },
    { "[\"1\", \"a\", 1, \"won\"]", FALSE },
    { "[\"1\", \"a\", 1, true]", FALSE },
    { "[\"1\", \"a\", 1]", FALSE },
    { "[\"1\", \"a\", 1, 0, 0]", FALSE },
    { "[]", FALSE },
    { "[ ]", FALSE },
    { "[\"1\",\"a\",1,0]", TRUE },
    { "[ \"1\" , \"a\" ,  1 ,0 ]", TRUE },
    { "[\"1\",\t\"a\", 1, 0]", TRUE },
    { "[\"1\", \x01\"a\", 1, 0]", FALSE },
    { "[\"1\", \"a\", 1, 0,]", FALSE },
    { "[\"1\", , \"a\", 1, 0]", FALSE },
    { "[\"1\", \"a\", 1, 0]]", FALSE },
    { "[\"1\" \"a\", 1, 0]", FALSE },
    { "\"1\"", FALSE },
  };
  for (guint c = 0; c < G_N_ELEMENTS (cases) + 3 * 20; c++)
    {
      g_autofree char *row = NULL;
      gboolean good;
      if (c < G_N_ELEMENTS (cases))
        row = g_strdup (cases[c].row), good = cases[c].good;
      else
        {
          /* Around the 16-byte blocks a text is scanned in: an escape, a
           * character of two, three and four bytes, a control character. */
          static const char *const at[]
              = { "\\n", "\xc3\xa9", "\xe2\x9c\x93", "\xf0\x9f\x98\x80", "\x1f" };
          guint k = (c - G_N_ELEMENTS (cases)) % 20, kind = (c - G_N_ELEMENTS (cases)) / 20;
          g_autofree char *pad = g_strnfill (k + 6, 'a');
          kind = kind == 2 ? 2 + k % 3 : kind;
          row = g_strdup_printf ("[\"%s%s\", \"b\", 1, 0]", pad, at[kind]);
          good = kind != 4;
        }
      for (guint at = 0; at < 3; at++)
        {
          guint i = at == 0 ? 0 : at == 1 ? WALK_ROWS / 2 + 3 : WALK_ROWS - 1;
          g_autofree char *text = walk_text (i, row);
          g_autoptr (GBytes) bytes = g_bytes_new_take (text, strlen (text));
          g_autofree GsJsonRowValue *usual = NULL;
          g_autofree GsJsonRowValue *passed = NULL;
          const char *data = g_bytes_get_data (bytes, NULL);
          g_steal_pointer (&text);
          g_assert_cmpuint (g_bytes_get_size (bytes), >=, 1024 * 1024);
          usual = walk_read (bytes, FALSE, FALSE);
          passed = walk_read (bytes, TRUE, row[0] == '[');
          if ((usual != NULL) != good || (passed != NULL) != good)
            g_error ("row %s at %u: usual %d, passed %d, expected %d", row, i, usual != NULL,
                     passed != NULL, good);
          for (guint v = 0; good && v < WALK_ROWS * 4; v++)
            {
              g_assert_cmpint (passed[v].kind, ==, usual[v].kind);
              g_assert_cmpint (passed[v].text - data, ==, usual[v].text - data);
              g_assert_cmpuint (passed[v].len, ==, usual[v].len);
              if (usual[v].kind == GS_JSON_ROW_INDEX)
                g_assert_cmpuint (passed[v].index, ==, usual[v].index);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/actuals-rows/round-trip", test_round_trip);
  g_test_add_func ("/actuals-rows/import-writes-rows", test_import_writes_rows);
  g_test_add_func ("/actuals-rows/malformed", test_malformed);
  g_test_add_func ("/actuals-rows/texts-in-one-block", test_texts_in_one_block);
  g_test_add_func ("/actuals-rows/direct-awkward", test_direct_awkward);
  g_test_add_func ("/actuals-rows/two-halves", test_two_halves);
  g_test_add_func ("/actuals-rows/two-halves-malformed", test_two_halves_malformed);
  g_test_add_func ("/actuals-rows/skimmed", test_skimmed);
  g_test_add_func ("/actuals-rows/skimmed-values", test_skimmed_values);
  g_test_add_func ("/actuals-rows/strict-walk", test_strict_walk);
  g_test_add_func ("/actuals-rows/only-deals-as-rows", test_only_deals_as_rows);
  g_test_add_func ("/actuals-rows/opened-keeps-store", test_opened_keeps_store);
  g_test_add_func ("/actuals-rows/opened-saves-what-it-read", test_opened_saves_what_it_read);
  return g_test_run ();
}
