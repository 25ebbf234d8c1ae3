/* gs-crm-import.c — rows of a CRM export into deals and leads.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-import.h"
#include "gs-crm-splits.h"
#include "gs-crm-amount.h"
#include "gs-crm-date.h"
#include "gs-crm-deal-terms.h"
#include "gs-crm-names.h"
#include "gs-csv.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-large-alloc.h"
#include "gs-roster.h"

#include <string.h>
#include <glib/gi18n-lib.h>

static void
problem_free (GsImportProblem *p)
{
  g_free (p->column);
  g_free (p->value);
  g_free (p->reason);
  g_strfreev (p->cells);
  g_free (p);
}

GsImportReport *
gs_import_report_new (void)
{
  GsImportReport *r = g_new0 (GsImportReport, 1);
  r->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  r->new_people = g_ptr_array_new_with_free_func (g_free);
  r->unmapped_sources = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
gs_import_report_free (GsImportReport *r)
{
  if (r == NULL)
    return;
  g_free (r->encoding);
  g_ptr_array_unref (r->problems);
  g_ptr_array_unref (r->new_people);
  g_ptr_array_unref (r->unmapped_sources);
  g_strfreev (r->header);
  g_free (r);
}

char *
gs_import_report_summary (const GsImportReport *r)
{
  g_autofree char *rows = gs_format_count (r->rows);
  g_autofree char *imported = gs_format_count (r->imported);
  g_autofree char *updated = gs_format_count (r->updated);
  g_autofree char *refused = gs_format_count (r->refused);
  g_autofree char *unchanged = gs_format_count (r->unchanged);
  /* Translators: "1,204 rows: 1,180 imported, 3 updated, 21 refused"; the
   * counts are formatted already. */
  char *line = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s row: %s imported, %s updated, %s refused",
                   "%s rows: %s imported, %s updated, %s refused", r->rows),
      rows, imported, updated, refused);
  if (r->unchanged > 0)
    {
      /* Translators: appended to the import summary; %s is a count. */
      g_autofree char *tail = g_strdup_printf (_ (", %s unchanged"), unchanged);
      char *both = g_strconcat (line, tail, NULL);
      g_free (line);
      line = both;
    }
  return line;
}

/* One file being read. */
typedef struct
{
  GsActualsData *data;
  const GsModel *model;
  GsCrmKind kind;
  GsCsv *csv;
  GsCrmColumns cols;
  GsDateOrder order;
  gboolean decimal_comma;
  GsImportReport *report;
  char **row;
  guint n_cells; /* in row */
  guint row_number;
  /* The held records' CRM ids: record index + 1 per slot (0: free), open
   * addressing in one array sized once for the held records and every
   * row, so 100,000 rows neither grow a hash table nor allocate per id. */
  guint *index;
  gsize index_mask;
  guint capacity;  /* records the held array has room for */
  guint max;       /* records the list may hold (room_for) */
  guint rows_left; /* rows not merged yet, the one being merged included */
  /* Cell text (the first cell that held it) → what it resolved to, so
   * 100,000 rows of a few hundred owners, sources and stages fold and
   * compare names once per name.  Exact: a name resolved once is written
   * into the mapping or the roster, and what is added later never comes
   * before it. */
  GHashTable *owners;  /* → person index + 1 */
  GHashTable *sources; /* → source index + 2 (-1 maps to none) */
  GHashTable *stages;  /* → stage + 1, the high bit for lost */
  /* Whether the deals read point their id, name, CRM stage and CRM source
   * into the file's text instead of copies (it then becomes the actuals'
   * deal_texts); the CRM stage and source of every deal naming the same
   * one point to its first cell.  Else each read deal's texts are its own. */
  gboolean texts_in_file;
  /* The block a deal's texts may point into, not its own: the file's text
   * (texts_in_file), or the held deals' (the actuals' deal_texts). */
  const char *block;
  gsize block_size;
} Import;

/* A deal's text: the cell itself where the deals point into the file's
 * text, else a copy. */
static char *
deal_text (Import *im, const char *text)
{
  return im->texts_in_file ? (char *) text : g_strdup (text);
}

static void
set_row (Import *im, guint r)
{
  im->row = g_ptr_array_index (im->csv->rows, r);
  im->n_cells = g_strv_length (im->row);
}

static const char *
cell (Import *im, int col)
{
  if (col < 0 || (guint) col >= im->n_cells)
    return "";
  return im->row[col];
}

