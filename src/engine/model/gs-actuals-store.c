/* gs-actuals-store.c — the actuals' records as the plan keeps them
 * (gs-actuals-store.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-store.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-json-rows.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _GsActualsStore
{
  gatomicrefcount ref;
  GsActualsData *data; /* people (for their ids), deals and leads; nothing else */
  char **stage_ids;
  char **source_ids;
  guint digits;
  GsJsonDeferred *origin; /* the file's lists the records were read from, or NULL */
  /* Per list and layout (objects, rows), whether the records write the
   * origin's text: 0 not known yet, 1 yes, -1 no (atomic: copies of the
   * plan in worker threads share the store). */
  gint writes_origin[2][2];
};

const char *const gs_actuals_store_list_names[] = { "deals", "leads", NULL };

/* A text of a record within the limit the plan's reader applies to it. */
static gboolean
check_text (const char *text, guint i, const char *list, const char *key, guint max, GError **error)
{
  glong n = text == NULL || strlen (text) <= max ? 0 : g_utf8_strlen (text, -1);
  g_autofree char *path = NULL;
  if (n <= (glong) max)
    return TRUE;
  path = g_strdup_printf ("actuals.%s[%u].%s", list, i, key);
  if (max == GS_MAX_NAME)
    gs_json_invalid (error, path, _ ("a name of %ld characters; at most %u are allowed"), n, max);
  else
    gs_json_invalid (error, path, _ ("a text of %ld characters; at most %u are allowed"), n, max);
  return FALSE;
}

static gboolean
check_texts (const GsActualsData *d, GError **error)
{
  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *a = &d->deals[i];
      if (!check_text (a->id, i, "deals", "id", GS_MAX_NAME, error)
          || !check_text (a->name, i, "deals", "name", GS_MAX_NAME, error)
          || !check_text (a->crm_stage, i, "deals", "crm_stage", GS_MAX_TEXT, error)
          || !check_text (a->crm_source, i, "deals", "crm_source", GS_MAX_TEXT, error))
        return FALSE;
    }
  for (guint i = 0; i < d->n_leads; i++)
    if (!check_text (d->leads[i].id, i, "leads", "id", GS_MAX_NAME, error)
        || !check_text (d->leads[i].crm_source, i, "leads", "crm_source", GS_MAX_TEXT, error))
      return FALSE;
  return TRUE;
}

static void
copy_records (const GsActualsData *s, GsActualsData *d);

GsActualsStore *
gs_actuals_store_new (const GsActualsData *data, const GsModel *model, GError **error)
{
  if (!check_texts (data, error))
    return NULL;
  return gs_actuals_store_new_unchecked (data, model);
}

/* A store of no records yet, for data's people and model's frame. */
static GsActualsStore *
store_frame (const GsActualsData *data, const GsModel *model)
{
  GsActualsStore *s = g_new0 (GsActualsStore, 1);
  g_atomic_ref_count_init (&s->ref);
  s->data = gs_actuals_data_new (data->n_stages);
  s->data->n_people = data->n_people;
  s->data->people = g_new0 (GsPerson, data->n_people);
  for (guint i = 0; i < data->n_people; i++)
    s->data->people[i].id = g_strdup (data->people[i].id);
  s->stage_ids = g_new0 (char *, model->n_stages + 1);
  for (guint i = 0; i < model->n_stages; i++)
    s->stage_ids[i] = g_strdup (model->stages[i].id);
  s->source_ids = g_new0 (char *, model->n_sources + 1);
  for (guint i = 0; i < model->n_sources; i++)
    s->source_ids[i] = g_strdup (model->sources[i].id);
  s->digits = model->company.digits;
  return s;
}

/* Moves from's deals and leads to to (which has none). */
static void
take_records (GsActualsData *from, GsActualsData *to)
{
  to->deals = g_steal_pointer (&from->deals);
  to->n_deals = from->n_deals;
  to->deal_texts = g_steal_pointer (&from->deal_texts); /* what the deals point into */
  to->deal_texts_size = from->deal_texts_size;
  from->deal_texts_size = 0;
  to->leads = g_steal_pointer (&from->leads);
  to->n_leads = from->n_leads;
  from->n_deals = from->n_leads = 0;
}

