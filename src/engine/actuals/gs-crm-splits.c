/* gs-crm-splits.c — revenue splits and overlays from a CRM export (gs-crm-splits.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-splits.h"
#include "gs-csv.h"
#include "gs-error.h"
#include "gs-roster.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

static void
split_text_clear (gpointer p)
{
  g_free (((GsSplitText *) p)->name);
}

/* "85%", "85", "12,5 %": a percent > 0 and at most 1,000. */
static gboolean
parse_percent (const char *text, gboolean decimal_comma, double *out)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *end;
  gsize n = strlen (t);
  if (n > 0 && t[n - 1] == '%')
    t[--n] = '\0';
  g_strchomp (t);
  if (decimal_comma)
    g_strdelimit (t, ",", '.');
  *out = g_ascii_strtod (t, &end) / 100;
  return *t && *end == '\0' && isfinite (*out) && *out > 0 && *out <= 10;
}

GArray *
gs_crm_parse_splits (const char *text, gboolean decimal_comma, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, TRUE, sizeof (GsSplitText));
  g_auto (GStrv) parts = g_strsplit_set (text, ";|", -1);

  g_array_set_clear_func (out, split_text_clear);
  for (guint i = 0; parts[i]; i++)
    {
      char *entry = g_strstrip (parts[i]);
      char *space = strrchr (entry, ' ');
      GsSplitText s;
      if (*entry == '\0')
        continue;
      if (space == NULL || !parse_percent (space + 1, decimal_comma, &s.share))
        {
          /* Translators: %s is one entry of a Splits cell. */
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("“%s” is not a name and a percent, such as “Maya Chen 85%%”"), entry);
          return NULL;
        }
      *space = '\0';
      s.name = g_strdup (g_strchomp (entry));
      g_array_append_val (out, s);
    }
  return g_steal_pointer (&out);
}

static int
column (char **header, const char *a, const char *b)
{
  for (guint i = 0; header[i]; i++)
    if (g_ascii_strcasecmp (g_strstrip (header[i]), a) == 0
        || g_ascii_strcasecmp (header[i], b) == 0)
      return (int) i;
  return -1;
}

static gboolean
bad (GError **error, guint row, const char *header, const char *value, const char *why)
{
  /* Translators: a row number, a column's header, the cell's text and what is wrong. */
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("row %u, column “%s”: “%s” %s"), row, header,
               value, why);
  return FALSE;
}

typedef struct
{
  GArray *splits;   /* of GsDealCredit */
  GArray *overlays; /* of GsDealCredit */
} Credits;

static void
credits_free (gpointer p)
{
  Credits *c = p;
  g_array_unref (c->splits);
  g_array_unref (c->overlays);
  g_free (c);
}

static gboolean
read_row (GsActualsData *data, GHashTable *deals, GHashTable *by_deal, char **header, char **cells,
          guint row, const int col[4], GPtrArray *new_people, GError **error)
{
  guint n = g_strv_length (cells);
  const char *text[4];
  gpointer at;
  GsDealCredit credit;
  Credits *c;
  gboolean added = FALSE, overlay;
  g_autoptr (GError) local = NULL;

  for (guint i = 0; i < 4; i++)
    text[i] = col[i] >= 0 && (guint) col[i] < n ? cells[col[i]] : "";
  if (!g_hash_table_lookup_extended (deals, text[0], NULL, &at))
    return bad (error, row, header[col[0]], text[0], _ ("is not a deal of the plan's actuals"));
  overlay = g_ascii_strcasecmp (text[3], "overlay") == 0;
  if (*text[3] && !overlay && g_ascii_strcasecmp (text[3], "split") != 0)
    return bad (error, row, header[col[3]], text[3], _ ("is neither split nor overlay"));
  if (!parse_percent (text[2], FALSE, &credit.share) || (!overlay && credit.share > 1))
    return bad (error, row, header[col[2]], text[2],
                _ ("is not a percent above 0 (a split at most 100 %)"));
  if (*text[1] == '\0')
    return bad (error, row, header[col[1]], text[1], _ ("is empty: name the person"));
  credit.person = gs_roster_match (data, text[1], data->mapping.owner_role, &added, &local);
  if (credit.person < 0)
    return bad (error, row, header[col[1]], text[1], local ? local->message : "");
  if (added && new_people)
    g_ptr_array_add (new_people, g_strdup (data->people[credit.person].name));
  c = g_hash_table_lookup (by_deal, at);
  if (c == NULL)
    {
      c = g_new0 (Credits, 1);
      c->splits = g_array_new (FALSE, FALSE, sizeof (GsDealCredit));
      c->overlays = g_array_new (FALSE, FALSE, sizeof (GsDealCredit));
      g_hash_table_insert (by_deal, at, c);
    }
  g_array_append_val (overlay ? c->overlays : c->splits, credit);
  return TRUE;
}

gboolean
gs_crm_import_splits (GsActualsData *data, const char *bytes, gsize length, GPtrArray *new_people,
                      GError **error)
{
  g_autoptr (GsCsv) csv = gs_csv_read (bytes, length, error);
  g_autoptr (GHashTable) deals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_deal
      = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, credits_free);
  GHashTableIter it;
  gpointer key, value;
  char **header;
  int col[4];

  if (csv == NULL)
    return FALSE;
  header = g_ptr_array_index (csv->rows, 0);
  col[0] = column (header, "deal id", "id");
  col[1] = column (header, "person", "name");
  col[2] = column (header, "percent", "share");
  col[3] = column (header, "kind", "type");
  if (col[0] < 0 || col[1] < 0 || col[2] < 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a splits file needs the columns deal id, person and percent (and "
                      "optionally kind)"));
      return FALSE;
    }
  for (guint i = 0; i < data->n_deals; i++)
    g_hash_table_insert (deals, data->deals[i].id, GUINT_TO_POINTER (i + 1));
  for (guint r = 1; r < csv->rows->len; r++)
    if (!read_row (data, deals, by_deal, header, g_ptr_array_index (csv->rows, r),
                   g_array_index (csv->row_numbers, guint, r), col, new_people, error))
      return FALSE;
  /* Every deal checked before any changes: all or nothing. */
  g_hash_table_iter_init (&it, by_deal);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GsActualDeal probe = data->deals[GPOINTER_TO_UINT (key) - 1];
      Credits *c = value;
      probe.splits = (GsDealCredit *) (void *) c->splits->data;
      probe.n_splits = c->splits->len;
      if (!gs_actual_deal_check_splits (&probe, error))
        return FALSE;
    }
  g_hash_table_iter_init (&it, by_deal);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GsActualDeal *d = &data->deals[GPOINTER_TO_UINT (key) - 1];
      Credits *c = value;
      g_free (d->splits);
      g_free (d->overlays);
      d->n_splits = c->splits->len;
      d->splits = g_memdup2 (c->splits->data, sizeof (GsDealCredit) * c->splits->len);
      d->n_overlays = c->overlays->len;
      d->overlays = g_memdup2 (c->overlays->data, sizeof (GsDealCredit) * c->overlays->len);
    }
  return TRUE;
}