static const char *
header (Import *im, int col)
{
  char **h = g_ptr_array_index (im->csv->rows, 0);
  return col >= 0 ? h[col] : NULL;
}

static gboolean
refuse (Import *im, int col, const char *reason)
{
  GsImportProblem *p = g_new0 (GsImportProblem, 1);
  p->row = im->row_number;
  p->column = g_strdup (header (im, col));
  p->value = col >= 0 ? g_strdup (cell (im, col)) : NULL;
  p->reason = g_strdup (reason);
  p->cells = g_strdupv (im->row);
  g_ptr_array_add (im->report->problems, p);
  return FALSE;
}

/* An optional date cell: TRUE with *out invalid when empty. */
static gboolean
read_date (Import *im, int col, GDate *out)
{
  const char *text = cell (im, col);
  g_date_clear (out, 1);
  if (*text == '\0')
    return TRUE;
  if (!gs_crm_date_parse (text, im->order, out))
    return refuse (im, col, _ ("not a date"));
  return TRUE;
}

static gboolean
truthy (const char *text)
{
  return g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0
         || strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "x") == 0;
}

static void
note_source (Import *im, const char *crm, int source)
{
  if (source >= 0 || *crm == '\0')
    return;
  for (guint i = 0; i < im->report->unmapped_sources->len; i++)
    if (strcmp (g_ptr_array_index (im->report->unmapped_sources, i), crm) == 0)
      return;
  g_ptr_array_add (im->report->unmapped_sources, g_strdup (crm));
}

/* crm's plan source; *first (when given) the first cell of the file that
 * held the same text. */
static int
source_of (Import *im, const char *crm, const char **first)
{
  gpointer key, held;
  int source;
  if (first)
    *first = crm;
  if (crm == NULL)
    return gs_crm_source_resolve (im->data, im->model, NULL);
  if (g_hash_table_lookup_extended (im->sources, crm, &key, &held))
    {
      if (first)
        *first = key;
      return GPOINTER_TO_INT (held) - 2;
    }
  source = gs_crm_source_resolve (im->data, im->model, crm);
  /* The key is the cell: the file's text outlives the table. */
  g_hash_table_insert (im->sources, (gpointer) crm, GINT_TO_POINTER (source + 2));
  return source;
}

#define LOST_BIT 0x40000000u

/* crm's stage; *first (when given) the first cell of the file that held
 * the same text. */
static GsCrmStage
stage_of (Import *im, const char *crm, const char **first)
{
  gpointer key, value;
  GsCrmStage stage;
  if (first)
    *first = crm;
  if (g_hash_table_lookup_extended (im->stages, crm, &key, &value))
    {
      guint held = GPOINTER_TO_UINT (value);
      if (first)
        *first = key;
      stage.lost = (held & LOST_BIT) != 0;
      stage.stage = (held & ~LOST_BIT) - 1;
      return stage;
    }
  stage = gs_crm_stage_resolve (im->data, im->model, im->kind, crm);
  /* Unknown names are not kept: each such row is refused anyway.  The
   * key is the cell: the file's text outlives the table. */
  if (stage.stage != G_MAXUINT)
    g_hash_table_insert (im->stages, (gpointer) crm,
                         GUINT_TO_POINTER ((stage.stage + 1) | (stage.lost ? LOST_BIT : 0)));
  return stage;
}

/* The owner cell's person into *owner; FALSE (the row refused) when the
 * owner cannot be a person of the plan. */
static gboolean
owner_of (Import *im, int *owner)
{
  g_autoptr (GError) error = NULL;
  gboolean added;
  int col = im->cols.col[GS_CRM_OWNER];
  const char *text = cell (im, col);
  gpointer held = g_hash_table_lookup (im->owners, text);
  if (held)
    {
      *owner = GPOINTER_TO_INT (held) - 1;
      return TRUE;
    }
  *owner = gs_roster_match (im->data, text, im->data->mapping.owner_role, &added, &error);
  if (*owner == -2)
    return refuse (im, col, error->message);
  if (added)
    g_ptr_array_add (im->report->new_people, g_strdup (im->data->people[*owner].name));
  g_hash_table_insert (im->owners, (gpointer) text, GINT_TO_POINTER (*owner + 1));
  return TRUE;
}