GsActualsStore *
gs_actuals_store_new_unchecked (const GsActualsData *data, const GsModel *model)
{
  GsActualsStore *s = store_frame (data, model);
  copy_records (data, s->data);
  return s;
}

GsActualsStore *
gs_actuals_store_new_taking (GsActualsData *data, const GsModel *model, GError **error)
{
  GsActualsStore *s;
  if (data->records_of != NULL)
    return gs_actuals_store_new (data, model, error); /* not data's to give */
  if (!check_texts (data, error))
    return NULL;
  s = store_frame (data, model);
  take_records (data, s->data);
  return s;
}

GsActualsStore *
gs_actuals_store_new_read (GsActualsData *data, const GsModel *model, GsJsonDeferred *origin)
{
  GsActualsStore *s;
  g_return_val_if_fail (data->records_of == NULL, NULL);
  /* The decoder checked every text of the file's records for its limit. */
  s = store_frame (data, model);
  take_records (data, s->data);
  s->origin = gs_json_deferred_ref (origin);
  return s;
}

GsJsonDeferred *
gs_actuals_store_origin (const GsActualsStore *store)
{
  return store->origin;
}

GsActualsStore *
gs_actuals_store_ref (GsActualsStore *store)
{
  g_atomic_ref_count_inc (&store->ref);
  return store;
}

void
gs_actuals_store_unref (GsActualsStore *store)
{
  if (store == NULL || !g_atomic_ref_count_dec (&store->ref))
    return;
  gs_actuals_data_free (store->data);
  g_strfreev (store->stage_ids);
  g_strfreev (store->source_ids);
  g_clear_pointer (&store->origin, gs_json_deferred_free);
  g_free (store);
}

guint
gs_actuals_store_length (const GsActualsStore *store, GsActualsList list)
{
  return list == GS_ACTUALS_DEALS ? store->data->n_deals : store->data->n_leads;
}

