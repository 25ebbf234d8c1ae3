/* gs-crm-date.c — reading CRM dates, the order decided per file.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-date.h"
#include "gs-error.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

typedef enum
{
  FORM_NONE,
  FORM_ISO,   /* y m d */
  FORM_PARTS, /* a b y: which of a and b is the day depends on the order */
} Form;

/* A run of 1 to 9 digits at *p into *out, *p moved past it; FALSE when
 * there is none or it is longer (then sscanf decides, below). */
static gboolean
digits (const char **p, int *out)
{
  const char *q = *p;
  int n = 0;
  /* A tenth digit only says the run is too long: not added (it could
   * overflow an int; found by fuzz-crm, UBSan). */
  for (; *q >= '0' && *q <= '9' && q - *p < 10; q++)
    if (q - *p < 9)
      n = n * 10 + (*q - '0');
  if (q == *p || q - *p > 9)
    return FALSE;
  *out = n, *p = q;
  return TRUE;
}

/* What sscanf (text, "%d%c%d%c%d%n", …) reads, for the common case of
 * plain digits (no space, sign or long number): one pass, no locale. */
static gboolean
scan_plain (const char *text, int *x, char *sep1, int *y, char *sep2, int *z, int *used)
{
  const char *p = text;
  if (!digits (&p, x) || *p == '\0')
    return FALSE;
  *sep1 = *p++;
  if (!digits (&p, y) || *p == '\0')
    return FALSE;
  *sep2 = *p++;
  if (!digits (&p, z))
    return FALSE;
  *used = (int) (p - text);
  return TRUE;
}

/* Splits text into three numbers; a time after the date ("10:15",
 * "T10:15:00Z", " 10:15 AM") is ignored. */
static Form
split (const char *text, int *x, int *y, int *z)
{
  char sep1, sep2;
  int used = 0;
  /* An empty cell (an open deal's close date) is none: sscanf would say
   * so too, at a cost that 100,000 of them make count. */
  if (text == NULL || *text == '\0')
    return FORM_NONE;
  if (!scan_plain (text, x, &sep1, y, &sep2, z, &used)
      && sscanf (text, "%d%c%d%c%d%n", x, &sep1, y, &sep2, z, &used) != 5)
    return FORM_NONE;
  if (sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.'))
    return FORM_NONE;
  if (text[used] != '\0' && text[used] != ' ' && text[used] != 'T')
    return FORM_NONE;
  if (*x > 31 && sep1 == '-')
    return FORM_ISO;
  if (*x > 31)
    return FORM_NONE;
  if (*z < 100)
    *z += 2000; /* "03/04/27": two-digit years are this century's */
  return FORM_PARTS;
}

void
gs_date_evidence_add (GsDateEvidence *ev, const char *text)
{
  int a, b, y;
  if (split (text, &a, &b, &y) != FORM_PARTS)
    return;
  if (a > 12 && b <= 12)
    ev->day_first_seen = TRUE;
  else if (b > 12 && a <= 12)
    ev->month_first_seen = TRUE;
  else if (a <= 12 && b <= 12 && a != b)
    {
      ev->n_ambiguous++;
      if (ev->example == NULL)
        ev->example = g_strdup (text);
    }
}

void
gs_date_evidence_clear (GsDateEvidence *ev)
{
  g_free (ev->example);
  memset (ev, 0, sizeof *ev);
}

gboolean
gs_date_order_decide (const GsDateEvidence *ev, GsDateOrder setting, GsDateOrder *out,
                      GError **error)
{
  if (ev->day_first_seen && ev->month_first_seen)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the file's dates mix day-first (13/01) and month-first (01/13) forms"));
      return FALSE;
    }
  if (ev->day_first_seen || ev->month_first_seen)
    {
      GsDateOrder found = ev->day_first_seen ? GS_DATE_ORDER_DMY : GS_DATE_ORDER_MDY;
      if (setting != GS_DATE_ORDER_AUTO && setting != found)
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("the mapping says dates are %s but the file's are %s"),
                       gs_date_order_names[setting], gs_date_order_names[found]);
          return FALSE;
        }
      *out = found;
      return TRUE;
    }
  if (ev->n_ambiguous > 0 && setting == GS_DATE_ORDER_AUTO)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("every date in the file fits both day-first and month-first (“%s”): set "
                      "date_order to “dmy” or “mdy” in the mapping"),
                   ev->example);
      return FALSE;
    }
  *out = setting == GS_DATE_ORDER_AUTO ? GS_DATE_ORDER_DMY : setting;
  return TRUE;
}

gboolean
gs_crm_date_parse (const char *text, GsDateOrder order, GDate *out)
{
  int a, b, y, d, m;
  switch (split (text, &a, &b, &y))
    {
    case FORM_ISO:
      d = y, m = b, y = a;
      break;
    case FORM_PARTS:
      d = order == GS_DATE_ORDER_MDY ? b : a;
      m = order == GS_DATE_ORDER_MDY ? a : b;
      break;
    case FORM_NONE:
    default:
      return FALSE;
    }
  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}