static gboolean
deal_equal (const GsActualDeal *a, const GsActualDeal *b)
{
  return a->amount == b->amount && a->stage == b->stage && a->status == b->status
         && a->owner == b->owner && a->source == b->source
         && g_date_compare (&a->created, &b->created) == 0
         && g_date_valid (&a->closed) == g_date_valid (&b->closed)
         && (!g_date_valid (&a->closed) || g_date_compare (&a->closed, &b->closed) == 0)
         && g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->crm_stage, b->crm_stage) == 0
         && g_strcmp0 (a->crm_source, b->crm_source) == 0 && gs_actual_deal_same_credit (a, b);
}

/* Frees what a deal owns: not its texts in the block. */
static void
deal_clear (Import *im, gpointer record)
{
  gs_actual_deal_clear_outside (record, im->block, im->block_size);
}

/* A person named in a split cell, matched or added like an owner. */
static int
person_of (Import *im, int col, const char *name)
{
  g_autoptr (GError) error = NULL;
  gboolean added;
  int p = gs_roster_match (im->data, name, im->data->mapping.owner_role, &added, &error);
  if (p == -2)
    return refuse (im, col, error->message), -1;
  if (added)
    g_ptr_array_add (im->report->new_people, g_strdup (im->data->people[p].name));
  return p;
}

static gboolean
add_split (Import *im, GsActualDeal *deal, int col, const char *name, double share)
{
  int p = person_of (im, col, name);
  if (p < 0)
    return FALSE;
  deal->splits = g_renew (GsDealCredit, deal->splits, deal->n_splits + 1);
  deal->splits[deal->n_splits].person = p;
  deal->splits[deal->n_splits++].share = share;
  return TRUE;
}

/* The optional pay terms: the discount (its own column, else from the list
 * price), the term, new or existing business, and SPIF tags. */
static gboolean
read_terms (Import *im, GsActualDeal *deal)
{
  const int *col = im->cols.col;
  const char *discount = cell (im, col[GS_CRM_DISCOUNT]);
  const char *list = cell (im, col[GS_CRM_LIST]);
  const char *term = cell (im, col[GS_CRM_TERM]);
  const char *type = cell (im, col[GS_CRM_TYPE]);
  const char *spifs = cell (im, col[GS_CRM_SPIFS]);
  g_autoptr (GError) error = NULL;

  deal->discount = -1;
  if (*discount)
    {
      const char *h = header (im, col[GS_CRM_DISCOUNT]);
      gboolean percent = strchr (h, '%') != NULL || strstr (h, "ercent") != NULL;
      if (!gs_crm_parse_discount (discount, percent, im->decimal_comma, &deal->discount, &error))
        return refuse (im, col[GS_CRM_DISCOUNT], error->message);
    }
  else if (*list)
    {
      GsMoney at_list;
      if (!gs_crm_amount_parse (list, im->model->company.currency, im->model->company.digits,
                                im->decimal_comma, &at_list, &error))
        return refuse (im, col[GS_CRM_LIST], error->message);
      if (at_list > 0)
        deal->discount = gs_crm_discount_from_list (deal->amount, at_list);
    }
  if (*term && !gs_crm_parse_term (term, &deal->term_months, &error))
    return refuse (im, col[GS_CRM_TERM], error->message);
  if (*type && !gs_crm_parse_deal_type (type, &deal->type, &error))
    return refuse (im, col[GS_CRM_TYPE], error->message);
  if (*spifs)
    {
      deal->spifs = gs_crm_parse_spif_tags (spifs, im->model, &error);
      if (error)
        return refuse (im, col[GS_CRM_SPIFS], error->message);
    }
  return TRUE;
}

/* The optional crediting columns: a Splits cell, or a second owner with the
 * first owner's split percent; the payment and refund dates. */