gboolean
gs_actuals_store_frame_fits (const GsActualsStore *s, const GsActualsData *data,
                             const GsModel *model)
{
  if (s->digits != model->company.digits || g_strv_length (s->stage_ids) != model->n_stages
      || g_strv_length (s->source_ids) != model->n_sources || s->data->n_people != data->n_people
      || s->data->n_stages != data->n_stages)
    return FALSE;
  for (guint i = 0; i < model->n_stages; i++)
    if (strcmp (s->stage_ids[i], model->stages[i].id) != 0)
      return FALSE;
  for (guint i = 0; i < model->n_sources; i++)
    if (strcmp (s->source_ids[i], model->sources[i].id) != 0)
      return FALSE;
  for (guint i = 0; i < data->n_people; i++)
    if (g_strcmp0 (s->data->people[i].id, data->people[i].id) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
same_date (const GDate *a, const GDate *b)
{
  return g_date_valid (a) == g_date_valid (b) && (!g_date_valid (a) || g_date_compare (a, b) == 0);
}

static gboolean
same_deal (const GsActualDeal *a, const GsActualDeal *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0 && a->owner == b->owner
         && a->amount == b->amount && a->stage == b->stage
         && g_strcmp0 (a->crm_stage, b->crm_stage) == 0 && a->source == b->source
         && g_strcmp0 (a->crm_source, b->crm_source) == 0 && same_date (&a->created, &b->created)
         && same_date (&a->closed, &b->closed) && a->status == b->status
         && gs_actual_deal_same_credit (a, b);
}

static gboolean
same_lead (const GsActualLead *a, const GsActualLead *b, guint n_stages)
{
  if (g_strcmp0 (a->id, b->id) != 0 || a->owner != b->owner || a->source != b->source
      || g_strcmp0 (a->crm_source, b->crm_source) != 0)
    return FALSE;
  for (guint s = 0; s < n_stages; s++)
    if (!same_date (&a->reached[s], &b->reached[s]))
      return FALSE;
  return TRUE;
}

gboolean
gs_actuals_store_same_records (const GsActualsStore *store, const GsActualsData *data)
{
  const GsActualsData *s = store->data;
  if (s->n_deals != data->n_deals || s->n_leads != data->n_leads || s->n_stages != data->n_stages)
    return FALSE;
  for (guint i = 0; i < s->n_deals; i++)
    if (!same_deal (&s->deals[i], &data->deals[i]))
      return FALSE;
  for (guint i = 0; i < s->n_leads; i++)
    if (!same_lead (&s->leads[i], &data->leads[i], s->n_stages))
      return FALSE;
  return TRUE;
}

static void
copy_records (const GsActualsData *s, GsActualsData *d)
{
  d->n_deals = s->n_deals;
  d->deals = g_new (GsActualDeal, s->n_deals);
  for (guint i = 0; i < s->n_deals; i++)
    gs_actual_deal_copy_into (&d->deals[i], &s->deals[i]);
  d->n_leads = s->n_leads;
  d->leads = g_new (GsActualLead, s->n_leads);
  for (guint i = 0; i < s->n_leads; i++)
    {
      d->leads[i] = s->leads[i];
      d->leads[i].id = g_strdup (s->leads[i].id);
      d->leads[i].crm_source = g_strdup (s->leads[i].crm_source);
      d->leads[i].reached = g_memdup2 (s->leads[i].reached, sizeof (GDate) * s->n_stages);
    }
}

void
gs_actuals_store_share_records (const GsActualsStore *store, GsActualsData *data)
{
  g_return_if_fail (data->records_of == NULL && data->deals == NULL && data->leads == NULL);
  data->deals = store->data->deals;
  data->n_deals = store->data->n_deals;
  data->leads = store->data->leads;
  data->n_leads = store->data->n_leads;
  data->records_of = gs_actuals_store_ref ((GsActualsStore *) store);
}

/* Writing: the members in gs_actuals_to_json's order, each only where it
 * sets one. ---------------------------------------------------------------- */

static void
write_text (GsJsonWriter *w, const char *key, const char *text)
{
  if (text == NULL)
    return;
  gs_json_writer_member (w, key);
  gs_json_writer_string (w, text);
}

static void
write_date (GsJsonWriter *w, const char *key, const GDate *date)
{
  char text[16];
  if (gs_actuals_date_text (date, text))
    write_text (w, key, text);
}

static void
write_refs (GsJsonWriter *w, const GsActualsStore *s, int owner, int source, const char *crm_source)
{
  if (owner >= 0)
    write_text (w, "owner", s->data->people[owner].id);
  if (source >= 0)
    write_text (w, "source", s->source_ids[source]);
  write_text (w, "crm_source", crm_source);
}

static void
write_credits (GsJsonWriter *w, const GsActualsStore *s, const char *key, const GsDealCredit *c,
               guint n)
{
  if (n == 0)
    return;
  gs_json_writer_member (w, key);
  gs_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < n; i++)
    {
      gs_json_writer_begin_object (w);
      write_text (w, "person", s->data->people[c[i].person].id);
      gs_json_writer_member (w, "share");
      gs_json_writer_double (w, c[i].share);
      gs_json_writer_end_object (w);
    }
  gs_json_writer_end_array (w);
}

static void
write_terms (GsJsonWriter *w, const GsActualDeal *a)
{
  if (a->discount >= 0)
    {
      gs_json_writer_member (w, "discount");
      gs_json_writer_double (w, a->discount);
    }
  if (a->term_months > 0)
    {
      gs_json_writer_member (w, "term_months");
      gs_json_writer_int (w, a->term_months);
    }
  if (a->type != GS_DEAL_TYPE_UNKNOWN)
    write_text (w, "type", gs_deal_type_names[a->type]);
  if (a->spifs)
    {
      gs_json_writer_member (w, "spifs");
      gs_json_writer_begin_array (w, TRUE);
      for (guint i = 0; a->spifs[i]; i++)
        gs_json_writer_string (w, a->spifs[i]);
      gs_json_writer_end_array (w);
    }
}

static void
write_deal (GsJsonWriter *w, const GsActualsStore *s, const GsActualDeal *a)
{
  char amount[GS_MONEY_PLAIN_MAX];
  gs_money_plain_into (a->amount, s->digits, amount);
  gs_json_writer_begin_object (w);
  write_text (w, "id", a->id);
  write_text (w, "name", a->name);
  write_text (w, "amount", amount);
  write_text (w, "stage", s->stage_ids[a->stage]);
  write_text (w, "crm_stage", a->crm_stage);
  write_text (w, "status", gs_deal_status_names[a->status]);
  write_date (w, "created", &a->created);
  write_date (w, "closed", &a->closed);
  write_refs (w, s, a->owner, a->source, a->crm_source);
  write_credits (w, s, "splits", a->splits, a->n_splits);
  write_credits (w, s, "overlays", a->overlays, a->n_overlays);
  write_date (w, "paid", &a->paid);
  write_date (w, "refunded", &a->refunded);
  write_terms (w, a);
  gs_json_writer_end_object (w);
}

static void
write_lead (GsJsonWriter *w, const GsActualsStore *s, const GsActualLead *l)
{
  gs_json_writer_begin_object (w);
  write_text (w, "id", l->id);
  write_refs (w, s, l->owner, l->source, l->crm_source);
  gs_json_writer_member (w, "reached");
  gs_json_writer_begin_object (w);
  for (guint i = 0; i < s->data->n_stages; i++)
    write_date (w, s->stage_ids[i], &l->reached[i]);
  gs_json_writer_end_object (w);
  gs_json_writer_end_object (w);
}

void
gs_actuals_store_write (const GsActualsStore *s, GsActualsList list, GsJsonWriter *w)
{
  guint n = gs_actuals_store_length (s, list);
  /* An empty list is a flat one to gs_json_to_text. */
  gs_json_writer_begin_array (w, n == 0);
  for (guint i = 0; i < n && gs_json_writer_ok (w); i++)
    if (list == GS_ACTUALS_DEALS)
      write_deal (w, s, &s->data->deals[i]);
    else
      write_lead (w, s, &s->data->leads[i]);
  gs_json_writer_end_array (w);
}

/* Writing as rows ---------------------------------------------------------- */

static const char *const deal_order[]
    = { "id",       "name",     "amount",      "stage",      "crm_stage", "status",   "created",
        "closed",   "owner",    "source",      "crm_source", "splits",    "overlays", "paid",
        "refunded", "discount", "term_months", "type",       "spifs",     NULL };
static const char *const lead_order[] = { "id", "owner", "source", "crm_source", "reached", NULL };
static const char *const deal_tabled[]
    = { "stage", "crm_stage", "status", "owner", "source", "crm_source", "type", NULL };
static const char *const lead_tabled[] = { "owner", "source", "crm_source", NULL };
const char *const *const gs_actuals_rows_order[] = { deal_order, lead_order };
const char *const *const gs_actuals_rows_tabled[] = { deal_tabled, lead_tabled };

/* One record's members at a time: what they point to lives until the next. */
typedef struct
{
  const GsActualsStore *s;
  GsActualsList list;
  char amount[GS_MONEY_PLAIN_MAX];
  char dates[4][16];
  GPtrArray *nodes; /* of JsonNode */
} RowCtx;

static guint
add_text (GsJsonRowMember *m, guint n, const char *name, const char *text)
{
  if (text == NULL)
    return n;
  m[n] = (GsJsonRowMember){ name, text, NULL };
  return n + 1;
}

static guint
add_node (RowCtx *x, GsJsonRowMember *m, guint n, const char *name, JsonNode *node)
{
  g_ptr_array_add (x->nodes, node);
  m[n] = (GsJsonRowMember){ name, NULL, node };
  return n + 1;
}

static guint
add_date (RowCtx *x, GsJsonRowMember *m, guint n, const char *name, const GDate *date, guint k)
{
  return gs_actuals_date_text (date, x->dates[k]) ? add_text (m, n, name, x->dates[k]) : n;
}

/* A node holding array (taken: json_node_init_array would add a
 * reference of its own). */
static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
credits_node (const GsActualsStore *s, const GsDealCredit *c, guint n)
{
  JsonArray *array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "person", s->data->people[c[i].person].id);
      json_object_set_double_member (o, "share", c[i].share);
      json_array_add_object_element (array, o);
    }
  return array_node (array);
}

