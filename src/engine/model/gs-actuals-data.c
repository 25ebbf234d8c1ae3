/* gs-actuals-data.c — the "actuals" section: decoding, checking, copying.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-actuals-data.h"
#include "gs-actuals-store.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-json-rows.h"
#include "gs-large-alloc.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define TRY(expr)                                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!(expr))                                                                                   \
      return FALSE;                                                                                \
  }                                                                                                \
  G_STMT_END

/* A deal without padding on 64-bit systems (gs-actuals-data.h): a member
 * added where it leaves a hole makes 100,000 deals cost more memory. */
G_STATIC_ASSERT (GLIB_SIZEOF_VOID_P != 8 || sizeof (GsActualDeal) == 136);

const char *const gs_deal_status_names[] = { "open", "won", "lost", NULL };
const char *const gs_deal_type_names[] = { "", "new", "existing", NULL };
const char *const gs_date_order_names[] = { "auto", "dmy", "mdy", NULL };
const char *const gs_dispute_line_names[]
    = { "credit", "commission", "true_up", "spif", "draw", "draw_recovery", "clawback", NULL };

const char *
gs_actuals_map_lookup (const GsMapEntry *entries, guint n, const char *crm)
{
  if (crm == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (g_utf8_collate (entries[i].crm, crm) == 0 || g_ascii_strcasecmp (entries[i].crm, crm) == 0)
      return entries[i].plan;
  return NULL;
}

void
gs_actual_deal_clear (GsActualDeal *deal)
{
  g_free (deal->id);
  g_free (deal->name);
  g_free (deal->crm_stage);
  g_free (deal->crm_source);
  g_free (deal->splits);
  g_free (deal->overlays);
  g_strfreev (deal->spifs);
}

void
gs_actual_deal_copy_into (GsActualDeal *to, const GsActualDeal *from)
{
  *to = *from;
  to->id = g_strdup (from->id);
  to->name = g_strdup (from->name);
  to->crm_stage = g_strdup (from->crm_stage);
  to->crm_source = g_strdup (from->crm_source);
  to->splits = g_memdup2 (from->splits, sizeof (GsDealCredit) * from->n_splits);
  to->overlays = g_memdup2 (from->overlays, sizeof (GsDealCredit) * from->n_overlays);
  to->spifs = g_strdupv (from->spifs);
}

static gboolean
same_date (const GDate *a, const GDate *b)
{
  return g_date_valid (a) == g_date_valid (b) && (!g_date_valid (a) || g_date_compare (a, b) == 0);
}

static gboolean
same_credits (const GsDealCredit *a, guint na, const GsDealCredit *b, guint nb)
{
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (a[i].person != b[i].person || a[i].share != b[i].share)
      return FALSE;
  return TRUE;
}

static gboolean
same_tags (char **a, char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

gboolean
gs_actual_deal_same_credit (const GsActualDeal *a, const GsActualDeal *b)
{
  return same_credits (a->splits, a->n_splits, b->splits, b->n_splits)
         && same_credits (a->overlays, a->n_overlays, b->overlays, b->n_overlays)
         && same_date (&a->paid, &b->paid) && same_date (&a->refunded, &b->refunded)
         && a->discount == b->discount && a->term_months == b->term_months && a->type == b->type
         && same_tags (a->spifs, b->spifs);
}

gboolean
gs_actuals_date_text (const GDate *date, char text[16])
{
  guint y, m, d;
  if (!g_date_valid (date))
    return FALSE;
  y = g_date_get_year (date);
  m = g_date_get_month (date);
  d = g_date_get_day (date);
  if (y > 9999)
    {
      g_snprintf (text, 16, "%04u-%02u-%02u", y, m, d);
      return TRUE;
    }
  /* By hand: a save writes two dates a deal, twice when written as rows. */
  text[0] = (char) ('0' + y / 1000);
  text[1] = (char) ('0' + y / 100 % 10);
  text[2] = (char) ('0' + y / 10 % 10);
  text[3] = (char) ('0' + y % 10);
  text[4] = '-';
  text[5] = (char) ('0' + m / 10);
  text[6] = (char) ('0' + m % 10);
  text[7] = '-';
  text[8] = (char) ('0' + d / 10);
  text[9] = (char) ('0' + d % 10);
  text[10] = '\0';
  return TRUE;
}

guint
gs_actuals_data_format_minor (const GsActualsData *d)
{
  if (d->n_deals >= GS_ACTUALS_ROWS_MIN)
    return GS_FORMAT_MINOR_ROWS;
  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *a = &d->deals[i];
      if (a->discount >= 0 || a->term_months > 0 || a->type != GS_DEAL_TYPE_UNKNOWN || a->spifs)
        return GS_FORMAT_MINOR_DEAL_TERMS;
    }
  return d->n_disputes > 0 ? GS_FORMAT_MINOR_DISPUTES : GS_FORMAT_MINOR_ACTUALS;
}

gboolean
gs_actual_deal_check_splits (const GsActualDeal *deal, GError **error)
{
  double total = 0;
  for (guint i = 0; i < deal->n_splits; i++)
    {
      if (!(deal->splits[i].share > 0 && deal->splits[i].share <= 1))
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("deal “%s”: a revenue split must be more than 0 %% and at most 100 %%"),
                       deal->id);
          return FALSE;
        }
      for (guint k = 0; k < i; k++)
        if (deal->splits[k].person == deal->splits[i].person)
          {
            g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                         _ ("deal “%s”: a person has two revenue splits"), deal->id);
            return FALSE;
          }
      total += deal->splits[i].share;
    }
  /* Shares are read from text such as 0.85 or 85 %: binary noise only. */
  if (deal->n_splits > 0 && fabs (total - 1) > 1e-9)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("deal “%s”: the revenue splits add up to %.6g %%, not 100 %%"), deal->id,
                   total * 100);
      return FALSE;
    }
  return TRUE;
}

GsActualsData *
gs_actuals_data_new (guint n_stages)
{
  GsActualsData *d = g_new0 (GsActualsData, 1);
  d->n_stages = n_stages;
  d->mapping.date_order = GS_DATE_ORDER_AUTO;
  d->mapping.owner_role = g_strdup ("ae");
  return d;
}

static void
free_map (GsMapEntry *e, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (e[i].crm);
      g_free (e[i].plan);
    }
  g_free (e);
}

static GsMapEntry *
copy_map (const GsMapEntry *e, guint n)
{
  GsMapEntry *c = g_new0 (GsMapEntry, n);
  for (guint i = 0; i < n; i++)
    {
      c[i].crm = g_strdup (e[i].crm);
      c[i].plan = g_strdup (e[i].plan);
    }
  return c;
}

void
gs_actuals_data_free (GsActualsData *d)
{
  if (d == NULL)
    return;
  free_map (d->mapping.stages, d->mapping.n_stages);
  free_map (d->mapping.sources, d->mapping.n_sources);
  free_map (d->mapping.columns, d->mapping.n_columns);
  g_free (d->mapping.owner_role);
  for (guint i = 0; i < d->n_people; i++)
    {
      g_free (d->people[i].id);
      g_free (d->people[i].name);
      g_free (d->people[i].email);
      g_free (d->people[i].role);
    }
  g_free (d->people);
  if (d->records_of)
    gs_actuals_store_unref (d->records_of);
  else
    gs_actuals_data_free_records (d);
  for (guint i = 0; i < d->n_disputes; i++)
    {
      g_free (d->disputes[i].period);
      g_free (d->disputes[i].deal);
      g_free (d->disputes[i].text);
      g_free (d->disputes[i].author);
    }
  g_free (d->disputes);
  g_free (d);
}