static gboolean
read_credit (Import *im, GsActualDeal *deal)
{
  const int *col = im->cols.col;
  const char *splits = cell (im, col[GS_CRM_SPLITS]);
  const char *owner2 = cell (im, col[GS_CRM_OWNER_2]);
  g_autoptr (GError) error = NULL;

  if (*splits)
    {
      g_autoptr (GArray) parsed = gs_crm_parse_splits (splits, im->decimal_comma, &error);
      if (parsed == NULL)
        return refuse (im, col[GS_CRM_SPLITS], error->message);
      for (guint i = 0; i < parsed->len; i++)
        {
          const GsSplitText *t = &g_array_index (parsed, GsSplitText, i);
          if (!add_split (im, deal, col[GS_CRM_SPLITS], t->name, t->share))
            return FALSE;
        }
    }
  else if (*owner2)
    {
      g_autoptr (GArray) first = NULL;
      g_autofree char *text = g_strdup_printf ("x %s", cell (im, col[GS_CRM_SPLIT]));
      double share;
      first = gs_crm_parse_splits (text, im->decimal_comma, &error);
      if (first == NULL || first->len != 1
          || (share = g_array_index (first, GsSplitText, 0).share) >= 1)
        return refuse (im, col[GS_CRM_SPLIT],
                       _ ("with a second owner, the first owner's split is a percent below 100"));
      if (deal->owner < 0)
        return refuse (im, col[GS_CRM_OWNER], _ ("a deal with a second owner needs its owner"));
      deal->splits = g_new (GsDealCredit, 1);
      deal->splits[0].person = deal->owner;
      deal->splits[0].share = share;
      deal->n_splits = 1;
      if (!add_split (im, deal, col[GS_CRM_OWNER_2], owner2, 1 - share))
        return FALSE;
    }
  if (!gs_actual_deal_check_splits (deal, &error))
    return refuse (im, *splits ? col[GS_CRM_SPLITS] : col[GS_CRM_OWNER_2], error->message);
  if (!read_date (im, col[GS_CRM_PAID], &deal->paid)
      || !read_date (im, col[GS_CRM_REFUNDED], &deal->refunded))
    return FALSE;
  if (g_date_valid (&deal->refunded)
      && (!g_date_valid (&deal->closed) || g_date_compare (&deal->refunded, &deal->closed) < 0))
    return refuse (im, col[GS_CRM_REFUNDED], _ ("a deal is refunded on or after its close date"));
  return read_terms (im, deal);
}

static gboolean
read_deal (Import *im, GsActualDeal *deal)
{
  const int *col = im->cols.col;
  const char *stage_text = cell (im, col[GS_CRM_STAGE]);
  const char *amount = cell (im, col[GS_CRM_AMOUNT]);
  g_autoptr (GError) error = NULL;
  const char *first_stage, *first_source;
  GsCrmStage stage;

  if (*cell (im, col[GS_CRM_ID]) == '\0')
    return refuse (im, col[GS_CRM_ID], _ ("the record has no id"));
  deal->amount = 0;
  /* HubSpot leaves the amount of an early deal empty: nothing in the pipeline yet. */
  if (*amount
      && !gs_crm_amount_parse (amount, im->model->company.currency, im->model->company.digits,
                               im->decimal_comma, &deal->amount, &error))
    return refuse (im, col[GS_CRM_AMOUNT], error->message);
  if (*stage_text == '\0')
    return refuse (im, col[GS_CRM_STAGE], _ ("the deal has no stage"));
  stage = stage_of (im, stage_text, &first_stage);
  if (stage.stage == G_MAXUINT)
    return refuse (im, col[GS_CRM_STAGE],
                   _ ("an unknown stage: map it to a stage of the plan (or “lost”) in the "
                      "mapping's stages"));
  deal->stage = stage.stage;
  deal->status = stage.lost                               ? GS_DEAL_LOST
                 : stage.stage == im->model->n_stages - 1 ? GS_DEAL_WON
                                                          : GS_DEAL_OPEN;
  /* Salesforce says it twice: its Closed and Won flags win over the stage name. */
  if (col[GS_CRM_IS_CLOSED] >= 0 && *cell (im, col[GS_CRM_IS_CLOSED]))
    {
      gboolean closed = truthy (cell (im, col[GS_CRM_IS_CLOSED]));
      gboolean won = truthy (cell (im, col[GS_CRM_WON]));
      if (closed)
        {
          deal->status = won ? GS_DEAL_WON : GS_DEAL_LOST;
          if (won)
            deal->stage = im->model->n_stages - 1;
        }
    }
  if (*cell (im, col[GS_CRM_CREATED]) == '\0')
    return refuse (im, col[GS_CRM_CREATED], _ ("the record has no create date"));
  if (!read_date (im, col[GS_CRM_CREATED], &deal->created)
      || !read_date (im, col[GS_CRM_CLOSED], &deal->closed))
    return FALSE;
  if (deal->status != GS_DEAL_OPEN && !g_date_valid (&deal->closed))
    return refuse (im, col[GS_CRM_CLOSED], _ ("a won or lost deal needs its close date"));
  if (g_date_valid (&deal->closed) && g_date_compare (&deal->closed, &deal->created) < 0)
    return refuse (im, col[GS_CRM_CLOSED], _ ("the close date is before the create date"));
  if (!owner_of (im, &deal->owner))
    return FALSE;
  deal->id = deal_text (im, cell (im, col[GS_CRM_ID]));
  deal->name = *cell (im, col[GS_CRM_NAME]) ? deal_text (im, cell (im, col[GS_CRM_NAME])) : NULL;
  deal->source = source_of (
      im, *cell (im, col[GS_CRM_SOURCE]) ? cell (im, col[GS_CRM_SOURCE]) : NULL, &first_source);
  deal->crm_stage = deal_text (im, first_stage);
  deal->crm_source = first_source ? deal_text (im, first_source) : NULL;
  note_source (im, cell (im, col[GS_CRM_SOURCE]), deal->source);
  return read_credit (im, deal);
}