static guint
deal_members (RowCtx *x, const GsActualDeal *a, GsJsonRowMember *m)
{
  const GsActualsStore *s = x->s;
  guint n = 0;

  gs_money_plain_into (a->amount, s->digits, x->amount);
  n = add_text (m, n, "id", a->id);
  n = add_text (m, n, "name", a->name);
  n = add_text (m, n, "amount", x->amount);
  n = add_text (m, n, "stage", s->stage_ids[a->stage]);
  n = add_text (m, n, "crm_stage", a->crm_stage);
  n = add_text (m, n, "status", gs_deal_status_names[a->status]);
  n = add_date (x, m, n, "created", &a->created, 0);
  n = add_date (x, m, n, "closed", &a->closed, 1);
  n = add_text (m, n, "owner", a->owner >= 0 ? s->data->people[a->owner].id : NULL);
  n = add_text (m, n, "source", a->source >= 0 ? s->source_ids[a->source] : NULL);
  n = add_text (m, n, "crm_source", a->crm_source);
  if (a->n_splits > 0)
    n = add_node (x, m, n, "splits", credits_node (s, a->splits, a->n_splits));
  if (a->n_overlays > 0)
    n = add_node (x, m, n, "overlays", credits_node (s, a->overlays, a->n_overlays));
  n = add_date (x, m, n, "paid", &a->paid, 2);
  n = add_date (x, m, n, "refunded", &a->refunded, 3);
  if (a->discount >= 0)
    n = add_node (x, m, n, "discount", json_node_init_double (json_node_alloc (), a->discount));
  if (a->term_months > 0)
    n = add_node (x, m, n, "term_months", json_node_init_int (json_node_alloc (), a->term_months));
  if (a->type != GS_DEAL_TYPE_UNKNOWN)
    n = add_text (m, n, "type", gs_deal_type_names[a->type]);
  if (a->spifs)
    {
      JsonArray *array = json_array_new ();
      for (guint i = 0; a->spifs[i]; i++)
        json_array_add_string_element (array, a->spifs[i]);
      n = add_node (x, m, n, "spifs", array_node (array));
    }
  return n;
}

