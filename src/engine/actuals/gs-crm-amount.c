/* gs-crm-amount.c — reading CRM amounts.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-crm-amount.h"
#include "gs-error.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Drops currency signs, codes and spaces (U+00A0 and U+202F group digits in
 * French exports); refuses a code other than the plan's.  out has room for
 * text's length: what is kept is ASCII, a byte for a byte at most. */
static gboolean
strip_currency (const char *text, const char *currency, char *out, gboolean *negative,
                GError **error)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isupper (*p) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]))
        {
          if (strncmp (p, currency, 3) != 0)
            {
              g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                           _ ("the amount is in %.3s, the plan is in %s"), p, currency);
              return FALSE;
            }
          p += 2;
          continue;
        }
      if (c >= '0' && c <= '9')
        *out++ = (char) c;
      else if (c == '-' || c == '(' || c == 0x2212)
        *negative = TRUE;
      else if (c == '.' || c == ',' || c == '\'')
        *out++ = (char) c;
      else if (g_unichar_isspace (c) || c == 0x202f
               || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL || c == ')' || c == '+')
        continue;
      else
        {
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("not a number"));
          return FALSE;
        }
    }
  *out = '\0';
  return TRUE;
}

gboolean
gs_crm_amount_parse (const char *text, const char *currency, guint digits, gboolean decimal_comma,
                     GsMoney *out, GError **error)
{
  /* Amounts are short: on the stack, unless one is not. */
  char stack_s[64], stack_plain[64];
  gsize room = strlen (text) + 1;
  g_autofree char *heap_s = room > sizeof stack_s ? g_malloc (room) : NULL;
  g_autofree char *heap_plain = room > sizeof stack_plain ? g_malloc (room) : NULL;
  char *s = heap_s ? heap_s : stack_s;
  char *plain = heap_plain ? heap_plain : stack_plain, *q = plain;
  gboolean negative = FALSE;
  char *last_dot, *last_comma, *point = NULL;
  g_autoptr (GError) parse = NULL;

  if (!strip_currency (text, currency, s, &negative, error))
    return FALSE;
  if (strpbrk (s, "0123456789") == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("not a number"));
      return FALSE;
    }
  if (negative)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("an amount cannot be negative"));
      return FALSE;
    }
  last_dot = strrchr (s, '.');
  last_comma = strrchr (s, ',');
  if (last_dot && last_comma)
    point = MAX (last_dot, last_comma);
  else if (last_dot || last_comma)
    {
      char *sep = last_dot ? last_dot : last_comma;
      gboolean once = strchr (s, *sep) == sep;
      gboolean three = strlen (sep + 1) == 3;
      gboolean is_decimal_sign = (*sep == ',') == decimal_comma;
      /* 1,234,567 groups; 1,234 groups unless commas are the file's decimals. */
      if (once && !(three && !is_decimal_sign))
        point = sep;
    }
  for (char *p = s; *p; p++)
    {
      if (p == point)
        *q++ = '.';
      else if (g_ascii_isdigit (*p))
        *q++ = *p;
    }
  *q = '\0';
  if (!gs_money_parse (plain, digits, out, &parse))
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "%s", parse->message);
      return FALSE;
    }
  return TRUE;
}