static gboolean
lead_equal (const GsActualLead *a, const GsActualLead *b, guint n_stages)
{
  if (a->owner != b->owner || a->source != b->source || g_strcmp0 (a->crm_source, b->crm_source))
    return FALSE;
  for (guint s = 0; s < n_stages; s++)
    if (g_date_valid (&a->reached[s]) != g_date_valid (&b->reached[s])
        || (g_date_valid (&a->reached[s]) && g_date_compare (&a->reached[s], &b->reached[s]) != 0))
      return FALSE;
  return TRUE;
}

static void
lead_clear (Import *im, gpointer record)
{
  GsActualLead *l = record;
  (void) im; /* a lead's texts are its own */
  g_free (l->id);
  g_free (l->crm_source);
  g_free (l->reached);
}

static gboolean
read_lead (Import *im, GsActualLead *lead)
{
  const int *col = im->cols.col;
  guint n = im->model->n_stages;
  GDate created;

  if (*cell (im, col[GS_CRM_ID]) == '\0')
    return refuse (im, col[GS_CRM_ID], _ ("the record has no id"));
  if (*cell (im, col[GS_CRM_CREATED]) == '\0')
    return refuse (im, col[GS_CRM_CREATED], _ ("the record has no create date"));
  if (!read_date (im, col[GS_CRM_CREATED], &created))
    return FALSE;
  lead->reached = g_new0 (GDate, n);
  for (guint s = 0; s < n; s++)
    {
      int c = im->cols.reached[s];
      if (!read_date (im, c, &lead->reached[s]))
        return FALSE;
      if (g_date_valid (&lead->reached[s]) && g_date_compare (&lead->reached[s], &created) < 0)
        return refuse (im, c, _ ("the stage was reached before the record was created"));
    }
  if (!g_date_valid (&lead->reached[0]))
    lead->reached[0] = created;
  /* A lifecycle stage with no date column of its own (Salesforce's lead
   * status) still says the stage was reached: dated by the last earlier
   * stage's date, so the count is right and the lag shows as none. */
  if (*cell (im, col[GS_CRM_STAGE]))
    {
      GsCrmStage st = stage_of (im, cell (im, col[GS_CRM_STAGE]), NULL);
      if (st.stage != G_MAXUINT && !st.lost)
        for (guint s = 1; s <= st.stage; s++)
          if (!g_date_valid (&lead->reached[s]))
            lead->reached[s] = lead->reached[s - 1];
    }
  if (!owner_of (im, &lead->owner))
    return FALSE;
  lead->id = g_strdup (cell (im, col[GS_CRM_ID]));
  lead->crm_source
      = *cell (im, col[GS_CRM_SOURCE]) ? g_strdup (cell (im, col[GS_CRM_SOURCE])) : NULL;
  lead->source = source_of (im, lead->crm_source ? cell (im, col[GS_CRM_SOURCE]) : NULL, NULL);
  note_source (im, cell (im, col[GS_CRM_SOURCE]), lead->source);
  return TRUE;
}

/* The id of held record i (a deal's or a lead's). */
static const char *
held_id (const Import *im, guint i)
{
  return im->kind == GS_CRM_DEALS ? im->data->deals[i].id : im->data->leads[i].id;
}

/* The index's slot for id: the held record's, or the free one it would take. */
static guint *
index_slot (Import *im, const char *id)
{
  gsize at = g_str_hash (id) & im->index_mask;
  while (im->index[at] != 0 && strcmp (held_id (im, im->index[at] - 1), id) != 0)
    at = (at + 1) & im->index_mask;
  return &im->index[at];
}