static guint
lead_members (RowCtx *x, const GsActualLead *l, GsJsonRowMember *m)
{
  const GsActualsStore *s = x->s;
  JsonObject *reached = json_object_new ();
  JsonNode *node;
  guint n = 0;

  n = add_text (m, n, "id", l->id);
  n = add_text (m, n, "owner", l->owner >= 0 ? s->data->people[l->owner].id : NULL);
  n = add_text (m, n, "source", l->source >= 0 ? s->source_ids[l->source] : NULL);
  n = add_text (m, n, "crm_source", l->crm_source);
  for (guint i = 0; i < s->data->n_stages; i++)
    {
      char text[16];
      if (gs_actuals_date_text (&l->reached[i], text))
        json_object_set_string_member (reached, s->stage_ids[i], text);
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, reached);
  return add_node (x, m, n, "reached", node);
}

static guint
row_members (guint index, GsJsonRowMember *m, gpointer data)
{
  RowCtx *x = data;
  g_ptr_array_set_size (x->nodes, 0);
  return x->list == GS_ACTUALS_DEALS ? deal_members (x, &x->s->data->deals[index], m)
                                     : lead_members (x, &x->s->data->leads[index], m);
}

void
gs_actuals_store_write_rows (const GsActualsStore *s, GsActualsList list, GsJsonWriter *w)
{
  RowCtx x = { .s = s, .list = list };
  x.nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gs_json_write_rows (w, gs_actuals_store_length (s, list), row_members, &x,
                      gs_actuals_rows_order[list], gs_actuals_rows_tabled[list]);
  g_ptr_array_unref (x.nodes);
}

/* Writing the file's text ---------------------------------------------- */

/* The text the records write, compared with the file's as it is made: the
 * list is written at the depth the plan's file has it, wrapped in two
 * objects whose own text is known. */
#define WRAP_HEAD "{\n  \"a\": {\n    \"b\": "
#define WRAP_TAIL "\n  }\n}\n"
#define LIST_DEPTH 2