/* Whether text lies in block (not the deal's own). */
static gboolean
in_block (const char *block, gsize size, const char *text)
{
  return text != NULL && block != NULL && text >= block && text < block + size;
}

void
gs_actual_deal_clear_outside (GsActualDeal *deal, const char *block, gsize size)
{
  if (in_block (block, size, deal->id))
    deal->id = NULL;
  if (in_block (block, size, deal->name))
    deal->name = NULL;
  if (in_block (block, size, deal->crm_stage))
    deal->crm_stage = NULL;
  if (in_block (block, size, deal->crm_source))
    deal->crm_source = NULL;
  gs_actual_deal_clear (deal);
}

void
gs_actuals_data_free_records (GsActualsData *d)
{
  for (guint i = 0; i < d->n_deals; i++)
    gs_actual_deal_clear_outside (&d->deals[i], d->deal_texts, d->deal_texts_size);
  g_clear_pointer (&d->deals, g_free);
  g_clear_pointer (&d->deal_texts, g_free);
  d->deal_texts_size = 0;
  d->n_deals = 0;
  for (guint i = 0; i < d->n_leads; i++)
    {
      g_free (d->leads[i].id);
      g_free (d->leads[i].crm_source);
      g_free (d->leads[i].reached);
    }
  g_clear_pointer (&d->leads, g_free);
  d->n_leads = 0;
}

/* text copied to *at, which moves past it (NULL stays NULL). */
static char *
put_text (char **at, const char *text)
{
  char *put = *at;
  gsize n;
  if (text == NULL)
    return NULL;
  n = strlen (text) + 1;
  memcpy (put, text, n);
  *at += n;
  return put;
}

/* d's deals into c, their texts in one block (c->deal_texts): 100,000 deals
 * cost two allocations on huge pages, not 400,000 small ones (a re-import
 * copies the plan's deals to merge into). */
static void
copy_deals (const GsActualsData *d, GsActualsData *c)
{
  gsize size = 0;
  char *at;

  c->deals = gs_large_alloc (sizeof (GsActualDeal) * d->n_deals);
  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *from = &d->deals[i];
      const char *const each[] = { from->id, from->name, from->crm_stage, from->crm_source };
      for (guint t = 0; t < G_N_ELEMENTS (each); t++)
        size += each[t] ? strlen (each[t]) + 1 : 0;
    }
  c->deal_texts = gs_large_alloc (size);
  c->deal_texts_size = size;
  at = c->deal_texts;
  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *from = &d->deals[i];
      GsActualDeal *to = &c->deals[i];
      *to = *from;
      to->id = put_text (&at, from->id);
      to->name = put_text (&at, from->name);
      to->crm_stage = put_text (&at, from->crm_stage);
      to->crm_source = put_text (&at, from->crm_source);
      to->splits = g_memdup2 (from->splits, sizeof (GsDealCredit) * from->n_splits);
      to->overlays = g_memdup2 (from->overlays, sizeof (GsDealCredit) * from->n_overlays);
      to->spifs = g_strdupv (from->spifs);
    }
}

GsActualsData *
gs_actuals_data_copy (const GsActualsData *d)
{
  GsActualsData *c = g_memdup2 (d, sizeof *d);
  c->records_of = NULL; /* the copy's records are its own, below */
  c->deal_texts = NULL; /* and so are their texts */
  c->deal_texts_size = 0;
  c->mapping.stages = copy_map (d->mapping.stages, d->mapping.n_stages);
  c->mapping.sources = copy_map (d->mapping.sources, d->mapping.n_sources);
  c->mapping.columns = copy_map (d->mapping.columns, d->mapping.n_columns);
  c->mapping.owner_role = g_strdup (d->mapping.owner_role);
  c->people = g_memdup2 (d->people, sizeof (GsPerson) * d->n_people);
  for (guint i = 0; i < d->n_people; i++)
    {
      c->people[i].id = g_strdup (d->people[i].id);
      c->people[i].name = g_strdup (d->people[i].name);
      c->people[i].email = g_strdup (d->people[i].email);
      c->people[i].role = g_strdup (d->people[i].role);
    }
  copy_deals (d, c);
  c->leads = g_memdup2 (d->leads, sizeof (GsActualLead) * d->n_leads);
  for (guint i = 0; i < d->n_leads; i++)
    {
      c->leads[i].id = g_strdup (d->leads[i].id);
      c->leads[i].crm_source = g_strdup (d->leads[i].crm_source);
      c->leads[i].reached = g_memdup2 (d->leads[i].reached, sizeof (GDate) * d->n_stages);
    }
  c->disputes = g_memdup2 (d->disputes, sizeof (GsDispute) * d->n_disputes);
  for (guint i = 0; i < d->n_disputes; i++)
    {
      c->disputes[i].period = g_strdup (d->disputes[i].period);
      c->disputes[i].deal = g_strdup (d->disputes[i].deal);
      c->disputes[i].text = g_strdup (d->disputes[i].text);
      c->disputes[i].author = g_strdup (d->disputes[i].author);
    }
  return c;
}

GsActualsData *
gs_actuals_data_copy_sharing (const GsActualsData *d)
{
  GsActualsData frame;
  GsActualsData *c;

  if (d->records_of == NULL)
    return gs_actuals_data_copy (d);
  /* Everything but the records copied; the records are the store's, which
   * never changes them, so a reference stands for the copy. */
  frame = *d;
  frame.deals = NULL;
  frame.n_deals = 0;
  frame.leads = NULL;
  frame.n_leads = 0;
  frame.records_of = NULL;
  c = gs_actuals_data_copy (&frame);
  gs_actuals_store_share_records (d->records_of, c);
  return c;
}

/* Decoding ---------------------------------------------------------------- */

typedef struct
{
  GsModel *model;
  GsActualsData *data;
  GHashTable *people;             /* person id → index + 1 */
  const GsJsonDeferred *deferred; /* deals and leads read apart, or NULL */
  const GsActualsStore *store;    /* the records where the tree holds null, or NULL */
} Ctx;

static gboolean
is_source (Ctx *c, const char *id);

static gboolean
decode_map (JsonObject *obj, const char *path, const char *key, GsMapEntry **out, guint *n,
            gboolean (*check) (Ctx *, const char *), Ctx *c, GError **error)
{
  JsonObject *map;
  g_autofree char *p = gs_json_child_path (path, key);
  GList *members;
  guint i = 0;

  TRY (gs_json_object (obj, path, key, GS_FIELD_OPTIONAL, &map, error));
  if (map == NULL)
    return TRUE;
  members = json_object_get_members (map);
  *n = g_list_length (members);
  *out = g_new0 (GsMapEntry, *n);
  for (GList *l = members; l; l = l->next, i++)
    {
      const char *crm = l->data;
      g_autofree char *value = NULL;
      if (!gs_json_string (map, p, crm, GS_FIELD_REQUIRED, NULL, &value, error))
        {
          g_list_free (members);
          return FALSE;
        }
      if (check && !check (c, value))
        {
          g_autofree char *mp = gs_json_child_path (p, crm);
          if (check == is_source)
            gs_json_invalid (error, mp, _ ("“%s” is not a source of the plan"), value);
          else
            gs_json_invalid (error, mp, _ ("“%s” is not a stage of the plan (or “lost”)"), value);
          g_list_free (members);
          return FALSE;
        }
      (*out)[i].crm = g_strdup (crm);
      (*out)[i].plan = g_steal_pointer (&value);
    }
  g_list_free (members);
  return TRUE;
}

