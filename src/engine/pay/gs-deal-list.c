/* gs-deal-list.c — a CSV list of deals to pay (gs-deal-list.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-deal-list.h"
#include "gs-credit.h"
#include "gs-crm-deal-terms.h"
#include "gs-csv.h"
#include "gs-error.h"
#include "gs-money.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

void
gs_deal_list_free (GsDealList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->events);
  g_ptr_array_unref (list->ids);
  g_ptr_array_unref (list->dates);
  g_array_unref (list->spif);
  g_free (list);
}

gboolean
gs_deal_list_total (const GsDealList *list, const GArray *paid, GsMoney *total, GError **error)
{
  GsMoney sum = 0;
  for (guint i = 0; i < paid->len; i++)
    {
      const GsDealPay *d = &g_array_index (paid, GsDealPay, i);
      GsMoney spif = i < list->spif->len ? g_array_index (list->spif, GsMoney, i) : 0;
      if (!gs_money_add_checked (sum, d->commission, &sum, error)
          || !gs_money_add_checked (sum, d->true_up, &sum, error)
          || !gs_money_add_checked (sum, spif, &sum, error))
        return FALSE;
    }
  *total = sum;
  return TRUE;
}

static int
column (char **header, const char *a, const char *b)
{
  for (guint i = 0; header[i]; i++)
    {
      g_autofree char *h = g_strstrip (g_ascii_strdown (header[i], -1));
      if (g_strcmp0 (h, a) == 0 || g_strcmp0 (h, b) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
bad_cell (GError **error, guint row, const char *header, const char *value, const char *why)
{
  /* Translators: a row number, a column's header, the cell's text and what is wrong. */
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("row %u, column “%s”: “%s” %s"), row, header,
               value, why);
  return FALSE;
}

static gboolean
read_row (GsDealList *out, const GsCompModel *comp, const GsCompRole *role, char **header,
          char **cells, guint row, const int col[5], GError **error)
{
  guint n = g_strv_length (cells), y, m, d;
  const char *text[5];
  GsMoney spif = 0;
  GsPayEvent e = { 0 };
  GsMoney amount;
  GDate date;
  char tail;
  g_autoptr (GError) local = NULL;

  for (guint i = 0; i < 5; i++)
    text[i] = col[i] >= 0 && (guint) col[i] < n ? cells[col[i]] : "";
  if (*text[0] == '\0')
    return bad_cell (error, row, header[col[0]], text[0], _ ("is empty: every deal needs an id"));
  if (!gs_money_parse (text[1], comp->digits, &amount, &local) || amount < 0)
    return bad_cell (error, row, header[col[1]], text[1],
                     _ ("is not an amount of 0 or more, such as 25000.00"));
  g_date_clear (&date, 1);
  if (sscanf (text[2], "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return bad_cell (error, row, header[col[2]], text[2], _ ("is not a date YYYY-MM-DD"));
  g_date_set_dmy (&date, d, m, y);
  e.month = gs_credit_month (comp, &date);
  if (e.month < 0 || e.month >= GS_COMP_MONTHS)
    return bad_cell (error, row, header[col[2]], text[2],
                     _ ("is outside the pay plan's twelve months"));
  if (*text[3])
    {
      if (!gs_crm_parse_discount (text[3], strchr (header[col[3]], '%') != NULL, FALSE, &e.discount,
                                  &local))
        return bad_cell (error, row, header[col[3]], text[3], local->message);
      e.has_discount = TRUE;
    }
  if (*text[4])
    {
      g_auto (GStrv) ids = g_strsplit_set (text[4], ";|", -1);
      for (guint i = 0; ids[i]; i++)
        {
          const char *id = g_strstrip (ids[i]);
          gboolean found = FALSE;
          if (*id == '\0')
            continue;
          for (guint s = 0; s < role->n_spifs; s++)
            if (g_strcmp0 (role->spifs[s].id, id) == 0)
              {
                found = TRUE;
                if (g_date_compare (&date, &role->spifs[s].from) >= 0
                    && g_date_compare (&date, &role->spifs[s].to) <= 0)
                  spif += role->spifs[s].amount;
              }
          if (!found)
            return bad_cell (error, row, header[col[4]], id, _ ("is not a SPIF of the role"));
        }
    }
  e.measure = role->components[0].measure;
  e.amount = (double) amount;
  e.deal = out->events->len;
  e.order = out->events->len;
  g_array_append_val (out->events, e);
  g_ptr_array_add (out->ids, g_strdup (text[0]));
  g_ptr_array_add (out->dates, g_date_copy (&date));
  g_array_append_val (out->spif, spif);
  return TRUE;
}

GsDealList *
gs_deal_list_read (const GsCompModel *comp, const GsCompRole *role, const char *bytes, gsize length,
                   GError **error)
{
  g_autoptr (GsCsv) csv = gs_csv_read (bytes, length, error);
  g_autoptr (GsDealList) out = NULL;
  char **header;
  int col[5];

  if (csv == NULL)
    return NULL;
  if (gs_measure_unit (role->components[0].measure) != GS_MEASURE_UNIT_MONEY)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("role “%s”: its first component is not paid on an amount, so a list of "
                      "deals cannot be paid on it"),
                   role->id);
      return NULL;
    }
  header = g_ptr_array_index (csv->rows, 0);
  col[0] = column (header, "id", "deal");
  col[1] = column (header, "amount", "amount");
  col[2] = column (header, "date", "close date");
  col[3] = column (header, "discount", "discount %");
  col[4] = column (header, "spif", "spifs");
  if (col[0] < 0 || col[1] < 0 || col[2] < 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the header needs the columns id, amount and date"));
      return NULL;
    }
  out = g_new0 (GsDealList, 1);
  out->events = g_array_new (FALSE, TRUE, sizeof (GsPayEvent));
  out->ids = g_ptr_array_new_with_free_func (g_free);
  out->dates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);
  out->spif = g_array_new (FALSE, TRUE, sizeof (GsMoney));
  for (guint r = 1; r < csv->rows->len; r++)
    if (!read_row (out, comp, role, header, g_ptr_array_index (csv->rows, r),
                   g_array_index (csv->row_numbers, guint, r), col, error))
      return NULL;
  return g_steal_pointer (&out);
}