/* The held ids indexed, with room for one new record per row (up to the
 * plan's limit, room_for). */
static void
build_index (Import *im, guint rows)
{
  GsActualsData *d = im->data;
  gboolean deals = im->kind == GS_CRM_DEALS;
  guint held = deals ? d->n_deals : d->n_leads;
  guint want;
  gsize slots = 16;

  im->max = deals ? GS_MAX_DEALS : GS_MAX_LEADS;
  im->capacity = held;
  want = held + MIN (rows, held < im->max ? im->max - held : 0);
  while (slots < (gsize) want * 2)
    slots *= 2;
  im->index = gs_large_alloc0 (slots * sizeof (guint));
  im->index_mask = slots - 1;
  for (guint i = 0; i < held; i++)
    *index_slot (im, held_id (im, i)) = i + 1;
}

/* Room for a new record and one per row after it (up to the limit), made
 * once, at the first new record (a re-import of the same export makes
 * none), on huge pages for a long list: its pages are most of what merging
 * costs (gs-large-alloc.h). */
static void
grow (Import *im, gpointer *records, guint n, gsize size)
{
  guint room = n < im->max ? im->max - n : 0;
  gpointer grown;
  im->capacity = n + MAX (1, MIN (im->rows_left, room));
  grown = gs_large_alloc ((gsize) im->capacity * size);
  if (n > 0)
    memcpy (grown, *records, (gsize) n * size);
  g_free (*records);
  *records = grown;
}

/* Merges one read record (a GsActualDeal or GsActualLead: size bytes whose
 * first member is the id) into the held ones: new (at 0), changed or the
 * same as the one at index at - 1. */
static void
merge (Import *im, gpointer *records, guint *n, gsize size, gpointer record, gboolean same_as_held,
       guint at, void (*clear) (Import *, gpointer))
{
  char **id = record;
  char *held;
  if (at == 0)
    {
      if (*n == im->capacity)
        grow (im, records, *n, size);
      memcpy ((char *) *records + (gsize) *n * size, record, size);
      *index_slot (im, *id) = ++*n;
      im->report->imported++;
      return;
    }
  held = (char *) *records + (gsize) (at - 1) * size;
  if (same_as_held)
    {
      /* Every field the same (deal_equal, lead_equal): the held record
       * stays as it is, texts and all, and the one read goes. */
      im->report->unchanged++;
      clear (im, record);
      return;
    }
  im->report->updated++;
  /* The held record's id string stays (the same text). */
  if (im->block == NULL || *id < im->block || *id >= im->block + im->block_size)
    g_free (*id);
  *id = *(char **) held;
  *(char **) held = NULL;
  clear (im, held);
  memcpy (held, record, size);
}

static guint
held_at (Import *im, const char *id)
{
  return *index_slot (im, id);
}

static void
merge_deal (Import *im, GsActualDeal *deal)
{
  GsActualsData *d = im->data;
  guint at = held_at (im, deal->id);
  merge (im, (gpointer *) &d->deals, &d->n_deals, sizeof *deal, deal,
         at && deal_equal (&d->deals[at - 1], deal), at, deal_clear);
}

static void
merge_lead (Import *im, GsActualLead *lead)
{
  GsActualsData *d = im->data;
  guint at = held_at (im, lead->id);
  merge (im, (gpointer *) &d->leads, &d->n_leads, sizeof *lead, lead,
         at && lead_equal (&d->leads[at - 1], lead, d->n_stages), at, lead_clear);
}

/* A new record past the plan's limit on the list (gs-model.h) refuses its
 * row: the plan saved after the import must load again. */
static gboolean
room_for (Import *im, const char *id)
{
  guint n = im->kind == GS_CRM_DEALS ? im->data->n_deals : im->data->n_leads;
  guint max = im->kind == GS_CRM_DEALS ? GS_MAX_DEALS : GS_MAX_LEADS;
  g_autofree char *count = NULL, *reason = NULL;
  if (held_at (im, id) || n < max)
    return TRUE;
  count = gs_format_count (max);
  reason = g_strdup_printf (im->kind == GS_CRM_DEALS
                                /* Translators: %s is a count, "150,000". */
                                ? _ ("the plan holds %s deals, the most it can; this one is new")
                                : _ ("the plan holds %s leads, the most it can; this one is new"),
                            count);
  return refuse (im, -1, reason);
}