typedef struct
{
  const char *file; /* the list's text in the file */
  gsize len;
  gsize at; /* bytes of the written text seen */
} Compare;

static gboolean
compare_piece (const char *text, gsize len, gpointer data, GError **error)
{
  Compare *c = data;
  static const char head[] = WRAP_HEAD, tail[] = WRAP_TAIL;
  gsize n_head = sizeof head - 1;
  for (gsize i = 0; i < len;)
    {
      gsize at = c->at + i, part;
      const char *want;
      if (at < n_head)
        want = head + at, part = MIN (len - i, n_head - at);
      else if (at < n_head + c->len)
        want = c->file + (at - n_head), part = MIN (len - i, n_head + c->len - at);
      else if (at < n_head + c->len + sizeof tail - 1)
        want = tail + (at - n_head - c->len),
        part = MIN (len - i, n_head + c->len + sizeof tail - 1 - at);
      else
        want = NULL, part = 0;
      if (want == NULL || memcmp (text + i, want, part) != 0)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "differs");
          return FALSE; /* stops the writer */
        }
      i += part;
    }
  c->at += len;
  return TRUE;
}

static void
write_records (const GsActualsStore *s, GsActualsList list, gboolean rows, GsJsonWriter *w)
{
  if (rows)
    gs_actuals_store_write_rows (s, list, w);
  else
    gs_actuals_store_write (s, list, w);
}

/* Whether the records write the file's text of list. */
static gboolean
writes_file_text (const GsActualsStore *s, GsActualsList list, gboolean rows, const char *file,
                  gsize len)
{
  Compare c = { file, len, 0 };
  g_autoptr (GsJsonWriter) w = gs_json_writer_new (compare_piece, &c);
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "a");
  gs_json_writer_begin_object (w);
  gs_json_writer_member (w, "b");
  write_records (s, list, rows, w);
  gs_json_writer_end_object (w);
  gs_json_writer_end_object (w);
  return gs_json_writer_finish (w, NULL)
         && c.at == sizeof WRAP_HEAD - 1 + len + sizeof WRAP_TAIL - 1;
}

gboolean
gs_actuals_store_write_origin (const GsActualsStore *s, GsActualsList list, gboolean rows,
                               GsJsonWriter *w)
{
  g_autofree char *path = NULL;
  gint *known;
  const char *file;
  gsize len = 0;

  g_return_val_if_fail (s->origin != NULL, FALSE);
  path = g_strconcat ("actuals.", gs_actuals_store_list_names[list], NULL);
  file = gs_json_deferred_text (s->origin, path, &len);
  known = (gint *) &s->writes_origin[list][rows ? 1 : 0];
  if (file == NULL)
    return FALSE;
  if (g_atomic_int_get (known) == 0)
    g_atomic_int_set (known, writes_file_text (s, list, rows, file, len) ? 1 : -1);
  if (g_atomic_int_get (known) < 0)
    return FALSE;
  if (gs_json_writer_depth (w) == LIST_DEPTH)
    gs_json_writer_text (w, file, len);
  else
    write_records (s, list, rows, w);
  return TRUE;
}

JsonNode *
gs_actuals_store_build (const GsActualsStore *s, GsActualsList list)
{
  g_autoptr (GError) error = NULL;
  GsJsonWriter *w;
  g_autofree char *text = NULL;
  JsonNode *node;

  if (s->origin != NULL)
    {
      /* The file's records, as gs_json_deferred_materialize builds them. */
      g_autofree char *path = g_strconcat ("actuals.", gs_actuals_store_list_names[list], NULL);
      guint n = (guint) MAX (gs_json_deferred_length (s->origin, path), 0);
      JsonArray *array = json_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        json_array_add_element (array, gs_json_deferred_element (s->origin, path, i));
      return array_node (array);
    }
  w = gs_json_writer_new (NULL, NULL);
  gs_actuals_store_write (s, list, w);
  gs_json_writer_finish (w, NULL);
  text = gs_json_writer_free_to_text (w);
  node = gs_json_parse (text, -1, &error);
  g_assert_no_error (error); /* the writer's own text */
  return node;
}