static int
source_index (const GsModel *m, const char *id)
{
  for (guint i = 0; i < m->n_sources; i++)
    if (g_strcmp0 (m->sources[i].id, id) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_stage_or_lost (Ctx *c, const char *id)
{
  return strcmp (id, "lost") == 0 || gs_model_stage_index (c->model, id) != G_MAXUINT;
}

static gboolean
is_source (Ctx *c, const char *id)
{
  return source_index (c->model, id) >= 0;
}

static gboolean
decode_mapping (Ctx *c, JsonObject *act, GError **error)
{
  JsonObject *obj;
  GsActualsMapping *mp = &c->data->mapping;
  int order = GS_DATE_ORDER_AUTO;
  g_autofree char *role = NULL;

  TRY (gs_json_object (act, "actuals", "mapping", GS_FIELD_OPTIONAL, &obj, error));
  if (obj == NULL)
    return TRUE;
  TRY (decode_map (obj, "actuals.mapping", "stages", &mp->stages, &mp->n_stages, is_stage_or_lost,
                   c, error));
  TRY (decode_map (obj, "actuals.mapping", "sources", &mp->sources, &mp->n_sources, is_source, c,
                   error));
  TRY (
      decode_map (obj, "actuals.mapping", "columns", &mp->columns, &mp->n_columns, NULL, c, error));
  TRY (gs_json_enum (obj, "actuals.mapping", "date_order", GS_FIELD_OPTIONAL, GS_DATE_ORDER_AUTO,
                     gs_date_order_names, &order, error));
  mp->date_order = order;
  TRY (
      gs_json_string (obj, "actuals.mapping", "owner_role", GS_FIELD_OPTIONAL, "ae", &role, error));
  if (!gs_json_valid_id (role))
    {
      gs_json_invalid (error, "actuals.mapping.owner_role", _ ("“%s” is not an id"), role);
      return FALSE;
    }
  g_free (mp->owner_role);
  mp->owner_role = g_steal_pointer (&role);
  return TRUE;
}

static gboolean
decode_people (Ctx *c, JsonObject *act, GError **error)
{
  JsonArray *arr;
  GsActualsData *d = c->data;

  TRY (gs_json_list (act, "actuals", "people", GS_FIELD_OPTIONAL, GS_MAX_ROSTER, &arr, error));
  if (arr == NULL)
    return TRUE;
  d->n_people = json_array_get_length (arr);
  d->people = g_new0 (GsPerson, d->n_people);
  for (guint i = 0; i < d->n_people; i++)
    {
      g_autofree char *p = gs_json_index_path ("actuals.people", i);
      JsonObject *o = gs_json_array_object (arr, "actuals.people", i, error);
      GsPerson *person = &d->people[i];
      if (o == NULL)
        return FALSE;
      TRY (gs_json_string (o, p, "name", GS_FIELD_REQUIRED, NULL, &person->name, error));
      TRY (gs_json_string (o, p, "id", GS_FIELD_REQUIRED, NULL, &person->id, error));
      TRY (gs_json_string (o, p, "email", GS_FIELD_OPTIONAL, NULL, &person->email, error));
      TRY (gs_json_string (o, p, "role", GS_FIELD_OPTIONAL, "ae", &person->role, error));
      TRY (gs_json_money (o, p, "quota", GS_FIELD_OPTIONAL, 0, c->model->company.digits,
                          &person->quota, error));
      if (!gs_json_valid_id (person->id) || g_hash_table_contains (c->people, person->id))
        {
          g_autofree char *ip = gs_json_child_path (p, "id");
          gs_json_invalid (error, ip, _ ("“%s” is not an id or is used twice"), person->id);
          return FALSE;
        }
      if (person->quota < 0)
        {
          g_autofree char *qp = gs_json_child_path (p, "quota");
          gs_json_invalid (error, qp, _ ("a quota cannot be negative"));
          return FALSE;
        }
      g_hash_table_insert (c->people, person->id, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

/* A person id in key (required for a credit, optional for an owner). */
static gboolean
decode_person_ref (Ctx *c, JsonObject *o, const char *p, const char *key, int *out, GError **error)
{
  g_autofree char *id = NULL;
  gboolean owner = strcmp (key, "owner") == 0;
  *out = -1;
  TRY (gs_json_string (o, p, key, owner ? GS_FIELD_OPTIONAL : GS_FIELD_REQUIRED, NULL, &id, error));
  if (id == NULL)
    return TRUE;
  *out = GPOINTER_TO_INT (g_hash_table_lookup (c->people, id)) - 1;
  if (*out < 0)
    {
      g_autofree char *op = gs_json_child_path (p, key);
      gs_json_invalid (error, op, _ ("“%s” is not a person of actuals.people"), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_owner (Ctx *c, JsonObject *o, const char *p, int *out, GError **error)
{
  return decode_person_ref (c, o, p, "owner", out, error);
}

static gboolean
decode_source (Ctx *c, JsonObject *o, const char *p, int *out, char **crm, GError **error)
{
  g_autofree char *source = NULL;
  *out = -1;
  TRY (gs_json_string (o, p, "source", GS_FIELD_OPTIONAL, NULL, &source, error));
  TRY (gs_json_string (o, p, "crm_source", GS_FIELD_OPTIONAL, NULL, crm, error));
  if (source == NULL)
    return TRUE;
  *out = source_index (c->model, source);
  if (*out < 0)
    {
      g_autofree char *sp = gs_json_child_path (p, "source");
      gs_json_invalid (error, sp, _ ("“%s” is not a source of the plan"), source);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_credits (Ctx *c, JsonObject *o, const char *p, const char *key, double max,
                GsDealCredit **out, guint *n, GError **error)
{
  JsonArray *arr;
  g_autofree char *lp = gs_json_child_path (p, key);

  TRY (gs_json_list (o, p, key, GS_FIELD_OPTIONAL, GS_MAX_DEAL_CREDITS, &arr, error));
  if (arr == NULL)
    return TRUE;
  *n = json_array_get_length (arr);
  *out = g_new0 (GsDealCredit, *n);
  for (guint i = 0; i < *n; i++)
    {
      g_autofree char *ip = gs_json_index_path (lp, i);
      JsonObject *e = gs_json_array_object (arr, lp, i, error);
      if (e == NULL)
        return FALSE;
      TRY (decode_person_ref (c, e, ip, "person", &(*out)[i].person, error));
      TRY (gs_json_number (e, ip, "share", GS_FIELD_REQUIRED, 0, 0, max, &(*out)[i].share, error));
      if ((*out)[i].share <= 0)
        {
          g_autofree char *sp = gs_json_child_path (ip, "share");
          gs_json_invalid (error, sp, _ ("a share of credit must be more than 0"));
          return FALSE;
        }
    }
  return TRUE;
}

/* The SPIF ids a deal is flagged for: ids, each once.  Whether a SPIF of
 * the pay plan has the id is not checked here: a SPIF may be renamed or
 * removed after the import, and a tag naming no SPIF qualifies nothing. */
static gboolean
decode_spif_tags (JsonObject *o, const char *p, GsActualDeal *deal, GError **error)
{
  JsonArray *arr;
  g_autofree char *lp = gs_json_child_path (p, "spifs");
  guint n;

  TRY (gs_json_list (o, p, "spifs", GS_FIELD_OPTIONAL, GS_MAX_DEAL_SPIFS, &arr, error));
  if (arr == NULL || (n = json_array_get_length (arr)) == 0)
    return TRUE;
  deal->spifs = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (arr, i);
      const char *id = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
                           ? json_node_get_string (e)
                           : NULL;
      g_autofree char *ip = gs_json_index_path (lp, i);
      if (id == NULL || !gs_json_valid_id (id))
        {
          gs_json_invalid (error, ip,
                           _ ("a SPIF tag is a SPIF's id: lower-case letters, digits, “-” and "
                              "“_”"));
          return FALSE;
        }
      if (g_strv_contains ((const char *const *) deal->spifs, id))
        {
          gs_json_invalid (error, ip, _ ("the deal is tagged for SPIF “%s” twice"), id);
          return FALSE;
        }
      deal->spifs[i] = g_strdup (id);
    }
  return TRUE;
}

/* Discount, term, type and SPIF tags (format 1.3). */
static gboolean
decode_deal_terms (JsonObject *o, const char *p, GsActualDeal *deal, GError **error)
{
  gint64 term = 0;
  int type;

  deal->discount = -1;
  TRY (gs_json_fraction (o, p, "discount", GS_FIELD_OPTIONAL, -1, &deal->discount, error));
  TRY (
      gs_json_int (o, p, "term_months", GS_FIELD_OPTIONAL, 0, 1, GS_MAX_TERM_MONTHS, &term, error));
  deal->term_months = (guint) term;
  /* gs_deal_type_names without the unknown type's "", which is not written. */
  TRY (gs_json_enum (o, p, "type", GS_FIELD_OPTIONAL, -1, gs_deal_type_names + 1, &type, error));
  type += 1;
  deal->type = type;
  return decode_spif_tags (o, p, deal, error);
}

static gboolean
decode_deal_credit (Ctx *c, JsonObject *o, const char *p, GsActualDeal *deal, GError **error)
{
  gboolean present;
  g_autoptr (GError) local = NULL;

  g_date_clear (&deal->paid, 1);
  g_date_clear (&deal->refunded, 1);
  TRY (decode_credits (c, o, p, "splits", 1, &deal->splits, &deal->n_splits, error));
  TRY (decode_credits (c, o, p, "overlays", GS_MAX_OVERLAY_SHARE, &deal->overlays,
                       &deal->n_overlays, error));
  if (!gs_actual_deal_check_splits (deal, &local))
    {
      g_autofree char *sp = gs_json_child_path (p, "splits");
      gs_json_invalid (error, sp, "%s", local->message);
      return FALSE;
    }
  TRY (gs_json_date (o, p, "paid", GS_FIELD_OPTIONAL, &deal->paid, &present, error));
  TRY (gs_json_date (o, p, "refunded", GS_FIELD_OPTIONAL, &deal->refunded, &present, error));
  if (g_date_valid (&deal->refunded)
      && (!g_date_valid (&deal->closed) || g_date_compare (&deal->refunded, &deal->closed) < 0))
    {
      g_autofree char *rp = gs_json_child_path (p, "refunded");
      gs_json_invalid (error, rp, _ ("a deal is refunded on or after its close date"));
      return FALSE;
    }
  return decode_deal_terms (o, p, deal, error);
}

static gboolean
decode_deal (Ctx *c, JsonObject *o, const char *p, GsActualDeal *deal, GError **error)
{
  g_autofree char *stage = NULL;
  gboolean present;
  int status = GS_DEAL_OPEN;

  TRY (gs_json_string (o, p, "id", GS_FIELD_REQUIRED, NULL, &deal->id, error));
  TRY (gs_json_string (o, p, "name", GS_FIELD_OPTIONAL, NULL, &deal->name, error));
  TRY (decode_owner (c, o, p, &deal->owner, error));
  TRY (gs_json_money (o, p, "amount", GS_FIELD_REQUIRED, 0, c->model->company.digits, &deal->amount,
                      error));
  if (deal->amount < 0)
    {
      g_autofree char *ap = gs_json_child_path (p, "amount");
      gs_json_invalid (error, ap, _ ("an amount cannot be negative"));
      return FALSE;
    }
  TRY (gs_json_string (o, p, "stage", GS_FIELD_REQUIRED, NULL, &stage, error));
  deal->stage = gs_model_stage_index (c->model, stage);
  if (deal->stage == G_MAXUINT)
    {
      g_autofree char *sp = gs_json_child_path (p, "stage");
      gs_json_invalid (error, sp, _ ("“%s” is not a stage of the funnel"), stage);
      return FALSE;
    }
  TRY (gs_json_string (o, p, "crm_stage", GS_FIELD_OPTIONAL, NULL, &deal->crm_stage, error));
  TRY (decode_source (c, o, p, &deal->source, &deal->crm_source, error));
  g_date_clear (&deal->created, 1);
  g_date_clear (&deal->closed, 1);
  TRY (gs_json_date (o, p, "created", GS_FIELD_REQUIRED, &deal->created, &present, error));
  if (!present)
    {
      g_autofree char *cp = gs_json_child_path (p, "created");
      gs_json_invalid (error, cp, _ ("is missing"));
      return FALSE;
    }
  TRY (gs_json_date (o, p, "closed", GS_FIELD_OPTIONAL, &deal->closed, &present, error));
  TRY (gs_json_enum (o, p, "status", GS_FIELD_OPTIONAL, GS_DEAL_OPEN, gs_deal_status_names, &status,
                     error));
  deal->status = status;
  if (status != GS_DEAL_OPEN && !g_date_valid (&deal->closed))
    {
      g_autofree char *cp = gs_json_child_path (p, "closed");
      gs_json_invalid (error, cp, _ ("a won or lost deal needs its close date"));
      return FALSE;
    }
  return decode_deal_credit (c, o, p, deal, error);
}

static gboolean
decode_lead (Ctx *c, JsonObject *o, const char *p, GsActualLead *lead, GError **error)
{
  JsonObject *reached;
  g_autofree char *rp = gs_json_child_path (p, "reached");

  TRY (gs_json_string (o, p, "id", GS_FIELD_REQUIRED, NULL, &lead->id, error));
  TRY (decode_owner (c, o, p, &lead->owner, error));
  TRY (decode_source (c, o, p, &lead->source, &lead->crm_source, error));
  lead->reached = g_new0 (GDate, c->data->n_stages);
  for (guint s = 0; s < c->data->n_stages; s++)
    g_date_clear (&lead->reached[s], 1);
  TRY (gs_json_object (o, p, "reached", GS_FIELD_REQUIRED, &reached, error));
  for (guint s = 0; s < c->data->n_stages; s++)
    {
      gboolean present;
      TRY (gs_json_date (reached, rp, c->model->stages[s].id, GS_FIELD_OPTIONAL, &lead->reached[s],
                         &present, error));
    }
  return TRUE;
}

/* Element i of the list key: from the tree's array, or read from the text
 * (gs_json_parse_deferring) into a tree of its own, held in *own until the
 * next element and checked for its texts' lengths as the whole tree is. */
static JsonObject *
record_object (Ctx *c, JsonArray *arr, const char *key, const char *path, const char *p, guint i,
               JsonNode **own, GError **error)
{
  if (arr != NULL)
    return gs_json_array_object (arr, path, i, error);
  g_clear_pointer (own, json_node_unref);
  *own = gs_json_deferred_element (c->deferred, path, i);
  if (!gs_json_check_text_at (*own, p, GS_MAX_NAME, GS_MAX_TEXT, error))
    return NULL;
  return gs_json_element_object (*own, path, i, error);
}

/* Deals written as rows (gs-json-rows.h) ----------------------------------
 *
 * A row whose values are of the usual kinds (texts without escapes within
 * their limits, a known stage, status, owner and source, dates written
 * 2027-03-01, an amount ≥ 0, no pay terms or credits) is decoded straight
 * from the file's text: no tree, and the stage, status, owner and source of
 * an entry of the texts looked up once for all rows.  Any other row is read
 * as its record and decoded as one, so what it gets (a message or a deal)
 * is what the record in the object layout gets. */

enum
{
  D_ID,
  D_NAME,
  D_AMOUNT,
  D_STAGE,
  D_CRM_STAGE,
  D_STATUS,
  D_CREATED,
  D_CLOSED,
  D_OWNER,
  D_SOURCE,
  D_CRM_SOURCE,
  D_KNOWN,   /* a field of a deal read only from the record (splits, …) */
  D_UNKNOWN, /* a field no deal has: its value is kept, not read */
};

static const char *const direct_fields[]
    = { "id",      "name",   "amount", "stage",  "crm_stage",  "status",
        "created", "closed", "owner",  "source", "crm_source", NULL };
static const char *const record_fields[] = { "splits",   "overlays", "paid",
                                             "refunded", "discount", "term_months",
                                             "type",     "spifs",    NULL };

typedef struct
{
  int kind; /* D_… */
  const char *const *texts;
  guint n_texts;
  int *looked_up;  /* per entry: stage, status, person or source index (columns_fill) */
  const char **in; /* per entry: its copy in the block of deal texts (columns_fill) */
} Column;

/* Where the next text goes in the block of the deals' texts
 * (GsActualsData.deal_texts), and its end. */
typedef struct
{
  char *at;
  char *end;
} Block;

/* A copy of text (len bytes) in the block.  The block was sized for every
 * text the rows hold, so it cannot run out. */
static const char *
block_put (Block *b, const char *text, gsize len)
{
  char *copy = b->at;
  g_assert ((gsize) (b->end - b->at) > len);
  memcpy (copy, text, len);
  copy[len] = '\0';
  b->at += len + 1;
  return copy;
}

/* The value's text (an entry of its field's texts, or in the row); FALSE
 * for a value of any other kind. */
static inline gboolean
value_text (const Column *col, const GsJsonRowValue *v, const char **text, gsize *len)
{
  if (v->kind == GS_JSON_ROW_INDEX)
    {
      *text = col->texts[v->index];
      *len = strlen (*text);
      return TRUE;
    }
  *text = v->text;
  *len = v->len;
  return v->kind == GS_JSON_ROW_TEXT;
}

/* An id (a stage, status, person or source) as its index, or -1. */
static int
look_up (Ctx *c, int kind, const char *id)
{
  guint stage;
  switch (kind)
    {
    case D_STAGE:
      stage = gs_model_stage_index (c->model, id);
      return stage == G_MAXUINT ? -1 : (int) stage;
    case D_STATUS:
      for (int i = 0; gs_deal_status_names[i]; i++)
        if (strcmp (gs_deal_status_names[i], id) == 0)
          return i;
      return -1;
    case D_OWNER:
      return GPOINTER_TO_INT (g_hash_table_lookup (c->people, id)) - 1;
    default:
      return source_index (c->model, id);
    }
}

/* The index the value names, or -1 (then the row is read as its record).
 * An entry of the texts was looked up before the rows (columns_fill). */
static inline int
value_ref (Ctx *c, const Column *col, const GsJsonRowValue *v)
{
  char id[GS_MAX_NAME + 1];
  if (G_LIKELY (v->kind == GS_JSON_ROW_INDEX))
    return col->looked_up[v->index];
  if (v->kind != GS_JSON_ROW_TEXT || v->len > GS_MAX_NAME)
    return -1;
  memcpy (id, v->text, v->len);
  id[v->len] = '\0';
  return look_up (c, col->kind, id);
}

/* A date written 2027-03-01 (what gs_json_date reads it as), or FALSE.
 * Checked and set as g_date_valid_dmy and g_date_set_dmy do, here: three
 * GLib calls a date (two checks of it) were a third of decoding a deal.
 * Its first eight bytes are checked at once: "-" where the dashes go,
 * elsewhere a high half 3 and a low half that 6 does not carry out of (a
 * digit); the year's leap is only asked for on the 29th of February. */
G_ALWAYS_INLINE static inline gboolean
value_date (const Column *col, const GsJsonRowValue *v, GDate *out)
{
  static const guint8 days_in[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const guint64 dashes = G_GUINT64_CONSTANT (0xff0000ff00000000); /* bytes 4 and 7 */
  const guint64 highs = G_GUINT64_CONSTANT (0x00f0f000f0f0f0f0);
  const char *text;
  gsize len;
  guint64 x;
  guint d8, d9, y, m, d;
  if (!value_text (col, v, &text, &len) || len != 10)
    return FALSE;
  memcpy (&x, text, sizeof x);
  x = GUINT64_FROM_LE (x);
  d8 = (guchar) text[8] - (guint) '0';
  d9 = (guchar) text[9] - (guint) '0';
  if ((x & dashes) != G_GUINT64_CONSTANT (0x2d00002d00000000)
      || (x & highs) != G_GUINT64_CONSTANT (0x0030300030303030)
      || (((x & highs >> 4) + G_GUINT64_CONSTANT (0x0006060006060606)) & highs) != 0 || d8 > 9
      || d9 > 9)
    return FALSE;
  y = (guint) (x & 0xf) * 1000 + (guint) (x >> 8 & 0xf) * 100 + (guint) (x >> 16 & 0xf) * 10
      + (guint) (x >> 24 & 0xf);
  m = (guint) (x >> 40 & 0xf) * 10 + (guint) (x >> 48 & 0xf);
  d = d8 * 10 + d9;
  if (y == G_DATE_BAD_YEAR || m - 1 >= 12 || d == G_DATE_BAD_DAY)
    return FALSE;
  /* g_date_is_leap_year for the one day the table lacks. */
  if (d > days_in[m] && !(m == 2 && d == 29 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
    return FALSE;
  /* g_date_clear then the day, month and year: a cleared GDate is all
   * zero. */
  *out = (GDate){ .dmy = TRUE, .day = d & 0x3f, .month = m & 0xf, .year = y & 0xffff };
  return TRUE;
}

/* A text member's copy in the block, when written as plain text within max
 * bytes (so within max characters); FALSE for any other value.  An entry
 * of the texts is within its limit (deal_columns) and was copied once for
 * all the deals that name it (columns_fill). */
static inline gboolean
value_put (Block *b, const Column *col, const GsJsonRowValue *v, gsize max, char **out)
{
  if (v->kind == GS_JSON_ROW_INDEX)
    {
      *out = (char *) col->in[v->index];
      return TRUE;
    }
  if (v->kind != GS_JSON_ROW_TEXT || v->len > max)
    return FALSE;
  *out = (char *) block_put (b, v->text, v->len);
  return TRUE;
}

/* The amount: the usual "34000.00" without a copy, else through
 * gs_money_parse as gs_json_money reads it; at least 0. */
static inline gboolean
value_amount (Ctx *c, const Column *col, const GsJsonRowValue *v, GsMoney *out)
{
  char amount[64];
  const char *text;
  gsize len;
  guint digits = c->model->company.digits;
  if (!value_text (col, v, &text, &len))
    return FALSE;
  if (G_LIKELY (gs_money_parse_plain (text, len, digits, out)))
    return TRUE;
  if (len >= sizeof amount)
    return FALSE;
  memcpy (amount, text, len);
  amount[len] = '\0';
  return gs_money_parse (amount, digits, out, NULL) && *out >= 0;
}

/* Row values v into deal straight from the text, in one pass over the
 * fields; FALSE when the row is to be read as its record (the deal is
 * cleared then, and the block left as it was: a row read as its record
 * takes none of it, so each half's rows stay within their share). */
static gboolean
direct_deal (Ctx *c, const Column *cols, guint n, const GsJsonRowValue *v, Block *b,
             GsActualDeal *deal)
{
  char *const mark = b->at;
  const char *text;
  gsize len;
  int ref;

  /* Zero elsewhere: its four dates cleared too (g_date_clear's state).  The
   * amount and stage not read yet: they, the id and the created date are
   * required. */
  *deal = (GsActualDeal){ .owner = -1,
                          .source = -1,
                          .discount = -1,
                          .status = GS_DEAL_OPEN,
                          .amount = -1,
                          .stage = G_MAXUINT };
  for (guint f = 0; f < n; f++)
    {
      const GsJsonRowValue *x = &v[f];
      const Column *col = &cols[f];
      gboolean ok;
      if (x->kind == GS_JSON_ROW_NULL)
        continue;
      switch (col->kind)
        {
        case D_ID:
          ok = value_put (b, col, x, GS_MAX_NAME, &deal->id);
          break;
        case D_NAME:
          ok = value_put (b, col, x, GS_MAX_NAME, &deal->name);
          break;
        case D_CRM_STAGE:
          ok = value_put (b, col, x, GS_MAX_TEXT, &deal->crm_stage);
          break;
        case D_CRM_SOURCE:
          ok = value_put (b, col, x, GS_MAX_TEXT, &deal->crm_source);
          break;
        case D_AMOUNT:
          ok = value_amount (c, col, x, &deal->amount);
          break;
        case D_STAGE:
          ok = (ref = value_ref (c, col, x)) >= 0;
          deal->stage = (guint) ref;
          break;
        case D_STATUS:
          ok = (ref = value_ref (c, col, x)) >= 0;
          deal->status = ref;
          break;
        case D_OWNER:
          ok = (deal->owner = value_ref (c, col, x)) >= 0;
          break;
        case D_SOURCE:
          ok = (deal->source = value_ref (c, col, x)) >= 0;
          break;
        case D_CREATED:
          ok = value_date (col, x, &deal->created);
          break;
        case D_CLOSED:
          /* An empty close date is none. */
          ok = value_date (col, x, &deal->closed) || (value_text (col, x, &text, &len) && len == 0);
          break;
        case D_UNKNOWN:
          /* Kept, not read: within the limit of a text (an entry is). */
          ok = x->kind == GS_JSON_ROW_INDEX
               || (x->kind == GS_JSON_ROW_TEXT && x->len <= GS_MAX_TEXT);
          break;
        default: /* D_KNOWN */
          ok = FALSE;
          break;
        }
      if (!ok)
        goto refused;
    }
  if (deal->id == NULL || deal->amount < 0 || deal->stage == G_MAXUINT || !deal->created.dmy
      || (deal->status != GS_DEAL_OPEN && !deal->closed.dmy))
    goto refused;
  return TRUE;

refused:
  b->at = mark;
  return FALSE;
}

static void
columns_free (Column *cols, guint n);

/* The columns of the deals' rows (NULL when not every field name is
 * within its limit: then every row is read as its record); *tabled: the
 * bytes of their texts' entries, each plus one. */
static Column *
deal_columns (const GsJsonDeferred *d, const char *path, guint n, const char *const *fields,
              gsize *tabled)
{
  Column *cols = g_new0 (Column, n);
  *tabled = 0;
  for (guint f = 0; f < n; f++)
    {
      if (strlen (fields[f]) > GS_MAX_NAME)
        {
          columns_free (cols, f);
          return NULL;
        }
      cols[f].kind = D_UNKNOWN;
      for (int k = 0; direct_fields[k]; k++)
        if (strcmp (direct_fields[k], fields[f]) == 0)
          cols[f].kind = k;
      if (g_strv_contains (record_fields, fields[f]))
        cols[f].kind = D_KNOWN;
      cols[f].texts = gs_json_deferred_texts (d, path, f, &cols[f].n_texts);
      cols[f].looked_up = g_new (int, cols[f].n_texts + 1);
      cols[f].in = g_new0 (const char *, cols[f].n_texts + 1);
      for (guint t = 0; t <= cols[f].n_texts; t++)
        cols[f].looked_up[t] = -1; /* none until columns_fill */
      for (guint t = 0; t < cols[f].n_texts; t++)
        *tabled += strlen (cols[f].texts[t]) + 1;
      /* An entry over the limit a member of its name has: read as records. */
      for (guint t = 0; t < cols[f].n_texts; t++)
        if (strlen (cols[f].texts[t])
            > (cols[f].kind == D_ID || cols[f].kind == D_NAME ? GS_MAX_NAME : GS_MAX_TEXT))
          cols[f].kind = D_KNOWN;
    }
  return cols;
}

static void
columns_free (Column *cols, guint n)
{
  for (guint f = 0; cols && f < n; f++)
    {
      g_free (cols[f].looked_up);
      g_free (cols[f].in);
    }
  g_free (cols);
}

/* The records' ids seen so far, to refuse one used twice: open
 * addressing in one array sized once from the number of records (a
 * GHashTable grew and rehashed five times on the way to 100,000). */
typedef struct
{
  const char **slots;
  guint shift; /* 64 less the bits of a slot's number */
} IdSet;

static void
id_set_init (IdSet *set, guint n)
{
  guint bits = 4;
  while (((gsize) 1 << bits) < (gsize) n * 2)
    bits++;
  set->slots = gs_large_alloc0 (((gsize) 1 << bits) * sizeof *set->slots);
  set->shift = 64 - bits;
}

/* FALSE when id is already in the set.  FNV-1a over the bytes, its top
 * bits mixed by Fibonacci hashing: g_str_hash of ids such as 100000,
 * 100001, … differs by 1, 33, … and its low bits filled long runs of
 * slots, probed with a strcmp each (bench/RESULTS.md, "h11q"). */
static gboolean
id_set_add (IdSet *set, const char *id)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gsize mask = ((gsize) 1 << (64 - set->shift)) - 1;
  gsize i;
  for (const guchar *p = (const guchar *) id; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  i = (gsize) ((h * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> set->shift);
  for (; set->slots[i] != NULL; i = (i + 1) & mask)
    if (strcmp (set->slots[i], id) == 0)
      return FALSE;
  set->slots[i] = id;
  return TRUE;
}

/* From this many deals in rows, the second half is decoded on a thread of
 * its own while this one decodes the first (bench/RESULTS.md, "h11h"):
 * 2,000 deals take about 1 ms to decode, starting a thread some 50 us. */
#define ROWS_APART_MIN 4000

/* The rows' lookups and copies of the texts' entries, made first, so that
 * a row only reads them (and two threads can): every entry of the texts
 * looked up, and the ones a deal points to copied into the block. */
static void
columns_fill (Ctx *c, const Column *cols, guint n, Block *b)
{
  for (guint f = 0; f < n; f++)
    for (guint t = 0; t < cols[f].n_texts; t++)
      switch (cols[f].kind)
        {
        case D_STAGE:
        case D_STATUS:
        case D_OWNER:
        case D_SOURCE:
          cols[f].looked_up[t] = look_up (c, cols[f].kind, cols[f].texts[t]);
          break;
        case D_ID:
        case D_NAME:
        case D_CRM_STAGE:
        case D_CRM_SOURCE:
          cols[f].in[t] = block_put (b, cols[f].texts[t], strlen (cols[f].texts[t]));
          break;
        default:
          break;
        }
}

/* Rows from to to - 1 decoded straight from the text on a thread of their
 * own, up to the first that is not (stop): the thread names no error, and
 * the rows from stop on are decoded in turn by the caller, as any row. */
typedef struct
{
  Ctx *c;
  const char *path;
  const Column *cols;
  guint n_fields;
  guint from, to, stop;
  Block block; /* its rows' texts; left where the next one goes */
  gint done;   /* rows from to done decoded (atomic; every 64 and the last) */
  gint ended;  /* done is stop (atomic) */
} Half;

static gpointer
half_main (gpointer data)
{
  Half *h = data;
  g_autofree GsJsonRowValue *values = g_new0 (GsJsonRowValue, h->n_fields);
  guint i;
  for (i = h->from; i < h->to; i++)
    {
      if (!gs_json_deferred_row (h->c->deferred, h->path, i, values, NULL)
          || !direct_deal (h->c, h->cols, h->n_fields, values, &h->block, &h->c->data->deals[i]))
        break;
      if (i % 64 == 63)
        g_atomic_int_set (&h->done, (gint) i + 1);
    }
  h->stop = i;
  g_atomic_int_set (&h->done, (gint) i);
  g_atomic_int_set (&h->ended, TRUE);
  return NULL;
}

/* The half's thread ended (it writes into the deals and the block). */
static void
half_join (GThread **thread)
{
  if (*thread != NULL)
    g_thread_join (g_steal_pointer (thread));
}

/* FALSE with the message for record i's id, used by an earlier one. */
static gboolean
repeated (GError **error, const char *path, guint i, const char *id)
{
  g_autofree char *ip = g_strdup_printf ("%s[%u].id", path, i);
  gs_json_invalid (error, ip, _ ("“%s” is used by an earlier record"), id);
  return FALSE;
}

static gboolean
decode_records (Ctx *c, JsonObject *act, const char *key, GError **error)
{
  JsonArray *arr = NULL;
  GsActualsData *d = c->data;
  gboolean deals = strcmp (key, "deals") == 0;
  guint max = deals ? GS_MAX_DEALS : GS_MAX_LEADS;
  g_autofree char *path = gs_json_child_path ("actuals", key);
  IdSet ids = { NULL, 0 };
  g_autofree gpointer id_slots = NULL; /* ids.slots, freed on every return */
  g_autoptr (JsonNode) own = NULL;
  int deferred = gs_json_deferred_length (c->deferred, path);
  guint n, n_fields = 0;
  const char *const *fields = NULL;
  g_autofree GsJsonRowValue *values = NULL;
  Column *cols = NULL;
  Block block = { NULL, NULL };
  gsize tabled = 0;
  Half half = { c, path, NULL, 0, G_MAXUINT, G_MAXUINT, G_MAXUINT, { NULL, NULL }, 0, FALSE };
  GThread *thread = NULL;

  if (deferred >= 0)
    {
      n = (guint) deferred;
      if (n > max)
        {
          gs_json_too_long (error, "actuals", key, n, max);
          return FALSE;
        }
    }
  else
    {
      TRY (gs_json_list (act, "actuals", key, GS_FIELD_OPTIONAL, max, &arr, error));
      if (arr == NULL)
        return TRUE;
      n = json_array_get_length (arr);
    }
  /* 100,000 deals are 13 MiB: on huge pages (gs-large-alloc.h), and not
   * zeroed first (each deal is, as it is decoded; only the n_deals decoded
   * are ever read or freed).  Decoded in two halves, each thread has the
   * kernel clear its own half's pages. */
  if (deals)
    d->deals = gs_large_alloc (sizeof (GsActualDeal) * n);
  else
    d->leads = gs_large_alloc0 (sizeof (GsActualLead) * n);
  if (arr == NULL)
    fields = gs_json_deferred_fields (c->deferred, path, &n_fields);
  if (fields != NULL)
    {
      values = g_new0 (GsJsonRowValue, n_fields);
      if (deals)
        cols = deal_columns (c->deferred, path, n_fields, fields, &tabled);
    }
  if (cols != NULL)
    {
      /* One block for the texts of the deals read straight from their rows:
       * no row holds more bytes of text than it is long, and an entry of the
       * texts is copied once. */
      d->deal_texts_size = gs_json_deferred_rows_size (c->deferred, path) + tabled + 1;
      d->deal_texts = gs_large_alloc (d->deal_texts_size);
      block.at = d->deal_texts;
      block.end = d->deal_texts + d->deal_texts_size;
      /* The block: the entries of the texts, then the rows' texts. */
      columns_fill (c, cols, n_fields, &block);
    }
  if (cols != NULL && n >= ROWS_APART_MIN)
    {
      /* The first half's rows' texts, then the second half's (each no
       * longer than its rows). */
      half.cols = cols;
      half.n_fields = n_fields;
      half.from = n / 2;
      half.to = n;
      half.done = (gint) half.from;
      half.block.at
          = block.at + gs_json_deferred_rows_size_of (c->deferred, path, 0, half.from) + 1;
      half.block.end = block.end;
      block.end = half.block.at;
      thread = g_thread_try_new ("gs-deals-half", half_main, &half, NULL);
      if (thread == NULL)
        {
          half.from = G_MAXUINT;
          block.end = half.block.end;
        }
    }
  /* After the thread has started: 2 MiB of slots at 100,000 records for
   * the kernel to clear. */
  id_set_init (&ids, n);
  id_slots = ids.slots;
  for (guint i = 0; i < n; i++)
    {
      const char *id;
      if (i == half.from)
        {
          /* While the thread decodes, the ids of the deals it has made are
           * checked, in row order as below; then its deals up to stop are
           * counted and the rest decoded in turn, their texts after its. */
          for (;;)
            {
              if (i < (guint) g_atomic_int_get (&half.done))
                {
                  d->n_deals++;
                  if (!id_set_add (&ids, d->deals[i].id))
                    {
                      half_join (&thread);
                      columns_free (cols, n_fields);
                      return repeated (error, path, i, d->deals[i].id);
                    }
                  i++;
                }
              else if (g_atomic_int_get (&half.ended))
                break;
              else
                g_thread_yield ();
            }
          half_join (&thread);
          block = half.block;
          if (i == n)
            break;
        }
      /* A row's values checked first (the number of them, the entries of
       * texts they name), then read straight from the text or as a record. */
      if (i >= half.from && i < half.stop)
        d->n_deals++;
      else if (fields != NULL && !gs_json_deferred_row (c->deferred, path, i, values, error))
        {
          half_join (&thread);
          columns_free (cols, n_fields);
          return FALSE;
        }
      else if (cols != NULL && direct_deal (c, cols, n_fields, values, &block, &d->deals[i]))
        d->n_deals++;
      else
        {
          g_autofree char *p = gs_json_index_path (path, i);
          JsonObject *o = record_object (c, arr, key, path, p, i, &own, error);
          gboolean ok;
          if (deals)
            memset (&d->deals[i], 0, sizeof d->deals[i]); /* what direct_deal left */
          if (o == NULL)
            {
              half_join (&thread);
              columns_free (cols, n_fields);
              return FALSE;
            }
          /* Counted before decoding, so a half-decoded record is freed too. */
          if (deals)
            d->n_deals++;
          else
            d->n_leads++;
          ok = deals ? decode_deal (c, o, p, &d->deals[i], error)
                     : decode_lead (c, o, p, &d->leads[i], error);
          if (!ok)
            {
              half_join (&thread);
              columns_free (cols, n_fields);
              return FALSE;
            }
        }
      id = deals ? d->deals[i].id : d->leads[i].id;
      if (!id_set_add (&ids, id))
        {
          half_join (&thread);
          columns_free (cols, n_fields);
          return repeated (error, path, i, id);
        }
    }
  columns_free (cols, n_fields);
  return TRUE;
}

/* Whether the note's line is on the person's statement of its period is
 * checked when the note is added (gs-dispute.h): a later import may take a
 * deal out of the period, and the note is kept. */
static gboolean
decode_dispute (Ctx *c, JsonObject *o, const char *p, GsDispute *d, GError **error)
{
  gboolean present;
  int line = GS_DISPUTE_CREDIT;

  TRY (decode_person_ref (c, o, p, "person", &d->person, error));
  TRY (gs_json_string (o, p, "period", GS_FIELD_REQUIRED, NULL, &d->period, error));
  TRY (gs_json_string (o, p, "deal", GS_FIELD_OPTIONAL, NULL, &d->deal, error));
  TRY (gs_json_enum (o, p, "line", GS_FIELD_OPTIONAL, GS_DISPUTE_CREDIT, gs_dispute_line_names,
                     &line, error));
  d->line = line;
  TRY (gs_json_string (o, p, "text", GS_FIELD_REQUIRED, NULL, &d->text, error));
  TRY (gs_json_string (o, p, "author", GS_FIELD_OPTIONAL, NULL, &d->author, error));
  g_date_clear (&d->date, 1);
  TRY (gs_json_date (o, p, "date", GS_FIELD_REQUIRED, &d->date, &present, error));
  TRY (gs_json_bool (o, p, "resolved", GS_FIELD_OPTIONAL, FALSE, &d->resolved, error));
  if (!present)
    {
      g_autofree char *dp = gs_json_child_path (p, "date");
      gs_json_invalid (error, dp, _ ("is missing"));
      return FALSE;
    }
  if (g_strstrip (d->text)[0] == '\0')
    {
      g_autofree char *tp = gs_json_child_path (p, "text");
      gs_json_invalid (error, tp, _ ("a dispute note needs some text"));
      return FALSE;
    }
  if ((d->deal == NULL) != (d->line == GS_DISPUTE_DRAW || d->line == GS_DISPUTE_DRAW_RECOVERY))
    {
      g_autofree char *lp = gs_json_child_path (p, "deal");
      gs_json_invalid (error, lp,
                       _ ("a note on a draw line names no deal; a note on any other line names "
                          "its deal"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_disputes (Ctx *c, JsonObject *act, GError **error)
{
  JsonArray *arr;
  GsActualsData *d = c->data;
  guint n;

  TRY (gs_json_list (act, "actuals", "disputes", GS_FIELD_OPTIONAL, GS_MAX_DISPUTES, &arr, error));
  if (arr == NULL)
    return TRUE;
  n = json_array_get_length (arr);
  d->disputes = g_new0 (GsDispute, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = gs_json_index_path ("actuals.disputes", i);
      JsonObject *o = gs_json_array_object (arr, "actuals.disputes", i, error);
      if (o == NULL)
        return FALSE;
      d->n_disputes++; /* counted first, so a half-decoded note is freed too */
      TRY (decode_dispute (c, o, p, &d->disputes[i], error));
    }
  return TRUE;
}

/* The deals and leads the store holds for the nulls in their place: the
 * store's own records, decoded against the same frame (an edit of the
 * plan's store, gs-plan.c). */
static gboolean
held_by_store (Ctx *c, JsonObject *act)
{
  for (guint i = 0; gs_actuals_store_list_names[i]; i++)
    {
      JsonNode *node = json_object_get_member (act, gs_actuals_store_list_names[i]);
      if (node == NULL || !JSON_NODE_HOLDS_NULL (node))
        return FALSE;
    }
  return gs_actuals_store_frame_fits (c->store, c->data, c->model);
}

static gboolean
decode_lists (Ctx *c, JsonObject *act, GError **error)
{
  if (c->store != NULL && held_by_store (c, act))
    {
      gs_actuals_store_share_records (c->store, c->data);
      return TRUE;
    }
  return decode_records (c, act, "deals", error) && decode_records (c, act, "leads", error);
}

gboolean
gs_actuals_decode_into_model (GsModel *model, JsonObject *root, const GsJsonDeferred *deferred,
                              const GsActualsStore *store, GError **error)
{
  JsonObject *act;
  g_autoptr (GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  Ctx c = { model, NULL, people, deferred, store };

  model->actuals = NULL;
  TRY (gs_json_object (root, "", "actuals", GS_FIELD_OPTIONAL, &act, error));
  if (act == NULL)
    return TRUE;
  c.data = gs_actuals_data_new (model->n_stages);
  if (!decode_mapping (&c, act, error) || !decode_people (&c, act, error)
      || !decode_lists (&c, act, error) || !decode_disputes (&c, act, error))
    {
      gs_actuals_data_free (c.data);
      return FALSE;
    }
  model->actuals = c.data;
  return TRUE;
}