/* Every date cell of the file, for the day/month order. */
static gboolean
decide_order (Import *im, GError **error)
{
  GsDateEvidence ev = { 0 };
  gboolean ok;
  for (guint r = 1; r < im->csv->rows->len; r++)
    {
      set_row (im, r);
      gs_date_evidence_add (&ev, cell (im, im->cols.col[GS_CRM_CREATED]));
      gs_date_evidence_add (&ev, cell (im, im->cols.col[GS_CRM_CLOSED]));
      for (guint s = 0; s < im->cols.n_stages; s++)
        gs_date_evidence_add (&ev, cell (im, im->cols.reached[s]));
    }
  ok = gs_date_order_decide (&ev, im->data->mapping.date_order, &im->order, error);
  gs_date_evidence_clear (&ev);
  return ok;
}

static gboolean
import_csv (GsActualsData *data, const GsModel *model, GsCrmKind kind, GsCsv *csv,
            GsImportReport *report, GError **error)
{
  Import im = { 0 };

  im.data = data;
  im.model = model;
  im.kind = kind;
  im.csv = csv;
  im.report = report;
  if (!gs_crm_columns_detect (&im.cols, kind, g_ptr_array_index (csv->rows, 0), model,
                              &data->mapping, error))
    {
      gs_crm_columns_clear (&im.cols);
      return FALSE;
    }
  if (!decide_order (&im, error))
    {
      gs_crm_columns_clear (&im.cols);
      return FALSE;
    }
  report->style = im.cols.style;
  report->encoding = g_strdup (csv->encoding);
  g_strfreev (report->header);
  report->header = g_strdupv (g_ptr_array_index (csv->rows, 0));
  report->delimiter = csv->delimiter;
  report->date_order = im.order;
  im.decimal_comma = csv->delimiter == ';';
  /* A first import of deals (no block of texts yet): the deals point into
   * the file's text, which the actuals then keep (no four copies a deal). */
  im.texts_in_file = kind == GS_CRM_DEALS && data->deal_texts == NULL && data->records_of == NULL;
  im.block = im.texts_in_file ? csv->text : data->deal_texts;
  im.block_size = im.texts_in_file ? csv->text_size : data->deal_texts_size;
  build_index (&im, csv->rows->len - 1);
  /* Keyed by the cells themselves: the file's text outlives the tables. */
  im.owners = g_hash_table_new (g_str_hash, g_str_equal);
  im.sources = g_hash_table_new (g_str_hash, g_str_equal);
  im.stages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 1; r < csv->rows->len; r++)
    {
      set_row (&im, r);
      im.row_number = g_array_index (csv->row_numbers, guint, r);
      im.rows_left = csv->rows->len - r;
      report->rows++;
      if (kind == GS_CRM_DEALS)
        {
          GsActualDeal deal = { 0 };
          if (read_deal (&im, &deal) && room_for (&im, deal.id))
            merge_deal (&im, &deal);
          else
            {
              deal_clear (&im, &deal);
              report->refused++;
            }
        }
      else
        {
          GsActualLead lead = { 0 };
          if (read_lead (&im, &lead) && room_for (&im, lead.id))
            merge_lead (&im, &lead);
          else
            {
              lead_clear (&im, &lead);
              report->refused++;
            }
        }
    }
  g_free (im.index);
  g_hash_table_unref (im.owners);
  g_hash_table_unref (im.sources);
  g_hash_table_unref (im.stages);
  gs_crm_columns_clear (&im.cols);
  if (im.texts_in_file && report->imported + report->updated > 0)
    {
      /* What the deals point into: the actuals' block of deal texts now. */
      data->deal_texts = g_steal_pointer (&csv->text);
      data->deal_texts_size = csv->text_size;
    }
  return TRUE;
}

gboolean
gs_crm_import (GsActualsData *data, const GsModel *model, GsCrmKind kind, const char *bytes,
               gsize length, GsImportReport *report, GError **error)
{
  g_autoptr (GsCsv) csv = gs_csv_read (bytes, length, error);
  return csv != NULL && import_csv (data, model, kind, csv, report, error);
}

gboolean
gs_crm_import_taking (GsActualsData *data, const GsModel *model, GsCrmKind kind, char *bytes,
                      gsize length, GsImportReport *report, GError **error)
{
  g_autoptr (GsCsv) csv = gs_csv_read_taking (bytes, length, error);
  return csv != NULL && import_csv (data, model, kind, csv, report, error);
}
