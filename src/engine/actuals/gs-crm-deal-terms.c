/* gs-crm-deal-terms.c — discount, term, deal type and SPIF tags from CRM cells.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-deal-terms.h"
#include "gs-comp.h"
#include "gs-error.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

gboolean
gs_crm_parse_discount (const char *text, gboolean percent_header, gboolean decimal_comma,
                       double *out, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  gsize n = strlen (t);
  gboolean percent = percent_header;
  char *end;
  double v;

  if (n > 0 && t[n - 1] == '%')
    {
      t[--n] = '\0';
      percent = TRUE;
    }
  g_strchomp (t);
  if (decimal_comma)
    g_strdelimit (t, ",", '.');
  v = g_ascii_strtod (t, &end);
  if (*t == '\0' || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("not a discount: write a percent (15 %%) or a fraction of the list price "
                      "(0.15)"));
      return FALSE;
    }
  if (!percent && v > 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a discount above 1 must be a percent: write “%s %%” if that is meant"), t);
      return FALSE;
    }
  if (percent)
    v /= 100;
  if (v < 0 || v > 1)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a discount is between 0 %% and 100 %% of the list price"));
      return FALSE;
    }
  *out = round (v * 1e6) / 1e6;
  return TRUE;
}

double
gs_crm_discount_from_list (GsMoney amount, GsMoney list)
{
  if (list <= 0 || amount >= list)
    return 0;
  return round ((1 - (double) amount / (double) list) * 1e6) / 1e6;
}

gboolean
gs_crm_parse_term (const char *text, guint *months, GError **error)
{
  g_autofree char *copy = g_strdup (text);
  g_autofree char *t = g_ascii_strdown (g_strstrip (copy), -1);
  char *end;
  guint64 v = g_ascii_strtoull (t, &end, 10);
  guint per = 1;

  while (*end == ' ')
    end++;
  if (*end == '\0' || g_str_has_prefix (end, "mo"))
    per = 1;
  else if (g_str_has_prefix (end, "y"))
    per = 12;
  else
    end = NULL;
  if (end == t || end == NULL || !g_ascii_isdigit (t[0]) || v == 0 || v * per > GS_MAX_TERM_MONTHS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("not a term: write whole months (36) or years (3 years), at most %d "
                      "months"),
                   GS_MAX_TERM_MONTHS);
      return FALSE;
    }
  *months = (guint) (v * per);
  return TRUE;
}

gboolean
gs_crm_parse_deal_type (const char *text, GsDealType *out, GError **error)
{
  static const char *const existing[]
      = { "exist", "renew", "upsell", "up-sell", "upgrade", "expansion", "cross", "add-on", NULL };
  g_autofree char *t = g_utf8_casefold (text, -1);

  for (guint i = 0; existing[i]; i++)
    if (strstr (t, existing[i]))
      {
        *out = GS_DEAL_TYPE_EXISTING;
        return TRUE;
      }
  if (strstr (t, "new"))
    {
      *out = GS_DEAL_TYPE_NEW;
      return TRUE;
    }
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
               _ ("not a deal type: new business (“New Business”, “New Customer”) or an "
                  "existing customer (“Existing Business”, “Renewal”, “Upsell”)"));
  return FALSE;
}

/* The id of the pay plan's SPIF named by word (its id or name), or NULL. */
static const char *
spif_named (const GsModel *model, const char *word)
{
  const GsCompModel *comp = model->comp;
  for (guint r = 0; comp && r < comp->n_roles; r++)
    for (guint s = 0; s < comp->roles[r].n_spifs; s++)
      {
        const GsSpif *spif = &comp->roles[r].spifs[s];
        if (g_ascii_strcasecmp (spif->id, word) == 0
            || (spif->name && g_utf8_collate (spif->name, word) == 0)
            || (spif->name && g_ascii_strcasecmp (spif->name, word) == 0))
          return spif->id;
      }
  return NULL;
}

char **
gs_crm_parse_spif_tags (const char *text, const GsModel *model, GError **error)
{
  g_auto (GStrv) words = g_strsplit_set (text, ";,|", -1);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i]; i++)
    {
      const char *word = g_strstrip (words[i]), *id;
      if (*word == '\0')
        continue;
      id = spif_named (model, word);
      if (id == NULL)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("“%s” is not a SPIF of the pay plan (give a SPIF's id or name)"), word);
          return NULL;
        }
      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }
  if (ids->len > GS_MAX_DEAL_SPIFS)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("more than %d SPIFs on one deal"),
                   GS_MAX_DEAL_SPIFS);
      return NULL;
    }
  if (ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}
